"""The library's own exceptions.

Ineligibility is never an exception: it is a verdict. Exceptions are for malformed input
(:class:`ProfileError`, which names every bad field by its JSON path), for dates that no rule
covers (:class:`NotInForce`) and for malformed identifiers (the :class:`ValidationError` tree,
shaped like python-stdnum's).

Outside these, a value a function refuses that is no fact of a profile (a CLB level of 13 given
to ``clb``, an unknown NOC version) is a ``ValueError`` saying why, and an argument of the wrong
Python type (a dict where a ``Candidate`` belongs, a text where a ``NocVersion`` does) is
Python's own ``TypeError`` or ``AttributeError``: the engine checks the facts it is given, not
its caller's types. A valid candidate never makes it raise.
"""

from __future__ import annotations

import math
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

_QUOTED_IN_FULL = 60
"""The longest value a message quotes in full: a longer one is cut, its length given."""


def quoted(value: object) -> str:
    """``value`` as a message quotes it: in full when short, else its start and its length.

    >>> quoted("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (100 characters)"
    >>> quoted(10**80), quoted(10**80 - 1), quoted(-(10**5000))
    ('a number of 81 digits', 'a number of 80 digits', 'a number of 5,001 digits')
    """
    if isinstance(value, int):
        size = abs(value)
        if size < 10**_QUOTED_IN_FULL:
            return repr(value)
        # Counted, not written out: Python refuses to write an int of more than 4,300 digits.
        digits = int(math.log10(size)) + 1
        digits -= 10 ** (digits - 1) > size  # log10 rounds up just below a power of ten
        return f"a number of {digits:,} digits"
    if not isinstance(value, str) or len(value) <= _QUOTED_IN_FULL:  # None, a float: in full
        return repr(value)
    return f"{value[:40] + '...'!r} ({len(value):,} characters)"


class ExpressEntryError(Exception):
    """Base class of the library's own exceptions (see the module's docstring for the others)."""


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
        super().__init__(self.report())

    def report(self, source: str | None = None, *, limit: int | None = None) -> str:
        """The problems as the message says them, of the profile in ``source`` (a file's name)
        if given, and only the first ``limit`` of them if given.

        >>> err = ProfileError([("$.a", "wrong"), ("$.b", "wrong"), ("$.c", "wrong")])
        >>> print(err.report("'mine.json'", limit=2))
        3 problems in the profile 'mine.json':
          $.a: wrong
          $.b: wrong
          ... and 1 more
        """
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        of = "" if source is None else f" {source}"
        lines = [f"{count:,} {noun} in the profile{of}:"]
        shown = self.problems if limit is None else self.problems[:limit]
        lines.extend(f"  {path}: {message}" for path, message in shown)
        if len(shown) < count:
            lines.append(f"  ... and {count - len(shown):,} more")
        return "\n".join(lines)

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
