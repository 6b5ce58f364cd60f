"""Where the language rules come from: one :class:`~expressentry.dated.Citation` per source.

The source keys (S1, S11, S13, S14) are those of ``rules.md``; :data:`TEF_ANCIEN_SCORE` is an
official page the research notes missed.
"""

from __future__ import annotations

from expressentry.dated import Citation

TEST_EQUIVALENCY_CHARTS = Citation(
    "IRCC",
    "Language test equivalency charts",
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/"
    "operational-bulletins-manuals/standard-requirements/language-requirements/"
    "test-equivalency-charts.html",
)
"""S13: the operational equivalency charts (IELTS, CELPIP, TEF Canada old scale, TCF Canada)."""

LANGUAGE_RESULTS_PAGE = Citation(
    "IRCC",
    "Language test results (equivalency tables)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/study-canada/work/"
    "after-graduation/eligibility/language-results.html",
)
"""S14: the language-results page (its PTE Core chart). The page is the post-graduation work
permit's: its TEF Canada 0-699 charts are not Express Entry's (:data:`TEF_ANCIEN_SCORE`)."""

TEF_ANCIEN_SCORE = Citation(
    "IRCC",
    'Language test (TEF Canada): for Express Entry, the "Équivalence ancien score" column, '
    "whatever the date the test was taken",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "rural-franco-pilots/franco-immigration/eligibility/language-test.html",
)
"""IRCC's page, as an audit of the spec quoted it: "For applications received through the
Express Entry (EE) system, language level will be based on the 'Équivalence ancien score' ...
regardless of the date the test was taken. All other TEF Canada score equivalency charts are
not compatible with our system." The stored copies searched held no copy of the page itself;
a law firm's page (lighthouseimmigrationlaw.com, "IRCC calculates CLB based on the
'Équivalence ancien score'"; the "Score / 699" results "are not compatible with IRCC's online
system") and several calculators citing IRCC say the same. It overrides rules.md §5.7 (a) and
(b) and policy P3 as the research notes wrote them (a chart by test date, from the
post-graduation work permit's page)."""

APPROVED_LANGUAGE_TESTS = Citation(
    "IRCC",
    "Express Entry: language test results (approved tests; PTE Core from 2024-01-30)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/documents/language-test.html",
)
"""S9: the approved tests. The PTE Core start date is confirmed by secondary sources only."""

RESULTS_LESS_THAN_TWO_YEARS_OLD = Citation(
    "IRPR",
    "s. 75(2)(d); Express Entry eligibility (results valid 2 years from the result date)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/eligibility/federal-skilled-workers.html",
)
"""S1 and S10: results must be less than two years old (policy P4)."""

CRS_CRITERIA = Citation(
    "Ministerial Instructions",
    "Comprehensive Ranking System criteria: official languages (core factors)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/check-score/crs-criteria.html",
)
"""S11: the CRS points per ability for the first and second official languages."""

FIRST_OFFICIAL_LANGUAGE_DECLARED = Citation(
    "IRPR",
    "s. 79(1) (the applicant names the official language to be considered first)",
    "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-79.html",
)
"""S6: the candidate declares the first official language (policy P5)."""
