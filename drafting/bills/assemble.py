"""A bill specification + the clause library → a bill (a Document), with warnings and provenance.

The steps, in order:
1. the clauses: the spec's, plus what they require (unless excluded) and the final provisions;
2. their values: library defaults < jurisdiction preset < spec, with a warning where a value that
   must be local (an authority, a fine) fell back to the library's default;
3. a first rendering, to find the definitions clauses, which become one article;
4. the articles are grouped in divisions by topic and numbered; every clause id gets its final
   number, and the clauses that cite others are rendered again with those numbers, so a
   renumbered bill never keeps a stale reference;
5. labels in the house style of the jurisdiction on every numbered node (`labels`), an Arrangement
   of Sections where the house prints one, and the title block, recitals, citations, enacting
   formula and closing from the jurisdiction's furniture (`furniture`) — the spec's own recitals
   and citations are the facts about other laws; the preset gives only the house style.

Layout words (division kind, definitions heading, short-title section, the order of the final
provisions) are profile data in profiles/bill/<profile>.toml.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, Mapping

from drafting.bills import definitions as defs
from drafting.bills.assembly import Assembly
from drafting.bills.furniture import furniture, required_values, strings
from drafting.bills.gapbill import gap_bill_from_spec
from drafting.bills.labels import house_labels, labelled
from drafting.bills.spec import BillSpec, bill_language, clause_overrides, validate_spec
from drafting.errors import DraftingError
from drafting.library.library import Clause, Jurisdiction, Library
from drafting.library.params import LibraryError, value_to_data
from drafting.model.document import Document, Meta, Node, is_unit, walk
from drafting.model.eids import assign_eids
from drafting.model.numbering import ordinal_words, to_roman
from drafting.parse import profiles
from drafting.parse.profiles import Profile

# Final provisions every bill has unless the drafter excludes them (clause ids of the library), in
# the order they close a bill when the spec does not place them; a profile may set its own order.
FINAL_CLAUSES = ("repeal", "entry-into-force")
# Parameter types whose library default is a placeholder, not a value a country can enact.
LOCAL_TYPES = frozenset({"authority", "fine"})
PROVISIONAL = "0"  # the number every clause carries in the first rendering


@dataclass(frozen=True)
class _Article:
    clauses: tuple[str, ...]  # one clause, or every definitions clause merged into this article
    topic: str
    num: str = ""


def bill_profile(jurisdiction: Jurisdiction, language: str) -> Profile:
    """The jurisdiction's drafting profile when the bill is in its language, else the language's."""
    own = profiles.get(jurisdiction.profile)
    return own if own.language == language else profiles.for_language(language)


def assemble(spec: BillSpec, library: Library) -> Assembly:
    """The bill a spec asks for (an amending spec is handed to gapbill)."""
    if spec.amending:
        return gap_bill_from_spec(spec, library)
    validate_spec(spec, library)
    return _Assembler(spec, library).run()


class _Assembler:
    def __init__(self, spec: BillSpec, library: Library) -> None:
        self.spec, self.library = spec, library
        self.jurisdiction = library.jurisdiction(spec.jurisdiction)
        self.language = bill_language(spec, library)
        self.profile = bill_profile(self.jurisdiction, self.language)
        self.layout = self.profile.section("bill")
        self.warnings: list[str] = []
        self.provenance: dict[str, str] = {}
        self.split: dict[str, tuple[str, tuple[defs.Entry, ...]] | None] = {}

    def run(self) -> Assembly:
        if self.language != self.jurisdiction.language and self.language not in self.jurisdiction.localized:
            self.warnings.append(f"the bill is in {self.language!r} but jurisdiction {self.jurisdiction.code!r} drafts in "
                                 f"{self.jurisdiction.language!r} and names no institutions in {self.language!r}: "
                                 "the model law's placeholders are used")
        ids, added = self.clause_ids()
        values = {cid: self.values(cid) for cid in ids}
        self.check_values(ids, values)
        texts = {cid: self.render(cid, values[cid], None) for cid in ids}
        articles = self.articles(ids, texts)
        numbering = self.numbering(ids, articles)
        for cid in ids:  # the second rendering: now every ref() has its final number
            if self.library.clauses[cid].refs:
                texts[cid] = self.render(cid, values[cid], numbering)
        body = labelled(self.body(articles, texts), house_labels(self.profile, self.jurisdiction.furniture),
                        unit_kind=self.profile.unit_kind)
        document = self.document(body)
        self.record(ids, added, values, numbering)
        return Assembly(assign_eids(document), tuple(self.warnings), MappingProxyType(self.provenance))

    # --- 1. which clauses -----------------------------------------------------------------------

    def clause_ids(self) -> tuple[tuple[str, ...], dict[str, str]]:
        """Spec clauses, their dependencies and the final provisions, in divisions order."""
        lib, excluded = self.library, set(self.spec.exclude)
        listed = [c.id for c in self.spec.clauses]
        wanted, added = set(listed), {}

        def pull(queue: list[str]) -> None:  # everything the queued clauses require, transitively
            while queue:
                cid = queue.pop(0)
                for req in lib.clauses[cid].requires:
                    if req in excluded:
                        self.warnings.append(f"clause {cid} requires {req}, which the spec excludes")
                    elif req not in wanted:
                        wanted.add(req)
                        added[req] = f"required by {cid}"
                        queue.append(req)

        pull(list(listed))
        finals = tuple(self.layout.get("final_clauses", FINAL_CLAUSES))
        new_finals = [c for c in finals if c in lib.clauses and c not in wanted and c not in excluded]
        for cid in new_finals:
            wanted.add(cid)
            added[cid] = "final provision"
        pull(new_finals)
        position = {cid: n for n, cid in enumerate(lib.clauses)}
        by_topic: dict[str, list[str]] = {}
        for cid in listed:
            by_topic.setdefault(lib.clauses[cid].topic, []).append(cid)
        rank = {cid: n for n, cid in enumerate(finals)}
        for cid in sorted(added, key=lambda c: (c in rank, rank.get(c, 0), position[c])):
            group = by_topic.setdefault(lib.clauses[cid].topic, [])
            if cid in rank:  # a final provision: before the finals that close the bill after it, else last
                later = next((i for i, other in enumerate(group) if rank.get(other, -1) > rank[cid]), len(group))
            else:  # a dependency: before the first clause that comes after it in the library
                later = next((i for i, other in enumerate(group) if position[other] > position[cid]), len(group))
            group.insert(later, cid)
        for topic, group in by_topic.items():  # the final provisions close the bill in the profile's order
            if any(cid in rank for cid in group):
                by_topic[topic] = [c for c in group if c not in rank] + sorted((c for c in group if c in rank), key=rank.get)
        topics = sorted(by_topic, key=lambda t: (lib.topics[t].order, t))
        return tuple(cid for t in topics for cid in by_topic[t]), added

    # --- 2. values ------------------------------------------------------------------------------------

    def values(self, cid: str) -> dict[str, Any]:
        return clause_overrides(self.spec, self.library, cid, self.language)

    def check_values(self, ids: tuple[str, ...], overrides: Mapping[str, dict[str, Any]]) -> None:
        lib, preset = self.library, self.jurisdiction.values_for(self.language)
        defaulted: dict[str, list[str]] = {}
        for cid in ids:
            for name in lib.clauses[cid].parameters:
                param = lib.parameters[name]
                if name in overrides[cid] or name in preset:
                    continue
                if getattr(param, "required", False) or param.default_for(self.language) is None:
                    raise self.spec.error(f"clause {cid} needs parameter {name!r} ({param.description.get(self.language) or param.type}); "
                                          f"jurisdiction {self.jurisdiction.code!r} sets none: set it under [parameters]", "parameters")
                if param.type in LOCAL_TYPES:
                    defaulted.setdefault(name, []).append(cid)
        for name, cids in defaulted.items():
            param = lib.parameters[name]
            shown = param.unparse(param.default_for(self.language))
            self.warnings.append(f"parameter {name} ({', '.join(cids)}) uses the model law's placeholder {shown!r}: "
                                 f"jurisdiction {self.jurisdiction.code!r} sets no value; set it under [parameters]")
        used = {name for cid in ids for name in lib.clauses[cid].parameters} | set(required_values(self.jurisdiction.furniture))
        for name in self.spec.parameters:
            if name not in used:
                self.warnings.append(f"parameter {name} is set but no clause in the bill uses it")
        self.duplicates(ids)

    def duplicates(self, ids: tuple[str, ...]) -> None:
        """Two clauses for one criterion from different manifests: a house variant next to the model clause.

        Clauses of one manifest that share a criterion are designed to work together (production and
        distribution are both "specific" offences); a clause from another manifest whose main
        criterion is already covered is most likely an alternative the drafter meant to choose between.
        """
        by_criterion: dict[str, list[Clause]] = {}
        for cid in ids:
            clause = self.library.clauses[cid]
            if clause.criteria:
                by_criterion.setdefault(clause.criteria[0], []).append(clause)
        for criterion, clauses in by_criterion.items():
            if len({str(c.source) for c in clauses}) > 1:
                self.warnings.append(f"clauses {', '.join(c.id for c in clauses)} all cover criterion {criterion!r}: "
                                     "keep the one you mean")

    # --- 3. rendering ---------------------------------------------------------------------------------

    def render(self, cid: str, values: Mapping[str, Any], numbering: Mapping[str, str] | None) -> str:
        numbers = numbering if numbering is not None else {c: PROVISIONAL for c in self.library.clauses}
        try:
            return self.library.render_text(cid, self.language, values, self.spec.jurisdiction, numbers)
        except LibraryError as exc:
            raise LibraryError(exc.message, exc.source or f"clause {cid}", exc.place) from None

    # --- 4. articles, numbers, divisions --------------------------------------------------------------

    def articles(self, ids: tuple[str, ...], texts: Mapping[str, str]) -> tuple[_Article, ...]:
        """One article per clause, except the definitions clauses, which share the first one's place."""
        self.split = {cid: defs.split(texts[cid], self.profile) for cid in ids}
        merged = [cid for cid in ids if self.split[cid] is not None]
        out: list[_Article] = []
        for cid in ids:
            if merged and cid == merged[0]:
                out.append(_Article(tuple(merged), self.library.clauses[cid].topic))
            elif cid not in merged:
                out.append(_Article((cid,), self.library.clauses[cid].topic))
        if self.spec.short_title and self.layout.get("short_title") and out:
            out.insert(0, _Article((), out[0].topic))  # a generated "Short title" section opens the bill
        return tuple(replace(a, num=str(n)) for n, a in enumerate(out, start=1))

    def numbering(self, ids: tuple[str, ...], articles: tuple[_Article, ...]) -> dict[str, str]:
        numbers = {cid: a.num for a in articles for cid in a.clauses}
        for cid in ids:
            for target in self.library.clauses[cid].refs:
                if target not in numbers:  # only an excluded clause can be missing: required ones are pulled in
                    raise self.spec.error(f"clause {cid} cites clause {target} by its number, but the spec excludes it: "
                                          f"keep {target} or leave {cid} out", "exclude")
        return numbers

    def body(self, articles: tuple[_Article, ...], texts: Mapping[str, str]) -> tuple[Node, ...]:
        groups: dict[str, list[Node]] = {}
        for article in articles:
            groups.setdefault(article.topic, []).append(self.article(article, texts))
        kind = str(self.layout.get("division", "chapter"))
        upper = self.layout.get("division_heading_case", "upper") == "upper"
        roman = self.layout.get("division_numbering", "roman") == "roman"
        divisions = []
        for n, (topic, units) in enumerate(groups.items(), start=1):
            title = self.library.topics[topic].title.get(self.language, topic)
            divisions.append(Node(kind=kind, num=to_roman(n) if roman else str(n),
                                  heading=title.upper() if upper else title, children=tuple(units)))
        return tuple(divisions)

    def article(self, article: _Article, texts: Mapping[str, str]) -> Node:
        kind = self.profile.unit_kind
        if not article.clauses:  # the short-title section
            data = self.layout["short_title"]
            return Node(kind=kind, num=article.num, heading=str(data["heading"]),
                        text=str(data["text"]).format(short_title=self.spec.short_title))
        if self.split[article.clauses[0]] is not None:
            return self.definitions(article, texts)
        cid = article.clauses[0]
        text, children, wrap_up = defs.fragment(texts[cid], self.profile)
        return Node(kind=kind, num=article.num, heading=self.library.clauses[cid].title[self.language],
                    text=text, children=children, wrap_up=wrap_up)

    def definitions(self, article: _Article, texts: Mapping[str, str]) -> Node:
        intro, entries = "", []
        for n, cid in enumerate(article.clauses):
            found = defs.split(texts[cid], self.profile)  # the final text: its refs are numbered now
            assert found is not None  # articles() merged only definitions clauses
            intro = intro or found[0]
            entries += [replace(e, order=n * 1000 + i) for i, e in enumerate(found[1])]
        text, children = defs.article_body(intro, tuple(entries), self.profile, self.spec.definitions_order)
        heading = str(defs.rules(self.profile).get("heading", ""))
        return Node(kind=self.profile.unit_kind, num=article.num, heading=heading, text=text, children=children)

    # --- 5. the document ------------------------------------------------------------------------------

    def document(self, body: tuple[Node, ...]) -> Document:
        data = self.jurisdiction.furniture
        title = self.spec.title or str(data.get("title", ""))
        printed = set(strings(data.get("preamble"))) if data.get("preamble") else {"recitals", "citations"}
        for key in ("recitals", "citations"):
            if getattr(self.spec, key) and key not in printed:
                self.warnings.append(f"the spec's {key} are not printed: a bill of {self.jurisdiction.title('en')} "
                                     f"({self.jurisdiction.code}) has none")
        values = {name: value for name, value in self.spec.parameters.items() if isinstance(value, str)}
        try:
            parts = furniture(data, self.profile, title=title, number=self.spec.number, recitals=self.spec.recitals,
                              citations=self.spec.citations, values=values, arrangement=self.arrangement(body, data),
                              ordinal=self.ordinal)
        except DraftingError as exc:
            name = next((n for n in required_values(data) if f"'{n}'" in exc.message), "")
            raise self.spec.error(exc.message, f"parameters.{name}" if name else "parameters") from None
        extra = (("jurisdiction", self.jurisdiction.code),)
        if data.get("language_tag"):
            extra += (("language_tag", str(data["language_tag"])),)
        meta = Meta(country=self.jurisdiction.country, doc_type="bill", number=self.spec.number, date=self.spec.date,
                    language=self.language, title=title, short_title=self.spec.short_title, profile=self.profile.id,
                    source=self.spec.source, extra=extra)
        return Document(meta=meta, preface=parts.preface, preamble=parts.preamble, body=body,
                        conclusions=parts.conclusions)

    def arrangement(self, body: tuple[Node, ...], data: Mapping[str, Any]) -> Node | None:
        """The Arrangement of Sections (a house that prints one names its heading): every division and
        section of the bill with its label and heading."""
        heading = str(data.get("arrangement", ""))
        if not heading:
            return None
        items = []
        for node, _ in walk(body, into_quotes=False):
            # `text` repeats label and heading for readers that know only a tocItem's text (Akoma Ntoso)
            entry = " ".join(p for p in (node.label, node.heading) if p)
            if is_unit(node):
                items.append(Node(kind="tocItem", label=node.label, heading=node.heading, text=entry))
            elif node.kind in ("part", "chapter", "title", "book", "division") and node.num:
                items.append(Node(kind="tocItem", name="division", label=node.label, heading=node.heading, text=entry))
        return Node(kind="toc", name="arrangement", heading=heading, children=tuple(items))

    def ordinal(self, n: int) -> str:
        return ordinal_words(n, self.language)

    def record(self, ids: tuple[str, ...], added: Mapping[str, str], overrides: Mapping[str, dict[str, Any]],
               numbering: Mapping[str, str]) -> None:
        """Provenance for the DOCX custom properties: one short property per clause and parameter."""
        lib = self.library
        self.provenance.update({"drafting.jurisdiction": self.jurisdiction.code, "drafting.library": lib.root.name,
                                "drafting.language": self.language})
        for cid in ids:
            note = f"; added: {added[cid]}" if cid in added else ""
            self.provenance[f"clause:{cid}"] = f"{numbering.get(cid, '')}; version {lib.clauses[cid].version}{note}"
        shown: dict[str, dict[str, str]] = {}
        for cid in ids:
            resolved = lib.resolve_params(cid, self.spec.jurisdiction, overrides[cid], lang=self.language)
            for name, value in resolved.items():
                origin = "spec" if name in overrides[cid] else "jurisdiction" if name in self.jurisdiction.values_for(self.language) else "default"
                written = lib.parameters[name].unparse(value) if value_to_data(value) != "" else ""
                shown.setdefault(name, {})[cid] = f"{written} ({origin})"
        for name, by_clause in shown.items():
            if len(set(by_clause.values())) == 1:
                self.provenance[f"param:{name}"] = next(iter(by_clause.values()))
            else:  # a per-clause override: each clause's value
                self.provenance.update({f"param:{name}:{cid}": v for cid, v in by_clause.items()})
