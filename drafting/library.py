"""The model-law clause library: manifest, criteria, typed parameters, presets and rendering.

Layout of a library folder (the bundled one is `templates/model_law/`):

    manifest.toml              languages, topics, parameters (declared once, shared), [[clauses]]
    criteria.toml              review criteria and the criteria sets of each edition
    <lang>/<clause-id>.j2      one template per clause per language: the BODY of the article
    <lang>/_phrases.toml       how that language words numbers, units, prison terms, fines, labels
    jurisdictions/<code>.toml  parameter presets plus bill furniture (formulas, recitals …)

A user folder given with `--library PATH` is read in one of two ways:

* **overlay** (no `manifest.toml`, or one saying `extends = "bundled"`): house variants over the
  bundled library. Its `<lang>/<id>.j2` files replace the bundled templates of the same clause, its
  jurisdictions are added (or replace a bundled preset with the same code), and its manifest
  entries are merged in: a clause or parameter with a known id/name replaces the bundled entry,
  a new one is added; `languages` are added to the bundled ones.
* **standalone** (a `manifest.toml` without `extends`): a complete library of its own. Only its
  own clauses, templates and presets count; `criteria.toml` and `<lang>/_phrases.toml` fall back
  to the bundled ones when the folder has none.

Template format: a template renders the BODY of one article (no label, no heading: the heading
is the clause title), one provision unit per line, blank lines ignored. Spanish: the article's
own text, then `Párrafo I.- …` (or a lone `Párrafo.- …`), literales `a) …`, numerals `1. …`.
English: subsections `(1) …`, paragraphs `(a) …`, subparagraphs `(i) …`, or one unnumbered line;
definitions as `In this Act—` + `"term" means …;` / `Para los fines … se entiende por:` +
`a) Término: …`. `{{ ref("clause-id") }}` gives the bare number of another clause (which must be
in the clause's `requires`); the template writes the word ("section", "artículo"). Parameters
are Jinja variables, worded through the filters `prison`, `fine`, `quantity("days")`, `number`
and `upfirst`, whose wording comes from `_phrases.toml`; after rendering, the language's
`contractions` apply ("a el" → "al").

Templates are untrusted: they are rendered in Jinja's sandbox with StrictUndefined, may not touch
`_`-attributes, may not include/import/extend other templates (so every variable and ref is
checked at load time) and may not loop (no parameter is a list; a loop could only burn CPU).

Jurisdiction furniture (free-form, for bill assembly; keys used by the bundled presets):
`act_word`, `title`, `long_title`, `heading` (the enacting body's line), `in_the_name_of`,
`legislature`, `recital_keyword`, `citation_keyword`, `recitals` and `citations` (lists),
`enacting_formula`, `closing_formula`, `amending_phrases` (the profile's phrase set).

The criterion id `technology` (2018 edition) is an alias of `computer`: `criteria.toml` marks it
with `alias_of`, clauses are tagged with the canonical id, and every lookup accepts both.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import tomllib
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from jinja2 import FileSystemLoader, StrictUndefined, nodes, pass_context
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.meta import find_undeclared_variables
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from drafting.immutable import freeze
from drafting.params import (
    MONEY, NAME_RE, TYPES, Fine, LibraryError, Parameter, Phrases, PrisonTerm, check_pattern,
)

__all__ = [
    "Clause", "CriteriaSet", "Criterion", "Jurisdiction", "Library", "LibraryError", "Parameter",
    "Topic", "Fine", "PrisonTerm", "Phrases", "load_library", "BUNDLED",
]

BUNDLED = Path(__file__).resolve().parent.parent / "templates" / "model_law"
CLAUSE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_OUTPUT = 100_000  # characters; a clause is a page, not a book
PRISON_UNITS = ("years", "months")
RESERVED = {"ref", "range", "dict", "namespace", "loop", "self", "caller", "varargs", "kwargs"}
PHRASE_TABLES = ("units", "fine_units")


@dataclass(frozen=True)
class Topic:
    id: str
    title: Mapping[str, str]
    order: int


@dataclass(frozen=True)
class Criterion:
    id: str
    title: Mapping[str, str]
    met_when: Mapping[str, str]
    alias_of: str | None = None  # e.g. "technology" is the 2018 name of "computer"


@dataclass(frozen=True)
class CriteriaSet:
    id: str
    title: Mapping[str, str]
    criteria: tuple[str, ...]
    core: bool
    years: tuple[int, int] | None = None  # the review editions that used this set


@dataclass(frozen=True)
class Clause:
    id: str
    title: Mapping[str, str]
    topic: str
    criteria: tuple[str, ...]
    parameters: tuple[str, ...]
    requires: tuple[str, ...]
    order: int
    version: str
    templates: Mapping[str, Path]
    refs: tuple[str, ...] = ()  # clause ids its templates cite with ref()
    source: Path | None = None  # the manifest that declared it


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: Mapping[str, str]
    language: str
    country: str
    profile: str
    values: Mapping[str, Any]
    furniture: Mapping[str, Any]
    phrases: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    source: Path | None = None


# --- sandbox and filters ----------------------------------------------------------------------
class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox plus limits on the two operators that can exhaust memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError("exponent too large")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_OUTPUT:
                    raise SecurityError("repetition too large")
        return super().call_binop(context, operator, left, right)


def _phrases_of(ctx: Context) -> Phrases:
    return ctx["_phrases"]


@pass_context
def _f_prison(ctx: Context, value: Any) -> str:
    if not isinstance(value, PrisonTerm):
        raise TypeError(f"the prison filter needs a prison-term parameter, got {value!r}")
    return _phrases_of(ctx).prison(value)


@pass_context
def _f_fine(ctx: Context, value: Any) -> str:
    if not isinstance(value, Fine):
        raise TypeError(f"the fine filter needs a fine parameter, got {value!r}")
    return _phrases_of(ctx).fine(value)


@pass_context
def _f_quantity(ctx: Context, value: Any, unit: str) -> str:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"the quantity filter needs a whole number, got {value!r}")
    return _phrases_of(ctx).quantity(value, unit)


@pass_context
def _f_number(ctx: Context, value: Any) -> str:
    return _phrases_of(ctx).number(value)


def _f_upfirst(value: Any) -> str:
    text = str(value)
    return text[:1].upper() + text[1:]


def _sandbox(roots: Iterable[Path]) -> _Sandbox:
    env = _Sandbox(
        loader=FileSystemLoader([str(r) for r in roots]),
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False,
        trim_blocks=True, lstrip_blocks=True, auto_reload=False,
    )
    for name in ("lipsum", "cycler", "joiner"):
        env.globals.pop(name, None)
    env.filters.update(prison=_f_prison, fine=_f_fine, quantity=_f_quantity, number=_f_number, upfirst=_f_upfirst)
    return env


# --- helpers for errors -----------------------------------------------------------------------
def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _suggest(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=3)
    return f" (did you mean {', '.join(close)}?)" if close else ""


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
        raise LibraryError(f"cannot read: {exc}", _display(path)) from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"at line (\d+)", msg)
        line = int(m.group(1)) if m else max(1, len(text.splitlines()))
        raise LibraryError(f"malformed TOML: {re.sub(r' ?[(]at .*[)]', '', msg)}", _display(path), line) from exc


def _template_line(exc: BaseException, path: Path) -> int | None:
    """The template line where a render error happened (Jinja maps frames to template lines)."""
    target, line = os.path.normpath(str(path)), None
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.normpath(frame.filename) == target:
            line = frame.lineno
    return line


def _text_map(value: Any, languages: Iterable[str], what: str) -> Mapping[str, str]:
    """A {lang: text} table with every language present (raises ValueError otherwise)."""
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a table of languages ({', '.join(languages)})")
    missing = [lang for lang in languages if not isinstance(value.get(lang), str) or not value[lang].strip()]
    if missing:
        raise ValueError(f"{what} is missing for {', '.join(missing)}")
    return MappingProxyType({k: v for k, v in value.items() if isinstance(v, str)})


# --- the library ------------------------------------------------------------------------------
class Library:
    """A loaded, validated clause library. Build it with `load_library`."""

    def __init__(self, root: Path, languages: tuple[str, ...], topics: Mapping[str, Topic],
                 parameters: Mapping[str, Parameter], clauses: Mapping[str, Clause],
                 criteria: Mapping[str, Criterion], criteria_sets: Mapping[str, CriteriaSet],
                 jurisdictions: Mapping[str, Jurisdiction], phrases: Mapping[str, Phrases],
                 variables: Mapping[tuple[str, str], frozenset[str]], env: _Sandbox) -> None:
        self.root = root
        self.languages = languages
        self.topics = topics
        self.parameters = parameters
        self.clauses = clauses
        self.criteria = criteria
        self.criteria_sets = criteria_sets
        self.jurisdictions = jurisdictions
        self._phrases = phrases
        self._variables = variables
        self._env = env
        self._positions = {cid: str(n) for n, cid in enumerate(clauses, 1)}

    # lookups
    def clause(self, clause_id: str) -> Clause:
        try:
            return self.clauses[clause_id]
        except (KeyError, TypeError):
            raise LibraryError(f"unknown clause {clause_id!r}{_suggest(str(clause_id), self.clauses)}") from None

    def jurisdiction(self, code: str) -> Jurisdiction:
        try:
            return self.jurisdictions[code]
        except (KeyError, TypeError):
            known = ", ".join(self.jurisdictions) or "none"
            raise LibraryError(f"unknown jurisdiction {code!r}{_suggest(str(code), self.jurisdictions)}; known: {known}") from None

    def criterion(self, criterion_id: str) -> Criterion:
        try:
            return self.criteria[criterion_id]
        except (KeyError, TypeError):
            raise LibraryError(f"unknown criterion {criterion_id!r}{_suggest(str(criterion_id), self.criteria)}") from None

    def criteria_set(self, edition_or_id: str | int) -> CriteriaSet:
        """A set by id ("2006", "2016", "2018", "full") or by any review year it covers ("2010")."""
        key = str(edition_or_id).strip()
        if key in self.criteria_sets:
            return self.criteria_sets[key]
        if key.isdigit():
            for cset in self.criteria_sets.values():
                if cset.years and cset.years[0] <= int(key) <= cset.years[1]:
                    return cset
        raise LibraryError(f"unknown criteria set {key!r}; known: {', '.join(self.criteria_sets)}")

    def clauses_for_criterion(self, criterion_id: str) -> tuple[Clause, ...]:
        crit = self.criterion(criterion_id)
        canonical = crit.alias_of or crit.id
        return tuple(c for c in self.clauses.values() if canonical in c.criteria)

    def with_dependencies(self, clause_ids: Iterable[str]) -> tuple[str, ...]:
        """The clauses and everything they require, in the library's default order."""
        wanted: set[str] = set()
        stack = [self.clause(cid).id for cid in clause_ids]
        while stack:
            cid = stack.pop()
            if cid not in wanted:
                wanted.add(cid)
                stack.extend(self.clauses[cid].requires)
        return tuple(cid for cid in self.clauses if cid in wanted)

    def template_variables(self, clause_id: str, lang: str) -> frozenset[str]:
        """The parameter names a clause's template actually uses in one language."""
        return self._variables[(self.clause(clause_id).id, self._lang(self.clauses[clause_id], lang))]

    def phrases(self, lang: str, jurisdiction: str | None = None) -> Phrases:
        """The wording data of a language, with a preset's overrides for that language."""
        if lang not in self._phrases:
            raise LibraryError(f"unknown language {lang!r}; the library has {', '.join(self.languages)}")
        base = self._phrases[lang]
        extra = self.jurisdiction(jurisdiction).phrases.get(lang) if jurisdiction else None
        return Phrases(MappingProxyType({**base.data, **extra})) if extra else base

    # parameters
    def parse_value(self, name: str, text: str, lang: str | None = None) -> Any:
        """Read a command-line value for parameter `name` (syntax in drafting.params)."""
        param = self._parameter(name)
        units: dict[str, str] = {}
        booleans: dict[str, bool] = {}
        for phrases in self._phrases.values():
            for table in PHRASE_TABLES:
                for key, forms in phrases.data[table].items():
                    units.update({forms["one"].lower(): key, forms["many"].lower(): key})
            for key, value in (("yes", True), ("no", False)):
                booleans.update({w.lower(): value for w in phrases.data.get("booleans", {}).get(key, ())})
        default = param.default_for(lang or self.languages[0])
        unit = getattr(default, "unit", None)
        return param.parse(text, units, booleans, None if unit == MONEY else unit)

    def resolve_params(self, clause_id: str, jurisdiction: str | None = None,
                       overrides: Mapping[str, Any] | None = None, *, lang: str | None = None) -> dict[str, Any]:
        """The clause's parameter values: defaults < jurisdiction preset < overrides, all validated.

        Overrides may name parameters of other clauses (a bill passes one table to every clause);
        a name the library does not declare at all is an error. `lang` picks language-specific
        defaults (default: the preset's language, else the library's first language).
        """
        clause = self.clause(clause_id)
        preset = self.jurisdiction(jurisdiction) if jurisdiction else None
        lang = lang or (preset.language if preset else self.languages[0])
        overrides = overrides or {}
        for name in overrides:
            if name not in self.parameters:
                raise LibraryError(f"unknown parameter {name!r}{_suggest(name, self.parameters)}", f"clause {clause.id}")
        values: dict[str, Any] = {}
        for name in clause.parameters:
            param = self.parameters[name]
            value = param.default_for(lang)
            if preset and name in preset.values:
                value = preset.values[name]
            if name in overrides:
                try:
                    value = param.validate(overrides[name])
                except LibraryError as exc:
                    raise LibraryError(exc.message, f"clause {clause.id}") from None
            values[name] = value
        return values

    # rendering
    def render_text(self, clause_id: str, lang: str, params: Mapping[str, Any] | None = None,
                    jurisdiction: str | None = None, numbering: Mapping[str, str] | None = None) -> str:
        """The body of the article (no label, no heading), one provision unit per line.

        `numbering` maps clause ids to the numbers they carry in a bill; without it every clause
        is numbered by its place in the default order. A ref to a clause missing from `numbering`
        is an error, so an assembled bill never cites a stale number.
        """
        clause = self.clause(clause_id)
        lang = self._lang(clause, lang)
        values = self.resolve_params(clause.id, jurisdiction, params, lang=lang)
        phrases = self.phrases(lang, jurisdiction)
        numbers = self._positions if numbering is None else numbering
        path = clause.templates[lang]

        def ref(target: str) -> str:
            if target not in numbers:
                raise LibraryError(f"clause {clause.id} refers to {target!r}, which has no number in this bill")
            return str(numbers[target])

        try:
            template = self._env.get_template(f"{lang}/{clause.id}.j2")
            raw = template.render({**values, "ref": ref, "_phrases": phrases})
        except TemplateSyntaxError as exc:
            raise LibraryError(f"clause {clause.id}: template syntax error: {exc.message}", _display(path), exc.lineno) from None
        except Exception as exc:  # untrusted template: every failure is reported, with its line
            reason = exc.message if isinstance(exc, LibraryError) else f"{type(exc).__name__}: {exc}"
            raise LibraryError(f"clause {clause.id}: cannot render: {reason}", _display(path), _template_line(exc, path)) from None
        if len(raw) > MAX_OUTPUT:
            raise LibraryError(f"clause {clause.id}: rendered text is too long", _display(path))
        return _tidy(raw, phrases)

    def heading_line(self, clause_id: str, lang: str, number: str | None = None, jurisdiction: str | None = None) -> str:
        """The article's label and heading, e.g. `Artículo 5.- Posesión de ….` or `5. Possession of ….`"""
        clause = self.clause(clause_id)
        lang = self._lang(clause, lang)
        num = number if number is not None else self._positions[clause.id]
        return self.phrases(lang, jurisdiction).get("article_heading").format(num=num, title=clause.title[lang])

    # internals
    def _lang(self, clause: Clause, lang: str) -> str:
        if lang not in clause.templates:
            raise LibraryError(f"clause {clause.id} has no {lang!r} template; languages: {', '.join(clause.templates)}")
        return lang

    def _parameter(self, name: str) -> Parameter:
        try:
            return self.parameters[name]
        except KeyError:
            raise LibraryError(f"unknown parameter {name!r}{_suggest(name, self.parameters)}") from None


def _tidy(raw: str, phrases: Phrases) -> str:
    """Drop blank lines, collapse spaces left by template logic, apply contractions ("a el" → "al")."""
    lines = []
    for line in raw.splitlines():
        line = re.sub(r"\s+", " ", line).strip()
        line = re.sub(r" +([.,;:])", r"\1", line)
        if line:
            lines.append(line)
    text = "\n".join(lines)
    for old, new in phrases.data.get("contractions", {}).items():
        text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)
    return text


# --- loading ----------------------------------------------------------------------------------
def load_library(path: Path | str | None = None) -> Library:
    """Load and validate a library: None for the bundled one (cached), or a user folder."""
    if path is None or Path(path).resolve() == BUNDLED:
        return _bundled()
    folder = Path(path).expanduser().resolve()
    if not folder.is_dir():
        raise LibraryError("clause library folder not found", _display(folder))
    return _Loader(folder).build()


@functools.lru_cache(maxsize=1)
def _bundled() -> Library:
    return _Loader(None).build()


class _Loader:
    """Reads the files of one library (or an overlay over the bundled one) and validates them."""

    CLAUSE_KEYS = {"id", "title", "topic", "criteria", "parameters", "requires", "order", "version"}
    PARAM_KEYS = {"type", "description", "default", "defaults", "min", "max", "choices", "units", "allow_empty"}
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
                raise LibraryError(f"extends must be \"bundled\", not {extends!r}", _display(user_manifest),
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
        return LibraryError(message, _display(path), line)

    def _find(self, relative: str, roots: tuple[Path, ...]) -> Path | None:
        return next((r / relative for r in roots if (r / relative).is_file()), None)

    # the pieces, in dependency order
    def build(self) -> Library:
        self.languages = self._languages()
        self.phrases = {lang: self._load_phrases(lang) for lang in self.languages}
        self.env = _sandbox(self.template_roots)
        self.criteria, self.sets = self._load_criteria()
        self.topics = self._load_topics()
        self.parameters = self._load_parameters()
        clauses = self._load_clauses()
        self._check_cycles(clauses)
        clauses, variables = self._check_templates(clauses)
        ordered = sorted(clauses.values(), key=lambda c: (self.topics[c.topic].order, c.order, c.id))
        return Library(
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
                raise self._err(f"unknown manifest key {unknown[0]!r}{_suggest(unknown[0], self.MANIFEST_KEYS)}",
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
            raise LibraryError(f"no phrases for language {lang!r} (expected {lang}/_phrases.toml)", _display(self.root))
        data = self._toml(path)
        problem = _phrase_problem(data)
        if problem:
            raise self._err(f"phrases: {problem}", path, rf"^\s*{re.escape(problem.split()[0].split('.')[-1].rstrip(':'))}\b")
        return Phrases(freeze(data))

    def _load_criteria(self) -> tuple[dict[str, Criterion], dict[str, CriteriaSet]]:
        path = self._find("criteria.toml", self.support_roots)
        if path is None:
            raise LibraryError("no criteria.toml", _display(self.root))
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
                        raise ValueError(f"unknown criterion {cid!r}{_suggest(str(cid), criteria)}")
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
                    params[name] = self._parameter(name, decl)
                except (ValueError, LibraryError) as exc:
                    msg = exc.message if isinstance(exc, LibraryError) else f"parameter {name!r}: {exc}"
                    raise self._err(msg, path, where) from None
        return params

    def _parameter(self, name: str, decl: Any) -> Parameter:
        if not NAME_RE.match(name) or name in RESERVED:
            raise ValueError("names are lower_snake_case and not a reserved template word")
        if not isinstance(decl, dict):
            raise ValueError("must be a table")
        extra = sorted(set(decl) - self.PARAM_KEYS)
        if extra:
            raise ValueError(f"unknown key {extra[0]!r}{_suggest(extra[0], self.PARAM_KEYS)}")
        ptype = decl.get("type")
        if ptype not in TYPES:
            raise ValueError(f"type must be one of {', '.join(TYPES)}, not {ptype!r}")
        desc = decl.get("description")
        if not isinstance(desc, dict) or not any(isinstance(v, str) and v.strip() for v in desc.values()):
            raise ValueError("needs a description (description.en = \"…\")")
        for key in ("min", "max"):
            if key in decl and not (isinstance(decl[key], int) and not isinstance(decl[key], bool)):
                raise ValueError(f"{key} must be a whole number")
        choices = decl.get("choices", [])
        if ptype == "choice" and (not isinstance(choices, list) or not choices or not all(isinstance(c, str) for c in choices)):
            raise ValueError("a choice needs a list of string choices")
        units = self._units(ptype, decl.get("units"))
        param = Parameter(name, ptype, MappingProxyType(dict(desc)), None, MappingProxyType({}),
                          decl.get("min"), decl.get("max"), tuple(choices), units, bool(decl.get("allow_empty", False)))
        default = param.validate(decl["default"]) if "default" in decl else None
        localized = decl.get("defaults", {})
        if not isinstance(localized, dict) or set(localized) - set(self.languages):
            raise ValueError(f"defaults must be a table of languages ({', '.join(self.languages)})")
        localized = {lang: param.validate(v) for lang, v in localized.items()}
        missing = [lang for lang in self.languages if lang not in localized and default is None]
        if missing:
            raise ValueError(f"needs a default (default = …, or defaults.{missing[0]} = …)")
        return Parameter(name, ptype, param.description, default, MappingProxyType(localized),
                         param.minimum, param.maximum, param.choices, units, param.allow_empty)

    def _units(self, ptype: str, declared: Any) -> tuple[str, ...]:
        if ptype not in ("prison", "fine"):
            return ()
        table = "units" if ptype == "prison" else "fine_units"
        known = set.intersection(*(set(p.data[table]) for p in self.phrases.values()))
        if ptype == "fine":
            known.add(MONEY)
        if declared is None:
            return PRISON_UNITS if ptype == "prison" else tuple(sorted(known))
        if not isinstance(declared, list) or not declared:
            raise ValueError("units must be a list")
        bad = [u for u in declared if u not in known]
        if bad:
            raise ValueError(f"unit {bad[0]!r} is not worded in every language's phrases (known: {', '.join(sorted(known))})")
        return tuple(declared)

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
                    raise self._clause_err(clause, f"requires unknown clause {req!r}{_suggest(req, clauses)}", req)
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
        return LibraryError(f"clause {cid}: {message}", _display(path), line)

    def _clause(self, cid: str, path: Path, entry: dict[str, Any]) -> Clause:
        def fail(message: str, needle: str | None = None) -> LibraryError:
            return self._clause_err(cid, message, needle, path)

        extra = sorted(set(entry) - self.CLAUSE_KEYS)
        if extra:
            raise fail(f"unknown key {extra[0]!r}{_suggest(extra[0], self.CLAUSE_KEYS)}", extra[0])
        try:
            title = _text_map(entry.get("title"), self.languages, "title")
        except ValueError as exc:
            raise fail(str(exc), "title") from None
        topic = entry.get("topic")
        if topic not in self.topics:
            raise fail(f"unknown topic {topic!r}{_suggest(str(topic), self.topics)}", "topic")
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("criteria", "parameters", "requires"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(f"{key} must be a list of strings", key)
            lists[key] = tuple(value)
        for crit in lists["criteria"]:
            if crit not in self.criteria:
                raise fail(f"unknown criterion {crit!r}{_suggest(crit, self.criteria)}", crit)
            if self.criteria[crit].alias_of:
                raise fail(f"criterion {crit!r} is another name for {self.criteria[crit].alias_of!r}; tag the clause with that", crit)
        for name in lists["parameters"]:
            if name not in self.parameters:
                raise fail(f"parameter {name!r} is not declared in [parameters]{_suggest(name, self.parameters)}", name)
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

    def _check_templates(self, clauses: dict[str, Clause]) -> tuple[dict[str, Clause], dict[tuple[str, str], frozenset[str]]]:
        variables: dict[tuple[str, str], frozenset[str]] = {}
        checked: dict[str, Clause] = {}
        for clause in clauses.values():
            refs: list[str] = []
            for lang, path in clause.templates.items():
                names, lang_refs = self._check_template(clause, path, clauses)
                variables[(clause.id, lang)] = names
                refs += [r for r in lang_refs if r not in refs]
            checked[clause.id] = replace(clause, refs=tuple(refs))
        return checked, variables

    def _check_template(self, clause: Clause, path: Path, clauses: Mapping[str, Clause]) -> tuple[frozenset[str], list[str]]:
        where = _display(path)
        try:
            source = path.read_text(encoding="utf-8")
            ast = self.env.parse(source, name=path.name, filename=str(path))
        except (OSError, UnicodeDecodeError) as exc:
            raise LibraryError(f"clause {clause.id}: cannot read template: {exc}", where) from None
        except TemplateSyntaxError as exc:
            raise LibraryError(f"clause {clause.id}: template syntax error: {exc.message}", where, exc.lineno) from None
        for node in ast.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            raise LibraryError(f"clause {clause.id}: templates may not include, import or extend other templates", where, node.lineno)
        for node in ast.find_all(nodes.For):
            raise LibraryError(f"clause {clause.id}: templates may not loop ({{% for %}})", where, node.lineno)
        for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
            attr = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            if isinstance(attr, str) and attr.startswith("_"):
                raise LibraryError(f"clause {clause.id}: access to {attr!r} is not allowed in a template", where, node.lineno)
        refs: list[str] = []
        for call in ast.find_all(nodes.Call):
            if not (isinstance(call.node, nodes.Name) and call.node.name == "ref"):
                continue
            arg = call.args[0] if len(call.args) == 1 and not call.kwargs else None
            if not (isinstance(arg, nodes.Const) and isinstance(arg.value, str)):
                raise LibraryError(f"clause {clause.id}: ref() takes one clause id in quotes", where, call.lineno)
            target = arg.value
            if target not in clauses:
                raise LibraryError(f"clause {clause.id}: ref to unknown clause {target!r}{_suggest(target, clauses)}", where, call.lineno)
            if target not in clause.requires:
                raise LibraryError(f"clause {clause.id}: refers to {target!r}, which must also be listed in its requires", where, call.lineno)
            refs.append(target)
        used = find_undeclared_variables(ast) - {"ref"} - set(self.env.globals)
        for name in sorted(used):
            if name not in clause.parameters:
                line = next((n.lineno for n in ast.find_all(nodes.Name) if n.name == name), None)
                hint = "declare it in [parameters] and list it" if name not in self.parameters else "list it"
                raise LibraryError(f"clause {clause.id}: template uses {name!r}, which is not a parameter of this clause ({hint} in the clause's parameters)", where, line)
        return frozenset(used), refs

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
            raise fail(f"unknown key {extra[0]!r}{_suggest(extra[0], self.JUR_KEYS)}", extra[0])
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
        values: dict[str, Any] = {}
        raw_values = data.get("values", {})
        if not isinstance(raw_values, dict):
            raise fail("values must be a table", "values")
        for pname, value in raw_values.items():
            if pname not in self.parameters:
                raise fail(f"unknown parameter {pname!r}{_suggest(pname, self.parameters)}", pname)
            try:
                values[pname] = self.parameters[pname].validate(value)
            except LibraryError as exc:
                raise fail(exc.message, pname) from None
        phrases = data.get("phrases", {})
        for lang, table in phrases.items() if isinstance(phrases, dict) else [("?", None)]:
            if lang not in self.phrases or not isinstance(table, dict):
                raise fail("phrases must be tables per language: [phrases.es]", "phrases")
            problem = _phrase_problem({**self.phrases[lang].data, **table})
            if problem:
                raise fail(f"phrases: {problem}", "phrases")
        furniture = data.get("furniture", {})
        if not isinstance(furniture, dict):
            raise fail("furniture must be a table", "furniture")
        for key in ("recitals", "citations"):
            if key in furniture and not (isinstance(furniture[key], list) and all(isinstance(s, str) for s in furniture[key])):
                raise fail(f"furniture.{key} must be a list of strings", key)
        return Jurisdiction(code, name, data["language"], data["country"], data["profile"],
                            MappingProxyType(values), freeze(furniture), freeze(phrases), path)


def _phrase_problem(data: Mapping[str, Any]) -> str | None:
    """Why a phrases table is unusable, or None."""
    for key in ("thousands_separator",):
        if not isinstance(data.get(key), str):
            return f"{key} must be a string"
    for dotted in sorted(k for k in ("article_heading", "money", "quantity", "prison.range", "prison.fixed",
                                      "prison.max", "fine.range", "fine.amount", "fine.max")):
        node: Any = data
        for part in dotted.split("."):
            node = node.get(part) if isinstance(node, Mapping) else None
        problem = check_pattern(dotted, node) if node is not None else f"{dotted} is missing"
        if problem:
            return problem
    for table in PHRASE_TABLES:
        entries = data.get(table)
        if not isinstance(entries, Mapping) or not entries:
            return f"{table} must be a table of units"
        for unit, forms in entries.items():
            if not (isinstance(forms, Mapping) and all(isinstance(forms.get(k), str) for k in ("one", "many"))):
                return f"{table}.{unit} needs one = \"…\" and many = \"…\""
    for old, new in (data.get("contractions") or {}).items():
        if not isinstance(new, str):
            return f"contractions.{old} must be a string"
    return None
