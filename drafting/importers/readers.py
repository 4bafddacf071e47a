"""Format importers: a file in, `Source` (lines of text with light hints) out.

One module per format, chosen by extension from `_READERS`; each exposes
`parse(data: bytes, path: str) -> Source` and knows nothing of law. The checks every format
shares (file exists, not empty, not too large) live here so each module deals only with its format.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from drafting.errors import InputError
from drafting.limits import MAX_FILE_BYTES, limit_text, size_text
from drafting.parse.lines import Source

# extension → module in this package (imported lazily: pdfplumber is slow to import)
_READERS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
SUPPORTED = tuple(_READERS)
# Everything the toolkit can import; Akoma Ntoso .xml is read by drafting.akn, not here.
IMPORTABLE = SUPPORTED + (".xml",)
MAX_BYTES = MAX_FILE_BYTES  # 50 MB = 50 × 1024 × 1024 bytes, the app's upload limit too


def read_source(path: Path | str) -> Source:
    """Read a statute file into lines. Raises InputError (naming the file) for anything unreadable."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError("file not found", source=name)
    if path.is_dir():
        raise InputError("is a directory, not a file", source=name)
    _reader(path.suffix, name)  # unknown extension: say so before reading anything
    try:
        size = path.stat().st_size
        _check_size(size, name)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", source=name) from None
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> Source:
    """Read an in-memory file (an upload, say); `name` supplies the extension and the error label."""
    module = _reader(Path(name).suffix, name)
    _check_size(len(data), name)
    if len(data) < 4096 and not data.strip():  # a large file of blanks is caught after parsing
        raise InputError("empty file (no text at all)", source=name)
    source = module.parse(data, name)
    if not any(line.text or line.table for line in source.lines):
        raise InputError("empty file (no text at all)", source=name)
    return source


def _reader(suffix: str, name: str):  # -> module with parse(data, path)
    ext = suffix.lower()
    if ext not in _READERS:
        shown = f"'{ext}'" if ext else "(no extension)"
        if ext == ".xml":
            raise InputError("Akoma Ntoso '.xml' is read by drafting.akn, not by the format importers", source=name)
        raise InputError(f"unsupported file type {shown}; importable: {', '.join(IMPORTABLE)}", source=name)
    return importlib.import_module(f"{__package__}.{_READERS[ext]}")


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise InputError(f"file too large ({size_text(size)}, {size:,} bytes; the limit is {limit_text(MAX_BYTES)})",
                         source=name)
    if size == 0:
        raise InputError("empty file (no text at all)", source=name)
