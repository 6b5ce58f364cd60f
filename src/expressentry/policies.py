"""The engine policies: how the engine decides where the official sources are silent.

The Regulations, the Ministerial Instructions and IRCC's pages leave questions open: how hours
add up across simultaneous jobs, what "the last ten years" means to the day, what to do when a
fact is not answered. The engine answers each one with a documented interpretation, a
*policy*, numbered P1 to P34 as in the research notes (``rules.md`` §12). A finding that relies
on a policy names it (``Finding.policy``), so every verdict says where it follows an
interpretation rather than a provision.

A policy holds until an official source says otherwise; changing one is a decision to record
in the changelog, not a silent fix. One has: P3, the TEF Canada scale, where IRCC's own page
for Express Entry contradicts the research notes (the changelog, and docs/language.md).

>>> POLICIES["P13"].topic
'Age'
>>> print(POLICIES["P18"])
P18 (Quebec): An intended province of Quebec makes the candidate ineligible for all three ...
>>> len(POLICIES), next(iter(POLICIES)), list(POLICIES)[-1]
(34, 'P1', 'P34')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

__all__ = ["POLICIES", "Policy"]

_POLICY_ID = re.compile(r"P[1-9][0-9]*")


def _check_policy_id(instance: Policy, attribute: attrs.Attribute[str], value: str) -> None:
    if not _POLICY_ID.fullmatch(value):
        raise ValueError(f"a policy id is P followed by its number, like 'P12'; got {value!r}")


@attrs.frozen
class Policy:
    """One engine policy: its id (``"P12"``), its topic and what the engine does."""

    policy_id: str = attrs.field(validator=_check_policy_id)
    topic: str
    text: str

    @property
    def number(self) -> int:
        """The policy's number: 12 for ``P12``."""
        return int(self.policy_id[1:])

    def __str__(self) -> str:
        return f"{self.policy_id} ({self.topic}): {self.text}"


_TABLE: tuple[tuple[str, str], ...] = (
    (
        "Evaluation date",
        "Every evaluation takes an explicit date; the engine never reads the clock. The rules in "
        "force on that date apply. Dates from 2015-01-01 (the launch of Express Entry) are "
        "supported; an earlier date is refused with a clear error.",
    ),
    (
        "French bonus cut-over",
        "The CRS French-language points are 15/30 from 2017-06-06 and 25/50 from 2020-10-27 "
        "(the date of the news release).",
    ),
    (
        "TEF Canada scale",
        # The research notes chose the scale and chart by the test date, from the post-
        # graduation work permit's 0-699 charts; IRCC says otherwise for Express Entry
        # (language._citations.TEF_ANCIEN_SCORE), and an official source decides.
        'The scores are the certificate\'s "Équivalence ancien score" (listening 0-360, '
        "reading 0-300, writing and speaking 0-450), read with the old chart whatever the date "
        "the test was taken, as IRCC instructs for Express Entry; the scores out of 699 are "
        "not Express Entry's. A score outside that scale is an input error.",
    ),
    (
        "Test validity",
        "A test is valid while the evaluation date is before its result date plus 2 years "
        "(calendar arithmetic). If only the test date is known it is used (earlier, so "
        "stricter). An expired test counts for nothing, and a finding says so.",
    ),
    (
        "First official language",
        "As declared. Undeclared, with tests in one language only: that language. Undeclared, "
        "with tests in both: the assignment that gives the higher CRS, and the explanation says "
        "it was assumed.",
    ),
    (
        "Several tests in one language",
        "The valid test that gives the most CRS points is used; the explanation names it.",
    ),
    (
        "CEC with mixed TEER experience",
        "Hours in TEER 0 or 1 count only with CLB 7 in all four abilities; hours in TEER 2 or 3 "
        "need CLB 5. The candidate is eligible if the hours counted reach 1,560.",
    ),
    (
        "Self-employment",
        "Self-employment counts for FSW (the Regulations do not exclude it; the finding flags "
        "it). It never counts for CEC or for CRS Canadian work experience.",
    ),
    (
        "Hours arithmetic",
        "Full time is 30 hours a week. Hours in one week across simultaneous jobs are capped at "
        "30. One year is 1,560 hours; years of experience are whole years (the floor of hours / "
        "1,560). FSW's qualifying year must be one continuous run, without a gap day, in the "
        "primary occupation.",
    ),
    (
        "CRS foreign experience",
        "Skilled work (TEER 0-3, or NOC 0, A or B by date) outside Canada within the 10 years "
        "before the evaluation date, in one occupation: the years of the best single NOC code.",
    ),
    (
        "CRS Canadian experience",
        "Skilled work in Canada within the 10 years before the evaluation date, authorized, not "
        "self-employed and not while a full-time student; all occupations add up.",
    ),
    (
        "Spouse column",
        "The CRS 'with spouse' column applies only if the candidate is married or common-law, "
        "and the spouse is neither a Canadian citizen nor a permanent resident, and is coming "
        "to Canada. Otherwise the single column applies.",
    ),
    (
        "Age",
        "Whole years on the evaluation date, by calendar arithmetic: a 29 February birthday "
        "falls on 1 March in other years.",
    ),
    (
        "Settlement funds",
        "The table in force on the evaluation date applies; the family size counts the "
        "candidate, the spouse or partner (even a Canadian or one not coming) and the dependent "
        "children of either. Where a table is incomplete (2020, sizes 5 and up), the finding is "
        "undetermined, not a guess.",
    ),
    (
        "Rules verified through",
        "The rule tables record the day they were last checked against the sources "
        "(2026-11-29). An evaluation dated later carries a warning that the rules may have "
        "changed since.",
    ),
    (
        "Job-offer points",
        "CRS arranged-employment points are 0 from 2025-03-25. The FSW grid's 10 points for "
        "arranged employment (and 5 for adaptability) still apply.",
    ),
    (
        "Funds exemption",
        "FSW and FST candidates are exempt from settlement funds only if authorized to work in "
        "Canada and holding a qualifying job offer. CEC never needs funds.",
    ),
    (
        "Quebec",
        "An intended province of Quebec makes the candidate ineligible for all three programs, "
        "each of which requires intending to live outside Quebec.",
    ),
    (
        "Certificate of qualification",
        "A certificate of qualification counts for CRS skill transferability whatever the "
        "program.",
    ),
    (
        "CRS French bonus",
        "The French test (NCLC) is used whether French is the first or the second official "
        "language; with English CLB 5 or more in all four abilities the bilingual value "
        "applies, otherwise the French-only value.",
    ),
    (
        "Foreign education",
        "A foreign credential counts for the CRS and the FSW grid only with an ECA valid on the "
        "evaluation date (5 years from issue); the ECA's assessed Canadian equivalent is the "
        "level. A Canadian credential needs no ECA.",
    ),
    (
        "Lifecycle deadlines",
        "A personal reference code is valid 60 days from issue; a draft profile must be "
        "submitted within 60 days of creation; a profile stays in the pool 12 months from "
        "submission; an invitation to apply gives 60 days to submit the application (the "
        "deadline has varied over time; rules.md §7).",
    ),
    (
        "Category-based selection",
        "From 2023-05-31: 6 months of continuous full-time (or equivalent part-time) "
        "experience in one listed occupation within 3 years; from 2026-02-18: 12 months within "
        "3 years, not necessarily continuous. Where a category's occupation list is not known, "
        "the result is undetermined, never a guess.",
    ),
    (
        "Dates of a work period",
        "The start and end days are both included; an open end means ongoing through the "
        "evaluation date. Work after the evaluation date never counts.",
    ),
    (
        "The last N years",
        "The days from the evaluation date minus N calendar years through the evaluation date, "
        "both included.",
    ),
    (
        "Filters before the cap",
        "A program's filters (paid, skilled, in Canada, authorized, not self-employed, not a "
        "student) apply first; the 30-hours-a-week cap then applies to what is left. Hours per "
        "day = min(30, the remaining periods' weekly hours added up) / 7.",
    ),
    (
        "Whose work counts where",
        "FSW minimum and grid factor 3: paid skilled work in any country, with self-employment "
        "and student work kept and no authorization filter; the grid adds all skilled "
        "occupations together. FST: paid work in the trade, in any country. CEC and CRS "
        "Canadian experience: as P11.",
    ),
    (
        "FSW adaptability work",
        "The candidate's own work in Canada: 1,560 hours of paid, skilled, authorized work at "
        "any time. The spouse's work in Canada: 1,560 hours of paid, authorized work in any "
        "occupation at any time. Spouse items count only when the spouse counts (P12).",
    ),
    (
        "Education level",
        "The highest completed recognized credential (Canadian, or foreign with a valid ECA, "
        "whose assessed level is used). Two or more completed recognized post-secondary "
        "credentials, one from a program of 3 years or more, rank at least 'two or more'. An "
        "incomplete credential never counts.",
    ),
    (
        "Test dates",
        "A test counts from its result date (the test date if there is no result date) until "
        "two years later, exclusive; a result dated after the evaluation date does not count. "
        "The spouse's levels come from the spouse's best valid test.",
    ),
    (
        "Funds tables in force",
        "The settlement-funds tables start on 2020-01-01 (sizes 1 to 4 only), 2021-07-15, "
        "2022-06-09, 2023-04-25, 2024-05-28 and 2025-07-07. Before 2020-01-01, or for a missing "
        "row, the finding is undetermined.",
    ),
    (
        "Verdict outcome",
        "Any requirement not met makes the candidate not eligible; otherwise any requirement "
        "unknown leaves the verdict undetermined; otherwise the candidate is eligible.",
    ),
    (
        "Language for FST and CEC",
        "The first official language's test decides the FST and CEC language minimums, as for "
        "FSW.",
    ),
    (
        "Qualifying job offer (CRS and FSW factor 5)",
        "Skilled, full time, non-seasonal and for at least one year (before 2016-11-19: "
        "indeterminate); LMIA-approved, or LMIA-exempt while authorized to work and after a "
        "year of continuous full-time work for that employer (from 2016-11-19).",
    ),
)

POLICIES: Mapping[str, Policy] = MappingProxyType(
    {
        f"P{number}": Policy(f"P{number}", topic, text)
        for number, (topic, text) in enumerate(_TABLE, start=1)
    }
)
"""Every engine policy by id, ``"P1"`` to ``"P34"``, in order (rules.md §12)."""
