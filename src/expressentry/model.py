"""The facts about a candidate: immutable, validated domain types.

Every fact the engine accepts (DESIGN.md, "The facts the engine accepts") has a place here.
An optional fact is ``None`` until it is answered: "not answered" is never the same as "no",
and the programs report an unanswered fact as *unknown*, never as *not met*.

Each class is frozen, slotted and keyword-only, and checks itself when it is built. A class
reports *every* problem it finds at once, as a :class:`~expressentry.exceptions.ProfileError`
whose paths are relative to the object being built (``$.scores.reading``); the JSON layer moves
them under the object's place in the profile (``$.language_tests[0].scores.reading``).

>>> from datetime import date
>>> test = LanguageTest(
...     kind=TestKind.IELTS_GENERAL_TRAINING,
...     test_date=date(2025, 3, 1),
...     scores=AbilityScores(listening=8.0, reading=7.0, writing=7.0, speaking=7.0),
... )
>>> test.scores.of(Ability.LISTENING)
8.0
>>> AbilityScores(listening=8.0, reading=7.0, writing=7.0, speaking=7.0) == test.scores
True
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Final

import attrs

from expressentry._countries import COUNTRIES
from expressentry._enum import IdentityEnum
from expressentry.codes import personal_reference_code as _prc
from expressentry.exceptions import Problem, ProfileError, ValidationError, quoted
from expressentry.language.scales import Ability, Language, TestKind, score_problem
from expressentry.noc.code import NocCode

__all__ = [
    "Ability",
    "AbilityScores",
    "Candidate",
    "CertificateOfQualification",
    "Credential",
    "CredentialLevel",
    "EcaOrganization",
    "EducationalCredentialAssessment",
    "IssuingAuthority",
    "JobOffer",
    "Language",
    "LanguageTest",
    "LmiaStatus",
    "MaritalStatus",
    "NocCode",
    "Province",
    "ProvincialNomination",
    "Spouse",
    "TestKind",
    "TravelDocument",
    "WorkAuthorization",
    "WorkHistory",
    "WorkPeriod",
]

EARLIEST_BIRTH_DATE = date(1900, 1, 1)
"""Birth dates before this are refused as implausible."""

MAX_HOURS_PER_WEEK = 168
"""Hours in a week: a job cannot claim more."""

MAX_DEPENDENT_CHILDREN = 50
"""More dependent children than anyone has: a larger number is a typing error."""

MAX_SETTLEMENT_FUNDS_CAD = 10**12
"""A trillion dollars: more than any person holds, so a larger figure is a typing error."""

MAX_MONTHS = 1_200
"""A hundred years: no study in Canada or offer of employment lasts longer."""

MAX_PROGRAM_YEARS = 15
"""No program of study that leads to a credential lasts longer."""


class MaritalStatus(IdentityEnum):
    """Marital status as the Express Entry profile asks it."""

    NEVER_MARRIED = "never_married"
    MARRIED = "married"
    COMMON_LAW = "common_law"
    LEGALLY_SEPARATED = "legally_separated"
    DIVORCED = "divorced"
    WIDOWED = "widowed"
    ANNULLED = "annulled"

    @property
    def has_partner(self) -> bool:
        """Whether the status implies a spouse or common-law partner."""
        return self is MaritalStatus.MARRIED or self is MaritalStatus.COMMON_LAW


class Province(IdentityEnum):
    """A Canadian province or territory, by its two-letter postal abbreviation."""

    AB = "ab"
    BC = "bc"
    MB = "mb"
    NB = "nb"
    NL = "nl"
    NS = "ns"
    NT = "nt"
    NU = "nu"
    ON = "on"
    PE = "pe"
    QC = "qc"
    SK = "sk"
    YT = "yt"


class IssuingAuthority(IdentityEnum):
    """Who issued a certificate of qualification: a province, a territory or a federal body."""

    AB = "ab"
    BC = "bc"
    MB = "mb"
    NB = "nb"
    NL = "nl"
    NS = "ns"
    NT = "nt"
    NU = "nu"
    ON = "on"
    PE = "pe"
    QC = "qc"
    SK = "sk"
    YT = "yt"
    FEDERAL = "federal"


class CredentialLevel(IdentityEnum):
    """The level of one completed credential, as the CRS and the FSW grid name them.

    "Two or more credentials" is not a level of one credential: the engine derives it from the
    list of credentials (policy P29).
    """

    SECONDARY = "secondary"
    ONE_YEAR = "one_year"
    TWO_YEAR = "two_year"
    BACHELORS_OR_THREE_YEAR = "bachelors_or_three_year"
    MASTERS_OR_PROFESSIONAL = "masters_or_professional"
    DOCTORAL = "doctoral"


class EcaOrganization(IdentityEnum):
    """An organization designated by IRCC to issue Educational Credential Assessments."""

    WES = "wes"  # World Education Services
    CES = "ces"  # Comparative Education Service, University of Toronto
    ICAS = "icas"  # International Credential Assessment Service of Canada
    IQAS = "iqas"  # International Qualifications Assessment Service
    ICES = "ices"  # International Credential Evaluation Service
    MCC = "mcc"  # Medical Council of Canada (physicians)
    PEBC = "pebc"  # Pharmacy Examining Board of Canada (pharmacists)


class LmiaStatus(IdentityEnum):
    """Whether a job offer rests on a Labour Market Impact Assessment."""

    APPROVED = "approved"  # a positive LMIA was issued for this offer
    EXEMPT = "exempt"  # the work permit is LMIA-exempt (e.g. CUSMA, significant benefit)
    NONE = "none"  # no LMIA and no exemption


class WorkAuthorization(IdentityEnum):
    """Whether, and how, the candidate may work in Canada today."""

    NONE = "none"
    LMIA_WORK_PERMIT = "lmia_work_permit"
    LMIA_EXEMPT_WORK_PERMIT = "lmia_exempt_work_permit"
    OPEN_WORK_PERMIT = "open_work_permit"
    WITHOUT_PERMIT = "without_permit"  # authorized to work without a work permit

    @property
    def authorized(self) -> bool:
        """Whether the candidate may legally work in Canada."""
        return self is not WorkAuthorization.NONE


class _Problems:
    """Collects the problems of one object so that all of them are reported together."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(("$." + path, message))

    def raise_any(self) -> None:
        if self.items:
            raise ProfileError(self.items)


def _check_country(problems: _Problems, path: str, code: str) -> None:
    if code not in COUNTRIES:
        hint = (
            f" (write it in upper case: {code.upper()!r})"
            if code.isascii() and code.upper() in COUNTRIES
            else " (e.g. 'CA')"
        )
        problems.add(path, f"{code!r} is not an ISO 3166-1 alpha-2 country code{hint}")


def _check_text(problems: _Problems, path: str, text: str | None) -> None:
    if text is None:
        return
    if not text.strip():
        problems.add(path, "must not be empty (leave it out if it is not known)")
    elif not text.isprintable() and (found := _control_character(text)) is not None:
        problems.add(path, f"holds the control character U+{ord(found):04X}, which is not text")


def _control_character(text: str) -> str | None:
    """The first control character of ``text`` (a NUL, an escape...), if any: a name or a
    number never holds one, and one would garble every report that quotes it."""
    return next((char for char in text if unicodedata.category(char) == "Cc"), None)


def _check_count(problems: _Problems, path: str, value: int | None, what: str, most: int) -> None:
    if value is None:
        return
    if value < 0:
        problems.add(path, f"{value} {what} cannot be negative")
    elif value > most:
        problems.add(path, f"{quoted(value)} {what} is not possible: at most {most:,}")


@attrs.frozen(kw_only=True)
class AbilityScores:
    """A test's result in each of the four abilities, on the test's own scale."""

    listening: float
    reading: float
    writing: float
    speaking: float

    def of(self, ability: Ability) -> float:
        """The score of ``ability``."""
        score: float = getattr(self, ability.value)
        return score

    def __attrs_post_init__(self) -> None:
        problems = _Problems()
        for ability in Ability:
            score = self.of(ability)
            if isinstance(score, bool) or not math.isfinite(score):
                problems.add(ability.value, f"{score!r} is not a score")
        problems.raise_any()


@attrs.frozen(kw_only=True)
class LanguageTest:
    """One sitting of an accepted language test (rules.md §5.1)."""

    kind: TestKind
    test_date: date
    result_date: date | None = None
    registration_number: str | None = None
    scores: AbilityScores

    def __attrs_post_init__(self) -> None:
        problems = _Problems()
        if self.result_date is not None and self.result_date < self.test_date:
            problems.add(
                "result_date",
                f"the result date {self.result_date.isoformat()} is before the test date "
                f"{self.test_date.isoformat()}",
            )
        _check_text(problems, "registration_number", self.registration_number)
        for ability in Ability:
            problem = score_problem(self.kind, ability, self.scores.of(ability), self.test_date)
            if problem is not None:
                problems.add(f"scores.{ability.value}", problem)
        problems.raise_any()

    @property
    def language(self) -> Language:
        """The official language the test assesses."""
        return self.kind.language


@attrs.frozen(kw_only=True)
class EducationalCredentialAssessment:
    """An ECA "for immigration purposes" of a foreign credential (valid five years)."""

    organization: EcaOrganization
    reference: str | None = None
    issue_date: date
    canadian_equivalent: CredentialLevel

    def __attrs_post_init__(self) -> None:
        problems = _Problems()
        _check_text(problems, "reference", self.reference)
        problems.raise_any()


_PROGRAM_YEARS = {
    CredentialLevel.ONE_YEAR: (1, 1),
    CredentialLevel.TWO_YEAR: (2, 2),
    CredentialLevel.BACHELORS_OR_THREE_YEAR: (3, MAX_PROGRAM_YEARS),
}
"""Program lengths that agree with a level; other levels accept any length."""


@attrs.frozen(kw_only=True)
class Credential:
    """A diploma, certificate or degree, Canadian or foreign.

    ``completion_date`` is ``None`` while the credential is not completed; an incomplete
    credential never earns points (policy P29), but its full-time study in Canada may still
    count for FSW adaptability. A foreign credential needs ``eca`` to count (policy P21).
    """

    level: CredentialLevel
    program_years: int | None = None
    country: str
    institution: str | None = None
    completion_date: date | None = None
    full_time: bool | None = None
    months_studied_in_canada: int | None = None
    eca: EducationalCredentialAssessment | None = None

    @property
    def canadian(self) -> bool:
        """Whether the credential is Canadian (needs no ECA)."""
        return self.country == "CA"

    def __attrs_post_init__(self) -> None:
        problems = _Problems()
        _check_country(problems, "country", self.country)
        _check_text(problems, "institution", self.institution)
        if self.program_years is not None:
            low, high = _PROGRAM_YEARS.get(self.level, (1, MAX_PROGRAM_YEARS))
            if not low <= self.program_years <= high:
                problems.add(
                    "program_years",
                    f"a {self.level.value} credential cannot come from a program of "
                    f"{self.program_years} year{'' if self.program_years == 1 else 's'}",
                )
        _check_count(
            problems,
            "months_studied_in_canada",
            self.months_studied_in_canada,
            "months",
            MAX_MONTHS,
        )
        if self.canadian and self.eca is not None:
            problems.add("eca", "a Canadian credential needs no educational credential assessment")
        if (
            self.eca is not None
            and self.completion_date is not None
            and self.eca.issue_date < self.completion_date
        ):
            problems.add(
                "eca.issue_date",
                f"the assessment ({self.eca.issue_date.isoformat()}) predates the completion "
                f"of the credential ({self.completion_date.isoformat()})",
            )
        problems.raise_any()


@attrs.frozen(kw_only=True)
class WorkPeriod:
    """One job held over a period: both ``start`` and ``end`` are included (policy P24).

    ``end`` is ``None`` for a job still held. ``authorized`` matters for work in Canada: whether
    the candidate was authorized to work (temporary resident status, a work permit or an
    exemption) during the period.
    """

    noc: NocCode | None = None
    job_title: str | None = None
    employer: str | None = None
    country: str
    start: date
    end: date | None = None
    hours_per_week: float
    paid: bool | None = None
    self_employed: bool | None = None
    full_time_student: bool | None = None
    authorized: bool | None = None

    @property
    def in_canada(self) -> bool:
        """Whether the work was done in Canada."""
        return self.country == "CA"

    def __attrs_post_init__(self) -> None:
        problems = _Problems()
        _check_country(problems, "country", self.country)
        _check_text(problems, "job_title", self.job_title)
        _check_text(problems, "employer", self.employer)
        if self.end is not None and self.end < self.start:
            problems.add(
                "end",
                f"the job ends ({self.end.isoformat()}) before it starts "
                f"({self.start.isoformat()})",
            )
        hours = self.hours_per_week
        if isinstance(hours, bool) or not (
            math.isfinite(hours) and 0 < hours <= MAX_HOURS_PER_WEEK
        ):
            problems.add(
                "hours_per_week",
                f"{hours!r} hours a week is not possible: give more than 0 and at most "
                f"{MAX_HOURS_PER_WEEK}",
            )
        problems.raise_any()


@attrs.frozen(kw_only=True)
class WorkHistory:
    """Every job the person has held, in any order. In JSON it is a plain list of periods."""

    periods: tuple[WorkPeriod, ...] = ()

    def __iter__(self) -> Iterator[WorkPeriod]:
        return iter(self.periods)

    def __len__(self) -> int:
        return len(self.periods)


MONTHS_IN_A_YEAR: Final = 12
"""An offer's length in months (``JobOffer.duration_months``) makes a year at this many."""


@attrs.frozen(kw_only=True)
class JobOffer:
    """A written offer of employment in Canada (FSW factor 5, FST, historical CRS points).

    ``currently_working_for_employer`` and ``year_of_full_time_work_with_employer`` describe the
    candidate's present work-permit situation with this employer (rules.md §1.6, policy P34).
    ``duration_months`` is the length of an offer with an end: the FST accepts offers from two
    employers that together last a year (IRPR s. 87.2(3)(d)).
    """

    noc: NocCode | None = None
    employer: str | None = None
    province: Province | None = None
    full_time: bool | None = None
    non_seasonal: bool | None = None
    at_least_one_year: bool | None = None
    indeterminate: bool | None = None  # no end date: what offers needed before 2016-11-19
    duration_months: int | None = None
    lmia: LmiaStatus | None = None
    currently_working_for_employer: bool | None = None
    year_of_full_time_work_with_employer: bool | None = None

    def __attrs_post_init__(self) -> None:
        problems = _Problems()
        _check_text(problems, "employer", self.employer)
        if self.indeterminate is True and self.at_least_one_year is False:
            problems.add(
                "at_least_one_year",
                "an indeterminate offer has no end date, so it is not for less than one year",
            )
        months = self.duration_months
        if months is not None:
            if not 1 <= months <= MAX_MONTHS:
                problems.add(
                    "duration_months",
                    f"expected 1 to {MAX_MONTHS:,} months, got {quoted(months)}",
                )
            elif self.indeterminate is True:
                problems.add("duration_months", "an indeterminate offer has no length")
            elif self.at_least_one_year is not None and self.at_least_one_year != (
                months >= MONTHS_IN_A_YEAR
            ):
                problems.add(
                    "duration_months",
                    f"{months} months contradicts at_least_one_year={self.at_least_one_year}",
                )
        problems.raise_any()


@attrs.frozen(kw_only=True)
class CertificateOfQualification:
    """A certificate of qualification in a trade, from a province, territory or federal body."""

    noc: NocCode | None = None
    issued_by: IssuingAuthority
    issue_date: date | None = None


@attrs.frozen(kw_only=True)
class ProvincialNomination:
    """A nomination by a province or territory."""

    province: Province
    nomination_date: date | None = None
    express_entry_stream: bool | None = None  # an "enhanced" stream aligned with Express Entry

    def __attrs_post_init__(self) -> None:
        problems = _Problems()
        if self.province is Province.QC:
            problems.add(
                "province",
                "Quebec has no provincial nominee program; it selects its own immigrants",
            )
        problems.raise_any()


@attrs.frozen(kw_only=True)
class TravelDocument:
    """A passport or other travel document."""

    number: str
    issuing_country: str
    expiry_date: date | None = None

    def __attrs_post_init__(self) -> None:
        problems = _Problems()
        _check_text(problems, "number", self.number)
        _check_country(problems, "issuing_country", self.issuing_country)
        problems.raise_any()


@attrs.frozen(kw_only=True)
class Spouse:
    """The spouse or common-law partner.

    The CRS scores the candidate with the spouse only when the spouse is neither a Canadian
    citizen nor a permanent resident and is coming to Canada (policy P12).
    """

    canadian_citizen_or_pr: bool | None = None
    accompanying: bool | None = None
    education: tuple[Credential, ...] = ()
    language_tests: tuple[LanguageTest, ...] = ()
    work_history: WorkHistory | None = None  # None: not answered; an empty history: no work


def _compact_code(value: str | None) -> str | None:
    """The compact form of a valid reference code ("qk 4350 881372" → "QK4350881372");
    anything else is kept as given for the check to report."""
    return _prc.compact(value) if value is not None and _prc.is_valid(value) else value


def _about(description: str) -> dict[str, str]:
    """A field's description, which the JSON Schema gives (``json_schema``)."""
    return {"description": description}


@attrs.frozen(kw_only=True)
class Candidate:
    """Everything known about a candidate (the principal applicant).

    >>> Candidate()  # a profile not yet filled in is still a valid candidate
    Candidate(birth_date=None, ...)
    """

    birth_date: date | None = attrs.field(
        default=None, metadata=_about("The birth date (age, policy P13).")
    )
    marital_status: MaritalStatus | None = attrs.field(
        default=None,
        metadata=_about("The marital status: with a spouse or common-law partner, or not."),
    )
    intended_province: Province | None = attrs.field(
        default=None,
        metadata=_about(
            "The province or territory the candidate plans to live in (Quebec rules out the "
            "three programs, P18)."
        ),
    )
    work_authorization: WorkAuthorization | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether, and how, the candidate may work in Canada today (job offers, funds "
            "exemption)."
        ),
    )
    travel_document: TravelDocument | None = attrs.field(
        default=None, metadata=_about("The passport or travel document.")
    )
    personal_reference_code: str | None = attrs.field(
        default=None,
        converter=_compact_code,
        metadata=_about(
            "The personal reference code from IRCC's tool (2 letters then 10 digits)."
        ),
    )
    first_official_language: Language | None = attrs.field(
        default=None, metadata=_about("The first official language the candidate declares (P5).")
    )
    language_tests: tuple[LanguageTest, ...] | None = attrs.field(
        default=None,
        metadata=_about(
            "The language test results, in any order. Absent or null: not answered (the "
            "language requirements are unknown); an empty list: no test taken."
        ),
    )
    education: tuple[Credential, ...] | None = attrs.field(
        default=None,
        metadata=_about(
            "Every completed or current credential, Canadian or foreign. Absent or null: not "
            "answered (education is unknown); an empty list: no credential at all."
        ),
    )
    work_history: WorkHistory | None = attrs.field(
        default=None,
        metadata=_about(
            "The jobs, each with its NOC code, country, dates and hours; experience is measured "
            "from them. Absent or null: not answered (experience unknown); an empty list: no "
            "work at all."
        ),
    )
    primary_occupation: NocCode | None = attrs.field(
        default=None,
        metadata=_about(
            "The NOC code of the occupation the FSW is claimed in; if none, the engine picks the "
            "best."
        ),
    )
    meets_trade_requirements: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the candidate meets the employment requirements the NOC sets for the trade "
            "(FST), other than a certificate of qualification."
        ),
    )
    job_offers: tuple[JobOffer, ...] | None = attrs.field(
        default=None,
        metadata=_about(
            "Written offers of employment in Canada. Absent or null: not answered (whether an "
            "offer qualifies is unknown); an empty list: no offer."
        ),
    )
    certificates_of_qualification: tuple[CertificateOfQualification, ...] | None = attrs.field(
        default=None,
        metadata=_about(
            "Certificates of qualification in a trade from a Canadian province, territory or "
            "federal body. Absent or null: not answered; an empty list: none."
        ),
    )
    provincial_nomination: ProvincialNomination | None = attrs.field(
        default=None, metadata=_about("A provincial or territorial nomination.")
    )
    spouse: Spouse | None = attrs.field(
        default=None,
        metadata=_about(
            "The spouse or common-law partner: status in Canada, whether coming, education, "
            "tests and work."
        ),
    )
    dependent_children: int | None = attrs.field(
        default=None,
        metadata=_about("The number of dependent children (family size for the funds)."),
    )
    settlement_funds_cad: int | None = attrs.field(
        default=None,
        metadata=_about("The settlement funds the candidate can prove, in Canadian dollars."),
    )
    sibling_in_canada: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether a brother or sister who is a citizen or permanent resident lives in Canada "
            "(CRS)."
        ),
    )
    relative_in_canada: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether a relative who is a citizen or permanent resident lives in Canada (FSW "
            "adaptability)."
        ),
    )

    def __attrs_post_init__(self) -> None:
        problems = _Problems()
        if self.birth_date is not None:
            self._check_birth_date(problems, self.birth_date)
        if (
            self.spouse is not None
            and self.marital_status is not None
            and not self.marital_status.has_partner
        ):
            problems.add(
                "spouse",
                f"a spouse or partner is given but the marital status is "
                f"{self.marital_status.value}",
            )
        if self.personal_reference_code is not None:
            try:
                _prc.validate(self.personal_reference_code)
            except ValidationError as exc:
                problems.add("personal_reference_code", str(exc))
        _check_count(
            problems,
            "dependent_children",
            self.dependent_children,
            "children",
            MAX_DEPENDENT_CHILDREN,
        )
        _check_count(
            problems,
            "settlement_funds_cad",
            self.settlement_funds_cad,
            "dollars",
            MAX_SETTLEMENT_FUNDS_CAD,
        )
        problems.raise_any()

    def _check_birth_date(self, problems: _Problems, birth_date: date) -> None:
        if birth_date < EARLIEST_BIRTH_DATE:
            problems.add("birth_date", f"{birth_date.isoformat()} is not a plausible birth date")
            return
        born = birth_date.isoformat()
        for index, test in enumerate(self.language_tests or ()):
            if test.test_date < birth_date:
                problems.add(
                    f"language_tests[{index}].test_date",
                    f"the test ({test.test_date.isoformat()}) predates the birth date {born}",
                )
        for index, period in enumerate(self.work_history or ()):
            if period.start < birth_date:
                problems.add(
                    f"work_history[{index}].start",
                    f"the job starts ({period.start.isoformat()}) before the birth date {born}",
                )
        for index, credential in enumerate(self.education or ()):
            if credential.completion_date is not None and credential.completion_date < birth_date:
                problems.add(
                    f"education[{index}].completion_date",
                    f"the credential was completed ({credential.completion_date.isoformat()}) "
                    f"before the birth date {born}",
                )
