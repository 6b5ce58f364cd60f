"""Explanations written only when they are first read.

Scoring a whole pool reads totals and levels, not the sentences that explain them, so several
results keep a function that writes an explanation and call it the first time the explanation
is read. :class:`WrittenOnRead` gives those results their pickling: an explanation is written
before pickling, because the function that would write it may be a local one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar, cast

import attrs

__all__ = ["Written", "WrittenOnRead", "points_words", "shown", "upper_first", "written"]

_T = TypeVar("_T")

Written = str | Callable[[], str]
"""A sentence, or a function that writes it the first time it is read."""


def points_words(points: int) -> str:
    """``"1 point"``, ``"5 points"``: a number of points as a sentence says it."""
    return f"{points} point" + ("" if points == 1 else "s")


def upper_first(text: str) -> str:
    """``text`` with its first letter in upper case, to start a sentence with a phrase."""
    return text[:1].upper() + text[1:]


def written(sentence: Written) -> str:
    """The sentence, written if need be (so that results compare, hash and show by what their
    sentences say)."""
    return sentence if isinstance(sentence, str) else sentence()


def shown(sentence: Written) -> str:
    """The ``repr`` of what a sentence written on read says."""
    return repr(written(sentence))


class WrittenOnRead:
    """A base for frozen attrs classes (declared with ``getstate_setstate=False``) whose
    properties named in ``_written_on_read`` write an explanation the first time they are read.
    """

    __slots__ = ()
    _written_on_read: ClassVar[tuple[str, ...]] = ()

    def _keep(self, field: str, written: _T) -> _T:
        """Store ``written`` in ``field`` (a frozen attribute), so it is written only once."""
        object.__setattr__(self, field, written)
        return written

    def _sentence_in(self, field: str) -> str:
        """The sentence kept in ``field`` (a :data:`Written`), written if need be."""
        sentence: Written = getattr(self, field)
        if isinstance(sentence, str):
            return sentence
        return self._keep(field, sentence())

    def __getstate__(self) -> dict[str, object]:
        for name in self._written_on_read:
            getattr(self, name)
        # Every subclass is an attrs class, which the base itself cannot be.
        fields = attrs.fields(cast("type[attrs.AttrsInstance]", type(self)))
        return {field.name: getattr(self, field.name) for field in fields}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
