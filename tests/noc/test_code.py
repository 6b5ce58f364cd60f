"""NocCode: parsing, validation against the classification, titles, TEER and skill level."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.exceptions import InvalidNocCode
from expressentry.noc import NocCode, NocGroup, NocVersion, SkillLevel, Teer, unit_groups

ALL_UNIT_GROUPS = unit_groups(NocVersion.NOC_2021) + unit_groups(NocVersion.NOC_2016)


@pytest.mark.parametrize(
    ("code", "title", "version", "teer"),
    [
        ("00010", "Legislators", NocVersion.NOC_2021, Teer.TEER_0),
        ("21231", "Software engineers and designers", NocVersion.NOC_2021, Teer.TEER_1),
        (
            "31301",
            "Registered nurses and registered psychiatric nurses",
            NocVersion.NOC_2021,
            Teer.TEER_1,
        ),
        (
            "72200",
            "Electricians (except industrial and power system)",
            NocVersion.NOC_2021,
            Teer.TEER_2,
        ),
        ("73300", "Transport truck drivers", NocVersion.NOC_2021, Teer.TEER_3),
    ],
)
def test_known_noc_2021_codes(code: str, title: str, version: NocVersion, teer: Teer) -> None:
    noc = NocCode(code)
    assert (noc.code, str(noc), noc.title, noc.version, noc.teer) == (
        code,
        code,
        title,
        version,
        teer,
    )


@pytest.mark.parametrize(
    ("code", "title", "skill_level"),
    [
        ("0011", "Legislators", SkillLevel.SKILL_TYPE_0),
        ("2173", "Software engineers and designers", SkillLevel.A),
        ("3012", "Registered nurses and registered psychiatric nurses", SkillLevel.A),
        ("7241", "Electricians (except industrial and power system)", SkillLevel.B),
        ("7511", "Transport truck drivers", SkillLevel.C),
        (
            "6711",
            "Food counter attendants, kitchen helpers and related support occupations",
            SkillLevel.D,
        ),
    ],
)
def test_known_noc_2016_codes(code: str, title: str, skill_level: SkillLevel) -> None:
    noc = NocCode(code)
    assert (noc.version, noc.title, noc.title_fr, noc.skill_level) == (
        NocVersion.NOC_2016,
        title,
        None,
        skill_level,
    )


def test_french_title() -> None:
    assert NocCode("00010").title_fr == "Membres des corps législatifs"


def test_lineage_runs_from_broad_category_to_unit_group() -> None:
    assert [group.code for group in NocCode("72200").lineage] == [
        "7",
        "72",
        "722",
        "7220",
        "72200",
    ]


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "1",
        "123",
        "123456",
        "2123a",
        " 21231",
        "21231 ",
        "２１２３１",
        "21.23",
        None,
        21231,
        b"21231",
    ],
)
def test_malformed_codes_are_rejected(junk: object) -> None:
    with pytest.raises(InvalidNocCode, match="is not a NOC code"):
        NocCode(junk)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "version_label"),
    [
        ("99999", "NOC 2021 V1.0"),
        ("21239", "NOC 2021 V1.0"),
        ("00000", "NOC 2021 V1.0"),
        ("9999", "NOC 2016 V1.3"),
        ("0001", "NOC 2016 V1.3"),  # a NOC 2021 minor group, not a NOC 2016 unit group
        ("0010", "NOC 2016 V1.3"),
    ],
)
def test_codes_outside_the_classification_are_rejected_naming_code_and_version(
    code: str, version_label: str
) -> None:
    with pytest.raises(InvalidNocCode, match=f"'{code}' is not a unit group of {version_label}"):
        NocCode(code)


@given(st.text(alphabet="0123456789", min_size=4, max_size=5))
def test_every_digit_string_is_a_unit_group_or_rejected(code: str) -> None:
    version = NocVersion.NOC_2021 if len(code) == 5 else NocVersion.NOC_2016
    known = {group.code for group in unit_groups(version)}
    if code in known:
        assert NocCode(code).unit_group.code == code
    else:
        with pytest.raises(InvalidNocCode, match=version.label):
            NocCode(code)


@given(st.sampled_from(ALL_UNIT_GROUPS))
def test_every_unit_group_makes_a_code_with_its_title(unit: NocGroup) -> None:
    noc = NocCode(unit.code)
    assert (noc.version, noc.title, noc.title_fr, noc.unit_group) == (
        unit.version,
        unit.title,
        unit.title_fr,
        unit,
    )


def test_teer_of_a_noc_2016_code_is_an_error() -> None:
    with pytest.raises(InvalidNocCode, match=r"2173 .*has no TEER"):
        _ = NocCode("2173").teer


def test_skill_level_of_a_noc_2021_code_is_an_error() -> None:
    with pytest.raises(InvalidNocCode, match=r"21231 .*has no skill level"):
        _ = NocCode("21231").skill_level


def test_codes_are_values() -> None:
    assert NocCode("21231") == NocCode("21231")
    assert len({NocCode("21231"), NocCode("21231"), NocCode("2173")}) == 2


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        (" 21231", "did you mean '21231' (without the spaces)?"),
        ("21231\n", "did you mean '21231' (without the spaces)?"),
        ("11", "did you mean '0011' (NOC 2016 Legislators, with its leading zeros)?"),
        ("10", "did you mean '00010' (NOC 2021 Legislators, with its leading zeros)?"),
        (
            "6320",
            "6320 is a minor group of NOC 2021 V1.0 (Cooks, butchers and bakers): give one of its "
            "unit groups, e.g. 63200",
        ),
    ],
)
def test_a_refused_code_says_what_it_may_have_meant(given, hint):
    with pytest.raises(InvalidNocCode) as raised:
        NocCode(given)
    assert hint in str(raised.value)


@pytest.mark.parametrize("given", ["21239", "7", "abc", " 99999 "])
def test_no_hint_when_nothing_near_is_a_code(given):
    with pytest.raises(InvalidNocCode) as raised:
        NocCode(given)
    assert "did you mean" not in str(raised.value)
    assert "give one of its unit groups" not in str(raised.value)


@given(st.text(alphabet=" 0123456789", max_size=6))
def test_every_code_a_hint_suggests_is_one(given: str) -> None:
    import re

    try:
        NocCode(given)
    except InvalidNocCode as refused:
        message = str(refused)
        for suggested in re.findall(r"did you mean '(\d+)'", message):
            assert NocCode(suggested).code == suggested
        for example in re.findall(r"e\.g\. (\d+)$", message):
            assert NocCode(example).code.startswith(given.strip())
