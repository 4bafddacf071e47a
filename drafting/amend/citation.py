"""How running text cites a provision of the law being amended, in the law's own terms.

"el artículo 5-A", "la Primera Disposición Complementaria Final", "la disposición final primera",
"section 4A": an article of the main sequence by the article word and its number; a provision whose
label names its own kind ("Disposición final primera.") by that label; an ordinal provision in a
group of dispositions ("PRIMERA." under "DISPOSICIONES COMPLEMENTARIAS FINALES") by its ordinal and
the group's name in the singular. Grammar — determiners and their contractions ("del", "al"), the
gender of each noun, the singular of a group's words — is the profile's data (`[cite]` in
profiles/amend/<id>.toml); no language appears in this code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from drafting.model.document import Document, Node, walk
from drafting.parse.profiles import Profile

_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Ref:
    """A provision as cited: its name ("artículo 5-A") and the grammatical gender of that name."""

    name: str
    gender: str = "m"


class Citer:
    """Names provisions of one or more documents (the versions compared) as running text cites them."""

    def __init__(self, profile: Profile, documents: Iterable[Document | None] = ()) -> None:
        self.profile = profile
        self.data: Mapping = profile.section("amend").get("cite", {})
        self.article_word = str(profile.data.get("article_word", profile.unit_kind))
        self.by_eid: dict[str, Node] = {}
        for document in documents:
            if document is None:
                continue
            for node, _ in walk(document.body, into_quotes=False):
                if node.eid:
                    self.by_eid.setdefault(node.eid, node)

    # --- names ---------------------------------------------------------------------------------

    def ref(self, node: Node | None, path: tuple[str, ...] = (), num: str | None = None) -> Ref:
        """The provision `node` (standing under the ancestors `path`, eIds outermost first); `num`
        cites it under another number (an inserted provision's number, a number before renumbering)."""
        if node is None:
            return Ref("")
        number = node.num if num is None else num
        nouns: Mapping[str, str] = self.data.get("nouns", {})
        words = _label_words(node.label)
        if words and words[0].lower() in nouns and words[0].lower() != self.article_word.lower():
            # the label names the provision's kind: "Disposición final primera." → "disposición final primera"
            name = " ".join([words[0].lower()] + words[1:])
            return Ref(name, str(nouns[words[0].lower()]))
        group = self._group(path)
        if number and not _DIGITS.search(number) and group and "grouped" in self.data:
            name = str(self.data["grouped"]).format(ordinal=number.capitalize(), group=self._singular(group))
            return Ref(name, str(self.data.get("grouped_gender", "f")))
        unit = str(self.data.get("unit", f"{self.article_word} {{num}}"))
        return Ref(unit.format(num=number), str(self.data.get("unit_gender", "m")))

    def the(self, ref: Ref) -> str:
        """"el artículo 5", "la Primera Disposición …" (or just the name where the language has no articles)."""
        return self._with("determiners", ref)

    def of(self, ref: Ref) -> str:
        """"del artículo 5", "de la Primera Disposición …"."""
        return self._with("of", ref)

    def which(self, ref: Ref) -> str:
        """"el cual" / "la cual": the relative that refers back to the provision."""
        return str(self.data.get("which", {}).get(ref.gender, ""))

    def plural(self, refs: list[Ref]) -> str:
        """Several provisions of one kind: "los artículos 8 y 9", "sections 8, 9 and 10"."""
        nums = [r.name for r in refs]
        unit = str(self.data.get("unit", f"{self.article_word} {{num}}"))
        prefix = unit.split("{num}")[0]
        if all(n.startswith(prefix) for n in nums) and "units" in self.data:
            bare = [n[len(prefix):] for n in nums]
            plural = str(self.data.get("unit_gender", "m")) + "p"
            return self.the(Ref(str(self.data["units"]).format(nums=self.join(bare)), plural))
        return self.join([self.the(r) for r in refs])

    def join(self, items: list[str]) -> str:
        """"8 y 9", "8, 9 y 10" — with the profile's conjunction."""
        conjunction = str(self.data.get("and", "and"))
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"

    # --- internals -----------------------------------------------------------------------------

    def _with(self, table: str, ref: Ref) -> str:
        word = str(self.data.get(table, {}).get(ref.gender, "")) if ref.name else ""
        return f"{word} {ref.name}".strip()

    def _group(self, path: tuple[str, ...]) -> str:
        """The heading of the group of dispositions a provision stands in ("DISPOSICIONES … FINALES")."""
        for eid in reversed(path):
            node = self.by_eid.get(eid)
            if node is not None and node.kind == "hcontainer" and node.heading and not node.num:
                return node.heading
        return ""

    def _singular(self, heading: str) -> str:
        """"DISPOSICIONES COMPLEMENTARIAS FINALES" → "Disposición Complementaria Final"."""
        endings = [(str(a), str(b)) for a, b in self.data.get("singular", ())]
        small = {str(w) for w in self.data.get("small_words", ())}
        words = heading.split()
        plural = bool(words) and any(words[0].lower().endswith(a) for a, _ in endings)
        out = []
        for word in words:
            lower = word.lower()
            if lower in small:
                out.append(lower)
                continue
            if plural:
                for ending, replacement in endings:
                    if lower.endswith(ending):
                        lower = lower[: -len(ending)] + replacement
                        break
            out.append(lower[:1].upper() + lower[1:])
        return " ".join(out)


def _label_words(label: str) -> list[str]:
    """A label's words without its trailing punctuation: "Disposición final primera." → [Disposición, final, primera]."""
    return re.sub(r"[\s.:;,—–-]+$", "", label.strip()).split()


def upper_first(text: str) -> str:
    """A sentence begins with a capital, whatever the provision's name it begins with."""
    return text[:1].upper() + text[1:] if text else text
