"""A bill as a Word file that looks like a bill: our styles, literal labels, page numbers.

The layout decisions live in layout.py; this module renders its blocks with python-docx and
adds what python-docx has no API for (PAGE/NUMPAGES fields, line numbering, custom document
properties) with lxml on the package parts.
"""

from __future__ import annotations

import io
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
from drafting.export.docx_base import add_paragraph, add_runs, clean, insert_in_order, new_document, style_id
from drafting.export.docx_furniture import PAGE_OF, furnish
from drafting.export.language import language_tag
from drafting.export.layout import Block, direct_indent, layout
from drafting.model.document import Document
from drafting.parse.profiles import Profile

CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the fixed id Word uses for user-defined properties


def write_docx(document: Document, path: Path, profile: Profile, *, reference: Path | None = None,
               line_numbers: bool = False, properties: Mapping[str, str] | None = None, author: str = "") -> None:
    """Write the bill as DOCX, atomically: a failure leaves no partial file behind."""
    data = docx_bytes(document, profile, reference=reference, line_numbers=line_numbers, properties=properties,
                      author=author)
    write_bytes_atomic(Path(path), data)


def docx_bytes(document: Document, profile: Profile, *, reference: Path | None = None,
               line_numbers: bool = False, properties: Mapping[str, str] | None = None, author: str = "") -> bytes:
    """The bill as DOCX bytes (see write_docx); `author` is the file's creator ("drafting" when not given)."""
    doc = new_document(reference)
    _render(doc, layout(document, profile))
    meta = document.meta
    furnish(doc, title=meta.title or meta.short_title, header=meta.short_title or meta.title,
            page_of=str(profile.section("labels").get("page_of", PAGE_OF)), language=language_tag(meta),
            author=author, subject=meta.short_title, keywords=", ".join(p for p in (meta.country, meta.number) if p),
            category=meta.doc_type)
    if line_numbers:
        _line_numbers(doc)
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
        if block.term and block.term in text:  # a defined term: bold inside its quotation marks
            before, _, after = text.partition(block.term)
            paragraph = add_paragraph(doc, before, block.style, label=label, bold_label=block.bold_label,
                                      sep=block.sep)
            if label and not before:
                add_runs(paragraph, block.sep)
            add_runs(paragraph, block.term, bold=True)
            if after:
                add_runs(paragraph, after)
        else:
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
        if block.style == "Arrangement Entry" and block.run_in:  # a label too wide to hang: flush left
            fmt.left_indent, fmt.first_line_indent = Cm(0), Cm(0)
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
    indent = direct_indent(block)
    if indent is None:
        return
    left, first, tab = indent
    fmt.left_indent, fmt.first_line_indent = Cm(left), Cm(first)
    if tab is not None:
        fmt.tab_stops.add_tab_stop(Cm(tab))


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
        insert_in_order(sect_pr, element, _AFTER_LNNUM)
    # Header-like paragraphs (title, headings) are still counted, as in printed bills.


# --- properties ----------------------------------------------------------------------------------


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
