"""Whether a language test counts on a given day.

A test counts on ``on`` when Express Entry accepted its kind on the day it was taken (PTE Core
only from 2024-01-30, rules.md §5.1) and its result is less than two years old: it counts from
its result date, or its test date if the result date is not known (policy P4: the test date is
earlier, so stricter), until two calendar years later, exclusive (policy P30). A result dated
after ``on`` does not count yet. A test that does not count counts for nothing, and a
:class:`~expressentry.language.notes.LanguageNote` says why and since when.

>>> from datetime import date
>>> from expressentry.model import AbilityScores, LanguageTest
>>> test = LanguageTest(
...     kind=TestKind.CELPIP_GENERAL,
...     test_date=date(2024, 2, 20),
...     result_date=date(2024, 2, 29),
...     scores=AbilityScores(listening=9, reading=9, writing=8, speaking=8),
... )
>>> expiry_date(test)  # calendar arithmetic: 29 February plus two years
datetime.date(2026, 2, 28)
>>> is_valid_on(test, date(2026, 2, 27)), is_valid_on(test, date(2026, 2, 28))
(True, False)
>>> print(assess_test(test, date(2026, 3, 1)).problem)
The CELPIP-General taken on 2024-02-20 does not count: its result (dated 2024-02-29) expired \
on 2026-02-28, 2 years after the result date.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

import attrs

from expressentry.dated import Citation, Dated, DatedTable, add_years
from expressentry.language._citations import (
    APPROVED_LANGUAGE_TESTS,
    RESULTS_LESS_THAN_TWO_YEARS_OLD,
)
from expressentry.language.levels import LEVEL_CHARTS, LanguageLevels, LevelChart, _converted
from expressentry.language.notes import LanguageNote, LanguageRule
from expressentry.language.scales import TestKind

if TYPE_CHECKING:
    from expressentry.model import LanguageTest

__all__ = [
    "ACCEPTED_TESTS",
    "RESULT_VALIDITY_YEARS",
    "AssessedTest",
    "assess_test",
    "counts_from",
    "describe_test",
    "expiry_date",
    "is_accepted",
    "is_valid_on",
]

_LONG_STANDING = frozenset(
    {
        TestKind.IELTS_GENERAL_TRAINING,
        TestKind.CELPIP_GENERAL,
        TestKind.TEF_CANADA,
        TestKind.TCF_CANADA,
    }
)

ACCEPTED_TESTS: DatedTable[frozenset[TestKind]] = DatedTable(
    "Language tests accepted for Express Entry, by test date",
    (
        Dated(date.min, _LONG_STANDING, APPROVED_LANGUAGE_TESTS),
        Dated(date(2024, 1, 30), _LONG_STANDING | {TestKind.PTE_CORE}, APPROVED_LANGUAGE_TESTS),
    ),
)
"""The kinds of test Express Entry accepts, keyed by the date the test was taken (§5.1)."""

RESULT_VALIDITY_YEARS: DatedTable[int] = DatedTable(
    "How long language test results stay valid, in years, by result date (policy P4)",
    (Dated(date.min, 2, RESULTS_LESS_THAN_TWO_YEARS_OLD),),
)
"""Results count for this many calendar years from their result date."""


def counts_from(test: LanguageTest) -> date:
    """The day the test starts to count: its result date, else its test date (P4, P30)."""
    return test.result_date if test.result_date is not None else test.test_date


def expiry_date(test: LanguageTest) -> date:
    """The first day on which the test no longer counts (two years after :func:`counts_from`).

    The test counts up to and including the day before. Calendar arithmetic: a result dated
    29 February expires on 28 February two years later.
    """
    return _expiry_from(counts_from(test))


@lru_cache(maxsize=4096)
def _expiry_from(start: date) -> date:
    """Memo of the expiry of a result that counts from ``start``, by date."""
    return add_years(start, RESULT_VALIDITY_YEARS.at(start))


def is_accepted(test: LanguageTest) -> bool:
    """Whether Express Entry accepted this kind of test on the day it was taken."""
    return test.kind in ACCEPTED_TESTS.at(test.test_date)


def is_valid_on(test: LanguageTest, on: date) -> bool:
    """Whether the test counts on ``on``: accepted, and ``counts_from <= on < expiry_date``."""
    return is_accepted(test) and counts_from(test) <= on < expiry_date(test)


@attrs.frozen  # built positionally (a keyword costs more than the field): see assess_test
class AssessedTest:
    """One test as the engine sees it on a day: its levels, its validity, and whether it counts.

    ``index`` is the test's position in the list it came from. ``problem`` says why the test
    does not count on that day; it is ``None`` when the test counts.
    """

    test: LanguageTest
    index: int
    levels: LanguageLevels
    counts_from: date
    expiry_date: date
    chart: str
    chart_citation: Citation
    problem: LanguageNote | None

    @property
    def counts(self) -> bool:
        """Whether the test counts on the day it was assessed."""
        return self.problem is None

    def describe(self) -> str:
        """The test in words, e.g. ``"the TEF Canada taken on 2024-05-02"``."""
        return describe_test(self.test)


def describe_test(test: LanguageTest, *, start_of_sentence: bool = False) -> str:
    """A test in words, for sentences: ``"the TEF Canada taken on 2024-05-02"``."""
    article = "The" if start_of_sentence else "the"
    return f"{article} {test.kind.title} taken on {test.test_date.isoformat()}"


def _not_accepted(test: LanguageTest, index: int) -> LanguageNote:
    accepted_later = [
        row.start
        for row in ACCEPTED_TESTS
        if row.start > test.test_date and test.kind in row.value
    ]
    sentence = (
        f"{describe_test(test, start_of_sentence=True)} does not count: Express Entry did not "
        f"accept {test.kind.title} on that date"
    )
    facts: dict[str, object] = {"kind": test.kind.value, "test_date": test.test_date}
    if accepted_later:
        sentence += f"; it accepts it for tests taken from {accepted_later[0].isoformat()}"
        facts["accepted_from"] = accepted_later[0]
    return LanguageNote(
        rule=LanguageRule.NOT_ACCEPTED,
        sentence=sentence + ".",
        citation=ACCEPTED_TESTS.citation_at(test.test_date),
        test_index=index,
        facts=facts,
    )


def _basis(test: LanguageTest, *, in_brackets: bool = False) -> str:
    """The date a result counts from, in words; ``in_brackets``: for a sentence that puts it
    in brackets already (no brackets inside brackets)."""
    if test.result_date is not None:
        return "the result date"
    if in_brackets:
        return "the test date; the result date is not known"
    return "the test date (the result date is not known)"


def _not_yet_counting(test: LanguageTest, index: int, on: date) -> LanguageNote:
    start = counts_from(test)
    # A test dated after the evaluation date has not been taken on it: "dated", not "taken on".
    described = (
        describe_test(test, start_of_sentence=True)
        if test.test_date <= on
        else f"The {test.kind.title} dated {test.test_date.isoformat()}"
    )
    basis = _basis(test, in_brackets=True)
    return LanguageNote(
        rule=LanguageRule.NOT_YET_COUNTING,
        sentence=(
            f"{described} does not count yet: it counts from {start.isoformat()} ({basis}), "
            f"after {on.isoformat()}."
        ),
        policy="P30",
        citation=RESULT_VALIDITY_YEARS.citation_at(start),
        test_index=index,
        facts={"counts_from": start, "on": on},
    )


def _expired(test: LanguageTest, index: int) -> LanguageNote:
    start = counts_from(test)
    expired = expiry_date(test)
    years = RESULT_VALIDITY_YEARS.at(start)
    dated = f"its result (dated {start.isoformat()})"
    if test.result_date is None:
        dated = "its result"
    return LanguageNote(
        rule=LanguageRule.EXPIRED,
        sentence=(
            f"{describe_test(test, start_of_sentence=True)} does not count: {dated} expired on "
            f"{expired.isoformat()}, {years} years after {_basis(test)}."
        ),
        policy="P4",
        citation=RESULT_VALIDITY_YEARS.citation_at(start),
        test_index=index,
        facts={"counts_from": start, "expiry_date": expired, "validity_years": years},
    )


@lru_cache(maxsize=4096)
def _tables_for(
    kind: TestKind, test_date: date, result_date: date | None
) -> tuple[bool, Dated[LevelChart], date, date]:
    """Memo, by kind and dates, of what an assessment reads from the dated tables: whether the
    kind was accepted on the test date, the chart row in force, and the first and last-plus-one
    days the result counts. (The levels are kept by chart row and scores: candidates of a pool
    share results more often than dates.)"""
    start = result_date if result_date is not None else test_date  # counts_from
    return (
        kind in ACCEPTED_TESTS.at(test_date),
        LEVEL_CHARTS[kind].entry_at(test_date),
        start,
        _expiry_from(start),
    )


def assess_test(test: LanguageTest, on: date, *, index: int = 0) -> AssessedTest:
    """Assess ``test`` on ``on``: its levels, its validity, and why it does not count if so.

    The levels are converted even when the test does not count, so that the explanation can
    show them.
    """
    scores = test.scores
    kind = test.kind
    accepted, chart, start, expiry = _tables_for(kind, test.test_date, test.result_date)
    levels = _converted(
        kind, chart.start, scores.listening, scores.reading, scores.writing, scores.speaking
    )
    problem: LanguageNote | None = None
    if not accepted:
        problem = _not_accepted(test, index)
    elif on < start:
        problem = _not_yet_counting(test, index, on)
    elif on >= expiry:
        problem = _expired(test, index)
    # test, index, levels, counts_from, expiry_date, chart, chart_citation, problem
    return AssessedTest(
        test, index, levels, start, expiry, chart.value.name, chart.citation, problem
    )
