"""Statutes: import any statute file, see the import report and outline, keep it in the workspace."""

from __future__ import annotations

import json
import re
from pathlib import Path

import streamlit as st

from drafting import akn, budget, naming
from drafting.app import cache, drafts, render, state
from drafting.errors import DraftingError
from drafting.importers.document import ImportResult, import_document
from drafting.importers.readers import IMPORTABLE
from drafting.limits import MAX_FILE_MB
from drafting.model.document import Document
from drafting.model.outline import document_json
from drafting.parse import profiles
from drafting.store import Version

KIND = "statute"
OUTLINE_PAGE = 150
TEXT_PAGE = 20
UPLOAD_MB = MAX_FILE_MB  # the same 50 × 1024 × 1024 bytes the CLI allows


def import_upload(name: str, data: bytes, *, new_version: bool = False, language: str | None = None,
                  profile: str | None = None, country: str | None = None, number: str | None = None,
                  date: str | None = None, title: str | None = None) -> str | None:
    """Import an uploaded file and keep it in the workspace; returns the draft id (None on error).

    The upload is untrusted: it is imported in a worker process under the app's time and memory
    budget (drafting.budget), so a hostile file costs one worker, never the server.
    """
    shown = Path(name).name
    bar = st.progress(0.0, text=f"Importing {render.md_escape(shown)}…")

    def step(done: int, total: int, what: str) -> None:
        bar.progress(min(done / max(total, 1), 1.0), text=f"Importing {render.md_escape(shown)}: {done:,} of {total:,} {what}")

    try:
        result = budget.run_limited(import_document, name, data=data, language=language, profile=profile,
                                    country=country, number=number, date=date, title=title,
                                    budget=budget.from_env(budget.DEFAULT_APP), on_progress=step)
        xml = akn.to_xml(result.document).decode("utf-8")
    except DraftingError as exc:
        render.error(exc)
        return None
    finally:
        bar.empty()
    facts = naming.facts_of(result.document.meta, Path(name).name)
    meta = drafts.facts_meta(facts, filename=Path(name).name, **report_meta(result))
    label = result.document.meta.title or Path(name).name
    note = f"imported from {Path(name).name}"
    draft_id, version = state.save(KIND, label, xml, note, meta, new=not new_version)
    state.flash(f"Imported {Path(name).name} as “{naming.short_title(label)}” (version {version}).")
    return draft_id


def report_meta(result: ImportResult) -> dict:
    """What the workspace keeps of an import report (the report itself is not stored in the XML)."""
    rep = result.report
    return {"report": rep.lines(), "counts": dict(rep.counts), "warnings": [str(w) for w in rep.warnings],
            "structured_share": rep.structured_share, "lost_words": len(rep.lost_words),
            "profile": rep.profile, "language": rep.language}


def open_sample(path: Path) -> str:
    """Open a bundled sample: its workspace draft if it has one, else a new draft from the file."""
    relative = path.relative_to(state.SAMPLES).as_posix()
    for draft in state.store().list_drafts(KIND):
        if state.store().get(draft.id, 1).meta.get("sample") == relative:
            state.set_open(KIND, draft.id)
            return draft.id
    xml = path.read_bytes()
    doc = cache.document(xml)
    meta = drafts.facts_meta(naming.facts_of(doc.meta, path.name), filename=path.name, sample=relative)
    draft_id, _ = state.save(KIND, doc.meta.title or path.name, xml.decode("utf-8"), "sample statute", meta, new=True)
    return draft_id


def update_meta(version: Version, country: str, number: str, date: str, title: str) -> bool:
    """Save the statute with corrected metadata as a new version."""
    if country and not re.fullmatch(r"[a-z]{2}", country):
        render.error("country: use a two-letter ISO 3166 code in lower case, e.g. do")
        return False
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        render.error("date: write it as YYYY-MM-DD")
        return False
    try:
        result = import_document("statute.xml", data=version.payload.encode("utf-8"), country=country or None,
                                 number=number or None, date=date or None, title=title or None)
        xml = akn.to_xml(result.document).decode("utf-8")
    except DraftingError as exc:
        render.error(exc)
        return False
    meta = drafts.facts_meta(naming.facts_of(result.document.meta, str(version.meta.get("filename", ""))),
                             **{k: v for k, v in version.meta.items() if k != "document"})
    state.save(KIND, result.document.meta.title or version.name, xml, "metadata edited", meta, draft_id=version.draft_id)
    return True


# --- views --------------------------------------------------------------------------------------

def show_report(version: Version, doc: Document) -> None:
    meta = version.meta
    if "report" not in meta:  # a sample or an imported draft file: report from the tree itself
        try:
            rep = import_document("statute.xml", data=version.payload.encode("utf-8")).report
            meta = {"report": rep.lines(), "counts": dict(rep.counts), "warnings": [str(w) for w in rep.warnings],
                    "structured_share": rep.structured_share, "lost_words": len(rep.lost_words)}
        except DraftingError as exc:
            render.error(exc)
            return
    counts = meta.get("counts", {})
    cols = st.columns(4)
    cols[0].metric("Articles / sections", f"{len(doc.units()):,}")
    cols[1].metric("Divisions", f"{sum(v for k, v in counts.items() if k in ('part', 'book', 'title', 'chapter', 'division')):,}")
    cols[2].metric("In structured provisions", f"{meta.get('structured_share', 0):.0%}")
    cols[3].metric("Warnings", f"{len(meta.get('warnings', ())):,}")
    warnings = list(meta.get("warnings", ()))
    if meta.get("lost_words"):
        render.warning(f"{meta['lost_words']} words of the source were not placed in any node.")
    if warnings:
        with st.expander(f"Import warnings ({len(warnings)})", expanded=len(warnings) <= 5):
            shown, start, _ = render.page(warnings, 50, "statute_warning_page", "Warnings")
            st.code("\n".join(shown), language=None, wrap_lines=True)
    st.code("\n".join(meta.get("report", [])), language=None, wrap_lines=True)


def show_outline(doc: Document) -> None:
    rows = render.outline_rows(doc)
    if not rows:
        st.caption("The body has no structure.")
        return
    shown, start, pages = render.page(rows, OUTLINE_PAGE, "statute_outline_page", "Lines")
    render.html(render.outline_html(shown))


def show_text(doc: Document) -> None:
    units = doc.units()
    query = st.text_input("Find in the text", key="statute_find", placeholder="a word or phrase")
    if query:
        units = tuple(u for u in units if query.lower() in u.full_text().lower() or query.lower() == u.num.lower())
        st.caption(f"{len(units):,} provisions contain “{render.md_escape(query)}”.")
    shown, start, _ = render.page(units, TEXT_PAGE, "statute_text_page", "Provisions")
    label = labeller(doc)
    render.html('<div class="dr-law">' + "".join(render.node_html(node, label=label) for node in shown) + "</div>")


def labeller(doc: Document):  # -> Callable[[Node], str] | None
    """Labels as the statute's drafting profile writes them ("Artículo 7.-", "(a)")."""
    try:
        return profiles.get(doc.meta.profile).label if doc.meta.profile else None
    except DraftingError:
        return None


def show_statute(version: Version) -> None:
    try:
        doc = cache.document(version.payload)
    except DraftingError as exc:
        render.error(exc)
        return
    m = doc.meta
    st.subheader(render.md_escape(m.title or version.name), anchor=False)
    ui = state.ui_language()
    country = naming.country_name(m.country, ui)
    facts = [("Country", f"{country} ({m.country})" if m.country and country != m.country.upper() else m.country),
             ("Number", m.number), ("Date", naming.long_date(m.date, ui) if m.date and not m.date.startswith("0001") else ""),
             ("Language", m.language), ("Profile", m.profile), ("Imported from", version.meta.get("filename", m.source))]
    render.html('<div class="dr-muted">' + " · ".join(f"{render.esc(k)}: <b>{render.esc(v or '—')}</b>" for k, v in facts)
                + f' · work <code>{render.esc(m.work_uri)}</code></div>')
    tab_report, tab_outline, tab_text, tab_meta = st.tabs(["Import report", "Outline", "Text", "Metadata and files"])
    with tab_report:
        show_report(version, doc)
    with tab_outline:
        show_outline(doc)
    with tab_text:
        show_text(doc)
    with tab_meta:
        with st.form("statute_meta"):
            c1, c2, c3 = st.columns([1, 1, 1])
            country = c1.text_input("Country of the statute (ISO code)", m.country, max_chars=2)
            number = c2.text_input("Number of the statute", m.number, max_chars=40)
            date = c3.text_input("Date of the statute (YYYY-MM-DD)", m.date, max_chars=10)
            title = st.text_input("Title of the statute", m.title, max_chars=400)
            if st.form_submit_button("Save as a new version"):
                if update_meta(version, country.strip().lower(), number.strip(), date.strip(), title.strip()):
                    state.flash("Metadata saved as a new version.")
                    st.rerun()
        stem = naming.file_stem(naming.facts_of(m, str(version.meta.get("filename", ""))))
        c1, c2 = st.columns(2)
        c1.download_button("Download Akoma Ntoso XML", version.payload.encode("utf-8"),
                           file_name=naming.file_name(stem, f"v{version.version}", ext="xml"),
                           mime="application/xml", key="dl_statute_xml")
        c2.download_button("Download JSON tree", json.dumps(document_json(doc), ensure_ascii=False, indent=1).encode("utf-8"),
                           file_name=naming.file_name(stem, f"v{version.version}", "tree", ext="json"),
                           mime="application/json", key="dl_statute_json")


def view_version(version: Version) -> None:
    """An old version in the versions panel: its outline."""
    try:
        doc = cache.document(version.payload)
    except DraftingError as exc:
        render.error(exc)
        return
    st.caption(f"Version {version.version} · {drafts.when(version.created)} · {render.md_escape(version.note)}")
    rows = render.outline_rows(doc)
    shown, _, _ = render.page(rows, OUTLINE_PAGE, "statute_old_outline_page")
    render.html(render.outline_html(shown))


# --- the page ------------------------------------------------------------------------------------

def import_form(has_open: bool) -> None:
    with st.expander("Import a statute file", expanded=not has_open):
        upload = st.file_uploader(
            f"Statute file ({', '.join(IMPORTABLE)}; up to {UPLOAD_MB} MB)", type=[e.lstrip(".") for e in IMPORTABLE],
            key="statute_upload", max_upload_size=UPLOAD_MB)
        languages = sorted({profiles.get(p).language for p in profiles.available()})
        c1, c2, c3, c4 = st.columns(4)
        language = c1.selectbox("Language of the file", ["auto"] + languages, key="imp_language",
                                format_func=lambda x: "Detect it" if x == "auto" else x)
        profile = c2.selectbox("Drafting profile", ["auto"] + list(profiles.available()), key="imp_profile",
                               format_func=lambda x: "Detect it" if x == "auto" else f"{profiles.get(x).name} ({x})")
        country = c3.text_input("Country of the statute (ISO code)", key="imp_country", max_chars=2, placeholder="e.g. do")
        date = c4.text_input("Date of the statute (YYYY-MM-DD)", key="imp_date", max_chars=10)
        as_version = st.checkbox("Save as a new version of the open statute", key="imp_as_version",
                                 disabled=not has_open,
                                 help="Keep a later text of the same law as its next version (compare them in Amendments).")
        if st.button("Import the file", type="primary", key="imp_go", disabled=upload is None):
            draft_id = import_upload(upload.name, upload.getvalue(), new_version=as_version and has_open,
                                     language=None if language == "auto" else language,
                                     profile=None if profile == "auto" else profile,
                                     country=country.strip().lower() or None, date=date.strip() or None)
            if draft_id:
                st.rerun()


def sample_label(path: Path, relative: str) -> str:
    """A sample's title and file, e.g. "Ley No. 45-19 … (xs/ley-45-19.xml)"."""
    try:
        title = cache.document(path.read_bytes()).meta.title
    except (DraftingError, OSError):
        title = ""
    return f"{title[:70]}{'…' if len(title) > 70 else ''} ({relative})" if title else relative


def pick_statute(open_id: str | None) -> None:
    left, right = st.columns([3, 2])
    with left:
        # Labels must be unique: the browser sends back the label, not the position.
        ids, names = drafts.choices(state.store().list_drafts(KIND))
        if ids:
            chosen = st.selectbox("Statutes in the workspace", ids, index=ids.index(open_id) if open_id in ids else None,
                                  format_func=names.get, placeholder="Choose a statute", key=drafts.picker_key("statute_pick", open_id, names))
            if chosen and chosen != open_id:
                state.set_open(KIND, chosen)
                st.rerun()
    with right:
        samples = state.sample_paths()
        if samples:
            rel = {p.relative_to(state.SAMPLES).as_posix(): p for p in samples}
            c1, c2 = st.columns([2.4, 1.3], vertical_alignment="bottom")
            sample = c1.selectbox("Bundled samples", list(rel), key="sample_pick", format_func=lambda r: sample_label(rel[r], r))
            if c2.button("Open sample", key="sample_open", width="stretch"):
                open_sample(rel[sample])
                st.rerun()


def render_page() -> None:
    st.title("Statutes", anchor=False)
    st.caption("Import a national statute (text, Markdown, HTML, Word, PDF or Akoma Ntoso), check how it was "
               "read, and keep it in the workspace for review and amendment.")
    open_id = state.open_draft_id(KIND)
    pick_statute(open_id)
    import_form(open_id is not None)
    if open_id:
        version = state.store().get(open_id)
        st.divider()
        show_statute(version)
        drafts.versions_panel(KIND, open_id, view_version)


if __name__ == "__main__":
    render_page()
