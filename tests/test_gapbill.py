"""Amending bills that fill a statute's gaps: the Spanish (Dominican) and English (Commonwealth)
fixtures lack a possession offence and an ISP reporting duty, and get exactly those two articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting import cli
from drafting.bills.assemble import Assembly
from drafting.bills.gapbill import Gap, gap_bill
from drafting.errors import DraftingError
from drafting.export.docx import docx_bytes
from drafting.importers.document import import_document
from drafting.library.library import Library, load_library
from drafting.model.document import Document, Node
from drafting.parse import profiles

from .test_assemble import convert_to_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "gapbill"
LEY = FIXTURES / "ley-9-21.txt"
ACT = FIXTURES / "act-3-2020.txt"


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def ley() -> Document:
    return import_document(LEY).document


@pytest.fixture(scope="module")
def act() -> Document:
    return import_document(ACT).document


def inserted(result: Assembly) -> list[Node]:
    """What each amending provision carries in its quoted structure (nothing for a repeal)."""
    out = []
    for provision in result.document.body:
        assert [c.kind for c in provision.children] in (["quotedStructure"], [])
        out += [q for c in provision.children for q in c.children]
    return out


def articles(result: Assembly) -> list[Node]:
    """The new or replaced articles the bill inserts (not the points it adds to a definitions article)."""
    return [n for n in inserted(result) if n.kind in ("article", "section")]


CITE_9_21 = "la Ley núm. 9-21, sobre Delitos Informáticos y Protección de Niños, Niñas y Adolescentes en Línea"


def test_spanish_gap_bill_adds_the_missing_articles_and_the_definition_they_need(ley: Document, lib: Library) -> None:
    result = gap_bill(ley, lib, jurisdiction="do", gaps=["possession", "isp-report"])
    body = result.document.body
    assert [n.kind for n in body] == ["article"] * 3
    assert [n.label for n in body] == ["Artículo 1.-", "Artículo 2.-", "Artículo 3.-"]  # the Dominican house style
    # the reporting duty speaks of service providers, which 9-21 does not define: a new literal of its article 3
    assert body[0].text == f"Se agrega el literal e) al artículo 3 de {CITE_9_21}, con el texto siguiente:"
    (definition,) = body[0].children[0].children
    assert (definition.kind, definition.num, definition.label, definition.defines) == ("point", "e", "e)", "Proveedor de servicios")
    assert definition.text.startswith("Proveedor de servicios: toda persona física o jurídica")
    assert body[1].text == f"Se agrega el artículo 12 bis a {CITE_9_21}, con el texto siguiente:"
    assert body[2].text == f"Se agrega el artículo 12 ter a {CITE_9_21}, con el texto siguiente:"
    new = articles(result)
    assert [(a.kind, a.num, a.label) for a in new] == [("article", "12 bis", "Artículo 12 bis.-"),
                                                       ("article", "12 ter", "Artículo 12 ter.-")]
    # the law's own defined terms: "pornografía infantil" and "sistema de información", not the model's
    assert new[0].heading == "Posesión de material de pornografía infantil"
    text = new[0].full_text()
    assert "material de abuso sexual infantil" not in text and "sistema informático" not in text
    assert "sistema de información" in text
    assert new[1].heading == "Obligación de reporte de los proveedores de servicios"
    assert "prisión de dos (2) a cinco (5) años" in text  # the Dominican preset's values, in words and figures
    assert "la Procuraduría General de la República" in new[1].full_text()
    meta = result.document.meta
    assert (meta.doc_type, meta.country, meta.language, meta.profile) == ("bill", "do", "es", "es-DO")
    assert meta.get("language_tag") == "es-DO"
    assert meta.title == f"Ley que modifica {CITE_9_21}"
    assert result.provenance["gap:possession"].startswith("add 12 bis: clause offence-possession")
    assert result.document.preamble[-1].text == "HA DADO LA SIGUIENTE LEY:"
    citations = [c.text for c in result.document.preamble[1].children]
    # dated by its closing ("a los diez días del mes de marzo del año dos mil veintiuno")
    assert f"VISTA: {CITE_9_21[0].upper()}{CITE_9_21[1:]}, del 10 de marzo de 2021." in citations
    recitals = [r.text for r in result.document.preamble[0].children]
    assert recitals[2].startswith(f"CONSIDERANDO TERCERO: Que, en {CITE_9_21}, ninguna disposición castiga la posesión")
    assert any("go into el artículo 3" in w for w in result.warnings)


def test_english_gap_bill_inserts_sections_4a_and_4b(act: Document, lib: Library) -> None:
    result = gap_bill(act, lib, jurisdiction="commonwealth", gaps=["possession", "isp-report"])
    body = result.document.body
    assert [n.kind for n in body] == ["section"] * 3
    assert body[0].text == ("Section 2 of the Child Online Safety Act, 2020 (in this Act referred to as “the principal Act”) "
                            "is amended by inserting the following definitions in their appropriate alphabetical positions—")
    terms = [n.defines for n in body[0].children[0].children]
    assert terms == ["computer data", "service provider"]  # "computer system" is the Act's own
    assert body[0].children[0].children[0].text.startswith('"computer data" means')  # the Act's own quotation marks
    assert body[1].text == "The principal Act is amended by inserting after section 4 the following section—"
    assert body[2].text == "The principal Act is amended by inserting after section 4A the following section—"
    new = articles(result)
    assert [(a.kind, a.num, a.label) for a in new] == [("section", "4A", "4A."), ("section", "4B", "4B.")]
    assert new[0].heading == "Possession of child pornography"  # the Act's defined term
    assert new[1].heading == "Duty of service providers to report"
    # the Act's definitions are unnumbered, but its lists are not: the report's contents keep (a), (b), (c)
    items = [p.label for s in new[1].children for p in s.children if p.kind == "paragraph"]
    assert items == ["(a)", "(b)", "(c)"], items
    assert result.document.meta.title == "An Act to amend the Child Online Safety Act, 2020"
    assert result.document.meta.short_title == "Child Online Safety (Amendment) Act"
    assert result.document.meta.get("language_tag") == "en-GB"


def test_new_numbers_skip_suffixes_the_statute_already_has(ley: Document, lib: Library) -> None:
    taken = _renumbered(ley, "13", "12 bis")  # the statute already has an article 12 bis
    result = gap_bill(taken, lib, jurisdiction="do", gaps=["possession"])
    assert [a.num for a in articles(result)] == ["12 ter"]
    assert result.document.body[0].text.startswith("Se agrega el artículo 12 ter")


def _renumbered(doc: Document, old: str, new: str) -> Document:
    from dataclasses import replace

    from drafting.model.document import map_nodes
    return replace(doc, body=map_nodes(doc.body, lambda n: replace(n, num=new) if n.kind == "article" and n.num == old else n))


def test_partly_met_criterion_modifies_the_provision_that_holds_it(ley: Document, lib: Library) -> None:
    whole = gap_bill(ley, lib, jurisdiction="do", gaps=[Gap("possession", "partial", ("art_12",))])
    (provision,) = whole.document.body
    assert provision.text.startswith(f"Se modifica el artículo 12 de {CITE_9_21}")
    assert provision.text.endswith("para que en lo adelante se lea de la siguiente manera:")
    (new,) = inserted(whole)
    assert (new.kind, new.num, new.label) == ("article", "12", "Artículo 12.-")
    assert new.heading == "Posesión de material de pornografía infantil"
    assert whole.provenance["gap:possession"].startswith("modify 12:")


def test_a_narrower_parrafo_is_repealed_by_the_bill_itself(ley: Document, lib: Library) -> None:
    """The possession clause has Párrafos of its own: it cannot replace one Párrafo, so it follows the
    article, and the bill repeals the narrower Párrafo so that the two never stay in force together."""
    paragraph = Gap("possession", "partial", ("art_12__para_nn_1",))
    result = gap_bill(ley, lib, jurisdiction="do", gaps=[paragraph])
    add, repeal = result.document.body
    assert add.text.startswith("Se agrega el artículo 12 bis a la Ley núm. 9-21")
    (new,) = inserted(result)
    assert (new.kind, new.num) == ("article", "12 bis")
    assert "posea o tenga bajo su control material de pornografía infantil" in new.full_text()
    assert [c.label for c in new.children if c.kind == "paragraph"] == ["Párrafo I.-", "Párrafo II.-", "Párrafo III.-"]
    assert repeal.text == f"Se deroga el Párrafo del artículo 12 de {CITE_9_21}."
    assert repeal.children == ()
    assert any("the bill repeals Párrafo (el artículo 12)" in w for w in result.warnings)


def test_english_modify_names_the_subsection(act: Document, lib: Library) -> None:
    doc = import_document(FIXTURES / "act-3-2020.txt").document
    result = gap_bill(doc, lib, jurisdiction="commonwealth", gaps=[Gap("possession", "partial", ("sec_4",))])
    assert result.document.body[0].text == ("The Child Online Safety Act, 2020 (in this Act referred to as “the principal "
                                            "Act”) is amended by repealing section 4 and substituting the following section—")


def test_a_definition_replaces_the_definition_of_the_same_term_under_the_laws_term(act: Document, lib: Library) -> None:
    result = gap_bill(act, lib, jurisdiction="commonwealth", gaps=[Gap("definition", "partial", ("sec_2__para_nn_2",))])
    modify, add = result.document.body
    assert modify.text.startswith("Section 2 of the Child Online Safety Act, 2020 (in this Act referred to as "
                                  "“the principal Act”) is amended by repealing the definition of “child pornography”")
    (new,) = modify.children[0].children
    # the model's meaning under the Act's own term, so every section that uses it keeps working
    assert new.text.startswith('"child pornography" means any material') and new.defines == "child pornography"
    assert "In this Act" not in new.full_text() and "sexually explicit activity\" includes" not in new.full_text()
    # the term the new definition relies on, which the Act lacks, joins section 2
    assert [n.defines for n in add.children[0].children] == ["sexually explicit activity"]


def test_gap_bill_exports_and_converts(ley: Document, lib: Library, tmp_path: Path) -> None:
    result = gap_bill(ley, lib, jurisdiction="do", gaps=["possession", "isp-report"])
    data = docx_bytes(result.document, profiles.get("es-DO"), properties=result.provenance)
    (tmp_path / "gap.docx").write_bytes(data)
    back = import_document(tmp_path / "gap.docx").document
    assert [u.num for u in back.units()] == ["1", "2", "3"]  # the quoted articles stay inside the amending ones
    assert "12 bis" in back.units()[1].full_text()


@pytest.mark.slow
def test_cli_gapbill_docx_converts_with_libreoffice(tmp_path: Path) -> None:
    out = tmp_path / "amendment.docx"
    code = cli.main(["gapbill", str(ACT), "--jurisdiction", "commonwealth", "--gaps", "possession,isp-report",
                     "-o", str(out), "--akn", str(tmp_path / "amendment.xml")])
    assert code == 0
    convert_to_pdf(out)


# --- bad input --------------------------------------------------------------------------------------

def test_unknown_criterion_and_mismatched_language(ley: Document, lib: Library) -> None:
    with pytest.raises(DraftingError, match="unknown criterion 'posession'.*possession"):
        gap_bill(ley, lib, jurisdiction="do", gaps=["posession"])
    with pytest.raises(DraftingError, match="drafts in 'en' but the statute is in 'es'; choose one of: do, latam"):
        gap_bill(ley, lib, jurisdiction="commonwealth", gaps=["possession"])
    with pytest.raises(DraftingError, match="unknown jurisdiction"):
        gap_bill(ley, lib, jurisdiction="dom", gaps=["possession"])


def test_cli_gapbill_errors_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "amendment.docx"
    assert cli.main(["gapbill", str(LEY), "--jurisdiction", "xx", "--gaps", "possession", "-o", str(out)]) == 2
    assert "unknown jurisdiction 'xx'" in capsys.readouterr().err
    assert cli.main(["gapbill", str(tmp_path / "nope.txt"), "--jurisdiction", "do", "--gaps", "possession",
                     "-o", str(out)]) == 2
    assert cli.main(["gapbill", str(LEY), "--jurisdiction", "do", "--gaps", "possession",
                     "-o", str(tmp_path / "no" / "a.docx")]) == 2
    assert list(tmp_path.iterdir()) == []


def test_the_dominican_sample_gets_a_possession_article_and_isp_reporting(lib: Library) -> None:
    """statutes/xs (Law 53-07's situation): possession only "en un sistema de información", no ISP duty."""
    sample = Path(__file__).parent.parent / "statutes" / "xs" / "ley-45-19.xml"
    result = gap_bill(import_document(sample).document, lib, jurisdiction="do", edition="2006")
    texts = [n.text for n in result.document.body]
    assert texts[0].startswith("Se agrega el literal f) al artículo 3 de la Ley núm. 45-19")  # "Datos informáticos"
    assert texts[1].startswith("Se agrega el artículo 7 bis a la Ley núm. 45-19")
    # the narrower Párrafo ("… en un sistema de información") does not stay in force beside 7 bis
    assert texts[2].startswith("Se deroga el Párrafo del artículo 7 de la Ley núm. 45-19")
    assert texts[3].startswith("Se agrega el artículo ") and " bis a la Ley núm. 45-19" in texts[3]
    assert any("partly met in Párrafo (el artículo 7)" in w for w in result.warnings)
    # xs is no country the Dominican preset is for: the drafter is told
    assert any("is amended with the preset of Dominican Republic" in w for w in result.warnings)


def test_gaps_from_the_review(ley: Document, lib: Library) -> None:
    result = gap_bill(ley, lib, jurisdiction="do", gaps=None, edition="2006")
    assert sorted(k for k in result.provenance if k.startswith("gap:")) == ["gap:isp-report", "gap:possession"]
    assert [a.num for a in articles(result)] == ["12 bis", "12 ter"]


def test_the_statutes_own_enacting_formula_replaces_a_generic_placeholder(lib: Library) -> None:
    statute = import_document(Path(__file__).parent.parent / "statutes" / "xe" / "act-7-2021.xml").document
    result = gap_bill(statute, lib, jurisdiction="commonwealth", gaps=["aggravation"])
    formulas = [n.text for n in result.document.preamble if n.kind == "formula"]
    assert formulas == ["BE IT ENACTED by the Parliament of the Republic of Eastmere as follows:"]


def _young(tmp_path: Path) -> Document:
    """Ley 9-21 with a child defined as under fourteen: the review finds child-18 partly met."""
    text = LEY.read_text(encoding="utf-8").replace("toda persona menor de dieciocho años", "toda persona menor de catorce años")
    assert "catorce" in text
    (tmp_path / "ley.txt").write_text(text, encoding="utf-8")
    return import_document(tmp_path / "ley.txt").document


def test_a_narrower_defined_term_the_new_text_relies_on_is_said(tmp_path: Path, lib: Library) -> None:
    result = gap_bill(_young(tmp_path), lib, jurisdiction="do", gaps=["possession"])
    assert any("the statute's own “Niño, niña o adolescente” is narrower than the model law's" in w
               and "fill 'child-18' too" in w for w in result.warnings)


def test_a_narrower_definition_is_replaced_under_the_laws_own_term(tmp_path: Path, lib: Library) -> None:
    result = gap_bill(_young(tmp_path), lib, jurisdiction="do", gaps=["possession", "child-18"])
    first = result.document.body[0]
    assert first.text.startswith(f"Se modifica el literal d) del artículo 3 de {CITE_9_21}, para que en lo adelante")
    (point,) = first.children[0].children
    assert (point.num, point.label, point.defines) == ("d", "d)", "Niño, niña o adolescente")
    assert point.text.startswith("Niño, niña o adolescente: toda persona que no haya cumplido dieciocho (18) años")
    assert not any("narrower" in w for w in result.warnings)


def test_definitions_inside_a_subsection_are_cited_with_it(tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "act.txt"
    path.write_text(ACT.read_text(encoding="utf-8").replace(
        "2. In this Act—", "2. (1) In this Act—").replace(
        "PART II\n", "(2) A reference to a child includes a person who appears to be a child.\nPART II\n", 1),
        encoding="utf-8")
    statute = import_document(path).document
    assert [c.label for c in statute.units()[1].children] == ["(1)", "(2)"]
    result = gap_bill(statute, lib, jurisdiction="commonwealth", gaps=["possession", "isp-report"])
    assert result.document.body[0].text.startswith("Section 2(1) of the Child Online Safety Act, 2020")
