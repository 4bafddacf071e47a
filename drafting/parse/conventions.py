"""Decide a document's conventions from evidence, before its body is parsed.

Real statutes as governments and mirrors publish them carry more than the law: a table of
contents that repeats every article, a promulgating decree before a code, articles quoted from
other laws, an article printed twice (as a heading and again as a label; or its former wording
after the current one), website navigation and editorial notes. A line that *looks* like an
article label is therefore not taken as one on sight. This pass looks at the whole text first:

1. **Roles.** Every line is law, a note (editorial annotations, validity lines, margin boxes),
   debris (a website's furniture, mirror residue) or part of a table of contents. Notes and
   debris are kept by the parser, never as law.
2. **Quotations.** Text an amending provision quotes ("… queda así:", "the following section is
   inserted—") is not the law's own: its labels are not candidates.
3. **Candidates.** Every line that matches one of the profile's unit styles (`[[structure.units]]`:
   "Artículo 5.-", "Disposición final primera.", "12.", "§ 2252.", "Section 3", "1 Short title")
   is a candidate, with its typographic signature (style, emphasis).
4. **The sequence.** For each signature, the longest consistent numbered sequence (1, 2, 3, 3A, 4 …
   — a number that comes next, or a modest gap) is found by dynamic programming; candidates that
   carry text count double, so a table of contents (the same numbers without text) loses to the
   body. The best sequence fixes the document's unit style; units of other styles (final
   dispositions, a preliminary title in roman numerals) join when they have text of their own.
   A label off the sequence that is a bare number ("18 Years …", "4 No. 51234 GOVERNMENT GAZETTE")
   needs evidence that it opens a unit: a label's typography, a margin heading above it, or a
   number that continues the sequence on a line that does not carry on an unfinished sentence.
5. **Duplicates.** A heading line directly followed by the same number as a label is one unit.
   The same number printed again further on is a superseded wording (kept as a note) — the
   occurrence that the source marks as former ("Vigente … hasta …") is the superseded one.
6. **Parts.** The body runs from the first unit of the sequence (with the division headings right
   above it) to the last; before it, a table of contents and a promulgating decree (units of
   their own, closed by "POR TANTO … Dado en") are recognised; after it come conclusions,
   schedules and debris.

Everything decided is reported (`findings`), so the import report can say what was placed where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping, Sequence

from drafting.model.numbering import follows, num_key, num_system
from drafting.parse.lines import Line
from drafting.parse.profiles import Profile

LAW, NOTE, DEBRIS, TOC, QUOTED = "law", "note", "debris", "toc", "quoted"
WINDOW = 32  # how many earlier candidates a candidate may continue (keeps the search linear)
QUOTE_MARKS = {"«": "»", "“": "”", '"': '"'}
_TERMINAL = (".", ";", ":", "!", "?", "»", "”")
HEADING_STYLES = ("h1", "h2", "h3", "h4", "h5", "h6", "title", "heading")


@dataclass(frozen=True)
class Candidate:
    """A line that carries a unit label, read with one unit style."""

    number: int  # Line.number
    index: int  # position in the line list
    style: str
    num: str
    label: str
    rest: str
    emphasis: str  # "h4", "bold", "plain": part of the typographic signature
    kind: str = ""  # a unit kind the style imposes ("" = the profile's unit kind)
    content: bool = False  # text of its own follows (not a table-of-contents entry)
    heading_only: bool = False
    group: int = 0  # which group of dispositions it sits in ("DISPOSICIONES FINALES" …), 0 = none
    in_group: bool = False  # numbered within its group (PRIMERA. …): the group is part of its identity

    @property
    def identity(self) -> str:
        return f"{self.style}:{self.group if self.in_group else 0}:{self.num}"

    @property
    def signature(self) -> tuple[str, str]:
        return self.style, self.emphasis


@dataclass(frozen=True)
class Conventions:
    roles: Mapping[int, str]  # Line.number → role (LAW when absent)
    units: Mapping[int, Candidate]  # Line.number → the unit that line opens
    headings: Mapping[int, int]  # Line.number of a heading line → Line.number of the unit it heads
    margin_headings: Mapping[int, int]  # Line.number of a margin heading ("Definiciones") → the unit below it
    superseded: Mapping[int, int]  # first Line.number of a superseded wording → the unit it belongs to
    superseded_end: Mapping[int, int]  # first Line.number of a superseded wording → its last Line.number
    annotations: Mapping[int, tuple[str, ...]]  # Line.number → annotation markers removed from it
    body_start: int  # index into the line list
    body_end: int
    toc: tuple[int, int] | None  # [start, end) indexes of a table of contents
    promulgation: tuple[int, int] | None  # [start, end) indexes of a promulgating decree
    unit_style: str = ""
    findings: tuple[str, ...] = ()
    cross_headings: frozenset[int] = frozenset()  # Line.numbers of headings over a group of units ("Offences")
    trailing_headings: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))  # Line.number of a margin note printed after its unit's first words → the unit

    def role(self, line: Line) -> str:
        return self.roles.get(line.number, LAW)


# ---------------------------------------------------------------- entry point

def decide(lines: Sequence[Line], profile: Profile) -> tuple[tuple[Line, ...], Conventions]:
    """Read the evidence; return the lines (annotation markers removed) and what was decided."""
    lines, annotations = _strip_annotations(lines, profile)
    styles = unit_styles(profile)
    roles = _roles(lines, profile)
    findings: list[str] = []
    labelled: dict[int, Candidate] = {}
    before: Line | None = None  # the last line of law text so far: a margin heading may head the next
    for i, line in enumerate(lines):
        if roles.get(line.number, LAW) != LAW:
            continue
        labelled.update((c.index, c) for c in _candidates(i, line, styles, profile, before))
        if line.text.strip():
            before = line
    _mark_quotations(lines, roles, profile, labelled)
    candidates = _in_groups([c for i, c in sorted(labelled.items()) if roles.get(lines[i].number, LAW) == LAW],
                            lines, profile)
    candidates = _one_per_line(candidates)
    candidates = _first_paragraph_numbers(candidates, lines)
    candidates = _with_content(candidates, lines, roles, profile)
    candidates, headings = _merge_heading_lines(candidates, lines, roles)
    toc_entries = _toc_entries(candidates)
    chosen = _choose_leading([c for c in candidates if c.number not in toc_entries], _closings(lines, profile), styles,
                             _openings(lines, roles, candidates, profile))
    if not chosen:
        return tuple(lines), Conventions(MappingProxyType(roles), MappingProxyType({}), MappingProxyType({}),
                                         MappingProxyType({}), MappingProxyType({}), MappingProxyType({}),
                                         MappingProxyType(annotations),
                                         0, len(lines), None, None, "", ("no article or section labels found",))
    units, superseded, superseded_end = _duplicates(chosen, candidates, lines, roles, profile, findings)
    headings = {h: u for h, u in headings.items() if u in units}
    order = sorted(units.values(), key=lambda c: c.index)
    main_style = order[0].style if order else ""
    margin = _margin_headings(lines, order, roles, profile, findings)
    trailing = _trailing_headings(lines, order, roles, profile, findings)
    cross = _cross_headings(lines, order, roles, profile, set(headings) | set(margin)) - set(trailing)
    body_start = _body_start(lines, order, roles, profile, set(headings) | set(margin), cross)
    toc = _toc(lines, body_start, roles, candidates, profile)
    promulgation = _promulgation(lines, candidates, units, body_start, toc, roles, profile, findings)
    body_end = _body_end(lines, order, superseded_end, profile)
    for c in candidates:
        if c.number not in units and c.number not in headings and c.number not in superseded \
                and body_start <= c.index < body_end and c.content and c.style == main_style:
            findings.append(f"line {c.number}: {c.label!r} is not taken as an article (out of the law's sequence)")
    if toc:
        for i in range(*toc):
            if roles.get(lines[i].number, LAW) == LAW:
                roles[lines[i].number] = TOC
        findings.append(f"lines {lines[toc[0]].number}–{lines[toc[1] - 1].number}: table of contents (kept, not the body)")
    findings.extend(_unit_findings(order))
    return tuple(lines), Conventions(
        roles=MappingProxyType(roles), units=MappingProxyType(units), headings=MappingProxyType(headings),
        margin_headings=MappingProxyType(margin),
        superseded=MappingProxyType(superseded), superseded_end=MappingProxyType(superseded_end),
        annotations=MappingProxyType(annotations), body_start=body_start, body_end=body_end, toc=toc,
        promulgation=promulgation, unit_style=main_style, findings=tuple(findings), cross_headings=frozenset(cross),
        trailing_headings=MappingProxyType(trailing))


# ---------------------------------------------------------------- unit styles

@dataclass(frozen=True)
class UnitStyle:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    kind: str = ""
    heading_only: bool = False  # the label only counts on a heading-like line ("1 Short title")
    in_group: bool = False  # only inside a group of dispositions (PRIMERA. …)
    secondary: bool = False  # never sets the law's sequence while a main style labels text (dispositions)


def unit_styles(profile: Profile) -> tuple[UnitStyle, ...]:
    return _styles_of(profile.id, profile)


_STYLE_CACHE: dict[str, tuple[UnitStyle, ...]] = {}


def _styles_of(key: str, profile: Profile) -> tuple[UnitStyle, ...]:
    if key not in _STYLE_CACHE:
        out = []
        for n, spec in enumerate(profile.section("structure").get("units", ())):
            pats = spec.get("patterns") or [spec["pattern"]]
            compiled = tuple(profile.compile(f"structure.units[{n}]", p) for p in pats)
            out.append(UnitStyle(str(spec.get("style", f"style{n}")), compiled, str(spec.get("kind", "")),
                                 bool(spec.get("heading_only", False)), bool(spec.get("in_group", False)),
                                 bool(spec.get("secondary", False))))
        _STYLE_CACHE[key] = tuple(out)
    return _STYLE_CACHE[key]


def match_unit(text: str, styles: Sequence[UnitStyle], in_group: bool = False) -> tuple[UnitStyle, re.Match[str]] | None:
    """The first style whose label starts `text` (styles that need a group only inside one)."""
    for style in styles:
        if style.in_group and not in_group:
            continue
        for pattern in style.patterns:
            match = pattern.match(text)
            if match and match.group("num"):
                return style, match
    return None


def clean_num(num: str) -> str:
    num = " ".join(num.split())
    return re.sub(r"\s*[-–]\s*", "-", num) if not re.fullmatch(r"\d+[-–]\d+.*", num) else num


def emphasis(line: Line) -> str:
    style = line.style.lower()
    if style in HEADING_STYLES or style.startswith("heading"):
        return style if style.startswith("h") and len(style) == 2 else "heading"
    if line.bold or (line.lead and not line.lead.endswith(("…", ","))):
        return "bold"
    return "plain"


def _candidates(index: int, line: Line, styles: Sequence[UnitStyle], profile: Profile,
                before: Line | None = None) -> list[Candidate]:
    text = line.text.strip()
    if not text or line.table is not None:
        return []
    # '"Artículo 1°.- …': a law printed inside its promulgation's quotation marks (an amending
    # quotation is told apart later, by the intro before it). The mark stays in the label, as printed.
    mark = text[0] if text[0] in QUOTE_MARKS and len(text) > 1 and not text[1].isspace() else ""
    found = match_unit(text[len(mark):], [s for s in styles if not s.in_group])
    if found is None:
        found = match_unit(text[len(mark):], [s for s in styles if s.in_group], in_group=True)
    if found is None:
        return []
    style, match = found
    num = clean_num(match.group("num"))
    label = mark + match.group("label").strip()
    rest = (match.group("rest") or "").strip()
    if num_key(num) is None:
        return []  # "Artículo 1NN-A …": not a number of any sequence
    if label[:1].islower():
        return []  # "artículo 11 de la Ley …" at the start of a wrapped line is running text
    if rest[:1].islower() and not _marker_start(rest) and not style.in_group and not re.search(r"[.:\-–—]\s*$", label):
        return []  # "Artículo 11 de la Ley 30096 …": a reference that happens to start a line ("Artículo 11.- el …" is not)
    if style.heading_only and not _heading_like(rest, line, profile) and not _headed_sentence(rest, before, profile):
        return []
    if style.in_group and not re.search(r"[.:\-–—]\s*$", label) and emphasis(line) == "plain":
        return []  # "Primera Vicepresidenta del Congreso" is a signature, not "PRIMERA.- …"
    return [Candidate(line.number, index, style.name, num, label, rest, emphasis(line), style.kind,
                      heading_only=style.heading_only, in_group=style.in_group)]


def _first_paragraph_numbers(candidates: list[Candidate], lines: Sequence[Line]) -> list[Candidate]:
    """"ARTÍCULO 3.1. Quien …" then "2. En igual sanción …" (or "3.2. …"): the ".1" numbers the
    article's first paragraph, not an article 3.1 (an inserted "Art. 103.1.-" has no "2." after it).
    The article is 3; its first paragraph keeps the "1." the source prints."""
    out = []
    for n, c in enumerate(candidates):
        found = re.fullmatch(r"(\d+)\.1", c.num)
        head = re.match(rf"^(.*?\b{found.group(1)})\.1\.?\s*$", c.label) if found else None
        if found is None or head is None or not c.rest:
            out.append(c)
            continue
        stop = candidates[n + 1].index if n + 1 < len(candidates) else len(lines)
        after = [lines[k].text.strip() for k in range(c.index + 1, min(stop, c.index + 60))]
        if any(re.match(r"^2\s*[.)]\s", t) for t in after):
            out.append(Candidate(**{**c.__dict__, "num": found.group(1), "label": head.group(1), "rest": f"1. {c.rest}"}))
        elif any(re.match(rf"^{found.group(1)}\.2\.?\s", t) for t in after):
            out.append(Candidate(**{**c.__dict__, "num": found.group(1), "label": head.group(1),
                                    "rest": f"{c.num}. {c.rest}"}))
        else:
            out.append(c)
    return out


def _in_groups(candidates: list[Candidate], lines: Sequence[Line], profile: Profile) -> list[Candidate]:
    """Number the groups of dispositions; each candidate learns the group it sits in."""
    group = profile.regex("structure", "group") if profile.section("structure").get("group") else None
    if group is None:
        return candidates
    starts = [i for i, line in enumerate(lines) if group.match(line.text.strip()) and _upper(line.text)]
    out = []
    k = 0
    for c in candidates:
        while k < len(starts) and starts[k] < c.index:
            k += 1
        out.append(Candidate(**{**c.__dict__, "group": k}))
    return out


def _marker_start(text: str) -> bool:
    return bool(re.match(r"^\(?[a-z]{1,3}[).]", text))


def _heading_like(rest: str, line: Line, profile: Profile) -> bool:
    words = rest.split()
    if not words:
        return line.style.lower() in HEADING_STYLES or line.bold
    limit = int(profile.section("structure").get("max_heading_words", 12))
    return len(words) <= limit + 4 and not rest.rstrip().endswith((";", ",", ":")) and \
        (len(words) <= limit or line.style.lower() in HEADING_STYLES or line.bold)


def _headed_sentence(rest: str, before: Line | None, profile: Profile) -> bool:
    """"1 This Act may be cited as …", "3 (1) Every person who …" under a margin heading on the line
    before ("Short title", "Possession"): the section's text follows its bare number (Canada). Without
    that heading a line opening with a number is a hard-wrapped sentence ("… than\n14 Years …")."""
    if before is None or not profile.section("structure").get("heading_before_unit", False):
        return False
    text = before.text.strip()
    return bool(rest) and _margin_heading(text, before, profile) and not text.endswith(".") \
        and not _formula(text, profile)


def _one_per_line(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[int] = set()
    out = []
    for c in candidates:
        if c.number not in seen:
            seen.add(c.number)
            out.append(c)
    return out


# ---------------------------------------------------------------- roles

def _compiled(profile: Profile, table: str, name: str) -> re.Pattern[str] | None:
    value = profile.section(table).get(name)
    if not value:
        return None
    if isinstance(value, (list, tuple)):
        value = "|".join(f"(?:{v})" for v in value)
    return profile.compile(f"{table}.{name}", value)


class _AnyOf:
    """A list of patterns searched as one, the ones anchored at the start of the line only there: one
    alternation of twenty patterns searched at every position of every line is most of an import."""

    def __init__(self, profile: Profile, table: str, name: str, values: Sequence[str]) -> None:
        anchored = [v[1:] for v in values if v.startswith("^") and not _alternation(v)]
        floating = [v for v in values if not v.startswith("^") or _alternation(v)]
        self.anchored = profile.compile(f"{table}.{name}^", "|".join(f"(?:{v})" for v in anchored)) if anchored else None
        self.floating = profile.compile(f"{table}.{name}*", "|".join(f"(?:{v})" for v in floating)) if floating else None

    def search(self, text: str) -> bool:
        return bool((self.anchored is not None and self.anchored.match(text))
                    or (self.floating is not None and self.floating.search(text)))


def _alternation(pattern: str) -> bool:
    """Whether `pattern` has a "|" outside any group or class ("^a|b": b may stand anywhere)."""
    depth, escaped, in_class = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
    return False


def _any_of(profile: Profile, table: str, name: str) -> _AnyOf | None:
    value = profile.section(table).get(name)
    if not value:
        return None
    return _AnyOf(profile, table, name, [value] if isinstance(value, str) else list(value))


def _roles(lines: Sequence[Line], profile: Profile) -> dict[int, str]:
    """Debris and notes line by line; editorial-notes blocks run to the next unit label."""
    roles: dict[int, str] = {}
    debris = _any_of(profile, "editorial", "debris")
    debris_after = _compiled(profile, "editorial", "debris_from")  # everything from here on is debris
    notes_after = _compiled(profile, "editorial", "notes_from")  # everything from here on is an editorial note
    trailing_notes = False
    notes = _compiled(profile, "editorial", "notes")
    explanatory = _compiled(profile, "editorial", "explanatory")
    notes_block = _compiled(profile, "editorial", "notes_heading")
    unit_rx = unit_styles(profile)
    blocks = [(profile.compile(f"editorial.note_blocks[{n}][0]", a), profile.compile(f"editorial.note_blocks[{n}][1]", b))
              for n, (a, b) in enumerate(profile.section("editorial").get("note_blocks", ()))]
    closing: re.Pattern[str] | None = None  # the end of an open block of notes ("INICIO DE NOTA" … "FIN DE NOTA")
    running = _running_lines(lines, profile)
    in_block = False
    trailing = False
    law_seen = False  # a unit label came before: "MÁS LEÍDOS" after it ends the law; before it, it is one line
    for line in lines:
        text = line.text.strip()
        if not law_seen and match_unit(text, unit_rx):
            law_seen = True
        if trailing:
            roles[line.number] = DEBRIS
            continue
        if line.region in ("nav", "header", "footer") or line.number in running:
            roles[line.number] = DEBRIS  # a page's footer after the closing notes is still the page's
            continue
        if trailing_notes or (law_seen and notes_after is not None and notes_after.match(text)):
            trailing_notes = True
            roles[line.number] = DEBRIS if debris is not None and debris.search(text) else NOTE
            continue
        if closing is not None:
            roles[line.number] = NOTE
            closing = None if closing.match(text) else closing
            continue
        opened = next((end for start, end in blocks if start.match(text)), None)
        if opened is not None:
            roles[line.number] = NOTE
            closing = None if opened.match(text) else opened
            continue
        if line.region == "aside" or line.style == "md-note":
            roles[line.number] = NOTE
            continue
        if debris_after is not None and debris_after.search(text):
            trailing = law_seen
            roles[line.number] = DEBRIS
            continue
        if debris is not None and debris.search(text):
            roles[line.number] = DEBRIS
            continue
        if in_block:
            found = match_unit(text, unit_rx)
            if found and (emphasis(line) != "plain" or not re.fullmatch(r"1[89]\d\d|20\d\d", found[1].group("num"))):
                in_block = False
            else:
                roles[line.number] = NOTE
                continue
        if notes_block is not None and notes_block.match(text) and emphasis(line) != "plain":
            in_block = True
            roles[line.number] = NOTE
            continue
        if (notes is not None and notes.match(text)) or (explanatory is not None and explanatory.match(text)):
            roles[line.number] = NOTE
    return roles


_PAGE_NUMBER = re.compile(r"^\d{1,3}\s+(?=\D)|\s+\d{1,3}$")  # a page number opening or closing a running head


def _running_lines(lines: Sequence[Line], profile: Profile) -> set[int]:
    """A page's running header or footer left in a text copied from print ("ASAMBLEA LEGISLATIVA -
    REPUBLICA DE EL SALVADOR" at the top of every page): the same line of three words or more, twice
    in capitals or three times, down into the articles, that is no sentence, label, list item, division or
    division heading."""
    division = profile.regex("structure", "division") if profile.section("structure").get("division") else None
    styles = unit_styles(profile)
    notes = _compiled(profile, "editorial", "notes")
    seen: dict[str, list[int]] = {}
    pages: dict[str, list[int]] = {}  # the page numbers a repeated line carries ("… de 2031   1", "… de 2031   2")
    first_unit = _first_unit_with_text(lines, styles, division, profile)
    # a title printed above a table of contents and again above the enacting formula is no running head
    first_unit = max(first_unit, next((i for i, line in enumerate(lines) if _formula(line.text.strip(), profile)), 0))
    for i, line in enumerate(lines):
        text = " ".join(line.text.split())
        page = _PAGE_NUMBER.search(text)
        if page and len(text.split()) >= 4:
            text = text[:page.start()] + text[page.end():]
        if line.table is None and len(text.split()) >= 3 and not text.endswith(_TERMINAL + (",",)):
            seen.setdefault(text, []).append(i)
            pages.setdefault(text, []).append(int(page.group(0)) if page else -1)
    out: set[int] = set()
    for text, where in seen.items():
        # the same line twice or more with the page's number rising: a page's head, in any case
        numbers = pages[text]
        paged = len(where) > 1 and numbers[0] >= 0 and all(a < b for a, b in zip(numbers, numbers[1:])) \
            and not (notes is not None and notes.match(text))
        if match_unit(text, styles) or is_division(division, lines[where[0]]) or not text[:1].isupper():
            continue
        if not paged and (len(where) < (2 if _upper(text) else 3) or re.match(r"^\(?\w{1,4}[.)]", text)):
            continue  # list items ("(A) the producing of …") may repeat word for word
        if where[-1] < first_unit:
            continue  # a title printed twice before the law's articles ("LEY …" above and below the formula)
        if any(k > 0 and is_division(division, lines[k - 1]) for k in where):
            continue  # "DISPOSICIONES GENERALES" under two divisions is their heading
        out.update(lines[k].number for k in where)
    return out


def _first_unit_with_text(lines: Sequence[Line], styles: Sequence[UnitStyle], division: re.Pattern[str] | None,
                          profile: Profile) -> int:
    """The first line with a unit label that is not an entry of a list of labels (an arrangement of
    sections: the next line is another label, a division or a schedule's heading)."""
    schedule = profile.regex("schedule", "start") if profile.section("schedule").get("start") else None
    texts = [(i, line) for i, line in enumerate(lines) if line.text.strip()]
    for n, (i, line) in enumerate(texts):
        if not match_unit(line.text.strip(), styles):
            continue
        following = texts[n + 1][1] if n + 1 < len(texts) else None
        if following is None or not (match_unit(following.text.strip(), styles) or is_division(division, following)
                                     or is_schedule(schedule, following)):
            return i
    return len(lines)


def _strip_trailing_markers(lines: Sequence[Line], profile: Profile) -> tuple[list[Line], dict[int, tuple[str, ...]]]:
    """Reference marks a consolidation prints after a provision's last sentence ("… años. (1)"),
    pointing to its list of amendments: taken out of the text, kept as notes on the provision."""
    marker = _compiled(profile, "editorial", "trailing_marker")
    found: dict[int, tuple[str, ...]] = {}
    if marker is None:
        return list(lines), found
    out: list[Line] = []
    for line in lines:
        match = marker.search(line.text) if line.table is None else None
        if match is None or not line.text[:match.start()].strip():
            out.append(line)
            continue
        found[line.number] = (" ".join(match.group(0).split()),)
        out.append(line._replace(text=line.text[:match.start()].rstrip()))
    return out, found


def _strip_annotations(lines: Sequence[Line], profile: Profile) -> tuple[list[Line], dict[int, tuple[str, ...]]]:
    """Remove annotation markers ("F3[" … "]") from the text; remember them per line as notes."""
    lines, found = _strip_trailing_markers(lines, profile)
    opener = _compiled(profile, "editorial", "annotation")
    if opener is None:
        return list(lines), found
    out: list[Line] = []
    stack: list[bool] = []  # open brackets: True for an annotation marker, False for a plain "["
    for line in lines:
        text = line.text
        if "[" not in text and "]" not in text or line.table is not None:
            out.append(line)
            continue
        pieces: list[str] = []
        markers: list[str] = []
        pos = 0
        while pos < len(text):
            match = opener.match(text, pos)
            if match:
                markers.append(match.group(0).rstrip("["))
                stack.append(True)
                pos = match.end()
                if pieces and pieces[-1][-1:].isalnum() and text[pos:pos + 1].isalnum():
                    pieces.append(" ")  # "underF14[section" reads "under section"
                continue
            ch = text[pos]
            if ch == "[":
                stack.append(False)
                pieces.append(ch)
            elif ch == "]":
                if stack and stack.pop():
                    pos += 1
                    continue
                pieces.append(ch)
            else:
                pieces.append(ch)
            pos += 1
        if markers:
            found[line.number] = tuple(markers)
            new_text = " ".join("".join(pieces).split())
            lead = line.lead
            if lead:
                lead = " ".join(opener.sub("", lead).split())
            out.append(line._replace(text=new_text, lead=lead if new_text.startswith(lead) else ""))
        else:
            out.append(line)
    return out, found


# ---------------------------------------------------------------- quotations

def _mark_quotations(lines: Sequence[Line], roles: dict[int, str], profile: Profile,
                     labelled: Mapping[int, Candidate]) -> None:
    """Lines quoted by an amending provision are not the law's own units (the body parser reads them
    into a quoted structure): after an amending intro, a quotation in marks runs to its closing mark;
    one without marks runs to the next label with the signature of the provision that quotes it."""
    intro = _compiled(profile, "amending", "intro")
    if intro is None:
        return
    reference = _compiled(profile, "amending", "reference")
    if reference is not None:  # text quoted for reference is a quotation too (it is not the law's own)
        intro = re.compile(f"(?:{intro.pattern})|(?:{reference.pattern})", intro.flags)
    ends = _compiled(profile, "amending", "intro_end")
    explanatory = _compiled(profile, "editorial", "explanatory")
    host: Candidate | None = None
    sentence = ""  # the sentence so far: an intro may be hard-wrapped over several lines
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        text = line.text.strip()
        if roles.get(line.number, LAW) != LAW:
            i += 1
            continue
        if i in labelled:
            host = labelled[i]
        if _formula(text, profile):
            sentence = ""  # "The Parliament of New Zealand enacts as follows:" announces the Act, not an amendment
            i += 1
            continue
        sentence = f"{sentence} {text}"[-2000:] if sentence and not sentence.endswith(_TERMINAL) else text
        sentence = _SENTENCE_END.split(sentence)[-1]  # "… amended on 2031-06-22. Previous Versions …" is two
        if i in labelled and labelled[i].heading_only and _own_heading(labelled[i].rest, profile):
            sentence = ""  # "5 New section 131B inserted (…)": a heading, which no sentence runs on from
            i += 1
            continue
        if ((ends is not None and not ends.search(sentence[-60:]) and not (reference and reference.search(sentence)))
                or not intro.search(sentence)) and not _quotes_a_unit(i, lines, roles, labelled, host):
            i += 1
            continue
        sentence = ""
        j = i + 1
        while j < n and (not lines[j].text.strip() or roles.get(lines[j].number, LAW) not in (LAW, QUOTED)):
            j += 1
        if j >= n:
            break
        first = lines[j].text.lstrip()
        opener = text.rstrip()[-1:] if text.rstrip().endswith(tuple(QUOTE_MARKS)) else first[:1]
        if opener not in QUOTE_MARKS and intro.search(first):
            i = j  # "… queda modificada en los siguientes términos:" then "Uno. Se modifica …:": each item quotes
            continue
        if opener in QUOTE_MARKS:
            close = QUOTE_MARKS[opener]
            k = j
            while k < n:
                body = lines[k].text.rstrip()
                if _closes(body, close) and (k > j or len(body) > 1):
                    break
                k += 1
            end = min(k + 1, n)
        else:
            end = j
            while end < n:
                nxt = lines[end]
                cand = labelled.get(end) if roles.get(nxt.number, LAW) == LAW else None
                # the host's sequence goes on: its next number, or a label typeset like the host's own
                if cand is not None and host is not None and cand.style == host.style and (
                        follows(host.num, cand.num) or (cand.signature == host.signature and host.emphasis != "plain")):
                    break
                if _ends_quotation(nxt, profile):
                    break
                end += 1
        for k in range(j, end):
            if roles.get(lines[k].number, LAW) == LAW or (
                    explanatory is not None and not lines[k].region and explanatory.match(lines[k].text.strip())):
                roles[lines[k].number] = QUOTED  # an explanatory note inside inserted text is inserted too
        i = max(end, i + 1)


def _closes(text: str, close: str) -> bool:
    """A quotation closes on this line: its mark at the end, maybe with a stop and a short editorial tag
    after it ('… multa.» ', '… multa." (NR)')."""
    return bool(re.search(re.escape(close) + r'[.;]?»?(?:\s*\([^()]{1,12}\))?[.;]?$', text))


def _quotes_a_unit(i: int, lines: Sequence[Line], roles: Mapping[int, str], labelled: Mapping[int, Candidate],
                   host: Candidate | None) -> bool:
    """The layout says "quotation" whatever the wording of the intro: inside an article, a line that ends
    with a colon is followed by a unit label that opens with a quotation mark and does not continue the
    article's own numbering ('… passam a vigorar com a seguinte redação:' / '"Art. 240. …')."""
    if host is None or not lines[i].text.rstrip().endswith(":"):
        return False
    j = i + 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    cand = labelled.get(j)
    if cand is None or roles.get(lines[j].number, LAW) != LAW or lines[j].text.lstrip()[:1] not in QUOTE_MARKS:
        return False
    return not follows(host.num, cand.num)


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z“\"«])")


def _ends_quotation(line: Line, profile: Profile) -> bool:
    text = line.text.strip()
    group = profile.section("structure").get("group")
    if group and profile.regex("structure", "group").match(text) and _upper(text):
        return True
    conclusions = profile.section("conclusions").get("start")
    return bool(conclusions and profile.regex("conclusions", "start").match(text))


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# ---------------------------------------------------------------- evidence for each candidate

def _with_content(candidates: list[Candidate], lines: Sequence[Line], roles: Mapping[int, str],
                  profile: Profile) -> list[Candidate]:
    """A candidate has content when text of its own follows it (a law line that is not another label,
    a division or a heading, before the next label), or when its rest reads as a sentence and its
    number does not come again later (a table of contents repeats the numbers of the body)."""
    division = profile.regex("structure", "division") if profile.section("structure").get("division") else None
    positions = [c.index for c in candidates] + [len(lines)]
    repealed_rx = profile.regex("structure", "repealed") if profile.section("structure").get("repealed") else None
    later: dict[str, int] = {}
    for c in candidates:
        later[c.identity] = c.index  # the last index where each number occurs
    out = []
    for n, c in enumerate(candidates):
        words = c.rest.split()
        own = len(words) >= 10 or (len(words) >= 1 and c.rest.rstrip().endswith((".", ":", ";", "—", "-"))
                                   and not _emphatic(lines[c.index]))
        follow = False
        for k in range(c.index + 1, min(positions[n + 1], c.index + 40)):
            line = lines[k]
            if line.table is not None:
                follow = True
                break
            if roles.get(line.number, LAW) not in (LAW, QUOTED):
                continue
            text = line.text.strip()
            if division is not None and division.match(text):
                break
            if len(text.split()) >= 4 or text.endswith((".", ";", ":")):
                follow = True
                break
        recurs = later[c.identity] > c.index
        repealed = bool(repealed_rx and repealed_rx.match(c.rest))  # "Artículo 6.- [Derogado]" is a unit
        out.append(Candidate(**{**c.__dict__, "content": follow or ((own or repealed) and not recurs)}))
    return out


def _toc_entries(candidates: list[Candidate]) -> set[int]:
    """Entries of a table of contents: runs of two or more labels without text of their own whose
    numbers come again later with text."""
    with_text: dict[str, int] = {}
    for c in candidates:
        if c.content:
            with_text[c.identity] = c.index  # the last place each number has text
    out: set[int] = set()
    run: list[Candidate] = []
    for c in candidates + [None]:  # type: ignore[list-item]
        if c is not None and not c.content and with_text.get(c.identity, -1) > c.index:
            run.append(c)
            continue
        if len(run) >= 2:
            out.update(x.number for x in run)
        run = []
    return out


def _emphatic(line: Line) -> bool:
    return emphasis(line) != "plain" and not line.lead


def _merge_heading_lines(candidates: list[Candidate], lines: Sequence[Line],
                         roles: Mapping[int, str]) -> tuple[list[Candidate], dict[int, int]]:
    """"##### 5. Producing …" then "5.—(1) A person …": one unit, headed by the first line."""
    out: list[Candidate] = []
    headings: dict[int, int] = {}
    skip = False
    for n, c in enumerate(candidates):
        if skip:
            skip = False
            continue
        nxt = candidates[n + 1] if n + 1 < len(candidates) else None
        if nxt is not None and nxt.num == c.num and nxt.style == c.style and c.emphasis != "plain" \
                and not _law_between(lines, roles, c.index, nxt.index) and len(c.rest.split()) <= 30:
            headings[c.number] = nxt.number
            heading = c.rest if c.rest else ""
            # the heading lines carry the consistent typography ("#####"); the labels below vary
            merged = Candidate(**{**nxt.__dict__, "content": nxt.content or c.content, "emphasis": c.emphasis,
                                  "rest": nxt.rest if nxt.rest or not heading else ""})
            out.append(merged)
            skip = True
            continue
        out.append(c)
    return out, headings


def _law_between(lines: Sequence[Line], roles: Mapping[int, str], a: int, b: int) -> bool:
    return any(roles.get(lines[k].number, LAW) == LAW and lines[k].text.strip() for k in range(a + 1, b))


# ---------------------------------------------------------------- the sequence

def _edge(prev: Candidate, cur: Candidate) -> float | None:
    """The cost of `cur` continuing a sequence after `prev`, or None when it cannot."""
    a, b = num_key(prev.num), num_key(cur.num)
    if a is None or b is None:
        return None
    if num_system(prev.num) != num_system(cur.num) or (cur.in_group and cur.group != prev.group):
        return 1.5 if b == (1, 0) else None  # a new numbering starts (roman preliminary title, then 1, 2 …)
    if follows(prev.num, cur.num):
        return 0.0
    if b <= a:
        return None
    return 1.0 + min(b[0] - a[0], 30) * 0.05


def _best_sequence(group: list[Candidate], closings: list[int]) -> tuple[float, list[Candidate]]:
    """The best-scoring numbered sequence through `group` (dynamic programming over a window)."""
    score = [0.0] * len(group)
    back = [-1] * len(group)
    for j, cur in enumerate(group):
        weight = 2.0 if cur.content else 1.0
        best, arg = 0.0, -1
        closing = closings[cur.index]
        for i in range(max(0, j - WINDOW), j):
            if score[i] <= best or closings[group[i].index] != closing:
                continue  # cannot beat what we have (costs are never negative)
            cost = _edge(group[i], cur)
            if cost is not None and score[i] - cost > best:
                best, arg = score[i] - cost, i
        start_bonus = 0.5 if arg < 0 and num_key(cur.num) == (1, 0) else 0.0
        score[j] = weight + max(best, start_bonus)
        back[j] = arg
    if not group:
        return 0.0, []
    end = max(range(len(group)), key=lambda k: score[k])
    chain = []
    while end >= 0:
        chain.append(group[end])
        end = back[end]
    return max(score), chain[::-1]


def _closings(lines: Sequence[Line], profile: Profile) -> list[int]:
    """For each line, how many closing formulas ("POR TANTO", "Dado en …") come before it: a law's
    numbering does not run on past its own closing (a promulgating decree, then the code it carries)."""
    conclusions = profile.regex("conclusions", "start") if profile.section("conclusions").get("start") else None
    counts, seen = [], 0
    for line in lines:
        if conclusions is not None and conclusions.match(line.text.strip()):
            seen += 1
        counts.append(seen)
    return counts


def _choose(candidates: list[Candidate], closings: list[int], openings: Mapping[int, str] = MappingProxyType({})
            ) -> dict[int, Candidate]:
    """The units: the best sequence, its off-sequence siblings that fit, and other styles with text.
    `openings` says how each candidate's line is entered (see `_openings`): a bare number off the
    sequence needs evidence that it opens a unit."""
    if not candidates:
        return {}
    by_signature: dict[tuple[str, str], list[Candidate]] = {}
    for c in candidates:
        by_signature.setdefault(c.signature, []).append(c)
    scored = {sig: _best_sequence(group, closings) for sig, group in by_signature.items()}
    main_sig = max(scored, key=lambda s: (scored[s][0], -by_signature[s][0].index))
    chain = scored[main_sig][1]
    chosen = {c.number: c for c in chain}
    first, last = chain[0].index, chain[-1].index
    main_style = main_sig[0]
    identities = {c.identity for c in chain}
    # Same style, another emphasis, exactly filling a gap of the sequence (inconsistent formatting).
    others = sorted((c for sig, group in by_signature.items() if sig != main_sig and sig[0] == main_style
                     for c in group if c.content and first < c.index < last and c.identity not in identities),
                    key=lambda c: c.index)
    for before, after in zip(chain, chain[1:]):
        run = [c for c in others if before.index < c.index < after.index]
        if run and all(follows(a.num, b.num) for a, b in zip([before] + run, run + [after])):
            chosen.update((c.number, c) for c in run)
    # ... or carrying the sequence on after its last unit
    tail = chain[-1]
    for c in sorted((c for sig, group in by_signature.items() if sig != main_sig and sig[0] == main_style
                     for c in group if c.index > last and c.content), key=lambda c: c.index):
        if not follows(tail.num, c.num):
            break
        chosen[c.number] = tail = c
    # Main signature, off the sequence: kept (a misnumbered article, reported) when its number is
    # plausible — it opens with words of its own, or its number is near the numbers of the sequence
    # around it ("2019." alone at the start of a wrapped line is neither).
    for c in by_signature[main_sig]:
        if c.number not in chosen and first < c.index and (c.content or c.rest) and \
                (len(c.rest.split()) >= 2 or _plausible(c, chain)) and _evidenced(c, chain, openings):
            chosen[c.number] = c
    # Other styles (final dispositions, ordinals in a group) that carry text and lie after the start.
    for sig, group in by_signature.items():
        if sig[0] == main_style:
            continue
        for c in group:
            if c.content and c.index > first and _evidenced(c, chain, openings):
                chosen[c.number] = c
    return chosen


def _choose_leading(candidates: list[Candidate], closings: list[int], styles: Sequence[UnitStyle],
                    openings: Mapping[int, str]) -> dict[int, Candidate]:
    """The units, the sequence set by the main styles: a secondary style (a Spanish law's final
    dispositions) never outweighs articles that carry text — a law of three articles and six
    dispositions is a law of articles — and joins them after the first article, as other styles do."""
    secondary = {s.name for s in styles if s.secondary}
    leading = [c for c in candidates if c.style not in secondary]
    if not secondary or len(leading) == len(candidates) or not any(c.content for c in leading):
        return _choose(candidates, closings, openings)
    chosen = _choose(leading, closings, openings)
    if not chosen:
        return _choose(candidates, closings, openings)
    first = min(c.index for c in chosen.values())
    chosen.update((c.number, c) for c in candidates if c.style in secondary and c.content and c.index > first)
    return chosen


def _bare(c: Candidate) -> bool:
    """A label that is a number and nothing else ("18", "18.", "4.—"): any line of running text or
    page furniture may start so, unlike "Section 18", "§ 18" or "PRIMERA."."""
    return c.num[:1].isdigit() and not re.search(r"[^\W\d_]|§", c.label.replace(c.num, "", 1))


def _evidenced(c: Candidate, chain: list[Candidate], openings: Mapping[int, str]) -> bool:
    """Whether a candidate off the best sequence really opens a unit. A worded label in the law's
    style is its own evidence. A bare number needs more: the typography of a label (bold, a heading
    line), a margin heading right above it (and a number near the sequence's), or — on a line that does not carry on an unfinished
    sentence — a number that continues the sequence where it stands. Without that it is the start of
    a hard-wrapped line ("… under the age of" / "18 Years …") or a page's running head ("4 No. 51234
    GOVERNMENT GAZETTE")."""
    if not _bare(c) or c.emphasis != "plain":
        return True
    if openings.get(c.number) == "heading":
        return _plausible(c, chain)  # a misnumbered section under its heading; not "… on 1 July" / "2032. The …"
    return openings.get(c.number) != "open" and _continues(c, chain)


def _continues(c: Candidate, chain: list[Candidate]) -> bool:
    """`c` fits between the units of the sequence around it and comes right after the one before it
    or right before the one after it."""
    before = [x for x in chain if x.index < c.index]
    after = [x for x in chain if x.index > c.index]
    prev, nxt = (before[-1] if before else None), (after[0] if after else None)
    key = num_key(c.num)
    if key is None or (prev is None and nxt is None):
        return False
    if prev is not None and (num_key(prev.num) or (0, 0)) >= key:
        return False
    if nxt is not None and (num_key(nxt.num) or (0, 0)) <= key:
        return False
    return (prev is not None and follows(prev.num, c.num)) or (nxt is not None and follows(c.num, nxt.num))


def _openings(lines: Sequence[Line], roles: Mapping[int, str], candidates: list[Candidate],
              profile: Profile) -> dict[int, str]:
    """How each candidate's line is entered: "open" when the law's line before it leaves a sentence
    unfinished (the candidate is a hard-wrapped continuation), "heading" when that line is a margin
    heading after a finished sentence, a label or a division, "" otherwise."""
    division = profile.regex("structure", "division") if profile.section("structure").get("division") else None
    labelled = {c.index for c in candidates}
    out: dict[int, str] = {}
    law = [i for i, line in enumerate(lines) if roles.get(line.number, LAW) == LAW and line.text.strip()]
    position = {i: n for n, i in enumerate(law)}

    def finished(n: int) -> bool:
        if n < 0:
            return True
        k = law[n]
        text = lines[k].text.strip()
        return text.endswith(_TERMINAL + (")", "]", "—", "–")) or k in labelled or is_division(division, lines[k])

    for c in candidates:
        n = position.get(c.index, -1) - 1
        if n < 0 or finished(n):
            out[c.number] = ""
            continue
        k = law[n]
        text = lines[k].text.strip()
        heading = _margin_heading(text, lines[k], profile) and not _formula(text, profile)
        above = law[n - 1] if n > 0 else -1
        if heading and (finished(n - 1) or (above >= 0 and _division_heading(lines[above].text.strip(), lines[above]))):
            out[c.number] = "heading"
        else:
            out[c.number] = "open"
    return out


def _plausible(c: Candidate, chain: list[Candidate], slack: int = 3) -> bool:
    key = num_key(c.num)
    before = [x for x in chain if x.index < c.index and num_system(x.num) == num_system(c.num)]
    after = [x for x in chain if x.index > c.index and num_system(x.num) == num_system(c.num)]
    around = [num_key(x.num) for x in before[-1:] + after[:1]]
    around = [k for k in around if k is not None]
    if key is None or not around:
        return False
    return min(k[0] for k in around) - slack <= key[0] <= max(k[0] for k in around) + slack


def _duplicates(chosen: dict[int, Candidate], candidates: list[Candidate], lines: Sequence[Line],
                roles: Mapping[int, str], profile: Profile, findings: list[str]):
    """A number printed twice as a unit: keep one wording, the other becomes a superseded note."""
    validity = _compiled(profile, "editorial", "superseded_after")
    former = _compiled(profile, "editorial", "superseded_before")
    order = sorted(chosen.values(), key=lambda c: c.index)
    units = dict(chosen)
    superseded: dict[int, int] = {}
    superseded_end: dict[int, int] = {}
    seen: dict[str, Candidate] = {}
    for n, c in enumerate(order):
        key = c.identity
        if key not in seen:
            seen[key] = c
            continue
        first = seen[key]
        nxt = order[n + 1].index if n + 1 < len(order) else len(lines)
        end = _block_end(lines, c.index, nxt, profile)
        first_next = next((o.index for o in order if o.index > first.index), len(lines))
        first_end = _block_end(lines, first.index, first_next, profile)

        def marked(start: int, stop: int) -> bool:
            after = validity is not None and any(validity.search(lines[k].text) for k in range(start, min(stop + 2, len(lines))))
            before = former is not None and any(former.search(lines[k].text) for k in range(max(0, start - 4), start))
            return after or before

        if marked(first.index, first_end) and not marked(c.index, end):
            old, old_end, current = first, first_end, c
            seen[key] = c
        else:
            old, old_end, current = c, end, first
        units.pop(old.number, None)
        superseded[old.number] = current.number
        superseded_end[old.number] = lines[old_end - 1].number if old_end > old.index else old.number
        findings.append(f"line {old.number}: {old.label!r} is printed again; the wording at line {current.number} is "
                        f"kept as the article, the one at line {old.number} as a superseded note")
    return units, superseded, superseded_end


def _block_end(lines: Sequence[Line], start: int, limit: int, profile: Profile) -> int:
    """Where a unit's lines end: the next unit, a division heading, or a group heading."""
    division = profile.regex("structure", "division") if profile.section("structure").get("division") else None
    group = profile.regex("structure", "group") if profile.section("structure").get("group") else None
    validity = _compiled(profile, "editorial", "superseded_after")
    for k in range(start + 1, limit):
        text = lines[k].text.strip()
        if is_division(division, lines[k]):
            return k
        if group is not None and group.match(text) and _upper(text):
            return k
        if validity is not None and validity.search(text):
            return k + 1
    return limit


# ---------------------------------------------------------------- margin headings

def _margin_headings(lines: Sequence[Line], order: list[Candidate], roles: Mapping[int, str], profile: Profile,
                     findings: list[str]) -> dict[int, int]:
    """Headings printed on their own line above the article ("Definiciones" / "Art. 2.- Para los
    efectos …"). A profile may say its tradition does this (`heading_before_unit`, then the body
    parser reads them as they come); otherwise it is the document's own convention when most of its
    units carry one: a short line that is no sentence, after a line that ends a sentence, a division
    or another label, above a unit whose label line starts its text."""
    if profile.section("structure").get("heading_before_unit", False) or len(order) < 2:
        return {}
    division = profile.regex("structure", "division") if profile.section("structure").get("division") else None
    group = profile.regex("structure", "group") if profile.section("structure").get("group") else None
    unit_lines = {c.index for c in order}
    found: dict[int, int] = {}
    for c in order:
        if not c.rest or _own_heading(c.rest, profile) or c.emphasis != "plain":
            continue
        i = c.index - 1
        while i >= 0 and (roles.get(lines[i].number, LAW) != LAW or not lines[i].text.strip()):
            i -= 1
        if i < 1 or i in unit_lines:
            continue
        line, text = lines[i], lines[i].text.strip()
        if is_division(division, line) or (group is not None and group.match(text) and _upper(text)) \
                or not _margin_heading(text, line, profile) or _formula(text, profile) \
                or (text.endswith(".") and len(text.split()) > 8):
            continue
        k = i - 1
        while k >= 0 and (roles.get(lines[k].number, LAW) != LAW or not lines[k].text.strip()):
            k -= 1
        before = lines[k].text.strip() if k >= 0 else ""
        if k >= 0 and is_division(division, lines[k]) and not (division.match(before).group("heading") or "").strip():  # type: ignore[union-attr]
            continue  # "CAPÍTULO I" / "DISPOSICIONES GENERALES": the chapter's heading, not the article's
        if k >= 0 and not (before.endswith(_TERMINAL) or k in unit_lines or is_division(division, lines[k])
                           or _division_heading(before, lines[k])):
            continue  # the tail of a hard-wrapped sentence
        found[line.number] = c.number
    if len(found) < 2 or 2 * len(found) < len(order):
        return {}
    findings.append(f"{len(found)} of {len(order)} articles carry their heading on the line above the label")
    return found


# ---------------------------------------------------------------- where the body is

def _trailing_headings(lines: Sequence[Line], order: list[Candidate], roles: Mapping[int, str], profile: Profile,
                       findings: list[str]) -> dict[int, int]:
    """Margin notes that a print's text layer puts after the section's first lines ("23.—(1) Any person …"
    … "Child sexual abuse material." … "(2) …"): a short line that is no sentence, in the section's
    block after a finished sentence. The document's own convention when every unit with a label line of
    text has one, the last unit too, and the first unit has none above it (then the line above a unit
    is the note of the unit before, not the heading of the next)."""
    if len(order) < 2 or not profile.section("structure").get("heading_before_unit", False):
        return {}
    division = profile.regex("structure", "division") if profile.section("structure").get("division") else None
    verbs = set(profile.word("sentence_words", ()))
    unit_lines = {c.index for c in order}

    def note_line(k: int, before: str) -> bool:
        text = lines[k].text.strip()
        words = text.rstrip(".").split()
        return bool(words) and before.endswith(_TERMINAL + ("—", "–")) and _margin_heading(text, lines[k], profile) \
            and len(words) <= 10 and not verbs & {w.lower().strip(",;") for w in words} and not _formula(text, profile) \
            and not re.match(r"^\(?\w{1,4}[.)]\s", text) and not is_division(division, lines[k])

    found: dict[int, int] = {}
    for n, c in enumerate(order):
        if not c.rest or _own_heading(c.rest, profile):
            return {}  # a heading on the label's line: no note after it
        stop = order[n + 1].index if n + 1 < len(order) else len(lines)
        before = c.rest
        for k in range(c.index + 1, stop):
            text = lines[k].text.strip()
            if roles.get(lines[k].number, LAW) != LAW or not text:
                continue
            if is_division(division, lines[k]) or k in unit_lines:
                break
            if note_line(k, before):
                found[lines[k].number] = c.number
                break
            before = text
    if len(found) < len(order) or order[-1].number not in found.values():
        return {}
    k = order[0].index - 1
    while k >= 0 and (roles.get(lines[k].number, LAW) != LAW or not lines[k].text.strip()):
        k -= 1
    if k >= 0 and not is_division(division, lines[k]) and _margin_heading(lines[k].text.strip(), lines[k], profile) \
            and not lines[k].text.strip().endswith(_TERMINAL):
        return {}  # the first unit has its heading above it
    findings.append(f"{len(found)} of {len(order)} sections carry their margin note after their first words")
    return found


def _cross_headings(lines: Sequence[Line], order: list[Candidate], roles: Mapping[int, str], profile: Profile,
                    headings: set[int]) -> set[int]:
    """Headings over a group of sections ("Offences", "Coming into Force"): a heading-like line right above
    a section's own heading — its margin heading on the line before ("Possession" then "3 (1) …"), or the
    heading its label line carries ("1 Possession of indecent images"). A division's heading is not one."""
    if not profile.section("structure").get("heading_before_unit", False):
        return set()
    division = profile.regex("structure", "division") if profile.section("structure").get("division") else None
    unit_lines = {c.number for c in order}

    def law_before(index: int) -> int:
        k = index - 1
        while k >= 0 and (not lines[k].text.strip() or roles.get(lines[k].number, LAW) != LAW):
            k -= 1
        return k

    def heading_line(k: int) -> bool:
        if k < 0 or lines[k].number in unit_lines or lines[k].number in headings or is_division(division, lines[k]):
            return False
        text = lines[k].text.strip()
        return _margin_heading(text, lines[k], profile) and not text.endswith(".") and not _formula(text, profile)

    def under_division(k: int) -> bool:
        before = law_before(k)
        return before >= 0 and is_division(division, lines[before])

    out: set[int] = set()
    for c in order:
        k = law_before(c.index)
        if c.heading_only and _own_heading(c.rest, profile):
            cross = k  # "1 Possession of indecent images" heads itself: the line above heads the group
        elif heading_line(k):
            cross = law_before(k)
        else:
            continue
        if heading_line(cross) and not under_division(cross):
            out.add(lines[cross].number)
    return out


def _body_start(lines: Sequence[Line], order: list[Candidate], roles: Mapping[int, str], profile: Profile,
                headings: set[int], cross: set[int] = frozenset()) -> int:  # type: ignore[assignment]
    """The first unit, with its heading line and the division lines (and their headings) right above it."""
    first = order[0].index
    division = profile.regex("structure", "division") if profile.section("structure").get("division") else None
    group = profile.regex("structure", "group") if profile.section("structure").get("group") else None
    start = first
    i = first - 1
    while i >= 0:
        line = lines[i]
        text = line.text.strip()
        if roles.get(line.number, LAW) != LAW:
            i -= 1
            continue
        if line.number in headings:  # "##### 1. Short title" above "1.—(1) This Act …"
            start = i
            i -= 1
            continue
        is_div = is_division(division, line)
        is_group = bool(group and group.match(text) and _upper(text))
        prev = lines[i - 1] if i >= 1 else None
        prev_div = prev is not None and is_division(division, prev)
        if not is_div and prev_div and _division_heading(text, line):
            i -= 1
            continue
        if is_group and start < first:
            break
        if is_div or is_group:
            start = i
            i -= 1
            continue
        if i == first - 1 and profile.section("structure").get("heading_before_unit", False) \
                and _margin_heading(text, line, profile) and not _formula(text, profile) \
                and not _own_heading(order[0].rest, profile):
            start = i  # the margin heading of the first section ("Short title and commencement.")
            i -= 1
            continue
        if line.number in cross:  # "Short Title" over the first section's own heading
            start = i
            i -= 1
            continue
        break
    return start


def _own_heading(rest: str, profile: Profile) -> bool:
    """"1. Short title" (no full stop, a few words): the unit's heading is on its own line."""
    words = rest.split()
    limit = int(profile.section("structure").get("max_heading_words", 12))
    return 0 < len(words) <= limit and not rest.rstrip().endswith((".", ";", ":", ",", "—", "–", "-"))


def _formula(text: str, profile: Profile) -> bool:
    """An enacting formula ("ENACTED by the Parliament …, as follows—"): the preamble, not a heading."""
    rx = profile.regex("preamble", "formula") if profile.section("preamble").get("formula") else None
    return bool(rx and rx.match(text))


def _margin_heading(text: str, line: Line, profile: Profile) -> bool:
    words = text.split()
    limit = int(profile.section("structure").get("max_heading_words", 12))
    starters = set(profile.word("sentence_starters", ()))
    return 0 < len(words) <= limit and text[:1].isupper() and not text.rstrip().endswith((",", ";", ":", "—", "–", "-")) \
        and (not text.rstrip().endswith(".") or words[0].lower() not in starters)


def is_division(division: re.Pattern[str] | None, line: Line) -> bool:
    """A division line ("CAPÍTULO II", "PART 3 — OFFENCES"): its keyword in capitals, or the line set
    as a heading, or the keyword and number alone on their line ("Part 1"), which no sentence is."""
    text = line.text.strip()
    match = division.match(text) if division is not None and text else None
    if match is None:
        return False
    keyword = text.split()[0]
    alone = not (match.groupdict().get("heading") or "").strip()
    return _upper(keyword) or emphasis(line) != "plain" or (alone and keyword[:1].isupper())


def is_schedule(schedule: re.Pattern[str] | None, line: Line) -> bool:
    """A schedule's heading: its keyword in capitals ("SCHEDULE 2", "FIRST SCHEDULE"), or the line set as
    a heading, or "Schedule 1" with nothing after its number but a dash and a heading ("Schedule 1—Amendments"),
    which no sentence is."""
    text = line.text.strip()
    match = schedule.match(text) if schedule is not None and text else None
    if match is None:
        return False
    if _upper(text.split()[0]) or emphasis(line) != "plain":
        return True
    number = match.groupdict().get("numafter")
    after = text[match.start("heading"):] if match.group("heading") else ""
    between = text[match.end("numafter"):match.start("heading")] if number and match.group("heading") else ""
    return bool(number) and text[:1].isupper() and (not after or bool(re.search(r"[—–-]", between)))


def _division_heading(text: str, line: Line) -> bool:
    words = text.split()
    if not words or len(words) > 25:
        return False
    return _upper(text) or emphasis(line) != "plain" or (len(words) <= 15 and text[:1].isupper()
                                                         and not text.rstrip().endswith((".", ";", ":", ",")))


def _body_end(lines: Sequence[Line], order: list[Candidate], superseded_end: Mapping[int, int], profile: Profile) -> int:
    """After the last unit: the first line that opens the conclusions, a schedule or trailing debris."""
    conclusions = profile.regex("conclusions", "start") if profile.section("conclusions").get("start") else None
    schedule = profile.regex("schedule", "start") if profile.section("schedule").get("start") else None
    notes_after = _compiled(profile, "editorial", "notes_from")
    last = order[-1].index
    for k in range(last + 1, len(lines)):
        text = lines[k].text.strip()
        if conclusions is not None and conclusions.match(text):
            return k
        if notes_after is not None and notes_after.match(text):
            return k  # the publisher's block after the Act ("Legislative history") is no section's
        if is_schedule(schedule, lines[k]):
            return k
    return len(lines)


def _toc(lines: Sequence[Line], body_start: int, roles: Mapping[int, str], candidates: list[Candidate],
         profile: Profile) -> tuple[int, int] | None:
    """A table of contents before the body: its heading ("ÍNDICE", "ARRANGEMENT OF SECTIONS") and the
    run of entries after it — labels without text, divisions and their headings, schedules, "(Artículo 1
    al 13)" lines — or, without a heading, such a run of three or more right before the body."""
    heading = _compiled(profile, "editorial", "toc_heading")
    entry = _compiled(profile, "structure", "toc_entry")
    division = profile.regex("structure", "division") if profile.section("structure").get("division") else None
    group = profile.regex("structure", "group") if profile.section("structure").get("group") else None
    schedule = profile.regex("schedule", "start") if profile.section("schedule").get("start") else None
    labels = {c.index for c in candidates if c.index < body_start and not c.content}
    body_numbers = {c.num for c in candidates if c.index >= body_start}

    def numbered_entry(text: str) -> bool:
        # "1—Short title.", "3 Possession of …": a number of the body's sequence, then a short heading
        found = re.match(r"^(?:\w+\.?\s+)?(\d+[A-Za-z]?)\s*[—–.\-:]?\s*\S", text)
        return bool(found and found.group(1) in body_numbers and len(text.split()) <= 20)

    def is_entry(i: int) -> bool:
        line = lines[i]
        text = line.text.strip()
        if i in labels or (entry is not None and entry.search(text)) or numbered_entry(text):
            return True
        if any(rx is not None and rx.match(text) for rx in (division, group, schedule)):
            return True
        # a division's heading on its own line ("PRELIMINARY", "Amendments to principal Act") right after a
        # division entry that has none
        if i == 0 or division is None:
            return False
        above = division.match(lines[i - 1].text.strip())
        return bool(above) and (_upper(text) or (not (above.groupdict().get("heading") or "").strip()
                                                 and _division_heading(text, line)))

    # a contents heading in website navigation (debris) is the page's, not the law's: it starts no toc
    start = next((i for i in range(body_start) if heading is not None and heading.match(lines[i].text.strip())
                  and roles.get(lines[i].number, LAW) == LAW), None)
    if start is not None:
        end = start + 1
        # the column heads of the table ("Section", "Artículo … Página") come first
        while end < body_start and len(lines[end].text.split()) <= 2 and not any(ch.isdigit() for ch in lines[end].text):
            end += 1
        while end < body_start and (roles.get(lines[end].number, LAW) != LAW or is_entry(end)):
            end += 1
        return start, end
    i = body_start - 1
    run = 0
    while i >= 0 and (roles.get(lines[i].number, LAW) != LAW or is_entry(i)):
        run += roles.get(lines[i].number, LAW) == LAW
        i -= 1
    return (i + 1, body_start) if run >= 3 else None


def _promulgation(lines: Sequence[Line], candidates: list[Candidate], units: Mapping[int, Candidate], body_start: int,
                  toc: tuple[int, int] | None, roles: Mapping[int, str], profile: Profile,
                  findings: list[str]) -> tuple[int, int] | None:
    """A decree that promulgates the code after it: its own articles, then "POR TANTO … Dado en"."""
    conclusions = profile.regex("conclusions", "start") if profile.section("conclusions").get("start") else None
    if conclusions is None:
        return None
    main_style = min(units.values(), key=lambda c: c.index).style if units else ""
    before = [c for c in candidates if c.index < body_start and c.style == main_style
              and not (toc and toc[0] <= c.index < toc[1])]
    if not any(c.content or c.rest for c in before):
        return None
    closing = next((k for k in range(before[-1].index + 1, body_start) if conclusions.match(lines[k].text.strip())), None)
    if closing is None:
        return None
    start = before[0].index
    end = toc[0] if toc and toc[0] > start else body_start
    title = profile.regex("preamble", "title") if profile.section("preamble").get("title") else None
    if title is not None:  # the title of the code it promulgates opens the code, not the decree
        end = next((k for k in range(closing + 1, end) if title.match(lines[k].text.strip())), end)
    findings.append(f"lines {lines[start].number}–{lines[end - 1].number}: a promulgating instrument with "
                    f"{len(before)} article(s) of its own, kept in the preamble; the body is what it promulgates")
    return start, end


def _unit_findings(order: list[Candidate]) -> list[str]:
    out = []
    prev: Candidate | None = None
    for c in order:
        if prev is not None and prev.style == c.style and prev.group == c.group and not follows(prev.num, c.num):
            a, b = num_key(prev.num), num_key(c.num)
            if a is not None and b is not None and num_system(prev.num) == num_system(c.num):
                what = "out of order" if b < a else "after a gap"
                out.append(f"line {c.number}: {c.label!r} comes {what} (after {prev.label!r})")
        prev = c
    return out


__all__ = ["Candidate", "Conventions", "LAW", "NOTE", "DEBRIS", "TOC", "QUOTED", "decide", "match_unit",
           "unit_styles", "UnitStyle", "clean_num", "emphasis"]
