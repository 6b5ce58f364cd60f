"""Settlement funds: the dated tables, the amount for a family, and the shared finding."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.dated import Citation
from expressentry.facts import Facts, derive
from expressentry.funds import (
    IRPR_76,
    SETTLEMENT_FUNDS,
    settlement_funds_finding,
    settlement_funds_required,
)
from expressentry.job_offer import Qualification, arranged_employment
from expressentry.model import (
    Candidate,
    JobOffer,
    LmiaStatus,
    MaritalStatus,
    NocCode,
    WorkAuthorization,
)
from expressentry.verdict import Finding, Outcome, Rule

RULE = Rule("test.funds.settlement", "Settlement funds", IRPR_76)

QUALIFYING_OFFER = JobOffer(
    noc=NocCode("21231"),
    full_time=True,
    non_seasonal=True,
    at_least_one_year=True,
    lmia=LmiaStatus.APPROVED,
)

# rules.md §6.1, row by row: (in force, family sizes 1-7 (None: not published), each extra).
PUBLISHED = [
    (date(2020, 1, 1), (12_960, 16_135, 19_836, 24_083, None, None, None), None),
    (date(2021, 7, 15), (13_213, 16_449, 20_222, 24_553, 27_847, 31_407, 34_967), 3_560),
    (date(2022, 6, 9), (13_310, 16_570, 20_371, 24_733, 28_052, 31_638, 35_224), 3_586),
    (date(2023, 4, 25), (13_757, 17_127, 21_055, 25_564, 28_994, 32_700, 36_407), 3_706),
    (date(2024, 5, 28), (14_690, 18_288, 22_483, 27_297, 30_690, 34_917, 38_875), 3_958),
    (date(2025, 7, 7), (15_263, 19_001, 23_360, 28_362, 32_168, 36_280, 40_392), 4_112),
]


def _facts(on: date, **fields: Any) -> Facts:
    defaults: dict[str, Any] = {
        "marital_status": MaritalStatus.NEVER_MARRIED,
        "dependent_children": 0,
        "work_authorization": WorkAuthorization.NONE,
    }
    defaults.update(fields)
    return derive(Candidate(**defaults), on=on)


def _finding(on: date, **fields: Any) -> Finding:
    facts = _facts(on, **fields)
    return settlement_funds_finding(RULE, facts, arranged_employment(facts))


# -- the tables ----------------------------------------------------------------------------


def test_the_tables_are_the_published_ones() -> None:
    assert SETTLEMENT_FUNDS.change_dates == tuple(start for start, _, _ in PUBLISHED)
    for (start, amounts, extra), entry in zip(PUBLISHED, SETTLEMENT_FUNDS, strict=True):
        assert entry.start == start
        for size, amount in enumerate(amounts, start=1):
            assert settlement_funds_required(size, start).amount == amount
        assert entry.value.each_additional == extra
        assert isinstance(entry.citation, Citation)
        assert entry.citation.url.startswith("https://www.canada.ca/")


@pytest.mark.parametrize(("start", "amounts", "extra"), PUBLISHED[1:])
def test_each_extra_member_adds_the_published_amount(
    start: date, amounts: tuple[int, ...], extra: int
) -> None:
    assert settlement_funds_required(8, start).amount == amounts[6] + extra
    assert settlement_funds_required(10, start).amount == amounts[6] + 3 * extra


@pytest.mark.parametrize("change", SETTLEMENT_FUNDS.change_dates)
@pytest.mark.parametrize("size", [1, 2, 4])
def test_boundary_days_of_every_table(change: date, size: int) -> None:
    before = settlement_funds_required(size, change - timedelta(days=1))
    on = settlement_funds_required(size, change)
    assert on.in_force_from == change
    assert on.amount == SETTLEMENT_FUNDS.at(change).amount(size)
    assert before.amount != on.amount
    assert before.in_force_from != change


def test_before_2020_no_amount_is_known() -> None:
    required = settlement_funds_required(1, date(2019, 12, 31))
    assert required.amount is None
    assert required.in_force_from is None
    assert "P31" in required.reason
    assert required.citation == IRPR_76


def test_the_2020_table_has_no_row_for_five() -> None:
    required = settlement_funds_required(5, date(2021, 7, 14))
    assert required.amount is None
    assert "1 to 4 only" in required.reason
    assert settlement_funds_required(5, date(2021, 7, 15)).amount == 27_847


def test_the_2025_table_stays_in_force() -> None:
    assert settlement_funds_required(1, date(2027, 12, 31)).amount == 15_263


# -- the finding ---------------------------------------------------------------------------

ON = date(2025, 7, 7)


@pytest.mark.parametrize(
    ("fields", "outcome", "missing", "policy"),
    [
        ({"settlement_funds_cad": 15_263}, Outcome.MET, (), "P14"),
        ({"settlement_funds_cad": 15_262}, Outcome.NOT_MET, (), "P17"),
        ({}, Outcome.UNKNOWN, ("$.settlement_funds_cad",), "P14"),
        (
            {"settlement_funds_cad": 19_000, "marital_status": MaritalStatus.MARRIED},
            Outcome.NOT_MET,
            (),
            "P17",
        ),
        (
            {"settlement_funds_cad": 15_000, "marital_status": None},
            Outcome.NOT_MET,  # below what even a family of one needs
            (),
            "P17",
        ),
        (
            {"settlement_funds_cad": 20_000, "dependent_children": None},
            Outcome.UNKNOWN,
            ("$.dependent_children",),
            "P14",
        ),
        (
            {"marital_status": None, "dependent_children": None},
            Outcome.UNKNOWN,
            ("$.settlement_funds_cad", "$.marital_status", "$.dependent_children"),
            "P14",
        ),
    ],
)
def test_finding_outcomes(
    fields: dict[str, Any], outcome: Outcome, missing: tuple[str, ...], policy: str
) -> None:
    finding = _finding(ON, **fields)
    assert finding.outcome is outcome
    assert finding.missing == missing
    assert finding.policy == policy
    assert finding.rule_id == RULE.rule_id
    assert finding.citation == IRPR_76


def test_sentence_has_the_candidates_figures() -> None:
    finding = _finding(ON, settlement_funds_cad=16_000, marital_status=MaritalStatus.MARRIED)
    assert finding.sentence.startswith(
        "Funds of $16,000 for a family of 2; $19,001 needed (the table in force from 2025-07-07)."
    )
    assert finding.facts["required_cad"] == 19_001
    assert finding.facts["family_size"] == 2


def test_exempt_when_authorized_with_a_qualifying_offer() -> None:
    finding = _finding(
        ON,
        work_authorization=WorkAuthorization.OPEN_WORK_PERMIT,
        job_offers=(QUALIFYING_OFFER,),
    )
    assert finding.outcome is Outcome.NOT_APPLICABLE
    assert finding.policy == "P17"
    assert "No settlement funds needed" in finding.sentence


def test_authorization_without_an_offer_is_no_exemption() -> None:
    finding = _finding(
        ON,
        settlement_funds_cad=0,
        work_authorization=WorkAuthorization.OPEN_WORK_PERMIT,
        job_offers=(),
    )
    assert finding.outcome is Outcome.NOT_MET
    assert "no qualifying job offer" in finding.sentence


def test_authorization_with_offers_not_answered_leaves_the_exemption_open() -> None:
    # Absent job offers are not "none" (DESIGN principle 4): the exemption may still hold.
    finding = _finding(
        ON, settlement_funds_cad=0, work_authorization=WorkAuthorization.OPEN_WORK_PERMIT
    )
    assert finding.outcome is Outcome.UNKNOWN
    assert "$.job_offers" in finding.missing


def test_an_offer_without_authorization_is_no_exemption() -> None:
    finding = _finding(ON, settlement_funds_cad=0, job_offers=(QUALIFYING_OFFER,))
    assert finding.outcome is Outcome.NOT_MET
    assert "not authorized to work in Canada" in finding.sentence


def test_short_funds_with_an_undecided_exemption_are_unknown() -> None:
    finding = _finding(
        ON, settlement_funds_cad=0, work_authorization=None, job_offers=(QUALIFYING_OFFER,)
    )
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.work_authorization",)
    assert finding.policy == "P17"


def test_unknown_funds_name_the_exemption_facts_too() -> None:
    vague = JobOffer(noc=NocCode("21231"), lmia=LmiaStatus.APPROVED)
    finding = _finding(ON, work_authorization=None, job_offers=(vague,))
    assert finding.missing == (
        "$.settlement_funds_cad",
        "$.work_authorization",
        "$.job_offers[0].full_time",
        "$.job_offers[0].non_seasonal",
        "$.job_offers[0].at_least_one_year",
    )


@pytest.mark.parametrize("funds", [0, 24_082, 24_083, 50_000])
def test_a_missing_row_is_unknown_whatever_the_funds(funds: int) -> None:
    # P14: "Where a table is incomplete (2020 rows 5+), the finding is undetermined, not a
    # guess", even for funds below the amount for a family of four.
    large = {"marital_status": MaritalStatus.MARRIED, "dependent_children": 3}
    finding = _finding(date(2021, 7, 14), settlement_funds_cad=funds, **large)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ()
    assert finding.policy == "P31"
    assert "families of 1 to 4 only; the amount for a family of 5 is not known" in (
        finding.sentence
    )
    # The next table lists the family: the same funds are decided.
    listed = _finding(date(2021, 7, 15), settlement_funds_cad=funds, **large)
    assert listed.outcome is (Outcome.MET if funds >= 27_847 else Outcome.NOT_MET)


def test_an_unknown_family_the_table_may_not_list_is_unknown() -> None:
    # Marital status unanswered, four children: a family of at least 5, which the 2020 table
    # does not list, so even $1 is not read as short.
    finding = _finding(
        date(2021, 1, 1), settlement_funds_cad=1, marital_status=None, dependent_children=4
    )
    assert finding.outcome is Outcome.UNKNOWN
    # No answer settles it: even the smallest family the answers allow is not listed (P31;
    # audit helper-73: the marital status was named, though answering it changed nothing).
    assert finding.missing == ()
    assert finding.policy == "P31"
    assert finding.sentence == (
        "Funds of $1. The family size is not known. The table in force from 2020-01-01 lists "
        "families of 1 to 4 only; the amount for a family of at least 5 is not known, and is "
        "not guessed (policies P14, P31)."
    )
    # Three children: at least a family of 4, which the table lists.
    short = _finding(
        date(2021, 1, 1), settlement_funds_cad=1, marital_status=None, dependent_children=3
    )
    assert short.outcome is Outcome.NOT_MET


def test_before_2020_the_finding_is_unknown() -> None:
    finding = _finding(date(2019, 12, 31), settlement_funds_cad=1_000_000)
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.policy == "P31"
    assert "before 2020-01-01" in finding.sentence
    assert finding.missing == ()  # no answer settles it
    unanswered = _finding(date(2019, 12, 31), settlement_funds_cad=None)
    assert (unanswered.outcome, unanswered.missing) == (Outcome.UNKNOWN, ())
    family_unknown = _finding(date(2019, 12, 31), settlement_funds_cad=10, marital_status=None)
    assert family_unknown.outcome is Outcome.UNKNOWN
    assert family_unknown.missing == ()
    assert family_unknown.sentence == (
        "Funds of $10. The family size is not known. No settlement-funds table is recorded "
        "before 2020-01-01 (policy P31)."
    )


def test_a_program_can_pass_its_own_offer_answer() -> None:
    # The FST has its own job-offer rule; it hands the funds finding a Qualification.
    facts = _facts(ON, work_authorization=WorkAuthorization.LMIA_WORK_PERMIT)
    offer = Qualification(outcome=Outcome.MET, sentence="An FST offer qualifies.")
    finding = settlement_funds_finding(RULE, facts, offer)
    assert finding.outcome is Outcome.NOT_APPLICABLE


@given(
    funds=st.integers(0, 100_000),
    extra=st.integers(1, 100_000),
    size=st.integers(0, 6),
    on=st.dates(date(2015, 1, 1), date(2027, 12, 31)),
)
def test_more_funds_never_hurt(funds: int, extra: int, size: int, on: date) -> None:
    rank = {Outcome.NOT_MET: 0, Outcome.UNKNOWN: 1, Outcome.MET: 2, Outcome.NOT_APPLICABLE: 2}
    low = _finding(on, settlement_funds_cad=funds, dependent_children=size)
    high = _finding(on, settlement_funds_cad=funds + extra, dependent_children=size)
    assert rank[high.outcome] >= rank[low.outcome]
