"""One definitions article out of many definition clauses.

A model-law definitions clause renders as an intro line ("In this Act—", "Para los fines de la
presente ley, se entiende por:") followed by its definitions. A bill has one such article: the
definitions of every clause are gathered under the first clause's intro, in alphabetical order of
the defined term (or in the order the clauses come), and labelled anew. How an intro and an entry
look, and how entries are labelled, is profile data (`[definitions]` in profiles/bill/<id>.toml).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping

from drafting.model.document import Node
from drafting.model.numbering import to_roman
from drafting.parse.profiles import Profile
from drafting.parse.structure import parse_fragment


@dataclass(frozen=True)
class Entry:
    term: str
    lines: tuple[str, ...]  # the entry without its label, then its sub-lines
    order: int  # position in the bill, for "clauses" order


def rules(profile: Profile) -> Mapping[str, object]:
    return profile.section("bill").get("definitions", {})


def split(text: str, profile: Profile) -> tuple[str, tuple[Entry, ...]] | None:
    """(intro, entries) when `text` is a definitions clause in this profile, else None."""
    data = rules(profile)
    if not data.get("intro") or not data.get("entry"):
        return None
    lines = text.splitlines()
    if not lines or not re.match(str(data["intro"]), lines[0].strip(), re.IGNORECASE):
        return None
    entry_rx = re.compile(str(data["entry"]))
    entries: list[list[str]] = []
    terms: list[str] = []
    for line in lines[1:]:
        found = entry_rx.match(line)
        if found:
            entries.append([line[len(found.group("label") or ""):].strip()])
            terms.append(found.group("term"))
        elif entries:
            entries[-1].append(line)
        else:
            return None  # text between the intro and the first definition: not a plain definitions list
    if not entries:
        return None
    return lines[0].strip(), tuple(Entry(t, tuple(e), 0) for t, e in zip(terms, entries))


def sort_key(term: str) -> str:
    folded = unicodedata.normalize("NFD", term.casefold())
    return "".join(c for c in folded if unicodedata.category(c) != "Mn" and (c.isalnum() or c.isspace()))


def label(n: int, style: str) -> str:
    if style == "letter":  # a … z, aa, bb … as Spanish literales run on
        letter = chr(ord("a") + (n - 1) % 26)
        return letter * ((n - 1) // 26 + 1)
    if style == "number":
        return str(n)
    if style == "roman":
        return to_roman(n)
    return ""


def article_body(intro: str, entries: tuple[Entry, ...], profile: Profile, order: str = "") -> tuple[str, tuple[Node, ...]]:
    """The merged article's intro and children, one node per definition (its sub-points nested)."""
    data = rules(profile)
    order = order or str(data.get("order", "alphabetical"))
    if order == "alphabetical":
        entries = tuple(sorted(entries, key=lambda e: (sort_key(e.term), e.order)))
    kind = str(data.get("entry_kind", "paragraph"))
    style = str(data.get("label", "none"))
    label_format = str(data.get("label_format", "") or "")
    ends = data.get("entry_end", {})
    nodes = []
    for n, entry in enumerate(entries, start=1):
        lines = list(entry.lines)
        if ends:  # "…;" between definitions, "…." after the last, wherever the clauses put them
            end = str(ends.get("last" if n == len(entries) else "between", ""))
            lines[-1] = re.sub(r"[;.,]?\s*$", end, lines[-1], count=1) if end else lines[-1]
        text, children, wrap_up = fragment("\n".join(lines), profile)
        num = label(n, style)
        shown = label_format.format(label=num) if num and label_format else ""
        # the definition carries its term (writers set it bold, in the house's quotation marks)
        nodes.append(Node(kind=kind, num=num, label=shown, text=text, children=children, wrap_up=wrap_up,
                          defines=entry.term))
    if data.get("in_list"):
        return intro, (Node(kind="list", children=tuple(nodes)),)
    return intro, tuple(nodes)


def fragment(text: str, profile: Profile) -> tuple[str, tuple[Node, ...], str]:
    """A rendered clause body as the unit's own text, children and wrap-up."""
    return parse_fragment(text, profile)
