"""Model law: browse and search the clause library by topic and criterion, preview in English/Spanish."""

from __future__ import annotations

from typing import Any

import streamlit as st

from drafting.app import cache, render, state
from drafting.errors import DraftingError
from drafting.library.library import Clause, Library

LANG_NAMES = {"en": "English", "es": "Español"}


@st.cache_data(show_spinner=False, max_entries=64)
def clause_text(clause_id: str, lang: str, jurisdiction: str | None) -> tuple[str, str]:
    """(heading line, body) of a clause with a jurisdiction's parameters; cached per combination."""
    lib = cache.library()
    return (lib.heading_line(clause_id, lang, jurisdiction=jurisdiction),
            lib.render_text(clause_id, lang, jurisdiction=jurisdiction))


def search_clauses(lib: Library, *, topic: str | None = None, criterion: str | None = None, text: str = "",
                   jurisdiction: str | None = None) -> list[Clause]:
    """Clauses of a topic and/or criterion whose id, titles or rendered text contain `text`."""
    found = list(lib.clauses_for_criterion(criterion)) if criterion else list(lib.clauses.values())
    if topic:
        found = [c for c in found if c.topic == topic]
    needle = text.strip().lower()
    if needle:
        def hit(clause: Clause) -> bool:
            if needle in clause.id or any(needle in t.lower() for t in clause.title.values()):
                return True
            for lang in clause.templates:
                try:
                    if needle in clause_text(clause.id, lang, jurisdiction)[1].lower():
                        return True
                except DraftingError:
                    continue
            return False
        found = [c for c in found if hit(c)]
    return found


def parameter_rows(lib: Library, clause: Clause, lang: str, jurisdiction: str | None) -> list[dict[str, Any]]:
    """The clause's parameters in the UI language: label, value in words (as the preview's language
    `lang` resolves it), where it comes from, meaning, and the name the command line uses."""
    values = lib.resolve_params(clause.id, jurisdiction, lang=lang)
    ui = state.ui_language()
    rows = []
    for name in clause.parameters:
        param = lib.parameters[name]
        desc = param.description.get(ui) or next(iter(param.description.values()), "")
        origin = {"preset": "jurisdiction's preset", "default": "model-law default"}.get(
            lib.value_origin(name, jurisdiction, lang), "")
        rows.append({"parameter": param.title(ui), "name": name, "value": lib.describe_value(name, values[name], ui),
                     "origin": origin, "meaning": desc})
    return rows


def preview_html(heading: str, body: str) -> str:
    paras = "".join(f"<p>{render.esc(line)}</p>" for line in body.splitlines())
    return f'<p class="dr-head">{render.esc(heading)}</p>{paras}'


def show_clause(lib: Library, clause: Clause, langs: list[str], jurisdiction: str | None) -> None:
    topic = lib.topics[clause.topic].title
    lang0 = langs[0]
    crits = ", ".join(lib.criteria[c].title.get(lang0, c) for c in clause.criteria) or "—"
    render.html(f'<div class="dr-muted">id <code>{render.esc(clause.id)}</code> · topic: {render.esc(topic.get(lang0, clause.topic))}'
                f' · criteria: {render.esc(crits)} · version {render.esc(clause.version)}'
                + (f' · requires: {render.esc(", ".join(clause.requires))}' if clause.requires else "") + "</div>")
    previews = []
    for lang in langs:
        try:
            heading, body = clause_text(clause.id, lang, jurisdiction)
            previews.append((LANG_NAMES.get(lang, lang), preview_html(heading, body)))
        except DraftingError as exc:
            previews.append((LANG_NAMES.get(lang, lang), f'<p><b>Cannot render:</b> {render.esc(exc)}</p>'))
    if len(previews) == 2:
        render.html(render.pair_html(previews[0][0], previews[0][1], previews[1][0], previews[1][1]))
    else:
        render.html(f'<div class="dr-law">{previews[0][1]}</div>')
    if clause.parameters:
        try:
            rows = parameter_rows(lib, clause, lang0, jurisdiction)
        except DraftingError as exc:
            render.error(exc)
            return
        # An HTML table, not st.dataframe: the meanings are sentences and must wrap, not be cut off.
        render.html(render.matrix_html(["Parameter", "Value", "Meaning"],
                                       [[f"<b>{render.esc(r['parameter'])}</b><br><span class='dr-muted'>command line: "
                                         f"<code>{render.esc(r['name'])}</code></span>",
                                         f"{render.esc(r['value'])}<br><span class='dr-muted'>{render.esc(r['origin'])}</span>",
                                         render.esc(r["meaning"])] for r in rows]))


def render_page() -> None:
    st.title("Model law", anchor=False)
    try:
        lib = cache.library()
    except DraftingError as exc:
        render.error(exc)
        return
    jurisdiction = state.jurisdiction()
    preset = lib.jurisdictions.get(jurisdiction) if jurisdiction else None
    where = (f"with the jurisdiction's parameters ({preset.title(state.ui_language())}; change it in the sidebar)"
             if preset else "with the model law's default parameters (pick a jurisdiction in the sidebar)")
    st.caption(f"{len(lib.clauses)} clauses in {len(lib.topics)} topics, shown {render.md_escape(where)}.")

    c1, c2, c3, c4 = st.columns([2, 2, 2, 2.3])
    topics = sorted(lib.topics.values(), key=lambda t: t.order)
    ui = state.ui_language()
    topic = c1.selectbox("Topic", [None] + [t.id for t in topics], key="ml_topic",
                         format_func=lambda t: "All topics" if t is None else lib.topics[t].title[ui])
    criterion = c2.selectbox("Criterion", [None] + list(lib.criteria), key="ml_criterion",
                             format_func=lambda c: "Any criterion" if c is None else f"{lib.criteria[c].title[ui]} ({c})")
    text = c3.text_input("Search the clauses", key="ml_search", placeholder="a word, or a clause id")
    default_lang = preset.language if preset else lib.languages[0]
    shown = c4.segmented_control("Preview language", list(lib.languages) + ["both"], default=default_lang, key="ml_lang",
                                 format_func=lambda x: "Both" if x == "both" else LANG_NAMES.get(x, x))
    langs = list(lib.languages) if shown == "both" else [shown or default_lang]

    if criterion:
        crit = lib.criteria[criterion]
        render.html(f'<div class="dr-muted"><b>{render.esc(crit.title[ui])}</b> — met when: {render.esc(crit.met_when[ui])}</div>')
    clauses = search_clauses(lib, topic=topic, criterion=criterion, text=text, jurisdiction=jurisdiction)
    if not clauses:
        st.info("No clause matches these filters.")
    for t in topics:
        group = [c for c in clauses if c.topic == t.id]
        if not group:
            continue
        st.subheader(render.md_escape(t.title[ui]), anchor=False)
        for clause in group:
            title = clause.title.get(langs[0]) or clause.title[ui]
            with st.expander(f"{render.md_escape(title)}  ·  {render.md_escape(clause.id)}", expanded=len(clauses) <= 2):
                show_clause(lib, clause, langs, jurisdiction)

    with st.expander("Review criteria by edition"):
        # An HTML table that wraps: every criterion of a set is named in full, no column is cut off.
        rows = [[render.esc(s.id), render.esc(s.title[ui]),
                 "<br>".join(render.esc(f"{lib.criteria[c].title.get(ui, c)} ({c})") for c in s.criteria)]
                for s in lib.criteria_sets.values()]
        render.html(render.matrix_html(["Set", "Title", "Criteria"], rows))


if __name__ == "__main__":
    render_page()
