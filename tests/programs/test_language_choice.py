"""A program's language finding is decided only when the test that counts is settled.

The test that counts is the one with the most CRS points (policy P6), and so is the first
official language when it is not declared (P5). The CRS counts an unanswered fact at its
certain level, and its answer can change which test scores more: a test with a low speaking
level but high others leads on the language points, and loses once a degree makes the lowest
ability earn skill-transferability points. A finding that would change with that answer is
unknown and names the facts; answered, it is decided (audit helper-65).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from expressentry import Candidate, assess, from_dict
from expressentry.facts import derive
from expressentry.verdict import Outcome

ON = date(2026, 12, 1)
MASTERS = [{"level": "masters_or_professional", "country": "CA", "completion_date": "2018-05-01"}]
LANGUAGE_FINDINGS = ("cec.language.minimum", "fsw.language.first_official", "fst.language.minimum")


CANADIAN_JOB: dict[str, Any] = {
    "noc": "21231",
    "country": "CA",
    "start": "2025-06-01",
    "end": "2026-06-30",
    "hours_per_week": 40,
    "paid": True,
    "self_employed": False,
    "full_time_student": False,
    "authorized": True,
}
JOB_ABROAD: dict[str, Any] = {
    "noc": "21231",
    "country": "IN",
    "start": "2019-01-01",
    "end": "2022-12-31",
    "hours_per_week": 40,
    "paid": True,
    "self_employed": False,
}


def celpip(scores: tuple[int, int, int, int], taken: str) -> dict[str, Any]:
    listening, reading, writing, speaking = scores
    return {
        "kind": "celpip_general",
        "test_date": taken,
        "scores": {
            "listening": listening,
            "reading": reading,
            "writing": writing,
            "speaking": speaking,
        },
    }


def engineer(**facts: Any) -> Candidate:
    """A software engineer with a year in Canada and four abroad, and two English tests: CLB
    10, 10, 10 and 6 (more language points) and CLB 7 in each ability (transferability points
    with a degree or a certificate, which need CLB 7 in every ability)."""
    profile: dict[str, Any] = {
        "schema_version": 1,
        "birth_date": "1994-01-10",
        "marital_status": "never_married",
        "first_official_language": "english",
        "language_tests": [
            celpip((10, 10, 10, 6), "2026-03-07"),
            celpip((7, 7, 7, 7), "2026-04-07"),
        ],
        "work_history": [CANADIAN_JOB, JOB_ABROAD],
    }
    profile.update(facts)
    return from_dict({key: value for key, value in profile.items() if value is not None})


def test_the_credentials_unanswered_leave_the_cec_language_finding_open() -> None:
    verdict = assess(engineer(), on=ON).programs["CEC"]
    finding = verdict.finding("cec.language.minimum")
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.policy == "P6"
    assert finding.missing == ("$.education", "$.certificates_of_qualification")
    assert finding.facts["outcome_on_facts_given"] == "not_met"
    assert finding.facts["other_test"] == 2
    assert finding.facts["outcome_with_other_test"] == "met"
    assert finding.sentence.startswith("The lowest ability is CLB 6, so only work")
    assert (
        "The test used (language test 1) counts because it gives the most CRS points on the "
        "facts given; with answers not yet given (every completed or current credential and "
        "certificates of qualification in a trade), the CELPIP-General taken on 2026-04-07 "
        "(language test 2, CLB L 7, R 7, W 7, S 7) could give more CRS points and count "
        "instead (policy P6), and this would be met." in finding.sentence
    )


def test_answered_the_choice_is_settled_and_the_finding_decided() -> None:
    # A master's degree: the CLB 7 test earns 50 more transferability points than the other,
    # which leads by 43 on the language points; with no certificate nothing can change that.
    candidate = engineer(education=MASTERS, certificates_of_qualification=[])
    assert derive(candidate, on=ON).other_language_choices.others == ()
    result = assess(candidate, on=ON)
    finding = result.programs["CEC"].finding("cec.language.minimum")
    assert finding.outcome is Outcome.MET
    assert "CLB L 7, R 7, W 7, S 7" in finding.sentence
    # No degree and no certificate: the CLB 10 test counts, and the CEC's minimum is not met.
    settled = engineer(education=[], certificates_of_qualification=[])
    finding = assess(settled, on=ON).programs["CEC"].finding("cec.language.minimum")
    assert finding.outcome is Outcome.NOT_MET


def test_a_certificate_unanswered_can_leave_a_met_finding_open() -> None:
    # With the degree answered the CLB 7 test counts (met); a certificate of qualification
    # would add 25 points to the other test's transferability and none to this one's, already
    # at the cap of 100: the CLB 10 test would lead again, and the minimum would not be met.
    finding = (
        assess(engineer(education=MASTERS), on=ON).programs["CEC"].finding("cec.language.minimum")
    )
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.certificates_of_qualification",)
    assert finding.facts["outcome_on_facts_given"] == "met"
    assert finding.sentence.endswith("and this would not be met.")


def test_the_fsw_minimum_and_grid_are_open_too() -> None:
    result = assess(engineer(), on=ON)
    minimum = result.programs["FSW"].finding("fsw.language.first_official")
    assert minimum.outcome is Outcome.UNKNOWN
    assert minimum.missing == ("$.education", "$.certificates_of_qualification")
    grid = result.fsw_grid
    assert grid is not None
    lines = grid.factors[0].lines
    # CLB 10 earns 6 points an ability and CLB 7 earns 4; speaking CLB 6 earns none.
    assert [(line.points, line.points_at_most) for line in lines] == [
        (4, 6),
        (4, 6),
        (4, 6),
        (0, 4),
        (0, 0),
    ]
    assert lines[0].missing == ("$.education", "$.certificates_of_qualification")
    assert lines[0].sentence == (
        "Listening is CLB 10: 6 points. Another test could count once facts not yet given are "
        "answered (every completed or current credential and certificates of qualification in "
        "a trade; policies P5, P6): 4 to 6 points."
    )
    assert lines[4].missing == ()


def test_an_undeclared_first_language_is_open_in_the_same_way() -> None:
    # English CLB 10, 10, 10, 6 and French NCLC 7 in each ability (TCF Canada): without a
    # degree English first scores more; with a master's, French first (its NCLC 7 earns the
    # transferability points), policy P5.
    tcf = {
        "kind": "tcf_canada",
        "test_date": "2026-04-07",
        "scores": {"listening": 458, "reading": 458, "writing": 10, "speaking": 10},
    }
    open_ = engineer(
        first_official_language=None,
        language_tests=[celpip((10, 10, 10, 6), "2026-03-07"), tcf],
        certificates_of_qualification=[],
    )
    finding = assess(open_, on=ON).programs["CEC"].finding("cec.language.minimum")
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.policy == "P5"
    assert finding.missing == ("$.education",)
    assert (
        "French could be the better first official language, with the TCF Canada taken on "
        "2026-04-07 (language test 2, NCLC L 7, R 7, W 7, S 7) (policy P5)" in finding.sentence
    )
    answered = attrs.evolve(open_, education=engineer(education=MASTERS).education)
    facts = derive(answered, on=ON)
    assert facts.other_language_choices.others == ()
    assert str(facts.languages.first_language) == "Language.FRENCH"
    finding = assess(answered, on=ON).programs["CEC"].finding("cec.language.minimum")
    assert finding.outcome is Outcome.MET


def fsw_language(candidate: Candidate) -> tuple[Outcome, tuple[str, ...]]:
    finding = assess(candidate, on=ON).programs["FSW"].finding("fsw.language.first_official")
    return finding.outcome, finding.missing


def test_the_work_history_unanswered_or_open_names_its_facts() -> None:
    # With a master's, the CLB 7 test leads by 7 points once the four years abroad count (the
    # foreign-experience pair: 25 more points), and trails by 18 without them.
    assert fsw_language(engineer(education=MASTERS, certificates_of_qualification=[])) == (
        Outcome.MET,
        (),
    )
    unanswered = engineer(education=MASTERS, certificates_of_qualification=[], work_history=None)
    assert fsw_language(unanswered) == (Outcome.UNKNOWN, ("$.work_history",))
    open_job = engineer(
        education=MASTERS,
        certificates_of_qualification=[],
        work_history=[
            CANADIAN_JOB,
            {key: value for key, value in JOB_ABROAD.items() if key != "paid"},
        ],
    )
    assert fsw_language(open_job) == (Outcome.UNKNOWN, ("$.work_history[1].paid",))


def test_whether_the_spouse_counts_can_settle_the_test() -> None:
    # CLB 10, 10, 6, 7 against CLB 7 in each ability, no degree: the first test leads by 26
    # language points in the single column and by 24 in the with-spouse column; the second
    # earns 25 more transferability points (four years abroad with CLB 7 in each ability).
    tests = [celpip((10, 10, 6, 7), "2026-03-07"), celpip((7, 7, 7, 7), "2026-04-07")]
    unsettled = engineer(
        language_tests=tests,
        education=[],
        certificates_of_qualification=[],
        marital_status="married",
        spouse={"canadian_citizen_or_pr": False},
    )
    assert fsw_language(unsettled) == (Outcome.UNKNOWN, ("$.spouse.accompanying",))


def test_an_unanswered_nomination_stream_can_settle_the_test() -> None:
    # French first: NCLC 10, 10, 10, 6 leads NCLC 7 in each ability by 43 language points;
    # NCLC 7 in each ability earns 25 transferability points (four years abroad) and, with an
    # English test, the 50 French-language points. A nomination's 600 points would fill the
    # additional points' cap of 600, and the first test would lead: whether the nomination is
    # through an Express Entry stream decides.
    def tcf(listening: int, reading: int, writing: int, speaking: int, taken: str) -> Any:
        scores = {"listening": listening, "reading": reading, "writing": writing}
        return {
            "kind": "tcf_canada",
            "test_date": taken,
            "scores": {**scores, "speaking": speaking},
        }

    tests = [
        tcf(549, 549, 16, 7, "2026-03-07"),
        tcf(458, 453, 10, 10, "2026-04-07"),
        celpip((5, 5, 5, 5), "2026-05-07"),
    ]
    nominated = engineer(
        first_official_language="french",
        language_tests=tests,
        education=[],
        certificates_of_qualification=[],
        provincial_nomination={"province": "on", "nomination_date": "2026-06-01"},
    )
    outcome, missing = fsw_language(nominated)
    assert (outcome, missing) == (
        Outcome.UNKNOWN,
        ("$.provincial_nomination.express_entry_stream",),
    )


def test_an_assessment_not_given_leaves_the_choice_open() -> None:
    # Audit helper-69: a Canadian secondary diploma counted, so the education seemed settled,
    # but the master's abroad without an ECA would, assessed, make the CLB 7 test lead.
    secondary = {"level": "secondary", "country": "CA", "completion_date": "2010-06-01"}
    masters = {
        "level": "masters_or_professional",
        "country": "IN",
        "completion_date": "2016-06-01",
    }
    eca = {
        "organization": "wes",
        "issue_date": "2024-01-15",
        "canadian_equivalent": "masters_or_professional",
    }
    waiting = engineer(education=[secondary, masters], certificates_of_qualification=[])
    finding = assess(waiting, on=ON).programs["CEC"].finding("cec.language.minimum")
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.education[1].eca",)
    assessed = engineer(
        education=[secondary, {**masters, "eca": eca}], certificates_of_qualification=[]
    )
    finding = assess(assessed, on=ON).programs["CEC"].finding("cec.language.minimum")
    assert finding.outcome is Outcome.MET


def test_a_finding_open_for_its_own_facts_names_the_choices_facts_too() -> None:
    # Audit helper-69: the Canadian job's code not given leaves the CEC's finding open (P7),
    # and answering the credentials can make the other test count: both are named.
    candidate = engineer()
    work = candidate.work_history
    assert work is not None
    uncoded = attrs.evolve(work.periods[0], noc=None)
    candidate = attrs.evolve(
        candidate, work_history=attrs.evolve(work, periods=(uncoded, work.periods[1]))
    )
    finding = assess(candidate, on=ON).programs["CEC"].finding("cec.language.minimum")
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == (
        "$.work_history[0].noc",
        "$.education",
        "$.certificates_of_qualification",
    )


def test_an_open_finding_with_nothing_to_choose_is_kept() -> None:
    # Two equal tests: nothing to choose; the CEC's finding waits for the work alone (P7).
    same = [celpip((9, 9, 9, 5), "2026-03-07"), celpip((9, 9, 9, 5), "2026-03-07")]
    candidate = engineer(language_tests=same, work_history=None)
    finding = assess(candidate, on=ON).programs["CEC"].finding("cec.language.minimum")
    assert finding.outcome is Outcome.UNKNOWN
    assert finding.missing == ("$.work_history",)


def test_one_test_or_every_fact_answered_leaves_nothing_to_choose() -> None:
    one = engineer(language_tests=[celpip((10, 10, 10, 6), "2026-03-07")])
    assert derive(one, on=ON).other_language_choices.others == ()
    answered = engineer(education=[], certificates_of_qualification=[])
    assert derive(answered, on=ON).other_language_choices.unsettled == ()


_SCORE = st.integers(min_value=4, max_value=12)
# The lowest TCF Canada score of each NCLC level from 4 (rules.md §5.8); 10 and above alike.
_LEVELS = range(4, 13)
_TCF_LISTENING = dict(zip(_LEVELS, (331, 369, 398, 458, 503, 523, 549, 549, 549), strict=True))
_TCF_READING = dict(zip(_LEVELS, (342, 375, 406, 453, 499, 524, 549, 549, 549), strict=True))
_TCF_WRITTEN_SPOKEN = dict(zip(_LEVELS, (4, 6, 7, 10, 12, 14, 16, 16, 16), strict=True))
_EDUCATION = st.sampled_from(
    [
        [],
        [{"level": "secondary", "country": "CA", "completion_date": "2012-06-01"}],
        [{"level": "one_year", "country": "CA", "completion_date": "2014-06-01"}],
        [{"level": "bachelors_or_three_year", "country": "CA", "completion_date": "2016-06-01"}],
        MASTERS,
        [
            {"level": "bachelors_or_three_year", "country": "CA", "completion_date": "2016-06-01"},
            {"level": "one_year", "country": "CA", "completion_date": "2017-06-01"},
        ],
    ]
)
_CERTIFICATES = st.sampled_from(
    [[], [{"noc": "72200", "issued_by": "on", "issue_date": "2020-01-01"}]]
)


@settings(max_examples=300, deadline=None)
@given(
    st.tuples(_SCORE, _SCORE, _SCORE, _SCORE),
    st.tuples(_SCORE, _SCORE, _SCORE, _SCORE),
    _EDUCATION,
    _CERTIFICATES,
    st.booleans(),
    st.sets(st.sampled_from(["education", "certificates", "declared"]), min_size=1),
)
def test_a_decided_language_finding_stays_decided_when_the_facts_are_answered(
    first: tuple[int, int, int, int],
    second: tuple[int, int, int, int],
    education: list[dict[str, str]],
    certificates: list[dict[str, str]],
    french: bool,
    unanswered: set[str],
) -> None:
    """Un-answering the facts the choice of test depends on never turns a finding decided on
    the coarser profile into another outcome on the full one; the grid's language lines of the
    full profile stay within the coarser profile's bounds. The second test is French (TCF
    Canada, the lowest score of each NCLC level drawn, rules.md §5.8) or English."""
    tests = [celpip(first, "2026-03-07"), celpip(second, "2026-04-07")]
    if french:
        listening, reading, writing, speaking = second
        tests[1] = {
            "kind": "tcf_canada",
            "test_date": "2026-04-07",
            "scores": {
                "listening": _TCF_LISTENING[listening],
                "reading": _TCF_READING[reading],
                "writing": _TCF_WRITTEN_SPOKEN[writing],
                "speaking": _TCF_WRITTEN_SPOKEN[speaking],
            },
        }
    full = engineer(
        language_tests=tests, education=education, certificates_of_qualification=certificates
    )
    coarse = engineer(
        language_tests=tests,
        education=None if "education" in unanswered else education,
        certificates_of_qualification=None if "certificates" in unanswered else certificates,
        first_official_language=None if "declared" in unanswered else "english",
    )
    if "declared" in unanswered:
        # The first language assumed (P5) may not be the one declared: compared with the
        # same assumption answered from the same facts.
        full = attrs.evolve(full, first_official_language=None)
    decided, settled = assess(coarse, on=ON), assess(full, on=ON)
    for program, verdict in decided.programs.items():
        for rule_id in LANGUAGE_FINDINGS:
            if not rule_id.startswith(program.lower()):
                continue
            finding = verdict.finding(rule_id)
            if finding.outcome is not Outcome.UNKNOWN:
                assert settled.programs[program].finding(rule_id).outcome is finding.outcome
    assert decided.fsw_grid is not None
    assert settled.fsw_grid is not None
    bounds = decided.fsw_grid.factors[0].lines
    for bound, line in zip(bounds, settled.fsw_grid.factors[0].lines, strict=True):
        assert bound.points <= line.points <= line.points_at_most <= bound.points_at_most
