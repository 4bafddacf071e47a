"""The document model: what every stage takes and gives.

An immutable tree (`Document` → `Node`s with num and label as written, heading, text, eId, GUID),
its metadata (`Meta`), AKN eIds and GUIDs (`eids`), numbers as written (`numbering`) and the JSON
outline of a document (`outline`).
"""

from __future__ import annotations

from drafting.model.document import DIVISION_KINDS, Document, Meta, Node, is_unit, map_nodes, walk
from drafting.model.eids import assign_eids
from drafting.model.immutable import freeze

__all__ = ["DIVISION_KINDS", "Document", "Meta", "Node", "assign_eids", "freeze", "is_unit", "map_nodes", "walk"]
