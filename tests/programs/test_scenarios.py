"""Candidates' stories, told through the three programs and the pool.

Each test is one realistic candidate: what they did, where, in which language, and what the
engine makes of it, finding by finding.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs

from expressentry.facts import derive
from expressentry.model import (
    AbilityScores,
    Candidate,
    CertificateOfQualification,
    Credential,
    CredentialLevel,
    IssuingAuthority,
    JobOffer,
    LanguageTest,
    LmiaStatus,
    MaritalStatus,
    NocCode,
    Province,
    TestKind,
    WorkAuthorization,
    WorkHistory,
    WorkPeriod,
)
from expressentry.programs.cec import CEC
from expressentry.programs.fst import FST
from expressentry.programs.fsw import FSW
from expressentry.programs.pool import PoolEntry, pool_entry
from expressentry.verdict import Outcome, VerdictOutcome

ON = date(2026, 11, 29)


def work(noc: str, start: date, end: date | None, country: str = "CA", **facts: Any):
    """A paid 37.5-hour week job, authorized if in Canada, not self-employed, not studying."""
    fields: dict[str, Any] = {
        "hours_per_week": 37.5,
        "paid": True,
        "self_employed": False,
        "full_time_student": False,
        "authorized": True if country == "CA" else None,
        **facts,
    }
    return WorkPeriod(noc=NocCode(noc), country=country, start=start, end=end, **fields)


def celpip(listening: int, reading: int, writing: int, speaking: int) -> LanguageTest:
    return LanguageTest(
        kind=TestKind.CELPIP_GENERAL,
        test_date=date(2026, 2, 14),
        scores=AbilityScores(
            listening=listening, reading=reading, writing=writing, speaking=speaking
        ),
    )


def person(*jobs: WorkPeriod, **facts: Any) -> Candidate:
    """A single adult with no children; ``facts`` tell the rest of the story."""
    fields: dict[str, Any] = {
        "birth_date": date(1994, 4, 2),
        "marital_status": MaritalStatus.NEVER_MARRIED,
        "dependent_children": 0,
        "work_history": WorkHistory(periods=jobs),
        **facts,
    }
    return Candidate(**fields)


def pool(candidate: Candidate, on: date = ON) -> PoolEntry:
    facts = derive(candidate, on=on)
    return pool_entry(program.assess(facts) for program in (FSW, FST, CEC))


def test_a_cook_in_toronto_with_two_years_and_a_certificate():
    """Ana has cooked full time in a Toronto restaurant since 2023 on a work permit and holds
    Ontario's certificate of qualification as a cook. Her CELPIP is 6, 5, 5, 6: enough for the
    trades (and for the CEC, since cooks are TEER 3), and she has the funds for one."""
    ana = person(
        work("63200", date(2023, 9, 1), None),
        intended_province=Province.ON,
        work_authorization=WorkAuthorization.OPEN_WORK_PERMIT,
        language_tests=(celpip(6, 5, 5, 6),),
        meets_trade_requirements=True,
        certificates_of_qualification=(
            CertificateOfQualification(noc=NocCode("63200"), issued_by=IssuingAuthority.ON),
        ),
        settlement_funds_cad=16_000,
    )
    entry = pool(ana)
    assert entry.eligible_programs == ("FST", "CEC")
    fst = entry.verdicts["FST"]
    assert "NOC 63200 Cooks" in fst.finding("fst.offer_or_certificate").sentence
    assert entry.verdicts["FSW"].finding("fsw.language.first_official").outcome is Outcome.NOT_MET


def test_a_nurse_whose_only_canadian_year_was_while_studying_full_time():
    """Priya worked as a registered nurse in Ottawa for a year while she was a full-time
    master's student. Work done while a full-time student never counts for the CEC, so the
    CEC says so, by period."""
    priya = person(
        work("31301", date(2024, 9, 1), date(2025, 8, 31), full_time_student=True),
        intended_province=Province.ON,
        language_tests=(celpip(9, 9, 8, 9),),
    )
    verdict = CEC.assess(derive(priya, on=ON))
    assert verdict.outcome is VerdictOutcome.NOT_ELIGIBLE
    finding = verdict.finding("cec.experience.canadian_year")
    assert finding.outcome is Outcome.NOT_MET
    assert "period 1 (it was done while a full-time student)" in finding.sentence
    assert verdict.finding("cec.language.minimum").outcome is Outcome.MET


def test_a_dental_assistant_in_halifax_at_clb_5():
    """Li has worked as a dental assistant (TEER 3) in Halifax for fourteen months. TEER 2 and
    3 work needs only CLB 5 in each ability for the CEC, which her CELPIP gives."""
    li = person(
        work("33100", date(2025, 9, 1), None),
        intended_province=Province.NS,
        language_tests=(celpip(5, 5, 5, 5),),
    )
    verdict = CEC.assess(derive(li, on=ON))
    assert verdict.eligible
    assert "CLB 5 for TEER 2 or 3 work" in verdict.finding("cec.language.minimum").sentence


def test_a_software_engineer_who_moved_to_quebec():
    """Marc, a software engineer in Montreal with two years there and a strong French test,
    intends to stay in Quebec. Quebec selects its own workers: no federal program takes him,
    so he cannot enter the pool."""
    tcf = LanguageTest(
        kind=TestKind.TCF_CANADA,
        test_date=date(2026, 5, 1),
        scores=AbilityScores(listening=549, reading=549, writing=16, speaking=16),
    )
    marc = person(
        work("21231", date(2024, 6, 1), None),
        intended_province=Province.QC,
        language_tests=(tcf,),
        education=(
            Credential(
                level=CredentialLevel.BACHELORS_OR_THREE_YEAR,
                program_years=4,
                country="CA",
                completion_date=date(2024, 5, 1),
            ),
        ),
        settlement_funds_cad=50_000,
    )
    entry = pool(marc)
    assert entry.outcome is VerdictOutcome.NOT_ELIGIBLE
    cec = entry.verdicts["CEC"]
    assert [f.rule_id for f in cec.with_outcome(Outcome.NOT_MET)] == [
        "cec.residence.outside_quebec"
    ]
    assert entry.verdicts["FSW"].finding("fsw.residence.outside_quebec").outcome is (
        Outcome.NOT_MET
    )


def test_a_self_employed_consultant_in_canada():
    """Sofia has run her own management-consulting business in Vancouver for two years.
    Self-employment never counts for the CEC (policy P8)."""
    sofia = person(
        work("11201", date(2024, 11, 1), None, self_employed=True),
        intended_province=Province.BC,
        language_tests=(celpip(10, 10, 9, 10),),
    )
    finding = CEC.assess(derive(sofia, on=ON)).finding("cec.experience.canadian_year")
    assert finding.outcome is Outcome.NOT_MET
    assert "period 1 (it was self-employment)" in finding.sentence


def test_a_developer_whose_mixed_year_needs_clb_7():
    """Tomás spent eight months as a software developer (TEER 1) in Calgary, then eight months
    as a computer support technician (TEER 2). At CLB 6 only the technician months count (policy
    P7): not a year. After a retake at CLB 7 every month counts."""
    tomas = person(
        work("21232", date(2025, 1, 6), date(2025, 8, 31)),
        work("22221", date(2025, 9, 1), date(2026, 4, 30)),
        intended_province=Province.AB,
        language_tests=(celpip(6, 7, 7, 7),),
    )
    verdict = CEC.assess(derive(tomas, on=ON))
    finding = verdict.finding("cec.language.minimum")
    assert verdict.finding("cec.experience.canadian_year").outcome is Outcome.MET
    assert finding.outcome is Outcome.NOT_MET
    assert "The lowest ability is CLB 6" in finding.sentence
    retaken = attrs.evolve(tomas, language_tests=(celpip(7, 7, 7, 7),))
    assert CEC.assess(derive(retaken, on=ON)).eligible


def test_an_electrician_in_manila_with_an_lmia_job_offer_from_calgary():
    """Jun has been an industrial electrician in Manila for three years and has an LMIA-backed
    offer from a Calgary contractor. He is not yet authorized to work in Canada, so he must still
    show settlement funds (policy P17): his $14,000 fall short of the table for one, until his
    savings reach it."""
    jun = person(
        work("72201", date(2023, 6, 1), None, country="PH"),
        intended_province=Province.AB,
        work_authorization=WorkAuthorization.NONE,
        language_tests=(celpip(6, 5, 5, 6),),
        meets_trade_requirements=True,
        job_offers=(
            JobOffer(
                noc=NocCode("72201"),
                employer="Prairie Power Ltd",
                full_time=True,
                non_seasonal=True,
                at_least_one_year=True,
                lmia=LmiaStatus.APPROVED,
            ),
        ),
        settlement_funds_cad=14_000,
    )
    verdict = FST.assess(derive(jun, on=ON))
    assert verdict.finding("fst.offer_or_certificate").outcome is Outcome.MET
    assert verdict.finding("fst.funds.settlement").outcome is Outcome.NOT_MET
    assert verdict.outcome is VerdictOutcome.NOT_ELIGIBLE
    saved = attrs.evolve(jun, settlement_funds_cad=16_000)
    assert pool(saved).eligible_programs == ("FST",)


def test_a_welder_abroad_without_an_offer_or_a_certificate():
    """Oksana has welded for four years in Kraków but has neither a Canadian certificate of
    qualification nor a job offer: the FST needs one of them."""
    oksana = person(
        work("72106", date(2022, 3, 1), None, country="PL"),
        intended_province=Province.SK,
        language_tests=(celpip(7, 6, 6, 7),),
        meets_trade_requirements=True,
        settlement_funds_cad=30_000,
        certificates_of_qualification=(),
        job_offers=(),
    )
    verdict = FST.assess(derive(oksana, on=ON))
    assert [f.rule_id for f in verdict.with_outcome(Outcome.NOT_MET)] == [
        "fst.offer_or_certificate"
    ]


def test_a_truck_driver_in_winnipeg_counted_from_the_noc_2021_switch():
    """Raj drove transport trucks in Winnipeg from June 2021 to June 2022. Under NOC 2016
    truck driving (7511) was skill level C, not skilled; under NOC 2021 it is TEER 3 (73300).
    The same year counts for the CEC from 2022-11-16, not the day before."""
    raj = person(
        work("7511", date(2021, 6, 1), date(2022, 6, 1)),
        intended_province=Province.MB,
        language_tests=(attrs.evolve(celpip(5, 5, 5, 5), test_date=date(2022, 3, 1)),),
    )
    switch = date(2022, 11, 16)
    assert not CEC.assess(derive(raj, on=switch - timedelta(days=1))).eligible
    assert CEC.assess(derive(raj, on=switch)).eligible


def test_a_chef_in_charlottetown_who_left_authorization_unanswered():
    """Amara has been a chef in Charlottetown for two years but did not say whether she held a
    work permit for the whole time. The CEC cannot decide without it and names the answer it
    needs by its JSON path; the pool is undetermined too."""
    amara = person(
        work("62200", date(2024, 10, 1), None, authorized=None),
        intended_province=Province.PE,
        language_tests=(celpip(7, 7, 7, 7),),
    )
    entry = pool(amara)
    cec = entry.verdicts["CEC"]
    assert cec.outcome is VerdictOutcome.UNDETERMINED
    assert cec.missing_facts == ("$.work_history[0].authorized",)
    assert entry.outcome is VerdictOutcome.UNDETERMINED
    assert "$.work_history[0].authorized" in entry.missing_facts


def test_a_software_engineer_in_bangalore_for_the_fsw():
    """Arjun has five years as a software engineer in Bangalore, a Canadian bachelor's degree,
    CELPIP 9, 9, 9, 7 and the funds for one. He is eligible for the FSW only: no Canadian
    work, no trade."""
    arjun = person(
        work("21231", date(2021, 1, 4), date(2025, 12, 31), country="IN", hours_per_week=40),
        birth_date=date(1995, 5, 17),
        intended_province=Province.ON,
        language_tests=(celpip(9, 9, 9, 7),),
        education=(
            Credential(
                level=CredentialLevel.BACHELORS_OR_THREE_YEAR,
                program_years=4,
                country="CA",
                completion_date=date(2020, 6, 1),
            ),
        ),
        settlement_funds_cad=20_000,
        relative_in_canada=False,
    )
    entry = pool(arjun)
    assert entry.eligible_programs == ("FSW",)
    assert entry.sentence == "Eligible for the Express Entry pool through FSW."


def test_a_carpenter_on_a_work_permit_with_an_offer_needs_no_funds():
    """Kwame is a carpenter in Whitehorse on an LMIA-based work permit, with two years there
    and his employer's offer to keep him on. Authorized to work with a qualifying offer in his
    trade, he need not show funds (policy P17); he qualifies for the FST and the CEC."""
    kwame = person(
        work("72310", date(2024, 8, 1), None),
        marital_status=MaritalStatus.MARRIED,
        dependent_children=2,
        intended_province=Province.YT,
        work_authorization=WorkAuthorization.LMIA_WORK_PERMIT,
        language_tests=(celpip(5, 5, 5, 5),),
        meets_trade_requirements=True,
        job_offers=(
            JobOffer(
                noc=NocCode("72310"),
                employer="Northern Frames",
                full_time=True,
                non_seasonal=True,
                at_least_one_year=True,
                lmia=LmiaStatus.APPROVED,
                currently_working_for_employer=True,
            ),
        ),
        settlement_funds_cad=2_000,
    )
    entry = pool(kwame)
    funds = entry.verdicts["FST"].finding("fst.funds.settlement")
    assert funds.outcome is Outcome.NOT_APPLICABLE
    assert entry.eligible_programs == ("FST", "CEC")


def test_a_francophone_technician_in_moncton_at_nclc_5():
    """Élise has been a civil engineering technologist (TEER 2) in Moncton for eighteen months
    and took the TEF Canada: NCLC 5 in each ability, the CEC minimum for TEER 2 work."""
    tef = LanguageTest(
        kind=TestKind.TEF_CANADA,
        test_date=date(2026, 4, 1),
        # The certificate's "Équivalence ancien score" (policy P3): NCLC 5 in each ability.
        scores=AbilityScores(listening=190, reading=160, writing=240, speaking=240),
    )
    elise = person(
        work("22300", date(2025, 5, 1), None),
        intended_province=Province.NB,
        first_official_language=tef.kind.language,
        language_tests=(tef,),
    )
    verdict = CEC.assess(derive(elise, on=ON))
    assert verdict.eligible
    assert "NCLC L 5, R 5, W 5, S 5" in verdict.finding("cec.language.minimum").sentence
