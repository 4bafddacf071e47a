"""Import of real statutes as governments and mirrors publish them (../shared/corpus), item by item
of what the importer must understand. Each test names the file and the line it relies on."""

from __future__ import annotations

import json

import pytest

from drafting import akn
from drafting.importers.document import import_document
from drafting.model.document import DEBRIS, EDITORIAL, SUPERSEDED, walk
from drafting.model.outline import document_json
from drafting.parse import profiles

from .corpus import corpus_file

_CACHE: dict[str, object] = {}


def imported(name: str):
    if name not in _CACHE:
        _CACHE[name] = import_document(corpus_file(name))
    return _CACHE[name]


def unit(doc, num: str):
    return next(u for u in doc.units() if u.num == num)


def notes(doc, name: str) -> list[str]:
    return [n.text for n, _ in doc.walk() if n.kind == "note" and n.name == name]


# ---------------------------------------------------------------- 1. conventions from evidence

def test_a_table_of_contents_is_kept_as_toc_not_body():
    # pe/LEY-27337-2000.md lines 22–71: "ÍNDICE", then "Capítulo I Derechos Civiles (Artículo 1 al 13)" …
    result = imported("pe/LEY-27337-2000.md")
    doc = result.document
    (toc,) = [n for n in doc.preface if n.kind == "toc"]
    assert toc.heading.startswith("ÍNDICE") and any("(Artículo 1 al 13)" in i.text for i in toc.children)
    assert doc.body[0].kind == "title" and doc.body[0].num == "PRELIMINAR"  # line 72
    assert any("table of contents" in f for f in result.report.findings)
    assert result.report.words["toc"] > 300


def test_units_in_every_numbering_style_of_the_corpus():
    # "##### 14.. **Mandated persons**" (ie/IE-2015-act-36.md line 275): doubled dots
    assert unit(imported("ie/IE-2015-act-36.md").document, "14").heading == "Mandated persons"
    # "§ 22–3101. Definitions." with an EN DASH (us/DC-CODE-22-31.html, an <h2>)
    dc = imported("us/DC-CODE-22-31.html").document
    assert [u.label for u in dc.units()] == ["§ 22–3101.", "§ 22–3102.", "§ 22–3103.", "§ 22–3104."]
    assert [u.heading for u in dc.units()][:2] == ["Definitions", "Prohibited acts"]
    # "# § 2252." and "##### § 2252." (us/USC-T18-S2252.md lines 16 and 18): one section
    assert [u.num for u in imported("us/USC-T18-S2252.md").document.units()] == ["2252"]
    # "3A." and "4A." between the sections (ie/IE-1998-act-22.md lines 164, 190)
    assert [u.num for u in imported("ie/IE-1998-act-22.md").document.units()][2:6] == ["3", "3A", "4", "4A"]


def test_articles_quoted_by_an_amending_article_are_not_the_law_s_own():
    # co/LEY-1273-2009.md line 24: "Adiciónase el Código Penal … del siguiente tenor:", then "Artículo 269A:" …
    doc = imported("co/LEY-1273-2009.md").document
    assert [u.num for u in doc.units()] == ["1", "2", "3", "4"]
    quoted = [n.num for n, _ in walk(unit(doc, "1").children) if n.kind == "article"]
    assert quoted[:3] == ["269A", "269B", "269C"]


# ---------------------------------------------------------------- 2. front matter, end matter, notes

def test_website_text_is_debris_not_law():
    doc = imported("pe/LEY-30096-2013.md").document
    debris = notes(doc, DEBRIS)
    assert any(t.startswith("Revise también el Código Penal") for t in debris)  # line 21
    assert any("MÁS LEÍDOS" in t for t in debris)  # line 226
    law = " ".join(u.full_text() for u in doc.units())
    assert "Revise también" not in law and "MÁS LEÍDOS" not in law
    assert not any("Revise también" in n.text for n in doc.preface if n.kind == "text")


def test_mirror_residue_and_margin_boxes_are_kept_outside_the_law():
    # co/LEY-1146-2007.md line 102 "TEXTO CORRESPONDIENTE A []"
    assert "TEXTO CORRESPONDIENTE A []" in notes(imported("co/LEY-1146-2007.md").document, DEBRIS)
    # us/DC-CODE-22-31.html: history and notes in <aside class="annotations">; the footer
    dc = imported("us/DC-CODE-22-31.html").document
    first = dc.units()[0]
    assert any(n.text.startswith("(Mar. 9, 1983, D.C. Law 4-173") for n in first.children if n.kind == "note")
    assert "Prior Codifications" not in first.full_text()
    assert any("Please do not scrape" in t for t in notes(dc, DEBRIS))
    # us/USC-T18-S2252.md line 74 "#### **Editorial Notes**" … to the end: notes, never law
    usc = imported("us/USC-T18-S2252.md").document
    assert "Editorial Notes" in notes(usc, EDITORIAL) and "substituted" not in usc.units()[0].full_text()


def test_annotation_markers_are_notes_and_leave_the_text_clean():
    # ie/IE-1998-act-22.md line 30: F1[“child”means a person under the age of 18 years;]
    doc = imported("ie/IE-1998-act-22.md").document
    child = next(n for n, _ in doc.walk() if n.defines == "child")
    assert child.text == "“child”means a person under the age of 18 years;"
    assert "F1" in notes(doc, EDITORIAL)
    assert not any("F1[" in n.text or "F10[" in n.text for n, _ in walk(doc.body) if n.kind != "note")


def test_consolidation_notes_stay_on_their_article():
    # pe/LEY-30096-2013.md line 40 "** Artículo modificado por el artículo 2 del DL 1614 …*"
    art2 = unit(imported("pe/LEY-30096-2013.md").document, "2")
    assert [c.text[:27] for c in art2.children if c.kind == "note"] == ["Artículo modificado por el "]
    assert "modificado por" not in art2.full_text()


# ---------------------------------------------------------------- 3. units and headings

def test_bold_glued_numbers_and_italic_headings():
    # co/LEY-1146-2007.md line 32: "**Artículo 3°.***De su creación.* Créase adscrito …"
    art3 = unit(imported("co/LEY-1146-2007.md").document, "3")
    assert (art3.label, art3.heading) == ("Artículo 3°.", "De su creación")
    assert art3.text.startswith("Créase adscrito al Ministerio")


def test_a_heading_line_and_its_label_are_one_section():
    # ie/IE-1998-act-22.md lines 14 and 16: "##### 1. **Short title and commencement.**", "1.—(1)This Act …"
    doc = imported("ie/IE-1998-act-22.md").document
    first = doc.units()[0]
    assert (first.num, first.heading) == ("1", "Short title and commencement")
    assert [c.label for c in first.children] == ["(1)", "(2)"]
    assert first.children[0].text.startswith("This Act may be cited")  # "(1)This": glued, then split


def test_an_article_printed_twice_is_one_article_with_its_former_wording_as_a_note():
    # co/LEY-1146-2007.md: article 5 at line 66 and again (former wording, "Vigente … hasta") at line 106
    result = imported("co/LEY-1146-2007.md")
    doc = result.document
    assert [u.num for u in doc.units()].count("5") == 1
    (old,) = [c for c in unit(doc, "5").children if c.kind == "note" and c.name == SUPERSEDED]
    assert old.text.startswith("Artículo 5°.") and "Vigente desde: 10/07/2007" in old.text
    assert any("line 106" in f and "superseded" in f for f in result.report.findings)


def test_signatures_are_conclusions_not_the_last_article():
    # co/LEY-1146-2007.md line 280 "La Presidenta del honorable Senado de la República,"
    doc = imported("co/LEY-1146-2007.md").document
    assert "Senado" not in doc.units()[-1].full_text()
    assert any("Presidenta del honorable Senado" in n.text for n in doc.conclusions)


# ---------------------------------------------------------------- 4. definitions

def test_definitions_in_both_traditions():
    # ie/IE-1998-act-22.md line 32 “child pornography” means—; pe/LEY-30096-2013.md line 147 "a. Por sistema informático:"
    ie = imported("ie/IE-1998-act-22.md").document
    cp = next(n for n, _ in ie.walk() if n.defines == "child pornography")
    assert [c.num for c in cp.children if c.kind == "paragraph"][:4] == ["a", "b", "c", "d"]
    pe = imported("pe/LEY-30096-2013.md").document
    assert {n.defines for n, _ in pe.walk() if n.defines} == {"sistema informático", "datos informáticos"}
    pocso = imported("in/POCSO-2012.akn.xml").document
    assert "child" in {n.defines for n, _ in pocso.walk()}


def test_subsections_after_a_definitions_list_return_to_the_subsection_level():
    # ie/IE-1998-act-22.md line 72: "(2)The reference in paragraph (a) …" after the definitions of s. 2(1)
    s2 = unit(imported("ie/IE-1998-act-22.md").document, "2")
    assert [(c.kind, c.num) for c in s2.children if c.kind != "note"] == [
        ("subsection", "1"), ("subsection", "2"), ("subsection", "3"), ("subsection", "4")]
    assert all(child.defines for child in s2.children[0].children if child.kind == "paragraph")


def test_definitions_reach_akoma_ntoso_and_json():
    doc = imported("us/DC-CODE-22-31.html").document
    xml = akn.to_xml(doc).decode()
    assert '<def refersTo="#term-minor">Minor</def>' in xml and 'TLCConcept eId="term-minor"' in xml
    assert any(n.defines == "Minor" for n, _ in akn.from_xml(xml.encode()).walk())
    data = json.dumps(document_json(doc), ensure_ascii=False)
    assert '"defines": "Minor"' in data


# ---------------------------------------------------------------- 5. amending provisions

def test_quoted_articles_record_the_law_they_amend():
    # es/BOE-A-2021-9347.md line 1052 "La Ley de Enjuiciamiento Criminal … queda modificada en los siguientes
    # términos:", line 1054 "Uno. Se modifica …", line 1056 "«Artículo 109 bis."
    doc = imported("es/BOE-A-2021-9347.md").document
    first = unit(doc, "final primera")
    uno = first.children[0]
    assert (uno.num, uno.label) == ("Uno", "Uno.")
    (quote,) = [c for c in uno.children if c.kind == "quotedStructure"]
    assert quote.target == "Ley de Enjuiciamiento Criminal" and quote.children[0].num == "109 bis"
    siete = next(c for c in first.children if c.num == "Siete")  # "Se introduce un artículo 449 bis"
    assert next(c for c in siete.children if c.kind == "quotedStructure").name == "insert"
    # pe/LEY-30096-2013.md line 192: CUARTA modifies arts. 162, 183-A and 323 of the Código Penal
    cuarta = [u for u in imported("pe/LEY-30096-2013.md").document.units() if u.num == "CUARTA"][-1]
    quote = next(c for c in cuarta.children if c.kind == "quotedStructure")
    assert quote.target == "Código Penal" and quote.children[0].num == "162"
    xml = akn.to_xml(imported("pe/LEY-30096-2013.md").document)
    assert b"<ref href=" in xml and b">C\xc3\xb3digo Penal</ref>" in xml


def test_an_irish_amending_section_quotes_the_section_it_inserts():
    # ie/IE-2015-act-36.md line 569: "… is amended by the insertion of the following section after section 24:"
    s28 = unit(imported("ie/IE-2015-act-36.md").document, "28")
    quote = next(c for c in s28.children if c.kind == "quotedStructure")
    assert quote.name == "insert" and quote.target == "The Non-Fatal Offences Against the Person Act 1997"
    assert quote.children[0].num == "24A"


# ---------------------------------------------------------------- 6. metadata from the text

@pytest.mark.parametrize("name, country, number, year, doc_type", [
    ("co/LEY-1146-2007.md", "co", "1146", "2007", "act"),
    ("es/BOE-A-2007-18243.md", "es", "25/2007", "2007", "act"),
    ("pe/LEY-27337-2000.md", "pe", "27337", "2000", "code"),
    ("ie/IE-1998-act-22.md", "ie", "22", "1998", "act"),
    ("in/POCSO-2012.akn.xml", "in", "32", "2012", "act"),
])
def test_metadata_from_the_text(name, country, number, year, doc_type):
    meta = imported(name).document.meta
    assert (meta.country, meta.number, meta.year, meta.doc_type) == (country, number, year, doc_type)
    assert meta.work_uri == f"/akn/{country}/{doc_type}/{year}/{number.replace('/', '-')}"


def test_a_date_printed_in_the_title_block():
    # co/LEY-1146-2007.md lines 12–14: "# LEY 1146 DE 2007" / "(julio 10)"
    assert imported("co/LEY-1146-2007.md").document.meta.date == "2007-07-10"


# ---------------------------------------------------------------- 7. Akoma Ntoso from other producers

def test_akoma_ntoso_2_keeps_its_structure():
    doc = imported("in/POCSO-2012.akn.xml").document
    assert len(doc.units()) == 47 and doc.body[0].kind == "chapter" and doc.body[0].num == "I"
    s13 = unit(doc, "13")
    assert (s13.label, s13.heading) == ("13.", "Use of child for pornographic purposes")
    listing = s13.children[0]
    assert listing.kind == "list" and [p.num for p in listing.children] == ["a", "b", "c"]
    assert listing.wrap_up == "shall be guilty of the offence of using a child for pornographic purposes."
    it = imported("in/IT-ACT-2000.akn.xml").document
    assert [a.heading for a in it.attachments][:2] == ["The First Schedule", "The Second Schedule"]
    assert unit(it, "91").heading == "" and unit(it, "67B").heading.startswith("Punishment for publishing")


# ---------------------------------------------------------------- 8. labels as written

def test_labels_are_kept_exactly_and_never_invented():
    doc = imported("pe/LEY-30096-2013.md").document
    art11 = unit(doc, "11")
    assert art11.label == "Artículo 11."
    assert [p.label for p, _ in walk(art11.children) if p.kind == "point"] == ["1.", "2.", "3.", "4.", "5."]
    profile = profiles.get(doc.meta.profile)
    unnumbered = [n for n, _ in walk(unit(doc, "2").children) if n.kind == "paragraph" and not n.num]
    assert unnumbered and all(profile.label(n) == "" for n in unnumbered)
    assert profile.label(art11) == "Artículo 11."
    xml = akn.to_xml(doc).decode()
    assert "<num>Artículo 11.</num>" in xml
    assert akn.from_xml(xml.encode()).units()[art11_index(doc)].label == "Artículo 11."


def art11_index(doc) -> int:
    return [u.num for u in doc.units()].index("11")


# ---------------------------------------------------------------- 9. the report

def test_the_report_says_where_the_words_went():
    report = imported("pe/LEY-30096-2013.md").report
    assert report.words["provisions"] > 3000 and report.words["debris"] > 200 and report.words["notes"] > 200
    text = "\n".join(report.lines())
    assert "law text inside provisions: 100.0%" in text and "debris" in text
