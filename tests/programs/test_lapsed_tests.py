"""Tests given that all lapsed on the day (expired, result not yet out) are an answer: no valid
result, so the language minimum is not met (P4, P30; rules.md §5.3: results must be less than
two years old). Only a test never given is a fact to ask for."""

from __future__ import annotations

from datetime import date

import pytest

from expressentry import assess, fsw_grid
from expressentry.facts import derive
from expressentry.model import (
    AbilityScores,
    Candidate,
    Language,
    LanguageTest,
    MaritalStatus,
    Province,
    TestKind,
)
from expressentry.verdict import Outcome

RULES = {
    "FSW": "fsw.language.first_official",
    "FST": "fst.language.minimum",
    "CEC": "cec.language.minimum",
}
TAKEN = date(2024, 3, 4)  # no result date: valid from the test date until 2026-03-04
LAST_VALID_DAY = date(2026, 3, 3)
EXPIRY = date(2026, 3, 4)


def celpip(taken: date = TAKEN, result: date | None = None) -> LanguageTest:
    return LanguageTest(
        kind=TestKind.CELPIP_GENERAL,
        test_date=taken,
        result_date=result,
        scores=AbilityScores(listening=10, reading=10, writing=10, speaking=10),
    )


def tef() -> LanguageTest:
    return LanguageTest(
        kind=TestKind.TEF_CANADA,
        test_date=date(2025, 9, 1),
        scores=AbilityScores(listening=300, reading=250, writing=350, speaking=350),
    )


def candidate(*tests: LanguageTest, first: Language | None = None) -> Candidate:
    """The tests given (none: the tests are not answered)."""
    return Candidate(
        birth_date=date(1993, 5, 5),
        marital_status=MaritalStatus.NEVER_MARRIED,
        intended_province=Province.ON,
        first_official_language=first,
        language_tests=tests or None,
    )


@pytest.mark.parametrize(("program", "rule_id"), sorted(RULES.items()))
def test_the_day_before_expiry_counts_and_the_day_of_expiry_is_not_met(program, rule_id):
    before = assess(candidate(celpip()), on=LAST_VALID_DAY).programs[program].finding(rule_id)
    assert before.outcome is not Outcome.UNKNOWN
    assert "No language test counts" not in before.sentence
    after = assess(candidate(celpip()), on=EXPIRY).programs[program].finding(rule_id)
    assert after.outcome is Outcome.NOT_MET
    assert after.missing == ()
    assert after.policy == "P4"
    assert "No language test counts for the first official language on 2026-03-04" in (
        after.sentence
    )
    assert "expire" in after.sentence


@pytest.mark.parametrize(("program", "rule_id"), sorted(RULES.items()))
def test_a_result_not_yet_out_is_not_met_on_the_day(program, rule_id):
    pending = celpip(taken=date(2026, 11, 20), result=date(2026, 12, 4))
    finding = assess(candidate(pending), on=date(2026, 11, 29)).programs[program].finding(rule_id)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.policy == "P30"
    on_the_day = assess(candidate(pending), on=date(2026, 12, 4)).programs[program]
    assert on_the_day.finding(rule_id).outcome is not Outcome.UNKNOWN
    assert "No language test counts" not in on_the_day.finding(rule_id).sentence


@pytest.mark.parametrize(("program", "rule_id"), sorted(RULES.items()))
def test_tests_not_answered_are_unknown_and_none_in_the_declared_language_is_not_met(
    program, rule_id
):
    finding = assess(candidate(), on=EXPIRY).programs[program].finding(rule_id)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.language_tests",)
    # Not answered is not "no test counts": the sentence says which it is.
    assert finding.sentence.startswith("The language tests are not answered; the ")
    # The tests given are every test the candidate has: no English one among them.
    french_only = candidate(tef(), first=Language.ENGLISH)
    finding = assess(french_only, on=EXPIRY).programs[program].finding(rule_id)
    assert (finding.outcome, finding.missing) == (Outcome.NOT_MET, ())
    assert finding.sentence.startswith("No language test counts for the first official language")


def test_the_grid_gives_a_lapsed_first_language_no_points_not_a_range():
    lapsed = fsw_grid(derive(candidate(celpip()), on=EXPIRY))
    untested = fsw_grid(derive(candidate(), on=EXPIRY))
    items = [f"First official language: {ability}" for ability in ("listening", "speaking")]
    for item in (*items, "Second official language"):
        line = next(line for line in lapsed.lines if line.item == item)
        assert (line.points, line.points_at_most, line.missing) == (0, 0, ()), item
        unknown = next(line for line in untested.lines if line.item == item)
        assert unknown.points_at_most > 0
        assert unknown.missing == ("$.language_tests",)


@pytest.mark.parametrize(
    ("program", "needs"),
    [
        ("FSW", "the FSW needs NCLC 7 in each ability."),
        ("CEC", "the CEC needs NCLC 7 in each ability for TEER 0 or 1 work; NCLC 5 for TEER 2"),
        ("FST", "the FST needs NCLC 5 in listening and speaking and NCLC 4 in reading"),
    ],
)
def test_a_declared_french_first_language_without_a_test_is_asked_in_nclc(
    program: str, needs: str
) -> None:
    # Audit helper-68: once the French test had expired, the minimums were said in CLB.
    candidate = Candidate(first_official_language=Language.FRENCH, language_tests=(celpip(),))
    finding = assess(candidate, on=EXPIRY).programs[program].finding(RULES[program])
    assert finding.outcome is Outcome.NOT_MET
    assert needs in finding.sentence
    assert "CLB" not in finding.sentence.split("needs")[1].split(".")[0]
