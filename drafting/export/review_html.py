"""Review and comparison reports as self-contained web pages.

A summary matrix on top, each verdict linked to its evidence, evidence quoted verbatim, and each
model clause beside the provision it corresponds to with the word diff marked (<del> = only in
the model clause, <ins> = only in the statute). Every piece of text from a statute, a template or
a reason goes through html.escape; the page loads nothing from the network.

Written for lawyers: provisions are cited as the law numbers them (never by an internal id),
model clauses by their titles, and the terms a clause shares with a provision in the statute's
own words (never the stems matching works with). Internal ids only name the page's anchors.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Iterable

from drafting.akn import write_bytes_atomic
from drafting.library.library import Library
from drafting.review.compare import ClauseComparison, Comparison
from drafting.review.verdicts import Review, Verdict
from drafting.review.worddiff import Diff

CSS = """
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt; line-height: 1.35;
       max-width: 26cm; margin: 2em auto; padding: 0 1em; color: #000; background: #fff; }
h1 { font-size: 1.35em; margin: 0 0 .3em; } h2 { font-size: 1.15em; margin: 1.4em 0 .4em; } h3 { font-size: 1em; margin: 1em 0 .3em; }
.meta { color: #333; margin: 0 0 1.2em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid #999; padding: .25em .45em; vertical-align: top; text-align: left; }
th { background: #eee; }
.status { font-weight: bold; white-space: nowrap; }
.met { background: #d9f2d9; } .partial { background: #fff0c2; } .missing { background: #f8d7d7; }
blockquote { margin: .3em 0 .6em 1.2em; padding-left: .6em; border-left: 3px solid #999; }
.reason-es { color: #444; font-style: italic; }
.check { display: inline-block; border: 1px solid #8a5a00; color: #5a3b00; font-size: .8em; padding: 0 .3em; margin-left: .3em; }
.check-note { border-left: 4px solid #8a5a00; padding-left: .6em; }
.side td { width: 50%; white-space: pre-wrap; }
del { background: #f8d7d7; text-decoration: line-through; } ins { background: #d9f2d9; text-decoration: underline; }
.diff { white-space: pre-wrap; border: 1px solid #ccc; padding: .4em; margin: .3em 0 1em; }
.terms { color: #444; font-size: .9em; }
a { color: #034; }
"""

STATUS_LABEL = {"met": "met", "partial": "partial", "missing": "missing"}


def _e(text: str) -> str:
    return escape(text, quote=True)


def _anchor(*parts: str) -> str:
    return _e("-".join(p.replace(" ", "_") for p in parts))


def page(title: str, body: Iterable[str], lang: str = "en") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def diff_html(diff: Diff) -> str:
    out = []
    for op, text in diff:
        chunk = _e(text)
        out.append(f"<del>{chunk}</del>" if op < 0 else f"<ins>{chunk}</ins>" if op > 0 else chunk)
    return "".join(out)


def statute_line(review_or_comparison: Review | Comparison) -> str:
    meta = review_or_comparison.statute
    bits = [meta.title or meta.source or "statute", f"No. {meta.number}" if meta.number else "",
            meta.country.upper() if meta.country else "", meta.date, f"language {meta.language}" if meta.language else ""]
    return " · ".join(b for b in bits if b)


# ---------------------------------------------------------------- review

def evidence_label(review: Review, num: str) -> str:
    """"Article 7, Párrafo", "Section 4(2)": a bare number says little in a report. A legal order's
    citations already name their statute ("Ley 1146 de 2007, 12") and stay as they are."""
    if not num[:1].isdigit():
        return num
    word = "Article" if review.statute.profile.startswith("es") else "Section"
    return f"{word} {num}"


class ClauseNames:
    """Model clauses by their titles in the report's language: the library's, else the comparison's."""

    def __init__(self, library: Library | None = None, comparison: Comparison | None = None, lang: str = "en") -> None:
        self.titles: dict[str, str] = {}
        if comparison is not None:
            self.titles.update((c.clause, c.title) for c in comparison.clauses if c.title)
        if library is not None:
            for cid, clause in library.clauses.items():
                title = clause.title.get(lang) or next(iter(clause.title.values()), "")
                if title:
                    self.titles[cid] = title

    def __call__(self, clause_id: str) -> str:
        return self.titles.get(clause_id) or clause_id.replace("-", " ").capitalize()


def _summary(review: Review, names: ClauseNames) -> list[str]:
    rows = ["<table class=\"summary\"><tr><th>Criterion</th><th>Status</th><th>Evidence</th><th>Model clauses</th></tr>"]
    for v in review.verdicts:
        links = ", ".join(f'<a href="#{_anchor("ev", v.criterion, str(i))}">{_e(e.num)}</a>' for i, e in enumerate(v.evidence, 1)) or "—"
        rows.append(f'<tr><td><a href="#{_anchor("crit", v.criterion)}">{_e(v.title or v.criterion)}</a></td>'
                    f'<td class="status {_e(v.status)}">{_e(STATUS_LABEL.get(v.status, v.status))}{_check(v)}</td>'
                    f"<td>{links}</td><td>{_e('; '.join(names(c) for c in v.clauses)) or '—'}</td></tr>")
    rows.append("</table>")
    return rows


def _check(v: Verdict) -> str:
    return f' <span class="check" title="{_e(v.check_note)}">check</span>' if v.uncertain else ""


def _verdict(review: Review, v: Verdict, clause_links: set[str], names: ClauseNames) -> list[str]:
    out = [f'<section id="{_anchor("crit", v.criterion)}">',
           f'<h2>{_e(v.title or v.criterion)} — <span class="status {_e(v.status)}">{_e(v.status)}</span>{_check(v)}</h2>',
           f"<p>{_e(v.reason)}</p>"]
    if v.uncertain:
        out.append(f'<p class="check-note">{_e(v.check_note)}</p>')
    if v.reason_es:
        out.append(f'<p class="reason-es" lang="es">{_e(v.reason_es)}</p>')
    for i, e in enumerate(v.evidence, 1):
        out.append(f'<h3 id="{_anchor("ev", v.criterion, str(i))}">{_e(evidence_label(review, e.num))}</h3>')
        out.append(f"<blockquote>{_e(e.quote)}</blockquote>")
    if v.clauses:
        titles = "; ".join(f'<a href="#{_anchor("clause", c)}">{_e(names(c))}</a>' if c in clause_links else _e(names(c))
                           for c in v.clauses)
        out.append(f"<p>Model clauses that would fill or strengthen it: {titles}</p>")
    out.append("</section>")
    return out


def review_html(review: Review, comparison: Comparison | None = None, library: Library | None = None) -> str:
    """The review report; with `comparison`, the model clauses beside their provisions too.

    `library` names the model clauses by their titles (else the comparison's titles are used)."""
    counts = review.counts()
    names = ClauseNames(library, comparison)
    body = [f"<h1>Review against the model law: {_e(review.statute.title or review.statute.source)}</h1>",
            f'<p class="meta">{_e(statute_line(review))}<br>Criteria: {_e(review.criteria_set)} '
            f"(edition {_e(review.edition)}) — {counts['met']} met, {counts['partial']} partial, {counts['missing']} missing</p>"]
    body += _summary(review, names)
    clause_links = {c.clause for c in comparison.clauses} if comparison else set()
    for v in review.verdicts:
        body += _verdict(review, v, clause_links, names)
    if comparison is not None:
        body.append("<h2>Model clauses and the provisions that correspond to them</h2>")
        body += _legend()
        for item in comparison.clauses:
            body += _clause(item, comparison.statute.language)
    return page(f"Review: {review.statute.title or review.statute.source}", body)


# ---------------------------------------------------------------- comparison

def _legend() -> list[str]:
    return ["<p>Word differences, model clause → statute: <del>only in the model clause</del>, "
            "<ins>only in the statute</ins>.</p>"]


def shared_words(words: tuple[str, ...]) -> str:
    """"shared words: garantizar, objeto" — or nothing when no word of the statute is behind the match."""
    return f"shared words: {', '.join(words)}" if words else ""


def _clause(item: ClauseComparison, lang: str) -> list[str]:
    lang_attr = f' lang="{_e(lang)}"' if lang else ""
    out = [f'<section id="{_anchor("clause", item.clause)}"><h3>{_e(item.title)}</h3>']
    if not item.matches:
        out.append("<p>No provision of the statute corresponds to this clause.</p>")
        out.append(f'<table class="side"><tr><th>Model clause</th></tr><tr><td{lang_attr}>{_e(item.model_text)}</td></tr></table>')
    for m in item.matches:
        words = shared_words(m.words)
        out.append(f'<p id="{_anchor("match", item.clause, m.eid)}">{_e(m.num)} — score {m.score:.2f}'
                   + (f' <span class="terms">({_e(words)})</span>' if words else "") + "</p>")
        out.append(f'<table class="side"><tr><th>Model clause</th><th>Statute</th></tr>'
                   f"<tr><td{lang_attr}>{_e(item.model_text)}</td><td{lang_attr}>{_e(m.text)}</td></tr></table>")
        out.append(f'<div class="diff"{lang_attr}>{diff_html(m.diff)}</div>')
    out.append("</section>")
    return out


def comparison_html(comparison: Comparison) -> str:
    matched = sum(1 for c in comparison.clauses if c.matches)
    body = [f"<h1>Comparison with the model law: {_e(comparison.statute.title or comparison.statute.source)}</h1>",
            f'<p class="meta">{_e(statute_line(comparison))}<br>Language {_e(comparison.language)}, jurisdiction preset '
            f"{_e(comparison.jurisdiction or 'none (model defaults)')} — {matched} of {len(comparison.clauses)} clauses matched</p>",
            "<table><tr><th>Model clause</th><th>Provisions</th></tr>"]
    for c in comparison.clauses:
        found = ", ".join(f'<a href="#{_anchor("match", c.clause, m.eid)}">{_e(m.num)}</a> ({m.score:.2f})' for m in c.matches) or "—"
        body.append(f'<tr><td><a href="#{_anchor("clause", c.clause)}">{_e(c.title)}</a></td><td>{found}</td></tr>')
    body.append("</table>")
    body += _legend()
    for item in comparison.clauses:
        body += _clause(item, comparison.language)
    return page(f"Comparison: {comparison.statute.title or comparison.statute.source}", body)


def write_review_html(review: Review, path: Path, comparison: Comparison | None = None,
                      library: Library | None = None) -> None:
    write_bytes_atomic(Path(path), review_html(review, comparison, library).encode("utf-8"))


def write_comparison_html(comparison: Comparison, path: Path) -> None:
    write_bytes_atomic(Path(path), comparison_html(comparison).encode("utf-8"))
