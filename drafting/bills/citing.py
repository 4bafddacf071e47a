"""How an amending bill names the law it amends and the provisions it changes.

"la Ley núm. 9-21, sobre Delitos Informáticos …" (the house's number word), "la Ley 30096, Ley de
Delitos Informáticos", "la Ley Orgánica 10/1995, de 23 de noviembre, del Código Penal" (a title that
names the law by its number is cited as it is), "the Child Online Safety Act, 2020"; "el artículo
12", "la Novena Disposición Complementaria Final", "el literal c)", "the definition of “child”".
The wording is the gap-bill profile's (profiles/gapbill/<id>.toml); the names come from the
statute's metadata and its own labels.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

from drafting.model.document import Document, Node, walk
from drafting.model.numbering import num_system
from drafting.naming import long_date

_NUMBER_WORD = re.compile(r"\b(?:N(?:o|ro|úm|um)?\s*\.|N\.?\s*[°º]|Nº|N°|núm\.|num\.|número)\s*", re.IGNORECASE)


def case_title(title: str, words: Mapping[str, Any]) -> str:
    """A title written in capitals, in the case the profile cites titles in."""
    if not title or title != title.upper():
        return title
    mode = words.get("upper_titles", "")
    if mode == "lower":
        return title.lower()
    if mode == "title":
        small = set(words.get("small_words", ()))
        return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(title.lower().split()))
    return title


def _case_segment(text: str) -> str:
    """"LEY 1273 DE 2009" → "Ley 1273 de 2009": an all-capital name in the case of a sentence."""
    if text != text.upper():
        return text
    words = text.lower().split(" ")
    return " ".join(w[:1].upper() + w[1:] if i == 0 else w for i, w in enumerate(words))


def statute_names(meta, words: Mapping[str, Any], act: str, number_word: str) -> dict[str, str]:
    """The pieces the phrases cite a statute with: title, subject, number, act, number_word."""
    title = " ".join((meta.title or meta.short_title or "").split())
    number = meta.number
    own = ""  # the title's own head that names the law by its number ("Ley Orgánica 10/1995")
    subject = title
    at = title.find(number) if number else -1
    if at >= 0:
        end = at + len(number)
        year = re.match(r"\s+(?:de|DE|of)\s+\d{4}\b", title[end:])
        end += year.end() if year else 0
        own = _case_segment(_NUMBER_WORD.sub(lambda m: f"{number_word} " if number_word else "", title[:end]).strip())
        own = " ".join(own.split())
        subject = re.sub(r"^[\s,.;:\-–—]+", "", title[end:])
    subject = case_title(subject, words)
    if words.get("title_drop"):
        title = re.sub(str(words["title_drop"]), "", title, flags=re.IGNORECASE).strip()
    return {"title": case_title(title, words), "subject": subject, "number": number, "act": act,
            "number_word": number_word, "own": own}


def statute_cite(names: Mapping[str, str], words: Mapping[str, Any]) -> str:
    """How the bill names the statute ("la Ley núm. 9-21, sobre …")."""
    if names["own"] and "cite_own" in words:
        # a subject that only describes the contents ("por medio de la cual se modifica …") is left out: "la Ley 1273 de 2009"
        describes = any(names["subject"].casefold().startswith(w.casefold()) for w in words.get("subject_drop", ()))
        rest = f", {names['subject']}" if names["subject"] and not describes else ""
        return str(words["cite_own"]).format(**{**names, "title": names["own"] + rest})
    key = "cite" if names["number"] and names["subject"] else "cite_no_subject" if names["number"] else "cite_no_number"
    return " ".join(str(words.get(key, "{title}")).format(**names).split())


def statute_citation(cite: str, meta, words: Mapping[str, Any], language: str) -> str:
    """The statute as a citation of the bill: with its date when it has one."""
    pattern = str(words.get("recitals", {}).get("citation", "{cite}"))
    if not meta.date or "{date}" not in pattern or meta.date[:4] in cite:  # a title that gives its date already
        return cite
    return pattern.format(cite=cite, date=long_date(meta.date, language))


def group_of(statute: Document, unit: Node) -> Node | None:
    """The group of dispositions (DISPOSICIONES COMPLEMENTARIAS FINALES) a unit sits in, if any."""
    for node, ancestors in walk(statute.body, into_quotes=False):
        if node is unit:
            return next((a for a in reversed(ancestors) if a.kind == "hcontainer" and a.heading), None)
    return None


def singular(heading: str, rules: Mapping[str, Any]) -> str:
    """"DISPOSICIONES COMPLEMENTARIAS FINALES" → "Disposición Complementaria Final"."""
    small = {w.casefold() for w in rules.get("small", ())}
    endings = [tuple(e) for e in rules.get("endings", ())]
    out = []
    for i, word in enumerate(heading.lower().split()):
        for old, new in endings:
            if word.endswith(old) and len(word) > len(old) + 2:
                word = word[:-len(old)] + new
                break
        out.append(word if i and word in small else word[:1].upper() + word[1:])
    return " ".join(out)


def unit_name(statute: Document, unit: Node, words: Mapping[str, Any]) -> str:
    """"el artículo 12"; "la Novena Disposición Complementaria Final" for a disposition in a group."""
    if num_system(unit.num).startswith("ordinal"):
        group = group_of(statute, unit)
        if group is not None and words.get("unit_in_group"):
            ordinal = unit.num.lower().capitalize()
            return str(words["unit_in_group"]).format(num=unit.num, ordinal=ordinal,
                                                      group=singular(group.heading, words.get("singular", {})))
    return str(words.get("unit", "{num}")).format(num=unit.num)


def part_name(node: Node, words: Mapping[str, Any]) -> str:
    """"Párrafo I", "literal c)", "the definition of “child”", "the provision beginning “In this Act”"."""
    parts = words.get("parts", {})
    label = node.label.strip() or node.num  # "c." where the law prints "c.", "e)" where it prints "e)"
    if node.defines and parts.get("definition") and ("{term}" in str(parts["definition"]) or node.num):
        return str(parts["definition"]).format(term=node.defines, num=node.num, label=label)
    pattern = parts.get(node.kind if node.num else f"{node.kind}_unnumbered", "") or parts.get(node.kind, "{num}")
    start = " ".join(node.text.split()[:4]).rstrip(",;:—–-")  # names an unnumbered provision by its opening
    return str(pattern).format(num=node.num, start=start, label=label).strip()


def parts_name(nodes: Sequence[Node], words: Mapping[str, Any]) -> str:
    """"literales c), d) y e)" — several parts of one kind named together."""
    plural = words.get("parts_plural", {})
    kind = nodes[0].kind
    if kind not in plural:
        return join([part_name(n, words) for n in nodes], str(words.get("and", " and ")))
    shown = [str(plural.get(f"{kind}_format", "{num}")).format(num=n.num, label=n.label.strip() or n.num) for n in nodes]
    return str(plural[kind]).format(nums=join(shown, str(words.get("and", " and "))))


def join(items: Sequence[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + conjunction + items[-1]


def contract(text: str, contractions: Mapping[str, str]) -> str:
    """The language's contractions ("de el" → "del", "a el" → "al") on a sentence the phrases build."""
    for old, new in contractions.items():
        text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)
    return text
