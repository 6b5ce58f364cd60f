"""Renderings of explanations: JSON values, verdicts in text, Markdown and HTML."""

from __future__ import annotations

import enum
from datetime import date
from fractions import Fraction

from expressentry.dated import Citation
from expressentry.render import html_table, json_value, markdown_table, markdown_warnings
from expressentry.verdict import Outcome, Rule, Verdict

RULE = Rule("demo.rule", "Demo", Citation("IRPR", "s. 75", "https://example.org"))


class Colour(enum.Enum):
    RED = "red"


def test_json_values():
    assert json_value(date(2026, 11, 29)) == "2026-11-29"
    assert json_value(Colour.RED) == "red"
    assert json_value(Fraction(3, 1)) == 3
    assert json_value(Fraction(1, 4)) == 0.25
    assert json_value({"a": (1, {2})}) == {"a": [1, [2]]}
    assert json_value(RULE.citation) == "IRPR s. 75 <https://example.org>"


def test_tables_escape_their_cells():
    assert markdown_table(("a",), [("x|y",)]).splitlines()[-1] == "| x\\|y |"
    assert "&lt;b&gt;" in html_table(("a",), [("<b>",)])


def test_a_markdown_cell_stays_one_cell_of_one_row():
    # A free-text fact (a job title, an employer) may hold any character.
    table = markdown_table(("a", "b"), [("one\rtwo\r\nthree\u2028four", "back\\|slash <script>")])
    assert table.splitlines()[-1] == ("| one two  three four | back\\\\\\|slash &lt;script&gt; |")
    assert len(table.splitlines()) == 3


def test_markdown_warnings_are_paragraphs_of_their_own():
    # A line right after a quote joins the quote: each warning is followed by a blank line.
    assert markdown_warnings(("First.", "Second.")) == ["> First.", "", "> Second.", ""]
    assert markdown_warnings(()) == []


def test_a_verdict_renders_itself():
    verdict = Verdict.decide(
        "DEMO",
        date(2026, 11, 29),
        (RULE.finding(Outcome.UNKNOWN, "No <test> yet.", missing=("$.language_tests",)),),
    )
    assert verdict.explain().splitlines() == [
        "DEMO on 2026-11-29: undetermined",
        "  ? No <test> yet. [demo.rule; IRPR s. 75]",
        "  Still needed: $.language_tests",
    ]
    markdown = verdict._repr_markdown_()
    assert markdown.startswith("**DEMO: undetermined** on 2026-11-29")
    assert "Still needed: `$.language_tests`" in markdown
    html = verdict._repr_html_()
    assert "No &lt;test&gt; yet." in html
    assert "Still needed: $.language_tests" in html


def test_a_crs_result_and_a_grid_render_themselves_in_a_notebook():
    from expressentry import Candidate, crs_from_levels, derive, fsw_grid

    result = crs_from_levels(on=date(2025, 4, 1), age=29, first_language=9)
    markdown = result._repr_markdown_()
    assert markdown.startswith(f"**CRS {result.total}** on 2025-04-01")
    for line in result.lines:
        assert f"| {line.rule_id} |" in markdown
    html = result._repr_html_()
    assert html.startswith(f"<p><strong>CRS {result.total}</strong>")
    assert html.count("<tr>") == 1 + 4 + sum(1 for _ in result.lines)
    grid = fsw_grid(derive(Candidate(), on=date(2025, 4, 1)))
    grid_markdown = grid._repr_markdown_()
    assert f"{grid.total}" in grid_markdown
    assert "<table>" in grid._repr_html_()


def test_a_verdict_read_alone_carries_the_rules_warning_after_they_were_checked():
    """Policy P15: none on the day the rules were checked, one the day after."""
    from expressentry.render import verdict_dict

    finding = RULE.finding(Outcome.MET, "Ok.")
    checked = Verdict.decide("DEMO", date(2026, 11, 29), (finding,))
    later = Verdict.decide("DEMO", date(2026, 11, 30), (finding,))
    assert checked.warnings == ()
    (warning,) = later.warnings
    assert warning.endswith("rules may have changed by 2026-11-30 (policy P15).")
    assert "Warning:" not in checked.explain()
    assert f"Warning: {warning}" in later.explain()
    assert f"> {warning}" in later._repr_markdown_()
    assert f"<em>{warning}</em>" in later._repr_html_()
    assert verdict_dict(later)["warnings"] == [warning]
    assert verdict_dict(checked)["warnings"] == []


def test_a_crs_result_shows_its_notes_in_text_markdown_and_html():
    """What was not answered reads as such, not as a zero that looks like an answer."""
    from expressentry import Candidate, crs_for, crs_from_levels

    unanswered = crs_for(Candidate(), on=date(2025, 4, 1))
    note = "The credentials are not answered: no points for education."
    assert note in unanswered.notes
    text = unanswered.explain().splitlines()
    assert text[text.index("Notes:") + 1 :] == [f"  - {each}" for each in unanswered.notes]
    markdown = unanswered._repr_markdown_().splitlines()
    assert markdown[markdown.index("Notes:") + 2 :] == [f"- {each}" for each in unanswered.notes]
    html = unanswered._repr_html_()
    assert html.endswith(
        "<p>Notes:</p><ul>" + "".join(f"<li>{each}</li>" for each in unanswered.notes) + "</ul>"
    )
    levels = crs_from_levels(on=date(2025, 4, 1), age=29, first_language=9)
    assert levels.notes == ()
    assert "Notes:" not in levels.explain()
    assert "Notes:" not in levels._repr_markdown_()
    assert "Notes:" not in levels._repr_html_()


def test_a_note_is_escaped_in_markdown_and_html():
    from expressentry.crs import CrsFactors, score

    result = score(CrsFactors(age=30), on=date(2025, 4, 1), notes=("An <offer> & more.",))
    assert "- An &lt;offer&gt; &amp; more." in result._repr_markdown_()
    assert "<li>An &lt;offer&gt; &amp; more.</li>" in result._repr_html_()
    assert "  - An <offer> & more." in result.explain()
