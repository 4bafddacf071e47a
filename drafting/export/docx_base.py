"""The Word building blocks every DOCX exporter shares: our styles, a blank document, paragraphs.

Bills, reports and redlines all start from `new_document()` so they share one look, and all
write text through `add_paragraph()` so labels stay literal text (never Word auto-numbering:
a label is part of the law) and no newline ever lands inside a w:t.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from drafting.errors import DraftingError

FONT = "Times New Roman"  # LibreOffice substitutes a metric-compatible serif (Liberation/DejaVu Serif)
FONT_SIZE = 12
HANG_CM = 1.25  # the hanging step of Provision n: labels up to "(viii)" fit before the text column

# A house-style reference is untrusted input: refuse zip bombs before python-docx unpacks it.
MAX_REFERENCE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100

_CENTER, _JUSTIFY, _LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """How one of our paragraph styles looks (lengths in cm, sizes in pt; None = inherit)."""

    name: str
    base: str = "Normal"
    builtin: bool = False
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: Any = None
    left: float | None = None
    right: float | None = None
    first_line: float | None = None  # negative: a hanging indent
    tab: float | None = None  # a left tab stop, where text after a label starts
    before: float | None = None
    after: float | None = None
    keep_with_next: bool | None = None
    outline_level: int | None = None  # 1-based, as Word shows it; articles use 5


def _provision(level: int) -> StyleSpec:
    # Label at the previous level's text position, text one hanging step further in.
    hang = HANG_CM
    return StyleSpec(f"Provision {level}", base="Body Text", align=_JUSTIFY, left=level * hang,
                     first_line=-hang, tab=level * hang, after=6)


_SPECS = (
    StyleSpec("Title", builtin=True, size=14, bold=True, italic=False, align=_CENTER, before=0, after=12,
              keep_with_next=True),
    StyleSpec("Subtitle", builtin=True, size=12, bold=False, italic=False, align=_CENTER, before=0, after=18,
              keep_with_next=True),
    *(StyleSpec(f"Heading {n}", base="Heading 3" if n == 4 else "Normal", builtin=True,
                size=(14, 13, 12, 12)[n - 1], bold=True, italic=n == 4, align=_CENTER, before=12 if n > 1 else 18,
                after=6, keep_with_next=True, outline_level=n) for n in (1, 2, 3, 4)),
    StyleSpec("Preamble", base="Body Text", align=_JUSTIFY, after=6),
    StyleSpec("Article Heading", bold=True, align=_LEFT, before=12, after=6, keep_with_next=True, outline_level=5),
    StyleSpec("Body Text", builtin=True, align=_JUSTIFY, before=0, after=6),
    _provision(1),
    _provision(2),
    _provision(3),
    StyleSpec("Quoted Text", base="Body Text", align=_JUSTIFY, left=1.5, right=1.0, after=6),
    # A bill's Arrangement of Sections: a centred heading, division lines, entries aligned on a tab.
    StyleSpec("Arrangement Heading", bold=True, align=_CENTER, before=0, after=12, keep_with_next=True),
    StyleSpec("Arrangement Division", align=_CENTER, before=6, after=0, keep_with_next=True),
    StyleSpec("Arrangement Entry", align=_LEFT, left=HANG_CM, first_line=-HANG_CM, tab=HANG_CM, after=0),
    StyleSpec("Note", size=9, italic=True, align=_LEFT, after=6),
    StyleSpec("Signature", align=_CENTER, before=36, after=0, keep_with_next=False),
    StyleSpec("Closing", base="Body Text", align=_JUSTIFY, before=12, after=6),
)

# Our style names, in the order a reader meets them, with how each looks.
STYLES: Mapping[str, StyleSpec] = MappingProxyType({spec.name: spec for spec in _SPECS})
HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")
PROVISION_STYLES = ("Provision 1", "Provision 2", "Provision 3")


def heading_style(depth: int) -> str:
    """The heading style for a division at nesting `depth` (1 = outermost), capped at Heading 4."""
    return HEADING_STYLES[min(max(depth, 1), len(HEADING_STYLES)) - 1]


def provision_style(level: int) -> str:
    """The style for a paragraph/point `level` steps below its article, capped at Provision 3."""
    return PROVISION_STYLES[min(max(level, 1), len(PROVISION_STYLES)) - 1]


def new_document(reference: Path | None = None, *, justified: bool = True) -> DocxDocument:
    """A blank document in which every style of STYLES exists.

    Without `reference`: python-docx's default template restyled to look like a bill (serif,
    black headings, A4, 2.5 cm margins). With a house-style `reference.docx`: its body is
    cleared and its styles, page setup and fonts are kept; only styles it lacks are added.
    `justified=False` sets text flush left instead of justified: a redline or a report holds
    long unbreakable runs (quoted phrases, struck words) that justification would stretch.
    """
    specs = _SPECS if justified else tuple(
        replace(spec, align=_LEFT) if spec.align == _JUSTIFY else spec for spec in _SPECS)
    if reference is None:
        doc = docx.Document()
        _clear_body(doc)
        _house_look(doc)
        for spec in specs:
            _apply(_ensure(doc, spec), spec, set_font=True)
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.5))
        section.header_distance = section.footer_distance = Cm(1.25)
        return doc
    doc = _open_reference(Path(reference))
    _clear_body(doc)
    for spec in specs:
        try:
            doc.styles[spec.name]
        except KeyError:
            _apply(_ensure(doc, spec), spec, set_font=False)
    return doc


def add_paragraph(doc: Any, text: str, style: Any, label: str = "", bold_label: bool = False, *,
                  sep: str = "\t") -> Paragraph:
    """Append a paragraph in `style` (a name or a style object): `label`, `sep` (a tab), then `text`.

    `doc` is anything with `add_paragraph` (a Document, a table cell, a header). Newlines in
    `text` become w:br and tabs w:tab; characters XML cannot hold are dropped.
    """
    paragraph = new_paragraph(doc)
    sid = style_id(doc, style)  # python-docx's own style setter rescans every style each time
    if sid:
        p_pr = OxmlElement("w:pPr")
        etree.SubElement(p_pr, qn("w:pStyle")).set(qn("w:val"), sid)
        paragraph._p.insert(0, p_pr)
    label, text = clean(label), clean(text)
    if label:
        add_runs(paragraph, label, bold=True if bold_label else None)
        if text:
            add_runs(paragraph, sep)
    if text:
        add_runs(paragraph, text)
    return paragraph


def new_paragraph(container: Any) -> Paragraph:
    """An empty paragraph at the end of `container` (a Document, a table cell, a header).

    In a document's body it goes straight before the closing w:sectPr: python-docx's own
    add_paragraph looks for that sectPr among all the body's children on every call, which makes
    writing a long bill quadratic. The last child is found from the end, in constant time.
    """
    if isinstance(container, DocxDocument):
        body = container.element.body
        p = OxmlElement("w:p")
        try:
            last = body[-1]
        except IndexError:
            last = None
        if last is not None and last.tag == _SECT_PR:
            last.addprevious(p)
        else:
            body.append(p)
        return Paragraph(p, container._body)
    return container.add_paragraph()


_SECT_PR = qn("w:sectPr")


def style_id(container: Any, style: Any) -> str | None:
    """The XML id of a paragraph style given by name or object (None for the default style).

    Looked up once per document part: python-docx resolves names by scanning every style.
    """
    if not isinstance(style, str):
        return container.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
    part = container.part
    cache: dict[str, str | None] = part.__dict__.setdefault("_drafting_style_ids", {})
    if style not in cache:
        cache[style] = part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
    return cache[style]


def add_runs(paragraph: Paragraph, text: str, *, bold: bool | None = None, italic: bool | None = None) -> Run:
    """Append `text` as one run, turning "\\n" into w:br and "\\t" into w:tab; returns the run.

    Built with lxml directly: python-docx's per-child schema checks dominate a long bill's time.
    """
    r = OxmlElement("w:r")
    if bold is not None or italic is not None:
        r_pr = etree.SubElement(r, qn("w:rPr"))
        for flag, tag in ((bold, "w:b"), (italic, "w:i")):
            if flag is not None:
                element = etree.SubElement(r_pr, qn(tag))
                if not flag:
                    element.set(qn("w:val"), "0")
    for i, line in enumerate(clean(text).split("\n")):
        if i:
            etree.SubElement(r, _BR)
        for j, piece in enumerate(line.split("\t")):
            if j:
                etree.SubElement(r, _TAB)
            if piece:
                t = etree.SubElement(r, _T)
                t.text = piece
                if piece != piece.strip():
                    t.set(_SPACE, "preserve")
    paragraph._p.append(r)
    return Run(r, paragraph)


_BR, _TAB, _T, _SPACE = qn("w:br"), qn("w:tab"), qn("w:t"), qn("xml:space")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text safe for a w:t: line endings unified, XML-forbidden characters dropped."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# --- internals -------------------------------------------------------------------------------


def _open_reference(path: Path) -> DocxDocument:
    if not path.is_file():
        raise DraftingError("reference document not found", source=str(path))
    if path.stat().st_size > MAX_REFERENCE_BYTES:
        raise DraftingError(f"reference document is larger than {MAX_REFERENCE_BYTES // 2**20} MB", source=str(path))
    try:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            unpacked = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos) or 1
            if "word/document.xml" not in {info.filename for info in infos}:
                raise DraftingError("not a DOCX file (no word/document.xml)", source=str(path))
            if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_ZIP_RATIO:
                raise DraftingError("refusing a DOCX that unpacks too large (zip bomb?)", source=str(path))
            types = archive.read("[Content_Types].xml")
        if _TEMPLATE_CT in types:  # a .dotx house template: python-docx opens only documents
            data = _with_content_types(data, types.replace(_TEMPLATE_CT, _DOCUMENT_CT))
        return docx.Document(io.BytesIO(data))
    except DraftingError:
        raise
    except (zipfile.BadZipFile, OSError):
        raise DraftingError("not a DOCX file (not a zip archive)", source=str(path)) from None
    except Exception as exc:  # python-docx raises ValueError, KeyError, XMLSyntaxError, PackageNotFoundError …
        raise DraftingError(f"not a usable DOCX file ({type(exc).__name__}: {exc})", source=str(path)) from None


_TEMPLATE_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_CT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _with_content_types(data: bytes, types: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, types if info.filename == "[Content_Types].xml" else source.read(info))
    return out.getvalue()


def _clear_body(doc: DocxDocument) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # the last sectPr holds the page setup: keep it
            body.remove(child)


def _house_look(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    _set_font(normal, FONT)
    normal.font.size = Pt(FONT_SIZE)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _ensure(doc: DocxDocument, spec: StyleSpec) -> Any:
    """The style named by `spec`, created if missing (python-docx raises KeyError for latent ones)."""
    styles = doc.styles
    try:
        return styles[spec.name]
    except KeyError:
        pass
    style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH, builtin=spec.builtin)
    for base in (spec.base, "Normal"):
        try:
            style.base_style = styles[base]
            break
        except KeyError:
            continue
    style.hidden = False
    style.unhide_when_used = False
    style.quick_style = True
    return style


def _apply(style: Any, spec: StyleSpec, *, set_font: bool) -> None:
    font, fmt = style.font, style.paragraph_format
    if set_font:
        _set_font(style, FONT)
        font.color.rgb = RGBColor(0, 0, 0)  # the default headings are blue; a bill is black
        if spec.size is None and spec.name != "Normal":
            font.size = None
    if spec.size is not None:
        font.size = Pt(spec.size)
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.italic is not None:
        font.italic = spec.italic
    if spec.align is not None:
        fmt.alignment = spec.align
    for attr, value in (("left_indent", spec.left), ("right_indent", spec.right), ("first_line_indent", spec.first_line)):
        if value is not None:
            setattr(fmt, attr, Cm(value))
    if spec.before is not None:
        fmt.space_before = Pt(spec.before)
    if spec.after is not None:
        fmt.space_after = Pt(spec.after)
    if spec.keep_with_next is not None:
        fmt.keep_with_next = spec.keep_with_next
    if spec.tab is not None:
        fmt.tab_stops.add_tab_stop(Cm(spec.tab))
    if set_font:  # the default Title/Subtitle letter-space and kern their text
        r_pr = style.element.get_or_add_rPr()
        for tag in ("w:spacing", "w:kern", "w:w"):
            for element in r_pr.findall(qn(tag)):
                r_pr.remove(element)
    p_pr = style.element.get_or_add_pPr()
    for border in p_pr.findall(qn("w:pBdr")):  # the default Title has a rule under it
        p_pr.remove(border)
    if spec.outline_level is not None:
        _set_outline_level(p_pr, spec.outline_level)


def _set_font(style: Any, name: str) -> None:
    # Theme attributes (asciiTheme …) win over explicit names, so drop them.
    r_pr = style.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


# CT_PPr children in schema order: outlineLvl must come before these or Word calls the file corrupt.
_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def insert_in_order(parent: Any, element: Any, successors: tuple[str, ...]) -> None:
    """Put `element` into `parent` before the first of `successors` present (its later siblings in the
    schema's order), else at the end: Word calls a file corrupt when children are out of order."""
    for tag in successors:
        successor = parent.find(qn(tag))
        if successor is not None:
            successor.addprevious(element)
            return
    parent.append(element)


def _set_outline_level(p_pr: Any, level: int) -> None:
    for old in p_pr.findall(qn("w:outlineLvl")):
        p_pr.remove(old)
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level - 1))
    insert_in_order(p_pr, element, _AFTER_OUTLINE)
