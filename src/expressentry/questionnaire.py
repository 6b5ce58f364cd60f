"""The eligibility questionnaire ("Come to Canada") that hands out a personal reference code.

A person answers a short questionnaire: birth date, intended province, first official language
results (a test, or CLB/NCLC levels directly), years of work by occupation and country,
education, family size, settlement funds and a job offer. The answers become a
:class:`~expressentry.model.Candidate`, and the programs decide: no rule is written twice. Only
when at least one program is eligible does the person get a personal reference code, valid 60
days (rules.md §7, policy P22), with the next steps: create a secure account, enter the code
within 60 days, complete the profile.

The code is drawn from the :class:`random.Random` the caller passes: the same answers and the
same seed give the same code, and the module never touches the global random state.

>>> import random
>>> from datetime import date
>>> from expressentry.language import LanguageLevels
>>> from expressentry.model import Language, MaritalStatus, NocCode, Province
>>> answers = QuestionnaireAnswers(
...     answered_on=date(2026, 11, 29),
...     birth_date=date(1994, 6, 12),
...     marital_status=MaritalStatus.NEVER_MARRIED,
...     family_size=1,
...     intended_province=Province.BC,
...     language_levels=LanguageLevels(
...         language=Language.ENGLISH, listening=7, reading=7, writing=7, speaking=7
...     ),
...     work=(WorkAnswer(noc=NocCode("21231"), years=1, country="CA", authorized=True),),
... )
>>> result = answer(answers, rng=random.Random(2026))
>>> result.eligible_programs, result.reference_code, result.expires_on
(('CEC',), 'KQ8139986987', datetime.date(2027, 1, 28))
>>> print(result.next_steps[1])
Enter your personal reference code KQ8139986987 in your account by 2027-01-28 (it is valid \
60 days after 2026-11-29); it carries these answers into your Express Entry profile.
>>> print(result.verdicts["FSW"].finding("fsw.education.credential").sentence)
The credentials are not answered; the FSW needs a Canadian credential or a foreign one with a \
valid educational credential assessment.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import MINYEAR, date, timedelta
from types import MappingProxyType

import attrs
from dateutil.relativedelta import relativedelta

from expressentry._frozen import frozen
from expressentry.codes import (
    REFERENCE_CODE_VALIDITY_DAYS,
    personal_reference_code,
    reference_code_expiry,
)
from expressentry.dated import require_in_force
from expressentry.exceptions import ProfileError
from expressentry.experience import FULL_TIME_HOURS_PER_WEEK
from expressentry.facts import derive
from expressentry.language import LEVEL_CHARTS, LanguageLevels, chart_level, scale_for
from expressentry.language.levels import LOWEST_LEVEL
from expressentry.model import (
    Ability,
    AbilityScores,
    Candidate,
    CertificateOfQualification,
    Credential,
    IssuingAuthority,
    JobOffer,
    Language,
    LanguageTest,
    MaritalStatus,
    NocCode,
    Province,
    TestKind,
    WorkAuthorization,
    WorkHistory,
    WorkPeriod,
)
from expressentry.profile import DRAFT_VALIDITY, POOL_VALIDITY, program_verdicts
from expressentry.programs import Program
from expressentry.programs.pool import PoolEntry, listed_programs, pool_entry
from expressentry.serialization import facts_in_words, in_second_person
from expressentry.verdict import Verdict

__all__ = [
    "LEVELS_TEST",
    "QuestionnaireAnswers",
    "QuestionnaireResult",
    "WorkAnswer",
    "answer",
    "missing_answers",
]

LEVELS_TEST: Mapping[Language, TestKind] = MappingProxyType(
    {Language.ENGLISH: TestKind.CELPIP_GENERAL, Language.FRENCH: TestKind.TCF_CANADA}
)
"""The test that stands for levels answered directly: its chart does not change with the test
date, and a CELPIP-General score is the CLB level itself."""


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    # An int, not a bool or a float: 1.5 years cannot be placed on the calendar.
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ProfileError([(f"$.{attribute.name}", f"{value!r} is not a whole number above 0")])


@attrs.frozen(kw_only=True)
class WorkAnswer:
    """Years of full-time work in one occupation, in one country (``"CA"`` for Canada).

    ``authorized`` (work in Canada): whether the person was authorized to work in Canada (on
    temporary resident status) all along; ``None`` if not answered.
    """

    noc: NocCode
    years: int = attrs.field(validator=_positive)
    country: str
    authorized: bool | None = None
    self_employed: bool = False


@attrs.frozen(kw_only=True)
class QuestionnaireAnswers:
    """The short answers of the eligibility questionnaire, given on ``answered_on``.

    - ``language_test`` or ``language_levels`` (not both): the first official language's
      results, as a test (kind, date, four scores) or as CLB/NCLC levels directly.
    - ``work``: the most recent job first; each answer is placed just before the previous one,
      the first ending on ``answered_on``, all of it paid and full time. No answer: no work.
    - ``primary_occupation``: the occupation FSW looks at; by default the first answer's.
    - ``family_size``: the person, a spouse or common-law partner, and dependent children.
    - ``certificate_of_qualification``: who certified the person in the primary occupation,
      or ``None`` for no certificate.
    - ``job_offer``: the written offer, or ``None`` for none.

    Any other question left out stays unanswered (``None``), and a program that needs it says
    so: it is never taken for a "no".
    """

    answered_on: date
    birth_date: date
    marital_status: MaritalStatus | None = None
    family_size: int | None = None
    intended_province: Province | None = None
    language_test: LanguageTest | None = None
    language_levels: LanguageLevels | None = None
    work: tuple[WorkAnswer, ...] = ()
    primary_occupation: NocCode | None = None
    meets_trade_requirements: bool | None = None
    certificate_of_qualification: IssuingAuthority | None = None
    education: tuple[Credential, ...] | None = None
    settlement_funds_cad: int | None = None
    job_offer: JobOffer | None = None
    work_authorization: WorkAuthorization | None = None

    def __attrs_post_init__(self) -> None:
        problems = []
        if self.language_test is not None and self.language_levels is not None:
            problems.append(
                (
                    "$.language_levels",
                    "give the test or the levels of the first language, not both",
                )
            )
        partner = self.marital_status is not None and self.marital_status.has_partner
        size = self.family_size
        if size is not None and (not isinstance(size, int) or isinstance(size, bool)):
            problems.append(("$.family_size", f"{size!r} is not a whole number of people"))
        elif size is not None and size < 1 + partner:
            problems.append(
                (
                    "$.family_size",
                    f"a family of {self.family_size} cannot include the person"
                    + (" and a spouse or partner" if partner else ""),
                )
            )
        if problems:
            raise ProfileError(problems)

    def candidate(self) -> Candidate:
        """The candidate these answers describe, for the programs to assess.

        Raises :class:`~expressentry.exceptions.ProfileError` when the answers contradict
        each other as a profile (a test before the birth date, for example), and
        :class:`~expressentry.exceptions.NotInForce` for answers given before 2015-01-01.
        """
        require_in_force(self.answered_on, "answered_on")  # before any date is counted back
        if self.birth_date > self.answered_on:  # a profile's birth date may be later, not so
            raise ProfileError(
                [
                    (
                        "$.birth_date",
                        f"{self.birth_date.isoformat()} is after the day of the answers, "
                        f"{self.answered_on.isoformat()}",
                    )
                ]
            )
        children = None
        if self.family_size is not None and self.marital_status is not None:
            children = self.family_size - 1 - self.marital_status.has_partner
        primary = self.primary_occupation
        if primary is None and self.work:
            primary = self.work[0].noc
        certificates: tuple[CertificateOfQualification, ...] = ()
        if self.certificate_of_qualification is not None:
            certificates = (
                CertificateOfQualification(
                    noc=primary, issued_by=self.certificate_of_qualification
                ),
            )
        test = self.language_test
        if self.language_levels is not None:
            test = _test_for(self.language_levels, self.answered_on)
        return Candidate(
            birth_date=self.birth_date,
            marital_status=self.marital_status,
            intended_province=self.intended_province,
            work_authorization=self.work_authorization,
            first_official_language=None if test is None else test.language,
            language_tests=None if test is None else (test,),
            education=self.education,
            work_history=_work_history(self.work, self.answered_on),
            primary_occupation=primary,
            meets_trade_requirements=self.meets_trade_requirements,
            job_offers=() if self.job_offer is None else (self.job_offer,),
            certificates_of_qualification=certificates,
            dependent_children=children,
            settlement_funds_cad=self.settlement_funds_cad,
        )


def _test_for(levels: LanguageLevels, on: date) -> LanguageTest:
    """A test taken on ``on`` whose scores are the lowest that reach ``levels``.

    >>> levels = LanguageLevels(language=Language.ENGLISH, listening=9, reading=8, writing=7,
    ...                         speaking=3)
    >>> _test_for(levels, date(2026, 11, 29)).scores
    AbilityScores(listening=9, reading=8, writing=7, speaking=0)
    """
    kind = LEVELS_TEST[levels.language]
    chart = LEVEL_CHARTS[kind].at(on)
    scores: dict[str, float] = {}
    for ability in Ability:
        level = chart_level(levels.of(ability))
        if level < LOWEST_LEVEL:
            scores[ability.value] = float(scale_for(kind, ability, on).minimum)
        else:
            scores[ability.value] = chart.lowest_score(ability, level)
    return LanguageTest(
        kind=kind,
        test_date=on,
        scores=AbilityScores(**{name: int(score) for name, score in scores.items()}),
    )


def _work_history(work: Sequence[WorkAnswer], answered_on: date) -> WorkHistory:
    """The answers as back-to-back periods, the first ending on ``answered_on``."""
    periods = []
    end = answered_on
    for index, item in enumerate(work):
        if item.years > end.year - MINYEAR:  # the calendar has no day that far back
            raise ProfileError(
                [
                    (
                        f"$.work[{index}].years",
                        f"{item.years} years before {end} is before the calendar",
                    )
                ]
            )
        start = end - relativedelta(years=item.years) + timedelta(days=1)
        periods.append(
            WorkPeriod(
                noc=item.noc,
                country=item.country,
                start=start,
                end=end,
                # A year of work in the questionnaire is a year of full-time work (P9).
                hours_per_week=FULL_TIME_HOURS_PER_WEEK.at(answered_on),
                paid=True,
                self_employed=item.self_employed,
                full_time_student=False,
                authorized=item.authorized if item.country == "CA" else None,
            )
        )
        end = start - timedelta(days=1)
    return WorkHistory(periods=tuple(periods))


@attrs.frozen(kw_only=True)
class QuestionnaireResult:
    """What the questionnaire tells the person.

    ``verdicts`` explain each program; ``reference_code``, ``issued_on`` and ``expires_on``
    are set only when ``eligible_programs`` is not empty; ``next_steps`` are plain sentences.
    ``missing_answers`` are the questions (paths in :class:`QuestionnaireAnswers`) whose
    answers could settle a program still undetermined when none is eligible (see
    :func:`missing_answers`).
    """

    answers: QuestionnaireAnswers
    candidate: Candidate
    verdicts: Mapping[str, Verdict] = attrs.field(converter=frozen, hash=False)
    pool: PoolEntry
    eligible_programs: tuple[str, ...]
    reference_code: str | None
    issued_on: date | None
    expires_on: date | None
    next_steps: tuple[str, ...]
    missing_answers: tuple[str, ...] = ()

    def explain(self) -> str:
        """The result as plain text: each program's verdict and findings, then the next steps."""
        lines = [self.pool.sentence]
        for code, verdict in self.verdicts.items():
            lines.append(f"{code}: {verdict.outcome.value.replace('_', ' ')}")
            lines.extend(f"  {f.outcome.mark} {f.sentence}" for f in verdict.findings)
        if self.reference_code is not None:
            lines.append(f"Personal reference code: {self.reference_code}")
        lines.extend(f"- {step}" for step in self.next_steps)
        return "\n".join(lines)


def _next_steps(code: str, issued_on: date, expires_on: date) -> tuple[str, ...]:
    days = REFERENCE_CODE_VALIDITY_DAYS.at(issued_on)
    return (
        "Create an IRCC secure account (sign in with a GCKey or a Sign-In Partner).",
        f"Enter your personal reference code {code} in your account by "
        f"{expires_on.isoformat()} (it is valid {days} days after {issued_on.isoformat()}); it "
        f"carries these answers into your Express Entry profile.",
        f"Complete your Express Entry profile and submit it: a draft keeps "
        f"{DRAFT_VALIDITY.at(issued_on)} after you start it (a low-confidence figure), and a "
        f"submitted profile stays in the pool {POOL_VALIDITY.at(issued_on)}.",
    )


_NOT_ELIGIBLE_STEP = (
    "No personal reference code is issued: no program is open to you with these answers. "
    "Each program's findings say what is missing or not met."
)

_UNDETERMINED_STEP = (
    "No personal reference code is issued yet: no program is open to you with these answers, "
    "and {programs} cannot be decided until these are answered: {answers}. Each program's "
    "findings say what is missing or not met."
)

_UNDECIDABLE_STEP = (
    "No personal reference code is issued: no program is open to you with these answers, and "
    "{programs} cannot be decided on {on}: the rules in force on that date leave it open."
)

# A profile path's first fields, the question that gives them, and whether the rest of the path
# names a part of the answer (a certificate is answered by its issuing authority alone).
_QUESTION_OF: Mapping[str, tuple[str, bool]] = MappingProxyType(
    {
        "$.language_tests[0]": ("$.language_test", True),
        "$.language_tests": ("$.language_test", False),
        "$.first_official_language": ("$.language_test", False),
        "$.work_history": ("$.work", True),
        "$.job_offers[0]": ("$.job_offer", True),
        "$.job_offers": ("$.job_offer", False),
        "$.certificates_of_qualification": ("$.certificate_of_qualification", False),
    }
)


def missing_answers(
    answers: QuestionnaireAnswers, profile_paths: Sequence[str]
) -> tuple[str, ...]:
    """The questions whose answers would give the facts at ``profile_paths`` (JSON paths in a
    :class:`~expressentry.model.Candidate`, as verdicts name them), each once, in order.

    The children are the family less the person and a partner: an unanswered count of
    dependent children asks for the family size, or for the marital status when the family
    size is given. A fact no question asks (a spouse's own facts, say) keeps its profile path:
    it is answered in the full profile.

    >>> from datetime import date
    >>> answers = QuestionnaireAnswers(
    ...     answered_on=date(2026, 11, 29), birth_date=date(1994, 6, 12), family_size=2
    ... )
    >>> missing_answers(answers, ["$.dependent_children", "$.work_history[1].authorized",
    ...                           "$.marital_status", "$.spouse"])
    ('$.marital_status', '$.work[1].authorized', '$.spouse')
    """
    questions: dict[str, None] = {}
    for path in profile_paths:
        if path == "$.dependent_children":
            path = "$.family_size" if answers.family_size is None else "$.marital_status"
        else:
            for prefix, (question, parts) in _QUESTION_OF.items():
                if path == prefix or path.startswith((prefix + ".", prefix + "[")):
                    path = question + path[len(prefix) :] if parts else question
                    break
        questions[path] = None
    return tuple(questions)


def _answers_in_words(answers: QuestionnaireAnswers, profile_paths: Sequence[str]) -> str:
    """The answers :func:`missing_answers` asks for, named in words by the profile facts they
    give: the children through the family size, or the marital status once it is given."""
    paths = []
    family_size = False
    for path in profile_paths:
        if path != "$.dependent_children":
            paths.append(path)
        elif answers.family_size is None:
            family_size = True
        else:
            paths.append("$.marital_status")
    words = [in_second_person(facts_in_words(paths))] if paths else []
    if family_size:
        words.append("the size of the family (you, a spouse or partner, and the children)")
    return "; ".join(words)


def answer(
    answers: QuestionnaireAnswers,
    *,
    rng: random.Random,
    programs: Sequence[Program] | None = None,
) -> QuestionnaireResult:
    """Assess the answers with ``programs`` (default: the engine's three) on the day they were
    given, and issue a personal reference code from ``rng`` if at least one is eligible.

    ``rng`` is drawn from only when a code is issued.
    """
    candidate = answers.candidate()
    facts = derive(candidate, on=answers.answered_on)
    verdicts = program_verdicts(facts, programs)
    entry = pool_entry(verdicts.values())
    code = issued = expires = None
    questions = missing_answers(answers, entry.missing_facts)
    steps: tuple[str, ...] = (_NOT_ELIGIBLE_STEP,)
    if entry.eligible:
        code = personal_reference_code.generate(rng)
        issued = answers.answered_on
        expires = reference_code_expiry(issued)
        steps = _next_steps(code, issued, expires)
    elif entry.undetermined_programs:
        programs_text = listed_programs(entry.undetermined_programs)
        steps = (
            _UNDETERMINED_STEP.format(
                programs=programs_text, answers=_answers_in_words(answers, entry.missing_facts)
            )
            if questions
            else _UNDECIDABLE_STEP.format(
                programs=programs_text, on=answers.answered_on.isoformat()
            ),
        )
    return QuestionnaireResult(
        answers=answers,
        candidate=candidate,
        verdicts=verdicts,
        pool=entry,
        eligible_programs=entry.eligible_programs,
        reference_code=code,
        issued_on=issued,
        expires_on=expires,
        next_steps=steps,
        missing_answers=questions,
    )
