"""Typed parameter widgets: one form per parameter type, read back as plain data for Parameter.validate.

Every input is labelled with the parameter's own label from the manifest, in the UI language
("Prison term for possession: minimum"); units are spelled out from the phrases ("years",
"minimum monthly wages"). The widgets do not clamp values (no min/max on number inputs): the
library's validation decides, and the drafter reads its plain sentence under the field.

Widget values live in session state, seeded from the saved bill only when a key is new (see
`seed`), so a save caused by one field never resets what the drafter is typing in another.
"""

from __future__ import annotations

from typing import Any, Callable

import streamlit as st

from drafting.app import render
from drafting.library.library import Library
from drafting.library.params import MONEY, Fine, LibraryError, Parameter, PrisonTerm

ORIGIN_WORDS = {"set": "set for this bill", "preset": "from the jurisdiction's preset", "default": "the model law's default"}


def seed(key: str, value: Any) -> None:
    """Give a widget its saved value, unless this session already holds one for the key."""
    if key not in st.session_state:
        st.session_state[key] = value


def read_widget(param: Parameter, prefix: str) -> Any:
    """The value the form holds for a parameter, as plain data for Parameter.validate."""
    key = f"{prefix}{param.name}"
    get = st.session_state.get
    if param.type == "prison":
        return {"min": int(get(f"{key}.min", 0) or 0), "max": int(get(f"{key}.max", 0) or 0), "unit": get(f"{key}.unit")}
    if param.type == "fine":
        data: dict[str, Any] = {"unit": get(f"{key}.unit")}
        if get(f"{key}.mode") == "fixed":
            data["amount"] = int(get(f"{key}.max", 0) or 0)
        else:
            data["max"] = int(get(f"{key}.max", 0) or 0)
            if int(get(f"{key}.min", 0) or 0):
                data["min"] = int(get(f"{key}.min", 0) or 0)
        if data["unit"] == MONEY:
            data["currency"] = str(get(f"{key}.currency", "") or "")
        return data
    if param.type in ("integer", "age"):
        return int(get(key, 0) or 0)
    return get(key)


def unit_words(lib: Library, table: str, unit: str, lang: str) -> str:
    """A unit as the UI language says it: "years", "minimum monthly wages", "an amount of money"."""
    if unit == MONEY:
        return "an amount of money"
    try:
        return lib.phrases(lang).unit(table, unit, 2)
    except (KeyError, LibraryError):  # a unit no phrases word: its key, readable
        return unit.replace("-", " ")


def _headers(columns, words: list[str]) -> None:
    # Visible column headings; each input below carries the full label for screen readers.
    for col, word in zip(columns, words):
        col.caption(word)


def parameter_widget(lib: Library, param: Parameter, value: Any, origin: str, prefix: str, lang: str,
                     on_change: Callable[[str, str], None], error: str | None = None) -> None:
    """The widgets for one parameter (keys start with `prefix`); `on_change(name, prefix)` on every edit.

    `lang` is the UI language: labels, descriptions, units and choices are shown in it.
    """
    key = f"{prefix}{param.name}"
    label = param.title(lang)
    desc = param.description.get(lang) or next(iter(param.description.values()), "")
    args = {"on_change": on_change, "args": (param.name, prefix)}
    hidden = {"label_visibility": "collapsed"}
    if param.type in ("prison", "fine"):
        st.markdown(f"**{render.md_escape(label)}**")
    if param.type == "prison":
        term = value if isinstance(value, PrisonTerm) else PrisonTerm(0, 1)
        units = list(param.units) or [term.unit]
        seed(f"{key}.min", term.min)
        seed(f"{key}.max", term.max)
        seed(f"{key}.unit", term.unit if term.unit in units else units[0])
        widths = [1, 1, 1.2]
        _headers(st.columns(widths), ["Minimum", "Maximum", "Counted in"])
        c1, c2, c3 = st.columns(widths)
        c1.number_input(f"{label}: minimum", step=1, key=f"{key}.min", **hidden, **args)
        c2.number_input(f"{label}: maximum", step=1, key=f"{key}.max", **hidden, **args)
        c3.selectbox(f"{label}: counted in", units, key=f"{key}.unit",
                     format_func=lambda u: unit_words(lib, "units", u, lang), **hidden, **args)
    elif param.type == "fine":
        fine = value if isinstance(value, Fine) else Fine(unit=(param.units or (MONEY,))[0], max=1)
        fixed = fine.amount is not None
        units = list(param.units) or [fine.unit]
        seed(f"{key}.mode", "fixed" if fixed else "range")
        seed(f"{key}.min", int(fine.min or 0))
        seed(f"{key}.max", int((fine.amount if fixed else fine.max) or 0))
        seed(f"{key}.unit", fine.unit if fine.unit in units else units[0])
        seed(f"{key}.currency", fine.currency)
        fixed = st.session_state[f"{key}.mode"] == "fixed"
        # two rows: what kind of fine and in what unit, then the amounts (four columns would cut the words off)
        widths = [1, 1.7]
        _headers(st.columns(widths), ["Kind of fine", "Counted in"])
        c1, c2 = st.columns(widths)
        c1.selectbox(f"{label}: kind of fine", ["range", "fixed"], key=f"{key}.mode",
                     format_func={"range": "Up to / range", "fixed": "Fixed amount"}.get, **hidden, **args)
        c2.selectbox(f"{label}: counted in", units, key=f"{key}.unit",
                     format_func=lambda u: unit_words(lib, "fine_units", u, lang), **hidden, **args)
        if fixed:
            _headers(st.columns(2), ["Amount"])
            st.columns(2)[0].number_input(f"{label}: amount", step=1, key=f"{key}.max", **hidden, **args)
        else:
            _headers(st.columns(2), ["Minimum (0: none)", "Maximum"])
            c1, c2 = st.columns(2)
            c1.number_input(f"{label}: minimum", step=1, key=f"{key}.min", **hidden, **args)
            c2.number_input(f"{label}: maximum", step=1, key=f"{key}.max", **hidden, **args)
        if st.session_state[f"{key}.unit"] == MONEY:
            st.text_input(f"{label}: currency (e.g. US$)", key=f"{key}.currency", max_chars=12, **args)
    elif param.type == "boolean":
        seed(key, bool(value))
        st.toggle(label, key=key, **args)
    elif param.type == "choice":
        choices = list(param.choices)
        seed(key, value if value in choices else choices[0])
        st.selectbox(label, choices, key=key, format_func=lambda c: param.choice_title(c, lang), **args)
    elif param.type in ("integer", "age"):
        # No min/max on the widget: the library's validation speaks, with its own message.
        unit = param.unit or ("years" if param.type == "age" else "")
        seed(key, int(value or 0))
        st.number_input(f"{label} ({unit_words(lib, 'units', unit, lang)})" if unit else label, step=1, key=key, **args)
    else:
        seed(key, "" if value is None else str(value))
        st.text_input(label, key=key, max_chars=600, **args)
    if error:
        render.error(error)
    st.caption(f"{render.md_escape(desc)} — *{render.md_escape(ORIGIN_WORDS.get(origin, origin))}*")
