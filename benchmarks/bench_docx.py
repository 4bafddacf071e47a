"""DOCX export of a long bill against python-docx writing the same paragraphs unstyled.

A generated Dominican-style bill (chapters of 20 articles; each article a heading, its text, two
Párrafos, one with three literales) goes through `docx_bytes`: layout, our styles, direct
formatting, page furniture, properties. The baseline writes the very paragraphs `docx_bytes`
writes (label, separator, text) with python-docx's own `Document.add_paragraph(text)`, unstyled,
and saves — python-docx as its documentation uses it. That call looks for the body's closing
`w:sectPr` among all the body's children on every paragraph, so the baseline grows quadratically;
ours inserts before the last child found from the end. So the ratio is also shown against a
second, stricter floor: the same unstyled paragraphs appended with lxml before that sectPr (what
python-docx would cost without its quadratic search). Our own times at 2,000, 4,000 and 8,000
articles, per article, show that the export grows linearly. Aim: within 3× of python-docx.
"""

from __future__ import annotations

import io

import docx
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph

from drafting.export.docx import docx_bytes
from drafting.export.layout import layout
from drafting.model.document import Document, Meta, Node
from drafting.parse import profiles

from .harness import measure, report

SIZES = (2000, 4000, 8000)
PER_CHAPTER = 20
PROFILE = profiles.get("es-DO")


def bill(articles: int) -> Document:
    """A bill of `articles` articles in chapters of PER_CHAPTER, every article alike in shape."""
    chapters = []
    for c in range(0, articles, PER_CHAPTER):
        units = []
        for n in range(c + 1, min(c + PER_CHAPTER, articles) + 1):
            units.append(Node(kind="article", num=str(n), heading=f"Disposición número {n}",
                              text=f"Quien cometa la conducta descrita en este artículo {n} será sancionado con "
                                   "prisión de dos a cinco años y multa de cincuenta a cien salarios mínimos.",
                              children=(
                                  Node(kind="paragraph", num="I", text="La pena se aumentará en un tercio cuando "
                                       "la víctima sea menor de trece años o persona en situación de vulnerabilidad."),
                                  Node(kind="paragraph", num="II", text="Se consideran circunstancias agravantes:",
                                       children=(Node(kind="list", children=tuple(
                                           Node(kind="point", num=letter, text=f"la circunstancia {letter} del "
                                                f"artículo {n}, cuando concurra con otra;") for letter in "abc")),)),
                              )))
        chapters.append(Node(kind="chapter", num=str(c // PER_CHAPTER + 1), heading=f"Capítulo de prueba {c // 20 + 1}",
                             children=tuple(units)))
    meta = Meta(country="do", doc_type="bill", language="es", profile="es-DO", title="Ley de prueba de rendimiento",
                extra=(("jurisdiction", "do"),))
    return Document(meta=meta, body=tuple(chapters))


def paragraphs(document: Document) -> list[str]:
    """The paragraphs docx_bytes writes, as plain text."""
    return [f"{b.label}{b.sep}{b.text}" if b.label else b.text for b in layout(document, PROFILE) if b.kind == "p"]


def python_docx(texts: list[str]) -> bytes:
    """Unstyled python-docx as documented: Document.add_paragraph(text) per paragraph, then save."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def python_docx_lxml(texts: list[str]) -> bytes:
    """The same unstyled paragraphs, appended before the cached sectPr (no per-call body search)."""
    document = docx.Document()
    body = document.element.body
    sect_pr = body[-1]
    for text in texts:
        p = OxmlElement("w:p")
        sect_pr.addprevious(p)
        Paragraph(p, document._body).add_run(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    ours_by_size: dict[int, float] = {}
    for size in SIZES:
        document = bill(size)
        repeat = 5 if size <= 2000 else 3
        ours_by_size[size] = measure(lambda: docx_bytes(document, PROFILE), repeat=repeat)
        if size == SIZES[0]:
            texts = paragraphs(document)
            plain = measure(lambda: python_docx(texts), repeat=repeat)
            report(f"docx export, {size} articles", ours_by_size[size], plain,
                   label="python-docx add_paragraph, unstyled", aim="≤ 3x")
            floor = measure(lambda: python_docx_lxml(texts), repeat=repeat)
            report(f"docx export, {size} articles", ours_by_size[size], floor,
                   label="python-docx, unstyled, lxml append")
            print(f"  ({len(texts):,} paragraphs; median of {repeat} runs after a warm-up)", flush=True)
    first = SIZES[0]
    for size in SIZES:
        per = ours_by_size[size] / size * 1000
        growth = ours_by_size[size] / ours_by_size[first]
        print(f"docx export, {size:>5} articles  ours={ours_by_size[size]:8.3f}s  {per:6.3f} ms/article  "
              f"×{growth:4.2f} for ×{size // first} articles", flush=True)
