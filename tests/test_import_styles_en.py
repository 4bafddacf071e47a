"""English-language statutes of countries outside the development corpus, in the publishing styles of
their official sites and usual mirrors, written here in our own words. Each test imports one and
checks what a lawyer would check: the law's own sections with their labels as printed, front matter,
closings, notes and website debris in their places, the metadata, and the review's verdicts with the
right section as evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.importers.document import import_document
from drafting.library import load_library
from drafting.model.document import Document, Node
from drafting.review.verdicts import review


@pytest.fixture(scope="module")
def library():
    return load_library()


def load(tmp_path: Path, text: str, name: str = "act.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_document(path).document


def labels(doc: Document) -> list[str]:
    return [u.label for u in doc.units()]


def notes(node: Node) -> list[tuple[str, str]]:
    return [(c.name, c.text) for c in node.children if c.kind == "note"]


def verdicts(doc: Document, library) -> dict[str, tuple[str, str]]:
    """criterion → (status, the first piece of evidence's citation)."""
    result = review(doc, library, criteria="full")
    return {v.criterion: (v.status, v.evidence[0].num if v.evidence else "") for v in result.verdicts}


# ---------------------------------------------------------------- Canada

CANADA = """Justice Laws Website
Current to 2032-03-01 and last amended on 2031-06-22. Previous Versions
CONSOLIDATION
Online Child Protection Act
S.C. 2031, c. 12
Assented to 2031-06-22
An Act respecting the protection of children from sexual exploitation on the Internet
His Majesty, by and with the advice and consent of the Senate and House of Commons of Canada, enacts as follows:
Short Title
Short title
1 This Act may be cited as the Online Child Protection Act.
Interpretation
Definitions
2 The following definitions apply in this Act.
child means a person who is under the age of 18 years. (enfant)
child sexual abuse material means a photographic, film, video or other visual representation, made by electronic means or otherwise, that shows a child engaged in explicit sexual activity. (matériel d'abus pédosexuel)
Internet service means a service that provides access to the Internet, hosts content or provides electronic mail. (service Internet)
Offences
Possession
3 (1) Every person who possesses child sexual abuse material is guilty of an indictable offence and liable to imprisonment for a term of not more than 10 years.
Making available
(2) Every person who transmits, distributes or makes available child sexual abuse material by means of a computer system is guilty of an indictable offence and liable to imprisonment for a term of not more than 14 years.
2031, c. 12, s. 3; 2032, c. 4, s. 7.
Duty to report
4 (1) A person who provides an Internet service to the public must report to the designated organization, as soon as feasible, every Internet address where they have reasonable grounds to believe that child sexual abuse material is available.
Offence
(2) Every person who contravenes subsection (1) is guilty of an offence punishable on summary conviction.
Coming into Force
Order in council
5 This Act comes into force on a day to be fixed by order of the Governor in Council.
Date modified: 2032-03-05
"""


def test_canada_bare_section_numbers_under_margin_notes_and_group_headings(tmp_path):
    doc = load(tmp_path, CANADA)
    assert labels(doc) == ["1", "2", "3", "4", "5"]  # "1 This Act …": a bare number, no full stop
    assert [(u.heading, u.text) for u in doc.units()][0] == (
        "Short title", "This Act may be cited as the Online Child Protection Act.")
    # the heading over a group of sections is a cross heading between them, never a section's text
    assert [(n.kind, n.heading) for n in doc.body if n.kind == "crossHeading"] == [
        ("crossHeading", "Short Title"), ("crossHeading", "Interpretation"), ("crossHeading", "Offences"),
        ("crossHeading", "Coming into Force")]
    s3 = doc.units()[2]
    assert s3.heading == "Possession"
    assert [(c.label, c.heading) for c in s3.children if c.kind == "subsection"] == [("(1)", ""), ("(2)", "Making available")]
    assert s3.children[1].text.endswith("not more than 14 years.") and s3.wrap_up == ""
    assert notes(s3) == [("editorial", "2031, c. 12, s. 3; 2032, c. 4, s. 7.")]  # the amendment history
    assert doc.units()[3].children[1].heading == "Offence"


def test_canada_definitions_without_quotation_marks_and_the_french_term_after_each(tmp_path):
    doc = load(tmp_path, CANADA)
    s2 = doc.units()[1]
    assert s2.heading == "Definitions" and s2.text == "The following definitions apply in this Act."
    assert [c.defines for c in s2.children] == ["child", "child sexual abuse material", "Internet service"]
    assert [c.text.rsplit(". ", 1)[-1] for c in s2.children] == [  # the French term stays with its definition
        "(enfant)", "(matériel d'abus pédosexuel)", "(service Internet)"]


def test_canada_front_matter_debris_and_metadata(tmp_path):
    doc = load(tmp_path, CANADA)
    assert [n.text for n in doc.preface if n.kind == "note" and n.name == "debris"] == [
        "Justice Laws Website", "Current to 2032-03-01 and last amended on 2031-06-22. Previous Versions"]
    assert [n.kind for n in doc.preamble] == ["formula"] and doc.preamble[0].text.startswith("His Majesty")
    assert notes(doc.units()[4]) == [("debris", "Date modified: 2032-03-05")]
    assert doc.conclusions == ()
    meta = doc.meta
    assert (meta.country, meta.number, meta.date, meta.title) == ("ca", "12", "2031-06-22", "Online Child Protection Act")


def test_canada_review(tmp_path, library):
    found = verdicts(load(tmp_path, CANADA), library)
    assert found["specific"] == ("met", "3(1)")
    assert found["definition"] == ("met", "2 “child sexual abuse material”")
    assert found["child-18"] == ("met", "2 “child”")
    assert found["possession"] == ("met", "3(1)")
    assert found["computer"] == ("met", "3(2)")
    assert found["isp-report"] == ("met", "4(1)")  # "A person who provides an Internet service … must report"
    assert found["grooming"][0] == found["jurisdiction"][0] == "missing"
