"""The rules reference lists every rule id, CRS table, experience measure and policy."""

from __future__ import annotations

import importlib
import json
import re
from datetime import date
from pathlib import Path

import attrs
import pytest

import expressentry
from expressentry import crs
from expressentry.dated import Citation
from expressentry.experience import QUERIES
from expressentry.policies import POLICIES
from expressentry.programs import PROGRAMS
from expressentry.reference import (
    TABLE_MODULES,
    crs_line_rules,
    dated_tables,
    render_rules_reference,
)
from expressentry.serialization import from_dict
from expressentry.verdict import Rule

CITATION = Citation("IRPR", "s. 75(2)(a)", "https://laws.example/irpr-75")


@attrs.frozen
class FakeProgram:
    code: str
    name: str
    rules: tuple[Rule, ...]


@pytest.fixture(scope="module")
def reference() -> str:
    return render_rules_reference(PROGRAMS)


def _rows(text: str) -> list[list[str]]:
    """The cells of every table row of the Markdown text."""
    return [
        [cell.strip() for cell in line.strip("|").split(" | ")]
        for line in text.splitlines()
        if line.startswith("| ") and not line.startswith("|---")
    ]


def test_the_registry_has_the_three_programs() -> None:
    assert [program.code for program in PROGRAMS] == ["FSW", "FST", "CEC"]


def test_every_rule_id_every_program_declares_is_listed(reference: str) -> None:
    listed = {row[0] for row in _rows(reference)}
    for program in PROGRAMS:
        assert f"## {program.name} ({program.code})" in reference
        for rule in program.rules:
            assert f"`{rule.rule_id}`" in listed, (program.code, rule.rule_id)


def test_every_rule_row_carries_its_provision_and_policy(reference: str) -> None:
    rows = {row[0]: row for row in _rows(reference)}
    for program in PROGRAMS:
        for rule in program.rules:
            _, title, provision, policy = rows[f"`{rule.rule_id}`"]
            assert title == " ".join(rule.title.split()).replace("|", "\\|")
            assert provision.startswith(f"[{rule.citation.instrument} ")
            assert provision.endswith(f"](<{rule.citation.url}>)")
            assert policy == (rule.policy or "")


def test_rule_ids_are_unique_across_programs() -> None:
    ids = [rule.rule_id for program in PROGRAMS for rule in program.rules]
    assert len(ids) == len(set(ids))


def _crs_rule_ids(reference: str) -> set[str]:
    return {row[0].strip("`") for row in _rows(reference) if row[0].startswith("`crs.")}


def test_every_crs_rule_id_written_in_the_source_is_listed(reference: str) -> None:
    listed = _crs_rule_ids(reference)
    written = set(re.findall(r"\"(crs\.[a-z_.]+)\"", Path(crs.__file__).read_text("utf-8")))
    assert len(written) > 20
    # A sub-cap's id names a group of grids; a line carries "<id>.cap" when that cap bites,
    # which it can only do over two grids or more.
    sub_caps = {sub_cap for row in crs.TRANSFERABILITY for sub_cap in row.value}
    assert {f"{s.rule_id}.cap" for s in sub_caps if len(s.grids) > 1} <= listed
    assert written - {s.rule_id for s in sub_caps} <= listed


def test_every_line_of_the_example_scores_is_listed(reference: str) -> None:
    listed = _crs_rule_ids(reference)
    days = (*crs.CRS_RULES.change_dates, date(2026, 11, 29))
    examples = Path(__file__).parents[1] / "examples"
    for path in sorted(examples.glob("*.json")):
        candidate = from_dict(json.loads(path.read_text(encoding="utf-8")))
        for day in days:
            assert {line.rule_id for line in crs.crs_for(candidate, on=day).lines} <= listed


def test_crs_line_rules_are_grouped_by_section() -> None:
    sections = [rule_id.split(".")[1] for rule_id, _ in crs_line_rules()]
    assert sections == sorted(
        sections, key=["core", "spouse", "transferability", "additional"].index
    )
    assert all(citations for _, citations in crs_line_rules())


def test_every_dated_table_row_is_listed(reference: str) -> None:
    rows = {(row[1], row[2]) for row in _rows(reference)}
    for _, module in TABLE_MODULES:
        tables = dated_tables(module)
        assert tables, module.__name__
        for name, table in tables:
            for entry in table:
                assert (f"`{name}`", entry.start.isoformat()) in rows


def test_every_exported_dated_table_is_listed() -> None:
    listed = {id(table) for _, module in TABLE_MODULES for _, table in dated_tables(module)}
    source = Path(expressentry.__file__).parent
    missing = []
    for path in sorted(source.rglob("*.py")):
        parts = path.relative_to(source.parent).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        module = importlib.import_module(
            ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        )
        missing += [
            f"{module.__name__}.{name}"
            for name, table in dated_tables(module)
            if id(table) not in listed
        ]
    assert missing == []


def test_every_experience_measure_is_listed(reference: str) -> None:
    names = {row[0] for row in _rows(reference)}
    assert {query.name for query in QUERIES} <= names


def test_every_policy_is_listed(reference: str) -> None:
    rows = {row[0]: row for row in _rows(reference)}
    for policy_id, policy in POLICIES.items():
        assert rows[policy_id][1] == policy.topic


def test_a_policy_lists_the_rules_that_rely_on_it() -> None:
    rule = Rule("demo.residence", "Outside Quebec", CITATION, "P18")
    text = render_rules_reference((FakeProgram("DEMO", "Demo Program", (rule,)),), queries=())
    (row,) = (row for row in _rows(text) if row[0] == "P18")
    assert row[3] == "`demo.residence`"


def test_rules_keep_their_declared_order() -> None:
    rules = tuple(Rule(f"demo.rule_{n}", f"Rule {n}", CITATION) for n in (3, 1, 2))
    text = render_rules_reference((FakeProgram("DEMO", "Demo", rules),))
    positions = [text.index(f"`demo.rule_{n}`") for n in (3, 1, 2)]
    assert positions == sorted(positions)


def test_cells_are_escaped() -> None:
    rule = Rule(
        "demo.pipe",
        "Either | or",
        Citation("IRPR", "s. 1 [as amended]", "https://x.ca/a_(b)"),
    )
    text = render_rules_reference((FakeProgram("DEMO", "Demo", (rule,)),), tables=(), queries=())
    row = "| `demo.pipe` | Either \\| or | [IRPR s. 1 \\[as amended\\]](<https://x.ca/a_(b)>) |"
    assert row in text


def test_an_undeclared_policy_is_an_error() -> None:
    rule = Rule("demo.x", "X", CITATION, "P99")
    with pytest.raises(ValueError, match="P99"):
        render_rules_reference((FakeProgram("DEMO", "Demo", (rule,)),))


def test_tables_kept_per_test_kind_are_listed_row_by_row(reference: str) -> None:
    # LEVEL_CHARTS holds a dated chart per test: each chart's rows are listed, the TEF's one
    # row (P3: the "Équivalence ancien score" whatever the test date) as every other's.
    rows = [
        line
        for line in reference.splitlines()
        if line.startswith("| TEF Canada → NCLC") and "`LEVEL_CHARTS[TEF_CANADA]`" in line
    ]
    assert [row.split(" | ")[2] for row in rows] == ["0001-01-01"]
    policy_p3 = next(line for line in reference.splitlines() if line.startswith("| P3 "))
    assert "LEVEL_CHARTS[TEF_CANADA]" in policy_p3
