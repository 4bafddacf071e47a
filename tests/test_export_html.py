"""HTML export of bills: one self-contained page, escaped, with a contents list."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from drafting.errors import DraftingError
from drafting.export.html import document_html, write_html
from drafting.model.document import Document, Meta, Node
from drafting.parse import profiles

from .strategies import documents
from .test_export_docx import english_bill, spanish_bill

ES = profiles.get("es-DO")
EN = profiles.get("en-commonwealth")


class _Page(HTMLParser):
    """Collects ids, links, tags and visible text; fails on a stray element."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if tag == "a":
            self.links.append(values.get("href") or "")
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_page_is_standalone_and_has_labels_as_text() -> None:
    page = document_html(spanish_bill(), ES)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="es-DO">' in page  # language and country
    assert not re.search(r"(src|href)=\"(https?:)?//", page) and "<link" not in page and "<script" not in page
    parsed = parse(page)
    text = "".join(parsed.text)
    assert "Artículo 24.- Pornografía infantil." in text
    assert "Párrafo I.- La pena se aumentará" in text
    # label then text: the gap is a space inside the label's box, so copied or read back the text is
    # "a) que …", never "a)que …" (which an importer no longer reads as a label)
    assert "a) que la víctima" in text
    assert "«Artículo 24.- Pornografía infantil." in text and "consumado.»" in text
    assert "Artículo 26.- Acceso ilícito. [Derogado]" in text
    assert '<blockquote class="quoted">' in page and "<table" in page


def test_contents_links_every_division_and_unit_to_an_anchor() -> None:
    for document, profile in ((spanish_bill(), ES), (english_bill(), EN)):
        parsed = parse(document_html(document, profile))
        assert len(parsed.ids) == len(set(parsed.ids)), "ids must be unique"
        targets = [link[1:] for link in parsed.links]
        assert targets and set(targets) <= set(parsed.ids)
    spanish = parse(document_html(spanish_bill(), ES))
    assert [t for t in spanish.links][:3] == ["#title_I", "#title_I__chp_I", "#art_1"]
    # a quoted article is not one of the bill's own units
    assert sum(1 for link in spanish.links if link == "#art_24") == 1


def test_everything_is_escaped() -> None:
    evil = "<script>alert('x')</script> & \"q\""
    article = Node("article", num="1", heading=evil, text=evil, children=(Node("point", num="<a>", text=evil),))
    document = Document(meta=Meta(language="en", title=evil), body=(article,))
    page = document_html(document, EN)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;q&quot;" in page
    assert "<title>&lt;script&gt;" in page
    assert "(&lt;a&gt;)" in page
    assert "script" not in parse(page).tags


def test_title_argument_and_newlines() -> None:
    document = Document(meta=Meta(language="en"), body=(Node("section", num="1", text="one\ntwo"),))
    page = document_html(document, EN, title="My bill")
    assert "<title>My bill</title>" in page and "one<br>two" in page


def test_write_html_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "bill.html"
    write_html(english_bill(), target, EN)
    assert "Interpretation" in target.read_text(encoding="utf-8")
    with pytest.raises(DraftingError, match="missing"):
        write_html(english_bill(), tmp_path / "missing" / "bill.html", EN)
    with pytest.raises(DraftingError):
        write_html(english_bill(), tmp_path, EN)
    assert [p.name for p in tmp_path.iterdir()] == ["bill.html"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_renders_well_formed_ids(document: Document) -> None:
    profile = ES if document.meta.language == "es" else EN
    parsed = parse(document_html(document, profile))
    assert len(parsed.ids) == len(set(parsed.ids))
    assert {link[1:] for link in parsed.links} <= set(parsed.ids)
