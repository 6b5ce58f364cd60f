"""The command line: the one module that reads files and prints.

    python -m expressentry check PROFILE.json      # validate a profile and summarize it
    python -m expressentry example NAME            # print a shipped example profile
    python -m expressentry schema                  # print the JSON Schema of the format

Bad input exits with status 2 and lists every problem on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from expressentry.exceptions import ProfileError
from expressentry.model import Candidate, WorkHistory
from expressentry.serialization import from_dict, json_schema

EXIT_OK = 0
EXIT_BAD_INPUT = 2

_REPO_EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _example_files() -> dict[str, Any]:
    """Shipped example profiles by name (packaged in the wheel, or the checkout's examples/)."""
    packaged = resources.files("expressentry").joinpath("examples")
    folder: Any = packaged if packaged.is_dir() else _REPO_EXAMPLES
    return {
        entry.name.removesuffix(".json"): entry
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    }


class _BadInput(Exception):
    """Input the user must fix; the message is printed as is."""


def _read_json(source: str) -> object:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise _BadInput(f"cannot read {source}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise _BadInput(f"{source} is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _BadInput(
            f"{source} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None


def _answered(value: object) -> bool:
    if value is None:
        return False
    return not (isinstance(value, (tuple, WorkHistory)) and len(value) == 0)


def _summary(candidate: Candidate) -> str:
    fields = attrs.fields(Candidate)
    answered = sum(_answered(getattr(candidate, field.name)) for field in fields)
    status = candidate.marital_status.value if candidate.marital_status else "not answered"
    lines = [
        "The profile is valid.",
        f"  birth date: {candidate.birth_date or 'not answered'}",
        f"  marital status: {status}",
        f"  language tests: {len(candidate.language_tests)}",
        f"  credentials: {len(candidate.education)}",
        f"  jobs: {len(candidate.work_history)}",
        f"  spouse or partner: {'given' if candidate.spouse else 'none given'}",
        f"  facts answered: {answered} of {len(fields)}",
    ]
    return "\n".join(lines)


def _check(args: argparse.Namespace) -> int:
    candidate = from_dict(_read_json(args.profile))
    print(_summary(candidate))
    return EXIT_OK


def _example(args: argparse.Namespace) -> int:
    examples = _example_files()
    if args.name not in examples:
        raise _BadInput(
            f"no example named {args.name!r}; the examples are: {', '.join(sorted(examples))}"
        )
    print(examples[args.name].read_text(encoding="utf-8"), end="")
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="expressentry",
        description="Canada Express Entry eligibility and scores, explained.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate a JSON profile and summarize it")
    check.add_argument("profile", help="a JSON profile file, or - for standard input")
    check.set_defaults(run=_check)
    example = commands.add_parser("example", help="print a shipped example profile")
    example.add_argument("name", help="the example's name, e.g. software-engineer-abroad")
    example.set_defaults(run=_example)
    schema = commands.add_parser("schema", help="print the JSON Schema of the profile format")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except ProfileError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except _BadInput as exc:
        print(f"expressentry: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return status


if __name__ == "__main__":  # pragma: no cover - exercised through the console script
    sys.exit(main())
