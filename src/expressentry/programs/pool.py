"""Entry to the Express Entry pool: eligible for at least one of the programs.

A candidate may enter the pool when eligible for at least one of the three federal programs it
manages: the Federal Skilled Worker Program, the Federal Skilled Trades Program and the Canadian
Experience Class (IRPA s. 10.3; Ministerial Instructions). The entry says for which. When no
program is eligible but some are undetermined, entry is undetermined, and it names the facts
that could settle those programs; when every program is not eligible, so is entry.

>>> from datetime import date
>>> from expressentry.verdict import Verdict
>>> on = date(2026, 11, 29)
>>> entry = pool_entry((
...     Verdict.decide("FSW", on, ()),
...     Verdict(program="CEC", on=on, outcome=VerdictOutcome.NOT_ELIGIBLE, findings=()),
... ))
>>> entry.outcome, entry.eligible_programs
(<VerdictOutcome.ELIGIBLE: 'eligible'>, ('FSW',))
>>> print(entry.sentence)
Eligible for the Express Entry pool through FSW.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

import attrs

from expressentry.dated import Citation
from expressentry.verdict import Verdict, VerdictOutcome

__all__ = ["EXPRESS_ENTRY_POOL", "PoolEntry", "pool_entry"]

EXPRESS_ENTRY_POOL: Final = Citation(
    "IRPA",
    "s. 10.3; Ministerial Instructions respecting the Express Entry system: eligible for the "
    "FSW, the FST or the CEC",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/who-can-apply.html",
)
"""Who can enter the pool: a candidate eligible for at least one of the three programs."""


def _frozen_verdicts(verdicts: Mapping[str, Verdict]) -> Mapping[str, Verdict]:
    return MappingProxyType(dict(verdicts))


@attrs.frozen(kw_only=True)
class PoolEntry:
    """Whether the candidate may enter the Express Entry pool on ``on``, and through which
    programs.

    ``verdicts`` are the programs' verdicts by code, in the order given; ``missing_facts`` the
    facts (JSON paths) the undetermined programs still need, when no program is eligible.
    """

    on: date
    outcome: VerdictOutcome
    verdicts: Mapping[str, Verdict] = attrs.field(converter=_frozen_verdicts, hash=False)
    eligible_programs: tuple[str, ...]
    undetermined_programs: tuple[str, ...]
    missing_facts: tuple[str, ...]
    sentence: str
    citation: Citation = EXPRESS_ENTRY_POOL

    @property
    def eligible(self) -> bool:
        """Whether the candidate may enter the pool."""
        return self.outcome is VerdictOutcome.ELIGIBLE


def _programs(codes: tuple[str, ...]) -> str:
    if len(codes) == 1:
        return codes[0]
    return ", ".join(codes[:-1]) + f" and {codes[-1]}"


def pool_entry(verdicts: Iterable[Verdict]) -> PoolEntry:
    """Entry to the pool from the programs' verdicts on one date.

    :class:`ValueError` when no verdict is given, when two are for the same program, or when
    they are for different dates (a caller's mistake, not a candidate's).
    """
    given = tuple(verdicts)
    if not given:
        raise ValueError("pool_entry needs the verdict of at least one program")
    dates = {verdict.on for verdict in given}
    if len(dates) > 1:
        listed = ", ".join(sorted(day.isoformat() for day in dates))
        raise ValueError(f"the verdicts are for different dates ({listed}); give one date")
    by_program = {verdict.program: verdict for verdict in given}
    if len(by_program) < len(given):
        raise ValueError("each program may have only one verdict")
    eligible = tuple(v.program for v in given if v.outcome is VerdictOutcome.ELIGIBLE)
    undetermined = tuple(v.program for v in given if v.outcome is VerdictOutcome.UNDETERMINED)
    missing: tuple[str, ...] = ()
    if eligible:
        outcome = VerdictOutcome.ELIGIBLE
        sentence = f"Eligible for the Express Entry pool through {_programs(eligible)}."
    elif undetermined:
        outcome = VerdictOutcome.UNDETERMINED
        missing = tuple(
            dict.fromkeys(
                path for v in given if v.program in undetermined for path in v.missing_facts
            )
        )
        sentence = (
            f"Not eligible for any program yet; {_programs(undetermined)} cannot be decided "
            "until the missing facts are answered."
        )
    else:
        outcome = VerdictOutcome.NOT_ELIGIBLE
        every = _programs(tuple(by_program))
        sentence = f"Not eligible for the Express Entry pool: not eligible for {every}."
    return PoolEntry(
        on=dates.pop(),
        outcome=outcome,
        verdicts=by_program,
        eligible_programs=eligible,
        undetermined_programs=undetermined,
        missing_facts=missing,
        sentence=sentence,
    )
