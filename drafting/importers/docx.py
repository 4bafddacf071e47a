"""Word (.docx): body paragraphs and tables in document order, with Word's auto-numbers as text.

The zip is checked before anything is decompressed (corrupt, zip bomb), and every XML part is
parsed with a parser that resolves no entities, loads no DTD and touches no network. The text is
what Word shows: runs joined, deleted revisions left out, auto-numbering rendered ("Artículo 3.-",
"a)") by `docx_numbering.Numbering`.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from io import BytesIO
from types import MappingProxyType

from lxml import etree

from drafting import progress
from drafting.errors import InputError
from drafting.importers.docx_numbering import Numbering
from drafting.importers.docx_styles import OFF, Styles, on
from drafting.importers.text import clean, has_odd_spaces, normalize
from drafting.limits import limit_text, size_text
from drafting.parse.lines import Line, Source

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100  # per member, checked for members above RATIO_FLOOR (tiny parts compress absurdly well)
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000

W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"  # Strict OOXML works too:
# the namespace is taken from the document's root element
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CORE = {
    "{http://purl.org/dc/elements/1.1/}title": "title",
    "{http://purl.org/dc/elements/1.1/}subject": "subject",
    "{http://purl.org/dc/elements/1.1/}creator": "creator",
    "{http://purl.org/dc/elements/1.1/}description": "description",
    "{http://purl.org/dc/elements/1.1/}language": "language",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords": "keywords",
}

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True,
    remove_pis=True,
)


def parse(data: bytes, path: str) -> Source:
    with _open_zip(data, path) as package:
        main = _main_part(package, path)
        document = _xml(package, main, path)
        ns = etree.QName(document).namespace or W_MAIN
        rels = _relationships(package, main, path)
        styles = Styles(_optional(package, rels.get("styles"), path), ns)
        numbering = Numbering(_optional(package, rels.get("numbering"), path), styles, ns)
        metadata = _core_properties(package, path)
    body = document.find(f"{{{ns}}}body")
    if body is None:
        raise InputError("not a valid DOCX (the document has no body)", source=path)
    lines = _Body(ns, styles, numbering).read(body)
    return Source(path, "docx", tuple(lines), MappingProxyType(metadata), tuple(numbering.notes))


# ---------------------------------------------------------------- the package (zip) and its parts


def _open_zip(data: bytes, path: str) -> zipfile.ZipFile:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError(
            "not a DOCX: an OLE file (a legacy .doc, or a password-protected DOCX) — save it as an "
            "unprotected .docx", source=path,
        )
    try:
        package = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise InputError("not a valid DOCX (corrupt or truncated)", source=path) from None
    members = package.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(f"refusing DOCX: looks like a zip bomb ({len(members)} members)", source=path)
    total = 0
    for info in members:
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError(
                f"refusing DOCX: looks like a zip bomb ({info.filename} expands {ratio}×)", source=path
            )
    if total > MAX_UNCOMPRESSED:
        raise InputError(
            f"refusing DOCX: looks like a zip bomb ({size_text(total)} uncompressed; "
            f"limit {limit_text(MAX_UNCOMPRESSED)})", source=path,
        )
    return package


def _read(package: zipfile.ZipFile, name: str, path: str) -> bytes:
    try:
        return package.read(name)
    except KeyError:
        raise InputError(f"not a valid DOCX (no {name})", source=path) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise InputError("not a valid DOCX (corrupt or truncated)", source=path, place=name) from None


def _xml(package: zipfile.ZipFile, name: str, path: str) -> etree._Element:
    data = _read(package, name, path)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not a valid DOCX (broken XML: {exc.msg})", source=path, place=name) from None
    if root.getroottree().docinfo.doctype:
        raise InputError("refusing DOCX: a part declares a DTD (entities are not allowed)", source=path, place=name)
    return root


def _optional(package: zipfile.ZipFile, name: str | None, path: str) -> etree._Element | None:
    if not name or name not in package.NameToInfo:
        return None
    return _xml(package, name, path)


def _main_part(package: zipfile.ZipFile, path: str) -> str:
    """The officeDocument target of _rels/.rels (usually word/document.xml)."""
    if "_rels/.rels" in package.NameToInfo:
        for rel in _xml(package, "_rels/.rels", path).iter(_REL):
            if rel.get("Type", "").endswith("/officeDocument"):
                target = rel.get("Target", "").lstrip("/")
                if target in package.NameToInfo:
                    return target
    if "word/document.xml" in package.NameToInfo:
        return "word/document.xml"
    raise InputError("not a valid DOCX (no word/document.xml)", source=path)


def _relationships(package: zipfile.ZipFile, main: str, path: str) -> dict[str, str]:
    """Short relationship type ("styles", "numbering") → part name, resolved against the main part."""
    folder, name = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    found = {"styles": posixpath.join(folder, "styles.xml"), "numbering": posixpath.join(folder, "numbering.xml")}
    if rels_name in package.NameToInfo:
        for rel in _xml(package, rels_name, path).iter(_REL):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if kind in found and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                found[kind] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target)
                )
    return found


def _core_properties(package: zipfile.ZipFile, path: str) -> dict[str, str]:
    if "docProps/core.xml" not in package.NameToInfo:
        return {}
    try:
        root = _xml(package, "docProps/core.xml", path)
    except InputError:
        return {}  # broken metadata is no reason to refuse the statute
    metadata = {}
    for child in root:
        key = _CORE.get(child.tag)
        if key and child.text and child.text.strip():
            metadata[key] = clean(child.text)
    return metadata


# ---------------------------------------------------------------- the body


class _Body:
    """Reads w:body: paragraphs and tables in order, page breaks carried to the next line.

    Written for speed as much as for clarity: the loops over runs are the whole cost of a large
    DOCX, so tags are compared against precomputed strings and the common case comes first.
    """

    def __init__(self, ns: str, styles: Styles, numbering: Numbering) -> None:
        w = f"{{{ns}}}"
        self.w = w
        self.styles = styles
        self.numbering = numbering
        self.P, self.TBL, self.R, self.T = w + "p", w + "tbl", w + "r", w + "t"
        self.PPR, self.RPR, self.TR, self.TC = w + "pPr", w + "rPr", w + "tr", w + "tc"
        self.VAL, self.BR, self.TYPE = w + "val", w + "br", w + "type"
        self.SPACES = frozenset((w + "tab", w + "ptab", w + "cr"))
        self.DRAWINGS = frozenset((w + "drawing", w + "pict", w + "object", _MC + "AlternateContent"))
        # containers whose children are read as if they were in the paragraph / body itself
        self.inline_containers = frozenset(w + t for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple",
                                                            "sdt", "sdtContent", "moveTo", "dir", "bdo"))
        self.block_containers = frozenset(w + t for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))
        self.TXBX = w + "txbxContent"
        self.PSTYLE, self.JC, self.NUMPR, self.NUMID, self.ILVL = (
            w + "pStyle", w + "jc", w + "numPr", w + "numId", w + "ilvl")
        self.B, self.RSTYLE, self.VANISH = w + "b", w + "rStyle", w + "vanish"
        self.default_style = styles.paragraph("")
        self.records: list[tuple] = []  # Line fields, text not yet normalised
        self.number = 0
        self.pending_break = False
        # set while reading a paragraph
        self.break_before = self.break_after = False
        self.text_boxes: list[etree._Element] = []

    def read(self, body: etree._Element) -> list[Line]:
        self._blocks(body, top=True)
        # Normalise all paragraph texts in one pass (NUL cannot occur in XML text), not one by one.
        joined = normalize("\x00".join(record[0] for record in self.records))
        plain = not has_odd_spaces(joined)  # then a text needs at most strip(" ") (much faster than split)
        lines = []
        for text, (_, number, bold, centered, style, page_break, table) in zip(joined.split("\x00"), self.records):
            if plain:
                text = text.strip(" ")
                if "  " in text:
                    text = " ".join(text.split())
            else:
                text = " ".join(text.split())
            if text or table:
                lines.append(Line(text, number, bold, centered, style, page_break, table))
        return lines

    def _blocks(self, parent: etree._Element, top: bool = False) -> None:
        P, TBL = self.P, self.TBL
        total = len(parent) if top else 0
        for index, child in enumerate(parent, 1):
            if top and index % 500 == 0:
                progress.report(index, total, "paragraphs")
            tag = child.tag
            if tag == P:
                self.number += 1
                text, bold, centered, style = self._read_paragraph(child)
                if text and not text.isspace():
                    page_break = self.pending_break or self.break_before
                    self.pending_break = False
                    self.records.append((text, self.number, bold, centered, style, page_break, None))
                elif self.break_before:
                    self.pending_break = True
                if self.text_boxes or self.break_after:
                    self._after_paragraph()
            elif tag == TBL:
                self.number += 1
                self._table(child)
            elif tag in self.block_containers:
                self._blocks(child)

    def _emit(self, text: str, bold: bool = False, centered: bool = False, style: str = "",
              table: tuple[tuple[str, ...], ...] | None = None) -> None:
        page_break = self.pending_break
        self.pending_break = False
        self.records.append((text, self.number, bold, centered, style, page_break, table))

    def _after_paragraph(self) -> None:
        break_after = self.break_after
        if self.text_boxes:  # text boxes anchored in a paragraph come right after it
            boxes, self.text_boxes = self.text_boxes, []
            for box in boxes:
                self._blocks(box)
        if break_after:
            self.pending_break = True

    def _table(self, tbl: etree._Element) -> None:
        rows = []
        for tr in tbl.iter(self.TR):
            if _owner_table(tr, self.TBL) is not tbl:
                continue  # a row of a nested table: its text goes into the enclosing cell
            cells = tuple(self._cell_text(tc) for tc in tr if tc.tag == self.TC)
            if any(cells):
                rows.append(cells)
        self.text_boxes = []  # cell text already holds any text box inside the table
        if rows:
            self._emit("", style="Table", table=tuple(rows))

    def _cell_text(self, tc: etree._Element) -> str:
        # every paragraph runs through the numbering counters, as Word counts them
        return clean(" ".join(self._read_paragraph(p)[0] for p in tc.iter(self.P)))

    def _read_paragraph(self, p: etree._Element) -> tuple[str, bool, bool, str]:
        """(text, bold, centred, style name); page breaks and text boxes are left on self."""
        self.break_before = self.break_after = False
        style = self.default_style
        num_id = ilvl = None
        centered = None
        pieces: list[str] = []
        bolds: list[bool] = []
        R, T, RPR, B, VAL, PPR = self.R, self.T, self.RPR, self.B, self.VAL, self.PPR
        style_bold = style.bold
        for child in p:
            tag = child.tag
            if tag == R:
                # Fast path for the usual run — text, maybe <w:rPr><w:b/></w:rPr> — else the full reader.
                bold = style_bold
                text = ""
                for item in child:
                    item_tag = item.tag
                    if item_tag == T:
                        text += item.text or ""
                    elif item_tag == RPR and len(item) == 1 and (flag := item[0]).tag == B:
                        value = flag.get(VAL)
                        bold = value is None or value.lower() not in OFF
                    elif item_tag != RPR or len(item):
                        self._run(child, pieces, bolds, style_bold)
                        break
                else:
                    if text:
                        pieces.append(text)
                        if not text.isspace():
                            bolds.append(bold)
            elif tag == PPR:
                style, num_id, ilvl, centered = self._paragraph_props(child)
                style_bold = style.bold
            elif tag in self.inline_containers or tag == _MC + "AlternateContent":
                self._inline(child, pieces, bolds, style_bold)
        label = self.numbering.label(num_id, ilvl, style) if num_id is not None or style.num_id else ""
        text = "".join(pieces)  # cleaned later, with all the others
        if label:
            text = label + text
        bold = bool(bolds) and all(bolds)
        return text, bold, style.centered if centered is None else centered, style.name

    def _paragraph_props(self, ppr: etree._Element):
        w, val = self.w, self.VAL
        style_id = ""
        num_id = ilvl = centered = None
        for prop in ppr:
            tag = prop.tag
            if tag == self.PSTYLE:
                style_id = prop.get(val, "")
            elif tag == self.JC:
                centered = prop.get(val) == "center"
            elif tag == self.NUMPR:
                for item in prop:
                    if item.tag == self.NUMID:
                        num_id = item.get(val)
                    elif item.tag == self.ILVL:
                        ilvl = item.get(val)
            elif tag == w + "pageBreakBefore" and on(prop, val):
                self.break_before = True
            elif tag == w + "sectPr":
                kind = prop.find(w + "type")
                if kind is None or kind.get(val) != "continuous":
                    self.break_after = True
        return self.styles.paragraph(style_id), num_id, ilvl, centered

    def _inline(self, parent: etree._Element, pieces: list[str], bolds: list[bool], style_bold: bool) -> None:
        for child in parent:
            tag = child.tag
            if tag == self.R:
                self._run(child, pieces, bolds, style_bold)
            elif tag in self.inline_containers:
                self._inline(child, pieces, bolds, style_bold)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")  # mc:Fallback repeats the same content
                if choice is not None:
                    self._inline(choice, pieces, bolds, style_bold)

    def _run(self, r: etree._Element, pieces: list[str], bolds: list[bool], style_bold: bool) -> None:
        bold = style_bold
        text = ""
        for child in r:
            tag = child.tag
            if tag == self.T:
                text += child.text or ""
            elif tag == self.RPR:
                if len(child) == 1 and child[0].tag == self.B:  # the usual <w:rPr><w:b/></w:rPr>
                    value = child[0].get(self.VAL)
                    bold = value is None or value.lower() not in OFF
                else:
                    bold, hidden = self._run_props(child, style_bold)
                    if hidden:
                        return
            elif tag in self.SPACES:
                text += " "
            elif tag == self.BR:
                if child.get(self.TYPE) == "page":
                    if pieces or text:
                        self.break_after = True
                    else:
                        self.break_before = True
                text += " "  # any break separates words
            elif tag == self.w + "noBreakHyphen":
                text += "-"
            elif tag == self.w + "sym":
                text += _symbol(child.get(self.w + "char", ""))
            elif tag in self.DRAWINGS:
                self.text_boxes.extend(_text_boxes(child, self.TXBX))
        if text:
            pieces.append(text)
            if not text.isspace():
                bolds.append(bold)

    def _run_props(self, rpr: etree._Element, style_bold: bool) -> tuple[bool, bool]:
        val = self.VAL
        bold = style_bold
        direct = None
        hidden = False
        for prop in rpr:
            tag = prop.tag
            if tag == self.B:
                direct = on(prop, val)
            elif tag == self.RSTYLE:
                char_bold = self.styles.character_bold(prop.get(val, ""))
                if char_bold is not None:
                    bold = char_bold
            elif tag == self.VANISH and on(prop, val):
                hidden = True
        return (bold if direct is None else direct), hidden


def _owner_table(el: etree._Element, tbl_tag: str) -> etree._Element | None:
    for ancestor in el.iterancestors(tbl_tag):
        return ancestor
    return None


def _text_boxes(el: etree._Element, txbx_tag: str) -> list[etree._Element]:
    """Text box contents inside a drawing, skipping mc:Fallback copies of the same box."""
    boxes = []
    for box in el.iter(txbx_tag):
        if not any(a.tag == _MC + "Fallback" for a in box.iterancestors()):
            boxes.append(box)
    return boxes


def _symbol(code: str) -> str:
    """w:sym: a character of a symbol font; Symbol/Wingdings codes sit in the F000 private area."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if value >= 0xF000:
        value -= 0xF000
    return chr(value) if 0x20 <= value < 0xD800 else ""
