"""Concept detectors and criterion rules, read from the review profile and evaluated generically.

A concept is a list of regular expressions (profile data, `[review.concepts]`); a compound concept
holds when all of its member concepts occur in one sentence (`[review.compounds]`: "a representation
… of a minor … sexually explicit" describes the material without naming it); a defined-term concept
is made per statute from its own definitions (`[review.defined]`: a term the law defines as the
material counts as the material wherever the law uses it).

A rule (`[review.criteria.<id>]`) reasons over the structure of the law, not one flat provision:

- `require`: concepts that must hold together in one provision (its own text and the points that
  complete its sentence) — the act and the material, say;
  A provision another of its article applies to ("In subsection (1), …", `interprets` in `[law]`) is read
  with those words as its own; an article a law inserts into another law is an article of its own;
- `context`: concepts that may hold in that provision, anywhere in its article (the penalty in the
  wrap-up or in another paragraph, "con la misma pena"), in a provision that cites the article
  ("the penalties of section 5"), or in a provision of the law's general part that reaches it
  ("Violation of this chapter shall be punished …", "los delitos previstos en esta ley");
- `reach`: the provision must reach the offences on the material — in their article, naming the
  material, citing their article, or in a general part over a law that has them (an aggravation of
  data crimes, jurisdiction for one unrelated offence do not); `reach_fail` says what happens when
  it does not (partial, or not counted);
- `met_also`: what met needs besides (repeat offenders, nationals abroad, proceeds …), else partial;
- `partial_if`: restrictions that make it partial — `unless` a widening phrase follows them
  ("en un sistema de información … o en cualquier otro soporte" restricts nothing);
- `drop_if`: near misses that never count, with their own reason ("keeps data secret, does not
  retain it"; an act done only with intent to distribute is not the simple form a criterion asks for);
- `partial_require`: a weaker co-occurrence that gives partial when nothing else holds.

Nothing here knows a criterion or a country: adding a criterion or a language is adding data.
Patterns are matched case-insensitively on accent-stripped text of the same length as the
original, so every match maps back to the original wording for quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
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
SENTENCE_BREAK = re.compile(r"(?<=[.;!?:])\s+(?=\S)|\n")
MAX_PIECE = 420  # characters of one quoted piece before it is trimmed around the matches
ELLIPSIS = "…"
JOINER = " … "
CACHE_LIMIT = 500_000
MET, RESTRICTED, WEAK = "met", "restricted", "weak"
BASES = ("provision", "article", "reference", "general")  # where a rule's context was found, strongest first
REACHES = ("article", "names", "cites", "general", "law")  # how a provision reaches the offences, strongest first


@dataclass(frozen=True)
class Rule:
    criterion: str
    require: Groups
    context: Groups = ()
    met_also: Groups = ()
    partial_if: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    drop_if: tuple[str, ...] = ()
    reach: str = ""
    reach_fail: str = "partial"
    reach_in: str = "offences"  # "offences": the offences on the material; "law": anywhere the law names it
    partial_require: Groups = ()
    measure: str = ""
    at_least: float | None = None
    anchor: str = ""
    term: str = ""
    reasons: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    reasons_es: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Hit:
    """A provision where a rule holds: `kind` is met, restricted (partial_if, measure, reach or
    met_also) or weak (partial_require)."""

    provision: Provision
    kind: str
    parts: tuple[str, ...]  # the original texts the rule holds in (context first, then the provision)
    groups: Groups  # the concept groups that hold there (what the quote must show)
    term: str = ""
    restriction: str = ""
    value: float | None = None
    basis: str = "provision"  # where the context was found (BASES)
    why: str = ""  # which test made it partial: "restriction", "measure", "reach", "met_also"
    support: Provision | None = None  # the provision that supplied the context, when another one did
    reach: str = ""  # how it reaches the offences on the material (REACHES), "" when the rule does not ask
    strength: int = 0  # which alternative of the first required group holds (0: the first, the strongest)


class Detector:
    """The concepts, measures and rules of one profile, with a per-text match cache."""

    def __init__(self, profile: Profile, extra: Mapping[str, tuple[str, ...]] | None = None) -> None:
        data = profile.section("review")
        self.profile = profile
        self.concepts: dict[str, Concept | Compound] = {
            name: _concept(profile.id, name, tuple(patterns)) for name, patterns in data.get("concepts", {}).items()}
        for name, spec in data.get("compounds", {}).items():
            members, excluded = tuple(spec.get("all", ())), tuple(spec.get("none", ()))
            for member in members + excluded:
                if member not in self.concepts:
                    raise DraftingError(f"compound {name!r} names unknown concept {member!r}",
                                        source=f"profile {profile.id} (review)")
            self.concepts[name] = Compound(tuple(self.concepts[m] for m in members),  # type: ignore[arg-type]
                                           tuple(self.concepts[m] for m in excluded))  # type: ignore[arg-type]
        # a defined-term concept: the concepts its definition must hold and (optionally) the term itself
        self.defined_sources: dict[str, tuple[str, ...]] = {}
        self.defined_names: dict[str, tuple[str, ...]] = {}
        self.defining: set[str] = set()  # concepts that match the defining provisions, not the term's uses
        for name, spec in data.get("defined", {}).items():
            table = spec if isinstance(spec, Mapping) else {"sources": spec}
            self.defined_sources[name] = tuple(table.get("sources", ()))
            self.defined_names[name] = tuple(table.get("term", ()))
            if table.get("defining"):
                self.defining.add(name)
        for name, sources in self.defined_sources.items():
            for source in sources + self.defined_names[name]:
                if source not in self.concepts:
                    raise DraftingError(f"defined concept {name!r} names unknown concept {source!r}",
                                        source=f"profile {profile.id} (review)")
            self.concepts[name] = _terms_concept(tuple(sorted((extra or {}).get(name, ()))), name not in self.defining)
        # one regex per pattern: each names its own (?P<value>…) group
        self.measures = {name: tuple(_compile(profile.id, f"measures.{name}", p) for p in m.get("patterns", ()))
                         for name, m in data.get("measures", {}).items()}
        self.numbers = {fold(str(k)): float(v) for k, v in data.get("numbers", {}).items()}
        self.cite_data = data.get("cite", {})
        # a provision that applies to another of its article ("In subsection (1), …", "Para los efectos del inciso
        # anterior, …"): read with it, as if its words were that provision's (see _interpretations)
        law = data.get("law", {})
        self.interprets = tuple(_compile_ref(profile.id, "law.interprets", p) for p in law.get("interprets", ()))
        self.interprets_previous = tuple(_compile_ref(profile.id, "law.interprets_previous", p)
                                         for p in law.get("interprets_previous", ()))
        self.ordinals = {fold(str(k)): str(v) for k, v in law.get("ordinals", {}).items()}
        self.rules = {cid: self._rule(cid, raw) for cid, raw in data.get("criteria", {}).items()}
        self._folded: dict[str, str] = {}
        self._found: dict[tuple[str, str], tuple[int, int] | None] = {}
        self._last_tree: _Tree | None = None

    def for_terms(self, terms: Mapping[str, tuple[str, ...]]) -> "Detector":
        """This detector with the statute's own defined terms as concepts (`[review.defined]`)."""
        if not any(terms.get(name) for name in self.defined_sources):
            return self
        return Detector(self.profile, terms)

    # ------------------------------------------------------------ data

    def _rule(self, cid: str, raw: Mapping) -> Rule:
        where = f"profile {self.profile.id} (review)"

        def groups(key: str) -> Groups:
            out = tuple(tuple(alt.strip() for alt in str(g).split("|")) for g in raw.get(key, ()))
            for group in out:
                for name in group:
                    if name not in self.concepts:
                        raise DraftingError(f"criterion {cid}: {key} names unknown concept {name!r}", source=where)
            return out

        def names(key: str) -> tuple[str, ...]:
            out = tuple(raw.get(key, ()))
            for name in out:
                if name not in self.concepts:
                    raise DraftingError(f"criterion {cid}: {key} names unknown concept {name!r}", source=where)
            return out

        measure = raw.get("measure", {}) or {}
        if measure and measure.get("name") not in self.measures:
            raise DraftingError(f"criterion {cid}: unknown measure {measure.get('name')!r}", source=where)
        for value in tuple(n for n in (raw.get("anchor"), raw.get("term"), raw.get("reach")) if n):
            for name in str(value).split("|"):  # term and reach may name alternatives
                if name not in self.concepts:
                    raise DraftingError(f"criterion {cid}: unknown concept {name!r}", source=where)
        reach_fail = str(raw.get("reach_fail", "partial"))
        if reach_fail not in ("partial", "drop"):
            raise DraftingError(f"criterion {cid}: reach_fail must be 'partial' or 'drop', not {reach_fail!r}", source=where)
        reach_in = str(raw.get("reach_in", "offences"))
        if reach_in not in ("offences", "law"):
            raise DraftingError(f"criterion {cid}: reach_in must be 'offences' or 'law', not {reach_in!r}", source=where)
        require = groups("require")
        if not require:
            raise DraftingError(f"criterion {cid}: the rule needs `require`", source=where)
        return Rule(cid, require, groups("context"), groups("met_also"), names("partial_if"), names("unless"),
                    names("drop_if"), str(raw.get("reach", "")), reach_fail, reach_in, groups("partial_require"),
                    str(measure.get("name", "")), measure.get("at_least"), str(raw.get("anchor", "")),
                    str(raw.get("term", "")), raw.get("reason", MappingProxyType({})),
                    raw.get("reason_es", MappingProxyType({})))

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
                value = float(raw) if raw.isdigit() else self.numbers.get(raw, _number_words(raw, self.profile.language))
                if value is not None:
                    return value, part[match.start():match.end()]
        return None, ""

    def restricted(self, parts: Sequence[str], rule: Rule) -> str:
        """The first restriction (`partial_if`) that no widening phrase (`unless`) cancels after it."""
        for concept in rule.partial_if:
            for part in parts:
                where = self.span(part, concept)
                if not where:
                    continue
                rest = part[where[1]:]
                if any(self.span(rest, w) for w in rule.unless):
                    continue  # "… en un sistema de información … o en cualquier otro soporte": not a restriction
                return self.phrase((part,), concept)
        return ""

    # ------------------------------------------------------------ rules over the law

    def hits(self, provisions: Sequence[Provision], rule: Rule, law: "Law | None" = None) -> tuple[Hit, ...]:
        """Every provision where the rule holds: met and partial ones, else the weak ones."""
        law = law if law is not None and law.provisions is provisions else Law(self, provisions)
        tree = self._tree(provisions)
        found = []
        for prov, parts in tree.holding(self, rule.require):
            hit = self._judge(rule, prov, parts, law)
            if hit is None:
                continue
            applied = tree.applied.get(prov.eid)
            if applied and hit.basis == "provision" and not self.holds(parts[:len(parts) - len(applied[0])], rule.require):
                # it holds only with the words another provision of the article applies to it
                hit = replace(hit, basis="article", support=applied[1])
            found.append(hit)
        found.extend(self._by_cited_material(tree, rule, law, {h.provision.eid for h in found}))
        if not found and rule.partial_require:
            for prov, parts in tree.holding(self, rule.partial_require):
                if rule.drop_if and any(self.has(parts, c) for c in rule.drop_if):
                    continue
                found.append(Hit(prov, WEAK, parts, self._present(parts, rule.partial_require),
                                 self._first_phrase(parts, rule.partial_require[0]), why="weak"))
        return tuple(found)

    def _by_cited_material(self, tree: "_Tree", rule: Rule, law: "Law", seen: set[str]) -> list[Hit]:
        """Where the rule holds with the material named by reference to an article that names it: the
        provision is judged as if it named the material, the cited article its support."""
        material = frozenset(law.material.split("|")) if law.material else frozenset()
        referring = tuple(c for c in (law.material_cited, law.material_same) if c in self.concepts)
        if not material or not referring or not any(material <= frozenset(g) for g in rule.require):
            return []
        groups = tuple(referring if material <= frozenset(g) else g for g in rule.require)
        out = []
        for prov, parts in tree.holding(self, groups):
            if any(lineage(prov.eid, eid) for eid in seen):
                continue  # already proof, or inside (or around) a provision that is
            source, basis = law.cited_material(prov), "reference"
            if source is None and law.material_same in self.concepts and self.has(parts, law.material_same):
                source, basis = law.material_before(prov), "article"
            hit = self._judge(rule, prov, parts, law) if source is not None else None
            if hit is not None:
                out.append(replace(hit, basis=basis if hit.basis == "provision" else hit.basis,
                                   support=hit.support or source))
        return out

    def _tree(self, provisions: Sequence[Provision]) -> "_Tree":
        # One tree per statute, reused by every criterion of a review.
        tree = self._last_tree
        if tree is None or tree.source is not provisions:
            tree = self._last_tree = _Tree(provisions, self._interpretations(provisions))
        return tree

    def _interpretations(self, provisions: Sequence[Provision]) -> dict[str, tuple[tuple[str, ...], Provision]]:
        """eid of each provision another of its article applies to ("In subsection (1), a person gains access
        … by means of a computer") → (the words that apply to it, the provision that says them)."""
        if not (self.interprets or self.interprets_previous):
            return {}
        siblings: dict[str, list[Provision]] = {}
        for prov in provisions:
            if prov.parent:
                siblings.setdefault(prov.parent, []).append(prov)
        out: dict[str, tuple[tuple[str, ...], Provision]] = {}
        for prov in provisions:
            text = strip_accents(prov.node.text)
            if not prov.parent or not text:
                continue
            family = siblings[prov.parent]
            target: Provision | None = None
            if any(rx.search(text) for rx in self.interprets_previous):
                at = family.index(prov)
                target = family[at - 1] if at > 0 else None
            else:
                match = next((m for rx in self.interprets if (m := rx.search(text))), None)
                if match is not None:
                    key = _num_key(self.ordinals.get(fold(match.group("nums")), match.group("nums")))
                    target = next((s for s in family if s.node.num and _num_key(s.node.num) == key), None)
                    if target is None and key.isdigit() and not any(s.node.num for s in family):
                        # unnumbered paragraphs ("el inciso primero"): by their place
                        target = family[int(key) - 1] if 0 < int(key) <= len(family) else None
            if target is not None and target is not prov:
                words, _ = out.get(target.eid, ((), prov))
                out[target.eid] = (words + span_parts(prov.node), prov)
        return out

    def _judge(self, rule: Rule, prov: Provision, parts: tuple[str, ...], law: "Law") -> Hit | None:
        if rule.drop_if and any(self.has(parts, c) for c in rule.drop_if):
            return None  # a near miss, or a form the criterion does not count (only with intent to distribute)
        basis, support = "provision", None
        if rule.context and not self.holds(parts, rule.context):
            found = law.context(prov, parts, rule.context)
            if found is None:
                return None
            basis, support = found
        groups = self._present(parts, rule.require)
        first = rule.require[0]
        strength = next((i for i, c in enumerate(first) if self.has(parts, c)), len(first))
        term = self._first_phrase(parts, tuple(rule.term.split("|"))) if rule.term else self._first_phrase(parts, first)
        reach = law.reaches(prov, parts, rule.reach, rule.reach_in) if rule.reach else ""
        common = {"basis": basis, "support": support, "reach": reach, "strength": strength}
        value = None
        if rule.measure:
            value, said = self.measure(parts, rule.measure)
            if value is None:
                return None  # a definition without an age cannot prove anything about the age
            term = said
            if rule.at_least is not None and value < rule.at_least:
                return Hit(prov, RESTRICTED, parts, groups, term, said, value, why="measure", **common)
        if rule.reach and not reach:
            if rule.reach_fail == "drop":
                return None
            return Hit(prov, RESTRICTED, parts, groups, term, "", value, why="reach", **common)
        restriction = self.restricted(parts, rule) if rule.partial_if else ""
        if restriction:
            restricting = tuple((c,) for c in rule.partial_if if self.has(parts, c))
            return Hit(prov, RESTRICTED, parts, groups + restricting[:1], term, restriction, value, why="restriction", **common)
        if rule.met_also and not (self.holds(parts, rule.met_also) or self.holds(law.article_parts(prov), rule.met_also)):
            return Hit(prov, RESTRICTED, parts, groups, term, "", value, why="met_also", **common)
        if rule.met_also:
            groups = groups + self._present(parts, rule.met_also)
        return Hit(prov, MET, parts, groups, term, "", value, **common)

    def _present(self, parts: Sequence[str], groups: Groups) -> Groups:
        """Each group narrowed to the alternatives actually present (so the quote shows them)."""
        return tuple(tuple(c for c in g if self.has(parts, c)) or g for g in groups)

    def _first_phrase(self, parts: Sequence[str], group: tuple[str, ...]) -> str:
        return next((self.phrase(parts, c) for c in group if self.has(parts, c)), "")

    def mentions(self, provisions: Sequence[Provision], concept: str, hits: Sequence[Hit]) -> tuple[Provision, ...]:
        """Units whose text uses `concept` without the rule holding there: passing mentions."""
        seen: dict[str, Provision] = {}
        units = {p.eid: p for p in provisions if p.is_unit}
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
        """How a reason names a provision: "article 7, Párrafo", "provision PRIMERA (Disposiciones finales)";
        in several statutes reviewed together, with its statute: "Ley 53-07, article 24"."""
        if prov.statute:
            return f"{prov.statute}, {self.cite(_without_statute(prov), key)}"
        if prov.schedule:  # "Schedule 1, item 2" names itself
            pattern = "{num} ({amends})" if prov.amends else "{num}"
            return pattern.replace("{num}", prov.num).replace("{amends}", prov.amends)
        if prov.amends:
            pattern = self.cite_data.get(key.replace("unit", "amending"), "{num}, {amends}")
            return pattern.replace("{num}", prov.num).replace("{amends}", prov.amends)
        if prov.group:
            pattern = self.cite_data.get(key.replace("unit", "group"), "{num} ({group})")
            return pattern.replace("{num}", prov.num).replace("{group}", prov.group.capitalize())
        return self.cite_data.get(key, "{num}").replace("{num}", prov.num)


class Law:
    """What a rule may use beyond one provision: the article it belongs to, the provisions that cite
    that article, the general part that reaches it, and which articles are offences on the material."""

    def __init__(self, det: Detector, provisions: Sequence[Provision]) -> None:
        self.det = det
        self.provisions = provisions
        data = det.profile.section("review").get("law", {})
        self.general = str(data.get("general_scope", ""))  # concept: "this Act", "esta ley", "any offence under"
        self.offence = str(data.get("offence", ""))  # concept: an offence or penalty
        self.material = str(data.get("material", ""))  # group of concepts naming the material, "a|b|c"
        # what a provision must say for a penalty found elsewhere (a citing provision, the general part) to
        # make it an offence: that it prohibits something ("el que …", "a person who …", "it shall be unlawful")
        self.prohibition = str(data.get("prohibition", ""))
        self.definition_word = str(data.get("definition", "definition"))  # headings that only define cite nothing
        # headings of articles that state the law's purpose, aims or principles: they speak of everything the
        # law does, so they are proof of a criterion only when no operative provision is
        self.programmatic = str(data.get("programmatic", ""))
        self._named: dict[str, bool] = {}
        refs = data.get("reference", ())
        self.reference = [re.compile(strip_accents(p), re.IGNORECASE) for p in refs]
        # "el artículo anterior": a citation of the article before this one
        self.previous = [re.compile(strip_accents(p), re.IGNORECASE) for p in data.get("previous", ())]
        # concept: material named by reference to another article ("material de los señalados en el artículo 187")
        self.material_cited = str(data.get("material_cited", ""))
        # concept: material named by reference to what the article named before ("such material", "dicho material")
        self.material_same = str(data.get("material_same", ""))
        self._index = {p.eid: i for i, p in enumerate(provisions)}
        # the law's articles, and each article it inserts into another law (an article of its own: a one-article
        # amending law's inserted offences never share one another's penalties)
        self.units = {p.eid: p for p in provisions if p.is_unit}
        self.by_num: dict[str, list[Provision]] = {}
        for unit in self.units.values():
            self.by_num.setdefault(_num_key(unit.node.num), []).append(unit)
        self._article: dict[str, tuple[str, ...]] = {}
        self._cites: dict[str, tuple[str, ...]] | None = None
        self._general: list[Provision] | None = None
        self._offence_units: set[str] | None = None

    def article_parts(self, prov: Provision) -> tuple[str, ...]:
        unit = self.units.get(prov.unit, prov)
        found = self._article.get(unit.eid)
        if found is None:
            found = self._article[unit.eid] = full_parts(unit.node, quoted=False)
        return found

    # which articles a provision cites: by number ("section 5", "artículo 24", "§ 22-3102"), or by the
    # name its heading gives the offence ("Whoever commits sexual harassment" cites "Sexual harassment.—")
    def cited(self, prov: Provision) -> tuple[str, ...]:
        if self._cites is None:
            self._cites = {}
        found = self._cites.get(prov.eid)
        if found is None:
            text = " ".join(span_parts(prov.node))
            nums: list[str] = []
            for rx in self.reference:
                for match in rx.finditer(strip_accents(text)):
                    for num in re.split(r"\s*(?:,|\by\b|\band\b|\bor\b|\bo\b|\bto\b|\ba\b)\s*", match.group("nums")):
                        key = _num_key(num)
                        if key and key in self.by_num:
                            nums.extend(u.eid for u in self.by_num[key])
            if any(rx.search(strip_accents(text)) for rx in self.previous):
                # "el artículo anterior": the unit before this one, of the same law (this one or the one amended)
                order = [eid for eid, u in self.units.items() if bool(u.amends) == bool(prov.amends)]
                at = order.index(prov.unit) if prov.unit in order else -1
                if at > 0:
                    nums.append(order[at - 1])
            headings = self._headings()
            if headings is not None:
                for match in headings[0].finditer(fold(text)):
                    nums.extend(headings[1].get(match.group(0), ()))
            found = self._cites[prov.eid] = tuple(dict.fromkeys(n for n in nums if n != prov.unit))
        return found

    def cited_material(self, prov: Provision) -> Provision | None:
        """The article whose material a provision names by reference ("almacene … material de los señalados
        en el artículo anterior"), when that article names the material itself; None otherwise."""
        if not self.material:
            return None
        eids = self.cited(prov)
        material = (tuple(self.material.split("|")),)
        for eid in eids:
            unit = self.units.get(eid)
            if unit is not None and eid != prov.unit and self.det.holds(self.article_parts(unit), material):
                return unit
        return None

    def material_before(self, prov: Provision) -> Provision | None:
        """The provision of the same article, before `prov`, that names the material "such material" or
        "dicho material" refers to; None when none does (a heading alone does not)."""
        if not self.material:
            return None
        material = (tuple(self.material.split("|")),)
        at = self._index.get(prov.eid, 0)
        for other in reversed(self.provisions[:at]):
            if other.unit != prov.unit or lineage(other.eid, prov.eid):
                if other.eid == prov.unit:
                    break  # back at the article's start
                continue  # an article the article inserts, or the provisions that hold this one
            words = tuple(p for p in span_parts(other.node) if p != other.node.heading)
            if self.det.holds(words, material):
                return other
        return None

    def _headings(self) -> tuple[re.Pattern[str], dict[str, list[str]]] | None:
        """Unit headings of two words or more that name an offence ("sexual harassment"), as one pattern."""
        if not hasattr(self, "_heading_rx"):
            names: dict[str, list[str]] = {}
            for unit in self.units.values():
                heading = " ".join(fold(unit.node.heading).strip(" .:-—–").split())
                words = heading.split()
                if 2 <= len(words) <= 6 and not self.det.has((heading,), self.definition_word):
                    names.setdefault(heading, []).append(unit.eid)
            alternatives = "|".join(re.escape(h) for h in sorted(names, key=len, reverse=True))
            self._heading_rx = (re.compile(rf"\b(?:{alternatives})\b"), names) if names else None
        return self._heading_rx

    def general_provisions(self) -> list[Provision]:
        """Provisions of the general part: they speak of every offence of the law, chapter or title."""
        if self._general is None:
            self._general = [p for p in self.provisions if self.general and self.det.has(span_parts(p.node), self.general)]
        return self._general

    def context(self, prov: Provision, parts: Sequence[str], groups: Groups) -> tuple[str, Provision | None] | None:
        """Where else the context of a rule holds for `prov`: its article, a provision citing that
        article, or a general provision; None when nowhere. A penalty found outside the article only
        counts for a provision that prohibits something (a list of forms of violence is not an offence)."""
        if self.det.holds(self.article_parts(prov), groups):
            return "article", None
        if self.prohibition and not (self.det.has(parts, self.prohibition)
                                     or self.det.has(self.article_parts(prov), self.prohibition)):
            return None
        for other in self.provisions:
            if prov.unit in self.cited(other) and self.det.holds(span_parts(other.node), groups):
                return "reference", other
        for general in self.general_provisions():
            if general.unit != prov.unit and self.det.holds(span_parts(general.node), groups):
                return "general", general
        return None

    def is_programmatic(self, prov: Provision) -> bool:
        """Whether `prov` belongs to an article headed as the law's purpose, aims or principles."""
        unit = self.units.get(prov.unit)
        return bool(self.programmatic and unit is not None and unit.node.heading
                    and self.det.has((unit.node.heading,), self.programmatic))

    def offence_units(self) -> set[str]:
        """Articles with a provision that makes an offence of conduct involving the material: the material
        (named, described or defined) and a prohibition or penalty in that same provision."""
        if self._offence_units is None:
            material = tuple(self.material.split("|")) if self.material else ()
            acts = tuple(c for c in (self.offence, self.prohibition) if c)
            found: set[str] = set()
            if material and acts:
                for prov, parts in self.det._tree(self.provisions).holding(self.det, (material, acts)):
                    found.add(prov.unit)
            self._offence_units = found
        return self._offence_units

    def reaches(self, prov: Provision, parts: Sequence[str], concepts: str, scope: str = "offences") -> str:
        """How a provision reaches the offences on the material ("" when it does not): in their article,
        naming one of `concepts` ("a|b"), citing their article, or speaking of every offence of a law
        that has them. With scope "law", it is enough that the law names the material anywhere."""
        names = concepts.split("|")
        offences = self.offence_units()
        if prov.unit in offences:
            return "article"
        if any(self.det.has(parts, c) for c in names):
            return "names"
        if any(unit in offences for unit in self.cited(prov)):
            return "cites"
        if offences and self.general and self.det.has(parts, self.general):
            return "general"
        if scope == "law" and self.names(concepts):
            return "law"
        return ""

    def names(self, concepts: str) -> bool:
        """Does the law name any of `concepts` anywhere (its own provisions, or wording it enacts)?"""
        found = self._named.get(concepts)
        if found is None:
            found = self._named[concepts] = any(
                self.det.has(self.article_parts(u), c) for u in self.units.values() for c in concepts.split("|"))
        return found


def _without_statute(prov: Provision) -> Provision:
    return replace(prov, statute="")


def _num_key(num: str) -> str:
    return re.sub(r"[\s.°º–-]+", "", fold(num)).strip("()")


def _number_words(word: str, language: str) -> float | None:
    """A number written in words ("dieciocho", "eighteen"), read with text2num."""
    try:
        from text_to_num import text2num
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    try:
        return float(text2num(word.replace("-", " "), "es" if language == "es" else "en"))
    except ValueError:
        return None


class _Tree:
    """Provisions as a tree, to find the smallest provisions where a set of concepts co-occurs."""

    SEPARATOR = "\n\x00\n"  # between articles: no pattern (\s, .) runs across it

    def __init__(self, provisions: Sequence[Provision],
                 applied: Mapping[str, tuple[tuple[str, ...], Provision]] | None = None) -> None:
        self.source = provisions
        # words another provision of the article applies to a provision ("In subsection (1), …"): read as its own
        self.applied = dict(applied or {})
        by_eid = {p.eid: p for p in provisions}
        self.applied_below: dict[str, list[str]] = {}  # eid → those words for it and everything under it
        for eid, (words, _) in self.applied.items():
            node = by_eid.get(eid)
            while node is not None:
                self.applied_below.setdefault(node.eid, []).extend(words)
                node = by_eid.get(node.parent) if node.parent else None
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
        seen: set[str] = set()
        unique = []
        for prov, parts in out:  # a point reached from its article and again on its own: once
            if prov.eid not in seen:
                seen.add(prov.eid)
                unique.append((prov, parts))
        return unique

    def _containing(self, det: Detector, concept: str) -> frozenset[int]:
        key = f"{id(det)}:{concept}"
        found = self._units.get(key)
        if found is None:
            if not self._starts and self.roots:
                texts = ["\n".join(full_parts(r.node)) for r in self.roots]
                offset = 0
                for text in texts:
                    self._starts.append(offset)
                    offset += len(text) + len(self.SEPARATOR)
                self._text = fold(self.SEPARATOR.join(texts))
            found = self._units[key] = frozenset(
                bisect_right(self._starts, start) - 1 for start in det.concepts[concept].starts(self._text))
        return found

    def _visit(self, det: Detector, groups: Groups, prov: Provision, out: list) -> None:
        node = prov.node
        whole = self.whole.get(prov.eid)
        if whole is None:
            whole = self.whole[prov.eid] = "\n".join(full_parts(node) + tuple(self.applied_below.get(prov.eid, ())))
        if not det.holds((whole,), groups):
            return  # nothing below can hold either: prunes almost every article at once
        if det.holds(span_parts(node) + self.words_for(prov), groups):
            self._narrow(det, groups, prov, (), out)
        for kid in self.children.get(prov.eid, []):
            self._visit(det, groups, kid, out)  # a point's own sub-provisions may say it on their own

    def _narrow(self, det: Detector, groups: Groups, prov: Provision, context: tuple[str, ...], out: list) -> None:
        """The smallest provisions that say it: when the intro alone does not, each point of its list that
        does (read with the intro's words) is a provision of its own — "(3) … possesses with intent to sell"
        and "(4) … knowingly possesses" are two provisions, not one; "se entenderá por: … d) Pornografía
        infantil: …" points at d)."""
        own = context + own_parts(prov.node) + self.words_for(prov)
        points = [k for k in self.children.get(prov.eid, []) if k.inline]
        if points and not det.holds(own, groups):
            alone = [k for k in points if det.holds(own + span_parts(k.node) + self.words_for(k), groups)]
            if alone:
                for kid in alone:
                    self._narrow(det, groups, kid, own, out)
                return
        out.append((prov, context + span_parts(prov.node) + self.words_for(prov)))

    def words_for(self, prov: Provision) -> tuple[str, ...]:
        """The words another provision of its article applies to it ("In subsection (1), …")."""
        found = self.applied.get(prov.eid)
        return found[0] if found else ()


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


class Compound:
    """All member concepts in one sentence: "any representation … of a child … sexually explicit";
    and none of the `excluded` ones there ("material reserved for adults … shown to children": the
    child is the audience, not the one depicted)."""

    def __init__(self, members: tuple[Concept, ...], excluded: tuple[Concept, ...] = ()) -> None:
        self.members = members
        self.excluded = excluded

    def _sentences(self, text: str) -> Iterable[tuple[int, int]]:
        start = 0
        for m in SENTENCE_BREAK.finditer(text):
            yield start, m.start()
            start = m.end()
        yield start, len(text)

    def search(self, text: str) -> tuple[int, int] | None:
        if not all(m.search(text) for m in self.members):
            return None  # cheap test on the whole text first
        for lo, hi in self._sentences(text):
            piece = text[lo:hi]
            spans = [m.search(piece) for m in self.members]
            if all(spans) and not any(x.search(piece) for x in self.excluded):
                first = min(s[0] for s in spans)  # type: ignore[index]
                last = max(s[1] for s in spans)  # type: ignore[index]
                return lo + first, lo + last
        return None

    def starts(self, text: str) -> set[int]:
        hits = [sorted(m.starts(text)) for m in self.members]
        if not all(hits):
            return set()
        out: set[int] = set()
        for lo, hi in self._sentences(text):
            if all(_any_between(found, lo, hi) for found in hits) \
                    and not any(x.search(text[lo:hi]) for x in self.excluded):
                out.add(lo)
        return out


def _any_between(ordered: list[int], lo: int, hi: int) -> bool:
    i = bisect_right(ordered, lo - 1)
    return i < len(ordered) and ordered[i] < hi


class _Nothing:
    """A defined-term concept of a statute that defines no such term."""

    def search(self, text: str) -> None:
        return None

    def starts(self, text: str) -> set[int]:
        return set()


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


UPPER = re.compile(r"\\.|\(\?P<|\(\?<|[^A-Z]")


@lru_cache(maxsize=None)
def _concept(profile_id: str, name: str, patterns: tuple[str, ...]) -> Concept:
    return Concept(tuple((_compile(profile_id, name, p[2:] if p.startswith("\\b") else p), p.startswith("\\b"))
                         for p in patterns)) if patterns else _compile(profile_id, name, "")  # type: ignore[return-value]


@lru_cache(maxsize=256)
def _terms_concept(terms: tuple[str, ...], words: bool = True) -> Concept | _Nothing:
    """The statute's own defined terms as a concept: each a whole word or phrase, plural allowed; or (not
    `words`) the opening words of the provisions that define them, as written (see defined_terms)."""
    if not terms:
        return _Nothing()
    alternatives = "|".join(re.escape(fold(t)) for t in sorted(terms, key=len, reverse=True))
    if not words:
        return Concept(((re.compile(f"(?:{alternatives})"), False),))
    # each word may take its plural: a Spanish term pluralises its head noun first ("prestadores de servicios")
    plurals = "|".join(r"(?:e?s)?\ ".join(re.escape(w) for w in fold(t).split())
                       for t in sorted(terms, key=len, reverse=True))
    return Concept(((re.compile(rf"(?:{plurals})(?:e?s)?\b", re.ASCII), True),))


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


def _compile_ref(profile_id: str, name: str, pattern: str) -> re.Pattern[str]:
    """A pattern of [law] (matched case-insensitively on accent-free text, with a group `nums` where it
    names a provision)."""
    try:
        return re.compile(strip_accents(pattern), re.IGNORECASE)
    except re.error as exc:
        raise DraftingError(f"bad pattern in {name}: {exc}", source=f"profile {profile_id} (review)") from None


_DETECTORS: dict[str, Detector] = {}


def detector(profile: Profile) -> Detector:
    """The detector of a profile (cached by id: compiled patterns and matches are reused across reviews)."""
    found = _DETECTORS.get(profile.id)
    if found is None or found.profile is not profile:
        found = _DETECTORS[profile.id] = Detector(profile)
    return found


def defined_terms(det: Detector, provisions: Sequence[Provision]) -> dict[str, tuple[str, ...]]:
    """For each defined-term concept (`[review.defined]`), the terms this statute defines with it."""
    out: dict[str, list[str]] = {name: [] for name in det.defined_sources}
    for prov in provisions:
        term = prov.node.defines
        if not term or len(term) < 3:
            continue
        parts = span_parts(prov.node)
        for name, sources in det.defined_sources.items():
            names = det.defined_names.get(name, ())
            if names and not any(det.has((term,), c) for c in names):
                continue  # "sexual exploitation" may mention the material; it does not name a kind of it
            if any(det.has(parts, s) for s in sources):
                # a defining concept matches the definition itself (its opening words), not the term's uses
                out[name].append(prov.node.text[:60] if name in det.defining else term)
    return {k: tuple(dict.fromkeys(t for t in v if t)) for k, v in out.items() if any(v)}


__all__ = ["Detector", "Rule", "Hit", "Law", "Concept", "Compound", "detector", "defined_terms"]
