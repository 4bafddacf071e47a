"""Session state and URL helpers: which draft each page has open, kept in `st.query_params`.

The URL carries `?draft=<id>` for the page's draft, so a browser refresh or a server restart
brings the same draft back from the workspace store. Session state remembers the open draft of
each kind, because Streamlit clears query parameters when the user switches pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

import streamlit as st

from drafting.errors import DraftingError
from drafting.store import DRAFT_ID, Store, Version, default_path, seed_statutes

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES = ROOT / "statutes"
URL_DRAFT = "draft"


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    store = Store(path)
    seed_statutes(store, sample_paths(), SAMPLES)  # first run: the sample statutes, so nothing needs setting up
    return store


def store() -> Store:
    """The workspace (DRAFTING_WORKSPACE, else ./.drafting), opened once per path and process."""
    return _store(str(default_path().resolve()))


def sample_paths() -> tuple[Path, ...]:
    return tuple(sorted(SAMPLES.glob("*/*.xml")))


def _key(kind: str) -> str:
    return f"open_{kind}"


def open_draft_id(kind: str) -> str | None:
    """The id of the page's open draft of `kind`: the URL first, then this session's memory."""
    wanted = st.query_params.get(URL_DRAFT)
    if wanted and DRAFT_ID.match(wanted):
        try:
            found = store().get(wanted)
        except DraftingError:
            found = None
        if found is not None and found.kind == kind:
            st.session_state[_key(kind)] = wanted
            return wanted
    remembered = st.session_state.get(_key(kind))
    if remembered and store().exists(remembered):
        if st.query_params.get(URL_DRAFT) != remembered:
            st.query_params[URL_DRAFT] = remembered
        return remembered
    return None


def remembered(kind: str) -> str | None:
    """The draft of `kind` this session last had open (no URL change: for another page's defaults)."""
    value = st.session_state.get(_key(kind))
    return value if value and store().exists(value) else None


def set_open(kind: str, draft_id: str | None) -> None:
    """Open a draft on this page (or close it with None) and put its id in the URL."""
    if draft_id is None:
        st.session_state.pop(_key(kind), None)
        if URL_DRAFT in st.query_params:
            del st.query_params[URL_DRAFT]
        return
    st.session_state[_key(kind)] = draft_id
    st.query_params[URL_DRAFT] = draft_id


def show_in_url(kind: str) -> None:
    """Point the URL back at this page's draft of `kind` (after work on a draft of another kind)."""
    draft_id = remembered(kind)
    if draft_id:
        st.query_params[URL_DRAFT] = draft_id
    elif URL_DRAFT in st.query_params:
        del st.query_params[URL_DRAFT]


def open_version(kind: str) -> Version | None:
    draft_id = open_draft_id(kind)
    return store().get(draft_id) if draft_id else None


def save(kind: str, name: str, payload: str, note: str, meta: Mapping[str, Any] | None = None,
         draft_id: str | None = None, *, new: bool = False) -> tuple[str, int]:
    """Save to the open draft of `kind` (or a new one) as a new version, skipping no-op saves."""
    target = None if new else (draft_id or open_draft_id(kind))
    saved_id, number = store().save(target, kind, name, payload, note, meta, only_if_changed=target is not None)
    set_open(kind, saved_id)
    return saved_id, number


def jurisdiction() -> str | None:
    """The jurisdiction picked in the sidebar (None: the model law's own defaults)."""
    value = st.session_state.get("jurisdiction")
    return value or None


def flash(message: str, level: str = "success") -> None:
    """A message to show after the next rerun (st.rerun would otherwise swallow it)."""
    st.session_state.setdefault("_flash", []).append((level, message))


def show_flashes() -> None:
    from drafting.app.render import md_escape  # messages may hold file and draft names: never markdown

    for level, message in st.session_state.pop("_flash", []):
        if level == "success":  # good news passes; problems stay on the page
            st.toast(md_escape(message), icon=":material/check_circle:")
        else:
            getattr(st, level)(md_escape(message))
