"""The package shows the pipeline: one folder per stage, and no import cycle between modules.

Every import counts, also the ones inside functions (a lazy import that hides a cycle is still a
cycle), and importing `a.b.c` also runs the `__init__` of `a` and `a.b`, so those are edges too.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "drafting"
STAGES = ("model", "parse", "importers", "library", "review", "bills", "amend", "export", "app", "commands")


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The drafting modules that importing `name` runs (directly, or by running its parents)."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here[: len(here) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules)
    edges = set()
    for target in targets:
        parts = target.split(".")
        for i in range(1, len(parts) + 1):  # a.b.c runs a, a.b and a.b.c
            run = ".".join(parts[:i])
            if run in modules and run != name and not name.startswith(run + "."):
                edges.add(run)
    return edges


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_between_modules():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    # the checker itself must be able to fail: a → b → c → a, and d on its own
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]


def test_parent_packages_count_as_imports():
    modules = _modules()
    edges = _imports("drafting.amend.changes", modules["drafting.amend.changes"], modules)
    assert {"drafting.review", "drafting.review.worddiff"} <= edges
    assert "drafting.amend" not in edges  # its own package is not an edge


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_is_a_folder_that_says_what_it_does(stage):
    init = PACKAGE / stage / "__init__.py"
    assert init.is_file(), f"drafting/{stage}/ is not a package"
    module = importlib.import_module(f"drafting.{stage}")
    assert module.__doc__ and len(module.__doc__.strip()) > 40, f"drafting/{stage}/__init__.py says nothing"
    for name in getattr(module, "__all__", ()):
        assert hasattr(module, name), f"drafting.{stage}.__all__ names {name!r}, which it does not define"


def test_no_module_is_left_at_the_top_but_the_shared_ones():
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == ["__init__", "__main__", "akn", "budget", "cli", "errors", "limits", "naming", "outputs", "progress", "store"]
