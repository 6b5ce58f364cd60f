"""Shared helpers for the language tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from expressentry.model import AbilityScores, LanguageTest, TestKind


def _make_test(
    kind: TestKind,
    scores: tuple[float, float, float, float],
    *,
    test_date: date,
    result_date: date | None = None,
) -> LanguageTest:
    """A test with its scores given in the order listening, reading, writing, speaking."""
    listening, reading, writing, speaking = scores
    return LanguageTest(
        kind=kind,
        test_date=test_date,
        result_date=result_date,
        scores=AbilityScores(
            listening=listening, reading=reading, writing=writing, speaking=speaking
        ),
    )


@pytest.fixture
def make_test() -> Callable[..., LanguageTest]:
    """Build a :class:`LanguageTest` from (listening, reading, writing, speaking) scores."""
    return _make_test
