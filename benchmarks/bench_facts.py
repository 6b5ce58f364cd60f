"""Benchmark of the derived facts: what each fact of a Candidate costs the first time it is read.

Run from the repository root: ``python benchmarks/bench_facts.py``. For the dated candidate of
``bench_crs.py`` and for every example profile, prints the median time, in microseconds, of
deriving each fact on a fresh :class:`~expressentry.facts.Facts` (so that nothing is kept from
one run to the next), of all the facts the CRS reads, and of the CRS total from a Candidate.

Only the dated tables are memoized (by date, by test kind and scores, by NOC code); nothing is
kept per candidate, so these are the costs of scoring a pool of different candidates.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from expressentry import from_dict
from expressentry.crs import crs_for
from expressentry.experience import CRS_CANADIAN, CRS_FOREIGN
from expressentry.facts import Facts, derive
from expressentry.model import Candidate
from timing import median_us  # run as a script: this folder is on the path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_crs import CANDIDATE, ON  # the benchmark candidate, shared

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
RUNS = 2_000

FACTS: dict[str, Callable[[Facts], object]] = {
    "age": lambda facts: facts.age,
    "spouse_counts": lambda facts: facts.spouse_counts,
    "languages": lambda facts: facts.languages,
    "spouse_languages": lambda facts: facts.spouse_languages,
    "education": lambda facts: facts.education,
    "spouse_education": lambda facts: facts.spouse_education,
    "canadian_education": lambda facts: facts.canadian_education,
    "ledger": lambda facts: facts.ledger,
    "ledger + CRS Canadian and foreign": lambda facts: (
        facts.experience(CRS_CANADIAN),
        facts.experience(CRS_FOREIGN),
    ),
    "spouse ledger + CRS Canadian": lambda facts: facts.spouse_experience(CRS_CANADIAN),
}


def report(name: str, candidate: Candidate) -> None:
    print(name)
    for fact, read in FACTS.items():
        micro = median_us(lambda read=read: read(derive(candidate, on=ON)), RUNS)
        print(f"  {fact:44} {micro:8.2f} µs")

    def every_fact() -> None:
        facts = derive(candidate, on=ON)
        for read in FACTS.values():
            read(facts)

    print(f"  {'every fact above':44} {median_us(every_fact, RUNS):8.2f} µs")
    total = median_us(lambda: crs_for(candidate, on=ON).total, RUNS)
    print(f"  {'CRS total from the Candidate':44} {total:8.2f} µs")


def main() -> None:
    report("bench_crs candidate (dated history, spouse)", CANDIDATE)
    for path in sorted(EXAMPLES.glob("*.json")):
        report(path.stem, from_dict(json.loads(path.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
