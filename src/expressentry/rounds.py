"""IRCC's Express Entry rounds of invitations since 2015, as data (rules.md §10).

Each :class:`Round` has its number, date, round type as IRCC names it, its :class:`RoundKind`,
the number of invitations, the lowest CRS score invited and the programs it covered. The history
is generated from IRCC's rounds feed by ``tools/generate_data.py``; fetching newer rounds is a
service with I/O, outside the engine (DESIGN.md).

>>> from datetime import date
>>> first = ROUNDS[0]
>>> first.number, first.date, first.kind, first.invitations, first.lowest_crs
('1', datetime.date(2015, 1, 31), <RoundKind.GENERAL: 'general'>, 779, 886)
>>> [r.number for r in rounds_between(date(2018, 5, 30), date(2018, 5, 30))]
['91a', '91b']

A score *clears* a round when it is above the lowest score invited. A score equal to it was
invited only if the profile was submitted before the round's tie-breaking time, which the
engine does not know: :meth:`Round.cleared_by` then answers ``None``. Whether a candidate was
eligible for a round is another question: a general round invites every program, a program's
round only that program's candidates, and a category-based round only those who meet its
category (policy P23; the engine does not decide it here).

>>> latest = ROUNDS[-1]
>>> latest.name, latest.lowest_crs
('Transport Occupations, 2026-Version 2', 470)
>>> latest.cleared_by(471), latest.cleared_by(470), latest.cleared_by(469)
(True, None, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

import attrs

from expressentry._enum import IdentityEnum
from expressentry._rounds import ROUNDS as _ROUNDS
from expressentry.dated import Citation, day_of

__all__ = ["ROUNDS", "ROUNDS_CITATION", "Round", "RoundKind", "rounds_between"]


class RoundKind(IdentityEnum):
    """What a round invited: every program, one program, or one category (rules.md §9)."""

    GENERAL = "general"
    CANADIAN_EXPERIENCE_CLASS = "canadian_experience_class"
    FEDERAL_SKILLED_WORKER = "federal_skilled_worker"
    FEDERAL_SKILLED_TRADES = "federal_skilled_trades"
    PROVINCIAL_NOMINEE_PROGRAM = "provincial_nominee_program"
    CATEGORY = "category"


ROUNDS_CITATION: Final = Citation(
    "IRCC",
    "Express Entry rounds of invitations (Ministerial Instructions for each round)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/rounds-invitations.html",
)


@attrs.frozen
class Round:
    """One round of invitations: ``lowest_crs`` is the lowest score IRCC invited in it.

    ``programs`` are the codes of the programs it covered (``"FSW"``, ``"CEC"``, ``"FST"``,
    ``"PNP"``, provincial nominees of every program).
    """

    number: str
    date: date
    name: str
    kind: RoundKind
    invitations: int
    lowest_crs: int
    programs: tuple[str, ...]

    def cleared_by(self, score: int) -> bool | None:
        """Whether ``score`` is above the round's lowest score: ``None`` when equal to it (the
        tie-breaking time, the profile's submission, decides). ``score`` is a whole CRS total
        (``result.total``); anything else is a TypeError, not a quiet answer.

        >>> ROUNDS[-1].cleared_by(True)
        Traceback (most recent call last):
        ...
        TypeError: a CRS score is a whole number (e.g. result.total), got bool
        """
        if isinstance(score, bool) or not isinstance(score, int):  # True is 1; 470.5 no score
            raise TypeError(
                f"a CRS score is a whole number (e.g. result.total), got {type(score).__name__}"
            )
        if score > self.lowest_crs:
            return True
        return None if score == self.lowest_crs else False


ROUNDS: Final[tuple[Round, ...]] = tuple(
    Round(
        number,
        date.fromisoformat(day),
        name,
        RoundKind(kind),
        invitations,
        lowest,
        tuple(programs.split(",")),
    )
    for number, day, name, kind, invitations, lowest, programs in _ROUNDS
)
"""Every round, oldest first (round 91 was two rounds on one day, 91a and 91b)."""


def rounds_between(
    first: date, last: date, *, kinds: Iterable[RoundKind] | None = None
) -> tuple[Round, ...]:
    """The rounds held from ``first`` to ``last``, both days included, oldest first; only those
    of ``kinds`` if given.

    >>> from datetime import date
    >>> cec = rounds_between(
    ...     date(2025, 1, 1), date(2025, 12, 31), kinds=[RoundKind.CANADIAN_EXPERIENCE_CLASS]
    ... )
    >>> len(cec), [(r.number, r.lowest_crs) for r in cec[:3]]
    (15, [('332', 542), ('333', 527), ('335', 521)])
    """
    first, last = day_of(first), day_of(last)  # a datetime is read as its day
    wanted = None if kinds is None else frozenset(kinds)
    if wanted is not None and not all(isinstance(kind, RoundKind) for kind in wanted):
        # A plain string would match no round: an empty answer would hide the mistake.
        raise TypeError(f"kinds are RoundKind members, e.g. RoundKind.CATEGORY; got {kinds!r}")
    return tuple(
        r for r in ROUNDS if first <= r.date <= last and (wanted is None or r.kind in wanted)
    )
