"""A NOC unit-group code and the version of the classification it belongs to.

A code is a string, because leading zeros matter ("00010" is Legislators in NOC 2021). Its length
tells the version: 5 digits for NOC 2021 V1.0, 4 for NOC 2016 V1.3. Construction checks that the
code is a unit group of that version, so a :class:`NocCode` always has a title, a lineage and a
TEER or skill level.

>>> nurses = NocCode("31301")
>>> nurses.title
'Registered nurses and registered psychiatric nurses'
>>> nurses.teer.value, nurses.version.label
(1, 'NOC 2021 V1.0')
>>> NocCode("21239")
Traceback (most recent call last):
...
expressentry.exceptions.InvalidNocCode: '21239' is not a unit group of NOC 2021 V1.0
"""

from __future__ import annotations

import attrs

from expressentry.exceptions import InvalidNocCode, quoted
from expressentry.noc.hierarchy import (
    _UNIT_GROUP_CODES,
    NocGroup,
    group,
    unit_groups,
)
from expressentry.noc.skill import SkillLevel, Teer
from expressentry.noc.version import NocVersion

__all__ = ["NocCode", "NocVersion"]

_VERSION_BY_LENGTH = {version.digits: version for version in NocVersion}


def _check_code(instance: NocCode, attribute: attrs.Attribute[str], code: str) -> None:
    if not (isinstance(code, str) and code.isascii() and code.isdigit()) or (
        len(code) not in _VERSION_BY_LENGTH
    ):
        raise InvalidNocCode(
            f"{quoted(code)} is not a NOC code: NOC 2021 codes have 5 digits (e.g. '21231'), "
            f"NOC 2016 codes 4 (e.g. '2173'); write it as a string so leading zeros stay"
            f"{_hint(code)}"
        )
    version = _VERSION_BY_LENGTH[len(code)]
    if code not in _UNIT_GROUP_CODES[version]:
        raise InvalidNocCode(f"{quoted(code)} is not a unit group of {version.label}{_hint(code)}")


def _hint(code: object) -> str:
    """What the code may have been meant as, said after the message (or nothing).

    >>> print(_hint(" 21231"))
    ; did you mean '21231' (without the spaces)?
    >>> print(_hint("6320"))
    ; 6320 is a minor group of NOC 2021 V1.0 (Cooks, butchers and bakers): give one of its unit
    groups, e.g. 63200
    >>> print(_hint("11"))  # the concordance's way of writing 0011
    ; did you mean '0011' (NOC 2016 Legislators, with its leading zeros)?; did you mean '00011'
    (NOC 2021 Senior government managers and officials, with its leading zeros)?
    """
    if not isinstance(code, str):
        return ""
    stripped = code.strip()
    if stripped != code and _is_unit_group(stripped):
        return f"; did you mean {stripped!r} (without the spaces)?"
    if not (stripped.isascii() and stripped.isdigit()):
        return ""
    hints = []
    for version in NocVersion:
        padded = stripped.zfill(version.digits)
        if len(stripped) < version.digits and padded in _UNIT_GROUP_CODES[version]:
            name = version.label.rsplit(" V", 1)[0]
            title = group(padded, version).title
            hints.append(f"; did you mean {padded!r} ({name} {title}, with its leading zeros)?")
    # A code of a unit group's length that names a broader group of a version (NOC 2021's
    # four-digit minor groups): say so. Shorter codes are too many groups to list.
    # (A unit group never gets here: it is valid, or only its spaces were wrong.)
    for version in NocVersion if len(stripped) in _VERSION_BY_LENGTH else ():
        try:
            found = group(stripped, version)
        except InvalidNocCode:
            continue
        units = [unit for unit in unit_groups(version) if unit.code.startswith(found.code)]
        hints.append(
            f"; {found.code} is a {found.level.value} of {version.label} ({found.title}): "
            f"give one of its unit groups, e.g. {units[0].code}"
        )
    return "".join(hints)


def _is_unit_group(code: str) -> bool:
    version = _VERSION_BY_LENGTH.get(len(code))
    return version is not None and code in _UNIT_GROUP_CODES[version]


@attrs.frozen
class NocCode:
    """A unit-group code of NOC 2016 (4 digits) or NOC 2021 (5 digits), kept as a string.

    >>> NocCode("21231").version
    <NocVersion.NOC_2021: '2021'>
    >>> NocCode("0011").version
    <NocVersion.NOC_2016: '2016'>
    >>> str(NocCode("00010"))
    '00010'
    """

    code: str = attrs.field(validator=_check_code)

    @property
    def version(self) -> NocVersion:
        """The classification version, told by the number of digits."""
        return _VERSION_BY_LENGTH[len(self.code)]

    @property
    def unit_group(self) -> NocGroup:
        """The unit group this code names, with its titles and level."""
        return group(self.code, self.version)

    @property
    def title(self) -> str:
        """The official English title.

        >>> NocCode("72200").title
        'Electricians (except industrial and power system)'
        """
        return self.unit_group.title

    @property
    def described(self) -> str:
        """The code with its title, as explanations name an occupation.

        >>> NocCode("31301").described
        'NOC 31301 (Registered nurses and registered psychiatric nurses)'
        """
        return f"NOC {self.code} ({self.unit_group.title})"

    @property
    def title_fr(self) -> str | None:
        """The official French title; ``None`` for NOC 2016 (English only in the tables).

        >>> NocCode("21231").title_fr
        'Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel'
        """
        return self.unit_group.title_fr

    @property
    def lineage(self) -> tuple[NocGroup, ...]:
        """The groups from the broad category down to this unit group.

        >>> for level in NocCode("0011").lineage:
        ...     print(level)
        0 Management occupations
        00 Senior management occupations
        001 Legislators and senior management
        0011 Legislators
        """
        return self.unit_group.lineage

    @property
    def teer(self) -> Teer:
        """The TEER (NOC 2021 codes only; :class:`InvalidNocCode` for a NOC 2016 code)."""
        return self.unit_group.teer

    @property
    def skill_level(self) -> SkillLevel:
        """Skill type 0 or skill level A-D (NOC 2016 codes only).

        >>> NocCode("2173").skill_level
        <SkillLevel.A: 'A'>
        """
        return self.unit_group.skill_level

    def __str__(self) -> str:
        return self.code
