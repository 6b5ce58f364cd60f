"""The work-experience ledger: exact, explained hours and years from dated job periods.

Existing calculators ask for "years" as a number; the engine computes them from the periods of
a :class:`~expressentry.model.WorkHistory` and an evaluation date, for each use a program has
(rules.md §1.1, §2, §3, §4.10; policies P8-P11, P24-P28):

- :class:`Ledger` resolves a history once for a date; :meth:`Ledger.measure` answers a query;
- :class:`ExperienceQuery` names the filters, the window and how occupations combine; the
  predefined queries (:data:`FSW_QUALIFYING`, :data:`FSW_GRID`, :data:`FST`, :data:`CEC`,
  :data:`CEC_TEER_2_OR_3`, :data:`CRS_CANADIAN`, :data:`CRS_FOREIGN`, :data:`FSW_ADAPTABILITY`,
  :data:`FSW_SPOUSE_ADAPTABILITY`) carry their citations;
- :class:`Experience` holds the figure (bounded when facts are missing), its continuous run,
  its breakdown by occupation and its explanation (:class:`PeriodUse`).

See ``docs/experience.md``.
"""

from expressentry.experience.ledger import (
    Continuity,
    ContinuousRun,
    Experience,
    Ledger,
    MissingFact,
    PeriodUse,
    Reason,
    Use,
    measure,
)
from expressentry.experience.queries import (
    CEC,
    CEC_TEER_2_OR_3,
    CRS_CANADIAN,
    CRS_FOREIGN,
    FST,
    FSW_ADAPTABILITY,
    FSW_GRID,
    FSW_QUALIFYING,
    FSW_SPOUSE_ADAPTABILITY,
    QUERIES,
    ExperienceQuery,
    Occupations,
)
from expressentry.experience.tables import (
    CEC_SELF_EMPLOYED_PHYSICIANS,
    CEC_WINDOW_YEARS,
    CRS_WINDOW_YEARS,
    FST_WINDOW_YEARS,
    FSW_WINDOW_YEARS,
    FULL_TIME_HOURS_PER_WEEK,
    HOURS_PER_YEAR,
)

__all__ = [
    "CEC",
    "CEC_SELF_EMPLOYED_PHYSICIANS",
    "CEC_TEER_2_OR_3",
    "CEC_WINDOW_YEARS",
    "CRS_CANADIAN",
    "CRS_FOREIGN",
    "CRS_WINDOW_YEARS",
    "FST",
    "FST_WINDOW_YEARS",
    "FSW_ADAPTABILITY",
    "FSW_GRID",
    "FSW_QUALIFYING",
    "FSW_SPOUSE_ADAPTABILITY",
    "FSW_WINDOW_YEARS",
    "FULL_TIME_HOURS_PER_WEEK",
    "HOURS_PER_YEAR",
    "QUERIES",
    "Continuity",
    "ContinuousRun",
    "Experience",
    "ExperienceQuery",
    "Ledger",
    "MissingFact",
    "Occupations",
    "PeriodUse",
    "Reason",
    "Use",
    "measure",
]
