"""The Federal Skilled Worker Program (FSW), IRPR ss. 75-83.

**Minimum requirements** (s. 75(2); rules.md §1.1). Within the 10 years before applying, the
skilled worker has at least one year of continuous full-time paid work (1,560 hours, or the
same amount part-time) in one skilled occupation, their *primary occupation*: NOC 2021 TEER 0,
1, 2 or 3 from 2022-11-16, NOC 2016 skill type 0 or level A or B before (s. 75(2)(a); policy
P9: one continuous run, no gap day; P8: self-employment counts, and the finding says so). Their
first official language test, less than two years old, reaches CLB/NCLC 7 in each of the four
abilities (s. 75(2)(d), s. 74(1)). They hold a Canadian secondary or post-secondary credential,
or a completed foreign one with a valid Educational Credential Assessment (s. 75(2)(e); P21).
They intend to live outside Quebec (s. 75(1); P18).

**Selection** (s. 76). The worker must score at least the pass mark (67, set by the Minister)
out of 100 on six factors (:func:`fsw_grid`): language (s. 79: 6, 5 or 4 points per ability of
the first official language at CLB 9+, 8 or 7, plus 4 for CLB 5 in each ability of the second),
education (s. 78), experience (s. 80: 9 to 15 points for 1 to 6+ years), age (s. 81: 12 points
from 18 to 35, one less each year to 46), arranged employment (s. 82: 10 points in the cases of
:class:`~expressentry.job_offer.ArrangedEmploymentCase`) and adaptability (s. 83: seven items,
capped at 10). The worker must also have the settlement funds of the table in force for their
family size (s. 76(1)(b)(i); :mod:`expressentry.funds`), unless authorized to work in Canada
with a qualifying job offer (policy P17).

**Unanswered facts never count as zero in silence.** Each line of the grid has the points it
certainly earns and the points it would earn if every unanswered fact were favourable, with the
JSON paths of those facts; the grid's total is a range, and the pass mark is met (the lower
total reaches it), not met (the upper total does not) or unknown.

Rules (ids are stable):

- ``fsw.experience.skilled``: the primary occupation is skilled on the date;
- ``fsw.experience.continuous_year``: one continuous year in the primary occupation within 10
  years (P8, P9, P27);
- ``fsw.language.first_official``: CLB/NCLC 7 in each ability of the first official language
  (P4, P5, P33);
- ``fsw.education.credential``: a Canadian credential or a foreign one with a valid ECA (P21);
- ``fsw.residence.outside_quebec``: P18;
- ``fsw.funds.settlement``: the funds of the table in force, unless exempt (P14, P17, P31);
- ``fsw.grid.pass_mark``: the selection grid reaches the pass mark.

>>> from datetime import date
>>> from expressentry.facts import derive
>>> from expressentry.model import (
...     AbilityScores, Candidate, Credential, CredentialLevel, LanguageTest, MaritalStatus,
...     NocCode, Province, TestKind, WorkHistory, WorkPeriod,
... )
>>> developer = WorkPeriod(
...     noc=NocCode("21231"), country="IN", start=date(2021, 1, 4), end=date(2025, 12, 31),
...     hours_per_week=40, paid=True, self_employed=False,
... )
>>> celpip = LanguageTest(
...     kind=TestKind.CELPIP_GENERAL, test_date=date(2026, 3, 1),
...     scores=AbilityScores(listening=9, reading=9, writing=9, speaking=7),
... )
>>> bachelor = Credential(
...     level=CredentialLevel.BACHELORS_OR_THREE_YEAR, program_years=4, country="CA",
...     completion_date=date(2020, 6, 1),
... )
>>> candidate = Candidate(
...     birth_date=date(1995, 5, 17), marital_status=MaritalStatus.NEVER_MARRIED,
...     dependent_children=0, intended_province=Province.ON, language_tests=(celpip,),
...     education=(bachelor,), work_history=WorkHistory(periods=(developer,)),
...     settlement_funds_cad=20_000, relative_in_canada=False,
... )
>>> facts = derive(candidate, on=date(2026, 11, 29))
>>> grid = fsw_grid(facts)
>>> grid.factor(GridFactor.LANGUAGE).points, grid.total, grid.passes
(22, 68, True)
>>> FSW.assess(facts).outcome
<VerdictOutcome.ELIGIBLE: 'eligible'>
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from fractions import Fraction
from types import MappingProxyType
from typing import Any, ClassVar, Final

import attrs

from expressentry._enum import IdentityEnum
from expressentry._written import (
    Written,
    WrittenOnRead,
    points_words,
    shown,
    upper_first,
    written,
)
from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Citation, Dated, DatedTable
from expressentry.education import EducationLevel, level_if_assessed, unassessed
from expressentry.exceptions import InvalidNocCode
from expressentry.experience import (
    FSW_ADAPTABILITY,
    FSW_GRID,
    FSW_QUALIFYING,
    FSW_SPOUSE_ADAPTABILITY,
    HOURS_PER_YEAR,
    Continuity,
    Experience,
)
from expressentry.facts import SPOUSE_STATUS_UNANSWERED, Facts
from expressentry.funds import PROOF_OF_FUNDS_URL, settlement_funds_finding
from expressentry.job_offer import Qualification, arranged_employment
from expressentry.language import BENCHMARK_TOP, Ability, Language, describe_level
from expressentry.model import Credential
from expressentry.noc import NocCode, in_version, is_skilled, version_in_force
from expressentry.programs._common import (
    LAWS,
    NO_WORK_HISTORY,
    counts_self_employment,
    experience_facts,
    format_hours,
    hours_fact,
    language_minimum_per_ability,
    left_out,
    outside_quebec,
    spouse_missing,
    unsettled_paths,
    work_history_paths,
)
from expressentry.serialization import facts_in_words
from expressentry.verdict import FactValue, Finding, Outcome, Rule, Verdict

__all__ = [
    "ADAPTABILITY_POINTS",
    "AGE_POINTS",
    "ARRANGED_EMPLOYMENT_POINTS",
    "EDUCATION_POINTS",
    "EXPERIENCE_POINTS",
    "FACTOR_MAXIMA",
    "FIRST_LANGUAGE_POINTS",
    "FSW",
    "LANGUAGE_MINIMUM",
    "PASS_MARK",
    "SECOND_LANGUAGE_POINTS",
    "AdaptabilityPoints",
    "FactorResult",
    "FederalSkilledWorker",
    "FswGrid",
    "GridFactor",
    "GridLine",
    "Steps",
    "fsw_grid",
]

_FSW_PAGE: Final = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/who-can-apply/federal-skilled-workers.html"
)  # S1
_SIX_FACTORS: Final = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/who-can-apply/federal-skilled-workers/six-selection-factors-federal-"
    "skilled-workers.html"
)  # S7 (seen through a public repost)
_AGE_OI: Final = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/"
    "operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/"
    "selection-criteria.html"
)  # S2
_EXPERIENCE_OI: Final = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/"
    "operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/"
    "selection-criteria-work-experience.html"
)  # S3


def _irpr(provision: str, url: str = _FSW_PAGE) -> Citation:
    return Citation("IRPR", provision, url)


# -- the dated tables ------------------------------------------------------------------------


@attrs.frozen
class Steps:
    """Points by threshold: the points of the highest threshold reached, else 0.

    >>> Steps(((9, 6), (8, 5), (7, 4))).points(8), Steps(((9, 6),)).points(3)
    (5, 0)
    """

    rows: tuple[tuple[int, int], ...]  # (threshold, points), highest threshold first

    def points(self, value: int) -> int:
        """The points ``value`` earns."""
        for threshold, points in self.rows:  # a plain loop: cheaper than next() on a generator
            if value >= threshold:
                return points
        return 0

    @property
    def maximum(self) -> int:
        """The most points the steps give."""
        return max(points for _, points in self.rows)


LANGUAGE_MINIMUM: DatedTable[int] = DatedTable(
    "FSW: minimum CLB/NCLC level in each ability of the first official language",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            7,
            _irpr("s. 75(2)(d) and s. 74(1): CLB/NCLC 7 in each of the four abilities"),
        ),
    ),
)
"""rules.md §1.1, §5.2 (a threshold the Minister sets, s. 74)."""

FIRST_LANGUAGE_POINTS: DatedTable[Steps] = DatedTable(
    "FSW grid: points per ability of the first official language",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            Steps(((9, 6), (8, 5), (7, 4))),
            _irpr(
                "s. 79(2)(a) and (3): 6, 5 or 4 points per ability at CLB 9+, 8, 7", _SIX_FACTORS
            ),
        ),
    ),
)
"""rules.md §1.2: per ability, never from the lowest ability (§13)."""

SECOND_LANGUAGE_POINTS: DatedTable[Steps] = DatedTable(
    "FSW grid: points for the second official language (CLB/NCLC 5 in each ability)",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            Steps(((5, 4),)),
            _irpr("s. 79(2)(b) and (3): 4 points for CLB 5 in all four abilities", _SIX_FACTORS),
        ),
    ),
)
"""rules.md §1.2: 4 points only if every ability reaches CLB/NCLC 5; the steps read the lowest."""


EDUCATION_POINTS: DatedTable[Mapping[EducationLevel, int]] = DatedTable(
    "FSW grid: points for the level of education",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            MappingProxyType(
                {
                    EducationLevel.LESS_THAN_SECONDARY: 0,
                    EducationLevel.SECONDARY: 5,
                    EducationLevel.ONE_YEAR: 15,
                    EducationLevel.TWO_YEAR: 19,
                    EducationLevel.BACHELORS_OR_THREE_YEAR: 21,
                    EducationLevel.TWO_OR_MORE: 22,
                    EducationLevel.MASTERS_OR_PROFESSIONAL: 23,
                    EducationLevel.DOCTORAL: 25,
                }
            ),
            _irpr("s. 78(1)(a)-(g) and (2)", LAWS + "section-78.html"),
        ),
    ),
)
"""rules.md §1.3 (policy P29 derives the level; a foreign credential needs an ECA, P21)."""

EXPERIENCE_POINTS: DatedTable[Steps] = DatedTable(
    "FSW grid: points for years of skilled work in the last 10 years",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            Steps(((6, 15), (4, 13), (2, 11), (1, 9))),
            _irpr("s. 80(1) (applications from 2013-05-04)", _EXPERIENCE_OI),
        ),
    ),
)
"""rules.md §1.4: 1 year 9, 2-3 years 11, 4-5 years 13, 6 or more 15."""


@attrs.frozen
class AgePoints:
    """Full points from ``full_from`` to ``full_to`` years old, one less each year after."""

    full_from: int
    full_to: int
    full_points: int

    def points(self, age: int) -> int:
        """The points at ``age``.

        >>> table = AgePoints(18, 35, 12)
        >>> [table.points(age) for age in (17, 18, 35, 36, 46, 47)]
        [0, 12, 12, 11, 1, 0]
        """
        if age < self.full_from:
            return 0
        return max(0, self.full_points - max(0, age - self.full_to))

    @property
    def last_age(self) -> int:
        """The oldest age that earns points (46 under s. 81).

        >>> AgePoints(18, 35, 12).last_age
        46
        """
        return self.full_to + self.full_points - 1


AGE_POINTS: DatedTable[AgePoints] = DatedTable(
    "FSW grid: points for age",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            AgePoints(18, 35, 12),
            _irpr("s. 81 (applications from 2013-05-04)", _AGE_OI),
        ),
    ),
)
"""rules.md §1.5: 12 points from 18 to 35, then one fewer each year (36: 11, ... 46: 1)."""

ARRANGED_EMPLOYMENT_POINTS: DatedTable[int] = DatedTable(
    "FSW grid: points for arranged employment",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            10,
            _irpr("s. 82(2): 10 points for arranged employment", LAWS + "section-82.html"),
        ),
    ),
)
"""rules.md §1.6; not affected by the 2025-03-25 removal of the CRS job-offer points (P16)."""


@attrs.frozen(kw_only=True)
class AdaptabilityPoints:
    """The adaptability items (s. 83) and what each needs."""

    spouse_language: int
    spouse_language_level: int  # CLB/NCLC in each ability of one valid test
    own_study: int
    spouse_study: int
    study_program_years: int  # a program of at least this many years
    study_months: int  # full-time months of study in Canada (two academic years of 8 months)
    own_work: int
    spouse_work: int
    work_years: int  # years of full-time work in Canada (1,560 hours each)
    arranged_employment: int
    relatives: int


ADAPTABILITY_POINTS: DatedTable[AdaptabilityPoints] = DatedTable(
    "FSW grid: adaptability items",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            AdaptabilityPoints(
                spouse_language=5,
                spouse_language_level=4,
                own_study=5,
                spouse_study=5,
                study_program_years=2,
                study_months=16,
                own_work=10,
                spouse_work=5,
                work_years=1,
                arranged_employment=5,
                relatives=5,
            ),
            _irpr("s. 83(1)(a)-(f) and (5)", LAWS + "section-83.html"),
        ),
    ),
)
"""rules.md §1.7; policy P28 for the work items. Two academic years of full-time study are read
as 16 months (8 a year, the convention of the CRS Canadian-study points)."""


class GridFactor(IdentityEnum):
    """The six selection factors, in the order of the Regulations' grid."""

    LANGUAGE = "language"
    EDUCATION = "education"
    EXPERIENCE = "experience"
    AGE = "age"
    ARRANGED_EMPLOYMENT = "arranged_employment"
    ADAPTABILITY = "adaptability"

    @property
    def title(self) -> str:
        """The factor in words."""
        return self.value.replace("_", " ")


FACTOR_MAXIMA: DatedTable[Mapping[GridFactor, int]] = DatedTable(
    "FSW grid: the maximum of each factor",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            MappingProxyType(
                {
                    GridFactor.LANGUAGE: 28,
                    GridFactor.EDUCATION: 25,
                    GridFactor.EXPERIENCE: 15,
                    GridFactor.AGE: 12,
                    GridFactor.ARRANGED_EMPLOYMENT: 10,
                    GridFactor.ADAPTABILITY: 10,
                }
            ),
            _irpr("s. 76(1)(a) and ss. 78-83", LAWS + "section-76.html"),
        ),
    ),
)
"""rules.md §1.2-§1.7: 28 + 25 + 15 + 12 + 10 + 10 = 100; adaptability is capped at 10."""

PASS_MARK: DatedTable[int] = DatedTable(
    "FSW: pass mark of the selection grid",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            67,
            _irpr("s. 76(1)(a) and (2): the pass mark the Minister sets (67 of 100)"),
        ),
    ),
)
"""rules.md §1.1."""


# -- the grid --------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, getstate_setstate=False)
class GridLine(WrittenOnRead):
    """One line of the grid: the points certainly earned and at most, with the facts missing.

    ``points == points_at_most`` when nothing unanswered can change the line. The sentence may
    be given as a function, called when it is first read.
    """

    factor: GridFactor
    item: str
    points: int
    points_at_most: int
    maximum: int
    _sentence: Written = attrs.field(alias="sentence", eq=written, repr=shown)
    citation: Citation
    missing: tuple[str, ...] = ()
    _written_on_read: ClassVar[tuple[str, ...]] = ("sentence",)

    @property
    def sentence(self) -> str:
        """The line in a plain sentence, with the candidate's own figures."""
        return self._sentence_in("_sentence")

    @property
    def known(self) -> bool:
        """Whether the line's points are certain."""
        return self.points == self.points_at_most


@attrs.frozen(kw_only=True)
class FactorResult:
    """One factor: its lines and its points, capped at its maximum.

    ``points`` are certainly earned; ``points_at_most`` would be if every unanswered fact were
    favourable (both capped).
    """

    factor: GridFactor
    maximum: int
    lines: tuple[GridLine, ...]
    points: int = attrs.field(init=False)
    points_at_most: int = attrs.field(init=False)

    # Plain loops: a generator per sum costs more than the few lines it adds up.
    @points.default
    def _points(self) -> int:
        total = 0
        for line in self.lines:
            total += line.points
        return min(self.maximum, total)

    @points_at_most.default
    def _points_at_most(self) -> int:
        total = 0
        for line in self.lines:
            total += line.points_at_most
        return min(self.maximum, total)

    @property
    def capped(self) -> bool:
        """Whether the lines certainly earn more than the factor's maximum."""
        return sum(line.points for line in self.lines) > self.maximum

    @property
    def cap_sentence(self) -> str:
        """What the factor's lines add up to when that may be more than its maximum (the
        adaptability items give up to 40 points and the factor 10), else ``""``: the lines
        alone would not add up to the factor's points.

        >>> from datetime import date
        >>> from expressentry.facts import derive
        >>> from expressentry.model import Candidate
        >>> factor = fsw_grid(derive(Candidate(), on=date(2026, 11, 29))).factor(
        ...     GridFactor.ADAPTABILITY)
        >>> factor.cap_sentence
        'The lines add up to 0 to 40 points; adaptability counts 10 at most.'
        """
        at_most = sum(line.points_at_most for line in self.lines)
        if at_most <= self.maximum:
            return ""
        lines = _range(sum(line.points for line in self.lines), at_most)
        return (
            f"The lines add up to {lines} points; {self.factor.title} counts {self.maximum} "
            "at most."
        )


_RawLine = tuple[GridFactor, str, int, int, int, Written, Citation, tuple[str, ...]]
"""A grid line before it is read: factor, item, points, points at most, maximum, sentence,
citation, missing facts (the fields of :class:`GridLine`)."""

_RawFactor = tuple[GridFactor, int, list[_RawLine]]
"""A factor before it is read: the factor, its maximum and its lines."""


def _written_factors(raw: list[_RawFactor]) -> tuple[FactorResult, ...]:
    return tuple(
        FactorResult(
            factor=factor,
            maximum=maximum,
            lines=tuple(
                GridLine(
                    factor=factor,
                    item=item,
                    points=points,
                    points_at_most=at_most,
                    maximum=line_maximum,
                    sentence=sentence,
                    citation=citation,
                    missing=missing,
                )
                for _, item, points, at_most, line_maximum, sentence, citation, missing in lines
            ),
        )
        for factor, maximum, lines in raw
    )


def _factors_key(factors: tuple[FactorResult, ...] | list[_RawFactor]) -> object:
    return _written_factors(factors) if isinstance(factors, list) else factors


@attrs.frozen(kw_only=True, getstate_setstate=False)
class FswGrid(WrittenOnRead):
    """The FSW selection grid of a candidate on a date, factor by factor and line by line.

    ``total`` is certain; ``total_at_most`` what unanswered facts could raise it to. The
    points are added up when the grid is computed; its lines are built the first time they
    are read (a verdict reads the totals).
    """

    on: date
    # A list of raw factors until read, then the factors themselves.
    _factors: tuple[FactorResult, ...] | list[_RawFactor] = attrs.field(
        alias="factors", eq=_factors_key, repr=False
    )
    pass_mark: int
    pass_mark_citation: Citation
    total: int
    total_at_most: int
    _written_on_read: ClassVar[tuple[str, ...]] = ("factors",)

    @property
    def factors(self) -> tuple[FactorResult, ...]:
        """The six factors, in the grid's order, each with its lines."""
        factors = self._factors
        if isinstance(factors, list):
            return self._keep("_factors", _written_factors(factors))
        return factors

    @property
    def lines(self) -> tuple[GridLine, ...]:
        """Every line, factor by factor."""
        return tuple(line for factor in self.factors for line in factor.lines)

    def factor(self, factor: GridFactor) -> FactorResult:
        """The result of ``factor``."""
        return next(result for result in self.factors if result.factor is factor)

    @property
    def known(self) -> bool:
        """Whether the total is certain."""
        return self.total == self.total_at_most

    @property
    def passes(self) -> bool | None:
        """Whether the total reaches the pass mark; ``None`` when unanswered facts decide it."""
        if self.total >= self.pass_mark:
            return True
        if self.total_at_most < self.pass_mark:
            return False
        return None

    @property
    def missing(self) -> tuple[str, ...]:
        """Every unanswered fact that could change the total, by JSON path: those of the
        factors not settled (a factor whose certain points reach its cap, as adaptability's
        10, is settled whatever its other lines' answers)."""
        factors = self._factors
        if isinstance(factors, list):
            paths = (
                path
                for _, maximum, lines in factors
                if min(maximum, sum(line[2] for line in lines))
                < min(maximum, sum(line[3] for line in lines))
                for line in lines
                for path in line[7]
            )
        else:
            paths = (
                path
                for factor in self.factors
                if factor.points < factor.points_at_most
                for line in factor.lines
                for path in line.missing
            )
        return tuple(dict.fromkeys(paths))

    def __repr__(self) -> str:
        return (
            f"FswGrid(on={self.on!r}, factors={self.factors!r}, pass_mark={self.pass_mark!r}, "
            f"pass_mark_citation={self.pass_mark_citation!r}, total={self.total!r}, "
            f"total_at_most={self.total_at_most!r})"
        )

    def describe(self) -> str:
        """The total in words, with each factor's points."""
        parts = ", ".join(
            f"{factor.factor.title} {_range(factor.points, factor.points_at_most)}"
            for factor in self.factors
        )
        total = _range(self.total, self.total_at_most)
        unit = "point" if self.total_at_most == 1 else "points"
        return (
            f"The selection grid gives {total} {unit} ({parts}); the pass mark is "
            f"{self.pass_mark}."
        )

    def explain(self) -> str:
        """The total, then one line per grid line."""
        lines = [self.describe()]
        for factor in self.factors:
            lines.extend(
                f"- {line.item}: {_of(line.points, line.points_at_most, line.maximum)}. "
                f"{line.sentence}"
                for line in factor.lines
            )
            if factor.cap_sentence:
                points = _of(factor.points, factor.points_at_most, factor.maximum)
                lines.append(
                    f"- {factor.factor.title.capitalize()}: {points}. {factor.cap_sentence}"
                )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The grid as JSON-ready data: the ``fsw_grid`` form of docs/assess.md."""
        from expressentry.render import grid_dict

        return grid_dict(self)

    def _repr_markdown_(self) -> str:
        from expressentry.render import grid_markdown

        return grid_markdown(self)

    def _repr_html_(self) -> str:
        from expressentry.render import grid_html

        return grid_html(self)


def _range(low: int, high: int) -> str:
    return str(low) if low == high else f"{low} to {high}"


def _of(low: int, high: int, maximum: int) -> str:
    """``6/6``; a range of points ``0 to 13 of 15`` ("0 to 13/15" read as a fraction)."""
    return f"{low}/{maximum}" if low == high else f"{low} to {high} of {maximum}"


class _Line:
    """Builds the lines of one factor with the citation of its table."""

    def __init__(self, factor: GridFactor, citation: Citation) -> None:
        self.factor = factor
        self.citation = citation

    def __call__(
        self,
        item: str,
        points: int,
        maximum: int,
        sentence: Written,
        *,
        at_most: int | None = None,
        missing: Sequence[str] = (),
    ) -> _RawLine:
        return (
            self.factor,
            item,
            points,
            points if at_most is None else at_most,
            maximum,
            sentence,
            self.citation,
            tuple(dict.fromkeys(missing)) if missing else (),
        )


class _GridTables:
    """The rows of every grid table in force on one date, with what is derived from them.

    A grid reads a dozen tables; resolving them once per date (see :func:`_grid_tables`)
    spares each candidate the lookups and the maxima computed from each row.
    """

    __slots__ = (
        "adaptability",
        "adaptability_line",
        "age",
        "age_line",
        "arranged_employment",
        "arranged_employment_line",
        "education",
        "education_line",
        "education_maximum",
        "experience",
        "experience_line",
        "experience_maximum",
        "first_line",
        "first_maximum",
        "first_needed",
        "first_points",
        "maxima",
        "pass_mark",
        "second",
        "second_line",
        "second_maximum",
    )

    def __init__(self, on: date) -> None:
        first = FIRST_LANGUAGE_POINTS.entry_at(on)
        self.first_maximum = first.value.maximum
        self.first_line = _Line(GridFactor.LANGUAGE, first.citation)
        # The points of each level, read by index for the four abilities.
        self.first_points = tuple(first.value.points(level) for level in range(BENCHMARK_TOP + 1))
        # The lowest level that earns points, and its points: what a zero line says is needed.
        self.first_needed = next(
            (level, points) for level, points in enumerate(self.first_points) if points
        )
        second = SECOND_LANGUAGE_POINTS.entry_at(on)
        self.second = second.value
        self.second_maximum = second.value.maximum
        self.second_line = _Line(GridFactor.LANGUAGE, second.citation)
        education = EDUCATION_POINTS.entry_at(on)
        self.education = education.value
        self.education_maximum = max(education.value.values())
        self.education_line = _Line(GridFactor.EDUCATION, education.citation)
        experience = EXPERIENCE_POINTS.entry_at(on)
        self.experience = experience.value
        self.experience_maximum = experience.value.maximum
        self.experience_line = _Line(GridFactor.EXPERIENCE, experience.citation)
        age = AGE_POINTS.entry_at(on)
        self.age = age.value
        self.age_line = _Line(GridFactor.AGE, age.citation)
        arranged = ARRANGED_EMPLOYMENT_POINTS.entry_at(on)
        self.arranged_employment = arranged.value
        self.arranged_employment_line = _Line(GridFactor.ARRANGED_EMPLOYMENT, arranged.citation)
        adaptability = ADAPTABILITY_POINTS.entry_at(on)
        self.adaptability = adaptability.value
        self.adaptability_line = _Line(GridFactor.ADAPTABILITY, adaptability.citation)
        maxima = FACTOR_MAXIMA.at(on)
        self.maxima = tuple(maxima[factor] for factor in GridFactor)  # in GridFactor's order
        self.pass_mark = PASS_MARK.entry_at(on)


@functools.lru_cache(maxsize=64)
def _grid_tables(on: date) -> _GridTables:
    """The grid tables in force on ``on`` (kept per date: the tables never change)."""
    return _GridTables(on)


# The item of each first-language line and the ability's name at the start of its sentence.
_FIRST_LANGUAGE_ITEMS: Final = tuple(
    (ability, f"First official language: {ability.value}", ability.value.capitalize())
    for ability in Ability
)


def _settled_language_lines(facts: Facts, tables: _GridTables) -> list[_RawLine]:
    """The language lines, each from its least to its most points over the tests that could
    count once the facts the CRS ranks the tests by are answered (P5, P6: the test with the
    most CRS points counts, for the grid too)."""
    lines = _language_lines(facts, tables)
    if len(facts.languages.tests) < 2:  # one test (most candidates): nothing to choose
        return lines
    choices = facts.other_language_choices
    if not choices.others:
        return lines
    # The same lines in the same order for every choice: four abilities and the second language.
    others = [_language_lines(facts.with_languages(other), tables) for other in choices.others]
    missing = unsettled_paths(facts, choices.unsettled)
    settled: list[_RawLine] = []
    for index, line in enumerate(lines):
        factor, item, points, at_most, maximum, sentence, citation, needed = line
        least = min(points, *(other[index][2] for other in others))
        most = max(at_most, *(other[index][3] for other in others))
        if (least, most) == (points, at_most):
            settled.append(line)
            continue

        def said(sentence: Written = sentence, least: int = least, most: int = most) -> str:
            return (
                f"{written(sentence)} Another test could count once facts not yet given are "
                f"answered ({facts_in_words(missing)}; policies P5, P6): {least} to {most} "
                "points."
            )

        settled.append((factor, item, least, most, maximum, said, citation, (*needed, *missing)))
    return settled


def _language_lines(facts: Facts, tables: _GridTables) -> list[_RawLine]:
    line, by_level, maximum = tables.first_line, tables.first_points, tables.first_maximum
    levels = facts.languages.first_levels
    lines: list[_RawLine] = []
    lapsed = facts.languages.first_lapsed  # tests given, none counting: 0 points (P4)
    # Tests answered (an empty list included) are every test the candidate has.
    answered = facts.candidate.language_tests is not None
    if levels is None and (lapsed or answered):
        lines.extend(
            line(
                item, 0, maximum, "No test given for the first official language counts: 0 points."
            )
            for _, item, _ in _FIRST_LANGUAGE_ITEMS
        )
    elif levels is None:
        for _, item, _ in _FIRST_LANGUAGE_ITEMS:
            lines.append(
                line(
                    item,
                    0,
                    maximum,
                    "The language tests are not answered: 0 to "
                    f"{maximum} points for the first official language.",
                    at_most=maximum,
                    missing=("$.language_tests",),
                )
            )
    else:
        language = levels.language
        for (_, item, name), level in zip(_FIRST_LANGUAGE_ITEMS, levels.four, strict=True):
            points = by_level[level]
            sentence = _ability_sentence(name, level, language, points, tables.first_needed)
            lines.append(line(item, points, maximum, sentence))
    second_steps, second, second_maximum = tables.second, tables.second_line, tables.second_maximum
    item = "Second official language"
    if not answered:  # no test given may be a test of the second language: never a zero
        # A declared first language settles the second even without a test of the first (P5).
        lines.append(
            second(
                item,
                0,
                second_maximum,
                "The first official language is not settled by a test, so neither is the second."
                if facts.languages.first_language is None
                else "The language tests are not answered: a test of the second official "
                "language may count.",
                at_most=second_maximum,
                missing=("$.language_tests",),
            )
        )
        return lines
    second_levels = facts.languages.second_levels
    if second_levels is None:
        lines.append(
            second(
                item,
                0,
                second_maximum,
                "No test counts for the second official language: 0 points.",
            )
        )
        return lines
    points = second_steps.points(second_levels.lowest)
    needed = second_steps.rows[0][0]
    lines.append(
        second(
            item,
            points,
            second_maximum,
            lambda: (
                f"The second official language test gives {second_levels}; "
                f"{second_levels.benchmark} {needed} in each ability earns {second_maximum}: "
                f"{points_words(points)}."
            ),
        )
    )
    return lines


@functools.lru_cache(maxsize=512)
def _ability_sentence(
    name: str, level: int, language: Language, points: int, needed: tuple[int, int]
) -> str:
    """A first-language line's sentence (the same few are written for every candidate); a zero
    says which level would earn points (``needed``: that level and its points)."""
    said = f"{name} is {describe_level(level, language)}: {points_words(points)}"
    if points:
        return f"{said}."
    least, earns = needed
    return f"{said}; {describe_level(least, language)} earns {points_words(earns)}."


def _education_line(facts: Facts, tables: _GridTables) -> _RawLine:
    table, maximum, line = tables.education, tables.education_maximum, tables.education_line
    credentials = facts.candidate.education
    if credentials is None:
        return line(
            "Education",
            0,
            maximum,
            f"The credentials are not answered: 0 to {maximum} points.",
            at_most=maximum,
            missing=("$.education",),
        )
    if not credentials:
        return line("Education", 0, maximum, "No credential: 0 points.")
    derived = facts.education
    points = table[derived.level]
    waiting = unassessed(derived, on=facts.on)
    # A foreign credential whose ECA is not entered may still raise the level (P21).
    at_most = table[level_if_assessed(credentials, on=facts.on)] if waiting else points
    missing = tuple(f"$.education[{use.index}].eca" for use in waiting) if at_most > points else ()

    def sentence() -> str:
        # A credential left aside either does not count, or is below the highest one.
        ignored = "".join(
            f" Credential {use.index + 1} "
            f"{'does not count' if use.level is None else 'is not the highest'}: "
            f"{use.reason}."
            for use in derived.ignored
        )
        if missing:
            return (
                f"{derived.explanation}{ignored} {_range(points, at_most)} points: up to "
                f"{at_most} if an educational credential assessment confirms the level claimed."
            )
        return f"{derived.explanation}{ignored} {points_words(points)}."

    return line("Education", points, maximum, sentence, at_most=at_most, missing=missing)


def _experience_line(facts: Facts, tables: _GridTables) -> _RawLine:
    steps = tables.experience
    experience = facts.experience(FSW_GRID)
    low = steps.points(experience.years_at_least)
    high = steps.points(experience.years_at_most)
    return tables.experience_line(
        "Work experience",
        low,
        tables.experience_maximum,
        lambda: f"Skilled work: {experience.figure()}. {_range(low, high)} points.",
        at_most=high,
        missing=work_history_paths(experience) if low != high else (),
    )


def _age_line(facts: Facts, tables: _GridTables) -> _RawLine:
    table, line = tables.age, tables.age_line
    age = facts.age
    if age is None:
        return line(
            "Age",
            0,
            table.full_points,
            "The birth date is not given.",
            at_most=table.full_points,
            missing=("$.birth_date",),
        )
    points = table.points(age)
    on = facts.on
    born = facts.candidate.birth_date
    if born is not None and born > on:  # age 0 before the birth date (Facts.age)
        return line(
            "Age",
            points,
            table.full_points,
            lambda: f"The birth date ({born}) is after {on}: age 0, {points_words(points)}.",
        )
    # A zero says why: the ages that earn points.
    why = f" (points from age {table.full_from} to {table.last_age})" if not points else ""
    return line(
        "Age",
        points,
        table.full_points,
        lambda: f"Age {age} on {on}: {points_words(points)}{why}.",
    )


def _offer_points(line: _Line, item: str, offer: Qualification, points: int) -> _RawLine:
    if offer.outcome is Outcome.MET:
        return line(item, points, points, lambda: f"{offer.sentence} {points_words(points)}.")
    if offer.outcome is Outcome.NOT_MET:
        return line(item, 0, points, lambda: f"{offer.sentence} 0 points.")
    return line(
        item,
        0,
        points,
        lambda: f"{offer.sentence} 0 to {points} points.",
        at_most=points,
        missing=offer.missing,
    )


@attrs.frozen
class _Item:
    """An adaptability item's bounds before the spouse question is settled."""

    low: int
    high: int
    sentence: Written
    missing: tuple[str, ...] = ()


def _spouse_item(facts: Facts, points: int, item: Callable[[], _Item]) -> _Item:
    """A spouse item (P12, P28): it counts only for a spouse or partner who counts."""
    counts = facts.spouse_counts
    if counts is False:
        if facts.partnered:
            spouse = facts.candidate.spouse
            assert spouse is not None  # a partner counts or not only once described
            why = (
                "is a Canadian citizen or permanent resident"
                if spouse.canadian_citizen_or_pr
                else "is not coming to Canada"
            )
            return _Item(0, 0, f"The spouse or partner {why} (policy P12).")
        return _Item(0, 0, "No spouse or common-law partner.")
    if facts.candidate.spouse is None:  # partnered, or not known, and no spouse described
        # Not known: no spouse is presumed ("the spouse is not described" would presume one).
        said = (
            "The marital status is not answered."
            if facts.partnered is None
            else "The spouse or partner is not described."
        )
        return _Item(0, points, said, spouse_missing(facts))
    found = item()
    if counts or found.high == 0:
        return found
    return _Item(
        0,
        found.high,
        lambda: f"{upper_first(SPOUSE_STATUS_UNANSWERED)} (policy P12). {written(found.sentence)}",
        spouse_missing(facts) + found.missing,
    )


def _spouse_language(facts: Facts, table: AdaptabilityPoints) -> _Item:
    languages = facts.spouse_languages
    assert languages is not None  # only asked when a spouse is described
    level = table.spouse_language_level
    # Any valid test of the spouse's, in either language (IRPR s. 83(1)(a)): not only the one
    # the CRS spouse points read (P30), which ranks by those points (audit helper-70: CLB 10,
    # 10, 10, 3 outranks CLB 4 in each ability there, and hid the 5 points here).
    tested = [test.levels for test in languages.tests if test.counts]
    best = next((levels for levels in tested if levels.all_at_least(level)), None)
    if best is not None:
        return _Item(
            table.spouse_language,
            table.spouse_language,
            lambda: f"The spouse's test gives {best}: at least CLB/NCLC {level} in each ability.",
        )
    if tested:
        given = " and ".join(str(levels) for levels in tested)
        said = "test gives" if len(tested) == 1 else "tests give"
        below = "below" if len(tested) == 1 else "each below"
        return _Item(
            0,
            0,
            lambda: f"The spouse's {said} {given}: {below} CLB/NCLC {level} in some ability.",
        )
    return _Item(0, 0, "No language test of the spouse counts.")


def _study(
    credentials: Sequence[Credential],
    path: str,
    table: AdaptabilityPoints,
    points: int,
    whose: str = "",
) -> _Item:
    """Two academic years of full-time study in Canada in a program of two years or more;
    ``whose`` names the spouse's ("The spouse's or partner's ") in the sentences."""
    possible: list[str] = []
    for index, credential in enumerate(credentials):
        if not credential.canadian:
            continue
        where = f"{path}[{index}]"
        conditions = (
            (credential.program_years, f"{where}.program_years", table.study_program_years),
            (
                credential.months_studied_in_canada,
                f"{where}.months_studied_in_canada",
                table.study_months,
            ),
        )
        unanswered = [field for value, field, _ in conditions if value is None]
        if credential.full_time is None:
            unanswered.append(f"{where}.full_time")
        fails = credential.full_time is False or any(
            value is not None and value < needed for value, _, needed in conditions
        )
        if fails:
            continue
        if not unanswered:
            return _Item(
                points,
                points,
                f"{whose}{'c' if whose else 'C'}redential {index + 1}: "
                f"{credential.program_years}-year program, "
                f"{credential.months_studied_in_canada} months of full-time study in Canada.",
            )
        possible += unanswered
    if possible:
        return _Item(
            0,
            points,
            lambda: (
                f"Full-time study in Canada may count; not answered: {facts_in_words(possible)}."
            ),
            tuple(possible),
        )
    return _Item(
        0,
        0,
        f"{'No' if not whose else whose + 'credentials include no'} Canadian program of "
        f"{table.study_program_years} years or more with {table.study_months} months of "
        "full-time study.",
    )


_SPOUSES: Final = "The spouse's or partner's "


def _own_study(credentials: Sequence[Credential] | None, table: AdaptabilityPoints) -> _Item:
    if credentials is None:
        points = table.own_study
        return _Item(0, points, "The credentials are not answered:", ("$.education",))
    return _study(credentials, "$.education", table, table.own_study)


def _work_in_canada(
    experience: Experience | None, years: int, points: int, what: str = "Work in Canada"
) -> _Item:
    assert experience is not None  # only asked when there is a history to measure
    # Whole years compared in the ledger's units: the same answer as reaches(years * 1,560
    # hours), without building Fractions.
    reached = experience.reaches_years(years)

    def summary() -> str:
        return f"{what}: {experience.figure()}."

    if reached:
        return _Item(points, points, summary)
    if reached is False:
        return _Item(0, 0, summary)
    return _Item(0, points, summary, work_history_paths(experience))


def _item_sentence(found: _Item) -> Written:
    return lambda: f"{written(found.sentence)} {_range(found.low, found.high)} points."


def _adaptability_lines(
    facts: Facts, offer: Qualification, tables: _GridTables
) -> Iterator[_RawLine]:
    table, line = tables.adaptability, tables.adaptability_line
    candidate = facts.candidate

    def spouse_study() -> _Item:
        spouse = candidate.spouse
        assert spouse is not None
        return _study(spouse.education, "$.spouse.education", table, table.spouse_study, _SPOUSES)

    def spouse_work() -> _Item:
        found = _work_in_canada(
            facts.spouse_experience(FSW_SPOUSE_ADAPTABILITY),
            table.work_years,
            table.spouse_work,
            "The spouse's or partner's work in Canada",
        )
        return _Item(
            found.low,
            found.high,
            found.sentence,
            tuple([path.replace("$.", "$.spouse.", 1) for path in found.missing]),
        )

    items = (
        (
            "Spouse's language",
            table.spouse_language,
            _spouse_item(facts, table.spouse_language, lambda: _spouse_language(facts, table)),
        ),
        (
            "Past study in Canada",
            table.own_study,
            _own_study(candidate.education, table),
        ),
        (
            "Spouse's past study in Canada",
            table.spouse_study,
            _spouse_item(facts, table.spouse_study, spouse_study),
        ),
        (
            "Past work in Canada",
            table.own_work,
            _work_in_canada(facts.experience(FSW_ADAPTABILITY), table.work_years, table.own_work),
        ),
        (
            "Spouse's past work in Canada",
            table.spouse_work,
            _spouse_item(facts, table.spouse_work, spouse_work),
        ),
    )
    for item, maximum, found in items:
        yield line(
            item,
            found.low,
            maximum,
            _item_sentence(found),
            at_most=found.high,
            missing=found.missing,
        )
    yield _offer_points(
        line, "Arranged employment (adaptability)", offer, table.arranged_employment
    )
    relative = candidate.relative_in_canada
    if relative is None and candidate.sibling_in_canada:
        # The CRS's brother or sister (18 or over, a citizen or PR, living in Canada, of the
        # candidate or of the spouse or partner coming) is one of the FSW's relatives.
        yield line(
            "Relatives in Canada",
            table.relatives,
            table.relatives,
            "A brother or sister who is a citizen or PR lives in Canada: "
            f"{points_words(table.relatives)}.",
        )
    elif relative is None:
        yield line(
            "Relatives in Canada",
            0,
            table.relatives,
            f"Whether a relative lives in Canada is not answered. 0 to {table.relatives} points.",
            at_most=table.relatives,
            missing=("$.relative_in_canada",),
        )
    else:
        points = table.relatives if relative else 0
        yield line(
            "Relatives in Canada",
            points,
            table.relatives,
            f"{'A' if relative else 'No'} relative who is a citizen or PR lives in Canada: "
            f"{points_words(points)}.",
        )


def _grid(facts: Facts, offer: Qualification) -> FswGrid:
    on = facts.on
    tables = _grid_tables(on)
    language, education, experience, age, arranged, adaptability = tables.maxima
    # In GridFactor's order, as the grid lists its factors.
    factors: list[_RawFactor] = [
        (GridFactor.LANGUAGE, language, _settled_language_lines(facts, tables)),
        (GridFactor.EDUCATION, education, [_education_line(facts, tables)]),
        (GridFactor.EXPERIENCE, experience, [_experience_line(facts, tables)]),
        (GridFactor.AGE, age, [_age_line(facts, tables)]),
        (
            GridFactor.ARRANGED_EMPLOYMENT,
            arranged,
            [
                _offer_points(
                    tables.arranged_employment_line,
                    "Arranged employment",
                    offer,
                    tables.arranged_employment,
                )
            ],
        ),
        (
            GridFactor.ADAPTABILITY,
            adaptability,
            list(_adaptability_lines(facts, offer, tables)),
        ),
    ]
    # Each factor capped at its maximum, as FactorResult adds its lines up (plain loops: a
    # generator per sum costs more than the few lines it adds up).
    total = total_at_most = 0
    for _, maximum, lines in factors:
        points = at_most = 0
        for line in lines:
            points += line[2]
            at_most += line[3]
        total += points if points < maximum else maximum
        total_at_most += at_most if at_most < maximum else maximum
    pass_mark = tables.pass_mark
    return FswGrid(
        on=on,
        factors=factors,
        pass_mark=pass_mark.value,
        pass_mark_citation=pass_mark.citation,
        total=total,
        total_at_most=total_at_most,
    )


def fsw_grid(facts: Facts) -> FswGrid:
    """The FSW selection grid (IRPR ss. 76-83) of the candidate and date of ``facts``.

    Computed once per facts: the FSW verdict's pass-mark finding and an assessment share it.
    """
    return facts.kept(_grid_of)


def _grid_of(facts: Facts) -> FswGrid:
    return _grid(facts, arranged_employment(facts))


# -- the rules -------------------------------------------------------------------------------

_SKILLED_RULE = Rule(
    "fsw.experience.skilled",
    "The primary occupation is skilled",
    _irpr(
        "s. 75(2)(a): NOC TEER 0, 1, 2 or 3 (skill type 0 or level A or B before 2022-11-16)",
        _EXPERIENCE_OI,
    ),
)
_YEAR_RULE = Rule(
    "fsw.experience.continuous_year",
    "One continuous year in the primary occupation within 10 years",
    _irpr(
        "s. 75(2)(a): one year of continuous full-time work (1,560 hours) within 10 years",
        LAWS + "section-75.html",
    ),
    "P9",
)
_LANGUAGE_RULE = Rule(
    "fsw.language.first_official",
    "CLB/NCLC 7 in each ability of the first official language",
    LANGUAGE_MINIMUM.citation_at(EXPRESS_ENTRY_LAUNCH),
    "P33",
)
_EDUCATION_RULE = Rule(
    "fsw.education.credential",
    "A Canadian credential, or a foreign one with a valid ECA",
    _irpr(
        "s. 75(2)(e): a Canadian credential or a foreign one with an ECA", LAWS + "section-75.html"
    ),
    "P21",
)
_RESIDENCE_RULE = Rule(
    "fsw.residence.outside_quebec",
    "Intends to live outside Quebec",
    _irpr("s. 75(1): intends to reside in a province other than Quebec", LAWS + "section-75.html"),
    "P18",
)
_FUNDS_RULE = Rule(
    "fsw.funds.settlement",
    "Settlement funds for the family size, unless exempt",
    _irpr(
        "s. 76(1)(b)(i): half the minimum necessary income for the family size; IRCC proof "
        "of funds",
        PROOF_OF_FUNDS_URL,
    ),
    "P14",
)
_GRID_RULE = Rule(
    "fsw.grid.pass_mark",
    "The selection grid reaches the pass mark",
    PASS_MARK.citation_at(EXPRESS_ENTRY_LAUNCH),
)


@attrs.frozen
class _Primary:
    """The primary occupation (``None`` when no occupation can be chosen), whether the
    candidate stated it, and the qualifying experience in it with its best continuous run."""

    occupation: NocCode | None
    stated: bool
    experience: Experience
    run: Continuity


def _year_rank(
    measured: tuple[Experience, Continuity], required: int
) -> tuple[bool, bool, Fraction, Fraction]:
    experience, run = measured
    reached = run.reaches(required)
    return (reached is True, reached is None, experience.hours_at_least, experience.hours_at_most)


def _primary_occupation(facts: Facts) -> _Primary:
    """The stated primary occupation; otherwise the occupation that best meets the continuous
    year (certainly, then possibly), and among equals the one with the most qualifying hours.

    Choosing by the requirement, not by hours alone, keeps the verdict monotone: more work in
    another occupation never hides the year the candidate has in one.
    """
    stated = facts.candidate.primary_occupation
    if stated is not None:
        experience = facts.experience(FSW_QUALIFYING, stated)
        return _Primary(stated, True, experience, experience.continuous_run())
    required = HOURS_PER_YEAR.at(facts.on)
    # by_occupation measures each occupation alone already: the same figures as
    # facts.experience(FSW_QUALIFYING, occupation), without measuring twice. Each run is
    # found once: the year finding reads the chosen one's.
    each = [
        (measured, measured.continuous_run())
        for measured in facts.experience(FSW_QUALIFYING).by_occupation()
        if measured.occupation is not None
    ]
    if not each:
        experience = facts.experience(FSW_QUALIFYING)
        return _Primary(None, False, experience, experience.continuous_run())
    best, run = max(each, key=lambda measured: _year_rank(measured, required))
    if run.reaches(required) is None:
        # No occupation certainly has the year, but periods under a NOC 2016 code that NOC 2021
        # splits may: in one occupation whichever code each turns out to be (not yet known).
        experience = facts.experience(FSW_QUALIFYING)
        some = experience.continuous_run()
        if some.reaches(required):
            return _Primary(None, False, experience, some)
    return _Primary(best.occupation, False, best, run)


_SPLIT_OCCUPATION: Final = (
    "one occupation, whichever NOC 2021 code the NOC 2016 code of its work turns out to be"
)
"""Where a year is certain in an occupation not yet known (a NOC 2016 code NOC 2021 splits)."""

_CHOSEN: Final = (
    "the occupation that best meets the continuous year, with the most qualifying hours (no "
    "primary occupation is given)"
)


def _skilled_finding(facts: Facts, primary: _Primary) -> Finding:
    occupation, stated = primary.occupation, primary.stated
    if occupation is None and primary.run.reaches(HOURS_PER_YEAR.at(facts.on)):
        # Only work the FSW's query admits as skilled counts: whichever occupation it is in.
        return _SKILLED_RULE.finding(
            Outcome.MET,
            f"No primary occupation is given; the continuous year is in {_SPLIT_OCCUPATION}, "
            f"and each of those codes is a skilled occupation on {facts.on}.",
            facts={"primary_occupation": None},
        )
    if occupation is None:
        best = primary.experience
        if best.hours_at_most == 0:
            # Whether the occupation is skilled is the question, and the candidate may still
            # name one: not met would turn to met when a skilled primary occupation is given.
            return _SKILLED_RULE.finding(
                Outcome.UNKNOWN,
                "No primary occupation is given and no paid work in a skilled occupation in "
                "the last 10 years can count; give the primary occupation.",
                facts={"primary_occupation": None},
                missing=("$.primary_occupation",),
            )
        return _SKILLED_RULE.finding(
            Outcome.UNKNOWN,
            "No primary occupation is given, and the work that could be skilled depends on "
            "facts not answered."
            if best.ledger.answered
            else f"No primary occupation is given. {NO_WORK_HISTORY}.",
            facts={"primary_occupation": None},
            missing=("$.primary_occupation", *work_history_paths(best)),
        )
    how = "the stated primary occupation" if stated else _CHOSEN
    recorded: dict[str, FactValue] = {"primary_occupation": occupation.code, "stated": stated}
    on = facts.on
    try:
        skilled = is_skilled(occupation, on)
    except InvalidNocCode:
        return _SKILLED_RULE.finding(
            Outcome.UNKNOWN,
            lambda: (
                f"{occupation.described}, {how}, corresponds to skilled and other occupations in "
                f"the NOC version in force on {on}; give the code of that version."
            ),
            facts=recorded,
            missing=("$.primary_occupation",),
        )
    if skilled:
        return _SKILLED_RULE.finding(
            Outcome.MET,
            lambda: f"{occupation.described}, {how}, is a skilled occupation on {on}.",
            facts=recorded,
        )
    return _SKILLED_RULE.finding(
        Outcome.NOT_MET,
        lambda: (
            f"{occupation.described}, {how}, is not a skilled occupation on {on} (the FSW "
            f"needs TEER 0, 1, 2 or 3; before 2022-11-16 NOC skill type 0 or level A or B)."
        ),
        facts=recorded,
    )


def _year_finding(facts: Facts, primary: _Primary) -> Finding:
    occupation, stated, experience = primary.occupation, primary.stated, primary.experience
    required = HOURS_PER_YEAR.at(facts.on)
    run = primary.run
    reached = run.reaches(required)

    def recorded() -> dict[str, FactValue]:
        best = run.at_least
        recorded = experience_facts(experience, required)
        recorded["longest_run_hours"] = hours_fact(best.hours) if best is not None else 0
        return recorded

    def sentence() -> str:
        best = run.at_least
        if not experience.ledger.answered:
            return (
                f"{NO_WORK_HISTORY}; the FSW needs {format_hours(Fraction(required))} hours "
                f"of paid skilled work in one continuous run since {experience.window_start}."
            )
        if occupation is None:
            where = (
                f"{_SPLIT_OCCUPATION} (no primary occupation is given)"
                if reached
                else "any one occupation (no primary occupation is given)"
            )
        else:
            where = occupation.described + ("" if stated else f", {_CHOSEN}")
        low = format_hours(experience.hours_at_least)
        counted = (
            f"{low} hours"
            if reached is not None
            else f"between {low} and {format_hours(experience.hours_at_most)} hours (depending "
            f"on facts not answered)"
        )
        longest = (
            f"the longest continuous run is {format_hours(best.hours)} hours "
            f"({best.first_day} to {best.last_day})"
            if best is not None
            else "no continuous run counts"
            if reached is not None  # nothing left open: none counts, not "none certainly"
            else "no continuous run certainly counts"
        )
        said = (
            f"In {where}, {counted} of paid skilled work since {experience.window_start} "
            f"count; {longest}; the FSW needs {format_hours(Fraction(required))} hours in one "
            f"continuous run."
        )
        if reached is False:
            said += left_out(experience)
        if self_employed:
            said += " Self-employment is counted (policy P8)."
        return said

    self_employed = counts_self_employment(experience)
    policy = "P8" if self_employed else None
    if reached:
        return _YEAR_RULE.finding(Outcome.MET, sentence, facts=recorded, policy=policy)
    if reached is False:
        return _YEAR_RULE.finding(Outcome.NOT_MET, sentence, facts=recorded, policy=policy)
    missing = work_history_paths(experience)
    # A stated occupation the NOC version in force splits (NOC 2021 11100 on a NOC 2016 date is
    # 1111 or 1114) leaves open which occupation a job under one of those codes is in: the
    # occupation, given in that version, settles it (audit helper-73).
    note = ""
    if occupation is not None and stated:
        split = in_version(occupation, version_in_force(facts.on))
        if len(split) > 1:
            codes = " or ".join(code.code for code in split)
            note = (
                f" The primary occupation, NOC {occupation.code}, is NOC {codes} in the NOC "
                f"version in force: give it in that version."
            )
    return _YEAR_RULE.finding(
        Outcome.UNKNOWN,
        lambda: sentence() + note,
        facts=recorded,
        missing=("$.primary_occupation", *missing) if not stated or note else missing,
        policy=policy,
    )


def _education_finding(facts: Facts) -> Finding:
    credentials = facts.candidate.education
    if credentials is None:
        return _EDUCATION_RULE.finding(
            Outcome.UNKNOWN,
            "The credentials are not answered; the FSW needs a Canadian credential or a "
            "foreign one with a valid educational credential assessment.",
            facts={"credentials": None},
            missing=("$.education",),
        )
    if not credentials:
        return _EDUCATION_RULE.finding(
            Outcome.NOT_MET,
            "The profile gives no credential; the FSW needs a Canadian credential or a foreign "
            "one with a valid educational credential assessment.",
            facts={"credentials": 0},
        )
    derived = facts.education
    recorded: dict[str, FactValue] = {
        "credentials": len(credentials),
        "level": derived.level.value,
    }
    if derived.used:
        return _EDUCATION_RULE.finding(Outcome.MET, lambda: derived.explanation, facts=recorded)
    waiting = unassessed(derived, on=facts.on)
    if waiting:
        # An ECA not entered is not answered, not a "no" (DESIGN principle 4).
        return _EDUCATION_RULE.finding(
            Outcome.UNKNOWN,
            lambda: (
                "No credential counts yet: "
                + "; ".join(
                    f"credential {use.index + 1} "
                    f"({EducationLevel.from_credential_level(use.credential.level).title} "
                    f"from {use.credential.country}) has no educational credential assessment "
                    "entered"
                    for use in waiting
                )
                + "; a foreign credential counts for the FSW only with a valid one (policy P21)."
            ),
            facts=recorded,
            missing=tuple(f"$.education[{use.index}].eca" for use in waiting),
        )

    def sentence() -> str:
        reasons = "; ".join(f"credential {use.index + 1}: {use.reason}" for use in derived.ignored)
        return (
            f"No credential counts ({reasons}); the FSW needs a completed Canadian credential "
            f"or a foreign one with a valid educational credential assessment (policy P21)."
        )

    return _EDUCATION_RULE.finding(Outcome.NOT_MET, sentence, facts=recorded)


def _pass_mark_finding(grid: FswGrid) -> Finding:
    def recorded() -> dict[str, FactValue]:
        return {
            "total": grid.total,
            "total_at_most": grid.total_at_most,
            "pass_mark": grid.pass_mark,
            **{f"{factor.factor.value}": factor.points for factor in grid.factors},
        }

    passes = grid.passes
    if passes is None:
        return _GRID_RULE.finding(
            Outcome.UNKNOWN, grid.describe, facts=recorded, missing=grid.missing
        )
    return _GRID_RULE.finding(
        Outcome.MET if passes else Outcome.NOT_MET, grid.describe, facts=recorded
    )


@functools.lru_cache(maxsize=64)
def _language_minimums(on: date) -> Mapping[Ability, int]:
    """The minimum of each ability on ``on``: one level for all four (kept per date)."""
    return MappingProxyType(dict.fromkeys(Ability, LANGUAGE_MINIMUM.at(on)))


class FederalSkilledWorker:
    """The Federal Skilled Worker Program behind the :class:`~expressentry.programs.Program`
    protocol. Use the module's :data:`FSW`."""

    code: Final = "FSW"
    name: Final = "Federal Skilled Worker Program"
    rules: Final = (
        _SKILLED_RULE,
        _YEAR_RULE,
        _LANGUAGE_RULE,
        _EDUCATION_RULE,
        _RESIDENCE_RULE,
        _FUNDS_RULE,
        _GRID_RULE,
    )

    def assess(self, facts: Facts) -> Verdict:
        """The FSW verdict on the candidate and date of ``facts`` (policy P32)."""
        offer = arranged_employment(facts)
        primary = _primary_occupation(facts)
        findings = (
            _skilled_finding(facts, primary),
            _year_finding(facts, primary),
            language_minimum_per_ability(
                _LANGUAGE_RULE, facts, _language_minimums(facts.on), "the FSW"
            ),
            _education_finding(facts),
            outside_quebec(_RESIDENCE_RULE, facts, "the FSW"),
            settlement_funds_finding(_FUNDS_RULE, facts, offer),
            _pass_mark_finding(fsw_grid(facts)),
        )
        return Verdict.decide(self.code, facts.on, findings)

    def grid(self, facts: Facts) -> FswGrid:
        """The selection grid (:func:`fsw_grid`)."""
        return fsw_grid(facts)

    def __repr__(self) -> str:
        return "FSW"


FSW: Final = FederalSkilledWorker()
"""The Federal Skilled Worker Program."""
