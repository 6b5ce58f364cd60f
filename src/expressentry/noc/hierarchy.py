"""The hierarchy of NOC 2021 V1.0 and NOC 2016 V1.3, with the official titles.

NOC 2021 has five levels, told by the length of the code: broad category (1 digit), major group
(2), sub-major group (3), minor group (4) and unit group (5); each code's parent is the code
without its last digit. NOC 2016 has four: broad category (1), major group (2 digits, or a range
such as "01-05" for the middle-management groups), minor group (3) and unit group (4).

Titles are English and French for NOC 2021, English only for NOC 2016 (the tables are generated
by ``tools/generate_data.py``; see ``docs/noc.md``).

>>> software = group("21231", NocVersion.NOC_2021)
>>> software.title, software.level.value
('Software engineers and designers', 'unit group')
>>> [ancestor.code for ancestor in software.lineage]
['2', '21', '212', '2123', '21231']
>>> print(group("0111", NocVersion.NOC_2016).parent.parent)
01-05 Specialized middle management occupations
"""

from __future__ import annotations

import attrs

from expressentry._enum import IdentityEnum
from expressentry.exceptions import InvalidNocCode
from expressentry.noc import _noc2016, _noc2021
from expressentry.noc.skill import SkillLevel, Teer
from expressentry.noc.version import NocVersion

__all__ = ["NocGroup", "NocLevel", "group", "groups", "unit_groups"]


class NocLevel(IdentityEnum):
    """A level of the NOC hierarchy, from the broadest to the most detailed."""

    BROAD_CATEGORY = "broad occupational category"
    MAJOR_GROUP = "major group"
    SUB_MAJOR_GROUP = "sub-major group"
    MINOR_GROUP = "minor group"
    UNIT_GROUP = "unit group"


@attrs.frozen
class NocGroup:
    """A group of the NOC at any level, with its official titles.

    ``title_fr`` is ``None`` for NOC 2016, which the tables carry in English only.
    """

    version: NocVersion
    level: NocLevel
    code: str
    title: str
    title_fr: str | None

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def parent(self) -> NocGroup | None:
        """The group one level up; ``None`` for a broad category."""
        parent_code = _PARENTS[self.version][self.code]
        return None if parent_code is None else _GROUPS[self.version][parent_code]

    @property
    def children(self) -> tuple[NocGroup, ...]:
        """The groups one level down, in code order; empty for a unit group.

        >>> [child.code for child in group("0", NocVersion.NOC_2016).children]
        ['00', '01-05', '06', '07-09']
        """
        return _CHILDREN[self.version].get(self.code, ())

    @property
    def lineage(self) -> tuple[NocGroup, ...]:
        """This group and every group above it, from the broad category down to this one."""
        chain = [self]
        while (up := chain[-1].parent) is not None:
            chain.append(up)
        return tuple(reversed(chain))

    @property
    def teer(self) -> Teer:
        """The TEER of a NOC 2021 group below the broad categories (the code's second digit).

        >>> group("72", NocVersion.NOC_2021).teer
        <Teer.TEER_2: 2>
        """
        if self.version is not NocVersion.NOC_2021 or self.level is NocLevel.BROAD_CATEGORY:
            raise InvalidNocCode(
                f"{self.code} ({self.version.label} {self.level.value}) has no TEER: only NOC "
                "2021 groups below the broad categories have one"
            )
        return Teer.of_code(self.code)

    @property
    def skill_level(self) -> SkillLevel:
        """The skill type 0 or skill level of a NOC 2016 group below the broad categories.

        >>> group("72", NocVersion.NOC_2016).skill_level
        <SkillLevel.B: 'B'>
        """
        if self.version is not NocVersion.NOC_2016 or self.level is NocLevel.BROAD_CATEGORY:
            raise InvalidNocCode(
                f"{self.code} ({self.version.label} {self.level.value}) has no skill level: "
                "only NOC 2016 groups below the broad categories have one"
            )
        return SkillLevel.of_code(self.code)


_LEVELS_2021 = {
    1: NocLevel.BROAD_CATEGORY,
    2: NocLevel.MAJOR_GROUP,
    3: NocLevel.SUB_MAJOR_GROUP,
    4: NocLevel.MINOR_GROUP,
    5: NocLevel.UNIT_GROUP,
}
# A NOC 2016 range major group ("01-05") is five characters long.
_LEVELS_2016 = {
    1: NocLevel.BROAD_CATEGORY,
    2: NocLevel.MAJOR_GROUP,
    5: NocLevel.MAJOR_GROUP,
    3: NocLevel.MINOR_GROUP,
    4: NocLevel.UNIT_GROUP,
}


def _noc2016_major_group_of_prefix() -> dict[str, str]:
    """Which major group each two-digit prefix belongs to ("03" -> "01-05")."""
    owners = {}
    for code in _noc2016.GROUPS:
        if _LEVELS_2016[len(code)] is NocLevel.MAJOR_GROUP:
            low, _, high = code.partition("-")
            for prefix in range(int(low), int(high or low) + 1):
                owners[f"{prefix:02d}"] = code
    return owners


def _noc2016_parent(code: str, major_of_prefix: dict[str, str]) -> str | None:
    level = _LEVELS_2016[len(code)]
    if level is NocLevel.BROAD_CATEGORY:
        return None
    if level is NocLevel.MAJOR_GROUP:
        return code[0]
    if level is NocLevel.MINOR_GROUP:
        return major_of_prefix[code[:2]]
    return code[:3]


def _build() -> tuple[
    dict[NocVersion, dict[str, NocGroup]],
    dict[NocVersion, dict[str, str | None]],
]:
    groups_2021 = {
        code: NocGroup(NocVersion.NOC_2021, _LEVELS_2021[len(code)], code, english, french)
        for code, (english, french) in _noc2021.GROUPS.items()
    }
    groups_2016 = {
        code: NocGroup(NocVersion.NOC_2016, _LEVELS_2016[len(code)], code, english, None)
        for code, english in _noc2016.GROUPS.items()
    }
    major_of_prefix = _noc2016_major_group_of_prefix()
    parents: dict[NocVersion, dict[str, str | None]] = {
        NocVersion.NOC_2021: {code: code[:-1] or None for code in groups_2021},
        NocVersion.NOC_2016: {
            code: _noc2016_parent(code, major_of_prefix) for code in groups_2016
        },
    }
    return {NocVersion.NOC_2021: groups_2021, NocVersion.NOC_2016: groups_2016}, parents


_GROUPS, _PARENTS = _build()


def _children_by_parent(version: NocVersion) -> dict[str, tuple[NocGroup, ...]]:
    children: dict[str, list[NocGroup]] = {}
    for code, parent in _PARENTS[version].items():
        if parent is not None:
            children.setdefault(parent, []).append(_GROUPS[version][code])
    return {parent: tuple(found) for parent, found in children.items()}


_CHILDREN = {version: _children_by_parent(version) for version in NocVersion}

_UNIT_GROUP_CODES: dict[NocVersion, frozenset[str]] = {
    version: frozenset(code for code, found in table.items() if found.level is NocLevel.UNIT_GROUP)
    for version, table in _GROUPS.items()
}
"""The unit-group codes of each version, for fast validation of :class:`NocCode`."""


def group(code: str, version: NocVersion) -> NocGroup:
    """The group with ``code`` (at any level) in ``version``.

    Raises :class:`InvalidNocCode`, naming the code and the version, if there is none.

    >>> group("00010", NocVersion.NOC_2021).title_fr
    'Membres des corps législatifs'
    >>> group("99", NocVersion.NOC_2021)
    Traceback (most recent call last):
    ...
    expressentry.exceptions.InvalidNocCode: '99' is not a group of NOC 2021 V1.0
    """
    try:
        return _GROUPS[version][code]
    except (KeyError, TypeError):
        raise InvalidNocCode(f"{code!r} is not a group of {version.label}") from None


def groups(version: NocVersion, level: NocLevel | None = None) -> tuple[NocGroup, ...]:
    """Every group of ``version`` (at ``level`` only, if given), in hierarchical code order.

    >>> len(groups(NocVersion.NOC_2021, NocLevel.MAJOR_GROUP))
    45
    >>> len(groups(NocVersion.NOC_2016, NocLevel.SUB_MAJOR_GROUP))
    0
    """
    return tuple(
        found for found in _GROUPS[version].values() if level is None or found.level is level
    )


def unit_groups(version: NocVersion) -> tuple[NocGroup, ...]:
    """Every unit group of ``version``, in code order.

    >>> len(unit_groups(NocVersion.NOC_2021)), len(unit_groups(NocVersion.NOC_2016))
    (516, 500)
    """
    return groups(version, NocLevel.UNIT_GROUP)
