"""Bills: a specification (or a reviewed statute's gaps) + the library → a bill Document.

Takes a `BillSpec` (`spec`) or a statute with its gaps; gives an `Assembly`: the bill, warnings for
the drafter and provenance. New bills in `assemble`, amending bills in `gapbill` (for the statute's
own jurisdiction: `presets`; in its numbering, terms and citations: `numbers`, `terms`, `citing`);
the house style of either in `furniture` and `labels`.
"""

from __future__ import annotations

from drafting.bills.assembly import Assembly
from drafting.bills.gapbill import Gap, gap_bill
from drafting.bills.spec import BillSpec, SpecError, load_spec

__all__ = ["Assembly", "BillSpec", "Gap", "SpecError", "gap_bill", "load_spec"]
