"""Provision numbers as drafters write them, in both traditions: systems, order, "comes next", next free number.

The parser's numbering checks (gaps, duplicates, out of order) and the gap bill's "12 bis" both
stand on these few functions; each table below is a case a real statute has.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.model.numbering import LATIN_SUFFIXES, follows, next_suffix, num_key, num_system, roman_value, to_roman

# ---------------------------------------------------------------- which system a number belongs to

SYSTEMS = [
    # arabic, with every suffix style (Spanish Latin suffixes, Commonwealth 5A / 5-A)
    ("1", "arabic"), ("24", "arabic"), ("1000", "arabic"), ("24.", "arabic"), ("24.-", "arabic"),
    ("20 bis", "arabic"), ("20bis", "arabic"), ("20 BIS", "arabic"), ("20 ter", "arabic"), ("20 quáter", "arabic"),
    ("5-A", "arabic"), ("5-B", "arabic"), ("5A", "arabic"), ("5a", "arabic"), ("12AA", "arabic"),
    # decimal article numbers (163.1) continue the arabic sequence they are inserted into, never letters
    ("163.1", "arabic"), ("163.1.", "arabic"), ("1.2.3", "arabic"),
    # roman: any case when it has two or more letters; a lone capital I V X L C
    ("I", "roman"), ("IV", "roman"), ("iv", "roman"), ("ii", "roman"), ("IX", "roman"), ("XL", "roman"),
    ("XC", "roman"), ("CD", "roman"), ("CM", "roman"), ("MCMXCIX", "roman"), ("V", "roman"), ("X", "roman"),
    ("L", "roman"), ("C", "roman"), ("II.", "roman"), ("V.", "roman"), ("X)", "roman"),
    # ordinals of Spanish final provisions, with or without accents and in any case
    ("PRIMERA", "ordinal"), ("Primero", "ordinal"), ("segunda", "ordinal"), ("TERCERA", "ordinal"),
    ("DÉCIMA", "ordinal"), ("décimo", "ordinal"), ("undécima", "ordinal"), ("Duodécima", "ordinal"),
    ("Única", "ordinal"), ("único", "ordinal"), ("UNICO", "ordinal"),
    # letters: a lone lower-case letter, even one that could be roman (i, v, x, c), and D or M alone
    ("a", "letter"), ("b", "letter"), ("i", "letter"), ("v", "letter"), ("x", "letter"), ("c", "letter"),
    ("D", "letter"), ("M", "letter"), ("aa", "letter"), ("(b)", "letter"),
]


@pytest.mark.parametrize(("num", "system"), SYSTEMS)
def test_num_system(num: str, system: str) -> None:
    assert num_system(num) == system


# ---------------------------------------------------------------- ordering keys

KEYS = [
    ("1", (1, 0)), ("24", (24, 0)), ("0", (0, 0)), (" 24 ", (24, 0)), ("24.", (24, 0)), ("24.-", (24, 0)), ("24)", (24, 0)),
    # Latin suffixes rank in their order, accents and case do not matter
    ("5 bis", (5, 1)), ("5bis", (5, 1)), ("5 BIS", (5, 1)), ("5 ter", (5, 2)), ("5 quater", (5, 3)),
    ("5 quáter", (5, 3)), ("5 quinquies", (5, 4)), ("5 sexies", (5, 5)), ("5 septies", (5, 6)),
    ("5 octies", (5, 7)), ("5 novies", (5, 8)), ("5 decies", (5, 9)),
    # letter suffixes, with or without the hyphen; two letters come after Z
    ("5-A", (5, 1)), ("5A", (5, 1)), ("5 A", (5, 1)), ("5-a", (5, 1)), ("5-B", (5, 2)), ("5-Z", (5, 26)),
    ("5-AA", (5, 27)), ("5-AB", (5, 28)),
    # roman numerals, subtractive forms included
    ("I", (1, 0)), ("II", (2, 0)), ("III", (3, 0)), ("IV", (4, 0)), ("V", (5, 0)), ("VI", (6, 0)), ("IX", (9, 0)),
    ("XIV", (14, 0)), ("XIX", (19, 0)), ("XL", (40, 0)), ("XLIV", (44, 0)), ("XC", (90, 0)), ("CD", (400, 0)),
    ("CM", (900, 0)), ("MCMXCIX", (1999, 0)), ("MMXXIV", (2024, 0)), ("iv", (4, 0)), ("ii", (2, 0)),
    ("I.", (1, 0)), ("V.-", (5, 0)), ("X)", (10, 0)),  # a lone capital keeps its roman reading behind a dot
    # "I" is roman one, a lone "i" is the ninth letter; a bracketed "(i)" is no article number at all
    ("i", (9, 0)), ("v", (22, 0)), ("x", (24, 0)), ("c", (3, 0)), ("(i)", None),
    # letters, then doubled letters after z
    ("a", (1, 0)), ("b)", (2, 0)), ("z", (26, 0)), ("aa", (27, 0)), ("bb", (28, 0)), ("ab", None),
    # Spanish ordinals (final provisions), the stem with its ending
    ("PRIMERA", (1, 0)), ("Primero", (1, 0)), ("primer", (1, 0)), ("SEGUNDA", (2, 0)), ("tercero", (3, 0)),
    ("CUARTA", (4, 0)), ("quinta", (5, 0)), ("SEXTA", (6, 0)), ("séptima", (7, 0)), ("octavo", (8, 0)),
    ("novena", (9, 0)), ("DÉCIMA", (10, 0)), ("undécima", (11, 0)), ("duodécimo", (12, 0)),
    ("Única", (1, 0)), ("único", (1, 0)),
    # not a sequence we know: no key, so no gap or order warning can come from it
    ("", None), ("-", None), ("§ 22-3101", None), ("Uno", None),
    # a section inserted as 163.1 sorts after 163; a code's "22-3101" is section 3101 of its title
    ("163.1", (163, 1)), ("22-3101", (3101, 0)),
    ("primeramente", None),
]


@pytest.mark.parametrize(("num", "key"), KEYS)
def test_num_key(num: str, key: tuple[int, int] | None) -> None:
    assert num_key(num) == key


def test_a_statute_in_order_sorts_as_written() -> None:
    spanish = ["1", "2", "2 bis", "2 ter", "2 quáter", "2 quinquies", "3", "9", "10", "11", "100"]
    commonwealth = ["1", "4", "4A", "4B", "4Z", "4AA", "5", "12", "12-A"]
    for order in (spanish, commonwealth):
        assert sorted(reversed(order), key=num_key) == order


def test_bis_and_dash_a_hold_the_same_place() -> None:
    """5 bis and 5-A are two spellings of "the first number inserted after 5"."""
    assert num_key("5 bis") == num_key("5-A") == num_key("5A") == (5, 1)
    assert num_key("5 ter") == num_key("5-B")


# ---------------------------------------------------------------- comes next

FOLLOWS = [
    ("5", "6", True), ("9", "10", True), ("99", "100", True), ("5", "7", False), ("5", "5", False), ("6", "5", False),
    ("5.", "6.-", True),
    # an inserted article comes next, whichever way it is spelt
    ("5", "5 bis", True), ("5 bis", "5 ter", True), ("5 ter", "5 quater", True), ("5 quáter", "5 quinquies", True),
    ("5", "5-A", True), ("5-A", "5-B", True), ("4", "4A", True), ("4A", "4B", True), ("5-Z", "5-AA", True),
    # and the next plain number comes after any suffix
    ("5 bis", "6", True), ("5 ter", "6", True), ("5-B", "6", True), ("4A", "5", True),
    # skipping a suffix, going back, or a suffix on the wrong number is no sequence
    ("5", "5 ter", False), ("5", "5-B", False), ("5 bis", "5", False), ("5 ter", "5 bis", False),
    ("5", "6 bis", False), ("5 bis", "6 bis", False), ("5 bis", "5-A", False), ("4", "5A", False),
    # roman, letters, ordinals
    ("I", "II", True), ("III", "IV", True), ("IV", "V", True), ("VIII", "IX", True), ("IX", "X", True),
    ("XXXIX", "XL", True), ("LXXXIX", "XC", True), ("IV", "VI", False), ("a", "b", True), ("h", "i", True),
    ("z", "aa", True), ("a", "c", False), ("PRIMERA", "SEGUNDA", True), ("Primero", "Segundo", True),
    ("PRIMERA", "TERCERA", False),
    # numbers without a key never follow or are followed
    ("", "1", False), ("1", "", False),
    # inserted decimals and a code's compound numbers run in sequence too
    ("163.1", "163.2", True), ("22-3101", "22-3102", True), ("163", "163.1", True),
]


@pytest.mark.parametrize(("previous", "current", "expected"), FOLLOWS)
def test_follows(previous: str, current: str, expected: bool) -> None:
    assert follows(previous, current) is expected


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=0, max_value=len(LATIN_SUFFIXES) - 1))
def test_every_number_is_followed_by_the_next_and_by_its_suffixes(n: int, rank: int) -> None:
    suffixed = f"{n} {LATIN_SUFFIXES[rank]}"
    previous = f"{n} {LATIN_SUFFIXES[rank - 1]}" if rank else str(n)
    assert follows(str(n), str(n + 1))
    assert follows(previous, suffixed)
    assert follows(suffixed, str(n + 1))
    assert not follows(suffixed, previous)


# ---------------------------------------------------------------- roman numerals

ROMAN = [(1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (9, "IX"), (10, "X"), (14, "XIV"), (40, "XL"),
         (44, "XLIV"), (49, "XLIX"), (50, "L"), (90, "XC"), (99, "XCIX"), (100, "C"), (400, "CD"), (500, "D"),
         (900, "CM"), (1000, "M"), (1999, "MCMXCIX"), (2024, "MMXXIV"), (3999, "MMMCMXCIX")]


@pytest.mark.parametrize(("value", "written"), ROMAN)
def test_roman_numerals_both_ways(value: int, written: str) -> None:
    assert to_roman(value) == written
    assert roman_value(written) == value
    assert roman_value(written.lower()) == value


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=3999))
def test_to_roman_reads_back(value: int) -> None:
    assert roman_value(to_roman(value)) == value


@pytest.mark.parametrize("text", ["", "A", "IVa", "12", "V I", "(i)"])
def test_not_roman(text: str) -> None:
    assert roman_value(text) is None


def test_to_roman_of_nothing_is_empty() -> None:
    assert to_roman(0) == ""


# ---------------------------------------------------------------- the next free number

NEXT = [
    # (after, already taken, style) → the number a new article gets; nothing is renumbered
    ("24", set(), "latin", "24 bis"),
    ("24", {"24"}, "latin", "24 bis"),
    ("24", {"24", "24 bis"}, "latin", "24 ter"),
    ("24", {"24 BIS", "24 Ter"}, "latin", "24 quater"),
    ("24", {"24 bis", "24 ter", "24 quáter"}, "latin", "24 quinquies"),  # accents do not hide a taken number
    ("24 bis", {"24", "24 bis"}, "latin", "24 ter"),  # after an inserted article: the next suffix, never 24 bis again
    ("24 bis", set(), "latin", "24 ter"),
    ("24 ter", {"24 bis"}, "latin", "24 quater"),
    ("IV", set(), "latin", "IV bis"),
    ("5", set(), "letter", "5-A"),
    ("5", {"5-A"}, "letter", "5-B"),
    ("5", {"5-a"}, "letter", "5-B"),
    ("5-A", {"5-A"}, "letter", "5-B"),
    ("5A", set(), "letter", "5-B"),  # 5A and 5-A are one number
    ("5-C", {"5-A", "5-B", "5-C"}, "letter", "5-D"),
]


@pytest.mark.parametrize(("after", "taken", "style", "expected"), NEXT)
def test_next_suffix(after: str, taken: set[str], style: str, expected: str) -> None:
    assert next_suffix(after, taken, style=style) == expected


def test_next_suffix_when_every_suffix_is_taken() -> None:
    with pytest.raises(ValueError, match="no free number after 24"):
        next_suffix("24", {f"24 {s}" for s in LATIN_SUFFIXES})
    with pytest.raises(ValueError, match="no free number after 5"):
        next_suffix("5", {f"5-{chr(c)}" for c in range(65, 91)}, style="letter")
    with pytest.raises(ValueError):
        next_suffix("24 decies", set())


def test_ordinal_words_fall_back_to_figures() -> None:
    from drafting.model.numbering import ordinal_words

    assert ordinal_words(3, "es") == "tercero" and ordinal_words(2, "en") == "second"
    assert ordinal_words(3, "xx-unknown") == "3"  # a language num2words lacks
