"""The qualifying job offer (arranged employment), shared by the FSW, the FST and the CRS.

One module decides whether a written offer of employment in Canada *qualifies*, so that the FSW
grid, the settlement-funds exemption and the CRS all read the same answer (policy P34, rules.md
§1.6 and §4.9):

* **The offer itself.** Continuous, paid, **full-time** (30 hours a week or more),
  **non-seasonal** work in a **skilled** occupation (NOC 2016 skill type 0 or level A or B up to
  2022-11-15; NOC 2021 TEER 0 to 3 from 2022-11-16). Its **duration**: from 2016-11-19, at least
  one year after the permanent resident visa is issued (IRPR s. 82(1) as amended); before that,
  the Regulations and the Ministerial Instructions asked for an offer of *indeterminate*
  employment (:data:`OFFER_DURATION`). The FST has asked for one year throughout
  (:data:`FST_OFFER_DURATION`, :attr:`Purpose.FST`).
* **Its support** (IRPR s. 82(2); the FSW factor 5 cases of :class:`ArrangedEmploymentCase`):
  (a) the candidate works in Canada for the employer under an LMIA-based work permit (or while
  otherwise authorized) and the employer makes the offer; (b) the candidate works in Canada for
  the employer under an LMIA-exempt work permit, has done so for at least one year of continuous
  full-time work, and the employer makes the offer; (c) the employer obtained a positive LMIA
  for the offer.
* **For the CRS**, an LMIA-exempt offer (case (b)) qualifies only from 2016-11-19
  (:data:`LMIA_EXEMPT_OFFERS_EARN_CRS_POINTS`); the class of the offer is senior management
  (NOC major group 00) or another skilled occupation (:class:`JobOfferClass`). The FSW grid
  takes case (b) in every era, as the Regulations did before that date (IRPR s. 82(2)(b) in
  its version of 2013-12-31 to 2015-06-11, :data:`IRPR_82_BEFORE_2016`), where rules.md's P34
  dates it for both; such an offer's sentence and citation say so.

Every answer is three-valued (:class:`~expressentry.verdict.Outcome` ``MET``, ``NOT_MET`` or
``UNKNOWN``). An unanswered fact is named by its JSON path (``$.job_offers[0].non_seasonal``),
never read as a "no". An offer that fails one condition does not qualify, whatever else is
unanswered.

Before 2016-11-19 an offer had to be *indeterminate* (``JobOffer.indeterminate``) instead of
lasting at least one year: left unanswered, the offer is ``UNKNOWN`` then, and the finding
asks for ``$.job_offers[i].indeterminate``.

>>> from datetime import date
>>> from expressentry.facts import derive
>>> from expressentry.model import Candidate, JobOffer, LmiaStatus, NocCode
>>> offer = JobOffer(noc=NocCode("21231"), full_time=True, non_seasonal=True,
...                  at_least_one_year=True, lmia=LmiaStatus.APPROVED)
>>> result = arranged_employment(derive(Candidate(job_offers=(offer,)), on=date(2026, 11, 29)))
>>> result.outcome, result.case
(<Outcome.MET: 'met'>, <ArrangedEmploymentCase.LMIA_OFFER: 'c'>)
>>> vague = JobOffer(noc=NocCode("21231"), full_time=True, lmia=LmiaStatus.APPROVED)
>>> unknown = crs_job_offer(derive(Candidate(job_offers=(vague,)), on=date(2020, 1, 1)))
>>> unknown.outcome
<Outcome.UNKNOWN: 'unknown'>
>>> unknown.missing
('$.job_offers[0].non_seasonal', '$.job_offers[0].at_least_one_year')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import ClassVar, Final

import attrs

from expressentry._enum import IdentityEnum
from expressentry._frozen import frozen
from expressentry._sources import MI_2015_URL, MI_URL
from expressentry._written import Written, WrittenOnRead, shown, written
from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Citation, Dated, DatedTable
from expressentry.exceptions import InvalidNocCode
from expressentry.facts import Facts
from expressentry.model import MONTHS_IN_A_YEAR, JobOffer, LmiaStatus
from expressentry.noc import SENIOR_MANAGEMENT, NocCode, is_senior_management, is_skilled
from expressentry.serialization import facts_in_words
from expressentry.verdict import FactValue, Outcome

__all__ = [
    "FST_OFFER_DURATION",
    "IRPR_82",
    "IRPR_82_BEFORE_2016",
    "LMIA_EXEMPT_OFFERS_EARN_CRS_POINTS",
    "OFFER_DURATION",
    "ArrangedEmploymentCase",
    "JobOfferClass",
    "OfferDuration",
    "Purpose",
    "Qualification",
    "a_year_or_more",
    "arranged_employment",
    "assess_offer",
    "crs_job_offer",
]

_LAWS = "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/"
_ARRANGED_EMPLOYMENT_OI = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/"
    "operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/"
    "arranged-employment/awarding-points-applications-received-on-after-may-4-2013.html"
)  # S4

IRPR_82 = Citation(
    "IRPR",
    "s. 82(2)(a)-(d): arranged employment (FSW selection factor 5); IRCC operational "
    "instructions, awarding arranged-employment points",
    _ARRANGED_EMPLOYMENT_OI,
)
"""S4, S10: the FSW arranged-employment factor and the cases that earn it."""

IRPR_82_BEFORE_2016 = Citation(
    "IRPR",
    "s. 82(2)(b), version of 2013-12-31 to 2015-06-11: arranged employment while working in "
    "Canada on an LMIA-exempt work permit",
    "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-82-20131231.html",
)
"""The official source the FSW follows over P34 for an LMIA-exempt offer before 2016-11-19."""

_INDETERMINATE = Citation(
    "IRPR",
    "s. 82(1) before the 2016-11-19 amendment: an offer of indeterminate employment; Ministerial "
    "Instructions, Express Entry (2015)",
    MI_2015_URL,
)
_ONE_YEAR = Citation(
    "IRPR",
    "s. 82(1) from 2016-11-19: an offer of employment of at least one year; Ministerial "
    "Instructions, amendments 2016-1 (in force 2016-11-19)",
    MI_URL,
)


class OfferDuration(IdentityEnum):
    """How long the offered employment must last."""

    INDETERMINATE = "indeterminate"  # no end date
    AT_LEAST_ONE_YEAR = "at_least_one_year"  # at least one year after the visa is issued


OFFER_DURATION: DatedTable[OfferDuration] = DatedTable(
    "Duration a qualifying job offer must have",
    (
        Dated(EXPRESS_ENTRY_LAUNCH, OfferDuration.INDETERMINATE, _INDETERMINATE),
        Dated(date(2016, 11, 19), OfferDuration.AT_LEAST_ONE_YEAR, _ONE_YEAR),
    ),
)
"""Policy P34: indeterminate until 2016-11-18; at least one year from 2016-11-19."""

FST_OFFER_DURATION: DatedTable[OfferDuration] = DatedTable(
    "Duration a job offer must have for the Federal Skilled Trades",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            OfferDuration.AT_LEAST_ONE_YEAR,
            Citation(
                "IRPR",
                "s. 87.2(3)(d): an offer of employment for a continuous period of at least one "
                "year",
                _LAWS + "section-87.2.html",
            ),
        ),
    ),
)
"""The FST has asked for an offer of at least one year throughout; only the FSW, the CEC and
the CRS asked for an indeterminate one before 2016-11-19 (CIC News, 2016-12, on IRCC's
explanation of the change)."""

LMIA_EXEMPT_OFFERS_EARN_CRS_POINTS: DatedTable[bool] = DatedTable(
    "LMIA-exempt job offers earn CRS arranged-employment points",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            False,
            Citation(
                "Ministerial Instructions",
                "Express Entry (2015): LMIA-supported offers",
                MI_2015_URL,
            ),
        ),
        Dated(
            date(2016, 11, 19),
            True,
            Citation(
                "Ministerial Instructions",
                "Amendments 2016-1 (in force 2016-11-19): certain LMIA-exempt work permits",
                MI_URL,
            ),
        ),
    ),
)
"""Policy P34: until 2016-11-18 only an LMIA-supported offer earned CRS points; from 2016-11-19
an LMIA-exempt one does too (the FSW grid has accepted case (b) throughout)."""


class Purpose(IdentityEnum):
    """What the offer is assessed for."""

    FSW = "fsw"  # FSW selection factor 5 (IRPR s. 82(2)) and the funds exemption (P17)
    FST = "fst"  # the FST's offer (IRPR s. 87.2(3)(d)): one year, even before 2016-11-19
    CRS = "crs"  # CRS arranged-employment points (Ministerial Instructions)


class JobOfferClass(IdentityEnum):
    """The class of a qualifying job offer for the CRS (policy P34); the CRS gives its points."""

    NONE = "none"
    SENIOR_MANAGEMENT = "senior_management"  # NOC major group 00 (TEER 0 major group 00)
    OTHER_SKILLED = "other_skilled"  # other NOC 0, A, B; from 2022-11-16 TEER 0 to 3


class ArrangedEmploymentCase(IdentityEnum):
    """The FSW factor 5 case an offer falls under (rules.md §1.6, IRPR s. 82(2))."""

    LMIA_WORK_PERMIT = "a"  # working in Canada for the employer, on an LMIA-based permit
    LMIA_EXEMPT_WORK_PERMIT = "b"  # working for the employer on an LMIA-exempt permit, 1 year
    LMIA_OFFER = "c"  # the employer obtained a positive LMIA for the offer

    @property
    def description(self) -> str:
        """The case in words."""
        return _CASES[self]


_CASES = {
    ArrangedEmploymentCase.LMIA_WORK_PERMIT: (
        "case (a): working in Canada for the employer, whose offer is backed by an LMIA"
    ),
    ArrangedEmploymentCase.LMIA_EXEMPT_WORK_PERMIT: (
        "case (b): working in Canada for the employer on an LMIA-exempt work permit, after a "
        "year of continuous full-time work for it"
    ),
    ArrangedEmploymentCase.LMIA_OFFER: (
        "case (c): the employer obtained a positive LMIA for the offer"
    ),
}


@attrs.frozen(kw_only=True, getstate_setstate=False)
class Qualification(WrittenOnRead):
    """Whether a job offer (one, or the best of the candidate's) qualifies for one purpose.

    ``outcome`` is ``MET``, ``NOT_MET`` or ``UNKNOWN``; ``missing`` names the unanswered facts by
    JSON path (empty unless unknown); ``offer_index`` the offer the answer is about (``None``
    when several or none are); ``case`` the FSW factor 5 case and ``job_offer_class`` the CRS
    class the offer has if it qualifies (``NONE`` when it does not, or its occupation is not
    known).
    """

    outcome: Outcome
    # Written when read: the programs quote it only in their own explanations.
    _sentence: Written = attrs.field(alias="sentence", eq=written, repr=shown)
    missing: tuple[str, ...] = ()
    facts: Mapping[str, FactValue] = attrs.field(factory=dict, converter=frozen, hash=False)
    offer_index: int | None = None
    case: ArrangedEmploymentCase | None = None
    job_offer_class: JobOfferClass = JobOfferClass.NONE
    citation: Citation = IRPR_82
    policy: str | None = "P34"
    _written_on_read: ClassVar[tuple[str, ...]] = ("sentence",)

    @property
    def sentence(self) -> str:
        """Whether the offer qualifies, and why, in a plain sentence."""
        return self._sentence_in("_sentence")

    @property
    def qualifies(self) -> bool | None:
        """``True``, ``False``, or ``None`` when unanswered facts decide it."""
        if self.outcome is Outcome.UNKNOWN:
            return None
        return self.outcome is Outcome.MET


def _member(question: Callable[[NocCode, date], bool], noc: NocCode, on: date) -> bool | None:
    """``question(noc, on)``; ``None`` for a code of the other NOC version whose counterparts
    answer differently (the candidate must give the code of the version in force)."""
    try:
        return question(noc, on)
    except InvalidNocCode:
        return None


def _crs_class(noc: NocCode | None, on: date) -> JobOfferClass:
    if noc is None:
        return JobOfferClass.NONE
    # Before 2016-11-19 every qualifying offer earned the same points: no senior class then.
    # A code straddling the group is reported as "other skilled", the floor.
    senior = on >= SENIOR_MANAGEMENT.change_dates[0] and _member(is_senior_management, noc, on)
    return JobOfferClass.SENIOR_MANAGEMENT if senior else JobOfferClass.OTHER_SKILLED


class _Conditions:
    """The conditions of one offer, collected: what fails, what is unanswered, and why an
    answered fact (a NOC code of the other version) still leaves the offer open."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.missing: list[str] = []
        self.open: list[str] = []

    def require(self, value: bool | None, path: str, failure: str) -> None:
        if value is None:
            self.missing.append(path)
        elif not value:
            self.failures.append(failure)


def _support(
    offer: JobOffer, path: str, facts: Facts, purpose: Purpose, conditions: _Conditions
) -> ArrangedEmploymentCase | None:
    """The case of IRPR s. 82(2) the offer's LMIA status puts it in, recording its conditions."""
    if offer.lmia is None:
        conditions.missing.append(f"{path}.lmia")
        return None
    if offer.lmia is LmiaStatus.NONE:
        conditions.failures.append("it has neither a positive LMIA nor an LMIA exemption")
        return None
    if offer.lmia is LmiaStatus.APPROVED:
        working_here = offer.currently_working_for_employer and facts.authorized_to_work
        return (
            ArrangedEmploymentCase.LMIA_WORK_PERMIT
            if working_here
            else ArrangedEmploymentCase.LMIA_OFFER
        )
    if purpose is Purpose.CRS and not LMIA_EXEMPT_OFFERS_EARN_CRS_POINTS.at(facts.on):
        conditions.failures.append(
            "an LMIA-exempt offer earns CRS points only from 2016-11-19 (policy P34)"
        )
        return None
    conditions.require(
        facts.authorized_to_work,
        "$.work_authorization",
        "an LMIA-exempt offer needs the candidate to be authorized to work in Canada",
    )
    conditions.require(
        offer.currently_working_for_employer,
        f"{path}.currently_working_for_employer",
        "an LMIA-exempt offer needs the candidate to be working for that employer now",
    )
    conditions.require(
        offer.year_of_full_time_work_with_employer,
        f"{path}.year_of_full_time_work_with_employer",
        "an LMIA-exempt offer needs a year of continuous full-time work for that employer",
    )
    return ArrangedEmploymentCase.LMIA_EXEMPT_WORK_PERMIT


def _citation(purpose: Purpose, on: date) -> Citation:
    """Where the rules for ``purpose`` come from on ``on``."""
    if purpose is Purpose.FSW:
        return IRPR_82
    if purpose is Purpose.FST:
        return FST_OFFER_DURATION.citation_at(on)
    return LMIA_EXEMPT_OFFERS_EARN_CRS_POINTS.citation_at(on)


def a_year_or_more(offer: JobOffer) -> bool | None:
    """Whether the employment offered lasts at least a year: an indeterminate offer does; else
    ``at_least_one_year``, else its length in months; ``None`` if none is answered.

    >>> a_year_or_more(JobOffer(duration_months=14)), a_year_or_more(JobOffer())
    (True, None)
    """
    if offer.indeterminate:
        return True
    if offer.at_least_one_year is not None:
        return offer.at_least_one_year
    return None if offer.duration_months is None else offer.duration_months >= MONTHS_IN_A_YEAR


def assess_offer(
    facts: Facts, index: int, purpose: Purpose, *, own_duration: bool = True
) -> Qualification:
    """Whether the candidate's offer at ``index`` qualifies for ``purpose`` on ``facts.on``.

    ``own_duration=False`` leaves out the offer's length: the FST's offers from two employers
    must last a year together, not each (IRPR s. 87.2(3)(d)).

    >>> from datetime import date
    >>> from expressentry.facts import derive
    >>> from expressentry.model import Candidate, JobOffer, LmiaStatus, NocCode
    >>> cook = JobOffer(noc=NocCode("63200"), full_time=True, non_seasonal=False,
    ...                 at_least_one_year=True, lmia=LmiaStatus.APPROVED)
    >>> print(assess_offer(derive(Candidate(job_offers=(cook,)), on=date(2026, 1, 1)), 0,
    ...                    Purpose.FSW).sentence)
    Job offer 1, NOC 63200 (Cooks), does not qualify: it is seasonal.
    """
    offer = (facts.candidate.job_offers or ())[index]
    on = facts.on
    path = f"$.job_offers[{index}]"
    conditions = _Conditions()
    noc = offer.noc
    if noc is None:
        conditions.missing.append(f"{path}.noc")
    else:
        skilled = _member(is_skilled, noc, on)
        if skilled is None:
            conditions.missing.append(f"{path}.noc")
            conditions.open.append(
                f"NOC {noc.code} straddles skilled and other occupations in the NOC version in "
                f"force; give the code of that version"
            )
        elif not skilled:
            conditions.failures.append(f"NOC {noc.code} is not a skilled occupation")
    conditions.require(
        offer.full_time, f"{path}.full_time", "it is not full time (30 hours a week or more)"
    )
    conditions.require(offer.non_seasonal, f"{path}.non_seasonal", "it is seasonal")
    # The duration asked (P34): an indeterminate offer before 2016-11-19, instead of one of at
    # least one year. An offer for less than a year, or of a length in months, has an end date,
    # so it is not indeterminate.
    duration = (FST_OFFER_DURATION if purpose is Purpose.FST else OFFER_DURATION).at(on)
    lasts_a_year = a_year_or_more(offer)
    if own_duration and duration is OfferDuration.INDETERMINATE:
        months = offer.duration_months
        if offer.indeterminate is not None:
            ended = ""
        elif months is not None:
            length = "1 month" if months == 1 else f"{months} months"
            ended = f"it is for {length}, so it has an end date, and "
        elif lasts_a_year is False:
            ended = "it is for less than one year, and "
        else:
            ended = ""
        conditions.require(
            False if ended else offer.indeterminate,
            f"{path}.indeterminate",
            f"{ended}before 2016-11-19 the offer had to be of indeterminate employment "
            "(policy P34)",
        )
    elif own_duration:
        # An indeterminate offer has no end date: it lasts at least one year.
        conditions.require(
            lasts_a_year, f"{path}.at_least_one_year", "it is for less than one year"
        )
    case = _support(offer, path, facts, purpose, conditions)
    name = f"Job offer {index + 1}" + (f", {noc.described}," if noc is not None else "")
    citation = _citation(purpose, on)
    facts_used: dict[str, FactValue] = {
        "offer": index,
        "noc": noc.code if noc is not None else None,
        "full_time": offer.full_time,
        "non_seasonal": offer.non_seasonal,
        "at_least_one_year": offer.at_least_one_year,
        "lmia": offer.lmia.value if offer.lmia is not None else None,
        "duration_required": duration.value,
    }
    if conditions.failures:
        failures = conditions.failures
        return Qualification(
            outcome=Outcome.NOT_MET,
            sentence=lambda: f"{name} does not qualify: {'; '.join(failures)}.",
            facts=facts_used,
            offer_index=index,
            citation=citation,
        )
    job_offer_class = _crs_class(noc, on)
    if conditions.missing:  # an open question always names the fact that would settle it
        missing, still_open = tuple(dict.fromkeys(conditions.missing)), conditions.open
        return Qualification(
            outcome=Outcome.UNKNOWN,
            sentence=lambda: (
                "; ".join(
                    (
                        f"{name} may qualify",
                        f"not answered: {facts_in_words(missing, items=False)}",
                        *still_open,
                    )
                )
                + "."
            ),
            missing=missing,
            facts=facts_used,
            offer_index=index,
            case=case,
            job_offer_class=job_offer_class,
            citation=citation,
        )
    assert case is not None  # a known LMIA status that did not fail names its case
    described = case.description
    if purpose is Purpose.CRS:
        described = f"{described}; for the CRS, {job_offer_class.value.replace('_', ' ')}"
    elif (
        purpose is Purpose.FSW
        and case is ArrangedEmploymentCase.LMIA_EXEMPT_WORK_PERMIT
        and not LMIA_EXEMPT_OFFERS_EARN_CRS_POINTS.at(on)
    ):
        # An official source over the spec: P34 dates case (b) from 2016-11-19 for the FSW too.
        since = LMIA_EXEMPT_OFFERS_EARN_CRS_POINTS.change_dates[-1].isoformat()
        described += (
            f" (the FSW took this case before {since} too: IRPR s. 82(2)(b) as in force from "
            f"2013-12-31, which the engine follows over policy P34's date of {since})"
        )
        citation = IRPR_82_BEFORE_2016
    return Qualification(
        outcome=Outcome.MET,
        sentence=lambda: (
            f"{name} qualifies: skilled, full time, non-seasonal, "
            f"{_DURATION_WORDS[duration] if own_duration else 'of any length'}; {described}."
        ),
        facts=facts_used,
        offer_index=index,
        case=case,
        job_offer_class=job_offer_class,
        citation=citation,
    )


_DURATION_WORDS = {
    OfferDuration.INDETERMINATE: "indeterminate",
    OfferDuration.AT_LEAST_ONE_YEAR: "for at least one year",
}

OFFERS_PATH: Final = "$.job_offers"
NO_ANSWER: Final = "Whether an employer in Canada has offered a job is not answered."
"""The sentence of job offers not answered (absent or null; an empty list says none)."""

_CLASS_RANK = {
    JobOfferClass.NONE: 0,
    JobOfferClass.OTHER_SKILLED: 1,
    JobOfferClass.SENIOR_MANAGEMENT: 2,
}


def _best(facts: Facts, purpose: Purpose) -> Qualification:
    """The best of the candidate's offers: a qualifying one (the highest CRS class), else an
    undecided one, else none."""
    given = facts.candidate.job_offers
    citation = _citation(purpose, facts.on)
    if given is None:
        return Qualification(
            outcome=Outcome.UNKNOWN,
            sentence=NO_ANSWER,
            missing=(OFFERS_PATH,),
            facts={"offers": None},
            citation=citation,
        )
    offers = [assess_offer(facts, index, purpose) for index in range(len(given))]
    if not offers:
        return Qualification(
            outcome=Outcome.NOT_MET,
            sentence="No job offer is given.",
            facts={"offers": 0},
            citation=citation,
        )
    met = [offer for offer in offers if offer.outcome is Outcome.MET]
    if met:
        return max(met, key=lambda offer: _CLASS_RANK[offer.job_offer_class])
    if len(offers) == 1:
        return offers[0]
    unknown = [offer for offer in offers if offer.outcome is Outcome.UNKNOWN]
    if unknown:
        return Qualification(
            outcome=Outcome.UNKNOWN,
            sentence=lambda: " ".join(offer.sentence for offer in unknown),
            missing=tuple(dict.fromkeys(path for offer in unknown for path in offer.missing)),
            facts={"offers": len(offers)},
            job_offer_class=max(
                (offer.job_offer_class for offer in unknown), key=_CLASS_RANK.__getitem__
            ),
            citation=citation,
        )
    return Qualification(
        outcome=Outcome.NOT_MET,
        sentence=lambda: " ".join(offer.sentence for offer in offers),
        facts={"offers": len(offers)},
        citation=citation,
    )


def arranged_employment(facts: Facts) -> Qualification:
    """Whether the candidate holds an offer that earns FSW arranged-employment points (factor 5)
    and counts for the settlement-funds exemption (P17). Computed once per facts: the FSW
    verdict, its grid and the FST's funds finding all read it."""
    return facts.kept(_best_for_fsw)


def _best_for_fsw(facts: Facts) -> Qualification:
    return _best(facts, Purpose.FSW)


def crs_job_offer(facts: Facts) -> Qualification:
    """Whether the candidate holds an offer that qualifies for the CRS, and its class.

    The points it earns are the CRS's business (0 from 2025-03-25, policy P16); whether it
    *qualifies* does not change on that date.
    """
    return _best(facts, Purpose.CRS)
