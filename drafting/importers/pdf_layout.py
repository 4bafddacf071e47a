"""Page layout → paragraphs, for the PDF importer. Pure functions over positioned lines (testable
without a PDF).

`drop_running_lines` removes running headers/footers and page numbers; `join_paragraphs` rejoins
hard-wrapped lines. A line continues the paragraph above it unless the layout says otherwise:
a larger vertical gap, a change of boldness or size, a centred line, more indentation than the
paragraph's own lines, an upper-case heading starting or ending, a line above that had room for
this line's first word (so it ended on purpose), or end punctuation above and here a structural
marker (Artículo, CAPÍTULO, CONSIDERANDO, 12., (1), a) …) or a short capitalised line without
punctuation (a heading or a name).
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass

from drafting.parse.lines import Line


@dataclass(frozen=True, slots=True)
class PdfLine:
    text: str
    page: int  # 0-based
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool
    size: float  # median font size
    first_word: float  # width of the first word
    table: tuple[tuple[str, ...], ...] | None = None


_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"[-–—]?\s*(?:(?:p[áa]gina|p[áa]g\.?|page|p\.)\s*)?\d{1,4}(?:\s*(?:de|of|/)\s*\d{1,4})?\s*[-–—]?"
    r"|[-–—]\s*[ivxlcdm]{1,7}\s*[-–—]|(?:p[áa]gina|page)\s+[ivxlcdm]{1,7}",
    re.IGNORECASE,
)
_MARKER = re.compile(
    r"[«“\"]?\s*"  # a quoted provision opens with its mark ("«5. El que …")
    r"(?:(?:Art[íi]culo|ART[ÍI]CULO|Art\.|ART\.|Cap[íi]tulo|CAP[ÍI]TULO|T[íi]tulo|T[ÍI]TULO|Secci[óo]n|SECCI[ÓO]N|"
    r"Libro|LIBRO|Parte|PARTE|P[áa]rrafo|P[ÁA]RRAFO|Disposici[óo]n|DISPOSICI[ÓO]N|PART|Part|Chapter|CHAPTER|"
    r"Section|SECTION|Schedule|SCHEDULE|Anexo|ANEXO|CONSIDERANDO|Considerando|VISTOS?|Vistos?|VISTA|Vista|"
    r"POR CUANTO|POR TANTO|DADA|DADO|Dada|Dado|WHEREAS|Whereas|ENACTED|BE IT ENACTED)\b"
    r"|(?:SEC\.|Sec\.|§)\s*\d"  # SEC. 2.  § 5.
    r"|\d{1,4}[A-Za-z]?\.(?:\s|-|$)"  # 12.  12A.
    r"|\(\d{1,3}[A-Za-z]?\)"  # (1)  (1A)
    r"|\([a-z]{1,2}\)|\((?:[ivx]{1,5})\)"  # (a) (aa) (iv)
    r"|[a-zñ]\)|\d{1,3}\)"  # a)  1)
    r"|[IVXLC]{1,6}\.(?:\s|-))"  # IV.
)
_END = re.compile(r"[.:;!?…—–][\"'”’»)\]]*$")
_ANY_END = re.compile(r"[.,:;!?…—–\"'”’»)\]]$")
_HYPHEN_END = re.compile(r"(?<=[^\W\d_])[-\u00ad]$")


@dataclass(frozen=True, slots=True)
class _Metrics:
    left: float
    right: float
    break_gap: float  # a top-to-top distance above this starts a new paragraph
    edges: tuple[float, ...] = ()  # x0 of lines that are plainly not centred, sorted

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


def drop_running_lines(pages: list[list[PdfLine]]) -> list[PdfLine]:
    """All pages' lines in order, without running headers/footers and page numbers."""
    drop: set[tuple[int, int]] = set()  # (page, index in page)
    groups: dict[str, list[tuple[int, int, PdfLine]]] = defaultdict(list)
    for page_no, lines in enumerate(pages):
        edge = _edge_indices(lines)
        for index in edge:
            line = lines[index]
            if line.table is not None:
                continue
            if _PAGE_NUMBER.fullmatch(line.text) and (index == 0 or index == len(lines) - 1):
                drop.add((page_no, index))
            groups[_DIGITS.sub("#", line.text.lower())].append((page_no, index, line))
    needed = max(2, (len(pages) + 1) // 2)
    for members in groups.values():
        pages_seen = {page for page, _, _ in members}
        if len(pages) < 2 or len(pages_seen) < needed:
            continue
        tops = [line.top for _, _, line in members]
        middle = statistics.median(tops)
        same_place = [(p, i, line) for p, i, line in members if abs(line.top - middle) <= 4]
        if len({p for p, _, _ in same_place}) >= needed and _digits_follow_pages(same_place):
            drop.update((p, i) for p, i, _ in same_place)
    return [line for page_no, lines in enumerate(pages) for index, line in enumerate(lines)
            if (page_no, index) not in drop]


def _edge_indices(lines: list[PdfLine]) -> list[int]:
    """The two lines at the top and the two at the bottom of a page: where running lines sit."""
    count = len(lines)
    return sorted({i for i in (0, 1, count - 2, count - 1) if 0 <= i < count})


def _digits_follow_pages(members: list[tuple[int, int, PdfLine]]) -> bool:
    """Numbers in a repeated line must be constant ("de 10") or move with the page ("Página 3"):
    "Artículo 5." and "Artículo 12." at the top of two pages are not a running header."""
    numbers = [[int(d) for d in _DIGITS.findall(line.text)] for _, _, line in members]
    if len({len(n) for n in numbers}) != 1:
        return False
    for position in range(len(numbers[0])):
        values = [n[position] for n in numbers]
        offsets = {value - page for value, (page, _, _) in zip(values, members)}
        if len(set(values)) > 1 and len(offsets) > 1:
            return False
    return True


def join_paragraphs(lines: list[PdfLine]) -> list[Line]:
    """Rejoin hard-wrapped lines into paragraphs; page_break marks a paragraph that starts a page."""
    text_lines = [line for line in lines if line.table is None]
    if not lines:
        return []
    metrics = _metrics(text_lines)
    out: list[Line] = []
    current: list[PdfLine] = []
    last_page = 0

    def finish() -> None:
        nonlocal last_page
        if not current:
            return
        first = current[0]
        text = first.text
        for line in current[1:]:
            text = _join(text, line.text)
        out.append(Line(
            text, len(out) + 1,
            bold=all(line.bold for line in current),
            centered=all(_centered(line, metrics) for line in current),
            page_break=first.page > last_page and bool(out),
        ))
        last_page = max(last_page, current[-1].page)
        current.clear()

    for line in lines:
        if line.table is not None:
            finish()
            out.append(Line("", len(out) + 1, page_break=line.page > last_page and bool(out), table=line.table))
            last_page = line.page
            continue
        if current and _continues(current, line, metrics):
            current.append(line)
        else:
            finish()
            current.append(line)
    finish()
    return out


def _metrics(lines: list[PdfLine]) -> _Metrics:
    if not lines:
        return _Metrics(0.0, 0.0, 0.0)
    lefts = defaultdict(int)
    for line in lines:
        lefts[round(line.x0)] += 1
    left = float(max(lefts, key=lambda x: (lefts[x], -x)))
    rights = sorted(line.x1 for line in lines)
    right = rights[int(0.95 * (len(rights) - 1))]
    gaps = sorted(
        b.top - a.top for a, b in zip(lines, lines[1:]) if a.page == b.page and b.top - a.top > 0.5 * max(a.size, 1)
    )
    usual = gaps[len(gaps) // 4] if gaps else 0.0
    metrics = _Metrics(left, right, usual + max(2.0, 0.15 * usual))
    # A hanging-indent line can look centred by chance; its x0 is shared by lines that are not.
    edges = tuple(sorted({round(line.x0, 1) for line in lines if not _symmetric(line, metrics)}))
    return _Metrics(left, right, metrics.break_gap, edges)


def _continues(paragraph: list[PdfLine], line: PdfLine, metrics: _Metrics) -> bool:
    prev = paragraph[-1]
    if line.page == prev.page:
        gap = line.top - prev.top
        if gap <= 0 or gap > metrics.break_gap:
            return False
    if prev.bold != line.bold or abs(prev.size - line.size) > 0.6:
        return False
    prev_centered, centered = _centered(prev, metrics), _centered(line, metrics)
    if prev_centered != centered:
        return False
    if len(paragraph) > 1 and line.x0 > prev.x0 + 3:
        return False  # indented beyond the paragraph's own continuation lines
    space = 0.3 * max(line.size, 1)
    room = (metrics.right - metrics.left) - (prev.x1 - prev.x0) if prev_centered else metrics.right - prev.x1
    if room > line.first_word + space + 2:
        return False  # the line above had room for this line's first word: it ended there on purpose
    if _caps(prev.text) != _caps(line.text):
        return False
    if _END.search(prev.text):
        if _MARKER.match(line.text):
            return False
        if (line.text[:1].isupper() and not _ANY_END.search(line.text)
                and metrics.right - line.x1 > 0.25 * (metrics.right - metrics.left)):
            return False  # a short capitalised line without punctuation after a full stop: a heading, a name
    return True


def _centered(line: PdfLine, metrics: _Metrics) -> bool:
    if not _symmetric(line, metrics):
        return False
    at = bisect.bisect_left(metrics.edges, line.x0 - 0.6)
    return not (at < len(metrics.edges) and metrics.edges[at] <= line.x0 + 0.6)


def _symmetric(line: PdfLine, metrics: _Metrics) -> bool:
    width = metrics.right - metrics.left
    if width <= 0:
        return False
    margin = max(3.0, 0.02 * width)
    middle = (line.x0 + line.x1) / 2
    return (line.x0 - metrics.left > margin and metrics.right - line.x1 > margin
            and abs(middle - metrics.center) <= max(3.0, 0.015 * width))


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def _join(text: str, following: str) -> str:
    """Join a wrapped line: "informá-" + "tico" → "informático"; otherwise with a space."""
    if _HYPHEN_END.search(text) and following[:1].islower():
        return text[:-1] + following
    if following[:1] == "—" and following[1:2] != " " and text[-1:].isalnum():
        return text + following  # a dash wrapped away from its word ("person" / "—")
    return f"{text} {following}"
