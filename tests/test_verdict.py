from __future__ import annotations

from datetime import date

import pytest

from expressentry.dated import Citation
from expressentry.verdict import Outcome, Rule, Verdict, VerdictOutcome

ON = date(2026, 11, 29)
RULE = Rule("demo.rule", "Demo", Citation("IRPR", "s. 1", "https://example.org"), policy="P9")


@pytest.mark.parametrize(
    ("outcomes", "verdict"),
    [
        ((), VerdictOutcome.ELIGIBLE),
        ((Outcome.MET, Outcome.NOT_APPLICABLE), VerdictOutcome.ELIGIBLE),
        ((Outcome.MET, Outcome.UNKNOWN), VerdictOutcome.UNDETERMINED),
        ((Outcome.UNKNOWN, Outcome.NOT_MET), VerdictOutcome.NOT_ELIGIBLE),
    ],
)
def test_p32_decision(outcomes, verdict):
    findings = tuple(RULE.finding(outcome, "sentence") for outcome in outcomes)
    decided = Verdict.decide("DEMO", ON, findings)
    assert decided.outcome is verdict
    assert decided.eligible is (verdict is VerdictOutcome.ELIGIBLE)


def test_findings_carry_the_rule_and_are_immutable():
    finding = RULE.finding(Outcome.MET, "ok", facts={"clb": 9})
    assert finding.rule_id == "demo.rule"
    assert finding.citation.instrument == "IRPR"
    assert finding.policy == "P9"
    assert finding.facts == {"clb": 9}
    with pytest.raises(TypeError):
        finding.facts["clb"] = 10  # type: ignore[index]


def test_missing_facts_are_listed_once_in_order():
    findings = (
        RULE.finding(Outcome.UNKNOWN, "a", missing=("$.b", "$.a")),
        RULE.finding(Outcome.UNKNOWN, "b", missing=("$.a", "$.c")),
    )
    verdict = Verdict.decide("DEMO", ON, findings)
    assert verdict.missing_facts == ("$.b", "$.a", "$.c")
    assert verdict.with_outcome(Outcome.UNKNOWN) == findings
    assert verdict.finding("demo.rule") is findings[0]
    with pytest.raises(KeyError):
        verdict.finding("nope")


def test_marks():
    assert [o.mark for o in Outcome] == ["✓", "✗", "?", "–"]


def test_a_finding_written_on_read_equals_the_same_finding_written_at_once():
    calls: list[str] = []

    def sentence() -> str:
        calls.append("sentence")
        return "Written when read."

    lazy = RULE.finding(Outcome.MET, sentence, facts=lambda: {"clb": 9})
    eager = RULE.finding(Outcome.MET, "Written when read.", facts={"clb": 9})
    assert not calls  # nothing is written until asked for
    assert lazy == eager
    assert hash(lazy) == hash(eager)
    assert repr(lazy) == repr(eager)
    assert calls == ["sentence"] * 3  # compared, hashed and shown, but not yet kept
    assert lazy.sentence == "Written when read."
    assert lazy.sentence == "Written when read."
    assert "'Written when read.'" in repr(lazy)
    assert calls == ["sentence"] * 4  # written once, then kept
    assert lazy.facts == {"clb": 9}
    with pytest.raises(TypeError):
        lazy.facts["clb"] = 10  # type: ignore[index]


def test_a_finding_written_on_read_pickles_as_written():
    import pickle

    lazy = RULE.finding(Outcome.NOT_MET, lambda: "Local functions do not pickle.", facts=dict)
    copied = pickle.loads(pickle.dumps(lazy))
    assert copied == lazy
    assert copied.sentence == "Local functions do not pickle."
    assert copied.facts == {}


def test_a_finding_may_name_its_own_policy():
    assert RULE.finding(Outcome.MET, "ok").policy == "P9"
    assert RULE.finding(Outcome.MET, "ok", policy="P17").policy == "P17"
