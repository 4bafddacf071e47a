"""Bill builder: a tailored bill from model clauses — clauses, typed parameters, live preview, downloads.

The draft is a BillSpec kept as TOML in the workspace; every edit (a clause added, moved or
removed, a parameter changed) is saved at once as a new version. Widget keys carry the draft
version, so after each save the form is rebuilt from the saved spec.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import streamlit as st

from drafting import akn
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
from drafting.bills.spec import REVIEW, BillSpec, bill_language
from drafting.errors import DraftingError
from drafting.export.docx import docx_bytes
from drafting.export.html import document_html
from drafting.library.library import Library
from drafting.library.params import LibraryError
from drafting.parse import profiles
from drafting.store import Version

ERRORS = "bill_param_errors"
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


# --- callbacks: run before the rerun, so each change is saved before anything is drawn ---------------

def _apply(change, note: str) -> None:  # change: Callable[[BillSpec], BillSpec]
    version = state.open_version(KIND)
    if version is None:
        return
    try:
        save_spec(change(spec_of(version)), note)
    except DraftingError as exc:
        st.session_state["bill_error"] = str(exc)


def _on_param(name: str, prefix: str) -> None:
    lib = cache.library()
    param = lib.parameters[name]
    try:
        value = read_widget(param, prefix)
        version = state.open_version(KIND)
        spec = set_parameter(spec_of(version), lib, name, value)
        save_spec(spec, f"parameter {name}")
        st.session_state.setdefault(ERRORS, {}).pop(name, None)
    except LibraryError as exc:
        st.session_state.setdefault(ERRORS, {})[name] = exc.message
    except DraftingError as exc:
        st.session_state.setdefault(ERRORS, {})[name] = str(exc)


# --- the form ----------------------------------------------------------------------------------------

def bill_parameters(spec: BillSpec, lib: Library, assembly: Assembly | None) -> dict[str, tuple[Any, str]]:
    """Every parameter the bill's clauses take: its value now and where it comes from."""
    lang = bill_language(spec, lib)
    ids = [k.split(":", 1)[1] for k in (assembly.provenance if assembly else {}) if k.startswith("clause:")]
    ids = ids or [c.id for c in spec.clauses]
    out: dict[str, tuple[Any, str]] = {}
    overrides = {}
    for name, raw in spec.parameters.items():
        try:
            overrides[name] = lib.parameters[name].validate(raw) if name in lib.parameters else raw
        except LibraryError:
            continue
    preset = lib.jurisdiction(spec.jurisdiction).values
    for cid in ids:
        if cid not in lib.clauses:
            continue
        values = lib.resolve_params(cid, spec.jurisdiction, {k: v for k, v in overrides.items() if k in lib.clauses[cid].parameters}, lang=lang)
        for name, value in values.items():
            origin = "set for this bill" if name in overrides else "jurisdiction preset" if name in preset else "model-law default"
            out.setdefault(name, (value, origin))
    return out


def clause_list(spec: BillSpec, lib: Library, prefix: str, lang: str) -> None:
    for i, clause in enumerate(spec.clauses):
        c0, c1, c2, c3 = st.columns([8, 1, 1, 1], vertical_alignment="center")
        known = lib.clauses.get(clause.id)
        title = known.title.get(lang, clause.id) if known else f"{clause.id} (not in the library)"
        c0.markdown(f"{i + 1}\\. {render.md_escape(title)}  \n:gray[{render.md_escape(clause.id)}]")
        # Icons from the bundled Material font: arrow characters are missing from many system fonts.
        c1.button("", icon=":material/arrow_upward:", key=f"{prefix}up{i}", disabled=i == 0, help="Move up",
                  on_click=_apply, args=(lambda s, i=i: move_clause(s, i, -1), f"moved {clause.id} up"))
        c2.button("", icon=":material/arrow_downward:", key=f"{prefix}down{i}", disabled=i == len(spec.clauses) - 1, help="Move down",
                  on_click=_apply, args=(lambda s, i=i: move_clause(s, i, 1), f"moved {clause.id} down"))
        c3.button("", icon=":material/close:", key=f"{prefix}rm{i}", disabled=len(spec.clauses) == 1, help="Remove",
                  on_click=_apply, args=(lambda s, i=i: remove_clause(s, i), f"removed {clause.id}"))
    missing = [cid for cid in lib.clauses if cid not in {c.id for c in spec.clauses}]
    if missing:
        c0, c1 = st.columns([8, 3], vertical_alignment="bottom")
        choice = c0.selectbox("Add a clause", missing, key=f"{prefix}add_pick", index=None, placeholder="Choose a clause",
                              format_func=lambda cid: f"{lib.clauses[cid].title.get(lang, cid)} ({cid})")
        c1.button("Add", key=f"{prefix}add", disabled=choice is None, width="stretch",
                  on_click=_apply, args=(lambda s: add_clause(s, choice), f"added {choice}"))


def bill_settings(spec: BillSpec, lib: Library, prefix: str) -> None:
    codes = sorted(lib.jurisdictions)

    def j_label(code: str) -> str:
        j = lib.jurisdictions[code]
        return f"{j.name.get(j.language) or code} ({code})"

    def on_jurisdiction() -> None:
        _apply(lambda s: replace(s, jurisdiction=st.session_state[f"{prefix}jur"]), "jurisdiction changed")

    def on_text(field: str) -> None:
        value = str(st.session_state[f"{prefix}{field}"]).strip()
        if field == "date" and value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            st.session_state["bill_error"] = "date: write it as YYYY-MM-DD"
            return
        _apply(lambda s: replace(s, **{field: value}), f"{field.replace('_', ' ')} changed")

    c1, c2 = st.columns([3, 2])
    c1.selectbox("Jurisdiction", codes, index=codes.index(spec.jurisdiction) if spec.jurisdiction in codes else 0,
                 format_func=j_label, key=f"{prefix}jur", on_change=on_jurisdiction,
                 help="Whose parameter presets, drafting profile and bill furniture the bill takes.")
    langs = [""] + list(lib.languages)
    c2.selectbox("Language", langs, index=langs.index(spec.language) if spec.language in langs else 0,
                 format_func=lambda x: LANGUAGE_NAMES.get(x, x) if x else "Default", key=f"{prefix}language",
                 help="Default: the jurisdiction's language.",
                 on_change=on_text, args=("language",))
    st.text_input("Title", spec.title, key=f"{prefix}title", on_change=on_text, args=("title",), max_chars=400,
                  placeholder="the jurisdiction's standard title")
    c1, c2, c3 = st.columns([1.6, 1, 1.3])
    c1.text_input("Short title", spec.short_title, key=f"{prefix}short_title", on_change=on_text, args=("short_title",), max_chars=200)
    c2.text_input("Number", spec.number, key=f"{prefix}number", on_change=on_text, args=("number",), max_chars=40)
    c3.text_input("Date", spec.date, key=f"{prefix}date", on_change=on_text, args=("date",), max_chars=10,
                  placeholder="YYYY-MM-DD")


def amending_settings(spec: BillSpec, lib: Library, prefix: str) -> None:
    """The settings of an amending bill: which statute, which jurisdiction, which gaps."""
    statute = amended_statute(spec)
    doc = cache.document(statute.payload)
    st.markdown(f"Amends **{render.md_escape(statute.name)}**, version {statute.version} "
                f":gray[({render.md_escape(statute.draft_id)})]")
    codes = [c for c, j in lib.jurisdictions.items() if j.language == doc.meta.language] or sorted(lib.jurisdictions)
    sets = [sid for sid, cs in lib.criteria_sets.items() if cs.core]
    c1, c2 = st.columns([3, 2])
    c1.selectbox("Jurisdiction", codes, index=codes.index(spec.jurisdiction) if spec.jurisdiction in codes else 0,
                 format_func=lambda c: f"{lib.jurisdictions[c].name.get(lib.jurisdictions[c].language) or c} ({c})",
                 key=f"{prefix}jur", on_change=lambda: _apply(lambda s: replace(s, jurisdiction=st.session_state[f"{prefix}jur"]),
                                                             "jurisdiction changed"))
    c2.selectbox("Criteria of", sets, index=sets.index(spec.edition) if spec.edition in sets else 0, key=f"{prefix}edition",
                 format_func=lambda x: drafts.edition_label(lib, x),
                 on_change=lambda: _apply(lambda s: replace(s, edition=st.session_state[f"{prefix}edition"]), "edition changed"))
    from_review = st.toggle("Fill every gap the review finds", value=spec.gaps_from_review, key=f"{prefix}from_review",
                            on_change=lambda: _apply(lambda s: replace(s, gaps=(REVIEW,) if st.session_state[f"{prefix}from_review"]
                                                                       else tuple(lib.criteria_set(s.edition).criteria)),
                                                     "gaps changed"))
    if not from_review:
        crits = list(lib.criteria_set(spec.edition).criteria)
        st.multiselect("Criteria to fill", crits, default=[g for g in spec.gaps if g in crits], key=f"{prefix}gaps",
                       format_func=lambda c: lib.criteria[c].title.get("en", c),
                       on_change=lambda: _apply(lambda s: replace(s, gaps=tuple(st.session_state[f"{prefix}gaps"]) or (REVIEW,)),
                                                "gaps changed"))

    def on_text(field: str) -> None:
        value = str(st.session_state[f"{prefix}{field}"]).strip()
        _apply(lambda s: replace(s, **{field: value}), f"{field.replace('_', ' ')} changed")

    st.text_input("Title", spec.title, key=f"{prefix}title", on_change=on_text, args=("title",), max_chars=400)
    st.text_input("Short title", spec.short_title, key=f"{prefix}short_title", on_change=on_text, args=("short_title",),
                  max_chars=200)


# --- the preview ----------------------------------------------------------------------------------

def preview(version: Version, spec: BillSpec, assembly: Assembly) -> None:
    doc = assembly.document
    profile_id = doc.meta.profile
    blocks = cache.layout(doc, profile_id, version.sha256)
    kind = "amending-bill" if spec.amending else "bill"
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", f"{kind}-{spec.jurisdiction}-v{version.version}")
    profile = profiles.get(profile_id)
    c1, c2, c3 = st.columns(3)
    c1.download_button("Word (DOCX)", lambda: docx_bytes(doc, profile, properties=dict(assembly.provenance)),
                       icon=":material/download:", file_name=f"{stem}.docx", key="bill_dl_docx", type="primary", width="stretch",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    c2.download_button("Akoma Ntoso", lambda: akn.to_xml(doc), icon=":material/download:", file_name=f"{stem}.xml",
                       mime="application/xml", key="bill_dl_akn", width="stretch")
    c3.download_button("Web page", lambda: document_html(doc, profile).encode("utf-8"), icon=":material/download:", file_name=f"{stem}.html",
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
    st.caption(f"Version {version.version} · {drafts.when(version.created)} · {render.md_escape(version.note)}")
    st.code(version.payload, language="toml")


# --- the page -------------------------------------------------------------------------------------

def pick_bill(open_id: str | None) -> None:
    listed = state.store().list_drafts(KIND)
    ids = [d.id for d in listed]
    names = {d.id: f"{d.name}  ·  v{d.latest}  ·  {d.id}" for d in listed}
    c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
    chosen = c1.selectbox("Bills in the workspace", ids, index=ids.index(open_id) if open_id in ids else None,
                          format_func=names.get, placeholder="Choose a bill or start a new one", key=f"bill_pick_{open_id}")
    if chosen and chosen != open_id:
        state.set_open(KIND, chosen)
        st.rerun()
    if c2.button("New bill", key="bill_new", width="stretch",
                 help="Starts from the clauses that meet the latest edition's criteria, for the sidebar's jurisdiction."):
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
        st.info("Choose a bill above, or start a new one.")
        return
    version = state.store().get(open_id)
    try:
        spec = spec_of(version)
    except DraftingError as exc:
        render.error(exc)
        drafts.versions_panel(KIND, open_id, view_version)
        return
    prefix = f"b:{open_id}:{version.version}:"
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
        params = bill_parameters(spec, lib, assembly) if spec.jurisdiction in lib.jurisdictions else {}
        with st.container(border=True):
            st.markdown(f"**Parameters** ({len(params)})")
            for name, (value, origin) in sorted(params.items()):
                # A stable key keeps the expander open across the saves its own widgets cause.
                with st.expander(f"{name.replace('_', ' ')} — {render.md_escape(lib.parameters[name].unparse(value) or '(empty)')}",
                                 expanded=name in st.session_state.get(ERRORS, {}), key=f"bx:{open_id}:{name}"):
                    parameter_widget(lib.parameters[name], value, origin, prefix, lang, _on_param,
                                     st.session_state.get(ERRORS, {}).get(name))
                    if name in spec.parameters:
                        st.button("Back to the jurisdiction's value", key=f"{prefix}reset_{name}",
                                  on_click=_apply, args=(lambda s, n=name: clear_parameter(s, n), f"parameter {name} reset"))
    preview_column(show, version, spec, assembly, problem)
    drafts.versions_panel(KIND, open_id, view_version)


if __name__ == "__main__":
    render_page()
