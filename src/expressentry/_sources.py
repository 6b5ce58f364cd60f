"""The official pages several modules cite (rules.md source key), written once.

The Ministerial Instructions of 2016-11-19 are cited from IRCC's own page of the Instructions
(which links their full text and amendments), not from the repost the research notes quote
(S27): a citation points to an official source.
"""

from __future__ import annotations

__all__ = ["CRS_CRITERIA_URL", "MI_2015_URL", "MI_2017_1_URL", "MI_URL"]

_MI = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/"
    "policies-operational-instructions-agreements/ministerial-instructions/"
    "express-entry-application-management-system"
)

MI_URL = _MI + ".html"
"""IRCC's page of the Ministerial Instructions respecting the Express Entry system: their full
text and amendments (the amendments 2016-1, in force 2016-11-19, among them)."""

MI_2015_URL = _MI + "/30-may-2015-18-november-2016.html"
"""S15: the archived Instructions in force from 2015-05-30 to 2016-11-18."""

MI_2017_1_URL = _MI + "/amending-express-entry-system-2017.html"
"""The amendments 2017-1, in force 2017-06-06 (French-language skills, a sibling in Canada)."""

CRS_CRITERIA_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/check-score/crs-criteria.html"
)
"""S11: the CRS criteria page."""
