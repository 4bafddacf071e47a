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

Preset values per language: `[values]` holds what is the same in every language (ages, prison
terms, fines, hours); `[values.<lang>]` holds what is written in words of one language (names of
institutions, the gazette), so a preview in English of a Spanish-language preset uses its
`[values.en]` names (or the model law's English placeholders), never the Spanish ones. A text or
authority value written straight under `[values]` counts for the preset's own language only.

The criterion id `technology` (2018 edition) is an alias of `computer`: `criteria.toml` marks it
with `alias_of`, clauses are tagged with the canonical id, and every lookup accepts both.

Module layout: this is the public module. The records are in `model`, file reading and
checking in `load` (with `tables` and `templates`), and the Jinja
sandbox in `render`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Iterable, Mapping

from jinja2.exceptions import TemplateSyntaxError

from drafting.library.load import read_library
from drafting.library.model import (
    BUNDLED,
    PHRASE_TABLES,
    Clause,
    CriteriaSet,
    Criterion,
    Jurisdiction,
    Topic,
    display,
    suggest,
)
from drafting.library.params import MONEY, Fine, LibraryError, Parameter, Phrases, PrisonTerm
from drafting.library.render import Sandbox, render_limited, template_line, tidy
from drafting.library.tables import merged_phrases
from drafting.model.immutable import freeze

__all__ = [
    "Clause", "CriteriaSet", "Criterion", "Jurisdiction", "Library", "LibraryError", "Parameter",
    "Topic", "Fine", "PrisonTerm", "Phrases", "load_library", "BUNDLED",
]


class Library:
    """A loaded, validated clause library. Build it with `load_library`."""

    def __init__(self, root: Path, languages: tuple[str, ...], topics: Mapping[str, Topic],
                 parameters: Mapping[str, Parameter], clauses: Mapping[str, Clause],
                 criteria: Mapping[str, Criterion], criteria_sets: Mapping[str, CriteriaSet],
                 jurisdictions: Mapping[str, Jurisdiction], phrases: Mapping[str, Phrases],
                 variables: Mapping[tuple[str, str], frozenset[str]], env: Sandbox) -> None:
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
            raise LibraryError(f"unknown clause {clause_id!r}{suggest(str(clause_id), self.clauses)}") from None

    def jurisdiction(self, code: str) -> Jurisdiction:
        try:
            return self.jurisdictions[code]
        except (KeyError, TypeError):
            known = ", ".join(self.jurisdictions) or "none"
            raise LibraryError(f"unknown jurisdiction {code!r}{suggest(str(code), self.jurisdictions)}; known: {known}") from None

    def criterion(self, criterion_id: str) -> Criterion:
        try:
            return self.criteria[criterion_id]
        except (KeyError, TypeError):
            raise LibraryError(f"unknown criterion {criterion_id!r}{suggest(str(criterion_id), self.criteria)}") from None

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
        return Phrases(freeze(merged_phrases(base.data, extra))) if extra else base

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
                raise LibraryError(f"unknown parameter {name!r}{suggest(name, self.parameters)}", f"clause {clause.id}")
        values: dict[str, Any] = {}
        preset_values = preset.values_for(lang) if preset else {}
        for name in clause.parameters:
            param = self.parameters[name]
            value = param.default_for(lang)
            if name in preset_values:
                value = preset_values[name]
            if name in overrides:
                try:
                    value = param.validate(overrides[name])
                except LibraryError as exc:
                    raise LibraryError(exc.message, f"clause {clause.id}") from None
            values[name] = value
        return values

    def describe_value(self, name: str, value: Any, lang: str) -> str:
        """A parameter's value as a drafter reads it in `lang` ("2 to 5 years", "up to 500 penalty units")."""
        return self._parameter(name).describe(value, self.phrases(lang), lang)

    def value_origin(self, name: str, jurisdiction: str | None, lang: str, overrides: Mapping[str, Any] = {}) -> str:
        """Where a value comes from: "set" (overrides), "preset" (the jurisdiction's, in `lang`) or "default"."""
        if name in overrides:
            return "set"
        if jurisdiction and name in self.jurisdiction(jurisdiction).values_for(lang):
            return "preset"
        return "default"

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
            raw = render_limited(template, {**values, "ref": ref, "_phrases": phrases})
        except TemplateSyntaxError as exc:
            raise LibraryError(f"clause {clause.id}: template syntax error: {exc.message}", display(path), exc.lineno) from None
        except (MemoryError, RecursionError):
            raise LibraryError(f"clause {clause.id}: cannot render: the template needs more memory or depth than "
                               "allowed", display(path)) from None
        except Exception as exc:  # untrusted template: every failure is reported, with its line
            reason = exc.message if isinstance(exc, LibraryError) else f"{type(exc).__name__}: {exc}"
            raise LibraryError(f"clause {clause.id}: cannot render: {reason}", display(path), template_line(exc, path)) from None
        return tidy(raw, phrases)

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
            raise LibraryError(f"unknown parameter {name!r}{suggest(name, self.parameters)}") from None


def load_library(path: Path | str | None = None) -> Library:
    """Load and validate a library: None for the bundled one (cached), or a user folder."""
    if path is None or Path(path).resolve() == BUNDLED:
        return _bundled()
    folder = Path(path).expanduser().resolve()
    if not folder.is_dir():
        raise LibraryError("clause library folder not found", display(folder))
    return Library(**read_library(folder)._asdict())


@functools.lru_cache(maxsize=1)
def _bundled() -> Library:
    return Library(**read_library(None)._asdict())
