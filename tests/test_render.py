"""Renderings of explanations: JSON values, verdicts in text, Markdown and HTML."""

from __future__ import annotations

import enum
from datetime import date
from fractions import Fraction
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from expressentry.dated import Citation
from expressentry.facts import derive
from expressentry.model import Candidate
from expressentry.programs.fsw import fsw_grid
from expressentry.render import (
    Code,
    html_table,
    html_text,
    json_value,
    markdown_code,
    markdown_table,
    markdown_text,
    markdown_warnings,
)
from expressentry.strategies import candidates
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


def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    # CommonMark with GitHub's tables and strikethrough, and the dollar mathematics of
    # notebooks and MyST: what a reader of the Markdown rendering may use.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(dollarmath_plugin)


MARKDOWN = _markdown_parser()


class _Page(HTMLParser):
    """The tags and the text of a rendered page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.texts: list[str] = []
        self.inside: dict[str, str] = {}
        self.open: list[str] = []
        self.maths: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        # The text each kind of element holds directly (a paragraph, an item, a cell, code).
        where = self.open[-1] if self.open else ""
        self.inside[where] = self.inside.get(where, "") + data
        delimiter = data.count("$") > (data == "$") or "\\(" in data or "\\[" in data
        if "code" not in self.open and delimiter:
            # MathJax looks for "$ ... $", "\( ... \)" and "\[ ... \]" in each run of text
            # outside code (a job title's "\(" was one, helper-77): this is one.
            self.maths.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)


# Free text as the model accepts it: no control characters, no line or paragraph separators.
FREE_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1
).filter(str.strip)
# Markup-heavy text: what an attacker or a careless paste puts in a job title.
MARKUP = st.text(st.sampled_from("\\`*_[]()<>&!#+-=.:|$~ aZ9\t'\"/@"), min_size=1).filter(
    str.strip
)
LAYOUTS = {
    "paragraph": ("{}", ["p"]),
    "quote": ("> {}", ["blockquote", "p"]),
    "item": ("- {}", ["ul", "li"]),
    "cell": ("| a |\n|---|\n| {} |", ["table", "thead", "tr", "th", "tbody", "tr", "td"]),
}
"""Where Markdown renderings put free text: the source around it, the elements it makes."""


def _read_as_written(text: str, layout: str) -> None:
    source, tags = LAYOUTS[layout]
    tokens = MARKDOWN.parse(source.format(markdown_text(text)))
    assert not [t.type for t in tokens if t.type.startswith("math")]
    page = _Page(MARKDOWN.renderer.render(tokens, MARKDOWN.options, {}))
    assert page.tags == tags
    # Markdown drops the spaces around a paragraph or a cell, and nothing else.
    assert page.inside[tags[-1]].strip() == text.strip()


@pytest.mark.parametrize("layout", LAYOUTS)
@given(text=FREE_TEXT | MARKUP)
def test_markdown_text_reads_as_written_wherever_it_stands(layout: str, text: str) -> None:
    """No link, image, emphasis, code, raw HTML, heading, list, entity or mathematics comes
    out of free text: rendered, it is one element holding the text as written."""
    _read_as_written(text, layout)


@pytest.mark.parametrize(
    "text",
    [
        "[Cook](javascript:alert(1))",
        "[Cook](https://x.ca)",
        "\\<b> \\[x](https://x.ca)",
        "![x](https://x.ca/a.png)",
        "*bold* **strong** _it_ __it__ ~~gone~~ ~gone~",
        "`code` ``two``",
        "<script>alert(1)</script> &amp; &lt;",
        "$13,757 and $17,127",
        "$$x$$",
        "# Heading",
        "- item",
        "+ item",
        "1. item",
        "12) item",
        "--- ",
        "    indented",
        "a\\",
        "snake_case_title _under_ x__y__z",
        "<https://x.ca> <a@b.ca>",
        "[x]: https://x.ca",
        "[^1]",
        "a | b",
    ],
)
def test_markdown_text_reads_as_written_for_each_construct(text: str) -> None:
    for layout in LAYOUTS:
        _read_as_written(text, layout)


def test_markdown_text_leaves_words_between_underscores_as_they_are():
    # Readable in the raw output: a rule id has no escape in it.
    assert markdown_text("fsw.language_minimum") == "fsw.language_minimum"
    assert markdown_text("x__y") == "x__y"
    assert markdown_text("_x_") == "\\_x\\_"


@pytest.mark.parametrize("layout", ["paragraph", "cell"])
@given(text=FREE_TEXT | MARKUP)
def test_markdown_code_is_one_code_span_holding_the_text(layout: str, text: str) -> None:
    source, tags = LAYOUTS[layout]
    cell = markdown_table(("a",), [(Code(text),)]).splitlines()[-1]
    page = _Page(
        MARKDOWN.render(
            source.format(markdown_code(text)) if layout != "cell" else "| a |\n|---|\n" + cell
        )
    )
    assert page.tags == [*tags, "code"]
    assert page.inside["code"] == text.translate(str.maketrans(dict.fromkeys("\u2028\u2029", " ")))


@given(text=FREE_TEXT | MARKUP)
@example(text="\\(x^2\\) and \\[y\\]")  # a job title MathJax would typeset (helper-77)
def test_html_text_reads_as_written_and_no_two_dollars_share_a_run_of_text(text: str) -> None:
    page = _Page(f"<p>{html_text(text)}</p>")
    assert page.text == text
    assert set(page.tags) <= {"p", "span"}
    # MathJax pairs delimiters within one run of text only: each "$" stands alone.
    assert page.maths == []


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
        "  Still needed: the language test results ($.language_tests).",
    ]
    markdown = verdict._repr_markdown_()
    assert markdown.startswith("**DEMO: undetermined** on 2026-11-29")
    assert "Still needed: the language test results (`$.language_tests`)." in markdown
    html = verdict._repr_html_()
    assert "No &lt;test&gt; yet." in html
    assert "Still needed: the language test results (<code>$.language_tests</code>)." in html


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


def test_a_job_title_full_of_markup_reads_as_written_in_an_assessment():
    """The completeness report quotes the job title ("Give the NOC code of your ... job"): in
    the Markdown and HTML of the whole assessment it is text, never a link, an image or a
    formula, and the sums of money beside it are not mathematics."""
    import json
    from pathlib import Path

    from expressentry import assess, from_dict

    title = "[Cook](https://x.ca) ![x](https://x.ca/a.png) *Chef* `sous` $1 <b>&amp;</b> $2"
    examples = Path(__file__).resolve().parents[1] / "examples"
    data = json.loads((examples / "partial-profile.json").read_text(encoding="utf-8"))
    data["work_history"][0]["job_title"] = title
    result = assess(from_dict(data), on=date(2026, 11, 29))
    said = f"Give the NOC code of your {title} job (from 2022-02-01)."
    assert said in result.explain()

    tokens = MARKDOWN.parse(result._repr_markdown_())
    assert not [t.type for t in tokens if t.type.startswith("math")]
    markdown = _Page(MARKDOWN.renderer.render(tokens, MARKDOWN.options, {}))
    assert said in markdown.texts
    assert not {"a", "img", "em", "b"} & set(markdown.tags)

    html = _Page(result._repr_html_())
    assert said in html.text
    assert not {"a", "img", "b"} & set(html.tags)
    assert html.maths == []


@settings(max_examples=50)
@given(candidate=candidates(), on=st.dates(date(2015, 1, 1), date(2030, 12, 31)))
def test_no_assessment_renders_markup_it_did_not_write(candidate: Any, on: date) -> None:
    """Whatever the free text of a candidate holds, the Markdown of its assessment makes no
    link, image, emphasis or mathematics, and its HTML gives MathJax no pair of dollars."""
    from expressentry import assess

    result = assess(candidate, on=on)
    tokens = MARKDOWN.parse(result._repr_markdown_())
    assert not [t.type for t in tokens if t.type.startswith("math")]
    markdown = _Page(MARKDOWN.renderer.render(tokens, MARKDOWN.options, {}))
    # Our own markup: headings, strong, tables, quotes, lists, code spans, paragraphs.
    assert set(markdown.tags) <= {
        *("h3", "p", "strong", "blockquote", "ul", "li", "code"),
        *("table", "thead", "tbody", "tr", "th", "td"),
    }
    html = _Page(result._repr_html_())
    assert html.maths == []


def test_each_grid_factor_row_says_what_it_is() -> None:
    # Found by a new user's walk (helper-78): a factor's row had no explanation and read as a
    # gap in the table; its item was the factor's bare name in lower case.
    table = fsw_grid(derive(Candidate(), on=date(2026, 11, 29)))._repr_markdown_()
    assert "| 0-28 | 28 | Language: the factor | The points of the lines below. |" in table
    assert "| 0-10 | 10 | Adaptability: the factor | The lines add up to 0 to 40 points;" in table
    assert " |  |" not in table
    # A range of points in the text: "0 to 6 of 6", which "0 to 6/6" read as a fraction.
    text = fsw_grid(derive(Candidate(), on=date(2026, 11, 29))).explain()
    assert "- First official language: listening: 0 to 6 of 6. " in text
    assert "- Adaptability: 0 to 10 of 10. The lines add up to 0 to 40 points;" in text
