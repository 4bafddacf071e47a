"""Fixtures shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.store import Store


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """An empty workspace of the test's own, which the app finds through DRAFTING_WORKSPACE."""
    monkeypatch.setenv("DRAFTING_WORKSPACE", str(tmp_path / "ws"))
    return Store(tmp_path / "ws")
