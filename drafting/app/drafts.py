"""Shared draft furniture: the sidebar (jurisdiction, open draft, draft files) and the versions panel."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

import streamlit as st

from drafting import budget
from drafting.app import cache, render, state
from drafting.app.render import md_escape
from drafting.errors import DraftingError
from drafting.store import Version, parse_export

KIND_LABEL = {"statute": "statute", "bill": "bill", "review": "review", "amendment": "amendment comparison"}
PAGE_OF_KIND = {"statute": "statutes", "bill": "bill-builder", "review": "review", "amendment": "amendments"}
MAX_DRAFT_FILE_MB = 50
URL_JURISDICTION = "jurisdiction"


def when(stamp: str) -> str:
    """A stored UTC timestamp in the server's local time, to the minute."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def edition_label(lib, set_id: str) -> str:  # lib: drafting.library.Library
    """A criteria set, short enough for a select box (the full titles go in its help)."""
    cset = lib.criteria_sets[set_id]
    if not cset.core:
        return f"Every topic of the model law · {len(cset.criteria)} criteria"
    return f"Review of {set_id} · {len(cset.criteria)} criteria"


def preset_for(lib, language: str, country: str = "", picked: str | None = None) -> str | None:
    """The jurisdiction preset to draft in `language`: the one picked if it fits, else the country's own,
    else a generic one (a user-assigned x? country code), else any in that language."""
    fits = {code: j for code, j in lib.jurisdictions.items() if j.language == language}
    if picked in fits:
        return picked
    for rule in (lambda j: j.country == country, lambda j: j.country.startswith("x"), lambda j: True):
        found = next((code for code, j in sorted(fits.items()) if rule(j)), None)
        if found:
            return found
    return None


def jurisdiction_picker() -> None:
    """The sidebar's jurisdiction: the default for previews, reviews and new bills (kept in the URL)."""
    try:
        lib = cache.library()
    except DraftingError as exc:
        st.sidebar.warning(md_escape(f"The model-law library cannot be loaded: {exc}"))
        return
    codes = [""] + sorted(lib.jurisdictions)

    def label(code: str) -> str:
        if not code:
            return "Model law defaults (none)"
        j = lib.jurisdictions[code]
        return f"{j.name.get(j.language) or next(iter(j.name.values()), code)} ({code})"

    # The code (not the label) rides in the URL as ?jurisdiction=do, so a shared or reloaded link keeps it.
    wanted = st.query_params.get(URL_JURISDICTION)
    if "jurisdiction" not in st.session_state and wanted in codes:
        st.session_state["jurisdiction"] = wanted
    if st.session_state.get("jurisdiction") not in codes:
        st.session_state.pop("jurisdiction", None)
    code = st.sidebar.selectbox("Jurisdiction", codes, format_func=label, key="jurisdiction",
                                help="Parameter presets (penalties, ages, authorities) used for previews, reviews and new bills.")
    if code and st.query_params.get(URL_JURISDICTION) != code:
        st.query_params[URL_JURISDICTION] = code
    elif not code and URL_JURISDICTION in st.query_params:
        del st.query_params[URL_JURISDICTION]


def sidebar_draft(kind: str | None) -> None:
    """The open draft of this page, its export, and importing a draft file (drawn where the caller is)."""
    if kind is not None:
        box = st.container(border=True)
        draft_id = state.open_draft_id(kind)
        if draft_id is None:
            box.caption(f"No {KIND_LABEL[kind]} open.")
        else:
            current = state.store().get(draft_id)
            box.markdown(f"**Open {KIND_LABEL[kind]}**")
            box.text(current.name)
            box.caption(f"version {current.version} · saved {when(current.created)} · id {draft_id}")
            box.download_button("Export draft file", state.store().export_draft(draft_id),
                                file_name=f"{kind}-{draft_id}.draft.json", mime="application/json",
                                key="export_draft", width="stretch",
                                help="Every version of this draft in one JSON file; import it into any workspace.")
    with st.expander("Import a draft file"):
        upload = st.file_uploader("Draft file (.json)", type=["json"], key="draft_file",
                                  max_upload_size=MAX_DRAFT_FILE_MB)
        if st.button("Import draft", key="import_draft", disabled=upload is None):
            import_draft_file(upload.name, upload.getvalue())
    st.caption(md_escape(f"Workspace: {state.store().path}"))


def import_draft_file(name: str, data: bytes) -> str | None:
    """Add an exported draft to the workspace and open it on its page."""
    try:
        # an upload: read and checked in a worker under the app's budget, only then written here
        parsed = budget.run_limited(parse_export, data, name, budget=budget.from_env(budget.DEFAULT_APP))
        draft_id = state.store().add_export(*parsed)
    except DraftingError as exc:
        render.error(exc)
        return None
    kind = state.store().get(draft_id).kind
    state.set_open(kind, draft_id)
    state.flash(f"Imported {KIND_LABEL[kind]} “{state.store().get(draft_id).name}” with all its versions.")
    return draft_id


def versions_panel(kind: str, draft_id: str, view: Callable[[Version], None],
                   restore_hook: Callable[[int], None] | None = None) -> None:
    """Every version of the open draft: view one, compare two, restore an old one."""
    store = state.store()
    history = store.history(draft_id)
    with st.expander(f"Versions of this draft ({len(history)})"):
        st.dataframe(
            [{"version": h.version, "saved": when(h.created), "name": h.name, "note": h.note} for h in reversed(history)],
            hide_index=True, width="stretch", height=min(38 + 35 * len(history), 300))
        numbers = [h.version for h in reversed(history)]
        left, right = st.columns(2)
        shown = left.selectbox("View version", numbers, key=f"view_version_{kind}")
        other = right.selectbox("Compare it with version", [n for n in numbers if n != shown] or [shown],
                                key=f"compare_version_{kind}")
        tab_view, tab_diff = st.tabs(["View", "Compare"])
        with tab_view:
            view(store.get(draft_id, shown))
            if shown != history[-1].version:
                if st.button(f"Restore version {shown}", key=f"restore_{kind}",
                             help="Adds a new version equal to this one; nothing is overwritten."):
                    number = store.restore(draft_id, shown)
                    if restore_hook:
                        restore_hook(number)
                    state.flash(f"Version {shown} restored as version {number}.")
                    st.rerun()
        with tab_diff:
            if other == shown:
                st.caption("This draft has a single version.")
            else:
                lines = store.diff_versions(draft_id, min(shown, other), max(shown, other))
                if lines:
                    st.code("\n".join(lines[:2000]), language="diff")
                    if len(lines) > 2000:
                        st.caption(f"First 2,000 of {len(lines):,} diff lines.")
                else:
                    st.caption("No differences.")
