"""The shipped strategies build valid values of every domain type."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from expressentry import Candidate, from_dict
from expressentry.codes import IDENTIFIER_FORMATS
from expressentry.model import (
    CertificateOfQualification,
    EducationalCredentialAssessment,
    Province,
    ProvincialNomination,
    TravelDocument,
)
from expressentry.strategies import (
    candidates,
    certificates_of_qualification,
    educational_credential_assessments,
    identifiers,
    profiles,
    provincial_nominations,
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
