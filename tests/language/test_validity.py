"""Which tests count on a day: PTE Core acceptance, the two-year validity (P4, P30)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from expressentry.dated import DatedTable
from expressentry.language import (
    ACCEPTED_TESTS,
    RESULT_VALIDITY_YEARS,
    LanguageRule,
    TestKind,
    assess_test,
    counts_from,
    expiry_date,
    is_accepted,
    is_valid_on,
    validity,
)
from expressentry.model import LanguageTest

MakeTest = Callable[..., LanguageTest]
CELPIP_9 = (9, 9, 9, 9)
PTE_CORE_9 = (85, 80, 88, 85)
ONE_DAY = timedelta(days=1)


def test_validity_runs_two_calendar_years_from_the_result_date(make_test: MakeTest) -> None:
    test = make_test(
        TestKind.CELPIP_GENERAL,
        CELPIP_9,
        test_date=date(2024, 3, 2),
        result_date=date(2024, 3, 12),
    )
    assert counts_from(test) == date(2024, 3, 12)
    assert expiry_date(test) == date(2026, 3, 12)
    assert is_valid_on(test, date(2026, 3, 11))
    assert not is_valid_on(test, date(2026, 3, 12))
    assert assess_test(test, date(2026, 3, 11)).counts


def test_without_a_result_date_the_test_date_is_used(make_test: MakeTest) -> None:
    test = make_test(TestKind.CELPIP_GENERAL, CELPIP_9, test_date=date(2024, 3, 2))
    assert expiry_date(test) == date(2026, 3, 2)
    note = assess_test(test, date(2026, 3, 2)).problem
    assert note is not None
    assert note.rule is LanguageRule.EXPIRED
    assert note.sentence == (
        "The CELPIP-General taken on 2024-03-02 does not count: its result expired on "
        "2026-03-02, 2 years after the test date (the result date is not known)."
    )
    assert note.policy == "P4"


def test_an_expired_test_says_when_it_expired(make_test: MakeTest) -> None:
    test = make_test(
        TestKind.IELTS_GENERAL_TRAINING,
        (7.0, 7.0, 7.0, 7.0),
        test_date=date(2023, 1, 7),
        result_date=date(2023, 1, 20),
    )
    assessed = assess_test(test, date(2025, 6, 1), index=3)
    assert not assessed.counts
    assert assessed.problem is not None
    assert assessed.problem.test_index == 3
    assert assessed.problem.facts["expiry_date"] == date(2025, 1, 20)
    assert "expired on 2025-01-20" in assessed.problem.sentence
    # The levels are still converted, for the explanation.
    assert str(assessed.levels) == "CLB L 7, R 9, W 9, S 9"


def test_29_february_results_expire_on_28_february(make_test: MakeTest) -> None:
    test = make_test(
        TestKind.TCF_CANADA,
        (500, 500, 12, 12),
        test_date=date(2024, 2, 20),
        result_date=date(2024, 2, 29),
    )
    assert expiry_date(test) == date(2026, 2, 28)
    assert is_valid_on(test, date(2026, 2, 27))
    assert not is_valid_on(test, date(2026, 2, 28))


def test_a_result_dated_after_the_day_does_not_count_yet(make_test: MakeTest) -> None:
    test = make_test(
        TestKind.CELPIP_GENERAL,
        CELPIP_9,
        test_date=date(2026, 1, 10),
        result_date=date(2026, 1, 20),
    )
    assert not is_valid_on(test, date(2026, 1, 19))
    assert is_valid_on(test, date(2026, 1, 20))
    note = assess_test(test, date(2026, 1, 19)).problem
    assert note is not None
    assert note.rule is LanguageRule.NOT_YET_COUNTING
    assert note.sentence == (
        "The CELPIP-General taken on 2026-01-10 does not count yet: it counts from 2026-01-20 "
        "(the result date), after 2026-01-19."
    )


def test_a_test_taken_after_the_day_does_not_count(make_test: MakeTest) -> None:
    test = make_test(TestKind.CELPIP_GENERAL, CELPIP_9, test_date=date(2026, 1, 10))
    note = assess_test(test, date(2026, 1, 9)).problem
    assert note is not None
    assert note.rule is LanguageRule.NOT_YET_COUNTING
    # Not "taken on" a day still to come, and no brackets inside brackets.
    assert note.sentence == (
        "The CELPIP-General dated 2026-01-10 does not count yet: it counts from 2026-01-10 (the "
        "test date; the result date is not known), after 2026-01-09."
    )


def test_pte_core_counts_from_2024_01_30(make_test: MakeTest) -> None:
    before = make_test(TestKind.PTE_CORE, PTE_CORE_9, test_date=date(2024, 1, 29))
    first_day = make_test(TestKind.PTE_CORE, PTE_CORE_9, test_date=date(2024, 1, 30))
    on = date(2024, 6, 1)
    assert (is_accepted(before), is_accepted(first_day)) == (False, True)
    assert (is_valid_on(before, on), is_valid_on(first_day, on)) == (False, True)
    note = assess_test(before, on).problem
    assert note is not None
    assert note.rule is LanguageRule.NOT_ACCEPTED
    assert note.sentence == (
        "The PTE Core taken on 2024-01-29 does not count: Express Entry did not accept PTE Core "
        "on that date; it accepts it for tests taken from 2024-01-30."
    )
    assert note.facts["accepted_from"] == date(2024, 1, 30)


@pytest.mark.parametrize(
    "change",
    [pytest.param(day, id=day.isoformat()) for day in ACCEPTED_TESTS.change_dates[1:]],
)
def test_every_acceptance_change_starts_on_its_day(change: date) -> None:
    newly_accepted = ACCEPTED_TESTS.at(change) - ACCEPTED_TESTS.at(change - ONE_DAY)
    assert newly_accepted


def test_a_test_never_accepted_says_so_without_a_start_date(
    make_test: MakeTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_long_standing = DatedTable(
        "Accepted tests, without PTE Core",
        (ACCEPTED_TESTS.entries[0],),
    )
    monkeypatch.setattr(validity, "ACCEPTED_TESTS", only_long_standing)
    # The dated tables are memoised by kind and dates: forget what another test read from the
    # real table, and what this one reads from the patched one.
    validity._tables_for.cache_clear()
    try:
        test = make_test(TestKind.PTE_CORE, PTE_CORE_9, test_date=date(2025, 1, 1))
        note = assess_test(test, date(2025, 6, 1)).problem
    finally:
        validity._tables_for.cache_clear()
    assert note is not None
    assert note.sentence.endswith("did not accept PTE Core on that date.")
    assert "accepted_from" not in note.facts


def test_the_validity_period_is_a_dated_table() -> None:
    assert RESULT_VALIDITY_YEARS.at(date(2026, 1, 1)) == 2
    assert RESULT_VALIDITY_YEARS.citation_at(date(2026, 1, 1)).instrument == "IRPR"


def test_assessed_test_names_its_chart(make_test: MakeTest) -> None:
    test = make_test(TestKind.TEF_CANADA, (300, 250, 380, 380), test_date=date(2024, 5, 2))
    assessed = assess_test(test, date(2024, 6, 1))
    assert assessed.describe() == "the TEF Canada taken on 2024-05-02"
    assert assessed.chart == 'TEF Canada → NCLC (the "Équivalence ancien score")'
    assert "franco-immigration" in assessed.chart_citation.url
