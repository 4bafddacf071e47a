"""The document model: node rules, reading order, units, FRBR URIs and the helpers every stage uses."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import pytest

from drafting.model.document import KINDS, Document, Meta, Node, is_unit, map_nodes, slug, walk


def test_a_node_kind_must_be_known() -> None:
    for kind in sorted(KINDS):
        assert Node(kind=kind).kind == kind
    with pytest.raises(ValueError, match="unknown node kind 'articel'"):
        Node(kind="articel")


def test_nodes_are_immutable_and_compare_without_their_source_line() -> None:
    node = Node(kind="article", num="1", text="x", line=12)
    with pytest.raises(FrozenInstanceError):
        node.text = "y"  # type: ignore[misc]
    assert node == replace(node, line=99)
    assert node != replace(node, guid="g")


def test_repealed() -> None:
    assert Node(kind="article", status="repealed").repealed
    assert not Node(kind="article").repealed
    assert not Node(kind="article", status="removed").repealed


ARTICLE = Node(kind="article", num="5", heading="Posesión", text="El que:", children=(
    Node(kind="list", children=(Node(kind="point", num="a", text="posea;"), Node(kind="point", num="b", text="", heading="Acceso"))),
    Node(kind="paragraph", text="Párrafo."),
), wrap_up="será sancionado.")


def test_full_text_reads_heading_intro_children_and_wrap_up_in_order_without_labels() -> None:
    assert ARTICLE.full_text() == "Posesión El que: posea; Acceso Párrafo. será sancionado."
    assert Node(kind="article").full_text() == ""


def test_own_text_leaves_the_children_out() -> None:
    assert ARTICLE.own_text() == "Posesión El que: será sancionado."
    assert Node(kind="article", text="solo").own_text() == "solo"
    assert Node(kind="article", wrap_up="fin").own_text() == "fin"


# ---------------------------------------------------------------- meta and FRBR URIs

@pytest.mark.parametrize(("meta", "work", "expression"), [
    (Meta(country="do", number="53-07", date="2007-04-23", language="es"), "/akn/do/act/2007/53-07", "/akn/do/act/2007/53-07/spa@2007-04-23"),
    (Meta(country="ie", doc_type="bill", number="22", date="1998-06-29", language="en"), "/akn/ie/bill/1998/22", "/akn/ie/bill/1998/22/eng@1998-06-29"),
    (Meta(country="xs", number="12 bis/2020", date="2020-01-02", language="fr"), "/akn/xs/act/2020/12-bis-2020", "/akn/xs/act/2020/12-bis-2020/fra@2020-01-02"),
    (Meta(country="br", number="1", date="2020-01-02", language="pt"), "/akn/br/act/2020/1", "/akn/br/act/2020/1/por@2020-01-02"),
    (Meta(country="de", number="1", date="2020-01-02", language="de"), "/akn/de/act/2020/1", "/akn/de/act/2020/1/de@2020-01-02"),
    # what is missing has a stated placeholder: no country xx, no number 0, no date 0000, no language und
    (Meta(), "/akn/xx/act/0000/0", "/akn/xx/act/0000/0/und@0000-01-01"),
    (Meta(country="do", number="Ley", date="2007"), "/akn/do/act/2007/Ley", "/akn/do/act/2007/Ley/und@2007"),
])
def test_frbr_uris(meta: Meta, work: str, expression: str) -> None:
    assert meta.work_uri == work
    assert meta.expression_uri == expression
    assert meta.manifestation_uri == expression + "/!main.xml"


def test_year() -> None:
    assert Meta(date="2007-04-23").year == "2007"
    assert Meta(date="2007").year == "2007"
    assert Meta(date="207").year == "0000"
    assert Meta().year == "0000"


def test_meta_get_reads_our_own_fields() -> None:
    meta = Meta(extra=(("imported_by", "x"), ("report", "")))
    assert meta.get("imported_by") == "x"
    assert meta.get("report", "default") == ""
    assert meta.get("missing") == ""
    assert meta.get("missing", "fallback") == "fallback"


@pytest.mark.parametrize(("value", "slugged"), [
    ("53-07", "53-07"), ("12 bis", "12-bis"), ("12/2020", "12-2020"), ("a\\b", "a-b"), (" 1.2_3 ", "1.2_3"),
    ("No. 5", "No.-5"), ("§ 7", "7"), ("/x/", "x"), ("", ""), ("ñandú", "ñandú"), ("a\tb", "a-b"), ("«1»", "1"),
    ("X-12-X", "X-12-X"), ("Ley X", "Ley-X"),
])
def test_slug(value: str, slugged: str) -> None:
    assert slug(value) == slugged


# ---------------------------------------------------------------- walking the tree

def sample() -> Document:
    quoted = Node(kind="quotedStructure", children=(Node(kind="article", num="162", text="citado"),))
    return Document(
        meta=Meta(country="do"),
        preface=(Node(kind="text", text="LEY"),),
        preamble=(Node(kind="formula", text="HA DADO"),),
        body=(Node(kind="chapter", num="1", children=(
                  Node(kind="article", num="1", text="uno"),
                  Node(kind="article", num="2", text="Modifícase:", children=(quoted, Node(kind="note", text="nota"))))),
              Node(kind="section", num="1", heading="SECCIÓN", children=(Node(kind="article", num="3"),)),
              Node(kind="section", num="12", children=(Node(kind="subsection", num="(1)"),))),
        conclusions=(Node(kind="text", text="DADA"),),
        attachments=(Node(kind="attachment", num="1", children=(Node(kind="article", num="1", text="anexo"),)),),
    )


def test_parts_in_document_order() -> None:
    doc = sample()
    assert [(name, nodes) for name, nodes in doc.parts()] == [
        ("preface", doc.preface), ("preamble", doc.preamble), ("body", doc.body), ("conclusions", doc.conclusions),
        ("attachments", doc.attachments)]


def test_walk_is_depth_first_with_ancestors() -> None:
    doc = sample()
    seen = [(n.kind, n.num, tuple(a.num or a.kind for a in anc)) for n, anc in doc.walk()]
    assert seen == [
        ("text", "", ()), ("formula", "", ()),
        ("chapter", "1", ()), ("article", "1", ("1",)), ("article", "2", ("1",)), ("quotedStructure", "", ("1", "2")),
        ("article", "162", ("1", "2", "quotedStructure")), ("note", "", ("1", "2")),
        ("section", "1", ()), ("article", "3", ("1",)), ("section", "12", ()), ("subsection", "(1)", ("12",)),
        ("text", "", ()), ("attachment", "1", ()), ("article", "1", ("1",)),
    ]
    outside = [n.num for n, _ in walk(doc.body, into_quotes=False)]
    assert outside == ["1", "1", "2", "", "", "1", "3", "12", "(1)"], "the quotation itself is visited, not what it quotes"


def test_units_are_the_bodys_articles_and_sections_outside_quotations() -> None:
    assert [(u.kind, u.num) for u in sample().units()] == [("article", "1"), ("article", "2"), ("article", "3"), ("section", "12")]


@pytest.mark.parametrize(("node", "unit"), [
    (Node(kind="article"), True),
    (Node(kind="section"), True),
    (Node(kind="section", children=(Node(kind="subsection"), Node(kind="paragraph"))), True),
    (Node(kind="section", children=(Node(kind="article"),)), False),
    (Node(kind="section", children=(Node(kind="text"), Node(kind="section"))), False),
    (Node(kind="section", children=(Node(kind="chapter"),)), False),
    (Node(kind="section", children=(Node(kind="part"),)), False),
    (Node(kind="chapter"), False),
    (Node(kind="paragraph"), False),
    (Node(kind="subsection"), False),
])
def test_is_unit(node: Node, unit: bool) -> None:
    assert is_unit(node) is unit


def test_find_by_eid_in_every_part() -> None:
    doc = sample()
    doc = replace(doc, body=map_nodes(doc.body, lambda n: replace(n, eid=f"{n.kind}_{n.num}")),
                  attachments=map_nodes(doc.attachments, lambda n: replace(n, eid=f"att-{n.kind}_{n.num}")))
    assert doc.find("article_162").text == "citado"
    assert doc.find("att-article_1").text == "anexo"
    assert doc.find("article_1").text == "uno"
    assert doc.find("nothing") is None


def test_map_nodes_rebuilds_bottom_up() -> None:
    order: list[str] = []

    def visit(node: Node) -> Node:
        order.append(node.num or node.kind)
        return replace(node, text=f"{node.text}|{len(node.children)}:{','.join(c.text for c in node.children)}")

    out = map_nodes(sample().body, visit)
    assert order == ["1", "162", "quotedStructure", "note", "2", "1", "3", "1", "(1)", "12"]
    assert out[0].text == "|2:uno|0:,Modifícase:|2:|1:citado|0:,nota|0:", "each node sees its children already rebuilt"
    assert map_nodes((), visit) == ()
