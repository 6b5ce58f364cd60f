"""Every figure explains itself: which periods counted, how many hours, what was left out."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from expressentry.experience import CEC, CRS_CANADIAN, FSW_QUALIFYING, Reason, Use, measure
from expressentry.experience.ledger import format_hours, hours_fact

ON = date(2026, 11, 29)


SOFTWARE = "NOC 21231 (Software engineers and designers)"  # the code as explanations name it


def test_a_story_explained_line_by_line(job, history):
    work = history(
        job(date(2024, 1, 1), date(2024, 12, 29), job_title="Developer", hours_per_week=40),
        job(date(2025, 1, 1), date(2025, 3, 31), employer="Acme", paid=False),
        job(date(2025, 4, 1), None, paid=None),
        job(date(2019, 1, 1), date(2019, 12, 31), job_title="Analyst"),
    )
    experience = measure(work, ON, CEC)
    assert experience.explain().splitlines() == [
        # 1,560 certain hours, plus 608 days at 30/7 hours a day if period 3 was paid.
        "Canadian Experience Class: between 1,560 and 4,165.71 hours (1 to 2 years) from "
        "2023-11-29 to 2026-11-29, depending on facts not answered.",
        f"- Period 1 (Developer, {SOFTWARE}, 2024-01-01 to 2024-12-29): 1,560 hours counted, "
        "2024-01-01 to 2024-12-29; 520 hours above 30 hours a week are left out.",
        f"- Period 2 (Acme, {SOFTWARE}, 2025-01-01 to 2025-03-31): not counted, because it was "
        "unpaid.",
        f"- Period 3 (a job, {SOFTWARE}, 2025-04-01 to ongoing): up to 2,605.71 hours "
        "(2025-04-01 to 2026-11-29) could count; not answered: whether it was paid.",
        f"- Period 4 (Analyst, {SOFTWARE}, 2019-01-01 to 2019-12-31): not counted, because it "
        "ended before 2023-11-29, outside the 3-year window.",
    ]
    uses = experience.uses()
    assert [use.use for use in uses] == [Use.COUNTED, Use.EXCLUDED, Use.UNKNOWN, Use.EXCLUDED]
    assert uses[0].hours_over_cap == 520
    assert uses[0].reasons == (Reason.OVER_WEEKLY_CAP,)
    assert uses[1].first_day is None
    assert uses[2].missing


def test_every_reason_for_a_whole_exclusion_is_given(job, history):
    work = history(
        job(
            date(2024, 1, 1),
            date(2024, 12, 29),
            noc="65201",
            self_employed=True,
            full_time_student=True,
            authorized=False,
            paid=False,
        )
    )
    (use,) = measure(work, ON, CRS_CANADIAN).uses()
    assert use.reasons == (
        Reason.UNPAID,
        Reason.UNAUTHORIZED,
        Reason.SELF_EMPLOYED,
        Reason.FULL_TIME_STUDENT,
        Reason.UNSKILLED,
    )
    assert use.sentence.startswith(
        "Period 1 (a job, NOC 65201 (Food counter attendants, kitchen helpers and related "
        "support occupations), 2024-01-01 to 2024-12-29): "
        "not counted, because it was unpaid and it was done without "
        "authorization to work in Canada and it was self-employment "
        "and it was done while a full-time student and NOC 65201"
    )


def test_work_abroad_in_a_query_of_work_abroad_is_explained(job, history):
    from expressentry.experience import CRS_FOREIGN

    (use,) = measure(history(job(date(2024, 1, 1), None)), ON, CRS_FOREIGN).uses()
    assert use.reasons == (Reason.IN_CANADA,)
    assert "only work outside Canada counts here" in use.sentence


def test_an_unknown_period_over_the_cap_and_clipped(job, history):
    work = history(job(date(2016, 1, 1), date(2017, 1, 1), hours_per_week=60, paid=None))
    (use,) = measure(work, ON, FSW_QUALIFYING).uses()
    assert use.use is Use.UNKNOWN
    assert set(use.reasons) == {Reason.OUTSIDE_WINDOW, Reason.OVER_WEEKLY_CAP}


def test_the_summary_names_the_occupation_of_a_one_occupation_figure(job, history):
    experience = measure(history(job(date(2024, 1, 1), date(2024, 12, 29))), ON, FSW_QUALIFYING)
    assert experience.summary() == (
        f"Federal Skilled Worker: qualifying experience: 1,560 hours (1 year) in {SOFTWARE} "
        "from 2016-11-29 to 2026-11-29."
    )


def test_a_job_of_a_few_seconds_a_week_counts_its_seconds_and_explains_itself(job, history):
    work = history(job(date(2024, 1, 1), date(2024, 1, 7), hours_per_week=0.001))
    experience = measure(work, ON, CRS_CANADIAN)
    assert experience.hours == Fraction(1, 1000)  # counted as written, not to the hundredth
    (use,) = experience.uses()
    assert use.use is Use.COUNTED
    assert "0.00 hours counted" in use.sentence  # said to the hundredth


def test_one_hour_is_singular(job, history):
    work = history(job(date(2024, 1, 1), date(2024, 1, 7), hours_per_week=1))
    experience = measure(work, ON, CRS_CANADIAN)
    assert experience.summary().startswith("CRS: Canadian work experience: 1 hour (0 years)")


def test_hours_just_short_of_a_year_never_read_as_a_year(job, history):
    # 363 days at 30 hours and one at 29.97: 1,559.996 hours, which rounded would be 1,560.00
    # against "needs 1,560". The figure is said to the hundredth, never up to a whole number.
    work = history(
        job(date(2025, 1, 1), date(2025, 12, 29), country="CA", hours_per_week=30),
        job(date(2025, 12, 30), date(2025, 12, 30), country="CA", hours_per_week=29.97),
    )
    experience = measure(work, ON, CEC)
    assert experience.hours_at_least < 1560
    assert experience.years == 0
    assert (
        experience.explain()
        .splitlines()[0]
        .startswith("Canadian Experience Class: 1,559.99 hours (0 years)")
    )
    # Elsewhere the nearest hundredth, up or down.
    assert format_hours(Fraction(12_345_678, 1000)) == "12,345.68"
    assert format_hours(Fraction(12_345_674, 1000)) == "12,345.67"
    assert format_hours(Fraction(1_559_995, 1000)) == "1,559.99"
    assert format_hours(Fraction(1_560_001, 1000)) == "1,560.00"  # reached: may read as it
    assert hours_fact(Fraction(1_559_996, 1000)) == 1559.99
