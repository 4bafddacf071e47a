"""Every limit on untrusted input, in one place (the README's "Untrusted input and limits" lists them).

Files come from the internet and templates from other ministries: a number, a size or a depth
read from them is never trusted to be small. Each limit here is either enforced with a one-line
`InputError` (sizes, page counts) or by clamping the value and saying so in the import report
(list numbers: the text stays readable, the label shows where the clamp applied).
"""

from __future__ import annotations

MIB = 1024 * 1024
# "50 MB" everywhere (README, app, CLI) means 50 × 1024 × 1024 bytes, as Streamlit's maxUploadSize counts.
MAX_FILE_MB = 50
MAX_FILE_BYTES = MAX_FILE_MB * MIB
# Stored Akoma Ntoso is larger than the file it was imported from (markup, pretty-printing).
MAX_XML_BYTES = 4 * MAX_FILE_BYTES
# Word counts list items from 0 to 32767 (its "Set numbering value" accepts no more); a browser's
# list numbers are 32-bit but no statute needs more than Word's range. Larger starts are clamped.
MAX_LIST_NUMBER = 32_767
# Digits read from an attribute before it is taken as a number at all (int() of a long string is
# quadratic, and Python refuses more than 4,300 digits).
MAX_NUMBER_DIGITS = 12
# A PDF longer than this is refused before its pages are read (a 500-page statute imports in
# well under a minute; a criminal code with annexes stays below 2,000).
MAX_PDF_PAGES = 2_000


def size_text(size: int) -> str:
    """A byte count the way the limits are written: "52.4 MB" with MB = 1024 × 1024 bytes."""
    return f"{size / MIB:.1f} MB"


def limit_text(limit_bytes: int) -> str:
    """"50 MB (52,428,800 bytes)": the limit with the exact number of bytes, so nobody has to guess."""
    return f"{limit_bytes // MIB} MB ({limit_bytes:,} bytes)"


def parse_list_number(text: str | None) -> int | None:
    """An HTML list number (`<ol start>`, `<li value>`) as browsers read it, or None when it is not one.

    Leading spaces and a sign are allowed; anything longer than MAX_NUMBER_DIGITS digits is
    read as the clamp's bound rather than converted.
    """
    if text is None:
        return None
    text = text.strip()
    sign = -1 if text[:1] == "-" else 1
    digits = text.lstrip("+-")
    if not digits or len(text) - len(digits) > 1 or not digits.isascii() or not digits.isdigit():
        return None
    if len(digits) > MAX_NUMBER_DIGITS:
        return sign * (MAX_LIST_NUMBER + 1)  # beyond any bound: the caller clamps and warns
    return sign * int(digits)


def clamp_list_number(value: int, lowest: int = 0) -> tuple[int, bool]:
    """(value within lowest … MAX_LIST_NUMBER, whether it had to be clamped).

    Word counts from 0; an HTML list may count down through negative numbers (lowest=-MAX_LIST_NUMBER).
    """
    if value < lowest:
        return lowest, True
    if value > MAX_LIST_NUMBER:
        return MAX_LIST_NUMBER, True
    return value, False
