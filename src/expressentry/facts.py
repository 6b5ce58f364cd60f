"""Derived facts: what the rules need to know about a candidate on a date, computed once.

Every program and the CRS read the same :class:`Facts`, so their explanations agree and nothing
is computed twice (DESIGN.md, principle 7). The person's age, partner and spouse column, which
everything reads, are computed with the facts; every other derived fact is computed the first
time it is asked for and kept: a program that does not need the spouse's ledger never builds it.

>>> from datetime import date
>>> from expressentry.model import Candidate, MaritalStatus
>>> facts = derive(
...     Candidate(birth_date=date(2000, 2, 29), marital_status=MaritalStatus.NEVER_MARRIED,
...               dependent_children=0),
...     on=date(2026, 2, 28),
... )
>>> facts.age, facts.family_size, facts.spouse_counts
(25, 1, False)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, overload

from expressentry.dated import day_of, require_in_force
from expressentry.education import (
    CanadianEducationCredit,
    DerivedEducation,
    canadian_education_credit,
    education_level,
)
from expressentry.experience import Experience, ExperienceQuery, Ledger
from expressentry.language import LanguagePoints, OfficialLanguages, official_languages
from expressentry.model import Candidate
from expressentry.noc import NocCode

if TYPE_CHECKING:
    from expressentry.crs import LanguageChoices

__all__ = ["Facts", "derive"]

_T = TypeVar("_T")
_NOT_KEPT: Any = object()
"""What :meth:`Facts.kept` finds for a fact not computed yet."""


class _computed_once(Generic[_T]):  # a decorator, named like functools.cached_property
    """A property computed on first access and kept in the instance's ``__dict__``.

    What :func:`functools.cached_property` does, without the lock it takes on every first
    access before Python 3.12: a :class:`Facts` lives for one evaluation, and each of its facts
    is read for the first time once per candidate.
    """

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type[Any] | None = None) -> _computed_once[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type[Any] | None = None) -> _T: ...
    def __get__(
        self, instance: object | None, owner: type[Any] | None = None
    ) -> _T | _computed_once[_T]:
        if instance is None:
            return self
        # Stored under the same name: the instance attribute hides this (non-data) descriptor.
        value = instance.__dict__[self._name] = self._compute(instance)
        return value


def _age_on(birth_date: date, on: date) -> int:
    """Whole years on ``on`` (policy P13): a 29 February birthday falls on 1 March.

    Compared as (month, day) pairs rather than with date arithmetic, which would move the
    birthday back to 28 February in common years. Before the birth date the age is 0: the
    profile is valid (no clock tells it the birth date is in the future), an evaluation date
    before it is a question about the past, and every age grid gives an age under 18 no
    points, as it gives a person not yet born.
    """
    if on < birth_date:
        return 0
    # Month and day as one number (MMDD): the same order as comparing (month, day) pairs.
    before_birthday = on.month * 100 + on.day < birth_date.month * 100 + birth_date.day
    return on.year - birth_date.year - before_birthday


SPOUSE_STATUS_UNANSWERED: Final = (
    "whether the spouse or partner is a Canadian citizen or permanent resident, or is coming "
    "to Canada, is not answered"
)
"""What the explanations say when :attr:`Facts.spouse_counts` is not known of a partnered
candidate: the two facts that decide it, not "whether the spouse counts"."""


def _spouse_counts(candidate: Candidate, partnered: bool | None) -> bool | None:
    """:attr:`Facts.spouse_counts` (policy P12)."""
    if partnered is not True:
        return partnered
    spouse = candidate.spouse
    if spouse is None:
        return None
    if spouse.canadian_citizen_or_pr is True or spouse.accompanying is False:
        return False
    if spouse.canadian_citizen_or_pr is None or spouse.accompanying is None:
        return None
    return True


class Facts:
    """The derived facts of one candidate on one date (build them with :func:`derive`)."""

    def __init__(self, candidate: Candidate, on: date) -> None:
        if type(on) is not date:  # a datetime (a notebook's now()), or not a date at all
            on = day_of(on)
        require_in_force(on)
        self.candidate = candidate
        self.on = on
        # The person's few facts every program and the CRS read, computed at once.
        born = candidate.birth_date
        self.age: int | None = None if born is None else _age_on(born, on)
        """Age in whole years on the evaluation date (P13), 0 before the birth date; ``None``
        if no birth date."""
        status = candidate.marital_status
        self.partnered: bool | None = None if status is None else status.has_partner
        """Whether the candidate has a spouse or common-law partner; ``None`` if unanswered."""
        self.spouse_counts: bool | None = _spouse_counts(candidate, self.partnered)
        """Whether the spouse counts, for the CRS column and FSW adaptability (P12).

        Only a partner who is neither a Canadian citizen nor a PR and who comes to Canada
        counts. ``None`` when an answer needed to tell is missing.
        """
        self.scored_with_spouse: bool = self.spouse_counts is True
        """The CRS column (P12): with a spouse only when the spouse is known to count;
        otherwise, an unanswered status included, the single column (the CRS notes it)."""
        self._experience: dict[ExperienceQuery, Experience] = {}
        self._experience_in: dict[tuple[ExperienceQuery, NocCode], Experience] = {}
        self._spouse_experience: dict[ExperienceQuery, Experience] = {}
        self._kept: dict[Callable[[Facts], Any], Any] = {}

    def kept(self, compute: Callable[[Facts], _T]) -> _T:
        """``compute(self)``, computed the first time it is asked for and then kept.

        For a derived fact that belongs to one module (the FSW grid, the qualifying job offer)
        but that several parts of an assessment read.
        """
        # get() rather than catching KeyError: each fact is kept once per candidate, and
        # raising an exception costs more than the lookup.
        value: _T | object = self._kept.get(compute, _NOT_KEPT)
        if value is _NOT_KEPT:
            value = self._kept[compute] = compute(self)
        return value  # type: ignore[return-value]  # stored by compute, so a _T

    # -- the person ----------------------------------------------------------------------

    @_computed_once
    def family_size(self) -> int | None:
        """The family size for settlement funds (P14): the candidate, a spouse or partner (even
        a Canadian or non-accompanying one) and every dependent child of either."""
        if self.partnered is None or self.candidate.dependent_children is None:
            return None
        return 1 + int(self.partnered) + self.candidate.dependent_children

    @_computed_once
    def authorized_to_work(self) -> bool | None:
        """Whether the candidate may legally work in Canada now; ``None`` if unanswered."""
        authorization = self.candidate.work_authorization
        return None if authorization is None else authorization.authorized

    # -- languages ----------------------------------------------------------------------

    @_computed_once
    def languages(self) -> OfficialLanguages:
        """The first and second official languages and the tests behind them (P5, P6, P30)."""
        # Assignments and tests are ranked by the candidate's own CRS (policies P5, P6); the
        # notes quote each test's points in the candidate's own column.
        candidate = self.candidate
        tests = candidate.language_tests or ()  # not answered: no test to count
        return official_languages(
            tests,
            self.on,
            declared_first=candidate.first_official_language,
            points=_ranking(self.on, self.scored_with_spouse),
            # One test leaves nothing to choose: no CRS to score it by.
            crs=(_crs().language_assignment_points(self) if len(tests) > 1 else None),
        )

    @_computed_once
    def other_language_choices(self) -> LanguageChoices:
        """The other ways :attr:`languages` could be settled once the facts the CRS ranks them
        by are answered (P5, P6); empty when the choice is settled."""
        choices: LanguageChoices = _crs().other_language_choices(self)
        return choices

    def with_languages(self, languages: OfficialLanguages) -> Facts:
        """These facts with the official languages settled as ``languages`` (another choice of
        :attr:`other_language_choices`), to see what a finding would be with it."""
        other = Facts.__new__(Facts)
        other.__dict__.update(self.__dict__)
        other.__dict__["languages"] = languages
        # What is kept may read the languages (the FSW grid does): computed again.
        other._kept = {}
        other.__dict__.pop("other_language_choices", None)
        return other

    @_computed_once
    def spouse_languages(self) -> OfficialLanguages | None:
        """The spouse's official languages (the best valid test for the spouse factors, P30);
        ``None`` if no spouse."""
        spouse = self.candidate.spouse
        if spouse is None:
            return None
        return official_languages(
            spouse.language_tests, self.on, points=_crs().spouse_language_ranking(self.on)
        )

    # -- education ----------------------------------------------------------------------

    @_computed_once
    def education(self) -> DerivedEducation:
        """The recognized level of education on the evaluation date (P21, P29)."""
        return education_level(self.candidate.education or (), on=self.on)

    @_computed_once
    def spouse_education(self) -> DerivedEducation | None:
        """The spouse's recognized level of education; ``None`` if no spouse."""
        spouse = self.candidate.spouse
        return None if spouse is None else education_level(spouse.education, on=self.on)

    @_computed_once
    def canadian_education(self) -> CanadianEducationCredit:
        """Completed Canadian post-secondary study, for the CRS additional points."""
        return canadian_education_credit(self.candidate.education or (), on=self.on)

    # -- work experience ------------------------------------------------------------------

    @_computed_once
    def ledger(self) -> Ledger:
        """The candidate's work history resolved for the evaluation date."""
        return Ledger.of(self.candidate.work_history, self.on)

    @_computed_once
    def spouse_ledger(self) -> Ledger | None:
        """The spouse's work history resolved for the evaluation date; ``None`` if no spouse."""
        spouse = self.candidate.spouse
        return None if spouse is None else Ledger.of(spouse.work_history, self.on)

    def experience(self, query: ExperienceQuery, occupation: NocCode | None = None) -> Experience:
        """The candidate's experience for ``query`` (in ``occupation`` if given), kept."""
        if occupation is None:  # the common question: kept by query alone
            found = self._experience.get(query)
            if found is None:
                found = self._experience[query] = self.ledger.measure(query)
            return found
        key = (query, occupation)
        found = self._experience_in.get(key)
        if found is None:
            found = self._experience_in[key] = self.ledger.measure(query, occupation)
        return found

    def spouse_experience(self, query: ExperienceQuery) -> Experience | None:
        """The spouse's experience for ``query``, kept; ``None`` if no spouse."""
        ledger = self.spouse_ledger
        if ledger is None:
            return None
        found = self._spouse_experience.get(query)
        if found is None:
            found = self._spouse_experience[query] = ledger.measure(query)
        return found


@functools.lru_cache(maxsize=128)  # a key of two positional arguments is the cheapest to make
def _ranking(on: date, with_spouse: bool) -> LanguagePoints:
    """The CRS's ranking of tests on ``on`` in the candidate's column."""
    ranking: LanguagePoints = _crs().language_ranking(on, with_spouse=with_spouse)
    return ranking


@functools.cache
def _crs() -> ModuleType:
    """The CRS module, imported when first needed: it derives its inputs from these facts (so
    it imports this module), and an import statement in a property costs more than a call."""
    from expressentry import crs

    return crs


def derive(candidate: Candidate, *, on: date) -> Facts:
    """The derived facts of ``candidate`` on ``on``; :class:`NotInForce` before 2015-01-01."""
    return Facts(candidate, on)
