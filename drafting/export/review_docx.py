"""The review as a memo a legal advisor can send, and the comparison as a working document (DOCX).

Memo: title, the statute, the criteria set, a summary table, one section per criterion with the
reason, the quoted evidence and the model clauses proposed. Built on the house styles of
docx_base.new_document(), set flush left (a memo quotes long provisions; justified, their lines
would stretch), with page numbers and the document's own properties (docx_furniture).
Written for lawyers, as the HTML report: provisions cited as the law numbers them, model clauses
by title, shared terms in the statute's own words — no internal ids, no stems.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, RGBColor

from drafting.akn import write_bytes_atomic
from drafting.export.docx_base import add_paragraph, add_runs, new_document
from drafting.export.docx_furniture import furnish, set_run_language
from drafting.export.review_html import ClauseNames, evidence_label, shared_words, statute_line
from drafting.library.library import Library
from drafting.review.compare import Comparison
from drafting.review.verdicts import Review

_FILL = {"met": "D9F2D9", "partial": "FFF0C2", "missing": "F8D7D7"}
_DELETED, _INSERTED = RGBColor(0xA0, 0x00, 0x00), RGBColor(0x00, 0x60, 0x00)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _table(doc: Any, header: list[str], rows: list[list[str]], status_col: int | None = None,
           widths: tuple[float, ...] = ()) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        add_runs(cell.paragraphs[0], text, bold=True)
    for row in rows:
        cells = table.add_row().cells
        for n, (cell, text) in enumerate(zip(cells, row)):
            cell.text = ""
            add_runs(cell.paragraphs[0], text)
            status = text.split(" ", 1)[0]  # "partial (check)"
            if status_col is not None and n == status_col and status in _FILL:
                _shade(cell, _FILL[status])
    for column, width in zip(table.columns, widths):  # a long list of clauses gets the room, not the status
        column.width = Cm(width)  # w:gridCol, which LibreOffice follows
        for cell in column.cells:
            cell.width = Cm(width)  # w:tcW, which Word follows


def _memo_headings(doc: Any) -> None:
    """A memo's headings stand flush left (a bill centres its divisions; a memo is read down the margin)."""
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT


def review_document(review: Review, comparison: Comparison | None = None, library: Library | None = None) -> Any:
    doc = new_document(justified=False)
    _memo_headings(doc)
    meta = review.statute
    names = ClauseNames(library, comparison)
    quote_lang = meta.language
    add_paragraph(doc, "Review against the model law on child sexual abuse material", "Title")
    add_paragraph(doc, statute_line(review), "Subtitle")
    counts = review.counts()
    add_paragraph(doc, f"Criteria: {review.criteria_set} (edition {review.edition}). Result: {counts['met']} met, "
                       f"{counts['partial']} partly met, {counts['missing']} missing.", "Body Text")
    add_paragraph(doc, "Summary", "Heading 2")
    _table(doc, ["Criterion", "Status", "Evidence", "Model clauses"],
           [[v.title or v.criterion, v.status + (" (check)" if v.uncertain else ""), "; ".join(e.num for e in v.evidence) or "—",
             "; ".join(names(c) for c in v.clauses) or "—"]
            for v in review.verdicts], status_col=1, widths=(4.2, 2.3, 3.5, 6.0))
    for v in review.verdicts:
        add_paragraph(doc, f"{v.title or v.criterion} — {v.status}", "Heading 2")
        add_paragraph(doc, v.reason, "Body Text")
        if v.uncertain:
            add_runs(add_paragraph(doc, "", "Body Text"), v.check_note, italic=True)
        if v.reason_es:
            p = add_paragraph(doc, "", "Body Text")
            _in_language(add_runs(p, v.reason_es, italic=True), "es")
        for e in v.evidence:
            p = add_paragraph(doc, "", "Body Text")
            add_runs(p, evidence_label(review, e.num), bold=True)
            _in_language(add_paragraph(doc, f"“{e.quote}”", "Quoted Text").runs, quote_lang)
        if v.clauses:
            add_paragraph(doc, "Model clauses that would fill or strengthen it: " + "; ".join(names(c) for c in v.clauses),
                          "Body Text")
    if comparison is not None:
        _comparison_sections(doc, comparison, heading="Model clauses and corresponding provisions")
    title = f"Review: {meta.title or meta.source}"
    furnish(doc, title=title, header=title, language="en", category="review")
    return doc


def _in_language(runs: Any, tag: str) -> None:
    """Mark runs as written in `tag` (a statute's Spanish quoted in an English memo is spell-checked as Spanish)."""
    if not tag:
        return
    for run in runs if isinstance(runs, list) else [runs]:
        set_run_language(run._r.get_or_add_rPr(), tag)


def _comparison_sections(doc: Any, comparison: Comparison, heading: str) -> None:
    add_paragraph(doc, heading, "Heading 2")
    add_paragraph(doc, "Word differences run from the model clause to the statute: struck red text appears only in the "
                       "model clause, underlined green text only in the statute.", "Body Text")
    for item in comparison.clauses:
        add_paragraph(doc, item.title, "Heading 3")
        if not item.matches:
            add_paragraph(doc, "No provision of the statute corresponds to this clause.", "Body Text")
            continue
        for m in item.matches:
            words = shared_words(m.words)
            add_paragraph(doc, f"{m.num} — score {m.score:.2f}" + (f"; {words}" if words else ""), "Body Text")
            p = add_paragraph(doc, "", "Body Text")
            for op, text in m.diff:
                run = add_runs(p, text)
                _in_language(run, comparison.language)
                if op:  # marked by colour and strike/underline, not tracked changes: this is not an amendment
                    run.font.color.rgb = _DELETED if op < 0 else _INSERTED
                    run.font.strike = op < 0
                    run.font.underline = op > 0


def comparison_document(comparison: Comparison) -> Any:
    doc = new_document(justified=False)
    _memo_headings(doc)
    add_paragraph(doc, "Comparison with the model law on child sexual abuse material", "Title")
    add_paragraph(doc, statute_line(comparison), "Subtitle")
    matched = sum(1 for c in comparison.clauses if c.matches)
    add_paragraph(doc, f"{matched} of {len(comparison.clauses)} model clauses have a corresponding provision "
                       f"(jurisdiction preset: {comparison.jurisdiction or 'none, model defaults'}).", "Body Text")
    _table(doc, ["Model clause", "Provisions (score)"],
           [[c.title, ", ".join(f"{m.num} ({m.score:.2f})" for m in c.matches) or "—"] for c in comparison.clauses],
           widths=(9.0, 7.0))
    _comparison_sections(doc, comparison, heading="Clause by clause")
    meta = comparison.statute
    title = f"Comparison: {meta.title or meta.source}"
    furnish(doc, title=title, header=title, language="en", category="comparison")
    return doc


def _bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def review_docx_bytes(review: Review, comparison: Comparison | None = None, library: Library | None = None) -> bytes:
    return _bytes(review_document(review, comparison, library))


def write_review_docx(review: Review, path: Path, comparison: Comparison | None = None,
                      library: Library | None = None) -> None:
    write_bytes_atomic(Path(path), review_docx_bytes(review, comparison, library))


def comparison_docx_bytes(comparison: Comparison) -> bytes:
    return _bytes(comparison_document(comparison))


def write_comparison_docx(comparison: Comparison, path: Path) -> None:
    write_bytes_atomic(Path(path), comparison_docx_bytes(comparison))
