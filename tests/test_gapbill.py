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
    """The article each amending provision carries in its quoted structure."""
    out = []
    for provision in result.document.body:
        assert [c.kind for c in provision.children] == ["quotedStructure"]
        (quoted,) = provision.children[0].children
        out.append(quoted)
    return out


def test_spanish_gap_bill_adds_exactly_the_two_missing_articles(ley: Document, lib: Library) -> None:
    result = gap_bill(ley, lib, jurisdiction="do", gaps=["possession", "isp-report"])
    body = result.document.body
    assert [n.kind for n in body] == ["article", "article"]  # two amending provisions, nothing else
    assert [n.num for n in body] == ["1", "2"]
    cite = "la Ley No. 9-21, sobre Delitos Informáticos y Protección de Niños, Niñas y Adolescentes en Línea"
    assert body[0].text == f"Se agrega el artículo 12 bis a {cite}, con el texto siguiente:"
    assert body[1].text == f"Se agrega el artículo 12 ter a {cite}, con el texto siguiente:"
    new = inserted(result)
    assert [(a.kind, a.num) for a in new] == [("article", "12 bis"), ("article", "12 ter")]
    assert new[0].heading == "Posesión de material de abuso sexual infantil"
    assert new[1].heading == "Obligación de reporte de los proveedores de servicios"
    assert "prisión de 2 a 5 años" in new[0].full_text()  # the Dominican preset's values
    assert "la Procuraduría General de la República" in new[1].full_text()
    meta = result.document.meta
    assert (meta.doc_type, meta.country, meta.language, meta.profile) == ("bill", "do", "es", "es-DO")
    assert meta.title == f"Ley que modifica {cite}"
    assert result.provenance["gap:possession"].startswith("add 12 bis: clause offence-possession")
    assert result.document.preamble[-1].text == "HA DADO LA SIGUIENTE LEY:"
    assert any("9-21" in c.text for c in result.document.preamble[1].children)  # VISTA: la Ley No. 9-21 …
    assert any("definition-service-provider" in w for w in result.warnings)  # "proveedor" is not defined in 9-21


def test_english_gap_bill_inserts_sections_4a_and_4b(act: Document, lib: Library) -> None:
    result = gap_bill(act, lib, jurisdiction="commonwealth", gaps=["possession", "isp-report"])
    body = result.document.body
    assert [n.kind for n in body] == ["section", "section"]
    assert body[0].text == ("The Child Online Safety Act, 2020 (in this Act referred to as “the principal Act”) is "
                            "amended by inserting after section 4 the following section—")
    assert body[1].text == "The principal Act is amended by inserting after section 4A the following section—"
    new = inserted(result)
    assert [(a.kind, a.num) for a in new] == [("section", "4A"), ("section", "4B")]
    assert new[1].heading == "Duty of service providers to report"
    assert result.document.meta.title == "An Act to amend the Child Online Safety Act, 2020"
    assert result.document.meta.short_title == "Child Online Safety (Amendment) Act"


def test_new_numbers_skip_suffixes_the_statute_already_has(ley: Document, lib: Library) -> None:
    taken = _renumbered(ley, "13", "12 bis")  # the statute already has an article 12 bis
    result = gap_bill(taken, lib, jurisdiction="do", gaps=["possession"])
    assert [a.num for a in inserted(result)] == ["12 ter"]


def _renumbered(doc: Document, old: str, new: str) -> Document:
    from dataclasses import replace

    from drafting.model.document import map_nodes
    return replace(doc, body=map_nodes(doc.body, lambda n: replace(n, num=new) if n.kind == "article" and n.num == old else n))


def test_partly_met_criterion_modifies_the_provision_that_holds_it(ley: Document, lib: Library) -> None:
    whole = gap_bill(ley, lib, jurisdiction="do", gaps=[Gap("possession", "partial", ("art_12",))])
    (provision,) = whole.document.body
    assert provision.text.startswith("Se modifica el artículo 12 de la Ley No. 9-21")
    assert provision.text.endswith("para que en lo adelante se lea de la siguiente manera:")
    (new,) = inserted(whole)
    assert (new.kind, new.num, new.heading) == ("article", "12", "Posesión de material de abuso sexual infantil")
    assert whole.provenance["gap:possession"].startswith("modify 12:")


def test_a_model_article_never_nests_inside_a_parrafo(ley: Document, lib: Library) -> None:
    """The possession clause has Párrafos of its own: it cannot replace one Párrafo, so it follows the article."""
    paragraph = Gap("possession", "partial", ("art_12__para_nn_1",))
    result = gap_bill(ley, lib, jurisdiction="do", gaps=[paragraph])
    (provision,) = result.document.body
    assert provision.text.startswith("Se agrega el artículo 12 bis a la Ley No. 9-21")
    (new,) = inserted(result)
    assert (new.kind, new.num) == ("article", "12 bis")
    assert "posea o tenga bajo su control material de abuso sexual infantil" in new.full_text()
    assert [c.num for c in new.children if c.kind == "paragraph"] == ["I", "II", "III"]
    assert any("partly met in" in w and "narrow or repeal" in w for w in result.warnings)


def test_english_modify_names_the_subsection(act: Document, lib: Library) -> None:
    doc = import_document(FIXTURES / "act-3-2020.txt").document
    result = gap_bill(doc, lib, jurisdiction="commonwealth", gaps=[Gap("possession", "partial", ("sec_4",))])
    assert result.document.body[0].text == ("The Child Online Safety Act, 2020 (in this Act referred to as “the principal "
                                            "Act”) is amended by repealing section 4 and substituting the following section—")


def test_a_definition_replaces_the_definition_of_the_same_term(act: Document, lib: Library) -> None:
    result = gap_bill(act, lib, jurisdiction="commonwealth", gaps=[Gap("definition", "partial", ("sec_2__para_nn_2",))])
    (provision,) = result.document.body
    assert provision.text.startswith("Section 2 of the Child Online Safety Act, 2020 (in this Act referred to as "
                                     "“the principal Act”) is amended by repealing the definition of “child pornography”")
    (new,) = inserted(result)
    assert new.text.startswith('"child sexual abuse material" means any material')
    assert "In this Act" not in new.full_text() and "sexually explicit activity\" includes" not in new.full_text()


def test_gap_bill_exports_and_converts(ley: Document, lib: Library, tmp_path: Path) -> None:
    result = gap_bill(ley, lib, jurisdiction="do", gaps=["possession", "isp-report"])
    data = docx_bytes(result.document, profiles.get("es-DO"), properties=result.provenance)
    (tmp_path / "gap.docx").write_bytes(data)
    back = import_document(tmp_path / "gap.docx").document
    assert [u.num for u in back.units()] == ["1", "2"]  # the quoted articles stay inside the amending ones
    assert "12 bis" in back.units()[0].full_text()


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
    first, second = result.document.body
    assert first.text.startswith("Se agrega el artículo 7 bis a la Ley No. 45-19")
    assert second.text.startswith("Se agrega el artículo ") and " bis a la Ley No. 45-19" in second.text
    assert any("partly met in Párrafo (artículo 7)" in w for w in result.warnings)


def test_gaps_from_the_review(ley: Document, lib: Library) -> None:
    result = gap_bill(ley, lib, jurisdiction="do", gaps=None, edition="2006")
    assert sorted(k for k in result.provenance if k.startswith("gap:")) == ["gap:isp-report", "gap:possession"]
    assert [a.num for a in inserted(result)] == ["12 bis", "12 ter"]


def test_the_statutes_own_enacting_formula_replaces_a_generic_placeholder(lib: Library) -> None:
    statute = import_document(Path(__file__).parent.parent / "statutes" / "xe" / "act-7-2021.xml").document
    result = gap_bill(statute, lib, jurisdiction="commonwealth", gaps=["aggravation"])
    formulas = [n.text for n in result.document.preamble if n.kind == "formula"]
    assert formulas == ["BE IT ENACTED by the Parliament of the Republic of Eastmere as follows:"]
