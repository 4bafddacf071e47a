"""Hypothesis strategies for version pairs: a law, and the same law after random drafting edits.

Edits are the ones a drafter makes: words replaced, inserted or deleted; punctuation and spacing
touched; paragraphs and points added or dropped; articles inserted, deleted or moved, with the
articles renumbered afterwards (or not). Text includes tabs, quotes, ampersands and angle brackets.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from drafting.model.document import Document, Meta, Node

WORDS = ("el", "la", "niño", "niña", "adolescente", "material", "sistema", "información", "será", "sancionado",
         "prisión", "multa", "treinta", "(30)", "días", "«uso»", "A&B", "<b>", "—", "child", "means", "person",
         "under", "\"x\"", "años", "de", "y", "o", "5 bis", "ñandú", "datos;", "ley.", "Párrafo", "(a)")
WORD = st.sampled_from(WORDS)
SENTENCE = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
MAYBE = st.one_of(st.just(""), SENTENCE)
LETTERS = "abcdefgh"
ROMAN = ("I", "II", "III", "IV", "V", "VI")


@st.composite
def points(draw: st.DrawFn) -> tuple[Node, ...]:
    texts = draw(st.lists(SENTENCE, max_size=3))
    return tuple(Node(kind="point", num=LETTERS[k], text=t) for k, t in enumerate(texts))


@st.composite
def article(draw: st.DrawFn, num: int) -> Node:
    paragraphs = []
    for k in range(draw(st.integers(0, 3))):
        pts = draw(points())
        children = (Node(kind="list", children=pts),) if pts else ()
        paragraphs.append(Node(kind="paragraph", num=ROMAN[k], text=draw(SENTENCE), children=children,
                               wrap_up=draw(st.sampled_from(["", "", "y será sancionado."])) if pts else ""))
    return Node(kind="article", num=str(num), heading=draw(MAYBE), text=draw(SENTENCE), children=tuple(paragraphs))


@st.composite
def laws(draw: st.DrawFn, max_articles: int = 12) -> Document:
    count = draw(st.integers(0, max_articles))
    articles = [draw(article(n + 1)) for n in range(count)]
    chapters = draw(st.integers(0, 3))
    body: list[Node] = []
    if chapters and articles:
        size = max(1, len(articles) // chapters)
        for c in range(0, len(articles), size):
            body.append(Node(kind="chapter", num=ROMAN[min(c // size, 5)], heading=draw(SENTENCE),
                             children=tuple(articles[c:c + size])))
    else:
        body = articles
    language = draw(st.sampled_from(["es", "en"]))
    profile = "es-DO" if language == "es" else "en-commonwealth"
    conclusions = (Node(kind="text", text=draw(SENTENCE)),) if draw(st.booleans()) else ()
    return Document(meta=Meta(country="xf", number="1-26", date="2026-01-01", language=language, profile=profile,
                              title=draw(MAYBE)), body=tuple(body), conclusions=conclusions)


# ---------------------------------------------------------------- edits

@st.composite
def edit_text(draw: st.DrawFn, text: str) -> str:
    words = text.split(" ")
    kind = draw(st.sampled_from(["replace", "insert", "delete", "punct", "space", "tab", "none"]))
    i = draw(st.integers(0, max(0, len(words) - 1)))
    if kind == "replace" and words:
        words[i] = draw(WORD)
    elif kind == "insert":
        words.insert(i, draw(WORD))
    elif kind == "delete" and len(words) > 1:
        del words[i]
    elif kind == "punct" and words:
        words[i] = words[i] + draw(st.sampled_from([",", ";", "."]))
    elif kind == "space" and words:
        words[i] = words[i] + " "
    elif kind == "tab" and words:
        words[i] = words[i] + "\t"
    return " ".join(words)


@st.composite
def edit_article(draw: st.DrawFn, node: Node) -> Node:
    kind = draw(st.sampled_from(["text", "heading", "paragraph-text", "add-paragraph", "drop-paragraph", "point"]))
    if kind == "text":
        return replace(node, text=draw(edit_text(node.text)))
    if kind == "heading":
        return replace(node, heading=draw(edit_text(node.heading)) if node.heading else draw(SENTENCE))
    children = list(node.children)
    if kind == "add-paragraph":
        at = draw(st.integers(0, len(children)))
        children.insert(at, Node(kind="paragraph", num="", text=draw(SENTENCE)))
    elif kind == "drop-paragraph" and children:
        del children[draw(st.integers(0, len(children) - 1))]
    elif kind in ("paragraph-text", "point") and children:
        k = draw(st.integers(0, len(children) - 1))
        child = children[k]
        if kind == "point" and child.children:
            lst = child.children[0]
            pts = list(lst.children)
            if pts:
                j = draw(st.integers(0, len(pts) - 1))
                pts[j] = replace(pts[j], text=draw(edit_text(pts[j].text)))
            else:
                pts.append(Node(kind="point", num="a", text=draw(SENTENCE)))
            children[k] = replace(child, children=(replace(lst, children=tuple(pts)),))
        else:
            children[k] = replace(child, text=draw(edit_text(child.text)))
    return replace(node, children=tuple(children))


@st.composite
def edited(draw: st.DrawFn, doc: Document) -> Document:
    """The document after 0–5 edits at article level and below, renumbered or not."""
    units = [n for n, _ in _units_with_chapter(doc)]
    chapter_of = [c for _, c in _units_with_chapter(doc)]
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["modify", "modify", "insert", "delete", "move"]))
        if kind == "insert" or not units:
            at = draw(st.integers(0, len(units)))
            units.insert(at, draw(article(len(units) + 1)))
            chapter_of.insert(at, chapter_of[at - 1] if at and chapter_of else (chapter_of[0] if chapter_of else 0))
        elif kind == "delete":
            at = draw(st.integers(0, len(units) - 1))
            del units[at]
            del chapter_of[at]
        elif kind == "move":
            a = draw(st.integers(0, len(units) - 1))
            b = draw(st.integers(0, len(units) - 1))
            unit = units.pop(a)
            units.insert(b, unit)
        else:
            at = draw(st.integers(0, len(units) - 1))
            units[at] = draw(edit_article(units[at]))
    if draw(st.booleans()):
        units = [replace(u, num=str(k + 1)) for k, u in enumerate(units)]
    return _rebuild(doc, units, chapter_of)


def _units_with_chapter(doc: Document) -> list[tuple[Node, int]]:
    out = []
    for c, node in enumerate(doc.body):
        if node.kind == "chapter":
            out += [(child, c) for child in node.children]
        else:
            out.append((node, -1))
    return out


def _rebuild(doc: Document, units: list[Node], chapter_of: list[int]) -> Document:
    chapters = [n for n in doc.body if n.kind == "chapter"]
    if not chapters:
        return replace(doc, body=tuple(units))
    grouped: dict[int, list[Node]] = {c: [] for c in range(len(doc.body))}
    for unit, c in zip(units, chapter_of):
        grouped[max(c, 0)].append(unit)
    body = tuple(replace(node, children=tuple(grouped.get(c, []))) for c, node in enumerate(doc.body))
    return replace(doc, body=body)


@st.composite
def version_pairs(draw: st.DrawFn, max_articles: int = 12) -> tuple[Document, Document]:
    old = draw(laws(max_articles))
    return old, draw(edited(old))
