"""Amendments: two versions of a statute or bill compared — change list, side-by-side redline,
amending instructions, and the tracked-changes DOCX.

A comparison is a workspace draft (kind "amendment") naming the two versions it compares (each a
statute or a bill draft and a version number), so the URL brings it back; the texts themselves
stay in their own drafts. A bill version is compared as the bill its spec assembles.
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from drafting import akn, naming
from drafting.amend.instructions import default_act_name, instructions, instructions_document
from drafting.amend.wording import describe
from drafting.app import cache, drafts, render, state
from drafting.app.pages.statutes import UPLOAD_MB, import_upload
from drafting.errors import DraftingError
from drafting.export.diff_html import diff_html, side_paragraph
from drafting.export.docx import docx_bytes
from drafting.export.redline import redline_bytes
from drafting.importers.readers import IMPORTABLE
from drafting.parse import profiles
from drafting.store import Version

KIND = "amendment"
TEXT_KINDS = ("statute", "bill")  # what can be compared
SIDES = (("old", "Old version"), ("new", "New version"))
ROWS_PAGE = 25
CHANGES_PAGE = 50


# --- the comparison draft -----------------------------------------------------------------------

def payload_of(version: Version) -> dict[str, Any]:
    data = json.loads(version.payload)
    if not isinstance(data, dict) or not all(isinstance(data.get(s), dict) for s, _ in SIDES):
        raise DraftingError("this comparison draft is damaged (no old and new versions)", source=version.draft_id)
    return data


def side_version(ref: dict[str, Any]) -> Version:
    version = state.store().get(str(ref.get("draft", "")), int(ref.get("version", 0)) or None)
    if version.kind not in TEXT_KINDS:
        raise DraftingError(f"draft {version.draft_id} is a {version.kind}, not a statute or a bill")
    return version


def xml_of(version: Version) -> str:
    """A version's text as Akoma Ntoso: a statute as stored, a bill as its spec assembles it."""
    if version.kind == "statute":
        return version.payload
    from drafting.app.bills import gap_assembly, spec_of

    spec = spec_of(version)
    assembly = gap_assembly(spec) if spec.amending else cache.assembly(version.payload)
    return akn.to_xml(assembly.document).decode("utf-8")


def save_comparison(old: tuple[str, int], new: tuple[str, int], act_name: str = "") -> tuple[str, int]:
    """Keep a comparison of two versions in the workspace (the open one, or a new one)."""
    store = state.store()
    a, b = store.get(*old), store.get(*new)
    for v in (a, b):
        if v.kind not in TEXT_KINDS:
            raise DraftingError(f"draft {v.draft_id} is a {v.kind}, not a statute or a bill")
    name = comparison_name(a, b)
    data = {"old": {"draft": a.draft_id, "version": a.version}, "new": {"draft": b.draft_id, "version": b.version},
            "act_name": act_name}
    meta = drafts.facts_meta(naming.facts_from(a.meta), file_stem=drafts.file_stem(a))
    return state.save(KIND, name, json.dumps(data, sort_keys=True), "versions chosen", meta)


def comparison_name(a: Version, b: Version) -> str:
    """"Ley …: version 1 → version 2" for one draft; for two drafts of one law, what tells them apart
    (file, date, time) — never an id (drafting.naming)."""
    def side(v: Version) -> tuple[naming.Facts, str, int, str]:
        facts = naming.facts_from(v.meta)
        same_draft = a.draft_id == b.draft_id
        return (facts if not same_draft else naming.Facts(title=facts.title)), v.name, v.version, v.created

    return naming.comparison_name(side(a), side(b), state.ui_language())


# --- choosing the versions ----------------------------------------------------------------------

def side_picker(side: str, title: str, current: dict[str, Any] | None, tag: str) -> tuple[str, int] | None:
    store = state.store()
    listed = [d for kind in TEXT_KINDS for d in store.list_drafts(kind)]
    names = naming.names_in((d.id, f"{'Bill: ' if d.kind == 'bill' else ''}{drafts.label(d)}") for d in listed)
    ids = list(names)
    key = f"am_{side}_statute_{tag}"
    pending = st.session_state.pop(f"am_{side}_pending", None)  # a file just imported for this side
    if pending in ids:
        st.session_state[key] = pending
    if key not in st.session_state:
        wanted = (current or {}).get("draft") or state.remembered("statute")
        st.session_state[key] = wanted if wanted in ids else (ids[0] if ids else None)
    st.markdown(f"**{title}**")
    chosen = st.selectbox(f"{title}: statute or bill", ids, key=key, format_func=names.get,
                          placeholder="Choose a statute or a bill")
    if not chosen:
        return None
    st.caption(render.md_escape(names[chosen]))  # the whole name: a narrow box cuts off what tells two texts apart
    numbers = [h.version for h in reversed(store.history(chosen))]
    vkey = f"am_{side}_version_{tag}_{chosen}"
    if vkey not in st.session_state:
        wanted_v = (current or {}).get("version") if (current or {}).get("draft") == chosen else None
        if wanted_v not in numbers:  # by default: the previous version on the old side, the latest on the new
            wanted_v = numbers[1] if side == "old" and len(numbers) > 1 else numbers[0]
        st.session_state[vkey] = wanted_v
    version = st.selectbox(f"{title}: version", numbers, key=vkey,
                           format_func=lambda n: f"version {n}" + (" (latest)" if n == numbers[0] else ""))
    # After an import the uploader and its expander get new keys: they come back empty and closed.
    n = st.session_state.get(f"am_{side}_uploads", 0)
    with st.expander("… or upload a file", key=f"am_{side}_upload_box{n or ''}"):
        upload = st.file_uploader(f"{title} ({', '.join(IMPORTABLE)})", type=[e.lstrip(".") for e in IMPORTABLE],
                                  key=f"am_{side}_upload{n or ''}", max_upload_size=UPLOAD_MB)
        if st.button(f"Import the file as the {title.lower()}", key=f"am_{side}_import{n or ''}", disabled=upload is None):
            before = state.remembered("statute")
            draft_id = import_upload(upload.name, upload.getvalue())
            if draft_id:
                if before:  # importing here should not change the Statutes page's open statute
                    state.set_open("statute", before)
                state.show_in_url(KIND)  # the URL names this page's comparison, not the new statute
                st.session_state[f"am_{side}_pending"] = draft_id  # the widget exists: set it on the next run
                st.session_state[f"am_{side}_uploads"] = n + 1
                st.rerun()
    return chosen, int(version)


# --- results ------------------------------------------------------------------------------------

def _groups(rows) -> list[list]:  # rows: tuple[Row, ...]
    """Consecutive redline rows of one provision (one side of a move) make one group."""
    out: list[list] = []
    last_side = None
    for row in rows:
        side = row.op if row.op in ("move_from", "move_to") else "pair"
        if out and not row.first and row.change is out[-1][0].change and side == last_side:
            out[-1].append(row)
        else:
            out.append([row])
        last_side = side
    return out


def redline_view(plan, changed_only: bool, profile, old_doc, new_doc) -> None:
    groups = _groups(plan.rows)
    if changed_only:
        groups = [g for g in groups if any(r.op != "equal" for r in g)]
    if not groups:
        st.info("No differences.")
        return
    shown, start, pages = render.page(groups, ROWS_PAGE, "am_redline_page", "Provisions")
    parts = []
    for group in shown:
        ops = {r.op for r in group}
        left = "".join(side_paragraph(r, -1) for r in group if r.op != "move_to")
        right = "".join(side_paragraph(r, 1) for r in group if r.op != "move_from")
        if "move_from" in ops:
            right = '<p class="dr-muted">moved (see its new place)</p>'
        if "move_to" in ops:
            left = '<p class="dr-muted">moved (from its old place)</p>'
        op = (describe(group[0].change, profile, old_doc, new_doc) if group[0].change is not None
              else ("" if ops == {"equal"} else "changed"))
        parts.append(f'<div class="dr-muted" style="margin:.6rem 0 .2rem">{render.esc(op)}</div>'
                     + render.pair_html("Old", left or "&nbsp;", "New", right or "&nbsp;"))
    render.html("".join(parts))


def change_list(changes, changed_only: bool, profile) -> None:
    """Each changed provision named as the law cites it ("artículo 5-B — insertado"), in a table that wraps."""
    rows = []
    for change in changes.changes:
        if change.level not in ("unit", "division"):
            continue
        if changed_only and change.op == "unchanged":
            continue
        node = change.node
        text = node.heading or node.text
        rows.append([render.esc(describe(change, profile)),
                     render.esc(naming.short_title(text, 160) if text else "—"),
                     render.esc(f"{round(change.similarity)}%" if change.old is not None and change.new is not None else "—"),
                     "yes" if change.text_changed else "", "yes" if change.renumbered else ""])
    if not rows:
        st.info("No changes.")
        return
    shown, start, pages = render.page(rows, CHANGES_PAGE, "am_changes_page", "Changes")
    render.html(render.matrix_html(["Provision and change", "Heading or text", "Similarity", "Wording changed", "Renumbered"],
                                   shown, numeric=(2,)))


def show_comparison(version: Version) -> None:
    data = payload_of(version)
    old_v, new_v = side_version(data["old"]), side_version(data["new"])
    old_xml, new_xml = xml_of(old_v), xml_of(new_v)
    old_doc, new_doc = cache.document(old_xml), cache.document(new_xml)
    changes = cache.changes(old_xml, new_xml)
    profile = profiles.get(new_doc.meta.profile or old_doc.meta.profile) if (new_doc.meta.profile or old_doc.meta.profile) \
        else profiles.for_language(new_doc.meta.language or old_doc.meta.language or "en")
    st.subheader("Changes", anchor=False)
    st.caption(render.md_escape(comparison_name(old_v, new_v)))
    for warning in changes.warnings:
        render.warning(warning)
    counts = dict(changes.stats.counts)
    cols = st.columns(6)
    for col, op in zip(cols, ("modify", "insert", "delete", "move", "renumber", "unchanged")):
        col.metric({"modify": "Modified", "insert": "Inserted", "delete": "Deleted", "move": "Moved",
                    "renumber": "Renumbered", "unchanged": "Unchanged"}[op], counts.get(op, 0))
    changed_only = st.toggle("Changed provisions only", value=True, key="am_changed_only")
    tab_side, tab_list, tab_instr, tab_files = st.tabs(["Side by side", "Change list", "Amending instructions", "Downloads"])
    with tab_side:
        redline_view(cache.plan(old_xml, new_xml, profile.id), changed_only, profile, old_doc, new_doc)
    with tab_list:
        change_list(changes, changed_only, profile)
    act_name = data.get("act_name") or default_act_name(profile, old_doc.meta)
    with tab_instr:
        key = f"am_act_{version.draft_id}"
        if st.session_state.get(f"{key}_shows") != version.version:  # another version came in: show its name
            st.session_state[key] = act_name
            st.session_state[f"{key}_shows"] = version.version

        def on_act_name() -> None:  # saved on Enter or when the field loses focus
            name = str(st.session_state[key]).strip()
            if name and name != act_name:
                _, number = state.save(KIND, version.name, json.dumps({**data, "act_name": name}, sort_keys=True),
                                       "act name changed", dict(version.meta))
                st.session_state[f"{key}_shows"] = number

        st.text_input("How the amending instructions name the act", key=key, max_chars=200, on_change=on_act_name)
        try:
            items = instructions(changes, profile, act_name, old=old_doc, new=new_doc)
        except DraftingError as exc:
            render.error(exc)
            items = ()
        if not items:
            st.info("No amending instructions: the texts are the same in law.")
        shown, start, _ = render.page(items, 40, "am_instr_page", "Instructions")
        body = []
        for n, item in enumerate(shown, start=start + 1):
            body.append(f"<p><b>{n}.</b> {render.esc(item.text)}</p>")
            if item.provision is not None:
                body.append(f'<div style="margin-left:2em">{render.node_html(item.provision, label=profile.label)}</div>')
        if body:
            render.html(f'<div class="dr-law">{"".join(body)}</div>')
    stem = drafts.file_stem(old_v)
    versions = naming.version_tags((naming.facts_from(old_v.meta), old_v.version), (naming.facts_from(new_v.meta), new_v.version),
                                   old_v.draft_id == new_v.draft_id)
    with tab_files:
        c1, c2, c3 = st.columns(3)
        c1.download_button("Download tracked changes (DOCX)", lambda: redline_bytes(old_doc, new_doc, changes, profile=profile),
                           file_name=naming.file_name(stem, "redline", *versions, ext="docx"), key="am_dl_redline",
                           type="primary", width="stretch",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        c2.download_button("Download the amending bill (DOCX)",
                           lambda: docx_bytes(instructions_document(changes, profile, act_name, old=old_doc,
                                                                  new=new_doc), profile),
                           file_name=naming.file_name(stem, "amending-bill", *versions, ext="docx"),
                           key="am_dl_instructions", width="stretch",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        c3.download_button("Download side by side (HTML)", lambda: diff_html(old_doc, new_doc, changes, profile=profile).encode("utf-8"),
                           file_name=naming.file_name(stem, "comparison", *versions, ext="html"), mime="text/html",
                           key="am_dl_html", width="stretch")


def view_version(version: Version) -> None:
    """An earlier version of the comparison: the two texts it compared, by name."""
    st.caption(f"Version {version.version} · {drafts.when(version.created)} · {render.md_escape(version.note)}")
    try:
        data = payload_of(version)
        rows = []
        for side, title in SIDES:
            try:
                rows.append([render.esc(title), render.esc(drafts.label(side_version(data[side])))])
            except DraftingError as exc:
                rows.append([render.esc(title), render.esc(exc)])
        rows.append([render.esc("How the instructions name the act"), render.esc(data.get("act_name") or "the default")])
        render.html(render.matrix_html(["", "Text"], rows))
    except (DraftingError, ValueError) as exc:
        render.error(exc)


def render_page() -> None:
    st.title("Amendments", anchor=False)
    st.caption("Compare two versions of a statute or bill: what changed, the redline, the amending "
               "instructions that make the change, and a Word file with real tracked changes.")
    open_id = state.open_draft_id(KIND)
    ids, names = drafts.choices(state.store().list_drafts(KIND))
    c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
    chosen = c1.selectbox("Comparisons in the workspace", ids, index=ids.index(open_id) if open_id in ids else None,
                          format_func=names.get,
                          placeholder="Choose a comparison, or pick two versions below", key=drafts.picker_key("am_pick", open_id, names))
    if chosen and chosen != open_id:
        state.set_open(KIND, chosen)
        st.rerun()
    if c2.button("New comparison", key="am_new", width="stretch", disabled=open_id is None,
                 help="Close this comparison and pick two other versions."):
        state.set_open(KIND, None)
        st.rerun()
    current = state.store().get(open_id) if open_id else None
    try:
        data = payload_of(current) if current else None
    except (DraftingError, ValueError) as exc:
        render.error(exc)
        data = None
    tag = f"{open_id}_{current.version}" if current else "new"
    with st.container(border=True):
        left, right = st.columns(2, gap="large")
        with left:
            old = side_picker("old", "Old version", (data or {}).get("old"), tag)
        with right:
            new = side_picker("new", "New version", (data or {}).get("new"), tag)
        same = old is not None and old == new
        if same:
            st.caption("Pick two different versions.")
        if st.button("Compare the two versions", type="primary", key="am_compare", disabled=old is None or new is None or same):
            try:
                save_comparison(old, new, (data or {}).get("act_name", ""))
                st.rerun()
            except DraftingError as exc:
                render.error(exc)
    if current is not None and data is not None:
        try:
            show_comparison(current)
        except DraftingError as exc:
            render.error(exc)
        drafts.versions_panel(KIND, current.draft_id, view_version)


if __name__ == "__main__":
    render_page()
