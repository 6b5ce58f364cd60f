"""JSON interchange, version 1: ``from_dict``, ``to_dict`` and ``json_schema``.

One cattrs converter turns plain JSON-ready data into the domain types and back. It is strict:
unknown keys, wrong types (a number written as a string, a string where a list belongs) and
out-of-range values are errors, and *every* error is reported at once in a single
:class:`~expressentry.exceptions.ProfileError`, each with its JSON path. Nothing is silently
dropped or coerced, but for two normal forms: a whole number written ``2.0`` is ``2``, and a
valid personal reference code is kept compact (``QK4350881372``). Dates are ISO 8601 strings
(``YYYY-MM-DD`` only), enumerations lower-case strings, country codes upper-case, NOC codes
strings (leading zeros matter), and a work history is a plain list of periods.

>>> profile = {
...     "schema_version": 1,
...     "birth_date": "1996-04-02",
...     "language_tests": [{
...         "kind": "ielts_general_training",
...         "test_date": "2025-01-10",
...         "scores": {"listening": 8.0, "reading": 9.5, "writing": 7.0, "speaking": 7.0},
...     }],
...     "work_history": [{"country": "IN", "start": "2020-01-01", "hours_per_week": "40"}],
...     "hobby": "chess",
... }
>>> from_dict(profile)
Traceback (most recent call last):
...
expressentry.exceptions.ProfileError: 3 problems in the profile:
  $.language_tests[0].scores.reading: 9.5 is not an IELTS General Training band ...
  $.work_history[0].hours_per_week: expected a number, got the string '40'
  $.hobby: unknown key (the profile has no such field)
"""

from __future__ import annotations

import difflib
import enum
import functools
import json
import math
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from expressentry._countries import COUNTRIES
from expressentry.codes import personal_reference_code
from expressentry.exceptions import Problem, ProfileError, quoted
from expressentry.language.scales import NOT_ACCEPTED, SCORE_BOUNDS, Ability, TestKind
from expressentry.model import (
    MAX_DEPENDENT_CHILDREN,
    MAX_HOURS_PER_WEEK,
    MAX_LIST_ITEMS,
    MAX_MONTHS,
    MAX_PROGRAM_YEARS,
    MAX_SETTLEMENT_FUNDS_CAD,
    MAX_TEXT_LENGTH,
    PROVINCE_NAMES,
    Candidate,
    WorkHistory,
    WorkPeriod,
    too_many_items,
)
from expressentry.noc.code import NocCode

__all__ = ["SCHEMA_VERSION", "field_description", "from_dict", "json_schema", "to_dict"]

SCHEMA_VERSION = 1
"""The version of the JSON interchange format this library reads and writes."""

T = TypeVar("T")

_JSON_TYPE_NAMES = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    str: "a string",
    type(None): "null",
}


def _describe(value: object) -> str:
    """How a JSON value looks, for messages: "the string '40'", "a list", ..."""
    if isinstance(value, str):
        return f"the string {quoted(value)}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        number = quoted(value)
        return number if number.startswith("a number") else f"the number {number}"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, dict):  # the command line reads objects into a dict of its own
        return "an object"
    if isinstance(value, list):
        return "a list"
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


class _InputError(ValueError):
    """A value that cannot be structured; its message is shown to the user as is."""


def _expect(kind: str, value: object) -> _InputError:
    return _InputError(f"expected {kind}, got {_describe(value)}")


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _expect("a string", value)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # JSON allows an escaped lone surrogate ("\ud800"); no text can hold one.
        raise _InputError(f"{value!a} holds a lone surrogate, which is not text") from None
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _expect("true or false", value)
    return value


class NearlyWhole(float):
    """A JSON number that reads as a whole number only because a float cannot hold it
    (``1.9999999999999999``): :func:`parse_json_number` keeps its text, so that a count is
    refused rather than rounded to 2 without a word (a sum of money may take the float)."""

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str) -> NearlyWhole:
        number = super().__new__(cls, text)
        number.text = text
        return number


def parse_json_number(text: str) -> float:
    """``json.loads``'s ``parse_float`` for profiles: the float of ``text``, as a
    :class:`NearlyWhole` when the float is whole and the number written is not.

    >>> from_dict({"schema_version": 1, "dependent_children": json.loads(
    ...     "1.9999999999999999", parse_float=parse_json_number)})
    Traceback (most recent call last):
    expressentry.exceptions.ProfileError: 1 problem in the profile:
      $.dependent_children: expected a whole number, got 1.9999999999999999
    """
    number = float(text)
    if number.is_integer() and math.isfinite(number) and Decimal(text) != Decimal(number):
        return NearlyWhole(text)
    return number


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, NearlyWhole):
        written = Decimal(value.text)
        if written == written.to_integral_value():  # 1e308: whole, but no float holds it
            raise _InputError(f"{value.text} is too large to be read exactly as a whole number")
        raise _InputError(f"expected a whole number, got {value.text}")
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float):
            _check_finite(value)
            if value.is_integer():
                return int(value)
        raise _expect("a whole number", value)
    return value


def _structure_float(value: object, _: type) -> float:
    # An int is a valid float in JSON and stays an int, so "7" round-trips as 7, not 7.0.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _expect("a number", value)
    if isinstance(value, int):
        try:
            float(value)  # what every comparison with a float does to it
        except OverflowError:
            raise _InputError(f"{quoted(value)} {_beyond_floats(value < 0)}") from None
        return value
    _check_finite(value)
    return float(value) if type(value) is NearlyWhole else value  # a plain float is kept


def _check_finite(value: float) -> None:
    if math.isnan(value):
        raise _InputError("NaN is not a finite number")
    if math.isinf(value):  # JSON has no infinity: a literal such as 1e400 reads as one
        raise _InputError(f"the number {_beyond_floats(value < 0)}")


def _beyond_floats(negative: bool) -> str:
    """What is wrong with a number no float holds, by its sign."""
    return (
        "is too far below zero to read (below about -1.8e308)"
        if negative
        else "is too large to read (above about 1.8e308)"
    )


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""The one form of a date the format (and the command line's ``--on``) takes:
``date.fromisoformat`` also reads ``20250301`` and ``2025-W09-6``, which the schema and the
documentation do not allow."""


def parse_date(text: str) -> date:
    """The date ``text`` writes as YYYY-MM-DD; :class:`ValueError` says what is wrong with it
    (the form, or a day, month or year the calendar does not have).

    >>> parse_date("2026-02-30")
    Traceback (most recent call last):
    ...
    ValueError: '2026-02-30' is not a date: 2026-02 has no day 30
    """
    if not ISO_DATE.fullmatch(text):
        raise ValueError(
            f"{quoted(text)} is not a date: write it as YYYY-MM-DD, e.g. '2025-03-01'"
        )
    try:
        return date.fromisoformat(text)  # the common case, in C
    except ValueError:
        pass
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
    if not year:
        raise ValueError(f"{text!r} is not a date: the years start at 0001")
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r} is not a date: there is no month {month:02}")
    raise ValueError(f"{text!r} is not a date: {text[:7]} has no day {day:02}")


def _structure_date(value: object, _: type) -> date:
    if not isinstance(value, str):
        raise _expect("an ISO 8601 date such as '2025-03-01'", value)
    try:
        return parse_date(value)
    except ValueError as exc:
        raise _InputError(str(exc)) from None


def _structure_noc(value: object, _: type) -> NocCode:
    if not isinstance(value, str):
        raise _expect("a NOC code written as a string, e.g. '21231'", value)
    return NocCode(value)


_SYNONYMS = {"single": "never_married", "separated": "legally_separated"}
"""Words people write for a value under another name: a hint in the message, never read as
the value itself."""


_PROVINCE_CODES = {
    name.casefold().removeprefix("the "): province.value
    for province, name in PROVINCE_NAMES.items()
}
"""Each province's code by its name ("Ontario" is 'on'): a hint, never read as the value."""


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in enum_type}
    choices = ", ".join(repr(value) for value in by_value)
    # The provinces, and the authorities that issue certificates, are coded by province.
    by_name = {name: code for name, code in _PROVINCE_CODES.items() if code in by_value}

    def structure(value: object, _: type) -> enum.Enum:
        member = by_value.get(value) if isinstance(value, str) else None
        if member is not None:
            return member
        if enum_type is TestKind and isinstance(value, str) and value in NOT_ACCEPTED:
            raise _InputError(NOT_ACCEPTED[value])
        hint = ""
        if isinstance(value, str):
            lower = value.strip().lower().replace(" ", "_").replace("-", "_")
            lower = _SYNONYMS.get(lower, lower)
            named = " ".join(value.casefold().split()).removeprefix("the ")
            lower = by_name.get(named, lower)
            hint = (
                f"; write it {lower!r}"
                if lower in by_value
                else _near(value, list(by_value)) or _starting(lower, list(by_value))
            )
        raise _InputError(f"expected one of {choices}; got {_describe(value)}{hint}")

    return structure


def _is_tuple(type_: Any) -> bool:
    return typing.get_origin(type_) is tuple


def _is_optional(type_: Any) -> bool:
    return typing.get_origin(type_) in (typing.Union, types.UnionType) and type(None) in (
        typing.get_args(type_)
    )


def _answered_type(type_: Any) -> Any:
    """The type of an optional field when it is answered (``X`` of ``X | None``)."""
    (inner,) = [arg for arg in typing.get_args(type_) if arg is not type(None)]
    return inner


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def member_path(path: str, key: str) -> str:
    """The JSON path of ``key`` in the object at ``path``: ``$.a`` for a plain name, and
    ``$["a.b"]`` for one that would read as another path."""
    return f"{path}.{key}" if _NAME.fullmatch(key) else f"{path}[{json.dumps(key)}]"


_KEYS_MATCHED = 100
"""The unknown keys of an object whose "did you mean" is looked for (in natural order)."""


def _unknown_key(path: str, key: str, fields: list[str]) -> Problem:
    """The problem of an unknown key: a key too long to be a misspelt field is shown by its
    start and its length, not echoed whole into every line that quotes the path."""
    if len(key) <= MAX_TEXT_LENGTH:
        return member_path(path, key), "unknown key (the profile has no such field)" + _near(
            key, fields
        )
    return (
        f"{path}[{json.dumps(key[:40] + '...')}]",
        f"unknown key of {len(key):,} characters (the profile has no such field)",
    )


_MEANT = {"type": "kind"}
"""Names people write for a field under another word: a test's "type" is its kind."""


def _near(given: str, known: list[str]) -> str:
    """``; did you mean 'x'?`` for the known name closest to a misspelt one, if any is close."""
    # Case aside first: "Schema_Version" is schema_version, however far apart its letters.
    same = [name for name in known if name.casefold() in (given.casefold(), _MEANT.get(given))]
    close = same or difflib.get_close_matches(given, known, n=1, cutoff=0.75)
    if close:
        return f"; did you mean {close[0]!r}?"
    # A name cut short ("hours" for hours_per_week, "date" for test_date or result_date):
    # the names that hold each of its words, if one to three do.
    words = set(re.split(r"[\W_]+", given.casefold())) - {""}
    found = [name for name in known if words and words <= set(name.split("_"))]
    if not 1 <= len(found) <= 3:
        return ""
    return f"; did you mean {' or '.join(repr(name) for name in found)}?"


def _starting(given: str, known: list[str]) -> str:
    """``; did you mean 'a' or 'b'?`` for the known values that begin with the word given
    (``open`` for ``open_work_permit``), if there are one to three of them."""
    found = [value for value in known if given and value.startswith(given + "_")]
    if not 1 <= len(found) <= 3:
        return ""
    return f"; did you mean {' or '.join(repr(value) for value in found)}?"


def _natural_order(keys: set[str]) -> list[str]:
    """Unknown keys in natural order (``k2`` before ``k10``), as a reader counts them."""
    return sorted(
        keys,
        # The split alternates text and runs of ASCII digits: the runs compare as numbers.
        key=lambda key: [
            int(part) if index % 2 else part
            for index, part in enumerate(re.split(r"([0-9]+)", key))
        ],
    )


def _problems(exc: BaseException, path: str = "$") -> list[Problem]:
    """Flatten a structuring failure into ``(json path, message)`` pairs."""
    if isinstance(exc, ProfileError):
        return list(exc.under(path).problems)
    if isinstance(exc, ForbiddenExtraKeysError):
        fields = [field.name for field in attrs.fields(exc.cl)]
        if exc.cl is Candidate:  # the profile's own key, read before the candidate's
            fields.append("schema_version")
        # A key that is not a string can only come from Python (JSON keys are strings).
        keys = {key for key in exc.extra_fields if isinstance(key, str)}
        # Close names are looked for among the first keys only: each look costs 40 µs, and a
        # file of a million unknown keys is no list of misspellings.
        return [
            _unknown_key(path, key, fields if order < _KEYS_MATCHED else [])
            for order, key in enumerate(_natural_order(keys))
        ] + [
            (path, f"expected keys that are strings, got a key that is {_describe(key)}")
            for key in exc.extra_fields
            if key not in keys
        ]
    if isinstance(exc, ClassValidationError):
        # Lists are structured by our own hook, which reports a ProfileError with indices.
        with_notes, without = exc.group_exceptions()
        found = [
            problem
            for sub, note in with_notes
            for problem in _problems(sub, f"{path}.{note.name}")
        ]
        return found + [problem for sub in without for problem in _problems(sub, path)]
    if isinstance(exc, KeyError):
        return [(path, "required but missing")]
    return [(path, str(exc))]


_STAND_INS: dict[Any, tuple[object, object]] = {
    date: ("2000-01-01", "2020-06-30"),
    str: ("CA", "FR"),
    float: (1, 40),
}
"""Two JSON values of each type that required fields take, to run an object's other checks
while a required field of it is wrong (dates in the range every check accepts, two country
codes, two counts of hours). An enumeration takes its first and last members."""


_TYPE_HINTS: dict[type, dict[str, Any]] = {}


def _type_hints(cls: type) -> dict[str, Any]:
    """A class's field types, read once: reading them evaluates every annotation again, which
    cost half the time of collecting the problems of a long list of bad items."""
    hints = _TYPE_HINTS.get(cls)
    if hints is None:
        hints = _TYPE_HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _stand_ins_of(type_: Any) -> tuple[object, object] | None:
    if _is_tuple(type_):  # a list that must be answered (the spouse's tests): none given
        return [], []
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        members = list(type_)
        return members[0].value, members[-1].value
    return _STAND_INS.get(type_)


def _item_type(kind: Any) -> Any:
    """The item type of a list field's type (``tuple[X, ...]``, ``WorkHistory``, optional);
    ``None`` for a field that is not a list."""
    if _is_optional(kind):
        return _item_type(_answered_type(kind))
    if kind is WorkHistory:
        return WorkPeriod
    return typing.get_args(kind)[0] if _is_tuple(kind) else None


_INDEXED = re.compile(r"^\$\.(\w+)\[(\d+)\]")
_FIELD = re.compile(r"^\$\.(\w+)")


def _at_given_indices(problems: list[Problem], origins: Mapping[str, list[int]]) -> list[Problem]:
    """``problems`` found on lists reduced to their items that structure, with each item's
    path at its index in the list as given (``origins``: per field, the given index of each
    item kept)."""
    if not origins:
        return problems
    moved = []
    for path, message in problems:
        match = _INDEXED.match(path)
        if match is not None and match.group(1) in origins:
            index = origins[match.group(1)][int(match.group(2))]
            path = f"$.{match.group(1)}[{index}]{path[match.end() :]}"
        moved.append((path, message))
    return moved


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(date, _structure_date)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_structure_hook(NocCode, _structure_noc)
    converter.register_unstructure_hook(NocCode, str)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _: lambda member: member.value,
    )

    def tuple_hook(type_: Any) -> Callable[[object, type], tuple[object, ...]]:
        (item_type, _ellipsis) = typing.get_args(type_)

        def structure(value: object, _: type) -> tuple[object, ...]:
            if value is None:  # not answered, as when left out: no test, no credential given
                return ()
            # cattrs would iterate a string or an object's keys; JSON wants an array here.
            if not isinstance(value, list):
                raise _expect("a list", value)
            if len(value) > MAX_LIST_ITEMS:
                raise ProfileError([("$", too_many_items(len(value)))])
            items: list[object] = []
            problems: list[Problem] = []
            for index, item in enumerate(value):
                try:
                    items.append(converter.structure(item, item_type))
                except Exception as exc:  # every failure becomes a reported problem
                    problems.extend(_problems(exc, f"$[{index}]"))
            if problems:
                raise ProfileError(problems)
            return tuple(items)

        return structure

    converter.register_structure_hook_factory(_is_tuple, tuple_hook)

    def optional_hook(type_: Any) -> Callable[[object, type], object]:
        # Resolve the inner hook once, instead of dispatching on every value as cattrs does.
        inner_type = _answered_type(type_)
        inner = converter.get_structure_hook(inner_type)
        return lambda value, _: None if value is None else inner(value, inner_type)

    converter.register_structure_hook_factory(_is_optional, optional_hook)

    def structure_work_history(value: object, _: type) -> WorkHistory:
        return WorkHistory(periods=converter.structure(value, tuple[WorkPeriod, ...]))

    converter.register_structure_hook(WorkHistory, structure_work_history)
    converter.register_unstructure_hook(
        WorkHistory, lambda history: [converter.unstructure(p) for p in history.periods]
    )

    def _stood_in(
        kind: Any, given: object, *, required: bool = False
    ) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """Two stand-ins for an object of ``kind`` that failed: the object as given, its fields
        that fail replaced by their own stand-ins (an optional one by "not answered") and its
        unknown keys left out, so that the checks that read its other fields (the bands of
        the other scores, a job's start beside the birth date) still run; ``None`` when a
        field cannot be stood in for."""
        if not attrs.has(kind) or kind in (NocCode, WorkHistory):  # those are not objects
            return None
        if not isinstance(given, dict):
            if not required:
                return None  # an optional object given wrong is left out, as not answered
            given = {}  # scores given as a list, say: every field stands in
        inner = _type_hints(kind)
        sides: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
        for field in attrs.fields(kind):
            if field.name not in given and field.default is not attrs.NOTHING:
                continue  # left out, as given: its default
            try:
                if field.name not in given:
                    raise KeyError(field.name)
                converter.structure(given[field.name], inner[field.name])
            except Exception:  # wrong or left out: stood in for, if it can be
                pair: tuple[object, object] | None = (
                    (None, None)
                    if _is_optional(inner[field.name])
                    else _stand_ins_of(inner[field.name])
                )
                if pair is None:
                    return None
                for side, stand_in in zip(sides, pair, strict=True):
                    side[field.name] = stand_in
            else:
                for side in sides:
                    side[field.name] = given[field.name]
        # A field of the right type may still fail the object's own checks (-5 hours a week):
        # stood in for too, so that a bad value in a list item does not hide the checks of
        # the profile around it. (Each check names its field, and the stand-ins pass them.)
        for name in _failing_fields(kind, sides):
            pair = (None, None) if _is_optional(inner[name]) else _stand_ins_of(inner[name])
            if pair is None:  # an object (a test's scores): the item is left out
                return None
            for side, stand_in in zip(sides, pair, strict=True):
                side[name] = stand_in
        return sides

    def _failing_fields(kind: Any, sides: tuple[dict[str, Any], dict[str, Any]]) -> set[str]:
        """The fields of ``kind`` whose values the object's own checks refuse in either
        stand-in (none when both structure)."""
        failing: set[str] = set()
        for side in sides:
            try:
                converter.structure(side, kind)
            except Exception as exc:  # the object's own checks, each by its field's path
                failing.update(
                    match.group(1) for path, _ in _problems(exc) if (match := _FIELD.match(path))
                )
        return failing

    def attrs_structure(cls: type[Any]) -> Callable[[Mapping[str, Any], Any], Any]:
        generated = make_dict_structure_fn(cls, converter)
        names = frozenset(field.name for field in attrs.fields(cls))
        hints = _type_hints(cls)
        # For a required field that fails, two stand-ins to check the others against.
        stand_ins = {
            field.name: _stand_ins_of(hints[field.name])
            for field in attrs.fields(cls)
            if field.default is attrs.NOTHING
        }

        def structure(value: object, type_: Any) -> Any:
            if not isinstance(value, dict):
                raise _expect("an object", value)
            try:
                return generated(value, type_)
            except ClassValidationError as exc:
                found = _problems(exc)
                raise ProfileError(found + _own_checks(value, type_, exc, found)) from None

        def _object_stand_ins(name: str, value: dict[str, Any]) -> tuple[object, object] | None:
            """Two stand-ins for an object field that failed (a test's ``scores``, a spouse)."""
            kind = hints[name]
            if _is_optional(kind):  # a spouse, a nomination: the object, when given
                kind = _answered_type(kind)
            return _stood_in(kind, value.get(name), required=name in stand_ins)

        def _own_checks(
            value: dict[str, Any], type_: Any, exc: ClassValidationError, found: list[Problem]
        ) -> list[Problem]:
            """The object's own checks (blank text, a country code, a count, dates in order),
            run again on the fields that did structure: a bad field must not hide the others.
            (``found``: the problems of ``exc``, which are not told twice.)"""
            failed = {note.name for _, note in exc.group_exceptions()[0]}
            rest = {key: item for key, item in value.items() if key in names - failed}
            # A field that failed is reported once, by its own problem.
            failed_paths = {f"$.{name}" for name in failed}
            variants: list[dict[str, Any]] = [rest]
            required = [name for name in stand_ins if name in failed]  # wrong or left out
            pairs = [
                (name, pair)
                for name in required
                if (pair := stand_ins[name] or _object_stand_ins(name, value)) is not None
            ]
            # An optional field that failed stands in by its parts that do structure: the
            # items of a list that do (the checks that compare a job with the birth date must
            # not wait for another job's hours), an object's fields with stand-ins (a spouse
            # whose status is mistyped is still a spouse of a never-married candidate).
            origins: dict[str, list[int]] = {}
            for name in sorted(failed - set(stand_ins)):
                given = value.get(name)
                item_type = _item_type(hints[name])
                if isinstance(given, list) and len(given) > MAX_LIST_ITEMS:
                    continue  # refused whole, its items unread
                if isinstance(given, list) and item_type is not None:
                    origins[name], sides = _items_stood_in(item_type, given)
                    pairs.append((name, sides))
                elif (pair := _object_stand_ins(name, value)) is not None:
                    pairs.append((name, pair))
                else:
                    continue
                # Its parts are its own: what the checks find of the field as a whole (a
                # spouse beside "never married") is reported, not taken for its own problem.
                failed_paths.discard(f"$.{name}")
            if pairs and len(pairs) >= len(required):
                # A required field that failed would stop the object's own checks: run them
                # with two stand-ins for it, and keep what both find (a check that reads the
                # field finds different things, or nothing, and waits for it to be fixed).
                variants = [rest | {name: pair[side] for name, pair in pairs} for side in (0, 1)]
            kept: list[Problem] | None = None
            for variant in variants:
                try:
                    generated(variant, type_)
                except Exception as own:  # the checks that failed
                    problems = [
                        p
                        for p in _at_given_indices(_problems(own), origins)
                        if p not in found and p[0] not in failed_paths
                    ]
                else:  # only unknown keys (or the stood-in fields) failed
                    problems = []
                kept = problems if kept is None else [p for p in kept if p in problems]
            assert kept is not None  # one variant at least
            return kept

        def _items_stood_in(
            item_type: Any, given: list[Any]
        ) -> tuple[list[int], tuple[list[Any], list[Any]]]:
            """The items of a list that failed, as two stand-ins: each item that structures as
            given, each that fails stood in for if it can be (and left out if not), with the
            index of each item kept in the list as given."""
            kept: list[int] = []
            sides: tuple[list[Any], list[Any]] = ([], [])
            for index, item in enumerate(given):
                try:
                    converter.structure(item, item_type)
                except Exception:  # reported by the item's own problem
                    pair: tuple[Any, Any] | None = _stood_in(item_type, item)
                    if pair is None:
                        continue
                else:
                    pair = (item, item)
                kept.append(index)
                sides[0].append(pair[0])
                sides[1].append(pair[1])
            return kept, sides

        return structure

    def attrs_unstructure(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
        return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)

    converter.register_structure_hook_factory(attrs.has, attrs_structure)
    converter.register_unstructure_hook_factory(attrs.has, attrs_unstructure)
    return converter


_CONVERTER = _make_converter()


def from_dict(data: object) -> Candidate:
    """Build a :class:`~expressentry.model.Candidate` from JSON-ready data.

    Raises :class:`~expressentry.exceptions.ProfileError` listing every problem by JSON path.

    >>> candidate = from_dict({"schema_version": 1, "birth_date": "1990-05-17"})
    >>> candidate.birth_date
    datetime.date(1990, 5, 17)
    """
    if not isinstance(data, dict):
        raise ProfileError([("$", f"a profile is a JSON object, got {_describe(data)}")])
    version = data.get("schema_version")
    # true equals 1 in Python, but it is not a number: refused as every whole-number field
    # refuses it (a whole number written 1.0 is taken, as those fields take it).
    if isinstance(version, bool) or version != SCHEMA_VERSION:
        message = (
            f'required but missing: add "schema_version": {SCHEMA_VERSION}'
            if "schema_version" not in data
            else f"this library reads version {SCHEMA_VERSION}, got {_describe(version)}"
        )
        problems: list[Problem] = [("$.schema_version", message)]
        try:
            _CONVERTER.structure(_without_version(data), Candidate)
        except Exception as exc:  # report the other problems alongside
            problems.extend(_problems(exc))
        raise ProfileError(problems)
    try:
        return _CONVERTER.structure(_without_version(data), Candidate)
    except Exception as exc:  # every failure becomes a reported problem
        raise ProfileError(_problems(exc)) from None


def _without_version(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "schema_version"}


def to_dict(candidate: Candidate) -> dict[str, Any]:
    """The JSON-ready form of ``candidate``; ``from_dict(to_dict(c)) == c``.

    Facts that are not answered are left out.

    >>> to_dict(from_dict({"schema_version": 1, "dependent_children": 2}))
    {'schema_version': 1, 'dependent_children': 2}

    Only a candidate is a profile: an assessment or a test has a ``to_dict`` of its own.

    >>> to_dict({"dependent_children": 2})
    Traceback (most recent call last):
    ...
    TypeError: to_dict takes a Candidate, got dict (... has a to_dict() method of its own)
    """
    if type(candidate) is not Candidate:  # cattrs would write anything, marked a profile
        raise TypeError(
            f"to_dict takes a Candidate, got {type(candidate).__name__} (an Assessment, a "
            "Verdict or a CrsResult has a to_dict() method of its own)"
        )
    unstructured: dict[str, Any] = _CONVERTER.unstructure(candidate)
    return {"schema_version": SCHEMA_VERSION, **unstructured}


# --- JSON Schema -------------------------------------------------------------------------

_PRIMITIVE_SCHEMAS: dict[object, dict[str, Any]] = {
    # Not blank, and none of the characters the model refuses in text: the controls (Cc),
    # the line and paragraph separators and the bidirectional embeddings, overrides and
    # isolates (model._check_text; [^...] and \\u escapes read alike in ECMA and Python).
    str: {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_TEXT_LENGTH,
        "pattern": (
            "^(?=.*\\S)"
            "[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*$"
        ),
    },
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    # [0-9], not \d: a validator in another language may take \d for any Unicode digit.
    date: {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    NocCode: {"type": "string", "pattern": "^([0-9]{4}|[0-9]{5})$"},
}

(_REFERENCE_CODE_SHAPE,) = personal_reference_code.shapes  # one shape: its pattern below

_FIELD_SCHEMAS: dict[str, dict[str, Any]] = {
    "country": {"type": "string", "enum": sorted(COUNTRIES)},
    "issuing_country": {"type": "string", "enum": sorted(COUNTRIES)},
    "hours_per_week": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_HOURS_PER_WEEK},
    # Each test's own scale is checked by the reader: 0 to 699 holds every scale (TEF, TCF).
    **{
        ability.value: {"type": "number", "minimum": int(lowest), "maximum": int(highest)}
        for lowest, highest in [SCORE_BOUNDS]
        for ability in Ability
    },
    "dependent_children": {"type": "integer", "minimum": 0, "maximum": MAX_DEPENDENT_CHILDREN},
    "settlement_funds_cad": {"type": "integer", "minimum": 0, "maximum": MAX_SETTLEMENT_FUNDS_CAD},
    "months_studied_in_canada": {"type": "integer", "minimum": 0, "maximum": MAX_MONTHS},
    "duration_months": {"type": "integer", "minimum": 1, "maximum": MAX_MONTHS},
    "program_years": {"type": "integer", "minimum": 1, "maximum": MAX_PROGRAM_YEARS},
    # The one shape of the code, as people type it (codes.py keeps the format).
    "personal_reference_code": {
        "type": "string",
        "pattern": _REFERENCE_CODE_SHAPE.typed_pattern,
    },
}


def _type_schema(type_: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    if _is_optional(type_):
        inner = _answered_type(type_)
        if _is_tuple(inner):  # a list's schema takes null already
            return _type_schema(inner, definitions)
        return {"anyOf": [_type_schema(inner, definitions), {"type": "null"}]}
    if _is_tuple(type_):  # null reads as the list left out (not answered)
        items = _type_schema(typing.get_args(type_)[0], definitions)
        array = {"type": "array", "items": items, "maxItems": MAX_LIST_ITEMS}
        return {"anyOf": [array, {"type": "null"}]}
    if type_ is WorkHistory:
        items = _type_schema(WorkPeriod, definitions)
        return {"type": "array", "items": items, "maxItems": MAX_LIST_ITEMS}
    if type_ in _PRIMITIVE_SCHEMAS:
        return dict(_PRIMITIVE_SCHEMAS[type_])
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {"type": "string", "enum": [member.value for member in type_]}
    if attrs.has(type_):
        name = type_.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder: stops recursion through the same type
            definitions[name] = _class_schema(type_, definitions)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {type_!r}")  # pragma: no cover - a new field type


def _class_schema(cls: type[Any], definitions: dict[str, Any]) -> dict[str, Any]:
    hints = _type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        field_schema = _type_schema(hints[field.name], definitions)
        if field.name in _FIELD_SCHEMAS:
            override = dict(_FIELD_SCHEMAS[field.name])
            field_schema = (
                {"anyOf": [override, {"type": "null"}]} if "anyOf" in field_schema else override
            )
        # The model's own words (model._about): every field has them (a test enforces it).
        field_schema = {"description": field.metadata["description"], **field_schema}
        properties[field.name] = field_schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().split("\n\n")[0],
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the profile format, derived from the domain types.

    >>> schema = json_schema()
    >>> schema["properties"]["schema_version"]["const"]
    1
    >>> schema["$defs"]["LanguageTest"]["required"]
    ['kind', 'test_date', 'scores']
    """
    definitions: dict[str, Any] = {}
    root = _class_schema(Candidate, definitions)
    version = {
        "description": f"The version of this format: {SCHEMA_VERSION}, the one this library "
        "reads. Required.",
        "const": SCHEMA_VERSION,
    }
    root["properties"] = {"schema_version": version, **root["properties"]}
    root["required"] = ["schema_version"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://expressentry.readthedocs.io/schema/v{SCHEMA_VERSION}.json",
        "title": "Express Entry candidate profile",
        **root,
        "$defs": dict(sorted(definitions.items())),
    }


_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def field_description(path: str) -> str | None:
    """The JSON Schema description of the profile field at ``path`` (a JSON path, as the
    findings name the facts they miss), or ``None`` if no field is there.

    >>> field_description("$.work_history[0].paid").split(":")[0]
    'Whether the work was paid (wages or commission)'
    >>> field_description("$.hobby") is None
    True
    """
    steps = _STEP.findall(path, 1)
    written = "".join(f".{name}" if name else f"[{index}]" for name, index in steps)
    if not steps or not path.startswith("$") or written != path[1:]:
        return None  # not a path to a field (the whole profile has no description of its own)
    schema = _profile_schema()
    node: Mapping[str, Any] = schema
    for name, _index in steps:
        inner = _concrete(node, schema)
        found = inner.get("properties", {}).get(name) if name else inner.get("items")
        if found is None:
            return None
        node = found
    description: str | None = node.get("description")
    return description


_ITEM_WORDS: Mapping[str, str] = {
    "work_history": "job",
    "education": "credential",
    "job_offers": "job offer",
    "language_tests": "language test",
    "certificates_of_qualification": "certificate of qualification",
}
_LIST_ITEM = re.compile(r"\.([a-z_]+)\[(\d+)\]")


def item_name(path: str) -> str | None:
    """The list item the fact at ``path`` belongs to, in words, or ``None`` for a fact of the
    profile itself.

    >>> item_name("$.job_offers[1].lmia"), item_name("$.spouse.education[0].full_time")
    ('job offer 2', "the spouse's or partner's credential 1")
    >>> item_name("$.sibling_in_canada") is None
    True
    """
    found = _LIST_ITEM.search(path)
    if found is None:
        return None
    whose = "the spouse's or partner's " if path.startswith("$.spouse") else ""
    return f"{whose}{_ITEM_WORDS.get(found[1], found[1])} {int(found[2]) + 1}"


def lower_first(text: str) -> str:
    """``text`` with its first word in lower case, unless it is an acronym (``NOC``)."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


@functools.lru_cache(maxsize=512)  # the same few facts are missing from most profiles
def fact_words(path: str) -> str:
    """The fact at ``path`` in a few words, the start of its description in the profile
    format: what a sentence names when it says the fact is not answered (``path`` itself for
    a path the format does not have).

    >>> fact_words("$.job_offers[0].full_time"), fact_words("$.job_offers[0].noc")
    ('whether the work offered is full time', 'the NOC code of the job offered')
    >>> fact_words("$.hobby")
    '$.hobby'
    """
    description = field_description(path)
    if description is None:
        return path
    return lower_first(re.split(r"[:;(,]|\. ", description, maxsplit=1)[0].strip().rstrip("."))


_TO_YOU: Final = (
    ("of the candidate or of the spouse", "of yours or of your spouse"),
    ("of the candidate", "of yours"),
    ("the candidate's are", "yours are"),
    ("with the candidate", "with you"),
    ("the candidate declares", "you declare"),
    ("the candidate has", "you have"),
    ("the candidate meets", "you meet"),
    ("the candidate plans", "you plan"),
    ("the candidate was", "you were"),
    ("the candidate works", "you work"),
    ("the candidate", "you"),  # "may", "can": the verb is the same
)
"""The profile format's descriptions speak of "the candidate"; an item speaks to the user. The
longer phrases come first (a test checks that no question keeps "the candidate")."""


def in_second_person(clause: str) -> str:
    """A field's description addressed to the user, as the completeness items and the
    questionnaire speak: ``whether the candidate meets`` → ``whether you meet``.

    >>> in_second_person("whether the candidate meets the employment requirements")
    'whether you meet the employment requirements'
    """
    if "candidate" in clause:  # few descriptions do
        for third, second in _TO_YOU:
            clause = clause.replace(third, second)
    return clause


def facts_in_words(paths: Iterable[str], *, items: bool = True) -> str:
    """The facts at ``paths`` in words, grouped by the list item each belongs to (unless
    ``items`` is false: the sentence names the one item already).

    >>> for part in facts_in_words(["$.education[0].full_time", "$.education[1].program_years"]
    ...                            ).split("; "):
    ...     print(part)
    for credential 1, whether the program was studied full time
    for credential 2, the length of the program of study
    >>> print(facts_in_words(["$.job_offers[0].noc", "$.job_offers[0].lmia"], items=False))
    the NOC code of the job offered and whether the offer rests on a Labour Market Impact
    Assessment
    """
    groups: dict[str | None, list[str]] = {}
    for path in dict.fromkeys(paths):
        groups.setdefault(item_name(path) if items else None, []).append(fact_words(path))
    return "; ".join(
        _listed(words) if item is None else f"for {item}, {_listed(words)}"
        for item, words in groups.items()
    )


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


@functools.cache
def _profile_schema() -> dict[str, Any]:
    return json_schema()


def _concrete(node: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """``node`` with its reference followed and its "or null" left out: the object or array
    whose properties or items a path goes on into."""
    while True:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in node:
            node = next(option for option in node["anyOf"] if option.get("type") != "null")
        else:
            return node
