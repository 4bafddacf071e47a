"""AppTest: human names everywhere (drafts by title, number, country, date and file, with version and
time; never a hex id on screen), deep links to every page, accessible names on every button."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from drafting import naming
from drafting.store import Store

from .app_support import APP, HEX_ID, ROOT, ok, visible_text

PAGES = {"statutes": "drafting/app/pages/statutes.py", "model-law": "drafting/app/pages/model_law.py",
         "review": "drafting/app/pages/review.py", "bill-builder": "drafting/app/pages/bill_builder.py",
         "amendments": "drafting/app/pages/amendments.py"}
LEY_TXT = ROOT / "statutes" / "xs" / "ley-45-19.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "amend"


def no_ids(at: AppTest, store: Store) -> None:
    text = visible_text(at)
    assert not HEX_ID.findall(text), HEX_ID.findall(text)[:5]
    for draft in store.list_drafts():
        assert draft.id not in text


def busy_workspace(store: Store) -> AppTest:
    """A workspace with the same statute imported three times, a saved review, a bill and a comparison."""
    at = AppTest.from_file(APP, default_timeout=90).run()
    for _ in range(3):
        at.file_uploader(key="statute_upload").upload("ley-45-19.txt", LEY_TXT.read_bytes(), "text/plain")
        at.run()
        at.button(key="imp_go").click().run()
        ok(at)
    at.switch_page(PAGES["review"]).run()
    at.button(key="rv_save").click().run()
    at.switch_page(PAGES["bill-builder"]).run()
    at.button(key="bill_new").click().run()
    at.switch_page(PAGES["amendments"]).run()
    for side, name in (("old", "ley-v1.txt"), ("new", "ley-v2.txt")):
        at.file_uploader(key=f"am_{side}_upload").upload(name, (FIXTURES / name).read_bytes(), "text/plain")
        at.run()
        at.button(key=f"am_{side}_import").click().run()
    at.button(key="am_compare").click().run()
    ok(at)
    assert {d.kind for d in store.list_drafts()} == {"statute", "review", "bill", "amendment"}
    return at


def test_no_hex_id_on_any_page(store: Store) -> None:
    at = busy_workspace(store)
    for page in PAGES.values():
        at.switch_page(page).run()
        ok(at)
        no_ids(at, store)
        with_versions = [e for e in at.expander if e.label.startswith("Versions of this draft")]
        assert with_versions or page.endswith("model_law.py"), page


def test_the_statute_picker_tells_three_imports_of_one_law_apart(store: Store) -> None:
    at = busy_workspace(store)
    at.switch_page(PAGES["statutes"]).run()
    picker = next(s for s in at.selectbox if s.label == "Statutes in the workspace")
    imports = [o for o in picker.options if "ley-45-19.txt" in o]
    assert len(imports) == 3 and len(set(imports)) == 3
    assert all("Ley No. 45-19" in o and "· version 1 · saved " in o for o in imports)
    assert all(" — " in o and "XX" not in o for o in imports)  # no made-up country


def test_drafts_keep_the_facts_that_name_them_and_their_file_names(store: Store) -> None:
    busy_workspace(store)
    statute = store.get(next(d.id for d in store.list_drafts("statute") if d.meta.get("filename") == "ley-45-19.txt"))
    facts = naming.facts_from(statute.meta)
    assert (facts.number, facts.filename) == ("45-19", "ley-45-19.txt")
    assert naming.file_stem(facts) == "Ley-45-19-2019"  # dated by its closing ("… a los doce días … 2019")
    (review,) = store.list_drafts("review")
    assert review.meta["file_stem"].startswith("Ley-45-19-2019-review-") and review.name.startswith("Review of Ley No. 45-19")
    (bill,) = store.list_drafts("bill")
    assert bill.meta["file_stem"].startswith("Ley-contra-el-abuso") and bill.meta["document"]["place"] == "Dominican Republic"
    (comparison,) = store.list_drafts("amendment")
    assert comparison.meta["file_stem"].startswith("Ley-12-34")


@pytest.mark.parametrize("url", list(PAGES))
def test_every_page_opens_from_its_link(store: Store, url: str) -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page(PAGES[url]).run()
    ok(at)
    assert at.title[0].value == {"statutes": "Statutes", "model-law": "Model law", "review": "Review",
                                 "bill-builder": "Bill builder", "amendments": "Amendments"}[url]


def test_the_root_opens_the_statutes_page_keeping_the_query(store: Store) -> None:
    first = AppTest.from_file(APP, default_timeout=90).run()
    statute_id = store.list_drafts("statute")[0].id
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["draft"] = statute_id
    at.run()
    ok(at)
    assert first.title[0].value == "Statutes" and at.title[0].value == "Statutes"
    assert at.query_params["draft"] == statute_id and at.session_state["open_statute"] == statute_id


def test_every_button_says_what_it_does(store: Store) -> None:
    at = busy_workspace(store)
    for page in PAGES.values():
        at.switch_page(page).run()
        for button in list(at.button) + [b for b in at.get("download_button")]:
            label = button.label if hasattr(button, "label") else button.proto.label
            assert label and label.strip() and "icon" not in label and "_" not in label, (page, label)
