"""Entry to the Express Entry pool: eligible for at least one program, and which."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.dated import Citation
from expressentry.facts import derive
from expressentry.programs.cec import CEC
from expressentry.programs.fst import FST
from expressentry.programs.fsw import FSW
from expressentry.programs.pool import EXPRESS_ENTRY_POOL, pool_entry
from expressentry.strategies import candidates
from expressentry.verdict import Outcome, Rule, Verdict, VerdictOutcome

ON = date(2026, 11, 29)
_RULE = Rule("demo.rule", "A requirement", Citation("IRPR", "s. 1", "https://example.org"))


def verdict(program: str, outcome: VerdictOutcome, *missing: str, on: date = ON) -> Verdict:
    """A verdict with one finding whose outcome gives ``outcome`` (P32)."""
    finding_outcome = {
        VerdictOutcome.ELIGIBLE: Outcome.MET,
        VerdictOutcome.NOT_ELIGIBLE: Outcome.NOT_MET,
        VerdictOutcome.UNDETERMINED: Outcome.UNKNOWN,
    }[outcome]
    finding = _RULE.finding(finding_outcome, "A sentence.", missing=missing)
    return Verdict.decide(program, on, (finding,))


ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED = (
    VerdictOutcome.ELIGIBLE,
    VerdictOutcome.NOT_ELIGIBLE,
    VerdictOutcome.UNDETERMINED,
)


def test_eligible_for_one_program_is_enough_and_the_entry_names_it():
    entry = pool_entry(
        (
            verdict("FSW", NOT_ELIGIBLE),
            verdict("FST", UNDETERMINED, "$.x"),
            verdict("CEC", ELIGIBLE),
        )
    )
    assert entry.eligible
    assert entry.outcome is ELIGIBLE
    assert entry.eligible_programs == ("CEC",)
    assert entry.undetermined_programs == ("FST",)
    assert entry.missing_facts == ()
    assert entry.sentence == "Eligible for the Express Entry pool through CEC."
    assert entry.citation == EXPRESS_ENTRY_POOL
    assert entry.on == ON


def test_every_eligible_program_is_named_in_order():
    entry = pool_entry(
        (verdict("FSW", ELIGIBLE), verdict("FST", ELIGIBLE), verdict("CEC", ELIGIBLE))
    )
    assert entry.eligible_programs == ("FSW", "FST", "CEC")
    assert entry.sentence == "Eligible for the Express Entry pool through FSW, FST and CEC."
    assert list(entry.verdicts) == ["FSW", "FST", "CEC"]


def test_undetermined_when_none_is_eligible_and_some_are_undetermined():
    entry = pool_entry(
        (
            verdict("FSW", UNDETERMINED, "$.language_tests", "$.intended_province"),
            verdict("FST", NOT_ELIGIBLE),
            verdict("CEC", UNDETERMINED, "$.intended_province", "$.work_history[0].paid"),
        )
    )
    assert entry.outcome is UNDETERMINED
    assert not entry.eligible
    assert entry.undetermined_programs == ("FSW", "CEC")
    assert entry.missing_facts == (
        "$.language_tests",
        "$.intended_province",
        "$.work_history[0].paid",
    )
    assert entry.sentence.startswith("Not eligible for any program yet; FSW and CEC")


def test_not_eligible_when_every_program_is_not_eligible():
    entry = pool_entry((verdict("FSW", NOT_ELIGIBLE), verdict("CEC", NOT_ELIGIBLE)))
    assert entry.outcome is NOT_ELIGIBLE
    assert entry.eligible_programs == entry.undetermined_programs == ()
    assert entry.sentence == (
        "Not eligible for the Express Entry pool: not eligible for FSW and CEC."
    )


@pytest.mark.parametrize(
    ("verdicts", "message"),
    [
        ((), "at least one program"),
        (
            (verdict("FSW", ELIGIBLE), verdict("CEC", ELIGIBLE, on=date(2026, 1, 1))),
            "different dates (2026-01-01, 2026-11-29)",
        ),
        ((verdict("CEC", ELIGIBLE), verdict("CEC", NOT_ELIGIBLE)), "only one verdict"),
    ],
)
def test_a_callers_mistake_is_refused(verdicts, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        pool_entry(verdicts)


def test_the_verdicts_cannot_be_changed_afterwards():
    entry = pool_entry((verdict("CEC", ELIGIBLE),))
    with pytest.raises(TypeError):
        entry.verdicts["FSW"] = verdict("FSW", ELIGIBLE)  # type: ignore[index]


@given(candidates(), st.dates(date(2015, 1, 1), date(2027, 12, 31)))
def test_the_pool_follows_the_three_programs(who, on):
    facts = derive(who, on=on)
    verdicts = tuple(program.assess(facts) for program in (FSW, FST, CEC))
    entry = pool_entry(verdicts)
    assert entry.eligible == any(v.eligible for v in verdicts)
    assert entry.eligible_programs == tuple(v.program for v in verdicts if v.eligible)
    if entry.outcome is UNDETERMINED:
        wanted = {path for v in verdicts for path in v.missing_facts}
        assert set(entry.missing_facts) <= wanted
    if entry.outcome is NOT_ELIGIBLE:
        assert all(v.outcome is NOT_ELIGIBLE for v in verdicts)
