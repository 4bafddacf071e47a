"""The Jinja side of rendering a clause: the sandboxed environment, its filters, the tidy-up.

`Library.render_text` (in `drafting.library`) drives these; the load-time checks that keep
templates within the sandbox's rules are in `drafting.library.templates`.
"""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path
from typing import Any, Iterable

from jinja2 import FileSystemLoader, StrictUndefined, pass_context
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from drafting.library.params import Fine, Phrases, PrisonTerm

MAX_OUTPUT = 100_000  # characters; a clause is a page, not a book


class Sandbox(SandboxedEnvironment):
    """Jinja's sandbox plus limits on the two operators that can exhaust memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise SecurityError("exponent too large")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_OUTPUT:
                    raise SecurityError("repetition too large")
        return super().call_binop(context, operator, left, right)


def _phrases_of(ctx: Context) -> Phrases:
    return ctx["_phrases"]


@pass_context
def _f_prison(ctx: Context, value: Any) -> str:
    if not isinstance(value, PrisonTerm):
        raise TypeError(f"the prison filter needs a prison-term parameter, got {value!r}")
    return _phrases_of(ctx).prison(value)


@pass_context
def _f_fine(ctx: Context, value: Any) -> str:
    if not isinstance(value, Fine):
        raise TypeError(f"the fine filter needs a fine parameter, got {value!r}")
    return _phrases_of(ctx).fine(value)


@pass_context
def _f_quantity(ctx: Context, value: Any, unit: str) -> str:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"the quantity filter needs a whole number, got {value!r}")
    return _phrases_of(ctx).quantity(value, unit)


@pass_context
def _f_number(ctx: Context, value: Any) -> str:
    return _phrases_of(ctx).number(value)


def _f_upfirst(value: Any) -> str:
    text = str(value)
    return text[:1].upper() + text[1:]


def make_sandbox(roots: Iterable[Path]) -> Sandbox:
    """The environment that loads `<lang>/<id>.j2` from `roots`, first match wins."""
    env = Sandbox(
        loader=FileSystemLoader([str(r) for r in roots]),
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False,
        trim_blocks=True, lstrip_blocks=True, auto_reload=False,
    )
    for name in ("lipsum", "cycler", "joiner"):
        env.globals.pop(name, None)
    env.filters.update(prison=_f_prison, fine=_f_fine, quantity=_f_quantity, number=_f_number, upfirst=_f_upfirst)
    return env


def template_line(exc: BaseException, path: Path) -> int | None:
    """The template line where a render error happened (Jinja maps frames to template lines)."""
    target, line = os.path.normpath(str(path)), None
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.normpath(frame.filename) == target:
            line = frame.lineno
    return line


def tidy(raw: str, phrases: Phrases) -> str:
    """Drop blank lines, collapse spaces left by template logic, apply contractions ("a el" → "al")."""
    lines = []
    for line in raw.splitlines():
        line = re.sub(r"\s+", " ", line).strip()
        line = re.sub(r" +([.,;:])", r"\1", line)
        if line:
            lines.append(line)
    text = "\n".join(lines)
    for old, new in phrases.data.get("contractions", {}).items():
        text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)
    return text
