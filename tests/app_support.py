"""What every AppTest module shares: the app's path and the page checks (the workspace fixture is in conftest.py)."""

from __future__ import annotations

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
