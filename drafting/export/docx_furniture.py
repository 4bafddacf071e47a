"""What every DOCX we write carries besides its text: page furniture and document properties.

Bills, amending bills, redlines and review memos all go through `furnish()`: a header with the
document's short name, a footer "Page X of Y" (PAGE and NUMPAGES fields, in the house's wording),
the proofing language on the document defaults, and core properties that say who made the file
and when (now, in UTC — python-docx's template would otherwise date every file 2013 and sign it
"python-docx"). `track_revisions()` turns on Word's Track Changes for a redline, so a reviewer's
own edits are tracked too.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from drafting.export.docx_base import add_runs, clean, insert_in_order

PAGE_OF = "Page {page} of {pages}"
AUTHOR = "drafting"


def furnish(doc: DocxDocument, *, title: str, header: str = "", page_of: str = PAGE_OF, language: str = "",
            author: str = "", subject: str = "", keywords: str = "", category: str = "", comments: str = "") -> None:
    """Header, page-numbered footer, proofing language and core properties, in one call."""
    set_language(doc, language)
    header_footer(doc, header=header, page_of=page_of)
    core_properties(doc, title=title, author=author, language=language, subject=subject, keywords=keywords,
                    category=category, comments=comments)


# --- header and footer ---------------------------------------------------------------------------


def header_footer(doc: DocxDocument, *, header: str, page_of: str = PAGE_OF) -> None:
    """`header` right-aligned on every page; the footer "Page X of Y" centred (fields Word and LibreOffice update)."""
    section = doc.sections[0]
    if header.strip():
        paragraph = _furniture_paragraph(section.header)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _small(add_runs(paragraph, _shortened(" ".join(header.split()))))
    paragraph = _furniture_paragraph(section.footer)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in re.split(r"(\{page\}|\{pages\})", page_of or PAGE_OF):
        if piece == "{page}":
            _field(paragraph, "PAGE")
        elif piece == "{pages}":
            _field(paragraph, "NUMPAGES")
        elif piece:
            _small(add_runs(paragraph, piece))


def _shortened(text: str, limit: int = 90) -> str:
    """A running header fits one line: a long title is cut at a word, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


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


# --- language ------------------------------------------------------------------------------------


def set_language(doc: DocxDocument, tag: str) -> None:
    """Proofing language on the document defaults (styles.xml), so Word spell-checks in the text's language."""
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
    set_run_language(r_pr, tag)


# rPr children that come after w:lang in the schema.
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_run_language(r_pr: Any, tag: str) -> None:
    """`w:lang w:val=tag` inside a run-properties element, in schema order."""
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        insert_in_order(r_pr, lang, _AFTER_LANG)
    lang.set(qn("w:val"), tag)


# --- properties ----------------------------------------------------------------------------------


def core_properties(doc: DocxDocument, *, title: str, author: str = "", language: str = "", subject: str = "",
                    keywords: str = "", category: str = "", comments: str = "") -> None:
    """docProps/core.xml: made by `author` (or "drafting"), created and modified now (UTC), titled."""
    core = doc.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0)
    core.title = _property(title)
    core.subject = _property(subject)
    core.author = core.last_modified_by = _property(author) or AUTHOR
    core.language = _property(language)
    core.keywords = _property(keywords)
    core.category = _property(category)
    core.comments = _property(comments)
    core.created = core.modified = now
    core.revision = 1
    _package_properties(doc)


_APP_XML = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            b"<Application>drafting</Application><DocSecurity>0</DocSecurity></Properties>")


def _package_properties(doc: DocxDocument) -> None:
    """No trace of python-docx's template: its thumbnail goes, and docProps/app.xml names this
    program instead of "Microsoft Macintosh Word" (a house reference keeps its own)."""
    rels = doc.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.is_external:
            continue
        if rel.reltype == RT.THUMBNAIL:
            del rels[r_id]
            rels.related_parts.pop(r_id, None)
        elif rel.reltype == RT.EXTENDED_PROPERTIES and b"Microsoft Macintosh Word" in (rel.target_part.blob or b""):
            rel.target_part._blob = _APP_XML


def _property(value: str) -> str:
    return clean(" ".join(value.split()))[:255]


def track_revisions(doc: DocxDocument) -> None:
    """Turn on Track Changes (`w:trackRevisions` in settings.xml): edits made on the file are tracked."""
    settings = doc.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    settings.insert_element_before(OxmlElement("w:trackRevisions"), *_AFTER_TRACK_REVISIONS)


# CT_Settings children after w:trackRevisions, in schema order (ECMA-376 §17.15.1.78): it must sit
# before the first of them that is present, or Word calls the file corrupt.
_AFTER_TRACK_REVISIONS = (
    "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection", "w:autoFormatOverride",
    "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation", "w:consecutiveHyphenLimit",
    "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength", "w:clickAndTypeStyle",
    "w:defaultTableStyle", "w:evenAndOddHeaders", "w:bookFoldRevPrinting", "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin", "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData", "w:noPunctuationKerning", "w:characterSpacingControl", "w:printTwoOnOne",
    "w:strictFirstAndLastChars", "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent", "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt",
    "w:showXMLTags", "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr",
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)
