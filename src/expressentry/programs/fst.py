"""The Federal Skilled Trades Program (FST), IRPR s. 87.2.

The federal skilled trades class is for skilled trades workers who may become permanent
residents because they can become economically established in Canada in a skilled trade, and
who intend to live in a province other than Quebec (s. 87.2(2)). A foreign national is a member
when (s. 87.2(3)):

(a) their first official language test reaches the Minister's thresholds: CLB/NCLC 5 in
    speaking and listening, 4 in reading and writing (s. 74(1); rules.md §2, §5.2);
(b) in the five years before applying they have two years of full-time work (3,120 hours, or
    the same amount part-time) in one skilled trade (the dated trade groups of IRPR s. 87.2(1),
    :data:`~expressentry.noc.SKILLED_TRADES`), paid, in any country;
(c) they meet the employment requirements the NOC sets out for that trade, except the need for
    a certificate of qualification: a fact the candidate confirms;
(d) they hold an offer of full-time employment in that trade for at least one year, or a
    certificate of qualification in that trade issued by a province, a territory or a federal
    authority.

They also need settlement funds unless authorized to work in Canada with a qualifying offer
(s. 87.2(5); policy P17). There is no education requirement.

Rules (ids are stable): ``fst.language.minimum`` (P33), ``fst.experience.trade_years`` (P27),
``fst.trade.noc_requirements``, ``fst.offer_or_certificate``, ``fst.funds.settlement`` (P14, P17,
P31) and ``fst.residence.outside_quebec`` (P18).

>>> from datetime import date
>>> from expressentry.facts import derive
>>> from expressentry.model import (
...     AbilityScores, Candidate, CertificateOfQualification, IssuingAuthority, LanguageTest,
...     MaritalStatus, NocCode, Province, TestKind, WorkHistory, WorkPeriod,
... )
>>> cook = WorkPeriod(
...     noc=NocCode("63200"), country="CA", start=date(2023, 6, 1), end=None,
...     hours_per_week=40, paid=True, self_employed=False, full_time_student=False,
...     authorized=True,
... )
>>> ielts = LanguageTest(
...     kind=TestKind.IELTS_GENERAL_TRAINING, test_date=date(2026, 3, 1),
...     scores=AbilityScores(listening=5.0, reading=4.0, writing=5.0, speaking=5.0),
... )
>>> candidate = Candidate(
...     intended_province=Province.ON, language_tests=(ielts,),
...     work_history=WorkHistory(periods=(cook,)), meets_trade_requirements=True,
...     certificates_of_qualification=(
...         CertificateOfQualification(noc=NocCode("63200"), issued_by=IssuingAuthority.ON),
...     ),
...     marital_status=MaritalStatus.NEVER_MARRIED, dependent_children=0,
...     settlement_funds_cad=16_000,
... )
>>> verdict = FST.assess(derive(candidate, on=date(2026, 11, 29)))
>>> verdict.outcome
<VerdictOutcome.ELIGIBLE: 'eligible'>
>>> print(verdict.finding("fst.offer_or_certificate").sentence)
Certificate of qualification 1 (NOC 63200, issued by Ontario) is in NOC 63200 Cooks, a trade with \
two years of experience.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date
from fractions import Fraction
from types import MappingProxyType
from typing import Final

import attrs

from expressentry._written import Written, written
from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Citation, Dated, DatedTable
from expressentry.experience import FST as FST_WORK
from expressentry.experience import HOURS_PER_YEAR, Experience
from expressentry.facts import Facts
from expressentry.funds import settlement_funds_finding
from expressentry.job_offer import (
    NO_ANSWER,
    OFFERS_PATH,
    Purpose,
    Qualification,
    a_year_or_more,
    assess_offer,
)
from expressentry.language import Ability
from expressentry.model import MONTHS_IN_A_YEAR
from expressentry.noc import SKILLED_TRADES, NocCode, in_version, version_in_force
from expressentry.programs._common import (
    LAWS,
    experience_finding,
    format_hours,
    language_minimum_per_ability,
    outside_quebec,
    work_history_paths,
)
from expressentry.serialization import facts_in_words
from expressentry.verdict import FactValue, Finding, Outcome, Rule, Verdict

__all__ = [
    "FST",
    "FST_EXPERIENCE_YEARS",
    "FST_LANGUAGE_MINIMUMS",
    "FederalSkilledTrades",
]

_FST_PAGE: Final = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/who-can-apply/federal-skilled-trades.html"
)  # S9
_SECTION: Final = LAWS + "section-87.2.html"

_LANGUAGE = Citation(
    "IRPR",
    "s. 87.2(3)(a) and s. 74(1): CLB/NCLC 5 in speaking and listening, 4 in reading and writing",
    _FST_PAGE,
)
_EXPERIENCE = Citation(
    "IRPR",
    "s. 87.2(3)(b): two years of full-time work in the skilled trade in the 5 years before "
    "applying",
    _SECTION,
)
_NOC_REQUIREMENTS = Citation(
    "IRPR",
    "s. 87.2(3)(c): the employment requirements of the trade in the NOC, except a certificate "
    "of qualification",
    _SECTION,
)
_OFFER_OR_CERTIFICATE = Citation(
    "IRPR",
    "s. 87.2(3)(d): an offer of full-time employment of at least one year, or a certificate of "
    "qualification, in the trade",
    _FST_PAGE,
)
_FUNDS = Citation(
    "IRPR",
    "s. 87.2(5): settlement funds, unless authorized to work in Canada with a qualifying offer",
    _SECTION,
)
_RESIDENCE = Citation(
    "IRPR", "s. 87.2(2): intends to reside in a province other than Quebec", _SECTION
)


FST_LANGUAGE_MINIMUMS: DatedTable[Mapping[Ability, int]] = DatedTable(
    "FST: minimum CLB/NCLC level in each ability of the first official language",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            MappingProxyType(
                {Ability.LISTENING: 5, Ability.READING: 4, Ability.WRITING: 4, Ability.SPEAKING: 5}
            ),
            _LANGUAGE,
        ),
    ),
)
"""rules.md §2 and §5.2: speaking and listening CLB 5, reading and writing CLB 4."""

FST_EXPERIENCE_YEARS: DatedTable[int] = DatedTable(
    "FST: years of full-time work in one skilled trade needed",
    (Dated(EXPRESS_ENTRY_LAUNCH, 2, _EXPERIENCE),),
)
"""Two years (3,120 hours at 1,560 a year) in the trade, within the window of the FST query."""

_LANGUAGE_RULE = Rule("fst.language.minimum", "Language minimum in each ability", _LANGUAGE, "P33")
_EXPERIENCE_RULE = Rule(
    "fst.experience.trade_years", "Two years in one skilled trade", _EXPERIENCE, "P27"
)
_NOC_RULE = Rule(
    "fst.trade.noc_requirements", "Meets the NOC requirements of the trade", _NOC_REQUIREMENTS
)
_CERTIFICATES_PATH: Final = "$.certificates_of_qualification"
_NO_CERTIFICATE_ANSWER: Final = (
    "Whether a province, territory or federal body has issued a certificate of qualification "
    "is not answered."
)
_OFFER_RULE = Rule(
    "fst.offer_or_certificate",
    "Job offer or certificate of qualification in the trade",
    _OFFER_OR_CERTIFICATE,
)
_FUNDS_RULE = Rule("fst.funds.settlement", "Settlement funds unless exempt", _FUNDS, "P17")
_RESIDENCE_RULE = Rule(
    "fst.residence.outside_quebec", "Intends to live outside Quebec", _RESIDENCE, "P18"
)


def _hours_required(on: date) -> int:
    return FST_EXPERIENCE_YEARS.at(on) * HOURS_PER_YEAR.at(on)


def _trade_name(code: NocCode) -> str:
    return f"NOC {code.code} {code.title}"


@attrs.frozen
class _Trades:
    """The trades in which the candidate certainly, or possibly, has the two years."""

    certain: tuple[Experience, ...]
    possible: tuple[Experience, ...]

    @classmethod
    def of(cls, facts: Facts) -> _Trades:
        # Whole years compared in the ledger's units: what reaches(_hours_required(on)) says,
        # without building Fractions.
        years = FST_EXPERIENCE_YEARS.at(facts.on)
        certain: list[Experience] = []
        possible: list[Experience] = []
        for experience in facts.experience(FST_WORK).by_occupation():
            reached = experience.reaches_years(years)
            if reached:
                certain.append(experience)
            elif reached is None:
                possible.append(experience)
        return cls(certain=tuple(certain), possible=tuple(possible))


def _experience_finding(facts: Facts) -> Finding:
    best = facts.experience(FST_WORK)
    required = _hours_required(facts.on)
    return experience_finding(
        _EXPERIENCE_RULE,
        best,
        required,
        need=_need(required),
        work="paid work in one skilled trade",
        counted="paid work"
        if best.occupation is None
        else f"paid work in {_trade_name(best.occupation)}",
    )


@functools.lru_cache(maxsize=16)
def _need(required: int) -> str:
    return f"the FST needs {format_hours(Fraction(required))} (two years) in one skilled trade"


def _noc_requirements_finding(facts: Facts, trades: _Trades) -> Finding:
    confirmed = facts.candidate.meets_trade_requirements
    chosen = (trades.certain or trades.possible or (facts.experience(FST_WORK),))[0]
    occupation = chosen.occupation

    def trade() -> str:
        return "the trade" if occupation is None else f"the trade ({_trade_name(occupation)})"

    recorded: dict[str, FactValue] = {
        "meets_trade_requirements": confirmed,
        "occupation": None if occupation is None else occupation.code,
    }
    if confirmed is None:
        return _NOC_RULE.finding(
            Outcome.UNKNOWN,
            lambda: (
                f"Not answered whether the candidate meets the employment requirements the NOC "
                f"sets out for {trade()}, other than a certificate of qualification."
            ),
            facts=recorded,
            missing=("$.meets_trade_requirements",),
        )
    if confirmed:
        return _NOC_RULE.finding(
            Outcome.MET,
            lambda: (
                f"The candidate confirms meeting the employment requirements the NOC sets out "
                f"for {trade()}."
            ),
            facts=recorded,
        )
    return _NOC_RULE.finding(
        Outcome.NOT_MET,
        lambda: (
            f"The candidate does not meet the employment requirements the NOC sets out for "
            f"{trade()}."
        ),
        facts=recorded,
    )


# -- offer or certificate ---------------------------------------------------------------------

Membership = Callable[[NocCode], "bool | None"]
"""Whether a code of the NOC version in force is in the trades looked at; ``None`` when the
experience in it is not settled."""


@attrs.frozen
class _Target:
    """The trades a certificate or offer must be in, in words, and the facts that would settle
    the experience in the trades that only possibly have two years."""

    member: Membership
    words: Written
    missing: tuple[str, ...] = ()

    @classmethod
    def of(cls, facts: Facts, trades: _Trades) -> _Target:
        """The trades with two years certainly (those with two years possibly are undecided);
        else those with two years possibly; else, when no trade has two years, any skilled
        trade, so the finding still says whether the certificate or offer is in a trade."""
        chosen = trades.certain or trades.possible
        group = SKILLED_TRADES.at(facts.on)
        years = FST_EXPERIENCE_YEARS.at(facts.on)

        def possibly(code: NocCode) -> bool | None:
            """Whether a trade that no coded period gives two years may have them from
            periods of no known trade (a history not answered, periods without a code):
            ``None`` while it may, ``False`` once even all of them leave it short (audit
            helper-69). One rule for both targets below."""
            if code not in group:  # not a skilled trade: no answer makes it the trade
                return False
            reached = facts.experience(FST_WORK, code).reaches_years(years)
            return None if reached is None else False

        if not chosen:
            best = facts.experience(FST_WORK)
            if best.reaches_years(years) is None:
                return cls(
                    possibly, "the trade with two years of experience", work_history_paths(best)
                )
            return cls(lambda code: code in group, "a skilled trade")
        certain = frozenset(_codes(trades.certain))
        possible = frozenset(_codes(trades.possible))
        how = "with" if trades.certain else "that may have"

        uncoded = any(period.noc is None for period in facts.ledger.history.periods)

        def words() -> str:
            names = ", ".join(_trade_name(NocCode(code)) for code in _codes(chosen))
            plural = "trades" if len(chosen) > 1 else "a trade"
            # Work without a code may give another trade the two years (see member()).
            other = ", or another trade the work without a NOC code may be in" if uncoded else ""
            return f"{names}, {plural} {how} two years of experience{other}"

        def member(code: NocCode) -> bool | None:
            if code.code in certain:
                return True
            if code.code in possible:
                return None
            return possibly(code)

        best = facts.experience(FST_WORK)
        missing = tuple(
            dict.fromkeys(
                path
                for e in (*trades.possible, best)
                for path in (work_history_paths(e) if not e.known else ())
            )
        )
        return cls(member, words, missing)


def _codes(experiences: tuple[Experience, ...]) -> list[str]:
    return [e.occupation.code for e in experiences if e.occupation is not None]


def _in_trades(noc: NocCode, facts: Facts, target: _Target) -> tuple[bool | None, tuple[str, ...]]:
    """Whether ``noc`` is in the target trades, read in the NOC version in force, and the facts
    that would settle it when it is not known."""
    codes = in_version(noc, version_in_force(facts.on))
    answers = {target.member(code) for code in codes}
    if answers == {True} or answers == {False}:
        return answers.pop(), ()
    return None, target.missing if len(codes) == 1 else ("noc", *target.missing)


@attrs.frozen
class _Match:
    """One certificate or offer against the trades: its outcome, sentence (written when read)
    and missing facts."""

    outcome: Outcome
    sentence: Written
    missing: tuple[str, ...] = ()


def _unsettled(path: str, missing: tuple[str, ...]) -> tuple[str, ...]:
    # "noc" stands for the code of the certificate or offer itself.
    return tuple(path if item == "noc" else item for item in missing)


def _certificate(facts: Facts, index: int, target: _Target) -> _Match:
    certificate = (facts.candidate.certificates_of_qualification or ())[index]
    path = f"$.certificates_of_qualification[{index}].noc"
    noc = certificate.noc
    issued = certificate.issued_by.title
    name = f"Certificate of qualification {index + 1}"
    on = facts.on
    issue_date = certificate.issue_date
    if issue_date is not None and issue_date > on:  # not held yet (as the CRS counts it, P19)
        return _Match(
            Outcome.NOT_MET,
            f"{name} (issued by {issued}) is issued only on {issue_date}, after {on}.",
        )
    if noc is None:
        return _Match(Outcome.UNKNOWN, f"{name} (issued by {issued}) names no trade.", (path,))
    name += f" (NOC {noc.code}, issued by {issued})"
    found, missing = _in_trades(noc, facts, target)
    words = target.words
    if found is None:
        return _Match(
            Outcome.UNKNOWN,
            lambda: f"{name} may be in {written(words)}.",
            _unsettled(path, missing),
        )
    if found:
        return _Match(Outcome.MET, lambda: f"{name} is in {written(words)}.")
    return _Match(Outcome.NOT_MET, lambda: f"{name} is not in {written(words)}.")


def _offer(facts: Facts, index: int, target: _Target) -> _Match:
    noc = (facts.candidate.job_offers or ())[index].noc
    found, in_doubt = (None, ()) if noc is None else _in_trades(noc, facts, target)
    if found is False:
        return _Match(
            Outcome.NOT_MET,
            lambda: f"Job offer {index + 1} (NOC {noc}) is not in {written(target.words)}.",
        )
    # The conditions of the offer itself (full time, at least a year, LMIA support) are those
    # of the shared qualifying-offer rules (P34), with the FST's own duration: one year, even
    # before 2016-11-19 when the FSW wanted an indeterminate offer.
    offer = assess_offer(facts, index, Purpose.FST)
    if offer.outcome is Outcome.NOT_MET:
        return _Match(Outcome.NOT_MET, lambda: offer.sentence)
    if found and offer.outcome is Outcome.MET:
        return _Match(Outcome.MET, lambda: f"{offer.sentence} It is in {written(target.words)}.")
    missing = (*_unsettled(f"$.job_offers[{index}].noc", in_doubt), *offer.missing)
    return _Match(
        Outcome.UNKNOWN,
        lambda: f"{offer.sentence} It may be in {written(target.words)}.",
        tuple(dict.fromkeys(missing)),
    )


def _two_employers(facts: Facts, target: _Target) -> list[_Match]:
    """Pairs of offers, each for less than a year, from two employers, that may together last
    the year the FST asks: IRPR s. 87.2(3)(d) accepts an offer "by up to two employers".

    A pair is looked at only when each offer qualifies but for its length and may be in the
    trade, and the employers are not the same one; their lengths then decide
    (``duration_months``), or what is not answered is named.
    """
    offers = facts.candidate.job_offers or ()
    short = [index for index, offer in enumerate(offers) if a_year_or_more(offer) is False]
    pairs: list[_Match] = []
    for position, first in enumerate(short):
        for second in short[position + 1 :]:
            pair = _pair(facts, target, first, second)
            if pair is not None:
                pairs.append(pair)
    return pairs


def _pair(facts: Facts, target: _Target, first: int, second: int) -> _Match | None:
    offers = facts.candidate.job_offers
    assert offers is not None  # a pair is looked for among offers given
    missing: list[str] = []
    for index in (first, second):
        offer, path = offers[index], f"$.job_offers[{index}]"
        if offer.noc is None:
            missing.append(f"{path}.noc")
        else:
            found, in_doubt = _in_trades(offer.noc, facts, target)
            if found is False:
                return None
            if found is None:
                missing.extend(_unsettled(f"{path}.noc", in_doubt))
        qualification = assess_offer(facts, index, Purpose.FST, own_duration=False)
        if qualification.outcome is Outcome.NOT_MET:
            return None
        missing.extend(qualification.missing)
        if offer.employer is None:
            missing.append(f"{path}.employer")
    employers = (offers[first].employer, offers[second].employer)
    if None not in employers and len({str(name).casefold() for name in employers}) == 1:
        return None  # one employer's two offers: not offers by two employers
    months = [offers[index].duration_months for index in (first, second)]
    names = f"Job offers {first + 1} and {second + 1}"
    if None not in months:
        total = sum(month for month in months if month is not None)
        if total < MONTHS_IN_A_YEAR:
            return _Match(
                Outcome.NOT_MET,
                f"{names}, from two employers, together last {total} months: short of the "
                f"year of full-time employment the FST needs.",
            )
        if not missing:
            return _Match(
                Outcome.MET,
                lambda: (
                    f"{names}, from two employers, together last {total} months and are in "
                    f"{written(target.words)}: the year of full-time employment the FST needs "
                    f"(IRPR s. 87.2(3)(d) accepts offers by up to two employers)."
                ),
            )
    else:
        missing += [
            f"$.job_offers[{index}].duration_months"
            for index in (first, second)
            if offers[index].duration_months is None
        ]
    paths = tuple(dict.fromkeys(missing))
    return _Match(
        Outcome.UNKNOWN,
        lambda: (
            f"{names}, each for less than a year, may together make the year of full-time "
            f"employment the FST needs, from two employers; not answered: {facts_in_words(paths)}."
        ),
        paths,
    )


def _combine(matches: list[_Match]) -> tuple[Outcome, Callable[[], str], tuple[str, ...]]:
    """The best outcome among the matches (met, else unknown, else not met), the sentences of
    the matches that have it, and what would settle an unknown one."""
    outcomes = {match.outcome for match in matches}
    outcome = next(o for o in (Outcome.MET, Outcome.UNKNOWN, Outcome.NOT_MET) if o in outcomes)
    chosen = [match for match in matches if match.outcome is outcome]
    missing = tuple(dict.fromkeys(path for match in chosen for path in match.missing))
    return outcome, lambda: " ".join(written(match.sentence) for match in chosen), missing


def _offer_or_certificate_finding(facts: Facts, target: _Target, offers: list[_Match]) -> Finding:
    """``offers`` are the job offers matched against ``target``, in the candidate's order."""
    candidate = facts.candidate
    certificates = candidate.certificates_of_qualification
    matches = [
        _certificate(facts, index, target) for index in range(len(certificates or ()))
    ] + offers
    pairs = _two_employers(facts, target) if len(offers) > 1 else []
    matches += pairs
    # Not answered is not "none" (DESIGN principle 4): either may still hold the trade's.
    if certificates is None:
        matches.append(_Match(Outcome.UNKNOWN, _NO_CERTIFICATE_ANSWER, (_CERTIFICATES_PATH,)))
    if candidate.job_offers is None:
        matches.append(_Match(Outcome.UNKNOWN, NO_ANSWER, (OFFERS_PATH,)))
    recorded: dict[str, FactValue] = {
        "certificates": None if certificates is None else len(certificates),
        "job_offers": None if candidate.job_offers is None else len(candidate.job_offers),
    }
    if not matches:
        return _OFFER_RULE.finding(
            Outcome.NOT_MET,
            "Neither a certificate of qualification nor a job offer is given; the FST needs one "
            "of them in the trade.",
            facts=recorded,
        )
    outcome, matched, missing = _combine(matches)

    def sentence() -> str:
        said = matched()
        if outcome is Outcome.NOT_MET:
            said += " The FST needs a certificate of qualification or a job offer in the trade."
        return said

    # An offer among the matches that decide it is judged by the qualifying-offer rules (P34).
    policy = "P34" if any(offer.outcome is outcome for offer in offers + pairs) else None
    return _OFFER_RULE.finding(outcome, sentence, facts=recorded, missing=missing, policy=policy)


def _funds_offer(facts: Facts, offers: list[_Match]) -> Qualification:
    """The offer the funds exemption looks at (P17): a qualifying offer in the trade, among
    the job offers matched against the trades (``offers``)."""
    if facts.candidate.job_offers is None:
        return Qualification(outcome=Outcome.UNKNOWN, sentence=NO_ANSWER, missing=(OFFERS_PATH,))
    if not offers:
        return Qualification(outcome=Outcome.NOT_MET, sentence="No job offer is given.")
    outcome, sentence, missing = _combine(offers)
    return Qualification(outcome=outcome, sentence=sentence, missing=missing)


class FederalSkilledTrades:
    """The Federal Skilled Trades Program behind the
    :class:`~expressentry.programs.Program` protocol. Use the module's :data:`FST`."""

    code: Final = "FST"
    name: Final = "Federal Skilled Trades Program"
    rules: Final = (
        _LANGUAGE_RULE,
        _EXPERIENCE_RULE,
        _NOC_RULE,
        _OFFER_RULE,
        _FUNDS_RULE,
        _RESIDENCE_RULE,
    )

    def assess(self, facts: Facts) -> Verdict:
        """The FST verdict on the candidate and date of ``facts`` (policy P32)."""
        trades = _Trades.of(facts)
        target = _Target.of(facts, trades)
        # Each offer is matched once: the offer-or-certificate rule and the funds exemption
        # both read it.
        offers = [
            _offer(facts, index, target) for index in range(len(facts.candidate.job_offers or ()))
        ]
        findings = (
            language_minimum_per_ability(
                _LANGUAGE_RULE, facts, FST_LANGUAGE_MINIMUMS.at(facts.on), "the FST"
            ),
            _experience_finding(facts),
            _noc_requirements_finding(facts, trades),
            _offer_or_certificate_finding(facts, target, offers),
            settlement_funds_finding(_FUNDS_RULE, facts, _funds_offer(facts, offers)),
            outside_quebec(_RESIDENCE_RULE, facts, "the FST"),
        )
        return Verdict.decide(self.code, facts.on, findings)

    def __repr__(self) -> str:
        return "FST"


FST: Final = FederalSkilledTrades()
"""The Federal Skilled Trades Program."""
