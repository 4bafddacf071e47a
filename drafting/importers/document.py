"""Import a statute file into a Document: format → lines → profile → tree, with a quality report.

This is the one entry point the CLI, the app and the other steps use for any importable file;
stored Akoma Ntoso (.xml) is read as it is.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from drafting import akn
from drafting.errors import InputError
from drafting.importers import akn_dialects
from drafting.importers.readers import IMPORTABLE, read_bytes, read_source
from drafting.model.document import DEBRIS, Document, Meta, Node, is_unit, walk
from drafting.model.eids import assign_eids
from drafting.parse import definitions, metadata, profiles
from drafting.parse.lines import Source
from drafting.parse.profiles import Profile
from drafting.parse.structure import Warning, parse

WORD = re.compile(r"\w+", re.UNICODE)


# Where the words of a statute can end up; only "provisions" is the law's own text in its articles.
PLACES = ("provisions", "divisions", "loose", "notes", "debris", "toc", "preface", "preamble", "conclusions",
          "attachments")
MOSTLY_OUTSIDE = 0.5  # below this share of the words in provisions, the report warns that the body may be wrong


@dataclass(frozen=True)
class ImportReport:
    counts: Mapping[str, int]  # nodes per kind in the body
    warnings: tuple[Warning, ...]
    structured_share: float  # share of the body's law words placed inside articles/sections (0–1)
    lost_words: tuple[str, ...]  # source words found in no node (should be empty)
    profile: str
    language: str
    words: Mapping[str, int] = field(default_factory=dict)  # words per place (PLACES)
    findings: tuple[str, ...] = ()  # what was decided from the whole text, and why

    @property
    def law_share(self) -> float:
        return self.structured_share

    def lines(self) -> list[str]:
        total = sum(self.words.values()) or 1
        out = [f"profile: {self.profile} (language {self.language})",
               "counts: " + ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())),
               f"law text inside provisions: {self.structured_share:.1%}"]
        if self.words:
            out.append("words: " + ", ".join(f"{place} {self.words[place]} ({self.words[place] / total:.0%})"
                                             for place in PLACES if self.words.get(place)))
        out.append(f"words not placed in any node: {len(self.lost_words)}")
        out += [f"found: {f}" for f in self.findings]
        out += [f"warning: {w}" for w in self.warnings]
        return out


@dataclass(frozen=True)
class ImportResult:
    document: Document
    report: ImportReport

    @property
    def warnings(self) -> tuple[Warning, ...]:
        return self.report.warnings


def import_document(path: Path | str, *, data: bytes | None = None, language: str | None = None, profile: str | None = None,
                    country: str | None = None, number: str | None = None, date: str | None = None,
                    title: str | None = None) -> ImportResult:
    """Import any importable file (or in-memory `data` named by `path`)."""
    path = Path(path)
    if path.suffix.lower() == ".xml":
        doc = _read_xml(path, data, language, profile)
        doc = replace(doc, meta=_override(doc.meta, country, number, date, title))
        return ImportResult(doc, _report(doc, (), None, doc.meta.profile or "", doc.meta.language))
    source = read_bytes(data, str(path)) if data is not None else read_source(path)
    source = _xml_safe_source(source)
    chosen = choose_profile(source, language=language, profile=profile)
    result = parse(source, chosen, Meta(language=chosen.language, profile=chosen.id, source=path.name))
    doc = _name_title(result.document, chosen)
    meta = _override(metadata.infer(doc, source.metadata, chosen, path.name), country, number, date, title)
    doc = assign_eids(definitions.mark(replace(doc, meta=meta), chosen))
    if not doc.units():
        raise InputError(f"no articles or sections found (profile {chosen.id}); is this a statute?", source=str(path))
    notes = tuple(Warning(line, message) for line, message in source.notes)
    if language is None and profile is None and (other := _unsupported_language(source, chosen.language)):
        notes += (Warning(0, f"the text reads as {other}, which no drafting profile covers: it was read with the "
                             f"{chosen.language} conventions ({chosen.id}); check the articles found"),)
    return ImportResult(doc, _report(doc, notes + result.warnings, source, chosen.id, chosen.language, result.findings))


def _read_xml(path: Path, data: bytes | None, language: str | None, profile: str | None) -> Document:
    """Our own Akoma Ntoso as stored; Akoma Ntoso from other producers (2.0, other 3.0 tools) mapped in."""
    if data is None:
        return akn.read(path) if _ours(path) else _read_xml(path, _bytes(path), language, profile)
    root = akn.parse_bytes(data, str(path))
    if akn.is_ours(root) or not akn_dialects.is_akn(root):
        return akn.from_root(root, str(path))  # ours, or a clear error naming the root element
    doc = akn_dialects.read(root, str(path))
    lang = language or doc.meta.language
    chosen = profiles.get(profile) if profile else profiles.for_language(lang) if lang else None
    if chosen is None:
        raise InputError("cannot tell the language of this Akoma Ntoso document (no FRBRlanguage)", source=str(path))
    doc = replace(doc, meta=replace(doc.meta, profile=chosen.id, language=chosen.language))
    return assign_eids(definitions.mark(doc, chosen))


def _ours(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError:
        return True  # let the reader report it
    return akn.DRAFTING_NS.encode() in head


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", source=str(path)) from None


def importable(name: str) -> bool:
    return Path(name).suffix.lower() in IMPORTABLE


def _xml_safe_source(source: Source) -> Source:
    """The source without characters XML 1.0 cannot store (ESC, BEL …), with a note of what went where."""
    removed: Counter[str] = Counter()
    where: list[int] = []
    lines = list(source.lines)
    for index, line in enumerate(lines):
        found = akn.forbidden_characters(line.text) if line.text else []
        cells = [akn.forbidden_characters(c) for row in (line.table or ()) for c in row]
        if not found and not any(cells):
            continue
        removed.update(found)
        for chars in cells:
            removed.update(chars)
        where.append(line.number)
        table = tuple(tuple(akn.xml_safe(c) for c in row) for row in line.table) if line.table else line.table
        lines[index] = line._replace(text=akn.xml_safe(line.text), table=table)
    metadata = {k: akn.xml_safe(v) for k, v in source.metadata.items()}
    if metadata != dict(source.metadata):
        removed.update(ch for v in source.metadata.values() for ch in akn.forbidden_characters(v))
    if not removed:
        return source
    names = ", ".join(f"{_char_name(ch)} ×{n}" for ch, n in removed.most_common(5))
    shown = ", ".join(map(str, where[:10])) + (" …" if len(where) > 10 else "")
    message = (f"removed {sum(removed.values())} characters that XML cannot store ({names})"
               + (f" on line{'s' if len(where) > 1 else ''} {shown}" if where else " in the file's metadata"))
    return replace(source, lines=tuple(lines), metadata=MappingProxyType(metadata),
                   notes=source.notes + ((where[0] if where else 0, message),))


def _char_name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = {"\x1b": "ESC", "\x07": "BEL", "\x00": "NUL", "\x08": "BS", "\x0b": "VT", "\x0c": "FF"}.get(char)
    return f"{code} {name}" if name else code


# ---------------------------------------------------------------- detection

def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()


def detect_language(source: Source) -> str | None:
    words = Counter(w.lower() for line in source.lines[:400] for w in WORD.findall(line.text))
    scores: dict[str, int] = {}
    for pid in profiles.available():
        prof = profiles.get(pid)
        vocab = prof.section("detect").get("words", ())
        if vocab:
            scores[prof.language] = max(scores.get(prof.language, 0), sum(words[w] for w in vocab))
    if not scores or max(scores.values()) < 5:
        return None
    return max(scores, key=lambda k: scores[k])


@lru_cache(maxsize=1)
def _unsupported() -> dict[str, tuple[str, frozenset[str]]]:
    data = tomllib.loads((profiles.FOLDER / "languages" / "unsupported.toml").read_text(encoding="utf-8"))
    return {code: (str(v["name"]), frozenset(v["words"])) for code, v in data.items()}


def _unsupported_language(source: Source, language: str) -> str:
    """"Portuguese (pt)" when the text uses more of the words only that language has than of the words
    only the profile's language has; "" otherwise."""
    words = Counter(w.lower() for line in source.lines[:400] for w in WORD.findall(line.text))
    own = frozenset(profiles.for_language(language).section("detect").get("words", ()))
    for code, (name, vocab) in _unsupported().items():
        theirs, ours = sum(words[w] for w in vocab - own), sum(words[w] for w in own - vocab)
        if theirs >= 8 and theirs > 2 * ours:
            return f"{name} ({code})"
    return ""


def choose_profile(source: Source, *, language: str | None = None, profile: str | None = None) -> Profile:
    if profile:
        return profiles.get(profile)
    lang = language or detect_language(source)
    if lang is None:
        raise InputError("cannot tell the language of this text (too little text, or a language without a drafting "
                         f"profile; profiles exist for: {', '.join(sorted({profiles.get(p).language for p in profiles.available()}))})",
                         source=source.path)
    base = profiles.for_language(lang)
    text = "\n".join(line.text for line in source.lines[:400])  # the opening says enough about the tradition
    best, best_score = base, 0
    for pid in profiles.available():
        prof = profiles.get(pid)
        if prof.language != lang:
            continue
        markers = prof.data.get("detect", {}).get("markers", ())
        own = [m for m in markers if m not in base.section("detect").get("markers", ())] if prof.id != base.id else []
        score = sum(1 for m in own if re.search(m, text, re.IGNORECASE | re.MULTILINE))
        if score >= 2 and score > best_score:
            best, best_score = prof, score
    return best


def _name_title(doc: Document, profile: Profile) -> Document:
    """Mark the preface line that carries the title (and take it as the title when none was given)."""
    front = list(doc.preface)
    for rx in metadata.title_patterns(profile):
        for i, node in enumerate(front):
            if node.kind == "text" and rx.match(node.text):
                front[i] = replace(node, name="docTitle")
                return replace(doc, preface=tuple(front))
    return doc


def _override(meta: Meta, country: str | None, number: str | None, date: str | None, title: str | None) -> Meta:
    changes = {k: v for k, v in (("country", country), ("number", number), ("date", date), ("title", title)) if v}
    return replace(meta, **changes) if changes else meta


# ---------------------------------------------------------------- report

def _report(doc: Document, warnings: tuple[Warning, ...], source: Source | None, profile: str, language: str,
            findings: tuple[str, ...] = ()) -> ImportReport:
    counts: Counter[str] = Counter(node.kind for node, _ in walk(doc.body, into_quotes=False))
    words = _words_by_place(doc)
    law = words["provisions"] + words["loose"]
    share = words["provisions"] / law if law else 0.0
    warnings = tuple(warnings)
    total = sum(words.values())
    if not doc.units():
        warnings += (Warning(0, "the body is empty: no article or section was found"),)
    elif total and words["provisions"] < MOSTLY_OUTSIDE * (total - words["debris"] - words["notes"]):
        outside = max((p for p in PLACES if p != "provisions"), key=lambda p: words[p])
        warnings += (Warning(0, f"most of the text is outside the law's provisions ({words['provisions'] / total:.0%} "
                                f"inside; the largest part is in {outside}): check where the body starts and ends"),)
    lost = _lost_words(doc, source, profile) if source is not None else ()
    return ImportReport(counts=dict(counts), warnings=warnings, structured_share=share, lost_words=lost,
                        profile=profile, language=language, words=words, findings=findings)


def _words_by_place(doc: Document) -> dict[str, int]:
    """How many words of the document sit in each place (PLACES)."""
    words = dict.fromkeys(PLACES, 0)

    def size(node: Node) -> int:
        return sum(len(part.split()) for part in (node.heading, node.text, node.wrap_up) if part)

    for part, nodes in doc.parts():
        for node, ancestors in walk(nodes):
            if node.kind == "note":
                place = "debris" if node.name == DEBRIS else "notes"
            elif node.kind in ("toc", "tocItem"):
                place = "toc"
            elif any(a.kind == "note" for a in ancestors):
                continue
            elif part != "body":
                place = part
            elif any(is_unit(a) for a in ancestors) or is_unit(node):
                place = "provisions"
            elif node.kind == "text":
                place = "loose"
            else:
                place = "divisions"
            words[place] += size(node)
    return words


def _lost_words(doc: Document, source: Source, profile: str) -> tuple[str, ...]:
    """Words of the source that no node holds (labels such as "Artículo" and numbers aside)."""
    # One findall over joined text: far cheaper than a Counter update per node on a long statute.
    placed = Counter(WORD.findall("\n".join(part for node, _ in doc.walk()
                                            for part in (node.num, node.label, node.heading, node.text, node.wrap_up)
                                            if part).lower()))
    source_text = "\n".join([line.text for line in source.lines]
                            + [cell for line in source.lines for row in (line.table or ()) for cell in row])
    annotation = profiles.get(profile).section("editorial").get("annotation") if profile else None
    if annotation:  # a marker glued to a word ("underF14[section") is its own token
        source_text = profiles.get(profile).compile("editorial.annotation", annotation).sub(r" \g<0> ", source_text)
    wanted = Counter(WORD.findall(source_text.lower()))
    missing = wanted - placed
    label_words = {w for pid in profiles.available() for w in profiles.get(pid).word("label_words", ())}
    numbers = {u.num.lower() for u in doc.units()}  # a number printed twice (heading line and label)
    return tuple(sorted(w for w in missing.elements() if w not in label_words and not w.isdigit() and w not in numbers))
