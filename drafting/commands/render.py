"""`drafting render`: print one model-law article, tailored to a jurisdiction.

`--set name=value` values use the syntax documented in drafting.params, e.g.
`--set penalty_possession=3-10`, `--set fine_possession="200 salarios mínimos"`,
`--set include_virtual=no`, `--set grooming_means=ict-only`.
"""

from __future__ import annotations

import argparse
from typing import Any

from drafting.library.library import Library, LibraryError, load_library

NAME = "render"
HELP = "print one model-law article in a language, with a jurisdiction's parameters"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("clause", metavar="CLAUSE-ID", help="clause id, e.g. offence-possession")
    parser.add_argument("--lang", help="language (default: the jurisdiction's, else en)")
    parser.add_argument("--jurisdiction", help="parameter preset, e.g. do, commonwealth, latam")
    parser.add_argument("--set", dest="values", action="append", default=[], metavar="NAME=VALUE",
                        help="set a parameter (repeatable), e.g. penalty_possession=3-10")
    parser.add_argument("--number", help="article number to print (default: its place in the library)")


def parse_sets(library: Library, pairs: list[str], lang: str, clause_id: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        if not sep or not name.strip():
            raise LibraryError(f"--set needs NAME=VALUE, got {pair!r}", f"clause {clause_id}")
        try:
            values[name.strip()] = library.parse_value(name.strip(), text, lang)
        except LibraryError as exc:
            raise LibraryError(exc.message, f"clause {clause_id}") from None
    return values


def run(args: argparse.Namespace) -> int:
    library = load_library(getattr(args, "library", None))
    clause = library.clause(args.clause)
    preset = library.jurisdiction(args.jurisdiction) if args.jurisdiction else None
    lang = args.lang or (preset.language if preset else "en")
    if lang not in clause.templates:
        raise LibraryError(f"clause {clause.id} has no {lang!r} text; languages: {', '.join(clause.templates)}")
    values = parse_sets(library, args.values, lang, clause.id)
    numbering = None
    if args.number:  # keep every other clause at its default place so refs still resolve
        numbering = {cid: str(n) for n, cid in enumerate(library.clauses, 1)} | {clause.id: args.number}
    body = library.render_text(clause.id, lang, values, args.jurisdiction, numbering)
    print(library.heading_line(clause.id, lang, args.number, args.jurisdiction))
    print(body)
    return 0
