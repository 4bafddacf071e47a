"""The bill specification: what a drafter asks for, as TOML.

A spec describes either a new bill assembled from model clauses:

    title = "Ley contra …"             # the bill's title (default: the jurisdiction's)
    short_title = "…"                   # optional
    recitals = ["Que …"]                # optional: what this bill recites (the preset adds the labels)
    citations = ["la Ley núm. …"]       # optional: the laws it cites (the preset adds "VISTA:")
    jurisdiction = "do"                 # a preset of the clause library
    language = "es"                     # optional: default the jurisdiction's language
    number = "…"  date = "2025-03-01"   # optional
    exclude = ["offence-attempt"]       # optional: dependencies the drafter does not want
    definitions_order = "clauses"       # optional: default alphabetical (the profile's)
    [parameters]                        # values for every clause that takes them
    age_child = 18
    [[clauses]]                         # the clauses, in order
    id = "offence-possession"
    parameters = { penalty_possession = { min = 2, max = 5 } }

or an amending bill that fills the gaps of a statute:

    amends = "statutes/xs/ley-45-19.xml"   # relative to the spec file
    jurisdiction = "do"                    # optional: the statute's own preset, else a generic one
    gaps = ["possession", "isp-report"]    # criterion ids, or "review" to fill what a review finds
    edition = "2006"

`load_spec`/`spec_from_toml` check the shape of the file; `validate_spec` checks it against a
clause library (ids, jurisdiction, parameter names and values). Every error names the spec file
and the line.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from drafting.errors import DraftingError
from drafting.library.library import Library
from drafting.library.params import LibraryError

MAX_SPEC_BYTES = 1_000_000  # a spec is a page of settings, not a data dump
TOP_KEYS = ("title", "short_title", "jurisdiction", "language", "number", "date", "parameters", "clauses",
            "exclude", "amends", "gaps", "edition", "definitions_order", "recitals", "citations")
CLAUSE_KEYS = ("id", "parameters")
DEFINITIONS_ORDERS = ("alphabetical", "clauses")
REVIEW = "review"  # gaps = "review": fill whatever a review of the statute finds partial or missing


class SpecError(DraftingError):
    """A bill specification that cannot be used as written."""


@dataclass(frozen=True)
class ClauseSpec:
    id: str
    parameters: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class BillSpec:
    jurisdiction: str
    title: str = ""
    short_title: str = ""
    language: str = ""
    number: str = ""
    date: str = ""
    parameters: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    clauses: tuple[ClauseSpec, ...] = ()
    exclude: tuple[str, ...] = ()
    definitions_order: str = ""
    recitals: tuple[str, ...] = ()  # the bill's own recitals, each a sentence without its label
    citations: tuple[str, ...] = ()  # the laws and instruments it cites, without "VISTA:"
    amends: str = ""  # the statute an amending bill changes (path as written in the spec)
    gaps: tuple[str, ...] = ()  # criterion ids; (REVIEW,) to take them from a review
    edition: str = "2006"
    source: str = field(default="<spec>", compare=False)  # the spec file, for messages
    lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}), compare=False, repr=False)

    @property
    def amending(self) -> bool:
        return bool(self.amends)

    @property
    def gaps_from_review(self) -> bool:
        return self.gaps == (REVIEW,)

    def amends_path(self) -> Path:
        """The statute path, relative to the spec file's folder when it is not absolute."""
        path = Path(self.amends).expanduser()
        if path.is_absolute() or self.source.startswith("<"):
            return path
        return Path(self.source).parent / path

    def error(self, message: str, key: str = "") -> SpecError:
        """An error naming this spec and the line of `key` ("clauses.2.id", "parameters.age_child")."""
        return SpecError(message, self.source, self.lines.get(key) or None)


# --- reading ------------------------------------------------------------------------------------


def load_spec(path: Path | str) -> BillSpec:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SpecError(f"cannot read the spec: {exc.strerror or exc}", str(path)) from None
    if len(data) > MAX_SPEC_BYTES:
        raise SpecError(f"the spec is larger than {MAX_SPEC_BYTES // 1000} kB", str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecError(f"not UTF-8 text (byte {exc.start})", str(path)) from None
    return spec_from_toml(text, str(path))


def spec_from_toml(text: str, source: str = "<spec>") -> BillSpec:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"at line (\d+)", message)
        line = int(found.group(1)) if found else None
        raise SpecError(f"malformed TOML: {re.sub(r' ?[(]at (?:line|end).*[)]', '', message)}", source, line) from None
    return _Reader(data, source, _key_lines(text)).spec()


class _Reader:
    """Checks the shape of the TOML (types and keys) and builds the immutable spec."""

    def __init__(self, data: dict[str, Any], source: str, lines: Mapping[str, int]) -> None:
        self.data, self.source, self.lines = data, source, lines

    def fail(self, message: str, key: str = "") -> SpecError:
        return SpecError(message, self.source, self.lines.get(key) or None)

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key, "")
        if isinstance(value, int) and not isinstance(value, bool) and key in ("edition", "number"):
            value = str(value)  # edition = 2006 is as clear as "2006"
        if not isinstance(value, str):
            raise self.fail(f"{key} must be text in quotes, not {value!r}", key)
        if required and not value.strip():
            raise self.fail(f"missing required key {key!r}", key)
        return value.strip()

    def ids(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"{key} must be a list of ids in quotes, like [\"offence-attempt\"]", key)
        return tuple(v.strip() for v in value)

    def spec(self) -> BillSpec:
        unknown = [k for k in self.data if k not in TOP_KEYS]
        if unknown:
            raise self.fail(f"unknown key {unknown[0]!r}{suggest(unknown[0], TOP_KEYS)}", unknown[0])
        amends = self.text("amends")
        jurisdiction = self.text("jurisdiction", required=not amends)  # an amending bill defaults to the statute's
        has_clauses = "clauses" in self.data
        if amends and has_clauses:
            raise self.fail("a spec either lists clauses (a new bill) or amends a statute, not both", "amends")
        if not amends and not has_clauses:
            raise self.fail("missing required key 'clauses' (the [[clauses]] of a new bill) or 'amends' (a statute to amend)")
        date = self.text("date")
        if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            raise self.fail(f"date must be written YYYY-MM-DD, not {date!r}", "date")
        order = self.text("definitions_order")
        if order and order not in DEFINITIONS_ORDERS:
            raise self.fail(f"definitions_order must be one of {', '.join(DEFINITIONS_ORDERS)}", "definitions_order")
        gaps: tuple[str, ...] = ()
        if amends:
            gaps = self.gaps()
        elif "gaps" in self.data or "edition" in self.data:
            key = "gaps" if "gaps" in self.data else "edition"
            raise self.fail(f"{key} belongs to an amending spec (one with amends = …)", key)
        return BillSpec(
            jurisdiction=jurisdiction, title=self.text("title"), short_title=self.text("short_title"),
            language=self.text("language"), number=self.text("number"), date=date,
            parameters=self.parameters(self.data.get("parameters", {}), "parameters"),
            clauses=self.clauses() if has_clauses else (), exclude=self.ids("exclude"), definitions_order=order,
            recitals=self.sentences("recitals"), citations=self.sentences("citations"),
            amends=amends, gaps=gaps, edition=self.text("edition") or "2006", source=self.source,
            lines=MappingProxyType(dict(self.lines)),
        )

    def sentences(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() and "\n" not in v for v in value):
            raise self.fail(f"{key} must be a list of sentences in quotes, each on one line", key)
        return tuple(" ".join(v.split()) for v in value)

    def gaps(self) -> tuple[str, ...]:
        value = self.data.get("gaps", REVIEW)
        if value == REVIEW:
            return (REVIEW,)
        if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
            return tuple(dict.fromkeys(v.strip() for v in value))
        raise self.fail('gaps must be a list of criterion ids, like ["possession", "isp-report"], or "review"', "gaps")

    def parameters(self, value: Any, key: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"{key} must be a table of parameter = value", key)
        return _freeze(value)

    def clauses(self) -> tuple[ClauseSpec, ...]:
        raw = self.data["clauses"]
        if not isinstance(raw, list) or not raw:
            raise self.fail("clauses must be written as one or more [[clauses]] tables with an id", "clauses")
        out: list[ClauseSpec] = []
        seen: dict[str, int] = {}
        for n, entry in enumerate(raw, start=1):
            where = f"clauses.{n}"
            if not isinstance(entry, dict):
                raise self.fail("each [[clauses]] entry must be a table with an id", "clauses")
            unknown = [k for k in entry if k not in CLAUSE_KEYS]
            if unknown:
                raise self.fail(f"clause {n}: unknown key {unknown[0]!r}{suggest(unknown[0], CLAUSE_KEYS)}",
                                f"{where}.{unknown[0]}")
            cid = entry.get("id")
            if not isinstance(cid, str) or not cid.strip():
                raise self.fail(f"clause {n} has no id (id = \"offence-possession\")", where)
            cid = cid.strip()
            if cid in seen:
                raise self.fail(f"clause {cid!r} is listed twice (entries {seen[cid]} and {n})", f"{where}.id")
            seen[cid] = n
            out.append(ClauseSpec(cid, self.parameters(entry.get("parameters", {}), f"{where}.parameters")))
        return tuple(out)


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): _freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]+\")\s*=")
_INNER_KEY = re.compile(r"([A-Za-z0-9_\-]+)\s*=")


def _key_lines(text: str) -> dict[str, int]:
    """Where each key is written: "jurisdiction", "parameters.age_child", "clauses.2.id" → line.

    A light scan, good enough to point a drafter at the right line; the TOML parser has the last word.
    """
    lines: dict[str, int] = {}
    section, clause = "", 0
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(raw)
        if header and not _KEY.match(raw):
            name = header.group(2).replace('"', "").replace("'", "").replace(" ", "")
            if header.group(1) == "[[" and name == "clauses":
                clause += 1
                section = f"clauses.{clause}"
            elif name.startswith("clauses.") and clause:
                section = f"clauses.{clause}.{name.split('.', 1)[1]}"
            else:
                section = name
            lines.setdefault(section, number)
            continue
        key = _KEY.match(raw)
        if not key:
            continue
        name = key.group(1).strip('"')
        full = f"{section}.{name}" if section else name
        lines.setdefault(full, number)
        rest = raw[key.end():]
        if rest.strip().startswith("{"):  # an inline table: note the keys inside it too
            for inner in _INNER_KEY.finditer(rest):
                lines.setdefault(f"{full}.{inner.group(1)}", number)
    return lines


# --- writing ------------------------------------------------------------------------------------


def spec_to_toml(spec: BillSpec) -> str:
    """The spec as TOML that `spec_from_toml` reads back to an equal spec (comments are not kept)."""
    out: list[str] = []
    for key in ("title", "short_title", "jurisdiction", "language", "number", "date", "definitions_order"):
        value = getattr(spec, key)
        if value:
            out.append(f"{key} = {_value(value)}")
    for key in ("recitals", "citations"):
        if getattr(spec, key):
            out.append(f"{key} = {_value(list(getattr(spec, key)))}")
    if spec.amends:
        out.append(f"amends = {_value(spec.amends)}")
        out.append(f"gaps = {_value(REVIEW if spec.gaps_from_review else list(spec.gaps))}")
        out.append(f"edition = {_value(spec.edition)}")
    if spec.exclude:
        out.append(f"exclude = {_value(list(spec.exclude))}")
    if spec.parameters:
        out += ["", "[parameters]"]
        out += [f"{_key(k)} = {_value(v)}" for k, v in spec.parameters.items()]
    for clause in spec.clauses:
        out += ["", "[[clauses]]", f"id = {_value(clause.id)}"]
        if clause.parameters:
            out.append(f"parameters = {_value(clause.parameters)}")
    return "\n".join(out).lstrip("\n") + "\n"


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_\-]+", name) else _value(name)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group(0)):04x}", escaped)
        return f'"{escaped}"'
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }" if value else "{}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise SpecError(f"cannot write {value!r} as TOML")


# --- checking against a library -------------------------------------------------------------------


def suggest(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def validate_spec(spec: BillSpec, library: Library) -> None:
    """Check ids, the jurisdiction, the language and every parameter value against the library."""
    if spec.jurisdiction not in library.jurisdictions:
        known = ", ".join(library.jurisdictions) or "none"
        raise spec.error(f"unknown jurisdiction {spec.jurisdiction!r}{suggest(spec.jurisdiction, library.jurisdictions)}; "
                         f"known: {known}", "jurisdiction")
    language = bill_language(spec, library)
    if language not in library.languages:
        raise spec.error(f"unknown language {language!r}; the clause library has {', '.join(library.languages)}", "language")
    for n, clause in enumerate(spec.clauses, start=1):
        if clause.id not in library.clauses:
            raise spec.error(f"unknown clause {clause.id!r}{suggest(clause.id, library.clauses)}", f"clauses.{n}.id")
    for cid in spec.exclude:
        if cid not in library.clauses:
            raise spec.error(f"exclude: unknown clause {cid!r}{suggest(cid, library.clauses)}", "exclude")
        if any(c.id == cid for c in spec.clauses):
            raise spec.error(f"clause {cid!r} is both listed and excluded", "exclude")
    for name in spec.parameters:
        _check_value(spec, library, name, spec.parameters[name], f"parameters.{name}", language)
    for n, clause in enumerate(spec.clauses, start=1):
        taken = library.clauses[clause.id].parameters
        for name, value in clause.parameters.items():
            key = f"clauses.{n}.parameters.{name}"
            if name not in taken:
                known = ", ".join(taken) or "none"
                raise spec.error(f"clause {clause.id} does not take parameter {name!r}{suggest(name, taken)}; "
                                 f"it takes: {known}", key)
            _check_value(spec, library, name, value, key, language)


def _check_value(spec: BillSpec, library: Library, name: str, value: Any, key: str, language: str) -> None:
    if name not in library.parameters:
        raise spec.error(f"unknown parameter {name!r}{suggest(name, library.parameters)}", key)
    try:
        parameter_value(library, name, value, language)
    except LibraryError as exc:
        raise spec.error(exc.message, key) from None


def bill_language(spec: BillSpec, library: Library) -> str:
    return spec.language or library.jurisdiction(spec.jurisdiction).language


def parameter_value(library: Library, name: str, value: Any, language: str) -> Any:
    """A spec value in the library's canonical form; prison terms and fines may also be written
    as on the command line ("2-5 years", "100-300 minimum-wages")."""
    param = library.parameters[name]
    if isinstance(value, str) and param.type in ("prison", "fine"):
        return library.parse_value(name, value, language)
    return param.validate(_thaw(value))


def clause_overrides(spec: BillSpec, library: Library, clause_id: str, language: str) -> dict[str, Any]:
    """The spec's values for one clause: the global [parameters] it takes, then its own."""
    taken = library.clauses[clause_id].parameters
    values = {k: v for k, v in spec.parameters.items() if k in taken}
    entry = next((c for c in spec.clauses if c.id == clause_id), None)
    if entry is not None:
        values.update(entry.parameters)
    return {k: parameter_value(library, k, v, language) for k, v in values.items()}
