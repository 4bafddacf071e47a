"""Drafting-convention profiles, kept as data (one TOML file per tradition).

A profile says how a tradition writes its law: division and article keywords, numbering
patterns, labels, amending phrases, review concepts. Code reads profiles; it never branches
on a language. A profile may `inherits` another and override parts of it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from drafting.errors import DraftingError
from drafting.model.document import Node
from drafting.model.immutable import freeze

FOLDER = Path(__file__).parent


@dataclass(frozen=True)
class Profile:
    id: str
    language: str
    name: str
    data: Mapping[str, Any] = field(repr=False)

    @property
    def unit_kind(self) -> str:
        return str(self.data.get("unit_kind", "article"))

    def section(self, name: str) -> Mapping[str, Any]:
        return self.data.get(name, MappingProxyType({}))

    def label(self, node: Node) -> str:
        """The label a drafter writes before a node's text: "Artículo 24.-", "(a)", "PART II"."""
        if node.label:
            return node.label  # as the source prints it
        if not node.num:
            return ""  # an unnumbered provision has no label unless its source printed one
        pattern = self.section("labels").get(node.kind, "{num}")
        return pattern.replace("{num}", node.num)

    def word(self, name: str, default: Any = "") -> Any:
        return self.section("words").get(name, default)

    def regex(self, table: str, name: str) -> re.Pattern[str]:
        """A pattern of this profile; a list of patterns matches when any of them does."""
        value = self.section(table)[name]
        if isinstance(value, (list, tuple)):
            value = "|".join(f"(?:{v})" for v in value)
        return _compile(self.id, table, name, value)

    def compile(self, where: str, pattern: str) -> re.Pattern[str]:
        """A pattern of this profile named by where it sits ("structure.units[0]"), compiled once."""
        table, _, name = where.partition(".")
        return _compile(self.id, table, name, pattern)


@lru_cache(maxsize=None)
def _compile(profile: str, table: str, name: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise DraftingError(f"bad pattern {table}.{name}: {exc}", source=f"profile {profile}") from None


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, Mapping) and isinstance(out.get(key), Mapping) else value
    return out


def _raw(profile_id: str, seen: tuple[str, ...] = ()) -> dict[str, Any]:
    path = FOLDER / f"{profile_id}.toml"
    if not path.is_file():
        raise DraftingError(f"unknown profile '{profile_id}'; known: {', '.join(available())}")
    if profile_id in seen:
        raise DraftingError(f"profile inheritance cycle: {' → '.join(seen + (profile_id,))}", source=str(path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DraftingError(f"malformed TOML ({exc})", source=str(path)) from None
    # Topic tables may live in a subfolder (profiles/amend/es.toml → data["amend"]), so each
    # feature keeps its phrases in its own file.
    for extra in sorted(FOLDER.glob(f"*/{profile_id}.toml")):
        try:
            data = _merge(data, {extra.parent.name: tomllib.loads(extra.read_text(encoding="utf-8"))})
        except tomllib.TOMLDecodeError as exc:
            raise DraftingError(f"malformed TOML ({exc})", source=str(extra)) from None
    parent = data.pop("inherits", None)
    return _merge(_raw(parent, seen + (profile_id,)), data) if parent else data


@lru_cache(maxsize=None)
def get(profile_id: str) -> Profile:
    data = _raw(profile_id)
    return Profile(id=profile_id, language=data.get("language", ""), name=data.get("name", profile_id), data=freeze(data))


def available() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in FOLDER.glob("*.toml")))


def for_language(language: str) -> Profile:
    """The general profile of a language ("es" → es, "en" → en-commonwealth)."""
    for pid in available():
        profile = get(pid)
        if profile.language == language and profile.data.get("default_for_language", pid == language):
            return profile
    for pid in available():
        if get(pid).language == language:
            return get(pid)
    raise DraftingError(f"no drafting profile for language '{language}'; profiles exist for: "
                        f"{', '.join(sorted({get(p).language for p in available()}))}")
