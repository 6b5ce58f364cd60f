"""Whose work counts where: the predefined queries (policies P8, P10, P11, P27, P28)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from expressentry.experience import (
    CEC,
    CEC_TEER_2_OR_3,
    CRS_CANADIAN,
    CRS_FOREIGN,
    FST,
    FSW_ADAPTABILITY,
    FSW_GRID,
    FSW_QUALIFYING,
    FSW_SPOUSE_ADAPTABILITY,
    QUERIES,
    Ledger,
    Occupations,
    Reason,
    Use,
    measure,
)
from expressentry.model import NocCode

ON = date(2026, 11, 29)
A_YEAR = (date(2024, 1, 1), date(2024, 12, 29))  # 364 days: 1,560 hours at 30 h/week


@pytest.mark.parametrize(
    ("query", "counted"),
    [(CEC, False), (CRS_CANADIAN, False), (FSW_QUALIFYING, True), (FSW_GRID, True)],
)
def test_self_employment_is_excluded_for_cec_and_crs_but_kept_for_fsw(
    job, history, query, counted
):
    experience = measure(history(job(*A_YEAR, self_employed=True)), ON, query)
    assert experience.hours == (1560 if counted else 0)
    (use,) = experience.uses()
    if counted:
        assert "self-employment is counted here (policy P8)" in use.sentence
    else:
        assert use.reasons == (Reason.SELF_EMPLOYED,)
        assert "it was self-employment" in use.sentence


@pytest.mark.parametrize(
    ("query", "counted"),
    [(CEC, False), (CRS_CANADIAN, False), (FSW_GRID, True), (FSW_ADAPTABILITY, True)],
)
def test_work_while_a_full_time_student(job, history, query, counted):
    experience = measure(history(job(*A_YEAR, full_time_student=True)), ON, query)
    assert experience.hours == (1560 if counted else 0)


def test_study_periods_are_not_excluded_for_foreign_experience(job, history):
    work = history(job(*A_YEAR, country="IN", full_time_student=True))
    assert measure(work, ON, CRS_FOREIGN).hours == 1560


@pytest.mark.parametrize("query", QUERIES)
def test_unpaid_work_never_counts(job, history, query):
    work = history(job(*A_YEAR, paid=False, noc="72200"), job(*A_YEAR, paid=False, country="IN"))
    experience = measure(work, ON, query)
    assert experience.hours == 0
    assert all(Reason.UNPAID in use.reasons for use in experience.uses())


@pytest.mark.parametrize(
    ("query", "counted"),
    [(CEC, False), (CRS_CANADIAN, False), (FSW_ADAPTABILITY, False), (FSW_GRID, True)],
)
def test_unauthorized_work_in_canada(job, history, query, counted):
    experience = measure(history(job(*A_YEAR, authorized=False)), ON, query)
    assert experience.hours == (1560 if counted else 0)
    if not counted:
        assert experience.uses()[0].reasons == (Reason.UNAUTHORIZED,)


def test_authorization_is_not_asked_of_work_abroad(job, history):
    work = history(job(*A_YEAR, country="FR", authorized=None))
    experience = measure(work, ON, CRS_FOREIGN)
    assert experience.known
    assert experience.hours == 1560


def test_canadian_experience_adds_up_across_occupations(job, history, days):
    work = history(
        job(*days(date(2022, 1, 1), 364)),
        job(*days(date(2023, 1, 1), 364), noc="31301"),
    )
    experience = measure(work, ON, CRS_CANADIAN)
    assert experience.years == 2
    assert experience.occupation is None


def test_foreign_experience_is_the_best_single_occupation(job, history, days):
    # P10: 2 years as a software engineer and 1 year as a nurse abroad are 2 years, not 3.
    work = history(
        job(*days(date(2018, 1, 1), 2 * 364), country="IN"),
        job(*days(date(2020, 1, 1), 364), country="IN", noc="31301"),
        job(*days(date(2021, 1, 1), 364)),  # in Canada: not foreign
    )
    experience = measure(work, ON, CRS_FOREIGN)
    assert experience.years == 2
    assert experience.occupation == NocCode("21231")
    uses = experience.uses()
    assert [use.use for use in uses] == [Use.COUNTED, Use.EXCLUDED, Use.EXCLUDED]
    assert uses[1].reasons == (Reason.OTHER_OCCUPATION,)
    assert "NOC 31301 is another occupation than NOC 21231" in uses[1].sentence
    assert uses[2].reasons == (Reason.IN_CANADA,)
    by_occupation = experience.by_occupation()
    assert [(e.occupation.code, e.years) for e in by_occupation if e.occupation] == [
        ("21231", 2),
        ("31301", 1),
    ]


def test_a_period_in_an_unskilled_occupation_measured_is_not_another_occupation(job, history):
    # The occupation measured is the period's own, refused by the skill filter: the period is
    # left out as unskilled, not as in another occupation. A period in a second unskilled
    # occupation is both.
    work = history(
        job(*A_YEAR, noc="64100", country="IN"),
        job(date(2022, 1, 1), date(2022, 12, 30), noc="65200", country="IN"),
    )
    uses = measure(work, ON, FSW_QUALIFYING, NocCode("64100")).uses()
    assert uses[0].reasons == (Reason.UNSKILLED,)
    assert "another occupation" not in uses[0].sentence
    assert uses[1].reasons == (Reason.UNSKILLED, Reason.OTHER_OCCUPATION)


def test_ties_between_occupations_go_to_the_lowest_code(job, history):
    work = history(
        job(*A_YEAR, country="IN", noc="31301"),
        job(*A_YEAR, country="IN"),
    )
    assert measure(work, ON, CRS_FOREIGN).occupation == NocCode("21231")


def test_canadian_experience_leaves_out_work_abroad(job, history):
    experience = measure(history(job(*A_YEAR, country="US")), ON, CRS_CANADIAN)
    assert experience.uses()[0].reasons == (Reason.OUTSIDE_CANADA,)
    assert "only work in Canada counts here" in experience.uses()[0].sentence


def test_unskilled_work_is_left_out(job, history):
    experience = measure(history(job(*A_YEAR, noc="65201")), ON, CRS_CANADIAN)
    (use,) = experience.uses()
    assert use.reasons == (Reason.UNSKILLED,)
    assert "NOC 65201 is not a skilled occupation" in use.sentence


def test_fst_counts_paid_work_in_one_trade_in_any_country_within_5_years(job, history, days):
    work = history(
        job(*days(date(2022, 1, 1), 364), noc="72200", country="PH"),
        job(*days(date(2023, 1, 1), 364), noc="72200", self_employed=True),
        job(date(2024, 1, 1), date(2024, 12, 28), noc="62200"),  # chefs: another trade
        job(date(2025, 1, 1), date(2025, 12, 30), noc="21231"),  # not a trade
        job(date(2020, 1, 1), date(2021, 6, 30), noc="72200"),  # straddles the 5-year edge
    )
    experience = measure(work, ON, FST)
    assert experience.window_start == date(2021, 11, 29)
    assert experience.occupation == NocCode("72200")
    assert experience.years == 2
    reasons = [use.reasons for use in experience.uses()]
    assert reasons[2] == (Reason.OTHER_OCCUPATION,)
    assert reasons[3] == (Reason.NOT_A_TRADE, Reason.OTHER_OCCUPATION)
    assert reasons[4] == (Reason.OUTSIDE_WINDOW,)
    assert "NOC 21231 is not a skilled trade in NOC 2021 V1.0" in experience.uses()[3].sentence


def test_fst_excludes_sub_major_group_726(job, history):
    assert measure(history(job(*A_YEAR, noc="72600")), ON, FST).hours == 0


def test_fsw_qualifying_experience_in_the_primary_occupation(job, history):
    work = history(
        job(date(2019, 1, 1), date(2019, 6, 30), country="IN"),
        job(date(2019, 1, 1), date(2020, 6, 30), country="IN", noc="31301"),
    )
    ledger = Ledger.of(work, ON)
    assert ledger.measure(FSW_QUALIFYING).occupation == NocCode("31301")
    primary = ledger.measure(FSW_QUALIFYING, occupation=NocCode("21231"))
    assert primary.occupation == NocCode("21231")
    assert primary.hours == Fraction(181 * 30, 7)  # 1 January to 30 June 2019
    assert primary.uses()[1].reasons == (Reason.OTHER_OCCUPATION,)


def test_a_pooled_query_can_be_narrowed_to_one_occupation(job, history, days):
    work = history(job(*A_YEAR), job(*days(date(2025, 1, 1), 364), noc="31301"))
    ledger = Ledger.of(work, ON)
    assert ledger.measure(CRS_CANADIAN).years == 2
    assert ledger.measure(CRS_CANADIAN, occupation=NocCode("31301")).years == 1


def test_fsw_adaptability_counts_skilled_authorized_work_in_canada_at_any_time(job, history, days):
    work = history(
        job(*days(date(2001, 1, 1), 364)),
        job(*days(date(2002, 1, 1), 364), noc="65201"),
    )
    experience = measure(work, ON, FSW_ADAPTABILITY)
    assert experience.window_start is None
    assert experience.hours == 1560
    assert experience.summary().endswith("up to 2026-11-29.")


def test_the_spouse_adaptability_counts_any_occupation(job, history, days):
    work = history(job(*days(date(2002, 1, 1), 364), noc="65201"))
    assert measure(work, ON, FSW_SPOUSE_ADAPTABILITY).hours == 1560
    assert FSW_SPOUSE_ADAPTABILITY.occupations is Occupations.ANY


def test_every_query_has_a_citation_a_name_and_its_policies():
    assert len({query.name for query in QUERIES}) == len(QUERIES)
    for query in QUERIES:
        assert query.citation.url.startswith("https://")
        assert "P9" in query.policies
        assert repr(query) == f"ExperienceQuery(name={query.name!r})"


@pytest.mark.parametrize(
    ("on", "noc", "counted"),
    [
        (ON, "21231", False),  # TEER 1: counts for CEC only with CLB 7
        (ON, "33102", True),  # nurse aides: TEER 3
        (ON, "72200", True),  # electricians: TEER 2
        (ON, "65201", False),  # TEER 5: never
        (date(2022, 11, 15), "7241", True),  # NOC 2016 electricians: skill level B
        (date(2022, 11, 15), "2173", False),  # NOC 2016 software engineers: skill level A
    ],
)
def test_cec_experience_in_teer_2_or_3_for_p7(job, history, days, on, noc, counted):
    work = history(job(*days(date(on.year - 2, 1, 1), 364), noc=noc))
    experience = measure(work, on, CEC_TEER_2_OR_3)
    assert experience.hours == (1560 if counted else 0)
    assert "P7" in CEC_TEER_2_OR_3.policies
    if not counted:
        assert Reason.NOT_TEER_2_OR_3 in experience.uses()[0].reasons
        assert "is not TEER 2 or 3" in experience.uses()[0].sentence


def test_a_missing_code_leaves_teer_2_or_3_unknown(job, history):
    experience = measure(history(job(*A_YEAR, noc=None)), ON, CEC_TEER_2_OR_3)
    assert (experience.hours_at_least, experience.hours_at_most) == (0, 1560)


# A 2021 code read on a date of NOC 2016 may be one of several 2016 codes: 72600 (air pilots in
# NOC 2021) is 2271 (air pilots, major group 22, not a trade) or 8252 (agricultural service
# contractors, major group 82, a trade). Its hours may be the trade's, never the pilots' trade
# experience.
ON_NOC_2016 = date(2020, 6, 1)


def test_a_code_that_may_be_a_trade_counts_only_as_the_trade(job, history):
    ledger = Ledger.of(
        history(job(date(2016, 1, 1), date(2019, 12, 31), noc=NocCode("72600"))), ON_NOC_2016
    )
    # Not a trade: none of the hours can be in it as trade experience.
    pilots = ledger.measure(FST, NocCode("2271"))
    assert (pilots.hours_at_least, pilots.hours_at_most) == (0, 0)
    # The trade it may be: every hour may count.
    trade = ledger.measure(FST, NocCode("8252"))
    assert trade.hours_at_least == 0
    assert trade.hours_at_most > 3120
    # The best trade the periods may be in is 8252 alone, never the pilots.
    best = ledger.measure(FST)
    assert [found.occupation for found in best.by_occupation()] == [NocCode("8252")]


def test_a_skilled_query_refuses_the_unskilled_code_a_period_may_be(job, history):
    # NOC 2016 1123 (professional occupations in advertising) is 10022, 11202 or 64409 (TEER 4)
    # in NOC 2021: its hours can never be skilled experience in 64409.
    ledger = Ledger.of(
        history(job(date(2016, 1, 1), date(2022, 12, 31), noc=NocCode("1123"))), date(2023, 6, 1)
    )
    unskilled = ledger.measure(FSW_QUALIFYING, NocCode("64409"))
    assert (unskilled.hours_at_least, unskilled.hours_at_most) == (0, 0)
    assert ledger.measure(FSW_QUALIFYING, NocCode("11202")).hours_at_most > 1560
