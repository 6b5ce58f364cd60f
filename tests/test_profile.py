"""Profile completeness, time warnings and the lifecycle deadlines (rules.md §7, policy P22)."""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from expressentry import NotInForce, ProfileError, from_dict
from expressentry.assess import assess
from expressentry.codes import REFERENCE_CODE_VALIDITY_DAYS, reference_code_expiry
from expressentry.dated import Citation
from expressentry.facts import derive
from expressentry.model import Candidate, WorkHistory, WorkPeriod
from expressentry.profile import (
    ALL_PROGRAMS,
    COVID_ITA_EXTENSION_FROM,
    COVID_ITA_EXTENSION_MONTH,
    DRAFT_VALIDITY,
    ITA_DEADLINE,
    POOL_VALIDITY,
    Completeness,
    Lifecycle,
    Period,
    Stage,
    _near,
    _related,
    _related_among,
    completeness,
    history_warnings,
    program_verdicts,
    time_warnings,
)
from expressentry.programs.pool import EXPRESS_ENTRY_POOL
from expressentry.strategies import candidates
from expressentry.verdict import Outcome, Rule, Verdict, VerdictOutcome

ON = date(2026, 11, 29)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COMPLETE = sorted(p.name for p in EXAMPLES.glob("*.json") if p.name != "partial-profile.json")


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return data


def report(data: dict[str, Any], **kwargs: Any) -> Completeness:
    kwargs.setdefault("on", ON)
    return completeness(from_dict(data), **kwargs)


def ids(result: Completeness) -> set[str]:
    return {item.item_id for item in result.items}


def item(result: Completeness, item_id: str, path: str | None = None) -> Any:
    found = [i for i in result.items if i.item_id == item_id and path in (None, i.path)]
    assert len(found) == 1, (item_id, path, [(i.item_id, i.path) for i in result.items])
    return found[0]


_RULE = Rule("demo.rule", "Demo", Citation("IRPR", "s. 1", "https://example.org"))


def verdict(code: str, outcome: Outcome, *missing: str) -> Verdict:
    finding = _RULE.finding(outcome, f"{code} demo finding.", missing=missing)
    return Verdict.decide(code, ON, (finding,))


# -- periods and tables -----------------------------------------------------------------------


def test_period_counts_days_like_the_reference_code() -> None:
    days = Period(REFERENCE_CODE_VALIDITY_DAYS.at(ON), "days")
    start = date(2023, 12, 1)
    for offset in range(800):
        issued = start + timedelta(days=offset)
        assert days.last_day(issued) == reference_code_expiry(issued)


@pytest.mark.parametrize(
    ("start", "months", "last"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2026, 11, 29), 12, date(2027, 11, 29)),
        (date(9999, 6, 1), 12, date.max),  # past the calendar's end: its last day
    ],
)
def test_period_counts_months_to_the_same_day(start: date, months: int, last: date) -> None:
    assert Period(months, "months").last_day(start) == last


def test_a_period_in_days_stops_at_the_calendar_s_last_day() -> None:
    assert Period(60, "days").last_day(date(9999, 12, 1)) == date.max


def test_period_reads_as_words() -> None:
    assert str(Period(60, "days")) == "60 days"


ITA_HISTORY = [
    (date(2015, 1, 1), 60),
    (date(2016, 11, 19), 90),
    (date(2018, 6, 27), 60),
    (COVID_ITA_EXTENSION_FROM, 90),
    (date(2021, 6, 29), 60),
]


def test_ita_table_is_the_history_of_rules_md() -> None:
    assert [(row.start, row.value) for row in ITA_DEADLINE] == [
        (start, Period(days, "days")) for start, days in ITA_HISTORY
    ]
    assert date(2020, 3, 18) == COVID_ITA_EXTENSION_FROM


@pytest.mark.parametrize(("start", "days"), ITA_HISTORY[1:])
def test_ita_deadline_on_each_side_of_every_change(start: date, days: int) -> None:
    before = start - timedelta(days=1)
    previous = 150 - days  # the history alternates between 60 and 90
    for invited, expected in ((before, previous), (start, days)):
        deadline = Lifecycle(invited_on=invited).deadlines[0]
        assert deadline.period == Period(expected, "days")
        assert deadline.last_day == invited + timedelta(days=expected)


@pytest.mark.parametrize(
    ("invited", "confidence"),
    [
        (date(2020, 2, 29), "high"),
        (date(2020, 3, 1), "low"),
        (date(2020, 3, 4), "low"),  # a round before the day the engine takes: 60 days
        (COVID_ITA_EXTENSION_FROM, "low"),
        (date(2020, 3, 31), "low"),
        (date(2020, 4, 1), "high"),
    ],
)
def test_an_invitation_of_march_2020_has_a_deadline_of_low_confidence(
    invited: date, confidence: str
) -> None:
    # The sources give the month the 90 days began, not the day (rules.md §7).
    assert (date(2020, 3, 1), date(2020, 3, 31)) == COVID_ITA_EXTENSION_MONTH
    deadline = Lifecycle(invited_on=invited).deadlines[0]
    assert deadline.confidence == confidence
    assert deadline.sentence.endswith(f"(confidence {confidence}).")


def test_ita_before_express_entry_is_not_in_force() -> None:
    # Refused when the lifecycle is made, not only when its deadlines are read (found by an
    # independent check).
    with pytest.raises(NotInForce, match=r"\$.invited_on: no rule is in force on 2014-12-31"):
        Lifecycle(invited_on=date(2014, 12, 31))


def test_a_status_before_express_entry_is_not_in_force() -> None:
    assert Lifecycle().status(date(2015, 1, 1)).stage is Stage.NOT_STARTED
    with pytest.raises(NotInForce, match="on 2014-12-31"):
        Lifecycle().status(date(2014, 12, 31))


def test_lifecycle_tables_cite_their_sources() -> None:
    for table in (DRAFT_VALIDITY, POOL_VALIDITY, ITA_DEADLINE):
        for row in table:
            assert row.citation.url.startswith("http")
    assert DRAFT_VALIDITY.at(ON) == Period(60, "days")
    assert POOL_VALIDITY.at(ON) == Period(12, "months")


# -- lifecycle ----------------------------------------------------------------------------------

FULL = Lifecycle(
    code_issued_on=date(2026, 1, 5),
    draft_created_on=date(2026, 1, 20),
    submitted_on=date(2026, 3, 1),
    invited_on=date(2026, 9, 2),
)


def test_every_deadline_of_a_full_lifecycle() -> None:
    assert [(d.deadline_id, d.last_day, d.confidence) for d in FULL.deadlines] == [
        ("lifecycle.reference_code", date(2026, 3, 6), "high"),
        ("lifecycle.draft", date(2026, 3, 21), "low"),
        ("lifecycle.pool", date(2027, 3, 1), "high"),
        ("lifecycle.ita", date(2026, 11, 1), "high"),
    ]
    assert all(d.policy == "P22" for d in FULL.deadlines)
    assert FULL.deadlines[1].sentence == (
        "Complete and submit the draft profile: 60 days after 2026-01-20, so the last day is "
        "2026-03-21 (confidence low)."
    )


@pytest.mark.parametrize(
    ("lifecycle", "running", "expired"),
    [
        (Lifecycle(code_issued_on=ON), Stage.REFERENCE_CODE, Stage.REFERENCE_CODE_EXPIRED),
        (Lifecycle(draft_created_on=ON), Stage.DRAFT, Stage.DRAFT_EXPIRED),
        (Lifecycle(submitted_on=ON), Stage.IN_POOL, Stage.PROFILE_EXPIRED),
        (Lifecycle(invited_on=ON), Stage.INVITED, Stage.INVITATION_EXPIRED),
    ],
)
def test_status_on_the_last_day_and_the_day_after(
    lifecycle: Lifecycle, running: Stage, expired: Stage
) -> None:
    (deadline,) = lifecycle.deadlines
    last = deadline.last_day
    assert lifecycle.status(ON).stage is running
    assert lifecycle.status(last).stage is running
    assert lifecycle.status(last).deadline == deadline
    assert "today is the last day" in lifecycle.status(last).sentence or (
        "expired" in lifecycle.status(last).sentence
    )
    assert lifecycle.status(last + timedelta(days=1)).stage is expired
    assert deadline.running_on(last)
    assert not deadline.running_on(last + timedelta(days=1))
    assert not deadline.running_on(ON - timedelta(days=1))
    assert deadline.days_left(last + timedelta(days=1)) == -1


def test_reference_code_deadline_is_the_one_codes_gives() -> None:
    for offset in range(0, 400, 7):
        issued = ON + timedelta(days=offset)
        (deadline,) = Lifecycle(code_issued_on=issued).deadlines
        assert deadline.last_day == reference_code_expiry(issued)


def test_status_follows_the_latest_step() -> None:
    assert FULL.status(date(2026, 1, 4)).stage is Stage.NOT_STARTED
    assert FULL.status(date(2026, 1, 4)).deadline is None
    assert FULL.status(date(2026, 1, 5)).stage is Stage.REFERENCE_CODE
    assert FULL.status(date(2026, 1, 20)).stage is Stage.DRAFT
    assert FULL.status(date(2026, 3, 1)).stage is Stage.IN_POOL
    assert FULL.status(date(2026, 9, 2)).stage is Stage.INVITED
    assert FULL.status(date(2026, 11, 2)).stage is Stage.INVITATION_EXPIRED


def test_status_sentences() -> None:
    life = Lifecycle(draft_created_on=ON)
    assert life.status(ON).sentence == (
        "The draft profile must be submitted by 2027-01-28 (60 days left)."
    )
    assert life.status(date(2027, 1, 27)).sentence.endswith("(1 day left).")
    assert life.status(date(2027, 1, 29)).sentence == (
        "The draft profile expired after 2027-01-28; start a new one."
    )
    assert Lifecycle().status(ON).sentence == "No step is taken by 2026-11-29."


def test_steps_out_of_order_are_refused_with_their_paths() -> None:
    with pytest.raises(ProfileError) as caught:
        Lifecycle(
            code_issued_on=ON, draft_created_on=date(2026, 11, 28), invited_on=date(2026, 1, 1)
        )
    assert [path for path, _ in caught.value.problems] == ["$.draft_created_on", "$.invited_on"]


@pytest.mark.parametrize(
    ("earlier", "later", "last"),
    [
        ("draft_created_on", "submitted_on", ON + timedelta(days=60)),
        ("submitted_on", "invited_on", date(2027, 11, 29)),
    ],
)
def test_a_step_after_the_previous_window_closed_is_refused(
    earlier: str, later: str, last: date
) -> None:
    Lifecycle(**{earlier: ON, later: last})  # the last day is still in time
    with pytest.raises(ProfileError) as caught:
        Lifecycle(**{earlier: ON, later: last + timedelta(days=1)})
    ((path, message),) = caught.value.problems
    assert path == f"$.{later}"
    assert last.isoformat() in message


# -- completeness: the complete examples -------------------------------------------------------


@pytest.mark.parametrize("name", COMPLETE)
def test_no_complete_example_has_a_blocking_item(name: str) -> None:
    result = report(example(name))
    assert result.complete, result.explain()
    assert result.blocking == ()
    assert result.eligible  # the programs' verdicts agree: the profile can be submitted


def test_the_partial_example_is_blocked() -> None:
    result = report(example("partial-profile.json"))
    assert not result.complete
    assert {i.item_id for i in result.blocking} >= {
        "profile.travel_document",
        "profile.intended_province",
        "profile.work_experience.noc",
    }


# -- completeness: every item detected on partial profiles -------------------------------------


def without(name: str, *keys: str) -> dict[str, Any]:
    data = copy.deepcopy(example(name))
    for key in keys:
        data.pop(key, None)
    return data


@pytest.mark.parametrize(
    ("key", "item_id", "path"),
    [
        ("travel_document", "profile.travel_document", "$.travel_document"),
        ("birth_date", "profile.birth_date", "$.birth_date"),
        ("intended_province", "profile.intended_province", "$.intended_province"),
        ("language_tests", "profile.language_test", "$.language_tests"),
        ("work_history", "profile.work_experience", "$.work_history"),
    ],
)
@pytest.mark.parametrize("name", COMPLETE)
def test_a_missing_profile_fact_blocks(name: str, key: str, item_id: str, path: str) -> None:
    data = without(name, key)
    if key == "work_history":
        data.pop("primary_occupation", None)
    found = item(report(data), item_id)
    assert found.blocks_submission
    assert found.path == path
    assert found.need == "profile"
    assert found.programs == ALL_PROGRAMS
    assert found.citation.url.startswith("https://")


def test_a_missing_marital_status_blocks() -> None:
    data = without("software-engineer-abroad.json", "marital_status")
    found = item(report(data), "profile.marital_status")
    assert found.blocks_submission
    assert found.crs_factors == ("CRS: spouse or partner factors",)


def test_an_expired_passport_blocks() -> None:
    data = example("software-engineer-abroad.json")
    data["travel_document"]["expiry_date"] = "2026-11-28"
    found = item(report(data), "profile.travel_document")
    assert found.path == "$.travel_document.expiry_date"
    assert "expired on 2026-11-28" in found.sentence
    data["travel_document"]["expiry_date"] = "2026-11-29"  # valid through its expiry date
    assert "profile.travel_document" not in ids(report(data))


def test_tests_that_no_longer_count_are_named() -> None:
    data = example("software-engineer-abroad.json")
    found = item(report(data, on=date(2028, 2, 27)), "profile.language_test")
    assert "None of your language test results counts on 2028-02-27" in found.sentence
    assert "profile.language_test" not in ids(report(data, on=date(2028, 2, 26)))


def test_no_test_at_all_asks_for_one() -> None:
    found = item(report(without("cook-toronto.json", "language_tests")), "profile.language_test")
    assert found.sentence.startswith("Take an approved language test")


@pytest.mark.parametrize("name", COMPLETE)
def test_missing_job_titles_and_noc_codes_are_asked_job_by_job(name: str) -> None:
    data = example(name)
    for period in data["work_history"]:
        period.pop("noc", None)
        period.pop("job_title", None)
    data.pop("primary_occupation", None)
    result = report(data)
    for index in range(len(data["work_history"])):
        for field in ("noc", "job_title"):
            found = item(
                result, f"profile.work_experience.{field}", f"$.work_history[{index}].{field}"
            )
            assert found.blocks_submission


def test_a_job_is_named_by_its_title_or_its_place() -> None:
    data = example("partial-profile.json")
    result = report(data)
    assert item(result, "profile.work_experience.noc").sentence == (
        "Give the NOC code of your Marketing coordinator job (from 2022-02-01)."
    )
    data["work_history"][0]["job_title"] = "  Marketing coordinator "
    assert item(report(data), "profile.work_experience.noc").sentence == (
        "Give the NOC code of your Marketing coordinator job (from 2022-02-01)."
    )
    data["work_history"][0].pop("job_title")
    result = report(data)
    assert item(result, "profile.work_experience.noc").sentence == (
        "Give the NOC code of your job 1 (from 2022-02-01)."
    )


def test_no_education_is_needed_for_fsw() -> None:
    result = report(without("software-engineer-abroad.json", "education"))
    found = item(result, "profile.education")
    assert found.programs == ("FSW",)
    assert found.crs_factors == ("CRS core: education",)
    assert found.need == "program"
    assert "FSW" in found.why


def test_credentials_not_completed_are_not_enough() -> None:
    data = example("software-engineer-abroad.json")
    for credential in data["education"]:
        credential.pop("completion_date")
        credential.pop("eca")
    found = item(report(data, programs=("FSW",), verdicts={}), "profile.education")
    assert found.sentence.startswith("None of your credentials is completed by 2026-11-29")
    assert found.blocks_submission
    assert "profile.eca" not in ids(report(data))


def test_no_education_blocks_when_fsw_is_the_only_program_sought() -> None:
    data = without("software-engineer-abroad.json", "education")
    assert item(
        report(data, programs=("FSW",), verdicts={}), "profile.education"
    ).blocks_submission
    assert not item(report(data, verdicts={}), "profile.education").blocks_submission


def test_a_foreign_credential_without_an_eca_is_detected() -> None:
    data = example("software-engineer-abroad.json")
    for credential in data["education"]:
        credential.pop("eca")
    result = report(data, programs=("FSW",), verdicts={})
    found = [i for i in result.items if i.item_id == "profile.eca"]
    assert [i.path for i in found] == ["$.education[0].eca", "$.education[1].eca"]
    assert all(i.programs == ("FSW",) and i.blocks_submission for i in found)
    assert "without an educational credential assessment" in found[0].sentence


def test_a_missing_eca_keeps_fsw_open_and_blocks_the_profile() -> None:
    # Without its ECAs, the FSW is undetermined, not ruled out: the ECAs the verdict asks for
    # block a profile that no other program takes (DESIGN principle 4, policy P21).
    data = example("software-engineer-abroad.json")
    for credential in data["education"]:
        credential.pop("eca")
    result = assess(from_dict(data), on=ON)
    assert result.programs["FSW"].outcome is VerdictOutcome.UNDETERMINED
    assert (result.fsw_grid.total, result.fsw_grid.total_at_most) == (51, 74)
    assert not result.completeness.complete
    found = [i for i in result.completeness.items if i.item_id == "profile.eca"]
    assert [(i.path, i.blocks_submission) for i in found] == [
        ("$.education[0].eca", True),
        ("$.education[1].eca", True),
    ]


def test_an_eca_that_would_raise_the_level_is_optional_once_one_counts() -> None:
    data = example("software-engineer-abroad.json")
    data["education"][1].pop("eca")  # the master's; the bachelor's still counts
    found = item(report(data), "profile.eca")
    assert found.path == "$.education[1].eca"
    assert found.programs == ()
    assert found.need == "optional"
    assert not found.blocks_submission
    assert found.why.startswith("Earns points in CRS core: education")


def test_an_eca_that_would_make_two_or_more_is_asked_for() -> None:
    # A foreign two-year diploma below the bachelor's that counts still raises the level to
    # "two or more" once assessed (P29; audit helper-72): CRS 425 -> 458, FSW grid 72 -> 73.
    data = example("software-engineer-abroad.json")
    data["education"][1] = {
        "level": "two_year",
        "program_years": 2,
        "country": "IN",
        "completion_date": "2018-07-15",
        "full_time": True,
    }
    found = item(report(data), "profile.eca")
    assert found.path == "$.education[1].eca"
    assert found.need == "optional"
    assert found.sentence.endswith(
        "Beside the credentials that count, it would make the level two or more credentials, "
        "one of 3 years or more."
    )
    assessed = copy.deepcopy(data)
    assessed["education"][1]["eca"] = {
        "organization": "wes",
        "issue_date": "2025-11-03",
        "canadian_equivalent": "two_year",
    }
    assert "profile.eca" not in ids(report(assessed))
    assert assess(from_dict(assessed), on=ON).crs.total > assess(from_dict(data), on=ON).crs.total
    one_year = copy.deepcopy(data)  # a one-year certificate: beside a bachelor's, it makes two
    one_year["education"][1].update(level="one_year", program_years=1)
    assert item(report(one_year), "profile.eca").path == "$.education[1].eca"
    alone = copy.deepcopy(data)  # no credential counts: the diploma alone is the level
    alone["education"] = [data["education"][1]]
    assert "Beside" not in item(report(alone), "profile.eca").sentence


def test_expired_ecas_are_detected_at_their_boundary() -> None:
    data = example("software-engineer-abroad.json")
    result = report(data, on=date(2030, 11, 3))  # both ECAs issued 2025-11-03, valid 5 years
    found = [i for i in result.items if i.item_id == "profile.eca"]
    assert [i.path for i in found] == ["$.education[0].eca", "$.education[1].eca"]
    assert "expired on 2030-11-03" in found[0].sentence
    assert "profile.eca" not in ids(report(data, on=date(2030, 11, 2)))


def test_an_expired_eca_that_rules_fsw_out_is_still_needed_for_fsw() -> None:
    # Ruled out only because no credential counts: the ECA is what opens the FSW again, so it
    # is needed for the FSW, not an "if any" for the CRS (the item that says no program is
    # open is the one that blocks).
    data = example("software-engineer-abroad.json")
    data["education"] = data["education"][:1]
    data["education"][0]["eca"]["issue_date"] = "2020-11-03"
    result = assess(from_dict(data), on=ON)
    assert result.programs["FSW"].outcome is VerdictOutcome.NOT_ELIGIBLE
    found = item(result.completeness, "profile.eca")
    assert (found.need, found.programs, found.blocks_submission) == ("program", ("FSW",), False)
    assert found.why.startswith("Needed for FSW and earns points in CRS core: education")
    assert found.sentence == (
        "Get an educational credential assessment (ECA) for your bachelor's degree or 3-year "
        "program from India; it does not count now: its assessment (issued 2020-11-03) expired "
        "on 2025-11-03."
    )
    # Ruled out by Quebec as well as by the ECA: the ECA alone cannot open it, but the FSW
    # still does not meet its education rule without one, so the item still names it.
    quebec = {**data, "intended_province": "qc"}
    assert item(report(quebec), "profile.eca").programs == ("FSW",)


def test_an_eca_is_optional_when_fsw_is_ruled_out_by_another_rule_alone() -> None:
    data = example("software-engineer-abroad.json")
    data["education"][1].pop("eca")  # the master's; the bachelor's counts
    data["intended_province"] = "qc"  # FSW ruled out, not by its education rule
    found = item(report(data), "profile.eca")
    assert (found.need, found.programs) == ("optional", ())


def test_an_eca_that_would_not_raise_the_level_is_not_asked() -> None:
    data = example("software-engineer-abroad.json")
    data["education"][0].pop("eca")  # the bachelor's; the master's counts
    assert "profile.eca" not in ids(report(data))


def test_a_canadian_credential_needs_no_eca() -> None:
    assert "profile.eca" not in ids(report(example("nurse-canadian-experience.json")))


def test_funds_are_asked_for_fsw_and_fst_only() -> None:
    data = without("software-engineer-abroad.json", "settlement_funds_cad")
    found = item(report(data, verdicts={}), "profile.settlement_funds")
    assert found.programs == ("FSW", "FST")
    assert not found.blocks_submission  # CEC may still take the profile
    assert item(
        report(data, programs=("FSW", "FST"), verdicts={}), "profile.settlement_funds"
    ).blocks_submission
    assert "profile.settlement_funds" not in ids(report(data, programs=("CEC",), verdicts={}))


@pytest.mark.parametrize(
    ("key", "item_id", "programs", "name"),
    [
        ("provincial_nomination", "profile.provincial_nomination", (), "cook-toronto.json"),
        ("job_offers", "profile.job_offer", ("FSW", "FST"), "electrician-certificate.json"),
        (
            "certificates_of_qualification",
            "profile.certificate_of_qualification",
            ("FST",),
            "electrician-certificate.json",
        ),
    ],
)
def test_documents_if_any_never_block(
    key: str, item_id: str, programs: tuple[str, ...], name: str
) -> None:
    found = item(report(without(name, key), verdicts={}), item_id)
    assert found.need == "optional"
    assert found.programs == programs
    assert not found.blocks_submission
    assert found.sentence.startswith("If ")


@pytest.mark.parametrize(("on", "asked"), [(date(2017, 6, 5), False), (date(2017, 6, 6), True)])
def test_a_sibling_in_canada_is_asked_once_it_earns_points(on: date, asked: bool) -> None:
    data = without("software-engineer-abroad.json", "sibling_in_canada")
    result = report(data, on=on, verdicts={})
    if not asked:
        assert "profile.sibling_in_canada" not in ids(result)
        return
    found = item(result, "profile.sibling_in_canada")
    assert found.sentence == (
        "Say whether you, or your spouse or partner coming with you, have a brother or sister "
        "aged 18 or over living in Canada who is a citizen or permanent resident: it earns 15 "
        "CRS points."
    )
    assert (found.need, found.blocks_submission, found.path) == (
        "optional",
        False,
        "$.sibling_in_canada",
    )
    assert found.crs_factors == ("CRS additional points: sibling in Canada",)
    for answer in (True, False):
        answers = {"sibling_in_canada": answer, "relative_in_canada": answer}
        answered = report({**data, **answers}, on=on, verdicts={})
        assert "profile.sibling_in_canada" not in ids(answered)


def _canadian_degree(**study: Any) -> dict[str, Any]:
    return {
        "level": "bachelors_or_three_year",
        "country": "CA",
        "program_years": 4,
        "completion_date": "2015-05-01",
        **study,
    }


@pytest.mark.parametrize(
    ("on", "crs_factors", "earns"),
    [
        (
            date(2016, 11, 18),
            (),
            "full-time study in Canada may earn FSW adaptability points.",
        ),
        (
            date(2016, 11, 19),
            ("CRS additional points: education in Canada",),
            "a Canadian credential of 3 years or more, or a master's, professional or doctoral "
            "degree studied full time in Canada for at least 8 months earns 30 CRS points for "
            "education in Canada.",
        ),
    ],
)
def test_the_study_of_a_canadian_credential_is_asked_when_not_answered(
    on: date, crs_factors: tuple[str, ...], earns: str
) -> None:
    data = {**example("software-engineer-abroad.json"), "education": [_canadian_degree()]}
    result = report(data, on=on, verdicts={})
    full_time = item(result, "profile.canadian_education", "$.education[0].full_time")
    months = item(result, "profile.canadian_education", "$.education[0].months_studied_in_canada")
    assert full_time.sentence == f"Say whether you studied full time for credential 1: {earns}"
    assert months.sentence == (
        f"Give the months you studied full time in Canada for credential 1: {earns}"
    )
    for found in (full_time, months):
        assert found.crs_factors == crs_factors
        assert found.programs == ("FSW",)  # no verdict given: FSW may need it
    # Answered, whatever the answer, nothing is asked.
    for study in ({"full_time": True, "months_studied_in_canada": 30}, {"full_time": False}):
        answered = {**data, "education": [_canadian_degree(**study)]}
        assert "profile.canadian_education" not in ids(report(answered, on=on, verdicts={}))


def test_a_canadian_study_no_program_needs_stays_optional_for_its_crs_points() -> None:
    data = {
        **example("software-engineer-abroad.json"),
        "education": [_canadian_degree(full_time=True)],
    }
    fsw = verdict("FSW", Outcome.MET)
    found = item(
        report(data, verdicts={"FSW": fsw}),
        "profile.canadian_education",
        "$.education[0].months_studied_in_canada",
    )
    assert (found.need, found.programs, found.blocks_submission) == ("optional", (), False)
    before = report(data, on=date(2016, 11, 18), verdicts={"FSW": fsw})
    assert "profile.canadian_education" not in ids(before)  # no CRS points then: dropped


@pytest.mark.parametrize(
    ("on", "crs_words", "factors"),
    [
        (date(2016, 11, 18), ", and a qualifying offer earns 600 CRS points.", ("arranged",)),
        (
            date(2016, 11, 19),
            ", and a qualifying offer earns 50 CRS points (200 in senior management).",
            ("arranged",),
        ),
        (
            date(2025, 3, 24),
            ", and a qualifying offer earns 50 CRS points (200 in senior management).",
            ("arranged",),
        ),
        (date(2025, 3, 25), " from proof of funds.", ()),
    ],
)
def test_the_job_offer_question_says_the_crs_points_of_its_day(
    on: date, crs_words: str, factors: tuple[str, ...]
) -> None:
    found = item(report(without("cook-toronto.json", "job_offers"), on=on), "profile.job_offer")
    assert found.sentence.endswith(crs_words)
    assert [factor.split(": ")[1][:8] for factor in found.crs_factors] == list(factors)
    assert ("CRS" in found.why) == bool(factors)


def test_documents_held_are_not_asked() -> None:
    result = report(example("electrician-certificate.json"))
    assert not ids(result) & {"profile.job_offer", "profile.certificate_of_qualification"}


def test_programs_sought_filter_the_items() -> None:
    data = without("cook-toronto.json", "job_offers")
    assert item(report(data, programs=("CEC",), verdicts={}), "profile.job_offer").programs == ()
    result = report(data, programs=["CEC", "FST"], verdicts={})
    assert result.programs == ("FST", "CEC")
    assert result.for_program("FST")
    assert all("FST" in i.programs for i in result.for_program("FST"))


@pytest.mark.parametrize("programs", [(), ("FSW", "PNP")])
def test_unknown_programs_are_refused(programs: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="FSW, FST, CEC"):
        completeness(Candidate(), on=ON, programs=programs)


# -- completeness: the programs' verdicts -------------------------------------------------------


def test_an_eligible_program_leaves_only_profile_items_blocking() -> None:
    data = without("software-engineer-abroad.json", "education", "travel_document")
    verdicts = {
        "FSW": verdict("FSW", Outcome.UNKNOWN, "$.education"),
        "CEC": verdict("CEC", Outcome.MET),
    }
    result = report(data, programs=("FSW", "CEC"), verdicts=verdicts)
    assert result.eligible == ("CEC",)
    assert {i.item_id for i in result.blocking} == {"profile.travel_document"}
    assert item(result, "profile.education").programs == ("FSW",)


def test_a_verdict_that_does_not_miss_a_fact_drops_its_program() -> None:
    data = without("electrician-certificate.json", "settlement_funds_cad")
    verdicts = {
        "FSW": verdict("FSW", Outcome.NOT_MET),
        "FST": verdict("FST", Outcome.UNKNOWN, "$.work_history[0].paid"),
    }
    result = report(data, verdicts=verdicts)
    # Neither verdict misses the funds (the electrician is exempt): the item is gone.
    assert "profile.settlement_funds" not in ids(result)
    assert result.routes == ("FST", "CEC")


def test_a_verdict_missing_a_fact_under_the_item_keeps_its_program() -> None:
    data = without("software-engineer-abroad.json", "settlement_funds_cad")
    verdicts = {"FSW": verdict("FSW", Outcome.UNKNOWN, "$.settlement_funds_cad")}
    found = item(
        report(data, programs=("FSW", "FST"), verdicts=verdicts), "profile.settlement_funds"
    )
    assert found.programs == ("FSW", "FST")  # FST has no verdict: it may still need the funds
    assert found.blocks_submission


def test_an_item_no_program_needs_stays_for_its_crs_points() -> None:
    data = without("software-engineer-abroad.json", "education")
    verdicts = {"FSW": verdict("FSW", Outcome.NOT_MET)}
    found = item(report(data, programs=("FSW",), verdicts=verdicts), "profile.education")
    assert found.programs == ()
    assert found.need == "optional"
    assert not found.blocks_submission


def test_a_profile_every_program_rules_out_is_not_complete() -> None:
    # Quebec (P18) rules out all three programs: however complete, the profile cannot enter
    # the pool, and one blocking item says why, program by program.
    data = example("software-engineer-abroad.json") | {"intended_province": "qc"}
    result = report(data)
    assert result.routes == ()
    assert not result.complete
    (blocking,) = result.blocking
    assert (blocking.item_id, blocking.path, blocking.need) == ("profile.program", "$", "profile")
    assert blocking.programs == ("FSW", "FST", "CEC")
    assert blocking.sentence.startswith("No program sought is open: FSW: ")
    # Every requirement not met, program by program: Quebec rules out each of them.
    assert blocking.sentence.count("outside Quebec") == 3
    assert "FST: 0 hours of paid work" in blocking.sentence
    assert blocking.sentence.endswith(
        "A profile enters the pool only through a program it is eligible for: change what "
        "rules one out, if you can."
    )
    assert blocking.citation == EXPRESS_ENTRY_POOL
    # A program still undetermined keeps the profile open: no such item.
    verdicts = {"FSW": verdict("FSW", Outcome.NOT_MET), "CEC": verdict("CEC", Outcome.UNKNOWN)}
    assert "profile.program" not in ids(report(data, programs=("FSW", "CEC"), verdicts=verdicts))
    # A verdict without a failing finding (built by hand) is named alone.
    bare = Verdict(program="FSW", on=ON, outcome=VerdictOutcome.NOT_ELIGIBLE, findings=())
    only = report(data, programs=("FSW",), verdicts={"FSW": bare})
    assert item(only, "profile.program").sentence.startswith(
        "No program sought is open: FSW: not eligible. A profile"
    )


def test_a_reason_the_programs_share_is_said_once() -> None:
    # Audit helper-68: an expired test was quoted by each of the three programs, in one
    # paragraph of 1,500 characters.
    shared = "The test does not count: it expired. French was declared first."

    def failing(code: str, *sentences: str) -> Verdict:
        findings = tuple(_RULE.finding(Outcome.NOT_MET, sentence) for sentence in sentences)
        return Verdict.decide(code, ON, findings)

    verdicts = {
        "FSW": failing("FSW", f"The FSW needs NCLC 7. {shared}"),
        "FST": failing("FST", f"The FST needs NCLC 5. {shared}", "No trade."),
        "CEC": failing("CEC", shared),
    }
    data = example("software-engineer-abroad.json")
    blocking = item(report(data, verdicts=verdicts), "profile.program")
    assert blocking.sentence.startswith(
        "No program sought is open: FSW: The FSW needs NCLC 7. The test does not count: it "
        "expired. French was declared first. FST: The FST needs NCLC 5. No trade. CEC: the "
        "same reasons. A profile enters the pool only"
    )


def test_an_optional_item_names_only_the_programs_still_open() -> None:
    data = without("electrician-certificate.json", "certificates_of_qualification")
    open_fst = item(report(data, verdicts={}), "profile.certificate_of_qualification")
    assert open_fst.programs == ("FST",)
    verdicts = {"FST": verdict("FST", Outcome.NOT_MET), "FSW": verdict("FSW", Outcome.UNKNOWN)}
    closed = item(report(data, verdicts=verdicts), "profile.certificate_of_qualification")
    assert closed.programs == ()  # the FST is ruled out: the certificate earns CRS points only


def test_facts_only_a_verdict_misses_become_items() -> None:
    data = example("partial-profile.json")
    verdicts = {
        "FSW": verdict("FSW", Outcome.UNKNOWN, "$.work_history[0].paid", "$.work_history[0].noc"),
        "FST": verdict(
            "FST", Outcome.UNKNOWN, "$.work_history[0].paid", "$.meets_trade_requirements"
        ),
        "CEC": verdict("CEC", Outcome.NOT_MET),
    }
    result = report(data, verdicts=verdicts)
    assert result.routes == ("FSW", "FST")
    paid = item(result, "profile.work_history.paid")
    assert paid.path == "$.work_history[0].paid"
    assert paid.programs == ("FSW", "FST")
    assert paid.blocks_submission  # every open program needs it
    # The question is the start of the field's description in the profile format.
    assert paid.sentence == (
        "For job 1, say whether the work was paid (wages or commission). FSW: FSW demo finding."
    )
    assert paid.why == "Needed for FSW, FST (demo.rule)."  # a rule the registry does not hold
    trade = item(result, "profile.meets_trade_requirements")
    assert trade.programs == ("FST",)
    assert not trade.blocks_submission  # FSW may still take the profile
    # The NOC code is a document item already: no second item.
    assert len([i for i in result.items if i.path == "$.work_history[0].noc"]) == 1


def test_an_open_verdict_that_misses_nothing_does_not_need_the_item() -> None:
    data = without("software-engineer-abroad.json", "settlement_funds_cad")
    verdicts = {
        "FSW": verdict("FSW", Outcome.MET),
        "FST": verdict("FST", Outcome.UNKNOWN, "$.settlement_funds_cad"),
    }
    found = item(
        report(data, programs=("FSW", "FST"), verdicts=verdicts), "profile.settlement_funds"
    )
    assert found.programs == ("FST",)
    assert not found.blocks_submission  # FSW is eligible already


def test_the_findings_quoted_are_written_only_when_the_item_is_read() -> None:
    written: list[str] = []

    def sentence() -> str:
        written.append("FSW")
        return "FSW demo finding."

    finding = _RULE.finding(Outcome.UNKNOWN, sentence, missing=("$.relative_in_canada",))
    verdicts = {"FSW": Verdict.decide("FSW", ON, (finding,))}
    result = report(example("software-engineer-abroad.json"), verdicts=verdicts)
    found = item(result, "profile.relative_in_canada")
    assert written == []
    first = found.sentence  # written now, once
    assert first.endswith("a citizen or permanent resident). FSW: FSW demo finding.")
    assert first.startswith(
        "Say whether a relative of yours or of your spouse or partner lives in Canada (a "
        "parent, grandparent,"
    )
    assert written == ["FSW"]
    assert found.sentence == first  # read again: kept, not written a second time
    assert written == ["FSW"]


@pytest.mark.parametrize(
    ("path", "question"),
    [
        (
            "$.dependent_children",
            "Give the number of dependent children (family size for the funds).",
        ),
        ("$.primary_occupation", "Give the NOC code of the occupation the FSW is claimed in."),
        (
            "$.spouse.accompanying",
            "For the spouse or partner, say whether the spouse or partner is coming to Canada "
            "with you.",
        ),
        (
            "$.spouse.work_history[1].paid",
            "For the spouse's or partner's job 2, say whether the work was paid (wages or "
            "commission).",
        ),
        (
            "$.job_offers[0].full_time",
            "For job offer 1, say whether the work offered is full time (30 hours a week or "
            "more), as a qualifying offer must be (policy P34).",
        ),
        ("$.custom_fact", "Answer $.custom_fact."),  # a fact a program of the user's own asks
    ],
)
def test_a_fact_a_verdict_asks_is_asked_in_words(path: str, question: str) -> None:
    verdicts = {"FSW": verdict("FSW", Outcome.UNKNOWN, path)}
    result = report(example("software-engineer-abroad.json"), programs=("FSW",), verdicts=verdicts)
    (found,) = [i for i in result.items if i.path == path]
    assert found.sentence == f"{question} FSW: FSW demo finding."


def test_the_rule_behind_an_item_is_named_by_its_title() -> None:
    found = item(report(example("partial-profile.json")), "profile.relative_in_canada")
    assert found.why == "Needed for FSW (FSW: the selection grid reaches the pass mark)."


_SEGMENTS = st.sampled_from(["work_history", "[0]", "[1]", "noc", "paid", "spouse", "education"])
_PATHS = st.lists(_SEGMENTS, min_size=1, max_size=4).map(
    lambda parts: "$" + "".join(part if part.startswith("[") else f".{part}" for part in parts)
)


@given(st.lists(_PATHS, max_size=6), st.lists(_PATHS, max_size=6))
def test_the_paths_related_to_others_are_those_related_to_one_of_them(
    paths: list[str], others: list[str]
) -> None:
    # The sets that find related paths at once against the plain comparison, path by path.
    related = _related_among(_near(tuple(others)), paths)
    assert related == {path for path in paths if any(_related(path, o) for o in others)}


def test_verdicts_of_programs_not_sought_are_ignored() -> None:
    result = report(
        example("partial-profile.json"),
        programs=("CEC",),
        verdicts={
            "FSW": verdict("FSW", Outcome.UNKNOWN, "$.work_history[0].paid"),
        },
    )
    assert dict(result.verdicts) == {}
    assert "profile.work_history.paid" not in ids(result)


def test_programs_ruled_out_need_nothing_more() -> None:
    data = without("software-engineer-abroad.json", "settlement_funds_cad", "education")
    verdicts = {
        code: verdict(code, Outcome.NOT_MET, "$.settlement_funds_cad", "$.relative_in_canada")
        for code in ("FSW", "FST")
    }
    result = report(data, programs=("FSW", "FST"), verdicts=verdicts)
    assert result.routes == ()
    assert "profile.settlement_funds" not in ids(result)  # no points, no program: dropped
    assert "profile.relative_in_canada" not in ids(result)
    education = item(result, "profile.education")  # no program, but CRS points
    assert education.need == "optional"
    assert not education.blocks_submission


def test_the_verdicts_default_to_the_registry() -> None:
    candidate = from_dict(example("software-engineer-abroad.json"))
    result = completeness(candidate, on=ON)
    assert list(result.verdicts) == ["FSW", "FST", "CEC"]
    assert dict(result.verdicts) == program_verdicts(derive(candidate, on=ON))
    assert program_verdicts(derive(candidate, on=ON), ()) == {}
    assert list(completeness(candidate, on=ON, programs=("CEC",)).verdicts) == ["CEC"]


def test_explain_lists_blocking_items_first() -> None:
    text = report(example("partial-profile.json"), verdicts={}).explain()
    lines = text.splitlines()
    assert lines[0].startswith("Profile on 2026-11-29 for FSW, FST, CEC:")
    marks = [line.split("]")[0] + "]" for line in lines[1:]]
    assert marks[0] == "- [blocks]"
    assert "- [if any]" in marks
    assert "- [needed]" in marks
    assert marks.index("- [needed]") > max(i for i, m in enumerate(marks) if m == "- [blocks]")


@given(candidates(), st.sampled_from([None, ("FSW",), ("CEC", "FST")]))
def test_completeness_never_raises_for_a_generated_candidate(
    candidate: Candidate, programs: tuple[str, ...] | None
) -> None:
    result = completeness(candidate, on=ON, programs=programs)
    assert all(i.path.startswith("$") for i in result.items)
    assert all(i.need != "optional" or not i.blocks_submission for i in result.items)
    time_warnings(candidate, on=ON, until=date(2027, 6, 1))


# -- time warnings ------------------------------------------------------------------------------


def test_a_language_test_expiring_before_the_date_is_warned_at_its_boundary() -> None:
    data = example("software-engineer-abroad.json")  # IELTS result 2026-02-27: ends 2028-02-27
    candidate = from_dict(data)
    assert [w.warning_id for w in time_warnings(candidate, on=ON, until=date(2028, 2, 26))] == []
    (warning,) = time_warnings(candidate, on=ON, until=date(2028, 2, 27))
    assert warning.warning_id == "time.language_test"
    assert warning.ends_on == date(2028, 2, 27)
    assert warning.path == "$.language_tests[0]"
    # Ending on the very day asked about: no "before" that day.
    assert warning.sentence == (
        "The IELTS General Training taken on 2026-02-14 stops counting from 2028-02-27: its "
        "results are valid 2 years."
    )
    (late,) = time_warnings(candidate, on=date(2028, 3, 1), until=date(2028, 3, 2))
    assert "no longer counts from 2028-02-27, before 2028-03-02" in late.sentence


def test_spouse_tests_and_ecas_are_warned_too() -> None:
    candidate = from_dict(example("french-speaking-couple.json"))
    warnings = time_warnings(candidate, on=ON, until=date(2029, 12, 3))
    paths = [w.path for w in warnings]
    assert "$.spouse.language_tests[0]" in paths
    assert "$.education[0].eca" in paths
    assert "$.spouse.education[0].eca" in paths
    assert [w.ends_on for w in warnings] == sorted(w.ends_on for w in warnings)


def test_an_eca_expiring_before_the_date_is_warned_at_its_boundary() -> None:
    candidate = from_dict(example("electrician-certificate.json"))  # ECA issued 2023-10-12
    ecas = [
        w
        for w in time_warnings(candidate, on=ON, until=date(2028, 10, 12))
        if w.warning_id == "time.eca"
    ]
    assert [(w.path, w.ends_on) for w in ecas] == [("$.education[0].eca", date(2028, 10, 12))]
    assert ecas[0].sentence.endswith("stops counting from 2028-10-12: an ECA is valid 5 years.")
    early = time_warnings(candidate, on=ON, until=date(2028, 10, 11))
    assert "time.eca" not in {w.warning_id for w in early}
    late = time_warnings(candidate, on=date(2028, 10, 12), until=date(2028, 10, 13))
    assert "no longer counts" in next(w for w in late if w.warning_id == "time.eca").sentence


def test_a_passport_expiring_before_the_date_is_warned() -> None:
    candidate = from_dict(example("french-speaking-couple.json"))  # passport until 2029-04-30
    assert "time.travel_document" not in {
        w.warning_id for w in time_warnings(candidate, on=ON, until=date(2029, 4, 30))
    }
    passports = [
        w
        for w in time_warnings(candidate, on=ON, until=date(2029, 5, 1))
        if w.warning_id == "time.travel_document"
    ]
    assert [(w.ends_on, w.path) for w in passports] == [
        (date(2029, 5, 1), "$.travel_document.expiry_date")
    ]
    assert passports[0].sentence == (
        "The passport or travel document expires on 2029-04-30, before 2029-05-01."
    )
    # Already expired on the day seen from: said in the past (audit helper-73).
    (expired,) = [
        w
        for w in time_warnings(candidate, on=date(2029, 5, 1), until=date(2029, 6, 1))
        if w.warning_id == "time.travel_document"
    ]
    assert expired.sentence == "The passport or travel document expired on 2029-04-30."
    (last_day,) = [
        w
        for w in time_warnings(candidate, on=date(2029, 4, 30), until=date(2029, 6, 1))
        if w.warning_id == "time.travel_document"
    ]
    assert last_day.sentence.startswith("The passport or travel document expires on 2029-04-30")


@pytest.mark.parametrize(
    ("lifecycle", "warning_id", "sentence"),
    [
        (
            Lifecycle(code_issued_on=ON),
            "lifecycle.reference_code",
            "The personal reference code can be entered only until 2027-01-28",
        ),
        (
            Lifecycle(draft_created_on=ON),
            "lifecycle.draft",
            "The draft profile must be submitted by 2027-01-28",
        ),
        (
            Lifecycle(submitted_on=ON),
            "lifecycle.pool",
            "The profile leaves the pool after 2027-11-29",
        ),
        (
            Lifecycle(invited_on=ON),
            "lifecycle.ita",
            "The application for permanent residence is due by 2027-01-28",
        ),
    ],
)
def test_the_running_deadline_is_warned_when_it_ends_before_the_date(
    lifecycle: Lifecycle, warning_id: str, sentence: str
) -> None:
    (deadline,) = lifecycle.deadlines
    last = deadline.last_day
    assert time_warnings(Candidate(), on=ON, until=last, lifecycle=lifecycle) == ()
    (warning,) = time_warnings(
        Candidate(), on=ON, until=last + timedelta(days=1), lifecycle=lifecycle
    )
    assert warning.warning_id == warning_id
    assert warning.sentence.startswith(sentence)
    assert warning.ends_on == last + timedelta(days=1)
    assert warning.path is None
    # An expired deadline is the status's to report, not a warning.
    after = last + timedelta(days=1)
    assert (
        time_warnings(Candidate(), on=after, until=after + timedelta(days=5), lifecycle=lifecycle)
        == ()
    )


def test_no_lifecycle_step_no_warning() -> None:
    assert time_warnings(Candidate(), on=ON, until=date(2030, 1, 1), lifecycle=Lifecycle()) == ()


def test_every_verdict_outcome_value_is_known() -> None:
    # The blocking rule reads verdicts by outcome; a new outcome would need a decision here.
    assert {o.value for o in VerdictOutcome} == {"eligible", "not_eligible", "undetermined"}


@pytest.mark.parametrize("step", ["code_issued_on", "draft_created_on", "submitted_on"])
def test_every_step_before_express_entry_is_not_in_force(step: str) -> None:
    Lifecycle(**{step: date(2015, 1, 1)}).deadlines  # noqa: B018  the launch day is in force
    with pytest.raises(NotInForce, match=f"{step}: no rule is in force on 2014-12-31"):
        Lifecycle(**{step: date(2014, 12, 31)})


@given(
    start=st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31)),
    gaps=st.lists(st.integers(min_value=0, max_value=60), min_size=3, max_size=3),
    offset=st.integers(min_value=-30, max_value=800),
)
def test_the_status_is_the_latest_step_and_its_deadline(
    start: date, gaps: list[int], offset: int
) -> None:
    code = start
    draft = code + timedelta(days=gaps[0])
    submitted = draft + timedelta(days=gaps[1])
    invited = submitted + timedelta(days=gaps[2])
    life = Lifecycle(
        code_issued_on=code, draft_created_on=draft, submitted_on=submitted, invited_on=invited
    )
    on = start + timedelta(days=offset)
    status = life.status(on)
    taken = [d for d in life.deadlines if d.starts <= on]
    if not taken:
        assert status.stage is Stage.NOT_STARTED
        return
    latest = max(taken, key=lambda d: (d.starts, life.deadlines.index(d)))
    assert status.deadline == latest
    assert status.stage.value.endswith("expired") == (on > latest.last_day)


@pytest.mark.parametrize(
    ("spouse", "asked"),
    [
        # A spouse who counts, or may count, and whose education and test are not given.
        ({"canadian_citizen_or_pr": False, "accompanying": True}, True),
        ({"canadian_citizen_or_pr": None, "accompanying": True}, True),
        # A spouse who is a Canadian citizen earns nothing: nothing is asked.
        ({"canadian_citizen_or_pr": True, "accompanying": True}, False),
    ],
)
def test_a_spouse_s_education_and_test_are_suggested(spouse: dict[str, Any], asked: bool) -> None:
    # Found by a new user's walk through the docs: a spouse's education left out was scored
    # as less than secondary school, and nothing asked for it.
    data = {"schema_version": 1, "marital_status": "married", "spouse": spouse}
    result = report(data)
    wanted = {"profile.spouse.education", "profile.spouse.language_tests"}
    assert (wanted <= ids(result)) is asked
    assert not wanted & {i.item_id for i in result.blocking}
    if asked:
        found = item(result, "profile.spouse.education")
        assert (found.need, found.path) == ("optional", "$.spouse.education")


def test_a_spouse_s_work_history_is_asked_for_the_crs_once_the_fsw_grid_is_settled() -> None:
    # Found by the explanation audit: the spouse's jobs were asked only while the FSW grid
    # waited on them, though their Canadian work earns CRS spouse points whatever the FSW.
    spouse = {"canadian_citizen_or_pr": False, "accompanying": True}
    undecided = report({"schema_version": 1, "marital_status": "married", "spouse": spouse})
    found = item(undecided, "profile.spouse.work_history")
    assert (found.need, found.programs, found.blocks_submission) == ("program", ("FSW",), False)
    settled = example("software-engineer-abroad.json") | {
        "marital_status": "married",
        "spouse": spouse,
    }
    found = item(report(settled), "profile.spouse.work_history")
    assert (found.need, found.programs) == ("optional", ())
    assert found.why == (
        "Earns points in CRS: spouse or partner factors (the spouse's work in Canada)."
    )
    assert found.sentence.startswith("Enter your spouse's or partner's jobs (an empty list says")
    answered = settled | {"spouse": {**spouse, "work_history": []}}
    assert "profile.spouse.work_history" not in ids(report(answered))
    citizen = settled | {"spouse": {**spouse, "canadian_citizen_or_pr": True}}
    assert "profile.spouse.work_history" not in ids(report(citizen))


def test_a_spouse_s_education_given_is_not_asked_again() -> None:
    data = example("french-speaking-couple.json")
    assert "profile.spouse.education" not in ids(report(data))
    assert "profile.spouse.language_tests" not in ids(report(data))


@pytest.mark.parametrize(
    ("spouse", "paths"),
    [
        (None, ["$.spouse"]),
        ({}, ["$.spouse.canadian_citizen_or_pr", "$.spouse.accompanying"]),
        ({"canadian_citizen_or_pr": False}, ["$.spouse.accompanying"]),
        ({"canadian_citizen_or_pr": False, "accompanying": True}, []),
        ({"canadian_citizen_or_pr": True}, []),  # a citizen never counts: nothing to ask
    ],
)
def test_a_partner_whose_status_is_not_answered_is_asked_about(spouse, paths) -> None:
    # P12: until the spouse is known to count, the CRS scores the single column; the status
    # decides the column, so completeness asks for it.
    data = example("software-engineer-abroad.json") | {"marital_status": "married"}
    if spouse is not None:
        data["spouse"] = spouse
    found = [i for i in report(data).items if i.item_id == "profile.spouse.status"]
    assert [i.path for i in found] == paths
    assert all(i.crs_factors and not i.blocks_submission for i in found)
    # Each item asks its own question: two items never read the same.
    assert len({i.sentence for i in found}) == len(found)
    for found_item in found:
        asked = SPOUSE_QUESTIONS[found_item.path]
        assert found_item.sentence == (
            f"Say whether your spouse or partner {asked}: until then the CRS scores you in the "
            "single column (policy P12)."
        )
        # Not "earns points": answered "coming", the with-spouse column can score less
        # (audit helper-68: 502 single against 498 with the spouse).
        assert found_item.why == (
            "Sets the CRS column (the with-spouse one can score less) and the points of CRS: "
            "spouse or partner factors."
        )


SPOUSE_QUESTIONS = {
    "$.spouse": "is a Canadian citizen or permanent resident and whether they are coming to "
    "Canada with you",
    "$.spouse.canadian_citizen_or_pr": "is a Canadian citizen or permanent resident",
    "$.spouse.accompanying": "is coming to Canada with you",
}


def test_the_summary_counts_items_in_words() -> None:
    empty = completeness(Candidate(), on=ON)
    assert empty.summary == (
        f"Profile on 2026-11-29 for FSW, FST, CEC: {len(empty.items)} items, "
        f"{len(empty.blocking)} blocking submission."
    )
    one = attrs.evolve(empty, items=empty.items[-1:], eligible=("CEC",))
    assert not one.blocking
    assert (
        one.summary == "Profile on 2026-11-29 for FSW, FST, CEC: 1 item, none blocking submission."
    )
    waiting = attrs.evolve(one, eligible=())  # no program eligible: the profile is not complete
    assert not waiting.complete
    assert waiting.summary == (
        "Profile on 2026-11-29 for FSW, FST, CEC: 1 item, none blocking submission on its own "
        "(no program is eligible yet: answer what one needs)."
    )
    nothing = attrs.evolve(empty, items=())
    assert nothing.summary == "Profile on 2026-11-29 for FSW, FST, CEC: nothing more to enter."


def test_a_nomination_whose_stream_is_not_answered_is_asked_about() -> None:
    data = {
        **example("software-engineer-abroad.json"),
        "provincial_nomination": {"province": "on"},
    }
    found = item(report(data, verdicts={}), "profile.provincial_nomination.express_entry_stream")
    assert (found.need, found.blocks_submission, found.path) == (
        "optional",
        False,
        "$.provincial_nomination.express_entry_stream",
    )
    assert found.crs_factors == ("CRS additional points: provincial nomination",)
    answered = {**data, "provincial_nomination": {"province": "on", "express_entry_stream": True}}
    assert not {i.item_id for i in report(answered, verdicts={}).items} & {
        "profile.provincial_nomination.express_entry_stream",
        "profile.provincial_nomination",
    }


@pytest.mark.parametrize(("on", "asked"), [(date(2025, 3, 24), True), (date(2025, 3, 25), False)])
def test_the_facts_of_an_offer_that_may_earn_crs_points_are_asked(on: date, asked: bool) -> None:
    data = {
        **example("software-engineer-abroad.json"),
        "job_offers": [{"noc": "21231", "lmia": "approved"}],
    }
    # The programs need nothing more: only the CRS asks.
    fsw_met = {code: verdict(code, Outcome.MET) for code in ("FSW", "FST", "CEC")}
    result = report(data, on=on, verdicts=fsw_met)
    offer_items = [i for i in result.items if i.path.startswith("$.job_offers[0].")]
    if not asked:  # from 2025-03-25 an offer earns no CRS points (P16)
        assert offer_items == []
        return
    assert [i.path for i in offer_items] == [
        "$.job_offers[0].full_time",
        "$.job_offers[0].non_seasonal",
        "$.job_offers[0].at_least_one_year",
    ]
    for found in offer_items:
        assert found.need == "optional"
        assert found.crs_factors == ("CRS additional points: arranged employment",)
        assert found.sentence.startswith("For job offer 1, say whether ")
    # An FSW that misses them asks them too.
    fsw_asks = {**fsw_met, "FSW": verdict("FSW", Outcome.UNKNOWN, "$.job_offers[0].full_time")}
    needed = item(report(data, on=on, verdicts=fsw_asks), "profile.job_offers.full_time")
    assert (needed.need, needed.programs) == ("program", ("FSW",))


def test_an_offer_the_crs_has_decided_asks_nothing_more() -> None:
    answered = {"full_time": True, "non_seasonal": True, "at_least_one_year": True}
    data = {
        **example("software-engineer-abroad.json"),
        "job_offers": [{"noc": "21231", "lmia": "approved", **answered}],
    }
    fsw_met = {code: verdict(code, Outcome.MET) for code in ("FSW", "FST", "CEC")}
    result = report(data, on=date(2025, 3, 24), verdicts=fsw_met)
    assert [i.path for i in result.items if i.path.startswith("$.job_offers")] == []


# -- completeness: an optional item an open program's verdict waits on -------------------------


def _only_fst_open(data: dict[str, Any]) -> dict[str, Any]:
    """The electrician example with work abroad only and no authorization: FST is the one
    program still open."""
    data["work_history"] = [
        {
            "noc": "72200",
            "job_title": "Electrician",
            "country": "PH",
            "start": "2022-01-01",
            "hours_per_week": 40,
            "paid": True,
            "self_employed": False,
            "full_time_student": False,
        }
    ]
    data["work_authorization"] = "none"
    return data


@pytest.mark.parametrize(
    ("key", "item_id"),
    [
        ("job_offers", "profile.job_offer"),
        ("certificates_of_qualification", "profile.certificate_of_qualification"),
    ],
)
def test_an_optional_item_the_only_open_program_waits_on_blocks(key: str, item_id: str) -> None:
    # Audit helper-72: with FST the only route and its verdict missing the offer (or the
    # certificate), the item said "if you have one" and the profile was called complete.
    data = _only_fst_open(example("electrician-certificate.json"))
    data["certificates_of_qualification"] = []
    data["job_offers"] = []
    data.pop(key)
    result = report(data)
    assert result.routes == ("FST",)
    assert result.verdicts["FST"].missing_facts == (f"$.{key}",)
    found = item(result, item_id)
    assert (found.need, found.programs, found.blocks_submission) == ("program", ("FST",), True)
    assert found.why.startswith("Needed for FST")
    assert not result.complete


def test_the_spouse_status_fsw_waits_on_is_a_program_item() -> None:
    data = example("software-engineer-abroad.json")
    data.update(marital_status="married", relative_in_canada=False, settlement_funds_cad=40000)
    data["language_tests"][0]["scores"] = dict.fromkeys(
        ("listening", "reading", "writing", "speaking"), 6.0
    )
    data["work_history"] = [data["work_history"][1] | {"start": "2023-06-01"}]
    result = report(data)
    assert result.routes == ("FSW",)
    assert result.verdicts["FSW"].missing_facts == ("$.spouse",)
    found = item(result, "profile.spouse.status")
    assert (found.need, found.programs, found.blocks_submission) == ("program", ("FSW",), True)
    assert not result.complete
    # Once the FSW no longer waits on it, the same item is optional again.
    settled = report(example("software-engineer-abroad.json") | {"marital_status": "married"})
    assert item(settled, "profile.spouse.status").need == "optional"


def test_two_routes_each_waiting_on_another_fact_are_not_complete() -> None:
    # Neither item blocks on its own (either program may take the profile), but the profile
    # cannot be submitted until one of them is answered.
    data = example("software-engineer-abroad.json")
    data["work_history"] = _only_fst_open({})["work_history"]  # an electrician abroad
    data["work_history"][0]["start"] = "2023-06-01"
    data["primary_occupation"] = "72200"
    data["language_tests"][0]["scores"] = dict.fromkeys(
        ("listening", "reading", "writing", "speaking"), 6.0
    )
    data["certificates_of_qualification"] = [
        {"noc": "72200", "issued_by": "on", "issue_date": "2025-01-10"}
    ]
    data.pop("relative_in_canada")  # FSW waits on it; FST on the trade's requirements
    data.pop("meets_trade_requirements", None)
    result = report(data)
    assert result.eligible == ()
    assert set(result.routes) == {"FSW", "FST"}
    assert result.blocking == ()
    assert not result.complete
    assert result.summary.endswith("(no program is eligible yet: answer what one needs).")


# -- the NOC version the profile takes -------------------------------------------------------


def _noc_items(result: Completeness) -> dict[str, str]:
    return {i.path: i.sentence for i in result.items if i.item_id == "profile.noc_version"}


def test_a_code_of_the_noc_version_not_in_force_is_asked_again_in_it() -> None:
    # Found by a new user's walk (helper-78): a NOC 2016 code for work of 2025 went unnoticed,
    # though IRCC invites a profile only once its codes are NOC 2021 ones (from 2022-11-16).
    data = example("electrician-certificate.json")
    data["work_history"][0]["noc"] = "7241"
    data["primary_occupation"] = "2173"  # split: NOC 2021 21211 or 21231
    after = report(data, on=date(2022, 11, 16))
    assert _noc_items(after) == {
        "$.work_history[0].noc": (
            "Give the NOC 2021 V1.0 code of your Electrician job (from 2012-01-16): a profile "
            "takes NOC 2021 V1.0 codes from 2022-11-16, and NOC 2016 V1.3 7241 is NOC 2021 "
            "V1.0 72200."
        ),
        "$.primary_occupation": (
            "Give the NOC 2021 V1.0 code of your primary occupation: a profile takes NOC 2021 "
            "V1.0 codes from 2022-11-16, and NOC 2016 V1.3 2173 is NOC 2021 V1.0 21211 or "
            "21231."
        ),
    }
    asked = item(after, "profile.noc_version", "$.work_history[0].noc")
    assert (asked.need, asked.blocks_submission) == ("profile", True)
    assert asked.citation.url.endswith("selection-criteria-work-experience.html")
    assert not after.complete
    # The day before, NOC 2016 is the version in force: the NOC 2021 codes are asked in it.
    before = report(data, on=date(2022, 11, 15))
    assert _noc_items(before) == {
        "$.work_history[1].noc": (
            "Give the NOC 2016 V1.3 code of your Construction electrician job (from "
            "2022-03-01): a profile takes NOC 2016 V1.3 codes until 2022-11-15, and NOC 2021 "
            "V1.0 72200 is NOC 2016 V1.3 7241."
        ),
        "$.job_offers[0].noc": (
            "Give the NOC 2016 V1.3 code of job offer 1: a profile takes NOC 2016 V1.3 codes "
            "until 2022-11-15, and NOC 2021 V1.0 72200 is NOC 2016 V1.3 7241."
        ),
    }


@pytest.mark.parametrize("name", COMPLETE)
def test_every_example_gives_its_codes_in_the_noc_version_in_force(name: str) -> None:
    assert _noc_items(report(example(name))) == {}


# -- a job left without its end date ---------------------------------------------------------


def _jobs(*periods: tuple[str, str, str | None]) -> Candidate:
    return Candidate(
        work_history=WorkHistory(
            periods=tuple(
                WorkPeriod(
                    country=country,
                    start=date.fromisoformat(start),
                    end=None if end is None else date.fromisoformat(end),
                    hours_per_week=40,
                )
                for country, start, end in periods
            )
        )
    )


def test_a_job_with_no_end_beside_a_later_one_abroad_is_warned_of() -> None:
    # Found by a new user's walk (helper-78): a forgotten end date let a job in India run on
    # beside the job in Canada, and the foreign experience rose from 4 to 5.3 years unsaid.
    candidate = _jobs(("IN", "2021-08-02", None), ("CA", "2025-10-01", None))
    warning = (
        "Job 1 (IN, from 2021-08-02) has no end date, so it counts as ongoing through "
        "2026-11-29, beside job 2 (CA, from 2025-10-01): if it has ended, give its end date."
    )
    result = assess(candidate, on=ON)
    assert result.warnings[-1] == warning
    assert warning in result.explain()
    assert result.to_dict()["warnings"][-1] == warning


@pytest.mark.parametrize(
    "periods",
    [
        (("IN", "2021-08-02", "2025-08-29"), ("CA", "2025-10-01", None)),  # it has an end
        (("CA", "2021-08-02", None), ("CA", "2025-10-01", None)),  # one country: two jobs
        (("IN", "2025-10-01", None), ("CA", "2021-08-02", "2025-09-30")),  # the other before
        (("IN", "2021-08-02", None), ("CA", "2026-11-30", None)),  # the other after the day
        (("IN", "2026-11-30", None), ("CA", "2026-12-01", None)),  # both after the day
        (("IN", "2021-08-02", None), ("CA", "2021-08-02", None)),  # begun together: two jobs
    ],
)
def test_no_warning_for_jobs_held_together_or_one_after_another(
    periods: tuple[tuple[str, str, str | None], ...],
) -> None:
    assert history_warnings(_jobs(*periods), on=ON) == ()
    assert history_warnings(Candidate(), on=ON) == ()
