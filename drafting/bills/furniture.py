"""The parts of a bill around its articles: title block, recitals, enacting formula, closing, signatures.

They come from the jurisdiction's `[furniture]` (clause library presets) and the profile's
`[signatures]` (profiles/bill/<id>.toml); nothing here knows a language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from drafting.model.document import Node
from drafting.parse.profiles import Profile


@dataclass(frozen=True)
class Furniture:
    preface: tuple[Node, ...]
    preamble: tuple[Node, ...]
    conclusions: tuple[Node, ...]


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    return tuple(str(v) for v in value or () if str(v).strip())


def furniture(data: Mapping[str, Any], profile: Profile, *, title: str, number: str = "",
              extra_citations: tuple[str, ...] = ()) -> Furniture:
    """Nodes for a bill titled `title` under a jurisdiction's furniture table `data`."""
    act = str(data.get("act_word") or profile.data.get("act_word", ""))
    preface: list[Node] = [Node(kind="text", name="docTitle", text=title)]
    if data.get("long_title"):
        # Unnamed, so it is set as plain text under the title rather than as a second title.
        preface.append(Node(kind="text", text=str(data["long_title"])))
    if number:
        preface.append(Node(kind="text", name="docNumber", text=f"{act} No. {number}".strip()))
    for key in ("heading", "in_the_name_of"):  # "EL CONGRESO NACIONAL" / "En Nombre de la República"
        if data.get(key):
            preface.append(Node(kind="text", name="docAuthority" if key == "heading" else "", text=str(data[key])))
    preamble: list[Node] = []
    recitals = _strings(data.get("recitals"))
    if recitals:
        preamble.append(Node(kind="recitals", children=tuple(Node(kind="recital", text=t) for t in recitals)))
    citations = _strings(data.get("citations")) + extra_citations
    if citations:
        preamble.append(Node(kind="citations", children=tuple(Node(kind="citation", text=t) for t in citations)))
    if data.get("enacting_formula"):
        preamble.append(Node(kind="formula", name="enactingFormula", text=str(data["enacting_formula"])))
    conclusions: list[Node] = []
    if data.get("closing_formula"):
        conclusions.append(Node(kind="text", text=str(data["closing_formula"])))
    roles = _strings(data.get("signatures")) or _strings(profile.section("bill").get("signatures", {}).get("roles"))
    conclusions += [Node(kind="text", name="role", text=role) for role in roles]
    return Furniture(tuple(preface), tuple(preamble), tuple(conclusions))
