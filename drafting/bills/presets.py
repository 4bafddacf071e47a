"""Which jurisdiction preset drafts a bill for a statute, and what the drafter must be told about it.

A statute is amended by its own legislature: the preset of the statute's country when the library
has one; else the generic preset of its tradition (the one in its language: `latam` for Spanish,
`commonwealth` for English), whose institutions and fine units are placeholders the drafter must
replace — each one is named in a warning. A preset the drafter picks is used as asked, but a bill
drafted for a statute of one country with another country's preset says so.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from drafting.errors import DraftingError
from drafting.library.library import Jurisdiction, Library
from drafting.library.params import Fine, PrisonTerm
from drafting.naming import country_name

# Parameter types whose value is a fact of one country: who does what, and in which unit fines count.
LOCAL_TYPES = frozenset({"authority", "fine"})


def is_generic(jurisdiction: Jurisdiction) -> bool:
    """A preset that is no country's own (a user-assigned ISO code, or marked `generic`)."""
    return bool(jurisdiction.furniture.get("generic")) or jurisdiction.country.startswith("x")


def real_country(code: str) -> bool:
    return len(code or "") == 2 and not code.lower().startswith("x")


def choose_preset(library: Library, language: str, country: str, picked: str | None = None) -> str:
    """The preset for a statute in `language` of `country`: `picked` if given, else the country's own,
    else a generic one in that language."""
    if picked:
        chosen = library.jurisdiction(picked)  # an unknown code is a clear error with suggestions
        if chosen.language != language:
            fits = [code for code, j in library.jurisdictions.items() if j.language == language]
            raise DraftingError(f"jurisdiction {picked!r} drafts in {chosen.language!r} but the statute is in "
                                f"{language!r}; choose one of: {', '.join(fits) or 'none'}")
        return picked
    fits = sorted((code, j) for code, j in library.jurisdictions.items() if j.language == language)
    for rule in (lambda j: real_country(country) and j.country == country, is_generic):
        found = next((code for code, j in fits if rule(j)), None)
        if found:
            return found
    if fits:
        return fits[0][0]
    raise DraftingError(f"no jurisdiction preset drafts in {language!r}, the statute's language; "
                        f"the library has presets in: {', '.join(sorted({j.language for j in library.jurisdictions.values()}))}")


def preset_warnings(jurisdiction: Jurisdiction, country: str, picked: bool) -> list[str]:
    """What the drafter must know about drafting a statute of `country` with this preset."""
    place = country_name(country, "en") if real_country(country) else ""
    own = country_name(jurisdiction.country, "en") if real_country(jurisdiction.country) else jurisdiction.title("en")
    if is_generic(jurisdiction):
        whose = f"the statute's country, {place} ({country})," if place else "the statute's country"
        how = "was chosen" if picked else "is used"
        return [f"{whose} has no preset of its own: the generic preset {jurisdiction.code!r} ({own}) {how}; "
                "its institutions and fine units are placeholders for the drafter to replace (see the warnings that name them)"]
    if country != jurisdiction.country:
        statute = f"a statute of {place} ({country})" if place else f"a statute of no known country ({country or 'none given'})"
        return [f"{statute} is amended with the preset of {own} ({jurisdiction.code!r}): the bill names {own}'s "
                "institutions, penalty units and place; use the statute's own preset if there is one"]
    return []


def placeholder_warnings(library: Library, jurisdiction: Jurisdiction, language: str, clause_ids: Iterable[str],
                         given: Mapping[str, Any], country: str) -> list[str]:
    """One warning per institution or fine that a generic preset (or the library's default) fills in:
    a value the drafter must supply for the statute's own country."""
    place = country_name(country, "en") if real_country(country) else "the statute's country"
    preset = jurisdiction.values_for(language)
    out: list[str] = []
    seen: set[str] = set()
    for cid in clause_ids:
        for name in library.clauses[cid].parameters:
            param = library.parameters[name]
            if name in seen or name in given or param.type not in LOCAL_TYPES:
                continue
            seen.add(name)
            from_preset = name in preset
            if from_preset and not is_generic(jurisdiction):
                continue
            value = preset[name] if from_preset else param.default_for(language)
            shown = _shown(library, name, value, language, jurisdiction.code)
            source = f"the generic preset's {shown}" if from_preset else f"the model law's placeholder {shown}"
            what = "name the authority" if param.type == "authority" else "set the fine in the units its law uses"
            out.append(f"{name} ({param.title('en')}) is {source}: {what} for {place} "
                       f"(--set {name}=… or [parameters] {name} = …)")
    return out


def _shown(library: Library, name: str, value: Any, language: str, jurisdiction: str) -> str:
    if isinstance(value, (Fine, PrisonTerm)):
        return f"“{library.describe_value(name, value, language)}”"
    return f"“{value}”"
