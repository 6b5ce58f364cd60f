"""Explained verdicts: rules, findings and the verdict of a program.

A program declares its :class:`Rule`\\ s (a stable id, a title and a citation). Assessing a
candidate produces one :class:`Finding` per rule: an :class:`Outcome`, a plain sentence with the
candidate's own figures, the facts used, the facts still missing and the citation. A
:class:`Verdict` gathers the findings and decides (policy P32): any requirement not met makes
the candidate not eligible; otherwise any requirement unknown leaves the verdict undetermined;
otherwise the candidate is eligible.

>>> from datetime import date
>>> from expressentry.dated import Citation, rules_warnings
>>> rule = Rule("demo.language", "Language", Citation("IRPR", "s. 75(2)(d)", "https://x.ca"))
>>> met = rule.finding(Outcome.MET, "Every ability is CLB 9; CLB 7 is needed.")
>>> unknown = rule.finding(
...     Outcome.UNKNOWN, "No language test is given.", missing=("$.language_tests",)
... )
>>> Verdict.decide("DEMO", date(2026, 11, 29), (met,)).outcome
<VerdictOutcome.ELIGIBLE: 'eligible'>
>>> verdict = Verdict.decide("DEMO", date(2026, 11, 29), (met, unknown))
>>> verdict.outcome, verdict.missing_facts
(<VerdictOutcome.UNDETERMINED: 'undetermined'>, ('$.language_tests',))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from expressentry._enum import IdentityEnum
from expressentry._written import Written, WrittenOnRead, shown, written
from expressentry.dated import Citation, rules_warnings

__all__ = [
    "FactValue",
    "Finding",
    "Outcome",
    "Rule",
    "Verdict",
    "VerdictOutcome",
    "Written",
    "WrittenFacts",
]

FactValue = str | int | float | bool | None
"""A fact as a finding records it: JSON-ready."""


class Outcome(IdentityEnum):
    """The outcome of one rule for one candidate."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"

    @property
    def mark(self) -> str:
        """A one-character mark for tables and text."""
        return _MARKS[self]


_MARKS = {
    Outcome.MET: "✓",
    Outcome.NOT_MET: "✗",
    Outcome.UNKNOWN: "?",
    Outcome.NOT_APPLICABLE: "–",
}


class VerdictOutcome(IdentityEnum):
    """The outcome of a program for one candidate."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    UNDETERMINED = "undetermined"


WrittenFacts = Mapping[str, FactValue] | Callable[[], Mapping[str, FactValue]]
"""Facts, or a function that gathers them the first time they are read."""

_NO_FACTS: Mapping[str, FactValue] = MappingProxyType({})


def _own_facts(facts: WrittenFacts) -> WrittenFacts:
    """Facts given as a mapping are copied at once (the caller may change its own); facts
    given as a function are gathered when first read."""
    return facts if callable(facts) else dict(facts)


def _facts_key(facts: WrittenFacts) -> dict[str, FactValue]:
    return dict(facts() if callable(facts) else facts)


@attrs.frozen(getstate_setstate=False)  # built positionally by Rule.finding
class Finding(WrittenOnRead):
    """What one rule found for one candidate.

    ``facts`` are the figures the rule used (JSON-ready); ``missing`` the JSON paths of the
    facts whose answers the rule still needs (empty unless the outcome is unknown); ``policy``
    the engine policy (rules.md §12) the finding relies on, if any.

    The outcome and the missing facts are decided at once; the sentence and the facts may be
    given as functions that write them the first time they are read, since scoring a pool
    reads verdicts, not the words that explain them.
    """

    rule_id: str
    outcome: Outcome
    _sentence: Written = attrs.field(alias="sentence", eq=written, repr=shown)
    citation: Citation
    _facts: WrittenFacts = attrs.field(
        alias="facts",
        default=_NO_FACTS,
        converter=_own_facts,
        eq=_facts_key,
        hash=False,
        repr=lambda facts: repr(_facts_key(facts)),
    )
    missing: tuple[str, ...] = ()
    policy: str | None = None
    _written_on_read: ClassVar[tuple[str, ...]] = ("sentence", "facts")

    @property
    def sentence(self) -> str:
        """The finding in a plain sentence, with the candidate's own figures."""
        return self._sentence_in("_sentence")

    @property
    def facts(self) -> Mapping[str, FactValue]:
        """The figures the rule used, read-only."""
        facts = self._facts
        if callable(facts):
            facts = self._keep("_facts", dict(facts()))
        return MappingProxyType(facts)


@attrs.frozen
class Rule:
    """A rule a program declares: a stable id, a short title and where it comes from."""

    rule_id: str
    title: str
    citation: Citation
    policy: str | None = None

    def finding(
        self,
        outcome: Outcome,
        sentence: Written,
        *,
        facts: WrittenFacts = _NO_FACTS,
        missing: tuple[str, ...] = (),
        policy: str | None = None,
    ) -> Finding:
        """A finding of this rule; ``policy`` replaces the rule's own when given.

        ``sentence`` and ``facts`` may be functions: they are then called when first read.
        """
        # In the order of the fields: a keyword costs more than the field, and every
        # program builds its findings here.
        return Finding(
            self.rule_id,
            outcome,
            sentence,
            self.citation,
            facts,
            missing,
            self.policy if policy is None else policy,
        )


@attrs.frozen  # built positionally by decide
class Verdict:
    """A program's verdict on a candidate on a date, with every finding behind it."""

    program: str
    on: date
    outcome: VerdictOutcome
    findings: tuple[Finding, ...]

    @classmethod
    def decide(cls, program: str, on: date, findings: tuple[Finding, ...]) -> Verdict:
        """The verdict the findings lead to (policy P32)."""
        # Compared by identity in a plain loop: hashing enum members into a set costs more.
        outcome = VerdictOutcome.ELIGIBLE
        for finding in findings:
            found = finding.outcome
            if found is Outcome.NOT_MET:
                outcome = VerdictOutcome.NOT_ELIGIBLE
                break
            if found is Outcome.UNKNOWN:
                outcome = VerdictOutcome.UNDETERMINED
        return cls(program, on, outcome, findings)

    @property
    def eligible(self) -> bool:
        """Whether the candidate is eligible."""
        return self.outcome is VerdictOutcome.ELIGIBLE

    @property
    def missing_facts(self) -> tuple[str, ...]:
        """Every fact still needed, by JSON path, in the order the findings ask for them."""
        return tuple(dict.fromkeys(path for f in self.findings for path in f.missing))

    def finding(self, rule_id: str) -> Finding:
        """The finding of ``rule_id``; :class:`KeyError` if the verdict has none."""
        for finding in self.findings:
            if finding.rule_id == rule_id:
                return finding
        raise KeyError(rule_id)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Sentences about the evaluation itself: a date after the rules were last checked
        against their sources (policy P15)."""
        return rules_warnings(self.on)

    def with_outcome(self, outcome: Outcome) -> tuple[Finding, ...]:
        """The findings with ``outcome``."""
        return tuple(f for f in self.findings if f.outcome is outcome)

    def explain(self) -> str:
        """The verdict as plain text, one finding a line."""
        from expressentry.render import verdict_text  # render imports this module

        return verdict_text(self)

    def to_dict(self) -> dict[str, Any]:
        """The verdict as JSON-ready data: the ``programs.<CODE>`` form of docs/assess.md."""
        from expressentry.render import verdict_dict

        return verdict_dict(self)

    def _repr_markdown_(self) -> str:
        from expressentry.render import verdict_markdown

        return verdict_markdown(self)

    def _repr_html_(self) -> str:
        from expressentry.render import verdict_html

        return verdict_html(self)
