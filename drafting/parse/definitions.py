"""Definitions are structure: mark every provision that defines a term with the term it defines.

Both traditions are read, as profile data (`[definitions]`):
- a quoted term followed by a defining verb — `"child" means …`, `“document” includes—`,
  `"X" has the same meaning as …` — anywhere in the law (the quotation marks make it unambiguous);
- `Término: definición` — a list item or paragraph that opens with a short capitalised term and a
  colon ("Pornografía infantil: Toda representación …", "a. Por sistema informático: …") — only
  inside a provision that announces definitions ("Definiciones", "se entiende por", "Para los
  efectos de la presente ley"), where such a line cannot be anything else. A pattern may name
  its term `term` or (in another alternative) `term2`;
- `term means …` without quotation marks (Canada prints the term in bold italics, its French
  equivalent in brackets after the definition) — only inside a provision that announces
  definitions, and never when the words open like a sentence ("A reference to … includes");
- an intro that announces the term its points define ("A los efectos de este Título se considera
  pornografía infantil …:", "the term 'X' means:");
- a provision that opens by defining a term in its own sentence (`inline`: "A los efectos de esta Ley
  se considera material de abuso sexual infantil toda representación …").

The term is kept as written (without its quotation marks); `Node.defines` carries it, the AKN
writer turns it into `<def>`/`<term>`, and the review and the bill builder ask for it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafting.model.document import Document, Node
from drafting.parse.profiles import Profile

MAX_TERM_WORDS = 8
AMENDING = ("insert", "replace")  # quotations whose wording this law enacts: their definitions are its own


def mark(doc: Document, profile: Profile) -> Document:
    rules = profile.section("definitions")
    quoted = _rx(profile, rules, "quoted")
    colon = _rx(profile, rules, "colon")
    context = _rx(profile, rules, "context")
    announces = _rx(profile, rules, "announces")
    bare = _rx(profile, rules, "bare")
    starters = frozenset(profile.word("sentence_starters", ()))
    inline = _rx(profile, rules, "inline")
    if quoted is None and colon is None and announces is None and inline is None:
        return doc

    def visit(node: Node, in_context: bool) -> Node:
        if node.kind in ("note", "toc", "tocItem") or (node.kind == "quotedStructure" and node.name not in AMENDING):
            return node  # not law at all, or another law's words quoted for reference
        # a provision announces definitions (for its children) in its heading or its opening words
        here = in_context or bool(node.children and context and (context.search(node.heading)
                                                                 or context.search(node.text[:300])))
        term = _term(node.text, quoted, colon if in_context else None) if node.text else ""
        if not term and in_context and node.text:
            term = bare_term(node.text, bare, starters)
        if not term and announces is not None and node.children and node.text.rstrip().endswith((":", "—", "-")):
            term = _announced(node.text, announces)  # "se considera pornografía infantil …:" then its parts
        if not term and inline is not None and node.text and node.kind != "quotedStructure":
            term = _term(node.text, inline, None)  # "se considera material … toda representación …"
        children = tuple(visit(child, here) for child in node.children)
        if term or children != node.children:
            return replace(node, defines=term or node.defines, children=children)
        return node

    return replace(doc, body=tuple(visit(n, False) for n in doc.body),
                   attachments=tuple(visit(n, False) for n in doc.attachments))


def _rx(profile: Profile, rules, name: str) -> re.Pattern[str] | None:
    value = rules.get(name)
    if not value:
        return None
    if isinstance(value, (list, tuple)):
        value = "|".join(f"(?:{v})" for v in value)
    return profile.compile(f"definitions.{name}", value)


def _term(text: str, quoted: re.Pattern[str] | None, colon: re.Pattern[str] | None) -> str:
    for rx in (quoted, colon):
        if rx is None:
            continue
        match = rx.match(text)
        if match:
            found = match.groupdict()
            term = " ".join((found.get("term") or found.get("term2") or "").split()).strip(" .,;")
            if term and len(term.split()) <= MAX_TERM_WORDS:
                return term
    return ""


def bare_term(text: str, rx: re.Pattern[str] | None, starters: frozenset[str]) -> str:
    """The term of `term means …` printed without quotation marks, unless the words open a sentence."""
    match = rx.match(text) if rx is not None else None
    if match is None:
        return ""
    term = " ".join(match.group("term").split())
    if not term or term.split()[0].lower() in starters or len(term.split()) > MAX_TERM_WORDS:
        return ""
    return term


def _announced(text: str, rx: re.Pattern[str]) -> str:
    match = rx.search(text)
    if not match:
        return ""
    term = " ".join(match.group("term").split()).strip(" .,;")
    return term if term and len(term.split()) <= MAX_TERM_WORDS else ""


def defined_terms(doc: Document) -> dict[str, Node]:
    """Every term the law defines → the provision that defines it (first definition wins)."""
    found: dict[str, Node] = {}
    for node, _ in doc.walk():
        if node.defines and node.defines.lower() not in found:
            found[node.defines.lower()] = node
    return found
