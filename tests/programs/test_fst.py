"""The Federal Skilled Trades Program (IRPR s. 87.2; rules.md §2; policies P17, P18, P27, P33)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.exceptions import ProfileError
from expressentry.facts import derive
from expressentry.funds import SETTLEMENT_FUNDS
from expressentry.language import ACCEPTED_TESTS, Ability, TestKind
from expressentry.model import (
    AbilityScores,
    Candidate,
    CertificateOfQualification,
    IssuingAuthority,
    JobOffer,
    LanguageTest,
    LmiaStatus,
    MaritalStatus,
    NocCode,
    Province,
    WorkAuthorization,
    WorkHistory,
    WorkPeriod,
)
from expressentry.noc import NOC_VERSION_IN_FORCE, SKILLED_TRADES
from expressentry.programs.fst import FST, FST_EXPERIENCE_YEARS, FST_LANGUAGE_MINIMUMS
from expressentry.serialization import from_dict
from expressentry.strategies import candidates
from expressentry.verdict import Outcome, Verdict, VerdictOutcome

ON = date(2026, 11, 29)
TWO_YEARS = (date(2024, 1, 1), date(2025, 12, 28))  # 728 days: 3,120 hours at 30 h/week
ELECTRICIAN = "72200"
COOK = "63200"
WELDER = "72106"
LANGUAGE = "fst.language.minimum"
EXPERIENCE = "fst.experience.trade_years"
NOC_REQUIREMENTS = "fst.trade.noc_requirements"
OFFER = "fst.offer_or_certificate"
FUNDS = "fst.funds.settlement"
RESIDENCE = "fst.residence.outside_quebec"


def job(noc: str | None = ELECTRICIAN, span: tuple[date, date] = TWO_YEARS, **facts: Any):
    """Paid full-time work, abroad unless ``country`` says otherwise."""
    fields: dict[str, Any] = {"country": "PH", "hours_per_week": 30, "paid": True, **facts}
    return WorkPeriod(
        noc=None if noc is None else NocCode(noc), start=span[0], end=span[1], **fields
    )


def celpip(taken: date = date(2026, 1, 10), **levels: int) -> LanguageTest:
    """A CELPIP-General test at the FST minimum (L 5, R 4, W 4, S 5) unless ``levels`` say."""
    scores = {"listening": 5, "reading": 4, "writing": 4, "speaking": 5, **levels}
    return LanguageTest(
        kind=TestKind.CELPIP_GENERAL, test_date=taken, scores=AbilityScores(**scores)
    )


def certificate(noc: str | None = ELECTRICIAN) -> CertificateOfQualification:
    return CertificateOfQualification(
        noc=None if noc is None else NocCode(noc), issued_by=IssuingAuthority.AB
    )


def offer(noc: str | None = ELECTRICIAN, **facts: Any) -> JobOffer:
    fields: dict[str, Any] = {
        "full_time": True,
        "non_seasonal": True,
        "at_least_one_year": True,
        "lmia": LmiaStatus.APPROVED,
        **facts,
    }
    return JobOffer(noc=None if noc is None else NocCode(noc), employer="Sparks Ltd", **fields)


def candidate(*work: WorkPeriod, **facts: Any) -> Candidate:
    """A single tradesperson with the minimum language, two years as an electrician abroad, a
    certificate in that trade and the funds for one, intending to live in Alberta."""
    fields: dict[str, Any] = {
        "intended_province": Province.AB,
        "language_tests": (celpip(),),
        "work_history": WorkHistory(periods=work or (job(),)),
        "meets_trade_requirements": True,
        "certificates_of_qualification": (certificate(),),
        "job_offers": (),
        "marital_status": MaritalStatus.NEVER_MARRIED,
        "dependent_children": 0,
        "settlement_funds_cad": 20_000,
        **facts,
    }
    return Candidate(**fields)


def assess(who: Candidate, on: date = ON) -> Verdict:
    return FST.assess(derive(who, on=on))


def test_the_program_declares_its_code_name_and_rules():
    assert (FST.code, FST.name, repr(FST)) == ("FST", "Federal Skilled Trades Program", "FST")
    assert [rule.rule_id for rule in FST.rules] == [
        LANGUAGE,
        EXPERIENCE,
        NOC_REQUIREMENTS,
        OFFER,
        FUNDS,
        RESIDENCE,
    ]


def test_an_electrician_with_two_years_and_a_certificate_is_eligible():
    verdict = assess(candidate())
    assert verdict.outcome is VerdictOutcome.ELIGIBLE
    assert [f.outcome for f in verdict.findings] == [Outcome.MET] * 6
    assert (
        "3,120 hours of paid work in NOC 72200 Electricians"
        in verdict.finding(EXPERIENCE).sentence
    )


# -- fst.language.minimum --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("levels", "sentence"),
    [
        ({"speaking": 4}, "Speaking is CLB 4; the FST needs CLB 5"),
        ({"listening": 4}, "Listening is CLB 4; the FST needs CLB 5"),
        ({"reading": 3, "writing": 3}, "Reading is below CLB 4 and writing is below CLB 4"),
    ],
)
def test_each_ability_below_its_minimum_is_named(levels, sentence):
    finding = assess(candidate(language_tests=(celpip(**levels),))).finding(LANGUAGE)
    assert finding.outcome is Outcome.NOT_MET
    assert sentence in finding.sentence
    assert finding.sentence.endswith(
        "CLB 5 in listening and speaking and CLB 4 in reading and writing."
    )


def test_a_valid_test_that_meets_the_minimum_is_named_when_p6_chose_another():
    tests = (
        celpip(listening=10, reading=10, writing=10, speaking=4),
        celpip(taken=date(2026, 2, 1)),
    )
    finding = assess(candidate(language_tests=tests)).finding(LANGUAGE)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.policy == "P6"
    assert finding.sentence.endswith(
        "The CELPIP-General taken on 2026-02-01 (language test 2) also counts and gives CLB L "
        "5, R 4, W 4, S 5, which meets it; the test with the most CRS points is the one used "
        "(policy P6)."
    )


def test_the_language_minimum_is_met_at_the_minimum():
    finding = assess(candidate()).finding(LANGUAGE)
    assert finding.outcome is Outcome.MET
    assert finding.policy == "P33"
    assert dict(finding.facts) == {
        "language": "english",
        "listening": 5,
        "reading": 4,
        "writing": 4,
        "speaking": 5,
    }


def test_no_valid_test_leaves_the_language_unknown():
    finding = assess(candidate(language_tests=None)).finding(LANGUAGE)
    assert (finding.outcome, finding.missing) == (Outcome.UNKNOWN, ("$.language_tests",))
    none_taken = assess(candidate(language_tests=())).finding(LANGUAGE)
    assert (none_taken.outcome, none_taken.missing) == (Outcome.NOT_MET, ())


def test_the_language_minimums_table():
    assert dict(FST_LANGUAGE_MINIMUMS.at(ON)) == {
        Ability.LISTENING: 5,
        Ability.READING: 4,
        Ability.WRITING: 4,
        Ability.SPEAKING: 5,
    }
    assert FST_EXPERIENCE_YEARS.at(ON) == 2


PTE_CORE_FROM = ACCEPTED_TESTS.change_dates[-1]


@pytest.mark.parametrize(
    ("taken", "outcome"),
    [(PTE_CORE_FROM - timedelta(days=1), Outcome.NOT_MET), (PTE_CORE_FROM, Outcome.MET)],
)
def test_pte_core_counts_from_the_day_it_was_accepted(taken, outcome):
    pte = LanguageTest(
        kind=TestKind.PTE_CORE,
        test_date=taken,
        scores=AbilityScores(listening=39, reading=33, writing=41, speaking=51),
    )
    finding = assess(candidate(language_tests=(pte,)), date(2024, 6, 1)).finding(LANGUAGE)
    assert finding.outcome is outcome


# -- fst.experience.trade_years --------------------------------------------------------------


def test_a_day_short_of_two_years_is_not_met():
    short = job(span=(TWO_YEARS[0], TWO_YEARS[1] - timedelta(days=1)))
    finding = assess(candidate(short)).finding(EXPERIENCE)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.facts["hours_required"] == 3120


def test_two_trades_do_not_add_up():
    first = job(ELECTRICIAN, (date(2024, 1, 1), date(2024, 12, 29)))
    second = job(WELDER, (date(2025, 1, 1), date(2025, 12, 30)))
    verdict = assess(candidate(first, second))
    assert verdict.finding(EXPERIENCE).outcome is Outcome.NOT_MET
    assert verdict.outcome is VerdictOutcome.NOT_ELIGIBLE


def test_work_outside_a_trade_does_not_count():
    finding = assess(candidate(job("21231"))).finding(EXPERIENCE)
    assert finding.outcome is Outcome.NOT_MET
    assert "the occupation is not a skilled trade" in finding.sentence


def test_work_older_than_five_years_does_not_count():
    old = job(span=(date(2019, 1, 1), date(2020, 12, 28)))
    assert assess(candidate(old)).finding(EXPERIENCE).outcome is Outcome.NOT_MET


def test_an_unanswered_fact_leaves_the_years_unknown():
    verdict = assess(candidate(job(paid=None)))
    finding = verdict.finding(EXPERIENCE)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.work_history[0].paid",)
    assert verdict.outcome is VerdictOutcome.UNDETERMINED


SWITCH = NOC_VERSION_IN_FORCE.change_dates[1]


@pytest.mark.parametrize(
    ("on", "outcome"), [(SWITCH - timedelta(days=1), Outcome.NOT_MET), (SWITCH, Outcome.MET)]
)
def test_heavy_equipment_operators_became_a_trade_on_the_noc_2021_switch(on, outcome):
    # NOC 2016 7521 (level C, not a trade) is NOC 2021 73400 (major group 73, a trade).
    operator = job("7521", (date(2020, 6, 1), date(2022, 6, 1)))
    tests = (celpip(taken=date(2022, 1, 10)),)
    who = candidate(operator, language_tests=tests, certificates_of_qualification=())
    who = attrs.evolve(who, certificates_of_qualification=(certificate("7521"),))
    verdict = assess(who, on)
    assert verdict.finding(EXPERIENCE).outcome is outcome
    assert verdict.finding(OFFER).outcome is outcome


def test_the_trade_groups_change_on_the_switch_date():
    assert SKILLED_TRADES.change_dates == NOC_VERSION_IN_FORCE.change_dates


# -- fst.trade.noc_requirements --------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "outcome", "missing"),
    [
        (True, Outcome.MET, ()),
        (False, Outcome.NOT_MET, ()),
        (None, Outcome.UNKNOWN, ("$.meets_trade_requirements",)),
    ],
)
def test_the_noc_requirements_are_what_the_candidate_confirms(answer, outcome, missing):
    finding = assess(candidate(meets_trade_requirements=answer)).finding(NOC_REQUIREMENTS)
    assert (finding.outcome, finding.missing) == (outcome, missing)
    assert "NOC 72200 Electricians" in finding.sentence


def test_without_trade_experience_the_requirements_name_no_trade():
    finding = assess(candidate(job("21231"))).finding(NOC_REQUIREMENTS)
    assert "for the trade." in finding.sentence


# -- fst.offer_or_certificate ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("issuer", "words"),
    [
        (IssuingAuthority.FEDERAL, "issued by a federal body"),  # was "issued by FEDERAL"
        (IssuingAuthority.NT, "issued by the Northwest Territories"),
    ],
)
def test_a_certificates_issuer_is_named_in_words(issuer: IssuingAuthority, words: str) -> None:
    # Found by the rendering audit (helper-77): the issuer's code was shouted in capitals.
    issued = attrs.evolve(certificate(WELDER), issued_by=issuer)
    finding = assess(candidate(certificates_of_qualification=(issued,))).finding(OFFER)
    assert f"Certificate of qualification 1 (NOC 72106, {words}) is not in" in finding.sentence


def test_a_certificate_in_another_trade_is_not_met():
    verdict = assess(candidate(certificates_of_qualification=(certificate(WELDER),)))
    finding = verdict.finding(OFFER)
    assert finding.outcome is Outcome.NOT_MET
    assert (
        "Certificate of qualification 1 (NOC 72106, issued by Alberta) is not in"
        in finding.sentence
    )


@pytest.mark.parametrize(
    ("work_history", "missing"),
    [
        (None, "$.work_history"),  # not answered: the two years may be in any trade
        (WorkHistory(periods=(job(noc=None),)), "$.work_history[0].noc"),  # a trade not named
    ],
)
def test_a_trade_certificate_is_undecided_until_the_work_names_the_trade(work_history, missing):
    # Before, the certificate was met ("in a skilled trade"), and answering the work in another
    # trade turned it to not met: a decided finding must not change when facts are answered.
    verdict = assess(candidate(work_history=work_history))
    finding = verdict.finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert missing in finding.missing
    assert "may be in the trade with two years of experience" in finding.sentence
    welder = assess(candidate(job(noc=WELDER), work_history=None)).finding(OFFER)  # not this
    assert welder.outcome is Outcome.UNKNOWN
    software = certificate("21231")  # no skilled trade: certainly not the one
    other = assess(candidate(certificates_of_qualification=(software,), work_history=None))
    assert other.finding(OFFER).outcome is Outcome.NOT_MET


@pytest.mark.parametrize(
    ("issued", "outcome"),
    [(ON + timedelta(days=1), Outcome.NOT_MET), (ON, Outcome.MET), (None, Outcome.MET)],
)
def test_a_certificate_counts_from_its_issue_date(issued, outcome):
    # Found by an independent check: a certificate counted before it was issued (the CRS
    # counts one issued by the evaluation date, or of unknown date, P19; so does the FST now).
    held = attrs.evolve(certificate(), issue_date=issued)
    finding = assess(candidate(certificates_of_qualification=(held,))).finding(OFFER)
    assert finding.outcome is outcome
    if outcome is Outcome.NOT_MET:
        assert f"is issued only on {issued}, after {ON}." in finding.sentence


def test_a_certificate_without_a_trade_is_unknown():
    finding = assess(candidate(certificates_of_qualification=(certificate(None),))).finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.certificates_of_qualification[0].noc",)


def test_neither_a_certificate_nor_an_offer_is_not_met():
    finding = assess(candidate(certificates_of_qualification=())).finding(OFFER)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.sentence == (
        "Neither a certificate of qualification nor a job offer is given; the FST needs one of "
        "them in the trade."
    )


def test_a_qualifying_offer_in_the_trade_is_met():
    who = candidate(certificates_of_qualification=(), job_offers=(offer(),))
    finding = assess(who).finding(OFFER)
    assert finding.outcome is Outcome.MET
    assert "It is in NOC 72200 Electricians" in finding.sentence


def test_the_finding_names_the_offer_policy_only_when_an_offer_decides_it():
    """P34 (the qualifying-offer rules) for an offer; no policy for a certificate alone."""
    by_offer = candidate(certificates_of_qualification=(), job_offers=(offer(),))
    assert assess(by_offer).finding(OFFER).policy == "P34"
    both = candidate(job_offers=(offer(full_time=False),))  # the certificate decides
    assert assess(both).finding(OFFER).outcome is Outcome.MET
    assert assess(both).finding(OFFER).policy is None
    assert assess(candidate()).finding(OFFER).policy is None


def test_an_offer_in_another_trade_is_not_met():
    who = candidate(certificates_of_qualification=(), job_offers=(offer(WELDER),))
    finding = assess(who).finding(OFFER)
    assert finding.outcome is Outcome.NOT_MET
    assert "Job offer 1 (NOC 72106) is not in" in finding.sentence


def test_an_offer_that_does_not_qualify_is_not_met():
    who = candidate(certificates_of_qualification=(), job_offers=(offer(full_time=False),))
    finding = assess(who).finding(OFFER)
    assert finding.outcome is Outcome.NOT_MET
    assert "it is not full time" in finding.sentence


def test_an_offer_with_unanswered_facts_is_unknown():
    who = candidate(certificates_of_qualification=(), job_offers=(offer(None), offer(lmia=None)))
    finding = assess(who).finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.job_offers[0].noc", "$.job_offers[1].lmia")


def test_one_match_is_enough():
    who = candidate(certificates_of_qualification=(certificate(WELDER),), job_offers=(offer(),))
    assert assess(who).finding(OFFER).outcome is Outcome.MET


def test_without_two_years_in_a_trade_any_skilled_trade_is_looked_at():
    who = candidate(job(span=(date(2025, 1, 1), date(2025, 12, 30))))
    finding = assess(who).finding(OFFER)
    assert finding.outcome is Outcome.MET
    assert finding.sentence.endswith("is in a skilled trade.")
    who = candidate(job("21231"), certificates_of_qualification=(certificate("21231"),))
    assert assess(who).finding(OFFER).outcome is Outcome.NOT_MET


def test_a_certificate_in_a_trade_that_may_have_two_years_is_unknown():
    # Two certain years as a welder; the electrician years hang on an unanswered fact.
    who = candidate(job(WELDER), job(ELECTRICIAN, paid=None))
    finding = assess(who).finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.work_history[1].paid",)
    who = candidate(job(ELECTRICIAN, paid=None))
    finding = assess(who).finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert "a trade that may have two years of experience" in finding.sentence


def test_a_noc_2016_certificate_whose_counterparts_straddle_the_trades_asks_for_the_code():
    # NOC 2016 7371 became 72500 (a trade) or 75110 (not a trade).
    who = candidate(certificates_of_qualification=(certificate("7371"),))
    finding = assess(who).finding(OFFER)
    assert finding.outcome is Outcome.NOT_MET  # neither counterpart is an electrician
    who = candidate(job("72500"), certificates_of_qualification=(certificate("7371"),))
    finding = assess(who).finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.certificates_of_qualification[0].noc",)
    who = candidate(job("72500"), job_offers=(offer("7371"),), certificates_of_qualification=())
    finding = assess(who).finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.job_offers[0].noc",)


# -- fst.funds.settlement (P17) --------------------------------------------------------------


def test_funds_short_are_not_met():
    finding = assess(candidate(settlement_funds_cad=1_000)).finding(FUNDS)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.policy == "P17"


def test_authorized_with_a_qualifying_offer_in_the_trade_is_exempt():
    who = candidate(
        settlement_funds_cad=0,
        work_authorization=WorkAuthorization.LMIA_WORK_PERMIT,
        job_offers=(offer(currently_working_for_employer=True),),
    )
    verdict = assess(who)
    assert verdict.finding(FUNDS).outcome is Outcome.NOT_APPLICABLE
    assert verdict.eligible


def test_an_offer_in_another_trade_does_not_exempt():
    who = candidate(
        settlement_funds_cad=0,
        work_authorization=WorkAuthorization.LMIA_WORK_PERMIT,
        job_offers=(offer(WELDER),),
    )
    finding = assess(who).finding(FUNDS)
    assert finding.outcome is Outcome.NOT_MET
    # Why the offer does not exempt: it is not in the trade the candidate's experience is in.
    assert finding.sentence.endswith(
        "Not exempt: no qualifying job offer (policy P17). Job offer 1 (NOC 72106) is not in "
        "NOC 72200 Electricians (except industrial and power system), a trade with two years "
        "of experience."
    )


def test_an_offer_outside_the_trades_says_so_in_the_funds_finding():
    # A nurse's offer qualifies for the FSW; the FST's funds finding says why it does not here.
    who = candidate(
        settlement_funds_cad=0,
        work_authorization=WorkAuthorization.LMIA_EXEMPT_WORK_PERMIT,
        job_offers=(offer("31301"),),
    )
    sentence = assess(who).finding(FUNDS).sentence
    assert sentence.endswith(
        "Not exempt: no qualifying job offer (policy P17). Job offer 1 (NOC 31301) is not in "
        "NOC 72200 Electricians (except industrial and power system), a trade with two years "
        "of experience."
    )


def test_not_authorized_to_work_says_only_that():
    who = candidate(
        settlement_funds_cad=0,
        work_authorization=WorkAuthorization.NONE,
        job_offers=(offer(),),
    )
    sentence = assess(who).finding(FUNDS).sentence
    assert sentence.endswith("Not exempt: not authorized to work in Canada (policy P17).")


def test_an_undecided_offer_leaves_the_exemption_unknown():
    who = candidate(
        settlement_funds_cad=0,
        work_authorization=WorkAuthorization.OPEN_WORK_PERMIT,
        job_offers=(offer(lmia=None),),
    )
    finding = assess(who).finding(FUNDS)
    assert finding.outcome is Outcome.UNKNOWN
    assert "$.job_offers[0].lmia" in finding.missing


FUNDS_CHANGES = [row for row in SETTLEMENT_FUNDS if row.start > SETTLEMENT_FUNDS.change_dates[0]]


@pytest.mark.parametrize("row", FUNDS_CHANGES, ids=lambda row: str(row.start))
def test_funds_on_the_day_before_and_the_day_of_each_table(row):
    needed = row.value.amount(1)
    assert needed is not None
    who = candidate(
        job(span=(row.start - timedelta(days=800), row.start - timedelta(days=40))),
        language_tests=(celpip(taken=row.start - timedelta(days=100)),),
        settlement_funds_cad=needed - 1,
    )
    before = assess(who, row.start - timedelta(days=1)).finding(FUNDS)
    on_the_day = assess(who, row.start).finding(FUNDS)
    assert (before.outcome, on_the_day.outcome) == (Outcome.MET, Outcome.NOT_MET)


def test_before_the_first_funds_table_the_funds_are_unknown():
    first = SETTLEMENT_FUNDS.change_dates[0]
    who = candidate(
        job(span=(date(2017, 1, 1), date(2018, 12, 29))),
        language_tests=(celpip(taken=date(2019, 6, 1)),),
    )
    verdict = assess(who, first - timedelta(days=1))
    assert verdict.finding(FUNDS).outcome is Outcome.UNKNOWN
    assert verdict.outcome is VerdictOutcome.UNDETERMINED
    assert assess(who, first).eligible


# -- fst.residence.outside_quebec ------------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "outcome"),
    [(Province.NS, Outcome.MET), (Province.QC, Outcome.NOT_MET), (None, Outcome.UNKNOWN)],
)
def test_quebec(province, outcome):
    finding = assess(candidate(intended_province=province)).finding(RESIDENCE)
    assert finding.outcome is outcome


# -- properties ----------------------------------------------------------------------------

DATES = st.dates(date(2015, 1, 1), date(2027, 12, 31))
DECLARED = {rule.rule_id: rule for rule in FST.rules}
ABILITIES = st.sampled_from([ability.value for ability in Ability])


@given(candidates(), DATES)
def test_a_verdict_never_raises_and_every_finding_is_declared_and_cited(who, on):
    verdict = FST.assess(derive(who, on=on))
    assert [f.rule_id for f in verdict.findings] == list(DECLARED)
    for finding in verdict.findings:
        assert finding.citation.url.startswith("https://")
        assert finding.sentence
        # A funds table that does not give the amount (P31) is unknown, but no answer of the
        # candidate's would settle it; every other unknown names the facts it needs.
        if finding.outcome is Outcome.UNKNOWN and finding.policy != "P31":
            assert finding.missing


@given(candidates(), DATES, st.integers(0, 12), ABILITIES, st.integers(1, 8))
def test_raising_a_language_score_never_turns_eligible_into_not_eligible(
    who, on, level, ability, step
):
    levels = dict.fromkeys(("listening", "reading", "writing", "speaking"), level)
    test = celpip(taken=on - timedelta(days=30), **levels)
    raised = celpip(taken=test.test_date, **(levels | {ability: min(12, level + step)}))
    before = FST.assess(derive(attrs.evolve(who, language_tests=(test,)), on=on))
    after = FST.assess(derive(attrs.evolve(who, language_tests=(raised,)), on=on))
    assert not (before.eligible and not after.eligible)


@given(candidates(), DATES, st.integers(0, 100_000))
def test_raising_the_funds_never_turns_eligible_into_not_eligible(who, on, more):
    before = FST.assess(derive(who, on=on))
    richer = attrs.evolve(who, settlement_funds_cad=(who.settlement_funds_cad or 0) + more)
    after = FST.assess(derive(richer, on=on))
    assert not (before.eligible and not after.eligible)


@given(
    candidates(),
    DATES,
    st.sampled_from([ELECTRICIAN, COOK, WELDER, "62200"]),
    st.integers(30, 1500),
    st.sampled_from(["CA", "PH"]),
)
def test_adding_qualifying_experience_never_turns_eligible_into_not_eligible(
    who, on, noc, days, country
):
    before = FST.assess(derive(who, on=on))
    added = job(
        noc,
        (on - timedelta(days=days), on),
        country=country,
        authorized=True,
        self_employed=False,
        full_time_student=False,
    )
    periods = (*(who.work_history or WorkHistory()).periods, added)
    after = FST.assess(derive(attrs.evolve(who, work_history=WorkHistory(periods=periods)), on=on))
    assert not (before.eligible and not after.eligible)


def test_an_fst_offer_of_one_year_counts_before_2016_11_19_too():
    """The FSW wanted an indeterminate offer before 2016-11-19; the FST always took one year."""
    from expressentry.facts import derive
    from expressentry.job_offer import Purpose, assess_offer
    from expressentry.model import Candidate, JobOffer, LmiaStatus
    from expressentry.noc import NocCode
    from expressentry.verdict import Outcome

    offer = JobOffer(
        noc=NocCode("7241"),
        full_time=True,
        non_seasonal=True,
        at_least_one_year=True,
        lmia=LmiaStatus.APPROVED,
    )
    facts = derive(Candidate(job_offers=(offer,)), on=date(2016, 11, 18))
    assert assess_offer(facts, 0, Purpose.FST).outcome is Outcome.MET
    assert assess_offer(facts, 0, Purpose.FSW).outcome is not Outcome.MET


# -- offers by up to two employers (IRPR s. 87.2(3)(d); rules.md §2) ------------------------


def short(employer: str | None, months: int | None, noc: str = ELECTRICIAN) -> JobOffer:
    return attrs.evolve(
        offer(noc), at_least_one_year=False, employer=employer, duration_months=months
    )


def offers_only(*offers: JobOffer) -> Candidate:
    return candidate(certificates_of_qualification=(), job_offers=offers)


@pytest.mark.parametrize(
    ("months", "outcome"),
    [((6, 5), Outcome.NOT_MET), ((6, 6), Outcome.MET), ((8, 7), Outcome.MET)],
)
def test_two_employers_offers_that_together_last_a_year_are_met(months, outcome):
    first, second = months
    finding = assess(offers_only(short("Sparks Ltd", first), short("Volt Inc", second))).finding(
        OFFER
    )
    assert finding.outcome is outcome
    assert f"together last {first + second} months" in finding.sentence
    assert finding.policy == "P34"


def test_two_offers_with_lengths_or_employers_unanswered_are_unknown_and_say_which():
    finding = assess(offers_only(short("Sparks Ltd", 6), short(None, None))).finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    # Only what is not answered is named: offer 1's length (6 months) is given.
    assert set(finding.missing) == {"$.job_offers[1].employer", "$.job_offers[1].duration_months"}
    # In words, by offer: a reader is not handed JSON paths.
    assert finding.sentence.endswith(
        "from two employers; not answered: for job offer 2, the employer's name and the length "
        "in months of the employment offered."
    )


def test_one_employer_or_an_offer_outside_the_trade_makes_no_pair():
    same = assess(offers_only(short("Sparks Ltd", 6), short("SPARKS LTD", 6))).finding(OFFER)
    assert same.outcome is Outcome.NOT_MET
    assert "together" not in same.sentence
    welder = assess(offers_only(short("Sparks Ltd", 6), short("Volt Inc", 6, WELDER)))
    assert welder.finding(OFFER).outcome is Outcome.NOT_MET
    part_time = attrs.evolve(short("Volt Inc", 6), full_time=False)
    assert assess(offers_only(short("Sparks Ltd", 6), part_time)).finding(OFFER).outcome is (
        Outcome.NOT_MET
    )


def test_an_offers_length_in_months_settles_a_year_on_its_own():
    from expressentry.model import JobOffer as Offer

    long_enough = attrs.evolve(offer(), at_least_one_year=None, duration_months=12)
    assert assess(offers_only(long_enough)).finding(OFFER).outcome is Outcome.MET
    with pytest.raises(ProfileError, match="contradicts at_least_one_year"):
        Offer(at_least_one_year=True, duration_months=6)
    with pytest.raises(ProfileError, match="expected 1 to 1,200 months, got 0"):
        Offer(duration_months=0)
    with pytest.raises(ProfileError, match="an indeterminate offer has no length"):
        Offer(indeterminate=True, duration_months=14)


def test_a_pair_long_enough_is_unknown_while_its_trade_or_an_offer_is_not_settled():
    # The two years as an electrician hang on an unanswered fact: whether the offers are in a
    # trade with two years is not settled, and the pair names what would settle it.
    unsure = candidate(
        job(paid=None),
        certificates_of_qualification=(),
        job_offers=(short("Sparks Ltd", 6), short("Volt Inc", 6)),
    )
    finding = assess(unsure).finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert "$.work_history[0].paid" in finding.missing
    no_lmia = attrs.evolve(short("Volt Inc", 6), lmia=None)
    finding = assess(offers_only(short("Sparks Ltd", 6), no_lmia)).finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.job_offers[1].lmia",)
    no_code = attrs.evolve(short("Volt Inc", 6), noc=None)
    finding = assess(offers_only(short("Sparks Ltd", 6), no_code)).finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert "$.job_offers[1].noc" in finding.missing


def _certified_electrician(*periods: dict[str, object]) -> dict[str, object]:
    return {
        "schema_version": 1,
        "marital_status": "never_married",
        "first_official_language": "english",
        "intended_province": "on",
        "language_tests": [
            {
                "kind": "celpip_general",
                "test_date": "2024-01-10",
                "result_date": "2024-01-20",
                "scores": {"listening": 9, "reading": 9, "writing": 9, "speaking": 9},
            }
        ],
        "education": [],
        "job_offers": [],
        "settlement_funds_cad": 50_000,
        "meets_trade_requirements": True,
        "certificates_of_qualification": [
            {"noc": "72200", "issued_by": "on", "issue_date": "2020-01-01"}
        ],
        "work_history": list(periods),
    }


_ELECTRICIAN_JOB = {
    "noc": "72200",
    "country": "CA",
    "start": "2021-01-01",
    "hours_per_week": 40,
    "paid": True,
    "self_employed": False,
    "full_time_student": False,
    "authorized": True,
}
_MECHANIC_JOB = {
    **_ELECTRICIAN_JOB,
    "noc": "72410",
    "start": "2020-01-01",
    "end": "2023-12-31",
    "paid": None,
}


@pytest.mark.parametrize("mechanic_paid", [None, False])
def test_a_trade_only_uncoded_work_may_be_in_is_not_ruled_out(mechanic_paid: bool | None) -> None:
    # Audit helper-69: three years of work without a code and a certificate in 72200 were
    # "not met" (the only trade that might have two years was 72410); answered as 72200, met.
    uncoded = {key: value for key, value in _ELECTRICIAN_JOB.items() if key != "noc"}
    mechanic = {key: value for key, value in _MECHANIC_JOB.items() if value is not None}
    if mechanic_paid is not None:
        mechanic["paid"] = mechanic_paid
    on = date(2024, 6, 1)
    open_ = FST.assess(derive(from_dict(_certified_electrician(uncoded, mechanic)), on=on))
    finding = open_.finding(OFFER)
    assert finding.outcome is Outcome.UNKNOWN
    assert "$.work_history[0].noc" in finding.missing
    answered = FST.assess(
        derive(from_dict(_certified_electrician(_ELECTRICIAN_JOB, mechanic)), on=on)
    )
    assert answered.finding(OFFER).outcome is Outcome.MET


def test_a_certificate_outside_the_skilled_trades_is_not_met_whatever_the_uncoded_work() -> None:
    # Audit helper-73: a certificate in 41200 (university professors, not a trade) was
    # "unknown" beside work without a code, though no answer makes it a trade's certificate.
    uncoded = {key: value for key, value in _ELECTRICIAN_JOB.items() if key != "noc"}
    mechanic = {key: value for key, value in _MECHANIC_JOB.items() if value is not None}
    profile = _certified_electrician(uncoded, mechanic)
    profile["certificates_of_qualification"][0]["noc"] = "41200"
    verdict = FST.assess(derive(from_dict(profile), on=date(2024, 6, 1)))
    finding = verdict.finding(OFFER)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.missing == ()


def test_a_trade_that_even_every_uncoded_period_leaves_short_is_not_met() -> None:
    # 1.75 years in 72204 and 8 months without a code may make two years in 72204 only: a
    # certificate in 72200, which even those 8 months leave short, is not in the trade.
    line_installer = {**_ELECTRICIAN_JOB, "noc": "72204", "country": "IN", "start": "2022-09-01"}
    uncoded = {key: value for key, value in _ELECTRICIAN_JOB.items() if key != "noc"}
    uncoded.update(start="2021-01-01", end="2021-08-31")
    verdict = FST.assess(
        derive(from_dict(_certified_electrician(line_installer, uncoded)), on=date(2024, 6, 1))
    )
    finding = verdict.finding(OFFER)
    assert finding.outcome is Outcome.NOT_MET
    assert finding.sentence.startswith(
        "Certificate of qualification 1 (NOC 72200, issued by Ontario) is not in NOC 72204 "
    )
