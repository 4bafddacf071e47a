"""The parts of a bill around its articles: title block, recitals, citations, enacting formula,
closing formulas and signatures — in the house style of the jurisdiction.

Everything comes from data: the preset's `[furniture]` (templates/model_law/jurisdictions/*.toml)
says what a bill of that jurisdiction prints and in which order, the bill profile
(profiles/bill/<id>.toml) gives the language's standing recitals and citations. What a bill says
about particular statutes (recitals of findings, citations of the laws it amends) is handed in by
the caller — the bill specification or the gap bill — never read from a preset.

Keys of `[furniture]` read here:
  language_tag             the BCP 47 tag writers put in the DOCX and HTML ("es-DO", "en-GB")
  act_word, number_word    "Ley" / "núm." — the law-number line and citations ("Ley núm. 53-07")
  number_line              "{act} {number_word} {number}"; number_pending: printed when a bill has no
                           number yet ("___"); without it the line is left out
  title, title_case        a new bill's default title; "upper" prints it in capitals
  long_title, heading, in_the_name_of, arrangement (the heading of the Arrangement of Sections)
  preface, preamble        the order of the parts: "authority", "in_the_name_of", "number", "title",
                           "long_title", "arrangement" / "recitals", "citations", "formula", "title"
  constitution             how citations name the country's constitution
  recital_label            "CONSIDERANDO {ORDINAL}:" ({ordinal}, {ORDINAL}, {n}); citation_label: a
                           text, or a table by the citation's first word (la → "VISTA:", el → "VISTO:")
  enacting_formula         may name a bill value: "ENACTED by the Parliament of {country_name} as follows:"
  [[closing]]              lines and signatures, one table per step (each chamber, the executive)
  generic                  true for a preset that is not a country's own (latam, commonwealth)
A value named in braces ({country_name}) must be given: an empty one is an error naming it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from drafting.errors import DraftingError
from drafting.model.document import Node
from drafting.parse.profiles import Profile

PREFACE = ("title", "long_title", "number", "authority", "in_the_name_of")
PREAMBLE = ("recitals", "citations", "formula")


@dataclass(frozen=True)
class Furniture:
    preface: tuple[Node, ...]
    preamble: tuple[Node, ...]
    conclusions: tuple[Node, ...]


def strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    return tuple(str(v) for v in value or () if str(v).strip())


def placeholders(text: str) -> tuple[str, ...]:
    """The bill values a furniture text names ("{country_name}")."""
    return tuple(name for _, name, _, _ in string.Formatter().parse(text) if name)


def fill(text: str, values: Mapping[str, Any], where: str) -> str:
    """A furniture text with its named values; a value left empty is an error that names it."""
    names = placeholders(text)
    missing = [name for name in names if not str(values.get(name, "") or "").strip()]
    if missing:
        raise DraftingError(f"the {where} needs the value {missing[0]!r}, which is empty: set it under [parameters] "
                            f"({missing[0]} = \"…\")")
    return text.format_map({name: str(values[name]).strip() for name in names}) if names else text


def number_line(data: Mapping[str, Any], number: str) -> str:
    """"Ley núm. 53-07"; "" when the bill has no number and the house prints none without one."""
    number = number or str(data.get("number_pending", ""))
    pattern = str(data.get("number_line", ""))
    if not number or not pattern:
        return ""
    line = pattern.format(act=data.get("act_word", ""), number_word=data.get("number_word", ""), number=number)
    return " ".join(line.split())


def cited_number(data: Mapping[str, Any], act: str, number: str) -> str:
    """How the house cites a law by its number: "Ley núm. 53-07", "Ley 30096", "Act No. 3"."""
    word = str(data.get("number_word", "No."))
    return " ".join(p for p in (act, word, number) if p)


def recital_label(pattern: str, n: int, ordinal: Callable[[int], str]) -> str:
    if not pattern:
        return ""
    words = ordinal(n) if "{ordinal}" in pattern.lower() else ""
    return pattern.format(n=n, ordinal=words, ORDINAL=words.upper())


def citation_label(setting: Any, text: str) -> str:
    """"VISTA:" for "la Constitución …", "VISTO:" for "el Código …" (a table by the first word)."""
    if isinstance(setting, Mapping):
        first = (re.findall(r"\w+", text.casefold()) or [""])[0]
        return str(setting.get(first, setting.get("default", "")))
    return str(setting or "")


def furniture(data: Mapping[str, Any], profile: Profile, *, title: str, number: str = "",
              recitals: Sequence[str] = (), citations: Sequence[str] = (), values: Mapping[str, Any] | None = None,
              arrangement: Node | None = None, ordinal: Callable[[int], str] = str) -> Furniture:
    """Nodes for a bill titled `title`, in the house style `data` (a preset's [furniture]).

    `recitals` and `citations` are the bill's own (each a sentence without its label); the preset's
    constitution and the bill profile's standing citations come first. `values` fill the furniture's
    named values ({country_name}); `ordinal` words a recital's number ("primero")."""
    values = values or {}
    shown_title = title.upper() if data.get("title_case") == "upper" else title
    parts: dict[str, list[Node]] = {
        "title": [Node(kind="text", name="docTitle", text=shown_title)] if shown_title else [],
        "long_title": [Node(kind="text", text=str(data["long_title"]))] if data.get("long_title") else [],
        "authority": [Node(kind="text", name="docAuthority", text=str(data["heading"]))] if data.get("heading") else [],
        "in_the_name_of": [Node(kind="text", text=str(data["in_the_name_of"]))] if data.get("in_the_name_of") else [],
        "arrangement": [arrangement] if arrangement is not None else [],
    }
    line = number_line(data, number)
    parts["number"] = [Node(kind="text", name="docNumber", text=line)] if line else []
    own = profile.section("bill").get("standing", {})
    labelled = [f"{recital_label(str(data.get('recital_label', '')), n, ordinal)} {text}".strip()
                for n, text in enumerate((*strings(own.get("recitals")), *recitals), start=1)]
    if labelled:
        parts["recitals"] = [Node(kind="recitals", children=tuple(Node(kind="recital", text=t) for t in labelled))]
    constitution = strings(data.get("constitution"))
    cited = [_sentence(c) for c in (*constitution, *strings(own.get("citations")), *citations)]
    if cited:
        parts["citations"] = [Node(kind="citations", children=tuple(
            Node(kind="citation", text=f"{citation_label(data.get('citation_label'), c)} {c}".strip()) for c in cited))]
    if data.get("enacting_formula"):
        formula = fill(str(data["enacting_formula"]), values, "enacting formula")
        parts["formula"] = [Node(kind="formula", name="enactingFormula", text=formula)]
    if "title" in strings(data.get("preamble")):  # the title after the formula ("Ha dado la Ley siguiente: LEY QUE …")
        parts["title"] = [Node(kind="text", name="docTitle", text=shown_title)] if shown_title else []
    preface = [n for key in strings(data.get("preface")) or PREFACE for n in parts.get(key, ())]
    if arrangement is not None and "arrangement" not in strings(data.get("preface")):
        preface.append(arrangement)
    preamble = [n for key in strings(data.get("preamble")) or PREAMBLE for n in parts.get(key, ())]
    return Furniture(tuple(preface), tuple(preamble), closing(data, profile, values))


def closing(data: Mapping[str, Any], profile: Profile, values: Mapping[str, Any]) -> tuple[Node, ...]:
    """The closing formulas with their signatures, step by step (each chamber, then the executive)."""
    steps = data.get("closing") or ()
    out: list[Node] = []
    for step in steps:
        out += [Node(kind="text", text=fill(t, values, "closing formula")) for t in strings(step.get("lines"))]
        out += [Node(kind="text", name="role", text=role) for role in strings(step.get("signatures"))]
    if not steps:  # a preset with one closing line and the profile's signatures
        if data.get("closing_formula"):
            out.append(Node(kind="text", text=fill(str(data["closing_formula"]), values, "closing formula")))
        roles = strings(data.get("signatures")) or strings(profile.section("bill").get("signatures", {}).get("roles"))
        out += [Node(kind="text", name="role", text=role) for role in roles]
    return tuple(out)


def required_values(data: Mapping[str, Any]) -> tuple[str, ...]:
    """Every bill value the furniture names (a spec that sets one is using it)."""
    texts = [str(data.get("enacting_formula", "")), str(data.get("closing_formula", ""))]
    texts += [t for step in data.get("closing") or () for t in strings(step.get("lines"))]
    return tuple(dict.fromkeys(name for t in texts for name in placeholders(t)))


def _sentence(text: str) -> str:
    """A citation as a sentence: capital first letter, full stop at the end."""
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", ";", ":")) else text + "."
