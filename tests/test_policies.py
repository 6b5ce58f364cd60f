"""The engine policies: numbered without a gap, and every policy the source names exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import expressentry
from expressentry.policies import POLICIES, Policy

SOURCE = Path(expressentry.__file__).parent

# A policy named in code: `policy="P5"`, `policies=("P9", ...)`, a "P10" literal in a rule
# declaration, or "policy P12" / "policies P8-P11" in a docstring, message or comment.
_LITERAL = re.compile(r"""["'](P\d+)["']""")
_IN_PROSE = re.compile(r"\b[Pp]olic(?:y|ies)\s+((?:P\d+)(?:\s*(?:,|-|–|and|or)\s*P\d+)*)")
_ID = re.compile(r"P\d+")


def _named_policies() -> dict[str, set[str]]:
    """Every policy id the source names, with the files that name it."""
    named: dict[str, set[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        if path.name == "policies.py":
            continue
        text = path.read_text(encoding="utf-8")
        ids = set(_LITERAL.findall(text))
        for match in _IN_PROSE.finditer(text):
            ids.update(_ID.findall(match.group(1)))
        for policy_id in ids:
            named.setdefault(policy_id, set()).add(str(path.relative_to(SOURCE)))
    return named


def test_ids_are_p1_to_p34_without_a_gap() -> None:
    assert list(POLICIES) == [f"P{n}" for n in range(1, 35)]
    assert all(policy.policy_id == key for key, policy in POLICIES.items())
    assert [policy.number for policy in POLICIES.values()] == list(range(1, 35))


def test_every_policy_has_a_topic_and_a_sentence() -> None:
    for policy in POLICIES.values():
        assert policy.topic.strip() == policy.topic != ""
        assert policy.text.endswith(".")
        assert "  " not in policy.text


def test_the_source_names_policies() -> None:
    # Guards the scan itself: if it found nothing, the next test would pass vacuously.
    assert {"P4", "P5", "P9", "P12", "P30"} <= set(_named_policies())


def test_every_policy_the_source_names_is_known() -> None:
    unknown = {
        policy_id: sorted(files)
        for policy_id, files in _named_policies().items()
        if policy_id not in POLICIES
    }
    assert unknown == {}


def test_the_prose_pattern_reads_lists_and_ranges() -> None:
    text = "policies P8-P11, P24 and P27; policy P5"
    found = [_ID.findall(m.group(1)) for m in _IN_PROSE.finditer(text)]
    assert found == [["P8", "P11", "P24", "P27"], ["P5"]]


@pytest.mark.parametrize("bad", ["12", "p12", "P", "P0", "P12a", ""])
def test_a_policy_id_is_p_and_a_number(bad: str) -> None:
    with pytest.raises(ValueError, match="policy id"):
        Policy(bad, "Topic", "Text.")
