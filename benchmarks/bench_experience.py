"""Benchmark of the work-experience ledger on a ten-period history.

Run from the repository root: ``python benchmarks/bench_experience.py``. Prints the median time,
over many runs, of building the ledger and of the queries the CRS asks (Canadian and foreign
experience), and of each predefined query alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from expressentry.experience import CRS_CANADIAN, CRS_FOREIGN, QUERIES, Ledger
from expressentry.model import NocCode, WorkHistory, WorkPeriod
from timing import median_us  # run as a script: this folder is on the path

ON = date(2026, 11, 29)
RUNS = 20_000


def job(noc: str, country: str, start: date, end: date | None, hours: float) -> WorkPeriod:
    """A paid, employed job; authorized when in Canada (the question is not asked abroad)."""
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


def ten_periods() -> WorkHistory:
    """A realistic history: studies abroad, jobs abroad, a work permit in Canada, overlaps."""

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


def report(label: str, action: Callable[[], object]) -> None:
    print(f"{label:<68}{median_us(action, RUNS):8.2f} µs")


def main() -> None:
    history = ten_periods()
    ledger = Ledger.of(history, ON)
    ledger.measure(CRS_CANADIAN)  # warm the memo of NOC codes, as in a long-running process

    def crs() -> object:
        built = Ledger.of(history, ON)
        return built.measure(CRS_CANADIAN).years, built.measure(CRS_FOREIGN).years

    report("ledger of 10 periods", lambda: Ledger.of(history, ON))
    report("ledger + CRS Canadian and foreign years (what the CRS asks)", crs)
    for query in QUERIES:
        report(f"  {query.name}", lambda q=query: ledger.measure(q))


if __name__ == "__main__":
    main()
