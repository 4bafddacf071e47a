"""What every AppTest module shares: the app's path and the page checks (the workspace fixture is in conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")


def ok(at: AppTest) -> None:
    """No exception on the page, and none caught by the app's last-resort guard either."""
    assert not at.exception, [e.message for e in at.exception]
    assert not [e for e in at.error if "Something went wrong" in e.value], "the page failed; see the log"


def html_text(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


HEX_ID = re.compile(r"\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b")  # a draft id, a hash


def visible_text(at: AppTest) -> str:
    """Every piece of text the page shows: headings, text, tables, labels, options, buttons, file names."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "code", "info", "warning", "error",
                 "success", "exception"):
        parts += [str(getattr(e, "value", "")) for e in getattr(at, kind)]
    parts += [re.sub(r"<style>.*?</style>|<[^>]+>", " ", h.value, flags=re.S) for h in at.html]
    for kind in ("expander", "tabs"):
        parts += [str(getattr(e, "label", "")) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [b.label for b in at.button]
    for widget in list(at.selectbox) + list(at.multiselect):
        parts.append(widget.label)
        parts += [str(o) for o in widget.options]
    for widget in list(at.text_input) + list(at.number_input) + list(at.toggle) + list(at.checkbox):
        parts += [widget.label, str(widget.value)]
    parts += [str(element.proto.label) for element in at.get("download_button")]
    return "\n".join(parts)

