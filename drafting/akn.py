"""Akoma Ntoso 3.0 storage: write a Document as AKN XML and read it back.

Mapping (standard element names throughout):
- divisions, articles, paragraphs, points, lists → the AKN element of the same name, with
  `<num>`, `<heading>`, then `<content><p>` (leaf) or `<intro>` + children + `<wrapUp>`;
- our block kinds that AKN has no hierarchical element for are `<hcontainer name=…>`:
  text → name="text", note → name="note" (an editorial note on its parent), table → name="table",
  quoted structure → name="quotation" holding `<content><p><mod><quotedStructure>`;
- preamble: `<recitals>`, `<citations>`, `<formula>`; preface and conclusions: `<p>` with
  `<docTitle>`/`<docNumber>`/`<docDate>` where named; attachments: `<attachments><attachment>`;
- our own fields (profile, source, …) in `<proprietary>` under the drafting namespace;
- `<num>` holds the label as the source prints it ("Artículo 1°.-", "(a)"); the bare number is the
  `drafting:num` attribute beside it (AKN lets any element carry attributes of another namespace);
- a provision that defines a term wraps it in `<def refersTo="#…">` (with a TLCConcept);
  a quoted structure names what it inserts or replaces in `<mod><ref>`;
- notes keep their kind (editorial, debris, superseded) in `class`; a table of contents is `<toc>`.

Reading uses a hardened parser: no DTDs, no entities, no network. A document with a DOCTYPE is
refused outright, which stops external-entity and billion-laughs payloads before parsing; the
check reads the prolog in whatever encoding the file uses, and the parsed tree is checked again.
Text nodes longer than libxml2's 10 MB default (a statute with one enormous line) are read with
`huge_tree` — that flag lifts only libxml2's size and depth limits, so entities stay refused and
the depth limit is imposed again here.

Writing removes the characters XML 1.0 cannot hold at all (C0 controls but tab and line ends,
lone surrogates, U+FFFE/U+FFFF): `xml_safe` does it for one string, `forbidden_characters` finds
them, so the importer can say in its report what was removed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from lxml import etree

from drafting.errors import InputError
from drafting.model.document import LANGUAGE_CODES, Document, Meta, Node, map_nodes, slug
from drafting.model.eids import assign_eids

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DRAFTING_NS = "https://drafting.example.org/ns/akn-proprietary/1.0"
A = f"{{{NS}}}"
D = f"{{{DRAFTING_NS}}}"
NSMAP = {None: NS}

HIERARCHY = frozenset({
    "part", "book", "title", "chapter", "subchapter", "section", "subsection", "division", "subdivision", "article",
    "paragraph", "subparagraph", "point", "list", "hcontainer", "crossHeading",
})
HCONTAINER_KINDS = {"text": "text", "note": "note", "table": "table", "quotedStructure": "quotation"}
KIND_OF_HCONTAINER = {name: kind for kind, name in HCONTAINER_KINDS.items()}
META_FIELDS = ("profile", "source", "short_title", "title")
# AKN's statusType has no "repealed": a repealed provision kept in the text is "removed".
STATUS_TO_AKN = {"repealed": "removed"}
STATUS_FROM_AKN = {v: k for k, v in STATUS_TO_AKN.items()}
# What XML 1.0 cannot represent, not even as a character reference (&#27; is as invalid as ESC).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_DEPTH = 256  # libxml2's own default; kept when huge_tree lifts it for a long text node


def xml_safe(text: str) -> str:
    """The text without the characters XML 1.0 forbids (see XML_FORBIDDEN)."""
    return XML_FORBIDDEN.sub("", text) if XML_FORBIDDEN.search(text) else text


def forbidden_characters(text: str) -> list[str]:
    """The forbidden characters in `text`, in order (for the import report)."""
    return XML_FORBIDDEN.findall(text)


def _safe_document(doc: Document) -> Document:
    """The document with every forbidden character removed (the same object when it has none)."""
    def dirty(node: Node) -> bool:
        return any(XML_FORBIDDEN.search(value) for value in (node.num, node.heading, node.text, node.wrap_up, node.name))

    meta_dirty = any(XML_FORBIDDEN.search(str(value)) for value in
                     (*(getattr(doc.meta, f) for f in ("country", "number", "date", "language", *META_FIELDS)),
                      *(v for pair in doc.meta.extra for v in pair)))
    if not meta_dirty and not any(dirty(node) for node, _ in doc.walk()):
        return doc

    def clean(node: Node) -> Node:
        return replace(node, num=xml_safe(node.num), heading=xml_safe(node.heading), text=xml_safe(node.text),
                       wrap_up=xml_safe(node.wrap_up), name=xml_safe(node.name)) if dirty(node) else node

    meta = doc.meta
    if meta_dirty:
        fields = {f: xml_safe(getattr(meta, f)) for f in ("country", "number", "date", "language", *META_FIELDS)}
        meta = replace(meta, **fields, extra=tuple((xml_safe(k), xml_safe(v)) for k, v in meta.extra))
    return replace(doc, meta=meta, **{name: map_nodes(nodes, clean) for name, nodes in doc.parts()})


# ---------------------------------------------------------------- writing

def to_xml(doc: Document) -> bytes:
    """Serialise a document (eIds and GUIDs are assigned where missing; characters XML forbids are dropped)."""
    doc = assign_eids(_safe_document(doc), keep_existing=True)
    root = etree.Element(A + "akomaNtoso", nsmap=NSMAP)
    kind = "bill" if doc.meta.doc_type == "bill" else "act"
    top = etree.SubElement(root, A + kind, name=doc.meta.doc_type or kind)
    top.append(_meta(doc.meta, _concepts(doc)))
    if doc.preface:
        preface = etree.SubElement(top, A + "preface")
        for node in doc.preface:
            _block_p(preface, node)
    if doc.preamble:
        preamble = etree.SubElement(top, A + "preamble")
        for node in doc.preamble:
            _preamble_node(preamble, node)
    body = etree.SubElement(top, A + ("body"))
    for node in doc.body:
        _hier(body, node)
    if doc.conclusions:
        conclusions = etree.SubElement(top, A + "conclusions")
        for node in doc.conclusions:
            _block_p(conclusions, node)
    if doc.attachments:
        attachments = etree.SubElement(top, A + "attachments")
        for index, node in enumerate(doc.attachments, start=1):
            _attachment(attachments, node, doc.meta, index)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write(doc: Document, path: str | Path) -> None:
    """Write atomically: a temporary file in the same folder, renamed over the target."""
    data = to_xml(doc)
    write_bytes_atomic(Path(path), data)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """One file through the shared writer (drafting.outputs: temporary file, then renamed)."""
    from drafting.outputs import write_one

    write_one(path, data)


def _concepts(doc: Document) -> dict[str, str]:
    """Every defined term → the eId of its TLC concept."""
    found: dict[str, str] = {}
    for node, _ in doc.walk():
        if node.defines and node.defines not in found:
            found[node.defines] = concept_id(node.defines)
    return found


def concept_id(term: str) -> str:
    return "term-" + (slug(term).lower() or "unnamed")


def _meta(meta: Meta, concepts: dict[str, str] | None = None) -> etree._Element:
    el = etree.Element(A + "meta")
    _identification(el, meta, "main")
    refs = etree.SubElement(el, A + "references", source="#drafting")
    etree.SubElement(refs, A + "TLCOrganization", eId="drafting", href="/ontology/organization/drafting", showAs="drafting")
    seen: set[str] = set()
    for term, eid in (concepts or {}).items():
        if eid in seen:
            continue
        seen.add(eid)
        etree.SubElement(refs, A + "TLCConcept", eId=eid, href=f"/ontology/concept/{eid}", showAs=term)
    prop = etree.SubElement(el, A + "proprietary", source="#drafting")
    ours = etree.SubElement(prop, D + "drafting", nsmap={"drafting": DRAFTING_NS})
    fields = [("language", meta.language), ("date", meta.date)]
    fields += [(name, getattr(meta, name)) for name in META_FIELDS]
    for name, value in fields:
        # language and date are always written: they round-trip even when empty.
        if value or name in ("language", "date"):
            etree.SubElement(ours, D + "field", name=name).text = value
    for name, value in meta.extra:
        etree.SubElement(ours, D + "extra", name=name).text = value
    return el


def _identification(parent: etree._Element, meta: Meta, component: str) -> None:
    """FRBR work, expression and manifestation of the document or of one of its components."""
    ident = etree.SubElement(parent, A + "identification", source="#drafting")
    lang3 = meta.expression_uri.rsplit("/", 1)[1].split("@")[0]
    # xs:date has no year 0: an undated draft is stored as 0001-01-01 and read back as undated.
    date = meta.date or "0001-01-01"
    for level, this, uri in (
        ("FRBRWork", f"{meta.work_uri}/!{component}", meta.work_uri),
        ("FRBRExpression", f"{meta.expression_uri}/!{component}", meta.expression_uri),
        ("FRBRManifestation", f"{meta.expression_uri}/!{component}.xml", meta.manifestation_uri),
    ):
        frbr = etree.SubElement(ident, A + level)
        etree.SubElement(frbr, A + "FRBRthis", value=this)
        etree.SubElement(frbr, A + "FRBRuri", value=uri)
        if level == "FRBRWork" and meta.title:
            etree.SubElement(frbr, A + "FRBRalias", value=meta.title, name="title")
        etree.SubElement(frbr, A + "FRBRdate", date=date, name="Generation" if meta.date else "unknown")
        etree.SubElement(frbr, A + "FRBRauthor", href="#drafting")
        if level == "FRBRWork":
            etree.SubElement(frbr, A + "FRBRcountry", value=meta.country or "xx")
            if meta.number:
                etree.SubElement(frbr, A + "FRBRnumber", value=meta.number)
            if meta.title:
                etree.SubElement(frbr, A + "FRBRname", value=meta.title)
        if level == "FRBRExpression":
            etree.SubElement(frbr, A + "FRBRlanguage", language=lang3)


def _ids(el: etree._Element, node: Node) -> None:
    if node.eid:
        el.set("eId", node.eid)
    if node.guid:
        el.set("GUID", node.guid)
    if node.status:
        el.set("status", STATUS_TO_AKN.get(node.status, node.status))


def _p(parent: etree._Element, text: str, defines: str = "") -> etree._Element:
    p = etree.SubElement(parent, A + "p")
    at = text.find(defines) if defines else -1
    if at < 0:
        p.text = text
        return p
    p.text = text[:at]
    term = etree.SubElement(p, A + "def", refersTo="#" + concept_id(defines))
    term.text = defines
    term.tail = text[at + len(defines):]
    return p


def _num(el: etree._Element, node: Node) -> None:
    """<num> as printed; the bare number beside it when a label was printed."""
    if node.label:
        etree.SubElement(el, A + "num").text = node.label
        el.set(D + "num", node.num)
    elif node.num:
        etree.SubElement(el, A + "num").text = node.num


def _hier(parent: etree._Element, node: Node) -> None:
    if node.kind in HCONTAINER_KINDS:
        _hcontainer_block(parent, node)
        return
    if node.kind == "crossHeading":
        # AKN 3.0 allows <crossHeading> (inline text) inside a hierarchy only, never in <body>: there, a
        # heading over a group of sections is an empty hcontainer that carries it, beside the sections it heads
        if etree.QName(parent).localname in ("body", "mainBody"):
            el = etree.SubElement(parent, A + "hcontainer", name="crossHeading")
            _ids(el, node)
            etree.SubElement(el, A + "heading").text = node.heading or node.text
        else:
            el = etree.SubElement(parent, A + "crossHeading")
            _ids(el, node)
            el.text = node.heading or node.text
        return
    el = etree.SubElement(parent, A + node.kind)
    if node.kind == "hcontainer":
        el.set("name", node.name or "hcontainer")
    _ids(el, node)
    _num(el, node)
    if node.heading:
        etree.SubElement(el, A + "heading").text = node.heading
    if not node.children:
        content = etree.SubElement(el, A + "content")
        _p(content, node.text, node.defines)
        if node.wrap_up:
            # A leaf has no wrapUp in AKN; keep it as a second, classed paragraph.
            _p(content, node.wrap_up).set("class", "wrapUp")
        return
    if node.text:
        _p(etree.SubElement(el, A + "intro"), node.text, node.defines)
    for child in node.children:
        _hier(el, child)
    if node.wrap_up:
        _p(etree.SubElement(el, A + "wrapUp"), node.wrap_up)


def _hcontainer_block(parent: etree._Element, node: Node) -> None:
    el = etree.SubElement(parent, A + "hcontainer", name=HCONTAINER_KINDS[node.kind])
    if node.kind == "quotedStructure":
        # The wrapper is addressing only; the quotation itself carries the node's identity.
        el.set("eId", f"{node.eid}__wrap" if node.eid else "")
        content = etree.SubElement(el, A + "content")
        mod = etree.SubElement(etree.SubElement(content, A + "p"), A + "mod")
        if node.target:
            ref = etree.SubElement(mod, A + "ref", href="#" + (slug(node.target).lower() or "target"))
            ref.text = node.target
        qs = etree.SubElement(mod, A + "quotedStructure")
        _ids(qs, node)
        if node.name:
            qs.set("class", node.name)  # what it does to the law it amends: insert or replace
        if node.text:
            qs.set("startQuote", node.text)
        quoted = [child for child in node.children if child.kind in HCONTAINER_KINDS or child.kind in HIERARCHY]
        for child in quoted:
            _hier(qs, child)
        if not quoted:  # a quotation the source left empty still needs one element
            _hier(qs, Node(kind="text", text="", eid=f"{node.eid}__empty" if node.eid else ""))
        return
    _ids(el, node)
    if node.kind == "note" and node.name:
        el.set("class", node.name)
    _num(el, node)
    if node.heading:
        etree.SubElement(el, A + "heading").text = node.heading
    content = etree.SubElement(el, A + "content")
    if node.kind == "table":
        table = etree.SubElement(content, A + "table")
        for row in node.children:
            tr = etree.SubElement(table, A + "tr")
            for cell in row.children:
                _p(etree.SubElement(tr, A + "td"), cell.text)
        return
    _p(content, node.text)


def _preamble_node(parent: etree._Element, node: Node) -> None:
    if node.kind in ("recitals", "citations"):
        el = etree.SubElement(parent, A + node.kind)
        _ids(el, node)
        if node.heading:
            etree.SubElement(el, A + "heading").text = node.heading
        if node.text:
            _p(etree.SubElement(el, A + "intro"), node.text)
        for child in node.children:
            item = etree.SubElement(el, A + child.kind)
            _ids(item, child)
            _num(item, child)
            _p(item, child.text)
        return
    if node.kind == "formula":
        el = etree.SubElement(parent, A + "formula", name=node.name or "enactingFormula")
        _ids(el, node)
        _p(el, node.text)
        return
    _block_p(parent, node)


def _block_p(parent: etree._Element, node: Node) -> None:
    """A preface/preamble/conclusions paragraph; named ones wrap their text in the AKN inline."""
    if node.kind == "formula":
        _preamble_node(parent, node)
        return
    if node.kind == "toc":
        toc = etree.SubElement(parent, A + "toc")
        if node.name:
            toc.set("class", node.name)  # "arrangement": a bill's own; a statute's imported one has none
        _ids(toc, node)
        if node.heading:  # AKN's toc holds only items: its heading is the first, marked as such
            etree.SubElement(toc, A + "tocItem", {"href": "#", "level": "0", "class": "heading"}).text = node.heading
        for item in node.children:
            el = etree.SubElement(toc, A + "tocItem", href="#", level="1")
            if item.name:
                el.set("class", item.name)
            _ids(el, item)
            el.text = " ".join(p for p in (item.label, item.heading, item.text) if p) if item.label or item.heading else item.text
        return
    if node.kind == "hcontainer":  # a promulgating decree kept in the preamble
        container = etree.SubElement(parent, A + "container", name=node.name or "container")
        _ids(container, node)
        for child in node.children:
            _block_p(container, child)
        if not node.children:
            etree.SubElement(container, A + "p")
        return
    p = etree.SubElement(parent, A + "p")
    if node.eid:
        p.set("eId", node.eid)
    if node.kind == "note":
        p.set("class", f"note {node.name}".strip())
    if node.guid:
        p.set("GUID", node.guid)
    if node.name in ("docTitle", "docNumber", "docDate", "docType", "docAuthority", "signature", "role", "person", "location"):
        inline = etree.SubElement(p, A + node.name)
        inline.text = node.text
        if node.name == "docDate":
            inline.set("date", _iso_date(node.text))
        if node.name in ("role", "person", "location"):
            inline.set("refersTo", "#" + (slug(node.text).lower() or "unnamed"))
    else:
        p.text = node.text


def _iso_date(text: str) -> str:
    match = re.search(r"\d{4}-\d{2}-\d{2}", text)
    return match.group(0) if match else "0001-01-01"


def _attachment(parent: etree._Element, node: Node, meta: Meta, index: int) -> None:
    att = etree.SubElement(parent, A + "attachment")
    _ids(att, node)
    doc = etree.SubElement(att, A + "doc", name="schedule")
    _identification(etree.SubElement(doc, A + "meta"), meta, f"schedule_{index}")
    if node.num or node.heading:
        preface = etree.SubElement(doc, A + "preface")
        if node.num:
            etree.SubElement(etree.SubElement(preface, A + "p"), A + "docNumber").text = node.num
        if node.heading:
            etree.SubElement(etree.SubElement(preface, A + "p"), A + "docTitle").text = node.heading
    main = etree.SubElement(doc, A + "mainBody")
    if node.text:
        _hier(main, Node(kind="text", text=node.text, eid=f"{node.eid}__intro" if node.eid else ""))
    for child in node.children:
        _hier(main, child)


# ---------------------------------------------------------------- reading

def _parser(huge: bool = False) -> etree.XMLParser:
    """The hardened parser: entities never resolved, no DTD loaded, nothing fetched, no comments or PIs.

    `huge` lifts libxml2's limit of 10 MB per text node (and its depth limit, imposed again by
    `_check_depth`); it changes nothing about entities or DTDs.
    """
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=huge, remove_comments=True, remove_pis=True,
    )


_DTD_MARK = re.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_MARK_BYTES = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_WIDE = (  # (what the first bytes look like, codec): BOMs first, then UTF-16/32 without one
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"),
)


def _declares_dtd(data: bytes) -> bool:
    """Whether the file holds a DOCTYPE or ENTITY declaration anywhere, in UTF-8/16/32, with or
    without a BOM, behind comments of any length (a linear search over the whole file)."""
    if _DTD_MARK_BYTES.search(data):  # UTF-8, ASCII and every 8-bit encoding
        return True
    for mark, codec in _WIDE:
        if data.startswith(mark):
            return bool(_DTD_MARK.search(data.decode(codec, errors="replace")))
    return False


def parse_bytes(data: bytes, source: str) -> etree._Element:
    """Parse untrusted XML safely; any DOCTYPE (and so any entity) is refused."""
    if _declares_dtd(data):
        raise InputError("refusing XML with a DOCTYPE or entity declarations", source=source)
    try:
        root = _parse(data, huge=False)
    except etree.XMLSyntaxError as exc:
        if not _too_big_for_default(exc):
            line = exc.lineno if getattr(exc, "lineno", None) else None
            raise InputError(f"not well-formed XML ({exc.msg})", source=source, place=line) from None
        try:  # a text node over 10 MB (our own output for a statute with a huge line): lift that limit only
            root = _parse(data, huge=True)
        except etree.XMLSyntaxError as again:
            line = again.lineno if getattr(again, "lineno", None) else None
            raise InputError(f"not well-formed XML ({again.msg})", source=source, place=line) from None
        _check_depth(root, source)
    if root is None:
        raise InputError("empty XML document", source=source)
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        # the prolog check above should have caught it (an encoding it cannot read?): refuse all the same
        raise InputError("refusing XML with a DOCTYPE or entity declarations", source=source)
    return root


def _parse(data: bytes, huge: bool) -> etree._Element:
    return etree.fromstring(data, _parser(huge))


def _too_big_for_default(exc: etree.XMLSyntaxError) -> bool:
    message = (exc.msg or "").lower()
    return "huge" in message or "too long" in message or "text node" in message


def _check_depth(root: etree._Element, source: str) -> None:
    depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise InputError(f"elements nested more than {MAX_DEPTH} deep", source=source, place=el.sourceline)


def read(path: str | Path) -> Document:
    from drafting.limits import MAX_XML_BYTES, limit_text, size_text

    path = Path(path)
    try:
        size = path.stat().st_size if path.is_file() else 0
        if size > MAX_XML_BYTES:
            raise InputError(f"file too large ({size_text(size)}; the limit for Akoma Ntoso is {limit_text(MAX_XML_BYTES)})",
                             source=str(path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", source=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", source=str(path)) from None
    if not data.strip():
        raise InputError("empty file", source=str(path))
    return from_xml(data, source=str(path))


def is_ours(root: etree._Element) -> bool:
    """Written by this toolkit (AKN 3.0 with our proprietary metadata), not by another producer."""
    return root.tag == A + "akomaNtoso" and root.find(f"*/{A}meta/{A}proprietary/{D}drafting") is not None


def from_xml(data: bytes, source: str = "<xml>") -> Document:
    return from_root(parse_bytes(data, source), source)


def from_root(root: etree._Element, source: str = "<xml>") -> Document:
    if root.tag != A + "akomaNtoso":
        raise InputError(
            f"not an Akoma Ntoso document (root element is <{etree.QName(root).localname}>, "
            f"expected <akomaNtoso> in namespace {NS})", source=source, place=root.sourceline)
    top = next((el for el in root if isinstance(el.tag, str)), None)
    if top is None:
        raise InputError("Akoma Ntoso document has no act or bill", source=source)
    meta = _read_meta(top, source)
    doc = Document(
        meta=meta,
        preface=tuple(_read_block_p(p) for p in _children(top.find(A + "preface"))),
        preamble=tuple(_read_preamble(el) for el in _children(top.find(A + "preamble"))),
        body=tuple(_read_hier(el) for el in _children(top.find(A + "body") if top.find(A + "body") is not None else top.find(A + "mainBody"))),
        conclusions=tuple(_read_block_p(p) for p in _children(top.find(A + "conclusions"))),
        attachments=tuple(_read_attachment(el) for el in _children(top.find(A + "attachments"))),
    )
    return assign_eids(doc, keep_existing=True)


def _status(el: etree._Element) -> str:
    value = el.get("status", "")
    return STATUS_FROM_AKN.get(value, value)


def _children(el: etree._Element | None) -> list[etree._Element]:
    if el is None:
        return []
    return [child for child in el if isinstance(child.tag, str)]


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _text(el: etree._Element | None) -> str:
    return "".join(el.itertext()) if el is not None else ""


def _read_meta(top: etree._Element, source: str) -> Meta:
    meta_el = top.find(A + "meta")
    work = meta_el.find(f"{A}identification/{A}FRBRWork") if meta_el is not None else None
    expr = meta_el.find(f"{A}identification/{A}FRBRExpression") if meta_el is not None else None

    def value(parent: etree._Element | None, tag: str, attr: str = "value") -> str:
        el = parent.find(A + tag) if parent is not None else None
        return el.get(attr, "") if el is not None else ""

    fields: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    ours = meta_el.find(f"{A}proprietary/{D}drafting") if meta_el is not None else None
    if ours is not None:
        for el in ours:
            if el.tag == D + "field":
                fields[el.get("name", "")] = el.text or ""
            elif el.tag == D + "extra":
                extra.append((el.get("name", ""), el.text or ""))
    uri = value(work, "FRBRuri")
    parts = uri.strip("/").split("/")
    doc_type = parts[2] if len(parts) > 2 else _local(top)
    lang = fields.get("language", "")
    if "language" not in fields:  # not written by us: the FRBR language (an empty one is kept empty)
        lang3 = value(expr, "FRBRlanguage", "language")
        lang = {v: k for k, v in LANGUAGE_CODES.items()}.get(lang3, lang3)
    return Meta(
        country=value(work, "FRBRcountry"),
        doc_type=doc_type if doc_type in ("act", "bill", "code", "decree") else _local(top),
        number=value(work, "FRBRnumber"),
        date=fields.get("date", value(expr, "FRBRdate", "date")),
        language=lang,
        title=fields.get("title", value(work, "FRBRname")),
        short_title=fields.get("short_title", ""),
        profile=fields.get("profile", ""),
        source=fields.get("source", ""),
        extra=tuple(extra),
    )


def _num_heading(el: etree._Element) -> tuple[str, str, str]:
    """(num, label, heading): a `drafting:num` beside <num> means <num> is the printed label."""
    printed = _text(el.find(A + "num"))
    bare = el.get(D + "num")
    if bare is not None:
        return bare, printed, _text(el.find(A + "heading"))
    return printed, "", _text(el.find(A + "heading"))


def _cell(td: etree._Element) -> str:
    """A table cell's text: its paragraphs as written (pretty-printing indents the cell itself)."""
    paragraphs = td.findall(A + "p")
    return " ".join(_text(p) for p in paragraphs) if paragraphs else " ".join(_text(td).split())


def _defined(p: etree._Element | None) -> str:
    term = p.find(A + "def") if p is not None else None
    return _text(term) if term is not None else ""


def _read_hier(el: etree._Element) -> Node:
    tag = _local(el)
    eid, guid, status = el.get("eId", ""), el.get("GUID", ""), _status(el)
    num, label, heading = _num_heading(el)
    if tag == "hcontainer" and el.get("name") in KIND_OF_HCONTAINER:
        kind = KIND_OF_HCONTAINER[el.get("name", "")]
        content = el.find(A + "content")
        if kind == "quotedStructure":
            qs = content.find(f".//{A}quotedStructure") if content is not None else None
            if qs is None:
                return Node(kind="quotedStructure", eid=eid.removesuffix("__wrap"), line=el.sourceline or 0)
            ref = content.find(f".//{A}mod/{A}ref") if content is not None else None
            children = tuple(_read_hier(c) for c in _children(qs) if _local(c) in HIERARCHY
                             and not (c.get("eId", "").endswith("__empty") and not _text(c).strip()))
            return Node(kind="quotedStructure", text=qs.get("startQuote", ""), children=children,
                        eid=qs.get("eId", ""), guid=qs.get("GUID", ""), status=_status(qs), name=qs.get("class", ""),
                        target=_text(ref) if ref is not None else "", line=qs.sourceline or 0)
        if kind == "table":
            table = content.find(A + "table") if content is not None else None
            rows = tuple(
                Node(kind="row", children=tuple(Node(kind="cell", text=_cell(td)) for td in _children(tr)))
                for tr in _children(table)
            ) if table is not None else ()
            return Node(kind="table", num=num, label=label, heading=heading, children=rows, eid=eid, guid=guid, status=status)
        text = _text(content.find(A + "p")) if content is not None and content.find(A + "p") is not None else ""
        name = el.get("class", "") if kind == "note" else ""
        return Node(kind=kind, num=num, label=label, heading=heading, text=text, eid=eid, guid=guid, status=status,
                    name=name, line=el.sourceline or 0)
    if tag == "crossHeading" or (tag == "hcontainer" and el.get("name") == "crossHeading"):
        heading = heading or _text(el) if tag == "crossHeading" else heading
        return Node(kind="crossHeading", heading=heading, eid=eid, guid=guid, line=el.sourceline or 0)
    kind = tag if tag in HIERARCHY else "hcontainer"
    name = el.get("name", "") if kind == "hcontainer" else ""
    content = el.find(A + "content")
    if content is not None:
        paragraphs = content.findall(A + "p")
        text = _text(paragraphs[0]) if paragraphs else ""
        wrap = next((_text(p) for p in paragraphs[1:] if p.get("class") == "wrapUp"), "")
        return Node(kind=kind, num=num, label=label, heading=heading, text=text, wrap_up=wrap, eid=eid, guid=guid,
                    status=status, name=name, defines=_defined(paragraphs[0] if paragraphs else None),
                    line=el.sourceline or 0)
    children = tuple(_read_hier(c) for c in _children(el) if _local(c) in HIERARCHY)
    intro = el.find(f"{A}intro/{A}p")
    return Node(
        kind=kind, num=num, label=label, heading=heading, text=_text(intro),
        children=children, wrap_up=_text(el.find(f"{A}wrapUp/{A}p")), eid=eid, guid=guid,
        status=status, name=name, defines=_defined(intro), line=el.sourceline or 0,
    )


def _read_preamble(el: etree._Element) -> Node:
    tag = _local(el)
    if tag in ("recitals", "citations"):
        items = []
        for item in _children(el):
            if _local(item) in ("recital", "citation"):
                num, label, _ = _num_heading(item)
                items.append(Node(kind=_local(item), num=num, label=label,
                                  text=_text(item.find(A + "p")), eid=item.get("eId", ""), guid=item.get("GUID", "")))
        return Node(kind=tag, heading=_text(el.find(A + "heading")), text=_text(el.find(f"{A}intro/{A}p")),
                    children=tuple(items), eid=el.get("eId", ""), guid=el.get("GUID", ""))
    if tag == "formula":
        return Node(kind="formula", text=_text(el.find(A + "p")), name=el.get("name", ""),
                    eid=el.get("eId", ""), guid=el.get("GUID", ""))
    return _read_block_p(el)


def _read_block_p(p: etree._Element) -> Node:
    if _local(p) == "formula":
        return _read_preamble(p)
    if _local(p) == "toc":
        entries = list(_children(p))
        heading = _text(entries.pop(0)) if entries and entries[0].get("class") == "heading" else ""
        items = tuple(Node(kind="tocItem", text=_text(i), name=i.get("class", ""), eid=i.get("eId", ""),
                           guid=i.get("GUID", "")) for i in entries)
        return Node(kind="toc", heading=heading, name=p.get("class", ""), children=items, eid=p.get("eId", ""),
                    guid=p.get("GUID", ""))
    if _local(p) == "container":
        return Node(kind="hcontainer", name=p.get("name", ""), eid=p.get("eId", ""), guid=p.get("GUID", ""),
                    children=tuple(_read_block_p(c) for c in _children(p) if _text(c) or c.get("eId")))
    classes = (p.get("class") or "").split()
    if classes[:1] == ["note"]:
        return Node(kind="note", text=_text(p), name=" ".join(classes[1:]), eid=p.get("eId", ""), guid=p.get("GUID", ""))
    inline = next((c for c in p if isinstance(c.tag, str)), None)
    name = _local(inline) if inline is not None and not (p.text or "").strip() else ""
    # Pretty-printing indents a <p> that holds only an inline; read the inline's own text.
    text = _text(inline) if name else _text(p)
    return Node(kind="text", text=text, name=name, eid=p.get("eId", ""), guid=p.get("GUID", ""))


def _read_attachment(el: etree._Element) -> Node:
    doc = el.find(A + "doc")
    num = heading = ""
    children: list[Node] = []
    text = ""
    if doc is not None:
        num = _text(doc.find(f"{A}preface//{A}docNumber"))
        heading = _text(doc.find(f"{A}preface//{A}docTitle"))
        main = doc.find(A + "mainBody")
        for child in _children(main):
            node = _read_hier(child)
            if node.kind == "text" and node.eid.endswith("__intro") and not children and not text:
                text = node.text
                continue
            children.append(node)
    return Node(kind="attachment", num=num, heading=heading, text=text, children=tuple(children),
                eid=el.get("eId", ""), guid=el.get("GUID", ""), status=_status(el))
