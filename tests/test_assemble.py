"""Bill assembly: the example bills, numbering and cross-references, dependencies, warnings, the
DOCX round trip through the importer, LibreOffice, and the `drafting assemble` command."""

from __future__ import annotations

import copy
import dataclasses
import io
import os
import re
import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path
from types import MappingProxyType

import pytest

from drafting import akn, cli
from drafting.bills.assemble import Assembly, assemble
from drafting.bills.spec import BillSpec, ClauseSpec, SpecError, load_spec
from drafting.export.docx import docx_bytes
from drafting.export.html import document_html
from drafting.importers.document import import_document
from drafting.library.library import Library, load_library
from drafting.model.document import Document, Node, is_unit, walk
from drafting.parse import profiles

EXAMPLES = Path(__file__).parent.parent / "templates" / "model_law" / "examples"
DO_SPEC = EXAMPLES / "do-bill.toml"
CW_SPEC = EXAMPLES / "commonwealth-bill.toml"
# How each language cites an article of the same bill, for checking references.
CITES = {"es": r"\bart[íi]culos?\s+(\d+)", "en": r"\bsections?\s+(\d+)"}


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def do_bill(lib: Library) -> Assembly:
    return assemble(load_spec(DO_SPEC), lib)


@pytest.fixture(scope="module")
def cw_bill(lib: Library) -> Assembly:
    return assemble(load_spec(CW_SPEC), lib)


def unit_of(result: Assembly, clause_id: str) -> Node:
    num = result.provenance[f"clause:{clause_id}"].split(";")[0]
    return next(u for u in result.document.units() if u.num == num)


def spec(*ids: str, jurisdiction: str = "do", **fields: object) -> BillSpec:
    return BillSpec(jurisdiction=jurisdiction, clauses=tuple(ClauseSpec(i) for i in ids), **fields)  # type: ignore[arg-type]


# --- the example bills ---------------------------------------------------------------------------

def test_dominican_bill(do_bill: Assembly) -> None:
    doc = do_bill.document
    assert do_bill.warnings == ()
    meta = doc.meta
    assert (meta.country, meta.doc_type, meta.language, meta.profile) == ("do", "bill", "es", "es-DO")
    assert meta.title.startswith("Ley contra el abuso")
    assert [n.kind for n in doc.preamble] == ["recitals", "citations", "formula"]
    assert doc.preamble[-1].text == "HA DADO LA SIGUIENTE LEY:"
    assert doc.conclusions[0].text.startswith("DADA en la Sala de Sesiones")
    assert [d.kind for d in doc.body] == ["chapter"] * 6
    assert [d.num for d in doc.body] == ["I", "II", "III", "IV", "V", "VI"]
    assert doc.body[1].heading == "DELITOS Y PENAS"
    assert doc.body[-1].heading == "DISPOSICIONES FINALES"
    units = doc.units()
    assert [u.num for u in units] == [str(n) for n in range(1, len(units) + 1)]
    assert all(u.kind == "article" for u in units)
    assert [u.heading for u in doc.body[-1].children][-2:] == ["Derogaciones", "Entrada en vigor"]
    possession = unit_of(do_bill, "offence-possession")
    assert "prisión de tres (3) a seis (6) años" in possession.full_text()  # the per-clause override, in words and figures
    assert "cuarenta y ocho (48) horas" in unit_of(do_bill, "duty-isp-report").full_text()
    assert "treinta (30) días" in unit_of(do_bill, "entry-into-force").full_text()


def test_commonwealth_bill(cw_bill: Assembly) -> None:
    doc = cw_bill.document
    assert cw_bill.warnings == ()
    assert (doc.meta.country, doc.meta.language, doc.meta.profile) == ("xc", "en", "en-commonwealth")
    assert doc.meta.short_title.endswith("Act, 2025")
    assert [d.kind for d in doc.body] == ["part"] * 6
    units = doc.units()
    assert all(u.kind == "section" for u in units)
    assert units[0].heading == "Short title"
    assert units[0].text == f"This Act may be cited as the {doc.meta.short_title}."
    assert doc.preamble[-1].text.startswith("ENACTED by the Parliament")
    assert "the National Child Protection Hotline" in unit_of(cw_bill, "duty-isp-report").full_text()
    assert "not exceeding 50,000 penalty units" in unit_of(cw_bill, "corporate-liability").full_text()


@pytest.mark.parametrize("which, heading", [("do", "Definiciones"), ("cw", "Interpretation")])
def test_all_definitions_in_one_article_in_alphabetical_order(which: str, heading: str, do_bill: Assembly,
                                                            cw_bill: Assembly) -> None:
    result = do_bill if which == "do" else cw_bill
    defs = [u for u in result.document.units() if u.heading == heading]
    assert len(defs) == 1
    article = defs[0]
    for cid in ("definition-child", "definition-csam", "definition-computer-system", "definition-service-provider"):
        assert result.provenance[f"clause:{cid}"].startswith(f"{article.num};")
    entries = article.children[0].children if article.children[0].kind == "list" else article.children
    terms = [re.sub(r'^["“]?([^"”:]+).*', r"\1", e.text).casefold() for e in entries]
    folded = [t.replace("á", "a").replace("é", "e").replace("í", "i").replace("ñ", "n") for t in terms]
    assert folded == sorted(folded)
    assert len(entries) >= 5
    if which == "do":
        assert [e.num for e in entries] == [chr(ord("a") + i) for i in range(len(entries))]
    else:
        assert all(e.full_text().endswith(";") for e in entries[:-1]) and entries[-1].full_text().endswith(".")


def test_definitions_in_clause_order(lib: Library) -> None:
    result = assemble(spec("definition-csam", "definition-child", jurisdiction="commonwealth",
                           definitions_order="clauses", parameters={"country_name": "Eastmere"}), lib)
    article = next(u for u in result.document.units() if u.heading == "Interpretation")
    terms = [e.defines for e in article.children]  # each definition carries its term
    assert terms[:2] == ["child sexual abuse material", "sexually explicit activity"]
    assert "child" in terms[2:]


# --- cross-references ------------------------------------------------------------------------------

def cited_numbers(unit: Node, language: str) -> set[str]:
    return set(re.findall(CITES[language], unit.full_text(), re.IGNORECASE))


def check_references(result: Assembly, lib: Library) -> int:
    """Every "artículo N"/"section N" of a clause that cites others is the number of a clause it cites."""
    language = result.document.meta.language
    numbers = {key[7:]: value.split(";")[0] for key, value in result.provenance.items() if key.startswith("clause:")}
    checked = 0
    for cid, num in numbers.items():
        refs = lib.clauses[cid].refs
        unit = next(u for u in result.document.units() if u.num == num)
        if not refs:
            continue
        sentinel = {c: f"⟦{c}⟧" for c in lib.clauses}
        used = [t for t in refs if f"⟦{t}⟧" in lib.render_text(cid, language, jurisdiction="do" if language == "es"
                                                                 else "commonwealth", numbering=sentinel)]
        assert cited_numbers(unit, language) == {numbers[t] for t in used}, cid
        checked += len(used)
    return checked


def test_references_resolve_to_final_numbers(do_bill: Assembly, cw_bill: Assembly, lib: Library) -> None:
    assert check_references(do_bill, lib) >= 2  # guardian → production, take-down → ISP
    assert check_references(cw_bill, lib) >= 2


@pytest.mark.parametrize("path", [DO_SPEC, CW_SPEC])
def test_reordering_clauses_never_leaves_a_stale_reference(path: Path, lib: Library) -> None:
    original = load_spec(path)
    before = assemble(original, lib)
    reordered = dataclasses.replace(original, clauses=tuple(reversed(original.clauses)))
    after = assemble(reordered, lib)
    assert check_references(after, lib) >= 2
    moved = [k for k, v in after.provenance.items() if k.startswith("clause:") and before.provenance[k] != v]
    assert "clause:offence-production" in moved and "clause:duty-isp-report" in moved
    guardian = unit_of(after, "offence-guardian")
    assert unit_of(after, "offence-production").num in cited_numbers(guardian, after.document.meta.language)


# --- dependencies and warnings ---------------------------------------------------------------------

def test_dependencies_and_final_provisions_are_pulled_in(lib: Library) -> None:
    result = assemble(spec("offence-guardian"), lib)
    clauses = {k[7:] for k in result.provenance if k.startswith("clause:")}
    assert clauses >= {"offence-guardian", "offence-production", "definition-csam", "definition-child",
                       "definition-computer-system", "repeal", "entry-into-force"}
    assert "added: required by offence-guardian" in result.provenance["clause:offence-production"]
    headings = [u.heading for u in result.document.units()]
    assert headings[0] == "Definiciones"
    assert headings.index("Producción de material de abuso sexual infantil") < headings.index(
        "Responsabilidad de padres, madres, tutores y guardadores")
    assert headings[-2:] == ["Derogaciones", "Entrada en vigor"]
    assert result.warnings == ()


def test_excluded_dependency_is_reported_and_a_dangling_reference_is_an_error(lib: Library) -> None:
    # a clause that only relies on an excluded one is a warning …
    result = assemble(spec("offence-possession", exclude=("definition-computer-system", "repeal")), lib)
    assert "clause offence-possession requires definition-computer-system, which the spec excludes" in result.warnings
    assert "clause:repeal" not in result.provenance
    # … but one that cites it by number would print a placeholder: that is an error naming both
    with pytest.raises(SpecError, match="clause offence-guardian cites clause offence-production by its number, but "
                                        "the spec excludes it"):
        assemble(spec("offence-guardian", exclude=("offence-production",)), lib)


def test_library_defaults_for_local_values_are_warned(lib: Library) -> None:
    result = assemble(spec("offence-advertising", "duty-financial-report", jurisdiction="latam"), lib)
    joined = "\n".join(result.warnings)
    assert "parameter fine_advertising (offence-advertising) uses the model law's placeholder" in joined
    assert "jurisdiction 'latam' sets no value" in joined
    assert "penalty_advertising" not in joined  # a prison term default is the model law's recommendation


def test_bill_in_another_language_than_the_preset(lib: Library) -> None:
    # the Dominican preset names its institutions in English too: an English bill uses those names
    result = assemble(spec("offence-possession", language="en"), lib)
    assert result.document.meta.profile == "en-commonwealth" and result.document.units()[0].kind == "section"
    text = "\n".join(u.full_text() for u in result.document.units())
    assert "National Police" in text and "Policía" not in text
    assert not any("drafts in 'es'" in w for w in result.warnings)


def test_bill_in_a_language_the_preset_does_not_name_institutions_in(lib: Library, tmp_path: Path) -> None:
    folder = tmp_path / "house"
    (folder / "jurisdictions").mkdir(parents=True)
    (folder / "jurisdictions" / "xq.toml").write_text(
        'code = "xq"\nname.es = "Prueba"\nlanguage = "es"\ncountry = "xq"\nprofile = "es"\n'
        '[values]\nauthority_police = "la Policía de Prueba"\n', encoding="utf-8")
    house = load_library(folder)
    result = assemble(spec("offence-possession", jurisdiction="xq", language="en"), house)
    assert any("drafts in 'es' and names no institutions in 'en'" in w for w in result.warnings)
    text = "\n".join(u.full_text() for u in result.document.units())
    assert "Policía de Prueba" not in text


def test_unused_parameter_is_warned(lib: Library) -> None:
    result = assemble(spec("purpose", parameters=MappingProxyType({"report_hours": 12})), lib)
    assert "parameter report_hours is set but no clause in the bill uses it" in result.warnings


def test_two_clauses_for_one_criterion_are_warned(tmp_path: Path) -> None:
    """A house variant (an overlay library) next to the model clause it stands in for."""
    (tmp_path / "en").mkdir()
    (tmp_path / "es").mkdir()
    (tmp_path / "manifest.toml").write_text(
        'extends = "bundled"\n[[clauses]]\nid = "possession-house"\ntitle.en = "Possession"\ntitle.es = "Tenencia"\n'
        'topic = "offences"\ncriteria = ["possession"]\nparameters = ["penalty_possession"]\norder = 45\n', encoding="utf-8")
    (tmp_path / "en" / "possession-house.j2").write_text("A person who has such material is liable to {{ penalty_possession | prison }}.\n")
    (tmp_path / "es" / "possession-house.j2").write_text("Quien tenga dicho material será sancionado con {{ penalty_possession | prison }}.\n")
    overlay = load_library(tmp_path)
    result = assemble(spec("offence-possession", "possession-house"), overlay)
    assert "clauses offence-possession, possession-house all cover criterion 'possession': keep the one you mean" in result.warnings
    plain = assemble(spec("offence-production", "offence-distribution", "offence-possession"), overlay)
    assert not any("cover criterion" in w for w in plain.warnings)


def test_missing_required_parameter_is_an_error(lib: Library) -> None:
    """A parameter with no default (a library that leaves it to each country) must be given."""
    strict = copy.copy(lib)
    param = lib.parameters["report_hours"]
    assert "report_hours" not in lib.jurisdiction("latam").values
    strict.parameters = MappingProxyType({**lib.parameters, "report_hours": dataclasses.replace(
        param, default=None, localized_defaults=MappingProxyType({}))})
    with pytest.raises(SpecError) as info:
        assemble(spec("duty-isp-report", jurisdiction="latam"), strict)
    assert "clause duty-isp-report needs parameter 'report_hours'" in str(info.value)
    assert "set it under [parameters]" in str(info.value)
    given = spec("duty-isp-report", jurisdiction="latam", parameters=MappingProxyType({"report_hours": 12}))
    assert "12 horas" in unit_of(assemble(given, strict), "duty-isp-report").full_text()


def test_provenance_names_clauses_versions_and_parameters(do_bill: Assembly) -> None:
    prov = do_bill.provenance
    assert prov["drafting.jurisdiction"] == "do"
    assert re.fullmatch(r"\d+; version 1\.0", prov["clause:offence-possession"])
    assert prov["param:penalty_possession"] == "3-6 years (spec)"
    assert prov["param:authority_regulator"].endswith("(jurisdiction)")
    assert all(len(v) <= 255 for v in prov.values())


# --- exports and round trips --------------------------------------------------------------------------

# The writers set a defined term in the house's quotation marks (« » or “ ”): the words come back with them.
_TERM_QUOTES = str.maketrans("", "", "«»“”")


def units_summary(doc: Document) -> list[tuple[str, str, str]]:
    return [(u.num, u.heading, u.full_text().translate(_TERM_QUOTES)) for u in doc.units()]


@pytest.mark.parametrize("which", ["do", "cw"])
def test_docx_round_trip_gives_back_the_articles(which: str, do_bill: Assembly, cw_bill: Assembly, tmp_path: Path) -> None:
    result = do_bill if which == "do" else cw_bill
    doc = result.document
    path = tmp_path / "bill.docx"
    path.write_bytes(docx_bytes(doc, profiles.get(doc.meta.profile), properties=result.provenance))
    back = import_document(path).document
    assert back.meta.profile == doc.meta.profile
    assert units_summary(back) == units_summary(doc)


@pytest.mark.parametrize("which", ["do", "cw"])
def test_akn_round_trip(which: str, do_bill: Assembly, cw_bill: Assembly) -> None:
    doc = (do_bill if which == "do" else cw_bill).document
    back = akn.from_xml(akn.to_xml(doc))
    assert back.meta.doc_type == "bill"
    assert units_summary(back) == units_summary(doc)


def test_docx_records_provenance_in_custom_properties(do_bill: Assembly) -> None:
    doc = do_bill.document
    data = docx_bytes(doc, profiles.get(doc.meta.profile), properties=do_bill.provenance)
    custom = zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml").decode("utf-8")
    assert 'name="clause:offence-possession"' in custom
    assert 'name="param:penalty_possession"' in custom


def test_html_has_every_article(cw_bill: Assembly) -> None:
    page = document_html(cw_bill.document, profiles.get("en-commonwealth"))
    for unit in cw_bill.document.units():
        assert f">{unit.num}.<" in page or f"{unit.num}. " in page


def soffice() -> str:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required on CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    return binary


def convert_to_pdf(docx: Path) -> Path:
    profile = Path("/tmp") / f"lo-{uuid.uuid4().hex}"
    try:
        run = subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                              "--outdir", str(docx.parent), str(docx)], capture_output=True, text=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = docx.with_suffix(".pdf")
    assert run.returncode == 0 and pdf.is_file(), run.stderr[-500:]
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


@pytest.mark.slow
@pytest.mark.parametrize("path", [DO_SPEC, CW_SPEC])
def test_libreoffice_converts_the_bill(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "bill.docx"
    assert cli.main(["assemble", str(path), "-o", str(out), "--line-numbers"]) == 0
    convert_to_pdf(out)


# --- the command --------------------------------------------------------------------------------------

def test_cli_writes_every_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outs = [tmp_path / "bill.docx", tmp_path / "bill.xml", tmp_path / "bill.html"]
    code = cli.main(["assemble", str(DO_SPEC), "-o", str(outs[0]), "--akn", str(outs[1]), "--html", str(outs[2])])
    assert code == 0
    assert all(p.is_file() and p.stat().st_size > 1000 for p in outs)
    assert akn.read(outs[1]).meta.doc_type == "bill"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bill.docx", "bill.html", "bill.xml"]  # no temp files left


def test_cli_prints_warnings_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "spec.toml"
    path.write_text('jurisdiction = "do"\nexclude = ["definition-computer-system"]\n[[clauses]]\nid = "offence-possession"\n')
    assert cli.main(["assemble", str(path), "-o", str(tmp_path / "b.docx")]) == 0
    assert "drafting: warning: clause offence-possession requires definition-computer-system" in capsys.readouterr().err


@pytest.mark.parametrize("body, expected", [
    ('jurisdiction = "do"\n[[clauses]]\nid = "offence-posesion"\n', "spec.toml:3: unknown clause 'offence-posesion'"),
    ('jurisdiction = "xx"\n[[clauses]]\nid = "purpose"\n', "spec.toml:1: unknown jurisdiction 'xx'"),
    ('jurisdiction = "do"\n[parameters]\nage_child = 300\n[[clauses]]\nid = "purpose"\n', "spec.toml:3: Age below which a person is a child (age_child)"),
    ('jurisdiction = "do"\n[[clauses]\nid = "purpose"\n', "spec.toml:2: malformed TOML"),
    ('title = "x"\n[[clauses]]\nid = "purpose"\n', "missing required key 'jurisdiction'"),
])
def test_cli_bad_specs_fail_cleanly_and_write_nothing(body: str, expected: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "spec.toml"
    path.write_text(body, encoding="utf-8")
    code = cli.main(["assemble", str(path), "-o", str(tmp_path / "bill.docx"), "--akn", str(tmp_path / "bill.xml")])
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec.toml"]


def test_cli_unwritable_output_leaves_no_file_behind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "bill.docx", tmp_path / "missing" / "bill.xml"
    code = cli.main(["assemble", str(DO_SPEC), "-o", str(good), "--akn", str(bad)])
    assert code == 2
    assert "missing/bill.xml: cannot write: the folder does not exist" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # the DOCX that could be written was not written either


def test_cli_read_only_folder_leaves_no_file_behind(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        assert cli.main(["assemble", str(DO_SPEC), "-o", str(locked / "bill.docx")]) == 2
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_cli_bad_reference_document_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["assemble", str(DO_SPEC), "-o", str(tmp_path / "b.docx"), "--akn", str(tmp_path / "b.xml"),
                     "--reference", str(tmp_path / "house.docx")])
    assert code == 2 and "house.docx" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["assemble", str(DO_SPEC)]) == 2
    assert "nothing to write" in capsys.readouterr().err


def test_amending_spec_is_assembled_as_a_gap_bill(tmp_path: Path, lib: Library) -> None:
    fixture = Path(__file__).parent / "fixtures" / "gapbill" / "ley-9-21.txt"
    shutil.copy(fixture, tmp_path / "ley-9-21.txt")
    path = tmp_path / "amend.toml"
    path.write_text('amends = "ley-9-21.txt"\njurisdiction = "do"\ngaps = ["possession", "isp-report"]\n')
    result = assemble(load_spec(path), lib)
    # the service-provider definition the reporting duty relies on joins the law's definitions (literal e)
    assert [q.num for n in result.document.body for q in n.children[0].children] == ["e", "12 bis", "12 ter"]
    missing = tmp_path / "missing.toml"
    missing.write_text('amends = "nope.txt"\njurisdiction = "do"\ngaps = ["possession"]\n')
    with pytest.raises(SpecError, match=r"missing\.toml:1: amends: no such statute file"):
        assemble(load_spec(missing), lib)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.toml")), ids=lambda p: p.name)
def test_every_example_spec_assembles(path: Path, lib: Library) -> None:
    result = assemble(load_spec(path), lib)
    assert result.document.units() and result.document.meta.doc_type == "bill"


def test_text_after_the_last_point_is_kept() -> None:
    """structure.parse_fragment returns no wrap-up; bills.definitions.fragment recovers it."""
    from drafting.bills.definitions import fragment

    text, children, wrap_up = fragment("A person who—\n(a) makes; or\n(b) sells,\nthe material commits an offence.",
                                       profiles.get("en-commonwealth"))
    assert text == "A person who—" and [c.num for c in children] == ["a", "b"]
    assert wrap_up == "the material commits an offence."


def test_units_are_never_divisions(do_bill: Assembly) -> None:
    """Sanity: every article sits in a chapter, and nothing else sits at the top of the body."""
    for division in do_bill.document.body:
        assert all(is_unit(child) for child in division.children)
    assert sum(1 for node, _ in walk(do_bill.document.body) if is_unit(node)) == len(do_bill.document.units())
