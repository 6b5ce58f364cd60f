"""The CRS tables, row by row, and every rule-era boundary, generated from the tables."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from expressentry import crs
from expressentry.crs import (
    AGE_POINTS,
    CANADIAN_EXPERIENCE_POINTS,
    CRS_CAPS,
    CRS_RULES,
    EDUCATION_POINTS,
    FIRST_LANGUAGE_POINTS,
    JOB_OFFER_POINTS,
    SECOND_LANGUAGE_POINTS,
    SPOUSE_EDUCATION_POINTS,
    SPOUSE_EXPERIENCE_POINTS,
    SPOUSE_LANGUAGE_POINTS,
    CanadianEducation,
    EducationLevel,
    JobOfferClass,
    clb,
    crs_from_levels,
    nclc,
)
from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Citation, DatedTable
from expressentry.exceptions import NotInForce

ON = date(2026, 1, 1)

# rules.md §4.1, transcribed: age → (with spouse, without spouse).
AGE = {17: (0, 0), 18: (90, 99), 19: (95, 105), **dict.fromkeys(range(20, 30), (100, 110))}
AGE.update(
    {
        30: (95, 105), 31: (90, 99), 32: (85, 94), 33: (80, 88), 34: (75, 83), 35: (70, 77),
        36: (65, 72), 37: (60, 66), 38: (55, 61), 39: (50, 55), 40: (45, 50), 41: (35, 39),
        42: (25, 28), 43: (15, 17), 44: (5, 6), 45: (0, 0), 60: (0, 0), 0: (0, 0),
    }
)  # fmt: skip
EDUCATION = {
    EducationLevel.LESS_THAN_SECONDARY: (0, 0),
    EducationLevel.SECONDARY: (28, 30),
    EducationLevel.ONE_YEAR: (84, 90),
    EducationLevel.TWO_YEAR: (91, 98),
    EducationLevel.BACHELORS_OR_THREE_YEAR: (112, 120),
    EducationLevel.TWO_OR_MORE: (119, 128),
    EducationLevel.MASTERS_OR_PROFESSIONAL: (126, 135),
    EducationLevel.DOCTORAL: (140, 150),
}
FIRST = {0: (0, 0), 3: (0, 0), 4: (6, 6), 5: (6, 6), 6: (8, 9), 7: (16, 17), 8: (22, 23),
         9: (29, 31), 10: (32, 34), 12: (32, 34)}  # fmt: skip
SECOND = {0: 0, 4: 0, 5: 1, 6: 1, 7: 3, 8: 3, 9: 6, 10: 6}
CANADIAN = {0: (0, 0), 1: (35, 40), 2: (46, 53), 3: (56, 64), 4: (63, 72), 5: (70, 80),
            9: (70, 80)}  # fmt: skip
SPOUSE_EDUCATION = dict(zip(EducationLevel, (0, 2, 6, 7, 8, 9, 10, 10), strict=True))
SPOUSE_LANGUAGE = {0: 0, 4: 0, 5: 1, 6: 1, 7: 3, 8: 3, 9: 5, 10: 5}
SPOUSE_CANADIAN = {0: 0, 1: 5, 2: 7, 3: 8, 4: 9, 5: 10, 7: 10}


@pytest.mark.parametrize(("age", "points"), AGE.items())
def test_age_table(age: int, points: tuple[int, int]) -> None:
    band = AGE_POINTS.at(ON).band(age)
    assert (band.points(True), band.points(False)) == points


@pytest.mark.parametrize(("level", "points"), EDUCATION.items())
def test_education_table(level: EducationLevel, points: tuple[int, int]) -> None:
    band = EDUCATION_POINTS.at(ON).band(level.rank)
    assert (band.points(True), band.points(False)) == points
    assert band.label == level.title


@pytest.mark.parametrize(("level", "points"), FIRST.items())
def test_first_language_table(level: int, points: tuple[int, int]) -> None:
    band = FIRST_LANGUAGE_POINTS.at(ON).band(level)
    assert (band.points(True), band.points(False)) == points


@pytest.mark.parametrize(("level", "points"), SECOND.items())
def test_second_language_table(level: int, points: int) -> None:
    band = SECOND_LANGUAGE_POINTS.at(ON).band(level)
    assert band.points(True) == band.points(False) == points


@pytest.mark.parametrize(("years", "points"), CANADIAN.items())
def test_canadian_experience_table(years: int, points: tuple[int, int]) -> None:
    band = CANADIAN_EXPERIENCE_POINTS.at(ON).band(years)
    assert (band.points(True), band.points(False)) == points


@pytest.mark.parametrize(
    ("table", "value", "points"),
    [(SPOUSE_EDUCATION_POINTS, level.rank, p) for level, p in SPOUSE_EDUCATION.items()]
    + [(SPOUSE_LANGUAGE_POINTS, level, p) for level, p in SPOUSE_LANGUAGE.items()]
    + [(SPOUSE_EXPERIENCE_POINTS, years, p) for years, p in SPOUSE_CANADIAN.items()],
)
def test_spouse_tables(table: DatedTable[crs.PointsScale], value: int, points: int) -> None:
    assert table.at(ON).band(value).points(True) == points


def test_maxima_add_up_to_the_section_caps() -> None:
    """rules.md §4.0: the factor maxima add up to the core and spouse caps."""
    caps = CRS_CAPS.at(ON)
    for with_spouse, core_cap, second_cap in (
        (True, caps.core_with_spouse, caps.second_language_with_spouse),
        (False, caps.core_without_spouse, caps.second_language_without_spouse),
    ):
        core = (
            AGE_POINTS.at(ON).maximum(with_spouse)
            + EDUCATION_POINTS.at(ON).maximum(with_spouse)
            + FIRST_LANGUAGE_POINTS.at(ON).maximum(with_spouse) * 4
            + second_cap
            + CANADIAN_EXPERIENCE_POINTS.at(ON).maximum(with_spouse)
        )
        assert core == core_cap
    spouse = (
        SPOUSE_EDUCATION_POINTS.at(ON).maximum(True)
        + SPOUSE_LANGUAGE_POINTS.at(ON).maximum(True) * 4
        + SPOUSE_EXPERIENCE_POINTS.at(ON).maximum(True)
    )
    assert spouse == caps.spouse == 40
    assert caps.core_without_spouse + caps.transferability + caps.additional == caps.total


def test_every_table_row_has_a_citation() -> None:
    for table in crs._TABLES:
        assert table.entries[0].start == EXPRESS_ENTRY_LAUNCH
        for row in table:
            assert isinstance(row.citation, Citation)
            assert row.citation.url.startswith("http")


def test_rule_versions_are_the_eras_of_the_issue() -> None:
    assert CRS_RULES.change_dates == (
        date(2015, 1, 1),
        date(2016, 11, 19),
        date(2017, 6, 6),
        date(2020, 10, 27),
        date(2022, 11, 16),
        date(2025, 3, 25),
    )


# Candidate X: single, 29 (110), bachelor's (120), CLB 9 (124), NCLC 7 second (3 × 4 = 12),
# 1 year in Canada (40): core 406; C: E1×L2 25 + E1×C1 13 = 38. An offer in another skilled
# occupation, a one- or two-year Canadian credential, a sibling. Additional points per era:
ADDITIONAL_BY_ERA = {
    date(2015, 1, 1): 600,  # job offer 600 only
    date(2016, 11, 19): 65,  # job offer 50 + Canadian study 15
    date(2017, 6, 6): 110,  # 50 + 15 + French bilingual 30 + sibling 15
    date(2020, 10, 27): 130,  # 50 + 15 + 50 + 15
    date(2022, 11, 16): 130,  # the same points in TEER wording
    date(2025, 3, 25): 80,  # job offer removed: 15 + 50 + 15
}


def candidate_x(on: date) -> crs.CrsResult:
    return crs_from_levels(
        on=on,
        age=29,
        education=EducationLevel.BACHELORS_OR_THREE_YEAR,
        first_language=clb(9),
        second_language=nclc(7),
        canadian_years=1,
        job_offer=JobOfferClass.OTHER_SKILLED,
        canadian_education=CanadianEducation.ONE_OR_TWO_YEAR,
        sibling_in_canada=True,
    )


def test_era_expectations_cover_every_change_date() -> None:
    assert set(ADDITIONAL_BY_ERA) == set(CRS_RULES.change_dates)


@pytest.mark.parametrize("day", CRS_RULES.change_dates, ids=str)
def test_each_era_boundary(day: date) -> None:
    """The day before and the day of every change date, generated from the tables."""
    result = candidate_x(day)
    assert result.rule_version == day
    assert result.total == 406 + 38 + ADDITIONAL_BY_ERA[day]
    assert result.points["additional"] == ADDITIONAL_BY_ERA[day]
    before = day - timedelta(days=1)
    index = CRS_RULES.change_dates.index(day)
    if index == 0:
        with pytest.raises(NotInForce):
            candidate_x(before)
        return
    previous = CRS_RULES.change_dates[index - 1]
    earlier = candidate_x(before)
    assert earlier.rule_version == previous
    assert earlier.points["additional"] == ADDITIONAL_BY_ERA[previous]


@pytest.mark.parametrize(
    ("table", "day"),
    [(table, day) for table in crs._TABLES for day in table.change_dates],
    ids=lambda value: value.isoformat() if isinstance(value, date) else value.name,
)
def test_each_table_change_reaches_the_score(table: DatedTable[Any], day: date) -> None:
    """Every line that a table feeds cites the row of that table in force on the day."""
    with_spouse = crs_from_levels(on=day, age=29, partnered=True)
    citations = {
        line.citation for result in (candidate_x(day), with_spouse) for line in result.lines
    }
    assert table.citation_at(day) in citations


def test_teer_wording_from_2022_11_16() -> None:
    before = crs_from_levels(
        on=date(2022, 11, 15), age=29, job_offer=JobOfferClass.SENIOR_MANAGEMENT
    )
    after = crs_from_levels(
        on=date(2022, 11, 16), age=29, job_offer=JobOfferClass.SENIOR_MANAGEMENT
    )
    assert "NOC 2016 major group 00" in before.line("crs.additional.job_offer").row
    assert "TEER 0 major group 00" in after.line("crs.additional.job_offer").row
    assert before.points["additional"] == after.points["additional"] == 200
    assert JOB_OFFER_POINTS.at(date(2025, 3, 25)).points(JobOfferClass.OTHER_SKILLED) == 0


def test_not_in_force_before_launch() -> None:
    with pytest.raises(NotInForce, match="2014-12-31"):
        crs_from_levels(on=date(2014, 12, 31), age=29)
