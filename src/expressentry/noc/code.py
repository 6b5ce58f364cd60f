"""A NOC code and the version of the classification it belongs to."""

from __future__ import annotations

import enum

import attrs

from expressentry.exceptions import InvalidNocCode

__all__ = ["NocCode", "NocVersion"]


class NocVersion(enum.Enum):
    """A version of the NOC used by Express Entry."""

    NOC_2016 = "2016"
    NOC_2021 = "2021"


_VERSION_BY_LENGTH = {4: NocVersion.NOC_2016, 5: NocVersion.NOC_2021}


def _check_code(instance: NocCode, attribute: attrs.Attribute[str], code: str) -> None:
    if not (isinstance(code, str) and code.isascii() and code.isdigit()) or (
        len(code) not in _VERSION_BY_LENGTH
    ):
        raise InvalidNocCode(
            f"{code!r} is not a NOC code: NOC 2021 codes have 5 digits (e.g. '21231'), "
            "NOC 2016 codes 4 (e.g. '2173'); write it as a string so leading zeros stay"
        )


@attrs.frozen
class NocCode:
    """A unit-group code of NOC 2016 (4 digits) or NOC 2021 (5 digits), kept as a string.

    >>> NocCode("21231").version
    <NocVersion.NOC_2021: '2021'>
    >>> NocCode("0011").version
    <NocVersion.NOC_2016: '2016'>
    """

    code: str = attrs.field(validator=_check_code)

    @property
    def version(self) -> NocVersion:
        """The classification version, told by the number of digits."""
        return _VERSION_BY_LENGTH[len(self.code)]

    def __str__(self) -> str:
        return self.code
