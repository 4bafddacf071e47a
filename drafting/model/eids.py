"""Akoma Ntoso eIds and stable GUIDs for a document tree.

eIds follow the AKN naming convention: `<prefix>_<num>` joined by `__` down the tree
(`art_24__para_1__list_1__point_a`). Article-level units are unique in a document, so their
eIds do not repeat the divisions above them (`art_24`, not `title_I__chp_2__art_24`); an
article moved to another chapter keeps its eId. Inside a quoted structure or an attachment the
prefix is kept, so quoted articles never clash with the law's own. Unnumbered provisions get
`nn_<counter>`; elements that are never numbered (lists, recitals, notes) get a counter.
"""

from __future__ import annotations

import unicodedata
import uuid
from functools import lru_cache
from dataclasses import replace

from drafting.model.document import DIVISION_KINDS, Document, Node, is_unit

PREFIXES = {
    "part": "part", "book": "book", "title": "title", "chapter": "chp", "section": "sec",
    "subsection": "subsec", "subchapter": "subchp", "division": "dvs", "subdivision": "subdvs", "article": "art",
    "paragraph": "para", "subparagraph": "subpara", "point": "point", "list": "list",
    "recitals": "recitals", "recital": "recital", "citations": "citations", "citation": "citation",
    "formula": "formula", "crossHeading": "crossHeading", "quotedStructure": "qstr", "note": "note",
    "text": "hcontainer", "hcontainer": "hcontainer", "table": "table", "attachment": "att",
    "toc": "toc", "tocItem": "tocItem",
}
# Kinds that are numbered in drafting practice: an unnumbered one is `nn`, not just a counter.
NUMBERED = frozenset(DIVISION_KINDS + ("article", "paragraph", "subparagraph", "point", "recital", "attachment"))
NO_EID = frozenset({"row", "cell"})
GUID_NAMESPACE = uuid.UUID("6f1f8a52-3d0e-5b8c-9a57-2f1d0c4e7b11")


@lru_cache(maxsize=65536)
def clean_num(num: str) -> str:
    """The number part of an eId: outer punctuation and all spaces stripped, inner punctuation → '-'."""
    def is_punct(ch: str) -> bool:
        return unicodedata.category(ch).startswith(("P", "S"))

    text = "".join(num.split())
    start, end = 0, len(text)
    while start < end and is_punct(text[start]):
        start += 1
    while end > start and is_punct(text[end - 1]):
        end -= 1
    return "".join("-" if is_punct(ch) else ch for ch in text[start:end])


def assign_eids(doc: Document, keep_existing: bool = False) -> Document:
    """Give every node a unique eId (and a GUID when it has none).

    With `keep_existing`, nodes that already carry an eId keep it (a stored document read
    back); clashes are still resolved so eIds stay unique.
    """
    used: set[str] = set()
    work = doc.meta.work_uri
    # GUIDs a document already carries are identities from earlier versions: a new one never repeats them.
    carried = {node.guid for node, _ in doc.walk() if node.guid}

    def assign(nodes: tuple[Node, ...], prefix: str, unit_prefix: str) -> tuple[Node, ...]:
        counters: dict[str, int] = {}
        out = []
        for node in nodes:
            if node.kind in NO_EID:
                out.append(replace(node, children=assign(node.children, prefix, unit_prefix)))
                continue
            base = unit_prefix if is_unit(node) else prefix
            own = node.eid if keep_existing and node.eid else _join(base, _component(node, counters))
            eid = _unique(own, used)
            guid = node.guid or _new_guid(work, eid, carried)
            # Below a division, units are addressed from the nearest non-division ancestor.
            child_unit_prefix = unit_prefix if node.kind in DIVISION_KINDS and not is_unit(node) else eid
            out.append(replace(node, eid=eid, guid=guid, children=assign(node.children, eid, child_unit_prefix)))
        return tuple(out)

    return replace(
        doc,
        preface=assign(doc.preface, "preface", "preface"),
        preamble=assign(doc.preamble, "preamble", "preamble"),
        body=assign(doc.body, "", ""),
        conclusions=assign(doc.conclusions, "conclusions", "conclusions"),
        attachments=assign(doc.attachments, "", ""),
    )


def _new_guid(work: str, eid: str, carried: set[str]) -> str:
    """Derived from the eId, so a first import always gives the same GUIDs, unless a carried GUID has it

    (a new article 5 inserted before the old one, now 6, whose GUID was derived from art_5).
    """
    guid, n = str(uuid.uuid5(GUID_NAMESPACE, f"{work}#{eid}")), 1
    while guid in carried:
        n += 1
        guid = str(uuid.uuid5(GUID_NAMESPACE, f"{work}#{eid}#{n}"))
    return guid


def _component(node: Node, counters: dict[str, int]) -> str:
    prefix = PREFIXES[node.kind]
    num = clean_num(node.num)
    if num:
        return f"{prefix}_{num}"
    counters[prefix] = counters.get(prefix, 0) + 1
    return f"{prefix}_nn_{counters[prefix]}" if node.kind in NUMBERED else f"{prefix}_{counters[prefix]}"


def _join(prefix: str, component: str) -> str:
    return f"{prefix}__{component}" if prefix else component


def _unique(eid: str, used: set[str]) -> str:
    candidate, n = eid, 1
    while candidate in used:
        n += 1
        candidate = f"{eid}-{n}"
    used.add(candidate)
    return candidate
