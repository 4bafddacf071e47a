"""Bill drafts: a BillSpec kept as TOML in the workspace, and the edits the Bill builder makes to it.

New bills start from the clauses of the latest scored criteria; an amending bill names a statute
of the workspace (`amends = "workspace:<draft id>@<version>"`) and is drafted by drafting.gapbill.
Every function that saves adds a version to the draft (never overwriting one).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from drafting import naming
from drafting.app import cache, drafts, render, state
from drafting.bills.assembly import Assembly
from drafting.bills.spec import REVIEW, BillSpec, ClauseSpec, bill_language, spec_from_toml, spec_to_toml
from drafting.errors import DraftingError
from drafting.library.library import Library
from drafting.library.params import value_to_data
from drafting.store import Version

KIND = "bill"
STARTER_SET = "2018"  # a new bill starts with the clauses for the latest scored criteria
# An amending bill's statute lives in the workspace, so its spec names it as workspace:<draft id>@<version>.
WORKSPACE = re.compile(r"workspace:([a-z0-9]+)@(\d+)\Z")


def starter_spec(lib: Library, jurisdiction: str) -> BillSpec:
    """A new bill: the clauses that meet the latest edition's criteria, for the jurisdiction."""
    wanted: list[str] = []
    for criterion in lib.criteria_set(STARTER_SET).criteria:
        for clause in lib.clauses_for_criterion(criterion):
            if clause.id not in wanted:
                wanted.append(clause.id)
    ordered = [cid for cid in lib.clauses if cid in wanted] or list(lib.clauses)[:1]
    return BillSpec(jurisdiction=jurisdiction, clauses=tuple(ClauseSpec(cid) for cid in ordered))


def spec_of(version: Version) -> BillSpec:
    return spec_from_toml(version.payload, f"bill {version.draft_id} v{version.version}")


def bill_name(spec: BillSpec, lib: Library) -> str:
    if spec.title:
        return spec.title
    j = lib.jurisdictions.get(spec.jurisdiction)
    title = str(j.furniture.get("title", "")) if j else ""
    return title or f"Bill ({spec.jurisdiction})"


def bill_facts(spec: BillSpec, lib: Library) -> tuple[naming.Facts, str]:
    """What names a bill (its title, number and date, and the jurisdiction it is drafted for), and for
    an amending bill the file stem of the law it amends."""
    j = lib.jurisdictions.get(spec.jurisdiction)
    language = bill_language(spec, lib) if j else spec.language
    stem = ""
    found = WORKSPACE.match(spec.amends) if spec.amending else None
    if found and state.store().exists(found.group(1)):  # an amending bill is named after the law it amends
        stem = drafts.file_stem(state.store().get(found.group(1), int(found.group(2))))
    return naming.Facts(title=bill_name(spec, lib), number=spec.number, date=spec.date,
                        country=j.country if j else "", place=j.title(state.ui_language()) if j else spec.jurisdiction,
                        language=language, profile=j.profile if j and j.language == language else "",
                        filename=""), stem


def save_spec(spec: BillSpec, note: str, *, new: bool = False) -> tuple[str, int]:
    """Save a spec as the open bill's next version (or a new bill); the text is checked first."""
    text = spec_to_toml(spec)
    spec_from_toml(text)  # never store a spec that would not read back
    lib = cache.library()
    facts, amended_stem = bill_facts(spec, lib)
    stem = naming.joined(amended_stem, "amending-bill") if amended_stem else naming.file_stem(facts)
    meta = drafts.facts_meta(facts, jurisdiction=spec.jurisdiction, file_stem=stem)
    return state.save(KIND, bill_name(spec, lib), text, note, meta, new=new)


def new_bill(jurisdiction: str | None = None) -> str:
    """A new bill for the sidebar's jurisdiction (by default the Dominican Republic, in Spanish)."""
    lib = cache.library()
    code = jurisdiction or state.jurisdiction()
    if code not in lib.jurisdictions:
        code = state.DEFAULT_JURISDICTION if state.DEFAULT_JURISDICTION in lib.jurisdictions else next(iter(lib.jurisdictions))
    draft_id, _ = save_spec(starter_spec(lib, code), "new bill", new=True)
    return draft_id


def amended_statute(spec: BillSpec) -> Version:
    """The workspace statute version an amending spec names."""
    found = WORKSPACE.match(spec.amends)
    if not found:
        raise DraftingError(f"amends = {spec.amends!r}: the app amends statutes of the workspace "
                            "(workspace:<draft id>@<version>); use the drafting command for statute files")
    return state.store().get(found.group(1), int(found.group(2)))


def gap_assembly(spec: BillSpec) -> Assembly:
    statute = amended_statute(spec)
    gaps = None if spec.gaps_from_review else tuple(spec.gaps)
    return cache.gap_bill(statute.payload, spec.jurisdiction, gaps, spec.edition, spec.title, spec.short_title)


def new_gap_bill(statute: Version, edition: str, jurisdiction: str | None, gaps: tuple[str, ...] | None = None) -> str | None:
    """One click from a review: an amending bill that fills the statute's partial and missing criteria —
    or `gaps`, the criteria a review of several statutes together left open. It is drafted with the
    statute's own country's preset, else a generic one (drafts.preset_for); the bill's warnings say
    when the preset is generic or of another country, and name the values the drafter must supply."""
    lib = cache.library()
    doc = cache.document(statute.payload)
    jurisdiction = drafts.preset_for(lib, doc.meta.language, doc.meta.country, jurisdiction)
    if jurisdiction is None:
        render.error(f"no jurisdiction preset drafts in {doc.meta.language!r}, the statute's language")
        return None
    spec = BillSpec(jurisdiction=jurisdiction, amends=f"workspace:{statute.draft_id}@{statute.version}",
                    gaps=(REVIEW,) if gaps is None else gaps, edition=edition)
    try:
        assembly = gap_assembly(spec)
    except DraftingError as exc:
        render.error(exc)
        return None
    spec = replace(spec, title=assembly.document.meta.title)
    draft_id, _ = save_spec(spec, f"gap-filling amendment of {naming.short_title(statute.name, 60)} "
                                  f"(version {statute.version})", new=True)
    # the preset, the statute's country and the values left for the drafter: the builder lists them
    count = len(assembly.warnings)
    read = f" — {count} warning{'s' if count != 1 else ''} to read beside the preview" if count else ""
    state.flash(f"New amending bill: {assembly.document.meta.title}{read}")
    return draft_id


def move_clause(spec: BillSpec, index: int, delta: int) -> BillSpec:
    clauses = list(spec.clauses)
    target = index + delta
    if 0 <= index < len(clauses) and 0 <= target < len(clauses):
        clauses[index], clauses[target] = clauses[target], clauses[index]
    return replace(spec, clauses=tuple(clauses))


def remove_clause(spec: BillSpec, index: int) -> BillSpec:
    if len(spec.clauses) <= 1:
        raise DraftingError("a bill needs at least one clause")
    return replace(spec, clauses=spec.clauses[:index] + spec.clauses[index + 1:])


def add_clause(spec: BillSpec, clause_id: str) -> BillSpec:
    if any(c.id == clause_id for c in spec.clauses):
        return spec
    return replace(spec, clauses=spec.clauses + (ClauseSpec(clause_id),),
                   exclude=tuple(e for e in spec.exclude if e != clause_id))


def set_parameter(spec: BillSpec, lib: Library, name: str, value: Any) -> BillSpec:
    """The spec with a new value for `name` (validated by the library's Parameter.validate)."""
    checked = lib.parameters[name].validate(value)
    return replace(spec, parameters={**spec.parameters, name: value_to_data(checked)})


def clear_parameter(spec: BillSpec, name: str) -> BillSpec:
    return replace(spec, parameters={k: v for k, v in spec.parameters.items() if k != name})
