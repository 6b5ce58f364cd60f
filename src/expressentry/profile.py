"""The Express Entry profile: what it still lacks, the deadlines around it, and where it stands.

The candidate's steps (rules.md §7, policy P22): answer the eligibility questionnaire and get a
personal reference code (valid 60 days) → create the profile in an IRCC secure account (a draft
keeps 60 days) → submit it to the pool (valid 12 months) → when invited, submit the application
for permanent residence before the invitation's deadline (60 days today; 90 in some periods).

This module answers three questions:

- **Completeness** (:func:`completeness`): what the profile still needs, item by item, each with
  a plain sentence, why it is needed (the programs it serves, the CRS factors it earns points
  for), the JSON path of the missing fact and whether it *blocks submission*. The items follow
  IRCC's list of documents a profile draws on (passport, language results, Canadian education or
  an ECA, provincial nomination, job offer, work experience with the NOC code and job title of
  each job, certificate of qualification, proof of funds), and the programs' own verdicts add
  every other fact they still miss. No eligibility rule is written twice: which program needs
  a fact is the program's verdict to say.
- **Time warnings** (:func:`time_warnings`): a language test, an ECA or a passport that stops
  counting before a given date, and the lifecycle deadline running out before it.
- **Lifecycle** (:class:`Lifecycle`): from the dates of code issue, draft creation, submission
  and invitation, every deadline and the status on a given date.

Counting days follows :func:`expressentry.codes.reference_code_expiry` (federal Interpretation
Act, ss. 27 and 28): the day of the event is not counted, so a period of 60 days that starts on
1 March still runs on 30 April (its last day) and is over on 1 May. A period of months ends on
the same day of the month (or the month's last day if it has no such day).

>>> from datetime import date
>>> life = Lifecycle(code_issued_on=date(2026, 1, 5), draft_created_on=date(2026, 1, 20),
...                  submitted_on=date(2026, 2, 10))
>>> [(d.deadline_id, d.last_day.isoformat()) for d in life.deadlines]
[('lifecycle.reference_code', '2026-03-06'), ('lifecycle.draft', '2026-03-21'), \
('lifecycle.pool', '2027-02-10')]
>>> life.status(date(2027, 2, 10)).stage, life.status(date(2027, 2, 11)).stage
(<Stage.IN_POOL: 'in_pool'>, <Stage.PROFILE_EXPIRED: 'profile_expired'>)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import pairwise
from typing import Any, ClassVar, Final, Literal

import attrs
from dateutil.relativedelta import relativedelta

from expressentry._countries import COUNTRIES
from expressentry._enum import IdentityEnum
from expressentry._frozen import frozen
from expressentry._written import Written, WrittenOnRead, shown, upper_first, written
from expressentry.codes import (
    REFERENCE_CODE_VALIDITY_DAYS,
    Confidence,
    reference_code_expiry,
)
from expressentry.crs import (
    CANADIAN_EDUCATION_POINTS,
    JOB_OFFER_POINTS,
    SIBLING_POINTS,
    JobOfferPoints,
)
from expressentry.dated import (
    EXPRESS_ENTRY_LAUNCH,
    Citation,
    Dated,
    DatedTable,
    add_days,
    require_in_force,
)
from expressentry.education import (
    CANADIAN_STUDY_MINIMUM_MONTHS,
    ECA_VALIDITY_YEARS,
    DerivedEducation,
    EducationLevel,
    eca_expiry_date,
    level_if_assessed,
)
from expressentry.exceptions import ProfileError
from expressentry.facts import Facts, derive
from expressentry.job_offer import crs_job_offer
from expressentry.language import RESULT_VALIDITY_YEARS, counts_from, describe_test, expiry_date
from expressentry.model import Candidate, Credential, LanguageTest, WorkPeriod
from expressentry.noc import NocCode
from expressentry.noc.concordance import in_version
from expressentry.noc.version import NOC_VERSION_IN_FORCE
from expressentry.programs import PROGRAMS, Program
from expressentry.programs.pool import EXPRESS_ENTRY_POOL
from expressentry.serialization import field_description, in_second_person, item_name, lower_first
from expressentry.verdict import Finding, Outcome, Verdict, VerdictOutcome

__all__ = [
    "ALL_PROGRAMS",
    "COVID_ITA_EXTENSION_FROM",
    "COVID_ITA_EXTENSION_MONTH",
    "CRS_AGE",
    "CRS_CANADIAN_EDUCATION",
    "CRS_CERTIFICATE",
    "CRS_EDUCATION",
    "CRS_EXPERIENCE",
    "CRS_JOB_OFFER",
    "CRS_LANGUAGE",
    "CRS_NOMINATION",
    "CRS_SIBLING",
    "CRS_SPOUSE",
    "DRAFT_VALIDITY",
    "ITA_DEADLINE",
    "POOL_VALIDITY",
    "Completeness",
    "Deadline",
    "Lifecycle",
    "LifecycleStatus",
    "Need",
    "Period",
    "ProfileItem",
    "Stage",
    "TimeWarning",
    "completeness",
    "completeness_of",
    "history_warnings",
    "program_verdicts",
    "time_warnings",
]

ALL_PROGRAMS: tuple[str, ...] = tuple(program.code for program in PROGRAMS)
"""The codes of the three programs that draw from the Express Entry pool, in IRCC's order."""
_EVERY_PROGRAM = frozenset(ALL_PROGRAMS)


# -- periods and the lifecycle tables ---------------------------------------------------------


@attrs.frozen
class Period:
    """A length of time counted in whole days or whole calendar months.

    :meth:`last_day` is the one way this module counts: the day of the event is not counted
    (Interpretation Act s. 27 and 28), as :func:`~expressentry.codes.reference_code_expiry`
    does for the reference code.

    >>> Period(60, "days").last_day(date(2026, 11, 29))
    datetime.date(2027, 1, 28)
    >>> Period(12, "months").last_day(date(2028, 2, 29))  # no 29 February: the month's last day
    datetime.date(2029, 2, 28)
    >>> str(Period(12, "months"))
    '12 months'
    """

    amount: int
    unit: Literal["days", "months"]

    def last_day(self, start: date) -> date:
        """The last day of the period that starts the day after ``start``."""
        if self.unit == "days":
            return add_days(start, self.amount)
        try:
            return start + relativedelta(months=self.amount)
        except ValueError:  # past the calendar's last day: that day, as add_days does
            return date.max

    def __str__(self) -> str:
        return f"{self.amount} {self.unit}"


_S20_EXPIRED = Citation(
    "IRCC Help Centre",
    "answer qnum 1164 (an Express Entry profile is valid 12 months from submission)",
    "https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=1164&top=29",
)
_DRAFT_SOURCES = Citation(
    "codeoreo.blogg.se and a zloadr.com excerpt (secondary; no IRCC page found)",
    "a started Express Entry profile must be completed and submitted within 60 days",
    "https://codeoreo.blogg.se/",
)
_S15 = Citation(
    "Ministerial Instructions respecting the Express Entry system",
    "30 May 2015 to 18 November 2016 (60 days), then the 19 November 2016 instructions (90 days)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/"
    "policies-operational-instructions-agreements/ministerial-instructions/"
    "express-entry-application-management-system/30-may-2015-18-november-2016.html",
)
_ITA_2018 = Citation(
    "IRCC announcement of 2018-06-26 (reported by cpdimmigration.com, greenlightcanada.com)",
    "invitations issued after 2018-06-26 give 60 days to apply",
    "https://www.cpdimmigration.com/",
)
_ITA_COVID = Citation(
    "IRCC COVID-19 special measures (reported by cicnews.com, 2021-06)",
    "from March 2020 invited candidates had 90 days to apply; the start day is not published",
    "https://www.cicnews.com/",
)
_S21 = Citation(
    "IRCC program delivery update",
    "2021-06-29: a complete e-APR within 60 calendar days of the invitation",
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/"
    "operational-bulletins-manuals/updates/2021-express-entry-completeness-check.html",
)

COVID_ITA_EXTENSION_FROM = date(2020, 3, 18)
"""First invitation date with 90 days during COVID-19: the sources only say "March 2020".

The engine takes 2020-03-18, the first round of invitations held under IRCC's COVID-19 special
measures. Confidence in the day is low (rules.md §7 gives the month only): here invitations
of 2020-03-04 get 60 days, and the deadline of every invitation of March 2020
(:data:`COVID_ITA_EXTENSION_MONTH`) says its confidence is low.
"""

COVID_ITA_EXTENSION_MONTH: Final = (date(2020, 3, 1), date(2020, 3, 31))
"""The first and last invitation days whose deadline the sources leave open: the 90 days
began in March 2020, on a day they do not give."""

DRAFT_VALIDITY: DatedTable[Period] = DatedTable(
    "Time to complete and submit a draft Express Entry profile after creating it (policy P22)",
    (Dated(EXPRESS_ENTRY_LAUNCH, Period(60, "days"), _DRAFT_SOURCES),),
)
"""A draft profile keeps 60 days after the day it is created. Confidence **low**: only
secondary sources say so (rules.md §7 and §11, item 5)."""

POOL_VALIDITY: DatedTable[Period] = DatedTable(
    "Time a submitted Express Entry profile stays in the pool (policy P22)",
    (Dated(EXPRESS_ENTRY_LAUNCH, Period(12, "months"), _S20_EXPIRED),),
)
"""A submitted profile stays in the pool 12 months after the day it is submitted (confidence
high, rules.md §7); then it expires and a new profile must be created."""

ITA_DEADLINE: DatedTable[Period] = DatedTable(
    "Time to submit the application for permanent residence, by invitation date (policy P22)",
    (
        Dated(EXPRESS_ENTRY_LAUNCH, Period(60, "days"), _S15),
        Dated(date(2016, 11, 19), Period(90, "days"), _S15),
        Dated(date(2018, 6, 27), Period(60, "days"), _ITA_2018),
        Dated(COVID_ITA_EXTENSION_FROM, Period(90, "days"), _ITA_COVID),
        Dated(date(2021, 6, 29), Period(60, "days"), _S21),
    ),
)
"""The invitation's deadline, by the day the invitation was issued (rules.md §7, confidence
high except the day the COVID-19 extension began: see :data:`COVID_ITA_EXTENSION_FROM`)."""

_REFERENCE_CODE_PERIOD: DatedTable[Period] = DatedTable(
    REFERENCE_CODE_VALIDITY_DAYS.name,
    tuple(
        Dated(row.start, Period(row.value, "days"), row.citation)
        for row in REFERENCE_CODE_VALIDITY_DAYS
    ),
)
# codes.py keeps the reference code's days; this view only gives them a unit for the sentences.


# -- the lifecycle ----------------------------------------------------------------------------


class Stage(IdentityEnum):
    """Where a candidate stands on a date, from the events that happened by then."""

    NOT_STARTED = "not_started"
    REFERENCE_CODE = "reference_code"
    REFERENCE_CODE_EXPIRED = "reference_code_expired"
    DRAFT = "draft"
    DRAFT_EXPIRED = "draft_expired"
    IN_POOL = "in_pool"
    PROFILE_EXPIRED = "profile_expired"
    INVITED = "invited"
    INVITATION_EXPIRED = "invitation_expired"


@attrs.frozen(kw_only=True)
class Deadline:
    """One deadline of the lifecycle: what it is for, when it starts, its last day and source.

    The thing it limits can be used from ``starts`` through ``last_day``, both included, and is
    over from the day after.
    """

    deadline_id: str
    title: str
    starts: date
    period: Period
    last_day: date
    confidence: Confidence
    policy: str
    citation: Citation

    def running_on(self, on: date) -> bool:
        """Whether ``on`` falls from ``starts`` through ``last_day``."""
        return self.starts <= on <= self.last_day

    def days_left(self, on: date) -> int:
        """Days from ``on`` to the last day (0 on the last day, negative once it is over)."""
        return (self.last_day - on).days

    @property
    def sentence(self) -> str:
        """The deadline in words."""
        return (
            f"{self.title}: {self.period} after {self.starts.isoformat()}, so the last day is "
            f"{self.last_day.isoformat()} (confidence {self.confidence})."
        )


@attrs.frozen(kw_only=True)
class _DeadlineRule:
    deadline_id: str
    title: str
    table: DatedTable[Period]
    confidence: Confidence
    expired: Stage
    running: Stage
    warning: str
    # The reference code's last day is codes.reference_code_expiry's to say, not this module's.
    expiry: Callable[[date], date] | None = None
    # The first and last start days whose period the sources date only to a month.
    uncertain: tuple[date, date] | None = None

    def deadline(self, starts: date) -> Deadline:
        row = self.table.entry_at(starts)
        last_day = row.value.last_day(starts) if self.expiry is None else self.expiry(starts)
        return Deadline(
            deadline_id=self.deadline_id,
            title=self.title,
            starts=starts,
            period=row.value,
            last_day=last_day,
            confidence=(
                "low"
                if self.uncertain is not None and self.uncertain[0] <= starts <= self.uncertain[1]
                else self.confidence
            ),
            policy="P22",
            citation=row.citation,
        )


_REFERENCE_CODE = _DeadlineRule(
    deadline_id="lifecycle.reference_code",
    title="Enter the personal reference code in the secure account",
    table=_REFERENCE_CODE_PERIOD,
    confidence="high",
    running=Stage.REFERENCE_CODE,
    expired=Stage.REFERENCE_CODE_EXPIRED,
    warning="The personal reference code can be entered only until {last}",
    expiry=reference_code_expiry,
)
_DRAFT = _DeadlineRule(
    deadline_id="lifecycle.draft",
    title="Complete and submit the draft profile",
    table=DRAFT_VALIDITY,
    confidence="low",
    running=Stage.DRAFT,
    expired=Stage.DRAFT_EXPIRED,
    warning="The draft profile must be submitted by {last}",
)
_POOL = _DeadlineRule(
    deadline_id="lifecycle.pool",
    title="Stay in the pool with the submitted profile",
    table=POOL_VALIDITY,
    confidence="high",
    running=Stage.IN_POOL,
    expired=Stage.PROFILE_EXPIRED,
    warning="The profile leaves the pool after {last}",
)
_ITA = _DeadlineRule(
    deadline_id="lifecycle.ita",
    title="Submit the application for permanent residence after the invitation",
    table=ITA_DEADLINE,
    confidence="high",
    running=Stage.INVITED,
    expired=Stage.INVITATION_EXPIRED,
    warning="The application for permanent residence is due by {last}",
    uncertain=COVID_ITA_EXTENSION_MONTH,
)

_RULES = {rule.deadline_id: rule for rule in (_REFERENCE_CODE, _DRAFT, _POOL, _ITA)}

_STATUS_SENTENCES = {
    Stage.REFERENCE_CODE: "The personal reference code can be entered until {last} ({left}).",
    Stage.REFERENCE_CODE_EXPIRED: (
        "The personal reference code expired after {last}; answer the questionnaire again "
        "for a new one, or create the profile directly in the account."
    ),
    Stage.DRAFT: "The draft profile must be submitted by {last} ({left}).",
    Stage.DRAFT_EXPIRED: "The draft profile expired after {last}; start a new one.",
    Stage.IN_POOL: "The profile is in the pool until {last} ({left}).",
    Stage.PROFILE_EXPIRED: (
        "The profile expired after {last}; create and submit a new one to re-enter the pool."
    ),
    Stage.INVITED: "The application for permanent residence is due by {last} ({left}).",
    Stage.INVITATION_EXPIRED: (
        "The deadline to apply passed after {last}: unless the application was submitted by "
        "then, the invitation has expired."
    ),
}


def _days(count: int) -> str:
    if count == 0:
        return "today is the last day"
    return f"{count} day{'s' if count > 1 else ''} left"


@attrs.frozen(kw_only=True)
class LifecycleStatus:
    """Where the candidate stands on ``on``: the stage, the deadline that governs it, a sentence.

    ``deadline`` is the one of the latest event on or before ``on`` (``None`` before any).
    """

    on: date
    stage: Stage
    deadline: Deadline | None
    sentence: str


def _check_order(instance: Lifecycle) -> None:
    problems: list[tuple[str, str]] = []
    named = [
        ("code_issued_on", instance.code_issued_on),
        ("draft_created_on", instance.draft_created_on),
        ("submitted_on", instance.submitted_on),
        ("invited_on", instance.invited_on),
    ]
    known = [(name, day) for name, day in named if day is not None]
    for (earlier_name, earlier), (later_name, later) in pairwise(known):
        if later < earlier:
            problems.append(
                (
                    f"$.{later_name}",
                    f"{later.isoformat()} is before {earlier_name} {earlier.isoformat()}",
                )
            )
    if problems:
        raise ProfileError(problems)
    for earlier_name, rule, later_name in (
        ("draft_created_on", _DRAFT, "submitted_on"),
        ("submitted_on", _POOL, "invited_on"),
    ):
        earlier, later = getattr(instance, earlier_name), getattr(instance, later_name)
        if earlier is not None and later is not None:
            last = rule.deadline(earlier).last_day
            if later > last:
                problems.append(
                    (
                        f"$.{later_name}",
                        f"{later.isoformat()} is after {last.isoformat()}, the last day of "
                        f"the {rule.table.at(earlier)} that follow {earlier_name} "
                        f"{earlier.isoformat()}",
                    )
                )
    if problems:
        raise ProfileError(problems)


@attrs.frozen(kw_only=True)
class Lifecycle:
    """The dates of a candidate's steps, each ``None`` until it happens (or while its date is
    not known).

    The dates must come in order (code, draft, submission, invitation); a profile cannot be
    submitted after its draft expired, nor invited after it left the pool. Any of these is a
    :class:`~expressentry.exceptions.ProfileError` naming the date by its path. Dates before
    2015-01-01 raise :class:`~expressentry.exceptions.NotInForce`.

    >>> life = Lifecycle(submitted_on=date(2021, 1, 4), invited_on=date(2021, 6, 23))
    >>> [(d.deadline_id, str(d.period), d.last_day.isoformat()) for d in life.deadlines]
    [('lifecycle.pool', '12 months', '2022-01-04'), ('lifecycle.ita', '90 days', '2021-09-21')]
    >>> print(life.status(date(2021, 9, 21)).sentence)
    The application for permanent residence is due by 2021-09-21 (today is the last day).
    """

    code_issued_on: date | None = None
    draft_created_on: date | None = None
    submitted_on: date | None = None
    invited_on: date | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("code_issued_on", "draft_created_on", "submitted_on", "invited_on"):
            day = getattr(self, name)
            if day is not None:
                require_in_force(day, f"$.{name}")
        _check_order(self)

    def _events(self) -> Iterator[tuple[_DeadlineRule, date]]:
        for rule, day in (
            (_REFERENCE_CODE, self.code_issued_on),
            (_DRAFT, self.draft_created_on),
            (_POOL, self.submitted_on),
            (_ITA, self.invited_on),
        ):
            if day is not None:
                yield rule, day

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """Every deadline the known dates start, in the order of the steps."""
        return tuple(rule.deadline(day) for rule, day in self._events())

    def status(self, on: date) -> LifecycleStatus:
        """The stage on ``on``: set by the latest step taken on or before ``on``."""
        require_in_force(on, "on")
        taken = [(rule, day) for rule, day in self._events() if day <= on]
        if not taken:
            return LifecycleStatus(
                on=on,
                stage=Stage.NOT_STARTED,
                deadline=None,
                sentence=f"No step is taken by {on.isoformat()}.",
            )
        rule, day = taken[-1]
        deadline = rule.deadline(day)
        stage = rule.running if on <= deadline.last_day else rule.expired
        sentence = _STATUS_SENTENCES[stage].format(
            last=deadline.last_day.isoformat(), left=_days(deadline.days_left(on))
        )
        return LifecycleStatus(on=on, stage=stage, deadline=deadline, sentence=sentence)


# -- completeness -----------------------------------------------------------------------------

_DOCUMENTS = Citation(
    "IRCC",
    "Documents for Express Entry: documents for your profile",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/documents.html",
)
_FSW_EDUCATION = Citation(
    "IRPR",
    "s. 75(2)(e) (FSW: a Canadian credential, or a foreign one with an ECA)",
    "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-75.html",
)
_FUNDS = Citation(
    "IRPR",
    "ss. 76(1)(b) and 87.2(5) (FSW and FST settlement funds, unless exempt)",
    "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-76.html",
)
_CRS_CRITERIA = Citation(
    "Ministerial Instructions",
    "Comprehensive Ranking System criteria",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/check-score/crs-criteria.html",
)

# The CRS factors an item earns points for, named as in ProfileItem.crs_factors.
CRS_AGE = "CRS core: age"
CRS_LANGUAGE = "CRS core: official languages"
CRS_EDUCATION = "CRS core: education"
CRS_EXPERIENCE = "CRS core: work experience"
CRS_SPOUSE = "CRS: spouse or partner factors"
CRS_CERTIFICATE = "CRS skill transferability: certificate of qualification"
CRS_NOMINATION = "CRS additional points: provincial nomination"
CRS_CANADIAN_EDUCATION = "CRS additional points: education in Canada"
CRS_SIBLING = "CRS additional points: sibling in Canada"
CRS_JOB_OFFER = "CRS additional points: arranged employment"

Need = Literal["profile", "program", "optional"]
"""How an item is needed: ``profile`` (every profile asks it: it always blocks), ``program``
(a program needs it: it blocks when every way left to submit needs it), ``optional``
("if you have one": it never blocks)."""


@attrs.frozen(kw_only=True, getstate_setstate=False)
class ProfileItem(WrittenOnRead):
    """One thing the profile still needs.

    ``item_id`` is stable (``profile.travel_document``; for a fact a program asks for, its
    path without indices: ``profile.work_history.paid``); ``path`` is the JSON path of the
    missing fact; ``programs`` the programs sought that need it; ``crs_factors`` the CRS
    factors it earns points for; ``why`` says both in words. ``blocks_submission`` is true when
    the profile cannot be submitted under any program sought without it (see
    :func:`completeness`).
    """

    item_id: str
    # Written when read (the sentence may quote a finding's): a pool reads what blocks.
    _sentence: Written = attrs.field(alias="sentence", eq=written, repr=shown)
    why: str
    programs: tuple[str, ...] = ()
    crs_factors: tuple[str, ...] = ()
    need: Need
    blocks_submission: bool
    path: str
    citation: Citation
    _written_on_read: ClassVar[tuple[str, ...]] = ("sentence",)

    @property
    def sentence(self) -> str:
        """What to do, in a plain sentence."""
        return self._sentence_in("_sentence")


# Not frozen, though never changed: a draft lives only while a report is made, and a frozen
# class takes twice as long to make.
@attrs.define(kw_only=True, eq=False)
class _Draft:
    """An item as a document check finds it, before its programs are settled and blocking is
    decided.

    A ``fixed`` draft is one of this module's own, the same for every profile: the items made
    from it are kept, keyed by the draft itself (compared by identity, so keys hash at once).
    ``reopens`` is the rule id of a requirement that the draft, once done, can meet: a program
    that requirement rules out still needs the draft (a valid ECA can make an FSW that no
    credential satisfies eligible again).
    """

    item_id: str
    sentence: Written
    path: str
    need: Need
    citation: Citation
    programs: tuple[str, ...] = ()
    crs_factors: tuple[str, ...] = ()
    reason: str = ""
    fixed: bool = False
    reopens: str | None = None
    # What answering it does to the CRS factors: most answers can only earn points there; a
    # spouse's status sets the column, and the with-spouse one can score less.
    crs_effect: str = "earns points in"


# Kept: the same few programs, factors and reasons make every profile's explanations.
@functools.lru_cache(maxsize=512)
def _why(
    programs: tuple[str, ...],
    crs_factors: tuple[str, ...],
    need: Need,
    reason: str,
    crs_effect: str = "earns points in",
) -> str:
    parts = []
    if programs:
        verb = "counts for " if need == "optional" else "needed for "
        parts.append(verb + ", ".join(programs))
    if crs_factors:
        parts.append(f"{crs_effect} " + "; ".join(crs_factors))
    text = upper_first(" and ".join(parts) if parts else "asked by every profile")
    return f"{text} ({reason})." if reason else f"{text}."


_NO_TRAVEL_DOCUMENT = _Draft(
    item_id="profile.travel_document",
    sentence=(
        "Enter your passport or travel document: its number, issuing country and expiry date."
    ),
    path="$.travel_document",
    need="profile",
    citation=_DOCUMENTS,
    reason="the profile is filled in from it",
    fixed=True,
)
_NO_BIRTH_DATE = _Draft(
    item_id="profile.birth_date",
    sentence="Enter your date of birth.",
    path="$.birth_date",
    need="profile",
    citation=_DOCUMENTS,
    crs_factors=(CRS_AGE,),
    reason="the FSW grid and the CRS score age",
    fixed=True,
)
_NO_MARITAL_STATUS = _Draft(
    item_id="profile.marital_status",
    sentence="Enter your marital status.",
    path="$.marital_status",
    need="profile",
    citation=_DOCUMENTS,
    crs_factors=(CRS_SPOUSE,),
    reason="it sets the CRS column and the family size",
    fixed=True,
)
_NO_INTENDED_PROVINCE = _Draft(
    item_id="profile.intended_province",
    sentence="Say in which province or territory you plan to live.",
    path="$.intended_province",
    need="profile",
    citation=_DOCUMENTS,
    reason="every program requires planning to live outside Quebec",
    fixed=True,
)


def _personal(candidate: Candidate, facts: Facts) -> Sequence[_Draft]:
    """Facts every profile asks for, read from the passport and the profile form."""
    drafts = []
    document = candidate.travel_document
    if document is None:
        drafts.append(_NO_TRAVEL_DOCUMENT)
    elif document.expiry_date is not None and document.expiry_date < facts.on:
        drafts.append(
            _Draft(
                item_id="profile.travel_document",
                sentence=(
                    f"Your passport or travel document expired on "
                    f"{document.expiry_date.isoformat()}: renew it and enter the new one."
                ),
                path="$.travel_document.expiry_date",
                need="profile",
                citation=_DOCUMENTS,
                reason="a profile needs a valid one",
            )
        )
    if candidate.birth_date is None:
        drafts.append(_NO_BIRTH_DATE)
    if candidate.marital_status is None:
        drafts.append(_NO_MARITAL_STATUS)
    if candidate.intended_province is None:
        drafts.append(_NO_INTENDED_PROVINCE)
    return drafts


_LANGUAGE_REASON = "every program sets a minimum level in the first official language"
_NO_LANGUAGE_TEST = _Draft(
    item_id="profile.language_test",
    sentence=(
        "Take an approved language test (IELTS General Training, CELPIP-General, PTE Core, "
        "TEF Canada or TCF Canada) and enter its results."
    ),
    path="$.language_tests",
    need="profile",
    citation=_DOCUMENTS,
    crs_factors=(CRS_LANGUAGE,),
    reason=_LANGUAGE_REASON,
    fixed=True,
)


def _language(candidate: Candidate, facts: Facts) -> Sequence[_Draft]:
    """Every program needs a valid test in the first official language (P4, P5, P33)."""
    if facts.languages.first_levels is not None:
        return ()
    if not candidate.language_tests:
        return (_NO_LANGUAGE_TEST,)
    return (
        _Draft(
            item_id="profile.language_test",
            sentence=(
                f"None of your language test results counts on {facts.on.isoformat()}: take "
                f"an approved test and enter results less than two years old."
            ),
            path="$.language_tests",
            need="profile",
            citation=_DOCUMENTS,
            crs_factors=(CRS_LANGUAGE,),
            reason=_LANGUAGE_REASON,
        ),
    )


_EDUCATION_REASON = "FSW requires a completed credential"
_NO_EDUCATION = _Draft(
    item_id="profile.education",
    sentence=(
        "Enter your education: a Canadian diploma, certificate or degree, or a foreign one with "
        "its educational credential assessment (ECA)."
    ),
    path="$.education",
    need="program",
    citation=_FSW_EDUCATION,
    programs=("FSW",),
    crs_factors=(CRS_EDUCATION,),
    reason=_EDUCATION_REASON,
    fixed=True,
)


def _level_with_eca(derived: DerivedEducation, credential: Credential, on: date) -> EducationLevel:
    """The level the credentials that count and ``credential`` would prove once an ECA
    confirms ``credential`` at its own level (the most an assessment could give)."""
    counted = [use.credential for use in derived.used]
    return level_if_assessed([*counted, attrs.evolve(credential, eca=None)], on=on)


def _education(candidate: Candidate, facts: Facts) -> Sequence[_Draft]:
    """FSW needs a recognized credential; a foreign one counts only with a valid ECA (P21)."""
    derived = facts.education
    if derived.used and not derived.ignored:
        return ()
    # FSW needs a recognized credential only while none is recognized; after that an ECA only
    # raises the level (FSW grid and CRS points).
    programs = () if derived.used else ("FSW",)
    need: Need = "program" if programs else "optional"
    assessments = []
    for use in derived.ignored:
        credential = use.credential
        if (
            use.level is None
            and not credential.canadian
            and credential.completion_date is not None
            and credential.completion_date <= facts.on
            and (raised := _level_with_eca(derived, credential, facts.on)) > derived.level
        ):
            country = COUNTRIES.get(credential.country, credential.country)
            level = EducationLevel.from_credential_level(credential.level)
            # A credential below the level that counts can still raise it: beside the ones
            # that count, it can make "two or more" (P29; audit helper-72).
            beside = (
                ""
                if level is raised
                else f" Beside the credentials that count, it would make the level {raised.title}."
            )
            assessments.append(
                _Draft(
                    item_id="profile.eca",
                    sentence=(
                        f"Get an educational credential assessment (ECA) for your "
                        f"{level.title} from {country}; it does not count now: {use.reason}."
                        f"{beside}"
                    ),
                    path=f"$.education[{use.index}].eca",
                    need=need,
                    citation=_FSW_EDUCATION,
                    programs=programs,
                    crs_factors=(CRS_EDUCATION,),
                    reason="a foreign credential counts only with a valid ECA",
                    reopens="fsw.education.credential",
                )
            )
    if derived.used or assessments:
        return assessments
    if not candidate.education:
        return (_NO_EDUCATION,)
    return (
        _Draft(
            item_id="profile.education",
            sentence=(
                f"None of your credentials is completed by {facts.on.isoformat()}: enter a "
                "completed Canadian credential, or a foreign one with its educational credential "
                "assessment (ECA)."
            ),
            path="$.education",
            need=need,
            citation=_FSW_EDUCATION,
            programs=programs,
            crs_factors=(CRS_EDUCATION,),
            reason=_EDUCATION_REASON,
        ),
    )


def _canadian_study(candidate: Candidate, facts: Facts) -> Sequence[_Draft]:
    """The study conditions of a completed Canadian credential not answered: with them it
    earns the CRS points for education in Canada (and may earn FSW adaptability points, which
    the FSW verdict asks for when they matter)."""
    credit = facts.canadian_education
    if not credit.unanswered:
        return ()
    table = CANADIAN_EDUCATION_POINTS.at(facts.on)
    if table is None:  # before 2016-11-19: no CRS points, only FSW adaptability (2 years)
        earns = "full-time study in Canada may earn FSW adaptability points."
        crs_factors: tuple[str, ...] = ()
    else:
        earns = (
            f"{credit.unconfirmed.title} studied full time in Canada for at least "
            f"{CANADIAN_STUDY_MINIMUM_MONTHS.at(facts.on)} months earns "
            f"{table.points(credit.unconfirmed)} CRS points for education in Canada."
        )
        crs_factors = (CRS_CANADIAN_EDUCATION,)
    drafts = []
    for path in credit.unanswered:
        credential = item_name(path)
        question = (
            f"Say whether you studied full time for {credential}"
            if path.endswith(".full_time")
            else f"Give the months you studied full time in Canada for {credential}"
        )
        drafts.append(
            _Draft(
                item_id="profile.canadian_education",
                sentence=f"{question}: {earns}",
                path=path,
                need="program",
                citation=_CRS_CRITERIA,
                programs=("FSW",),
                crs_factors=crs_factors,
                reason="Canadian study counts only when full time in Canada",
            )
        )
    return drafts


_NO_WORK_EXPERIENCE = _Draft(
    item_id="profile.work_experience",
    sentence=(
        "Enter your work experience: each job with its NOC code, job title, employer, dates and "
        "hours per week."
    ),
    path="$.work_history",
    need="profile",
    citation=_DOCUMENTS,
    crs_factors=(CRS_EXPERIENCE,),
    reason="every program requires skilled work experience",
    fixed=True,
)


def _work(candidate: Candidate, facts: Facts) -> Sequence[_Draft]:
    """Every program needs work experience, and the profile asks each job's NOC and title.

    A history not answered is asked for; an empty one says there is no work to enter."""
    history = candidate.work_history
    if history is None:
        return (_NO_WORK_EXPERIENCE,)
    drafts = []
    for index, period in enumerate(history.periods):
        if period.noc is not None and period.job_title is not None:
            continue
        job = _job_words(index, period)
        if period.noc is None:
            drafts.append(
                _Draft(
                    item_id="profile.work_experience.noc",
                    sentence=f"Give the NOC code of your {job}.",
                    path=f"$.work_history[{index}].noc",
                    need="profile",
                    citation=_DOCUMENTS,
                    crs_factors=(CRS_EXPERIENCE,),
                    reason="the NOC code decides whether the job is skilled, and in which trade",
                )
            )
        if period.job_title is None:
            drafts.append(
                _Draft(
                    item_id="profile.work_experience.job_title",
                    sentence=f"Give the job title of your {job}.",
                    path=f"$.work_history[{index}].job_title",
                    need="profile",
                    citation=_DOCUMENTS,
                    reason="the profile asks the title of each job",
                )
            )
    return drafts


def _job_words(index: int, period: WorkPeriod) -> str:
    """A job of the history as the profile's questions name it: by its title if given."""
    if period.job_title is not None:
        return f"{period.job_title.strip()} job (from {period.start.isoformat()})"
    return f"job {index + 1} (from {period.start.isoformat()})"


def _noc_versions(candidate: Candidate, facts: Facts) -> Sequence[_Draft]:
    """A code of the NOC version not in force is asked again in the version in force: the
    profile takes only that version's codes (IRCC, from 2022-11-16: a profile in the pool is
    invited only once its codes are NOC 2021 ones), though the engine reads either."""
    row = NOC_VERSION_IN_FORCE.entry_at(facts.on)
    version = row.value
    # Only a code of the other version is put in words: most profiles have none.
    stated: list[tuple[str, str, NocCode]] = []  # path, what it is, the code
    if candidate.work_history is not None:
        for index, period in enumerate(candidate.work_history.periods):
            if period.noc is not None and period.noc.version is not version:
                job = f"your {_job_words(index, period)}"
                stated.append((f"$.work_history[{index}].noc", job, period.noc))
    for index, offer in enumerate(candidate.job_offers or ()):
        if offer.noc is not None and offer.noc.version is not version:
            stated.append((f"$.job_offers[{index}].noc", f"job offer {index + 1}", offer.noc))
    primary = candidate.primary_occupation
    if primary is not None and primary.version is not version:
        stated.append(("$.primary_occupation", "your primary occupation", primary))
    if not stated:
        return ()
    changes = NOC_VERSION_IN_FORCE.change_dates
    if row.start > changes[0]:
        since = f"from {row.start.isoformat()}"
    else:
        since = f"until {add_days(changes[1], -1).isoformat()}"
    return [
        _Draft(
            item_id="profile.noc_version",
            sentence=(
                f"Give the {version.label} code of {what}: a profile takes {version.label} "
                f"codes {since}, and {code.version.label} {code.code} is {version.label} "
                f"{' or '.join(match.code for match in in_version(code, version))}."
            ),
            path=path,
            need="profile",
            citation=row.citation,
            reason="the profile asks the code in the NOC version in force",
        )
        for path, what, code in stated
    ]


_NO_NOMINATION = _Draft(
    item_id="profile.provincial_nomination",
    sentence="If a province or territory has nominated you, enter the nomination.",
    path="$.provincial_nomination",
    need="optional",
    citation=_CRS_CRITERIA,
    crs_factors=(CRS_NOMINATION,),
    fixed=True,
)
_NOMINATION_STREAM = _Draft(
    item_id="profile.provincial_nomination.express_entry_stream",
    sentence=(
        "Say whether your provincial or territorial nomination is through an Express "
        'Entry-aligned ("enhanced") stream: only such a nomination earns the CRS nomination '
        "points."
    ),
    path="$.provincial_nomination.express_entry_stream",
    need="optional",
    citation=_CRS_CRITERIA,
    crs_factors=(CRS_NOMINATION,),
    fixed=True,
)


@functools.cache  # one draft per era: a fixed draft's items are kept by the draft itself
def _no_job_offer(points: JobOfferPoints) -> _Draft:
    """The job-offer question of an era: with the CRS points an offer earns until 2025-03-25."""
    senior, other = points.senior_management, points.other_skilled
    if not other:
        crs = ""
    elif senior == other:
        crs = f", and a qualifying offer earns {other} CRS points"
    else:
        crs = f", and a qualifying offer earns {other} CRS points ({senior} in senior management)"
    return _Draft(
        item_id="profile.job_offer",
        sentence=(
            "If an employer in Canada has offered you a job in writing, enter the offer (an "
            "empty list says you have none): FSW gives it selection points, FST accepts it "
            "instead of a certificate of qualification, with authorization to work in Canada "
            f"it exempts FSW and FST from proof of funds{crs}."
        ),
        path="$.job_offers",
        need="optional",
        citation=_DOCUMENTS,
        programs=("FSW", "FST"),
        crs_factors=(CRS_JOB_OFFER,) if other else (),
        fixed=True,
    )


_NO_CERTIFICATE = _Draft(
    item_id="profile.certificate_of_qualification",
    sentence=(
        "If a Canadian province, territory or federal body has certified you in a trade, enter "
        "the certificate of qualification (an empty list says you have none): FST accepts it "
        "instead of a job offer."
    ),
    path="$.certificates_of_qualification",
    need="optional",
    citation=_DOCUMENTS,
    programs=("FST",),
    crs_factors=(CRS_CERTIFICATE,),
    fixed=True,
)


@functools.cache  # one draft for each value the sibling points have had: kept, fixed
def _no_sibling(points: int) -> _Draft:
    return _Draft(
        item_id="profile.sibling_in_canada",
        sentence=(
            "Say whether you, or your spouse or partner coming with you, have a brother or "
            "sister aged 18 or over living in Canada who is a citizen or permanent resident: "
            f"it earns {points} CRS points."
        ),
        path="$.sibling_in_canada",
        need="optional",
        citation=_CRS_CRITERIA,
        crs_factors=(CRS_SIBLING,),
        fixed=True,
    )


_NO_SPOUSE_EDUCATION = _Draft(
    item_id="profile.spouse.education",
    sentence=(
        "Enter your spouse's or partner's education (a foreign credential with its educational "
        "credential assessment): it earns CRS points when they come with you."
    ),
    path="$.spouse.education",
    need="optional",
    citation=_CRS_CRITERIA,
    crs_factors=(CRS_SPOUSE,),
    fixed=True,
)
_NO_SPOUSE_LANGUAGE_TEST = _Draft(
    item_id="profile.spouse.language_tests",
    sentence=(
        "Enter your spouse's or partner's language test, if they have one: it earns CRS points "
        "and FSW adaptability points when they come with you."
    ),
    path="$.spouse.language_tests",
    need="optional",
    citation=_CRS_CRITERIA,
    crs_factors=(CRS_SPOUSE,),
    fixed=True,
)
_NO_SPOUSE_WORK_HISTORY = _Draft(
    item_id="profile.spouse.work_history",
    sentence=(
        "Enter your spouse's or partner's jobs (an empty list says they have none): their work "
        "in Canada earns CRS points and FSW adaptability points when they come with you."
    ),
    path="$.spouse.work_history",
    # Needed while the FSW grid waits on it; once the grid is settled, still worth CRS points.
    need="program",
    citation=_CRS_CRITERIA,
    programs=("FSW",),
    crs_factors=(CRS_SPOUSE,),
    reason="the spouse's work in Canada",
    fixed=True,
)


def _spouse_status(path: str, question: str) -> _Draft:
    return _Draft(
        item_id="profile.spouse.status",
        sentence=(
            f"Say whether your spouse or partner {question}: until then the CRS scores you in "
            "the single column (policy P12)."
        ),
        path=path,
        need="optional",
        citation=_CRS_CRITERIA,
        crs_factors=(CRS_SPOUSE,),
        fixed=True,
        crs_effect="sets the CRS column (the with-spouse one can score less) and the points of",
    )


_CITIZEN_OR_PR = "is a Canadian citizen or permanent resident"
_COMING = "is coming to Canada with you"
_SPOUSE_STATUS: Final = {
    # One item per fact not answered, each asking its own question.
    "$.spouse": _spouse_status(
        "$.spouse", f"{_CITIZEN_OR_PR} and whether they are coming to Canada with you"
    ),
    "canadian_citizen_or_pr": _spouse_status("$.spouse.canadian_citizen_or_pr", _CITIZEN_OR_PR),
    "accompanying": _spouse_status("$.spouse.accompanying", _COMING),
}


def _optional_documents(candidate: Candidate, facts: Facts) -> Sequence[_Draft]:
    """The documents the profile asks for only "if you have one"; the spouse's education and
    test only of a spouse who may count (P12): a spouse scored as single earns nothing. A
    partner whose status is not answered is asked about: it decides the CRS column."""
    drafts = []
    nomination = candidate.provincial_nomination
    if nomination is None:
        drafts.append(_NO_NOMINATION)
    elif nomination.express_entry_stream is None:
        drafts.append(_NOMINATION_STREAM)
    # Not answered (absent or null) is asked; an empty list says there is none.
    if candidate.job_offers is None:
        drafts.append(_no_job_offer(JOB_OFFER_POINTS.at(facts.on)))
    if candidate.certificates_of_qualification is None:
        drafts.append(_NO_CERTIFICATE)
    sibling_points = SIBLING_POINTS.at(facts.on)
    if candidate.sibling_in_canada is None and sibling_points is not None:
        drafts.append(_no_sibling(sibling_points))
    spouse = candidate.spouse
    if facts.partnered and facts.spouse_counts is None:
        if spouse is None:
            drafts.append(_SPOUSE_STATUS["$.spouse"])
        else:
            drafts += [
                _SPOUSE_STATUS[name]
                for name in ("canadian_citizen_or_pr", "accompanying")
                if getattr(spouse, name) is None
            ]
    if spouse is not None and facts.spouse_counts is not False:
        if not spouse.education:
            drafts.append(_NO_SPOUSE_EDUCATION)
        if not spouse.language_tests:
            drafts.append(_NO_SPOUSE_LANGUAGE_TEST)
        if spouse.work_history is None:
            drafts.append(_NO_SPOUSE_WORK_HISTORY)
    return drafts


_NO_FUNDS = _Draft(
    item_id="profile.settlement_funds",
    sentence=(
        "Enter the settlement funds you can prove, in Canadian dollars: FSW and FST need them "
        "unless you are authorized to work in Canada and have a qualifying job offer (CEC "
        "needs none)."
    ),
    path="$.settlement_funds_cad",
    need="program",
    citation=_FUNDS,
    programs=("FSW", "FST"),
    reason="proof of funds",
    fixed=True,
)


def _funds(candidate: Candidate, facts: Facts) -> Sequence[_Draft]:
    """FSW and FST need proof of funds unless exempt (P17); the verdicts say who is exempt."""
    return (_NO_FUNDS,) if candidate.settlement_funds_cad is None else ()


def _crs_job_offer(candidate: Candidate, facts: Facts) -> Sequence[_Draft]:
    """The unanswered facts of a job offer that may earn CRS points (until 2025-03-25): asked
    for the CRS, and for FSW and FST when their verdicts miss them too."""
    if not candidate.job_offers or not JOB_OFFER_POINTS.at(facts.on).senior_management:
        return ()
    offer = crs_job_offer(facts)
    if offer.outcome is not Outcome.UNKNOWN:
        return ()
    return [
        _Draft(
            item_id=_item_id(path),
            sentence=_question(path),
            path=path,
            need="program",
            citation=_CRS_CRITERIA,
            programs=("FSW", "FST"),
            crs_factors=(CRS_JOB_OFFER,),
            reason="a job offer qualifies only with these facts, by policy P34",
        )
        for path in offer.missing
    ]


_DOCUMENT_CHECKS = (
    _personal,
    _language,
    _education,
    _canadian_study,
    _work,
    _noc_versions,
    _optional_documents,
    _crs_job_offer,
    _funds,
)


def _related(path: str, other: str) -> bool:
    """Whether one JSON path is the other or lies under it."""
    if path == other:
        return True
    longer, shorter = (path, other) if len(path) > len(other) else (other, path)
    return longer.startswith(shorter) and longer[len(shorter)] in ".["


def _ancestors(path: str) -> list[str]:
    """Every path ``path`` lies under: each prefix that a ``.`` or ``[`` follows."""
    return [path[:index] for index, char in enumerate(path) if char in ".["]


# Kept, as _item_id: the same few paths are asked of every profile.
@functools.lru_cache(maxsize=1024)
def _kept_ancestors(path: str) -> tuple[str, ...]:
    return tuple(_ancestors(path))


@functools.lru_cache(maxsize=1024)
def _item_id(path: str) -> str:
    """``$.work_history[0].paid`` → ``profile.work_history.paid``."""
    parts = []
    for part in path.removeprefix("$.").split("."):
        parts.append(part.split("[", 1)[0])
    return "profile." + ".".join(parts)


def program_verdicts(
    facts: Facts, programs: Sequence[Program] | None = None
) -> dict[str, Verdict]:
    """Each program's verdict on ``facts``, by program code.

    ``programs`` defaults to the engine's registry of programs (:mod:`expressentry.programs`).
    """
    if programs is None:
        programs = PROGRAMS
    return {program.code: program.assess(facts) for program in programs}


def _sought(programs: Sequence[str]) -> tuple[str, ...]:
    unknown = [code for code in programs if code not in ALL_PROGRAMS]
    if unknown or not programs:
        raise ValueError(
            f"programs must name one or more of {', '.join(ALL_PROGRAMS)}; got {list(programs)}"
        )
    return tuple(code for code in ALL_PROGRAMS if code in programs)


_MARKS: Mapping[Need, str] = {"profile": "blocks", "program": "needed", "optional": "if any"}


@attrs.frozen(kw_only=True)
class Completeness:
    """What a profile still needs on ``on`` for the ``programs`` sought.

    ``verdicts`` are the programs' verdicts the report drew on (empty if none were available);
    ``routes`` the programs sought still open: not ruled out by a verdict. ``eligible`` the
    programs sought already eligible.
    """

    on: date
    programs: tuple[str, ...]
    items: tuple[ProfileItem, ...]
    verdicts: Mapping[str, Verdict] = attrs.field(converter=frozen, hash=False)
    routes: tuple[str, ...]
    eligible: tuple[str, ...]

    @property
    def blocking(self) -> tuple[ProfileItem, ...]:
        """The items without which the profile cannot be submitted."""
        return tuple(item for item in self.items if item.blocks_submission)

    @property
    def complete(self) -> bool:
        """Whether the profile can be submitted: nothing blocks, and a program sought is
        eligible (or no verdict was given to say). Two open programs that each wait on a
        different fact block nothing on their own, yet the profile needs one of the two."""
        return not self.blocking and (bool(self.eligible) or not self.verdicts)

    def for_program(self, code: str) -> tuple[ProfileItem, ...]:
        """The items ``code`` needs."""
        return tuple(item for item in self.items if code in item.programs)

    @property
    def summary(self) -> str:
        """One line: the date, the programs sought and how many items block."""
        blocking, items = len(self.blocking), len(self.items)
        if not items:
            counted = "nothing more to enter"
        else:
            what = "item" if items == 1 else "items"
            counted = f"{items} {what}, {blocking or 'none'} blocking submission"
            if not self.complete and not blocking:
                counted += " on its own (no program is eligible yet: answer what one needs)"
        return f"Profile on {self.on.isoformat()} for {', '.join(self.programs)}: {counted}."

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(mark, sentence, why, path) of each item, blocking items first: what the text,
        Markdown and HTML renderings show."""
        return [
            (
                "blocks" if item.blocks_submission else _MARKS[item.need],
                item.sentence,
                item.why,
                item.path,
            )
            for item in sorted(self.items, key=lambda item: not item.blocks_submission)
        ]

    def explain(self) -> str:
        """The report as plain text, one item a line, blocking items first."""
        lines = [self.summary]
        lines += [
            f"- [{mark}] {sentence} {why} ({path})" for mark, sentence, why, path in self.rows()
        ]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: the ``completeness`` form of docs/assess.md."""
        from expressentry.render import completeness_dict

        return completeness_dict(self)

    def _repr_markdown_(self) -> str:
        from expressentry.render import completeness_markdown

        return completeness_markdown(self)

    def _repr_html_(self) -> str:
        from expressentry.render import completeness_html

        return completeness_html(self)


def completeness(
    candidate: Candidate,
    *,
    on: date,
    programs: Sequence[str] | None = None,
    verdicts: Mapping[str, Verdict] | None = None,
) -> Completeness:
    """What ``candidate``'s profile still needs on ``on`` for ``programs`` (default: all three).

    The items come from two sources, merged by JSON path:

    1. The documents a profile draws on (IRCC's list): a ``profile`` item (passport, birth
       date, marital status, intended province, a valid first-language test, work experience
       with each job's NOC code and title) is asked by every profile and always blocks; a
       ``program`` item (education or an ECA for FSW, proof of funds for FSW and FST) names
       the programs that need it; an ``optional`` item ("if you have one": nomination, job
       offer, certificate of qualification) never blocks.
    2. The programs' verdicts (``verdicts``, computed from the registry if not given): every
       fact the verdict of a program still open misses
       (:attr:`~expressentry.verdict.Verdict.missing_facts`). A program is *open* (one of
       :attr:`Completeness.routes`) unless its verdict rules it out (not eligible); answering
       a fact cannot reopen it. A verdict also decides which program a ``program`` item really
       serves: a program whose verdict does not miss the fact does not need it (for example a
       candidate exempt from proof of funds).

    A ``program`` item **blocks submission** when no program sought is eligible yet and every
    program still open (not ruled out by its verdict) needs it: without it the profile could
    not be submitted under any of them. Items needed by only some open programs do not block:
    another program may still take the profile.

    >>> from expressentry.model import Candidate
    >>> report = completeness(Candidate(), on=date(2026, 11, 29), programs=("CEC",),
    ...                       verdicts={})
    >>> [item.item_id for item in report.blocking][:3]
    ['profile.travel_document', 'profile.birth_date', 'profile.marital_status']
    """
    return completeness_of(derive(candidate, on=on), programs=programs, verdicts=verdicts)


def completeness_of(
    facts: Facts,
    *,
    programs: Sequence[str] | None = None,
    verdicts: Mapping[str, Verdict] | None = None,
) -> Completeness:
    """:func:`completeness` from derived facts already computed (as :func:`assess` has them)."""
    candidate = facts.candidate
    sought = ALL_PROGRAMS if programs is None else _sought(programs)
    if verdicts is None:
        verdicts = program_verdicts(facts, [p for p in PROGRAMS if p.code in sought])
    if sought is ALL_PROGRAMS and type(verdicts) is dict and verdicts.keys() <= _EVERY_PROGRAM:
        # None to leave out: the report keeps a copy of its own (Completeness.verdicts).
        drawn_on = verdicts
    else:
        drawn_on = {code: verdict for code, verdict in verdicts.items() if code in sought}
    routes = _Routes(sought, drawn_on)
    items = []
    if not routes.codes:  # every program sought ruled out by its verdict
        items.append(_no_program_open(sought, drawn_on))
    for check in _DOCUMENT_CHECKS:
        for draft in check(candidate, facts):
            if draft.need == "program":
                if (item := _for_programs(draft, routes)) is not None:
                    items.append(item)
            elif (asking := routes.asking(draft)) is not None:
                items.append(asking)
            else:
                standing = _standing_fixed if draft.fixed else _standing
                items.append(standing(draft, sought, routes.codes))
    if routes.paths:
        items.extend(_verdict_items(items, routes))
    return Completeness(
        on=facts.on,
        programs=sought,
        items=tuple(items),
        verdicts=drawn_on,
        routes=routes.codes,
        eligible=routes.eligible,
    )


class _Routes:
    """The programs sought still open (not ruled out by a verdict), those already eligible,
    and what the verdicts of the open ones still ask for."""

    __slots__ = ("asked", "codes", "eligible", "near", "not_met", "paths")

    def __init__(self, sought: tuple[str, ...], verdicts: Mapping[str, Verdict]) -> None:
        codes = []
        eligible = []
        # What each open program's verdict asks for (a program ruled out needs nothing more),
        # and for each fact asked, the programs that ask for it and the first of them with its
        # finding: gathered once for every item that reads them.
        asked: dict[str, list[str]] = {}
        paths: dict[str, _Asking] = {}
        not_met: dict[str, frozenset[str]] = {}
        for code in sought:
            verdict = verdicts.get(code)
            if verdict is None:
                codes.append(code)
                continue
            outcome = verdict.outcome
            if outcome is VerdictOutcome.NOT_ELIGIBLE:
                not_met[code] = frozenset(
                    finding.rule_id
                    for finding in verdict.findings
                    if finding.outcome is Outcome.NOT_MET
                )
                continue
            codes.append(code)
            if outcome is VerdictOutcome.ELIGIBLE:
                eligible.append(code)
            missing = asked[code] = []
            for finding in verdict.findings:
                if finding.missing:
                    for path in finding.missing:
                        missing.append(path)
                        asking = paths.get(path)
                        if asking is None:
                            paths[path] = ([code], code, finding)
                        # The programs ask in turn: one asking again is the last one.
                        elif asking[0][-1] != code:
                            asking[0].append(code)
        self.codes = tuple(codes)
        self.eligible = tuple(eligible)
        self.asked = asked
        self.paths = paths
        self.not_met = not_met  # per program ruled out, the rules it does not meet
        self.near: dict[str, _Near] = {}

    def need(self, code: str, path: str) -> bool:
        """Whether ``code`` is open and still needs the fact at ``path``: it has no verdict,
        or its verdict asks for that fact or one above or under it."""
        if code not in self.codes:
            return False
        missing = self.asked.get(code)
        if missing is None:
            return True
        if not missing:
            return False
        near = self.near.get(code)
        if near is None:
            near = self.near[code] = _near(tuple(missing))
        return bool(_related_among(near, (path,)))

    def asking(self, draft: _Draft) -> ProfileItem | None:
        """The item of an ``optional`` draft whose fact an open program's verdict misses
        (audit helper-72): needed by those programs, as a verdict's own item would be, not
        "if you have one" (a job offer while the FST waits on it); ``None`` if none does."""
        if draft.need != "optional" or not self.paths:
            return None
        programs = tuple(
            [code for code in self.codes if code in self.asked and self.need(code, draft.path)]
        )
        if not programs:
            return None
        finish = _finish_fixed if draft.fixed else _finish
        return finish(draft, programs, "program", self.blocks(programs))

    def blocks(self, programs: tuple[str, ...]) -> bool:
        """Whether a ``program`` item serving ``programs`` blocks submission: no program sought
        is eligible yet and every route needs it."""
        # Its programs are drawn from the routes, each once: all of them when as many.
        return not self.eligible and len(programs) == len(self.codes)


_Asking = tuple[list[str], str, Finding]
"""The programs that ask for a fact, and the first of them with the finding that asks."""

_Near = tuple[frozenset[str], frozenset[str]]
"""Paths, and every path that is one of them or lies above one (see :func:`_near`)."""


# Kept: the same few sets of paths are missing from most profiles.
@functools.lru_cache(maxsize=512)
def _near(paths: tuple[str, ...]) -> _Near:
    """``paths`` as two sets, so that whether a path is related (:func:`_related`) to one of
    them takes two look-ups (:func:`_related_among`) instead of a comparison with each."""
    above = set(paths)
    for path in paths:
        above.update(_kept_ancestors(path))
    return frozenset(paths), frozenset(above)


def _related_among(near: _Near, paths: Iterable[str]) -> set[str]:
    """The ``paths`` that are one of the paths of ``near``, lie above one or under one."""
    given, above = near
    related = set()
    for path in paths:
        if path in above or not given.isdisjoint(_kept_ancestors(path)):
            related.add(path)
    return related


def _for_programs(draft: _Draft, routes: _Routes) -> ProfileItem | None:
    """The item of a ``program`` draft for the programs that need it.

    It names the programs still open (not ruled out) whose verdict misses the fact, or that
    have no verdict. One no program needs any more stays, as optional, if it earns CRS points;
    otherwise it is dropped (for example proof of funds for a candidate who is exempt).
    """
    finish = _finish_fixed if draft.fixed else _finish
    programs = []
    for code in draft.programs:
        if routes.need(code, draft.path):
            programs.append(code)
    if programs:
        served = tuple(programs)
        return finish(draft, served, "program", routes.blocks(served))
    reopens = draft.reopens
    if reopens is not None:
        # Ruled out by the very requirement the draft meets: needed to open the program again
        # (not blocking: the item that says no program is open already blocks).
        ruled_out = routes.not_met
        reopened = tuple([code for code in draft.programs if reopens in ruled_out.get(code, ())])
        if reopened:
            return finish(draft, reopened, "program", False)
    if draft.crs_factors:
        return finish(draft, (), "optional", False)
    return None


def _finish(draft: _Draft, programs: tuple[str, ...], need: Need, blocks: bool) -> ProfileItem:
    """The item of ``draft`` once its programs, its need and whether it blocks are settled."""
    return ProfileItem(
        item_id=draft.item_id,
        sentence=draft.sentence,
        why=_why(programs, draft.crs_factors, need, draft.reason, draft.crs_effect),
        programs=programs,
        crs_factors=draft.crs_factors,
        need=need,
        blocks_submission=blocks,
        path=draft.path,
        citation=draft.citation,
    )


def _standing(draft: _Draft, sought: tuple[str, ...], routes: tuple[str, ...]) -> ProfileItem:
    """The item of a ``profile`` or ``optional`` draft: the programs sought and those still
    open (``routes``) settle it.

    A ``profile`` item names every program sought, an optional item every open program it
    counts for (a certificate of qualification does not name an FST already ruled out).
    """
    if draft.need == "profile":
        return _finish(draft, sought, "profile", True)
    return _finish(
        draft, tuple([code for code in draft.programs if code in routes]), "optional", False
    )


_SENTENCE_END: Final = re.compile(r"(?<=\.) (?=[A-Z])")
"""Where one sentence of a finding ends and the next begins."""


def _no_program_open(sought: tuple[str, ...], verdicts: Mapping[str, Verdict]) -> ProfileItem:
    """The item of a profile that every program sought rules out: it cannot enter the pool,
    however complete, and the sentence says what rules out each program (every requirement
    it does not meet)."""

    def sentence() -> str:
        reasons = []
        said: set[str] = set()  # a reason the programs share (an expired test) is said once
        for code in sought:
            parts = [
                part
                for finding in verdicts[code].with_outcome(Outcome.NOT_MET)
                for part in _SENTENCE_END.split(finding.sentence)
            ]
            new = [part for part in parts if part not in said]
            said.update(parts)
            failed = " ".join(new) if new else "the same reasons." if parts else "not eligible."
            reasons.append(f"{code}: {failed}")
        return (
            f"No program sought is open: {' '.join(reasons)} A profile enters the pool only "
            f"through a program it is eligible for: change what rules one out, if you can."
        )

    return ProfileItem(
        item_id="profile.program",
        sentence=sentence,
        why=_why(sought, (), "profile", "a profile enters the pool through an eligible program"),
        programs=sought,
        need="profile",
        blocks_submission=True,
        path="$",
        citation=EXPRESS_ENTRY_POOL,
    )


# A fixed draft settles the same way for the same programs: its items are kept and shared,
# being frozen, by every report that has them.
_finish_fixed = functools.lru_cache(maxsize=256)(_finish)
_standing_fixed = functools.lru_cache(maxsize=256)(_standing)


def _verdict_items(items: list[ProfileItem], routes: _Routes) -> list[ProfileItem]:
    """An item for each fact an open program's verdict misses that no document item covers."""
    covered = _related_among(_near(tuple([item.path for item in items])), routes.paths)
    made = []
    for path, (codes, first, finding) in routes.paths.items():
        if path in covered:
            continue
        programs = tuple(codes)
        made.append(
            ProfileItem(
                item_id=_item_id(path),
                sentence=_answer(path, first, finding),
                why=_why(programs, (), "program", _rule_words(first, finding.rule_id)),
                programs=programs,
                need="program",
                blocks_submission=routes.blocks(programs),
                path=path,
                citation=finding.citation,
            )
        )
    return made


def _answer(path: str, code: str, finding: Finding) -> Written:
    """The sentence of an item a verdict asks for: the question, then its finding."""
    return lambda: f"{_question(path)} {code}: {finding.sentence}"


@functools.lru_cache(maxsize=512)  # the same few facts are missing from most profiles
def _question(path: str) -> str:
    """What to answer for the fact at ``path``, in words: the start of the field's own
    description in the profile format, and whose it is (``For job 1, say whether the work was
    paid (wages or commission).``)."""
    description = field_description(path)
    if description is None:  # a fact of a program of the user's own, say
        return f"Answer {path}."
    clause = in_second_person(re.split(r"[:;]|\. ", description, maxsplit=1)[0].rstrip("."))
    verb = "say" if "whether" in clause.lower() else "give"
    ask = f"{verb} {lower_first(clause)}"
    item = item_name(path)
    if item is not None:
        return f"For {item}, {ask}."
    if path.startswith("$.spouse") and path != "$.spouse":
        return f"For the spouse or partner, {ask}."
    return f"{upper_first(ask)}."


@functools.cache
def _rule_titles() -> Mapping[str, str]:
    return {rule.rule_id: rule.title for program in PROGRAMS for rule in program.rules}


def _rule_words(code: str, rule_id: str) -> str:
    """The rule behind an item, for its ``why``: ``FSW: the selection grid reaches the pass
    mark``, or the rule id of a program the registry does not hold."""
    title = _rule_titles().get(rule_id)
    return rule_id if title is None else f"{code}: {lower_first(title)}"


# -- time warnings ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class TimeWarning:
    """Something that stops counting before a date: ``ends_on`` is its first day not valid."""

    warning_id: str
    sentence: str
    ends_on: date
    path: str | None
    citation: Citation


def _test_warnings(
    tests: Sequence[LanguageTest], prefix: str, on: date, until: date
) -> Iterator[TimeWarning]:
    for index, test in enumerate(tests):
        ends = expiry_date(test)
        start = counts_from(test)
        if ends > until:
            continue
        tense = "no longer counts" if ends <= on else "stops counting"
        yield TimeWarning(
            warning_id="time.language_test",
            sentence=(
                f"{describe_test(test, start_of_sentence=True)} {tense} from "
                f"{ends.isoformat()}{_before(ends, until)}: its results are valid "
                f"{RESULT_VALIDITY_YEARS.at(start)} years."
            ),
            ends_on=ends,
            path=f"{prefix}language_tests[{index}]",
            citation=RESULT_VALIDITY_YEARS.citation_at(start),
        )


def history_warnings(candidate: Candidate, *, on: date) -> tuple[str, ...]:
    """A job with no end date that runs on beside a later job in another country: most
    likely an end date left out (a period without one is ongoing, policy P24), which would
    count years of work that were not done.

    >>> from expressentry.model import WorkHistory, WorkPeriod
    >>> def job(country, start, end=None):
    ...     return WorkPeriod(country=country, start=start, end=end, hours_per_week=40)
    >>> history = WorkHistory(periods=(job("IN", date(2019, 1, 1)), job("CA", date(2025, 10, 1))))
    >>> print(*history_warnings(Candidate(work_history=history), on=date(2026, 12, 1)))
    Job 1 (IN, from 2019-01-01) has no end date, so it counts as ongoing through 2026-12-01, \
beside job 2 (CA, from 2025-10-01): if it has ended, give its end date.
    """
    if candidate.work_history is None:
        return ()
    periods = candidate.work_history.periods
    said = []
    for index, period in enumerate(periods):
        if period.end is not None or period.start > on:
            continue
        later = next(
            (
                (number, other)
                for number, other in enumerate(periods)
                if other.country != period.country and period.start < other.start <= on
            ),
            None,
        )
        if later is not None:
            number, other = later
            said.append(
                f"Job {index + 1} ({_where_and_when(period)}) has no end date, so it counts as "
                f"ongoing through {on.isoformat()}, beside job {number + 1} "
                f"({_where_and_when(other)}): if it has ended, give its end date."
            )
    return tuple(said)


def _where_and_when(period: WorkPeriod) -> str:
    title = "" if period.job_title is None else f"{period.job_title.strip()}, "
    return f"{title}{period.country}, from {period.start.isoformat()}"


def _before(ends: date, until: date) -> str:
    """``, before 2027-01-01`` when a validity ends before ``until``; nothing when it ends on
    that very day (which is then named already)."""
    return "" if ends == until else f", before {until.isoformat()}"


def _eca_warnings(candidate: Candidate, on: date, until: date) -> Iterator[TimeWarning]:
    owners: list[tuple[str, Sequence[Credential]]] = [("$.", candidate.education or ())]
    if candidate.spouse is not None:
        owners.append(("$.spouse.", candidate.spouse.education))
    for prefix, credentials in owners:
        for index, credential in enumerate(credentials):
            eca = credential.eca
            if eca is None:
                continue
            # The validity in force on ``until``, as education_level(on=until) would read it.
            ends = eca_expiry_date(eca, until)
            if ends > until:
                continue
            tense = "no longer counts" if ends <= on else "stops counting"
            yield TimeWarning(
                warning_id="time.eca",
                sentence=(
                    f"The educational credential assessment issued on "
                    f"{eca.issue_date.isoformat()} {tense} from {ends.isoformat()}"
                    f"{_before(ends, until)}: an ECA is valid {ECA_VALIDITY_YEARS.at(until)} "
                    f"years."
                ),
                ends_on=ends,
                path=f"{prefix}education[{index}].eca",
                citation=ECA_VALIDITY_YEARS.citation_at(until),
            )


def time_warnings(
    candidate: Candidate,
    *,
    on: date,
    until: date,
    lifecycle: Lifecycle | None = None,
) -> tuple[TimeWarning, ...]:
    """Everything that will not be valid any more on ``until``, seen from ``on``.

    - each language test (the candidate's and the spouse's) whose results stop counting by
      ``until`` (valid two years, policy P4);
    - each ECA that expires by ``until`` (valid five years, policy P21);
    - a passport or travel document whose expiry date is before ``until``;
    - the lifecycle deadline running on ``on`` (reference code, draft, pool or invitation)
      whose last day is before ``until``.

    Typical ``until``: the day the candidate expects an invitation, or the invitation's
    deadline (the tests must still be valid when the application is submitted).

    >>> life = Lifecycle(draft_created_on=date(2026, 11, 1))
    >>> [w.sentence for w in time_warnings(Candidate(), on=date(2026, 11, 29),
    ...                                    until=date(2027, 1, 1), lifecycle=life)]
    ['The draft profile must be submitted by 2026-12-31, before 2027-01-01 (32 days left).']
    """
    require_in_force(on, "on")
    warnings = list(_test_warnings(candidate.language_tests or (), "$.", on, until))
    if candidate.spouse is not None:
        warnings.extend(_test_warnings(candidate.spouse.language_tests, "$.spouse.", on, until))
    warnings.extend(_eca_warnings(candidate, on, until))
    document = candidate.travel_document
    if document is not None and document.expiry_date is not None and document.expiry_date < until:
        ends = document.expiry_date + relativedelta(days=1)
        warnings.append(
            TimeWarning(
                warning_id="time.travel_document",
                sentence=(
                    f"The passport or travel document expired on "
                    f"{document.expiry_date.isoformat()}."
                    if document.expiry_date < on
                    else f"The passport or travel document expires on "
                    f"{document.expiry_date.isoformat()}, before {until.isoformat()}."
                ),
                ends_on=ends,
                path="$.travel_document.expiry_date",
                citation=_DOCUMENTS,
            )
        )
    if lifecycle is not None:
        deadline = lifecycle.status(on).deadline
        if deadline is not None and deadline.running_on(on) and deadline.last_day < until:
            warnings.append(
                TimeWarning(
                    warning_id=deadline.deadline_id,
                    sentence=(
                        _RULES[deadline.deadline_id].warning.format(
                            last=deadline.last_day.isoformat()
                        )
                        + f", before {until.isoformat()} ({_days(deadline.days_left(on))})."
                    ),
                    ends_on=deadline.last_day + relativedelta(days=1),
                    path=None,
                    citation=deadline.citation,
                )
            )
    return tuple(sorted(warnings, key=lambda warning: warning.ends_on))
