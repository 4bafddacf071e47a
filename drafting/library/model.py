"""The records a loaded clause library is made of, shared by the loader and `Library`.

Import them from `drafting.library`, the public module; this one exists so that the loader
(`drafting.library.load`) can build them without importing `Library` itself.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

BUNDLED = Path(__file__).resolve().parents[2] / "templates" / "model_law"
PHRASE_TABLES = ("units", "fine_units")  # the unit tables of every _phrases.toml


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
    """A preset: parameter values, wording overrides and bill furniture for one jurisdiction.

    `values` are the values in the preset's own language; `localized` holds, per language, the
    values that are words of that language (names of institutions, the gazette), so a preview
    in another language never borrows them. `values_for(lang)` is what a text in `lang` uses.
    """

    code: str
    name: Mapping[str, str]
    language: str
    country: str
    profile: str
    values: Mapping[str, Any]
    furniture: Mapping[str, Any]
    phrases: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    source: Path | None = None
    neutral: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))  # the same in every language
    localized: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))

    def values_for(self, lang: str | None) -> Mapping[str, Any]:
        """The preset's values for a text in `lang` (its own language when None)."""
        if lang is None or lang == self.language:
            return self.values
        return MappingProxyType({**self.neutral, **self.localized.get(lang, {})})

    def title(self, lang: str) -> str:
        """The preset's name in `lang`, else in its own language."""
        return self.name.get(lang) or self.name.get(self.language) or next(iter(self.name.values()), self.code)


# --- wording of errors (loading and lookups both name files and suggest ids) ------------------
def display(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def suggest(word: str, known: Iterable[str]) -> str:
    """A " (did you mean …?)" hint for a misspelt id, or ""."""
    close = difflib.get_close_matches(word, list(known), n=3)
    return f" (did you mean {', '.join(close)}?)" if close else ""
