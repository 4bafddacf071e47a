"""HTML (.html/.htm): block elements become lines, inline markup becomes hints.

The text of a block is the concatenation of its inline pieces exactly as written, so a heading split
across tags (`<b>Artí</b>culo 5`) stays one word. A `<br>` inside a sentence is a soft wrap (joined
with a space); a `<br>` after end punctuation or before a capital starts a new line. Data tables
come through as `Line.table`; tables used for page layout are read as ordinary blocks.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from lxml import etree

from drafting.errors import InputError
from drafting.importers.text import bom_encoding, clean, decode
from drafting.limits import MAX_LIST_NUMBER, clamp_list_number, parse_list_number
from drafting.model.numbering import to_roman
from drafting.parse.lines import Line, Source

_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu ol p "
    "pre section summary table tbody thead tfoot tr td th ul".split()
)
_DROP = frozenset(
    "script style head noscript template iframe object embed svg canvas select button "
    "audio video map".split()
)
# Inline elements that Akoma Ntoso renderings (Indigo, laws.africa and the like) style as blocks: each
# <span class="akn-p">, intro or list item is a line of its own, as the reader sees it.
_BLOCK_CLASS = re.compile(r"(?:^|\s)akn-(?:p|intro|wrapUp|listIntroduction|listWrapUp|item|blockList|crossHeading)(?:$|\s)")
# A website's furniture and margin boxes: their lines are kept, marked with the region they came
# from, so the parser can keep them out of the law (navigation, footer) or read them as notes (aside).
# A collapsible box (<details>) on a legal site holds notes on the text (validity, case law, former wording).
_REGION_TAGS = {"nav": "nav", "header": "header", "footer": "footer", "aside": "aside", "details": "aside"}
_REGION_ROLES = {"navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside",
                 "search": "nav"}
# Class or id words that mark the same regions on sites that use plain <div>s and <p>s.
_CLASS_REGIONS = (
    # (not a "MarginalNote": the margin heading of a section, part of the law's text)
    (re.compile(r"(?:^|[\s_-])(?<!marginal[\s_-])(?:nota|notas|note|notes|footnotes?|annotations?|editor|editorial|comentarios?|remarks?|jurisprudencia|concordancias)(?:$|[\s_-])", re.I), "aside"),
    (re.compile(r"(?:^|[\s_-])(?:breadcrumbs?|menu|sidebar|share|social|cookies?|navbar|pagination|pager|tabs)(?:$|[\s_-])", re.I), "nav"),
    (re.compile(r"(?:^|[\s_-])(?:footer|copyright)(?:$|[\s_-])", re.I), "footer"),
    # Spanish-language sites: "cabecera"/"encabezado" (header), "pie" (footer), "indice" (a side index of articles)
    (re.compile(r"(?:^|[\s_-])(?:cabecera|encabezado)(?:$|[\s_-])", re.I), "header"),
    (re.compile(r"(?:^|[\s_-])(?:pie|piedepagina)(?:$|[\s_-])", re.I), "footer"),
    (re.compile(r"(?:^|[\s_-])(?:indice|índice)(?:$|[\s_-])", re.I), "nav"),
)
# Text only a screen reader reads ("Marginal note:" before each margin heading): not on the page as printed.
_SCREEN_READER_CLASS = re.compile(r"(?:^|\s)(?:wb-inv|wb-invisible|sr-only|visually-hidden|screen-reader-text|element-invisible)(?:$|\s)")
_INDENT_CLASS = re.compile(r"(?:^|[\s_-])indent-?(\d{1,2})\b")
_NUM_CLASS = re.compile(r"(?:^|[\s_-])(?:level-)?(?:sect(?:ion)?)?(?:num(?:ber)?|no)(?:$|[\s_-])", re.I)  # "akn-num", "CharSectno"
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")  # "breadcrumbNav", "LegP2No": one word per capital
_BOLD_TAGS = frozenset(("b", "strong"))
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I
)
_END_PUNCT = re.compile(r"[.;:!?…][\"'”’»)\]]*$")
_CENTER = re.compile(r"text-align\s*:\s*(\w+)", re.I)
_WEIGHT = re.compile(r"font-weight\s*:\s*(\w+)", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_NO_MARKER = re.compile(r"list-style(?:-type)?\s*:\s*none", re.I)
_MAX_DEPTH = 150  # deeper nesting (broken or hostile HTML) is read as plain inline text


def parse(data: bytes, path: str) -> Source:
    root, encoding = _parse_tree(data, path)
    metadata = _metadata(root)
    metadata["encoding"] = encoding
    builder = _Builder()
    body = root.find("body")
    builder.children(body if body is not None else root, False, 0)
    builder.end_block()
    return Source(path, "html", tuple(builder.lines), MappingProxyType(metadata), tuple(builder.notes))


def _parse_tree(data: bytes, path: str) -> tuple[etree._Element, str]:
    """Decode with the declared charset (BOM, then <meta>), then parse with a parser that fetches nothing."""
    declared = None
    if bom_encoding(data) is None:
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared = (match.group(1) or match.group(2)).decode("ascii").lower()
            if declared in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
                declared = "cp1252"  # what browsers do (WHATWG encoding standard)
    text, encoding = decode(data, path, declared)
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, default_doctype=False,
        collect_ids=False,
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"not readable as HTML ({exc})", source=path) from None
    fatal = [error for error in parser.error_log if error.level_name == "FATAL"]
    if fatal:  # libxml2 stops at a fatal error (nesting deeper than 256, say): the rest would be lost
        message = fatal[0].message.strip()
        if "depth" in message.lower():
            message = "elements nested more than 256 deep"
        raise InputError(f"not readable as HTML ({message})", source=path, place=fatal[0].line)
    if root is None:
        raise InputError("empty file (no text at all)", source=path)
    return root, encoding


def _metadata(root: etree._Element) -> dict[str, str]:
    metadata: dict[str, str] = {}
    title = root.find(".//title")
    if title is not None and clean("".join(title.itertext())):
        # the browser tab's title ("Decreto 9-2031 | Portal Legal"): a fallback, the text's own title comes first
        metadata["page_title"] = clean("".join(title.itertext()))
    if root.get("lang"):
        metadata["lang"] = root.get("lang", "")
    for meta in root.iter("meta"):
        name = (meta.get("name") or "").lower()
        if name in ("description", "author", "keywords") and meta.get("content"):
            metadata[name] = clean(meta.get("content", ""))
    return metadata


def _class_words(attrib, keys: tuple[str, ...] = ("class", "id")) -> str:  # attrib: the element's attributes
    """Its class (and id) words, camelCase split into words ("LegAnnotations" → "Leg Annotations")."""
    return _CAMEL.sub(" ", " ".join(attrib.get(k, "") for k in keys))


def _class_region(attrib) -> str:
    words = _class_words(attrib)
    return next((region for rx, region in _CLASS_REGIONS if words.strip() and rx.search(words)), "")


class _Builder:
    """One pass over the tree. Inline text is buffered per chunk (the text between two <br>), and
    the last chunk of a block is held back so that a soft <br> can join the chunk that follows."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.block: tuple[str, bool, bool, int] = ("body", False, False, 1)  # tag, centred, in <pre>, line
        self.texts: list[str] = []  # inline pieces of the current chunk
        self.all_bold = True  # every non-blank piece of the current chunk is bold
        self.chunk_line = 1
        self.chunk_soft = False  # the current chunk follows a <br> and may join the one before
        self.pending: list | None = None  # [text, bold, line] of the previous chunk, not yet emitted
        self.last_number = 0
        self.lists: list[list[int] | None] = []  # per open <ol>/<ul>: [next number, type] or None
        self.label = ""  # an <ol> item's number, waiting for the item's first text
        self.region = ""  # "nav", "header", "footer", "aside" inside such an element, else ""
        self.indent = 0  # the block's indentation level from its class ("text-indent-2")
        self.lead = ""  # the block's opening emphasised run (bold, or a number span)
        self.lead_open = True  # no text yet in this chunk: the next piece may be its lead
        self.notes: list[tuple[int, str]] = []  # list numbers that had to be clamped

    def children(self, el: etree._Element, bold: bool, depth: int) -> None:
        if el.text:
            self.add(el.text, bold)
        if depth >= _MAX_DEPTH:  # hostile nesting: the rest of this subtree is plain inline text
            for child in el:
                if isinstance(child.tag, str) and child.tag not in _DROP:
                    self.add("".join(child.itertext()), bold)
                if child.tail:
                    self.add(child.tail, bold)
            return
        for child in el:
            self.element(child, bold, depth + 1)
            if child.tail:
                self.add(child.tail, bold)

    def element(self, el: etree._Element, bold: bool, depth: int) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in _DROP:
            return
        attrib = el.attrib
        style = attrib.get("style")
        if "hidden" in attrib or (style and _HIDDEN.search(style)) or _SCREEN_READER_CLASS.search(attrib.get("class", "")):
            return
        if tag == "br":
            self.line_break(True, el.sourceline)
            return
        if tag in _BOLD_TAGS:
            bold = True
        if style and "weight" in style and (weight := _WEIGHT.search(style)):
            bold = weight.group(1).lower() in ("bold", "bolder", "600", "700", "800", "900")
        region = _REGION_TAGS.get(tag) or _REGION_ROLES.get(attrib.get("role", "").lower(), "") or _class_region(attrib)
        if region and not self.region:
            self.end_block()
            self.region = region
            try:
                self.element_body(el, tag, bold, depth)
            finally:
                self.end_block()
                self.region = ""
            return
        self.element_body(el, tag, bold, depth)

    def element_body(self, el: etree._Element, tag: str, bold: bool, depth: int) -> None:
        attrib = el.attrib
        style = attrib.get("style")
        if tag not in _BLOCK and not _BLOCK_CLASS.search(attrib.get("class", "")):
            number = bool(_NUM_CLASS.search(_class_words(attrib, ("class",))))
            if self.lead_open and (bold or number) and "".join(el.itertext()).strip():
                self.lead = clean("".join(el.itertext()))
            self.children(el, bold, depth)
            if number and self.texts and not self.texts[-1][-1:].isspace():
                self.add_piece(" ", bold)  # a number in a cell of its own: "Part 1" then "Offences", not "Part 1Offences"
            return
        self.end_block()
        if tag == "table" and _is_data_table(el):
            self._table(el)
            return
        outer = self.block
        centered = outer[1] or tag == "center"
        align = attrib.get("align")
        if align:
            centered = align.lower() == "center"
        if style and "align" in style and (css := _CENTER.search(style)):
            centered = css.group(1).lower() == "center"
        line = el.sourceline or outer[3]
        self.block = (tag, centered, outer[2] or tag == "pre", line)
        outer_indent = self.indent
        indent = _INDENT_CLASS.search(attrib.get("class", ""))
        if indent:
            self.indent = int(indent.group(1))
        self.chunk_line = line
        if tag in ("ol", "ul"):
            self.lists.append(_list_state(el, self.notes) if tag == "ol" else None)
        elif tag == "li" and self.lists and self.lists[-1] is not None:
            # the number goes before the item's first text, even when that sits in a <p> inside the <li>
            self.label = _li_label(el, self.lists[-1], self.notes)
        self.children(el, bold, depth)
        if tag == "li" and self.label:  # an item without text still shows its number
            label, self.label = self.label, ""
            self.add_piece(label, bold)
        self.end_block()
        if tag in ("ol", "ul"):
            self.lists.pop()
        self.block = outer
        self.indent = outer_indent
        self.chunk_line = line

    def add(self, text: str, bold: bool) -> None:
        if self.block[2] and "\n" in text:  # inside <pre> a line end is a line end
            first, *rest = text.split("\n")
            self.add_piece(first, bold)
            for part in rest:
                self.line_break(False, self.chunk_line + 1)
                self.add_piece(part, bold)
        else:
            self.add_piece(text, bold)

    def add_piece(self, text: str, bold: bool) -> None:
        if self.label and not text.isspace():
            text = f"{self.label} {text.lstrip()}"
            self.label = ""
        self.texts.append(text)
        if not text.isspace():
            self.lead_open = False
        if not bold and self.all_bold and not text.isspace():
            self.all_bold = False

    def line_break(self, soft: bool, line: int | None) -> None:
        self.end_chunk()
        self.chunk_soft = soft
        self.chunk_line = line or self.chunk_line

    def end_chunk(self) -> None:
        text = clean("".join(self.texts)) if self.texts else ""
        bold = self.all_bold
        lead = self.lead if text.startswith(self.lead) and self.lead != text else ""
        self.texts = []
        self.all_bold = True
        self.lead, self.lead_open = "", True
        pending = self.pending
        if not text:
            if self.chunk_soft:
                self.emit_pending()  # an empty chunk (<br><br>) ends the sentence before it
        elif self.chunk_soft and pending is not None and _soft_break(pending[0], text):
            pending[0] = f"{pending[0]} {text}"
            pending[1] = pending[1] and bold
        else:
            self.emit_pending()
            self.pending = [text, bold, self.chunk_line, lead]
        self.chunk_soft = False

    def end_block(self) -> None:
        self.end_chunk()
        self.emit_pending()

    def emit_pending(self) -> None:
        if self.pending is not None:
            text, bold, line, lead = self.pending
            self.pending = None
            tag, centered = self.block[0], self.block[1]
            self.lines.append(Line(text, self._number(line), bold=bold, centered=centered, style=tag,
                                   region=self.region, indent=self.indent, lead=lead))

    def _table(self, table: etree._Element) -> None:
        caption = table.find("caption")
        if caption is not None and _cell_text(caption):
            self.lines.append(Line(_cell_text(caption), self._number(caption.sourceline), style="caption", region=self.region))
        rows = []
        for tr in _rows(table):
            cells = tuple(_cell_text(cell) for cell in tr if cell.tag in ("td", "th"))
            if any(cells):
                rows.append(cells)
        if rows:
            self.lines.append(Line("", self._number(table.sourceline), style="table", table=tuple(rows), region=self.region))

    def _number(self, line: int | None) -> int:
        # The source line of the element, kept strictly increasing (minified HTML is all on line 1).
        self.last_number = max(line or 0, self.last_number + 1)
        return self.last_number


def _soft_break(before: str, after: str) -> bool:
    """A <br> inside a sentence: no end punctuation before it and a lower-case letter after it."""
    return not _END_PUNCT.search(before) and after[0].islower()


def _rows(table: etree._Element) -> list[etree._Element]:
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def _is_data_table(table: etree._Element) -> bool:
    """Layout tables (the whole page inside a cell, a table inside a table) are read as blocks."""
    if table.find(".//table") is not None:
        return False
    for cell in table.iter("td", "th"):
        if cell.find(".//h1") is not None or cell.find(".//h2") is not None or cell.find(".//h3") is not None:
            return False
        if sum(1 for _ in cell.iter("p", "div", "li")) > 8:
            return False
    return True


def _cell_text(cell: etree._Element) -> str:
    builder = _Builder()
    builder.children(cell, False, 0)
    builder.end_block()
    return " ".join(line.text for line in builder.lines if line.text)


def _list_state(ol: etree._Element, notes: list[tuple[int, str]]) -> list[int] | None:
    if _NO_MARKER.search(ol.get("style", "")):
        return None
    start = _list_number(ol, "start", notes)
    return [1 if start is None else start, ord((ol.get("type") or "1")[0])]


def _list_number(el: etree._Element, attribute: str, notes: list[tuple[int, str]]) -> int | None:
    """`start`/`value` as a browser reads it, kept within ±MAX_LIST_NUMBER (a warning says when not)."""
    number = parse_list_number(el.get(attribute))
    if number is None:
        return None
    bounded, clamped = clamp_list_number(number, -MAX_LIST_NUMBER)
    if clamped:
        shown = el.get(attribute, "").strip()
        shown = shown if len(shown) <= 20 else f"{shown[:12]}… ({len(shown)} characters)"
        notes.append((el.sourceline or 0, f"<{el.tag} {attribute}={shown}> is beyond the largest list number "
                                          f"({MAX_LIST_NUMBER}); numbered from {bounded}"))
    return bounded


def _li_label(li: etree._Element, state: list[int], notes: list[tuple[int, str]]) -> str:
    value = _list_number(li, "value", notes)
    if value is not None:
        state[0] = value
    number, kind = state[0], chr(state[1])
    state[0] += 1
    if _NO_MARKER.search(li.get("style", "")):
        return ""
    # As CSS counter styles: letters count from 1 and Roman numerals from 1 to 3999; outside their
    # range a browser prints the number in decimal.
    if kind in "aA" and number > 0:
        label = _letters(number)
        label = label.upper() if kind == "A" else label
    elif kind in "iI" and 0 < number < 4000:
        label = to_roman(number).lower()
        label = label.upper() if kind == "I" else label
    else:
        label = str(number)
    return f"{label}."


def _letters(number: int) -> str:
    """Browser style: a … z, aa, ab …"""
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(97 + rest) + out
    return out or "0"
