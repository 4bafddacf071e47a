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

from drafting.model.document import Node
from drafting.model.numbering import follows, num_key, num_system
from drafting.parse.lines import Line
from drafting.parse.profiles import Profile

TERMINAL = tuple(".:;!?»”\"")
QUOTE_OPEN = ("«", "“", '"')
QUOTE_CLOSE = ("»", "”", '"')
UNIT_RANK = 100
INTRO_WINDOW = 1000  # characters at the end of a provision searched for an amending intro ("… queda así:")
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
                    wrap_up=self.wrap_up, status=self.status, name=self.name, line=self.line)


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
    def __init__(self, profile: Profile, warnings: list[Warning]) -> None:
        self.p = profile
        self.s = profile.section("structure")
        self.warnings = warnings
        self.root = _Open(kind="hcontainer", rank=-100)
        self.stack: list[_Open] = [self.root]
        self.division_order = list(self.s.get("division_order", ()))
        self.levels = list(self.s.get("levels", ()))
        self.pending_heading: Line | None = None
        self.expect_division_heading: _Open | None = None
        self.last_text: tuple[_Open, str] | None = None  # where a wrapped line continues
        self.last_line: Line | None = None
        self.units: list[tuple[str, int]] = []
        self.seen_units: dict[str, int] = {}

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
        quote = self.open_quote()
        if quote is not None:
            if self.ends_quote(line, quote):
                self.close_quote()
            else:
                quote.lines.append(line)
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
        if not (is_upper(match.group("kw")) or emphatic(line)):
            return False
        kind = self.division_kind(match.group("kw"))
        if kind is None:
            return False
        self.flush_pending()
        rank = self.division_order.index(kind)
        self.close_to(rank)
        node = _Open(kind=kind, rank=rank, num=match.group("num"), heading=match.group("heading").strip(" .:-–—"), line=line.number)
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
        rx = self.rx("unit")
        if rx and rx.match(text):
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

    def try_unit(self, line: Line, text: str) -> bool:
        match = None
        rx = self.rx("unit")
        if rx:
            match = rx.match(text)
        ordinal = False
        if match is None and self.in_group():
            orx = self.rx("ordinal")
            match = orx.match(text) if orx else None
            ordinal = match is not None
        if match is None:
            return False
        num = self.clean_unit_num(match.group("num"))
        rest = match.group("rest").strip()
        self.expect_division_heading = None
        heading_line = self.pending_heading
        self.pending_heading = None
        self.close_to(UNIT_RANK)
        node = _Open(kind=self.p.unit_kind if not ordinal else "article", rank=UNIT_RANK, num=num, line=line.number)
        if heading_line is not None:
            node.heading = heading_line.text.strip()
        self.push(node)
        self.check_sequence(num, line, ordinal)
        self.unit_rest(node, rest, line)
        return True

    def clean_unit_num(self, num: str) -> str:
        num = " ".join(num.split())
        num = re.sub(r"\s*-\s*", "-", num)
        return num

    def check_sequence(self, num: str, line: Line, ordinal: bool) -> None:
        if ordinal:
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
        if not rest:
            self.last_text = None
            return
        repealed = self.rx("repealed")
        if repealed and repealed.match(rest):
            node.status = "repealed"
            self.last_text = None
            return
        inline = self.rx("inline_heading")
        if inline:
            match = inline.match(rest)
            if match and self.marker_level(match.group("more").strip()):
                node.heading = match.group("heading").strip()
                self.feed_level_text(match.group("more").strip(), line)
                return
        if self.marker_level(rest):
            self.feed_level_text(rest, line)
            return
        heading, text = self.split_heading(rest, line)
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

    def split_heading(self, rest: str, line: Line, whole: bool = True) -> tuple[str, str]:
        max_words = int(self.s.get("max_heading_words", 12))
        starters = set(self.p.word("sentence_starters", ()))
        first_word = rest.split()[0].strip("¿¡\"'«“(").lower() if rest.split() else ""
        # The whole rest is a heading when the source marks it (bold, a heading style) and it is short.
        if whole and emphatic(line) and len(rest.split()) <= max_words * 2:
            return rest.rstrip(" .").strip(), ""
        match = re.match(r"^(?P<h>[^.:;]{1,160}?)\.\s+(?P<t>\S.*)$", rest)
        if match and len(match.group("h").split()) <= max_words and first_word not in starters and match.group("h")[:1].isupper():
            return match.group("h").strip(), match.group("t").strip()
        # "Artículo 5.- Objeto" alone, the text on the next line.
        if whole and len(rest.split()) <= max_words and first_word not in starters and rest[:1].isupper() and not rest.endswith((";", ",", ":")):
            return rest.rstrip(" .").strip(), ""
        return "", rest

    # ---------------------------------------------------------------- levels
    def marker_level(self, text: str) -> tuple[Mapping[str, object], re.Match[str]] | None:
        unit = self.unit()
        if unit is None:
            return None
        candidates = []
        for level in self.levels:
            match = _level_regex(self.p, level)
            m = match.match(text)
            if m:
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
            self.flush_pending()
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
            item = _Open(kind=str(level["kind"]), rank=item_rank, num=(match.group("num") or "").strip(), line=line.number,
                         level_type="" if wrap_in_list else level_type)
            self.push(item)
            rest = (match.group("rest") or "").strip()
            if rest:
                if self.marker_level(rest) and rest != text:
                    text = rest
                    continue
                heading, body = ("", rest)
                if level.get("top", False):
                    # "Párrafo.- Adquisición y posesión. La adquisición…": a Párrafo may carry a heading
                    heading, body = self.split_heading(rest, line, whole=False)
                item.heading = heading
                if body:
                    self.set_text(item, "text", body)
            else:
                self.last_text = None
            return True
        self.set_text(self.top, "text", text)  # the markers past the bound stay text, nothing is lost
        return True

    # ---------------------------------------------------------------- notes and text
    def try_note(self, line: Line, text: str) -> bool:
        rx = self.rx("note")
        is_note = line.style == "md-note" or (rx is not None and rx.match(text) is not None)
        if not is_note:
            return False
        self.flush_pending()
        target = self.unit() or self.top
        # A note ends whatever paragraph or point was open: it annotates the whole provision.
        while self.top is not target:
            self.stack.pop()
        target.children.append(Node(kind="note", text=text, line=line.number))
        self.last_text = None
        return True

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
        if node.num and self.s.get("text_after_points") == "wrap_up" and (ending.endswith((",", ";", "—")) or ending.endswith((" or", " and"))):
            return False  # "(c) …, / commits an offence…": the words after a list close the list
        return text[:1].islower() or not ending.endswith(TERMINAL)

    def plain(self, line: Line, text: str, allow_pending: bool = True) -> None:
        if self.continues(line, text):
            node, attr = self.last_text  # type: ignore[misc]
            self.set_text(node, attr, text)
            return
        unit = self.unit()
        if allow_pending and self.s.get("heading_before_unit", False) and self.looks_like_heading(text):
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
            self.set_text(unit, "text", text)
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

    def looks_like_heading(self, text: str) -> bool:
        words = text.split()
        return (0 < len(words) <= int(self.s.get("max_heading_words", 12)) and text[:1].isupper()
                and not text.rstrip().endswith(tuple(".:;,")) and not text.startswith(("“", '"', "«")))

    # ---------------------------------------------------------------- quotations
    def open_quote(self) -> _Quote | None:
        for node in reversed(self.stack):
            if node.quote is not None:
                return node.quote
        return None

    def maybe_open_quote(self) -> None:
        """After a line: if the provision being built announces new wording, quote what follows."""
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
        holder = node
        if node.quote is None:
            marks = node.text.rstrip().endswith(QUOTE_OPEN)
            node.quote = _Quote(marks=marks)
            self.quote_holder = holder

    def ends_quote(self, line: Line, quote: _Quote) -> bool:
        text = line.text.strip()
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
        rx = self.rx("unit")
        if rx and unit is not None and unit.kind != "article" or (rx and unit is not None and not self.in_group()):
            match = rx.match(text) if rx else None
            if match and self.units and follows(self.units[-1][0], self.clean_unit_num(match.group("num"))):
                return True
        orx = self.rx("ordinal")
        if orx and self.in_group() and orx.match(text) and emphatic(line):
            return True
        return False

    def close_quote(self) -> None:
        holder = next(n for n in reversed(self.stack) if n.quote is not None)
        quote = holder.quote
        holder.quote = None
        assert quote is not None
        lines = list(quote.lines)
        if lines and quote.marks:
            lines[0] = lines[0]._replace(text=lines[0].text.lstrip().lstrip("«“\"").lstrip())
            lines[-1] = lines[-1]._replace(text=lines[-1].text.rstrip().rstrip("»”\"").rstrip())
        sub_warnings: list[Warning] = []
        inner = BodyParser(self.p, sub_warnings)
        inner.units = []
        for ln in lines:
            inner.feed(ln)
            inner.maybe_open_quote()
        nodes = inner.finish()
        # Quoted text is not this law's: its numbering is not ours to check.
        self.warnings.extend(w for w in sub_warnings if not w.message.startswith(("numbering gap", "text outside")))
        first = lines[0].number if lines else 0
        holder.children.append(Node(kind="quotedStructure", children=nodes, line=first))
        self.last_text = None

    def finish(self) -> tuple[Node, ...]:
        if self.open_quote() is not None:
            self.close_quote()
        self.flush_pending()
        return tuple(c.freeze() if isinstance(c, _Open) else c for c in self.root.children)


def _level_value(level: Mapping[str, object], num: str) -> int | None:
    """The ordinal value of a marker read as this level's type ("ii" is 2 as roman, 35 as letters)."""
    from drafting.model.numbering import roman_value

    if level["type"] == "roman":
        return roman_value(num)
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

def parse_body_lines(lines: Iterable[Line], profile: Profile, warnings: list[Warning]) -> tuple[Node, ...]:
    parser = BodyParser(profile, warnings)
    for line in lines:
        parser.feed(line)
        parser.maybe_open_quote()
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


