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

Provisions are cited as the law cites them (drafting/amend/citation.py: "el artículo 5-A", "la
Primera Disposición Complementaria Final"), and the verb agrees with what it governs: consecutive
repealed provisions are repealed together ("Se derogan los artículos 8 y 9"), repealed paragraphs of a
provision whose other words stay are repealed as parts ("Se deroga el segundo párrafo del artículo 5",
"… by repealing subsections (2) and (3)"), and a provision that moves but keeps its number is placed,
never "renumbered as itself". The quoted text of a provision is the law's text only (the layout never
prints notes) under the label the law gives it — under its number before the amendment, the label
rewritten to match. The amending bill numbers its own articles in the style of the law it amends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from string import Formatter
from typing import Any

from drafting.amend.changes import Change, ChangeSet, content_text
from drafting.amend.citation import Citer, Ref, upper_first
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


def instructions(changes: ChangeSet, profile: Profile, act_name: str, *, old: Document | None = None,
                 new: Document | None = None) -> tuple[Instruction, ...]:
    """The instructions that make `changes`, in the order of the old text (renumbering last).

    `old`/`new` are the versions compared: with them, a provision in a group of dispositions is
    cited by its group ("la Primera Disposición Complementaria Final")."""
    return tuple(_Writer(profile, act_name, Citer(profile, (old, new))).run(changes))


def instructions_document(changes: ChangeSet, profile: Profile, act_name: str, *, old: Document | None = None,
                          new: Document | None = None) -> Document:
    """An amending bill: one article (section) per instruction, quoting the provision it inserts."""
    phrases = profile.section("amend")
    quote = str(phrases.get("quote_open", "“"))
    unit = profile.unit_kind
    style = label_style(changes)
    body = []
    named = statute_name(profile, old.meta if old is not None else changes.old_meta)
    items = instructions(changes, profile, act_name, old=old, new=new)
    texts = _first_mention([i.text for i in items], profile, act_name, named)
    for number, (instruction, text) in enumerate(zip(items, texts), start=1):
        children: tuple[Node, ...] = ()
        if instruction.provision is not None:
            children = (Node(kind="quotedStructure", text=quote, children=(instruction.provision,)),)
        body.append(Node(kind=unit, num=str(number), label=style.format(num=number) if style else "",
                         text=text, children=children))
    source = changes.new_meta
    if named and act_name == default_act_name(profile, old.meta if old is not None else changes.old_meta) \
            and "bill_title_named" in phrases:
        # "Child Online Safety (Amendment) Bill", not "principal Act (Amendment) Bill"
        short = re.sub(str(phrases.get("name_drop", "$^")), "", named).strip(" ,")
        title = _format(profile, "bill_title_named", name=short)
    else:
        title = _format(profile, "bill_title", act=act_name) if "bill_title" in phrases else act_name
    meta = Meta(country=source.country, doc_type="bill", date=source.date, language=profile.language,
                title=title, profile=profile.id)
    # The legislature that enacted the law enacts its amendment: the law's own enacting formula.
    formula = next((n for n in (old.preamble if old is not None else ()) if n.kind == "formula" and n.text), None)
    preamble = (Node(kind="formula", name="enactingFormula", text=formula.text),) if formula is not None else ()
    return Document(meta=meta, preamble=preamble, body=tuple(body))


def statute_name(profile: Profile, meta: Meta) -> str:
    """The amended Act's name as a sentence cites it ("Child Online Safety Act, 2031"), "" if unknown."""
    name = " ".join((meta.short_title or meta.title or "").split())
    if not name:
        return ""
    phrases = profile.section("amend")
    if name == name.upper() and phrases.get("small_words"):  # "CHILD ONLINE SAFETY ACT, 2031"
        small = set(phrases["small_words"])
        name = " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(name.lower().split()))
    return name


def _first_mention(texts: list[str], profile: Profile, act_name: str, named: str) -> list[str]:
    """The first instruction names the Act in full and says how the others call it ("the Child Online
    Safety Act, 2031 (in this Act referred to as “the principal Act”)"), when they call it by the
    profile's default name."""
    phrases = profile.section("amend")
    pattern = phrases.get("first_mention")
    if not texts or not named or not pattern or act_name != str(phrases.get("default_act", "")):
        return texts
    article = re.match(r"(?i)the\s+", named)
    full = str(pattern).format(name=named[article.end():] if article else named, act=act_name)
    first = re.sub(rf"\b([Tt])he {re.escape(act_name)}\b", lambda m: f"{m.group(1)}he {full}", texts[0], count=1)
    return [first, *texts[1:]]


def label_style(changes: ChangeSet) -> str:
    """How the amended law labels its articles, as a pattern ("Artículo {num}.", "{num}."): the amending
    bill, a law of the same house, numbers its own articles alike. "" when the law shows none."""
    counts: dict[str, int] = {}
    for change in changes.changes:
        node = change.old
        if change.level != "unit" or node is None or not node.num.isdigit() or not node.label:
            continue
        if node.label.count(node.num) == 1:
            pattern = node.label.replace("{", "{{").replace("}", "}}").replace(node.num, "{num}")
            counts[pattern] = counts.get(pattern, 0) + 1
    return max(counts, key=lambda p: counts[p]) if counts else ""


class _Writer:
    def __init__(self, profile: Profile, act: str, citer: Citer | None = None) -> None:
        self.profile = profile
        self.act = act
        self.cite = citer or Citer(profile)
        self.phrases = profile.section("amend")
        if not self.phrases:
            raise DraftingError(f"profile {profile.id} has no amending phrases (profiles/amend/{profile.id}.toml)")
        self.max_words = int(self.phrases.get("word_substitution_max", 0) or 0)

    def say(self, key: str, **values: Any) -> str:
        return upper_first(_format(self.profile, key, act=self.act, **values))

    def refs(self, change: Change | None, *, new_number: bool = False) -> dict[str, str]:
        """The ways a phrase may cite a provision: "el artículo 5", "del artículo 5", "el cual"."""
        if change is None:
            return {"provision": "", "of_provision": "", "which": ""}
        if change.old is not None and not new_number:
            ref = self.cite.ref(change.old, change.old_path)
        else:
            ref = self.cite.ref(change.new, change.new_path)
        return {"provision": self.cite.the(ref), "of_provision": self.cite.of(ref), "which": self.cite.which(ref)}

    def placed(self, change: Change | None) -> dict[str, str]:
        """"del artículo 5": where a provision stands — cited as before the amendment when it had a place."""
        if change is None:
            return {"of_after": "", "of_before": ""}
        ref = self.refs(change, new_number=not (change.old is not None and change.op != "move"))
        return {"of_after": ref["of_provision"], "of_before": ref["of_provision"]}

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
        repealed: list[Change] = []  # consecutive repealed units, repealed in one sentence

        def flush() -> None:
            if repealed:
                out.extend(self.repeal(repealed))
                repealed.clear()

        for change in top:  # the change set's merged reading order
            if not change.node.law:
                continue  # a publisher's note or website text changing is no amendment of the law
            if change.level == "unit" and change.op == "delete":
                if repealed and not self._next_to(repealed[-1], change):
                    flush()
                repealed.append(change)
                continue
            flush()
            if change.level == "unit":
                out += self.unit(change, previous_unit.get(id(change)), next_unit.get(id(change)), renumbered)
            elif change.level == "division":
                out += self.division(change, next_unit.get(id(change)))
            elif change.op == "modify" and not change.whitespace_only and change.role != "tree":
                out += self.other(change)
        flush()
        out += self.renumbering(renumbered)
        return out

    @staticmethod
    def _next_to(a: Change, b: Change) -> bool:
        """Two repealed units stood next to each other in the old text (and are cited alike)."""
        return b.old_index == a.old_index + 1 and a.old_path == b.old_path

    def repeal(self, changes: list[Change]) -> list[Instruction]:
        if len(changes) == 1 or "delete_many" not in self.phrases:
            return [Instruction("delete", self.say("delete", num=c.old_num, **self.refs(c)), None, (c,))
                    for c in changes]
        refs = [self.cite.ref(c.old, c.old_path) for c in changes]
        text = self.say("delete_many", provisions=self.cite.plural(refs), nums=self.cite.join([c.old_num for c in changes]))
        return [Instruction("delete", text, None, tuple(changes))]

    # ---- units

    def unit(self, change: Change, before: Change | None, following: Change | None,
             renumbered: list[Change]) -> list[Instruction]:
        op = change.op
        if op == "insert":
            key = "insert" if before is not None else "insert_first"
            new_ref = self.cite.the(self.cite.ref(change.new, change.new_path))
            text = self.say(key, new=change.new_num, after=_cite(before), before=_cite(following), new_provision=new_ref,
                            **self.placed(before))
            return [Instruction("insert", text, law_only(change.new), (change,))]
        if op == "delete":
            return self.repeal([change])
        out: list[Instruction] = []
        if change.text_changed and not change.whitespace_only:
            words = self.words(change)
            if words is None:
                words = self.parts(change)
            if words is not None:
                out += words
            else:
                # Quoted under its number before the amendment: renumbering comes last, for all alike.
                provision = law_only(_renumbered(change.new, change.old_num)) if change.new is not None else None
                out.append(Instruction("whole", self.say("whole", num=change.old_num, new=change.new_num,
                                                         **self.refs(change)), provision, (change,)))
        if change.renumbered and op != "move":
            renumbered.append(change)
        if op == "move":
            same = change.old_num == change.new_num and "move_same" in self.phrases
            key = ("move_same" if same else "move") + ("" if before is not None else "_first")
            new_ref = self.cite.the(self.cite.ref(change.new, change.new_path))
            out.append(Instruction("move", self.say(key, num=change.old_num, new=change.new_num, after=_cite(before),
                                                    new_provision=new_ref, **self.refs(change), **self.placed(before)),
                                   None, (change,)))
        return out

    def parts(self, change: Change) -> list[Instruction] | None:
        """Whole paragraphs (points, subsections) repealed and nothing else changed: "Se deroga el segundo
        párrafo del artículo 5", "Section 5 … is amended by repealing subsections (2) and (3)"."""
        old, new = change.old, change.new
        if old is None or new is None or "delete_part" not in self.phrases or not change.children:
            return None
        if (old.heading, old.text, old.wrap_up) != (new.heading, new.text, new.wrap_up):
            return None
        gone = [c for c in change.children if c.op == "delete"]
        kept = [c for c in change.children if c.op != "delete"]
        if not gone or any(c.op != "unchanged" or c.renumbered for c in kept):
            return None
        if any(c.old is None or c.old.kind in ("list", "note", "quotedStructure", "table") for c in gone):
            return None
        siblings = [c for c in old.children if c.kind == gone[0].old.kind]  # type: ignore[union-attr]
        names = [self._part(c.old, siblings) for c in gone]  # type: ignore[arg-type]
        if any(name is None for name in names):
            return None
        if len(gone) == 1:
            text = self.say("delete_part", num=change.old_num, part=names[0][0], **self.refs(change))  # type: ignore[index]
        else:
            text = self.say("delete_parts", num=change.old_num, parts=self._parts_plural(gone, siblings, names),
                            **self.refs(change))
        return [Instruction("delete", text, None, (change,))]

    def _part(self, node: Node, siblings: list[Node]) -> tuple[str, str, str] | None:
        """(as cited with its determiner, the pattern key, the bare label or ordinal) of a part."""
        table = self.cite.data.get("part", {})
        label = _bare_label(node.label or node.num)
        words = label.split()
        nouns = self.cite.data.get("nouns", {})
        if words and words[0].lower() in nouns:  # "Párrafo I.-" names itself
            ref = Ref(label, str(nouns[words[0].lower()]))
            return self.cite.the(ref), "", label
        if label:
            key = f"{node.kind}_digits" if label[:1].isdigit() and f"{node.kind}_digits" in table else node.kind
            if key not in table:
                return None
            return self.cite.the(Ref(str(table[key]).format(label=label))), key, label
        ordinals = list(table.get("ordinals", ()))
        place = next((k for k, s in enumerate(siblings) if s is node), -1)
        if "unnumbered" not in table or not 0 <= place < len(ordinals):
            return None
        return self.cite.the(Ref(str(table["unnumbered"]).format(ordinal=ordinals[place]))), "unnumbered", str(place)

    def _parts_plural(self, gone: list[Change], siblings: list[Node], names: list) -> str:
        keys = {name[1] for name in names}
        table = self.cite.data.get("parts", {})
        if len(keys) == 1 and (key := next(iter(keys))) and key in table:
            if key == "unnumbered":
                ordinals = list(table.get("ordinals", ()))
                values = [ordinals[int(name[2])] for name in names if int(name[2]) < len(ordinals)]
                if len(values) == len(names):
                    return self.cite.the(Ref(str(table[key]).format(ordinals=self.cite.join(values)), "mp"))
            else:
                return self.cite.the(Ref(str(table[key]).format(labels=self.cite.join([n[2] for n in names])), "mp"))
        return self.cite.join([name[0] for name in names])

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
            text = self.say("division_insert", label=label, heading=node.heading, before=_cite(before),
                            **self.placed(before))
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


def law_only(node: Node | None) -> Node | None:
    """The provision as the law words it: an editor's note, a former wording or website text inside it
    ("Artículo modificado por …") is the publisher's, and enacting it would make it law."""
    if node is None:
        return None
    kept = tuple(law_only(child) for child in node.children if child.law)
    return replace(node, children=kept) if kept != node.children else node


def _renumbered(node: Node, num: str) -> Node:
    """The provision under another number, its label rewritten to match ("Artículo 7." → "Artículo 6.")."""
    if node.num == num:
        return node
    label = node.label
    if label and node.num and node.num in label:
        at = label.rfind(node.num)
        label = label[:at] + num + label[at + len(node.num):]
    elif label:
        label = ""  # a label we cannot renumber is left to the profile's pattern, never printed wrong
    return replace(node, num=num, label=label)


def _bare_label(label: str) -> str:
    """"Párrafo I.-" → "Párrafo I"; "(2)" and "a)" stay as they are."""
    return re.sub(r"[\s.:;,—–-]+$", "", label.strip())


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
