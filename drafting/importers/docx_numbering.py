"""numbering.xml for the DOCX importer: Word auto-numbering turned into the label Word shows.

A paragraph points (w:numPr, directly or through its style) at a w:num, which points at a
w:abstractNum whose w:lvl says how to count and print ("Artículo %1.-", "%1)", "%1.%2."). Counters
are kept as Word keeps them: per abstract list, or per w:num when that num restarts the list
(w:lvlOverride/w:startOverride); using a level restarts the levels below it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lxml import etree

from drafting.importers.docx_styles import ParaStyle, Styles
from drafting.limits import MAX_LIST_NUMBER, MAX_NUMBER_DIGITS, clamp_list_number
from drafting.model.numbering import to_roman

_PLACEHOLDER = re.compile(r"%([1-9])")
_LEVELS = 9
MAX_LABEL_TEXT = 255  # characters of a level's lvlText: every numbered paragraph repeats it


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False  # w:isLgl: show every referenced level as a decimal
    suffix: str = " "  # w:suff: tab (shown as a space), space, or nothing
    style: str = ""  # w:pStyle: the paragraph style bound to this level


class Numbering:
    def __init__(self, root: etree._Element | None, styles: Styles, ns: str) -> None:
        self._w = f"{{{ns}}}"
        self._styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_link: dict[str, str] = {}  # abstractNum id → numbering style it defers to
        self._nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self._counters: dict[tuple[str, str], list[int | None]] = {}
        self._resolved: dict[str, tuple[dict[int, Level], tuple[str, str], dict[int, int]]] = {}
        self._ordinal = _ordinal_for(styles.lang)
        self.notes: list[tuple[int, str]] = []  # list starts that had to be clamped
        if root is not None:
            self._read(root)

    def _read(self, root: etree._Element) -> None:
        w, val = self._w, self._w + "val"
        for abstract in root.iter(w + "abstractNum"):
            abstract_id = abstract.get(w + "abstractNumId", "")
            self._abstract[abstract_id] = {
                _int(lvl.get(w + "ilvl"), 0): self._level(lvl) for lvl in abstract.iter(w + "lvl")
            }
            link = abstract.find(w + "numStyleLink")
            if link is not None:
                self._style_link[abstract_id] = link.get(val, "")
        for num in root.iter(w + "num"):
            abstract_el = num.find(w + "abstractNumId")
            levels: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.iter(w + "lvlOverride"):
                ilvl = _int(override.get(w + "ilvl"), 0)
                start = override.find(w + "startOverride")
                if start is not None:
                    starts[ilvl] = self._start(start.get(val), 1)
                lvl = override.find(w + "lvl")
                if lvl is not None:
                    levels[ilvl] = self._level(lvl)
            self._nums[num.get(w + "numId", "")] = (
                abstract_el.get(val, "") if abstract_el is not None else "", levels, starts,
            )

    def _level(self, lvl: etree._Element) -> Level:
        w, val = self._w, self._w + "val"

        def get(name: str) -> str | None:
            el = lvl.find(w + name)
            return el.get(val) if el is not None else None

        suffix = {"nothing": "", "space": " "}.get(get("suff") or "tab", " ")
        restart = get("lvlRestart")
        return Level(
            start=self._start(get("start"), 0),  # the standard's default when w:start is absent
            fmt=get("numFmt") or "decimal",
            text=self._label_text(get("lvlText") or ""),
            restart=_int(restart, None) if restart is not None else None,
            legal=lvl.find(w + "isLgl") is not None and (get("isLgl") or "true").lower() not in ("0", "false", "off"),
            suffix=suffix,
            style=get("pStyle") or "",
        )

    def _label_text(self, text: str) -> str:
        """A level's label pattern ("Artículo %1.-"); Word's dialog takes far less than MAX_LABEL_TEXT."""
        if len(text) > MAX_LABEL_TEXT:
            self.notes.append((0, f"numbering.xml: a list label pattern of {len(text):,} characters was cut to "
                                  f"{MAX_LABEL_TEXT}"))
            return text[:MAX_LABEL_TEXT]
        return text

    def _start(self, text: str | None, default: int) -> int:
        """A list's start value, within the range Word counts in (a warning says when it was not)."""
        value = _int(text, default)
        bounded, clamped = clamp_list_number(value)
        if clamped:
            shown = text if text is not None and len(text) <= 20 else f"{(text or '')[:12]}… ({len(text or '')} digits)"
            self.notes.append((0, f"numbering.xml: a list starts at {shown}, outside the numbers Word counts "
                                  f"(0 to {MAX_LIST_NUMBER}); numbered from {bounded}"))
        return bounded

    def label(self, num_id: str | None, ilvl: str | None, style: ParaStyle) -> str:
        """The visible label (with its separator) of the next paragraph of this list, or ""."""
        if num_id is None:
            num_id = style.num_id
            if ilvl is None:
                ilvl = style.ilvl
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return ""
        levels, key, starts = self._resolve(num_id)
        if not levels:
            return ""
        level = _int(ilvl, 0) if ilvl is not None else self._level_for_style(levels, style.style_id)
        level = min(max(level, 0), _LEVELS - 1)
        definition = levels.get(level, _DEFAULT)
        counters = self._counters.get(key)
        if counters is None:
            counters = self._counters[key] = [None] * _LEVELS
        current = counters[level]
        counters[level] = starts.get(level, definition.start) if current is None else min(current + 1, MAX_LIST_NUMBER)
        for lower in range(level + 1, _LEVELS):
            if counters[lower] is not None:
                restart = levels.get(lower, _DEFAULT).restart
                if restart is None or (restart != 0 and level < restart):
                    counters[lower] = None
        if definition.fmt == "bullet" or not definition.text:
            return ""  # a bullet is decoration, not text the law refers to
        parts = [part if isinstance(part, str) else self._render(levels, counters, starts, part, definition.legal)
                 for part in _parts(definition.text)]
        return "".join(parts) + definition.suffix

    def _resolve(self, num_id: str) -> tuple[dict[int, Level], tuple[str, str], dict[int, int]]:
        """Levels, counter key and start overrides of a w:num (cached: looked up for every paragraph)."""
        cached = self._resolved.get(num_id)
        if cached is None:
            abstract_id, overrides, starts = self._nums[num_id]
            for _ in range(3):  # numStyleLink → numbering style → its num → the abstractNum with the levels
                link = self._style_link.get(abstract_id)
                if not link:
                    break
                num = self._styles.numbering_style_num(link)
                if num is None or num not in self._nums:
                    break
                abstract_id = self._nums[num][0]
            levels = self._abstract.get(abstract_id, {})
            levels = {**levels, **overrides} if overrides else levels
            # nums over one abstract list share its counters (as in Word) unless they restart it
            key = ("num", num_id) if starts or overrides else ("abs", abstract_id)
            cached = self._resolved[num_id] = (levels, key, starts)
        return cached

    @staticmethod
    @functools.lru_cache(maxsize=1024)
    def _style_level(levels: tuple[tuple[int, str], ...], style_id: str) -> int:
        for index, style in levels:
            if style and style == style_id:
                return index
        return 0

    def _level_for_style(self, levels: dict[int, Level], style_id: str) -> int:
        """The level bound to the paragraph's style (w:lvl/w:pStyle), else the first."""
        return self._style_level(tuple((i, lvl.style) for i, lvl in levels.items() if lvl.style), style_id)

    def _render(self, levels: dict[int, Level], counters: list[int | None], starts: dict[int, int],
                index: int, legal: bool) -> str:
        level = levels.get(index, _DEFAULT)
        value = counters[index]
        if value is None:
            value = starts.get(index, level.start)
        fmt = "decimal" if legal else level.fmt
        return format_number(value, fmt, self._ordinal)


_DEFAULT = Level()


@functools.lru_cache(maxsize=256)
def _parts(text: str) -> tuple[str | int, ...]:
    """"Artículo %1.-" → ("Artículo ", 0, ".-"): literal text and 0-based level indexes."""
    pieces = _PLACEHOLDER.split(text)
    return tuple(piece if i % 2 == 0 else int(piece) - 1 for i, piece in enumerate(pieces) if piece or i % 2)


def format_number(value: int, fmt: str, ordinal=None) -> str:
    # Counters are clamped where they are read; this keeps the repeating formats (letters, chicago)
    # bounded for any caller.
    value = min(max(value, -MAX_LIST_NUMBER), MAX_LIST_NUMBER)
    if fmt in ("lowerLetter", "upperLetter"):
        # Word repeats the letter past z: y, z, aa, bb …
        letters = chr(97 + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    if fmt == "ordinal":
        return (ordinal or _english_ordinal)(value)
    if fmt == "chicago":
        return "*†‡§"[(value - 1) % 4] * ((value - 1) // 4 + 1) if value > 0 else ""
    if fmt in ("decimalEnclosedParen",):
        return f"({value})"
    return str(value)  # decimal and the scripts/word forms we do not spell out


def _roman(value: int) -> str:
    return to_roman(value).lower() if value > 0 else str(value)


def _english_ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _ordinal_for(lang: str):
    if lang[:2].lower() in ("es", "pt", "it", "gl", "ca"):
        return lambda value: f"{value}º"
    return _english_ordinal


def _int(value: str | None, default):
    """An integer attribute; a value with more digits than any bound is read as past every bound."""
    if value is None:
        return default
    digits = value.strip().lstrip("+-")
    if len(digits) > MAX_NUMBER_DIGITS and digits.isdigit():
        return -(MAX_LIST_NUMBER + 1) if value.strip().startswith("-") else MAX_LIST_NUMBER + 1
    try:
        return int(value)
    except ValueError:
        return default

