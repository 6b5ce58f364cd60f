"""Statistics Canada's correspondence between NOC 2016 V1.3 and NOC 2021 V1.0.

Every NOC 2016 unit group corresponds to one or more NOC 2021 unit groups, and the other way
round. Each pair carries the GSIM types of change Statistics Canada records for it (a merger, a
breakdown, a transfer of part of the occupations, a new code, a new title...).

The source file's change labels are slightly inconsistent ("Split off ,", "RC5 VC1 - Code
Change", a bare "Transfer"); ``tools/generate_data.py`` normalises each to the GSIM codes it names.

>>> [str(code) for code in counterparts(NocCode("2173"))]
['21211', '21231']
>>> maps_to_one_2021_code(NocCode("0112"))
False
>>> sorted(change.label for change in correspondences(NocCode("0011"))[0].changes)
['Code change', 'Name change']
"""

from __future__ import annotations

import attrs

from expressentry._enum import IdentityEnum
from expressentry.exceptions import InvalidNocCode
from expressentry.noc import _concordance
from expressentry.noc.code import NocCode
from expressentry.noc.version import NocVersion

__all__ = [
    "ChangeType",
    "Correspondence",
    "correspondences",
    "counterparts",
    "in_version",
    "maps_to_one_2021_code",
]


class ChangeType(IdentityEnum):
    """A GSIM type of change between two versions of a classification; the value is its code."""

    MERGER = "RC3.1"
    TAKE_OVER = "RC3.2"
    BREAKDOWN = "RC4.1"
    SPLIT_OFF = "RC4.2"
    TRANSFER = "RC5"
    CODE_CHANGE = "VC1"
    NAME_CHANGE = "VC2"

    @property
    def label(self) -> str:
        """The name Statistics Canada gives the change.

        >>> ChangeType.SPLIT_OFF.label
        'Split off'
        """
        return _CHANGE_LABELS[self][0]

    @property
    def meaning(self) -> str:
        """What the change does to the groups."""
        return _CHANGE_LABELS[self][1]


_CHANGE_LABELS = {
    ChangeType.MERGER: (
        "Merger",
        "Two or more groups combine into a new group; the old groups cease to exist",
    ),
    ChangeType.TAKE_OVER: (
        "Take-over",
        "A group absorbs one or more other groups, which cease to exist; it keeps its identity",
    ),
    ChangeType.BREAKDOWN: (
        "Breakdown",
        "A group is divided into two or more new groups and ceases to exist",
    ),
    ChangeType.SPLIT_OFF: (
        "Split off",
        "Part of a group is split off to form a new group; the rest continues",
    ),
    ChangeType.TRANSFER: (
        "Transfer",
        "Part of a group moves to another group that already exists",
    ),
    ChangeType.CODE_CHANGE: ("Code change", "The group has a new code"),
    ChangeType.NAME_CHANGE: ("Name change", "The group has a new title"),
}


@attrs.frozen
class Correspondence:
    """One row of the concordance: a NOC 2016 unit group, a NOC 2021 unit group, the changes."""

    noc2016: NocCode
    noc2021: NocCode
    changes: frozenset[ChangeType]


_ALL = tuple(
    Correspondence(
        NocCode(code2016), NocCode(code2021), frozenset(ChangeType(change) for change in changes)
    )
    for code2016, code2021, changes in _concordance.CORRESPONDENCES
)


def _index_by(version: NocVersion) -> dict[str, tuple[Correspondence, ...]]:
    index: dict[str, list[Correspondence]] = {}
    for row in _ALL:
        key = row.noc2016 if version is NocVersion.NOC_2016 else row.noc2021
        index.setdefault(key.code, []).append(row)
    return {code: tuple(rows) for code, rows in index.items()}


_BY_VERSION = {version: _index_by(version) for version in NocVersion}


def correspondences(code: NocCode) -> tuple[Correspondence, ...]:
    """Every concordance row for ``code``, whichever its version (one or more rows).

    >>> [row.noc2016.code for row in correspondences(NocCode("94210"))]
    ['9532', '9534']
    """
    return _BY_VERSION[code.version][code.code]


def counterparts(code: NocCode) -> tuple[NocCode, ...]:
    """The unit groups of the other version that ``code`` corresponds to, in code order.

    >>> [str(code) for code in counterparts(NocCode("0112"))]
    ['10011', '11200', '13110', '22232']
    """
    if code.version is NocVersion.NOC_2016:
        return tuple(row.noc2021 for row in correspondences(code))
    return tuple(row.noc2016 for row in correspondences(code))


def in_version(code: NocCode, version: NocVersion) -> tuple[NocCode, ...]:
    """``code`` itself if it belongs to ``version``, else its counterparts there.

    >>> [str(code) for code in in_version(NocCode("7511"), NocVersion.NOC_2021)]
    ['73300']
    >>> [str(code) for code in in_version(NocCode("7511"), NocVersion.NOC_2016)]
    ['7511']
    """
    return (code,) if code.version is version else counterparts(code)


def maps_to_one_2021_code(code: NocCode) -> bool:
    """Whether a NOC 2016 code corresponds to exactly one NOC 2021 code.

    >>> maps_to_one_2021_code(NocCode("0011")), maps_to_one_2021_code(NocCode("0112"))
    (True, False)
    """
    if code.version is not NocVersion.NOC_2016:
        raise InvalidNocCode(f"{code.code!r} is a {code.version.label} code, not NOC 2016")
    return len(correspondences(code)) == 1
