"""The shortcuts of the programs and the completeness report give what the plain rule gives.

Each shortcut is checked against the computation it replaces: the set-based test of whether a
verdict's missing fact is covered by a document item against :func:`profile._related` applied
to every item, and the words of the language minimums (kept per set of levels) against the
minimums written out.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from expressentry.language import Ability
from expressentry.profile import _ancestors, _related
from expressentry.programs._common import describe_minimums
from expressentry.programs.fsw import _grid_tables, _language_minimums

_SEGMENTS = st.sampled_from(["work_history", "[0]", "[1]", "noc", "paid", "spouse", "education"])
_PATHS = st.lists(_SEGMENTS, min_size=1, max_size=4).map(
    lambda parts: "$" + "".join(part if part.startswith("[") else f".{part}" for part in parts)
)


@given(_PATHS, st.lists(_PATHS, max_size=6))
def test_a_path_is_covered_exactly_when_it_is_related_to_a_draft(
    path: str, drafts: list[str]
) -> None:
    paths = set(drafts)
    under = set(paths)
    for draft in paths:
        under.update(_ancestors(draft))
    covered = path in under or not paths.isdisjoint(_ancestors(path))
    assert covered == any(_related(path, draft) for draft in drafts)


def test_the_ancestors_of_a_path_are_the_paths_it_lies_under() -> None:
    assert _ancestors("$.work_history[0].noc") == ["$", "$.work_history", "$.work_history[0]"]


@given(st.lists(st.integers(min_value=0, max_value=12), min_size=4, max_size=4))
def test_the_minimums_in_words_are_the_same_each_time(levels: list[int]) -> None:
    minimums = dict(zip(Ability, levels, strict=True))
    assert describe_minimums(minimums, None) == describe_minimums(dict(minimums), None)
    if len(set(levels)) == 1:
        assert describe_minimums(minimums, None) == f"CLB {levels[0]} in each ability"


def test_the_grid_tables_and_minimums_are_kept_per_date() -> None:
    on = date(2026, 11, 29)
    assert _grid_tables(on) is _grid_tables(on)
    assert dict(_language_minimums(on)) == dict.fromkeys(Ability, 7)
