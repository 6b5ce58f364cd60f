"""The eligibility questionnaire: answers → candidate → verdicts → a reference code if eligible."""

from __future__ import annotations

import random
from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry import ProfileError
from expressentry.codes import personal_reference_code, reference_code_expiry
from expressentry.dated import Citation
from expressentry.experience import FULL_TIME_HOURS_PER_WEEK
from expressentry.facts import Facts
from expressentry.language import LanguageLevels, levels_of
from expressentry.model import (
    AbilityScores,
    Credential,
    CredentialLevel,
    EcaOrganization,
    EducationalCredentialAssessment,
    IssuingAuthority,
    JobOffer,
    Language,
    LanguageTest,
    MaritalStatus,
    NocCode,
    Province,
    TestKind,
    WorkAuthorization,
)
from expressentry.questionnaire import (
    QuestionnaireAnswers,
    WorkAnswer,
    answer,
    missing_answers,
)
from expressentry.verdict import Outcome, Rule, Verdict, VerdictOutcome

ON = date(2026, 11, 29)
IELTS = LanguageTest(
    kind=TestKind.IELTS_GENERAL_TRAINING,
    test_date=date(2026, 2, 14),
    scores=AbilityScores(listening=8.5, reading=8.0, writing=7.5, speaking=7.5),
)
MASTERS = Credential(
    level=CredentialLevel.MASTERS_OR_PROFESSIONAL,
    country="IN",
    completion_date=date(2018, 7, 15),
    eca=EducationalCredentialAssessment(
        organization=EcaOrganization.WES,
        issue_date=date(2025, 11, 3),
        canadian_equivalent=CredentialLevel.MASTERS_OR_PROFESSIONAL,
    ),
)
SOFTWARE_ENGINEER = QuestionnaireAnswers(
    answered_on=ON,
    birth_date=date(1994, 6, 12),
    marital_status=MaritalStatus.NEVER_MARRIED,
    family_size=1,
    intended_province=Province.ON,
    language_test=IELTS,
    work=(WorkAnswer(noc=NocCode("21231"), years=3, country="IN"),),
    education=(MASTERS,),
    settlement_funds_cad=20_000,
)
CLB_7 = LanguageLevels(language=Language.ENGLISH, listening=7, reading=7, writing=7, speaking=7)
NURSE_AIDE_IN_CANADA = QuestionnaireAnswers(
    answered_on=ON,
    birth_date=date(1990, 3, 3),
    marital_status=MaritalStatus.MARRIED,
    family_size=3,
    intended_province=Province.BC,
    language_levels=CLB_7,
    work=(WorkAnswer(noc=NocCode("33102"), years=1, country="CA", authorized=True),),
)
NO_WORK = attrs.evolve(SOFTWARE_ENGINEER, work=())


# -- a code only when eligible -----------------------------------------------------------------


def test_an_fsw_candidate_gets_a_code_with_its_expiry_and_next_steps() -> None:
    result = answer(SOFTWARE_ENGINEER, rng=random.Random(1))
    assert result.eligible_programs == ("FSW",)
    assert result.pool.eligible
    assert result.reference_code is not None
    assert personal_reference_code.is_valid(result.reference_code)
    assert result.issued_on == ON
    assert result.expires_on == date(2027, 1, 28)
    assert len(result.next_steps) == 3
    assert result.next_steps[0].startswith("Create an IRCC secure account")
    assert result.reference_code in result.next_steps[1]
    assert "by 2027-01-28" in result.next_steps[1]
    assert "a draft keeps 60 days" in result.next_steps[2]
    assert "stays in the pool 12 months" in result.next_steps[2]


def test_a_cec_candidate_answering_clb_levels_gets_a_code() -> None:
    result = answer(NURSE_AIDE_IN_CANADA, rng=random.Random(1))
    assert result.eligible_programs == ("CEC",)
    assert result.reference_code is not None


def test_no_program_no_code_and_the_rng_is_untouched() -> None:
    rng = random.Random(5)
    state = rng.getstate()
    result = answer(NO_WORK, rng=rng)
    assert result.eligible_programs == ()
    assert result.reference_code is None
    assert result.issued_on is None
    assert result.expires_on is None
    assert result.next_steps[0].startswith("No personal reference code is issued")
    assert rng.getstate() == state
    assert not result.pool.eligible


def test_an_undetermined_program_is_not_enough_for_a_code() -> None:
    unsure = attrs.evolve(SOFTWARE_ENGINEER, settlement_funds_cad=None)
    result = answer(unsure, rng=random.Random(1))
    assert result.verdicts["FSW"].outcome.value == "undetermined"
    assert result.reference_code is None


def test_an_undetermined_program_names_the_questions_that_settle_it() -> None:
    unsure = attrs.evolve(SOFTWARE_ENGINEER, settlement_funds_cad=None, family_size=None)
    result = answer(unsure, rng=random.Random(1))
    # The children are asked through the family size: the questionnaire has no other question.
    assert result.missing_answers == ("$.settlement_funds_cad", "$.family_size")
    assert result.next_steps == (
        "No personal reference code is issued yet: no program is open to you with these "
        "answers, and FSW cannot be decided until these are answered: the settlement funds "
        "you can prove; the size of the family (you, a spouse or partner, and the "
        "children). Each program's findings say what is missing or not met.",
    )
    assert result.next_steps[0] in result.explain()


def test_a_family_size_without_a_marital_status_asks_for_the_marital_status() -> None:
    unsure = attrs.evolve(SOFTWARE_ENGINEER, marital_status=None, family_size=2)
    result = answer(unsure, rng=random.Random(1))
    assert result.verdicts["FSW"].outcome is VerdictOutcome.UNDETERMINED
    assert result.pool.missing_facts == ("$.marital_status", "$.dependent_children")
    assert result.missing_answers == ("$.marital_status",)
    assert "until these are answered: the marital status. " in result.next_steps[0]


def test_every_answer_given_means_nothing_is_missing() -> None:
    assert answer(SOFTWARE_ENGINEER, rng=random.Random(1)).missing_answers == ()
    assert answer(NO_WORK, rng=random.Random(1)).missing_answers == ()


def test_a_work_answer_in_canada_without_its_authorization_is_asked_by_its_question() -> None:
    # Not eligible yet (the CEC year in Canada needs its authorization), so the work answer
    # is asked for by the questionnaire's own path, not the profile's.
    answers = attrs.evolve(
        NO_WORK,
        language_test=None,
        language_levels=CLB_7,
        education=None,
        settlement_funds_cad=None,
        work=(
            WorkAnswer(noc=NocCode("21231"), years=2, country="IN"),
            WorkAnswer(noc=NocCode("21231"), years=1, country="CA"),
        ),
    )
    questions = answer(answers, rng=random.Random(1)).missing_answers
    assert "$.work[1].authorized" in questions
    assert not [question for question in questions if question.startswith("$.work_history")]


def test_a_birth_date_after_the_answers_is_refused() -> None:
    late = attrs.evolve(SOFTWARE_ENGINEER, birth_date=ON + timedelta(days=1))
    with pytest.raises(ProfileError, match=r"\$\.birth_date: 2026-11-30 is after the day of"):
        late.candidate()
    newborn = QuestionnaireAnswers(answered_on=ON, birth_date=ON)
    assert newborn.candidate().birth_date == ON  # born that day: accepted


@pytest.mark.parametrize(
    ("profile_path", "question"),
    [
        ("$.dependent_children", "$.family_size"),
        ("$.marital_status", "$.marital_status"),
        ("$.language_tests[0]", "$.language_test"),
        ("$.language_tests[0].scores.reading", "$.language_test.scores.reading"),
        ("$.first_official_language", "$.language_test"),
        ("$.work_history[2].authorized", "$.work[2].authorized"),  # as the verdicts write it
        ("$.work_history", "$.work"),
        ("$.language_tests", "$.language_test"),
        ("$.job_offers", "$.job_offer"),
        ("$.job_offers[0].lmia", "$.job_offer.lmia"),
        ("$.certificates_of_qualification", "$.certificate_of_qualification"),
        ("$.certificates_of_qualification[0].issue_date", "$.certificate_of_qualification"),
        ("$.education[0].eca", "$.education[0].eca"),
        ("$.spouse.language_tests", "$.spouse.language_tests"),  # no question: the profile's
        ("$.job_offers_elsewhere", "$.job_offers_elsewhere"),  # a prefix, not a field
    ],
)
def test_a_profile_path_becomes_its_question(profile_path: str, question: str) -> None:
    unanswered_family = attrs.evolve(NO_WORK, family_size=None)
    assert missing_answers(unanswered_family, [profile_path]) == (question,)


def test_questions_are_named_once_in_the_order_first_needed() -> None:
    answers = attrs.evolve(NO_WORK, family_size=None)
    paths = ["$.job_offers[0].lmia", "$.dependent_children", "$.job_offers[0].lmia", "$.x"]
    assert missing_answers(answers, paths) == ("$.job_offer.lmia", "$.family_size", "$.x")


def test_a_program_the_rules_leave_open_has_no_question_to_ask() -> None:
    # P31: before 2020-01-01 no funds table gives the figure, so the FSW is undetermined with
    # no fact to ask for.
    day = date(2019, 6, 1)
    early = attrs.evolve(
        SOFTWARE_ENGINEER,
        answered_on=day,
        language_test=attrs.evolve(IELTS, test_date=date(2018, 2, 14)),
        work=(WorkAnswer(noc=NocCode("2173"), years=3, country="IN"),),
        education=(attrs.evolve(MASTERS, country="CA", eca=None),),
    )
    result = answer(early, rng=random.Random(1))
    assert result.verdicts["FSW"].outcome is VerdictOutcome.UNDETERMINED
    assert result.missing_answers == ()
    assert result.reference_code is None
    assert result.next_steps == (
        "No personal reference code is issued: no program is open to you with these answers, "
        "and FSW cannot be decided on 2019-06-01: the rules in force on that date leave it "
        "open.",
    )


def test_quebec_closes_every_program() -> None:
    result = answer(
        attrs.evolve(SOFTWARE_ENGINEER, intended_province=Province.QC), rng=random.Random(1)
    )
    assert result.eligible_programs == ()
    assert result.reference_code is None


# -- the same answers and seed give the same code ----------------------------------------------


@given(st.integers(min_value=0, max_value=2**32))
def test_same_answers_and_seed_give_the_same_code(seed: int) -> None:
    first = answer(NURSE_AIDE_IN_CANADA, rng=random.Random(seed))
    second = answer(NURSE_AIDE_IN_CANADA, rng=random.Random(seed))
    assert first.reference_code == second.reference_code
    assert first.reference_code == personal_reference_code.generate(random.Random(seed))


def test_different_seeds_give_different_codes() -> None:
    codes = {
        answer(NURSE_AIDE_IN_CANADA, rng=random.Random(seed)).reference_code for seed in range(20)
    }
    assert len(codes) == 20


# -- deadlines exact at their boundaries -------------------------------------------------------


@pytest.mark.parametrize(
    "answered_on",
    [date(2026, 11, 29), date(2027, 12, 31), date(2028, 2, 29), date(2028, 1, 1)],
)
def test_the_code_expires_60_days_after_issue(answered_on: date) -> None:
    answers = attrs.evolve(
        NURSE_AIDE_IN_CANADA,
        answered_on=answered_on,
        language_levels=None,
        language_test=attrs.evolve(IELTS, test_date=answered_on - timedelta(days=30)),
    )
    result = answer(answers, rng=random.Random(0))
    assert result.expires_on == answered_on + timedelta(days=60)
    assert result.expires_on == reference_code_expiry(answered_on)


# -- from the answers to a candidate ------------------------------------------------------------


def test_work_answers_become_back_to_back_full_time_periods() -> None:
    answers = attrs.evolve(
        SOFTWARE_ENGINEER,
        work=(
            WorkAnswer(noc=NocCode("21231"), years=2, country="CA", authorized=True),
            WorkAnswer(noc=NocCode("21232"), years=1, country="IN", self_employed=True),
        ),
    )
    recent, earlier = answers.candidate().work_history.periods
    assert (recent.start, recent.end) == (date(2024, 11, 30), ON)
    assert (earlier.start, earlier.end) == (date(2023, 11, 30), date(2024, 11, 29))
    assert recent.hours_per_week == earlier.hours_per_week == FULL_TIME_HOURS_PER_WEEK.at(ON) == 30
    assert recent.paid is True
    assert recent.authorized is True
    assert earlier.authorized is None  # authorization is a question about work in Canada only
    assert earlier.self_employed is True
    assert recent.full_time_student is False


def test_the_primary_occupation_defaults_to_the_most_recent_job() -> None:
    assert SOFTWARE_ENGINEER.candidate().primary_occupation == NocCode("21231")
    chosen = attrs.evolve(SOFTWARE_ENGINEER, primary_occupation=NocCode("21232"))
    assert chosen.candidate().primary_occupation == NocCode("21232")
    assert NO_WORK.candidate().primary_occupation is None


def test_family_size_gives_the_dependent_children() -> None:
    assert NURSE_AIDE_IN_CANADA.candidate().dependent_children == 1  # married, family of 3
    assert SOFTWARE_ENGINEER.candidate().dependent_children == 0
    unknown = attrs.evolve(SOFTWARE_ENGINEER, marital_status=None)
    assert unknown.candidate().dependent_children is None


def test_clb_levels_become_the_lowest_scores_that_reach_them() -> None:
    levels = LanguageLevels(
        language=Language.ENGLISH, listening=10, reading=12, writing=4, speaking=3
    )
    answers = attrs.evolve(NURSE_AIDE_IN_CANADA, language_levels=levels)
    (test,) = answers.candidate().language_tests
    assert test.kind is TestKind.CELPIP_GENERAL
    assert test.test_date == ON
    assert levels_of(test).four == (10, 10, 4, 0)


def test_nclc_levels_become_a_tcf_canada_result() -> None:
    levels = LanguageLevels(
        language=Language.FRENCH, listening=7, reading=8, writing=9, speaking=2
    )
    candidate = attrs.evolve(NURSE_AIDE_IN_CANADA, language_levels=levels).candidate()
    (test,) = candidate.language_tests
    assert test.kind is TestKind.TCF_CANADA
    assert levels_of(test).four == (7, 8, 9, 0)
    assert candidate.first_official_language is Language.FRENCH


def test_a_test_is_kept_as_answered() -> None:
    candidate = SOFTWARE_ENGINEER.candidate()
    assert candidate.language_tests == (IELTS,)
    assert candidate.first_official_language is Language.ENGLISH
    # No test or levels answered: the tests are not answered, so the programs ask for them.
    untested = attrs.evolve(NO_WORK, language_test=None, education=None).candidate()
    assert (untested.language_tests, untested.education) == (None, None)


def test_offer_certificate_and_the_rest_are_carried_over() -> None:
    offer = JobOffer(noc=NocCode("72200"), full_time=True)
    answers = attrs.evolve(
        SOFTWARE_ENGINEER,
        work=(WorkAnswer(noc=NocCode("72200"), years=3, country="CA", authorized=True),),
        certificate_of_qualification=IssuingAuthority.AB,
        meets_trade_requirements=True,
        job_offer=offer,
        work_authorization=WorkAuthorization.LMIA_WORK_PERMIT,
    )
    candidate = answers.candidate()
    (certificate,) = candidate.certificates_of_qualification
    assert certificate.noc == NocCode("72200")
    assert certificate.issued_by is IssuingAuthority.AB
    assert candidate.job_offers == (offer,)
    assert candidate.meets_trade_requirements is True
    assert candidate.work_authorization is WorkAuthorization.LMIA_WORK_PERMIT
    assert candidate.education == (MASTERS,)
    assert candidate.settlement_funds_cad == 20_000
    assert "FST" in answer(answers, rng=random.Random(0)).eligible_programs


# -- answers that cannot be right ---------------------------------------------------------------


def test_a_test_and_levels_together_are_refused() -> None:
    with pytest.raises(ProfileError) as caught:
        attrs.evolve(SOFTWARE_ENGINEER, language_levels=CLB_7)
    assert [path for path, _ in caught.value.problems] == ["$.language_levels"]


@pytest.mark.parametrize(
    ("status", "size", "message"),
    [
        (MaritalStatus.MARRIED, 1, "a family of 1 cannot include the person and a spouse"),
        (MaritalStatus.NEVER_MARRIED, 0, "a family of 0 cannot include the person"),
        (None, 0, "a family of 0 cannot include the person"),
    ],
)
def test_a_family_too_small_is_refused(
    status: MaritalStatus | None, size: int, message: str
) -> None:
    with pytest.raises(ProfileError, match=message) as caught:
        attrs.evolve(SOFTWARE_ENGINEER, marital_status=status, family_size=size)
    assert caught.value.problems[0][0] == "$.family_size"


@pytest.mark.parametrize("years", [0, -1, True])
def test_years_of_work_must_be_whole_and_positive(years: int) -> None:
    with pytest.raises(ProfileError, match="not a whole number above 0"):
        WorkAnswer(noc=NocCode("21231"), years=years, country="CA")


def test_answers_that_contradict_as_a_profile_are_refused() -> None:
    answers = attrs.evolve(SOFTWARE_ENGINEER, birth_date=date(2026, 3, 1))
    with pytest.raises(ProfileError, match="predates the birth date"):
        answer(answers, rng=random.Random(0))


# -- the explanation and the programs ----------------------------------------------------------


def test_explain_gives_every_verdict_its_findings_and_the_code() -> None:
    result = answer(SOFTWARE_ENGINEER, rng=random.Random(1))
    text = result.explain()
    lines = text.splitlines()
    assert lines[0] == "Eligible for the Express Entry pool through FSW."
    assert "FSW: eligible" in lines
    assert "FST: not eligible" in lines
    assert f"Personal reference code: {result.reference_code}" in lines
    assert any(line.startswith("  ✗ ") for line in lines)
    assert lines[-1].startswith("- Complete your Express Entry profile")
    assert "Personal reference code" not in answer(NO_WORK, rng=random.Random(1)).explain()


class _Open:
    """A program that takes everyone: the questionnaire decides nothing itself."""

    code, name, rules = "CEC", "Open to all", ()

    def assess(self, facts: Facts) -> Verdict:
        rule = Rule("demo.open", "Open", Citation("x", "y", "https://example.org"))
        return Verdict.decide(self.code, facts.on, (rule.finding(Outcome.MET, "Open."),))


def test_the_programs_can_be_injected() -> None:
    result = answer(NO_WORK, rng=random.Random(3), programs=(_Open(),))
    assert list(result.verdicts) == ["CEC"]
    assert result.eligible_programs == ("CEC",)
    assert result.reference_code == personal_reference_code.generate(random.Random(3))


@given(
    levels=st.tuples(*[st.integers(min_value=0, max_value=12)] * 4),
    language=st.sampled_from(Language),
    work=st.lists(
        st.builds(
            WorkAnswer,
            noc=st.sampled_from(
                [NocCode(c) for c in ("21231", "72200", "63200", "33102", "65201")]
            ),
            years=st.integers(min_value=1, max_value=6),
            country=st.sampled_from(["CA", "IN", "PH"]),
            authorized=st.sampled_from([True, False, None]),
            self_employed=st.booleans(),
        ),
        max_size=3,
    ),
    province=st.sampled_from([None, *Province]),
    funds=st.sampled_from([None, 0, 50_000]),
    seed=st.integers(min_value=0, max_value=1000),
)
def test_a_code_exactly_when_a_program_is_eligible(
    levels: tuple[int, int, int, int],
    language: Language,
    work: list[WorkAnswer],
    province: Province | None,
    funds: int | None,
    seed: int,
) -> None:
    listening, reading, writing, speaking = levels
    answers = QuestionnaireAnswers(
        answered_on=ON,
        birth_date=date(1990, 1, 1),
        marital_status=MaritalStatus.NEVER_MARRIED,
        family_size=1,
        intended_province=province,
        language_levels=LanguageLevels(
            language=language,
            listening=listening,
            reading=reading,
            writing=writing,
            speaking=speaking,
        ),
        work=tuple(work),
        settlement_funds_cad=funds,
    )
    result = answer(answers, rng=random.Random(seed))
    eligible = tuple(code for code, v in result.verdicts.items() if v.eligible)
    assert result.eligible_programs == eligible
    assert (result.reference_code is not None) == bool(eligible)
    assert (result.expires_on is not None) == bool(eligible)
    if province is Province.QC:
        assert not eligible


@pytest.mark.parametrize(
    ("work", "family_size", "path"),
    [
        ({"years": 1.5}, None, "$.years"),  # a year and a half cannot be placed on the calendar
        ({"years": 3000}, None, "$.work[0].years"),  # before the calendar's first day
        ({"years": 1}, 1.5, "$.family_size"),
    ],
)
def test_impossible_answers_are_profile_errors(work, family_size, path):
    def build() -> object:
        answer = WorkAnswer(noc=NocCode("21231"), country="IN", **work)
        return QuestionnaireAnswers(
            answered_on=date(2026, 11, 29),
            birth_date=date(1990, 1, 1),
            work=(answer,),
            family_size=family_size,
        ).candidate()

    with pytest.raises(ProfileError) as error:
        build()
    assert [p for p, _ in error.value.problems] == [path]
