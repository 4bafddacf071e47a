"""The clause library: loading, lookups, parameters, rendering, bad libraries, CLI commands."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting import cli
from drafting.commands import clauses as clauses_cmd
from drafting.commands import render as render_cmd
from drafting.library.library import BUNDLED, Clause, Jurisdiction, Library, LibraryError, load_library
from drafting.library.params import Fine, Parameter, ParameterError, PrisonTerm, value_to_data

FIXTURES = Path(__file__).parent / "fixtures" / "library"


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A writable copy of the minimal standalone library, for breaking it in one place."""
    dest = tmp_path / "lib"
    shutil.copytree(FIXTURES / "minimal", dest)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_error(folder: Path) -> str:
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    return str(info.value)


# --- the bundled library ------------------------------------------------------------------------
def test_bundled_library_is_cached_and_complete(lib: Library) -> None:
    assert load_library() is lib
    assert load_library(BUNDLED) is lib
    assert lib.root == BUNDLED
    assert lib.languages == ("en", "es")
    assert len(lib.clauses) >= 26
    assert set(lib.topics) == {"definitions", "offences", "reporting", "sanctions", "victims-jurisdiction", "final"}
    assert all(isinstance(c, Clause) for c in lib.clauses.values())


def test_default_order_follows_topics_then_clause_order(lib: Library) -> None:
    keys = [(lib.topics[c.topic].order, c.order) for c in lib.clauses.values()]
    assert keys == sorted(keys)
    assert next(iter(lib.clauses)) == "purpose"
    assert list(lib.clauses)[-1] == "repeal"


def test_unknown_clause_names_it_and_suggests(lib: Library) -> None:
    with pytest.raises(LibraryError, match=r"unknown clause 'offence-posession'.*offence-possession"):
        lib.clause("offence-posession")


def test_unknown_jurisdiction(lib: Library) -> None:
    with pytest.raises(LibraryError, match="unknown jurisdiction 'dr'.*do"):
        lib.jurisdiction("dr")


def test_criteria_sets_per_edition(lib: Library) -> None:
    assert lib.criteria_set("2006").criteria == ("specific", "definition", "computer", "possession", "isp-report")
    assert lib.criteria_set("2016").criteria == lib.criteria_set("2006").criteria + ("data-retention",)
    assert lib.criteria_set("2018").criteria == ("specific", "definition", "technology", "possession", "isp-report")
    assert all(lib.criteria_set(e).core for e in ("2006", "2016", "2018"))
    assert not lib.criteria_set("full").core
    assert lib.criteria_set(2010).id == "2006"  # editions 1–7 all used the first five
    assert lib.criteria_set("2017").id == "2016"
    canonical = {c.id for c in lib.criteria.values() if c.alias_of is None}
    assert set(lib.criteria_set("full").criteria) == canonical
    with pytest.raises(LibraryError, match="unknown criteria set"):
        lib.criteria_set("1999")


def test_technology_is_an_alias_of_computer(lib: Library) -> None:
    assert lib.criteria["technology"].alias_of == "computer"
    assert lib.clauses_for_criterion("technology") == lib.clauses_for_criterion("computer")
    assert lib.clauses_for_criterion("possession")[0].id == "offence-possession"
    with pytest.raises(LibraryError, match="unknown criterion"):
        lib.clauses_for_criterion("posession")


def test_with_dependencies_is_a_closure_in_default_order(lib: Library) -> None:
    got = lib.with_dependencies(["notice-takedown"])
    assert set(got) == {"notice-takedown", "duty-isp-report", "definition-service-provider", "definition-csam",
                        "definition-child", "definition-computer-system"}
    assert list(got) == [cid for cid in lib.clauses if cid in got]
    with pytest.raises(LibraryError):
        lib.with_dependencies(["nope"])


def test_jurisdiction_presets(lib: Library) -> None:
    do = lib.jurisdiction("do")
    assert isinstance(do, Jurisdiction)
    assert (do.language, do.country, do.profile) == ("es", "do", "es-DO")
    assert "INDOTEL" in do.values["authority_regulator"]
    assert do.values["age_child"] == 18
    assert do.values["fine_possession"].unit == "minimum-wages"
    assert do.furniture["enacting_formula"] == "HA DADO LA SIGUIENTE LEY:"
    assert do.furniture["act_word"] == "Ley"
    # house style only: no recitals or citations about particular laws (those are the spec's or the gap bill's)
    assert "recitals" not in do.furniture and "citations" not in do.furniture
    assert do.furniture["recital_label"].startswith("CONSIDERANDO") and do.furniture["citation_label"]["default"] == "VISTA:"
    closing = do.furniture["closing"]
    assert [step["lines"][-1].startswith("DADA") for step in closing] == [True, True, True]
    assert closing[2]["lines"][0].startswith("PROMULGO")
    assert lib.jurisdiction("commonwealth").profile == "en-commonwealth"
    assert lib.jurisdiction("latam").profile == "es"
    assert lib.jurisdiction("pe").profile == "es-PE" and lib.jurisdiction("pe").country == "pe"
    for preset in lib.jurisdictions.values():
        assert preset.name[preset.language]
        for key in ("act_word", "title", "legislature", "enacting_formula", "amending_phrases", "language_tag"):
            assert isinstance(preset.furniture[key], str) and preset.furniture[key], (preset.code, key)
        assert preset.furniture["closing"], preset.code


# --- parameters ---------------------------------------------------------------------------------
def test_resolve_params_layers_defaults_preset_overrides(lib: Library) -> None:
    base = lib.resolve_params("offence-possession", None, {}, lang="en")
    assert base["penalty_possession"] == PrisonTerm(1, 5, "years")
    assert base["fine_possession"] == Fine("penalty-units", max=500)
    assert lib.resolve_params("offence-possession", lang="es")["fine_possession"].unit == "minimum-wages"
    dr = lib.resolve_params("offence-possession", "do", {})
    assert dr["penalty_possession"] == PrisonTerm(2, 5, "years")
    over = lib.resolve_params("offence-possession", "do", {"penalty_possession": {"min": 3, "max": 10, "unit": "years"}})
    assert over["penalty_possession"] == PrisonTerm(3, 10, "years")
    assert over["authority_police"] == dr["authority_police"]
    # a bill passes one table to every clause: other clauses' parameters are ignored here
    assert "age_child" not in lib.resolve_params("offence-possession", "do", {"age_child": 18})


@pytest.mark.parametrize(
    "clause, name, value, message",
    [
        ("definition-child", "age_child", 300, r"An age of 300 is not allowed here: the oldest allowed is 30\."),
        ("definition-child", "age_child", "eighteen", r"This must be an age in whole years \(“eighteen” is not\)"),
        ("definition-child", "age_child", True, r"must be an age in whole years"),
        ("offence-possession", "penalty_possession", {"min": 10, "max": 3}, r"The minimum prison term \(10 years\) is longer than the maximum \(3 years\)\."),
        ("offence-possession", "penalty_possession", "3-10", r"Give a prison term as a minimum, a maximum and a unit"),
        ("offence-possession", "penalty_possession", {"min": 1, "max": 3, "unit": "decades"}, r"Prison terms are counted in years or months, not in “decades”"),
        ("offence-possession", "fine_possession", {"amount": 5, "min": 1, "max": 9, "unit": "penalty-units"}, r"either a fixed amount or a maximum"),
        ("offence-possession", "fine_possession", {"max": 9, "unit": "money"}, r"Name a currency"),
        ("offence-possession", "fine_possession", {"max": -9, "unit": "penalty-units"}, r"whole numbers of 0 or more"),
        ("offence-grooming", "grooming_means", "telepathy", r"“telepathy” is not one of the choices: any-means \(Any means of contact\); ict-only"),
        ("definition-csam", "include_virtual", "yes", r"Answer yes or no \(“yes” is neither\)"),
        ("entry-into-force", "gazette", "line one\nline two", r"single line of at most 500 characters"),
        ("duty-isp-report", "report_hours", 0, r"0 hours is less than the least allowed \(1 hour\)\."),
    ],
)
def test_bad_values_name_the_clause_and_parameter(lib: Library, clause: str, name: str, value: object, message: str) -> None:
    with pytest.raises(LibraryError, match=message) as info:
        lib.render_text(clause, "es", {name: value}, "do")
    label = lib.parameters[name].title("en")
    assert str(info.value).startswith(f"clause {clause}: {label} ({name}): ")


def test_every_bundled_parameter_has_labels_in_every_language(lib: Library) -> None:
    for param in lib.parameters.values():
        assert all(param.label.get(lang) for lang in lib.languages), param.name
        if param.type == "choice":
            assert all(set(param.choice_labels.get(lang, {})) == set(param.choices) for lang in lib.languages), param.name
        assert param.name.replace("_", " ") not in param.title("en").lower(), param.name  # a label, not the name


def test_a_parameter_error_is_one_plain_sentence(lib: Library) -> None:
    with pytest.raises(ParameterError) as info:
        lib.parameters["penalty_possession"].validate({"min": 9, "max": 7, "unit": "years"})
    assert info.value.problem == "The minimum prison term (9 years) is longer than the maximum (7 years)."
    assert info.value.label == "Prison term for possession" and info.value.parameter == "penalty_possession"
    assert str(info.value) == ("Prison term for possession (penalty_possession): "
                               "The minimum prison term (9 years) is longer than the maximum (7 years).")
    with pytest.raises(ParameterError, match=r"The minimum fine \(600 minimum monthly wages\) is more than the maximum "
                                             r"\(500 minimum monthly wages\)"):
        lib.parameters["fine_possession"].validate({"min": 600, "max": 500, "unit": "minimum-wages"})
    with pytest.raises(ParameterError, match=r"800 days is more than the most allowed \(730 days\)"):
        lib.parameters["retention_days"].validate(800)


def test_values_are_described_in_words(lib: Library) -> None:
    do = lib.jurisdiction("do")
    assert lib.describe_value("penalty_possession", do.values["penalty_possession"], "en") == "2 to 5 years"
    assert lib.describe_value("penalty_possession", do.values["penalty_possession"], "es") == "de 2 a 5 años"
    assert lib.describe_value("fine_isp_report", lib.jurisdiction("commonwealth").values["fine_isp_report"], "en") == \
        "up to 5,000 penalty units"
    assert lib.describe_value("report_hours", 24, "en") == "24 hours"
    assert lib.describe_value("grooming_means", "ict-only", "en") == "Only information and communication technology"
    assert lib.describe_value("include_virtual", False, "es") == "no"


def test_preset_values_per_language(lib: Library) -> None:
    do = lib.jurisdiction("do")
    assert "Policía Nacional" in do.values_for("es")["authority_police"]
    assert do.values_for("en")["authority_police"].startswith("the High Technology Crimes")
    assert do.values_for("en")["penalty_possession"] == do.values["penalty_possession"]  # numbers are the same
    english = lib.render_text("offence-possession", "en", jurisdiction="do")
    assert "Policía" not in english and "National Police" in english
    assert lib.value_origin("authority_police", "do", "en") == "preset"


def test_a_preset_without_a_language_falls_back_to_the_model_law(tmp_path: Path) -> None:
    # a house preset that names its institutions only in English: Spanish text uses the library's defaults
    (tmp_path / "jurisdictions").mkdir()
    (tmp_path / "jurisdictions" / "xq.toml").write_text(
        'code = "xq"\nname.en = "Test land"\nlanguage = "en"\ncountry = "xq"\nprofile = "en-commonwealth"\n'
        '[values]\nage_child = 17\ngazette = "the Test Gazette"\n[values.en]\nauthority_police = "the Test Police"\n',
        encoding="utf-8")
    lib = load_library(tmp_path)
    xq = lib.jurisdiction("xq")
    assert xq.values_for("en")["authority_police"] == "the Test Police"
    assert xq.values_for("en")["gazette"] == "the Test Gazette"  # words under [values] are in the preset's language
    assert "authority_police" not in xq.values_for("es") and "gazette" not in xq.values_for("es")
    assert xq.values_for("es")["age_child"] == 17
    spanish = lib.render_text("offence-possession", "es", jurisdiction="xq")
    assert "Test Police" not in spanish and "la Policía Nacional" in spanish


def test_a_language_table_must_hold_known_parameters(minimal: Path) -> None:
    edit(minimal / "jurisdictions" / "xt.toml", "[furniture]", "[values.es]\nauthority_polis = \"x\"\n\n[furniture]")
    assert "unknown parameter 'authority_polis'" in load_error(minimal)


def test_unknown_override_is_an_error(lib: Library) -> None:
    with pytest.raises(LibraryError, match=r"clause offence-possession: unknown parameter 'penalty_posession'"):
        lib.resolve_params("offence-possession", None, {"penalty_posession": 1})


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("penalty_possession", "3-10", PrisonTerm(3, 10, "years")),
        ("penalty_possession", "3–10 años", PrisonTerm(3, 10, "years")),
        ("penalty_possession", "6 months", PrisonTerm(6, 6, "months")),
        ("penalty_possession", "0-3 years", PrisonTerm(0, 3, "years")),
        ("fine_possession", "200 salarios mínimos", Fine("minimum-wages", amount=200)),
        ("fine_possession", "100-300 minimum-wages", Fine("minimum-wages", min=100, max=300)),
        ("fine_possession", "0-500 penalty units", Fine("penalty-units", max=500)),
        ("fine_possession", "US$ 10,000-50,000", Fine("money", min=10000, max=50000, currency="US$")),
        ("fine_possession", "50000 RD$", Fine("money", amount=50000, currency="RD$")),
        ("include_virtual", "no", False),
        ("include_virtual", "sí", True),
        ("age_child", "17", 17),
        ("grooming_means", "ict-only", "ict-only"),
    ],
)
def test_parse_command_line_values(lib: Library, name: str, text: str, expected: object) -> None:
    assert lib.parse_value(name, text) == expected


@pytest.mark.parametrize("name, text", [("age_child", "300"), ("age_child", "x"), ("penalty_possession", "10-3"),
                                        ("penalty_possession", "3-10 lightyears"), ("include_virtual", "maybe")])
def test_parse_rejects_bad_values(lib: Library, name: str, text: str) -> None:
    with pytest.raises(LibraryError, match=name):
        lib.parse_value(name, text)


PRISON = Parameter("p", "prison", {"en": "x"}, units=("years", "months"))
FINE = Parameter("f", "fine", {"en": "x"}, units=("minimum-wages", "penalty-units", "money"))


@settings(max_examples=60, deadline=None)
@given(low=st.integers(0, 50), span=st.integers(0, 50), unit=st.sampled_from(["years", "months"]))
def test_prison_unparse_parse_round_trip(low: int, span: int, unit: str) -> None:
    if low + span == 0:
        return
    value = PRISON.validate({"min": low, "max": low + span, "unit": unit})
    assert PRISON.parse(PRISON.unparse(value)) == value


@settings(max_examples=60, deadline=None)
@given(low=st.integers(0, 10**6), span=st.integers(1, 10**6), fixed=st.booleans(),
       unit=st.sampled_from(["minimum-wages", "penalty-units", "money"]), currency=st.sampled_from(["US$", "RD$", "EUR"]))
def test_fine_unparse_parse_round_trip(low: int, span: int, fixed: bool, unit: str, currency: str) -> None:
    data: dict[str, object] = {"amount": span} if fixed else {"min": low, "max": low + span}
    data["unit"] = unit
    if unit == "money":
        data["currency"] = currency
    value = FINE.validate(data)
    assert FINE.parse(FINE.unparse(value)) == value
    assert FINE.validate(value_to_data(value)) == value


# --- rendering ----------------------------------------------------------------------------------
def test_render_uses_phrases_and_preset(lib: Library) -> None:
    es = lib.render_text("offence-possession", "es", jurisdiction="do")
    # Dominican house style: terms in words and figures
    assert "será sancionada con prisión de dos (2) a cinco (5) años y multa de cincuenta (50) a ciento cincuenta (150) salarios mínimos" in es
    assert "ante el Departamento" in es  # preset value worded in
    en = lib.render_text("offence-possession", "en", jurisdiction="commonwealth")
    assert ("imprisonment for a term not exceeding 10 years or to a fine not exceeding 1,000 penalty units, "
            "or to both") in en
    big = lib.render_text("corporate-liability", "es", jurisdiction="do")
    assert "multa de quinientos (500) a dos mil (2,000) salarios mínimos" in big  # DR: words and figures, thousands with a comma
    assert "2.000" in lib.render_text("corporate-liability", "es", jurisdiction="latam")


def test_contractions_apply_to_authority_names(lib: Library) -> None:
    text = lib.render_text("jurisdiction-extraterritorial", "es", jurisdiction="do")
    assert "se remitirá al Ministerio Público" in text
    assert " a el " not in text


def test_refs_follow_numbering(lib: Library) -> None:
    default = lib.render_text("notice-takedown", "en")
    position = list(lib.clauses).index("duty-isp-report") + 1
    assert f"section {position}" in default
    numbering = {cid: str(n + 100) for n, cid in enumerate(lib.clauses)} | {"duty-isp-report": "24 bis"}
    assert "artículo 24 bis" in lib.render_text("notice-takedown", "es", numbering=numbering)
    with pytest.raises(LibraryError, match=r"refers to 'duty-isp-report', which has no number"):
        lib.render_text("notice-takedown", "es", numbering={"notice-takedown": "5"})


def test_heading_line_per_language(lib: Library) -> None:
    assert lib.heading_line("offence-possession", "es", "24") == "Artículo 24.- Posesión de material de abuso sexual infantil."
    assert lib.heading_line("offence-possession", "en", "12") == "12. Possession of child sexual abuse material."


def test_unknown_language(lib: Library) -> None:
    with pytest.raises(LibraryError, match="no 'fr' template"):
        lib.render_text("purpose", "fr")


# --- user libraries -----------------------------------------------------------------------------
def test_minimal_standalone_library(minimal: Path) -> None:
    lib = load_library(minimal)
    assert list(lib.clauses) == ["definition-child", "offence-possession"]
    assert list(lib.jurisdictions) == ["xt"]
    assert lib.criteria_set("2006").criteria[0] == "specific"  # criteria fall back to the bundled file
    text = lib.render_text("offence-possession", "en", jurisdiction="xt")
    assert "section 1" in text and "a fine of 300 penalty units" in text


def test_overlay_library(tmp_path: Path) -> None:
    lib = load_library(FIXTURES / "overlay")
    assert "offence-livestream" in lib.clauses and "purpose" in lib.clauses
    assert set(lib.jurisdictions) >= {"do", "commonwealth", "latam", "house"}
    order = list(lib.clauses)
    assert order.index("offence-production") < order.index("offence-livestream") < order.index("offence-distribution")
    house = lib.render_text("offence-possession", "es", jurisdiction="house")
    assert "versión de la casa" in house and "prisión de 3 a 8 años" in house and "ante la Fiscalía" in house
    assert "versión de la casa" not in lib.render_text("offence-possession", "en")  # English stays bundled
    assert lib.clause("offence-livestream").version == "house-1"
    assert lib.clause("offence-possession").templates["es"].is_relative_to(FIXTURES / "overlay")
    # an overlay without a manifest is just template and preset variants
    bare = tmp_path / "bare"
    shutil.copytree(FIXTURES / "overlay" / "es", bare / "es")
    (bare / "es" / "offence-livestream.j2").unlink()
    assert "versión de la casa" in load_library(bare).render_text("offence-possession", "es")


def test_missing_folder() -> None:
    with pytest.raises(LibraryError, match="folder not found"):
        load_library("/no/such/library")


# --- bad libraries: each error names the clause, the file and the line ------------------------
def test_template_syntax_error(minimal: Path) -> None:
    (minimal / "es" / "offence-possession.j2").write_text("Primera línea.\nQuien {{ posea\n", encoding="utf-8")
    msg = load_error(minimal)
    assert "es/offence-possession.j2:2:" in msg and "clause offence-possession" in msg and "syntax error" in msg


def test_unknown_filter(minimal: Path) -> None:
    (minimal / "es" / "offence-possession.j2").write_text("Primera línea.\nQuien {{ penalty_possession | nope }}\n", encoding="utf-8")
    msg = load_error(minimal)
    assert "es/offence-possession.j2:2:" in msg and "clause offence-possession" in msg and "nope" in msg


def test_attribute_attack_is_refused_at_load(minimal: Path) -> None:
    (minimal / "en" / "definition-child.j2").write_text("In this Act—\n{{ ''.__class__ }}\n", encoding="utf-8")
    msg = load_error(minimal)
    assert "en/definition-child.j2:2:" in msg and "clause definition-child" in msg and "__class__" in msg


def test_mro_attack_is_refused_at_load(minimal: Path) -> None:
    (minimal / "en" / "definition-child.j2").write_text("{{ age_child.__class__.__mro__ }}\n", encoding="utf-8")
    assert "en/definition-child.j2:1:" in load_error(minimal)


def test_attr_filter_attack_is_stopped_by_the_sandbox(minimal: Path) -> None:
    (minimal / "en" / "definition-child.j2").write_text("In this Act—\n\n{{ age_child | attr('__class__') }}\n", encoding="utf-8")
    lib = load_library(minimal)
    with pytest.raises(LibraryError) as info:
        lib.render_text("definition-child", "en")
    msg = str(info.value)
    assert "en/definition-child.j2:3:" in msg and "clause definition-child" in msg and "unsafe" in msg


def test_memory_bomb_is_stopped(minimal: Path) -> None:
    (minimal / "en" / "definition-child.j2").write_text("{{ 'x' * 10**9 }}\n", encoding="utf-8")
    with pytest.raises(LibraryError, match=r"definition-child.j2:1:.*too large"):
        load_library(minimal).render_text("definition-child", "en")


def test_bare_prison_value_must_use_its_filter(minimal: Path) -> None:
    edit(minimal / "en" / "offence-possession.j2", "{{ penalty_possession | prison }}", "{{ penalty_possession }}")
    with pytest.raises(LibraryError, match=r"offence-possession.j2:1:.*'prison' filter"):
        load_library(minimal).render_text("offence-possession", "en")


def test_include_is_refused(minimal: Path) -> None:
    (minimal / "en" / "definition-child.j2").write_text("{% include 'es/definition-child.j2' %}\n", encoding="utf-8")
    assert "may not include" in load_error(minimal)


def test_undeclared_parameter(minimal: Path) -> None:
    edit(minimal / "es" / "offence-possession.j2", "Párrafo.-", "Párrafo.- {{ age_child }}")
    msg = load_error(minimal)
    assert "es/offence-possession.j2:2:" in msg and "'age_child'" in msg and "clause offence-possession" in msg


def test_missing_language(minimal: Path) -> None:
    (minimal / "es" / "definition-child.j2").unlink()
    msg = load_error(minimal)
    assert "manifest.toml:" in msg and "clause definition-child" in msg and "no 'es' template" in msg


def test_unknown_criterion(minimal: Path) -> None:
    edit(minimal / "manifest.toml", 'criteria = ["possession"]', 'criteria = ["posession"]')
    msg = load_error(minimal)
    line = next(n for n, l in enumerate((minimal / "manifest.toml").read_text().splitlines(), 1) if "posession" in l)
    assert f"manifest.toml:{line}:" in msg and "clause offence-possession" in msg and "did you mean possession" in msg


def test_alias_criterion_on_a_clause_is_refused(minimal: Path) -> None:
    edit(minimal / "manifest.toml", 'criteria = ["possession"]', 'criteria = ["technology"]')
    assert "another name for 'computer'" in load_error(minimal)


def test_dependency_cycle(minimal: Path) -> None:
    edit(minimal / "manifest.toml", 'requires = []', 'requires = ["offence-possession"]')
    msg = load_error(minimal)
    assert "dependency cycle" in msg and "manifest.toml:" in msg
    assert "definition-child → offence-possession → definition-child" in msg or \
           "offence-possession → definition-child → offence-possession" in msg


def test_unknown_requires(minimal: Path) -> None:
    edit(minimal / "manifest.toml", 'requires = []', 'requires = ["definition-kid"]')
    assert "requires unknown clause 'definition-kid'" in load_error(minimal)


def test_ref_to_unknown_clause(minimal: Path) -> None:
    edit(minimal / "en" / "offence-possession.j2", 'ref("definition-child")', 'ref("definition-kid")')
    msg = load_error(minimal)
    assert "en/offence-possession.j2:1:" in msg and "unknown clause 'definition-kid'" in msg


def test_ref_must_be_in_requires(minimal: Path) -> None:
    edit(minimal / "manifest.toml", 'requires = ["definition-child"]', "requires = []")
    assert "must also be listed in its requires" in load_error(minimal)


def test_unknown_parameter_in_clause(minimal: Path) -> None:
    edit(minimal / "manifest.toml", 'parameters = ["age_child"]', 'parameters = ["age_kid"]')
    assert "parameter 'age_kid' is not declared" in load_error(minimal)


def test_malformed_toml_names_the_line(minimal: Path) -> None:
    edit(minimal / "manifest.toml", 'order = 2\n', 'order = = 2\n')
    line = next(n for n, l in enumerate((minimal / "manifest.toml").read_text().splitlines(), 1) if "= = 2" in l)
    msg = load_error(minimal)
    assert f"manifest.toml:{line}: malformed TOML" in msg


def test_malformed_preset_value(minimal: Path) -> None:
    edit(minimal / "jurisdictions" / "xt.toml", "age_child = 18", "age_child = 300")
    msg = load_error(minimal)
    assert "xt.toml:8:" in msg and "(age_child)" in msg and "300" in msg


def test_preset_prison_min_above_max(minimal: Path) -> None:
    edit(minimal / "jurisdictions" / "xt.toml", "min = 2, max = 6", "min = 9, max = 6")
    assert "The minimum prison term (9 years) is longer than the maximum (6 years)." in load_error(minimal)


def test_bad_default(minimal: Path) -> None:
    edit(minimal / "manifest.toml", "default = 18", "default = 300")
    msg = load_error(minimal)
    assert "manifest.toml:" in msg and "(age_child)" in msg


def test_duplicate_clause(minimal: Path) -> None:
    text = (minimal / "manifest.toml").read_text()
    (minimal / "manifest.toml").write_text(text + text[text.index("[[clauses]]"):text.index("[[clauses]]", text.index("[[clauses]]") + 1)])
    assert "declared twice" in load_error(minimal)


def test_unsafe_phrase_pattern(minimal: Path) -> None:
    (minimal / "en").joinpath("_phrases.toml").write_text(
        (BUNDLED / "en" / "_phrases.toml").read_text().replace("a fine not exceeding {max}", "{max.__class__}"))
    assert "placeholder {max.__class__} not allowed" in load_error(minimal)


def test_unknown_clause_key(minimal: Path) -> None:
    edit(minimal / "manifest.toml", 'criteria = ["possession"]', 'criterias = ["possession"]')
    assert "unknown key 'criterias'" in load_error(minimal)


# --- CLI commands -------------------------------------------------------------------------------
def run_command(module, argv: list[str], library: str | None = None) -> int:
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    args = parser.parse_args(argv)
    args.library = library
    return module.run(args)


def test_clauses_json(capsys: pytest.CaptureFixture[str], lib: Library) -> None:
    assert run_command(clauses_cmd, ["--json", "--lang", "es"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == list(lib.clauses)
    first = rows[1]
    assert set(first) == {"id", "title", "topic", "criteria", "languages", "parameters"}
    assert first["title"] == "Definición de niño, niña o adolescente" and first["languages"] == ["en", "es"]


def test_clauses_table_filters(capsys: pytest.CaptureFixture[str]) -> None:
    run_command(clauses_cmd, ["--topic", "reporting", "--criterion", "isp-report"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["id", "topic", "criteria"]
    assert len(lines) == 2 and lines[1].startswith("duty-isp-report")
    with pytest.raises(LibraryError, match="unknown topic"):
        run_command(clauses_cmd, ["--topic", "crimes"])


def test_render_command(capsys: pytest.CaptureFixture[str]) -> None:
    run_command(render_cmd, ["offence-possession", "--jurisdiction", "do", "--set", "penalty_possession=3-10",
                             "--set", "fine_possession=200 salarios mínimos"])
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Artículo 9.- Posesión de material de abuso sexual infantil."
    assert "prisión de tres (3) a diez (10) años y multa de doscientos (200) salarios mínimos" in out[1]
    run_command(render_cmd, ["offence-guardian", "--lang", "en", "--number", "30"])
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("30. ") and "section 6" in out[1]


def test_render_command_errors() -> None:
    with pytest.raises(LibraryError, match=r"clause definition-child: Age below which a person is a child \(age_child\)"):
        run_command(render_cmd, ["definition-child", "--set", "age_child=300"])
    with pytest.raises(LibraryError, match="NAME=VALUE"):
        run_command(render_cmd, ["definition-child", "--set", "age_child"])
    with pytest.raises(LibraryError, match="unknown clause"):
        run_command(render_cmd, ["definition-kid"])


def test_through_the_cli_with_a_user_library(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--library", str(FIXTURES / "minimal"), "clauses", "--json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["definition-child", "offence-possession"]
    assert cli.main(["render", "definition-child", "--set", "age_child=300"]) == 2
    assert "clause definition-child" in capsys.readouterr().err


def test_loops_are_refused(minimal: Path) -> None:
    (minimal / "en" / "definition-child.j2").write_text(
        "In this Act—\n{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}\n", encoding="utf-8")
    msg = load_error(minimal)
    assert "en/definition-child.j2:2:" in msg and "may not loop" in msg
