"""The Comprehensive Ranking System (CRS): the score that ranks candidates in the pool.

The Ministerial Instructions under IRPA s. 10.3 score a candidate out of 1,200 in four parts
(rules.md §4):

* **A. Core / human capital**: age, level of education, first and second official language and
  Canadian work experience; at most 460 with a spouse or partner, 500 without.
* **B. Spouse or common-law partner**: the spouse's education, first official language and
  Canadian work experience; at most 40, and only in the "with spouse" column.
* **C. Skill transferability**: five combinations of education, language, Canadian and foreign
  work experience and a certificate of qualification; the education pair is capped at 50, the
  foreign-experience pair at 50, the certificate at 50, and the whole part at 100.
* **D. Additional points**: provincial nomination, a qualifying job offer (until 2025-03-25),
  French-language skills, post-secondary education in Canada and a sibling in Canada; at most
  600.

The "with spouse" column applies only when the spouse or partner is neither a Canadian citizen
nor a permanent resident and is coming to Canada (policy P12, :func:`spouse_counts`).

Every number is a row of a :class:`~expressentry.dated.DatedTable` with its citation; the rule
eras (2015-01-01, 2016-11-19, 2017-06-06, 2020-10-27, 2022-11-16, 2025-03-25) are rows, never
``if``\\ s. Scoring works from *levels* (:class:`CrsFactors`, :func:`score`,
:func:`crs_from_levels`), the way the official online tool asks its questions.

Golden case 1 of ``golden-crs.md``: single, 29, bachelor's degree, IELTS 7.0 in all four
(CLB L 7, R 9, W 9, S 9):

>>> from datetime import date
>>> result = crs_from_levels(
...     on=date(2025, 4, 1),
...     age=29,
...     education=EducationLevel.BACHELORS_OR_THREE_YEAR,
...     first_language=clb(listening=7, reading=9, writing=9, speaking=9),
... )
>>> result.total
353
>>> [(section.name, section.points) for section in result.sections]
[('core', 340), ('spouse', 0), ('transferability', 13), ('additional', 0)]
>>> print(result.line("crs.core.canadian_experience").sentence)
No points for Canadian work experience: 0 years in the last 10; 1 year needed.
"""

from __future__ import annotations

import functools
import itertools
import math
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, ClassVar, Final

import attrs

from expressentry._sources import CRS_CRITERIA_URL, MI_2015_URL, MI_2017_1_URL, MI_URL
from expressentry._written import WrittenOnRead, points_words, upper_first
from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Citation, Dated, DatedTable, rules_warnings
from expressentry.education import CanadianEducation, CredentialUse, EducationLevel, unassessed
from expressentry.exceptions import Problem, ProfileError, quoted
from expressentry.experience import CRS_CANADIAN, CRS_FOREIGN, Experience
from expressentry.facts import SPOUSE_STATUS_UNANSWERED, Facts, derive
from expressentry.job_offer import JobOfferClass, crs_job_offer
from expressentry.language.levels import BENCHMARK_TOP, LanguageLevels, level_figure
from expressentry.language.roles import (
    AssignmentPoints,
    LanguagePoints,
    OfficialLanguageRole,
    OfficialLanguages,
    settled_otherwise,
)
from expressentry.language.scales import Ability, Language
from expressentry.language.validity import AssessedTest
from expressentry.model import Candidate, check_types
from expressentry.serialization import facts_in_words
from expressentry.verdict import Outcome

__all__ = [
    "AGE_POINTS",
    "CANADIAN_EDUCATION_POINTS",
    "CANADIAN_EXPERIENCE_POINTS",
    "CRS_CAPS",
    "CRS_LINE_POLICIES",
    "CRS_RULES",
    "EDUCATION_POINTS",
    "FIRST_LANGUAGE_POINTS",
    "FRENCH_POINTS",
    "JOB_OFFER_POINTS",
    "PROVINCIAL_NOMINATION_POINTS",
    "SECOND_LANGUAGE_POINTS",
    "SIBLING_POINTS",
    "SPOUSE_EDUCATION_POINTS",
    "SPOUSE_EXPERIENCE_POINTS",
    "SPOUSE_LANGUAGE_POINTS",
    "TRANSFERABILITY",
    "Band",
    "CanadianEducation",
    "CrsCaps",
    "CrsFactors",
    "CrsLine",
    "CrsResult",
    "CrsSection",
    "EducationLevel",
    "JobOfferClass",
    "LanguageChoices",
    "PointsScale",
    "clb",
    "crs_factors",
    "crs_for",
    "crs_from_facts",
    "crs_from_levels",
    "language_assignment_points",
    "language_ranking",
    "nclc",
    "other_language_choices",
    "score",
    "spouse_counts",
    "spouse_language_ranking",
]

# --------------------------------------------------------------------------------------------
# Citations (rules.md source key)
# --------------------------------------------------------------------------------------------


def _criteria(part: str) -> Citation:
    """S11: the CRS criteria page (core tables unchanged since the launch, per S15 and S27)."""
    return Citation("Ministerial Instructions", f"CRS criteria: {part}", CRS_CRITERIA_URL)


_MI_2015 = Citation(
    "Ministerial Instructions",
    "Express Entry, s. 8(2): arranged employment 600 points (archived MI, 2015-05-30 to "
    "2016-11-18)",
    MI_2015_URL,
)


def _not_in_the_crs_until(change: str) -> Citation:
    """The Instructions of 2015, which give a factor no points: it came with ``change``."""
    return Citation(
        "Ministerial Instructions",
        f"Express Entry (archived MI, 2015-05-30 to 2016-11-18): no points for this factor "
        f"until {change}",
        MI_2015_URL,
    )


_MI_2016 = Citation(
    "Ministerial Instructions",
    "Amendments 2016-1 (Canada Gazette, Part I, Vol. 150, No. 46, 2016-11-12; in force "
    "2016-11-19): arranged employment 200 (NOC major group 00) or 50; Canadian study 15 or 30",
    MI_URL,
)
_MI_2017 = Citation(
    "Ministerial Instructions",
    "Amendments 2017-1 (in force 2017-06-06): French-language skills 15 or 30; a sibling in "
    "Canada 15",
    MI_2017_1_URL,
)
_FRENCH_2020 = Citation(
    "Ministerial Instructions",
    "CRS criteria: French-language skills 25 or 50 (news release of 2020-10-27; policy P2)",
    CRS_CRITERIA_URL,
)
_TEER_2022 = Citation(
    "Ministerial Instructions",
    "CRS criteria: arranged employment in NOC 2021 TEER wording (2022-11-16): 200 for TEER 0 "
    "major group 00, 50 for other TEER 0, 1, 2 or 3",
    CRS_CRITERIA_URL,
)
_REMOVED_2025 = Citation(
    "Ministerial Instructions",
    "CRS criteria: arranged-employment points removed from 2025-03-25 (policy P16)",
    CRS_CRITERIA_URL,
)

# --------------------------------------------------------------------------------------------
# Banded tables
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Band:
    """One row of a banded table: values from ``lowest`` up to the next row's ``lowest``."""

    lowest: int
    label: str
    with_spouse: int
    without_spouse: int

    def points(self, with_spouse: bool) -> int:
        """The points in the candidate's column."""
        return self.with_spouse if with_spouse else self.without_spouse


@attrs.frozen
class PointsScale:
    """A table that gives points to a whole-number fact by bands (age, years, levels).

    ``needed`` says in words what the first band with points asks for, for the zero lines.

    >>> AGE_POINTS.at(date(2025, 1, 1)).band(29)
    Band(lowest=20, label='20 to 29', with_spouse=100, without_spouse=110)
    """

    title: str
    needed: str
    bands: tuple[Band, ...]
    _lowests: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    maximum_with_spouse: int = attrs.field(init=False, repr=False, eq=False)
    maximum_without_spouse: int = attrs.field(init=False, repr=False, eq=False)

    @_lowests.default
    def _lowests_default(self) -> tuple[int, ...]:
        return tuple(band.lowest for band in self.bands)

    @maximum_with_spouse.default
    def _maximum_with_spouse_default(self) -> int:
        return max(band.with_spouse for band in self.bands)

    @maximum_without_spouse.default
    def _maximum_without_spouse_default(self) -> int:
        return max(band.without_spouse for band in self.bands)

    def band(self, value: int) -> Band:
        """The band that holds ``value`` (every scale starts at 0; values are never negative)."""
        return self.bands[bisect_right(self._lowests, value) - 1]

    def maximum(self, with_spouse: bool) -> int:
        """The most this table can give in the candidate's column."""
        return self.maximum_with_spouse if with_spouse else self.maximum_without_spouse


def _scale(title: str, needed: str, *rows: tuple[int, str, int, int]) -> PointsScale:
    return PointsScale(title, needed, tuple(Band(*row) for row in rows))


def _single(title: str, needed: str, *rows: tuple[int, str, int]) -> PointsScale:
    """A spouse table: one column (it only applies with a spouse)."""
    return PointsScale(
        title, needed, tuple(Band(lowest, label, pts, pts) for lowest, label, pts in rows)
    )


def _since_launch(name: str, value: PointsScale, part: str) -> DatedTable[PointsScale]:
    return DatedTable(name, (Dated(EXPRESS_ENTRY_LAUNCH, value, _criteria(part)),))


AGE_POINTS = _since_launch(
    "CRS core points for age",
    _scale(
        "age",
        "an age from 18 to 44",
        (0, "17 or less", 0, 0),
        (18, "18", 90, 99),
        (19, "19", 95, 105),
        (20, "20 to 29", 100, 110),
        (30, "30", 95, 105),
        (31, "31", 90, 99),
        (32, "32", 85, 94),
        (33, "33", 80, 88),
        (34, "34", 75, 83),
        (35, "35", 70, 77),
        (36, "36", 65, 72),
        (37, "37", 60, 66),
        (38, "38", 55, 61),
        (39, "39", 50, 55),
        (40, "40", 45, 50),
        (41, "41", 35, 39),
        (42, "42", 25, 28),
        (43, "43", 15, 17),
        (44, "44", 5, 6),
        (45, "45 or more", 0, 0),
    ),
    "A. core factors, age (§4.1)",
)
"""rules.md §4.1: age in whole years on the evaluation date (policy P13)."""


def _education_rows(*points: tuple[int, int]) -> tuple[Band, ...]:
    return tuple(
        Band(level.rank, level.title, with_spouse, without_spouse)
        for level, (with_spouse, without_spouse) in zip(EducationLevel, points, strict=True)
    )


EDUCATION_POINTS: DatedTable[PointsScale] = DatedTable(
    "CRS core points for the level of education",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            PointsScale(
                "level of education",
                "a secondary diploma",
                _education_rows(
                    (0, 0),
                    (28, 30),
                    (84, 90),
                    (91, 98),
                    (112, 120),
                    (119, 128),
                    (126, 135),
                    (140, 150),
                ),
            ),
            _criteria("A. core factors, level of education (§4.2)"),
        ),
    ),
)
"""rules.md §4.2, by :attr:`EducationLevel.rank` (policies P21, P29)."""

FIRST_LANGUAGE_POINTS = _since_launch(
    "CRS core points per ability, first official language",
    _scale(
        "the first official language",
        "4 in an ability",
        (0, "less than 4", 0, 0),
        (4, "4 or 5", 6, 6),
        (6, "6", 8, 9),
        (7, "7", 16, 17),
        (8, "8", 22, 23),
        (9, "9", 29, 31),
        (10, "10 or more", 32, 34),
    ),
    "A. core factors, first official language (§4.3)",
)
"""rules.md §4.3: CLB/NCLC level of each ability; CLB 4 earns 6 (pitfall §13: not 0)."""

SECOND_LANGUAGE_POINTS = _since_launch(
    "CRS core points per ability, second official language",
    _scale(
        "the second official language",
        "5 in an ability",
        (0, "4 or less", 0, 0),
        (5, "5 or 6", 1, 1),
        (7, "7 or 8", 3, 3),
        (9, "9 or more", 6, 6),
    ),
    "A. core factors, second official language (§4.4)",
)
"""rules.md §4.4; the sum of the four is capped by :data:`CRS_CAPS` (22 or 24)."""

CANADIAN_EXPERIENCE_POINTS = _since_launch(
    "CRS core points for Canadian work experience",
    _scale(
        "Canadian work experience",
        "1 year",
        (0, "less than 1 year", 0, 0),
        (1, "1 year", 35, 40),
        (2, "2 years", 46, 53),
        (3, "3 years", 56, 64),
        (4, "4 years", 63, 72),
        (5, "5 years or more", 70, 80),
    ),
    "A. core factors, Canadian work experience (§4.5)",
)
"""rules.md §4.5: whole years of skilled work in Canada in the last 10 years (policy P11)."""

SPOUSE_EDUCATION_POINTS: DatedTable[PointsScale] = DatedTable(
    "CRS spouse points for the level of education",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            PointsScale(
                "the spouse's level of education",
                "a secondary diploma",
                _education_rows(
                    (0, 0), (2, 2), (6, 6), (7, 7), (8, 8), (9, 9), (10, 10), (10, 10)
                ),
            ),
            _criteria("B. spouse or common-law partner factors, level of education (§4.6)"),
        ),
    ),
)
"""rules.md §4.6."""

SPOUSE_LANGUAGE_POINTS = _since_launch(
    "CRS spouse points per ability, first official language",
    _single(
        "the spouse's first official language",
        "5 in an ability",
        (0, "4 or less", 0),
        (5, "5 or 6", 1),
        (7, "7 or 8", 3),
        (9, "9 or more", 5),
    ),
    "B. spouse or common-law partner factors, official languages (§4.6)",
)
"""rules.md §4.6: CLB 4 or less earns 0 (pitfall §13: not 1)."""

SPOUSE_EXPERIENCE_POINTS = _since_launch(
    "CRS spouse points for Canadian work experience",
    _single(
        "the spouse's Canadian work experience",
        "1 year",
        (0, "less than 1 year", 0),
        (1, "1 year", 5),
        (2, "2 years", 7),
        (3, "3 years", 8),
        (4, "4 years", 9),
        (5, "5 years or more", 10),
    ),
    "B. spouse or common-law partner factors, Canadian work experience (§4.6)",
)
"""rules.md §4.6."""

# --------------------------------------------------------------------------------------------
# Skill transferability grids
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Tiers:
    """How a fact falls into the tiers of a transferability grid.

    ``fact`` names the input read (``education``, ``first_language``, ``canadian_years``,
    ``foreign_years``, ``certificate_of_qualification``). The tier of a value is the number of
    ``thresholds`` it reaches; ``labels`` names each tier and ``needed`` what tier 1 asks for.
    """

    fact: str
    thresholds: tuple[int, ...]
    labels: tuple[str, ...]
    needed: str

    def tier(self, value: int) -> int:
        """0, 1 or 2 (the scoring inlines this lookup for speed).

        >>> _FOREIGN_TIERS.tier(2), _FOREIGN_TIERS.tier(3)
        (1, 2)
        """
        return bisect_right(self.thresholds, value)


@attrs.frozen
class Grid:
    """One skill-transferability combination (rules.md §4.7): points by row and column tier."""

    rule_id: str
    title: str
    rows: Tiers
    columns: Tiers
    points: tuple[tuple[int, ...], ...]
    maximum: int = attrs.field(init=False, eq=False)

    @maximum.default
    def _maximum_default(self) -> int:
        return max(max(row) for row in self.points)


@attrs.frozen
class SubCap:
    """A group of grids whose points together are capped (the education pair at 50, ...)."""

    rule_id: str
    title: str
    cap: int
    grids: tuple[Grid, ...]


_EDUCATION_TIERS = Tiers(
    "education",
    (EducationLevel.ONE_YEAR.rank, EducationLevel.TWO_OR_MORE.rank),
    (
        "secondary or less",
        "a post-secondary credential of one year or longer",
        "two or more credentials, one of 3+ years, or a master's, professional or doctoral degree",
    ),
    "a post-secondary credential",
)
_LANGUAGE_TIERS = Tiers(
    "first_language",
    (7, 9),
    (
        "first official language below level 7 in an ability",
        "first official language at level 7 or more in all four, one below 9",
        "first official language at level 9 or more in all four",
    ),
    "level 7 or more in all four abilities of the first official language",
)
_CANADIAN_TIERS = Tiers(
    "canadian_years",
    (1, 2),
    ("less than 1 year in Canada", "1 year in Canada", "2 years or more in Canada"),
    "1 year of Canadian work experience",
)
_FOREIGN_TIERS = Tiers(
    "foreign_years",
    (1, 3),
    ("less than 1 year abroad", "1 or 2 years abroad", "3 years or more abroad"),
    "1 year of foreign work experience",
)
_CERTIFICATE_TIERS = Tiers(
    "certificate_of_qualification",
    (1,),
    ("no certificate of qualification", "a certificate of qualification"),
    "a certificate",
)
_CERTIFICATE_LANGUAGE_TIERS = Tiers(
    "first_language",
    (5, 7),
    (
        "first official language below level 5 in an ability",
        "first official language at level 5 or more in all four, one below 7",
        "first official language at level 7 or more in all four",
    ),
    "level 5 or more in all four abilities of the first official language",
)
_PAIR = ((0, 0, 0), (0, 13, 25), (0, 25, 50))

_EDUCATION_LANGUAGE = Grid(
    "crs.transferability.education_language",
    "education and first official language",
    _EDUCATION_TIERS,
    _LANGUAGE_TIERS,
    _PAIR,
)
_EDUCATION_CANADIAN = Grid(
    "crs.transferability.education_canadian_experience",
    "education and Canadian work experience",
    _EDUCATION_TIERS,
    _CANADIAN_TIERS,
    _PAIR,
)
_FOREIGN_LANGUAGE = Grid(
    "crs.transferability.foreign_experience_language",
    "foreign work experience and first official language",
    _FOREIGN_TIERS,
    _LANGUAGE_TIERS,
    _PAIR,
)
_FOREIGN_CANADIAN = Grid(
    "crs.transferability.foreign_experience_canadian_experience",
    "foreign and Canadian work experience",
    _FOREIGN_TIERS,
    _CANADIAN_TIERS,
    _PAIR,
)
_CERTIFICATE_LANGUAGE = Grid(
    "crs.transferability.certificate_language",
    "certificate of qualification and first official language",
    _CERTIFICATE_TIERS,
    _CERTIFICATE_LANGUAGE_TIERS,
    ((0, 0, 0), (0, 25, 50)),
)

TRANSFERABILITY: DatedTable[tuple[SubCap, ...]] = DatedTable(
    "CRS skill-transferability grids and their sub-caps",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            (
                SubCap(
                    "crs.transferability.education",
                    "education combinations",
                    50,
                    (_EDUCATION_LANGUAGE, _EDUCATION_CANADIAN),
                ),
                SubCap(
                    "crs.transferability.foreign_experience",
                    "foreign work experience combinations",
                    50,
                    (_FOREIGN_LANGUAGE, _FOREIGN_CANADIAN),
                ),
                SubCap(
                    "crs.transferability.certificate",
                    "certificate of qualification combination",
                    50,
                    (_CERTIFICATE_LANGUAGE,),
                ),
            ),
            _criteria("C. skill transferability factors (§4.7)"),
        ),
    ),
)
"""rules.md §4.7: five grids in three capped groups (pitfall §13: sub-caps of 50)."""

# --------------------------------------------------------------------------------------------
# Additional points
# --------------------------------------------------------------------------------------------


@attrs.frozen
class JobOfferPoints:
    """Points for a qualifying job offer in each class, with the rule in words."""

    senior_management: int
    other_skilled: int
    senior_management_row: str
    other_skilled_row: str

    def points(self, job_offer: JobOfferClass) -> int:
        """The points of ``job_offer``."""
        if job_offer is JobOfferClass.SENIOR_MANAGEMENT:
            return self.senior_management
        if job_offer is JobOfferClass.OTHER_SKILLED:
            return self.other_skilled
        return 0

    def row(self, job_offer: JobOfferClass) -> str:
        """The rule applied to ``job_offer`` in words."""
        if job_offer is JobOfferClass.SENIOR_MANAGEMENT:
            return self.senior_management_row
        return self.other_skilled_row


@attrs.frozen
class FrenchPoints:
    """Additional points for French: NCLC 7+ in all four, with or without English CLB 5+."""

    french_only: int
    bilingual: int


@attrs.frozen
class CanadianEducationPoints:
    """Additional points for post-secondary education in Canada (rules.md §4.8)."""

    one_or_two_year: int
    three_year_or_more: int

    def points(self, kind: CanadianEducation) -> int:
        """The points of ``kind``."""
        return (0, self.one_or_two_year, self.three_year_or_more)[kind.rank]


PROVINCIAL_NOMINATION_POINTS: DatedTable[int] = DatedTable(
    "CRS additional points for a provincial or territorial nomination",
    (Dated(EXPRESS_ENTRY_LAUNCH, 600, _criteria("D. additional points, provincial nomination")),),
)
"""rules.md §4.8, §4.9: 600 in every era."""

JOB_OFFER_POINTS: DatedTable[JobOfferPoints] = DatedTable(
    "CRS additional points for arranged employment",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            JobOfferPoints(
                600,
                600,
                "a qualifying (LMIA-supported) job offer earns 600",
                "a qualifying (LMIA-supported) job offer earns 600",
            ),
            _MI_2015,
        ),
        Dated(
            date(2016, 11, 19),
            JobOfferPoints(
                200,
                50,
                "a job offer in NOC 2016 major group 00 (senior management) earns 200",
                "a job offer in another NOC 0, A or B occupation earns 50",
            ),
            _MI_2016,
        ),
        Dated(
            date(2022, 11, 16),
            JobOfferPoints(
                200,
                50,
                "a job offer in NOC 2021 TEER 0 major group 00 earns 200",
                "a job offer in TEER 1, 2 or 3, or TEER 0 outside major group 00, earns 50",
            ),
            _TEER_2022,
        ),
        Dated(
            date(2025, 3, 25),
            JobOfferPoints(
                0,
                0,
                "job-offer points were removed on 2025-03-25",
                "job-offer points were removed on 2025-03-25",
            ),
            _REMOVED_2025,
        ),
    ),
)
"""rules.md §4.9; policy P16 (0 from 2025-03-25), P34 (what qualifies)."""

FRENCH_POINTS: DatedTable[FrenchPoints | None] = DatedTable(
    "CRS additional points for French-language skills",
    (
        Dated(EXPRESS_ENTRY_LAUNCH, None, _not_in_the_crs_until("2017-06-06")),
        Dated(date(2017, 6, 6), FrenchPoints(15, 30), _MI_2017),
        Dated(date(2020, 10, 27), FrenchPoints(25, 50), _FRENCH_2020),
    ),
)
"""rules.md §4.8, §4.9; policies P2 (cut-over 2020-10-27) and P20 (which tests count)."""

CANADIAN_EDUCATION_POINTS: DatedTable[CanadianEducationPoints | None] = DatedTable(
    "CRS additional points for post-secondary education in Canada",
    (
        Dated(EXPRESS_ENTRY_LAUNCH, None, _not_in_the_crs_until("2016-11-19")),
        Dated(date(2016, 11, 19), CanadianEducationPoints(15, 30), _MI_2016),
    ),
)
"""rules.md §4.8, §4.9 (policy P21)."""

SIBLING_POINTS: DatedTable[int | None] = DatedTable(
    "CRS additional points for a sibling in Canada",
    (
        Dated(EXPRESS_ENTRY_LAUNCH, None, _not_in_the_crs_until("2017-06-06")),
        Dated(date(2017, 6, 6), 15, _MI_2017),
    ),
)
"""rules.md §4.8, §4.9."""


@attrs.frozen(kw_only=True)
class CrsCaps:
    """The caps of rules.md §4.0, §4.4 and §4.7."""

    core_with_spouse: int
    core_without_spouse: int
    spouse: int
    second_language_with_spouse: int
    second_language_without_spouse: int
    transferability: int
    additional: int
    total: int


CRS_CAPS: DatedTable[CrsCaps] = DatedTable(
    "CRS caps",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            CrsCaps(
                core_with_spouse=460,
                core_without_spouse=500,
                spouse=40,
                second_language_with_spouse=22,
                second_language_without_spouse=24,
                transferability=100,
                additional=600,
                total=1200,
            ),
            _criteria("maximum points of each part (§4.0)"),
        ),
    ),
)
"""rules.md §4.0 (core 460/500, spouse 40, transferability 100, additional 600, total 1,200)
and §4.4 (second official language 22/24)."""

# --------------------------------------------------------------------------------------------
# Rules in force on a day: one bundle per era, looked up once per score
# --------------------------------------------------------------------------------------------


@attrs.frozen
class _Rules:
    """Every CRS table row in force during one era (precomputed, so a score does one lookup)."""

    age: Dated[PointsScale]
    education: Dated[PointsScale]
    first_language: Dated[PointsScale]
    second_language: Dated[PointsScale]
    canadian_experience: Dated[PointsScale]
    spouse_education: Dated[PointsScale]
    spouse_language: Dated[PointsScale]
    spouse_experience: Dated[PointsScale]
    transferability: Dated[tuple[SubCap, ...]]
    provincial_nomination: Dated[int]
    job_offer: Dated[JobOfferPoints]
    french: Dated[FrenchPoints | None]
    canadian_education: Dated[CanadianEducationPoints | None]
    sibling: Dated[int | None]
    caps: Dated[CrsCaps]
    french_from: date
    canadian_education_from: date
    sibling_from: date
    # The points of each value in each column, [with_spouse][value], of the banded tables: a
    # line is then a lookup instead of a band search. Languages by level (0 to 12); the others
    # up to their last band, which holds every value from there up (see _at).
    age_points: _LevelPoints
    education_points: _LevelPoints
    first_language_levels: _LevelPoints
    second_language_levels: _LevelPoints
    canadian_experience_points: _LevelPoints
    spouse_education_points: tuple[int, ...]  # the spouse tables have one column
    spouse_language_levels: _LevelPoints
    spouse_experience_points: tuple[int, ...]
    # Each sub-capped group with its grids, and where in _GRID_FACTS each grid's row and column
    # facts are: a grid line then reads two tuple items instead of four attributes and a dict.
    transferability_grids: tuple[tuple[SubCap, int, tuple[_PlacedGrid, ...]], ...]
    # The points of a job offer of each class and of each class of Canadian education (0 in an
    # era without them).
    job_offer_points: Mapping[JobOfferClass, int]
    canadian_education_points: Mapping[CanadianEducation, int]


_LevelPoints = tuple[tuple[int, ...], tuple[int, ...]]

_GRID_FACTS: Final = (
    "education",
    "first_language",
    "canadian_years",
    "foreign_years",
    "certificate_of_qualification",
)
"""The facts the transferability grids read, in the order a score lists their values."""

_PlacedGrid = tuple[Grid, tuple[tuple[int, ...], ...], int, int, tuple[int, ...], tuple[int, ...]]
"""A grid, its points, the positions of its row and column facts in _GRID_FACTS, and their
thresholds."""


def _placed(
    groups: tuple[SubCap, ...],
) -> tuple[tuple[SubCap, int, tuple[_PlacedGrid, ...]], ...]:
    return tuple(
        (
            group,
            group.cap,
            tuple(
                (
                    grid,
                    grid.points,
                    _GRID_FACTS.index(grid.rows.fact),
                    _GRID_FACTS.index(grid.columns.fact),
                    grid.rows.thresholds,
                    grid.columns.thresholds,
                )
                for grid in group.grids
            ),
        )
        for group in groups
    )


def _level_points(scale: PointsScale, top: int | None = None) -> _LevelPoints:
    """The points of each value from 0 to ``top`` (by default, the last band's lowest value)."""
    last = scale.bands[-1].lowest if top is None else top
    without, with_ = (
        tuple(scale.band(value).points(column) for value in range(last + 1))
        for column in (False, True)
    )
    return without, with_


def _canadian_education_points(
    table: CanadianEducationPoints | None,
) -> dict[CanadianEducation, int]:
    return {kind: 0 if table is None else table.points(kind) for kind in CanadianEducation}


def _introduced(table: DatedTable[Any]) -> date:
    """The day a factor that began as "not in force" (``None``) first gave points."""
    return next(row.start for row in table if row.value is not None)


def _rules_on(day: date) -> _Rules:
    return _Rules(
        age=AGE_POINTS.entry_at(day),
        education=EDUCATION_POINTS.entry_at(day),
        first_language=FIRST_LANGUAGE_POINTS.entry_at(day),
        second_language=SECOND_LANGUAGE_POINTS.entry_at(day),
        canadian_experience=CANADIAN_EXPERIENCE_POINTS.entry_at(day),
        spouse_education=SPOUSE_EDUCATION_POINTS.entry_at(day),
        spouse_language=SPOUSE_LANGUAGE_POINTS.entry_at(day),
        spouse_experience=SPOUSE_EXPERIENCE_POINTS.entry_at(day),
        transferability=TRANSFERABILITY.entry_at(day),
        provincial_nomination=PROVINCIAL_NOMINATION_POINTS.entry_at(day),
        job_offer=JOB_OFFER_POINTS.entry_at(day),
        french=FRENCH_POINTS.entry_at(day),
        canadian_education=CANADIAN_EDUCATION_POINTS.entry_at(day),
        sibling=SIBLING_POINTS.entry_at(day),
        caps=CRS_CAPS.entry_at(day),
        french_from=_introduced(FRENCH_POINTS),
        canadian_education_from=_introduced(CANADIAN_EDUCATION_POINTS),
        sibling_from=_introduced(SIBLING_POINTS),
        age_points=_level_points(AGE_POINTS.at(day)),
        education_points=_level_points(EDUCATION_POINTS.at(day)),
        first_language_levels=_level_points(FIRST_LANGUAGE_POINTS.at(day), BENCHMARK_TOP),
        second_language_levels=_level_points(SECOND_LANGUAGE_POINTS.at(day), BENCHMARK_TOP),
        canadian_experience_points=_level_points(CANADIAN_EXPERIENCE_POINTS.at(day)),
        spouse_education_points=_level_points(SPOUSE_EDUCATION_POINTS.at(day))[True],
        spouse_language_levels=_level_points(SPOUSE_LANGUAGE_POINTS.at(day), BENCHMARK_TOP),
        spouse_experience_points=_level_points(SPOUSE_EXPERIENCE_POINTS.at(day))[True],
        transferability_grids=_placed(TRANSFERABILITY.at(day)),
        job_offer_points={
            offer: JOB_OFFER_POINTS.at(day).points(offer) for offer in JobOfferClass
        },
        canadian_education_points=_canadian_education_points(CANADIAN_EDUCATION_POINTS.at(day)),
    )


_TABLES: tuple[DatedTable[Any], ...] = (
    AGE_POINTS,
    EDUCATION_POINTS,
    FIRST_LANGUAGE_POINTS,
    SECOND_LANGUAGE_POINTS,
    CANADIAN_EXPERIENCE_POINTS,
    SPOUSE_EDUCATION_POINTS,
    SPOUSE_LANGUAGE_POINTS,
    SPOUSE_EXPERIENCE_POINTS,
    TRANSFERABILITY,
    PROVINCIAL_NOMINATION_POINTS,
    JOB_OFFER_POINTS,
    FRENCH_POINTS,
    CANADIAN_EDUCATION_POINTS,
    SIBLING_POINTS,
    CRS_CAPS,
)


def _citation_of_change(day: date) -> Citation:
    """The citation of the (last listed) table that changes on ``day``."""
    return [table.citation_at(day) for table in _TABLES if day in table.change_dates][-1]


CRS_RULES: DatedTable[_Rules] = DatedTable(
    "CRS rule versions",
    tuple(
        Dated(day, _rules_on(day), _citation_of_change(day))
        for day in sorted({day for table in _TABLES for day in table.change_dates})
    ),
)
"""Every CRS rule version: the union of the change dates of every CRS table.

>>> [day.isoformat() for day in CRS_RULES.change_dates]
['2015-01-01', '2016-11-19', '2017-06-06', '2020-10-27', '2022-11-16', '2025-03-25']
"""

# --------------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------------


def clb(
    all_four: int | None = None,
    *,
    listening: int | None = None,
    reading: int | None = None,
    writing: int | None = None,
    speaking: int | None = None,
) -> LanguageLevels:
    """English CLB levels: ``clb(9)`` for 9 in all four, or each ability by name.

    >>> str(clb(9, writing=7))
    'CLB L 9, R 9, W 7, S 9'
    """
    return _levels(Language.ENGLISH, all_four, listening, reading, writing, speaking)


def nclc(
    all_four: int | None = None,
    *,
    listening: int | None = None,
    reading: int | None = None,
    writing: int | None = None,
    speaking: int | None = None,
) -> LanguageLevels:
    """French NCLC levels, like :func:`clb`.

    >>> str(nclc(7))
    'NCLC L 7, R 7, W 7, S 7'
    """
    return _levels(Language.FRENCH, all_four, listening, reading, writing, speaking)


def _levels(
    language: Language,
    all_four: int | None,
    listening: int | None,
    reading: int | None,
    writing: int | None,
    speaking: int | None,
) -> LanguageLevels:
    given = {
        "listening": listening,
        "reading": reading,
        "writing": writing,
        "speaking": speaking,
    }
    levels: dict[str, int] = {}
    problems: list[Problem] = []
    for name, level in given.items():
        chosen = all_four if level is None else level
        if chosen is None:
            problems.append((f"$.{name}", "no level given"))
        else:
            levels[name] = chosen
    if problems:
        raise ProfileError(problems)
    return LanguageLevels(language=language, **levels)


_YEAR_TYPES: Final = frozenset({int, float})
"""The types of years a score reads at once (another number is looked at more closely)."""


def _is_years(years: float) -> bool:
    # NaN fails both comparisons, and infinity the second.
    return not isinstance(years, bool) and 0 <= years < math.inf


def _check_years(problems: list[Problem], path: str, years: float) -> None:
    if not _is_years(years):
        problems.append((f"$.{path}", f"{years!r} is not a number of years"))


@attrs.frozen(kw_only=True)
class CrsFactors:
    """Everything the CRS scores, as levels (the questions of IRCC's online tool).

    * ``age``: whole years on the day scored (policy P13); ``None`` when the birth date is not
      known (no age points, and the line says so).
    * ``education``: the candidate's :class:`EducationLevel` (policies P21, P29).
    * ``first_language`` and ``second_language``: CLB (English) or NCLC (French) level per
      ability, 10 meaning 10 or more; ``None`` without a valid test. A second language scores
      by its own table even without a valid test of the first (rules.md §5.3: the other
      language, if tested, is the second), and a French test counts for the French-language
      points in either role (P20).
    * ``canadian_years``: skilled work in Canada in the last 10 years (P11); ``foreign_years``:
      skilled work abroad in the last 10 years, in one occupation (P10). Only whole years count;
      a fraction is kept so that explanations show it.
    * ``with_spouse``: whether the spouse column applies (P12, :func:`spouse_counts`), and then
      the spouse's education, first official language and Canadian work experience.
    * ``certificate_of_qualification`` (P19), ``provincial_nomination``, ``sibling_in_canada``,
      ``job_offer`` (P34).
    * ``canadian_education``: the confirmed class of Canadian post-secondary study;
      ``canadian_education_unconfirmed``: a higher class whose conditions are not answered
      (reported, not counted).
    * ``unsettled``: ``(factor, words)`` pairs for the factors the facts do not settle (the
      credentials, the work history, the sibling, the certificates, the job offers or whether
      the spouse counts not answered), each scored at the level that is certain; the lines say
      ``words`` instead of stating that level as the candidate's ("the credentials are not
      answered", not "less than secondary school"; ``with_spouse``: not "scored as single").

    French points (P20) come from whichever of the two languages is French.
    """

    age: int | None
    education: EducationLevel = EducationLevel.LESS_THAN_SECONDARY
    first_language: LanguageLevels | None = None
    second_language: LanguageLevels | None = None
    canadian_years: float = 0
    foreign_years: float = 0
    with_spouse: bool = False
    spouse_education: EducationLevel = EducationLevel.LESS_THAN_SECONDARY
    spouse_language: LanguageLevels | None = None
    spouse_canadian_years: float = 0
    certificate_of_qualification: bool = False
    provincial_nomination: bool = False
    sibling_in_canada: bool = False
    canadian_education: CanadianEducation = CanadianEducation.NONE
    canadian_education_unconfirmed: CanadianEducation = CanadianEducation.NONE
    job_offer: JobOfferClass = JobOfferClass.NONE
    unsettled: tuple[tuple[str, str], ...] = ()

    def __attrs_post_init__(self) -> None:
        # Every score checks its factors: the common, valid case is told apart at once.
        age, second = self.age, self.second_language
        canadian, foreign, spouse = (
            self.canadian_years,
            self.foreign_years,
            self.spouse_canadian_years,
        )
        # _is_years of each, inline: three calls cost more than the checks.
        if (
            (age is None or (type(age) is int and age >= 0))
            and (second is None or self._other_language(second))
            and type(self.education) is EducationLevel
            and type(self.with_spouse) is bool
            and type(self.sibling_in_canada) is bool
            and type(self.provincial_nomination) is bool
            and type(self.certificate_of_qualification) is bool
            and type(self.canadian_education) is CanadianEducation
            and type(self.job_offer) is JobOfferClass
            and (self.first_language is None or type(self.first_language) is LanguageLevels)
            and (second is None or type(second) is LanguageLevels)
            and self._spouse_typed()
            and type(canadian) in _YEAR_TYPES
            and type(foreign) in _YEAR_TYPES
            and type(spouse) in _YEAR_TYPES
            and 0 <= canadian < math.inf
            and 0 <= foreign < math.inf
            and 0 <= spouse < math.inf
        ):
            return
        # A wrong type (a text for a yes or no, say) would score silently or fail in a
        # comparison: every such field is named at once, as the domain types name theirs.
        check_types(self)
        problems: list[Problem] = []
        if age is not None and (isinstance(age, bool) or not isinstance(age, int) or age < 0):
            problems.append(("$.age", f"{self.age!r} is not an age in whole years"))
        if second is not None and not self._other_language(second):
            problems.append(
                (
                    "$.second_language",
                    "the second official language must be the other language than the first",
                )
            )
        _check_years(problems, "canadian_years", self.canadian_years)
        _check_years(problems, "foreign_years", self.foreign_years)
        _check_years(problems, "spouse_canadian_years", self.spouse_canadian_years)
        if problems:  # an int subclass for the age passes the check above, and here
            raise ProfileError(problems)

    def _spouse_typed(self) -> bool:
        """Whether the spouse's factors, and the rarer ones, hold values of their types."""
        spouse_language = self.spouse_language
        return (
            type(self.spouse_education) is EducationLevel
            and type(self.canadian_education_unconfirmed) is CanadianEducation
            and (spouse_language is None or type(spouse_language) is LanguageLevels)
            and type(self.unsettled) is tuple
        )

    def _other_language(self, second: LanguageLevels) -> bool:
        """Whether ``second`` is in the other official language than the first (if any)."""
        first = self.first_language
        return first is None or first.language is not second.language


def spouse_counts(*, partnered: bool, canadian_citizen_or_pr: bool, accompanying: bool) -> bool:
    """Whether the "with spouse" column applies (policy P12).

    Only a spouse or common-law partner who is neither a Canadian citizen nor a permanent
    resident and who is coming to Canada counts; otherwise the candidate is scored as single.

    >>> spouse_counts(partnered=True, canadian_citizen_or_pr=True, accompanying=True)
    False
    """
    return partnered and not canadian_citizen_or_pr and accompanying


# --------------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CrsLine:
    """One line of the score: a factor, a combination or a cap.

    ``rule_id`` names the rule (``crs.core.age``); ``points`` is negative only for a cap line
    (``crs.additional.cap``), so that a section's lines always add up to its points.
    ``maximum`` is the most the rule can give in the candidate's column; ``facts`` the inputs
    used, as the engine's own values (levels, enumerations: ``to_dict`` writes them as JSON);
    ``row`` the table row applied, in words; ``sentence`` the line in plain words with the
    candidate's own figures (a zero always says why).
    """

    rule_id: str
    points: int
    maximum: int
    facts: Mapping[str, object]
    row: str
    sentence: str
    citation: Citation
    policies: tuple[str, ...] = ()  # the engine policies (rules.md §12) the line relies on


CRS_LINE_POLICIES: Final[Mapping[str, tuple[str, ...]]] = {
    "crs.core.age": ("P13",),
    "crs.core.education": ("P21", "P29"),
    "crs.core.first_language": ("P4", "P5", "P6", "P30"),
    "crs.core.second_language": ("P4", "P5", "P6", "P30"),
    "crs.core.canadian_experience": ("P9", "P11", "P24", "P25", "P26"),
    "crs.spouse.education": ("P12", "P21", "P29"),
    "crs.spouse.language": ("P12", "P30"),
    "crs.spouse.canadian_experience": ("P9", "P11", "P12"),
    "crs.transferability.education_language": ("P29",),
    "crs.transferability.education_canadian_experience": ("P11", "P29"),
    "crs.transferability.foreign_experience_language": ("P10",),
    "crs.transferability.foreign_experience_canadian_experience": ("P10", "P11"),
    "crs.transferability.certificate_language": ("P19",),
    "crs.additional.job_offer": ("P16", "P34"),
    "crs.additional.french": ("P2", "P20"),
}
"""The policies each CRS line relies on, by rule id (a line not listed relies on none: the
cap lines, the provincial nomination, Canadian education and the sibling)."""


@attrs.frozen(kw_only=True)
class CrsSection:
    """One part of the score (``core``, ``spouse``, ``transferability``, ``additional``).

    ``uncapped`` is the sum before the part's cap; when the cap bites, the last line says so.
    """

    name: str
    title: str
    points: int
    cap: int
    uncapped: int
    lines: tuple[CrsLine, ...]


_NoteParts = list[str | Callable[[], Iterable[str]]]
"""Notes in order: a sentence, or a function that writes some (called only when read)."""


class _Notes:
    """The notes of a score from a Candidate, kept as parts until they are read."""

    __slots__ = ("_parts",)

    def __init__(self, parts: _NoteParts) -> None:
        self._parts = parts

    def notes(self) -> tuple[str, ...]:
        written: list[str] = []
        for part in self._parts:
            if isinstance(part, str):
                written.append(part)
            else:
                written.extend(part())
        return tuple(written)


def _notes_key(notes: tuple[str, ...] | _Notes) -> tuple[str, ...]:
    """The notes, written if need be (so that equality compares what the notes say)."""
    return notes if isinstance(notes, tuple) else notes.notes()


@attrs.frozen(repr=False, getstate_setstate=False)  # built positionally: see _score
class CrsResult(WrittenOnRead):
    """A CRS score: the total, and the four sections with their lines.

    The points are computed when the score is; the lines (their facts, rows and sentences) are
    written the first time :attr:`sections` is read, so that scoring a whole pool for totals
    stays cheap. ``rule_version`` is the start of the rule era used (a change date of
    :data:`CRS_RULES`).
    """

    total: int
    on: date
    rule_version: date
    with_spouse: bool
    factors: CrsFactors
    _scored: _Points = attrs.field(eq=False, repr=False, alias="scored")
    # Written only when read, like the lines: scoring a pool reads the totals.
    _notes: tuple[str, ...] | _Notes = attrs.field(default=(), alias="notes", eq=_notes_key)
    _written_on_read: ClassVar[tuple[str, ...]] = ("notes",)

    @property
    def notes(self) -> tuple[str, ...]:
        """How the inputs were derived where a choice or an unknown mattered (empty from
        levels)."""
        notes = self._notes
        if isinstance(notes, tuple):
            return notes
        return self._keep("_notes", notes.notes())

    @property
    def warnings(self) -> tuple[str, ...]:
        """Sentences about the evaluation itself: a date after the rules were last checked
        against their sources (policy P15).

        >>> crs_from_levels(on=date(2027, 1, 4), age=30).warnings[0][-50:]
        'rules may have changed by 2027-01-04 (policy P15).'
        """
        return rules_warnings(self.on)

    def __repr__(self) -> str:
        return (
            f"CrsResult(total={self.total!r}, on={self.on!r}, "
            f"rule_version={self.rule_version!r}, with_spouse={self.with_spouse!r}, "
            f"factors={self.factors!r}, notes={self.notes!r})"
        )

    @property
    def points(self) -> Mapping[str, int]:
        """The points of each section by name (without writing the lines).

        >>> crs_from_levels(on=date(2025, 4, 1), age=25, first_language=9).points
        {'core': 234, 'spouse': 0, 'transferability': 0, 'additional': 0}
        """
        core, spouse, transferability, additional = self._scored
        points = (core[0], spouse[0], transferability[0], additional[0])
        return dict(zip(_SECTION_NAMES, points, strict=True))

    @functools.cached_property
    def sections(self) -> tuple[CrsSection, ...]:
        """The four sections, each with its lines."""
        return _sections(self.factors, self.on, self._scored)

    def section(self, name: str) -> CrsSection:
        """The section called ``name``; :class:`KeyError` if there is none."""
        for section in self.sections:
            if section.name == name:
                return section
        raise KeyError(name)

    @property
    def lines(self) -> tuple[CrsLine, ...]:
        """Every line of every section, in order (a tuple, as ``sections`` is: ``len`` and an
        index work on it)."""
        return tuple(line for section in self.sections for line in section.lines)

    def line(self, rule_id: str) -> CrsLine:
        """The line of ``rule_id``; :class:`KeyError` if the score has no such line."""
        for line in self.lines:
            if line.rule_id == rule_id:
                return line
        raise KeyError(rule_id)

    def explain(self, *, warnings: bool = True) -> str:
        """The score as plain text, one line per rule, after the :attr:`warnings` (unless
        ``warnings`` is false: an assessment gives them once, at its head).

        >>> print(crs_from_levels(on=date(2025, 4, 1), age=46).explain())
        CRS 0 on 2025-04-01 (rules of 2025-03-25, without a spouse or partner)
        A. Core / human capital factors: 0 of 500
            0  No points for age: 46 years old; an age from 18 to 44 needed.
        ...
        """
        column = "with a spouse or partner" if self.with_spouse else "without a spouse or partner"
        out = [
            f"CRS {self.total} on {self.on.isoformat()} (rules of "
            f"{self.rule_version.isoformat()}, {column})"
        ]
        if warnings:
            out.extend(f"Warning: {warning}" for warning in self.warnings)
        for section in self.sections:
            out.append(f"{section.title}: {section.points} of {section.cap}")
            out.extend(f"  {line.points:>3}  {line.sentence}" for line in section.lines)
        # The notes say which facts were not answered or not counted: a zero line alone
        # ("less than secondary school") would read as an answer.
        if self.notes:
            out.append("Notes:")
            out.extend(f"  - {note}" for note in self.notes)
        return "\n".join(out)

    def to_dict(self) -> dict[str, Any]:
        """The score as JSON-ready data: the ``crs`` form of docs/assess.md."""
        from expressentry.render import crs_dict

        return crs_dict(self)

    def _repr_markdown_(self) -> str:
        from expressentry.render import crs_markdown

        return crs_markdown(self)

    def _repr_html_(self) -> str:
        from expressentry.render import crs_html

        return crs_html(self)


# --------------------------------------------------------------------------------------------
# Words: each line's facts, row and sentence, written only when the lines are read
# --------------------------------------------------------------------------------------------

_COLUMN = {True: "with spouse", False: "without spouse"}
_SECTION_NAMES: Final = ("core", "spouse", "transferability", "additional")
_SECTION_WORDS = {
    "core": "core points",
    "spouse": "spouse or partner points",
    "transferability": "skill transferability points",
    "additional": "additional points",
}


_ABILITY_NAMES = tuple((ability.value, ability.value[0].upper()) for ability in Ability)
"""Each ability's attribute name and initial, in the order the levels print."""


def _years(years: float) -> str:
    return f"{years:g} year" if years == 1 else f"{years:g} years"


def _age_words(age: int) -> str:
    return f"{age} year old" if age == 1 else f"{age} years old"


def _education_words(level: EducationLevel) -> str:
    return level.title


def _experience_words(years: float) -> str:
    return f"{_years(years)} in the last 10"


def _figure_words(
    factors: CrsFactors, fact: str, words: Callable[[Any], str]
) -> Callable[[Any], str]:
    """How a line writes the figure of ``fact``: ``words``, or what the facts leave open."""
    said = _unsettled(factors, fact)
    return words if said is None else lambda _: said


def _unsettled(factors: CrsFactors, fact: str) -> str | None:
    """What the facts leave open about ``fact``, in words; None when they settle it."""
    return dict(factors.unsettled).get(fact) if factors.unsettled else None


def _describe_scale(
    scale: PointsScale,
    band: Band,
    points: int,
    with_spouse: bool,
    fact: str,
    value: object,
    words: Callable[[Any], str],
    needed: str | None = None,
) -> tuple[Mapping[str, object], str, str]:
    figure = words(value)
    if points:
        sentence = f"{upper_first(figure)}: {points_words(points)} for {scale.title}."
    else:
        sentence = f"No points for {scale.title}: {figure}; {needed or scale.needed} needed."
    return {fact: value}, f"{band.label} → {points} ({_COLUMN[with_spouse]})", sentence


def _describe_no_test(
    scale: PointsScale, fact: str, unsettled: str | None
) -> tuple[Mapping[str, object], str, str]:
    # Tests not answered are not tests that fail to count: the line says which it is.
    why = unsettled or "no valid test result"
    return {fact: None}, "no test → 0", f"No points for {scale.title}: {why}."


def _describe_language(
    scale: PointsScale,
    levels: LanguageLevels,
    with_spouse: bool,
    cap: int | None,
    points: int,
    what: str,
    fact: str,
) -> tuple[Mapping[str, object], str, str]:
    benchmark = levels.benchmark
    parts = []
    rows = []
    total = 0  # before the cap
    for name, letter in _ABILITY_NAMES:
        level = getattr(levels, name)
        band = scale.band(level)
        each = band.with_spouse if with_spouse else band.without_spouse
        total += each
        parts.append(f"{letter} {level_figure(level)} → {each}")
        rows.append(f"{name} {benchmark} {band.label} → {each}")
    capped = f", capped at {cap} ({total} before the cap)" if points < total else ""
    if points:
        sentence = f"{what} ({benchmark} {', '.join(parts)}): {points_words(points)}{capped}."
    else:
        sentence = f"No points for {scale.title}: {levels}; {benchmark} {scale.needed} needed."
    row = f"{'; '.join(rows)} ({_COLUMN[with_spouse]})"
    return {fact: levels}, row, sentence


def _describe_grid(
    grid: Grid, row_tier: int, column_tier: int, points: int, factors: CrsFactors
) -> tuple[Mapping[str, object], str, str]:
    rows, columns = grid.rows, grid.columns
    unsettled = dict(factors.unsettled)
    row_label = _tier_words(rows, row_tier, factors, unsettled.get(rows.fact))
    column_label = _tier_words(columns, column_tier, factors, unsettled.get(columns.fact))
    if points:
        sentence = f"{upper_first(grid.title)}: {row_label}, {column_label}: {points} points."
    else:
        missing = [
            tiers.needed for tiers, tier in ((rows, row_tier), (columns, column_tier)) if tier == 0
        ]
        sentence = (
            f"No points for {grid.title}: {row_label}, {column_label}; "
            f"{' and '.join(missing)} needed."
        )
    facts = {
        rows.fact: getattr(factors, rows.fact),
        columns.fact: getattr(factors, columns.fact),
    }
    row = f"{rows.labels[row_tier]} × {columns.labels[column_tier]} → {points}"
    return facts, row, sentence


def _tier_words(tiers: Tiers, tier: int, factors: CrsFactors, unsettled: str | None) -> str:
    """The candidate's own figure for a grid, then the tier it falls in: "10 years (3 years or
    more abroad)"."""
    label = tiers.labels[tier]
    # A tier the facts do not settle says why, and that it is the tier scored: "less than 1
    # year abroad" alone reads as an answer, and beside "up to 2 whole years" as a contradiction.
    if unsettled is not None:
        return f"scored as {label} ({unsettled})"
    value = getattr(factors, tiers.fact)
    if isinstance(value, EducationLevel):
        return f"{value.title} ({label})"
    if isinstance(value, LanguageLevels):
        return f"{value} ({label})"
    if tiers.fact.endswith("_years"):  # as counted; the tier reads the whole years
        return f"{_years(value)} ({label})"
    if value is None:  # no valid test of the first language (an expired one, say): the lowest
        # tier, said as what it is rather than "below level 7", which reads as a result
        return "no valid test of the first official language"
    # The certificate's tier is its answer.
    return label


def _describe_cap(title: str, cap: int, before: int) -> tuple[Mapping[str, object], str, str]:
    return (
        {"before_cap": before, "cap": cap},
        f"cap {cap}",
        f"{upper_first(title)} capped at {cap} ({before} before the cap).",
    )


def _describe_sibling(
    has_sibling: bool, value: int, points: int, unsettled: str | None
) -> tuple[Mapping[str, object], str, str]:
    if has_sibling:
        sentence = f"A brother or sister in Canada: {points} points."
    else:
        sentence = f"No points for a sibling in Canada: {unsettled or 'none declared'}."
    return {"sibling_in_canada": has_sibling}, f"sibling in Canada → {value}", sentence


def _describe_nomination(
    nominated: bool, value: int, points: int, unsettled: str | None
) -> tuple[Mapping[str, object], str, str]:
    if nominated:
        sentence = f"Provincial or territorial nomination: {points} points."
    else:
        why = unsettled or "none that counts"
        sentence = f"No points for a provincial or territorial nomination: {why}."
    return {"provincial_nomination": nominated}, f"nomination → {value}", sentence


def _describe_not_in_force(
    what: str, since: date, on: date
) -> tuple[Mapping[str, object], str, str]:
    return (
        {},
        "not in force",
        f"No points for {what}: not part of the CRS on {on.isoformat()}; it counts from "
        f"{since.isoformat()}.",
    )


def _describe_french(
    table: FrenchPoints,
    french: LanguageLevels | None,
    english: LanguageLevels | None,
    points: int,
    unsettled: str | None,
) -> tuple[Mapping[str, object], str, str]:
    facts = {"french": french, "english": english}
    if french is None:
        return (
            facts,
            "no French test → 0",
            f"No points for French-language skills: {unsettled or 'no valid French test'}; "
            "NCLC 7 in all four abilities needed.",
        )
    if french.lowest < 7:
        return (
            facts,
            "NCLC below 7 in an ability → 0",
            f"No points for French-language skills: {french}; NCLC 7 in all four abilities "
            f"needed.",
        )
    if points == table.bilingual:
        return (
            facts,
            f"NCLC 7+ in all four and CLB 5+ in all four → {points}",
            f"French-language skills ({french}) with English ({english}): {points} points.",
        )
    shown = "no English test" if english is None else f"English {english}"
    return (
        facts,
        f"NCLC 7+ in all four, English CLB 4 or less or no English test → {points}",
        f"French-language skills ({french}), {shown}: {points} points (CLB 5 in all four "
        f"English abilities would give {table.bilingual}).",
    )


def _describe_canadian_education(
    table: CanadianEducationPoints,
    kind: CanadianEducation,
    pending: CanadianEducation,
    points: int,
    unsettled: str | None,
) -> tuple[Mapping[str, object], str, str]:
    pending_higher = pending.rank > kind.rank
    if points:
        sentence = f"Post-secondary education in Canada, {kind.title}: {points} points."
    elif pending_higher:  # "no Canadian credential" would deny the one not confirmed
        sentence = (
            "No points for post-secondary education in Canada: no credential with confirmed "
            "full-time study in Canada."
        )
    else:
        sentence = f"No points for post-secondary education in Canada: {unsettled or kind.title}."
    if pending_higher:
        sentence += (
            f" Not confirmed: {pending.title} would give {table.points(pending)} if studied "
            f"full time in Canada for at least 8 months (not answered)."
        )
    facts = {"canadian_education": kind, "unconfirmed": pending}
    return facts, f"{kind.title} → {points}", sentence


def _describe_job_offer(
    table: JobOfferPoints, offer: JobOfferClass, points: int, unsettled: str | None
) -> tuple[Mapping[str, object], str, str]:
    facts = {"job_offer": offer}
    if offer is JobOfferClass.NONE and (table.senior_management or table.other_skilled):
        why = unsettled or "no qualifying job offer"
        return facts, "no job offer → 0", f"No points for a job offer: {why}."
    # Once no offer earns points, none given is said so: "no qualifying job offer" would
    # read as if an offer would help.
    row = table.row(JobOfferClass.OTHER_SKILLED if offer is JobOfferClass.NONE else offer)
    if points:
        return facts, row, f"{upper_first(row)} points."
    return facts, row, f"No points for a job offer: {row} (policy P16)."


# --------------------------------------------------------------------------------------------
# Scoring: the points at once, from the era's tables
# --------------------------------------------------------------------------------------------

_Points = tuple[
    tuple[int, tuple[int, ...]],
    tuple[int, tuple[int, ...]],
    tuple[int, tuple[int, ...], tuple[int, ...]],
    tuple[int, tuple[int, ...]],
]
"""The points of a score, section by section (core, spouse, transferability, additional): each
section's points after its cap, then its lines' points before it. Transferability gives each
sub-capped group's points after its sub-cap, then every grid's points. The lines are written
from these figures when read (:func:`_sections`), so the points are decided in one place."""


def _at(column: tuple[int, ...], value: int) -> int:
    """The points of ``value`` in a column of per-value points (the last row holds every value
    from there up)."""
    return column[value] if value < len(column) else column[-1]


def _language_points(column: tuple[int, ...], levels: LanguageLevels) -> int:
    """The four abilities' points in a column of per-level points (levels 0 to 12)."""
    return (
        column[levels.listening]
        + column[levels.reading]
        + column[levels.writing]
        + column[levels.speaking]
    )


def _second_language_points(
    rules: _Rules, caps: CrsCaps, levels: LanguageLevels, with_spouse: bool
) -> int:
    """The second official language's points, capped at 22 with a spouse, 24 without."""
    points = _language_points(rules.second_language_levels[with_spouse], levels)
    cap = caps.second_language_with_spouse if with_spouse else caps.second_language_without_spouse
    return points if points <= cap else cap


def _french_and_english(
    factors: CrsFactors,
) -> tuple[LanguageLevels | None, LanguageLevels | None]:
    """The French and the English levels, whichever is the first official language (P20)."""
    first, second = factors.first_language, factors.second_language
    if first is not None:  # the second, if any, is in the other language (CrsFactors checks)
        return (first, second) if first.language is Language.FRENCH else (second, first)
    # A second language alone (no valid test of the first), in either language.
    if second is not None and second.language is Language.FRENCH:
        return second, None
    return None, second


def _french_points(table: FrenchPoints, factors: CrsFactors) -> int:
    french, english = _french_and_english(factors)
    if french is None or french.lowest < 7:
        return 0
    if english is not None and english.lowest >= 5:
        return table.bilingual
    return table.french_only


def _grid_values(factors: CrsFactors) -> tuple[int, int, int, int, int]:
    """The value each transferability grid reads, in _GRID_FACTS' order: the education rank,
    the lowest first-language level, whole years, and the certificate as 0 or 1."""
    first = factors.first_language
    return (
        factors.education.rank,
        0 if first is None else first.lowest,
        int(factors.canadian_years),
        int(factors.foreign_years),
        int(factors.certificate_of_qualification),
    )


def _points(factors: CrsFactors, rules: _Rules, caps: CrsCaps) -> _Points:
    """Every line's points and every cap, in the candidate's column."""
    with_spouse = factors.with_spouse
    age = factors.age
    first = factors.first_language
    second = factors.second_language
    core_lines = (
        0 if age is None else _at(rules.age_points[with_spouse], age),
        rules.education_points[with_spouse][factors.education.rank],
        0 if first is None else _language_points(rules.first_language_levels[with_spouse], first),
        0 if second is None else _second_language_points(rules, caps, second, with_spouse),
        _at(rules.canadian_experience_points[with_spouse], int(factors.canadian_years)),
    )
    core = sum(core_lines)
    core_cap = caps.core_with_spouse if with_spouse else caps.core_without_spouse
    spouse_lines: tuple[int, ...] = ()
    spouse = 0
    if with_spouse:
        spouse_language = factors.spouse_language
        spouse_lines = (
            rules.spouse_education_points[factors.spouse_education.rank],
            0
            if spouse_language is None
            else _language_points(rules.spouse_language_levels[True], spouse_language),
            _at(rules.spouse_experience_points, int(factors.spouse_canadian_years)),
        )
        # The spouse's tables add up to 40 at most: the cap is kept, though it cannot bite.
        spouse = min(sum(spouse_lines), caps.spouse)
    values = _grid_values(factors)
    grid_points = []
    group_points = []
    transferability = 0
    for _, cap, grids in rules.transferability_grids:
        before = 0
        for _, table, row, column, row_thresholds, column_thresholds in grids:
            points = table[bisect_right(row_thresholds, values[row])][
                bisect_right(column_thresholds, values[column])
            ]
            grid_points.append(points)
            before += points
        capped = before if before <= cap else cap
        group_points.append(capped)
        transferability += capped
    french = rules.french.value
    sibling = rules.sibling.value
    additional_lines = (
        rules.provincial_nomination.value if factors.provincial_nomination else 0,
        rules.job_offer_points[factors.job_offer],
        0 if french is None else _french_points(french, factors),
        rules.canadian_education_points[factors.canadian_education],
        sibling if sibling is not None and factors.sibling_in_canada else 0,
    )
    additional = sum(additional_lines)
    return (
        (core if core <= core_cap else core_cap, core_lines),
        (spouse, spouse_lines),
        (
            transferability if transferability <= caps.transferability else caps.transferability,
            tuple(group_points),
            tuple(grid_points),
        ),
        (additional if additional <= caps.additional else caps.additional, additional_lines),
    )


# --------------------------------------------------------------------------------------------
# Lines: written from the points when first read
# --------------------------------------------------------------------------------------------


def _line(
    rule_id: str,
    points: int,
    maximum: int,
    citation: Citation,
    described: tuple[Mapping[str, object], str, str],
) -> CrsLine:
    facts, row, sentence = described
    return CrsLine(
        rule_id=rule_id,
        points=points,
        maximum=maximum,
        facts=facts,
        row=row,
        sentence=sentence,
        citation=citation,
        policies=CRS_LINE_POLICIES.get(rule_id, ()),
    )


def _cap_line(
    rule_id: str,
    title: str,
    cap: int,
    points: int,
    before: int,
    lines: list[CrsLine],
    citation: Citation,
) -> None:
    """Append the line of a cap that bites: ``points`` after the cap, ``before`` it."""
    if points < before:
        lines.append(
            _line(rule_id, points - before, 0, citation, _describe_cap(title, cap, before))
        )


def _section(
    name: str, title: str, cap: int, points: int, lines: list[CrsLine], citation: Citation
) -> CrsSection:
    """A section whose lines are capped at ``cap``; the cap is a line when it bites."""
    uncapped = sum(line.points for line in lines)
    _cap_line(f"crs.{name}.cap", _SECTION_WORDS[name], cap, points, uncapped, lines, citation)
    return CrsSection(
        name=name, title=title, points=points, cap=cap, uncapped=uncapped, lines=tuple(lines)
    )


def _scale_line(
    rule_id: str,
    entry: Dated[PointsScale],
    value: int,
    points: int,
    with_spouse: bool,
    fact: str,
    fact_value: object,
    words: Callable[[Any], str],
    needed: str | None = None,
) -> CrsLine:
    """A banded table's line: ``words`` writes the candidate's figure for the sentence, and
    ``needed`` what a zero needs if not the table's first band."""
    scale = entry.value
    described = _describe_scale(
        scale, scale.band(value), points, with_spouse, fact, fact_value, words, needed
    )
    return _line(rule_id, points, scale.maximum(with_spouse), entry.citation, described)


def _language_line(
    rule_id: str,
    entry: Dated[PointsScale],
    levels: LanguageLevels | None,
    points: int,
    with_spouse: bool,
    cap: int | None,
    what: str,
    fact: str,
    unsettled: str | None,
) -> CrsLine:
    """An official language's line: points per ability, summed, then capped if need be."""
    scale = entry.value
    maximum = scale.maximum(with_spouse) * 4 if cap is None else cap
    if levels is None:
        described = _describe_no_test(scale, fact, unsettled)
        return _line(rule_id, 0, maximum, entry.citation, described)
    described = _describe_language(scale, levels, with_spouse, cap, points, what, fact)
    return _line(rule_id, points, maximum, entry.citation, described)


_NO_AGE = ({"age": None}, "no age → 0", "No points for age: the birth date is not given.")

_NOT_WITH_SPOUSE = (
    {"with_spouse": False},
    "without spouse: no spouse factors",
    "No spouse or partner points: scored as single (no spouse or partner who is coming to "
    "Canada and is not a Canadian citizen or permanent resident; policy P12).",
)


def _not_with_spouse(unsettled: str) -> tuple[Mapping[str, object], str, str]:
    """The spouse line of a candidate whose spouse column the facts leave open (P12)."""
    return (
        {"with_spouse": False},
        "without spouse: no spouse factors",
        f"No spouse or partner points: {unsettled}; scored in the column without a spouse "
        "(policy P12: the spouse factors count only when the spouse is known to count).",
    )


def _core(
    factors: CrsFactors, rules: _Rules, caps: CrsCaps, scored: tuple[int, tuple[int, ...]]
) -> CrsSection:
    with_spouse = factors.with_spouse
    points, (age_points, education_points, first, second, canadian) = scored
    age = factors.age
    education = factors.education
    canadian_years = factors.canadian_years
    lines = [
        _scale_line(
            "crs.core.age", rules.age, age, age_points, with_spouse, "age", age, _age_words
        )
        if age is not None
        else _line(
            "crs.core.age", 0, rules.age.value.maximum(with_spouse), rules.age.citation, _NO_AGE
        ),
        _scale_line(
            "crs.core.education",
            rules.education,
            education.rank,
            education_points,
            with_spouse,
            "education",
            education,
            _figure_words(factors, "education", _education_words),
            _unsettled(factors, "education_needed"),
        ),
        _language_line(
            "crs.core.first_language",
            rules.first_language,
            factors.first_language,
            first,
            with_spouse,
            None,
            "First official language",
            "first_language",
            _unsettled(factors, "first_language"),
        ),
        _language_line(
            "crs.core.second_language",
            rules.second_language,
            factors.second_language,
            second,
            with_spouse,
            caps.second_language_with_spouse
            if with_spouse
            else caps.second_language_without_spouse,
            "Second official language",
            "second_language",
            _unsettled(factors, "second_language"),
        ),
        _scale_line(
            "crs.core.canadian_experience",
            rules.canadian_experience,
            int(canadian_years),
            canadian,
            with_spouse,
            "canadian_years",
            canadian_years,
            _figure_words(factors, "canadian_years", _experience_words),
        ),
    ]
    cap = caps.core_with_spouse if with_spouse else caps.core_without_spouse
    title = "A. Core / human capital factors"
    return _section("core", title, cap, points, lines, rules.caps.citation)


def _spouse(
    factors: CrsFactors, rules: _Rules, caps: CrsCaps, scored: tuple[int, tuple[int, ...]]
) -> CrsSection:
    title = "B. Spouse or common-law partner factors"
    citation = rules.caps.citation
    if not factors.with_spouse:
        unsettled = _unsettled(factors, "with_spouse")
        described = _NOT_WITH_SPOUSE if unsettled is None else _not_with_spouse(unsettled)
        line = _line("crs.spouse", 0, 0, citation, described)
        return CrsSection(name="spouse", title=title, points=0, cap=0, uncapped=0, lines=(line,))
    points, (education_points, language_points, experience_points) = scored
    education = factors.spouse_education
    years = factors.spouse_canadian_years
    lines = [
        _scale_line(
            "crs.spouse.education",
            rules.spouse_education,
            education.rank,
            education_points,
            True,
            "spouse_education",
            education,
            _figure_words(factors, "spouse_education", _education_words),
        ),
        _language_line(
            "crs.spouse.language",
            rules.spouse_language,
            factors.spouse_language,
            language_points,
            True,
            None,
            "Spouse's first official language",
            "spouse_language",
            None,  # the spouse's tests are always answered (an empty list: none)
        ),
        _scale_line(
            "crs.spouse.canadian_experience",
            rules.spouse_experience,
            int(years),
            experience_points,
            True,
            "spouse_canadian_years",
            years,
            _figure_words(factors, "spouse_canadian_years", _experience_words),
        ),
    ]
    return _section("spouse", title, caps.spouse, points, lines, citation)


def _transferability(
    factors: CrsFactors,
    rules: _Rules,
    caps: CrsCaps,
    scored: tuple[int, tuple[int, ...], tuple[int, ...]],
) -> CrsSection:
    points, group_points, grid_points = scored
    citation = rules.transferability.citation
    values = _grid_values(factors)
    each_grid = iter(grid_points)
    lines: list[CrsLine] = []
    for (group, cap, grids), capped in zip(rules.transferability_grids, group_points, strict=True):
        group_lines = []
        for grid, _, row, column, row_thresholds, column_thresholds in grids:
            each = next(each_grid)
            described = _describe_grid(
                grid,
                bisect_right(row_thresholds, values[row]),
                bisect_right(column_thresholds, values[column]),
                each,
                factors,
            )
            group_lines.append(_line(grid.rule_id, each, grid.maximum, citation, described))
        before = sum(line.points for line in group_lines)
        _cap_line(f"{group.rule_id}.cap", group.title, cap, capped, before, group_lines, citation)
        lines.extend(group_lines)
    title = "C. Skill transferability factors"
    return _section(
        "transferability", title, caps.transferability, points, lines, rules.caps.citation
    )


def _not_in_force(rule_id: str, what: str, since: date, entry: Dated[Any], on: date) -> CrsLine:
    return _line(rule_id, 0, 0, entry.citation, _describe_not_in_force(what, since, on))


def _additional(
    factors: CrsFactors,
    rules: _Rules,
    caps: CrsCaps,
    on: date,
    scored: tuple[int, tuple[int, ...]],
) -> CrsSection:
    points, (nomination, job_offer, french, canadian_education, sibling) = scored
    lines = [
        _line(
            "crs.additional.provincial_nomination",
            nomination,
            rules.provincial_nomination.value,
            rules.provincial_nomination.citation,
            _describe_nomination(
                factors.provincial_nomination,
                rules.provincial_nomination.value,
                nomination,
                _unsettled(factors, "provincial_nomination"),
            ),
        ),
        _line(
            "crs.additional.job_offer",
            job_offer,
            max(rules.job_offer.value.senior_management, rules.job_offer.value.other_skilled),
            rules.job_offer.citation,
            _describe_job_offer(
                rules.job_offer.value,
                factors.job_offer,
                job_offer,
                _unsettled(factors, "job_offer"),
            ),
        ),
    ]
    french_table = rules.french.value
    if french_table is None:
        lines.append(
            _not_in_force(
                "crs.additional.french",
                "French-language skills",
                rules.french_from,
                rules.french,
                on,
            )
        )
    else:
        french_levels, english = _french_and_english(factors)
        lines.append(
            _line(
                "crs.additional.french",
                french,
                french_table.bilingual,
                rules.french.citation,
                _describe_french(
                    french_table, french_levels, english, french, _unsettled(factors, "french")
                ),
            )
        )
    education_table = rules.canadian_education.value
    if education_table is None:
        lines.append(
            _not_in_force(
                "crs.additional.canadian_education",
                "post-secondary education in Canada",
                rules.canadian_education_from,
                rules.canadian_education,
                on,
            )
        )
    else:
        lines.append(
            _line(
                "crs.additional.canadian_education",
                canadian_education,
                education_table.three_year_or_more,
                rules.canadian_education.citation,
                _describe_canadian_education(
                    education_table,
                    factors.canadian_education,
                    factors.canadian_education_unconfirmed,
                    canadian_education,
                    _unsettled(factors, "canadian_education"),
                ),
            )
        )
    sibling_value = rules.sibling.value
    if sibling_value is None:
        lines.append(
            _not_in_force(
                "crs.additional.sibling",
                "a sibling in Canada",
                rules.sibling_from,
                rules.sibling,
                on,
            )
        )
    else:
        lines.append(
            _line(
                "crs.additional.sibling",
                sibling,
                sibling_value,
                rules.sibling.citation,
                _describe_sibling(
                    factors.sibling_in_canada,
                    sibling_value,
                    sibling,
                    _unsettled(factors, "sibling_in_canada"),
                ),
            )
        )
    title = "D. Additional points"
    return _section("additional", title, caps.additional, points, lines, rules.caps.citation)


def _sections(factors: CrsFactors, on: date, scored: _Points) -> tuple[CrsSection, ...]:
    """The four sections with their lines, written from the points of the score."""
    rules = CRS_RULES.at(on)
    caps = rules.caps.value
    core, spouse, transferability, additional = scored
    return (
        _core(factors, rules, caps, core),
        _spouse(factors, rules, caps, spouse),
        _transferability(factors, rules, caps, transferability),
        _additional(factors, rules, caps, on, additional),
    )


def score(factors: CrsFactors, *, on: date, notes: tuple[str, ...] = ()) -> CrsResult:
    """The CRS score of ``factors`` under the rules in force on ``on``.

    :class:`~expressentry.exceptions.NotInForce` before 2015-01-01. ``notes`` explain how the
    factors were derived (the Candidate path passes them); the result keeps them.

    Golden case 4: a master's, CLB 9, 9, 8, 9, 32 years old, 3 years abroad, a provincial
    nomination and a sibling: additional points 615, capped at 600.

    >>> factors = CrsFactors(
    ...     age=32,
    ...     education=EducationLevel.MASTERS_OR_PROFESSIONAL,
    ...     first_language=clb(9, writing=8),
    ...     foreign_years=3,
    ...     provincial_nomination=True,
    ...     sibling_in_canada=True,
    ... )
    >>> result = score(factors, on=date(2025, 4, 1))
    >>> result.total
    995
    >>> print(result.line("crs.additional.cap").sentence)
    Additional points capped at 600 (615 before the cap).
    """
    return _score(factors, on, notes)


@functools.lru_cache(maxsize=1024)  # a pool is scored on few dates
def _era(on: date) -> Dated[_Rules]:
    return CRS_RULES.entry_at(on)


def _score(factors: CrsFactors, on: date, notes: tuple[str, ...] | _Notes) -> CrsResult:
    era = _era(on)
    rules = era.value
    caps = rules.caps.value
    scored = _points(factors, rules, caps)
    # total, on, rule_version, with_spouse, factors, scored, notes
    return CrsResult(
        _total(scored, caps),
        on,
        era.start,
        factors.with_spouse,
        factors,
        scored,
        notes,
    )


def _total(scored: _Points, caps: CrsCaps) -> int:
    """The sections' points added up, within the grand total's cap."""
    total = scored[0][0] + scored[1][0] + scored[2][0] + scored[3][0]
    return total if total <= caps.total else caps.total


def _as_levels(levels: LanguageLevels | int | None, language: Language) -> LanguageLevels | None:
    if isinstance(levels, int):
        return _levels(language, levels, None, None, None, None)
    return levels


def crs_from_levels(
    *,
    on: date,
    age: int,
    education: EducationLevel = EducationLevel.LESS_THAN_SECONDARY,
    first_language: LanguageLevels | int | None = None,
    second_language: LanguageLevels | int | None = None,
    canadian_years: float = 0,
    foreign_years: float = 0,
    partnered: bool = False,
    spouse_canadian_citizen_or_pr: bool = False,
    spouse_accompanying: bool = True,
    spouse_education: EducationLevel = EducationLevel.LESS_THAN_SECONDARY,
    spouse_language: LanguageLevels | int | None = None,
    spouse_canadian_years: float = 0,
    certificate_of_qualification: bool = False,
    provincial_nomination: bool = False,
    sibling_in_canada: bool = False,
    canadian_education: CanadianEducation = CanadianEducation.NONE,
    job_offer: JobOfferClass = JobOfferClass.NONE,
) -> CrsResult:
    """The CRS from levels, asked the way IRCC's online tool asks (no dated history needed).

    A language given as a plain ``int`` means that level in all four abilities: English for
    the first language and the spouse's, and the other language for the second (give
    :func:`clb` or :func:`nclc` levels to say otherwise). ``partnered`` with
    ``spouse_canadian_citizen_or_pr`` and ``spouse_accompanying`` settle the column (P12).

    Golden case 5: married, 36, bachelor's, CLB 10, 3 years abroad; the spouse has a bachelor's
    and CLB 7:

    >>> result = crs_from_levels(
    ...     on=date(2025, 4, 1), age=36, education=EducationLevel.BACHELORS_OR_THREE_YEAR,
    ...     first_language=10, foreign_years=3, partnered=True,
    ...     spouse_education=EducationLevel.BACHELORS_OR_THREE_YEAR, spouse_language=7,
    ... )
    >>> result.total, result.points["spouse"]
    (400, 20)
    """
    problems = [
        (f"$.{name}", f"expected True or False, got {quoted(value)}")
        for name, value in (
            ("partnered", partnered),
            ("spouse_canadian_citizen_or_pr", spouse_canadian_citizen_or_pr),
            ("spouse_accompanying", spouse_accompanying),
        )
        if type(value) is not bool
    ] + [
        (f"$.{name}", "expected a level (a whole number) or LanguageLevels, got a bool")
        for name, value in (
            ("first_language", first_language),
            ("second_language", second_language),
            ("spouse_language", spouse_language),
        )
        if isinstance(value, bool)
    ]
    if problems:
        raise ProfileError(problems)
    first = _as_levels(first_language, Language.ENGLISH)
    other = (
        Language.ENGLISH
        if isinstance(first, LanguageLevels) and first.language is Language.FRENCH
        else Language.FRENCH
    )
    return score(
        CrsFactors(
            age=age,
            education=education,
            first_language=first,
            second_language=_as_levels(second_language, other),
            canadian_years=canadian_years,
            foreign_years=foreign_years,
            with_spouse=spouse_counts(
                partnered=partnered,
                canadian_citizen_or_pr=spouse_canadian_citizen_or_pr,
                accompanying=spouse_accompanying,
            ),
            spouse_education=spouse_education,
            spouse_language=_as_levels(spouse_language, Language.ENGLISH),
            spouse_canadian_years=spouse_canadian_years,
            certificate_of_qualification=certificate_of_qualification,
            provincial_nomination=provincial_nomination,
            sibling_in_canada=sibling_in_canada,
            canadian_education=canadian_education,
            job_offer=job_offer,
        ),
        on=on,
    )


# --------------------------------------------------------------------------------------------
# From a Candidate: the derived facts (facts.py) turned into CRS factors
# --------------------------------------------------------------------------------------------


def _years_counted(
    experience: Experience,
    what: str,
    fact: str,
    notes: _NoteParts,
    unsettled: list[tuple[str, str]],
) -> float:
    """Years certainly counted, floored to a tenth for the explanations (the tiers use whole
    years, which stay those of the ledger); a note and the lines' words when the work history
    does not settle them."""
    if not experience.ledger.answered:
        notes.append(f"{what}: the work history is not given; no years counted.")
        whose = "the spouse's" if fact.startswith("spouse") else "the"
        unsettled.append((fact, f"{whose} work history is not given"))
        return 0
    tenths = experience.tenths_of_years_at_least
    if not experience.known:
        years, most = experience.years_at_least, experience.years_at_most
        at_least = f"at least {_years(tenths / 10)} in the last 10"
        if years == most:  # the hours are open, the whole years (and the points) are not
            either_way = f"{_whole_years(years)} either way"
            notes.append(f"{what}: {at_least} depending on facts not given; {either_way}.")
            unsettled.append((fact, f"{at_least}, {either_way}"))
        else:
            notes.append(
                f"{what}: {years} to {_whole_years(most)} depending on facts not given; "
                f"{years} counted."
            )
            unsettled.append((fact, f"{at_least}, up to {_whole_years(most)}"))
    return tenths / 10


def _whole_years(years: int) -> str:
    return "1 whole year" if years == 1 else f"{years} whole years"


def _job_offer_class(
    facts: Facts, notes: _NoteParts, unsettled: list[tuple[str, str]]
) -> JobOfferClass:
    """The class of the candidate's best qualifying offer (policy P34, decided once for every
    program by :mod:`expressentry.job_offer`); an offer that does not qualify, or whose
    conditions are not answered, earns nothing and the note says why. Asked only of a
    candidate who has an offer."""
    offer = crs_job_offer(facts)
    if offer.outcome is Outcome.MET:
        return offer.job_offer_class
    notes.append(lambda: [f"{offer.sentence} No CRS points for a job offer (policy P34)."])
    if offer.outcome is Outcome.UNKNOWN:  # rare: written at once
        words = facts_in_words(offer.missing)
        unsettled.append(("job_offer", f"an offer may qualify; not answered: {words}"))
    return JobOfferClass.NONE


def _nominated(
    candidate: Candidate, on: date, notes: _NoteParts, unsettled: list[tuple[str, str]]
) -> bool:
    """Whether the nomination counts (asked only of a nominated candidate)."""
    nomination = candidate.provincial_nomination
    assert nomination is not None
    if nomination.nomination_date is not None and nomination.nomination_date > on:
        notes.append(
            f"The provincial nomination dated {nomination.nomination_date.isoformat()} is "
            f"after {on.isoformat()}: not counted."
        )
        return False
    if nomination.express_entry_stream is None:
        notes.append(
            "The provincial nomination is not counted: whether it is through an Express "
            "Entry-aligned stream is not answered."
        )
        unsettled.append(
            (
                "provincial_nomination",
                "whether the nomination is through an Express Entry-aligned stream is not "
                "answered",
            )
        )
        return False
    if nomination.express_entry_stream and nomination.nomination_date is None:
        # Counted, as the profile format says an undated nomination is: the line would read
        # as certain without the note.
        notes.append(
            f"The provincial nomination's date is not given: counted as made by {on.isoformat()}."
        )
    return nomination.express_entry_stream


def _certificate(candidate: Candidate, on: date, notes: _NoteParts) -> bool:
    """A certificate of qualification counts whatever the program (policy P19); one that
    counts only because its issue date is not given is noted."""
    certificates = candidate.certificates_of_qualification or ()
    if any(c.issue_date is not None and c.issue_date <= on for c in certificates):
        return True
    if any(certificate.issue_date is None for certificate in certificates):
        notes.append(
            "The certificate of qualification's issue date is not given: counted as issued by "
            f"{on.isoformat()}."
        )
        return True
    return False


def crs_factors(facts: Facts) -> tuple[CrsFactors, tuple[str, ...]]:
    """The CRS factors of a candidate's derived facts, with notes on every assumption.

    Age (P13), education (P21, P29), the official languages (P5, P6, P20, P30), the Canadian
    and foreign years from the ledger (P10, P11), the spouse column (P12), the certificate of
    qualification (P19) and the job offer (P34). An unanswered fact never counts as a "yes":
    its points are left out and a note says so. The with-spouse column applies only when the
    spouse is known to count (P12): an unanswered marital status or spouse status is scored in
    the single column, and noted.
    """
    factors, notes = _factors(facts)
    return factors, _Notes(notes).notes()


def _factors(facts: Facts) -> tuple[CrsFactors, _NoteParts]:
    """:func:`crs_factors`, with the notes that quote the explanations of the derived facts
    left unwritten (written only if the score's notes are read)."""
    others, before, after = facts.kept(_other_factors)
    languages = facts.languages  # ranked by the CRS of each assignment (P5, P6)
    first_language = languages.first_levels
    second_language = languages.second_levels
    notes: _NoteParts = [*before, lambda: [note.sentence for note in languages.notes]]
    if second_language is not None and first_language is None:
        # rules.md §5.3: the first language is the one declared and the other, if tested, is
        # the second; it scores by its own table (§4.4) as the FSW grid scores it.
        notes.append(
            "No valid test in the first official language: no points for it; the second "
            "official language scores on its own (rules.md §5.3)."
        )
    notes.extend(after)
    return _with_languages(others, first_language, second_language), notes


def _not_counted(ignored: Sequence[CredentialUse], on: date) -> list[tuple[str, str]]:
    """What the education lines say of a candidate scored as less than secondary school who
    holds a completed credential that does not count (a foreign one without a valid ECA, say):
    that credential and why, and that what it needs is what is missing, not a diploma."""
    for use in ignored:
        credential = use.credential
        completed = credential.completion_date
        if completed is None or completed > on:
            continue
        title = EducationLevel.from_credential_level(credential.level).title
        number = use.index + 1
        return [
            ("education", f"credential {number}, a {title}, is not counted: {use.reason}"),
            (
                "education_needed",
                f"a valid educational credential assessment of credential {number}",
            ),
        ]
    return []


_CREDENTIALS_UNANSWERED: Final = (
    ("education", "the credentials are not answered"),
    ("canadian_education", "the credentials are not answered"),
)
"""What the lines of the two education factors say when the credentials are not answered."""

_TESTS_UNANSWERED: Final = tuple(
    (fact, "the language tests are not answered")
    for fact in ("first_language", "second_language", "french")
)
"""What the language lines (and the grids' language tiers) say when the tests are not
answered: not "no valid test result", which reads as tests that failed to count."""

_Others = dict[str, Any]
"""Every CRS factor but the official languages, as keywords of :class:`CrsFactors`."""
_OtherFactors = tuple[_Others, _NoteParts, _NoteParts]
"""The CRS factors but the official languages, and the notes that come before the languages'
notes and after them."""


def _other_factors(facts: Facts) -> _OtherFactors:
    """Every CRS factor of ``facts`` but the candidate's official languages (kept per facts:
    the ranking of the languages scores each assignment with them)."""
    candidate = facts.candidate
    on = facts.on
    before: _NoteParts = []
    after: _NoteParts = []
    if facts.age is None:
        before.append("No birth date: no age points.")
    elif candidate.birth_date is not None and candidate.birth_date > on:
        before.append(
            f"The birth date ({candidate.birth_date.isoformat()}) is after the evaluation "
            f"date ({on.isoformat()}): scored as age 0, which earns no age points."
        )
    spouse_counts = facts.scored_with_spouse
    unsettled: list[tuple[str, str]] = []
    if facts.spouse_counts is None:
        before.append(
            "The marital status is not answered: scored without a spouse."
            if facts.partnered is None
            else f"{upper_first(SPOUSE_STATUS_UNANSWERED)}: scored without a spouse (policy "
            "P12: the with-spouse column only when the spouse is known to count)."
        )
        unsettled.append(
            (
                "with_spouse",
                "the marital status is not answered"
                if facts.partnered is None
                else SPOUSE_STATUS_UNANSWERED,
            )
        )
    if candidate.language_tests is None:
        after.append("The language tests are not answered: no points for the languages.")
        unsettled += _TESTS_UNANSWERED
    education = facts.education
    if candidate.education is None:
        after.append("The credentials are not answered: no points for education.")
        unsettled += _CREDENTIALS_UNANSWERED
    elif not candidate.education:
        after.append("No credential: no points for education.")
    if education.ignored and education.level is EducationLevel.LESS_THAN_SECONDARY:
        unsettled += _not_counted(education.ignored, on)
    if education.ignored:
        after.append(
            lambda: [
                f"Credential {use.index + 1} not counted: {use.reason}."
                for use in education.ignored
                if use.level is None
            ]
        )
    canadian = facts.canadian_education
    spouse_language = None
    spouse_education = EducationLevel.LESS_THAN_SECONDARY
    spouse_experience: Experience | None = None
    if spouse_counts:
        # Only a spouse who counts is read: the spouse's tests of a candidate scored as single
        # need not be assessed. A spouse counts only when described (P12).
        spouse_languages, derived_spouse_education = facts.spouse_languages, facts.spouse_education
        spouse_experience = facts.spouse_experience(CRS_CANADIAN)
        assert spouse_languages is not None
        assert derived_spouse_education is not None
        spouse_language = spouse_languages.first_levels
        spouse_education = derived_spouse_education.level
        spouse = candidate.spouse
        assert spouse is not None
        if not spouse.education:
            after.append("The spouse's education is not given: no spouse education points.")
            unsettled.append(("spouse_education", "the spouse's education is not given"))
        if not spouse.language_tests:
            after.append("The spouse's language test is not given: no spouse language points.")
    if candidate.sibling_in_canada is None:
        after.append("A sibling in Canada is not answered: not counted.")
        unsettled.append(
            ("sibling_in_canada", "whether a brother or sister lives in Canada is not answered")
        )
    age = facts.age
    level = education.level
    canadian_years = _years_counted(
        facts.experience(CRS_CANADIAN),
        "Canadian work experience",
        "canadian_years",
        after,
        unsettled,
    )
    foreign_years = _years_counted(
        facts.experience(CRS_FOREIGN), "Foreign work experience", "foreign_years", after, unsettled
    )
    spouse_canadian_years = (
        0
        if spouse_experience is None
        else _years_counted(
            spouse_experience,
            "The spouse's Canadian work experience",
            "spouse_canadian_years",
            after,
            unsettled,
        )
    )
    # Most candidates have no certificate, nomination or offer: asked only when there is.
    certificates, offers = candidate.certificates_of_qualification, candidate.job_offers
    certificate = bool(certificates) and _certificate(candidate, on, after)
    if certificates is None:
        after.append("A certificate of qualification is not answered: not counted.")
        unsettled.append(
            ("certificate_of_qualification", "the certificates of qualification are not answered")
        )
    nominated = candidate.provincial_nomination is not None and _nominated(
        candidate, on, after, unsettled
    )
    sibling = candidate.sibling_in_canada is True
    job_offer = _job_offer_class(facts, after, unsettled) if offers else JobOfferClass.NONE
    if offers is None:
        unsettled.append(("job_offer", "the job offers are not answered"))
        if _era(on).value.job_offer_points[JobOfferClass.SENIOR_MANAGEMENT]:
            # From 2025-03-25 an offer earns nothing (P16): not answering it changes nothing.
            after.append("A job offer is not answered: not counted.")

    others: _Others = {
        "age": age,
        "education": level,
        "canadian_years": canadian_years,
        "foreign_years": foreign_years,
        "with_spouse": spouse_counts,
        "spouse_education": spouse_education,
        "spouse_language": spouse_language,
        "spouse_canadian_years": spouse_canadian_years,
        "certificate_of_qualification": certificate,
        "provincial_nomination": nominated,
        "sibling_in_canada": sibling,
        "canadian_education": canadian.credit,
        "canadian_education_unconfirmed": canadian.unconfirmed,
        "job_offer": job_offer,
    }
    if unsettled:  # most candidates answer everything: no key, the default
        others["unsettled"] = tuple(unsettled)
    return others, before, after


def _with_languages(
    others: _Others, first: LanguageLevels | None, second: LanguageLevels | None
) -> CrsFactors:
    """The CRS factors of :func:`_other_factors` with the given official languages."""
    return CrsFactors(first_language=first, second_language=second, **others)


def language_assignment_points(facts: Facts) -> AssignmentPoints:
    """The CRS of the candidate of ``facts`` with a given first and second official language:
    how the derived facts rank the languages and the tests (policies P5, P6).

    The official languages are scored with every other factor of the candidate, since the
    skill-transferability points read the first language and the French-language points read
    both: the assignment with the higher CRS is the one chosen.
    """

    def crs(first: LanguageLevels | None, second: LanguageLevels | None) -> int:
        # Read when an assignment is first scored: most candidates have nothing to rank.
        others, _, _ = facts.kept(_other_factors)
        rules = _era(facts.on).value
        caps = rules.caps.value
        return _total(_points(_with_languages(others, first, second), rules, caps), caps)

    return crs


@attrs.frozen
class LanguageChoices:
    """The other ways the official languages could be settled once the facts the CRS does not
    yet have are answered (policies P5, P6), and those facts.

    ``others`` holds each different choice (first language, first test, second test) that
    some answers to the ``unsettled`` facts would make; ``unsettled`` holds those facts as
    ``(factor, words)`` pairs of :attr:`CrsFactors.unsettled`. Empty when the choice is
    settled: one test, or every fact that could change it answered.
    """

    others: tuple[OfficialLanguages, ...] = ()
    unsettled: tuple[tuple[str, str], ...] = ()


_SETTLED: Final = LanguageChoices()

_CHOICE_FACTORS: Final = (
    "education",
    "canadian_years",
    "foreign_years",
    "certificate_of_qualification",
    "with_spouse",
    "provincial_nomination",
)
"""The factors whose answers can change which assignment of the languages scores more: the
ones the skill-transferability grids read with the first language, the column (which sets the
language points), and the nomination, whose 600 points reach the cap of the additional points
that the French-language points share. Every other factor adds the same points to each
assignment, and no other cap can bite: the sections' maxima add up to 1,200."""


def other_language_choices(facts: Facts) -> LanguageChoices:
    """How the official languages of ``facts`` could be settled otherwise (P5, P6): the CRS
    that ranks their assignments counts an unanswered fact at its certain level, and an answer
    can change the ranking (a test with a lower ability but higher others loses its lead once
    a degree makes the lowest ability earn transferability points).

    Every answer the unsettled factors allow is tried, one value per step of the grids that
    read them (the levels and years between two thresholds score alike).
    """
    languages = facts.languages
    if len(languages.tests) < 2:  # one test: nothing to choose
        return _SETTLED
    others, _, _ = facts.kept(_other_factors)
    found_unsettled = [
        (factor, words)
        for factor, words in others.get("unsettled", ())
        if factor in _CHOICE_FACTORS
    ]
    waiting = unassessed(facts.education, on=facts.on)
    if waiting and all(factor != "education" for factor, _ in found_unsettled):
        # A foreign credential without an ECA may be assessed above the level that counts
        # (audit helper-69): the education is open too.
        numbers = " and ".join(str(use.index + 1) for use in waiting)
        found_unsettled.append(
            (
                "education",
                f"no educational credential assessment is given for credential {numbers}",
            )
        )
    unsettled = tuple(found_unsettled)
    if not unsettled:
        return _SETTLED
    on = facts.on
    rules = _era(on).value
    caps = rules.caps.value
    names = tuple(dict.fromkeys(factor for factor, _ in unsettled))
    found: dict[tuple[Language | None, int, int], OfficialLanguages] = {}
    for values in itertools.product(*(_answers(facts, others, rules, name) for name in names)):
        answered = {**others, **dict(zip(names, values, strict=True))}

        def crs(
            first: LanguageLevels | None,
            second: LanguageLevels | None,
            answered: _Others = answered,
        ) -> int:
            return _total(_points(_with_languages(answered, first, second), rules, caps), caps)

        other = settled_otherwise(
            languages, points=language_ranking(on, with_spouse=answered["with_spouse"]), crs=crs
        )
        if other is not None:
            key = (other.first_language, _index(other.first), _index(other.second))
            found.setdefault(key, other)
    return LanguageChoices(tuple(found.values()), unsettled) if found else _SETTLED


def _index(test: AssessedTest | None) -> int:
    return -1 if test is None else test.index


def _answers(facts: Facts, others: _Others, rules: _Rules, factor: str) -> tuple[object, ...]:
    """The values an unsettled ``factor`` may take that score differently: from the certain
    one up, one per step of the transferability grids that read it."""
    if factor in ("with_spouse", "certificate_of_qualification", "provincial_nomination"):
        return (False, True)
    position = _GRID_FACTS.index(factor)
    steps = {
        threshold
        for _, _, grids in rules.transferability_grids
        for _, _, row, column, row_thresholds, column_thresholds in grids
        for threshold in (
            (row_thresholds if row == position else ())
            + (column_thresholds if column == position else ())
        )
    }
    if factor == "education":
        lowest = others["education"].rank
        return tuple(
            [
                level
                for level in EducationLevel
                if level.rank == lowest or (level.rank > lowest and level.rank in steps)
            ]
        )
    experience = facts.experience(CRS_CANADIAN if factor == "canadian_years" else CRS_FOREIGN)
    lowest = int(others[factor])
    most = experience.years_at_most if experience.ledger.answered else max(steps, default=0)
    return (lowest, *sorted(step for step in steps if lowest < step <= most))


@functools.lru_cache(maxsize=64)  # built once per date: dates are few in a batch
def spouse_language_ranking(on: date) -> LanguagePoints:
    """The spouse factor points of a test's levels (rules.md §4.6), to choose the spouse's best
    valid test (policy P30): only the spouse's first official language scores.

    >>> points = spouse_language_ranking(date(2025, 4, 1))
    >>> points(clb(9), OfficialLanguageRole.FIRST), points(clb(9), OfficialLanguageRole.SECOND)
    (20, 0)
    """
    column = CRS_RULES.at(on).spouse_language_levels[True]

    def points(levels: LanguageLevels, role: OfficialLanguageRole) -> int:
        return _language_points(column, levels) if role is OfficialLanguageRole.FIRST else 0

    return points


def crs_for(candidate: Candidate, *, on: date) -> CrsResult:
    """The CRS score of ``candidate`` on ``on``, every input derived from the dated facts.

    >>> from expressentry.model import (
    ...     AbilityScores, Candidate, Credential, CredentialLevel, LanguageTest, MaritalStatus,
    ...     TestKind)
    >>> candidate = Candidate(
    ...     birth_date=date(1996, 2, 29),
    ...     marital_status=MaritalStatus.NEVER_MARRIED,
    ...     education=(Credential(level=CredentialLevel.BACHELORS_OR_THREE_YEAR, country="CA",
    ...                           completion_date=date(2018, 5, 1)),),
    ...     language_tests=(LanguageTest(
    ...         kind=TestKind.IELTS_GENERAL_TRAINING, test_date=date(2025, 3, 1),
    ...         scores=AbilityScores(listening=7.0, reading=7.0, writing=7.0, speaking=7.0)),),
    ...     sibling_in_canada=False,
    ... )
    >>> result = crs_for(candidate, on=date(2025, 4, 1))
    >>> result.total  # golden case 1, aged 29
    353
    """
    return crs_from_facts(derive(candidate, on=on))


def crs_from_facts(facts: Facts) -> CrsResult:
    """The CRS score from derived facts shared with the programs (see :func:`crs_factors`)."""
    factors, notes = _factors(facts)
    return _score(factors, facts.on, _Notes(notes))


@functools.lru_cache(maxsize=128)  # built once per date and column: dates are few in a batch
def language_ranking(
    on: date, *, with_spouse: bool
) -> Callable[[LanguageLevels, OfficialLanguageRole], int]:
    """The core CRS points of a test's levels in a role, to rank tests (policies P5, P6).

    The language module ranks tests by CRS points; this gives it the CRS's own tables, in the
    candidate's column, so that no table is written twice.

    >>> points = language_ranking(date(2025, 4, 1), with_spouse=True)
    >>> points(clb(9), OfficialLanguageRole.FIRST), points(nclc(9), OfficialLanguageRole.SECOND)
    (116, 22)
    """
    rules = CRS_RULES.at(on)
    caps = rules.caps.value

    def points(levels: LanguageLevels, role: OfficialLanguageRole) -> int:
        if role is OfficialLanguageRole.FIRST:
            return _language_points(rules.first_language_levels[with_spouse], levels)
        return _second_language_points(rules, caps, levels, with_spouse)

    return points
