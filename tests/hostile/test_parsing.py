"""Linear-time parsing: adversarial 1 MB lines through every importer finish within the guard (item 3).

Each line repeats a short unit built to hit one of the regular expressions that read input text
(the Markdown emphasis of the issue: " __a_"; links; closing hashes; amending intros; inline
provision markers …). Before the fixes the worst of them took minutes; the guard is generous.
"""

from __future__ import annotations

import html
import re
import signal
import time
from pathlib import Path

import pytest

from drafting.importers.document import import_document
from drafting.importers.markdown import _strip_underscore_emphasis

from .support import assert_clean, drafting

MB = 1024 * 1024
HEAD = "Artículo 1. La ley de la República dispone lo siguiente para el artículo.\n"
UNITS = [" __a_", "__a ", "[", "[](", "[a](", "**", "*a", "_", "(a)", "(1)", "a) ", "1.", "|", "| - ", ">", "# ",
         "\\*", "&amp;", "se modifica el artículo ", "amended as follows ", "Artículo ", "“", ". ", "a a"]
GUARD = 20  # seconds for one import of a 1 MB line (a guard against a hang, not a speed claim)


def _line(unit: str) -> str:
    return (unit * (MB // len(unit) + 1))[:MB]


def _guarded(call):  # -> result of call()
    def expire(signum, frame):
        raise TimeoutError(f"no answer within {GUARD} s")
    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(GUARD)
    try:
        return call()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
@pytest.mark.parametrize("unit", UNITS)
def test_a_1mb_adversarial_line_imports(fmt: str, unit: str) -> None:
    line = _line(unit)
    data = (f"<p>{html.escape(HEAD)}</p><p>{html.escape(line)}</p>" if fmt == "html" else HEAD + line + "\n").encode()
    result = _guarded(lambda: import_document(f"law.{fmt}", data=data, language="es"))
    assert result.document.units()


def test_the_markdown_line_of_the_issue_through_the_command(tmp_path: Path) -> None:
    source = tmp_path / "law.md"
    source.write_text(HEAD + " __a_" * 60_000 + "\n", encoding="utf-8")  # 300 KB: almost 3 minutes before
    out = tmp_path / "law.xml"
    started = time.monotonic()
    outcome = drafting("import", source, "--lang", "es", "-o", out)
    assert_clean(outcome, (out,), tmp_path)
    assert outcome.code == 0 and time.monotonic() - started < 20


def test_underscore_emphasis_is_the_same_as_the_regex_it_replaced() -> None:
    from hypothesis import given, settings, strategies as st

    old = re.compile(r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])")

    @settings(max_examples=2000, deadline=None)
    @given(st.text(alphabet="_ a.b*", max_size=30))
    def same(text: str) -> None:
        assert _strip_underscore_emphasis(text) == old.sub(r"\1", text)

    same()


def test_a_provision_of_many_lines_is_not_quadratic_in_the_amending_check() -> None:
    data = (HEAD + "palabra de la ley y de su reglamento\n" * 20_000).encode()
    _guarded(lambda: import_document("law.txt", data=data, language="es"))
