"""Hypothesis strategies for document trees (shared by round-trip and diff property tests)."""

from __future__ import annotations

from hypothesis import strategies as st

from drafting.model.document import Document, Meta, Node

# Text as drafters write it: accents, quotes, ampersands, angle brackets, dashes; no control chars.
ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\x85\u2028\u2029",
)
TEXT = st.text(ALPHABET, max_size=40).map(lambda s: " ".join(s.split()))
WORDY = st.lists(st.sampled_from(["niño", "«material»", "A & B", "<b>", "Párrafo", "ñandú", "\"x\"", "señor", "'q'", "—", "5 bis"]),
                 max_size=6).map(" ".join)
ANY_TEXT = st.one_of(TEXT, WORDY, st.just(""))
NUM = st.one_of(st.just(""), st.sampled_from(["1", "24", "20 bis", "5-A", "I", "IV", "a", "(b)", "PRIMERA", "1.2."]))

LEAF_KINDS = st.sampled_from(["article", "paragraph", "subparagraph", "point", "text", "note"])
BRANCH_KINDS = st.sampled_from(["part", "book", "title", "chapter", "section", "article", "paragraph", "list", "hcontainer"])


def leaf() -> st.SearchStrategy[Node]:
    return st.builds(
        lambda kind, num, heading, text, status: Node(
            kind=kind,
            num=num if kind not in ("text", "note") else "",
            heading=heading if kind not in ("text", "note") else "",
            text=text,
            status=status,
        ),
        LEAF_KINDS, NUM, ANY_TEXT, ANY_TEXT, st.sampled_from(["", "", "repealed"]),
    )


def tree(max_leaves: int = 20) -> st.SearchStrategy[Node]:
    def extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
        return st.builds(
            lambda kind, num, heading, text, kids, wrap: Node(
                kind=kind, num=num, heading=heading, text=text, children=tuple(kids), wrap_up=wrap,
                name="group" if kind == "hcontainer" else "",
            ),
            BRANCH_KINDS, NUM, ANY_TEXT, ANY_TEXT, st.lists(children, min_size=1, max_size=4), ANY_TEXT,
        )

    return st.recursive(leaf(), extend, max_leaves=max_leaves)


def quoted() -> st.SearchStrategy[Node]:
    return st.builds(lambda kids: Node(kind="quotedStructure", children=tuple(kids)), st.lists(tree(6), min_size=1, max_size=2))


def documents() -> st.SearchStrategy[Document]:
    meta = st.builds(
        Meta,
        country=st.sampled_from(["do", "xm", "pe"]),
        number=st.sampled_from(["53-07", "1", "12-A"]),
        date=st.sampled_from(["2007-04-23", "2026-11-30"]),
        language=st.sampled_from(["es", "en"]),
        title=ANY_TEXT,
        profile=st.sampled_from(["", "es-DO"]),
    )
    recitals = st.builds(lambda items: Node(kind="recitals", text="CONSIDERANDO:", children=tuple(Node(kind="recital", text=t) for t in items)),
                         st.lists(ANY_TEXT, min_size=1, max_size=3))
    body_item = st.one_of(tree(), st.builds(lambda q, t: Node(kind="article", num="2", text=t, children=(q,)), quoted(), ANY_TEXT))
    return st.builds(
        lambda m, pre, body, concl: Document(
            meta=m,
            preface=(Node(kind="text", text=m.title, name="docTitle"),) if m.title else (),
            preamble=tuple(pre),
            body=tuple(body),
            conclusions=tuple(Node(kind="text", text=t) for t in concl),
        ),
        meta, st.lists(recitals, max_size=1), st.lists(body_item, min_size=1, max_size=4), st.lists(ANY_TEXT, max_size=2),
    )
