"""The body grammar: lines → provisions, driven by a drafting-convention profile.

The parser walks the lines once. Each line is classified by the profile's patterns (division,
group of dispositions, article/section, paragraph and point levels, note); anything else is text
that joins the provision being built. Nothing is dropped: text the grammar cannot place becomes
a `text` node and a warning with its line.

Text that an amending provision quotes from another law ("…en los siguientes términos:") is
parsed into a quoted structure inside that provision, so quoted articles never count as the
law's own. The quote ends at the next provision of the host law: a number that continues the
host's sequence, the next ordinal disposition, a group heading, or the conclusions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from drafting.model.document import DEBRIS, EDITORIAL, SUPERSEDED, Node
from drafting.model.numbering import cardinal_value, follows, num_key, num_system
from drafting.parse.conventions import DEBRIS as DEBRIS_ROLE
from drafting.parse.conventions import NOTE as NOTE_ROLE
from drafting.parse.conventions import QUOTED, Conventions, clean_num, is_division, match_unit, unit_styles
from drafting.parse.definitions import bare_term
from drafting.parse.lines import Line
from drafting.parse.profiles import Profile

TERMINAL = tuple(".:;!?»”\"")
_AFTER_SENTENCE = re.compile(r"[.;]\s*\([^()]{1,60}\)$")  # the other language's term after a definition
TAIL = 80  # how much of a text's end _AFTER_SENTENCE needs to see
QUOTE_OPEN = ("«", "“", '"')
QUOTE_CLOSE = ("»", "”", '"')
UNIT_RANK = 100
INTRO_WINDOW = 1000  # characters at the end of a provision searched for an amending intro ("… queda así:")
_HEADING_STOP = re.compile(r"\.(?:\s*[-–—])?\s+(?=\S)")  # the full stop after an inline heading
MAX_INLINE_MARKERS = 64  # provision markers read from one line ("(a) (b) (c) …"); the rest stays text


@dataclass(frozen=True)
class Warning:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class _Open:
    """A node under construction (mutable only inside the parser)."""

    kind: str
    rank: int
    num: str = ""
    heading: str = ""
    text: str = ""
    children: list["_Open | Node"] = field(default_factory=list)
    wrap_up: str = ""
    status: str = ""
    name: str = ""
    label: str = ""
    line: int = 0
    level_type: str = ""  # the marker type of a point level, or "" for units/divisions
    implicit: bool = False  # an unnumbered paragraph the parser made from a plain text line
    quote: "_Quote | None" = None

    def freeze(self) -> Node:
        children = tuple(c.freeze() if isinstance(c, _Open) else c for c in self.children)
        text = self.text
        # "Intro + implicit paragraphs" reads better as paragraphs all along.
        if text and self.rank == UNIT_RANK and self.children and isinstance(self.children[0], _Open) and self.children[0].implicit:
            children = (Node(kind="paragraph", text=text, line=self.line),) + children
            text = ""
        return Node(kind=self.kind, num=self.num, heading=self.heading, text=text, children=children,
                    wrap_up=self.wrap_up, status=self.status, name=self.name, label=self.label, line=self.line)


@dataclass
class _Quote:
    """Lines quoted by an amending provision, parsed when the quote closes."""

    lines: list[Line] = field(default_factory=list)
    marks: bool = False  # opened with a quotation mark: close on the matching mark


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").upper()


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def heading_like(text: str, line: Line) -> bool:
    """Could this line be the heading of the division named on the line before it?"""
    words = text.split()
    if not words or len(words) > 25:
        return False
    if is_upper(text) or emphatic(line):
        return True
    # "CAPÍTULO II" / "De las infracciones": a short line in sentence case, not a sentence.
    return len(words) <= 15 and text[:1].isupper() and not text.rstrip().endswith((".", ";", ":", ","))


def emphatic(line: Line) -> bool:
    style = line.style.lower()
    return line.bold or style.startswith("h") or "heading" in style or style == "title"


class BodyParser:
    """Lines → provisions. With `conventions` (a whole document), which lines open units, which are
    notes, debris or quotations was decided beforehand from the whole text; without them (a model
    clause, a quotation) labels are recognised as they come."""

    def __init__(self, profile: Profile, warnings: list[Warning], conventions: Conventions | None = None) -> None:
        self.p = profile
        self.s = profile.section("structure")
        self.warnings = warnings
        self.conv = conventions
        self.styles = unit_styles(profile)
        self.secondary_styles = frozenset(s.name for s in self.styles if s.secondary)
        self.root = _Open(kind="hcontainer", rank=-100)
        self.stack: list[_Open] = [self.root]
        self.division_order = list(self.s.get("division_order", ()))
        self.levels = list(self.s.get("levels", ()))
        self.pending_heading: Line | None = None
        self.cross_heading_text = ""  # the last heading over a group of units ("Criminal Code Act 1995")
        self.merged_heading = ""  # the heading line of the unit that follows ("##### 5. Producing …")
        self.expect_division_heading: _Open | None = None
        self.last_text: tuple[_Open, str] | None = None  # where a wrapped line continues
        self.last_line: Line | None = None
        self.units: list[tuple[str, int]] = []
        self.seen_units: dict[str, int] = {}
        self.unit_nodes: dict[int, _Open] = {}  # Line.number → the unit it opened
        self.superseded: tuple[int, int, list[str]] | None = None  # (unit line, last line, collected lines)
        self.definition_holder: _Open | None = None  # the provision whose definitions are being listed
        defs = profile.section("definitions").get("quoted")
        self.definition_rx = profile.compile("definitions.quoted", defs) if defs else None
        rules = profile.section("definitions")
        self.bare_definition_rx = profile.compile("definitions.bare", rules["bare"]) if rules.get("bare") else None
        self.definitions_context = profile.compile("definitions.context", rules["context"]) if rules.get("context") else None
        self.pending_superseded: dict[int, list[Node]] = {}  # unit line → superseded notes waiting for it
        editorial = profile.section("editorial")
        self.notes_on_next = profile.regex("editorial", "notes_on_next") if editorial.get("notes_on_next") else None
        self.notes_ahead: list[Line] = []  # notes printed above the unit they concern, waiting for its label

    # ---------------------------------------------------------------- helpers
    def rx(self, name: str) -> re.Pattern[str] | None:
        pattern = self.s.get(name, "")
        return self.p.regex("structure", name) if pattern else None

    @property
    def top(self) -> _Open:
        return self.stack[-1]

    def unit(self) -> _Open | None:
        for node in reversed(self.stack):
            if node.rank == UNIT_RANK:
                return node
        return None

    def close_to(self, rank: int) -> None:
        """Close open nodes until the top ranks below `rank`."""
        while len(self.stack) > 1 and self.top.rank >= rank:
            self.stack.pop()

    def push(self, node: _Open) -> None:
        self.top.children.append(node)
        self.stack.append(node)

    def warn(self, line: Line | int, message: str) -> None:
        self.warnings.append(Warning(line if isinstance(line, int) else line.number, message))

    def set_text(self, node: _Open, attr: str, text: str) -> None:
        current = getattr(node, attr)
        setattr(node, attr, f"{current} {text}".strip() if current else text)
        self.last_text = (node, attr)

    # ---------------------------------------------------------------- lines
    def feed(self, line: Line) -> None:
        if self.superseded is not None or (self.conv is not None and line.number in self.conv.superseded):
            self.collect_superseded(line)
            self.last_line = line
            return
        quote = self.open_quote()
        if quote is not None:
            if self.ends_quote(line, quote):
                self.close_quote()
            else:
                quote.lines.append(line)
                self.last_line = line
                return
        if self.conv is not None and self.conv.role(line) == NOTE_ROLE and self.notes_on_next is not None \
                and self.notes_on_next.match(line.text.strip()):
            self.notes_ahead.append(line)  # "(ADICIONADO, P.O. …)" above the article it concerns
            self.last_line = line
            return
        if self.notes_ahead and line.text.strip() and not (self.conv is not None and line.number in self.conv.units):
            self.flush_notes_ahead()  # no unit came next: the notes stay where they were printed
        if self.conv is not None and self.conv.role(line) in (NOTE_ROLE, DEBRIS_ROLE):
            self.note(line, line.text.strip(), DEBRIS if self.conv.role(line) == DEBRIS_ROLE else EDITORIAL)
            self.last_line = line
            return
        if line.table is not None:
            self.flush_pending()
            rows = tuple(Node(kind="row", children=tuple(Node(kind="cell", text=c) for c in row)) for row in line.table)
            self.top.children.append(Node(kind="table", children=rows, line=line.number))
            self.last_text = None
            self.last_line = line
            return
        text = line.text.strip()
        if not text:
            return
        if self.conv is not None and line.number in self.conv.cross_headings:
            self.cross_heading(line, text)
            return
        if self.conv is not None and line.number in self.conv.trailing_headings:
            holder = self.unit_nodes.get(self.conv.trailing_headings[line.number])
            if holder is not None and not holder.heading:
                holder.heading = text.rstrip(".").strip()  # a margin note printed after the section's first words
                self.last_line = line
                return
        if self.conv is not None and line.number in self.conv.margin_headings:
            self.flush_pending()
            self.pending_heading = line  # the heading of the unit on the next line
            self.last_line = line
            return
        if self.conv is not None and line.number in self.conv.headings:
            self.flush_pending()
            found = match_unit(text, self.styles, in_group=True)
            self.merged_heading = (found[1].group("rest") or "").strip() if found else ""
            self.annotate(line)
            self.last_line = line
            return
        handled = (
            self.try_division(line, text)
            or self.try_division_heading(line, text)
            or self.try_group(line, text)
            or self.try_unit(line, text)
            or self.try_note(line, text)
            or self.try_level(line, text)
        )
        if not handled:
            self.plain(line, text)
        self.annotate(line)
        self.last_line = line

    def annotate(self, line: Line) -> None:
        """Annotation markers removed from this line ("F3[") become notes on its unit."""
        if self.conv is None:
            return
        markers = self.conv.annotations.get(line.number)
        if markers:
            holder = self.top if self.unit() is not None else self.top
            for marker in markers:
                holder.children.append(Node(kind="note", text=marker, name=EDITORIAL, line=line.number))

    def cross_heading(self, line: Line, text: str) -> None:
        """A heading over the sections that follow ("Offences"): it closes the section before it."""
        self.flush_pending()
        self.close_to(UNIT_RANK)
        self.top.children.append(Node(kind="crossHeading", heading=text, line=line.number))
        self.cross_heading_text = text
        self.expect_division_heading = None
        self.last_text = None
        self.last_line = line

    def flush_pending(self) -> None:
        if self.pending_heading is not None:
            line, self.pending_heading = self.pending_heading, None
            self.plain(line, line.text.strip(), allow_pending=False)

    # ---------------------------------------------------------------- divisions
    def try_division(self, line: Line, text: str) -> bool:
        rx = self.rx("division")
        match = rx.match(text) if rx else None
        if not match:
            return False
        if not is_division(rx, line):
            return False
        kind = self.division_kind(match.group("kw"))
        if kind is None:
            return False
        self.flush_pending()
        rank = self.division_order.index(kind)
        self.close_to(rank)
        label = text[:match.start("heading")].strip() if match.group("heading") else text.strip()
        node = _Open(kind=kind, rank=rank, num=match.group("num"), heading=match.group("heading").strip(" .:-–—"),
                     label=label, line=line.number)
        self.push(node)
        self.expect_division_heading = node if not node.heading else None
        self.last_text = (node, "heading") if node.heading else None
        return True

    def division_kind(self, keyword: str) -> str | None:
        kind = self.s.get("division_kinds", {}).get(_fold(keyword))
        return kind if kind in self.division_order else None

    def try_division_heading(self, line: Line, text: str) -> bool:
        """The line right after "CAPÍTULO VII" is its heading, even when it reads like a group."""
        division = self.expect_division_heading
        if division is None:
            return False
        if self.is_unit_line(line, text):
            return False
        self.expect_division_heading = None
        if heading_like(text, line):
            division.heading = text.strip(" .:")
            self.last_text = (division, "heading")
            return True
        return False

    def try_group(self, line: Line, text: str) -> bool:
        rx = self.rx("group")
        match = rx.match(text) if rx else None
        if not match or not is_upper(text):
            return False
        if self.conv is not None and line.number in self.conv.units:
            return False
        self.flush_pending()
        self.close_to(0)
        folded = _fold(text)
        name = next((n for key, n in self.s.get("group_names", {}).items() if key in folded), "provisions")
        self.push(_Open(kind="hcontainer", rank=0, heading=match.group("heading").strip(), name=name, line=line.number))
        self.expect_division_heading = None
        self.last_text = None
        return True

    # ---------------------------------------------------------------- units
    def in_group(self) -> bool:
        return any(n.kind == "hcontainer" and n.rank == 0 for n in self.stack)

    def secondary_unit(self, line: Line) -> bool:
        """Whether the unit on this line is of a secondary style (a Spanish law's dispositions)."""
        cand = self.conv.units.get(line.number) if self.conv is not None else None
        return cand is not None and cand.style in self.secondary_styles

    def unit_label(self, line: Line, text: str) -> tuple[str, str, str, str] | None:
        """(num, label, rest, kind) when this line opens a unit."""
        if self.conv is not None:
            cand = self.conv.units.get(line.number)
            if cand is None:
                return None
            return cand.num, cand.label, cand.rest, cand.kind
        found = match_unit(text, self.styles, in_group=self.in_group())
        if found is None:
            return None
        style, match = found
        return clean_num(match.group("num")), match.group("label").strip(), (match.group("rest") or "").strip(), style.kind

    def is_unit_line(self, line: Line, text: str) -> bool:
        if self.conv is not None:
            return line.number in self.conv.units
        return match_unit(text, self.styles, in_group=self.in_group()) is not None

    def try_unit(self, line: Line, text: str) -> bool:
        found = self.unit_label(line, text)
        if found is None:
            return False
        num, label, rest, kind = found
        self.expect_division_heading = None
        heading_line = self.pending_heading
        self.pending_heading = None
        self.close_to(UNIT_RANK)
        if self.secondary_unit(line) and not self.in_group():
            self.close_to(0)  # "Disposición final primera." after the titles: outside the last title and chapter
        node = _Open(kind=kind or self.p.unit_kind, rank=UNIT_RANK, num=num, label=label, line=line.number)
        if self.merged_heading:
            node.heading, self.merged_heading = self.merged_heading.rstrip(" .—–-").strip(), ""
        elif heading_line is not None:
            node.heading = heading_line.text.strip().rstrip(".").strip()
        self.push(node)
        self.definition_holder = None
        self.unit_nodes[line.number] = node
        node.children.extend(Node(kind="note", text=n.text.strip(), name=EDITORIAL, line=n.number) for n in self.notes_ahead)
        self.notes_ahead = []
        node.children.extend(self.pending_superseded.pop(line.number, []))
        self.check_sequence(num, line, kind == "article" and self.p.unit_kind != "article" or not num[:1].isdigit())
        self.unit_rest(node, rest, line)
        return True

    def check_sequence(self, num: str, line: Line, ordinal: bool) -> None:
        if ordinal and not num[:1].isdigit():
            return
        previous = self.units[-1][0] if self.units else None
        if previous is not None and num_system(previous) != num_system(num):
            previous = None  # a new numbering starts (a preliminary title in roman numerals, then 1, 2, …)
        if num in self.seen_units:
            self.warn(line, f"article {num} appears again (first at line {self.seen_units[num]})")
        elif previous is not None and not follows(previous, num):
            key_prev, key_now = num_key(previous), num_key(num)
            if key_prev is not None and key_now is not None and key_now < key_prev:
                self.warn(line, f"article {num} is out of order (after {previous})")
            elif key_prev is not None and key_now is not None:
                self.warn(line, f"numbering gap: article {num} follows {previous}")
        self.units.append((num, line.number))
        self.seen_units.setdefault(num, line.number)

    def unit_rest(self, node: _Open, rest: str, line: Line) -> None:
        """Split what follows an article label into heading, text and an inline first marker."""
        rest = rest.lstrip("—–").strip() if rest.startswith(("—", "–")) else rest
        if not rest:
            self.last_text = None
            return
        repealed = self.rx("repealed")
        if repealed and repealed.match(rest):
            node.status = "repealed"
            self.last_text = None
            return
        inline = self.rx("inline_heading")
        if inline and not node.heading:
            match = inline.match(rest)
            if match and (self.marker_level(match.group("more").strip()) or self.short_heading(match.group("heading"))):
                node.heading = match.group("heading").strip()
                more = match.group("more").strip()
                if self.marker_level(more):
                    self.feed_level_text(more, line)
                elif more:
                    self.set_text(node, "text", more)
                return
        if self.marker_level(rest):
            self.feed_level_text(rest, line)
            return
        heading, text = self.split_heading(rest, line) if not node.heading else ("", rest)
        if heading:
            if repealed and repealed.match(heading):
                node.status = "repealed"
            else:
                node.heading = heading
        if text:
            if repealed and repealed.match(text):
                node.status = "repealed"
                self.last_text = None
            elif self.marker_level(text):
                self.feed_level_text(text, line)
            else:
                self.set_text(node, "text", text)
        else:
            self.last_text = (node, "heading") if heading and not emphatic(line) and not heading.endswith(TERMINAL) else None

    def short_heading(self, text: str) -> bool:
        words = text.split()
        starters = set(self.p.word("sentence_starters", ()))
        return 0 < len(words) <= int(self.s.get("max_heading_words", 12)) and text[:1].isupper() \
            and words[0].lower().strip("\"'“(") not in starters

    def split_heading(self, rest: str, line: Line, whole: bool = True) -> tuple[str, str]:
        """"Definiciones. Para los fines …" → heading and text. A heading is short, opens with a
        capital, and is no sentence: it neither starts like one ("La presente ley …") nor holds a
        verb a sentence would ("Corresponde al Ministerio …" is the article's text)."""
        max_words = int(self.s.get("max_heading_words", 12))
        starters = set(self.p.word("sentence_starters", ()))
        verbs = set(self.p.word("sentence_words", ()))
        first_word = rest.split()[0].strip("¿¡\"'«“(").lower() if rest.split() else ""

        def sentence(text: str) -> bool:
            return first_word in starters or any(w.strip(",.;:").lower() in verbs for w in text.split())

        # The whole rest is a heading when the source marks it (bold, a heading style) and it is short.
        # (A lead that reaches into the rest is a heading of its own: "<b>5. Possession.</b> A person …";
        # one the label consumed — the number in a span of its own, "<span>474.22A</span> Possessing …" — is not.)
        lead_in_rest = bool(line.lead) and len(line.lead) > len(line.text.strip()) - len(rest)
        if whole and emphatic(line) and not lead_in_rest and len(rest.split()) <= max_words * 2:
            return rest.rstrip(" .").strip(), ""
        # "(OBJETO). La presente Ley …", "(Definiciones).- …": a heading in brackets, then the text
        bracketed = re.match(r"^\((?P<h>[^()]{3,160})\)\s*[.:\-–—]*\s*(?P<t>.*)$", rest)
        if bracketed and bracketed.group("h")[:1].isupper() and len(bracketed.group("h").split()) <= max_words:
            return f"({bracketed.group('h').strip()})", bracketed.group("t").strip()
        stop = self.heading_stop(rest)  # "Tenencia.- La persona …"
        if stop and len(stop[0].split()) <= max_words and stop[0][:1].isupper() and not sentence(stop[0]):
            return stop[0].strip(), stop[1].strip()
        # "Artículo 5.- Objeto" alone, the text on the next line.
        if whole and len(rest.split()) <= max_words and rest[:1].isupper() and not rest.endswith((";", ",", ":")) \
                and not sentence(rest):
            return rest.rstrip(" .").strip(), ""
        return "", rest

    def heading_stop(self, rest: str) -> tuple[str, str] | None:
        """Heading and text at the first full stop that can end an inline heading ("Tenencia.- La
        persona …"); the stop of an abbreviation does not ("Reforma del Decreto No. 130-2017. …")."""
        abbreviations = {w.lower() for w in self.p.word("abbreviations", ())}
        since = 0  # where the heading resumed after an abbreviation's stop
        for stop in _HEADING_STOP.finditer(rest):
            heading = rest[:stop.start()]
            if not heading or len(heading) > 160 or re.search(r"[:;]", heading) or "." in rest[since:stop.start()]:
                return None
            if heading.split()[-1].lower() not in abbreviations:
                return heading, rest[stop.end():]
            since = stop.end()
        return None

    # ---------------------------------------------------------------- levels
    def marker_level(self, text: str) -> tuple[Mapping[str, object], re.Match[str]] | None:
        unit = self.unit()
        if unit is None:
            return None
        candidates = []
        for level in self.levels:
            match = _level_regex(self.p, level)
            m = match.match(text)
            if m and (level.get("words") != "cardinal" or cardinal_value(m.group("num")) is not None):
                candidates.append((level, m))
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        # Ambiguous markers ("(i)": letter or roman?) — prefer the reading that continues an open list.
        for level, m in candidates:
            open_same = self.open_level(level["type"])
            if open_same is not None:
                # a list holds its items; a non-list level's open node is its last item itself
                last = open_same.children[-1] if open_same.kind == "list" and open_same.children else open_same
                last_num = last.num if isinstance(last, (_Open, Node)) else ""
                before, now = _level_value(level, last_num), _level_value(level, m.group("num"))
                if before is not None and now is not None and now == before + 1:
                    return level, m
        # Otherwise a reading that starts a new list ("(i)" as roman one) beats a jump in an open one.
        for level, m in candidates:
            if _starts_list(level, m.group("num")):
                return level, m
        for level, m in candidates:
            if self.open_level(level["type"]) is not None:
                return level, m
        return candidates[0]

    def level_kind(self, level: Mapping[str, object]) -> str:
        return str(level["kind"])  # provisional where kinds follow the nesting: see name_levels

    def reopen_introduction(self) -> None:
        """A new kind of marker right after an item that introduces a list ("(a) Any person who—")
        belongs to that item, even when words in between closed it."""
        last = self.top.children[-1] if self.top.children else None
        if isinstance(last, _Open) and last.kind not in ("list", "note") and not last.children and last.level_type \
                and last.text.rstrip().endswith(("—", ":", "–", " -")):
            self.stack.append(last)

    def open_level(self, level_type: str) -> _Open | None:
        for node in reversed(self.stack):
            if node.rank == UNIT_RANK:
                return None
            if node.level_type == level_type:
                return node
        return None

    def try_level(self, line: Line, text: str) -> bool:
        if self.unit() is None:
            return False
        return self.feed_level_text(text, line)

    def feed_level_text(self, text: str, line: Line) -> bool:
        # A loop, not recursion: "(a) (b) (c) …" on one line opens one level after another. A hostile
        # line may hold a million markers, so after MAX_INLINE_MARKERS the rest stays the last item's text.
        for _ in range(MAX_INLINE_MARKERS):
            found = self.marker_level(text)
            if found is None:
                return False
            level, match = found
            # "Making available" on the line before "(2) Every person …": the subsection's margin heading
            margin = self.pending_heading
            self.pending_heading = None
            level_type = str(level["type"])
            wrap_in_list = bool(level.get("list", False))
            rank_of_type = None
            for node in self.stack:
                if node.level_type == level_type:
                    rank_of_type = node.rank
            if level.get("top", False):
                self.close_to(UNIT_RANK + 1)
                container_rank = UNIT_RANK + 1
            elif rank_of_type is not None:
                self.close_to(rank_of_type + 1)
                container_rank = rank_of_type
            else:
                self.reopen_introduction()
                container_rank = self.top.rank + 1
            if rank_of_type is None or level.get("top", False):
                if wrap_in_list:
                    lst = _Open(kind="list", rank=container_rank, level_type=level_type, line=line.number)
                    self.push(lst)
                    item_rank = container_rank + 1
                else:
                    item_rank = container_rank
            else:
                item_rank = rank_of_type + 1 if wrap_in_list else rank_of_type
                self.close_to(item_rank)
            label = text[:match.start("rest")].strip() if match.group("rest") is not None else text.strip()
            item = _Open(kind=self.level_kind(level), rank=item_rank, num=(match.group("num") or "").strip(),
                         line=line.number, level_type="" if wrap_in_list else level_type, label=label)
            self.push(item)
            if margin is not None:
                item.heading = margin.text.strip().rstrip(".").strip()
                margin = None
            rest = (match.group("rest") or "").strip()
            if rest:
                if self.marker_level(rest) and rest != text:
                    text = rest
                    continue
                heading, body = ("", rest)
                level_heading = self.rx("level_heading")
                if level_heading and (found_heading := level_heading.match(rest)) and self.short_heading(found_heading.group("heading")):
                    # "(a) Offense.—Whoever …": a subsection's heading printed inline (US codes)
                    heading, body = found_heading.group("heading").strip(), found_heading.group("more").strip()
                elif level.get("top", False):
                    # "Párrafo.- Adquisición y posesión. La adquisición…": a Párrafo may carry a heading
                    heading, body = self.split_heading(rest, line, whole=False)
                item.heading = heading or item.heading
                if body:
                    self.set_text(item, "text", body)
            else:
                self.last_text = None
            return True
        self.set_text(self.top, "text", text)  # the markers past the bound stay text, nothing is lost
        return True

    # ---------------------------------------------------------------- notes and text
    def try_note(self, line: Line, text: str) -> bool:
        if self.conv is not None:
            return False  # decided from the whole text: notes never reach here
        notes = self.p.section("editorial").get("notes")
        is_note = line.style == "md-note" or bool(notes and any(
            self.p.compile(f"editorial.notes[{i}]", pat).match(text) for i, pat in enumerate(notes)))
        if not is_note:
            return False
        self.note(line, text, EDITORIAL)
        return True

    def flush_notes_ahead(self) -> None:
        held, self.notes_ahead = self.notes_ahead, []
        for line in held:
            self.note(line, line.text.strip(), EDITORIAL)

    def note(self, line: Line, text: str, name: str) -> None:
        """A note annotates the whole provision it sits in: it ends any paragraph or point that was open."""
        self.flush_pending()
        target = self.unit() or self.top
        while self.top is not target:
            self.stack.pop()
        target.children.append(Node(kind="note", text=text, name=name, line=line.number))
        self.last_text = None

    def collect_superseded(self, line: Line) -> None:
        """A former wording of a unit, printed again in the source: one note on the unit it belongs to."""
        assert self.conv is not None
        if self.superseded is None:
            self.flush_pending()
            self.superseded = (self.conv.superseded[line.number], self.conv.superseded_end[line.number], [])
        unit_line, last, collected = self.superseded
        if line.table is not None:
            collected.extend(" | ".join(row) for row in line.table)
        elif line.text.strip():
            collected.append(line.text.strip())
        if line.number >= last:
            note = Node(kind="note", text="\n".join(collected), name=SUPERSEDED, line=line.number)
            self.superseded = None
            holder = self.unit_nodes.get(unit_line)
            if holder is not None:
                holder.children.append(note)
            else:
                self.pending_superseded.setdefault(unit_line, []).append(note)
            self.last_text = None

    def continues(self, line: Line, text: str) -> bool:
        """A hard-wrapped line: it carries on the sentence of the previous line."""
        if self.last_text is None or self.last_line is None:
            return False
        node, attr = self.last_text
        current = getattr(node, attr)
        if not current:
            return False
        if emphatic(line) != emphatic(self.last_line) and attr != "heading":
            return False
        if attr == "heading":
            return is_upper(text) and is_upper(current) and not current.endswith(TERMINAL)
        ending = current.rstrip()
        if _AFTER_SENTENCE.search(ending[-TAIL:]):
            return False  # "… 18 years. (enfant)": the sentence is over; a gloss in brackets closes it
        if ending.endswith(("—", ":", "–", " -")):
            return False  # "In this Act—": what follows is a list, not the rest of the sentence
        if node.level_type and self.s.get("text_after_points") == "wrap_up" and (ending.endswith((",", ";", "—")) or ending.endswith((" or", " and"))):
            return False  # "(c) …, / commits an offence…": the words after a list close the list
        return text[:1].islower() or not ending.endswith(TERMINAL)

    def proviso(self, line: Line, text: str) -> bool:
        """"Provided that …" after "… or with both:": a paragraph of the provision it qualifies (the
        innermost open one whose words announce it, or that ends a sentence), never text after its
        list nor the start of the next provision."""
        rx, unit = self.rx("proviso"), self.unit()
        if rx is None or unit is None or not rx.match(text):
            return False
        holder = unit
        for node in reversed(self.stack):
            if node is unit:
                break
            ending = (node.wrap_up or ("" if node.children else node.text)).rstrip()
            if not node.implicit and ending.endswith((":", "—", "–", ".")):
                holder = node
                break
        self.flush_pending()
        self.close_to(holder.rank + 1)
        para = _Open(kind="paragraph", rank=holder.rank + 1, line=line.number, implicit=True)
        self.push(para)
        self.set_text(para, "text", text)
        return True

    def unit_paragraph(self, line: Line, text: str) -> bool:
        """"Explanation.—For the purposes of this section …": a paragraph of the unit itself, wherever
        its subsections or list items stand, never words closing the list before it."""
        rx = self.rx("unit_paragraph")
        if rx is None or self.unit() is None or not rx.match(text):
            return False
        self.flush_pending()
        self.close_to(UNIT_RANK + 1)
        para = _Open(kind="paragraph", rank=UNIT_RANK + 1, line=line.number, implicit=True)
        self.push(para)
        self.set_text(para, "text", text)
        return True

    def block_heading(self, line: Line, text: str) -> bool:
        """"Illustrations" alone on its line: it heads the items that follow, inside the unit."""
        rx, unit = self.rx("block_heading"), self.unit()
        if rx is None or unit is None or not rx.match(text):
            return False
        self.flush_pending()
        self.close_to(UNIT_RANK + 1)
        self.push(_Open(kind="paragraph", rank=UNIT_RANK + 1, heading=text.rstrip(".:—– "), line=line.number, implicit=True))
        self.last_text = None
        return True

    def plain(self, line: Line, text: str, allow_pending: bool = True) -> None:
        if self.proviso(line, text) or self.unit_paragraph(line, text) or self.block_heading(line, text):
            return
        unit = self.unit()
        if unit is not None and (unit.text or unit.children) and self.bare_definition(unit, text) and self.sentence_over():
            self.definition(line, text, unit)  # "child means …" opens in lower case, yet it is no wrapped line
            return
        if self.continues(line, text):
            node, attr = self.last_text  # type: ignore[misc]
            self.set_text(node, attr, text)
            return
        if unit is not None and (unit.text or unit.children) and self.definition_rx is not None \
                and self.definition_rx.match(text):
            self.definition(line, text, unit)
            return

        if allow_pending and self.s.get("heading_before_unit", False) and self.looks_like_heading(text, line):
            self.flush_pending()
            self.pending_heading = line
            return
        repealed = self.rx("repealed")
        if unit is None and repealed and repealed.match(text) and self.top.rank >= 0 and self.top.kind != "hcontainer":
            self.top.status = "repealed"  # "CAPÍTULO III … Derogado": the whole division is repealed
            self.last_text = None
            return
        if unit is None:
            if self.pending_heading is not None:
                self.flush_pending()
            self.top.children.append(Node(kind="text", text=text, line=line.number))
            self.warn(line, f"text outside any article: {text[:60]!r}")
            self.last_text = None
            return
        self.flush_pending() if allow_pending else None
        if not unit.children and not unit.text:
            if not unit.heading and self.last_line is not None and self.last_line.number == unit.line:
                # the label alone on its line ("Artículo 1"), its heading opening the next one
                # ("(Fabricación …).- El que …"): read it as the rest of the label line
                heading, rest = self.split_heading(text, line, whole=False)
                if heading.startswith("(") and rest:
                    unit.heading = heading
                    self.set_text(unit, "text", rest)
                    return
            self.set_text(unit, "text", text)
            return
        top = self.top
        if top is not unit and top.level_type and not top.text and not top.children:
            self.set_text(top, "text", text)  # "(1)" alone on its line (a number cell, a num span): its text follows
            return
        if top is not unit and top.implicit and top.heading and not top.text and not top.children:
            self.set_text(top, "text", text)  # the text under "ILLUSTRATION"
            return
        if self.top is unit and not unit.children and unit.text:
            para = _Open(kind="paragraph", rank=UNIT_RANK + 1, line=line.number, implicit=True)
            self.push(para)
            self.set_text(para, "text", text)
            return
        in_points = self.top is not unit and (self.top.level_type or self.top.kind in ("point", "list") or
                                               any(n.kind == "list" for n in self.stack))
        if in_points and self.s.get("text_after_points") == "wrap_up":
            parent = self.top
            while parent is not unit and parent.kind != "list" and not parent.children:
                parent = self.stack[self.stack.index(parent) - 1]
            holder = self.stack[self.stack.index(parent) - 1] if parent.kind == "list" else parent
            self.close_to(holder.rank + 1)
            self.set_text(holder, "wrap_up", text)
            return
        self.close_to(UNIT_RANK + 1)
        para = _Open(kind="paragraph", rank=UNIT_RANK + 1, line=line.number, implicit=True)
        self.push(para)
        self.set_text(para, "text", text)

    def sentence_over(self) -> bool:
        """The text the last line added ends a sentence (or there is none)."""
        if self.last_text is None:
            return True
        tail = getattr(*self.last_text)[-TAIL:].rstrip()  # the end only: a provision may run to many lines
        return not tail or tail.endswith(TERMINAL) or bool(_AFTER_SENTENCE.search(tail))

    def bare_definition(self, unit: _Open, text: str) -> bool:
        """"child means …" (no quotation marks) in a section that announces definitions ("Definitions",
        "The following definitions apply in this Act.")."""
        if self.bare_definition_rx is None or self.definitions_context is None:
            return False
        intro = unit.text or next((c.text for c in unit.children if isinstance(c, _Open)), "")
        if not (self.definitions_context.search(unit.heading) or self.definitions_context.search(intro[:300])):
            return False
        return bool(bare_term(text, self.bare_definition_rx, frozenset(self.p.word("sentence_starters", ()))))

    def definition(self, line: Line, text: str, unit: _Open) -> None:
        """`"child" means …`: one unnumbered item of the definitions list of the provision that
        introduces it ("(1) In this Act—"); the (a), (b) that follow belong to the definition, and
        the next numbered subsection closes the list."""
        self.flush_pending()
        holder = self.definition_holder
        if holder is None or holder not in self.stack:
            holder = self.top
            while holder is not unit and (holder.kind in ("point", "list") or holder.level_type == "definition"):
                holder = self.stack[self.stack.index(holder) - 1]
            self.definition_holder = holder
        self.close_to(holder.rank + 1)
        item = _Open(kind="paragraph", rank=holder.rank + 1, line=line.number, level_type="definition")
        self.push(item)
        self.set_text(item, "text", text)

    def looks_like_heading(self, text: str, line: Line | None = None) -> bool:
        """A margin heading on the line before a section ("Application." or "Short title")."""
        words = text.split()
        if not (0 < len(words) <= int(self.s.get("max_heading_words", 12)) and text[:1].isupper()
                and not text.rstrip().endswith((",", ";", ":", "—", "–", " -")) and not text.startswith(("“", '"', "«"))):
            return False
        if ": " in text:
            return False  # "Penalty: Imprisonment for 15 years." is a line of the provision, not its heading
        if not text.rstrip().endswith("."):
            return True
        # ends with a full stop: a heading only when a section follows and it does not read as a sentence
        starters = set(self.p.word("sentence_starters", ()))
        return self.conv is not None and words[0].lower().strip("\"'“(") not in starters and len(words) <= 8

    # ---------------------------------------------------------------- quotations
    def open_quote(self) -> _Quote | None:
        for node in reversed(self.stack):
            if node.quote is not None:
                return node.quote
        return None

    def maybe_open_quote(self, upcoming: Line | None = None) -> None:
        """After a line: if the provision being built announces new wording, quote what follows."""
        if self.open_quote() is not None:
            return
        if self.conv is not None:
            # decided from the whole text: a quotation is the run of lines marked as quoted
            if upcoming is None or self.conv.role(upcoming) != QUOTED:
                return
            holder = self.last_text[0] if self.last_text and self.last_text[1] == "text" else self.top
            if holder is self.root:
                return
            holder.quote = _Quote(marks=holder.text.rstrip().endswith(QUOTE_OPEN))
            return
        if self.last_text is None:
            return
        node, attr = self.last_text
        if attr != "text":
            return
        amending = self.p.section("amending").get("intro", "")
        # Only the end of the text can announce new wording; searching all of it after every line
        # made a long provision quadratic.
        if not amending or not self.p.regex("amending", "intro").search(node.text[-INTRO_WINDOW:]):
            return
        if node.quote is None:
            node.quote = _Quote(marks=node.text.rstrip().endswith(QUOTE_OPEN))

    def ends_quote(self, line: Line, quote: _Quote) -> bool:
        text = line.text.strip()
        if self.conv is not None:
            return self.conv.role(line) != QUOTED and bool(text or line.table is not None)
        if quote.marks:
            if quote.lines and quote.lines[-1].text.rstrip().endswith(QUOTE_CLOSE):
                return True
            return False
        if not quote.lines and text.startswith(QUOTE_OPEN):
            quote.marks = True
            return False
        if self.rx("group") and self.rx("group").match(text) and is_upper(text):  # type: ignore[union-attr]
            return True
        conclusions = self.p.section("conclusions").get("start", "")
        if conclusions and self.p.regex("conclusions", "start").match(text):
            return True
        unit = self.unit()
        if unit is not None and self.units:
            found = match_unit(text, self.styles, in_group=self.in_group())
            if found and follows(self.units[-1][0], clean_num(found[1].group("num"))) and \
                    (unit.kind != "article" or not self.in_group() or not found[0].in_group or emphatic(line)):
                return True
        return False

    def close_quote(self) -> None:
        holder = next(n for n in reversed(self.stack) if n.quote is not None)
        quote = holder.quote
        holder.quote = None
        assert quote is not None
        lines = list(quote.lines)
        opener = lines[0].text.lstrip()[:1] if lines else ""
        if lines and (quote.marks or opener in QUOTE_OPEN):
            lines[0] = lines[0]._replace(text=lines[0].text.lstrip().lstrip("«“\"").lstrip())
            lines[-1] = lines[-1]._replace(text=re.sub(r"[»”\"]+\s*[.;]?$", "", lines[-1].text.rstrip()).rstrip())
        sub_warnings: list[Warning] = []
        inner = BodyParser(self.p, sub_warnings)
        inner.units = []
        first_text = lines[0].text.strip() if lines else ""
        if first_text and not (inner.is_unit_line(lines[0], first_text) or (inner.rx("division") and inner.rx("division").match(first_text))):
            # new wording for part of a provision (a paragraph, some points): provisions, not loose text
            inner.push(_Open(kind="hcontainer", rank=UNIT_RANK, name="quotedText", line=lines[0].number))
        for ln in lines:
            inner.feed(ln)
            inner.maybe_open_quote()
        nodes = inner.finish()
        # Quoted text is not this law's: its numbering is not ours to check.
        self.warnings.extend(w for w in sub_warnings if not w.message.startswith(("numbering gap", "text outside", "article")))
        first = lines[0].number if lines else 0
        unit = self.unit()
        context = (() if unit is None else (unit.text, unit.heading)) + (self.cross_heading_text,)
        target, action = self.amended(holder.text, *context)
        holder.children.append(Node(kind="quotedStructure", children=nodes, target=target, name=action, line=first))
        self.last_text = None

    def amended(self, intro: str, *context: str) -> tuple[str, str]:
        """(the law an amending provision changes, "insert" or "replace"), read from its words — or
        from the provision around it ("La Ley … queda modificada en los siguientes términos: Uno. …")."""
        rules = self.p.section("amending")
        law = ""
        stops = set(rules.get("target_stop", ()))
        for text in (intro,) + context:
            for i, pattern in enumerate(rules.get("target", ())):
                match = self.p.compile(f"amending.target[{i}]", pattern).search(text)
                if match:
                    words = match.group("law").replace("*", "").split()
                    cut = next((k for k, w in enumerate(words) if k >= 2 and w.lower() in stops), len(words))
                    law = " ".join(words[:cut]).rstrip(" ,.")
                    break
            if law:
                break
        inserts = rules.get("inserts")
        reference = rules.get("reference")
        if not intro or (reference and self.p.compile("amending.reference", reference).search(intro)):
            return law, ""  # quoted for reference: another law's words, not new wording this law enacts
        action = "insert" if inserts and self.p.compile("amending.inserts", inserts).search(intro) else "replace"
        return law, action

    def finish(self) -> tuple[Node, ...]:
        if self.open_quote() is not None:
            self.close_quote()
        if self.superseded is not None:
            self.collect_superseded(Line("", self.superseded[1]))
        self.flush_notes_ahead()
        self.flush_pending()
        self.name_levels()
        return tuple(c.freeze() if isinstance(c, _Open) else c for c in self.root.children)

    def name_levels(self) -> None:
        """Where the profile names levels by rank (English: subsection, paragraph, subparagraph …),
        the rank of each marker type is read from the document: the order in which its markers nest.
        "(1)(a)(i)" (Commonwealth) and "(a)(1)(A)(i)" (US) both come out subsection, paragraph,
        subparagraph; the profile's order of types decides where the text gives no evidence."""
        names = self.s.get("level_kinds")
        if not names:
            return
        default = [str(level["type"]) for level in self.levels]
        under: dict[tuple[str, str], int] = {}
        items: list[_Open] = []

        def visit(node: _Open, parent_type: str) -> None:
            for child in node.children:
                if not isinstance(child, _Open):
                    continue
                own = child.level_type if child.level_type not in ("", "definition") else ""
                if own:
                    items.append(child)
                    if parent_type:
                        under[(parent_type, own)] = under.get((parent_type, own), 0) + 1
                visit(child, own or (parent_type if child.kind == "list" or child.level_type == "definition" else ""))

        visit(self.root, "")
        if not items:
            return
        types = [t for t in default if any(i.level_type == t for i in items)]
        ordered = sorted(types, key=lambda t: (sum(1 for u in types if u != t and
                                                     under.get((u, t), 0) > under.get((t, u), 0)
                                                     or (under.get((u, t), 0) == under.get((t, u), 0) and default.index(u) < default.index(t)))))
        rank = {t: n for n, t in enumerate(ordered)}
        for item in items:
            item.kind = str(names[min(rank[item.level_type], len(names) - 1)])


def _level_value(level: Mapping[str, object], num: str) -> int | None:
    """The ordinal value of a marker read as this level's type ("ii" is 2 as roman, 35 as letters)."""
    from drafting.model.numbering import roman_value

    if level["type"] == "roman":
        return roman_value(num)
    if level.get("words") == "cardinal":
        return cardinal_value(num)
    if level["type"] in ("letter", "upper") and num.isalpha():
        return sum((ord(c) - 96) * 26 ** i for i, c in enumerate(reversed(num.lower())))
    key = num_key(num)
    return key[0] if key else None


def _starts_list(level: Mapping[str, object], num: str) -> bool:
    return _level_value(level, num) == 1


_LEVEL_CACHE: dict[tuple[str, str], re.Pattern[str]] = {}


def _level_regex(profile: Profile, level: Mapping[str, object]) -> re.Pattern[str]:
    key = (profile.id, str(level["type"]))
    if key not in _LEVEL_CACHE:
        _LEVEL_CACHE[key] = re.compile(str(level["pattern"]), re.IGNORECASE)
    return _LEVEL_CACHE[key]


# -------------------------------------------------------------------- whole documents

def parse_body_lines(lines: Iterable[Line], profile: Profile, warnings: list[Warning],
                     conventions: Conventions | None = None) -> tuple[Node, ...]:
    parser = BodyParser(profile, warnings, conventions)
    lines = list(lines)
    for n, line in enumerate(lines):
        parser.feed(line)
        parser.maybe_open_quote(lines[n + 1] if n + 1 < len(lines) else None)
    return parser.finish()


def parse_fragment(text: str, profile: Profile) -> tuple[str, tuple[Node, ...], str]:
    """Parse the body of one article (rendered clause text) into its own text, children and wrap-up."""
    warnings: list[Warning] = []
    parser = BodyParser(profile, warnings)
    parser.push(_Open(kind=profile.unit_kind, rank=UNIT_RANK))
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            parser.feed(Line(text=raw.strip(), number=number))
            parser.maybe_open_quote()
    nodes = parser.finish()
    unit = nodes[0]
    return unit.text, unit.children, unit.wrap_up


