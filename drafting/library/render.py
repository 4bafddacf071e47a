"""The Jinja side of rendering a clause: the sandboxed environment, its filters, the tidy-up.

`Library.render_text` (in `drafting.library`) drives these; the load-time checks that keep
templates within the sandbox's rules are in `drafting.library.templates`.
"""

from __future__ import annotations

import functools
import os
import re
import string
import threading
import traceback
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS as DEFAULT_FILTERS
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from drafting.library.params import Fine, Phrases, PrisonTerm

MAX_OUTPUT = 100_000  # characters; a clause is a page, not a book
MAX_STRING = MAX_OUTPUT  # the longest string any operation in a template may build
MAX_INT_BITS = 4096  # the largest integer arithmetic may build (a 1,233-digit number)
MAX_CALL_DEPTH = 16  # macros calling macros (a macro calling itself doubles its text at each level)
MAX_CALLS = 10_000  # calls (macros, methods, ref) in one rendering
# %-format width or precision: "%0999999999d" would allocate a gigabyte before anything can check it.
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")


def _too_long(size: int) -> None:
    if size > MAX_STRING:
        raise SecurityError(f"the template builds a text of {size:,} characters (at most {MAX_STRING:,})")


def _check_percent(template: str) -> None:
    for match in _PERCENT_SPEC.finditer(template):
        for part in match.groups():
            if part == "*":
                raise SecurityError("a %-format width taken from the arguments (*) is not allowed")
            if part and (len(part) > 6 or int(part) > MAX_STRING):
                raise SecurityError(f"a %-format width of {part} is too large")


def _check_format_spec(template: str) -> None:
    """str.format / format_map: no field may ask for a width or precision beyond MAX_STRING."""
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return  # Python itself will refuse the format string
    for _, _, spec, _ in fields:
        if not spec:
            continue
        if "{" in spec:
            raise SecurityError("nested format fields ({:{}}) are not allowed in templates")
        for digits in _DIGITS.findall(spec):
            if len(digits) > 6 or int(digits) > MAX_STRING:
                raise SecurityError(f"a format width of {digits} is too large")


def _width(value: Any) -> None:
    if isinstance(value, int) and value > MAX_STRING:
        raise SecurityError(f"a width of {value:,} is too large (at most {MAX_STRING:,})")


class Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, with limits on everything that can build a huge text or number.

    Intercepted: `*` (repetition), `+` (concatenation), `%` (formatting), `**` and big-integer
    arithmetic, `~` (string joining, through the code generator below), the string methods and
    filters that pad, replace or format (center, ljust, rjust, zfill, expandtabs, replace, format,
    format_map, indent, wordwrap), the depth and number of calls (a macro calling itself), and
    the output, counted as it is produced (`render_limited`).
    """

    intercepted_binops = frozenset({"*", "**", "+", "%", "//", "-"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.code_generator_class = _GuardedCodeGenerator
        self._calls = threading.local()

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if isinstance(right, (int, float)) and isinstance(left, (int, float)):
                bits = abs(int(left)).bit_length() if isinstance(left, int) else 64
                if abs(right) > 64 and abs(left) > 1 or bits * abs(right) > MAX_INT_BITS:
                    raise SecurityError("exponent too large")
        elif operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_STRING:
                    raise SecurityError("repetition too large")
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise SecurityError("number too large")
        elif operator == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
                _too_long(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            _check_percent(left)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        state = __self._calls
        depth, count = getattr(state, "depth", 0), getattr(state, "count", 0) + 1
        if count > MAX_CALLS:
            raise SecurityError(f"more than {MAX_CALLS:,} calls in one clause")
        if depth >= MAX_CALL_DEPTH:
            raise SecurityError(f"calls nested more than {MAX_CALL_DEPTH} deep (a macro calling itself?)")
        for value in (*args, *kwargs.values()):
            if isinstance(value, str):
                _too_long(len(value))
        _check_method(__obj, args, kwargs)
        state.depth, state.count = depth + 1, count
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            state.depth = depth

    def reset_calls(self) -> None:
        self._calls.depth = self._calls.count = 0

    def guarded_concat(self, pieces: tuple[Any, ...]) -> str:
        """`a ~ b ~ c` (see _GuardedCodeGenerator)."""
        parts = [str(p) for p in pieces]
        _too_long(sum(map(len, parts)))
        return "".join(parts)


def _check_method(obj: Any, args: tuple, kwargs: dict) -> None:
    """String methods that pad or multiply: their size is known before they run."""
    obj = getattr(obj, "__wrapped__", obj)  # Jinja wraps str.format / format_map in its own formatter
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in ("center", "ljust", "rjust", "zfill"):
        _width((args or (kwargs.get("width"),))[0])
    elif name == "expandtabs":
        size = (args or (kwargs.get("tabsize", 8),))[0]
        if isinstance(size, int):
            _too_long(len(owner) * max(size, 1))
    elif name == "replace":
        old, new = (list(args) + [None, None])[:2]
        if isinstance(old, str) and isinstance(new, str):
            hits = owner.count(old) if old else len(owner) + 1
            _too_long(len(owner) + hits * (len(new) - len(old)))
    elif name in ("format", "format_map"):
        _check_format_spec(owner)


class _GuardedCodeGenerator(CodeGenerator):
    """Compiles `~` to the sandbox's size-checked `concat` instead of Jinja's unchecked str_join."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802 — Jinja's visitor name
        self.write("environment.guarded_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


def _guarded_filter(name: str, check: Callable[..., None]) -> Callable[..., Any]:
    original = DEFAULT_FILTERS[name]

    @functools.wraps(original)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        check(*args, **kwargs)
        return original(*args, **kwargs)

    return guarded


def _check_center(value: Any, width: Any = 80) -> None:
    _width(width)


def _check_indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> None:
    text = str(value)
    size = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    _too_long(len(text) + (text.count("\n") + 1) * size)


def _check_replace(*args: Any, **kwargs: Any) -> None:
    values = [a for a in args if not isinstance(a, EvalContext)]
    if len(values) >= 3 and all(isinstance(v, str) for v in values[:3]):
        text, old, new = values[:3]
        hits = text.count(old) if old else len(text) + 1
        _too_long(len(text) + hits * (len(new) - len(old)))


def _check_format(value: Any, *args: Any, **kwargs: Any) -> None:
    if isinstance(value, str):
        _check_percent(value)


def _check_wordwrap(*args: Any, **kwargs: Any) -> None:
    values = [a for a in args if not isinstance(a, Environment)]
    if values:
        _too_long(2 * len(str(values[0])))


GUARDED_FILTERS = {"center": _check_center, "indent": _check_indent, "replace": _check_replace,
                   "format": _check_format, "wordwrap": _check_wordwrap}


def render_limited(template: Template, context: Mapping[str, Any]) -> str:
    """Render, counting the output as it is produced: the render stops as soon as it passes MAX_OUTPUT."""
    env = template.environment
    if isinstance(env, Sandbox):
        env.reset_calls()
    pieces: list[str] = []
    size = 0
    for piece in template.generate(context):
        size += len(piece)
        if size > MAX_OUTPUT:
            raise SecurityError(f"the rendered text passes {MAX_OUTPUT:,} characters")
        pieces.append(piece)
    return "".join(pieces)


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
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"the number filter needs a whole number, got {value!r}")
    return _phrases_of(ctx).number(value)


@pass_context
def _f_words(ctx: Context, value: Any) -> str:
    """A whole number in words only ("dieciocho"), whatever the preset's number style."""
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 10**12:
        raise TypeError(f"the words filter needs a whole number of at most 12 digits, got {value!r}")
    return _phrases_of(ctx).words(value)


@pass_context
def _f_sanction(ctx: Context, term: Any, fine: Any) -> str:
    """`{{ penalty_x | sanction(fine_x) }}`: the penalty of an offence, prison and fine, worded and
    combined as the language or the preset says ("será sancionada con prisión … y multa …";
    "commits an offence and is liable on conviction to imprisonment … or to a fine …, or to both")."""
    if not isinstance(term, PrisonTerm) or not isinstance(fine, Fine):
        raise TypeError("the sanction filter takes a prison-term parameter and a fine parameter: {{ penalty | sanction(fine) }}")
    return _phrases_of(ctx).penalty(term, fine)


@pass_context
def _f_agree(ctx: Context, value: Any, singular: str, plural: str) -> str:
    """`{{ things | agree("deroga", "derogan") }}`: the verb form that agrees with a phrase naming things."""
    return plural if _phrases_of(ctx).plural(str(value)) else singular


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
    env.filters.update(prison=_f_prison, fine=_f_fine, quantity=_f_quantity, number=_f_number, upfirst=_f_upfirst,
                       words=_f_words, sanction=_f_sanction, agree=_f_agree)
    env.filters.update({name: _guarded_filter(name, check) for name, check in GUARDED_FILTERS.items()})
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
    from drafting.akn import xml_safe  # a template (or a value) may hold ESC, BEL …: no document can store them

    raw = xml_safe(raw)
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
