"""The Federal Skilled Worker Program (IRPR ss. 75-83; rules.md §1; policies P8, P9, P12-P14,
P17, P18, P21, P27-P29, P31-P34)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.education import EducationLevel
from expressentry.facts import derive
from expressentry.funds import SETTLEMENT_FUNDS
from expressentry.job_offer import OFFER_DURATION
from expressentry.language import ACCEPTED_TESTS, LEVEL_CHARTS, TestKind
from expressentry.model import (
    Ability,
    AbilityScores,
    Candidate,
    Credential,
    CredentialLevel,
    EcaOrganization,
    EducationalCredentialAssessment,
    JobOffer,
    Language,
    LanguageTest,
    LmiaStatus,
    MaritalStatus,
    NocCode,
    Province,
    Spouse,
    WorkAuthorization,
    WorkHistory,
    WorkPeriod,
)
from expressentry.noc import SKILLED_OCCUPATIONS
from expressentry.programs.fsw import (
    AGE_POINTS,
    EDUCATION_POINTS,
    EXPERIENCE_POINTS,
    FACTOR_MAXIMA,
    FSW,
    PASS_MARK,
    FswGrid,
    GridFactor,
    Steps,
    fsw_grid,
)
from expressentry.serialization import from_dict
from expressentry.strategies import candidates, language_tests
from expressentry.verdict import Outcome, Verdict, VerdictOutcome

ON = date(2026, 11, 29)
SOFTWARE = "21231"  # TEER 1
COOK = "63200"  # TEER 3
CLEANER = "65310"  # TEER 5: not skilled
TRUCK_DRIVER_2016 = "7511"  # NOC 2016 skill level C; TEER 3 (73300) from 2022-11-16

SKILLED = "fsw.experience.skilled"
YEAR = "fsw.experience.continuous_year"
LANGUAGE = "fsw.language.first_official"
EDUCATION = "fsw.education.credential"
RESIDENCE = "fsw.residence.outside_quebec"
FUNDS = "fsw.funds.settlement"
GRID = "fsw.grid.pass_mark"


# -- builders --------------------------------------------------------------------------------


def job(
    noc: str | None = SOFTWARE,
    start: date = date(2020, 1, 6),
    end: date | None = date(2025, 12, 31),
    **facts: Any,
) -> WorkPeriod:
    """Paid, full-time work abroad, not self-employed."""
    fields: dict[str, Any] = {
        "country": "IN",
        "hours_per_week": 40,
        "paid": True,
        "self_employed": False,
        "full_time_student": False,
        **facts,
    }
    return WorkPeriod(noc=None if noc is None else NocCode(noc), start=start, end=end, **fields)


def celpip(
    listening: int = 9,
    reading: int = 9,
    writing: int = 9,
    speaking: int = 9,
    taken: date = date(2026, 3, 1),
) -> LanguageTest:
    return LanguageTest(
        kind=TestKind.CELPIP_GENERAL,
        test_date=taken,
        scores=AbilityScores(
            listening=listening, reading=reading, writing=writing, speaking=speaking
        ),
    )


def tef(
    levels: int | tuple[int, int, int, int] = (6, 6, 6, 5), taken: date = date(2026, 3, 1)
) -> LanguageTest:
    """A TEF Canada at NCLC ``levels`` (listening, reading, writing, speaking; 0 for below 4):
    the lowest "Équivalence ancien score" of each, as the certificate gives it (policy P3)."""
    each = (levels,) * 4 if isinstance(levels, int) else levels
    chart = LEVEL_CHARTS[TestKind.TEF_CANADA].at(taken)
    order = (Ability.LISTENING, Ability.READING, Ability.WRITING, Ability.SPEAKING)
    scores = {
        ability.value: int(chart.lowest_score(ability, level)) if level else 0
        for ability, level in zip(order, each, strict=True)
    }
    return LanguageTest(kind=TestKind.TEF_CANADA, test_date=taken, scores=AbilityScores(**scores))


def canadian(
    level: CredentialLevel = CredentialLevel.BACHELORS_OR_THREE_YEAR,
    years: int | None = 4,
    completed: date | None = date(2019, 6, 1),
    **facts: Any,
) -> Credential:
    return Credential(
        level=level, program_years=years, country="CA", completion_date=completed, **facts
    )


def foreign(
    level: CredentialLevel = CredentialLevel.BACHELORS_OR_THREE_YEAR,
    eca_issued: date | None = date(2024, 1, 10),
) -> Credential:
    eca = (
        None
        if eca_issued is None
        else EducationalCredentialAssessment(
            organization=EcaOrganization.WES, issue_date=eca_issued, canadian_equivalent=level
        )
    )
    return Credential(
        level=level, program_years=4, country="IN", completion_date=date(2018, 6, 1), eca=eca
    )


OFFER = JobOffer(
    noc=NocCode(SOFTWARE),
    full_time=True,
    non_seasonal=True,
    at_least_one_year=True,
    lmia=LmiaStatus.APPROVED,
)


def eligible(**changes: Any) -> Candidate:
    """A 31-year-old single software developer abroad: 5 years, a Canadian bachelor's, CLB 9.

    Grid: language 24, education 21, experience 15 (6 years), age 12 = 72 (adaptability 0).
    """
    fields: dict[str, Any] = {
        "birth_date": date(1995, 5, 17),
        "marital_status": MaritalStatus.NEVER_MARRIED,
        "dependent_children": 0,
        "intended_province": Province.ON,
        "work_authorization": WorkAuthorization.NONE,
        "first_official_language": None,
        "language_tests": (celpip(),),
        "education": (canadian(full_time=True, months_studied_in_canada=8),),
        "work_history": WorkHistory(periods=(job(),)),
        "primary_occupation": NocCode(SOFTWARE),
        "settlement_funds_cad": 20_000,
        "relative_in_canada": False,
        "job_offers": (),
        **changes,
    }
    return Candidate(**fields)


def assess(candidate: Candidate, on: date = ON) -> Verdict:
    return FSW.assess(derive(candidate, on=on))


def grid(candidate: Candidate, on: date = ON) -> FswGrid:
    return fsw_grid(derive(candidate, on=on))


def history(*periods: WorkPeriod) -> WorkHistory:
    return WorkHistory(periods=periods)


# -- the program -----------------------------------------------------------------------------


def test_the_program_declares_its_rules() -> None:
    assert FSW.code == "FSW"
    assert FSW.name == "Federal Skilled Worker Program"
    assert repr(FSW) == "FSW"
    assert [rule.rule_id for rule in FSW.rules] == [
        SKILLED,
        YEAR,
        LANGUAGE,
        EDUCATION,
        RESIDENCE,
        FUNDS,
        GRID,
    ]
    for rule in FSW.rules:
        assert rule.citation.url.startswith("https://")


def test_the_baseline_is_eligible() -> None:
    verdict = assess(eligible())
    assert verdict.outcome is VerdictOutcome.ELIGIBLE, [f.sentence for f in verdict.findings]
    assert verdict.program == "FSW"
    assert [f.rule_id for f in verdict.findings] == [rule.rule_id for rule in FSW.rules]
    assert FSW.grid(derive(eligible(), on=ON)).total == 72


# Each rule: a candidate where it is met and one where it is not (and one where it is unknown).
RULE_CASES: list[tuple[str, Outcome, dict[str, Any]]] = [
    (SKILLED, Outcome.MET, {}),
    (SKILLED, Outcome.NOT_MET, {"primary_occupation": NocCode(CLEANER)}),
    # No work and no occupation named: the candidate may still name a skilled one.
    (SKILLED, Outcome.UNKNOWN, {"primary_occupation": None, "work_history": history()}),
    (SKILLED, Outcome.UNKNOWN, {"primary_occupation": NocCode("1123")}),  # 2016, straddles
    (SKILLED, Outcome.UNKNOWN, {"primary_occupation": None, "work_history": history(job(None))}),
    (YEAR, Outcome.MET, {}),
    (YEAR, Outcome.MET, {"primary_occupation": None}),
    (
        YEAR,
        Outcome.NOT_MET,
        {"work_history": history(job(start=date(2025, 6, 1), end=date(2025, 12, 31)))},
    ),
    (YEAR, Outcome.NOT_MET, {"work_history": history(job(paid=False))}),
    (
        YEAR,
        Outcome.NOT_MET,
        {"work_history": history(job(start=date(2010, 1, 4), end=date(2016, 11, 1)))},
    ),
    (YEAR, Outcome.NOT_MET, {"primary_occupation": NocCode(COOK)}),
    (YEAR, Outcome.UNKNOWN, {"work_history": history(job(paid=None))}),
    (LANGUAGE, Outcome.MET, {}),
    (LANGUAGE, Outcome.NOT_MET, {"language_tests": (celpip(reading=6),)}),
    (LANGUAGE, Outcome.UNKNOWN, {"language_tests": None}),  # not answered
    (LANGUAGE, Outcome.NOT_MET, {"language_tests": ()}),  # no test taken
    (LANGUAGE, Outcome.NOT_MET, {"language_tests": (tef(),), "first_official_language": None}),
    (LANGUAGE, Outcome.NOT_MET, {"language_tests": (celpip(taken=date(2024, 1, 1)),)}),  # P4
    (EDUCATION, Outcome.MET, {}),
    (EDUCATION, Outcome.MET, {"education": (foreign(),)}),
    # An ECA not entered is not answered (DESIGN principle 4); one expired, or issued after
    # the evaluation date, is an answer.
    (EDUCATION, Outcome.UNKNOWN, {"education": (foreign(eca_issued=None),)}),
    (EDUCATION, Outcome.NOT_MET, {"education": (foreign(eca_issued=date(2026, 12, 1)),)}),
    (EDUCATION, Outcome.NOT_MET, {"education": (foreign(eca_issued=date(2020, 1, 10)),)}),
    (EDUCATION, Outcome.NOT_MET, {"education": (canadian(completed=None),)}),
    (EDUCATION, Outcome.UNKNOWN, {"education": None}),  # not answered
    (EDUCATION, Outcome.NOT_MET, {"education": ()}),  # no credential at all
    (RESIDENCE, Outcome.MET, {}),
    (RESIDENCE, Outcome.NOT_MET, {"intended_province": Province.QC}),
    (RESIDENCE, Outcome.UNKNOWN, {"intended_province": None}),
    (FUNDS, Outcome.MET, {}),
    (FUNDS, Outcome.NOT_MET, {"settlement_funds_cad": 15_262}),
    (FUNDS, Outcome.UNKNOWN, {"settlement_funds_cad": None}),
    (
        FUNDS,
        Outcome.NOT_APPLICABLE,
        {
            "settlement_funds_cad": 0,
            "work_authorization": WorkAuthorization.OPEN_WORK_PERMIT,
            "job_offers": (OFFER,),
        },
    ),
    (GRID, Outcome.MET, {}),
    (GRID, Outcome.NOT_MET, {"birth_date": date(1976, 1, 1)}),  # age 50: 0 of 12 → 58
    (GRID, Outcome.UNKNOWN, {"birth_date": None}),
]


@pytest.mark.parametrize(("rule_id", "outcome", "changes"), RULE_CASES)
def test_each_rule(rule_id: str, outcome: Outcome, changes: dict[str, Any]) -> None:
    verdict = assess(eligible(**changes))
    finding = verdict.finding(rule_id)
    assert finding.outcome is outcome, finding.sentence
    assert bool(finding.missing) <= (outcome is Outcome.UNKNOWN)
    if outcome is Outcome.NOT_MET:
        assert verdict.outcome is VerdictOutcome.NOT_ELIGIBLE
    others = [f for f in verdict.findings if f.rule_id != rule_id]
    if outcome is Outcome.UNKNOWN and all(f.outcome is not Outcome.NOT_MET for f in others):
        assert verdict.outcome is VerdictOutcome.UNDETERMINED
        assert set(finding.missing) <= set(verdict.missing_facts)


def test_every_rule_has_a_met_and_a_not_met_case() -> None:
    for rule in FSW.rules:
        outcomes = {outcome for rule_id, outcome, _ in RULE_CASES if rule_id == rule.rule_id}
        assert {Outcome.MET, Outcome.NOT_MET} <= outcomes, rule.rule_id


# -- the wording: the candidate's own figures ------------------------------------------------


def test_language_sentence_names_the_short_ability() -> None:
    finding = assess(eligible(language_tests=(celpip(reading=6),))).finding(LANGUAGE)
    assert finding.sentence == "Reading is CLB 6; the FSW needs CLB 7 in each ability."
    assert finding.facts["reading"] == 6


def test_a_valid_test_that_meets_the_minimum_is_named_when_p6_chose_another() -> None:
    # P6 chooses the test with the most CRS points, even one that misses the FSW's minimum.
    # No certificate of qualification: one would add 25 transferability points to the first
    # test and 50 to the second, which would then lead (test_language_choice.py).
    tests = (celpip(10, 10, 10, 6), celpip(7, 7, 7, 7, taken=date(2026, 4, 1)))
    finding = assess(eligible(language_tests=tests, certificates_of_qualification=())).finding(
        LANGUAGE
    )
    assert finding.outcome is Outcome.NOT_MET
    assert finding.policy == "P6"
    assert finding.sentence == (
        "Speaking is CLB 6; the FSW needs CLB 7 in each ability. The CELPIP-General taken on "
        "2026-04-01 (language test 2) also counts and gives CLB L 7, R 7, W 7, S 7, which "
        "meets it; the test with the most CRS points is the one used (policy P6)."
    )
    # A second test that misses the minimum too is not named.
    both_short = (celpip(10, 10, 10, 6), celpip(7, 7, 6, 7, taken=date(2026, 4, 1)))
    alone = assess(eligible(language_tests=both_short)).finding(LANGUAGE)
    assert alone.sentence == "Speaking is CLB 6; the FSW needs CLB 7 in each ability."
    assert alone.policy == "P33"


def test_experience_sentences() -> None:
    met = assess(eligible()).finding(YEAR)
    assert "In NOC 21231 (Software engineers and designers), " in met.sentence
    assert "the longest continuous run is" in met.sentence
    assert met.policy == "P9"
    chosen = assess(eligible(primary_occupation=None)).finding(YEAR)
    assert "the occupation that best meets the continuous year" in chosen.sentence
    assert assess(eligible(primary_occupation=None)).finding(SKILLED).facts["stated"] is False
    unpaid = assess(eligible(work_history=history(job(paid=False)))).finding(YEAR)
    assert "Left out: period 1 (it was unpaid)" in unpaid.sentence
    # Nothing is left open: no run counts, not "no run certainly counts".
    assert "; no continuous run counts;" in unpaid.sentence
    open_ = assess(eligible(work_history=history(job(paid=None)))).finding(YEAR)
    assert "; no continuous run certainly counts;" in open_.sentence


def test_unknown_experience_names_the_period_facts() -> None:
    finding = assess(eligible(work_history=history(job(paid=None)))).finding(YEAR)
    assert finding.missing == ("$.work_history[0].paid",)
    assert "depending on facts not answered" in finding.sentence
    anonymous = assess(
        eligible(primary_occupation=None, work_history=history(job(paid=None)))
    ).finding(YEAR)
    assert anonymous.missing == ("$.primary_occupation", "$.work_history[0].paid")
    assert "the occupation that best meets the continuous year" in anonymous.sentence
    uncoded = assess(eligible(primary_occupation=None, work_history=history(job(None))))
    assert uncoded.finding(YEAR).missing == ("$.primary_occupation", "$.work_history[0].noc")
    assert "any one occupation" in uncoded.finding(YEAR).sentence
    assert uncoded.finding(SKILLED).missing == ("$.primary_occupation", "$.work_history[0].noc")


def test_more_hours_elsewhere_do_not_hide_a_continuous_year() -> None:
    # No primary occupation: a continuous year as a cook beats two broken years as a developer.
    periods = history(
        job(COOK, start=date(2023, 1, 2), end=date(2023, 12, 31)),
        *(job(start=date(year, 1, 2), end=date(year, 6, 30)) for year in (2019, 2020, 2021, 2022)),
    )
    verdict = assess(eligible(primary_occupation=None, work_history=periods))
    assert verdict.finding(YEAR).outcome is Outcome.MET
    assert verdict.finding(SKILLED).facts["primary_occupation"] == COOK
    undecided = history(job(COOK, paid=None), *periods.periods[1:])
    verdict = assess(eligible(primary_occupation=None, work_history=undecided))
    assert verdict.finding(YEAR).outcome is Outcome.UNKNOWN
    assert verdict.finding(YEAR).missing == ("$.primary_occupation", "$.work_history[0].paid")


def test_self_employment_counts_and_is_flagged() -> None:
    finding = assess(eligible(work_history=history(job(self_employed=True)))).finding(YEAR)
    assert finding.outcome is Outcome.MET
    assert finding.policy == "P8"
    assert "Self-employment is counted (policy P8)." in finding.sentence


def test_student_work_counts() -> None:
    # P27: work while a full-time student is kept for the FSW.
    finding = assess(eligible(work_history=history(job(full_time_student=True)))).finding(YEAR)
    assert finding.outcome is Outcome.MET


def test_a_gap_breaks_the_continuous_year() -> None:
    # P9: two half-years of 30 h/week with a gap give 1,560 hours but no continuous run of it.
    periods = history(
        job(start=date(2024, 1, 1), end=date(2024, 6, 30)),
        job(start=date(2024, 8, 1), end=date(2025, 1, 31)),
    )
    finding = assess(eligible(work_history=periods)).finding(YEAR)
    assert finding.outcome is Outcome.NOT_MET
    hours = finding.facts["hours_at_least"]
    assert isinstance(hours, int | float)
    assert hours >= 1560  # enough hours, but no continuous run of them


def test_part_time_for_two_years_is_a_continuous_year() -> None:
    periods = history(job(start=date(2023, 1, 2), end=date(2024, 12, 29), hours_per_week=15))
    assert assess(eligible(work_history=periods)).finding(YEAR).outcome is Outcome.MET


def test_education_sentence_lists_why_credentials_do_not_count() -> None:
    finding = assess(eligible(education=(foreign(eca_issued=date(2020, 1, 10)),))).finding(
        EDUCATION
    )
    assert finding.outcome is Outcome.NOT_MET
    assert "credential 1: its assessment (issued 2020-01-10) expired on 2025-01-10" in (
        finding.sentence
    )
    assert finding.policy == "P21"
    assert finding.missing == ()


def test_education_without_an_eca_asks_for_it() -> None:
    # Credential 1 is not completed (it never counts); credential 2 waits on its ECA.
    verdict = assess(eligible(education=(canadian(completed=None), foreign(eca_issued=None))))
    finding = verdict.finding(EDUCATION)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.education[1].eca",)
    assert finding.sentence == (
        "No credential counts yet: credential 2 (bachelor's degree or 3-year program from IN) "
        "has no educational credential assessment entered; a foreign credential counts for "
        "the FSW only with a valid one (policy P21)."
    )
    assert verdict.outcome is not Outcome.NOT_MET
    assert "$.education[1].eca" in verdict.missing_facts


# -- the grid --------------------------------------------------------------------------------


def test_grid_maxima_add_up_to_100() -> None:
    assert sum(FACTOR_MAXIMA.at(ON).values()) == 100
    assert PASS_MARK.at(ON) == 67


@pytest.mark.parametrize(
    ("levels", "points"),
    [
        ((9, 9, 9, 7), 22),  # rules.md §13: per ability, not from the lowest (16)
        ((9, 9, 9, 9), 24),
        ((10, 10, 10, 10), 24),
        ((8, 8, 8, 8), 20),
        ((7, 7, 7, 7), 16),
        ((8, 9, 7, 6), 15),  # CLB 6 earns 0 (and fails the minimum)
    ],
)
def test_first_language_points_per_ability(levels: tuple[int, int, int, int], points: int) -> None:
    result = grid(eligible(language_tests=(celpip(*levels),)))
    assert result.factor(GridFactor.LANGUAGE).points == points


def test_a_zero_for_an_ability_names_the_level_that_earns_points() -> None:
    result = grid(eligible(language_tests=(celpip(8, 9, 7, 6),)))
    lines = {line.item: line for line in result.factor(GridFactor.LANGUAGE).lines}
    assert lines["First official language: speaking"].sentence == (
        "Speaking is CLB 6: 0 points; CLB 7 earns 4 points."
    )
    assert lines["First official language: writing"].sentence == "Writing is CLB 7: 4 points."
    french = grid(eligible(language_tests=(tef(0),), first_official_language=Language.FRENCH))
    (first, *_) = french.factor(GridFactor.LANGUAGE).lines
    assert first.sentence.endswith(": 0 points; NCLC 7 earns 4 points.")


def test_every_unanswered_or_empty_line_gives_its_points() -> None:
    unanswered = grid(eligible(language_tests=None, education=None))
    (first, *_) = unanswered.factor(GridFactor.LANGUAGE).lines
    assert first.sentence == (
        "The language tests are not answered: 0 to 6 points for the first official language."
    )
    (education,) = unanswered.factor(GridFactor.EDUCATION).lines
    assert education.sentence == "The credentials are not answered: 0 to 25 points."
    none_taken = grid(eligible(language_tests=()))
    (first, *_) = none_taken.factor(GridFactor.LANGUAGE).lines
    assert first.sentence == "No test given for the first official language counts: 0 points."


@pytest.mark.parametrize(("levels", "points"), [(0, 0), ((6, 6, 6, 5), 4)])
def test_second_language_needs_level_5_in_each_ability(
    levels: int | tuple[int, int, int, int], points: int
) -> None:
    result = grid(eligible(language_tests=(celpip(), tef(levels))))
    line = next(line for line in result.lines if line.item == "Second official language")
    assert line.points == points
    assert result.factor(GridFactor.LANGUAGE).points == 24 + points


def _tef_at(levels: tuple[int, int, int, int]) -> LanguageTest:
    """A TEF Canada taken on 2026-03-01 with the lowest score of each of ``levels``."""
    taken = date(2026, 3, 1)
    chart = LEVEL_CHARTS[TestKind.TEF_CANADA].at(taken)
    scores = {
        ability.value: int(chart.lowest_score(ability, level))
        for ability, level in zip(Ability, levels, strict=True)
    }
    return LanguageTest(kind=TestKind.TEF_CANADA, test_date=taken, scores=AbilityScores(**scores))


@pytest.mark.parametrize(
    ("levels", "points"),
    [((5, 5, 5, 5), 4), ((5, 4, 5, 5), 0), ((4, 4, 4, 4), 0), ((9, 9, 9, 5), 4)],
)
def test_the_second_language_needs_exactly_5_in_its_weakest_ability(
    levels: tuple[int, int, int, int], points: int
) -> None:
    # rules.md §1.2: 4 points for CLB/NCLC 5 or more in each of the four abilities, else 0.
    result = grid(eligible(language_tests=(celpip(), _tef_at(levels))))
    line = next(line for line in result.lines if line.item == "Second official language")
    assert line.points == points


@pytest.mark.parametrize(("age", "total", "passes"), [(40, 67, True), (41, 66, False)])
def test_a_grid_of_exactly_67_passes(age: int, total: int, passes: bool) -> None:
    # rules.md §1: 67 points out of 100 or more pass. The baseline earns 60 without its age
    # points; age 40 earns 7, age 41 earns 6.
    candidate = eligible(birth_date=date(ON.year - age, 5, 17))
    result = grid(candidate)
    assert (result.total, result.passes) == (total, passes)
    finding = assess(candidate).finding(GRID)
    assert finding.outcome is (Outcome.MET if passes else Outcome.NOT_MET)
    assert assess(candidate).outcome is (
        VerdictOutcome.ELIGIBLE if passes else VerdictOutcome.NOT_ELIGIBLE
    )


@pytest.mark.parametrize(("levels", "points"), [(0, 0), ((6, 6, 6, 5), 4)])
def test_a_declared_first_language_settles_the_second_without_a_valid_first_test(
    levels: int | tuple[int, int, int, int], points: int
) -> None:
    # English declared first, its only test expired: French is the second language (P5), and
    # its valid TEF earns its points for certain; the expired English test counts for nothing
    # (P4), so the first language gives no points, not a range.
    expired = celpip(taken=date(2023, 3, 1))
    result = grid(
        eligible(first_official_language=Language.ENGLISH, language_tests=(expired, tef(levels)))
    )
    line = next(line for line in result.lines if line.item == "Second official language")
    assert (line.points, line.points_at_most) == (points, points)
    factor = result.factor(GridFactor.LANGUAGE)
    assert (factor.points, factor.points_at_most) == (points, points)


def test_an_undeclared_first_language_without_a_valid_test_leaves_the_second_open() -> None:
    # Declared or not, tests that all lapsed score nothing in either role; only a first
    # language neither declared nor tested leaves the second open.
    expired = celpip(taken=date(2023, 3, 1))
    result = grid(eligible(language_tests=(expired, tef(6, taken=date(2023, 3, 1)))))
    line = next(line for line in result.lines if line.item == "Second official language")
    assert (line.points, line.points_at_most) == (0, 0)
    untested = grid(eligible(language_tests=None))
    line = next(line for line in untested.lines if line.item == "Second official language")
    assert (line.points, line.points_at_most) == (0, 4)
    assert "not settled by a test" in line.sentence
    none_taken = grid(eligible(language_tests=()))
    line = next(line for line in none_taken.lines if line.item == "Second official language")
    assert (line.points, line.points_at_most) == (0, 0)


def test_no_language_test_makes_the_language_factor_a_range() -> None:
    result = grid(eligible(language_tests=None))
    factor = result.factor(GridFactor.LANGUAGE)
    assert (factor.points, factor.points_at_most) == (0, 28)
    assert "$.language_tests" in result.missing
    # A declared first language does not settle the second's points without the tests: the
    # second official language's line is a range too, never a silent zero.
    declared = grid(eligible(language_tests=None, first_official_language=Language.ENGLISH))
    factor = declared.factor(GridFactor.LANGUAGE)
    assert (factor.points, factor.points_at_most) == (0, 28)
    (second,) = [line for line in factor.lines if line.item == "Second official language"]
    assert (second.points, second.points_at_most) == (0, 4)
    assert second.missing == ("$.language_tests",)
    assert second.sentence == (
        "The language tests are not answered: a test of the second official language may count."
    )
    # An empty list is an answer: no test taken, no points.
    none_taken = grid(eligible(language_tests=()))
    factor = none_taken.factor(GridFactor.LANGUAGE)
    assert (factor.points, factor.points_at_most) == (0, 0)
    assert "$.language_tests" not in none_taken.missing


@pytest.mark.parametrize(
    ("level", "points"),
    [
        (CredentialLevel.SECONDARY, 5),
        (CredentialLevel.ONE_YEAR, 15),
        (CredentialLevel.TWO_YEAR, 19),
        (CredentialLevel.BACHELORS_OR_THREE_YEAR, 21),
        (CredentialLevel.MASTERS_OR_PROFESSIONAL, 23),
        (CredentialLevel.DOCTORAL, 25),
    ],
)
def test_education_points(level: CredentialLevel, points: int) -> None:
    years = {
        CredentialLevel.SECONDARY: None,
        CredentialLevel.ONE_YEAR: 1,
        CredentialLevel.BACHELORS_OR_THREE_YEAR: 4,
    }.get(level, 2)
    result = grid(eligible(education=(canadian(level, years=years),)))
    assert result.factor(GridFactor.EDUCATION).points == points


def test_education_table_and_two_credentials() -> None:
    assert EDUCATION_POINTS.at(ON)[EducationLevel.TWO_OR_MORE] == 22
    assert EDUCATION_POINTS.at(ON)[EducationLevel.LESS_THAN_SECONDARY] == 0
    two = (canadian(), canadian(CredentialLevel.ONE_YEAR, years=1, completed=date(2020, 6, 1)))
    assert grid(eligible(education=two)).factor(GridFactor.EDUCATION).points == 22
    ignored = grid(eligible(education=(canadian(), foreign(eca_issued=None))))
    assert "Credential 2 does not count" in ignored.factor(GridFactor.EDUCATION).lines[0].sentence
    # A lower credential that counts is not said not to count.
    lower = grid(eligible(education=(foreign(), canadian(CredentialLevel.SECONDARY))))
    said = lower.factor(GridFactor.EDUCATION).lines[0].sentence
    assert "Credential 2 is not the highest: Canadian credential: secondary" in said
    assert "does not count" not in said
    unknown = grid(eligible(education=None)).factor(GridFactor.EDUCATION)
    assert (unknown.points, unknown.points_at_most) == (0, 25)
    none = grid(eligible(education=())).factor(GridFactor.EDUCATION)
    assert (none.points, none.points_at_most) == (0, 0)
    assert none.lines[0].sentence == "No credential: 0 points."


@pytest.mark.parametrize(
    ("education", "points", "at_most", "missing"),
    [
        # A foreign bachelor's alone, its ECA not entered: 0 now, 21 once assessed.
        ((foreign(eca_issued=None),), 0, 21, ("$.education[0].eca",)),
        # Beside a Canadian bachelor's, a foreign master's would raise the level to 23.
        (
            (canadian(), foreign(CredentialLevel.MASTERS_OR_PROFESSIONAL, eca_issued=None)),
            21,
            23,
            ("$.education[1].eca",),
        ),
        # Beside a Canadian one-year credential, a foreign bachelor's makes "two or more": 22.
        (
            (
                canadian(CredentialLevel.ONE_YEAR, years=1, completed=date(2020, 6, 1)),
                foreign(eca_issued=None),
            ),
            15,
            22,
            ("$.education[1].eca",),
        ),
        # A foreign secondary diploma cannot raise a Canadian bachelor's: nothing is asked.
        ((canadian(), foreign(CredentialLevel.SECONDARY, eca_issued=None)), 21, 21, ()),
        # An expired ECA is an answer: no range.
        ((foreign(eca_issued=date(2020, 1, 10)),), 0, 0, ()),
    ],
)
def test_grid_education_waits_on_an_eca_not_entered(
    education: tuple[Credential, ...], points: int, at_most: int, missing: tuple[str, ...]
) -> None:
    line = grid(eligible(education=education)).factor(GridFactor.EDUCATION).lines[0]
    assert (line.points, line.points_at_most, line.missing) == (points, at_most, missing)
    if missing:
        assert f"{points} to {at_most} points: up to {at_most} if an educational credential" in (
            line.sentence
        )


@pytest.mark.parametrize(("completed", "waits"), [(ON, True), (ON + timedelta(days=1), False)])
def test_a_credential_completed_on_the_day_waits_on_its_eca(completed: date, waits: bool) -> None:
    # P21, P29: completed on the evaluation date, it counts once assessed; a day later, not yet.
    masters = Credential(
        level=CredentialLevel.MASTERS_OR_PROFESSIONAL,
        country="IN",
        completion_date=completed,
    )
    line = grid(eligible(education=(masters,))).factor(GridFactor.EDUCATION).lines[0]
    assert (line.points_at_most > line.points) is waits
    assert (line.missing == ("$.education[0].eca",)) is waits


@pytest.mark.parametrize(
    ("years", "points"), [(0, 0), (1, 9), (2, 11), (3, 11), (4, 13), (5, 13), (6, 15), (9, 15)]
)
def test_experience_points(years: int, points: int) -> None:
    assert EXPERIENCE_POINTS.at(ON).points(years) == points


def test_experience_adds_up_across_skilled_occupations() -> None:
    # P27: the grid pools every skilled occupation (2 + 2 years → 4 years, 13 points).
    periods = history(
        job(SOFTWARE, start=date(2021, 1, 4), end=date(2022, 12, 31)),
        job(COOK, start=date(2023, 1, 2), end=date(2024, 12, 31)),
    )
    assert grid(eligible(work_history=periods)).factor(GridFactor.EXPERIENCE).points == 13


def test_experience_range_when_facts_are_missing() -> None:
    periods = history(job(start=date(2024, 1, 1), end=date(2025, 12, 31)), job(COOK, paid=None))
    line = grid(eligible(work_history=periods)).factor(GridFactor.EXPERIENCE).lines[0]
    assert (line.points, line.points_at_most) == (11, 15)
    assert line.missing == ("$.work_history[1].paid",)
    assert not line.known


@pytest.mark.parametrize(
    ("age", "points"),
    [(17, 0), (18, 12), (35, 12), (36, 11), (40, 7), (45, 2), (46, 1), (47, 0), (60, 0)],
)
def test_age_points(age: int, points: int) -> None:
    assert AGE_POINTS.at(ON).points(age) == points
    born = date(ON.year - age, 1, 1)
    assert grid(eligible(birth_date=born)).factor(GridFactor.AGE).points == points


def test_unknown_age_is_a_range_not_a_zero() -> None:
    result = grid(eligible(birth_date=None))
    assert (result.total, result.total_at_most) == (60, 72)
    assert not result.known
    assert grid(eligible()).known
    assert result.passes is None
    assert result.missing == ("$.birth_date",)
    finding = assess(eligible(birth_date=None)).finding(GRID)
    assert finding.missing == ("$.birth_date",)
    assert "60 to 72 points" in finding.sentence


def test_arranged_employment_earns_10_and_5_for_adaptability() -> None:
    result = grid(eligible(job_offers=(OFFER,)))
    assert result.factor(GridFactor.ARRANGED_EMPLOYMENT).points == 10
    assert result.factor(GridFactor.ADAPTABILITY).points == 5
    assert result.total == 87


def test_job_offer_points_survive_the_2025_crs_removal() -> None:
    # rules.md §13, P16: the CRS dropped job-offer points on 2025-03-25; the FSW grid did not.
    for on in (date(2025, 3, 24), date(2025, 3, 25)):
        assert (
            grid(eligible(job_offers=(OFFER,)), on).factor(GridFactor.ARRANGED_EMPLOYMENT).points
            == 10
        )


def test_an_undecided_offer_is_a_range() -> None:
    vague = attrs.evolve(OFFER, non_seasonal=None)
    result = grid(eligible(job_offers=(vague,)))
    factor = result.factor(GridFactor.ARRANGED_EMPLOYMENT)
    assert (factor.points, factor.points_at_most) == (0, 10)
    assert "$.job_offers[0].non_seasonal" in result.missing
    failing = grid(eligible(job_offers=(attrs.evolve(OFFER, full_time=False),)))
    assert failing.factor(GridFactor.ARRANGED_EMPLOYMENT).points_at_most == 0


SPOUSE = Spouse(
    canadian_citizen_or_pr=False,
    accompanying=True,
    language_tests=(celpip(5, 5, 5, 5),),
    education=(
        canadian(CredentialLevel.TWO_YEAR, years=2, full_time=True, months_studied_in_canada=16),
    ),
    work_history=history(
        job(CLEANER, start=date(2022, 1, 3), end=date(2023, 12, 31), country="CA", authorized=True)
    ),
)


def married(spouse: Spouse | None = SPOUSE, **changes: Any) -> Candidate:
    changes.setdefault("settlement_funds_cad", 30_000)
    return eligible(marital_status=MaritalStatus.MARRIED, spouse=spouse, **changes)


def _adaptability(candidate: Candidate) -> dict[str, tuple[int, int]]:
    return {
        line.item: (line.points, line.points_at_most)
        for line in grid(candidate).factor(GridFactor.ADAPTABILITY).lines
    }


def _adaptability_sentences(candidate: Candidate) -> dict[str, str]:
    return {
        line.item: line.sentence for line in grid(candidate).factor(GridFactor.ADAPTABILITY).lines
    }


@pytest.mark.parametrize(
    ("spouse", "why"),
    [
        (attrs.evolve(SPOUSE, canadian_citizen_or_pr=True), "is a Canadian citizen or permanent"),
        (attrs.evolve(SPOUSE, accompanying=False), "is not coming to Canada"),
    ],
)
def test_a_spouse_who_does_not_count_is_said_as_the_profile_says(spouse: Spouse, why: str) -> None:
    # Audit helper-68: "is a Canadian citizen or PR, or is not coming", whichever it was.
    sentences = _adaptability_sentences(married(spouse))
    assert sentences["Spouse's language"].startswith(f"The spouse or partner {why}")
    assert sentences["Spouse's language"].endswith("(policy P12). 0 points.")


def test_the_spouses_study_in_canada_is_said_as_the_spouses() -> None:
    sentences = _adaptability_sentences(married())
    assert sentences["Spouse's past study in Canada"] == (
        "The spouse's or partner's credential 1: 2-year program, 16 months of full-time study "
        "in Canada. 5 points."
    )
    assert sentences["Past study in Canada"].startswith("No Canadian program of 2 years")
    without = married(attrs.evolve(SPOUSE, education=()))
    assert _adaptability_sentences(without)["Spouse's past study in Canada"] == (
        "The spouse's or partner's credentials include no Canadian program of 2 years or more "
        "with 16 months of full-time study. 0 points."
    )


def test_adaptability_is_capped_at_10() -> None:
    result = grid(married(relative_in_canada=True))
    items = _adaptability(married(relative_in_canada=True))
    assert items["Spouse's language"] == (5, 5)
    assert items["Spouse's past study in Canada"] == (5, 5)
    assert items["Spouse's past work in Canada"] == (5, 5)  # any occupation (P28)
    assert items["Relatives in Canada"] == (5, 5)
    factor = result.factor(GridFactor.ADAPTABILITY)
    assert factor.points == 10
    assert factor.capped
    assert sum(line.points for line in factor.lines) == 20
    # Every rendering says so: the lines alone add up to 20, not to the factor's 10.
    said = "The lines add up to 20 points; adaptability counts 10 at most."
    assert factor.cap_sentence == said
    assert f"- Adaptability: 10/10. {said}" in result.explain()
    assert f"| 10 | 10 | Adaptability: the factor | {said} |" in result._repr_markdown_()
    assert result.to_dict()["factors"][5]["cap_sentence"] == said
    assert all(not other.cap_sentence for other in result.factors[:5])


@pytest.mark.parametrize(
    "spouse",
    [
        attrs.evolve(SPOUSE, canadian_citizen_or_pr=True),
        attrs.evolve(SPOUSE, accompanying=False),
    ],
)
def test_a_spouse_who_does_not_count_earns_nothing(spouse: Spouse) -> None:
    # P12, P28: only an accompanying spouse who is not a citizen or PR counts.
    items = _adaptability(married(spouse))
    assert items["Spouse's language"] == (0, 0)
    assert items["Spouse's past work in Canada"] == (0, 0)
    line = grid(married(spouse)).factor(GridFactor.ADAPTABILITY).lines[0]
    assert "policy P12" in line.sentence


def test_a_spouse_whose_status_is_unanswered_is_a_range() -> None:
    spouse = attrs.evolve(SPOUSE, accompanying=None)
    result = grid(married(spouse))
    line = result.factor(GridFactor.ADAPTABILITY).lines[0]
    assert (line.points, line.points_at_most) == (0, 5)
    assert line.missing == ("$.spouse.accompanying",)
    undescribed = grid(married(None)).factor(GridFactor.ADAPTABILITY).lines[0]
    assert undescribed.missing == ("$.spouse",)
    status = grid(eligible(marital_status=None, spouse=None))
    assert "$.marital_status" in status.missing


def test_a_spouse_at_exactly_clb_4_in_each_ability_earns_the_5_points() -> None:
    # rules.md §1.7: an accompanying spouse with CLB/NCLC 4 or more in all four abilities.
    exactly_4 = attrs.evolve(SPOUSE, language_tests=(celpip(4, 4, 4, 4),))
    assert _adaptability(married(exactly_4))["Spouse's language"] == (5, 5)


@pytest.mark.parametrize(
    "tests",
    [
        (celpip(10, 10, 10, 3), celpip(4, 4, 4, 4)),
        (celpip(4, 4, 4, 4), celpip(10, 10, 10, 3)),
        (celpip(10, 10, 10, 3), tef((4, 4, 5, 4))),
    ],
    ids=["strong-first", "strong-second", "other-language"],
)
def test_any_valid_test_of_the_spouse_at_clb_4_earns_the_5_points(
    tests: tuple[LanguageTest, ...],
) -> None:
    # IRPR s. 83(1)(a): "either official language", any valid test (audit helper-70). The CRS
    # spouse points read the test with the most of them (P30), CLB 10, 10, 10, 3 here, which
    # is below CLB 4 in speaking: adding a test must never take points away.
    spouse = attrs.evolve(SPOUSE, language_tests=tests)
    assert _adaptability(married(spouse))["Spouse's language"] == (5, 5)
    sentence = _adaptability_sentences(married(spouse))["Spouse's language"]
    assert "at least CLB/NCLC 4 in each ability" in sentence
    assert "L 10" not in sentence  # the test that earns them is named, not the CRS's


def test_spouse_tests_each_below_clb_4_are_named() -> None:
    spouse = attrs.evolve(SPOUSE, language_tests=(celpip(10, 10, 10, 3), celpip(3, 4, 4, 4)))
    assert _adaptability(married(spouse))["Spouse's language"] == (0, 0)
    assert _adaptability_sentences(married(spouse))["Spouse's language"] == (
        "The spouse's tests give CLB L 10, R 10, W 10, S below 4 and CLB L below 4, R 4, W 4, "
        "S 4: each below CLB/NCLC 4 in some ability. 0 points."
    )


def test_spouse_language_below_4_and_without_a_test() -> None:
    weak = attrs.evolve(SPOUSE, language_tests=(celpip(4, 4, 3, 4),))
    assert _adaptability(married(weak))["Spouse's language"] == (0, 0)
    untested = attrs.evolve(SPOUSE, language_tests=())
    assert _adaptability(married(untested))["Spouse's language"] == (0, 0)
    partner_unknown = attrs.evolve(SPOUSE, canadian_citizen_or_pr=None, language_tests=())
    line = grid(married(partner_unknown)).factor(GridFactor.ADAPTABILITY).lines[0]
    assert line.known  # nothing to gain: the unanswered status does not matter
    assert line.missing == ()


def test_spouse_work_unknown_names_the_spouse_paths() -> None:
    spouse = attrs.evolve(
        SPOUSE, work_history=history(job(CLEANER, country="CA", authorized=None))
    )
    path = "$.spouse.work_history[0].authorized"
    # The spouse's language and study already give adaptability its cap of 10: the answer
    # cannot change the total, so the grid does not ask for it (before its lines are read and
    # after). Without the spouse's study, it does.
    for who, missing, points in (
        (spouse, (), 10),
        (attrs.evolve(spouse, education=()), (path,), 5),
    ):
        fresh = grid(married(who))
        assert fresh.missing == missing  # the lines not written yet
        assert fresh.factor(GridFactor.ADAPTABILITY).points == points
        assert fresh.missing == missing  # the lines written
        line = next(line for line in fresh.lines if line.item == "Spouse's past work in Canada")
        assert line.missing == (path,)


@pytest.mark.parametrize(
    ("changes", "points"),
    [
        ({"full_time": True, "months_studied_in_canada": 16}, (5, 5)),
        ({"full_time": True, "months_studied_in_canada": 15}, (0, 0)),
        ({"full_time": False, "months_studied_in_canada": 24}, (0, 0)),
        ({"full_time": None, "months_studied_in_canada": 24}, (0, 5)),
        ({"full_time": True, "months_studied_in_canada": None}, (0, 5)),
    ],
)
def test_own_study_in_canada(changes: dict[str, Any], points: tuple[int, int]) -> None:
    study = (foreign(), canadian(CredentialLevel.TWO_YEAR, years=2, **changes))
    assert _adaptability(eligible(education=study))["Past study in Canada"] == points


def test_study_in_canada_not_answered_is_named_in_words_credential_by_credential() -> None:
    study = (
        foreign(),
        canadian(CredentialLevel.TWO_YEAR, years=None, full_time=True),
        canadian(CredentialLevel.TWO_YEAR, years=2, full_time=None, months_studied_in_canada=20),
    )
    line = next(
        line
        for line in grid(eligible(education=study)).factor(GridFactor.ADAPTABILITY).lines
        if line.item == "Past study in Canada"
    )
    assert line.sentence == (
        "Full-time study in Canada may count; not answered: for credential 2, the length of "
        "the program of study and the months of full-time study in Canada; for credential 3, "
        "whether the program was studied full time. 0 to 5 points."
    )
    assert line.missing == (
        "$.education[1].program_years",
        "$.education[1].months_studied_in_canada",
        "$.education[2].full_time",
    )


def test_study_in_canada_is_open_while_the_credentials_are_not_answered() -> None:
    """Unanswered credentials may hold a Canadian program: 0 to 5 points, not a settled 0
    (the grid's upper total counts them); answered "none", it is 0."""
    line = next(
        line
        for line in grid(eligible(education=None)).factor(GridFactor.ADAPTABILITY).lines
        if line.item == "Past study in Canada"
    )
    assert (line.points, line.points_at_most) == (0, 5)
    assert line.sentence == "The credentials are not answered: 0 to 5 points."
    assert line.missing == ("$.education",)
    assert _adaptability(eligible(education=()))["Past study in Canada"] == (0, 0)


def test_a_one_year_program_is_not_enough_study() -> None:
    study = (
        canadian(CredentialLevel.ONE_YEAR, years=1, full_time=True, months_studied_in_canada=16),
    )
    assert _adaptability(eligible(education=study))["Past study in Canada"] == (0, 0)
    unknown_length = (
        canadian(
            CredentialLevel.TWO_YEAR, years=None, full_time=True, months_studied_in_canada=16
        ),
    )
    assert _adaptability(eligible(education=unknown_length))["Past study in Canada"] == (0, 5)


@pytest.mark.parametrize(
    ("periods", "points"),
    [
        (
            (job(country="CA", authorized=True, start=date(2019, 1, 7), end=date(2020, 12, 31)),),
            (10, 10),
        ),
        ((job(country="CA", authorized=False),), (0, 0)),
        ((job(country="CA", authorized=None),), (0, 10)),
        ((job(CLEANER, country="CA", authorized=True),), (0, 0)),  # own work: skilled only
    ],
)
def test_own_work_in_canada(periods: tuple[WorkPeriod, ...], points: tuple[int, int]) -> None:
    candidate = eligible(work_history=history(job(), *periods))
    assert _adaptability(candidate)["Past work in Canada"] == points


def test_relatives() -> None:
    assert _adaptability(eligible(relative_in_canada=True))["Relatives in Canada"] == (5, 5)
    assert _adaptability(eligible(relative_in_canada=None))["Relatives in Canada"] == (0, 5)
    assert "$.relative_in_canada" in grid(eligible(relative_in_canada=None)).missing


def test_grid_explains_itself_line_by_line() -> None:
    result = grid(eligible())
    text = result.explain()
    assert text.splitlines()[0] == result.describe()
    assert len(text.splitlines()) == len(result.lines) + 1
    assert "- First official language: speaking: 6/6. Speaking is CLB 9: 6 points." in text
    assert all(line.citation.url.startswith("http") for line in result.lines)
    assert all(line.points <= line.points_at_most <= line.maximum for line in result.lines)


def test_a_grid_is_the_same_whether_its_lines_were_read_or_not() -> None:
    import pickle

    candidate = eligible(relative_in_canada=None)
    read, unread = grid(candidate), grid(candidate)
    assert read.lines  # builds the lines of one of the two
    assert read == unread
    assert read.missing == unread.missing == ("$.relative_in_canada",)
    assert repr(read) == repr(unread)
    assert "Relatives in Canada" in repr(unread)
    copied = pickle.loads(pickle.dumps(grid(candidate)))
    assert copied == read
    assert copied.explain() == read.explain()


def test_steps() -> None:
    assert Steps(((5, 4),)).maximum == 4


# -- effective dates: the day before and the day of ----------------------------------------


@pytest.mark.parametrize("change", SKILLED_OCCUPATIONS.change_dates[1:])
def test_noc_switch(change: date) -> None:
    # A NOC 2016 skill level C job (truck driver) became TEER 3 on 2022-11-16.
    candidate = eligible(
        primary_occupation=NocCode(TRUCK_DRIVER_2016),
        work_history=history(job(TRUCK_DRIVER_2016, start=date(2015, 1, 5))),
        language_tests=(celpip(taken=date(2022, 1, 1)),),
        education=(canadian(),),
    )
    before = assess(candidate, change - timedelta(days=1))
    on = assess(candidate, change)
    assert before.finding(SKILLED).outcome is Outcome.NOT_MET
    assert before.finding(YEAR).outcome is Outcome.NOT_MET
    assert on.finding(SKILLED).outcome is Outcome.MET
    assert on.finding(YEAR).outcome is Outcome.MET


@pytest.mark.parametrize("change", SETTLEMENT_FUNDS.change_dates)
def test_funds_tables(change: date) -> None:
    # Exactly the old table's amount for a single person: enough the day before, not on the day.
    before = change - timedelta(days=1)
    amount = SETTLEMENT_FUNDS.at(change).by_family_size[0]
    candidate = eligible(
        settlement_funds_cad=amount - 1,
        language_tests=(celpip(taken=before - timedelta(days=30)),),
    )
    on_day = assess(candidate, change).finding(FUNDS)
    assert on_day.outcome is Outcome.NOT_MET
    assert f"from {change.isoformat()}" in on_day.sentence
    previous = assess(candidate, before).finding(FUNDS)
    if change == SETTLEMENT_FUNDS.change_dates[0]:
        assert previous.outcome is Outcome.UNKNOWN  # no table before 2020-01-01 (P31)
        assert previous.policy == "P31"
    else:
        assert previous.outcome is Outcome.MET


@pytest.mark.parametrize("change", ACCEPTED_TESTS.change_dates[1:])
def test_pte_core_is_accepted_from_2024_01_30(change: date) -> None:
    def pte(taken: date) -> LanguageTest:
        return LanguageTest(
            kind=TestKind.PTE_CORE,
            test_date=taken,
            scores=AbilityScores(listening=90, reading=90, writing=90, speaking=90),
        )

    before = change - timedelta(days=1)
    early = assess(eligible(language_tests=(pte(before),)), before)
    assert early.finding(LANGUAGE).outcome is Outcome.NOT_MET  # given, and never accepted
    assert "PTE Core" in early.finding(LANGUAGE).sentence
    on_day = assess(eligible(language_tests=(pte(change),)), change)
    assert on_day.finding(LANGUAGE).outcome is Outcome.MET
    assert on_day.outcome is VerdictOutcome.ELIGIBLE


@pytest.mark.parametrize("change", OFFER_DURATION.change_dates[1:])
def test_job_offer_duration_rule(change: date) -> None:
    candidate = eligible(job_offers=(OFFER,), language_tests=(celpip(taken=date(2016, 1, 4)),))
    before = grid(candidate, change - timedelta(days=1))
    factor = before.factor(GridFactor.ARRANGED_EMPLOYMENT)
    assert (factor.points, factor.points_at_most) == (0, 10)
    assert grid(candidate, change).factor(GridFactor.ARRANGED_EMPLOYMENT).points == 10


def test_verdict_from_the_first_day_of_express_entry() -> None:
    candidate = eligible(
        language_tests=(celpip(taken=date(2014, 6, 1)),),
        work_history=history(job(start=date(2010, 1, 4), end=date(2014, 12, 31))),
        education=(canadian(completed=date(2009, 6, 1)),),
    )
    verdict = assess(candidate, date(2015, 1, 1))
    assert verdict.finding(FUNDS).outcome is Outcome.UNKNOWN
    assert verdict.outcome is VerdictOutcome.UNDETERMINED
    assert verdict.missing_facts == ()  # only the funds table is missing, not a fact


# -- properties ------------------------------------------------------------------------------

DATES = st.dates(date(2015, 1, 1), date(2027, 12, 31))
DECLARED = {rule.rule_id for rule in FSW.rules}


@given(candidate=candidates(), on=DATES)
def test_never_raises_and_every_finding_is_declared(candidate: Candidate, on: date) -> None:
    facts = derive(candidate, on=on)
    verdict = FSW.assess(facts)
    assert [finding.rule_id for finding in verdict.findings] == [r.rule_id for r in FSW.rules]
    for finding in verdict.findings:
        assert finding.rule_id in DECLARED
        assert finding.citation.url.startswith("http")
        assert finding.sentence
        assert bool(finding.missing) <= (finding.outcome is Outcome.UNKNOWN)
        assert all(path.startswith("$.") for path in finding.missing)
    result = fsw_grid(facts)
    assert 0 <= result.total <= result.total_at_most <= 100
    assert (
        verdict.finding(GRID).outcome
        is {
            True: Outcome.MET,
            False: Outcome.NOT_MET,
            None: Outcome.UNKNOWN,
        }[result.passes]
    )


_RANK = {
    VerdictOutcome.NOT_ELIGIBLE: 0,
    VerdictOutcome.UNDETERMINED: 1,
    VerdictOutcome.ELIGIBLE: 2,
}


# (step, top) of the English scales, whose scores are the same on every date.
_RAISE = {
    TestKind.CELPIP_GENERAL: (1, 12),
    TestKind.IELTS_GENERAL_TRAINING: (0.5, 9),
    TestKind.PTE_CORE: (5, 90),
}


def _raised(test: LanguageTest, by: int) -> LanguageTest:
    if test.kind not in _RAISE:
        return test
    step, top = _RAISE[test.kind]
    scores = test.scores
    return attrs.evolve(
        test,
        scores=AbilityScores(
            listening=min(top, scores.listening + step * by),
            reading=min(top, scores.reading + step * by),
            writing=min(top, scores.writing + step * by),
            speaking=min(top, scores.speaking + step * by),
        ),
    )


@given(candidate=candidates(), first=language_tests(), on=DATES, by=st.integers(1, 6))
def test_a_higher_language_score_never_hurts(
    candidate: Candidate, first: LanguageTest, on: date, by: int
) -> None:
    # The test is drawn on its own: filtering for candidates with one discarded too many.
    raised = attrs.evolve(
        candidate,
        first_official_language=None,
        language_tests=(_raised(first, by),),
    )
    lower = attrs.evolve(candidate, first_official_language=None, language_tests=(first,))
    assert _RANK[assess(raised, on).outcome] >= _RANK[assess(lower, on).outcome]


@given(candidate=candidates(), on=DATES, extra=st.integers(1, 100_000))
def test_more_funds_never_hurt(candidate: Candidate, on: date, extra: int) -> None:
    more = attrs.evolve(
        candidate, settlement_funds_cad=(candidate.settlement_funds_cad or 0) + extra
    )
    base = attrs.evolve(candidate, settlement_funds_cad=candidate.settlement_funds_cad or 0)
    assert _RANK[assess(more, on).outcome] >= _RANK[assess(base, on).outcome]


@given(candidate=candidates(), on=DATES, months=st.integers(1, 48))
def test_more_qualifying_experience_never_hurts(
    candidate: Candidate, on: date, months: int
) -> None:
    # A full-time paid period abroad in the occupation the program already measures (the stated
    # primary occupation, or the one chosen for it), else a skilled one. A history not answered
    # is compared as an empty one: answering it is not adding experience.
    candidate = attrs.evolve(candidate, work_history=candidate.work_history or WorkHistory())
    verdict = assess(candidate, on)
    measured = verdict.finding(SKILLED).facts.get("primary_occupation")
    added = job(
        str(measured) if measured is not None else SOFTWARE,
        start=on - timedelta(days=30 * months),
        end=on,
    )
    more = attrs.evolve(
        candidate,
        work_history=WorkHistory(periods=(*candidate.work_history.periods, added)),
    )
    assert _RANK[assess(more, on).outcome] >= _RANK[verdict.outcome]


@given(on=st.dates(date(2026, 3, 1), date(2027, 12, 31)), months=st.integers(1, 120))
def test_more_experience_keeps_an_eligible_candidate_eligible(on: date, months: int) -> None:
    start = max(date(2016, 1, 4), on - timedelta(days=30 * months))
    more = eligible(work_history=history(job(), job(start=start, end=on, hours_per_week=20)))
    assert assess(more, on).outcome is VerdictOutcome.ELIGIBLE


# -- stories ---------------------------------------------------------------------------------


def test_story_a_cook_in_toronto_with_two_years_and_a_certificate() -> None:
    """Mei, 29, cooked for two years in a Toronto restaurant on an open work permit after a
    one-year Canadian culinary certificate. CELPIP 8 all round, $16,000 saved, single."""
    cook = job(COOK, start=date(2024, 9, 2), end=None, country="CA", authorized=True)
    candidate = eligible(
        birth_date=date(1997, 3, 3),
        work_authorization=WorkAuthorization.OPEN_WORK_PERMIT,
        primary_occupation=NocCode(COOK),
        work_history=history(cook),
        education=(
            canadian(
                CredentialLevel.ONE_YEAR,
                years=1,
                completed=date(2024, 8, 1),
                full_time=True,
                months_studied_in_canada=10,
            ),
        ),
        language_tests=(celpip(8, 8, 8, 8),),
        settlement_funds_cad=16_000,
    )
    verdict = assess(candidate)
    result = grid(candidate)
    # Language 20, education 15, experience 11, age 12, adaptability 10 (work in Canada) = 68.
    assert result.total == 68
    assert verdict.outcome is VerdictOutcome.ELIGIBLE


def test_story_a_nurse_whose_only_canadian_year_was_while_studying() -> None:
    """Ana, 34, a registered nurse from the Philippines (six years there until 2022), worked
    a year in a Vancouver hospital while a full-time student. Her year abroad qualifies the
    FSW; her Canadian year still counts for FSW adaptability (P27, P28)."""
    abroad = job("31301", start=date(2016, 6, 1), end=date(2022, 5, 31), country="PH")
    student_year = job(
        "31301",
        start=date(2023, 9, 4),
        end=date(2024, 9, 1),
        country="CA",
        authorized=True,
        full_time_student=True,
    )
    candidate = eligible(
        birth_date=date(1992, 8, 8),
        primary_occupation=NocCode("31301"),
        work_history=history(abroad, student_year),
        education=(foreign(),),
        language_tests=(celpip(9, 8, 8, 8),),
    )
    verdict = assess(candidate)
    assert verdict.outcome is VerdictOutcome.ELIGIBLE
    items = _adaptability(candidate)
    assert items["Past work in Canada"] == (10, 10)
    # Language 21, education 21, experience 15 (7 years), age 12, adaptability 10.
    assert grid(candidate).total == 79


def test_story_a_couple_short_of_the_2025_funds() -> None:
    """Raj and Priya, with one child, saved $23,000 in early 2025: enough under the 2024 table
    ($22,483 for three), not from 2025-07-07 ($23,360)."""
    candidate = married(
        dependent_children=1,
        settlement_funds_cad=23_000,
        spouse=attrs.evolve(SPOUSE, language_tests=(), education=(), work_history=history()),
    )
    assert assess(candidate, date(2025, 7, 6)).finding(FUNDS).outcome is Outcome.MET
    after = assess(candidate, date(2025, 7, 7))
    assert after.outcome is VerdictOutcome.NOT_ELIGIBLE
    assert after.finding(FUNDS).sentence.startswith(
        "Funds of $23,000 for a family of 3; $23,360 needed (the table in force from 2025-07-07)."
    )


def test_story_a_quebec_bound_engineer() -> None:
    """Luc, an engineer with a master's and NCLC 10, plans to live in Montreal: Quebec selects
    its own skilled workers, so the FSW is out whatever his points (P18)."""
    candidate = eligible(
        intended_province=Province.QC,
        language_tests=(tef(10),),
        education=(canadian(CredentialLevel.MASTERS_OR_PROFESSIONAL, years=2),),
    )
    verdict = assess(candidate)
    assert verdict.outcome is VerdictOutcome.NOT_ELIGIBLE
    assert verdict.with_outcome(Outcome.NOT_MET) == (verdict.finding(RESIDENCE),)
    assert grid(candidate).total >= 67


def test_story_a_manager_with_a_job_offer_and_no_savings() -> None:
    """Omar, 44, manages a Calgary plant on an LMIA-exempt (CUSMA) permit and has worked for
    the company full time for two years; it offers him a permanent job. He needs no funds
    (P17), and his offer lifts a grid that age alone would sink."""
    offer = JobOffer(
        noc=NocCode("90010"),
        full_time=True,
        non_seasonal=True,
        at_least_one_year=True,
        lmia=LmiaStatus.EXEMPT,
        currently_working_for_employer=True,
        year_of_full_time_work_with_employer=True,
    )
    manager = job("90010", start=date(2024, 1, 8), end=None, country="CA", authorized=True)
    candidate = eligible(
        birth_date=date(1982, 6, 1),
        work_authorization=WorkAuthorization.LMIA_EXEMPT_WORK_PERMIT,
        primary_occupation=NocCode("90010"),
        work_history=history(
            job("90010", start=date(2016, 12, 5), end=date(2023, 12, 29)), manager
        ),
        job_offers=(offer,),
        settlement_funds_cad=0,
        language_tests=(celpip(7, 7, 7, 7),),
    )
    verdict = assess(candidate)
    assert verdict.finding(FUNDS).outcome is Outcome.NOT_APPLICABLE
    assert verdict.finding(FUNDS).policy == "P17"
    result = grid(candidate)
    # Language 16, education 21, experience 15, age 3, arranged employment 10, adaptability 10.
    assert result.total == 75
    assert verdict.outcome is VerdictOutcome.ELIGIBLE


def test_story_an_undecided_profile_names_what_is_missing() -> None:
    """Sofia started her profile: no birth date, no province, no funds yet."""
    candidate = eligible(birth_date=None, intended_province=None, settlement_funds_cad=None)
    verdict = assess(candidate)
    assert verdict.outcome is VerdictOutcome.UNDETERMINED
    assert verdict.missing_facts == (
        "$.intended_province",
        "$.settlement_funds_cad",
        "$.birth_date",
    )


def test_the_occupation_is_named_with_its_title() -> None:
    # Found by an independent probe: explanations gave a NOC code without its title.
    sentence = assess(eligible()).finding(SKILLED).sentence
    assert sentence.startswith("NOC 21231 (Software engineers and designers), the stated")
    cook = assess(eligible(primary_occupation=NocCode(COOK))).finding(SKILLED).sentence
    assert f"NOC {COOK} ({NocCode(COOK).title})" in cook


def test_the_work_lines_give_the_figure_once_without_the_query_s_name() -> None:
    """The line is titled with the experience it counts: its sentence starts with the work,
    not "Federal Skilled Worker: selection grid, work experience: ..."."""
    sentences = {line.item: line.sentence for line in grid(married()).lines}
    assert sentences["Work experience"] == (
        "Skilled work: 9,372.86 hours (6 years) from 2016-11-29 to 2026-11-29. 15 points."
    )
    assert sentences["Past work in Canada"] == (
        "Work in Canada: 0 hours (0 years) up to 2026-11-29. 0 points."
    )
    assert sentences["Spouse's past work in Canada"] == (
        "The spouse's or partner's work in Canada: 3,120 hours (2 years) up to 2026-11-29. "
        "5 points."
    )


def test_a_spouse_status_not_answered_names_the_two_facts_that_decide_it() -> None:
    undecided = married(attrs.evolve(SPOUSE, accompanying=None))
    line = next(line for line in grid(undecided).lines if line.item == "Spouse's language")
    assert (line.points, line.points_at_most) == (0, 5)
    assert line.sentence.startswith(
        "Whether the spouse or partner is a Canadian citizen or permanent resident, or is coming "
        "to Canada, is not answered (policy P12). "
    )
    assert line.missing == ("$.spouse.accompanying",)


def test_a_brother_or_sister_in_canada_is_a_relative_in_canada() -> None:
    """The CRS's sibling (18 or over, a citizen or PR, living in Canada) is one of the FSW's
    relatives: answered for the CRS, it settles the FSW item."""
    line = next(
        line
        for line in grid(eligible(relative_in_canada=None, sibling_in_canada=True)).lines
        if line.item == "Relatives in Canada"
    )
    assert (line.points, line.points_at_most, line.missing) == (5, 5, ())
    assert line.sentence == "A brother or sister who is a citizen or PR lives in Canada: 5 points."
    assert _adaptability(eligible(relative_in_canada=None, sibling_in_canada=False))[
        "Relatives in Canada"
    ] == (0, 5)


def test_a_spouse_item_does_not_presume_a_spouse_when_the_marital_status_is_not_answered() -> None:
    unknown = {
        line.item: line.sentence
        for line in grid(eligible(marital_status=None, spouse=None)).lines
        if line.item.startswith("Spouse's")
    }
    assert set(unknown.values()) == {"The marital status is not answered. 0 to 5 points."}
    undescribed = {
        line.item: line.sentence
        for line in grid(married(spouse=None)).lines
        if line.item.startswith("Spouse's")
    }
    assert set(undescribed.values()) == {"The spouse or partner is not described. 0 to 5 points."}


# -- a NOC 2016 code that NOC 2021 splits -------------------------------------------------------


def test_a_year_under_a_split_code_is_a_qualifying_year_in_an_occupation_not_yet_known() -> None:
    # NOC 2016 2173 is 21211 or 21231 on 2026-11-29, both TEER 1: six years under it are a
    # continuous year in one skilled occupation whichever code it is (before, both findings
    # were unknown, naming the period's code).
    candidate = eligible(work_history=WorkHistory(periods=(job("2173"),)), primary_occupation=None)
    verdict = assess(candidate)
    skilled, year = verdict.finding(SKILLED), verdict.finding(YEAR)
    assert (skilled.outcome, year.outcome) == (Outcome.MET, Outcome.MET)
    assert skilled.sentence == (
        "No primary occupation is given; the continuous year is in one occupation, whichever "
        "NOC 2021 code the NOC 2016 code of its work turns out to be, and each of those codes "
        "is a skilled occupation on 2026-11-29."
    )
    assert year.sentence.startswith(
        "In one occupation, whichever NOC 2021 code the NOC 2016 code of its work turns out to "
        "be (no primary occupation is given), 9,372.86 hours of paid skilled work since "
        "2016-11-29 count; the longest continuous run is 9,372.86 hours (2020-01-06 to "
        "2025-12-31);"
    )
    assert verdict.outcome is VerdictOutcome.ELIGIBLE


@pytest.mark.parametrize(
    ("periods", "primary"),
    [
        # Named, the primary occupation may be the other code of the period's.
        ((job("2173"),), NocCode(SOFTWARE)),
        # 6331 is 63201 (TEER 3) or 65202 (TEER 5, not skilled): the year may not count.
        ((job("6331"),), None),
        # Two periods under 2173 may be two occupations: 8 months each, no certain year.
        (
            (
                job("2173", start=date(2024, 1, 1), end=date(2024, 8, 31)),
                job("2173", start=date(2024, 9, 1), end=date(2025, 4, 30)),
            ),
            None,
        ),
    ],
)
def test_a_split_code_leaves_the_year_open_when_it_may_not_count(
    periods: tuple[WorkPeriod, ...], primary: NocCode | None
) -> None:
    candidate = eligible(work_history=WorkHistory(periods=periods), primary_occupation=primary)
    year = assess(candidate).finding(YEAR)
    assert year.outcome is Outcome.UNKNOWN
    assert "$.work_history[0].noc" in year.missing


_AGED_46: dict[str, object] = {
    "schema_version": 1,
    "birth_date": "1980-01-01",
    "marital_status": "never_married",
    "language_tests": [],
    "education": [],
    "work_history": [],
    "job_offers": [],
    "relative_in_canada": False,
}


def test_one_grid_point_is_said_in_the_singular() -> None:
    # Audit helper-73: "The selection grid gives 1 points".
    result = grid(from_dict(_AGED_46))
    assert (result.total, result.total_at_most) == (1, 1)
    assert result.describe().startswith("The selection grid gives 1 point (")


def test_an_age_without_points_says_which_ages_earn_them() -> None:
    line = grid(from_dict(_AGED_46 | {"birth_date": "1979-01-01"})).factor(GridFactor.AGE).lines[0]
    assert line.points == 0
    assert line.sentence == "Age 47 on 2026-11-29: 0 points (points from age 18 to 46)."
    assert AGE_POINTS.at(ON).last_age == 46


def test_a_primary_occupation_the_noc_in_force_splits_is_asked_in_that_version() -> None:
    # Audit helper-73: on a NOC 2016 date, 11100 is 1111 or 1114. A job under 11100 is in the
    # occupation 11100 whichever it is; a job under 1111 is in it only if the occupation is
    # 1111, which the primary occupation, given in NOC 2016, settles.
    examples = Path(__file__).resolve().parents[2] / "examples"
    profile = json.loads((examples / "french-speaking-couple.json").read_text(encoding="utf-8"))
    on = date(2020, 11, 1)
    assert profile["primary_occupation"] == profile["work_history"][0]["noc"] == "11100"

    def year(changes: dict[str, Any], job_noc: str) -> Any:
        changed = json.loads(json.dumps(profile)) | changes
        changed["work_history"][0]["noc"] = job_noc
        verdict = FSW.assess(derive(from_dict(changed), on=on))
        return verdict.finding("fsw.experience.continuous_year")

    assert year({}, "11100").outcome is Outcome.MET
    open_ = year({}, "1111")
    assert open_.outcome is Outcome.UNKNOWN
    assert open_.missing[0] == "$.primary_occupation"
    assert open_.sentence.endswith(
        "The primary occupation, NOC 11100, is NOC 1111 or 1114 in the NOC version in force: "
        "give it in that version."
    )
    assert year({"primary_occupation": "1111"}, "1111").outcome is Outcome.MET
