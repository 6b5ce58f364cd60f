"""The accepted official-language tests and the score scale of each ability.

rules.md §5.1 lists the five tests accepted for Express Entry; §5.4-§5.8 give their scales.
A TEF Canada score is the certificate's "Équivalence ancien score", on the old scale (listening
0-360, reading 0-300, speaking and writing 0-450) whatever the date the test was taken: IRCC
reads no other for Express Entry (policy P3). A score outside its scale is an input error, not
a low result.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from expressentry._enum import IdentityEnum
from expressentry.dated import Dated, DatedTable
from expressentry.exceptions import quoted
from expressentry.language._citations import TEF_ANCIEN_SCORE

__all__ = [
    "CELPIP_MINIMAL",
    "NOT_ACCEPTED",
    "TEF_CANADA_SCALES",
    "Ability",
    "Language",
    "Scale",
    "TestKind",
    "accepted_test_kind",
    "scale_for",
    "score_from_report",
    "score_problem",
]


class Language(IdentityEnum):
    """An official language of Canada."""

    ENGLISH = "english"
    FRENCH = "french"


class Ability(IdentityEnum):
    """The four language abilities every accepted test scores."""

    LISTENING = "listening"
    READING = "reading"
    WRITING = "writing"
    SPEAKING = "speaking"


class TestKind(IdentityEnum):
    """A language test accepted for Express Entry (rules.md §5.1)."""

    __test__ = False  # not a pytest test class

    IELTS_GENERAL_TRAINING = "ielts_general_training"
    CELPIP_GENERAL = "celpip_general"
    PTE_CORE = "pte_core"
    TEF_CANADA = "tef_canada"
    TCF_CANADA = "tcf_canada"

    @property
    def language(self) -> Language:
        """The official language the test assesses."""
        if self in (TestKind.TEF_CANADA, TestKind.TCF_CANADA):
            return Language.FRENCH
        return Language.ENGLISH

    @property
    def title(self) -> str:
        """The test's name as its publisher writes it."""
        return _TITLES[self]


_TITLES = {
    TestKind.IELTS_GENERAL_TRAINING: "IELTS General Training",
    TestKind.CELPIP_GENERAL: "CELPIP-General",
    TestKind.PTE_CORE: "PTE Core",
    TestKind.TEF_CANADA: "TEF Canada",
    TestKind.TCF_CANADA: "TCF Canada",
}

NOT_ACCEPTED: dict[str, str] = {
    "ielts_academic": "IELTS Academic is not accepted for Express Entry; "
    "IELTS General Training is",
    "pte_academic": "PTE Academic is not accepted for Express Entry; PTE Core is",
    "celpip_general_ls": "CELPIP-General LS is not accepted for Express Entry; CELPIP-General is",
    "tef": "only the TEF Canada version of the TEF is accepted for Express Entry",
    "tcf": "only the TCF Canada version of the TCF is accepted for Express Entry",
}
"""Tests people often report that Express Entry refuses, with the accepted one to take instead."""


def accepted_test_kind(name: str) -> TestKind:
    """The accepted test called ``name`` (its lower-case value), refusing the look-alikes.

    A test that Express Entry does not accept is an input error whose message names the test
    to take instead (rules.md §5.1):

    >>> accepted_test_kind("celpip_general")
    <TestKind.CELPIP_GENERAL: 'celpip_general'>
    >>> accepted_test_kind("ielts_academic")
    Traceback (most recent call last):
    ...
    ValueError: IELTS Academic is not accepted for Express Entry; IELTS General Training is
    >>> accepted_test_kind("toefl")
    Traceback (most recent call last):
    ...
    ValueError: 'toefl' is not an accepted language test; expected one of: ...
    """
    if name in NOT_ACCEPTED:
        raise ValueError(NOT_ACCEPTED[name])
    try:
        return TestKind(name)
    except ValueError:
        accepted = ", ".join(kind.value for kind in TestKind)
        raise ValueError(
            f"{name!r} is not an accepted language test; expected one of: {accepted}"
        ) from None


CELPIP_MINIMAL = "M"
"""What a CELPIP report prints for a result below level 3 ("minimal"); it counts as level 0."""


def score_from_report(kind: TestKind, reported: str | float) -> float:
    """The score of one ability as a test report prints it, as a number.

    Scores are numbers, except that a CELPIP-General report prints ``M`` (minimal) for a
    result below level 3; the engine reads it as level 0, which converts to "below CLB 4"
    like any other level under 4. The number is not checked against the scale here:
    :func:`score_problem` does that.

    >>> score_from_report(TestKind.CELPIP_GENERAL, "M")
    0
    >>> score_from_report(TestKind.IELTS_GENERAL_TRAINING, 6.5)
    6.5
    >>> score_from_report(TestKind.IELTS_GENERAL_TRAINING, "M")
    Traceback (most recent call last):
    ...
    ValueError: 'M' is not a score: IELTS General Training reports numbers (only ...)
    """
    if isinstance(reported, str):
        if kind is TestKind.CELPIP_GENERAL and reported == CELPIP_MINIMAL:
            return 0
        raise ValueError(
            f"{reported!r} is not a score: {kind.title} reports numbers "
            f"(only CELPIP-General reports {CELPIP_MINIMAL})"
        )
    return reported


@attrs.frozen
class Scale:
    """The scores a test reports for one ability: ``minimum`` to ``maximum`` by ``step``."""

    minimum: Decimal
    maximum: Decimal
    step: Decimal

    def contains(self, score: float) -> bool:
        """Whether ``score`` is a score this scale can report."""
        if not math.isfinite(score):  # NaN and the infinities are no test's score
            return False
        # As written (6.5, not the binary float nearest to it); a Fraction by its value.
        value = (
            Decimal(score.numerator) / Decimal(score.denominator)
            if isinstance(score, Fraction)
            else Decimal(str(score))
        )
        return self.minimum <= value <= self.maximum and (value - self.minimum) % self.step == 0

    def describe(self) -> str:
        """The scale in words, for error messages."""
        if self.step == 1:
            return f"a whole number from {self.minimum} to {self.maximum}"
        return f"{self.minimum} to {self.maximum} in steps of {self.step}"


def _whole(minimum: int, maximum: int) -> Scale:
    return Scale(Decimal(minimum), Decimal(maximum), Decimal(1))


_IELTS = {ability: Scale(Decimal(0), Decimal(9), Decimal("0.5")) for ability in Ability}
_CELPIP = {ability: _whole(0, 12) for ability in Ability}
_PTE_CORE = {ability: _whole(10, 90) for ability in Ability}
_TCF = {
    Ability.READING: _whole(0, 699),
    Ability.LISTENING: _whole(0, 699),
    Ability.WRITING: _whole(0, 20),
    Ability.SPEAKING: _whole(0, 20),
}

TEF_CANADA_SCALES: DatedTable[dict[Ability, Scale]] = DatedTable(
    'TEF Canada score scale: the "Équivalence ancien score" (policy P3)',
    (
        Dated(
            date.min,
            {
                Ability.LISTENING: _whole(0, 360),
                Ability.READING: _whole(0, 300),
                Ability.WRITING: _whole(0, 450),
                Ability.SPEAKING: _whole(0, 450),
            },
            TEF_ANCIEN_SCORE,
        ),
    ),
)
"""The scale of the TEF Canada scores a profile gives: the old one, whatever the test date.
A certificate since 2019-10-01 reports each ability out of 699 and, beside it, the
"Équivalence ancien score", the same result on the old scale; Express Entry takes only that
column (IRCC, :data:`~expressentry.language._citations.TEF_ANCIEN_SCORE`)."""

_FIXED_SCALES = {
    TestKind.IELTS_GENERAL_TRAINING: _IELTS,
    TestKind.CELPIP_GENERAL: _CELPIP,
    TestKind.PTE_CORE: _PTE_CORE,
    TestKind.TCF_CANADA: _TCF,
}


SCORE_BOUNDS: Final = tuple(
    bound(
        getattr(scale, side)
        for scales in (*_FIXED_SCALES.values(), *(row.value for row in TEF_CANADA_SCALES))
        for scale in scales.values()
    )
    for bound, side in ((min, "minimum"), (max, "maximum"))
)
"""The lowest and the highest score any accepted test reports (0 and 699): a score outside
them is wrong whatever the test, so it is reported even when the test's kind is wrong."""


def scale_for(kind: TestKind, ability: Ability, test_date: date) -> Scale:
    """The scale of ``ability`` for a ``kind`` test taken on ``test_date``.

    >>> from datetime import date
    >>> scale_for(TestKind.TEF_CANADA, Ability.READING, date(2024, 5, 2)).describe()
    'a whole number from 0 to 300'
    """
    if kind is TestKind.TEF_CANADA:
        return TEF_CANADA_SCALES.at(test_date)[ability]
    return _FIXED_SCALES[kind][ability]


def score_problem(kind: TestKind, ability: Ability, score: float, test_date: date) -> str | None:
    """Why ``score`` cannot be a ``kind`` result for ``ability``, or ``None`` if it can.

    >>> from datetime import date
    >>> score_problem(TestKind.IELTS_GENERAL_TRAINING, Ability.READING, 9.5, date(2025, 1, 1))
    '9.5 is not an IELTS General Training band (0 to 9 in steps of 0.5)'
    >>> score_problem(TestKind.CELPIP_GENERAL, Ability.READING, 9, date(2025, 1, 1)) is None
    True
    >>> score_problem(TestKind.CELPIP_GENERAL, Ability.READING, -1, date(2025, 1, 1))
    '-1 is below 0, the lowest score of every accepted test'
    >>> score_problem(TestKind.CELPIP_GENERAL, Ability.READING, float("nan"), date(2025, 1, 1))
    'nan is not a number: give the CELPIP-General reading score (a whole number from 0 to 12)'
    """
    if math.isnan(score):  # no order: neither below nor above any scale
        described = scale_for(kind, ability, test_date).describe()
        return f"nan is not a number: give the {kind.title} {ability.value} score ({described})"
    lowest, highest = SCORE_BOUNDS
    # Out of every scale: the same words whatever the kind, which may be wrong too.
    if score < lowest:
        return f"{_shown(score)} is below {lowest}, the lowest score of every accepted test"
    if score > highest:
        return f"{_shown(score)} is above {highest}, the highest score any accepted test gives"
    scale = scale_for(kind, ability, test_date)
    if scale.contains(score):
        return None
    given = _shown(score)
    if kind is TestKind.IELTS_GENERAL_TRAINING:
        return f"{given} is not an {kind.title} band ({scale.describe()})"
    if kind is TestKind.TEF_CANADA:  # most likely the score out of 699 (policy P3)
        return (
            f"{given} is not a {kind.title} {ability.value} score for Express Entry: give the "
            f'certificate\'s "Équivalence ancien score" ({scale.describe()}), not the score '
            "out of 699"
        )
    return f"{given} is not a {kind.title} {ability.value} score ({scale.describe()})"


def _shown(score: float) -> str:
    """A score as a message quotes it (a whole number of hundreds of digits by its length)."""
    return quoted(score) if isinstance(score, int) else str(score)
