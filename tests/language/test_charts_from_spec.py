"""The equivalency charts checked against the spec, not against the engine's own charts.

Every table below is copied by hand from rules.md §5.4-§5.8 (each cites its section), so a
wrong cell in ``expressentry.language.levels`` is caught: for every test kind, era, ability
and level, the lowest score of the level gives the level, and the score just below it (the
previous score on the scale) gives the level below, or "below CLB/NCLC 4" at the bottom.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest

from expressentry.language import (
    BELOW_LEVEL_4,
    Ability,
    TestKind,
    benchmark_name,
    level_for,
    scale_for,
)

L = Ability.LISTENING
R = Ability.READING
W = Ability.WRITING
S = Ability.SPEAKING

Row = tuple[int, float, float]
"""One row of a chart as the spec prints it: (level, lowest score, highest score)."""


@dataclass(frozen=True)
class SpecChart:
    """One conversion table of the spec, with the test dates it is checked on."""

    kind: TestKind
    era: str
    test_dates: tuple[date, ...]
    step: Decimal
    scale: Mapping[Ability, tuple[float, float]]
    """Per ability, the (lowest, highest) score of the scale, as the spec gives it."""
    rows: Mapping[Ability, tuple[Row, ...]]
    """Per ability, the rows from level 10 down, as the spec prints them."""


# A date inside each era that has only one chart.
ANY_DATE = (date(2025, 5, 1),)

# rules.md §5.4: "Each CELPIP level equals the same CLB level: CLB 10 = 10 (10-12 counts as
# 10+), 9 = 9, 8 = 8, 7 = 7, 6 = 6, 5 = 5, 4 = 4, in every ability." Scale 0-12.
_CELPIP_ROWS: tuple[Row, ...] = (
    (10, 10, 12),
    (9, 9, 9),
    (8, 8, 8),
    (7, 7, 7),
    (6, 6, 6),
    (5, 5, 5),
    (4, 4, 4),
)
CELPIP = SpecChart(
    kind=TestKind.CELPIP_GENERAL,
    era="all",
    test_dates=ANY_DATE,
    step=Decimal(1),
    scale={L: (0, 12), R: (0, 12), W: (0, 12), S: (0, 12)},
    rows={L: _CELPIP_ROWS, R: _CELPIP_ROWS, W: _CELPIP_ROWS, S: _CELPIP_ROWS},
)

# rules.md §5.5: IELTS General Training -> CLB, minimum band per ability (bands 0-9 by 0.5).
# The spec gives only the minimum band; the highest band of a level is the next level's
# minimum minus 0.5, and 9.0 for CLB 10.
IELTS = SpecChart(
    kind=TestKind.IELTS_GENERAL_TRAINING,
    era="all",
    test_dates=ANY_DATE,
    step=Decimal("0.5"),
    scale={L: (0.0, 9.0), R: (0.0, 9.0), W: (0.0, 9.0), S: (0.0, 9.0)},
    rows={
        R: (
            (10, 8.0, 9.0),
            (9, 7.0, 7.5),
            (8, 6.5, 6.5),
            (7, 6.0, 6.0),
            (6, 5.0, 5.5),
            (5, 4.0, 4.5),
            (4, 3.5, 3.5),
        ),
        W: (
            (10, 7.5, 9.0),
            (9, 7.0, 7.0),
            (8, 6.5, 6.5),
            (7, 6.0, 6.0),
            (6, 5.5, 5.5),
            (5, 5.0, 5.0),
            (4, 4.0, 4.5),
        ),
        L: (
            (10, 8.5, 9.0),
            (9, 8.0, 8.0),
            (8, 7.5, 7.5),
            (7, 6.0, 7.0),
            (6, 5.5, 5.5),
            (5, 5.0, 5.0),
            (4, 4.5, 4.5),
        ),
        S: (
            (10, 7.5, 9.0),
            (9, 7.0, 7.0),
            (8, 6.5, 6.5),
            (7, 6.0, 6.0),
            (6, 5.5, 5.5),
            (5, 5.0, 5.0),
            (4, 4.0, 4.5),
        ),
    },
)

# rules.md §5.6: PTE Core -> CLB, score ranges on the 10-90 scale. The CLB 3 row is printed
# too; the engine reports every level under 4 as "below CLB 4".
PTE_CORE = SpecChart(
    kind=TestKind.PTE_CORE,
    era="all",
    test_dates=ANY_DATE,
    step=Decimal(1),
    scale={L: (10, 90), R: (10, 90), W: (10, 90), S: (10, 90)},
    rows={
        R: (
            (10, 88, 90),
            (9, 78, 87),
            (8, 69, 77),
            (7, 60, 68),
            (6, 51, 59),
            (5, 42, 50),
            (4, 33, 41),
            (3, 24, 32),
        ),
        W: (
            (10, 90, 90),
            (9, 88, 89),
            (8, 79, 87),
            (7, 69, 78),
            (6, 60, 68),
            (5, 51, 59),
            (4, 41, 50),
            (3, 32, 40),
        ),
        L: (
            (10, 89, 90),
            (9, 82, 88),
            (8, 71, 81),
            (7, 60, 70),
            (6, 50, 59),
            (5, 39, 49),
            (4, 28, 38),
            (3, 18, 27),
        ),
        S: (
            (10, 89, 90),
            (9, 84, 88),
            (8, 76, 83),
            (7, 68, 75),
            (6, 59, 67),
            (5, 51, 58),
            (4, 42, 50),
            (3, 34, 41),
        ),
    },
)

# rules.md §5.7 (c): TEF Canada old scale (listening 0-360, reading 0-300, speaking/writing
# 0-450). Policy P3 as IRCC decides it for Express Entry: the certificate's "Équivalence ancien
# score", read with this chart whatever the test date (the spec's 0-699 charts of §5.7 (a) and
# (b) are the post-graduation work permit's, language._citations.TEF_ANCIEN_SCORE).
_TEF_OLD_WRITING_SPEAKING: tuple[Row, ...] = (
    (10, 393, 450),
    (9, 371, 392),
    (8, 349, 370),
    (7, 310, 348),
    (6, 271, 309),
    (5, 226, 270),
    (4, 181, 225),
)
TEF_OLD = SpecChart(
    kind=TestKind.TEF_CANADA,
    era="old scale",
    test_dates=(
        date(2015, 1, 1),
        date(2019, 9, 30),
        date(2019, 10, 1),
        date(2023, 12, 10),
        date(2023, 12, 11),
        date(2025, 5, 1),
    ),
    step=Decimal(1),
    scale={L: (0, 360), R: (0, 300), W: (0, 450), S: (0, 450)},
    rows={
        R: (
            (10, 263, 300),
            (9, 248, 262),
            (8, 233, 247),
            (7, 207, 232),
            (6, 181, 206),
            (5, 151, 180),
            (4, 121, 150),
        ),
        W: _TEF_OLD_WRITING_SPEAKING,
        L: (
            (10, 316, 360),
            (9, 298, 315),
            (8, 280, 297),
            (7, 249, 279),
            (6, 217, 248),
            (5, 181, 216),
            (4, 145, 180),
        ),
        S: _TEF_OLD_WRITING_SPEAKING,
    },
)

# rules.md §5.8: TCF Canada -> NCLC; reading and listening 0-699, writing and speaking 0-20.
_TCF_WRITING_SPEAKING: tuple[Row, ...] = (
    (10, 16, 20),
    (9, 14, 15),
    (8, 12, 13),
    (7, 10, 11),
    (6, 7, 9),
    (5, 6, 6),
    (4, 4, 5),
)
TCF = SpecChart(
    kind=TestKind.TCF_CANADA,
    era="all",
    test_dates=ANY_DATE,
    step=Decimal(1),
    scale={L: (0, 699), R: (0, 699), W: (0, 20), S: (0, 20)},
    rows={
        R: (
            (10, 549, 699),
            (9, 524, 548),
            (8, 499, 523),
            (7, 453, 498),
            (6, 406, 452),
            (5, 375, 405),
            (4, 342, 374),
        ),
        W: _TCF_WRITING_SPEAKING,
        L: (
            (10, 549, 699),
            (9, 523, 548),
            (8, 503, 522),
            (7, 458, 502),
            (6, 398, 457),
            (5, 369, 397),
            (4, 331, 368),
        ),
        S: _TCF_WRITING_SPEAKING,
    },
)

SPEC_CHARTS = (CELPIP, IELTS, PTE_CORE, TEF_OLD, TCF)


def _expected(level: int) -> int:
    """The level the engine reports for a spec level: levels under 4 are "below 4"."""
    return BELOW_LEVEL_4 if level < 4 else level


def _previous(score: float, step: Decimal) -> float:
    """The score just below ``score`` on a scale of ``step``."""
    return float(Decimal(str(score)) - step)


def _id(chart: SpecChart, test_date: date, ability: Ability, level: int, score: float) -> str:
    """E.g. ``tef_canada-2019-10-01-listening-NCLC7-450`` or ``pte_core-...-below-CLB4-27``."""
    name = benchmark_name(chart.kind.language)
    shown_level = f"{name}{level}" if level >= 4 else f"below-{name}4"
    shown_score = f"{score:.1f}" if chart.step < 1 else f"{score:.0f}"
    return (
        f"{chart.kind.value}-{test_date.isoformat()}-{ability.value}-{shown_level}-{shown_score}"
    )


# Each (chart, date, ability, score, expected level) to check.
LOWEST_OF_LEVEL = [
    pytest.param(
        chart.kind,
        test_date,
        ability,
        lowest,
        _expected(level),
        id=_id(chart, test_date, ability, level, lowest),
    )
    for chart in SPEC_CHARTS
    for test_date in chart.test_dates
    for ability, rows in chart.rows.items()
    for level, lowest, _ in rows
]

JUST_BELOW_LEVEL = [
    pytest.param(
        chart.kind,
        test_date,
        ability,
        _previous(lowest, chart.step),
        _expected(level - 1),
        id=_id(chart, test_date, ability, level - 1, _previous(lowest, chart.step)),
    )
    for chart in SPEC_CHARTS
    for test_date in chart.test_dates
    for ability, rows in chart.rows.items()
    for level, lowest, _ in rows
    if _previous(lowest, chart.step) >= chart.scale[ability][0]
]

HIGHEST_OF_LEVEL = [
    pytest.param(
        chart.kind,
        test_date,
        ability,
        highest,
        _expected(level),
        id=_id(chart, test_date, ability, level, highest),
    )
    for chart in SPEC_CHARTS
    for test_date in chart.test_dates
    for ability, rows in chart.rows.items()
    for level, _, highest in rows
]

SCALE_ENDS = [
    pytest.param(
        chart.kind,
        test_date,
        ability,
        chart.scale[ability],
        id=f"{chart.kind.value}-{test_date.isoformat()}-{ability.value}",
    )
    for chart in SPEC_CHARTS
    for test_date in chart.test_dates
    for ability in Ability
]

TRANSCRIPTIONS = [
    pytest.param(chart, ability, id=f"{chart.kind.value}-{chart.era}-{ability.value}")
    for chart in SPEC_CHARTS
    for ability in Ability
]

ARGS = ("kind", "test_date", "ability", "score", "expected")


@pytest.mark.parametrize(ARGS, LOWEST_OF_LEVEL)
def test_lowest_score_of_a_level_gives_the_level(
    kind: TestKind, test_date: date, ability: Ability, score: float, expected: int
) -> None:
    assert scale_for(kind, ability, test_date).contains(score)
    assert level_for(kind, ability, score, test_date) == expected


@pytest.mark.parametrize(ARGS, JUST_BELOW_LEVEL)
def test_score_just_below_a_level_gives_the_level_below(
    kind: TestKind, test_date: date, ability: Ability, score: float, expected: int
) -> None:
    assert scale_for(kind, ability, test_date).contains(score)
    assert level_for(kind, ability, score, test_date) == expected


@pytest.mark.parametrize(ARGS, HIGHEST_OF_LEVEL)
def test_highest_score_of_a_level_gives_the_level(
    kind: TestKind, test_date: date, ability: Ability, score: float, expected: int
) -> None:
    assert scale_for(kind, ability, test_date).contains(score)
    assert level_for(kind, ability, score, test_date) == expected


@pytest.mark.parametrize(("kind", "test_date", "ability", "ends"), SCALE_ENDS)
def test_ends_of_the_scale(
    kind: TestKind, test_date: date, ability: Ability, ends: tuple[float, float]
) -> None:
    # The spec's scale is the engine's scale; its top is level 10, its bottom below 4.
    lowest, highest = ends
    scale = scale_for(kind, ability, test_date)
    assert (scale.minimum, scale.maximum) == (Decimal(str(lowest)), Decimal(str(highest)))
    assert level_for(kind, ability, highest, test_date) == 10
    assert level_for(kind, ability, lowest, test_date) == BELOW_LEVEL_4


@pytest.mark.parametrize(("chart", "ability"), TRANSCRIPTIONS)
def test_transcription_is_contiguous(chart: SpecChart, ability: Ability) -> None:
    # A check of the copy above, not of the engine: the rows run from level 10 down, each
    # ending one step below the next one up, and level 10 ends at the top of the scale.
    rows = chart.rows[ability]
    assert [level for level, _, _ in rows] == list(range(10, 10 - len(rows), -1))
    assert rows[0][2] == chart.scale[ability][1]
    for (_, lowest, highest), (_, _, highest_below) in pairwise(rows):
        assert lowest <= highest
        assert highest_below == _previous(lowest, chart.step)


def test_the_tef_chart_is_the_old_one_on_the_days_the_spec_changed_it() -> None:
    # Policy P3 (IRCC for Express Entry): one chart whatever the test date; the days the spec
    # changed chart (2019-10-01 and 2023-12-11) and the days before are among those checked.
    for day in (date(2019, 9, 30), date(2019, 10, 1), date(2023, 12, 10), date(2023, 12, 11)):
        assert day in TEF_OLD.test_dates
