"""Checks of one declaration table each: a parameter (`[parameters.<name>]` in manifest.toml)
and a phrases table (`<lang>/_phrases.toml`, or a preset's `[phrases.<lang>]` overrides).

They need no file context; the loader (`drafting.library.load`) adds the file and line.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

from drafting.library.model import PHRASE_TABLES, suggest
from drafting.library.params import (GENDERS, MONEY, NAME_RE, NUMBER_STYLES, OPTIONAL_PHRASES, TYPES, Parameter, Phrases,
                                     check_pattern)

PARAM_KEYS = {"type", "label", "description", "default", "defaults", "min", "max", "choices", "choice_labels", "units",
              "unit", "allow_empty"}
MESSAGE_LANGUAGE = "en"  # validation messages are English (the CLI's language); units are worded from its phrases
PRISON_UNITS = ("years", "months")
RESERVED = {"ref", "range", "dict", "namespace", "loop", "self", "caller", "varargs", "kwargs"}  # template names


def parameter_from_table(name: str, decl: Any, languages: tuple[str, ...], phrases: Mapping[str, Phrases]) -> Parameter:
    """The parameter declared by `[parameters.<name>]` (raises ValueError or LibraryError)."""
    if not NAME_RE.match(name) or name in RESERVED:
        raise ValueError("names are lower_snake_case and not a reserved template word")
    if name in languages:  # a preset's [values.<lang>] table would read as this parameter
        raise ValueError(f"a parameter may not be named like a language ({', '.join(languages)})")
    if not isinstance(decl, dict):
        raise ValueError("must be a table")
    extra = sorted(set(decl) - PARAM_KEYS)
    if extra:
        raise ValueError(f"unknown key {extra[0]!r}{suggest(extra[0], PARAM_KEYS)}")
    ptype = decl.get("type")
    if ptype not in TYPES:
        raise ValueError(f"type must be one of {', '.join(TYPES)}, not {ptype!r}")
    desc = decl.get("description")
    if not isinstance(desc, dict) or not any(isinstance(v, str) and v.strip() for v in desc.values()):
        raise ValueError("needs a description (description.en = \"…\")")
    for key in ("min", "max"):
        if key in decl and not (isinstance(decl[key], int) and not isinstance(decl[key], bool)):
            raise ValueError(f"{key} must be a whole number")
    choices = decl.get("choices", [])
    if ptype == "choice" and (not isinstance(choices, list) or not choices or not all(isinstance(c, str) for c in choices)):
        raise ValueError("a choice needs a list of string choices")
    units = _units(ptype, decl.get("units"), phrases)
    label = _labels(decl.get("label"), "label")
    choice_labels = decl.get("choice_labels", {})
    if not isinstance(choice_labels, dict) or not all(
            isinstance(table, dict) and set(table) <= set(choices) and all(isinstance(v, str) and v.strip() for v in table.values())
            for table in choice_labels.values()):
        raise ValueError("choice_labels must be a table per language of choice = \"label\" (choice_labels.en = { … })")
    unit = decl.get("unit", "")
    common = set.intersection(*(set(p.data["units"]) for p in phrases.values()))
    if unit and (ptype != "integer" or unit not in common):
        raise ValueError(f"unit is for integer parameters and must be worded in every language's units "
                         f"({', '.join(sorted(common))})")
    words_lang = MESSAGE_LANGUAGE if MESSAGE_LANGUAGE in phrases else next(iter(phrases))
    unit_words = {key: (forms["one"], forms["many"]) for table in PHRASE_TABLES
                  for key, forms in phrases[words_lang].data[table].items()}
    fields = dict(label=label, choice_labels=MappingProxyType({k: MappingProxyType(dict(v)) for k, v in choice_labels.items()}),
                  unit=unit, unit_words=MappingProxyType(unit_words))
    param = Parameter(name, ptype, MappingProxyType(dict(desc)), None, MappingProxyType({}),
                      decl.get("min"), decl.get("max"), tuple(choices), units, bool(decl.get("allow_empty", False)), **fields)
    default = param.validate(decl["default"]) if "default" in decl else None
    localized = decl.get("defaults", {})
    if not isinstance(localized, dict) or set(localized) - set(languages):
        raise ValueError(f"defaults must be a table of languages ({', '.join(languages)})")
    localized = {lang: param.validate(v) for lang, v in localized.items()}
    missing = [lang for lang in languages if lang not in localized and default is None]
    if missing:
        raise ValueError(f"needs a default (default = …, or defaults.{missing[0]} = …)")
    return Parameter(name, ptype, param.description, default, MappingProxyType(localized),
                     param.minimum, param.maximum, param.choices, units, param.allow_empty, **fields)


def _labels(value: Any, what: str) -> Mapping[str, str]:
    """An optional {lang: text} table (a parameter without labels is shown by its name in words)."""
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise ValueError(f"{what} must be a table of texts per language ({what}.en = \"…\")")
    return MappingProxyType({k: v.strip() for k, v in value.items()})


def _units(ptype: str, declared: Any, phrases: Mapping[str, Phrases]) -> tuple[str, ...]:
    """The units a prison or fine parameter may use: those every language can word."""
    if ptype not in ("prison", "fine"):
        return ()
    table = "units" if ptype == "prison" else "fine_units"
    known = set.intersection(*(set(p.data[table]) for p in phrases.values()))
    if ptype == "fine":
        known.add(MONEY)
    if declared is None:
        return PRISON_UNITS if ptype == "prison" else tuple(sorted(known))
    if not isinstance(declared, list) or not declared:
        raise ValueError("units must be a list")
    bad = [u for u in declared if u not in known]
    if bad:
        raise ValueError(f"unit {bad[0]!r} is not worded in every language's phrases (known: {', '.join(sorted(known))})")
    return tuple(declared)


def phrase_problem(data: Mapping[str, Any]) -> str | None:
    """Why a phrases table is unusable, or None."""
    for key in ("thousands_separator",):
        if not isinstance(data.get(key), str):
            return f"{key} must be a string"
    for dotted in sorted(k for k in ("article_heading", "money", "quantity", "prison.range", "prison.fixed",
                                      "prison.max", "fine.range", "fine.amount", "fine.max")):
        node: Any = data
        for part in dotted.split("."):
            node = node.get(part) if isinstance(node, Mapping) else None
        problem = check_pattern(dotted, node) if node is not None else f"{dotted} is missing"
        if problem:
            return problem
    for dotted in OPTIONAL_PHRASES:
        section, key = dotted.split(".")
        node = data.get(section, {}).get(key) if isinstance(data.get(section), Mapping) else None
        problem = check_pattern(dotted, node) if node is not None else None
        if problem:
            return problem
    for table in PHRASE_TABLES:
        entries = data.get(table)
        if not isinstance(entries, Mapping) or not entries:
            return f"{table} must be a table of units"
        for unit, forms in entries.items():
            if not (isinstance(forms, Mapping) and all(isinstance(forms.get(k), str) for k in ("one", "many"))):
                return f"{table}.{unit} needs one = \"…\" and many = \"…\""
            if forms.get("gender", "m") not in GENDERS:
                return f"{table}.{unit}.gender must be one of {', '.join(GENDERS)}"
            for key in ("range", "amount", "max"):  # a fine unit's own wording
                problem = check_pattern(f"fine.{key}", forms[key]) if key in forms else None
                if problem:
                    return f"{table}.{unit}: {problem}"
    for old, new in (data.get("contractions") or {}).items():
        if not isinstance(new, str):
            return f"contractions.{old} must be a string"
    return _numbers_problem(data.get("numbers", {})) or _plural_problem(data.get("plural", {}))


def merged_phrases(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """A preset's [phrases.<lang>] laid over a language's phrases, table by table (so a preset can
    change one prison wording without restating the others)."""
    out = dict(base)
    for key, value in over.items():
        out[key] = merged_phrases(out[key], value) if isinstance(value, Mapping) and isinstance(out.get(key), Mapping) else value
    return out


def _numbers_problem(table: Any) -> str | None:
    """`[numbers]`: style, the num2words language and gender agreement rules ([pattern, replacement] pairs)."""
    if not isinstance(table, Mapping):
        return "numbers must be a table"
    if table.get("style", "figures") not in NUMBER_STYLES:
        return f"numbers.style must be one of {', '.join(NUMBER_STYLES)}"
    if not isinstance(table.get("language", "en"), str):
        return "numbers.language must be a language code like \"es\""
    if table.get("style") == "words-and-figures":
        from num2words import CONVERTER_CLASSES

        if table.get("language", "en") not in CONVERTER_CLASSES:
            return f"numbers.language {table.get('language')!r} cannot be written in words"
    agreement = table.get("agreement", {})
    if not isinstance(agreement, Mapping) or set(agreement) - set(GENDERS):
        return f"numbers.agreement must be tables per gender ({', '.join(GENDERS)})"
    for gender, rules in agreement.items():
        if not isinstance(rules, (list, tuple)) or not all(isinstance(r, (list, tuple)) and len(r) == 2
                                                           and all(isinstance(x, str) for x in r) for r in rules):
            return f"numbers.agreement.{gender} must be a list of [word, replacement] pairs"
    return None


def _plural_problem(table: Any) -> str | None:
    """`[plural]`: word lists (never patterns: phrases may come from another ministry's library)."""
    if not isinstance(table, Mapping):
        return "plural must be a table"
    for key in ("starts", "joins", "determiners"):
        words = table.get(key, [])
        if not isinstance(words, (list, tuple)) or not all(isinstance(w, str) and w.strip() for w in words):
            return f"plural.{key} must be a list of words"
    return None
