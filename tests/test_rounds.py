"""The history of rounds of invitations, generated from IRCC's feed (rules.md §10)."""

from __future__ import annotations

from datetime import date

import pytest

from expressentry.rounds import ROUNDS, Round, RoundKind, rounds_between


def test_the_history_from_the_first_round_to_the_last_in_the_data() -> None:
    # SOURCES.md: 435 rounds, #1 on 2015-01-31 to #434 on 2026-08-07; #91 as 91a and 91b.
    assert len(ROUNDS) == 435
    assert (ROUNDS[0].number, ROUNDS[0].date) == ("1", date(2015, 1, 31))
    assert (ROUNDS[-1].number, ROUNDS[-1].date) == ("434", date(2026, 8, 7))
    assert [r.date for r in ROUNDS] == sorted(r.date for r in ROUNDS)
    assert len({r.number for r in ROUNDS}) == 435
    assert {"91a", "91b"} <= {r.number for r in ROUNDS}
    assert all(r.invitations > 0 and 0 < r.lowest_crs <= 1200 for r in ROUNDS)


def test_figures_read_from_strings_with_thousands_separators() -> None:
    biggest = max(ROUNDS, key=lambda r: r.invitations)
    assert biggest.invitations > 1000  # "27,332" in the feed, not 27
    by_number = {r.number: r for r in ROUNDS}
    first = by_number["1"]
    assert (first.name, first.invitations, first.lowest_crs) == ("No Program Specified", 779, 886)
    assert first.programs == ("FSW", "CEC", "FST", "PNP")


@pytest.mark.parametrize(
    ("number", "kind", "programs"),
    [
        ("1", RoundKind.GENERAL, ("FSW", "CEC", "FST", "PNP")),
        ("3", RoundKind.CANADIAN_EXPERIENCE_CLASS, ("CEC",)),
        ("91a", RoundKind.FEDERAL_SKILLED_TRADES, ("FST",)),
        ("91b", RoundKind.PROVINCIAL_NOMINEE_PROGRAM, ("PNP",)),
        ("434", RoundKind.CATEGORY, ("FSW", "CEC", "FST")),
    ],
)
def test_each_round_has_its_kind_and_programs(
    number: str, kind: RoundKind, programs: tuple[str, ...]
) -> None:
    found = next(r for r in ROUNDS if r.number == number)
    assert (found.kind, found.programs) == (kind, programs)


def test_every_kind_occurs_and_general_rounds_cover_every_program() -> None:
    assert {r.kind for r in ROUNDS} == set(RoundKind)
    for r in ROUNDS:
        if r.kind is RoundKind.GENERAL:
            assert r.programs == ("FSW", "CEC", "FST", "PNP")
        if r.kind is RoundKind.PROVINCIAL_NOMINEE_PROGRAM:
            assert r.programs == ("PNP",)


def test_a_score_clears_a_round_above_its_lowest_score() -> None:
    round_ = Round("1", date(2015, 1, 31), "General", RoundKind.GENERAL, 10, 450, ("FSW",))
    assert round_.cleared_by(451) is True
    assert round_.cleared_by(450) is None  # the tie-breaking time decides
    assert round_.cleared_by(449) is False


def test_rounds_between_includes_both_days_and_filters_by_kind() -> None:
    day = date(2018, 5, 30)
    assert [r.number for r in rounds_between(day, day)] == ["91a", "91b"]
    assert rounds_between(date(2018, 5, 31), date(2018, 6, 12)) == ()
    assert [
        r.number for r in rounds_between(day, day, kinds=[RoundKind.FEDERAL_SKILLED_TRADES])
    ] == ["91a"]
    assert len(rounds_between(date(2015, 1, 1), date(2026, 12, 31))) == len(ROUNDS)


def test_kinds_given_as_strings_are_refused() -> None:
    # Found by an independent check: ["category"] matched no round and answered ().
    with pytest.raises(TypeError, match="RoundKind members"):
        rounds_between(date(2025, 1, 1), date(2025, 12, 31), kinds=["category"])  # type: ignore[list-item]


@pytest.mark.parametrize("score", [True, 470.5, "470", None])
def test_a_round_is_cleared_by_a_whole_crs_total_only(score: object) -> None:
    # Found by an API audit (helper-80): True was read as 1, 470.5 was taken.
    with pytest.raises(TypeError, match="a CRS score is a whole number"):
        ROUNDS[-1].cleared_by(score)  # type: ignore[arg-type]
