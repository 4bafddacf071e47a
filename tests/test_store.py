"""The workspace store: versions are never overwritten, restores add versions, files round-trip."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from drafting.errors import DraftingError
from drafting.store import Store, default_path, seed_statutes

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "statutes").glob("*/*.xml"))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "ws")


def test_every_save_is_a_new_version(store: Store) -> None:
    draft_id, v1 = store.save(None, "bill", "My bill", "a = 1\n", "first")
    _, v2 = store.save(draft_id, "bill", "My bill", "a = 2\n", "second")
    _, v3 = store.save(draft_id, "bill", "Renamed bill", "a = 2\n", "rename")
    assert (v1, v2, v3) == (1, 2, 3)
    assert store.get(draft_id, 1).payload == "a = 1\n"
    assert store.get(draft_id, 2).payload == "a = 2\n"
    latest = store.get(draft_id)
    assert (latest.version, latest.name, latest.note) == (3, "Renamed bill", "rename")
    assert [h.version for h in store.history(draft_id)] == [1, 2, 3]
    assert [h.note for h in store.history(draft_id)] == ["first", "second", "rename"]
    assert all(h.created for h in store.history(draft_id))


def test_only_if_changed_skips_identical_saves(store: Store) -> None:
    draft_id, _ = store.save(None, "bill", "B", "x", "one", {"k": 1})
    assert store.save(draft_id, "bill", "B", "x", "again", {"k": 1}, only_if_changed=True) == (draft_id, 1)
    assert store.save(draft_id, "bill", "B", "x", "meta changed", {"k": 2}, only_if_changed=True) == (draft_id, 2)
    assert store.save(draft_id, "bill", "B", "x", "forced") == (draft_id, 3)


def test_versions_cannot_be_changed_even_with_sql(store: Store) -> None:
    draft_id, _ = store.save(None, "review", "R", "{}", "")
    con = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        con.execute("UPDATE versions SET payload = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        con.execute("DELETE FROM versions")
    con.close()
    assert store.get(draft_id).payload == "{}"


def test_returned_values_are_immutable(store: Store) -> None:
    draft_id, _ = store.save(None, "statute", "S", "<xml/>", "", {"report": ["a", "b"], "counts": {"article": 3}})
    version = store.get(draft_id)
    with pytest.raises(AttributeError):
        version.payload = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        version.meta["report"] = []  # type: ignore[index]
    assert version.meta["report"] == ("a", "b") and version.meta["counts"]["article"] == 3


def test_restore_adds_a_version_equal_to_the_old_one(store: Store) -> None:
    draft_id, _ = store.save(None, "bill", "v1 name", "one", "", {"m": 1})
    store.save(draft_id, "bill", "v2 name", "two", "")
    number = store.restore(draft_id, 1)
    assert number == 3
    restored = store.get(draft_id)
    assert (restored.payload, restored.name, dict(restored.meta)) == ("one", "v1 name", {"m": 1})
    assert "restored version 1" in restored.note
    assert store.get(draft_id, 2).payload == "two"  # nothing overwritten


def test_list_drafts_by_kind_latest_first(store: Store) -> None:
    a, _ = store.save(None, "bill", "A", "1", "")
    b, _ = store.save(None, "statute", "B", "<x/>", "")
    store.save(a, "bill", "A2", "2", "")
    assert {d.id for d in store.list_drafts()} == {a, b}
    bills = store.list_drafts("bill")
    assert [(d.id, d.name, d.latest) for d in bills] == [(a, "A2", 2)]
    with pytest.raises(DraftingError, match="unknown draft kind"):
        store.list_drafts("poem")


def test_errors_are_drafting_errors(store: Store) -> None:
    with pytest.raises(DraftingError, match="unknown draft kind"):
        store.save(None, "poem", "x", "y", "")
    with pytest.raises(DraftingError, match="not a draft id"):
        store.get("../../etc/passwd")
    with pytest.raises(DraftingError, match="no draft"):
        store.get("abcdef123456")
    draft_id, _ = store.save(None, "bill", "x", "y", "")
    with pytest.raises(DraftingError, match="no version 9"):
        store.get(draft_id, 9)
    with pytest.raises(DraftingError, match="is a bill, not a review"):
        store.save(draft_id, "review", "x", "y", "")


def test_export_import_round_trip(tmp_path: Path, store: Store) -> None:
    draft_id, _ = store.save(None, "bill", "Bill «ñ»", "title = \"Ley\"\n", "first", {"jurisdiction": "do"})
    store.save(draft_id, "bill", "Bill «ñ»", "title = \"Ley 2\"\n", "second")
    data = store.export_draft(draft_id)
    doc = json.loads(data)
    assert doc["format"] == "drafting-draft" and doc["kind"] == "bill" and len(doc["versions"]) == 2

    other = Store(tmp_path / "other")
    new_id = other.import_draft(data)
    assert new_id == draft_id  # the id is kept when it is free
    assert [(h.version, h.note) for h in other.history(new_id)] == [(1, "first"), (2, "second")]
    for n in (1, 2):
        a, b = store.get(draft_id, n), other.get(new_id, n)
        assert (a.payload, a.name, dict(a.meta), a.created, a.sha256) == (b.payload, b.name, dict(b.meta), b.created, b.sha256)

    again = store.import_draft(data)  # same workspace: the id is taken, so a new one
    assert again != draft_id and len(store.history(again)) == 2


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b"{not json", "invalid JSON"),
    (b'{"format": "something-else"}', "not a draft file"),
    (b'{"format": "drafting-draft", "format_version": 99}', "unsupported draft file version"),
    (b'{"format": "drafting-draft", "format_version": 1, "kind": "poem", "versions": []}', "unknown draft kind"),
    (b'{"format": "drafting-draft", "format_version": 1, "kind": "bill", "versions": []}', "no versions"),
    (b'{"format": "drafting-draft", "format_version": 1, "kind": "bill", "versions": [{"name": 1}]}', "name must be text"),
])
def test_bad_draft_files_are_clear_errors(store: Store, data: bytes, message: str) -> None:
    with pytest.raises(DraftingError, match=message) as info:
        store.import_draft(data, source="evil.json")
    assert "evil.json" in str(info.value)
    assert store.list_drafts() == ()  # nothing half-imported


def test_tampered_payload_is_refused(store: Store) -> None:
    draft_id, _ = store.save(None, "bill", "B", "original", "")
    doc = json.loads(store.export_draft(draft_id))
    doc["versions"][0]["payload"] = "tampered"
    with pytest.raises(DraftingError, match="checksum"):
        store.import_draft(json.dumps(doc).encode())


def test_diff_versions(store: Store) -> None:
    draft_id, _ = store.save(None, "bill", "B", "a = 1\nb = 2\n", "")
    store.save(draft_id, "bill", "B", "a = 1\nb = 3\n", "")
    lines = store.diff_versions(draft_id, 1, 2)
    assert "-b = 2" in lines and "+b = 3" in lines


def test_statute_versions_diff_as_provisions(store: Store) -> None:
    xml = (ROOT / "statutes" / "xs" / "ley-45-19.xml").read_text(encoding="utf-8")
    draft_id, _ = store.save(None, "statute", "S", xml, "")
    store.save(draft_id, "statute", "S", xml.replace("será sancionado", "será castigado", 1), "")
    lines = store.diff_versions(draft_id, 1, 2)
    assert any(line.startswith("-") and "sancionado" in line for line in lines)
    assert not any("<" in line for line in lines if line[:1] in "+-" and not line.startswith(("---", "+++")))


def test_concurrent_saves_number_versions_without_gaps(store: Store) -> None:
    draft_id, _ = store.save(None, "bill", "B", "0", "")
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                Store(store.path).save(draft_id, "bill", "B", f"{n}-{i}", "")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert [h.version for h in store.history(draft_id)] == list(range(1, 42))


def test_workspace_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTING_WORKSPACE", str(tmp_path / "folder"))
    assert default_path() == tmp_path / "folder" / "workspace.sqlite3"
    monkeypatch.setenv("DRAFTING_WORKSPACE", str(tmp_path / "mine.db"))
    assert default_path() == tmp_path / "mine.db"
    monkeypatch.delenv("DRAFTING_WORKSPACE")
    assert default_path() == Path(".drafting") / "workspace.sqlite3"
    store = Store(tmp_path / "mine.db")
    store.save(None, "bill", "x", "y", "")
    assert (tmp_path / "mine.db").is_file()
    assert sqlite3.connect(tmp_path / "mine.db").execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_seed_only_an_empty_workspace_once(store: Store) -> None:
    ids = seed_statutes(store, SAMPLES, ROOT / "statutes")
    assert len(ids) == len(SAMPLES) >= 2
    assert {store.get(i).meta["sample"] for i in ids} == {p.relative_to(ROOT / "statutes").as_posix() for p in SAMPLES}
    assert seed_statutes(store, SAMPLES, ROOT / "statutes") == ()
    assert len(store.list_drafts("statute")) == len(SAMPLES)


def test_seed_skips_a_workspace_with_drafts(store: Store) -> None:
    store.save(None, "bill", "mine", "x", "")
    assert seed_statutes(store, SAMPLES) == ()
    assert len(store.list_drafts()) == 1


def test_the_workspace_remembers_the_last_used_draft_of_each_kind(tmp_path: Path) -> None:
    store = Store(tmp_path / "ws")
    a, _ = store.save(None, "bill", "A", "x")
    b, _ = store.save(None, "bill", "B", "y")
    s, _ = store.save(None, "statute", "S", "<x/>")
    assert store.last_used("bill") is None
    store.remember("bill", a)
    store.remember("statute", s)
    store.remember("bill", b)
    again = Store(tmp_path / "ws")  # another session, the same file
    assert again.last_used("bill") == b and again.last_used("statute") == s and again.last_used("review") is None


def test_listed_drafts_carry_their_latest_meta(tmp_path: Path) -> None:
    store = Store(tmp_path / "ws")
    draft_id, _ = store.save(None, "statute", "S", "<x/>", meta={"document": {"title": "Ley 1"}})
    store.save(draft_id, "statute", "S", "<y/>", meta={"document": {"title": "Ley 1 (corrected)"}})
    (listed,) = store.list_drafts("statute")
    assert listed.meta["document"]["title"] == "Ley 1 (corrected)" and listed.latest == 2
