"""The StatCan concordance NOC 2016 V1.3 <-> NOC 2021 V1.0, in both directions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.exceptions import InvalidNocCode
from expressentry.noc import (
    ChangeType,
    NocCode,
    NocVersion,
    correspondences,
    counterparts,
    in_version,
    maps_to_one_2021_code,
    unit_groups,
)

ALL_CODES = [NocCode(unit.code) for version in NocVersion for unit in unit_groups(version)]


@pytest.mark.parametrize(
    ("old", "new", "changes"),
    [
        ("0011", ("00010",), {ChangeType.CODE_CHANGE, ChangeType.NAME_CHANGE}),
        ("2173", ("21211", "21231"), None),
        ("3012", ("31301",), None),
        ("7241", ("72200",), None),
        ("7511", ("73300",), None),
        ("0112", ("10011", "11200", "13110", "22232"), None),
    ],
)
def test_noc_2016_to_2021(old: str, new: tuple[str, ...], changes: set[ChangeType] | None) -> None:
    assert tuple(code.code for code in counterparts(NocCode(old))) == new
    if changes is not None:
        assert correspondences(NocCode(old))[0].changes == changes


def test_merger_seen_from_noc_2021() -> None:
    rows = correspondences(NocCode("94210"))
    assert [row.noc2016.code for row in rows] == ["9532", "9534"]
    assert all(ChangeType.MERGER in row.changes for row in rows)


@given(st.sampled_from(ALL_CODES))
def test_every_unit_group_has_counterparts_in_the_other_version(code: NocCode) -> None:
    others = counterparts(code)
    assert others
    assert all(other.version is not code.version for other in others)
    # Both directions hold the same rows.
    for other in others:
        assert code in counterparts(other)


def test_every_row_is_reachable_from_both_ends() -> None:
    rows = {row for code in ALL_CODES for row in correspondences(code)}
    assert len(rows) == 585
    for row in rows:
        assert row in correspondences(row.noc2016)
        assert row in correspondences(row.noc2021)
        assert ChangeType.NAME_CHANGE in row.changes  # StatCan flags VC2 on every row


def test_how_many_noc_2016_codes_map_to_exactly_one_2021_code() -> None:
    olds = [code for code in ALL_CODES if code.version is NocVersion.NOC_2016]
    assert sum(maps_to_one_2021_code(code) for code in olds) == 440


def test_maps_to_one_2021_code_takes_noc_2016_codes_only() -> None:
    with pytest.raises(
        InvalidNocCode, match=re.escape("'21231' is a NOC 2021 V1.0 code, not NOC 2016")
    ):
        maps_to_one_2021_code(NocCode("21231"))


def test_change_types_have_distinct_labels_and_meanings() -> None:
    assert len({change.label for change in ChangeType}) == len(ChangeType) == 7
    assert len({change.meaning for change in ChangeType}) == 7
    assert ChangeType("RC4.2").label == "Split off"


@given(st.sampled_from(ALL_CODES), st.sampled_from(list(NocVersion)))
def test_in_version_keeps_a_code_of_that_version_and_translates_the_others(
    code: NocCode, version: NocVersion
) -> None:
    expected = (code,) if code.version is version else counterparts(code)
    assert in_version(code, version) == expected
    assert all(each.version is version for each in in_version(code, version))
