"""What the tests of publishing styles share (tests/test_import_styles*.py, tests/test_import_html_*.py):
a statute written in a test, imported as a file of that name would be, and the views they assert on."""

from __future__ import annotations

from drafting.importers.document import import_document
from drafting.model.document import Document


def imported(text: str, name: str, encoding: str = "utf-8") -> Document:
    """`text` imported as the file `name` holding it in `encoding` (the name's suffix picks the reader)."""
    return import_document(name, data=text.encode(encoding)).document


def labels(doc: Document) -> list[str]:
    """The article-level units' labels, as printed."""
    return [u.label for u in doc.units()]


def law_text(doc: Document) -> str:
    """The law's words, unit by unit (notes and debris are not law)."""
    return " ".join(u.full_text() for u in doc.units())
