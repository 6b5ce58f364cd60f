"""The IRCC identifiers (rules.md §7) and the personal reference code's 60 days (policy P22)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import NoReturn

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.codes import (
    IDENTIFIER_FORMATS,
    REFERENCE_CODE_VALIDITY_DAYS,
    IdentifierFormat,
    Shape,
    application_number,
    identify,
    personal_reference_code,
    profile_number,
    reference_code_expiry,
    reference_code_valid_on,
    uci,
)
from expressentry.dated import Citation
from expressentry.exceptions import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    NotInForce,
    ValidationError,
)

identifiers = pytest.mark.parametrize(
    "identifier", IDENTIFIER_FORMATS, ids=lambda identifier: identifier.name
)

# (identifier, as typed, compact form, display form)
VALID = [
    (personal_reference_code, "QK4350881372", "QK4350881372", "QK4350881372"),
    (personal_reference_code, "qk 4350 881372", "QK4350881372", "QK4350881372"),
    (personal_reference_code, "JM-1234-5678-90", "JM1234567890", "JM1234567890"),
    (uci, "1234-5678", "12345678", "1234-5678"),
    (uci, "12345678", "12345678", "1234-5678"),
    (uci, "12-3456-7890", "1234567890", "12-3456-7890"),
    (uci, " 12 3456 7890\n", "1234567890", "12-3456-7890"),
    (uci, "12\u20133456\u20137890", "1234567890", "12-3456-7890"),  # en dashes from a PDF
    (profile_number, "E003104119", "E003104119", "E003104119"),
    (profile_number, "e099977028", "E099977028", "E099977028"),
    (application_number, "W993830598", "W993830598", "W993830598"),
    (application_number, "e 099 977 028", "E099977028", "E099977028"),
]


@pytest.mark.parametrize(("identifier", "typed", "compact", "display"), VALID)
def test_valid_examples(
    identifier: IdentifierFormat, typed: str, compact: str, display: str
) -> None:
    assert identifier.compact(typed) == compact
    assert identifier.validate(typed) == compact
    assert identifier.is_valid(typed)
    assert identifier.format(typed) == display


def test_the_users_reference_code_is_valid() -> None:
    assert personal_reference_code.validate("QK4350881372") == "QK4350881372"


# (identifier, input, error class, words the message must contain)
INVALID = [
    # not text at all
    (personal_reference_code, None, InvalidFormat, "text (str), not NoneType"),
    (uci, 12345678, InvalidFormat, "text (str), not int; write it as a string"),
    (profile_number, b"E003104119", InvalidFormat, "not bytes"),
    # wrong length
    (
        personal_reference_code,
        "QK43508813",
        InvalidLength,
        "a personal reference code has 12 characters (2 letters then 10 digits); "
        "'QK43508813' has 10",
    ),
    (personal_reference_code, "", InvalidLength, "; no letter or digit was given"),
    (personal_reference_code, " - ", InvalidLength, "; no letter or digit was given"),
    (
        uci,
        "123-456-789",
        InvalidLength,
        "a UCI has 8 digits (shown 0000-0000) or 10 digits (shown 00-0000-0000); "
        "'123456789' has 9",
    ),
    # a length no shape has, with a character no code has: the character is named
    (uci, "N/A", InvalidFormat, "'N/A' has '/' at position 2, which no UCI has"),
    (
        personal_reference_code,
        "QK_4350881372",
        InvalidFormat,
        "'QK_4350881372' has '_' at position 3, which no personal reference code has (only "
        "letters A-Z and digits)",
    ),
    (personal_reference_code, "QK4350881372\x00", InvalidFormat, "'\\x00' at position 13"),
    (profile_number, "E0008563912", InvalidLength, "('E' then 9 digits); 'E0008563912' has 11"),
    (application_number, "W99383059", InvalidLength, "(a letter then 9 digits)"),
    # a character of the wrong kind
    (
        personal_reference_code,
        "Q14350881372",
        InvalidFormat,
        "'Q14350881372' has '1' at position 2, where a letter (A-Z) belongs",
    ),
    (personal_reference_code, "QK43508813O2", InvalidFormat, "'O' at position 11, where a digit"),
    (personal_reference_code, "ÉK4350881372", InvalidFormat, "'É' at position 1"),
    # not upper-cased to FF
    (personal_reference_code, "ﬀ4350881372", InvalidFormat, "has 'ﬀ' at position 1, which no"),
    (uci, "1234.5678", InvalidFormat, "has '.' at position 5, which no UCI has"),
    (uci, "1234_678", InvalidFormat, "'_' at position 5, where a digit (0-9) belongs"),
    (uci, "１２３４５６７８", InvalidFormat, "where a digit (0-9) belongs"),  # full-width digits
    (profile_number, "1003104119", InvalidFormat, "'1' at position 1, where 'E' belongs"),
    (profile_number, "E00310411X", InvalidFormat, "'X' at position 10"),
    (application_number, "9993830598", InvalidFormat, "where a letter (A-Z) belongs"),
    # a fixed part with a value that cannot occur
    (
        profile_number,
        "W993830598",
        InvalidComponent,
        "an Express Entry profile number is 10 characters ('E' then 9 digits); "
        "'W993830598' has 'W' at position 1, where 'E' belongs",
    ),
]


@pytest.mark.parametrize(("identifier", "value", "error", "message"), INVALID)
def test_invalid_inputs(
    identifier: IdentifierFormat, value: object, error: type[ValidationError], message: str
) -> None:
    with pytest.raises(error) as caught:
        identifier.validate(value)  # type: ignore[arg-type]
    assert type(caught.value) is error
    assert message in str(caught.value)
    assert not identifier.is_valid(value)
    with pytest.raises(error):
        identifier.format(value)  # type: ignore[arg-type]


def test_a_long_input_is_shortened_in_the_message() -> None:
    with pytest.raises(InvalidLength) as caught:
        uci.validate("9" * 1000)
    assert f"{'9' * 37!r}... has 1000" in str(caught.value)


class _Awkward(str):
    def __iter__(self) -> NoReturn:
        raise RuntimeError("a str subclass that cannot be iterated")

    def __str__(self) -> NoReturn:
        raise RuntimeError("nor printed")


def test_a_str_subclass_is_read_as_plain_text() -> None:
    code = uci.compact(_Awkward("12-3456-7890"))
    assert type(code) is str
    assert code == "1234567890"
    assert uci.is_valid(_Awkward("1234-5678"))
    assert not uci.is_valid(_Awkward("1234"))


def test_compact_refuses_what_is_not_text() -> None:
    with pytest.raises(InvalidFormat):
        uci.compact(12345678)  # type: ignore[arg-type]


@identifiers
def test_examples_validate_and_confidence_is_recorded(identifier: IdentifierFormat) -> None:
    assert identifier.examples
    for example in identifier.examples:
        assert identifier.is_valid(example)
    assert identifier.confidence in ("high", "med", "low")
    assert identifier.sources
    assert all(isinstance(source, Citation) for source in identifier.sources)
    assert identifier.note


def test_confidence_follows_rules_md() -> None:
    assert personal_reference_code.confidence == "high"
    assert uci.confidence == "high"
    assert application_number.confidence == "med"
    assert profile_number.confidence == "med"


# Generated codes


@identifiers
@given(rng=st.randoms(use_true_random=False))
def test_generated_codes_validate(identifier: IdentifierFormat, rng: random.Random) -> None:
    code = identifier.generate(rng)
    assert identifier.validate(code) == code
    assert identifier.compact(identifier.format(code)) == code


@identifiers
@given(rng=st.randoms(use_true_random=False))
def test_a_generated_code_is_identified_as_its_kind(
    identifier: IdentifierFormat, rng: random.Random
) -> None:
    found = identify(identifier.format(identifier.generate(rng)))
    assert identifier in found
    # Only a profile number and an application number can share a value.
    assert len(found) == 1 or set(found) == {profile_number, application_number}


@identifiers
@given(seed=st.integers())
def test_same_seed_same_code(identifier: IdentifierFormat, seed: int) -> None:
    assert identifier.generate(random.Random(seed)) == identifier.generate(random.Random(seed))


@identifiers
def test_generate_uses_only_the_given_rng(identifier: IdentifierFormat) -> None:
    random.seed(1)
    expected = [identifier.generate(random.Random(7)) for _ in range(3)]
    random.seed(2)
    assert [identifier.generate(random.Random(7)) for _ in range(3)] == expected


def test_uci_generates_both_lengths() -> None:
    rng = random.Random(0)
    assert {len(uci.generate(rng)) for _ in range(100)} == {8, 10}


@st.composite
def typed_codes(draw: st.DrawFn, identifier: IdentifierFormat) -> str:
    """A generated code as a person might type it: spaces, dashes, lower case."""
    code = identifier.generate(draw(st.randoms(use_true_random=False)))
    typed = []
    for char in code:
        typed.append(draw(st.sampled_from([" ", "-", "", "", ""])))
        typed.append(char.lower() if draw(st.booleans()) else char)
    return "".join(typed) + draw(st.sampled_from(["", " ", "\t"]))


@identifiers
@given(data=st.data())
def test_validate_of_format_is_compact(identifier: IdentifierFormat, data: st.DataObject) -> None:
    typed = data.draw(typed_codes(identifier))
    assert identifier.validate(identifier.format(typed)) == identifier.compact(typed)


# is_valid never raises

JUNK = st.one_of(
    st.text(),
    st.text(alphabet="0123456789EQKWeqkw -\u2013 ", max_size=14),
    st.binary(),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.complex_numbers(),
    st.decimals(),
    st.builds(object),
    st.lists(st.text()),
    st.dictionaries(st.text(), st.integers()),
    st.from_type(type).flatmap(st.from_type),
)


@identifiers
@given(value=JUNK)
def test_is_valid_never_raises(identifier: IdentifierFormat, value: object) -> None:
    result = identifier.is_valid(value)
    if isinstance(value, str):
        assert result is _validates(identifier, value)
    else:
        assert result is False


def _validates(identifier: IdentifierFormat, value: str) -> bool:
    try:
        identifier.validate(value)
    except ValidationError:
        return False
    return True


@given(value=JUNK)
def test_identify_is_every_format_that_validates(value: object) -> None:
    assert identify(value) == tuple(
        found
        for found in IDENTIFIER_FORMATS
        if isinstance(value, str) and _validates(found, value)
    )


@identifiers
@given(value=st.text())
def test_validate_raises_only_validation_errors(identifier: IdentifierFormat, value: str) -> None:
    try:
        code = identifier.validate(value)
    except ValidationError:
        return
    assert code == identifier.compact(value)
    assert identifier.validate(identifier.format(value)) == code


# The building blocks


@pytest.mark.parametrize(
    ("template", "length", "description"),
    [
        ("@@##########", 12, "12 characters (2 letters then 10 digits)"),
        ("####-####", 8, "8 digits (shown 0000-0000)"),
        ("#####", 5, "5 digits"),
        ("E#########", 10, "10 characters ('E' then 9 digits)"),
        ("@#########", 10, "10 characters (a letter then 9 digits)"),
        ("AB 9#", 4, "4 characters ('AB9' then a digit, shown AB 90)"),
    ],
)
def test_shape_describes_itself(template: str, length: int, description: str) -> None:
    shape = Shape(template)
    assert shape.length == length
    assert shape.describe() == description


def test_shape_with_fixed_digit() -> None:
    shape = Shape("@9#")
    assert shape.fits(1, "9")
    assert not shape.fits(1, "8")
    assert shape.fits(0, "Q")
    assert not shape.fits(0, "1")
    assert shape.fits_kind(1, "8")
    assert shape.generate(random.Random(3))[1] == "9"


@pytest.mark.parametrize("template", ["", " - ", "@@x#", "a#"])
def test_shape_refuses_bad_templates(template: str) -> None:
    with pytest.raises(ValueError, match="shape template"):
        Shape(template)


def _format(shapes: tuple[Shape, ...], examples: tuple[str, ...] = ()) -> IdentifierFormat:
    return IdentifierFormat(
        name="test code",
        article="a",
        shapes=shapes,
        examples=examples,
        confidence="low",
        sources=(Citation("test", "none", "https://example.org"),),
        note="a test",
    )


def test_each_shape_needs_its_own_length() -> None:
    with pytest.raises(ValueError, match="each with its own length"):
        _format((Shape("####"), Shape("@@@@")))
    with pytest.raises(ValueError, match="at least one shape"):
        _format(())


def test_examples_must_fit_the_shapes() -> None:
    with pytest.raises(InvalidLength):
        _format((Shape("####"),), examples=("12345",))


# Personal reference code: 60 days (policy P22)

ISSUED = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("days_after_issue", "valid"),
    [(-1, False), (0, True), (59, True), (60, True), (61, False)],
)
def test_reference_code_lasts_sixty_days_after_issue(days_after_issue: int, valid: bool) -> None:
    on = ISSUED + timedelta(days=days_after_issue)
    assert reference_code_valid_on(ISSUED, on) is valid


def test_reference_code_validity_at_the_end_of_the_calendar() -> None:
    # Its expiry date cannot be written (after 9999-12-31), but the question has an answer.
    last = date.max
    assert reference_code_valid_on(last, last) is True
    assert reference_code_valid_on(last - timedelta(days=60), last) is True
    assert reference_code_valid_on(last - timedelta(days=61), last) is False


def test_reference_code_expiry_is_the_sixtieth_day_after_issue() -> None:
    assert reference_code_expiry(ISSUED) == date(2027, 1, 28)
    # A datetime is its day (helper-80: the expiry came back a datetime at noon).
    noon = reference_code_expiry(datetime(2026, 11, 29, 12, 0, tzinfo=UTC))
    assert (type(noon), noon) == (date, date(2027, 1, 28))
    assert reference_code_expiry(date(2024, 1, 1)) == date(2024, 3, 1)  # leap year


def test_reference_code_validity_is_a_cited_dated_table() -> None:
    assert REFERENCE_CODE_VALIDITY_DAYS.at(ISSUED) == 60
    citation = REFERENCE_CODE_VALIDITY_DAYS.citation_at(ISSUED)
    assert citation.url == "https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=830&top=23"


@pytest.mark.parametrize("start", REFERENCE_CODE_VALIDITY_DAYS.change_dates)
def test_reference_code_validity_on_each_side_of_its_start(start: date) -> None:
    assert reference_code_expiry(start) == start + timedelta(days=60)
    with pytest.raises(NotInForce):
        reference_code_expiry(start - timedelta(days=1))


@pytest.mark.parametrize(
    "pasted",
    [
        "QK\u00ad4350881372",  # a soft hyphen
        "QK\u200b4350881372",  # a zero-width space
        "\ufeffQK4350881372",  # a byte-order mark
        "QK\u20604350881372",  # a word joiner
        "QK4350881372\u200c",  # a zero-width non-joiner
        "QK\u200d4350881372",  # a zero-width joiner
        "QK\uff0d4350881372",  # a full-width hyphen-minus
        "QK\ufe634350881372",  # a small hyphen-minus
    ],
)
def test_compact_removes_the_invisible_characters_and_dashes_a_copy_leaves(pasted: str):
    assert personal_reference_code.compact(pasted) == "QK4350881372"
    assert personal_reference_code.is_valid(pasted)


def test_compact_removes_any_whitespace_as_the_docs_say():
    # What a copy from a letter or a PDF leaves: a tab, a line break, no-break and ideographic
    # spaces, an en dash.
    assert personal_reference_code.compact("qk 43\t50\n88\u00a013\u300072\u2013") == (
        "QK4350881372"
    )
