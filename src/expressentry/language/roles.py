"""First and second official language, and which test speaks for each.

The candidate declares which official language is the first (IRPR s. 79(1)); the other one,
if tested, is the second. Where the sources are silent the engine follows rules.md §12:

- **P5.** Undeclared, with valid tests in one language only: that language is the first.
  Undeclared, with valid tests in both: the assignment that gives more CRS points for official
  languages (first plus second), and the explanation says it was assumed.
- **P6.** Several valid tests in one language: the one that gives the most CRS points in its
  role; the explanation names it.
- **P30.** The same applies to a spouse or partner: their first official language is their
  best valid test.

Tests that do not count on the day (expired, result not yet out, not accepted on the day they
were taken) are set aside first, each with its reason.

**Ranking.** Tests are ranked by CRS points, which the CRS module owns. So that this module does
not depend on the CRS, :func:`official_languages` takes the ranking as a ``points`` function;
by default it uses :data:`CRS_LANGUAGE_POINTS`, the core official-language points of the CRS
for a candidate without a spouse (rules.md §4.3, §4.4). That table is the single copy of those
points: the CRS should use it (or pass its own ``points``, e.g. for the with-spouse column).
Ties are broken by the sum of the four levels, then by the later expiry date (the result that
stays valid longer), then by the order of the tests; between two equal assignments (P5), by the
points of the first language, then English first.

>>> from datetime import date
>>> from expressentry.model import AbilityScores, LanguageTest, TestKind
>>> ielts = LanguageTest(
...     kind=TestKind.IELTS_GENERAL_TRAINING,
...     test_date=date(2025, 3, 1),
...     scores=AbilityScores(listening=8.0, reading=7.0, writing=7.0, speaking=7.0),
... )
>>> tcf = LanguageTest(
...     kind=TestKind.TCF_CANADA,
...     test_date=date(2025, 6, 1),
...     scores=AbilityScores(listening=549, reading=549, writing=16, speaking=16),
... )
>>> roles = official_languages((ielts, tcf), date(2026, 1, 15))
>>> roles.first_language, str(roles.first_levels), str(roles.second_levels)
(<Language.FRENCH: 'french'>, 'NCLC L 10, R 10, W 10, S 10', 'CLB L 9, R 9, W 9, S 9')
>>> print(roles.notes[0])
The first official language was not declared; French is assumed because French first and \
English second give 160 CRS points for official languages, against 148 the other way \
(policy P5).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

import attrs

from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Dated, DatedTable
from expressentry.language._citations import CRS_CRITERIA, FIRST_OFFICIAL_LANGUAGE_DECLARED
from expressentry.language.levels import BELOW_LEVEL_4, LanguageLevels, chart_level
from expressentry.language.notes import LanguageNote, LanguageRule
from expressentry.language.scales import Language
from expressentry.language.validity import AssessedTest, assess_test

if TYPE_CHECKING:
    from expressentry.model import LanguageTest

__all__ = [
    "CRS_LANGUAGE_POINTS",
    "LanguagePoints",
    "LanguagePointsChart",
    "OfficialLanguageRole",
    "OfficialLanguages",
    "crs_language_points",
    "official_languages",
]


class OfficialLanguageRole(enum.Enum):
    """The role a language plays in a profile."""

    FIRST = "first"
    SECOND = "second"


LanguagePoints = Callable[[LanguageLevels, OfficialLanguageRole], int]
"""Ranks a test: the points its levels give in a role (the CRS can pass its own)."""


@attrs.frozen
class LanguagePointsChart:
    """CRS points per ability for each level, and the cap on the sum of the four, if any."""

    per_level: Mapping[int, int]
    cap: int | None = None

    def points(self, levels: LanguageLevels) -> int:
        """The points of the four abilities, capped.

        >>> chart = CRS_LANGUAGE_POINTS.at(date(2026, 1, 1))[OfficialLanguageRole.SECOND]
        >>> chart.points(
        ...     LanguageLevels(language=Language.FRENCH, listening=9, reading=9, writing=9,
        ...                    speaking=9)
        ... )
        24
        """
        total = sum(self.per_level[chart_level(level)] for level in levels.four)
        return total if self.cap is None else min(total, self.cap)


CRS_LANGUAGE_POINTS: DatedTable[Mapping[OfficialLanguageRole, LanguagePointsChart]] = DatedTable(
    "CRS core points per ability for official languages, without a spouse",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            {
                # rules.md §4.3: less than CLB 4 gives 0; CLB 10 means 10 or more.
                OfficialLanguageRole.FIRST: LanguagePointsChart(
                    {BELOW_LEVEL_4: 0, 4: 6, 5: 6, 6: 9, 7: 17, 8: 23, 9: 31, 10: 34}
                ),
                # rules.md §4.4: CLB 4 or less gives 0; the four abilities are capped at 24.
                OfficialLanguageRole.SECOND: LanguagePointsChart(
                    {BELOW_LEVEL_4: 0, 4: 0, 5: 1, 6: 1, 7: 3, 8: 3, 9: 6, 10: 6}, cap=24
                ),
            },
            CRS_CRITERIA,
        ),
    ),
)
"""The CRS official-language points (single column), the default ranking of tests."""


def crs_language_points(levels: LanguageLevels, role: OfficialLanguageRole, on: date) -> int:
    """The CRS core points of ``levels`` in ``role`` for a candidate without a spouse.

    >>> levels = LanguageLevels(
    ...     language=Language.ENGLISH, listening=9, reading=9, writing=9, speaking=9
    ... )
    >>> crs_language_points(levels, OfficialLanguageRole.FIRST, date(2026, 1, 1))
    124
    """
    return CRS_LANGUAGE_POINTS.at(on)[role].points(levels)


@attrs.frozen(kw_only=True)
class OfficialLanguages:
    """The candidate's (or spouse's) official languages on a day, and the tests behind them.

    ``first`` and ``second`` are the tests chosen for each role, or ``None``; ``tests`` holds
    every test with its levels and validity; ``notes`` explains every test that does not
    count, how the first language was settled and which test was chosen for each role.
    """

    on: date
    first_language: Language | None
    declared: bool
    first: AssessedTest | None
    second: AssessedTest | None
    tests: tuple[AssessedTest, ...]
    notes: tuple[LanguageNote, ...]

    @property
    def second_language(self) -> Language | None:
        """The other official language, if the first is known."""
        return None if self.first_language is None else _other(self.first_language)

    @property
    def first_levels(self) -> LanguageLevels | None:
        """The levels of the first official language's test, if one counts."""
        return None if self.first is None else self.first.levels

    @property
    def second_levels(self) -> LanguageLevels | None:
        """The levels of the second official language's test, if one counts."""
        return None if self.second is None else self.second.levels

    def test_for(self, role: OfficialLanguageRole) -> AssessedTest | None:
        """The test chosen for ``role``."""
        return self.first if role is OfficialLanguageRole.FIRST else self.second


def _other(language: Language) -> Language:
    return Language.FRENCH if language is Language.ENGLISH else Language.ENGLISH


def _name(language: Language) -> str:
    return language.value.capitalize()


_LANGUAGES = tuple(Language)
_FIRST, _SECOND = OfficialLanguageRole.FIRST, OfficialLanguageRole.SECOND


def _default_points(on: date) -> LanguagePoints:
    charts = CRS_LANGUAGE_POINTS.at(on)
    return lambda levels, role: charts[role].points(levels)


class _Ranking:
    """The valid tests of each language, their points in each role, and the best for each role.

    Everything is computed once, when the ranking is built: a profile has a handful of tests.
    (Tuples indexed by role rather than dicts keyed by enums: this runs for every candidate of
    a pool, and hashing an enum member is slow.)
    """

    def __init__(self, assessed: Sequence[AssessedTest], points: LanguagePoints) -> None:
        self.valid = {
            language: [a for a in assessed if a.counts and a.test.kind.language is language]
            for language in _LANGUAGES
        }
        # The points of each valid test, by its index: (as first language, as second).
        self._points = {
            a.index: (points(a.levels, _FIRST), points(a.levels, _SECOND))
            for tests in self.valid.values()
            for a in tests
        }
        # The best test of each language: (as first language, as second).
        self._best = {
            language: (self._choose(tests, _FIRST), self._choose(tests, _SECOND))
            for language, tests in self.valid.items()
        }

    def _choose(
        self, tests: Sequence[AssessedTest], role: OfficialLanguageRole
    ) -> AssessedTest | None:
        if not tests:
            return None
        position = _position(role)
        return max(
            tests,
            key=lambda a: (
                self._points[a.index][position],
                sum(a.levels.four),
                a.expiry_date,
                -a.index,
            ),
        )

    def best(self, language: Language, role: OfficialLanguageRole) -> AssessedTest | None:
        return self._best[language][_position(role)]

    def points_of(self, test: AssessedTest | None, role: OfficialLanguageRole) -> int:
        return 0 if test is None else self._points[test.index][_position(role)]

    def best_points(self, language: Language, role: OfficialLanguageRole) -> int:
        return self.points_of(self.best(language, role), role)

    def assignment_points(self, first: Language) -> int:
        return self.best_points(first, _FIRST) + self.best_points(_other(first), _SECOND)


def _position(role: OfficialLanguageRole) -> int:
    return 0 if role is _FIRST else 1


def _settle_first_language(
    ranking: _Ranking, declared_first: Language | None, on: date
) -> tuple[Language | None, LanguageNote | None]:
    """The first official language, and the note that explains it (policy P5)."""
    if declared_first is not None:
        return declared_first, LanguageNote(
            rule=LanguageRule.FIRST_LANGUAGE_DECLARED,
            sentence=f"{_name(declared_first)} is the first official language, as declared.",
            policy="P5",
            citation=FIRST_OFFICIAL_LANGUAGE_DECLARED,
            facts={"first_language": declared_first.value},
        )
    tested = [language for language in _LANGUAGES if ranking.valid[language]]
    if not tested:
        return None, None
    if len(tested) == 1:
        (first,) = tested
        return first, LanguageNote(
            rule=LanguageRule.FIRST_LANGUAGE_ASSUMED,
            sentence=(
                f"The first official language was not declared; {_name(first)} is assumed "
                f"because only {_name(first)} tests count on {on.isoformat()} (policy P5)."
            ),
            policy="P5",
            citation=FIRST_OFFICIAL_LANGUAGE_DECLARED,
            facts={"first_language": first.value},
        )
    totals = {language: ranking.assignment_points(language) for language in _LANGUAGES}
    first = max(
        _LANGUAGES,
        key=lambda language: (
            totals[language],
            ranking.best_points(language, OfficialLanguageRole.FIRST),
            language is Language.ENGLISH,
        ),
    )
    second = _other(first)
    return first, LanguageNote(
        rule=LanguageRule.FIRST_LANGUAGE_ASSUMED,
        sentence=(
            f"The first official language was not declared; {_name(first)} is assumed "
            f"because {_name(first)} first and {_name(second)} second give {totals[first]} "
            f"CRS points for official languages, against {totals[second]} the other way "
            "(policy P5)."
        ),
        policy="P5",
        citation=FIRST_OFFICIAL_LANGUAGE_DECLARED,
        facts={
            "first_language": first.value,
            "points_if_first": totals[first],
            "points_if_second": totals[second],
        },
    )


def _chosen(
    ranking: _Ranking, test: AssessedTest, role: OfficialLanguageRole, on: date
) -> LanguageNote:
    language = test.test.kind.language
    points = ranking.points_of(test, role)
    among = len(ranking.valid[language])
    sentence = (
        f"For {_name(language)}, the {role.value} official language: {test.describe()} "
        f"({test.levels}; {points} CRS points), valid until {test.expiry_date.isoformat()}"
    )
    if among > 1:
        sentence += f", the best of {among} valid {_name(language)} tests (policy P6)"
    return LanguageNote(
        rule=LanguageRule.TEST_CHOSEN,
        sentence=sentence + ".",
        policy="P6" if among > 1 else None,
        citation=test.chart_citation,
        test_index=test.index,
        facts={
            "role": role.value,
            "language": language.value,
            "levels": test.levels,
            "points": points,
            "valid_tests": among,
            "expiry_date": test.expiry_date,
            "on": on,
        },
    )


def official_languages(
    tests: Sequence[LanguageTest],
    on: date,
    *,
    declared_first: Language | None = None,
    points: LanguagePoints | None = None,
) -> OfficialLanguages:
    """Settle the first and second official language on ``on`` and the test for each.

    ``points`` ranks tests (see the module docstring); by default the CRS points without a
    spouse in force on ``on``.
    """
    rank = points if points is not None else _default_points(on)
    assessed = tuple(assess_test(test, on, index=index) for index, test in enumerate(tests))
    notes = [a.problem for a in assessed if a.problem is not None]
    ranking = _Ranking(assessed, rank)
    first_language, settled = _settle_first_language(ranking, declared_first, on)
    first = second = None
    if settled is not None:
        notes.append(settled)
    if first_language is not None:
        first = ranking.best(first_language, OfficialLanguageRole.FIRST)
        second = ranking.best(_other(first_language), OfficialLanguageRole.SECOND)
    if declared_first is not None and first is None:
        notes.append(
            LanguageNote(
                rule=LanguageRule.DECLARED_LANGUAGE_UNTESTED,
                sentence=(
                    f"{_name(declared_first)} was declared the first official language, but "
                    f"no {_name(declared_first)} test counts on {on.isoformat()}."
                ),
                policy="P5",
                citation=FIRST_OFFICIAL_LANGUAGE_DECLARED,
                facts={"first_language": declared_first.value, "on": on},
            )
        )
    chosen_tests = {OfficialLanguageRole.FIRST: first, OfficialLanguageRole.SECOND: second}
    for role, chosen in chosen_tests.items():
        if chosen is not None:
            notes.append(_chosen(ranking, chosen, role, on))
    return OfficialLanguages(
        on=on,
        first_language=first_language,
        declared=declared_first is not None,
        first=first,
        second=second,
        tests=assessed,
        notes=tuple(notes),
    )
