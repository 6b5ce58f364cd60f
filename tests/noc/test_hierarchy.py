"""The hierarchy of both versions: levels, parents, children, TEER and skill levels."""

from __future__ import annotations

import re

import pytest

from expressentry.exceptions import InvalidNocCode
from expressentry.noc import NocGroup, NocLevel, NocVersion, SkillLevel, Teer, group, groups

V2016, V2021 = NocVersion.NOC_2016, NocVersion.NOC_2021


@pytest.mark.parametrize(
    ("version", "level", "count"),
    [
        (V2021, NocLevel.BROAD_CATEGORY, 10),
        (V2021, NocLevel.MAJOR_GROUP, 45),
        (V2021, NocLevel.SUB_MAJOR_GROUP, 89),
        (V2021, NocLevel.MINOR_GROUP, 162),
        (V2021, NocLevel.UNIT_GROUP, 516),
        (V2016, NocLevel.BROAD_CATEGORY, 10),
        (V2016, NocLevel.MAJOR_GROUP, 40),
        (V2016, NocLevel.SUB_MAJOR_GROUP, 0),
        (V2016, NocLevel.MINOR_GROUP, 140),
        (V2016, NocLevel.UNIT_GROUP, 500),
    ],
)
def test_groups_per_level(version: NocVersion, level: NocLevel, count: int) -> None:
    assert len(groups(version, level)) == count


def test_all_groups_in_hierarchical_order() -> None:
    assert len(groups(V2021)) == 822
    assert len(groups(V2016)) == 690
    assert [found.code for found in groups(V2016)][:4] == ["0", "00", "001", "0011"]


# rules.md §8.3: the 45 NOC 2021 major groups and their TEER.
MAJOR_GROUP_TEERS_2021 = {
    "00": 0, "10": 0, "11": 1, "12": 2, "13": 3, "14": 4, "20": 0, "21": 1, "22": 2,
    "30": 0, "31": 1, "32": 2, "33": 3, "40": 0, "41": 1, "42": 2, "43": 3, "44": 4, "45": 5,
    "50": 0, "51": 1, "52": 2, "53": 3, "54": 4, "55": 5, "60": 0, "62": 2, "63": 3, "64": 4,
    "65": 5, "70": 0, "72": 2, "73": 3, "74": 4, "75": 5, "80": 0, "82": 2, "83": 3, "84": 4,
    "85": 5, "90": 0, "92": 2, "93": 3, "94": 4, "95": 5,
}  # fmt: skip


def test_the_major_groups_are_those_of_the_specification() -> None:
    assert {found.code for found in groups(V2021, NocLevel.MAJOR_GROUP)} == set(
        MAJOR_GROUP_TEERS_2021
    )


@pytest.mark.parametrize(("code", "teer"), sorted(MAJOR_GROUP_TEERS_2021.items()))
def test_teer_of_every_major_group(code: str, teer: int) -> None:
    assert group(code, V2021).teer is Teer(teer)


# ESDC: skill type 0 for management; A = 0/1, B = 2/3, C = 4/5, D = 6/7 as the second digit.
MAJOR_GROUP_SKILL_LEVELS_2016 = {
    "00": "0", "01-05": "0", "06": "0", "07-09": "0", "11": "A", "12": "B", "13": "B",
    "14": "C", "15": "C", "21": "A", "22": "B", "30": "A", "31": "A", "32": "B", "34": "C",
    "40": "A", "41": "A", "42": "B", "43": "B", "44": "C", "51": "A", "52": "B", "62": "B",
    "63": "B", "64": "C", "65": "C", "66": "D", "67": "D", "72": "B", "73": "B", "74": "C",
    "75": "C", "76": "D", "82": "B", "84": "C", "86": "D", "92": "B", "94": "C", "95": "C",
    "96": "D",
}  # fmt: skip


@pytest.mark.parametrize(("code", "level"), sorted(MAJOR_GROUP_SKILL_LEVELS_2016.items()))
def test_skill_level_of_every_noc_2016_major_group(code: str, level: str) -> None:
    assert group(code, V2016).skill_level is SkillLevel(level)


@pytest.mark.parametrize("version", list(NocVersion))
def test_every_group_is_among_its_parents_children(version: NocVersion) -> None:
    for found in groups(version):
        parent = found.parent
        if found.level is NocLevel.BROAD_CATEGORY:
            assert parent is None
        else:
            assert parent is not None
            assert found in parent.children


@pytest.mark.parametrize("version", list(NocVersion))
def test_unit_groups_inherit_their_major_groups_teer_or_skill_level(version: NocVersion) -> None:
    for unit in groups(version, NocLevel.UNIT_GROUP):
        major = unit.lineage[1]
        assert major.level is NocLevel.MAJOR_GROUP
        if version is V2021:
            assert unit.teer is major.teer is Teer(int(unit.code[1]))
        else:
            assert unit.skill_level is major.skill_level


def test_lineage_levels_noc_2021() -> None:
    assert [found.level for found in group("21231", V2021).lineage] == list(NocLevel)


def test_lineage_through_a_noc_2016_range_major_group() -> None:
    assert [found.code for found in group("0912", V2016).lineage] == ["0", "07-09", "091", "0912"]


def test_unit_groups_have_no_children() -> None:
    assert group("21231", V2021).children == ()


def test_broad_categories_have_no_teer_or_skill_level() -> None:
    with pytest.raises(InvalidNocCode, match="has no TEER"):
        _ = group("7", V2021).teer
    with pytest.raises(InvalidNocCode, match="has no skill level"):
        _ = group("7", V2016).skill_level


@pytest.mark.parametrize("code", ["99", "726000", "01-06", "", "0001 "])
def test_unknown_group_names_code_and_version(code: str) -> None:
    with pytest.raises(InvalidNocCode, match=f"'{code}' is not a group of NOC 2021 V1.0"):
        group(code, V2021)


def test_unhashable_code_is_an_invalid_code() -> None:
    with pytest.raises(InvalidNocCode, match=re.escape("is not a group of NOC 2016 V1.3")):
        group(["0011"], V2016)  # type: ignore[arg-type]


def test_group_str_and_french_title() -> None:
    chefs = group("62200", V2021)
    assert (str(chefs), chefs.title_fr) == ("62200 Chefs", "Chefs")
    assert isinstance(chefs, NocGroup)


@pytest.mark.parametrize(
    ("teer", "meaning_part"),
    [
        (Teer.TEER_0, "Management"),
        (Teer.TEER_1, "university degree"),
        (Teer.TEER_2, "apprenticeship of 2 to 5 years"),
        (Teer.TEER_3, "more than 6 months of on-the-job training"),
        (Teer.TEER_4, "Secondary school"),
        (Teer.TEER_5, "Short-term work demonstration"),
    ],
)
def test_teer_meanings(teer: Teer, meaning_part: str) -> None:
    assert meaning_part in teer.meaning


@pytest.mark.parametrize(
    ("level", "meaning_part"),
    [
        (SkillLevel.SKILL_TYPE_0, "Management"),
        (SkillLevel.A, "University"),
        (SkillLevel.B, "College"),
        (SkillLevel.C, "Secondary school"),
        (SkillLevel.D, "On-the-job"),
    ],
)
def test_skill_level_meanings(level: SkillLevel, meaning_part: str) -> None:
    assert meaning_part in level.meaning
