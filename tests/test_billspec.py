"""The bill specification: reading, writing back, and clear errors naming the spec file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.bills.spec import (
    BillSpec,
    ClauseSpec,
    SpecError,
    clause_overrides,
    load_spec,
    spec_from_toml,
    spec_to_toml,
    validate_spec,
)
from drafting.library.library import Library, load_library
from drafting.library.params import PrisonTerm

EXAMPLES = Path(__file__).parent.parent / "templates" / "model_law" / "examples"
SPECS = ("do-bill.toml", "commonwealth-bill.toml")


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


def spec_error(text: str, lib: Library | None = None) -> str:
    with pytest.raises(SpecError) as info:
        spec = spec_from_toml(text, "bill.toml")
        if lib is not None:
            validate_spec(spec, lib)
    return str(info.value)


@pytest.mark.parametrize("name", SPECS)
def test_example_specs_load_validate_and_write_back(name: str, lib: Library) -> None:
    spec = load_spec(EXAMPLES / name)
    validate_spec(spec, lib)
    assert spec.clauses and not spec.amending
    again = spec_from_toml(spec_to_toml(spec), "again.toml")
    assert again == spec


def test_spec_fields_and_frozen_values() -> None:
    spec = spec_from_toml(
        'title = "Ley X"\njurisdiction = "do"\nnumber = 12\n[parameters]\nage_child = 18\n'
        '[[clauses]]\nid = "offence-possession"\n[clauses.parameters]\npenalty_possession = { min = 2, max = 5 }\n'
        '[[clauses]]\nid = "purpose"\n', "bill.toml")
    assert spec.title == "Ley X" and spec.jurisdiction == "do" and spec.number == "12"
    assert [c.id for c in spec.clauses] == ["offence-possession", "purpose"]
    assert dict(spec.clauses[0].parameters["penalty_possession"]) == {"min": 2, "max": 5}
    with pytest.raises(TypeError):
        spec.parameters["age_child"] = 3  # type: ignore[index]
    assert spec.lines["clauses.1.parameters.penalty_possession"] == 9


def test_amending_spec_round_trip_and_path(tmp_path: Path) -> None:
    text = 'amends = "statutes/ley.xml"\njurisdiction = "do"\ngaps = ["possession", "isp-report"]\nedition = 2016\n'
    path = tmp_path / "amend.toml"
    path.write_text(text, encoding="utf-8")
    spec = load_spec(path)
    assert spec.amending and spec.gaps == ("possession", "isp-report") and spec.edition == "2016"
    assert spec.amends_path() == tmp_path / "statutes" / "ley.xml"
    assert spec_from_toml(spec_to_toml(spec)) == spec
    review = spec_from_toml('amends = "x.xml"\njurisdiction = "do"\ngaps = "review"\n')
    assert review.gaps_from_review
    assert spec_from_toml(spec_to_toml(review)) == review


def test_spec_to_toml_escapes_text() -> None:
    spec = BillSpec(jurisdiction="do", title='Ley "X" \\ y\tZ', clauses=(ClauseSpec("purpose"),))
    assert spec_from_toml(spec_to_toml(spec)) == spec


# --- bad specs ---------------------------------------------------------------------------------------

def test_malformed_toml_names_file_and_line() -> None:
    message = spec_error('title = "Ley"\njurisdiction = "do"\n[[clauses]]\nid = "purpose\n')
    assert message.startswith("bill.toml:4: malformed TOML")


def test_unreadable_and_non_utf8_specs(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="cannot read"):
        load_spec(tmp_path / "missing.toml")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes('title = "Niño"\n'.encode("latin-1"))
    with pytest.raises(SpecError, match="not UTF-8"):
        load_spec(bad)


@pytest.mark.parametrize("text, expected", [
    ('title = "x"\n[[clauses]]\nid = "purpose"\n', "missing required key 'jurisdiction'"),
    ('jurisdiction = "do"\n', "missing required key 'clauses'"),
    ('jurisdiction = "do"\ntitel = "x"\n[[clauses]]\nid = "purpose"\n', "unknown key 'titel' (did you mean title?)"),
    ('jurisdiction = "do"\n[[clauses]]\nid = "purpose"\n[[clauses]]\nid = "purpose"\n', "listed twice"),
    ('jurisdiction = "do"\n[[clauses]]\nparameters = {}\n', "clause 1 has no id"),
    ('jurisdiction = "do"\namends = "x.xml"\n[[clauses]]\nid = "purpose"\n', "not both"),
    ('jurisdiction = "do"\namends = "x.xml"\ngaps = 3\n', "gaps must be a list"),
    ('jurisdiction = "do"\ndate = "1/2/2025"\n[[clauses]]\nid = "purpose"\n', "YYYY-MM-DD"),
    ('jurisdiction = "do"\ngaps = ["possession"]\n[[clauses]]\nid = "purpose"\n', "amending spec"),
])
def test_badly_shaped_specs(text: str, expected: str) -> None:
    message = spec_error(text)
    assert message.startswith("bill.toml")
    assert expected in message


def test_unknown_clause_is_named_with_its_line_and_close_ids(lib: Library) -> None:
    message = spec_error('jurisdiction = "do"\n[[clauses]]\nid = "purpose"\n[[clauses]]\nid = "offence-posession"\n', lib)
    assert message.startswith("bill.toml:5: unknown clause 'offence-posession' (did you mean offence-possession")


def test_unknown_jurisdiction_lists_the_known_ones(lib: Library) -> None:
    message = spec_error('jurisdiction = "dom"\n[[clauses]]\nid = "purpose"\n', lib)
    assert message.startswith("bill.toml:1: unknown jurisdiction 'dom' (did you mean do?)")
    assert "known: " in message and "commonwealth" in message


@pytest.mark.parametrize("body, expected, line", [
    ("[parameters]\nage_child = 300\n", "(age_child): An age of 300 is not allowed here", 5),
    ("[parameters]\nage_chld = 16\n", "unknown parameter 'age_chld' (did you mean age_child?)", 5),
    ("[parameters]\npenalty_possession = { min = 6, max = 2 }\n", "The minimum prison term (6 years) is longer than the maximum (2 years).", 5),
    ("[parameters]\npenalty_possession = \"five years\"\n", "penalty_possession", 5),
    ("[[clauses]]\nid = \"purpose\"\nparameters = { age_child = 16 }\n", "clause purpose does not take parameter 'age_child'", 6),
])
def test_invalid_values_are_named_with_their_line(body: str, expected: str, line: int, lib: Library) -> None:
    text = f'jurisdiction = "do"\n[[clauses]]\nid = "offence-possession"\n{body}'
    message = spec_error(text, lib)
    assert message.startswith(f"bill.toml:{line}: ")
    assert expected in message


def test_excluding_a_listed_or_unknown_clause(lib: Library) -> None:
    base = 'jurisdiction = "do"\n[[clauses]]\nid = "offence-possession"\n'
    assert "both listed and excluded" in spec_error('exclude = ["offence-possession"]\n' + base, lib)
    assert "exclude: unknown clause 'definition-chld'" in spec_error('exclude = ["definition-chld"]\n' + base, lib)


def test_prison_terms_and_fines_in_command_line_spelling(lib: Library) -> None:
    spec = spec_from_toml('jurisdiction = "do"\n[parameters]\npenalty_possession = "3-6 years"\n'
                          '[[clauses]]\nid = "offence-possession"\n')
    validate_spec(spec, lib)
    values = clause_overrides(spec, lib, "offence-possession", "es")
    assert values == {"penalty_possession": PrisonTerm(3, 6, "years")}
