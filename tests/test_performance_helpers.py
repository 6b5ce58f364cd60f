"""The helpers and shortcuts of the fast derived-facts path give what the slow path gave.

Each shortcut (calendar arithmetic without dateutil, memoized conversions, explanations written
only when read) is checked against the plain computation it replaces.
"""

from __future__ import annotations

import pickle
from datetime import date, timedelta
from fractions import Fraction

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from expressentry.crs import CrsResult, crs_factors, crs_for, score
from expressentry.dated import add_days, add_years
from expressentry.education import CredentialUse, DerivedEducation, education_level
from expressentry.experience import CRS_CANADIAN, Ledger
from expressentry.experience.ledger import _UNITS_PER_HOUR, Reason, _Explainer
from expressentry.facts import Facts, derive
from expressentry.language import (
    LEVEL_CHARTS,
    Ability,
    Language,
    LanguageLevels,
    OfficialLanguages,
    TestKind,
    levels_of,
    official_languages,
)
from expressentry.model import (
    AbilityScores,
    Candidate,
    Credential,
    CredentialLevel,
    LanguageTest,
    MaritalStatus,
    NocCode,
    WorkHistory,
    WorkPeriod,
)

ON = date(2026, 6, 1)


# -- calendar years ----------------------------------------------------------------------------


@given(st.dates(), st.integers(min_value=-30, max_value=30))
def test_add_years_is_relativedelta(day: date, years: int) -> None:
    try:
        expected = day + relativedelta(years=years)
    except ValueError:  # the year leaves 1-9999: the calendar's last (or first) day
        expected = date.max if years > 0 else date.min
    assert add_years(day, years) == expected


def test_add_years_stays_within_the_calendar() -> None:
    assert add_years(date(9998, 6, 1), 2) == date.max
    assert add_years(date(5, 6, 1), -10) == date.min
    assert add_years(date(9999, 12, 31), 0) == date.max


@given(st.dates(), st.integers(min_value=0, max_value=4000))
def test_add_days_stops_at_the_calendar_s_last_day(day: date, days: int) -> None:
    try:
        expected = day + timedelta(days=days)
    except OverflowError:
        expected = date.max
    assert add_days(day, days) == expected


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2024, 2, 29), 1, date(2025, 2, 28)),
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2024, 2, 29), -1, date(2023, 2, 28)),
        (date(2023, 3, 1), 1, date(2024, 3, 1)),
    ],
)
def test_add_years_on_29_february(day: date, years: int, expected: date) -> None:
    assert add_years(day, years) == expected == day + relativedelta(years=years)


# -- language ----------------------------------------------------------------------------------


def _test(kind: TestKind, scores: tuple[float, float, float, float], taken: date) -> LanguageTest:
    listening, reading, writing, speaking = scores
    return LanguageTest(
        kind=kind,
        test_date=taken,
        scores=AbilityScores(
            listening=listening, reading=reading, writing=writing, speaking=speaking
        ),
    )


# Every score of each scale, for the kinds whose scales do not change.
_SCORES: dict[TestKind, list[float]] = {
    TestKind.IELTS_GENERAL_TRAINING: [band / 2 for band in range(19)],
    TestKind.CELPIP_GENERAL: list(range(13)),
    TestKind.TCF_CANADA: list(range(21)),
}


@st.composite
def _kind_scores_date(
    draw: st.DrawFn,
) -> tuple[TestKind, tuple[float, float, float, float], date]:
    kind = draw(st.sampled_from(sorted(_SCORES, key=lambda kind: kind.value)))
    score = st.sampled_from(_SCORES[kind])
    scores = (draw(score), draw(score), draw(score), draw(score))
    return kind, scores, draw(st.dates(min_value=date(2015, 1, 1), max_value=ON))


@given(_kind_scores_date())
def test_memoized_levels_are_the_chart_levels(
    case: tuple[TestKind, tuple[float, float, float, float], date],
) -> None:
    kind, scores, taken = case
    chart = LEVEL_CHARTS[kind].at(taken)
    levels = levels_of(_test(kind, scores, taken))
    assert levels.four == tuple(
        chart.level(ability, score) for ability, score in zip(Ability, scores, strict=True)
    )


def test_language_notes_written_when_read_equal_notes_given() -> None:
    english = _test(TestKind.CELPIP_GENERAL, (9, 9, 9, 9), date(2025, 9, 1))
    french = _test(TestKind.TCF_CANADA, (549, 549, 16, 16), date(2025, 6, 1))
    lazy = official_languages((english, french), ON)
    eager = OfficialLanguages(
        on=lazy.on,
        first_language=lazy.first_language,
        declared=lazy.declared,
        first=lazy.first,
        second=lazy.second,
        tests=lazy.tests,
        notes=official_languages((english, french), ON).notes,
    )
    assert lazy == eager
    assert hash(lazy) == hash(eager)
    assert lazy.notes is lazy.notes  # written once
    assert repr(lazy) == repr(eager)
    assert repr(lazy).startswith("OfficialLanguages(on=datetime.date(2026, 6, 1), first_language=")
    assert repr(lazy).endswith(f"notes={lazy.notes!r})")


# -- CRS ---------------------------------------------------------------------------------------


def test_crs_notes_written_when_read_equal_notes_given() -> None:
    candidate = Candidate(
        birth_date=date(1990, 1, 1),
        marital_status=MaritalStatus.NEVER_MARRIED,
        language_tests=(_test(TestKind.CELPIP_GENERAL, (9, 9, 9, 9), date(2025, 9, 1)),),
    )
    lazy = crs_for(candidate, on=ON)
    factors, notes = crs_factors(derive(candidate, on=ON))
    eager = score(factors, on=ON, notes=notes)
    assert isinstance(eager, CrsResult)
    assert lazy == eager
    assert hash(lazy) == hash(eager)
    assert lazy.notes == notes
    assert lazy.notes is lazy.notes  # written once
    assert repr(lazy) == repr(eager)
    assert repr(lazy).startswith("CrsResult(total=")
    assert repr(lazy).endswith(f"notes={notes!r})")


# -- derived facts -----------------------------------------------------------------------------


def test_facts_are_computed_once_and_documented() -> None:
    # The facts computed when first read keep their documentation on the class.
    assert Facts.languages.__doc__ is not None
    assert Facts.languages.__doc__.startswith("The first and second official languages")
    facts = derive(
        Candidate(birth_date=date(1990, 1, 1), marital_status=MaritalStatus.NEVER_MARRIED),
        on=ON,
    )
    assert facts.languages is facts.languages
    assert facts.age == 36


@given(st.integers(min_value=0, max_value=10**12))
def test_hours_as_a_float_from_units(units: int) -> None:
    """The CRS reads the ledger's units: the same float as the hours' Fraction gives."""
    assert units / _UNITS_PER_HOUR == float(Fraction(units) / _UNITS_PER_HOUR)


# -- the work-experience ledger ----------------------------------------------------------------


# -- education ---------------------------------------------------------------------------------


def test_education_sentences_written_when_read_equal_sentences_given() -> None:
    degree = Credential(
        level=CredentialLevel.BACHELORS_OR_THREE_YEAR,
        country="CA",
        completion_date=date(2019, 5, 1),
    )
    lazy = education_level((degree,), on=ON)
    (use,) = lazy.used
    eager = DerivedEducation(
        level=lazy.level,
        used=(
            CredentialUse(
                index=0,
                credential=degree,
                level=use.level,
                reason=education_level((degree,), on=ON).used[0].reason,
            ),
        ),
        ignored=(),
        explanation=education_level((degree,), on=ON).explanation,
        citation=lazy.citation,
    )
    assert lazy == eager
    assert hash(lazy) == hash(eager)
    assert repr(lazy) == repr(eager)
    assert repr(lazy).startswith(
        "DerivedEducation(level=<EducationLevel.BACHELORS_OR_THREE_YEAR: "
        "'bachelors_or_three_year'>, used=(CredentialUse(index=0, credential=Credential("
    )
    assert repr(lazy).endswith(
        "reason=\"Canadian credential: bachelor's degree or 3-year program (CA, completed "
        '2019-05-01)"),), ignored=(), explanation="Highest recognized credential: '
        "bachelor's degree or 3-year program (CA, completed 2019-05-01).\", citation="
        f"{lazy.citation!r})"
    )
    assert lazy.explanation is lazy.explanation  # written once


def test_every_exclusion_phrase_is_the_one_it_was() -> None:
    """Only the phrase asked for is formatted now; each reads as it always did."""
    period = WorkPeriod(
        noc=NocCode("21231"), country="CA", start=date(2023, 1, 1), hours_per_week=40
    )
    experience = Ledger.of(WorkHistory(periods=(period,)), ON).measure(
        CRS_CANADIAN, NocCode("21211")
    )
    explainer = _Explainer(experience)
    job = experience.ledger._jobs[0]
    label = experience.ledger.version.label
    expected = {
        Reason.AFTER_EVALUATION_DATE: "it starts after 2026-06-01",
        Reason.OUTSIDE_WINDOW: "it ended before 2016-06-01, outside the 10-year window",
        Reason.OUTSIDE_CANADA: "it was outside Canada and only work in Canada counts here",
        Reason.IN_CANADA: "it was in Canada and only work outside Canada counts here",
        Reason.UNPAID: "it was unpaid",
        Reason.UNAUTHORIZED: "it was done without authorization to work in Canada",
        Reason.SELF_EMPLOYED: "it was self-employment",
        Reason.FULL_TIME_STUDENT: "it was done while a full-time student",
        Reason.UNSKILLED: "NOC 21231 is not a skilled occupation (TEER 0 to 3, or skill type 0 "
        f"or level A or B) in {label}",
        Reason.NOT_A_TRADE: f"NOC 21231 is not a skilled trade in {label}",
        Reason.NOT_TEER_2_OR_3: f"NOC 21231 is not TEER 2 or 3 (or skill level B) in {label}",
        Reason.OTHER_OCCUPATION: "NOC 21231 is another occupation than NOC 21211",
    }
    assert {reason: explainer._phrase(job, reason) for reason in expected} == expected
    with pytest.raises(KeyError):
        explainer._phrase(job, Reason.OVER_WEEKLY_CAP)


@given(
    st.sampled_from(Language),
    st.tuples(*[st.integers(min_value=0, max_value=12)] * 4),
)
def test_levels_in_words_name_the_abilities_in_order(
    language: Language, four: tuple[int, int, int, int]
) -> None:
    listening, reading, writing, speaking = four
    levels = LanguageLevels(
        language=language, listening=listening, reading=reading, writing=writing, speaking=speaking
    )
    parts = ", ".join(
        f"{ability.value[0].upper()} {levels.of(ability) or 'below 4'}" for ability in Ability
    )
    assert str(levels) == f"{levels.benchmark} {parts}"


# -- results written lazily still pickle -------------------------------------------------------


def test_results_with_unwritten_explanations_pickle_as_written() -> None:
    candidate = Candidate(
        birth_date=date(1990, 1, 1),
        marital_status=MaritalStatus.NEVER_MARRIED,
        language_tests=(_test(TestKind.CELPIP_GENERAL, (9, 9, 9, 9), date(2025, 9, 1)),),
        education=(
            Credential(
                level=CredentialLevel.BACHELORS_OR_THREE_YEAR,
                country="CA",
                completion_date=date(2019, 5, 1),
            ),
        ),
    )
    facts = derive(candidate, on=ON)
    result, languages, education = crs_for(candidate, on=ON), facts.languages, facts.education
    use = education.used[0]
    copied_result, copied_languages, copied_education, copied_use = (
        pickle.loads(pickle.dumps(lazy)) for lazy in (result, languages, education, use)
    )
    assert (copied_result, copied_languages) == (result, languages)
    assert (copied_education, copied_use) == (education, use)
    assert copied_result.notes == result.notes
    assert copied_languages.notes == languages.notes
    assert copied_education.explanation == education.explanation
    assert copied_use.reason == use.reason
