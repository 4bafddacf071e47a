"""python -m fidelity [--no-review] [--json]: score import and review on the gold files."""

from __future__ import annotations

import argparse
import json
import sys

from fidelity.score import CORE, corpus_folder, gold_files, score_corpus, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fidelity", description=__doc__)
    parser.add_argument("--no-review", action="store_true", help="score the import only")
    parser.add_argument("--json", action="store_true", help="per-file scores as JSON")
    args = parser.parse_args(argv)
    if not gold_files():
        print(f"no gold files under {corpus_folder()} (shared/corpus sits beside the repository)", file=sys.stderr)
        return 2
    summary = score_corpus(review=not args.no_review)
    if args.json:
        print(json.dumps([{"file": f.name, "f1": round(f.f1, 4), "placed": round(f.placed, 4), "error": f.error,
                           "core": f.agreement(CORE), "full": f.agreement(), "verdicts": f.verdicts,
                           "evidence": f.evidence} for f in summary.files], indent=1, ensure_ascii=False))
    else:
        print("\n".join(table(summary)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
