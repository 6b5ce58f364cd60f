"""The education level and Canadian study derived from credentials (policies P21, P29)."""

from __future__ import annotations

from datetime import date

import pytest

from expressentry.dated import EXPRESS_ENTRY_LAUNCH
from expressentry.education import (
    CANADIAN_STUDY_MINIMUM_MONTHS,
    ECA_VALIDITY_YEARS,
    CanadianEducation,
    EducationLevel,
    canadian_education_credit,
    education_level,
)
from expressentry.model import (
    Credential,
    CredentialLevel,
    EcaOrganization,
    EducationalCredentialAssessment,
)

ON = date(2025, 6, 1)
L = CredentialLevel


def canadian(
    level: CredentialLevel,
    completed: date | None = date(2020, 5, 1),
    *,
    years: int | None = None,
    full_time: bool | None = True,
    months: int | None = 24,
) -> Credential:
    return Credential(
        level=level,
        program_years=years,
        country="CA",
        completion_date=completed,
        full_time=full_time,
        months_studied_in_canada=months,
    )


def foreign(
    level: CredentialLevel,
    assessed: CredentialLevel | None,
    issued: date = date(2021, 1, 10),
    *,
    years: int | None = None,
) -> Credential:
    eca = (
        None
        if assessed is None
        else EducationalCredentialAssessment(
            organization=EcaOrganization.WES, issue_date=issued, canadian_equivalent=assessed
        )
    )
    return Credential(
        level=level,
        program_years=years,
        country="IN",
        completion_date=date(2018, 5, 1),
        eca=eca,
    )


def test_levels_are_ordered() -> None:
    levels = list(EducationLevel)
    assert levels == sorted(levels)
    assert [level.rank for level in levels] == list(range(8))
    assert EducationLevel.DOCTORAL >= EducationLevel.MASTERS_OR_PROFESSIONAL
    assert EducationLevel.SECONDARY <= EducationLevel.SECONDARY
    assert EducationLevel.SECONDARY < EducationLevel.ONE_YEAR
    assert not EducationLevel.SECONDARY.post_secondary
    assert EducationLevel.ONE_YEAR.post_secondary
    assert all(EducationLevel.from_credential_level(level).value == level.value for level in L)


def test_no_credentials() -> None:
    derived = education_level((), on=ON)
    assert derived.level is EducationLevel.LESS_THAN_SECONDARY
    assert derived.used == derived.ignored == ()
    assert "crs-criteria" in derived.citation.url


@pytest.mark.parametrize(
    ("credentials", "level"),
    [
        ((canadian(L.SECONDARY),), EducationLevel.SECONDARY),
        ((canadian(L.SECONDARY), canadian(L.TWO_YEAR, years=2)), EducationLevel.TWO_YEAR),
        # Two post-secondary credentials, one of 3+ years → two or more (P29).
        (
            (canadian(L.BACHELORS_OR_THREE_YEAR), canadian(L.ONE_YEAR)),
            EducationLevel.TWO_OR_MORE,
        ),
        # Two post-secondary credentials, none of 3 years → the highest only.
        ((canadian(L.ONE_YEAR), canadian(L.TWO_YEAR)), EducationLevel.TWO_YEAR),
        # A master's with a bachelor's: the master's ranks higher than "two or more".
        (
            (canadian(L.BACHELORS_OR_THREE_YEAR), canadian(L.MASTERS_OR_PROFESSIONAL)),
            EducationLevel.MASTERS_OR_PROFESSIONAL,
        ),
        # A master's ranks above "two or more", whatever the length of its program.
        (
            (canadian(L.ONE_YEAR), canadian(L.MASTERS_OR_PROFESSIONAL, years=3)),
            EducationLevel.MASTERS_OR_PROFESSIONAL,
        ),
        # A secondary diploma does not make "two or more".
        (
            (canadian(L.SECONDARY), canadian(L.BACHELORS_OR_THREE_YEAR)),
            EducationLevel.BACHELORS_OR_THREE_YEAR,
        ),
        # The ECA's equivalent is the level, not the foreign title (P21).
        (
            (foreign(L.MASTERS_OR_PROFESSIONAL, L.BACHELORS_OR_THREE_YEAR),),
            EducationLevel.BACHELORS_OR_THREE_YEAR,
        ),
        # A foreign credential without an ECA does not count.
        ((foreign(L.DOCTORAL, None), canadian(L.SECONDARY)), EducationLevel.SECONDARY),
        # Foreign (with ECA) and Canadian credentials combine for "two or more".
        (
            (foreign(L.BACHELORS_OR_THREE_YEAR, L.BACHELORS_OR_THREE_YEAR), canadian(L.ONE_YEAR)),
            EducationLevel.TWO_OR_MORE,
        ),
        # A foreign 3-year program its ECA assesses as two-year is a two-year credential: with
        # another post-secondary one it does not make "two or more" (P21, P29).
        (
            (
                foreign(L.BACHELORS_OR_THREE_YEAR, L.TWO_YEAR, years=3),
                foreign(L.ONE_YEAR, L.ONE_YEAR, years=1),
            ),
            EducationLevel.TWO_YEAR,
        ),
        (
            (foreign(L.BACHELORS_OR_THREE_YEAR, L.TWO_YEAR, years=4), canadian(L.ONE_YEAR)),
            EducationLevel.TWO_YEAR,
        ),
        # A foreign master's assessed as a bachelor's is a 3-year credential.
        (
            (foreign(L.MASTERS_OR_PROFESSIONAL, L.BACHELORS_OR_THREE_YEAR), canadian(L.ONE_YEAR)),
            EducationLevel.TWO_OR_MORE,
        ),
        # An incomplete credential never counts.
        ((canadian(L.DOCTORAL, None), canadian(L.ONE_YEAR)), EducationLevel.ONE_YEAR),
        # Nor one completed after the evaluation date.
        ((canadian(L.DOCTORAL, date(2025, 6, 2)),), EducationLevel.LESS_THAN_SECONDARY),
    ],
)
def test_education_level(credentials: tuple[Credential, ...], level: EducationLevel) -> None:
    assert education_level(credentials, on=ON).level is level


def test_reasons_for_ignored_credentials() -> None:
    credentials = (
        canadian(L.DOCTORAL, None),
        canadian(L.DOCTORAL, date(2025, 7, 1)),
        foreign(L.MASTERS_OR_PROFESSIONAL, None),
        foreign(L.MASTERS_OR_PROFESSIONAL, L.MASTERS_OR_PROFESSIONAL, date(2025, 7, 1)),
        foreign(L.MASTERS_OR_PROFESSIONAL, L.MASTERS_OR_PROFESSIONAL, date(2020, 6, 1)),
        canadian(L.SECONDARY),
    )
    derived = education_level(credentials, on=ON)
    assert derived.level is EducationLevel.SECONDARY
    assert derived.explanation == (
        "Highest recognized credential: secondary diploma (CA, completed 2020-05-01)."
    )
    assert [use.reason for use in derived.ignored] == [
        "not completed",
        "completed only on 2025-07-01, after 2025-06-01",
        "foreign credential without an educational credential assessment",
        "its assessment is issued only on 2025-07-01",
        "its assessment (issued 2020-06-01) expired on 2025-06-01",
    ]
    assert [use.index for use in derived.ignored] == [0, 1, 2, 3, 4]


def test_eca_valid_five_years_from_issue() -> None:
    credential = foreign(L.DOCTORAL, L.DOCTORAL, date(2020, 2, 29))
    assert ECA_VALIDITY_YEARS.at(ON) == 5
    # 29 February + 5 years falls on 28 February (calendar arithmetic).
    last_day = education_level((credential,), on=date(2025, 2, 27))
    assert last_day.level is EducationLevel.DOCTORAL
    assert last_day.used[0].reason == (
        "foreign credential assessed by WES on 2020-02-29 as doctoral degree"
    )
    expired = education_level((credential,), on=date(2025, 2, 28))
    assert expired.level is EducationLevel.LESS_THAN_SECONDARY


def test_two_or_more_explains_the_credentials_used() -> None:
    credentials = (
        canadian(L.SECONDARY),
        canadian(L.BACHELORS_OR_THREE_YEAR, date(2019, 5, 1)),
        canadian(L.ONE_YEAR, date(2020, 5, 1)),
    )
    derived = education_level(credentials, on=ON)
    assert derived.level is EducationLevel.TWO_OR_MORE
    assert [use.index for use in derived.used] == [1, 2]
    assert [use.index for use in derived.ignored] == [0]


@pytest.mark.parametrize(
    ("credentials", "credit", "unconfirmed"),
    [
        ((), CanadianEducation.NONE, CanadianEducation.NONE),
        ((canadian(L.SECONDARY),), CanadianEducation.NONE, CanadianEducation.NONE),
        ((canadian(L.ONE_YEAR),), CanadianEducation.ONE_OR_TWO_YEAR, CanadianEducation.NONE),
        ((canadian(L.TWO_YEAR),), CanadianEducation.ONE_OR_TWO_YEAR, CanadianEducation.NONE),
        (
            (canadian(L.BACHELORS_OR_THREE_YEAR),),
            CanadianEducation.THREE_YEAR_OR_MORE,
            CanadianEducation.NONE,
        ),
        (
            (canadian(L.DOCTORAL), canadian(L.ONE_YEAR)),
            CanadianEducation.THREE_YEAR_OR_MORE,
            CanadianEducation.NONE,
        ),
        # Foreign study earns nothing here, ECA or not.
        (
            (foreign(L.DOCTORAL, L.DOCTORAL),),
            CanadianEducation.NONE,
            CanadianEducation.NONE,
        ),
        # Not completed, or completed after the date: nothing.
        ((canadian(L.DOCTORAL, None),), CanadianEducation.NONE, CanadianEducation.NONE),
        (
            (canadian(L.DOCTORAL, date(2026, 1, 1)),),
            CanadianEducation.NONE,
            CanadianEducation.NONE,
        ),
        # Part-time, or fewer than 8 months in Canada: nothing.
        (
            (canadian(L.DOCTORAL, full_time=False),),
            CanadianEducation.NONE,
            CanadianEducation.NONE,
        ),
        ((canadian(L.DOCTORAL, months=7),), CanadianEducation.NONE, CanadianEducation.NONE),
        (
            (canadian(L.ONE_YEAR, months=8),),
            CanadianEducation.ONE_OR_TWO_YEAR,
            CanadianEducation.NONE,
        ),
        # Unknown conditions: unconfirmed, never silently a no.
        (
            (canadian(L.DOCTORAL, full_time=None),),
            CanadianEducation.NONE,
            CanadianEducation.THREE_YEAR_OR_MORE,
        ),
        (
            (canadian(L.ONE_YEAR), canadian(L.DOCTORAL, months=None)),
            CanadianEducation.ONE_OR_TWO_YEAR,
            CanadianEducation.THREE_YEAR_OR_MORE,
        ),
        # A confirmed class at least as high makes a pending one moot.
        (
            (canadian(L.MASTERS_OR_PROFESSIONAL, full_time=None), canadian(L.DOCTORAL)),
            CanadianEducation.THREE_YEAR_OR_MORE,
            CanadianEducation.NONE,
        ),
        (
            (canadian(L.ONE_YEAR, full_time=None), canadian(L.TWO_YEAR, months=None)),
            CanadianEducation.NONE,
            CanadianEducation.ONE_OR_TWO_YEAR,
        ),
    ],
)
def test_canadian_education_credit(
    credentials: tuple[Credential, ...],
    credit: CanadianEducation,
    unconfirmed: CanadianEducation,
) -> None:
    result = canadian_education_credit(credentials, on=ON)
    assert (result.credit, result.unconfirmed) == (credit, unconfirmed)
    assert (result.credential is None) == (credit is CanadianEducation.NONE)


def test_canadian_education_explanations() -> None:
    assert CANADIAN_STUDY_MINIMUM_MONTHS.at(EXPRESS_ENTRY_LAUNCH) == 8
    none = canadian_education_credit((), on=ON)
    assert none.explanation == (
        "No Canadian post-secondary credential with confirmed full-time study."
    )
    pending = canadian_education_credit(
        (canadian(L.ONE_YEAR), canadian(L.DOCTORAL, full_time=None)), on=ON
    )
    assert pending.explanation == (
        "Canadian study: a Canadian one- or two-year diploma or certificate. Unconfirmed: a "
        "Canadian credential of 3 years or more, or a master's, professional or doctoral "
        "degree (completed 2020-05-01) would count if studied full time in Canada for at "
        "least 8 months (full-time study not answered)."
    )
    months = canadian_education_credit((canadian(L.DOCTORAL, months=None),), on=ON)
    assert "(months not answered)" in months.explanation


def test_the_unanswered_conditions_of_the_credential_pending_are_named_by_path() -> None:
    both = canadian_education_credit(
        (canadian(L.ONE_YEAR), canadian(L.DOCTORAL, full_time=None, months=None)), on=ON
    )
    assert both.unanswered == (
        "$.education[1].full_time",
        "$.education[1].months_studied_in_canada",
    )
    months = canadian_education_credit((canadian(L.DOCTORAL, months=None),), on=ON)
    assert months.unanswered == ("$.education[0].months_studied_in_canada",)
    # A lower credential pending beside a confirmed higher one asks nothing.
    lower = canadian_education_credit(
        (canadian(L.DOCTORAL), canadian(L.ONE_YEAR, full_time=None)), on=ON
    )
    assert (lower.unconfirmed, lower.unanswered) == (CanadianEducation.NONE, ())
    assert CanadianEducation.THREE_YEAR_OR_MORE.rank == 2


def test_a_canadian_education_credit_compares_prints_and_pickles() -> None:
    import pickle

    credentials = (canadian(L.ONE_YEAR), canadian(L.DOCTORAL, full_time=None))
    read, unread = (canadian_education_credit(credentials, on=ON) for _ in range(2))
    assert read.explanation.startswith("Canadian study: ")
    assert read == unread
    assert repr(read) == repr(unread)
    assert "Unconfirmed: " in repr(unread)
    copied = pickle.loads(pickle.dumps(canadian_education_credit(credentials, on=ON)))
    assert copied == read
    assert copied.explanation == read.explanation
