"""Akoma Ntoso written by other producers (AKN 2.0, AKN 3.0 from other tools) → our Document.

Our own files are read by `drafting.akn`. Other producers use the same vocabulary with their own
habits: the 2.0 namespace and `id` instead of `eId`; text in `<content>` as several `<p>`, lists as
`<blockList>` with a `<listIntroduction>` and `<item>`s; unnumbered `<paragraph>` wrappers; headings
ending in ".—" or " -"; schedules as `<components>`. The structure they give is kept: every
hierarchical element becomes a node of the same kind, its `<num>` is the label as printed (and the
number, undecorated), its paragraphs, lists and tables become our provisions, points and tables.
"""

from __future__ import annotations

import re
from typing import Iterable

from lxml import etree

from drafting.model.document import DIVISION_KINDS, Document, Meta, Node
from drafting.model.eids import assign_eids

# Namespaces of the Akoma Ntoso versions we read (the OASIS standard, its drafts, and 2.0).
NAMESPACES = (
    "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
    "http://docs.oasis-open.org/legaldocml/ns/akn/3.0/CSD13",
    "http://docs.oasis-open.org/legaldocml/ns/akn/3.0/WD17",
    "http://www.akomantoso.org/2.0",
    "http://www.akomantoso.org/1.0",
)
LANGUAGES = {"eng": "en", "spa": "es", "fra": "fr", "por": "pt"}
# hierarchical elements and the kind of node each becomes
HIERARCHY = {kind: kind for kind in DIVISION_KINDS + ("article", "paragraph", "subparagraph", "point", "list")}
HIERARCHY.update({"clause": "section", "subclause": "subsection", "chapter": "chapter", "alinea": "paragraph",
                  "indent": "point", "item": "point", "hcontainer": "hcontainer", "rule": "section",
                  "subrule": "subsection", "level": "paragraph", "sublist": "list"})
UNIT_TAGS = frozenset({"article", "section", "clause", "rule"})
_HEADING_END = re.compile(r"\s*(?:[.:]?\s*[—–-]+|[.:])\s*$")
_DECORATION = re.compile(r"^(?:art(?:[íi]culo|icle|\.)|section|sec\.|§+|chapter|part|cap[íi]tulo|t[íi]tulo)\s+", re.I)


def is_akn(root: etree._Element) -> bool:
    return etree.QName(root).localname == "akomaNtoso" and etree.QName(root).namespace in NAMESPACES


def read(root: etree._Element, source: str) -> Document:
    """A foreign Akoma Ntoso tree as our Document (eIds and GUIDs assigned afresh)."""
    ns = etree.QName(root).namespace
    reader = _Reader(ns)
    top = next((el for el in root if isinstance(el.tag, str)), None)
    if top is None:
        return Document(meta=Meta(source=source))
    meta = reader.meta(top, source)
    doc = Document(
        meta=meta,
        preface=tuple(reader.block_texts(reader.find(top, "preface"))),
        preamble=tuple(reader.preamble(reader.find(top, "preamble"))),
        body=tuple(reader.nodes(reader.find(top, "body") if reader.find(top, "body") is not None
                                else reader.find(top, "mainBody"))),
        conclusions=tuple(reader.block_texts(reader.find(top, "conclusions"))),
        attachments=tuple(reader.attachments(root, top)),
    )
    return assign_eids(doc)


class _Reader:
    def __init__(self, ns: str) -> None:
        self.ns = ns
        self.q = f"{{{ns}}}"

    # ---------------------------------------------------------------- helpers
    def local(self, el: etree._Element) -> str:
        return etree.QName(el).localname if isinstance(el.tag, str) else ""

    def find(self, el: etree._Element | None, name: str) -> etree._Element | None:
        return el.find(self.q + name) if el is not None else None

    def children(self, el: etree._Element | None) -> list[etree._Element]:
        return [c for c in el if isinstance(c.tag, str)] if el is not None else []

    def text(self, el: etree._Element | None) -> str:
        return " ".join("".join(el.itertext()).split()) if el is not None else ""

    # ---------------------------------------------------------------- metadata
    def meta(self, top: etree._Element, source: str) -> Meta:
        ident = self.find(self.find(top, "meta"), "identification")
        work = self.find(ident, "FRBRWork")
        expr = self.find(ident, "FRBRExpression")

        def value(parent: etree._Element | None, tag: str, attr: str = "value") -> str:
            el = self.find(parent, tag)
            return el.get(attr, "") if el is not None else ""

        uri = value(work, "FRBRuri")
        parts = [p for p in uri.strip("/").split("/") if p]
        doc_type = parts[1] if len(parts) > 1 and parts[1] in ("act", "bill", "code", "decree") else "act"
        number = value(work, "FRBRnumber") or (parts[3] if len(parts) > 3 else "")
        country = (value(work, "FRBRcountry") or (parts[0] if parts else "")).split("-")[0].lower()[:2]
        lang3 = value(expr, "FRBRlanguage", "language")
        language = LANGUAGES.get(lang3, lang3[:2])
        date = value(expr, "FRBRdate", "date")
        title = value(work, "FRBRalias") or value(work, "FRBRname")
        short = self.text(top.find(f".//{self.q}shortTitle"))
        return Meta(country=country, doc_type=doc_type, number=number,
                    date=date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date or "") else "",
                    language=language, title=title or short, short_title=short if short != title else "",
                    profile="", source=source.rsplit("/", 1)[-1])

    # ---------------------------------------------------------------- preface, preamble, conclusions
    def block_texts(self, el: etree._Element | None) -> Iterable[Node]:
        for child in self.children(el):
            name = self.local(child)
            if name in ("p", "longTitle", "container", "blockContainer"):
                inner = self.children(child)
                if name == "p" and len(inner) == 1 and not (child.text or "").strip():
                    tag = self.local(inner[0])
                    named = {"shortTitle": "docTitle", "docTitle": "docTitle", "docNumber": "docNumber",
                             "docDate": "docDate", "docType": "docType"}.get(tag, "")
                    yield Node(kind="text", text=self.text(child), name=named)
                elif name == "p":
                    yield Node(kind="text", text=self.text(child))
                else:
                    yield from self.block_texts(child)
            elif name == "toc":
                yield Node(kind="toc", children=tuple(Node(kind="tocItem", text=self.text(i)) for i in self.children(child)))
            elif self.text(child):
                yield Node(kind="text", text=self.text(child))

    def preamble(self, el: etree._Element | None) -> Iterable[Node]:
        for node in self.block_texts(el):
            if re.match(r"^(?:BE IT ENACTED|Be it enacted|NOW,? THEREFORE)", node.text, re.I):
                yield Node(kind="formula", text=node.text, name="enactingFormula")
            else:
                yield node

    # ---------------------------------------------------------------- the body
    def nodes(self, el: etree._Element | None) -> list[Node]:
        out: list[Node] = []
        for child in self.children(el):
            out.extend(self.node(child))
        return out

    def node(self, el: etree._Element) -> list[Node]:
        name = self.local(el)
        if name in ("num", "heading", "subheading", "intro", "wrapUp", "content"):
            return []
        if name in ("p", "blockList", "table", "list", "blockContainer", "container"):
            return self.content([el])
        if name == "crossHeading":
            return [Node(kind="crossHeading", heading=self.text(el))]
        kind = HIERARCHY.get(name)
        if kind is None:
            text = self.text(el)
            return [Node(kind="text", text=text)] if text else []
        num_el = self.find(el, "num")
        label = self.text(num_el)
        heading = _HEADING_END.sub("", self.text(self.find(el, "heading")))
        status = "repealed" if (el.get("status") in ("removed", "repealed") or heading.strip("* ") == "" and
                                self.text(self.find(el, "heading")).strip().startswith("*")) else ""
        if heading.strip("* ") == "":
            heading = ""
        intro = self.find(el, "intro")
        wrap = self.find(el, "wrapUp")
        content = self.find(el, "content")
        children: list[Node] = []
        text = self.text(intro) if intro is not None else ""
        wrap_up = self.text(wrap) if wrap is not None else ""
        if content is not None:
            parts = self.content(self.children(content))
            if parts and parts[0].kind == "paragraph" and not parts[0].num and not parts[0].children and not text:
                text, parts = parts[0].text, parts[1:]
            children.extend(parts)
        for child in self.children(el):
            if self.local(child) not in ("num", "heading", "subheading", "intro", "wrapUp", "content"):
                children.extend(self.node(child))
        # an unnumbered wrapper paragraph (`section-13.paragraph-0`) adds nothing: lift its contents
        if kind == "paragraph" and not label and not heading and not text and children and name == "paragraph":
            return children
        if name == "paragraph" and not label and not children and not heading:
            return [Node(kind="paragraph", text=text, wrap_up=wrap_up, status=status)]
        num = _undecorated(label)
        if name == "item":
            kind = "point"
        return [Node(kind=kind, num=num, label=label, heading=heading, text=text, children=tuple(children),
                     wrap_up=wrap_up, status=status, name=el.get("name", "") if kind == "hcontainer" else "")]

    def content(self, elements: list[etree._Element]) -> list[Node]:
        """Paragraphs, lists and tables inside <content>: the first paragraph is the text, the others
        follow as unnumbered paragraphs; a paragraph after a list closes it (its wrap-up)."""
        out: list[Node] = []
        for el in elements:
            name = self.local(el)
            if name == "p":
                text = self.text(el)
                if not text:
                    continue
                if out and out[-1].kind == "list" and not out[-1].wrap_up:
                    last = out[-1]
                    out[-1] = Node(kind="list", text=last.text, children=last.children, wrap_up=text)
                else:
                    out.append(Node(kind="paragraph", text=text))
            elif name in ("blockList", "list"):
                out.append(self.block_list(el))
            elif name == "table":
                rows = tuple(Node(kind="row", children=tuple(Node(kind="cell", text=self.text(td))
                                                              for td in self.children(tr)))
                             for tr in self.children(el) if self.local(tr) == "tr")
                out.append(Node(kind="table", children=rows))
            elif name in ("blockContainer", "container", "div"):
                out.extend(self.content(self.children(el)))
            else:
                out.extend(self.node(el))
        return out

    def block_list(self, el: etree._Element) -> Node:
        intro = ""
        items: list[Node] = []
        for child in self.children(el):
            name = self.local(child)
            if name == "listIntroduction":
                intro = self.text(child)
            elif name == "item":
                label = self.text(self.find(child, "num"))
                parts = self.content([c for c in self.children(child) if self.local(c) != "num"])
                text = ""
                if parts and parts[0].kind == "paragraph" and not parts[0].children:
                    text, parts = parts[0].text, parts[1:]
                items.append(Node(kind="point", num=_undecorated(label), label=label, text=text, children=tuple(parts)))
        wrap = self.text(self.find(el, "listWrapUp"))
        return Node(kind="list", text=intro, children=tuple(items), wrap_up=wrap)

    # ---------------------------------------------------------------- schedules
    def attachments(self, root: etree._Element, top: etree._Element) -> Iterable[Node]:
        holders = [self.find(top, "attachments"), self.find(top, "components"), self.find(root, "components")]
        for holder in holders:
            for comp in self.children(holder):
                doc = next((c for c in self.children(comp) if self.local(c) in ("doc", "act")), None)
                if doc is None:
                    continue
                title = ""
                work = doc.find(f"{self.q}meta/{self.q}identification/{self.q}FRBRWork/{self.q}FRBRalias")
                if work is not None:
                    title = work.get("value", "")
                main = self.find(doc, "mainBody") if self.find(doc, "mainBody") is not None else self.find(doc, "body")
                yield Node(kind="attachment", heading=title or doc.get("name", ""), children=tuple(self.nodes(main)))


def _undecorated(label: str) -> str:
    """"(a)" → "a", "13." → "13", "Section 5." → "5", "CHAPTER XIIA" → "XIIA"."""
    text = _DECORATION.sub("", label.strip())
    return " ".join(text.strip().strip("()[]").rstrip(".:—–- ").lstrip("(").split())
