"""The word diff a reviewer reads: insertions and deletions, with and without each ignore option.

Every option is checked on both sides: what it ignores gives no change, and a real insertion or
deletion still shows. A deletion that silently vanished would hide a restriction a statute dropped.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.review.worddiff import new_text, old_text, tokens, word_diff

OPTIONS = ["ignore_case", "ignore_punctuation", "ignore_numbering"]


def changes(diff) -> list[tuple[int, str]]:
    return [(op, text) for op, text in diff if op]


# ---------------------------------------------------------------- default: exact text

def test_insertion_deletion_and_replacement() -> None:
    assert word_diff("el niño juega", "el niño juega solo") == ((0, "el niño juega"), (1, " solo"))
    assert word_diff("el niño juega solo", "el niño juega") == ((0, "el niño juega"), (-1, " solo"))
    assert word_diff("a child under sixteen years", "a child under eighteen years") == (
        (0, "a child under "), (-1, "sixteen"), (1, "eighteen"), (0, " years"))


def test_equal_and_empty_texts() -> None:
    assert word_diff("", "") == ()
    assert word_diff("igual", "igual") == ((0, "igual"),)
    assert word_diff("", "nuevo texto") == ((1, "nuevo texto"),)
    assert word_diff("texto suprimido", "") == ((-1, "texto suprimido"),)


def test_case_accents_and_punctuation_count_by_default() -> None:
    assert changes(word_diff("Hola mundo", "hola mundo")) == [(-1, "Hola"), (1, "hola")]
    assert changes(word_diff("el niño", "el nino")) == [(-1, "niño"), (1, "nino")]
    assert changes(word_diff("menor de edad.", "menor de edad;")) == [(-1, "."), (1, ";")]
    assert changes(word_diff("artículo 5", "artículo 6")) == [(-1, "5"), (1, "6")]


def test_changes_across_punctuation_read_as_one() -> None:
    """"thirty (30)" → "sixty (60)" is one deletion and one insertion, not four edits."""
    assert word_diff("a period of thirty (30) days.", "a period of sixty (60) days.") == (
        (0, "a period of "), (-1, "thirty (30"), (1, "sixty (60"), (0, ") days."))


@pytest.mark.parametrize(("a", "b", "expected"), [
    # up to three tokens of punctuation and single spaces between two changes: one change
    ("uno,dos", "one,two", ((-1, "uno,dos"), (1, "one,two"))),
    ("uno, (dos", "one, (two", ((-1, "uno, (dos"), (1, "one, (two"))),
    ("thirty (30", "sixty (60", ((-1, "thirty (30"), (1, "sixty (60"))),
    ("uno, dos, tres", "one, two, three", ((-1, "uno, dos, tres"), (1, "one, two, three"))),
    # four tokens of punctuation, or a word, keep the changes apart
    ("uno), (dos", "one), (two", ((-1, "uno"), (1, "one"), (0, "), ("), (-1, "dos"), (1, "two"))),
    ("uno y dos", "tres y cuatro", ((-1, "uno"), (1, "tres"), (0, " y "), (-1, "dos"), (1, "cuatro"))),
])
def test_which_equal_text_joins_two_changes(a: str, b: str, expected: tuple) -> None:
    assert word_diff(a, b) == expected


def test_words_are_kept_whole() -> None:
    assert tokens("l'enfant d’un niño 1.º y 2°, art. 5-A") == [
        "l'enfant", " ", "d’un", " ", "niño", " ", "1", ".", "º", " ", "y", " ", "2°", ",", " ", "art", ".", " ", "5", "-", "A"]
    assert changes(word_diff("la persona infractora", "la personalidad infractora")) == [(-1, "persona"), (1, "personalidad")]


def test_a_change_of_spacing_alone_is_shown_space_by_space() -> None:
    diff = word_diff("por medio de un sistema", "por medio de un  sistema")
    assert changes(diff) == [(-1, " "), (1, "  ")]
    assert old_text(diff) == "por medio de un sistema" and new_text(diff) == "por medio de un  sistema"


def test_spacing_changes_are_never_joined_across_punctuation() -> None:
    assert word_diff("a  ,  b", "a , b") == ((0, "a"), (-1, "  "), (1, " "), (0, ","), (-1, "  "), (1, " "), (0, "b"))


def test_deletions_come_before_insertions_and_equal_runs_are_merged() -> None:
    diff = word_diff("en el artículo uno dos tres del código penal vigente",
                     "en el artículo UNO DOS del código penal vigente y más")
    assert diff == ((0, "en el artículo "), (-1, "uno dos tres"), (1, "UNO DOS"), (0, " del código penal vigente"),
                    (1, " y más"))
    # a short equal word between two changes is taken into the change, so the change reads whole
    assert word_diff("uno dos tres cuatro", "uno DOS TRES cuatro cinco") == (
        (0, "uno "), (-1, "dos tres cuatro"), (1, "DOS TRES cuatro cinco"))


def test_many_distinct_words_still_diff_exactly() -> None:
    """More distinct words than the private-use range below the surrogates: the encoding skips them."""
    words = " ".join(f"w{i}" for i in range(56000))
    diff = word_diff(words + " alpha", words + " beta")
    assert old_text(diff) == words + " alpha" and new_text(diff) == words + " beta"
    # words past the surrogate range still get characters of their own: two new words stay two
    assert changes(diff) == [(-1, "alpha"), (1, "beta")]
    # and never the character of an earlier word
    swapped = words.replace(" w55294 ", " w53246 ")
    assert changes(word_diff(words, swapped)) == [(-1, "w55294"), (1, "w53246")]


# ---------------------------------------------------------------- each option, both sides

IGNORED = {
    # option: (a, b) that differ only in what the option ignores
    "ignore_case": ("Se Sancionará AL Que Posea", "se sancionará al que posea"),
    "ignore_punctuation": ("el niño, o la niña; será: protegido.", "el niño o la niña será protegido"),
    "ignore_numbering": ("según el artículo 5 y el capítulo IV", "según el artículo 12 y el capítulo XI"),
}


@pytest.mark.parametrize("option", OPTIONS)
def test_what_an_option_ignores_is_no_change(option: str) -> None:
    a, b = IGNORED[option]
    assert changes(word_diff(a, b)), "without the option the texts differ"
    diff = word_diff(a, b, **{option: True})
    assert changes(diff) == []
    assert new_text(diff) == b


@pytest.mark.parametrize("option", OPTIONS)
def test_an_insertion_shows_with_every_option(option: str) -> None:
    a, b = IGNORED[option]
    diff = word_diff(a, b + " en línea", **{option: True})
    assert changes(diff) == [(1, " en línea")]
    assert new_text(diff) == b + " en línea"


@pytest.mark.parametrize("option", OPTIONS)
def test_a_deletion_shows_with_every_option(option: str) -> None:
    a, b = IGNORED[option]
    diff = word_diff(a + " en línea", b, **{option: True})
    assert changes(diff) == [(-1, " en línea")]
    assert new_text(diff) == b


@pytest.mark.parametrize("option", OPTIONS)
def test_a_replacement_shows_with_every_option(option: str) -> None:
    diff = word_diff("la pena será de tres años", "la pena será de seis años", **{option: True})
    assert changes(diff) == [(-1, "tres"), (1, "seis")]
    assert new_text(diff) == "la pena será de seis años"


def test_ignore_case_keeps_the_new_spelling() -> None:
    diff = word_diff("El Niño juega solo", "el niño juega", ignore_case=True)
    assert diff == ((0, "el niño juega"), (-1, " solo"))
    diff = word_diff("el niño juega", "El Niño juega solo", ignore_case=True)
    assert diff == ((0, "El Niño juega"), (1, " solo"))


def test_ignore_punctuation_keeps_the_new_punctuation_as_equal_text() -> None:
    assert word_diff("el niño juega", "el niño, juega solo.", ignore_punctuation=True) == (
        (0, "el niño, juega"), (1, " solo"), (0, "."))
    assert word_diff("el niño, juega solo.", "el niño juega", ignore_punctuation=True) == (
        (0, "el niño juega"), (-1, " solo"))


def test_ignored_text_at_either_end_comes_back_in_place() -> None:
    assert word_diff("hola", "«hola»", ignore_punctuation=True) == ((0, "«hola»"),)
    assert word_diff("¿hola?", "hola", ignore_punctuation=True) == ((0, "hola"),)
    assert word_diff("hola", "¿hola mundo?", ignore_punctuation=True) == ((0, "¿hola"), (1, " mundo"), (0, "?"))


def test_options_keep_changes_across_punctuation_whole() -> None:
    assert word_diff("a period of thirty (30) days.", "a period of sixty (60) days.", ignore_case=True) == (
        (0, "a period of "), (-1, "thirty (30"), (1, "sixty (60"), (0, ") days."))
    assert word_diff("a period of thirty (30) days.", "a period of sixty (60) days.", ignore_numbering=True) == (
        (0, "a period of "), (-1, "thirty"), (1, "sixty"), (0, " (60) days."))


def test_ignore_punctuation_ignores_the_spaces_around_it() -> None:
    for a, b in (("a, b", "a , b"), ("a , b", "a, b"), ("niño , niña ; y", "niño, niña; y"), ("uno  dos", "uno dos")):
        diff = word_diff(a, b, ignore_punctuation=True)
        assert changes(diff) == [], (a, b, diff)
        assert new_text(diff) == b


def test_ignore_punctuation_still_sees_words_and_symbols_inside_words() -> None:
    assert changes(word_diff("art. 5", "art. 6", ignore_punctuation=True)) == [(-1, "5"), (1, "6")]
    assert changes(word_diff("l'enfant", "lenfant", ignore_punctuation=True)) == [(-1, "l'enfant"), (1, "lenfant")]


def test_ignore_numbering_treats_any_numeral_alike() -> None:
    for a, b in (("artículo 5", "artículo 6"), ("artículo 5", "artículo 5A"), ("capítulo IV", "capítulo XII"),
                 ("el 1°", "el 2º"), ("artículo 12", "artículo IV")):
        assert changes(word_diff(a, b, ignore_numbering=True)) == [], (a, b)
    # a numeral is not a word: replacing one by the other is a change
    assert changes(word_diff("artículo 5", "artículo cinco", ignore_numbering=True)) == [(-1, "5"), (1, "cinco")]
    # lower-case roman letters are words, not numerals ("i" is a word in many languages)
    assert changes(word_diff("punto iv", "punto xi", ignore_numbering=True)) == [(-1, "iv"), (1, "xi")]


def test_all_options_together() -> None:
    diff = word_diff("Artículo 5, del Código Penal.", "artículo 6 del código", ignore_case=True,
                     ignore_punctuation=True, ignore_numbering=True)
    assert diff == ((0, "artículo 6 del código"), (-1, " Penal"))


# ---------------------------------------------------------------- properties

WORDS = st.sampled_from(["el", "El", "niño", "NIÑO", "pena", "años", "5", "12", "IV", "bis", "menor", "red", "x"])
SEPARATORS = st.sampled_from([" ", " ", ", ", ". ", "; ", " (", ") ", " — "])


@st.composite
def sentences(draw) -> str:
    words = draw(st.lists(WORDS, max_size=12))
    out = []
    for word in words:
        out.append(word)
        out.append(draw(SEPARATORS))
    return "".join(out[:-1]) if out else ""


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@settings(max_examples=120, deadline=None)
@given(sentences(), sentences(), st.booleans(), st.booleans(), st.booleans())
def test_every_word_of_both_texts_is_accounted_for(a: str, b: str, case: bool, punctuation: bool, numbering: bool) -> None:
    """The new side of the diff is `b` exactly; the old side has `a`'s words, as an option compares them."""
    diff = word_diff(a, b, ignore_case=case, ignore_punctuation=punctuation, ignore_numbering=numbering)
    assert new_text(diff) == b
    if not (case or punctuation or numbering):
        assert old_text(diff) == a

    def key(word: str) -> str:
        if numbering and re.fullmatch(r"\d+|[IVXLCDM]+", word):
            return "#"
        return word.casefold() if case else word

    assert [key(w) for w in words(old_text(diff))] == [key(w) for w in words(a)]
    ops = [op for op, _ in diff]
    assert all(x != y for x, y in zip(ops, ops[1:])), "adjacent ops are merged"
    assert all(text for _, text in diff)


@settings(max_examples=60, deadline=None)
@given(sentences(), st.sampled_from(OPTIONS))
def test_a_text_against_itself_has_no_change(a: str, option: str) -> None:
    assert changes(word_diff(a, a)) == []
    assert changes(word_diff(a, a, **{option: True})) == []
