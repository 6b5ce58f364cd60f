"""Continuous runs: FSW's qualifying year is one run without a gap day (policy P9)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from expressentry.experience import (
    CRS_CANADIAN,
    FSW_QUALIFYING,
    ContinuousRun,
    Ledger,
    measure,
)
from expressentry.model import NocCode

ON = date(2026, 11, 29)


def test_back_to_back_periods_make_one_run(job, history):
    work = history(
        job(date(2023, 1, 1), date(2023, 6, 30), country="IN"),
        job(date(2023, 7, 1), date(2023, 12, 30), country="IN"),  # the next day
    )
    run = measure(work, ON, FSW_QUALIFYING).continuous_run()
    assert run.at_least == run.at_most
    assert run.at_least == ContinuousRun(
        first_day=date(2023, 1, 1), last_day=date(2023, 12, 30), hours=Fraction(1560)
    )
    assert run.at_least.days == 364
    assert run.reaches(1560) is True


def test_a_gap_day_breaks_the_run(job, history):
    work = history(
        job(date(2023, 1, 1), date(2023, 6, 30), country="IN"),
        job(date(2023, 7, 2), date(2023, 12, 31), country="IN"),  # 1 July without work
    )
    experience = measure(work, ON, FSW_QUALIFYING)
    assert experience.hours == 1560  # the hours add up...
    run = experience.continuous_run()
    assert run.at_least is not None
    assert run.at_least.first_day == date(2023, 7, 2)  # ...but the longest run is 183 days
    assert run.at_least.days == 183
    assert run.reaches(1560) is False


def test_part_time_continuous_work_for_two_years(job, history, days):
    work = history(job(*days(date(2022, 1, 1), 728), country="IN", hours_per_week=15))
    assert measure(work, ON, FSW_QUALIFYING).continuous_run().reaches(1560) is True


def test_the_best_run_has_the_most_hours_not_the_most_days(job, history, days):
    work = history(
        job(*days(date(2018, 1, 1), 600), country="IN", hours_per_week=10),
        job(*days(date(2021, 1, 1), 364), country="IN", hours_per_week=30),
    )
    best = measure(work, ON, FSW_QUALIFYING).continuous_run().at_least
    assert best is not None
    assert best.first_day == date(2021, 1, 1)


def test_equal_runs_prefer_the_longer_then_the_more_recent(job, history, days):
    work = history(
        job(*days(date(2018, 1, 1), 14), country="IN", hours_per_week=30),
        job(*days(date(2019, 1, 1), 28), country="IN", hours_per_week=15),
        job(*days(date(2020, 1, 1), 28), country="IN", hours_per_week=15),
    )
    best = measure(work, ON, FSW_QUALIFYING).continuous_run().at_least
    assert best is not None
    assert best.first_day == date(2020, 1, 1)


def test_a_run_in_one_occupation_ignores_other_occupations(job, history):
    work = history(
        job(date(2023, 1, 1), date(2023, 6, 30), country="IN"),
        job(date(2023, 7, 1), date(2023, 12, 30), country="IN", noc="31301"),
    )
    ledger = Ledger.of(work, ON)
    run = ledger.measure(FSW_QUALIFYING, NocCode("21231")).continuous_run()
    assert run.at_least is not None
    assert run.at_least.last_day == date(2023, 6, 30)
    pooled = ledger.measure(CRS_CANADIAN).continuous_run()
    assert pooled.at_least is None  # the work was abroad


def test_an_unknown_period_can_only_lengthen_the_run(job, history):
    work = history(
        job(date(2023, 1, 1), date(2023, 6, 30), country="IN"),
        job(date(2023, 7, 1), date(2023, 12, 30), country="IN", paid=None),
    )
    run = measure(work, ON, FSW_QUALIFYING).continuous_run()
    assert run.at_least is not None
    assert run.at_most is not None
    assert run.at_least.days == 181
    assert run.at_most.days == 364
    assert run.reaches(1560) is None
    assert run.reaches(100) is True
    assert run.reaches(2000) is False


def test_no_run_at_all(history):
    run = measure(history(), ON, FSW_QUALIFYING).continuous_run()
    assert (run.at_least, run.at_most) == (None, None)
    assert run.reaches(1) is False
