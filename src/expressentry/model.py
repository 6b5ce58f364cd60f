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

import enum
import math
import numbers
import types
import typing
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, Final

import attrs

from expressentry._countries import COUNTRIES
from expressentry._enum import IdentityEnum
from expressentry.codes import personal_reference_code as _prc
from expressentry.exceptions import Problem, ProfileError, ValidationError, quoted
from expressentry.language.scales import Ability, Language, TestKind, score_problem
from expressentry.noc.code import NocCode

__all__ = [
    "PROVINCE_NAMES",
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

MAX_LIST_ITEMS = 1_000
"""The most items a list of a profile holds (tests, credentials, jobs, offers): a real profile
has a few, a long career a few hundred jobs. A longer list is refused whole, before its items
are read: collecting the problems of a million bad items would take minutes."""


def too_many_items(count: int) -> str:
    """The problem of a list of ``count`` items, more than :data:`MAX_LIST_ITEMS`."""
    return f"expected at most {MAX_LIST_ITEMS:,} items, got {count:,}"


MAX_DEPENDENT_CHILDREN = 50
"""More dependent children than anyone has: a larger number is a typing error."""

MAX_SETTLEMENT_FUNDS_CAD = 10**12
"""A trillion dollars: more than any person holds, so a larger figure is a typing error."""

MAX_MONTHS = 1_200
"""A hundred years: no study in Canada or offer of employment lasts longer."""

MAX_PROGRAM_YEARS = 15
"""No program of study that leads to a credential lasts longer."""

MAX_TEXT_LENGTH = 200
"""The most characters a name, title or number holds: longer than any employer's or school's
name, so a longer text is a paste gone wrong, which every report would otherwise quote whole."""


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


PROVINCE_NAMES: Final[dict[Province, str]] = {
    Province.AB: "Alberta",
    Province.BC: "British Columbia",
    Province.MB: "Manitoba",
    Province.NB: "New Brunswick",
    Province.NL: "Newfoundland and Labrador",
    Province.NS: "Nova Scotia",
    Province.NT: "the Northwest Territories",
    Province.NU: "Nunavut",
    Province.ON: "Ontario",
    Province.PE: "Prince Edward Island",
    Province.QC: "Quebec",
    Province.SK: "Saskatchewan",
    Province.YT: "Yukon",
}
"""Each province's and territory's name, as a sentence says it."""


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

    @property
    def title(self) -> str:
        """The issuer in words: a province's or territory's name, or a federal body.

        >>> IssuingAuthority.ON.title, IssuingAuthority.FEDERAL.title
        ('Ontario', 'a federal body')
        """
        if self is IssuingAuthority.FEDERAL:
            return "a federal body"
        return PROVINCE_NAMES[Province(self.value)]


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


class _FieldType:
    """What one field of a model class holds, read once from its annotation: the type of its
    value (or of each item, for a tuple), and whether ``None`` (not answered) is allowed."""

    __slots__ = ("exact", "item", "kinds", "name", "refused", "words")

    def __init__(self, name: str, hint: Any) -> None:
        self.name = name
        arguments = typing.get_args(hint)
        optional = isinstance(hint, types.UnionType) and type(None) in arguments
        if optional:
            (hint,) = (argument for argument in arguments if argument is not type(None))
        self.item: _FieldType | None = None
        self.kinds: tuple[type, ...]
        self.refused: tuple[type, ...] = ()
        # The types whose values need no closer look: the common case, checked in one step.
        self.exact: frozenset[type] = frozenset({type(None)} if optional else ())
        if typing.get_origin(hint) is tuple:
            (item,) = typing.get_args(hint)[:1]
            self.item = _FieldType(name, item)
            self.kinds = (tuple,)
            self.words = f"a tuple of {item.__name__}"
            return
        self.exact |= {int, float} if hint is float else {hint}
        # A NumPy integer is a whole number (Integral), a NumPy float a number (Real).
        self.kinds = {float: (numbers.Real,), int: (numbers.Integral,)}.get(hint, (hint,))
        self.words = _TYPE_WORDS.get(hint) or f"a {hint.__name__}"
        # A bool is an int to Python but no number here, and a datetime is no day.
        self.refused = _REFUSED.get(hint, ())
        if isinstance(hint, enum.EnumMeta):
            self.words += f" (e.g. {hint.__name__}.{next(iter(hint)).name})"

    def check(self, problems: _Problems, path: str, value: object) -> None:
        """Add to ``problems`` what is wrong with the type of ``value`` at ``path``, if
        anything: the value's, or each wrong item's at its index. (None, where the field may be
        unanswered, is in ``exact`` and never comes here.)"""
        if not isinstance(value, self.kinds) or isinstance(value, self.refused):
            problems.add(path, f"expected {self.words}, got {_given(value, self)}")
        elif self.item is not None:
            assert isinstance(value, tuple)
            if len(value) > MAX_LIST_ITEMS:
                problems.add(path, too_many_items(len(value)))
                return
            for index, element in enumerate(value):
                if type(element) not in self.item.exact:
                    self.item.check(problems, f"{path}[{index}]", element)


_REFUSED: Final[dict[object, tuple[type, ...]]] = {
    date: (datetime,),
    float: (bool,),
    int: (bool,),
}
"""Subclasses that a field of the type refuses."""

_TYPE_WORDS: Final[dict[object, str]] = {
    bool: "True or False",
    date: "a date (datetime.date)",
    float: "a number",
    int: "a whole number",
    str: "a text (str)",
}


def _given(value: object, expected: _FieldType) -> str:
    """``value`` as a type error quotes it, with how to write it if the type can read it."""
    if value is None or isinstance(value, (str, int, float)):
        shown = quoted(value)
    else:
        shown = f"a {type(value).__name__}"
    (kind,) = expected.kinds if len(expected.kinds) == 1 else (None,)
    if isinstance(value, list) and kind is tuple:
        return f"{shown} (a tuple keeps the facts immutable: write tuple(...))"
    if isinstance(value, (list, tuple)) and kind is WorkHistory:
        return f"{shown} (write WorkHistory(periods=...))"
    if (
        isinstance(value, str)
        and isinstance(kind, enum.EnumMeta)
        and any(member.value == value for member in kind)  # type: ignore[var-annotated]
    ):
        return f"{shown} ({kind.__name__}({value!r}) reads it)"
    if isinstance(value, str) and kind is date:
        return f"{shown} (date.fromisoformat({value!r}) reads it)"
    if isinstance(value, datetime) and kind is date:
        return f"{shown} (its .date() is the day)"
    return shown


_FIELD_TYPES: dict[type, tuple[_FieldType, ...]] = {}
"""Memo of each model class's field types: annotations are read once per class."""


def check_types(instance: object) -> _Problems:
    """Empty problems for ``instance`` to fill, once every field holds a value of its type;
    else :class:`ProfileError` at once, naming every field of the wrong type (from Python a
    text may come where a date belongs, which the other checks could not even compare)."""
    cls = type(instance)
    fields = _FIELD_TYPES.get(cls)
    if fields is None:
        hints = typing.get_type_hints(cls)
        fields = _FIELD_TYPES[cls] = tuple(
            _FieldType(field.name, hints[field.name])
            for field in attrs.fields(cls)  # type: ignore[arg-type]
        )
    problems = _Problems()
    for field in fields:
        value = getattr(instance, field.name)
        if type(value) not in field.exact:
            field.check(problems, field.name, value)
    problems.raise_any()
    return problems


_COUNTRY_CODES: Final = {name.casefold(): code for code, name in COUNTRIES.items()}
"""Each country's code by its short name ("India" is 'IN'): a hint, never read as the code."""


def _check_country(problems: _Problems, path: str, code: str) -> None:
    if code not in COUNTRIES:
        named = _COUNTRY_CODES.get(" ".join(code.casefold().split()))
        if code.isascii() and code.upper() in COUNTRIES:
            hint = f" (write it in upper case: {code.upper()!r})"
        elif named is not None:
            hint = f" (write its code: {named!r})"
        else:
            hint = " (e.g. 'CA')"
        problems.add(path, f"{quoted(code)} is not an ISO 3166-1 alpha-2 country code{hint}")


def _check_text(problems: _Problems, path: str, text: str | None) -> None:
    if text is None:
        return
    # Text of spaces, or of invisible format characters alone (a zero-width space), is empty.
    if not text.strip() or (
        not text.isprintable()
        and all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)
    ):
        problems.add(path, "must not be empty (leave it out if it is not known)")
    elif len(text) > MAX_TEXT_LENGTH:
        problems.add(
            path, f"{quoted(text)} is longer than the {MAX_TEXT_LENGTH} characters a text may hold"
        )
    elif not text.isprintable() and (wrong := _not_text(text)) is not None:
        problems.add(path, wrong)


_NOT_TEXT = {
    "Cc": "the control character",
    "Zl": "the line separator",
    "Zp": "the paragraph separator",
}
_BIDI_CONTROLS = frozenset(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A))))
"""The embeddings, overrides and isolates of Unicode's bidirectional algorithm: they reorder
what follows them on the line, so a report would show words the candidate did not write in
that order. The marks (LRM, RLM, ALM), which a name in two scripts may need, are accepted."""


def _not_text(text: str) -> str | None:
    """What is wrong with the first character of ``text`` that is not text, if any: a NUL, an
    escape or a line break never belongs in a name, and one would garble every report (a
    line, a table row, a JSON line) that quotes it."""
    for char in text:
        if (kind := _NOT_TEXT.get(unicodedata.category(char))) is not None:
            return f"holds {kind} U+{ord(char):04X}, which is not text"
        if char in _BIDI_CONTROLS:
            return (
                f"holds the bidirectional control U+{ord(char):04X}, which would reorder the "
                "words after it in every report that quotes it"
            )
    return None


def _check_count(problems: _Problems, path: str, value: int | None, what: str, most: int) -> None:
    if value is not None and not 0 <= value <= most:  # a whole number: _checked saw to it
        problems.add(path, f"expected 0 to {most:,} {what}, got {quoted(value)}")


def _about(description: str) -> dict[str, str]:
    """A field's description, which the JSON Schema gives (``json_schema``)."""
    return {"description": description}


@attrs.frozen(kw_only=True)
class AbilityScores:
    """A test's result in each of the four abilities, on the test's own scale."""

    listening: float = attrs.field(
        metadata=_about(
            "The listening score: an IELTS band (0 to 9 in half bands), a CELPIP level (0 to "
            "12), a PTE Core score (10 to 90), a TEF Canada score (its "
            '"Équivalence ancien score", 0 to 360, whatever the test date) or a TCF Canada '
            "score (0 to 699)."
        )
    )
    reading: float = attrs.field(
        metadata=_about(
            "The reading score: an IELTS band (0 to 9 in half bands), a CELPIP level (0 to 12), "
            'a PTE Core score (10 to 90), a TEF Canada score (its "Équivalence ancien score", '
            "0 to 300, whatever the test date) or a TCF Canada score (0 to 699)."
        )
    )
    writing: float = attrs.field(
        metadata=_about(
            "The writing score: an IELTS band (0 to 9 in half bands), a CELPIP level (0 to 12), "
            'a PTE Core score (10 to 90), a TEF Canada score (its "Équivalence ancien score", '
            "0 to 450, whatever the test date) or a TCF Canada score (0 to 20)."
        )
    )
    speaking: float = attrs.field(
        metadata=_about(
            "The speaking score: an IELTS band (0 to 9 in half bands), a CELPIP level (0 to "
            "12), a PTE Core score (10 to 90), a TEF Canada score (its "
            '"Équivalence ancien score", 0 to 450, whatever the test date) or a TCF Canada '
            "score (0 to 20)."
        )
    )

    def of(self, ability: Ability) -> float:
        """The score of ``ability``."""
        score: float = getattr(self, ability.value)
        return score

    def __attrs_post_init__(self) -> None:
        problems = check_types(self)
        for ability in Ability:
            score = self.of(ability)
            if not math.isfinite(score):
                problems.add(ability.value, f"{score!r} is not a score")
        problems.raise_any()


@attrs.frozen(kw_only=True)
class LanguageTest:
    """One sitting of an accepted language test (rules.md §5.1)."""

    kind: TestKind = attrs.field(
        metadata=_about(
            "The accepted test taken (IELTS General Training, CELPIP-General, PTE Core, TEF "
            "Canada or TCF Canada); it sets the language assessed and the scale of the scores."
        )
    )
    test_date: date = attrs.field(
        metadata=_about(
            "The day the test was taken. It sets whether a PTE Core counts (from 2024-01-30), "
            "and the validity runs from it when the result date is not given."
        )
    )
    result_date: date | None = attrs.field(
        default=None,
        metadata=_about(
            "The date of the test result. The result counts from it until two years later "
            "(policies P4, P30); absent or null: not answered, and the test date is used."
        ),
    )
    registration_number: str | None = attrs.field(
        default=None,
        metadata=_about("The registration number printed on the test report; no rule reads it."),
    )
    scores: AbilityScores = attrs.field(
        metadata=_about(
            "The scores in the four abilities, each on the test's own scale; the engine "
            "converts them to CLB or NCLC levels."
        )
    )

    def __attrs_post_init__(self) -> None:
        problems = check_types(self)
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

    organization: EcaOrganization = attrs.field(
        metadata=_about(
            "The organization designated by IRCC that issued the assessment (WES, CES, ICAS, "
            "IQAS, ICES; MCC for physicians, PEBC for pharmacists)."
        )
    )
    reference: str | None = attrs.field(
        default=None,
        metadata=_about("The assessment's reference number, as the organization prints it."),
    )
    issue_date: date = attrs.field(
        metadata=_about(
            "The day the assessment was issued, not before the credential's completion. It "
            "counts from that day for five years (policy P21)."
        )
    )
    canadian_equivalent: CredentialLevel = attrs.field(
        metadata=_about(
            "The Canadian level the assessment gives the foreign credential: the level that "
            "counts, whatever level the credential claims (policy P21)."
        )
    )

    def __attrs_post_init__(self) -> None:
        problems = check_types(self)
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

    level: CredentialLevel = attrs.field(
        metadata=_about(
            "The level of the credential, as the CRS and the FSW grid name it; for a foreign "
            "credential the ECA's Canadian equivalent is the level that counts (policy P21)."
        )
    )
    program_years: int | None = attrs.field(
        default=None,
        metadata=_about(
            "The length of the program of study, in years (it must agree with the level). FSW "
            "adaptability reads it for study in Canada (a program of 2 years or more); absent "
            "or null: not answered."
        ),
    )
    country: str = attrs.field(
        metadata=_about(
            "The country where the credential was obtained, as an ISO 3166-1 alpha-2 code in "
            'upper case; "CA" is a Canadian credential, which needs no ECA.'
        )
    )
    institution: str | None = attrs.field(
        default=None,
        metadata=_about("The school, college or university that granted it; no rule reads it."),
    )
    completion_date: date | None = attrs.field(
        default=None,
        metadata=_about(
            "The day the credential was completed; it counts from that day. Absent or null: "
            "not completed, so it earns no education points (policy P29), though its study in "
            "Canada may count for FSW adaptability."
        ),
    )
    full_time: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the program was studied full time, which the CRS points for study in "
            "Canada and the FSW adaptability points for it need. Absent or null: not answered "
            "(those points stay unconfirmed)."
        ),
    )
    months_studied_in_canada: int | None = attrs.field(
        default=None,
        metadata=_about(
            "The months of full-time study in Canada: the CRS points for study in Canada need "
            "8, the FSW adaptability points 16. Absent or null: not answered."
        ),
    )
    eca: EducationalCredentialAssessment | None = attrs.field(
        default=None,
        metadata=_about(
            "The Educational Credential Assessment a foreign credential needs to count (policy "
            "P21); never given for a Canadian one. Absent or null for a foreign credential: not "
            "entered, and the education findings ask for it."
        ),
    )

    @property
    def canadian(self) -> bool:
        """Whether the credential is Canadian (needs no ECA)."""
        return self.country == "CA"

    def __attrs_post_init__(self) -> None:
        problems = check_types(self)
        _check_country(problems, "country", self.country)
        _check_text(problems, "institution", self.institution)
        years = self.program_years
        if years is not None:
            # A length no program has is reported in the same words whatever the level (which
            # may be wrong too); one that another level's program may have names the level.
            low, high = _PROGRAM_YEARS.get(self.level, (1, MAX_PROGRAM_YEARS))
            if not 1 <= years <= MAX_PROGRAM_YEARS:
                problems.add(
                    "program_years",
                    f"expected a program of 1 to {MAX_PROGRAM_YEARS} years, got {quoted(years)}",
                )
            elif not low <= years <= high:
                length = (
                    f"{low} to {high} years" if low < high else f"{low} year" + "s" * (low > 1)
                )
                problems.add(
                    "program_years",
                    f"a {self.level.value} credential comes from a program of {length}, got "
                    f"{years}",
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

    noc: NocCode | None = attrs.field(
        default=None,
        metadata=_about(
            "The job's NOC code (5 digits for NOC 2021, 4 for NOC 2016), read in the version in "
            "force on the date of the evaluation: it decides whether the work is skilled and in "
            "which occupation or trade. Absent or null: not answered (the period may or may not "
            "count)."
        ),
    )
    job_title: str | None = attrs.field(
        default=None,
        metadata=_about("The job title, which the profile asks for and the explanations quote."),
    )
    employer: str | None = attrs.field(
        default=None,
        metadata=_about(
            "The employer's name; the explanations quote it when the job title is not given."
        ),
    )
    country: str = attrs.field(
        metadata=_about(
            "The country where the work was done, as an ISO 3166-1 alpha-2 code in upper case: "
            '"CA" is Canadian work experience, any other code foreign work experience.'
        )
    )
    start: date = attrs.field(metadata=_about("The first day of the job, included (policy P24)."))
    end: date | None = attrs.field(
        default=None,
        metadata=_about(
            "The last day of the job, included (policy P24). Absent or null: the job is still "
            "held, and it counts through the date of the evaluation."
        ),
    )
    hours_per_week: float = attrs.field(
        metadata=_about(
            "The hours worked a week, more than 0 and at most 168. At most 30 hours a week "
            "count, across jobs held at the same time too (policy P9)."
        )
    )
    paid: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the work was paid (wages or commission): unpaid work, such as volunteer "
            "work or an unpaid internship, never counts. Absent or null: not answered."
        ),
    )
    self_employed: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the candidate was self-employed: such work counts for the FSW, the FST and "
            "CRS foreign experience, not for CRS Canadian experience, nor for the CEC except a "
            "physician's from 2023-04-25 (policy P8). Absent or null: not answered."
        ),
    )
    full_time_student: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the work was done while a full-time student: such work counts for the "
            "FSW, the FST and CRS foreign experience, not for the CEC or CRS Canadian "
            "experience (policy P11). Absent or null: not answered."
        ),
    )
    authorized: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the work in Canada was authorized: the CEC, CRS Canadian experience and "
            "FSW adaptability count only authorized work (policies P11, P28). Not read for work "
            "abroad; absent or null: not answered."
        ),
    )

    @property
    def in_canada(self) -> bool:
        """Whether the work was done in Canada."""
        return self.country == "CA"

    def __attrs_post_init__(self) -> None:
        problems = check_types(self)
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
        if not (math.isfinite(hours) and 0 < hours <= MAX_HOURS_PER_WEEK):
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

    def __attrs_post_init__(self) -> None:
        check_types(self)

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

    noc: NocCode | None = attrs.field(
        default=None,
        metadata=_about(
            "The NOC code of the job offered: a qualifying offer is in a skilled occupation "
            "(for the FST, in the trade), and from 2016-11-19 NOC major group 00 is senior "
            "management for the CRS. Absent or null: not answered."
        ),
    )
    employer: str | None = attrs.field(
        default=None,
        metadata=_about(
            "The employer's name. The FST reads two offers of less than a year together only "
            "when their employers differ (names compared without case)."
        ),
    )
    province: Province | None = attrs.field(
        default=None,
        metadata=_about("The province or territory of the job offered; no rule reads it."),
    )
    full_time: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the work offered is full time (30 hours a week or more), as a qualifying "
            "offer must be (policy P34). Absent or null: not answered."
        ),
    )
    non_seasonal: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the work offered is non-seasonal, as a qualifying offer must be (policy "
            "P34). Absent or null: not answered."
        ),
    )
    at_least_one_year: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the employment offered lasts at least one year after the permanent "
            "resident visa is issued, as a qualifying offer must from 2016-11-19 (for the FST, "
            "always). Absent or null: read from indeterminate or duration_months, else not "
            "answered."
        ),
    )
    indeterminate: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the offer has no end date, as FSW and CRS offers needed before 2016-11-19 "
            "(policy P34); such an offer lasts at least one year. Absent or null: not answered."
        ),
    )
    duration_months: int | None = attrs.field(
        default=None,
        metadata=_about(
            "The length in months of the employment offered, for an offer with an end date "
            "(1 to 1,200, none for an indeterminate offer). It settles at_least_one_year (12 "
            "months or more) when that is not answered, and the FST adds up two employers' "
            "shorter offers."
        ),
    )
    lmia: LmiaStatus | None = attrs.field(
        default=None,
        metadata=_about(
            'Whether the offer rests on a Labour Market Impact Assessment: "approved" (a '
            'positive LMIA), "exempt" (an LMIA-exempt work permit) or "none", which does '
            "not qualify (policy P34). Absent or null: not answered."
        ),
    )
    currently_working_for_employer: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the candidate works in Canada for this employer now: an LMIA-exempt offer "
            "needs it; with an approved LMIA it picks the FSW case, (a) or (c). Absent or "
            "null: not answered."
        ),
    )
    year_of_full_time_work_with_employer: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the candidate has done at least one year of continuous full-time work for "
            "this employer, which an LMIA-exempt offer needs (FSW case (b), policy P34). Absent "
            "or null: not answered."
        ),
    )

    def __attrs_post_init__(self) -> None:
        problems = check_types(self)
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

    noc: NocCode | None = attrs.field(
        default=None,
        metadata=_about(
            "The NOC code of the trade certified; the FST needs it to be the trade of the "
            "candidate's experience. Absent or null: not answered (the CRS counts the "
            "certificate whatever its trade, policy P19)."
        ),
    )
    issued_by: IssuingAuthority = attrs.field(
        metadata=_about(
            "The authority that issued the certificate: a province, territory or federal body."
        )
    )
    issue_date: date | None = attrs.field(
        default=None,
        metadata=_about(
            "The day the certificate was issued; it counts from that day. Absent or null: not "
            "answered, and it counts on any date."
        ),
    )

    def __attrs_post_init__(self) -> None:
        check_types(self)


@attrs.frozen(kw_only=True)
class ProvincialNomination:
    """A nomination by a province or territory."""

    province: Province = attrs.field(
        metadata=_about(
            "The nominating province or territory (not Quebec, which has no nominee program)."
        )
    )
    nomination_date: date | None = attrs.field(
        default=None,
        metadata=_about(
            "The day of the nomination; a nomination dated after the date of the evaluation "
            "does not count yet. Absent or null: not answered, and it counts on any date."
        ),
    )
    express_entry_stream: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the nomination is through an Express Entry-aligned stream: an "
            '"enhanced" nomination, the only kind that earns the CRS nomination points. Absent '
            "or null: not answered, and the nomination earns nothing until it is."
        ),
    )

    def __attrs_post_init__(self) -> None:
        problems = check_types(self)
        if self.province is Province.QC:
            problems.add(
                "province",
                "Quebec has no provincial nominee program; it selects its own immigrants",
            )
        problems.raise_any()


@attrs.frozen(kw_only=True)
class TravelDocument:
    """A passport or other travel document."""

    number: str = attrs.field(metadata=_about("The document's number, as printed on it."))
    issuing_country: str = attrs.field(
        metadata=_about(
            "The country that issued the document, as an ISO 3166-1 alpha-2 code in upper case."
        )
    )
    expiry_date: date | None = attrs.field(
        default=None,
        metadata=_about(
            "The last day the document is valid: the completeness check asks to renew it once "
            "expired, and the time warnings name it when it expires before the date asked "
            "about. Absent or null: not answered."
        ),
    )

    def __attrs_post_init__(self) -> None:
        problems = check_types(self)
        _check_text(problems, "number", self.number)
        _check_country(problems, "issuing_country", self.issuing_country)
        problems.raise_any()


@attrs.frozen(kw_only=True)
class Spouse:
    """The spouse or common-law partner.

    The CRS scores the candidate with the spouse only when the spouse is neither a Canadian
    citizen nor a permanent resident and is coming to Canada (policy P12).
    """

    canadian_citizen_or_pr: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the spouse or partner is a Canadian citizen or permanent resident; if so, "
            "the spouse does not count: the CRS scores the candidate as single and FSW "
            "adaptability gives no spouse items (policy P12). Absent or null: not answered."
        ),
    )
    accompanying: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether the spouse or partner is coming to Canada with the candidate; if not, the "
            "spouse does not count: the CRS scores the candidate as single and FSW adaptability "
            "gives no spouse items (policy P12). Absent or null: not answered."
        ),
    )
    education: tuple[Credential, ...] = attrs.field(
        default=(),
        metadata=_about(
            "The spouse's completed or current credentials, read as the candidate's are (the "
            "CRS spouse factors, FSW adaptability). Absent, null or an empty list: none given."
        ),
    )
    language_tests: tuple[LanguageTest, ...] = attrs.field(
        default=(),
        metadata=_about(
            "The spouse's language test results; the best valid one gives the spouse's levels "
            "(policy P30). Absent, null or an empty list: none given."
        ),
    )
    work_history: WorkHistory | None = attrs.field(
        default=None,
        metadata=_about(
            "The spouse's jobs, read as the candidate's are (CRS spouse Canadian experience, "
            "FSW adaptability work in Canada). Absent or null: not answered; an empty list: no "
            "work at all."
        ),
    )

    def __attrs_post_init__(self) -> None:
        check_types(self)


def _compact_code(value: str | None) -> str | None:
    """The compact form of a valid reference code ("qk 4350 881372" → "QK4350881372");
    anything else is kept as given for the check to report."""
    return _prc.compact(value) if value is not None and _prc.is_valid(value) else value


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
            "Whether and how the candidate may work in Canada today (job offers, funds exemption)."
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
            "Certificates of qualification in a trade: each from a Canadian province, territory "
            "or federal body. Absent or null: not answered; an empty list: none."
        ),
    )
    provincial_nomination: ProvincialNomination | None = attrs.field(
        default=None, metadata=_about("The provincial or territorial nomination.")
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
            "Whether a brother or sister lives in Canada (of the candidate or of a spouse or "
            "partner coming to Canada, aged 18 or over, a citizen or permanent resident, with a "
            "parent in common by blood, adoption, marriage or common-law partnership): CRS, 15 "
            "points."
        ),
    )
    relative_in_canada: bool | None = attrs.field(
        default=None,
        metadata=_about(
            "Whether a relative of the candidate or of the spouse or partner lives in Canada (a "
            "parent, grandparent, child, grandchild, brother or sister, aunt or uncle, or niece "
            "or nephew, aged 18 or over, a citizen or permanent resident): FSW adaptability, 5 "
            "points."
        ),
    )

    def __attrs_post_init__(self) -> None:
        problems = check_types(self)
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
        if self.relative_in_canada is False and self.sibling_in_canada:
            problems.add(
                "relative_in_canada",
                "false, but sibling_in_canada is true: a brother or sister in Canada is a "
                "relative in Canada",
            )
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
