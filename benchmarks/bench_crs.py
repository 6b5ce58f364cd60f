"""Benchmark of the Comprehensive Ranking System.

Run from the repository root: ``python benchmarks/bench_crs.py``. Prints the median time per
score, in microseconds, over many runs:

- from levels (:func:`expressentry.crs.score` on :class:`~expressentry.crs.CrsFactors`), the
  total only and with every line written;
- from a :class:`~expressentry.model.Candidate` with a dated history (birth date, two language
  tests, ECA, a ten-period work history for the ledger, a spouse with her own tests and work):
  derived facts, ledger queries and score, the total only and with every line written.

Lines (their facts, rows and sentences) are written only when read, so a pool scored for its
totals pays for the points alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bench_experience import job, ten_periods  # run as a script: this folder is on the path
from expressentry.crs import CrsFactors, EducationLevel, clb, crs_for, score
from expressentry.model import (
    AbilityScores,
    Candidate,
    Credential,
    CredentialLevel,
    EcaOrganization,
    EducationalCredentialAssessment,
    Language,
    LanguageTest,
    MaritalStatus,
    Spouse,
    TestKind,
    WorkAuthorization,
    WorkHistory,
)
from timing import median_us

ON = date(2026, 11, 29)
RUNS = 5_000


def ielts(listening: float, reading: float, writing: float, speaking: float) -> LanguageTest:
    return LanguageTest(
        kind=TestKind.IELTS_GENERAL_TRAINING,
        test_date=date(2025, 9, 1),
        result_date=date(2025, 9, 14),
        scores=AbilityScores(
            listening=listening, reading=reading, writing=writing, speaking=speaking
        ),
    )


CANDIDATE = Candidate(
    birth_date=date(1994, 7, 3),
    marital_status=MaritalStatus.MARRIED,
    work_authorization=WorkAuthorization.OPEN_WORK_PERMIT,
    first_official_language=Language.ENGLISH,
    language_tests=(
        ielts(8.0, 7.0, 7.0, 7.5),
        LanguageTest(
            kind=TestKind.TCF_CANADA,
            test_date=date(2025, 10, 1),
            scores=AbilityScores(listening=460, reading=455, writing=10, speaking=10),
        ),
    ),
    education=(
        Credential(
            level=CredentialLevel.MASTERS_OR_PROFESSIONAL,
            program_years=2,
            country="IN",
            completion_date=date(2018, 5, 1),
            eca=EducationalCredentialAssessment(
                organization=EcaOrganization.WES,
                issue_date=date(2023, 2, 1),
                canadian_equivalent=CredentialLevel.MASTERS_OR_PROFESSIONAL,
            ),
        ),
    ),
    work_history=ten_periods(),  # the ledger benchmark's history, shared
    spouse=Spouse(
        canadian_citizen_or_pr=False,
        accompanying=True,
        education=(
            Credential(
                level=CredentialLevel.BACHELORS_OR_THREE_YEAR,
                country="CA",
                completion_date=date(2017, 5, 1),
            ),
        ),
        language_tests=(ielts(7.0, 6.5, 6.5, 7.0),),
        work_history=WorkHistory(periods=(job("41200", "CA", date(2022, 1, 1), None, 35),)),
    ),
    sibling_in_canada=False,
)

FACTORS = CrsFactors(
    age=32,
    education=EducationLevel.MASTERS_OR_PROFESSIONAL,
    first_language=clb(9, reading=9, writing=9, speaking=10),
    canadian_years=5,
    foreign_years=3,
    with_spouse=True,
    spouse_education=EducationLevel.BACHELORS_OR_THREE_YEAR,
    spouse_language=clb(8),
    spouse_canadian_years=4,
)


def main() -> None:
    cases: dict[str, Callable[[], object]] = {
        "from levels, total": lambda: score(FACTORS, on=ON).total,
        "from levels, with lines": lambda: score(FACTORS, on=ON).sections,
        "from a Candidate (facts + ledger), total": lambda: crs_for(CANDIDATE, on=ON).total,
        "from a Candidate (facts + ledger), with lines": lambda: (
            crs_for(CANDIDATE, on=ON).sections
        ),
    }
    result = crs_for(CANDIDATE, on=ON)
    print(f"candidate: CRS {result.total} {dict(result.points)}")
    for name, action in cases.items():
        print(f"{name:48} {median_us(action, RUNS):8.1f} µs")


if __name__ == "__main__":
    main()
