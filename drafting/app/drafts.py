"""Shared draft furniture: the sidebar (jurisdiction, open draft, draft files), draft pickers named
as a drafter names texts (drafting.naming — never an id), and the versions panel."""

from __future__ import annotations

import hashlib
from typing import Any, Callable, Mapping

import streamlit as st

from drafting import budget, naming
from drafting.app import cache, render, state
from drafting.app.render import md_escape
from drafting.errors import DraftingError
from drafting.store import Draft, Version, parse_export

KIND_LABEL = {"statute": "statute", "bill": "bill", "review": "review", "amendment": "amendment comparison"}
PAGE_OF_KIND = {"statute": "statutes", "bill": "bill-builder", "review": "review", "amendment": "amendments"}
TEXT_KINDS = ("statute", "bill")  # drafts named by the text they hold; reviews and comparisons by their own name
MAX_DRAFT_FILE_MB = 50
URL_JURISDICTION = "jurisdiction"


def when(stamp: str) -> str:
    """A stored UTC timestamp in the server's local time, to the minute ("5 Dec 2026, 19:56")."""
    return naming.saved_at(stamp, state.ui_language())


def label(draft: Draft | Version) -> str:
    """A draft as the pickers and the sidebar name it: its text's title, number, country, date and
    file, then its version and when it was saved."""
    number = draft.latest if isinstance(draft, Draft) else draft.version
    stamp = draft.updated if isinstance(draft, Draft) else draft.created
    return naming.draft_label(draft.name, draft.meta, number, stamp, state.ui_language(), by_text=draft.kind in TEXT_KINDS)


def choices(drafts_: tuple[Draft, ...]) -> tuple[list[str], dict[str, str]]:
    """Ids and unique labels for a select box (it sends back the label, so no two may be equal)."""
    names = naming.names_in((d.id, label(d)) for d in drafts_)
    return list(names), names


def picker_key(base: str, open_id: str | None, names: Mapping[str, str]) -> str:
    """The key of a draft picker: new whenever the open draft or any label changes. The browser sends
    back the label it showed; once a save renames the labels ("version 3 · saved …"), an old label
    could name another draft, so a picker whose labels changed must start afresh from the open one."""
    digest = hashlib.sha1("\x1f".join(f"{i}={n}" for i, n in names.items()).encode("utf-8")).hexdigest()[:10]
    return f"{base}_{open_id}_{digest}"


def file_stem(version: Version) -> str:
    """The start of every file name made from a draft: "Ley-45-19-2019" (see drafting.naming)."""
    stem = version.meta.get("file_stem")
    if isinstance(stem, str) and stem:
        return stem
    facts = naming.facts_from(version.meta)
    return naming.file_stem(facts) if (facts.title or facts.number or facts.filename) else naming.ascii_slug(version.name) or version.kind


def facts_meta(facts: naming.Facts, **more: Any) -> dict[str, Any]:
    """The meta that names a saved version (its text's facts), plus anything else the page keeps."""
    return {**more, "document": naming.record(facts)}


def jurisdiction_name(lib, code: str) -> str:  # lib: drafting.library.Library
    """A preset's name in the UI language: "Dominican Republic"."""
    j = lib.jurisdictions.get(code)
    return j.title(state.ui_language()) if j else code


def edition_label(lib, set_id: str) -> str:  # lib: drafting.library.Library
    """A criteria set, short enough for a select box (the full titles go in its help)."""
    cset = lib.criteria_sets[set_id]
    if not cset.core:
        return f"Every topic of the model law · {len(cset.criteria)} criteria"
    return f"Review of {set_id} · {len(cset.criteria)} criteria"


def preset_for(lib, language: str, country: str = "", picked: str | None = None) -> str | None:
    """The jurisdiction preset to draft in `language` for a statute of `country`: the one picked if it
    fits — in that language, and of that country or generic (a user-assigned x? code) — else the
    country's own, else a generic one, else any in that language. A statute of a known country never
    gets another country's preset while a generic one exists: its bills would carry that country's
    institutions."""
    fits = {code: j for code, j in lib.jurisdictions.items() if j.language == language}
    known = bool(country) and not country.startswith("x")

    def generic(j) -> bool:
        return j.country.startswith("x")

    if picked in fits and (not known or fits[picked].country == country or generic(fits[picked])):
        return picked
    for rule in (lambda j: j.country == country, generic, lambda j: True):
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

    def shown(code: str) -> str:
        if not code:
            return "None: the model law's own defaults"
        return jurisdiction_name(lib, code)

    # The code (not the label) rides in the URL as ?jurisdiction=do, so a shared or reloaded link keeps it.
    wanted = st.query_params.get(URL_JURISDICTION)
    if "jurisdiction" not in st.session_state:
        st.session_state["jurisdiction"] = wanted if wanted in codes else (
            state.DEFAULT_JURISDICTION if state.DEFAULT_JURISDICTION in codes else "")
    if st.session_state.get("jurisdiction") not in codes:
        st.session_state["jurisdiction"] = ""
    code = st.sidebar.selectbox("Jurisdiction for previews, reviews and new bills", codes, format_func=shown,
                                key="jurisdiction",
                                help="Parameter presets (penalties, ages, institutions) used for previews, reviews and new bills.")
    if code and st.query_params.get(URL_JURISDICTION) != code:
        st.query_params[URL_JURISDICTION] = code
    elif not code and URL_JURISDICTION in st.query_params:
        del st.query_params[URL_JURISDICTION]


def sidebar_draft(kind: str | None) -> None:
    """The open draft of this page, its export, and importing a draft file (drawn where the caller is)."""
    if kind is not None:
        box = st.container(border=True)
        draft_id = state.session_open(kind)
        if draft_id is None:
            box.caption(f"No {KIND_LABEL[kind]} open.")
        else:
            current = state.store().get(draft_id)
            facts = naming.facts_from(current.meta)
            box.markdown(f"**Open {KIND_LABEL[kind]}**")
            if kind in TEXT_KINDS and (facts.title or facts.number):
                box.markdown(md_escape(naming.short_title(facts.title) or naming.citation(facts)))
                details = naming.text_name(facts, state.ui_language()).partition(" — ")[2]
                if details:
                    box.caption(md_escape(details))
            else:
                box.markdown(md_escape(current.name))
            box.caption(md_escape(naming.version_words(current.version, current.created, state.ui_language())))
            box.download_button("Export draft file", state.store().export_draft(draft_id),
                                file_name=naming.file_name(file_stem(current), f"v{current.version}", ext="draft.json"),
                                mime="application/json", key="export_draft", width="stretch",
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
    state.flash(f"Imported {KIND_LABEL[kind]} “{naming.short_title(state.store().get(draft_id).name)}” with all its versions.")
    return draft_id


def versions_panel(kind: str, draft_id: str, view: Callable[[Version], None],
                   restore_hook: Callable[[int], None] | None = None) -> None:
    """Every version of the open draft: view one, compare two, restore an old one."""
    store = state.store()
    history = store.history(draft_id)
    latest = history[-1].version
    with st.expander(f"Versions of this draft ({len(history)})"):
        rows = [[render.esc(h.version), render.esc(when(h.created)), render.esc(h.note or "—"), render.esc(h.name)]
                for h in reversed(history[-200:])]
        render.html(render.matrix_html(["Version", "Saved", "What changed", "Name"], rows, numeric=(0,)))
        if len(history) > 200:
            st.caption(f"The latest 200 of {len(history):,} versions.")
        numbers = [h.version for h in reversed(history)]
        left, right = st.columns(2)
        # The keys carry the latest version: after every save the panel opens on the newest one again.
        shown = left.selectbox("View version", numbers, key=f"view_version_{kind}_{draft_id}_{latest}",
                               format_func=lambda n: f"version {n}" + (" (latest)" if n == latest else ""))
        other = right.selectbox("Compare it with version", [n for n in numbers if n != shown] or [shown],
                                key=f"compare_version_{kind}_{draft_id}_{latest}_{shown}",
                                format_func=lambda n: f"version {n}" + (" (latest)" if n == latest else ""))
        tab_view, tab_diff = st.tabs(["View", "Compare"])
        with tab_view:
            view(store.get(draft_id, shown))
            if shown != latest:
                if st.button(f"Restore version {shown} as a new version", key=f"restore_{kind}",
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
