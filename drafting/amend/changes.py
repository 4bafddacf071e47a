"""Compare two versions of a document provision by provision: the change set behind a redline.

Alignment runs first, at article level across the whole document (so an article that moved to
another chapter is still found), then inside each pair of articles at paragraph and point level.
Words are diffed only inside aligned pairs — never the whole text.

Which old provision became which new one is decided in `pairing` (stable ids, identical content,
headings, sequence alignment of the gaps, similarity for moves); this module builds the items it
pairs and classifies each pair: off the longest in-order chain of pairs → move; same text and
number → unchanged; same text, new number → renumber; text changed → modify (`renumbered` says
whether the number changed too). Unpaired provisions are insertions and deletions.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, replace
from typing import Iterator

from drafting.amend.pairing import Pair, align
from drafting.model.document import DIVISION_KINDS, Document, Meta, Node, is_unit
from drafting.model.eids import GUID_NAMESPACE
from drafting.review.worddiff import NUMERAL, Diff, tokens, word_diff

OPS = ("unchanged", "modify", "insert", "delete", "move", "renumber")
ALIGNED = 50.0  # pairs at least this similar count as "aligned" for the little-aligns warning
LITTLE_ALIGNS = 0.5


@dataclass(frozen=True, slots=True)
class Change:
    """One aligned (or unpaired) provision.

    `role` says what of the node the change covers: "tree" (the node with everything inside it —
    articles and whatever they contain), "head" (a division's or other container's own heading and
    text; its children are separate changes) or "wrap_up" (a container's closing text).
    `old_index`/`new_index` are positions among the aligned siblings (at the top: the document's
    flat list of divisions and units), so a view can rebuild either order. `children` holds the
    changes inside a "tree" pair whose content differs (empty when the content is identical).
    `diff` is the word diff of the provision's text (empty when identical).
    """

    op: str
    level: str  # "unit", "division", "paragraph", "point" or "block" (preface, preamble, …)
    old: Node | None
    new: Node | None
    old_index: int = -1
    new_index: int = -1
    old_path: tuple[str, ...] = ()  # ancestors (eId, or "kind num"), outermost first
    new_path: tuple[str, ...] = ()
    diff: Diff = ()
    whitespace_only: bool = False
    numbering_only: bool = False
    renumbered: bool = False
    text_changed: bool = False
    matched_by: str = ""  # "guid", "text", "heading", "sequence", "similarity"
    similarity: float = 0.0
    part: str = "body"
    role: str = "tree"
    children: tuple["Change", ...] = ()

    @property
    def node(self) -> Node:
        """The node as it stands after the change (the old one for a deletion)."""
        return self.new if self.new is not None else self.old  # type: ignore[return-value]

    @property
    def old_num(self) -> str:
        return self.old.num if self.old is not None else ""

    @property
    def new_num(self) -> str:
        return self.new.num if self.new is not None else ""

    @property
    def moved(self) -> bool:
        return self.op == "move"


@dataclass(frozen=True, slots=True)
class Stats:
    old_units: int
    new_units: int
    aligned_units: int  # pairs by id, same text or similar content (≥ ALIGNED)
    counts: tuple[tuple[str, int], ...]  # op → number of article-level changes

    @property
    def aligned_ratio(self) -> float:
        most = max(self.old_units, self.new_units)
        return self.aligned_units / most if most else 1.0

    def count(self, op: str) -> int:
        return dict(self.counts).get(op, 0)


@dataclass(frozen=True, slots=True)
class ChangeSet:
    changes: tuple[Change, ...]  # top level, in reading order of the merged document
    old_meta: Meta
    new_meta: Meta
    stats: Stats
    warnings: tuple[str, ...] = ()

    def walk(self) -> Iterator[tuple[Change, int]]:
        """Every change, depth first, with its depth (0 = top level)."""
        def visit(changes: tuple[Change, ...], depth: int) -> Iterator[tuple[Change, int]]:
            for change in changes:
                yield change, depth
                yield from visit(change.children, depth + 1)
        yield from visit(self.changes, 0)

    def units(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.level == "unit")

    @property
    def has_changes(self) -> bool:
        return any(c.op != "unchanged" for c in self.changes)


def compare(old: Document, new: Document) -> ChangeSet:
    """Align `old` with `new` and classify every provision (see the module notes)."""
    a_items = _flatten(old)
    b_items = _flatten(new)
    changes = _align_level(a_items, b_items)
    units = [c for c in changes if c.level == "unit"]
    counts: dict[str, int] = {}
    for change in units:
        counts[change.op] = counts.get(change.op, 0) + 1
    aligned = sum(1 for c in units if c.old is not None and c.new is not None and c.similarity >= ALIGNED)
    stats = Stats(
        old_units=sum(1 for i in a_items if i.level == "unit"),
        new_units=sum(1 for i in b_items if i.level == "unit"),
        aligned_units=aligned,
        counts=tuple((op, counts[op]) for op in OPS if op in counts),
    )
    warnings: list[str] = []
    if old.meta.language and new.meta.language and old.meta.language != new.meta.language:
        warnings.append(f"the versions are in different languages ({old.meta.language}, {new.meta.language}): "
                        "a word-by-word comparison is not meaningful")
    if stats.old_units and stats.new_units and stats.aligned_ratio < LITTLE_ALIGNS:
        warnings.append(f"little aligns: {round(stats.aligned_ratio * 100)}% of provisions matched "
                        "— are these versions of the same document?")
    return ChangeSet(changes=tuple(changes), old_meta=old.meta, new_meta=new.meta, stats=stats, warnings=tuple(warnings))


# ---------------------------------------------------------------- items: what gets aligned

@dataclass(slots=True)
class _Item:
    """One provision to align (internal to `compare`; its similarity texts are made on first use)."""

    node: Node
    cls: str  # only items of the same class pair up
    level: str
    role: str
    part: str
    num: str  # normalised number
    raw: str  # content signature as written (own number excluded)
    key: str  # content signature, whitespace-normalised (own number excluded)
    guid: str  # a trusted stable id, or ""
    path: tuple[str, ...]
    work: str  # the document's work URI (GUIDs are judged against it)
    _text: str | None = None
    _head: str | None = None

    @property
    def text(self) -> str:
        """Plain normalised text, for similarity."""
        if self._text is None:
            self._text = _norm(_plain(self.node, self.role)).casefold()
        return self._text

    @property
    def heading(self) -> str:
        return _norm(self.node.heading).casefold() if self.node.heading else ""

    @property
    def head(self) -> str:
        """... of the node's own heading and intro (for a "tree" item; else "")."""
        if self._head is None:
            self._head = _norm(f"{self.node.heading} {self.node.text}").casefold() if self.role == "tree" else ""
        return self._head


def top_level(doc: Document) -> tuple[tuple[str, Node, str, tuple[str, ...]], ...]:
    """What is aligned at the top, in reading order: (part, node, role, path).

    Every unit with its subtree (role "tree"), and every node outside units on its own:
    its heading and text (role "head") and, after its children, its wrap-up ("wrap_up").
    """
    out: list[tuple[str, Node, str, tuple[str, ...]]] = []

    def visit(part: str, nodes: tuple[Node, ...], path: tuple[str, ...]) -> None:
        for node in nodes:
            if is_unit(node):
                out.append((part, node, "tree", path))
                continue
            out.append((part, node, "head", path))
            visit(part, node.children, path + (_ref(node),))
            if node.wrap_up:
                out.append((part, node, "wrap_up", path))

    for part, nodes in doc.parts():
        visit(part, nodes, ())
    return tuple(out)


def _flatten(doc: Document) -> list[_Item]:
    work = doc.meta.work_uri
    items = []
    for part, node, role, path in top_level(doc):
        if role == "tree":
            items.append(_item(node, f"{part}:unit", "unit", role, part, path, work))
        else:
            level = "division" if node.kind in DIVISION_KINDS else "block"
            cls = f"{part}:{node.kind}" + (":wrap" if role == "wrap_up" else "")
            items.append(_item(node, cls, level, role, part, path, work))
    return items


def _children_items(node: Node, path: tuple[str, ...], part: str, work: str) -> list[_Item]:
    """The law's children of a provision (its notes are not law and are never compared)."""
    here = path + (_ref(node),)
    return [_item(child, child.kind, "point" if child.kind == "point" else "paragraph", "tree", part, here, work)
            for child in node.children if child.law]


def _align_children(a: _Item, b: _Item) -> tuple[Change, ...]:
    """The changes inside an aligned pair; their indices are positions among ALL the node's children
    (notes included), so a view can find each child in the tree."""
    old_at = [k for k, child in enumerate(a.node.children) if child.law]
    new_at = [k for k, child in enumerate(b.node.children) if child.law]
    changes = _align_level(_children_items(a.node, a.path, a.part, a.work),
                           _children_items(b.node, b.path, b.part, b.work))
    return tuple(replace(c, old_index=old_at[c.old_index] if c.old is not None else c.old_index,
                         new_index=new_at[c.new_index] if c.new is not None else c.new_index) for c in changes)


def _item(node: Node, cls: str, level: str, role: str, part: str, path: tuple[str, ...], work: str) -> _Item:
    raw = _signature(node, role)
    key = _norm(raw)
    return _Item(node=node, cls=cls, level=level, role=role, part=part, num=_norm_num(node.num), raw=raw, key=key,
                 guid=_trusted_guid(node, work) if role != "wrap_up" else "",
                 path=path, work=work)


def _ref(node: Node) -> str:
    return node.eid or f"{node.kind} {node.num}".strip()


def _signature(node: Node, role: str, mask: bool = False) -> str:
    """Content as one string: heading, text, children (with their numbers), wrap-up, status."""
    if role == "head":
        return "\x01".join((node.heading, node.text, node.status))
    if role == "wrap_up":
        return node.wrap_up
    parts = [node.kind, node.heading, node.text, node.status]
    for child in node.children:
        if not child.law:  # a publisher's note changing is no change of the law
            continue
        parts.append("\x02" + ("#" if mask and child.num else child.num) + "\x03" + _signature(child, "tree", mask))
    parts.append(node.wrap_up)
    return "\x01".join(parts)


def content_text(node: Node, role: str = "tree") -> str:
    """The readable text a change's word diff is made of: heading, text, children with their numbers."""
    if role == "head":
        return " ".join(p for p in (node.heading, node.text) if p)
    if role == "wrap_up":
        return node.wrap_up
    parts = [node.heading, node.text]
    for child in node.children:
        if not child.law:
            continue
        inner = content_text(child)
        parts.append(f"{child.num} {inner}" if child.num and inner else child.num or inner)
    parts.append(node.wrap_up)
    return " ".join(p for p in parts if p)


def _plain(node: Node, role: str) -> str:
    if role == "head":
        return f"{node.heading} {node.text}"
    if role == "wrap_up":
        return node.wrap_up
    return node.full_text()


def _norm(text: str) -> str:
    # Separators in signatures are \x01–\x03, which str.split() does not take for whitespace.
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _norm_num(num: str) -> str:
    if num.isalnum():
        return num.casefold()
    return "".join(ch for ch in unicodedata.normalize("NFKC", num).casefold() if ch.isalnum())


def _masked(item: _Item) -> str:
    """The signature with every number blanked: equal masks mean only numbering changed."""
    text = _norm(_signature(item.node, item.role, mask=True))
    return "".join("#" if NUMERAL.match(t) else t for t in tokens(text))


def _trusted_guid(node: Node, work: str) -> str:
    # assign_eids derives a missing GUID from the work URI and the eId, i.e. from the number: such a
    # GUID says nothing about identity across versions (an inserted article would take over the
    # GUID of the one it pushed down). Only a GUID that differs from that derivation was carried over.
    if not node.guid:
        return ""
    if node.eid and node.guid == str(uuid.uuid5(GUID_NAMESPACE, f"{work}#{node.eid}")):
        return ""
    return node.guid


# ---------------------------------------------------------------- classification

def _align_level(a: list[_Item], b: list[_Item]) -> list[Change]:
    pairs, moved = align(a, b)
    paired_b = {p.j for p in pairs}
    paired_a = {p.i for p in pairs}
    in_order = sorted((p for p in pairs if p.i not in moved), key=lambda p: p.j)
    pair_changes = {p.j: _pair_change(a[p.i], b[p.j], p, p.i in moved) for p in pairs}
    deletes = [(i, _single("delete", a[i], i)) for i in range(len(a)) if i not in paired_a]
    inserts = {j: _single("insert", b[j], j) for j in range(len(b)) if j not in paired_b}
    # Merged reading order: before each in-order pair, the deletions that stood before it in the
    # old text, then the insertions and moves that stand before it in the new one.
    out: list[Change] = []
    d = 0
    j_next = 0

    def emit_new_until(limit: int) -> None:
        nonlocal j_next
        while j_next < limit:
            if j_next in inserts:
                out.append(inserts[j_next])
            elif j_next in pair_changes and pair_changes[j_next].op == "move":
                out.append(pair_changes[j_next])
            j_next += 1

    for p in in_order:
        while d < len(deletes) and deletes[d][0] < p.i:
            out.append(deletes[d][1])
            d += 1
        emit_new_until(p.j)
        out.append(pair_changes[p.j])
        j_next = p.j + 1
    out.extend(change for _, change in deletes[d:])
    emit_new_until(len(b))
    return out


def _single(op: str, item: _Item, index: int) -> Change:
    text = content_text(item.node, item.role)
    diff = ((-1 if op == "delete" else 1, text),) if text else ()
    if op == "delete":
        return Change(op=op, level=item.level, old=item.node, new=None, old_index=index, old_path=item.path,
                      diff=diff, text_changed=True, part=item.part, role=item.role)
    return Change(op=op, level=item.level, old=None, new=item.node, new_index=index, new_path=item.path,
                  diff=diff, text_changed=True, part=item.part, role=item.role)


def _pair_change(a: _Item, b: _Item, pair: Pair, moved: bool) -> Change:
    renumbered = a.num != b.num
    # A number rewritten without changing its value ("5" → "5.") is a change of text, not a renumbering.
    text_changed = a.raw != b.raw or (a.node.num != b.node.num and not renumbered)
    # Flags describe the change of text; a new number is `renumbered`, and alone it is numbering only.
    whitespace_only = text_changed and a.key == b.key and _norm(a.node.num) == _norm(b.node.num)
    if a.raw != b.raw and a.key == b.key:
        whitespace_only = True
    numbering_only = not whitespace_only and (renumbered or text_changed) and (a.raw == b.raw or _masked(a) == _masked(b))
    children: tuple[Change, ...] = ()
    if a.role == "tree" and a.raw != b.raw and (a.node.children or b.node.children):
        children = _align_children(a, b)
    diff = word_diff(content_text(a.node, a.role), content_text(b.node, b.role)) if text_changed else ()
    op = "move" if moved else "modify" if text_changed else "renumber" if renumbered else "unchanged"
    return Change(op=op, level=b.level, old=a.node, new=b.node, old_index=pair.i, new_index=pair.j,
                  old_path=a.path, new_path=b.path, diff=diff, whitespace_only=whitespace_only,
                  numbering_only=numbering_only, renumbered=renumbered, text_changed=text_changed,
                  matched_by=pair.how, similarity=round(pair.score, 1), part=b.part, role=b.role,
                  children=children)
