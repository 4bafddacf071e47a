from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from lxml import etree

from drafting import akn
from drafting.model.document import Document, Meta, Node
from drafting.model.eids import assign_eids, clean_num

from .strategies import documents


@settings(max_examples=80, deadline=None)
@given(documents())
def test_write_read_gives_an_equal_tree(doc: Document) -> None:
    stored = assign_eids(doc)
    back = akn.from_xml(akn.to_xml(stored))
    assert back == stored


@settings(max_examples=40, deadline=None)
@given(documents())
def test_eids_are_unique(doc: Document) -> None:
    root = etree.fromstring(akn.to_xml(doc))
    eids = [el.get("eId") for el in root.iter() if el.get("eId")]
    assert [e for e, n in Counter(eids).items() if n > 1] == []


def sample() -> Document:
    para = Node(kind="paragraph", num="1", text="Intro:", children=(
        Node(kind="list", children=(Node(kind="point", num="a", text="uno"), Node(kind="point", num="b", text="dos"))),))
    art = Node(kind="article", num="24", heading="Pornografía infantil", children=(para,))
    chapter = Node(kind="chapter", num="2", heading="De los delitos", children=(art,))
    return Document(meta=Meta(country="do", number="53-07", date="2007-04-23", language="es", title="Ley 53-07"), body=(chapter,))


def test_eids_follow_the_naming_convention() -> None:
    doc = assign_eids(sample())
    eids = [node.eid for node, _ in doc.walk()]
    assert eids == ["chp_2", "art_24", "art_24__para_1", "art_24__para_1__list_1",
                    "art_24__para_1__list_1__point_a", "art_24__para_1__list_1__point_b"]


def test_clean_num() -> None:
    assert clean_num("(i)") == "i"
    assert clean_num("1.2.") == "1-2"
    assert clean_num("20 bis") == "20bis"
    assert clean_num("5-A") == "5-A"


def test_frbr_uris() -> None:
    meta = sample().meta
    assert meta.work_uri == "/akn/do/act/2007/53-07"
    assert meta.expression_uri == "/akn/do/act/2007/53-07/spa@2007-04-23"
    root = etree.fromstring(akn.to_xml(sample()))
    ns = {"a": akn.NS}
    assert root.find(".//a:FRBRWork/a:FRBRuri", ns).get("value") == "/akn/do/act/2007/53-07"
    assert root.find(".//a:FRBRExpression/a:FRBRlanguage", ns).get("language") == "spa"


def test_guids_are_stable_across_reads() -> None:
    doc = assign_eids(sample())
    again = akn.from_xml(akn.to_xml(doc))
    assert [n.guid for n, _ in again.walk()] == [n.guid for n, _ in doc.walk()]
    assert all(n.guid for n, _ in doc.walk())


def test_quoted_articles_keep_their_own_eids() -> None:
    quoted = Node(kind="quotedStructure", children=(Node(kind="article", num="162", text="texto citado"),))
    doc = Document(meta=Meta(country="pe", number="30096", date="2013-10-22", language="es"),
                   body=(Node(kind="article", num="162", text="propio"),
                         Node(kind="article", num="2", text="Modifícase:", children=(quoted,))))
    doc = assign_eids(doc)
    assert [u.num for u in doc.units()] == ["162", "2"]
    eids = [n.eid for n, _ in doc.walk()]
    assert "art_162" in eids and "art_2__qstr_1__art_162" in eids
