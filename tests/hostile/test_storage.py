"""What is stored can be read; what XML forbids is dropped and reported; DTDs are refused (items 4, 5)."""

from __future__ import annotations

import codecs
import sqlite3
from pathlib import Path

import pytest

from drafting import akn
from drafting.errors import InputError
from drafting.importers.document import import_document
from drafting.store import Store

from .support import assert_clean, assert_fails_cleanly, drafting


def test_a_10mb_line_is_stored_and_read_back(tmp_path: Path) -> None:
    source = tmp_path / "law.txt"
    source.write_text("Artículo 1. " + "palabra " * 1_400_000 + "\nArtículo 2. Otro texto de la ley.\n", encoding="utf-8")
    out = tmp_path / "law.xml"
    assert drafting("import", source, "--lang", "es", "-o", out).code == 0
    shown = drafting("show", out)
    assert_clean(shown)
    assert shown.code == 0 and "article 2" in shown.stdout
    assert len(akn.read(out).body[0].text) > 10_000_000


def test_deep_nesting_is_refused_even_with_a_huge_text_node() -> None:
    inner = "<a>" * 300 + "x" * 11_000_000 + "</a>" * 300
    with pytest.raises(InputError, match="nested|well-formed"):
        akn.from_xml(f'<akomaNtoso xmlns="{akn.NS}">{inner}</akomaNtoso>'.encode())


@pytest.mark.parametrize("text", ["El \x1b texto \x07 de la ley.", "Ley &#27; y &#7; aquí."])
def test_control_characters_are_removed_and_reported(tmp_path: Path, text: str) -> None:
    source = tmp_path / ("law.html" if "&#" in text else "law.txt")
    body = f"Artículo 1. {text}\nArtículo 2. Otro texto de la ley de la República.\n"
    source.write_text(f"<p>{body}</p>" if source.suffix == ".html" else body, encoding="utf-8")
    out = tmp_path / "law.xml"
    outcome = drafting("import", source, "--lang", "es", "-o", out, "--report")
    assert_clean(outcome, (out,), tmp_path)
    assert outcome.code == 0 and drafting("show", out).code == 0
    if source.suffix == ".txt":
        assert "characters that XML cannot store" in outcome.stdout and "ESC" in outcome.stdout


XXE = '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&x;</akomaNtoso>'


@pytest.mark.parametrize("data", [
    XXE.encode(),
    codecs.BOM_UTF8 + XXE.encode(),
    b"<!--" + b"x" * 70_000 + b"-->" + XXE.encode(),
    XXE.encode("utf-16"),
    XXE.encode("utf-16-le"),
    XXE.encode("utf-16-be"),
    XXE.encode("utf-32"),
    ('<?xml version="1.0" encoding="UTF-7"?>' + XXE.replace("<!", "+ADw-!")).encode(),
    b'<!DOCTYPE a [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><a>&b;</a>',
], ids=["plain", "bom", "behind-70kb-comment", "utf16", "utf16le", "utf16be", "utf32", "utf7", "laughs"])
def test_dtds_are_refused_whatever_the_encoding(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        akn.from_xml(data, source="evil.xml")
    assert "root:" not in str(caught.value)


def test_statute_text_that_mentions_a_doctype_round_trips() -> None:
    data = "Artículo 1. El texto <!DOCTYPE html> y <!ENTITY x> de la ley.\nArtículo 2. Otro texto de la ley.\n".encode()
    document = import_document("law.txt", data=data, language="es").document
    assert "<!DOCTYPE html>" in akn.from_xml(akn.to_xml(document)).body[0].text


def test_the_parser_itself_never_resolves_entities() -> None:
    """Proof that the parser configuration is safe even without the DOCTYPE check in front of it."""
    root = akn._parse(XXE.encode(), huge=False)
    assert "root:" not in "".join(root.itertext())
    assert root.getroottree().docinfo.internalDTD is not None  # which parse_bytes then refuses


def test_xxe_through_the_command(tmp_path: Path) -> None:
    source = tmp_path / "evil.xml"
    source.write_bytes(XXE.encode("utf-16"))
    assert_fails_cleanly(drafting("show", source), "DOCTYPE")


@pytest.mark.parametrize("kind", ["garbage", "foreign", "truncated"])
def test_damaged_or_foreign_workspaces_are_one_line(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "ws.sqlite3"
    if kind == "garbage":
        path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 50)
    elif kind == "foreign":
        with sqlite3.connect(path) as con:
            con.execute("CREATE TABLE versions (a, b)")
    else:
        store = Store(path)
        store.save(None, "statute", "x", "<a/>")
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    with pytest.raises(Exception) as caught:
        Store(path).list_drafts()
    assert type(caught.value).__name__ == "DraftingError" and "\n" not in str(caught.value) and str(path) in str(caught.value)


def test_imports_report_through_the_worker_budget() -> None:
    from drafting import budget

    with pytest.raises(budget.BudgetExceeded, match="memory|stopped"):
        budget.run_limited(_allocate, budget=budget.Budget(memory_mb=300, seconds=20))
    with pytest.raises(budget.BudgetExceeded, match="time"):
        budget.run_limited(_spin, budget=budget.Budget(memory_mb=0, seconds=2))
    result = budget.run_limited(import_document, "law.txt", data=b"Articulo 1. La ley de la Republica y el articulo de la ley.\n",
                                language="es", budget=budget.Budget(memory_mb=1024, seconds=20))
    assert result.document.units()


def _allocate() -> bytes:
    return b"x" * (1 << 30)


def _spin() -> None:
    while True:
        pass
