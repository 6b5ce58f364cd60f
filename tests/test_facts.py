"""Derived facts: computed once, three-valued where answers are missing."""

from __future__ import annotations

from datetime import date

import pytest

from expressentry.exceptions import NotInForce
from expressentry.experience import CRS_CANADIAN
from expressentry.facts import derive
from expressentry.model import (
    Candidate,
    MaritalStatus,
    Spouse,
    WorkAuthorization,
    WorkHistory,
    WorkPeriod,
)
from expressentry.noc import NocCode

ON = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(1990, 11, 29), date(2026, 11, 28), 35),
        (date(1990, 11, 29), date(2026, 11, 29), 36),
        (date(2000, 2, 29), date(2026, 2, 28), 25),  # P13: the birthday falls on 1 March
        (date(2000, 2, 29), date(2026, 3, 1), 26),
        (date(2000, 2, 29), date(2024, 2, 29), 24),
        (date(2000, 2, 29), date(2024, 2, 28), 23),
    ],
)
def test_age_in_whole_years(born, on, age):
    assert derive(Candidate(birth_date=born), on=on).age == age


def test_age_unknown_without_a_birth_date():
    assert derive(Candidate(), on=ON).age is None


def test_dates_before_express_entry_are_not_in_force():
    with pytest.raises(NotInForce, match="2014-12-31"):
        derive(Candidate(), on=date(2014, 12, 31))
    assert derive(Candidate(), on=date(2015, 1, 1)).on == date(2015, 1, 1)


@pytest.mark.parametrize(
    ("status", "spouse", "counts"),
    [
        (None, None, None),
        (MaritalStatus.NEVER_MARRIED, None, False),
        (MaritalStatus.MARRIED, None, None),
        (MaritalStatus.MARRIED, Spouse(), None),
        (MaritalStatus.MARRIED, Spouse(canadian_citizen_or_pr=True), False),
        (MaritalStatus.MARRIED, Spouse(accompanying=False), False),
        (MaritalStatus.MARRIED, Spouse(canadian_citizen_or_pr=False), None),
        (MaritalStatus.COMMON_LAW, Spouse(canadian_citizen_or_pr=False, accompanying=True), True),
    ],
)
def test_spouse_counts_p12(status, spouse, counts):
    facts = derive(Candidate(marital_status=status, spouse=spouse), on=ON)
    assert facts.spouse_counts is counts


@pytest.mark.parametrize(
    ("status", "children", "size"),
    [
        (None, 0, None),
        (MaritalStatus.NEVER_MARRIED, None, None),
        (MaritalStatus.NEVER_MARRIED, 0, 1),
        (MaritalStatus.DIVORCED, 2, 3),
        # P14: a partner counts even when a Canadian citizen or not coming
        (MaritalStatus.MARRIED, 1, 3),
    ],
)
def test_family_size_p14(status, children, size):
    candidate = Candidate(
        marital_status=status,
        dependent_children=children,
        spouse=Spouse(canadian_citizen_or_pr=True) if status is MaritalStatus.MARRIED else None,
    )
    assert derive(candidate, on=ON).family_size == size


@pytest.mark.parametrize(
    ("authorization", "authorized"),
    [
        (None, None),
        (WorkAuthorization.NONE, False),
        (WorkAuthorization.LMIA_WORK_PERMIT, True),
    ],
)
def test_authorized_to_work(authorization, authorized):
    facts = derive(Candidate(work_authorization=authorization), on=ON)
    assert facts.authorized_to_work is authorized


def nurse_history() -> WorkHistory:
    return WorkHistory(
        periods=(
            WorkPeriod(
                noc=NocCode("31301"),
                country="CA",
                start=date(2023, 1, 9),
                hours_per_week=37.5,
                paid=True,
                self_employed=False,
                full_time_student=False,
                authorized=True,
            ),
        )
    )


def test_experience_is_computed_once_per_query():
    facts = derive(Candidate(work_history=nurse_history()), on=ON)
    first = facts.experience(CRS_CANADIAN)
    assert facts.experience(CRS_CANADIAN) is first
    assert first.years == 3
    assert facts.ledger is facts.ledger
    nurse = NocCode("31301")
    in_nursing = facts.experience(CRS_CANADIAN, nurse)
    assert facts.experience(CRS_CANADIAN, nurse) is in_nursing
    assert in_nursing.occupation == nurse


def test_the_spouse_facts():
    spouse = Spouse(work_history=nurse_history())
    facts = derive(Candidate(marital_status=MaritalStatus.MARRIED, spouse=spouse), on=ON)
    experience = facts.spouse_experience(CRS_CANADIAN)
    assert experience is not None
    assert experience.years == 3
    assert facts.spouse_experience(CRS_CANADIAN) is experience
    assert facts.spouse_languages is not None
    assert facts.spouse_education is not None
    single = derive(Candidate(), on=ON)
    assert single.spouse_experience(CRS_CANADIAN) is None
    assert single.spouse_languages is None
    assert single.spouse_education is None
    assert single.spouse_ledger is None


def test_languages_and_education_are_derived():
    facts = derive(Candidate(), on=ON)
    assert facts.languages.first is None
    assert facts.education.level.value
    assert facts.canadian_education.credential is None


def test_a_module_s_derived_fact_is_kept():
    calls = []

    def grid(facts):
        calls.append(facts)
        return len(calls)

    facts = derive(Candidate(), on=ON)
    assert facts.kept(grid) == 1
    assert facts.kept(grid) == 1
    assert calls == [facts]


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (date(2022, 1, 31), 0),  # the day before the birth date
        (date(2017, 6, 6), 0),  # years before it
        (date(2022, 2, 1), 0),  # the birth date itself
        (date(2023, 2, 1), 1),
    ],
)
def test_age_is_zero_before_the_birth_date(on, age):
    # A valid profile may be evaluated on a date before the birth date (no clock says the
    # birth date is in the future): the age is 0, never negative.
    assert derive(Candidate(birth_date=date(2022, 2, 1)), on=on).age == age
