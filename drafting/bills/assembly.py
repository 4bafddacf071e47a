"""What assembling a bill gives: the bill, the warnings for the drafter, and where each part came from.

Shared by new bills (`assemble`) and amending bills (`gapbill`), so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from drafting.model.document import Document


@dataclass(frozen=True)
class Assembly:
    document: Document
    warnings: tuple[str, ...]
    provenance: Mapping[str, str]
