"""The generated tables against the shared reference data, and the generator itself.

Skipped, with the reason shown, when ``../shared/data`` is not checked out next to the repository.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from types import ModuleType

import pytest

from expressentry.noc import NocCode, NocVersion, group, groups, unit_groups
from expressentry.noc.concordance import correspondences

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "expressentry"
GENERATED = ("_rounds.py", "noc/_concordance.py", "noc/_noc2016.py", "noc/_noc2021.py")
GENERATOR_NAME = "tools/generate_data.py"


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a reference CSV file (UTF-8, with or without a byte order mark)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_noc_2021_group_code_and_titles_match_the_data(shared_data: Path) -> None:
    rows = read_csv(shared_data / "noc2021_structure.csv")
    assert len(rows) == len(groups(NocVersion.NOC_2021)) == 822
    for row in rows:
        found = group(row["code"], NocVersion.NOC_2021)
        assert (found.title, found.title_fr) == (row["name_english"], row["name_french"])


def test_every_noc_2021_unit_group_is_a_valid_code(shared_data: Path) -> None:
    units = [
        row for row in read_csv(shared_data / "noc2021_structure.csv") if len(row["code"]) == 5
    ]
    assert len(units) == len(unit_groups(NocVersion.NOC_2021)) == 516
    for row in units:
        noc = NocCode(row["code"])
        assert (noc.title, noc.title_fr) == (row["name_english"], row["name_french"])


def test_every_noc_2016_group_code_and_title_match_the_data(shared_data: Path) -> None:
    rows = read_csv(shared_data / "noc2016_structure.csv")
    assert len(rows) == len(groups(NocVersion.NOC_2016)) == 690
    units = 0
    for row in rows:
        found = group(row["noc_code"], NocVersion.NOC_2016)
        assert found.title == row["noc_title"]
        if row["Level"] == "4":
            units += 1
            assert NocCode(row["noc_code"]).title == row["noc_title"]
    assert units == len(unit_groups(NocVersion.NOC_2016)) == 500


def test_every_concordance_row_is_kept(shared_data: Path) -> None:
    rows = read_csv(shared_data / "noc2016_to_2021_concordance.csv")
    assert len(rows) == 585
    for row in rows:
        # The file drops leading zeros: "11" is 0011, "10" is 00010.
        old = NocCode(row["NOC 2016 V1.3 Code"].zfill(4))
        new = NocCode(row["NOC 2021 V1.0 Code"].zfill(5))
        assert (old.title, new.title) == (row["NOC 2016 V1.3 Title"], row["NOC 2021 V1.0 Title"])
        assert new in {link.noc2021 for link in correspondences(old)}


def test_generator_reproduces_the_committed_modules_byte_for_byte(
    shared_data: Path, generator: ModuleType
) -> None:
    rendered = generator.render_all(shared_data)
    assert sorted(rendered) == [*GENERATED]
    for name, text in rendered.items():
        assert (PACKAGE / name).read_bytes() == text.encode("utf-8"), name


def test_generator_check_mode(shared_data: Path, generator: ModuleType, tmp_path: Path) -> None:
    arguments = ["--data", str(shared_data), "--out", str(tmp_path)]
    assert generator.main([*arguments, "--check"]) == 1  # nothing written yet: out of date
    assert list(tmp_path.iterdir()) == []
    assert generator.main(arguments) == 0
    assert generator.main([*arguments, "--check"]) == 0
    assert generator.main(["--data", str(shared_data), "--check"]) == 0  # the committed modules


def test_generator_without_the_data_says_so(
    generator: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit status 2, not the 1 of "out of date", and no traceback; runs without the data."""
    (tmp_path / "noc2021_structure.csv").write_text("code,title\n", encoding="utf-8")
    assert generator.main(["--data", str(tmp_path), "--check"]) == 2
    error = capsys.readouterr().err
    assert error == (
        f"reference data not found in {tmp_path}: no noc2016_structure.csv, "
        "noc2016_to_2021_concordance.csv, ee_rounds.json; pass --data with the folder of the "
        "shared reference data\n"
    )


@pytest.mark.parametrize(
    ("label", "codes"),
    [
        ("VC1 - Code Change, VC2 - Name Change", ("VC1", "VC2")),
        (
            "RC4.2 - Split off , RC5, VC1 - Code Change, VC2 - Name Change",
            ("RC4.2", "RC5", "VC1", "VC2"),
        ),
        (
            "RC4.2 - Split off, RC5 VC1 - Code Change, VC2 - Name Change",
            ("RC4.2", "RC5", "VC1", "VC2"),
        ),
        ("Transfer, VC1 - Code Change, VC2 - Name Change", ("RC5", "VC1", "VC2")),
        ("RC3.2 - Take-over, VC1 - Code Change", ("RC3.2", "VC1")),
        ("RC3.1 - Merger, VC2 - Name Change", ("RC3.1", "VC2")),
        ("RC4.1 - Breakdown", ("RC4.1",)),
    ],
)
def test_generator_normalises_change_labels(
    generator: ModuleType, label: str, codes: tuple[str, ...]
) -> None:
    assert generator.normalise_change_types(label) == codes


@pytest.mark.parametrize("label", ["RC9 - Something else", "RC5 - Merger"])
def test_generator_refuses_unknown_change_labels(generator: ModuleType, label: str) -> None:
    with pytest.raises(generator.DataError):
        generator.normalise_change_types(label)


def test_generator_is_the_one_named_in_the_modules() -> None:
    for name in GENERATED:
        header = (PACKAGE / name).read_text(encoding="utf-8")[:400]
        assert f"GENERATED by {GENERATOR_NAME}" in header
        assert "do not edit by hand" in header


# -- rounds of invitations -----------------------------------------------------------------


def test_every_round_of_the_feed_is_in_the_history(shared_data: Path) -> None:
    from expressentry.rounds import ROUNDS

    feed = json.loads((shared_data / "ee_rounds.json").read_text(encoding="utf-8"))["rounds"]
    by_number = {r.number: r for r in ROUNDS}
    assert len(feed) == len(ROUNDS)
    for entry in feed:
        found = by_number[entry["drawNumber"]]
        assert found.date.isoformat() == entry["drawDate"]
        assert found.name == entry["drawName"]
        assert found.invitations == int(entry["drawSize"].replace(",", ""))
        assert found.lowest_crs == int(entry["drawCRS"].replace(",", ""))


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("No Program Specified", "general"),
        ("Provincial Nominee Program", "provincial_nominee_program"),
        ("Healthcare occupations (Version 1)", "category"),
        ("Transport Occupations, 2026-Version 2", "category"),
        ("French-Language proficiency 2026-Version 2", "category"),
    ],
)
def test_generator_kinds_of_round_types(generator: ModuleType, name: str, kind: str) -> None:
    assert generator.round_kind(name) == kind


@pytest.mark.parametrize("name", ["Lottery", "Healthcare occupationsX"])
def test_generator_refuses_unknown_round_types(generator: ModuleType, name: str) -> None:
    with pytest.raises(generator.DataError, match="unknown round type"):
        generator.round_kind(name)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Canadian Experience Class", "CEC"),
        (
            "Federal Skilled Worker Program, Canadian Experience Class and Federal Skilled "
            "Trades Program",
            "FSW,CEC,FST",
        ),
    ],
)
def test_generator_reads_the_programs_of_a_round(
    generator: ModuleType, text: str, codes: str
) -> None:
    assert generator.round_programs(text) == codes


@pytest.mark.parametrize("text", ["", "Federal Skilled Worker and Start-up Visa"])
def test_generator_refuses_unknown_programs(generator: ModuleType, text: str) -> None:
    with pytest.raises(generator.DataError, match="unexpected programs"):
        generator.round_programs(text)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"drawNumber": "12c"}, "unexpected round number"),
        ({"drawSize": "many"}, "is not a whole number"),
        ({"drawNumber": "2"}, "appears twice"),
    ],
)
def test_generator_refuses_bad_rounds(
    generator: ModuleType, tmp_path: Path, change: dict[str, str], message: str
) -> None:
    entry = {
        "drawNumber": "1",
        "drawDate": "2015-01-31",
        "drawName": "No Program Specified",
        "drawSize": "779",
        "drawCRS": "886",
        "drawText2": "Canadian Experience Class",
    }
    second = {**entry, "drawNumber": "2"}
    (tmp_path / "ee_rounds.json").write_text(
        json.dumps({"rounds": [{**entry, **change}, second]}), encoding="utf-8"
    )
    with pytest.raises(generator.DataError, match=message):
        generator.read_rounds(tmp_path)
