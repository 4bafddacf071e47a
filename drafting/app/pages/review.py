"""Review: a statute measured against the model-law criteria of an edition, every verdict with its evidence.

Choosing a statute and an edition runs the review (cached) and shows it; nothing is written until
the drafter presses "Save review", which keeps it as a review draft — one per statute and criteria
set, a new version when the verdicts change. The URL names the saved review, or, before it is
saved, the statute (`?draft=<statute>&edition=2018[&version=2]`), so a reload shows the same review.
Each verdict opens to its evidence and to the model clause beside the national provision.
A statute can be reviewed together with others of its country (a penal code and its special laws):
one verdict per criterion for the legal order, each piece of evidence cited with its statute.
"""

from __future__ import annotations

import importlib.util
import json
from typing import Any

import streamlit as st

from drafting import naming
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


def run_review(xml: str, edition_id: str, jurisdiction: str | None, lib: Library):  # -> Review
    criteria = "core" if lib.criteria_sets[edition_id].core else "full"
    edition = edition_id if criteria == "core" else "2018"
    return cache.review(xml, edition, criteria, jurisdiction)


def review_payload(statute: Version, edition_id: str, jurisdiction: str | None, result,
                   together: tuple[Version, ...] = ()) -> str:
    """The text a saved review keeps: the statute version it judged (and those judged with it), the
    criteria set, the verdicts."""
    payload = {"statute": {"draft": statute.draft_id, "version": statute.version}, "edition": edition_id,
               "jurisdiction": jurisdiction, "review": result.to_json()}
    if together:
        payload["together"] = [{"draft": v.draft_id, "version": v.version} for v in together]
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1)


def _judged(version: Version) -> tuple[str | None, str | None, list[str]]:
    """(statute draft, criteria set, statutes judged with it) a saved review is of."""
    try:
        data = json.loads(version.payload)
        return (data.get("statute", {}).get("draft"), data.get("edition"),
                [t.get("draft") for t in data.get("together", [])])
    except (ValueError, AttributeError):
        return None, None, []


def review_draft_for(statute_id: str, edition_id: str | None = None, together: tuple[str, ...] = ()) -> str | None:
    """The workspace's saved review of this statute draft (for this criteria set, when given), alone or
    together with the same other statutes."""
    for draft in state.store().list_drafts(KIND):
        meta = draft.meta
        judged = ((meta.get("statute"), meta.get("edition"), meta.get("together", [])) if "statute" in meta
                  else _judged(state.store().get(draft.id)))
        if judged[0] == statute_id and (edition_id is None or judged[1] == edition_id) and \
                sorted(judged[2] or []) == sorted(together):
            return draft.id
    return None


def review_stem(statute: Version, edition_id: str) -> str:
    return naming.joined(drafts.file_stem(statute), "review", edition_id)


def save_review(statute: Version, edition_id: str, jurisdiction: str | None, result, lib: Library,
                together: tuple[Version, ...] = ()) -> tuple[str, int]:
    """Keep the review (asked for by the drafter): a new version of this statute's review for the set,
    or a new review draft; nothing when it is unchanged."""
    with_ids = tuple(v.draft_id for v in together)
    target = review_draft_for(statute.draft_id, edition_id, with_ids)
    facts = naming.facts_from(statute.meta)
    title = naming.short_title(facts.title or statute.name, 80)
    if together:
        title += f" and {len(together)} other statute{'s' if len(together) > 1 else ''}"
    name = f"Review of {title} — {drafts.edition_label(lib, edition_id)}"
    counts = result.counts()
    note = f"{counts['met']} met, {counts['partial']} partial, {counts['missing']} missing"
    meta = drafts.facts_meta(facts, statute=statute.draft_id, edition=edition_id, together=list(with_ids),
                             file_stem=review_stem(statute, edition_id) + ("-together" if together else ""))
    text = review_payload(statute, edition_id, jurisdiction, result, together)
    return state.save(KIND, name, text, note, meta, draft_id=target, new=target is None)


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
        rows.append([f"<b>{render.esc(title)}</b>",
                     render.badge(v.status) + (render.check_badge(v.check_note) if v.uncertain else ""),
                     render.esc(evidence), render.esc(v.reason)])
    render.html(render.matrix_html(["Criterion", "Status", "Evidence", "Reason"], rows))


def verdict_detail(lib: Library, v, comparison, statute_label: str, changed_only: bool) -> None:
    if v.uncertain:
        st.warning(v.check_note, icon=":material/help:")
    st.markdown(render.md_escape(v.reason))
    if v.reason_es:
        st.caption(render.md_escape(v.reason_es))
    crit = lib.criteria.get(v.criterion)
    if crit is not None:
        st.caption("Met when: " + render.md_escape(crit.met_when.get("en", "")))
    if v.evidence:
        parts = []
        for e in v.evidence:
            titles = [lib.clauses[c].title.get(state.ui_language(), c) if c in lib.clauses else c for c in e.aligned]
            aligned = (f'<div class="dr-muted">corresponds to the model clauses: {render.esc("; ".join(titles))}</div>'
                       if e.aligned else "")
            parts.append(f'<p><span class="dr-label">{render.esc(f"{statute_label} {e.num}".strip())}</span></p>'
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
                                     f"{statute_label} {match.num}".strip() + f" · similarity {match.score:.0%}",
                                     render.diff_html(diff, "new")))


def clause_by_clause(comparison, statute_label: str, changed_only: bool) -> None:
    items = list(comparison.clauses)
    shown, start, pages = render.page(items, 8, "rv_clause_page", "Clauses")
    for item in shown:
        st.markdown(f"**{render.md_escape(item.title)}**")
        if not item.matches:
            render.html(render.pair_html("Model clause", render.esc(item.model_text), statute_label,
                                         '<span class="dr-muted">no corresponding provision</span>'))
        for match in item.matches[:2]:
            diff = trimmed(match.diff, changed_only)
            render.html(render.pair_html("Model clause", render.diff_html(diff, "old"),
                                         f"{statute_label} {match.num}".strip() + f" · similarity {match.score:.0%}",
                                         render.diff_html(diff, "new")))


def downloads(lib: Library, payload: str, result, comparison, stem: str) -> None:
    cols = st.columns(3)
    cols[0].download_button("Download the review (JSON)", payload.encode("utf-8"), file_name=f"{stem}.json",
                            mime="application/json", key="rv_dl_json", width="stretch")
    # The report modules arrived after this page; each button shows only when its module is there.
    if importlib.util.find_spec("drafting.export.review_html"):
        from drafting.export.review_html import review_html

        cols[1].download_button("Download the report (HTML)", lambda: review_html(result, comparison, lib).encode("utf-8"),
                                file_name=f"{stem}.html", mime="text/html", key="rv_dl_html", width="stretch")
    if importlib.util.find_spec("drafting.export.review_docx"):
        from drafting.export.review_docx import review_docx_bytes

        cols[2].download_button("Download the report (DOCX)", lambda: review_docx_bytes(result, comparison, lib), file_name=f"{stem}.docx",
                                mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                key="rv_dl_docx", type="primary", width="stretch")


def view_version(version: Version) -> None:
    st.caption(f"Version {version.version} · {drafts.when(version.created)} · {render.md_escape(version.note)}")
    try:
        data = json.loads(version.payload)
        rows = [[render.esc(c.get("title") or c["id"]), render.badge(c["status"]),
                 render.esc("; ".join(e["num"] for e in c["evidence"]) or "—"), render.esc(c["reason"])]
                for c in data["review"]["criteria"]]
        render.html(render.matrix_html(["Criterion", "Status", "Evidence", "Reason"], rows))
    except (ValueError, KeyError, TypeError):
        st.code(version.payload[:20000], language="json")


# --- the page --------------------------------------------------------------------------------------

def wanted_choice(current: dict[str, Any] | None) -> tuple[str | None, int | None, str | None]:
    """Which statute, version and criteria set to show first: the URL's statute, else this session's
    last choice (unless another statute was opened since), else the open review's, else the statute
    last opened."""
    named = state.url_draft()
    if named is not None and named[1] == "statute":
        version = st.query_params.get("version")
        return named[0], int(version) if str(version or "").isdigit() else None, st.query_params.get("edition")
    last = st.session_state.get("rv_last")
    opened = state.remembered("statute")
    if last and last[3] == opened:
        return last[:3]
    if last:  # another statute was opened (on the Statutes page) since: review that one
        return opened, None, last[2]
    if current:
        judged = current.get("statute", {})
        return judged.get("draft"), judged.get("version"), current.get("edition")
    return state.remembered("statute"), None, None


def pickers(lib: Library, current: dict[str, Any] | None) -> tuple[Version | None, str]:
    store = state.store()
    ids, names = drafts.choices(store.list_drafts("statute"))
    sets = editions(lib)
    want_statute, want_version, want_edition = wanted_choice(current)
    if st.session_state.get("rv_statute") not in ids:
        st.session_state["rv_statute"] = want_statute if want_statute in ids else (ids[0] if ids else None)
    if st.session_state.get("rv_edition") not in sets:
        st.session_state["rv_edition"] = want_edition if want_edition in sets else sets[0]
    c1, c2, c3 = st.columns([5, 1.5, 2.5])
    chosen = c1.selectbox("Statute to review", ids, key="rv_statute", format_func=names.get, placeholder="Choose a statute")
    if not chosen:
        return None, st.session_state["rv_edition"]
    numbers = [h.version for h in reversed(store.history(chosen))]
    vkey = f"rv_version_{chosen}"
    if st.session_state.get(vkey) not in numbers:
        st.session_state[vkey] = want_version if chosen == want_statute and want_version in numbers else numbers[0]
    number = c2.selectbox("Version of the statute", numbers, key=vkey,
                          format_func=lambda n: f"version {n}" + (" (latest)" if n == numbers[0] else ""))
    edition = c3.selectbox("Criteria of", sets, key="rv_edition", format_func=lambda s: edition_label(lib, s),
                           help="\n".join(f"- {s}: {lib.criteria_sets[s].title.get('en', s)}" for s in sets))
    st.session_state["rv_last"] = (chosen, int(number), edition, state.remembered("statute"))
    return store.get(chosen, number), edition


def together_picker(statute: Version) -> tuple[Version, ...]:
    """Other statutes (latest versions) of the statute's language to review with it as one legal order."""
    store = state.store()
    language = naming.facts_from(statute.meta).language
    others = tuple(d for d in store.list_drafts("statute") if d.id != statute.draft_id
                   and naming.facts_from(d.meta).language in ("", language))
    if not others:
        return ()
    ids, names = drafts.choices(others)
    key = "rv_together"
    st.session_state[key] = [i for i in st.session_state.get(key, []) if i in ids]
    chosen = st.multiselect(
        "Review together with", ids, key=key, format_func=names.get, placeholder="this statute alone",
        help="Other statutes of the same country — a penal code and its special laws — judged with this one as "
             "one legal order: a criterion is met when any of them meets it, and the evidence names the statute.")
    return tuple(store.get(i) for i in chosen)


def show_in_url(statute: Version, edition: str, saved_id: str | None) -> None:
    """The URL names the saved review, or the statute, version and criteria set of an unsaved one."""
    if saved_id:
        state.set_open(KIND, saved_id, remember=False)
        for extra in ("edition", "version"):
            if extra in st.query_params:
                del st.query_params[extra]
        return
    state.forget_open(KIND)
    st.query_params[state.URL_DRAFT] = statute.draft_id
    st.query_params["edition"] = edition
    latest = state.store().history(statute.draft_id)[-1].version
    if statute.version != latest:
        st.query_params["version"] = str(statute.version)
    elif "version" in st.query_params:
        del st.query_params["version"]


def render_page() -> None:
    st.title("Review", anchor=False)
    try:
        lib = cache.library()
    except DraftingError as exc:
        render.error(exc)
        return
    open_id = state.open_draft_id(KIND, url_kinds=("statute",))
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
    together = together_picker(statute)
    try:
        xml = cache.together((statute.payload, *(v.payload for v in together))) if together else statute.payload
        doc = cache.document(xml)
        jurisdiction = review_jurisdiction(lib, doc, state.jurisdiction())
        result = run_review(xml, edition, jurisdiction, lib)
        comparison = cache.comparison(xml, jurisdiction)
    except DraftingError as exc:
        render.error(exc)
        return
    text = review_payload(statute, edition, jurisdiction, result, together)
    saved_id = review_draft_for(statute.draft_id, edition, tuple(v.draft_id for v in together))
    saved = state.store().get(saved_id) if saved_id else None
    is_saved = saved is not None and saved.payload == text
    show_in_url(statute, edition, saved_id if is_saved else None)
    preset = lib.jurisdictions.get(jurisdiction) if jurisdiction else None
    where = (f"the jurisdiction's parameters ({drafts.jurisdiction_name(lib, jurisdiction)})" if preset
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
        helps = "A new bill in the Bill builder that adds or replaces the provisions these verdicts ask for."
        if together:
            helps += " It amends the statute chosen first, for the criteria none of the statutes meets fully."
        if c4.button(f"Draft a gap-filling amendment ({gaps} gaps)", key="rv_gapbill", type="primary", width="stretch",
                     help=helps):
            from drafting.app.bills import new_gap_bill

            open_gaps = tuple(v.criterion for v in result.verdicts if v.status != "met") if together else None
            if new_gap_bill(statute, edition_for_gaps(lib, edition), jurisdiction, open_gaps):
                st.switch_page("drafting/app/pages/bill_builder.py")
    save_box, status = st.columns([1, 4], vertical_alignment="center")
    if save_box.button("Saved" if is_saved else "Save review", key="rv_save", disabled=is_saved, width="stretch",
                       icon=":material/check:" if is_saved else ":material/save:",
                       help="Keep this review in the workspace (a new version when its verdicts changed)."):
        saved_id, number = save_review(statute, edition, jurisdiction, result, lib, together)
        state.flash(f"Review saved (version {number}).")
        st.rerun()
    if is_saved:
        status.caption(render.md_escape(f"Saved in the workspace: version {saved.version}, {drafts.when(saved.created)}."))
    elif saved is not None:
        status.caption(render.md_escape(f"Not saved: the saved review of this statute (version {saved.version}, "
                                        f"{drafts.when(saved.created)}) differs. Save to keep this one as its next version."))
    else:
        status.caption("Not saved yet: nothing is written to the workspace until you save.")
    matrix(lib, result)
    downloads(lib, text, result, comparison, review_stem(statute, edition))
    # in a legal order every number already names its statute ("Ley 1146 de 2007, 12")
    label = "" if together else "Article" if (doc.meta.profile or "").startswith("es") else "Section"
    changed_only = st.toggle("Changed only (shorten text the statute shares with the model clause)", key="rv_changed_only")
    tab_verdicts, tab_clauses = st.tabs(["Evidence by criterion", "Clause by clause"])
    with tab_verdicts:
        for v in result.verdicts:
            title = v.title or lib.criteria[v.criterion].title.get("en", v.criterion)
            flag = " (check)" if v.uncertain else ""
            with st.expander(f"{render.md_escape(title)} — {v.status}{flag}", icon=STATUS_ICON.get(v.status)):
                verdict_detail(lib, v, comparison, label, changed_only)
    with tab_clauses:
        clause_by_clause(comparison, label, changed_only)
    if saved is not None:
        drafts.versions_panel(KIND, saved.draft_id, view_version)


def edition_for_gaps(lib: Library, edition: str) -> str:
    return edition if lib.criteria_sets[edition].core else "2018"


if __name__ == "__main__":
    render_page()
