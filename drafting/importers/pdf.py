"""PDF (.pdf): text lines with positions from pdfplumber, cleaned and rejoined into paragraphs.

A PDF has no paragraphs, only positioned lines. This module removes what the page layout adds
(running headers and footers, page numbers), takes ruled tables out as tables, and then rejoins
hard-wrapped lines (see `pdf_layout.py`) so that a paragraph comes out as one line, as it would from
the DOCX the PDF was made from. Only text PDFs: a scan has no text layer and needs OCR first.
"""

from __future__ import annotations

import statistics
from io import BytesIO
from types import MappingProxyType

from drafting import progress
from drafting.errors import InputError
from drafting.importers.pdf_layout import PdfLine, drop_running_lines, join_paragraphs
from drafting.importers.text import clean
from drafting.limits import MAX_PDF_PAGES
from drafting.parse.lines import Source

_BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi")


def parse(data: bytes, path: str) -> Source:
    if b"%PDF-" not in data[:1024]:
        raise InputError("not a valid PDF (no %PDF header)", source=path)
    import pdfplumber  # slow to import; only PDF imports pay for it

    # Only pdfplumber runs inside the try: on a broken file pdfminer raises almost anything (its own
    # errors wrapped in PdfminerException, but also struct, zlib, key, type errors …), and none of it
    # should reach the user as a traceback.
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            info = pdf.metadata
            count = len(pdf.pages)
            if count > MAX_PDF_PAGES:
                raise InputError(f"the PDF has {count:,} pages; the limit is {MAX_PDF_PAGES:,} — split it and import "
                                 "the parts", source=path)
            raw_pages = []
            for number, page in enumerate(pdf.pages, 1):
                raw_pages.append(_raw_page(page))
                page.close()  # drop the page's parsed objects: memory stays flat however long the PDF
                progress.report(number, count, "pages")
    except (InputError, MemoryError):
        raise
    except Exception as exc:
        raise InputError(_pdf_problem(exc), source=path) from None
    metadata = _metadata(info, len(raw_pages))
    pages = [_page_lines(raw, index) for index, raw in enumerate(raw_pages)]
    if not any(line.text or line.table for page in pages for line in page):
        raise InputError(
            "no text layer found (scanned PDF?) — run OCR first, e.g. ocrmypdf, and import the result",
            source=path,
        )
    body = drop_running_lines(pages)
    lines = join_paragraphs(body)
    return Source(path, "pdf", tuple(lines), MappingProxyType(metadata))


def _pdf_problem(exc: BaseException) -> str:
    # pdfplumber wraps pdfminer's exception (often one without a message) in PdfminerException
    parts = [type(exc).__name__, str(exc)]
    parts += [type(arg).__name__ for arg in exc.args if isinstance(arg, BaseException)]
    if "password" in " ".join(parts).lower() or "encrypt" in " ".join(parts).lower():
        return "encrypted PDF (a password is needed to read it) — save an unprotected copy and import that"
    detail = str(exc).strip() or " ".join(parts[2:]) or type(exc).__name__
    return f"not a valid PDF (corrupt or truncated: {detail[:120]})"


def _raw_page(page) -> tuple[list[dict], list[tuple[tuple[float, float, float, float], list]]]:
    """What pdfplumber finds on a page: text lines (with their chars) and ruled tables."""
    chars = page.chars
    if len({(c["text"], round(c["x0"]), round(c["top"])) for c in chars}) < len(chars):
        # fake bold (the same glyph printed twice, slightly offset) would double the text; pdfplumber's
        # dedupe is slow, so only pages that have such twins pay for it
        page = page.dedupe_chars()
    tables = []
    if page.edges:  # only ruled tables are found, and only pages with rulings pay for the search
        found = [(table.bbox, table.extract()) for table in page.find_tables()]
        # a single ruled box (a frame around a paragraph) is not a table: its text stays text
        tables = [(bbox, cells) for bbox, cells in found if sum(1 for row in cells for cell in row if cell) > 1]
    if tables:
        boxes = [bbox for bbox, _ in tables]
        page = page.filter(lambda obj: not _inside(obj, boxes))
    return page.extract_text_lines(return_chars=True), tables


def _page_lines(raw_page, index: int) -> list[PdfLine]:
    """The page's lines top to bottom; a ruled table becomes one PdfLine, at its position."""
    raw_lines, raw_tables = raw_page
    lines = [line for line in map(_line, raw_lines, [index] * len(raw_lines)) if line.text]
    for (x0, top, x1, bottom), cells in raw_tables:
        rows = tuple(tuple(clean(cell or "") for cell in row) for row in cells if any(cell for cell in row))
        lines.append(PdfLine("", index, x0, x1, top, bottom, False, 0.0, 0.0, table=rows))
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    """An object belongs to a table when its centre lies in the table's box (edges may touch)."""
    if "x0" not in obj:
        return False
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _line(raw: dict, index: int) -> PdfLine:
    chars = [c for c in raw["chars"] if c["text"].strip()]
    bold = bool(chars) and all(any(m in c["fontname"].lower() for m in _BOLD_MARKERS) for c in chars)
    size = statistics.median(c["size"] for c in chars) if chars else 0.0
    return PdfLine(clean(raw["text"]), index, raw["x0"], raw["x1"], raw["top"], raw["bottom"], bold, size,
                   _first_word_width(chars, size))


def _first_word_width(chars: list[dict], size: float) -> float:
    """Width of the line's first word: what would have had to fit at the end of the line before."""
    if not chars:
        return 0.0
    end = chars[0]["x1"]
    for prev, char in zip(chars, chars[1:]):
        if char["x0"] - prev["x1"] > 0.15 * size:  # a space (spaces are often not glyphs in PDFs)
            break
        end = char["x1"]
    return end - chars[0]["x0"]


def _metadata(info: dict, pages: int) -> dict[str, str]:
    out = {"pages": str(pages)}
    for key, name in (("Title", "title"), ("Subject", "subject"), ("Author", "creator"), ("Keywords", "keywords")):
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-16") if value[:2] in (b"\xfe\xff", b"\xff\xfe") else value.decode("latin-1")
        if value is not None and not isinstance(value, str):
            value = str(value)
        if value and clean(value):
            out[name] = clean(value)
    return out
