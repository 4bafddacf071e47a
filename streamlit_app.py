"""drafting — the app: statutes, the model law, reviews, bills and amendments.

Run with `make run` (or `streamlit run streamlit_app.py`). Each page lives in drafting/app/pages/;
this script sets the page up, picks the pages whose library modules exist, and draws the sidebar.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

import streamlit as st

from drafting.app import drafts, render, state
from drafting.errors import DraftingError

# An emoji favicon is drawn locally; a :material/…: favicon would be fetched from Google.
st.set_page_config(page_title="drafting", page_icon="⚖️", layout="wide",
                   initial_sidebar_state="expanded")

# (script, title, icon, url path, draft kind, library modules the page needs)
PAGES = (
    ("drafting/app/pages/statutes.py", "Statutes", ":material/menu_book:", "statutes", "statute", ()),
    ("drafting/app/pages/model_law.py", "Model law", ":material/library_books:", "model-law", None, ()),
    ("drafting/app/pages/review.py", "Review", ":material/fact_check:", "review", "review",
     ("drafting.review.verdicts", "drafting.review.compare", "drafting.review.align")),
    ("drafting/app/pages/bill_builder.py", "Bill builder", ":material/edit_document:", "bill-builder", "bill",
     ("drafting.bills.spec", "drafting.bills.assemble", "drafting.export.docx")),
    ("drafting/app/pages/amendments.py", "Amendments", ":material/difference:", "amendments", "amendment",
     ("drafting.amend.changes", "drafting.export.redline", "drafting.amend.instructions", "drafting.export.diff_html")),
)


def _available(modules: tuple[str, ...]) -> bool:
    # A page is offered only when the library behind it exists: no placeholders.
    try:
        return all(importlib.util.find_spec(name) is not None for name in modules)
    except ModuleNotFoundError:
        return False


pages, kinds = [], {}
HERE = Path(__file__).resolve().parent
for script, title, icon, url, kind, needs in PAGES:
    if (HERE / script).is_file() and _available(needs):
        page = st.Page(script, title=title, icon=icon, url_path=url)
        pages.append(page)
        kinds[page.url_path] = kind


def _home() -> None:
    # The root URL opens the first page under its own address, so every page — /statutes too —
    # has a link of its own (Streamlit serves a default page only at "/"); the query survives.
    st.switch_page(pages[0], query_params=st.query_params.to_dict())


home = st.Page(_home, title="drafting", url_path="home", default=True, visibility="hidden")
current = st.navigation([home, *pages])
st.html(render.APP_CSS)
state.store()  # opens the workspace; the first run seeds it with the sample statutes
drafts.jurisdiction_picker()
draft_box = st.sidebar.container()
state.show_flashes()
try:
    current.run()
except DraftingError as exc:  # a problem the drafter can act on: one line, no traceback
    render.error(exc)
except Exception:  # a bug: the drafter gets a plain message, the server log the traceback
    logging.getLogger("drafting.app").exception("page %s failed", current.url_path)
    render.error(render.UNEXPECTED)
with draft_box:
    drafts.sidebar_draft(kinds.get(current.url_path))
