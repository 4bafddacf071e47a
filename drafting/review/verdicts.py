"""Review a statute against the model-law criteria: met, partial or missing, with evidence.

Each criterion's rule is data in the statute's review profile (see drafting/review/detect.py); the
alignment with the model clauses decides which evidence comes first (a provision that also
corresponds to the criterion's model clause is the better proof). Every verdict carries the
provisions that support it, verbatim quotes and a one-sentence reason a lawyer can check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

from drafting.errors import DraftingError
from drafting.library.library import Library
from drafting.model.document import Document, Meta, Node
from drafting.model.eids import assign_eids
from drafting.model.outline import meta_json
from drafting.review.align import Alignment, align
from drafting.review.detect import MET, Detector, Hit, Law, Rule, defined_terms, detector
from drafting.review.provisions import lineage, provisions, review_profile

STATUSES = ("met", "partial", "missing")
LEGAL_ORDER = "statute"  # the container of one statute in a legal order (see legal_order)
CONFIDENCE = ("high", "medium", "low")  # how many independent signals agree (see _confidence)
CHECK_NOTE = ("Low confidence: few independent signals agree on this verdict. Read the quoted provisions "
              "before relying on it.")
MAX_EVIDENCE = 3
MAX_MENTIONS = 3


@dataclass(frozen=True, slots=True)
class Evidence:
    eid: str
    num: str  # "7, Párrafo", "4(2)"
    quote: str  # verbatim sentences of the provision (pieces joined by " … ")
    aligned: tuple[str, ...] = ()  # model clauses this provision corresponds to


@dataclass(frozen=True, slots=True)
class Verdict:
    criterion: str
    status: str  # met | partial | missing
    evidence: tuple[Evidence, ...]
    reason: str  # one English sentence
    clauses: tuple[str, ...]  # model clauses that would fill or strengthen it
    title: str = ""
    reason_es: str = ""
    confidence: str = "high"  # high | medium | low: a low one is for the reviewer to check, not a certainty

    @property
    def id(self) -> str:
        return self.criterion

    @property
    def uncertain(self) -> bool:
        return self.confidence == "low"

    @property
    def check_note(self) -> str:
        """What a report says beside a low-confidence verdict (empty for the others)."""
        return CHECK_NOTE if self.uncertain else ""


@dataclass(frozen=True)
class Review:
    statute: Meta
    edition: str  # as asked ("2006"); the set actually used is `criteria_set`
    criteria_set: str  # "2006", "2016", "2018" or "full"
    verdicts: tuple[Verdict, ...]

    def verdict(self, criterion: str) -> Verdict:
        for v in self.verdicts:
            if v.criterion == criterion:
                return v
        raise KeyError(criterion)

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for v in self.verdicts if v.status == s) for s in STATUSES}

    def to_json(self) -> dict[str, Any]:
        return {
            "statute": meta_json(self.statute),
            "edition": self.edition,
            "criteria_set": self.criteria_set,
            "criteria": [
                {"id": v.criterion, "title": v.title, "status": v.status, "confidence": v.confidence,
                 "evidence": [{"eid": e.eid, "num": e.num, "quote": e.quote, "aligned": list(e.aligned)} for e in v.evidence],
                 "reason": v.reason, "reason_es": v.reason_es, "clauses": list(v.clauses)}
                for v in self.verdicts
            ],
        }

    def lines(self) -> list[str]:
        """One line per criterion: status, evidence numbers, reason."""
        out = []
        for v in self.verdicts:
            nums = "; ".join(e.num for e in v.evidence) or "—"
            flag = " (check)" if v.uncertain else ""
            out.append(f"{v.status:<8} {v.criterion:<20} {nums:<22} {v.reason}{flag}")
        return out


# ---------------------------------------------------------------- review

def criteria_ids(library: Library, edition: str, criteria: str) -> tuple[str, tuple[str, ...]]:
    """The criteria set to use: an edition's scored set ("core") or every topic ("full")."""
    if criteria not in ("core", "full"):
        raise DraftingError(f"criteria must be 'core' or 'full', not {criteria!r}")
    chosen = library.criteria_set(edition)  # an unknown edition is an error even with "full"
    if criteria == "full":
        chosen = library.criteria_set("full")
    return chosen.id, chosen.criteria


def legal_order(documents: Sequence[Document]) -> Document:
    """Several statutes of one country as one legal order — a penal code and its special laws: each
    statute's body under a container named after it, so every provision is cited with its statute."""
    if not documents:
        raise DraftingError("no statute to review")
    first = documents[0].meta
    languages = {d.meta.language for d in documents}
    if len(languages) > 1:
        raise DraftingError(f"statutes reviewed as one legal order must share a language; got {', '.join(sorted(languages))}")
    countries = {d.meta.country for d in documents if d.meta.country not in ("", "xx")}
    if len(countries) > 1:
        raise DraftingError(f"statutes reviewed as one legal order must be of one country; got {', '.join(sorted(countries))}")
    names = [statute_name(d.meta) for d in documents]
    if len(set(names)) < len(names):  # two statutes the same head of title: tell them apart by their files
        names = [f"{n} ({Path(d.meta.source).name or i})" for i, (n, d) in enumerate(zip(names, documents), 1)]
    parts = tuple(Node(kind="hcontainer", name=LEGAL_ORDER, heading=n, children=d.body) for n, d in zip(names, documents))
    title = " + ".join(names)
    meta = replace(first, title=title, number="", source=", ".join(d.meta.source for d in documents if d.meta.source),
                   country=next(iter(countries), first.country))
    return assign_eids(Document(meta=meta, body=parts))


_TITLE_END = re.compile(r"\s[-–—]\s|,\s+(?:de|del|of|por|by)\s|(?<=\d)\.\s|\s\(")  # before the date or subject
NAME_LIMIT = 60


def statute_name(meta: Meta) -> str:
    """How a statute is named in a citation of a legal order: its short title, else the head of its title
    before the date or subject ("Ley Orgánica 10/1995", "LEY 1146 DE 2007"), else its file."""
    name = meta.short_title or _TITLE_END.split(meta.title, maxsplit=1)[0].strip()
    if not name:
        name = Path(meta.source).stem if meta.source else meta.number or "statute"
    return name if len(name) <= NAME_LIMIT else name[:NAME_LIMIT].rsplit(" ", 1)[0] + "…"


def review(document: Document, library: Library, *, edition: str = "2006", criteria: str = "core",
           jurisdiction: str | None = None, alignment: Alignment | None = None) -> Review:
    """Judge every criterion of the chosen set against the statute."""
    set_id, ids = criteria_ids(library, str(edition), criteria)
    profile = review_profile(document)
    provs = provisions(document, profile)
    base = detector(profile)
    det = base.for_terms(defined_terms(base, provs))  # the law's own defined terms count as what they define
    law = Law(det, provs)
    if alignment is None:
        alignment = align(document, library, jurisdiction=jurisdiction)
    elif alignment.statute != document.meta:
        raise DraftingError("the alignment given was computed for another statute")
    order = {p.eid: n for n, p in enumerate(provs)}
    verdicts = tuple(_verdict(det, law, provs, order, library, alignment, cid) for cid in ids)
    return Review(document.meta, str(edition), set_id, verdicts)


def _verdict(det: Detector, law: Law, provs, order: Mapping[str, int], library: Library, alignment: Alignment,
             cid: str) -> Verdict:
    crit = library.criterion(cid)
    rule = det.rule(crit.alias_of or crit.id)
    clause_ids = tuple(c.id for c in library.clauses_for_criterion(cid))
    hits = det.hits(provs, rule, law)

    def affinity(hit: Hit) -> float:
        scores = [m.score for c in clause_ids for m in alignment.matches(c) if lineage(m.eid, hit.provision.eid)]
        return max(scores, default=0.0)

    # the strongest proof first: the rule held in the provision itself, then in its article, in a
    # provision citing it, in the general part; among equals, an operative provision before one stating the
    # law's purpose, then what the model clause aligned with
    ranked = sorted(hits, key=lambda h: (BASIS_RANK[h.basis], REACH_RANK.get(h.reach, 0), h.strength,
                                         law.is_programmatic(h.provision), -affinity(h), order.get(h.provision.eid, 0)))
    met = [h for h in ranked if h.kind == MET]
    partial = [h for h in ranked if h.kind != MET]
    chosen = met or partial
    status = "met" if met else "partial" if partial else "missing"
    evidence = tuple(
        Evidence(h.provision.eid, h.provision.cited_num, det.quote(h),
                 tuple(dict.fromkeys(m.clause for m in alignment.for_provision(h.provision.eid))))
        for h in chosen[:MAX_EVIDENCE]
    )
    mentions = det.mentions(provs, rule.anchor, hits) if status == "missing" and rule.anchor else ()
    reason = _reason(det, rule, rule.reasons, status, chosen, mentions, "unit")
    reason_es = _reason(det, rule, rule.reasons_es, status, chosen, mentions, "unit_es") if rule.reasons_es else ""
    confidence = _confidence(status, chosen, mentions, bool(chosen and affinity(chosen[0]) > 0))
    return Verdict(cid, status, evidence, reason, clause_ids, crit.title.get("en", cid), reason_es, confidence)


BASIS_RANK = {"provision": 0, "article": 1, "reference": 2, "general": 3}
REACH_RANK = {"article": 0, "names": 1, "cites": 2, "general": 3, "law": 4}


def _confidence(status: str, hits: list[Hit], mentions, aligned: bool) -> str:
    """How many independent signals agree: the rule holding within one provision, in more than one
    article, and the model clause aligning with the evidence. Missing is certain unless the concept
    is mentioned somewhere (a reviewer should look at those places)."""
    if status == "missing":
        return "medium" if mentions else "high"
    best = hits[0]
    signals = 1 + (best.basis == "provision") + (len({h.provision.unit for h in hits if h.kind == best.kind}) > 1) + aligned
    if best.kind != MET and best.why in ("reach", "weak"):
        signals -= 1  # a partial verdict that rests on scope or a weaker wording is a judgement call
    return "high" if signals >= 3 else "medium" if signals == 2 else "low"


def _reason(det: Detector, rule: Rule, templates: Mapping[str, str], status: str, hits: list[Hit],
            mentions, cite_key: str) -> str:
    if status == "met":
        key = "met"
    elif status == "partial":
        why = hits[0].why
        key = {"weak": "weak", "reach": "reach", "met_also": "partly"}.get(why, "restricted")
        if key not in templates:
            key = "restricted" if "restricted" in templates else "weak"
    else:
        key = "mentioned" if mentions and "mentioned" in templates else "missing"
    template = templates.get(key) or templates.get("missing" if status == "missing" else "met", "")
    if not template:
        return f"{status}: no reason template for {rule.criterion} ({key}) in profile {det.profile.id}"
    first = hits[0] if hits else None
    value = first.value if first else None
    fields = {
        "cite": det.cite(first.provision) if first else "",
        "cite_es": det.cite(first.provision, "unit_es") if first else "",
        "cites": ", ".join(det.cite(h.provision, cite_key) for h in hits[:MAX_EVIDENCE]),
        "term": first.term if first else "",
        "restriction": first.restriction if first else "",
        "value": (str(int(value)) if value is not None and float(value).is_integer() else str(value or "")),
        "mentions": ", ".join(det.cite(p, cite_key) for p in mentions[:MAX_MENTIONS]),
        "support": det.cite(first.support) if first and first.support else "",
        "support_es": det.cite(first.support, "unit_es") if first and first.support else "",
    }
    text = template.format_map(_Blank(fields))
    return text[:1].upper() + text[1:]


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""
