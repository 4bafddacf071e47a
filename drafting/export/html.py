"""A bill as one self-contained web page: the same layout as the DOCX, inline CSS, a contents list.

Everything that comes from the document is escaped with html.escape; the page loads nothing
from the network (no fonts, no scripts), so it can be mailed or opened offline safely.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Iterable

from drafting.akn import write_bytes_atomic
from drafting.export.docx_base import HANG_CM, HEADING_STYLES
from drafting.export.language import language_tag
from drafting.export.layout import Block, layout
from drafting.model.document import Document
from drafting.parse.profiles import Profile

_CSS = f"""
body {{ font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt;
       line-height: 1.35; max-width: 17cm; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }}
h1, h2, h3, h4, h5, h6 {{ font-size: 1em; margin: 0; }}
.title {{ font-size: 1.3em; text-align: center; margin: 0 0 .8em; }}
.subtitle {{ text-align: center; margin: 0 0 1em; font-weight: normal; }}
.division {{ text-align: center; margin: 1.2em 0 .3em; }}
.division.follows {{ margin-top: 0; }}
.heading-1 {{ font-size: 1.2em; }} .heading-2 {{ font-size: 1.1em; }} .heading-4 {{ font-style: italic; }}
.article-heading {{ margin: 1em 0 .4em; }}
p {{ margin: 0 0 .4em; text-align: justify; }}
.bold {{ font-weight: bold; }} .center {{ text-align: center; }}
.label.bold {{ font-weight: bold; }}
.provision {{ text-indent: -{HANG_CM}cm; }}
.provision .label {{ display: inline-block; min-width: {HANG_CM}cm; text-indent: 0; }}
.provision.run-in, .provision.run-in .label {{ text-indent: 0; min-width: 0; }}
.note {{ font-size: 9pt; font-style: italic; text-align: left; }}
.signature {{ text-align: center; margin-top: 2.5em; }}
.closing {{ margin-top: 1em; }}
.formula {{ margin: 1em 0; }}
blockquote.quoted {{ margin: .4em 1cm .6em 1.5cm; }}
table.grid {{ border-collapse: collapse; margin: .4em 0 .8em; width: 100%; }}
table.grid td {{ border: 1px solid #000; padding: .15em .4em; vertical-align: top; }}
.arrangement-heading {{ text-align: center; font-weight: bold; margin: 0 0 .8em; }}
.arrangement-division {{ text-align: center; margin: .6em 0 0; }}
.arrangement-division.follows {{ margin-top: 0; }}
.arrangement-entry {{ margin: 0 0 .1em {HANG_CM}cm; text-indent: -{HANG_CM}cm; text-align: left; }}
.arrangement-entry .label {{ display: inline-block; min-width: {HANG_CM}cm; text-indent: 0; }}
.arrangement-entry.run-in {{ margin-left: 0; text-indent: 0; }}
.arrangement-entry.run-in .label {{ min-width: 0; }}
.arrangement-entry a {{ color: inherit; text-decoration: none; }}
.arrangement-end {{ margin-bottom: 2em; }}
strong.term {{ font-weight: bold; }}
nav.toc {{ border-bottom: 1px solid #999; margin-bottom: 2em; padding-bottom: 1em; }}
nav.toc ul {{ list-style: none; padding: 0; margin: 0; }}
nav.toc a {{ color: inherit; text-decoration: none; }} nav.toc a:hover {{ text-decoration: underline; }}
.page-break {{ break-before: page; margin-top: 2.5em; }}
@media print {{ nav.toc {{ display: none; }} body {{ margin: 0; max-width: none; }} }}
"""


def document_html(document: Document, profile: Profile, *, title: str | None = None) -> str:
    """The bill as a standalone HTML page (UTF-8, no external resources)."""
    blocks = layout(document, profile)
    meta = document.meta
    page_title = title if title is not None else (meta.short_title or meta.title or meta.work_uri)
    lang = language_tag(meta) or profile.language or "und"
    contents = str(profile.section("labels").get("contents", "Contents"))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="drafting">',
        f"<title>{escape(page_title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
    ]
    # A bill that prints its own Arrangement of Sections needs no second contents list: its entries link.
    arranged = any(b.style == "Arrangement Entry" for b in blocks)
    toc = "" if arranged else _toc(blocks, contents)
    if toc:
        parts.append(toc)
    parts.append("<main>")
    parts.extend(_body(blocks, _anchors(blocks) if arranged else {}))
    parts.extend(["</main>", "</body>", "</html>", ""])
    return "\n".join(parts)


def write_html(document: Document, path: Path, profile: Profile) -> None:
    """Write the page atomically (a failure leaves no partial file)."""
    write_bytes_atomic(Path(path), document_html(document, profile).encode("utf-8"))


def _toc(blocks: tuple[Block, ...], heading: str) -> str:
    entries = [b for b in blocks if b.toc and b.eid]
    if not entries:
        return ""
    items = "\n".join(
        f'<li style="padding-left: {1.2 * max(b.depth - 1, 0):.1f}em"><a href="#{escape(b.eid)}">{escape(b.toc)}</a></li>'
        for b in entries)
    return f'<nav class="toc" aria-label="{escape(heading)}">\n<h2>{escape(heading)}</h2>\n<ul>\n{items}\n</ul>\n</nav>'


def _anchors(blocks: tuple[Block, ...]) -> dict[str, str]:
    """Each unit's label → its anchor, so an Arrangement entry can link to the section it names."""
    out: dict[str, str] = {}
    for block in blocks:
        if block.toc and block.eid and block.label and block.style not in HEADING_STYLES:
            out.setdefault(block.label.strip(), block.eid)
    return out


def _body(blocks: tuple[Block, ...], anchors: dict[str, str] | None = None) -> Iterable[str]:
    # Every article heading takes one level, below the deepest division: an article is an article
    # whether or not a chapter stands above it (and reads back as one sequence).
    deepest = max((b.depth for b in blocks if b.style in HEADING_STYLES and not b.quoted), default=0)
    article_level = min(deepest + 2, 6)
    in_quote = False
    for block in blocks:
        if block.quoted != in_quote:  # consecutive quoted blocks share one blockquote
            yield '<blockquote class="quoted">' if block.quoted else "</blockquote>"
            in_quote = block.quoted
        yield _table(block) if block.kind == "table" else _paragraph(block, anchors or {}, article_level)
    if in_quote:
        yield "</blockquote>"


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _with_term(block: Block) -> str:
    """The block's text, its defined term (if any) in <strong>."""
    if block.term and block.term in block.text:
        before, _, after = block.text.partition(block.term)
        return f'{_text(before)}<strong class="term">{_text(block.term)}</strong>{_text(after)}'
    return _text(block.text)


def _paragraph(block: Block, anchors: dict[str, str], article_level: int = 6) -> str:
    style = block.inner_style or block.style
    classes = [style.lower().replace(" ", "-")]
    tag = "p"
    if style == "Arrangement Entry" and block.run_in:
        classes.append("run-in")
    if block.quoted:
        classes.append("quoted-text")
    elif style == "Title":
        tag, classes = "h1", ["title"]
    elif style == "Subtitle":
        classes = ["subtitle"]
    elif style in HEADING_STYLES:
        tag = f"h{min(block.depth + 1, 6)}"
        classes.append("division")
    elif style == "Article Heading":
        tag = f"h{article_level}"
    attrs: list[str] = []
    indent = 0.0
    if style.startswith("Provision"):
        classes.append("provision")
        if block.run_in:
            classes.append("run-in")
            indent = (block.depth - 1) * HANG_CM
        else:
            indent = block.depth * HANG_CM
            if not block.label:  # unlabelled continuation: the text column, no hanging label
                attrs.append('style="text-indent: 0; margin-left: %.2fcm"' % indent)
        if block.label or block.run_in:
            attrs.append('style="margin-left: %.2fcm"' % indent)
    for flag, name in ((block.bold, "bold"), (block.center, "center"), (block.follows, "follows"),
                       (block.page_break, "page-break"), (block.node_kind == "formula", "formula")):
        if flag:
            classes.append(name)
    if block.eid:
        attrs.insert(0, f'id="{escape(block.eid)}"')
    inner = ""
    if block.label:
        label_class = "label bold" if block.bold_label else "label"
        if block.sep == " " or not block.text:
            inner = f'<span class="{label_class}">{_text(block.label)}</span> '
        else:  # a hanging label: the space stays inside its box (the text column holds), yet the text
            # reads "a. Por …", never "a.Por …", when copied or read back
            inner = f'<span class="{label_class}">{_text(block.label)} </span>'
    target = anchors.get(block.label.strip()) if style == "Arrangement Entry" and block.label else None
    inner += f'<a href="#{escape(target)}">{_with_term(block)}</a>' if target else _with_term(block)
    attr_text = " ".join([f'class="{escape(" ".join(classes))}"'] + attrs)
    return f"<{tag} {attr_text}>{inner}</{tag}>"


def _table(block: Block) -> str:
    rows = "\n".join("<tr>" + "".join(f"<td>{_text(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
    attrs = f' id="{escape(block.eid)}"' if block.eid else ""
    return f'<table class="grid"{attrs}>\n{rows}\n</table>'
