"""The work-experience ledger: hours and years of experience from dated job periods.

**The arithmetic** (policies P9, P24, P25, P26). A period covers the days from its start to its
end, both included; an open end means the job is still held and counts through the evaluation
date ``on``; no day after ``on`` ever counts. A query first keeps the periods its program
accepts (paid, skilled, in Canada, authorized...), clips them to its window (the days from ``on``
minus N calendar years through ``on``), and only then applies the cap: on each day the periods
that remain give ``min(30, sum of their hours a week) / 7`` hours. One year is 1,560 hours;
whole years are floored.

The sum runs over the boundaries of the periods (a sweep over sorted start and end days), never
over single days, and in integers: hours a week are taken to the hundredth of an hour, so a
day of work is an exact multiple of 1/700 of an hour and 364 days at 30 hours a week are exactly
1,560 hours. A history with hours written finer (29.995 a week) is counted in finer units, so
its figures are exact too: never rounded up to a threshold they fall short of.

**Unanswered facts** (DESIGN principle 4). A period whose answer to a fact the query needs is
missing (paid, self-employed, full-time student, authorized, the NOC code, or its code in the
version in force) is neither counted nor dropped: every figure has a lower bound (such periods
left out) and an upper bound (such periods counted). Every figure grows with the set of periods,
so the truth lies between the two, and a threshold is *decided* when both bounds fall on the
same side of it (:meth:`Experience.reaches`); otherwise it is unknown, and
:meth:`Experience.uses` names each undecided period and its missing facts. A history that is
not answered at all (``None``, not the empty history of someone who has never worked) is the
extreme case: nothing counts for certain, and all the work the window can hold may.

>>> from datetime import date
>>> from expressentry.model import NocCode, WorkHistory, WorkPeriod
>>> from expressentry.experience.queries import CRS_CANADIAN
>>> history = WorkHistory(periods=(
...     WorkPeriod(noc=NocCode("21231"), country="CA", start=date(2024, 1, 1),
...                end=date(2024, 12, 29), hours_per_week=30, paid=True,
...                self_employed=False, full_time_student=False, authorized=True),
... ))
>>> experience = Ledger.of(history, date(2026, 11, 29)).measure(CRS_CANADIAN)
>>> experience.hours, experience.years
(Fraction(1560, 1), 1)
>>> unanswered = Ledger.of(None, date(2026, 11, 29)).measure(CRS_CANADIAN)
>>> unanswered.years_at_least, unanswered.years_at_most, unanswered.reaches(1560)
(0, 10, None)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from fractions import Fraction
from functools import lru_cache
from itertools import pairwise
from math import lcm
from typing import Final

import attrs

from expressentry._enum import IdentityEnum
from expressentry.experience._occupations import OccupationInForce, in_force
from expressentry.experience.queries import (
    AUTHORIZED,
    FULL_TIME_STUDENT,
    IN_CANADA,
    OUTSIDE_CANADA,
    PAID,
    SELF_EMPLOYED,
    SELF_EMPLOYED_PHYSICIAN,
    SKILLED,
    TEER_2_OR_3,
    TRADE,
    ExperienceQuery,
)
from expressentry.experience.tables import (
    CEC_SELF_EMPLOYED_PHYSICIANS,
    FULL_TIME_HOURS_PER_WEEK,
    HOURS_PER_YEAR,
)
from expressentry.model import EARLIEST_BIRTH_DATE, WorkHistory, WorkPeriod
from expressentry.noc import (
    SKILLED_OCCUPATIONS,
    SKILLED_TRADES,
    NocCode,
    NocVersion,
    version_in_force,
)

__all__ = [
    "Continuity",
    "ContinuousRun",
    "Experience",
    "Ledger",
    "MissingFact",
    "PeriodUse",
    "Reason",
    "Use",
    "measure",
]

_HUNDREDTHS: Final = 100
"""Hours a week are kept in hundredths of an hour, so that every sum is an exact integer (or
finer, when a history's hours are written finer: see :func:`_scale`)."""

_UNITS_PER_HOUR: Final = 7 * _HUNDREDTHS
"""A ledger unit is one day at one hundredth of an hour a week: 1/700 of an hour."""


class Use(IdentityEnum):
    """What a query made of one period."""

    COUNTED = "counted"
    EXCLUDED = "excluded"
    UNKNOWN = "unknown"  # it counts or not depending on facts not answered


class Reason(IdentityEnum):
    """Why some or all of a period's hours were left out."""

    AFTER_EVALUATION_DATE = "after_evaluation_date"
    OUTSIDE_WINDOW = "outside_window"
    OUTSIDE_CANADA = "outside_canada"
    IN_CANADA = "in_canada"
    UNPAID = "unpaid"
    UNAUTHORIZED = "unauthorized"
    SELF_EMPLOYED = "self_employed"
    FULL_TIME_STUDENT = "full_time_student"
    UNSKILLED = "unskilled"
    NOT_A_TRADE = "not_a_trade"
    NOT_TEER_2_OR_3 = "not_teer_2_or_3"
    OTHER_OCCUPATION = "other_occupation"
    OVER_WEEKLY_CAP = "over_weekly_cap"


class MissingFact(IdentityEnum):
    """A fact about a period that a query needs and the profile does not answer."""

    PAID = "paid"
    SELF_EMPLOYED = "self_employed"
    FULL_TIME_STUDENT = "full_time_student"
    AUTHORIZED = "authorized"
    NOC = "noc"
    NOC_IN_FORCE = "noc_in_force"  # the code in the NOC version in force on the date


# Fact bits shared with the queries, in the order the reasons are reported.
_FACT_REASONS: Final = (
    (IN_CANADA, Reason.IN_CANADA, None),
    (OUTSIDE_CANADA, Reason.OUTSIDE_CANADA, None),
    (PAID, Reason.UNPAID, MissingFact.PAID),
    (AUTHORIZED, Reason.UNAUTHORIZED, MissingFact.AUTHORIZED),
    (SELF_EMPLOYED, Reason.SELF_EMPLOYED, MissingFact.SELF_EMPLOYED),
    (SELF_EMPLOYED_PHYSICIAN, Reason.SELF_EMPLOYED, MissingFact.SELF_EMPLOYED),
    (FULL_TIME_STUDENT, Reason.FULL_TIME_STUDENT, MissingFact.FULL_TIME_STUDENT),
    (SKILLED, Reason.UNSKILLED, None),  # the missing fact is the code: see _code_fact
    (TRADE, Reason.NOT_A_TRADE, None),
    (TEER_2_OR_3, Reason.NOT_TEER_2_OR_3, None),
)

_SOME_ONE: Final = frozenset({"any single occupation"})
"""Target of a one-occupation query before its occupation is chosen (compared by identity)."""

# Where a period falls for a query (see Ledger._placements).
_OUT_OF_DATES: Final = 0
_EXCLUDED: Final = 1
_COUNTED: Final = 2
_UNKNOWN: Final = 3

_Interval = tuple[int, int, int]
"""First day and day after the last (ordinals), and the hours a week in the ledger's scale
(hundredths of an hour, unless the history's hours are written finer)."""

_NO_WORK: Final = WorkHistory()
_UNANSWERED_FROM: Final = EARLIEST_BIRTH_DATE.toordinal()
"""Where a window without a start begins when the work history is not answered: no work can
be older than the earliest birth date the model accepts."""


@lru_cache(maxsize=1024)
def _rules_on(
    on: date,
) -> tuple[NocVersion, tuple[date, date], int, int, dict[str, _Resolved], frozenset[str]]:
    """What a ledger needs from the dated tables on ``on``: the NOC version, the start dates of
    the skilled-occupation and trade groups in force, the weekly cap and the year, in units,
    the memo of the codes resolved under those groups, and the codes in force whose
    self-employment the CEC counts."""
    groups = (SKILLED_OCCUPATIONS.entry_at(on).start, SKILLED_TRADES.entry_at(on).start)
    return (
        version_in_force(on),
        groups,
        FULL_TIME_HOURS_PER_WEEK.at(on) * _HUNDREDTHS,
        HOURS_PER_YEAR.at(on) * _UNITS_PER_HOUR,
        _memo_for(groups),
        frozenset(CEC_SELF_EMPLOYED_PHYSICIANS.at(on)),
    )


@lru_cache(maxsize=1024)
def _window(on: date, years: int | None) -> tuple[date | None, int]:
    """The first day of the window, and its ordinal (0 when there is no window).

    The window runs from ``on`` minus ``years`` calendar years through ``on`` (P25); from 29
    February, the same day ``years`` earlier may not exist, and the 28th is taken.
    """
    if years is None:
        return None, 0
    try:
        first = on.replace(year=on.year - years)
    except ValueError:
        first = on.replace(year=on.year - years, day=28)
    return first, first.toordinal()


@lru_cache(maxsize=1024)
def _query_window(query: ExperienceQuery, on: date) -> tuple[date | None, int]:
    """:func:`_window` of ``query`` on ``on``: one memo lookup per measure (queries hash once)."""
    return _window(on, query.window_years(on))


_Resolved = tuple[OccupationInForce | None, frozenset[str] | None, int, int]

_RESOLVED: dict[tuple[date, date], dict[str, _Resolved]] = {}
"""Memo of :func:`_resolve`, by the start dates of the groups in force, then by code: the
classification and its groups never change at run time."""


def _memo_for(groups: tuple[date, date]) -> dict[str, _Resolved]:
    """The codes resolved under ``groups`` (a ledger reads it once, for all its periods)."""
    memo = _RESOLVED.get(groups)
    if memo is None:
        memo = _RESOLVED[groups] = {}
    return memo


def _resolve(
    noc: NocCode, groups: tuple[date, date], memo: dict[str, _Resolved] | None = None
) -> _Resolved:
    """A code in force, its candidate codes, and its (fails, unknowns) bits: once per code."""
    if memo is None:
        memo = _memo_for(groups)
    found = memo.get(noc.code)
    if found is None:
        found = memo[noc.code] = _resolve_uncached(noc, groups)
    return found


def _resolve_uncached(noc: NocCode, groups: tuple[date, date]) -> _Resolved:
    occupation = in_force(noc, *groups)
    fails = unknowns = 0
    for answer, bit in (
        (occupation.skilled, SKILLED),
        (occupation.trade, TRADE),
        (occupation.teer_2_or_3, TEER_2_OR_3),
    ):
        if answer is None:
            unknowns |= bit
        elif not answer:
            fails |= bit
    return occupation, frozenset(code.code for code in occupation.candidates), fails, unknowns


@lru_cache(maxsize=4096)
def _noc(code: str) -> NocCode:
    """The code of a candidate code string, checked once."""
    return NocCode(code)


_NO_CODE: Final[_Resolved] = (None, None, 0, SKILLED | TRADE | TEER_2_OR_3)
"""A period without a code: whether it is skilled or a trade is unknown."""


_Context = tuple[tuple[date, date], int, dict[str, _Resolved], frozenset[str], int]
"""What each period is resolved with (:class:`_Job`): the start dates of the groups in force,
the evaluation day's ordinal, the memo of resolved codes, the physicians' codes, and the parts
of an hour a week the ledger counts in (hundredths, unless a figure is written finer)."""


class _Job:
    """One period, resolved once per ledger: day ordinals, hours a week in the ledger's parts
    of an hour, fact bits.

    ``fails`` has the bit of every fact whose answer excludes the period from a query that
    filters on it, ``unknowns`` the bit of every fact left unanswered.
    """

    __slots__ = (
        "codes",
        "end",
        "fails",
        "index",
        "last",
        "occupation",
        "period",
        "start",
        "unknowns",
        "weekly",
    )

    def __init__(self, index: int, period: WorkPeriod, context: _Context) -> None:
        groups, on, memo, physicians, scale = context
        self.index = index
        self.period = period
        self.start = period.start.toordinal()
        self.end = None if period.end is None else period.end.toordinal()
        # The last day that can count: the end, or the evaluation date if it comes first (P24).
        self.last = on if self.end is None or self.end > on else self.end
        hours = period.hours_per_week
        if scale == _HUNDREDTHS:
            weekly = round(hours * _HUNDREDTHS)
            # A figure in whole hundredths is the float nearest to its hundredths over 100.
            if weekly / _HUNDREDTHS != hours:
                raise _FinerThanHundredths
            self.weekly = weekly
        else:  # whole: the scale is fine enough for every figure of the history
            self.weekly = int(Fraction(str(hours)) * scale)
        resolved = _NO_CODE if period.noc is None else _resolve(period.noc, groups, memo)
        self.occupation, self.codes, fails, unknowns = resolved
        if period.country == "CA":
            fails |= IN_CANADA
            # Authorization matters only for work in Canada (P11, P28).
            if period.authorized is None:
                unknowns |= AUTHORIZED
            elif not period.authorized:
                fails |= AUTHORIZED
        else:
            fails |= OUTSIDE_CANADA
        if period.paid is None:
            unknowns |= PAID
        elif not period.paid:
            fails |= PAID
        self_employed = period.self_employed
        if self_employed is None or self_employed:  # read by its truth, as every answer is
            # A physician's self-employment in Canada has its own bit while the CEC counts it.
            codes = self.codes
            bit = (
                SELF_EMPLOYED_PHYSICIAN
                if physicians
                and codes is not None
                and period.country == "CA"
                and codes <= physicians
                else SELF_EMPLOYED
            )
            if self_employed is None:
                unknowns |= bit
            else:
                fails |= bit
        if period.full_time_student is None:
            unknowns |= FULL_TIME_STUDENT
        elif period.full_time_student:
            fails |= FULL_TIME_STUDENT
        self.fails = fails
        self.unknowns = unknowns


def _jobs(history: WorkHistory, context: _Context) -> tuple[_Job, ...]:
    """Every period of ``history`` resolved."""
    return tuple([_Job(index, period, context) for index, period in enumerate(history)])


class _FinerThanHundredths(Exception):
    """A period's hours a week are written finer than a hundredth (the rare case): the ledger
    is built again in the finer units of :func:`_scale`."""


def _scale(history: WorkHistory) -> int:
    """The parts of an hour a week a ledger of ``history`` counts in, so that every figure is
    counted as written: at least hundredths. A float is taken as its shortest decimal
    (``str``), the figure a JSON profile or a Python literal wrote (a Fraction as itself):
    29.995 hours a week over 364 days are 1,559.74 hours, not the 1,560 that hundredths would
    round to.
    """
    return lcm(
        _HUNDREDTHS, *(Fraction(str(period.hours_per_week)).denominator for period in history)
    )


def _sweep(intervals: list[_Interval], cap: int) -> int:
    """Ledger units of ``intervals`` with at most ``cap`` hundredths a week on any day."""
    if len(intervals) == 1:  # the common case needs no sort
        first, after, weekly = intervals[0]
        return (after - first) * min(weekly, cap)
    events: list[tuple[int, int]] = []
    for first, after, weekly in intervals:
        events.append((first, weekly))
        events.append((after, -weekly))
    events.sort()
    total = level = previous = 0
    for day, change in events:
        if level:
            total += (day - previous) * (level if level < cap else cap)
        level += change
        previous = day
    return total


def _runs(intervals: list[_Interval], cap: int) -> list[_Interval]:
    """Each continuous run (no day without work) as (first, after, units)."""
    if len(intervals) == 1:  # the common case needs no sort
        first, after, weekly = intervals[0]
        return [(first, after, (after - first) * (weekly if weekly < cap else cap))]
    # At a day where one period ends and another starts, the start comes first, so that
    # back-to-back periods make one run.
    events = sorted(
        [(first, 0, weekly) for first, _, weekly in intervals]
        + [(after, 1, -weekly) for _, after, weekly in intervals]
    )
    runs: list[_Interval] = []
    total = level = active = previous = run_start = 0
    for day, is_end, change in events:
        if active:
            total += (day - previous) * (level if level < cap else cap)
        else:
            run_start, total = day, 0
        level += change
        active += -1 if is_end else 1
        previous = day
        if not active:
            runs.append((run_start, day, total))
    return runs


def _preference(run: _Interval) -> tuple[int, int, int]:
    """How runs are preferred: the most hours; among equals the longer, then the more recent."""
    return (run[2], run[1] - run[0], run[1])


def _preferred(runs: Iterable[_Interval]) -> _Interval | None:
    """The preferred run (:func:`_preference`)."""
    return max(runs, key=_preference, default=None)


def _best_run(intervals: list[_Interval], cap: int) -> _Interval | None:
    """The preferred continuous run of ``intervals``."""
    return _preferred(_runs(intervals, cap))


def _attribute(
    intervals: Iterable[tuple[int, int, int, int]], cap: int
) -> dict[int, tuple[Fraction, int]]:
    """Per job index: the units it gave under the cap, and the units it gave before the cap.

    When simultaneous jobs exceed the cap, the capped hours are shared in proportion to each
    job's hours a week (the order of the periods does not matter).
    """
    items = list(intervals)
    points = sorted({first for first, _, _, _ in items} | {after for _, after, _, _ in items})
    counted: dict[int, Fraction] = {index: Fraction(0) for _, _, _, index in items}
    raw = dict.fromkeys(counted, 0)
    for first, after in pairwise(points):
        active = [(index, w) for s, e, w, index in items if s <= first and after <= e]
        level = sum(weekly for _, weekly in active)
        if not level:  # no job between these days
            continue
        days = after - first
        for index, weekly in active:
            raw[index] += days * weekly
            counted[index] += Fraction(days * min(level, cap) * weekly, level)
    return {index: (counted[index], raw[index]) for index in counted}


def _hours(units: int | Fraction, per_hour: int) -> Fraction:
    """Ledger ``units`` in hours, at ``per_hour`` units an hour (the ledger's)."""
    # One constructor call instead of a construction and a division (the same Fraction).
    return Fraction(units, per_hour)


def _hundredths(hours: Fraction) -> int:
    """``hours`` in hundredths, rounded to the nearest, but never up to a whole number the
    hours fall short of: 1,559.996 hours are 1,559.99, not 1,560.00 (the thresholds are whole
    hours, and a figure just short of one must not read as reaching it)."""
    exact = hours * 100
    rounded = round(exact)
    return rounded - 1 if rounded % 100 == 0 and rounded > exact else rounded


def format_hours(hours: Fraction) -> str:
    """``1,560`` or ``1,234.57``: whole hours plainly, otherwise to the hundredth, never
    rounded up to a whole number (see :func:`_hundredths`).

    >>> format_hours(Fraction(1560)), format_hours(Fraction(3121, 2))
    ('1,560', '1,560.50')
    >>> format_hours(Fraction(1559996, 1000))  # 1,559.996 hours: short of 1,560
    '1,559.99'
    """
    if hours.denominator == 1:
        return f"{hours.numerator:,}"
    hundredths = _hundredths(hours)
    return f"{hundredths // 100:,}.{hundredths % 100:02d}"


def hours_fact(hours: Fraction) -> int | float:
    """Hours as a JSON-ready fact: an integer when whole, else to the hundredth as
    :func:`format_hours` says them."""
    return hours.numerator if hours.denominator == 1 else _hundredths(hours) / 100


def _format_hours(hours: Fraction) -> str:
    """``1,560 hours``, ``1 hour``."""
    return f"{format_hours(hours)} hour" + ("" if hours == 1 else "s")


def _years(low: int, high: int | None = None) -> str:
    """``1 year``, ``2 years``, ``0 to 1 years``."""
    if high is None or high == low:
        return f"{low} year" + ("" if low == 1 else "s")
    return f"{low} to {high} years"


@attrs.frozen(kw_only=True)
class ContinuousRun:
    """A stretch of days with work on every day, and the hours it gave."""

    first_day: date
    last_day: date
    hours: Fraction

    @property
    def days(self) -> int:
        """How many days the run covers, both ends included."""
        return (self.last_day - self.first_day).days + 1


@attrs.frozen(kw_only=True)
class Continuity:
    """The best continuous run (most hours): certainly (``at_least``) and at most (``at_most``).

    ``at_least`` leaves out the periods with unanswered facts, ``at_most`` counts them.
    """

    at_least: ContinuousRun | None
    at_most: ContinuousRun | None

    def reaches(self, hours: int | Fraction) -> bool | None:
        """Whether one continuous run gives ``hours``; ``None`` if missing facts decide it."""
        if self.at_least is not None and self.at_least.hours >= hours:
            return True
        if self.at_most is None or self.at_most.hours < hours:
            return False
        return None


@attrs.frozen(kw_only=True)
class PeriodUse:
    """What one query made of one period, with the candidate's own figures.

    ``hours`` are the hours counted (``COUNTED``), or those the period would add if its missing
    facts were answered favourably (``UNKNOWN``); ``hours_over_cap`` those above 30 hours a week.
    ``reasons`` say why the period, or a part of it, was left out; ``missing`` which facts are
    not answered. ``first_day`` and ``last_day`` bound the days that count.
    """

    index: int
    period: WorkPeriod
    use: Use
    occupation: NocCode | None
    first_day: date | None
    last_day: date | None
    hours: Fraction
    hours_over_cap: Fraction
    reasons: tuple[Reason, ...]
    missing: tuple[MissingFact, ...]
    sentence: str


@attrs.frozen
class Ledger:
    """A work history resolved once for an evaluation date, ready to answer every query.

    Build it with :meth:`Ledger.of`; :meth:`measure` then answers each program's question.
    The NOC version in force on ``on`` judges every code (rules.md §8.2).

    A history that is not answered (``None``) is not an empty one: every query then counts
    from nothing to all the work its window can hold, and names ``$.work_history`` as the
    fact to answer (``answered`` is false).
    """

    history: WorkHistory
    on: date
    version: NocVersion
    _groups_from: tuple[date, date] = attrs.field(alias="groups", repr=False)
    _jobs: tuple[_Job, ...] = attrs.field(alias="jobs", repr=False, eq=False)
    _cap: int = attrs.field(alias="cap", repr=False)
    _year_units: int = attrs.field(alias="year_units", repr=False)
    # Units an hour: 700, or more when the history's hours are written finer (_scale).
    _units_per_hour: int = attrs.field(default=_UNITS_PER_HOUR, alias="units_per_hour", repr=False)
    answered: bool = True

    @classmethod
    def of(cls, history: WorkHistory | None, on: date) -> Ledger:
        """Resolve ``history`` on ``on`` (``None``: not answered);
        :class:`~expressentry.exceptions.NotInForce` before 2015."""
        version, groups, cap, year_units, memo, physicians = _rules_on(on)
        if history is None:
            return cls(_NO_WORK, on, version, groups, (), cap, year_units, _UNITS_PER_HOUR, False)
        ordinal = on.toordinal()
        per_hour = _UNITS_PER_HOUR
        try:  # a try costs nothing until it catches
            jobs = _jobs(history, (groups, ordinal, memo, physicians, _HUNDREDTHS))
        except _FinerThanHundredths:  # the whole history in the finer units its hours need
            finer = _scale(history) // _HUNDREDTHS
            jobs = _jobs(history, (groups, ordinal, memo, physicians, finer * _HUNDREDTHS))
            cap, year_units, per_hour = cap * finer, year_units * finer, per_hour * finer
        # In the order of the fields (a keyword costs more than the field).
        return cls(history, on, version, groups, jobs, cap, year_units, per_hour)

    def _unanswered(self, first: int) -> _Interval:
        """All the work a window from ``first`` (0: no start) can hold, as one run (first day,
        day after the last, ledger units, as :func:`_runs` gives): what an unanswered history
        may give."""
        start = first or _UNANSWERED_FROM
        after = self.on.toordinal() + 1
        return (start, after, (after - start) * self._cap)

    # -- where one period falls ------------------------------------------------------------

    def _placements(
        self, mask: int, first: int, target: frozenset[str] | None, *, every: bool = False
    ) -> Iterator[tuple[_Job, int, int, int]]:
        """(job, placement, first day, last day) for a query's ``mask``, window start ``first``
        and target occupation (candidate codes, :data:`_SOME_ONE` or ``None``): of the jobs that
        count or may count, or of ``every`` job (for the explanations).
        """
        for job in self._jobs:
            start = job.start if job.start > first else first
            end = job.last
            if start > end:
                if every:
                    yield job, _OUT_OF_DATES, start, end
            elif job.fails & mask:
                if every:
                    yield job, _EXCLUDED, start, end
            elif target is None:
                yield job, (_UNKNOWN if job.unknowns & mask else _COUNTED), start, end
            else:
                codes = job.codes
                # A period under the very code the occupation is given by (resolved once per
                # code, so the same set) is in that occupation, whichever code in force it is
                # (a NOC 2021 code on a NOC 2016 date, say): audit helper-73.
                same = codes is target
                if codes is not None and target is not _SOME_ONE and codes.isdisjoint(target):
                    if every:  # certainly another occupation
                        yield job, _EXCLUDED, start, end
                elif codes is None or (len(codes) > 1 and not same):
                    yield job, _UNKNOWN, start, end
                else:
                    unknown = job.unknowns & mask or (len(target) > 1 and not same)
                    yield job, (_UNKNOWN if unknown else _COUNTED), start, end

    def _collect(
        self, query: ExperienceQuery, first: int, target: frozenset[str] | None
    ) -> tuple[list[_Interval], list[_Interval]]:
        """The intervals that count, and those that count only if missing facts allow."""
        counted: list[_Interval] = []
        possible: list[_Interval] = []
        mask = query.mask
        if target is None:  # every occupation (the CRS's Canadian years): _placements inlined
            for job in self._jobs:
                start = job.start if job.start > first else first
                end = job.last
                if start <= end and not job.fails & mask:
                    interval = (start, end + 1, job.weekly)
                    (possible if job.unknowns & mask else counted).append(interval)
            return counted, possible
        for job, placement, start, end in self._placements(mask, first, target):
            (counted if placement == _COUNTED else possible).append((start, end + 1, job.weekly))
        return counted, possible

    def _groups(
        self, query: ExperienceQuery, first: int
    ) -> tuple[
        dict[str, tuple[list[_Interval], list[_Interval]]],
        list[_Interval],
        list[tuple[_Interval, frozenset[str]]],
    ]:
        """Per candidate code: (intervals certainly in it, intervals possibly in it); the
        intervals of periods without a code, which could be in any occupation; and the
        intervals of periods certainly in one of several codes, with those codes (every fact
        known, each code admitted: only which one is open)."""
        groups: dict[str, tuple[list[_Interval], list[_Interval]]] = {}
        uncoded: list[_Interval] = []
        split: list[tuple[_Interval, frozenset[str]]] = []
        mask = query.mask
        # _placements(mask, first, _SOME_ONE) inlined: the CRS asks this for every candidate.
        for job in self._jobs:
            start = job.start if job.start > first else first
            end = job.last
            if start > end or job.fails & mask:
                continue
            interval = (start, end + 1, job.weekly)
            codes = job.codes
            if codes is None:
                uncoded.append(interval)
                continue
            # Certainly in its occupation when its one code in force and its facts are known.
            possibly = 1 if len(codes) > 1 or job.unknowns & mask else 0
            if len(codes) > 1:  # may be a code the query refuses (a non-trade, say)
                admitted = self._admitted(codes, mask)
                if len(admitted) == len(codes) and not job.unknowns & mask:
                    split.append((interval, codes))
                codes = admitted
            for code in codes:
                found = groups.get(code)
                if found is None:
                    found = groups[code] = ([], [])
                found[possibly].append(interval)
        return groups, uncoded, split

    def _admitted(self, codes: frozenset[str], mask: int) -> frozenset[str]:
        """The ``codes`` in force that a query's occupation filters (skilled, a trade, TEER 2
        or 3) may admit: a period that may be in an occupation the query refuses cannot count
        as that occupation's experience (a code that maps to a pilot and to a trade may be
        the trade, never the pilot a trade's hours are asked of)."""
        groups = self._groups_from
        memo = _memo_for(groups)
        admitted = frozenset(
            code for code in codes if not _resolve(_noc(code), groups, memo)[2] & mask
        )
        # The very set when all are admitted: a period under the code an occupation is given
        # by then has its target itself (see _placements).
        return codes if len(admitted) == len(codes) else admitted

    def _target(self, query: ExperienceQuery, occupation: NocCode | None) -> frozenset[str] | None:
        # The codes in force an occupation may be (those its periods are resolved to, kept),
        # less those the query's filters refuse.
        if occupation is None:
            return None
        codes = _resolve(occupation, self._groups_from)[1]
        assert codes is not None  # only a period without a code has no candidates
        return self._admitted(codes, query.mask)

    # -- the public questions --------------------------------------------------------------

    def measure(self, query: ExperienceQuery, occupation: NocCode | None = None) -> Experience:
        """The experience ``query`` counts, in ``occupation`` alone when it is given.

        A one-occupation query without ``occupation`` reports its best occupation.
        """
        window_start, first = _query_window(query, self.on)
        chosen = occupation is None and query.one_occupation
        if not self.answered:
            # ledger, query, window_start, occupation, at_least, at_most, chosen
            at_most = self._unanswered(first)[2]
            return Experience(self, query, window_start, occupation, 0, at_most, chosen)
        cap = self._cap
        if chosen:
            groups, uncoded, split = self._groups(query, first)
            at_most = _sweep(uncoded, cap) if uncoded else 0
            # The best occupation: the most certain hours; among equals, the lowest code.
            best: str | None = None
            at_least = 0
            for code, (certain, possible) in groups.items():
                lowest = highest = _sweep(certain, cap) if certain else 0
                if possible or uncoded:  # a period without a code could be in any occupation
                    highest = _sweep(certain + possible + uncoded, cap)
                if highest > at_most:
                    at_most = highest
                if best is None or lowest > at_least or (lowest == at_least and code < best):
                    best, at_least = code, lowest
            for interval, codes in split:
                # Whichever of its codes a period turns out to be, that occupation has the
                # period and all it certainly has: the least of these is certain too, in an
                # occupation not yet known (a NOC 2016 code the 2021 version splits).
                lowest = min(_sweep([*groups[code][0], interval], cap) for code in codes)
                if lowest > at_least:
                    best, at_least = None, lowest
            best_code = _noc(best) if best is not None and at_least else None
            # ledger, query, window_start, occupation, at_least, at_most, chosen
            return Experience(self, query, window_start, best_code, at_least, at_most, True)
        counted, possible = self._collect(query, first, self._target(query, occupation))
        at_least = _sweep(counted, cap) if counted else 0
        at_most = _sweep(counted + possible, cap) if possible else at_least
        return Experience(self, query, window_start, occupation, at_least, at_most)


def measure(
    history: WorkHistory | None,
    on: date,
    query: ExperienceQuery,
    occupation: NocCode | None = None,
) -> Experience:
    """Shorthand for ``Ledger.of(history, on).measure(query, occupation)``.

    Build the :class:`Ledger` once when several queries look at the same history.
    """
    return Ledger.of(history, on).measure(query, occupation)


@attrs.frozen  # built positionally by the ledger (a keyword costs more than the field)
class Experience:
    """How much experience a query counts, exactly, with the means to explain it.

    The figures are bounds: ``hours_at_least`` leaves out the periods whose missing facts could
    exclude them, ``hours_at_most`` counts them; they are equal when nothing is missing.
    ``occupation`` is the occupation measured (given, or the best one of a one-occupation query).
    """

    ledger: Ledger = attrs.field(repr=False)
    query: ExperienceQuery
    window_start: date | None
    occupation: NocCode | None
    _at_least: int = attrs.field(alias="at_least")
    _at_most: int = attrs.field(alias="at_most")
    # The occupation is the best one the ledger chose (a one-occupation query asked without
    # one): its upper bound may come from another occupation's periods.
    _chosen: bool = attrs.field(default=False, alias="chosen", repr=False)

    @property
    def on(self) -> date:
        """The evaluation date."""
        return self.ledger.on

    @property
    def _first(self) -> int:
        """The ordinal of the first day of the window (0 when there is none)."""
        return self.window_start.toordinal() if self.window_start is not None else 0

    @property
    def hours_at_least(self) -> Fraction:
        """The hours that count whatever the missing facts turn out to be."""
        return _hours(self._at_least, self.ledger._units_per_hour)

    @property
    def hours_at_most(self) -> Fraction:
        """The hours that would count if every missing fact were favourable."""
        return _hours(self._at_most, self.ledger._units_per_hour)

    @property
    def known(self) -> bool:
        """Whether the hours are known exactly (no missing fact changes them)."""
        return self._at_least == self._at_most

    @property
    def hours(self) -> Fraction | None:
        """The hours, or ``None`` when missing facts leave them open."""
        return self.hours_at_least if self.known else None

    @property
    def years_at_least(self) -> int:
        """Whole years certainly counted (1,560 hours each, floored)."""
        return self._at_least // self.ledger._year_units

    @property
    def tenths_of_years_at_least(self) -> int:
        """Tenths of a year certainly counted, floored (exact: the ledger's units are whole)."""
        return self._at_least * 10 // self.ledger._year_units

    @property
    def years_at_most(self) -> int:
        """Whole years that would count if every missing fact were favourable."""
        return self._at_most // self.ledger._year_units

    @property
    def years(self) -> int | None:
        """Whole years, or ``None`` when missing facts could change them."""
        years = self.years_at_least
        return years if years == self.years_at_most else None

    def reaches(self, hours: int | Fraction) -> bool | None:
        """Whether at least ``hours`` count: ``None`` when it depends on missing facts."""
        needed = hours * self.ledger._units_per_hour  # compared in the ledger's exact units
        if self._at_least >= needed:
            return True
        return False if self._at_most < needed else None

    def reaches_years(self, years: int) -> bool | None:
        """Whether at least ``years`` whole years count; ``None`` when undecided."""
        needed = years * self.ledger._year_units
        if self._at_least >= needed:
            return True
        return False if self._at_most < needed else None

    # -- derived, on demand ----------------------------------------------------------------

    def _target(self) -> frozenset[str] | None:
        if self.occupation is not None:
            return self.ledger._target(self.query, self.occupation)
        return _SOME_ONE if self.query.one_occupation else None

    def continuous_run(self) -> Continuity:
        """The continuous run with the most hours among the periods this figure counts.

        Measure one occupation (``occupation=`` or a one-occupation query) to get the run in
        one occupation, as FSW's qualifying year needs (P9).
        """
        ledger = self.ledger
        cap, per_hour = ledger._cap, ledger._units_per_hour
        first = self._first
        if not ledger.answered:  # any run the window holds may be there
            return Continuity(at_least=None, at_most=_run(ledger._unanswered(first), per_hour))
        target = self._target()
        if target is _SOME_ONE:  # no occupation named: the best one's run
            groups, uncoded, split = ledger._groups(self.query, first)
            candidates = [certain + possible + uncoded for certain, possible in groups.values()]
            runs = [run for intervals in (*candidates, uncoded) for run in _runs(intervals, cap)]
            # Whichever of its codes a period under a split NOC 2016 code turns out to be, that
            # occupation has the period and its own certain periods: the least of those runs
            # is certain, in an occupation not yet known (as measure() bounds the hours).
            certain = [
                min(
                    (
                        max(_runs([*groups[code][0], interval], cap), key=_preference)
                        for code in sorted(codes)
                    ),
                    key=_preference,
                )
                for interval, codes in split
            ]
            return Continuity(
                at_least=_run(_preferred(certain), per_hour),
                at_most=_run(_preferred(runs), per_hour),
            )
        counted, possible = ledger._collect(self.query, first, target)
        at_least = _run(_best_run(counted, cap), per_hour)
        at_most = _run(_best_run(counted + possible, cap), per_hour) if possible else at_least
        return Continuity(at_least=at_least, at_most=at_most)

    def by_occupation(self) -> tuple[Experience, ...]:
        """The same query in each occupation the periods may be in, most hours first."""
        first = self._first
        groups, _, _ = self.ledger._groups(self.query, first)
        each = [self.ledger.measure(self.query, _noc(code)) for code in sorted(groups)]
        return tuple(sorted(each, key=lambda item: -item._at_most))

    def uses(self) -> tuple[PeriodUse, ...]:
        """What the query made of every period of the history, in the history's order."""
        return _Explainer(self).uses()

    @property
    def missing(self) -> tuple[tuple[int, MissingFact], ...]:
        """(period index, fact) for every fact whose answer could change the figure: none
        when the figure is known, whatever the periods leave unanswered."""
        return () if self.known else _Explainer(self).missing()

    def summary(self) -> str:
        """One sentence with the figure.

        >>> from expressentry.experience.queries import CEC
        >>> print(Ledger.of(WorkHistory(), date(2026, 11, 29)).measure(CEC).summary())
        Canadian Experience Class: 0 hours (0 years) from 2023-11-29 to 2026-11-29.
        """
        return f"{self.query.name}: {self.figure()}."

    def figure(self) -> str:
        """The figure with its period, without the query's name: what a line already titled
        with the experience it counts says.

        >>> from expressentry.experience.queries import CEC
        >>> print(Ledger.of(WorkHistory(), date(2026, 11, 29)).measure(CEC).figure())
        0 hours (0 years) from 2023-11-29 to 2026-11-29
        """
        span = (
            f"from {self.window_start.isoformat()} to {self.on.isoformat()}"
            if self.window_start is not None
            else f"up to {self.on.isoformat()}"
        )
        where = f" in {self.occupation.described}" if self.occupation is not None else ""
        if not self.ledger.answered:
            return f"not known{where} {span}, as the work history is not given"
        if self.known:
            figure = f"{_format_hours(self.hours_at_least)} ({_years(self.years_at_least)})"
            return f"{figure}{where} {span}"
        figure = (
            f"between {format_hours(self.hours_at_least)} and {_format_hours(self.hours_at_most)} "
            f"({_years(self.years_at_least, self.years_at_most)})"
        )
        return f"{figure}{where} {span}, depending on facts not answered"

    def explain(self) -> str:
        """The summary, then one line per period."""
        lines = [self.summary()]
        lines.extend(f"- {use.sentence}" for use in self.uses())
        return "\n".join(lines)


def _run(run: _Interval | None, per_hour: int) -> ContinuousRun | None:
    if run is None:
        return None
    first, after, units = run
    return ContinuousRun(
        first_day=date.fromordinal(first),
        last_day=date.fromordinal(after - 1),
        hours=_hours(units, per_hour),
    )


class _Explainer:
    """Builds the per-period explanation of one :class:`Experience` (the slow, rare path)."""

    def __init__(self, experience: Experience) -> None:
        self.experience = experience
        self.ledger = experience.ledger
        self.query = experience.query
        self.first = experience._first
        self.target = experience._target()
        self.bound_target = _SOME_ONE if experience._chosen else self.target
        """The periods whose facts may change the bounds: for an occupation the ledger chose,
        any occupation's (another may hold the upper bound), else those of the target."""

    def missing(self) -> tuple[tuple[int, MissingFact], ...]:
        """What :meth:`Experience.missing` gives: the facts of the periods that may count,
        without explaining every period.

        For an occupation the ledger chose, any occupation's periods may raise the upper
        bound (see ``self.target``).
        """
        return tuple(
            (job.index, fact)
            for job, placement, _, _ in self.ledger._placements(
                self.query.mask, self.first, self.bound_target
            )
            if placement == _UNKNOWN
            for fact in self._missing(job, [], self.bound_target)
        )

    def _missing(
        self, job: _Job, reasons: list[Reason], target: frozenset[str] | None
    ) -> list[MissingFact]:
        """The facts ``job`` leaves unanswered that the query needs in ``target``; the reasons
        it fails the query's filters are added to ``reasons``."""
        missing: list[MissingFact] = []
        mask = self.query.mask
        for bit, reason, fact in _FACT_REASONS:
            if job.fails & mask & bit:
                reasons.append(reason)
            elif job.unknowns & mask & bit:
                missing.append(fact if fact is not None else _code_fact(job.occupation))
        occupation_reason, occupation_fact = _occupation_status(job, target)
        if occupation_reason is not None and not (reasons and self._is_occupation(job)):
            # A period in the occupation itself, refused by a filter (an unskilled primary
            # occupation, say), is left out for that reason alone: it is not another one.
            reasons.append(occupation_reason)
        if occupation_fact is not None and occupation_fact not in missing:
            missing.append(occupation_fact)
        return missing

    def _is_occupation(self, job: _Job) -> bool:
        """Whether ``job`` may be in the occupation measured, before the query's filters
        (which leave out of the target the codes they refuse)."""
        occupation, codes = self.experience.occupation, job.codes
        # Only a coded period is in another occupation, and only of an occupation measured.
        assert occupation is not None
        assert codes is not None
        stated = _resolve(occupation, self.ledger._groups_from)[1]
        assert stated is not None  # only a period without a code has no candidates
        return not codes.isdisjoint(stated)

    def uses(self) -> tuple[PeriodUse, ...]:
        placed = list(
            self.ledger._placements(self.query.mask, self.first, self.target, every=True)
        )
        cap = self.ledger._cap
        counted = [
            (start, end + 1, job.weekly, job.index)
            for job, placement, start, end in placed
            if placement == _COUNTED
        ]
        possible = counted + [
            (start, end + 1, job.weekly, job.index)
            for job, placement, start, end in placed
            if placement == _UNKNOWN
        ]
        shares = _attribute(possible, cap) | _attribute(counted, cap)
        return tuple(
            self._use(job, placement, start, end, shares.get(job.index))
            for job, placement, start, end in placed
        )

    def _use(
        self,
        job: _Job,
        placement: int,
        start: int,
        end: int,
        share: tuple[Fraction, int] | None,
    ) -> PeriodUse:
        period, on, window_start = job.period, self.ledger.on, self.experience.window_start
        use = _USE_OF_PLACEMENT.get(placement, Use.EXCLUDED)
        # Whole-period reasons explain an exclusion; partial ones what a counted period lost.
        reasons: list[Reason] = []
        notes: list[str] = []
        if job.start > on.toordinal():
            reasons.append(Reason.AFTER_EVALUATION_DATE)
        elif start > end:
            reasons.append(Reason.OUTSIDE_WINDOW)
        elif use is not Use.EXCLUDED:
            if job.start < start:
                reasons.append(Reason.OUTSIDE_WINDOW)
                notes.append(
                    f"the days before {window_start} are outside the "
                    f"{self.query.window_years(on)}-year window"
                )
            if job.end is not None and job.end > end:
                reasons.append(Reason.AFTER_EVALUATION_DATE)
                notes.append(f"the days after {on.isoformat()} do not count")
        missing = self._missing(job, reasons, self.target)
        hours = over_cap = Fraction(0)
        if share is not None:
            counted_units, raw_units = share
            per_hour = self.experience.ledger._units_per_hour
            hours, over_cap = (
                _hours(counted_units, per_hour),
                _hours(raw_units - counted_units, per_hour),
            )
            if over_cap:
                reasons.append(Reason.OVER_WEEKLY_CAP)
                notes.append(
                    f"{_format_hours(over_cap)} above "
                    f"{FULL_TIME_HOURS_PER_WEEK.at(on)} hours a week are left out"
                )
        if use is Use.COUNTED and period.self_employed:
            notes.append(
                "self-employment is counted here (policy P8)"
                if not self.query.mask & SELF_EMPLOYED
                else "a physician's self-employment is counted here (the CEC's public policy of "
                "2023-04-25 for physicians providing publicly funded medical services)"
            )
        notes.extend(self._conversion_notes(job.occupation))
        counts = use is not Use.EXCLUDED
        return PeriodUse(
            index=job.index,
            period=period,
            use=use,
            occupation=None if job.occupation is None else job.occupation.code,
            first_day=date.fromordinal(start) if counts else None,
            last_day=date.fromordinal(end) if counts else None,
            hours=hours,
            hours_over_cap=over_cap,
            reasons=tuple(reasons),
            missing=tuple(missing) if use is Use.UNKNOWN else (),
            sentence=self._sentence(job, use, start, end, hours, reasons, missing, notes),
        )

    def _conversion_notes(self, occupation: OccupationInForce | None) -> list[str]:
        if occupation is None or not occupation.converted:
            return []
        stated = f"{occupation.stated.version.label} {occupation.stated.code}"
        label = self.ledger.version.label
        if occupation.code is not None:
            return [f"{stated} is converted to {label} {occupation.code.code}, its only match"]
        codes = ", ".join(code.code for code in occupation.candidates)
        return [f"{stated} matches several {label} codes ({codes}): give the code in {label}"]

    def _phrase(self, job: _Job, reason: Reason) -> str:
        fixed = _FIXED_PHRASES.get(reason)
        if fixed is not None:
            return fixed
        # Only the phrase asked for is formatted (an assessment explains many periods).
        on = self.ledger.on
        if reason is Reason.AFTER_EVALUATION_DATE:
            return f"it starts after {on.isoformat()}"
        if reason is Reason.OUTSIDE_WINDOW:
            return (
                f"it ended before {self.experience.window_start}, outside the "
                f"{self.query.window_years(on)}-year window"
            )
        occupation = job.occupation
        # Only a period with a code can fail a code test; name it in the version in force.
        code = "" if occupation is None else (occupation.code or occupation.stated).code
        label = self.ledger.version.label
        coded = {
            Reason.UNSKILLED: "is not a skilled occupation (TEER 0 to 3, or skill type 0 or "
            "level A or B) in {label}",
            Reason.NOT_A_TRADE: "is not a skilled trade in {label}",
            Reason.NOT_TEER_2_OR_3: "is not TEER 2 or 3 (or skill level B) in {label}",
            Reason.OTHER_OCCUPATION: "is another occupation than NOC {occupation}",
        }[reason]
        return f"NOC {code} " + coded.format(label=label, occupation=self.experience.occupation)

    def _sentence(
        self,
        job: _Job,
        use: Use,
        start: int,
        end: int,
        hours: Fraction,
        reasons: list[Reason],
        missing: list[MissingFact],
        notes: list[str],
    ) -> str:
        period = job.period
        what = period.job_title or period.employer or "a job"
        noc = f", {period.noc.described}" if period.noc is not None else ""
        until = period.end.isoformat() if period.end is not None else "ongoing"
        label = f"Period {job.index + 1} ({what}{noc}, {period.start.isoformat()} to {until})"
        tail = "".join(f"; {note}" for note in notes)
        if use is Use.EXCLUDED:
            why = " and ".join(self._phrase(job, reason) for reason in reasons)
            return f"{label}: not counted, because {why}{tail}."
        days = f"{date.fromordinal(start).isoformat()} to {date.fromordinal(end).isoformat()}"
        if use is Use.COUNTED:
            return f"{label}: {_format_hours(hours)} counted, {days}{tail}."
        facts = ", ".join(_FACT_QUESTIONS[fact] for fact in missing)
        could = f"{label}: up to {_format_hours(hours)} ({days}) could count{tail}"
        if self.experience.known:  # a period certainly in one of several occupations, say
            return f"{could}; not answered: {facts}, which does not change the figure."
        return f"{could}; not answered: {facts}."


_USE_OF_PLACEMENT: Final = {_COUNTED: Use.COUNTED, _UNKNOWN: Use.UNKNOWN}
"""What a placement means to the explanation; any other placement is an exclusion."""

_FIXED_PHRASES: Final = {
    Reason.OUTSIDE_CANADA: "it was outside Canada and only work in Canada counts here",
    Reason.IN_CANADA: "it was in Canada and only work outside Canada counts here",
    Reason.UNPAID: "it was unpaid",
    Reason.UNAUTHORIZED: "it was done without authorization to work in Canada",
    Reason.SELF_EMPLOYED: "it was self-employment",
    Reason.FULL_TIME_STUDENT: "it was done while a full-time student",
}
"""The reasons whose phrase names no figure."""

_FACT_QUESTIONS: Final = {
    MissingFact.PAID: "whether it was paid",
    MissingFact.SELF_EMPLOYED: "whether it was self-employment",
    MissingFact.FULL_TIME_STUDENT: "whether it was done while a full-time student",
    MissingFact.AUTHORIZED: "whether it was authorized work in Canada",
    MissingFact.NOC: "its NOC code",
    MissingFact.NOC_IN_FORCE: "its code in the NOC version in force",
}


def _occupation_status(
    job: _Job, target: frozenset[str] | None
) -> tuple[Reason | None, MissingFact | None]:
    """Why ``job`` is not in the ``target`` occupation, or which fact would say whether it is."""
    if target is None:
        return None, None
    codes = job.codes
    if codes is None:
        return None, MissingFact.NOC
    if target is not _SOME_ONE and codes.isdisjoint(target):
        return Reason.OTHER_OCCUPATION, None
    if len(codes) > 1 or len(target) > 1:
        return None, MissingFact.NOC_IN_FORCE
    return None, None


def _code_fact(occupation: OccupationInForce | None) -> MissingFact:
    """A skill or trade question left open is a question about the code."""
    return MissingFact.NOC if occupation is None else MissingFact.NOC_IN_FORCE
