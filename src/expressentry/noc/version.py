"""The versions of the NOC, and which one Express Entry uses on a given date.

IRCC assessed occupations with NOC 2016 (V1.3) for applications received up to 2022-11-15 and
with NOC 2021 (V1.0) from 2022-11-16 (rules.md §8.2). Express Entry began in 2015 with NOC 2011,
which the engine does not model: NOC 2016 stands for the whole period before the switch.

>>> from datetime import date
>>> version_in_force(date(2022, 11, 15)).label, version_in_force(date(2022, 11, 16)).label
('NOC 2016 V1.3', 'NOC 2021 V1.0')
"""

from __future__ import annotations

from datetime import date

from expressentry._enum import IdentityEnum
from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Citation, Dated, DatedTable

__all__ = ["NOC_VERSION_IN_FORCE", "NocVersion", "version_in_force"]


class NocVersion(IdentityEnum):
    """A version of the NOC used by Express Entry.

    >>> NocVersion.NOC_2021.label, NocVersion.NOC_2021.digits
    ('NOC 2021 V1.0', 5)
    """

    NOC_2016 = "2016"
    NOC_2021 = "2021"

    @property
    def label(self) -> str:
        """The version's full name, as Statistics Canada writes it."""
        return _LABELS[self]

    @property
    def digits(self) -> int:
        """How many digits a unit-group code has in this version."""
        return _DIGITS[self]


_LABELS = {NocVersion.NOC_2016: "NOC 2016 V1.3", NocVersion.NOC_2021: "NOC 2021 V1.0"}
_DIGITS = {NocVersion.NOC_2016: 4, NocVersion.NOC_2021: 5}

_FSW_WORK_EXPERIENCE = Citation(
    "IRCC",
    "FSW operational instructions, work experience (NOC 2016 up to 2022-11-15, "
    "NOC 2021 from 2022-11-16)",
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/"
    "operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/"
    "selection-criteria-work-experience.html",
)

NOC_VERSION_IN_FORCE: DatedTable[NocVersion] = DatedTable(
    "NOC version used by Express Entry",
    (
        Dated(EXPRESS_ENTRY_LAUNCH, NocVersion.NOC_2016, _FSW_WORK_EXPERIENCE),
        Dated(date(2022, 11, 16), NocVersion.NOC_2021, _FSW_WORK_EXPERIENCE),
    ),
)
"""The NOC version Express Entry assesses occupations with, by date (rules.md §8.2)."""


def version_in_force(on: date) -> NocVersion:
    """The NOC version Express Entry uses on ``on``; :class:`NotInForce` before 2015."""
    return NOC_VERSION_IN_FORCE.at(on)
