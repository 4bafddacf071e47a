"""Safe HTML for the app: every piece of statute, upload or template text is escaped here.

The pages never build HTML from user text themselves and never use `unsafe_allow_html`; they
call these helpers, which html.escape all text and only add our own fixed tags and classes.
`st.html` runs no scripts (we never pass unsafe_allow_javascript).
"""

from __future__ import annotations

import re
from html import escape
from typing import Callable, Iterable, Sequence

import streamlit as st

from drafting.model.document import Document, Node

# One small stylesheet for the blocks below; system fonts only (nothing is fetched).
CSS = """
<style>
.dr-box { font-size: 0.95rem; line-height: 1.5; }
.dr-law { font-family: "Liberation Serif", "DejaVu Serif", "Times New Roman", serif; font-size: 1rem;
          line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; }
.dr-law p { margin: 0 0 .45em 0; }
.dr-law .dr-label { font-weight: 600; }
.dr-law .dr-head { font-weight: 600; }
.dr-unit { margin: 0 0 1.1em 0; }
.dr-law ins { background: #d7f5dd; color: #0b3d17; text-decoration: underline; }
.dr-law del { background: #fbdcdc; color: #5c0b0b; text-decoration: line-through; }
.dr-pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.dr-pair > div { border: 1px solid #d0d4da; border-radius: 6px; padding: .6rem .8rem; min-width: 0; background: #fff; }
.dr-pair h5 { margin: 0 0 .4rem 0; font-size: .85rem; color: #4a5260; font-family: sans-serif;
              text-transform: uppercase; letter-spacing: .03em; }
.dr-outline { font-size: .92rem; line-height: 1.55; }
.dr-outline div { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.dr-outline .dr-kind { color: #4a5260; }
.dr-outline .dr-eid { color: #5a616c; font-family: monospace; font-size: .8rem; margin-left: .5em; }
.dr-badge { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600;
            font-family: sans-serif; white-space: nowrap; }
.dr-met { background: #d7f5dd; color: #0b3d17; } .dr-partial { background: #fff1c2; color: #5a4300; }
.dr-missing { background: #fbdcdc; color: #5c0b0b; } .dr-other { background: #e6e9ee; color: #333; }
.dr-check { background: #fff; color: #5a3b00; border: 1px solid #8a5a00; }
.dr-matrix { border-collapse: collapse; width: 100%; font-size: .93rem; table-layout: auto; }
.dr-matrix th, .dr-matrix td { border-bottom: 1px solid #e1e4e8; padding: .4rem .5rem; text-align: left; vertical-align: top;
                               overflow-wrap: break-word; word-break: normal; white-space: normal; hyphens: manual; }
.dr-matrix td.dr-num, .dr-matrix th.dr-num { text-align: right; white-space: nowrap; }
.dr-matrix th { background: #f3f5f8; font-weight: 600; }
.dr-matrix code { font-size: .82em; }
.dr-toc { font-size: .9rem; line-height: 1.5; }
.dr-toc div { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.dr-muted { color: #5f6672; font-size: .88rem; }
.dr-bill { font-family: "Liberation Serif", "DejaVu Serif", "Times New Roman", serif; font-size: 1rem; line-height: 1.45;
           background: #fff; border: 1px solid #d0d4da; border-radius: 6px; padding: 1.2rem 1.6rem; color: #111; }
.dr-bill p { margin: 0 0 .45em 0; text-align: left; overflow-wrap: anywhere; }
.dr-bill .b-title { font-size: 1.2rem; font-weight: 700; text-align: center; margin-bottom: .8em; }
.dr-bill .b-subtitle { text-align: center; }
.dr-bill .b-heading { text-align: center; font-weight: 700; margin-top: 1em; }
.dr-bill .b-heading.b-follows { margin-top: 0; }
.dr-bill .b-art { font-weight: 700; margin-top: .9em; }
.dr-bill .b-center { text-align: center; } .dr-bill .b-bold { font-weight: 700; }
.dr-bill .b-label { font-weight: 400; } .dr-bill .b-label.b-strong { font-weight: 700; }
.dr-bill .b-quoted { margin-right: 1.5em; }
.dr-bill .b-sign { text-align: center; margin-top: 1.5em; }
.dr-bill table { border-collapse: collapse; margin: .4em 0; } .dr-bill td { border: 1px solid #555; padding: .1em .4em; }
@media (max-width: 900px) { .dr-pair { grid-template-columns: 1fr; } }
</style>
"""


# The app's own stylesheet, drawn once per run (streamlit_app.py): keyboard focus that cannot be
# mistaken for the selected page, text colours that meet WCAG AA (4.5:1), and icon-only buttons
# whose accessible name is their full label ("Move up: Possession of …") while the eye sees an icon.
ICON_BUTTONS = {"clause_up_": "arrow_upward", "clause_down_": "arrow_downward", "clause_remove_": "close"}
APP_CSS = """
<style>
a:focus-visible, button:focus-visible, summary:focus-visible, [role="tab"]:focus-visible,
[role="radio"]:focus-visible, [role="switch"]:focus-visible, [role="checkbox"]:focus-visible,
label:focus-within > [role="switch"], [role="option"]:focus-visible {
  outline: 3px solid #b45309 !important; outline-offset: 2px !important; }
[data-testid="stSidebarNav"] a:focus-visible { outline-offset: -3px !important; background-color: transparent; }
[data-testid="stSidebarNav"] a[aria-current="page"]:focus-visible { background-color: rgba(49, 51, 63, .1); }
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #555b66 !important; }
[data-testid="stCaptionContainer"] p { color: #555b66 !important; }
[data-testid="stMetricLabel"] p { color: #31333f; }
input::placeholder, textarea::placeholder { color: #6b7280 !important; opacity: 1; }
""" + "".join(f"""
[class*="st-key-{key}"] button [data-testid="stMarkdownContainer"] {{
  position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }}
[class*="st-key-{key}"] button::before {{
  content: "{icon}" / ""; font-family: "Material Symbols Rounded"; font-size: 1.25rem; line-height: 1;
  font-weight: 400; font-style: normal; font-feature-settings: "liga"; -webkit-font-feature-settings: "liga"; }}"""
    for key, icon in ICON_BUTTONS.items()) + """
</style>
"""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def md_escape(text: object) -> str:
    """Text safe inside Streamlit markdown (alerts, captions, labels): no links, images, LaTeX or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


UNEXPECTED = ("Something went wrong on this page. Your drafts are safe in the workspace; "
              "the details are in the server's log.")


def error(problem: object) -> None:
    """A DraftingError (or any message) as one line in an error box, never a traceback."""
    st.error(md_escape(problem), icon=":material/error:")


def warning(message: object) -> None:
    st.warning(md_escape(message), icon=":material/warning:")


def esc(text: object) -> str:
    """Escape anything for HTML text or attribute context (tabs, from Word-style labels, become spaces)."""
    return escape(str(text).replace("\t", " "), quote=True)


def html(body: str) -> None:
    """Show a fragment built by this module (already escaped) with the shared stylesheet."""
    st.html(CSS + body)


def check_badge(why: str) -> str:
    """Beside a verdict the reviewer should check (low confidence)."""
    return f' <span class="dr-badge dr-check" title="{esc(why)}">check</span>'


def badge(status: str) -> str:
    cls = {"met": "dr-met", "partial": "dr-partial", "missing": "dr-missing"}.get(status, "dr-other")
    return f'<span class="dr-badge {cls}">{esc(status)}</span>'


def diff_html(diff: Iterable[tuple[int, str]], side: str = "both") -> str:
    """A word diff as escaped text with <ins>/<del>; `side` "old" or "new" shows one version only."""
    out = []
    for op, text in diff:
        text = text.replace("\t", " ")  # label tabs (Word layout) read as a space on screen
        if op == 0:
            out.append(esc(text))
        elif op < 0 and side in ("both", "old"):
            out.append(f"<del>{esc(text)}</del>")
        elif op > 0 and side in ("both", "new"):
            out.append(f"<ins>{esc(text)}</ins>")
    return "".join(out)


def pair_html(left_title: str, left_body: str, right_title: str, right_body: str) -> str:
    """Two columns side by side; the bodies must already be escaped (diff_html, text_html …)."""
    return (f'<div class="dr-pair"><div><h5>{esc(left_title)}</h5><div class="dr-law">{left_body}</div></div>'
            f'<div><h5>{esc(right_title)}</h5><div class="dr-law">{right_body}</div></div></div>')


def text_html(text: str) -> str:
    return esc(text)


def node_html(node: Node, depth: int = 0, label: Callable[[Node], str] | None = None) -> str:
    """A provision and everything inside it, as escaped paragraphs.

    `label` writes a node's label as the drafting profile does ("Artículo 24.-", "(a)"); without
    it the bare number is shown. An article's heading gets a line of its own.
    """
    parts: list[str] = []

    def visit(n: Node, d: int) -> None:
        if not n.law:  # an editor's note, website text or a table of contents is never shown as the law
            return
        num = "" if n.kind in ("text", "list") else (label(n).strip() if label else n.num)
        lead = []
        if num:
            lead.append(f'<span class="dr-label">{esc(num)}</span>')
        if n.heading:
            lead.append(f'<span class="dr-head">{esc(n.heading)}</span>')
        if n.text:
            lead.append(esc(n.text))
        if lead:
            parts.append(f'<p style="margin-left:{d * 1.4:.1f}em">{" ".join(lead)}</p>')
        for child in n.children:
            visit(child, d + (0 if n.kind == "list" else 1))
        if n.wrap_up:
            parts.append(f'<p style="margin-left:{d * 1.4:.1f}em">{esc(n.wrap_up)}</p>')

    visit(node, depth)
    return f'<div class="dr-unit">{"".join(parts)}</div>'


def outline_html(rows: Sequence[tuple[int, str, str, str]]) -> str:
    """Outline rows (depth, label, heading, eid) as indented lines."""
    lines = []
    for depth, label, heading, eid in rows:
        head = (f" — {esc(heading)}" if label else esc(heading)) if heading else ""
        lines.append(f'<div style="padding-left:{depth * 1.3:.1f}em"><span class="dr-kind">{esc(label)}</span>'
                     f'{head}<span class="dr-eid">{esc(eid)}</span></div>')
    return f'<div class="dr-outline">{"".join(lines)}</div>'


def outline_rows(doc: Document) -> list[tuple[int, str, str, str]]:
    """The structural nodes of a document's body as (depth, label, heading, eid), in order."""
    rows: list[tuple[int, str, str, str]] = []

    def visit(nodes: tuple[Node, ...], depth: int) -> None:
        for node in nodes:
            if node.kind in ("text", "row", "cell", "table"):
                continue
            if node.kind == "list":
                visit(node.children, depth)
                continue
            # hcontainer is Akoma Ntoso's word for a named block ("DISPOSICIONES FINALES"): show the name only
            label = " ".join(p for p in (node.kind if node.kind != "hcontainer" else "", node.num) if p)
            heading = node.heading or (node.text[:90] + ("…" if len(node.text) > 90 else "") if node.kind in ("point", "paragraph") else "")
            if node.repealed:
                heading = f"{heading} [repealed]".strip()
            rows.append((depth, label, heading, node.eid))
            if node.kind not in ("note", "quotedStructure"):
                visit(node.children, depth + 1)

    visit(doc.body, 0)
    return rows


def matrix_html(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """A table whose cells are ALREADY-escaped HTML fragments (use esc/badge to build them); it wraps
    long text instead of cutting columns off. `numeric` columns are right-aligned."""
    def cls(i: int) -> str:
        return ' class="dr-num"' if i in numeric else ""
    head = "".join(f"<th{cls(i)}>{esc(h)}</th>" for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>" for row in rows)
    return f'<table class="dr-matrix"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def blocks_html(blocks: Sequence) -> str:
    """A laid-out bill (drafting.export.layout Blocks, the same the DOCX is made of) as scoped HTML."""
    out = []
    for b in blocks:
        if b.kind == "table":
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in b.rows)
            out.append(f"<table>{rows}</table>")
            continue
        style = b.inner_style or b.style
        classes = []
        if style == "Title":
            classes.append("b-title")
        elif style == "Subtitle":
            classes.append("b-subtitle")
        elif style.startswith("Heading"):
            classes.append("b-heading")
        elif style == "Article Heading":
            classes.append("b-art")
        elif style in ("Signature", "Closing") and b.center:
            classes.append("b-sign")
        for flag, name in ((b.center, "b-center"), (b.bold, "b-bold"), (b.follows, "b-follows"), (b.quoted, "b-quoted")):
            if flag:
                classes.append(name)
        margin = max(b.depth - (1 if b.run_in else 0), 0) * 1.6 if style.startswith("Provision") else 0.0
        margin += 2.2 if b.quoted else 0.0  # text quoted from (or into) another law sits indented
        indent = f' style="margin-left:{margin:.1f}em"' if margin else ""
        label = ""
        if b.label:
            strong = " b-strong" if b.bold_label else ""
            label = f'<span class="b-label{strong}">{esc(b.label)}</span> '
        text = esc(b.text).replace(chr(10), "<br>")
        if b.term and b.term in b.text:  # a defined term, bold as in the DOCX
            before, _, after = b.text.partition(b.term)
            text = (esc(before) + f"<strong>{esc(b.term)}</strong>" + esc(after)).replace(chr(10), "<br>")
        out.append(f'<p class="{" ".join(classes)}"{indent}>{label}{text}</p>')
    return f'<div class="dr-bill">{"".join(out)}</div>'


def toc_html(entries: Sequence[tuple[int, str]]) -> str:
    lines = "".join(f'<div style="padding-left:{max(d, 0) * 1.2:.1f}em">{esc(t)}</div>' for d, t in entries)
    return f'<div class="dr-toc">{lines}</div>'


def page(items: Sequence, size: int, key: str, what: str = "") -> tuple[Sequence, int, int]:
    """One page of a long list, with a pager and a count when there is more than one page.

    Returns (the slice, the index of its first item, the number of pages).
    """
    pages = max(1, -(-len(items) // size))
    if pages == 1:
        return items, 0, 1
    count, pager = st.columns([2, 3], vertical_alignment="center")
    with pager:
        number = int(st.pagination(pages, key=key, width="stretch"))
    number = min(max(number, 1), pages)
    start = (number - 1) * size
    shown = items[start:start + size]
    count.caption(f"{what or 'Items'} {start + 1:,}–{start + len(shown):,} of {len(items):,}")
    return shown, start, pages
