"""The National Occupational Classification (NOC), versions 2016 V1.3 and 2021 V1.0.

- :class:`NocCode`: a validated unit-group code, with its version, titles, lineage and TEER or
  skill level;
- the hierarchy of both versions (:func:`group`, :func:`groups`, :func:`unit_groups`);
- :func:`version_in_force`: the version Express Entry uses on a date;
- the StatCan 2016 to 2021 concordance (:func:`counterparts`, :func:`correspondences`);
- program groups as dated definitions with citations: skilled occupations (:func:`is_skilled`),
  the Federal Skilled Trades occupations (:func:`is_skilled_trade`), senior management
  (:func:`is_senior_management`) and the category-based selection lists (:func:`in_category`);
- :func:`search`: unit groups by the words of their English or French titles.

See ``docs/noc.md``.
"""

from expressentry.noc.code import NocCode
from expressentry.noc.concordance import (
    ChangeType,
    Correspondence,
    correspondences,
    counterparts,
    in_version,
    maps_to_one_2021_code,
)
from expressentry.noc.groups import (
    CATEGORY_OCCUPATIONS,
    SENIOR_MANAGEMENT,
    SKILLED_OCCUPATIONS,
    SKILLED_TRADES,
    OccupationCategory,
    OccupationGroup,
    in_category,
    is_senior_management,
    is_skilled,
    is_skilled_trade,
)
from expressentry.noc.hierarchy import NocGroup, NocLevel, group, groups, unit_groups
from expressentry.noc.search import Language, search
from expressentry.noc.skill import SkillLevel, Teer
from expressentry.noc.version import NOC_VERSION_IN_FORCE, NocVersion, version_in_force

__all__ = [
    "CATEGORY_OCCUPATIONS",
    "NOC_VERSION_IN_FORCE",
    "SENIOR_MANAGEMENT",
    "SKILLED_OCCUPATIONS",
    "SKILLED_TRADES",
    "ChangeType",
    "Correspondence",
    "Language",
    "NocCode",
    "NocGroup",
    "NocLevel",
    "NocVersion",
    "OccupationCategory",
    "OccupationGroup",
    "SkillLevel",
    "Teer",
    "correspondences",
    "counterparts",
    "group",
    "groups",
    "in_category",
    "in_version",
    "is_senior_management",
    "is_skilled",
    "is_skilled_trade",
    "maps_to_one_2021_code",
    "search",
    "unit_groups",
    "version_in_force",
]
