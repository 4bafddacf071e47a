"""The global-review matrix: several statutes × the criteria of one set, as CSV and HTML.

Each statute is imported and reviewed in its own process (ProcessPoolExecutor): the work is CPU
bound and independent per statute. One statute is reviewed in-process, with no pool to start.
"""

from __future__ import annotations

import csv
import io
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Sequence

from drafting import progress
from drafting.akn import write_bytes_atomic
from drafting.errors import DraftingError
from drafting.export.review_html import page
from drafting.importers.document import import_document
from drafting.library.library import Library, load_library
from drafting.review.verdicts import Review, review


@dataclass(frozen=True)
class Job:
    path: str
    edition: str = "2006"
    criteria: str = "core"
    jurisdiction: str | None = None
    library: str | None = None  # a library folder, or None for the bundled one


@lru_cache(maxsize=4)
def _library(path: str | None) -> Library:
    return load_library(path)  # once per worker process, not once per statute


def review_file(job: Job) -> Review:
    """Import and review one statute file (what each worker process runs)."""
    library = _library(job.library)
    document = import_document(job.path).document
    return review(document, library, edition=job.edition, criteria=job.criteria, jurisdiction=job.jurisdiction)


def _worker(job: Job) -> tuple[Review | None, str]:
    # Errors travel back as text: a DraftingError's file and place would not survive pickling.
    try:
        return review_file(job), ""
    except DraftingError as exc:
        return None, str(exc)


def review_files(paths: Sequence[str | Path], *, edition: str = "2006", criteria: str = "core",
                 jurisdiction: str | None = None, library: str | Path | None = None,
                 workers: int | None = None) -> tuple[Review, ...]:
    """Review every file, in parallel across processes when there is more than one; results in input order."""
    jobs = [Job(str(p), str(edition), criteria, jurisdiction, str(library) if library else None) for p in paths]
    if not jobs:
        raise DraftingError("no statute given")
    results: list[tuple[Review | None, str]] = []
    if len(jobs) == 1 or workers == 1:
        for job in jobs:
            results.append(_worker(job))
            progress.report(len(results), len(jobs), "statutes reviewed")
    else:
        count = min(len(jobs), workers or os.cpu_count() or 1)
        try:
            with ProcessPoolExecutor(max_workers=count) as pool:
                for result in pool.map(_worker, jobs):
                    results.append(result)
                    progress.report(len(results), len(jobs), "statutes reviewed")
        except BrokenProcessPool:  # a worker was killed (out of its memory or time budget)
            raise DraftingError("a review worker was stopped: a statute needed more memory or time than the "
                                "budget allows (--max-memory, --max-seconds)") from None
    for (found, error), job in zip(results, jobs):
        if found is None:
            raise DraftingError(error if error.startswith(job.path) else f"{job.path}: {error}")
    return tuple(r for r, _ in results if r is not None)


# ---------------------------------------------------------------- output

def _criteria(reviews: Sequence[Review]) -> list[str]:
    ids: list[str] = []
    for r in reviews:
        ids += [v.criterion for v in r.verdicts if v.criterion not in ids]
    return ids


def _label(r: Review) -> str:
    meta = r.statute
    return " ".join(b for b in (meta.country.upper(), meta.number) if b) or meta.source or meta.title


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…), +cmd|…);
# such a cell is written with a leading apostrophe, which spreadsheets show as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet will not execute (numbers stay numbers)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def matrix_csv(reviews: Sequence[Review]) -> str:
    """One row per statute, one column per criterion (met / partial / missing), then the counts."""
    ids = _criteria(reviews)
    rows: list[list[object]] = [["statute", "country", "number", "title", "source", "criteria_set", *ids,
                                 "met", "partial", "missing"]]
    for r in reviews:
        status = {v.criterion: v.status for v in r.verdicts}
        counts = r.counts()
        rows.append([_label(r), r.statute.country, r.statute.number, r.statute.title, r.statute.source, r.criteria_set,
                     *(status.get(c, "") for c in ids), counts["met"], counts["partial"], counts["missing"]])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def matrix_html(reviews: Sequence[Review]) -> str:
    """The matrix as a page: each cell shows the status and the evidence numbers, the reason on hover."""
    ids = _criteria(reviews)
    titles = {v.criterion: v.title or v.criterion for r in reviews for v in r.verdicts}
    body = ["<h1>Global review matrix</h1>",
            f'<p class="meta">{len(reviews)} statutes × {len(ids)} criteria</p>',
            "<table><tr><th>Statute</th>" + "".join(f'<th title="{escape(titles[c])}">{escape(c)}</th>' for c in ids) + "</tr>"]
    for r in reviews:
        verdicts = {v.criterion: v for v in r.verdicts}
        cells = []
        for c in ids:
            v = verdicts.get(c)
            if v is None:
                cells.append("<td>—</td>")
                continue
            nums = "; ".join(e.num for e in v.evidence)
            cells.append(f'<td class="status {escape(v.status)}" title="{escape(v.reason)}">{escape(v.status)}'
                         + (f'<br><span class="eid">{escape(nums)}</span>' if nums else "") + "</td>")
        body.append(f'<tr><td>{escape(_label(r))}<br><span class="eid">{escape(r.statute.title)}</span></td>{"".join(cells)}</tr>')
    body.append("</table>")
    return page("Global review matrix", body)


def write_matrix_csv(reviews: Sequence[Review], path: Path) -> None:
    write_bytes_atomic(Path(path), matrix_csv(reviews).encode("utf-8"))


def write_matrix_html(reviews: Sequence[Review], path: Path) -> None:
    write_bytes_atomic(Path(path), matrix_html(reviews).encode("utf-8"))
