"""English-language statutes as users meet them: pages saved from legal websites, written here in our
own words and our own markup, imitating the STRUCTURE of those sites' HTML (breadcrumbs, tabs, pagers,
tables of contents, number cells, margin notes, historical notes, footers). Each test imports a page and
checks what a lawyer would check: the law's own sections with their labels as printed, headings, notes and
site furniture kept out of the law (never lost), the metadata, and the review's verdicts with the right
provision as evidence."""

from __future__ import annotations


from drafting.model.document import Document, Node
from drafting.review.verdicts import review

from .styles import imported, labels


def parse(page: str, name: str = "page.html") -> Document:
    return imported(page, name)


def notes(node: Node) -> list[tuple[str, str]]:
    return [(c.name, c.text) for c in node.children if c.kind == "note"]


def law_text(doc: Document) -> str:
    """Everything the body holds as the law's own words (notes and debris left out)."""
    def walk(node: Node) -> list[str]:
        if node.kind == "note":
            return []
        return [node.heading, node.text, node.wrap_up] + [t for c in node.children for t in walk(c)]
    return " ".join(t for n in doc.body for t in walk(n) if t)


def verdicts(doc: Document, library) -> dict[str, tuple[str, str]]:
    """criterion → (status, the first piece of evidence's citation)."""
    result = review(doc, library, criteria="full")
    return {v.criterion: (v.status, v.evidence[0].num if v.evidence else "") for v in result.verdicts}


# ---------------------------------------------------------------- a US legal-information site's code section page

US_CODE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>18 U.S. Code § 2262A - Possession of child sexual abuse material | Legal Information Portal</title></head>
<body>
<header id="site-header"><a href="/">Legal Information Portal</a> <a href="/donate">Support us</a></header>
<div id="breadcrumbs"><a href="/uscode">U.S. Code</a> › <a href="/uscode/18">Title 18</a> › <a href="/uscode/18/part-I">Part I</a> › <a>Chapter 110A</a> › § 2262A</div>
<div id="main-content">
<h1 id="page_title">18 U.S. Code § 2262A - Possession of child sexual abuse material</h1>
<ul class="tabs"><li><a href="#text">U.S. Code</a></li><li><a href="#notes">Notes</a></li></ul>
<div class="text">
<div class="subsect indent0"><span class="enumbold">(a)</span> <span class="heading bold">Offense.—</span>Whoever knowingly possesses, or knowingly accesses with intent to view, any visual depiction of a minor engaging in sexually explicit conduct that has been transported by any means or facility of interstate commerce, including by computer, shall be punished as provided in subsection (c).</div>
<div class="subsect indent0"><span class="enumbold">(b)</span> <span class="heading bold">Definitions.—</span>In this section—</div>
<div class="paragraph indent1"><span class="enumbold">(1)</span> the term “minor” means any person under the age of eighteen years; and</div>
<div class="paragraph indent1"><span class="enumbold">(2)</span> the term “visual depiction” includes undeveloped film and videotape, and data stored on computer disk or by electronic means which is capable of conversion into a visual image.</div>
<div class="subsect indent0"><span class="enumbold">(c)</span> <span class="heading bold">Penalties.—</span>Whoever violates subsection (a) shall be fined under this title or imprisoned not more than 10 years, or both.</div>
<div class="subsect indent0"><span class="enumbold">(d)</span> <span class="heading bold">Reporting.—</span>A provider of an electronic communication service to the public that obtains actual knowledge of any visual depiction described in subsection (a) on its service shall report it as soon as reasonably possible to the national clearinghouse.</div>
<p class="notes-link">(Added Pub. L. 121–14, title II, § 203(a), Mar. 3, 2031, 145 Stat. 402; amended Pub. L. 122–7, § 4, June 9, 2032, 146 Stat. 88.)</p>
</div>
<div id="notes" class="tab-pane">
<h2>Notes</h2>
<h4>Amendments</h4>
<p>2032—Subsec. (d). Pub. L. 122–7 substituted “as soon as reasonably possible” for “within 30 days”.</p>
<h4>Effective Date</h4>
<p>Section effective 90 days after Mar. 3, 2031, see section 210 of Pub. L. 121–14.</p>
</div>
<div class="pager"><a href="/uscode/text/18/2262">prev</a> | <a href="/uscode/text/18/2263">next</a></div>
</div>
<footer><p>Accessibility · About · Terms of use</p></footer>
</body></html>
"""


def test_us_code_section_page_title_breadcrumbs_tabs_and_pager():
    doc = parse(US_CODE_PAGE)
    (section,) = doc.units()
    # the page title "18 U.S. Code § 2262A - …" is the section: its label as the code prints it, then its heading
    assert (section.label, section.num, section.heading) == ("§ 2262A", "2262A", "Possession of child sexual abuse material")
    assert [n.text for n in doc.preface] == ["Legal Information Portal Support us",
                                             "U.S. Code › Title 18 › Part I › Chapter 110A › § 2262A"]
    assert all(n.name == "debris" for n in doc.preface)
    # the tabs and the pager are the site's: kept as debris, never the section's text
    assert notes(section)[:2] == [("debris", "U.S. Code"), ("debris", "Notes")]
    assert ("debris", "prev | next") in notes(section) and section.text == ""
    assert (doc.meta.country, doc.meta.title) == ("us", "18 U.S. Code § 2262A")


def test_us_code_subsection_headings_inline_and_notes_below_the_text():
    doc = parse(US_CODE_PAGE)
    (section,) = doc.units()
    subsections = [c for c in section.children if c.kind == "subsection"]
    assert [(s.label, s.heading) for s in subsections] == [
        ("(a)", "Offense"), ("(b)", "Definitions"), ("(c)", "Penalties"), ("(d)", "Reporting")]
    assert subsections[0].text.startswith("Whoever knowingly possesses")  # "Offense.—" is the heading, not text
    assert subsections[1].text == "In this section—"
    assert [(p.label, p.defines) for p in subsections[1].children] == [("(1)", "minor"), ("(2)", "visual depiction")]
    editorial = [text for name, text in notes(section) if name == "editorial"]
    assert editorial[0].startswith("(Added Pub. L. 121–14") and "Amendments" in editorial
    assert editorial[-1].startswith("Section effective 90 days")
    text = law_text(doc)
    assert "Pub. L." not in text and "prev" not in text and "Accessibility" not in text


def test_us_code_section_page_review(library):
    found = verdicts(parse(US_CODE_PAGE), library)
    assert found["specific"] == ("met", "2262A(a)")
    assert found["possession"] == ("met", "2262A(a)")
    assert found["child-18"] == ("met", "2262A(b)(1)")
    assert found["computer"][0] == "met"
    # "any visual depiction described in subsection (a)": the material, named by reference
    assert found["isp-report"] == ("met", "2262A(d)")
    assert found["grooming"][0] == "missing"


# ---------------------------------------------------------------- a Philippine law library page

PHILIPPINES_PAGE = """<html><head><title>Republic Act No. 12145 - The Online Child Protection Act of 2031 | Law Library</title></head>
<body>
<div id="menu"><a href="/">Home</a> | <a href="/laws">Laws</a> | <a href="/jurisprudence">Jurisprudence</a> | <a href="/contact">Contact Us</a></div>
<blockquote>
<center><b>Republic of the Philippines<br>Congress of the Philippines<br>Metro Manila</b></center>
<center><b>Fifteenth Congress</b><br>Second Regular Session</center>
<p>Begun and held in Metro Manila, on Monday, the twenty-eighth day of July, two thousand thirty.</p>
<center><b>REPUBLIC ACT NO. 12145</b></center>
<center><b>AN ACT DEFINING AND PENALIZING ONLINE SEXUAL ABUSE OF CHILDREN, AND FOR OTHER PURPOSES</b></center>
<p><i>Be it enacted by the Senate and House of Representatives of the Philippines in Congress assembled:</i></p>
<p>SECTION 1. <i>Short Title.</i> – This Act shall be known as "The Online Child Protection Act of 2031".<br><br>
SECTION 2. <i>Definition of Terms.</i> – For purposes of this Act:<br>
(a) "Child" refers to a person below eighteen (18) years of age;<br>
(b) "Child sexual abuse material" refers to any representation, by electronic or any other means, of a child engaged in real or simulated explicit sexual activities; and<br>
(c) "Internet service provider" refers to a person or entity that supplies access to the internet to the public.<br><br>
SECTION 3. <i>Unlawful Acts.</i> – It shall be unlawful for any person:<br>
(a) To produce, distribute or sell child sexual abuse material through a computer system; and<br>
(b) To willfully possess child sexual abuse material.<br><br>
SECTION 4. <i>Penalties.</i> – (a) Any person found guilty of Section 3(a) shall suffer the penalty of <i>reclusion temporal</i> in its maximum period and a fine of not less than One million pesos (Php1,000,000.00);<br>
(b) Any person found guilty of Section 3(b) shall suffer the penalty of <i>prision mayor</i> in its medium period and a fine of not less than Fifty thousand pesos (Php50,000.00).<br><br>
SECTION 5. <i>Duties of Internet Service Providers.</i> – All internet service providers shall notify the Philippine National Police within seven (7) days from obtaining facts that their server is being used for child sexual abuse material.<br><br>
SECTION 6. <i>Effectivity.</i> – This Act shall take effect fifteen (15) days after its publication in the <i>Official Gazette</i>.</p>
<p>Approved,</p>
<p><b>JUAN DELA CRUZ</b><br>President of the Senate</p>
<p><b>MARIA SANTOS</b><br>Speaker of the House of Representatives</p>
<p>Approved: <b>November 17, 2031</b></p>
<p><b>PEDRO REYES</b><br>President of the Philippines</p>
</blockquote>
<div class="footer">© Law Library Foundation. All rights reserved.</div>
</body></html>
"""


def test_philippine_law_in_one_blockquote_with_line_breaks():
    doc = parse(PHILIPPINES_PAGE)
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("SECTION 1.", "Short Title"), ("SECTION 2.", "Definition of Terms"), ("SECTION 3.", "Unlawful Acts"),
        ("SECTION 4.", "Penalties"), ("SECTION 5.", "Duties of Internet Service Providers"), ("SECTION 6.", "Effectivity")]
    s2 = doc.units()[1]
    assert s2.text == "For purposes of this Act:"
    assert [(c.label, c.defines) for c in s2.children] == [
        ("(a)", "Child"), ("(b)", "Child sexual abuse material"), ("(c)", "Internet service provider")]
    s3 = doc.units()[2]
    assert [c.text for c in s3.children] == [
        "To produce, distribute or sell child sexual abuse material through a computer system; and",
        "To willfully possess child sexual abuse material."]


def test_philippine_page_centred_front_matter_approval_and_site_menu():
    doc = parse(PHILIPPINES_PAGE)
    assert doc.preface[0].name == "debris" and doc.preface[0].text.startswith("Home | Laws")
    front = [n.text for n in doc.preface if n.kind == "text"]
    assert front[:3] == ["Republic of the Philippines", "Congress of the Philippines", "Metro Manila"]
    assert "REPUBLIC ACT NO. 12145" in front
    assert [n.kind for n in doc.preamble] == ["formula"] and doc.preamble[0].text.startswith("Be it enacted")
    closing = [n.text for n in doc.conclusions if n.kind == "text"]
    assert closing[0] == "Approved," and "Approved: November 17, 2031" in closing
    assert closing[-2:] == ["PEDRO REYES", "President of the Philippines"]
    assert doc.conclusions[-1].name == "debris"  # the site's footer
    meta = doc.meta
    assert (meta.country, meta.number, meta.date) == ("ph", "12145", "2031-11-17")
    assert meta.title.startswith("AN ACT DEFINING AND PENALIZING")


def test_philippine_page_review(library):
    found = verdicts(parse(PHILIPPINES_PAGE), library)
    assert found["specific"][0] == "met" and found["specific"][1] in ("3(a)", "3(b)")
    assert found["possession"] == ("met", "3(b)")
    assert found["computer"] == ("met", "3(a)")
    assert found["definition"] == ("met", "2(b)")
    assert found["child-18"] == ("met", "2(a)")
    assert found["isp-report"] == ("met", "5")


# ---------------------------------------------------------------- a Kenya Law / Indigo-like page

KENYA_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Children Online Protection Act, 2031 - Kenya Law</title></head>
<body>
<header class="site-header"><a href="/">Kenya Law</a> <form><input name="q"></form></header>
<div class="container">
<div class="row">
<nav class="toc col-3">
<h4>Table of contents</h4>
<ul>
<li><a href="#part_I">Part I – Preliminary</a>
<ul><li><a href="#sec_1">1. Short title</a></li><li><a href="#sec_2">2. Interpretation</a></li></ul></li>
<li><a href="#part_II">Part II – Offences</a>
<ul><li><a href="#sec_3">3. Child sexual abuse material</a></li><li><a href="#sec_4">4. Duty of service providers</a></li></ul></li>
</ul>
</nav>
<div class="col-9 document-content">
<div class="akn-act">
<div class="akn-preface">
<h1>Children Online Protection Act, 2031</h1>
<p class="akn-p">No. 9 of 2031</p>
<p class="akn-p">Date of assent: 4th March, 2031</p>
<p class="akn-p">Date of commencement: 1st April, 2031</p>
<p class="akn-p">AN ACT of Parliament to provide for the protection of children from sexual exploitation online, and for connected purposes</p>
</div>
<div class="akn-preamble"><p class="akn-p">ENACTED by the Parliament of Kenya, as follows—</p></div>
<div class="akn-body">
<section class="akn-part" id="part_I"><h2>Part I – PRELIMINARY</h2>
<section class="akn-section" id="sec_1"><h3>1. Short title</h3><span class="akn-content"><span class="akn-p">This Act may be cited as the Children Online Protection Act, 2031.</span></span></section>
<section class="akn-section" id="sec_2"><h3>2. Interpretation</h3>
<span class="akn-intro"><span class="akn-p">In this Act, unless the context otherwise requires—</span></span>
<span class="akn-p">"child" means an individual who has not attained the age of eighteen years;</span>
<span class="akn-p">"child sexual abuse material" means any visual depiction of a child engaged in sexually explicit conduct, whether made or stored in electronic form or otherwise.</span>
</section></section>
<section class="akn-part" id="part_II"><h2>Part II – OFFENCES</h2>
<section class="akn-section" id="sec_3"><h3>3. Child sexual abuse material</h3>
<section class="akn-subsection"><span class="akn-num">(1)</span><span class="akn-content"><span class="akn-p">A person who, by means of a computer system, produces, publishes or transmits child sexual abuse material commits an offence and is liable, on conviction, to a fine not exceeding five million shillings or to imprisonment for a term not exceeding twenty years, or to both.</span></span></section>
<section class="akn-subsection"><span class="akn-num">(2)</span><span class="akn-content"><span class="akn-p">A person who possesses child sexual abuse material commits an offence and is liable, on conviction, to imprisonment for a term not exceeding ten years.</span></span></section>
<div class="akn-remark"><span class="akn-remark">[Act No. 3 of 2033, s. 5.]</span></div>
</section>
<section class="akn-section" id="sec_4"><h3>4. Duty of service providers</h3><span class="akn-content"><span class="akn-p">A service provider who becomes aware that its service is used to store or transmit child sexual abuse material shall, within forty-eight hours, report the matter to the National Police Service.</span></span></section>
</section>
</div></div></div></div></div>
<footer><p>Kenya Law is an agency of the Judiciary. Content licensed under CC BY.</p></footer>
</body></html>
"""


def test_kenya_page_table_of_contents_sidebar_stays_out_of_the_act():
    doc = parse(KENYA_PAGE)
    assert labels(doc) == ["1.", "2.", "3.", "4."]  # each section once: the sidebar lists them all again
    toc = [n.text for n in doc.preface if n.kind == "note"]
    assert toc[:3] == ["Kenya Law", "Table of contents", "Part I – Preliminary"]
    assert "3. Child sexual abuse material" in toc
    assert [(p.label, p.heading) for p in doc.body] == [("Part I –", "PRELIMINARY"), ("Part II –", "OFFENCES")]


def test_kenya_page_sections_remarks_and_metadata():
    doc = parse(KENYA_PAGE)
    s2, s3 = doc.units()[1:3]
    assert s2.text == "In this Act, unless the context otherwise requires—"
    assert [c.defines for c in s2.children] == ["child", "child sexual abuse material"]
    assert [(c.label, c.text[:30]) for c in s3.children if c.kind == "subsection"] == [
        ("(1)", "A person who, by means of a co"), ("(2)", "A person who possesses child s")]
    # the amendment remark: a note of the section, not its wrap-up text
    assert notes(s3) == [("editorial", "[Act No. 3 of 2033, s. 5.]")] and s3.wrap_up == ""
    assert notes(doc.units()[3]) == [("debris", "Kenya Law is an agency of the Judiciary. Content licensed under CC BY.")]
    assert [n.kind for n in doc.preamble] == ["formula"]
    meta = doc.meta
    assert (meta.country, meta.number, meta.date, meta.title) == ("ke", "9", "2031-03-04", "Children Online Protection Act, 2031")


def test_kenya_page_review(library):
    found = verdicts(parse(KENYA_PAGE), library)
    assert found["possession"] == ("met", "3(2)")
    assert found["specific"][0] == found["computer"][0] == "met"
    assert found["definition"] == ("met", "2 “child sexual abuse material”")
    assert found["child-18"] == ("met", "2 “child”")
    assert found["isp-report"] == ("met", "4")


# ---------------------------------------------------------------- an Australian legislation register page

AUSTRALIA_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Criminal Code Act 1995 - Federal Register of Legislation</title></head>
<body>
<div role="banner"><a href="/">Federal Register of Legislation</a> <span>Australian Government</span></div>
<div class="breadcrumb"><a>Home</a> / <a>Acts</a> / <a>In force</a></div>
<div id="MainContent">
<p class="ShortT">Criminal Code Act 1995</p>
<p class="CompiledActNo">No. 12, 1995</p>
<p class="CompilationNumber">Compilation No. 150</p>
<h2 class="ActHead2"><span class="CharPartNo">Part 10.6</span>—<span class="CharPartText">Telecommunications Services</span></h2>
<h5 class="ActHead5"><span class="CharSectno">473.1</span>  Definitions</h5>
<p class="subsection">In this Part:</p>
<p class="Definition"><b><i>child abuse material</i></b> means material that depicts a person who is, or appears to be, under 18 years of age engaged in a sexual pose or sexual activity.</p>
<p class="Definition"><b><i>carriage service</i></b> has the same meaning as in the <i>Telecommunications Act 1997</i>.</p>
<h5 class="ActHead5"><span class="CharSectno">474.22</span>  Using a carriage service for child abuse material</h5>
<p class="subsection">(1) A person commits an offence if the person uses a carriage service to access, transmit, publish or make available material that is child abuse material.</p>
<p class="Penalty">Penalty: Imprisonment for 15 years.</p>
<h5 class="ActHead5"><span class="CharSectno">474.22A</span>  Possessing or controlling child abuse material obtained or accessed using a carriage service</h5>
<p class="subsection">(1) A person commits an offence if:</p>
<p class="paragraph">(a) the person has possession or control of material; and</p>
<p class="paragraph">(b) the material is child abuse material; and</p>
<p class="paragraph">(c) the person obtained or accessed the material using a carriage service.</p>
<p class="Penalty">Penalty: Imprisonment for 15 years.</p>
<p class="subsection">(2) Absolute liability applies to paragraph (1)(c).</p>
<p class="notetext">Note:	For absolute liability, see section 6.2.</p>
<h5 class="ActHead5"><span class="CharSectno">474.25</span>  Obligations of internet service providers</h5>
<p class="subsection">A person commits an offence if the person is an internet service provider, is aware that the service provided by the person can be used to access particular material that the person has reasonable grounds to believe is child abuse material, and does not refer details of the material to the Australian Federal Police within a reasonable time.</p>
<p class="Penalty">Penalty: 100 penalty units.</p>
</div>
<div id="footer"><p>Authorised Version C2031C00150 registered 10/09/2031</p><p>Copyright · Accessibility · Privacy</p></div>
</body></html>
"""


def test_australian_register_section_number_cells_and_inserted_numbers():
    doc = parse(AUSTRALIA_PAGE)
    # "474.22A" (inserted between 474.22 and 474.23) is a section of its own, its heading the rest of the line
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("473.1", "Definitions"), ("474.22", "Using a carriage service for child abuse material"),
        ("474.22A", "Possessing or controlling child abuse material obtained or accessed using a carriage service"),
        ("474.25", "Obligations of internet service providers")]
    (part,) = doc.body
    assert (part.kind, part.label, part.heading) == ("part", "Part 10.6 —", "Telecommunications Services")  # the separator stays, as printed
    s473 = doc.units()[0]
    assert [c.defines for c in s473.children] == ["child abuse material", "carriage service"]


def test_australian_register_notes_penalties_and_furniture():
    doc = parse(AUSTRALIA_PAGE)
    s22a = doc.units()[2]
    sub1, sub2 = [c for c in s22a.children if c.kind == "subsection"]
    assert [p.label for p in sub1.children] == ["(a)", "(b)", "(c)"]
    assert sub1.wrap_up == "Penalty: Imprisonment for 15 years."  # the penalty is law
    assert sub2.text == "Absolute liability applies to paragraph (1)(c)."
    assert notes(s22a) == [("editorial", "Note: For absolute liability, see section 6.2.")]  # explains, does not enact
    assert "Note:" not in law_text(doc) and "Authorised Version" not in law_text(doc)
    assert [n.name for n in doc.preface if n.kind == "note"] == ["debris", "debris"]
    meta = doc.meta
    assert (meta.country, meta.number, meta.title) == ("au", "12", "Criminal Code Act 1995")


def test_australian_register_review(library):
    found = verdicts(parse(AUSTRALIA_PAGE), library)
    assert found["possession"][0] == "met" and found["possession"][1].startswith("474.22A")
    assert found["definition"] == ("met", "473.1 “child abuse material”")
    assert found["child-18"] == ("met", "473.1 “child abuse material”")
    # an offence of failing to "refer details of the material to the Australian Federal Police": a duty to report
    assert found["isp-report"][0] == "met" and found["isp-report"][1].startswith("474.25")
    assert found["grooming"][0] == "missing"


# ---------------------------------------------------------------- a Canadian justice-laws page

CANADA_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Online Child Protection Act</title></head>
<body>
<nav role="navigation"><a href="/">Justice Laws Website</a> <a href="/eng/acts/">Consolidated Acts</a></nav>
<div class="wb-txthl">
<div class="info"><p>Current to 2032-03-01 and last amended on 2031-06-22. <a>Previous Versions</a></p></div>
<h1 class="Title-of-Act">Online Child Protection Act</h1>
<p class="ChapterNumber">S.C. 2031, c. 12</p>
<p class="AssentedDate">Assented to 2031-06-22</p>
<p class="LongTitle">An Act respecting the protection of children from sexual exploitation on the Internet</p>
<p class="EnactingClause">His Majesty, by and with the advice and consent of the Senate and House of Commons of Canada, enacts as follows:</p>
<h2 class="Part">Short Title</h2>
<p class="MarginalNote"><span class="wb-invisible">Marginal note:</span>Short title</p>
<ul class="Section ProvisionList"><li><p class="Section"><strong><a class="sectionLabel"><span class="sectionLabel">1</span></a></strong> This Act may be cited as the <em>Online Child Protection Act</em>.</p></li></ul>
<h2 class="Part">Interpretation</h2>
<p class="MarginalNote"><span class="wb-invisible">Marginal note:</span>Definitions</p>
<ul class="Section ProvisionList"><li><p class="Section"><strong><a class="sectionLabel"><span class="sectionLabel">2</span></a></strong> The following definitions apply in this Act.</p>
<dl class="Definition">
<dd><p class="Definition"><dfn>child</dfn> means a person who is under the age of 18 years. (<span lang="fr"><dfn>enfant</dfn></span>)</p></dd>
<dd><p class="Definition"><dfn>child sexual abuse material</dfn> means a photographic, film, video or other visual representation, made by electronic means or otherwise, that shows a child engaged in explicit sexual activity. (<span lang="fr"><dfn>matériel d’abus pédosexuel</dfn></span>)</p></dd>
</dl></li></ul>
<h2 class="Part">Offences</h2>
<p class="MarginalNote"><span class="wb-invisible">Marginal note:</span>Possession</p>
<ul class="Section ProvisionList"><li><p class="Subsection"><strong><a class="sectionLabel"><span class="sectionLabel">3</span></a></strong> <span class="lawlabel">(1)</span> Every person who possesses child sexual abuse material is guilty of an indictable offence and liable to imprisonment for a term of not more than 10 years.</p></li>
<li><p class="MarginalNote"><span class="wb-invisible">Marginal note:</span>Making available</p><p class="Subsection"><span class="lawlabel">(2)</span> Every person who transmits, distributes or makes available child sexual abuse material by means of a computer system is guilty of an indictable offence and liable to imprisonment for a term of not more than 14 years.</p></li></ul>
<div class="HistoricalNote"><ul class="HistoricalNoteList"><li class="HistoricalNoteSubItem">2031, c. 12, s. 3</li><li class="HistoricalNoteSubItem">2032, c. 4, s. 7</li></ul></div>
<p class="MarginalNote"><span class="wb-invisible">Marginal note:</span>Duty to report</p>
<ul class="Section ProvisionList"><li><p class="Subsection"><strong><a class="sectionLabel"><span class="sectionLabel">4</span></a></strong> <span class="lawlabel">(1)</span> A person who provides an Internet service to the public must report to the designated organization, as soon as feasible, every Internet address where they have reasonable grounds to believe that child sexual abuse material is available.</p></li></ul>
</div>
<div class="PITLink"><a>Date modified: 2032-03-05</a></div>
<footer id="wb-info"><p>Government of Canada · Terms and conditions · Privacy</p></footer>
</body></html>
"""


def test_canadian_page_section_lists_margin_notes_and_label_spans():
    doc = parse(CANADA_PAGE)
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("1", "Short title"), ("2", "Definitions"), ("3", "Possession"), ("4", "Duty to report")]
    # a MarginalNote is the section's heading; the screen reader's "Marginal note:" is not on the page
    assert "Marginal note" not in law_text(doc) and all("Marginal" not in t for _, t in notes(doc.units()[0]))
    assert [n.heading for n in doc.body if n.kind == "crossHeading"] == ["Short Title", "Interpretation", "Offences"]
    s3 = doc.units()[2]
    assert [(c.label, c.heading) for c in s3.children if c.kind == "subsection"] == [("(1)", ""), ("(2)", "Making available")]
    assert [c.defines for c in doc.units()[1].children] == ["child", "child sexual abuse material"]


def test_canadian_page_historical_notes_and_metadata():
    doc = parse(CANADA_PAGE)
    s3 = doc.units()[2]
    assert notes(s3) == [("editorial", "2031, c. 12, s. 3"), ("editorial", "2032, c. 4, s. 7")]
    assert notes(doc.units()[3])[0] == ("debris", "Date modified: 2032-03-05")
    assert [n.kind for n in doc.preamble] == ["formula"] and doc.preamble[0].text.startswith("His Majesty")
    meta = doc.meta
    assert (meta.country, meta.number, meta.date, meta.title) == ("ca", "12", "2031-06-22", "Online Child Protection Act")


def test_canadian_page_review(library):
    found = verdicts(parse(CANADA_PAGE), library)
    assert found["possession"] == ("met", "3(1)")
    assert found["computer"] == ("met", "3(2)")
    assert found["isp-report"] == ("met", "4(1)")
    assert found["definition"] == ("met", "2 “child sexual abuse material”")



def test_a_lettered_decimal_section_follows_its_base_and_precedes_the_next():
    from drafting.model.numbering import follows, num_key, num_system
    assert follows("474.22", "474.22A") and follows("474.22A", "474.22B") and follows("474.22A", "474.23")
    assert not follows("474.22", "474.22B") and not follows("474.21", "474.22A")
    assert num_system("474.22A") == "arabic" and num_key("474.22A") == num_key("474.22")
