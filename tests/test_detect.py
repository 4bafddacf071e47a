"""The review's detectors on a profile written here: rule validation, matching, verdict kinds and quotes.

The real review profiles change as the review grows; these tests use a small profile of their own so
that each behaviour of the generic detector is pinned down on its own, whatever the profiles say.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from drafting.errors import DraftingError
from drafting.model.document import Document, Meta, Node
from drafting.model.eids import assign_eids
from drafting.model.immutable import freeze
from drafting.parse.profiles import Profile
from drafting.review import detect
from drafting.review.detect import ELLIPSIS, JOINER, MAX_PIECE, Detector
from drafting.review.provisions import provisions

REVIEW: dict[str, Any] = {
    "concepts": {
        "material": ["material", "pornograf"],
        "child": ["\\bnin[oa]s?\\b", "menor(es)? de edad"],
        "possess": ["\\bposea", "posesion"],
        "system": ["sistema de informacion"],
        "computer": ["electronic", "informatic"],
        "quoted": ["“[a-z ]+”"],
        "overlap": ["sistema de", "de informacion", "sistema"],
        "x-word": ["\\bx[a-z]+"],
    },
    "measures": {"age": {"patterns": ["menor(?:es)? de (?P<value>\\d+|dieciocho|dieciseis) anos"]}},
    "numbers": {"dieciocho": 18, "dieciseis": 16},
    "cite": {"unit": "artículo {num}", "group": "disposición {num} ({group})"},
    "criteria": {
        "possession": {"require": ["material", "possess"], "partial_if": ["system"],
                       "reason": {"met": "se castiga", "missing": "no se castiga"}},
        "definition": {"require": ["material|computer", "child"], "term": "child", "anchor": "material",
                       "reason_es": {"met": "se define"}},
        "child-age": {"require": ["child"], "measure": {"name": "age", "at_least": 18}},
        "online": {"require": ["material", "possess", "computer"], "partial_require": ["material", "possess"]},
        "online-any": {"require": ["material", "possess", "computer", "child"], "partial_require": ["material|computer", "possess"]},
        "child-age-system": {"require": ["child"], "measure": {"name": "age", "at_least": 18}, "partial_if": ["system", "computer"]},
    },
}


def profile(review: dict[str, Any] = REVIEW, pid: str = "test-review") -> Profile:
    return Profile(id=pid, language="es", name="test", data=freeze({"review": review}))


def changed(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    review = copy.deepcopy(REVIEW)
    holder = review
    for key in path[:-1]:
        holder = holder[key]
    if value is None:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return review


# ---------------------------------------------------------------- rules are validated when read

@pytest.fixture(autouse=True)
def fresh_caches() -> None:
    """Compiled concepts and detectors are cached per profile id: every test builds its own."""
    detect._concept.cache_clear()
    detect._compile.cache_clear()
    detect._DETECTORS.clear()


def test_a_valid_profile_gives_one_rule_per_criterion() -> None:
    det = Detector(profile())
    assert sorted(det.rules) == ["child-age", "child-age-system", "definition", "online", "online-any", "possession"]
    rule = det.rule("definition")
    assert rule.criterion == "definition"
    assert rule.require == (("material", "computer"), ("child",))
    assert rule.term == "child" and rule.anchor == "material"
    assert dict(rule.reasons) == {} and dict(rule.reasons_es) == {"met": "se define"}
    plain = det.rule("possession")
    assert plain.anchor == "" and plain.term == "" and plain.measure == "" and plain.at_least is None
    assert dict(plain.reasons_es) == {}
    assert det.rule("possession").partial_if == ("system",)
    assert det.rule("possession").reasons["met"] == "se castiga"
    assert det.rule("child-age").measure == "age" and det.rule("child-age").at_least == 18
    assert det.rule("online").partial_require == (("material",), ("possess",))


BAD_RULES = [
    (("criteria", "possession", "require"), ["material", "posesion"], "criterion possession: require names unknown concept 'posesion'"),
    (("criteria", "possession", "require"), ["material | nada"], "criterion possession: require names unknown concept 'nada'"),
    (("criteria", "online", "partial_require"), ["material", "tenencia"], "criterion online: partial_require names unknown concept 'tenencia'"),
    (("criteria", "possession", "partial_if"), ["sistema"], "criterion possession: partial_if names unknown concept 'sistema'"),
    (("criteria", "definition", "term"), "materia", "criterion definition: unknown concept 'materia'"),
    (("criteria", "definition", "anchor"), "ancla", "criterion definition: unknown concept 'ancla'"),
    (("criteria", "child-age", "measure"), {"name": "edad", "at_least": 18}, "criterion child-age: unknown measure 'edad'"),
    (("criteria", "possession", "require"), None, "criterion possession: the rule needs `require`"),
    (("criteria", "possession", "require"), [], "criterion possession: the rule needs `require`"),
    (("concepts", "system"), [], "concept 'system' has no patterns"),
    (("concepts", "system"), ["Sistema de informacion"], "pattern 'Sistema de informacion' of 'system' has capitals"),
    (("concepts", "system"), ["sistema (de"], "bad pattern in concept 'system'"),
    (("measures", "age"), {"patterns": ["menor de (?P<value>\\d+"]}, "bad pattern in concept 'measures.age'"),
]


@pytest.mark.parametrize(("path", "value", "message"), BAD_RULES)
def test_a_malformed_rule_is_a_clear_error_naming_the_profile(path: tuple[str, ...], value: Any, message: str) -> None:
    with pytest.raises(DraftingError) as caught:
        Detector(profile(changed(path, value), pid="test-bad"))
    assert caught.value.message.startswith(message)
    assert caught.value.source == "profile test-bad (review)"


def test_patterns_may_escape_capitals_and_name_groups() -> None:
    det = Detector(profile(changed(("concepts", "system"), ["\\Wsistema\\b", "(?P<x>red)es"])))
    assert det.span("la Red es", "system") is None
    assert det.span("las redes", "system") == (4, 9)


def test_asking_for_a_criterion_without_a_rule() -> None:
    with pytest.raises(DraftingError, match=r"^no review rule for criterion 'grooming' in profile test-review "
                                            r"\(add \[criteria\.<id>\] to drafting/parse/profiles/review/\)$"):
        Detector(profile()).rule("grooming")


def test_a_profile_without_review_data_has_no_rules() -> None:
    det = Detector(Profile(id="empty", language="es", name="empty", data=freeze({})))
    assert det.rules == {} and det.concepts == {}


# ---------------------------------------------------------------- matching

def test_matching_ignores_case_and_accents_and_keeps_offsets() -> None:
    det = Detector(profile())
    text = "Sanción por POSESIÓN de material"
    assert det.span(text, "possess") == (12, 20)
    assert text[12:20] == "POSESIÓN"
    assert det.span("nada aquí", "possess") is None


def test_a_leading_word_boundary_is_respected() -> None:
    det = Detector(profile())
    assert det.span("la niña", "child") == (3, 7)
    assert det.span("la campiña", "child") is None
    assert det.span("el que posea", "possess") == (7, 12)
    assert det.span("el que reposea", "possess") is None
    assert det.span("reposea y posea", "possess") == (10, 15), "a rejected match does not hide a later one"
    assert det.span("mi_niña", "child") is None, "an underscore is part of a word"
    assert det.span("(niña)", "child") == (1, 5)


def test_the_first_occurrence_of_any_pattern() -> None:
    det = Detector(profile())
    assert det.span("pornografía y material", "material") == (0, 9)
    assert det.span("material y pornografía", "material") == (0, 8)


def test_where_patterns_overlap_the_earliest_start_wins_then_the_first_pattern() -> None:
    det = Detector(profile())
    assert det.span("un sistema de información", "overlap") == (3, 13)
    assert det.span("datos de información", "overlap") == (6, 20)


def test_phrase_quotes_whole_words_as_written() -> None:
    det = Detector(profile())
    assert det.phrase(("nada", "por medios Electrónicos, o no"), "computer") == "Electrónicos"
    assert det.phrase(("la red (electrónica)",), "computer") == "electrónica"
    assert det.phrase(("se entiende por “material pornográfico” todo",), "quoted") == "material pornográfico"
    assert det.phrase(("la Xenofobia",), "x-word") == "Xenofobia"
    assert det.phrase(("«material»",), "material") == "material"
    assert det.phrase(("nada",), "computer") == ""


def test_measure_reads_digits_and_number_words() -> None:
    det = Detector(profile())
    assert det.measure(("toda persona menor de 18 años",), "age") == (18.0, "menor de 18 años")
    assert det.measure(("los menores de dieciséis años",), "age") == (16.0, "menores de dieciséis años")
    assert det.measure(("sin edad",), "age") == (None, "")


def test_holds_needs_every_group_and_one_alternative_of_each() -> None:
    det = Detector(profile())
    rule = det.rule("definition")
    assert det.holds(("material de niños",), rule.require)
    assert det.holds(("medio informático", "con niñas"), rule.require)
    assert not det.holds(("material",), rule.require)
    assert not det.has(("material",), "child")


# ---------------------------------------------------------------- hits on provisions

def statute(*articles: Node) -> tuple:
    doc = assign_eids(Document(Meta(country="xs", language="es"), body=articles))
    return tuple(provisions(doc, profile()))


def test_met_restricted_and_weak_hits() -> None:
    det = Detector(profile())
    provs = statute(
        Node(kind="article", num="1", text="El que posea material será sancionado."),
        Node(kind="article", num="2", text="El que posea material en un sistema de información será sancionado."),
        Node(kind="article", num="3", text="Texto sin relación."),
    )
    hits = det.hits(provs, det.rule("possession"))
    assert [(h.provision.num, h.kind, h.restriction) for h in hits] == [("1", "met", ""), ("2", "restricted", "sistema de información")]
    assert hits[1].groups == (("material",), ("possess",), ("system",)), "the restriction is quoted too"
    assert hits[0].term == "material" and hits[1].term == "material"
    assert hits[1].value is None

    weak = det.hits(provs, det.rule("online"))
    assert [(h.provision.num, h.kind) for h in weak] == [("1", "weak"), ("2", "weak")]
    assert weak[0].term == "material"


def test_weak_hits_only_when_nothing_meets_the_rule() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="1", text="El que posea material por medios electrónicos."),
                    Node(kind="article", num="2", text="El que posea material."))
    assert [(h.provision.num, h.kind) for h in det.hits(provs, det.rule("online"))] == [("1", "met")]


def test_a_measured_rule_needs_the_measure_and_compares_it() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="1", text="Niño es toda persona menor de 16 años."),
                    Node(kind="article", num="2", text="Niña es toda persona menor de dieciocho años."),
                    Node(kind="article", num="3", text="Los niños serán protegidos."))
    hits = det.hits(provs, det.rule("child-age"))
    assert [(h.provision.num, h.kind, h.value, h.term) for h in hits] == [
        ("1", "restricted", 16.0, "menor de 16 años"), ("2", "met", 18.0, "menor de dieciocho años")]
    assert hits[0].restriction == "menor de 16 años"


def test_the_smallest_provision_that_says_it_is_the_evidence() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="7", heading="Posesión", text="Se sancionará:", children=(
        Node(kind="paragraph", num="1", text="A quien posea material de niños."),
        Node(kind="paragraph", num="2", text="A quien lo difunda."),
    )))
    hits = det.hits(provs, det.rule("possession"))
    assert [h.provision.eid for h in hits] == ["art_7__para_1"]


def test_passing_mentions_are_units_where_the_rule_does_not_hold() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="1", text="El que posea material será sancionado."),
                    Node(kind="article", num="2", text="El material incautado se destruye."),
                    Node(kind="article", num="3", text="Nada."))
    hits = det.hits(provs, det.rule("possession"))
    assert [p.num for p in det.mentions(provs, "material", hits)] == ["2"]


# ---------------------------------------------------------------- quotes

def test_the_quote_is_the_sentences_that_show_the_concepts_in_order() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="1", text=(
        "Esta ley protege a la infancia. Quien posea cualquier cosa será sancionado. Se entiende por material la pornografía infantil. "
        "Entra en vigor hoy.")))
    hit = det.hits(provs, det.rule("possession"))[0]
    assert det.quote(hit) == "Quien posea cualquier cosa será sancionado." + JOINER + "Se entiende por material la pornografía infantil."


def test_one_sentence_that_shows_everything_is_quoted_alone() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="1", text="Primera frase. El que posea material será sancionado. Otra frase."))
    assert det.quote(det.hits(provs, det.rule("possession"))[0]) == "El que posea material será sancionado."


def long_sentence(before: int, after: int, middle: str = "el que posea material") -> str:
    words = "palabra " * (before // 8)
    return f"Inicio {words}{middle} {'texto ' * (after // 6)}final."


def test_a_long_sentence_is_trimmed_around_what_it_shows() -> None:
    det = Detector(profile())
    groups = det.rule("possession").require
    sentence = long_sentence(400, 400)
    assert len(sentence) > MAX_PIECE
    piece = det._trim(sentence, groups)
    assert piece.startswith(ELLIPSIS) and piece.endswith(ELLIPSIS)
    assert "el que posea material" in piece
    assert len(piece) < 2 * 120 + len("el que posea material") + 2 * len(ELLIPSIS)
    body = piece.strip(ELLIPSIS)
    assert body in sentence and body == body.strip()
    assert sentence.split().count(body.split()[0]) >= 1 and f" {body.split()[-1]} " in f" {sentence} ", "cut at whole words"


def test_trimming_keeps_the_start_or_the_end_when_the_match_is_near_it() -> None:
    det = Detector(profile())
    groups = det.rule("possession").require
    start = det._trim("el que posea material " + "texto " * 100 + "final.", groups)
    assert start.startswith("el que posea material") and start.endswith(ELLIPSIS)
    end = det._trim("Inicio " + "palabra " * 60 + "el que posea material.", groups)
    assert end.startswith(ELLIPSIS) and end.endswith("el que posea material.")


def test_a_short_sentence_is_never_trimmed() -> None:
    det = Detector(profile())
    groups = det.rule("possession").require
    exact = ("x" * (MAX_PIECE - 9)) + " material"
    assert len(exact) == MAX_PIECE
    assert det._trim(f"  {exact}  ", groups) == exact


def test_a_long_sentence_without_the_concepts_is_cut_at_a_word() -> None:
    det = Detector(profile())
    sentence = "palabra " * 80
    piece = det._trim(sentence, det.rule("possession").require)
    assert piece.endswith(ELLIPSIS) and not piece.startswith(ELLIPSIS)
    assert len(piece) <= MAX_PIECE + len(ELLIPSIS)
    assert piece[:-1].split() == ["palabra"] * len(piece[:-1].split())


def test_quote_trims_each_long_sentence() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="1", text=long_sentence(500, 500)))
    quote = det.quote(det.hits(provs, det.rule("possession"))[0])
    assert quote.startswith(ELLIPSIS) and quote.endswith(ELLIPSIS) and "el que posea material" in quote


# ---------------------------------------------------------------- citations and the cache

def test_cite_names_a_provision_by_the_profiles_pattern() -> None:
    det = Detector(profile())
    doc = assign_eids(Document(Meta(country="xs", language="es"), body=(
        Node(kind="article", num="4", text="x"),
        Node(kind="hcontainer", name="finalProvisions", heading="DISPOSICIONES FINALES", children=(
            Node(kind="article", num="PRIMERA", text="y"),)))))
    unit, final = provisions(doc, profile())
    assert det.cite(unit) == "artículo 4"
    assert det.cite(final) == "disposición PRIMERA (Disposiciones finales)"
    bare = Detector(profile(changed(("cite",), None)))
    assert bare.cite(unit) == "4" and bare.cite(final) == "PRIMERA (Disposiciones finales)"


def test_detectors_are_cached_per_profile() -> None:
    first = profile(pid="test-cache")
    cached = detect.detector(first)
    assert detect.detector(first) is cached and cached.profile is first
    second = profile(pid="test-cache")  # the same id, read again (a changed profile file)
    fresh = detect.detector(second)
    assert fresh is not cached and fresh.profile is second
    assert detect.detector(second) is fresh


def test_the_match_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(detect, "CACHE_LIMIT", 3)
    det = Detector(profile())
    for i in range(10):
        assert det.span(f"texto {i} con material", "material") == (len(f"texto {i} con "), len(f"texto {i} con material"))
    assert len(det._found) <= 4
    assert det.span("texto 0 con material", "material") == (12, 20)


def test_the_term_and_the_groups_show_what_is_there() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="1", text="Se entiende por material toda representación de niñas."))
    (hit,) = det.hits(provs, det.rule("definition"))
    assert hit.term == "niñas", "the rule's term, not the first concept"
    assert hit.groups == (("material",), ("child",)), "only the alternatives present, so the quote shows them"


def test_a_weak_hits_term_falls_back_to_any_alternative_present() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="1", text="El que posea medios electrónicos será sancionado."))
    (hit,) = det.hits(provs, det.rule("online-any"))
    assert (hit.kind, hit.term) == ("weak", "electrónicos")


def test_a_measured_rule_with_a_restriction_keeps_the_value_and_one_restriction() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="1",
                         text="Niño es toda persona menor de 18 años, en un sistema de información o medio electrónico."))
    (hit,) = det.hits(provs, det.rule("child-age-system"))
    assert (hit.kind, hit.value, hit.term, hit.restriction) == ("restricted", 18.0, "menor de 18 años", "sistema de información")
    assert hit.groups == (("child",), ("system",)), "the first restriction found is quoted, not every one"


def test_an_intro_that_says_it_alone_is_the_evidence_even_with_one_point() -> None:
    det = Detector(profile())
    provs = statute(Node(kind="article", num="3", text="El que posea material será sancionado, en especial:", children=(
        Node(kind="list", children=(Node(kind="point", num="a", text="el que posea material de niños;"),)),)))
    assert [h.provision.eid for h in det.hits(provs, det.rule("possession"))][0] == "art_3"  # the intro first


def test_a_concept_found_only_in_a_later_article_among_many_short_ones() -> None:
    det = Detector(profile())
    articles = [Node(kind="article", num=str(i), text="x.") for i in range(1, 20)]
    articles[9] = Node(kind="article", num="10", text="El que posea material.")
    hits = det.hits(statute(*articles), det.rule("possession"))
    assert [h.provision.num for h in hits] == ["10"]


# ---------------------------------------------------------------- quotes, precisely

def a_hit(*parts: str, groups=(("material",), ("possess",))) -> detect.Hit:
    provision = statute(Node(kind="article", num="1", text="x"))[0]
    return detect.Hit(provision, "met", tuple(parts), tuple(groups))


def test_quoted_sentences_keep_the_order_of_the_text() -> None:
    det = Detector(profile())
    assert det.quote(a_hit("El que posea cosas será sancionado. Se entiende por material la pornografía.")) == (
        "El que posea cosas será sancionado." + JOINER + "Se entiende por material la pornografía.")
    assert det.quote(a_hit("Se castiga a quien posea cosas. Por material se entiende la pornografía.")) == (
        "Se castiga a quien posea cosas." + JOINER + "Por material se entiende la pornografía.")
    assert det.quote(a_hit("Se castiga. El que posea cosas:", "material de niños.")) == (
        "El que posea cosas:" + JOINER + "material de niños."), "context first, then the provision"


def test_a_quote_without_any_concept_is_the_last_sentence() -> None:
    det = Detector(profile())
    assert det.quote(a_hit("Uno. Dos.")) == "Dos."
    assert det.quote(a_hit("Uno.", "Dos. Tres.")) == "Tres."


def test_trimming_keeps_whole_words_within_120_characters_of_the_matches() -> None:
    det = Detector(profile())
    middle = "el que posea material"
    sentence = "Zz" + " a" * 150 + " aa " + middle + " b" * 150 + " fin."
    assert det._trim(sentence, det.rule("possession").require) == ELLIPSIS + "a " * 54 + "aa " + middle + " b" * 59 + ELLIPSIS


def test_trimming_a_sentence_without_matches_cuts_at_the_last_space() -> None:
    det = Detector(profile())
    sentence = "otra palabra\t" * 40
    assert det._trim(sentence, det.rule("possession").require) == "otra palabra\t" * 31 + "otra" + ELLIPSIS


@pytest.mark.parametrize(("sentence", "expected"), [
    # the piece starts after the first space at most 120 characters before the match, even one character in
    ("a" * 100 + " " + "b" * 20 + "material" + " c" * 250, ELLIPSIS + "b" * 20 + "material" + " c" * 59 + ELLIPSIS),
    # with no space to cut at, the piece is cut right there, and the cut is still marked
    ("a" * 121 + "material" + "b" * 400, ELLIPSIS + "a" * 120 + "material" + "b" * 120 + ELLIPSIS),
    ("a" * 150 + " " + "material" + "y" * 400, ELLIPSIS + "material" + "y" * 120 + ELLIPSIS),
    ("a" * 150 + "  " + "material" + "y" * 400, ELLIPSIS + "material" + "y" * 120 + ELLIPSIS),
])
def test_trimming_at_the_edges(sentence: str, expected: str) -> None:
    det = Detector(profile())
    assert det._trim(sentence, (("material",),)) == expected


def test_no_provisions_no_hits() -> None:
    det = Detector(profile())
    assert det.hits((), det.rule("possession")) == ()
    assert det.hits((), det.rule("online")) == ()
