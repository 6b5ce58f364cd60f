"""The qualifying job offer (policy P34, rules.md §1.6, §4.9): one answer for the FSW, the
funds exemption and the CRS."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.facts import Facts, derive
from expressentry.job_offer import (
    FST_OFFER_DURATION,
    IRPR_82,
    IRPR_82_BEFORE_2016,
    LMIA_EXEMPT_OFFERS_EARN_CRS_POINTS,
    OFFER_DURATION,
    ArrangedEmploymentCase,
    JobOfferClass,
    OfferDuration,
    Purpose,
    arranged_employment,
    assess_offer,
    crs_job_offer,
)
from expressentry.model import Candidate, JobOffer, LmiaStatus, NocCode, WorkAuthorization
from expressentry.noc import SENIOR_MANAGEMENT, SKILLED_OCCUPATIONS
from expressentry.serialization import fact_words
from expressentry.strategies import candidates
from expressentry.verdict import Outcome

ON = date(2026, 11, 29)

SOFTWARE = JobOffer(
    noc=NocCode("21231"),
    full_time=True,
    non_seasonal=True,
    at_least_one_year=True,
    lmia=LmiaStatus.APPROVED,
)
EXEMPT = attrs.evolve(
    SOFTWARE,
    lmia=LmiaStatus.EXEMPT,
    currently_working_for_employer=True,
    year_of_full_time_work_with_employer=True,
)


def _facts(
    *offers: JobOffer,
    on: date = ON,
    authorization: WorkAuthorization | None = WorkAuthorization.LMIA_EXEMPT_WORK_PERMIT,
) -> Facts:
    return derive(Candidate(job_offers=offers, work_authorization=authorization), on=on)


# -- one offer, each condition -------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"noc": NocCode("65310")}, "NOC 65310 is not a skilled occupation"),
        ({"full_time": False}, "it is not full time"),
        ({"non_seasonal": False}, "it is seasonal"),
        ({"at_least_one_year": False}, "it is for less than one year"),
        ({"lmia": LmiaStatus.NONE}, "neither a positive LMIA nor an LMIA exemption"),
    ],
)
@pytest.mark.parametrize("purpose", list(Purpose))
def test_each_condition_not_met(changes: dict[str, Any], reason: str, purpose: Purpose) -> None:
    result = assess_offer(_facts(attrs.evolve(SOFTWARE, **changes)), 0, purpose)
    assert result.outcome is Outcome.NOT_MET
    assert result.qualifies is False
    assert reason in result.sentence
    assert result.missing == ()
    assert result.policy == "P34"


@pytest.mark.parametrize(
    "field", ["noc", "full_time", "non_seasonal", "at_least_one_year", "lmia"]
)
def test_each_condition_unanswered(field: str) -> None:
    result = assess_offer(_facts(attrs.evolve(SOFTWARE, **{field: None})), 0, Purpose.FSW)
    assert result.outcome is Outcome.UNKNOWN
    assert result.qualifies is None
    assert result.missing == (f"$.job_offers[0].{field}",)
    # Named in words, from the profile format's own description of the field.
    assert f"not answered: {fact_words(f'$.job_offers[0].{field}')}." in result.sentence
    assert "$" not in result.sentence


def test_a_failure_decides_even_with_unanswered_facts() -> None:
    offer = attrs.evolve(SOFTWARE, full_time=False, non_seasonal=None)
    assert assess_offer(_facts(offer), 0, Purpose.FSW).outcome is Outcome.NOT_MET


def test_case_c_lmia_offer_from_abroad() -> None:
    result = arranged_employment(_facts(SOFTWARE, authorization=WorkAuthorization.NONE))
    assert result.outcome is Outcome.MET
    assert result.case is ArrangedEmploymentCase.LMIA_OFFER
    assert result.citation == IRPR_82
    assert "case (c)" in result.sentence


def test_case_a_working_for_the_employer_on_an_lmia_permit() -> None:
    offer = attrs.evolve(SOFTWARE, currently_working_for_employer=True)
    result = arranged_employment(_facts(offer, authorization=WorkAuthorization.LMIA_WORK_PERMIT))
    assert result.case is ArrangedEmploymentCase.LMIA_WORK_PERMIT
    assert result.outcome is Outcome.MET


def test_case_b_lmia_exempt_after_a_year_with_the_employer() -> None:
    result = arranged_employment(_facts(EXEMPT))
    assert result.outcome is Outcome.MET
    assert result.case is ArrangedEmploymentCase.LMIA_EXEMPT_WORK_PERMIT
    assert "case (b)" in result.sentence


@pytest.mark.parametrize(
    ("changes", "authorization", "reason"),
    [
        ({}, WorkAuthorization.NONE, "authorized to work in Canada"),
        ({"currently_working_for_employer": False}, None, "working for that employer now"),
        ({"year_of_full_time_work_with_employer": False}, None, "a year of continuous"),
    ],
)
def test_case_b_conditions_not_met(
    changes: dict[str, Any], authorization: WorkAuthorization | None, reason: str
) -> None:
    offer = attrs.evolve(EXEMPT, **changes)
    result = arranged_employment(_facts(offer, authorization=authorization))
    assert result.outcome is Outcome.NOT_MET
    assert reason in result.sentence


def test_case_b_conditions_unanswered() -> None:
    offer = attrs.evolve(
        EXEMPT, currently_working_for_employer=None, year_of_full_time_work_with_employer=None
    )
    result = arranged_employment(_facts(offer, authorization=None))
    assert result.outcome is Outcome.UNKNOWN
    assert result.missing == (
        "$.work_authorization",
        "$.job_offers[0].currently_working_for_employer",
        "$.job_offers[0].year_of_full_time_work_with_employer",
    )


# -- the CRS class -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("00012", JobOfferClass.SENIOR_MANAGEMENT),
        ("21231", JobOfferClass.OTHER_SKILLED),
        ("0012", JobOfferClass.SENIOR_MANAGEMENT),  # a NOC 2016 code, read through concordance
    ],
)
def test_crs_class(code: str, expected: JobOfferClass) -> None:
    result = crs_job_offer(_facts(attrs.evolve(SOFTWARE, noc=NocCode(code))))
    assert result.job_offer_class is expected
    assert expected.value.replace("_", " ") in result.sentence


def test_no_senior_class_before_2016_11_19() -> None:
    offer = attrs.evolve(SOFTWARE, noc=NocCode("0012"))
    day = SENIOR_MANAGEMENT.change_dates[0]
    before = crs_job_offer(_facts(offer, on=day - timedelta(days=1)))
    on = crs_job_offer(_facts(offer, on=day))
    # Before 2016-11-19 whether the offer is indeterminate is not answered, so it is unknown.
    assert before.outcome is Outcome.UNKNOWN
    assert before.job_offer_class is JobOfferClass.OTHER_SKILLED
    assert on.job_offer_class is JobOfferClass.SENIOR_MANAGEMENT


def test_the_best_class_among_several_offers() -> None:
    senior = attrs.evolve(SOFTWARE, noc=NocCode("00012"))
    result = crs_job_offer(_facts(SOFTWARE, senior))
    assert result.offer_index == 1
    assert result.job_offer_class is JobOfferClass.SENIOR_MANAGEMENT


# -- the effective dates -------------------------------------------------------------------


@pytest.mark.parametrize("change", LMIA_EXEMPT_OFFERS_EARN_CRS_POINTS.change_dates[1:])
def test_lmia_exempt_offers_and_the_crs(change: date) -> None:
    before = crs_job_offer(_facts(EXEMPT, on=change - timedelta(days=1)))
    on = crs_job_offer(_facts(EXEMPT, on=change))
    assert before.outcome is Outcome.NOT_MET
    assert "only from 2016-11-19" in before.sentence
    assert on.outcome is Outcome.MET
    # The FSW grid has always accepted case (b); before 2016-11-19 only the duration is open.
    assert arranged_employment(_facts(EXEMPT, on=change - timedelta(days=1))).outcome is (
        Outcome.UNKNOWN
    )


@pytest.mark.parametrize("change", LMIA_EXEMPT_OFFERS_EARN_CRS_POINTS.change_dates[1:])
def test_the_fsw_takes_case_b_before_2016_11_19_and_says_why(change: date) -> None:
    # rules.md's P34 dates case (b) from 2016-11-19 for the FSW too; the Regulations of the
    # time (IRPR s. 82(2)(b), version of 2013-12-31) already gave it points.
    indeterminate = attrs.evolve(EXEMPT, indeterminate=True)
    before = arranged_employment(_facts(indeterminate, on=change - timedelta(days=1)))
    on = arranged_employment(_facts(indeterminate, on=change))
    assert before.outcome is on.outcome is Outcome.MET
    assert before.case is on.case is ArrangedEmploymentCase.LMIA_EXEMPT_WORK_PERMIT
    assert before.citation == IRPR_82_BEFORE_2016
    assert before.sentence.endswith(
        "(the FSW took this case before 2016-11-19 too: IRPR s. 82(2)(b) as in force from "
        "2013-12-31, which the engine follows over policy P34's date of 2016-11-19)."
    )
    assert on.citation == IRPR_82
    assert "policy P34's date" not in on.sentence
    # The FST's offers follow s. 87.2(3)(d), not s. 82(2)(b): no such words.
    fst = assess_offer(_facts(indeterminate, on=change - timedelta(days=1)), 0, Purpose.FST)
    assert "policy P34's date" not in fst.sentence


@pytest.mark.parametrize("change", OFFER_DURATION.change_dates[1:])
def test_duration_before_and_from_2016_11_19(change: date) -> None:
    assert OFFER_DURATION.at(change - timedelta(days=1)) is OfferDuration.INDETERMINATE
    day_before = change - timedelta(days=1)
    before = arranged_employment(_facts(SOFTWARE, on=day_before))
    assert before.outcome is Outcome.UNKNOWN
    assert before.missing == ("$.job_offers[0].indeterminate",)
    indeterminate = attrs.evolve(SOFTWARE, indeterminate=True)
    assert arranged_employment(_facts(indeterminate, on=day_before)).outcome is Outcome.MET
    fixed_term = attrs.evolve(SOFTWARE, indeterminate=False)
    refused = arranged_employment(_facts(fixed_term, on=day_before))
    assert refused.outcome is Outcome.NOT_MET
    assert "indeterminate employment" in refused.sentence
    assert arranged_employment(_facts(SOFTWARE, on=change)).outcome is Outcome.MET
    assert arranged_employment(_facts(fixed_term, on=change)).outcome is Outcome.MET
    short = attrs.evolve(SOFTWARE, at_least_one_year=False)
    too_short = arranged_employment(_facts(short, on=day_before))
    assert too_short.outcome is Outcome.NOT_MET  # a fixed term under a year: not indeterminate
    assert "less than one year" in too_short.sentence
    # Before 2016-11-19 the duration asked is "indeterminate", instead of "at least one year"
    # (P34): an indeterminate offer qualifies whatever is answered about one year. From
    # 2016-11-19 an indeterminate offer lasts at least one year: it has no end date.
    unasked = attrs.evolve(SOFTWARE, indeterminate=True, at_least_one_year=None)
    assert arranged_employment(_facts(unasked, on=day_before)).outcome is Outcome.MET
    assert arranged_employment(_facts(unasked, on=change)).outcome is Outcome.MET
    neither = attrs.evolve(SOFTWARE, indeterminate=None, at_least_one_year=None)
    assert arranged_employment(_facts(neither, on=change)).missing == (
        "$.job_offers[0].at_least_one_year",
    )
    fixed = attrs.evolve(SOFTWARE, indeterminate=False, at_least_one_year=None)
    assert arranged_employment(_facts(fixed, on=change)).outcome is Outcome.UNKNOWN
    for day in (day_before, change):
        fst = assess_offer(_facts(unasked, on=day), 0, Purpose.FST)
        assert fst.outcome is Outcome.MET  # the FST asks for one year in every era


@pytest.mark.parametrize("change", OFFER_DURATION.change_dates[1:])
def test_the_fst_always_asked_for_one_year(change: date) -> None:
    for day in (change - timedelta(days=1), change):
        result = assess_offer(_facts(SOFTWARE, on=day), 0, Purpose.FST)
        assert result.outcome is Outcome.MET
        assert result.citation == FST_OFFER_DURATION.citation_at(day)
        assert "for at least one year" in result.sentence


@pytest.mark.parametrize("change", SKILLED_OCCUPATIONS.change_dates[1:])
def test_the_noc_switch(change: date) -> None:
    # NOC 2016 7511 (truck drivers, skill level C) became TEER 3 (73300) on 2022-11-16.
    offer = attrs.evolve(SOFTWARE, noc=NocCode("7511"))
    assert arranged_employment(_facts(offer, on=change - timedelta(days=1))).outcome is (
        Outcome.NOT_MET
    )
    assert arranged_employment(_facts(offer, on=change)).outcome is Outcome.MET


def test_a_code_that_straddles_skill_levels_is_unknown() -> None:
    result = arranged_employment(_facts(attrs.evolve(SOFTWARE, noc=NocCode("1123"))))
    assert result.outcome is Outcome.UNKNOWN
    assert result.missing == ("$.job_offers[0].noc",)
    assert "give the code of that version" in result.sentence
    assert crs_job_offer(
        _facts(attrs.evolve(SOFTWARE, noc=NocCode("13201")), on=date(2020, 1, 1))
    ).job_offer_class in (JobOfferClass.OTHER_SKILLED, JobOfferClass.NONE)


# -- several offers, or none ---------------------------------------------------------------


def test_no_offer() -> None:
    result = arranged_employment(_facts())
    assert result.outcome is Outcome.NOT_MET
    assert result.sentence == "No job offer is given."


def test_one_qualifying_offer_among_several_is_enough() -> None:
    bad = attrs.evolve(SOFTWARE, full_time=False)
    result = arranged_employment(_facts(bad, SOFTWARE))
    assert result.outcome is Outcome.MET
    assert result.offer_index == 1


def test_several_undecided_offers_name_every_missing_fact() -> None:
    bad = attrs.evolve(SOFTWARE, full_time=False)
    vague_1 = attrs.evolve(SOFTWARE, non_seasonal=None)
    vague_2 = attrs.evolve(SOFTWARE, noc=NocCode("00012"), lmia=None)
    result = crs_job_offer(_facts(bad, vague_1, vague_2))
    assert result.outcome is Outcome.UNKNOWN
    assert result.missing == ("$.job_offers[1].non_seasonal", "$.job_offers[2].lmia")
    assert result.offer_index is None
    assert result.job_offer_class is JobOfferClass.SENIOR_MANAGEMENT  # at best


def test_several_failing_offers() -> None:
    result = arranged_employment(
        _facts(
            attrs.evolve(SOFTWARE, full_time=False), attrs.evolve(SOFTWARE, lmia=LmiaStatus.NONE)
        )
    )
    assert result.outcome is Outcome.NOT_MET
    assert "Job offer 1" in result.sentence
    assert "Job offer 2" in result.sentence


@given(candidate=candidates(), on=st.dates(date(2015, 1, 1), date(2027, 12, 31)))
def test_never_raises_and_is_consistent(candidate: Candidate, on: date) -> None:
    facts = derive(candidate, on=on)
    for result in (arranged_employment(facts), crs_job_offer(facts)):
        assert result.outcome in (Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN)
        assert result.sentence
        assert bool(result.missing) <= (result.outcome is Outcome.UNKNOWN)
        assert all(path.startswith("$.") for path in result.missing)
        if result.outcome is Outcome.MET:
            assert result.job_offer_class is not JobOfferClass.NONE


@pytest.mark.parametrize("months", [1, 6, 12, 24])
@pytest.mark.parametrize("change", OFFER_DURATION.change_dates[1:])
def test_an_offer_of_a_length_in_months_has_an_end_date(change: date, months: int) -> None:
    # Before 2016-11-19 the offer had to be indeterminate (P34); an offer given a length has an
    # end date, so it earns nothing then, however long it is. From that day a length of 12
    # months or more is enough.
    day_before = change - timedelta(days=1)
    fixed_term = attrs.evolve(
        SOFTWARE, indeterminate=None, at_least_one_year=None, duration_months=months
    )
    before = arranged_employment(_facts(fixed_term, on=day_before))
    assert before.outcome is Outcome.NOT_MET
    length = "1 month" if months == 1 else f"{months} months"  # audit helper-73: "1 months"
    assert f"it is for {length}, so it has an end date, and before 2016-11-19" in (before.sentence)
    assert crs_job_offer(_facts(fixed_term, on=day_before)).outcome is Outcome.NOT_MET
    on = arranged_employment(_facts(fixed_term, on=change))
    assert on.outcome is (Outcome.MET if months >= 12 else Outcome.NOT_MET)
    # Answered as not indeterminate, it fails for that answer alone; the FST asks one year.
    answered = attrs.evolve(fixed_term, indeterminate=False)
    refused = arranged_employment(_facts(answered, on=day_before))
    assert refused.outcome is Outcome.NOT_MET
    assert "so it has an end date" not in refused.sentence
    fst = assess_offer(_facts(fixed_term, on=day_before), 0, Purpose.FST)
    assert fst.outcome is (Outcome.MET if months >= 12 else Outcome.NOT_MET)
