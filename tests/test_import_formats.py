"""The same statute saved as .txt, .html, .docx and .pdf imports into the same tree."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from drafting.importers.document import import_document
from drafting.model.document import Document, Node, map_nodes

from . import make_fixtures as fx

VARIANTS = ["txt", "sig.txt", "1252.txt", "16.txt", "html", "1252.html", "docx"]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    return fx.build_all(tmp_path_factory.mktemp("formats"), pdf=False)


def strip_ids(doc: Document) -> Document:
    """The same tree without eIds and GUIDs, for comparing content only."""
    return replace(doc, **{name: map_nodes(nodes, lambda n: replace(n, eid="", guid="")) for name, nodes in doc.parts()})


def shape(doc: Document, tables: bool = True) -> tuple:
    """The body as the reader sees it: kinds, numbers, headings and text, without ids or source lines.

    A plain-text file cannot carry a table, so text variants are compared without them.
    """
    body = strip_ids(doc).body
    if tables:
        return body

    def drop(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
        return tuple(replace(n, children=drop(n.children)) for n in nodes if n.kind != "table")

    return drop(body)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_text_file_gives_the_expected_articles(files, lang) -> None:
    doc = import_document(files[f"{lang}.txt"]).document
    units = doc.units()
    assert len(units) >= 6
    assert all(u.heading for u in units if not u.repealed), [u.num for u in units if not u.heading]
    assert doc.meta.language == lang


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("variant", VARIANTS[1:])
def test_every_format_gives_the_same_tree(files, lang, variant) -> None:
    reference = import_document(files[f"{lang}.txt"])
    other = import_document(files[f"{lang}.{variant}"])
    assert shape(other.document, tables=False) == shape(reference.document, tables=False)
    assert other.report.lost_words == ()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_html_and_docx_keep_the_same_tables(files, lang) -> None:
    docx = import_document(files[f"{lang}.docx"]).document
    assert shape(import_document(files[f"{lang}.html"]).document) == shape(docx)
    assert any(n.kind == "table" for n, _ in docx.walk()) == any(b.kind == "table" for b in fx.STATUTES[lang])


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["es", "en"])
def test_pdf_gives_the_same_tree(files, lang, tmp_path) -> None:
    if fx.soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed: cannot make the PDF")
    (pdf,) = fx.to_pdf([files[f"{lang}.docx"]], tmp_path)
    reference = import_document(files[f"{lang}.docx"]).document
    assert shape(import_document(pdf).document) == shape(reference)
