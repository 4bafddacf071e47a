"""The amended law's own defined terms in the text a gap bill inserts.

A new offence written with the model law's words ("material de abuso sexual infantil", "sistema
informático") would sit in a law that defines "pornografía infantil" and "sistema de información"
— two names for one thing, and an undefined one. So a model term is replaced by the term the law
defines for the same concept: the concept of each model term, how it is wrapped where the law's
term is of another kind ("material de pornografía infantil" keeps "material" as the noun the
surrounding words agree with), its plural, and how the language makes plurals are data in the
gap-bill profile (`[terms]`, `[pluralize]`); whether a law's term names the concept is decided
by the review's own concept patterns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Mapping

from drafting.model.document import Document, Node, walk


def fold(text: str) -> str:
    """Case and accents folded, spaces collapsed: how two spellings of one term are compared."""
    text = unicodedata.normalize("NFD", text.casefold())
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Mn").split())


def lower_first(term: str) -> str:
    """"Pornografía infantil" → "pornografía infantil"; an acronym or all-capital word stays."""
    first = term.split(" ", 1)[0]
    return term if len(first) > 1 and first.isupper() else term[:1].lower() + term[1:]


@dataclass(frozen=True)
class Definition:
    term: str  # as the law writes it ("Pornografía infantil")
    node: Node  # the provision that defines it
    unit: Node  # the article that holds it


def law_definitions(statute: Document) -> dict[str, Definition]:
    """The terms the law defines in its own articles (not in text it quotes), by folded term."""
    out: dict[str, Definition] = {}
    for unit in statute.units():
        for node, _ in walk((unit,), into_quotes=False):
            if node.defines and fold(node.defines) not in out:
                out[fold(node.defines)] = Definition(node.defines, node, unit)
    return out


def pluralize(term: str, rules: Mapping[str, Any]) -> str:
    """A term in the plural by the language's rules: Spanish makes every word before the first
    preposition plural ("sistema de información" → "sistemas de información"), English the last one."""
    words = term.split(" ")
    stops = {fold(w) for w in rules.get("stop", ())}
    head = next((i for i, w in enumerate(words) if i and fold(w) in stops), len(words))
    which = range(head) if rules.get("which", "all") == "all" else [head - 1]
    endings = [tuple(pair) for pair in rules.get("endings", ())]
    for i in which:
        word = words[i]
        for old, new in endings:
            if fold(word).endswith(fold(old)):
                words[i] = (word[:len(word) - len(old)] if old else word) + new
                break
    return " ".join(words)


@dataclass(frozen=True)
class Substitution:
    model: str  # the model law's term ("material de abuso sexual infantil")
    law: str  # what replaces it ("material de pornografía infantil")
    model_plural: str = ""
    law_plural: str = ""
    defined_as: str = ""  # the law's defined term itself ("pornografía infantil")


def substitutions(law: Mapping[str, Definition], words: Mapping[str, Any], names_concept) -> tuple[Substitution, ...]:
    """For each model term of `words["terms"]`, the law's term for the same concept, if it defines one.

    `names_concept(term, concept)` says whether a term names a concept (the review detector's test)."""
    out: list[Substitution] = []
    rules = words.get("pluralize", {})
    for model, data in (words.get("terms") or {}).items():
        found = _counterpart(model, data, law, names_concept)
        if found is None or fold(found.term) == fold(model):
            continue
        term = lower_first(found.term)
        wrapped = term if fold(term).startswith(fold(str(data.get("keep", "")) or "\0")) else \
            str(data.get("wrap", "{term}")).format(term=term)
        plural = str(data.get("plural", ""))
        out.append(Substitution(model, wrapped, plural, pluralize(wrapped, rules) if plural else "", term))
    return tuple(out)


def counterpart(model: str, data: Mapping[str, Any], law: Mapping[str, Definition], names_concept) -> Definition | None:
    return _counterpart(model, data, law, names_concept)


def _counterpart(model: str, data: Mapping[str, Any], law: Mapping[str, Definition], names_concept) -> Definition | None:
    """The law's definition of the same thing: the same term, or one that names the concept and (unless
    the concept is specific enough on its own) shares the model term's head noun."""
    if fold(model) in law:
        return law[fold(model)]
    concept = str(data.get("concept", ""))
    if not concept:
        return None
    head = fold(model).split(" ")[0]
    for key, definition in law.items():
        if names_concept(definition.term, concept) and (data.get("any_head") or key.split(" ")[0] == head):
            return definition
    return None


def apply(text: str, subs: tuple[Substitution, ...]) -> str:
    """The text with the law's terms in place of the model's (plural forms first, whole words only)."""
    for sub in subs:
        for old, new in ((sub.model_plural, sub.law_plural), (sub.model, sub.law)):
            if old and new:
                text = _replace(text, old, new)
    return text


def _replace(text: str, old: str, new: str) -> str:
    pattern = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)", re.IGNORECASE)

    def one(match: re.Match[str]) -> str:
        found = match.group(0)
        return new[:1].upper() + new[1:] if found[:1].isupper() else new

    return pattern.sub(one, text)
