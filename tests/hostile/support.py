"""Running the real `drafting` command on hostile input, under a memory limit, and judging the outcome.

Every case must end with exit 0, or with exactly one line on stderr and exit 2; nothing may be
half-written (no output on failure, no temporary files left in the output folder); and it must
finish within GUARD seconds (a guard against a hang, not a speed claim) in a child process whose
address space is limited to MEMORY bytes with `resource.setrlimit`.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUARD = 30  # seconds; a cold interpreter on a busy 2-core machine takes a second or two
MEMORY = 1536 * 1024 * 1024  # bytes of address space for the child


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def drafting(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Outcome:
    """`drafting ARGS` in a child process limited to MEMORY bytes, killed after GUARD seconds."""
    environment = {**os.environ, "OPENBLAS_NUM_THREADS": "1", **(env or {})}
    done = subprocess.run([sys.executable, "-m", "drafting", *map(str, args)], capture_output=True, text=True,
                          timeout=GUARD, cwd=cwd, env=environment, preexec_fn=_limit)
    return Outcome(done.returncode, done.stdout, done.stderr)


def assert_clean(outcome: Outcome, outputs: tuple[Path, ...] = (), folder: Path | None = None) -> None:
    """Exit 0, or one line and exit 2 with none of `outputs` written; never a temporary file left."""
    assert outcome.code in (0, 2), (outcome.code, outcome.stderr[-2000:])
    assert "Traceback" not in outcome.stderr, outcome.stderr[-2000:]
    if outcome.code == 2:
        lines = outcome.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("drafting: error: "), outcome.stderr[-2000:]
        assert not any(p.exists() for p in outputs), [p for p in outputs if p.exists()]
    if folder is not None:
        assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")], list(folder.iterdir())


def assert_fails_cleanly(outcome: Outcome, *words: str, outputs: tuple[Path, ...] = ()) -> str:
    assert outcome.code == 2, (outcome.code, outcome.stdout[-500:], outcome.stderr[-2000:])
    assert_clean(outcome, outputs)
    line = outcome.stderr.strip()
    for word in words:
        assert word in line, line
    return line
