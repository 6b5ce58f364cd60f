"""The shipped strategies build valid values of every domain type."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from expressentry import Candidate, assess, from_dict, to_dict
from expressentry.codes import IDENTIFIER_FORMATS
from expressentry.model import (
    CertificateOfQualification,
    EducationalCredentialAssessment,
    JobOffer,
    LanguageTest,
    NocCode,
    Province,
    ProvincialNomination,
    Spouse,
    TravelDocument,
)
from expressentry.strategies import (
    candidates,
    certificates_of_qualification,
    educational_credential_assessments,
    identifiers,
    language_tests,
    profiles,
    provincial_nominations,
    spouses,
    travel_documents,
)


@given(
    travel_documents(),
    provincial_nominations(),
    certificates_of_qualification(),
    educational_credential_assessments(),
)
def test_the_document_strategies(document, nomination, certificate, eca):
    assert isinstance(document, TravelDocument)
    assert isinstance(nomination, ProvincialNomination)
    assert nomination.province is not Province.QC
    assert isinstance(certificate, CertificateOfQualification)
    assert isinstance(eca, EducationalCredentialAssessment)


@pytest.mark.parametrize("identifier", IDENTIFIER_FORMATS, ids=lambda i: i.name)
def test_every_identifier_has_a_strategy(identifier):
    @settings(max_examples=20)
    @given(identifiers(identifier))
    def check(code: str) -> None:
        assert identifier.is_valid(code)

    check()


@settings(max_examples=30)
@given(candidates(partial=False))
def test_complete_candidates_answer_every_question(candidate: Candidate):
    assert candidate.birth_date is not None
    assert candidate.marital_status is not None
    assert candidate.intended_province is not None
    assert candidate.settlement_funds_cad is not None


@settings(max_examples=30)
@given(profiles())
def test_profiles_load(profile):
    assert from_dict(profile) is not None


ON = date(2026, 6, 1)


@pytest.mark.parametrize("program", ["FSW", "FST", "CEC"])
def test_candidates_drawn_for_a_date_reach_every_program(program: str) -> None:
    """A user's property test of code that handles an eligible verdict needs eligible
    candidates: drawn for a date, every program's are found (without a date, almost none)."""
    found = find(
        candidates(partial=False, on=ON),
        lambda candidate: program in assess(candidate, on=ON).eligible_programs,
        # The first found will do: no shrinking, which would assess thousands more.
        settings=settings(max_examples=5_000, database=None, phases=[Phase.generate]),
    )
    assert program in assess(found, on=ON).eligible_programs


@settings(max_examples=50)
@given(candidates(on=ON))
def test_candidates_drawn_for_a_date_have_their_facts_before_it(candidate: Candidate) -> None:
    if candidate.birth_date is not None:
        assert date(1981, 6, 1) <= candidate.birth_date <= date(2006, 6, 1)
    for test in candidate.language_tests or ():
        assert ON - timedelta(days=700) <= test.test_date <= ON
        assert test.result_date is None or test.result_date <= ON
    for period in candidate.work_history.periods if candidate.work_history else ():
        assert date(2016, 6, 1) <= period.start <= ON
        assert period.end is None or period.end <= ON
    for credential in candidate.education or ():
        assert credential.completion_date is None or credential.completion_date <= ON
        assert credential.eca is None or credential.eca.issue_date <= ON
    nomination = candidate.provincial_nomination
    assert (
        nomination is None
        or nomination.nomination_date is None
        or (nomination.nomination_date <= ON)
    )


@settings(max_examples=50)
@given(language_tests(date(2020, 1, 1), date(2021, 1, 1)), spouses(date(2019, 1, 1)))
def test_dated_strategies_keep_within_their_bounds(test: LanguageTest, spouse: Spouse) -> None:
    assert date(2020, 1, 1) <= test.test_date <= date(2021, 1, 1)
    assert test.result_date is None or test.result_date <= date(2021, 1, 1)
    assert all(each.test_date >= date(2019, 1, 1) for each in spouse.language_tests)


@settings(max_examples=10)
@given(candidates(partial=False, on=date(2028, 2, 29)))
def test_candidates_can_be_drawn_for_a_29_february(candidate: Candidate) -> None:
    # 20 and 45 years before 2028-02-29 are 28 February (2008 and 1983 have no 29th).
    assert candidate.birth_date is not None
    assert date(1983, 2, 28) <= candidate.birth_date <= date(2008, 2, 28)


@settings(max_examples=20)
@given(st.from_type(Candidate), st.from_type(JobOffer), st.from_type(NocCode))
def test_hypothesis_infers_the_strategies_from_the_types(
    candidate: Candidate, offer: JobOffer, noc: NocCode
) -> None:
    assert from_dict(to_dict(candidate)) == candidate
    assert isinstance(offer, JobOffer)
    assert isinstance(noc, NocCode)
    assess(attrs.evolve(candidate, job_offers=(offer,)), on=ON)
