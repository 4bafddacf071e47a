"""A bill as a Word file that looks like a bill: our styles, literal labels, page numbers.

The layout decisions live in layout.py; this module renders its blocks with python-docx and
adds what python-docx has no API for (PAGE/NUMPAGES fields, line numbering, custom document
properties) with lxml on the package parts.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from drafting.akn import write_bytes_atomic
from drafting.export.docx_base import HANG_CM, add_paragraph, add_runs, clean, new_document, style_id
from drafting.export.layout import Block, layout
from drafting.model.document import MODEL_LAW_COUNTRY, Document
from drafting.parse.profiles import Profile

CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the fixed id Word uses for user-defined properties


def write_docx(document: Document, path: Path, profile: Profile, *, reference: Path | None = None,
               line_numbers: bool = False, properties: Mapping[str, str] | None = None) -> None:
    """Write the bill as DOCX, atomically: a failure leaves no partial file behind."""
    data = docx_bytes(document, profile, reference=reference, line_numbers=line_numbers, properties=properties)
    write_bytes_atomic(Path(path), data)


def docx_bytes(document: Document, profile: Profile, *, reference: Path | None = None,
               line_numbers: bool = False, properties: Mapping[str, str] | None = None) -> bytes:
    """The bill as DOCX bytes (see write_docx)."""
    doc = new_document(reference)
    _set_language(doc, _language_tag(document))
    _render(doc, layout(document, profile))
    _header_footer(doc, document, profile)
    if line_numbers:
        _line_numbers(doc)
    _core_properties(doc, document)
    custom = {"work_uri": document.meta.work_uri, "profile": profile.id}
    custom.update({str(k): str(v) for k, v in (properties or {}).items()})
    _custom_properties(doc, custom)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- body ------------------------------------------------------------------------------------


def _render(doc: DocxDocument, blocks: tuple[Block, ...]) -> None:
    previous: Paragraph | None = None
    for block in blocks:
        if block.kind == "table":
            _table(doc, block)
            previous = None
            continue
        label, text = block.label, block.text
        provision = block.style.startswith("Provision") or block.inner_style.startswith("Provision")
        if provision and not label and text and not block.run_in:
            text = "\t" + text  # unlabelled continuation: start at the text column, not the label's
        paragraph = add_paragraph(doc, text, block.style, label=label, bold_label=block.bold_label,
                                  sep=block.sep)
        if block.bold:
            for run in paragraph.runs:
                run.bold = True
        fmt = paragraph.paragraph_format
        if block.center:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if block.page_break:
            fmt.page_break_before = True
        if provision:
            _indent(fmt, block)
        if block.inner_style.startswith("Heading") or block.inner_style == "Article Heading":
            fmt.keep_with_next = True
        if block.follows and previous is not None:  # a division's label and heading read as one unit
            previous.paragraph_format.space_after = Pt(0)
            fmt.space_before = Pt(0)
        if block.node_kind == "formula" or (block.bold and block.style == "Preamble"):
            fmt.space_before = Pt(12)  # the enacting formula and "CONSIDERANDO:" stand apart
            if block.node_kind == "formula":
                fmt.space_after = Pt(12)
        previous = paragraph


def _indent(fmt: Any, block: Block) -> None:
    """Direct indents where a style alone cannot say it: run-in labels, quoted provisions."""
    base = 1.5 if block.quoted else 0.0  # Quoted Text's own left indent
    if block.run_in:  # flush with the parent's text column, label and text on one line
        fmt.left_indent, fmt.first_line_indent = Cm(base + (block.depth - 1) * HANG_CM), Cm(0)
    elif block.quoted:  # Quoted Text is one style; the quoted law's nesting comes from indents
        left = base + block.depth * HANG_CM
        fmt.left_indent, fmt.first_line_indent = Cm(left), Cm(-HANG_CM)
        fmt.tab_stops.add_tab_stop(Cm(left))


def _table(doc: DocxDocument, block: Block) -> None:
    columns = max((len(row) for row in block.rows), default=0)
    if not columns:
        return
    table = doc.add_table(rows=len(block.rows), cols=columns)
    try:
        table.style = doc.styles["Table Grid"]
    except KeyError:
        pass  # a reference without Table Grid: a plain table still holds the text
    for row, cells in zip(table.rows, block.rows):
        for cell, text in zip(row.cells, cells):
            paragraph = cell.paragraphs[0]
            paragraph._p.style = style_id(doc, block.style)
            add_runs(paragraph, text)
    add_paragraph(doc, "", "Body Text")  # Word needs a paragraph between adjacent tables


# --- page furniture ----------------------------------------------------------------------------


def _header_footer(doc: DocxDocument, document: Document, profile: Profile) -> None:
    section = doc.sections[0]
    header_text = document.meta.short_title or document.meta.title
    if header_text:
        paragraph = _furniture_paragraph(section.header)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _small(add_runs(paragraph, header_text))
    template = str(profile.section("labels").get("page_of", "Page {page} of {pages}"))
    paragraph = _furniture_paragraph(section.footer)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            _field(paragraph, "PAGE")
        elif piece == "{pages}":
            _field(paragraph, "NUMPAGES")
        elif piece:
            _small(add_runs(paragraph, piece))


def _furniture_paragraph(part: Any) -> Any:
    """An empty paragraph in a header/footer: the first one if blank, else a new one after the house content."""
    part.is_linked_to_previous = False
    paragraphs = part.paragraphs
    if paragraphs and not paragraphs[-1].text.strip() and not paragraphs[-1]._p.xpath(".//w:drawing"):
        return paragraphs[-1]
    return part.add_paragraph()


def _small(run: Any) -> Any:
    run.font.size = Pt(9)
    return run


def _field(paragraph: Any, instruction: str) -> None:
    """A complex field (begin / instrText / separate / placeholder / end): Word and LibreOffice both update it."""
    def run_with(*children: Any) -> None:
        run = _small(paragraph.add_run())
        for child in children:
            run._r.append(child)

    def fld_char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    run_with(fld_char("begin"))
    run_with(instr)
    run_with(fld_char("separate"))
    run_with(placeholder)
    run_with(fld_char("end"))


# sectPr children that follow lnNumType in the schema.
_AFTER_LNNUM = ("w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def _line_numbers(doc: DocxDocument) -> None:
    for section in doc.sections:
        sect_pr = section._sectPr
        for old in sect_pr.findall(qn("w:lnNumType")):
            sect_pr.remove(old)
        element = OxmlElement("w:lnNumType")
        element.set(qn("w:countBy"), "1")
        element.set(qn("w:restart"), "newPage")
        element.set(qn("w:distance"), "284")  # 0.5 cm in twips: numbers close to the text, inside the margin
        for tag in _AFTER_LNNUM:
            successor = sect_pr.find(qn(tag))
            if successor is not None:
                successor.addprevious(element)
                break
        else:
            sect_pr.append(element)
    # Header-like paragraphs (title, headings) are still counted, as in printed bills.


# --- properties ----------------------------------------------------------------------------------


def _language_tag(document: Document) -> str:
    language, country = document.meta.language, document.meta.country
    if not language:
        return ""
    if country and country not in (MODEL_LAW_COUNTRY, "xx"):
        return f"{language}-{country.upper()}"
    return language


def _set_language(doc: DocxDocument, tag: str) -> None:
    """Proofing language on the document defaults, so Word spell-checks in the bill's language."""
    if not tag:
        return
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)  # w:lang is the last rPr child we ever write here
    lang.set(qn("w:val"), tag)


def _core_properties(doc: DocxDocument, document: Document) -> None:
    meta = document.meta
    core = doc.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0)
    core.title = clean(meta.title or meta.short_title)[:255]
    core.subject = clean(meta.short_title)[:255]
    core.author = core.last_modified_by = "drafting"
    core.language = _language_tag(document)
    core.keywords = ", ".join(p for p in (meta.country, meta.number) if p)
    core.category = meta.doc_type
    core.comments = ""
    core.created = core.modified = now
    core.revision = 1


def _custom_properties(doc: DocxDocument, values: Mapping[str, str]) -> None:
    """docProps/custom.xml: name/value pairs a bill can be traced by (merged into a reference's own)."""
    package = doc.part.package
    existing = next((rel.target_part for rel in package.rels.values()
                     if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external), None)
    root = None
    if existing is not None:
        try:
            root = etree.fromstring(existing.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            root = None
    if root is None or root.tag != f"{{{CUSTOM_NS}}}Properties":
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    by_name = {el.get("name"): el for el in root}
    for name, value in values.items():
        name = clean(name).strip()
        if not name:
            continue
        old = by_name.get(name)
        if old is not None:
            root.remove(old)
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=FMTID, pid="0", name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = clean(value)
    for pid, prop in enumerate(root, start=2):  # pids are unique and start at 2
        prop.set("pid", str(pid))
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if existing is not None and isinstance(existing, Part) and hasattr(existing, "_blob"):
        existing._blob = blob
        return
    part = Part(PackURI("/docProps/custom.xml"), CUSTOM_CT, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
