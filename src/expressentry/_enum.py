"""The base of the engine's enumerations: members hashed by identity.

An :class:`enum.Enum` member hashes its name in Python code, and the engine's members key the
memos and tables every assessment reads (test kinds, languages, education levels, outcomes),
so that hash runs many times a candidate. A member is a singleton, equal only to itself, so
its identity is as good a hash and costs nothing.
"""

from __future__ import annotations

import enum

__all__ = ["IdentityEnum"]


class IdentityEnum(enum.Enum):
    """An enumeration whose members hash by identity (see the module docstring).

    >>> class Colour(IdentityEnum):
    ...     RED = "red"
    >>> {Colour.RED: 1}[Colour("red")], hash(Colour.RED) == object.__hash__(Colour.RED)
    (1, True)
    """

    __hash__ = object.__hash__
