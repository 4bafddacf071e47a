"""Human names for drafts and for the files made from them — never an id.

A statute is named as a drafter cites it: its title, its number (with the act word of its
drafting profile: "Ley No. 30096"), its country and its date, plus the file it came from; a
draft adds its version and when it was saved. Download names come from the same facts, in
ASCII: `Ley-30096-2013-redline-v1-v2.docx`.

The facts of a text are kept in each saved version's meta under "document" (see `record`), so
a list of drafts is named without reading their XML. Country names and dates are written in the
language asked for (Babel's CLDR data); user-assigned ISO codes (xa–xz: fictional samples,
generic presets) have no country name and show the preset's or the code's own words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, fields
from datetime import date as Date
from datetime import datetime
from typing import Any, Iterable, Mapping, Sequence

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime

from drafting.errors import DraftingError
from drafting.model.document import Meta

TITLE_MAX = 90  # a title longer than this is cut at a word, with "…"
STEM_MAX = 60  # characters of a file name taken from a title


@dataclass(frozen=True)
class Facts:
    """What names a legal text (all optional): as the text's metadata and its source file say."""

    title: str = ""
    number: str = ""
    country: str = ""  # ISO 3166 alpha-2, lower case
    date: str = ""  # YYYY-MM-DD
    language: str = ""
    profile: str = ""
    filename: str = ""  # the file it was imported from (uploads)
    place: str = ""  # how to name the country when the code is user-assigned ("Generic Commonwealth preset")

    @property
    def year(self) -> str:
        return self.date[:4] if re.match(r"\d{4}", self.date) else ""


def facts_of(meta: Meta, filename: str = "", place: str = "") -> Facts:
    """The facts of a document's metadata (and of the file it came from)."""
    return Facts(title=meta.title or meta.short_title, number=meta.number, country=meta.country,
                 date="" if meta.date.startswith("0001") else meta.date,  # an undated draft is 0001-01-01 in AKN
                 language=meta.language, profile=meta.profile, filename=filename, place=place)


def record(facts: Facts) -> dict[str, str]:
    """What a saved version's meta keeps under "document"."""
    return {k: v for k, v in asdict(facts).items() if v}


def facts_from(meta: Mapping[str, Any]) -> Facts:
    """The facts a saved version's meta holds (empty facts for a draft saved before they were kept)."""
    stored = meta.get("document") if isinstance(meta, Mapping) else None
    names = {f.name for f in fields(Facts)}
    data = {k: str(v) for k, v in (stored or {}).items() if k in names and isinstance(v, str)}
    if "filename" not in data and isinstance(meta.get("filename"), str):
        data["filename"] = meta["filename"]
    return Facts(**data)


# --- words ---------------------------------------------------------------------------------------

def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang or "en")
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def country_name(code: str, lang: str = "en", place: str = "") -> str:
    """"Peru", "República Dominicana"; a user-assigned code (xa–xz) gives `place`, else the code."""
    code = (code or "").strip()
    if not code or code.lower() == "xx":  # "xx": Akoma Ntoso's word for a country nobody gave
        return place
    if code.lower().startswith("x") or len(code) != 2:
        return place or code.upper()
    return _locale(lang).territories.get(code.upper(), place or code.upper())


def long_date(iso: str, lang: str = "en") -> str:
    """"22 October 2013" / "22 de octubre de 2013"; text that is not a date is returned as it is."""
    try:
        return format_date(Date.fromisoformat(iso), format="long", locale=_locale(lang))
    except (ValueError, TypeError):
        return iso


def saved_at(stamp: str, lang: str = "en") -> str:
    """A stored UTC timestamp in the machine's local time: "5 Dec 2026, 19:56"."""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except (ValueError, TypeError):
        return stamp
    return format_datetime(moment, "d MMM y, HH:mm", locale=_locale(lang))


def short_title(title: str, limit: int = TITLE_MAX) -> str:
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def act_word(facts: Facts) -> str:
    """The word the text's drafting profile uses for an act ("Ley", "Act"), else ""."""
    if not facts.profile:
        return ""
    from drafting.parse import profiles  # the profiles load on first use only

    try:
        return str(profiles.get(facts.profile).data.get("act_word", ""))
    except DraftingError:
        return ""


def citation(facts: Facts) -> str:
    """"Ley No. 30096" (or "No. 30096" when the profile gives no act word); "" without a number."""
    if not facts.number:
        return ""
    return " ".join(p for p in (act_word(facts), f"No. {facts.number}") if p)


def text_name(facts: Facts, lang: str = "en", *, with_file: bool = True) -> str:
    """A text as a drafter names it: "Ley de Delitos Informáticos — Ley No. 30096 · Peru · 22 October
    2013 · ley-30096.html". The number is left out when the title already carries it."""
    title = short_title(facts.title) if facts.title else ""
    number = facts.number and not re.search(rf"(?<![\w-]){re.escape(facts.number)}(?![\w-])", facts.title)
    details = [citation(facts) if number else "", country_name(facts.country, lang, facts.place),
               long_date(facts.date, lang) if facts.date else "", facts.filename if with_file else ""]
    details = [d for d in details if d]
    if not title:
        title = details.pop(0) if details else ""
    return " · ".join([title] + details) if not details else f"{title} — {' · '.join(details)}"


def version_words(version: int, stamp: str, lang: str = "en") -> str:
    return f"version {version} · saved {saved_at(stamp, lang)}"


def draft_label(name: str, meta: Mapping[str, Any], version: int, stamp: str, lang: str = "en", *,
                by_text: bool = True) -> str:
    """A saved draft in a list: its text's name (`by_text`: a statute, a bill) or its own name (a review,
    a comparison), then its version and when it was saved."""
    facts = facts_from(meta)
    shown = text_name(facts, lang) if by_text and (facts.title or facts.number) else name
    return f"{shown} · {version_words(version, stamp, lang)}"


def unique(labels: Sequence[str]) -> list[str]:
    """The labels with " (2)", " (3)" … added to repeats, so each names one item."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


# --- file names ----------------------------------------------------------------------------------

def ascii_slug(text: str, limit: int = STEM_MAX) -> str:
    """Letters, digits and single hyphens: "Ley No. 45-19 sobre Delitos" → "Ley-No-45-19-sobre-Delitos"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def file_stem(facts: Facts) -> str:
    """"Ley-30096-2013" from the act word, number and year; else the title's first words; else "text"."""
    if facts.number:
        stem = ascii_slug(" ".join(p for p in (act_word(facts) or "No", facts.number, facts.year) if p))
    else:
        stem = ascii_slug(" ".join(p for p in (facts.title, facts.year) if p))
    return stem or ascii_slug(facts.filename.rsplit(".", 1)[0]) or "text"


def joined(*parts: str) -> str:
    """Parts of a file name, each made safe, joined with hyphens: ("Ley-30096-2013", "review", "2018")."""
    return "-".join(p for p in (ascii_slug(x, 200) for x in parts) if p)


def file_name(stem: str, *parts: str, ext: str) -> str:
    """`Ley-30096-2013-redline-v1-v2.docx` from a stem, parts ("redline", "v1", "v2") and an extension."""
    return (joined(stem, *parts) or "file") + "." + ext.lstrip(".")


def comparison_name(a: tuple[Facts, str, int, str], b: tuple[Facts, str, int, str], lang: str = "en") -> str:
    """Two versions compared, each given as (facts, draft name, version number, saved stamp).

    One draft: "Ley de Delitos Informáticos: version 1 → version 2"; two drafts of the same law:
    each with what tells them apart (file, then time); else each text's own name.
    """
    (fa, name_a, va, ta), (fb, name_b, vb, tb) = a, b
    title_a = short_title(fa.title or name_a, 70)
    title_b = short_title(fb.title or name_b, 70)
    if (fa, name_a) == (fb, name_b) and title_a == title_b:
        return f"{title_a}: version {va} → version {vb}"
    if title_a != title_b:
        return f"{title_a} (version {va}) → {title_b} (version {vb})"

    def tell(facts: Facts, v: int, stamp: str, other: Facts) -> str:
        what = [facts.filename] if facts.filename and facts.filename != other.filename else []
        if facts.date and facts.date != other.date:
            what.append(long_date(facts.date, lang))
        what.append(f"version {v}, saved {saved_at(stamp, lang)}" if not what else f"version {v}")
        return ", ".join(what)

    return f"{title_a} ({tell(fa, va, ta, fb)}) → ({tell(fb, vb, tb, fa)})"


def version_tags(a: tuple[Facts, int], b: tuple[Facts, int], same_draft: bool) -> tuple[str, str]:
    """What tells two compared texts apart in a file name: "v1", "v2" for versions of one draft;
    for two drafts their dates, else their file names, else their versions."""
    (fa, va), (fb, vb) = a, b
    if not same_draft:
        if fa.date and fb.date and fa.date != fb.date:
            return fa.date, fb.date
        stems = [ascii_slug(f.filename.rsplit(".", 1)[0]) for f in (fa, fb)]
        if all(stems) and stems[0] != stems[1]:
            return stems[0], stems[1]
    return f"v{va}", f"v{vb}"


def names_in(items: Iterable[tuple[str, str]]) -> dict[str, str]:
    """{id: label} for (id, label) pairs, each label made unique (a select box sends back labels)."""
    pairs = list(items)
    return dict(zip((i for i, _ in pairs), unique([label for _, label in pairs])))
