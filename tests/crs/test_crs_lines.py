"""The lines of a score: what each says, especially every zero and every cap."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from expressentry.crs import (
    CanadianEducation,
    CrsFactors,
    EducationLevel,
    JobOfferClass,
    clb,
    crs_from_levels,
    nclc,
    score,
)
from expressentry.exceptions import ProfileError

ON = date(2025, 4, 1)


def sentence(rule_id: str, on: date = ON, **factors: object) -> str:
    factors.setdefault("age", 29)
    return crs_from_levels(on=on, **factors).line(rule_id).sentence  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rule_id", "factors", "expected"),
    [
        (
            "crs.core.age",
            {"age": 46},
            "No points for age: 46 years old; an age from 18 to 44 needed.",
        ),
        ("crs.core.age", {"age": 29}, "29 years old: 110 points for age."),
        (
            "crs.core.age",
            {"age": 1},
            "No points for age: 1 year old; an age from 18 to 44 needed.",
        ),
        (
            "crs.core.education",
            {},
            "No points for level of education: less than secondary school; a secondary "
            "diploma needed.",
        ),
        (
            "crs.core.first_language",
            {},
            "No points for the first official language: no valid test result.",
        ),
        (
            "crs.core.first_language",
            {"first_language": clb(3)},
            "No points for the first official language: CLB L 3, R 3, W 3, S 3; CLB 4 in an "
            "ability needed.",
        ),
        (
            "crs.core.first_language",
            {"first_language": clb(4)},
            "First official language (CLB L 4 → 6, R 4 → 6, W 4 → 6, S 4 → 6): 24 points.",
        ),
        (
            "crs.core.second_language",
            {"first_language": clb(9), "second_language": nclc(4)},
            "No points for the second official language: NCLC L 4, R 4, W 4, S 4; NCLC 5 in "
            "an ability needed.",
        ),
        (
            "crs.core.second_language",
            {"first_language": clb(9), "second_language": nclc(0, writing=6)},
            "Second official language (NCLC L below 4 → 0, R below 4 → 0, W 6 → 1, "
            "S below 4 → 0): 1 point.",
        ),
        (
            "crs.core.second_language",
            {"first_language": clb(9), "second_language": nclc(9), "partnered": True},
            "Second official language (NCLC L 9 → 6, R 9 → 6, W 9 → 6, S 9 → 6): 22 points, "
            "capped at 22 (24 before the cap).",
        ),
        (
            "crs.core.canadian_experience",
            {},
            "No points for Canadian work experience: 0 years in the last 10; 1 year needed.",
        ),
        (
            "crs.core.canadian_experience",
            {"canadian_years": 1},
            "1 year in the last 10: 40 points for Canadian work experience.",
        ),
        (
            "crs.spouse",
            {},
            "No spouse or partner points: scored as single (no spouse or partner who is coming "
            "to Canada and is not a Canadian citizen or permanent resident; policy P12).",
        ),
        (
            "crs.spouse.language",
            {"partnered": True},
            "No points for the spouse's first official language: no valid test result.",
        ),
        (
            "crs.spouse.language",
            {"partnered": True, "spouse_language": 4},
            "No points for the spouse's first official language: CLB L 4, R 4, W 4, S 4; CLB 5 "
            "in an ability needed.",
        ),
        (
            "crs.transferability.education_language",
            {"education": EducationLevel.SECONDARY},
            "No points for education and first official language: secondary diploma (secondary "
            "or less), no valid test of the first official language; a post-secondary "
            "credential and level 7 or more in all four abilities of the first official language "
            "needed.",
        ),
        (
            "crs.transferability.certificate_language",
            {"certificate_of_qualification": True, "first_language": 5},
            "Certificate of qualification and first official language: a certificate of "
            "qualification, CLB L 5, R 5, W 5, S 5 (first official language at level 5 or more "
            "in all four, one below 7): 25 points.",
        ),
        (  # each grid names the candidate's own figures, then the tier they fall in
            "crs.transferability.foreign_experience_canadian_experience",
            {"foreign_years": 10, "canadian_years": 1.5},
            "Foreign and Canadian work experience: 10 years (3 years or more abroad), 1.5 years "
            "(1 year in Canada): 25 points.",
        ),
        (
            "crs.transferability.education_language",
            {"education": EducationLevel.DOCTORAL, "first_language": clb(8, speaking=9)},
            "Education and first official language: doctoral degree (two or more credentials, "
            "one of 3+ years, or a master's, professional or doctoral degree), CLB L 8, R 8, "
            "W 8, S 9 (first official language at level 7 or more in all four, one below 9): "
            "25 points.",
        ),
        (
            "crs.transferability.education.cap",
            {"education": EducationLevel.DOCTORAL, "first_language": 9, "canadian_years": 2},
            "Education combinations capped at 50 (100 before the cap).",
        ),
        (
            "crs.transferability.cap",
            {
                "education": EducationLevel.DOCTORAL,
                "first_language": 9,
                "canadian_years": 2,
                "foreign_years": 3,
                "certificate_of_qualification": True,
            },
            "Skill transferability points capped at 100 (150 before the cap).",
        ),
        (
            "crs.additional.provincial_nomination",
            {},
            "No points for a provincial or territorial nomination: none that counts.",
        ),
        (
            "crs.additional.provincial_nomination",
            {"provincial_nomination": True},
            "Provincial or territorial nomination: 600 points.",
        ),
        (
            "crs.additional.job_offer",
            {},
            "No points for a job offer: job-offer points were removed on 2025-03-25 (policy P16).",
        ),
        (
            "crs.additional.job_offer",
            {"job_offer": JobOfferClass.OTHER_SKILLED},
            "No points for a job offer: job-offer points were removed on 2025-03-25 (policy P16).",
        ),
        (
            "crs.additional.french",
            {},
            "No points for French-language skills: no valid French test; NCLC 7 in all four "
            "abilities needed.",
        ),
        (
            "crs.additional.french",
            {"first_language": nclc(6)},
            "No points for French-language skills: NCLC L 6, R 6, W 6, S 6; NCLC 7 in all four "
            "abilities needed.",
        ),
        (
            "crs.additional.french",
            {"first_language": nclc(7)},
            "French-language skills (NCLC L 7, R 7, W 7, S 7), no English test: 25 points (CLB "
            "5 in all four English abilities would give 50).",
        ),
        (
            "crs.additional.french",
            {"first_language": nclc(7), "second_language": 4},
            "French-language skills (NCLC L 7, R 7, W 7, S 7), English CLB L 4, R 4, W 4, S 4: "
            "25 points (CLB 5 in all four English abilities would give 50).",
        ),
        (
            "crs.additional.french",
            {"first_language": 5, "second_language": 7},
            "French-language skills (NCLC L 7, R 7, W 7, S 7) with English (CLB L 5, R 5, W 5, "
            "S 5): 50 points.",
        ),
        (
            "crs.additional.canadian_education",
            {"canadian_education": CanadianEducation.THREE_YEAR_OR_MORE},
            "Post-secondary education in Canada, a Canadian credential of 3 years or more, or a "
            "master's, professional or doctoral degree: 30 points.",
        ),
        (
            "crs.additional.sibling",
            {},
            "No points for a sibling in Canada: none declared.",
        ),
        (
            "crs.additional.sibling",
            {"sibling_in_canada": True},
            "A brother or sister in Canada: 15 points.",
        ),
        (
            "crs.additional.cap",
            {"provincial_nomination": True, "sibling_in_canada": True},
            "Additional points capped at 600 (615 before the cap).",
        ),
    ],
)
def test_sentences(rule_id: str, factors: dict[str, object], expected: str) -> None:
    assert sentence(rule_id, **factors) == expected


@pytest.mark.parametrize(
    ("rule_id", "on", "expected"),
    [
        (
            "crs.additional.french",
            date(2017, 6, 5),
            "No points for French-language skills: not part of the CRS on 2017-06-05; it counts "
            "from 2017-06-06.",
        ),
        (
            "crs.additional.sibling",
            date(2016, 1, 1),
            "No points for a sibling in Canada: not part of the CRS on 2016-01-01; it counts "
            "from 2017-06-06.",
        ),
        (
            "crs.additional.canadian_education",
            date(2016, 11, 18),
            "No points for post-secondary education in Canada: not part of the CRS on "
            "2016-11-18; it counts from 2016-11-19.",
        ),
    ],
)
def test_factors_not_yet_in_force(rule_id: str, on: date, expected: str) -> None:
    line = crs_from_levels(on=on, age=29, sibling_in_canada=True).line(rule_id)
    assert line.sentence == expected
    assert (line.points, line.maximum, line.row) == (0, 0, "not in force")


def test_job_offer_lines_by_era() -> None:
    result = crs_from_levels(
        on=date(2020, 1, 1), age=29, job_offer=JobOfferClass.SENIOR_MANAGEMENT
    )
    line = result.line("crs.additional.job_offer")
    assert (line.points, line.maximum) == (200, 200)
    assert line.sentence == (
        "A job offer in NOC 2016 major group 00 (senior management) earns 200 points."
    )
    assert line.facts == {"job_offer": JobOfferClass.SENIOR_MANAGEMENT}


@pytest.mark.parametrize(
    ("on", "offer", "expected"),
    [
        (
            date(2015, 1, 1),
            JobOfferClass.OTHER_SKILLED,
            "A qualifying (LMIA-supported) job offer earns 600 points.",
        ),
        (
            date(2016, 11, 19),
            JobOfferClass.OTHER_SKILLED,
            "A job offer in another NOC 0, A or B occupation earns 50 points.",
        ),
        (
            date(2022, 11, 16),
            JobOfferClass.SENIOR_MANAGEMENT,
            "A job offer in NOC 2021 TEER 0 major group 00 earns 200 points.",
        ),
        (
            date(2022, 11, 16),
            JobOfferClass.OTHER_SKILLED,
            "A job offer in TEER 1, 2 or 3, or TEER 0 outside major group 00, earns 50 points.",
        ),
    ],
)
def test_a_job_offer_line_gives_its_points_in_every_era(
    on: date, offer: JobOfferClass, expected: str
) -> None:
    line = crs_from_levels(on=on, age=29, job_offer=offer).line("crs.additional.job_offer")
    assert line.sentence == expected


def test_unconfirmed_canadian_education_is_reported_not_counted() -> None:
    factors = CrsFactors(
        age=29,
        canadian_education=CanadianEducation.ONE_OR_TWO_YEAR,
        canadian_education_unconfirmed=CanadianEducation.THREE_YEAR_OR_MORE,
    )
    line = score(factors, on=ON).line("crs.additional.canadian_education")
    assert line.points == 15
    assert line.sentence.endswith(
        "Not confirmed: a Canadian credential of 3 years or more, or a master's, professional or "
        "doctoral degree would give 30 if studied full time in Canada for at least 8 months "
        "(not answered)."
    )
    none = score(
        CrsFactors(age=29, canadian_education_unconfirmed=CanadianEducation.ONE_OR_TWO_YEAR),
        on=ON,
    ).line("crs.additional.canadian_education")
    assert none.points == 0
    # Not "no Canadian post-secondary credential": the line goes on about one.
    assert none.sentence == (
        "No points for post-secondary education in Canada: no credential with confirmed "
        "full-time study in Canada. Not confirmed: a Canadian one- or two-year diploma or "
        "certificate would give 15 if studied full time in Canada for at least 8 months (not "
        "answered)."
    )


def test_lines_carry_rows_facts_and_citations() -> None:
    result = crs_from_levels(
        on=ON,
        age=27,
        education=EducationLevel.BACHELORS_OR_THREE_YEAR,
        first_language=clb(listening=9, reading=8, writing=7, speaking=8),
        canadian_years=1,
        partnered=True,
    )
    age = result.line("crs.core.age")
    assert (age.points, age.maximum, age.row, dict(age.facts)) == (
        100,
        100,
        "20 to 29 → 100 (with spouse)",
        {"age": 27},
    )
    language = result.line("crs.core.first_language")
    assert language.row.startswith("listening CLB 9 → 29; reading CLB 8 → 22")
    grid = result.line("crs.transferability.education_canadian_experience")
    assert grid.facts == {
        "education": EducationLevel.BACHELORS_OR_THREE_YEAR,
        "canadian_years": 1,
    }
    assert grid.row == (
        "a post-secondary credential of one year or longer × 1 year in Canada → 13"
    )
    assert "crs-criteria" in grid.citation.url
    assert [line.rule_id for line in result.section("spouse").lines] == [
        "crs.spouse.education",
        "crs.spouse.language",
        "crs.spouse.canadian_experience",
    ]
    assert result.sections is result.sections  # written once


def test_result_lookups() -> None:
    result = crs_from_levels(on=ON, age=29)
    with pytest.raises(KeyError):
        result.line("crs.nothing")
    with pytest.raises(KeyError):
        result.section("nothing")
    text = result.explain()
    assert text.splitlines()[0] == (
        "CRS 110 on 2025-04-01 (rules of 2025-03-25, without a spouse or partner)"
    )
    assert "D. Additional points: 0 of 600" in text
    married = crs_from_levels(on=ON, age=29, partnered=True)
    assert "with a spouse or partner" in married.explain()


def test_equal_inputs_give_equal_results() -> None:
    def one() -> object:
        return crs_from_levels(on=ON, age=29, first_language=9)

    assert one() == one()


@pytest.mark.parametrize(
    ("factors", "path"),
    [
        ({"age": -1}, "$.age"),
        ({"age": True}, "$.age"),
        ({"age": 29.5}, "$.age"),
        ({"age": 29, "canadian_years": -1}, "$.canadian_years"),
        ({"age": 29, "foreign_years": float("nan")}, "$.foreign_years"),
        ({"age": 29, "spouse_canadian_years": True}, "$.spouse_canadian_years"),
        ({"age": 29, "first_language": clb(7), "second_language": clb(7)}, "$.second_language"),
        # A wrong type scored silently before (a text is true) or failed in a comparison.
        ({"age": 29, "provincial_nomination": "false"}, "$.provincial_nomination"),
        ({"age": 29, "sibling_in_canada": "no"}, "$.sibling_in_canada"),
        ({"age": 29, "with_spouse": 1}, "$.with_spouse"),
        ({"age": 29, "certificate_of_qualification": None}, "$.certificate_of_qualification"),
        ({"age": 29, "education": "doctoral"}, "$.education"),
        ({"age": 29, "spouse_education": "doctoral"}, "$.spouse_education"),
        ({"age": 29, "job_offer": "senior_management"}, "$.job_offer"),
        ({"age": 29, "canadian_education": "none"}, "$.canadian_education"),
        ({"age": 29, "canadian_education_unconfirmed": 0}, "$.canadian_education_unconfirmed"),
        ({"age": 29, "first_language": 9}, "$.first_language"),
        ({"age": 29, "second_language": 9.0}, "$.second_language"),
        ({"age": 29, "spouse_language": "CLB 7"}, "$.spouse_language"),
        ({"age": 29, "canadian_years": "3"}, "$.canadian_years"),
        ({"age": 29, "unsettled": [("age", "not given")]}, "$.unsettled"),
    ],
)
def test_bad_factors_name_their_path(factors: dict[str, object], path: str) -> None:
    with pytest.raises(ProfileError) as error:
        CrsFactors(**factors)  # type: ignore[arg-type]
    assert [problem[0] for problem in error.value.problems] == [path]


def test_levels_of_the_wrong_type_are_named_by_argument() -> None:
    with pytest.raises(ProfileError) as error:
        crs_from_levels(
            on=ON, age=29, partnered="no", spouse_accompanying=None, first_language=True
        )
    assert [problem[0] for problem in error.value.problems] == [
        "$.partnered",
        "$.spouse_accompanying",
        "$.first_language",
    ]
    with pytest.raises(ProfileError) as error:
        crs_from_levels(on=ON, age=29, education="doctoral", sibling_in_canada="no")
    assert [problem[0] for problem in error.value.problems] == [
        "$.education",
        "$.sibling_in_canada",
    ]
    assert "EducationLevel('doctoral') reads it" in str(error.value)
    with pytest.raises(ProfileError, match=r"\$\.first_language: expected a LanguageLevels"):
        crs_from_levels(on=ON, age=29, first_language=9.0)  # type: ignore[arg-type]


def test_good_factors_of_every_kind_are_accepted() -> None:
    class Years(int):  # an int subclass is an age in whole years too
        pass

    assert CrsFactors(age=Years(29)).age == 29
    assert CrsFactors(age=None, canadian_years=0.5, foreign_years=3).foreign_years == 3
    assert CrsFactors(age=29, first_language=nclc(7), second_language=clb(5)).second_language
    assert CrsFactors(age=29, second_language=nclc(7)).second_language  # a second alone
    assert CrsFactors(age=29, canadian_years=Fraction(5, 2)).canadian_years == 2.5


def test_a_second_language_alone_scores_by_its_own_table() -> None:
    # No valid test of the first language: the second still scores by rules.md §4.4 (§5.3:
    # the other language, if tested, is the second), and a French test counts for the
    # French-language points in either role (P20).
    french = score(CrsFactors(age=29, second_language=nclc(8)), on=ON)
    line = french.line("crs.core.second_language")
    assert line.points == 12  # NCLC 8: 3 in each ability
    assert line.sentence == (
        "Second official language (NCLC L 8 → 3, R 8 → 3, W 8 → 3, S 8 → 3): 12 points."
    )
    assert french.line("crs.core.first_language").points == 0
    assert french.line("crs.additional.french").points == 25  # no English test
    english = score(CrsFactors(age=29, second_language=clb(9)), on=ON)
    assert english.line("crs.core.second_language").points == 24  # 6 each, the cap of 24
    assert english.points["additional"] == 0
    capped = score(CrsFactors(age=29, second_language=clb(9), with_spouse=True), on=ON)
    assert capped.line("crs.core.second_language").points == 22  # the cap with a spouse


def test_levels_helpers() -> None:
    assert str(nclc(8, writing=7)) == "NCLC L 8, R 8, W 7, S 8"
    assert str(clb(listening=4, reading=5, writing=6, speaking=7)) == "CLB L 4, R 5, W 6, S 7"
    with pytest.raises(ProfileError) as error:
        clb(listening=9)
    assert [problem[0] for problem in error.value.problems] == [
        "$.reading",
        "$.writing",
        "$.speaking",
    ]


def test_int_levels_follow_the_first_language() -> None:
    french_first = crs_from_levels(on=ON, age=29, first_language=nclc(7), second_language=5)
    factors = french_first.factors
    assert factors.second_language is not None
    assert str(factors.second_language) == "CLB L 5, R 5, W 5, S 5"
    english_first = crs_from_levels(on=ON, age=29, first_language=9, second_language=7)
    assert str(english_first.factors.second_language) == "NCLC L 7, R 7, W 7, S 7"


@pytest.mark.parametrize(
    ("on", "rule_id", "provision"),
    [
        # Found by an independent probe: before a factor existed its line cited the job-offer
        # provision of 2015, and two later citations pointed to a repost and a retired page.
        (date(2016, 11, 18), "crs.additional.canadian_education", "until 2016-11-19"),
        (date(2016, 11, 18), "crs.additional.french", "until 2017-06-06"),
        (date(2017, 6, 5), "crs.additional.sibling", "until 2017-06-06"),
        (date(2016, 11, 19), "crs.additional.canadian_education", "Amendments 2016-1"),
        (date(2016, 11, 19), "crs.additional.job_offer", "Amendments 2016-1"),
        (date(2017, 6, 6), "crs.additional.french", "Amendments 2017-1"),
        (date(2017, 6, 6), "crs.additional.sibling", "Amendments 2017-1"),
    ],
)
def test_additional_lines_cite_the_instructions_of_their_era(
    on: date, rule_id: str, provision: str
) -> None:
    citation = crs_from_levels(on=on, age=29).line(rule_id).citation
    assert provision in citation.provision
    assert "arranged employment 600" not in citation.provision
    assert citation.url.startswith("https://www.canada.ca/")


def test_every_crs_citation_is_an_official_https_page() -> None:
    from expressentry.crs import CRS_RULES

    for day in CRS_RULES.change_dates:
        for section in crs_from_levels(on=day, age=29).sections:
            for line in section.lines:
                assert line.citation.url.startswith("https://"), (day, line.rule_id)
                assert "go4visa" not in line.citation.url


@pytest.mark.parametrize(
    ("on", "count"),
    [(date(2026, 11, 29), 0), (date(2026, 11, 30), 1), (date(2031, 1, 1), 1)],
)
def test_a_score_read_alone_warns_after_the_rules_were_last_checked(on, count):
    """Policy P15: the day the rules were checked gives no warning, the day after one."""
    result = crs_from_levels(on=on, age=30, first_language=9)
    assert len(result.warnings) == count
    warned = f"rules may have changed by {on.isoformat()} (policy P15)."
    assert all(warning.endswith(warned) for warning in result.warnings)
    text = result.explain()
    assert text.count("Warning: ") == count
    assert result.explain(warnings=False).count("Warning: ") == 0
    assert result._repr_markdown_().count("> The rules were last checked") == count
    assert result._repr_html_().count("<em>The rules were last checked") == count


def test_each_line_names_the_policies_it_relies_on():
    from expressentry.crs import CRS_LINE_POLICIES
    from expressentry.policies import POLICIES
    from expressentry.reference import crs_line_rules

    known = {rule_id for rule_id, _ in crs_line_rules()}
    assert set(CRS_LINE_POLICIES) <= known  # no policy for a line that does not exist
    assert all(p in POLICIES for ps in CRS_LINE_POLICIES.values() for p in ps)
    result = crs_from_levels(
        on=date(2020, 1, 1),
        age=30,
        first_language=9,
        second_language=nclc(7),
        job_offer=JobOfferClass.OTHER_SKILLED,
    )
    assert result.line("crs.core.age").policies == ("P13",)
    assert result.line("crs.additional.job_offer").policies == ("P16", "P34")
    assert "P20" in result.line("crs.additional.french").policies
    assert result.line("crs.additional.provincial_nomination").policies == ()


def test_the_lines_are_a_tuple_in_section_order() -> None:
    # Found by an API audit (helper-80): `lines` was a generator, so len() and lines[0] failed.
    result = crs_from_levels(on=ON, age=29)
    lines = result.lines
    assert isinstance(lines, tuple)
    assert lines[0].rule_id == "crs.core.age"
    assert len(lines) == sum(len(section.lines) for section in result.sections)
    assert lines == tuple(line for section in result.sections for line in section.lines)
