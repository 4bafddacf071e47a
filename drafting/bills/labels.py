"""Labels of an assembled bill, in the house style of its jurisdiction.

Writers print `Node.label` exactly as it is and never invent one, so every numbered node of a bill
gets its label here: "Artículo 5.-" (Dominican), "Artículo 5." (Peruvian), "5." (Commonwealth
section), "Párrafo I.-", "a)", "(1)", "CAPÍTULO II", "PART II". The patterns are the profile's
`[labels]`, overridden by the preset's `[furniture.labels]`; a pattern set to "" means the house
does not number that kind of provision (Peruvian paragraphs are plain), so its number goes too.

Text quoted into another law (a gap bill's new articles) takes that law's own style instead: see
`statute_style`, which reads how the amended law labels its articles and whether it numbers
paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Mapping

from drafting.model.document import Document, Node, walk
from drafting.parse.profiles import Profile

# Kinds whose label is the house's pattern rather than the template's own marker: divisions and
# units are numbered by the assembler; paragraphs are "Párrafo I.-" in one house and plain in another.
HOUSE_KINDS = frozenset({"book", "part", "title", "chapter", "section", "subsection", "division", "article",
                         "paragraph", "hcontainer"})


def house_labels(profile: Profile, furniture: Mapping[str, object]) -> dict[str, str]:
    """The label patterns of a jurisdiction's bills: the profile's, with the preset's on top."""
    labels = {k: str(v) for k, v in profile.section("labels").items()}
    labels.update({k: str(v) for k, v in (furniture.get("labels") or {}).items()})  # type: ignore[union-attr]
    return labels


def labelled(nodes: tuple[Node, ...], labels: Mapping[str, str], *, unit_kind: str) -> tuple[Node, ...]:
    """The nodes with a label on every numbered node (quoted structures are left as they are)."""
    return tuple(_label(node, labels, unit_kind) for node in nodes)


def _label(node: Node, labels: Mapping[str, str], unit_kind: str) -> Node:
    if node.kind == "quotedStructure":
        return node
    node = replace(node, children=tuple(_label(c, labels, unit_kind) for c in node.children))
    if node.kind not in HOUSE_KINDS:  # "a)", "1.", "(i)": the marker the clause itself is written with
        if node.num and not node.label:
            return replace(node, label=labels.get(node.kind, "{num}").replace("{num}", node.num))
        return node
    numbered = labels.get(node.kind)
    if numbered == "":  # the house numbers no such provision: Peruvian paragraphs are plain
        return replace(node, num="", label="")
    if node.num:
        return replace(node, label=(numbered or "{num}").replace("{num}", node.num))
    if node.label:  # an unnumbered one that is labelled all the same ("Párrafo.-")
        return replace(node, label=labels.get(f"{node.kind}_unnumbered", node.label))
    return node


def label_document(document: Document, labels: Mapping[str, str], unit_kind: str) -> Document:
    return replace(document, body=labelled(document.body, labels, unit_kind=unit_kind))


# --- the amended law's own style ---------------------------------------------------------------------


@dataclass(frozen=True)
class StatuteStyle:
    """How an amended law labels what a bill inserts into it."""

    article: str  # "Artículo {num}." — from the law's own article labels
    paragraphs: bool  # does the law number its paragraphs ("Párrafo I.-")? If not, inserted ones are plain


def statute_style(statute: Document, fallback: Mapping[str, str], unit_kind: str) -> StatuteStyle:
    """The pattern most of the law's own units use ("Artículo 5-A." → "Artículo {num}."), else the fallback's."""
    counts: dict[str, int] = {}
    numbered_paragraphs = plain_paragraphs = 0
    for unit in statute.units():
        if unit.label and unit.num and unit.num in unit.label and re.search(r"\d", unit.num):
            pattern = unit.label.replace(unit.num, "{num}", 1)
            counts[pattern] = counts.get(pattern, 0) + 1
        # the article's own paragraphs ("Párrafo I.-" or plain), not the items of a list nor definitions
        for node in unit.children:
            if node.kind == "paragraph" and not node.defines:
                if node.label:
                    numbered_paragraphs += 1
                else:
                    plain_paragraphs += 1
    article = max(counts, key=lambda p: (counts[p], p)) if counts else fallback.get(unit_kind, "{num}")
    return StatuteStyle(article=article, paragraphs=numbered_paragraphs >= plain_paragraphs)


def in_statute_style(node: Node, style: StatuteStyle, labels: Mapping[str, str], unit_kind: str) -> Node:
    """A new article as the amended law would print it: its label pattern, and plain paragraphs where
    the law numbers none."""
    own = dict(labels)
    # an ordinal sign belongs to a plain number ("Artículo 4°."), never to "4A"
    own[unit_kind] = style.article if node.num.isdigit() else re.sub(r"\{num\}\s*(?:[°º]|o\.(?=\s|$))", "{num}", style.article)
    worded = bool(re.search(r"[^\W\d_]{3,}", own.get("paragraph", "")))  # "Párrafo {num}.-", not "({num})"
    if style.paragraphs or not worded:
        return _label(node, own, unit_kind)
    # the law's article-level paragraphs are plain: so are the new article's (its list items keep their marks)
    plain = dict(own, paragraph="", paragraph_unnumbered="")
    children = tuple(_label(c, plain, unit_kind) if c.kind == "paragraph" else c for c in node.children)
    return _label(replace(node, children=children), own, unit_kind)


