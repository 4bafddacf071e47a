"""AppTest: the Amendments page — two versions uploaded or picked, change list, redline,
amending instructions, tracked-changes download, the comparison kept as a draft."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from drafting.store import Store

from .app_support import APP, ROOT, html_text, ok

PAGE = "drafting/app/pages/amendments.py"
FIXTURES = ROOT / "tests" / "fixtures" / "amend"


def open_page(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page(PAGE)
    at.query_params.update(query)
    return at.run()


def upload_both(at: AppTest, old: str = "ley-v1.txt", new: str = "ley-v2.txt") -> None:
    for side, name in (("old", old), ("new", new)):
        at.file_uploader(key=f"am_{side}_upload").upload(name, (FIXTURES / name).read_bytes(), "text/plain")
        at.run()
        at.button(key=f"am_{side}_import").click().run()
        ok(at)


def test_page_opens(store: Store) -> None:
    at = open_page()
    ok(at)
    assert at.title[0].value == "Amendments"
    assert at.button(key="am_compare") is not None


def test_upload_two_versions_and_compare(store: Store) -> None:
    at = open_page()
    upload_both(at)
    ok(at)
    old_id = at.selectbox(key="am_old_statute_new").value
    new_id = at.selectbox(key="am_new_statute_new").value
    assert old_id != new_id and store.get(old_id).meta["filename"] == "ley-v1.txt"
    at.button(key="am_compare").click().run()
    ok(at)
    comparison_id = at.query_params["draft"]
    saved = store.get(comparison_id)
    assert saved.kind == "amendment"
    assert json.loads(saved.payload)["old"] == {"draft": old_id, "version": 1}
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Modified"] == "4" and metrics["Inserted"] == "1" and metrics["Deleted"] == "1"
    assert metrics["Moved"] == "1" and metrics["Renumbered"] == "1"
    page = html_text(at)
    assert "<del>preste</del>" in page and "<ins>ofrezca</ins>" in page  # the redline, side by side
    assert "Se modifica el artículo 2 de la Ley No. 12-34" in page  # amending instructions
    assert "Se deroga el artículo 9 de la Ley No. 12-34." in page
    # the change list names each article as the law does, in its language, in a table that wraps
    assert not at.dataframe
    for entry in ("artículo 6 — insertado", "artículo 9 — suprimido", "artículo 10 → artículo 9 — renumerado",
                  "artículo 8 → artículo 10 — trasladado", "artículo 2 — modificado"):
        assert f"<td>{entry}</td>" in page, entry
    assert "Artículo 2.-: modified" not in page
    assert "artículo 3, a) — modificado</div>" in page  # a part of an article, cited with its article
    files = {d.label: d for d in at.download_button}
    assert {"Download tracked changes (DOCX)", "Download the amending bill (DOCX)", "Download side by side (HTML)"} <= set(files)
    # human names: the comparison and its files are named after the law, never after draft ids
    assert old_id not in saved.name and new_id not in saved.name
    assert "ley-v1.txt" in saved.name and "ley-v2.txt" in saved.name


def test_changed_only_filter(store: Store) -> None:
    at = open_page()
    upload_both(at)
    at.button(key="am_compare").click().run()
    changed = html_text(at)
    assert "— sin cambios</td>" not in changed
    at.toggle(key="am_changed_only").set_value(False).run()
    ok(at)
    assert len(html_text(at)) > len(changed)
    assert "— sin cambios</td>" in html_text(at)


def test_two_versions_of_one_statute_and_the_url(store: Store) -> None:
    xml = (ROOT / "statutes" / "xs" / "ley-45-19.xml").read_text(encoding="utf-8")
    draft_id, _ = store.save(None, "statute", "Ley 45-19", xml, "one")
    store.save(draft_id, "statute", "Ley 45-19", xml.replace("seis meses a un año", "uno a dos años"), "two")
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["draft"] = draft_id  # open it on the Statutes page: the Amendments page starts from it
    at.run()
    at.switch_page(PAGE).run()
    ok(at)
    assert at.selectbox(key="am_old_statute_new").value == draft_id
    # by default: the previous version against the latest
    assert at.selectbox(key=f"am_old_version_new_{draft_id}").value == 1
    assert at.selectbox(key=f"am_new_version_new_{draft_id}").value == 2
    at.button(key="am_compare").click().run()
    ok(at)
    comparison_id = at.query_params["draft"]
    page = html_text(at)
    assert "<del>seis meses a un año</del>" in page and "<ins>uno a dos años</ins>" in page
    assert store.get(comparison_id).name.endswith(": version 1 → version 2")
    again = open_page(draft=comparison_id)  # a refresh: only the URL is left
    ok(again)
    assert again.session_state["open_amendment"] == comparison_id
    assert {m.label: m.value for m in again.metric}["Modified"] == "1"


def test_same_version_twice_is_refused(store: Store) -> None:
    at = open_page()
    old = at.selectbox(key="am_old_statute_new").value
    at.selectbox(key="am_new_statute_new").set_value(old).run()
    ok(at)
    assert at.button(key="am_compare").disabled
    assert "Pick two different versions." in [c.value for c in at.caption]


def test_act_name_is_saved(store: Store) -> None:
    at = open_page()
    upload_both(at)
    at.button(key="am_compare").click().run()
    comparison_id = at.query_params["draft"]
    key = next(t.key for t in at.text_input if t.key.startswith("am_act_"))
    assert key == f"am_act_{comparison_id}"  # one key for the comparison: a save never resets what is typed
    at.text_input(key=key).input("la Ley núm. 12-34").run()
    ok(at)
    assert json.loads(store.get(comparison_id).payload)["act_name"] == "la Ley núm. 12-34"
    assert store.get(comparison_id).version == 2
    assert at.text_input(key=key).value == "la Ley núm. 12-34"
    assert "Se modifica el artículo 2 de la Ley núm. 12-34" in html_text(at) or "la Ley núm. 12-34" in html_text(at)


def test_two_versions_of_a_bill(store: Store) -> None:
    spec = 'jurisdiction = "do"\n\n[[clauses]]\nid = "offence-possession"\n'
    changed = spec.replace('jurisdiction = "do"\n', 'jurisdiction = "do"\n\n[parameters]\n'
                           'penalty_possession = { min = 3, max = 8, unit = "years" }\n')
    bill_id, _ = store.save(None, "bill", "Ley de prueba", spec, "new bill")
    store.save(bill_id, "bill", "Ley de prueba", changed, "parameter penalty_possession")
    at = open_page()
    at.selectbox(key="am_old_statute_new").set_value(bill_id)
    at.selectbox(key="am_new_statute_new").set_value(bill_id).run()
    ok(at)
    assert at.selectbox(key=f"am_old_version_new_{bill_id}").value == 1
    assert at.selectbox(key=f"am_new_version_new_{bill_id}").value == 2
    at.button(key="am_compare").click().run()
    ok(at)
    assert {m.label: m.value for m in at.metric}["Modified"] == "1"
    page = html_text(at)
    assert "<del>dos (2</del>" in page and "<ins>tres (3</ins>" in page  # de dos (2) a cinco (5) años → de tres (3) a ocho (8)
    assert "Se modifica el artículo" in page
