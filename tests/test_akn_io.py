"""Reading and writing Akoma Ntoso files: one clear error per bad input, hardened parsing, atomic writes."""

from __future__ import annotations

import os
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from drafting import akn, outputs
from drafting.errors import InputError
from drafting.model.document import Document, Meta, Node
from drafting.model.eids import GUID_NAMESPACE

DOC = Document(meta=Meta(country="xs", number="1", date="2020-01-01", language="es"),
               body=(Node(kind="article", num="1", text="Texto del artículo."),))


def wrapped(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<akomaNtoso xmlns="{akn.NS}"><act name="act"><body>'
            f"{body}</body></act></akomaNtoso>").encode()


# ---------------------------------------------------------------- reading files

def error(call, *args) -> InputError:
    with pytest.raises(InputError) as caught:
        call(*args)
    return caught.value


def test_read_errors_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.xml"
    assert (error(akn.read, missing).message, error(akn.read, missing).source) == ("no such file", str(missing))
    assert (error(akn.read, tmp_path).message, error(akn.read, tmp_path).source) == ("is a directory, not a file", str(tmp_path))
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"  \n")
    assert (error(akn.read, empty).message, error(akn.read, empty).source) == ("empty file", str(empty))


def test_an_unreadable_file_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.xml"
    path.write_bytes(akn.to_xml(DOC))

    def broken(self: Path) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", broken)
    caught = error(akn.read, path)
    assert (caught.message, caught.source) == ("cannot read (Input/output error)", str(path))

    def bare(self: Path) -> bytes:
        raise OSError("the disk went away")

    monkeypatch.setattr(Path, "read_bytes", bare)
    assert error(akn.read, path).message == "cannot read (the disk went away)"


def test_read_gives_the_document_and_names_its_source(tmp_path: Path) -> None:
    path = tmp_path / "ley.xml"
    akn.write(DOC, path)
    back = akn.read(path)
    assert back.body[0].text == "Texto del artículo."
    path.write_bytes(b"<akomaNtoso>")
    with pytest.raises(InputError, match="not well-formed XML") as caught:
        akn.read(path)
    assert caught.value.source == str(path) and caught.value.place == 1


# ---------------------------------------------------------------- what is refused

def test_a_doctype_or_entity_declaration_is_refused_before_parsing() -> None:
    for data in (b'<?xml version="1.0"?><!DOCTYPE akomaNtoso><akomaNtoso/>',
                 b'<?xml version="1.0"?><!doctype akomaNtoso [<!ENTITY x "y">]><akomaNtoso/>',
                 b"<!ENTITY x 'y'>"):
        with pytest.raises(InputError, match="refusing XML with a DOCTYPE or entity declarations") as caught:
            akn.from_xml(data, source="bad.xml")
        assert caught.value.source == "bad.xml"


def test_entities_hidden_behind_a_long_prolog_are_never_expanded() -> None:
    """The quick DOCTYPE check reads the first 64 KiB; the parser itself must not resolve anything either."""
    prolog = "<!--" + "x" * 70_000 + '-->\n<!DOCTYPE akomaNtoso [<!ENTITY secret "EXPANDED">]>'
    data = wrapped('<article eId="art_1"><num>1</num><content><p>before &secret; after</p></content></article>', prolog)
    try:
        doc = akn.from_xml(data, source="long.xml")
    except InputError as exc:
        assert exc.source == "long.xml"
        return
    assert "EXPANDED" not in doc.body[0].text


def test_comments_and_processing_instructions_are_not_text() -> None:
    data = wrapped('<article eId="art_1"><num>1</num><content><p>uno <!-- nota interna --><?pi x?>dos</p></content></article>')
    assert akn.from_xml(data).body[0].text == "uno dos"


def test_a_tree_nested_beyond_the_parsers_limit_is_refused() -> None:
    depth = 300
    body = "<hcontainer name='x'>" * depth + "<content><p>x</p></content>" + "</hcontainer>" * depth
    with pytest.raises(InputError, match="nested more than 256 deep"):
        akn.from_xml(wrapped(body), source="deep.xml")


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(InputError, match=r"not well-formed XML \(") as caught:
        akn.from_xml(b'<?xml version="1.0"?>\n<akomaNtoso>\n<act>\n</akomaNtoso>', source="broken.xml")
    assert caught.value.place == 4 and caught.value.source == "broken.xml"


def test_not_akoma_ntoso() -> None:
    with pytest.raises(InputError, match=r"not an Akoma Ntoso document \(root element is <html>, expected <akomaNtoso> in namespace "
                                         + akn.NS.replace(".", r"\.") + r"\)") as caught:
        akn.from_xml(b"<?xml version='1.0'?>\n\n<html/>", source="page.xml")
    assert caught.value.place == 3
    with pytest.raises(InputError, match="Akoma Ntoso document has no act or bill"):
        akn.from_xml(f'<akomaNtoso xmlns="{akn.NS}"><!-- nothing --></akomaNtoso>'.encode(), source="hollow.xml")


def test_a_document_of_another_producer_is_read_with_its_main_body() -> None:
    """A <doc> with <mainBody> instead of <act> with <body>, no meta, our kinds spelled as AKN has them."""
    data = (f'<akomaNtoso xmlns="{akn.NS}"><doc name="report"><mainBody>'
            '<section eId="sec_1"><num>1.</num><heading>Scope</heading><content><p>Text.</p></content></section>'
            '<blockContainer eId="bc_1"><p>loose</p></blockContainer>'
            "</mainBody></doc></akomaNtoso>").encode()
    doc = akn.from_xml(data)
    assert doc.meta.doc_type == "doc"
    assert [(n.kind, n.num, n.heading, n.text) for n in doc.body] == [("section", "1.", "Scope", "Text."), ("hcontainer", "", "", "")]
    assert doc.body[0].guid, "identities are assigned where a producer gave none"


def test_a_statute_without_our_metadata_takes_the_frbr_fields() -> None:
    data = (f'<akomaNtoso xmlns="{akn.NS}"><act name="act"><meta><identification source="#x">'
            '<FRBRWork><FRBRthis value="/akn/ie/act/1998/22/!main"/><FRBRuri value="/akn/ie/act/1998/22"/>'
            '<FRBRdate date="1998-06-29" name="enacted"/><FRBRauthor href="#x"/><FRBRcountry value="ie"/>'
            '<FRBRnumber value="22"/><FRBRname value="Child Trafficking and Pornography Act 1998"/></FRBRWork>'
            '<FRBRExpression><FRBRthis value="/akn/ie/act/1998/22/eng@/!main"/><FRBRuri value="/akn/ie/act/1998/22/eng@"/>'
            '<FRBRdate date="1998-06-29" name="x"/><FRBRauthor href="#x"/><FRBRlanguage language="eng"/></FRBRExpression>'
            '</identification></meta><body><section eId="sec_1"><num>1</num><content><p>x</p></content></section></body></act></akomaNtoso>'
            ).encode()
    meta = akn.from_xml(data).meta
    assert meta == Meta(country="ie", doc_type="act", number="22", date="1998-06-29", language="en",
                        title="Child Trafficking and Pornography Act 1998")
    for lang3, lang in (("spa", "es"), ("fra", "fr"), ("por", "pt"), ("deu", "deu")):
        assert akn.from_xml(data.replace(b'language="eng"', f'language="{lang3}"'.encode())).meta.language == lang
    # the document type comes from the work URI when it names one we know, else from the element
    assert akn.from_xml(data.replace(b'value="/akn/ie/act/1998/22"', b'value="/akn/ie/bill/1998/22"')).meta.doc_type == "bill"
    assert akn.from_xml(data.replace(b'value="/akn/ie/act/1998/22"', b'value="/akn/ie/doc/1998/22"')).meta.doc_type == "act"
    assert akn.from_xml(data.replace(b'value="/akn/ie/act/1998/22"', b'value="/akn/ie"')).meta.doc_type == "act"
    assert akn.from_xml(data.replace(b'value="/akn/ie/act/1998/22"', b'value="/akn/ie/bill"')).meta.doc_type == "bill"
    as_bill = data.replace(b'<act name="act">', b'<bill name="bill">').replace(b"</act>", b"</bill>")
    assert akn.from_xml(as_bill).meta.doc_type == "act", "the work URI says act"
    # an FRBR element without its attribute reads as empty
    assert akn.from_xml(data.replace(b'<FRBRnumber value="22"/>', b"<FRBRnumber/>")).meta.number == ""


def test_our_own_fields_win_over_the_frbr_ones() -> None:
    data = akn.to_xml(Document(meta=Meta(country="xs", number="1", date="2020-01-01", language="es", title="Título propio"),
                               body=(Node(kind="article", num="1", text="x"),)))
    edited = data.replace('<FRBRname value="Título propio"/>'.encode(), '<FRBRname value="Editado fuera"/>'.encode())
    assert edited != data
    assert akn.from_xml(edited).meta.title == "Título propio"
    nameless = data.replace(b"</drafting:drafting>", b"<drafting:extra>sin nombre</drafting:extra></drafting:drafting>")
    assert akn.from_xml(nameless).meta.extra == (("", "sin nombre"),)


# ---------------------------------------------------------------- writing

def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "ley.xml"
    target.write_bytes(b"old")
    akn.write(DOC, target)
    assert target.read_bytes() == akn.to_xml(DOC)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ley.xml"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask, "the mode a plain open() would give, not mkstemp's 0600"


def test_write_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "ley.xml"
    caught = error(akn.write, DOC, target)
    assert (caught.message, caught.source) == ("cannot write: the folder does not exist", str(target))


def test_the_temporary_file_is_hidden_beside_the_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beside it, so the final rename stays on one file system and is atomic."""
    renamed: list[tuple[str, str]] = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (renamed.append((src, dst)), real(src, dst)))
    target = tmp_path / "ley.xml"
    akn.write(DOC, target)
    ((src, dst),) = renamed
    assert Path(dst) == target and Path(src).parent == tmp_path
    assert Path(src).name.startswith(".ley.xml.") and Path(src).name.endswith(".tmp")


def test_a_folder_that_cannot_take_a_file_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(**kwargs) -> tuple[int, str]:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(outputs.tempfile, "mkstemp", refuse)  # akn writes through drafting.outputs
    target = tmp_path / "ley.xml"
    caught = error(akn.write, DOC, target)
    assert (caught.message, caught.source) == ("cannot write: Permission denied", str(target))

    def vague(**kwargs) -> tuple[int, str]:
        raise OSError("no more inodes")

    monkeypatch.setattr(outputs.tempfile, "mkstemp", vague)
    assert error(akn.write, DOC, target).message == "cannot write: no more inodes"
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_old_file_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ley.xml"
    target.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    caught = error(akn.write, DOC, target)
    assert (caught.message, caught.source) == ("cannot write: No space left on device", str(target))
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ley.xml"]


def test_write_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    akn.write(DOC, "here.xml")
    assert akn.read(tmp_path / "here.xml").body == akn.from_xml(akn.to_xml(DOC)).body


def test_the_xml_declares_utf8_and_is_pretty_printed() -> None:
    data = akn.to_xml(DOC)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<akomaNtoso")
    assert "Texto del artículo.".encode() in data
    assert b"\n  <act" in data
    root = etree.fromstring(data)
    assert root.nsmap == {None: akn.NS}


def test_tables_and_schedules_of_another_producer() -> None:
    data = (f'<akomaNtoso xmlns="{akn.NS}"><act name="act"><body>'
            '<hcontainer name="table" eId="t1"><content><table>'
            "<tr><td>\n   <p>uno</p>\n   <p>dos</p>\n </td><td>  plain cell  </td><td/></tr>"
            "</table></content></hcontainer></body>"
            '<attachments><attachment eId="sched_A" GUID="g-sched"/><attachment/></attachments></act></akomaNtoso>').encode()
    doc = akn.from_xml(data)
    (row,) = doc.body[0].children
    assert [cell.text for cell in row.children] == ["uno dos", "plain cell", ""]
    schedule, bare = doc.attachments
    assert (schedule.kind, schedule.num, schedule.heading, schedule.text, schedule.children) == ("attachment", "", "", "", ())
    assert (schedule.eid, schedule.guid) == ("sched_A", "g-sched")
    assert (bare.eid, bare.guid) == ("att_nn_1", str(uuid.uuid5(GUID_NAMESPACE, "/akn/xx/act/0000/0#att_nn_1")))


def test_preface_and_conclusions_of_another_producer() -> None:
    """Compact XML (no indentation), and a paragraph with text around its inline."""
    data = (f'<akomaNtoso xmlns="{akn.NS}"><act name="act"><preface><p><docTitle>Ley de prueba</docTitle></p></preface>'
            '<body><article eId="art_1"><num>1</num><content><p>x</p></content></article></body>'
            '<conclusions><p eId="c1">Dado en <location refersTo="#lima">Lima</location>, a los tres días.</p>'
            '<p><signature>El Presidente</signature></p></conclusions></act></akomaNtoso>').encode()
    doc = akn.from_xml(data)
    assert [(n.name, n.text) for n in doc.preface] == [("docTitle", "Ley de prueba")]
    assert [(n.name, n.text, n.eid) for n in doc.conclusions] == [
        ("", "Dado en Lima, a los tres días.", "c1"), ("signature", "El Presidente", "conclusions__hcontainer_1")]


def test_read_nodes_know_their_line_in_the_xml() -> None:
    """Messages about a stored document point at the XML line of the element."""
    doc = Document(meta=DOC.meta, body=(Node(kind="chapter", num="I", children=(
        Node(kind="crossHeading", heading="Parte general"),
        Node(kind="article", num="1", text="uno", children=(
            Node(kind="note", text="nota"),
            Node(kind="quotedStructure", children=(Node(kind="article", num="9", text="citado"),)))),
        Node(kind="article", num="2", text="dos"))),))
    data = akn.to_xml(doc)
    lines = data.decode().splitlines()

    def line_of(fragment: str) -> int:
        return next(i for i, text in enumerate(lines, start=1) if fragment in text)

    back = akn.from_xml(data)
    chapter = back.body[0]
    cross, first, second = chapter.children
    note, quote = first.children
    assert chapter.line == line_of('<chapter eId="chp_I"')
    assert cross.line == line_of("<crossHeading")
    assert first.line == line_of('<article eId="art_1"')
    assert second.line == line_of('<article eId="art_2"')
    assert note.line == line_of('name="note"')
    assert quote.line == line_of("<quotedStructure")
    assert quote.children[0].line == line_of('eId="art_1__qstr_1__art_9"')


def test_blocks_of_another_producer_without_content() -> None:
    data = (f'<akomaNtoso xmlns="{akn.NS}"><act name="act"><body>'
            '<hcontainer name="quotation" eId="art_1__qstr_1__wrap"><content><p>texto</p></content></hcontainer>'
            '<hcontainer name="table" eId="t"/><hcontainer name="note" eId="n"><num>1</num><heading>Nota</heading></hcontainer>'
            '<article eId="art_3"><num>3</num><content/></article>'
            '<hcontainer name="quotation" eId="q2__wrap"/>'
            "</body></act></akomaNtoso>").encode()
    quote, table, note, empty, bare_quote = akn.from_xml(data).body
    assert (bare_quote.kind, bare_quote.eid, bare_quote.children) == ("quotedStructure", "q2", ())
    assert (empty.kind, empty.num, empty.text, empty.children) == ("article", "3", "", ())
    assert (quote.kind, quote.eid, quote.children) == ("quotedStructure", "art_1__qstr_1", ())
    assert (table.kind, table.children) == ("table", ())
    assert (note.kind, note.num, note.heading, note.text) == ("note", "1", "Nota", "")


def frbr(data: bytes) -> list[tuple[str, dict[str, str]]]:
    root = etree.fromstring(data)
    meta = root.find(f".//{{{akn.NS}}}meta")
    return [(etree.QName(el).localname, dict(el.attrib)) for el in meta.iter() if isinstance(el.tag, str)
            and etree.QName(el).namespace == akn.NS]


def test_the_metadata_block_names_every_frbr_level() -> None:
    """What other AKN tools read first: work, expression and manifestation, and who made them."""
    meta = Meta(country="do", number="53-07", date="2007-04-23", language="es", title="Ley")
    data = akn.to_xml(Document(meta=meta, body=(Node(kind="article", num="1", text="x"),)))
    work, expression = "/akn/do/act/2007/53-07", "/akn/do/act/2007/53-07/spa@2007-04-23"
    generated = {"date": "2007-04-23", "name": "Generation"}
    assert frbr(data) == [
        ("meta", {}), ("identification", {"source": "#drafting"}),
        ("FRBRWork", {}), ("FRBRthis", {"value": work + "/!main"}), ("FRBRuri", {"value": work}),
        ("FRBRalias", {"value": "Ley", "name": "title"}), ("FRBRdate", generated), ("FRBRauthor", {"href": "#drafting"}),
        ("FRBRcountry", {"value": "do"}), ("FRBRnumber", {"value": "53-07"}), ("FRBRname", {"value": "Ley"}),
        ("FRBRExpression", {}), ("FRBRthis", {"value": expression + "/!main"}), ("FRBRuri", {"value": expression}),
        ("FRBRdate", generated), ("FRBRauthor", {"href": "#drafting"}), ("FRBRlanguage", {"language": "spa"}),
        ("FRBRManifestation", {}), ("FRBRthis", {"value": expression + "/!main.xml"}),
        ("FRBRuri", {"value": expression + "/!main.xml"}), ("FRBRdate", generated), ("FRBRauthor", {"href": "#drafting"}),
        ("references", {"source": "#drafting"}),
        ("TLCOrganization", {"eId": "drafting", "href": "/ontology/organization/drafting", "showAs": "drafting"}),
        ("proprietary", {"source": "#drafting"}),
    ]
    undated = frbr(akn.to_xml(Document(meta=Meta(), body=(Node(kind="article", num="1", text="x"),))))
    assert ("FRBRdate", {"date": "0001-01-01", "name": "unknown"}) in undated
    assert ("FRBRcountry", {"value": "xx"}) in undated
    assert not any(tag in ("FRBRalias", "FRBRname", "FRBRnumber") for tag, _ in undated)


def test_unnamed_containers_and_headingless_cross_headings() -> None:
    doc = Document(meta=DOC.meta, body=(Node(kind="hcontainer", text="intro", children=(Node(kind="article", num="1", text="x"),)),
                                        Node(kind="crossHeading", text="Título escrito como texto")))
    root = etree.fromstring(akn.to_xml(doc))
    assert root.find(f".//{{{akn.NS}}}body/{{{akn.NS}}}hcontainer").get("name") == "hcontainer"
    # in <body> AKN allows no <crossHeading>: it is an hcontainer that carries the heading (and reads back)
    cross = root.find(f".//{{{akn.NS}}}body/{{{akn.NS}}}hcontainer[@name='crossHeading']")
    assert [etree.QName(c).localname for c in cross] == ["heading"] and cross[0].text == "Título escrito como texto"
    assert akn.from_xml(akn.to_xml(doc)).body[1] == Node(kind="crossHeading", heading="Título escrito como texto",
                                                         eid=cross.get("eId"), guid=cross.get("GUID", ""))


def test_refused_and_foreign_inputs_name_their_source() -> None:
    for data in (b"<?xml version='1.0'?><!doctype akomaNtoso><akomaNtoso/>", b"<akomaNtoso><!entity x 'y'></akomaNtoso>"):
        caught = error(akn.from_xml, data, "lower.xml")
        assert (caught.message, caught.source) == ("refusing XML with a DOCTYPE or entity declarations", "lower.xml")
    caught = error(akn.from_xml, b"<html/>", "page.xml")
    assert (caught.source, caught.place) == ("page.xml", 1)
    caught = error(akn.from_xml, f'<akomaNtoso xmlns="{akn.NS}"/>'.encode(), "hollow.xml")
    assert (caught.message, caught.source) == ("Akoma Ntoso document has no act or bill", "hollow.xml")


def test_bills_statuses_and_defaults_are_written_as_akn_has_them() -> None:
    bill = Document(meta=replace(DOC.meta, doc_type="bill"), preamble=(Node(kind="formula", text="DECRETA:"),),
                    body=(Node(kind="article", num="1", text="x", status="repealed"), Node(kind="article", num="2", status="omissis")),
                    conclusions=(Node(kind="text", name="location", text="Santo Domingo"), Node(kind="text", name="person", text="—")))
    data = akn.to_xml(bill)
    root = etree.fromstring(data)
    ns = {"a": akn.NS}
    top = root[0]
    assert (etree.QName(top).localname, top.get("name")) == ("bill", "bill")
    assert root.find(".//a:formula", ns).get("name") == "enactingFormula"
    assert [a.get("status") for a in root.iterfind(".//a:article", ns)] == ["removed", "omissis"]
    assert root.find(".//a:location", ns).get("refersTo") == "#santo-domingo"
    assert root.find(".//a:person", ns).get("refersTo") == "#unnamed"
    back = akn.from_xml(data)
    assert [n.status for n in back.body] == ["repealed", "omissis"]
    assert back.meta.doc_type == "bill"
