"""Hypothesis strategies for every domain type, for property-testing code that uses expressentry.

Install the optional extra (``pip install expressentry[strategies]``); this module is the only
one that imports hypothesis, and ``import expressentry`` never imports it.

Everything generated is valid by construction: a generated candidate always builds, and its
JSON form (``to_dict``) always loads back with ``from_dict``.

>>> from hypothesis import given, settings
>>> from expressentry import from_dict, to_dict
>>> @settings(max_examples=20)
... @given(candidates())
... def test_round_trip(candidate):
...     assert from_dict(to_dict(candidate)) == candidate
>>> test_round_trip()
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from expressentry._countries import COUNTRIES
from expressentry.codes import IdentifierFormat, personal_reference_code
from expressentry.language.scales import Ability, Language, TestKind, scale_for
from expressentry.model import (
    MONTHS_IN_A_YEAR,
    AbilityScores,
    Candidate,
    CertificateOfQualification,
    Credential,
    CredentialLevel,
    EcaOrganization,
    EducationalCredentialAssessment,
    IssuingAuthority,
    JobOffer,
    LanguageTest,
    LmiaStatus,
    MaritalStatus,
    Province,
    ProvincialNomination,
    Spouse,
    TravelDocument,
    WorkAuthorization,
    WorkHistory,
    WorkPeriod,
)
from expressentry.noc import NocCode, NocVersion, unit_groups
from expressentry.serialization import to_dict

__all__ = [
    "ability_scores",
    "candidates",
    "certificates_of_qualification",
    "credentials",
    "dates",
    "educational_credential_assessments",
    "identifiers",
    "job_offers",
    "language_tests",
    "noc_codes",
    "profiles",
    "provincial_nominations",
    "reference_codes",
    "spouses",
    "travel_documents",
    "work_histories",
    "work_periods",
]

EARLIEST = date(1950, 1, 1)
LATEST = date(2035, 12, 31)

_NOC_CODES = tuple(group.code for version in NocVersion for group in unit_groups(version))


def identifiers(identifier: IdentifierFormat) -> st.SearchStrategy[str]:
    """Well-formed codes of ``identifier`` (e.g. :data:`expressentry.codes.uci`), compact.

    >>> from expressentry.codes import uci
    >>> from hypothesis import given
    >>> @given(identifiers(uci))
    ... def test_uci_round_trip(code):
    ...     assert uci.validate(uci.format(code)) == code
    >>> test_uci_round_trip()
    """
    return st.randoms(use_true_random=False).map(identifier.generate)


def reference_codes() -> st.SearchStrategy[str]:
    """Personal reference codes in their compact form (two letters then ten digits)."""
    return identifiers(personal_reference_code)


def dates(min_value: date = EARLIEST, max_value: date = LATEST) -> st.SearchStrategy[date]:
    """Calendar dates between ``min_value`` and ``max_value``."""
    return st.dates(min_value=min_value, max_value=max_value)


def noc_codes() -> st.SearchStrategy[NocCode]:
    """NOC 2021 and NOC 2016 unit-group codes."""
    return st.sampled_from(_NOC_CODES).map(NocCode)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _text() -> st.SearchStrategy[str]:
    # Letters, digits, spaces, punctuation and symbols ("C++ developer", "R&D", "$"): what a
    # title or a name may hold, markup characters included, so renderings are exercised.
    return st.text(
        st.characters(codec="utf-8", categories=("L", "N", "Zs", "P", "S")),
        min_size=1,
        max_size=20,
    ).filter(lambda text: bool(text.strip()))


def _countries() -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(COUNTRIES))


@st.composite
def ability_scores(draw: st.DrawFn, kind: TestKind, test_date: date) -> AbilityScores:
    """Scores on the scale of ``kind`` for a test taken on ``test_date``."""
    scores: dict[str, float] = {}
    for ability in Ability:
        scale = scale_for(kind, ability, test_date)
        steps = int((scale.maximum - scale.minimum) / scale.step)
        value = scale.minimum + scale.step * draw(st.integers(0, steps))
        scores[ability.value] = float(value) if scale.step != 1 else int(value)
    return AbilityScores(**scores)


@st.composite
def language_tests(
    draw: st.DrawFn, min_date: date = date(2010, 1, 1), max_date: date = LATEST
) -> LanguageTest:
    """A test of any accepted kind with scores on its scale."""
    kind = draw(st.sampled_from(TestKind))
    test_date = draw(dates(min_date, max_date))
    result_date = draw(_optional(dates(test_date, min(test_date + timedelta(days=60), date.max))))
    return LanguageTest(
        kind=kind,
        test_date=test_date,
        result_date=result_date,
        registration_number=draw(_optional(_text())),
        scores=draw(ability_scores(kind, test_date)),
    )


def educational_credential_assessments(
    min_date: date = EARLIEST,
) -> st.SearchStrategy[EducationalCredentialAssessment]:
    """ECAs issued on or after ``min_date`` (the credential's completion)."""
    return st.builds(
        EducationalCredentialAssessment,
        organization=st.sampled_from(EcaOrganization),
        reference=_optional(_text()),
        issue_date=dates(min_date),
        canadian_equivalent=st.sampled_from(CredentialLevel),
    )


def travel_documents() -> st.SearchStrategy[TravelDocument]:
    """Passports and other travel documents."""
    return st.builds(
        TravelDocument,
        number=_text(),
        issuing_country=_countries(),
        expiry_date=_optional(dates()),
    )


def certificates_of_qualification(
    min_date: date = EARLIEST,
) -> st.SearchStrategy[CertificateOfQualification]:
    """Certificates of qualification in a trade, issued on or after ``min_date`` if dated."""
    return st.builds(
        CertificateOfQualification,
        noc=_optional(noc_codes()),
        issued_by=st.sampled_from(IssuingAuthority),
        issue_date=_optional(dates(min_date)),
    )


def provincial_nominations() -> st.SearchStrategy[ProvincialNomination]:
    """Nominations by a province or territory (never Quebec, which nominates no one)."""
    return st.builds(
        ProvincialNomination,
        province=st.sampled_from([p for p in Province if p is not Province.QC]),
        nomination_date=_optional(dates(date(2015, 1, 1))),
        express_entry_stream=_optional(st.booleans()),
    )


@st.composite
def credentials(draw: st.DrawFn, min_date: date = EARLIEST) -> Credential:
    """A completed or unfinished credential, Canadian or foreign, with or without an ECA."""
    level = draw(st.sampled_from(CredentialLevel))
    years = {
        CredentialLevel.ONE_YEAR: st.just(1),
        CredentialLevel.TWO_YEAR: st.just(2),
        CredentialLevel.BACHELORS_OR_THREE_YEAR: st.integers(3, 5),
    }.get(level, st.integers(1, 8))
    country = draw(st.just("CA") | _countries())
    completion = draw(_optional(dates(min_date)))
    eca = None
    if country != "CA":
        eca = draw(_optional(educational_credential_assessments(completion or EARLIEST)))
    return Credential(
        level=level,
        program_years=draw(_optional(years)),
        country=country,
        institution=draw(_optional(_text())),
        completion_date=completion,
        full_time=draw(_optional(st.booleans())),
        months_studied_in_canada=draw(_optional(st.integers(0, 120))),
        eca=eca,
    )


@st.composite
def work_periods(draw: st.DrawFn, min_date: date = EARLIEST) -> WorkPeriod:
    """One job, ongoing or ended, in Canada or abroad, with any answered or unanswered facts."""
    start = draw(dates(min_date))
    end = draw(_optional(dates(start)))
    return WorkPeriod(
        noc=draw(_optional(noc_codes())),
        job_title=draw(_optional(_text())),
        employer=draw(_optional(_text())),
        country=draw(st.just("CA") | _countries()),
        start=start,
        end=end,
        hours_per_week=draw(st.integers(1, 80) | st.sampled_from([7.5, 37.5, 22.5])),
        paid=draw(_optional(st.booleans())),
        self_employed=draw(_optional(st.booleans())),
        full_time_student=draw(_optional(st.booleans())),
        authorized=draw(_optional(st.booleans())),
    )


def work_histories(min_date: date = EARLIEST, max_size: int = 6) -> st.SearchStrategy[WorkHistory]:
    """Histories of up to ``max_size`` jobs, overlapping or not."""
    return st.lists(work_periods(min_date), max_size=max_size).map(
        lambda periods: WorkHistory(periods=tuple(periods))
    )


def _months(indeterminate: bool | None, at_least_one_year: bool | None) -> st.SearchStrategy[Any]:
    """A length in months that agrees with the offer's other answers (or none)."""
    if indeterminate:
        return st.none()
    if at_least_one_year is None:
        return _optional(st.integers(1, 60))
    return _optional(
        st.integers(MONTHS_IN_A_YEAR, 60)
        if at_least_one_year
        else st.integers(1, MONTHS_IN_A_YEAR - 1)
    )


def job_offers() -> st.SearchStrategy[JobOffer]:
    """Job offers with any combination of answered and unanswered facts (but an indeterminate
    offer for less than one year, or a length that contradicts the others, which the model
    refuses)."""
    flag = _optional(st.booleans())
    return (
        st.tuples(flag, flag)
        .filter(lambda duration: duration != (True, False))
        .flatmap(
            lambda duration: st.builds(
                JobOffer,
                noc=_optional(noc_codes()),
                employer=_optional(_text()),
                province=_optional(st.sampled_from(Province)),
                full_time=flag,
                non_seasonal=flag,
                indeterminate=st.just(duration[0]),
                at_least_one_year=st.just(duration[1]),
                duration_months=_months(*duration),
                lmia=_optional(st.sampled_from(LmiaStatus)),
                currently_working_for_employer=flag,
                year_of_full_time_work_with_employer=flag,
            )
        )
    )


def spouses(min_date: date = EARLIEST) -> st.SearchStrategy[Spouse]:
    """A spouse or partner, Canadian or not, accompanying or not."""
    return st.builds(
        Spouse,
        canadian_citizen_or_pr=_optional(st.booleans()),
        accompanying=_optional(st.booleans()),
        education=st.lists(credentials(min_date), max_size=2).map(tuple),
        language_tests=st.lists(language_tests(), max_size=2).map(tuple),
        work_history=_optional(work_histories(min_date, max_size=3)),
    )


@st.composite
def candidates(draw: st.DrawFn, partial: bool = True) -> Candidate:
    """Whole candidates, valid by construction.

    With ``partial=True`` (the default) any optional fact may be left unanswered; with
    ``partial=False`` every fact that a complete profile needs is answered.
    """
    birth = draw(dates(date(1950, 1, 1), date(2008, 12, 31)))
    maybe = _optional if partial else (lambda strategy: strategy)
    marital = draw(maybe(st.sampled_from(MaritalStatus)))
    has_partner = marital is not None and marital.has_partner
    spouse = draw(_optional(spouses(birth))) if has_partner else None
    return Candidate(
        birth_date=draw(maybe(st.just(birth))),
        marital_status=marital,
        intended_province=draw(maybe(st.sampled_from(Province))),
        work_authorization=draw(maybe(st.sampled_from(WorkAuthorization))),
        travel_document=draw(maybe(travel_documents())),
        personal_reference_code=draw(maybe(reference_codes())),
        first_official_language=draw(maybe(st.sampled_from(Language))),
        language_tests=draw(maybe(st.lists(language_tests(birth), max_size=3).map(tuple))),
        education=draw(maybe(st.lists(credentials(birth), max_size=3).map(tuple))),
        work_history=draw(maybe(work_histories(birth))),
        primary_occupation=draw(maybe(noc_codes())),
        meets_trade_requirements=draw(maybe(st.booleans())),
        job_offers=draw(maybe(st.lists(job_offers(), max_size=2).map(tuple))),
        certificates_of_qualification=draw(
            maybe(st.lists(certificates_of_qualification(birth), max_size=1).map(tuple))
        ),
        provincial_nomination=draw(_optional(provincial_nominations())),
        spouse=spouse,
        dependent_children=draw(maybe(st.integers(0, 8))),
        settlement_funds_cad=draw(maybe(st.integers(0, 200_000))),
        sibling_in_canada=draw(maybe(st.booleans())),
        relative_in_canada=draw(maybe(st.booleans())),
    )


def profiles(partial: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """JSON-ready profiles (what ``to_dict`` writes and ``from_dict`` reads)."""
    return candidates(partial=partial).map(to_dict)
