"""The comparison view: each model clause beside the statute provisions it corresponds to.

Alignment picks the pairs; only those pairs get a word-level diff (drafting/review/worddiff.py), model
text → statute text, so deletions are the model's words the statute lacks and insertions the
statute's own words. Texts are shown as written: normalisation is for matching only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from drafting.library.library import Library
from drafting.model.document import Document, Meta
from drafting.model.outline import meta_json
from drafting.review.align import Alignment, align
from drafting.review.provisions import display_lines, provisions, review_profile
from drafting.review.textnorm import normalizer
from drafting.review.worddiff import Diff, word_diff


@dataclass(frozen=True, slots=True)
class ProvisionDiff:
    eid: str
    num: str
    text: str  # the provision as written, one provision per line with its labels
    score: float
    terms: tuple[str, ...]  # normalised (stemmed) shared terms: for matching and machines, not for readers
    diff: Diff  # model clause → provision: -1 only in the model, 1 only in the statute
    words: tuple[str, ...] = ()  # the shared terms as the provision words them ("garantizar", "objeto")


@dataclass(frozen=True, slots=True)
class ClauseComparison:
    clause: str
    title: str
    model_text: str  # rendered in the statute's language with the jurisdiction's parameters
    matches: tuple[ProvisionDiff, ...]


@dataclass(frozen=True)
class Comparison:
    statute: Meta
    language: str
    jurisdiction: str | None
    options: tuple[tuple[str, bool], ...]  # the diff options used
    clauses: tuple[ClauseComparison, ...]

    @property
    def unmatched(self) -> tuple[str, ...]:
        return tuple(c.clause for c in self.clauses if not c.matches)

    def to_json(self) -> dict[str, Any]:
        return {
            "statute": meta_json(self.statute),
            "language": self.language,
            "jurisdiction": self.jurisdiction,
            "options": dict(self.options),
            "clauses": [
                {"id": c.clause, "title": c.title, "model_text": c.model_text,
                 "matches": [{"eid": m.eid, "num": m.num, "score": m.score, "terms": list(m.terms),
                              "words": list(m.words), "text": m.text,
                              "diff": [[op, text] for op, text in m.diff]} for m in c.matches]}
                for c in self.clauses
            ],
            "unmatched": list(self.unmatched),
        }

    def lines(self) -> list[str]:
        """One line per model clause, for a reader: its title, then each provision with its score and
        the words they share as the statute writes them."""
        out = []
        for c in self.clauses:
            found = "; ".join(f"{m.num} ({m.score:.2f}" + (f": {', '.join(m.words[:4])})" if m.words else ")")
                              for m in c.matches) or "no corresponding provision"
            out.append(f"{c.title} — {found}")
        return out


def compare(document: Document, library: Library, *, jurisdiction: str | None = None, clauses: Sequence[str] | None = None,
            ignore_case: bool = False, ignore_punctuation: bool = False, ignore_numbering: bool = False,
            alignment: Alignment | None = None) -> Comparison:
    """Align (unless an alignment is given) and diff each clause against each of its matches."""
    profile = review_profile(document)
    if alignment is None:
        alignment = align(document, library, jurisdiction=jurisdiction, clauses=clauses)
    by_eid = {p.eid: p for p in provisions(document, profile)}
    norm = normalizer(profile)
    options = (("ignore_case", ignore_case), ("ignore_punctuation", ignore_punctuation), ("ignore_numbering", ignore_numbering))
    out = []
    for item in alignment.clauses:
        model = item.clause
        diffs = []
        for match in item.matches:
            text = "\n".join(display_lines(by_eid[match.eid].node, profile, heading=True, inline_only=True))
            diffs.append(ProvisionDiff(match.eid, match.num, text, match.score, match.terms,
                                       word_diff(model.text, text, ignore_case=ignore_case, ignore_punctuation=ignore_punctuation,
                                                 ignore_numbering=ignore_numbering),
                                       words=norm.words_for(match.terms, text)))
        out.append(ClauseComparison(model.id, model.title, model.text, tuple(diffs)))
    return Comparison(document.meta, alignment.language, alignment.jurisdiction, options, tuple(out))
