"""AppTest: the Model law page — filters drive the library, previews use the sidebar's jurisdiction."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from drafting.library.library import load_library

from .app_support import APP, html_text, ok

PAGE = "drafting/app/pages/model_law.py"


@pytest.fixture
def at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DRAFTING_WORKSPACE", str(tmp_path / "ws"))
    app = AppTest.from_file(APP, default_timeout=60).run()
    return app.switch_page(PAGE).run()


def clause_expanders(at: AppTest) -> list[str]:
    return [e.label for e in at.expander if "·" in e.label]


def test_lists_every_clause_grouped_by_topic(at: AppTest) -> None:
    ok(at)
    lib = load_library()
    assert at.title[0].value == "Model law"
    assert len(clause_expanders(at)) == len(lib.clauses)
    assert [s.value for s in at.subheader] == [t.title["en"] for t in sorted(lib.topics.values(), key=lambda t: t.order)]


def test_filter_by_topic_and_criterion(at: AppTest) -> None:
    lib = load_library()
    at.selectbox(key="ml_topic").set_value("offences").run()
    ok(at)
    assert len(clause_expanders(at)) == sum(1 for c in lib.clauses.values() if c.topic == "offences")
    at.selectbox(key="ml_topic").set_value(None)
    at.selectbox(key="ml_criterion").set_value("isp-report").run()
    ok(at)
    wanted = {c.id for c in lib.clauses_for_criterion("isp-report")}
    assert {label.rsplit("·", 1)[1].strip().replace("\\", "") for label in clause_expanders(at)} == wanted
    assert "met when" in html_text(at)
    # the 2018 alias finds the clauses tagged with the canonical id
    at.selectbox(key="ml_criterion").set_value("technology").run()
    ok(at)
    assert len(clause_expanders(at)) == len(lib.clauses_for_criterion("computer")) > 0


def test_search_and_no_match(at: AppTest) -> None:
    at.text_input(key="ml_search").input("grooming").run()
    ok(at)
    assert any("offence\\-grooming" in label or "offence-grooming" in label for label in clause_expanders(at))
    at.text_input(key="ml_search").input("zzzz-no-such-thing").run()
    ok(at)
    assert not clause_expanders(at)
    assert at.info[0].value == "No clause matches these filters."


def test_preview_uses_the_jurisdiction_and_both_languages(at: AppTest) -> None:
    at.text_input(key="ml_search").input("offence-possession").run()
    ok(at)
    assert at.selectbox(key="jurisdiction").value == "do"  # the default: the Dominican Republic, in Spanish
    assert "Posesión" in html_text(at)
    at.segmented_control(key="ml_lang").set_value("both").run()
    ok(at)
    page = html_text(at)
    assert "English" in page and "Español" in page  # side by side
    lib = load_library()
    expected = lib.render_text("offence-possession", "es", jurisdiction="do")
    assert expected.splitlines()[0][:60].replace("«", "&laquo;") in page or expected.splitlines()[0][:40] in page
    # the parameters table: labels and values in words, the Dominican preset, not the default 1-5 years
    assert "<b>Prison term for possession</b>" in page and "<code>penalty_possession</code>" in page
    assert "<td>2 to 5 years<br><span class='dr-muted'>jurisdiction&#x27;s preset</span></td>" in page


def test_an_english_preview_with_the_dominican_preset_names_institutions_in_english(at: AppTest) -> None:
    at.text_input(key="ml_search").input("offence-possession").run()
    at.segmented_control(key="ml_lang").set_value("en").run()
    ok(at)
    page = html_text(at)
    assert "National Police" in page and "Policía" not in page
    at.segmented_control(key="ml_lang").set_value("es").run()
    assert "Policía Nacional" in html_text(at)


def test_the_criteria_table_names_every_criterion_and_wraps(at: AppTest) -> None:
    ok(at)
    lib = load_library()
    assert not at.dataframe  # no clipped grid: an HTML table that wraps
    page = html_text(at)
    for cset in lib.criteria_sets.values():
        for cid in cset.criteria:
            assert f"{lib.criteria[cid].title['en']} ({cid})" in page


def test_jurisdiction_rides_in_the_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTING_WORKSPACE", str(tmp_path / "ws"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["jurisdiction"] = "do"
    at.run()
    ok(at)
    assert at.selectbox(key="jurisdiction").value == "do"
    assert at.query_params["jurisdiction"] == "do"
    at.selectbox(key="jurisdiction").set_value("commonwealth").run()
    assert at.query_params["jurisdiction"] == "commonwealth"
    at.selectbox(key="jurisdiction").set_value("").run()
    assert "jurisdiction" not in at.query_params
    junk = AppTest.from_file(APP, default_timeout=60)
    junk.query_params["jurisdiction"] = "<script>"
    junk.run()
    ok(junk)
    assert junk.selectbox(key="jurisdiction").value == "do"  # an unknown code: the default
