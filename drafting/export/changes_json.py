"""The change set as JSON-ready data: the contract of `drafting diff --json`.

Shape: {"changes": [{"op", "level", "old": {"eid", "num", "label", "kind"} | null, "new": … | null,
"diff": [[op, text], …], "whitespace_only", "numbering_only", "renumbered", "depth"}], "stats", "warnings"}.
Changes are listed depth first in reading order (an article, then the paragraphs changed inside
it); unchanged ones only with `include_unchanged`. Add keys, never rename them.
"""

from __future__ import annotations

from typing import Any

from drafting.amend.changes import Change, ChangeSet
from drafting.model.document import Node


def changes_json(changes: ChangeSet, include_unchanged: bool = False) -> dict[str, Any]:
    # notes and website text are not the law: their changes are no amendment and are not listed
    items = [_change(change, depth) for change, depth in changes.walk()
             if (include_unchanged or change.op != "unchanged") and change.node.law]
    stats = changes.stats
    return {
        "changes": items,
        "stats": {"old_units": stats.old_units, "new_units": stats.new_units, "aligned_units": stats.aligned_units,
                  "aligned_ratio": round(stats.aligned_ratio, 3), "counts": dict(stats.counts)},
        "warnings": list(changes.warnings),
    }


def _change(change: Change, depth: int) -> dict[str, Any]:
    return {
        "op": change.op,
        "level": change.level,
        "old": _side(change.old),
        "new": _side(change.new),
        "diff": [[op, text] for op, text in change.diff],
        "whitespace_only": change.whitespace_only,
        "numbering_only": change.numbering_only,
        "renumbered": change.renumbered,
        "depth": depth,
    }


def _side(node: Node | None) -> dict[str, str] | None:
    if node is None:
        return None
    return {"eid": node.eid, "num": node.num, "label": node.label, "kind": node.kind}
