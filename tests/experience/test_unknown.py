"""Unanswered facts give bounds, never a silent yes or no; NOC versions and conversions."""

from __future__ import annotations

from datetime import date

import pytest

from expressentry.experience import (
    CEC,
    CRS_CANADIAN,
    CRS_FOREIGN,
    FST,
    FSW_GRID,
    FSW_QUALIFYING,
    FSW_SPOUSE_ADAPTABILITY,
    Ledger,
    MissingFact,
    Reason,
    Use,
    measure,
)
from expressentry.model import NocCode

ON = date(2026, 11, 29)
A_YEAR = (date(2024, 1, 1), date(2024, 12, 29))  # 364 days
HALF_YEAR = (date(2025, 1, 1), date(2025, 7, 1))  # 182 days


@pytest.mark.parametrize(
    ("fact", "missing"),
    [
        ("paid", MissingFact.PAID),
        ("self_employed", MissingFact.SELF_EMPLOYED),
        ("full_time_student", MissingFact.FULL_TIME_STUDENT),
        ("authorized", MissingFact.AUTHORIZED),
        ("noc", MissingFact.NOC),
    ],
)
def test_an_unanswered_fact_bounds_the_figure(job, history, fact, missing):
    experience = measure(history(job(*A_YEAR, **{fact: None})), ON, CRS_CANADIAN)
    assert not experience.known
    assert (experience.hours_at_least, experience.hours_at_most) == (0, 1560)
    assert (experience.hours, experience.years) == (None, None)
    assert (experience.years_at_least, experience.years_at_most) == (0, 1)
    assert experience.reaches(1560) is None
    assert experience.reaches_years(1) is None
    assert experience.missing == ((0, missing),)
    (use,) = experience.uses()
    assert use.use is Use.UNKNOWN
    assert use.hours == 1560
    assert "could count" in use.sentence
    assert "between 0 and 1,560 hours (0 to 1 years)" in experience.summary()
    assert experience.summary().endswith("2026-11-29, depending on facts not answered.")


def test_a_threshold_is_decided_when_both_bounds_agree(job, history):
    work = history(job(*A_YEAR), job(*HALF_YEAR, paid=None))
    experience = measure(work, ON, CRS_CANADIAN)
    assert experience.reaches(1560) is True  # the certain year suffices
    assert experience.reaches_years(1) is True
    assert experience.reaches(3000) is False  # even counting the unknown half-year
    assert experience.years == 1  # 1,560 to 2,340 hours: one whole year either way
    assert experience.hours is None


def test_a_known_exclusion_wins_over_an_unanswered_fact(job, history):
    experience = measure(history(job(*A_YEAR, self_employed=True, paid=None)), ON, CEC)
    assert experience.known
    (use,) = experience.uses()
    assert use.use is Use.EXCLUDED
    assert use.reasons == (Reason.SELF_EMPLOYED,)
    assert use.missing == ()


def test_facts_a_query_does_not_ask_do_not_matter(job, history):
    work = history(job(*A_YEAR, self_employed=None, full_time_student=None, authorized=None))
    assert measure(work, ON, FSW_GRID).known
    assert measure(history(job(*A_YEAR, noc=None)), ON, FSW_SPOUSE_ADAPTABILITY).known


def test_a_missing_code_leaves_the_best_occupation_open(job, history):
    work = history(
        job(*A_YEAR, country="IN"),
        job(*HALF_YEAR, country="IN", noc=None),
    )
    experience = measure(work, ON, CRS_FOREIGN)
    assert experience.occupation == NocCode("21231")
    assert experience.hours_at_least == 1560
    assert experience.hours_at_most == 1560 + 780
    assert experience.missing == ((1, MissingFact.NOC),)


def test_the_best_occupation_names_the_facts_of_another_that_may_hold_the_upper_bound(
    job, history
):
    # The best certain occupation has half a year; another occupation would have a year if
    # its job was paid. The figure is open, and answering that job's "paid" settles it.
    work = history(
        job(*A_YEAR, country="IN", noc="72200", paid=None),
        job(*HALF_YEAR, country="IN"),
    )
    experience = measure(work, ON, CRS_FOREIGN)
    assert experience.occupation == NocCode("21231")
    assert (experience.hours_at_least, experience.hours_at_most) == (780, 1560)
    assert experience.missing == ((0, MissingFact.PAID),)
    # The explanation still reads each period against the occupation chosen.
    assert experience.uses()[0].reasons == (Reason.OTHER_OCCUPATION,)


def test_without_any_certain_occupation_only_an_upper_bound_exists(job, history):
    experience = measure(history(job(*A_YEAR, country="IN", noc=None)), ON, CRS_FOREIGN)
    assert experience.occupation is None
    assert (experience.hours_at_least, experience.hours_at_most) == (0, 1560)
    assert experience.uses()[0].missing == (MissingFact.NOC,)
    run = experience.continuous_run()
    assert run.at_least is None
    assert run.at_most is not None
    assert run.at_most.hours == 1560


def test_one_occupation_with_a_missing_fact_and_no_certain_period(job, history):
    experience = measure(history(job(*A_YEAR, country="IN", paid=None)), ON, CRS_FOREIGN)
    assert experience.occupation is None
    assert experience.hours_at_most == 1560
    assert experience.missing == ((0, MissingFact.PAID),)
    assert experience.by_occupation()[0].occupation == NocCode("21231")


def test_a_certain_conversion_is_explained(job, history):
    # NOC 2016 0011 (Legislators) is NOC 2021 00010, its only counterpart.
    experience = measure(history(job(*A_YEAR, noc="0011")), ON, CRS_CANADIAN)
    assert experience.hours == 1560
    (use,) = experience.uses()
    assert use.occupation == NocCode("00010")
    assert "NOC 2016 V1.3 0011 is converted to NOC 2021 V1.0 00010, its only match" in (
        use.sentence
    )


def test_an_ambiguous_code_counts_where_every_candidate_agrees(job, history):
    # NOC 2016 2173 is 21211 or 21231 in NOC 2021: skilled either way, so CRS Canadian counts it.
    experience = measure(history(job(*A_YEAR, noc="2173")), ON, CRS_CANADIAN)
    assert experience.hours == 1560
    (use,) = experience.uses()
    assert use.occupation is None
    assert "matches several NOC 2021 V1.0 codes (21211, 21231)" in use.sentence


def test_a_period_under_the_very_code_of_the_occupation_is_in_it(job, history):
    # NOC 2016 2173 is 21211 or 21231: a period under 2173, measured in the occupation 2173,
    # is in it whichever NOC 2021 code that is (audit helper-73: it was "not answered").
    work = history(job(*A_YEAR, noc="2173", country="IN"))
    same = measure(work, ON, FSW_QUALIFYING, NocCode("2173"))
    assert (same.hours_at_least, same.hours_at_most) == (1560, 1560)
    assert same.missing == ()
    assert same.continuous_run().reaches(1560)
    # Under one of its codes it may be another occupation than the one given: still open.
    one = measure(
        history(job(*A_YEAR, noc="21231", country="IN")), ON, FSW_QUALIFYING, NocCode("2173")
    )
    assert (one.hours_at_least, one.hours_at_most) == (0, 1560)
    # A NOC 2021 code on a NOC 2016 date: 11100 is 1111 or 1114 there.
    before = date(2020, 11, 1)
    accountant = history(job(date(2018, 1, 1), date(2019, 12, 28), noc="11100", country="IN"))
    counted = measure(accountant, before, FSW_QUALIFYING, NocCode("11100"))
    assert counted.known
    assert counted.continuous_run().reaches(1560)


def test_an_ambiguous_code_is_certainly_in_one_occupation_though_not_which(job, history):
    # NOC 2016 2173 is 21211 or 21231: either way the one occupation has the period's hours.
    experience = measure(history(job(*A_YEAR, noc="2173", country="IN")), ON, CRS_FOREIGN)
    assert (experience.hours_at_least, experience.hours_at_most) == (1560, 1560)
    assert experience.occupation is None  # which one is not known
    assert experience.missing == ()  # no answer changes the figure
    (use,) = experience.uses()
    assert use.use is Use.UNKNOWN
    assert use.sentence.endswith(
        "not answered: its code in the NOC version in force, which does not change the figure."
    )
    assert [e.occupation.code for e in experience.by_occupation() if e.occupation] == [
        "21211",
        "21231",
    ]
    named = Ledger.of(experience.ledger.history, ON).measure(CRS_FOREIGN, NocCode("21231"))
    assert (named.hours_at_least, named.hours_at_most) == (0, 1560)
    assert named.missing == ((0, MissingFact.NOC_IN_FORCE),)
    assert "its code in the NOC version in force" in named.uses()[0].sentence


def test_four_years_under_a_split_code_are_four_years_of_foreign_experience(job, history):
    """The audit's case: before, a single occupation counted 0 of the 4 years."""
    work = history(job(date(2021, 1, 1), date(2024, 12, 31), noc="2173", country="IN"))
    experience = measure(work, ON, CRS_FOREIGN)
    assert (experience.years_at_least, experience.years_at_most) == (4, 4)


@pytest.mark.parametrize(
    ("first", "occupation", "missing"),
    [
        # 2023 certainly 21211, 2024 21211 or 21231: 2 years if both are 21211, 1 either way;
        # the certain 21211 keeps the name (the ties go to it).
        ("21211", NocCode("21211"), ((1, MissingFact.NOC_IN_FORCE),)),
        # Each 2173 period is 21211 or 21231 on its own: one year is certain, not two.
        ("2173", None, ((0, MissingFact.NOC_IN_FORCE), (1, MissingFact.NOC_IN_FORCE))),
    ],
)
def test_a_split_code_beside_another_period_counts_the_least_it_can(
    job, history, first, occupation, missing
):
    work = history(
        job(date(2023, 1, 1), date(2023, 12, 30), noc=first, country="IN"),
        job(*A_YEAR, noc="2173", country="IN"),
    )
    experience = measure(work, ON, CRS_FOREIGN)
    assert (experience.hours_at_least, experience.hours_at_most) == (1560, 3120)
    assert experience.occupation == occupation
    assert experience.missing == missing


def test_a_year_under_a_split_code_is_a_certain_continuous_run_in_one_occupation(job, history):
    # The FSW's qualifying year: 364 days of 30 hours (1,560 hours) under 2173, which is 21211
    # or 21231: a continuous year in one occupation either way, though not in a named one.
    work = history(job(*A_YEAR, noc="2173", country="IN", hours_per_week=30))
    run = measure(work, ON, FSW_QUALIFYING).continuous_run()
    assert run.reaches(1560) is True
    assert run.at_least is not None
    assert (run.at_least.first_day, run.at_least.last_day) == A_YEAR
    assert run.at_least.hours == 1560
    # Named, the occupation may be the other code: no run is certain in it.
    named = Ledger.of(work, ON).measure(FSW_QUALIFYING, NocCode("21231")).continuous_run()
    assert named.reaches(1560) is None


def test_two_split_periods_back_to_back_make_no_certain_run_of_both(job, history):
    # Two half-years under 2173 may be two occupations: the run certain is the longer half.
    work = history(
        job(date(2024, 1, 1), date(2024, 6, 30), noc="2173", country="IN", hours_per_week=30),
        job(date(2024, 7, 1), date(2025, 3, 31), noc="2173", country="IN", hours_per_week=30),
    )
    run = measure(work, ON, FSW_QUALIFYING).continuous_run()
    assert run.at_least is not None
    assert (run.at_least.first_day, run.at_least.last_day) == (date(2024, 7, 1), date(2025, 3, 31))
    assert run.at_most is not None
    assert (run.at_most.first_day, run.at_most.last_day) == (date(2024, 1, 1), date(2025, 3, 31))
    assert run.reaches(1560) is None


@pytest.mark.parametrize(
    ("facts", "query"),
    [
        ({"noc": "6331"}, FST),  # 63201 (a trade) or 65202 (not one): it may count nothing
        ({"noc": "2173", "paid": None}, CRS_FOREIGN),  # unpaid work never counts
    ],
)
def test_a_split_code_that_may_not_count_adds_nothing_certain(job, history, facts, query):
    work = history(job(date(2023, 1, 1), date(2024, 12, 28), country="IN", **facts))
    experience = measure(work, ON, query)
    assert (experience.hours_at_least, experience.hours_at_most) == (0, 3120)
    assert experience.missing


def test_an_ambiguous_code_whose_candidates_disagree_on_skill_is_unknown(job, history):
    # NOC 2016 1123 is 10022 (TEER 0), 11202 (TEER 1) or 64409 (TEER 4) in NOC 2021.
    experience = measure(history(job(*A_YEAR, noc="1123")), ON, CRS_CANADIAN)
    assert (experience.hours_at_least, experience.hours_at_most) == (0, 1560)
    assert experience.missing == ((0, MissingFact.NOC_IN_FORCE),)


def test_an_ambiguous_code_can_be_definitely_unskilled(job, history):
    # NOC 2016 1511 (mail clerks) is 64401 (TEER 4) or 74100 (TEER 4): unskilled either way.
    experience = measure(history(job(*A_YEAR, noc="1511")), ON, CRS_CANADIAN)
    assert experience.known
    assert experience.uses()[0].reasons == (Reason.UNSKILLED,)
    assert "NOC 1511 is not a skilled occupation" in experience.uses()[0].sentence


def test_an_ambiguous_occupation_named_in_the_other_version(job, history):
    ledger = Ledger.of(history(job(*A_YEAR, country="IN")), ON)
    experience = ledger.measure(CRS_FOREIGN, NocCode("2173"))  # 21211 or 21231
    assert (experience.hours_at_least, experience.hours_at_most) == (0, 1560)


@pytest.mark.parametrize(
    ("on", "counted"),
    [(date(2022, 11, 15), False), (date(2022, 11, 16), True)],
)
@pytest.mark.parametrize("noc", ["7511", "73300"])  # transport truck drivers, either version
def test_the_noc_switch_makes_truck_drivers_skilled(job, history, on, counted, noc):
    experience = measure(history(job(date(2021, 1, 1), date(2021, 12, 30), noc=noc)), on, CEC)
    assert experience.hours == (1560 if counted else 0)
    assert experience.ledger.version.value == ("2021" if counted else "2016")
    (use,) = experience.uses()
    if not counted:
        assert use.reasons == (Reason.UNSKILLED,)
        assert "is not a skilled occupation" in use.sentence
        assert "NOC 2016 V1.3" in use.sentence
    converted = (noc == "7511") is counted
    assert ("is converted to" in use.sentence) is converted


@pytest.mark.parametrize(
    ("on", "code"), [(date(2022, 11, 15), "2173"), (date(2022, 11, 16), "21231")]
)
def test_codes_are_judged_in_the_version_in_force(job, history, on, code):
    # A NOC 2021 code before the switch is converted to NOC 2016 (21231 has one: 2173).
    work = history(job(date(2021, 1, 1), date(2021, 12, 30), country="IN"))
    assert measure(work, on, CRS_FOREIGN).occupation == NocCode(code)


def test_fst_trades_through_the_concordance(job, history):
    work = history(job(date(2023, 1, 1), date(2024, 12, 29), noc="7241", country="PH"))
    experience = measure(work, ON, FST)  # NOC 2016 7241 electricians: NOC 2021 72200
    assert experience.occupation == NocCode("72200")
    assert experience.years == 2


def test_fsw_qualifying_run_is_unknown_when_the_code_is_missing(job, history):
    work = history(job(*A_YEAR, country="IN"), job(*HALF_YEAR, country="IN", noc=None))
    experience = measure(work, ON, FSW_QUALIFYING)
    assert experience.occupation == NocCode("21231")
    assert not experience.known


def test_an_ambiguous_code_outside_the_named_occupation_is_excluded(job, history):
    # NOC 2016 2173 is 21211 or 21231: certainly not 31301.
    ledger = Ledger.of(history(job(*A_YEAR, noc="2173", country="IN")), ON)
    experience = ledger.measure(CRS_FOREIGN, NocCode("31301"))
    assert experience.known
    assert experience.uses()[0].reasons == (Reason.OTHER_OCCUPATION,)
    assert "NOC 2173 is another occupation than NOC 31301" in experience.uses()[0].sentence
