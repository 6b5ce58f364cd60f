"""The numbers of the work-experience rules, each in a dated table with its citation.

Full time is 30 hours a week and one year of experience is 1,560 hours (52 weeks of 30 hours),
for every program (rules.md §1.1, §2, §3, §4.10; policy P9). Each program looks back over its
own window: FSW 10 years (IRPR 75(2)(a)), FST 5 years (IRPR 87.2(3)(b)), CEC 3 years
(IRPR 87.1(2)(a)) and the CRS 10 years (Ministerial Instructions).

>>> from datetime import date
>>> FULL_TIME_HOURS_PER_WEEK.at(date(2026, 11, 29)), HOURS_PER_YEAR.at(date(2026, 11, 29))
(30, 1560)
>>> [table.at(date(2026, 11, 29)) for table in (FSW_WINDOW_YEARS, FST_WINDOW_YEARS,
...                                             CEC_WINDOW_YEARS, CRS_WINDOW_YEARS)]
[10, 5, 3, 10]
"""

from __future__ import annotations

from datetime import date

from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Citation, Dated, DatedTable

__all__ = [
    "CEC_SELF_EMPLOYED_PHYSICIANS",
    "CEC_WINDOW_YEARS",
    "CRS_CANADIAN_EXPERIENCE",
    "CRS_CRITERIA",
    "CRS_WINDOW_YEARS",
    "FST_WINDOW_YEARS",
    "FSW_WINDOW_YEARS",
    "FSW_WORK_EXPERIENCE",
    "FULL_TIME_HOURS_PER_WEEK",
    "HOURS_PER_YEAR",
    "IRPR_75",
    "IRPR_80",
    "IRPR_83",
    "IRPR_87_1",
    "IRPR_87_2",
]

_LAWS = "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/"
_EXPRESS_ENTRY = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
)

FSW_WORK_EXPERIENCE = Citation(
    "IRCC",
    "Federal Skilled Worker Program: work experience (30 hours a week, 1,560 hours a year, "
    "paid, skilled, last 10 years)",
    _EXPRESS_ENTRY + "express-entry/who-can-apply/federal-skilled-workers.html",
)
"""S1: the FSW eligibility page, which defines full time, the year and the hours cap."""

IRPR_75 = Citation("IRPR", "s. 75(2)(a)", _LAWS + "section-75.html")
"""S10: FSW qualifying experience, continuous, within the 10 years before the application."""

IRPR_87_1 = Citation("IRPR", "s. 87.1(2)(a) and (3)", _LAWS + "section-87.1.html")
"""S8, S10: CEC experience in Canada within 3 years; self-employment, unauthorized work and
full-time study excluded."""

IRPR_87_2 = Citation("IRPR", "s. 87.2(3)(b)", _LAWS + "section-87.2.html")
"""S9, S10: FST experience in the skilled trade within the 5 years before the application."""

CRS_CANADIAN_EXPERIENCE = Citation(
    "Ministerial Instructions",
    "Express Entry: Canadian work experience (amendment of 2015-05-30); CRS criteria",
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/"
    "policies-operational-instructions-agreements/ministerial-instructions/"
    "express-entry-application-management-system/"
    "amending-express-entry-system-canadian-work-experience.html",
)
"""S28, S11: CRS work experience, skilled, within 10 years, full-time study excluded."""

IRPR_80 = Citation("IRPR", "s. 80(1) and (7)", _LAWS + "section-80.html")
"""S3, S10: FSW selection grid factor 3, years of full-time work within the last 10 years."""

CRS_CRITERIA = Citation(
    "Ministerial Instructions",
    "Comprehensive Ranking System criteria: skill transferability (foreign work experience)",
    _EXPRESS_ENTRY + "express-entry/check-score/crs-criteria.html",
)
"""S11: foreign experience is skilled work within the last 10 years, in one occupation (P10)."""

IRPR_83 = Citation(
    "IRPR",
    "s. 83(1)(d) and (e): FSW adaptability, past work in Canada",
    _LAWS + "section-83.html",
)
"""S7, S10: the FSW adaptability factor (own and spouse's work in Canada)."""

FULL_TIME_HOURS_PER_WEEK: DatedTable[int] = DatedTable(
    "Full-time work: hours a week; hours above it in a week are not counted",
    (Dated(EXPRESS_ENTRY_LAUNCH, 30, FSW_WORK_EXPERIENCE),),
)
"""Full time is 30 hours a week; more in one week, even across jobs, does not count (P9)."""

HOURS_PER_YEAR: DatedTable[int] = DatedTable(
    "Hours of work that make one year of full-time experience",
    (Dated(EXPRESS_ENTRY_LAUNCH, 1560, FSW_WORK_EXPERIENCE),),
)
"""One year of experience is 1,560 hours; years are whole years, floored (P9)."""

FSW_WINDOW_YEARS: DatedTable[int] = DatedTable(
    "FSW: years before the application in which qualifying experience counts",
    (Dated(EXPRESS_ENTRY_LAUNCH, 10, IRPR_75),),
)

FST_WINDOW_YEARS: DatedTable[int] = DatedTable(
    "FST: years before the application in which experience in the trade counts",
    (Dated(EXPRESS_ENTRY_LAUNCH, 5, IRPR_87_2),),
)

CEC_WINDOW_YEARS: DatedTable[int] = DatedTable(
    "CEC: years before the application in which Canadian experience counts",
    (Dated(EXPRESS_ENTRY_LAUNCH, 3, IRPR_87_1),),
)

PHYSICIANS_PUBLIC_POLICY = Citation(
    "IRCC",
    "Canadian Experience Class: self-employed physicians providing publicly funded medical "
    "services (temporary public policy in force from 2023-04-25)",
    _EXPRESS_ENTRY + "express-entry/eligibility/canadian-experience-class.html",
)
"""S8 (rules.md §3, "Exception"): the public policy under which a physician's self-employed,
publicly funded fee-for-service work in Canada counts as CEC experience."""

CEC_SELF_EMPLOYED_PHYSICIANS: DatedTable[tuple[str, ...]] = DatedTable(
    "CEC: NOC 2021 unit groups whose self-employed work in Canada counts (physicians)",
    (
        Dated(EXPRESS_ENTRY_LAUNCH, (), IRPR_87_1),
        # Specialists in clinical and laboratory medicine, in surgery; general practitioners
        # and family physicians: the physicians of NOC 2021 (in force since 2022-11-16).
        Dated(date(2023, 4, 25), ("31100", "31101", "31102"), PHYSICIANS_PUBLIC_POLICY),
    ),
)
"""Self-employment never counts for the CEC (IRPR 87.1(3)(b)), except, from 2023-04-25, a
physician's: the engine takes a self-employed physician's work in Canada to be the publicly
funded fee-for-service work the public policy names. It counts for the CEC only, not for the
CRS (P8)."""

CRS_WINDOW_YEARS: DatedTable[int] = DatedTable(
    "CRS: years before the assessment in which work experience earns points",
    (Dated(EXPRESS_ENTRY_LAUNCH, 10, CRS_CANADIAN_EXPERIENCE),),
)
