"""Hand-computed hours and years (policies P9, P24, P25, P26)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from expressentry.exceptions import NotInForce
from expressentry.experience import (
    CEC,
    CRS_CANADIAN,
    FSW_GRID,
    Ledger,
    Reason,
    Use,
    measure,
)

from .conftest import make_history, make_job

ON = date(2026, 11, 29)


def test_364_days_at_30_hours_a_week_is_1560_hours_and_one_year(job, history):
    work = history(job(date(2024, 1, 1), date(2024, 12, 29)))  # 364 days, both ends included
    experience = measure(work, ON, CRS_CANADIAN)
    assert experience.hours == Fraction(1560)
    assert experience.years == 1
    assert experience.known


def test_one_day_short_of_a_year_is_zero_whole_years(job, history):
    experience = measure(history(job(date(2024, 1, 1), date(2024, 12, 28))), ON, CRS_CANADIAN)
    assert experience.hours == Fraction(363 * 30, 7)
    assert experience.years == 0


def test_part_time_adds_up_15_hours_for_728_days_is_one_year(job, history):
    work = history(
        job(date(2023, 1, 1), date(2023, 1, 1) + timedelta(days=727), hours_per_week=15)
    )
    experience = measure(work, ON, CRS_CANADIAN)
    assert experience.hours == 1560
    assert experience.years == 1


def test_two_overlapping_20_hour_jobs_count_30_hours_a_week(job, history):
    first = job(date(2024, 1, 1), date(2024, 12, 29), hours_per_week=20, job_title="Day job")
    second = job(date(2024, 1, 1), date(2024, 12, 29), hours_per_week=20, job_title="Evenings")
    experience = measure(history(first, second), ON, CRS_CANADIAN)
    assert experience.hours == 1560  # 52 weeks at 30, not 40
    uses = experience.uses()
    assert [use.hours for use in uses] == [780, 780]  # the cap is shared in proportion
    assert [use.hours_over_cap for use in uses] == [260, 260]
    assert all(Reason.OVER_WEEKLY_CAP in use.reasons for use in uses)


def test_hours_above_30_in_one_job_are_not_counted(job, history):
    experience = measure(
        history(job(date(2024, 1, 1), date(2024, 12, 29), hours_per_week=50)), ON, CRS_CANADIAN
    )
    assert experience.hours == 1560
    assert experience.uses()[0].hours_over_cap == 52 * 20


def test_partly_overlapping_jobs_are_capped_only_where_they_overlap(job, history):
    # 14 days at 20 h alone, 14 days together (capped at 30), 14 days at 20 h alone.
    work = history(
        job(date(2024, 1, 1), date(2024, 1, 28), hours_per_week=20),
        job(date(2024, 1, 15), date(2024, 2, 11), hours_per_week=20),
    )
    assert measure(work, ON, CRS_CANADIAN).hours == 2 * 20 + 2 * 30 + 2 * 20


def test_fractional_hours_a_week_stay_exact(job, history):
    work = history(job(date(2024, 1, 1), date(2024, 1, 7), hours_per_week=22.5))
    assert measure(work, ON, CRS_CANADIAN).hours == Fraction(45, 2)


def test_hours_written_finer_than_a_hundredth_are_counted_as_written(job, history):
    """29.995 hours a week for 364 days are 1,559.74 hours: not rounded to 30.00 a week, which
    would make the 1,560 hours of a year (an audit found the CEC met this way)."""
    work = history(job(date(2024, 1, 1), date(2024, 12, 29), hours_per_week=29.995))
    experience = measure(work, ON, CEC)
    assert experience.hours == Fraction(29995 * 364, 7000)
    assert experience.reaches(1560) is False
    assert experience.years == 0
    assert experience.continuous_run().at_least.hours == experience.hours  # type: ignore[union-attr]
    assert "1,559.74 hours counted" in experience.explain()


def test_a_finer_figure_beside_hundredths_keeps_both_exact(job, history):
    """One figure written to the thousandth puts the whole ledger in finer units: the cap, the
    year and the other jobs' hours stay exact."""
    fine = job(date(2024, 1, 1), date(2024, 12, 29), hours_per_week=0.001, job_title="Tiny")
    plain = job(date(2024, 1, 1), date(2024, 12, 29), hours_per_week=17.15, job_title="Plain")
    over = job(date(2023, 1, 1), date(2023, 12, 30), hours_per_week=45.125, job_title="Long")
    experience = measure(history(fine, plain, over), ON, CRS_CANADIAN)
    assert experience.hours == Fraction(1, 1000) * 52 + Fraction(1715, 100) * 52 + 30 * 52
    assert experience.years == 1  # 1,560 from 2023 and 891.852 from 2024
    assert [use.hours for use in experience.uses()] == [
        Fraction(52, 1000),
        Fraction(1715 * 52, 100),
        1560,
    ]
    assert experience.uses()[2].hours_over_cap == Fraction(15125 * 52, 1000)


@settings(max_examples=200)
@given(
    thousandths=st.integers(min_value=1, max_value=30_000),
    days=st.integers(min_value=1, max_value=1_000),
)
def test_any_figure_in_thousandths_counts_exactly(thousandths, days):
    """Under the cap, a job gives its hours a week, as written, times its days over 7."""
    hours = thousandths / 1000
    start = date(2022, 1, 1)
    work = make_history(make_job(start, start + timedelta(days=days - 1), hours_per_week=hours))
    experience = measure(work, ON, CRS_CANADIAN)
    assert experience.hours == Fraction(thousandths, 1000) * days / 7
    assert experience.reaches(1560) is (thousandths * days >= 1560 * 7000)


def test_a_fraction_of_hours_a_week_is_counted_as_itself(job, history):
    """29 2/3 hours a week (a Fraction, as a Python caller may give) for 364 days: exact."""
    work = history(job(date(2024, 1, 1), date(2024, 12, 29), hours_per_week=Fraction(89, 3)))
    experience = measure(work, ON, CEC)
    assert experience.hours == Fraction(89, 3) * 52
    assert experience.reaches(1560) is False


def test_a_figure_just_over_30_hours_a_week_makes_exactly_a_year(job, history):
    work = history(job(date(2024, 1, 1), date(2024, 12, 29), hours_per_week=30.005))
    experience = measure(work, ON, CEC)
    assert experience.hours == 1560
    assert experience.reaches(1560) is True


def test_a_job_that_straddles_the_window_edge_counts_only_inside(job, history):
    # CEC looks back 3 years: from 2023-11-29 through 2026-11-29.
    work = history(job(date(2023, 11, 1), date(2023, 12, 5)))
    experience = measure(work, ON, CEC)
    assert experience.window_start == date(2023, 11, 29)
    assert experience.hours == Fraction(7 * 30, 7)  # 29 November to 5 December: 7 days
    (use,) = experience.uses()
    assert use.first_day == date(2023, 11, 29)
    assert use.last_day == date(2023, 12, 5)
    assert Reason.OUTSIDE_WINDOW in use.reasons
    assert "the days before 2023-11-29 are outside the 3-year window" in use.sentence


@pytest.mark.parametrize(
    ("day", "counted"),
    [
        (date(2016, 11, 28), False),  # 10 years and one day before: outside
        (date(2016, 11, 29), True),  # exactly 10 years before: the first day of the window
    ],
)
def test_the_window_edge_day_before_and_day_of(job, history, day, counted):
    experience = measure(history(job(day, day)), ON, CRS_CANADIAN)
    assert experience.hours == (Fraction(30, 7) if counted else 0)
    (use,) = experience.uses()
    assert (use.use is Use.COUNTED) is counted
    if not counted:
        assert use.reasons == (Reason.OUTSIDE_WINDOW,)
        assert "outside the 10-year window" in use.sentence


def test_a_29_february_evaluation_date_starts_the_window_on_28_february(job, history):
    on = date(2028, 2, 29)
    experience = measure(history(job(date(2018, 2, 28), date(2018, 2, 28))), on, CRS_CANADIAN)
    assert experience.window_start == date(2018, 2, 28)
    assert experience.hours == Fraction(30, 7)


def test_an_ongoing_job_counts_through_the_evaluation_date(job, history):
    experience = measure(history(job(date(2025, 12, 1), None)), ON, CRS_CANADIAN)
    assert experience.hours == 1560  # 2025-12-01 through 2026-11-29: 364 days
    assert experience.uses()[0].last_day == ON
    assert Reason.AFTER_EVALUATION_DATE not in experience.uses()[0].reasons


def test_days_after_the_evaluation_date_never_count(job, history):
    experience = measure(history(job(date(2026, 11, 23), date(2027, 6, 30))), ON, CRS_CANADIAN)
    assert experience.hours == 30  # 23 to 29 November: one week
    (use,) = experience.uses()
    assert use.last_day == ON
    assert Reason.AFTER_EVALUATION_DATE in use.reasons
    assert "the days after 2026-11-29 do not count" in use.sentence


def test_a_job_that_starts_after_the_evaluation_date_is_left_out(job, history):
    experience = measure(history(job(date(2026, 11, 30), None)), ON, CRS_CANADIAN)
    assert experience.hours == 0
    (use,) = experience.uses()
    assert use.use is Use.EXCLUDED
    assert use.reasons == (Reason.AFTER_EVALUATION_DATE,)
    assert use.first_day is None
    assert "it starts after 2026-11-29" in use.sentence


def test_years_are_floored(job, history):
    # 2 years and 363 days at 30 h/week: 2 whole years.
    work = history(job(date(2020, 1, 1), date(2020, 1, 1) + timedelta(days=2 * 364 + 362)))
    assert measure(work, ON, FSW_GRID).years == 2


@pytest.mark.parametrize(
    ("days", "tenths"),
    [(364, 10), (363, 9), (36, 0), (37, 1), (2 * 364 + 363, 29), (3 * 364, 30)],
)
def test_tenths_of_a_year_are_floored_exactly(job, history, days, tenths):
    # 36.4 days at 30 h/week are a tenth of a year: 36 days fall short, 37 reach it.
    work = history(job(date(2020, 1, 1), date(2020, 1, 1) + timedelta(days=days - 1)))
    experience = measure(work, ON, FSW_GRID)
    assert experience.tenths_of_years_at_least == tenths
    assert experience.years_at_least == tenths // 10


def test_an_empty_history_has_no_experience(history):
    experience = measure(history(), ON, CRS_CANADIAN)
    assert (experience.hours, experience.years, experience.uses()) == (0, 0, ())
    assert experience.continuous_run().at_least is None


def test_dates_before_express_entry_are_refused(history):
    with pytest.raises(NotInForce):
        Ledger.of(history(), date(2014, 12, 31))


def test_the_ledger_is_resolved_once_and_shared(job, history):
    ledger = Ledger.of(history(job(date(2024, 1, 1), date(2024, 12, 29))), ON)
    assert ledger.measure(CRS_CANADIAN).ledger is ledger
    assert ledger.measure(CRS_CANADIAN).on == ON
    assert ledger == Ledger.of(ledger.history, ON)
