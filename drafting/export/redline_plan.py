"""The redline as rows: which paragraphs of the old and new layout pair up, and how they differ.

Both versions are laid out exactly as the bill writer lays them out (layout.py); the change set
says which provisions correspond; this module cuts each layout into per-provision block ranges
and emits rows in merged reading order: equal, modify (with a word diff), insert, delete,
move_from / move_to. The DOCX redline and the HTML report only render these rows.

The invariant everything rests on: the old-side rows (equal, modify, delete, move_from) are the
old layout's paragraphs in order, and the new-side rows the new layout's — so accepting every
change gives the new text and rejecting every change the old text. Pairing only decides what is
diffed against what; when a tree cannot be cut cleanly, a range is paired block by block instead.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Callable, NamedTuple

from drafting.amend.changes import Change, ChangeSet, top_level
from drafting.errors import DraftingError
from drafting.export.docx_base import clean
from drafting.export.layout import Block, direct_indent, layout
from drafting.model.document import Document, Node, is_unit
from drafting.model.eids import assign_eids
from drafting.parse.profiles import Profile, for_language, get
from drafting.review.worddiff import Diff, word_diff

ROW_OPS = ("equal", "modify", "insert", "delete", "move_from", "move_to")
OLD_SIDE = frozenset({"equal", "modify", "delete", "move_from"})
NEW_SIDE = frozenset({"equal", "modify", "insert", "move_to"})
# Kinds whose wrap-up layout.py writes inside their own paragraph (or not at all), not after the children.
_NO_WRAP_BLOCK = frozenset({"note", "text", "table", "quotedStructure", "crossHeading", "recital", "citation",
                            "recitals", "citations", "formula", "row", "cell"})


@dataclass(frozen=True, slots=True)
class Look:
    """What the bill writer sets on a paragraph besides its style, so the redline looks like the bill:
    centred and bold (an enacting formula), a page break, no gap after the line before (a division's
    heading line), indents in cm (run-in labels, quoted provisions; see layout.direct_indent)."""

    center: bool = False
    bold: bool = False
    page_break: bool = False
    tight: bool = False
    indent: tuple[float, float, float | None] | None = None


PLAIN = Look()


def look_of(block: Block) -> Look:
    look = Look(center=block.center, bold=block.bold, page_break=block.page_break, tight=block.follows,
                indent=direct_indent(block))
    return PLAIN if look == PLAIN else look


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    style: str
    look: Look = PLAIN


@dataclass(frozen=True, slots=True)
class Row:
    """One paragraph of the redline."""

    op: str  # one of ROW_OPS
    style: str
    old: str  # the paragraph in the old version ("" on insert / move_to rows)
    new: str  # ... in the new version ("" on delete / move_from rows)
    diff: Diff = ()  # word diff old → new (modify rows)
    move: int = 0  # moved provisions: the id shared by their move_from and move_to rows
    level: str = ""  # the level of the change the row belongs to ("unit", "paragraph", …)
    change: Change | None = None  # the aligned provision the row belongs to (top-most)
    first: bool = False  # the first row of that provision at this position
    look: Look = PLAIN  # direct formatting (of the new side; of the old one for deletions)


@dataclass(frozen=True, slots=True)
class Plan:
    rows: tuple[Row, ...]
    old_paragraphs: tuple[str, ...]
    new_paragraphs: tuple[str, ...]
    profile: Profile


def resolve_profile(old: Document, new: Document, profile: Profile | str | None = None) -> Profile:
    """The profile given, else the new (or old) version's own, else its language's general one."""
    if isinstance(profile, Profile):
        return profile
    if profile:
        return get(profile)
    for meta in (new.meta, old.meta):
        if meta.profile:
            return get(meta.profile)
    for meta in (new.meta, old.meta):
        if meta.language:
            return for_language(meta.language)
    raise DraftingError("cannot tell which drafting conventions to lay the redline out in: "
                        "neither version names a profile or a language (pass a profile)")


def block_paragraphs(block: Block) -> list[Para]:
    """The paragraph text(s) the bill writer gives a block: label, separator, text (tables: a row each)."""
    if block.kind == "table":
        return [Para(clean("\t".join(row)), block.style) for row in block.rows]
    look = look_of(block)
    label, text = block.label, block.text
    provision = block.style.startswith("Provision") or block.inner_style.startswith("Provision")
    if provision and not label and text and not block.run_in:
        text = "\t" + text  # an unlabelled continuation starts at the text column (as docx.py writes it)
    if label:
        out = label + (block.sep + text if text else "")
    else:
        out = text
    return [Para(clean(out), block.style, look)]


def paragraph_texts(document: Document, profile: Profile) -> list[str]:
    """The document's paragraphs as the redline writes them: what accept-all (or reject-all) must give."""
    return [p.text for block in layout(document, profile) for p in block_paragraphs(block)]


def build(old: Document, new: Document, changes: ChangeSet, profile: Profile) -> Plan:
    old_doc = assign_eids(old, keep_existing=True)
    new_doc = assign_eids(new, keep_existing=True)
    old_side = _Side(old_doc, layout(old_doc, profile))
    new_side = _Side(new_doc, layout(new_doc, profile))
    builder = _Builder(old_side, new_side)
    if not _same_shape(changes, old_side, new_side):
        # The change set was not made from these documents: pair their layouts paragraph by paragraph.
        rows = builder.pair_blocks(_paras(old_side, (0, len(old_side.blocks))), _paras(new_side, (0, len(new_side.blocks))),
                                   None, "block")
    else:
        rows = builder.top(changes)
    return Plan(rows=tuple(rows), old_paragraphs=tuple(old_side.texts()), new_paragraphs=tuple(new_side.texts()),
                profile=profile)


# ---------------------------------------------------------------- cutting a layout into ranges

Range = tuple[int, int]


class _At(NamedTuple):
    """Where a provision stands on one side: the node (with eIds), its block range, its part."""

    node: Node
    rng: Range
    part: str


class _Side:
    """One version: its tree (with eIds), its layout, and the block range of every top-level item."""

    def __init__(self, doc: Document, blocks: tuple[Block, ...]) -> None:
        self.doc = doc
        self.blocks = blocks
        self.pos: dict[str, int] = {}
        for k, block in enumerate(blocks):
            if block.eid and block.eid not in self.pos:
                self.pos[block.eid] = k
        self._first: dict[int, int | None] = {}
        self.items = top_level(doc)
        self.ranges = self._top_ranges()

    def texts(self) -> list[str]:
        return [p.text for block in self.blocks for p in block_paragraphs(block)]

    def first_pos(self, node: Node) -> int | None:
        key = id(node)
        if key not in self._first:
            found = [self.pos[node.eid]] if node.eid in self.pos else []
            found += [p for p in (self.first_pos(c) for c in node.children) if p is not None]
            self._first[key] = min(found) if found else None
        return self._first[key]

    def split(self, node: Node, rng: Range, part: str, top: bool) -> tuple[Range, list[Range], Range] | None:
        """Cut a node's range into its own head blocks, one range per child, and its wrap-up block."""
        start, end = rng
        wraps = bool(node.wrap_up) and node.kind not in _NO_WRAP_BLOCK and part != "conclusions" and not (
            top and part in ("preface", "preamble"))
        inner_end = end - 1 if wraps and end > start else end
        starts = [self.first_pos(c) for c in node.children]
        known = [s for s in starts if s is not None]
        if any(s < start or s >= inner_end for s in known) or known != sorted(set(known)):
            return None
        head_end = known[0] if known else inner_end
        children: list[Range] = []
        for k, s in enumerate(starts):
            if s is None:
                children.append((head_end, head_end))
                continue
            following = next((t for t in starts[k + 1:] if t is not None), inner_end)
            children.append((s, following))
        return (start, head_end), children, (inner_end, end)

    def _top_ranges(self) -> list[Range]:
        tops = [(part, node) for part, nodes in self.doc.parts() for node in nodes]
        starts = [self.first_pos(node) for _, node in tops]
        known = [s for s in starts if s is not None]
        n = len(self.blocks)
        self.ok = known == sorted(set(known))
        self.prefix: Range = (0, known[0] if known else n) if self.ok else (0, n)
        ranges: list[Range] = []
        if not self.ok:
            return [(n, n)] * len(self.items)
        for k, ((part, node), s) in enumerate(zip(tops, starts)):
            following = next((t for t in starts[k + 1:] if t is not None), n)
            self._emit(part, node, (s, following) if s is not None else (following, following), True, ranges)
        return ranges

    def _emit(self, part: str, node: Node, rng: Range, top: bool, out: list[Range]) -> None:
        if is_unit(node):
            out.append(rng)
            return
        cut = self.split(node, rng, part, top)
        if cut is None:  # cannot cut: the head carries the whole range, the items below it none
            out.append(rng)
            out.extend([(rng[1], rng[1])] * _items_below(node))
            return
        head, children, wrap = cut
        out.append(head)
        for child, child_rng in zip(node.children, children):
            self._emit(part, child, child_rng, False, out)
        if node.wrap_up:
            out.append(wrap)


def _items_below(node: Node) -> int:
    """How many top-level items (see amend.top_level) the children and wrap-up of a non-unit node make."""
    def count(n: Node) -> int:
        return 1 if is_unit(n) else 1 + _items_below(n)
    return sum(count(c) for c in node.children) + (1 if node.wrap_up else 0)


def _same_shape(changes: ChangeSet, old: _Side, new: _Side) -> bool:
    """Whether the change set's top-level indices fit these documents."""
    return old.ok and new.ok and _fits(changes.changes, [n for _, n, _, _ in old.items], [n for _, n, _, _ in new.items])


def _fits(changes: tuple[Change, ...], old: list[Node], new: list[Node]) -> bool:
    """Each old and each new node is covered exactly once, by a change naming that very node."""
    def same(a: Node, b: Node) -> bool:  # the eId-assigned copy against the compared original
        return (a.kind, a.num, a.heading, a.text, len(a.children)) == (b.kind, b.num, b.heading, b.text, len(b.children))

    olds, news = [], []
    for c in changes:
        if c.old is not None:
            if not 0 <= c.old_index < len(old) or not same(old[c.old_index], c.old):
                return False
            olds.append(c.old_index)
        if c.new is not None:
            if not 0 <= c.new_index < len(new) or not same(new[c.new_index], c.new):
                return False
            news.append(c.new_index)
    # every node of the law is covered once; a note may be left out (inside a provision notes are
    # never compared, and no note is ever laid out)
    def covers(got: list[int], nodes: list[Node]) -> bool:
        return len(got) == len(set(got)) and {k for k, n in enumerate(nodes) if n.law} <= set(got)

    return covers(olds, old) and covers(news, new)


# ---------------------------------------------------------------- rows

class _Builder:
    def __init__(self, old: _Side, new: _Side) -> None:
        self.old = old
        self.new = new
        self.moves = 0

    def top(self, changes: ChangeSet) -> list[Row]:
        # Blocks before the first provision (a title taken from the metadata) pair on their own.
        rows = self.pair_blocks(_paras(self.old, self.old.prefix), _paras(self.new, self.new.prefix), None, "block")

        def old_of(c: Change) -> _At:
            part, node, _, _ = self.old.items[c.old_index]
            return _At(node, self.old.ranges[c.old_index], part)

        def new_of(c: Change) -> _At:
            part, node, _, _ = self.new.items[c.new_index]
            return _At(node, self.new.ranges[c.new_index], part)

        rows += self._level(changes.changes, old_of, new_of)
        return rows

    def _level(self, changes: tuple[Change, ...], old_of: Callable[[Change], _At],
               new_of: Callable[[Change], _At]) -> list[Row]:
        """Rows of one level in merged reading order: before each in-order pair, the deletions (and
        moved-from provisions) that stood before it in the old text, then the insertions (and
        moved-to ones) that stand before it in the new text."""
        anchors = sorted((c for c in changes if c.old is not None and c.new is not None and c.op != "move"),
                         key=lambda c: c.new_index)
        old_only = sorted((c for c in changes if c.old is not None and (c.new is None or c.op == "move")),
                          key=lambda c: c.old_index)
        new_only = sorted((c for c in changes if c.new is not None and (c.old is None or c.op == "move")),
                          key=lambda c: c.new_index)
        move_ids = {id(c): self._move_id() for c in changes if c.op == "move"}
        rows: list[Row] = []
        o = n = 0
        for anchor in anchors + [None]:
            limit_old = anchor.old_index if anchor else float("inf")
            limit_new = anchor.new_index if anchor else float("inf")
            while o < len(old_only) and old_only[o].old_index < limit_old:
                c = old_only[o]
                rows += self._one_side(_paras(self.old, old_of(c).rng), c, "move_from" if c.op == "move" else "delete",
                                       move_ids.get(id(c), 0))
                o += 1
            while n < len(new_only) and new_only[n].new_index < limit_new:
                c = new_only[n]
                rows += self._one_side(_paras(self.new, new_of(c).rng), c, "move_to" if c.op == "move" else "insert",
                                       move_ids.get(id(c), 0))
                n += 1
            if anchor is not None:
                rows += self._pair(anchor, old_of(anchor), new_of(anchor))
        return rows

    def _pair(self, change: Change, old: _At, new: _At) -> list[Row]:
        """An aligned pair: its own blocks diffed, then its children's level, then its wrap-up."""
        if change.children and change.role == "tree":
            old_cut = self.old.split(old.node, old.rng, old.part, False)
            new_cut = self.new.split(new.node, new.rng, new.part, False)
            if old_cut and new_cut and _fits(change.children, list(old.node.children), list(new.node.children)):
                rows = self.pair_blocks(_paras(self.old, old_cut[0]), _paras(self.new, new_cut[0]), change, change.level)

                def old_child(c: Change) -> _At:
                    return _At(old.node.children[c.old_index], old_cut[1][c.old_index], old.part)

                def new_child(c: Change) -> _At:
                    return _At(new.node.children[c.new_index], new_cut[1][c.new_index], new.part)

                rows += self._level(change.children, old_child, new_child)
                rows += self.pair_blocks(_paras(self.old, old_cut[2]), _paras(self.new, new_cut[2]), change, change.level)
                return rows
        return self.pair_blocks(_paras(self.old, old.rng), _paras(self.new, new.rng), change, change.level)

    def _one_side(self, paras: list[Para], change: Change, op: str, move: int) -> list[Row]:
        if op in ("move_from", "move_to") and not paras:
            return []
        side_old = op in ("delete", "move_from")
        return [Row(op=op, style=p.style, old=p.text if side_old else "", new="" if side_old else p.text, move=move,
                    level=change.level, change=change, first=k == 0, look=p.look) for k, p in enumerate(paras)]

    def pair_blocks(self, old: list[Para], new: list[Para], change: Change | None, level: str) -> list[Row]:
        """Pair two runs of paragraphs: position by position when they line up, else by sequence matching."""
        rows: list[Row] = []

        def both(a: Para, b: Para) -> None:
            first = not rows
            if a.text == b.text:
                rows.append(Row("equal", b.style, a.text, b.text, level=level, change=change, first=first, look=b.look))
            else:
                rows.append(Row("modify", b.style, a.text, b.text, word_diff(a.text, b.text), level=level,
                                change=change, first=first, look=b.look))

        def only(p: Para, op: str) -> None:
            first = not rows
            rows.append(Row(op, p.style, p.text if op == "delete" else "", p.text if op == "insert" else "",
                            level=level, change=change, first=first, look=p.look))

        if len(old) == len(new):
            for a, b in zip(old, new):
                both(a, b)
            return rows
        matcher = difflib.SequenceMatcher(None, [p.text for p in old], [p.text for p in new], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag in ("equal", "replace"):
                common = min(i2 - i1, j2 - j1)
                for k in range(common):
                    both(old[i1 + k], new[j1 + k])
                for a in old[i1 + common:i2]:
                    only(a, "delete")
                for b in new[j1 + common:j2]:
                    only(b, "insert")
            elif tag == "delete":
                for a in old[i1:i2]:
                    only(a, "delete")
            else:
                for b in new[j1:j2]:
                    only(b, "insert")
        return rows

    def _move_id(self) -> int:
        self.moves += 1
        return self.moves


def _paras(side: _Side, rng: Range) -> list[Para]:
    return [p for block in side.blocks[rng[0]:rng[1]] for p in block_paragraphs(block)]
