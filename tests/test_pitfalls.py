"""One test for each mistake existing calculators make (rules.md §13), named after it.

Other test modules cover these rules in depth; this file keeps the list in one place so that
each pitfall is visibly guarded.
"""

from __future__ import annotations

from datetime import date

import pytest

from expressentry import (
    Ability,
    AbilityScores,
    Candidate,
    CertificateOfQualification,
    IssuingAuthority,
    LanguageTest,
    MaritalStatus,
    NocCode,
    ProfileError,
    TestKind,
    WorkHistory,
    WorkPeriod,
    clb,
    crs_for,
    crs_from_levels,
    derive,
    fsw_grid,
    levels_of,
    nclc,
)
from expressentry.crs import JobOfferClass
from expressentry.education import EducationLevel
from expressentry.programs.fsw import GridFactor

ON = date(2026, 11, 29)
BACHELORS = EducationLevel.BACHELORS_OR_THREE_YEAR


def test_a_bachelors_earns_13_or_25_not_25_or_50_in_transferability():
    one_below_nine = crs_from_levels(on=ON, age=29, education=BACHELORS, first_language=clb(8))
    all_nine = crs_from_levels(on=ON, age=29, education=BACHELORS, first_language=clb(9))
    two_year = crs_from_levels(
        on=ON, age=29, education=EducationLevel.TWO_YEAR, first_language=clb(9)
    )
    assert one_below_nine.line("crs.transferability.education_language").points == 13
    assert all_nine.line("crs.transferability.education_language").points == 25
    assert two_year.line("crs.transferability.education_language").points == 25


def test_transferability_sub_caps_and_cap():
    result = crs_from_levels(
        on=ON,
        age=29,
        education=EducationLevel.DOCTORAL,
        first_language=clb(10),
        canadian_years=3,
        foreign_years=3,
        certificate_of_qualification=True,
    )
    section = result.section("transferability")
    # education pair 50 + 50 → 50; foreign pair 50 + 50 → 50; certificate 50: 150 → 100
    assert section.uncapped == 150
    assert section.points == 100


@pytest.mark.parametrize(
    ("changes", "pair", "cap_line"),
    [
        # The education pair alone: 50 with language and 50 with Canadian experience → 50.
        (
            {"education": EducationLevel.DOCTORAL, "canadian_years": 2},
            ("education_language", "education_canadian_experience"),
            "crs.transferability.education.cap",
        ),
        # The foreign-experience pair alone: 50 with language and 50 with Canadian experience.
        (
            {"education": EducationLevel.SECONDARY, "foreign_years": 3, "canadian_years": 2},
            ("foreign_experience_language", "foreign_experience_canadian_experience"),
            "crs.transferability.foreign_experience.cap",
        ),
    ],
)
def test_each_transferability_pair_is_capped_at_50_on_its_own(changes, pair, cap_line):
    result = crs_from_levels(on=ON, age=29, first_language=clb(9), **changes)
    assert [result.line(f"crs.transferability.{name}").points for name in pair] == [50, 50]
    assert result.line(cap_line).points == -50
    section = result.section("transferability")
    assert (section.uncapped, section.points) == (50, 50)


@pytest.mark.parametrize(
    ("education", "canadian_years", "points"),
    [
        (EducationLevel.SECONDARY, 0, 0),
        (EducationLevel.SECONDARY, 1, 0),
        (EducationLevel.SECONDARY, 2, 0),
        (EducationLevel.ONE_YEAR, 0, 0),
        (EducationLevel.ONE_YEAR, 1, 13),
        (EducationLevel.TWO_YEAR, 2, 25),
        (BACHELORS, 1, 13),
        (BACHELORS, 5, 25),
        (EducationLevel.TWO_OR_MORE, 0, 0),
        (EducationLevel.TWO_OR_MORE, 1, 25),
        (EducationLevel.MASTERS_OR_PROFESSIONAL, 1, 25),
        (EducationLevel.DOCTORAL, 2, 50),
    ],
)
def test_education_with_canadian_experience_is_its_own_table(education, canadian_years, points):
    """rules.md §4.7: E0/E1/E2 × C0/C1/C2, whatever the language (CLB 6 here: below the
    language table's CLB 7, so the education pair's points are this table's alone)."""
    result = crs_from_levels(
        on=ON, age=29, education=education, first_language=clb(6), canadian_years=canadian_years
    )
    assert result.line("crs.transferability.education_language").points == 0
    assert result.line("crs.transferability.education_canadian_experience").points == points


def test_spouse_language_at_clb_4_earns_0_not_1():
    def spouse_points(level: int) -> int:
        result = crs_from_levels(
            on=ON, age=29, first_language=clb(9), partnered=True, spouse_language=clb(level)
        )
        return result.line("crs.spouse.language").points

    assert spouse_points(4) == 0
    assert spouse_points(5) == 4


def test_second_language_is_capped_at_22_with_a_spouse_and_24_without():
    single = crs_from_levels(on=ON, age=29, first_language=clb(10), second_language=nclc(10))
    partnered = crs_from_levels(
        on=ON, age=29, first_language=clb(10), second_language=nclc(10), partnered=True
    )
    assert single.line("crs.core.second_language").points == 24
    assert partnered.line("crs.core.second_language").points == 22


def test_additional_points_are_capped_at_600_and_the_total_at_1200():
    result = crs_from_levels(
        on=ON,
        age=25,
        education=EducationLevel.DOCTORAL,
        first_language=nclc(10),
        second_language=clb(10),
        canadian_years=5,
        foreign_years=3,
        certificate_of_qualification=True,
        provincial_nomination=True,
        sibling_in_canada=True,
    )
    assert result.section("additional").uncapped > 600
    assert result.section("additional").points == 600
    assert result.total <= 1200


def test_a_certificate_of_qualification_counts_whatever_the_program():
    """A software engineer with a certificate in electricity still gets the certificate points."""
    candidate = Candidate(
        birth_date=date(1995, 1, 1),
        marital_status=MaritalStatus.NEVER_MARRIED,
        language_tests=(
            LanguageTest(
                kind=TestKind.CELPIP_GENERAL,
                test_date=date(2026, 1, 10),
                scores=AbilityScores(listening=7, reading=7, writing=7, speaking=7),
            ),
        ),
        certificates_of_qualification=(
            CertificateOfQualification(noc=NocCode("72200"), issued_by=IssuingAuthority.ON),
        ),
        work_history=WorkHistory(
            periods=(
                WorkPeriod(
                    noc=NocCode("21231"),
                    country="IN",
                    start=date(2020, 1, 1),
                    hours_per_week=40,
                    paid=True,
                ),
            )
        ),
    )
    result = crs_for(candidate, on=ON)
    assert result.line("crs.transferability.certificate_language").points == 50


@pytest.mark.parametrize(
    ("english", "french_points"),
    [(None, 25), (clb(4), 25), (clb(5), 50), (clb(5, writing=4), 25)],
)
def test_french_bonus_50_only_with_english_clb_5_in_all_four(english, french_points):
    result = crs_from_levels(on=ON, age=29, first_language=nclc(7), second_language=english)
    assert result.line("crs.additional.french").points == french_points


@pytest.mark.parametrize(("english", "french_points"), [(clb(5), 50), (clb(4), 25)])
def test_french_bonus_counts_french_as_the_second_language_too(english, french_points):
    # English first, French (NCLC 7 in all four) second: the bonus reads both, in either order.
    result = crs_from_levels(on=ON, age=29, first_language=english, second_language=nclc(7))
    assert result.line("crs.additional.french").points == french_points


def test_french_bonus_needs_nclc_7_in_all_four():
    result = crs_from_levels(on=ON, age=29, first_language=nclc(7, writing=6))
    assert result.line("crs.additional.french").points == 0


def test_job_offer_points_are_0_from_2025_03_25():
    def points(on: date) -> int:
        result = crs_from_levels(
            on=on, age=29, first_language=clb(9), job_offer=JobOfferClass.OTHER_SKILLED
        )
        return result.line("crs.additional.job_offer").points

    assert points(date(2025, 3, 24)) == 50
    assert points(date(2025, 3, 25)) == 0


def test_the_tef_scale_is_the_ancien_score_whatever_the_test_date():
    # rules.md §13 says "The TEF scale depends on the test date": the certificate's scale does
    # (0-699 since 2019-10-01), but IRCC reads for Express Entry only its "Équivalence ancien
    # score", with the old chart, whatever the date (language._citations.TEF_ANCIEN_SCORE):
    # the calculators that read the score out of 699 with a chart by date are the mistake.
    scores = AbilityScores(listening=250, reading=210, writing=310, speaking=310)
    for taken in (date(2019, 9, 30), date(2019, 10, 1), date(2023, 12, 10), date(2023, 12, 11)):
        test = LanguageTest(kind=TestKind.TEF_CANADA, test_date=taken, scores=scores)
        assert str(levels_of(test)) == "NCLC L 7, R 7, W 7, S 7"
    out_of_699 = AbilityScores(listening=450, reading=450, writing=450, speaking=450)
    with pytest.raises(ProfileError, match="not the score out of 699"):
        LanguageTest(kind=TestKind.TEF_CANADA, test_date=date(2024, 5, 2), scores=out_of_699)


@pytest.mark.parametrize("ability", [Ability.WRITING, Ability.SPEAKING])
def test_tcf_writing_and_speaking_are_out_of_20(ability: Ability) -> None:
    def tcf(score: int) -> LanguageTest:
        scores = {"listening": 500, "reading": 500, "writing": 20, "speaking": 20}
        scores[ability.value] = score
        return LanguageTest(
            kind=TestKind.TCF_CANADA,
            test_date=date(2026, 1, 10),
            scores=AbilityScores(**scores),
        )

    assert levels_of(tcf(20)).of(ability) == 10
    assert levels_of(tcf(16)).of(ability) == 10
    assert levels_of(tcf(15)).of(ability) == 9
    # Read on the 0-699 scale of listening and reading, 500 would be an error, not NCLC 7.
    with pytest.raises(ProfileError, match=ability.value):
        tcf(21)
    with pytest.raises(ProfileError, match=ability.value):
        tcf(500)


def test_tcf_at_level_4_earns_the_level_4_points_not_0():
    test = LanguageTest(
        kind=TestKind.TCF_CANADA,
        test_date=date(2026, 1, 10),
        scores=AbilityScores(listening=331, reading=342, writing=4, speaking=4),
    )
    levels = levels_of(test)
    assert levels.four == (4, 4, 4, 4)
    result = crs_from_levels(on=ON, age=29, first_language=levels)
    assert result.line("crs.core.first_language").points == 24  # 6 in each ability


def test_fsw_grid_language_points_are_per_ability():
    candidate = Candidate(
        first_official_language=None,
        language_tests=(
            LanguageTest(
                kind=TestKind.CELPIP_GENERAL,
                test_date=date(2026, 1, 10),
                scores=AbilityScores(listening=9, reading=9, writing=7, speaking=9),
            ),
        ),
    )
    grid = fsw_grid(derive(candidate, on=ON))
    assert grid.factor(GridFactor.LANGUAGE).points == 22  # 6 + 6 + 4 + 6, not 4 × 4


def job(code: str, country: str, start: date, end: date) -> WorkPeriod:
    return WorkPeriod(
        noc=NocCode(code),
        country=country,
        start=start,
        end=end,
        hours_per_week=40,
        paid=True,
        self_employed=False,
        full_time_student=False,
        authorized=True,
    )


def test_foreign_experience_is_one_occupation_canadian_adds_up():
    two_jobs_abroad = WorkHistory(
        periods=(
            job("21231", "IN", date(2019, 1, 1), date(2020, 12, 31)),
            job("21211", "IN", date(2021, 1, 1), date(2022, 12, 31)),
        )
    )
    two_jobs_in_canada = WorkHistory(
        periods=(
            job("21231", "CA", date(2023, 1, 1), date(2023, 12, 31)),
            job("21211", "CA", date(2024, 1, 1), date(2024, 12, 31)),
        )
    )
    abroad = crs_for(Candidate(birth_date=date(1995, 1, 1), work_history=two_jobs_abroad), on=ON)
    canada = crs_for(
        Candidate(birth_date=date(1995, 1, 1), work_history=two_jobs_in_canada), on=ON
    )
    assert abroad.factors.foreign_years < 3  # two years in each: the best single one counts
    assert int(abroad.factors.foreign_years) == 2
    assert int(canada.factors.canadian_years) == 2  # one year in each, added up


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("00010", "Legislators"),
        ("21231", "Software engineers and designers"),
        ("31301", "Registered nurses and registered psychiatric nurses"),
    ],
)
def test_noc_codes_are_the_2021_ones(code, title):
    assert NocCode(code).title == title
