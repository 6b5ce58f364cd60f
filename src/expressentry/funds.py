"""Settlement funds: the money an FSW or FST candidate must show, by family size and date.

IRPR s. 76(1)(b)(i) asks a Federal Skilled Worker for funds equal to half the minimum necessary
income (the low-income cut-off for urban areas of 500,000 people or more) for the size of the
family; s. 87.2(5) asks the same of a Federal Skilled Trades candidate. IRCC republishes the
amounts about once a year (rules.md §6.1; policy P31):

============  ==========================================  ==================================
In force      Family sizes                                Source
============  ==========================================  ==================================
2020-01-01    1 to 4 only (larger families not found)     a4zimmigration.com, workstudyvisa
2021-07-15    1 to 7, plus each additional member         swiftconnect.ca, treknation.ca
2022-06-09    1 to 7, plus each additional member         garsonil.com, immigrationnewscanada
2023-04-25    1 to 7, plus each additional member         canapprove.ae, cictimes.com
2024-05-28    1 to 7, plus each additional member         akcanada.com, eseumohimmigration
2025-07-07    1 to 7, plus each additional member         cadimmigration.com, businesstoday
============  ==========================================  ==================================

Before 2020-01-01, and for a family the table in force does not list, the amount is not known:
the finding is *unknown*, never a guess (policies P14, P31).

**Family size** (P14) counts the candidate, a spouse or common-law partner (even a Canadian or
one not coming to Canada) and the dependent children of either (:attr:`Facts.family_size`).

**Exemption** (P17): a candidate who is authorized to work in Canada **and** holds a qualifying
job offer need not show funds. The Regulations say it as "awarded arranged-employment points
under s. 82(2)(a), (b) or (d)"; the engine follows IRCC's wording (see ``docs/fsw.md``).

>>> from datetime import date
>>> required = settlement_funds_required(2, date(2025, 7, 7))
>>> required.amount, required.in_force_from
(19001, datetime.date(2025, 7, 7))
>>> settlement_funds_required(2, date(2025, 7, 6)).amount
18288
>>> print(settlement_funds_required(5, date(2020, 6, 1)).reason)
The table in force from 2020-01-01 lists families of 1 to 4 only; the amount for a family of 5 \
is not known, and is not guessed (policies P14, P31).
"""

from __future__ import annotations

import functools
from datetime import date

import attrs

from expressentry._written import upper_first
from expressentry.dated import Citation, Dated, DatedTable, require_in_force
from expressentry.facts import Facts
from expressentry.job_offer import Qualification
from expressentry.verdict import FactValue, Finding, Outcome, Rule

__all__ = [
    "IRPR_76",
    "PROOF_OF_FUNDS_URL",
    "SETTLEMENT_FUNDS",
    "FundsRequirement",
    "FundsTable",
    "settlement_funds_finding",
    "settlement_funds_required",
]

PROOF_OF_FUNDS_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/documents/proof-funds.html"
)
"""IRCC's proof-of-funds page, where the table in force is published."""

IRPR_76 = Citation(
    "IRPR",
    "s. 76(1)(b)(i) (FSW) and s. 87.2(5) (FST): settlement funds, half the low-income cut-off; "
    "IRCC proof of funds",
    PROOF_OF_FUNDS_URL,
)
"""S10, S9: who needs funds and how much (the table comes from IRCC's page)."""


def _row(sources: str) -> Citation:
    return Citation("IRCC", f"Proof of funds table ({sources})", PROOF_OF_FUNDS_URL)


@attrs.frozen
class FundsTable:
    """One published table: the amount for each family size from 1, and for each extra member.

    ``each_additional`` is ``None`` when the table gives no figure beyond its last size.

    >>> table = FundsTable((100, 150, 180), each_additional=20)
    >>> table.amount(3), table.amount(5), FundsTable((100,), None).amount(2)
    (180, 220, None)
    """

    by_family_size: tuple[int, ...]
    each_additional: int | None

    @property
    def largest_listed(self) -> int:
        """The largest family size the table lists."""
        return len(self.by_family_size)

    def amount(self, family_size: int) -> int | None:
        """The funds a family of ``family_size`` needs; ``None`` if the table does not say."""
        listed = self.largest_listed
        if family_size <= listed:
            return self.by_family_size[family_size - 1]
        if self.each_additional is None:
            return None
        return self.by_family_size[-1] + self.each_additional * (family_size - listed)


SETTLEMENT_FUNDS: DatedTable[FundsTable] = DatedTable(
    "Settlement funds (CAD) by family size",
    (
        Dated(
            date(2020, 1, 1),
            FundsTable((12_960, 16_135, 19_836, 24_083), None),
            _row("2020; a4zimmigration.com, workstudyvisa.com; sizes 5 and more not found"),
        ),
        Dated(
            date(2021, 7, 15),
            FundsTable((13_213, 16_449, 20_222, 24_553, 27_847, 31_407, 34_967), 3_560),
            _row("2021, profiles updated by 2021-07-15; swiftconnect.ca, treknation.ca"),
        ),
        Dated(
            date(2022, 6, 9),
            FundsTable((13_310, 16_570, 20_371, 24_733, 28_052, 31_638, 35_224), 3_586),
            _row("2022, in force 2022-06-09; garsonil.com, immigrationnewscanada.ca"),
        ),
        Dated(
            date(2023, 4, 25),
            FundsTable((13_757, 17_127, 21_055, 25_564, 28_994, 32_700, 36_407), 3_706),
            _row("2023, effective 2023-04-25; canapprove.ae, cictimes.com"),
        ),
        Dated(
            date(2024, 5, 28),
            FundsTable((14_690, 18_288, 22_483, 27_297, 30_690, 34_917, 38_875), 3_958),
            _row("2024, effective 2024-05-28; akcanada.com, eseumohimmigration.com"),
        ),
        Dated(
            date(2025, 7, 7),
            FundsTable((15_263, 19_001, 23_360, 28_362, 32_168, 36_280, 40_392), 4_112),
            _row("2025, effective 2025-07-07; cadimmigration.com, businesstoday.in"),
        ),
    ),
)
"""rules.md §6.1, policy P31. No 2026 table was found: the 2025 one stays in force."""


@attrs.frozen(kw_only=True)
class FundsRequirement:
    """The funds a family of ``family_size`` needs on ``on``; ``amount`` is ``None`` (with the
    ``reason``) when no table in force gives it."""

    family_size: int
    on: date
    amount: int | None
    in_force_from: date | None
    reason: str
    citation: Citation


def _money(amount: int) -> str:
    return f"${amount:,}"


def settlement_funds_required(
    family_size: int, on: date, *, at_least: bool = False
) -> FundsRequirement:
    """The settlement funds a family of ``family_size`` (1 or more) needs on ``on`` (P14, P31).

    With ``at_least``, ``family_size`` is the smallest the answers allow (the size is not
    known), and the reason says "a family of at least" that size.

    >>> settlement_funds_required(9, date(2026, 11, 29)).amount
    48616
    >>> print(settlement_funds_required(1, date(2019, 12, 31)).reason)
    No settlement-funds table is recorded before 2020-01-01 (policy P31).
    """
    require_in_force(on)  # P1; from 2015 to 2019 no table is recorded (P31)
    first = SETTLEMENT_FUNDS.change_dates[0]
    if on < first:
        return FundsRequirement(
            family_size=family_size,
            on=on,
            amount=None,
            in_force_from=None,
            reason=(
                f"No settlement-funds table is recorded before {first.isoformat()} (policy P31)."
            ),
            citation=IRPR_76,
        )
    entry = SETTLEMENT_FUNDS.entry_at(on)
    table = entry.value
    amount = table.amount(family_size)
    start = entry.start.isoformat()
    family = f"a family of at least {family_size}" if at_least else f"a family of {family_size}"
    if amount is None:
        reason = (
            f"The table in force from {start} lists families of 1 to {table.largest_listed} "
            f"only; the amount for {family} is not known, and is not guessed "
            "(policies P14, P31)."
        )
    else:
        reason = f"{_money(amount)} needed for {family} (the table in force from {start})."
    return FundsRequirement(
        family_size=family_size,
        on=on,
        amount=amount,
        in_force_from=entry.start,
        reason=reason,
        citation=entry.citation,
    )


def _exemption(facts: Facts, job_offer: Qualification) -> tuple[bool | None, list[str], str]:
    """Whether P17 exempts the candidate, the facts that would settle it, and why in words."""
    authorized = facts.authorized_to_work
    offer = job_offer.qualifies
    if authorized is False:
        return False, [], "not authorized to work in Canada"
    if offer is False:
        return False, [], "no qualifying job offer"
    if authorized and offer:
        return True, [], "authorized to work in Canada with a qualifying job offer"
    missing = ["$.work_authorization"] if authorized is None else []
    return None, missing + list(job_offer.missing), "the exemption is not settled"


def _family_missing(facts: Facts) -> list[str]:
    candidate = facts.candidate
    paths = []
    if candidate.marital_status is None:
        paths.append("$.marital_status")
    if candidate.dependent_children is None:
        paths.append("$.dependent_children")
    return paths


def _smallest_family(facts: Facts) -> int:
    """The family size the answered facts guarantee (P14): at least the candidate."""
    return 1 + (facts.partnered is True) + (facts.candidate.dependent_children or 0)


@functools.lru_cache(maxsize=256)
def _required(family_size: int, on: date, at_least: bool) -> FundsRequirement:
    """:func:`settlement_funds_required`, kept per family size and date (a frozen value that
    every assessment on the same date asks again)."""
    return settlement_funds_required(family_size, on, at_least=at_least)


def settlement_funds_finding(rule: Rule, facts: Facts, job_offer: Qualification) -> Finding:
    """The finding of a program's settlement-funds rule (FSW, FST), given the candidate's
    qualifying job offer for that program (policies P14, P17, P31).

    Met when the funds reach the table's amount; not applicable when exempt (P17); not met when
    they fall short and the candidate is not exempt; otherwise unknown, naming what is missing.

    >>> from datetime import date
    >>> from expressentry.facts import derive
    >>> from expressentry.job_offer import arranged_employment
    >>> from expressentry.model import Candidate, MaritalStatus
    >>> rule = Rule("fsw.funds.settlement", "Settlement funds", IRPR_76)
    >>> facts = derive(Candidate(marital_status=MaritalStatus.MARRIED, dependent_children=0,
    ...                          settlement_funds_cad=16_000, job_offers=()), on=date(2025, 7, 7))
    >>> finding = settlement_funds_finding(rule, facts, arranged_employment(facts))
    >>> finding.outcome, finding.policy
    (<Outcome.NOT_MET: 'not_met'>, 'P17')
    >>> print(finding.sentence)
    Funds of $16,000 for a family of 2; $19,001 needed (the table in force from 2025-07-07). \
Not exempt: no qualifying job offer (policy P17). No job offer is given.
    """
    exempt, exemption_missing, exemption_words = _exemption(facts, job_offer)
    funds = facts.candidate.settlement_funds_cad
    size = facts.family_size
    used: dict[str, FactValue] = {
        "settlement_funds_cad": funds,
        "family_size": size,
        "authorized_to_work": facts.authorized_to_work,
        "qualifying_job_offer": job_offer.qualifies,
    }
    if exempt:
        return rule.finding(
            Outcome.NOT_APPLICABLE,
            lambda: (
                f"No settlement funds needed: {exemption_words} (policy P17). {job_offer.sentence}"
            ),
            facts=used,
            policy="P17",
        )
    # With the family size unknown, the smallest family the answers allow: funds short of its
    # amount are short whatever the answers (a larger family never needs less). A family the
    # table in force does not list is unknown, not a guess (P14, P31).
    requirement = (
        _required(size, facts.on, False)
        if size is not None
        else _required(_smallest_family(facts), facts.on, True)
    )
    amount = requirement.amount
    used["required_cad"] = amount
    used["table_in_force_from"] = (
        requirement.in_force_from.isoformat() if requirement.in_force_from else None
    )
    missing: list[str] = [] if size is not None else _family_missing(facts)
    if funds is None or amount is None:
        enough = None
    elif size is None:
        enough = None if funds >= amount else False
    else:
        enough = funds >= amount
    if amount is None:
        # No amount to compare with, whatever the funds and the family turn out to be (no
        # table before 2020, or a family the table does not list, even the smallest the
        # answers allow): only an exemption can settle it (audit helper-73).
        missing = []
    elif funds is None:
        missing.insert(0, "$.settlement_funds_cad")

    def situation() -> str:
        """The funds against the requirement, in words."""
        if size is None:
            said = (
                f"The family size is not known; at least {_money(amount)} for a family of at "
                f"least {requirement.family_size}"
                if amount is not None
                else f"The family size is not known. {requirement.reason}"
            )
        else:
            said = requirement.reason
        if funds is None:
            sentence = f"Settlement funds are not given. {upper_first(said)}"
        elif size is not None and amount is not None:
            sentence = (
                f"Funds of {_money(funds)} for a family of {size}; "
                f"{_money(amount)} needed (the table in force from "
                f"{used['table_in_force_from']})."
            )
        else:
            sentence = f"Funds of {_money(funds)}. {upper_first(said)}"
        return sentence.rstrip(".") + "."

    if enough:
        return rule.finding(Outcome.MET, situation, facts=used, policy="P14")
    if enough is False and exempt is False:
        # Why no offer qualifies, when that is the reason: an offer the FSW accepts may not be
        # in a trade, and "no qualifying job offer" alone would contradict the FSW's verdict.
        offer_said = facts.authorized_to_work is not False
        return rule.finding(
            Outcome.NOT_MET,
            lambda: (
                f"{situation()} Not exempt: {exemption_words} (policy P17)."
                + (f" {job_offer.sentence}" if offer_said else "")
            ),
            facts=used,
            policy="P17",
        )
    if enough is False:
        return rule.finding(
            Outcome.UNKNOWN,
            lambda: (
                f"{situation()} Short unless exempt (authorized to work in Canada with a "
                f"qualifying job offer, policy P17): {exemption_words}."
            ),
            facts=used,
            policy="P17",
            missing=tuple(dict.fromkeys(exemption_missing)),
        )
    missing += exemption_missing if exempt is None else []
    policy = "P31" if amount is None else "P14"
    return rule.finding(
        Outcome.UNKNOWN,
        situation,
        facts=used,
        policy=policy,
        missing=tuple(dict.fromkeys(missing)),
    )
