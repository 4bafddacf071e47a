"""AppTest: the Bill builder — clauses added/removed/reordered, typed parameters validated by the
library, every change saved as a new version, preview and downloads."""

from __future__ import annotations

import io

import docx
from streamlit.testing.v1 import AppTest

from drafting.bills.assemble import assemble
from drafting.bills.spec import spec_from_toml
from drafting.export.docx import docx_bytes
from drafting.library.library import load_library
from drafting.parse import profiles
from drafting.store import Store

from .app_support import APP, html_text, ok

PAGE = "drafting/app/pages/bill_builder.py"


def new_bill(jurisdiction: str = "do") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.selectbox(key="jurisdiction").set_value(jurisdiction).run()
    at.switch_page(PAGE).run()
    at.button(key="bill_new").click().run()
    ok(at)
    return at


def prefix(at: AppTest, store: Store) -> str:
    draft_id = at.query_params["draft"]
    return f"b:{draft_id}:{store.get(draft_id).version}:"


def spec(at: AppTest, store: Store):  # -> BillSpec
    return spec_from_toml(store.get(at.query_params["draft"]).payload)


def test_page_opens_without_a_bill(store: Store) -> None:
    at = AppTest.from_file(APP, default_timeout=90).run().switch_page(PAGE).run()
    ok(at)
    assert at.title[0].value == "Bill builder"
    assert "New bill" in [b.label for b in at.button]


def test_new_bill_starts_from_the_core_criteria(store: Store) -> None:
    at = new_bill("do")
    draft_id = at.query_params["draft"]
    saved = store.get(draft_id)
    assert saved.kind == "bill" and saved.version == 1 and saved.note == "new bill"
    lib = load_library()
    chosen = [c.id for c in spec(at, store).clauses]
    assert "offence-possession" in chosen and "duty-isp-report" in chosen
    assert spec(at, store).jurisdiction == "do"
    page = html_text(at)
    assert "dr-bill" in page and "Posesión de material de abuso sexual infantil" in page  # live preview, in Spanish
    assert "dr-toc" in page  # table of contents
    assert {"Word (DOCX)", "Akoma Ntoso", "Web page"} <= {d.label for d in at.download_button}
    assert len(lib.clauses) > len(chosen)


def test_reorder_remove_add_each_save_a_version(store: Store) -> None:
    at = new_bill()
    draft_id = at.query_params["draft"]
    first, second = [c.id for c in spec(at, store).clauses][:2]
    p = prefix(at, store)
    at.button(key=f"{p}down0").click().run()
    ok(at)
    assert [c.id for c in spec(at, store).clauses][:2] == [second, first]
    assert store.get(draft_id).version == 2 and store.get(draft_id).note == f"moved {first} down"
    p = prefix(at, store)
    at.button(key=f"{p}rm0").click().run()
    ok(at)
    assert second not in [c.id for c in spec(at, store).clauses]
    p = prefix(at, store)
    at.selectbox(key=f"{p}add_pick").set_value("victim-support").run()
    at.button(key=f"{p}add").click().run()
    ok(at)
    assert [c.id for c in spec(at, store).clauses][-1] == "victim-support"
    assert [h.version for h in store.history(draft_id)] == [1, 2, 3, 4]
    assert store.get(draft_id, 1).payload != store.get(draft_id, 4).payload  # nothing overwritten
    assert "Apoyo" in html_text(at) or "víctima" in html_text(at)


def test_parameter_validation_messages_come_from_the_library(store: Store) -> None:
    at = new_bill()
    draft_id = at.query_params["draft"]
    p = prefix(at, store)
    # prison term with its minimum above its maximum: the library's message, nothing saved
    at.number_input(key=f"{p}penalty_possession.min").set_value(9)
    at.number_input(key=f"{p}penalty_possession.max").set_value(3).run()
    ok(at)
    messages = [e.value.replace("\\", "") for e in at.error]
    assert any("prison minimum 9 is more than the maximum 3" in m for m in messages), messages
    assert store.get(draft_id).version == 1
    # an age out of range
    at.number_input(key=f"{p}age_child").set_value(40).run()
    messages = [e.value.replace("\\", "") for e in at.error]
    assert any("40 is out of range" in m for m in messages), messages
    # an empty authority
    at.text_input(key=f"{p}authority_police").input("   ").run()
    messages = [e.value.replace("\\", "") for e in at.error]
    assert any("must not be empty" in m for m in messages), messages
    assert store.get(draft_id).version == 1
    # a valid value is saved at once, and the error for it goes away
    at.number_input(key=f"{p}penalty_possession.max").set_value(12).run()
    ok(at)
    saved = spec(at, store)
    assert dict(saved.parameters["penalty_possession"]) == {"min": 9, "max": 12, "unit": "years"}
    assert store.get(draft_id).note == "parameter penalty_possession"
    assert not any("prison minimum" in e.value for e in at.error)
    assert "de 9 a 12 años" in html_text(at)
    # back to the jurisdiction's value
    p = prefix(at, store)
    at.button(key=f"{p}reset_penalty_possession").click().run()
    ok(at)
    assert "penalty_possession" not in spec(at, store).parameters


def test_fine_and_boolean_parameters(store: Store) -> None:
    at = new_bill()
    p = prefix(at, store)
    at.number_input(key=f"{p}fine_possession.max").set_value(900).run()
    ok(at)
    assert dict(spec(at, store).parameters["fine_possession"])["max"] == 900
    p = prefix(at, store)
    at.toggle(key=f"{p}include_virtual").set_value(False).run()
    ok(at)
    assert spec(at, store).parameters["include_virtual"] is False


def test_bill_settings(store: Store) -> None:
    at = new_bill("do")
    p = prefix(at, store)
    at.text_input(key=f"{p}title").input("Ley de prueba <b>sin</b> etiquetas").run()
    ok(at)
    assert spec(at, store).title == "Ley de prueba <b>sin</b> etiquetas"
    assert "Ley de prueba &lt;b&gt;sin&lt;/b&gt; etiquetas" in html_text(at)  # escaped in the preview
    p = prefix(at, store)
    at.text_input(key=f"{p}date").input("1/2/2025").run()
    assert any("YYYY-MM-DD" in e.value.replace("\\", "") for e in at.error)
    p = prefix(at, store)
    at.selectbox(key=f"{p}jur").set_value("commonwealth").run()
    ok(at)
    assert spec(at, store).jurisdiction == "commonwealth"
    assert "Possession of child sexual abuse material" in html_text(at)


def test_url_and_versions_panel(store: Store) -> None:
    at = new_bill()
    draft_id = at.query_params["draft"]
    p = prefix(at, store)
    at.button(key=f"{p}down0").click().run()
    again = AppTest.from_file(APP, default_timeout=90)
    again.query_params["draft"] = draft_id
    again.run().switch_page(PAGE)
    again.query_params["draft"] = draft_id
    again.run()
    ok(again)
    assert again.session_state["open_bill"] == draft_id
    assert "Versions of this draft (2)" in [e.label for e in again.expander]
    again.selectbox(key="view_version_bill").set_value(1).run()
    again.button(key="restore_bill").click().run()
    ok(again)
    assert store.get(draft_id).version == 3
    assert store.get(draft_id).payload == store.get(draft_id, 1).payload


def test_the_saved_spec_makes_a_word_file(store: Store) -> None:
    at = new_bill("do")
    result = assemble(spec(at, store), load_library())
    data = docx_bytes(result.document, profiles.get(result.document.meta.profile))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Posesión de material de abuso sexual infantil" in text
