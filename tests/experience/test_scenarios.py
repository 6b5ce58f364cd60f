"""Candidate stories, with every figure computed by hand."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from expressentry.experience import (
    CEC,
    CRS_CANADIAN,
    CRS_FOREIGN,
    FST,
    FSW_ADAPTABILITY,
    FSW_GRID,
    Ledger,
    MissingFact,
)
from expressentry.model import NocCode


def test_priya_programmer_abroad_then_student_then_graduate_worker(job, history):
    work = history(
        # NOC 2016 2174 is 21230, 21232 or 21234 in NOC 2021: all TEER 1.
        job(date(2016, 7, 1), date(2020, 6, 30), noc="2174", country="IN", hours_per_week=45),
        # A part-time cook (63200, TEER 3) while a full-time student.
        job(
            date(2020, 9, 1),
            date(2022, 4, 30),
            noc="63200",
            hours_per_week=20,
            full_time_student=True,
        ),
        job(date(2022, 6, 1), None, hours_per_week=40),
    )
    ledger = Ledger.of(work, date(2025, 6, 1))

    # 2022-06-01 through 2025-06-01: 1,097 days at 30 hours a week (40 capped).
    canadian = ledger.measure(CRS_CANADIAN)
    assert canadian.hours == Fraction(1097 * 30, 7)  # 4,701.43 hours
    assert canadian.years == 3
    assert ledger.measure(CEC).years == 3
    # FSW adaptability (P28) keeps the student job: 1,097 days at 30 hours and 607 at 20.
    adaptability = ledger.measure(FSW_ADAPTABILITY)
    assert adaptability.hours == Fraction(1097 * 30 + 607 * 20, 7)  # 6,435.71 hours
    assert adaptability.years == 4

    # Abroad, 1,461 days in one occupation, whichever NOC 2021 code it turns out to be: 4 years
    # of foreign experience, though the occupation is not known until the code is given.
    foreign = ledger.measure(CRS_FOREIGN)
    assert foreign.hours == Fraction(1461 * 30, 7)
    assert foreign.years == 4
    assert foreign.occupation is None
    assert foreign.missing == ()
    assert foreign.uses()[0].missing == (MissingFact.NOC_IN_FORCE,)

    # The FSW grid pools every skilled occupation and keeps student work: 1,461 + 1,097 days at
    # 30 hours and 607 days at 20 hours are 88,880/7 hours, 8 whole years.
    grid = ledger.measure(FSW_GRID)
    assert grid.hours == Fraction((1461 + 1097) * 30 + 607 * 20, 7)
    assert grid.years == 8


def test_marco_welder_abroad_then_in_canada(job, history):
    work = history(
        # NOC 2016 7237 welders: NOC 2021 72106 (the only match).
        job(
            date(2019, 3, 1),
            date(2022, 2, 28),
            noc="7237",
            country="PH",
            hours_per_week=48,
            authorized=None,
        ),
        job(date(2022, 4, 1), None, noc="72106", hours_per_week=40),
    )
    ledger = Ledger.of(work, date(2024, 10, 15))

    # FST looks back 5 years, from 2019-10-15: 868 days abroad and 929 days in Canada, both in
    # the same trade.
    trade = ledger.measure(FST)
    assert trade.window_start == date(2019, 10, 15)
    assert trade.occupation == NocCode("72106")
    assert trade.hours == Fraction((868 + 929) * 30, 7)
    assert trade.years == 4
    # A gap in March 2022 splits the work into two runs; the longer is in Canada.
    run = trade.continuous_run().at_least
    assert run is not None
    assert (run.first_day, run.days, run.hours) == (
        date(2022, 4, 1),
        929,
        Fraction(929 * 30, 7),
    )

    assert ledger.measure(CRS_CANADIAN).years == 2  # 929 days: 3,981.43 hours
    foreign = ledger.measure(CRS_FOREIGN)  # 1,096 days abroad within 10 years
    assert (foreign.hours, foreign.years) == (Fraction(1096 * 30, 7), 3)
