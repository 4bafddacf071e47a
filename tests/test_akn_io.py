"""Reading and writing Akoma Ntoso files: one clear error per bad input, hardened parsing, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from drafting import akn
from drafting.errors import InputError
from drafting.model.document import Document, Meta, Node

DOC = Document(meta=Meta(country="xs", number="1", date="2020-01-01", language="es"),
               body=(Node(kind="article", num="1", text="Texto del artículo."),))


def wrapped(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<akomaNtoso xmlns="{akn.NS}"><act name="act"><body>'
            f"{body}</body></act></akomaNtoso>").encode()


# ---------------------------------------------------------------- reading files

def test_read_errors_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.xml"
    with pytest.raises(InputError, match="no such file") as caught:
        akn.read(missing)
    assert caught.value.source == str(missing)
    with pytest.raises(InputError, match="is a directory, not a file") as caught:
        akn.read(tmp_path)
    assert caught.value.source == str(tmp_path)
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty file") as caught:
        akn.read(empty)
    assert caught.value.source == str(empty)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.xml"
    path.write_bytes(akn.to_xml(DOC))
    path.chmod(0)
    with pytest.raises(InputError, match=r"cannot read \(Permission denied\)"):
        akn.read(path)


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
    with pytest.raises(InputError, match="not well-formed XML"):
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
    spanish = data.replace(b'language="eng"', b'language="spa"')
    assert akn.from_xml(spanish).meta.language == "es"
    other = data.replace(b'language="eng"', b'language="deu"')
    assert akn.from_xml(other).meta.language == "deu"


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
    with pytest.raises(InputError, match="cannot write: the folder does not exist") as caught:
        akn.write(DOC, target)
    assert caught.value.source == str(target)


def test_a_failed_write_keeps_the_old_file_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ley.xml"
    target.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match="cannot write: No space left on device") as caught:
        akn.write(DOC, target)
    assert caught.value.source == str(target)
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
