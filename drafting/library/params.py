"""Typed clause parameters: declaration, validation, parsing from the command line, wording.

A parameter is declared once in the manifest and shared by the clauses that list it, so a
jurisdiction sets `penalty_possession` once. Values are plain Python (str, int, bool) except
prison terms and fines, which become `PrisonTerm` and `Fine`. How a value is *worded* comes from
the per-language `_phrases.toml` (see `Phrases`), never from code.

Command-line syntax (`drafting render --set name=value`), also produced by `Parameter.unparse`:
  integer, age   `18`
  boolean        `yes` / `no` / `true` / `false` / `1` / `0` (plus each language's words)
  choice         the value, e.g. `any-means`
  text, authority the text itself
  prison         `5-10 years`, `6 months` (fixed term), `0-3 years` (up to 3); unit optional
  fine           `100-300 minimum-wages`, `200 penalty-units` (fixed), `0-500 penalty-units` (up to);
                 a currency instead of a unit means money: `US$ 10000-50000`
Numbers are whole; `50,000` and `50.000` both read as 50000.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from drafting.errors import DraftingError

TYPES = ("text", "integer", "age", "choice", "boolean", "prison", "fine", "authority")
AGE_RANGE = (0, 30)  # an age outside this is a typo, whatever the law
MAX_TEXT = 500  # one provision line, not an essay
MONEY = "money"  # the fine unit meaning "an amount in `currency`"
NAME_RE = re.compile(r"[a-z][a-z0-9_]*\Z")


class LibraryError(DraftingError):
    """The clause library, a template, a preset or a parameter value is wrong."""


def _fail(name: str, message: str) -> LibraryError:
    return LibraryError(f"parameter {name!r}: {message}")


@dataclass(frozen=True)
class PrisonTerm:
    min: int
    max: int
    unit: str = "years"

    def as_data(self) -> dict[str, Any]:
        return {"min": self.min, "max": self.max, "unit": self.unit}

    def __str__(self) -> str:  # a bare {{ x }} would print a Python repr into a law
        raise TypeError("a prison term must be written with the 'prison' filter: {{ name | prison }}")


@dataclass(frozen=True)
class Fine:
    unit: str
    amount: int | None = None
    min: int | None = None
    max: int | None = None
    currency: str = ""

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {k: getattr(self, k) for k in ("amount", "min", "max") if getattr(self, k) is not None}
        data["unit"] = self.unit
        if self.currency:
            data["currency"] = self.currency
        return data

    def __str__(self) -> str:
        raise TypeError("a fine must be written with the 'fine' filter: {{ name | fine }}")


def value_to_data(value: Any) -> Any:
    """A resolved value as plain JSON/TOML data (for recording a bill's parameters)."""
    return value.as_data() if isinstance(value, (PrisonTerm, Fine)) else value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    description: Mapping[str, str]
    default: Any = None
    localized_defaults: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    units: tuple[str, ...] = ()  # allowed prison units or fine units
    allow_empty: bool = False  # text only: "" means "nothing to say" (e.g. no specific repeals)

    def default_for(self, lang: str) -> Any:
        return self.localized_defaults.get(lang, self.default)

    def validate(self, value: Any) -> Any:
        """The value in its canonical form, or a LibraryError naming this parameter."""
        check = getattr(self, f"_check_{self.type}")
        return check(value)

    # one checker per type; each returns the canonical value
    def _check_text(self, value: Any) -> str:
        if not isinstance(value, str):
            raise _fail(self.name, f"expected text, got {type(value).__name__} {value!r}")
        if not value.strip() and not self.allow_empty:
            raise _fail(self.name, "must not be empty")
        if any(ch in value for ch in "\r\n\t\f\v") or len(value) > MAX_TEXT:
            raise _fail(self.name, f"must be a single line of at most {MAX_TEXT} characters")
        return value.strip()

    _check_authority = _check_text

    def _bounded_int(self, value: Any, low: int | None, high: int | None, what: str) -> int:
        if not _is_int(value):
            raise _fail(self.name, f"expected {what}, got {type(value).__name__} {value!r}")
        if (low is not None and value < low) or (high is not None and value > high):
            span = f"{low}–{high}" if high is not None else f"at least {low}"
            raise _fail(self.name, f"{value} is out of range ({span})")
        return value

    def _check_integer(self, value: Any) -> int:
        low = 0 if self.minimum is None else self.minimum
        return self._bounded_int(value, low, self.maximum, "a whole number")

    def _check_age(self, value: Any) -> int:
        low = max(AGE_RANGE[0], self.minimum if self.minimum is not None else AGE_RANGE[0])
        high = min(AGE_RANGE[1], self.maximum if self.maximum is not None else AGE_RANGE[1])
        return self._bounded_int(value, low, high, "an age in years")

    def _check_boolean(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise _fail(self.name, f"expected true or false, got {value!r}")
        return value

    def _check_choice(self, value: Any) -> str:
        if value not in self.choices:
            raise _fail(self.name, f"{value!r} is not one of {', '.join(self.choices)}")
        return value

    def _check_prison(self, value: Any) -> PrisonTerm:
        if isinstance(value, PrisonTerm):
            value = value.as_data()
        if not isinstance(value, Mapping):
            raise _fail(self.name, f"expected a prison term {{min, max, unit}}, got {value!r}")
        _only_keys(self.name, value, {"min", "max", "unit"})
        low, high = value.get("min", 0), value.get("max")
        if not _is_int(low) or not _is_int(high) or low < 0 or high <= 0:
            raise _fail(self.name, f"prison min and max must be whole numbers, max above 0: {dict(value)!r}")
        if low > high:
            raise _fail(self.name, f"prison minimum {low} is more than the maximum {high}")
        unit = value.get("unit", "years")
        if unit not in self.units:
            raise _fail(self.name, f"unknown prison unit {unit!r} (use {', '.join(self.units)})")
        return PrisonTerm(low, high, unit)

    def _check_fine(self, value: Any) -> Fine:
        if isinstance(value, Fine):
            value = value.as_data()
        if not isinstance(value, Mapping):
            raise _fail(self.name, f"expected a fine {{amount or min/max, unit}}, got {value!r}")
        _only_keys(self.name, value, {"amount", "min", "max", "unit", "currency"})
        numbers = {k: value[k] for k in ("amount", "min", "max") if k in value}
        if any(not _is_int(v) or v < 0 for v in numbers.values()):
            raise _fail(self.name, f"fine amounts must be whole numbers of 0 or more: {dict(value)!r}")
        if ("amount" in numbers) == ("max" in numbers):
            raise _fail(self.name, "a fine needs either an amount or a max (with an optional min)")
        if "amount" in numbers and "min" in numbers:
            raise _fail(self.name, "a fine has an amount or a min/max range, not both")
        if "min" in numbers and numbers["min"] > numbers["max"]:
            raise _fail(self.name, f"fine minimum {numbers['min']} is more than the maximum {numbers['max']}")
        if numbers.get("amount", numbers.get("max")) == 0:
            raise _fail(self.name, "a fine of 0 is no fine")
        unit, currency = value.get("unit"), value.get("currency", "")
        if unit not in self.units:
            raise _fail(self.name, f"unknown fine unit {unit!r} (use {', '.join(self.units)})")
        if not isinstance(currency, str) or (unit == MONEY) != bool(currency.strip()):
            raise _fail(self.name, f"a currency is needed exactly when the unit is {MONEY!r}")
        low = numbers.get("min") or None  # a minimum of 0 is no minimum
        return Fine(unit, numbers.get("amount"), low, numbers.get("max"), currency.strip())

    # --- command-line syntax -------------------------------------------------------------
    def parse(self, text: str, unit_words: Mapping[str, str] | None = None,
              boolean_words: Mapping[str, bool] | None = None, default_unit: str | None = None) -> Any:
        """Read a `--set` value (see the module docstring) and validate it.

        `unit_words` maps a lower-cased word ("años", "salarios mínimos") to a unit key;
        `boolean_words` maps words to True/False. Both come from the phrases data.
        """
        text = text.strip()
        if self.type in ("integer", "age"):
            if not re.fullmatch(r"-?\d+", text):
                raise _fail(self.name, f"expected a whole number, got {text!r}")
            return self.validate(int(text))
        if self.type == "boolean":
            words = {"yes": True, "no": False, "true": True, "false": False, "1": True, "0": False,
                     "on": True, "off": False, **(boolean_words or {})}
            if text.lower() not in words:
                raise _fail(self.name, f"expected yes or no, got {text!r}")
            return words[text.lower()]
        if self.type in ("prison", "fine"):
            return self._parse_amount(text, {**{u: u for u in self.units}, **(unit_words or {})}, default_unit)
        return self.validate(text)

    def _parse_amount(self, text: str, words: Mapping[str, str], default_unit: str | None) -> Any:
        m = re.fullmatch(r"(?P<pre>[^\d]*?)\s*(?P<a>\d[\d,._]*)\s*(?:(?:-|–|\.\.)\s*(?P<b>\d[\d,._]*))?\s*(?P<post>.*)", text)
        if not m:
            raise _fail(self.name, f"cannot read {text!r}; write e.g. '5-10 years' or '100-300 minimum-wages'")
        a = int(re.sub(r"[,._]", "", m["a"]))
        b = int(re.sub(r"[,._]", "", m["b"])) if m["b"] else None
        pre, post = m["pre"].strip(), m["post"].strip()
        unit = words.get(post.lower()) if post else None
        currency = ""
        if unit is None and (pre or post):
            if self.type == "prison" or (pre and post):
                raise _fail(self.name, f"unknown unit {(post or pre)!r} in {text!r}")
            unit, currency = MONEY, pre or post
        elif pre:
            raise _fail(self.name, f"unexpected {pre!r} before the number in {text!r}")
        unit = unit or default_unit or (self.units[0] if self.units else None)
        if self.type == "prison":
            return self.validate({"min": a, "max": a if b is None else b, "unit": unit})
        data: dict[str, Any] = {"amount": a} if b is None else {"min": a, "max": b}
        return self.validate({**data, "unit": unit, **({"currency": currency} if currency else {})})

    def unparse(self, value: Any) -> str:
        """The `--set` spelling of a valid value (parse(unparse(v)) == v)."""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, PrisonTerm):
            span = str(value.max) if value.min == value.max else f"{value.min}-{value.max}"
            return f"{span} {value.unit}"
        if isinstance(value, Fine):
            span = str(value.amount) if value.amount is not None else f"{value.min or 0}-{value.max}"
            return f"{value.currency} {span}" if value.unit == MONEY else f"{span} {value.unit}"
        return str(value)


def _only_keys(name: str, value: Mapping[str, Any], allowed: set[str]) -> None:
    extra = sorted(set(value) - allowed)
    if extra:
        raise _fail(name, f"unexpected key(s) {', '.join(extra)} (allowed: {', '.join(sorted(allowed))})")


# --- wording --------------------------------------------------------------------------------
PHRASE_FIELDS: Mapping[str, frozenset[str]] = MappingProxyType({
    "article_heading": frozenset({"num", "title"}),
    "money": frozenset({"currency", "amount"}),
    "quantity": frozenset({"number", "unit"}),
    "prison.range": frozenset({"min", "max", "unit"}),
    "prison.fixed": frozenset({"max", "unit"}),
    "prison.max": frozenset({"max", "unit"}),
    "fine.range": frozenset({"min", "max", "unit"}),
    "fine.amount": frozenset({"amount", "unit"}),
    "fine.max": frozenset({"max", "unit"}),
})


def check_pattern(key: str, pattern: Any) -> str | None:
    """Why a phrase pattern is unusable, or None. Only plain `{field}` placeholders are allowed,
    because user phrases are untrusted and str.format would otherwise reach attributes."""
    if not isinstance(pattern, str):
        return f"{key} must be a string"
    try:
        fields = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(pattern) if f is not None]
    except ValueError as exc:
        return f"{key}: {exc}"
    for name, spec, conv in fields:
        if name not in PHRASE_FIELDS[key] or spec or conv:
            return f"{key}: placeholder {{{name}}} not allowed (use {', '.join(sorted(PHRASE_FIELDS[key]))})"
    return None


@dataclass(frozen=True)
class Phrases:
    """How one language words numbers, units, prison terms and fines (from `_phrases.toml`)."""

    data: Mapping[str, Any]

    def get(self, dotted: str) -> Any:
        node: Any = self.data
        for part in dotted.split("."):
            node = node[part]
        return node

    def number(self, n: int) -> str:
        return f"{n:,}".replace(",", self.data["thousands_separator"])

    def unit(self, table: str, unit: str, n: int) -> str:
        forms = self.data[table][unit]
        return forms["one"] if n == 1 else forms["many"]

    def quantity(self, n: int, unit: str) -> str:
        return self.get("quantity").format(number=self.number(n), unit=self.unit("units", unit, n))

    def prison(self, term: PrisonTerm) -> str:
        unit = self.unit("units", term.unit, term.max)
        key = "prison.max" if term.min == 0 else "prison.fixed" if term.min == term.max else "prison.range"
        return self.get(key).format(min=self.number(term.min), max=self.number(term.max), unit=unit)

    def fine(self, fine: Fine) -> str:
        def num(n: int | None) -> str:
            if n is None:
                return ""
            if fine.unit == MONEY:
                return self.get("money").format(currency=fine.currency, amount=self.number(n))
            return self.number(n)

        last = fine.amount if fine.amount is not None else fine.max
        unit = "" if fine.unit == MONEY else self.unit("fine_units", fine.unit, last or 0)
        key = "fine.amount" if fine.amount is not None else "fine.range" if fine.min else "fine.max"
        text = self.get(key).format(amount=num(fine.amount), min=num(fine.min), max=num(fine.max), unit=unit)
        return re.sub(r"\s+", " ", text).strip()
