"""Job offers and certificates of qualification not answered are not "none" (DESIGN: "not
answered" is distinct from "no"): absent or null, what they decide is unknown and names
``$.job_offers`` or ``$.certificates_of_qualification``; an empty list says there is none."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from expressentry import Candidate, assess, completeness, crs_for, from_dict, fsw_grid, to_dict
from expressentry.facts import derive
from expressentry.model import (
    AbilityScores,
    CertificateOfQualification,
    IssuingAuthority,
    LanguageTest,
    MaritalStatus,
    NocCode,
    Province,
    TestKind,
    WorkAuthorization,
    WorkHistory,
    WorkPeriod,
)
from expressentry.programs.fst import FST
from expressentry.verdict import Outcome

ON = date(2026, 11, 29)
OFFER = "fst.offer_or_certificate"
OFFERS, CERTIFICATES = "$.job_offers", "$.certificates_of_qualification"
ELECTRICIAN = NocCode("72200")


def tradesperson(**facts: object) -> Candidate:
    """A single electrician abroad for three years, with the FST's language minimum."""
    given: dict[str, Any] = {
        "birth_date": date(1990, 3, 1),
        "marital_status": MaritalStatus.NEVER_MARRIED,
        "dependent_children": 0,
        "intended_province": Province.AB,
        "meets_trade_requirements": True,
        "settlement_funds_cad": 20_000,
        "language_tests": (
            LanguageTest(
                kind=TestKind.CELPIP_GENERAL,
                test_date=date(2026, 1, 10),
                scores=AbilityScores(listening=5, reading=4, writing=4, speaking=5),
            ),
        ),
        "work_history": WorkHistory(
            periods=(
                WorkPeriod(
                    noc=ELECTRICIAN,
                    country="PH",
                    start=date(2023, 1, 1),
                    hours_per_week=40,
                    paid=True,
                ),
            )
        ),
    }
    return Candidate(**(given | facts))


def certificate() -> CertificateOfQualification:
    return CertificateOfQualification(noc=ELECTRICIAN, issued_by=IssuingAuthority.AB)


def fst(candidate: Candidate, on: date = ON) -> Any:
    return FST.assess(derive(candidate, on=on))


@pytest.mark.parametrize(
    ("facts", "missing"),
    [
        ({}, (CERTIFICATES, OFFERS)),
        ({"job_offers": ()}, (CERTIFICATES,)),
        ({"certificates_of_qualification": ()}, (OFFERS,)),
    ],
)
def test_fst_offer_or_certificate_not_answered_is_unknown_and_named(facts, missing):
    verdict = fst(tradesperson(**facts))
    finding = verdict.finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == missing
    assert "is not answered" in finding.sentence
    assert verdict.outcome.value == "undetermined"


def test_fst_with_both_answered_empty_is_not_met():
    verdict = fst(tradesperson(job_offers=(), certificates_of_qualification=()))
    assert verdict.finding(OFFER).outcome is Outcome.NOT_MET
    assert verdict.outcome.value == "not_eligible"


def test_a_certificate_in_the_trade_decides_whatever_the_offers():
    verdict = fst(tradesperson(certificates_of_qualification=(certificate(),)))
    assert verdict.finding(OFFER).outcome is Outcome.MET
    assert verdict.outcome.value == "eligible"  # the funds are enough: no exemption asked


def test_short_funds_with_offers_not_answered_leave_the_exemption_open():
    # P17: an authorized candidate may hold a qualifying offer: the funds rule is unknown.
    who = tradesperson(
        certificates_of_qualification=(certificate(),),
        settlement_funds_cad=0,
        work_authorization=WorkAuthorization.OPEN_WORK_PERMIT,
    )
    finding = fst(who).finding("fst.funds.settlement")
    assert finding.outcome is Outcome.UNKNOWN
    assert OFFERS in finding.missing
    answered = fst(attrs.evolve(who, job_offers=())).finding("fst.funds.settlement")
    assert answered.outcome is Outcome.NOT_MET


def test_the_fsw_grid_gives_arranged_employment_a_range_until_offers_are_answered():
    unanswered = fsw_grid(derive(tradesperson(), on=ON))
    factor = next(f for f in unanswered.factors if f.factor.value == "arranged_employment")
    assert (factor.points, factor.points_at_most) == (0, 10)
    line = next(line for line in unanswered.lines if line.item == "Arranged employment")
    assert line.missing == (OFFERS,)
    none = fsw_grid(derive(tradesperson(job_offers=()), on=ON))
    factor = next(f for f in none.factors if f.factor.value == "arranged_employment")
    assert (factor.points, factor.points_at_most) == (0, 0)


@pytest.mark.parametrize(("on", "noted"), [(date(2025, 3, 24), True), (date(2025, 3, 25), False)])
def test_the_crs_notes_an_unanswered_offer_only_while_offers_earn_points(on, noted):
    # From 2025-03-25 an offer earns no CRS points (P16): not answering it changes nothing.
    result = crs_for(tradesperson(certificates_of_qualification=()), on=on)
    assert ("A job offer is not answered: not counted." in result.notes) is noted
    assert crs_for(tradesperson(certificates_of_qualification=(), job_offers=()), on=on).total == (
        result.total
    )


def test_the_crs_notes_an_unanswered_certificate():
    result = crs_for(tradesperson(job_offers=()), on=ON)
    assert "A certificate of qualification is not answered: not counted." in result.notes
    answered = crs_for(tradesperson(job_offers=(), certificates_of_qualification=()), on=ON)
    assert answered.total == result.total
    assert not any("certificate" in note for note in answered.notes)


def test_completeness_asks_for_offers_and_certificates_only_when_not_answered():
    asked = {item.item_id for item in completeness(tradesperson(), on=ON).items}
    assert {"profile.job_offer", "profile.certificate_of_qualification"} <= asked
    answered = tradesperson(job_offers=(), certificates_of_qualification=())
    asked = {item.item_id for item in completeness(answered, on=ON).items}
    assert not asked & {"profile.job_offer", "profile.certificate_of_qualification"}


@pytest.mark.parametrize(
    ("value", "read"),
    [(None, None), ([], ()), (["absent"], None)],
    ids=["null", "empty", "absent"],
)
def test_json_tells_an_unanswered_list_of_offers_from_an_empty_one(value, read):
    data: dict[str, Any] = {"schema_version": 1}
    if value != ["absent"]:
        data["job_offers"] = value
        data["certificates_of_qualification"] = value
    candidate = from_dict(data)
    assert candidate.job_offers == read
    assert candidate.certificates_of_qualification == read
    assert from_dict(to_dict(candidate)) == candidate
    assert ("job_offers" in to_dict(candidate)) is (read == ())


def test_null_language_tests_and_credentials_read_as_left_out():
    data = {"schema_version": 1, "language_tests": None, "education": None}
    assert from_dict(data) == from_dict({"schema_version": 1})


def test_the_assessment_names_the_unanswered_offers():
    result = assess(tradesperson(), on=ON)
    assert result.programs["FST"].outcome.value == "undetermined"
    assert OFFERS in result.programs["FST"].missing_facts
