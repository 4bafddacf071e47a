"""House templates (--library) cannot exhaust the machine: the sandbox bounds what they build (item 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import assert_clean, assert_fails_cleanly, drafting

ATTACKS = {
    "self-recursive macro doubling its argument": "{% macro d(s) %}{{ d(s ~ s) }}{% endmacro %}{{ d('x') }}",
    "macro recursing twice per call": "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "%-format width": "{{ '%0999999999d' % 1 }}",
    "%-format width from a mapping": "{{ '%(a)0999999999d' % {'a': 1} }}",
    "%-format star width": "{{ '%*d' % (999999999, 1) }}",
    "center filter": "{{ 'x'|center(10**9) }}",
    "center method": "{{ 'x'.center(999999999) }}",
    "ljust": "{{ 'x'.ljust(999999999) }}",
    "zfill": "{{ 'ab'.zfill(999999999) }}",
    "str.format width": "{{ '{:>999999999}'.format(1) }}",
    "format_map width": "{{ '{a:>999999999}'.format_map({'a': 1}) }}",
    "nested format width": "{{ '{:{}}'.format(1, 999999999) }}",
    "replace growth": "{{ ('x' * 99999).replace('x', 'yyyyyyyyyy') }}",
    "replace filter growth": "{{ ('x' * 99999)|replace('x', 'yyyyyyyyyy') }}",
    "repetition": "{{ 'x' * 10**9 }}",
    "concatenation growth": "{% set a = 'x' * 90000 %}{{ a + a }}",
    "tilde growth": "{% set a = 'x' * 90000 %}{% set b = a ~ a %}{{ b }}",
    "power chain": "{{ 2**64**64**64 }}",
    "big power": "{{ 10**100000 }}",
    "indent": "{{ 'x'|indent(999999999, true) }}",
    "expandtabs": "{{ 'a\tb'.expandtabs(999999999) }}",
    "format filter": "{{ '%0999999999d'|format(1) }}",
    "output as produced": "{{ 'x' * 90000 }}{{ 'x' * 90000 }}",
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_template_attack_is_refused_quickly(tmp_path: Path, name: str) -> None:
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "offence-possession.j2").write_text(ATTACKS[name] + "\nPárrafo.- texto.\n", encoding="utf-8")
    outcome = drafting("--library", tmp_path, "render", "offence-possession", "--lang", "es", "--jurisdiction", "do")
    assert_fails_cleanly(outcome, "offence-possession")


def test_control_characters_in_a_template_are_dropped(tmp_path: Path) -> None:
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "offence-possession.j2").write_text("Quien posea \x1b material \x07 ilícito.\n", encoding="utf-8")
    spec = tmp_path / "bill.toml"
    spec.write_text('jurisdiction = "do"\n[[clauses]]\nid = "offence-possession"\n', encoding="utf-8")
    out, akn = tmp_path / "bill.docx", tmp_path / "bill.xml"
    outcome = drafting("--library", tmp_path, "assemble", spec, "-o", out, "--akn", akn)
    assert_clean(outcome, (out, akn), tmp_path)
    assert outcome.code == 0 and "\x1b" not in akn.read_text(encoding="utf-8")


def test_an_ordinary_render_still_works(tmp_path: Path) -> None:
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "offence-possession.j2").write_text(
        "{% macro twice(s) %}{{ s ~ ' ' ~ s }}{% endmacro %}{{ twice('Quien posea material.')|center(80) }}\n"
        "{{ '%03d' % 7 }} {{ '{:>5}'.format('x') }} {{ 'a'.replace('a', 'b') }}\n", encoding="utf-8")
    outcome = drafting("--library", tmp_path, "render", "offence-possession", "--lang", "es", "--jurisdiction", "do")
    assert outcome.code == 0, outcome.stderr
    assert "Quien posea material. Quien posea material." in outcome.stdout and "007" in outcome.stdout
