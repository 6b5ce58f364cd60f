"""Invariants of the ledger, for every predefined query and any history."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from expressentry.experience import QUERIES, Experience, ExperienceQuery, Ledger, MissingFact
from expressentry.model import NocCode, WorkHistory, WorkPeriod
from expressentry.noc import counterparts, version_in_force
from expressentry.strategies import dates, noc_codes, work_histories, work_periods

EARLIEST = date(2005, 1, 1)
histories = work_histories(min_date=EARLIEST, max_size=6)
periods = work_periods(min_date=EARLIEST)
queries = st.sampled_from(QUERIES)
evaluation_dates = dates(date(2015, 1, 1), date(2032, 12, 31))


def figures(history: WorkHistory, on: date, query: ExperienceQuery) -> tuple[object, ...]:
    """Every total a query gives: bounds, years, the runs and the totals per occupation."""
    experience = Ledger.of(history, on).measure(query)
    return (
        *_bounds(experience),
        experience.occupation,
        tuple(_bounds(each) for each in experience.by_occupation()),
        _runs(experience) if not query.one_occupation else None,
    )


def _bounds(experience: Experience) -> tuple[Fraction, Fraction, int, int]:
    return (
        experience.hours_at_least,
        experience.hours_at_most,
        experience.years_at_least,
        experience.years_at_most,
    )


def _runs(experience: Experience) -> tuple[Fraction, Fraction]:
    run = experience.continuous_run()
    return (
        Fraction(0) if run.at_least is None else run.at_least.hours,
        Fraction(0) if run.at_most is None else run.at_most.hours,
    )


@given(histories, periods, evaluation_dates, queries)
def test_adding_a_period_never_lowers_any_total(history, period, on, query):
    ledger = Ledger.of(history, on)
    more = Ledger.of(WorkHistory(periods=(*history.periods, period)), on)
    before, after = ledger.measure(query), more.measure(query)
    assert all(a >= b for a, b in zip(_bounds(after), _bounds(before), strict=True))
    for occupation in {p.noc for p in history.periods if p.noc is not None}:
        narrowed_before = ledger.measure(query, occupation)
        narrowed_after = more.measure(query, occupation)
        assert all(
            a >= b for a, b in zip(_bounds(narrowed_after), _bounds(narrowed_before), strict=True)
        )
        assert all(
            a >= b for a, b in zip(_runs(narrowed_after), _runs(narrowed_before), strict=True)
        )
    if not query.one_occupation:
        assert all(a >= b for a, b in zip(_runs(after), _runs(before), strict=True))


@given(histories, evaluation_dates, queries)
def test_the_total_never_exceeds_30_hours_a_week_over_the_window(history, on, query):
    experience = Ledger.of(history, on).measure(query)
    assert experience.hours_at_least <= experience.hours_at_most
    first = experience.window_start or min((p.start for p in history.periods), default=on)
    days = max(0, (on - first).days + 1)
    assert experience.hours_at_most <= Fraction(days * 30, 7)


def _answer_everything(history: WorkHistory) -> WorkHistory:
    """The same history with every unanswered fact answered (a missing code: NOC 21231)."""
    return WorkHistory(
        periods=tuple(
            attrs.evolve(
                period,
                noc=period.noc or NocCode("21231"),
                paid=bool(period.paid),
                self_employed=bool(period.self_employed),
                full_time_student=bool(period.full_time_student),
                authorized=bool(period.authorized),
            )
            for period in history.periods
        )
    )


@given(histories.map(_answer_everything), evaluation_dates, queries)
def test_only_an_ambiguous_code_leaves_an_answered_history_open(history, on, query):
    experience = Ledger.of(history, on).measure(query)
    assert experience.known or experience.missing
    assert all(fact is MissingFact.NOC_IN_FORCE for _, fact in experience.missing)


@given(histories, st.data(), evaluation_dates, queries)
def test_splitting_a_period_at_any_day_leaves_every_total_unchanged(history, data, on, query):
    assume(history.periods)
    index = data.draw(st.integers(0, len(history.periods) - 1))
    period = history.periods[index]
    last = period.end or max(on, period.start) + timedelta(days=30)
    assume(last > period.start)
    day = data.draw(dates(period.start + timedelta(days=1), last))
    head = _with(period, end=day - timedelta(days=1))
    tail = _with(period, start=day)
    split = (*history.periods[:index], head, tail, *history.periods[index + 1 :])
    whole, parts = figures(history, on, query), figures(WorkHistory(periods=split), on, query)
    codes = Ledger.of(history, on)._jobs[index].codes
    if query.one_occupation and codes is not None and len(codes) > 1:
        # A period whose code the version in force splits is certainly in one of its codes,
        # but its two parts may each be another one: the certain hours may fall, never rise.
        (low, high, years_low, years_high, _, each, _), expected = parts, whole
        assert (high, years_high, each) == (expected[1], expected[3], expected[5])
        assert low <= expected[0]
        assert years_low <= expected[2]
    else:
        assert parts == whole


@given(histories, st.randoms(use_true_random=False), evaluation_dates, queries)
def test_the_order_of_the_periods_does_not_matter(history, random, on, query):
    shuffled = list(history.periods)
    random.shuffle(shuffled)
    assert figures(WorkHistory(periods=tuple(shuffled)), on, query) == figures(history, on, query)


def _with(period: WorkPeriod, **changes: object) -> WorkPeriod:
    return attrs.evolve(period, **changes)


@st.composite
def _completions(
    draw: st.DrawFn, history: WorkHistory, on: date
) -> tuple[WorkHistory, dict[NocCode, NocCode]]:
    """``history`` with some unanswered facts answered, any way, and some codes of the other
    NOC version replaced by one of their counterparts in the version in force; with the code
    each such code became (the same for every period under it: one occupation, one answer)."""
    version = version_in_force(on)
    recoded: dict[NocCode, NocCode] = {}
    completed = []
    for period in history.periods:
        changes: dict[str, object] = {}
        for fact in ("paid", "self_employed", "full_time_student", "authorized"):
            if getattr(period, fact) is None:
                changes[fact] = draw(st.none() | st.booleans())
        if period.noc is None:
            changes["noc"] = draw(st.none() | noc_codes())
        elif period.noc.version is not version:
            if period.noc not in recoded:
                recoded[period.noc] = draw(
                    st.sampled_from((period.noc, *counterparts(period.noc)))
                )
            changes["noc"] = recoded[period.noc]
        completed.append(attrs.evolve(period, **changes))
    return WorkHistory(periods=tuple(completed)), recoded


@given(histories, evaluation_dates, queries, st.data())
def test_answering_facts_keeps_the_figure_within_its_bounds(history, on, query, data):
    completed, recoded = data.draw(_completions(history, on))
    before = Ledger.of(history, on).measure(query)
    after = Ledger.of(completed, on).measure(query)
    assert before.hours_at_least <= after.hours_at_least
    assert after.hours_at_most <= before.hours_at_most
    for occupation in {p.noc for p in history.periods if p.noc is not None}:
        narrowed_before = Ledger.of(history, on).measure(query, occupation)
        # An occupation given by a code that the answers give again in the version in force
        # is asked in that code (a period under the very code of the occupation is in it).
        narrowed_after = Ledger.of(completed, on).measure(
            query, recoded.get(occupation, occupation)
        )
        assert narrowed_before.hours_at_least <= narrowed_after.hours_at_least
        assert narrowed_after.hours_at_most <= narrowed_before.hours_at_most


@given(histories, evaluation_dates, queries, st.booleans())
def test_the_missing_facts_are_those_of_the_periods_explained_as_undecided(
    history, on, query, in_one_occupation
):
    ledger = Ledger.of(history, on)
    coded = [period.noc for period in history.periods if period.noc is not None]
    occupation = coded[0] if in_one_occupation and coded else None
    experience = ledger.measure(query, occupation)
    if not experience.known:  # an undecided figure always names what would decide it
        assert experience.missing
    if query.one_occupation and occupation is None:
        return  # the best occupation, chosen: its upper bound may lie in another occupation
    explained = tuple(
        (use.index, fact)
        for use in experience.uses()
        if use.use.value == "unknown"
        for fact in use.missing
    )
    # A known figure names nothing: no answer could change it (a period certainly in one of
    # several occupations, or one the cap leaves nothing to add, may still be undecided).
    assert experience.missing == (() if experience.known else explained)
