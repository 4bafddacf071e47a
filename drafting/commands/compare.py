"""`drafting compare STATUTE`: each model clause beside the provisions that correspond to it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from drafting.export.review_docx import comparison_docx_bytes
from drafting.export.review_html import comparison_html
from drafting.importers.document import import_document
from drafting.library.library import load_library
from drafting.outputs import check_targets, write_one
from drafting.review.compare import compare

NAME = "compare"
HELP = "compare a statute, clause by clause, with the model law (matched provisions, scores, word diffs)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("statute", type=Path, help="the statute (.txt .md .html .docx .pdf or stored .xml)")
    parser.add_argument("--jurisdiction", metavar="CODE", help="parameter preset for rendering the clauses (e.g. do); "
                        "default: the preset of the statute's country, if any")
    parser.add_argument("--clauses", metavar="ID,ID…", help="only these model clauses (comma-separated ids)")
    parser.add_argument("--ignore-case", action="store_true", help="word diff: ignore case")
    parser.add_argument("--ignore-punctuation", action="store_true", help="word diff: ignore punctuation")
    parser.add_argument("--ignore-numbering", action="store_true", help="word diff: ignore numbers and numbering labels")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the comparison as JSON")
    out.add_argument("--html", type=Path, metavar="OUT", help="write a self-contained HTML report")
    out.add_argument("--docx", type=Path, metavar="OUT", help="write a DOCX report")


def run(args: argparse.Namespace) -> int:
    check_targets([args.html, args.docx], [args.statute])
    library = load_library(args.library)
    clauses = [c.strip() for c in args.clauses.split(",") if c.strip()] if args.clauses else None
    document = import_document(args.statute).document
    result = compare(document, library, jurisdiction=args.jurisdiction, clauses=clauses, ignore_case=args.ignore_case,
                     ignore_punctuation=args.ignore_punctuation, ignore_numbering=args.ignore_numbering)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif args.html:
        write_one(args.html, comparison_html(result).encode("utf-8"), [args.statute])
    elif args.docx:
        write_one(args.docx, comparison_docx_bytes(result), [args.statute])
    else:
        print("\n".join(result.lines()))
    return 0
