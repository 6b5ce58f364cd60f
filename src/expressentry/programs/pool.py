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

import functools
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Final

import attrs

from expressentry._frozen import frozen
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


@attrs.frozen(kw_only=True)
class PoolEntry:
    """Whether the candidate may enter the Express Entry pool on ``on``, and through which
    programs.

    ``verdicts`` are the programs' verdicts by code, in the order given; ``missing_facts`` the
    facts (JSON paths) the undetermined programs still need, when no program is eligible.
    """

    on: date
    outcome: VerdictOutcome
    verdicts: Mapping[str, Verdict] = attrs.field(converter=frozen, hash=False)
    eligible_programs: tuple[str, ...]
    undetermined_programs: tuple[str, ...]
    missing_facts: tuple[str, ...]
    sentence: str
    citation: Citation = EXPRESS_ENTRY_POOL

    @property
    def eligible(self) -> bool:
        """Whether the candidate may enter the pool."""
        return self.outcome is VerdictOutcome.ELIGIBLE


def listed_programs(codes: tuple[str, ...]) -> str:
    """``FSW``, ``FSW and CEC``, ``FSW, FST and CEC``: program codes as a sentence lists them."""
    if len(codes) == 1:
        return codes[0]
    return ", ".join(codes[:-1]) + f" and {codes[-1]}"


_ELIGIBLE = "Eligible for the Express Entry pool through {}."
_UNDETERMINED = (
    "Not eligible for any program yet; {} cannot be decided until the missing facts are answered."
)
_UNDETERMINED_ON_THE_DATE = (
    "Not eligible for any program yet; {} cannot be decided on this date: the rules in force "
    "leave it open (no fact the profile can give settles it)."
)
_NOT_ELIGIBLE = "Not eligible for the Express Entry pool: not eligible for {}."


# Kept: the same few sets of programs make every candidate's sentence.
@functools.lru_cache(maxsize=64)
def _sentence(template: str, programs: tuple[str, ...]) -> str:
    return template.format(listed_programs(programs))


def pool_entry(verdicts: Iterable[Verdict]) -> PoolEntry:
    """Entry to the pool from the programs' verdicts on one date.

    :class:`ValueError` when no verdict is given, when two are for the same program, or when
    they are for different dates (a caller's mistake, not a candidate's).
    """
    given = tuple(verdicts)
    if not given:
        raise ValueError("pool_entry needs the verdict of at least one program")
    on = given[0].on
    one_date = True
    by_program: dict[str, Verdict] = {}
    eligible_codes = []
    undetermined_codes = []
    undetermined: list[Verdict] = []
    for verdict in given:
        program = verdict.program
        by_program[program] = verdict
        outcome = verdict.outcome
        if outcome is VerdictOutcome.ELIGIBLE:
            eligible_codes.append(program)
        elif outcome is VerdictOutcome.UNDETERMINED:
            undetermined_codes.append(program)
            undetermined.append(verdict)
        if verdict.on != on:
            one_date = False
    if not one_date:
        dates = {verdict.on for verdict in given}
        listed = ", ".join(sorted(day.isoformat() for day in dates))
        raise ValueError(f"the verdicts are for different dates ({listed}); give one date")
    if len(by_program) < len(given):
        raise ValueError("each program may have only one verdict")
    eligible = tuple(eligible_codes)
    undetermined_programs = tuple(undetermined_codes)
    missing: tuple[str, ...] = ()
    if eligible:
        outcome = VerdictOutcome.ELIGIBLE
        sentence = _sentence(_ELIGIBLE, eligible)
    elif undetermined:
        outcome = VerdictOutcome.UNDETERMINED
        missing = tuple(dict.fromkeys(path for v in undetermined for path in v.missing_facts))
        template = _UNDETERMINED if missing else _UNDETERMINED_ON_THE_DATE
        sentence = _sentence(template, undetermined_programs)
    else:
        outcome = VerdictOutcome.NOT_ELIGIBLE
        sentence = _sentence(_NOT_ELIGIBLE, tuple(by_program))
    return PoolEntry(
        on=on,
        outcome=outcome,
        verdicts=by_program,
        eligible_programs=eligible,
        undetermined_programs=undetermined_programs,
        missing_facts=missing,
        sentence=sentence,
    )
