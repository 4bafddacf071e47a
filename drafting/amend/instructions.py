"""Amending instructions: the provisions of an amending bill that turn the old text into the new.

Phrases come from the profile (`profiles/amend/<id>.toml`, read as `profile.section("amend")`),
so each tradition words them its own way: the Dominican "Se modifica el artículo 5 …, para que en
lo adelante se lea de la siguiente manera:", the English "Section 5 … is amended by deleting “…”
and substituting “…”." No language appears in this code.

Conventions: numbers cite the act as it stands before the amendment; an inserted provision is
introduced with its final number; renumbering of the provisions that keep their text comes last,
grouped into ranges ("Sections 5 to 9 … are renumbered as sections 6 to 10 respectively").
A small change inside a section uses the words form when the profile allows it
(`word_substitution_max`), each quoted phrase extended until it occurs once in the provision;
anything larger substitutes the whole provision, quoted in full. Changes of spacing alone have no
legal effect and get no instruction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from string import Formatter
from typing import Any

from drafting.amend.changes import Change, ChangeSet, content_text
from drafting.errors import DraftingError
from drafting.model.document import Document, Meta, Node
from drafting.parse.profiles import Profile
from drafting.review.worddiff import tokens


@dataclass(frozen=True, slots=True)
class Instruction:
    op: str  # "whole", "words", "insert", "delete", "move", "renumber", "division", "other"
    text: str
    provision: Node | None = None  # the provision the instruction quotes (inserted or substituted)
    changes: tuple[Change, ...] = ()


def instructions(changes: ChangeSet, profile: Profile, act_name: str) -> tuple[Instruction, ...]:
    """The instructions that make `changes`, in the order of the old text (renumbering last)."""
    return tuple(_Writer(profile, act_name).run(changes))


def instructions_document(changes: ChangeSet, profile: Profile, act_name: str) -> Document:
    """An amending bill: one article (section) per instruction, quoting the provision it inserts."""
    phrases = profile.section("amend")
    quote = str(phrases.get("quote_open", "“"))
    unit = profile.unit_kind
    body = []
    for number, instruction in enumerate(instructions(changes, profile, act_name), start=1):
        children: tuple[Node, ...] = ()
        if instruction.provision is not None:
            children = (Node(kind="quotedStructure", text=quote, children=(instruction.provision,)),)
        body.append(Node(kind=unit, num=str(number), text=instruction.text, children=children))
    source = changes.new_meta
    title = _format(profile, "bill_title", act=act_name) if "bill_title" in phrases else act_name
    meta = Meta(country=source.country, doc_type="bill", date=source.date, language=profile.language,
                title=title, profile=profile.id)
    return Document(meta=meta, body=tuple(body))


class _Writer:
    def __init__(self, profile: Profile, act: str) -> None:
        self.profile = profile
        self.act = act
        self.phrases = profile.section("amend")
        if not self.phrases:
            raise DraftingError(f"profile {profile.id} has no amending phrases (profiles/amend/{profile.id}.toml)")
        self.max_words = int(self.phrases.get("word_substitution_max", 0) or 0)

    def say(self, key: str, **values: Any) -> str:
        return _format(self.profile, key, act=self.act, **values)

    def run(self, changes: ChangeSet) -> list[Instruction]:
        top = changes.changes
        units_new = sorted((c for c in top if c.level == "unit" and c.new is not None), key=lambda c: c.new_index)
        previous_unit = {id(c): units_new[k - 1] if k else None for k, c in enumerate(units_new)}
        next_unit = {id(c): units_new[k + 1] if k + 1 < len(units_new) else None for k, c in enumerate(units_new)}
        for change in top:  # the unit a division heading stands before, in the new text
            if change.level == "division" and change.new is not None:
                following = [u for u in units_new if u.new_index > change.new_index]
                next_unit[id(change)] = following[0] if following else None
        out: list[Instruction] = []
        renumbered: list[Change] = []
        for change in top:  # the change set's merged reading order
            if change.level == "unit":
                out += self.unit(change, previous_unit.get(id(change)), next_unit.get(id(change)), renumbered)
            elif change.level == "division":
                out += self.division(change, next_unit.get(id(change)))
            elif change.op == "modify" and not change.whitespace_only and change.role != "tree":
                out += self.other(change)
        out += self.renumbering(renumbered)
        return out

    # ---- units

    def unit(self, change: Change, before: Change | None, following: Change | None,
             renumbered: list[Change]) -> list[Instruction]:
        op = change.op
        if op == "insert":
            key = "insert" if before is not None else "insert_first"
            text = self.say(key, new=change.new_num, after=_cite(before), before=_cite(following))
            return [Instruction("insert", text, change.new, (change,))]
        if op == "delete":
            return [Instruction("delete", self.say("delete", num=change.old_num), None, (change,))]
        out: list[Instruction] = []
        if change.text_changed and not change.whitespace_only:
            words = self.words(change)
            if words is not None:
                out += words
            else:
                # Quoted under its number before the amendment: renumbering comes last, for all alike.
                provision = replace(change.new, num=change.old_num) if change.new is not None else None
                out.append(Instruction("whole", self.say("whole", num=change.old_num, new=change.new_num),
                                       provision, (change,)))
        if change.renumbered and op != "move":
            renumbered.append(change)
        if op == "move":
            key = "move" if before is not None else "move_first"
            out.append(Instruction("move", self.say(key, num=change.old_num, new=change.new_num, after=_cite(before)),
                                   None, (change,)))
        return out

    def words(self, change: Change) -> list[Instruction] | None:
        """The "deleting … substituting …" form, when the profile uses it and the change is small."""
        if not self.max_words or "words" not in self.phrases or not _same_structure(change):
            return None
        regions = _regions(change.diff)
        if not regions or len(regions) > self.max_words:
            return None
        old_text = "".join(t for op, t in change.diff if op <= 0)
        out = []
        for k in regions:
            pair = _unique_phrase(change.diff, k, old_text)
            if pair is None:
                return None
            old, new = pair
            out.append(Instruction("words", self.say("words", num=change.old_num, old=old, new_words=new), None, (change,)))
        return out

    def renumbering(self, changes: list[Change]) -> list[Instruction]:
        out = []
        for run in _runs(changes):
            first, last = run[0], run[-1]
            if len(run) == 1:
                text = self.say("renumber_one", **{"from": first.old_num, "to": first.new_num})
            elif len(run) == 2 and "renumber_pair" in self.phrases:
                text = self.say("renumber_pair", **{"from": first.old_num, "to": last.old_num,
                                                    "new_from": first.new_num, "new_to": last.new_num})
            else:
                text = self.say("renumber_range", **{"from": first.old_num, "to": last.old_num,
                                                     "new_from": first.new_num, "new_to": last.new_num})
            out.append(Instruction("renumber", text, None, tuple(run)))
        return out

    # ---- outside units

    def division(self, change: Change, before: Change | None) -> list[Instruction]:
        node = change.node
        label = self.profile.label(node).strip()
        if change.op == "insert":
            text = self.say("division_insert", label=label, heading=node.heading, before=_cite(before))
        elif change.op == "delete":
            text = self.say("division_delete", label=self.profile.label(change.old).strip(), heading=node.heading)
        elif change.op in ("modify", "move") and change.text_changed and not change.whitespace_only:
            text = self.say("division_heading", label=self.profile.label(change.old).strip(), heading=node.heading)
        else:
            return []
        return [Instruction("division", text, None, (change,))]

    def other(self, change: Change) -> list[Instruction]:
        old = content_text(change.old, change.role) if change.old is not None else ""
        new = content_text(change.new, change.role) if change.new is not None else ""
        if not old or not new:
            return []
        return [Instruction("other", self.say("other", old=old, new_words=new), None, (change,))]


# ---------------------------------------------------------------- helpers

def _format(profile: Profile, key: str, **values: Any) -> str:
    phrases = profile.section("amend")
    if key not in phrases:
        raise DraftingError(f"profile {profile.id} has no amending phrase '{key}' (profiles/amend/{profile.id}.toml)")
    phrase = str(phrases[key])
    try:
        names = {name for _, name, _, _ in Formatter().parse(phrase) if name}
        missing = names - set(values)
        if missing:
            raise KeyError(sorted(missing)[0])
        return phrase.format_map({k: "" if v is None else v for k, v in values.items()})
    except (KeyError, ValueError, IndexError) as exc:
        raise DraftingError(f"amending phrase '{key}' of profile {profile.id} has a bad placeholder ({exc})") from None


def _cite(change: Change | None) -> str:
    """How to cite a provision of the new text: its old number if it had one, else its new one."""
    if change is None:
        return ""
    return change.old_num if change.old is not None and change.op != "move" else change.new_num


def _same_structure(change: Change) -> bool:
    """No provision inside was inserted, deleted or moved (else the whole text is substituted)."""
    def ok(c: Change) -> bool:
        return c.op in ("unchanged", "modify", "renumber") and not c.renumbered and all(ok(k) for k in c.children)
    return change.old is not None and change.new is not None and all(ok(c) for c in change.children) and (
        change.old.heading == change.new.heading)


def _regions(diff: tuple[tuple[int, str], ...]) -> list[int]:
    """Indices where a run of changes starts."""
    out = []
    for k, (op, _) in enumerate(diff):
        if op and (k == 0 or not diff[k - 1][0]):
            out.append(k)
    return out


def _unique_phrase(diff: tuple[tuple[int, str], ...], start: int, old_text: str) -> tuple[str, str] | None:
    """The old and new wording of one change region, widened by the fewest whole words (words after
    it first) until the old wording occurs exactly once in the provision, so it points at one place."""
    end = start
    while end < len(diff) and diff[end][0]:
        end += 1
    old = "".join(t for op, t in diff[start:end] if op < 0)
    new = "".join(t for op, t in diff[start:end] if op > 0)
    lefts = _widenings(tokens(diff[start - 1][1]) if start > 0 else [], from_end=True)
    rights = _widenings(tokens(diff[end][1]) if end < len(diff) else [], from_end=False)
    for total in range(len(lefts) + len(rights) - 1):
        for n_left in range(0, total + 1):
            n_right = total - n_left
            if n_left >= len(lefts) or n_right >= len(rights):
                continue
            a = lefts[n_left] + old + rights[n_right]
            b = lefts[n_left] + new + rights[n_right]
            if a.strip() and a == a.strip() and b == b.strip() and _balanced(a) and _balanced(b) \
                    and old_text.count(a) == 1 and _word_bounded(a, old_text):
                return a, b
    return None


def _widenings(context: list[str], from_end: bool) -> list[str]:
    """Context taken word by word: "", then one word (with its space), two words, …"""
    steps = [""]
    taken: list[str] = []
    sequence = reversed(context) if from_end else iter(context)
    for token in sequence:
        taken.append(token)
        if not token.isspace():
            steps.append("".join(reversed(taken)) if from_end else "".join(taken))
    return steps


def _balanced(text: str) -> bool:
    """Brackets closed ("sixty (60)", not "sixty (60")."""
    return all(text.count(a) == text.count(b) for a, b in ("()", "[]", "«»", "“”"))


def _word_bounded(phrase: str, text: str) -> bool:
    """The phrase does not start or end in the middle of a word of `text`."""
    i = text.find(phrase)
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(phrase)] if i + len(phrase) < len(text) else " "
    return not (before.isalnum() and phrase[0].isalnum()) and not (after.isalnum() and phrase[-1].isalnum())


_INT = re.compile(r"^\d+$")


def _runs(changes: list[Change]) -> list[list[Change]]:
    """Consecutive renumberings by the same offset (5→6, 6→7, 7→8) grouped into one range."""
    runs: list[list[Change]] = []
    for change in sorted(changes, key=lambda c: c.old_index):
        if runs and _continues(runs[-1][-1], change):
            runs[-1].append(change)
        else:
            runs.append([change])
    return runs


def _continues(a: Change, b: Change) -> bool:
    nums = (a.old_num, a.new_num, b.old_num, b.new_num)
    if not all(_INT.match(n.strip()) for n in nums):
        return False
    ao, an, bo, bn = (int(n) for n in nums)
    return bo == ao + 1 and bn - bo == an - ao


def default_act_name(profile: Profile, meta: Meta) -> str:
    """How the instructions name the act when the user does not: the profile's phrase, with its number."""
    phrases = profile.section("amend")
    key = "default_act" if meta.number else "default_act_unnumbered"
    if key not in phrases:
        return meta.short_title or meta.title or meta.number
    return _format(profile, key, number=meta.number)
