"""The CLI's budget: --max-seconds / --max-memory and their environment variables end in one line."""

from __future__ import annotations

from pathlib import Path

from .support import assert_fails_cleanly, drafting

SLOW = "Artículo 1. " + "palabra de la ley y de su reglamento\n" * 200_000


def test_out_of_time_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "law.txt"
    source.write_text(SLOW, encoding="utf-8")
    out = tmp_path / "law.xml"
    assert_fails_cleanly(drafting("--max-seconds", "1", "import", source, "-o", out), "out of time", "--max-seconds",
                         outputs=(out,))
    assert_fails_cleanly(drafting("import", source, "-o", out, env={"DRAFTING_MAX_SECONDS": "1"}), "out of time",
                         outputs=(out,))


def test_out_of_memory_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "law.txt"
    source.write_text(SLOW, encoding="utf-8")
    assert_fails_cleanly(drafting("--max-memory", "150", "import", source, "--report"), "out of memory", "--max-memory")


def test_a_bad_budget_value_is_one_line() -> None:
    assert_fails_cleanly(drafting("clauses", env={"DRAFTING_MAX_MEMORY_MB": "lots"}), "DRAFTING_MAX_MEMORY_MB")
