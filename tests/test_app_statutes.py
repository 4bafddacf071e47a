"""AppTest: the Statutes page and the shared sidebar (draft in the URL, export/import of drafts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from drafting.store import Store

from .app_support import APP, ROOT, html_text, ok

LEY_TXT = (ROOT / "statutes" / "xs" / "ley-45-19.txt").read_bytes()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DRAFTING_WORKSPACE", str(tmp_path / "ws"))
    return tmp_path / "ws"


def start(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    return at.run()


def test_first_run_seeds_the_samples(workspace: Path) -> None:
    at = start()
    ok(at)
    assert at.title[0].value == "Statutes"
    store = Store(workspace)
    drafts = store.list_drafts("statute")
    assert {store.get(d.id).meta["sample"] for d in drafts} == {"xs/ley-45-19.xml", "xe/act-7-2021.xml"}
    picker = next(s for s in at.selectbox if str(s.key).startswith("statute_pick_None_"))
    assert len(picker.options) == 2
    assert len(at.selectbox(key="sample_pick").options) == 2
    # the first run seeds once: a second session finds the same two drafts
    start()
    assert len(store.list_drafts("statute")) == 2


def test_open_a_bundled_sample(workspace: Path) -> None:
    at = start()
    at.selectbox(key="sample_pick").set_value("xs/ley-45-19.xml")
    at.button(key="sample_open").click().run()
    ok(at)
    draft_id = at.query_params["draft"]
    assert at.session_state["open_statute"] == draft_id
    assert at.subheader[0].value.replace("\\", "").startswith("Ley No. 45-19")
    assert "art_7" in html_text(at) and "Pornografía infantil" in html_text(at)
    # the sample was already in the workspace: no new draft for it
    assert len(Store(workspace).list_drafts("statute")) == 2


def test_upload_imports_and_keeps_the_statute(workspace: Path) -> None:
    at = start()
    at.file_uploader(key="statute_upload").upload("ley-45-19.txt", LEY_TXT, "text/plain")
    at.run()
    at.selectbox(key="imp_language").set_value("es")
    at.text_input(key="imp_country").input("xs")
    at.button(key="imp_go").click().run()
    ok(at)
    draft_id = at.query_params["draft"]
    saved = Store(workspace).get(draft_id)
    assert saved.kind == "statute" and saved.version == 1
    assert saved.meta["filename"] == "ley-45-19.txt"
    assert any("profile: es-DO" in line for line in saved.meta["report"])
    assert "<akomaNtoso" in saved.payload and "/akn/xs/" in saved.payload
    assert any("Imported ley-45-19" in s.value.replace("\\", "") for s in at.toast)
    report = "\n".join(c.value for c in at.code)
    assert "law text inside provisions" in report
    assert [m.label for m in at.metric][:2] == ["Articles / sections", "Divisions"]
    assert at.metric[0].value == "15"
    assert "Versions of this draft (1)" in [e.label for e in at.expander]


def test_new_version_of_the_open_statute_and_metadata_edit(workspace: Path) -> None:
    at = start()
    at.file_uploader(key="statute_upload").upload("ley-45-19.txt", LEY_TXT, "text/plain")
    at.run()
    at.button(key="imp_go").click().run()
    draft_id = at.query_params["draft"]
    changed = LEY_TXT.replace("seis meses a un año".encode(), "uno a dos años".encode())
    at.file_uploader(key="statute_upload").upload("ley-45-19-v2.txt", changed, "text/plain")
    at.run()
    at.checkbox(key="imp_as_version").check()
    at.button(key="imp_go").click().run()
    ok(at)
    assert at.query_params["draft"] == draft_id
    assert [h.version for h in Store(workspace).history(draft_id)] == [1, 2]
    # metadata form: a wrong date is refused with a message, a good one saved as version 3
    form_inputs = [t for t in at.text_input if t.label.startswith("Date of the statute (YYYY")]
    form_inputs[-1].input("12/03/2019")
    at.button[[b.label for b in at.button].index("Save as a new version")].click().run()
    ok(at)
    assert any("YYYY-MM-DD" in e.value.replace("\\", "") for e in at.error)
    assert len(Store(workspace).history(draft_id)) == 2
    form_inputs = [t for t in at.text_input if t.label.startswith("Date of the statute (YYYY")]
    form_inputs[-1].input("2019-03-20")  # not the date the import read from its closing (2019-03-12)
    at.button[[b.label for b in at.button].index("Save as a new version")].click().run()
    ok(at)
    latest = Store(workspace).get(draft_id)
    assert latest.version == 3 and latest.note == "metadata edited" and "2019-03-20" in latest.payload
    assert latest.meta["filename"] == "ley-45-19-v2.txt"


def test_versions_panel_restores(workspace: Path) -> None:
    store = Store(workspace)
    xml = (ROOT / "statutes" / "xs" / "ley-45-19.xml").read_text(encoding="utf-8")
    draft_id, _ = store.save(None, "statute", "S", xml, "one")
    store.save(draft_id, "statute", "S", xml.replace("será sancionado", "será castigado"), "two")
    at = start(draft=draft_id)
    ok(at)
    assert at.selectbox(key=f"view_version_statute_{draft_id}_2").value == 2  # the panel opens on the latest
    at.selectbox(key=f"view_version_statute_{draft_id}_2").set_value(1).run()
    at.button(key="restore_statute").click().run()
    ok(at)
    assert store.get(draft_id).version == 3 and store.get(draft_id).payload == xml
    # after the restore the panel opens on the new latest version, with nothing to restore
    assert at.selectbox(key=f"view_version_statute_{draft_id}_3").value == 3
    assert "restore_statute" not in [b.key for b in at.button]
    at.selectbox(key=f"compare_version_statute_{draft_id}_3_3").set_value(2).run()
    diff = "\n".join(c.value for c in at.code if c.language == "diff")
    assert "-" in diff and "sancionado" in diff and "castigado" in diff


def test_bad_upload_shows_a_message_not_a_traceback(workspace: Path) -> None:
    at = start()
    at.file_uploader(key="statute_upload").upload("notes.txt", b"lorem ipsum dolor sit amet", "text/plain")
    at.run()
    at.button(key="imp_go").click().run()
    ok(at)
    assert at.error and "notes.txt" in at.error[0].value.replace("\\", "")
    assert "Traceback" not in at.error[0].value
    assert "draft" not in at.query_params


def test_hostile_text_is_escaped(workspace: Path) -> None:
    evil = LEY_TXT.decode().replace("Acceso ilícito.", "Acceso <script>alert(1)</script><img src=x onerror=alert(2)>.")
    at = start()
    at.file_uploader(key="statute_upload").upload("![x](http://evil.example/x.png).txt", evil.encode(), "text/plain")
    at.run()
    at.button(key="imp_go").click().run()
    ok(at)
    at.tabs  # all tabs render in AppTest
    page = html_text(at)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    # the file name reaches markdown only escaped: no image or link syntax survives
    for element in list(at.toast) + list(at.caption) + list(at.markdown):
        assert "](http" not in element.value


def test_draft_in_url_survives_a_new_session(workspace: Path) -> None:
    at = start()
    at.file_uploader(key="statute_upload").upload("ley-45-19.txt", LEY_TXT, "text/plain")
    at.run()
    at.button(key="imp_go").click().run()
    draft_id = at.query_params["draft"]
    again = start(draft=draft_id)  # a browser refresh or a server restart: only the URL is left
    ok(again)
    assert again.session_state["open_statute"] == draft_id
    assert again.subheader[0].value.replace("\\", "").startswith("Ley No. 45-19")
    # a URL naming no draft: the workspace reopens the statute last used, and the URL names it
    junk = start(draft="not a draft id!")
    ok(junk)
    assert junk.subheader[0].value.replace("\\", "").startswith("Ley No. 45-19")
    assert junk.query_params["draft"] == draft_id


def test_an_empty_workspace_opens_no_statute_from_a_bad_url(workspace: Path) -> None:
    junk = start(draft="not a draft id!")
    ok(junk)
    assert not junk.subheader


def test_export_and_import_a_draft_file(workspace: Path) -> None:
    store = Store(workspace)
    xml = (ROOT / "statutes" / "xe" / "act-7-2021.xml").read_text(encoding="utf-8")
    draft_id, _ = store.save(None, "statute", "Act 7", xml, "one")
    at = start(draft=draft_id)
    ok(at)
    exported = store.export_draft(draft_id)
    assert json.loads(exported)["id"] == draft_id
    assert "Export draft file" in [d.label for d in at.download_button]
    at.file_uploader(key="draft_file").upload("act.draft.json", exported, "application/json")
    at.run()
    at.button(key="import_draft").click().run()
    ok(at)
    new_id = at.session_state["open_statute"]
    assert new_id != draft_id and store.get(new_id).payload == xml
    at.file_uploader(key="draft_file").clear()
    at.file_uploader(key="draft_file").upload("bad.json", b"{}", "application/json")
    at.run()
    at.button(key="import_draft").click().run()
    ok(at)
    assert any("not a draft file" in e.value.replace("\\", "") for e in at.error)


def test_a_2000_article_statute_is_paginated_and_not_reimported(workspace: Path) -> None:
    lines = LEY_TXT.decode("utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if line.startswith("TÍTULO III"))
    extra = [f"Artículo {n}.- Disposición {n}. El que cometa el hecho {n} en un sistema de información será "
             f"sancionado con la pena de uno a tres años de prisión." for n in range(16, 2016)]
    big = "\n".join(lines[:cut] + extra + lines[cut:]).encode("utf-8")
    at = start()
    at.file_uploader(key="statute_upload").upload("big.txt", big, "text/plain")
    at.run()
    at.button(key="imp_go").click().run()
    ok(at)
    assert at.metric[0].value == "2,015"
    assert {p.key for p in at.pagination} >= {"statute_outline_page", "statute_text_page"}
    at.pagination(key="statute_outline_page").set_value(3).run()
    ok(at)
    assert any("Lines 301–450 of" in c.value for c in at.caption)
    import time
    started = time.monotonic()
    at.run()  # a rerun reads the cached tree: no re-import, no re-parse
    assert time.monotonic() - started < 5
    assert "art_301" in html_text(at) or "art_300" in html_text(at)
