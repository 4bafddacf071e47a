"""Align model clauses with the statute provisions that correspond to them.

Every clause is rendered in the statute's language with the jurisdiction's parameters and parsed
like a statute article; then candidates are picked cheaply and scored:

1. an inverted index of the provisions' normalised terms with BM25 weights gives each clause its
   top-k candidates (only the clause's most distinctive terms are looked up, so filler articles
   sharing only "pena" or "prisión" never become candidates);
2. each candidate gets a score in 0–1: the mean of rapidfuzz's token_set_ratio and an IDF-weighted
   F0.5 overlap (token_set_ratio alone calls any subset a perfect match), against the whole clause
   or any one of its provisions, whichever is best (a statute often enacts the offence of a clause
   without its defences); the shared terms with the highest weights explain the match;
3. a heading of the provision's article that names what the clause's title names lifts the score
   part of the way to 1, which is what lets a law worded its own way still align.

Scores are judged on the sample statutes and the fixtures (tests/test_align.py); statutes worded
far from the model (real laws) score lower, so fewer of their provisions pass MIN_SCORE.

No word-level diff happens here (see compare.py): only matches above the threshold are diffed.
"""

from __future__ import annotations

import math
import weakref
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from drafting.library.library import Library
from drafting.model.document import Document, Meta, Node
from drafting.parse.profiles import Profile
from drafting.parse.structure import parse_fragment
from drafting.review.provisions import Provision, lineage, provisions, review_profile, span_parts, sub_provisions
from drafting.review.textnorm import Normalizer, normalizer

TOP_K = 8  # candidates per clause that get the (costlier) fuzzy score
QUERY_TERMS = 24  # a clause's most distinctive terms looked up in the index
MIN_SCORE = 0.45  # below this a pairing is noise, judged on the sample statutes (see tests/test_align.py)
MAX_MATCHES = 4  # per clause
MIN_TERMS = 3  # distinct terms a provision needs to be a candidate
SHOWN_TERMS = 6
K1, B = 1.2, 0.75
BOILERPLATE_WEIGHT = 0.15  # penalty words shared by every offence barely count
BETA = 0.5  # statutes are terser than the model: a provision covering part of a clause still corresponds
# Real statutes word their provisions far from the model, but their headings often name the same
# thing ("Agravantes" / "Circunstancias agravantes"). A shared heading closes up to this share of
# the gap to a perfect score: it lifts weakly worded matches and cannot reorder strong ones.
HEADING_BONUS = 0.2
DEFINITIONS_TOPIC = "definitions"  # model clauses of this topic define a term (see library manifests)


@dataclass(frozen=True, slots=True)
class Match:
    clause: str
    eid: str
    num: str  # the unit's number and the sub-provision's label path: "7, Párrafo", "4(2)"
    score: float  # 0–1
    terms: tuple[str, ...]  # normalised shared terms, highest weight first


@dataclass(frozen=True, slots=True)
class ModelClause:
    id: str
    title: str
    text: str  # the rendered body, one provision per line, labels as rendered
    terms: tuple[str, ...] = ()  # of the whole clause, title included
    blocks: tuple[frozenset[str], ...] = ()  # the whole clause, then each of its provisions
    title_terms: frozenset[str] = frozenset()
    definition: bool = False  # a clause of the model law's definitions topic


@dataclass(frozen=True, slots=True)
class ClauseAlignment:
    clause: ModelClause
    matches: tuple[Match, ...]  # best first


@dataclass(frozen=True)
class Alignment:
    statute: Meta
    language: str
    jurisdiction: str | None
    clauses: tuple[ClauseAlignment, ...]  # in the library's order

    def matches(self, clause_id: str) -> tuple[Match, ...]:
        return next((c.matches for c in self.clauses if c.clause.id == clause_id), ())

    def for_provision(self, eid: str) -> tuple[Match, ...]:
        """Matches whose provision is `eid`, contains it or lies inside it."""
        return tuple(m for c in self.clauses for m in c.matches if lineage(m.eid, eid))

    @property
    def unmatched(self) -> tuple[str, ...]:
        return tuple(c.clause.id for c in self.clauses if not c.matches)


# ---------------------------------------------------------------- the clauses

_RENDERED: "weakref.WeakKeyDictionary[Library, dict[tuple[str, str, str | None, str], ModelClause]]" = weakref.WeakKeyDictionary()


def model_clause(library: Library, clause_id: str, language: str, jurisdiction: str | None, profile: Profile) -> ModelClause:
    """A clause rendered and normalised for matching (cached per library)."""
    cache = _RENDERED.setdefault(library, {})
    key = (clause_id, language, jurisdiction, profile.id)
    found = cache.get(key)
    if found is None:
        clause = library.clause(clause_id)
        text = library.render_text(clause.id, language, jurisdiction=jurisdiction)
        intro, children, wrap_up = parse_fragment(text, profile)
        title = clause.title.get(language, clause.id)
        node = Node(kind=profile.unit_kind, heading=title, text=intro, children=children, wrap_up=wrap_up)
        norm = normalizer(profile)
        terms = norm.tokens(node.full_text())
        # A statute often enacts one provision of a clause (its offence, not its defences): each
        # provision of the clause is also scored on its own, with the title for context.
        blocks = [frozenset(terms)]
        if intro or any(k.kind == "list" for k in children):
            lead = Node(kind=profile.unit_kind, heading=title, text=intro, children=tuple(k for k in children if k.kind == "list"))
            blocks.append(frozenset(norm.tokens(lead.full_text())))
        for child in children:
            if child.kind != "list":
                blocks.append(frozenset(norm.tokens(title + " " + child.full_text())))
        found = cache[key] = ModelClause(clause.id, title, text, terms, tuple(b for b in dict.fromkeys(blocks) if b),
                                         frozenset(norm.tokens(title)), clause.topic == DEFINITIONS_TOPIC)
    return found


def default_jurisdiction(library: Library, document: Document) -> str | None:
    """The library preset for the statute's country and language, if there is one."""
    for code, preset in library.jurisdictions.items():
        if preset.country == document.meta.country and preset.language == document.meta.language:
            return code
    return None


# ---------------------------------------------------------------- the index

class _Index:
    """BM25 over the provisions' terms: each provision's own text and the points completing it.

    A separate paragraph is its own candidate, so an article does not absorb its Párrafos (the
    production offence of art. 7 and the possession offence of its Párrafo are told apart).
    """

    def __init__(self, provs: Sequence[Provision], norm: Normalizer) -> None:
        part_terms: dict[str, tuple[str, ...]] = {}

        def terms_of(node: Node) -> list[str]:
            out: list[str] = []
            for part in span_parts(node):
                got = part_terms.get(part)
                if got is None:
                    got = part_terms[part] = norm.tokens(part)
                out.extend(got)
            return out

        self.tf: list[Counter[str]] = [Counter(terms_of(p.node)) for p in provs]
        unit_heading = {p.eid: p.node.heading for p in provs if p.is_unit}
        self.headings = [frozenset(norm.tokens(f"{unit_heading.get(p.unit, '')} {'' if p.is_unit else p.node.heading}"))
                         for p in provs]
        # a definition is about the term it defines: its heading when matched with a model definition
        self.defines = [frozenset(norm.tokens(p.node.defines)) if p.node.defines else frozenset() for p in provs]
        # A heading with nothing under it but separate paragraphs is a container, not a provision; and
        # a list item of one or two words ("c) pornografía infantil;") says too little to correspond to
        # a clause (token_set_ratio would call it a perfect subset).
        self.usable = [len(counts) >= MIN_TERMS and bool(p.node.text or p.node.wrap_up or any(i for _, i in sub_provisions(p.node)))
                       for p, counts in zip(provs, self.tf)]
        self.length = [sum(c.values()) for c in self.tf]
        self.joined = [" ".join(sorted(c)) for c in self.tf]
        n = len(provs)
        self.avg = (sum(self.length) / n) if n else 1.0
        self.postings: dict[str, list[int]] = {}
        for i, counts in enumerate(self.tf):
            for term in counts:
                self.postings.setdefault(term, []).append(i)
        self.idf = {t: math.log(1 + (n - len(ix) + 0.5) / (len(ix) + 0.5)) for t, ix in self.postings.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5)
        self.boilerplate = norm.boilerplate

    def weight(self, term: str) -> float:
        idf = self.idf.get(term, self.max_idf)
        return idf * BOILERPLATE_WEIGHT if term in self.boilerplate else idf

    def top(self, query: Iterable[str], k: int) -> list[int]:
        terms = sorted((t for t in set(query) if t in self.postings), key=lambda t: (-self.weight(t), t))[:QUERY_TERMS]
        scores: dict[int, float] = {}
        for term in terms:
            idf = self.weight(term)
            for i in self.postings[term]:
                if not self.usable[i]:
                    continue
                tf = self.tf[i][term]
                norm = tf + K1 * (1 - B + B * self.length[i] / self.avg)
                scores[i] = scores.get(i, 0.0) + idf * tf * (K1 + 1) / norm
        return sorted(scores, key=lambda i: (-scores[i], i))[:k]


def _score(index: _Index, clause: ModelClause, i: int) -> tuple[float, tuple[str, ...]]:
    """The best score of the clause, or one of its provisions, against provision i; with its shared terms."""
    prov_set = index.tf[i].keys()
    # Penalty words count fully in what the provision says but barely in what it shares with the
    # clause: a provision that is mostly "liable on conviction to a fine" corresponds to nothing.
    prov_weight = sum(index.idf.get(t, index.max_idf) for t in prov_set)
    best, best_shared = 0.0, frozenset()
    for block in clause.blocks:
        shared = block & prov_set
        if not shared:
            continue
        w_shared = sum(index.weight(t) for t in shared)
        recall = w_shared / sum(index.weight(t) for t in block)
        precision = w_shared / prov_weight
        overlap = (1 + BETA**2) * precision * recall / (BETA**2 * precision + recall)
        fuzzy = fuzz.token_set_ratio(" ".join(sorted(block)), index.joined[i], processor=None) / 100
        score = (fuzzy + overlap) / 2
        if score > best:
            best, best_shared = score, shared
    headings = index.headings[i] | index.defines[i] if clause.definition else index.headings[i]
    if best and clause.title_terms and headings:
        shared = clause.title_terms & headings
        if shared:
            w = sum(index.weight(t) for t in shared)
            dice = 2 * w / (sum(index.weight(t) for t in clause.title_terms) + sum(index.weight(t) for t in headings))
            best += HEADING_BONUS * dice * (1 - best)
    terms = tuple(sorted(best_shared, key=lambda t: (-index.weight(t), t))[:SHOWN_TERMS])
    return round(best, 3), terms


# ---------------------------------------------------------------- align

def align(document: Document, library: Library, *, jurisdiction: str | None = None,
          clauses: Sequence[str] | None = None, language: str | None = None) -> Alignment:
    """Match every model clause (or the ones named) with the statute provisions that correspond to it."""
    profile = review_profile(document)
    language = language or document.meta.language or profile.language
    if jurisdiction is not None:
        library.jurisdiction(jurisdiction)  # unknown code → a clear error before any work
    else:
        jurisdiction = default_jurisdiction(library, document)
    ids = list(library.clauses) if clauses is None else [library.clause(c).id for c in clauses]
    provs = provisions(document, profile)
    index = _Index(provs, normalizer(profile))
    out = []
    for cid in ids:
        model = model_clause(library, cid, language, jurisdiction, profile)
        scored = []
        for i in index.top(model.terms, TOP_K):
            score, terms = _score(index, model, i)
            if score >= MIN_SCORE:
                scored.append((score, provs[i], terms))
        out.append(ClauseAlignment(model, _best_per_lineage(cid, scored)))
    return Alignment(document.meta, language, jurisdiction, tuple(out))


def _best_per_lineage(cid: str, scored: list[tuple[float, Provision, tuple[str, ...]]]) -> tuple[Match, ...]:
    """One match per chain of nested provisions: the best score, the deeper one on a near tie."""
    kept: list[tuple[float, Provision, tuple[str, ...]]] = []
    for item in sorted(scored, key=lambda s: (-s[0], -s[1].depth)):
        score, prov, _ = item
        rival = next((k for k in kept if lineage(k[1].eid, prov.eid)), None)
        if rival is None:
            kept.append(item)
        elif prov.depth > rival[1].depth and score >= rival[0] - 0.02:
            kept[kept.index(rival)] = item
    kept.sort(key=lambda s: (-s[0], s[1].eid))
    return tuple(Match(cid, p.eid, p.cited_num, s, t) for s, p, t in kept[:MAX_MATCHES])
