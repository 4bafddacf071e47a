"""Read a DOCX's tracked changes and apply them: the text after accept-all or reject-all.

Our own check of a redline, independent of the writer: it reads any WordprocessingML body
(runs inside w:ins, w:del, w:moveFrom, w:moveTo, hyperlinks, content controls, …) and the
paragraph-mark revisions in w:pPr/w:rPr. Accepting drops deleted and moved-from text and
marks; rejecting drops inserted and moved-to ones. A dropped paragraph mark joins its
paragraph to the next, as in Word; the document's last mark always stays.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from drafting.errors import InputError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
REVISIONS = {f"{_W}ins": "ins", f"{_W}del": "del", f"{_W}moveFrom": "moveFrom", f"{_W}moveTo": "moveTo"}
GONE_ON_ACCEPT = frozenset({"del", "moveFrom"})
GONE_ON_REJECT = frozenset({"ins", "moveTo"})
# Inline containers whose runs are document text.
_CONTAINERS = frozenset(f"{_W}{t}" for t in ("hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml",
                                              "ins", "del", "moveFrom", "moveTo", "dir", "bdo"))
MAX_PART_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    kinds: frozenset[str]  # the revisions it lies in ("ins", "del", …); empty for plain text
    mark: bool = False  # a paragraph mark


def pieces(docx_bytes: bytes) -> list[Piece]:
    """The body as text pieces and paragraph marks, in document order."""
    body = _body(docx_bytes)
    out: list[Piece] = []
    for p in body.iter(f"{_W}p"):
        _inline(p, frozenset(), out)
        kinds = frozenset()
        r_pr = p.find(f"{_W}pPr/{_W}rPr")
        if r_pr is not None:
            kinds = frozenset(REVISIONS[c.tag] for c in r_pr if c.tag in REVISIONS)
        out.append(Piece("", kinds, mark=True))
    return out


def accept_all(docx_bytes: bytes) -> list[str]:
    """Paragraph texts with every tracked change accepted."""
    return _apply(pieces(docx_bytes), GONE_ON_ACCEPT)


def reject_all(docx_bytes: bytes) -> list[str]:
    """Paragraph texts with every tracked change rejected."""
    return _apply(pieces(docx_bytes), GONE_ON_REJECT)


def revision_ids(docx_bytes: bytes) -> list[tuple[str, str]]:
    """(element local name, w:id) of every revision and move-range marker, for uniqueness checks."""
    body = _body(docx_bytes)
    out = []
    for el in body.iter():
        if isinstance(el.tag, str) and el.get(f"{_W}id") is not None and el.tag.startswith(_W):
            out.append((etree.QName(el).localname, el.get(f"{_W}id")))
    return out


def _apply(items: list[Piece], gone: frozenset[str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    last_mark = max((k for k, piece in enumerate(items) if piece.mark), default=-1)
    for k, piece in enumerate(items):
        if piece.mark:
            if k == last_mark or not (piece.kinds & gone):
                paragraphs.append("".join(current))
                current = []
            continue
        if not (piece.kinds & gone):
            current.append(piece.text)
    if current:
        paragraphs.append("".join(current))
    # A body must hold one paragraph; a lone empty one is an empty document.
    return [] if paragraphs == [""] else paragraphs


def _inline(el: etree._Element, kinds: frozenset[str], out: list[Piece]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == f"{_W}r":
            text = _run_text(child)
            if text:
                out.append(Piece(text, kinds))
        elif tag in _CONTAINERS:
            _inline(child, kinds | {REVISIONS[tag]} if tag in REVISIONS else kinds, out)


def _run_text(run: etree._Element) -> str:
    parts = []
    for el in run:
        tag = el.tag
        if tag in (f"{_W}t", f"{_W}delText"):
            parts.append(el.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _body(docx_bytes: bytes) -> etree._Element:
    try:
        with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_PART_BYTES:
                raise InputError("word/document.xml is too large")
            data = archive.read(info)
    except (zipfile.BadZipFile, KeyError):
        raise InputError("not a DOCX file") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"word/document.xml is not well-formed ({exc.msg})") from None
    body = root.find(f"{_W}body")
    if body is None:
        raise InputError("word/document.xml has no body")
    return body
