"""The hand-off between importers and the structure parser: lines of text with light hints.

Importers know formats, not law: each returns a `Source` whose lines carry only what the
format showed (bold, centred, a style or tag name, a page break, a table). The structure
parser decides what the lines mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping, NamedTuple


class Line(NamedTuple):
    """One line of a source. A NamedTuple, not a frozen dataclass: importers make one per line of
    a 2,000-article statute, and a tuple is built several times faster."""

    text: str
    number: int  # 1-based position in the source (text line, DOCX paragraph, PDF output line)
    bold: bool = False  # the whole line (or its first run) is bold
    centered: bool = False
    style: str = ""  # DOCX style name, HTML tag ("h2", "p"), Markdown heading ("h4")
    page_break: bool = False  # a page break comes before this line
    table: tuple[tuple[str, ...], ...] | None = None  # rows of cell texts; `text` is then ""
    # Where on a page the line sits: "" for the main text; "nav", "header", "footer" for a
    # website's furniture; "aside" for a margin box of annotations next to the law.
    region: str = ""
    indent: int = 0  # indentation level the format shows (HTML class "text-indent-2", DOCX left indent), 0 = none
    lead: str = ""  # the line's opening emphasised run ("Artículo 3°." of `**Artículo 3°.***Heading.* …`), "" = none


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    format: str  # "txt", "md", "html", "docx", "pdf"
    lines: tuple[Line, ...]
    metadata: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # What the importer had to bound or remove (a clamped list number …): (line, message) pairs
    # that the import report shows as warnings.
    notes: tuple[tuple[int, str], ...] = ()
