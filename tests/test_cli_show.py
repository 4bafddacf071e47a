from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from drafting import akn
from drafting.cli import main

from .test_akn import sample


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting", *args], capture_output=True, text=True, timeout=120)


def test_show_outline_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ley.xml"
    akn.write(sample(), path)
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "article 24 — Pornografía infantil  (art_24)" in out
    assert main(["show", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["meta"]["country"] == "do" and data["meta"]["work"] == "/akn/do/act/2007/53-07"
    chapter = data["body"][0]
    assert set(chapter) >= {"kind", "num", "heading", "eid", "text", "children"}
    assert chapter["children"][0]["eid"] == "art_24"
    assert data["preamble"] == []


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act>&lol3;</act></akomaNtoso>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act>&xxe;</act></akomaNtoso>"""


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("notes.xml", b"this is not xml at all", "not well-formed XML"),
        ("other.xml", b"<html><body>hi</body></html>", "not an Akoma Ntoso document"),
        ("xxe.xml", EXTERNAL, "DOCTYPE"),
        ("laughs.xml", BILLION_LAUGHS, "DOCTYPE"),
        ("empty.xml", b"", "empty file"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run_cli("show", str(path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0] and expected in lines[0]


def test_missing_file(tmp_path: Path) -> None:
    result = run_cli("show", str(tmp_path / "nope.xml"))
    assert result.returncode != 0 and "nope.xml" in result.stderr and "no such file" in result.stderr
    assert "Traceback" not in result.stderr
