"""Markdown (.md): front matter as metadata, body lines with the markup stripped and kept as hints.

Written for statutes scraped into Markdown (see ../shared/corpus): headings such as
`#### **Artículo 5-A. …**`, stray emphasis markers anywhere (`**1. **El agente`, `del** Código**`),
consolidation notes `** Artículo modificado por … *`, and HTML entities. Only line-level hints are
kept (style "h1"…"h6", "li", "blockquote", "md-note"; bold when the whole line is bold).
"""

from __future__ import annotations

import bisect
import html
import re
from types import MappingProxyType

from drafting.importers.text import clean, decode, normalize, numbered_lines
from drafting.parse.lines import Line, Source

_HEADING = re.compile(r"#{1,6}(?=\s|$)")
_BLOCKQUOTE = re.compile(r"(?:>\s?)+")
_RULE = re.compile(r"\s{0,3}([-*_])(?:\s*\1){2,}\s*")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Link text without brackets and a target without parentheses: each scan stops at the next bracket or
# parenthesis, so a line of a million "[" or "[](" is read in linear time.
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_STARS = re.compile(r"\*+")
# `__strong__`, found as two linear scans (see _strip_underscore_emphasis): the one-regex form
# (?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_]) rescans the rest of the line from every opener.
_UNDERSCORE_OPEN = re.compile(r"(?<![\w_])__(?=\S)")
_UNDERSCORE_CLOSE = re.compile(r"(?<=\S)(?=__(?![\w_]))")
_WHOLE_BOLD = re.compile(r"(?:\*\*|__)(?=\S)(.*?\S)(?:\*{2,3}|__)")
_NOTE = re.compile(r"\*\*\s.*\*")  # `** Artículo modificado por … *`: a star-prefixed italic note
_TABLE_ROW = re.compile(r"\|.*\|")
_TABLE_RULE = re.compile(r"\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?")
_KEY = re.compile(r"([A-Za-z_][\w.-]*)\s*:\s*(.*)")
_LEAD = re.compile(r"(\*\*|__)(?=\S)(.+?)\1")  # an opening bold run: `**Artículo 3°.**` …
# An emphasis boundary glued between punctuation and a word (`**Artículo 3°.***Objeto*`): the
# rendered text shows them apart, so a space goes where the markers were.
_GLUED = re.compile(r"(?<=[.:;,)\]°º])(?:\*+|_{2,})(?=[^\s*_.,;:)])")
_PLACEHOLDER = "\ue000"  # private-use char standing for an escaped character while markers go


def parse(data: bytes, path: str) -> Source:
    text, encoding = decode(data, path)
    raw_lines = list(numbered_lines(normalize(text)))
    metadata, body_start = _front_matter([line for _, line in raw_lines])
    metadata.setdefault("encoding", encoding)
    lines: list[Line] = []
    table: list[tuple[str, ...]] = []
    table_start = 0
    for number, raw in raw_lines[body_start:]:
        raw = raw.strip()
        if table and not _TABLE_ROW.fullmatch(raw):
            lines.append(Line("", table_start, table=tuple(table)))
            table = []
        if not raw or _RULE.fullmatch(raw):
            continue
        if _TABLE_ROW.fullmatch(raw):
            if not _TABLE_RULE.fullmatch(raw):
                if not table:
                    table_start = number
                table.append(tuple(_inline(cell)[0] for cell in _split_row(raw)))
            continue
        line = _line(raw, number)
        if line is not None:
            lines.append(line)
    if table:
        lines.append(Line("", table_start, table=tuple(table)))
    return Source(path, "md", tuple(lines), MappingProxyType(metadata))


def _line(raw: str, number: int) -> Line | None:
    style = "md-note" if _NOTE.fullmatch(raw) else ""
    body = raw
    heading = _HEADING.match(body)
    if heading:
        style = f"h{heading.end()}"
        body = _without_closing_hashes(body[heading.end():])
    elif (quote := _BLOCKQUOTE.match(body)) is not None:
        style, body = "blockquote", body[quote.end():]
    elif (marker := _list_marker(body)) is not None:
        style, body = "li", body[marker:]
    text, bold = _inline(body)
    if not text:
        return None
    lead = ""
    if (run := _LEAD.match(body.lstrip())) is not None:
        lead = _inline(run.group(2))[0]
        lead = lead if lead != text and text.startswith(lead) else ""
    return Line(text, number, bold=bold, style=style, lead=lead)


def _without_closing_hashes(body: str) -> str:
    """`## Title ##` → `Title`: the closing hashes go when a space (or nothing) comes before them.

    Plain string operations: the regex (?:^|\\s+)#+\\s*$ retried every position of a long run of spaces.
    """
    body = body.strip()
    bare = body.rstrip("#")
    if bare != body and (not bare or bare[-1].isspace()):
        return bare.strip()
    return body


def _list_marker(body: str) -> int | None:
    """Length of a bullet marker (`- `, `+ `, `* `). Numbered items keep their number: it is law."""
    return 2 if len(body) > 2 and body[0] in "-+*" and body[1] == " " else None


def _inline(body: str) -> tuple[str, bool]:
    """Text without Markdown/HTML markup, and whether the whole of it was bold."""
    body = html.unescape(body)
    escaped: list[str] = []
    if "\\" in body:
        def keep(match: re.Match[str]) -> str:
            escaped.append(match.group(1))
            return _PLACEHOLDER
        body = _ESCAPE.sub(keep, body)
    if "](" in body:
        body = _LINK.sub(r"\1", body)
    bold = _wholly_bold(body)
    if "*" in body or "__" in body:
        body = _GLUED.sub(" ", body)
    if "*" in body:
        body = _STARS.sub("", body)
    if "__" in body:
        body = _strip_underscore_emphasis(body)
    if escaped:
        parts = body.split(_PLACEHOLDER)
        body = parts[0] + "".join(e + p for e, p in zip(escaped, parts[1:]))
    return clean(body), bold  # clean again: entities can bring NBSP or soft hyphens


def _strip_underscore_emphasis(text: str) -> str:
    """`__a__` → `a`, pairing each opener with the nearest closer after it (as a lazy regex would),
    in O(n log n): every closer position is found once, and each opener looks its closer up by bisection."""
    closers = [m.start() for m in _UNDERSCORE_CLOSE.finditer(text)]
    pieces: list[str] = []
    done = 0
    for opener in _UNDERSCORE_OPEN.finditer(text):
        start = opener.start()
        if start < done:
            continue  # inside the pair just removed
        index = bisect.bisect_left(closers, start + 3)  # at least one character between the markers
        if index == len(closers):
            break  # no closer after this opener, so none after any later one either
        close = closers[index]
        pieces += [text[done:start], text[start + 2:close]]
        done = close + 2
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _wholly_bold(body: str) -> bool:
    """True when `**…**` wraps the whole line, allowing adjacent close/reopen (`Banca, ****Seguros`)."""
    match = _WHOLE_BOLD.fullmatch(body.strip())
    if not match:
        return False
    bold = True
    for part in re.split(r"(\*+)", match.group(1)):
        if part.startswith("*"):
            if (len(part) // 2) % 2:  # each `**` toggles bold; a lone `*` is italic
                bold = not bold
        elif not bold and part.strip():
            return False
    return bold


def _split_row(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """Flat `key: value` YAML front matter between `---` lines; returns (metadata, body start index)."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    metadata: dict[str, str] = {}
    for index in range(1, len(lines)):
        line = lines[index]
        if line.strip() in ("---", "..."):
            return metadata, index + 1
        match = _KEY.fullmatch(line.strip()) if line[:1] not in (" ", "\t", "-", "#") else None
        if match:
            metadata[match.group(1)] = _scalar(match.group(2).strip())
    return {}, 0  # never closed: the `---` was a thematic break, not front matter


def _scalar(value: str) -> str:
    """A YAML scalar in its simple forms: 'single' (with '' escapes), "double", or plain # comment."""
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner = value[1:-1]
        return inner.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
    comment = value.find(" #")
    return value[:comment].rstrip() if comment >= 0 else value
