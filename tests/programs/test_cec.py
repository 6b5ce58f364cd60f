"""The Canadian Experience Class (IRPR s. 87.1; rules.md §3; policies P7, P8, P11, P18, P33)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.experience import Reason
from expressentry.facts import derive
from expressentry.language import ACCEPTED_TESTS, TestKind
from expressentry.model import (
    AbilityScores,
    Candidate,
    LanguageTest,
    NocCode,
    Province,
    WorkHistory,
    WorkPeriod,
)
from expressentry.noc import (
    NOC_VERSION_IN_FORCE,
    SKILLED_OCCUPATIONS,
    NocVersion,
    unit_groups,
    version_in_force,
)
from expressentry.programs.cec import CEC, CEC_LANGUAGE_MINIMUMS, CecLanguageMinimums
from expressentry.serialization import from_dict
from expressentry.strategies import candidates
from expressentry.verdict import Outcome, Verdict, VerdictOutcome

ON = date(2026, 11, 29)
YEAR = (date(2025, 1, 1), date(2025, 12, 30))  # 364 days: 1,560 hours at 30 h/week
HALF_YEAR = (date(2024, 1, 1), date(2024, 6, 30))  # 182 days: 780 hours at 30 h/week
LATER_HALF_YEAR = (date(2025, 1, 1), date(2025, 7, 1))  # 182 days
SOFTWARE = "21231"  # TEER 1: CLB 7
NURSE_AIDE = "33102"  # TEER 3: CLB 5
EXPERIENCE = "cec.experience.canadian_year"
LANGUAGE = "cec.language.minimum"
RESIDENCE = "cec.residence.outside_quebec"


def job(noc: str | None = SOFTWARE, span: tuple[date, date] = YEAR, **facts: Any) -> WorkPeriod:
    """Paid, authorized, full-time work in Canada, not self-employed, not while studying."""
    fields: dict[str, Any] = {
        "country": "CA",
        "hours_per_week": 30,
        "paid": True,
        "self_employed": False,
        "full_time_student": False,
        "authorized": True,
        **facts,
    }
    return WorkPeriod(
        noc=None if noc is None else NocCode(noc), start=span[0], end=span[1], **fields
    )


def celpip(level: int = 9, taken: date = date(2026, 1, 10), **abilities: int) -> LanguageTest:
    """A CELPIP-General test: its scores are the CLB levels."""
    scores = dict.fromkeys(("listening", "reading", "writing", "speaking"), level)
    return LanguageTest(
        kind=TestKind.CELPIP_GENERAL,
        test_date=taken,
        scores=AbilityScores(**(scores | abilities)),
    )


def candidate(
    *work: WorkPeriod,
    tests: tuple[LanguageTest, ...] | None = (celpip(),),
    province: Province | None = Province.ON,
    **facts: Any,
) -> Candidate:
    return Candidate(
        intended_province=province,
        language_tests=tests,
        work_history=WorkHistory(periods=work),
        **facts,
    )


def assess(who: Candidate, on: date = ON) -> Verdict:
    return CEC.assess(derive(who, on=on))


# -- the program ---------------------------------------------------------------------------


def test_the_program_declares_its_code_name_and_rules():
    assert (CEC.code, CEC.name, repr(CEC)) == ("CEC", "Canadian Experience Class", "CEC")
    assert [rule.rule_id for rule in CEC.rules] == [EXPERIENCE, LANGUAGE, RESIDENCE]
    assert [rule.policy for rule in CEC.rules] == ["P11", "P7", "P18"]


def test_a_year_of_skilled_canadian_work_at_clb_7_is_eligible():
    verdict = assess(candidate(job()))
    assert verdict.outcome is VerdictOutcome.ELIGIBLE
    assert [f.outcome for f in verdict.findings] == [Outcome.MET] * 3
    finding = verdict.finding(EXPERIENCE)
    assert finding.facts["hours_at_least"] == 1560
    assert finding.facts["window_start"] == "2023-11-29"
    assert "1,560 hours of paid, authorized, skilled work in Canada" in finding.sentence


# -- cec.experience.canadian_year ------------------------------------------------------------


def test_one_day_short_of_a_year_is_not_met():
    short = job(span=(YEAR[0], YEAR[1] - timedelta(days=1)))
    finding = assess(candidate(short)).finding(EXPERIENCE)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.facts["hours_at_least"] == pytest.approx(1555.71, abs=0.01)


def test_a_shortfall_either_way_gives_both_bounds_of_the_hours():
    # 780 hours certain, 100 days more whose pay is not answered: 1,208.57 at most, short.
    unpaid_or_not = job(span=(date(2025, 1, 1), date(2025, 4, 10)), paid=None)
    finding = assess(candidate(job(span=HALF_YEAR), unpaid_or_not)).finding(EXPERIENCE)
    assert finding.outcome is Outcome.NOT_MET
    assert (finding.facts["hours_at_least"], finding.facts["hours_at_most"]) == (780, 1208.57)
    assert finding.sentence.startswith(
        "Between 780 and 1,208.57 hours of paid, authorized, skilled work in Canada from "
        "2023-11-29 to 2026-11-29 count (no self-employment, none while a full-time student), "
        "depending on facts not answered, which do not change the outcome; the CEC needs 1,560 "
        "(one year)"
    )


def test_a_year_at_29_995_hours_a_week_falls_short_of_1560_hours():
    """Hours a week written to the thousandth count as written: 1,559.74 hours, not 1,560."""
    finding = assess(candidate(job(hours_per_week=29.995))).finding(EXPERIENCE)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.facts["hours_at_least"] == 1559.74
    assert "1,559.74 hours" in finding.sentence


@pytest.mark.parametrize(
    ("facts", "reason"),
    [
        ({"self_employed": True}, "it was self-employment"),
        ({"full_time_student": True}, "it was done while a full-time student"),
        ({"authorized": False}, "it was not authorized"),
        ({"paid": False}, "it was unpaid"),
        ({"country": "IN"}, "it was outside Canada"),
    ],
)
def test_work_the_cec_leaves_out_is_named(facts, reason):
    verdict = assess(candidate(job(**facts)))
    finding = verdict.finding(EXPERIENCE)
    assert verdict.outcome is VerdictOutcome.NOT_ELIGIBLE
    assert finding.outcome is Outcome.NOT_MET
    assert f"Left out: period 1 ({reason})." in finding.sentence


def test_work_older_than_three_years_does_not_count():
    old = job(span=(date(2022, 1, 1), date(2022, 12, 30)))
    finding = assess(candidate(old)).finding(EXPERIENCE)
    assert finding.outcome is Outcome.NOT_MET
    assert "outside the window" in finding.sentence


def test_unskilled_work_does_not_count():
    cashier = job("65100")  # TEER 5
    assert assess(candidate(cashier)).finding(EXPERIENCE).outcome is Outcome.NOT_MET


def test_an_unanswered_authorization_leaves_the_year_unknown_and_names_the_fact():
    verdict = assess(candidate(job(), job(span=HALF_YEAR, authorized=None)))
    finding = verdict.finding(EXPERIENCE)
    assert finding.outcome is Outcome.MET  # the first year alone decides it
    verdict = assess(candidate(job(span=HALF_YEAR), job(authorized=None)))
    finding = verdict.finding(EXPERIENCE)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.work_history[1].authorized",)
    assert verdict.outcome is VerdictOutcome.UNDETERMINED
    assert verdict.missing_facts == ("$.work_history[1].authorized",)
    assert "Between 780 and 2,340 hours" in finding.sentence


def test_a_code_to_give_again_in_the_version_in_force_is_not_called_unanswered():
    # Audit helper-73: NOC 2021 22311 on a NOC 2016 date matches 2016 codes of more than one
    # skill level; the code was given, so the finding says to give it again, not "not answered".
    on = date(2017, 7, 1)
    recoded = assess(candidate(job("22311", (date(2015, 1, 1), date(2017, 6, 30)))), on=on)
    finding = recoded.finding(EXPERIENCE)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.work_history[0].noc",)
    assert "depending on NOC codes to give again in the NOC version in force;" in finding.sentence
    both = assess(
        candidate(
            job("22311", (date(2015, 1, 1), date(2015, 12, 31))),
            job(SOFTWARE, (date(2016, 1, 1), date(2016, 6, 30)), authorized=None),
        ),
        on=on,
    ).finding(EXPERIENCE)
    assert both.outcome is Outcome.UNKNOWN
    assert "depending on facts not answered and NOC codes to give again" in both.sentence


def test_occupations_add_up():
    verdict = assess(candidate(job(SOFTWARE, HALF_YEAR), job("21211", LATER_HALF_YEAR)))
    assert verdict.finding(EXPERIENCE).outcome is Outcome.MET


# -- cec.language.minimum (P7, P33) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("noc", "level", "outcome"),
    [
        (SOFTWARE, 7, Outcome.MET),
        (SOFTWARE, 6, Outcome.NOT_MET),
        ("00012", 7, Outcome.MET),  # TEER 0
        ("00012", 6, Outcome.NOT_MET),
        ("72200", 5, Outcome.MET),  # TEER 2
        (NURSE_AIDE, 5, Outcome.MET),  # TEER 3
        (NURSE_AIDE, 4, Outcome.NOT_MET),
    ],
)
def test_the_minimum_depends_on_the_teer(noc, level, outcome):
    finding = assess(candidate(job(noc), tests=(celpip(level),))).finding(LANGUAGE)
    assert finding.outcome is outcome
    assert finding.policy == "P7"


def test_one_ability_below_the_minimum_is_named():
    finding = assess(candidate(job(), tests=(celpip(9, reading=6),))).finding(LANGUAGE)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.facts["reading"] == 6
    assert "The lowest ability is CLB 6" in finding.sentence
    assert "0 hours, short of the 1,560 needed" in finding.sentence


def test_below_the_lowest_minimum_fails_whatever_the_work():
    finding = assess(candidate(tests=(celpip(4),))).finding(LANGUAGE)
    assert finding.outcome is Outcome.NOT_MET
    assert "the CEC needs at least CLB 5 in each ability" in finding.sentence


def test_a_valid_test_at_the_lowest_minimum_is_named_when_p6_chose_another():
    tests = (celpip(10, speaking=4), celpip(5, taken=date(2026, 2, 1)))
    finding = assess(candidate(job(), tests=tests)).finding(LANGUAGE)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.policy == "P6"
    assert finding.sentence.endswith(
        "The CELPIP-General taken on 2026-02-01 (language test 2) also counts and gives CLB L "
        "5, R 5, W 5, S 5, which reaches CLB 5 in each ability; the test with the most CRS "
        "points is the one used (policy P6)."
    )
    alone = assess(candidate(job(), tests=(celpip(10, speaking=4), celpip(4)))).finding(LANGUAGE)
    assert "policy P6" not in alone.sentence


def test_without_a_valid_test_the_language_is_unknown():
    verdict = assess(candidate(job(), tests=None))
    finding = verdict.finding(LANGUAGE)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.language_tests",)
    assert verdict.outcome is VerdictOutcome.UNDETERMINED


def test_with_no_test_taken_the_language_is_not_met():
    verdict = assess(candidate(job(), tests=()))
    finding = verdict.finding(LANGUAGE)
    assert (finding.outcome, finding.missing) == (Outcome.NOT_MET, ())
    assert verdict.outcome is VerdictOutcome.NOT_ELIGIBLE


def test_an_expired_test_says_why_it_does_not_count():
    expired = celpip(9, taken=date(2024, 1, 10))
    finding = assess(candidate(job(), tests=(expired,))).finding(LANGUAGE)
    # An expired test counts for nothing (P4): an answer, not a fact left out.
    assert finding.outcome is Outcome.NOT_MET
    assert finding.missing == ()
    assert finding.policy == "P4"
    assert "expire" in finding.sentence


def test_a_french_test_is_read_in_nclc():
    tcf = LanguageTest(
        kind=TestKind.TCF_CANADA,
        test_date=date(2026, 1, 10),
        scores=AbilityScores(listening=410, reading=410, writing=7, speaking=7),
    )
    finding = assess(candidate(job(), tests=(tcf,))).finding(LANGUAGE)
    assert finding.outcome is Outcome.NOT_MET
    assert "NCLC 6" in finding.sentence


class TestMixedTeers:
    """Policy P7: TEER 0/1 hours count only at CLB 7; TEER 2/3 hours at CLB 5."""

    def test_a_teer_3_year_suffices_at_clb_6_whatever_the_teer_1_work(self):
        work = (job(SOFTWARE, HALF_YEAR), job(NURSE_AIDE))
        finding = assess(candidate(*work, tests=(celpip(6),))).finding(LANGUAGE)
        assert finding.outcome is Outcome.MET
        assert finding.facts["hours_counted_at_least"] == 1560
        assert "policy P7" in finding.sentence

    def test_half_a_year_of_teer_3_is_not_enough_at_clb_6(self):
        work = (job(SOFTWARE), job(NURSE_AIDE, HALF_YEAR))
        verdict = assess(candidate(*work, tests=(celpip(6),)))
        assert verdict.finding(EXPERIENCE).outcome is Outcome.MET
        finding = verdict.finding(LANGUAGE)
        assert finding.outcome is Outcome.NOT_MET
        assert finding.facts["hours_counted_at_most"] == 780
        assert verdict.outcome is VerdictOutcome.NOT_ELIGIBLE

    def test_at_clb_7_every_hour_counts(self):
        work = (job(SOFTWARE, HALF_YEAR), job(NURSE_AIDE, LATER_HALF_YEAR))
        assert assess(candidate(*work, tests=(celpip(7),))).eligible

    def test_simultaneous_teer_3_jobs_are_capped_at_30_hours_a_week(self):
        # Two 20-hour jobs for 39 weeks give 1,170 hours, not 1,560 (policy P9).
        span = (date(2025, 1, 1), date(2025, 9, 30))
        work = (
            job(SOFTWARE),
            job(NURSE_AIDE, span, hours_per_week=20),
            job("33101", span, hours_per_week=20),
        )
        finding = assess(candidate(*work, tests=(celpip(6),))).finding(LANGUAGE)
        assert finding.outcome is Outcome.NOT_MET
        assert finding.facts["hours_counted_at_most"] == 1170

    def test_an_unanswered_fact_of_the_teer_3_work_is_named_by_its_own_index(self):
        work = (job(SOFTWARE), job(NURSE_AIDE, paid=None))
        verdict = assess(candidate(*work, tests=(celpip(6),)))
        finding = verdict.finding(LANGUAGE)
        assert finding.outcome is Outcome.UNKNOWN
        assert finding.missing == ("$.work_history[1].paid",)
        assert "between 0 and 1,560 hours" in finding.sentence

    def test_work_without_a_code_may_count(self):
        work = (job(SOFTWARE), job(None))
        finding = assess(candidate(*work, tests=(celpip(6),))).finding(LANGUAGE)
        assert finding.outcome is Outcome.UNKNOWN
        assert finding.missing == ("$.work_history[1].noc",)

    def test_a_noc_2016_code_whose_teers_disagree_asks_for_the_code_in_force(self):
        # NOC 2016 2263 became 21120 (TEER 1, CLB 7) or 22232 (TEER 2, CLB 5).
        work = (job(SOFTWARE), job("2263"))
        finding = assess(candidate(*work, tests=(celpip(6),))).finding(LANGUAGE)
        assert finding.outcome is Outcome.UNKNOWN
        assert finding.missing == ("$.work_history[1].noc",)
        assert assess(candidate(*work, tests=(celpip(7),))).eligible


# -- cec.residence.outside_quebec (P18) ------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "outcome", "missing"),
    [
        (Province.BC, Outcome.MET, ()),
        (Province.QC, Outcome.NOT_MET, ()),
        (None, Outcome.UNKNOWN, ("$.intended_province",)),
    ],
)
def test_quebec(province, outcome, missing):
    finding = assess(candidate(job(), province=province)).finding(RESIDENCE)
    assert (finding.outcome, finding.missing, finding.policy) == (outcome, missing, "P18")


def test_neither_funds_nor_education_are_asked():
    verdict = assess(candidate(job(), settlement_funds_cad=0, education=()))
    assert verdict.eligible
    assert {f.rule_id for f in verdict.findings} == {rule.rule_id for rule in CEC.rules}


# -- the dated tables and their boundaries ---------------------------------------------------


def test_the_language_minimums_change_with_the_noc_version():
    assert CEC_LANGUAGE_MINIMUMS.change_dates == NOC_VERSION_IN_FORCE.change_dates
    for row in CEC_LANGUAGE_MINIMUMS:
        assert row.value.version is version_in_force(row.start)
        assert row.value.levels == (5, 7)
        assert row.citation.instrument == "IRPR"


@pytest.mark.parametrize("row", list(CEC_LANGUAGE_MINIMUMS), ids=lambda row: str(row.start))
def test_exactly_the_skilled_occupations_have_a_minimum(row):
    skilled = SKILLED_OCCUPATIONS.at(row.start)
    assert skilled.version is row.value.version
    for unit in unit_groups(row.value.version):
        code = NocCode(unit.code)
        assert (row.value.minimum_for(code) is not None) == (code in skilled), code


def test_the_noc_2016_minimums_in_words():
    minimums: CecLanguageMinimums = CEC_LANGUAGE_MINIMUMS.at(date(2020, 1, 1))
    assert minimums.version is NocVersion.NOC_2016
    assert minimums.describe("NCLC") == (
        "NCLC 7 in each ability for NOC skill type 0 or NOC skill level A work; NCLC 5 for NOC "
        "skill level B work"
    )


SWITCH = NOC_VERSION_IN_FORCE.change_dates[1]


@pytest.mark.parametrize(
    ("on", "outcome"), [(SWITCH - timedelta(days=1), Outcome.NOT_MET), (SWITCH, Outcome.MET)]
)
def test_truck_drivers_became_skilled_on_the_noc_2021_switch(on, outcome):
    # NOC 2016 7511 (level C) is NOC 2021 73300 (TEER 3).
    driver = job("7511", (date(2021, 6, 1), date(2022, 6, 1)))
    verdict = assess(candidate(driver, tests=(celpip(5, taken=date(2022, 1, 10)),)), on)
    assert verdict.finding(EXPERIENCE).outcome is outcome
    assert verdict.finding(LANGUAGE).outcome is Outcome.MET


@pytest.mark.parametrize("on", [SWITCH - timedelta(days=1), SWITCH])
def test_the_minimum_of_a_level_b_job_is_clb_5_on_both_sides_of_the_switch(on):
    welder = job("7237", (date(2021, 6, 1), date(2022, 6, 1)))  # B, then TEER 2
    verdict = assess(candidate(welder, tests=(celpip(5, taken=date(2022, 1, 10)),)), on)
    assert verdict.eligible


PTE_CORE_FROM = ACCEPTED_TESTS.change_dates[-1]


@pytest.mark.parametrize(
    ("taken", "outcome"),
    [(PTE_CORE_FROM - timedelta(days=1), Outcome.NOT_MET), (PTE_CORE_FROM, Outcome.MET)],
)
def test_pte_core_counts_from_the_day_it_was_accepted(taken, outcome):
    pte = LanguageTest(
        kind=TestKind.PTE_CORE,
        test_date=taken,
        scores=AbilityScores(listening=60, reading=60, writing=69, speaking=68),
    )
    work = job(NURSE_AIDE, (date(2023, 1, 1), date(2023, 12, 30)))
    finding = assess(candidate(work, tests=(pte,)), date(2024, 6, 1)).finding(LANGUAGE)
    assert finding.outcome is outcome


# -- properties ----------------------------------------------------------------------------

DATES = st.dates(date(2015, 1, 1), date(2027, 12, 31))
DECLARED = {rule.rule_id: rule for rule in CEC.rules}


@given(candidates(), DATES)
def test_a_verdict_never_raises_and_every_finding_is_declared_and_cited(who, on):
    verdict = CEC.assess(derive(who, on=on))
    assert [f.rule_id for f in verdict.findings] == list(DECLARED)
    for finding in verdict.findings:
        assert finding.citation == DECLARED[finding.rule_id].citation
        assert finding.citation.url.startswith("https://")
        assert finding.sentence
        assert bool(finding.missing) == (finding.outcome is Outcome.UNKNOWN)
    if verdict.outcome is VerdictOutcome.UNDETERMINED:
        assert verdict.missing_facts


@given(
    candidates(),
    DATES,
    st.integers(0, 12),
    st.sampled_from(["listening", "reading", "writing", "speaking"]),
    st.integers(1, 8),
)
def test_raising_a_language_score_never_turns_eligible_into_not_eligible(
    who, on, level, ability, step
):
    test = celpip(level, taken=on - timedelta(days=30))
    before = CEC.assess(derive(attrs.evolve(who, language_tests=(test,)), on=on))
    raised = celpip(level, taken=test.test_date, **{ability: min(12, level + step)})
    after = CEC.assess(derive(attrs.evolve(who, language_tests=(raised,)), on=on))
    assert not (before.eligible and not after.eligible)


@given(
    candidates(),
    DATES,
    st.sampled_from([SOFTWARE, NURSE_AIDE, "72200", "00012"]),
    st.integers(30, 800),
)
def test_adding_qualifying_experience_never_turns_eligible_into_not_eligible(who, on, noc, days):
    before = CEC.assess(derive(who, on=on))
    added = job(noc, (on - timedelta(days=days), on))
    periods = (*(who.work_history or WorkHistory()).periods, added)
    more = attrs.evolve(who, work_history=WorkHistory(periods=periods))
    after = CEC.assess(derive(more, on=on))
    assert not (before.eligible and not after.eligible)
    if before.eligible:
        assert after.eligible


# -- the public policy for physicians (rules.md §3, "Exception"; from 2023-04-25) ------------

POLICY_DAY = date(2023, 4, 25)
PHYSICIAN_YEAR = (date(2022, 3, 1), date(2023, 2, 27))  # 364 days: 1,560 hours at 30 h/week


@pytest.mark.parametrize(
    ("on", "outcome"),
    [(POLICY_DAY - timedelta(days=1), Outcome.NOT_MET), (POLICY_DAY, Outcome.MET)],
)
@pytest.mark.parametrize("noc", ["31100", "31101", "31102", "3112"])  # 3112: NOC 2016 GPs
def test_a_physicians_self_employment_counts_from_the_public_policy(on, outcome, noc):
    tests = (celpip(taken=date(2022, 6, 1)),)
    doctor = candidate(job(noc, PHYSICIAN_YEAR, self_employed=True), tests=tests)
    finding = assess(doctor, on).finding(EXPERIENCE)
    assert finding.outcome is outcome
    if outcome is Outcome.MET:
        assert "self-employment only as a physician, under the public policy of 2023-04-25" in (
            finding.sentence
        )
    else:
        assert "it was self-employment" in finding.sentence


def test_the_physician_policy_is_for_physicians_in_canada_and_the_cec_alone():
    from expressentry import crs_for
    from expressentry.experience import CEC as CEC_WORK
    from expressentry.experience import CRS_CANADIAN, Ledger

    on = date(2024, 1, 1)
    nurse = candidate(job("31301", PHYSICIAN_YEAR, self_employed=True))
    assert assess(nurse, on).finding(EXPERIENCE).outcome is Outcome.NOT_MET
    doctor = candidate(job("31102", PHYSICIAN_YEAR, self_employed=True))
    assert assess(doctor, on).finding(EXPERIENCE).outcome is Outcome.MET
    # The CRS never counts self-employment (P8), a physician's included.
    assert crs_for(doctor, on=on).factors.canadian_years == 0
    ledger = Ledger.of(doctor.work_history, on)
    (use,) = ledger.measure(CEC_WORK).uses()
    assert "a physician's self-employment is counted here" in use.sentence
    (excluded,) = ledger.measure(CRS_CANADIAN).uses()
    assert excluded.reasons == (Reason.SELF_EMPLOYED,)
    # Unanswered self-employment does not matter to the CEC for a physician: it counts either
    # way; the CRS still asks.
    unsure = candidate(job("31102", PHYSICIAN_YEAR, self_employed=None))
    assert assess(unsure, on).finding(EXPERIENCE).outcome is Outcome.MET
    assert Ledger.of(unsure.work_history, on).measure(CRS_CANADIAN).reaches_years(1) is None


# -- the language level when the work is not known (P7) ---------------------------------------

_CLB_5_SPEAKING = {
    "schema_version": 1,
    "marital_status": "never_married",
    "first_official_language": "english",
    "language_tests": [
        {
            "kind": "celpip_general",
            "test_date": "2025-10-01",
            "scores": {"listening": 9, "reading": 9, "writing": 9, "speaking": 5},
        }
    ],
}
_TEER_1_JOB = {
    "noc": "21231",
    "country": "CA",
    "start": "2024-01-01",
    "hours_per_week": 40,
    "paid": True,
    "self_employed": False,
    "full_time_student": False,
    "authorized": True,
}


@pytest.mark.parametrize(
    ("history", "outcome", "missing"),
    [
        # Audit helper-69: both were met ("enough for all the skilled work in the history"),
        # then not met once TEER 1 work was answered: CLB 5 counts TEER 2 or 3 work only.
        (None, Outcome.UNKNOWN, ("$.work_history",)),
        ([{k: v for k, v in _TEER_1_JOB.items() if k != "noc"}], Outcome.UNKNOWN, None),
        ([_TEER_1_JOB], Outcome.NOT_MET, ()),
        ([{**_TEER_1_JOB, "noc": "63200"}], Outcome.MET, ()),
    ],
)
def test_a_level_below_the_highest_minimum_waits_for_the_work(
    history: list[dict[str, object]] | None,
    outcome: Outcome,
    missing: tuple[str, ...] | None,
) -> None:
    profile = dict(_CLB_5_SPEAKING)
    if history is not None:
        profile["work_history"] = history
    verdict = CEC.assess(derive(from_dict(profile), on=date(2026, 6, 1)))
    finding = verdict.finding("cec.language.minimum")
    assert finding.outcome is outcome
    if missing is None:
        assert "$.work_history[0].noc" in finding.missing
    else:
        assert finding.missing == missing
