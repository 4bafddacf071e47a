"""Human names for drafts and files (drafting.naming): titles, numbers, countries and dates, never ids."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from drafting import naming
from drafting.model.document import Meta
from drafting.naming import Facts

PERU = Facts(title="Ley de Delitos Informáticos", number="30096", country="pe", date="2013-10-22", language="es",
             profile="es", filename="ley-30096.html")


def test_a_statute_is_named_by_title_number_country_date_and_file() -> None:
    assert naming.text_name(PERU) == "Ley de Delitos Informáticos — Ley No. 30096 · Peru · October 22, 2013 · ley-30096.html"
    assert naming.text_name(PERU, "es").startswith("Ley de Delitos Informáticos — Ley No. 30096 · Perú · 22 de octubre de 2013")


def test_the_number_is_not_repeated_when_the_title_has_it() -> None:
    facts = Facts(title="Ley No. 45-19 sobre Delitos de Alta Tecnología", number="45-19", country="xs", date="2019-03-12",
                  profile="es-DO", filename="ley-45-19.txt")
    assert naming.text_name(facts) == "Ley No. 45-19 sobre Delitos de Alta Tecnología — XS · March 12, 2019 · ley-45-19.txt"


def test_user_assigned_countries_show_the_place_or_the_code() -> None:
    assert naming.country_name("xc", place="Generic Commonwealth preset") == "Generic Commonwealth preset"
    assert naming.country_name("xe") == "XE"
    assert naming.country_name("do", "es") == "República Dominicana"


def test_a_draft_label_adds_version_and_time_and_never_an_id() -> None:
    label = naming.draft_label("whatever", {"document": naming.record(PERU)}, 3, "2026-12-05T19:56:00+00:00")
    assert label.startswith("Ley de Delitos Informáticos — Ley No. 30096")
    assert re.search(r"· version 3 · saved \d+ Dec 2026, \d\d:\d\d$", label)
    assert naming.draft_label("Review of Ley X (2018)", {}, 1, "2026-12-05T19:56:00+00:00").startswith("Review of Ley X (2018) · version 1")


def test_facts_of_metadata_and_back_through_the_store_record() -> None:
    meta = Meta(country="pe", number="30096", date="2013-10-22", language="es", title="Ley de Delitos Informáticos", profile="es")
    facts = naming.facts_of(meta, "ley-30096.html")
    assert naming.facts_from({"document": naming.record(facts)}) == facts
    assert naming.facts_of(Meta(date="0001-01-01")).date == ""  # an undated draft shows no date
    assert naming.facts_from({"filename": "old.txt"}).filename == "old.txt"  # drafts saved before facts were kept


def test_file_names_are_ascii_from_number_and_year() -> None:
    stem = naming.file_stem(PERU)
    assert stem == "Ley-30096-2013"
    assert naming.file_name(stem, "redline", "v1", "v2", ext="docx") == "Ley-30096-2013-redline-v1-v2.docx"
    act = Facts(title="The Cybercrime Act", number="7", date="2021-05-01", profile="en-commonwealth")
    assert naming.file_stem(act) == "Act-7-2021"
    untitled = Facts(title="Ley contra el abuso y la explotación sexual de niños, niñas y adolescentes mediante material")
    assert naming.file_stem(untitled).startswith("Ley-contra-el-abuso-y-la-explotacion") and len(naming.file_stem(untitled)) <= 60


def test_repeated_labels_are_told_apart() -> None:
    assert naming.unique(["A", "B", "A", "A"]) == ["A", "B", "A (2)", "A (3)"]
    assert naming.names_in([("x", "A"), ("y", "A")]) == {"x": "A", "y": "A (2)"}


def test_comparison_names() -> None:
    stamp = "2026-12-05T19:56:00+00:00"
    assert naming.comparison_name((PERU, "n", 1, stamp), (PERU, "n", 2, stamp)) == \
        "Ley de Delitos Informáticos: version 1 → version 2"
    other = Facts(title=PERU.title, number="30096", filename="ley-30096-2014.txt")
    name = naming.comparison_name((PERU, "n", 1, stamp), (other, "n", 1, stamp))
    assert "ley-30096.html" in name and "ley-30096-2014.txt" in name and "→" in name


@given(st.text(max_size=200))
def test_slugs_are_safe_file_names(text: str) -> None:
    slug = naming.ascii_slug(text)
    assert re.fullmatch(r"(?:[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)?", slug) and len(slug) <= naming.STEM_MAX


def test_version_tags_tell_two_texts_apart() -> None:
    one = Facts(number="12-34", filename="ley-v1.txt")
    two = Facts(number="12-34", filename="ley-v2.txt")
    assert naming.version_tags((one, 1), (one, 2), True) == ("v1", "v2")
    assert naming.version_tags((one, 1), (two, 1), False) == ("ley-v1", "ley-v2")
    dated = (Facts(date="2013-10-22"), 1), (Facts(date="2014-03-10"), 1)
    assert naming.version_tags(*dated, False) == ("2013-10-22", "2014-03-10")
