"""Official-language tests: the accepted tests, their scales, their CLB/NCLC levels, their
validity, and which test speaks for the first and second official language.

The modules read in the order of the rules: :mod:`~expressentry.language.scales` (the tests
and their score scales), :mod:`~expressentry.language.levels` (the equivalency charts),
:mod:`~expressentry.language.validity` (acceptance and the two-year validity),
:mod:`~expressentry.language.roles` (first and second official language) and
:mod:`~expressentry.language.notes` (the explanations). See ``docs/language.md``.
"""

from expressentry.language.levels import (
    BELOW_LEVEL_4,
    BENCHMARK_TOP,
    HIGHEST_LEVEL,
    LEVEL_CHARTS,
    LOWEST_LEVEL,
    LanguageLevels,
    LevelChart,
    benchmark_name,
    chart_level,
    describe_level,
    level_for,
    levels_of,
)
from expressentry.language.notes import LanguageNote, LanguageRule
from expressentry.language.roles import (
    AssignmentPoints,
    LanguagePoints,
    OfficialLanguageRole,
    OfficialLanguages,
    official_languages,
)
from expressentry.language.scales import (
    CELPIP_MINIMAL,
    NOT_ACCEPTED,
    TEF_CANADA_SCALES,
    Ability,
    Language,
    Scale,
    TestKind,
    accepted_test_kind,
    scale_for,
    score_from_report,
    score_problem,
)
from expressentry.language.validity import (
    ACCEPTED_TESTS,
    RESULT_VALIDITY_YEARS,
    AssessedTest,
    assess_test,
    counts_from,
    describe_test,
    expiry_date,
    is_accepted,
    is_valid_on,
)

__all__ = [
    "ACCEPTED_TESTS",
    "BELOW_LEVEL_4",
    "BENCHMARK_TOP",
    "CELPIP_MINIMAL",
    "HIGHEST_LEVEL",
    "LEVEL_CHARTS",
    "LOWEST_LEVEL",
    "NOT_ACCEPTED",
    "RESULT_VALIDITY_YEARS",
    "TEF_CANADA_SCALES",
    "Ability",
    "AssessedTest",
    "AssignmentPoints",
    "Language",
    "LanguageLevels",
    "LanguageNote",
    "LanguagePoints",
    "LanguageRule",
    "LevelChart",
    "OfficialLanguageRole",
    "OfficialLanguages",
    "Scale",
    "TestKind",
    "accepted_test_kind",
    "assess_test",
    "benchmark_name",
    "chart_level",
    "counts_from",
    "describe_level",
    "describe_test",
    "expiry_date",
    "is_accepted",
    "is_valid_on",
    "level_for",
    "levels_of",
    "official_languages",
    "scale_for",
    "score_from_report",
    "score_problem",
]
