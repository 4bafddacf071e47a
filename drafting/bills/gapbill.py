"""An amending bill that fills the gaps a review found in a statute.

For each gap (a review criterion that is `partial` or `missing`) the model clause that covers it
is rendered for the jurisdiction, in the statute's language, and becomes one amending provision:

* `missing`: a new article, numbered with the next free suffix (24 bis, 24 ter / 4A, 4B) after the
  article it follows: the statute provision matched (align) to the nearest preceding clause of the
  same topic; else the article just before the one matched to the nearest following clause of
  the same topic; else the last article of the division whose heading names the topic; else the
  last article where the statute deals with the preceding topic; else the statute's last article;
* `partial`: the provision that holds the criterion (the review's evidence) is replaced by the
  model clause: a whole article keeps its number, a paragraph inside one keeps its label — unless
  the model clause has provisions of its own (Párrafos, subsections), which cannot stand inside
  one Párrafo: it is then added as a new article right after, with a warning naming the
  overlapping provision to narrow or repeal.

Each amending provision names its target and carries the new text as a quoted structure. The
wording ("Se agrega el artículo 12 bis a …", "The principal Act is amended by inserting after
section 4 …") and the suffix style are profile data in profiles/gapbill/<profile>.toml, in the
conventions of the statute's profile.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from drafting.bills import definitions as defs
from drafting.bills.assembly import Assembly
from drafting.bills.furniture import furniture
from drafting.bills.spec import REVIEW, BillSpec
from drafting.errors import DraftingError
from drafting.library.library import Library
from drafting.model.document import DIVISION_KINDS, Document, Meta, Node, is_unit, walk
from drafting.model.eids import assign_eids
from drafting.model.numbering import next_suffix, num_key
from drafting.parse import profiles

if TYPE_CHECKING:
    from drafting.review.align import Alignment

MISSING, PARTIAL, MET = "missing", "partial", "met"


@dataclass(frozen=True)
class Gap:
    criterion: str
    status: str = MISSING  # missing → add an article; partial → replace the provision in `evidence`
    evidence: tuple[str, ...] = ()  # eIds of the statute provisions that partly meet the criterion


@dataclass(frozen=True)
class Amendment:
    """One amending provision: what it does to which provision, and the new text."""

    action: str  # "add" or "modify"
    clause: str
    criterion: str
    num: str  # the new or replaced provision's number ("12 bis"; "24" or "24, Párrafo")
    after: str = ""  # add: the number of the provision it follows
    unit: Node | None = None  # modify: the article that holds the replaced provision
    target: Node | None = None  # modify: the replaced provision


def gap_bill(statute: Document, library: Library, *, jurisdiction: str, gaps: Sequence[str | Gap] | None = None,
             edition: str = "2006", title: str = "", short_title: str = "") -> Assembly:
    """The amending bill for `statute`: gaps by criterion id (or Gap), or None to take them from a review."""
    return _GapBill(statute, library, jurisdiction, edition).run(gaps, title, short_title)


def gap_bill_from_spec(spec: BillSpec, library: Library) -> Assembly:
    """An amending spec (`amends = …`): import the statute and fill its gaps."""
    from drafting.importers.document import import_document

    path = spec.amends_path()
    if not path.is_file():
        raise spec.error(f"amends: no such statute file {str(path)!r}", "amends")
    if spec.jurisdiction not in library.jurisdictions:
        raise spec.error(f"unknown jurisdiction {spec.jurisdiction!r}; known: {', '.join(library.jurisdictions)}", "jurisdiction")
    statute = import_document(path).document
    gaps = None if spec.gaps_from_review else spec.gaps
    return gap_bill(statute, library, jurisdiction=spec.jurisdiction, gaps=gaps, edition=spec.edition,
                    title=spec.title, short_title=spec.short_title)


class _GapBill:
    def __init__(self, statute: Document, library: Library, jurisdiction: str, edition: str) -> None:
        self.statute, self.library, self.edition = statute, library, str(edition)
        self.jurisdiction = library.jurisdiction(jurisdiction)
        meta = statute.meta
        self.profile = profiles.get(meta.profile) if meta.profile else profiles.for_language(meta.language)
        self.language = meta.language or self.profile.language
        if self.jurisdiction.language != self.language:
            fits = [code for code, j in library.jurisdictions.items() if j.language == self.language]
            raise DraftingError(f"jurisdiction {jurisdiction!r} drafts in {self.jurisdiction.language!r} but the statute is in "
                                f"{self.language!r}; choose one of: {', '.join(fits) or 'none'}")
        self.words = self.profile.section("gapbill")
        if not self.words.get("add"):
            raise DraftingError(f"profile {self.profile.id} has no amending-bill phrases (profiles/gapbill/{self.profile.id}.toml)")
        self.warnings: list[str] = []
        self.unit_of = {node.eid: unit for unit in statute.units() for node, _ in walk((unit,)) if node.eid}
        self.taken = {u.num for u in statute.units()}
        self.ranks = {u.num: (n, 0) for n, u in enumerate(statute.units())}
        self._alignment: Alignment | None = None
        self.warned_terms: set[str] = set()  # requirements already warned about

    # --- which gaps --------------------------------------------------------------------------------

    def run(self, gaps: Sequence[str | Gap] | None, title: str, short_title: str) -> Assembly:
        found = self.gaps(gaps)
        if not found:
            raise DraftingError("nothing to amend: the review finds no partial or missing criterion"
                                if gaps is None else "nothing to amend: no gaps given")
        plan = self.plan(found)
        return self.bill(plan, title, short_title)

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

        result = review(self.statute, self.library, edition=self.edition, jurisdiction=self.jurisdiction.code,
                        alignment=self.alignment())
        return {self.canonical(v.criterion): Gap(self.canonical(v.criterion), v.status, tuple(e.eid for e in v.evidence))
                for v in result.verdicts}

    def alignment(self) -> Alignment:
        if self._alignment is None:
            from drafting.review.align import align

            self._alignment = align(self.statute, self.library, jurisdiction=self.jurisdiction.code)
        return self._alignment

    # --- what each gap becomes ----------------------------------------------------------------------

    def clause_for(self, criterion: str) -> str:
        """The clause whose main criterion this is (else the first that covers it)."""
        clauses = self.library.clauses_for_criterion(criterion)
        if not clauses:
            raise DraftingError(f"no model clause covers criterion {criterion!r}")
        main = [c for c in clauses if c.criteria and c.criteria[0] == criterion]
        return (main or list(clauses))[0].id

    def plan(self, gaps: tuple[Gap, ...]) -> tuple[Amendment, ...]:
        order = {cid: n for n, cid in enumerate(self.library.clauses)}
        chosen: dict[str, Gap] = {}
        for gap in gaps:
            chosen.setdefault(self.clause_for(gap.criterion), gap)
        placed: dict[str, str] = {}  # clause id → the number it has in the amended statute
        chains: dict[str, str] = {}  # anchor number → the last number inserted after it
        out: list[Amendment] = []
        for cid in sorted(chosen, key=order.__getitem__):
            gap = chosen[cid]
            target = self.evidence_node(gap)
            if gap.status == PARTIAL and target is not None and target is not self.unit_of[target.eid] \
                    and self.has_own_provisions(cid):
                # A model article with Párrafos or subsections of its own cannot stand in for one
                # Párrafo: it becomes a new article right after, and the drafter is told which
                # provision overlaps it.
                unit = self.unit_of[target.eid]
                self.warnings.append(f"criterion {gap.criterion!r} is partly met in {self.cited(unit, target)}: the model "
                                     f"clause is added as a new article after it; narrow or repeal {self.cited(unit, target)} "
                                     "so that the two do not overlap")
                self.check_terms(cid)
                after = chains.get(unit.num, unit.num)
                new = self.free_number(after)
                self.ranks[new] = (self.rank(after)[0], self.rank(after)[1] + 1)
                chains[unit.num] = new
                self.taken.add(new)
                placed[cid] = new
                out.append(Amendment("add", cid, gap.criterion, new, after=after))
                continue
            if gap.status == PARTIAL and target is not None:
                unit = self.unit_of[target.eid]
                num = unit.num if target is unit else f"{unit.num}, {self.part_name(target)}"
                self.warnings.append(f"criterion {gap.criterion!r}: the model clause replaces the whole of {self.cited(unit, target)}; "
                                     "check that nothing else it provides is lost")
                out.append(Amendment("modify", cid, gap.criterion, num, unit=unit, target=target))
                placed[cid] = unit.num
                continue
            if gap.status == PARTIAL:
                self.warnings.append(f"criterion {gap.criterion!r} is partly met but the review names no provision: "
                                     "a new article is added")
            self.check_terms(cid)
            anchor = self.anchor(cid, placed)
            after = chains.get(anchor, anchor)
            new = self.free_number(after)
            self.ranks[new] = (self.rank(after)[0], self.rank(after)[1] + 1)
            chains[anchor] = new
            self.taken.add(new)
            placed[cid] = new
            out.append(Amendment("add", cid, gap.criterion, new, after=after))
        self.placed = placed
        return tuple(out)

    def has_own_provisions(self, cid: str) -> bool:
        """Does the clause render as more than one provision (not a list of definitions)?"""
        text = self.library.render_text(cid, self.language, None, self.jurisdiction.code, None)
        if defs.split(text, self.profile):
            return False
        _, children, _ = defs.fragment(text, self.profile)
        return any(child.kind not in ("list", "note") for child in children)

    def check_terms(self, cid: str) -> None:
        """The definitions a new article relies on should have a counterpart in the statute."""
        for req in self.library.clauses[cid].requires:
            if req not in self.warned_terms and not self.matched_unit(req):
                self.warned_terms.add(req)
                self.warnings.append(f"clause {cid} relies on {req}, which has no counterpart in the statute: "
                                     "add that definition or adapt the terms of the new text")

    def evidence_node(self, gap: Gap) -> Node | None:
        for eid in gap.evidence:
            unit = self.unit_of.get(eid)
            if unit is not None:
                return next(node for node, _ in walk((unit,)) if node.eid == eid)
        return None

    def anchor(self, cid: str, placed: Mapping[str, str]) -> str:
        """The number of the article a new article for `cid` follows (see the module docstring)."""
        lib = self.library
        order = list(lib.clauses)
        topic = lib.clauses[cid].topic
        for candidate in reversed(order[:order.index(cid)]):  # the nearest related clause
            num = lib.clauses[candidate].topic == topic and self.position(candidate, placed)
            if num:
                return num
        floor = self.earlier_topics_end(topic, placed)
        for candidate in order[order.index(cid) + 1:]:  # else just before the next related one
            # its latest match (an earlier one is typically a definition naming the subject), and
            # only where it keeps the statute in topic order: after what the earlier topics hold
            num = lib.clauses[candidate].topic == topic and self.matched_unit(candidate, latest=True)
            if num and (not floor or self.rank(num) > self.rank(floor)):
                before = self.unit_before(num)
                if before:
                    return before
        num = self.division_end(topic)
        if num:
            return num
        if floor:
            return floor
        units = self.statute.units()
        if not units:
            raise DraftingError("the statute has no articles to amend")
        return units[-1].num

    def earlier_topics_end(self, topic: str, placed: Mapping[str, str]) -> str:
        """The last article where the statute deals with the nearest earlier topic it deals with at all."""
        lib = self.library
        earlier = sorted((t for t in lib.topics.values() if t.order < lib.topics[topic].order), key=lambda t: t.order)
        for other in reversed(earlier):
            nums = [self.position(c, placed) for c in lib.clauses if lib.clauses[c].topic == other.id]
            nums = [n for n in nums + [self.division_end(other.id)] if n]
            if nums:
                return max(nums, key=self.rank)
        return ""

    def rank(self, num: str) -> tuple[int, int]:
        """Reading order in the amended statute: (article index, place in the chain inserted after it)."""
        return self.ranks.get(num, (-1, 0))

    def unit_before(self, num: str) -> str:
        units = [u.num for u in self.statute.units()]
        i = units.index(num)
        return units[i - 1] if i > 0 else ""

    def position(self, cid: str, placed: Mapping[str, str]) -> str:
        """Where a clause sits in the amended statute: its new article, or the article matched to it."""
        return placed.get(cid) or self.matched_unit(cid)

    def matched_unit(self, cid: str, latest: bool = False) -> str:
        """The statute article of the clause's best match (or of its latest one in the statute)."""
        units = [u for m in self.alignment().matches(cid) if (u := self.unit_of.get(m.eid)) is not None]
        if not units:
            return ""
        if latest:
            position = {u.eid: n for n, u in enumerate(self.statute.units())}
            return max(units, key=lambda u: position[u.eid]).num
        return units[0].num

    def division_end(self, topic: str) -> str:
        """The last article of the statute division whose heading shares a word with the topic's title."""
        words = _words(self.library.topics[topic].title.get(self.language, ""))
        for node, _ in walk(self.statute.body, into_quotes=False):
            if node.kind in DIVISION_KINDS and not is_unit(node) and words & _words(node.heading):
                units = [n for n, _ in walk(node.children, into_quotes=False) if is_unit(n)]
                if units:
                    return units[-1].num
        return ""

    def free_number(self, after: str) -> str:
        """The next suffix after `after` that no article has, in the profile's style ("12 bis", "4A")."""
        style = str(self.words.get("suffix_style", "latin"))
        separator = str(self.words.get("suffix_separator", " "))
        keys = {num_key(t) for t in self.taken}
        blocked = set(self.taken)
        while True:  # next_suffix compares spellings; keys also catch "4A" against "4-A"
            candidate = next_suffix(after, blocked, style=style)
            if num_key(candidate) not in keys:
                root, suffix = re.match(r"^(\d+)[\s-]*(.*)$", candidate).groups()  # type: ignore[union-attr]
                return f"{root}{separator}{suffix}"
            blocked.add(candidate)

    def cited(self, unit: Node, target: Node) -> str:
        word = str(self.profile.data.get("article_word", "article"))
        return f"{word} {unit.num}" if target is unit else f"{self.part_name(target)} ({word} {unit.num})"

    def part_name(self, node: Node) -> str:
        parts = self.words.get("parts", {})
        term = self.defined_term(node)
        if term and parts.get("definition"):
            return str(parts["definition"]).format(term=term, num=node.num)
        pattern = parts.get(node.kind if node.num else f"{node.kind}_unnumbered", "") or parts.get(node.kind, "{num}")
        start = " ".join(node.text.split()[:4]).rstrip(",;:—–-")  # names an unnumbered provision by its opening
        return str(pattern).format(num=node.num, start=start).strip()

    def defined_term(self, node: Node) -> str:
        """The term a definition provision defines ('"child" means …' → child), or ""."""
        rule = defs.rules(self.profile).get("entry")
        found = re.match(str(rule), node.text) if rule else None
        return found.group("term").strip() if found else ""

    # --- the bill -----------------------------------------------------------------------------------

    def bill(self, plan: tuple[Amendment, ...], title: str, short_title: str) -> Assembly:
        numbering = self.numbering(plan)
        cites = self.citations()
        body = tuple(self.provision(n, item, cites[0] if n == 1 else cites[1], numbering)
                     for n, item in enumerate(plan, start=1))
        bill_words = self.words.get("bill", {})
        names = self.names()
        title = title or str(bill_words.get("title", "{statute}")).format(statute=cites[2], **names)
        if not short_title and bill_words.get("short_title_pattern"):
            found = re.match(str(bill_words["short_title_pattern"]), names["title"], re.IGNORECASE)
            if found:
                short_title = str(bill_words["short_title"]).format(**found.groupdict())
        extra: tuple[str, ...] = ()
        number = self.statute.meta.number
        citation = str(bill_words.get("citation", ""))
        listed = self.jurisdiction.furniture.get("citations", ())
        if citation and not (number and any(number in str(c) for c in listed)):
            extra = (_upfirst(citation.format(statute=_upfirst(cites[2]))),)
        data = dict(self.jurisdiction.furniture)
        data.pop("long_title", None)  # the preset's long title describes a new law, not this amendment
        # The legislature that enacted the statute enacts its amendment: the statute's own formula
        # beats the preset's (a generic preset only has "ENACTED by the Parliament of [name of country]").
        own_formula = next((n.text for n in self.statute.preamble if n.kind == "formula" and n.text), "")
        if own_formula:
            data["enacting_formula"] = own_formula
        parts = furniture(data, self.profile, title=title, extra_citations=extra)
        meta = Meta(country=self.jurisdiction.country, doc_type="bill", language=self.language, title=title,
                    short_title=short_title, profile=self.profile.id,
                    extra=(("jurisdiction", self.jurisdiction.code), ("amends", self.statute.meta.work_uri)))
        document = Document(meta=meta, preface=parts.preface, preamble=parts.preamble, body=body,
                            conclusions=parts.conclusions)
        provenance = {"drafting.jurisdiction": self.jurisdiction.code, "drafting.language": self.language,
                      "drafting.amends": self.statute.meta.work_uri, "drafting.edition": self.edition}
        for item in plan:
            clause = self.library.clauses[item.clause]
            provenance[f"gap:{item.criterion}"] = f"{item.action} {item.num}: clause {clause.id} version {clause.version}"
        return Assembly(assign_eids(document), tuple(self.warnings), MappingProxyType(provenance))

    def numbering(self, plan: tuple[Amendment, ...]) -> dict[str, str]:
        """Numbers for ref(): the new articles, else the statute article matched to the cited clause."""
        numbers = dict(self.placed)
        for item in plan:
            for target in self.library.clauses[item.clause].refs:
                if target not in numbers:
                    numbers[target] = self.matched_unit(target) or f"[{target}]"
                    if numbers[target].startswith("["):
                        self.warnings.append(f"clause {item.clause} refers to {target}, which has no counterpart in the "
                                             f"statute: the reference reads [{target}]")
        return numbers

    def provision(self, n: int, item: Amendment, statute: str, numbering: Mapping[str, str]) -> Node:
        text = self.library.render_text(item.clause, self.language, None, self.jurisdiction.code, numbering)
        body, children, wrap_up = defs.fragment(text, self.profile)
        heading = self.library.clauses[item.clause].title[self.language]
        if item.action == "add":
            new = Node(kind=self.profile.unit_kind, num=item.num, heading=heading, text=body, children=children, wrap_up=wrap_up)
            sentence = str(self.words["add"]).format(new=item.num, after=item.after, statute=statute)
        elif item.target is item.unit:
            assert item.unit is not None
            new = Node(kind=item.unit.kind, num=item.unit.num, heading=heading, text=body, children=children, wrap_up=wrap_up)
            sentence = str(self.words["modify_unit"]).format(num=item.unit.num, statute=statute)
        else:
            assert item.unit is not None and item.target is not None
            split = defs.split(text, self.profile)
            if split:  # a definition replaces a definition: only the entry for the same term
                entry = self.same_entry(item.target, split[1])
                body, children, wrap_up = defs.fragment("\n".join(entry.lines), self.profile)
                others = [e.term for e in split[1] if e is not entry]
                if others:
                    self.warnings.append(f"clause {item.clause} also defines {', '.join(others)}, which this amendment "
                                         "does not add: check the statute defines them")
            new = Node(kind=item.target.kind, num=item.target.num, text=body, children=children, wrap_up=wrap_up)
            sentence = str(self.words["modify_part"]).format(unit=item.unit.num, part=self.part_name(item.target),
                                                               statute=statute)
        quoted = Node(kind="quotedStructure", children=(new,))
        return Node(kind=self.profile.unit_kind, num=str(n), text=_upfirst(sentence), children=(quoted,))

    def same_entry(self, target: Node, entries: tuple[defs.Entry, ...]) -> defs.Entry:
        """The model definition of the term the target defines (else of the longest term it mentions)."""
        term = defs.sort_key(self.defined_term(target))
        text = defs.sort_key(target.text)
        exact = [e for e in entries if defs.sort_key(e.term) == term]
        mentioned = sorted((e for e in entries if defs.sort_key(e.term) in text), key=lambda e: -len(e.term))
        return (exact or mentioned or list(entries))[0]

    # --- naming the statute -------------------------------------------------------------------------

    def names(self) -> dict[str, str]:
        meta = self.statute.meta
        title = _case(meta.title or meta.short_title, self.words)
        drop = self.words.get("title_drop")
        subject = title
        try:
            number_rx = self.profile.regex("preamble", "number")
        except KeyError:
            number_rx = None
        found = number_rx.search(subject) if number_rx and meta.number else None
        if found:  # "Ley No. 9-21 sobre …" → "sobre …"
            subject = (subject[:found.start()] + subject[found.end():]).strip(" ,.;:-–—")
        if drop:  # "The Child Online Safety Act" → "Child Online Safety Act" (the phrase adds its own article)
            title = re.sub(str(drop), "", title, flags=re.IGNORECASE).strip()
        return {"title": title, "subject": subject, "number": meta.number, "act": str(self.profile.data.get("act_word", ""))}

    def citations(self) -> tuple[str, str, str]:
        """How the provisions name the statute: (the first time, afterwards, in the title)."""
        names = self.names()
        key = "cite" if names["number"] and names["subject"] else "cite_no_subject" if names["number"] else "cite_no_number"
        cite = str(self.words.get(key, "{title}")).format(**names)
        first = str(self.words.get("cite_first", "{cite}")).format(cite=cite, **names)
        later = str(self.words.get("cite_later", "{cite}")).format(cite=cite, **names)
        return first, later, cite


def _upfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(text: str) -> set[str]:
    """Content words of a heading, folded (accents and case): "DE LOS DELITOS" → {"delitos"}."""
    folded = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if unicodedata.category(c) != "Mn")
    return {w for w in re.findall(r"\w+", folded) if len(w) > 3}


def _case(title: str, words: Mapping[str, Any]) -> str:
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
