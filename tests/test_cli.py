"""The command line: the one edge with I/O. Bad input exits 2 with every problem, no traceback."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from expressentry.__main__ import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_check_summarizes_a_valid_profile(capsys):
    status, out, err = run(capsys, "check", str(EXAMPLES / "nurse-canadian-experience.json"))
    assert status == 0
    assert err == ""
    assert "The profile is valid." in out
    assert "birth date: 1992-03-03" in out
    assert "spouse or partner: given" in out


def test_check_a_partial_profile(capsys):
    status, out, _ = run(capsys, "check", str(EXAMPLES / "partial-profile.json"))
    assert status == 0
    assert "spouse or partner: none given" in out


def test_check_reads_standard_input(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"schema_version": 1}'))
    status, out, _ = run(capsys, "check", "-")
    assert status == 0
    assert "marital status: not answered" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"schema_version": 1, "x": 1}', "$.x: unknown key"),
        ("{", "is not valid JSON: Expecting property name"),
        ("[1, 2]", "$: a profile is a JSON object, got a list"),
        ("", "is not valid JSON"),
    ],
)
def test_bad_profiles_exit_2_with_the_problems(capsys, tmp_path, content, message):
    path = tmp_path / "profile.json"
    path.write_text(content, encoding="utf-8")
    status, out, err = run(capsys, "check", str(path))
    assert status == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_unreadable_files(capsys, tmp_path):
    status, _, err = run(capsys, "check", str(tmp_path / "missing.json"))
    assert status == 2
    assert "cannot read" in err
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00")
    status, _, err = run(capsys, "check", str(binary))
    assert status == 2
    assert "is not UTF-8 text" in err
    status, _, err = run(capsys, "check", str(tmp_path))
    assert status == 2
    assert "cannot read" in err


def test_example_prints_a_shipped_profile(capsys):
    status, out, _ = run(capsys, "example", "software-engineer-abroad")
    assert status == 0
    assert json.loads(out) == json.loads(
        (EXAMPLES / "software-engineer-abroad.json").read_text(encoding="utf-8")
    )


def test_an_unknown_example_lists_the_names(capsys):
    status, _, err = run(capsys, "example", "astronaut")
    assert status == 2
    assert "no example named 'astronaut'" in err
    assert "cook-toronto" in err


def test_schema_prints_the_json_schema(capsys):
    status, out, _ = run(capsys, "schema")
    assert status == 0
    assert json.loads(out)["title"] == "Express Entry candidate profile"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2
