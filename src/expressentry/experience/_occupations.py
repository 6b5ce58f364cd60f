"""A job's occupation seen through the NOC version in force on the evaluation date.

A period may give its code in NOC 2016 or NOC 2021; the engine judges it in the version in force
on ``on`` (rules.md §8.2), against the skilled-occupation and skilled-trade groups of
:mod:`expressentry.noc` in force that day. A code of the other version is converted through
Statistics Canada's concordance: when it corresponds to exactly one code the conversion is
certain; otherwise each fact that depends on the code (skilled, a trade, which occupation) is
known only when every candidate agrees, and *unknown* when they disagree (where
:func:`expressentry.noc.is_skilled` would raise, the ledger keeps the period as undecided).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import attrs

from expressentry.noc import (
    SKILLED_OCCUPATIONS,
    SKILLED_TRADES,
    NocCode,
    NocVersion,
    SkillLevel,
    Teer,
    counterparts,
)

__all__ = ["OccupationInForce", "in_force"]


def _teer_2_or_3(code: NocCode) -> bool:
    """TEER 2 or 3 in NOC 2021, skill level B in NOC 2016: where CEC asks CLB 5 (P7)."""
    if code.version is NocVersion.NOC_2021:
        return code.teer in (Teer.TEER_2, Teer.TEER_3)
    return code.skill_level is SkillLevel.B


def _agreement(values: set[bool]) -> bool | None:
    """``True`` or ``False`` when every candidate agrees, ``None`` when they do not."""
    return values.pop() if len(values) == 1 else None


@attrs.frozen
class OccupationInForce:
    """A stated code and what it means in the version in force.

    ``candidates`` are the codes of the version in force it may stand for: the code itself, or
    its concordance counterparts (exactly one when the conversion is certain).
    """

    stated: NocCode
    candidates: tuple[NocCode, ...]
    skilled: bool | None
    trade: bool | None
    teer_2_or_3: bool | None

    @property
    def code(self) -> NocCode | None:
        """The code in the version in force, when there is exactly one."""
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def converted(self) -> bool:
        """Whether the stated code is of another version than the one in force."""
        return self.candidates != (self.stated,)


@lru_cache(maxsize=4096)
def in_force(stated: NocCode, skilled_from: date, trades_from: date) -> OccupationInForce:
    """Resolve ``stated`` against the groups in force from ``skilled_from`` and ``trades_from``
    (the start dates of the rows of the dated group tables, so the cache stays small).

    >>> from expressentry.noc import NocCode
    >>> switch = date(2022, 11, 16)
    >>> resolved = in_force(NocCode("0011"), switch, switch)
    >>> str(resolved.code), resolved.converted, resolved.skilled
    ('00010', True, True)
    >>> [str(code) for code in in_force(NocCode("2173"), switch, switch).candidates]
    ['21211', '21231']
    """
    skilled = SKILLED_OCCUPATIONS.at(skilled_from)
    trades = SKILLED_TRADES.at(trades_from)
    candidates = (stated,) if stated.version is skilled.version else counterparts(stated)
    return OccupationInForce(
        stated=stated,
        candidates=candidates,
        skilled=_agreement({code in skilled for code in candidates}),
        trade=_agreement({code in trades for code in candidates}),
        teer_2_or_3=_agreement({_teer_2_or_3(code) for code in candidates}),
    )
