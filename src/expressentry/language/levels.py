"""Canadian Language Benchmark levels: converting test scores, ability by ability.

IRCC converts each ability of an English test to a Canadian Language Benchmark (CLB) level and
each ability of a French test to a Niveau de compétence linguistique canadien (NCLC), through
its equivalency charts (rules.md §5.4-§5.8). The charts give, for levels 4 to 10, the range of
scores that reach the level; the ranges are contiguous, so each chart is written here as the
lowest score of each level. Every chart is a row of a :class:`~expressentry.dated.DatedTable`
keyed by the date the test was *taken*; every test has one chart so far (the TEF Canada's is
read from its "Équivalence ancien score" whatever the test date, policy P3).

**Levels.** A level is an ``int``: 4 to 10 as the chart gives it, where 10 means "10 or more"
(CELPIP 10, 11 and 12 all convert to CLB 10, as the charts say), or :data:`BELOW_LEVEL_4` (0)
for a score under the chart's level-4 row. No Express Entry rule tells levels under 4 apart
(the CRS gives 0 points for "less than CLB 4", every program asks for 4 or more), and most
charts stop at 4, so every test reports them alike. (The PTE Core page also lists a CLB 3 row;
it is not used.)

>>> from datetime import date
>>> level_for(TestKind.IELTS_GENERAL_TRAINING, Ability.LISTENING, 8.0, date(2025, 1, 1))
9
>>> level_for(TestKind.TCF_CANADA, Ability.WRITING, 3, date(2025, 1, 1))
0
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

import attrs

from expressentry.dated import Dated, DatedTable
from expressentry.language._citations import (
    LANGUAGE_RESULTS_PAGE,
    TEF_ANCIEN_SCORE,
    TEST_EQUIVALENCY_CHARTS,
)
from expressentry.language.scales import Ability, Language, TestKind, score_problem

if TYPE_CHECKING:
    from expressentry.model import LanguageTest

__all__ = [
    "BELOW_LEVEL_4",
    "BENCHMARK_TOP",
    "HIGHEST_LEVEL",
    "LEVEL_CHARTS",
    "LOWEST_LEVEL",
    "LanguageLevels",
    "LevelChart",
    "benchmark_name",
    "chart_level",
    "describe_level",
    "level_figure",
    "level_for",
    "levels_of",
]

BELOW_LEVEL_4 = 0
"""The level reported for a score below the chart's level-4 row ("less than CLB 4")."""

LOWEST_LEVEL = 4
"""The lowest level an equivalency chart gives."""

HIGHEST_LEVEL = 10
"""The highest level an equivalency chart gives; it means "10 or more"."""

BENCHMARK_TOP = 12
"""The top of the Canadian Language Benchmarks; a level built by hand may go up to it."""

_CHART_LEVELS = tuple(range(LOWEST_LEVEL, HIGHEST_LEVEL + 1))


def chart_level(level: int) -> int:
    """``level`` as the charts and the points tables see it: 0 below 4, at most 10.

    Converted levels are already chart levels; a level built by hand (a CLB 3 or 12 in a what-if)
    is not, and every rule treats it like this.

    >>> chart_level(3), chart_level(7), chart_level(12)
    (0, 7, 10)
    """
    if level < LOWEST_LEVEL:
        return BELOW_LEVEL_4
    return min(level, HIGHEST_LEVEL)


def benchmark_name(language: Language) -> str:
    """The name of the benchmark for ``language``: ``"CLB"`` (English) or ``"NCLC"`` (French).

    >>> benchmark_name(Language.FRENCH)
    'NCLC'
    """
    return "CLB" if language is Language.ENGLISH else "NCLC"


def describe_level(level: int, language: Language) -> str:
    """A level in words, e.g. ``"CLB 7"`` or ``"below NCLC 4"``.

    >>> describe_level(7, Language.ENGLISH), describe_level(BELOW_LEVEL_4, Language.FRENCH)
    ('CLB 7', 'below NCLC 4')
    """
    name = benchmark_name(language)
    if level < LOWEST_LEVEL:
        return f"below {name} {LOWEST_LEVEL}"
    return f"{name} {level}"


def _check_minimums(
    instance: LevelChart,
    attribute: attrs.Attribute[Mapping[Ability, tuple[float, ...]]],
    minimums: Mapping[Ability, tuple[float, ...]],
) -> None:
    if set(minimums) != set(Ability):
        raise ValueError(f"chart {instance.name!r} must give every ability")
    for ability, scores in minimums.items():
        if len(scores) != len(_CHART_LEVELS):
            raise ValueError(
                f"chart {instance.name!r}, {ability.value}: expected one lowest score for each "
                f"of levels {LOWEST_LEVEL} to {HIGHEST_LEVEL}, got {len(scores)}"
            )
        if any(not lower < higher for lower, higher in pairwise(scores)):
            raise ValueError(
                f"chart {instance.name!r}, {ability.value}: the lowest scores must rise with "
                f"the level, got {scores}"
            )


@attrs.frozen
class LevelChart:
    """One equivalency chart: per ability, the lowest score of each level, 4 to 10.

    >>> chart = LevelChart.uniform("Example", (4, 5, 6, 7, 8, 9, 10))
    >>> chart.level(Ability.READING, 7), chart.level(Ability.READING, 3)
    (7, 0)
    >>> chart.lowest_score(Ability.READING, 10)
    10
    """

    name: str
    minimums: Mapping[Ability, tuple[float, ...]] = attrs.field(validator=_check_minimums)

    @classmethod
    def from_rows(
        cls,
        name: str,
        *,
        reading: tuple[float, ...],
        writing: tuple[float, ...],
        listening: tuple[float, ...],
        speaking: tuple[float, ...],
    ) -> LevelChart:
        """A chart written as IRCC prints it: each ability's lowest scores from level 10 down."""
        columns = {
            Ability.READING: reading,
            Ability.WRITING: writing,
            Ability.LISTENING: listening,
            Ability.SPEAKING: speaking,
        }
        return cls(name, {ability: column[::-1] for ability, column in columns.items()})

    @classmethod
    def uniform(cls, name: str, minimums: tuple[float, ...]) -> LevelChart:
        """A chart with the same lowest scores, from level 4 up, in every ability."""
        return cls(name, dict.fromkeys(Ability, minimums))

    def level(self, ability: Ability, score: float) -> int:
        """The level ``score`` reaches in ``ability``; :data:`BELOW_LEVEL_4` under the chart."""
        reached = bisect_right(self.minimums[ability], score)
        return BELOW_LEVEL_4 if reached == 0 else LOWEST_LEVEL + reached - 1

    def lowest_score(self, ability: Ability, level: int) -> float:
        """The lowest score that reaches ``level`` (4 to 10) in ``ability``."""
        return self.minimums[ability][level - LOWEST_LEVEL]


# rules.md §5.4: each CELPIP level is the same CLB level; 10, 11 and 12 are all CLB 10.
_CELPIP = LevelChart.uniform("CELPIP-General → CLB", (4, 5, 6, 7, 8, 9, 10))

# rules.md §5.5, the lowest band of each CLB level.
_IELTS = LevelChart.from_rows(
    "IELTS General Training → CLB",
    reading=(8.0, 7.0, 6.5, 6.0, 5.0, 4.0, 3.5),
    writing=(7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0),
    listening=(8.5, 8.0, 7.5, 6.0, 5.5, 5.0, 4.5),
    speaking=(7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0),
)

# rules.md §5.6, the lower end of each CLB range.
_PTE_CORE = LevelChart.from_rows(
    "PTE Core → CLB",
    reading=(88, 78, 69, 60, 51, 42, 33),
    writing=(90, 88, 79, 69, 60, 51, 41),
    listening=(89, 82, 71, 60, 50, 39, 28),
    speaking=(89, 84, 76, 68, 59, 51, 42),
)

# rules.md §5.7 (c): the old scale (listening 0-360, reading 0-300, speaking and writing 0-450),
# which Express Entry reads whatever the test date: a certificate since 2019-10-01 gives the
# result on it too, as its "Équivalence ancien score" (policy P3; IRCC, TEF_ANCIEN_SCORE). The
# 0-699 charts of §5.7 (a) and (b) are the post-graduation work permit's, not Express Entry's.
_TEF = LevelChart.from_rows(
    'TEF Canada → NCLC (the "Équivalence ancien score")',
    reading=(263, 248, 233, 207, 181, 151, 121),
    writing=(393, 371, 349, 310, 271, 226, 181),
    listening=(316, 298, 280, 249, 217, 181, 145),
    speaking=(393, 371, 349, 310, 271, 226, 181),
)

# rules.md §5.8: reading and listening 0-699, writing and speaking 0-20.
_TCF = LevelChart.from_rows(
    "TCF Canada → NCLC",
    reading=(549, 524, 499, 453, 406, 375, 342),
    writing=(16, 14, 12, 10, 7, 6, 4),
    listening=(549, 523, 503, 458, 398, 369, 331),
    speaking=(16, 14, 12, 10, 7, 6, 4),
)

LEVEL_CHARTS: Mapping[TestKind, DatedTable[LevelChart]] = {
    TestKind.IELTS_GENERAL_TRAINING: DatedTable(
        "IELTS General Training → CLB, by test date",
        (Dated(date.min, _IELTS, TEST_EQUIVALENCY_CHARTS),),
    ),
    TestKind.CELPIP_GENERAL: DatedTable(
        "CELPIP-General → CLB, by test date",
        (Dated(date.min, _CELPIP, TEST_EQUIVALENCY_CHARTS),),
    ),
    # Express Entry accepts PTE Core only from 2024-01-30; that is an acceptance rule
    # (validity.ACCEPTED_TESTS), not a property of the chart, so the chart has no start date.
    TestKind.PTE_CORE: DatedTable(
        "PTE Core → CLB, by test date",
        (Dated(date.min, _PTE_CORE, LANGUAGE_RESULTS_PAGE),),
    ),
    # Policy P3: one chart, the old scale's, whatever the date the test was taken.
    TestKind.TEF_CANADA: DatedTable(
        "TEF Canada → NCLC, by test date (policy P3)",
        (Dated(date.min, _TEF, TEF_ANCIEN_SCORE),),
    ),
    TestKind.TCF_CANADA: DatedTable(
        "TCF Canada → NCLC, by test date",
        (Dated(date.min, _TCF, TEST_EQUIVALENCY_CHARTS),),
    ),
}
"""The equivalency chart of each test, keyed by the date the test was taken."""


def level_for(kind: TestKind, ability: Ability, score: float, test_date: date) -> int:
    """The CLB or NCLC level of one ``score`` in ``ability`` of a ``kind`` test.

    A TEF Canada score is its "Équivalence ancien score", whatever the test date (policy P3):

    >>> from datetime import date
    >>> level_for(TestKind.TEF_CANADA, Ability.READING, 207, date(2019, 9, 30))
    7
    >>> level_for(TestKind.TEF_CANADA, Ability.READING, 207, date(2024, 5, 2))
    7

    A score the test cannot report is refused, with the reason:

    >>> level_for(TestKind.IELTS_GENERAL_TRAINING, Ability.READING, 6.25, date(2025, 1, 1))
    Traceback (most recent call last):
    ...
    ValueError: 6.25 is not an IELTS General Training band (0 to 9 in steps of 0.5)
    """
    problem = score_problem(kind, ability, score, test_date)
    if problem is not None:
        raise ValueError(problem)
    return LEVEL_CHARTS[kind].at(test_date).level(ability, score)


def _check_level(instance: LanguageLevels, attribute: attrs.Attribute[int], level: int) -> None:
    if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= BENCHMARK_TOP:
        raise ValueError(
            f"{attribute.name}: {level!r} is not a level; expected a whole number from 0 to "
            f"{BENCHMARK_TOP}"
        )


@attrs.frozen(kw_only=True)
class LanguageLevels:
    """The CLB (English) or NCLC (French) level of each ability of one test.

    A converted level is 4 to 10 (10 meaning "10 or more") or :data:`BELOW_LEVEL_4`. Levels
    built by hand (what-if scenarios) may be any whole number from 0 to 12; the rules read them
    through :func:`chart_level`.

    >>> levels = LanguageLevels(
    ...     language=Language.ENGLISH, listening=9, reading=9, writing=7, speaking=8
    ... )
    >>> levels.lowest, levels.all_at_least(7), levels.all_at_least(8)
    (7, True, False)
    >>> str(levels)
    'CLB L 9, R 9, W 7, S 8'
    """

    language: Language
    listening: int = attrs.field(validator=_check_level)
    reading: int = attrs.field(validator=_check_level)
    writing: int = attrs.field(validator=_check_level)
    speaking: int = attrs.field(validator=_check_level)

    def of(self, ability: Ability) -> int:
        """The level of ``ability``."""
        # _value_ is the field name; the .value property costs more than the lookup itself.
        level: int = getattr(self, ability._value_)
        return level

    @property
    def four(self) -> tuple[int, int, int, int]:
        """The four levels in the order of :class:`Ability`: L, R, W, S."""
        return (self.listening, self.reading, self.writing, self.speaking)

    lowest: int = attrs.field(init=False, eq=False, repr=False)
    """The lowest of the four levels (kept: the rules read it many times a candidate)."""

    def __attrs_post_init__(self) -> None:
        # After the validators: the levels are whole numbers by now.
        lowest = min(self.listening, self.reading, self.writing, self.speaking)
        object.__setattr__(self, "lowest", lowest)

    def all_at_least(self, level: int) -> bool:
        """Whether every ability reaches ``level`` (the programs' "CLB 7 in all four")."""
        return self.lowest >= level

    @property
    def benchmark(self) -> str:
        """``"CLB"`` or ``"NCLC"``."""
        return benchmark_name(self.language)

    def __str__(self) -> str:
        # The abilities in the order of Ability, written out: explanations write this often.
        # A level below 4 is kept as 0 (BELOW_LEVEL_4), and said as what it is.
        return (
            f"{benchmark_name(self.language)} L {level_figure(self.listening)}, "
            f"R {level_figure(self.reading)}, W {level_figure(self.writing)}, "
            f"S {level_figure(self.speaking)}"
        )


def level_figure(level: int) -> str:
    """A level as :meth:`LanguageLevels.__str__` and the CRS lines write it: ``"7"``, or
    ``"below 4"`` for :data:`BELOW_LEVEL_4` (a level given as such, 3 say, is written as given).

    >>> level_figure(7), level_figure(BELOW_LEVEL_4)
    ('7', 'below 4')
    """
    return f"below {LOWEST_LEVEL}" if level == BELOW_LEVEL_4 else str(level)


def levels_of(test: LanguageTest) -> LanguageLevels:
    """The level of each ability of ``test``, through the chart in force on its test date.

    >>> from datetime import date
    >>> from expressentry.model import AbilityScores, LanguageTest
    >>> test = LanguageTest(
    ...     kind=TestKind.IELTS_GENERAL_TRAINING,
    ...     test_date=date(2025, 3, 1),
    ...     scores=AbilityScores(listening=8.0, reading=7.0, writing=7.0, speaking=7.0),
    ... )
    >>> str(levels_of(test))
    'CLB L 9, R 9, W 9, S 9'
    """
    return _conversion(test)[0]


def _conversion(test: LanguageTest) -> tuple[LanguageLevels, Dated[LevelChart]]:
    """The levels of ``test`` and the chart row that gave them (for :func:`levels_of` and the
    assessment of a test, which names its chart)."""
    entry = LEVEL_CHARTS[test.kind].entry_at(test.test_date)
    scores = test.scores
    return _converted(
        test.kind,
        entry.start,
        scores.listening,
        scores.reading,
        scores.writing,
        scores.speaking,
    ), entry


@lru_cache(maxsize=65536)  # about 10 MB when full; IELTS alone has 6,561 sets of four bands
def _converted(
    kind: TestKind,
    chart_from: date,
    listening: float,
    reading: float,
    writing: float,
    speaking: float,
) -> LanguageLevels:
    """Memo of the conversion, by kind, chart row and scores: in a pool many candidates share
    a result, and the levels are immutable."""
    chart = LEVEL_CHARTS[kind].at(chart_from)
    return LanguageLevels(
        language=kind.language,
        listening=chart.level(Ability.LISTENING, listening),
        reading=chart.level(Ability.READING, reading),
        writing=chart.level(Ability.WRITING, writing),
        speaking=chart.level(Ability.SPEAKING, speaking),
    )
