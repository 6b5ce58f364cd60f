"""The read-only mapping that immutable results hold: a copy of the mapping given, that
compares, prints and pickles (:class:`types.MappingProxyType` does not pickle, and a result
that holds one cannot be pickled or deep-copied).

>>> import pickle
>>> points = frozen({"language": 24})
>>> points["language"], points == {"language": 24}, pickle.loads(pickle.dumps(points)) == points
(24, True, True)
>>> points
FrozenMapping({'language': 24})
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

__all__ = ["FrozenMapping", "frozen"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMapping(Mapping[K, V]):
    """A read-only copy of a mapping (no item can be set or deleted)."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[K, V]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"FrozenMapping({self._items!r})"

    def __reduce__(self) -> tuple[Any, tuple[dict[K, V]]]:
        return FrozenMapping, (self._items,)


def frozen(items: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """``items`` as a :class:`FrozenMapping`: the converter of the results' mapping fields
    (typed with ``Any``, as the attrs plugin of mypy takes a converter's types as they are)."""
    return FrozenMapping(items)
