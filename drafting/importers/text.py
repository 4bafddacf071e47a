"""Plain text (.txt): detect the encoding, split lines, clean them.

Also home of the helpers the other importers share: `decode` (bytes → str in the encoding a
drafter's file is likely to have), `normalize` (NFC, no invisible characters, on a whole text),
`clean` (one line's whitespace and Unicode form) and `numbered_lines`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from types import MappingProxyType
from typing import Iterable

from drafting.errors import InputError
from drafting.parse.lines import Line, Source

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters no text file holds (tab, LF, VT, FF, CR are allowed); C1 controls are what
# cp1252 leaves for its five undefined bytes, so they also point at binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x9f\ufffd]")
_SAMPLE = 65536  # chars inspected for the binary check; NUL bytes are looked for everywhere

# Invisible characters (soft hyphen, zero-width space/joiners, word joiner, a stray BOM) are
# removed: they would break matching of article headings. Every other kind of space (tab, NBSP,
# em space, form feed …) is whitespace to str.split(), which `clean` uses to collapse spaces.
_INVISIBLE = "\xad\u200b\u200c\u200d\u2060\ufeff"
_DELETE = dict.fromkeys(map(ord, _INVISIBLE))
# Whitespace other than " " and line ends (what makes a line need more than strip(" ")).
_ODD_SPACES = "\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + (
    "\u2028\u2029\u202f\u205f\u3000"
)


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode(data: bytes, path: str, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). BOM wins, then a declared charset, then strict UTF-8, then cp1252.

    Raises InputError for binary data (NUL bytes or many control characters).
    """
    encoding = bom_encoding(data)
    if encoding is None and b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError("binary data, not text (NUL bytes found)", source=path)
    text = None
    candidates = [encoding] if encoding else [declared, "utf-8"] if declared else ["utf-8"]
    for name in candidates:
        try:
            text = data.decode(name)
            encoding = name
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        encoding = "cp1252"
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined: read as Latin-1
            encoding, text = "latin-1", data.decode("latin-1")
    if encoding == "utf-8-sig" or text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError(f"binary data, not text (many control characters; read as {encoding})", source=path)
    return text, encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: text in Latin script has a NUL in every other byte."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if half >= 8 and odd > 0.4 * half and even == 0:
        return "utf-16-le"
    if half >= 8 and even > 0.4 * half and odd == 0:
        return "utf-16-be"
    return None


def normalize(text: str) -> str:
    """NFC, without invisible characters; done once on a whole text (each step is a fast C scan)."""
    if text.isascii():
        return text
    if _latin1(text):  # below U+0100 the soft hyphen is the only invisible character
        return text.replace("\xad", "") if "\xad" in text else text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if any(char in text for char in _INVISIBLE):
        text = text.translate(_DELETE)
    return text


def _latin1(text: str) -> bool:
    """All characters below U+0100 (so already NFC); encoding is a fast copy, or fails fast."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def has_odd_spaces(text: str) -> bool:
    """Any tab, NBSP, form feed or other space but " " (one fast scan per character kind)."""
    return any(char in text for char in _ODD_SPACES)


def clean(text: str) -> str:
    """One line of text as the structure parser wants it: NFC, single spaces, no edges."""
    return " ".join(normalize(text).split())


def numbered_lines(text: str) -> Iterable[tuple[int, str]]:
    """(line number, line) pairs; splits on \\r\\n, \\n and \\r only (not on \\f, U+2028 …).

    A stray \\r inside a file that otherwise ends lines with \\n (scraped text has them) breaks the
    line but keeps the number of the \\n-line it sits in, so numbers match grep, git and editors.
    """
    if "\r" not in text:
        return enumerate(text.split("\n"), 1)
    text = text.replace("\r\n", "\n")
    if "\n" not in text:  # old Mac line ends
        return enumerate(text.split("\r"), 1)
    return ((number, piece) for number, line in enumerate(text.split("\n"), 1) for piece in line.split("\r"))


def parse(data: bytes, path: str) -> Source:
    text, encoding = decode(data, path)
    text = normalize(text)
    # Without odd spaces (checked once for the whole text) a line needs at most strip(" ").
    plain = not has_odd_spaces(text)
    lines: list[Line] = []
    append = lines.append
    pending_break = False
    for number, raw in numbered_lines(text):
        if not raw:
            continue
        if plain:
            stripped = raw.strip(" ")
            if "  " in stripped:
                stripped = " ".join(stripped.split())
        else:
            if "\f" in raw:  # a page break (pdftotext writes one between pages): keep it as a hint
                pending_break = True
            stripped = " ".join(raw.split())  # str.split() counts tabs, NBSP, \f … as spaces
        if not stripped:
            continue
        if pending_break:
            append(Line(stripped, number, page_break=True))
            pending_break = False
        else:
            append(Line(stripped, number))
    return Source(path, "txt", tuple(lines), MappingProxyType({"encoding": encoding}))
