"""The level of education, and Canadian study, that a candidate's credentials prove on a date.

The CRS and the FSW grid score one *level of education* (rules.md §4.2, §1.3). The level is
derived from the credentials (policies P21 and P29):

* A credential counts only once it is **completed** on or before the evaluation date; an
  incomplete one (no ``completion_date``, or one after ``on``) never counts.
* A **Canadian** credential counts as it is. A **foreign** one counts only with an Educational
  Credential Assessment issued on or before ``on`` and still valid (five years from its issue
  date, calendar arithmetic); its level is the ECA's ``canadian_equivalent``, not the level the
  foreign institution gave it.
* The level is the highest recognized credential, except that two or more recognized
  post-secondary credentials, one of them from a program of three years or more, rank at least
  :attr:`EducationLevel.TWO_OR_MORE`.

The CRS also gives additional points for post-secondary study in Canada (rules.md §4.8,
:func:`canadian_education_credit`).

>>> from datetime import date
>>> from expressentry.model import Credential, CredentialLevel
>>> bachelor = Credential(
...     level=CredentialLevel.BACHELORS_OR_THREE_YEAR,
...     program_years=4,
...     country="CA",
...     completion_date=date(2019, 5, 1),
... )
>>> college = Credential(
...     level=CredentialLevel.ONE_YEAR, program_years=1, country="CA",
...     completion_date=date(2020, 5, 1),
... )
>>> derived = education_level((bachelor, college), on=date(2025, 1, 1))
>>> derived.level
<EducationLevel.TWO_OR_MORE: 'two_or_more'>
>>> print(derived.explanation)
Two or more post-secondary credentials, one from a program of 3 years or more: bachelor's \
degree or 3-year program (CA, completed 2019-05-01) and one-year program (CA, completed \
2020-05-01).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar, Final

import attrs

from expressentry._enum import IdentityEnum
from expressentry._written import Written, WrittenOnRead, written
from expressentry.dated import (
    EXPRESS_ENTRY_LAUNCH,
    Citation,
    Dated,
    DatedTable,
    add_years,
    require_in_force,
)
from expressentry.model import Credential, CredentialLevel, EducationalCredentialAssessment

__all__ = [
    "CANADIAN_STUDY_MINIMUM_MONTHS",
    "ECA_VALIDITY_YEARS",
    "CanadianEducation",
    "CanadianEducationCredit",
    "CredentialUse",
    "DerivedEducation",
    "EducationLevel",
    "canadian_education_credit",
    "eca_expiry_date",
    "education_level",
    "level_if_assessed",
    "unassessed",
]


class EducationLevel(IdentityEnum):
    """The level of education the CRS and the FSW grid score, lowest first.

    Members compare by rank:

    >>> EducationLevel.TWO_OR_MORE > EducationLevel.BACHELORS_OR_THREE_YEAR
    True
    >>> EducationLevel.from_credential_level(CredentialLevel.TWO_YEAR)
    <EducationLevel.TWO_YEAR: 'two_year'>
    """

    LESS_THAN_SECONDARY = "less_than_secondary"
    SECONDARY = "secondary"
    ONE_YEAR = "one_year"
    TWO_YEAR = "two_year"
    BACHELORS_OR_THREE_YEAR = "bachelors_or_three_year"
    TWO_OR_MORE = "two_or_more"
    MASTERS_OR_PROFESSIONAL = "masters_or_professional"
    DOCTORAL = "doctoral"

    @property
    def rank(self) -> int:
        """0 for less than secondary up to 7 for doctoral."""
        return _RANKS[self]

    @property
    def title(self) -> str:
        """The level in words, as the CRS criteria name it."""
        return _TITLES[self]

    @property
    def post_secondary(self) -> bool:
        """Whether the level is a post-secondary credential."""
        return _RANKS[self] >= _ONE_YEAR_RANK

    @classmethod
    def from_credential_level(cls, level: CredentialLevel) -> EducationLevel:
        """The education level of one credential of ``level``."""
        return _FROM_CREDENTIAL_LEVEL[level]

    def __lt__(self, other: EducationLevel) -> bool:
        return _RANKS[self] < _RANKS[other]

    def __le__(self, other: EducationLevel) -> bool:
        return _RANKS[self] <= _RANKS[other]

    def __gt__(self, other: EducationLevel) -> bool:
        return _RANKS[self] > _RANKS[other]

    def __ge__(self, other: EducationLevel) -> bool:
        return _RANKS[self] >= _RANKS[other]


_RANKS = {level: rank for rank, level in enumerate(EducationLevel)}
# Looked up, not called: EducationLevel(value) is slow, and it runs for every credential.
_FROM_CREDENTIAL_LEVEL = {level: EducationLevel(level.value) for level in CredentialLevel}
_ONE_YEAR_RANK = _RANKS[EducationLevel.ONE_YEAR]
_TITLES = {
    EducationLevel.LESS_THAN_SECONDARY: "less than secondary school",
    EducationLevel.SECONDARY: "secondary diploma",
    EducationLevel.ONE_YEAR: "one-year program",
    EducationLevel.TWO_YEAR: "two-year program",
    EducationLevel.BACHELORS_OR_THREE_YEAR: "bachelor's degree or 3-year program",
    EducationLevel.TWO_OR_MORE: "two or more credentials, one of 3 years or more",
    EducationLevel.MASTERS_OR_PROFESSIONAL: "master's or professional degree",
    EducationLevel.DOCTORAL: "doctoral degree",
}


class CanadianEducation(IdentityEnum):
    """The class of Canadian post-secondary education for the CRS additional points (§4.8)."""

    NONE = "none"
    ONE_OR_TWO_YEAR = "one_or_two_year"
    THREE_YEAR_OR_MORE = "three_year_or_more"

    @property
    def title(self) -> str:
        """The class in words."""
        return _CANADIAN_TITLES[self]

    @property
    def rank(self) -> int:
        """0, 1 or 2."""
        return _CANADIAN_RANKS[self]


_CANADIAN_RANKS = {kind: rank for rank, kind in enumerate(CanadianEducation)}
_CANADIAN_TITLES = {
    CanadianEducation.NONE: "no Canadian post-secondary credential",
    CanadianEducation.ONE_OR_TWO_YEAR: "a Canadian one- or two-year diploma or certificate",
    CanadianEducation.THREE_YEAR_OR_MORE: (
        "a Canadian credential of 3 years or more, or a master's, professional or doctoral degree"
    ),
}

_ECA_PAGE = Citation(
    "IRCC",
    "Educational credential assessment for Express Entry (valid five years from its issue date)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/documents/education-assessed.html",
)

ECA_VALIDITY_YEARS: DatedTable[int] = DatedTable(
    "Years an educational credential assessment stays valid",
    (Dated(EXPRESS_ENTRY_LAUNCH, 5, _ECA_PAGE),),
)
"""An ECA is valid for five years from its issue date (rules.md §1.1, confidence med; P21)."""

_CANADIAN_STUDY_CITATION = Citation(
    "Ministerial Instructions",
    "Comprehensive Ranking System: additional points for post-secondary education in Canada "
    "(full-time study in Canada for at least eight months)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/check-score/crs-criteria.html",
)

CANADIAN_STUDY_MINIMUM_MONTHS: DatedTable[int] = DatedTable(
    "Months of full-time study in Canada for the Canadian-education points",
    (Dated(EXPRESS_ENTRY_LAUNCH, 8, _CANADIAN_STUDY_CITATION),),
)
"""Canadian study earns CRS points only after at least 8 months of full-time study in Canada
(rules.md §4.8, "2016 rules"). The points themselves start on 2016-11-19 (the CRS tables say
so); the minimum is kept from the launch so that the class can be derived on any date."""


# Built positionally, in the order of the fields (a keyword costs more than the field).
@attrs.frozen(repr=False, getstate_setstate=False)
class CredentialUse(WrittenOnRead):
    """What one credential counted for, and why (``reason`` is a plain sentence)."""

    index: int
    credential: Credential
    level: EducationLevel | None
    # Written only when read: the CRS of a pool reads the levels, not the reasons.
    _reason: Written = attrs.field(alias="reason", eq=written)
    _written_on_read: ClassVar[tuple[str, ...]] = ("reason",)

    @property
    def reason(self) -> str:
        """Why the credential counts at its level, or does not count."""
        reason = self._reason
        if isinstance(reason, str):
            return reason
        return self._keep("_reason", reason())

    def __repr__(self) -> str:
        return (
            f"CredentialUse(index={self.index!r}, credential={self.credential!r}, "
            f"level={self.level!r}, reason={self.reason!r})"
        )


# Built positionally, in the order of the fields (a keyword costs more than the field).
@attrs.frozen(repr=False, getstate_setstate=False)
class DerivedEducation(WrittenOnRead):
    """The education level proven on a date, with the credentials used and those ignored."""

    level: EducationLevel
    used: tuple[CredentialUse, ...]
    ignored: tuple[CredentialUse, ...]
    # Written only when read, like the reasons.
    _explanation: Written = attrs.field(alias="explanation", eq=written)
    _written_on_read: ClassVar[tuple[str, ...]] = ("explanation",)
    citation: Citation

    @property
    def explanation(self) -> str:
        """The level and the credentials behind it, in one sentence."""
        explanation = self._explanation
        if isinstance(explanation, str):
            return explanation
        return self._keep("_explanation", explanation())

    def __repr__(self) -> str:
        return (
            f"DerivedEducation(level={self.level!r}, used={self.used!r}, "
            f"ignored={self.ignored!r}, explanation={self.explanation!r}, "
            f"citation={self.citation!r})"
        )


def _describe(credential: Credential, level: EducationLevel) -> str:
    completed = credential.completion_date
    finished = f", completed {completed.isoformat()}" if completed is not None else ""
    return f"{level.title} ({credential.country}{finished})"


def _recognized(
    index: int, credential: Credential, on: date, assume_assessed: bool = False
) -> CredentialUse:
    """Whether ``credential`` counts on ``on`` (P21, P29), and at which level; with
    ``assume_assessed``, a completed foreign credential without an ECA counts at its own level
    (the most its assessment could confirm)."""
    completed = credential.completion_date
    if completed is None:
        return CredentialUse(index, credential, None, "not completed")
    if completed > on:
        return CredentialUse(
            index,
            credential,
            None,
            f"completed only on {completed.isoformat()}, after {on.isoformat()}",
        )
    if credential.canadian:
        level = _FROM_CREDENTIAL_LEVEL[credential.level]
        return CredentialUse(
            index,
            credential,
            level,
            lambda: f"Canadian credential: {_describe(credential, level)}",
        )
    eca = credential.eca
    if eca is None and assume_assessed:
        assumed = _FROM_CREDENTIAL_LEVEL[credential.level]
        return CredentialUse(
            index,
            credential,
            assumed,
            lambda: f"foreign credential, if assessed as {assumed.title}",
        )
    if eca is None:
        return CredentialUse(
            index,
            credential,
            None,
            "foreign credential without an educational credential assessment",
        )
    if eca.issue_date > on:
        return CredentialUse(
            index,
            credential,
            None,
            f"its assessment is issued only on {eca.issue_date.isoformat()}",
        )
    expires = eca_expiry_date(eca, on)
    if expires <= on:
        return CredentialUse(
            index,
            credential,
            None,
            f"its assessment (issued {eca.issue_date.isoformat()}) expired on "
            f"{expires.isoformat()}",
        )
    level = _FROM_CREDENTIAL_LEVEL[eca.canadian_equivalent]
    return CredentialUse(
        index,
        credential,
        level,
        lambda: (
            f"foreign credential assessed by {eca.organization.name} on "
            f"{eca.issue_date.isoformat()} as {level.title}"
        ),
    )


def eca_expiry_date(eca: EducationalCredentialAssessment, on: date) -> date:
    """The first day ``eca`` no longer counts, under the validity in force on ``on`` (five
    years from its issue date, policy P21).

    >>> from expressentry.model import CredentialLevel, EcaOrganization
    >>> eca = EducationalCredentialAssessment(organization=EcaOrganization.WES,
    ...     issue_date=date(2024, 2, 29), canadian_equivalent=CredentialLevel.DOCTORAL)
    >>> eca_expiry_date(eca, date(2026, 11, 29))
    datetime.date(2029, 2, 28)
    """
    return add_years(eca.issue_date, ECA_VALIDITY_YEARS.at(on))


def _three_years_or_more(use: CredentialUse) -> bool:
    """Whether the credential counts as coming from a program of 3 years or more: whether it
    is recognized at the bachelor's-or-3-year level.

    The level decides, not a stated ``program_years``: the model refuses a shorter or longer
    program for the one-year and two-year levels, and an ECA that assesses a foreign 3-year
    program as a Canadian two-year credential decides its length as it decides its level (P21:
    "the ECA's assessed Canadian equivalent is the level"; IRPR s. 78(1) awards points for the
    equivalency assessment, not for the foreign program).
    """
    return use.level is EducationLevel.BACHELORS_OR_THREE_YEAR


_EDUCATION_CITATION = Citation(
    "Ministerial Instructions",
    "Comprehensive Ranking System criteria: level of education (policies P21, P29)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/check-score/crs-criteria.html",
)


_TWO_OR_MORE_RANK = _RANKS[EducationLevel.TWO_OR_MORE]


def _rank_of_pair(pair: tuple[CredentialUse, EducationLevel]) -> int:
    return _RANKS[pair[1]]


def education_level(
    credentials: Sequence[Credential], *, on: date, assume_assessed: bool = False
) -> DerivedEducation:
    """The level of education ``credentials`` prove on ``on`` (policies P21, P29).

    With ``assume_assessed``, every completed foreign credential without an ECA counts as if
    an ECA confirmed its own level: the most the candidate could prove once assessed (see
    :func:`level_if_assessed`).

    >>> from datetime import date
    >>> from expressentry.model import (
    ...     Credential, CredentialLevel, EcaOrganization, EducationalCredentialAssessment)
    >>> masters = Credential(
    ...     level=CredentialLevel.MASTERS_OR_PROFESSIONAL, country="IN",
    ...     completion_date=date(2015, 6, 1),
    ...     eca=EducationalCredentialAssessment(
    ...         organization=EcaOrganization.WES, issue_date=date(2020, 1, 10),
    ...         canadian_equivalent=CredentialLevel.BACHELORS_OR_THREE_YEAR),
    ... )
    >>> education_level((masters,), on=date(2024, 12, 31)).level
    <EducationLevel.BACHELORS_OR_THREE_YEAR: 'bachelors_or_three_year'>
    >>> late = education_level((masters,), on=date(2025, 1, 10))
    >>> late.level, late.ignored[0].reason
    (<EducationLevel.LESS_THAN_SECONDARY: 'less_than_secondary'>, \
'its assessment (issued 2020-01-10) expired on 2025-01-10')
    """
    require_in_force(on)
    uses = [
        _recognized(index, credential, on, assume_assessed)
        for index, credential in enumerate(credentials)
    ]
    only = uses[0].level if len(uses) == 1 else None
    if only is not None:
        # The common case, one recognized credential: the general path below gives this.
        return DerivedEducation(
            only,
            (uses[0],),
            (),
            lambda: f"Highest recognized credential: {_describe(credentials[0], only)}.",
            _EDUCATION_CITATION,
        )
    ignored = tuple(use for use in uses if use.level is None)
    counted = [(use, use.level) for use in uses if use.level is not None]
    if not counted:
        return DerivedEducation(
            EducationLevel.LESS_THAN_SECONDARY,
            (),
            ignored,
            "No completed and recognized credential: less than secondary school.",
            _EDUCATION_CITATION,
        )
    best, best_level = counted[0] if len(counted) == 1 else max(counted, key=_rank_of_pair)
    post_secondary = [(use, level) for use, level in counted if _RANKS[level] >= _ONE_YEAR_RANK]
    if (
        len(post_secondary) >= 2
        and _RANKS[best_level] < _TWO_OR_MORE_RANK
        and any(_three_years_or_more(use) for use, _ in post_secondary)
    ):
        names = " and ".join(_describe(use.credential, level) for use, level in post_secondary)
        return DerivedEducation(
            EducationLevel.TWO_OR_MORE,
            tuple(use for use, _ in post_secondary),
            ignored + tuple(use for use, level in counted if not level.post_secondary),
            f"Two or more post-secondary credentials, one from a program of 3 years or "
            f"more: {names}.",
            _EDUCATION_CITATION,
        )
    return DerivedEducation(
        best_level,
        (best,),
        ignored + tuple(use for use, _ in counted if use is not best),
        lambda: f"Highest recognized credential: {_describe(best.credential, best_level)}.",
        _EDUCATION_CITATION,
    )


def unassessed(education: DerivedEducation, *, on: date) -> tuple[CredentialUse, ...]:
    """The completed foreign credentials that do not count only because no ECA is given.

    An absent assessment is a fact not answered, not a "no" (DESIGN principle 4): the
    candidate may hold one not yet entered. An ECA that is given but expired, or issued after
    ``on``, is an answer, and such a credential is not listed.

    >>> from datetime import date
    >>> from expressentry.model import Credential, CredentialLevel
    >>> masters = Credential(level=CredentialLevel.MASTERS_OR_PROFESSIONAL, country="IN",
    ...                      completion_date=date(2015, 6, 1))
    >>> on = date(2025, 1, 10)
    >>> [use.index for use in unassessed(education_level((masters,), on=on), on=on)]
    [0]
    """
    return tuple(
        use
        for use in education.ignored
        if use.level is None
        and use.credential.eca is None
        and not use.credential.canadian
        and use.credential.completion_date is not None
        and use.credential.completion_date <= on
    )


def level_if_assessed(credentials: Sequence[Credential], *, on: date) -> EducationLevel:
    """The level ``credentials`` would prove on ``on`` if every completed foreign credential
    without an ECA were assessed at its own level: the upper bound of a level still waiting on
    assessments (the level a candidate claims is taken as the most an ECA could confirm).

    >>> from datetime import date
    >>> from expressentry.model import Credential, CredentialLevel
    >>> masters = Credential(level=CredentialLevel.MASTERS_OR_PROFESSIONAL, country="IN",
    ...                      completion_date=date(2015, 6, 1))
    >>> level_if_assessed((masters,), on=date(2025, 1, 10)).title
    "master's or professional degree"
    """
    return education_level(credentials, on=on, assume_assessed=True).level


@attrs.frozen  # built positionally (a keyword costs more than the field)
class CanadianEducationCredit:
    """The Canadian-education class a candidate earns, and the one still unconfirmed.

    ``credit`` counts only credentials whose full-time study in Canada for the minimum months
    is confirmed. ``unconfirmed`` is the higher class a credential would earn if its unanswered
    conditions (``full_time`` or ``months_studied_in_canada`` left out) were met; it is
    :attr:`CanadianEducation.NONE` when nothing is pending, and ``unanswered`` the JSON paths
    of its conditions not answered (empty when nothing is pending). Unknown is reported, never
    silently a "no".
    """

    credit: CanadianEducation
    unconfirmed: CanadianEducation
    credential: Credential | None
    explanation: str
    unanswered: tuple[str, ...] = ()


def _canadian_class(level: CredentialLevel) -> CanadianEducation:
    if level is CredentialLevel.SECONDARY:
        return CanadianEducation.NONE
    if level in (CredentialLevel.ONE_YEAR, CredentialLevel.TWO_YEAR):
        return CanadianEducation.ONE_OR_TWO_YEAR
    return CanadianEducation.THREE_YEAR_OR_MORE


_CREDIT_WORDS: Final = {
    kind: (
        f"Canadian study: {kind.title}."
        if kind is not CanadianEducation.NONE
        else "No Canadian post-secondary credential with confirmed full-time study."
    )
    for kind in CanadianEducation
}
"""The explanation of each class earned (the same few for every candidate)."""

# Looked up, not computed: the class and its rank are read for every Canadian credential.
_CANADIAN_CLASS_RANKS = {
    level: (_canadian_class(level), _CANADIAN_RANKS[_canadian_class(level)])
    for level in CredentialLevel
}


def canadian_education_credit(
    credentials: Sequence[Credential], *, on: date
) -> CanadianEducationCredit:
    """The class of completed Canadian post-secondary study for the CRS (rules.md §4.8).

    A Canadian credential counts when completed by ``on``, post-secondary, and studied full
    time in Canada for at least 8 months. Where ``full_time`` or ``months_studied_in_canada``
    is not answered the credential is *unconfirmed*: it earns nothing yet, and the result says
    what it would earn.

    >>> from datetime import date
    >>> from expressentry.model import Credential, CredentialLevel
    >>> diploma = Credential(
    ...     level=CredentialLevel.TWO_YEAR, program_years=2, country="CA",
    ...     completion_date=date(2022, 4, 30), full_time=True, months_studied_in_canada=20)
    >>> degree = Credential(
    ...     level=CredentialLevel.BACHELORS_OR_THREE_YEAR, country="CA",
    ...     completion_date=date(2024, 4, 30))
    >>> credit = canadian_education_credit((diploma, degree), on=date(2025, 1, 1))
    >>> credit.credit, credit.unconfirmed
    (<CanadianEducation.ONE_OR_TWO_YEAR: 'one_or_two_year'>, \
<CanadianEducation.THREE_YEAR_OR_MORE: 'three_year_or_more'>)
    """
    minimum = CANADIAN_STUDY_MINIMUM_MONTHS.at(on)
    best = CanadianEducation.NONE
    best_rank = pending_rank = 0
    best_credential: Credential | None = None
    pending = CanadianEducation.NONE
    pending_reason = ""
    unanswered: tuple[str, ...] = ()
    for index, credential in enumerate(credentials):
        completed = credential.completion_date
        if not credential.canadian or completed is None or completed > on:
            continue
        kind, rank = _CANADIAN_CLASS_RANKS[credential.level]
        if rank <= best_rank:
            continue
        months = credential.months_studied_in_canada
        if credential.full_time is False or (months is not None and months < minimum):
            continue
        if credential.full_time is None or months is None:
            if rank > pending_rank:
                pending, pending_rank = kind, rank
                missing = "full-time study" if credential.full_time is None else "months"
                pending_reason = (
                    f"{kind.title} (completed {completed.isoformat()}) would count if "
                    f"studied full time in Canada for at least {minimum} months ({missing} "
                    f"not answered)"
                )
                unanswered = tuple(
                    f"$.education[{index}].{name}"
                    for name, value in (
                        ("full_time", credential.full_time),
                        ("months_studied_in_canada", months),
                    )
                    if value is None
                )
            continue
        best, best_rank, best_credential = kind, rank, credential
    explanation = _CREDIT_WORDS[best]
    if pending_rank <= best_rank:
        pending = CanadianEducation.NONE
        unanswered = ()
    else:  # rare: written at once
        explanation = f"{explanation} Unconfirmed: {pending_reason}."

    return CanadianEducationCredit(best, pending, best_credential, explanation, unanswered)
