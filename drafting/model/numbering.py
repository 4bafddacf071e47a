"""Provision numbers as drafters write them: ordering keys and "does this number come next?".

"24", "24 bis", "5-A", "5A", "IV", "a", "PRIMERA" all become comparable keys, so the parser
can warn about gaps and duplicates, the diff can tell an insertion from a renumbering, and the
assembler can find the next free suffix (24 bis, 24 ter / 5-A, 5-B).
"""

from __future__ import annotations

import re
import unicodedata

LATIN_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
ORDINALS = ("primer", "segund", "tercer", "cuart", "quint", "sext", "septim", "octav", "noven", "decim",
            "undecim", "duodecim")
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_DECIMAL = re.compile(r"^\d+(?:\.\d+)+$")  # 163.1: a sub-article numbered after its article
_ARABIC = re.compile(r"^(\d+)\s*(?:-?\s*([a-z]{1,2})|\s*(" + "|".join(LATIN_SUFFIXES) + r"))?$", re.IGNORECASE)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower().strip()


def roman_value(text: str) -> int | None:
    text = text.lower()
    if not text or any(c not in ROMAN for c in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = ROMAN[ch]
        total += -value if i + 1 < len(text) and ROMAN[text[i + 1]] > value else value
    return total


def to_roman(value: int) -> str:
    out = []
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def num_key(num: str) -> tuple[int, int] | None:
    """(main number, suffix rank) or None when the number is not a sequence we know."""
    text = _fold(num).rstrip(".-)")
    if not text:
        return None
    match = _ARABIC.match(text)
    if match:
        main = int(match.group(1))
        if match.group(3):
            return main, LATIN_SUFFIXES.index(match.group(3).lower()) + 1
        if match.group(2):
            letters = match.group(2).lower()
            return main, sum((ord(c) - 96) * 26 ** i for i, c in enumerate(reversed(letters)))
        return main, 0
    for i, stem in enumerate(ORDINALS, start=1):
        if text.startswith(stem) and len(text) <= len(stem) + 2:
            return i, 0
    if text in ("unico", "unica"):
        return 1, 0
    roman = roman_value(text)
    if roman is not None and (len(text) > 1 or num.strip()[:1] in "IVXLC"):
        return roman, 0
    if len(text) == 1 and text.isalpha():
        return ord(text) - 96, 0
    if len(text) == 2 and text[0] == text[1] and text.isalpha():  # (aa) after (z)
        return 26 + ord(text[0]) - 96, 0
    return None


def num_system(num: str) -> str:
    """Which numbering a number belongs to: arabic, decimal, roman, letter or ordinal (a law may restart in each)."""
    text = _fold(num).rstrip(".-)")
    if _ARABIC.match(text):
        return "arabic"
    if _DECIMAL.match(text):
        return "decimal"
    if any(text.startswith(stem) for stem in ORDINALS) or text in ("unico", "unica"):
        return "ordinal"
    if roman_value(text) is not None and (len(text) > 1 or num.strip()[:1] in "IVXLC"):
        return "roman"
    return "letter"


def follows(previous: str, current: str) -> bool:
    """True when `current` is a natural next number after `previous` (6 after 5, 5 bis or 5-A after 5)."""
    a, b = num_key(previous), num_key(current)
    if a is None or b is None:
        return False
    if b == (a[0] + 1, 0):
        return True
    return b[0] == a[0] and b[1] == a[1] + 1


def next_suffix(num: str, taken: set[str], style: str = "latin") -> str:
    """The next free number after `num` that does not renumber anything: 24 → 24 bis (latin) or 5 → 5-A (letter)."""
    base = re.match(r"^\d+", num.strip())
    root = base.group(0) if base else num.strip()
    candidates = [f"{root} {s}" for s in LATIN_SUFFIXES] if style == "latin" else [f"{root}-{chr(c)}" for c in range(65, 91)]
    folded = {_fold(t) for t in taken}
    start = num_key(num)
    for candidate in candidates:
        key = num_key(candidate)
        if start is not None and key is not None and key <= start:
            continue
        if _fold(candidate) not in folded:
            return candidate
    raise ValueError(f"no free number after {num}")
