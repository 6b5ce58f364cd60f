"""First and second official language, and which test speaks for each.

The candidate declares which official language is the first (IRPR s. 79(1)); the other one,
if tested, is the second. Where the sources are silent the engine follows rules.md §12:

- **P5.** Undeclared, with valid tests in one language only: that language is the first.
  Undeclared, with valid tests in both: the assignment that gives the higher CRS, and the
  explanation says it was assumed.
- **P6.** Several valid tests in one language: the one that gives the most CRS points; the
  explanation names it.
- **P30.** The same applies to a spouse or partner: their first official language is their
  best valid test.

Tests that do not count on the day (expired, result not yet out, not accepted on the day they
were taken) are set aside first, each with its reason.

**Ranking.** Tests are ranked by CRS points, which the CRS module owns.
:func:`official_languages` takes two functions. ``points`` gives a test's core points in a
role, by default the CRS's own official-language points for a candidate without a spouse
(:func:`expressentry.crs.language_ranking`, rules.md §4.3, §4.4); the notes quote them.
``crs``, when given, gives the whole CRS of an assignment (a first and a second language's
levels, either ``None``): the French-language points and the skill-transferability points read
the languages too, so the derived facts pass the candidate's own CRS
(:func:`expressentry.crs.language_assignment_points`). Without it an assignment is worth its
tests' ``points``. Every choice that remains is made on the assignment's worth: which language is
first (P5) and which test speaks for each (P6).
Ties are broken by the first test's points, then by the sum of its four levels, then by the later
expiry date (the result that stays valid longer), then by the order of the tests, and the same
for the second test; between two equal assignments (P5), English is first.

>>> from datetime import date
>>> from expressentry.model import AbilityScores, LanguageTest, TestKind
>>> ielts = LanguageTest(
...     kind=TestKind.IELTS_GENERAL_TRAINING,
...     test_date=date(2025, 3, 1),
...     scores=AbilityScores(listening=8.0, reading=7.0, writing=7.0, speaking=7.0),
... )
>>> tcf = LanguageTest(
...     kind=TestKind.TCF_CANADA,
...     test_date=date(2025, 6, 1),
...     scores=AbilityScores(listening=549, reading=549, writing=16, speaking=16),
... )
>>> roles = official_languages((ielts, tcf), date(2026, 1, 15))
>>> roles.first_language, str(roles.first_levels), str(roles.second_levels)
(<Language.FRENCH: 'french'>, 'NCLC L 10, R 10, W 10, S 10', 'CLB L 9, R 9, W 9, S 9')
>>> print(roles.notes[0])
The first official language was not declared; French is assumed because French first and \
English second give 160 CRS points for official languages, against 148 the other way \
(policy P5).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

import attrs

from expressentry._enum import IdentityEnum
from expressentry._written import WrittenOnRead, upper_first
from expressentry.language._citations import FIRST_OFFICIAL_LANGUAGE_DECLARED
from expressentry.language.levels import (
    LanguageLevels,
)
from expressentry.language.notes import LanguageNote, LanguageRule
from expressentry.language.scales import Language
from expressentry.language.validity import AssessedTest, assess_test

if TYPE_CHECKING:
    from expressentry.model import LanguageTest

__all__ = [
    "AssignmentPoints",
    "LanguagePoints",
    "OfficialLanguageRole",
    "OfficialLanguages",
    "official_languages",
    "settled_otherwise",
]


class OfficialLanguageRole(IdentityEnum):
    """The role a language plays in a profile."""

    FIRST = "first"
    SECOND = "second"


LanguagePoints = Callable[[LanguageLevels, OfficialLanguageRole], int]
"""Ranks a test: the points its levels give in a role (the CRS can pass its own)."""

AssignmentPoints = Callable[[LanguageLevels | None, LanguageLevels | None], int]
"""Ranks an assignment: the CRS of a first and a second official language's levels."""


_Notes = tuple[LanguageNote, ...] | Callable[[], tuple[LanguageNote, ...]]
"""The notes, or the function that writes them when they are first read."""


def _notes_key(notes: _Notes) -> tuple[LanguageNote, ...]:
    """The notes, written if need be (so that equality compares what the notes say)."""
    return notes if isinstance(notes, tuple) else notes()


# Built positionally, in the order of the fields (a keyword costs more than the field).
@attrs.frozen(repr=False, getstate_setstate=False)
class OfficialLanguages(WrittenOnRead):
    """The candidate's (or spouse's) official languages on a day, and the tests behind them.

    ``first`` and ``second`` are the tests chosen for each role, or ``None``; ``tests`` holds
    every test with its levels and validity; ``notes`` explains every test that does not
    count, how the first language was settled and which test was chosen for each role.
    """

    on: date
    first_language: Language | None
    declared: bool
    first: AssessedTest | None
    second: AssessedTest | None
    tests: tuple[AssessedTest, ...]
    # Written only when read: scoring a pool reads the levels, not the explanations.
    _notes: _Notes = attrs.field(alias="notes", eq=_notes_key)
    _written_on_read: ClassVar[tuple[str, ...]] = ("notes",)

    @property
    def notes(self) -> tuple[LanguageNote, ...]:
        """The explanations, in order: tests that do not count, the first language, the tests
        chosen."""
        notes = self._notes
        if isinstance(notes, tuple):
            return notes
        return self._keep("_notes", notes())

    def __repr__(self) -> str:
        return (
            f"OfficialLanguages(on={self.on!r}, first_language={self.first_language!r}, "
            f"declared={self.declared!r}, first={self.first!r}, second={self.second!r}, "
            f"tests={self.tests!r}, notes={self.notes!r})"
        )

    @property
    def second_language(self) -> Language | None:
        """The other official language, if the first is known."""
        return None if self.first_language is None else _other(self.first_language)

    @property
    def first_levels(self) -> LanguageLevels | None:
        """The levels of the first official language's test, if one counts."""
        return None if self.first is None else self.first.levels

    @property
    def second_levels(self) -> LanguageLevels | None:
        """The levels of the second official language's test, if one counts."""
        return None if self.second is None else self.second.levels

    @property
    def first_lapsed(self) -> bool:
        """Whether tests of the first official language (of any language, while it is not
        settled) were given and none counts on the day: expired, not yet counting or not
        accepted (P4, P30). Unlike no test given at all, that is an answer: no valid result.

        >>> from datetime import date
        >>> from expressentry.model import AbilityScores, LanguageTest, TestKind
        >>> old = LanguageTest(kind=TestKind.CELPIP_GENERAL, test_date=date(2022, 1, 8),
        ...     scores=AbilityScores(listening=9, reading=9, writing=9, speaking=9))
        >>> official_languages((old,), on=date(2024, 1, 7)).first_lapsed
        False
        >>> official_languages((old,), on=date(2024, 1, 8)).first_lapsed
        True
        >>> official_languages((), on=date(2024, 1, 8)).first_lapsed
        False
        """
        return bool(self.first_lapsed_tests)

    @property
    def first_lapsed_tests(self) -> tuple[AssessedTest, ...]:
        """The tests that make :attr:`first_lapsed` true (empty when it is false)."""
        if self.first is not None:
            return ()
        # No test of the language counts (one that did would be the first): each given has
        # lapsed, as validity gives no other reason for a test not to count.
        language = self.first_language
        return tuple(
            [test for test in self.tests if language is None or test.test.language is language]
        )

    def test_for(self, role: OfficialLanguageRole) -> AssessedTest | None:
        """The test chosen for ``role``."""
        return self.first if role is OfficialLanguageRole.FIRST else self.second


def _other(language: Language) -> Language:
    return Language.FRENCH if language is Language.ENGLISH else Language.ENGLISH


def _name(language: Language) -> str:
    return language.value.capitalize()


_LANGUAGES = tuple(Language)
_ENGLISH = Language.ENGLISH
_FIRST, _SECOND = OfficialLanguageRole.FIRST, OfficialLanguageRole.SECOND


@lru_cache(maxsize=64)
def _default_points(on: date) -> LanguagePoints:
    """The default ranking on ``on``: the CRS's own points without a spouse, built once per
    date (dates are few in batch use)."""
    # Imported here: the CRS imports this module, and its tables are the one copy of the points.
    from expressentry.crs import language_ranking

    return language_ranking(on, with_spouse=False)


class _Ranking:
    """The valid tests of each language, their points in each role, and the best assignment
    for each first language.

    Points are computed when first needed: with one valid test per language and a declared
    first language (the common case) nothing needs ranking until the notes are read. (Tuples
    indexed by language and role rather than dicts keyed by enums: this runs for every
    candidate of a pool, and hashing an enum member is slow.)
    """

    __slots__ = ("_best", "_by_crs", "_points", "_rank", "_total", "_valid")

    def __init__(
        self,
        assessed: Sequence[AssessedTest],
        points: LanguagePoints,
        total: AssignmentPoints | None,
    ) -> None:
        english: list[AssessedTest] = []
        french: list[AssessedTest] = []
        for a in assessed:
            if a.problem is None:
                (english if a.levels.language is _ENGLISH else french).append(a)
        self._valid = (english, french)
        self._rank = points
        self._total = total
        self._by_crs = total is not None
        # The points of each valid test, by its index: (as first language, as second).
        self._points: dict[int, tuple[int, int]] = {}
        # The best assignment with each first language: (first test, second test, worth).
        self._best: dict[Language, _Assignment] = {}

    @property
    def by_crs(self) -> bool:
        """Whether assignments are worth the whole CRS (otherwise their tests' points)."""
        return self._by_crs

    def settled(self) -> _Ranking:
        """This ranking without its CRS function, once the choices are made: what the notes
        quote is kept, and the function, which refers back to the derived facts that keep
        these languages, no longer makes a reference cycle of them (freed at once, not by the
        garbage collector)."""
        self._total = None
        return self

    def _points_of(self, test: AssessedTest) -> tuple[int, int]:
        found = self._points.get(test.index)
        if found is None:
            levels, rank = test.levels, self._rank
            found = self._points[test.index] = (rank(levels, _FIRST), rank(levels, _SECOND))
        return found

    def valid(self, language: Language) -> list[AssessedTest]:
        return self._valid[0 if language is _ENGLISH else 1]

    def points_of(self, test: AssessedTest | None, role: OfficialLanguageRole) -> int:
        return 0 if test is None else self._points_of(test)[_position(role)]

    def _worth(self, first: AssessedTest | None, second: AssessedTest | None) -> int:
        if self._total is None:
            assert not self._by_crs, "a settled ranking's worths are all kept"
            return self.points_of(first, _FIRST) + self.points_of(second, _SECOND)
        return self._total(
            None if first is None else first.levels, None if second is None else second.levels
        )

    def _tie_break(
        self, test: AssessedTest | None, role: OfficialLanguageRole
    ) -> tuple[int, int, date, int]:
        if test is None:
            return (0, 0, date.min, 0)
        return (self.points_of(test, role), sum(test.levels.four), test.expiry_date, -test.index)

    def best(self, first_language: Language) -> _Assignment:
        """The best (first test, second test, worth) with ``first_language`` first (P6)."""
        found = self._best.get(first_language)
        if found is not None:
            return found
        firsts: Sequence[AssessedTest | None] = self.valid(first_language) or [None]
        seconds: Sequence[AssessedTest | None] = self.valid(_other(first_language)) or [None]
        if len(firsts) == 1 and len(seconds) == 1:  # nothing to choose: worth read on demand
            found = (firsts[0], seconds[0], None)
        else:
            first, second = max(
                ((first, second) for first in firsts for second in seconds),
                key=lambda pair: (
                    self._worth(*pair),
                    self._tie_break(pair[0], _FIRST),
                    self._tie_break(pair[1], _SECOND),
                ),
            )
            found = (first, second, self._worth(first, second))
        self._best[first_language] = found
        return found

    def worth(self, first_language: Language) -> int:
        """What the best assignment with ``first_language`` first is worth (kept)."""
        first, second, worth = self.best(first_language)
        if worth is None:
            worth = self._worth(first, second)
            self._best[first_language] = (first, second, worth)
        return worth


_Assignment = tuple[AssessedTest | None, AssessedTest | None, int | None]
"""A first test, a second test, and what they are worth (``None`` until it is needed)."""


def _position(role: OfficialLanguageRole) -> int:
    return 0 if role is _FIRST else 1


def _first_language(ranking: _Ranking, declared_first: Language | None) -> Language | None:
    """The first official language (policy P5): declared, the only one tested, or the one that
    gives the higher CRS."""
    if declared_first is not None:
        return declared_first
    english, french = ranking._valid
    if not english or not french:
        return _ENGLISH if english else Language.FRENCH if french else None
    return max(_LANGUAGES, key=lambda language: (ranking.worth(language), language is _ENGLISH))


def _settled(
    ranking: _Ranking, declared_first: Language | None, first: Language | None, on: date
) -> LanguageNote | None:
    """The note that explains the first official language (policy P5)."""
    if first is None:
        return None
    if declared_first is not None:
        return LanguageNote(
            rule=LanguageRule.FIRST_LANGUAGE_DECLARED,
            sentence=f"{_name(declared_first)} is the first official language, as declared.",
            policy="P5",
            citation=FIRST_OFFICIAL_LANGUAGE_DECLARED,
            facts={"first_language": declared_first.value},
        )
    if not ranking.valid(_other(first)):
        return LanguageNote(
            rule=LanguageRule.FIRST_LANGUAGE_ASSUMED,
            sentence=(
                f"The first official language was not declared; {_name(first)} is assumed "
                f"because only {_name(first)} tests count on {on.isoformat()} (policy P5)."
            ),
            policy="P5",
            citation=FIRST_OFFICIAL_LANGUAGE_DECLARED,
            facts={"first_language": first.value},
        )
    second = _other(first)
    points_if_first = ranking.worth(first)
    points_if_second = ranking.worth(second)
    worth = (
        f"a CRS of {points_if_first}"
        if ranking.by_crs
        else f"{points_if_first} CRS points for official languages"
    )
    return LanguageNote(
        rule=LanguageRule.FIRST_LANGUAGE_ASSUMED,
        sentence=(
            f"The first official language was not declared; {_name(first)} is assumed "
            f"because {_name(first)} first and {_name(second)} second give {worth}, against "
            f"{points_if_second} the other way (policy P5)."
        ),
        policy="P5",
        citation=FIRST_OFFICIAL_LANGUAGE_DECLARED,
        facts={
            "first_language": first.value,
            "points_if_first": points_if_first,
            "points_if_second": points_if_second,
        },
    )


def _chosen(
    ranking: _Ranking, test: AssessedTest, role: OfficialLanguageRole, on: date
) -> LanguageNote:
    language = test.test.kind.language
    points = ranking.points_of(test, role)
    among = len(ranking.valid(language))
    sentence = (
        f"For {_name(language)}, the {role.value} official language: {test.describe()} "
        f"({test.levels}; {points} CRS {'point' if points == 1 else 'points'})"
    )
    facts: dict[str, object] = {
        "role": role.value,
        "language": language.value,
        "levels": test.levels,
        "points": points,
        "valid_tests": among,
        "expiry_date": test.expiry_date,
        "on": on,
    }
    if among > 1:
        sentence += f", the best of {among} valid {_name(language)} tests"
        if ranking.by_crs:
            first_language = language if role is _FIRST else _other(language)
            facts["crs"] = crs = ranking.worth(first_language)
            sentence += f" for the CRS ({crs} points with it)"
        sentence += " (policy P6)"
    # The first day it no longer counts: "valid until" that day would read as a day it counts.
    sentence += f"; it expires on {test.expiry_date.isoformat()}."
    return LanguageNote(
        rule=LanguageRule.TEST_CHOSEN,
        sentence=sentence,
        policy="P6" if among > 1 else None,
        citation=test.chart_citation,
        test_index=test.index,
        facts=facts,
    )


def _explain(
    tests: tuple[AssessedTest, ...],
    ranking: _Ranking,
    declared_first: Language | None,
    first_language: Language | None,
    first: AssessedTest | None,
    second: AssessedTest | None,
    on: date,
) -> tuple[LanguageNote, ...]:
    """The notes of an :class:`OfficialLanguages`, in order."""
    notes = [a.problem for a in tests if a.problem is not None]
    settled = _settled(ranking, declared_first, first_language, on)
    if settled is not None:
        notes.append(settled)
    if declared_first is not None and first is None:
        other = _other(declared_first)
        # The declaration is the candidate's to change (IRPR s. 79(1)): say what it would do.
        instead = (
            ""
            if second is None
            else f" {upper_first(second.describe())} counts as the second official language; "
            f"with {_name(other)} declared first, it would count as the first."
        )
        notes.append(
            LanguageNote(
                rule=LanguageRule.DECLARED_LANGUAGE_UNTESTED,
                sentence=(
                    f"{_name(declared_first)} was declared the first official language, "
                    f"but no {_name(declared_first)} test counts on {on.isoformat()}.{instead}"
                ),
                policy="P5",
                citation=FIRST_OFFICIAL_LANGUAGE_DECLARED,
                facts={"first_language": declared_first.value, "on": on},
            )
        )
    for role, chosen in ((_FIRST, first), (_SECOND, second)):
        if chosen is not None:
            notes.append(_chosen(ranking, chosen, role, on))
    return tuple(notes)


def official_languages(
    tests: Sequence[LanguageTest],
    on: date,
    *,
    declared_first: Language | None = None,
    points: LanguagePoints | None = None,
    crs: AssignmentPoints | None = None,
) -> OfficialLanguages:
    """Settle the first and second official language on ``on`` and the test for each.

    ``points`` gives a test's points in a role, by default the CRS points without a spouse in
    force on ``on``; ``crs``, if given, the whole CRS of an assignment, which then decides
    (see the module docstring).
    """
    rank = points if points is not None else _default_points(on)
    assessed = tuple([assess_test(test, on, index=index) for index, test in enumerate(tests)])
    if len(assessed) != 1:
        return _settle(assessed, on, declared_first, rank, crs)
    # One test: nothing to rank. It settles the first language if none is declared, and counts
    # in the role of its language.
    only = assessed[0]
    valid = only.problem is None
    tested = only.levels.language
    first_language = declared_first or (tested if valid else None)
    first = second = None
    if valid:
        if tested is first_language:
            first = only
        else:
            second = only
    # One test: nothing was chosen, and the notes rank nothing.
    return _languages(assessed, on, declared_first, first_language, first, second, None, rank)


def _settle(
    assessed: tuple[AssessedTest, ...],
    on: date,
    declared_first: Language | None,
    rank: LanguagePoints,
    crs: AssignmentPoints | None,
) -> OfficialLanguages:
    """The official languages of several tests: the first language (P5) and the test for each
    role (P6), chosen by ``rank`` and ``crs``."""
    ranking = _Ranking(assessed, rank, crs)
    first_language = _first_language(ranking, declared_first)
    first = second = None
    if first_language is not None:
        # With a choice to make, best() has kept the worth the notes quote.
        first, second, _ = ranking.best(first_language)
    return _languages(
        assessed, on, declared_first, first_language, first, second, ranking.settled(), rank
    )


def _languages(
    assessed: tuple[AssessedTest, ...],
    on: date,
    declared_first: Language | None,
    first_language: Language | None,
    first: AssessedTest | None,
    second: AssessedTest | None,
    ranking: _Ranking | None,
    rank: LanguagePoints,
) -> OfficialLanguages:
    """The :class:`OfficialLanguages` settled so, with notes written from ``ranking`` (a
    ranking of nothing when no choice was made)."""
    return OfficialLanguages(
        on,
        first_language,
        declared_first is not None,  # declared
        first,
        second,
        assessed,  # tests
        lambda: _explain(
            assessed,
            ranking or _Ranking(assessed, rank, None),
            declared_first,
            first_language,
            first,
            second,
            on,
        ),
    )


def settled_otherwise(
    languages: OfficialLanguages, *, points: LanguagePoints, crs: AssignmentPoints
) -> OfficialLanguages | None:
    """``languages`` as they would be settled if assignments were ranked by ``points`` and
    ``crs`` (the CRS of the candidate with facts not yet answered, say); ``None`` when that
    makes the same choices.

    >>> from datetime import date
    >>> from expressentry.model import AbilityScores, LanguageTest, TestKind
    >>> def celpip(listening: int, speaking: int) -> LanguageTest:
    ...     return LanguageTest(kind=TestKind.CELPIP_GENERAL, test_date=date(2026, 3, 7),
    ...         scores=AbilityScores(listening=listening, reading=7, writing=7, speaking=speaking))
    >>> languages = official_languages((celpip(10, 6), celpip(7, 7)), date(2026, 12, 1))
    >>> str(languages.first_levels)
    'CLB L 10, R 7, W 7, S 6'
    >>> def lowest_counts(first, second):  # a CRS that rewards the lowest ability only
    ...     return 0 if first is None else first.lowest
    >>> other = settled_otherwise(languages, points=lambda levels, role: 0, crs=lowest_counts)
    >>> str(other.first_levels)
    'CLB L 7, R 7, W 7, S 7'
    """
    declared_first = languages.first_language if languages.declared else None
    other = _settle(languages.tests, languages.on, declared_first, points, crs)
    # The same assessed tests: the same choice is the same objects.
    if other.first is languages.first and other.second is languages.second:
        return None
    return other
