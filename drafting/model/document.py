"""The document model every step speaks: an immutable tree of provisions.

A `Document` is meta + preface + preamble + body + conclusions + attachments; each part is a
tuple of `Node`s. Nodes never change after they are built: steps that transform a tree return
a new one (`dataclasses.replace`), so any step can be tested on its own and results can be
cached safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Iterator

# Kinds are the Akoma Ntoso element names (a few of ours map onto hcontainer, see akn.py).
DIVISION_KINDS = ("part", "book", "title", "chapter", "subchapter", "section", "subsection", "division", "subdivision")
PROVISION_KINDS = ("article", "paragraph", "subparagraph", "point", "list")
PREAMBLE_KINDS = ("recitals", "recital", "citations", "citation", "formula")
BLOCK_KINDS = ("crossHeading", "quotedStructure", "note", "text", "hcontainer", "table", "row", "cell", "attachment",
               "toc", "tocItem")
KINDS = frozenset(DIVISION_KINDS + PROVISION_KINDS + PREAMBLE_KINDS + BLOCK_KINDS)

REPEALED = "repealed"

# What a note is (`Node.name` of a `note`). None of them is law: writers never print a note as the
# law's text. An editorial note annotates a provision ("Artículo modificado por …"); debris is what a
# website or mirror added around the law (navigation, "TEXTO CORRESPONDIENTE A []"); a superseded
# note keeps the former wording of a provision the source prints beside the current one.
EDITORIAL, DEBRIS, SUPERSEDED = "editorial", "debris", "superseded"
NOTE_NAMES = ("", EDITORIAL, DEBRIS, SUPERSEDED)

# ISO 639-1 → ISO 639-2/B, as FRBR expression URIs want three letters.
LANGUAGE_CODES = {"es": "spa", "en": "eng", "fr": "fra", "pt": "por"}

# The model law is not any country's law: it is stored under a user-assigned ISO 3166 code.
MODEL_LAW_COUNTRY = "xm"


@dataclass(frozen=True, slots=True)
class Node:
    kind: str
    num: str = ""  # the number, undecorated: "24", "20 bis", "5-A", "I", "a", "PRIMERA", "final primera"
    heading: str = ""
    text: str = ""  # the node's own text (its intro when it has children)
    children: tuple["Node", ...] = ()
    wrap_up: str = ""  # text after the children ("… y será sancionado con …")
    eid: str = ""
    guid: str = ""  # stable across versions, so diffs can follow a provision that moved
    status: str = ""  # "" or REPEALED
    name: str = ""  # hcontainer role ("finalProvisions", …); for preface text: docTitle/docNumber/docDate; note kind
    label: str = ""  # the label exactly as the source prints it ("Artículo 1°.-", "(a)", "1.", "§ 22–3101."); "" = none
    defines: str = ""  # the term this provision defines ("child pornography", "Pornografía infantil")
    target: str = ""  # quoted structure: the provision of another law it inserts or replaces ("artículo 183-A del Código Penal")
    line: int = field(default=0, compare=False)  # source line, for messages; not stored

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown node kind {self.kind!r}")

    @property
    def repealed(self) -> bool:
        return self.status == REPEALED

    @property
    def law(self) -> bool:
        """False for what is not the law's own text: notes, tables of contents."""
        return self.kind not in ("note", "toc", "tocItem")

    def full_text(self) -> str:
        """All law text of this node and its descendants, in reading order (no labels, no notes)."""
        parts = [self.heading, self.text]
        parts.extend(child.full_text() for child in self.children if child.law)
        parts.append(self.wrap_up)
        return " ".join(p for p in parts if p)

    def own_text(self) -> str:
        """Heading, intro and wrap-up of this node alone."""
        return " ".join(p for p in (self.heading, self.text, self.wrap_up) if p)


@dataclass(frozen=True, slots=True)
class Meta:
    country: str = ""  # ISO 3166-1 alpha-2, lower case ("do"); MODEL_LAW_COUNTRY for the model law
    doc_type: str = "act"  # "act", "bill", "code" or "decree" (the FRBR work type)
    number: str = ""  # "53-07"
    date: str = ""  # ISO date of the expression (promulgation or version)
    language: str = ""  # ISO 639-1 ("es")
    title: str = ""
    short_title: str = ""
    profile: str = ""  # drafting-convention profile id ("es-DO", "en-commonwealth")
    source: str = ""  # the file it was imported from
    extra: tuple[tuple[str, str], ...] = ()  # our own fields, kept in AKN proprietary metadata

    @property
    def year(self) -> str:
        return self.date[:4] if len(self.date) >= 4 else self.get("year") or "0000"

    @property
    def work_uri(self) -> str:
        number = slug(self.number) or "0"
        return f"/akn/{self.country or 'xx'}/{self.doc_type}/{self.year}/{number}"

    @property
    def expression_uri(self) -> str:
        lang = LANGUAGE_CODES.get(self.language, self.language or "und")
        date = self.date or f"{self.year}-01-01"
        return f"{self.work_uri}/{lang}@{date}"

    @property
    def manifestation_uri(self) -> str:
        return f"{self.expression_uri}/!main.xml"

    def get(self, key: str, default: str = "") -> str:
        return dict(self.extra).get(key, default)


@dataclass(frozen=True, slots=True)
class Document:
    meta: Meta
    body: tuple[Node, ...] = ()
    preface: tuple[Node, ...] = ()
    preamble: tuple[Node, ...] = ()
    conclusions: tuple[Node, ...] = ()
    attachments: tuple[Node, ...] = ()

    def parts(self) -> tuple[tuple[str, tuple[Node, ...]], ...]:
        return (
            ("preface", self.preface),
            ("preamble", self.preamble),
            ("body", self.body),
            ("conclusions", self.conclusions),
            ("attachments", self.attachments),
        )

    def walk(self) -> Iterator[tuple[Node, tuple[Node, ...]]]:
        for _, nodes in self.parts():
            yield from walk(nodes)

    def units(self) -> tuple[Node, ...]:
        """Article-level provisions of the body (outside quoted structures), in order."""
        return tuple(node for node, _ in walk(self.body, into_quotes=False) if is_unit(node))

    def find(self, eid: str) -> Node | None:
        for node, _ in self.walk():
            if node.eid == eid:
                return node
        return None


def walk(nodes: tuple[Node, ...], ancestors: tuple[Node, ...] = (), into_quotes: bool = True) -> Iterator[tuple[Node, tuple[Node, ...]]]:
    """Depth-first, document order: (node, its ancestors outermost first)."""
    for node in nodes:
        yield node, ancestors
        if node.kind == "quotedStructure" and not into_quotes:
            continue
        yield from walk(node.children, ancestors + (node,), into_quotes)


def is_unit(node: Node) -> bool:
    """An article-level provision: a Spanish article or a Commonwealth section.

    A section that holds articles or other sections is a division (Spanish SECCIÓN), not a unit.
    """
    if node.kind == "article":
        return True
    if node.kind != "section":
        return False
    return not any(child.kind in ("article", "section", "chapter", "part") for child in node.children)


def map_nodes(nodes: tuple[Node, ...], fn: Callable[[Node], Node]) -> tuple[Node, ...]:
    """Rebuild a tree bottom-up, applying `fn` to every node after its children."""
    return tuple(fn(replace(node, children=map_nodes(node.children, fn))) for node in nodes)


def slug(value: str) -> str:
    """A URI-safe form of a number as written ("53-07", "12 bis" → "12-bis")."""
    out = []
    for ch in value.strip():
        if ch.isalnum() or ch in "-._":
            out.append(ch)
        elif ch.isspace() or ch in "/\\":
            out.append("-")
    return "".join(out).strip("-")
