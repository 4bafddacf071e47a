"""eIds and GUIDs: the AKN naming convention for every kind, uniqueness, and stability of both.

An eId is how a citation, a review's evidence and a diff point into a statute; a GUID is a
provision's identity across versions. Neither may depend on an article's position or wording.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings

from drafting.model.document import Document, Meta, Node
from drafting.model.eids import GUID_NAMESPACE, assign_eids, clean_num

from .strategies import full_documents

META = Meta(country="do", number="1", date="2020-01-01", language="es")


@pytest.mark.parametrize(("num", "cleaned"), [
    ("24", "24"), ("(i)", "i"), ("a)", "a"), ("1.2.", "1-2"), ("20 bis", "20bis"), ("5 bis.", "5bis"), ("5-A", "5-A"),
    ("12A", "12A"), ("I", "I"), ("PRIMERA", "PRIMERA"), ("§ 22–3101", "22-3101"), ("1.°", "1"), ("Art. 5", "Art-5"),
    ("(a)(1)", "a--1"), ("", ""), ("  ", ""), ("—", ""), ("ñ", "ñ"),
    ("((a))", "a"), ("«(i)»", "i"), ("5 bis.-", "5bis"),
])
def test_clean_num(num: str, cleaned: str) -> None:
    assert clean_num(num) == cleaned


def every_kind() -> Document:
    article = Node(kind="article", num="1", text="x", children=(
        Node(kind="paragraph", text="p1"), Node(kind="paragraph", text="p2"),
        Node(kind="list", children=(Node(kind="point", num="a)"),)), Node(kind="list", children=(Node(kind="point", num="a"),)),
        Node(kind="note", text="n"), Node(kind="note", text="n2"), Node(kind="text", text="t"),
        Node(kind="crossHeading", heading="h"),
        Node(kind="table", children=(Node(kind="row", children=(Node(kind="cell", text="c"),)),)),
        Node(kind="hcontainer", name="group", children=(Node(kind="article", num="9"),)),
    ))
    return Document(
        META,
        preface=(Node(kind="text", text="t", name="docTitle"), Node(kind="text", text="u")),
        preamble=(Node(kind="recitals", children=(Node(kind="recital", text="a"), Node(kind="recital", num="II", text="b"))),
                  Node(kind="citations", children=(Node(kind="citation", text="c"),)), Node(kind="formula", text="f")),
        body=(
            Node(kind="title", num="I", children=(Node(kind="chapter", num="1", children=(
                Node(kind="section", num="1", children=(article,)),)),)),
            Node(kind="part", num="2", children=(
                Node(kind="section", num="12", children=(
                    Node(kind="subsection", num="(1)", children=(Node(kind="paragraph", num="(a)"),)),)),
                Node(kind="division", children=(Node(kind="subdivision", text="s"),)))),
            Node(kind="article", num="1", text="the same number again"),
            Node(kind="article", text="unnumbered"), Node(kind="article", text="unnumbered too"),
            Node(kind="book", num="1", children=(Node(kind="subparagraph", text="x"),)),
        ),
        conclusions=(Node(kind="text", text="c"),),
        attachments=(Node(kind="attachment", num="1", children=(Node(kind="article", num="1"),)),
                     Node(kind="attachment", children=(Node(kind="article", num="1"),)), Node(kind="attachment", text="x")),
    )


EXPECTED = [
    ("text", "preface__hcontainer_1"), ("text", "preface__hcontainer_2"),
    ("recitals", "preamble__recitals_1"), ("recital", "preamble__recitals_1__recital_nn_1"),
    ("recital", "preamble__recitals_1__recital_II"), ("citations", "preamble__citations_1"),
    ("citation", "preamble__citations_1__citation_1"), ("formula", "preamble__formula_1"),
    # divisions nest; an article-level unit does not repeat them (a moved article keeps its eId)
    ("title", "title_I"), ("chapter", "title_I__chp_1"), ("section", "title_I__chp_1__sec_1"), ("article", "art_1"),
    # unnumbered provisions are nn_<n>, never-numbered elements a counter, per kind and per parent
    ("paragraph", "art_1__para_nn_1"), ("paragraph", "art_1__para_nn_2"),
    ("list", "art_1__list_1"), ("point", "art_1__list_1__point_a"), ("list", "art_1__list_2"), ("point", "art_1__list_2__point_a"),
    ("note", "art_1__note_1"), ("note", "art_1__note_2"), ("text", "art_1__hcontainer_1"),
    ("crossHeading", "art_1__crossHeading_1"), ("table", "art_1__table_1"), ("row", ""), ("cell", ""),
    ("hcontainer", "art_1__hcontainer_2"), ("article", "art_1__hcontainer_2__art_9"),
    # a Commonwealth section under a part is the unit
    ("part", "part_2"), ("section", "sec_12"), ("subsection", "sec_12__subsec_1"), ("paragraph", "sec_12__subsec_1__para_a"),
    ("division", "part_2__dvs_nn_1"), ("subdivision", "part_2__dvs_nn_1__subdvs_nn_1"),
    # a number that repeats gets a suffix: eIds stay unique
    ("article", "art_1-2"), ("article", "art_nn_1"), ("article", "art_nn_2"),
    ("book", "book_1"), ("subparagraph", "book_1__subpara_nn_1"),
    ("text", "conclusions__hcontainer_1"),
    # a schedule's provisions live under it
    ("attachment", "att_1"), ("article", "att_1__art_1"), ("attachment", "att_nn_1"), ("article", "att_nn_1__art_1"),
    ("attachment", "att_nn_2"),
]


def test_eids_of_every_kind_follow_the_naming_convention() -> None:
    doc = assign_eids(every_kind())
    assert [(n.kind, n.eid) for n, _ in doc.walk()] == EXPECTED


def test_every_element_gets_a_guid_derived_from_the_work_and_its_eid() -> None:
    doc = assign_eids(every_kind())
    for node, _ in doc.walk():
        if node.kind in ("row", "cell"):
            assert node.guid == ""
        else:
            assert node.guid == str(uuid.uuid5(GUID_NAMESPACE, f"/akn/do/act/2020/1#{node.eid}"))


def test_guids_are_the_same_on_every_import_and_differ_between_laws() -> None:
    one, again = assign_eids(every_kind()), assign_eids(every_kind())
    assert [n.guid for n, _ in one.walk()] == [n.guid for n, _ in again.walk()]
    other = assign_eids(replace(every_kind(), meta=replace(META, number="2")))
    assert {n.guid for n, _ in one.walk() if n.guid}.isdisjoint({n.guid for n, _ in other.walk() if n.guid})


def test_existing_identities_are_kept_only_when_asked() -> None:
    doc = Document(META, body=(Node(kind="article", num="7", eid="art_old", guid="g-7", text="x"),
                               Node(kind="article", num="8", eid="art_old", text="y")))
    kept = assign_eids(doc, keep_existing=True)
    assert [(n.eid, n.guid) for n in kept.body] == [
        ("art_old", "g-7"), ("art_old-2", str(uuid.uuid5(GUID_NAMESPACE, "/akn/do/act/2020/1#art_old-2")))]
    fresh = assign_eids(doc)
    assert [n.eid for n in fresh.body] == ["art_7", "art_8"]
    assert fresh.body[0].guid == "g-7", "a GUID is an identity: it is never replaced"


def test_a_new_provision_never_repeats_a_carried_guid() -> None:
    carried = str(uuid.uuid5(GUID_NAMESPACE, "/akn/do/act/2020/1#art_5"))  # the old article 5's, now article 6
    doc = assign_eids(Document(META, body=(Node(kind="article", num="5", text="new"),
                                           Node(kind="article", num="6", text="old", guid=carried))))
    new, old = doc.body
    assert old.guid == carried
    assert new.guid == str(uuid.uuid5(GUID_NAMESPACE, "/akn/do/act/2020/1#art_5#2")), "still derived, so still reproducible"
    third = str(uuid.uuid5(GUID_NAMESPACE, "/akn/do/act/2020/1#art_5#2"))
    again = assign_eids(Document(META, body=(Node(kind="article", num="5", text="newest"),
                                             Node(kind="article", num="6", text="old", guid=carried),
                                             Node(kind="article", num="7", text="new", guid=third))))
    assert again.body[0].guid == str(uuid.uuid5(GUID_NAMESPACE, "/akn/do/act/2020/1#art_5#3"))
    assert assign_eids(Document(META, body=(Node(kind="article", num="5", text="new"),
                                            Node(kind="article", num="6", text="old", guid=carried)))) == doc


def test_quoted_articles_keep_their_prefix_and_never_clash() -> None:
    quoted = Node(kind="quotedStructure", children=(Node(kind="article", num="162", children=(Node(kind="paragraph", num="1"),)),))
    doc = assign_eids(Document(META, body=(Node(kind="article", num="162", text="own"),
                                           Node(kind="article", num="2", children=(quoted, quoted)))))
    assert [n.eid for n, _ in doc.walk()] == [
        "art_162", "art_2", "art_2__qstr_1", "art_2__qstr_1__art_162", "art_2__qstr_1__art_162__para_1",
        "art_2__qstr_2", "art_2__qstr_2__art_162", "art_2__qstr_2__art_162__para_1"]


def test_a_section_holding_articles_is_a_division() -> None:
    """Spanish SECCIÓN: the articles inside keep their short eIds."""
    doc = assign_eids(Document(META, body=(Node(kind="chapter", num="II", children=(
        Node(kind="section", num="1", children=(Node(kind="article", num="5", text="x"),)),)),)))
    assert [n.eid for n, _ in doc.walk()] == ["chp_II", "chp_II__sec_1", "art_5"]


def test_moving_an_article_to_another_chapter_keeps_its_eid_and_guid() -> None:
    art = Node(kind="article", num="24", text="x")
    before = assign_eids(Document(META, body=(Node(kind="chapter", num="1", children=(art,)), Node(kind="chapter", num="2"))))
    after = assign_eids(Document(META, body=(Node(kind="chapter", num="1"), Node(kind="chapter", num="2", children=(art,)))))
    assert before.body[0].children[0].eid == after.body[1].children[0].eid == "art_24"
    assert before.body[0].children[0].guid == after.body[1].children[0].guid


@settings(max_examples=40, deadline=None)
@given(full_documents())
def test_eids_and_guids_are_unique_and_assigning_twice_changes_nothing(doc: Document) -> None:
    once = assign_eids(doc)
    nodes = [n for n, _ in once.walk() if n.kind not in ("row", "cell")]
    for values in ([n.eid for n in nodes], [n.guid for n in nodes]):
        assert all(values)
        assert [v for v, k in Counter(values).items() if k > 1] == []
    assert assign_eids(once, keep_existing=True) == once
    assert assign_eids(once) == once


def test_provisions_outside_the_body_never_take_a_body_articles_eid() -> None:
    """Parts are assigned in order (preface first): an article-like node there is addressed from its part."""
    article = Node(kind="article", num="1", text="x")
    doc = assign_eids(Document(META, preface=(article,), preamble=(article,), body=(article,), conclusions=(article,)))
    assert [n.eid for n, _ in doc.walk()] == ["preface__art_1", "preamble__art_1", "art_1", "conclusions__art_1"]


def test_tables_rows_and_cells() -> None:
    table = Node(kind="table", children=(Node(kind="row", children=(Node(kind="cell", text="a"), Node(kind="cell", text="b"))),
                                         Node(kind="row", children=(Node(kind="cell", text="c"),))))
    doc = assign_eids(Document(META, body=(Node(kind="article", num="1", children=(table, Node(kind="note", text="n"))),)))
    assert [(n.kind, n.eid) for n, _ in doc.walk()] == [
        ("article", "art_1"), ("table", "art_1__table_1"), ("row", ""), ("cell", ""), ("cell", ""), ("row", ""), ("cell", ""),
        ("note", "art_1__note_1")]
