"""The dated tables of the ledger: values, citations, and a test on each side of each change."""

from __future__ import annotations

from datetime import timedelta

import pytest

from expressentry.dated import EXPRESS_ENTRY_LAUNCH
from expressentry.exceptions import NotInForce
from expressentry.experience import (
    CEC_WINDOW_YEARS,
    CRS_WINDOW_YEARS,
    FST_WINDOW_YEARS,
    FSW_WINDOW_YEARS,
    FULL_TIME_HOURS_PER_WEEK,
    HOURS_PER_YEAR,
)

TABLES = {
    "full time": (FULL_TIME_HOURS_PER_WEEK, 30),
    "hours a year": (HOURS_PER_YEAR, 1560),
    "FSW window": (FSW_WINDOW_YEARS, 10),
    "FST window": (FST_WINDOW_YEARS, 5),
    "CEC window": (CEC_WINDOW_YEARS, 3),
    "CRS window": (CRS_WINDOW_YEARS, 10),
}


@pytest.mark.parametrize(("table", "value"), TABLES.values(), ids=TABLES.keys())
def test_every_row_has_its_value_and_a_citation(table, value):
    assert table.at(EXPRESS_ENTRY_LAUNCH) == value
    for row in table:
        assert row.citation.url.startswith("https://")
        assert row.citation.instrument


@pytest.mark.parametrize(("table", "value"), TABLES.values(), ids=TABLES.keys())
def test_boundaries_of_every_change(table, value):
    first, *later = table.change_dates
    with pytest.raises(NotInForce):
        table.at(first - timedelta(days=1))
    for change in later:  # none yet: a rule change adds a row and is tested here
        assert table.at(change - timedelta(days=1)) != table.at(change)


def test_a_year_is_52_full_weeks():
    assert HOURS_PER_YEAR.at(EXPRESS_ENTRY_LAUNCH) == 52 * FULL_TIME_HOURS_PER_WEEK.at(
        EXPRESS_ENTRY_LAUNCH
    )
