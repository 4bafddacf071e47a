"""`make mutation` stays runnable: its module list names files that exist (checked without running it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_runner():
    spec = importlib.util.spec_from_file_location("mutation_run", ROOT / "tests" / "mutation" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_every_module_and_test_file_of_the_mutation_config_exists() -> None:
    runner = load_runner()
    modules, seed = runner.load(runner.CONFIG)  # exits with the missing file's name otherwise
    paths = [m.path for m in modules]
    for core in ("drafting/model/document.py", "drafting/model/numbering.py", "drafting/model/eids.py",
                 "drafting/akn.py", "drafting/review/worddiff.py", "drafting/review/detect.py"):
        assert core in paths
    assert len(set(paths)) == len(paths)
    assert all(m.tests and 0 < m.target <= 1 for m in modules)
    assert isinstance(seed, int)


def test_the_mutation_group_is_optional_and_not_installed_by_ci() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = project["optional-dependencies"]
    assert any(dep.startswith("mutmut") for dep in groups["mutation"])
    assert not any(dep.startswith("mutmut") for dep in groups["test"] + project["dependencies"])
