"""Typed parameter widgets: one form per parameter type, read back as plain data for Parameter.validate.

The widgets do not clamp values (no min/max on number inputs): the library's validation decides,
so the drafter reads the library's own message.
"""

from __future__ import annotations

from typing import Any, Callable

import streamlit as st

from drafting.app import render
from drafting.library.params import MONEY, Fine, Parameter, PrisonTerm


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
        return int(get(key, 0))
    return get(key)


def parameter_widget(param: Parameter, value: Any, origin: str, prefix: str, lang: str,
                     on_change: Callable[[str, str], None], error: str | None = None) -> None:
    """The widgets for one parameter (keys start with `prefix`); `on_change(name, prefix)` on every edit."""
    key = f"{prefix}{param.name}"
    desc = param.description.get(lang) or next(iter(param.description.values()), "")
    label = param.name.replace("_", " ")
    args = {"on_change": on_change, "args": (param.name, prefix)}
    if param.type == "prison":
        term = value if isinstance(value, PrisonTerm) else PrisonTerm(0, 1)
        c1, c2, c3 = st.columns([1, 1, 1.2])
        # Short labels: the expander around the form already names the parameter.
        c1.number_input("from", value=term.min, step=1, key=f"{key}.min", help=desc, **args)
        c2.number_input("up to", value=term.max, step=1, key=f"{key}.max", **args)
        units = list(param.units) or [term.unit]
        c3.selectbox("unit", units, index=units.index(term.unit) if term.unit in units else 0, key=f"{key}.unit", **args)
    elif param.type == "fine":
        fine = value if isinstance(value, Fine) else Fine(unit=(param.units or (MONEY,))[0], max=1)
        fixed = fine.amount is not None
        c1, c2, c3, c4 = st.columns([1.1, 1, 1, 1.3])
        c1.selectbox("kind", ["range", "fixed"], index=1 if fixed else 0, key=f"{key}.mode", help=desc,
                     format_func={"range": "up to / range", "fixed": "fixed amount"}.get, **args)
        c2.number_input("from", value=int(fine.min or 0), step=1, key=f"{key}.min", disabled=fixed, **args)
        c3.number_input("amount" if fixed else "up to", value=int((fine.amount if fixed else fine.max) or 0), step=1,
                        key=f"{key}.max", **args)
        units = list(param.units) or [fine.unit]
        c4.selectbox("unit", units, index=units.index(fine.unit) if fine.unit in units else 0, key=f"{key}.unit",
                     format_func=lambda u: u.replace("-", " "), **args)
        if fine.unit == MONEY or MONEY in units:
            st.text_input("currency (for money fines)", value=fine.currency, key=f"{key}.currency", max_chars=12, **args)
    elif param.type == "boolean":
        st.toggle(label, value=bool(value), key=key, help=desc, **args)
    elif param.type == "choice":
        choices = list(param.choices)
        st.selectbox(label, choices, index=choices.index(value) if value in choices else 0, key=key, help=desc, **args)
    elif param.type in ("integer", "age"):
        # No min/max on the widget: the library's validation speaks, with its own message.
        st.number_input(label, value=int(value or 0), step=1, key=key, help=desc, **args)
    else:
        st.text_input(label, value="" if value is None else str(value), key=key, help=desc, max_chars=600, **args)
    if error:
        render.error(error)
    st.caption(f"{render.md_escape(desc)} — *{render.md_escape(origin)}*")
