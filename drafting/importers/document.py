"""Import a statute file into a Document: format → lines → profile → tree, with a quality report.

This is the one entry point the CLI, the app and the other steps use for any importable file;
stored Akoma Ntoso (.xml) is read as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from drafting import akn
from drafting.errors import InputError
from drafting.importers.readers import IMPORTABLE, read_bytes, read_source
from drafting.model.document import Document, Meta, is_unit, walk
from drafting.model.eids import assign_eids
from drafting.parse import profiles
from drafting.parse.lines import Source
from drafting.parse.profiles import Profile
from drafting.parse.structure import Warning, parse

WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ImportReport:
    counts: Mapping[str, int]  # nodes per kind in the body
    warnings: tuple[Warning, ...]
    structured_share: float  # share of body text placed inside articles/sections (0–1)
    lost_words: tuple[str, ...]  # source words found in no node (should be empty)
    profile: str
    language: str

    def lines(self) -> list[str]:
        out = [f"profile: {self.profile} (language {self.language})",
               "counts: " + ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())),
               f"text in structured provisions: {self.structured_share:.1%}",
               f"words not placed in any node: {len(self.lost_words)}"]
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
        doc = akn.from_xml(data, source=str(path)) if data is not None else akn.read(path)
        doc = replace(doc, meta=_override(doc.meta, country, number, date, title))
        return ImportResult(doc, _report(doc, (), None, doc.meta.profile or "", doc.meta.language))
    source = read_bytes(data, str(path)) if data is not None else read_source(path)
    source = _xml_safe_source(source)
    chosen = choose_profile(source, language=language, profile=profile)
    meta = _meta(source, chosen, path)
    meta = _override(meta, country, number, date, title)
    result = parse(source, chosen, meta)
    doc = _name_title(result.document, chosen)
    doc = assign_eids(doc)
    if not doc.units():
        raise InputError(f"no articles or sections found (profile {chosen.id}); is this a statute?", source=str(path))
    notes = tuple(Warning(line, message) for line, message in source.notes)
    return ImportResult(doc, _report(doc, notes + result.warnings, source, chosen.id, chosen.language))


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


def _meta(source: Source, profile: Profile, path: Path) -> Meta:
    md = {k.lower(): str(v) for k, v in source.metadata.items()}
    title = md.get("title", "")
    number = ""
    pre = profile.section("preamble")
    if pre.get("number"):
        rx = profile.regex("preamble", "number")
        for candidate in [title, md.get("identifier", "")] + [ln.text for ln in source.lines[:60]]:
            match = rx.search(candidate or "")
            if match:
                number = match.group("num")
                break
        if not number and md.get("identifier"):
            digits = re.search(r"\d+(?:-\d+)?", md["identifier"])
            number = digits.group(0) if digits else ""
    date = md.get("publication_date", md.get("date", ""))
    date = date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
    country = md.get("country", "").lower()[:2]
    return Meta(country=country or "xx", number=number, date=date, language=profile.language, title=title,
                profile=profile.id, source=path.name)


def _name_title(doc: Document, profile: Profile) -> Document:
    """Mark the preface line that carries the title (and take it as the title when none was given)."""
    if not profile.section("preamble").get("title"):
        return doc
    rx = profile.regex("preamble", "title")
    front = list(doc.preface)
    for i, node in enumerate(front):
        if node.kind == "text" and rx.match(node.text):
            front[i] = replace(node, name="docTitle")
            meta = doc.meta if doc.meta.title else replace(doc.meta, title=node.text.strip())
            return replace(doc, preface=tuple(front), meta=meta)
    for i, node in enumerate(doc.preamble):
        if node.kind == "text" and rx.match(node.text) and not doc.meta.title:
            return replace(doc, meta=replace(doc.meta, title=node.text.strip()))
    return doc


def _override(meta: Meta, country: str | None, number: str | None, date: str | None, title: str | None) -> Meta:
    changes = {k: v for k, v in (("country", country), ("number", number), ("date", date), ("title", title)) if v}
    return replace(meta, **changes) if changes else meta


# ---------------------------------------------------------------- report

def _report(doc: Document, warnings: tuple[Warning, ...], source: Source | None, profile: str, language: str) -> ImportReport:
    counts: Counter[str] = Counter(node.kind for node, _ in walk(doc.body, into_quotes=False))
    # Structured: everything the grammar placed (divisions and their headings, provisions, notes);
    # unstructured: loose text the grammar could not place in any provision.
    inside = outside = 0
    for node, ancestors in walk(doc.body):
        size = len(node.text) + len(node.heading) + len(node.wrap_up)
        loose = node.kind == "text" and not any(is_unit(a) or a.kind == "attachment" for a in ancestors)
        if loose:
            outside += size
        else:
            inside += size
    share = inside / (inside + outside) if inside + outside else 0.0
    lost = _lost_words(doc, source) if source is not None else ()
    return ImportReport(counts=dict(counts), warnings=warnings, structured_share=share, lost_words=lost,
                        profile=profile, language=language)


def _lost_words(doc: Document, source: Source) -> tuple[str, ...]:
    """Words of the source that no node holds (labels such as "Artículo" and numbers aside)."""
    # One findall over joined text: far cheaper than a Counter update per node on a long statute.
    placed = Counter(WORD.findall("\n".join(part for node, _ in doc.walk()
                                            for part in (node.num, node.heading, node.text, node.wrap_up) if part).lower()))
    source_text = "\n".join([line.text for line in source.lines]
                            + [cell for line in source.lines for row in (line.table or ()) for cell in row])
    wanted = Counter(WORD.findall(source_text.lower()))
    missing = wanted - placed
    label_words = {w for pid in profiles.available() for w in profiles.get(pid).word("label_words", ())}
    return tuple(sorted(w for w in missing.elements() if w not in label_words and not w.isdigit()))
