"""Mutation testing of the core modules with mutmut: one module at a time, its own tests only.

    python tests/mutation/run.py [--only NAME ...] [--survivors]     (or `make mutation`)

Environment: MUTANTS=N tests N mutants per module picked with the seed of modules.toml (0 or
unset: every mutant), SEED overrides that seed, JOBS is the number of mutants run side by side
(default 2).

For each module of modules.toml a scratch folder `.mutation/<module>/` gets links to the
project, a pyproject.toml whose [tool.mutmut] table mutates that one file and selects its test
files, and mutmut's own `mutants/` copy. The working tree itself is never modified. The score is
killed / (killed + survived), where a mutant no listed test reaches counts as survived and a
timeout as killed. Surviving mutants are written as diffs to `.mutation/<module>/survivors.diff`;
after writing tests for them, `--survivors` tests only those again and scores the same mutants.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).with_name("modules.toml")
SCRATCH = ROOT / ".mutation"
# What the tests read besides the package and the tests themselves.
LINKED = ("drafting", "tests", "templates", "statutes")
ALSO_COPY = ("templates", "statutes")
# mutmut's exit codes per mutant (mutmut/stats.py): 1 and 3 are failing tests, the rest timeouts.
KILLED = {1, 3, 24, -24, 152, 255, 36, 37, -9, -11}
SURVIVED = {0, 5, 33}  # 5 and 33: no listed test reaches the mutated function


@dataclass(frozen=True)
class Module:
    path: str
    tests: tuple[str, ...]
    target: float

    @property
    def dotted(self) -> str:
        return self.path.removesuffix(".py").replace("/", ".")


@dataclass(frozen=True)
class Score:
    module: Module
    killed: int
    survived: tuple[str, ...]
    seconds: float

    @property
    def total(self) -> int:
        return self.killed + len(self.survived)

    @property
    def ratio(self) -> float:
        return self.killed / self.total if self.total else 0.0


def load(path: Path) -> tuple[list[Module], int]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    modules = [Module(m["path"], tuple(m["tests"]), float(m.get("target", 0.9))) for m in data["module"]]
    for module in modules:
        for name in (module.path, *module.tests):
            if not (ROOT / name).is_file():
                raise SystemExit(f"{path}: {name} does not exist")
    return modules, int(data.get("seed", 0))


def mutmut_bin() -> str:
    found = Path(sys.executable).with_name("mutmut")
    if not found.is_file():
        raise SystemExit("mutmut is not installed in this environment: pip install -e '.[mutation]'")
    return str(found)


def prepare(module: Module) -> Path:
    """A fresh scratch folder whose pyproject.toml points mutmut at this one module."""
    folder = SCRATCH / module.dotted
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in LINKED:
        (folder / name).symlink_to(ROOT / name)
    table = {
        "source_paths": ["drafting"],
        "only_mutate": [module.path],
        "pytest_add_cli_args_test_selection": list(module.tests),
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-p", "no:randomly"],
        "also_copy": list(ALSO_COPY),
        "use_git_change_detection": False,
        # A mutant that loops for ever is stopped after 6 × (its tests' time + 10 s) of CPU, not 30 ×: the
        # 10 s cover what a forked run adds to the tests' own time (collection, fixtures), so that a slow
        # survivor is never mistaken for a hang.
        "timeout_multiplier": 3.0,
        "timeout_constant": 10.0,
    }
    lines = ["", "[tool.mutmut]"] + [f"{key} = {json.dumps(value)}" for key, value in table.items()]
    (folder / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8") + "\n".join(lines) + "\n",
                                           encoding="utf-8")
    return folder


def mutmut(folder: Path, args: list[str], log: Path) -> None:
    env = dict(os.environ)
    # The tests find the shared corpus beside the repository; the scratch copy is elsewhere.
    from tests.corpus import CORPUS  # noqa: PLC0415  (the one place that knows where it is)
    env["DRAFTING_CORPUS"] = str(CORPUS)
    env["DRAFTING_MUTATION"] = "1"  # tests/conftest.py: hypothesis without shrinking or example database
    with log.open("a", encoding="utf-8") as out:
        out.write(f"$ mutmut {' '.join(args)}\n")
        out.flush()
        done = subprocess.run([mutmut_bin(), *args], cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise SystemExit(f"mutmut failed in {folder} (exit {done.returncode}); see {log}")


def results(folder: Path, module: Module) -> dict[str, int | None]:
    meta = folder / "mutants" / (module.path + ".meta")
    if not meta.is_file():
        raise SystemExit(f"mutmut made no mutants for {module.path}; see {folder / 'mutmut.log'}")
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]


def run_module(module: Module, sample: int, seed: int, jobs: int, again: bool = False) -> Score:
    start = time.monotonic()
    folder = SCRATCH / module.dotted
    log = folder / "mutmut.log"
    everything = f"{module.dotted}.*"
    if again:
        # The mutants of the last run again, only the survivors tested anew (after writing a test).
        if not (folder / "chosen.json").is_file():
            raise SystemExit(f"{module.path}: no earlier run in {folder} to take up again")
        chosen = json.loads((folder / "chosen.json").read_text(encoding="utf-8"))
        codes = results(folder, module)
        again_names = [name for name in chosen if codes.get(name) in SURVIVED]
        if again_names:
            mutmut(folder, ["run", "--max-children", str(jobs), *again_names], log)
        return score(folder, module, chosen, start)
    prepare(module)
    if sample:
        # Generate the mutants (and test the first one of each function), then draw the sample.
        mutmut(folder, ["run", "--max-children", str(jobs), f"{everything}__mutmut_1"], log)
        names = sorted(results(folder, module))
        chosen = sorted(random.Random(f"{seed}:{module.path}").sample(names, min(sample, len(names))))
        mutmut(folder, ["run", "--max-children", str(jobs), *chosen], log)
    else:
        mutmut(folder, ["run", "--max-children", str(jobs), everything], log)
        chosen = sorted(results(folder, module))
    (folder / "chosen.json").write_text(json.dumps(chosen), encoding="utf-8")
    return score(folder, module, chosen, start)


def score(folder: Path, module: Module, chosen: list[str], start: float) -> Score:
    log = folder / "mutmut.log"
    codes = results(folder, module)
    unknown = {name: codes[name] for name in chosen if codes[name] not in KILLED | SURVIVED}
    if unknown:
        raise SystemExit(f"{module.path}: mutants without a verdict {unknown}; see {log}")
    survived = tuple(name for name in chosen if codes[name] in SURVIVED)
    with (folder / "survivors.diff").open("w", encoding="utf-8") as out:
        for name in survived:
            shown = subprocess.run([mutmut_bin(), "show", name], cwd=folder, capture_output=True, text=True)
            out.write(shown.stdout + "\n")
    return Score(module, len(chosen) - len(survived), survived, time.monotonic() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", default=(), help="module paths or parts of them (numbering, akn, …)")
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--survivors", action="store_true",
                        help="test again only the survivors of the last run (after adding tests), same mutants, same score basis")
    args = parser.parse_args(argv)
    modules, seed = load(args.config)
    if args.only:
        modules = [m for m in modules if any(part in m.path for part in args.only)]
        if not modules:
            raise SystemExit(f"no module matches {args.only}")
    sample = int(os.environ.get("MUTANTS") or 0)
    seed = int(os.environ.get("SEED") or seed)
    jobs = int(os.environ.get("JOBS") or 2)
    what = "the survivors of the last run" if args.survivors else f"{sample} mutants each (seed {seed})" if sample else "every mutant"
    print(f"mutation testing {len(modules)} module(s), {what}, {jobs} at a time; logs in {SCRATCH.relative_to(ROOT)}/", flush=True)
    scores = []
    for module in modules:
        score = run_module(module, sample, seed, jobs, again=args.survivors)
        scores.append(score)
        mark = "" if score.ratio >= module.target else f"  below the {module.target:.0%} target"
        print(f"{module.path:32} {score.killed:4}/{score.total:<4} killed  {score.ratio:6.1%}  {score.seconds:5.0f}s{mark}", flush=True)
        for name in score.survived:
            print(f"    survived: {name}")
    killed = sum(s.killed for s in scores)
    total = sum(s.total for s in scores)
    print(f"{'all':32} {killed:4}/{total:<4} killed  {killed / total if total else 0:6.1%}  {sum(s.seconds for s in scores):5.0f}s")
    print(f"diffs of the survivors: {SCRATCH.relative_to(ROOT)}/<module>/survivors.diff")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
