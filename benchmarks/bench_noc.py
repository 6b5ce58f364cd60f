"""Time NOC title search and NocCode construction.

Usage, from the repository root::

    .venv/bin/python benchmarks/bench_noc.py

Prints the median time per search query (the target is under 1 ms) over a fixed set of English,
French and accent-free queries, after the index has been built once, and the median time to
construct a NocCode.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from expressentry.noc import NocCode, NocVersion, search

QUERIES: tuple[tuple[str, NocVersion], ...] = (
    ("software engineers", NocVersion.NOC_2021),
    ("registered nurses", NocVersion.NOC_2021),
    ("manager", NocVersion.NOC_2021),
    ("technicians", NocVersion.NOC_2021),
    ("électriciens", NocVersion.NOC_2021),
    ("infirmieres autorisees", NocVersion.NOC_2021),
    ("a", NocVersion.NOC_2021),  # the widest prefix: most words start with it
    ("cooks", NocVersion.NOC_2021),
    ("truck drivers", NocVersion.NOC_2016),
    ("managers", NocVersion.NOC_2016),
)
REPEATS = 200


def median_seconds(call: Callable[[], object], repeats: int = REPEATS) -> float:
    """The median wall time of ``call`` over ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def search_medians() -> dict[str, float]:
    """The median time of each query, in seconds (indexes built beforehand)."""
    for version in NocVersion:
        search("warm up", version)
    return {
        f"{query!r} ({version.label})": median_seconds(
            lambda query=query, version=version: search(query, version)
        )
        for query, version in QUERIES
    }


def main() -> None:
    """Print the figures."""
    medians = search_medians()
    for name, seconds in medians.items():
        print(f"search {name:45} {seconds * 1e6:8.1f} µs")
    print(f"median search query: {statistics.median(medians.values()) * 1e6:.1f} µs")
    print(f"NocCode('21231'):    {median_seconds(lambda: NocCode('21231'), 2000) * 1e6:.2f} µs")


if __name__ == "__main__":
    main()
