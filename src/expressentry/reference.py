"""The rules reference: every rule id, table and policy the engine declares, as Markdown.

The documentation's rules reference is written by :func:`render_rules_reference` from the code's
own registries, when the documentation is built, so that it cannot drift from the code:

* each program's declared rules (:attr:`Program.rules <expressentry.programs.Program.rules>`):
  rule id, title, legal provision with its link, and the engine policy it relies on;
* the CRS points tables (:mod:`expressentry.crs`), each with the day every row takes effect and
  its citation;
* the work-experience measures (:data:`expressentry.experience.QUERIES`) with their citations
  and policies;
* the engine policies (:data:`expressentry.policies.POLICIES`), each with the rules and
  measures that rely on it.

The function is pure: it reads no file and returns text (MyST Markdown).

>>> from expressentry.dated import Citation
>>> from expressentry.verdict import Rule
>>> class Demo:
...     code = "DEMO"
...     name = "Demonstration Program"
...     rules = (Rule("demo.quebec", "Outside Quebec",
...                   Citation("IRPR", "s. 75(2)(c)", "https://x.ca"), "P18"),)
>>> text = render_rules_reference((Demo(),))
>>> print("\\n".join(line for line in text.splitlines() if "demo" in line.lower()))
## Demonstration Program (DEMO)
| `demo.quebec` | Outside Quebec | [IRPR s. 75(2)(c)](<https://x.ca>) | P18 |
| P18 | Quebec | An intended province of Quebec ... | `demo.quebec` |
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from expressentry import crs
from expressentry.dated import Citation, DatedTable
from expressentry.experience import QUERIES, ExperienceQuery
from expressentry.policies import POLICIES, Policy
from expressentry.verdict import Rule

__all__ = ["DeclaresRules", "crs_tables", "render_rules_reference"]


class DeclaresRules(Protocol):
    """What the reference needs of a program: its code, its name and its declared rules."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def rules(self) -> tuple[Rule, ...]: ...


def crs_tables() -> tuple[DatedTable[Any], ...]:
    """The CRS points tables the :mod:`expressentry.crs` module exports, in its own order.

    The bundle of every rule version (``CRS_RULES``) is left out: its days are those of the
    tables.

    >>> [table.name for table in crs_tables()][:2]
    ['CRS core points for age', 'CRS additional points for post-secondary education in Canada']
    """
    tables = (getattr(crs, name) for name in crs.__all__ if name != "CRS_RULES")
    return tuple(table for table in tables if isinstance(table, DatedTable))


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _citation(citation: Citation) -> str:
    words = _cell(f"{citation.instrument} {citation.provision}")
    words = words.replace("[", "\\[").replace("]", "\\]")
    return f"[{words}](<{citation.url}>)"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _program_section(program: DeclaresRules) -> list[str]:
    rules = program.rules
    lines = [
        f"## {program.name} ({program.code})",
        "",
        f"{len(rules)} rules, in the order they are checked.",
        "",
    ]
    lines += _table(
        ("Rule id", "Rule", "Provision", "Policy"),
        (
            (
                f"`{rule.rule_id}`",
                _cell(rule.title),
                _citation(rule.citation),
                rule.policy or "",
            )
            for rule in rules
        ),
    )
    return [*lines, ""]


def _crs_section(tables: Sequence[DatedTable[Any]]) -> list[str]:
    days = sorted({day for table in tables for day in table.change_dates})
    lines = [
        "## Comprehensive Ranking System (CRS)",
        "",
        "Every CRS number is a row of one of these dated tables (`expressentry.crs`). A score "
        "uses the rows in force on its date; the rules change on "
        + ", ".join(day.isoformat() for day in days)
        + ".",
        "",
    ]
    lines += _table(
        ("Table", "In force from", "Provision"),
        (
            (_cell(table.name), row.start.isoformat(), _citation(row.citation))
            for table in tables
            for row in table
        ),
    )
    return [*lines, ""]


def _experience_section(queries: Sequence[ExperienceQuery]) -> list[str]:
    lines = [
        "## Work-experience measures",
        "",
        "The questions the programs and the CRS ask the work-experience ledger "
        "(`expressentry.experience`).",
        "",
    ]
    lines += _table(
        ("Measure", "Provision", "Policies"),
        (
            (_cell(query.name), _citation(query.citation), ", ".join(query.policies))
            for query in queries
        ),
    )
    return [*lines, ""]


def _policies_section(
    policies: Mapping[str, Policy], used_by: Mapping[str, list[str]]
) -> list[str]:
    lines = [
        "## Engine policies",
        "",
        "Where the sources are silent or disagree, the engine follows a documented "
        "interpretation, numbered as in the research notes (rules.md §12). A finding that "
        "relies on one names it.",
        "",
    ]
    lines += _table(
        ("Policy", "Topic", "What the engine does", "Relied on by"),
        (
            (
                policy.policy_id,
                _cell(policy.topic),
                _cell(policy.text),
                ", ".join(used_by.get(policy.policy_id, ())),
            )
            for policy in policies.values()
        ),
    )
    return [*lines, ""]


def render_rules_reference(
    programs: Sequence[DeclaresRules],
    *,
    tables: Sequence[DatedTable[Any]] | None = None,
    queries: Sequence[ExperienceQuery] = QUERIES,
    policies: Mapping[str, Policy] = POLICIES,
) -> str:
    """The rules reference as MyST Markdown, from the given registries.

    ``programs`` are the programs to list (the documentation passes
    ``expressentry.programs.PROGRAMS``); ``tables`` the CRS tables (by default
    :func:`crs_tables`); ``queries`` the work-experience measures; ``policies`` the engine
    policies. Each program's rules keep their declared order. A policy that a rule names but
    ``policies`` lacks is an error, not a silent gap.
    """
    used_by: dict[str, list[str]] = {}
    for program in programs:
        for rule in program.rules:
            if rule.policy is not None:
                used_by.setdefault(rule.policy, []).append(f"`{rule.rule_id}`")
    for query in queries:
        for policy_id in query.policies:
            used_by.setdefault(policy_id, []).append(_cell(query.name))
    unknown = sorted(set(used_by) - set(policies))
    if unknown:
        raise ValueError(f"rules name policies that are not declared: {', '.join(unknown)}")

    lines = [
        "Generated from the code's own registries when the documentation is built.",
        "",
    ]
    for program in programs:
        lines += _program_section(program)
    lines += _crs_section(crs_tables() if tables is None else tables)
    lines += _experience_section(queries)
    lines += _policies_section(policies, used_by)
    return "\n".join(lines)
