"""Every exception the library raises.

Ineligibility is never an exception: it is a verdict. Exceptions are for malformed input
(:class:`ProfileError`, which names every bad field by its JSON path), for dates that no rule
covers (:class:`NotInForce`) and for malformed identifiers (the :class:`ValidationError` tree,
shaped like python-stdnum's).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ExpressEntryError",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "InvalidNocCode",
    "NotInForce",
    "Problem",
    "ProfileError",
    "ValidationError",
]

Problem = tuple[str, str]
"""A single input problem: ``(json_path, message)``, e.g. ``("$.birth_date", "...")``."""


class ExpressEntryError(Exception):
    """Base class of every exception raised by expressentry."""


class ProfileError(ExpressEntryError, ValueError):
    """A candidate profile is malformed.

    ``problems`` lists *every* problem found, each as ``(path, message)`` where ``path`` is a
    JSON path rooted at ``$``.

    >>> err = ProfileError([("$.birth_date", "1800-01-01 is not a plausible birth date")])
    >>> print(err)
    1 problem in the profile:
      $.birth_date: 1800-01-01 is not a plausible birth date
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} in the profile:"]
        lines.extend(f"  {path}: {message}" for path, message in self.problems)
        super().__init__("\n".join(lines))

    def under(self, prefix: str) -> ProfileError:
        """The same problems with their paths moved under ``prefix`` (a JSON path)."""
        return ProfileError((prefix + path[1:], message) for path, message in self.problems)


class NotInForce(ExpressEntryError, LookupError):
    """No rule is in force on the requested date (for example before Express Entry began)."""


class InvalidNocCode(ExpressEntryError, ValueError):
    """A NOC code is malformed or is not in its version of the classification."""


class ValidationError(ExpressEntryError, ValueError):
    """An identifier (reference code, UCI, ...) is not valid."""

    default_message = "The identifier is not valid."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class InvalidFormat(ValidationError):
    """The identifier has the wrong shape (characters in the wrong places)."""

    default_message = "The identifier has an invalid format."


class InvalidLength(InvalidFormat):
    """The identifier has the wrong number of characters."""

    default_message = "The identifier has an invalid length."


class InvalidComponent(ValidationError):
    """A part of the identifier has a value that cannot occur."""

    default_message = "A part of the identifier is not valid."


class InvalidChecksum(ValidationError):
    """The identifier's check digit does not match."""

    default_message = "The identifier's check digit does not match."
