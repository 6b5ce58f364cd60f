"""Regenerate the reference tables in ``src/expressentry/`` from the shared reference data.

The engine reads no file at run time, so the reference data ships as generated Python modules:

- ``noc/_noc2021.py``: every group of NOC 2021 V1.0 (10 broad categories, 45 major, 89
  sub-major, 162 minor and 516 unit groups), English and French titles;
- ``noc/_noc2016.py``: every group of NOC 2016 V1.3 (10 broad categories, 40 major, 140 minor
  and 500 unit groups), English titles;
- ``noc/_concordance.py``: the Statistics Canada correspondence NOC 2016 V1.3 -> NOC 2021 V1.0,
  one row per (2016, 2021) pair with its GSIM types of change;
- ``_rounds.py``: IRCC's rounds of invitations (number, date, round type, its kind, invitations,
  lowest CRS score invited, the codes of the programs covered), oldest first.

Codes, titles and numbers only: the descriptions in the data, the rounds' HTML and texts and
their pool distributions are left out.

Usage, from the repository root::

    python tools/generate_data.py                 # rewrite the modules from ../shared/data
    python tools/generate_data.py --check         # exit 1 if the committed modules differ
    python tools/generate_data.py --data DIR      # read the data files from DIR

The output is deterministic (rows in code or date order, no timestamps) and already in the
layout ``ruff format`` produces, so regenerating from the same data reproduces the committed
modules byte for byte.

Data caveats handled here (see ``../shared/data/SOURCES.md``):

- the concordance drops leading zeros ("11" for 0011, "10" for 00010): codes are left-padded to 4
  (NOC 2016) and 5 (NOC 2021) digits;
- the concordance and the NOC 2016 file start with a UTF-8 byte order mark, and the concordance
  header has a leading space (" GSIM Type of Change"); quoted fields span several lines;
- the GSIM type-of-change strings are slightly inconsistent ("Split off ," with a stray space,
  "RC5 VC1 - Code Change" with a missing comma, a bare "RC5", and "Transfer" without its code):
  each string is normalised to the set of GSIM codes it names (RC3.1, RC3.2, RC4.1, RC4.2, RC5,
  VC1, VC2);
- NOC 2016 major groups are sometimes ranges ("01-05"); the generator checks that every parent
  in the file agrees with the parent the engine derives from the codes (one known slip in the
  file, major group 40 filed under broad category 3, is listed in ``KNOWN_PARENT_ERRORS``);
- every value of the rounds file is a string, numbers with thousands separators ("1,234"), and
  round 91 appears twice, as 91a and 91b; every round type must be one ``ROUND_KINDS`` knows,
  or the generator stops rather than guess its kind.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
OUTPUT_DIR = REPO_ROOT / "src" / "expressentry"

NOC2021_FILE = "noc2021_structure.csv"
NOC2016_FILE = "noc2016_structure.csv"
CONCORDANCE_FILE = "noc2016_to_2021_concordance.csv"
ROUNDS_FILE = "ee_rounds.json"
DATA_FILES = (NOC2021_FILE, NOC2016_FILE, CONCORDANCE_FILE, ROUNDS_FILE)

# The kind of each round type IRCC names (``drawName``): a general round, a round for one
# program, or a category-based selection round (rules.md §9). Versions of a category
# ("(Version 1)", ", 2026-Version 2") are the same kind. An unknown name stops the generator.
ROUND_KINDS = {
    "No Program Specified": "general",
    "General": "general",
    "Canadian Experience Class": "canadian_experience_class",
    "Federal Skilled Worker": "federal_skilled_worker",
    "Federal Skilled Trades": "federal_skilled_trades",
    "Provincial Nominee Program": "provincial_nominee_program",
}
ROUND_CATEGORIES = (
    "Agriculture and agri-food occupations",
    "Education occupations",
    "French language proficiency",
    "French-Language proficiency",
    "Healthcare and Social Services Occupations",
    "Healthcare and social services occupations",
    "Healthcare occupations",
    "Physicians with Canadian Work Experience",
    "STEM occupations",
    "Senior managers with Canadian Work Experience",
    "Skilled Military Recruits",
    "Trade occupations",
    "Trades Occupations",
    "Transport Occupations",
    "Transport occupations",
)

LINE_LENGTH = 99  # pyproject.toml [tool.ruff] line-length
INDENT = "    "

# GSIM types of change, by code. Every label the concordance uses, however spelled, must name
# exactly these codes; an unknown label stops the generator rather than being guessed.
GSIM_CODES = ("RC3.1", "RC3.2", "RC4.1", "RC4.2", "RC5", "VC1", "VC2")
_GSIM_CODE_PATTERN = re.compile(r"\b(RC3\.1|RC3\.2|RC4\.1|RC4\.2|RC5|VC1|VC2)\b")
_GSIM_LABELS = {
    "merger": "RC3.1",
    "take-over": "RC3.2",
    "breakdown": "RC4.1",
    "split off": "RC4.2",
    "transfer": "RC5",
    "code change": "VC1",
    "name change": "VC2",
}

# Parents in the NOC 2016 file that contradict the classification. Major group 40 (professional
# occupations in education services) belongs to broad category 4, as its first digit says, but the
# file's author gave it parent "3". The engine derives parents from the codes, so this is harmless.
KNOWN_PARENT_ERRORS = {"40": "3"}

EXPECTED_2021 = {1: 10, 2: 45, 3: 89, 4: 162, 5: 516}
EXPECTED_2016 = {"1": 10, "2": 40, "3": 140, "4": 500}


class DataError(Exception):
    """The reference data is not what the generator expects."""


def _header(source: str, *, long_lines: bool) -> str:
    text = (
        f'"""{source}\n'
        "\n"
        "GENERATED by tools/generate_data.py from ../shared/data; do not edit by hand.\n"
        "Regenerate with ``python tools/generate_data.py`` (see docs/noc.md).\n"
        '"""\n'
        "\n"
    )
    if long_lines:
        text += "# ruff: noqa: E501  (a title is never split, so some lines are long)\n\n"
    return text


def _literal(text: str) -> str:
    """A Python string literal in the style ruff format keeps (double quotes)."""
    if '"' in text or "\\" in text or "\n" in text:
        raise DataError(f"unexpected character in title {text!r}")
    return f'"{text}"'


def _dict_entry(key: str, values: Sequence[str]) -> list[str]:
    """One ``key: value`` line of a dict literal, exploded the way ruff format does if long."""
    literals = [_literal(value) for value in values]
    value = literals[0] if len(literals) == 1 else f"({', '.join(literals)})"
    line = f"{INDENT}{_literal(key)}: {value},"
    if len(line) <= LINE_LENGTH or len(literals) == 1:
        return [line]
    return [
        f"{INDENT}{_literal(key)}: (",
        *(f"{INDENT * 2}{literal}," for literal in literals),
        f"{INDENT}),",
    ]


def _read_rows(path: Path) -> list[dict[str, str]]:
    # utf-8-sig drops the byte order mark; newline="" keeps quoted multi-line fields whole.
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _check_counts(name: str, counts: dict[object, int], expected: dict[object, int]) -> None:
    if counts != expected:
        raise DataError(f"{name}: expected {expected} codes per level, found {counts}")


def read_noc2021(data: Path) -> dict[str, tuple[str, str]]:
    """NOC 2021 V1.0: code -> (English title, French title), every level, in code order."""
    groups: dict[str, tuple[str, str]] = {}
    for row in _read_rows(data / NOC2021_FILE):
        code = row["code"].strip()
        if not code.isdigit() or code in groups:
            raise DataError(f"{NOC2021_FILE}: bad or repeated code {code!r}")
        groups[code] = (row["name_english"].strip(), row["name_french"].strip())
    counts: dict[object, int] = {}
    for code in groups:
        counts[len(code)] = counts.get(len(code), 0) + 1
    _check_counts(NOC2021_FILE, counts, dict(EXPECTED_2021))
    for code in groups:
        if len(code) > 1 and code[:-1] not in groups:
            raise DataError(f"{NOC2021_FILE}: {code} has no parent {code[:-1]}")
    return dict(sorted(groups.items()))


def noc2016_major_group_prefixes(major: str) -> tuple[str, ...]:
    """The two-digit prefixes a NOC 2016 major group covers ("01-05" covers 01 to 05)."""
    low, _, high = major.partition("-")
    return tuple(f"{prefix:02d}" for prefix in range(int(low), int(high or low) + 1))


def read_noc2016(data: Path) -> dict[str, str]:
    """NOC 2016 V1.3: code -> English title, every level, in code order."""
    groups: dict[str, str] = {}
    parents: dict[str, str] = {}
    counts: dict[object, int] = {}
    for row in _read_rows(data / NOC2016_FILE):
        code = row["noc_code"].strip()
        if code in groups:
            raise DataError(f"{NOC2016_FILE}: repeated code {code!r}")
        groups[code] = row["noc_title"].strip()
        parents[code] = row["Parent"].strip()
        counts[row["Level"]] = counts.get(row["Level"], 0) + 1
    _check_counts(NOC2016_FILE, counts, dict(EXPECTED_2016))
    major_of_prefix = {
        prefix: major
        for major in groups
        if len(major) == 2 or "-" in major
        for prefix in noc2016_major_group_prefixes(major)
    }
    for code, parent in parents.items():
        if len(code) == 1:
            derived = ""
        elif len(code) == 3:
            derived = major_of_prefix[code[:2]]
        elif len(code) == 4:
            derived = code[:3]
        else:
            derived = code[0]
        if parent != derived and KNOWN_PARENT_ERRORS.get(code) != parent:
            raise DataError(f"{NOC2016_FILE}: {code} has parent {parent!r}, expected {derived!r}")
    return dict(sorted(groups.items(), key=lambda item: _noc2016_order(item[0])))


def _noc2016_order(code: str) -> tuple[str, int]:
    # Range major groups ("01-05") sort by their first prefix, so "01-05" comes before "011".
    return (code.partition("-")[0], len(code))


def normalise_change_types(label: str) -> tuple[str, ...]:
    """The GSIM codes a concordance label names, in a fixed order.

    >>> normalise_change_types("RC4.2 - Split off , RC5, VC1 - Code Change, VC2 - Name Change")
    ('RC4.2', 'RC5', 'VC1', 'VC2')
    >>> normalise_change_types("Transfer, VC1 - Code Change, VC2 - Name Change")
    ('RC5', 'VC1', 'VC2')
    """
    found: set[str] = set()
    for part in label.split(","):
        part = part.strip()
        codes = _GSIM_CODE_PATTERN.findall(part)
        words = {code for name, code in _GSIM_LABELS.items() if name in part.lower()}
        if not codes and not words:
            raise DataError(f"{CONCORDANCE_FILE}: unknown type of change {part!r} in {label!r}")
        if codes and words and not words <= set(codes):
            raise DataError(f"{CONCORDANCE_FILE}: code and name disagree in {part!r}")
        found.update(codes or words)
    return tuple(code for code in GSIM_CODES if code in found)


def read_concordance(
    data: Path, noc2016: dict[str, str], noc2021: dict[str, tuple[str, str]]
) -> list[tuple[str, str, tuple[str, ...]]]:
    """(NOC 2016 code, NOC 2021 code, GSIM codes) per row, sorted by both codes."""
    links: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in _read_rows(data / CONCORDANCE_FILE):
        code2016 = row["NOC 2016 V1.3 Code"].strip().zfill(4)
        code2021 = row["NOC 2021 V1.0 Code"].strip().zfill(5)
        if (code2016, code2021) in links:
            raise DataError(f"{CONCORDANCE_FILE}: repeated pair {code2016} -> {code2021}")
        # The titles are not kept: they must match the structure files, which are the reference.
        if noc2016.get(code2016) != row["NOC 2016 V1.3 Title"].strip():
            raise DataError(f"{CONCORDANCE_FILE}: {code2016} is not a NOC 2016 unit group")
        if noc2021.get(code2021, ("",))[0] != row["NOC 2021 V1.0 Title"].strip():
            raise DataError(f"{CONCORDANCE_FILE}: {code2021} is not a NOC 2021 unit group")
        links[(code2016, code2021)] = normalise_change_types(row[" GSIM Type of Change"])
    unit2016 = {code for code in noc2016 if len(code) == 4}
    unit2021 = {code for code in noc2021 if len(code) == 5}
    if {pair[0] for pair in links} != unit2016 or {pair[1] for pair in links} != unit2021:
        raise DataError(f"{CONCORDANCE_FILE}: does not cover every unit group of both versions")
    return [(pair[0], pair[1], changes) for pair, changes in sorted(links.items())]


def render_noc2021(groups: dict[str, tuple[str, str]]) -> str:
    """The text of ``_noc2021.py``."""
    lines = [
        "GROUPS: dict[str, tuple[str, str]] = {",
        *(line for code, titles in groups.items() for line in _dict_entry(code, titles)),
        "}",
        '"""Code -> (English title, French title) of every group; the level is the length."""',
    ]
    source = "NOC 2021 Version 1.0: every group's code, English title and French title."
    return _header(source, long_lines=True) + ("\n".join(lines) + "\n")


def render_noc2016(groups: dict[str, str]) -> str:
    """The text of ``_noc2016.py``."""
    lines = [
        "GROUPS: dict[str, str] = {",
        *(line for code, title in groups.items() for line in _dict_entry(code, (title,))),
        "}",
        '"""Code -> English title of every group. Major groups may be ranges ("01-05")."""',
    ]
    source = "NOC 2016 Version 1.3: every group's code and English title."
    return _header(source, long_lines=True) + ("\n".join(lines) + "\n")


def render_concordance(links: Iterable[tuple[str, str, tuple[str, ...]]]) -> str:
    """The text of ``_concordance.py``."""
    rows = []
    for code2016, code2021, changes in links:
        quoted = ", ".join(_literal(change) for change in changes)
        rows.append(f"{INDENT}({_literal(code2016)}, {_literal(code2021)}, ({quoted})),")
    lines = [
        "CORRESPONDENCES: tuple[tuple[str, str, tuple[str, ...]], ...] = (",
        *rows,
        ")",
        '"""(NOC 2016 code, NOC 2021 code, GSIM types of change) of every correspondence."""',
    ]
    source = (
        "StatCan correspondence NOC 2016 V1.3 -> NOC 2021 V1.0: codes and GSIM types of change."
    )
    return _header(source, long_lines=False) + ("\n".join(lines) + "\n")


Round = tuple[str, str, str, str, int, int, str]
"""(number, date, round type, kind, invitations, lowest CRS score, program codes) of a round."""


def round_kind(name: str) -> str:
    """The kind of a round type: general, one program's, or category-based selection."""
    if name in ROUND_KINDS:
        return ROUND_KINDS[name]
    if any(name == c or name.startswith((f"{c} (", f"{c}, ", f"{c} 2")) for c in ROUND_CATEGORIES):
        return "category"
    raise DataError(f"{ROUNDS_FILE}: unknown round type {name!r}; add it to ROUND_KINDS")


# The programs a round covers (``drawText2``), by the name IRCC gives each, in this order.
ROUND_PROGRAMS = (
    ("Federal Skilled Worker", "FSW"),
    ("Canadian Experience Class", "CEC"),
    ("Federal Skilled Trades", "FST"),
    ("Provincial Nominee Program", "PNP"),
)


def round_programs(text: str) -> str:
    """The codes of the programs a round covers, comma-separated (``"FSW,CEC,FST,PNP"``)."""
    codes = [code for name, code in ROUND_PROGRAMS if name in text]
    rest = text
    for name, _ in ROUND_PROGRAMS:
        rest = rest.replace(name, "")
    if not codes or rest.replace("Program", "").replace("and", "").strip(" ,"):
        raise DataError(f"{ROUNDS_FILE}: unexpected programs {text!r}")
    return ",".join(codes)


def _whole_number(text: str, what: str) -> int:
    digits = text.replace(",", "")
    if not digits.isdigit():
        raise DataError(f"{ROUNDS_FILE}: {what} {text!r} is not a whole number")
    return int(digits)


def read_rounds(data: Path) -> list[Round]:
    """Every round of invitations, oldest first (by date, then number)."""
    document = json.loads((data / ROUNDS_FILE).read_text(encoding="utf-8"))
    rounds: list[Round] = []
    for entry in document["rounds"]:
        number = entry["drawNumber"]
        if not re.fullmatch(r"[0-9]+[ab]?", number):
            raise DataError(f"{ROUNDS_FILE}: unexpected round number {number!r}")
        day = date.fromisoformat(entry["drawDate"]).isoformat()
        name = entry["drawName"]
        rounds.append(
            (
                number,
                day,
                name,
                round_kind(name),
                _whole_number(entry["drawSize"], f"round {number}: invitations"),
                _whole_number(entry["drawCRS"], f"round {number}: lowest CRS"),
                round_programs(entry["drawText2"]),
            )
        )
    if len({entry[0] for entry in rounds}) != len(rounds):
        raise DataError(f"{ROUNDS_FILE}: a round number appears twice")
    return sorted(rounds, key=lambda entry: (entry[1], int(entry[0].rstrip("ab")), entry[0]))


def _tuple_entry(values: Sequence[str | int]) -> list[str]:
    """One tuple element of a tuple literal, exploded the way ruff format does if long."""
    literals = [_literal(value) if isinstance(value, str) else str(value) for value in values]
    line = f"{INDENT}({', '.join(literals)}),"
    if len(line) <= LINE_LENGTH:
        return [line]
    return [f"{INDENT}(", *(f"{INDENT * 2}{literal}," for literal in literals), f"{INDENT}),"]


def render_rounds(rounds: Iterable[Round]) -> str:
    """The text of ``_rounds.py``."""
    lines = [
        "ROUNDS: tuple[tuple[str, str, str, str, int, int, str], ...] = (",
        *(line for entry in rounds for line in _tuple_entry(entry)),
        ")",
        '"""(number, date, round type, kind, invitations, lowest CRS score, program codes) of '
        'every\nround, oldest first."""',
    ]
    source = "IRCC's Express Entry rounds of invitations: numbers, dates, types and figures."
    return _header(source, long_lines=False) + ("\n".join(lines) + "\n")


def render_all(data: Path) -> dict[str, str]:
    """Every generated module's path (in the package) and text, from the files in ``data``."""
    noc2021 = read_noc2021(data)
    noc2016 = read_noc2016(data)
    links = read_concordance(data, noc2016, noc2021)
    return {
        "noc/_noc2021.py": render_noc2021(noc2021),
        "noc/_noc2016.py": render_noc2016(noc2016),
        "noc/_concordance.py": render_concordance(links),
        "_rounds.py": render_rounds(read_rounds(data)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the generated modules; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data directory")
    parser.add_argument("--out", type=Path, default=OUTPUT_DIR, help="the package directory")
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed modules, write nothing"
    )
    args = parser.parse_args(argv)
    missing = [name for name in DATA_FILES if not (args.data / name).is_file()]
    if missing:  # 2, as argparse's own errors: 1 means "out of date" under --check
        print(
            f"reference data not found in {args.data}: no {', '.join(missing)}; "
            "pass --data with the folder of the shared reference data",
            file=sys.stderr,
        )
        return 2
    modules = render_all(args.data)
    stale = []
    for name, text in modules.items():
        target = args.out / name
        current = target.read_bytes() if target.exists() else None
        if current == text.encode("utf-8"):
            continue
        stale.append(name)
        if not args.check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
    if args.check and stale:
        print(f"out of date: {', '.join(stale)}; run python tools/generate_data.py")
        return 1
    print(f"{'checked' if args.check else 'wrote'} {len(modules)} modules in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
