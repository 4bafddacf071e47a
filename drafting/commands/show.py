"""`drafting show FILE.xml [--json]`: the outline or the JSON tree of a stored document."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from drafting import akn
from drafting.model.outline import document_json, outline_lines

NAME = "show"
HELP = "print the outline (or with --json the tree) of a stored Akoma Ntoso document"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="an Akoma Ntoso XML file")
    parser.add_argument("--json", action="store_true", help="print the whole tree as JSON")


def run(args: argparse.Namespace) -> int:
    doc = akn.read(args.file)
    if args.json:
        print(json.dumps(document_json(doc), ensure_ascii=False, indent=2))
    else:
        print("\n".join(outline_lines(doc)))
    return 0
