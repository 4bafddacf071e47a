"""`drafting import`: a statute file in, Akoma Ntoso out; bad input is one clear line and writes nothing."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from drafting.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting", *args], capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_import_writes_akn_that_show_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ley.xml"
    assert main(["import", str(ROOT / "statutes/xs/ley-45-19.txt"), "--country", "xs", "--date", "2019-03-12",
                 "-o", str(out), "--report"]) == 0
    report = capsys.readouterr().out
    assert "15 articles/sections" in report and "law text inside provisions" in report
    assert main(["show", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["meta"]["expression"] == "/akn/xs/act/2019/45-19/spa@2019-03-12"
    assert data["meta"]["profile"] == "es-DO"
    assert [r["kind"] for r in data["preamble"]][:2] == ["recitals", "citations"]


def test_forced_profile_and_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "act.xml"
    assert main(["import", str(ROOT / "statutes/xe/act-7-2021.txt"), "--profile", "en-commonwealth", "--number", "7",
                 "--title", "Cybercrime Act", "--country", "xe", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["show", str(out), "--json"]) == 0
    meta = json.loads(capsys.readouterr().out)["meta"]
    assert meta["title"] == "Cybercrime Act" and meta["number"] == "7" and meta["language"] == "en"


def truncated_docx(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>" * 2000)
    path.write_bytes(buffer.getvalue()[:300])


BAD = {
    "empty.txt": lambda p: p.write_bytes(b""),
    "garbage.txt": lambda p: p.write_bytes(bytes(range(256)) * 40),
    "broken.docx": truncated_docx,
    "notes.rtf": lambda p: p.write_text("{\\rtf1 hello}"),
    "entities.xml": lambda p: p.write_bytes(b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'),
    "english-less.txt": lambda p: p.write_text("xq zv wk " * 20),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, name: str) -> None:
    source = tmp_path / name
    BAD[name](source)
    out = tmp_path / "out.xml"
    result = run_cli("import", str(source), "-o", str(out))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(source) in lines[0]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_unwritable_output(tmp_path: Path) -> None:
    result = run_cli("import", str(ROOT / "statutes/xs/ley-45-19.txt"), "-o", str(tmp_path / "no-such-folder" / "x.xml"))
    assert result.returncode == 2 and "no-such-folder" in result.stderr and "Traceback" not in result.stderr
