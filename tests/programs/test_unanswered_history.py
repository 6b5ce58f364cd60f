"""A work history not answered is not an empty one (DESIGN: "not answered" is distinct from
"no"): absent or null, every experience rule is unknown and names ``$.work_history``; an empty
list says the person has never worked, and the rules are not met."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from expressentry import Candidate, assess, completeness, crs_for, from_dict, fsw_grid, to_dict
from expressentry.experience import Ledger
from expressentry.experience.queries import CEC as CEC_WORK
from expressentry.experience.queries import CRS_CANADIAN, FSW_ADAPTABILITY
from expressentry.experience.queries import FST as FST_WORK
from expressentry.facts import derive
from expressentry.model import (
    AbilityScores,
    LanguageTest,
    MaritalStatus,
    NocCode,
    Province,
    Spouse,
    TestKind,
    WorkHistory,
)
from expressentry.programs.fsw import FswGrid, GridLine
from expressentry.verdict import Outcome

ON = date(2026, 11, 29)
EXPERIENCE_RULES = {
    "FSW": ("fsw.experience.skilled", "fsw.experience.continuous_year"),
    "FST": ("fst.experience.trade_years",),
    "CEC": ("cec.experience.canadian_year",),
}
TEST = LanguageTest(
    kind=TestKind.CELPIP_GENERAL,
    test_date=date(2026, 1, 10),
    scores=AbilityScores(listening=9, reading=9, writing=9, speaking=9),
)


def grid_line(grid: FswGrid, item: str) -> GridLine:
    return next(line for line in grid.lines if line.item == item)


def candidate(**facts: object) -> Candidate:
    given: dict[str, Any] = {
        "birth_date": date(1994, 3, 1),
        "marital_status": MaritalStatus.NEVER_MARRIED,
        "intended_province": Province.ON,
        "language_tests": (TEST,),
    }
    return Candidate(**(given | facts))


@pytest.mark.parametrize(("program", "rule_ids"), sorted(EXPERIENCE_RULES.items()))
def test_an_absent_history_leaves_experience_unknown_and_names_it(program, rule_ids):
    verdict = assess(candidate(), on=ON).programs[program]
    for rule_id in rule_ids:
        finding = verdict.finding(rule_id)
        assert finding.outcome is Outcome.UNKNOWN, rule_id
        assert "$.work_history" in finding.missing
        assert "The work history is not given" in finding.sentence
    assert "$.work_history" in verdict.missing_facts


@pytest.mark.parametrize(("program", "rule_ids"), sorted(EXPERIENCE_RULES.items()))
def test_an_empty_history_says_there_is_no_work(program, rule_ids):
    verdict = assess(candidate(work_history=WorkHistory()), on=ON).programs[program]
    for rule_id in rule_ids:
        finding = verdict.finding(rule_id)
        assert "not given" not in finding.sentence
        if rule_id == "fsw.experience.skilled":
            # Whether the primary occupation is skilled: no work names one, the candidate may.
            assert finding.outcome is Outcome.UNKNOWN
            assert finding.missing == ("$.primary_occupation",)
            continue
        assert finding.outcome is Outcome.NOT_MET, rule_id
        assert finding.missing == ()
    assert verdict.outcome.value == "not_eligible"


def test_the_grid_gives_the_experience_range_and_names_the_history():
    unanswered = fsw_grid(derive(candidate(), on=ON))
    experience = grid_line(unanswered, "Work experience")
    assert (experience.points, experience.points_at_most) == (0, 15)
    assert experience.missing == ("$.work_history",)
    assert experience.sentence == (
        "Skilled work: not known from 2016-11-29 to 2026-11-29, as the work history is not "
        "given. 0 to 15 points."
    )
    work_in_canada = grid_line(unanswered, "Past work in Canada")
    assert (work_in_canada.points, work_in_canada.points_at_most) == (0, 10)
    assert work_in_canada.missing == ("$.work_history",)
    empty = fsw_grid(derive(candidate(work_history=WorkHistory()), on=ON))
    assert grid_line(empty, "Work experience").points_at_most == 0
    assert grid_line(empty, "Past work in Canada").points_at_most == 0
    assert empty.total_at_most < unanswered.total_at_most


def test_the_spouses_unanswered_history_is_named_under_the_spouse():
    def spouse_line(spouse: Spouse) -> tuple[int, int, tuple[str, ...]]:
        partnered = candidate(marital_status=MaritalStatus.MARRIED, spouse=spouse)
        line = grid_line(fsw_grid(derive(partnered, on=ON)), "Spouse's past work in Canada")
        return line.points, line.points_at_most, line.missing

    coming: dict[str, Any] = {"canadian_citizen_or_pr": False, "accompanying": True}
    assert spouse_line(Spouse(**coming)) == (0, 5, ("$.spouse.work_history",))
    assert spouse_line(Spouse(**coming, work_history=WorkHistory())) == (0, 0, ())


def test_the_crs_counts_no_years_and_says_why():
    unanswered = crs_for(candidate(), on=ON)
    empty = crs_for(candidate(work_history=WorkHistory()), on=ON)
    assert unanswered.total == empty.total
    for what in ("Canadian work experience", "Foreign work experience"):
        note = f"{what}: the work history is not given; no years counted."
        assert note in unanswered.notes
        assert note not in empty.notes


def test_completeness_asks_for_a_history_only_when_it_is_not_answered():
    def items(history: WorkHistory | None) -> list[str]:
        found = completeness(candidate(work_history=history), on=ON)
        return [item.item_id for item in found.items]

    assert "profile.work_experience" in items(None)
    assert "profile.work_experience" not in items(WorkHistory())


def test_the_ledger_of_an_unanswered_history_spans_its_window():
    ledger = Ledger.of(None, ON)
    assert not ledger.answered
    assert Ledger.of(WorkHistory(), ON).answered
    crs = ledger.measure(CRS_CANADIAN)
    assert (crs.years_at_least, crs.years_at_most) == (0, 10)
    assert crs.reaches(1) is None
    assert crs.reaches(20 * 1560) is False
    cec = ledger.measure(CEC_WORK)
    assert cec.window_start == date(2023, 11, 29)
    days = (ON - date(2023, 11, 29)).days + 1
    assert cec.hours_at_most * 7 == days * 30  # 30 hours a week on every day of the window
    run = cec.continuous_run()
    assert run.at_least is None
    assert run.at_most is not None
    assert run.at_most.days == days
    assert cec.missing == ()
    assert cec.uses() == ()
    assert cec.by_occupation() == ()
    assert ledger.measure(FST_WORK, NocCode("72200")).reaches(3120) is None
    assert ledger.measure(FSW_ADAPTABILITY).reaches_years(1) is None  # no window: any time
    assert cec.summary() == (
        "Canadian Experience Class: not known from 2023-11-29 to 2026-11-29, as the work "
        "history is not given."
    )


@pytest.mark.parametrize(
    ("document", "expected"),
    [({}, None), ({"work_history": None}, None), ({"work_history": []}, WorkHistory())],
)
def test_json_keeps_absent_null_and_empty_apart(document, expected):
    profile = {"schema_version": 1, **document}
    loaded = from_dict(profile)
    assert loaded.work_history == expected
    assert from_dict(to_dict(loaded)) == loaded
    assert ("work_history" in to_dict(loaded)) is (expected is not None)
