"""`drafting assemble SPEC.toml -o bill.docx [--akn OUT.xml] [--html OUT.html]`: a bill from a spec.

Every output is built in memory first and written only when all of them could be built, through
`drafting.outputs.write_all` (temporary files renamed into place), so an error never leaves a
partial or half-updated set of files behind.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafting import akn
from drafting.bills.assemble import assemble
from drafting.bills.assembly import Assembly
from drafting.bills.spec import load_spec
from drafting.errors import DraftingError
from drafting.library.library import load_library
from drafting.outputs import check_targets, write_all
from drafting.parse import profiles

NAME = "assemble"
HELP = "assemble a bill from a bill specification (TOML) and export it as DOCX, Akoma Ntoso and HTML"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", type=Path, help="the bill specification (see templates/model_law/examples/)")
    add_output_arguments(parser)


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, help="where to write the bill as DOCX")
    parser.add_argument("--akn", type=Path, metavar="OUT.xml", help="also write the bill as Akoma Ntoso XML")
    parser.add_argument("--html", type=Path, metavar="OUT.html", help="also write the bill as a web page")
    parser.add_argument("--reference", type=Path, metavar="house.docx",
                        help="a house-style DOCX whose styles, margins and fonts the bill takes")
    parser.add_argument("--line-numbers", action="store_true", help="number the lines of the DOCX")


def run(args: argparse.Namespace) -> int:
    check_outputs(args, [args.spec])
    spec = load_spec(args.spec)
    result = assemble(spec, load_library(args.library))
    return export(result, args, [args.spec])


def check_outputs(args: argparse.Namespace, inputs: list[Path]) -> None:
    if not (args.output or args.akn or args.html):
        raise DraftingError("nothing to write: give -o OUT.docx, --akn OUT.xml or --html OUT.html")
    check_targets([args.output, args.akn, args.html], [*inputs, args.reference])


def export(result: Assembly, args: argparse.Namespace, inputs: list[Path]) -> int:
    """Warnings to stderr, then every requested file (all built before any is written)."""
    from drafting.export.docx import docx_bytes  # python-docx is only loaded when a bill is exported
    from drafting.export.html import document_html

    for warning in result.warnings:
        print(f"drafting: warning: {warning}", file=sys.stderr)
    document = result.document
    profile = profiles.get(document.meta.profile)
    outputs: list[tuple[Path, bytes]] = []
    if args.output:
        outputs.append((args.output, docx_bytes(document, profile, reference=args.reference,
                                                line_numbers=args.line_numbers, properties=result.provenance)))
    if args.akn:
        outputs.append((args.akn, akn.to_xml(document)))
    if args.html:
        outputs.append((args.html, document_html(document, profile).encode("utf-8")))
    write_all(outputs, [*inputs, args.reference])
    for path, _ in outputs:
        print(f"wrote {path}", file=sys.stderr)
    return 0
