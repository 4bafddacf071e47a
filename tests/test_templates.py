"""The bundled model-law clauses: coverage, consistency between languages, and drafting style."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.library.library import load_library
from drafting.library.params import Parameter

LIB = load_library()
CLAUSES = list(LIB.clauses)
PRESETS = [None, *LIB.jurisdictions]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

# Parameter settings that switch template branches on, so every branch is style-checked too.
VARIANTS: list[dict[str, Any]] = [
    {"include_virtual": False, "corporate_dissolution": False, "grooming_means": "ict-only",
     "attempt_penalty": "half", "aggravation_increase": "one-third", "require_dual_criminality": True,
     "entry_days": 30, "repealed_provisions": "Law No. 53-07, articles 23 and 24"},
    {"entry_days": 1, "report_hours": 1, "takedown_hours": 1, "retention_days": 30, "preservation_days": 1,
     "penalty_possession": {"min": 0, "max": 1, "unit": "years"}, "penalty_access": {"min": 6, "max": 6, "unit": "months"},
     "fine_possession": {"amount": 1, "unit": "minimum-wages"},
     "fine_access": {"min": 10000, "max": 50000, "unit": "money", "currency": "US$"}},
]


def render_all(lang: str, preset: str | None = None, params: dict[str, Any] | None = None) -> dict[str, str]:
    return {cid: LIB.render_text(cid, lang, params, preset) for cid in CLAUSES}


# --- coverage and consistency -------------------------------------------------------------------
def test_enough_clauses_with_titles_in_both_languages() -> None:
    assert len(CLAUSES) >= 26
    for clause in LIB.clauses.values():
        assert set(clause.templates) == {"en", "es"}
        for lang in ("en", "es"):
            assert clause.title[lang].strip() and not clause.title[lang].endswith(".")
        assert re.fullmatch(r"\d+\.\d+|[\w.-]+", clause.version)


def test_required_clause_ids_exist() -> None:
    wanted = {
        "definition-child", "definition-csam", "definition-computer-system", "definition-service-provider",
        "offence-production", "offence-distribution", "offence-making-available", "offence-possession",
        "offence-access", "offence-advertising", "offence-grooming", "offence-guardian", "offence-attempt",
        "duty-isp-report", "duty-professional-report", "duty-financial-report", "notice-takedown",
        "data-retention", "aggravation", "forfeiture", "corporate-liability", "victim-non-liability",
        "jurisdiction-extraterritorial", "purpose", "entry-into-force", "repeal",
    }
    assert wanted <= set(CLAUSES)


@pytest.mark.parametrize("clause_id", CLAUSES)
def test_both_languages_use_exactly_the_declared_parameters(clause_id: str) -> None:
    declared = set(LIB.clause(clause_id).parameters)
    assert LIB.template_variables(clause_id, "en") == declared
    assert LIB.template_variables(clause_id, "es") == declared


def test_every_parameter_is_used_and_described() -> None:
    from drafting.bills.furniture import required_values

    used = {p for c in LIB.clauses.values() for p in c.parameters}
    used |= {p for j in LIB.jurisdictions.values() for p in required_values(j.furniture)}  # {country_name}
    assert used == set(LIB.parameters)
    for param in LIB.parameters.values():
        assert param.description.get("en") and param.description.get("es"), param.name
        for lang in ("en", "es"):
            assert param.validate(param.default_for(lang)) == param.default_for(lang)


@pytest.mark.parametrize("set_id", ["2006", "2016", "2018", "full"])
def test_every_criterion_of_every_edition_is_covered(set_id: str) -> None:
    for criterion in LIB.criteria_set(set_id).criteria:
        assert LIB.clauses_for_criterion(criterion), f"{set_id}: no clause satisfies {criterion}"


def test_every_criterion_has_titles_and_tests_in_both_languages() -> None:
    for crit in LIB.criteria.values():
        for lang in ("en", "es"):
            assert crit.title[lang] and crit.met_when[lang].endswith(".")


def test_every_ref_resolves_and_is_required() -> None:
    cited = set()
    for clause in LIB.clauses.values():
        assert set(clause.refs) <= set(clause.requires) <= set(CLAUSES)
        cited |= set(clause.refs)
    assert cited, "the library should cross-reference at least one clause"
    numbering = {cid: f"{n}-A" for n, cid in enumerate(CLAUSES, 1)}
    for cid in cited:
        citing = [c.id for c in LIB.clauses.values() if cid in c.refs]
        for other in citing:  # a tradition may cite where the other relies on the defined term
            both = [LIB.render_text(other, lang, numbering=numbering) for lang in ("en", "es")]
            assert any(numbering[cid] in text for text in both), (other, cid)


def test_dependencies_pull_in_definitions() -> None:
    for clause in LIB.clauses.values():
        if clause.id.startswith("offence-") and clause.id != "offence-attempt":
            assert "definition-csam" in LIB.with_dependencies([clause.id]), clause.id


# --- rendering and style ------------------------------------------------------------------------
def check_common(text: str, where: str) -> None:
    assert text.strip(), where
    for bad in ("{{", "}}", "{%", "%}", "None", "Undefined", "  ", " ,", " ."):
        assert bad not in text, f"{where}: {bad!r} in {text!r}"
    for line in text.splitlines():
        assert line == line.strip() and line.endswith((".", ";", ":", "—", "; and", "; or")), \
            f"{where}: line does not end a provision: {line!r}"


def check_sequence(labels: list[str], expected: list[str], where: str) -> None:
    assert labels == expected[: len(labels)], f"{where}: labels {labels} are not in order"


def check_es(text: str, where: str) -> None:
    lines = text.splitlines()
    assert not re.match(r"(Párrafo|[a-z]\)|\d+\.)", lines[0]), f"{where}: must open with the article's own text"
    paragraphs = [m.group(1) or "" for l in lines if (m := re.match(r"Párrafo(?: ([IVX]+))?\.- \S", l))]
    assert len(paragraphs) == len([l for l in lines if l.startswith("Párrafo")]), f"{where}: malformed Párrafo"
    if paragraphs == [""]:
        pass  # a lone "Párrafo.-"
    else:
        check_sequence(paragraphs, ROMAN, where)
    letters: list[str] = []
    numerals: list[str] = []
    for line in lines[1:]:
        if m := re.match(r"([a-z])\) \S", line):
            letters.append(m.group(1))
            check_sequence(letters, list("abcdefghijklmnopqrstuvwxyz"), where)
            numerals = []
        elif m := re.match(r"(\d+)\. \S", line):
            numerals.append(m.group(1))
            check_sequence(numerals, [str(n) for n in range(1, 30)], where)
        else:
            assert line.startswith("Párrafo"), f"{where}: stray line {line!r}"
            letters, numerals = [], []
    for bad in (" a el ", " de el ", "(1)", "—"):
        assert bad not in text, f"{where}: {bad!r}"


def check_en(text: str, where: str) -> None:
    lines = text.splitlines()
    subsections = [m.group(1) for l in lines if (m := re.match(r"\((\d+)\) \S", l))]
    check_sequence(subsections, [str(n) for n in range(1, 30)], where)
    letters: list[str] = []
    for n, line in enumerate(lines):
        if re.match(r"\(\d+\) ", line):
            letters = []
        elif m := re.match(r"\(([a-z])\) \S", line):
            letters.append(m.group(1))
            check_sequence(letters, list("abcdefghijklmnopqrstuvwxyz"), where)
            assert lines[n - 1].endswith(("—", ";", "; or", "; and")) or lines[n - 1].endswith("or") or letters != ["a"], where
        elif line.startswith('“'):  # defined terms in curly quotes (writers set them bold)
            assert re.match(r'“[^”"]+” (means|includes) ', line) and line.endswith((";", "—")), f"{where}: definition {line!r}"
            letters = []
        else:
            assert n == 0 and not subsections, f"{where}: unnumbered text after the opening line: {line!r}"
    assert "Párrafo" not in text and "artículo" not in text.lower()


CHECKS = {"en": check_en, "es": check_es}


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_clause_renders_in_good_style(lang: str, preset: str | None) -> None:
    for cid, text in render_all(lang, preset).items():
        where = f"{lang}/{cid}.j2 with preset {preset}"
        check_common(text, where)
        CHECKS[lang](text, where)


@pytest.mark.parametrize("variant", range(len(VARIANTS)))
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_branch_renders_in_good_style(lang: str, variant: int) -> None:
    params = VARIANTS[variant]
    for cid, text in render_all(lang, None, params).items():
        where = f"{lang}/{cid}.j2 with variant {variant}"
        check_common(text, where)
        CHECKS[lang](text, where)


def test_definitions_follow_each_tradition() -> None:
    for clause in LIB.clauses.values():
        if clause.id.startswith("definition-"):
            assert LIB.render_text(clause.id, "en").startswith("In this Act—\n“")
            es = LIB.render_text(clause.id, "es")
            assert es.startswith("Para los fines de la presente ley, se entiende por:\na) ")
            assert re.search(r"^a\) [A-ZÁÉÍÓÚÑ][^:]+: ", es, re.M)


def test_csam_definition_covers_simulated_and_computer_generated_material() -> None:
    en = LIB.render_text("definition-csam", "en")
    assert "real or simulated sexually explicit activity" in en and "computer system" in en
    assert "primarily for a sexual purpose" in en and "whether or not a real child" in en
    without = LIB.render_text("definition-csam", "en", {"include_virtual": False})
    assert "(c)" not in without and "; or\n(b)" in without
    es = LIB.render_text("definition-csam", "es")
    assert "reales o simuladas" in es and "sistema informático" in es


def test_offences_carry_penalties_in_each_tradition() -> None:
    # Dominican: words and figures; the subject of every offence is "La persona que …" (sancionada)
    words = r"[a-zé ]+ \([\d,]+\)"
    pattern_es = re.compile(rf"será sancionada con prisión de {words} a {words} años y multa de {words} a {words} salarios mínimos\.")
    # Peru: "será reprimida con pena privativa de libertad no menor de … ni mayor de … años y con … días-multa"
    pattern_pe = re.compile(rf"será reprimida con pena privativa de libertad no menor de {words} ni mayor de {words} años "
                            rf"y con {words} a {words} días-multa\.")
    pattern_en = re.compile(r"commits an offence and is liable on conviction to imprisonment for a term of not less than \d+ "
                            r"and not more than \d+ years and to a fine not exceeding [\d,]+ penalty units\.")
    # a term with no minimum: the court may impose either penalty or both
    pattern_or = re.compile(r"imprisonment for a term not exceeding \d+ years or to a fine not exceeding [\d,]+ penalty units, "
                            r"or to both\.")
    for cid in CLAUSES:
        if cid.startswith("offence-") and cid != "offence-attempt":
            assert pattern_es.search(LIB.render_text(cid, "es", jurisdiction="do")), cid
            assert pattern_pe.search(LIB.render_text(cid, "es", jurisdiction="pe")), cid
            assert pattern_en.search(LIB.render_text(cid, "en")), cid
    assert pattern_or.search(LIB.render_text("offence-possession", "en", jurisdiction="commonwealth"))


def test_possession_needs_no_intent_to_distribute() -> None:
    assert "not necessary" in LIB.render_text("offence-possession", "en")
    assert "no se requiere" in LIB.render_text("offence-possession", "es")


def test_dominican_preset_names_its_authorities() -> None:
    texts = render_all("es", "do")
    assert "Instituto Dominicano de las Telecomunicaciones (INDOTEL)" in texts["data-retention"]
    assert "el Ministerio Público" in texts["notice-takedown"]
    assert "Procuraduría General de la República" in texts["duty-isp-report"]
    assert "dieciocho (18) años" in texts["definition-child"]


def test_spanish_is_not_a_word_for_word_translation() -> None:
    """The Spanish clauses are structured the Latin-American way: text + Párrafos, not (1)/(2)."""
    es = render_all("es")
    assert sum(t.count("Párrafo") for t in es.values()) >= 20
    en = render_all("en")
    assert sum(t.count("\n(2) ") for t in en.values()) >= 15


# --- property: any valid parameter values render cleanly ---------------------------------------
def value_strategy(param: Parameter) -> st.SearchStrategy[Any]:
    t = param.type
    if t in ("integer", "age"):
        low = param.minimum if param.minimum is not None else 0
        high = param.maximum if param.maximum is not None else (30 if t == "age" else 10_000)
        return st.integers(max(low, 0), min(high, 30) if t == "age" else high)
    if t == "boolean":
        return st.booleans()
    if t == "choice":
        return st.sampled_from(param.choices)
    if t in ("text", "authority"):
        return st.text(st.characters(whitelist_categories=("L", "N"), whitelist_characters=" ,()-'"), min_size=1, max_size=40) \
            .map(str.strip).filter(bool)
    if t == "prison":
        return st.tuples(st.integers(0, 20), st.integers(1, 20), st.sampled_from(param.units)).map(
            lambda v: {"min": min(v[0], v[1]), "max": v[1], "unit": v[2]})
    units = [u for u in param.units if u != "money"]
    return st.one_of(
        st.tuples(st.integers(1, 10**6), st.sampled_from(units)).map(lambda v: {"amount": v[0], "unit": v[1]}),
        st.tuples(st.integers(0, 10**5), st.integers(1, 10**5), st.sampled_from(units)).map(
            lambda v: {"min": v[0], "max": v[0] + v[1], "unit": v[2]}),
        st.integers(1, 10**7).map(lambda n: {"max": n, "unit": "money", "currency": "US$"}),
    )


PARAMS = st.fixed_dictionaries({name: value_strategy(p) for name, p in LIB.parameters.items()})


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(params=PARAMS, lang=st.sampled_from(["en", "es"]), preset=st.sampled_from(PRESETS))
def test_any_valid_parameters_render_without_leftovers(params: dict[str, Any], lang: str, preset: str | None) -> None:
    for cid, text in render_all(lang, preset, params).items():
        assert "{{" not in text and "}}" not in text and "{%" not in text, cid
        assert all(line.strip() for line in text.splitlines()), cid
