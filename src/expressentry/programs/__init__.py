"""The Express Entry programs, each behind the :class:`Program` protocol.

:data:`PROGRAMS` is the static registry, in the order IRCC lists them. Each program declares
its rules and returns a :class:`~expressentry.verdict.Verdict` for the derived facts of a
candidate on a date.

>>> [program.code for program in PROGRAMS]
['FSW', 'FST', 'CEC']
>>> from datetime import date
>>> from expressentry.facts import derive
>>> from expressentry.model import Candidate
>>> verdicts = assess_programs(derive(Candidate(), on=date(2026, 11, 29)))
>>> {code: verdict.outcome.value for code, verdict in verdicts.items()}
{'FSW': 'undetermined', 'FST': 'undetermined', 'CEC': 'undetermined'}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from expressentry.programs._protocol import Program
from expressentry.programs.cec import CEC
from expressentry.programs.fst import FST
from expressentry.programs.fsw import FSW

if TYPE_CHECKING:
    from expressentry.facts import Facts
    from expressentry.verdict import Verdict

__all__ = ["CEC", "FST", "FSW", "PROGRAMS", "Program", "assess_programs", "program"]

PROGRAMS: tuple[Program, ...] = (FSW, FST, CEC)
"""Every program, in the order IRCC lists them."""

_BY_CODE: Mapping[str, Program] = {p.code: p for p in PROGRAMS}


def program(code: str) -> Program:
    """The program with ``code`` (``"FSW"``, ``"FST"`` or ``"CEC"``); :class:`KeyError` if none.

    >>> program("CEC").name
    'Canadian Experience Class'
    """
    return _BY_CODE[code]


def assess_programs(facts: Facts) -> dict[str, Verdict]:
    """Every program's verdict on the candidate and date of ``facts``, by program code."""
    return {p.code: p.assess(facts) for p in PROGRAMS}
