"""Session state and URL helpers: which draft each page has open, kept in `st.query_params`.

The URL carries `?draft=<id>` for the page's draft, so a browser refresh or a server restart
brings the same draft back from the workspace store. Session state remembers the open draft of
each kind, because Streamlit clears query parameters when the user switches pages; the workspace
remembers the draft of each kind last opened or saved (`Store.remember`), so a new session — a
reload on another page, a new tab — reopens it. Opening a page never adds a version.
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
UI_LANGUAGE = "en"  # the language of the app's own words (labels, forms, dates); the law keeps its own
DEFAULT_JURISDICTION = "do"  # the case the toolkit started from: the Dominican Republic, in Spanish


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


def ui_language() -> str:
    return UI_LANGUAGE


def url_draft() -> tuple[str, str] | None:
    """The draft the URL names, as (id, kind), if it is in the workspace."""
    wanted = st.query_params.get(URL_DRAFT)
    if not wanted or not DRAFT_ID.match(wanted):
        return None
    try:
        return wanted, store().get(wanted).kind
    except DraftingError:
        return None


def open_draft_id(kind: str, *, url_kinds: tuple[str, ...] = ()) -> str | None:
    """The id of the page's open draft of `kind`: the URL first, then this session's memory, then
    the workspace's (the draft of this kind last opened or saved, in any session).

    A page that can open a draft of another kind from the URL (Review: a statute) names those
    kinds in `url_kinds`; for such a URL there is no open draft of `kind`, and the page uses it.
    """
    named = url_draft()
    if named is not None and named[1] == kind:
        st.session_state[_key(kind)] = named[0]
        return named[0]
    if named is not None and named[1] in url_kinds:
        return None
    remembered = st.session_state.get(_key(kind))
    if not (remembered and store().exists(remembered)):
        remembered = store().last_used(kind)
    if remembered:
        st.session_state[_key(kind)] = remembered
        if st.query_params.get(URL_DRAFT) != remembered:
            st.query_params[URL_DRAFT] = remembered
        return remembered
    return None


def remembered(kind: str) -> str | None:
    """The draft of `kind` this session (else the workspace) last had open — no URL change: for
    another page's defaults."""
    value = st.session_state.get(_key(kind))
    return value if value and store().exists(value) else store().last_used(kind)


def set_open(kind: str, draft_id: str | None, *, remember: bool = True) -> None:
    """Open a draft on this page (or close it with None) and put its id in the URL; the workspace
    remembers a draft the drafter chose or saved (`remember=False` for one merely shown)."""
    if draft_id is None:
        st.session_state.pop(_key(kind), None)
        if URL_DRAFT in st.query_params:
            del st.query_params[URL_DRAFT]
        return
    st.session_state[_key(kind)] = draft_id
    st.query_params[URL_DRAFT] = draft_id
    if remember:
        store().remember(kind, draft_id)


def session_open(kind: str) -> str | None:
    """The draft of `kind` the page has open in this session (for the sidebar: no URL change)."""
    value = st.session_state.get(_key(kind))
    return value if value and store().exists(value) else None


def forget_open(kind: str) -> None:
    """The page shows no saved draft of `kind` (e.g. an unsaved review): the sidebar says so."""
    st.session_state.pop(_key(kind), None)


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
    value = st.session_state.get("jurisdiction", DEFAULT_JURISDICTION)
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
