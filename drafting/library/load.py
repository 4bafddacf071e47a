"""Reading and validating a clause library's files (layout and overlay rules: `drafting.library`).

`read_library` reads manifest.toml, criteria.toml, `<lang>/_phrases.toml` and jurisdictions/*.toml
(a user folder overlaid on the bundled library, or standalone), checks every table, and has each
template checked by `drafting.library.templates`. Errors name the file and, where possible, the line.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping, NamedTuple

from drafting.library.model import (
    BUNDLED,
    Clause,
    CriteriaSet,
    Criterion,
    Jurisdiction,
    Topic,
    display,
    suggest,
)
from drafting.library.params import LANGUAGE_BOUND, LibraryError, Parameter, Phrases
from drafting.library.render import Sandbox, make_sandbox
from drafting.library.tables import merged_phrases, parameter_from_table, phrase_problem
from drafting.library.templates import check_templates
from drafting.model.immutable import freeze

CLAUSE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


class LibraryParts(NamedTuple):
    """Everything `Library` is built from (its constructor's keyword arguments)."""

    root: Path
    languages: tuple[str, ...]
    topics: Mapping[str, Topic]
    parameters: Mapping[str, Parameter]
    clauses: Mapping[str, Clause]
    criteria: Mapping[str, Criterion]
    criteria_sets: Mapping[str, CriteriaSet]
    jurisdictions: Mapping[str, Jurisdiction]
    phrases: Mapping[str, Phrases]
    variables: Mapping[tuple[str, str], frozenset[str]]
    env: Sandbox


def read_library(user: Path | None) -> LibraryParts:
    """Read and check the bundled library (None) or a user folder (overlay or standalone)."""
    return _Loader(user).build()


def _line(text: str, pattern: str, start: int = 1) -> int | None:
    """1-based number of the first line at or after `start` matching `pattern`."""
    for n, line in enumerate(text.splitlines()[start - 1:], start):
        if re.search(pattern, line):
            return n
    return None


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LibraryError(f"cannot read: {exc}", display(path)) from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"at line (\d+)", msg)
        line = int(m.group(1)) if m else max(1, len(text.splitlines()))
        raise LibraryError(f"malformed TOML: {re.sub(r' ?[(]at .*[)]', '', msg)}", display(path), line) from exc


def _text_map(value: Any, languages: Iterable[str], what: str) -> Mapping[str, str]:
    """A {lang: text} table with every language present (raises ValueError otherwise)."""
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a table of languages ({', '.join(languages)})")
    missing = [lang for lang in languages if not isinstance(value.get(lang), str) or not value[lang].strip()]
    if missing:
        raise ValueError(f"{what} is missing for {', '.join(missing)}")
    return MappingProxyType({k: v for k, v in value.items() if isinstance(v, str)})


class _Loader:
    """Reads the files of one library (or an overlay over the bundled one) and validates them."""

    CLAUSE_KEYS = {"id", "title", "topic", "criteria", "parameters", "requires", "order", "version"}
    JUR_KEYS = {"code", "name", "language", "country", "profile", "values", "furniture", "phrases"}
    MANIFEST_KEYS = {"format", "extends", "languages", "topics", "parameters", "clauses"}

    def __init__(self, user: Path | None) -> None:
        self.texts: dict[Path, str] = {}
        manifests: list[tuple[Path, dict[str, Any]]] = []
        user_manifest = user / "manifest.toml" if user else None
        standalone = False
        if user_manifest and user_manifest.is_file():
            data = self._toml(user_manifest)
            extends = data.get("extends")
            if extends not in (None, "bundled"):
                raise LibraryError(f"extends must be \"bundled\", not {extends!r}", display(user_manifest),
                                   _line(self.texts[user_manifest], r"^\s*extends\s*="))
            standalone = extends is None
            manifests.append((user_manifest, data))
        if not standalone:
            manifests.insert(0, (BUNDLED / "manifest.toml", self._toml(BUNDLED / "manifest.toml")))
        self.manifests = manifests
        self.root = user or BUNDLED
        # templates and presets: the user's first; support files may always fall back to the bundled
        self.template_roots = (user,) if standalone else tuple(r for r in (user, BUNDLED) if r)
        self.support_roots = tuple(r for r in (user, BUNDLED) if r)

    def _toml(self, path: Path) -> dict[str, Any]:
        data, text = _read_toml(path)
        self.texts[path] = text
        return data

    def _err(self, message: str, path: Path, pattern: str | None = None, start: int = 1) -> LibraryError:
        line = _line(self.texts.get(path, ""), pattern, start) if pattern else None
        return LibraryError(message, display(path), line)

    def _find(self, relative: str, roots: tuple[Path, ...]) -> Path | None:
        return next((r / relative for r in roots if (r / relative).is_file()), None)

    # the pieces, in dependency order
    def build(self) -> LibraryParts:
        self.languages = self._languages()
        self.phrases = {lang: self._load_phrases(lang) for lang in self.languages}
        self.env = make_sandbox(self.template_roots)
        self.criteria, self.sets = self._load_criteria()
        self.topics = self._load_topics()
        self.parameters = self._load_parameters()
        clauses = self._load_clauses()
        self._check_cycles(clauses)
        clauses, variables = check_templates(self.env, clauses, self.parameters)
        ordered = sorted(clauses.values(), key=lambda c: (self.topics[c.topic].order, c.order, c.id))
        return LibraryParts(
            root=self.root, languages=self.languages, topics=MappingProxyType(self.topics),
            parameters=MappingProxyType(self.parameters), clauses=MappingProxyType({c.id: c for c in ordered}),
            criteria=MappingProxyType(self.criteria), criteria_sets=MappingProxyType(self.sets),
            jurisdictions=MappingProxyType(self._load_jurisdictions()),
            phrases=MappingProxyType(self.phrases), variables=MappingProxyType(variables), env=self.env,
        )

    def _languages(self) -> tuple[str, ...]:
        langs: list[str] = []
        for path, data in self.manifests:
            unknown = sorted(set(data) - self.MANIFEST_KEYS)
            if unknown:
                raise self._err(f"unknown manifest key {unknown[0]!r}{suggest(unknown[0], self.MANIFEST_KEYS)}",
                                path, rf"^\s*\[*\s*{re.escape(unknown[0])}\b")
            value = data.get("languages", [])
            if not isinstance(value, list) or not all(isinstance(v, str) and re.fullmatch(r"[a-z]{2,3}", v) for v in value):
                raise self._err("languages must be a list of language codes like \"en\", \"es\"", path, r"^\s*languages\s*=")
            langs += [v for v in value if v not in langs]
        if not langs:
            raise self._err("the manifest lists no languages", self.manifests[-1][0])
        return tuple(langs)

    def _load_phrases(self, lang: str) -> Phrases:
        path = self._find(f"{lang}/_phrases.toml", self.support_roots)
        if path is None:
            raise LibraryError(f"no phrases for language {lang!r} (expected {lang}/_phrases.toml)", display(self.root))
        data = self._toml(path)
        problem = phrase_problem(data)
        if problem:
            raise self._err(f"phrases: {problem}", path, rf"^\s*{re.escape(problem.split()[0].split('.')[-1].rstrip(':'))}\b")
        return Phrases(freeze(data))

    def _load_criteria(self) -> tuple[dict[str, Criterion], dict[str, CriteriaSet]]:
        path = self._find("criteria.toml", self.support_roots)
        if path is None:
            raise LibraryError("no criteria.toml", display(self.root))
        data = self._toml(path)
        criteria: dict[str, Criterion] = {}
        for cid, info in (data.get("criteria") or {}).items():
            where = rf"^\s*\[\s*criteria\.\"?{re.escape(cid)}\"?\s*\]"
            try:
                if not isinstance(info, dict) or set(info) - {"title", "met_when", "alias_of"}:
                    raise ValueError("allowed keys are title, met_when, alias_of")
                criteria[cid] = Criterion(cid, _text_map(info.get("title"), self.languages, "title"),
                                          _text_map(info.get("met_when"), self.languages, "met_when"),
                                          info.get("alias_of"))
            except ValueError as exc:
                raise self._err(f"criterion {cid!r}: {exc}", path, where) from None
        for crit in criteria.values():
            if crit.alias_of is not None and (crit.alias_of not in criteria or criteria[crit.alias_of].alias_of):
                raise self._err(f"criterion {crit.id!r}: alias_of {crit.alias_of!r} is not a criterion", path, r"alias_of")
        sets: dict[str, CriteriaSet] = {}
        for sid, info in (data.get("sets") or {}).items():
            where = rf"^\s*\[\s*sets\.\"?{re.escape(sid)}\"?\s*\]"
            try:
                ids = info.get("criteria") if isinstance(info, dict) else None
                if not isinstance(ids, list) or not ids:
                    raise ValueError("needs a list of criteria")
                for cid in ids:
                    if cid not in criteria:
                        raise ValueError(f"unknown criterion {cid!r}{suggest(str(cid), criteria)}")
                years = info.get("years")
                if years is not None and not (isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years)):
                    raise ValueError("years must be [first, last]")
                sets[sid] = CriteriaSet(sid, _text_map(info.get("title"), self.languages, "title"), tuple(ids),
                                        bool(info.get("core", False)), tuple(years) if years else None)
            except ValueError as exc:
                raise self._err(f"criteria set {sid!r}: {exc}", path, where) from None
        return criteria, sets

    def _load_topics(self) -> dict[str, Topic]:
        topics: dict[str, Topic] = {}
        for path, data in self.manifests:
            for tid, info in (data.get("topics") or {}).items():
                try:
                    if not isinstance(info, dict) or not isinstance(info.get("order"), int):
                        raise ValueError("needs title.<lang> and an integer order")
                    topics[tid] = Topic(tid, _text_map(info.get("title"), self.languages, "title"), info["order"])
                except ValueError as exc:
                    raise self._err(f"topic {tid!r}: {exc}", path, rf"^\s*\[\s*topics\.{re.escape(tid)}\s*\]") from None
        return topics

    def _load_parameters(self) -> dict[str, Parameter]:
        params: dict[str, Parameter] = {}
        for path, data in self.manifests:
            for name, decl in (data.get("parameters") or {}).items():
                where = rf"^\s*\[\s*parameters\.{re.escape(name)}[\].]"
                try:
                    params[name] = parameter_from_table(name, decl, self.languages, self.phrases)
                except (ValueError, LibraryError) as exc:
                    msg = exc.message if isinstance(exc, LibraryError) else f"parameter {name!r}: {exc}"
                    raise self._err(msg, path, where) from None
        return params

    def _load_clauses(self) -> dict[str, Clause]:
        entries: dict[str, tuple[Path, dict[str, Any]]] = {}
        for path, data in self.manifests:
            raw = data.get("clauses", [])
            if not isinstance(raw, list):
                raise self._err("clauses must be written as [[clauses]] tables", path, r"clauses")
            seen: set[str] = set()
            for entry in raw:
                cid = entry.get("id") if isinstance(entry, dict) else None
                if not isinstance(cid, str) or not CLAUSE_ID.match(cid):
                    raise self._err(f"clause id {cid!r} must be kebab-case like \"offence-possession\"", path, r"^\s*id\s*=")
                if cid in seen:
                    raise self._err(f"clause {cid!r} is declared twice", path, rf"^\s*id\s*=\s*[\"']{re.escape(cid)}[\"']")
                seen.add(cid)
                entries[cid] = (path, entry)
        clauses = {cid: self._clause(cid, path, entry) for cid, (path, entry) in entries.items()}
        for clause in clauses.values():
            for req in clause.requires:
                if req not in clauses:
                    raise self._clause_err(clause, f"requires unknown clause {req!r}{suggest(req, clauses)}", req)
        return clauses

    def _clause_err(self, clause_or_id: Clause | str, message: str, needle: str | None = None,
                    path: Path | None = None) -> LibraryError:
        cid = clause_or_id if isinstance(clause_or_id, str) else clause_or_id.id
        path = path or (clause_or_id.source if isinstance(clause_or_id, Clause) else None) or self.manifests[-1][0]
        text = self.texts.get(path, "")
        line = _line(text, rf"^\s*id\s*=\s*[\"']{re.escape(cid)}[\"']")
        if line and needle:  # point at the offending value inside this clause's table
            end = _line(text, r"^\s*\[\[", line + 1) or len(text.splitlines()) + 1
            hit = _line(text, re.escape(needle), line)
            line = hit if hit and hit < end else line
        return LibraryError(f"clause {cid}: {message}", display(path), line)

    def _clause(self, cid: str, path: Path, entry: dict[str, Any]) -> Clause:
        def fail(message: str, needle: str | None = None) -> LibraryError:
            return self._clause_err(cid, message, needle, path)

        extra = sorted(set(entry) - self.CLAUSE_KEYS)
        if extra:
            raise fail(f"unknown key {extra[0]!r}{suggest(extra[0], self.CLAUSE_KEYS)}", extra[0])
        try:
            title = _text_map(entry.get("title"), self.languages, "title")
        except ValueError as exc:
            raise fail(str(exc), "title") from None
        topic = entry.get("topic")
        if topic not in self.topics:
            raise fail(f"unknown topic {topic!r}{suggest(str(topic), self.topics)}", "topic")
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("criteria", "parameters", "requires"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(f"{key} must be a list of strings", key)
            lists[key] = tuple(value)
        for crit in lists["criteria"]:
            if crit not in self.criteria:
                raise fail(f"unknown criterion {crit!r}{suggest(crit, self.criteria)}", crit)
            if self.criteria[crit].alias_of:
                raise fail(f"criterion {crit!r} is another name for {self.criteria[crit].alias_of!r}; tag the clause with that", crit)
        for name in lists["parameters"]:
            if name not in self.parameters:
                raise fail(f"parameter {name!r} is not declared in [parameters]{suggest(name, self.parameters)}", name)
        order, version = entry.get("order"), entry.get("version", "1.0")
        if not isinstance(order, int) or isinstance(order, bool):
            raise fail("order must be a whole number", "order")
        if not isinstance(version, str):
            raise fail("version must be a string like \"1.0\"", "version")
        templates: dict[str, Path] = {}
        for lang in self.languages:
            found = self._find(f"{lang}/{cid}.j2", self.template_roots)
            if found is None:
                raise fail(f"no {lang!r} template (expected {lang}/{cid}.j2)")
            templates[lang] = found
        return Clause(cid, title, topic, lists["criteria"], lists["parameters"], lists["requires"], order,
                      version, MappingProxyType(templates), (), path)

    def _check_cycles(self, clauses: Mapping[str, Clause]) -> None:
        state: dict[str, int] = {}  # 1 = on the current path, 2 = done

        def visit(path: list[str]) -> None:
            cid = path[-1]
            state[cid] = 1
            for req in clauses[cid].requires:
                if state.get(req) == 1:
                    cycle = path[path.index(req):] + [req]
                    raise self._clause_err(clauses[req], f"dependency cycle: {' → '.join(cycle)}")
                if req not in state:
                    visit(path + [req])
            state[cid] = 2

        for cid in clauses:
            if cid not in state:
                visit([cid])

    def _load_jurisdictions(self) -> dict[str, Jurisdiction]:
        found: dict[str, Path] = {}
        roots = self.template_roots  # presets belong with the clauses whose parameters they set
        for root in reversed(roots):
            folder = root / "jurisdictions"
            for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
                found[path.stem] = path
        return {code: self._jurisdiction(code, path) for code, path in sorted(found.items())}

    def _jurisdiction(self, code: str, path: Path) -> Jurisdiction:
        data = self._toml(path)

        def fail(message: str, key: str | None = None) -> LibraryError:
            return self._err(f"jurisdiction {code!r}: {message}", path, rf"^\s*\[?\s*{re.escape(key)}\b" if key else None)

        extra = sorted(set(data) - self.JUR_KEYS)
        if extra:
            raise fail(f"unknown key {extra[0]!r}{suggest(extra[0], self.JUR_KEYS)}", extra[0])
        if data.get("code") != code:
            raise fail(f"code must be {code!r}, the file's name", "code")
        if data.get("language") not in self.languages:
            raise fail(f"language must be one of {', '.join(self.languages)}", "language")
        if not (isinstance(data.get("country"), str) and re.fullmatch(r"[a-z]{2}", data["country"])):
            raise fail("country must be a lower-case ISO 3166 alpha-2 code (user-assigned xa–xz for generic presets)", "country")
        if not isinstance(data.get("profile"), str) or not data["profile"]:
            raise fail("needs a profile id like \"es-DO\"", "profile")
        try:
            name = _text_map(data.get("name"), [data["language"]], "name")
        except ValueError as exc:
            raise fail(str(exc), "name") from None
        raw_values = data.get("values", {})
        if not isinstance(raw_values, dict):
            raise fail("values must be a table", "values")
        neutral: dict[str, Any] = {}
        localized: dict[str, dict[str, Any]] = {}

        def checked(pname: str, value: Any) -> Any:
            if pname not in self.parameters:
                raise fail(f"unknown parameter {pname!r}{suggest(pname, self.parameters)}", pname)
            try:
                return self.parameters[pname].validate(value)
            except LibraryError as exc:
                raise fail(exc.message, pname) from None

        for pname, value in raw_values.items():
            if pname in self.languages:  # [values.<lang>]: values that are words of that language
                if not isinstance(value, dict):
                    raise fail(f"values.{pname} must be a table of parameter values in that language", f"values.{pname}")
                localized.setdefault(pname, {}).update({k: checked(k, v) for k, v in value.items()})
            elif self.parameters.get(pname) is not None and self.parameters[pname].type in LANGUAGE_BOUND:
                # words written straight under [values] are in the preset's own language
                localized.setdefault(data["language"], {}).setdefault(pname, checked(pname, value))
            else:
                neutral[pname] = checked(pname, value)
        values = {**neutral, **localized.get(data["language"], {})}
        phrases = data.get("phrases", {})
        for lang, table in phrases.items() if isinstance(phrases, dict) else [("?", None)]:
            if lang not in self.phrases or not isinstance(table, dict):
                raise fail("phrases must be tables per language: [phrases.es]", "phrases")
            problem = phrase_problem(merged_phrases(self.phrases[lang].data, table))
            if problem:
                raise fail(f"phrases: {problem}", "phrases")
        furniture = data.get("furniture", {})
        if not isinstance(furniture, dict):
            raise fail("furniture must be a table", "furniture")
        for key in ("recitals", "citations"):
            if key in furniture and not (isinstance(furniture[key], list) and all(isinstance(s, str) for s in furniture[key])):
                raise fail(f"furniture.{key} must be a list of strings", key)
        return Jurisdiction(code, name, data["language"], data["country"], data["profile"],
                            MappingProxyType(values), freeze(furniture), freeze(phrases), path,
                            MappingProxyType(neutral),
                            MappingProxyType({lang: MappingProxyType(v) for lang, v in localized.items()}))
