"""Metadata from the text: number, year, date, country, document type and title of a statute.

Read from, in order of trust: the source's own metadata (Markdown front matter, HTML <title>), with
the key names mirrors use in either language (`title`/`titulo`, `publication_date`/
`fecha_publicacion` …); then the title block the law prints ("Ley No. 53-07, del 23 de abril de
2007", "LEY 1146 DE 2007", "Act No. 14 of 2019", "THE CHILDREN BILL, 2022", "[19th June, 2012.]").
Patterns, month names, type words and country hints are profile data (`[metadata]`); country names
come from ISO 3166 (pycountry) in English and in the document's language. The command line's
`--country/--number/--date/--title` still override all of it.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable, Mapping

import pycountry

from drafting.model.document import Document, Meta
from drafting.parse.profiles import Profile

FRONT_MATTER_KEYS = {
    "title": ("title", "titulo", "título", "name", "nombre"),
    "number": ("official_number", "numero", "número", "number", "act_number"),
    "identifier": ("identifier", "identificador", "id"),
    "country": ("country", "pais", "país", "jurisdiction", "jurisdiccion", "jurisdicción"),
    "type": ("rank", "rango", "type", "tipo", "doc_type"),
    "date": ("enactment_date", "fecha_promulgacion", "fecha_expedicion", "publication_date", "fecha_publicacion",
             "date", "fecha"),
}
TITLE_BLOCK_LINES = 60  # the title block is at the top; the rest of the preface is not searched
DOC_TYPES = ("act", "bill", "code", "decree")


def infer(doc: Document, metadata: Mapping[str, str], profile: Profile, source_name: str) -> Meta:
    """The document's Meta, filled from its own metadata and its title block."""
    md = {k.lower(): str(v) for k, v in metadata.items()}
    rules = profile.section("metadata")
    block = _title_block(doc)
    title = _first(md, "title") or _title_line(block, profile) or _page_title(md.get("page_title", "")) or doc.meta.title
    number, year = _number(md, [title] + block, rules, profile)
    # the title block's date; failing that, the date of passage the closing prints, often in words
    # ("DADO EN … a los cuatro días del mes de febrero del año dos mil dieciséis")
    date = _iso(_first(md, "date")) or _date_in(block, rules, profile, year) or \
        _date_in([n.text for n in doc.conclusions if n.kind == "text"][:TITLE_BLOCK_LINES], rules, profile, year,
                 keys=("date", "date_words"))
    year = year or date[:4]
    if not date and year:
        date = ""  # a year alone is not a date: the FRBR work carries it through the number
    country = (_first(md, "country").lower()[:2] if _first(md, "country") else "") or \
        _country(block + [n.text for n in doc.conclusions] + _publisher_lines(doc), profile)
    doc_type = _doc_type(_first(md, "type"), title, rules)
    short_title = doc.meta.short_title or _cited_as(doc, rules, profile)
    return Meta(country=country or "xx", doc_type=doc_type, number=number, date=date,
                language=profile.language, title=title, short_title=short_title, profile=profile.id,
                source=source_name, extra=doc.meta.extra + ((("year", year),) if year and not date else ()))


def _publisher_lines(doc: Document) -> list[str]:
    """The publisher's own lines above the law ("Singapore Statutes Online", "New Zealand Legislation"):
    not the title block, yet the site's name tells the country."""
    return [n.text for n in doc.preface if n.kind == "note" and n.text][:10]


def _page_title(text: str) -> str:
    """A web page's title without the site's name after a separator ("Decreto 9-2031 | Portal Legal")."""
    parts = [p.strip() for p in re.split(r"\s+[|–—•·]\s+|\s+-\s+", text) if p.strip()]
    return parts[0] if parts else ""


def _cited_as(doc: Document, rules: Mapping, profile: Profile, units: int = 3) -> str:
    """The short title the law gives itself in its first provisions ("This Act may be cited as the
    Child Online Safety Act, 2031."; "La presente ley se denominará «Ley de …»"), "" if none."""
    patterns = [profile.compile(f"metadata.cited_as[{i}]", p) for i, p in enumerate(rules.get("cited_as", ()))]
    if not patterns:
        return ""
    for unit in doc.units()[:units]:
        text = unit.full_text()
        for rx in patterns:
            match = rx.search(text)
            if match:
                return " ".join(match.group("title").split()).strip(" ,")
    return ""


def _first(md: Mapping[str, str], what: str) -> str:
    for key in FRONT_MATTER_KEYS[what]:
        if md.get(key, "").strip():
            return md[key].strip()
    return ""


def _title_block(doc: Document) -> list[str]:
    lines = [n.text for n in doc.preface if n.kind == "text" and n.text]
    lines += [n.text for n in doc.preamble if n.text][:10]
    return lines[:TITLE_BLOCK_LINES]


def title_patterns(profile: Profile) -> list[re.Pattern[str]]:
    """The patterns of a title line, the preferred first: the law's name (`short_title`), then any title."""
    preamble = profile.section("preamble")
    return [profile.regex("preamble", key) for key in ("short_title", "title") if preamble.get(key)]


def _title_line(block: list[str], profile: Profile) -> str:
    rules = profile.section("metadata")
    prefix = profile.compile("metadata.title_prefix", str(rules["title_prefix"])) if rules.get("title_prefix") else None
    for rx in title_patterns(profile):
        found = next((line.strip() for line in block if rx.match(line.strip())), "")
        if found:
            return prefix.sub("", found, count=1) if prefix is not None else found
    return ""


def _number(md: Mapping[str, str], texts: list[str], rules: Mapping, profile: Profile) -> tuple[str, str]:
    """(number, year): "53-07" from "Ley No. 53-07"; "1146", "2007" from "LEY 1146 DE 2007"; the first
    number and the first year found, searching the official number, the title block, the identifier
    and the source address in that order."""
    patterns = [profile.compile(f"metadata.number[{i}]", p) for i, p in enumerate(rules.get("number", ()))]
    number = year = ""
    for text in [_first(md, "number")] + texts + [_first(md, "identifier"), md.get("source", ""), md.get("fuente", "")]:
        for rx in patterns:
            match = rx.search(text or "")
            if match:
                groups = match.groupdict()
                number = number or (groups.get("num") or "").strip()
                year = year or (groups.get("year") or "").strip()
        if number and year:
            break
    if number and not year and (tail := re.search(r"[-/]((?:19|20)\d{2})$", number)):
        year = tail.group(1)  # "25/2007"
    return number, year


def _iso(value: str) -> str:
    match = re.search(r"\d{4}-\d{2}-\d{2}", value or "")
    return match.group(0) if match else ""


def _date_in(texts: Iterable[str], rules: Mapping, profile: Profile, year: str,
             keys: tuple[str, ...] = ("date",)) -> str:
    """A date the title block prints: "del 23 de abril de 2007", "[19th June, 2012.]", "(julio 10)" + year;
    with `date_words` among the keys, also day and year written in words."""
    months = {_fold(name): i for i, names in enumerate(rules.get("months", ()), start=1) for name in names.split("|")}
    if not months:
        return ""
    if rules.get("date_first"):  # the Act's own date (its assent) before a gazette's or a website's
        first = profile.compile("metadata.date_first", str(rules["date_first"]))
        texts = list(texts)
        texts = [t for t in texts if first.search(t)] + [t for t in texts if not first.search(t)]
    patterns = [profile.compile(f"metadata.{key}[{i}]", p) for key in keys for i, p in enumerate(rules.get(key, ()))]
    for text in texts:
        for rx in patterns:
            for match in rx.finditer(text):
                parts = match.groupdict()
                month = months.get(_fold(parts.get("month") or "")) or \
                    (int(parts["month"]) if (parts.get("month") or "").isdigit() and 1 <= int(parts["month"]) <= 12 else 0)
                when = _cardinal(parts.get("year") or year, profile.language)
                day = _cardinal(parts.get("day") or "", profile.language)
                if month and when and day and 1 <= day <= 31 and 1000 <= when <= 2999:
                    return f"{when:04d}-{month:02d}-{day:02d}"
    return ""


def _cardinal(value: str, language: str) -> int:
    """A day or year in figures or in words ("cuatro", "dos mil dieciséis"); 0 when it is neither."""
    value = value.strip()
    if value.isdigit():
        return int(value)
    if not value:
        return 0
    from text_to_num import text2num  # imported here: only dates in words need it
    words = {w: v for w, v in (("primero", "uno"), ("primer", "uno"), ("veintiún", "veintiuno"), ("un", "uno"))}
    value = " ".join(words.get(w, w) for w in value.lower().split()) if language == "es" else value.lower()
    try:
        return int(text2num(value, language))
    except (ValueError, TypeError, KeyError):
        return 0


def _doc_type(declared: str, title: str, rules: Mapping) -> str:
    """The type the title opens with ("Código de los Niños …" is a code even when filed as a law),
    else the type the source declares."""
    words: Mapping[str, str] = rules.get("types", {})
    for text in (" ".join(title.split()[:4]), declared):
        folded = _fold(text)
        for word, kind in words.items():
            if re.search(rf"\b{re.escape(_fold(word))}\b", folded):
                return kind if kind in DOC_TYPES else "act"
    return "act"


def _country(texts: list[str], profile: Profile) -> str:
    """The country whose name (or a hint such as "Oireachtas", "D.C. Code") the title block and the
    signatures print most often."""
    text = " \n ".join(texts)
    if not text.strip():
        return ""
    folded = _fold(text)
    counts: Counter[str] = Counter()
    for name, code in _country_names(profile.language).items():
        if len(name) >= 4 and name in folded:
            counts[code] += len(re.findall(rf"\b{re.escape(name)}\b", folded))
    for hint, code in profile.section("metadata").get("countries", {}).items():
        counts[code] += len(re.findall(rf"\b{re.escape(_fold(hint))}\b", folded)) * 2
    counts = Counter({k: v for k, v in counts.items() if v})
    return counts.most_common(1)[0][0] if counts else ""


@lru_cache(maxsize=None)
def _country_names(language: str) -> dict[str, str]:
    """Folded country names (common, official, in English and in `language`) → ISO 3166 alpha-2, lower case."""
    try:
        local = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]) if language != "en" else None
    except OSError:
        local = None
    names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2.lower()
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, "")
            if not value:
                continue
            names[_fold(value)] = code
            if local is not None:
                names[_fold(local.gettext(value))] = code
    return names


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text or "") if unicodedata.category(c) != "Mn").lower()
