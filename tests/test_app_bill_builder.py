"""AppTest: the Bill builder — clauses added/removed/reordered, typed parameters validated by the
library, every change saved as a new version, preview and downloads."""

from __future__ import annotations

import io

import docx
import pytest
from streamlit.testing.v1 import AppTest

from drafting.bills.assemble import assemble
from drafting.bills.spec import spec_from_toml
from drafting.export.docx import docx_bytes
from drafting.library.library import load_library
from drafting.parse import profiles
from drafting.library.params import ParameterError
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
    """The open bill's form keys (they change only when the bill changed other than through the form)."""
    draft_id = at.query_params["draft"]
    generation, _ = at.session_state["bill_forms"][draft_id]
    return f"b:{draft_id}:{generation}:"


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
    assert {"Download DOCX", "Download XML", "Download HTML"} <= {d.label for d in at.download_button}
    assert len(lib.clauses) > len(chosen)


def test_reorder_remove_add_each_save_a_version(store: Store) -> None:
    at = new_bill()
    draft_id = at.query_params["draft"]
    first, second = [c.id for c in spec(at, store).clauses][:2]
    title = load_library().clauses[first].title["es"]
    assert at.button(key="clause_down_0").label == f"Move “{title}” down"  # says what it does to which clause
    at.button(key="clause_down_0").click().run()
    ok(at)
    assert [c.id for c in spec(at, store).clauses][:2] == [second, first]
    assert store.get(draft_id).version == 2 and store.get(draft_id).note == f"moved {title} down"
    assert at.button(key="clause_remove_0").label.startswith("Remove “")
    at.button(key="clause_remove_0").click().run()
    ok(at)
    assert second not in [c.id for c in spec(at, store).clauses]
    p = prefix(at, store)
    at.selectbox(key=f"{p}add_pick").set_value("victim-support").run()
    at.button(key=f"{p}add").click().run()
    ok(at)
    assert [c.id for c in spec(at, store).clauses][-1] == "victim-support"
    assert at.selectbox(key=f"{prefix(at, store)}add_pick").value is None  # ready for the next one
    assert [h.version for h in store.history(draft_id)] == [1, 2, 3, 4]
    assert store.get(draft_id, 1).payload != store.get(draft_id, 4).payload  # nothing overwritten
    assert "Apoyo" in html_text(at) or "víctima" in html_text(at)


def test_parameter_validation_messages_come_from_the_library(store: Store) -> None:
    at = new_bill()
    draft_id = at.query_params["draft"]
    p = prefix(at, store)
    # prison term with its minimum above its maximum: the library's plain sentence, nothing saved
    at.number_input(key=f"{p}penalty_possession.min").set_value(9)
    at.number_input(key=f"{p}penalty_possession.max").set_value(7).run()
    ok(at)
    messages = [e.value.replace("\\", "") for e in at.error]
    problem = "The minimum prison term (9 years) is longer than the maximum (7 years)."
    assert problem in messages, messages
    with pytest.raises(ParameterError) as info:  # the same words from the library itself (and so the CLI)
        load_library().parameters["penalty_possession"].validate({"min": 9, "max": 7, "unit": "years"})
    assert info.value.problem == problem
    assert store.get(draft_id).version == 1
    # an age out of range
    at.number_input(key=f"{p}age_child").set_value(40).run()
    messages = [e.value.replace("\\", "") for e in at.error]
    assert "An age of 40 is not allowed here: the oldest allowed is 30." in messages, messages
    # an empty authority
    at.text_input(key=f"{p}authority_police").input("   ").run()
    messages = [e.value.replace("\\", "") for e in at.error]
    assert "This must not be empty." in messages, messages
    assert store.get(draft_id).version == 1
    # a valid value is saved at once, and the error for it goes away
    at.number_input(key=f"{p}penalty_possession.max").set_value(12).run()
    ok(at)
    saved = spec(at, store)
    assert dict(saved.parameters["penalty_possession"]) == {"min": 9, "max": 12, "unit": "years"}
    assert store.get(draft_id).note == "Prison term for possession changed"
    assert problem not in [e.value.replace("\\", "") for e in at.error]
    assert "de nueve (9) a doce (12) años" in html_text(at)  # Dominican style: words and figures
    # back to the jurisdiction's value: the form shows the preset's value again
    p = prefix(at, store)
    at.button(key=f"{p}reset_penalty_possession").click().run()
    ok(at)
    assert "penalty_possession" not in spec(at, store).parameters
    assert at.number_input(key=f"{prefix(at, store)}penalty_possession.max").value == 5


def test_parameter_forms_speak_the_drafter_s_language(store: Store) -> None:
    at = new_bill()
    p = prefix(at, store)
    lib = load_library()
    labels = {w.label for w in list(at.number_input) + list(at.selectbox) + list(at.text_input) + list(at.toggle)}
    assert "Prison term for possession: minimum" in labels and "Prison term for possession: counted in" in labels
    assert "Time for a service provider to report (hours)" in labels
    assert "Means of contact that grooming covers" in labels
    assert not any(name in labels for name in lib.parameters)  # no internal names
    assert not any(label.replace("_", " ") in labels for label in ("penalty possession", "fine isp report"))
    unit = at.selectbox(key=f"{p}fine_possession.unit")
    assert unit.format_func(unit.value) == "minimum monthly wages"  # units spelled out
    grooming = at.selectbox(key=f"{p}grooming_means")
    assert grooming.format_func("ict-only") == "Only information and communication technology"
    # grouped by clause: one expander per clause that takes parameters, titled by the clause
    groups = [e.label for e in at.expander if "setting" in e.label]
    assert any(g.startswith("Posesión de material de abuso sexual infantil — ") for g in groups), groups


def test_a_value_typed_in_one_field_survives_a_save_from_another(store: Store) -> None:
    at = new_bill()
    p = prefix(at, store)
    # the drafter types a number but, before it is committed, commits the short title (blur saves it)
    at.text_input(key=f"{p}number").set_value("7-25")
    at.text_input(key=f"{p}short_title").input("Ley de prueba").run()
    ok(at)
    assert spec(at, store).short_title == "Ley de prueba"
    assert prefix(at, store) == p  # the form kept its keys: nothing the drafter typed was reset
    assert at.text_input(key=f"{p}number").value == "7-25"
    at.text_input(key=f"{p}number").input("7-25").run()
    assert spec(at, store).number == "7-25"


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
    assert spec(at, store).jurisdiction == "commonwealth"
    # the generic Commonwealth formula names the country: until the drafter gives it, one line says which value
    assert any("country_name" in e.value.replace("\\", "") for e in at.error)
    assert prefix(at, store) != p  # the jurisdiction changed the values: the form shows the new ones
    p = prefix(at, store)
    at.text_input(key=f"{p}country_name").input("Eastmere").run()
    ok(at)
    assert spec(at, store).parameters["country_name"] == "Eastmere"
    assert "Possession of child sexual abuse material" in html_text(at)
    assert "ENACTED by the Parliament of Eastmere as follows:" in html_text(at)
    assert at.number_input(key=f"{prefix(at, store)}penalty_possession.max").value == 10


def test_url_and_versions_panel(store: Store) -> None:
    at = new_bill()
    draft_id = at.query_params["draft"]
    p = prefix(at, store)
    at.button(key="clause_down_0").click().run()
    again = AppTest.from_file(APP, default_timeout=90)
    again.query_params["draft"] = draft_id
    again.run().switch_page(PAGE)
    again.query_params["draft"] = draft_id
    again.run()
    ok(again)
    assert again.session_state["open_bill"] == draft_id
    assert "Versions of this draft (2)" in [e.label for e in again.expander]
    assert again.selectbox(key=f"view_version_bill_{draft_id}_2").value == 2  # opens on the latest version
    again.selectbox(key=f"view_version_bill_{draft_id}_2").set_value(1).run()
    again.button(key="restore_bill").click().run()
    ok(again)
    assert store.get(draft_id).version == 3
    assert store.get(draft_id).payload == store.get(draft_id, 1).payload


def test_the_bill_comes_back_after_a_reload_on_another_page(store: Store) -> None:
    at = new_bill()
    draft_id = at.query_params["draft"]
    # a reload on the Statutes page: a new session whose URL names a statute, not the bill
    statute_id = store.list_drafts("statute")[0].id
    again = AppTest.from_file(APP, default_timeout=90)
    again.query_params["draft"] = statute_id
    again.run()
    again.switch_page(PAGE).run()
    ok(again)
    assert again.query_params["draft"] == draft_id  # the workspace remembered the bill last used
    assert "dr-bill" in html_text(again)


def test_a_new_bill_starts_from_the_sidebar_jurisdiction(store: Store) -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page(PAGE).run()
    at.button(key="bill_new").click().run()
    ok(at)
    assert spec(at, store).jurisdiction == "do"  # the default: the Dominican Republic, in Spanish
    assert "EL CONGRESO NACIONAL" in html_text(at)
    other = new_bill("commonwealth")
    assert spec(other, store).jurisdiction == "commonwealth"


def test_the_saved_spec_makes_a_word_file(store: Store) -> None:
    at = new_bill("do")
    result = assemble(spec(at, store), load_library())
    data = docx_bytes(result.document, profiles.get(result.document.meta.profile))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Posesión de material de abuso sexual infantil" in text


def test_gap_bill_of_a_country_without_a_preset_says_so_beside_the_preview(store: Store) -> None:
    """A Colombian law reviewed and amended in one click: the generic Latin-American preset, never the
    sidebar's Dominican one, and the warnings that say so and name each value to supply."""
    from drafting import akn
    from drafting.importers.document import import_document

    from .corpus import corpus_file

    doc = import_document(corpus_file("co/LEY-1273-2009.md")).document
    statute_id, _ = store.save(None, "statute", "Ley 1273 de 2009", akn.to_xml(doc).decode("utf-8"), "imported",
                               {"filename": "LEY-1273-2009.md"})
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.query_params.update({"jurisdiction": "do"})
    at = at.switch_page("drafting/app/pages/review.py").run()
    at.selectbox(key="rv_statute").set_value(statute_id).run()
    at.button(key="rv_gapbill").click().run()
    ok(at)
    assert at.title[0].value == "Bill builder"
    bill = spec(at, store)
    assert bill.jurisdiction == "latam" and bill.amending
    shown = " ".join(m.value.replace("\\", "") for m in at.markdown)
    assert "Colombia (co), has no preset of its own: the generic preset 'latam'" in shown
    assert "authority_report (Agency that receives reports) is the generic preset's" in shown
    page = html_text(at)
    assert "Ley que modifica la Ley 1273 de 2009" in page and "Santo Domingo" not in page
