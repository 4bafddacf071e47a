"""Concept detectors and criterion rules, read from the review profile and evaluated generically.

A concept is a list of regular expressions (profile data, `[review.concepts]`); a rule says which
concepts must co-occur in the same provision for a criterion to be met, which restrictions make it
partial, and which weaker co-occurrence still counts as partial (`[review.criteria.<id>]`). Nothing
here knows a criterion or a country: adding a criterion or a language is adding data.

Patterns are matched case-insensitively on accent-stripped text of the same length as the
original, so every match maps back to the original wording for quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence

from drafting.errors import DraftingError
from drafting.parse.profiles import Profile
from drafting.review.provisions import Provision, full_parts, lineage, own_parts, span_parts
from drafting.review.textnorm import fold, strip_accents

Groups = tuple[tuple[str, ...], ...]  # all groups required; inside a group, any alternative will do

# Where one sentence ends and the next begins (a full stop before a capital, not "No. 5").
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡\"“«(])")
MAX_PIECE = 420  # characters of one quoted piece before it is trimmed around the matches
ELLIPSIS = "…"
JOINER = " … "
CACHE_LIMIT = 500_000


@dataclass(frozen=True)
class Rule:
    criterion: str
    require: Groups
    partial_if: tuple[str, ...] = ()
    partial_require: Groups = ()
    measure: str = ""
    at_least: float | None = None
    anchor: str = ""
    term: str = ""
    reasons: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    reasons_es: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Hit:
    """A provision where a rule holds: `kind` is met, restricted (partial_if or measure) or weak."""

    provision: Provision
    kind: str
    parts: tuple[str, ...]  # the original texts the rule holds in (context first, then the provision)
    groups: Groups  # the concept groups that hold there (what the quote must show)
    term: str = ""
    restriction: str = ""
    value: float | None = None


class Detector:
    """The concepts, measures and rules of one profile, with a per-text match cache."""

    def __init__(self, profile: Profile) -> None:
        data = profile.section("review")
        self.profile = profile
        self.concepts = {name: _concept(profile.id, name, tuple(patterns)) for name, patterns in data.get("concepts", {}).items()}
        # one regex per pattern: each names its own (?P<value>…) group
        self.measures = {name: tuple(_compile(profile.id, f"measures.{name}", p) for p in m.get("patterns", ()))
                         for name, m in data.get("measures", {}).items()}
        self.numbers = {fold(str(k)): float(v) for k, v in data.get("numbers", {}).items()}
        self.cite_data = data.get("cite", {})
        self.rules = {cid: self._rule(cid, raw) for cid, raw in data.get("criteria", {}).items()}
        self._folded: dict[str, str] = {}
        self._found: dict[tuple[str, str], tuple[int, int] | None] = {}
        self._last_tree: _Tree | None = None

    # ------------------------------------------------------------ data

    def _rule(self, cid: str, raw: Mapping) -> Rule:
        def groups(key: str) -> Groups:
            out = tuple(tuple(alt.strip() for alt in str(g).split("|")) for g in raw.get(key, ()))
            for group in out:
                for name in group:
                    if name not in self.concepts:
                        raise DraftingError(f"criterion {cid}: {key} names unknown concept {name!r}",
                                            source=f"profile {self.profile.id} (review)")
            return out

        measure = raw.get("measure", {}) or {}
        if measure and measure.get("name") not in self.measures:
            raise DraftingError(f"criterion {cid}: unknown measure {measure.get('name')!r}", source=f"profile {self.profile.id} (review)")
        partial_if = tuple(raw.get("partial_if", ()))
        for name in partial_if + tuple(n for n in (raw.get("anchor"), raw.get("term")) if n):
            if name not in self.concepts:
                raise DraftingError(f"criterion {cid}: unknown concept {name!r}", source=f"profile {self.profile.id} (review)")
        require = groups("require")
        if not require:
            raise DraftingError(f"criterion {cid}: the rule needs `require`", source=f"profile {self.profile.id} (review)")
        return Rule(cid, require, partial_if, groups("partial_require"), str(measure.get("name", "")),
                    measure.get("at_least"), str(raw.get("anchor", "")), str(raw.get("term", "")),
                    raw.get("reason", MappingProxyType({})), raw.get("reason_es", MappingProxyType({})))

    def rule(self, criterion: str) -> Rule:
        try:
            return self.rules[criterion]
        except KeyError:
            raise DraftingError(f"no review rule for criterion {criterion!r} in profile {self.profile.id} "
                                "(add [criteria.<id>] to drafting/parse/profiles/review/)") from None

    # ------------------------------------------------------------ matching

    def _fold(self, text: str) -> str:
        folded = self._folded.get(text)
        if folded is None:
            folded = self._folded[text] = fold(text)
        return folded

    def span(self, text: str, concept: str) -> tuple[int, int] | None:
        """Where `concept` first occurs in `text` (cached per text)."""
        key = (concept, text)
        if key in self._found:
            return self._found[key]
        if len(self._found) > CACHE_LIMIT:  # a long-lived app reviews many statutes: keep memory bounded
            self._found.clear()
            self._folded.clear()
        found = self._found[key] = self.concepts[concept].search(self._fold(text))
        return found

    def has(self, parts: Iterable[str], concept: str) -> bool:
        return any(self.span(p, concept) for p in parts)

    def holds(self, parts: Sequence[str], groups: Groups) -> bool:
        return all(any(self.has(parts, c) for c in group) for group in groups)

    def phrase(self, parts: Sequence[str], concept: str) -> str:
        """The original wording of the first occurrence of `concept` in `parts`."""
        for part in parts:
            where = self.span(part, concept)
            if where:
                end = where[1]
                while end < len(part) and part[end].isalnum():
                    end += 1  # patterns may stop at a stem ("medios electrónic"): quote whole words
                return part[where[0]:end].strip(" .,;:-–—\"“”'")
        return ""

    def measure(self, parts: Sequence[str], name: str) -> tuple[float | None, str]:
        for part in parts:
            for match in (m for rx in self.measures[name] for m in rx.finditer(self._fold(part))):
                raw = match.group("value").lower()
                value = float(raw) if raw.isdigit() else self.numbers.get(raw)
                if value is not None:
                    return value, part[match.start():match.end()]
        return None, ""

    # ------------------------------------------------------------ rules over provisions

    def hits(self, provisions: Sequence[Provision], rule: Rule) -> tuple[Hit, ...]:
        """Every provision where the rule holds: met and restricted ones, else the weak ones."""
        tree = self._tree(provisions)
        found = [self._classify(rule, p, parts) for p, parts in tree.holding(self, rule.require)]
        found = [h for h in found if h is not None]
        if not found and rule.partial_require:
            found = [Hit(p, "weak", parts, self._present(parts, rule.partial_require),
                         self.phrase(parts, rule.partial_require[0][0]) or self._first_phrase(parts, rule.partial_require[0]))
                     for p, parts in tree.holding(self, rule.partial_require)]
        return tuple(found)

    def _tree(self, provisions: Sequence[Provision]) -> "_Tree":
        # One tree per statute, reused by every criterion of a review.
        tree = self._last_tree
        if tree is None or tree.source is not provisions:
            tree = self._last_tree = _Tree(provisions)
        return tree

    def _classify(self, rule: Rule, prov: Provision, parts: tuple[str, ...]) -> Hit | None:
        groups = self._present(parts, rule.require)
        term = self.phrase(parts, rule.term) if rule.term else self._first_phrase(parts, rule.require[0])
        restriction = next((self.phrase(parts, c) for c in rule.partial_if if self.has(parts, c)), "")
        value = None
        if rule.measure:
            value, said = self.measure(parts, rule.measure)
            if value is None:
                return None  # a definition without an age cannot prove anything about the age
            term = said
            if rule.at_least is not None and value < rule.at_least:
                return Hit(prov, "restricted", parts, groups, term, said, value)
        if restriction:
            restricting = tuple((c,) for c in rule.partial_if if self.has(parts, c))
            return Hit(prov, "restricted", parts, groups + restricting[:1], term, restriction, value)
        return Hit(prov, "met", parts, groups, term, "", value)

    def _present(self, parts: Sequence[str], groups: Groups) -> Groups:
        """Each group narrowed to the alternatives actually present (so the quote shows them)."""
        return tuple(tuple(c for c in g if self.has(parts, c)) or g for g in groups)

    def _first_phrase(self, parts: Sequence[str], group: tuple[str, ...]) -> str:
        return next((self.phrase(parts, c) for c in group if self.has(parts, c)), "")

    def mentions(self, provisions: Sequence[Provision], concept: str, hits: Sequence[Hit]) -> tuple[Provision, ...]:
        """Units whose text uses `concept` without the rule holding there: passing mentions."""
        seen: dict[str, Provision] = {}
        units = {p.eid: p for p in provisions if p.depth == 0}
        for prov in provisions:
            if prov.unit in seen or any(lineage(prov.eid, h.provision.eid) for h in hits):
                continue
            if self.has(own_parts(prov.node), concept):
                seen[prov.unit] = units.get(prov.unit, prov)
        return tuple(seen.values())

    # ------------------------------------------------------------ quotes and citations

    def quote(self, hit: Hit) -> str:
        """The sentences of the hit that show its concepts, verbatim, joined by ' … '."""
        sentences: list[tuple[int, int, str]] = []  # (part index, start, sentence)
        for i, part in enumerate(hit.parts):
            start = 0
            for m in SENTENCE_END.finditer(part):
                sentences.append((i, start, part[start:m.start()]))
                start = m.end()
            sentences.append((i, start, part[start:]))
        needed = [g for g in hit.groups]
        chosen: list[tuple[int, int, str]] = []
        while needed:
            def covers(s: tuple[int, int, str]) -> int:
                return sum(1 for g in needed if any(self.span(s[2], c) for c in g))
            best = max(sentences, key=lambda s: (covers(s), len(s[2])), default=None)  # ties: the fuller sentence
            if best is None or covers(best) == 0:
                break
            chosen.append(best)
            needed = [g for g in needed if not any(self.span(best[2], c) for c in g)]
        if not chosen:
            chosen = sentences[-1:]
        chosen.sort(key=lambda s: (s[0], s[1]))
        return JOINER.join(self._trim(s[2], hit.groups) for s in chosen)

    def _trim(self, sentence: str, groups: Groups) -> str:
        sentence = sentence.strip()
        if len(sentence) <= MAX_PIECE:
            return sentence
        spans = [self.span(sentence, c) for g in groups for c in g]
        spans = [s for s in spans if s]
        if not spans:
            return sentence[:MAX_PIECE].rsplit(" ", 1)[0] + ELLIPSIS
        lo = max(0, min(s[0] for s in spans) - 120)
        hi = min(len(sentence), max(s[1] for s in spans) + 120)
        if lo > 0:
            lo = sentence.find(" ", lo) + 1 or lo
        if hi < len(sentence):
            cut = sentence.rfind(" ", lo, hi)
            hi = cut if cut > lo else hi
        piece = sentence[lo:hi].strip()
        return (ELLIPSIS if lo > 0 else "") + piece + (ELLIPSIS if hi < len(sentence) else "")

    def cite(self, prov: Provision, key: str = "unit") -> str:
        """How a reason names a provision: "article 7, Párrafo", "provision PRIMERA (Disposiciones finales)"."""
        if prov.group:
            pattern = self.cite_data.get(key.replace("unit", "group"), "{num} ({group})")
            return pattern.replace("{num}", prov.num).replace("{group}", prov.group.capitalize())
        return self.cite_data.get(key, "{num}").replace("{num}", prov.num)


class _Tree:
    """Provisions as a tree, to find the smallest provisions where a set of concepts co-occurs."""

    SEPARATOR = "\n\x00\n"  # between articles: no pattern (\s, .) runs across it

    def __init__(self, provisions: Sequence[Provision]) -> None:
        self.source = provisions
        self.whole: dict[str, str] = {}  # eid → all its text in one string: one search per concept, not per part
        self.roots = [p for p in provisions if p.depth == 0]
        self._text = ""
        self._starts: list[int] = []
        self._units: dict[str, frozenset[int]] = {}  # concept → indexes of the roots that contain it
        self.children: dict[str, list[Provision]] = {}
        for p in provisions:
            if p.parent:
                self.children.setdefault(p.parent, []).append(p)

    def holding(self, det: Detector, groups: Groups) -> list[tuple[Provision, tuple[str, ...]]]:
        out: list[tuple[Provision, tuple[str, ...]]] = []
        # Which articles contain each group at all: one scan of the whole statute per concept.
        candidates = None
        for group in groups:
            having = frozenset().union(*(self._containing(det, c) for c in group))
            candidates = having if candidates is None else candidates & having
        for i in sorted(candidates or ()):
            self._visit(det, groups, self.roots[i], out)
        return out

    def _containing(self, det: Detector, concept: str) -> frozenset[int]:
        found = self._units.get(concept)
        if found is None:
            if not self._starts and self.roots:
                texts = ["\n".join(full_parts(r.node)) for r in self.roots]
                offset = 0
                for text in texts:
                    self._starts.append(offset)
                    offset += len(text) + len(self.SEPARATOR)
                self._text = fold(self.SEPARATOR.join(texts))
            found = self._units[concept] = frozenset(
                bisect_right(self._starts, start) - 1 for start in det.concepts[concept].starts(self._text))
        return found

    def _visit(self, det: Detector, groups: Groups, prov: Provision, out: list) -> None:
        node = prov.node
        whole = self.whole.get(prov.eid)
        if whole is None:
            whole = self.whole[prov.eid] = "\n".join(full_parts(node))
        if not det.holds((whole,), groups):
            return  # nothing below can hold either: prunes almost every article at once
        kids = self.children.get(prov.eid, [])
        span = span_parts(node)
        if det.holds(span, groups):
            own = own_parts(node)
            points = [k for k in kids if k.inline]
            if points and not det.holds(own, groups):
                # The intro alone does not say it: if exactly one point does (in the intro's context),
                # that point is the evidence ("se entenderá por: … d) Pornografía infantil: …").
                alone = [k for k in points if det.holds(own + span_parts(k.node), groups)]
                if len(alone) == 1:
                    out.append((alone[0], own + span_parts(alone[0].node)))
                else:
                    out.append((prov, span))
            else:
                out.append((prov, span))
        for kid in kids:
            if not kid.inline:
                self._visit(det, groups, kid, out)


class Concept:
    """A concept's patterns, matched on lower-cased, accent-free text (see textnorm.fold).

    Each pattern is compiled on its own and a leading \\b is checked by hand: Python's regex engine
    only skips ahead quickly when a pattern starts with a literal, and one alternation of a dozen
    patterns, or a leading \\b, makes it try every position of a 2,000-article statute.
    """

    def __init__(self, parts: tuple[tuple[re.Pattern[str], bool], ...]) -> None:
        self.parts = parts

    def search(self, text: str) -> tuple[int, int] | None:
        best: tuple[int, int] | None = None
        for rx, boundary in self.parts:
            for m in rx.finditer(text):
                if boundary and m.start() and _word(text[m.start() - 1]):
                    continue  # the leading \b, checked here
                if best is None or m.start() < best[0]:
                    best = m.span()
                break
        return best

    def starts(self, text: str) -> set[int]:
        out: set[int] = set()
        for rx, boundary in self.parts:
            out.update(m.start() for m in rx.finditer(text) if not (boundary and m.start() and _word(text[m.start() - 1])))
        return out


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


UPPER = re.compile(r"\\.|\(\?P<|\(\?<|[^A-Z]")


@lru_cache(maxsize=None)
def _concept(profile_id: str, name: str, patterns: tuple[str, ...]) -> Concept:
    return Concept(tuple((_compile(profile_id, name, p[2:] if p.startswith("\\b") else p), p.startswith("\\b"))
                         for p in patterns)) if patterns else _compile(profile_id, name, "")  # type: ignore[return-value]


@lru_cache(maxsize=None)
def _compile(profile_id: str, name: str, pattern: str) -> re.Pattern[str]:
    where = f"profile {profile_id} (review)"
    if not pattern:
        raise DraftingError(f"concept {name!r} has no patterns", source=where)
    if UPPER.sub("", pattern):
        raise DraftingError(f"pattern {pattern!r} of {name!r} has capitals; patterns match lower-cased text", source=where)
    try:
        return re.compile(strip_accents(pattern), re.MULTILINE | re.ASCII)
    except re.error as exc:
        raise DraftingError(f"bad pattern in concept {name!r}: {exc}", source=where) from None


_DETECTORS: dict[str, Detector] = {}


def detector(profile: Profile) -> Detector:
    """The detector of a profile (cached by id: compiled patterns and matches are reused across reviews)."""
    found = _DETECTORS.get(profile.id)
    if found is None or found.profile is not profile:
        found = _DETECTORS[profile.id] = Detector(profile)
    return found
