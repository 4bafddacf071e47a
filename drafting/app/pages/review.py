"""Review: a statute measured against the model-law criteria of an edition, every verdict with its evidence.

Choosing a statute and an edition runs the review (cached) and keeps it in the workspace as a
review draft (one per statute; a new version when the verdicts change). Each verdict opens to its
evidence and to the model clause beside the national provision, insertions and deletions marked.
"""

from __future__ import annotations

import importlib.util
import json
import re
from typing import Any

import streamlit as st

from drafting.app import cache, drafts, render, state
from drafting.errors import DraftingError
from drafting.library.library import Library
from drafting.model.document import Document
from drafting.store import Version

KIND = "review"
STATUS_ICON = {"met": ":material/check_circle:", "partial": ":material/remove_circle:", "missing": ":material/cancel:"}
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
CONTEXT_WORDS = 6
MAX_PAIRS = 3  # "changed only": unchanged runs longer than this are shortened around the changes


# --- choices ---------------------------------------------------------------------------------------

def editions(lib: Library) -> list[str]:
    """Scored criteria sets, newest first, then "full" (every topic of the model law)."""
    core = sorted((s for s in lib.criteria_sets.values() if s.core), key=lambda s: (s.years or (0, 0))[0], reverse=True)
    return [s.id for s in core] + [s.id for s in lib.criteria_sets.values() if not s.core]


def edition_label(lib: Library, set_id: str) -> str:
    return drafts.edition_label(lib, set_id)


def review_jurisdiction(lib: Library, doc: Document, picked: str | None) -> str | None:
    """The sidebar's preset when it drafts in the statute's language, else the statute's country's, else a generic one."""
    return drafts.preset_for(lib, doc.meta.language, doc.meta.country, picked)


def run_review(statute: Version, edition_id: str, jurisdiction: str | None, lib: Library):  # -> Review
    criteria = "core" if lib.criteria_sets[edition_id].core else "full"
    edition = edition_id if criteria == "core" else "2018"
    return cache.review(statute.payload, edition, criteria, jurisdiction)


def review_draft_for(statute_id: str) -> str | None:
    """The workspace's review of this statute draft, if it has one."""
    for draft in state.store().list_drafts(KIND):
        try:
            if json.loads(state.store().get(draft.id).payload).get("statute", {}).get("draft") == statute_id:
                return draft.id
        except (ValueError, AttributeError):
            continue
    return None


def save_review(statute: Version, edition_id: str, jurisdiction: str | None, result) -> tuple[str, int]:
    """Keep the review with the statute version it judged (a new version only when something changed)."""
    payload = {"statute": {"draft": statute.draft_id, "version": statute.version}, "edition": edition_id,
               "jurisdiction": jurisdiction, "review": result.to_json()}
    target = state.open_draft_id(KIND)
    if target is None or json.loads(state.store().get(target).payload).get("statute", {}).get("draft") != statute.draft_id:
        target = review_draft_for(statute.draft_id)
    name = f"Review of {statute.name} ({edition_id})"
    counts = result.counts()
    note = f"{counts['met']} met, {counts['partial']} partial, {counts['missing']} missing"
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1)
    if target is None:
        return state.save(KIND, name, text, note, new=True)
    return state.save(KIND, name, text, note, draft_id=target)


# --- views -----------------------------------------------------------------------------------------

def trimmed(diff, changed_only: bool):  # diff: Diff → Diff
    """With `changed_only`, long unchanged runs shrink to a few words either side of the changes."""
    if not changed_only:
        return diff
    out = []
    for i, (op, text) in enumerate(diff):
        words = text.split(" ")
        if op == 0 and len(words) > 2 * CONTEXT_WORDS + 1:
            head = " ".join(words[:CONTEXT_WORDS]) if i > 0 else ""
            tail = " ".join(words[-CONTEXT_WORDS:]) if i < len(diff) - 1 else ""
            text = " … ".join(p for p in (head, tail) if p) if (head or tail) else "…"
            text = (text + " ") if i < len(diff) - 1 and tail == "" else text
        out.append((op, text))
    return tuple(out)


def matrix(lib: Library, result) -> None:
    rows = []
    for v in result.verdicts:
        title = v.title or lib.criteria[v.criterion].title.get("en", v.criterion)
        evidence = "; ".join(e.num for e in v.evidence) or "—"
        rows.append([f"<b>{render.esc(title)}</b><br><span class='dr-muted'>{render.esc(v.criterion)}</span>",
                     render.badge(v.status), render.esc(evidence), render.esc(v.reason)])
    render.html(render.matrix_html(["Criterion", "Status", "Evidence", "Reason"], rows))


def verdict_detail(lib: Library, v, comparison, statute_label: str, changed_only: bool) -> None:
    st.markdown(render.md_escape(v.reason))
    if v.reason_es:
        st.caption(render.md_escape(v.reason_es))
    crit = lib.criteria.get(v.criterion)
    if crit is not None:
        st.caption("Met when: " + render.md_escape(crit.met_when.get("en", "")))
    if v.evidence:
        parts = []
        for e in v.evidence:
            aligned = (f'<div class="dr-muted">corresponds to model clause: {render.esc(", ".join(e.aligned))}</div>'
                       if e.aligned else "")
            parts.append(f'<p><span class="dr-label">{render.esc(statute_label)} {render.esc(e.num)}</span> '
                         f'<span class="dr-muted">({render.esc(e.eid)})</span></p>'
                         f'<blockquote style="margin:.2em 0 .8em 1em;border-left:3px solid #c9ced6;padding-left:.7em">'
                         f'{render.esc(e.quote)}</blockquote>{aligned}')
        render.html(f'<div class="dr-law">{"".join(parts)}</div>')
    else:
        st.caption("No provision of the statute supports this criterion.")
    # Side by side: each piece of evidence beside the model clause it corresponds to, then the
    # model clauses that would fill the gap; a few pairs, not every candidate alignment.
    by_id = {c.clause: c for c in comparison.clauses}
    pairs: list[tuple[Any, Any]] = []
    for e in v.evidence:
        # the clause for this criterion first, when the provision corresponds to it
        for cid in [c for c in e.aligned if c in v.clauses] or list(e.aligned):
            item = by_id.get(cid)
            match = next((m for m in item.matches if m.eid == e.eid), None) if item else None
            if match is not None:
                pairs.append((item, match))
                break
    for cid in v.clauses:
        item = by_id.get(cid)
        if item is not None and all(p[0].clause != cid for p in pairs):
            pairs.append((item, item.matches[0] if item.matches else None))
    if pairs:
        st.markdown("**Model clause and national provision**")
    for item, match in pairs[:MAX_PAIRS]:
        if match is None:
            render.html(render.pair_html(f"Model clause: {item.title}", render.esc(item.model_text),
                                         statute_label, '<span class="dr-muted">no corresponding provision</span>'))
            continue
        if changed_only and not any(op for op, _ in match.diff):
            continue
        diff = trimmed(match.diff, changed_only)
        render.html(render.pair_html(f"Model clause: {item.title}", render.diff_html(diff, "old"),
                                     f"{statute_label} {match.num} · similarity {match.score:.0%}",
                                     render.diff_html(diff, "new")))


def clause_by_clause(comparison, statute_label: str, changed_only: bool) -> None:
    items = list(comparison.clauses)
    shown, start, pages = render.page(items, 8, "rv_clause_page", "Clauses")
    for item in shown:
        st.markdown(f"**{render.md_escape(item.title)}** · :gray[{render.md_escape(item.clause)}]")
        if not item.matches:
            render.html(render.pair_html("Model clause", render.esc(item.model_text), statute_label,
                                         '<span class="dr-muted">no corresponding provision</span>'))
        for match in item.matches[:2]:
            diff = trimmed(match.diff, changed_only)
            render.html(render.pair_html("Model clause", render.diff_html(diff, "old"),
                                         f"{statute_label} {match.num} · similarity {match.score:.0%}",
                                         render.diff_html(diff, "new")))


def downloads(version: Version, result, comparison, stem: str) -> None:
    cols = st.columns(3)
    cols[0].download_button("Review as JSON", version.payload.encode("utf-8"), file_name=f"{stem}.json",
                            mime="application/json", key="rv_dl_json", width="stretch")
    # The report modules arrived after this page; each button shows only when its module is there.
    if importlib.util.find_spec("drafting.export.review_html"):
        from drafting.export.review_html import review_html

        cols[1].download_button("Report as HTML", lambda: review_html(result, comparison).encode("utf-8"),
                                file_name=f"{stem}.html", mime="text/html", key="rv_dl_html", width="stretch")
    if importlib.util.find_spec("drafting.export.review_docx"):
        from drafting.export.review_docx import review_docx_bytes

        cols[2].download_button("Report as DOCX", lambda: review_docx_bytes(result, comparison), file_name=f"{stem}.docx",
                                mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                key="rv_dl_docx", type="primary", width="stretch")


def view_version(version: Version) -> None:
    st.caption(f"Version {version.version} · {drafts.when(version.created)} · {render.md_escape(version.note)}")
    try:
        data = json.loads(version.payload)
        rows = [{"criterion": c["id"], "status": c["status"], "evidence": "; ".join(e["num"] for e in c["evidence"]),
                 "reason": c["reason"]} for c in data["review"]["criteria"]]
        st.dataframe(rows, hide_index=True, width="stretch")
    except (ValueError, KeyError, TypeError):
        st.code(version.payload[:20000], language="json")


# --- the page --------------------------------------------------------------------------------------

def pickers(lib: Library, current: dict[str, Any] | None) -> tuple[Version | None, str]:
    store = state.store()
    listed = store.list_drafts("statute")
    ids = [d.id for d in listed]
    names = {d.id: f"{d.name}  ·  {d.id}" for d in listed}
    sets = editions(lib)
    wanted = (current or {}).get("statute", {}).get("draft") or state.remembered("statute")
    if st.session_state.get("rv_statute") not in ids:
        st.session_state["rv_statute"] = wanted if wanted in ids else (ids[0] if ids else None)
    if st.session_state.get("rv_edition") not in sets:
        st.session_state["rv_edition"] = (current or {}).get("edition") if (current or {}).get("edition") in sets else sets[0]
    c1, c2, c3 = st.columns([5, 1.3, 2.7])
    chosen = c1.selectbox("Statute", ids, key="rv_statute", format_func=names.get, placeholder="Choose a statute")
    if not chosen:
        return None, st.session_state["rv_edition"]
    numbers = [h.version for h in reversed(store.history(chosen))]
    vkey = f"rv_version_{chosen}"
    if st.session_state.get(vkey) not in numbers:
        cur = (current or {}).get("statute", {})
        st.session_state[vkey] = cur.get("version") if cur.get("draft") == chosen and cur.get("version") in numbers else numbers[0]
    number = c2.selectbox("Version", numbers, key=vkey, format_func=lambda n: f"v{n}" + (" (latest)" if n == numbers[0] else ""))
    edition = c3.selectbox("Criteria of", sets, key="rv_edition", format_func=lambda s: edition_label(lib, s),
                           help="\n".join(f"- {s}: {lib.criteria_sets[s].title.get('en', s)}" for s in sets))
    return store.get(chosen, number), edition


def render_page() -> None:
    st.title("Review", anchor=False)
    try:
        lib = cache.library()
    except DraftingError as exc:
        render.error(exc)
        return
    open_id = state.open_draft_id(KIND)
    current = None
    if open_id:
        try:
            current = json.loads(state.store().get(open_id).payload)
        except ValueError:
            current = None
    statute, edition = pickers(lib, current)
    if statute is None:
        st.info("No statute in the workspace yet: import one on the Statutes page.")
        return
    try:
        doc = cache.document(statute.payload)
        jurisdiction = review_jurisdiction(lib, doc, state.jurisdiction())
        result = run_review(statute, edition, jurisdiction, lib)
        comparison = cache.comparison(statute.payload, jurisdiction)
    except DraftingError as exc:
        render.error(exc)
        return
    draft_id, number = save_review(statute, edition, jurisdiction, result)
    version = state.store().get(draft_id, number)
    preset = lib.jurisdictions.get(jurisdiction) if jurisdiction else None
    where = (f"the parameters of {preset.name.get(preset.language) or jurisdiction} ({jurisdiction})" if preset
             else "the model law's default parameters")
    language = LANGUAGE_NAMES.get(doc.meta.language, doc.meta.language or "the statute's language")
    st.caption(render.md_escape(f"{doc.meta.title or statute.name} — model clauses rendered in {language} with {where}."))
    counts = result.counts()
    c1, c2, c3, c4 = st.columns([1, 1, 1, 2.2], vertical_alignment="bottom")
    c1.metric("Met", counts["met"])
    c2.metric("Partly met", counts["partial"])
    c3.metric("Missing", counts["missing"])
    gaps = counts["partial"] + counts["missing"]
    if importlib.util.find_spec("drafting.bills.gapbill") and gaps:
        if c4.button(f"Draft a gap-filling amendment ({gaps} gaps)", key="rv_gapbill", type="primary", width="stretch",
                     help="A new bill in the Bill builder that adds or replaces the provisions these verdicts ask for."):
            from drafting.app.bills import new_gap_bill

            if new_gap_bill(statute, edition_for_gaps(lib, edition), jurisdiction):
                st.switch_page("drafting/app/pages/bill_builder.py")
    matrix(lib, result)
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", f"review-{doc.meta.country}-{doc.meta.number or 'statute'}-{edition}").strip("-")
    downloads(version, result, comparison, stem)
    label = "Article" if (doc.meta.profile or "").startswith("es") else "Section"
    changed_only = st.toggle("Changed only (shorten text the statute shares with the model clause)", key="rv_changed_only")
    tab_verdicts, tab_clauses = st.tabs(["Evidence by criterion", "Clause by clause"])
    with tab_verdicts:
        for v in result.verdicts:
            title = v.title or lib.criteria[v.criterion].title.get("en", v.criterion)
            with st.expander(f"{render.md_escape(title)} — {v.status}", icon=STATUS_ICON.get(v.status)):
                verdict_detail(lib, v, comparison, label, changed_only)
    with tab_clauses:
        clause_by_clause(comparison, label, changed_only)
    drafts.versions_panel(KIND, draft_id, view_version)


def edition_for_gaps(lib: Library, edition: str) -> str:
    return edition if lib.criteria_sets[edition].core else "2018"


if __name__ == "__main__":
    render_page()
