"""Lines + a profile → a Document.

Takes the `Source` lines an importer read (text with light hints) and a drafting-convention profile
(`profiles/`, conventions as data); gives the tree: document parts (`structure`) and the body grammar
(`body`). Model clauses go through the same grammar (`parse_fragment`).
"""

from __future__ import annotations

from drafting.parse.body import parse_fragment
from drafting.parse.lines import Line, Source
from drafting.parse.profiles import Profile
from drafting.parse.structure import ParseResult, parse

__all__ = ["Line", "ParseResult", "Profile", "Source", "parse", "parse_fragment"]
