"""One walk over a Document that decides how a bill is laid out; DOCX and HTML only render it.

`layout(document, profile)` flattens the tree into a tuple of immutable `Block`s: which of our
styles (docx_base.STYLES) a paragraph takes, its label as written (labels are legal text),
its text, and its nesting depth. Keeping the decisions here means the Word file and the web
page of a bill can never disagree about what it says.

Law text only, reproduced, never re-typeset: a label is printed exactly as the node holds it
(the profile's pattern only for a numbered node that has none, never for an unnumbered one);
notes of every kind (an editor's, a former wording, website text) and a table of contents taken
from a source are not printed. House style is applied only to what this toolkit drafts (a bill
that names the preset of its jurisdiction, or a unit whose label we typeset): the full stop after
an article heading, defined terms in bold inside the house's quotation marks. A bill's own
Arrangement of Sections (a `toc` named "arrangement") is part of the bill and is printed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

from drafting.export.docx_base import FONT_SIZE, HANG_CM, HEADING_STYLES, heading_style, provision_style
from drafting.model.document import DIVISION_KINDS, Document, Node, is_unit
from drafting.model.eids import assign_eids
from drafting.parse.profiles import Profile

# The closing mark for an opening one a quoted structure carries (AKN startQuote).
_CLOSE = {"«": "»", "“": "”", "\"": "\"", "‘": "’", "'": "'", "„": "“", "‹": "›"}
_SIGNATURE_NAMES = frozenset({"signature", "person", "role", "location", "date", "docDate"})
_TITLE_NAMES = frozenset({"docTitle", "longTitle"})
_NOT_PROVISIONS = frozenset({"list", "quotedStructure", "table", "note", "text", "crossHeading"})
_NARROW = frozenset("il.,:;()[]-'!|fjtI ")
# The name of the table of contents a bill prints (contract with drafting/bills): any other toc
# is a source's own index, kept in the tree but not law text.
ARRANGEMENT = "arrangement"


def label_fits(label: str) -> bool:
    """Whether a label fits before the hanging text column ("(a)", "12.", "(viii)"; not "Párrafo I.-").

    A rough width in ems of a book serif; a wide label is written run-in instead, so its text
    never jumps to the next default tab stop.
    """
    ems = sum(0.36 if ch in _NARROW else 0.72 if ch.isupper() else 0.62 for ch in label)
    return ems * FONT_SIZE * 2.54 / 72 <= HANG_CM - 0.1


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph (or table, or break) of the laid-out bill.

    kind: "p" a paragraph, "table" a table (`rows`).
    style: one of docx_base.STYLES (HTML derives its CSS class from it).
    label/sep: the label as written and what follows it (a tab in provisions, a space in run-in
    article labels); depth: division depth for headings, level below the unit for provisions.
    eid: the node's id on its first block only (an anchor); toc: the contents-entry text there.
    """

    kind: str
    style: str
    label: str = ""
    text: str = ""
    depth: int = 0
    eid: str = ""
    node_kind: str = ""
    sep: str = "\t"
    bold_label: bool = False
    bold: bool = False
    center: bool = False
    quoted: bool = False
    page_break: bool = False
    toc: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    run_in: bool = False  # a provision whose label is too wide to hang: label, space, text, no indent
    follows: bool = False  # continues the previous block (a division's heading line): no gap between
    inner_style: str = ""  # for a quoted paragraph: the style it would take in the law it joins
    term: str = ""  # a defined term as it stands in `text` (with its quotation marks): printed bold


def direct_indent(block: Block) -> tuple[float, float, float | None] | None:
    """(left, first line, tab stop) in cm where a paragraph style alone cannot say it: a run-in label
    (flush with its parent's text column) and quoted provisions (Quoted Text is one style; the quoted
    law's nesting comes from indents). None: the style's own indents hold."""
    provision = block.style.startswith("Provision") or block.inner_style.startswith("Provision")
    if not provision:
        return None
    base = 1.5 if block.quoted else 0.0  # Quoted Text's own left indent
    if block.run_in:
        return base + (block.depth - 1) * HANG_CM, 0.0, None
    if block.quoted:
        left = base + block.depth * HANG_CM
        return left, -HANG_CM, left
    return None


def layout(document: Document, profile: Profile) -> tuple[Block, ...]:
    """The bill as a flat sequence of blocks, in reading order."""
    return tuple(_Walker(profile, drafted(document)).document(assign_eids(document, keep_existing=True)))


def drafted(document: Document) -> bool:
    """Whether this toolkit drafted the document (an assembled or gap-filling bill names the preset of
    its jurisdiction): only then do the writers apply house style to its words."""
    return bool(document.meta.get("jurisdiction"))


class _Walker:
    def __init__(self, profile: Profile, drafted: bool = False) -> None:
        self.profile = profile
        self.drafted = drafted
        labels = profile.section("labels")
        self.heading_end = str(labels.get("heading_end", ""))
        self.quote_open = str(labels.get("quote_open", "“"))
        self.quote_close = str(labels.get("quote_close", "”"))
        self.term_open = str(labels.get("term_open", self.quote_open))
        self.term_close = str(labels.get("term_close", self.quote_close))
        self.arrangement_heading = str(labels.get("arrangement", "ARRANGEMENT OF SECTIONS"))
        self.repealed = f"[{profile.word('repealed', 'Repealed')}]"

    # --- parts of the document ---------------------------------------------------------------

    def document(self, doc: Document) -> Iterator[Block]:
        yield from self.preface(doc)
        for node in doc.preamble:
            yield from self.preamble(node)
        yield from self.body(doc.body, depth=0, quoted=False)
        for node in doc.conclusions:
            yield from self.conclusion(node)
        for node in doc.attachments:
            yield from self.attachment(node)

    def preface(self, doc: Document) -> Iterator[Block]:
        if not doc.preface and doc.meta.title:
            yield Block("p", "Title", text=doc.meta.title)
            return
        after_arrangement = False
        for node in doc.preface:
            if node.kind == "toc" and node.name == ARRANGEMENT:
                yield from self.arrangement(node)
                after_arrangement = True
                continue
            if not node.law:
                continue  # the source's own table of contents and website text are not printed
            style = "Title" if node.name in _TITLE_NAMES else "Subtitle"
            yield Block("p", style, text=node.text or node.heading, eid=node.eid, node_kind=node.kind,
                        page_break=after_arrangement)
            after_arrangement = False
            yield from self._rest(node, quoted=False)

    def arrangement(self, node: Node) -> Iterator[Block]:
        """The bill's Arrangement of Sections: its heading, then each entry — a division centred on its
        label and heading lines, a section by its label with the heading aligned at the text column."""
        yield Block("p", "Arrangement Heading", text=node.heading or self.arrangement_heading, eid=node.eid,
                    node_kind="toc", bold=True, center=True)
        entries = [item for item in node.children if item.kind == "tocItem"]
        labels = [item.label for item in entries if item.name != "division"]
        run_in = not all(label_fits(label) for label in labels)
        for item in entries:
            if item.name == "division":
                lines = [text for text in (item.label, item.heading) if text]
                for k, text in enumerate(lines):
                    yield Block("p", "Arrangement Division", text=text, node_kind="tocItem", center=True, follows=k > 0)
            else:
                yield Block("p", "Arrangement Entry", label=item.label, text=item.heading or item.text,
                            node_kind="tocItem", sep=" " if run_in else "\t", run_in=run_in)

    def preamble(self, node: Node) -> Iterator[Block]:
        if node.kind in ("recitals", "citations"):
            if node.heading:
                yield Block("p", "Preamble", text=node.heading, eid=node.eid, node_kind=node.kind, bold=True, center=True)
            if node.text:  # "CONSIDERANDO:", "VISTA:"
                yield Block("p", "Preamble", text=node.text, eid="" if node.heading else node.eid,
                            node_kind=node.kind, bold=True)
            for child in node.children:
                yield Block("p", "Preamble", label=self.profile.label(child) if child.num else "", text=child.text,
                            sep=" ", eid=child.eid, node_kind=child.kind)
            return
        if node.kind == "formula":
            yield Block("p", "Preamble", text=node.text, eid=node.eid, node_kind=node.kind, bold=True, center=True)
            return
        yield Block("p", "Preamble", text=node.own_text(), eid=node.eid, node_kind=node.kind)
        yield from self._rest(node, quoted=False)

    def conclusion(self, node: Node) -> Iterator[Block]:
        if not node.law:
            return
        style = "Signature" if node.name in _SIGNATURE_NAMES else "Closing"
        text = node.own_text()
        if text:
            yield Block("p", style, text=text, eid=node.eid, node_kind=node.kind)
        for child in node.children:
            yield from self.conclusion(child)

    def attachment(self, node: Node) -> Iterator[Block]:
        label = self.profile.label(node) if node.num else ""
        first = label or node.heading
        toc = " — ".join(p for p in (label, node.heading) if p)
        if label:
            yield Block("p", "Heading 1", text=label, eid=node.eid, node_kind=node.kind, page_break=True, toc=toc, depth=1)
        if node.heading:
            yield Block("p", "Heading 1", text=node.heading, node_kind=node.kind, depth=1, follows=bool(label),
                        eid="" if label else node.eid, page_break=not label, toc="" if label else toc)
        if not first:
            yield Block("p", "Body Text", page_break=True, eid=node.eid, node_kind=node.kind)
        if node.text:
            yield Block("p", "Body Text", text=node.text, node_kind=node.kind)
        yield from self.body(node.children, depth=1, quoted=False)
        if node.wrap_up:
            yield Block("p", "Body Text", text=node.wrap_up, node_kind=node.kind)

    # --- the body ------------------------------------------------------------------------------

    def body(self, nodes: tuple[Node, ...], depth: int, quoted: bool) -> Iterator[Block]:
        """Nodes outside any unit: divisions, units, and loose blocks between them."""
        for node in nodes:
            if self._is_division(node):
                yield from self.division(node, depth + 1, quoted)
            elif is_unit(node) or node.kind == "hcontainer":
                yield from self.unit(node, depth + 1, quoted)
            elif node.kind == "crossHeading":
                yield self._q(Block("p", heading_style(depth + 1), text=node.heading or node.text, eid=node.eid,
                                    node_kind=node.kind, depth=depth + 1, center=True), quoted)
            else:  # provisions or blocks outside any unit: laid out as a unit's children would be
                yield from self.children((node,), level=1, quoted=quoted)

    def _is_division(self, node: Node) -> bool:
        if node.kind == "hcontainer":  # a grouping hcontainer (no number, holds units) reads as a division
            return not node.num and any(self._is_division(c) or is_unit(c) for c in node.children)
        if node.kind == "subsection":  # Spanish SUBSECCIÓN groups articles; English (1) is a provision
            return any(self._is_division(c) or is_unit(c) for c in node.children)
        return node.kind in DIVISION_KINDS and not is_unit(node)

    def division(self, node: Node, depth: int, quoted: bool) -> Iterator[Block]:
        style = heading_style(depth)
        label = self.profile.label(node)
        heading = self._with_repealed(node.heading, node)
        toc = "" if quoted else " — ".join(p for p in (label, heading) if p)
        lines = [text for text in (label, heading) if text]
        for i, text in enumerate(lines):
            yield self._q(Block("p", style, text=text, depth=depth, eid=node.eid if i == 0 else "", follows=i > 0,
                                node_kind=node.kind, center=True, toc=toc if i == 0 else ""), quoted)
        if node.text:
            yield self._q(Block("p", "Body Text", text=node.text, eid="" if lines else node.eid, node_kind=node.kind), quoted)
        yield from self.body(node.children, depth, quoted)
        if node.wrap_up:
            yield self._q(Block("p", "Body Text", text=node.wrap_up, node_kind=node.kind), quoted)

    def unit(self, node: Node, depth: int, quoted: bool) -> Iterator[Block]:
        label = self.profile.label(node)
        toc = "" if quoted else " ".join(p for p in (label, node.heading) if p)
        text = node.text
        if node.heading:
            heading = node.heading if node.label and not self.drafted else self._end_heading(node.heading)
            heading = self._with_repealed(heading, node)
            yield self._q(Block("p", "Article Heading", label=label, text=heading, sep=" ", depth=depth,
                                eid=node.eid, node_kind=node.kind, toc=toc), quoted)
        elif node.repealed and not text:  # "Artículo 6. [Derogado]": a heading line, as its neighbours
            yield self._q(Block("p", "Article Heading", label=label, text=self.repealed, sep=" ", depth=depth,
                                eid=node.eid, node_kind=node.kind, toc=toc), quoted)
        else:
            text, term = self._term(self._with_repealed(text, node), node)
            if text:  # the label runs in, bold, at the start of the first paragraph
                yield self._q(Block("p", "Body Text", label=label, text=text, sep=" ", bold_label=True, depth=depth,
                                    eid=node.eid, node_kind=node.kind, toc=toc, term=term), quoted)
            elif label:
                yield self._q(Block("p", "Article Heading", label=label, depth=depth, eid=node.eid,
                                    node_kind=node.kind, toc=toc), quoted)
            # an unnumbered container with nothing of its own (a quotation's wrapper) prints no empty line
            text = ""
        if text:
            text, term = self._term(text, node)
            yield self._q(Block("p", "Body Text", text=text, node_kind=node.kind, term=term), quoted)
        yield from self.children(node.children, level=1, quoted=quoted)
        if node.wrap_up:
            yield self._q(Block("p", "Body Text", text=node.wrap_up, node_kind=node.kind), quoted)

    def children(self, nodes: tuple[Node, ...], level: int, quoted: bool, parent_run_in: bool = False) -> Iterator[Block]:
        """What sits inside a unit; `level` is the provision level these nodes take.

        Siblings share one look: if any label is too wide to hang, all of them run in.
        """
        labels = [self.profile.label(n) for n in nodes
                  if n.kind not in _NOT_PROVISIONS and not is_unit(n) and not self._is_division(n)]
        run_in = not all(label_fits(label) for label in labels)
        # Paragraphs none of which is numbered are the unit's running text ("Si el agente …"): flush
        # with it, as the law prints them, not indented as if a label hung before each.
        flush = not any(labels) and any(n.kind == "paragraph" for n in nodes)
        for node in nodes:
            kind = node.kind
            if kind == "list":
                # A list takes no level of its own: its intro and wrap-up continue its parent.
                if node.text:
                    yield self._continuation(node.text, level - 1, node, quoted, parent_run_in, eid=node.eid)
                yield from self.children(node.children, level, quoted, parent_run_in)
                if node.wrap_up:
                    yield self._continuation(node.wrap_up, level - 1, node, quoted, parent_run_in)
            elif kind == "quotedStructure":
                yield from self.quoted(node)
            elif kind == "table":
                yield from self.table(node, quoted)
            elif kind in ("note", "toc", "tocItem"):
                continue  # an editor's note, a former wording, website text, an index: never the law's text
            elif kind == "text":
                yield self._q(Block("p", "Body Text", text=node.own_text(), eid=node.eid, node_kind=kind), quoted)
                yield from self.children(node.children, level, quoted)
            elif is_unit(node) or self._is_division(node):
                yield from self.body((node,), depth=0, quoted=quoted)
            elif kind == "crossHeading":
                yield from self.body((node,), depth=3, quoted=quoted)
            elif flush and kind == "paragraph":
                heading = self._end_heading(node.heading) if node.heading and node.text else node.heading
                text = self._with_repealed(" ".join(p for p in (heading, node.text) if p), node)
                if text:
                    yield self._continuation(text, level - 1, node, quoted, parent_run_in, eid=node.eid)
                yield from self.children(node.children, level, quoted, parent_run_in)
                if node.wrap_up:
                    yield self._continuation(node.wrap_up, level - 1, node, quoted, parent_run_in)
            else:  # paragraph, subsection, point, subparagraph, anything else numbered
                yield from self.provision(node, level, quoted, run_in)

    def provision(self, node: Node, level: int, quoted: bool, run_in: bool) -> Iterator[Block]:
        style = provision_style(level)
        label = self.profile.label(node)
        own, kids = node.text, node.children
        if not own and not node.heading and kids and kids[0].kind == "list" and kids[0].text:
            # "(1) In this Act—" then (a), (b): the list's intro is the provision's own first line
            own, kids = kids[0].text, (replace(kids[0], text=""),) + kids[1:]
        # a paragraph's heading runs in before its text ("Párrafo.- Adquisición. La adquisición …")
        heading = self._end_heading(node.heading) if node.heading and own else node.heading
        text, term = self._term(self._with_repealed(" ".join(p for p in (heading, own) if p), node), node)
        yield self._q(Block("p", style, label=label, text=text, depth=level,
                            eid=node.eid, node_kind=node.kind, run_in=run_in, sep=" " if run_in else "\t",
                            bold_label=run_in, term=term), quoted)
        yield from self.children(kids, level + 1, quoted, run_in)
        if node.wrap_up:
            yield self._continuation(node.wrap_up, level, node, quoted, run_in)

    def quoted(self, node: Node) -> Iterator[Block]:
        """Text an amending provision inserts: laid out as the law it joins, in Quoted Text, in quotes."""
        opening = node.text if node.text else self.quote_open
        closing = _CLOSE.get(opening, self.quote_close) if node.text else self.quote_close
        inner = list(self.body(node.children, depth=0, quoted=True))
        if not inner or inner[0].kind != "p":
            inner.insert(0, Block("p", "Quoted Text", quoted=True))
        if inner[-1].kind != "p":
            inner.append(Block("p", "Quoted Text", quoted=True))
        first, last = inner[0], inner[-1]
        if first.label:
            inner[0] = _replace(first, label=opening + first.label)
        else:
            inner[0] = _replace(first, text=opening + first.text)
        last = inner[-1]
        inner[-1] = _replace(last, text=last.text + closing) if last.text or not last.label else \
            _replace(last, label=last.label + closing)
        if not inner[0].eid:
            inner[0] = _replace(inner[0], eid=node.eid)
        yield from inner

    def table(self, node: Node, quoted: bool) -> Iterator[Block]:
        if node.heading:
            yield self._q(Block("p", "Body Text", text=node.heading, bold=True, eid=node.eid, node_kind="table"), quoted)
        rows = tuple(tuple(cell.own_text() for cell in row.children) for row in node.children if row.kind == "row")
        yield Block("table", "Quoted Text" if quoted else "Body Text", rows=rows,
                    eid="" if node.heading else node.eid, node_kind="table", quoted=quoted)
        if node.text or node.wrap_up:
            yield self._q(Block("p", "Note", text=node.own_text() if not node.heading else " ".join(
                p for p in (node.text, node.wrap_up) if p), node_kind="table"), quoted)

    # --- helpers ---------------------------------------------------------------------------------

    def _continuation(self, text: str, level: int, node: Node, quoted: bool, run_in: bool, eid: str = "") -> Block:
        """Unlabelled text at the text column of provision `level` (0: the unit's own body)."""
        if level <= 0:
            return self._q(Block("p", "Body Text", text=text, eid=eid, node_kind=node.kind), quoted)
        return self._q(Block("p", provision_style(level), text=text, depth=level, eid=eid, node_kind=node.kind,
                             run_in=run_in), quoted)

    def _end_heading(self, heading: str) -> str:
        """"Pornografía infantil" → "Pornografía infantil." (Spanish); never a doubled stop."""
        if not self.heading_end or heading.rstrip().endswith((".", ":", ";", "!", "?", "—", self.heading_end)):
            return heading
        return heading + self.heading_end

    def _term(self, text: str, node: Node) -> tuple[str, str]:
        """A definition we drafted: its term in the house's quotation marks (replacing any it had), and
        that quoted term, for the writers to print bold. A source's definitions are left as printed."""
        if not self.drafted or not node.defines or not text:
            return text, ""
        return quote_term(text, node.defines, self.term_open, self.term_close)

    def _with_repealed(self, text: str, node: Node) -> str:
        if not node.repealed:
            return text
        return f"{text} {self.repealed}" if text else self.repealed

    def _rest(self, node: Node, quoted: bool) -> Iterator[Block]:
        yield from self.children(node.children, level=1, quoted=quoted)

    @staticmethod
    def _q(block: Block, quoted: bool) -> Block:
        """Inside a quoted structure every paragraph takes Quoted Text (keeping its depth)."""
        if not quoted or block.kind != "p":
            return block
        bold = block.bold or block.style == "Article Heading" or block.style in HEADING_STYLES
        return _replace(block, style="Quoted Text", quoted=True, toc="", bold=bold, inner_style=block.style)


_OPENING = {"\"": "\"", "“": "”", "«": "»", "'": "'", "‘": "’", "„": "“", "‹": "›"}


def quote_term(text: str, term: str, opening: str, closing: str) -> tuple[str, str]:
    """(`text` with the first occurrence of `term` in `opening`/`closing` marks, that quoted term).

    Quotation marks already around the term are replaced, so a straight-quoted template comes
    out in the house's marks; a term that does not occur leaves the text as it is."""
    at = text.lower().find(term.strip().lower())
    if at < 0 or not term.strip():
        return text, ""
    end = at + len(term.strip())
    start = at
    before = text[at - 1] if at > 0 else ""
    if before in _OPENING and text[end:end + 1] == _OPENING[before]:
        start, end = at - 1, end + 1
    quoted = f"{opening}{text[at:at + len(term.strip())]}{closing}"
    return text[:start] + quoted + text[end:], quoted


def _replace(block: Block, **changes: object) -> Block:
    return replace(block, **changes)  # type: ignore[arg-type]
