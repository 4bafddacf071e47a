"""An amending bill that fills the gaps a review found in a statute, written for the statute's own
jurisdiction and in the statute's own terms.

Who enacts it: the preset of the statute's country, else the generic preset of its tradition (with
a warning naming each institution and fine the drafter must supply); a preset the drafter picks is
used as asked, with a warning when its country is not the statute's (`presets`).

What it says: its recitals are the review's findings (one per gap, the review's own sentence) and
its citations are the statute itself (real title, number and date); the preset gives only the
house style — heading, formulas, labels, places, institutions and penalty units.

What each gap becomes (a criterion `partial` or `missing`):

* a definition goes INTO the law's definitions article, as new points after its last one, labelled
  and worded the law's way ("c. Por material de abuso sexual infantil: …"); a law that defines the
  same thing under its own term keeps that term ("pornografía infantil"), and a partial definition
  is replaced under it;
* a missing provision becomes a new article with the next free number in the law's own style
  (`numbers`: 5-B after 5-A; 12 bis; 4A), placed after the article the review cites for the same
  topic (a possession offence after the law's offence on the material, not among its data-system
  offences), else at the end of the division whose heading names the topic (`[placement]`), else
  by the model clauses it aligns with;
* a partly met provision is replaced when the model clause can take its place; when it cannot (a
  model article with Párrafos of its own against one Párrafo), the model article follows it as a
  new article and the bill repeals the narrower provision, so that the two never stay in force side
  by side;
* definitions the new articles rely on and the law lacks are added with them; the new text uses
  the law's defined terms (`terms`) instead of the model's.

Wording, suffixes, placement words and terms are data in profiles/gapbill/<profile>.toml, in the
profile of the jurisdiction that enacts the bill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from drafting.bills import citing, definitions as defs, terms
from drafting.bills.assembly import Assembly
from drafting.bills.furniture import furniture
from drafting.bills.labels import house_labels, in_statute_style, labelled, statute_style
from drafting.bills.numbers import default_style, next_number, numbering_style, root_of
from drafting.bills.presets import choose_preset, is_generic, placeholder_warnings, preset_warnings, real_country
from drafting.bills.spec import REVIEW, BillSpec, parameter_value
from drafting.errors import DraftingError
from drafting.library.library import Library
from drafting.model.document import DIVISION_KINDS, Document, Meta, Node, is_unit, walk
from drafting.model.eids import assign_eids
from drafting.model.numbering import num_key, ordinal_words
from drafting.naming import country_name
from drafting.parse import profiles

if TYPE_CHECKING:
    from drafting.review.align import Alignment
    from drafting.review.verdicts import Verdict

MISSING, PARTIAL, MET = "missing", "partial", "met"
ADD, MODIFY, ADD_PARTS, REPEAL = "add", "modify", "add_parts", "repeal"


@dataclass(frozen=True)
class Gap:
    criterion: str
    status: str = MISSING  # missing → add an article; partial → replace the provision in `evidence`
    evidence: tuple[str, ...] = ()  # eIds of the statute provisions that partly meet the criterion


@dataclass(frozen=True)
class Amendment:
    """One amending provision: what it does to which provision of the statute, and the new text."""

    action: str  # ADD (a new article), MODIFY (replace a unit or a part), ADD_PARTS (new points), REPEAL
    clause: str  # the model clause it carries ("" for a repeal)
    criterion: str
    num: str  # the new article's number, or the changed unit's ("24" or "24, Párrafo")
    after: str = ""  # ADD: the number of the article it follows
    unit: Node | None = None  # the article changed (MODIFY, ADD_PARTS, REPEAL)
    target: Node | None = None  # MODIFY/REPEAL of a part: the part; ADD_PARTS: the subsection that holds them
    parts: tuple[Node, ...] = ()  # ADD_PARTS: the new points, in the law's style; MODIFY: the replacement


def gap_bill(statute: Document, library: Library, *, jurisdiction: str | None = None,
             gaps: Sequence[str | Gap] | None = None, edition: str = "2006", title: str = "", short_title: str = "",
             parameters: Mapping[str, Any] | None = None) -> Assembly:
    """The amending bill for `statute`: gaps by criterion id (or Gap), or None to take them from a review.

    `jurisdiction` None drafts with the statute's own preset (else the generic one of its language);
    `parameters` are values the drafter sets (authorities, fines) over the preset's."""
    return _GapBill(statute, library, jurisdiction, edition, parameters or {}).run(gaps, title, short_title)


def gap_bill_from_spec(spec: BillSpec, library: Library) -> Assembly:
    """An amending spec (`amends = …`): import the statute and fill its gaps."""
    from drafting.importers.document import import_document

    path = spec.amends_path()
    if not path.is_file():
        raise spec.error(f"amends: no such statute file {str(path)!r}", "amends")
    if spec.jurisdiction and spec.jurisdiction not in library.jurisdictions:
        raise spec.error(f"unknown jurisdiction {spec.jurisdiction!r}; known: {', '.join(library.jurisdictions)}", "jurisdiction")
    statute = import_document(path).document
    gaps = None if spec.gaps_from_review else spec.gaps
    return gap_bill(statute, library, jurisdiction=spec.jurisdiction or None, gaps=gaps, edition=spec.edition,
                    title=spec.title, short_title=spec.short_title, parameters=spec.parameters)


class _GapBill:
    def __init__(self, statute: Document, library: Library, jurisdiction: str | None, edition: str,
                 parameters: Mapping[str, Any]) -> None:
        self.statute, self.library, self.edition = statute, library, str(edition)
        meta = statute.meta
        self.profile = profiles.get(meta.profile) if meta.profile else profiles.for_language(meta.language)
        self.language = meta.language or self.profile.language
        code = choose_preset(library, self.language, meta.country, jurisdiction)
        self.jurisdiction = library.jurisdiction(code)
        self.warnings: list[str] = preset_warnings(self.jurisdiction, meta.country, picked=bool(jurisdiction))
        own = profiles.get(self.jurisdiction.profile)
        self.house = own if own.language == self.language else self.profile  # the enacting house's wording
        self.words = self.house.section("gapbill")
        if not self.words.get("add"):
            raise DraftingError(f"profile {self.house.id} has no amending-bill phrases (profiles/gapbill/{self.house.id}.toml)")
        self.params = self.checked(parameters)
        self.unit_of = {node.eid: unit for unit in statute.units() for node, _ in walk((unit,), into_quotes=False) if node.eid}
        self.taken = {u.num for u in statute.units()}
        self.ranks = {u.num: (n, 0) for n, u in enumerate(statute.units())}
        self.style = numbering_style(statute, default_style(self.words))
        self.law_defs = terms.law_definitions(statute)
        self._alignment: Alignment | None = None
        self._detector: Any = None
        self.verdicts: dict[str, Verdict] = {}
        self.placed: dict[str, str] = {}

    def checked(self, parameters: Mapping[str, Any]) -> dict[str, Any]:
        out = {}
        for name, value in parameters.items():
            if name not in self.library.parameters:
                raise DraftingError(f"unknown parameter {name!r}{citing_suggest(name, self.library.parameters)}")
            out[name] = parameter_value(self.library, name, value, self.language)
        return out

    # --- which gaps --------------------------------------------------------------------------------

    def run(self, gaps: Sequence[str | Gap] | None, title: str, short_title: str) -> Assembly:
        found = self.gaps(gaps)
        if not found:
            raise DraftingError("nothing to amend: the review finds no partial or missing criterion"
                                if gaps is None else "nothing to amend: no gaps given")
        plan = self.plan(found)
        if not plan:
            raise DraftingError("nothing to amend: the statute already provides for every gap asked for "
                                f"({', '.join(g.criterion for g in found)})")
        return self.bill(plan, found, title, short_title)

    def gaps(self, given: Sequence[str | Gap] | None) -> tuple[Gap, ...]:
        cset = self.library.criteria_set(self.edition)
        verdicts = self.review()
        if given is None or tuple(given) == (REVIEW,):
            return tuple(v for c in cset.criteria if (v := verdicts.get(self.canonical(c))) and v.status != MET)
        out: list[Gap] = []
        for item in given:
            if isinstance(item, Gap):
                out.append(item)
                continue
            self.library.criterion(item)  # unknown id → a clear error with suggestions
            verdict = verdicts.get(self.canonical(item))
            if verdict is not None and verdict.status == MET:
                self.warnings.append(f"the review finds criterion {item!r} met ({', '.join(verdict.evidence) or 'no evidence'}); "
                                     "a provision is added anyway, as asked")
            out.append(verdict if verdict is not None and verdict.status == PARTIAL else Gap(self.canonical(item)))
        return tuple(out)

    def canonical(self, criterion: str) -> str:
        crit = self.library.criterion(criterion)
        return crit.alias_of or crit.id

    def review(self) -> dict[str, Gap]:
        """The review's verdicts as Gaps (criterion → Gap), sharing this bill's alignment."""
        from drafting.review.verdicts import review  # the review stack is loaded only when a gap bill is drafted

        result = review(self.statute, self.library, edition=self.edition, criteria="full",
                        jurisdiction=self.jurisdiction.code, alignment=self.alignment())
        self.verdicts = {self.canonical(v.criterion): v for v in result.verdicts}
        return {self.canonical(v.criterion): Gap(self.canonical(v.criterion), v.status, tuple(e.eid for e in v.evidence))
                for v in result.verdicts}

    def alignment(self) -> Alignment:
        if self._alignment is None:
            from drafting.review.align import align

            self._alignment = align(self.statute, self.library, jurisdiction=self.jurisdiction.code)
        return self._alignment

    def names_concept(self, term: str, concept: str) -> bool:
        """Does a term the law defines stand for one of the review's concepts ("pornografía infantil": csam)?"""
        if self._detector is None:
            from drafting.review.detect import detector
            from drafting.review.provisions import review_profile

            self._detector = detector(review_profile(self.statute))
        return concept in self._detector.concepts and self._detector.has((term,), concept)

    # --- what each gap becomes ----------------------------------------------------------------------

    def clause_for(self, criterion: str) -> str:
        """The clause whose main criterion this is (else the first that covers it)."""
        clauses = self.library.clauses_for_criterion(criterion)
        if not clauses:
            raise DraftingError(f"no model clause covers criterion {criterion!r}")
        main = [c for c in clauses if c.criteria and c.criteria[0] == criterion]
        return (main or list(clauses))[0].id

    def render(self, cid: str, numbering: Mapping[str, str] | None = None) -> str:
        values = {k: v for k, v in self.params.items() if k in self.library.clauses[cid].parameters}
        return self.library.render_text(cid, self.language, values, self.jurisdiction.code, numbering)

    def is_definitions(self, cid: str) -> bool:
        return defs.split(self.render(cid), self.profile) is not None

    def plan(self, gaps: tuple[Gap, ...]) -> tuple[Amendment, ...]:
        order = {cid: n for n, cid in enumerate(self.library.clauses)}
        chosen: dict[str, Gap] = {}
        for gap in gaps:
            chosen.setdefault(self.clause_for(gap.criterion), gap)
        self.chains: dict[str, str] = {}  # anchor number → the last number inserted after it
        out: list[Amendment] = []
        definition_gaps = [cid for cid in chosen if self.is_definitions(cid)]
        for cid in sorted((c for c in chosen if c not in definition_gaps), key=order.__getitem__):
            out += self.amend(cid, chosen[cid])
        for cid in self.referenced(out):  # a clause a new one cites, which the law lacks
            self.warnings.append(f"clause {cid} is added too: a new provision cites it and the statute has no counterpart")
            out += self.amend(cid, Gap("", MISSING))
        definitions = self.definitions({cid: chosen[cid] for cid in definition_gaps}, out)
        return tuple(definitions + out)

    def amend(self, cid: str, gap: Gap) -> list[Amendment]:
        target = self.evidence_node(gap) if gap.status == PARTIAL else None
        if target is not None and self.is_definition_node(target):
            target = None  # an offence never replaces a definition: it is added beside it
        if target is not None:
            unit = self.unit_of[target.eid]
            if target is unit:
                self.warnings.append(f"criterion {gap.criterion!r}: the model clause replaces the whole of {self.cited(unit, target)}; "
                                     "check that nothing else it provides is lost")
                self.placed[cid] = unit.num
                return [Amendment(MODIFY, cid, gap.criterion, unit.num, unit=unit, target=unit)]
            if self.has_own_provisions(cid):
                # A model article with Párrafos of its own cannot stand in for one Párrafo: it follows
                # the article, and the narrower provision is repealed so the two never overlap.
                new, after = self.new_number(unit.num)
                self.placed[cid] = new
                self.warnings.append(f"criterion {gap.criterion!r} is partly met in {self.cited(unit, target)}: the model clause "
                                     f"is added as article {new} and the bill repeals {self.cited(unit, target)}; "
                                     "check that nothing else it provides is lost")
                return [Amendment(ADD, cid, gap.criterion, new, after=after),
                        Amendment(REPEAL, "", gap.criterion, f"{unit.num}, {self.part(target)}", unit=unit, target=target)]
            self.warnings.append(f"criterion {gap.criterion!r}: the model clause replaces the whole of {self.cited(unit, target)}; "
                                 "check that nothing else it provides is lost")
            self.placed[cid] = unit.num
            return [Amendment(MODIFY, cid, gap.criterion, f"{unit.num}, {self.part(target)}", unit=unit, target=target)]
        if gap.status == PARTIAL and gap.evidence:
            self.warnings.append(f"criterion {gap.criterion!r} is partly met in a provision of another kind: "
                                 "a new article is added")
        elif gap.status == PARTIAL:
            self.warnings.append(f"criterion {gap.criterion!r} is partly met but the review names no provision: "
                                 "a new article is added")
        new, after = self.new_number(self.anchor(cid))
        self.placed[cid] = new
        return [Amendment(ADD, cid, gap.criterion, new, after=after)]

    def referenced(self, plan: list[Amendment]) -> list[str]:
        """Clauses the new text cites with ref() that are neither placed nor matched in the statute."""
        out: list[str] = []
        for item in plan:
            for target in self.library.clauses[item.clause].refs if item.clause else ():
                if target not in self.placed and target not in out and not self.matched_unit(target):
                    out.append(target)
        return out

    def new_number(self, anchor: str) -> tuple[str, str]:
        """The next free number after `anchor` (after what was already inserted there), and what it follows."""
        after = self.chains.get(anchor, anchor)
        try:
            new, previous = next_number(after, self.taken, self.style)
        except ValueError as exc:
            raise DraftingError(f"cannot number a new article after {after}: {exc}") from None
        self.ranks[new] = (self.rank(previous)[0], self.rank(previous)[1] + 1)
        self.chains[anchor] = new
        self.taken.add(new)
        return new, previous

    def has_own_provisions(self, cid: str) -> bool:
        """Does the clause render as more than one provision (not a list of definitions)?"""
        text = self.render(cid)
        if defs.split(text, self.profile):
            return False
        _, children, _ = defs.fragment(text, self.profile)
        return any(child.kind not in ("list", "note") for child in children)

    def defines_at(self, eid: str) -> bool:
        """Is the evidence provision a definition (the material defined, not an offence on it)?"""
        node = self.evidence_node(Gap("", PARTIAL, (eid,)))
        return node is not None and self.is_definition_node(node)

    def is_definition_node(self, node: Node) -> bool:
        return bool(node.defines) or any(n.defines for n, _ in walk(node.children))

    def evidence_node(self, gap: Gap) -> Node | None:
        for eid in gap.evidence:
            unit = self.unit_of.get(eid)
            if unit is not None:
                return next(node for node, _ in walk((unit,)) if node.eid == eid)
        return None

    # --- where a new article goes --------------------------------------------------------------------

    def anchor(self, cid: str) -> str:
        """The number of the article a new article for `cid` follows (see the module docstring)."""
        floor = self.earlier_topics_end(cid)
        for way in (self.beside_evidence, self.division_end, self.by_alignment):
            num = way(cid)
            if num:
                num = self.before_final(self.numbered(num), cid)
                # the amended law keeps the model's order of topics: a duty never goes before the offences
                return floor if floor and self.rank(floor) > self.rank(num) and way == self.by_alignment else num
        if floor:
            return floor
        units = [u for u in self.statute.units() if root_of(u.num)]
        if not units:
            raise DraftingError("the statute has no numbered articles to add to")
        return self.before_final(units[-1].num, cid)

    def earlier_topics_end(self, cid: str) -> str:
        """The last article where the statute (or this bill) deals with a topic that comes before the clause's."""
        lib = self.library
        order = lib.topics[lib.clauses[cid].topic].order
        earlier = {c.id for c in lib.clauses.values() if lib.topics[c.topic].order < order and c.topic != "definitions"}
        nums = [self.placed[c] for c in earlier if c in self.placed]
        for c in earlier:
            for criterion in lib.clauses[c].criteria:
                verdict = self.verdicts.get(criterion)
                if verdict is not None and verdict.status != MISSING:
                    nums += [self.unit_of[e.eid].num for e in verdict.evidence if e.eid in self.unit_of
                             and not self.defines_at(e.eid)]
        nums = [n for n in nums if root_of(n)]
        return max(nums, key=self.rank) if nums else ""

    def before_final(self, num: str, cid: str) -> str:
        """Never after the law's closing articles (entry into force, repeals) unless the clause is one."""
        if self.library.clauses[cid].topic == "final":
            return num
        words = {terms.fold(w) for w in self.words.get("placement", {}).get("final_units", ())}
        units = [u for u in self.statute.units() if root_of(u.num)]
        at = next((i for i, u in enumerate(units) if u.num == num), None)
        while at and words & set(re.findall(r"\w+", terms.fold(units[at].heading or units[at].text[:120]))):
            at -= 1
        return units[at].num if at is not None else num

    def numbered(self, num: str) -> str:
        """An anchor that can take a suffix: a disposition ("NOVENA") gives way to the last numbered article before it."""
        if root_of(num):
            return num
        units = [u.num for u in self.statute.units()]
        before = [n for n in units[:units.index(num)] if root_of(n)] if num in units else []
        return before[-1] if before else next((n for n in units if root_of(n)), num)

    def beside_evidence(self, cid: str) -> str:
        """After the last article the review cites for a criterion of the same topic: the same criterion
        first, then the criteria of the topic's other clauses in the library's order."""
        topic = self.library.clauses[cid].topic
        criteria = list(self.library.clauses[cid].criteria)
        for other in self.library.clauses.values():
            if other.topic == topic:
                criteria += [c for c in other.criteria if c not in criteria]
        for criterion in criteria:
            verdict = self.verdicts.get(criterion)
            if verdict is None or verdict.status == MISSING:
                continue
            units = [self.unit_of[e.eid] for e in verdict.evidence if e.eid in self.unit_of and not self.defines_at(e.eid)]
            if units:
                return max(units, key=lambda u: self.rank(u.num)).num
        return ""

    def division_end(self, cid: str) -> str:
        """The last article of the statute division whose heading has a placement word of the topic."""
        topic = self.library.clauses[cid].topic
        words = {terms.fold(w) for w in self.words.get("placement", {}).get(topic, ())}
        if not words:
            return ""
        for node, _ in walk(self.statute.body, into_quotes=False):
            if node.kind in DIVISION_KINDS and not is_unit(node) and words & set(terms.fold(node.heading).split()):
                units = [n for n, _ in walk(node.children, into_quotes=False) if is_unit(n) and root_of(n.num)]
                if units:
                    return units[-1].num
        return ""

    def by_alignment(self, cid: str) -> str:
        """After the statute article matched to the nearest preceding clause of the same topic, else just
        before the one matched to the nearest following one."""
        lib = self.library
        order = list(lib.clauses)
        topic = lib.clauses[cid].topic
        for candidate in reversed(order[:order.index(cid)]):
            num = lib.clauses[candidate].topic == topic and (self.placed.get(candidate) or self.matched_unit(candidate))
            if num:
                return num
        for candidate in order[order.index(cid) + 1:]:
            num = lib.clauses[candidate].topic == topic and self.matched_unit(candidate, latest=True)
            if num:
                before = self.unit_before(num)
                if before:
                    return before
        return ""

    def rank(self, num: str) -> tuple[int, int]:
        """Reading order in the amended statute: (article index, place in the chain inserted after it)."""
        return self.ranks.get(num, (-1, 0))

    def unit_before(self, num: str) -> str:
        units = [u.num for u in self.statute.units()]
        i = units.index(num)
        return units[i - 1] if i > 0 else ""

    def matched_unit(self, cid: str, latest: bool = False) -> str:
        """The statute article of the clause's best match (or of its latest one in the statute)."""
        units = [u for m in self.alignment().matches(cid) if (u := self.unit_of.get(m.eid)) is not None]
        if not units:
            return ""
        if latest:
            position = {u.eid: n for n, u in enumerate(self.statute.units())}
            return max(units, key=lambda u: position[u.eid]).num
        return units[0].num

    # --- definitions --------------------------------------------------------------------------------

    def definitions(self, gaps: Mapping[str, Gap], plan: list[Amendment]) -> list[Amendment]:
        """Definitions the gaps and the new articles need, into the law's definitions article.

        Also decides the term substitutions: a model term the law defines for the same thing is
        written with the law's term, unless the law's meaning is narrower and this bill does not widen it."""
        data = self.words.get("terms", {})
        fixing = {gap.criterion for gap in gaps.values()}
        replace_entries: list[tuple[defs.Entry, terms.Definition, str, Gap]] = []
        wanted: dict[str, tuple[defs.Entry, str]] = {}  # folded term → (entry, clause)
        keep_model: set[str] = set()
        for cid, gap in gaps.items():
            for entry in self.entries(cid):
                law = self.counterpart(entry.term, data)
                target = self.evidence_node(gap) if gap.status == PARTIAL else None
                if law is not None and target is not None and law.node is target:
                    replace_entries.append((entry, law, cid, gap))  # the law's term, the model's meaning
                elif law is None:
                    wanted.setdefault(terms.fold(entry.term), (entry, cid))
        # what the new articles rely on: the definitions clauses they require, transitively
        queue = [req for item in plan if item.clause for req in self.library.clauses[item.clause].requires]
        queue += [req for cid in gaps for req in self.library.clauses[cid].requires]
        seen: set[str] = set(gaps)
        needed: dict[str, tuple[defs.Entry, str]] = {}
        while queue:
            cid = queue.pop(0)
            if cid in seen or not self.is_definitions(cid):
                continue
            seen.add(cid)
            queue += list(self.library.clauses[cid].requires)
            for entry in self.entries(cid):
                law = self.counterpart(entry.term, data)
                rule = self.term_rule(entry.term, data)
                criterion = str(rule.get("criterion", ""))
                verdict = self.verdicts.get(criterion)
                narrower = law is not None and verdict is not None and verdict.status == PARTIAL and criterion not in fixing
                if narrower and terms.fold(law.term) != terms.fold(entry.term):
                    # the law's term means less than the model's: the new text keeps the model's term, defined
                    keep_model.add(terms.fold(entry.term))
                    self.warnings.append(f"the statute's “{law.term}” is narrower than the model law's “{entry.term}” "
                                         f"(the review finds {criterion!r} partly met): the new articles use the model "
                                         "term and its definition is added as well")
                    needed.setdefault(terms.fold(entry.term), (entry, cid))
                elif narrower:
                    self.warnings.append(f"the statute's own “{law.term}” is narrower than the model law's (the review "
                                         f"finds {criterion!r} partly met) and the new articles rely on it: fill "
                                         f"{criterion!r} too to widen it")
                elif law is None:
                    needed.setdefault(terms.fold(entry.term), (entry, cid))
        self.subs = tuple(s for s in terms.substitutions(self.law_defs, self.words, self.names_concept)
                          if terms.fold(s.model) not in keep_model)
        texts = [terms.fold(self.render(item.clause)) for item in plan if item.clause] + \
                [terms.fold(" ".join(e.lines)) for e, _ in wanted.values()]
        changed = True
        while changed:  # a definition is added when a new text (or another added definition) uses its term
            changed = False
            for key, (entry, cid) in list(needed.items()):
                forms = {key, terms.fold(terms.pluralize(key, self.words.get("pluralize", {})))}
                if key not in wanted and any(form in t for form in forms for t in texts):
                    wanted[key] = (entry, cid)
                    texts.append(terms.fold(" ".join(entry.lines)))
                    changed = True
        out: list[Amendment] = []
        for entry, law, cid, gap in replace_entries:
            unit = law.unit
            node = self.entry_node(entry, law.node, law.node.num, term=law.term)
            self.placed[cid] = unit.num
            out.append(Amendment(MODIFY, cid, gap.criterion, f"{unit.num}, {self.part(law.node)}", unit=unit,
                                 target=law.node, parts=(node,)))
            others = [e.term for e in self.entries(cid) if terms.fold(e.term) not in wanted and e is not entry
                      and self.counterpart(e.term, data) is None]
            if others:
                self.warnings.append(f"clause {cid} also defines {', '.join(others)}, which this amendment does not add: "
                                     "check the statute defines them")
        if wanted:
            out += self.add_definitions([e for e, _ in wanted.values()], {c for _, c in wanted.values()}, gaps)
        return out

    def entries(self, cid: str) -> tuple[defs.Entry, ...]:
        found = defs.split(self.render(cid), self.profile)
        return found[1] if found else ()

    def term_rule(self, term: str, data: Mapping[str, Any]) -> Mapping[str, Any]:
        """The gap-bill profile's data about a model term (`[terms."…"]`), or {}."""
        return next((v for k, v in data.items() if terms.fold(k) == terms.fold(term)), {})

    def counterpart(self, term: str, data: Mapping[str, Any]) -> terms.Definition | None:
        return terms.counterpart(term, self.term_rule(term, data), self.law_defs, self.names_concept)

    def definitions_unit(self) -> Node | None:
        """The law's definitions article: the one that defines most terms, else one headed like one."""
        counts: dict[str, int] = {}
        for definition in self.law_defs.values():
            counts[definition.unit.eid] = counts.get(definition.unit.eid, 0) + 1
        # a list of definitions (numbered or, as in English acts, not); one term defined in passing makes no such article
        lists = {eid: n for eid, n in counts.items() if n > 1}
        if lists:
            best = max(lists, key=lambda eid: lists[eid])
            return next(u for u in self.statute.units() if u.eid == best)
        words = {terms.fold(w) for w in self.words.get("placement", {}).get("definitions", ())}
        return next((u for u in self.statute.units() if words & set(terms.fold(u.heading).split())), None)

    def add_definitions(self, entries: list[defs.Entry], clauses: set[str], gaps: Mapping[str, Gap]) -> list[Amendment]:
        entries = sorted(entries, key=lambda e: defs.sort_key(e.term))
        criterion = next((g.criterion for c, g in gaps.items() if c in clauses), "")
        unit = self.definitions_unit()
        if unit is None:  # a law without a definitions article: one new article holds them
            cid = sorted(clauses)[0]
            self.warnings.append("the statute has no definitions article: the definitions are added as a new article")
            new, after = self.new_number(self.numbered(self.statute.units()[0].num))
            for c in clauses:
                self.placed[c] = new
            return [Amendment(ADD, cid, criterion, new, after=after, parts=tuple(
                self.entry_node(e, None, defs.label(n, "letter")) for n, e in enumerate(entries, start=1)))]
        siblings = [d.node for d in self.law_defs.values() if d.unit is unit] or \
                   [n for n, _ in walk(unit.children) if n.kind in ("point", "paragraph")]
        last = siblings[-1] if siblings else None
        nodes, num = [], last.num if last is not None else ""
        for entry in entries:
            num = _next_label_num(num) if num else ""
            nodes.append(self.entry_node(entry, last, num))
        for c in clauses:
            self.placed[c] = unit.num
        shown = ", ".join(e.term for e in entries)
        self.warnings.append(f"the definitions of {shown} go into {self.cited(unit, unit)} of the statute")
        # the law's definitions may sit in one subsection of the article ("2. (1) In this Act— …"): cite it
        host = _parent_of(unit, last) if last is not None else None
        return [Amendment(ADD_PARTS, sorted(clauses)[0], criterion, unit.num, unit=unit, parts=tuple(nodes),
                          target=host if host is not None and host is not unit and host.num else None)]

    def entry_node(self, entry: defs.Entry, like: Node | None, num: str, term: str = "") -> Node:
        """A definition as the law writes its own: the same kind of node, its label pattern, its way of
        introducing the term ("Por sistema informático: …") — and `term` (the law's) when given."""
        term = term or entry.term
        first, *rest = entry.lines
        opening, body = _around(first, entry.term)  # the model's quotes or colon around its term
        shown = term
        if like is not None and like.defines and like.defines in like.text:
            opening, close = _around(like.text, like.defines)[0], _closing(like.text, like.defines)
            body = close + body[len(_closing(first, entry.term)):]
            shown = term if like.defines[:1].isupper() else terms.lower_first(term)
        text = terms.apply(opening + shown + body + ("\n" + "\n".join(rest) if rest else ""), self.subs_for(term))
        lead, children, wrap_up = defs.fragment(text, self.profile)
        kind = like.kind if like is not None else "point"
        label = ""
        if like is not None and like.label and like.num and num:
            label = like.label.replace(like.num, num, 1)
        return Node(kind=kind, num=num, label=label, text=lead, children=children, wrap_up=wrap_up, defines=shown)

    def subs_for(self, term: str) -> tuple[terms.Substitution, ...]:
        """Substitutions inside a definition: never of the term it defines."""
        return tuple(s for s in getattr(self, "subs", ()) if terms.fold(s.model) != terms.fold(term))

    # --- naming --------------------------------------------------------------------------------------

    def cited(self, unit: Node, target: Node) -> str:
        name = citing.unit_name(self.statute, unit, self.words)
        if target is unit:
            return name
        return self.contract(f"{self.part(target)} ({name})")

    def part(self, node: Node) -> str:
        return citing.part_name(node, self.words)

    def contract(self, text: str) -> str:
        return citing.contract(text, self.library.phrases(self.language).data.get("contractions", {}))

    # --- the bill -----------------------------------------------------------------------------------

    def bill(self, plan: tuple[Amendment, ...], gaps: tuple[Gap, ...], title: str, short_title: str) -> Assembly:
        data = self.jurisdiction.furniture
        names = citing.statute_names(self.statute.meta, self.words, str(self.house.data.get("act_word", "")),
                                     str(data.get("number_word", "No.")))
        cite = citing.statute_cite(names, self.words)
        first = str(self.words.get("cite_first", "{cite}")).format(cite=cite, **names)
        later = str(self.words.get("cite_later", "{cite}")).format(cite=cite, **names)
        numbering = self.numbering(plan)
        style = statute_style(self.statute, self.profile.section("labels"), self.profile.unit_kind)
        statute_labels = {k: str(v) for k, v in self.profile.section("labels").items()}
        body = tuple(self.provision(n, item, first if n == 1 else later, numbering, style, statute_labels)
                     for n, item in enumerate(plan, start=1))
        labels = house_labels(self.house, data)
        body = labelled(body, labels, unit_kind=self.house.unit_kind)
        bill_words = self.words.get("bill", {})
        title = title or _upfirst(str(bill_words.get("title", "{statute}")).format(statute=cite, **names))
        if not short_title and bill_words.get("short_title_pattern"):
            found = re.match(str(bill_words["short_title_pattern"]), names["title"], re.IGNORECASE)
            if found:
                short_title = str(bill_words["short_title"]).format(**found.groupdict())
        recitals, citations = self.preamble(gaps, cite)
        house = dict(data)
        house.pop("long_title", None)  # the preset's long title describes a new law, not this amendment
        # A generic preset knows no legislature: the statute's own enacting formula is its legislature's.
        own_formula = next((n.text for n in self.statute.preamble if n.kind == "formula" and n.text), "")
        if own_formula and (is_generic(self.jurisdiction) or not house.get("enacting_formula")):
            house["enacting_formula"] = own_formula.replace("{", "{{").replace("}", "}}")
        values = {"country_name": country_name(self.statute.meta.country, self.language)
                  if real_country(self.statute.meta.country) else "",
                  **{k: v for k, v in self.params.items() if isinstance(v, str)}}
        parts = furniture(house, self.house, title=title, recitals=recitals, citations=citations, values=values,
                          ordinal=self.ordinal)
        tag = str(data.get("language_tag", ""))
        meta = Meta(country=self.jurisdiction.country, doc_type="bill", language=self.language, title=title,
                    short_title=short_title, profile=self.house.id,
                    extra=tuple((k, v) for k, v in (("jurisdiction", self.jurisdiction.code),
                                                    ("amends", self.statute.meta.work_uri), ("language_tag", tag)) if v))
        document = Document(meta=meta, preface=parts.preface, preamble=parts.preamble, body=body,
                            conclusions=parts.conclusions)
        self.warnings += placeholder_warnings(self.library, self.jurisdiction, self.language,
                                              [item.clause for item in plan if item.clause and item.action != ADD_PARTS],
                                              self.params, self.statute.meta.country)
        provenance = {"drafting.jurisdiction": self.jurisdiction.code, "drafting.language": self.language,
                      "drafting.amends": self.statute.meta.work_uri, "drafting.edition": self.edition}
        for item in plan:
            if item.clause:
                clause = self.library.clauses[item.clause]
                key = f"gap:{item.criterion}" if item.criterion else f"added:{clause.id}"  # added: what a new text relies on
                provenance.setdefault(key, f"{item.action} {item.num}: clause {clause.id} version {clause.version}")
        return Assembly(assign_eids(document), tuple(dict.fromkeys(self.warnings)), MappingProxyType(provenance))

    def ordinal(self, n: int) -> str:
        return ordinal_words(n, self.language)

    def preamble(self, gaps: tuple[Gap, ...], cite: str) -> tuple[list[str], list[str]]:
        """Recitals from the review's findings, one per gap, and the statute as a citation."""
        words = self.words.get("recitals", {})
        if not words:
            return [], []
        sign = str(words.get("paragraph_sign", ""))
        quotes = tuple(words.get("quotes", ("“", "”")))
        recitals = []
        for gap in gaps:
            verdict = self.verdicts.get(gap.criterion)
            reason = (verdict.reason_es if self.language == "es" else verdict.reason) if verdict is not None else ""
            if not reason:
                continue
            reason = re.sub(r"¶\s*(\d+)", lambda m: f"{sign} {m.group(1)}" if sign else m.group(0), reason)
            reason = re.sub(r'"([^"]*)"', lambda m: f"{quotes[0]}{m.group(1)}{quotes[-1]}", reason)
            reason = reason[:1].lower() + reason[1:] if not reason[:2].isupper() else reason
            recitals.append(self.contract(str(words.get("finding", "{reason}")).format(statute=cite, reason=reason)))
        if recitals and words.get("closing"):
            recitals.append(str(words["closing"]).format(statute=cite))
        citation = citing.statute_citation(cite, self.statute.meta, self.words, self.language)
        return recitals, [citation]

    def numbering(self, plan: tuple[Amendment, ...]) -> dict[str, str]:
        """Numbers for ref(): the new articles, else the statute article matched to the cited clause."""
        numbers = dict(self.placed)
        for item in plan:
            for target in self.library.clauses[item.clause].refs if item.clause else ():
                if target not in numbers:
                    numbers[target] = self.matched_unit(target)
                    if not numbers[target]:
                        raise DraftingError(f"clause {item.clause} cites {target}, which has no counterpart in the statute")
        return numbers

    def provision(self, n: int, item: Amendment, statute: str, numbering: Mapping[str, str], style,
                  statute_labels: Mapping[str, str]) -> Node:
        unit_kind = self.profile.unit_kind
        fields: dict[str, str] = {"statute": statute, "new": item.num, "after": item.after, "num": "", "unit": "",
                                  "part": "", "parts": "", "part_word": str(self.words.get("part_word", "")),
                                  "parts_word": str(self.words.get("parts_word", ""))}
        if item.unit is not None:
            fields.update(num=item.unit.num, unit=citing.unit_name(self.statute, item.unit, self.words))
        if item.action == ADD:
            text = terms.apply(self.render(item.clause, numbering), self.subs)
            heading = terms.apply(self.library.clauses[item.clause].title[self.language], self.subs)
            if item.parts:  # a new definitions article
                intro = defs.split(self.render(item.clause), self.profile)
                new = Node(kind=unit_kind, num=item.num, heading=str(defs.rules(self.profile).get("heading", heading)),
                           text=intro[0] if intro else "", children=(Node(kind="list", children=item.parts),))
            else:
                body, children, wrap_up = defs.fragment(text, self.profile)
                new = Node(kind=unit_kind, num=item.num, heading=heading, text=body, children=children, wrap_up=wrap_up)
            quoted = (in_statute_style(new, style, statute_labels, unit_kind),)
            key = "add"
        elif item.action == MODIFY and item.target is item.unit:
            assert item.unit is not None
            text = terms.apply(self.render(item.clause, numbering), self.subs)
            body, children, wrap_up = defs.fragment(text, self.profile)
            heading = terms.apply(self.library.clauses[item.clause].title[self.language], self.subs)
            new = Node(kind=item.unit.kind, num=item.unit.num, heading=heading, text=body, children=children, wrap_up=wrap_up)
            quoted = (in_statute_style(new, style, statute_labels, unit_kind),)
            key = "modify_unit"
        elif item.action == MODIFY:
            assert item.unit is not None and item.target is not None
            fields["part"] = self.part(item.target)
            if item.parts:
                quoted = item.parts
            else:
                text = terms.apply(self.render(item.clause, numbering), self.subs)
                body, children, wrap_up = defs.fragment(text, self.profile)
                quoted = (Node(kind=item.target.kind, num=item.target.num, label=item.target.label, text=body,
                               children=children, wrap_up=wrap_up),)
            key = "modify_part"
        elif item.action == ADD_PARTS:
            if item.target is not None and item.unit is not None and self.words.get("subdivision_num"):
                # "Section 2(1) of … is amended by inserting …"
                fields["num"] = str(self.words["subdivision_num"]).format(
                    num=item.unit.num, label=item.target.label.strip() or item.target.num, sub=item.target.num)
            many = len(item.parts) > 1
            fields["part"] = self.part(item.parts[0])
            fields["parts"] = citing.parts_name(item.parts, self.words)
            quoted = item.parts
            key = "add_parts" if many else "add_part"
            if not item.parts[0].num and self.words.get(f"{key}_unnumbered"):
                key = f"{key}_unnumbered"  # new definitions without letters: "… las definiciones siguientes"
        else:  # REPEAL
            assert item.unit is not None
            key = "repeal_unit" if item.target is None or item.target is item.unit else "repeal_part"
            if item.target is not None:
                fields["part"] = self.part(item.target)
            quoted = ()
        sentence = self.contract(_upfirst(str(self.words[key]).format(**fields)))
        heading = self.words.get("headings", {}).get(key, "")
        heading = self.contract(_upfirst(str(heading).format(**fields))) if heading else ""
        children = (Node(kind="quotedStructure", children=tuple(quoted)),) if quoted else ()
        return Node(kind=self.house.unit_kind, num=str(n), heading=heading, text=sentence, children=children)


def _parent_of(root: Node, child: Node) -> Node | None:
    """The node whose children hold `child` (by identity), searching under `root`."""
    for node, _ in walk((root,)):
        if any(c is child for c in node.children):
            return node
    return None


def _around(text: str, term: str) -> tuple[str, str]:
    """(what comes before a defined term in its definition, what comes after it): ('“', '” means …')."""
    at = text.casefold().find(term.casefold())
    return (text[:at], text[at + len(term):]) if at >= 0 else ("", " " + text)


def _closing(text: str, term: str) -> str:
    """The marks that close a defined term: '”', '":', ':'."""
    after = _around(text, term)[1]
    return after[:len(after) - len(after.lstrip("\"”»’':"))]


def _next_label_num(num: str) -> str:
    """The number after the last point of a list: c after b, 12 after 11, aa after z."""
    if num.isdigit():
        return str(int(num) + 1)
    if len(num) == 1 and num.isalpha():
        if num.lower() == "z":
            return "aa" if num.islower() else "AA"
        return chr(ord(num) + 1)
    key = num_key(num)
    return f"{num}'" if key is None else defs.label(key[0] + 1, "letter")


def _upfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def citing_suggest(name: str, known: Mapping[str, Any]) -> str:
    from drafting.bills.spec import suggest

    return suggest(name, known)
