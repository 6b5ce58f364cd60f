"""Official-language tests: the accepted tests, their score scales and their CLB/NCLC levels."""

from expressentry.language.scales import (
    NOT_ACCEPTED,
    Ability,
    Language,
    Scale,
    TestKind,
    scale_for,
    score_problem,
)

__all__ = [
    "NOT_ACCEPTED",
    "Ability",
    "Language",
    "Scale",
    "TestKind",
    "scale_for",
    "score_problem",
]
