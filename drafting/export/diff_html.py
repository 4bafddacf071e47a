"""The change set as a self-contained HTML page: old and new side by side, one row per provision.

Rows come from the same plan as the DOCX redline, so the page and the Word file agree. Words
removed are <del>, words added <ins>; a checkbox (pure CSS, no script) hides unchanged rows for
a "changes only" view. Everything taken from the documents is escaped; nothing is loaded from
the network.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from drafting.akn import write_bytes_atomic
from drafting.amend.changes import Change, ChangeSet, compare
from drafting.amend.wording import describe
from drafting.export.language import language_tag
from drafting.export.redline_plan import Plan, Row, build, resolve_profile
from drafting.model.document import Document
from drafting.parse.profiles import Profile

_CSS = """
body { font-family: "Liberation Serif", "Times New Roman", serif; margin: 1.5em; color: #111; background: #fff; }
h1 { font-size: 1.3em; } .summary { margin: .5em 0 1em; } .warning { color: #8a4b00; }
table.diff { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.diff th, table.diff td { border-top: 1px solid #ccc; padding: .35em .5em; vertical-align: top; text-align: left; }
table.diff col.op { width: 9em; } table.diff th { background: #f3f3f3; }
td p { margin: 0 0 .3em; white-space: pre-wrap; }
del { background: #fbd5d5; color: #7a0000; text-decoration: line-through; }
ins { background: #d5f5d9; color: #004d12; text-decoration: none; }
.moved del, .moved ins { background: #e2e6fb; color: #142a7a; }
.note { color: #555; font-style: italic; }
td.op { font-family: sans-serif; font-size: .8em; color: #444; }
tr.equal td.op { color: #999; }
#changes-only { margin-right: .4em; }
#changes-only:checked ~ table tr.equal { display: none; }
@media print { .toggle, #changes-only { display: none; } }
"""


def diff_html(old: Document, new: Document, changes: ChangeSet | None = None, *,
              profile: Profile | str | None = None, title: str | None = None) -> str:
    """The side-by-side report as one HTML string."""
    changes = changes if changes is not None else compare(old, new)
    chosen = resolve_profile(old, new, profile)
    plan = build(old, new, changes, chosen)
    heading = title if title is not None else (new.meta.title or old.meta.title or "Comparison of versions")
    lang = language_tag(new.meta) or chosen.language or "und"
    parts = [
        "<!DOCTYPE html>", f'<html lang="{escape(lang)}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(heading)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
        f"<h1>{escape(heading)}</h1>", _summary(changes),
        '<input type="checkbox" id="changes-only"><label class="toggle" for="changes-only">Changes only</label>',
        '<table class="diff"><colgroup><col class="op"><col><col></colgroup>',
        f"<thead><tr><th>Change</th><th>{escape(_version(old, 'Old'))}</th><th>{escape(_version(new, 'New'))}</th></tr></thead>",
        "<tbody>",
    ]
    parts += [_row(group, plan, old, new) for group in _groups(plan.rows)]
    parts += ["</tbody></table>", "</body></html>"]
    return "\n".join(parts) + "\n"


def write_diff_html(old: Document, new: Document, changes: ChangeSet | None, path: str | Path, *,
                    profile: Profile | str | None = None, title: str | None = None) -> None:
    write_bytes_atomic(Path(path), diff_html(old, new, changes, profile=profile, title=title).encode("utf-8"))


def _version(doc: Document, fallback: str) -> str:
    meta = doc.meta
    return " ".join(p for p in (fallback, meta.date, f"({meta.source})" if meta.source else "") if p)


def _summary(changes: ChangeSet) -> str:
    stats = changes.stats
    counts = ", ".join(f"{n} {op}" for op, n in stats.counts if op != "unchanged") or "no changes"
    out = [f'<p class="summary">Articles: {stats.old_units} → {stats.new_units}; {escape(counts)}.</p>']
    out += [f'<p class="warning">{escape(w)}</p>' for w in changes.warnings]
    return "\n".join(out)


def _groups(rows: tuple[Row, ...]) -> list[list[Row]]:
    """Consecutive rows of one provision (and one side of a move) make one table row."""
    groups: list[list[Row]] = []
    for row in rows:
        if groups and not row.first and row.change is groups[-1][0].change and _side(row) == _side(groups[-1][0]):
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def _side(row: Row) -> str:
    return row.op if row.op in ("move_from", "move_to") else "pair"


def _row(group: list[Row], plan: Plan, old: Document, new: Document) -> str:
    change = group[0].change
    ops = {r.op for r in group}
    # Unchanged text of a changed provision (its heading, say) stays in the changes-only view as context.
    state = "equal" if ops == {"equal"} and (change is None or change.op == "unchanged") else "changed"
    moved = ops & {"move_from", "move_to"}
    left, right = [], []
    for row in group:
        if row.op in ("move_from", "move_to"):
            continue
        left.append(side_paragraph(row, -1))
        right.append(side_paragraph(row, 1))
    if "move_from" in ops:
        left = [side_paragraph(r, -1) for r in group]
        right = [f'<p class="note">moved to {escape(_where(change, "new", plan))}</p>']
    if "move_to" in ops:
        left = [f'<p class="note">moved from {escape(_where(change, "old", plan))}</p>']
        right = [side_paragraph(r, 1) for r in group]
    op = _describe(change, group, plan, old, new)
    classes = f"{state} {' '.join(sorted(ops))}" + (" moved" if moved else "")
    return (f'<tr class="{classes}"><td class="op">{escape(op)}</td>'
            f'<td class="old">{"".join(left)}</td><td class="new">{"".join(right)}</td></tr>')


def side_paragraph(row: Row, side: int) -> str:
    """One paragraph of one side (-1 old, 1 new): its text with the other side's words marked.

    Shared by this report and the app's side-by-side view."""
    if row.op == "modify":
        out = []
        for op, text in row.diff:
            if op == 0:
                out.append(_text(text))
            elif op == side:
                tag = "del" if op < 0 else "ins"
                out.append(f"<{tag}>{_text(text)}</{tag}>")
        return f"<p>{''.join(out)}</p>"
    text = row.old if side < 0 else row.new
    if not text and row.op not in ("equal",):
        return ""
    if row.op in ("delete", "move_from") and side < 0:
        return f"<p><del>{_text(text)}</del></p>"
    if row.op in ("insert", "move_to") and side > 0:
        return f"<p><ins>{_text(text)}</ins></p>"
    return f"<p>{_text(text)}</p>"


def _text(text: str) -> str:
    return escape(text).replace("\t", " ").replace("\n", "<br>")


def _where(change: Change | None, side: str, plan: Plan) -> str:
    if change is None:
        return "elsewhere"
    node = change.new if side == "new" else change.old
    return plan.profile.label(node).strip().rstrip(".-:—– ") if node is not None and node.num else "elsewhere"


def _describe(change: Change | None, group: list[Row], plan: Plan, old: Document, new: Document) -> str:
    """The provision as the law cites it and what happened to it, in the law's language
    ("artículo 10 → artículo 9 — renumerado"), as the app's change list says it."""
    if change is None:
        return "" if all(r.op == "equal" for r in group) else "changed"
    said = describe(change, plan.profile, old, new)
    flags = [name for name, on in (("whitespace only", change.whitespace_only),
                                   ("numbering only", change.numbering_only and change.op == "modify")) if on]
    return said + (f" ({', '.join(flags)})" if flags else "")
