"""Dated definitions: version in force, skilled occupations, FST trades, senior management,
category-based selection lists. Boundary tests come from each table's change dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Dated, DatedTable
from expressentry.exceptions import InvalidNocCode, NotInForce
from expressentry.noc import (
    CATEGORY_OCCUPATIONS,
    NOC_VERSION_IN_FORCE,
    SENIOR_MANAGEMENT,
    SKILLED_OCCUPATIONS,
    SKILLED_TRADES,
    NocCode,
    NocVersion,
    OccupationCategory,
    OccupationGroup,
    in_category,
    is_senior_management,
    is_skilled,
    is_skilled_trade,
    version_in_force,
)

DAY = timedelta(days=1)
SWITCH = date(2022, 11, 16)

TABLES: dict[str, DatedTable[object]] = {
    "NOC_VERSION_IN_FORCE": NOC_VERSION_IN_FORCE,  # type: ignore[dict-item]
    "SKILLED_OCCUPATIONS": SKILLED_OCCUPATIONS,  # type: ignore[dict-item]
    "SKILLED_TRADES": SKILLED_TRADES,  # type: ignore[dict-item]
    "SENIOR_MANAGEMENT": SENIOR_MANAGEMENT,  # type: ignore[dict-item]
    **{f"CATEGORY_OCCUPATIONS[{c.name}]": t for c, t in CATEGORY_OCCUPATIONS.items()},  # type: ignore[misc]
}
ROWS = [(name, row) for name, table in TABLES.items() for row in table]
BOUNDARIES = [
    (name, table, change) for name, table in TABLES.items() for change in table.change_dates
]


def boundary_id(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else ""


@pytest.mark.parametrize(("name", "table", "change"), BOUNDARIES, ids=boundary_id)
def test_day_before_and_day_of_every_change(
    name: str, table: DatedTable[object], change: date
) -> None:
    index = table.change_dates.index(change)
    assert table.entry_at(change) is table.entries[index]
    if index == 0:
        with pytest.raises(NotInForce, match=change.isoformat()):
            table.at(change - DAY)
    else:
        assert table.entry_at(change - DAY) is table.entries[index - 1]


@pytest.mark.parametrize(("name", "row"), ROWS, ids=lambda v: v if isinstance(v, str) else "")
def test_every_row_cites_a_provision_and_a_canada_ca_page(name: str, row: Dated[object]) -> None:
    assert row.citation.instrument in {"IRPR", "IRCC", "Ministerial Instructions"}
    assert row.citation.provision
    assert row.citation.url.startswith(
        "https://www.canada.ca/en/immigration-refugees-citizenship/"
    )


DEFINITIONS = [(name, row) for name, row in ROWS if isinstance(row.value, OccupationGroup)]


@pytest.mark.parametrize(
    ("name", "row"), DEFINITIONS, ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_definition_uses_the_version_in_force(
    name: str, row: Dated[OccupationGroup]
) -> None:
    assert row.value.version is NOC_VERSION_IN_FORCE.at(row.start)
    assert row.value.unit_groups or not row.value.complete


@pytest.mark.parametrize(
    ("on", "version"),
    [
        (EXPRESS_ENTRY_LAUNCH, NocVersion.NOC_2016),
        (SWITCH - DAY, NocVersion.NOC_2016),
        (SWITCH, NocVersion.NOC_2021),
        (date(2026, 11, 29), NocVersion.NOC_2021),
    ],
)
def test_version_in_force(on: date, version: NocVersion) -> None:
    assert version_in_force(on) is version


def test_dates_before_express_entry_are_refused() -> None:
    with pytest.raises(NotInForce, match="2014-12-31"):
        version_in_force(EXPRESS_ENTRY_LAUNCH - DAY)
    with pytest.raises(NotInForce):
        is_skilled(NocCode("2173"), EXPRESS_ENTRY_LAUNCH - DAY)


BEFORE, AFTER = SWITCH - DAY, SWITCH
Predicate = Callable[[NocCode, date], bool]


@pytest.mark.parametrize(
    ("code", "on", "expected"),
    [
        # NOC 2016 in force: skill type 0, levels A and B.
        ("0011", BEFORE, True),
        ("0111", BEFORE, True),
        ("2173", BEFORE, True),
        ("3012", BEFORE, True),  # second digit 0 outside management: level A
        ("7241", BEFORE, True),
        ("7511", BEFORE, False),
        ("4411", BEFORE, False),
        ("6711", BEFORE, False),
        # NOC 2021 in force: TEER 0 to 3.
        ("00010", AFTER, True),
        ("21231", AFTER, True),
        ("72200", AFTER, True),
        ("73300", AFTER, True),
        ("33102", AFTER, True),
        ("44100", AFTER, False),
        ("65100", AFTER, False),
        # The switch itself, seen from either version's code.
        ("73300", BEFORE, False),
        ("7511", AFTER, True),
        ("21231", BEFORE, True),
        ("2173", AFTER, True),
        ("54100", BEFORE, True),  # program leaders in recreation: skilled until the switch
        ("54100", AFTER, False),
    ],
)
def test_is_skilled(code: str, on: date, expected: bool) -> None:
    assert is_skilled(NocCode(code), on) is expected


@pytest.mark.parametrize("change", SKILLED_OCCUPATIONS.change_dates[1:])
def test_skilledness_on_the_day_before_and_the_day_of_each_change(change: date) -> None:
    # Transport truck drivers (NOC 2016 7511, level C) became skilled as NOC 2021 73300 (TEER 3).
    for code in (NocCode("7511"), NocCode("73300")):
        assert (is_skilled(code, change - DAY), is_skilled(code, change)) == (False, True)


@pytest.mark.parametrize(("code", "on"), [("1123", AFTER), ("64409", BEFORE), ("7371", AFTER)])
def test_a_code_whose_counterparts_disagree_is_too_coarse(code: str, on: date) -> None:
    with pytest.raises(InvalidNocCode, match=f"'{code}' .*corresponds to .*give the NOC"):
        is_skilled(NocCode(code), on)


TRADES_2021 = date(2026, 11, 29)
TRADES_2016 = date(2020, 1, 1)


@pytest.mark.parametrize(
    ("code", "on", "expected"),
    [
        # NOC 2021 edges (rules.md §2.1).
        ("72600", TRADES_2021, False),  # sub-major group 726 excluded
        ("72603", TRADES_2021, False),
        ("93200", TRADES_2021, False),  # sub-major group 932 excluded
        ("62200", TRADES_2021, True),  # unit group 62200 (chefs)
        ("63200", TRADES_2021, True),  # minor group 6320 (cooks)
        ("63202", TRADES_2021, True),
        ("62100", TRADES_2021, False),  # the rest of major group 62
        ("63100", TRADES_2021, False),  # the rest of major group 63
        ("72010", TRADES_2021, True),
        ("72200", TRADES_2021, True),
        ("72999", TRADES_2021, True),
        ("73300", TRADES_2021, True),
        ("82010", TRADES_2021, True),
        ("83100", TRADES_2021, True),
        ("92100", TRADES_2021, True),
        ("93100", TRADES_2021, True),
        ("74200", TRADES_2021, False),
        ("21231", TRADES_2021, False),
        # NOC 2016 edges.
        ("7241", TRADES_2016, True),
        ("7311", TRADES_2016, True),
        ("8211", TRADES_2016, True),
        ("9211", TRADES_2016, True),
        ("6321", TRADES_2016, True),  # minor group 632
        ("6322", TRADES_2016, True),
        ("6332", TRADES_2016, True),  # minor group 633
        ("6311", TRADES_2016, False),
        ("7511", TRADES_2016, False),
        ("8411", TRADES_2016, False),
        ("2173", TRADES_2016, False),
    ],
)
def test_is_skilled_trade(code: str, on: date, expected: bool) -> None:
    assert is_skilled_trade(NocCode(code), on) is expected


@pytest.mark.parametrize("change", SKILLED_TRADES.change_dates[1:])
def test_trades_across_the_switch(change: date) -> None:
    # 73300 (truck drivers, NOC 2021 major group 73) was 7511 in major group 75 before.
    assert is_skilled_trade(NocCode("73300"), change - DAY) is False
    assert is_skilled_trade(NocCode("73300"), change) is True
    # Major group 83 is new in NOC 2021; 8231 underground miners were major group 82 already.
    assert is_skilled_trade(NocCode("83100"), change) is True


def test_trade_lists_have_the_expected_size() -> None:
    assert len(SKILLED_TRADES.at(TRADES_2016).unit_groups) == 90
    assert len(SKILLED_TRADES.at(TRADES_2021).unit_groups) == 96


@pytest.mark.parametrize(
    ("code", "on", "expected"),
    [
        ("0011", date(2016, 11, 19), True),
        ("0016", date(2020, 1, 1), True),
        ("0111", date(2020, 1, 1), False),
        ("00010", SWITCH, True),
        ("00015", date(2026, 1, 1), True),
        ("10010", date(2026, 1, 1), False),
        ("00010", SWITCH - DAY, True),  # through the concordance: 00010 was 0011
    ],
)
def test_is_senior_management(code: str, on: date, expected: bool) -> None:
    assert is_senior_management(NocCode(code), on) is expected


def test_senior_management_starts_with_the_200_points() -> None:
    with pytest.raises(NotInForce, match="2016-11-19"):
        is_senior_management(NocCode("0011"), date(2016, 11, 18))


C = OccupationCategory
ON_2023, ON_2025, ON_2026 = date(2023, 6, 1), date(2025, 6, 1), date(2026, 6, 1)


@pytest.mark.parametrize(
    ("category", "code", "on", "expected"),
    [
        (C.EDUCATION, "41220", ON_2025, True),
        (C.EDUCATION, "43100", ON_2025, True),
        (C.EDUCATION, "41200", ON_2025, False),  # complete list: not listed means no
        (C.EDUCATION, "4032", ON_2025, True),  # NOC 2016 code, through the concordance
        (C.EDUCATION, "41220", ON_2026, None),  # 2026 list not known
        (C.AGRICULTURE, "63201", ON_2025, True),
        (C.AGRICULTURE, "82030", ON_2025, False),
        (C.AGRICULTURE, "82030", ON_2023, None),
        (C.HEALTHCARE, "31301", ON_2023, None),
        (C.STEM, "21231", ON_2026, None),
        (C.TRADES, "72200", ON_2025, None),
        (C.TRANSPORT, "72600", ON_2026, True),
        (C.TRANSPORT, "22313", ON_2026, None),  # partial list: undetermined, not a no
        (C.PHYSICIANS, "31102", ON_2026, True),
        (C.PHYSICIANS, "31301", ON_2026, None),
        (C.RESEARCHERS, "41200", ON_2026, True),
        (C.SENIOR_MANAGERS, "00012", ON_2026, True),
        (C.SENIOR_MANAGERS, "00011", ON_2026, None),
        (C.MILITARY, "43204", ON_2026, True),
    ],
)
def test_in_category(
    category: OccupationCategory, code: str, on: date, expected: bool | None
) -> None:
    assert in_category(category, NocCode(code), on) is expected


@pytest.mark.parametrize(
    ("category", "on", "message"),
    [
        (C.TRANSPORT, ON_2025, "not run on 2025-06-01"),  # removed for 2025
        (C.AGRICULTURE, ON_2026, "not run on 2026-06-01"),  # not in the 2026 list seen
        (C.EDUCATION, ON_2023, "first takes effect on 2025-02-27"),
        (C.PHYSICIANS, ON_2025, "first takes effect on 2026-02-18"),
        (C.STEM, date(2023, 5, 30), "first takes effect on 2023-05-31"),
    ],
)
def test_categories_not_run(category: OccupationCategory, on: date, message: str) -> None:
    with pytest.raises(NotInForce, match=message):
        in_category(category, NocCode("72600"), on)


def test_every_occupation_category_has_a_table() -> None:
    assert set(CATEGORY_OCCUPATIONS) == set(OccupationCategory)


def test_occupation_group_rejects_unknown_groups() -> None:
    with pytest.raises(
        InvalidNocCode, match=re.escape("'726000' is not a group of NOC 2021 V1.0")
    ):
        OccupationGroup("bad", NocVersion.NOC_2021, ("726000",))
    with pytest.raises(InvalidNocCode, match=re.escape("'7260' is not a group of NOC 2016 V1.3")):
        OccupationGroup("bad", NocVersion.NOC_2016, ("72",), excludes=("7260",))


def test_occupation_group_membership() -> None:
    partial = OccupationGroup("some trades", NocVersion.NOC_2021, ("722",), complete=False)
    assert [code.code for code in partial.unit_groups] == [
        "72200",
        "72201",
        "72202",
        "72203",
        "72204",
        "72205",
    ]
    assert partial.membership(NocCode("72201")) is True
    assert partial.membership(NocCode("72300")) is None
    assert NocCode("7241") not in partial  # another version's code is never listed
