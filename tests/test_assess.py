"""The one-call assessment: every part present, consistent, renderable; never raises."""

from __future__ import annotations

import copy
import json
import pickle
import re
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from expressentry import from_dict
from expressentry.assess import Assessment, assess
from expressentry.dated import RULES_VERIFIED_THROUGH
from expressentry.model import Candidate
from expressentry.programs.fsw import GridFactor
from expressentry.strategies import candidates

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ON = date(2026, 11, 29)


def load(name: str) -> Candidate:
    return from_dict(json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8")))


# Each example's expected outcome on 2026-11-29, worked out from its facts:
EXPECTED = {
    # Master's (ECA), CLB 10, 8 years as a software engineer abroad, 32: FSW only.
    "software-engineer-abroad": (("FSW",), 465),
    # 3.9 years as an RN in Canada: CEC; the FSW fails on funds for a family of 3.
    "nurse-canadian-experience": (("CEC",), 434),
    # Electrician with a certificate and 4 years in Alberta: FST and CEC.
    "electrician-certificate": (("FST", "CEC"), 397),
    # French first (NCLC 9-10), master's, 11 years of accounting in France: FSW.
    "french-speaking-couple": (("FSW",), 493),
    # Line cook in Toronto, 2.5 years, certificate of qualification: FST and CEC.
    "cook-toronto": (("FST", "CEC"), 200),
    # Nothing decided yet: no NOC code, no funds, no province.
    "partial-profile": ((), 202),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example(name: str) -> None:
    result = assess(load(name), on=ON)
    programs, crs = EXPECTED[name]
    assert result.eligible_programs == programs
    assert result.crs.total == crs
    assert list(result.programs) == ["FSW", "FST", "CEC"]
    assert result.on == ON
    assert result.warnings == ()
    if name != "partial-profile":
        assert result.completeness.complete, result.completeness.explain()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_assessments_repr_names_its_outcomes_in_a_few_lines(name: str) -> None:
    # Found by an API audit (helper-80): the repr ran to 40,000 characters.
    result = assess(load(name), on=ON)
    shown = repr(result)
    assert len(shown) < 600
    assert f"crs=<{result.crs.total} points>" in shown
    assert f"fsw_grid=<{result.fsw_grid.total} points>" in shown
    assert f"pool={result.eligible_programs!r}" in shown
    assert repr(result.completeness.summary) in shown
    assert all(f"'{code}': '{v.outcome.value}'" in shown for code, v in result.programs.items())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_assessment_pickles_and_deep_copies(name: str) -> None:
    # docs/assess.md: results compare, hash, print and pickle; the verdicts by program, the
    # pool's and the completeness report's are read-only mappings that pickle too.
    result = assess(load(name), on=ON)
    for copied in (pickle.loads(pickle.dumps(result)), copy.deepcopy(result)):
        assert copied == result
        assert copied.to_dict() == result.to_dict()
        assert copied.explain() == result.explain()
    with pytest.raises(TypeError):
        result.programs["FSW"] = result.programs["FST"]  # type: ignore[index]


def test_the_markdown_keeps_the_pool_sentence_out_of_the_warning():
    result = assess(load("cook-toronto"), on=date(2031, 1, 1))
    lines = result._repr_markdown_().splitlines()
    warning = next(index for index, line in enumerate(lines) if line.startswith("> "))
    assert lines[warning + 1] == ""
    assert lines[warning + 2] == result.pool.sentence


def test_undetermined_with_nothing_to_answer_says_so():
    # P31: before 2020-01-01 no funds table gives the figure, so the FSW is undetermined with
    # no fact to ask for; the renderings and the pool say the rules leave it open.
    candidate = from_dict(
        {
            "schema_version": 1,
            "birth_date": "1990-06-12",
            "marital_status": "never_married",
            "intended_province": "on",
            "work_authorization": "none",
            "first_official_language": "english",
            "language_tests": [
                {
                    "kind": "ielts_general_training",
                    "test_date": "2018-02-14",
                    "scores": {"listening": 8.5, "reading": 8.0, "writing": 7.5, "speaking": 7.5},
                }
            ],
            "education": [
                {
                    "level": "masters_or_professional",
                    "country": "CA",
                    "completion_date": "2014-07-15",
                }
            ],
            "work_history": [
                {
                    "noc": "2173",
                    "country": "IN",
                    "start": "2014-08-01",
                    "hours_per_week": 40,
                    "paid": True,
                    "self_employed": False,
                    "full_time_student": False,
                }
            ],
            "job_offers": [],
            "certificates_of_qualification": [],
            "dependent_children": 0,
            "settlement_funds_cad": 25000,
            "relative_in_canada": False,
        }
    )
    result = assess(candidate, on=date(2019, 6, 1))
    fsw = result.programs["FSW"]
    assert fsw.outcome.value == "undetermined"
    assert fsw.missing_facts == ()
    said = (
        "Still needed: no fact the profile can give; the rules in force on that date leave it "
        "open."
    )
    assert said in fsw.explain()
    assert said in fsw._repr_markdown_()
    assert said in fsw._repr_html_()
    assert result.pool.sentence == (
        "Not eligible for any program yet; FSW cannot be decided on this date: the rules in "
        "force leave it open (no fact the profile can give settles it)."
    )


@pytest.mark.parametrize("name", ["partial-profile", "software-engineer-abroad"])
def test_every_rendering_shows_what_the_profile_lacks(name: str) -> None:
    report = assess(load(name), on=ON).completeness
    result = assess(load(name), on=ON)
    markdown, html = result._repr_markdown_(), result._repr_html_()
    assert report.summary in markdown
    assert report.summary in html
    assert markdown.endswith(report._repr_markdown_())
    assert html.endswith(report._repr_html_())
    for _, _, _, path in report.rows():
        assert f"| `{path}` |" in markdown
        assert f"<td><code>{path}</code></td>" in html
    assert report.explain().splitlines()[0] == report.summary


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_rendering(name: str) -> None:
    result = assess(load(name), on=ON)
    data = result.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {
        "on",
        "rules_verified_through",
        "warnings",
        "pool",
        "programs",
        "fsw_grid",
        "crs",
        "completeness",
    }
    assert data["crs"]["total"] == result.crs.total
    assert sum(s["points"] for s in data["crs"]["sections"]) == result.crs.total
    text = result.explain()
    markdown = result._repr_markdown_()
    html = result._repr_html_()
    for code, verdict in result.programs.items():
        assert f"{code} on {ON.isoformat()}" in text
        assert f"**{code}:" in markdown
        assert f"<strong>{code}:" in html
        for finding in verdict.findings:
            assert finding.rule_id in markdown
    assert f"CRS {result.crs.total}" in text
    assert "<table>" in html
    assert "<script" not in html


def test_a_date_after_the_rules_were_checked_carries_a_warning():
    later = date(2027, 6, 1)
    result = assess(load("cook-toronto"), on=later)
    assert result.warnings == (
        f"The rules were last checked against their sources on "
        f"{RULES_VERIFIED_THROUGH.isoformat()}; rules may have changed by 2027-06-01 "
        "(policy P15).",
    )
    assert result.to_dict()["warnings"] == list(result.warnings)
    assert "Warning: The rules were last checked" in result.explain()
    assert "<em>The rules were last checked" in result._repr_html_()
    assert "> The rules were last checked" in result._repr_markdown_()
    assert assess(load("cook-toronto"), on=RULES_VERIFIED_THROUGH).warnings == ()


def test_an_assessment_gives_the_warning_once_though_its_crs_carries_it():
    result = assess(load("cook-toronto"), on=date(2027, 6, 1))
    assert result.crs.warnings == result.warnings
    assert result.to_dict()["crs"]["warnings"] == list(result.warnings)
    (warning,) = result.warnings
    assert result.explain().count(warning) == 1
    assert result._repr_markdown_().count(warning) == 1
    assert result._repr_html_().count(warning) == 1


def test_undetermined_programs_list_what_they_need():
    result = assess(load("partial-profile"), on=ON)
    assert result.pool.outcome.value in {"undetermined", "not_eligible"}
    assert "Still needed" in result.explain() or result.pool.outcome.value == "not_eligible"


@settings(max_examples=40, deadline=None)
@given(
    candidates(),
    # Mostly the years a user asks about; sometimes any date up to the calendar's last day.
    st.one_of(st.dates(date(2015, 1, 1), date(2027, 12, 31)), st.dates(date(2015, 1, 1))),
)
def test_assess_accepts_every_generated_candidate(candidate: Candidate, on: date) -> None:
    result = assess(candidate, on=on)
    assert isinstance(result, Assessment)
    assert 0 <= result.crs.total <= 1200
    assert 0 <= result.fsw_grid.total <= result.fsw_grid.total_at_most <= 100
    json.dumps(result.to_dict())
    for verdict in result.programs.values():
        assert verdict.on == on
        for finding in verdict.findings:
            assert finding.rule_id
            assert finding.citation.url
    # Sentences are for people: a fact not answered is named in words, its JSON path is kept
    # in the missing facts and the completeness item's path.
    sentences = [f.sentence for v in result.programs.values() for f in v.findings]
    sentences += [line.sentence for line in result.fsw_grid.lines]
    sentences += [line.sentence for line in result.crs.lines] + list(result.crs.notes)
    sentences += [item.sentence for item in result.completeness.items]
    assert not [sentence for sentence in sentences if re.search(r"\$[.\[]", sentence)]


def test_a_second_language_without_a_first_scores_on_its_own():
    """Declared French first, but only an English test: the CRS must not fail (a valid
    candidate never makes the engine raise), and the English test is the second official
    language (rules.md §5.3: the other language, if tested), which scores by its own table:
    CLB 9 in each ability, 6 each, 24 (the cap without a spouse)."""
    candidate = from_dict(
        {
            "schema_version": 1,
            "birth_date": "1995-05-05",
            "first_official_language": "french",
            "language_tests": [
                {
                    "kind": "celpip_general",
                    "test_date": "2026-01-10",
                    "scores": {"listening": 9, "reading": 9, "writing": 9, "speaking": 9},
                }
            ],
        }
    )
    result = assess(candidate, on=ON)
    assert result.crs.line("crs.core.first_language").points == 0
    assert result.crs.line("crs.core.second_language").points == 24
    assert any(note.endswith("scores on its own (rules.md §5.3).") for note in result.crs.notes)
    assert not result.eligible_programs


def test_a_french_second_language_without_a_first_earns_the_french_points():
    """Declared English first, but only a French test: NCLC 8 in each ability is 3 each as
    the second official language (12), and the French-language points (P20: the French test
    in either role; no English test, so the French-only value, 25)."""
    candidate = from_dict(
        {
            "schema_version": 1,
            "birth_date": "1995-05-05",
            "first_official_language": "english",
            "language_tests": [
                {
                    "kind": "tef_canada",
                    "test_date": "2026-01-10",
                    "scores": {"listening": 285, "reading": 240, "writing": 355, "speaking": 355},
                }
            ],
        }
    )
    crs = assess(candidate, on=ON).crs
    assert crs.line("crs.core.second_language").points == 12
    assert crs.line("crs.additional.french").points == 25


def _born_2022() -> Candidate:
    """A valid profile whose birth date is after some evaluation dates (no clock says the
    birth date is in the future)."""
    return from_dict(
        {
            "schema_version": 1,
            "birth_date": "2022-02-01",
            "marital_status": "never_married",
            "language_tests": [
                {
                    "kind": "pte_core",
                    "test_date": "2026-09-19",
                    "scores": {"listening": 71, "reading": 69, "writing": 79, "speaking": 76},
                }
            ],
            "work_history": [
                {"country": "NG", "start": "2022-02-01", "hours_per_week": 40, "paid": True}
            ],
        }
    )


@pytest.mark.parametrize("on", [date(2017, 6, 6), date(2022, 1, 31), date(2022, 2, 1)])
def test_an_evaluation_date_before_the_birth_date_scores_age_zero(on: date) -> None:
    # Found by fuzzing: the CRS refused the negative age it was given.
    result = assess(_born_2022(), on=on)
    age_line = next(line for line in result.crs.lines if line.rule_id == "crs.core.age")
    assert age_line.points == 0
    assert result.fsw_grid.factor(GridFactor.AGE).points == 0
    before = on < date(2022, 2, 1)
    assert any("after the evaluation date" in note for note in result.crs.notes) is before
    grid_age = result.fsw_grid.factor(GridFactor.AGE).lines[0].sentence
    expected = f"The birth date (2022-02-01) is after {on}: age 0, 0 points."
    assert (grid_age == expected) is before, grid_age
    assert result.explain()
    json.dumps(result.to_dict())


def _moved(value: object, years: int) -> object:
    """``value`` (a JSON profile) with every date moved ``years`` years (29 February to 28)."""
    if isinstance(value, dict):
        return {key: _moved(item, years) for key, item in value.items()}
    if isinstance(value, list):
        return [_moved(item, years) for item in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[:4].isdigit():
        day = date.fromisoformat(value.replace("-02-29", "-02-28"))
        return day.replace(year=day.year + years).isoformat()
    return value


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_profiles_dated_near_the_end_of_the_calendar_are_assessed(name: str) -> None:
    # Found by fuzzing: a test or an ECA whose validity runs past 9999-12-31 made the
    # engine raise. Dates from there on are the calendar's last day.
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    latest = max(
        date.fromisoformat(text) for text in re.findall(r"\d{4}-\d{2}-\d{2}", json.dumps(data))
    )
    candidate = from_dict(_moved(data, 9999 - latest.year))  # the latest date now in 9999
    for on in (date(9998, 6, 1), date.max):
        result = assess(candidate, on=on)
        assert 0 <= result.crs.total <= 1200
        assert result.explain()
        json.dumps(result.to_dict())


def test_each_result_read_alone_gives_its_part_of_the_json_form() -> None:
    from expressentry.crs import crs_for
    from expressentry.facts import derive
    from expressentry.profile import completeness
    from expressentry.programs.fsw import fsw_grid

    candidate = from_dict(json.loads((EXAMPLES / "partial-profile.json").read_text()))
    on = date(2026, 11, 29)
    data = json.loads(json.dumps(assess(candidate, on=on).to_dict()))
    assert crs_for(candidate, on=on).to_dict() == data["crs"]
    assert fsw_grid(derive(candidate, on=on)).to_dict() == data["fsw_grid"]
    report = completeness(candidate, on=on)
    assert json.loads(json.dumps(report.to_dict())) == data["completeness"]
    items = data["completeness"]["items"]
    assert {item["need"] for item in items} == {"profile", "program", "optional"}
    assert all(set(item["citation"]) == {"instrument", "provision", "url"} for item in items)
    assert data["completeness"]["programs"] == ["FSW", "FST", "CEC"]
    assert data["completeness"]["routes"] == list(report.routes)
    assert data["completeness"]["eligible"] == []


class _Day(date):
    """A date subclass of the user's own."""


@pytest.mark.parametrize(
    "on", [datetime(2026, 11, 29, 15, 30, tzinfo=timezone.utc), _Day(2026, 11, 29)]
)
def test_a_datetime_or_a_date_subclass_is_assessed_on_its_day(on: date) -> None:
    # Found by the robustness audit: datetime.now() from a notebook raised TypeError (a
    # datetime does not compare with the rules' dates).
    candidate = load("cook-toronto")
    result = assess(candidate, on=on)
    assert type(result.on) is date
    assert result.to_dict() == assess(candidate, on=ON).to_dict()


def test_an_evaluation_date_that_is_no_date_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"the evaluation date must be a datetime\.date, got str"):
        assess(load("cook-toronto"), on="2026-11-29")  # type: ignore[arg-type]
