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
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from fractions import Fraction
from html import escape
from typing import TYPE_CHECKING, Any

from expressentry.dated import Citation
from expressentry.serialization import facts_in_words
from expressentry.verdict import Finding, Verdict, VerdictOutcome

if TYPE_CHECKING:
    from expressentry.crs import CrsResult
    from expressentry.profile import Completeness
    from expressentry.programs.fsw import FswGrid

__all__ = [
    "Code",
    "citation_dict",
    "completeness_dict",
    "completeness_html",
    "completeness_markdown",
    "crs_dict",
    "crs_html",
    "crs_markdown",
    "finding_dict",
    "grid_dict",
    "grid_markdown",
    "html_table",
    "html_text",
    "html_warnings",
    "json_value",
    "markdown_code",
    "markdown_table",
    "markdown_text",
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
                "cap_sentence": factor.cap_sentence,
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


def completeness_dict(report: Completeness) -> dict[str, Any]:
    """A completeness report as JSON, every item with what it serves and why."""
    return {
        "on": report.on.isoformat(),
        "programs": list(report.programs),
        "routes": list(report.routes),
        "eligible": list(report.eligible),
        "complete": report.complete,
        "items": [
            {
                "item_id": item.item_id,
                "sentence": item.sentence,
                "why": item.why,
                "programs": list(item.programs),
                "crs_factors": list(item.crs_factors),
                "need": item.need,
                "blocks_submission": item.blocks_submission,
                "path": item.path,
                "citation": citation_dict(item.citation),
            }
            for item in report.items
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
    paths = verdict.missing_facts
    return f"Still needed: {facts_in_words(paths)} ({', '.join([code(path) for path in paths])})."


# -- tables ----------------------------------------------------------------------------------


_LINE_BREAKS = dict.fromkeys("\r\n\u2028\u2029", " ")
"""Every line break Markdown or a browser honours, each made a space: text stays on one line."""
_MD_INLINE = str.maketrans(
    {
        # Markdown passes raw HTML and entities through: escaped, they read as written.
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        # Emphasis, code spans, links and images, strikethrough, table cells, math.
        "\\": "\\\\",
        "*": "\\*",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "~": "\\~",
        "|": "\\|",
        "$": "\\$",
        # One line: a line break in a job title would end the cell, the quote or the item.
        **_LINE_BREAKS,
    }
)
_MD_LINE = str.maketrans(_LINE_BREAKS)
_MD_UNDERSCORES = re.compile("(?<!_)_+")
"""A run of underscores (the whole run: it is one delimiter)."""
_MD_BLOCK_START = re.compile(r"^(?:[#+=-]|\d{1,9}(?=[.)]))")
"""What would start a heading, a list or a rule at the start of a paragraph, a quote or an
item (``- 1. x`` is a list in a list): a mark, or the number of a numbered item."""


def markdown_text(text: object) -> str:
    r"""``text`` as Markdown that reads as written, on one line: no markup of its own, in a
    table cell, a quote or a list item. ``$`` is escaped the way CommonMark and pandoc read it
    (``\$``), so a sum of money is not mathematics; a notebook shows the HTML rendering.

    >>> print(markdown_text("[Cook](javascript:alert(1)) *2* $13,757 <b> fsw.language_minimum"))
    \[Cook\](javascript:alert(1)) \*2\* \$13,757 &lt;b&gt; fsw.language_minimum
    >>> print(markdown_text("# _Chef_"), markdown_text("1. Chef"))
    \# \_Chef\_ 1\. Chef
    """
    words = _MD_UNDERSCORES.sub(_underscores_escaped, str(text).translate(_MD_INLINE).lstrip())
    return _MD_BLOCK_START.sub(_block_start_escaped, words, count=1)


def _underscores_escaped(run: re.Match[str]) -> str:
    # A run between two letters or digits never opens or closes emphasis (CommonMark's
    # flanking rules): "language_minimum" stays readable, "_x_" is not italics.
    text, start, end = run.string, run.start(), run.end()
    inert = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
    return run.group() if inert else "\\_" * (end - start)


def _block_start_escaped(start: re.Match[str]) -> str:
    mark = start.group()
    # "\#" is a hash; a number stays a number when the "." or ")" after it is escaped.
    return "\\" + mark if not mark[0].isdigit() else mark + "\\"


def markdown_code(text: str) -> str:
    """``text`` (not blank) as a Markdown code span, on one line: fenced by more backticks than
    it holds, so nothing in it ends the span early.

    >>> print(markdown_code("$.work_history[0].noc"), markdown_code("a`b"))
    `$.work_history[0].noc` ``a`b``
    """
    words = text.translate(_MD_LINE)
    fence = "`" * (max(map(len, re.findall("`+", words)), default=0) + 1)
    # Markdown strips one space from each end of a span: a padded one keeps the ends.
    pad = " " if words[0] in "` " or words[-1] in "` " else ""
    return f"{fence}{pad}{words}{pad}{fence}"


class Code(str):
    """A table cell that is code, not prose (a JSON path): a code span in Markdown,
    ``<code>`` in HTML."""

    __slots__ = ()


def markdown_warnings(warnings: Sequence[str]) -> list[str]:
    """Markdown lines for ``warnings``: each its own quoted paragraph, a blank line after it
    (a line right after a quote would join the quote)."""
    return [line for warning in warnings for line in (f"> {markdown_text(warning)}", "")]


def html_text(text: object) -> str:
    r"""``text`` as HTML that reads as written: escaped, and every ``$`` and ``\`` an element
    of its own, so that a notebook's MathJax, which finds mathematics only within one run of
    text, never pairs two sums of money (or two JSON paths) into a formula, nor reads a job
    title's ``\(`` as one.

    >>> print(html_text("<b> $13,757 & $17,127"))
    &lt;b&gt; <span>$</span>13,757 &amp; <span>$</span>17,127
    >>> print(html_text("\\(x\\)"))
    <span>\</span>(x<span>\</span>)
    """
    return escape(str(text)).translate(_HTML_MATH)


_HTML_MATH = str.maketrans({"$": "<span>$</span>", "\\": "<span>\\</span>"})
"""The characters MathJax opens mathematics with: $, and the backslash of \\( and \\[."""


def html_warnings(warnings: Sequence[str]) -> str:
    """HTML paragraphs for ``warnings``, in italics."""
    return "".join(f"<p><em>{html_text(warning)}</em></p>" for warning in warnings)


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table."""
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out.extend("| " + " | ".join(_markdown_cell(cell) for cell in row) + " |" for row in rows)
    return "\n".join(out)


def _markdown_cell(cell: object) -> str:
    # A pipe ends the cell even inside a code span (GitHub's tables): escaped there too.
    if isinstance(cell, Code):
        return markdown_code(cell).replace("|", "\\|")
    return markdown_text(cell)


def _html_cell(cell: object) -> str:
    return f"<code>{escape(cell)}</code>" if isinstance(cell, Code) else html_text(cell)


def html_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """An HTML table, every cell escaped."""
    head = "".join(f"<th>{_html_cell(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{_html_cell(cell)}</td>" for cell in row) + "</tr>" for row in rows
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
    needed = _still_needed(verdict, markdown_code)
    if needed is not None:
        parts += ["", needed]
    return "\n".join(parts)


def verdict_html(verdict: Verdict, *, warnings: bool = True) -> str:
    """A verdict as HTML: a heading, its warnings (unless ``warnings`` is false) and a table of
    findings."""
    head = (
        f"<p><strong>{html_text(verdict.program)}: {_VERDICT_WORDS[verdict.outcome]}</strong> "
        f"on {verdict.on.isoformat()}</p>"
    )
    head += html_warnings(verdict.warnings if warnings else ())
    needed = _still_needed(verdict, lambda path: _html_cell(Code(path)))
    shown = "" if needed is None else f"<p>{needed}</p>"
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
        parts += ["", "Notes:", ""] + [f"- {markdown_text(note)}" for note in result.notes]
    return "\n".join(parts)


def crs_html(result: CrsResult, *, warnings: bool = True) -> str:
    """A CRS result as HTML, its warnings first (unless ``warnings`` is false)."""
    return (
        f"<p><strong>CRS {result.total}</strong> {html_text(_crs_heading(result))}</p>"
        + html_warnings(result.warnings if warnings else ())
        + html_table(_CRS_HEADER, _crs_rows(result))
        + _html_notes(result.notes)
    )


def _html_notes(notes: Sequence[str]) -> str:
    """The notes of a score as an HTML list (nothing when there are none)."""
    if not notes:
        return ""
    return "<p>Notes:</p><ul>" + "".join(f"<li>{html_text(note)}</li>" for note in notes) + "</ul>"


_COMPLETENESS_HEADER = ("", "What to add", "Why", "Path")


def completeness_markdown(report: Completeness) -> str:
    """A completeness report as Markdown: its summary line and a table of its items."""
    return "\n".join(
        [
            f"**{markdown_text(report.summary)}**",
            "",
            markdown_table(_COMPLETENESS_HEADER, _rows(report)),
        ]
    )


def completeness_html(report: Completeness) -> str:
    """A completeness report as HTML: its summary line and a table of its items."""
    summary = f"<p><strong>{html_text(report.summary)}</strong></p>"
    return summary + html_table(_COMPLETENESS_HEADER, _rows(report))


def _rows(report: Completeness) -> list[tuple[str, str, str, Code]]:
    """The report's rows, each path shown as code."""
    return [(mark, sentence, why, Code(path)) for mark, sentence, why, path in report.rows()]


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
                f"{factor.factor.title.capitalize()}: the factor",
                # A row with no words read as a gap in the table (helper-78).
                factor.cap_sentence or "The points of the lines below.",
            )
        )
        rows.extend(
            (points(line.points, line.points_at_most), line.maximum, line.item, line.sentence)
            for line in factor.lines
        )
    return rows


def grid_markdown(grid: FswGrid) -> str:
    """The FSW selection grid as Markdown."""
    return "\n".join(
        [markdown_text(grid.describe()), "", markdown_table(_GRID_HEADER, _grid_rows(grid))]
    )


def grid_html(grid: FswGrid) -> str:
    """The FSW selection grid as HTML."""
    return f"<p>{html_text(grid.describe())}</p>" + html_table(_GRID_HEADER, _grid_rows(grid))
