"""A time and memory budget for untrusted work (imports of uploads, user templates).

Two ways to spend it:

* `apply(budget)` limits the current process — the CLI does this for every command: the address
  space (RLIMIT_AS) and CPU time (RLIMIT_CPU) are capped, and a wall-clock alarm is set. Running out
  raises `BudgetExceeded` (or MemoryError, which the CLI reports the same way): one line, exit 2.
* `run_limited(fn, …)` runs `fn` in a separate worker process with those limits and a timeout —
  the app does this for every upload, so one hostile file can neither freeze the Streamlit server
  nor take it down for the other users. At most MAX_WORKERS such workers run at once.

Defaults: DEFAULT_CLI and DEFAULT_APP below; the environment variables DRAFTING_MAX_MEMORY_MB and
DRAFTING_MAX_SECONDS change both (0 means no limit); the CLI's `--max-memory`/`--max-seconds` win.
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, replace
from typing import Any, Callable

from drafting import progress
from drafting.errors import DraftingError, InputError

ENV_MEMORY = "DRAFTING_MAX_MEMORY_MB"
ENV_SECONDS = "DRAFTING_MAX_SECONDS"
MAX_WORKERS = 2  # untrusted jobs of the app running at once; more wait (see WAIT_SECONDS)
WAIT_SECONDS = 60
_GRACE_SECONDS = 5  # between the CPU soft limit (an exception) and the hard one (the kernel's SIGKILL)


@dataclass(frozen=True)
class Budget:
    memory_mb: int  # address space of the process; 0 = unlimited
    seconds: int  # wall-clock and CPU time; 0 = unlimited

    def describe(self) -> str:
        memory = f"{self.memory_mb:,} MB" if self.memory_mb else "unlimited memory"
        seconds = f"{self.seconds:,} s" if self.seconds else "no time limit"
        return f"{memory}, {seconds}"


DEFAULT_CLI = Budget(memory_mb=4096, seconds=600)
DEFAULT_APP = Budget(memory_mb=2048, seconds=300)


class BudgetExceeded(DraftingError):
    """The work needed more time or memory than its budget allows."""


def from_env(default: Budget, memory_mb: int | None = None, seconds: int | None = None) -> Budget:
    """The budget: explicit values, else DRAFTING_MAX_MEMORY_MB / DRAFTING_MAX_SECONDS, else `default`."""
    def pick(explicit: int | None, env: str, fallback: int) -> int:
        if explicit is not None:
            value = explicit
        else:
            raw = os.environ.get(env, "").strip()
            if not raw:
                return fallback
            try:
                value = int(raw)
            except ValueError:
                raise DraftingError(f"{env} must be a whole number, got {raw[:40]!r}") from None
        if value < 0:
            raise DraftingError(f"{env} must be 0 (no limit) or more, got {value}")
        return value

    return replace(default, memory_mb=pick(memory_mb, ENV_MEMORY, default.memory_mb),
                   seconds=pick(seconds, ENV_SECONDS, default.seconds))


def memory_message(budget: Budget) -> str:
    return (f"out of memory: this work needs more than the budget of {budget.memory_mb:,} MB "
            f"(raise it with --max-memory or {ENV_MEMORY})")


def time_message(budget: Budget) -> str:
    return (f"out of time: this work took longer than the budget of {budget.seconds:,} s "
            f"(raise it with --max-seconds or {ENV_SECONDS})")


# ---------------------------------------------------------------- this process

# Numerical libraries (OpenBLAS under numpy) reserve address space per core at import; one thread
# is all this toolkit uses them with, and it keeps a many-core machine inside the memory budget.
SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def apply(budget: Budget) -> None:
    """Limit the current process (never raises the limits above what they already are)."""
    for name, value in SINGLE_THREADED.items():
        os.environ.setdefault(name, value)
    if budget.memory_mb:
        _lower(resource.RLIMIT_AS, budget.memory_mb * 1024 * 1024)
    if budget.seconds:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        spent = int(usage.ru_utime + usage.ru_stime) + 1  # RLIMIT_CPU counts from the process's start
        _lower(resource.RLIMIT_CPU, spent + budget.seconds, spent + budget.seconds + _GRACE_SECONDS)

        def out_of_time(signum: int, frame: Any) -> None:
            raise BudgetExceeded(time_message(budget))

        signal.signal(signal.SIGXCPU, out_of_time)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGALRM, out_of_time)
            signal.setitimer(signal.ITIMER_REAL, budget.seconds)


def _lower(kind: int, soft: int, hard: int | None = None) -> None:
    current_soft, current_hard = resource.getrlimit(kind)
    hard = soft if hard is None else hard
    if current_hard != resource.RLIM_INFINITY:
        hard = min(hard, current_hard)
        soft = min(soft, hard)
    if current_soft != resource.RLIM_INFINITY:
        soft = min(soft, current_soft)
    resource.setrlimit(kind, (soft, hard))


# ---------------------------------------------------------------- a worker process

_slots = threading.BoundedSemaphore(MAX_WORKERS)


def run_limited(fn: Callable[..., Any], *args: Any, budget: Budget, on_progress: progress.Callback | None = None,
                **kwargs: Any) -> Any:
    """`fn(*args, **kwargs)` in a worker process under `budget`; its result, or its error re-raised.

    `fn` and its arguments and result must pickle. A DraftingError in the worker comes back as a
    DraftingError with the same message, file and place; running out of memory or time, or the
    worker dying, is a BudgetExceeded. Progress the worker reports reaches `on_progress`.
    """
    if not _slots.acquire(timeout=WAIT_SECONDS):
        raise BudgetExceeded("the server is busy with other imports; try again in a minute")
    try:
        return _run(fn, args, kwargs, budget, on_progress)
    finally:
        _slots.release()


def _run(fn: Callable[..., Any], args: tuple, kwargs: dict, budget: Budget,
         on_progress: progress.Callback | None) -> Any:
    # A fresh interpreter (subprocess, not multiprocessing): nothing is forked from the multithreaded
    # Streamlit server, and the worker never re-runs the app's __main__ script.
    worker = subprocess.Popen([sys.executable, "-c", "from drafting.budget import worker_main; worker_main()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              close_fds=True)
    assert worker.stdin is not None and worker.stdout is not None
    deadline = time.monotonic() + budget.seconds if budget.seconds else None
    try:
        try:
            worker.stdin.write(pickle.dumps((fn, args, kwargs, budget, on_progress is not None)))
            worker.stdin.close()
        except BrokenPipeError:
            raise _died(worker.wait(5), budget) from None
        stream = worker.stdout
        while True:
            wait = 0.5 if deadline is None else min(0.5, deadline - time.monotonic())
            if wait <= 0:
                raise BudgetExceeded(time_message(budget))
            ready, _, _ = select.select([stream], [], [], wait)
            if not ready:
                continue
            message = _read_frame(stream)
            if message is None:
                raise _died(worker.wait(5), budget)
            kind, payload = message
            if kind == "progress":
                if on_progress is not None:
                    on_progress(*payload)
            elif kind == "ok":
                return payload
            else:
                raise _rebuild(payload)
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.wait(5)
        worker.stdout.close()


def _read_frame(stream: Any) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "big")
    body = stream.read(size)
    return pickle.loads(body) if len(body) == size else None


def _write_frame(stream: Any, message: Any) -> None:
    body = pickle.dumps(message)
    stream.write(len(body).to_bytes(8, "big") + body)
    stream.flush()


def worker_main() -> None:
    """The worker process: read the job from stdin, run it under its budget, answer on stdout."""
    for name, value in SINGLE_THREADED.items():
        os.environ.setdefault(name, value)
    job = pickle.loads(sys.stdin.buffer.read())
    fn, args, kwargs, limits, wants_progress = job
    _worker(sys.stdout.buffer, fn, args, kwargs, limits, wants_progress)


def _died(code: int | None, budget: Budget) -> BudgetExceeded:
    if code is not None and code < 0 and -code in (signal.SIGKILL, signal.SIGXCPU):
        # the kernel kills at the hard CPU limit; the OOM killer also uses SIGKILL
        return BudgetExceeded(f"the work was stopped: it needed more than its budget ({budget.describe()})")
    return BudgetExceeded(f"the work stopped unexpectedly (exit code {code}); "
                          f"it may need more than its budget ({budget.describe()})")


def _rebuild(payload: tuple[str, str, str | None, Any]) -> DraftingError:
    kind, message, source, place = payload
    error = {"InputError": InputError, "BudgetExceeded": BudgetExceeded}.get(kind, DraftingError)
    return error(message, source=source, place=place)


def _worker(out: Any, fn: Callable[..., Any], args: tuple, kwargs: dict, budget: Budget, wants_progress: bool) -> None:
    apply(budget)

    def forward(done: int, total: int, what: str) -> None:
        _write_frame(out, ("progress", (done, total, what)))

    try:
        with progress.reporting(progress.throttled(forward) if wants_progress else None):
            result = fn(*args, **kwargs)
        _write_frame(out, ("ok", result))
    except DraftingError as exc:
        _write_frame(out, ("error", (type(exc).__name__, exc.message, exc.source, exc.place)))
    except MemoryError:
        _write_frame(out, ("error", ("BudgetExceeded", memory_message(budget), None, None)))
    except RecursionError:
        _write_frame(out, ("error", ("InputError", "structure nested too deeply to read", None, None)))
    except BaseException as exc:  # noqa: BLE001 — a bug in the worker: the page says so in one line
        _write_frame(out, ("error", ("DraftingError", f"the import failed unexpectedly ({type(exc).__name__})",
                                     None, None)))
