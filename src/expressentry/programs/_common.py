"""Findings that more than one program makes the same way.

Every Express Entry program requires the candidate to intend to live outside Quebec (policy
P18), reads the first official language's test for its language minimum (policy P33) and
counts work through the experience ledger, whose undecided periods are named by JSON path.
The programs build those findings here, each under its own rule id and citation, so that the
three verdicts word them alike.

>>> from datetime import date
>>> from expressentry.dated import Citation
>>> from expressentry.facts import derive
>>> from expressentry.model import Candidate, Province
>>> rule = Rule("demo.residence", "Outside Quebec", Citation("IRPR", "s. 1", "https://x.ca"))
>>> finding = outside_quebec(rule, derive(Candidate(), on=date(2026, 11, 29)), "the demo")
>>> finding.outcome, finding.missing
(<Outcome.UNKNOWN: 'unknown'>, ('$.intended_province',))
>>> candidate = Candidate(intended_province=Province.QC)
>>> print(outside_quebec(rule, derive(candidate, on=date(2026, 11, 29)), "the demo").sentence)
The intended province is Quebec; the demo requires intending to live outside Quebec.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from expressentry._written import upper_first
from expressentry.education import unassessed
from expressentry.experience import (
    CRS_CANADIAN,
    CRS_FOREIGN,
    Experience,
    MissingFact,
    PeriodUse,
    Reason,
    Use,
)
from expressentry.experience.ledger import format_hours, hours_fact
from expressentry.facts import Facts
from expressentry.language import (
    Ability,
    AssessedTest,
    LanguageLevels,
    OfficialLanguages,
    benchmark_name,
    describe_level,
    describe_test,
)
from expressentry.language.notes import LanguageRule
from expressentry.model import PROVINCE_NAMES, Province
from expressentry.serialization import facts_in_words
from expressentry.verdict import FactValue, Finding, Outcome, Rule

__all__ = [
    "LAWS",
    "NO_WORK_HISTORY",
    "describe_minimums",
    "experience_facts",
    "first_benchmark",
    "format_hours",
    "hours_fact",
    "language_facts",
    "language_minimum_per_ability",
    "left_out",
    "no_language_test",
    "outside_quebec",
    "settled_language_choice",
    "spouse_missing",
    "unsettled_paths",
    "work_history_paths",
]

LAWS: Final = "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/"
"""The Immigration and Refugee Protection Regulations (SOR/2002-227) on the Justice Laws site."""


# -- residence (P18) -------------------------------------------------------------------------


def outside_quebec(rule: Rule, facts: Facts, program: str) -> Finding:
    """Whether the candidate intends to live outside Quebec (policy P18).

    Quebec selects its own skilled workers, so each federal program requires the intention to
    live in another province or territory. An unanswered province is unknown, never a "no".
    """
    province = facts.candidate.intended_province
    if province is None:
        return rule.finding(
            Outcome.UNKNOWN,
            lambda: (
                f"The intended province or territory is not answered; {program} requires "
                "intending to live outside Quebec."
            ),
            facts=_NO_PROVINCE,
            missing=("$.intended_province",),
        )
    if province is Province.QC:
        return rule.finding(
            Outcome.NOT_MET,
            lambda: (
                f"The intended province is Quebec; {program} requires intending to live "
                "outside Quebec."
            ),
            facts=_PROVINCE_FACTS[province],
        )
    return rule.finding(
        Outcome.MET,
        lambda: (
            f"The intended province or territory is {PROVINCE_NAMES[province]}, outside Quebec."
        ),
        facts=_PROVINCE_FACTS[province],
    )


_NO_PROVINCE: Final[Mapping[str, FactValue]] = MappingProxyType({"intended_province": None})
_PROVINCE_FACTS: Final = {
    province: MappingProxyType({"intended_province": province.value}) for province in Province
}
"""The facts of each answer, built once (a finding keeps its own copy)."""


# -- language (P33) ----------------------------------------------------------------------------

_NOT_COUNTING: Final = frozenset(
    {
        LanguageRule.NOT_ACCEPTED,
        LanguageRule.NOT_YET_COUNTING,
        LanguageRule.EXPIRED,
        LanguageRule.DECLARED_LANGUAGE_UNTESTED,
    }
)


_ABILITIES: Final = tuple((ability, ability.value) for ability in Ability)
"""Each ability with its name (reading an enum's ``value`` is a property call)."""


def language_facts(levels: LanguageLevels) -> dict[str, FactValue]:
    """The facts a language finding records: the language and the level of each ability."""
    recorded: dict[str, FactValue] = {"language": levels.language.value}
    for ability, name in _ABILITIES:
        recorded[name] = levels.of(ability)
    return recorded


def no_language_test(rule: Rule, facts: Facts, requirement: str) -> Finding:
    """The finding when no test counts for the first official language (P33): not met when
    the tests given have all lapsed (expired, not yet counting or not accepted: an expired test
    counts for nothing, P4, and results must be less than two years old, rules.md §5.3), or
    when the tests answered hold none of the first official language (an empty list says
    there is no test); unknown, naming ``$.language_tests``, when the tests are not answered.

    The sentence names the requirement and says why each test given does not count.
    """
    languages = facts.languages
    first = languages.first_language
    tests = facts.candidate.language_tests

    def sentence() -> str:
        reasons = " ".join(note.sentence for note in languages.notes if note.rule in _NOT_COUNTING)
        said = (
            f"The language tests are not answered; {requirement}."
            if tests is None
            else f"No language test counts for the first official language on "
            f"{facts.on.isoformat()}; {requirement}."
        )
        return f"{said} {reasons}" if reasons else said

    recorded: dict[str, FactValue] = {
        "first_official_language": None if first is None else first.value,
        "tests_given": None if tests is None else len(tests),
    }
    lapsed = languages.first_lapsed_tests
    if lapsed:
        # Why the first of them does not count: P4 (expired) or P30 (not yet counting).
        problem = lapsed[0].problem
        assert problem is not None  # a lapsed test has its reason
        return rule.finding(Outcome.NOT_MET, sentence, facts=recorded, policy=problem.policy)
    if tests is not None:
        return rule.finding(Outcome.NOT_MET, sentence, facts=recorded)
    return rule.finding(Outcome.UNKNOWN, sentence, facts=recorded, missing=("$.language_tests",))


def first_benchmark(facts: Facts) -> str:
    """The benchmark of the first official language, ``"CLB"`` or ``"NCLC"``, even with no
    valid test of it (``"CLB"`` while the first language is not settled)."""
    language = facts.languages.first_language
    return "CLB" if language is None else benchmark_name(language)


def describe_minimums(minimums: Mapping[Ability, int], levels: LanguageLevels | None) -> str:
    """The minimum per ability in words: ``"CLB 7 in each ability"``, or grouped by level,
    highest first: ``"CLB 5 in listening and speaking and CLB 4 in reading and writing"``.

    >>> describe_minimums({ability: 7 for ability in Ability}, None)
    'CLB 7 in each ability'
    """
    name = "CLB" if levels is None else levels.benchmark
    return _describe_minimums(tuple([minimums[ability] for ability, _ in _ABILITIES]), name)


@functools.lru_cache(maxsize=64)
def _describe_minimums(levels: tuple[int, ...], name: str) -> str:
    """:func:`describe_minimums` of the levels in ``Ability``'s order (the programs ask the
    same few minimums for every candidate, so the words are kept)."""
    by_level: dict[int, list[str]] = {}
    for (_, ability), level in zip(_ABILITIES, levels, strict=True):
        by_level.setdefault(level, []).append(ability)
    if len(by_level) == 1:
        return f"{name} {next(iter(by_level))} in each ability"
    parts = (
        f"{name} {level} in {' and '.join(abilities)}"
        for level, abilities in sorted(by_level.items(), reverse=True)
    )
    return " and ".join(parts)


def another_valid_test(
    facts: Facts, enough: Callable[[LanguageLevels], bool]
) -> AssessedTest | None:
    """A valid test of the first official language, other than the one chosen, whose levels
    are ``enough`` for a program's minimum: policy P6 chooses the test with the most CRS
    points, not the one a program's minimum prefers, and the finding then says so."""
    languages = facts.languages
    chosen = languages.first
    assert chosen is not None  # asked only of a candidate whose first language has a test
    language = chosen.levels.language
    return next(
        (
            test
            for test in languages.tests
            if test is not chosen
            and test.counts
            and test.levels.language is language
            and enough(test.levels)
        ),
        None,
    )


def chosen_by_crs(other: AssessedTest, reaches: str) -> str:
    """The sentence that names ``other``, a valid test that ``reaches`` a minimum the chosen
    one does not (policy P6)."""
    return (
        f" {describe_test(other.test, start_of_sentence=True)} (language test {other.index + 1})"
        f" also counts and gives {other.levels}, which {reaches}; the test with the most CRS "
        f"points is the one used (policy P6)."
    )


def language_minimum_per_ability(
    rule: Rule, facts: Facts, minimums: Mapping[Ability, int], program: str
) -> Finding:
    """A minimum level in each ability of the first official language's test (P33), unless
    an unanswered fact could change which test counts (:func:`settled_language_choice`).

    ``program`` names the program in the sentence ("the FST"). Every ability below its
    minimum is named with the candidate's level: "Reading is CLB 3; the FST needs ...".
    """
    return settled_language_choice(
        rule,
        facts,
        _minimum_per_ability(rule, facts, minimums, program),
        lambda facts: _minimum_per_ability(rule, facts, minimums, program),
    )


def _minimum_per_ability(
    rule: Rule, facts: Facts, minimums: Mapping[Ability, int], program: str
) -> Finding:
    levels = facts.languages.first_levels
    # The minimums read once, in Ability's order, for the words and for the comparison.
    needed_levels = tuple([minimums[ability] for ability, _ in _ABILITIES])
    needed = _describe_minimums(needed_levels, first_benchmark(facts))
    if levels is None:
        return no_language_test(rule, facts, f"{program} needs {needed}")
    short = [
        ability
        for (ability, _), minimum in zip(_ABILITIES, needed_levels, strict=True)
        if levels.of(ability) < minimum
    ]
    if short:
        other = another_valid_test(
            facts,
            lambda found: all(
                found.of(ability) >= minimum
                for (ability, _), minimum in zip(_ABILITIES, needed_levels, strict=True)
            ),
        )

        def below() -> str:
            said = " and ".join(
                f"{ability.value} is {describe_level(levels.of(ability), levels.language)}"
                for ability in short
            )
            chosen = "" if other is None else chosen_by_crs(other, "meets it")
            return f"{upper_first(said)}; {program} needs {needed}.{chosen}"

        return rule.finding(
            Outcome.NOT_MET,
            below,
            facts=lambda: language_facts(levels),
            policy=None if other is None else "P6",
        )
    return rule.finding(
        Outcome.MET,
        lambda: f"The first official language test gives {levels}; {program} needs {needed}.",
        facts=lambda: language_facts(levels),
    )


def settled_language_choice(
    rule: Rule, facts: Facts, finding: Finding, decide: Callable[[Facts], Finding]
) -> Finding:
    """``finding``, which is ``decide(facts)``, a finding on the first official language's
    test, or unknown when an answer the CRS does not have yet could make another test count
    and change the outcome.

    The test that counts is the one with the most CRS points (P6), and so is the first
    language when it is not declared (P5); the CRS counts an unanswered fact at its certain
    level, and its answer can change which assignment scores more
    (:attr:`Facts.other_language_choices`). The finding then names those facts.
    """
    # One test (most candidates) leaves nothing to choose: no choices to compute.
    if len(facts.languages.tests) < 2:
        return finding
    choices = facts.other_language_choices
    if finding.outcome is Outcome.UNKNOWN:
        if not choices.others:
            return finding
        # Undecided already; the facts that could make another test count settle it too.
        missing = (*finding.missing, *unsettled_paths(facts, choices.unsettled))
        return attrs.evolve(finding, missing=tuple(dict.fromkeys(missing)))
    for languages in choices.others:
        other = decide(facts.with_languages(languages))
        if other.outcome is not finding.outcome:
            return _choice_unsettled(rule, facts, finding, languages, other, choices.unsettled)
    return finding


def _choice_unsettled(
    rule: Rule,
    facts: Facts,
    finding: Finding,
    languages: OfficialLanguages,
    other: Finding,
    unsettled: tuple[tuple[str, str], ...],
) -> Finding:
    """The unknown finding of :func:`settled_language_choice`."""
    chosen = facts.languages
    test = languages.first
    assert test is not None  # outcomes differ only between two tests of the first language
    by_p5 = languages.first_language is not chosen.first_language
    assert chosen.first is not None  # a finding on a test: the first language's counts
    used = chosen.first.index + 1

    missing = unsettled_paths(facts, unsettled)

    def sentence() -> str:
        described = f"{describe_test(test.test)} (language test {test.index + 1}, {test.levels})"
        instead = (
            f"{_language_name(languages)} could be the better first official language, with "
            f"{described} (policy P5)"
            if by_p5
            else f"{described} could give more CRS points and count instead (policy P6)"
        )
        return (
            f"{finding.sentence} The test used (language test {used}) counts because it gives "
            f"the most CRS points on the facts given; with answers not yet given "
            f"({facts_in_words(missing)}), {instead}, and {_OUTCOME_WORDS[other.outcome]}."
        )

    def recorded() -> dict[str, FactValue]:
        return {
            **finding.facts,
            "outcome_on_facts_given": finding.outcome.value,
            "other_test": test.index + 1,
            "outcome_with_other_test": other.outcome.value,
        }

    return rule.finding(
        Outcome.UNKNOWN,
        sentence,
        facts=recorded,
        missing=missing,
        policy="P5" if by_p5 else "P6",
    )


_OUTCOME_WORDS: Final = {
    Outcome.MET: "this would be met",
    Outcome.NOT_MET: "this would not be met",
}


def _language_name(languages: OfficialLanguages) -> str:
    language = languages.first_language
    assert language is not None  # a first test counts
    return language.value.capitalize()


def unsettled_paths(facts: Facts, unsettled: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """The JSON paths whose answers would settle the ``unsettled`` CRS factors."""
    return tuple(dict.fromkeys(path for factor, _ in unsettled for path in _paths(facts, factor)))


def _paths(facts: Facts, factor: str) -> tuple[str, ...]:
    """The JSON paths whose answers would settle an unsettled CRS factor."""
    if factor == "education":
        if facts.candidate.education is None:
            return ("$.education",)
        # The assessments not given, or (a credential not counted for another reason) all.
        waiting = unassessed(facts.education, on=facts.on)
        return tuple(f"$.education[{use.index}].eca" for use in waiting) or ("$.education",)
    if factor == "canadian_years":
        return work_history_paths(facts.experience(CRS_CANADIAN))
    if factor == "foreign_years":
        return work_history_paths(facts.experience(CRS_FOREIGN))
    if factor == "with_spouse":
        return spouse_missing(facts)
    if factor == "certificate_of_qualification":
        return ("$.certificates_of_qualification",)
    assert factor == "provincial_nomination", factor  # the factors of other_language_choices
    return ("$.provincial_nomination.express_entry_stream",)


def spouse_missing(facts: Facts) -> tuple[str, ...]:
    """The facts that would settle whether the spouse counts (P12)."""
    if facts.partnered is None:
        return ("$.marital_status",)
    spouse = facts.candidate.spouse
    if spouse is None:
        return ("$.spouse",)
    return tuple(
        path
        for path, value in (
            ("$.spouse.canadian_citizen_or_pr", spouse.canadian_citizen_or_pr),
            ("$.spouse.accompanying", spouse.accompanying),
        )
        if value is None
    )


# -- work experience ---------------------------------------------------------------------------

_FACT_FIELDS: Final[Mapping[MissingFact, str]] = {
    MissingFact.PAID: "paid",
    MissingFact.SELF_EMPLOYED: "self_employed",
    MissingFact.FULL_TIME_STUDENT: "full_time_student",
    MissingFact.AUTHORIZED: "authorized",
    MissingFact.NOC: "noc",
    MissingFact.NOC_IN_FORCE: "noc",  # the code, given in the NOC version in force
}


NO_WORK_HISTORY: Final = "The work history is not given"
"""What an experience finding says first when the history is not answered (not an empty
history, which says there is no work)."""


def work_history_paths(
    experience: Experience, indices: tuple[int, ...] | None = None
) -> tuple[str, ...]:
    """The JSON path of every unanswered fact that could change ``experience``: the whole
    history's when it is not answered.

    ``indices`` maps the positions of a filtered history back to the candidate's own, when
    the experience was measured on part of the history.
    """
    if not experience.ledger.answered:
        return ("$.work_history",)
    paths = (
        f"$.work_history[{index if indices is None else indices[index]}].{_FACT_FIELDS[fact]}"
        for index, fact in experience.missing
    )
    return tuple(dict.fromkeys(paths))


def open_facts(experience: Experience) -> str:
    """What leaves ``experience`` open, in words: facts not answered, and codes given that the
    NOC version in force reads as several occupations, or of another skill level, and that need
    giving again in that version (audit helper-73: those read as "not answered")."""
    periods = experience.ledger.history.periods
    again = unanswered = False
    for index, fact in experience.missing:
        if fact is MissingFact.NOC_IN_FORCE or (
            fact is MissingFact.NOC and periods[index].noc is not None
        ):
            again = True
        else:
            unanswered = True
    codes = "NOC codes to give again in the NOC version in force"
    if again and not unanswered:
        return f"depending on {codes}"
    if again:
        return f"depending on facts not answered and {codes}"
    return "depending on facts not answered"


def experience_facts(experience: Experience, required: int) -> dict[str, FactValue]:
    """The facts an experience finding records: the bounds, the window and the need."""
    at_least = experience.hours_at_least
    at_most = at_least if experience.known else experience.hours_at_most
    start = experience.window_start
    return {
        "hours_at_least": hours_fact(at_least),
        "hours_at_most": hours_fact(at_most),
        "hours_required": required,
        "window_start": None if start is None else start.isoformat(),
        "on": experience.on.isoformat(),
        "occupation": None if experience.occupation is None else experience.occupation.code,
    }


_REASON_WORDS: Final[Mapping[Reason, str]] = {
    Reason.AFTER_EVALUATION_DATE: "it starts after the evaluation date",
    Reason.OUTSIDE_WINDOW: "it is outside the window",
    Reason.OUTSIDE_CANADA: "it was outside Canada",
    Reason.IN_CANADA: "it was in Canada",
    Reason.UNPAID: "it was unpaid",
    Reason.UNAUTHORIZED: "it was not authorized",
    Reason.SELF_EMPLOYED: "it was self-employment",
    Reason.FULL_TIME_STUDENT: "it was done while a full-time student",
    Reason.UNSKILLED: "the occupation is not skilled",
    Reason.NOT_A_TRADE: "the occupation is not a skilled trade",
    Reason.OTHER_OCCUPATION: "it is in another occupation",
    Reason.OVER_WEEKLY_CAP: "hours above 30 a week do not count",
}


def _left_out(use: PeriodUse) -> str:
    why = " and ".join(_REASON_WORDS[reason] for reason in use.reasons)
    return f"period {use.index + 1} ({why})"


def left_out(experience: Experience) -> str:
    """Which periods were left out and why, as a clause (empty if none was).

    Only whole exclusions are listed: they are what a candidate needs to see when a
    requirement is not met (the full explanation is :meth:`Experience.explain`).
    """
    excluded = [use for use in experience.uses() if use.use is Use.EXCLUDED]
    if not excluded:
        return ""
    return " Left out: " + "; ".join(_left_out(use) for use in excluded) + "."


def counts_self_employment(experience: Experience) -> bool:
    """Whether self-employment is among the hours ``experience`` counts (explaining the periods
    is not free, so only a history with self-employment is explained)."""
    history = experience.ledger.history
    return any(period.self_employed for period in history) and any(
        use.use is Use.COUNTED and use.period.self_employed for use in experience.uses()
    )


def experience_finding(
    rule: Rule,
    experience: Experience,
    required: int,
    *,
    need: str,
    work: str,
    counted: str,
    conditions: str = "",
) -> Finding:
    """Whether ``experience`` reaches ``required`` hours, with the candidate's figures.

    Unknown names the work-history facts to answer (``work`` says what is measured); met and
    not met give the hours counted (``counted`` work, ``conditions`` after the figure) and, when
    not met, the periods left out and why.
    """
    # The bounds compared in the ledger's units, as experience.reaches(required) would.
    reached = experience.reaches(required)

    def recorded() -> dict[str, FactValue]:
        return experience_facts(experience, required)

    def span() -> str:
        return f"from {experience.window_start} to {experience.on.isoformat()}"

    if reached is None:
        return rule.finding(
            Outcome.UNKNOWN,
            lambda: (
                f"Between {format_hours(experience.hours_at_least)} and "
                f"{format_hours(experience.hours_at_most)} hours of {work} {span()} count, "
                f"{open_facts(experience)}; {need}."
                if experience.ledger.answered
                else f"{NO_WORK_HISTORY}, so the hours of {work} {span()} are not known; {need}."
            ),
            facts=recorded,
            missing=work_history_paths(experience),
        )

    def sentence() -> str:
        hours = format_hours(experience.hours_at_least)
        if not experience.known:  # decided either way, but the figure itself is open
            high = format_hours(experience.hours_at_most)
            return (
                f"Between {hours} and {high} hours of {counted} {span()} count{conditions}, "
                f"{open_facts(experience)}, which do not change the outcome; {need}."
            )
        return f"{hours} hours of {counted} {span()} count{conditions}; {need}."

    if reached:
        return rule.finding(Outcome.MET, sentence, facts=recorded)
    return rule.finding(Outcome.NOT_MET, lambda: sentence() + left_out(experience), facts=recorded)
