"""Shared helpers for the work-experience ledger tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from expressentry.model import NocCode, WorkHistory, WorkPeriod

SOFTWARE = NocCode("21231")  # Software engineers and designers: TEER 1
ON = date(2026, 11, 29)

_COMPLETE: dict[str, Any] = {
    "noc": SOFTWARE,
    "country": "CA",
    "hours_per_week": 30,
    "paid": True,
    "self_employed": False,
    "full_time_student": False,
    "authorized": True,
}


def make_job(start: date, end: date | None, **facts: Any) -> WorkPeriod:
    """A paid, authorized, skilled (NOC 21231) 30 h/week job in Canada, unless ``facts`` say
    otherwise."""
    fields = {**_COMPLETE, **facts}
    if isinstance(fields["noc"], str):
        fields["noc"] = NocCode(fields["noc"])
    return WorkPeriod(start=start, end=end, **fields)


def make_history(*periods: WorkPeriod) -> WorkHistory:
    return WorkHistory(periods=periods)


@pytest.fixture
def job() -> Callable[..., WorkPeriod]:
    """Build a work period: complete, paid, skilled, authorized work in Canada by default."""
    return make_job


@pytest.fixture
def history() -> Callable[..., WorkHistory]:
    """Build a work history from periods."""
    return make_history


@pytest.fixture
def days() -> Callable[[date, int], tuple[date, date]]:
    """``days(start, n)``: the first and last day of ``n`` days from ``start``, both included."""

    def span(start: date, count: int) -> tuple[date, date]:
        return start, start + timedelta(days=count - 1)

    return span
