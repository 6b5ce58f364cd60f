from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from expressentry.dated import Citation, Dated, DatedTable, require_in_force
from expressentry.exceptions import NotInForce
from expressentry.model import NocCode

CITE = Citation("IRPR", "s. 1", "https://example.org")
TABLE = DatedTable(
    "test table",
    (
        Dated(date(2015, 1, 1), "a", CITE),
        Dated(date(2016, 11, 19), "b", Citation("MI", "s. 2", "https://example.org/2")),
        Dated(date(2025, 3, 25), "c", CITE),
    ),
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2015, 1, 1), "a"),
        (date(2016, 11, 18), "a"),
        (date(2016, 11, 19), "b"),
        (date(2025, 3, 24), "b"),
        (date(2025, 3, 25), "c"),
        (date(2099, 1, 1), "c"),
    ],
)
def test_lookup_takes_the_latest_row_started_on_or_before_the_date(on, expected):
    assert TABLE.at(on) == expected


def test_the_citation_follows_the_row():
    assert TABLE.citation_at(date(2017, 1, 1)).instrument == "MI"
    assert str(CITE) == "IRPR s. 1 <https://example.org>"


def test_before_the_first_row_nothing_is_in_force():
    with pytest.raises(NotInForce, match=r"test table: no rule in force on 2014-12-31"):
        TABLE.at(date(2014, 12, 31))


def test_change_dates_list_every_start():
    assert TABLE.change_dates == (date(2015, 1, 1), date(2016, 11, 19), date(2025, 3, 25))
    assert len(TABLE) == 3
    assert [row.value for row in TABLE] == ["a", "b", "c"]


def test_rows_must_start_in_strictly_increasing_order():
    with pytest.raises(ValueError, match="2015-01-01 follows 2016-01-01"):
        DatedTable("bad", (Dated(date(2016, 1, 1), 1, CITE), Dated(date(2015, 1, 1), 2, CITE)))
    with pytest.raises(ValueError, match="strictly increasing"):
        DatedTable("bad", (Dated(date(2016, 1, 1), 1, CITE), Dated(date(2016, 1, 1), 2, CITE)))


def test_a_table_needs_a_row():
    with pytest.raises(ValueError, match="has no entries"):
        DatedTable("empty", ())


# -- P1 everywhere a date is taken -------------------------------------------------------------


def _p1_entry_points() -> dict[str, Callable[[date], object]]:
    from expressentry.education import education_level
    from expressentry.funds import settlement_funds_required
    from expressentry.model import Candidate
    from expressentry.profile import time_warnings
    from expressentry.questionnaire import QuestionnaireAnswers, WorkAnswer

    return {
        "education_level": lambda on: education_level((), on=on),
        "settlement_funds_required": lambda on: settlement_funds_required(1, on),
        "time_warnings": lambda on: time_warnings(Candidate(), on=on, until=date(2016, 1, 1)),
        "questionnaire": lambda on: QuestionnaireAnswers(
            answered_on=on,
            birth_date=date(1980, 1, 1),
            work=(WorkAnswer(noc=NocCode("21231"), years=10, country="IN"),),
        ).candidate(),
    }


@pytest.mark.parametrize("name", sorted(_p1_entry_points()))
def test_every_dated_entry_point_refuses_a_day_before_express_entry(name):
    call = _p1_entry_points()[name]
    call(date(2015, 1, 1))  # the day of: in force
    with pytest.raises(NotInForce, match=r"no rule is in force on 2014-12-31; .* \(policy P1\)"):
        call(date(2014, 12, 31))
    if name == "questionnaire":  # refused before any date is counted back from it
        with pytest.raises(NotInForce, match="answered_on: no rule is in force on 0005-01-01"):
            call(date(5, 1, 1))


def test_require_in_force_on_the_day_before_and_the_day_of() -> None:
    require_in_force(date(2015, 1, 1))
    with pytest.raises(NotInForce, match=r"^\$.x: no rule is in force on 2014-12-31; "):
        require_in_force(date(2014, 12, 31), "$.x")


def test_every_dated_rule_reads_a_datetime_as_its_day() -> None:
    """A notebook's now() is a datetime, which no date compares with: read as its day, and
    anything else is a TypeError naming it (an audit found rounds and the NOC raising bare
    comparison errors)."""
    from expressentry.noc import NocCode, NocVersion, is_skilled, version_in_force
    from expressentry.rounds import rounds_between

    assert version_in_force(datetime(2022, 11, 15, 23, 59, tzinfo=UTC)) is NocVersion.NOC_2016
    assert version_in_force(datetime(2022, 11, 16, 0, 1, tzinfo=UTC)) is NocVersion.NOC_2021
    assert is_skilled(NocCode("7511"), datetime(2022, 11, 16, 12, tzinfo=UTC))
    same_day = rounds_between(
        datetime(2018, 5, 30, 12, tzinfo=UTC), datetime(2018, 5, 30, 13, tzinfo=UTC)
    )
    assert same_day == rounds_between(date(2018, 5, 30), date(2018, 5, 30))
    assert same_day
    with pytest.raises(TypeError, match=r"the evaluation date must be a datetime\.date, got str"):
        version_in_force("2022-11-16")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got str"):
        rounds_between("2018-05-30", date(2018, 5, 30))  # type: ignore[arg-type]
