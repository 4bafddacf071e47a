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

Every parameter has a human label per language (`label.en = "Prison term for possession"`) and,
for choices, a label per choice. A value that fails validation raises a `ParameterError` whose
`problem` is one plain sentence ("The minimum prison term (9 years) is longer than the maximum
(7 years).") and whose message adds the label and the name the command line uses, so the app
and the CLI show the same words.
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


LANGUAGE_BOUND = frozenset({"text", "authority"})  # types whose values are words of one language


class LibraryError(DraftingError):
    """The clause library, a template, a preset or a parameter value is wrong."""


class ParameterError(LibraryError):
    """A parameter value is wrong: `problem` says why in one plain sentence, `label` names the parameter."""

    def __init__(self, name: str, label: str, problem: str, source: str | None = None,
                 place: str | int | None = None) -> None:
        super().__init__(f"{label} ({name}): {problem}", source, place)
        self.parameter = name
        self.label = label
        self.problem = problem


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


def _shown(value: Any) -> str:
    """A wrong value as the user typed it, short."""
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 60 else text[:57] + "…"


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
    label: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # per language
    choice_labels: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: MappingProxyType({}))  # lang → choice → label
    unit: str = ""  # integer only: what it counts ("hours", "days"), a key of the phrases' units table
    # How the messages word units: unit key → (one, many), from the phrases of the messages' language.
    unit_words: Mapping[str, tuple[str, str]] = field(default_factory=lambda: MappingProxyType({}))

    def default_for(self, lang: str) -> Any:
        return self.localized_defaults.get(lang, self.default)

    def title(self, lang: str = "en") -> str:
        """The human label in `lang` (else another language's, else the name in words)."""
        return self.label.get(lang) or next(iter(self.label.values()), "") or self.name.replace("_", " ").capitalize()

    def choice_title(self, choice: str, lang: str = "en") -> str:
        labels = self.choice_labels.get(lang) or next(iter(self.choice_labels.values()), {})
        return labels.get(choice, choice)

    def validate(self, value: Any) -> Any:
        """The value in its canonical form, or a ParameterError naming this parameter."""
        check = getattr(self, f"_check_{self.type}")
        return check(value)

    # --- plain-language messages ---------------------------------------------------------
    def _fail(self, problem: str) -> ParameterError:
        return ParameterError(self.name, self.title(), problem)

    def _count(self, n: int, unit: str) -> str:
        """'9 years', '1 hour', '500 penalty units': a number with its unit in words."""
        if not unit:
            return f"{n:,}"
        one, many = self.unit_words.get(unit, (unit.replace("-", " "), unit.replace("-", " ")))
        return f"{n:,} {one if n == 1 else many}"

    # one checker per type; each returns the canonical value
    def _check_text(self, value: Any) -> str:
        if not isinstance(value, str):
            raise self._fail(f"Write this as text ({_shown(value)} is not text).")
        if not value.strip() and not self.allow_empty:
            raise self._fail("This must not be empty.")
        if any(ch in value for ch in "\r\n\t\f\v") or len(value) > MAX_TEXT:
            raise self._fail(f"Write this on a single line of at most {MAX_TEXT} characters.")
        return value.strip()

    _check_authority = _check_text

    def _bounded_int(self, value: Any, low: int | None, high: int | None, unit: str, what: str) -> int:
        if not _is_int(value):
            raise self._fail(f"This must be {what} ({_shown(value)} is not).")
        if low is not None and value < low:
            raise self._fail(f"{self._count(value, unit)} is less than the least allowed ({self._count(low, unit)}).")
        if high is not None and value > high:
            raise self._fail(f"{self._count(value, unit)} is more than the most allowed ({self._count(high, unit)}).")
        return value

    def _check_integer(self, value: Any) -> int:
        low = 0 if self.minimum is None else self.minimum
        return self._bounded_int(value, low, self.maximum, self.unit, "a whole number")

    def _check_age(self, value: Any) -> int:
        low = max(AGE_RANGE[0], self.minimum if self.minimum is not None else AGE_RANGE[0])
        high = min(AGE_RANGE[1], self.maximum if self.maximum is not None else AGE_RANGE[1])
        if _is_int(value) and not low <= value <= high:
            bound = f"the youngest allowed is {low}" if value < low else f"the oldest allowed is {high}"
            raise self._fail(f"An age of {value} is not allowed here: {bound}.")
        return self._bounded_int(value, low, high, "", "an age in whole years")

    def _check_boolean(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self._fail(f"Answer yes or no ({_shown(value)} is neither).")
        return value

    def _check_choice(self, value: Any) -> str:
        if value not in self.choices:
            options = "; ".join(f"{c} ({self.choice_title(c)})" if self.choice_title(c) != c else c for c in self.choices)
            raise self._fail(f"{_shown(value)} is not one of the choices: {options}.")
        return value

    def _check_prison(self, value: Any) -> PrisonTerm:
        if isinstance(value, PrisonTerm):
            value = value.as_data()
        if not isinstance(value, Mapping):
            raise self._fail(f"Give a prison term as a minimum, a maximum and a unit, e.g. 2-5 years ({_shown(value)} is not).")
        self._only_keys(value, {"min", "max", "unit"})
        low, high = value.get("min", 0), value.get("max")
        if not _is_int(low) or not _is_int(high) or low < 0:
            raise self._fail("The minimum and maximum prison terms must be whole numbers of 0 or more.")
        unit = value.get("unit", "years")
        if unit not in self.units:
            raise self._fail(f"Prison terms are counted in {' or '.join(self.units)}, not in {_shown(unit)}.")
        if high <= 0:
            raise self._fail("The maximum prison term must be more than 0.")
        if low > high:
            raise self._fail(f"The minimum prison term ({self._count(low, unit)}) is longer than the maximum "
                             f"({self._count(high, unit)}).")
        return PrisonTerm(low, high, unit)

    def _check_fine(self, value: Any) -> Fine:
        if isinstance(value, Fine):
            value = value.as_data()
        if not isinstance(value, Mapping):
            raise self._fail(f"Give a fine as an amount, or a minimum and a maximum, with a unit "
                             f"({_shown(value)} is not).")
        self._only_keys(value, {"amount", "min", "max", "unit", "currency"})
        numbers = {k: value[k] for k in ("amount", "min", "max") if k in value}
        if any(not _is_int(v) or v < 0 for v in numbers.values()):
            raise self._fail("Fine amounts must be whole numbers of 0 or more.")
        if ("amount" in numbers) == ("max" in numbers):
            raise self._fail("A fine needs either a fixed amount or a maximum (with an optional minimum).")
        if "amount" in numbers and "min" in numbers:
            raise self._fail("A fine has either a fixed amount or a range from a minimum to a maximum, not both.")
        unit, currency = value.get("unit"), value.get("currency", "")
        if unit not in self.units:
            allowed = ", ".join(self.unit_words.get(u, (u, u))[1] if u != MONEY else "money" for u in self.units)
            raise self._fail(f"{_shown(unit)} is not a unit for this fine (use one of: {allowed}).")
        if "min" in numbers and numbers["min"] > numbers["max"]:
            raise self._fail(f"The minimum fine ({self._fine_count(numbers['min'], unit, currency)}) is more than the "
                             f"maximum ({self._fine_count(numbers['max'], unit, currency)}).")
        if numbers.get("amount", numbers.get("max")) == 0:
            raise self._fail("A fine of 0 is no fine: give an amount above 0.")
        if not isinstance(currency, str) or (unit == MONEY) != bool(currency.strip()):
            raise self._fail("Name a currency when the fine is an amount of money, and only then.")
        low = numbers.get("min") or None  # a minimum of 0 is no minimum
        return Fine(unit, numbers.get("amount"), low, numbers.get("max"), currency.strip())

    def _fine_count(self, n: int, unit: str, currency: Any) -> str:
        return f"{currency} {n:,}".strip() if unit == MONEY else self._count(n, unit)

    def _only_keys(self, value: Mapping[str, Any], allowed: set[str]) -> None:
        extra = sorted(set(value) - allowed)
        if extra:
            raise self._fail(f"Unexpected key(s) {', '.join(extra)} (allowed: {', '.join(sorted(allowed))}).")

    # --- a value in words, for forms and tables ------------------------------------------
    def describe(self, value: Any, phrases: "Phrases", lang: str) -> str:
        """A valid value as a drafter reads it in `lang`: "2 to 5 years", "up to 500 penalty units"."""
        booleans = phrases.data.get("booleans", {})
        if isinstance(value, bool):
            words = booleans.get("yes" if value else "no") or ["yes" if value else "no"]
            return str(words[0])
        if isinstance(value, PrisonTerm):
            return phrases.span(value.min, value.max, phrases.unit("units", value.unit, value.max))
        if isinstance(value, Fine):
            if value.unit == MONEY:
                def amount(n: int) -> str:
                    return phrases.get("money").format(currency=value.currency, amount=phrases.figures(n))
                if value.amount is not None:
                    return amount(value.amount)
                return phrases.span(value.min or 0, value.max or 0, "", amount)
            last = value.amount if value.amount is not None else value.max or 0
            unit = phrases.unit("fine_units", value.unit, last)
            if value.amount is not None:
                return f"{phrases.figures(value.amount)} {unit}"
            return phrases.span(value.min or 0, last, unit)
        if self.type == "choice":
            return self.choice_title(str(value), lang)
        if self.type in ("integer", "age") and _is_int(value):
            unit = self.unit or ("years" if self.type == "age" else "")
            # forms show figures, whatever the law text's style
            return phrases.get("quantity").format(number=phrases.figures(value), unit=phrases.unit("units", unit, value)) \
                if unit else phrases.figures(value)
        return str(value)

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
                raise self._fail(f"Write a whole number ({_shown(text)} is not one).")
            return self.validate(int(text))
        if self.type == "boolean":
            words = {"yes": True, "no": False, "true": True, "false": False, "1": True, "0": False,
                     "on": True, "off": False, **(boolean_words or {})}
            if text.lower() not in words:
                raise self._fail(f"Answer yes or no ({_shown(text)} is neither).")
            return words[text.lower()]
        if self.type in ("prison", "fine"):
            return self._parse_amount(text, {**{u: u for u in self.units}, **(unit_words or {})}, default_unit)
        return self.validate(text)

    def _parse_amount(self, text: str, words: Mapping[str, str], default_unit: str | None) -> Any:
        m = re.fullmatch(r"(?P<pre>[^\d]*?)\s*(?P<a>\d[\d,._]*)\s*(?:(?:-|–|\.\.)\s*(?P<b>\d[\d,._]*))?\s*(?P<post>.*)", text)
        if not m:
            raise self._fail(f"Cannot read {_shown(text)}; write e.g. 5-10 years or 100-300 minimum-wages.")
        a = int(re.sub(r"[,._]", "", m["a"]))
        b = int(re.sub(r"[,._]", "", m["b"])) if m["b"] else None
        pre, post = m["pre"].strip(), m["post"].strip()
        unit = words.get(post.lower()) if post else None
        currency = ""
        if unit is None and (pre or post):
            if self.type == "prison" or (pre and post):
                raise self._fail(f"Unknown unit {_shown(post or pre)} in {_shown(text)}.")
            unit, currency = MONEY, pre or post
        elif pre:
            raise self._fail(f"Unexpected {_shown(pre)} before the number in {_shown(text)}.")
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
    "describe.range": frozenset({"min", "max", "unit"}),
    "describe.up_to": frozenset({"max", "unit"}),
    "describe.fixed": frozenset({"max", "unit"}),
    "penalty.up_to": frozenset({"prison", "fine"}),
    "penalty.with_minimum": frozenset({"prison", "fine"}),
    "penalty.sentence": frozenset({"penalty"}),
    "numbers.words_and_figures": frozenset({"words", "figures"}),
})
# Optional phrases: how forms and tables word a value; how a prison term and a fine combine into the
# penalty of an offence; how a number is written in words and figures ("diez (10)").
OPTIONAL_PHRASES = ("describe.range", "describe.up_to", "describe.fixed", "penalty.up_to", "penalty.with_minimum",
                    "penalty.sentence", "numbers.words_and_figures")
_DESCRIBE_DEFAULTS = {"range": "{min} to {max} {unit}", "up_to": "up to {max} {unit}", "fixed": "{max} {unit}"}
_PENALTY_DEFAULTS = {"up_to": "{prison} and {fine}", "with_minimum": "{prison} and {fine}", "sentence": "{penalty}"}
NUMBER_STYLES = ("figures", "words-and-figures")
GENDERS = ("m", "f")


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

    def figures(self, n: int) -> str:
        """A number in figures, with the language's (or preset's) thousands separator."""
        return f"{n:,}".replace(",", self.data["thousands_separator"])

    def number(self, n: int, gender: str = "") -> str:
        """A number as law text writes it: figures, or words and figures ("diez (10)") when the
        phrases say `numbers.style = "words-and-figures"`; `gender` ("m"/"f") is the gender of the
        noun it counts, for the languages whose number words agree with it ("veintiún años",
        "veintiuna horas")."""
        if self.data.get("numbers", {}).get("style", "figures") != "words-and-figures":
            return self.figures(n)
        pattern = str(self.data["numbers"].get("words_and_figures", "{words} ({figures})"))
        return pattern.format(words=self.words(n, gender), figures=self.figures(n))

    def words(self, n: int, gender: str = "") -> str:
        """A whole number in words (num2words), agreeing with the noun's gender where the phrases say how."""
        from num2words import num2words  # only presets that write numbers in words need it

        table = self.data.get("numbers", {})
        words = num2words(n, lang=str(table.get("language", "en"))).split(" ")
        agreement = dict(table.get("agreement", {}).get(gender or "m", ()))
        return " ".join(agreement.get(word, word) for word in words)

    def unit(self, table: str, unit: str, n: int) -> str:
        forms = self.data[table][unit]
        return forms["one"] if n == 1 else forms["many"]

    def gender(self, table: str, unit: str) -> str:
        return str(self.data[table][unit].get("gender", "")) if unit in self.data.get(table, {}) else ""

    def quantity(self, n: int, unit: str) -> str:
        return self.get("quantity").format(number=self.number(n, self.gender("units", unit)), unit=self.unit("units", unit, n))

    def prison(self, term: PrisonTerm) -> str:
        unit = self.unit("units", term.unit, term.max)
        gender = self.gender("units", term.unit)
        key = "prison.max" if term.min == 0 else "prison.fixed" if term.min == term.max else "prison.range"
        return self.get(key).format(min=self.number(term.min, gender), max=self.number(term.max, gender), unit=unit)

    def penalty(self, term: PrisonTerm, fine: Fine) -> str:
        """An offence's penalty: a prison term and a fine, combined as the language (or preset) words it —
        "imprisonment for a term not exceeding 10 years or to a fine …, or to both" where the prison
        term has no minimum; both together where it has one."""
        table = self.data.get("penalty", {})
        key = "with_minimum" if term.min else "up_to"
        penalty = str(table.get(key, _PENALTY_DEFAULTS[key])).format(prison=self.prison(term), fine=self.fine(fine))
        return str(table.get("sentence", _PENALTY_DEFAULTS["sentence"])).format(penalty=penalty)

    def plural(self, text: str) -> bool:
        """Does a phrase naming things take a plural verb? "los artículos 5 y 6" (it starts with a plural
        determiner) and "el artículo 5 y el párrafo del artículo 7" (a determiner after a joining word)
        do; "el párrafo del artículo 24 de la Ley …, sobre Crímenes y Delitos …" does not. Word lists
        from `[plural]`; without them nothing is plural."""
        table = self.data.get("plural", {})
        words = re.findall(r"\w+|,", text.casefold())
        if words and words[0] in {w.casefold() for w in table.get("starts", ())}:
            return True
        joins = {w.casefold() for w in table.get("joins", ())}
        determiners = {w.casefold() for w in table.get("determiners", ())}
        return any(a in joins and b in determiners for a, b in zip(words, words[1:]))

    def span(self, low: int, high: int, unit: str, amount: Any = None) -> str:
        """A range as forms show it: "2 to 5 years", "up to 500 penalty units" (`describe` phrases)."""
        table = self.data.get("describe", {})
        key = "up_to" if low == 0 else "fixed" if low == high else "range"
        number = amount or self.figures
        text = str(table.get(key, _DESCRIBE_DEFAULTS[key])).format(min=number(low), max=number(high), unit=unit)
        return re.sub(r"\s+", " ", text).strip()

    def fine(self, fine: Fine) -> str:
        gender = "" if fine.unit == MONEY else self.gender("fine_units", fine.unit)

        def num(n: int | None) -> str:
            if n is None:
                return ""
            if fine.unit == MONEY:
                return self.get("money").format(currency=fine.currency, amount=self.figures(n))
            return self.number(n, gender)

        last = fine.amount if fine.amount is not None else fine.max
        unit = "" if fine.unit == MONEY else self.unit("fine_units", fine.unit, last or 0)
        key = "amount" if fine.amount is not None else "range" if fine.min else "max"
        # a unit may word its fines its own way ("sesenta a ciento ochenta días-multa", never "multa de …")
        own = self.data.get("fine_units", {}).get(fine.unit, {}) if fine.unit != MONEY else {}
        pattern = own.get(key) or self.get(f"fine.{key}")
        text = str(pattern).format(amount=num(fine.amount), min=num(fine.min), max=num(fine.max), unit=unit)
        return re.sub(r"\s+", " ", text).strip()
