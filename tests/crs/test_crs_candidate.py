"""The CRS of a Candidate: every input derived from dated facts (age, tests, ledger, ...)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest

from expressentry.crs import (
    CanadianEducation,
    EducationLevel,
    JobOfferClass,
    crs_factors,
    crs_for,
    crs_from_levels,
    score,
)
from expressentry.facts import derive
from expressentry.model import (
    AbilityScores,
    Candidate,
    CertificateOfQualification,
    Credential,
    CredentialLevel,
    EcaOrganization,
    EducationalCredentialAssessment,
    IssuingAuthority,
    JobOffer,
    Language,
    LanguageTest,
    LmiaStatus,
    MaritalStatus,
    NocCode,
    Province,
    ProvincialNomination,
    Spouse,
    TestKind,
    WorkAuthorization,
    WorkHistory,
    WorkPeriod,
)

ON = date(2025, 4, 1)
SOFTWARE = NocCode("21231")


def ielts(listening: float, reading: float, writing: float, speaking: float) -> LanguageTest:
    return LanguageTest(
        kind=TestKind.IELTS_GENERAL_TRAINING,
        test_date=date(2024, 10, 1),
        result_date=date(2024, 10, 14),
        scores=AbilityScores(
            listening=listening, reading=reading, writing=writing, speaking=speaking
        ),
    )


def job(country: str, start: date, end: date | None, hours: float = 40) -> WorkPeriod:
    return WorkPeriod(
        noc=SOFTWARE,
        country=country,
        start=start,
        end=end,
        hours_per_week=hours,
        paid=True,
        self_employed=False,
        full_time_student=False,
        authorized=True,
    )


BACHELORS_ABROAD = Credential(
    level=CredentialLevel.BACHELORS_OR_THREE_YEAR,
    program_years=4,
    country="IN",
    completion_date=date(2019, 5, 1),
    eca=EducationalCredentialAssessment(
        organization=EcaOrganization.WES,
        issue_date=date(2022, 3, 1),
        canadian_equivalent=CredentialLevel.BACHELORS_OR_THREE_YEAR,
    ),
)

# Golden case 2 as a dated history: born 1997-06-15 (27 on 2025-04-01), married to an
# accompanying spouse who is not Canadian; a bachelor's assessed by WES; IELTS L8 R6.5 W6 S6.5
# (CLB 9, 8, 7, 8); 15 months in Canada at 40 h/week (capped at 30: 1 whole year) and 2.5
# years in India (2 whole years, one occupation); spouse: Canadian secondary diploma, IELTS 5.0
# ×4 (CLB 5, 6, 5, 5). Expected 394 (core 336, spouse 6, transferability 52).
GOLDEN_2 = Candidate(
    birth_date=date(1997, 6, 15),
    marital_status=MaritalStatus.MARRIED,
    work_authorization=WorkAuthorization.OPEN_WORK_PERMIT,
    first_official_language=Language.ENGLISH,
    language_tests=(ielts(8.0, 6.5, 6.0, 6.5),),
    education=(BACHELORS_ABROAD,),
    work_history=WorkHistory(
        periods=(
            job("IN", date(2020, 1, 1), date(2022, 6, 30)),
            job("CA", date(2024, 1, 1), date(2025, 3, 31)),
        )
    ),
    spouse=Spouse(
        canadian_citizen_or_pr=False,
        accompanying=True,
        education=(
            Credential(
                level=CredentialLevel.SECONDARY, country="CA", completion_date=date(2015, 6, 1)
            ),
        ),
        language_tests=(ielts(5.0, 5.0, 5.0, 5.0),),
        work_history=WorkHistory(),  # "no Canadian work": answered, and empty
    ),
    sibling_in_canada=False,
    certificates_of_qualification=(),  # answered: none
)


def test_golden_case_2_from_a_dated_history() -> None:
    result = crs_for(GOLDEN_2, on=ON)
    assert result.total == 394
    assert dict(result.points) == {
        "core": 336,
        "spouse": 6,
        "transferability": 52,
        "additional": 0,
    }
    factors = result.factors
    assert factors.age == 27
    assert factors.education is EducationLevel.BACHELORS_OR_THREE_YEAR
    assert int(factors.canadian_years) == 1
    assert int(factors.foreign_years) == 2
    assert factors.canadian_years == 1.2  # 15 months, floored to a tenth
    assert factors.with_spouse
    # Only the language module's notes: which language is first and which test speaks for it.
    assert result.notes[0] == "English is the first official language, as declared."
    assert len(result.notes) == 2
    assert result == crs_for(GOLDEN_2, on=ON)


def test_foreign_work_under_a_noc_2016_code_the_2021_version_splits_scores_its_years() -> None:
    """NOC 2016 2173 is 21211 or 21231 in NOC 2021: either way one occupation, 2 whole years
    abroad; golden case 2's total, not the 2 years dropped (an audit found them dropped)."""
    abroad = attrs.evolve(GOLDEN_2.work_history.periods[0], noc=NocCode("2173"))
    history = WorkHistory(periods=(abroad, *GOLDEN_2.work_history.periods[1:]))
    result = crs_for(attrs.evolve(GOLDEN_2, work_history=history), on=ON)
    assert int(result.factors.foreign_years) == 2
    assert result.total == 394
    assert not [note for note in result.notes if "Foreign work experience" in note]


def test_the_same_as_from_levels() -> None:
    from_levels = crs_from_levels(
        on=ON,
        age=27,
        education=EducationLevel.BACHELORS_OR_THREE_YEAR,
        first_language=crs_for(GOLDEN_2, on=ON).factors.first_language,
        canadian_years=1,
        foreign_years=2,
        partnered=True,
        spouse_education=EducationLevel.SECONDARY,
        spouse_language=crs_for(GOLDEN_2, on=ON).factors.spouse_language,
    )
    assert from_levels.total == crs_for(GOLDEN_2, on=ON).total


def test_age_on_a_29_february_birthday() -> None:
    leap = attrs.evolve(GOLDEN_2, birth_date=date(1996, 2, 29), marital_status=None, spouse=None)
    assert crs_for(leap, on=date(2025, 2, 28)).factors.age == 28
    assert crs_for(leap, on=date(2025, 3, 1)).factors.age == 29


def test_unknowns_are_noted_not_counted() -> None:
    unknown = Candidate(
        spouse=Spouse(canadian_citizen_or_pr=None, accompanying=True),
        marital_status=MaritalStatus.COMMON_LAW,
    )
    result = crs_for(unknown, on=ON)
    assert result.factors.age is None
    assert result.line("crs.core.age").sentence == (
        "No points for age: the birth date is not given."
    )
    assert not result.with_spouse  # P12: with a spouse only when known to count
    assert result.notes[:2] == (
        "No birth date: no age points.",
        "Whether the spouse or partner is a Canadian citizen or permanent resident, or is "
        "coming to Canada, is not answered: scored without a spouse (policy P12: the "
        "with-spouse column only when the spouse is known to count).",
    )
    assert "A sibling in Canada is not answered: not counted." in result.notes
    assert "The credentials are not answered: no points for education." in result.notes
    none = crs_for(attrs.evolve(unknown, education=()), on=ON)
    assert "No credential: no points for education." in none.notes
    assert none.total == result.total
    # A spouse who counts, with education and test left out: each scores nothing, as a fact
    # not answered never counts as a "yes", and each is said to.
    counting = crs_for(
        attrs.evolve(unknown, spouse=Spouse(canadian_citizen_or_pr=False, accompanying=True)),
        on=ON,
    )
    assert counting.with_spouse
    for note in (
        "The spouse's education is not given: no spouse education points.",
        "The spouse's language test is not given: no spouse language points.",
    ):
        assert note in counting.notes
        assert note not in result.notes  # a spouse not scored is not read
    answered = crs_for(GOLDEN_2, on=ON)
    assert not any("is not given" in note for note in answered.notes)
    no_spouse_details = crs_for(Candidate(marital_status=MaritalStatus.MARRIED), on=ON)
    assert not no_spouse_details.with_spouse
    assert no_spouse_details.factors.spouse_canadian_years == 0
    single = crs_for(Candidate(), on=ON)
    assert not single.with_spouse
    assert "The marital status is not answered: scored without a spouse." in single.notes


def test_spouse_who_does_not_count() -> None:
    canadian = attrs.evolve(
        GOLDEN_2, spouse=attrs.evolve(GOLDEN_2.spouse, canadian_citizen_or_pr=True)
    )
    result = crs_for(canadian, on=ON)
    assert not result.with_spouse
    assert result.factors.spouse_language is None
    assert result.factors.spouse_education is EducationLevel.LESS_THAN_SECONDARY
    # Single column: 110 + 120 + (31 + 23 + 17 + 23 = 94) + 40 = 364; C 52. Total 416.
    assert result.total == 416


def test_missing_facts_in_the_ledger_are_noted() -> None:
    unclear = attrs.evolve(
        GOLDEN_2,
        work_history=WorkHistory(
            periods=(
                attrs.evolve(job("CA", date(2022, 1, 1), date(2025, 3, 31)), authorized=None),
            )
        ),
    )
    result = crs_for(unclear, on=ON)
    assert result.factors.canadian_years == 0
    assert any(
        note.startswith("Canadian work experience: 0 to 3 whole years") for note in result.notes
    )


def test_ignored_credentials_and_language_notes() -> None:
    candidate = attrs.evolve(
        GOLDEN_2,
        education=(attrs.evolve(BACHELORS_ABROAD, eca=None),),
        first_official_language=None,
    )
    result = crs_for(candidate, on=ON)
    assert result.factors.education is EducationLevel.LESS_THAN_SECONDARY
    assert (
        "Credential 1 not counted: foreign credential without an educational credential "
        "assessment." in result.notes
    )


def offer(**changes: Any) -> JobOffer:
    base = JobOffer(
        noc=SOFTWARE,
        full_time=True,
        non_seasonal=True,
        at_least_one_year=True,
        lmia=LmiaStatus.APPROVED,
    )
    return attrs.evolve(base, **changes)


def offer_class(
    on: date, *offers: JobOffer, **changes: Any
) -> tuple[JobOfferClass, tuple[str, ...]]:
    candidate = attrs.evolve(GOLDEN_2, job_offers=offers, **changes)
    factors, notes = crs_factors(derive(candidate, on=on))
    return factors.job_offer, notes


@pytest.mark.parametrize(
    ("on", "offers", "changes", "expected", "note"),
    [
        (date(2020, 1, 1), (offer(),), {}, JobOfferClass.OTHER_SKILLED, None),
        (
            date(2020, 1, 1),
            (offer(), offer(noc=NocCode("0012"))),
            {},
            JobOfferClass.SENIOR_MANAGEMENT,
            None,
        ),
        # Before 2016-11-19 the senior-management group does not exist: same 600 anyway, for
        # an offer of indeterminate employment (policy P34); unanswered, it earns nothing.
        (
            date(2016, 1, 1),
            (offer(noc=NocCode("0012"), indeterminate=True),),
            {},
            JobOfferClass.OTHER_SKILLED,
            None,
        ),
        (
            date(2016, 1, 1),
            (offer(noc=NocCode("0012")),),
            {},
            JobOfferClass.NONE,
            "not answered: whether the offer has no end date",
        ),
        (
            date(2020, 1, 1),
            (offer(noc=None),),
            {},
            JobOfferClass.NONE,
            "not answered: the NOC code of the job offered",
        ),
        (date(2020, 1, 1), (offer(full_time=False),), {}, JobOfferClass.NONE, "full time"),
        (
            date(2020, 1, 1),
            (offer(noc=NocCode("6611")),),
            {},
            JobOfferClass.NONE,
            "is not a skilled occupation",
        ),
        (
            date(2020, 1, 1),
            (offer(lmia=LmiaStatus.NONE),),
            {},
            JobOfferClass.NONE,
            "neither a positive LMIA nor an LMIA exemption",
        ),
        (
            date(2016, 1, 1),
            (offer(lmia=LmiaStatus.EXEMPT),),
            {},
            JobOfferClass.NONE,
            "earns CRS points only from 2016-11-19",
        ),
        (
            date(2020, 1, 1),
            (
                offer(
                    lmia=LmiaStatus.EXEMPT,
                    currently_working_for_employer=True,
                    year_of_full_time_work_with_employer=True,
                ),
            ),
            {},
            JobOfferClass.OTHER_SKILLED,
            None,
        ),
        (
            date(2020, 1, 1),
            (
                offer(
                    lmia=LmiaStatus.EXEMPT,
                    currently_working_for_employer=True,
                    year_of_full_time_work_with_employer=False,
                ),
            ),
            {},
            JobOfferClass.NONE,
            "needs a year of continuous full-time work",
        ),
        (
            date(2020, 1, 1),
            (offer(lmia=LmiaStatus.EXEMPT, currently_working_for_employer=True),),
            {},
            JobOfferClass.NONE,
            "not answered: whether the candidate has done at least one year of continuous "
            "full-time work for this employer",
        ),
    ],
)
def test_job_offer_class(
    on: date,
    offers: tuple[JobOffer, ...],
    changes: dict[str, Any],
    expected: JobOfferClass,
    note: str | None,
) -> None:
    found, notes = offer_class(on, *offers, **changes)
    assert found is expected
    if note is None:
        assert not any("Job offer" in text for text in notes)
    else:
        assert any(note in text for text in notes)


@pytest.mark.parametrize(("dated", "counts"), [(ON, True), (ON + timedelta(days=1), False)])
def test_a_nomination_and_a_certificate_dated_on_the_day_count(dated: date, counts: bool) -> None:
    # A nomination or a certificate of qualification dated on the evaluation date is held on
    # that date (P1); one dated the day after is not yet.
    candidate = attrs.evolve(
        GOLDEN_2,
        provincial_nomination=ProvincialNomination(
            province=Province.ON, nomination_date=dated, express_entry_stream=True
        ),
        certificates_of_qualification=(
            CertificateOfQualification(issued_by=IssuingAuthority.ON, issue_date=dated),
        ),
    )
    result = crs_for(candidate, on=ON)
    assert result.factors.provincial_nomination is counts
    assert result.factors.certificate_of_qualification is counts
    assert result.line("crs.additional.provincial_nomination").points == (600 if counts else 0)


def test_nomination_certificate_and_sibling() -> None:
    nominated = attrs.evolve(
        GOLDEN_2,
        provincial_nomination=ProvincialNomination(
            province=Province.ON, nomination_date=date(2025, 1, 1), express_entry_stream=True
        ),
        certificates_of_qualification=(
            CertificateOfQualification(issued_by=IssuingAuthority.ON, issue_date=None),
        ),
        sibling_in_canada=True,
    )
    scored = crs_for(nominated, on=ON)
    factors = scored.factors
    assert factors.provincial_nomination
    assert factors.certificate_of_qualification
    assert factors.sibling_in_canada
    # Counted though undated, as the profile format says: and noted, so as not to read as sure.
    undated = "The certificate of qualification's issue date is not given: counted as issued by "
    assert f"{undated}2025-04-01." in scored.notes
    assert not any("nomination's date" in note for note in scored.notes)
    undated_nomination = attrs.evolve(
        nominated,
        provincial_nomination=ProvincialNomination(
            province=Province.ON, express_entry_stream=True
        ),
        certificates_of_qualification=(
            CertificateOfQualification(issued_by=IssuingAuthority.ON, issue_date=None),
            CertificateOfQualification(issued_by=IssuingAuthority.ON, issue_date=date(2024, 1, 1)),
        ),
    )
    scored = crs_for(undated_nomination, on=ON)
    assert scored.factors.provincial_nomination
    assert (
        "The provincial nomination's date is not given: counted as made by 2025-04-01."
        in scored.notes
    )
    # A dated certificate counts on its own: the undated one beside it needs no note.
    assert not any(note.startswith(undated) for note in scored.notes)
    later = attrs.evolve(
        nominated,
        provincial_nomination=ProvincialNomination(
            province=Province.ON, nomination_date=date(2025, 5, 1), express_entry_stream=True
        ),
        certificates_of_qualification=(
            CertificateOfQualification(issued_by=IssuingAuthority.ON, issue_date=date(2025, 5, 1)),
        ),
    )
    result = crs_for(later, on=ON)
    assert not result.factors.provincial_nomination
    assert not result.factors.certificate_of_qualification
    assert "The provincial nomination dated 2025-05-01 is after 2025-04-01: not counted." in (
        result.notes
    )
    unknown_stream = attrs.evolve(
        nominated, provincial_nomination=ProvincialNomination(province=Province.BC)
    )
    result = crs_for(unknown_stream, on=ON)
    assert not result.factors.provincial_nomination
    assert any("Express Entry-aligned stream is not answered" in note for note in result.notes)
    base_stream = attrs.evolve(
        nominated,
        provincial_nomination=ProvincialNomination(
            province=Province.BC, express_entry_stream=False
        ),
    )
    assert not crs_for(base_stream, on=ON).factors.provincial_nomination


def test_canadian_study_reaches_the_score() -> None:
    studied = attrs.evolve(
        GOLDEN_2,
        education=(
            BACHELORS_ABROAD,
            Credential(
                level=CredentialLevel.TWO_YEAR,
                program_years=2,
                country="CA",
                completion_date=date(2023, 12, 15),
                full_time=True,
                months_studied_in_canada=20,
            ),
        ),
    )
    result = crs_for(studied, on=ON)
    assert result.factors.canadian_education is CanadianEducation.ONE_OR_TWO_YEAR
    assert result.factors.education is EducationLevel.TWO_OR_MORE
    assert result.line("crs.additional.canadian_education").points == 15


# -- choosing the languages and the tests by the candidate's own CRS (policies P5, P6, P30) --

# Found by an independent re-implementation of the derivation: the tests and the first
# language were ranked by their core official-language points alone, which is not always the
# assignment with the higher CRS (the French-language points and skill transferability read
# the languages too).

LATER = date(2025, 6, 1)


ABILITIES = ("listening", "reading", "writing", "speaking")


def scored(kind: TestKind, taken: date, *scores: float) -> LanguageTest:
    """A test of ``kind`` taken on ``taken`` with the scores in L, R, W, S order."""
    return LanguageTest(
        kind=kind,
        test_date=taken,
        scores=AbilityScores(**dict(zip(ABILITIES, scores, strict=True))),
    )


def single(**changes: Any) -> Candidate:
    return Candidate(
        birth_date=date(1995, 1, 1), marital_status=MaritalStatus.NEVER_MARRIED, **changes
    )


def test_the_test_with_the_higher_crs_is_chosen_not_the_one_with_more_core_points() -> None:
    # NCLC 10, 10, 10 and below 4 gives more core points (102) than NCLC 8 in all four (92),
    # but NCLC 8 in all four also earns the French-language points (25, no English test).
    uneven = scored(TestKind.TEF_CANADA, date(2025, 1, 10), 360, 300, 450, 100)
    even = scored(TestKind.TEF_CANADA, date(2025, 2, 10), 285, 240, 355, 355)
    candidate = single(first_official_language=Language.FRENCH, language_tests=(uneven, even))
    result = crs_for(candidate, on=LATER)
    assert str(result.factors.first_language) == "NCLC L 8, R 8, W 8, S 8"
    assert result.total == 222
    assert result.line("crs.additional.french").points == 25
    chosen = next(note for note in result.notes if "the best of 2 valid French tests" in note)
    assert chosen.endswith(
        "the best of 2 valid French tests for the CRS (222 points with it) (policy P6); it "
        "expires on 2027-02-10."
    )
    with_uneven = crs_for(attrs.evolve(candidate, language_tests=(uneven,)), on=LATER)
    assert with_uneven.total == 207  # the other choice, alone


def test_the_first_language_with_the_higher_crs_is_assumed() -> None:
    # English first gives more core points, but French first (NCLC 8 in all four) also earns
    # skill-transferability points with the bachelor's, where CLB 4 in speaking earns none.
    english = scored(TestKind.CELPIP_GENERAL, date(2025, 1, 10), 10, 10, 10, 4)
    french = scored(TestKind.TEF_CANADA, date(2025, 2, 10), 285, 240, 355, 355)
    bachelor = Credential(
        level=CredentialLevel.BACHELORS_OR_THREE_YEAR,
        country="CA",
        completion_date=date(2018, 1, 1),
    )
    result = crs_for(single(language_tests=(english, french), education=(bachelor,)), on=LATER)
    assert result.factors.first_language is not None
    assert result.factors.first_language.language is Language.FRENCH
    assert result.total == 373
    assert (
        "The first official language was not declared; French is assumed because French first "
        "and English second give a CRS of 373, against 370 the other way (policy P5)."
    ) in result.notes


def test_the_spouse_s_best_test_is_the_one_with_more_spouse_points() -> None:
    # CLB 4, 8, 7, 10 gives more first-language points than CLB 5, 5, 10, 9 (principal's
    # table), but fewer spouse points (11 against 12: CLB 4 earns none for a spouse).
    spouse = Spouse(
        canadian_citizen_or_pr=False,
        accompanying=True,
        language_tests=(
            scored(TestKind.CELPIP_GENERAL, date(2025, 1, 10), 4, 8, 7, 10),
            scored(TestKind.CELPIP_GENERAL, date(2025, 1, 20), 5, 5, 10, 9),
        ),
    )
    result = crs_for(
        Candidate(
            birth_date=date(1995, 1, 1), marital_status=MaritalStatus.MARRIED, spouse=spouse
        ),
        on=LATER,
    )
    assert str(result.factors.spouse_language) == "CLB L 5, R 5, W 10, S 9"
    assert result.line("crs.spouse.language").points == 12


def test_an_unanswered_spouse_status_is_scored_and_ranked_in_the_single_column() -> None:
    # P12: with a spouse only when the spouse is known to count. With a spouse who counts,
    # (10, 8, 4, 10) gives 187 and (8, 10, 9, 6) 186; in the single column, where an
    # unanswered status is scored (and noted), both give 202.
    tests = (
        scored(TestKind.CELPIP_GENERAL, date(2025, 1, 10), 10, 8, 4, 10),
        scored(TestKind.CELPIP_GENERAL, date(2025, 1, 11), 8, 10, 9, 6),
    )
    candidate = Candidate(
        birth_date=date(1995, 1, 1),
        marital_status=MaritalStatus.MARRIED,
        first_official_language=Language.ENGLISH,
        language_tests=tests,
    )
    facts = derive(candidate, on=LATER)
    assert facts.scored_with_spouse is False
    assert facts.spouse_counts is None
    result = crs_for(candidate, on=LATER)
    assert not result.factors.with_spouse
    assert result.total == 202
    assert any(note.startswith("Whether the spouse or partner") for note in result.notes)
    counting = attrs.evolve(
        candidate, spouse=Spouse(canadian_citizen_or_pr=False, accompanying=True)
    )
    with_spouse = crs_for(counting, on=LATER)
    assert with_spouse.factors.with_spouse
    assert str(with_spouse.factors.first_language) == "CLB L 10, R 8, W 4, S 10"
    assert with_spouse.total == 187


def test_a_line_says_what_is_not_answered_instead_of_stating_the_lowest_level() -> None:
    """The notes say the credentials and the work history are not answered; the lines must not
    contradict them by stating "less than secondary school" or "0 years" as the candidate's."""
    result = crs_for(Candidate(), on=ON)
    education = result.line("crs.core.education")
    assert education.sentence == (
        "No points for level of education: the credentials are not answered; a secondary "
        "diploma needed."
    )
    assert education.facts == {"education": EducationLevel.LESS_THAN_SECONDARY}
    assert result.line("crs.core.canadian_experience").sentence == (
        "No points for Canadian work experience: the work history is not given; 1 year needed."
    )
    grid = result.line("crs.transferability.education_canadian_experience")
    assert grid.sentence.startswith(
        "No points for education and Canadian work experience: scored as secondary or less "
        "(the credentials are not answered), scored as less than 1 year in Canada (the work "
        "history is not given); "
    )
    assert grid.row == "secondary or less × less than 1 year in Canada → 0"
    assert (
        "(the work history is not given)"
        in result.line("crs.transferability.foreign_experience_language").sentence
    )
    # Answered, the same levels are facts: no credential, no job, nothing else.
    answered = crs_for(ANSWERED_NOTHING, on=ON)
    assert answered.line("crs.core.education").sentence == (
        "No points for level of education: less than secondary school; a secondary diploma needed."
    )
    assert answered.line("crs.core.canadian_experience").sentence == (
        "No points for Canadian work experience: 0 years in the last 10; 1 year needed."
    )
    assert answered.factors.unsettled == ()
    assert answered.total == result.total


ANSWERED_NOTHING = Candidate(
    marital_status=MaritalStatus.NEVER_MARRIED,
    language_tests=(),
    education=(),
    work_history=WorkHistory(periods=()),
    certificates_of_qualification=(),
    job_offers=(),
    sibling_in_canada=False,
)
"""A candidate who answers "none" to every CRS question: each line states it as a fact."""

UNANSWERED_LINES = {
    "crs.core.first_language": (
        "No points for the first official language: the language tests are not answered.",
        "No points for the first official language: no valid test result.",
    ),
    "crs.core.second_language": (
        "No points for the second official language: the language tests are not answered.",
        "No points for the second official language: no valid test result.",
    ),
    "crs.additional.french": (
        "No points for French-language skills: the language tests are not answered; NCLC 7 in "
        "all four abilities needed.",
        "No points for French-language skills: no valid French test; NCLC 7 in all four "
        "abilities needed.",
    ),
    "crs.spouse": (
        "No spouse or partner points: the marital status is not answered; scored in the column "
        "without a spouse (policy P12: the spouse factors count only when the spouse is known "
        "to count).",
        "No spouse or partner points: scored as single (no spouse or partner who is coming to "
        "Canada and is not a Canadian citizen or permanent resident; policy P12).",
    ),
    "crs.additional.canadian_education": (
        "No points for post-secondary education in Canada: the credentials are not answered.",
        "No points for post-secondary education in Canada: no Canadian post-secondary credential.",
    ),
    "crs.additional.sibling": (
        "No points for a sibling in Canada: whether a brother or sister lives in Canada is not "
        "answered.",
        "No points for a sibling in Canada: none declared.",
    ),
}


@pytest.mark.parametrize("rule_id", sorted(UNANSWERED_LINES))
@pytest.mark.parametrize("on", [date(2025, 3, 24), date(2025, 3, 25)])
def test_an_unanswered_fact_is_not_written_as_a_none(rule_id: str, on: date) -> None:
    """The sibling, Canadian-education and spouse lines of an empty profile say what is not
    answered; answered "none", they state it."""
    unanswered, answered = UNANSWERED_LINES[rule_id]
    assert crs_for(Candidate(), on=on).line(rule_id).sentence == unanswered
    assert crs_for(ANSWERED_NOTHING, on=on).line(rule_id).sentence == answered


def test_the_job_offer_line_says_not_answered_or_none_while_an_offer_earns_points() -> None:
    line = "crs.additional.job_offer"
    before = date(2025, 3, 24)
    assert crs_for(Candidate(), on=before).line(line).sentence == (
        "No points for a job offer: the job offers are not answered."
    )
    assert crs_for(ANSWERED_NOTHING, on=before).line(line).sentence == (
        "No points for a job offer: no qualifying job offer."
    )
    # Found by a new user's walk (helper-78): once no offer earns points, "no qualifying job
    # offer" read as if an offer would help.
    for candidate in (Candidate(), ANSWERED_NOTHING):
        assert crs_for(candidate, on=date(2025, 3, 25)).line(line).sentence == (
            "No points for a job offer: job-offer points were removed on 2025-03-25 (policy P16)."
        )


def test_a_certificate_not_answered_is_scored_as_none_and_said_so() -> None:
    line = "crs.transferability.certificate_language"
    unanswered = crs_for(Candidate(), on=ON).line(line).sentence
    assert unanswered.startswith(
        "No points for certificate of qualification and first official language: scored as no "
        "certificate of qualification (the certificates of qualification are not answered), "
    )
    assert (
        crs_for(ANSWERED_NOTHING, on=ON)
        .line(line)
        .sentence.startswith(
            "No points for certificate of qualification and first official language: no "
            "certificate of qualification, "
        )
    )


def test_tests_not_answered_are_said_on_the_grids_language_tier() -> None:
    line = "crs.transferability.education_language"
    assert (
        "scored as first official language below level 7 in an ability (the language tests are "
        "not answered)"
    ) in crs_for(Candidate(), on=ON).line(line).sentence
    answered = crs_for(ANSWERED_NOTHING, on=ON).line(line).sentence
    # Tests answered, none valid: said as what it is (audit helper-73), not as a level.
    assert ", no valid test of the first official language;" in answered
    assert "scored as first" not in answered


def test_whether_the_spouse_counts_not_answered_is_said_on_the_spouse_line() -> None:
    married = Candidate(marital_status=MaritalStatus.MARRIED, spouse=Spouse())
    result = crs_for(married, on=ON)
    assert not result.factors.with_spouse
    assert result.line("crs.spouse").sentence.startswith(
        "No spouse or partner points: whether the spouse or partner is a Canadian citizen or "
        "permanent resident, or is coming to Canada, is not answered; scored in the column "
        "without a spouse"
    )


def test_years_the_history_leaves_open_are_said_to_be_at_least() -> None:
    unclear = attrs.evolve(
        GOLDEN_2,
        work_history=WorkHistory(
            periods=(
                job("CA", date(2021, 1, 1), date(2023, 12, 31)),
                attrs.evolve(job("CA", date(2024, 1, 1), date(2025, 3, 31)), authorized=None),
            )
        ),
    )
    result = crs_for(unclear, on=ON)
    assert result.factors.canadian_years == 3
    assert result.line("crs.core.canadian_experience").sentence == (
        "At least 3 years in the last 10, up to 4 whole years: 56 points for Canadian work "
        "experience."
    )
    assert (
        "Canadian work experience: 3 to 4 whole years depending on facts not given; 3 counted."
        in result.notes
    )
    # Scored as the years that are certain: the words change nothing.
    settled = attrs.evolve(result.factors, unsettled=())
    assert score(settled, on=ON).total == result.total


@pytest.mark.parametrize(
    ("unclear_end", "sentence", "note"),
    [
        (  # 0.2 to 0.7 years: no whole year either way
            date(2025, 3, 31),
            "No points for Canadian work experience: at least 0.2 years in the last 10, 0 whole "
            "years either way; 1 year needed.",
            "Canadian work experience: at least 0.2 years in the last 10 depending on facts not "
            "given; 0 whole years either way.",
        ),
        (  # 0.2 to 1.2 years
            date(2025, 3, 31) + timedelta(days=366),
            "No points for Canadian work experience: at least 0.2 years in the last 10, up to "
            "1 whole year; 1 year needed.",
            "Canadian work experience: 0 to 1 whole year depending on facts not given; 0 counted.",
        ),
    ],
)
def test_open_hours_name_the_whole_years_they_can_reach(
    unclear_end: date, sentence: str, note: str
) -> None:
    unclear = attrs.evolve(
        GOLDEN_2,
        work_history=WorkHistory(
            periods=(
                job("CA", date(2024, 1, 1), date(2024, 3, 31)),
                attrs.evolve(job("CA", date(2024, 9, 1), unclear_end), authorized=None),
            )
        ),
    )
    result = crs_for(unclear, on=date(2026, 6, 1))
    assert result.line("crs.core.canadian_experience").sentence == sentence
    assert note in result.notes
    assert "0 to 0" not in " ".join(result.notes)


def test_the_spouse_s_lines_say_what_is_not_given() -> None:
    partnered = Candidate(
        marital_status=MaritalStatus.MARRIED,
        spouse=Spouse(canadian_citizen_or_pr=False, accompanying=True),
    )
    result = crs_for(partnered, on=ON)
    assert result.with_spouse
    assert result.line("crs.spouse.education").sentence == (
        "No points for the spouse's level of education: the spouse's education is not given; "
        "a secondary diploma needed."
    )
    assert result.line("crs.spouse.canadian_experience").sentence == (
        "No points for the spouse's Canadian work experience: the spouse's work history is "
        "not given; 1 year needed."
    )


def test_a_nomination_whose_stream_is_not_answered_says_so_on_its_line() -> None:
    nominated = Candidate(provincial_nomination=ProvincialNomination(province=Province.ON))
    line = crs_for(nominated, on=ON).line("crs.additional.provincial_nomination")
    assert line.points == 0
    assert line.sentence == (
        "No points for a provincial or territorial nomination: whether the nomination is "
        "through an Express Entry-aligned stream is not answered."
    )
    refused = attrs.evolve(
        nominated,
        provincial_nomination=ProvincialNomination(
            province=Province.ON, express_entry_stream=False
        ),
    )
    assert crs_for(refused, on=ON).line("crs.additional.provincial_nomination").sentence == (
        "No points for a provincial or territorial nomination: none that counts."
    )


def test_an_offer_that_may_qualify_names_what_is_not_answered_on_its_line() -> None:
    offer = JobOffer(noc=NocCode("21232"), lmia=LmiaStatus.APPROVED)
    candidate = Candidate(job_offers=(offer,))
    line = crs_for(candidate, on=date(2025, 3, 24)).line("crs.additional.job_offer")
    assert line.points == 0
    assert line.sentence == (
        "No points for a job offer: an offer may qualify; not answered: for job offer 1, "
        "whether the work offered is full time, whether the work offered is non-seasonal and "
        "whether the employment offered lasts at least one year after the permanent resident "
        "visa is issued."
    )


def test_a_foreign_degree_without_an_assessment_is_named_not_called_less_than_secondary() -> None:
    degree = Credential(
        level=CredentialLevel.MASTERS_OR_PROFESSIONAL,
        program_years=2,
        country="IN",
        completion_date=date(2014, 5, 31),
    )
    result = crs_for(Candidate(education=(degree,)), on=ON)
    assert result.line("crs.core.education").sentence == (
        "No points for level of education: credential 1, a master's or professional degree, "
        "is not counted: foreign credential without an educational credential assessment; a "
        "valid educational credential assessment of credential 1 needed."
    )
    grid = result.line("crs.transferability.education_language").sentence
    assert "scored as secondary or less (credential 1, a master's or professional degree" in grid
    # A credential that counts, beside one that does not, is the level: nothing to explain.
    school = Credential(
        level=CredentialLevel.SECONDARY, country="CA", completion_date=date(2008, 6, 30)
    )
    both = crs_for(Candidate(education=(school, degree)), on=ON)
    assert both.line("crs.core.education").sentence == (
        "Secondary diploma: 30 points for level of education."
    )
    # Not yet completed: not a credential held, and not explained as one.
    later = attrs.evolve(degree, completion_date=date(2026, 5, 31))
    assert crs_for(Candidate(education=(later,)), on=ON).factors.unsettled[0][0] != "education"
