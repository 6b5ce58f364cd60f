"""Explanations of the language rules, as data.

Each decision about a candidate's tests (a test that does not count and why, which test was
chosen for which official language and why) is a :class:`LanguageNote`: a stable rule id, a
plain sentence with the candidate's own figures, the facts it used, the policy of rules.md §12
it relies on and its citation. The verdict layer maps each note onto its own finding type;
nothing here renders text beyond the sentence.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from expressentry._enum import IdentityEnum
from expressentry.dated import Citation

__all__ = ["LanguageNote", "LanguageRule"]


class LanguageRule(IdentityEnum):
    """The stable id of each language rule that explains itself."""

    NOT_ACCEPTED = "language.test_not_accepted"
    """The test was taken before Express Entry accepted that kind of test (PTE Core)."""

    NOT_YET_COUNTING = "language.result_not_yet_counting"
    """The result is dated after the evaluation date, so it does not count yet (P30)."""

    EXPIRED = "language.test_expired"
    """The result is two years old or more on the evaluation date (P4)."""

    TEST_CHOSEN = "language.test_chosen"
    """The test chosen for an official language, among the valid ones (P6)."""

    FIRST_LANGUAGE_DECLARED = "language.first_official_language_declared"
    """The candidate declared the first official language (IRPR s. 79(1), P5)."""

    FIRST_LANGUAGE_ASSUMED = "language.first_official_language_assumed"
    """The first official language was not declared, so the engine chose it (P5)."""

    DECLARED_LANGUAGE_UNTESTED = "language.declared_language_without_valid_test"
    """The declared first official language has no valid test."""


@attrs.frozen(kw_only=True)
class LanguageNote:
    """One explained decision about language tests.

    ``test_index`` is the position of the test in the list it came from (for a JSON path such
    as ``$.language_tests[1]``), or ``None`` for a note about the tests as a whole. ``facts``
    maps each figure the sentence uses to its value (dates, levels, points).
    """

    rule: LanguageRule
    sentence: str
    policy: str | None = None
    citation: Citation | None = None
    test_index: int | None = None
    facts: Mapping[str, object] = attrs.field(factory=dict, hash=False)

    def __str__(self) -> str:
        return self.sentence
