"""Hypothesis strategies for every domain type, for property-testing code that uses expressentry.

Install the optional extra (``pip install expressentry[strategies]``); this module is the only
one that imports hypothesis, and ``import expressentry`` never imports it.

Everything generated is valid by construction: a generated candidate always builds, and its
JSON form (``to_dict``) always loads back with ``from_dict``.

Importing this module registers the strategies with hypothesis, so ``st.from_type(Candidate)``
(and ``st.builds`` of a type with a ``Candidate``, ``JobOffer``... field) draws valid values.

>>> from hypothesis import given, settings
>>> from expressentry import from_dict, to_dict
>>> @settings(max_examples=20)
... @given(candidates())
... def test_round_trip(candidate):
...     assert from_dict(to_dict(candidate)) == candidate
>>> test_round_trip()
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from expressentry._countries import COUNTRIES
from expressentry.codes import IdentifierFormat, personal_reference_code
from expressentry.crs import CanadianEducation, EducationLevel, JobOfferClass
from expressentry.dated import EXPRESS_ENTRY_LAUNCH
from expressentry.language.levels import BENCHMARK_TOP, LanguageLevels
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
from expressentry.noc import (
    NocCode,
    NocVersion,
    is_skilled,
    is_skilled_trade,
    unit_groups,
    version_in_force,
)
from expressentry.profile import Lifecycle
from expressentry.questionnaire import QuestionnaireAnswers, WorkAnswer
from expressentry.serialization import to_dict

__all__ = [
    "ability_scores",
    "assessment_dates",
    "candidates",
    "certificates_of_qualification",
    "credentials",
    "crs_levels",
    "dates",
    "educational_credential_assessments",
    "identifiers",
    "job_offers",
    "language_levels",
    "language_tests",
    "lifecycles",
    "noc_codes",
    "profiles",
    "provincial_nominations",
    "questionnaire_answers",
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


def assessment_dates(
    min_value: date = EXPRESS_ENTRY_LAUNCH, max_value: date = LATEST
) -> st.SearchStrategy[date]:
    """Dates a candidate can be assessed on: from Express Entry's start (2015-01-01, before
    which the engine raises :class:`~expressentry.exceptions.NotInForce`) to ``max_value``.

    >>> from hypothesis import given
    >>> from expressentry import Candidate, assess
    >>> @given(assessment_dates())
    ... def test_never_raises(on):
    ...     assess(Candidate(), on=on)
    >>> test_never_raises()
    """
    return dates(min_value, max_value)


def noc_codes() -> st.SearchStrategy[NocCode]:
    """NOC 2021 and NOC 2016 unit-group codes."""
    return st.sampled_from(_NOC_CODES).map(NocCode)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _usually(answer: bool) -> st.SearchStrategy[bool | None]:
    """``answer`` seven times in nine, else the other answer or none: a work period or an
    offer that qualifies needs four or five such facts right at once, which a fair coin for
    each would almost never give."""
    return st.sampled_from([answer] * 7 + [not answer, None])


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
    """Scores on the scale of ``kind`` for a test taken on ``test_date``: anywhere on it, or
    (as often) all four in its upper third, where the programs' minimums lie."""
    return _scores(draw, kind, test_date, Fraction(2, 3) if draw(st.booleans()) else 0)


def _scores(draw: st.DrawFn, kind: TestKind, taken: date, lowest: Fraction | int) -> AbilityScores:
    """Four scores on the scale of ``kind``, each at least ``lowest`` of the way up it."""
    scores: dict[str, float] = {}
    for ability in Ability:
        scale = scale_for(kind, ability, taken)
        steps = int((scale.maximum - scale.minimum) / scale.step)
        value = scale.minimum + scale.step * draw(st.integers(int(steps * lowest), steps))
        scores[ability.value] = float(value) if scale.step != 1 else int(value)
    return AbilityScores(**scores)


@st.composite
def language_tests(
    draw: st.DrawFn, min_date: date = date(2010, 1, 1), max_date: date = LATEST
) -> LanguageTest:
    """A test of any accepted kind with scores on its scale, taken and (if dated) resulted
    between ``min_date`` and ``max_date``."""
    kind = draw(st.sampled_from(TestKind))
    test_date = draw(dates(min_date, max_date))
    latest_result = min(test_date + timedelta(days=60), max(max_date, test_date))
    result_date = draw(_optional(dates(test_date, latest_result)))
    return LanguageTest(
        kind=kind,
        test_date=test_date,
        result_date=result_date,
        registration_number=draw(_optional(_text())),
        scores=draw(ability_scores(kind, test_date)),
    )


def educational_credential_assessments(
    min_date: date = EARLIEST, max_date: date = LATEST
) -> st.SearchStrategy[EducationalCredentialAssessment]:
    """ECAs issued between ``min_date`` (the credential's completion) and ``max_date``."""
    return st.builds(
        EducationalCredentialAssessment,
        organization=st.sampled_from(EcaOrganization),
        reference=_optional(_text()),
        issue_date=dates(min_date, max(min_date, max_date)),
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
    min_date: date = EARLIEST, max_date: date = LATEST
) -> st.SearchStrategy[CertificateOfQualification]:
    """Certificates of qualification in a trade, issued between ``min_date`` and ``max_date``
    if dated."""
    return st.builds(
        CertificateOfQualification,
        noc=_optional(noc_codes()),
        issued_by=st.sampled_from(IssuingAuthority),
        issue_date=_optional(dates(min_date, max_date)),
    )


def provincial_nominations(max_date: date = LATEST) -> st.SearchStrategy[ProvincialNomination]:
    """Nominations by a province or territory (never Quebec, which nominates no one), dated
    from Express Entry's start (2015-01-01) to ``max_date`` if dated."""
    return st.builds(
        ProvincialNomination,
        province=st.sampled_from([p for p in Province if p is not Province.QC]),
        nomination_date=_optional(dates(date(2015, 1, 1), max(date(2015, 1, 1), max_date))),
        express_entry_stream=_optional(st.booleans()),
    )


@st.composite
def credentials(draw: st.DrawFn, min_date: date = EARLIEST, max_date: date = LATEST) -> Credential:
    """A completed or unfinished credential, Canadian or foreign, with or without an ECA,
    completed and assessed between ``min_date`` and ``max_date`` if dated."""
    level = draw(st.sampled_from(CredentialLevel))
    years = {
        CredentialLevel.ONE_YEAR: st.just(1),
        CredentialLevel.TWO_YEAR: st.just(2),
        CredentialLevel.BACHELORS_OR_THREE_YEAR: st.integers(3, 5),
    }.get(level, st.integers(1, 8))
    country = draw(st.just("CA") | _countries())
    completion = draw(_optional(dates(min_date, max_date)))
    eca = None
    if country != "CA":
        assessed_from = completion or min_date
        eca = draw(_optional(educational_credential_assessments(assessed_from, max_date)))
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
def work_periods(
    draw: st.DrawFn, min_date: date = EARLIEST, max_date: date = LATEST
) -> WorkPeriod:
    """One job, ongoing or ended, in Canada or abroad, between ``min_date`` and ``max_date``,
    with any answered or unanswered facts (mostly those of work that counts: paid, employed,
    not while studying, authorized, 30 to 40 hours a week; sometimes hours written to the
    thousandth)."""
    start = draw(dates(min_date, max_date))
    end = draw(_optional(dates(start, max(start, max_date))))
    return WorkPeriod(
        noc=draw(_optional(noc_codes())),
        job_title=draw(_optional(_text())),
        employer=draw(_optional(_text())),
        country=draw(st.just("CA") | _countries()),
        start=start,
        end=end,
        hours_per_week=draw(
            st.sampled_from([40, 37.5, 30])
            | st.integers(1, 80)
            | st.just(22.5)
            # Written finer than a hundredth, as a profile may (29.995, 0.001).
            | st.integers(1, 80_000).map(lambda thousandths: thousandths / 1000)
        ),
        paid=draw(_usually(True)),
        self_employed=draw(_usually(False)),
        full_time_student=draw(_usually(False)),
        authorized=draw(_usually(True)),
    )


def work_histories(
    min_date: date = EARLIEST, max_size: int = 6, max_date: date = LATEST
) -> st.SearchStrategy[WorkHistory]:
    """Histories of up to ``max_size`` jobs between ``min_date`` and ``max_date``, overlapping
    or not."""
    return st.lists(work_periods(min_date, max_date), max_size=max_size).map(
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
                full_time=_usually(True),
                non_seasonal=_usually(True),
                indeterminate=st.just(duration[0]),
                at_least_one_year=st.just(duration[1]),
                duration_months=_months(*duration),
                lmia=_optional(st.sampled_from(LmiaStatus)),
                currently_working_for_employer=flag,
                year_of_full_time_work_with_employer=flag,
            )
        )
    )


def spouses(min_date: date = EARLIEST, max_date: date = LATEST) -> st.SearchStrategy[Spouse]:
    """A spouse or partner, Canadian or not, accompanying or not, with facts dated between
    ``min_date`` and ``max_date``."""
    return st.builds(
        Spouse,
        canadian_citizen_or_pr=_optional(st.booleans()),
        accompanying=_optional(st.booleans()),
        education=st.lists(credentials(min_date, max_date), max_size=2).map(tuple),
        language_tests=st.lists(language_tests(min(min_date, max_date), max_date), max_size=2).map(
            tuple
        ),
        work_history=_optional(work_histories(min_date, max_size=3, max_date=max_date)),
    )


@st.composite
def candidates(draw: st.DrawFn, partial: bool = True, on: date | None = None) -> Candidate:
    """Whole candidates, valid by construction.

    With ``partial=True`` (the default) any optional fact may be left unanswered; with
    ``partial=False`` every question of the profile itself is answered (a job's or a
    credential's own facts, a spouse and a nomination may still be missing, as in the
    profiles users send: the completeness report asks for them).

    With ``on``, the candidates are drawn to be assessed on that date: aged 20 to 45, with
    tests, credentials, work and nominations dated before it (tests within two years, work
    within ten) and a primary occupation that is one of their jobs, so that a good share is
    eligible for a program on ``on`` and the verdicts are not almost all "not eligible"
    (without ``on``, dates run from 1950 to 2035, and few facts are current on any day).

    >>> from datetime import date
    >>> from hypothesis import given, settings
    >>> from expressentry import assess
    >>> eligible = []
    >>> @settings(max_examples=100, database=None, derandomize=True)  # the same draws each run
    ... @given(candidates(partial=False, on=date(2026, 6, 1)))
    ... def count(candidate):
    ...     eligible.append(bool(assess(candidate, on=date(2026, 6, 1)).eligible_programs))
    >>> count()
    >>> any(eligible)
    True
    """
    if on is None:
        birth = draw(dates(date(1950, 1, 1), date(2008, 12, 31)))
        earliest, latest, tested_from = birth, LATEST, birth
    else:
        birth = draw(dates(_years_before(on, 45), _years_before(on, 20)))
        earliest, latest = _years_before(on, 10), on
        tested_from = on - timedelta(days=700)  # a result is valid for two years
    maybe = _optional if partial else (lambda strategy: strategy)
    marital = draw(maybe(st.sampled_from(MaritalStatus)))
    has_partner = marital is not None and marital.has_partner
    spouse = draw(_optional(spouses(earliest, latest))) if has_partner else None
    work = draw(maybe(work_histories(earliest, max_date=latest)))
    tests = draw(maybe(st.lists(language_tests(tested_from, latest), max_size=3).map(tuple)))
    education = draw(maybe(st.lists(credentials(birth, latest), max_size=3).map(tuple)))
    first_language = draw(maybe(st.sampled_from(Language)))
    certificates = draw(
        maybe(st.lists(certificates_of_qualification(birth, latest), max_size=1).map(tuple))
    )
    occupation = noc_codes()
    if on is not None:
        # Half the time each, facts that meet the programs' core rules on ``on``, beside the
        # random ones: a current skilled job (the primary occupation), a recent test with
        # high scores (in the first official language), a completed, assessed degree.
        if work is not None and draw(st.booleans()):
            job = draw(_current_skilled_job(on))
            work = WorkHistory(periods=(job, *work.periods))
            occupation = st.just(job.noc) if job.noc is not None else occupation
            if certificates is not None and job.noc in _trade_codes(on) and draw(st.booleans()):
                # The FST's certificate of qualification, in the trade of the job.
                certificates = (
                    CertificateOfQualification(
                        noc=job.noc,
                        issued_by=draw(st.sampled_from(IssuingAuthority)),
                        issue_date=draw(dates(job.start, on)),
                    ),
                )
        if tests is not None and draw(st.booleans()):
            tests = (draw(_recent_high_test(on)), *tests)
            first_language = tests[0].kind.language if first_language else None
        if education is not None and draw(st.booleans()):
            education = (draw(_assessed_degree(on)), *education)
    sibling, relative = draw(maybe(st.booleans())), draw(maybe(st.booleans()))
    return Candidate(
        birth_date=draw(maybe(st.just(birth))),
        marital_status=marital,
        intended_province=draw(maybe(st.sampled_from(Province))),
        work_authorization=draw(maybe(st.sampled_from(WorkAuthorization))),
        travel_document=draw(maybe(travel_documents())),
        personal_reference_code=draw(maybe(reference_codes())),
        first_official_language=first_language,
        language_tests=tests,
        education=education,
        work_history=work,
        primary_occupation=draw(maybe(occupation)),
        meets_trade_requirements=draw(maybe(st.booleans())),
        job_offers=draw(maybe(st.lists(job_offers(), max_size=2).map(tuple))),
        certificates_of_qualification=certificates,
        provincial_nomination=draw(_optional(provincial_nominations(latest))),
        spouse=spouse,
        dependent_children=draw(maybe(st.integers(0, 8))),
        # Any sum, or (as often) one that covers a family's funds (about $15,000 to $40,000).
        settlement_funds_cad=draw(
            maybe(st.integers(0, 200_000) | st.integers(30, 200).map(lambda k: k * 1_000))
        ),
        sibling_in_canada=sibling,
        # A brother or sister in Canada is a relative in Canada: never a "no" beside it.
        relative_in_canada=True if sibling and relative is False else relative,
    )


@functools.lru_cache(maxsize=64)
def _skilled_codes(on: date) -> tuple[NocCode, ...]:
    """The unit groups of the NOC version in force on ``on`` that are skilled on ``on``."""
    version = version_in_force(on)
    codes = [code for code in map(NocCode, _NOC_CODES) if code.version is version]
    return tuple(code for code in codes if is_skilled(code, on))


@functools.lru_cache(maxsize=64)
def _trade_codes(on: date) -> tuple[NocCode, ...]:
    """The skilled trades (FST) of the NOC version in force on ``on``."""
    return tuple(code for code in _skilled_codes(on) if is_skilled_trade(code, on))


@st.composite
def _current_skilled_job(draw: st.DrawFn, on: date) -> WorkPeriod:
    """Full-time, paid, authorized work in a skilled occupation (as often a skilled trade),
    begun 1 to 6 years before ``on`` and still going on, in Canada or abroad."""
    return WorkPeriod(
        noc=draw(st.sampled_from(_skilled_codes(on)) | st.sampled_from(_trade_codes(on))),
        country=draw(st.just("CA") | _countries()),
        start=draw(dates(_years_before(on, 6), on - timedelta(days=400))),
        hours_per_week=draw(st.sampled_from([40, 37.5, 30])),
        paid=True,
        self_employed=False,
        full_time_student=False,
        authorized=True,
    )


@st.composite
def _recent_high_test(draw: st.DrawFn, on: date) -> LanguageTest:
    """A test taken within the 20 months before ``on``, its four scores in the upper quarter
    of its scale."""
    kind = draw(st.sampled_from(TestKind))
    taken = draw(dates(on - timedelta(days=600), on - timedelta(days=30)))
    return LanguageTest(
        kind=kind,
        test_date=taken,
        result_date=taken + timedelta(days=14),
        scores=_scores(draw, kind, taken, Fraction(3, 4)),
    )


@st.composite
def _assessed_degree(draw: st.DrawFn, on: date) -> Credential:
    """A bachelor's or master's completed 2 to 15 years before ``on``: Canadian, or foreign
    with an ECA of that level issued in the four years before ``on``."""
    levels = [CredentialLevel.BACHELORS_OR_THREE_YEAR, CredentialLevel.MASTERS_OR_PROFESSIONAL]
    level = draw(st.sampled_from(levels))
    country = draw(st.just("CA") | _countries())
    completed = draw(dates(_years_before(on, 15), _years_before(on, 2)))
    eca = None
    if country != "CA":
        eca = EducationalCredentialAssessment(
            organization=draw(st.sampled_from(EcaOrganization)),
            issue_date=draw(dates(max(completed, on - timedelta(days=1460)), on)),
            canadian_equivalent=level,
        )
    return Credential(
        level=level, program_years=4, country=country, completion_date=completed, eca=eca
    )


def _years_before(on: date, years: int) -> date:
    """The same day ``years`` years before ``on`` (28 February for a 29 February)."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:
        return on.replace(year=on.year - years, day=28)


def profiles(partial: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """JSON-ready profiles (what ``to_dict`` writes and ``from_dict`` reads)."""
    return candidates(partial=partial).map(to_dict)


def language_levels(
    language: Language | None = None, *, converted: bool = False
) -> st.SearchStrategy[LanguageLevels]:
    """CLB or NCLC levels of one language (``language``, or either): any whole level from 0 to
    12, as a what-if may give, or with ``converted`` the levels a test converts to (0 for
    below level 4, then 4 to 10)."""
    level = st.sampled_from((0, *range(4, 11))) if converted else st.integers(0, BENCHMARK_TOP)
    return _levels(st.sampled_from(Language) if language is None else st.just(language), level)


def _levels(
    language: st.SearchStrategy[Language], level: st.SearchStrategy[int]
) -> st.SearchStrategy[LanguageLevels]:
    """Levels of a ``language``, each ability's drawn from ``level``."""
    return st.builds(
        LanguageLevels,
        language=language,
        listening=level,
        reading=level,
        writing=level,
        speaking=level,
    )


@st.composite
def crs_levels(draw: st.DrawFn, on: date | None = None) -> dict[str, Any]:
    """Keyword arguments of :func:`~expressentry.crs.crs_from_levels` (``on`` included: a date
    from 2015-01-01, or ``on`` itself), every combination it accepts.

    >>> from hypothesis import given, settings
    >>> from expressentry.crs import crs_from_levels
    >>> @settings(max_examples=50, database=None)
    ... @given(crs_levels())
    ... def bounded(keywords):
    ...     assert 0 <= crs_from_levels(**keywords).total <= 1200
    >>> bounded()
    """
    years = st.integers(0, 12) | st.floats(0, 12, allow_nan=False)
    first = draw(st.none() | st.integers(0, BENCHMARK_TOP) | language_levels())
    first_language = first.language if isinstance(first, LanguageLevels) else Language.ENGLISH
    other = Language.FRENCH if first_language is Language.ENGLISH else Language.ENGLISH
    return {
        "on": draw(assessment_dates()) if on is None else on,
        "age": draw(st.integers(16, 60)),
        "education": draw(st.sampled_from(EducationLevel)),
        "first_language": first,
        "second_language": draw(
            st.none() | st.integers(0, BENCHMARK_TOP) | language_levels(other)
        ),
        "canadian_years": draw(years),
        "foreign_years": draw(years),
        "partnered": draw(st.booleans()),
        "spouse_canadian_citizen_or_pr": draw(st.booleans()),
        "spouse_accompanying": draw(st.booleans()),
        "spouse_education": draw(st.sampled_from(EducationLevel)),
        "spouse_language": draw(
            st.none() | st.integers(0, BENCHMARK_TOP) | language_levels(Language.ENGLISH)
        ),
        "spouse_canadian_years": draw(years),
        "certificate_of_qualification": draw(st.booleans()),
        "provincial_nomination": draw(st.booleans()),
        "sibling_in_canada": draw(st.booleans()),
        "canadian_education": draw(st.sampled_from(CanadianEducation)),
        "job_offer": draw(st.sampled_from(JobOfferClass)),
    }


@st.composite
def lifecycles(
    draw: st.DrawFn, min_date: date = EXPRESS_ENTRY_LAUNCH, max_date: date = LATEST
) -> Lifecycle:
    """The dates of a candidate's steps, in order and each within the deadline the one before
    starts (a draft submitted before it expires, an invitation while the profile is in the
    pool), any of them not yet taken (``None``); none before ``min_date`` or after
    ``max_date``."""
    steps: dict[str, date] = {}
    earliest = min_date
    for name in ("code_issued_on", "draft_created_on", "submitted_on", "invited_on"):
        if earliest > max_date or not draw(st.booleans()):
            continue
        latest = max_date
        if name in ("submitted_on", "invited_on") and steps:
            # The deadline the step before starts (the draft's, or the pool's).
            (deadline, *_) = Lifecycle(**steps).deadlines[-1:]
            latest = min(latest, deadline.last_day)
        day = draw(dates(earliest, latest))
        steps[name] = day
        earliest = day
    return Lifecycle(**steps)


@st.composite
def questionnaire_answers(draw: st.DrawFn, on: date | None = None) -> QuestionnaireAnswers:
    """Answers to the eligibility questionnaire, valid by construction: given on ``on`` (or
    any date from 2015-01-01), by a person aged 18 to 60 whose work, test and credentials
    fit their life, any question left unanswered. Half the time each, the answers hold what
    the programs look for (recent skilled work, high levels in the first official language,
    an assessed degree), so that a share of them is eligible and gets a reference code.

    >>> from hypothesis import given, settings
    >>> import random
    >>> from expressentry.questionnaire import answer
    >>> @settings(max_examples=30, database=None)
    ... @given(questionnaire_answers())
    ... def answered(answers):
    ...     result = answer(answers, rng=random.Random(0))
    ...     assert (result.reference_code is None) == (not result.eligible_programs)
    >>> answered()
    """
    answered_on = draw(assessment_dates(max_value=LATEST)) if on is None else on
    age = draw(st.integers(18, 60))
    born = _years_before(answered_on, age) - timedelta(days=draw(st.integers(0, 364)))
    marital = draw(_optional(st.sampled_from(MaritalStatus)))
    least = 1 + (marital is not None and marital.has_partner)
    work = draw(st.lists(_work_answers(), max_size=3))
    if draw(st.booleans()):
        skilled = st.sampled_from(_skilled_codes(answered_on))
        trade = st.sampled_from(_trade_codes(answered_on))
        recent = WorkAnswer(
            noc=draw(skilled | trade),
            years=draw(st.integers(1, 3)),
            country=draw(st.just("CA") | _countries()),
            authorized=True,
        )
        work.insert(0, recent)
    while sum(item.years for item in work) > age - 16:  # no work before the age of 16
        work.pop()
    results: LanguageTest | LanguageLevels | None = draw(
        st.none()
        | language_tests(max(born, answered_on - timedelta(days=700)), answered_on)
        | _recent_high_test(answered_on)
        | language_levels()
        | _levels(st.sampled_from(Language), st.integers(7, 10))  # what the programs look for
    )
    education = draw(_optional(st.lists(credentials(born, answered_on), max_size=2).map(tuple)))
    if education is not None and draw(st.booleans()):
        education = (draw(_assessed_degree(answered_on)), *education)
    return QuestionnaireAnswers(
        answered_on=answered_on,
        birth_date=born,
        marital_status=marital,
        family_size=draw(_optional(st.integers(least, least + 6))),
        intended_province=draw(_optional(st.sampled_from(Province))),
        work=tuple(work),
        primary_occupation=draw(_optional(noc_codes())),
        meets_trade_requirements=draw(_optional(st.booleans())),
        certificate_of_qualification=draw(_optional(st.sampled_from(IssuingAuthority))),
        education=education,
        settlement_funds_cad=draw(
            _optional(st.integers(0, 200_000) | st.integers(30, 200).map(lambda k: k * 1_000))
        ),
        job_offer=draw(_optional(job_offers())),
        work_authorization=draw(_optional(st.sampled_from(WorkAuthorization))),
        language_test=results if isinstance(results, LanguageTest) else None,
        language_levels=results if isinstance(results, LanguageLevels) else None,
    )


def _work_answers() -> st.SearchStrategy[WorkAnswer]:
    """One answer of the questionnaire's work question: 1 to 4 years in one occupation."""
    return st.builds(
        WorkAnswer,
        noc=noc_codes(),
        years=st.integers(1, 4),
        country=_countries(),
        authorized=_usually(True),
        self_employed=st.booleans(),
    )


# ``st.from_type`` and ``st.builds`` find these once this module is imported: without them
# hypothesis builds a Candidate from its field types alone, which the model refuses (a NUL in
# a name, an IELTS score of 0.3, an empty NOC code).
for _type, _strategy in (
    # Scores on one accepted test's scale, any kind (a test's kind and date check the scale).
    (AbilityScores, st.sampled_from(TestKind).flatmap(lambda kind: ability_scores(kind, LATEST))),
    (Candidate, candidates()),
    (CertificateOfQualification, certificates_of_qualification()),
    (Credential, credentials()),
    (EducationalCredentialAssessment, educational_credential_assessments()),
    (JobOffer, job_offers()),
    (LanguageLevels, language_levels()),
    (LanguageTest, language_tests()),
    (Lifecycle, lifecycles()),
    (NocCode, noc_codes()),
    (ProvincialNomination, provincial_nominations()),
    (QuestionnaireAnswers, questionnaire_answers()),
    (Spouse, spouses()),
    (TravelDocument, travel_documents()),
    (WorkAnswer, _work_answers()),
    (WorkHistory, work_histories()),
    (WorkPeriod, work_periods()),
):
    st.register_type_strategy(_type, _strategy)
