"""`drafting review STATUTE…`: criteria verdicts with evidence; several statutes give the matrix."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from drafting.errors import DraftingError
from drafting.export.matrix import matrix_csv, matrix_html, review_files
from drafting.export.review_docx import review_docx_bytes
from drafting.export.review_html import review_html
from drafting.importers.document import import_document
from drafting.library.library import load_library
from drafting.outputs import check_targets, write_one
from drafting.review.compare import compare
from drafting.review.verdicts import legal_order, review

NAME = "review"
HELP = "review statutes against the model-law criteria (met / partial / missing, with the provisions that prove it)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("statutes", type=Path, nargs="+", metavar="STATUTE", help="statute files (any importable format)")
    parser.add_argument("--edition", default="2006", help="review edition whose criteria to use: 2006, 2016 or 2018 (default 2006)")
    parser.add_argument("--criteria", choices=("core", "full"), default="core",
                        help="core: the edition's scored criteria; full: every topic of the model law")
    parser.add_argument("--jurisdiction", metavar="CODE", help="parameter preset for the model clauses (e.g. do)")
    parser.add_argument("--workers", type=int, default=None, help="processes for several statutes (default: one per CPU)")
    parser.add_argument("--as-one", action="store_true",
                        help="review several statutes of one country as one legal order (a code and its special laws): "
                             "one verdict per criterion, each citing the statute and the article")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the review as JSON (a list for several statutes)")
    out.add_argument("--html", type=Path, metavar="OUT", help="write an HTML report (the matrix for several statutes)")
    out.add_argument("--docx", type=Path, metavar="OUT", help="write a DOCX memo (one statute)")
    out.add_argument("--csv", type=Path, metavar="OUT", help="write the matrix as CSV")


def run(args: argparse.Namespace) -> int:
    check_targets([args.html, args.docx, args.csv], args.statutes)
    library = load_library(args.library)
    library.criteria_set(args.edition)  # an unknown edition fails before any statute is read
    if len(args.statutes) > 1 and not args.as_one:
        return _matrix(args)
    documents = [import_document(path).document for path in args.statutes]
    document = documents[0] if len(documents) == 1 else legal_order(documents)
    result = review(document, library, edition=args.edition, criteria=args.criteria, jurisdiction=args.jurisdiction)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif args.html or args.docx:
        wanted = list(dict.fromkeys(c for v in result.verdicts for c in v.clauses))
        comparison = compare(document, library, jurisdiction=args.jurisdiction, clauses=wanted) if wanted else None
        if args.html:
            write_one(args.html, review_html(result, comparison, library).encode("utf-8"), args.statutes)
        else:
            write_one(args.docx, review_docx_bytes(result, comparison, library), args.statutes)
    elif args.csv:
        write_one(args.csv, matrix_csv([result]).encode("utf-8"), args.statutes)
    else:
        meta = result.statute
        print(f"{meta.title or meta.source} — criteria {result.criteria_set} (edition {result.edition})")
        print("\n".join(result.lines()))
    return 0


def _matrix(args: argparse.Namespace) -> int:
    if args.docx:
        raise DraftingError("--docx writes the memo of one statute; for several statutes use --csv or --html")
    reviews = review_files(args.statutes, edition=args.edition, criteria=args.criteria, jurisdiction=args.jurisdiction,
                           library=args.library, workers=args.workers)
    if args.json:
        print(json.dumps([r.to_json() for r in reviews], ensure_ascii=False, indent=2))
    elif args.html:
        write_one(args.html, matrix_html(reviews).encode("utf-8"), args.statutes)
    elif args.csv:
        write_one(args.csv, matrix_csv(reviews).encode("utf-8"), args.statutes)
    else:
        sys.stdout.write(matrix_csv(reviews))
    return 0
