"""Huge and hostile inputs (issue 15): a 500-page PDF import and the worst-case regex line.

- 500-page PDF (generated here, never committed): `drafting`'s whole import (layout, paragraphs,
  structure, report) against the floor of pdfplumber extracting the text of every page alone.
- The worst-case Markdown line of the issue (" __a_" repeated, 1 MB): our Markdown import of it
  against a plain `str.split` of the same line (reading it at all). Before the fix a 300 KB line
  took about three minutes; now it must stay a small constant times the floor.
"""

from __future__ import annotations

from io import BytesIO

from drafting.importers.document import import_document
from drafting.importers.markdown import parse as markdown_parse

from .harness import measure, report
from .pdf_maker import statute_pdf

PAGES = 500
LINE = " __a_" * (1024 * 1024 // 5)


def _pdfplumber_text(data: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def main() -> None:
    data = statute_pdf(PAGES)
    ours = measure(lambda: import_document("law.pdf", data=data, language="es"), repeat=1)
    floor = measure(lambda: _pdfplumber_text(data), repeat=1)
    report(f"import of a {PAGES}-page PDF", ours, floor, "pdfplumber text", aim="under 3x")
    text = ("Artículo 1. La ley.\n" + LINE + "\n").encode("utf-8")
    ours = measure(lambda: markdown_parse(text, "law.md"))
    floor = measure(lambda: LINE.split())
    report("1 MB ' __a_' line (Markdown)", ours, floor, "str.split", aim="linear: a constant, not minutes")
    whole = measure(lambda: import_document("law.md", data=text, language="es"), repeat=1)
    report("same line, whole import", whole, floor, "str.split")


if __name__ == "__main__":
    main()
