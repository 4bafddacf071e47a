"""English-language statutes of countries outside the development corpus, in the publishing styles of
their official sites and usual mirrors, written here in our own words. Each test imports one and
checks what a lawyer would check: the law's own sections with their labels as printed, front matter,
closings, notes and website debris in their places, the metadata, and the review's verdicts with the
right section as evidence."""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from drafting import akn
from drafting.importers.document import import_document
from drafting.model.document import Document, Node, walk
from drafting.review.verdicts import review

from .styles import imported, labels


def load(text: str, name: str = "act.txt") -> Document:
    return imported(text, name)


def parse(text: str, name: str = "act.txt") -> Document:
    return import_document(name, data=text.encode("utf-8")).document


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
    doc = load(CANADA)
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
    doc = load(CANADA)
    s2 = doc.units()[1]
    assert s2.heading == "Definitions" and s2.text == "The following definitions apply in this Act."
    assert [c.defines for c in s2.children] == ["child", "child sexual abuse material", "Internet service"]
    assert [c.text.rsplit(". ", 1)[-1] for c in s2.children] == [  # the French term stays with its definition
        "(enfant)", "(matériel d'abus pédosexuel)", "(service Internet)"]


def test_canada_front_matter_debris_and_metadata(tmp_path):
    doc = load(CANADA)
    assert [n.text for n in doc.preface if n.kind == "note" and n.name == "debris"] == [
        "Justice Laws Website", "Current to 2032-03-01 and last amended on 2031-06-22. Previous Versions"]
    assert [n.kind for n in doc.preamble] == ["formula"] and doc.preamble[0].text.startswith("His Majesty")
    assert notes(doc.units()[4]) == [("debris", "Date modified: 2032-03-05")]
    assert doc.conclusions == ()
    meta = doc.meta
    assert (meta.country, meta.number, meta.date, meta.title) == ("ca", "12", "2031-06-22", "Online Child Protection Act")


def test_canada_review(tmp_path, library):
    found = verdicts(load(CANADA), library)
    assert found["specific"] == ("met", "3(1)")
    assert found["definition"] == ("met", "2 “child sexual abuse material”")
    assert found["child-18"] == ("met", "2 “child”")
    assert found["possession"] == ("met", "3(1)")
    assert found["computer"] == ("met", "3(2)")
    assert found["isp-report"] == ("met", "4(1)")  # "A person who provides an Internet service … must report"
    assert found["grooming"][0] == found["jurisdiction"][0] == "missing"


def test_canada_akoma_ntoso_is_valid_and_reads_back(tmp_path, akn_schema):
    doc = load(CANADA)
    data = akn.to_xml(doc)
    assert akn_schema.validate(etree.fromstring(data)), akn_schema.error_log
    (tmp_path / "ca.xml").write_bytes(data)
    assert akn.read(tmp_path / "ca.xml").body == doc.body  # the cross headings come back as such


# ---------------------------------------------------------------- Australia

AUSTRALIA = """Federal Register of Legislation
Online Safety (Child Abuse Material) Amendment Act 2031
No. 54, 2031
An Act to amend the Criminal Code Act 1995, and for related purposes
[Assented to 14 August 2031]
The Parliament of Australia enacts:
1  Short title
This Act is the Online Safety (Child Abuse Material) Amendment Act 2031.
2  Commencement
This Act commences on the day after this Act receives the Royal Assent.
3  Schedules
Legislation that is specified in a Schedule to this Act is amended or repealed as set out in the applicable items in the Schedule concerned, and any other item in a Schedule to this Act has effect according to its terms.
Schedule 1—Amendments
Criminal Code Act 1995
1  Section 473.1 (definition of child abuse material)
Repeal the definition, substitute:
child abuse material means material that depicts a person who is, or appears to be, under 18 years of age engaged in a sexual pose or sexual activity, in a way that reasonable persons would regard as offensive.
2  After section 474.22
Insert:
474.22A  Possessing child abuse material obtained using a carriage service
(1) A person commits an offence if:
(a) the person has possession or control of material; and
(b) the material is child abuse material; and
(c) the person obtained or accessed the material using a carriage service.
Penalty: Imprisonment for 15 years.
(2) Absolute liability applies to paragraph (1)(c).
Note: For absolute liability, see section 6.2.
3  Subsection 474.25(1)
Omit "within a reasonable time", substitute "within 24 hours".
[Minister's second reading speech made in— House of Representatives on 12 May 2031]
Authorised Version C2031A00054 registered 20/08/2031
"""


def test_australia_sections_then_a_schedule_of_numbered_amending_items(tmp_path):
    doc = load(AUSTRALIA)
    assert [(u.label, u.heading) for u in doc.units()] == [("1", "Short title"), ("2", "Commencement"), ("3", "Schedules")]
    assert doc.units()[2].children == ()  # the schedule is not the text of section 3
    (schedule,) = doc.attachments
    assert (schedule.num, schedule.heading) == ("1", "Amendments")
    cross, item1, item2, item3 = [c for c in schedule.children if c.kind != "note"]
    assert (cross.kind, cross.heading) == ("crossHeading", "Criminal Code Act 1995")  # the Act the items amend
    assert [(i.label, i.heading, i.text) for i in (item1, item2, item3)] == [
        ("1", "Section 473.1 (definition of child abuse material)", "Repeal the definition, substitute:"),
        ("2", "After section 474.22", "Insert:"),
        ("3", "Subsection 474.25(1)", 'Omit "within a reasonable time", substitute "within 24 hours".')]
    (replaced,) = item1.children
    assert (replaced.kind, replaced.name, replaced.target) == ("quotedStructure", "replace", "Criminal Code Act 1995")
    assert replaced.children[0].defines == "child abuse material"  # the definition this Act enacts
    (inserted,) = item2.children
    assert (inserted.kind, inserted.name) == ("quotedStructure", "insert")
    section = inserted.children[0]
    assert (section.label, section.heading) == ("474.22A", "Possessing child abuse material obtained using a carriage service")
    sub1 = section.children[0]
    assert sub1.text == "A person commits an offence if:" and [p.label for p in sub1.children] == ["(a)", "(b)", "(c)"]
    assert sub1.wrap_up == "Penalty: Imprisonment for 15 years."


def test_australia_front_matter_history_note_and_page_furniture(tmp_path):
    doc = load(AUSTRALIA)
    assert [n.kind for n in doc.preamble] == ["formula"] and doc.preamble[0].text == "The Parliament of Australia enacts:"
    assert doc.preface[0].kind == "note" and doc.preface[0].name == "debris"  # the register's name
    (schedule,) = doc.attachments
    assert notes(schedule.children[-2]) == [
        ("editorial", "[Minister's second reading speech made in— House of Representatives on 12 May 2031]")]
    assert notes(schedule)[-1] == ("debris", "Authorised Version C2031A00054 registered 20/08/2031")
    meta = doc.meta
    assert (meta.country, meta.number, meta.date) == ("au", "54", "2031-08-14")
    assert meta.title == "Online Safety (Child Abuse Material) Amendment Act 2031"


def test_australia_review_credits_what_the_schedule_inserts(tmp_path, library):
    doc = load(AUSTRALIA)
    found = verdicts(doc, library)
    assert found["specific"] == ("met", "Schedule 1, item 2")
    assert found["possession"] == ("met", "Schedule 1, item 2")
    assert found["computer"][0] == "met"  # "using a carriage service"
    assert found["definition"] == ("met", "Schedule 1, item 1")
    assert found["child-18"] == ("met", "Schedule 1, item 1")
    result = review(doc, library, criteria="full")
    assert "Schedule 1, item 2 (inserting section 474.22A in the Criminal Code Act 1995)" in result.verdict("possession").reason


# ---------------------------------------------------------------- New Zealand

NEW_ZEALAND = """New Zealand Legislation
Version as at 4 March 2031
Films, Videos, and Publications Classification (Child Sexual Abuse Material) Amendment Act 2031
Public Act 2031 No 12
Date of assent 3 March 2031
Commencement see section 2
Contents
1 Title
2 Commencement
Part 1
Amendments to principal Act
3 Principal Act
4 New section 131AA inserted (Possession of child sexual abuse material)
5 Section 131 amended (Offence to possess objectionable publication)
6 New section 131B inserted (Duty of online service providers to report)
The Parliament of New Zealand enacts as follows:
1 Title
This Act is the Films, Videos, and Publications Classification (Child Sexual Abuse Material) Amendment Act 2031.
2 Commencement
This Act comes into force on the day after the date of Royal assent.
Part 1
Amendments to principal Act
3 Principal Act
This Part amends the Films, Videos, and Publications Classification Act 1993 (the principal Act).
4 New section 131AA inserted (Possession of child sexual abuse material)
After section 131, insert:
131AA Possession of child sexual abuse material
(1) A person commits an offence who, without lawful authority or excuse, possesses an objectionable publication that depicts a person under the age of 18 years engaged in sexual activity, including a publication stored on a computer or in an online account that the person is able to access.
(2) A person who commits an offence against subsection (1) is liable on conviction to imprisonment for a term not exceeding 10 years.
5 Section 131 amended (Offence to possess objectionable publication)
In section 131(1), replace "$2,000" with "$10,000".
6 New section 131B inserted (Duty of online service providers to report)
After section 131A, insert:
131B Duty of online service providers to report
(1) An online service provider who becomes aware that its service is being used to store or transmit an objectionable publication that depicts a child in sexual activity must report that fact to the Department as soon as practicable.
(2) An online service provider who fails to comply with subsection (1) commits an offence and is liable on conviction to a fine not exceeding $50,000.
Legislative history
12 May 2030 Introduction (Bill 45–1)
20 February 2031 Third reading
3 March 2031 Royal assent
This Act is administered by the Department of Internal Affairs.
"""


def test_new_zealand_contents_list_parts_and_amending_sections(tmp_path):
    doc = load(NEW_ZEALAND)
    toc = next(n for n in doc.preface if n.kind == "toc")
    assert toc.heading == "Contents" and [i.text for i in toc.children][2:5] == [
        "Part 1", "Amendments to principal Act", "3 Principal Act"]  # the whole list, its Part heading too
    assert [n.kind for n in doc.preamble] == ["formula"]  # "… enacts as follows:" announces no amendment
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("1", "Title"), ("2", "Commencement"), ("3", "Principal Act"),
        ("4", "New section 131AA inserted (Possession of child sexual abuse material)"),
        ("5", "Section 131 amended (Offence to possess objectionable publication)"),
        ("6", "New section 131B inserted (Duty of online service providers to report)")]
    part = doc.body[2]
    assert (part.kind, part.label, part.heading) == ("part", "Part 1", "Amendments to principal Act")
    s4, s5, s6 = doc.units()[3:]
    assert s4.text == "After section 131, insert:" and s4.children[0].kind == "quotedStructure"
    inserted = s4.children[0].children[0]
    assert (inserted.label, inserted.heading) == ("131AA", "Possession of child sexual abuse material")
    assert [c.label for c in inserted.children] == ["(1)", "(2)"]
    assert s5.text == 'In section 131(1), replace "$2,000" with "$10,000".' and s5.children == ()
    assert s6.children[0].children[0].label == "131B" and len(s6.children[0].children) == 1


def test_new_zealand_legislative_history_and_site_furniture_are_not_law(tmp_path):
    doc = load(NEW_ZEALAND)
    assert [n.text for n in doc.preface if n.kind == "note"] == ["New Zealand Legislation", "Version as at 4 March 2031"]
    assert all(n.kind == "note" for n in doc.conclusions) and doc.conclusions[0].text == "Legislative history"
    assert doc.conclusions[-1].text == "This Act is administered by the Department of Internal Affairs."
    meta = doc.meta
    assert (meta.country, meta.number, meta.date) == ("nz", "12", "2031-03-03")  # the date of assent, not the version's


def test_new_zealand_review_credits_the_inserted_sections(tmp_path, library):
    found = verdicts(load(NEW_ZEALAND), library)
    assert found["specific"] == ("met", "4(1)")
    assert found["possession"][0] == "met" and found["possession"][1].startswith("4")
    assert found["child-18"] == ("met", "4(1)")  # "a person under the age of 18 years"
    assert found["computer"] == ("met", "4(1)")
    assert found["isp-report"] == ("met", "6(1)")
    assert found["definition"] == ("partial", "4(1)")  # described in the offence, never defined
    assert found["grooming"][0] == "missing"


# ---------------------------------------------------------------- South Africa

SOUTH_AFRICA = """REPUBLIC OF SOUTH AFRICA
GOVERNMENT GAZETTE
Vol. 712 Cape Town 14 July 2031 No. 51234
THE PRESIDENCY
No. 1040 14 July 2031
It is hereby notified that the President has assented to the following Act, which is hereby published for general information:—
No. 7 of 2031: Online Child Protection Act, 2031
ACT
To provide for the protection of children against sexual exploitation by means of electronic communications; and to provide for matters connected therewith.
(English text signed by the President.)
(Assented to 10 July 2031.)
BE IT ENACTED by the Parliament of the Republic of South Africa, as follows:—
Definitions
1. In this Act, unless the context indicates otherwise—
"child" means a person under the age of 18 years;
"child sexual abuse material" means any image, however created, or any description or presentation of a person, real or simulated, who is, or who is depicted or described as being, under the age of 18 years—
(i) engaged in sexual conduct; or
(ii) displaying the genital organs of that person;
"electronic communications service provider" means a person who provides an electronic communications service to the public.
Possession of child sexual abuse material
2. (1) Any person who unlawfully and intentionally possesses child sexual abuse material is guilty of an offence.
4 No. 51234 GOVERNMENT GAZETTE, 14 July 2031
Act No. 7 of 2031 ONLINE CHILD PROTECTION ACT, 2031
(2) A person convicted of an offence referred to in subsection (1) is liable to imprisonment for a period not exceeding 10 years.
[Sub-s. (2) amended by s. 4 of Act 12 of 2033.]
Duty to report
3. An electronic communications service provider that is aware that its electronic communications system is used to store or distribute child sexual abuse material must, within 24 hours, report the matter to the South African Police Service.
Short title and commencement
4. This Act is called the Online Child Protection Act, 2031, and comes into operation on a date fixed by the President by proclamation in the Gazette.
"""


def test_south_africa_gazette_act_with_headings_above_numbered_sections(tmp_path):
    doc = load(SOUTH_AFRICA)
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("1.", "Definitions"), ("2.", "Possession of child sexual abuse material"), ("3.", "Duty to report"),
        ("4.", "Short title and commencement")]  # the gazette's running head "4 No. 51234 …" is no section 4
    s1 = doc.units()[0]
    assert s1.text == "In this Act, unless the context indicates otherwise—"
    assert [d.defines for d in s1.children] == ["child", "child sexual abuse material", "electronic communications service provider"]
    assert [(p.label, p.text) for p in s1.children[1].children] == [
        ("(i)", "engaged in sexual conduct; or"), ("(ii)", "displaying the genital organs of that person;")]
    s2 = doc.units()[1]
    assert [c.label for c in s2.children if c.kind == "subsection"] == ["(1)", "(2)"]
    assert notes(s2) == [("debris", "4 No. 51234 GOVERNMENT GAZETTE, 14 July 2031"),
                         ("debris", "Act No. 7 of 2031 ONLINE CHILD PROTECTION ACT, 2031"),
                         ("editorial", "[Sub-s. (2) amended by s. 4 of Act 12 of 2033.]")]


def test_south_africa_front_matter_and_metadata(tmp_path):
    doc = load(SOUTH_AFRICA)
    assert [n.kind for n in doc.preamble] == ["formula"] and doc.preamble[0].text.startswith("BE IT ENACTED")
    assert "(Assented to 10 July 2031.)" in [n.text for n in doc.preface]
    meta = doc.meta
    assert (meta.country, meta.number, meta.date) == ("za", "7", "2031-07-10")  # assented, not the gazette's date
    assert meta.title == "No. 7 of 2031: Online Child Protection Act, 2031"  # not the word "ACT" above the long title


def test_south_africa_review(tmp_path, library):
    found = verdicts(load(SOUTH_AFRICA), library)
    assert found["specific"] == ("met", "2(1)")
    assert found["possession"] == ("met", "2(1)")
    assert found["definition"] == ("met", "1 “child sexual abuse material”")
    assert found["child-18"][0] == "met" and found["child-18"][1].startswith("1 “")
    assert found["isp-report"] == ("met", "3")
    assert found["computer"][0] == "missing"  # the offence names no computer or network


# ---------------------------------------------------------------- lines that start with a number

# A hard-wrapped print: lines break wherever the width runs out, so some open with a number.
WRAPPED = """THE CHILD SAFETY ONLINE ACT, 2031
AN ACT to protect children against sexual exploitation.
BE IT ENACTED by Parliament as follows:
1. This Act may be cited as the Child Safety Online Act, 2031, and comes into force on 1 July 2032.
2. In this Act "child" means a person under the age of 18 years.
3. (1) Any person who makes an indecent image of a person under the age of 18 years shall be punished with imprisonment for a term which may extend to 7 years.
(2) Any person who possesses such an image of a person below the age of 16 Years Or More shall be punished with a fine of 500 Penalty Units.
4. A service provider shall report such material within 24 Hours. The Minister may by notice published on 1 January 2033 Extend that period.
5. Section 3 does not apply to anything done before 1 July 2032. Schedule 2 Part 1 has effect.
"""

# the same law's sections in the bare-number style, with a heading on each label's line
WRAPPED_BARE = """Child Safety Online Act 2031
The Parliament enacts as follows:
1 Title
This Act is the Child Safety Online Act 2031 and comes into force on 1 July 2032.
2 Interpretation
In this Act, child means a person under the age of 18 years.
3 Making or possessing indecent images
(1) A person who makes an indecent image of a person under the age of 18 Years Or More commits an offence.
(2) A person who possesses such an image is liable to a fine of 500 Penalty Units or imprisonment for 7 years.
4 Duty to report
A service provider must report such material within 24 Hours. The Minister may by notice on 1 January 2033 Extend that period.
"""


def _wraps(text: str) -> st.SearchStrategy[str]:
    """`text` with some of the lines of its sections broken before a word that starts with a digit (a few
    words into the line: a print's measure holds more than a label and a word, which would read as the
    label's heading). Notes and page furniture are left as they are."""
    lines = text.splitlines()
    law = {n.line - 1 for u in parse(text).units() for n, _ in walk((u,)) if n.kind != "note"}
    points = [(n, k) for n, line in enumerate(lines) if n in law
              for k, word in enumerate(line.split()) if k >= 4 and word[:1].isdigit()]

    def wrap(chosen: frozenset[tuple[int, int]]) -> str:
        out = []
        for n, line in enumerate(lines):
            words, current = line.split(), []
            for k, word in enumerate(words):
                if (n, k) in chosen and current:
                    out.append(" ".join(current))
                    current = []
                current.append(word)
            out.append(" ".join(current))
        return "\n".join(out) + "\n"

    return st.frozensets(st.sampled_from(points)).map(wrap)


@pytest.mark.parametrize("text", [WRAPPED, WRAPPED_BARE], ids=["numbered", "bare"])
def test_a_line_that_starts_with_a_number_after_an_unfinished_sentence_is_no_section(text):
    doc = parse(text)
    expected = ["1.", "2.", "3.", "4.", "5."] if text is WRAPPED else ["1", "2", "3", "4"]
    assert labels(doc) == expected
    wrapped = parse(text.replace(" 16 Years", "\n16 Years").replace(" 18 Years", "\n18 Years")
                    .replace(" 2033 Extend", "\n2033 Extend").replace(" 500 Penalty", "\n500 Penalty"))
    assert labels(wrapped) == expected  # never "16 Years Or More …" as a section 16
    assert [" ".join(u.full_text().split()) for u in wrapped.units()] == [
        " ".join(u.full_text().split()) for u in doc.units()]  # the wrapped lines are joined back into their sentence


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_rewrapping_a_statute_so_lines_start_with_numbers_never_changes_its_sections(data):
    for text in (WRAPPED, WRAPPED_BARE, SOUTH_AFRICA, CANADA):
        expected = [(u.label, u.heading) for u in parse(text).units()]
        rewrapped = data.draw(_wraps(text))
        assert [(u.label, u.heading) for u in parse(rewrapped).units()] == expected


def test_a_running_head_out_of_the_sequence_is_no_section(tmp_path):
    # a page's running head that no profile lists as debris: its number is the page's, not a section's
    text = SOUTH_AFRICA.replace("4 No. 51234 GOVERNMENT GAZETTE, 14 July 2031", "4 No. 51234 PROVINCIAL GAZETTE EXTRAORDINARY")
    assert [u.label for u in parse(text).units()] == ["1.", "2.", "3.", "4."]
    bare = WRAPPED_BARE.replace("3 Making or", "7 Wellington Regional Printer Ltd\n3 Making or")
    assert labels(parse(bare)) == ["1", "2", "3", "4"]


def test_an_out_of_sequence_section_with_evidence_is_still_kept(tmp_path):
    # a misnumbered section under its own margin heading, and one that fills a gap in the sequence,
    # stay sections (reported as out of order) — evidence, not the mere number, decides
    misnumbered = SOUTH_AFRICA.replace("3. An electronic", "6. An electronic")
    assert labels(parse(misnumbered)) == ["1.", "2.", "6.", "4."]
    gap = WRAPPED.replace("3. (1) Any", "2A. This section is inserted.\n3. (1) Any")
    assert labels(parse(gap)) == ["1.", "2.", "2A.", "3.", "4.", "5."]


# ---------------------------------------------------------------- India, Pakistan, Bangladesh

INDIA = """THE PROTECTION OF CHILDREN FROM ONLINE SEXUAL EXPLOITATION ACT, 2031
ACT NO. 17 OF 2031
[12th March, 2031.]
An Act to protect children from sexual exploitation by means of computer resources and for matters connected therewith or incidental thereto.
BE it enacted by Parliament in the Eighty-second Year of the Republic of India as follows:—
CHAPTER I
PRELIMINARY
1. Short title, extent and commencement.—(1) This Act may be called the Protection of Children from Online Sexual Exploitation Act, 2031.
(2) It extends to the whole of India.
(3) It shall come into force on such date as the Central Government may, by notification in the Official Gazette, appoint.
2. Definitions.—(1) In this Act, unless the context otherwise requires,—
(a) "child" means any person below the age of eighteen years;
(b) "child sexual abuse material" means any visual depiction of sexually explicit conduct involving a child, including a photograph, video, digital or computer generated image indistinguishable from an actual child;
(c) "intermediary" shall have the meaning assigned to it in clause (w) of sub-section (1) of section 2 of the Information Technology Act, 2000 (21 of 2000).
CHAPTER II
OFFENCES AND PENALTIES
3. Punishment for using child for pornographic purposes.—Whoever uses a child in any form of media for the purpose of producing child sexual abuse material shall be punished with imprisonment of either description for a term which shall not be less than five years but which may extend to ten years, and shall also be liable to fine.
Explanation.—For the purposes of this section, the expression "use a child" includes involving a child through any medium like print, electronic, computer or any other technology.
Illustrations
(a) A photographs a child in a sexually explicit act and stores the photograph on his mobile phone. A has committed the offence under this section.
(b) A, by means of a computer resource, induces a child to perform a sexual act before a web camera. A has committed the offence under this section.
4. Punishment for storage of child sexual abuse material.—(1) Any person who stores or possesses child sexual abuse material in any form shall be punished with imprisonment for a term which may extend to three years, or with fine, or with both:
Provided that nothing in this sub-section shall apply to material stored for the purpose of reporting it to the designated authority or for use as evidence in court.
(2) Any person who transmits or propagates child sexual abuse material by means of a computer resource or communication device, except for the purpose of reporting, shall be punished with imprisonment which may extend to five years.
5. Duty of intermediary to report.—Every intermediary shall, within twenty-four hours of becoming aware of any child sexual abuse material on its computer resource, report the same to the Special Juvenile Police Unit or the local police.
[Ins. by Act 9 of 2033, s. 2 (w.e.f. 1-4-2033).]
6. Power to make rules.—The Central Government may, by notification in the Official Gazette, make rules for carrying out the provisions of this Act.
————
"""


def test_india_sections_with_dash_headings_explanations_illustrations_and_provisos(tmp_path):
    doc = load(INDIA)
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("1.", "Short title, extent and commencement"), ("2.", "Definitions"),
        ("3.", "Punishment for using child for pornographic purposes"),
        ("4.", "Punishment for storage of child sexual abuse material"), ("5.", "Duty of intermediary to report"),
        ("6.", "Power to make rules")]
    assert [(n.kind, n.label, n.heading) for n in doc.body] == [
        ("chapter", "CHAPTER I", "PRELIMINARY"), ("chapter", "CHAPTER II", "OFFENCES AND PENALTIES")]
    s1, s2, s3, s4, s5, s6 = doc.units()
    assert [c.label for c in s1.children] == ["(1)", "(2)", "(3)"]  # "—(1)" after the heading opens subsection (1)
    assert s1.children[0].text.startswith("This Act may be called")
    assert [d.defines for d in s2.children[0].children] == ["child", "child sexual abuse material", "intermediary"]
    # the Explanation is a paragraph of its section; the Illustrations head their own items
    offence, explanation, illustrations = s3.children
    assert offence.text.startswith("Whoever uses a child") and explanation.text.startswith("Explanation.—For the purposes")
    assert illustrations.heading == "Illustrations" and [i.label for i in illustrations.children] == ["(a)", "(b)"]
    # "Provided that …" qualifies subsection (1): inside it, before (2), never after the section's list
    sub1, sub2 = s4.children
    assert (sub1.label, sub2.label) == ("(1)", "(2)") and s4.wrap_up == ""
    assert sub1.text.endswith("or with both:") and [p.text[:22] for p in sub1.children] == ["Provided that nothing "]
    assert notes(s5) == [("editorial", "[Ins. by Act 9 of 2033, s. 2 (w.e.f. 1-4-2033).]")]  # an amendment history
    assert notes(s6) == [("debris", "————")]  # the rule a gazette prints under an Act


def test_india_front_matter_and_metadata(tmp_path):
    doc = load(INDIA)
    assert [n.kind for n in doc.preamble] == ["formula"] and doc.preamble[0].text.startswith("BE it enacted by Parliament")
    assert [n.text for n in doc.preface][1:3] == ["ACT NO. 17 OF 2031", "[12th March, 2031.]"]
    meta = doc.meta
    assert (meta.country, meta.number, meta.date) == ("in", "17", "2031-03-12")
    assert meta.title == "THE PROTECTION OF CHILDREN FROM ONLINE SEXUAL EXPLOITATION ACT, 2031"


def test_india_review(tmp_path, library):
    found = verdicts(load(INDIA), library)
    assert found["specific"] == ("met", "4(1)")
    assert found["possession"] == ("met", "4(1)")
    assert found["definition"] == ("met", "2(1)(b)")
    assert found["child-18"] == ("met", "2(1)(a)")  # "below the age of eighteen years"
    assert found["computer"] == ("met", "4(2)")  # "by means of a computer resource"
    assert found["isp-report"] == ("met", "5")  # "shall, within twenty-four hours of becoming aware …, report"
    assert found["grooming"][0] != "met"  # an illustration of inducing a child is no solicitation offence


def test_india_akoma_ntoso_is_valid_and_reads_back(tmp_path, akn_schema):
    doc = load(INDIA)
    data = akn.to_xml(doc)
    assert akn_schema.validate(etree.fromstring(data)), akn_schema.error_log
    (tmp_path / "in.xml").write_bytes(data)
    assert akn.read(tmp_path / "in.xml").body == doc.body  # provisos and illustrations come back where they were


# ---------------------------------------------------------------- a US state code (Texas style)

TEXAS = """Texas Penal Code
PENAL CODE
TITLE 9. OFFENSES AGAINST PUBLIC ORDER AND DECENCY
CHAPTER 43. PUBLIC INDECENCY
SUBCHAPTER B. OBSCENITY
Sec. 43.25. DEFINITIONS. In this subchapter:
(1) "Child" means a person younger than 18 years of age.
(2) "Visual material" means:
(A) any film, photograph, videotape, negative, or slide or any photographic reproduction that contains or incorporates in any manner any film, photograph, videotape, negative, or slide; or
(B) any disk, diskette, or other physical medium that allows an image to be displayed on a computer or other video screen and any image transmitted to a computer or other video screen by telephone line, cable, satellite transmission, or other method.
Added by Acts 2031, 92nd Leg., ch. 12 (H.B. 7), Sec. 1, eff. Sept. 1, 2031.
Sec. 43.26. POSSESSION OR PROMOTION OF CHILD PORNOGRAPHY. (a) A person commits an offense if:
(1) the person knowingly or intentionally possesses, or knowingly or intentionally accesses with intent to view, visual material that visually depicts a child younger than 18 years of age at the time the image of the child was made who is engaging in sexual conduct; and
(2) the person knows that the material depicts the child as described by Subdivision (1).
(b) In this section:
(1) "Promote" has the meaning assigned by Section 43.25.
(2) "Sexual conduct" has the meaning assigned by Section 43.25.
(c) An offense under Subsection (a) is a felony of the third degree.
(d) A person who promotes or possesses with intent to promote material described by Subsection (a)(1) commits a felony of the second degree.
Added by Acts 2031, 92nd Leg., ch. 12 (H.B. 7), Sec. 1, eff. Sept. 1, 2031.
Amended by:
Acts 2033, 93rd Leg., ch. 45 (S.B. 1120), Sec. 3, eff. Sept. 1, 2033.
Sec. 43.27. DUTY TO REPORT. (a) A business that develops or processes visual material or provides an electronic communication service to the public and that discovers, in the course of business, visual material that depicts a child younger than 18 years of age engaging in sexual conduct shall report the existence of the material to a local law enforcement agency.
(b) A person who fails to make a report required by Subsection (a) commits an offense. An offense under this subsection is a Class C misdemeanor.
Added by Acts 2031, 92nd Leg., ch. 12 (H.B. 7), Sec. 1, eff. Sept. 1, 2031.
"""


def test_us_state_code_sections_subchapters_and_history_notes(tmp_path):
    doc = load(TEXAS)
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("Sec. 43.25.", "DEFINITIONS"), ("Sec. 43.26.", "POSSESSION OR PROMOTION OF CHILD PORNOGRAPHY"),
        ("Sec. 43.27.", "DUTY TO REPORT")]
    title = doc.body[0]
    chapter = title.children[0]
    subchapter = chapter.children[0]
    assert [(n.kind, n.label, n.heading) for n in (title, chapter, subchapter)] == [
        ("title", "TITLE 9.", "OFFENSES AGAINST PUBLIC ORDER AND DECENCY"), ("chapter", "CHAPTER 43.", "PUBLIC INDECENCY"),
        ("subchapter", "SUBCHAPTER B.", "OBSCENITY")]  # "SUBCHAPTER B." is a division of its own, not the chapter's heading
    s25, s26, s27 = doc.units()
    assert s25.text == "In this subchapter:" and [d.defines for d in s25.children if d.kind != "note"] == ["Child", "Visual material"]
    assert [p.label for p in s25.children[1].children] == ["(A)", "(B)"]
    assert [(c.label, c.text) for c in s26.children if c.kind != "note"][:2] == [
        ("(a)", "A person commits an offense if:"), ("(b)", "In this section:")]
    assert [p.label for p in s26.children[0].children] == ["(1)", "(2)"]
    assert [d.defines for d in s26.children[1].children] == ["Promote", "Sexual conduct"]
    # the session laws that added and amended each section are history, not the law's text
    assert notes(s26) == [("editorial", "Added by Acts 2031, 92nd Leg., ch. 12 (H.B. 7), Sec. 1, eff. Sept. 1, 2031."),
                          ("editorial", "Amended by:"),
                          ("editorial", "Acts 2033, 93rd Leg., ch. 45 (S.B. 1120), Sec. 3, eff. Sept. 1, 2033.")]
    assert [n.kind for n in s25.children][-1] == [n.kind for n in s27.children][-1] == "note"
    meta = doc.meta
    assert (meta.country, meta.doc_type, meta.title) == ("us", "code", "Texas Penal Code")  # a state's name tells the country


def test_us_state_code_review(tmp_path, library):
    found = verdicts(load(TEXAS), library)
    assert found["specific"][0] == "met" and found["specific"][1].startswith("43.26")
    assert found["possession"][0] == "met" and found["possession"][1].startswith("43.26")
    assert found["access"] == ("met", "43.26(a)(1)")  # "accesses with intent to view"
    assert found["child-18"][0] == "met"  # "younger than 18 years of age"
    assert found["definition"] == ("partial", "43.26(a)(1)")  # the material is described in the offence, never defined
    assert found["isp-report"] == ("met", "43.27(a)")  # "provides an electronic communication service … shall report"
    assert found["grooming"][0] == "missing"


def test_us_state_code_akoma_ntoso_is_valid_and_reads_back(tmp_path, akn_schema):
    doc = load(TEXAS)
    data = akn.to_xml(doc)
    assert akn_schema.validate(etree.fromstring(data)), akn_schema.error_log
    (tmp_path / "tx.xml").write_bytes(data)
    assert akn.read(tmp_path / "tx.xml").body == doc.body  # the subchapter comes back as one


# ---------------------------------------------------------------- Nigeria

NIGERIA = """FEDERAL REPUBLIC OF NIGERIA
OFFICIAL GAZETTE
No. 88 Lagos - 20th May, 2031 Vol. 118
Government Notice No. 41
CHILD ONLINE PROTECTION ACT, 2031
ACT No. 9
ARRANGEMENT OF SECTIONS
PART I — OBJECTIVES AND APPLICATION
1. Objectives
2. Application
PART III — OFFENCES AND PENALTIES
23. Child sexual abuse material
24. Duty of service providers
PART IX — MISCELLANEOUS
58. Interpretation
59. Citation
CHILD ONLINE PROTECTION ACT, 2031
ACT No. 9
AN ACT TO PROVIDE FOR THE PROTECTION OF CHILDREN ONLINE; AND FOR RELATED MATTERS.
[15th May, 2031]
Commencement.
ENACTED by the National Assembly of the Federal Republic of Nigeria—
PART I — OBJECTIVES AND APPLICATION
1. The objectives of this Act are to protect children from sexual exploitation by means of computer systems and networks.
Objectives.
2. The provisions of this Act shall apply throughout the Federal Republic of Nigeria.
Application.
PART III — OFFENCES AND PENALTIES
23.—(1) Any person who intentionally uses any computer system or network in or for—
(a) producing child pornography for the purpose of its distribution;
(b) offering or making available child pornography; or
(c) procuring or possessing child pornography in a computer system or on a computer data storage medium,
commits an offence and is liable on conviction to imprisonment for a term of 10 years or to a fine of not more than N20,000,000.00 or to both fine and imprisonment.
Child sexual abuse material.
(2) For the purposes of this section, the term "child pornography" includes pornographic material that visually depicts a minor engaged in sexually explicit conduct.
24. A service provider shall, at the request of any law enforcement agency, preserve and provide any traffic data, and shall report to the Nigerian Police any child pornography found on its system.
Duty of service providers.
PART IX — MISCELLANEOUS
58. In this Act—
"child" or "minor" means a person below 18 years of age;
"computer system" means any device or group of interconnected devices which performs automatic processing of data.
Interpretation.
59. This Act may be cited as the Child Online Protection Act, 2031.
Citation.
I certify, in accordance with Section 2 (1) of the Acts Authentication Act, Cap. A2, Laws of the Federation of Nigeria 2004, that this is a true copy of the Bill passed by both Houses of the National Assembly.
"""


def test_nigeria_margin_notes_printed_after_the_sections_first_words(tmp_path):
    doc = load(NIGERIA)
    # the text layer of the gazette puts each marginal note after its section's first lines: the note
    # heads the section before it (the first section has none above it, the last has one after it)
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("1.", "Objectives"), ("2.", "Application"), ("23.—", "Child sexual abuse material"),
        ("24.", "Duty of service providers"), ("58.", "Interpretation"), ("59.", "Citation")]
    assert [(n.kind, n.label, n.heading) for n in doc.body] == [
        ("part", "PART I —", "OBJECTIVES AND APPLICATION"), ("part", "PART III —", "OFFENCES AND PENALTIES"),
        ("part", "PART IX —", "MISCELLANEOUS")]
    s23 = doc.units()[2]
    sub1, sub2 = s23.children
    assert (sub1.label, sub2.label, sub2.heading) == ("(1)", "(2)", "")  # the note is the section's, not (2)'s
    assert [p.label for p in sub1.children] == ["(a)", "(b)", "(c)"] and sub1.wrap_up.startswith("commits an offence")
    assert sub2.defines == "child pornography"  # "For the purposes of this section, the term "child pornography" includes …"
    assert [d.defines for d in doc.units()[4].children] == ["child", "computer system"]
    assert doc.units()[1].text == "The provisions of this Act shall apply throughout the Federal Republic of Nigeria."


def test_nigeria_front_matter_arrangement_and_authentication(tmp_path):
    doc = load(NIGERIA)
    toc = next(n for n in doc.preface if n.kind == "toc")
    assert toc.heading == "ARRANGEMENT OF SECTIONS" and toc.children[-1].text == "59. Citation"
    # the title printed above the arrangement and again above the long title is no running head
    assert [n.text for n in doc.preface if n.kind == "note"] == []
    assert [n.kind for n in doc.preamble] == ["formula"] and doc.preamble[0].text.startswith("ENACTED by the National Assembly")
    assert [n.text[:12] for n in doc.conclusions] == ["I certify, i"]  # the Clerk's authentication
    meta = doc.meta
    assert (meta.country, meta.number, meta.title) == ("ng", "9", "CHILD ONLINE PROTECTION ACT, 2031")


def test_nigeria_review(tmp_path, library):
    found = verdicts(load(NIGERIA), library)
    assert found["specific"][0] == "met" and found["specific"][1].startswith("23(1)")
    assert found["definition"] == ("met", "23(2)")
    assert found["child-18"] == ("met", "58 “child”")
    assert found["computer"][0] == "met"
    assert found["possession"] == ("partial", "23(1)(c)")  # only "in a computer system or on a computer data storage medium"
    assert found["isp-report"] == ("met", "24")
    assert found["data-retention"] == ("met", "24")  # "preserve and provide any traffic data"


# ---------------------------------------------------------------- Singapore (revised edition)

SINGAPORE = """Singapore Statutes Online
Online Child Safety Act 2031
2032 REVISED EDITION
This revised edition incorporates all amendments up to and including 1 December 2032 and comes into operation on 31 December 2032.
An Act to protect children from sexual exploitation online and for matters connected therewith.
[1 March 2031]
Informal Consolidation — version in force from 1/2/2032
PART 1
PRELIMINARY
Short title
1. This Act is the Online Child Safety Act 2031.
Interpretation
2. In this Act, unless the context otherwise requires —
“child” means an individual below 18 years of age;
“child abuse material” means material that depicts an image of a child, or a person who appears to be a child, engaged in sexual activity or in an offensive sexual context;
“online service” means an internet search service, a social media service or any other service that enables end‑users to access or communicate content by means of the internet.
[Act 23 of 2031 wef 01/02/2032]
PART 2
OFFENCES
Possession of or gaining access to child abuse material
3.—(1) Any person who has in his or her possession or gains access to any child abuse material knowing or having reason to believe that it is child abuse material shall be guilty of an offence and shall be liable on conviction to imprisonment for a term not exceeding 5 years, and shall also be liable to a fine or to caning.
(2) In subsection (1), a person gains access to material if the person views the material by means of a computer.
[Act 23 of 2031 wef 01/02/2032]
Duty of online service providers
4. A provider of an online service who becomes aware that child abuse material is available on its service must, as soon as reasonably practicable, notify the police and remove the material.
"""


def test_singapore_revised_edition_headings_and_amendment_notes(tmp_path):
    doc = load(SINGAPORE)
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("1.", "Short title"), ("2.", "Interpretation"), ("3.—", "Possession of or gaining access to child abuse material"),
        ("4.", "Duty of online service providers")]
    assert [(n.kind, n.label, n.heading) for n in doc.body] == [("part", "PART 1", "PRELIMINARY"), ("part", "PART 2", "OFFENCES")]
    s2, s3 = doc.units()[1:3]
    assert [d.defines for d in s2.children if d.kind != "note"] == ["child", "child abuse material", "online service"]
    assert notes(s2) == notes(s3) == [("editorial", "[Act 23 of 2031 wef 01/02/2032]")]  # the amending Act and its date
    assert [c.label for c in s3.children if c.kind != "note"] == ["(1)", "(2)"]


def test_singapore_front_matter_and_metadata(tmp_path):
    doc = load(SINGAPORE)
    assert [n.text for n in doc.preface if n.kind == "note"] == [
        "Singapore Statutes Online", "Informal Consolidation — version in force from 1/2/2032"]
    assert "[1 March 2031]" in [n.text for n in doc.preface]
    meta = doc.meta
    assert (meta.country, meta.title) == ("sg", "Online Child Safety Act 2031")  # the site's name tells the country


def test_singapore_review(tmp_path, library):
    found = verdicts(load(SINGAPORE), library)
    assert found["specific"] == ("met", "3(1)")
    assert found["possession"] == ("met", "3(1)")
    assert found["access"] == ("met", "3(1)")  # "gains access to any child abuse material"
    assert found["definition"] == ("met", "2 “child abuse material”")
    assert found["child-18"] == ("met", "2 “child”")  # "below 18 years of age"
    assert found["isp-report"] == ("met", "4")  # "A provider of an online service … must … notify the police"


# ---------------------------------------------------------------- Jamaica

JAMAICA = """THE CHILD PORNOGRAPHY (PREVENTION) ACT
ARRANGEMENT OF SECTIONS
1. Short title.
2. Interpretation.
3. Offences relating to child pornography.
4. Duty to report.
SCHEDULE
THE CHILD PORNOGRAPHY (PREVENTION) ACT
Act 12 of 2031.
[15th June, 2031.]
BE IT ENACTED by The King's Most Excellent Majesty, by and with the advice and consent of the Senate and House of Representatives of Jamaica, and by the authority of the same, as follows:—
Short title.
1. This Act may be cited as the Child Pornography (Prevention) Act.
Interpretation.
2.—(1) In this Act—
"child" means a person under the age of eighteen years;
"child pornography" means any visual representation or audio recording, whether made by electronic or mechanical means or otherwise, that shows a child engaged in sexually explicit activity;
"computer" has the meaning assigned to it by section 2 of the Cybercrimes Act.
(2) For the purposes of this Act, a person has child pornography in his possession if it is in his custody or control, including on any computer or device.
The inclusion of this page is authorized by L.N. 85/2031
Offences relating to child pornography.
3.—(1) A person commits an offence who knowingly—
(a) produces child pornography;
(b) imports, exports, distributes, transmits or otherwise deals in child pornography, including by means of a computer; or
(c) has child pornography in his possession.
(2) A person who commits an offence under subsection (1) is liable on conviction on indictment before a Circuit Court to a fine or to imprisonment for a term not exceeding twenty years, or to both such fine and imprisonment.
Duty to report.
4. An internet service provider who has reason to believe that its service is being used for the commission of an offence under this Act shall forthwith report the matter to the Constabulary Force.
SCHEDULE (Section 4)
Form of Report
Name of internet service provider: ..................
Address of the service used: ..................
The inclusion of this page is authorized by L.N. 85/2031
"""


def test_jamaica_title_printed_twice_around_the_arrangement_and_page_footers(tmp_path):
    doc = load(JAMAICA)
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("1.", "Short title"), ("2.—", "Interpretation"), ("3.—", "Offences relating to child pornography"),
        ("4.", "Duty to report")]
    # the Act's name above its arrangement of sections and again above the Act is its title, no running head
    assert doc.preface[0].name == "docTitle" and doc.preface[0].text == "THE CHILD PORNOGRAPHY (PREVENTION) ACT"
    toc = next(n for n in doc.preface if n.kind == "toc")
    assert [i.text for i in toc.children][:4] == ["1. Short title.", "2. Interpretation.", "3. Offences relating to child pornography.",
                                                  "4. Duty to report."]
    s2, s3 = doc.units()[1:3]
    assert [c.label for c in s2.children if c.kind != "note"] == ["(1)", "(2)"]
    assert [d.defines for d in s2.children[0].children] == ["child", "child pornography", "computer"]
    assert notes(s2) == [("debris", "The inclusion of this page is authorized by L.N. 85/2031")]  # the page's footer
    assert [p.label for p in s3.children[0].children] == ["(a)", "(b)", "(c)"]
    (schedule,) = doc.attachments
    assert schedule.children[0].text == "Form of Report" and notes(schedule)[-1][0] == "debris"
    meta = doc.meta
    assert (meta.country, meta.date) == ("jm", "2031-06-15")  # "… House of Representatives of Jamaica …"


def test_jamaica_review(tmp_path, library):
    found = verdicts(load(JAMAICA), library)
    assert found["specific"][0] == "met" and found["specific"][1].startswith("3(1)")
    assert found["possession"] == ("met", "3(1)(c)")
    assert found["computer"] == ("met", "3(1)(b)")  # "including by means of a computer"
    assert found["definition"] == ("met", "2(1) “child pornography”")
    assert found["child-18"] == ("met", "2(1) “child”")  # "under the age of eighteen years"
    assert found["isp-report"] == ("met", "4")  # "An internet service provider … shall forthwith report"


# ---------------------------------------------------------------- Malaysia

MALAYSIA = """LAWS OF MALAYSIA
Act 912
SEXUAL OFFENCES AGAINST CHILDREN (ONLINE) ACT 2031
Date of Royal Assent : 18 July 2031
Date of publication in the Gazette : 25 July 2031
An Act to provide for offences relating to child sexual abuse material committed by electronic means, and for related matters.
[ ]
ENACTED by the Parliament of Malaysia as follows:
PART I
PRELIMINARY
Short title and commencement
1. (1) This Act may be cited as the Sexual Offences against Children (Online) Act 2031.
(2) This Act comes into operation on a date to be appointed by the Minister by notification in the Gazette.
Interpretation
2. In this Act, unless the context otherwise requires—
"child" means a person who is under the age of eighteen years;
"child pornography" means any representation in any form or in any medium of a child engaged in sexually explicit conduct;
"computer" has the meaning assigned to it in the Computer Crimes Act 1997 [Act 563].
PART II
OFFENCES
Possession of child pornography
3. Any person who has in his possession or control any child pornography shall be guilty of an offence and shall, on conviction, be punished with imprisonment for a term not exceeding five years or with fine not exceeding ten thousand ringgit or with both, and shall also be liable to whipping of not less than three strokes.
ILLUSTRATION
A keeps child pornography in a folder on his computer. A commits an offence under this section.
Making, producing or distributing child pornography
4. (1) Any person who makes, produces, directs the making or production of, or distributes, by means of a computer or otherwise, any child pornography commits an offence.
(2) A person who commits an offence under subsection (1) shall, on conviction, be punished with imprisonment for a term not exceeding thirty years.
Explanation—For the purposes of this section, "distributes" includes transmitting the child pornography through the internet.
"""


def test_malaysia_headings_above_sections_illustration_and_explanation(tmp_path):
    doc = load(MALAYSIA)
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("1.", "Short title and commencement"), ("2.", "Interpretation"), ("3.", "Possession of child pornography"),
        ("4.", "Making, producing or distributing child pornography")]
    assert [(n.kind, n.label, n.heading) for n in doc.body] == [("part", "PART I", "PRELIMINARY"), ("part", "PART II", "OFFENCES")]
    s3, s4 = doc.units()[2:]
    offence, illustration = s3.children
    assert offence.text.startswith("Any person who has in his possession")
    assert (illustration.heading, illustration.text) == (
        "ILLUSTRATION", "A keeps child pornography in a folder on his computer. A commits an offence under this section.")
    # the Explanation after (2) is a paragraph of section 4, not words closing subsection (2)'s list
    assert [(c.label, c.text[:12]) for c in s4.children] == [("(1)", "Any person w"), ("(2)", "A person who"), ("", "Explanation—")]
    assert s4.wrap_up == ""


def test_malaysia_front_matter_and_metadata(tmp_path):
    doc = load(MALAYSIA)
    assert [n.kind for n in doc.preamble] == ["formula"] and doc.preamble[0].text == "ENACTED by the Parliament of Malaysia as follows:"
    meta = doc.meta
    assert (meta.country, meta.number, meta.date) == ("my", "912", "2031-07-18")  # "Act 912"; the date of Royal Assent
    assert meta.title == "SEXUAL OFFENCES AGAINST CHILDREN (ONLINE) ACT 2031"


def test_malaysia_review(tmp_path, library):
    found = verdicts(load(MALAYSIA), library)
    assert found["possession"][0] == "met" and found["possession"][1].startswith("3")
    assert found["specific"][0] == "met"
    assert found["definition"] == ("met", "2 “child pornography”")
    assert found["child-18"] == ("met", "2 “child”")
    assert found["computer"] == ("met", "4(1)")  # "by means of a computer or otherwise"
    assert found["isp-report"][0] == "missing"  # the Act puts no duty on providers
