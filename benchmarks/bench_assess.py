"""Benchmarks of what a user meets first: from_dict, assess, the CRS, the ledger, a population.

Run with ``python benchmarks/bench_assess.py [--population N] [--repeat N]``. Every figure is
a median of many runs on this machine (``time.perf_counter_ns``), in microseconds; the batch
reports candidates per second on one core.

Targets (issue 9): ``assess`` under 100 µs per candidate; 100,000 candidates through the CRS
in under 3 seconds.

Explanations are written when first read: ``assess`` decides every outcome, point and missing
fact; ``assess + explain()`` also writes every sentence (what a report or a notebook pays).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date, timedelta
from pathlib import Path

from expressentry import (
    AbilityScores,
    Candidate,
    Credential,
    CredentialLevel,
    LanguageTest,
    MaritalStatus,
    NocCode,
    TestKind,
    WorkHistory,
    WorkPeriod,
    crs_for,
    from_dict,
)
from expressentry.assess import assess
from expressentry.experience import CRS_CANADIAN, Ledger
from timing import median_us  # run as a script: this folder is on the path

ON = date(2026, 11, 29)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


_SKILLED = ("21231", "31301", "11100", "72200", "63200", "13110", "42202", "21211", "41200")
_IELTS_BANDS = (5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0)


def population(size: int, seed: int = 2026) -> list[Candidate]:
    """``size`` varied candidates drawn from ``random.Random(seed)``: ages, tests, degrees and
    one to three jobs in Canada or abroad."""
    rng = random.Random(seed)
    people = []
    for _ in range(size):
        birth = date(1970, 1, 1) + timedelta(days=rng.randrange(365 * 38))
        test_date = ON - timedelta(days=rng.randrange(700))
        jobs = []
        start = ON - timedelta(days=rng.randrange(200, 4000))
        for _ in range(rng.randint(1, 3)):
            end = min(ON, start + timedelta(days=rng.randrange(200, 1500)))
            jobs.append(
                WorkPeriod(
                    noc=NocCode(rng.choice(_SKILLED)),
                    country=rng.choice(("CA", "IN", "PH", "FR")),
                    start=start,
                    end=end,
                    hours_per_week=rng.choice((20, 30, 37.5, 40)),
                    paid=True,
                    self_employed=False,
                    full_time_student=False,
                    authorized=True,
                )
            )
            start = end + timedelta(days=1)
            if start > ON:
                break
        people.append(
            Candidate(
                birth_date=birth,
                marital_status=rng.choice((MaritalStatus.NEVER_MARRIED, MaritalStatus.DIVORCED)),
                sibling_in_canada=rng.random() < 0.1,
                language_tests=(
                    LanguageTest(
                        kind=TestKind.IELTS_GENERAL_TRAINING,
                        test_date=test_date,
                        scores=AbilityScores(
                            listening=rng.choice(_IELTS_BANDS),
                            reading=rng.choice(_IELTS_BANDS),
                            writing=rng.choice(_IELTS_BANDS),
                            speaking=rng.choice(_IELTS_BANDS),
                        ),
                    ),
                ),
                education=(
                    Credential(
                        level=rng.choice(list(CredentialLevel)),
                        country="CA",
                        completion_date=birth + timedelta(days=365 * 22),
                        full_time=True,
                        months_studied_in_canada=24,
                    ),
                ),
                work_history=WorkHistory(periods=tuple(jobs)),
            )
        )
    return people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--population", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=300, help="calls per timed batch")
    args = parser.parse_args()
    rows: list[tuple[str, float]] = []
    for path in sorted(EXAMPLES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        candidate = from_dict(data)
        name = path.stem
        rows.append((f"from_dict   {name}", median_us(lambda d=data: from_dict(d), args.runs)))
        rows.append(
            (f"assess      {name}", median_us(lambda c=candidate: assess(c, on=ON), args.runs))
        )
        rows.append(
            (
                f"  + explain  {name}",
                median_us(lambda c=candidate: assess(c, on=ON).explain(), args.runs),
            )
        )
        rows.append(
            (f"crs_for     {name}", median_us(lambda c=candidate: crs_for(c, on=ON), args.runs))
        )
        rows.append(
            (
                f"ledger      {name}",
                median_us(
                    lambda c=candidate: Ledger.of(c.work_history, ON).measure(CRS_CANADIAN),
                    args.runs,
                ),
            )
        )
    width = max(len(name) for name, _ in rows)
    for name, micro in rows:
        print(f"{name:<{width}}  {micro:9.1f} µs")
    people = population(args.population)
    start = time.perf_counter()
    total = sum(crs_for(person, on=ON).total for person in people)
    elapsed = time.perf_counter() - start
    rate = len(people) / elapsed
    print(
        f"CRS of {len(people):,} generated candidates: {elapsed:.2f} s, {rate:,.0f} candidates "
        f"per second (mean score {total / len(people):.0f})"
    )


if __name__ == "__main__":
    main()
