"""Errors that reach the user as one clear line, naming the file and the place."""

from __future__ import annotations


class DraftingError(Exception):
    """A problem the user can act on: bad input, an unknown id, an unwritable path.

    `source` names the file (or clause, spec, …) and `place` the position inside it
    (a line number, an XML path, a template line). The CLI prints `str(error)` on one line.
    """

    def __init__(self, message: str, source: str | None = None, place: str | int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.place = place

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = str(self.source)
            if self.place not in (None, ""):
                where += f":{self.place}"
            where += ": "
        return f"{where}{self.message}".replace("\n", " ")


class InputError(DraftingError):
    """The input file cannot be read or understood."""
