"""Akoma Ntoso write + read of a large document against lxml serialising and parsing the same XML."""

from __future__ import annotations

from lxml import etree

from drafting import akn
from drafting.model.document import Document, Meta, Node

from .harness import measure, report


def large_document(articles: int = 2000) -> Document:
    body = []
    for chapter in range(1, articles // 50 + 1):
        arts = tuple(
            Node(kind="article", num=str(n), heading=f"Disposición {n}",
                 children=(Node(kind="paragraph", num="I", text=f"Texto del artículo {n}, párrafo primero."),
                           Node(kind="paragraph", num="II", text="Texto del párrafo segundo, con a) y b).")))
            for n in range((chapter - 1) * 50 + 1, chapter * 50 + 1)
        )
        body.append(Node(kind="chapter", num=str(chapter), heading=f"Capítulo {chapter}", children=arts))
    return Document(meta=Meta(country="xx", number="1-26", date="2026-01-01", language="es", title="Ley grande"), body=tuple(body))


def main() -> None:
    doc = large_document()
    data = akn.to_xml(doc)
    tree = etree.fromstring(data)
    ours = measure(lambda: akn.from_xml(akn.to_xml(doc)))
    floor = measure(lambda: etree.fromstring(etree.tostring(tree)))
    report("akn write+read 2,000 articles", ours, floor, label="lxml-floor")


if __name__ == "__main__":
    main()
