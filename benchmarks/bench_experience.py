"""Benchmark of the work-experience ledger on a ten-period history.

Run from the repository root: ``python benchmarks/bench_experience.py``. Prints the median time,
over many runs, of building the ledger and of the queries the CRS asks (Canadian and foreign
experience), and of each predefined query alone.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from datetime import date
from time import perf_counter_ns

from expressentry.experience import CRS_CANADIAN, CRS_FOREIGN, QUERIES, Ledger
from expressentry.model import NocCode, WorkHistory, WorkPeriod

ON = date(2026, 11, 29)
RUNS = 20_000
REPEATS = 7


def ten_periods() -> WorkHistory:
    """A realistic history: studies abroad, jobs abroad, a work permit in Canada, overlaps."""

    def job(noc: str, country: str, start: date, end: date | None, hours: float) -> WorkPeriod:
        return WorkPeriod(
            noc=NocCode(noc),
            country=country,
            start=start,
            end=end,
            hours_per_week=hours,
            paid=True,
            self_employed=False,
            full_time_student=False,
            authorized=True if country == "CA" else None,
        )

    return WorkHistory(
        periods=(
            job("2174", "IN", date(2012, 6, 1), date(2014, 5, 31), 40),
            job("2174", "IN", date(2014, 6, 1), date(2016, 8, 31), 45),
            job("21232", "IN", date(2016, 9, 1), date(2018, 12, 31), 40),
            job("21232", "IN", date(2017, 1, 1), date(2017, 12, 31), 10),
            job("21231", "AE", date(2019, 1, 15), date(2020, 3, 31), 40),
            job("65201", "CA", date(2020, 9, 1), date(2021, 4, 30), 20),
            job("21231", "CA", date(2021, 5, 1), date(2022, 11, 15), 37.5),
            job("21231", "CA", date(2022, 11, 16), date(2024, 6, 30), 37.5),
            job("21211", "CA", date(2023, 1, 1), date(2023, 12, 31), 8),
            job("21211", "CA", date(2024, 7, 1), None, 40),
        )
    )


def median_us(action: Callable[[], object]) -> float:
    """Median over ``REPEATS`` batches of ``RUNS`` calls, in microseconds per call."""
    batches = []
    for _ in range(REPEATS):
        started = perf_counter_ns()
        for _ in range(RUNS):
            action()
        batches.append((perf_counter_ns() - started) / RUNS / 1000)
    return statistics.median(batches)


def main() -> None:
    history = ten_periods()
    ledger = Ledger.of(history, ON)
    Ledger.of(history, ON).measure(CRS_CANADIAN)  # warm the NOC cache

    def crs() -> object:
        built = Ledger.of(history, ON)
        return built.measure(CRS_CANADIAN).years, built.measure(CRS_FOREIGN).years

    print(f"ledger (10 periods):                      {median_us(lambda: Ledger.of(history, ON)):7.2f} µs")
    print(f"ledger + CRS Canadian and foreign years:  {median_us(crs):7.2f} µs")
    for query in QUERIES:
        print(f"  {query.name:<66}{median_us(lambda q=query: ledger.measure(q)):7.2f} µs")


if __name__ == "__main__":
    main()
