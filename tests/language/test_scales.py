"""The accepted tests, the look-alikes refused at input, and the score scales."""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction

import pytest

from expressentry.exceptions import ProfileError
from expressentry.language import (
    CELPIP_MINIMAL,
    NOT_ACCEPTED,
    TEF_CANADA_SCALES,
    Ability,
    Language,
    TestKind,
    accepted_test_kind,
    level_for,
    levels_of,
    scale_for,
    score_from_report,
    score_problem,
)
from expressentry.model import AbilityScores, LanguageTest

ACCEPTED_INSTEAD = {
    "ielts_academic": "IELTS General Training",
    "pte_academic": "PTE Core",
    "celpip_general_ls": "CELPIP-General",
    "tef": "TEF Canada",
    "tcf": "TCF Canada",
}


@pytest.mark.parametrize("kind", list(TestKind))
def test_accepted_tests_are_read_by_name(kind: TestKind) -> None:
    assert accepted_test_kind(kind.value) is kind


@pytest.mark.parametrize(("name", "instead"), ACCEPTED_INSTEAD.items())
def test_look_alikes_are_refused_naming_the_accepted_test(name: str, instead: str) -> None:
    assert set(ACCEPTED_INSTEAD) == set(NOT_ACCEPTED)
    with pytest.raises(ValueError, match=instead):
        accepted_test_kind(name)


def test_unknown_tests_are_refused_listing_the_accepted_ones() -> None:
    with pytest.raises(ValueError, match=r"expected one of: ielts_general_training, .*tcf_canada"):
        accepted_test_kind("toefl")


@pytest.mark.parametrize(
    ("kind", "language"),
    [
        (TestKind.IELTS_GENERAL_TRAINING, Language.ENGLISH),
        (TestKind.CELPIP_GENERAL, Language.ENGLISH),
        (TestKind.PTE_CORE, Language.ENGLISH),
        (TestKind.TEF_CANADA, Language.FRENCH),
        (TestKind.TCF_CANADA, Language.FRENCH),
    ],
)
def test_each_test_has_its_language(kind: TestKind, language: Language) -> None:
    assert kind.language is language


def test_celpip_minimal_reads_as_level_0() -> None:
    assert score_from_report(TestKind.CELPIP_GENERAL, CELPIP_MINIMAL) == 0
    assert score_from_report(TestKind.CELPIP_GENERAL, 7) == 7
    with pytest.raises(ValueError, match="not a score"):
        score_from_report(TestKind.CELPIP_GENERAL, "NA")


DAY = date(2025, 1, 1)


@pytest.mark.parametrize(
    ("kind", "ability", "score"),
    [
        (TestKind.IELTS_GENERAL_TRAINING, Ability.LISTENING, 0),
        (TestKind.IELTS_GENERAL_TRAINING, Ability.LISTENING, 6.5),
        (TestKind.IELTS_GENERAL_TRAINING, Ability.LISTENING, 9),
        (TestKind.CELPIP_GENERAL, Ability.SPEAKING, 12),
        (TestKind.PTE_CORE, Ability.READING, 10),
        (TestKind.PTE_CORE, Ability.READING, 90),
        (TestKind.TCF_CANADA, Ability.READING, 699),
        (TestKind.TCF_CANADA, Ability.WRITING, 20),
    ],
)
def test_scores_on_the_scale_are_accepted(kind: TestKind, ability: Ability, score: float) -> None:
    assert score_problem(kind, ability, score, DAY) is None


@pytest.mark.parametrize(
    ("kind", "ability", "score", "message"),
    [
        (TestKind.IELTS_GENERAL_TRAINING, Ability.LISTENING, 6.25, "not an IELTS General"),
        (TestKind.IELTS_GENERAL_TRAINING, Ability.LISTENING, -0.5, "below 0, the lowest"),
        (TestKind.CELPIP_GENERAL, Ability.SPEAKING, 13, "whole number from 0 to 12"),
        (TestKind.PTE_CORE, Ability.READING, 9, "whole number from 10 to 90"),
        (TestKind.PTE_CORE, Ability.READING, 50.5, "whole number from 10 to 90"),
        (TestKind.TCF_CANADA, Ability.WRITING, 21, "writing score .*0 to 20"),
        (TestKind.TCF_CANADA, Ability.LISTENING, 700, "above 699, the highest score any"),
        (TestKind.TCF_CANADA, Ability.LISTENING, 698.5, "whole number from 0 to 699"),
    ],
)
def test_scores_off_the_scale_are_refused(
    kind: TestKind, ability: Ability, score: float, message: str
) -> None:
    problem = score_problem(kind, ability, score, DAY)
    assert problem is not None
    assert re.search(message, problem)


@pytest.mark.parametrize(
    ("ability", "old_maximum"),
    [
        (Ability.LISTENING, 360),
        (Ability.READING, 300),
        (Ability.WRITING, 450),
        (Ability.SPEAKING, 450),
    ],
)
@pytest.mark.parametrize("taken", [date(2019, 9, 30), date(2019, 10, 1), date(2023, 12, 11)])
def test_tef_scores_are_the_ancien_score_whatever_the_test_date(
    ability: Ability, old_maximum: int, taken: date
) -> None:
    # Policy P3 as IRCC decides it for Express Entry (language._citations.TEF_ANCIEN_SCORE):
    # the certificate's "Équivalence ancien score", on the old scale, for a test of any date;
    # the research notes had a 0-699 scale from 2019-10-01 (the work permit's charts).
    assert score_problem(TestKind.TEF_CANADA, ability, old_maximum, taken) is None
    assert score_problem(TestKind.TEF_CANADA, ability, old_maximum + 1, taken) == (
        f"{old_maximum + 1} is not a TEF Canada {ability.value} score for Express Entry: give "
        f'the certificate\'s "Équivalence ancien score" (a whole number from 0 to {old_maximum}), '
        "not the score out of 699"
    )


def test_tef_scale_never_changes() -> None:
    assert TEF_CANADA_SCALES.change_dates == (date.min,)
    assert TEF_CANADA_SCALES.citation_at(date(2025, 1, 1)).url.endswith(
        "franco-immigration/eligibility/language-test.html"
    )


# -- numbers that are no score, and scores of other number types (an audit's finds) -------


@pytest.mark.parametrize("kind", list(TestKind))
@pytest.mark.parametrize("score", [float("nan"), float("inf"), float("-inf")])
def test_a_score_that_is_no_finite_number_is_refused_not_raised(
    kind: TestKind, score: float
) -> None:
    problem = score_problem(kind, Ability.READING, score, date(2025, 1, 1))
    assert problem is not None
    assert problem.startswith(("nan is not a number: give the", "inf is above", "-inf is below"))


def test_level_for_refuses_a_score_the_test_cannot_report() -> None:
    on = date(2025, 1, 1)
    with pytest.raises(ValueError, match=r"^6\.25 is not an IELTS General Training band"):
        level_for(TestKind.IELTS_GENERAL_TRAINING, Ability.READING, 6.25, on)
    with pytest.raises(ValueError, match=r"^nan is not a number"):
        level_for(TestKind.IELTS_GENERAL_TRAINING, Ability.READING, float("nan"), on)
    with pytest.raises(ValueError, match=r"^99 is not a CELPIP-General reading score"):
        level_for(TestKind.CELPIP_GENERAL, Ability.READING, 99, on)
    assert level_for(TestKind.IELTS_GENERAL_TRAINING, Ability.READING, 6.5, on) == 8


def test_a_fraction_score_is_read_by_its_value() -> None:
    on = date(2025, 1, 1)
    assert (
        score_problem(TestKind.IELTS_GENERAL_TRAINING, Ability.READING, Fraction(13, 2), on)
        is None
    )
    assert (
        score_problem(TestKind.IELTS_GENERAL_TRAINING, Ability.READING, Fraction(1, 3), on)
        == "1/3 is not an IELTS General Training band (0 to 9 in steps of 0.5)"
    )
    test = LanguageTest(
        kind=TestKind.IELTS_GENERAL_TRAINING,
        test_date=on,
        scores=AbilityScores(listening=Fraction(15, 2), reading=6, writing=6, speaking=6),
    )
    assert levels_of(test).listening == 8
    with pytest.raises(ProfileError, match=r"\$\.scores\.listening: 1/3 is not"):
        LanguageTest(
            kind=TestKind.IELTS_GENERAL_TRAINING,
            test_date=on,
            scores=AbilityScores(listening=Fraction(1, 3), reading=6, writing=6, speaking=6),
        )


@pytest.mark.parametrize("score", [float("nan"), float("inf")])
def test_a_scale_contains_no_number_that_is_not_finite(score: float) -> None:
    assert not scale_for(TestKind.CELPIP_GENERAL, Ability.READING, date(2025, 1, 1)).contains(
        score
    )
