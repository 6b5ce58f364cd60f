"""The identifiers IRCC gives an Express Entry candidate, and how long a reference code lasts.

Each identifier is an :class:`IdentifierFormat` with the verbs of python-stdnum:

- ``compact(value)`` removes whitespace and dashes and upper-cases the ASCII letters;
- ``validate(value)`` returns the compact form, or raises
  :class:`~expressentry.exceptions.InvalidLength`, :class:`~expressentry.exceptions.InvalidFormat` or
  :class:`~expressentry.exceptions.InvalidComponent` with a message that says what was expected
  and what was found;
- ``is_valid(value)`` answers ``True`` or ``False`` for any value of any type, and never raises;
- ``format(value)`` gives the form IRCC displays (it validates first);
- ``generate(rng)`` makes a well-formed code from the given :class:`random.Random` only.

How sure each format is (rules.md §7; none has a published check digit):

- :data:`personal_reference_code`: 2 letters then 10 digits (``QK4350881372``). High.
- :data:`uci`: 8 digits shown ``0000-0000`` or 10 digits shown ``00-0000-0000``. High.
- :data:`application_number`: a letter then 9 digits (``W993830598``). Medium: one secondary
  source citing IRCC.
- :data:`profile_number`: ``E`` then 9 digits (``E003104119``). Medium: one site shows ``E`` and
  10 digits while saying nine; the engine refuses it.

The Job Seeker Validation Code is deliberately absent: the sources disagree on its shape (4 digits,
4 to 8 letters or digits, or 10 digits; confidence low), so any validator would either refuse
real codes or accept anything. Keep it as opaque text until IRCC documents it.

>>> personal_reference_code.validate("QK4350881372")
'QK4350881372'
>>> personal_reference_code.validate("qk 4350 881372")
'QK4350881372'
>>> personal_reference_code.validate("Q14350881372")
Traceback (most recent call last):
  ...
expressentry.exceptions.InvalidFormat: a personal reference code is 12 characters (2 letters then 10 digits); 'Q14350881372' has '1' at position 2, where a letter (A-Z) belongs
>>> uci.format("1234567890"), uci.format("1234 5678")
('12-3456-7890', '1234-5678')
>>> uci.validate("123456789")
Traceback (most recent call last):
  ...
expressentry.exceptions.InvalidLength: a UCI has 8 digits (shown 0000-0000) or 10 digits (shown 00-0000-0000); '123456789' has 9
>>> profile_number.is_valid("E003104119"), profile_number.is_valid("E0008563912")
(True, False)
>>> application_number.validate("w 993 830 598")
'W993830598'
>>> [identifier.confidence for identifier in IDENTIFIER_FORMATS]
['high', 'high', 'med', 'med']

A personal reference code lasts 60 days after the day it is issued (policy P22):

>>> from datetime import date
>>> reference_code_expiry(date(2026, 11, 29))
datetime.date(2027, 1, 28)
"""  # noqa: E501

from __future__ import annotations

import random
import re
import string
from datetime import date
from itertools import groupby
from typing import Literal

import attrs

from expressentry.dated import (
    EXPRESS_ENTRY_LAUNCH,
    Citation,
    Dated,
    DatedTable,
    add_days,
    day_of,
)
from expressentry.exceptions import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

__all__ = [
    "IDENTIFIER_FORMATS",
    "REFERENCE_CODE_VALIDITY_DAYS",
    "Confidence",
    "IdentifierFormat",
    "Shape",
    "application_number",
    "identify",
    "personal_reference_code",
    "profile_number",
    "reference_code_expiry",
    "reference_code_valid_on",
    "uci",
]

Confidence = Literal["high", "med", "low"]
"""How sure the sources make a format, on the scale of rules.md: ``high``, ``med`` or ``low``."""

LETTER = "@"
"""In a :class:`Shape` template, a place for one letter A-Z."""

DIGIT = "#"
"""In a :class:`Shape` template, a place for one digit 0-9."""

_SEPARATORS = frozenset("- ")

# People paste codes from PDF letters and web pages, which often turn hyphens into these
# (the full-width and small hyphen-minus among them), or leave invisible characters behind: a
# soft hyphen, a zero-width space, a zero-width (non-)joiner, a word joiner or a byte-order
# mark.
_DASHES = frozenset(
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d\u00ad\u200b\u200c\u200d\u2060\ufeff"
)

_CODE_CHARACTERS = frozenset(string.ascii_uppercase + string.digits)
"""The characters of every code, once compact: any other is named before the length is."""

# Only ASCII is upper-cased: str.upper() would turn the ligature 'ﬀ' into 'FF' or the dotless 'ı'
# into 'I', and accept as valid a code whose letters the person never typed.
_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)

_LONGEST_SHOWN = 40


def _shown(value: str) -> str:
    """``value`` quoted for a message, shortened if it is long."""
    if len(value) <= _LONGEST_SHOWN:
        return repr(value)
    return repr(value[: _LONGEST_SHOWN - 3]) + "..."


def _count(number: int, noun: str) -> str:
    if number == 1:
        return f"a {noun}"
    return f"{number} {noun}s"


def _check_template(instance: Shape, attribute: attrs.Attribute[str], template: str) -> None:
    places = [char for char in template if char not in _SEPARATORS]
    if not places or not all(
        char in (LETTER, DIGIT) or char in string.ascii_uppercase + string.digits
        for char in places
    ):
        raise ValueError(
            f"shape template {template!r} must use only {LETTER!r} (a letter), {DIGIT!r} "
            "(a digit), upper-case letters or digits (themselves), and '-' or ' ' separators"
        )


@attrs.frozen
class Shape:
    """One layout of an identifier, written as the form IRCC displays.

    In ``template``, ``@`` is any letter A-Z, ``#`` any digit 0-9, an upper-case letter or a
    digit stands for itself, and ``-`` or a space is a separator that only the display form has.

    >>> shape = Shape("##-####-####")
    >>> shape.length, shape.describe()
    (10, '10 digits (shown 00-0000-0000)')
    >>> Shape("E#########").describe()
    "10 characters ('E' then 9 digits)"
    """

    template: str = attrs.field(validator=_check_template)
    places: str = attrs.field(init=False, repr=False, eq=False)
    """The template without its separators: one character per character of the code."""
    pattern: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    """The compact form as a regular expression: the fast way to accept a well-formed code."""

    @places.default
    def _places(self) -> str:
        return "".join(char for char in self.template if char not in _SEPARATORS)

    @pattern.default
    def _pattern(self) -> re.Pattern[str]:
        pieces = {LETTER: "[A-Z]", DIGIT: "[0-9]"}
        return re.compile("".join(pieces.get(place, re.escape(place)) for place in self.places))

    @property
    def length(self) -> int:
        """How many characters the compact form has."""
        return len(self.places)

    @property
    def typed_pattern(self) -> str:
        """The shape as people type it, for a JSON Schema: letters in either case, and spaces
        or hyphens anywhere (:meth:`IdentifierFormat.compact` also removes other whitespace
        and the invisible characters a copy leaves).

        >>> Shape("@#").typed_pattern
        '^[ -]*[A-Za-z][ -]*[0-9][ -]*$'
        >>> Shape("E1#").typed_pattern  # a fixed letter in either case, a fixed digit as itself
        '^[ -]*[Ee][ -]*1[ -]*[0-9][ -]*$'
        """
        pieces = {LETTER: "[A-Za-z]", DIGIT: "[0-9]"}
        typed = (
            pieces.get(place, f"[{place}{place.lower()}]" if place.isalpha() else place)
            for place in self.places
        )
        return "^[ -]*" + "".join(f"{piece}[ -]*" for piece in typed) + "$"

    @property
    def layout(self) -> str:
        """The parts in words, e.g. ``"2 letters then 10 digits"``."""
        runs: list[str] = []
        for kind, group in groupby(self.places, key=_kind):
            run = "".join(group)
            if kind == LETTER:
                runs.append(_count(len(run), "letter"))
            elif kind == DIGIT:
                runs.append(_count(len(run), "digit"))
            else:
                runs.append(repr(run))
        return " then ".join(runs)

    def describe(self) -> str:
        """The shape in words: its length, its parts and its displayed form."""
        details = []
        if set(self.places) == {DIGIT}:
            head = self.layout
        else:
            head = f"{self.length} characters"
            details.append(self.layout)
        if self.template != self.places:
            details.append("shown " + self.template.replace(DIGIT, "0").replace(LETTER, "A"))
        return f"{head} ({', '.join(details)})" if details else head

    def expects(self, position: int) -> str:
        """What may stand at ``position`` (0-based) of the compact form, in words."""
        place = self.places[position]
        if place == LETTER:
            return "a letter (A-Z)"
        if place == DIGIT:
            return "a digit (0-9)"
        return repr(place)

    def fits_kind(self, position: int, char: str) -> bool:
        """Whether ``char`` is the right kind (letter or digit) for ``position``."""
        place = self.places[position]
        if place == LETTER or place in string.ascii_uppercase:
            return char in string.ascii_uppercase
        return char in string.digits

    def fits(self, position: int, char: str) -> bool:
        """Whether ``char`` may stand at ``position``, literal characters included."""
        place = self.places[position]
        if place in (LETTER, DIGIT):
            return self.fits_kind(position, char)
        return char == place

    def display(self, code: str) -> str:
        """``code`` (compact, of this shape) with the template's separators put in."""
        characters = iter(code)
        return "".join(char if char in _SEPARATORS else next(characters) for char in self.template)

    def generate(self, rng: random.Random) -> str:
        """A compact code of this shape, drawn from ``rng``."""
        return "".join(_draw(place, rng) for place in self.places)


def _kind(place: str) -> str:
    """``@`` and ``#`` are kinds of their own; fixed characters run together."""
    return place if place in (LETTER, DIGIT) else "fixed"


def _draw(place: str, rng: random.Random) -> str:
    if place == LETTER:
        return rng.choice(string.ascii_uppercase)
    if place == DIGIT:
        return rng.choice(string.digits)
    return place


def _check_shapes(
    instance: IdentifierFormat,
    attribute: attrs.Attribute[tuple[Shape, ...]],
    shapes: tuple[Shape, ...],
) -> None:
    lengths = [shape.length for shape in shapes]
    if not shapes or len(set(lengths)) != len(lengths):
        raise ValueError(
            f"{instance.name}: give at least one shape, each with its own length, so the length "
            f"of a code tells its shape (got lengths {lengths})"
        )


@attrs.frozen
class IdentifierFormat:
    """An identifier IRCC issues, with the python-stdnum verbs and what is known of its format.

    ``shapes`` are the accepted layouts (a code's length tells which one applies); ``examples``
    are codes that fit, quoted from the ``sources`` where they give one; ``confidence`` is
    rules.md's and ``note`` says why.

    >>> personal_reference_code.validate("QK4350881372")
    'QK4350881372'
    >>> personal_reference_code.is_valid("QK43508813")
    False
    >>> personal_reference_code.validate("QK43508813")
    Traceback (most recent call last):
      ...
    expressentry.exceptions.InvalidLength: a personal reference code has 12 characters (2 letters then 10 digits); 'QK43508813' has 10
    """  # noqa: E501

    name: str
    article: Literal["a", "an"]
    shapes: tuple[Shape, ...] = attrs.field(validator=_check_shapes)
    examples: tuple[str, ...]
    confidence: Confidence
    sources: tuple[Citation, ...]
    note: str

    def __attrs_post_init__(self) -> None:
        for example in self.examples:
            # Raises if the examples and the shapes disagree: a format is wrong or a typo slipped.
            self.validate(example)

    @property
    def expected(self) -> str:
        """Every accepted shape in words."""
        return " or ".join(shape.describe() for shape in self.shapes)

    def compact(self, value: str) -> str:
        """``value`` without whitespace (any: spaces, tabs, no-break spaces), dashes or the
        invisible characters a copy leaves (soft hyphens, zero-width spaces), with ASCII letters
        upper-cased.

        Only text is accepted (:class:`~expressentry.exceptions.InvalidFormat` otherwise). Nothing
        is checked: see :meth:`validate`.

        >>> uci.compact(" 12-3456 7890 ")
        '1234567890'
        >>> personal_reference_code.compact("qk-4350-881372")
        'QK4350881372'
        """
        text = self._text(value)
        kept = "".join(char for char in text if not (char.isspace() or char in _DASHES))
        return kept.translate(_ASCII_UPPER)

    def validate(self, value: str) -> str:
        """The compact form of ``value`` if it is well formed; otherwise a specific error.

        - :class:`~expressentry.exceptions.InvalidFormat` if ``value`` is not text, or has a
          character of the wrong kind (a digit where a letter belongs, punctuation, non-ASCII);
        - :class:`~expressentry.exceptions.InvalidLength` (a kind of ``InvalidFormat``) if the
          compact form has a length no shape has;
        - :class:`~expressentry.exceptions.InvalidComponent` if a fixed part is wrong, such as a
          profile number that does not start with ``E``.

        >>> profile_number.validate("e003104119")
        'E003104119'
        >>> profile_number.validate("W993830598")
        Traceback (most recent call last):
          ...
        expressentry.exceptions.InvalidComponent: an Express Entry profile number is 10 characters ('E' then 9 digits); 'W993830598' has 'W' at position 1, where 'E' belongs
        """  # noqa: E501
        code = self.compact(value)
        if all(shape.length != len(code) for shape in self.shapes):
            # A character no code has (punctuation, a non-ASCII letter or digit) is what is
            # wrong before the length: 'QK_4350881372' has an underscore, not a 13th character.
            # (At a length that fits, the misplaced character is named below, by its place.)
            stray = next((i for i, char in enumerate(code) if char not in _CODE_CHARACTERS), None)
            if stray is not None:
                raise InvalidFormat(
                    f"{self._called} has {self.expected}; {_shown(code)} has {code[stray]!r} at "
                    f"position {stray + 1}, which no {self.name} has (only letters A-Z and "
                    "digits)"
                )
        shape = self._shape_for(code)
        if shape.pattern.fullmatch(code):
            return code
        # Not well formed: name the first misplaced character to say what is wrong.
        wrong_kind = next((i for i, char in enumerate(code) if not shape.fits_kind(i, char)), None)
        if wrong_kind is not None:
            raise InvalidFormat(self._misplaced(shape, code, wrong_kind))
        # Every character is of the right kind, so a fixed part (such as the 'E') is wrong.
        wrong_part = next(i for i, char in enumerate(code) if not shape.fits(i, char))
        raise InvalidComponent(self._misplaced(shape, code, wrong_part))

    def is_valid(self, value: object) -> bool:
        """Whether ``value`` is a well-formed code; ``False`` for anything else, never an error.

        >>> application_number.is_valid("W993830598"), application_number.is_valid(993830598)
        (True, False)
        """
        try:
            self.validate(value)  # type: ignore[arg-type]  # any object is welcome here
        except ValidationError:
            return False
        return True

    def format(self, value: str) -> str:
        """The form IRCC displays, after :meth:`validate` (whose errors it raises).

        >>> uci.format("12345678")
        '1234-5678'
        >>> personal_reference_code.format("qk4350881372")
        'QK4350881372'
        """
        code = self.validate(value)
        return self._shape_for(code).display(code)

    def generate(self, rng: random.Random) -> str:
        """A well-formed code in compact form, drawn only from ``rng`` (same seed, same code).

        Where there are several shapes, ``rng`` chooses one. The code is well formed, not one
        IRCC has issued: use it for examples and tests.

        >>> personal_reference_code.generate(random.Random(830))
        'WY3447036184'
        """
        return rng.choice(self.shapes).generate(rng)

    @property
    def _called(self) -> str:
        return f"{self.article} {self.name}"

    def _text(self, value: object) -> str:
        if not isinstance(value, str):
            raise InvalidFormat(
                f"{self._called} must be given as text (str), not {type(value).__name__}; "
                "write it as a string so leading zeros stay"
            )
        # A plain str, so that a subclass's own methods cannot make is_valid raise.
        return str.__str__(value)

    def _misplaced(self, shape: Shape, code: str, position: int) -> str:
        return (
            f"{self._called} is {shape.describe()}; {_shown(code)} has {code[position]!r} at "
            f"position {position + 1}, where {shape.expects(position)} belongs"
        )

    def _shape_for(self, code: str) -> Shape:
        for shape in self.shapes:
            if shape.length == len(code):
                return shape
        # The code as compacted: spaces and dashes gone, so nothing left means none was typed.
        given = f"{_shown(code)} has {len(code)}" if code else "no letter or digit was given"
        raise InvalidLength(f"{self._called} has {self.expected}; {given}")


_S17 = Citation(
    "IRCC Help Centre",
    "answer qnum 830 (personal reference code, valid 60 days)",
    "https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=830&top=23",
)
_S18 = Citation(
    "CIC",
    "Before you start - Express Entry, instruction guide",
    "http://www.cic.gc.ca/english/immigrate/skilled/instruction-guide.asp",
)
_S19 = Citation(
    "IRCC Help Centre",
    "answer qnum 013 (unique client identifier)",
    "https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=013&top=4",
)
_S20 = Citation(
    "IRCC Help Centre",
    "answer qnum 1006 (profile number and Job Seeker Validation Code)",
    "https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=1006",
)
_LEGALCLARITY = Citation(
    "legalclarity.org (secondary, citing IRCC)",
    "What is an application number",
    "https://www.legalclarity.org/",
)
_CANADAIMMIGRATIONNEWS = Citation(
    "canadaimmigrationnews.online (secondary)",
    "Express Entry profile number",
    "https://canadaimmigrationnews.online/",
)

personal_reference_code = IdentifierFormat(
    name="personal reference code",
    article="a",
    shapes=(Shape("@@##########"),),
    examples=("QK4350881372", "JM1234567890"),
    confidence="high",
    sources=(_S18, _S17),
    note=(
        "IRCC's own guide gives 'JM1234567890' as the example: two letters then ten digits. "
        "The Come to Canada tool issues it; it lasts 60 days (reference_code_expiry)."
    ),
)
"""The personal reference code (PRC) of the Come to Canada questionnaire: 2 letters, 10 digits.

Confidence high (rules.md §7, S18). It carries the questionnaire's answers into the Express Entry
profile builder; it is not the profile number. It is valid 60 days
(:func:`reference_code_expiry`).
"""

uci = IdentifierFormat(
    name="UCI",
    article="a",
    shapes=(Shape("####-####"), Shape("##-####-####")),
    examples=("1234-5678", "12-3456-7890"),
    confidence="high",
    sources=(_S19,),
    note=(
        "IRCC's Help Centre: 8 digits shown 0000-0000 or 10 digits shown 00-0000-0000. "
        "A first-time applicant has none and writes 'N/A', which is not a UCI. "
        "The examples are illustrations, not real UCIs."
    ),
)
"""The unique client identifier (UCI, or client ID): 8 digits (0000-0000) or 10 (00-0000-0000).

Confidence high (rules.md §7, S19). IRCC gives it at the first application; before that a form
asks for "N/A", which :meth:`~IdentifierFormat.is_valid` rightly refuses.
"""

profile_number = IdentifierFormat(
    name="Express Entry profile number",
    article="an",
    shapes=(Shape("E#########"),),
    examples=("E003104119", "E099977028"),
    confidence="med",
    sources=(_S20, _CANADAIMMIGRATIONNEWS),
    note=(
        "'E' then 9 digits in the examples seen (E003104119, E099977028). One site shows "
        "E0008563912 (10 digits) while saying 'nine digits'; it is taken for a typo and refused."
    ),
)
"""The Express Entry profile number, at the top of the PDF letter: ``E`` then 9 digits.

Confidence med (rules.md §7, S20): two examples agree; one site shows ``E`` + 10 digits while
its text says nine, so the engine keeps to nine. An IRCC application number for an economic
application also starts with ``E`` and may look the same (``E099977028`` is quoted as both).
"""

application_number = IdentifierFormat(
    name="IRCC application number",
    article="an",
    shapes=(Shape("@#########"),),
    examples=("W993830598", "E099977028"),
    confidence="med",
    sources=(_LEGALCLARITY,),
    note=(
        "One letter then 9 digits, from a secondary source citing IRCC's 'What is an application "
        "number' (W for a work permit, E for an economic application). Which letters occur is "
        "not documented, so any letter is accepted."
    ),
)
"""An IRCC application number: a letter then 9 digits (e.g. ``W993830598`` for a work permit).

Confidence med (rules.md §7): one secondary source that cites IRCC. The letter seems to name the
line of business (W work permit, E economic); since the full list is unknown, any letter passes.
"""

IDENTIFIER_FORMATS: tuple[IdentifierFormat, ...] = (
    personal_reference_code,
    uci,
    profile_number,
    application_number,
)
"""Every identifier this module knows, for tests and documentation."""


def identify(value: object) -> tuple[IdentifierFormat, ...]:
    """Every identifier format that ``value`` fits, in the order of :data:`IDENTIFIER_FORMATS`.

    For a code whose kind is not known, such as one pasted from a letter. More than one format
    may fit: an ``E`` and 9 digits is both a profile number and an application number. Nothing
    fits a value that is not text.

    >>> [found.name for found in identify("qk 4350 881372")]
    ['personal reference code']
    >>> [found.name for found in identify("E099977028")]
    ['Express Entry profile number', 'IRCC application number']
    >>> identify("N/A")
    ()
    """
    return tuple(found for found in IDENTIFIER_FORMATS if found.is_valid(value))


REFERENCE_CODE_VALIDITY_DAYS: DatedTable[int] = DatedTable(
    "Days a personal reference code stays valid after the day it is issued (policy P22)",
    (Dated(EXPRESS_ENTRY_LAUNCH, 60, _S17),),
)
"""How many days a personal reference code lasts, by the date it was issued (rules.md §7, P22).

The row starts at Express Entry's launch: S17 gives no date for the 60 days, and no other value
is known. The profile lifecycle keeps its own deadlines in tables of the same kind.
"""


def reference_code_expiry(issued_on: date) -> date:
    """The last day a personal reference code issued on ``issued_on`` can be used.

    IRCC says the code is valid "60 days from the date you get it" (S17). As in the federal
    Interpretation Act (s. 27), the day of issue is not counted: the 60 days are the ones after
    it, so the code still works on the 60th day after issue and has expired the day after.
    The number of days is the one in force on the day of issue
    (:data:`REFERENCE_CODE_VALIDITY_DAYS`); a date before 2015-01-01 raises
    :class:`~expressentry.exceptions.NotInForce`.

    >>> reference_code_expiry(date(2026, 11, 29))
    datetime.date(2027, 1, 28)

    A datetime is read as its day, as everywhere the engine takes a date:

    >>> from datetime import datetime
    >>> reference_code_expiry(datetime(2026, 11, 29, 12, 0))
    datetime.date(2027, 1, 28)
    """
    day = day_of(issued_on)
    return add_days(day, REFERENCE_CODE_VALIDITY_DAYS.at(day))


def reference_code_valid_on(issued_on: date, on: date) -> bool:
    """Whether a personal reference code issued on ``issued_on`` can still be used on ``on``.

    ``False`` before the day of issue (the code did not exist yet) and after
    :func:`reference_code_expiry`.

    >>> from datetime import timedelta
    >>> issued = date(2026, 11, 29)
    >>> [reference_code_valid_on(issued, issued + timedelta(days=n)) for n in (0, 60, 61)]
    [True, True, False]
    """
    return issued_on <= on <= reference_code_expiry(issued_on)
