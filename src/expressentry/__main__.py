"""The command line: the one module that reads files, reads the clock and prints.

    expressentry assess PROFILE.json [--on DATE] [--format text|json|markdown]
    expressentry crs PROFILE.json [--on DATE] [--format text|json|markdown]
    expressentry check PROFILE.json [--format text|json]   # validate a profile, summarize it
    expressentry codes validate [KIND] VALUE        # KIND: reference-code, uci, profile-number,
    expressentry codes generate KIND [--seed N]     #       application-number
    expressentry noc search WORD... [--version 2016|2021]   # find a NOC code by title or code
    expressentry example NAME                       # print a shipped example profile
    expressentry schema                             # print the JSON Schema of the format

PROFILE may be ``-`` for standard input; ``--on`` defaults to today. Bad input exits with
status 2 and lists every problem on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import sys
from collections.abc import Sequence, Sized
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from expressentry import __version__
from expressentry.assess import Assessment, assess
from expressentry.codes import (
    IdentifierFormat,
    application_number,
    identify,
    personal_reference_code,
    profile_number,
    uci,
)
from expressentry.crs import CrsResult, crs_for
from expressentry.dated import require_in_force
from expressentry.exceptions import NotInForce, ProfileError, ValidationError, quoted
from expressentry.model import Candidate
from expressentry.noc import NocVersion, search
from expressentry.render import crs_dict, crs_markdown
from expressentry.serialization import (
    from_dict,
    json_schema,
    member_path,
    parse_date,
    parse_json_number,
)

EXIT_OK = 0
EXIT_INVALID_CODE = 1
EXIT_NOT_FOUND = 1  # as grep: nothing matched
EXIT_BAD_INPUT = 2
EXIT_OUTPUT_ERROR = 74  # EX_IOERR: the results could not be written
EXIT_INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug in expressentry, never the user's input

_IDENTIFIERS: dict[str, IdentifierFormat] = {
    "reference-code": personal_reference_code,
    "uci": uci,
    "profile-number": profile_number,
    "application-number": application_number,
}

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


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys given more than once (the last one wins in
    :func:`json.loads`: a value the user wrote would be dropped without a word)."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__()
        self.repeated: list[str] = []
        for key, value in pairs:
            if key in self:
                self.repeated.append(key)
            self[key] = value


def _repeated_keys(document: object) -> list[str]:
    """The JSON path of every key given twice in its object, in document order."""
    found: list[str] = []
    # An explicit stack rather than recursion: the JSON may nest as deep as the parser allows.
    stack: list[tuple[str, object]] = [("$", document)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, _Object):
            found.extend(member_path(where, key) for key in item.repeated)
            stack.extend((member_path(where, key), inner) for key, inner in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend(
                (f"{where}[{index}]", inner) for index, inner in reversed(list(enumerate(item)))
            )
    return found


MAX_PROFILE_BYTES = 10_000_000
"""The largest profile read: a real one is a few kilobytes; a larger file (or /dev/zero) is
refused before it fills the memory."""

_UTF_8_BOM = b"\xef\xbb\xbf"
_UTF_16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF_32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def _read_bytes(source: str, name: str) -> bytes:
    """At most :data:`MAX_PROFILE_BYTES` of ``source``; :class:`_BadInput` beyond."""
    try:
        if source == "-":
            if sys.stdin is None:
                raise _BadInput("cannot read standard input: it is closed")
            # The bytes, decoded as a file is: the terminal's encoding must not change them.
            buffer = getattr(sys.stdin, "buffer", None)
            data: bytes = (
                sys.stdin.read(MAX_PROFILE_BYTES + 1).encode()
                if buffer is None
                else buffer.read(MAX_PROFILE_BYTES + 1)
            )
        else:
            with Path(source).open("rb") as file:
                data = file.read(MAX_PROFILE_BYTES + 1)
    except OSError as exc:
        raise _BadInput(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > MAX_PROFILE_BYTES:
        raise _BadInput(
            f"{name} is too large for a profile: more than {MAX_PROFILE_BYTES:,} bytes"
        )
    return data


def _decode(data: bytes, name: str) -> str:
    """The text of a profile: UTF-8, with or without the byte-order mark some editors write."""
    if data.startswith(_UTF_32_BOMS):  # before UTF-16: a UTF-32 mark starts with one
        raise _BadInput(f"{name} is UTF-32 text: save it as UTF-8")
    if data.startswith(_UTF_16_BOMS):
        raise _BadInput(f"{name} is UTF-16 text: save it as UTF-8")
    try:
        return data.removeprefix(_UTF_8_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _BadInput(
            f"{name} is not UTF-8 text: byte {exc.start + 1} (line {line}) is not UTF-8; "
            "save the file as UTF-8"
        ) from None


MAX_PROBLEMS_SHOWN = 200
"""The problems listed on stderr: beyond, their count (a file of 200,000 unknown keys would
print megabytes)."""


def _source_name(source: str, stdin: str = "standard input") -> str:
    """How messages name a profile's source: its path quoted, or standard input."""
    return stdin if source == "-" else repr(source)


def _read_json(source: str) -> object:
    """The JSON document in ``source`` (a path, or ``-`` for standard input)."""
    name = _source_name(source)
    if not source:
        raise _BadInput("no profile file is named: give a path, or - for standard input")
    text = _decode(_read_bytes(source, name), name)
    if not text.strip():
        raise _BadInput(
            f'{name} is empty: a profile is a JSON object, e.g. {{"schema_version": 1}}'
        )
    try:
        document = json.loads(text, object_pairs_hook=_Object, parse_float=parse_json_number)
    except json.JSONDecodeError as exc:
        raise _BadInput(
            f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise _BadInput(f"{name} is not a profile: its JSON is nested too deeply") from None
    except ValueError:  # the one other failure: an integer of more digits than Python reads
        raise _BadInput(
            f"{name} is not a profile: a number in it has more than "
            f"{sys.get_int_max_str_digits():,} digits"
        ) from None
    return document


def _read_profile(source: str) -> Candidate:
    """The candidate of the profile in ``source``; :class:`ProfileError` listing every problem,
    a key given twice among them (each at its path, beside what the profile's checks find)."""
    document = _read_json(source)
    repeated = [
        (path, "given more than once: give each key once (only the last value would be read)")
        for path in _repeated_keys(document)
    ]
    try:
        candidate = from_dict(document)
    except ProfileError as exc:
        raise ProfileError([*repeated, *exc.problems]) from None
    if repeated:
        raise ProfileError(repeated)
    return candidate


def _count(answer: Sized | None) -> int | str:
    return "not answered" if answer is None else len(answer)


def _unanswered(candidate: Candidate) -> list[str]:
    """The facts left out or null: an empty list is an answer (none), as the engine reads it."""
    return [
        field.name for field in attrs.fields(Candidate) if getattr(candidate, field.name) is None
    ]


def _summary(candidate: Candidate) -> str:
    total = len(attrs.fields(Candidate))
    unanswered = _unanswered(candidate)
    status = candidate.marital_status.value if candidate.marital_status else "not answered"
    lines = [
        "The profile is valid.",
        f"  birth date: {candidate.birth_date or 'not answered'}",
        f"  marital status: {status}",
        f"  language tests: {_count(candidate.language_tests)}",
        f"  credentials: {_count(candidate.education)}",
        f"  jobs: {_count(candidate.work_history)}",
        f"  spouse or partner: {'given' if candidate.spouse else 'none given'}",
        f"  facts answered: {total - len(unanswered)} of {total}",
        f"  not answered: {', '.join(unanswered) or 'none'}",
    ]
    return "\n".join(lines)


def _check(args: argparse.Namespace) -> int:
    if args.format == "text":
        print(_summary(_read_profile(args.profile)))
        return EXIT_OK
    # JSON for a program that validates profiles (a web form's back end): the problems on
    # standard output, each by its path, as the profile's own are.
    try:
        candidate = _read_profile(args.profile)
    except ProfileError as exc:
        problems = exc.problems
    except _BadInput as exc:
        problems = (("$", str(exc)),)
    else:
        answered = len(attrs.fields(Candidate)) - len(_unanswered(candidate))
        print(
            json.dumps(
                {
                    "valid": True,
                    "facts_answered": answered,
                    "facts": len(attrs.fields(Candidate)),
                    "not_answered": _unanswered(candidate),
                },
                indent=2,
            )
        )
        return EXIT_OK
    report = [{"path": path, "message": message} for path, message in problems]
    print(json.dumps({"valid": False, "problems": report}, indent=2, ensure_ascii=False))
    return EXIT_BAD_INPUT


_WHOLE_NUMBER = re.compile(r"[0-9]+")


def _on(text: str) -> date:
    # The profile's one form of a date, with its messages (a day the month does not have).
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _whole_number(least: int) -> Any:
    """An argument type: a whole number in ASCII digits, ``least`` or more."""

    def parse(text: str) -> int:
        # Python reads no number of more than 4,300 digits: such a text is no number here.
        with contextlib.suppress(ValueError):
            if _WHOLE_NUMBER.fullmatch(text) and int(text) >= least:
                return int(text)
        raise argparse.ArgumentTypeError(
            f"{quoted(text)} is not a whole number of {least} or more"
        )

    return parse


def _print_result(result: Any, fmt: str, to_dict: Any, markdown: Any, text: Any) -> None:
    if fmt == "json":
        print(json.dumps(to_dict(result), indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        print(markdown(result))
    else:
        print(text(result))


def _today() -> date:
    """Today in local time: the one read of the clock in the whole library."""
    return datetime.now(timezone.utc).astimezone().date()


def _profile_on(args: argparse.Namespace) -> tuple[Candidate, date]:
    """The candidate of ``args.profile`` and the day to assess it on. A day before the rules
    is told beside the profile's problems, not only once they are fixed."""
    on = args.on or _today()
    try:
        candidate = _read_profile(args.profile)
    except ProfileError:
        try:
            require_in_force(on)
        except NotInForce as early:
            _tell(f"expressentry: {early}")
        raise
    return candidate, on


def _assess(args: argparse.Namespace) -> int:
    candidate, on = _profile_on(args)
    result = assess(candidate, on=on)
    _print_result(
        result,
        args.format,
        Assessment.to_dict,
        Assessment._repr_markdown_,
        Assessment.explain,
    )
    return EXIT_OK


def _crs(args: argparse.Namespace) -> int:
    candidate, on = _profile_on(args)
    result = crs_for(candidate, on=on)
    _print_result(result, args.format, crs_dict, crs_markdown, CrsResult.explain)
    return EXIT_OK


def _codes_validate(args: argparse.Namespace) -> int:
    if args.kind_or_value is None:
        args.parser.error("the following arguments are required: VALUE")
    if args.value is None:  # one argument: the value, of any kind
        return _codes_identify(args.kind_or_value)
    identifier = _IDENTIFIERS.get(args.kind_or_value)
    if identifier is None:
        raise _BadInput(
            f"no identifier kind {quoted(args.kind_or_value)}; the kinds are: "
            f"{', '.join(sorted(_IDENTIFIERS))} (or give the value alone)"
        )
    try:
        # As the kind-less form prints it: the kind, then the displayed form.
        print(f"{args.kind_or_value}: {identifier.format(args.value)}")
    except ValidationError as exc:
        _tell(f"expressentry: invalid: {exc}")
        return EXIT_INVALID_CODE
    return EXIT_OK


def _codes_identify(value: str) -> int:
    """Each kind ``value`` fits with its displayed form, or why it fits none."""
    found = identify(value)
    for kind, identifier in _IDENTIFIERS.items():
        if identifier in found:
            print(f"{kind}: {identifier.format(value)}")
    if found:
        return EXIT_OK
    _tell(f"expressentry: invalid: {quoted(value)} is no identifier the engine knows:")
    for identifier in _IDENTIFIERS.values():
        try:
            identifier.validate(value)
        except ValidationError as exc:
            _tell(f"  {exc}")
    return EXIT_INVALID_CODE


def _codes_generate(args: argparse.Namespace) -> int:
    identifier = _IDENTIFIERS[args.kind]
    rng = random.Random(args.seed)
    for _ in range(args.count):
        print(identifier.format(identifier.generate(rng)))
    return EXIT_OK


def _noc_search(args: argparse.Namespace) -> int:
    query = " ".join(args.words)
    version = NocVersion(args.version)
    try:
        found = search(query, version, language=args.language)
    except ValueError as exc:  # no word in the query, or French titles of NOC 2016
        raise _BadInput(str(exc)) from None
    for unit in found:
        french = args.language == "fr" and unit.title_fr
        print(f"{unit.code} {unit.title_fr}" if french else unit)
    if found:
        return EXIT_OK
    _tell(
        f"expressentry: no {version.label} unit group has every word of {query!r} in its "
        "title (a word matches the start of a title's word: try fewer or shorter words)"
    )
    return EXIT_NOT_FOUND


def _example(args: argparse.Namespace) -> int:
    examples = _example_files()
    if args.name is None:  # no name: the names, one a line
        print("\n".join(sorted(examples)))
        return EXIT_OK
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
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    formats = ("text", "json", "markdown")
    for name, run, help_text in (
        ("assess", _assess, "assess a JSON profile: every program, the FSW grid, the CRS"),
        ("crs", _crs, "the Comprehensive Ranking System score of a JSON profile, line by line"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("profile", help="a JSON profile file, or - for standard input")
        command.add_argument(
            "--on",
            type=_on,
            default=None,
            help="the evaluation date, YYYY-MM-DD (default: today, in local time)",
        )
        command.add_argument("--format", choices=formats, default="text")
        command.set_defaults(run=run, parser=command)
    codes = commands.add_parser("codes", help="validate or generate IRCC identifiers")
    verbs = codes.add_subparsers(dest="verb", required=True, metavar="VERB")
    validate = verbs.add_parser(
        "validate",
        help="validate an identifier and show its form",
        usage="%(prog)s [-h] [KIND] VALUE",
    )
    validate.add_argument(
        "kind_or_value",
        nargs="?",  # so that a call with nothing names VALUE as what is missing
        metavar="[KIND]",
        help=f"one of {', '.join(sorted(_IDENTIFIERS))}; without it, every kind is tried",
    )
    validate.add_argument(
        "value",
        nargs="?",
        metavar="VALUE",
        help="the identifier as written (quote it if it has spaces)",
    )
    validate.set_defaults(run=_codes_validate, parser=validate)
    generate = verbs.add_parser("generate", help="generate well-formed identifiers")
    generate.add_argument("kind", choices=sorted(_IDENTIFIERS))
    # random.Random(-7) is random.Random(7): a seed is 0 or more, so that each gives its own.
    generate.add_argument(
        "--seed", type=_whole_number(0), default=None, help="0 or more, for repeatable output"
    )
    generate.add_argument("--count", type=_whole_number(1), default=1, help="1 or more")
    generate.set_defaults(run=_codes_generate, parser=generate)
    noc = commands.add_parser("noc", help="find NOC unit groups by words of their titles")
    noc_verbs = noc.add_subparsers(dest="verb", required=True, metavar="VERB")
    noc_search = noc_verbs.add_parser(
        "search", help="the unit groups whose title has every word given, with their codes"
    )
    noc_search.add_argument("words", nargs="+", metavar="WORD", help='e.g. "registered nurse"')
    noc_search.add_argument(
        "--version", choices=[version.value for version in NocVersion], default="2021"
    )
    noc_search.add_argument("--language", choices=("en", "fr"), default=None)
    noc_search.set_defaults(run=_noc_search, parser=noc_search)
    check = commands.add_parser("check", help="validate a JSON profile and summarize it")
    check.add_argument("profile", help="a JSON profile file, or - for standard input")
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=(
            "json: {valid, problems: [{path, message}]} or {valid, facts_answered, facts, "
            "not_answered} on stdout"
        ),
    )
    check.set_defaults(run=_check, parser=check)
    example = commands.add_parser("example", help="print a shipped example profile")
    example.add_argument(
        "name",
        nargs="?",
        help="the example's name, e.g. software-engineer-abroad (none: list the names)",
    )
    example.set_defaults(run=_example, parser=example)
    schema = commands.add_parser("schema", help="print the JSON Schema of the profile format")
    schema.set_defaults(run=_schema, parser=schema)
    return parser


def _silence_stdout() -> None:
    """Point stdout at the null device so that Python's final flush cannot fail again."""
    with contextlib.suppress(AttributeError, OSError, ValueError):  # no stdout, or no file
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _tell(message: str) -> None:
    """Write ``message`` to standard error, and nowhere else: ``print`` to a closed stderr
    (None) would write it into the output, and a stderr that cannot be written (a full disk)
    leaves the exit status alone to tell."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):  # ValueError: a closed file
            print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args, unrecognized = _parser().parse_known_args(argv)
    if unrecognized:  # told with the usage of the command given, not the top level's
        args.parser.error(f"unrecognized arguments: {' '.join(unrecognized)}")
    for stream in (sys.stdout, sys.stderr):
        # A key or a value may hold a character the terminal's encoding cannot show: it is
        # escaped, not left to fail the whole output.
        with contextlib.suppress(AttributeError, ValueError):  # no stream, or not a text file
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        status: int = args.run(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a write that fails fails here, not after main has returned
    except ProfileError as exc:
        source = getattr(args, "profile", None)
        named = None if source is None else _source_name(source, "from standard input")
        _tell(exc.report(named, limit=MAX_PROBLEMS_SHOWN))
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (`expressentry assess x.json | head`): not an error of ours.
        _silence_stdout()
        return EXIT_OK
    except (_BadInput, NotInForce) as exc:
        _tell(f"expressentry: {exc}")
        return EXIT_BAD_INPUT
    except OSError as exc:  # the output cannot be written (a full disk, a closed stream)
        _silence_stdout()
        _tell(f"expressentry: cannot write the output: {exc.strerror or exc}")
        return EXIT_OUTPUT_ERROR
    except Exception as exc:  # a bug must not show the user a traceback
        _tell(
            f"expressentry: internal error ({type(exc).__name__}: {exc}); please report it "
            "with the profile that caused it"
        )
        return EXIT_INTERNAL_ERROR
    return status


if __name__ == "__main__":  # pragma: no cover - exercised through the console script
    sys.exit(main())
