"""Bill builder: a tailored bill from model clauses — clauses, typed parameters, live preview, downloads.

The draft is a BillSpec kept as TOML in the workspace; every edit (a clause added, moved or
removed, a parameter changed) is saved at once as a new version. The form's widget keys stay the
same while this session's own edits are saved — so a value half-typed in one field survives the
save another field causes — and change only when the bill changed some other way (a restored
version, a reset, another jurisdiction, another tab), so the form then shows the saved values.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import streamlit as st

from drafting import akn, naming
from drafting.app import cache, drafts, render, state
from drafting.app.bills import (
    KIND,
    add_clause,
    amended_statute,
    clear_parameter,
    gap_assembly,
    move_clause,
    new_bill,
    remove_clause,
    save_spec,
    set_parameter,
    spec_of,
)
from drafting.app.param_form import parameter_widget, read_widget
from drafting.bills.assembly import Assembly
from drafting.bills.furniture import required_values
from drafting.bills.spec import REVIEW, BillSpec, bill_language
from drafting.errors import DraftingError
from drafting.export.docx import docx_bytes
from drafting.export.html import document_html
from drafting.library.library import Library
from drafting.library.params import ParameterError
from drafting.parse import profiles
from drafting.store import Version

ERRORS = "bill_param_errors"
FORMS = "bill_forms"  # draft id → (generation of the form's keys, the version the form shows)
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


# --- the form's keys ------------------------------------------------------------------------------

def form_prefix(draft_id: str, latest: int) -> str:
    """The prefix of every widget key of the open bill's form (see the module docstring)."""
    forms = st.session_state.setdefault(FORMS, {})
    generation, shown = forms.get(draft_id, (0, latest))
    if shown != latest:
        generation += 1
    forms[draft_id] = (generation, latest)
    return f"b:{draft_id}:{generation}:"


def _form_shows(draft_id: str, version: int) -> None:
    """This session's widgets already show `version` (their own edit): keep the keys."""
    generation, _ = st.session_state.setdefault(FORMS, {}).get(draft_id, (0, version))
    st.session_state[FORMS][draft_id] = (generation, version)


# --- callbacks: run before the rerun, so each change is saved before anything is drawn ---------------

def _apply(change, note: str, *, keep_form: bool = True) -> None:  # change: Callable[[BillSpec], BillSpec]
    """Save a change to the open bill. `keep_form=False` when the change alters values the form
    shows (jurisdiction, language, a reset): its widgets are then rebuilt from the saved bill."""
    version = state.open_version(KIND)
    if version is None:
        return
    try:
        draft_id, number = save_spec(change(spec_of(version)), note)
    except DraftingError as exc:
        st.session_state["bill_error"] = str(exc)
        return
    if keep_form:
        _form_shows(draft_id, number)


def _on_param(name: str, prefix: str) -> None:
    lib = cache.library()
    param = lib.parameters[name]
    try:
        value = read_widget(param, prefix)
        version = state.open_version(KIND)
        spec = set_parameter(spec_of(version), lib, name, value)
        draft_id, number = save_spec(spec, f"{param.title(state.ui_language())} changed")
        _form_shows(draft_id, number)
        st.session_state.setdefault(ERRORS, {}).pop(name, None)
    except ParameterError as exc:  # the library's own sentence, shown under the field it is about
        st.session_state.setdefault(ERRORS, {})[name] = exc.problem
    except DraftingError as exc:
        st.session_state.setdefault(ERRORS, {})[name] = str(exc)


# --- the form ----------------------------------------------------------------------------------------

def bill_clause_ids(spec: BillSpec, lib: Library, assembly: Assembly | None) -> list[str]:
    """The clauses of the bill as assembled (with what they require and the final provisions), in order."""
    ids = [k.split(":", 1)[1] for k in (assembly.provenance if assembly else {}) if k.startswith("clause:")]
    return [cid for cid in (ids or [c.id for c in spec.clauses]) if cid in lib.clauses]


def bill_parameters(spec: BillSpec, lib: Library, assembly: Assembly | None) -> dict[str, tuple[Any, str]]:
    """Every parameter the bill's clauses take: its value now and where it comes from ("set",
    "preset" or "default")."""
    lang = bill_language(spec, lib)
    out: dict[str, tuple[Any, str]] = {}
    overrides = {}
    for name, raw in spec.parameters.items():
        try:
            overrides[name] = lib.parameters[name].validate(raw) if name in lib.parameters else raw
        except DraftingError:
            continue
    for cid in bill_clause_ids(spec, lib, assembly):
        values = lib.resolve_params(cid, spec.jurisdiction, {k: v for k, v in overrides.items() if k in lib.clauses[cid].parameters}, lang=lang)
        for name, value in values.items():
            out.setdefault(name, (value, lib.value_origin(name, spec.jurisdiction, lang, overrides)))
    return out


def clause_list(spec: BillSpec, lib: Library, prefix: str, lang: str) -> None:
    for i, clause in enumerate(spec.clauses):
        c0, c1, c2, c3 = st.columns([8, 1, 1, 1], vertical_alignment="center")
        known = lib.clauses.get(clause.id)
        title = known.title.get(lang, clause.id) if known else f"{clause.id} (not in the library)"
        c0.markdown(f"{i + 1}\\. {render.md_escape(title)}")
        # The label is the accessible name (what the button does to which clause); the eye sees an
        # icon drawn by the app's stylesheet (render.ICON_BUTTONS), the tooltip says it in words.
        c1.button(f"Move “{title}” up", key=f"clause_up_{i}", disabled=i == 0, help="Move this clause up",
                  on_click=_apply, args=(lambda s, i=i: move_clause(s, i, -1), f"moved {title} up"))
        c2.button(f"Move “{title}” down", key=f"clause_down_{i}", disabled=i == len(spec.clauses) - 1,
                  help="Move this clause down",
                  on_click=_apply, args=(lambda s, i=i: move_clause(s, i, 1), f"moved {title} down"))
        c3.button(f"Remove “{title}” from the bill", key=f"clause_remove_{i}", disabled=len(spec.clauses) == 1,
                  help="Remove this clause from the bill",
                  on_click=_apply, args=(lambda s, i=i: remove_clause(s, i), f"removed {title}"))
    missing = [cid for cid in lib.clauses if cid not in {c.id for c in spec.clauses}]
    if missing:
        c0, c1 = st.columns([7, 3], vertical_alignment="bottom")
        pick = f"{prefix}add_pick"
        choice = c0.selectbox("Add a clause to the bill", missing, key=pick, index=None, placeholder="Choose a clause",
                              format_func=lambda cid: lib.clauses[cid].title.get(lang, cid))

        def add() -> None:
            picked = st.session_state.get(pick)
            title = lib.clauses[picked].title.get(lang, picked) if picked in lib.clauses else picked
            _apply(lambda s: add_clause(s, picked), f"added {title}")
            st.session_state[pick] = None

        c1.button("Add clause", key=f"{prefix}add", disabled=choice is None, width="stretch", on_click=add)


def bill_settings(spec: BillSpec, lib: Library, prefix: str) -> None:
    codes = sorted(lib.jurisdictions)

    def on_jurisdiction() -> None:
        _apply(lambda s: replace(s, jurisdiction=st.session_state[f"{prefix}jur"]), "jurisdiction changed", keep_form=False)

    def on_text(field: str, words: str) -> None:
        value = str(st.session_state[f"{prefix}{field}"]).strip()
        if field == "date" and value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            st.session_state["bill_error"] = "The date of the bill must be written as YYYY-MM-DD, e.g. 2025-06-01."
            return
        _apply(lambda s: replace(s, **{field: value}), f"{words} changed", keep_form=field != "language")

    for field, value in (("jur", spec.jurisdiction if spec.jurisdiction in codes else codes[0]),
                         ("language", spec.language if spec.language in lib.languages else ""),
                         ("title", spec.title), ("short_title", spec.short_title), ("number", spec.number),
                         ("date", spec.date)):
        if f"{prefix}{field}" not in st.session_state:
            st.session_state[f"{prefix}{field}"] = value
    c1, c2 = st.columns(2)
    c1.selectbox("Jurisdiction of the bill", codes, format_func=lambda c: drafts.jurisdiction_name(lib, c),
                 key=f"{prefix}jur", on_change=on_jurisdiction,
                 help="Whose parameter presets, drafting profile and bill furniture the bill takes.")
    langs = [""] + list(lib.languages)
    default_lang = lib.jurisdictions[spec.jurisdiction].language if spec.jurisdiction in lib.jurisdictions else ""
    c2.selectbox("Language of the bill", langs,
                 format_func=lambda x: LANGUAGE_NAMES.get(x, x) if x else f"{LANGUAGE_NAMES.get(default_lang, default_lang)} (default)",
                 key=f"{prefix}language", on_change=on_text, args=("language", "language"))
    st.text_input("Title of the bill", key=f"{prefix}title", on_change=on_text, args=("title", "title"), max_chars=400,
                  placeholder="the jurisdiction's standard title")
    st.text_input("Short title of the bill", key=f"{prefix}short_title", on_change=on_text,
                  args=("short_title", "short title"), max_chars=200, placeholder="optional")
    c1, c2 = st.columns(2)
    c1.text_input("Number of the bill", key=f"{prefix}number", on_change=on_text, args=("number", "number"), max_chars=40,
                  placeholder="optional")
    c2.text_input("Date of the bill", key=f"{prefix}date", on_change=on_text, args=("date", "date"), max_chars=10,
                  placeholder="YYYY-MM-DD")
    # Values the jurisdiction's formulas name ("ENACTED by the Parliament of {country_name} …"): the
    # bill cannot be assembled until they are given, so they sit with the bill's own settings.
    jurisdiction = lib.jurisdictions.get(spec.jurisdiction)
    errors = st.session_state.get(ERRORS, {})
    for name in required_values(jurisdiction.furniture) if jurisdiction else ():
        if name in lib.parameters:
            origin = "set" if name in spec.parameters else "default"
            parameter_widget(lib, lib.parameters[name], spec.parameters.get(name, ""), origin, prefix,
                             state.ui_language(), _on_param, errors.get(name))


def parameter_groups(spec: BillSpec, lib: Library, assembly: Assembly | None, prefix: str, open_id: str, lang: str) -> None:
    """The parameters grouped by the clause that uses them (a shared one under its first clause)."""
    params = bill_parameters(spec, lib, assembly) if spec.jurisdiction in lib.jurisdictions else {}
    ui = state.ui_language()
    errors = st.session_state.get(ERRORS, {})
    st.markdown(f"**Parameters** ({len(params)}, by clause)")
    placed: dict[str, str] = {}
    for cid in bill_clause_ids(spec, lib, assembly):
        clause = lib.clauses[cid]
        own = [n for n in clause.parameters if n in params and n not in placed]
        shared = [n for n in clause.parameters if n in placed]
        if not own and not shared:
            continue
        title = clause.title.get(lang) or clause.title.get(ui, cid)
        # A stable key keeps the expander open across the saves its own widgets cause.
        with st.expander(f"{render.md_escape(title)} — {len(own) + len(shared)} "
                         f"{'setting' if len(own) + len(shared) == 1 else 'settings'}",
                         expanded=any(n in errors for n in own), key=f"bx:{open_id}:{cid}"):
            for name in own:
                placed[name] = title
                value, origin = params[name]
                parameter_widget(lib, lib.parameters[name], value, origin, prefix, ui, _on_param, errors.get(name))
                if name in spec.parameters:
                    label = lib.parameters[name].title(ui)
                    st.button(f"Reset “{label}” to the jurisdiction's value", key=f"{prefix}reset_{name}",
                              on_click=_apply, args=(lambda s, n=name: clear_parameter(s, n), f"{label} reset"),
                              kwargs={"keep_form": False})
            for name in shared:
                st.caption(render.md_escape(f"{lib.parameters[name].title(ui)}: "
                                            f"{lib.describe_value(name, params[name][0], ui)} (set under “{placed[name]}”)"))


def amending_settings(spec: BillSpec, lib: Library, prefix: str) -> None:
    """The settings of an amending bill: which statute, which jurisdiction, which gaps."""
    statute = amended_statute(spec)
    doc = cache.document(statute.payload)
    st.markdown(f"Amends **{render.md_escape(naming.short_title(doc.meta.title or statute.name))}**, "
                f"version {statute.version} (saved {render.md_escape(drafts.when(statute.created))})")
    codes = [c for c, j in lib.jurisdictions.items() if j.language == doc.meta.language] or sorted(lib.jurisdictions)
    sets = [sid for sid, cs in lib.criteria_sets.items() if cs.core]
    for field, value in (("jur", spec.jurisdiction if spec.jurisdiction in codes else codes[0]),
                         ("edition", spec.edition if spec.edition in sets else sets[0]),
                         ("from_review", spec.gaps_from_review), ("title", spec.title), ("short_title", spec.short_title)):
        if f"{prefix}{field}" not in st.session_state:
            st.session_state[f"{prefix}{field}"] = value
    c1, c2 = st.columns([3, 2])
    c1.selectbox("Jurisdiction of the bill", codes, format_func=lambda c: drafts.jurisdiction_name(lib, c),
                 key=f"{prefix}jur", on_change=lambda: _apply(lambda s: replace(s, jurisdiction=st.session_state[f"{prefix}jur"]),
                                                             "jurisdiction changed", keep_form=False))
    c2.selectbox("Criteria of", sets, key=f"{prefix}edition", format_func=lambda x: drafts.edition_label(lib, x),
                 on_change=lambda: _apply(lambda s: replace(s, edition=st.session_state[f"{prefix}edition"]), "criteria changed",
                                          keep_form=False))
    from_review = st.toggle("Fill every gap the review finds", key=f"{prefix}from_review",
                            on_change=lambda: _apply(lambda s: replace(s, gaps=(REVIEW,) if st.session_state[f"{prefix}from_review"]
                                                                       else tuple(lib.criteria_set(s.edition).criteria)),
                                                     "gaps changed", keep_form=False))
    if not from_review:
        crits = list(lib.criteria_set(spec.edition).criteria)
        if f"{prefix}gaps" not in st.session_state:
            st.session_state[f"{prefix}gaps"] = [g for g in spec.gaps if g in crits]
        st.multiselect("Criteria to fill", crits, key=f"{prefix}gaps",
                       format_func=lambda c: lib.criteria[c].title.get(state.ui_language(), c),
                       on_change=lambda: _apply(lambda s: replace(s, gaps=tuple(st.session_state[f"{prefix}gaps"]) or (REVIEW,)),
                                                "gaps changed"))

    def on_text(field: str) -> None:
        value = str(st.session_state[f"{prefix}{field}"]).strip()
        _apply(lambda s: replace(s, **{field: value}), f"{field.replace('_', ' ')} changed")

    st.text_input("Title of the bill", key=f"{prefix}title", on_change=on_text, args=("title",), max_chars=400)
    st.text_input("Short title of the bill", key=f"{prefix}short_title", on_change=on_text, args=("short_title",),
                  max_chars=200)


# --- the preview ----------------------------------------------------------------------------------

def preview(version: Version, spec: BillSpec, assembly: Assembly) -> None:
    doc = assembly.document
    profile_id = doc.meta.profile
    blocks = cache.layout(doc, profile_id, version.sha256)
    stem = drafts.file_stem(version)
    profile = profiles.get(profile_id)
    c1, c2, c3 = st.columns(3)
    c1.download_button("Download DOCX", lambda: docx_bytes(doc, profile, properties=dict(assembly.provenance)),
                       help="The bill as a Word document, with real styles.", file_name=naming.file_name(stem, f"v{version.version}", ext="docx"),
                       key="bill_dl_docx", type="primary", width="stretch",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    c2.download_button("Download XML", lambda: akn.to_xml(doc), help="The bill as Akoma Ntoso XML.",
                       file_name=naming.file_name(stem, f"v{version.version}", ext="xml"),
                       mime="application/xml", key="bill_dl_akn", width="stretch")
    c3.download_button("Download HTML", lambda: document_html(doc, profile).encode("utf-8"), help="The bill as a web page.",
                       file_name=naming.file_name(stem, f"v{version.version}", ext="html"),
                       mime="text/html", key="bill_dl_html", width="stretch")
    if assembly.warnings:
        with st.expander(f"Warnings ({len(assembly.warnings)})", expanded=True, icon=":material/warning:"):
            for warning in assembly.warnings:
                st.markdown(f"- {render.md_escape(warning)}")
    toc = [(b.depth, b.toc) for b in blocks if b.toc]
    with st.expander(f"Table of contents ({len(toc)} entries)"):
        render.html(render.toc_html(toc))
    render.html(render.blocks_html(blocks))


def view_version(version: Version) -> None:
    """An earlier version of the bill, as it reads (the same preview as the latest)."""
    st.caption(f"Version {version.version} · {drafts.when(version.created)} · {render.md_escape(version.note)}")
    try:
        spec = spec_of(version)
        assembly = gap_assembly(spec) if spec.amending else cache.assembly(version.payload)
        blocks = cache.layout(assembly.document, assembly.document.meta.profile, version.sha256)
    except DraftingError as exc:
        render.error(exc)
        return
    render.html(render.blocks_html(blocks))


# --- the page -------------------------------------------------------------------------------------

def pick_bill(open_id: str | None) -> None:
    ids, names = drafts.choices(state.store().list_drafts(KIND))
    c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
    chosen = c1.selectbox("Bills in the workspace", ids, index=ids.index(open_id) if open_id in ids else None,
                          format_func=names.get, placeholder="Choose a bill or start a new one", key=drafts.picker_key("bill_pick", open_id, names))
    if chosen and chosen != open_id:
        state.set_open(KIND, chosen)
        st.rerun()
    lib = cache.library()
    code = state.jurisdiction() if state.jurisdiction() in lib.jurisdictions else state.DEFAULT_JURISDICTION
    if c2.button("New bill", key="bill_new", width="stretch",
                 help=f"A new bill for {drafts.jurisdiction_name(lib, code)} (the sidebar's jurisdiction), "
                      "starting from the clauses that meet the latest edition's criteria."):
        new_bill()
        st.rerun()


def preview_column(show, version, spec, assembly, problem) -> None:  # show: a Streamlit column
    with show:
        st.markdown("**Preview**")
        if problem is not None:
            render.error(problem)
        elif assembly is not None:
            preview(version, spec, assembly)


def render_page() -> None:
    st.title("Bill builder", anchor=False)
    try:
        lib = cache.library()
    except DraftingError as exc:
        render.error(exc)
        return
    open_id = state.open_draft_id(KIND)
    pick_bill(open_id)
    if "bill_error" in st.session_state:
        render.error(st.session_state.pop("bill_error"))
    if not open_id:
        st.info("Choose a bill above, or start a new one for the sidebar's jurisdiction.")
        return
    version = state.store().get(open_id)
    try:
        spec = spec_of(version)
    except DraftingError as exc:
        render.error(exc)
        drafts.versions_panel(KIND, open_id, view_version)
        return
    prefix = form_prefix(open_id, version.version)
    lang = bill_language(spec, lib) if spec.jurisdiction in lib.jurisdictions else lib.languages[0]
    assembly, problem = None, None
    try:
        assembly = gap_assembly(spec) if spec.amending else cache.assembly(version.payload)
    except DraftingError as exc:
        problem = exc
    edit, show = st.columns([5, 6], gap="large")
    if spec.amending:
        with edit, st.container(border=True):
            st.markdown("**Gap-filling amendment**")
            try:
                amending_settings(spec, lib, prefix)
            except DraftingError as exc:
                render.error(exc)
        preview_column(show, version, spec, assembly, problem)
        drafts.versions_panel(KIND, open_id, view_version)
        return
    with edit:
        with st.container(border=True):
            st.markdown("**Bill**")
            bill_settings(spec, lib, prefix)
        with st.container(border=True):
            st.markdown(f"**Clauses** ({len(spec.clauses)} chosen; what they require and the final provisions are added)")
            clause_list(spec, lib, prefix, lang)
        with st.container(border=True):
            parameter_groups(spec, lib, assembly, prefix, open_id, lang)
    preview_column(show, version, spec, assembly, problem)
    drafts.versions_panel(KIND, open_id, view_version)


if __name__ == "__main__":
    render_page()
