"""Numbers for what a bill inserts into a law, in the law's own style.

A law that already inserted articles shows how it numbers them: "5 bis", "5 ter" (Latin
suffixes), "5-A", "5-B" (a letter after a hyphen), "4A", "4B" (a letter glued on), "163.1" (a
decimal). `numbering_style` reads that from the law's own articles (else from the articles it
quotes into other laws, else the profile's default), and `next_number` gives the next free
number after an article in that style: never "5 bis" in a law that writes "5-A", never "5 ter"
where "5 bis" is free, and after the suffixed articles already there ("5-B" after "5-A").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from drafting.model.document import Document, is_unit, walk
from drafting.model.numbering import LATIN_SUFFIXES, num_key

_SUFFIXED = re.compile(r"^(?P<root>\d+)(?P<sep>\s*-\s*|\s+|\.|)(?P<suffix>"
                       + "|".join(LATIN_SUFFIXES) + r"|qu[aá]ter|nonies|[A-Za-z]{1,2}|\d{1,3})$", re.IGNORECASE)
MAX_SUFFIXES = 26 * 27  # A … Z, AA … ZZ: no law inserts more after one article


@dataclass(frozen=True)
class NumberingStyle:
    kind: str  # "latin" (bis, ter), "letter" (A, B), "decimal" (.1, .2)
    separator: str  # " ", "-", "" or "."
    upper: bool = True  # "5-A" or "5-a"; "Bis" or "bis"

    def suffixes(self) -> Iterable[str]:
        if self.kind == "latin":
            for word in LATIN_SUFFIXES:
                yield word.capitalize() if self.upper else word
        elif self.kind == "decimal":
            yield from (str(n) for n in range(1, 1000))
        else:
            letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
            for name in letters + [a + b for a in letters for b in letters]:
                yield name if self.upper else name.lower()

    def number(self, root: str, suffix: str) -> str:
        return f"{root}{self.separator}{suffix}"


def _style_of(num: str) -> NumberingStyle | None:
    found = _SUFFIXED.match(num.strip())
    if not found:
        return None
    suffix, sep = found.group("suffix"), found.group("sep")
    sep = "-" if "-" in sep else " " if sep.strip() == "" and sep else sep
    if suffix.isdigit():
        return NumberingStyle("decimal", ".") if sep == "." else None
    if suffix.lower().replace("á", "a") in LATIN_SUFFIXES or suffix.lower() in ("quáter", "nonies"):
        return NumberingStyle("latin", sep or " ", suffix[:1].isupper())
    if sep == " " and len(suffix) > 1:
        return None  # "5 ab" is no numbering anyone uses
    return NumberingStyle("letter", sep, suffix.isupper())


def numbering_style(statute: Document, default: NumberingStyle) -> NumberingStyle:
    """The style most of the law's suffixed articles use; else the style of the articles it quotes
    (a law inserting "269A" into its code); else `default`."""
    own = Counter(s for u in statute.units() if (s := _style_of(u.num)) is not None)
    if own:
        return own.most_common(1)[0][0]
    quoted = Counter(s for node, _ in walk(statute.body) if is_unit(node) and (s := _style_of(node.num)) is not None)
    return quoted.most_common(1)[0][0] if quoted else default


def default_style(words: dict | object) -> NumberingStyle:
    """The profile's fallback (gapbill suffix_style / suffix_separator)."""
    get = getattr(words, "get")
    kind = "latin" if str(get("suffix_style", "latin")) == "latin" else "letter"
    return NumberingStyle(kind, str(get("suffix_separator", " ")), kind != "latin")


def root_of(num: str) -> str:
    found = re.match(r"^\d+", num.strip())
    return found.group(0) if found else ""


def next_number(after: str, taken: Iterable[str], style: NumberingStyle) -> tuple[str, str]:
    """(the new number, the number it follows): the first free suffix of `after`'s root that comes
    after it and after every suffixed number of that root already taken up to that point."""
    root = root_of(after)
    if not root:
        raise ValueError(f"article {after!r} has no number to add a suffix to")
    start = num_key(after) or (int(root), 0)
    keys = {num_key(t): t for t in taken if num_key(t) is not None}
    previous = after
    for n, suffix in enumerate(style.suffixes()):
        if n > MAX_SUFFIXES:
            break
        candidate = style.number(root, suffix)
        key = num_key(candidate)
        if key is None or key <= start:
            continue
        if key in keys:
            previous = keys[key]  # "5-A" exists: the new one follows it
            continue
        return candidate, previous
    raise ValueError(f"no free number after article {after}")
