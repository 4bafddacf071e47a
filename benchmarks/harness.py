"""A small benchmark harness: our code and a baseline timed side by side in one run.

Timed assertions do not belong in tests (machines differ); benchmarks print ratios instead,
which stay meaningful across machines because both sides run here, now.
"""

from __future__ import annotations

import gc
import statistics
import time
from typing import Callable


def measure(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall-clock time of `repeat` runs, in seconds (after one warm-up run)."""
    fn()
    times = []
    for _ in range(max(1, repeat)):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, ours: float, baseline: float, label: str = "baseline", aim: str = "") -> str:
    """Print and return one line: our time, the baseline's, and ours ÷ baseline (with the speed-up
    spelled out when we are faster, so "0.00x" never has to be decoded)."""
    ratio = ours / baseline if baseline > 0 else float("inf")
    line = f"{name:<36} ours={ours:8.4f}s  {label}={baseline:8.4f}s  ratio={ratio:7.2f}x"
    if 0 < ratio < 1:
        line += f"  ({1 / ratio:.1f}x faster)"
    if aim:
        line += f"  (aim: {aim})"
    print(line, flush=True)
    return line
