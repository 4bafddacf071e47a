"""`drafting import SOURCE -o OUT.xml`: a statute file of any importable format into Akoma Ntoso."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafting import akn
from drafting.importers.document import import_document
from drafting.outputs import check_targets, write_one

NAME = "import"
HELP = "import a statute (.txt .md .html .docx .pdf .xml) into Akoma Ntoso"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, help="the statute file")
    parser.add_argument("-o", "--output", type=Path, help="where to write the Akoma Ntoso XML")
    parser.add_argument("--lang", help="force the language (es, en); detected otherwise")
    parser.add_argument("--profile", help="force the drafting profile (es, es-DO, en-commonwealth)")
    parser.add_argument("--country", help="ISO 3166 alpha-2 code of the country (e.g. do)")
    parser.add_argument("--number", help="the statute's number as written (e.g. 53-07)")
    parser.add_argument("--date", help="date of the text, YYYY-MM-DD")
    parser.add_argument("--title", help="the statute's title")
    parser.add_argument("--report", action="store_true", help="print the import-quality report")


def run(args: argparse.Namespace) -> int:
    check_targets([args.output], [args.source])
    result = import_document(args.source, language=args.lang, profile=args.profile, country=args.country,
                             number=args.number, date=args.date, title=args.title)
    if args.output:
        write_one(args.output, akn.to_xml(result.document), [args.source])
    if args.report or not args.output:
        stream = sys.stdout
        print(f"{args.source}: {len(result.document.units())} articles/sections", file=stream)
        for line in result.report.lines():
            print(f"  {line}", file=stream)
    return 0
