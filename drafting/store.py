"""The workspace store: drafts and every version of them, in one SQLite file. Nothing is overwritten.

A draft has a kind ("statute", "bill", "review", "amendment"), a stable id and numbered versions.
Each save adds a version (name, payload text, a small JSON `meta`, a note, a UTC timestamp); a
restore adds a new version equal to an old one. Triggers in the database refuse UPDATE and
DELETE on versions, so history stays intact whatever code runs against the file.

Payloads by kind: statute → Akoma Ntoso XML (meta: original filename, import report, and under
"document" the facts that name it — see drafting.naming);
bill → BillSpec TOML; review → JSON; amendment → JSON naming the two statutes (draft id and
version) or holding their XML.

Streamlit reruns scripts in threads, so every call opens its own connection (WAL mode lets
readers and one writer work side by side) and writes in an IMMEDIATE transaction, which also
serialises version numbering.

The `settings` table remembers, per kind, the draft last opened or saved (`remember`/`last_used`),
so a new session (a reload, another tab) reopens it.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import sqlite3
import uuid
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Iterator, Mapping

from drafting.errors import DraftingError
from drafting.limits import limit_text, size_text

KINDS = ("statute", "bill", "review", "amendment")
ENV = "DRAFTING_WORKSPACE"
DEFAULT_DIR = Path(".drafting")
FILENAME = "workspace.sqlite3"
EXPORT_FORMAT = "drafting-draft"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 200 * 1024 * 1024
MAX_NAME = 200
DRAFT_ID = re.compile(r"[a-z0-9]{6,32}\Z")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS versions (
    draft_id TEXT NOT NULL REFERENCES drafts(id),
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    payload TEXT NOT NULL,
    meta TEXT NOT NULL,
    note TEXT NOT NULL,
    created TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (draft_id, version)
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS versions_immutable BEFORE UPDATE ON versions
    BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
CREATE TRIGGER IF NOT EXISTS versions_kept BEFORE DELETE ON versions
    BEGIN SELECT RAISE(ABORT, 'versions are never deleted'); END;
"""


# The columns this code reads: a database without them is another program's, not a damaged workspace.
_COLUMNS = {
    "drafts": {"id", "kind", "created"},
    "versions": {"draft_id", "version", "name", "payload", "meta", "note", "created", "sha256"},
    "settings": {"key", "value"},
}


@dataclass(frozen=True)
class Version:
    """One saved state of a draft."""

    draft_id: str
    kind: str
    version: int
    name: str
    payload: str
    meta: Mapping[str, Any]
    note: str
    created: str  # ISO 8601, UTC
    sha256: str  # of the payload


@dataclass(frozen=True)
class Draft:
    """A draft as listed: its latest name, version, time and meta (see drafting.naming for its label)."""

    id: str
    kind: str
    name: str
    latest: int
    created: str
    updated: str
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    name: str
    note: str
    created: str
    sha256: str
    size: int


def default_path() -> Path:
    """DRAFTING_WORKSPACE (a folder, or a .sqlite3/.db file) or ./.drafting/workspace.sqlite3."""
    configured = os.environ.get(ENV, "").strip()
    return resolve_path(configured or DEFAULT_DIR)


def resolve_path(path: Path | str) -> Path:
    path = Path(path).expanduser()
    if path.suffix.lower() in (".sqlite3", ".sqlite", ".db"):
        return path
    return path / FILENAME


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_thaw(v) for v in value]
    return value


class Store:
    """A workspace: `Store()` opens the default one, `Store(path)` a folder or file of your choice."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = default_path() if path is None else resolve_path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DraftingError(f"cannot open the workspace: {exc.strerror or exc}", source=str(self.path)) from None
        if self.path.exists() and not self.path.is_file():
            raise DraftingError("cannot open the workspace: not a file", source=str(self.path))
        with self._connect() as con:
            con.execute("PRAGMA journal_mode=WAL")
            con.executescript(_SCHEMA)
            for table, wanted in _COLUMNS.items():
                found = {row[1] for row in con.execute(f"PRAGMA table_info({table})")}
                if not wanted <= found:
                    raise DraftingError(f"not a drafting workspace (a SQLite database whose {table!r} table is "
                                        "another program's); set DRAFTING_WORKSPACE to another file",
                                        source=str(self.path))

    # --- connections -----------------------------------------------------------------------
    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # One connection per call: Streamlit runs each rerun in its own thread. A damaged or foreign
        # file makes sqlite3 raise at any statement: every such error is one line naming the file.
        try:
            with closing(sqlite3.connect(self.path, timeout=30, isolation_level=None)) as con:
                con.execute("PRAGMA foreign_keys=ON")
                con.execute("PRAGMA busy_timeout=30000")
                yield con
        except sqlite3.Error as exc:
            raise DraftingError(f"the workspace cannot be used ({exc}); is it damaged, or another program's "
                                "database?", source=str(self.path)) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as con:
            con.execute("BEGIN IMMEDIATE")  # take the write lock now: version numbers cannot race
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    # --- reading ---------------------------------------------------------------------------
    def list_drafts(self, kind: str | None = None) -> tuple[Draft, ...]:
        """Drafts, most recently changed first."""
        if kind is not None:
            _check_kind(kind)
        sql = ("SELECT d.id, d.kind, v.name, v.version, d.created, v.created, v.meta FROM drafts d "
               "JOIN versions v ON v.draft_id = d.id "
               "AND v.version = (SELECT MAX(version) FROM versions WHERE draft_id = d.id)")
        args: tuple[Any, ...] = ()
        if kind is not None:
            sql += " WHERE d.kind = ?"
            args = (kind,)
        sql += " ORDER BY v.created DESC, d.id"
        with self._connect() as con:
            return tuple(Draft(*row[:6], _freeze(json.loads(row[6]))) for row in con.execute(sql, args))

    def exists(self, draft_id: str) -> bool:
        if not isinstance(draft_id, str) or not DRAFT_ID.match(draft_id):
            return False
        with self._connect() as con:
            return con.execute("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)).fetchone() is not None

    def get(self, draft_id: str, version: int | None = None) -> Version:
        """A version of a draft (the latest by default)."""
        _check_id(draft_id)
        sql = ("SELECT v.draft_id, d.kind, v.version, v.name, v.payload, v.meta, v.note, v.created, v.sha256 "
               "FROM versions v JOIN drafts d ON d.id = v.draft_id WHERE v.draft_id = ?")
        if version is None:
            sql += " ORDER BY v.version DESC LIMIT 1"
            args: tuple[Any, ...] = (draft_id,)
        else:
            sql += " AND v.version = ?"
            args = (draft_id, int(version))
        with self._connect() as con:
            row = con.execute(sql, args).fetchone()
        if row is None:
            what = f"version {version} of draft" if version is not None else "draft"
            raise DraftingError(f"no {what} {draft_id!r} in this workspace", source=str(self.path))
        return _version(row)

    def history(self, draft_id: str) -> tuple[HistoryEntry, ...]:
        """Every version of a draft, oldest first."""
        _check_id(draft_id)
        with self._connect() as con:
            rows = con.execute("SELECT version, name, note, created, sha256, LENGTH(CAST(payload AS BLOB)) "
                               "FROM versions WHERE draft_id = ? ORDER BY version", (draft_id,)).fetchall()
        if not rows:
            raise DraftingError(f"no draft {draft_id!r} in this workspace", source=str(self.path))
        return tuple(HistoryEntry(*row) for row in rows)

    # --- writing ---------------------------------------------------------------------------
    def save(self, draft_id: str | None, kind: str, name: str, payload: str, note: str = "",
             meta: Mapping[str, Any] | None = None, *, only_if_changed: bool = False) -> tuple[str, int]:
        """Add a version (a new draft when `draft_id` is None); returns (draft_id, version).

        With `only_if_changed`, a save whose name, payload and meta equal the latest version's
        returns that version instead of adding a copy (the app saves on every rerun).
        """
        _check_kind(kind)
        if not isinstance(payload, str):
            raise DraftingError(f"a {kind} payload must be text, not {type(payload).__name__}")
        name = " ".join(str(name).split())[:MAX_NAME] or "(untitled)"
        meta_text = json.dumps(_thaw(meta or {}), ensure_ascii=False, sort_keys=True)
        sha = _sha(payload)
        with self._write() as con:
            if draft_id is None:
                draft_id = uuid.uuid4().hex[:12]
                con.execute("INSERT INTO drafts (id, kind, created) VALUES (?, ?, ?)", (draft_id, kind, _now()))
                number = 1
            else:
                _check_id(draft_id)
                row = con.execute("SELECT kind FROM drafts WHERE id = ?", (draft_id,)).fetchone()
                if row is None:
                    raise DraftingError(f"no draft {draft_id!r} in this workspace", source=str(self.path))
                if row[0] != kind:
                    raise DraftingError(f"draft {draft_id!r} is a {row[0]}, not a {kind}")
                last = con.execute("SELECT version, name, sha256, meta FROM versions WHERE draft_id = ? "
                                   "ORDER BY version DESC LIMIT 1", (draft_id,)).fetchone()
                if only_if_changed and last is not None and tuple(last[1:]) == (name, sha, meta_text):
                    return draft_id, int(last[0])
                number = (last[0] if last else 0) + 1
            con.execute("INSERT INTO versions (draft_id, version, name, payload, meta, note, created, sha256) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (draft_id, number, name, payload, meta_text,
                                                             str(note), _now(), sha))
        return draft_id, number

    def restore(self, draft_id: str, version: int) -> int:
        """Make an old version current again, as a new version; returns its number."""
        old = self.get(draft_id, version)
        _, number = self.save(draft_id, old.kind, old.name, old.payload, f"restored version {version}", old.meta)
        return number

    # --- files -----------------------------------------------------------------------------
    def export_draft(self, draft_id: str) -> bytes:
        """A JSON file with every version of the draft."""
        versions = [self.get(draft_id, h.version) for h in self.history(draft_id)]
        data = {
            "format": EXPORT_FORMAT,
            "format_version": EXPORT_VERSION,
            "id": draft_id,
            "kind": versions[0].kind,
            "versions": [{"version": v.version, "name": v.name, "payload": v.payload, "meta": _thaw(v.meta),
                          "note": v.note, "created": v.created, "sha256": v.sha256} for v in versions],
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    def import_draft(self, data: bytes, source: str = "draft file") -> str:
        """Add a draft exported by `export_draft`, with all its versions; returns its id here.

        The draft keeps its id unless this workspace already has one by that id.
        """
        return self.add_export(*parse_export(data, source))

    def add_export(self, kind: str, wanted_id: str, versions: list[dict[str, Any]]) -> str:
        """Add a draft file already checked by `parse_export` (the app checks uploads in a worker)."""
        with self._write() as con:
            draft_id = wanted_id
            if con.execute("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)).fetchone():
                draft_id = uuid.uuid4().hex[:12]
            con.execute("INSERT INTO drafts (id, kind, created) VALUES (?, ?, ?)", (draft_id, kind, versions[0]["created"]))
            for n, v in enumerate(versions, 1):
                con.execute("INSERT INTO versions (draft_id, version, name, payload, meta, note, created, sha256) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (draft_id, n, v["name"], v["payload"],
                             json.dumps(v["meta"], ensure_ascii=False, sort_keys=True), v["note"], v["created"], v["sha256"]))
        return draft_id

    # --- comparing -------------------------------------------------------------------------
    def diff_versions(self, draft_id: str, a: int, b: int) -> tuple[str, ...]:
        """A unified text diff between two versions, as a drafter reads them: statutes as their
        provisions' text, reviews as their verdicts, and other drafts naming texts of the workspace
        by those texts' names, never by their ids."""
        va, vb = self.get(draft_id, a), self.get(draft_id, b)
        ta, tb = self._comparable(va), self._comparable(vb)
        return tuple(difflib.unified_diff(ta, tb, f"version {a}", f"version {b}", lineterm=""))

    def _comparable(self, version: Version) -> list[str]:
        if version.kind == "statute":
            return _statute_lines(version)
        if version.kind == "review":
            try:
                data = json.loads(version.payload)
                return [f"{c['id']}: {c['status']} — {'; '.join(e['num'] for e in c['evidence']) or '—'} — {c['reason']}"
                        for c in data["review"]["criteria"]]
            except (ValueError, KeyError, TypeError):
                pass
        return [_WORKSPACE_REF.sub(self._ref_name, line) for line in version.payload.splitlines()]

    def _ref_name(self, found: re.Match[str]) -> str:
        """A workspace reference (`workspace:<id>@<version>`, or a bare draft id) by the draft's name."""
        draft_id, number = found.group(1) or found.group(3), found.group(2)
        try:
            name = self.get(draft_id).name
        except DraftingError:
            return found.group(0)
        return f"{name} (version {number})" if number else name

    # --- the workspace's memory --------------------------------------------------------------
    def remember(self, kind: str, draft_id: str) -> None:
        """Note the draft of `kind` last opened or saved here, to reopen it in a new session."""
        _check_kind(kind)
        _check_id(draft_id)
        with self._write() as con:
            con.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (f"last_used:{kind}", draft_id))

    def last_used(self, kind: str) -> str | None:
        """The draft of `kind` last opened or saved in this workspace, if it still exists."""
        _check_kind(kind)
        with self._connect() as con:
            row = con.execute("SELECT value FROM settings WHERE key = ?", (f"last_used:{kind}",)).fetchone()
        return row[0] if row and self.exists(row[0]) else None

    # --- first run -------------------------------------------------------------------------
    def claim_seed(self) -> bool:
        """True exactly once per workspace, for the caller that should seed it with samples."""
        with self._write() as con:
            if con.execute("SELECT 1 FROM settings WHERE key = 'seeded'").fetchone():
                return False
            con.execute("INSERT INTO settings (key, value) VALUES ('seeded', ?)", (_now(),))
            return True


def seed_statutes(store: Store, paths: Iterable[Path], root: Path | None = None) -> tuple[str, ...]:
    """Keep the given Akoma Ntoso statutes in an empty workspace (first run); returns new ids.

    Each is saved with meta `sample` = its path relative to `root` (or its file name).
    """
    from drafting import akn, naming  # only needed on first run

    if store.list_drafts() or not store.claim_seed():
        return ()
    ids = []
    for path in sorted(paths):
        xml = Path(path).read_bytes()
        doc = akn.from_xml(xml, source=str(path))
        name = doc.meta.title or Path(path).name
        sample = Path(path).relative_to(root).as_posix() if root else Path(path).name
        draft_id, _ = store.save(None, "statute", name, xml.decode("utf-8"), "sample statute",
                                 {"filename": Path(path).name, "sample": sample,
                                  "document": naming.record(naming.facts_of(doc.meta, Path(path).name))})
        ids.append(draft_id)
    return tuple(ids)


# --- helpers --------------------------------------------------------------------------------
def _version(row: tuple[Any, ...]) -> Version:
    draft_id, kind, version, name, payload, meta, note, created, sha = row
    return Version(draft_id, kind, int(version), name, payload, _freeze(json.loads(meta)), note, created, sha)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise DraftingError(f"unknown draft kind {kind!r}; kinds: {', '.join(KINDS)}")


def _check_id(draft_id: str) -> None:
    if not isinstance(draft_id, str) or not DRAFT_ID.match(draft_id):
        raise DraftingError(f"not a draft id: {str(draft_id)[:40]!r}")


_WORKSPACE_REF = re.compile(r"workspace:([a-z0-9]{6,32})@(\d+)|\b(?=[a-z]*\d)([0-9a-f]{12})\b")


def _statute_lines(version: Version) -> list[str]:
    from drafting import akn  # statutes: compare provisions, not XML markup

    lines = []
    for node, ancestors in akn.from_xml(version.payload.encode("utf-8")).walk():
        label = " ".join(p for p in (node.kind, node.num) if p)
        own = " ".join(p for p in (node.heading, node.text, node.wrap_up) if p)
        lines.append(f"{'  ' * len(ancestors)}{label}: {own}" if own else f"{'  ' * len(ancestors)}{label}")
    return lines


def parse_export(data: bytes, source: str) -> tuple[str, str, list[dict[str, Any]]]:
    """Validate an exported draft file; every problem is a DraftingError naming the file."""
    def bad(message: str, place: str | None = None) -> DraftingError:
        return DraftingError(message, source=source, place=place)

    if not isinstance(data, (bytes, bytearray)) or not data.strip():
        raise bad("empty file")
    if len(data) > MAX_IMPORT_BYTES:
        raise bad(f"file too large ({size_text(len(data))}; the limit is {limit_text(MAX_IMPORT_BYTES)})")
    try:
        doc = json.loads(bytes(data).decode("utf-8"))
    except UnicodeDecodeError:
        raise bad("not a draft file (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise bad(f"not a draft file (invalid JSON: {exc.msg})", f"line {exc.lineno}") from None
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        raise bad(f"not a draft file (expected \"format\": \"{EXPORT_FORMAT}\")")
    if doc.get("format_version") != EXPORT_VERSION:
        raise bad(f"unsupported draft file version {doc.get('format_version')!r} (this toolkit reads {EXPORT_VERSION})")
    kind = doc.get("kind")
    if kind not in KINDS:
        raise bad(f"unknown draft kind {kind!r}; kinds: {', '.join(KINDS)}", "kind")
    draft_id = doc.get("id")
    if not isinstance(draft_id, str) or not DRAFT_ID.match(draft_id):
        draft_id = uuid.uuid4().hex[:12]
    versions = doc.get("versions")
    if not isinstance(versions, list) or not versions:
        raise bad("the file holds no versions", "versions")
    out: list[dict[str, Any]] = []
    for i, v in enumerate(versions, 1):
        where = f"versions[{i}]"
        if not isinstance(v, dict):
            raise bad("a version must be an object", where)
        for key in ("name", "payload", "note", "created", "sha256"):
            if not isinstance(v.get(key), str):
                raise bad(f"{key} must be text", f"{where}.{key}")
        if not isinstance(v.get("meta", {}), dict):
            raise bad("meta must be an object", f"{where}.meta")
        if _sha(v["payload"]) != v["sha256"]:
            raise bad("payload does not match its checksum (the file was altered or damaged)", where)
        try:
            datetime.fromisoformat(v["created"])
        except ValueError:
            raise bad(f"created is not a date and time: {v['created'][:40]!r}", f"{where}.created") from None
        out.append({"name": " ".join(v["name"].split())[:MAX_NAME] or "(untitled)", "payload": v["payload"],
                    "meta": v.get("meta", {}), "note": v["note"], "created": v["created"], "sha256": v["sha256"]})
    return kind, draft_id, out
