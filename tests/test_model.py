"""Construction-time validation of the domain types: every problem, by path, at once."""

from __future__ import annotations

import math
from datetime import date, datetime, timezone

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from expressentry import strategies
from expressentry.exceptions import ProfileError
from expressentry.model import (
    AbilityScores,
    Candidate,
    CertificateOfQualification,
    Credential,
    CredentialLevel,
    EcaOrganization,
    EducationalCredentialAssessment,
    JobOffer,
    LanguageTest,
    MaritalStatus,
    Province,
    ProvincialNomination,
    Spouse,
    TestKind,
    TravelDocument,
    WorkAuthorization,
    WorkHistory,
    WorkPeriod,
)
from expressentry.noc import NocCode

IELTS_SCORES = AbilityScores(listening=8.0, reading=7.0, writing=7.0, speaking=7.0)


def problems(exc_info: pytest.ExceptionInfo[ProfileError]) -> dict[str, str]:
    return dict(exc_info.value.problems)


def period(**changes: object) -> WorkPeriod:
    fields: dict[str, object] = {
        "noc": NocCode("21231"),
        "country": "CA",
        "start": date(2020, 1, 1),
        "hours_per_week": 40,
    }
    fields.update(changes)
    return WorkPeriod(**fields)  # type: ignore[arg-type]


def test_an_empty_candidate_is_valid_and_answers_nothing():
    candidate = Candidate()
    assert candidate.birth_date is None
    assert candidate.spouse is None
    assert candidate.work_history is None  # not answered, which is not "no work"
    assert Candidate(work_history=WorkHistory()).work_history != candidate.work_history


def test_types_are_frozen_and_keyword_only():
    with pytest.raises(AttributeError):
        Candidate().birth_date = date(1990, 1, 1)  # type: ignore[misc]
    with pytest.raises(TypeError):
        AbilityScores(8.0, 7.0, 7.0, 7.0)  # type: ignore[misc]


def test_scores_out_of_scale_are_reported_per_ability():
    with pytest.raises(ProfileError) as caught:
        LanguageTest(
            kind=TestKind.CELPIP_GENERAL,
            test_date=date(2024, 5, 1),
            result_date=date(2024, 4, 1),
            registration_number=" ",
            scores=AbilityScores(listening=13, reading=7.5, writing=7, speaking=-1),
        )
    assert problems(caught) == {
        "$.result_date": "the result date 2024-04-01 is before the test date 2024-05-01",
        "$.registration_number": "must not be empty (leave it out if it is not known)",
        "$.scores.listening": "13 is not a CELPIP-General listening score "
        "(a whole number from 0 to 12)",
        "$.scores.reading": "7.5 is not a CELPIP-General reading score "
        "(a whole number from 0 to 12)",
        # Below every test's scale: the same words whatever the kind (which may be wrong).
        "$.scores.speaking": "-1 is below 0, the lowest score of every accepted test",
    }


def test_a_score_must_be_a_finite_number():
    with pytest.raises(ProfileError) as caught:
        AbilityScores(listening=float("nan"), reading=float("inf"), writing=7, speaking=7)
    assert set(problems(caught)) == {"$.listening", "$.reading"}
    with pytest.raises(ProfileError) as caught:
        AbilityScores(listening=7, reading=True, writing="7", speaking=7)  # type: ignore[arg-type]
    assert problems(caught) == {
        "$.reading": "expected a number, got True",
        "$.writing": "expected a number, got '7'",
    }


@pytest.mark.parametrize(
    ("test_date", "reading", "ok"),
    [
        (date(2019, 9, 30), 300, True),
        (date(2019, 9, 30), 301, False),
        (date(2019, 10, 1), 300, True),
        (date(2019, 10, 1), 301, False),
        (date(2025, 1, 1), 699, False),  # the score out of 699: not Express Entry's (P3)
    ],
)
def test_the_tef_scale_is_the_ancien_score_whatever_the_test_date(test_date, reading, ok):
    scores = AbilityScores(listening=200, reading=reading, writing=300, speaking=300)
    if ok:
        LanguageTest(kind=TestKind.TEF_CANADA, test_date=test_date, scores=scores)
    else:
        with pytest.raises(ProfileError, match="Équivalence ancien score"):
            LanguageTest(kind=TestKind.TEF_CANADA, test_date=test_date, scores=scores)


def test_the_language_of_a_test():
    test = LanguageTest(
        kind=TestKind.IELTS_GENERAL_TRAINING, test_date=date(2025, 1, 1), scores=IELTS_SCORES
    )
    assert test.language.value == "english"


@pytest.mark.parametrize("hours", [0, -5, 168.5, float("inf")])
def test_hours_per_week_must_be_in_0_to_168(hours):
    with pytest.raises(ProfileError, match=r"hours a week is not possible"):
        period(hours_per_week=hours)


@pytest.mark.parametrize("hours", [0.5, 30, 168])
def test_hours_per_week_at_the_edges(hours):
    assert period(hours_per_week=hours).hours_per_week == hours


def test_a_job_cannot_end_before_it_starts_and_every_problem_is_listed():
    with pytest.raises(ProfileError) as caught:
        period(end=date(2019, 12, 31), country="XX", job_title="", employer="  ")
    assert set(problems(caught)) == {"$.end", "$.country", "$.job_title", "$.employer"}


def test_a_list_holds_at_most_1000_items_as_in_a_profile():
    # The bound of from_dict (input audit, helper-75), kept by the model itself, so that
    # every candidate built in Python round-trips through JSON.
    jobs = (period(),) * 1000
    assert len(WorkHistory(periods=jobs).periods) == 1000
    with pytest.raises(ProfileError) as caught:
        WorkHistory(periods=(*jobs, period()))
    assert problems(caught) == {"$.periods": "expected at most 1,000 items, got 1,001"}
    with pytest.raises(ProfileError) as caught:
        Candidate(job_offers=("not an offer",) * 1001)  # type: ignore[arg-type]
    assert problems(caught) == {"$.job_offers": "expected at most 1,000 items, got 1,001"}


def test_a_one_day_job_is_fine():
    assert period(end=date(2020, 1, 1)).end == date(2020, 1, 1)


def test_in_canada():
    assert period().in_canada
    assert not period(country="FR").in_canada


def eca(**changes: object) -> EducationalCredentialAssessment:
    fields: dict[str, object] = {
        "organization": EcaOrganization.WES,
        "issue_date": date(2024, 1, 1),
        "canadian_equivalent": CredentialLevel.MASTERS_OR_PROFESSIONAL,
    }
    fields.update(changes)
    return EducationalCredentialAssessment(**fields)  # type: ignore[arg-type]


def test_a_canadian_credential_needs_no_eca():
    with pytest.raises(ProfileError) as caught:
        Credential(level=CredentialLevel.DOCTORAL, country="CA", eca=eca())
    assert problems(caught) == {
        "$.eca": "a Canadian credential needs no educational credential assessment"
    }


def test_an_eca_cannot_predate_the_credential():
    with pytest.raises(ProfileError, match="predates the completion"):
        Credential(
            level=CredentialLevel.MASTERS_OR_PROFESSIONAL,
            country="IN",
            completion_date=date(2024, 6, 1),
            eca=eca(issue_date=date(2024, 5, 31)),
        )
    same_day = Credential(
        level=CredentialLevel.MASTERS_OR_PROFESSIONAL,
        country="IN",
        completion_date=date(2024, 6, 1),
        eca=eca(issue_date=date(2024, 6, 1)),
    )
    assert not same_day.canadian


def test_an_eca_reference_cannot_be_blank():
    with pytest.raises(ProfileError, match=r"\$\.reference"):
        eca(reference="")


@pytest.mark.parametrize(
    ("level", "years", "ok"),
    [
        (CredentialLevel.ONE_YEAR, 1, True),
        (CredentialLevel.ONE_YEAR, 2, False),
        (CredentialLevel.TWO_YEAR, 1, False),
        (CredentialLevel.TWO_YEAR, 2, True),
        (CredentialLevel.TWO_YEAR, 3, False),
        (CredentialLevel.BACHELORS_OR_THREE_YEAR, 2, False),
        (CredentialLevel.BACHELORS_OR_THREE_YEAR, 3, True),
        (CredentialLevel.BACHELORS_OR_THREE_YEAR, 5, True),
        (CredentialLevel.MASTERS_OR_PROFESSIONAL, 1, True),
        (CredentialLevel.SECONDARY, 0, False),
    ],
)
def test_program_years_must_agree_with_the_level(level, years, ok):
    build = lambda: Credential(level=level, program_years=years, country="CA")  # noqa: E731
    if ok:
        assert build().program_years == years
    else:
        with pytest.raises(ProfileError, match=r"\$\.program_years"):
            build()


def test_months_of_study_cannot_be_negative():
    with pytest.raises(ProfileError, match="expected 0 to 1,200 months, got -1"):
        Credential(level=CredentialLevel.TWO_YEAR, country="CA", months_studied_in_canada=-1)


@pytest.mark.parametrize("value", [math.inf, 2.5, True, -0.0])
@pytest.mark.parametrize("field", ["dependent_children", "settlement_funds_cad"])
def test_a_count_from_python_must_be_a_whole_number(field, value):
    """JSON reading refuses these; built from Python they reached the range check, and an
    infinite figure raised a TypeError instead of the profile's error."""
    with pytest.raises(ProfileError) as caught:
        Candidate(**{field: value})
    assert caught.value.problems == ((f"$.{field}", f"expected a whole number, got {value!r}"),)


def test_a_whole_number_of_any_integral_type_is_accepted():
    import fractions

    class Count(int):
        pass

    assert Candidate(dependent_children=Count(2)).dependent_children == 2
    with pytest.raises(ProfileError, match="whole number"):
        Candidate(dependent_children=fractions.Fraction(2))


def test_quebec_nominates_no_one():
    with pytest.raises(ProfileError, match="Quebec has no provincial nominee program"):
        ProvincialNomination(province=Province.QC)
    assert ProvincialNomination(province=Province.ON).province is Province.ON


def test_travel_document_checks():
    with pytest.raises(ProfileError) as caught:
        TravelDocument(number="", issuing_country="ZZ")
    assert set(problems(caught)) == {"$.number", "$.issuing_country"}


def test_job_offer_employer_cannot_be_blank():
    with pytest.raises(ProfileError, match=r"\$\.employer"):
        JobOffer(employer="")


@pytest.mark.parametrize("at_least_one_year", [True, None])
def test_an_indeterminate_offer_is_not_for_less_than_one_year(at_least_one_year):
    with pytest.raises(ProfileError, match=r"\$\.at_least_one_year: an indeterminate offer"):
        JobOffer(indeterminate=True, at_least_one_year=False)
    JobOffer(indeterminate=True, at_least_one_year=at_least_one_year)
    JobOffer(indeterminate=False, at_least_one_year=False)


def test_authorization():
    assert not WorkAuthorization.NONE.authorized
    assert WorkAuthorization.OPEN_WORK_PERMIT.authorized


def test_a_spouse_needs_a_partner_status():
    with pytest.raises(ProfileError) as caught:
        Candidate(marital_status=MaritalStatus.DIVORCED, spouse=Spouse())
    assert problems(caught) == {
        "$.spouse": "a spouse or partner is given but the marital status is divorced"
    }
    for status in (MaritalStatus.MARRIED, MaritalStatus.COMMON_LAW, None):
        assert Candidate(marital_status=status, spouse=Spouse()).spouse == Spouse()


def test_counts_and_amounts_cannot_be_negative():
    with pytest.raises(ProfileError) as caught:
        Candidate(dependent_children=-1, settlement_funds_cad=-10)
    assert set(problems(caught)) == {"$.dependent_children", "$.settlement_funds_cad"}
    assert Candidate(dependent_children=0, settlement_funds_cad=0).settlement_funds_cad == 0


def test_birth_date_must_be_plausible():
    with pytest.raises(ProfileError, match="1899-12-31 is not a plausible birth date"):
        Candidate(birth_date=date(1899, 12, 31))
    assert Candidate(birth_date=date(1900, 1, 1)).birth_date == date(1900, 1, 1)


def test_events_cannot_predate_the_birth_date():
    born = date(1990, 6, 1)
    with pytest.raises(ProfileError) as caught:
        Candidate(
            birth_date=born,
            language_tests=(
                LanguageTest(
                    kind=TestKind.IELTS_GENERAL_TRAINING,
                    test_date=date(1990, 5, 31),
                    scores=IELTS_SCORES,
                ),
            ),
            work_history=WorkHistory(periods=(period(), period(start=date(1989, 1, 1)))),
            education=(
                Credential(
                    level=CredentialLevel.SECONDARY,
                    country="CA",
                    completion_date=date(1980, 1, 1),
                ),
            ),
        )
    assert set(problems(caught)) == {
        "$.language_tests[0].test_date",
        "$.work_history[1].start",
        "$.education[0].completion_date",
    }


def test_marital_status_partner():
    assert MaritalStatus.COMMON_LAW.has_partner
    assert not MaritalStatus.WIDOWED.has_partner


def test_a_reference_code_is_kept_in_compact_form():
    assert Candidate(personal_reference_code="qk 4350-881372").personal_reference_code == (
        "QK4350881372"
    )


@pytest.mark.parametrize("code", ["QK43508813", "Q14350881372", "QK435088137X", ""])
def test_a_malformed_reference_code_is_reported(code):
    with pytest.raises(ProfileError) as caught:
        Candidate(personal_reference_code=code)
    assert set(problems(caught)) == {"$.personal_reference_code"}


def test_a_sibling_in_canada_beside_no_relative_in_canada_is_a_contradiction():
    with pytest.raises(ProfileError) as caught:
        Candidate(relative_in_canada=False, sibling_in_canada=True)
    assert caught.value.problems == (
        (
            "$.relative_in_canada",
            "false, but sibling_in_canada is true: a brother or sister in Canada is a "
            "relative in Canada",
        ),
    )
    assert Candidate(relative_in_canada=True, sibling_in_canada=False).sibling_in_canada is False


# -- types: from Python, a value of the wrong type is the profile's error, by path ----------------


def test_a_text_where_a_date_or_a_choice_belongs_says_how_to_write_it():
    with pytest.raises(ProfileError) as caught:
        Candidate(
            birth_date="1990-01-01",  # type: ignore[arg-type]
            marital_status="married",  # type: ignore[arg-type]
            sibling_in_canada=1,  # type: ignore[arg-type]
            personal_reference_code=5,  # type: ignore[arg-type]
        )
    assert problems(caught) == {
        "$.birth_date": "expected a date (datetime.date), got '1990-01-01' "
        "(date.fromisoformat('1990-01-01') reads it)",
        "$.marital_status": "expected a MaritalStatus (e.g. MaritalStatus.NEVER_MARRIED), got "
        "'married' (MaritalStatus('married') reads it)",
        "$.sibling_in_canada": "expected True or False, got 1",
        "$.personal_reference_code": "expected a text (str), got 5",
    }
    with pytest.raises(ProfileError, match=r"got 'wed'$"):
        Candidate(marital_status="wed")  # type: ignore[arg-type]  # no member: no hint


def test_a_datetime_is_not_a_day():
    with pytest.raises(ProfileError) as caught:
        period(start=datetime(2020, 1, 1, 9, 30, tzinfo=timezone.utc))
    assert problems(caught) == {
        "$.start": "expected a date (datetime.date), got a datetime (its .date() is the day)"
    }


def test_a_list_where_a_tuple_belongs_and_each_wrong_item_by_its_index():
    with pytest.raises(ProfileError) as caught:
        Candidate(
            language_tests=[],  # type: ignore[arg-type]
            education=(Credential(level=CredentialLevel.SECONDARY, country="CA"), "phd"),  # type: ignore[arg-type]
            work_history=[period()],  # type: ignore[arg-type]
        )
    assert problems(caught) == {
        "$.language_tests": "expected a tuple of LanguageTest, got a list (a tuple keeps the "
        "facts immutable: write tuple(...))",
        "$.education[1]": "expected a Credential, got 'phd'",
        "$.work_history": "expected a WorkHistory, got a list (write WorkHistory(periods=...))",
    }
    with pytest.raises(ProfileError, match=r"^1 problem.*\n  \$\.periods\[0\]: expected a "):
        WorkHistory(periods=(None,))  # type: ignore[arg-type]
    with pytest.raises(ProfileError, match=r"\$\.education: expected a tuple of Credential"):
        Spouse(education=None)  # type: ignore[arg-type]  # not optional: () is none given


_MODEL_STRATEGIES = {
    AbilityScores: st.sampled_from(TestKind).flatmap(
        lambda kind: strategies.ability_scores(kind, date(2024, 1, 1))
    ),
    Candidate: strategies.candidates(),
    CertificateOfQualification: strategies.certificates_of_qualification(),
    Credential: strategies.credentials(),
    EducationalCredentialAssessment: strategies.educational_credential_assessments(),
    JobOffer: strategies.job_offers(),
    LanguageTest: strategies.language_tests(),
    ProvincialNomination: strategies.provincial_nominations(),
    Spouse: strategies.spouses(),
    TravelDocument: strategies.travel_documents(),
    WorkHistory: strategies.work_histories(),
    WorkPeriod: strategies.work_periods(),
}

_WRONG_VALUES: list[object] = [
    object(),
    "x",
    1.5,
    2,
    True,
    [],
    (object(),),
    datetime(2020, 1, 1, tzinfo=timezone.utc),
]


@pytest.mark.parametrize("cls", list(_MODEL_STRATEGIES), ids=lambda cls: cls.__name__)
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_a_value_of_any_type_in_any_field_is_accepted_or_the_profiles_error(cls, data):
    """From Python any object may come in any field: the class is built, or it raises
    ProfileError, never TypeError or AttributeError from a check that compares it."""
    valid = data.draw(_MODEL_STRATEGIES[cls])
    field = data.draw(st.sampled_from(attrs.fields(cls)))
    wrong = data.draw(st.sampled_from(_WRONG_VALUES))
    try:
        attrs.evolve(valid, **{field.name: wrong})
    except ProfileError as error:
        paths = [path for path, _ in error.problems]
        if type(wrong).__name__ in str(field.type):
            # A value of the field's own type may contradict another field, named instead.
            assert paths
        else:
            assert any(path.startswith(f"$.{field.name}") for path in paths), paths
