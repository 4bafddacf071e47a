"""Provision numbers as drafters write them: ordering keys and "does this number come next?".

"24", "24 bis", "5-A", "5A", "163.1", "22-3101", "IV", "a", "PRIMERA", "final vigésima primera"
all become comparable keys, so the parser can warn about gaps and duplicates and find the
numbered sequence a document uses, the diff can tell an insertion from a renumbering, and the
assembler can find the next free suffix (24 bis, 24 ter / 5-A, 5-B).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from num2words import num2words

LATIN_SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")
ORDINALS = ("primer", "segund", "tercer", "cuart", "quint", "sext", "septim", "octav", "noven", "decim",
            "undecim", "duodecim")
MAX_DIGITS = 18  # a provision number longer than this is not read as a number
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ARABIC = re.compile(r"^(\d+)\s*(?:-?\s*([a-z]{1,2})|\s*(" + "|".join(LATIN_SUFFIXES) + r"))?$", re.IGNORECASE)
# 163.1 (Canadian and Indian codes insert sections between 163 and 164 this way); 474.22A (Australia
# inserts between 474.22 and 474.23 so): it ranks with 474.22 and follows it (see `follows`)
_DECIMAL = re.compile(r"^(\d+)\.(\d+)([a-z]{1,2})?$")
_DECIMAL_LEVELS = re.compile(r"^\d+(?:\.\d+)+$")  # 1.2.3: never letters
# 22-3101 (a code's title and section): the sequence is the last number
_COMPOUND = re.compile(r"^\d+[-–:](\d+)\s*(?:-?\s*([a-z]{1,2})|\.(\d+))?$", re.IGNORECASE)
ORDINAL_LANGUAGES = ("es", "en")
MAX_ORDINAL_WORD = 199


@lru_cache(maxsize=65536)  # the same labels are compared with many others when a sequence is chosen
def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower().strip()


def ordinal_words(n: int, language: str) -> str:
    """n as an ordinal word ("primero", "third"), or in figures where num2words has no such word."""
    try:
        return num2words(n, lang=language, to="ordinal")
    except (NotImplementedError, OverflowError):  # a language num2words lacks, or a number past its range
        return str(n)


def _ordinal_forms(n: int, lang: str) -> set[str]:
    words = num2words(n, lang=lang, to="ordinal").replace("-", " ").split()
    forms = {tuple(words)}
    if lang == "es":  # feminine forms: all parts ("vigésima primera") or the last one ("decimoprimera")
        fem = lambda w: w[:-1] + "a" if w.endswith("o") else w  # noqa: E731
        forms |= {tuple(fem(w) for w in words), tuple(words[:-1]) + (fem(words[-1]),)}
    return {_fold_ordinal("".join(f)) for f in forms}


def _fold_ordinal(text: str) -> str:
    text = _fold(text).replace(" ", "").replace("-", "").replace("quadra", "cuadra")
    return text.replace("oo", "o").replace("ee", "e")  # decimoctava = décimo octava


@lru_cache(maxsize=1)
def _ordinal_words() -> dict[str, int]:
    """Ordinal words of both languages, folded ("decimaprimera", "twentyfirst") → their value."""
    table: dict[str, int] = {}
    for lang in ORDINAL_LANGUAGES:
        for n in range(MAX_ORDINAL_WORD, 0, -1):
            for form in _ordinal_forms(n, lang):
                table[form] = n
    # spellings num2words does not produce but statutes print
    for word, n in (("primer", 1), ("tercer", 3), ("setimo", 7), ("setima", 7), ("nono", 9), ("nona", 9),
                    ("undecimo", 11), ("undecima", 11), ("duodecimo", 12), ("duodecima", 12), ("unico", 1), ("unica", 1)):
        table[word] = n
    return table


@lru_cache(maxsize=1)
def _cardinal_words() -> dict[str, int]:
    """Cardinal words of both languages, folded ("treintaytres", "twentyone") → their value."""
    table: dict[str, int] = {}
    for lang in ORDINAL_LANGUAGES:
        for n in range(MAX_ORDINAL_WORD, 0, -1):
            table[_fold_ordinal(num2words(n, lang=lang))] = n
    table["un"] = table["una"] = 1
    return table


def cardinal_value(text: str) -> int | None:
    """The value of a number written in words: "Uno" → 1, "Treinta y tres" → 33, "Twenty-one" → 21."""
    return _cardinal_words().get(_fold_ordinal(text))


def ordinal_value(text: str) -> int | None:
    """The value of an ordinal word: "PRIMERA" → 1, "vigésima quinta" → 25, "Second" → 2."""
    return _ordinal_words().get(_fold_ordinal(text))


def _ordinal_tail(text: str) -> int | None:
    """An ordinal at the end of a number: "final vigésima primera" → 21, "adicional única" → 1."""
    words = text.split()
    for size in (3, 2, 1):
        if len(words) >= size:
            value = ordinal_value(" ".join(words[-size:]))
            if value is not None:
                return value
    return None


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


@lru_cache(maxsize=65536)
def num_key(num: str) -> tuple[int, int] | None:
    """(main number, suffix rank) or None when the number is not a sequence we know."""
    text = _fold(num).rstrip(".-)")
    if not text:
        return None
    match = _ARABIC.match(text)
    if match:
        if len(match.group(1)) > MAX_DIGITS:
            return None  # not a sequence anyone numbers by (and int() of 5,000 digits is refused)
        main = int(match.group(1))
        if match.group(3):
            return main, LATIN_SUFFIXES.index(match.group(3).lower()) + 1
        if match.group(2):
            letters = match.group(2).lower()
            return main, sum((ord(c) - 96) * 26 ** i for i, c in enumerate(reversed(letters)))
        return main, 0
    if (match := _DECIMAL.match(text)) is not None:
        return int(match.group(1)), int(match.group(2))
    if (match := _COMPOUND.match(text)) is not None:
        main = int(match.group(1))
        if match.group(2):
            return main, sum((ord(c) - 96) * 26 ** i for i, c in enumerate(reversed(match.group(2).lower())))
        return main, int(match.group(3) or 0)
    ordinal = _ordinal_tail(text)
    if ordinal is not None:
        return ordinal, 0
    roman = roman_value(text)
    if roman is not None and (len(text) > 1 or num.strip()[:1] in "IVXLC"):
        return roman, 0
    if len(text) == 1 and text.isalpha():
        return ord(text) - 96, 0
    if len(text) == 2 and text[0] == text[1] and text.isalpha():  # (aa) after (z)
        return 26 + ord(text[0]) - 96, 0
    return None


@lru_cache(maxsize=65536)
def num_system(num: str) -> str:
    """Which numbering a number belongs to: arabic (with 163.1 and 22-3101), roman, letter or ordinal (a
    law may restart in each)."""
    text = _fold(num).rstrip(".-)")
    if _ARABIC.match(text) or _DECIMAL_LEVELS.match(text) or _DECIMAL.match(text) or _COMPOUND.match(text):
        return "arabic"  # 163.1 continues the arabic sequence it is inserted into
    if _ordinal_tail(text) is not None:
        # "final primera" and "adicional primera" are two sequences: the words before the ordinal name it
        words = text.split()
        qualifier = " ".join(w for w in words if ordinal_value(w) is None)
        return f"ordinal:{qualifier}" if qualifier else "ordinal"
    if roman_value(text) is not None and (len(text) > 1 or num.strip()[:1] in "IVXLC"):
        return "roman"
    return "letter"


def follows(previous: str, current: str) -> bool:
    """True when `current` is a natural next number after `previous` (6 after 5, 5 bis or 5-A after 5)."""
    a, b = num_key(previous), num_key(current)
    if a is None or b is None:
        return False
    # 474.22 → 474.22A → 474.22B: a lettered decimal number comes right after its base (it shares its key)
    after = _DECIMAL.match(_fold(current).rstrip(".-)"))
    if after is not None and after.group(3):
        before = _DECIMAL.match(_fold(previous).rstrip(".-)"))
        return before is not None and before.group(1, 2) == after.group(1, 2) and \
            _letter_rank(after.group(3)) == _letter_rank(before.group(3) or "") + 1
    if b == (a[0] + 1, 0):
        return True
    return b[0] == a[0] and b[1] == a[1] + 1


def _letter_rank(letters: str) -> int:
    return sum((ord(c) - 96) * 26 ** i for i, c in enumerate(reversed(letters)))


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
