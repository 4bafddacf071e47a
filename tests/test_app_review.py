"""AppTest: the Review page — criteria matrix, evidence, side-by-side diffs, saved reviews, reports."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from drafting import akn
from drafting.library.library import load_library
from drafting.review.verdicts import review
from drafting.app.drafts import preset_for
from drafting.store import Store

from .app_support import APP, ROOT, html_text, ok

PAGE = "drafting/app/pages/review.py"
LEY = ROOT / "statutes" / "xs" / "ley-45-19.xml"
ACT = ROOT / "statutes" / "xe" / "act-7-2021.xml"


def open_review(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.query_params.update(query)
    return at.switch_page(PAGE).run()


def pick_statute(at: AppTest, path: Path) -> str:
    """Choose the seeded sample whose file is `path`; returns its draft id."""
    sel = at.selectbox(key="rv_statute")
    ws = Store()  # the app's workspace (DRAFTING_WORKSPACE)
    wanted = next(d.id for d in ws.list_drafts("statute") if ws.get(d.id, 1).meta.get("filename") == path.name)
    sel.set_value(wanted).run()
    return wanted


def test_matrix_matches_the_library_review(store: Store) -> None:
    at = open_review()
    ok(at)
    ley_id = pick_statute(at, LEY)
    at.selectbox(key="rv_edition").set_value("2006").run()
    ok(at)
    lib = load_library()
    jurisdiction = preset_for(lib, "es", "xs", "do")  # the sidebar's default, the Dominican Republic, fits
    expected = review(akn.read(LEY), lib, edition="2006", jurisdiction=jurisdiction)
    page = html_text(at)
    for v in expected.verdicts:
        assert f'<span class="dr-badge dr-{v.status}">{v.status}</span>' in page
    counts = expected.counts()
    assert [m.value for m in at.metric[:3]] == [str(counts["met"]), str(counts["partial"]), str(counts["missing"])]
    labels = [e.label for e in at.expander]
    assert any(label.endswith("— partial") for label in labels) and any(label.endswith("— missing") for label in labels)
    # nothing is saved until the drafter asks; the URL names the statute and the criteria set meanwhile
    assert not store.list_drafts("review")
    assert at.query_params["draft"] == ley_id and at.query_params["edition"] == "2006"
    at.button(key="rv_save").click().run()
    ok(at)
    review_id = at.query_params["draft"]
    saved = store.get(review_id)
    data = json.loads(saved.payload)
    assert saved.kind == "review" and data["statute"] == {"draft": ley_id, "version": 1} and data["edition"] == "2006"
    assert [c["status"] for c in data["review"]["criteria"]] == [v.status for v in expected.verdicts]
    assert at.button(key="rv_save").disabled and at.button(key="rv_save").label == "Saved"
    # an unchanged rerun adds no version; another criteria set is another review, not saved until asked
    at.run()
    assert len(store.history(review_id)) == 1
    at.selectbox(key="rv_edition").set_value("2016").run()
    ok(at)
    assert at.query_params["draft"] == ley_id and len(store.list_drafts("review")) == 1
    assert "Data retention" in html_text(at)
    assert not at.button(key="rv_save").disabled


def test_opening_the_review_page_never_writes(store: Store) -> None:
    AppTest.from_file(APP, default_timeout=90).run()  # the first run seeds the samples
    before = {d.id: d.latest for d in store.list_drafts()}
    at = open_review()
    ok(at)
    at.selectbox(key="rv_edition").set_value("2016").run()
    pick_statute(at, ACT)
    ok(at)
    assert {d.id: d.latest for d in store.list_drafts()} == before


def test_evidence_and_side_by_side(store: Store) -> None:
    at = open_review()
    pick_statute(at, LEY)
    ok(at)
    page = html_text(at)
    assert "dr-pair" in page  # model clause beside the national provision
    assert "<del>" in page and "<ins>" in page
    assert "Model clause: " in page
    quote = "posesión intencional de pornografía infantil en un sistema de información"
    assert quote in page  # the evidence quoted verbatim
    # "changed only" shortens the text a provision shares with the model clause, keeping the changes
    pick_statute(at, ACT)
    before = len(html_text(at))
    at.toggle(key="rv_changed_only").set_value(True).run()
    ok(at)
    after = html_text(at)
    assert "<del>" in after and " … " in after and len(after) < before


def test_url_brings_the_review_back(store: Store) -> None:
    at = open_review()
    act_id = pick_statute(at, ACT)
    at.selectbox(key="rv_edition").set_value("2016").run()
    # unsaved: the URL names the statute and the criteria set, and a new session shows the same review
    again = open_review(draft=act_id, edition="2016")
    ok(again)
    assert again.selectbox(key="rv_statute").value == act_id and again.selectbox(key="rv_edition").value == "2016"
    # saved: the URL names the review
    at.button(key="rv_save").click().run()
    review_id = at.query_params["draft"]
    again = open_review(draft=review_id)  # a new session with only the URL
    ok(again)
    assert again.query_params["draft"] == review_id
    assert again.selectbox(key="rv_statute").value == json.loads(store.get(review_id).payload)["statute"]["draft"]
    assert again.selectbox(key="rv_edition").value == "2016"
    assert again.session_state["open_review"] == review_id
    # with no URL at all, the workspace reopens the review last saved
    fresh = open_review()
    ok(fresh)
    assert fresh.query_params["draft"] == review_id and fresh.selectbox(key="rv_statute").value == act_id


def test_report_downloads_are_offered(store: Store) -> None:
    at = open_review()
    ok(at)
    labels = [d.label for d in at.download_button]
    assert "Download the review (JSON)" in labels
    assert "Download the report (HTML)" in labels and "Download the report (DOCX)" in labels


def test_gap_filling_amendment_in_one_click(store: Store) -> None:
    at = open_review()
    pick_statute(at, LEY)
    at.button(key="rv_gapbill").click().run()
    ok(at)
    assert at.title[0].value == "Bill builder"
    bill_id = at.query_params["draft"]
    bill = store.get(bill_id)
    assert bill.kind == "bill" and 'gaps = "review"' in bill.payload and "workspace:" in bill.payload
    assert "Ley que modifica la Ley núm. 45-19" in html_text(at)  # cited in the Dominican house style
    assert "Download DOCX" in [d.label for d in at.download_button]


def test_the_review_follows_the_statute_opened_last(store: Store) -> None:
    at = open_review()
    ley_id = pick_statute(at, LEY)
    at.selectbox(key="rv_edition").set_value("2006").run()
    act_id = next(d.id for d in store.list_drafts("statute") if store.get(d.id, 1).meta.get("filename") == ACT.name)
    at.switch_page("drafting/app/pages/statutes.py").run()
    at.selectbox(key=next(s.key for s in at.selectbox if s.label == "Statutes in the workspace")).set_value(act_id).run()
    at.switch_page(PAGE).run()
    ok(at)
    assert at.selectbox(key="rv_statute").value == act_id and at.selectbox(key="rv_edition").value == "2006"
    at.selectbox(key="rv_statute").set_value(ley_id).run()
    at.switch_page("drafting/app/pages/model_law.py").run()
    at.switch_page(PAGE).run()  # nothing else opened meanwhile: the review comes back as it was left
    assert at.selectbox(key="rv_statute").value == ley_id


def verdict_labels(at: AppTest) -> dict[str, str]:
    """criterion title -> status, from the expanders of the evidence tab ("Possession — met")."""
    pairs = (e.label.removesuffix(" (check)").rsplit(" — ", 1) for e in at.expander if " — " in e.label)
    return {p[0]: p[1] for p in pairs if p[1] in ("met", "partial", "missing")}


def test_a_statute_reviewed_together_with_another_of_its_country(store: Store, tmp_path: Path) -> None:
    at = open_review()
    ok(at)
    ley_id = pick_statute(at, LEY)
    at.selectbox(key="rv_edition").set_value("2006").run()
    alone = verdict_labels(at)
    # a special law of the same country, written here: it adds the duty of internet providers to report
    special = tmp_path / "ley-9-30.txt"
    special.write_text("LEY NÚM. 9-30 SOBRE SERVICIOS DE INTERNET\nArtículo 1.- Los proveedores de servicios de internet "
                       "deberán denunciar de inmediato a la autoridad competente la pornografía infantil que detecten en "
                       "sus sistemas.\nArtículo 2.- Vigencia. Esta ley rige desde su publicación.\n", encoding="utf-8")
    from drafting.importers.document import import_document

    doc = import_document(special).document
    special_id, _ = store.save(None, "statute", "Ley 9-30", akn.to_xml(doc).decode("utf-8"), "imported",
                               {"document": {"language": "es", "title": doc.meta.title}})
    at.run()
    at.multiselect(key="rv_together").set_value([special_id]).run()
    ok(at)
    together = verdict_labels(at)
    changed = {k for k in alone if alone[k] != together[k]}
    assert changed, (alone, together)
    assert all(together[k] == "met" or (alone[k] == "missing" and together[k] == "partial") for k in changed)
    assert "LEY NÚM. 9-30 SOBRE SERVICIOS DE INTERNET, 1" in html_text(at)
    at.button(key="rv_save").click().run()
    ok(at)
    data = json.loads(store.get(at.query_params["draft"]).payload)
    assert data["statute"]["draft"] == ley_id and data["together"] == [{"draft": special_id, "version": 1}]
    # alone again: the saved review of the pair is not this one's
    at.multiselect(key="rv_together").set_value([]).run()
    ok(at)
    assert not at.button(key="rv_save").disabled


def test_a_statute_of_another_country_is_not_reviewed_with_the_picked_countrys_preset() -> None:
    lib = load_library()
    assert preset_for(lib, "es", "do", "do") == "do"  # its own country
    assert preset_for(lib, "es", "xs", "do") == "do"  # a sample with a user-assigned code: the pick holds
    assert preset_for(lib, "es", "co", "do") == "latam"  # Colombia: never the Dominican Republic's institutions
    assert preset_for(lib, "es", "co", "latam") == "latam"
    assert preset_for(lib, "es", "do", None) == "do" and preset_for(lib, "es", "pe", None) == "pe"  # Peru has its own
    assert preset_for(lib, "es", "co", None) == "latam"
    assert preset_for(lib, "en", "ie", "do") == "commonwealth"  # the pick does not draft in English
