"""The Canadian Experience Class (CEC), IRPR s. 87.1.

The class is for people who may become permanent residents on the strength of their work in
Canada and who intend to live in a province other than Quebec (s. 87.1(1)). A foreign national
is a member when, in the three years before applying, they have at least one year of full-time
work in Canada (1,560 hours, or the same amount part-time) in one or more skilled occupations
(NOC 2021 TEER 0, 1, 2 or 3; NOC 2016 skill type 0 or level A or B before 2022-11-16), paid,
authorized under temporary resident status, and not self-employed or while a full-time student
(s. 87.1(2)(a), (3)); and when the first official language test reaches the minimum the Minister
set for that work: CLB/NCLC 7 in each ability for TEER 0 or 1 work, CLB/NCLC 5 for TEER 2 or 3
(s. 87.1(2), s. 74(1); rules.md §3, §5.2). There is no education or settlement-funds
requirement.

Rules (ids are stable):

- ``cec.experience.canadian_year``: one year of qualifying Canadian work (policies P8, P9, P11,
  P24-P27);
- ``cec.language.minimum``: the minimum for the work, with experience that mixes TEERs counted
  by policy P7 (hours in an occupation count only when the language reaches its minimum);
- ``cec.residence.outside_quebec``: policy P18.

>>> from datetime import date
>>> from expressentry.facts import derive
>>> from expressentry.model import (
...     AbilityScores, Candidate, LanguageTest, NocCode, Province, TestKind, WorkHistory,
...     WorkPeriod,
... )
>>> nurse_aide = WorkPeriod(
...     noc=NocCode("33102"), country="CA", start=date(2024, 6, 1), end=None,
...     hours_per_week=30, paid=True, self_employed=False, full_time_student=False,
...     authorized=True,
... )
>>> celpip_5 = LanguageTest(
...     kind=TestKind.CELPIP_GENERAL, test_date=date(2025, 9, 1),
...     scores=AbilityScores(listening=5, reading=5, writing=5, speaking=5),
... )
>>> candidate = Candidate(
...     intended_province=Province.MB, language_tests=(celpip_5,),
...     work_history=WorkHistory(periods=(nurse_aide,)),
... )
>>> verdict = CEC.assess(derive(candidate, on=date(2026, 11, 29)))
>>> verdict.outcome
<VerdictOutcome.ELIGIBLE: 'eligible'>
>>> print(verdict.finding("cec.language.minimum").sentence)
The first official language test gives CLB L 5, R 5, W 5, S 5: enough for all the skilled \
work in the history (CLB 7 in each ability for TEER 0 or 1 work; CLB 5 for TEER 2 or 3 work).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from fractions import Fraction
from typing import Final

import attrs

from expressentry._frozen import frozen
from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Citation, Dated, DatedTable
from expressentry.experience import CEC as CEC_WORK
from expressentry.experience import HOURS_PER_YEAR, Experience, Ledger
from expressentry.facts import Facts
from expressentry.language import describe_level
from expressentry.model import WorkHistory, WorkPeriod
from expressentry.noc import (
    NOC_VERSION_IN_FORCE,
    NocCode,
    NocVersion,
    SkillLevel,
    Teer,
    in_version,
)
from expressentry.programs._common import (
    LAWS,
    another_valid_test,
    chosen_by_crs,
    counts_self_employment,
    experience_finding,
    first_benchmark,
    format_hours,
    hours_fact,
    language_facts,
    no_language_test,
    outside_quebec,
    settled_language_choice,
    work_history_paths,
)
from expressentry.verdict import FactValue, Finding, Outcome, Rule, Verdict

__all__ = [
    "CEC",
    "CEC_LANGUAGE_MINIMUMS",
    "CanadianExperienceClass",
    "CecLanguageMinimums",
]

_CEC_PAGE: Final = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/eligibility/canadian-experience-class.html"
)  # S8

_LANGUAGE = Citation(
    "IRPR",
    "s. 87.1(2) and s. 74(1): CEC language thresholds (TEER 0 or 1: CLB/NCLC 7; TEER 2 or 3: "
    "CLB/NCLC 5)",
    _CEC_PAGE,
)
_EXPERIENCE = Citation(
    "IRPR",
    "s. 87.1(2)(a) and (3): one year of skilled work in Canada in the 3 years before applying",
    LAWS + "section-87.1.html",
)
_RESIDENCE = Citation(
    "IRPR",
    "s. 87.1(1): intends to reside in a province other than Quebec",
    LAWS + "section-87.1.html",
)

Level = Teer | SkillLevel
"""How much training an occupation needs: a TEER (NOC 2021) or a skill type or level (2016)."""


def level_of(code: NocCode) -> Level:
    """The TEER of a NOC 2021 code, the skill type or level of a NOC 2016 code.

    >>> level_of(NocCode("33102")), level_of(NocCode("3413"))
    (<Teer.TEER_3: 3>, <SkillLevel.C: 'C'>)
    """
    return code.teer if code.version is NocVersion.NOC_2021 else code.skill_level


def _level_name(level: Level) -> str:
    if isinstance(level, Teer):
        return f"TEER {level.value}"
    if level is SkillLevel.SKILL_TYPE_0:
        return "NOC skill type 0"
    return f"NOC skill level {level.value}"


@attrs.frozen
class CecLanguageMinimums:
    """The CLB/NCLC level each skilled occupation level needs, in one NOC version.

    >>> minimums = CEC_LANGUAGE_MINIMUMS.at(date(2026, 11, 29))
    >>> minimums.minimum_for(NocCode("21231")), minimums.minimum_for(NocCode("72200"))
    (7, 5)
    >>> minimums.minimum_for(NocCode("65100")) is None  # TEER 5 work is not skilled
    True
    >>> minimums.describe()
    'CLB 7 in each ability for TEER 0 or 1 work; CLB 5 for TEER 2 or 3 work'
    """

    version: NocVersion
    by_level: Mapping[Level, int] = attrs.field(converter=frozen)
    levels: tuple[int, ...] = attrs.field(init=False)
    """The distinct minimums, lowest first."""
    # Memos: the table is read for every candidate, its words and codes never change.
    _descriptions: dict[str, str] = attrs.field(init=False, factory=dict, eq=False, repr=False)
    _needs: dict[str, frozenset[int | None]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )

    @levels.default
    def _levels_default(self) -> tuple[int, ...]:
        return tuple(sorted(set(self.by_level.values())))

    def minimum_for(self, code: NocCode) -> int | None:
        """The minimum for work in ``code`` (of this version); ``None`` if it is not skilled."""
        return self.by_level.get(level_of(code))

    def needs(self, code: NocCode) -> frozenset[int | None]:
        """The minimums work stated in ``code`` may need: ``code`` read in this version,
        through the concordance when it is of the other one (one minimum per counterpart).

        >>> sorted(CEC_LANGUAGE_MINIMUMS.at(date(2026, 11, 29)).needs(NocCode("2263")))
        [5, 7]
        """
        found = self._needs.get(code.code)
        if found is None:
            found = self._needs[code.code] = frozenset(
                self.minimum_for(counterpart) for counterpart in in_version(code, self.version)
            )
        return found

    def occupations_needing(self, minimum: int) -> str:
        """The occupation levels that need ``minimum``, in words: ``"TEER 0 or 1"``."""
        return " or ".join(
            _level_name(level).removeprefix("TEER ") if index else _level_name(level)
            for index, level in enumerate(
                level for level, needed in self.by_level.items() if needed == minimum
            )
        )

    def describe(self, benchmark: str = "CLB") -> str:
        """Every minimum in words, highest first."""
        found = self._descriptions.get(benchmark)
        if found is None:
            found = self._descriptions[benchmark] = self._describe(benchmark)
        return found

    def _describe(self, benchmark: str) -> str:
        parts = [
            f"{benchmark} {minimum}"
            + (" in each ability" if index == 0 else "")
            + f" for {self.occupations_needing(minimum)} work"
            for index, minimum in enumerate(reversed(self.levels))
        ]
        return "; ".join(parts)


_NOC_2021_SWITCH = NOC_VERSION_IN_FORCE.change_dates[1]

CEC_LANGUAGE_MINIMUMS: DatedTable[CecLanguageMinimums] = DatedTable(
    "CEC: minimum CLB/NCLC level in each ability, by the level of the occupation",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            CecLanguageMinimums(
                NocVersion.NOC_2016,
                {SkillLevel.SKILL_TYPE_0: 7, SkillLevel.A: 7, SkillLevel.B: 5},
            ),
            Citation(
                "IRPR",
                "s. 87.1(2) and s. 74(1): NOC 2016 skill type 0 or level A, CLB/NCLC 7; "
                "level B, CLB/NCLC 5",
                _CEC_PAGE,
            ),
        ),
        Dated(
            _NOC_2021_SWITCH,
            CecLanguageMinimums(
                NocVersion.NOC_2021,
                {Teer.TEER_0: 7, Teer.TEER_1: 7, Teer.TEER_2: 5, Teer.TEER_3: 5},
            ),
            _LANGUAGE,
        ),
    ),
)
"""The CEC language minimums, one row per NOC version in force (rules.md §3, §5.2)."""

EXPERIENCE_YEARS: DatedTable[int] = DatedTable(
    "CEC: years of qualifying Canadian work needed",
    (Dated(EXPRESS_ENTRY_LAUNCH, 1, _EXPERIENCE),),
)
"""One year (1,560 hours, ``HOURS_PER_YEAR``) of qualifying work in Canada."""

_EXPERIENCE_RULE = Rule(
    "cec.experience.canadian_year", "One year of skilled work in Canada", _EXPERIENCE, "P11"
)
_LANGUAGE_RULE = Rule(
    "cec.language.minimum", "Language minimum for the work (TEER-dependent)", _LANGUAGE, "P7"
)
_RESIDENCE_RULE = Rule(
    "cec.residence.outside_quebec", "Intends to live outside Quebec", _RESIDENCE, "P18"
)


def _hours_required(on: date) -> int:
    return EXPERIENCE_YEARS.at(on) * HOURS_PER_YEAR.at(on)


_PHYSICIANS: Final = (
    " (self-employment only as a physician, under the public policy of 2023-04-25 for "
    "physicians providing publicly funded medical services; none while a full-time student)"
)


def _experience_finding(facts: Facts) -> Finding:
    required = _hours_required(facts.on)
    experience = facts.experience(CEC_WORK)
    return experience_finding(
        _EXPERIENCE_RULE,
        experience,
        required,
        need=_need(required),
        work="qualifying work in Canada",
        counted="paid, authorized, skilled work in Canada",
        conditions=_PHYSICIANS
        if counts_self_employment(experience)
        else " (no self-employment, none while a full-time student)",
    )


@functools.lru_cache(maxsize=16)
def _need(required: int) -> str:
    return f"the CEC needs {format_hours(Fraction(required))} (one year)"


@attrs.frozen
class _Counted:
    """The work that counts at one language level (policy P7), as bounds."""

    everything: bool  # every skilled period's occupation needs no more than the level
    at_least: Fraction
    at_most: Fraction
    missing: tuple[str, ...]


def _partition(
    periods: tuple[WorkPeriod, ...], minimums: CecLanguageMinimums, level: int
) -> tuple[list[int], list[int], bool]:
    """Indices of the periods whose occupation certainly (first) or possibly (second) needs
    no more than ``level``, and whether every period is certain.

    A period without a code stays with the certain ones: the ledger already counts it only in
    the upper bound. A code of the other NOC version is read through the concordance; when its
    counterparts need different minimums it is only possibly counted.
    """
    certain: list[int] = []
    possible: list[int] = []
    # Below the highest minimum, a period without a code may be in an occupation that needs
    # more: the work is then not all known to count (audit helper-69).
    uncoded = False
    for index, period in enumerate(periods):
        if period.noc is None:
            certain.append(index)
            uncoded = True
            continue
        skilled = [minimum for minimum in minimums.needs(period.noc) if minimum is not None]
        if all(minimum <= level for minimum in skilled):
            certain.append(index)  # unskilled codes are left out by the ledger itself
        elif any(minimum <= level for minimum in skilled):
            possible.append(index)
    every = len(certain) == len(periods) and (not uncoded or level >= max(minimums.levels))
    return certain, possible, every


def _measure(facts: Facts, indices: list[int]) -> Experience:
    periods = facts.ledger.history.periods
    history = WorkHistory(periods=tuple(periods[index] for index in indices))
    return Ledger.of(history, facts.on).measure(CEC_WORK)


def _counted_at(facts: Facts, minimums: CecLanguageMinimums, level: int) -> _Counted:
    """The CEC work that counts when the first official language is at ``level`` (P7)."""
    ledger = facts.ledger
    if not ledger.answered and level < max(minimums.levels):
        # The work is not given: it may all be in occupations that need more than the level.
        pooled = facts.experience(CEC_WORK)
        return _Counted(False, Fraction(0), pooled.hours_at_most, ("$.work_history",))
    periods = ledger.history.periods
    certain, possible, everything = _partition(periods, minimums, level)
    if everything:
        pooled = facts.experience(CEC_WORK)
        return _Counted(True, pooled.hours_at_least, pooled.hours_at_most, ())
    lower = _measure(facts, certain)
    upper = _measure(facts, certain + possible) if possible else lower
    missing = work_history_paths(upper, tuple(certain + possible)) + tuple(
        f"$.work_history[{index}].noc" for index in possible
    )
    return _Counted(False, lower.hours_at_least, upper.hours_at_most, missing)


def _language_finding(facts: Facts) -> Finding:
    minimums = CEC_LANGUAGE_MINIMUMS.at(facts.on)
    levels = facts.languages.first_levels
    if levels is None:
        return no_language_test(
            _LANGUAGE_RULE, facts, f"the CEC needs {minimums.describe(first_benchmark(facts))}"
        )
    benchmark = levels.benchmark
    lowest = levels.lowest

    def recorded() -> dict[str, FactValue]:
        return {**language_facts(levels), "lowest": lowest}

    def rules() -> str:
        return f"({minimums.describe(benchmark)})"

    if lowest < minimums.levels[0]:
        other = another_valid_test(facts, lambda found: found.lowest >= minimums.levels[0])
        reaches = f"reaches {benchmark} {minimums.levels[0]} in each ability"
        return _LANGUAGE_RULE.finding(
            Outcome.NOT_MET,
            lambda: (
                f"The lowest ability is {describe_level(lowest, levels.language)}; the CEC "
                f"needs at least {benchmark} {minimums.levels[0]} in each ability {rules()}."
                + ("" if other is None else chosen_by_crs(other, reaches))
            ),
            facts=recorded,
            policy=None if other is None else "P6",
        )
    counted = _counted_at(facts, minimums, lowest)
    if counted.everything:
        return _LANGUAGE_RULE.finding(
            Outcome.MET,
            lambda: (
                f"The first official language test gives {levels}: enough for all the skilled "
                f"work in the history {rules()}."
            ),
            facts=recorded,
        )
    required = _hours_required(facts.on)

    def counted_facts() -> dict[str, FactValue]:
        return recorded() | {
            "hours_counted_at_least": hours_fact(counted.at_least),
            "hours_counted_at_most": hours_fact(counted.at_most),
            "hours_required": required,
        }

    def at_level() -> str:
        return (
            f"The lowest ability is {describe_level(lowest, levels.language)}, so only work in "
            f"occupations that need no more counts {rules()}, policy P7"
        )

    needed = format_hours(Fraction(required))
    if counted.at_least >= required:
        return _LANGUAGE_RULE.finding(
            Outcome.MET,
            lambda: (
                f"{at_level()}: {format_hours(counted.at_least)} hours, at least the {needed} "
                f"needed."
            ),
            facts=counted_facts,
        )
    if counted.at_most < required:
        return _LANGUAGE_RULE.finding(
            Outcome.NOT_MET,
            lambda: (
                f"{at_level()}: {format_hours(counted.at_most)} hours, short of the {needed} "
                f"needed."
            ),
            facts=counted_facts,
        )
    return _LANGUAGE_RULE.finding(
        Outcome.UNKNOWN,
        lambda: (
            f"{at_level()}: between {format_hours(counted.at_least)} and "
            f"{format_hours(counted.at_most)} hours, depending on facts not answered; "
            f"{needed} are needed."
        ),
        facts=counted_facts,
        missing=counted.missing,
    )


class CanadianExperienceClass:
    """The Canadian Experience Class behind the :class:`~expressentry.programs.Program`
    protocol. Use the module's :data:`CEC`."""

    code: Final = "CEC"
    name: Final = "Canadian Experience Class"
    rules: Final = (_EXPERIENCE_RULE, _LANGUAGE_RULE, _RESIDENCE_RULE)

    def assess(self, facts: Facts) -> Verdict:
        """The CEC verdict on the candidate and date of ``facts`` (policy P32)."""
        findings = (
            _experience_finding(facts),
            settled_language_choice(
                _LANGUAGE_RULE, facts, _language_finding(facts), _language_finding
            ),
            outside_quebec(_RESIDENCE_RULE, facts, "the CEC"),
        )
        return Verdict.decide(self.code, facts.on, findings)

    def __repr__(self) -> str:
        return "CEC"


CEC: Final = CanadianExperienceClass()
"""The Canadian Experience Class."""
