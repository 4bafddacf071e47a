"""`drafting gapbill STATUTE [--jurisdiction do] [--gaps possession,isp-report] [--set NAME=VALUE] -o amendment.docx`.

STATUTE is a stored Akoma Ntoso file or any importable statute. Without --gaps the gaps are the
criteria a review finds partial or missing for the edition. Without --jurisdiction the bill is
drafted with the preset of the statute's country, else the generic preset of its language (a
warning says so, and names every institution and fine the drafter must supply: --set them).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from drafting.bills.gapbill import gap_bill
from drafting.commands.assemble import add_output_arguments, check_outputs, export
from drafting.errors import DraftingError
from drafting.importers.document import import_document
from drafting.library.library import load_library

NAME = "gapbill"
HELP = "draft an amending bill that fills the gaps of a statute (from a review, or criteria listed with --gaps)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("statute", type=Path, help="the statute: stored XML or any importable file")
    parser.add_argument("--jurisdiction", help="the clause-library preset to draft for (default: the statute's "
                                               "country's, else the generic one of its language)")
    parser.add_argument("--edition", default="2006", help="the review edition whose criteria count (default 2006)")
    parser.add_argument("--gaps", help="criterion ids to fill, comma-separated (default: what the review finds)")
    parser.add_argument("--title", default="", help="the bill's title (default: made from the statute's)")
    parser.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE",
                        help="a value for the bill (repeatable): an authority, a fine, a prison term "
                             "(e.g. authority_police=\"la Policía Nacional\", fine_possession=\"60-180 day-fines\")")
    add_output_arguments(parser)


def run(args: argparse.Namespace) -> int:
    check_outputs(args, [args.statute])
    library = load_library(args.library)
    if args.jurisdiction:
        library.jurisdiction(args.jurisdiction)  # an unknown preset fails before the statute is read
    values = {}
    for pair in args.values:
        name, sep, text = pair.partition("=")
        if not sep or not name.strip():
            raise DraftingError(f"--set needs NAME=VALUE, got {pair!r}")
        values[name.strip()] = library.parse_value(name.strip(), text)
    statute = import_document(args.statute).document
    gaps = [g.strip() for g in args.gaps.split(",") if g.strip()] if args.gaps else None
    result = gap_bill(statute, library, jurisdiction=args.jurisdiction, gaps=gaps, edition=args.edition,
                      title=args.title, parameters=values)
    return export(result, args, [args.statute])
