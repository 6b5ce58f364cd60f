"""First and second official language (P5), and the best of several tests (P6)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry.crs import language_ranking
from expressentry.exceptions import NotInForce
from expressentry.language import (
    Language,
    LanguageLevels,
    LanguageNote,
    LanguageRule,
    OfficialLanguageRole,
    TestKind,
    official_languages,
)
from expressentry.model import AbilityScores, LanguageTest
from expressentry.strategies import language_tests

MakeTest = Callable[..., LanguageTest]
ON = date(2026, 6, 1)
RECENT = date(2026, 1, 15)
FIRST = OfficialLanguageRole.FIRST
SECOND = OfficialLanguageRole.SECOND


def _rules(notes: tuple[LanguageNote, ...]) -> list[LanguageRule]:
    return [note.rule for note in notes]


def test_no_tests(make_test: MakeTest) -> None:
    roles = official_languages((), ON)
    assert (roles.first, roles.second, roles.first_language, roles.notes) == (None, None, None, ())
    assert roles.second_language is None
    assert roles.first_levels is None
    assert roles.second_levels is None


def test_declared_first_language_is_kept(make_test: MakeTest) -> None:
    english = make_test(TestKind.CELPIP_GENERAL, (10, 10, 10, 10), test_date=RECENT)
    french = make_test(TestKind.TCF_CANADA, (331, 342, 4, 4), test_date=RECENT)
    roles = official_languages((english, french), ON, declared_first=Language.FRENCH)
    assert roles.declared
    assert (roles.first_language, roles.second_language) == (Language.FRENCH, Language.ENGLISH)
    assert roles.test_for(FIRST) is roles.first
    assert roles.test_for(SECOND) is roles.second
    assert roles.first is not None
    assert roles.first.test is french
    assert roles.second_levels is not None
    assert roles.second_levels.lowest == 10
    assert _rules(roles.notes) == [
        LanguageRule.FIRST_LANGUAGE_DECLARED,
        LanguageRule.TEST_CHOSEN,
        LanguageRule.TEST_CHOSEN,
    ]
    assert str(roles.notes[0]) == "French is the first official language, as declared."
    assert str(roles.notes[2]) == (
        "For English, the second official language: the CELPIP-General taken on 2026-01-15 "
        "(CLB L 10, R 10, W 10, S 10; 24 CRS points); it expires on 2028-01-15."
    )


def test_one_crs_point_is_said_in_the_singular(make_test: MakeTest) -> None:
    # Audit helper-73: "(...; 1 CRS points)". A second language at CLB 5 in one ability only.
    english = make_test(TestKind.CELPIP_GENERAL, (10, 10, 10, 10), test_date=RECENT)
    french = make_test(TestKind.TCF_CANADA, (331, 342, 4, 6), test_date=RECENT)
    roles = official_languages((english, french), ON, declared_first=Language.ENGLISH)
    assert roles.second_levels is not None
    note = str(roles.notes[2])
    assert "; 1 CRS point)" in note, note


def test_one_language_only_is_the_first(make_test: MakeTest) -> None:
    english = make_test(TestKind.CELPIP_GENERAL, (7, 7, 7, 7), test_date=RECENT)
    roles = official_languages((english,), ON)
    assert not roles.declared
    assert roles.first_language is Language.ENGLISH
    assert roles.second is None
    assert str(roles.notes[0]) == (
        "The first official language was not declared; English is assumed because only "
        "English tests count on 2026-06-01 (policy P5)."
    )
    assert roles.notes[0].policy == "P5"


def test_undeclared_with_both_takes_the_higher_crs(make_test: MakeTest) -> None:
    english = make_test(TestKind.CELPIP_GENERAL, (7, 7, 7, 7), test_date=RECENT)
    french = make_test(TestKind.TEF_CANADA, (340, 280, 420, 420), test_date=RECENT)  # NCLC 10
    roles = official_languages((english, french), ON)
    assert roles.first_language is Language.FRENCH
    assert roles.notes[0].facts == {
        "first_language": "french",
        "points_if_first": 4 * 34 + 4 * 3,
        "points_if_second": 4 * 17 + 4 * 6,
    }


def test_equal_assignments_put_english_first(make_test: MakeTest) -> None:
    english = make_test(TestKind.CELPIP_GENERAL, (9, 9, 9, 9), test_date=RECENT)
    french = make_test(TestKind.TCF_CANADA, (523, 524, 14, 14), test_date=RECENT)
    roles = official_languages((french, english), ON)
    assert roles.first_language is Language.ENGLISH
    assert roles.notes[0].facts["points_if_first"] == roles.notes[0].facts["points_if_second"]


def test_the_best_of_several_tests_in_one_language(make_test: MakeTest) -> None:
    older = make_test(TestKind.IELTS_GENERAL_TRAINING, (8.0, 7.0, 7.0, 7.0), test_date=RECENT)
    better = make_test(TestKind.CELPIP_GENERAL, (10, 10, 10, 9), test_date=date(2025, 9, 1))
    expired = make_test(TestKind.CELPIP_GENERAL, (12, 12, 12, 12), test_date=date(2024, 5, 31))
    roles = official_languages((older, better, expired), ON)
    assert roles.first is not None
    assert roles.first.test is better
    assert roles.first.index == 1
    assert _rules(roles.notes) == [
        LanguageRule.EXPIRED,
        LanguageRule.FIRST_LANGUAGE_ASSUMED,
        LanguageRule.TEST_CHOSEN,
    ]
    chosen = roles.notes[-1]
    assert chosen.policy == "P6"
    assert chosen.test_index == 1
    assert chosen.sentence.endswith(
        "the best of 2 valid English tests (policy P6); it expires on 2027-09-01."
    )


def test_ties_go_to_the_higher_levels_then_the_later_expiry(make_test: MakeTest) -> None:
    # CLB 10 and CLB 10+ (CELPIP 12) give the same points; so do the two later tests.
    lower = make_test(TestKind.CELPIP_GENERAL, (10, 10, 10, 10), test_date=date(2025, 9, 1))
    earlier = make_test(TestKind.CELPIP_GENERAL, (11, 11, 11, 11), test_date=date(2025, 9, 1))
    later = make_test(TestKind.CELPIP_GENERAL, (12, 12, 12, 12), test_date=date(2025, 10, 1))
    roles = official_languages((lower, earlier, later), ON)
    assert roles.first is not None
    assert roles.first.test is later
    same_day = official_languages((earlier, lower), ON)
    assert same_day.first is not None
    assert same_day.first.index == 0


def test_declared_language_without_a_valid_test(make_test: MakeTest) -> None:
    english = make_test(TestKind.CELPIP_GENERAL, (9, 9, 9, 9), test_date=RECENT)
    roles = official_languages((english,), ON, declared_first=Language.FRENCH)
    assert roles.first is None
    assert roles.second is not None
    assert roles.second.test is english
    assert LanguageRule.DECLARED_LANGUAGE_UNTESTED in _rules(roles.notes)
    # The declaration is the candidate's to change: the note says what it would do (audit
    # helper-68: a valid English test scored as a second language without a word).
    (note,) = [n for n in roles.notes if n.rule is LanguageRule.DECLARED_LANGUAGE_UNTESTED]
    assert note.sentence.endswith(
        f"The CELPIP-General taken on {RECENT.isoformat()} counts as the second official "
        "language; with English declared first, it would count as the first."
    )
    alone = official_languages((), ON, declared_first=Language.FRENCH).notes
    assert alone[-1].sentence.endswith(f"no French test counts on {ON.isoformat()}.")


def test_the_ranking_can_be_supplied(make_test: MakeTest) -> None:
    strong = make_test(TestKind.CELPIP_GENERAL, (10, 10, 10, 10), test_date=RECENT)
    weak = make_test(TestKind.CELPIP_GENERAL, (5, 5, 5, 5), test_date=RECENT)

    def prefer_low_levels(levels: LanguageLevels, role: OfficialLanguageRole) -> int:
        return -levels.lowest

    roles = official_languages((strong, weak), ON, points=prefer_low_levels)
    assert roles.first is not None
    assert roles.first.test is weak


def test_crs_points_follow_rules_4_3_and_4_4() -> None:
    def uniform(level: int) -> LanguageLevels:
        return LanguageLevels(
            language=Language.ENGLISH,
            listening=level,
            reading=level,
            writing=level,
            speaking=level,
        )

    # The default ranking is the CRS's own points without a spouse (one copy of the tables).
    points = language_ranking(ON, with_spouse=False)
    first = [points(uniform(level), FIRST) for level in (0, 4, 6, 7, 8, 9, 10)]
    second = [points(uniform(level), SECOND) for level in (0, 4, 5, 7, 9)]
    assert first == [0, 24, 36, 68, 92, 124, 136]
    assert second == [0, 0, 4, 12, 24]
    # Hand-built levels outside the charts read as the nearest chart level.
    assert points(uniform(3), FIRST) == 0
    assert points(uniform(12), FIRST) == 136


def test_expired_tests_leave_no_first_language(make_test: MakeTest) -> None:
    expired = make_test(TestKind.TCF_CANADA, (549, 549, 16, 16), test_date=date(2020, 1, 1))
    roles = official_languages((expired,), ON)
    assert roles.first_language is None
    assert _rules(roles.notes) == [LanguageRule.EXPIRED]


def test_evaluations_before_express_entry_are_refused(make_test: MakeTest) -> None:
    english = make_test(TestKind.CELPIP_GENERAL, (9, 9, 9, 9), test_date=date(2014, 6, 1))
    with pytest.raises(NotInForce, match="2014-12-31"):
        official_languages((english,), date(2014, 12, 31))
    assert official_languages((english,), date(2015, 1, 1)).first is not None


@given(
    language_tests(),
    st.sampled_from([None, *Language]),
    st.dates(date(2015, 1, 1), date(2030, 12, 31)),
)
def test_one_test_is_placed_as_among_others_that_do_not_count(
    test: LanguageTest, declared: Language | None, on: date
) -> None:
    """A lone test takes the role the general choice would give it: adding a test that does
    not count (taken after the evaluation date) changes nothing."""
    alone = official_languages((test,), on, declared_first=declared)
    later = LanguageTest(
        kind=TestKind.CELPIP_GENERAL,
        test_date=on + timedelta(days=1),
        scores=AbilityScores(listening=9, reading=9, writing=9, speaking=9),
    )
    among = official_languages((test, later), on, declared_first=declared)
    assert alone.first_language == among.first_language
    assert alone.first == among.first
    assert alone.second == among.second
    # The notes differ only by the later test's own "does not count yet".
    assert [note for note in among.notes if note.test_index != 1] == list(alone.notes)
