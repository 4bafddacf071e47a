"""`drafting clauses`: list the model-law clauses, as a table or as JSON."""

from __future__ import annotations

import argparse
import json

from drafting.library.library import Clause, Library, LibraryError, load_library

NAME = "clauses"
HELP = "list the model-law clauses (id, topic, criteria, title)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default="en", help="language of the titles (default: en)")
    parser.add_argument("--topic", help="only clauses of this topic (e.g. offences)")
    parser.add_argument("--criterion", help="only clauses satisfying this criterion id (e.g. possession)")
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")


def select(library: Library, topic: str | None, criterion: str | None) -> list[Clause]:
    if topic is not None and topic not in library.topics:
        raise LibraryError(f"unknown topic {topic!r}; topics: {', '.join(library.topics)}")
    chosen = library.clauses_for_criterion(criterion) if criterion else tuple(library.clauses.values())
    return [c for c in chosen if topic is None or c.topic == topic]


def run(args: argparse.Namespace) -> int:
    library = load_library(getattr(args, "library", None))
    if args.lang not in library.languages:
        raise LibraryError(f"unknown language {args.lang!r}; the library has {', '.join(library.languages)}")
    clauses = select(library, args.topic, args.criterion)
    if args.json:
        rows = [{"id": c.id, "title": c.title[args.lang], "topic": c.topic, "criteria": list(c.criteria),
                 "languages": list(c.templates), "parameters": list(c.parameters)} for c in clauses]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    table = [("id", "topic", "criteria", "title")]
    table += [(c.id, c.topic, ", ".join(c.criteria) or "-", c.title[args.lang]) for c in clauses]
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths)) + "  " + row[3])
    return 0
