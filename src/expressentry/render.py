"""Rendering explanations: plain text, Markdown and HTML, and JSON-ready dictionaries.

Explanations are data (findings, CRS lines, grid lines); this module is the one place that
turns them into words on a page. The notebook hooks (``_repr_markdown_``, ``_repr_html_``) of
:class:`~expressentry.verdict.Verdict`, :class:`~expressentry.crs.CrsResult`,
:class:`~expressentry.programs.fsw.FswGrid` and :class:`~expressentry.assess.Assessment` call
it.

>>> from datetime import date
>>> from expressentry.crs import crs_from_levels
>>> print(crs_markdown(crs_from_levels(on=date(2025, 4, 1), age=46)).splitlines()[0])
**CRS 0** on 2025-04-01 (rules of 2025-03-25, without a spouse or partner)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING, Any

from expressentry.dated import Citation
from expressentry.verdict import Finding, Verdict, VerdictOutcome

if TYPE_CHECKING:
    from expressentry.crs import CrsResult
    from expressentry.profile import Completeness
    from expressentry.programs.fsw import FswGrid

__all__ = [
    "citation_dict",
    "completeness_html",
    "completeness_markdown",
    "crs_dict",
    "crs_html",
    "crs_markdown",
    "finding_dict",
    "grid_dict",
    "grid_markdown",
    "html_table",
    "html_warnings",
    "json_value",
    "markdown_table",
    "markdown_warnings",
    "verdict_dict",
    "verdict_html",
    "verdict_markdown",
    "verdict_text",
]

_VERDICT_WORDS = {
    VerdictOutcome.ELIGIBLE: "eligible",
    VerdictOutcome.NOT_ELIGIBLE: "not eligible",
    VerdictOutcome.UNDETERMINED: "undetermined",
}


def json_value(value: object) -> Any:
    """``value`` in a form ``json.dumps`` accepts: dates as ISO strings, enumerations as their
    values, fractions as numbers, mappings and sequences element by element."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return json_value(value.value)
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_value(item) for item in value]
    return str(value)


def citation_dict(citation: Citation) -> dict[str, str]:
    """A citation as JSON."""
    return {
        "instrument": citation.instrument,
        "provision": citation.provision,
        "url": citation.url,
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding as JSON."""
    return {
        "rule_id": finding.rule_id,
        "outcome": finding.outcome.value,
        "sentence": finding.sentence,
        "facts": json_value(finding.facts),
        "missing": list(finding.missing),
        "citation": citation_dict(finding.citation),
        "policy": finding.policy,
    }


def verdict_dict(verdict: Verdict) -> dict[str, Any]:
    """A verdict as JSON."""
    return {
        "program": verdict.program,
        "on": verdict.on.isoformat(),
        "outcome": verdict.outcome.value,
        "missing_facts": list(verdict.missing_facts),
        "findings": [finding_dict(finding) for finding in verdict.findings],
        "warnings": list(verdict.warnings),
    }


def crs_dict(result: CrsResult) -> dict[str, Any]:
    """A CRS result as JSON, every section with its lines."""
    return {
        "total": result.total,
        "on": result.on.isoformat(),
        "rule_version": result.rule_version.isoformat(),
        "with_spouse": result.with_spouse,
        "sections": [
            {
                "name": section.name,
                "title": section.title,
                "points": section.points,
                "cap": section.cap,
                "uncapped": section.uncapped,
                "lines": [
                    {
                        "rule_id": line.rule_id,
                        "points": line.points,
                        "maximum": line.maximum,
                        "sentence": line.sentence,
                        "row": line.row,
                        "facts": json_value(line.facts),
                        "citation": citation_dict(line.citation),
                        "policies": list(line.policies),
                    }
                    for line in section.lines
                ],
            }
            for section in result.sections
        ],
        "notes": list(result.notes),
        "warnings": list(result.warnings),
    }


def grid_dict(grid: FswGrid) -> dict[str, Any]:
    """The FSW selection grid as JSON."""
    return {
        "on": grid.on.isoformat(),
        "total": grid.total,
        "total_at_most": grid.total_at_most,
        "pass_mark": grid.pass_mark,
        "passes": grid.passes,
        "missing": list(grid.missing),
        "factors": [
            {
                "factor": factor.factor.value,
                "points": factor.points,
                "points_at_most": factor.points_at_most,
                "maximum": factor.maximum,
                "lines": [
                    {
                        "item": line.item,
                        "points": line.points,
                        "points_at_most": line.points_at_most,
                        "maximum": line.maximum,
                        "sentence": line.sentence,
                        "missing": list(line.missing),
                        "citation": citation_dict(line.citation),
                    }
                    for line in factor.lines
                ],
            }
            for factor in grid.factors
        ],
    }


# -- text ------------------------------------------------------------------------------------


def _cite(citation: Citation) -> str:
    return f"{citation.instrument} {citation.provision}"


def verdict_text(verdict: Verdict, *, warnings: bool = True) -> str:
    """A verdict as plain text: the outcome, its warnings (unless ``warnings`` is false: an
    assessment gives them once, at its head), then one line per finding with its mark.

    >>> from expressentry.dated import Citation
    >>> from expressentry.verdict import Outcome, Rule
    >>> rule = Rule("demo.rule", "Demo", Citation("IRPR", "s. 75", "https://x.ca"))
    >>> verdict = Verdict.decide("DEMO", date(2026, 11, 29), (rule.finding(Outcome.MET, "Ok."),))
    >>> print(verdict_text(verdict))
    DEMO on 2026-11-29: eligible
      ✓ Ok. [demo.rule; IRPR s. 75]
    """
    lines = [f"{verdict.program} on {verdict.on.isoformat()}: {_VERDICT_WORDS[verdict.outcome]}"]
    if warnings:
        lines.extend(f"Warning: {warning}" for warning in verdict.warnings)
    lines.extend(
        f"  {f.outcome.mark} {f.sentence} [{f.rule_id}; {_cite(f.citation)}]"
        for f in verdict.findings
    )
    needed = _still_needed(verdict, str)
    if needed is not None:
        lines.append(f"  {needed}")
    return "\n".join(lines)


_NOTHING_TO_ANSWER = (
    "Still needed: no fact the profile can give; the rules in force on that date leave it open."
)


def _still_needed(verdict: Verdict, code: Callable[[str], str]) -> str | None:
    """What an undetermined verdict still needs, each JSON path written by ``code``; ``None``
    for a verdict that is decided. A verdict may be undetermined with nothing to answer: no
    funds table holds the figure on its date (P31)."""
    if verdict.outcome is not VerdictOutcome.UNDETERMINED:
        return None
    if not verdict.missing_facts:
        return _NOTHING_TO_ANSWER
    return "Still needed: " + ", ".join(code(path) for path in verdict.missing_facts)


# -- tables ----------------------------------------------------------------------------------


_MD_CELL = str.maketrans(
    {"\\": "\\\\", "|": "\\|", "\r": " ", "\n": " ", "\u2028": " ", "\u2029": " "}
)
"""A cell stays one cell of one row: backslashes and pipes escaped, every line break a space."""


def _md_cell(text: object) -> str:
    # Markdown passes raw HTML through: escaped, a job title reads as written, never as markup.
    return escape(str(text), quote=False).translate(_MD_CELL)


def markdown_warnings(warnings: Sequence[str]) -> list[str]:
    """Markdown lines for ``warnings``: each its own quoted paragraph, a blank line after it
    (a line right after a quote would join the quote)."""
    return [line for warning in warnings for line in (f"> {warning}", "")]


def html_warnings(warnings: Sequence[str]) -> str:
    """HTML paragraphs for ``warnings``, in italics."""
    return "".join(f"<p><em>{escape(warning)}</em></p>" for warning in warnings)


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out.extend("| " + " | ".join(_md_cell(cell) for cell in row) + " |" for row in rows)
    return "\n".join(out)


def html_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """An HTML table, every cell escaped."""
    head = "".join(f"<th>{escape(str(cell))}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_FINDING_HEADER = ("", "Rule", "Finding", "Source")


def _finding_rows(verdict: Verdict) -> list[tuple[str, str, str, str]]:
    return [(f.outcome.mark, f.rule_id, f.sentence, _cite(f.citation)) for f in verdict.findings]


def verdict_markdown(verdict: Verdict, *, warnings: bool = True) -> str:
    """A verdict as Markdown: a heading line, its warnings (unless ``warnings`` is false) and a
    table of findings."""
    head = f"**{verdict.program}: {_VERDICT_WORDS[verdict.outcome]}** on {verdict.on.isoformat()}"
    parts = [head, ""]
    if warnings:
        parts += markdown_warnings(verdict.warnings)
    parts.append(markdown_table(_FINDING_HEADER, _finding_rows(verdict)))
    needed = _still_needed(verdict, lambda path: f"`{path}`")
    if needed is not None:
        parts += ["", needed]
    return "\n".join(parts)


def verdict_html(verdict: Verdict, *, warnings: bool = True) -> str:
    """A verdict as HTML: a heading, its warnings (unless ``warnings`` is false) and a table of
    findings."""
    head = (
        f"<p><strong>{escape(verdict.program)}: {_VERDICT_WORDS[verdict.outcome]}</strong> "
        f"on {verdict.on.isoformat()}</p>"
    )
    head += html_warnings(verdict.warnings if warnings else ())
    needed = _still_needed(verdict, str)
    shown = "" if needed is None else f"<p>{escape(needed)}</p>"
    return head + html_table(_FINDING_HEADER, _finding_rows(verdict)) + shown


_CRS_HEADER = ("Points", "Maximum", "Line", "Rule")


def _crs_heading(result: CrsResult) -> str:
    column = "with a spouse or partner" if result.with_spouse else "without a spouse or partner"
    return f"on {result.on.isoformat()} (rules of {result.rule_version.isoformat()}, {column})"


def _crs_rows(result: CrsResult) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for section in result.sections:
        rows.append((section.points, section.cap, section.title, section.name))
        rows.extend(
            (line.points, line.maximum, line.sentence, line.rule_id) for line in section.lines
        )
    return rows


def crs_markdown(result: CrsResult, *, warnings: bool = True) -> str:
    """A CRS result as Markdown: the total, the warnings (unless ``warnings`` is false) and a
    table of sections and lines."""
    parts = [f"**CRS {result.total}** {_crs_heading(result)}", ""]
    if warnings:
        parts += markdown_warnings(result.warnings)
    parts.append(markdown_table(_CRS_HEADER, _crs_rows(result)))
    if result.notes:
        parts += ["", "Notes:", ""] + [f"- {escape(note, quote=False)}" for note in result.notes]
    return "\n".join(parts)


def crs_html(result: CrsResult, *, warnings: bool = True) -> str:
    """A CRS result as HTML, its warnings first (unless ``warnings`` is false)."""
    return (
        f"<p><strong>CRS {result.total}</strong> {escape(_crs_heading(result))}</p>"
        + html_warnings(result.warnings if warnings else ())
        + html_table(_CRS_HEADER, _crs_rows(result))
        + _html_notes(result.notes)
    )


def _html_notes(notes: Sequence[str]) -> str:
    """The notes of a score as an HTML list (nothing when there are none)."""
    if not notes:
        return ""
    return "<p>Notes:</p><ul>" + "".join(f"<li>{escape(note)}</li>" for note in notes) + "</ul>"


_COMPLETENESS_HEADER = ("", "What to add", "Why", "Path")


def completeness_markdown(report: Completeness) -> str:
    """A completeness report as Markdown: its summary line and a table of its items."""
    return "\n".join(
        [f"**{report.summary}**", "", markdown_table(_COMPLETENESS_HEADER, report.rows())]
    )


def completeness_html(report: Completeness) -> str:
    """A completeness report as HTML: its summary line and a table of its items."""
    summary = f"<p><strong>{escape(report.summary)}</strong></p>"
    return summary + html_table(_COMPLETENESS_HEADER, report.rows())


_GRID_HEADER = ("Points", "Maximum", "Item", "Explanation")


def _grid_rows(grid: FswGrid) -> list[tuple[object, ...]]:
    def points(low: int, high: int) -> str:
        return str(low) if low == high else f"{low}-{high}"

    rows: list[tuple[object, ...]] = []
    for factor in grid.factors:
        rows.append(
            (
                points(factor.points, factor.points_at_most),
                factor.maximum,
                factor.factor.title,
                "",
            )
        )
        rows.extend(
            (points(line.points, line.points_at_most), line.maximum, line.item, line.sentence)
            for line in factor.lines
        )
    return rows


def grid_markdown(grid: FswGrid) -> str:
    """The FSW selection grid as Markdown."""
    return "\n".join([grid.describe(), "", markdown_table(_GRID_HEADER, _grid_rows(grid))])


def grid_html(grid: FswGrid) -> str:
    """The FSW selection grid as HTML."""
    return f"<p>{escape(grid.describe())}</p>" + html_table(_GRID_HEADER, _grid_rows(grid))
