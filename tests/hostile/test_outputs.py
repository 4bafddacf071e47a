"""All or nothing, never over the source, no formulas in CSV, exact size limits (item 5)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafting.export.matrix import csv_cell
from drafting.limits import MAX_FILE_BYTES

from .support import ROOT, assert_clean, assert_fails_cleanly, drafting

LEY = ROOT / "statutes" / "xs" / "ley-45-19.txt"
OLD, NEW = ROOT / "statutes" / "xs" / "ley-45-19.xml", ROOT / "statutes" / "xs" / "ley-45-19.txt"


def test_diff_with_one_bad_output_writes_none(tmp_path: Path) -> None:
    docx, page = tmp_path / "a.docx", tmp_path / "a.html"
    outcome = drafting("diff", OLD, NEW, "-o", docx, "--html", page, "--instructions", tmp_path / "missing" / "x.docx")
    assert_fails_cleanly(outcome, "missing", outputs=(docx, page))
    assert list(tmp_path.iterdir()) == []


def test_diff_writes_all_three(tmp_path: Path) -> None:
    files = (tmp_path / "a.docx", tmp_path / "a.html", tmp_path / "b.docx")
    outcome = drafting("diff", OLD, NEW, "-o", files[0], "--html", files[1], "--instructions", files[2])
    assert_clean(outcome, files, tmp_path)
    assert outcome.code == 0 and all(p.stat().st_size > 0 for p in files)


def test_import_refuses_to_overwrite_its_source(tmp_path: Path) -> None:
    source = tmp_path / "law.txt"
    source.write_bytes(LEY.read_bytes())
    assert_fails_cleanly(drafting("import", source, "-o", source), "overwrite the input")
    assert source.read_bytes() == LEY.read_bytes()
    (tmp_path / "sub").mkdir()
    assert_fails_cleanly(drafting("import", source, "-o", tmp_path / "sub" / ".." / "law.txt"), "overwrite")
    os.link(source, tmp_path / "hard.txt")
    assert_fails_cleanly(drafting("import", source, "-o", tmp_path / "hard.txt"), "overwrite")


@pytest.mark.parametrize("command", [
    lambda src, out: ("review", src, "--csv", out),
    lambda src, out: ("compare", src, "--html", out),
    lambda src, out: ("gapbill", src, "--jurisdiction", "do", "-o", out),
    lambda src, out: ("diff", src, src, "--html", out),
])
def test_every_writing_command_refuses_its_input(tmp_path: Path, command) -> None:
    source = tmp_path / "law.txt"
    source.write_bytes(LEY.read_bytes())
    assert_fails_cleanly(drafting(*command(source, source)), "overwrite")
    assert source.read_bytes() == LEY.read_bytes()


def test_symlinks_and_devices_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.xml"
    link = tmp_path / "link.xml"
    link.symlink_to(target)
    assert_fails_cleanly(drafting("import", LEY, "-o", link), "symbolic link")
    assert not target.exists()
    assert_fails_cleanly(drafting("import", LEY, "-o", "/dev/null"), "device")
    spec = ROOT / "templates" / "model_law" / "examples" / "do-bill.toml"
    assert_fails_cleanly(drafting("assemble", spec, "-o", tmp_path / "b.docx", "--html", "/dev/zero"), "device",
                         outputs=(tmp_path / "b.docx",))


def test_assemble_with_a_bad_output_writes_none(tmp_path: Path) -> None:
    spec = ROOT / "templates" / "model_law" / "examples" / "do-bill.toml"
    docx = tmp_path / "bill.docx"
    outcome = drafting("assemble", spec, "-o", docx, "--akn", tmp_path / "no" / "bill.xml")
    assert_fails_cleanly(outcome, outputs=(docx,))


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_would_run_are_neutralised(cell: str) -> None:
    assert csv_cell(cell) == "'" + cell
    assert csv_cell("Ley 45-19") == "Ley 45-19" and csv_cell(3) == 3


def test_a_review_csv_never_starts_a_cell_with_a_formula(tmp_path: Path) -> None:
    source = tmp_path / "law.txt"
    source.write_bytes(LEY.read_bytes())
    out = tmp_path / "m.csv"
    outcome = drafting("import", source, "--title", "=HYPERLINK(\"http://evil\")", "-o", tmp_path / "law.xml")
    assert outcome.code == 0
    assert drafting("review", tmp_path / "law.xml", OLD, "--csv", out).code == 0
    import csv

    cells = [c for row in csv.reader(out.open(encoding="utf-8")) for c in row]
    assert "'=HYPERLINK(\"http://evil\")" in cells and not any(c.startswith("=") for c in cells)


def test_the_size_limit_is_exactly_50_mb(tmp_path: Path) -> None:
    assert MAX_FILE_BYTES == 50 * 1024 * 1024
    over, at = tmp_path / "over.txt", tmp_path / "at.txt"
    line = b"Articulo 1. La ley de la Republica y el articulo de la ley del pais.\n"
    body = line * (MAX_FILE_BYTES // len(line))
    at.write_bytes(body + b" " * (MAX_FILE_BYTES - len(body)))
    over.write_bytes(at.read_bytes() + b" ")
    assert_fails_cleanly(drafting("import", over, "--lang", "es", "--report"), "52,428,800 bytes", "50 MB")
    assert "too large" not in drafting("import", at, "--lang", "es", "--max-seconds", "25", "--report").stderr
