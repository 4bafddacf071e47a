"""`drafting diff OLD NEW`: what changed between two versions, as a list, JSON, a redline, HTML, a bill.

OLD and NEW may be any importable format (text, Markdown, HTML, DOCX, PDF, Akoma Ntoso).
Versions in different languages are refused: a word-by-word redline between a text and its
translation says nothing useful. Two unrelated documents are compared anyway, with a warning
that little aligns (the redline is still exact: accept-all gives NEW, reject-all gives OLD).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from drafting.amend.changes import Change, ChangeSet, compare
from drafting.errors import DraftingError
from drafting.model.document import Document
from drafting.outputs import check_targets, write_all

NAME = "diff"
HELP = "compare two versions of a bill or statute: change list, JSON, redline DOCX, HTML, amending bill"
EXCERPT = 70


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = ("OLD and NEW may be text, Markdown, HTML, DOCX, PDF or Akoma Ntoso. Versions in different "
                     "languages are refused; unrelated documents are compared with a warning that little aligns.")
    parser.add_argument("old", type=Path, help="the earlier version (any importable file)")
    parser.add_argument("new", type=Path, help="the later version")
    parser.add_argument("-o", "--output", type=Path, metavar="REDLINE.docx",
                        help="write the new version as DOCX with Word tracked changes against the old")
    parser.add_argument("--html", type=Path, metavar="OUT.html", help="write a side-by-side HTML report")
    parser.add_argument("--json", action="store_true", help="print the change list as JSON")
    parser.add_argument("--all", action="store_true", help="list unchanged provisions too")
    parser.add_argument("--instructions", type=Path, metavar="OUT.docx",
                        help="write the amending instructions that turn OLD into NEW, as a DOCX bill")
    parser.add_argument("--act", metavar="NAME", help="how the instructions name the amended act "
                        "(default from the profile: 'Ley No. 12-34', 'principal Act')")
    parser.add_argument("--profile", metavar="ID", help="drafting conventions to use (default: NEW's own)")
    parser.add_argument("--author", default="drafting", help="author of the tracked changes and of the files written (default: drafting)")
    parser.add_argument("--date", metavar="ISO", help="date of the tracked changes (default: now, UTC)")


def run(args: argparse.Namespace) -> int:
    check_targets([args.output, args.html, args.instructions], [args.old, args.new])
    old = _load(args.old, args.profile)
    new = _load(args.new, args.profile)
    if old.meta.language and new.meta.language and old.meta.language != new.meta.language:
        raise DraftingError(f"the versions are in different languages ({args.old.name}: {old.meta.language}, "
                            f"{args.new.name}: {new.meta.language}); compare versions in one language")
    changes = compare(old, new)
    for warning in changes.warnings:
        print(f"drafting: warning: {warning}", file=sys.stderr)
    written = _write_outputs(args, old, new, changes)
    if args.json:
        from drafting.export.changes_json import changes_json

        print(json.dumps(changes_json(changes, include_unchanged=args.all), ensure_ascii=False, indent=2))
    elif written:
        for line in written:
            print(line)
    else:
        print("\n".join(change_lines(changes, include_unchanged=args.all)))
    return 0


def _load(path: Path, profile: str | None) -> Document:
    from drafting.importers.document import import_document

    document = import_document(path, profile=profile).document
    if not any(True for _ in document.walk()):
        raise DraftingError("no text found (empty file?)", source=str(path))
    return document


def _write_outputs(args: argparse.Namespace, old: Document, new: Document, changes: ChangeSet) -> list[str]:
    """Build every requested file in memory, then write them all or none."""
    outputs: list[tuple[Path, bytes]] = []
    written = []
    if args.output:
        from drafting.export.redline import redline_bytes

        outputs.append((args.output, redline_bytes(old, new, changes, author=args.author, date=args.date,
                                                   profile=args.profile)))
        written.append(f"wrote redline {args.output}")
    if args.html:
        from drafting.export.diff_html import diff_html

        outputs.append((args.html, diff_html(old, new, changes, profile=args.profile).encode("utf-8")))
        written.append(f"wrote report {args.html}")
    if args.instructions:
        from drafting.amend.instructions import default_act_name, instructions_document
        from drafting.export.docx import docx_bytes
        from drafting.export.redline_plan import resolve_profile

        profile = resolve_profile(old, new, args.profile)
        act = args.act or default_act_name(profile, old.meta)
        outputs.append((args.instructions, docx_bytes(instructions_document(changes, profile, act, old=old, new=new), profile,
                                                           author=args.author)))
        written.append(f"wrote amending bill {args.instructions}")
    write_all(outputs, [args.old, args.new])
    return written


def change_lines(changes: ChangeSet, include_unchanged: bool = False) -> list[str]:
    """One line per change: op, old number → new number, an excerpt of what changed."""
    lines = []
    stats = changes.stats
    counts = ", ".join(f"{n} {op}" for op, n in stats.counts if op != "unchanged") or "no changes"
    lines.append(f"{stats.old_units} → {stats.new_units} articles: {counts}")
    for change, depth in changes.walk():
        if (change.op == "unchanged" and not include_unchanged) or not change.node.law:
            continue  # a publisher's note or website text changing is no change of the law
        kind = change.node.kind
        nums = f"{change.old_num or '—'} → {change.new_num or '—'}" if change.old is not None and change.new is not None \
            else (change.new_num if change.new is not None else change.old_num) or "—"
        flags = [f for f, on in (("whitespace only", change.whitespace_only),
                                 ("numbering only", change.numbering_only and change.op == "modify")) if on]
        excerpt = _excerpt(change)
        line = f"{'  ' * depth}{change.op:<9} {kind} {nums}"
        if flags:
            line += f" ({', '.join(flags)})"
        if excerpt:
            line += f"  {excerpt}"
        lines.append(line)
    return lines


def _excerpt(change: Change) -> str:
    if change.op in ("insert", "delete"):
        text = " ".join("".join(t for _, t in change.diff).split())
        return _cut(text)
    pieces = []
    for op, text in change.diff:
        if op:
            pieces.append(f"{'-' if op < 0 else '+'}[{_cut(' '.join(text.split()) or text, 30)}]")
        if len(pieces) >= 4:
            pieces.append("…")
            break
    return " ".join(pieces)


def _cut(text: str, size: int = EXCERPT) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
