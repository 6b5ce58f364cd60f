"""The one way the benchmarks time things: the median of batches, in microseconds per call.

Timing a batch of calls at once keeps the clock's own cost out of figures of a few
microseconds; the median of several batches keeps a busy moment of the machine out of them.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from time import perf_counter_ns

REPEATS = 7
"""How many batches each figure is the median of."""


def median_us(action: Callable[[], object], runs: int, repeats: int = REPEATS) -> float:
    """The median over ``repeats`` batches of ``runs`` calls of ``action``, in µs per call."""
    action()  # warm caches and lazy imports outside the timing
    batches = []
    for _ in range(repeats):
        started = perf_counter_ns()
        for _ in range(runs):
            action()
        batches.append((perf_counter_ns() - started) / runs / 1000)
    return statistics.median(batches)
