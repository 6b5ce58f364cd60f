"""Which work each program counts: the filters, the window and how occupations combine.

A query names, for one use of the ledger, which periods count (paid only, skilled under the NOC
version in force or a skilled trade, in Canada or abroad, authorized, not self-employed, not
while a full-time student), the window it looks back over, and whether its figure pools every
occupation or takes a single one (policies P8, P10, P11, P27, P28).

>>> CRS_CANADIAN.window_years(date(2026, 11, 29)), CRS_CANADIAN.one_occupation
(10, False)
>>> CRS_FOREIGN.in_canada, CRS_FOREIGN.one_occupation
(False, True)
"""

from __future__ import annotations

from datetime import date

import attrs

from expressentry._enum import IdentityEnum
from expressentry.dated import Citation, DatedTable
from expressentry.experience.tables import (
    CEC_WINDOW_YEARS,
    CRS_CANADIAN_EXPERIENCE,
    CRS_CRITERIA,
    CRS_WINDOW_YEARS,
    FST_WINDOW_YEARS,
    FSW_WINDOW_YEARS,
    IRPR_75,
    IRPR_80,
    IRPR_83,
    IRPR_87_1,
    IRPR_87_2,
)

__all__ = [
    "CEC",
    "CEC_TEER_2_OR_3",
    "CRS_CANADIAN",
    "CRS_FOREIGN",
    "FST",
    "FSW_ADAPTABILITY",
    "FSW_GRID",
    "FSW_QUALIFYING",
    "FSW_SPOUSE_ADAPTABILITY",
    "QUERIES",
    "ExperienceQuery",
    "Occupations",
]

# One bit per fact a query can filter on; the ledger keeps, per period, the bits of the facts
# that exclude it and of the facts left unanswered, so a query is a mask.
PAID = 1
SELF_EMPLOYED = 2
FULL_TIME_STUDENT = 4
AUTHORIZED = 8
SKILLED = 16
TRADE = 32
TEER_2_OR_3 = 256
IN_CANADA = 64  # set on work in Canada: excludes it from queries of work abroad
OUTSIDE_CANADA = 128  # set on work abroad: excludes it from queries of work in Canada
# Set instead of SELF_EMPLOYED on a physician's self-employment in Canada while the CEC's public
# policy counts it (CEC_SELF_EMPLOYED_PHYSICIANS): a query that lets it count leaves it out.
SELF_EMPLOYED_PHYSICIAN = 512


class Occupations(IdentityEnum):
    """Which occupations a query counts."""

    ANY = "any"
    SKILLED = "skilled"  # TEER 0-3 (NOC 2021) or skill type 0, level A or B (NOC 2016)
    TRADE = "trade"  # a skilled trade of the FST (IRPR 87.2(1))
    TEER_2_OR_3 = "teer_2_or_3"  # TEER 2 or 3 (NOC 2021) or skill level B (NOC 2016): P7


def _mask(query: ExperienceQuery) -> int:
    mask = 0
    if query.in_canada is True:
        mask |= OUTSIDE_CANADA
    elif query.in_canada is False:
        mask |= IN_CANADA
    for wanted, bit in (
        (query.paid_only, PAID),
        (query.authorized_only, AUTHORIZED),
        (query.exclude_self_employed, SELF_EMPLOYED),
        (
            query.exclude_self_employed and not query.physicians_self_employed,
            SELF_EMPLOYED_PHYSICIAN,
        ),
        (query.exclude_full_time_students, FULL_TIME_STUDENT),
        (query.occupations is Occupations.SKILLED, SKILLED),
        (query.occupations is Occupations.TRADE, TRADE),
        (query.occupations is Occupations.TEER_2_OR_3, TEER_2_OR_3),
    ):
        if wanted:
            mask |= bit
    return mask


@attrs.frozen(kw_only=True, repr=False, eq=False)
class ExperienceQuery:
    """One question to the ledger.

    ``window`` gives the years before the evaluation date that count (``None``: any time).
    ``in_canada``: ``True`` for work in Canada only, ``False`` for work abroad only, ``None``
    for both. ``authorized_only`` applies to work in Canada. ``one_occupation``: the figure is
    that of a single occupation (the best one, unless the caller names it), otherwise every
    occupation adds up. ``physicians_self_employed``: a physician's self-employment in Canada
    counts despite ``exclude_self_employed`` while the CEC's public policy is in force
    (:data:`~expressentry.experience.tables.CEC_SELF_EMPLOYED_PHYSICIANS`). ``policies`` name
    the engine policies (rules.md §12) it follows.

    A query is a named question: it is equal only to itself and hashes by identity (at no
    cost), so derived facts can be kept per query.
    """

    name: str
    window: DatedTable[int] | None
    in_canada: bool | None = None
    paid_only: bool = True
    occupations: Occupations = Occupations.SKILLED
    authorized_only: bool = False
    exclude_self_employed: bool = False
    physicians_self_employed: bool = False
    exclude_full_time_students: bool = False
    one_occupation: bool = False
    policies: tuple[str, ...] = ()
    citation: Citation
    mask: int = attrs.field(init=False, repr=False, eq=False)

    @mask.default
    def _mask_default(self) -> int:
        return _mask(self)

    def __repr__(self) -> str:
        return f"ExperienceQuery(name={self.name!r})"

    def window_years(self, on: date) -> int | None:
        """The length of the window in force on ``on``, in years (``None``: no window)."""
        return None if self.window is None else self.window.at(on)


_ARITHMETIC = ("P9", "P24", "P25", "P26")

FSW_QUALIFYING = ExperienceQuery(
    name="Federal Skilled Worker: qualifying experience",
    window=FSW_WINDOW_YEARS,
    one_occupation=True,
    policies=(*_ARITHMETIC, "P8", "P27"),
    citation=IRPR_75,
)
"""FSW minimum: paid skilled work in one occupation, any country, last 10 years; self-employment
and student work kept (P8, P27). Measure it in the primary occupation for the qualifying year."""

FSW_GRID = ExperienceQuery(
    name="Federal Skilled Worker: selection grid, work experience",
    window=FSW_WINDOW_YEARS,
    policies=(*_ARITHMETIC, "P8", "P27"),
    citation=IRPR_80,
)
"""FSW grid factor 3: as the minimum, but every skilled occupation adds up (P27)."""

FST = ExperienceQuery(
    name="Federal Skilled Trades: experience in the trade",
    window=FST_WINDOW_YEARS,
    occupations=Occupations.TRADE,
    one_occupation=True,
    policies=(*_ARITHMETIC, "P27"),
    citation=IRPR_87_2,
)
"""FST: paid work in one skilled trade, any country, last 5 years (P27)."""

CEC = ExperienceQuery(
    name="Canadian Experience Class",
    window=CEC_WINDOW_YEARS,
    in_canada=True,
    authorized_only=True,
    exclude_self_employed=True,
    physicians_self_employed=True,
    exclude_full_time_students=True,
    policies=(*_ARITHMETIC, "P8", "P11", "P27"),
    citation=IRPR_87_1,
)
"""CEC: paid skilled authorized work in Canada, last 3 years, no self-employment (but a
physician's, from 2023-04-25) or work while a full-time student; occupations add up (P11,
P27)."""

CEC_TEER_2_OR_3 = attrs.evolve(
    CEC,
    name="Canadian Experience Class: TEER 2 or 3 experience",
    occupations=Occupations.TEER_2_OR_3,
    policies=(*CEC.policies, "P7"),
)
"""CEC experience in TEER 2 or 3 occupations (NOC 2016: skill level B) only: what counts for a
candidate whose first official language is CLB 5 or 6 (P7); with CLB 7, :data:`CEC` counts."""

CRS_CANADIAN = ExperienceQuery(
    name="CRS: Canadian work experience",
    window=CRS_WINDOW_YEARS,
    in_canada=True,
    authorized_only=True,
    exclude_self_employed=True,
    exclude_full_time_students=True,
    policies=(*_ARITHMETIC, "P8", "P11"),
    citation=CRS_CANADIAN_EXPERIENCE,
)
"""CRS Canadian experience, of the candidate or the spouse (P11): as CEC over 10 years."""

CRS_FOREIGN = ExperienceQuery(
    name="CRS: foreign work experience",
    window=CRS_WINDOW_YEARS,
    in_canada=False,
    one_occupation=True,
    policies=(*_ARITHMETIC, "P10"),
    citation=CRS_CRITERIA,
)
"""CRS foreign experience (P10): paid skilled work abroad, last 10 years, the best single
occupation; study periods are not excluded (rules.md §4.10)."""

FSW_ADAPTABILITY = ExperienceQuery(
    name="Federal Skilled Worker: adaptability, past work in Canada",
    window=None,
    in_canada=True,
    authorized_only=True,
    policies=(*_ARITHMETIC, "P28"),
    citation=IRPR_83,
)
"""FSW adaptability, own work (P28): paid skilled authorized work in Canada, at any time."""

FSW_SPOUSE_ADAPTABILITY = ExperienceQuery(
    name="Federal Skilled Worker: adaptability, spouse's past work in Canada",
    window=None,
    in_canada=True,
    authorized_only=True,
    occupations=Occupations.ANY,
    policies=(*_ARITHMETIC, "P28"),
    citation=IRPR_83,
)
"""FSW adaptability, the spouse's work (P28): paid authorized work in Canada in any occupation,
at any time. Measure it on the spouse's history."""

QUERIES = (
    FSW_QUALIFYING,
    FSW_GRID,
    FST,
    CEC,
    CEC_TEER_2_OR_3,
    CRS_CANADIAN,
    CRS_FOREIGN,
    FSW_ADAPTABILITY,
    FSW_SPOUSE_ADAPTABILITY,
)
"""Every predefined query (for tests that must cover them all)."""
