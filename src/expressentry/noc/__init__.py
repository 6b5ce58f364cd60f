"""The National Occupational Classification (NOC), versions 2016 V1.3 and 2021 V1.0.

- :class:`NocCode`: a validated unit-group code, with its version, titles, lineage and TEER or
  skill level;
- the hierarchy of both versions (:func:`group`, :func:`groups`, :func:`unit_groups`);
- :func:`version_in_force`: the version Express Entry uses on a date;
- the StatCan 2016 to 2021 concordance (:func:`counterparts`, :func:`correspondences`).

See ``docs/noc.md``.
"""

from expressentry.noc.code import NocCode
from expressentry.noc.concordance import (
    ChangeType,
    Correspondence,
    correspondences,
    counterparts,
    maps_to_one_2021_code,
)
from expressentry.noc.hierarchy import NocGroup, NocLevel, group, groups, unit_groups
from expressentry.noc.skill import SkillLevel, Teer
from expressentry.noc.version import NOC_VERSION_IN_FORCE, NocVersion, version_in_force

__all__ = [
    "NOC_VERSION_IN_FORCE",
    "ChangeType",
    "Correspondence",
    "NocCode",
    "NocGroup",
    "NocLevel",
    "NocVersion",
    "SkillLevel",
    "Teer",
    "correspondences",
    "counterparts",
    "group",
    "groups",
    "maps_to_one_2021_code",
    "unit_groups",
    "version_in_force",
]
