"""The rules reference: every rule id, table and policy the engine declares, as Markdown.

The documentation's rules reference is written by :func:`render_rules_reference` from the code's
own registries, when the documentation is built, so that it cannot drift from the code:

* each program's declared rules (:attr:`Program.rules <expressentry.programs.Program.rules>`):
  rule id, title, legal provision with its link, and the engine policy it relies on;
* every rule id a CRS line can carry (:func:`crs_line_rules`), with its citations;
* the dated tables of every module that has them (:data:`TABLE_MODULES`: the programs, the
  settlement funds, the CRS, ...), each row with the day it takes effect and its citation;
* the work-experience measures (:data:`expressentry.experience.QUERIES`) with their citations
  and policies;
* the engine policies (:data:`expressentry.policies.POLICIES`), each with the rules, measures
  and tables that rely on it.

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

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from types import ModuleType
from typing import Any, Protocol

from expressentry import codes, crs, education, funds, job_offer, language, noc, profile
from expressentry.dated import Citation, DatedTable
from expressentry.education import CanadianEducation, EducationLevel
from expressentry.experience import QUERIES, ExperienceQuery
from expressentry.experience import tables as experience_tables
from expressentry.policies import POLICIES, Policy
from expressentry.programs import cec, fst, fsw
from expressentry.verdict import Rule

__all__ = [
    "TABLE_MODULES",
    "CrsLineRule",
    "DeclaresRules",
    "TableModule",
    "crs_line_rules",
    "dated_tables",
    "policies_named",
    "render_rules_reference",
]

TableModule = tuple[str, ModuleType]
"""A heading and the module whose exported dated tables it lists."""

TABLE_MODULES: tuple[TableModule, ...] = (
    ("Federal Skilled Worker Program", fsw),
    ("Federal Skilled Trades Program", fst),
    ("Canadian Experience Class", cec),
    ("Settlement funds", funds),
    ("Qualifying job offer", job_offer),
    ("Comprehensive Ranking System", crs),
    ("Language tests", language),
    ("Work experience", experience_tables),
    ("Education", education),
    ("National Occupational Classification", noc),
    ("Profile deadlines", profile),
    ("Identifiers", codes),
)
"""Every module that exports dated tables, in the order the reference lists them."""


class DeclaresRules(Protocol):
    """What the reference needs of a program: its code, its name and its declared rules."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def rules(self) -> tuple[Rule, ...]: ...


def dated_tables(module: ModuleType) -> tuple[tuple[str, DatedTable[Any]], ...]:
    """The dated tables ``module`` exports (its ``__all__``), with their names, in its order.

    ``CRS_RULES``, the bundle of every CRS rule version, is left out: its days are those of the
    CRS tables.

    >>> [name for name, table in dated_tables(crs)][:2]
    ['AGE_POINTS', 'CANADIAN_EDUCATION_POINTS']
    """
    names = (name for name in getattr(module, "__all__", ()) if name != "CRS_RULES")
    found: list[tuple[str, DatedTable[Any]]] = []
    for name in names:
        value = getattr(module, name)
        if isinstance(value, DatedTable):
            found.append((name, value))
        elif isinstance(value, Mapping):  # a table per key: LEVEL_CHARTS, a chart per test
            found += [
                (f"{name}[{getattr(key, 'name', key)}]", table)
                for key, table in value.items()
                if isinstance(table, DatedTable)
            ]
    return tuple(found)


_POLICIES_IN_WORDS = re.compile(
    r"\bpolic(?:y|ies)\s+(P\d+(?:\s*(?:,|-|–|and|or)\s*P\d+)*)", re.IGNORECASE
)
_POLICY_ID = re.compile(r"P\d+")


def policies_named(words: str) -> list[str]:
    """The policy ids that ``words`` name, as "policy P12" or "policies P8-P11 and P27".

    A range names its two ends only.

    >>> policies_named("valid two years (policy P4); see policies P9, P24 and P26")
    ['P4', 'P9', 'P24', 'P26']
    """
    return [
        policy_id
        for match in _POLICIES_IN_WORDS.finditer(words)
        for policy_id in _POLICY_ID.findall(match.group(1))
    ]


CrsLineRule = tuple[str, tuple[tuple[date, Citation], ...]]
"""A CRS line's rule id and its citations, each with the first rule era that uses it."""

_SECTION_ORDER = ("core", "spouse", "transferability", "additional")


def _crs_witnesses(with_spouse: bool) -> crs.CrsFactors:
    """Factors that earn every line of the CRS and make every cap bite that can."""
    return crs.CrsFactors(
        age=25,
        education=EducationLevel.DOCTORAL,
        first_language=crs.clb(10),
        second_language=crs.nclc(10),
        canadian_years=5,
        foreign_years=3,
        with_spouse=with_spouse,
        spouse_education=EducationLevel.DOCTORAL,
        spouse_language=crs.clb(10),
        spouse_canadian_years=5,
        certificate_of_qualification=True,
        provincial_nomination=True,
        sibling_in_canada=True,
        canadian_education=CanadianEducation.THREE_YEAR_OR_MORE,
        job_offer=crs.JobOfferClass.SENIOR_MANAGEMENT,
    )


def crs_line_rules() -> tuple[CrsLineRule, ...]:
    """Every rule id a CRS line can carry, by section, with its citations by rule era.

    The CRS module keeps no list of its lines, so they are read from the scores, in every rule
    era and both columns, of factors that earn every line and make the caps bite (a test checks
    them against the rule ids written in ``crs.py``).

    >>> rules = dict(crs_line_rules())
    >>> [day.isoformat() for day, _ in rules["crs.additional.french"]]
    ['2015-01-01', '2017-06-06', '2020-10-27']
    """
    found: dict[str, dict[Citation, date]] = {}
    for day in crs.CRS_RULES.change_dates:
        for with_spouse in (True, False):
            for line in crs.score(_crs_witnesses(with_spouse), on=day).lines:
                found.setdefault(line.rule_id, {}).setdefault(line.citation, day)
    order = sorted(found, key=lambda rule_id: _SECTION_ORDER.index(rule_id.split(".")[1]))
    return tuple(
        (rule_id, tuple((day, citation) for citation, day in found[rule_id].items()))
        for rule_id in order
    )


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


def _crs_lines_section(rules: Sequence[CrsLineRule]) -> list[str]:
    lines = [
        "## Comprehensive Ranking System (CRS) lines",
        "",
        "Every line of a CRS score carries one of these rule ids (`CrsLine.rule_id`). A cap "
        "line appears only when its cap bites. Where the provision changed, each is listed "
        "with the first rule era that uses it. The policies are those the line relies on "
        "(`CrsLine.policies`).",
        "",
    ]

    def provisions(citations: tuple[tuple[date, Citation], ...]) -> str:
        if len(citations) == 1:
            return _citation(citations[0][1])
        return "; ".join(f"from {day.isoformat()}: {_citation(c)}" for day, c in citations)

    lines += _table(
        ("Rule id", "Section", "Provision", "Policies"),
        (
            (
                f"`{rule_id}`",
                rule_id.split(".")[1],
                provisions(c),
                ", ".join(crs.CRS_LINE_POLICIES.get(rule_id, ())),
            )
            for rule_id, c in rules
        ),
    )
    return [*lines, ""]


def _tables_section(modules: Sequence[TableModule]) -> list[str]:
    lines = [
        "## Dated tables",
        "",
        "Every number the rules use is a row of a dated table with its citation; an "
        "evaluation uses the rows in force on its date. A rule change is a new row.",
        "",
    ]
    for heading, module in modules:
        tables = dated_tables(module)
        days = sorted({day for _, table in tables for day in table.change_dates})
        lines += [
            f"### {heading}",
            "",
            f"`{module.__name__}`; rows take effect on "
            + ", ".join(day.isoformat() for day in days)
            + ".",
            "",
        ]
        lines += _table(
            ("Table", "Name", "In force from", "Provision"),
            (
                (
                    _cell(table.name),
                    f"`{name}`",
                    row.start.isoformat(),
                    _citation(row.citation),
                )
                for name, table in tables
                for row in table
            ),
        )
        lines.append("")
    return lines


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
                "; ".join(used_by.get(policy.policy_id, ())),
            )
            for policy in policies.values()
        ),
    )
    return [*lines, ""]


def render_rules_reference(
    programs: Sequence[DeclaresRules],
    *,
    tables: Sequence[TableModule] = TABLE_MODULES,
    queries: Sequence[ExperienceQuery] = QUERIES,
    policies: Mapping[str, Policy] = POLICIES,
) -> str:
    """The rules reference as MyST Markdown, from the given registries.

    ``programs`` are the programs to list (the documentation passes
    ``expressentry.programs.PROGRAMS``); ``tables`` the modules whose dated tables to list
    (:data:`TABLE_MODULES`); ``queries`` the work-experience measures; ``policies`` the engine
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
    for _, module in tables:
        for name, table in dated_tables(module):
            words = " ".join([table.name, *(row.citation.provision for row in table)])
            for policy_id in dict.fromkeys(policies_named(words)):
                used_by.setdefault(policy_id, []).append(f"`{name}`")
    unknown = sorted(set(used_by) - set(policies))
    if unknown:
        raise ValueError(f"rules name policies that are not declared: {', '.join(unknown)}")

    lines = [
        "Generated from the code's own registries when the documentation is built.",
        "",
    ]
    for program in programs:
        lines += _program_section(program)
    lines += _crs_lines_section(crs_line_rules())
    lines += _tables_section(tables)
    lines += _experience_section(queries)
    lines += _policies_section(policies, used_by)
    return "\n".join(lines)
