"""Instructions per call, counted by valgrind's callgrind: a figure that load does not move.

Run from the repository root: ``python benchmarks/instructions.py [--runs N] [WHAT ...]``,
where WHAT is ``crs`` (the CRS from the ten-period benchmark candidate), ``assess`` (each of
the six example profiles in turn), ``population`` (the CRS of generated candidates) or
``levels`` (the CRS from levels); all four by default. Needs ``valgrind`` on the path.

Wall-clock medians on a shared virtual machine move by 5 to 10% from one run to the next and
by twice as much from one machine to another; the number of instructions an operation executes
is the same on every run of the same interpreter. Compare two versions of the code with this
figure, and report the time with the other benchmarks.

The script runs itself under callgrind, which counts only while the timed loop runs (the loop
is the one call to :func:`functools.reduce`): imports, set-up and a warm-up call are left out.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

ON = date(2026, 11, 29)
ROOT = Path(__file__).resolve().parents[1]
_COLLECTED = re.compile(r"Collected : (\d+)")
_OPERATIONS = ("crs", "assess", "population", "levels")


def _actions() -> dict[str, tuple[Callable[[], object], int]]:
    """Each operation, and how many calls one of its runs makes (to divide by)."""
    from bench_assess import population
    from bench_crs import CANDIDATE, FACTORS
    from expressentry import from_dict
    from expressentry.assess import assess
    from expressentry.crs import crs_for, score

    examples = [
        from_dict(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted((ROOT / "examples").glob("*.json"))
    ]
    people = population(200)

    def each_example() -> None:
        for candidate in examples:
            assess(candidate, on=ON)

    def each_person() -> None:
        for candidate in people:
            crs_for(candidate, on=ON).total  # noqa: B018 (the total is what a batch reads)

    return {
        "crs": (lambda: crs_for(CANDIDATE, on=ON).total, 1),
        "assess": (each_example, len(examples)),
        "population": (each_person, len(people)),
        "levels": (lambda: score(FACTORS, on=ON).total, 1),
    }


def _child(what: str, runs: int) -> None:
    """Under callgrind: warm up, then run ``what`` ``runs`` times inside one reduce call."""
    action, _ = _actions()[what]
    action()  # caches, lazy imports and memos filled outside the count
    functools.reduce(lambda _, __: action(), range(runs), None)


def _count(what: str, runs: int) -> float:
    """Instructions per call of ``what``, from one callgrind run of ``runs`` runs."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--toggle-collect=functools_reduce",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        what,
        "--runs",
        str(runs),
    ]
    # A fixed hash seed: string hashes decide the layout of dicts and sets, and so the count.
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr}")
    return int(found.group(1)) / runs / _actions()[what][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", nargs="*", help=f"any of {', '.join(_OPERATIONS)} (default: all)")
    parser.add_argument("--runs", type=int, default=20, help="runs of each operation")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    chosen = args.what or list(_OPERATIONS)
    unknown = [what for what in chosen if what not in _OPERATIONS]
    if unknown:
        parser.error(f"unknown operation {unknown[0]!r}; choose from {', '.join(_OPERATIONS)}")
    if args.child:
        _child(chosen[0], args.runs)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: this benchmark counts with callgrind")
    for what in chosen:
        print(f"{what:12} {_count(what, args.runs) / 1000:9.1f} thousand instructions a call")


if __name__ == "__main__":
    main()
