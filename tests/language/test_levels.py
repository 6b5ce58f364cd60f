"""The equivalency charts: every band edge, the published cross-checks, and their invariants."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.dated import DatedTable
from expressentry.language import (
    ACCEPTED_TESTS,
    BELOW_LEVEL_4,
    HIGHEST_LEVEL,
    LEVEL_CHARTS,
    LOWEST_LEVEL,
    RESULT_VALIDITY_YEARS,
    TEF_CANADA_SCALES,
    Ability,
    Language,
    LanguageLevels,
    LevelChart,
    Scale,
    TestKind,
    assess_test,
    chart_level,
    describe_level,
    level_for,
    levels_of,
    scale_for,
)
from expressentry.model import AbilityScores, LanguageTest

MakeTest = Callable[..., LanguageTest]


# Every (test kind, chart row) of every dated table, with the first day the row applies.
CHART_ROWS = [
    pytest.param(kind, row.start, row.value, id=f"{kind.value}-{row.start.isoformat()}")
    for kind, table in LEVEL_CHARTS.items()
    for row in table
]

# Every band edge: the lowest score of each level, in each ability, of each chart row.
BAND_EDGES = [
    pytest.param(
        kind,
        row.start,
        ability,
        level,
        row.value.lowest_score(ability, level),
        id=f"{kind.value}-{row.start.isoformat()}-{ability.value}-{level}",
    )
    for kind, table in LEVEL_CHARTS.items()
    for row in table
    for ability in Ability
    for level in range(LOWEST_LEVEL, HIGHEST_LEVEL + 1)
]


def _just_below(score: float, scale: Scale) -> float:
    return float(Decimal(str(score)) - scale.step)


@pytest.mark.parametrize(("kind", "test_date", "ability", "level", "lowest"), BAND_EDGES)
def test_band_edge(
    kind: TestKind, test_date: date, ability: Ability, level: int, lowest: float
) -> None:
    scale = scale_for(kind, ability, test_date)
    below = _just_below(lowest, scale)
    assert scale.contains(lowest)
    assert scale.contains(below)
    assert level_for(kind, ability, lowest, test_date) == level
    expected_below = level - 1 if level > LOWEST_LEVEL else BELOW_LEVEL_4
    assert level_for(kind, ability, below, test_date) == expected_below


@pytest.mark.parametrize(("kind", "test_date", "chart"), CHART_ROWS)
def test_chart_spans_its_scale(kind: TestKind, test_date: date, chart: LevelChart) -> None:
    # The top of every scale is the top level and the bottom is below level 4.
    for ability in Ability:
        scale = scale_for(kind, ability, test_date)
        assert chart.level(ability, float(scale.maximum)) == HIGHEST_LEVEL
        assert chart.level(ability, float(scale.minimum)) == BELOW_LEVEL_4


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        pytest.param((331, 342, 4, 4), 4, id="level 4 in each"),
        pytest.param((330, 341, 3, 3), BELOW_LEVEL_4, id="below 4 in each"),
        pytest.param((549, 549, 16, 16), 10, id="level 10 in each"),
    ],
)
def test_tcf_canada_cross_checks(
    make_test: MakeTest, scores: tuple[int, int, int, int], expected: int
) -> None:
    test = make_test(TestKind.TCF_CANADA, scores, test_date=date(2025, 5, 1))
    assert levels_of(test) == LanguageLevels(
        language=Language.FRENCH,
        listening=expected,
        reading=expected,
        writing=expected,
        speaking=expected,
    )


def test_ielts_cross_check(make_test: MakeTest) -> None:
    test = make_test(
        TestKind.IELTS_GENERAL_TRAINING, (8.0, 7.0, 7.0, 7.0), test_date=date(2025, 5, 1)
    )
    levels = levels_of(test)
    assert (levels.language, levels.lowest, levels.all_at_least(9)) == (Language.ENGLISH, 9, True)
    assert str(levels) == "CLB L 9, R 9, W 9, S 9"


def test_a_level_below_4_is_written_as_below_4() -> None:
    # Kept as 0 (BELOW_LEVEL_4): a CELPIP 3 is CLB 3, not CLB 0 (rules.md §5.4).
    levels = LanguageLevels(
        language=Language.FRENCH, listening=0, reading=4, writing=0, speaking=12
    )
    assert str(levels) == "NCLC L below 4, R 4, W below 4, S 12"


def test_celpip_levels_above_10_are_clb_10(make_test: MakeTest) -> None:
    test = make_test(TestKind.CELPIP_GENERAL, (12, 11, 10, 3), test_date=date(2025, 5, 1))
    assert str(levels_of(test)) == "CLB L 10, R 10, W 10, S below 4"


@pytest.mark.parametrize(
    "taken", [date(2019, 9, 30), date(2019, 10, 1), date(2023, 12, 10), date(2023, 12, 11)]
)
def test_a_tef_score_is_its_ancien_score_whatever_the_test_date(
    make_test: MakeTest, taken: date
) -> None:
    # Policy P3 as IRCC decides it for Express Entry (language._citations.TEF_ANCIEN_SCORE):
    # the research notes changed chart on 2019-10-01 and 2023-12-11; no chart changes.
    test = make_test(TestKind.TEF_CANADA, (300,) * 4, test_date=taken)
    assert str(levels_of(test)) == "NCLC L 9, R 10, W 6, S 6"
    assert assess_test(test, date(2024, 6, 1)).chart == (
        'TEF Canada → NCLC (the "Équivalence ancien score")'
    )


def test_every_chart_has_one_row_so_far() -> None:
    # No chart changes on any day (the TEF Canada's, which the research notes dated three
    # times, included): a new row will need its day-before and day-of tests.
    assert {kind: len(table) for kind, table in LEVEL_CHARTS.items()} == dict.fromkeys(TestKind, 1)
    assert (
        LEVEL_CHARTS[TestKind.TEF_CANADA]
        .citation_at(date(2025, 1, 1))
        .url.endswith("franco-immigration/eligibility/language-test.html")
    )


# Every dated table of the language rules, for the citation check.
LANGUAGE_TABLES: list[DatedTable[Any]] = [
    *LEVEL_CHARTS.values(),
    ACCEPTED_TESTS,
    RESULT_VALIDITY_YEARS,
    TEF_CANADA_SCALES,
]


@pytest.mark.parametrize("table", LANGUAGE_TABLES, ids=lambda table: table.name)
def test_every_row_cites_a_public_source(table: DatedTable[Any]) -> None:
    for row in table:
        assert row.citation.instrument
        assert row.citation.provision
        assert row.citation.url.startswith("https://")


def test_describe_level() -> None:
    assert describe_level(10, Language.ENGLISH) == "CLB 10"
    assert describe_level(3, Language.FRENCH) == "below NCLC 4"


@pytest.mark.parametrize("level", [-1, 13, True, 7.0])
def test_levels_outside_the_benchmarks_are_refused(level: int) -> None:
    with pytest.raises(ValueError, match=f"writing: {level!r} is not a level"):
        LanguageLevels(
            language=Language.ENGLISH, listening=4, reading=4, writing=level, speaking=4
        )


def test_hand_built_levels_read_as_chart_levels() -> None:
    levels = LanguageLevels(
        language=Language.ENGLISH, listening=3, reading=12, writing=11, speaking=4
    )
    assert [chart_level(levels.of(ability)) for ability in Ability] == [0, 10, 10, 4]
    assert levels.lowest == 3


def test_levels_of_and_lowest() -> None:
    levels = LanguageLevels(
        language=Language.FRENCH, listening=5, reading=BELOW_LEVEL_4, writing=7, speaking=6
    )
    assert [levels.of(ability) for ability in Ability] == [5, BELOW_LEVEL_4, 7, 6]
    assert levels.lowest == BELOW_LEVEL_4
    assert not levels.all_at_least(LOWEST_LEVEL)
    assert levels.benchmark == "NCLC"


@pytest.mark.parametrize(
    ("minimums", "message"),
    [
        pytest.param({Ability.READING: (1, 2, 3, 4, 5, 6, 7)}, "every ability", id="missing"),
        pytest.param(dict.fromkeys(Ability, (1, 2, 3)), "got 3", id="too short"),
        pytest.param(dict.fromkeys(Ability, (1, 2, 3, 3, 5, 6, 7)), "must rise", id="flat"),
    ],
)
def test_malformed_charts_are_refused(
    minimums: dict[Ability, tuple[float, ...]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        LevelChart("Broken", minimums)


# -- properties --------------------------------------------------------------------------------

# A test date in each era of every chart (the eras are the rows of the dated tables).
_ERA_STARTS = sorted({row.start for table in LEVEL_CHARTS.values() for row in table})
_TEST_DATES = st.one_of(
    st.sampled_from(_ERA_STARTS),
    st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),
)


@st.composite
def _valid_scores(
    draw: st.DrawFn, kind: TestKind, ability: Ability, test_date: date
) -> tuple[float, float]:
    """Two valid scores on the scale, the first no higher than the second."""
    scale = scale_for(kind, ability, test_date)
    steps = int((scale.maximum - scale.minimum) / scale.step)
    low, high = sorted(draw(st.integers(0, steps)) for _ in range(2))
    return float(scale.minimum + low * scale.step), float(scale.minimum + high * scale.step)


@given(data=st.data(), kind=st.sampled_from(TestKind), ability=st.sampled_from(Ability))
def test_level_never_decreases_when_the_score_increases(
    data: st.DataObject, kind: TestKind, ability: Ability
) -> None:
    test_date = data.draw(_TEST_DATES)
    low, high = data.draw(_valid_scores(kind, ability, test_date))
    assert level_for(kind, ability, low, test_date) <= level_for(kind, ability, high, test_date)


@given(data=st.data(), kind=st.sampled_from(TestKind))
def test_every_valid_score_converts(data: st.DataObject, kind: TestKind) -> None:
    test_date = data.draw(_TEST_DATES)
    scores = {
        ability: data.draw(_valid_scores(kind, ability, test_date))[0] for ability in Ability
    }
    test = LanguageTest(
        kind=kind,
        test_date=test_date,
        scores=AbilityScores(**{ability.value: score for ability, score in scores.items()}),
    )
    levels = levels_of(test)
    allowed = {BELOW_LEVEL_4, *range(LOWEST_LEVEL, HIGHEST_LEVEL + 1)}
    assert all(levels.of(ability) in allowed for ability in Ability)
    assert levels.language is kind.language
