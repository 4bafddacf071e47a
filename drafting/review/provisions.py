"""The provisions of a statute that a comparison or a review may cite.

A provision is an article-level unit or any provision below it (paragraph, subsection, point),
never a note, never a repealed provision. Text an amending provision quotes is another law's —
except the new wording it inserts into or substitutes in that law (a quoted structure that records
the law it amends): an amending law is credited with what it inserts, so those quoted provisions
are provisions of the amending article, cited as such ("Disposición final sexta, replacing art. 189
of the Código Penal"). Text merely quoted for reference never counts. Each one gets a citation label built from the unit's number
and the labels below it ("7, Párrafo", "4(2)", "3, d)").

"The same provision" for a detector means a node's own text plus the children that complete its
sentence: the points of its list, or the paragraphs after an intro ending in ":" or "—". Separate
paragraphs (a Spanish Párrafo, a Commonwealth subsection) are provisions of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from drafting.errors import DraftingError, InputError
from drafting.model.document import Document, Node, is_unit, walk
from drafting.parse import profiles
from drafting.parse.profiles import Profile

SUB_KINDS = frozenset({"subsection", "paragraph", "subparagraph", "point", "article", "section", "hcontainer"})
SKIP_KINDS = frozenset({"note", "quotedStructure", "crossHeading", "toc", "tocItem"})
AMENDING = frozenset({"insert", "replace"})  # quoted structures whose wording the amending law enacts
INTRO_END = re.compile(r"[:—–\-]\s*$")


@dataclass(frozen=True, slots=True)
class Provision:
    eid: str
    num: str  # citation label: "7", "7, Párrafo", "4(2)(a)", "3, d)"
    unit: str  # eid of the article/section it belongs to (a quoted provision of another law is its own)
    depth: int  # 0 for the unit itself
    parent: str  # eid of the enclosing provision ("" for a unit)
    group: str  # heading of the hcontainer holding the unit ("DISPOSICIONES FINALES"), if any
    inline: bool  # completes its parent's sentence (a point of a list)
    node: Node = field(compare=False, repr=False)
    amends: str = ""  # new wording this law puts into another: "replacing art. 189 of the Código Penal"
    statute: str = ""  # in several statutes reviewed as one legal order: the statute it belongs to
    schedule: str = ""  # an item of a schedule ("Schedule 1"): its number already names the schedule

    @property
    def is_unit(self) -> bool:
        """An article of its own for the review: a unit of the law, or a provision it inserts into another."""
        return self.eid == self.unit

    @property
    def cited_num(self) -> str:
        """Its number as evidence cites it: with its statute in a legal order ("Ley 1146 de 2007, 12")."""
        return f"{self.statute}, {self.num}" if self.statute else self.num

    @property
    def text(self) -> str:
        """All the provision's text, original wording, no labels."""
        return full_text(self.node)


# ---------------------------------------------------------------- tree helpers

def sub_provisions(node: Node, quoted: bool = True) -> Iterator[tuple[Node, bool]]:
    """Direct sub-provisions of `node` (looking through list containers), each with its inline flag;
    without the wording it inserts into another law when not `quoted`."""
    intro = bool(node.wrap_up) or bool(INTRO_END.search(node.text))
    for child in node.children:
        if child.kind == "quotedStructure" and child.name in AMENDING:
            for quoted in child.children if quoted else ():  # new wording for another law: provisions this law enacts
                if quoted.kind in SUB_KINDS and not quoted.repealed:
                    yield quoted, False
            continue
        if child.kind in SKIP_KINDS or child.repealed:
            continue
        if child.kind == "list":
            for item in child.children:
                if item.kind in SUB_KINDS and not item.repealed:
                    yield item, True
        elif child.kind in SUB_KINDS:
            # a definition completes the provision that announces it ("The following definitions apply.")
            yield child, intro or child.kind == "point" or bool(child.defines and node.text)


def own_parts(node: Node) -> tuple[str, ...]:
    """The node's heading, intro and wrap-up (plus loose text children and the intro and wrap-up of
    its lists), non-empty, in reading order."""
    loose = tuple(c.text for c in node.children if c.kind == "text" and c.text)
    lists = [c for c in node.children if c.kind == "list"]
    intros = tuple(c.text for c in lists if c.text)
    tails = tuple(c.wrap_up for c in lists if c.wrap_up)
    return tuple(p for p in (node.heading, node.text, *loose, *intros, *tails, node.wrap_up) if p)


def span_parts(node: Node) -> tuple[str, ...]:
    """'The same provision': own text plus, in reading order, the children that complete its sentence."""
    head = tuple(p for p in (node.heading, node.text) if p)
    loose = tuple(c.text for c in node.children if c.kind == "text" and c.text)
    inner: list[str] = []
    for child in node.children:
        if child.kind == "list" and child.text:
            inner.append(child.text)  # "Whoever—" when a list carries its own intro
        for item, inline in _items(child, node):
            if inline:
                inner.extend(span_parts(item))
        if child.kind == "list" and child.wrap_up:
            inner.append(child.wrap_up)  # "… shall be punished …" after the points
    tail = (node.wrap_up,) if node.wrap_up else ()
    return head + loose + tuple(inner) + tail


def full_parts(node: Node, quoted: bool = True) -> tuple[str, ...]:
    """Every text part of the node and all its sub-provisions (no notes, no text quoted for reference;
    the wording it inserts into another law only when `quoted`)."""
    out = list(p for p in (node.heading, node.text) if p)
    out.extend(c.text for c in node.children if c.kind == "text" and c.text)
    for child in node.children:
        if child.kind == "list" and child.text:
            out.append(child.text)
        for item, _ in _items(child, node, quoted):
            out.extend(full_parts(item, quoted))
        if child.kind == "list" and child.wrap_up:
            out.append(child.wrap_up)
    if node.wrap_up:
        out.append(node.wrap_up)
    return tuple(out)


def _items(child: Node, parent: Node, quoted: bool = True) -> Iterator[tuple[Node, bool]]:
    """The sub-provisions one child of `parent` contributes (sub_provisions, one child at a time)."""
    for item, inline in sub_provisions(Node(kind=parent.kind, text=parent.text, wrap_up=parent.wrap_up,
                                             children=(child,)), quoted):
        yield item, inline


def full_text(node: Node) -> str:
    return " ".join(full_parts(node))


def display_lines(node: Node, profile: Profile, *, heading: bool = False, inline_only: bool = False) -> tuple[str, ...]:
    """The provision as a drafter reads it, one provision per line, labels as written (for diffs).

    `inline_only` keeps only the children that complete its sentence (what alignment matched)."""
    lines = []
    if heading and node.heading:
        lines.append(node.heading)
    if node.text:
        lines.append(node.text)
    for child in node.children:
        if child.kind == "text" and child.text:
            lines.append(child.text)
    for child, inline in sub_provisions(node):
        if inline_only and not inline:
            continue
        sub = display_lines(child, profile, heading=True)
        label = profile.label(child)
        if sub:
            lines.append(f"{label} {sub[0]}".strip())
            lines.extend(sub[1:])
        elif label:
            lines.append(label)
    if node.wrap_up:
        lines.append(node.wrap_up)
    return tuple(lines)


# ---------------------------------------------------------------- enumeration

DEFINED_TERM = re.compile(r"^\s*[\"“‘«]([^\"”’»]{1,60})[\"”’»]")


def _label(node: Node, siblings: list[Node], profile: Profile) -> str:
    if node.num:
        return profile.label(node).strip().rstrip(".-–—").strip()
    term = DEFINED_TERM.match(node.text)
    if term:  # an unnumbered definition is cited by its term: section 2 “child”
        return f"“{term.group(1)}”"
    if node.defines and node.text.startswith(node.defines):  # printed without marks: "child means …"
        return f"“{node.defines}”"
    same = [s for s in siblings if s.kind == node.kind and not s.num]
    unnumbered = profile.section("labels").get(f"{node.kind}_unnumbered", "")
    if unnumbered and len(same) == 1:
        return unnumbered.replace("{num}", "").strip().rstrip(".-–—").strip()
    return f"¶{same.index(node) + 1}" if node in same else "¶"


def _join(base: str, label: str) -> str:
    if label.startswith("("):
        return base + label
    return f"{base} {label}" if label.startswith("“") else f"{base}, {label}"


# The last (document, profile id, provisions): review and align both ask for the same statute. One
# tuple, read and replaced whole, so threads of the app never see a mix of two statutes.
_LAST: list[tuple[Document, str, tuple[Provision, ...]] | None] = [None]


def provisions(document: Document, profile: Profile) -> tuple[Provision, ...]:
    """Every citable provision, in document order."""
    last = _LAST[0]
    if last is not None and last[0] is document and last[1] == profile.id:
        return last[2]
    found = _provisions(document, profile)
    _LAST[0] = (document, profile.id, found)
    return found


def _provisions(document: Document, profile: Profile) -> tuple[Provision, ...]:
    out: list[Provision] = []
    cite = profile.section("review").get("cite", {})

    def visit(node: Node, unit: Node, num: str, depth: int, parent: str, group: str, inline: bool, amends: str,
              statute: str = "", schedule: str = "") -> None:
        out.append(Provision(node.eid, num, unit.eid, depth, parent, group, inline, node, amends, statute, schedule))
        kids = list(sub_provisions(node))
        siblings = [k for k, _ in kids]
        quoted = _quoted_by(node)
        for child, child_inline in kids:
            what = amends
            if child.eid in quoted:  # the new wording of another law's provision
                action, target = quoted[child.eid]
                # a quoted definition or sentence has no label: the provision's heading says what it is
                # ("Section 473.1 (definition of child abuse material)")
                label = profile.label(child).strip().rstrip(".-–—:").strip() or child.heading or node.heading
                if label[:1].isdigit() and child.kind in ("section", "article") and cite.get("bare_unit"):
                    label = str(cite["bare_unit"]).format(label=label)  # "163.2" → "section 163.2"
                pattern = str(cite.get(action, "{action} {label} of {target}"))
                if target[:4].lower() == "the " and "the {target}" in pattern:
                    target = target[4:]  # "The Criminal Code is amended": not "in the The Criminal Code"
                what = pattern.format(action=action, label=label, target=target or cite.get("other_law", "another law"))
            # a quoted provision is another law's: its own article for the review, never sharing the penalty or
            # the scope of the other provisions the same amending article inserts
            visit(child, child if child.eid in quoted else unit,
                  num if child.eid in quoted else _join(num, _label(child, siblings, profile)),
                  depth + 1, node.eid, group, child_inline, what, statute, schedule)

    for node, ancestors in walk(document.body, into_quotes=False):
        if not is_unit(node) or node.repealed or any(a.kind == "quotedStructure" or a.repealed for a in ancestors):
            continue
        if any(is_unit(a) for a in ancestors):
            continue  # a unit nested in a unit is reached through its parent
        statute = next((a.heading for a in ancestors if a.kind == "hcontainer" and a.name == "statute"), "")
        group = next((a.heading for a in reversed(ancestors) if a.kind == "hcontainer" and a.heading
                      and a.name != "statute"), "")
        visit(node, node, node.num or node.heading or node.eid, 0, "", group, False, "", statute)
    # The numbered items of a schedule are provisions of the Act too ("Schedule 1, item 2": an Australian
    # amending Act enacts its amendments there), where the profile says how to cite them.
    item = str(cite.get("schedule_item", ""))
    for attachment in document.attachments if item else ():
        schedule = str(cite.get("schedule", "{num}")).replace("{num}", attachment.num).strip()
        for node, ancestors in walk(attachment.children, into_quotes=False):
            if not is_unit(node) or node.repealed or any(is_unit(a) or a.kind == "quotedStructure" or a.repealed
                                                         for a in ancestors):
                continue
            num = item.replace("{schedule}", schedule).replace("{num}", node.num or node.heading or node.eid)
            visit(node, node, num, 0, "", "", False, "", "", schedule)
    return tuple(out)


def _quoted_by(node: Node) -> dict[str, tuple[str, str]]:
    """eid of each provision inside the amending quotations of `node` → (insert/replace, amended law)."""
    return {q.eid: (child.name, child.target) for child in node.children
            if child.kind == "quotedStructure" and child.name in AMENDING for q in child.children}


def lineage(a: str, b: str) -> bool:
    """Whether two eids are the same provision or one contains the other."""
    return a == b or a.startswith(b + "__") or b.startswith(a + "__")


# ---------------------------------------------------------------- which profile reviews a statute

def review_profile(document: Document) -> Profile:
    """The statute's drafting profile, which must carry review data; a clear error otherwise."""
    where = document.meta.source or document.meta.title or None
    if not document.units():
        raise InputError("the statute has no articles or sections to compare or review (is it empty?)", source=where)
    try:
        profile = profiles.get(document.meta.profile) if document.meta.profile else profiles.for_language(document.meta.language)
    except DraftingError:
        known = sorted({profiles.get(p).language for p in profiles.available() if profiles.get(p).section("review")})
        lang = document.meta.language or "unknown"
        raise InputError(f"no review profile for a statute in language '{lang}'; review profiles exist for: "
                         f"{', '.join(known)}", source=where) from None
    if not profile.section("review").get("criteria"):
        known = sorted({profiles.get(p).language for p in profiles.available() if profiles.get(p).section("review")})
        raise InputError(f"profile '{profile.id}' (language '{profile.language}') has no review data "
                         f"(drafting/parse/profiles/review/); review profiles exist for: {', '.join(known)}", source=where)
    return profile
