"""Where the real statutes of ../shared/corpus are (read from there, never copied into the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# DRAFTING_CORPUS lets a copy of the tests (make mutation runs one) find it from elsewhere.
CORPUS = Path(os.environ.get("DRAFTING_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        if os.environ.get("CI"):
            raise AssertionError(f"{path} is missing in CI: shared/ should sit beside the clone")
        pytest.skip(f"{path} not present (shared/corpus sits beside the repository)")
    return path
