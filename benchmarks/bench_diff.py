"""Amendment diff of two 2,000-article versions (5% of articles changed) against difflib.

Ours aligns every article (by content, through renumbering and moves) and word-diffs the changed
pairs; difflib.unified_diff only compares the two plain texts line by line, with no idea of
articles, renumbering or moves. Aim: under 2 s, and within 3× of difflib.
"""

from __future__ import annotations

import difflib
import random
from dataclasses import replace

from drafting.amend.changes import compare
from drafting.model.document import Document, Meta, Node

from .harness import measure, report

# A vocabulary as varied as a statute's: unrelated articles share few words beyond the common ones.
_SYLLABLES = ("ba", "ce", "di", "fo", "gu", "la", "me", "ni", "po", "ra", "se", "ti", "vo", "za", "cre", "pla")
COMMON = ("el", "la", "de", "los", "que", "y", "en", "por", "será", "con")
WORDS = COMMON + tuple(a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES[:8])


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(COMMON) if rng.random() < 0.4 else rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _article(rng: random.Random, num: int) -> Node:
    paragraphs = tuple(Node(kind="paragraph", num=roman, text=_sentence(rng, rng.randint(12, 30)))
                       for roman in ("I", "II")[: rng.randint(0, 2)])
    return Node(kind="article", num=str(num), heading=_sentence(rng, 3)[:-1],
                text=_sentence(rng, rng.randint(20, 45)), children=paragraphs)


def versions(articles: int = 2000, share: float = 0.05, seed: int = 7) -> tuple[Document, Document]:
    """An old version, and a new one with `share` of its articles modified, inserted, deleted or moved
    (a quarter each), renumbered throughout as a consolidated text would be."""
    rng = random.Random(seed)
    old_units = [_article(rng, n + 1) for n in range(articles)]
    new_units = list(old_units)
    per_kind = int(articles * share) // 4
    for index in rng.sample(range(len(new_units)), per_kind):  # modify: a few words replaced
        node = new_units[index]
        words = node.text.split()
        for _ in range(rng.randint(1, 3)):
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        new_units[index] = replace(node, text=" ".join(words))
    for _ in range(per_kind):  # delete
        del new_units[rng.randrange(len(new_units))]
    for _ in range(per_kind):  # move
        unit = new_units.pop(rng.randrange(len(new_units)))
        new_units.insert(rng.randrange(len(new_units)), unit)
    for _ in range(per_kind):  # insert
        new_units.insert(rng.randrange(len(new_units)), _article(rng, 0))
    new_units = [replace(u, num=str(k + 1)) for k, u in enumerate(new_units)]
    return _document(old_units, "2026-01-01"), _document(new_units, "2026-06-01")


def _document(units: list[Node], date: str) -> Document:
    chapters = tuple(Node(kind="chapter", num=str(c + 1), heading=f"Capítulo {c + 1}", children=tuple(units[i:i + 50]))
                     for c, i in enumerate(range(0, len(units), 50)))
    return Document(meta=Meta(country="xx", number="1-26", date=date, language="es", profile="es-DO"), body=chapters)


def plain_lines(doc: Document) -> list[str]:
    lines = []
    for chapter in doc.body:
        lines.append(f"CAPÍTULO {chapter.num}")
        lines.append(chapter.heading)
        for unit in chapter.children:
            lines.append(f"Artículo {unit.num}.- {unit.heading}. {unit.text}")
            lines += [f"Párrafo {p.num}.- {p.text}" for p in unit.children]
    return lines


def main() -> None:
    old, new = versions()
    a, b = plain_lines(old), plain_lines(new)
    changes = compare(old, new)
    counts = ", ".join(f"{n} {op}" for op, n in changes.stats.counts)
    print(f"  2,000 articles, {counts}", flush=True)
    ours = measure(lambda: compare(old, new))
    baseline = measure(lambda: list(difflib.unified_diff(a, b, lineterm="")))
    report("amend.compare 2,000 articles (5%)", ours, baseline, label="difflib", aim="< 2 s and ≤ 3×")
    # For information: the whole redline (layout of both versions, tracked-changes XML, DOCX package).
    from drafting.export.redline import redline_bytes

    docx = measure(lambda: redline_bytes(old, new, changes, date="2026-06-01"), repeat=1)
    report("  + redline DOCX of the same", ours + docx, baseline, label="difflib")


if __name__ == "__main__":
    main()
