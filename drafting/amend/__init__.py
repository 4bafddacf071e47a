"""Two versions of a text → what changed, and the amending instructions that make the change.

Takes an old and a new Document; gives a `ChangeSet` (`changes`: insert, delete, move, modify,
renumber with word diffs, provisions paired by `pairing`), the `instructions` that enact it, and
how a change list names each change in the law's own words (`wording`: "artículo 5-B — insertado").
"""

from __future__ import annotations

from drafting.amend.changes import Change, ChangeSet, compare
from drafting.amend.instructions import Instruction, instructions_document

__all__ = ["Change", "ChangeSet", "Instruction", "compare", "instructions_document"]
