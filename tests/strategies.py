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


# ---------------------------------------------------------------- documents with every part and identity

STATUS = st.sampled_from(["", "", "", "repealed"])
HCONTAINER_NAMES = st.sampled_from(["finalProvisions", "transitionalProvisions", "group"])
PREFACE_NAMES = st.sampled_from(["", "docTitle", "docNumber", "docDate", "docType", "docAuthority"])
CONCLUSION_NAMES = st.sampled_from(["", "signature", "role", "person", "location", "docDate"])
KEY = st.text(st.characters(categories=("L", "N"), max_codepoint=0x24F), min_size=1, max_size=12)


def _leaf_full() -> st.SearchStrategy[Node]:
    provision = st.builds(
        lambda kind, num, heading, text, wrap, status: Node(kind=kind, num=num, heading=heading, text=text, wrap_up=wrap,
                                                            status=status),
        st.sampled_from(["article", "paragraph", "subparagraph", "point", "section", "subsection"]),
        NUM, ANY_TEXT, ANY_TEXT, ANY_TEXT, STATUS)
    block = st.builds(lambda kind, num, heading, text, status: Node(kind=kind, num=num, heading=heading, text=text, status=status),
                      st.sampled_from(["text", "note"]), st.sampled_from(["", "", "1"]), st.sampled_from(["", "", "Nota"]),
                      ANY_TEXT, STATUS)
    cross = st.builds(lambda heading: Node(kind="crossHeading", heading=heading), TEXT.filter(bool))
    table = st.builds(
        lambda num, heading, status, rows: Node(kind="table", num=num, heading=heading, status=status, children=tuple(
            Node(kind="row", children=tuple(Node(kind="cell", text=t) for t in row)) for row in rows)),
        st.sampled_from(["", "1", "A"]), ANY_TEXT, STATUS, st.lists(st.lists(ANY_TEXT, min_size=1, max_size=3), min_size=1, max_size=3))
    return st.one_of(provision, provision, block, cross, table)


def full_tree(max_leaves: int = 12) -> st.SearchStrategy[Node]:
    """Any body subtree the parser can produce: divisions, provisions with intro and wrap-up, notes,
    repealed provisions, tables, cross headings and quoted structures holding provisions of another law."""
    def extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
        branch = st.builds(
            lambda kind, num, heading, text, kids, wrap, status, name: Node(
                kind=kind, num=num, heading=heading, text=text, children=tuple(kids), wrap_up=wrap, status=status,
                name=name if kind == "hcontainer" else ""),
            BRANCH_KINDS, NUM, ANY_TEXT, ANY_TEXT, st.lists(children, min_size=1, max_size=3), ANY_TEXT, STATUS,
            HCONTAINER_NAMES)
        quote = st.builds(lambda start, kids, status: Node(kind="quotedStructure", text=start, children=tuple(kids), status=status),
                          st.sampled_from(["", "«", "“"]), st.lists(children, min_size=1, max_size=2), STATUS)
        return st.one_of(branch, branch, quote)

    return st.recursive(_leaf_full(), extend, max_leaves=max_leaves)


def attachments() -> st.SearchStrategy[Node]:
    """A schedule: its number and title, an intro, and provisions of its own."""
    return st.builds(
        lambda num, heading, text, kids, status: Node(kind="attachment", num=num, heading=heading, text=text,
                                                      children=tuple(kids), status=status),
        st.sampled_from(["", "1", "2", "I", "A"]), ANY_TEXT, ANY_TEXT, st.lists(full_tree(6), max_size=3), STATUS)


def full_documents() -> st.SearchStrategy[Document]:
    """Documents with every part: meta with our own fields and extras, preface, preamble (recitals,
    citations, formula), body, conclusions and attachments."""
    meta = st.builds(
        Meta,
        country=st.sampled_from(["do", "xm", "pe", "ie"]),
        doc_type=st.sampled_from(["act", "bill"]),
        number=st.sampled_from(["", "53-07", "1", "12-A", "30096"]),
        date=st.sampled_from(["", "2007-04-23", "2026-11-30", "1998-06-29"]),
        language=st.sampled_from(["", "es", "en", "fr", "pt"]),
        title=ANY_TEXT,
        short_title=ANY_TEXT,
        profile=st.sampled_from(["", "es", "es-DO", "en-commonwealth"]),
        source=st.sampled_from(["", "ley.txt", "/tmp/Ley & «1».docx"]),
        extra=st.lists(st.tuples(KEY, ANY_TEXT), max_size=3).map(tuple),
    )
    preface = st.lists(st.builds(lambda name, text: Node(kind="text", name=name, text=text), PREFACE_NAMES, TEXT.filter(bool)),
                       max_size=3)
    items = st.lists(st.tuples(st.sampled_from(["", "I", "1"]), ANY_TEXT), min_size=1, max_size=3)
    recitals = st.builds(lambda kind, heading, intro, found: Node(
        kind=kind, heading=heading, text=intro, children=tuple(Node(kind=kind[:-1], num=n, text=t) for n, t in found)),
        st.sampled_from(["recitals", "citations"]), ANY_TEXT, ANY_TEXT, items)
    formula = st.builds(lambda text: Node(kind="formula", name="enactingFormula", text=text), ANY_TEXT)
    conclusions = st.lists(st.builds(lambda name, text: Node(kind="text", name=name, text=text), CONCLUSION_NAMES,
                                     TEXT.filter(bool)), max_size=3)
    return st.builds(
        lambda m, pre, pream, body, concl, atts: Document(
            meta=m, preface=tuple(pre), preamble=tuple(pream), body=tuple(body), conclusions=tuple(concl),
            attachments=tuple(atts)),
        meta, preface, st.lists(st.one_of(recitals, formula), max_size=3), st.lists(full_tree(), min_size=1, max_size=4),
        conclusions, st.lists(attachments(), max_size=2),
    )
