"""Effective-dated rule tables.

Every number the engine uses lives in a :class:`DatedTable`: a sequence of values, each with the
date it takes effect and the :class:`Citation` it comes from. A lookup on a date takes the
latest entry that started on or before it (the way OpenFisca parameters work). A rule change is
a new row, never a new ``if`` in a predicate.

>>> from datetime import date
>>> ita_days = DatedTable(
...     "Days to submit an application after an invitation",
...     (
...         Dated(date(2015, 1, 1), 60, Citation("MI", "s. 11", "https://example.org/a")),
...         Dated(date(2016, 11, 19), 90, Citation("MI", "s. 11", "https://example.org/b")),
...     ),
... )
>>> ita_days.at(date(2016, 11, 18)), ita_days.at(date(2016, 11, 19))
(60, 90)
>>> ita_days.change_dates
(datetime.date(2015, 1, 1), datetime.date(2016, 11, 19))
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterator
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta
from itertools import pairwise
from typing import Any, Generic, TypeVar

import attrs

from expressentry.exceptions import NotInForce

__all__ = [
    "EXPRESS_ENTRY_LAUNCH",
    "RULES_VERIFIED_THROUGH",
    "Citation",
    "Dated",
    "DatedTable",
    "add_days",
    "add_years",
    "rules_warnings",
]

T = TypeVar("T")

EXPRESS_ENTRY_LAUNCH = date(2015, 1, 1)
"""Express Entry and the CRS began on this day; earlier dates are refused (policy P1)."""


def require_in_force(day: date, what: str = "the evaluation date") -> None:
    """:class:`NotInForce` for a day before Express Entry began (policy P1); ``what`` names
    the date in the message.

    >>> require_in_force(date(2014, 12, 31))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    expressentry.exceptions.NotInForce: the evaluation date: no rule is in force on 2014-12-31; ...
    """
    if day < EXPRESS_ENTRY_LAUNCH:
        raise NotInForce(
            f"{what}: no rule is in force on {day.isoformat()}; Express Entry began on "
            f"{EXPRESS_ENTRY_LAUNCH.isoformat()} (policy P1)"
        )


RULES_VERIFIED_THROUGH = date(2026, 11, 29)
"""The day the rule tables were last checked against their sources (policy P15)."""


# Kept: a pool is assessed on a few dates.
@functools.lru_cache(maxsize=64)
def rules_warnings(on: date) -> tuple[str, ...]:
    """The warnings an evaluation on ``on`` carries: one when ``on`` is after
    :data:`RULES_VERIFIED_THROUGH` (policy P15), none before.

    >>> rules_warnings(date(2026, 11, 29))
    ()
    >>> for warning in rules_warnings(date(2026, 11, 30)):
    ...     print(warning)
    The rules were last checked against their sources on 2026-11-29; rules may have changed by
    2026-11-30 (policy P15).
    """
    if on > RULES_VERIFIED_THROUGH:
        return (
            f"The rules were last checked against their sources on "
            f"{RULES_VERIFIED_THROUGH.isoformat()}; rules may have changed by "
            f"{on.isoformat()} (policy P15).",
        )
    return ()


def day_of(on: object) -> date:
    """The day of a datetime (its date compares with the rules' dates; a datetime does not);
    a TypeError naming what was given for anything else.

    >>> day_of(datetime(2026, 12, 1, 9, 30))
    datetime.date(2026, 12, 1)
    >>> day_of("2026-12-01")
    Traceback (most recent call last):
    ...
    TypeError: the evaluation date must be a datetime.date, got str
    """
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, date):  # a subclass of date of the user's own
        return date(on.year, on.month, on.day)
    raise TypeError(f"the evaluation date must be a datetime.date, got {type(on).__name__}")


def add_years(day: date, years: int) -> date:
    """``day`` moved ``years`` calendar years (back when negative), within the calendar.

    29 February falls on 28 February in a common year, as the *Interpretation Act* (s. 28(b))
    ends a period of months on the month's last day when the day does not exist in it (a test
    result of 2024-02-29 stops counting on 2026-02-28; only a 29 February birthday falls on
    1 March, by policy P13). The same arithmetic as
    ``day + dateutil.relativedelta.relativedelta(years=years)``, without its cost on the hot
    paths (validity periods and windows are computed for every candidate). A date past the
    calendar's last day is that day, 9999-12-31 (and before its first, 0001-01-01): a valid
    profile dated near the end of the calendar must not make the engine raise. The one cost: a
    result or an ECA whose validity would run past the calendar's end stops counting on
    9999-12-31 itself (its first day without validity cannot be written), a day early.

    >>> add_years(date(2024, 2, 29), 2), add_years(date(2024, 2, 29), -4)
    (datetime.date(2026, 2, 28), datetime.date(2020, 2, 29))
    >>> add_years(date(9998, 6, 1), 2)
    datetime.date(9999, 12, 31)
    """
    year = day.year + years
    if year > MAXYEAR:
        return date.max
    if year < MINYEAR:
        return date.min
    try:
        return day.replace(year=year)
    except ValueError:  # only 29 February has no counterpart in another year
        return day.replace(year=year, day=28)


def add_days(day: date, days: int) -> date:
    """``day`` moved ``days`` days forward, the calendar's last day (9999-12-31) at most, as
    :func:`add_years` does."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max


@attrs.frozen
class Citation:
    """Where a rule comes from.

    ``instrument`` names the legal or official text (``"IRPR"``, ``"Ministerial Instructions"``,
    ``"IRCC"``); ``provision`` the part of it (``"s. 75(2)(a)"``); ``url`` a public page.
    """

    instrument: str
    provision: str
    url: str

    def __str__(self) -> str:
        return f"{self.instrument} {self.provision} <{self.url}>"


@attrs.frozen
class Dated(Generic[T]):
    """One row of a dated table: ``value`` applies from ``start`` until the next row starts."""

    start: date
    value: T
    citation: Citation


def _check_entries(
    instance: DatedTable[Any], attribute: attrs.Attribute[Any], entries: tuple[Dated[Any], ...]
) -> None:
    if not entries:
        raise ValueError(f"dated table {instance.name!r} has no entries")
    for earlier, later in pairwise(entries):
        if not earlier.start < later.start:
            raise ValueError(
                f"dated table {instance.name!r}: entries must start on strictly increasing "
                f"dates, but {later.start.isoformat()} follows {earlier.start.isoformat()}"
            )


@attrs.frozen
class DatedTable(Generic[T]):
    """Values that change over time, each row with its start date and citation."""

    name: str
    entries: tuple[Dated[T], ...] = attrs.field(validator=_check_entries)
    _starts: tuple[date, ...] = attrs.field(init=False, repr=False, eq=False)

    @_starts.default
    def _starts_default(self) -> tuple[date, ...]:
        return tuple(entry.start for entry in self.entries)

    def entry_at(self, on: date) -> Dated[T]:
        """The row in force on ``on``; :class:`NotInForce` before the first row. A datetime
        is read as its day (:func:`day_of`)."""
        try:  # a try costs nothing until it catches
            index = bisect_right(self._starts, on) - 1
        except TypeError:  # a datetime, which no date compares with, or no date at all
            return self.entry_at(day_of(on))
        if index < 0:
            raise NotInForce(
                f"{self.name}: no rule in force on {on.isoformat()}; the first takes effect "
                f"on {self._starts[0].isoformat()}"
            )
        return self.entries[index]

    def at(self, on: date) -> T:
        """The value in force on ``on``."""
        return self.entry_at(on).value

    def citation_at(self, on: date) -> Citation:
        """The citation of the row in force on ``on``."""
        return self.entry_at(on).citation

    @property
    def change_dates(self) -> tuple[date, ...]:
        """Every date on which the table changes, oldest first (for boundary tests)."""
        return self._starts

    def __iter__(self) -> Iterator[Dated[T]]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)
