"""Invariants of the CRS, whatever the factors and the date."""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import given
from hypothesis import strategies as st

from expressentry.crs import (
    AGE_POINTS,
    CANADIAN_EXPERIENCE_POINTS,
    EDUCATION_POINTS,
    SPOUSE_EDUCATION_POINTS,
    SPOUSE_EXPERIENCE_POINTS,
    CanadianEducation,
    CrsFactors,
    EducationLevel,
    JobOfferClass,
    crs_from_levels,
    score,
)
from expressentry.language.levels import LanguageLevels
from expressentry.language.scales import Ability, Language
from expressentry.strategies import language_levels

dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
years = st.one_of(st.integers(0, 12), st.floats(0, 12, allow_nan=False))


def levels_in(language: Language) -> st.SearchStrategy[LanguageLevels]:
    return language_levels(language)


@st.composite
def factors(draw: st.DrawFn) -> CrsFactors:
    first_language = draw(st.sampled_from(Language))
    second_language = Language.FRENCH if first_language is Language.ENGLISH else Language.ENGLISH
    first = draw(st.one_of(st.none(), levels_in(first_language)))
    second = draw(st.one_of(st.none(), levels_in(second_language)))  # with or without a first
    return CrsFactors(
        age=draw(st.integers(0, 70)),
        education=draw(st.sampled_from(EducationLevel)),
        first_language=first,
        second_language=second,
        canadian_years=draw(years),
        foreign_years=draw(years),
        with_spouse=draw(st.booleans()),
        spouse_education=draw(st.sampled_from(EducationLevel)),
        spouse_language=draw(st.one_of(st.none(), levels_in(Language.ENGLISH))),
        spouse_canadian_years=draw(years),
        certificate_of_qualification=draw(st.booleans()),
        provincial_nomination=draw(st.booleans()),
        sibling_in_canada=draw(st.booleans()),
        canadian_education=draw(st.sampled_from(CanadianEducation)),
        canadian_education_unconfirmed=draw(st.sampled_from(CanadianEducation)),
        job_offer=draw(st.sampled_from(JobOfferClass)),
    )


@given(factors(), dates)
def test_total_and_sections_within_their_caps(candidate: CrsFactors, on: date) -> None:
    result = score(candidate, on=on)
    assert 0 <= result.total <= 1200
    assert result.total == sum(section.points for section in result.sections)
    caps = {"core": 460 if candidate.with_spouse else 500, "spouse": 40}
    caps.update(transferability=100, additional=600)
    for section in result.sections:
        assert 0 <= section.points <= section.cap <= caps[section.name]
        assert sum(line.points for line in section.lines) == section.points
        for line in section.lines:
            assert line.points <= line.maximum or line.rule_id.endswith(".cap")
            if line.points == 0:
                assert line.sentence.startswith("No ")
            assert line.citation.url


@given(factors(), dates, st.integers(0, 120))
def test_points_decided_at_once_are_the_rows_of_the_tables(
    candidate: CrsFactors, on: date, age: int
) -> None:
    """The score adds points from per-value tables; the banded tables are the reference."""
    candidate = attrs.evolve(candidate, age=age)
    result = score(candidate, on=on)
    assert result.points == {section.name: section.points for section in result.sections}
    column = candidate.with_spouse
    expected = {
        "crs.core.age": AGE_POINTS.at(on).band(age).points(column),
        "crs.core.education": EDUCATION_POINTS.at(on)
        .band(candidate.education.rank)
        .points(column),
        "crs.core.canadian_experience": CANADIAN_EXPERIENCE_POINTS.at(on)
        .band(int(candidate.canadian_years))
        .points(column),
    }
    if column:
        expected["crs.spouse.education"] = (
            SPOUSE_EDUCATION_POINTS.at(on).band(candidate.spouse_education.rank).points(True)
        )
        expected["crs.spouse.canadian_experience"] = (
            SPOUSE_EXPERIENCE_POINTS.at(on).band(int(candidate.spouse_canadian_years)).points(True)
        )
    assert {rule_id: result.line(rule_id).points for rule_id in expected} == expected


def raised(levels: LanguageLevels | None, ability: Ability) -> LanguageLevels | None:
    if levels is None:
        return None
    return attrs.evolve(levels, **{ability.value: min(levels.of(ability) + 1, 12)})


@given(factors(), dates, st.sampled_from(Ability))
def test_more_language_never_lowers_the_total(
    candidate: CrsFactors, on: date, ability: Ability
) -> None:
    total = score(candidate, on=on).total
    for field in ("first_language", "second_language", "spouse_language"):
        better = attrs.evolve(candidate, **{field: raised(getattr(candidate, field), ability)})
        assert score(better, on=on).total >= total


@given(factors(), dates)
def test_more_education_never_lowers_the_total(candidate: CrsFactors, on: date) -> None:
    total = score(candidate, on=on).total
    for field in ("education", "spouse_education"):
        level = getattr(candidate, field)
        higher = [other for other in EducationLevel if other > level]
        for other in higher:
            assert score(attrs.evolve(candidate, **{field: other}), on=on).total >= total


@given(factors(), dates, st.floats(0, 5, allow_nan=False))
def test_more_experience_never_lowers_the_total(
    candidate: CrsFactors, on: date, extra: float
) -> None:
    total = score(candidate, on=on).total
    for field in ("canadian_years", "foreign_years", "spouse_canadian_years"):
        more = attrs.evolve(candidate, **{field: getattr(candidate, field) + extra})
        assert score(more, on=on).total >= total


@given(factors(), dates, st.booleans())
def test_a_spouse_who_does_not_count_scores_as_single(
    candidate: CrsFactors, on: date, canadian: bool
) -> None:
    """Policy P12: a Canadian or non-accompanying spouse gives the single total."""
    shared = {
        "on": on,
        "age": candidate.age,
        "education": candidate.education,
        "first_language": candidate.first_language,
        "second_language": candidate.second_language,
        "canadian_years": candidate.canadian_years,
        "foreign_years": candidate.foreign_years,
        "certificate_of_qualification": candidate.certificate_of_qualification,
        "provincial_nomination": candidate.provincial_nomination,
        "sibling_in_canada": candidate.sibling_in_canada,
        "canadian_education": candidate.canadian_education,
        "job_offer": candidate.job_offer,
    }
    single = crs_from_levels(**shared)
    spouse = {
        "spouse_education": candidate.spouse_education,
        "spouse_language": candidate.spouse_language,
        "spouse_canadian_years": candidate.spouse_canadian_years,
    }
    not_counted = crs_from_levels(
        partnered=True,
        spouse_canadian_citizen_or_pr=canadian,
        spouse_accompanying=canadian,
        **spouse,
        **shared,
    )
    canadian_spouse = crs_from_levels(
        partnered=True, spouse_canadian_citizen_or_pr=True, **spouse, **shared
    )
    assert not_counted.total == canadian_spouse.total == single.total
    assert not not_counted.with_spouse
