"""Progress of long work (pages of a PDF, paragraphs of a DOCX, statutes of a matrix review).

The library calls `report(done, total, what)` where the work advances; whoever started the work
decides where that goes, with `reporting(callback)`: a line on a terminal's stderr in the CLI, a
Streamlit progress bar in the app (through the worker's pipe). Without a callback it costs a
context-variable lookup.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator, TextIO

Callback = Callable[[int, int, str], None]
_current: ContextVar[Callback | None] = ContextVar("drafting_progress", default=None)


def report(done: int, total: int, what: str) -> None:
    """`done` of `total` `what` ("pages", "paragraphs", "statutes") are finished."""
    callback = _current.get()
    if callback is not None:
        callback(done, total, what)


@contextmanager
def reporting(callback: Callback | None) -> Iterator[None]:
    token = _current.set(callback)
    try:
        yield
    finally:
        _current.reset(token)


def throttled(callback: Callback, interval: float = 0.2) -> Callback:
    """The callback called at most every `interval` seconds (and always for the last step)."""
    last = [0.0]

    def call(done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if done >= total or now - last[0] >= interval:
            last[0] = now
            callback(done, total, what)

    return call


def terminal(stream: TextIO | None = None) -> Callback | None:
    """A progress line rewritten in place on `stream` (stderr) — only when it is a terminal."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None

    def show(done: int, total: int, what: str) -> None:
        end = "\n" if done >= total else ""
        stream.write(f"\r{what}: {done}/{total}{end}")
        stream.flush()

    return throttled(show)
