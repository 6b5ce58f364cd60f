"""The protocol every program module follows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from expressentry.facts import Facts
    from expressentry.verdict import Rule, Verdict

__all__ = ["Program"]


class Program(Protocol):
    """An Express Entry program: its code, name, declared rules and its assessment."""

    @property
    def code(self) -> str:
        """The program's short code: ``"FSW"``, ``"FST"`` or ``"CEC"``."""
        ...

    @property
    def name(self) -> str:
        """The program's full name."""
        ...

    @property
    def rules(self) -> tuple[Rule, ...]:
        """Every rule the program's findings may carry, in the order they are checked."""
        ...

    def assess(self, facts: Facts) -> Verdict:
        """The program's verdict on the candidate and date ``facts`` were derived for.

        Never raises for a valid candidate and a date from 2015-01-01.
        """
        ...
