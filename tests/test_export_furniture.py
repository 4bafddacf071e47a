"""What every document we write carries besides the law's text, and the bill furniture of the contract.

The bills are built here as the contract between the bill assembler and the writers describes them
(an `arrangement` toc in the preface, `language_tag` in the meta, `defines` on definitions), so these
tests hold whatever the assembler does today.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

import docx
import pytest
from lxml import etree

from drafting.amend.changes import compare
from drafting.export.diff_html import diff_html
from drafting.export.docx import docx_bytes
from drafting.export.html import document_html
from drafting.export.language import language_tag
from drafting.export.layout import layout
from drafting.export.redline import redline_bytes
from drafting.export.review_docx import comparison_docx_bytes, review_docx_bytes
from drafting.model.document import Document, Meta, Node
from drafting.parse import profiles

from .amend_samples import ley_v1, ley_v2

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
EN = profiles.get("en-commonwealth")
ES = profiles.get("es-DO")
N = Node


def commonwealth_bill(tag: str = "en-GB") -> Document:
    """An English bill as the assembler makes one: preface with the title, the Arrangement of Sections
    and the long title; definitions marked with the term they define."""
    arrangement = N("toc", name="arrangement", heading="ARRANGEMENT OF SECTIONS", children=(
        N("tocItem", name="division", label="PART I", heading="PRELIMINARY"),
        N("tocItem", label="1.", heading="Short title"),
        N("tocItem", label="2.", heading="Interpretation"),
        N("tocItem", name="division", label="PART II", heading="OFFENCES"),
        N("tocItem", label="3.", heading="Possession of child sexual abuse material"),
    ))
    preface = (
        N("text", name="docTitle", text="CHILD ONLINE PROTECTION BILL, 2026"),
        arrangement,
        N("text", name="longTitle", text="A BILL for an Act to protect children from sexual abuse material."),
    )
    preamble = (N("formula", name="enactingFormula", text="BE IT ENACTED by Parliament as follows:"),)
    s1 = N("section", num="1", label="1.", heading="Short title",
           text="This Act may be cited as the Child Online Protection Act, 2026.")
    s2 = N("section", num="2", label="2.", heading="Interpretation", children=(
        N("subsection", num="1", label="(1)", text="In this Act—", children=(
            N("list", children=(
                N("point", num="", defines="child", text="\"child\" means a person under the age of eighteen years;"),
                N("point", num="", defines="computer system",
                  text="“computer system” means any device that processes data automatically."),
            )),
        )),
    ))
    s3 = N("section", num="3", label="3.", heading="Possession of child sexual abuse material",
           text="A person who knowingly possesses child sexual abuse material commits an offence.")
    body = (N("part", num="I", label="PART I", heading="PRELIMINARY", children=(s1, s2)),
            N("part", num="II", label="PART II", heading="OFFENCES", children=(s3,)))
    meta = Meta(country="xc", doc_type="bill", language="en", profile="en-commonwealth",
                title="Child Online Protection Bill, 2026", short_title="Child Online Protection Act, 2026",
                extra=(("jurisdiction", "xc"), ("language_tag", tag)) if tag else (("jurisdiction", "xc"),))
    return Document(meta=meta, preface=preface, preamble=preamble, body=body)


def spanish_bill() -> Document:
    definitions = N("article", num="2", heading="Definiciones", text="Para los fines de la presente ley, se entiende por:",
                    children=(N("list", children=(
                        N("point", num="a", label="a)", defines="Niño, niña o adolescente",
                          text="Niño, niña o adolescente: toda persona menor de dieciocho años."),)),))
    meta = Meta(country="do", doc_type="bill", language="es", profile="es-DO", title="Ley de protección",
                extra=(("jurisdiction", "do"),))
    return Document(meta=meta, body=(N("article", num="1", heading="Objeto", text="La presente ley protege."),
                                     definitions))


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
                if name.endswith(".xml") and not name.startswith("[")}


# --- the Arrangement of Sections ------------------------------------------------------------------


def test_the_arrangement_is_printed_before_the_enacting_formula() -> None:
    doc = docx.Document(io.BytesIO(docx_bytes(commonwealth_bill(), EN)))
    paragraphs = [(p.style.name, p.text) for p in doc.paragraphs]
    names = [text for _, text in paragraphs]
    start = names.index("ARRANGEMENT OF SECTIONS")
    assert paragraphs[start][0] == "Arrangement Heading"
    assert start < names.index("BE IT ENACTED by Parliament as follows:")
    entries = [text for style, text in paragraphs if style == "Arrangement Entry"]
    assert entries == ["1.\tShort title", "2.\tInterpretation", "3.\tPossession of child sexual abuse material"]
    divisions = [text for style, text in paragraphs if style == "Arrangement Division"]
    assert divisions == ["PART I", "PRELIMINARY", "PART II", "OFFENCES"]
    entry = doc.styles["Arrangement Entry"].paragraph_format
    assert entry.first_line_indent < 0 and entry.tab_stops[0].position == entry.left_indent  # headings aligned
    # the long title opens a new page after the arrangement
    long_title = next(p for p in doc.paragraphs if p.text.startswith("A BILL for an Act"))
    assert long_title.paragraph_format.page_break_before


def test_the_arrangement_links_to_its_sections_in_html() -> None:
    page = document_html(commonwealth_bill(), EN)
    assert 'class="arrangement-heading' in page and "ARRANGEMENT OF SECTIONS" in page
    anchors = re.findall(r'<p class="arrangement-entry[^"]*"><span class="label">([^<]+)</span><a href="#([^"]+)">', page)
    assert [label.strip() for label, _ in anchors] == ["1.", "2.", "3."]
    for _, target in anchors:
        assert f'id="{target}"' in page
    assert '<nav class="toc"' not in page  # the bill's own arrangement is its contents


def test_an_imported_index_is_never_printed() -> None:
    bill = commonwealth_bill()
    index = N("toc", name="toc", heading="ÍNDICE", children=(N("tocItem", label="1.", heading="Short title"),))
    document = Document(meta=bill.meta, preface=(bill.preface[0], index), body=bill.body)
    texts = [b.text for b in layout(document, EN)]
    assert "ÍNDICE" not in texts and "ARRANGEMENT OF SECTIONS" not in texts


# --- defined terms ----------------------------------------------------------------------------------


def _runs(doc: docx.document.Document, start: str) -> list[tuple[str, bool]]:
    paragraph = next(p for p in doc.paragraphs if start in p.text)
    return [(r.text, bool(r.bold)) for r in paragraph.runs if r.text]


def test_defined_terms_are_bold_in_the_house_quotes() -> None:
    doc = docx.Document(io.BytesIO(docx_bytes(commonwealth_bill(), EN)))
    assert ("“child”", True) in _runs(doc, "means a person under")  # straight quotes become the house's curly ones
    assert ("“computer system”", True) in _runs(doc, "processes data")
    assert all('"' not in p.text for p in doc.paragraphs)
    page = document_html(commonwealth_bill(), EN)
    assert '<strong class="term">“child”</strong> means' in page
    spanish = docx.Document(io.BytesIO(docx_bytes(spanish_bill(), ES)))
    assert ("«Niño, niña o adolescente»", True) in _runs(spanish, "toda persona menor")


def test_a_source_definition_is_left_as_printed() -> None:
    """Quotes and bold are house style for what we draft; an imported statute keeps its own typography."""
    bill = commonwealth_bill()
    imported = Document(meta=Meta(language="en", profile="en-commonwealth", title="Act"), body=bill.body)
    blocks = [b for b in layout(imported, EN) if "means a person" in b.text]
    assert blocks[0].text.startswith('"child" means') and not blocks[0].term


# --- language ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("meta", "tag"), [
    (Meta(language="en", country="xc", extra=(("language_tag", "en-GB"),)), "en-GB"),
    (Meta(language="es", country="do"), "es-DO"),
    (Meta(language="es", country="pe"), "es-PE"),
    (Meta(language="en", country="xc"), "en"),  # a generic preset's code is no country
    (Meta(language="en", country="xm"), "en"),
    (Meta(language="es", country="xx"), "es"),
    (Meta(language="es", country="zz"), "es"),
    (Meta(language="", country="do"), ""),
])
def test_language_tag(meta: Meta, tag: str) -> None:
    assert language_tag(meta) == tag


def test_the_language_tag_is_in_the_docx_and_the_html() -> None:
    for bill, profile, tag in ((commonwealth_bill(), EN, "en-GB"), (commonwealth_bill(tag=""), EN, "en"),
                               (spanish_bill(), ES, "es-DO")):
        styles = parts(docx_bytes(bill, profile))["word/styles.xml"]
        assert styles.xpath("string(w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val)", namespaces=NS) == tag
        assert f'<html lang="{tag}">' in document_html(bill, profile)
    assert "XC" not in document_html(commonwealth_bill(tag=""), EN).split("<head>")[0]


# --- every DOCX: page numbers, properties ----------------------------------------------------------


def every_docx() -> dict[str, bytes]:
    from drafting.amend.instructions import instructions_document
    from drafting.library.library import load_library
    from drafting.review.compare import compare as compare_with_model
    from drafting.review.verdicts import review

    from .test_compare_cli import XS

    changes = compare(ley_v1(), ley_v2())
    library = load_library(None)
    statute = __import__("drafting.importers.document", fromlist=["import_document"]).import_document(XS).document
    result = review(statute, library, edition="2006")
    comparison = compare_with_model(statute, library, clauses=["offence-possession"])
    return {
        "bill": docx_bytes(commonwealth_bill(), EN, author="Oficina de Redacción"),
        "redline": redline_bytes(ley_v1(), ley_v2(), changes, author="Revisora", date="2026-09-01T10:00:00Z"),
        "instructions": docx_bytes(instructions_document(changes, ES, "Ley No. 12-34"), ES),
        "review": review_docx_bytes(result, comparison, library),
        "comparison": comparison_docx_bytes(comparison),
    }


@pytest.fixture(scope="module")
def written() -> dict[str, bytes]:
    return every_docx()


@pytest.mark.parametrize("kind", ["bill", "redline", "instructions", "review", "comparison"])
def test_every_docx_has_page_numbers_and_true_properties(written: dict[str, bytes], kind: str) -> None:
    data = written[kind]
    xml = parts(data)
    footers = [root for name, root in xml.items() if name.startswith("word/footer")]
    assert footers, "a footer"
    instructions = " ".join(t.text or "" for f in footers for t in f.iter(f"{{{W}}}instrText"))
    assert "PAGE" in instructions.split() and "NUMPAGES" in instructions.split()
    assert any(name.startswith("word/header") for name in xml)
    core = docx.Document(io.BytesIO(data)).core_properties
    now = datetime.now(timezone.utc)
    assert core.created is not None and abs(core.created.replace(tzinfo=timezone.utc) - now) < timedelta(minutes=5)
    assert core.modified == core.created
    assert core.author and core.author != "python-docx" and core.last_modified_by == core.author
    assert core.title and "python-docx" not in (core.comments or "")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "docProps/thumbnail.jpeg" not in archive.namelist()
        assert b"Microsoft" not in archive.read("docProps/app.xml")


def test_the_author_given_is_the_creator(written: dict[str, bytes]) -> None:
    assert docx.Document(io.BytesIO(written["bill"])).core_properties.author == "Oficina de Redacción"
    assert docx.Document(io.BytesIO(written["redline"])).core_properties.author == "Revisora"
    assert docx.Document(io.BytesIO(written["instructions"])).core_properties.author == "drafting"


def test_the_redline_tracks_a_reviewers_own_edits(written: dict[str, bytes]) -> None:
    settings = parts(written["redline"])["word/settings.xml"]
    tracked = settings.find(f"{{{W}}}trackRevisions")
    assert tracked is not None
    order = [etree.QName(el).localname for el in settings]
    assert order.index("trackRevisions") < order.index("defaultTabStop")  # schema order, or Word calls it corrupt


@pytest.mark.parametrize("kind", ["redline", "review", "comparison"])
def test_diff_and_report_text_is_flush_left(written: dict[str, bytes], kind: str) -> None:
    styles = parts(written[kind])["word/styles.xml"]
    assert styles.xpath("//w:jc[@w:val='both']", namespaces=NS) == []  # no justified style: no stretched lines
    document = parts(written[kind])["word/document.xml"]
    assert document.xpath("//w:jc[@w:val='both']", namespaces=NS) == []


# --- reports in plain terms -------------------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def test_reports_show_titles_and_words_never_ids_or_stems(written: dict[str, bytes]) -> None:
    from drafting.export.review_html import review_html
    from drafting.importers.document import import_document
    from drafting.library.library import load_library
    from drafting.review.compare import compare as compare_with_model
    from drafting.review.verdicts import review

    from .test_compare_cli import XS

    library = load_library(None)
    statute = import_document(XS).document
    result = review(statute, library, edition="2006")
    comparison = compare_with_model(statute, library, clauses=[c for v in result.verdicts for c in v.clauses])
    parser = _Text()
    parser.feed(review_html(result, comparison, library))
    shown = " ".join(parser.chunks)
    memo = "\n".join(p.text for p in docx.Document(io.BytesIO(written["review"])).paragraphs)
    memo += "\n".join(c.text for t in docx.Document(io.BytesIO(written["review"])).tables for r in t.rows for c in r.cells)
    eids = {e.eid for v in result.verdicts for e in v.evidence} | {m.eid for c in comparison.clauses for m in c.matches}
    # stems that are no word of the texts compared ("garantiz", "objet"): a reader must never see them
    real = {w.lower() for c in comparison.clauses for text in [c.model_text] + [m.text for m in c.matches]
            for w in re.findall(r"\w+", text)}
    real |= {w.lower() for v in result.verdicts for w in re.findall(r"\w+", f"{v.reason} {v.reason_es} {v.check_note}")}
    stems = {t for c in comparison.clauses for m in c.matches for t in m.terms} - real
    assert stems
    for text in (shown, memo):
        assert not any(eid in text for eid in eids if eid)
        assert "offence-possession" not in text and "duty-isp-report" not in text  # clause ids
        words = set(re.findall(r"\w+", text.lower()))
        assert not (stems & words), stems & words
    assert "Possession of child sexual abuse material" in shown
    assert any(m.words for c in comparison.clauses for m in c.matches)


def test_the_side_by_side_page_keeps_the_laws_labels() -> None:
    page = diff_html(ley_v1(), ley_v2())
    assert "Artículo 2.-" in page  # the profile's label for a bill without printed labels
    assert "Párrafo.-" not in page  # an unnumbered paragraph is never given one


def test_the_app_never_shows_a_note_as_the_law() -> None:
    from drafting.app.render import blocks_html, node_html

    article = N("article", num="2", label="Artículo 2.", heading="Acceso ilícito", text="El que accede…", children=(
        N("paragraph", text="Si el agente vulnera las medidas de seguridad…"),
        N("note", name="editorial", text="Artículo modificado por el artículo 2 del DL 1614."),
    ))
    shown = node_html(article, label=ES.label)
    assert "Artículo 2." in shown and "vulnera" in shown and "modificado por" not in shown
    assert "Artículo 2.-" not in shown and "Párrafo" not in shown
    preview = blocks_html(layout(commonwealth_bill(), EN))
    assert "<strong>“child”</strong>" in preview and "ARRANGEMENT OF SECTIONS" in preview
