"""Occupation groups the programs name, as dated definitions with their citations.

- **Skilled occupations** (FSW, CEC and the CRS count only these): NOC 2016 skill type 0 or skill
  levels A and B before 2022-11-16; NOC 2021 TEER 0, 1, 2 or 3 from that day (rules.md §8).
- **Skilled trades** for the Federal Skilled Trades Program, IRPR s. 87.2(1) (rules.md §2.1).
- **Senior management**, major group 00 in both versions: a qualifying job offer in it earned
  200 CRS points instead of 50 from 2016-11-19 (rules.md §4.9).
- **Category-based selection** occupation lists (rules.md §9), where the sources list them. Most
  lists are not known, or only in part: such a list is marked incomplete (``complete=False``), and
  :func:`in_category` answers ``None`` (undetermined, policy P23) for an occupation it does not
  name, never a guess.

A code of the other NOC version than the one in force is judged through the StatCan concordance:
the answer holds if every corresponding unit group gives the same one; if they disagree, the code
is too coarse to decide and :class:`InvalidNocCode` asks for the code of the version in force.

>>> from datetime import date
>>> is_skilled_trade(NocCode("72200"), date(2026, 11, 29))
True
>>> truck_drivers = NocCode("73300")
>>> is_skilled(truck_drivers, date(2022, 11, 15)), is_skilled(truck_drivers, date(2022, 11, 16))
(False, True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TypeVar

import attrs

from expressentry._enum import IdentityEnum
from expressentry._sources import CRS_CRITERIA_URL, MI_2015_URL
from expressentry.dated import EXPRESS_ENTRY_LAUNCH, Citation, Dated, DatedTable
from expressentry.exceptions import InvalidNocCode, NotInForce
from expressentry.noc.code import NocCode
from expressentry.noc.concordance import in_version
from expressentry.noc.hierarchy import NocGroup, NocLevel, group, groups
from expressentry.noc.skill import SkillLevel, Teer
from expressentry.noc.version import NOC_VERSION_IN_FORCE, NocVersion

__all__ = [
    "CATEGORY_OCCUPATIONS",
    "SENIOR_MANAGEMENT",
    "SKILLED_OCCUPATIONS",
    "SKILLED_TRADES",
    "OccupationCategory",
    "OccupationGroup",
    "in_category",
    "is_senior_management",
    "is_skilled",
    "is_skilled_trade",
]

_T = TypeVar("_T")


def _units_under(found: NocGroup) -> Iterable[str]:
    if found.level is NocLevel.UNIT_GROUP:
        yield found.code
    for child in found.children:
        yield from _units_under(child)


def _check_group_codes(
    instance: OccupationGroup, attribute: attrs.Attribute[tuple[str, ...]], codes: tuple[str, ...]
) -> None:
    for code in codes:
        group(code, instance.version)  # raises InvalidNocCode naming the code and the version


@attrs.frozen
class OccupationGroup:
    """A set of unit groups of one NOC version: some groups (any level), minus some groups.

    ``complete`` is ``False`` when the sources list only part of the occupations: then an
    occupation that is not listed may still belong (:meth:`membership` answers ``None``).

    >>> fst = SKILLED_TRADES.at(date(2026, 1, 1))
    >>> NocCode("72010") in fst, NocCode("72600") in fst
    (True, False)
    """

    name: str
    version: NocVersion
    includes: tuple[str, ...] = attrs.field(validator=_check_group_codes)
    excludes: tuple[str, ...] = attrs.field(default=(), validator=_check_group_codes)
    complete: bool = True
    _unit_codes: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    @_unit_codes.default
    def _unit_codes_default(self) -> frozenset[str]:
        def units(codes: tuple[str, ...]) -> set[str]:
            return {unit for code in codes for unit in _units_under(group(code, self.version))}

        return frozenset(units(self.includes) - units(self.excludes))

    @property
    def unit_groups(self) -> tuple[NocCode, ...]:
        """The unit groups listed, in code order.

        >>> [str(code) for code in SENIOR_MANAGEMENT.at(date(2020, 1, 1)).unit_groups]
        ['0011', '0012', '0013', '0014', '0015', '0016']
        """
        return tuple(NocCode(code) for code in sorted(self._unit_codes))

    def __contains__(self, code: NocCode) -> bool:
        """Whether ``code`` is listed (a code of another version never is)."""
        return code.code in self._unit_codes

    def membership(self, code: NocCode) -> bool | None:
        """``True`` if listed, ``False`` if not and the list is complete, else ``None``."""
        if code in self:
            return True
        return False if self.complete else None


def _answer(
    definition: OccupationGroup,
    code: NocCode,
    question: Callable[[OccupationGroup, NocCode], _T],
) -> _T:
    """Ask ``question`` about ``code``, through the concordance if its version differs."""
    candidates = in_version(code, definition.version)
    answers = {question(definition, candidate) for candidate in candidates}
    if len(answers) > 1:
        listed = ", ".join(str(candidate) for candidate in candidates)
        raise InvalidNocCode(
            f"{code.code!r} ({code.version.label}) corresponds to {listed} in "
            f"{definition.version.label}, which do not all belong to {definition.name!r}; "
            f"give the {definition.version.label} code"
        )
    return answers.pop()


def _listed(definition: OccupationGroup, code: NocCode) -> bool:
    return code in definition


# Citations (URLs from rules.md, source key).
_FSW_WORK_EXPERIENCE_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/"
    "operational-bulletins-manuals/permanent-residence/economic-classes/federal-skilled-workers/"
    "selection-criteria-work-experience.html"
)  # S3
_CEC_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/eligibility/canadian-experience-class.html"
)  # S8
_FST_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/who-can-apply/federal-skilled-trades.html"
)  # S9
_CATEGORY_PAGE_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/immigrate-canada/"
    "express-entry/rounds-invitations/category-based-selection.html"
)  # S25
_CBS_REPORT_URL = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/"
    "report-parliament-cbs-2024-25.html"
)  # S24

_NOC_2021_SWITCH = NOC_VERSION_IN_FORCE.change_dates[1]
_SKILLED_LEVELS_2016 = (SkillLevel.SKILL_TYPE_0, SkillLevel.A, SkillLevel.B)
_SKILLED_TEERS = (Teer.TEER_0, Teer.TEER_1, Teer.TEER_2, Teer.TEER_3)

SKILLED_OCCUPATIONS: DatedTable[OccupationGroup] = DatedTable(
    "Skilled occupations for Express Entry",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            OccupationGroup(
                "NOC 2016 skill type 0 or skill level A or B",
                NocVersion.NOC_2016,
                tuple(
                    major.code
                    for major in groups(NocVersion.NOC_2016, NocLevel.MAJOR_GROUP)
                    if major.skill_level in _SKILLED_LEVELS_2016
                ),
            ),
            Citation(
                "IRPR",
                "s. 75(2)(a): skill type 0 or skill level A or B of the NOC",
                _FSW_WORK_EXPERIENCE_URL,
            ),
        ),
        Dated(
            _NOC_2021_SWITCH,
            OccupationGroup(
                "NOC 2021 TEER 0, 1, 2 or 3",
                NocVersion.NOC_2021,
                tuple(
                    major.code
                    for major in groups(NocVersion.NOC_2021, NocLevel.MAJOR_GROUP)
                    if major.teer in _SKILLED_TEERS
                ),
            ),
            Citation("IRPR", "ss. 75(2)(a), 87.1(2)(a): TEER 0, 1, 2 or 3 of the NOC", _CEC_URL),
        ),
    ),
)
"""Which occupations count as skilled, by date (rules.md §8.1, §8.2)."""

SKILLED_TRADES: DatedTable[OccupationGroup] = DatedTable(
    "Skilled trade occupations (Federal Skilled Trades Program)",
    (
        Dated(
            EXPRESS_ENTRY_LAUNCH,
            OccupationGroup(
                "Skilled trade occupations (NOC 2016)",
                NocVersion.NOC_2016,
                includes=("72", "73", "82", "92", "632", "633"),
            ),
            Citation(
                "IRPR",
                's. 87.2(1), "skilled trade occupation": NOC 2016 major groups 72, 73, 82, 92, '
                "minor groups 632, 633",
                _FST_URL,
            ),
        ),
        Dated(
            _NOC_2021_SWITCH,
            OccupationGroup(
                "Skilled trade occupations (NOC 2021)",
                NocVersion.NOC_2021,
                includes=("72", "73", "82", "83", "92", "93", "6320", "62200"),
                excludes=("726", "932"),
            ),
            Citation(
                "IRPR",
                's. 87.2(1), "skilled trade occupation": NOC 2021 major groups 72 (except '
                "sub-major group 726), 73, 82, 83, 92, 93 (except sub-major group 932), minor "
                "group 6320, unit group 62200",
                _FST_URL,
            ),
        ),
    ),
)
"""The occupations of the Federal Skilled Trades Program, by date (rules.md §2.1)."""

SENIOR_MANAGEMENT: DatedTable[OccupationGroup] = DatedTable(
    "Senior management occupations (200 CRS points for a job offer)",
    (
        Dated(
            date(2016, 11, 19),
            OccupationGroup(
                "Senior management (NOC 2016 major group 00)", NocVersion.NOC_2016, ("00",)
            ),
            Citation(
                "Ministerial Instructions",
                "CRS arranged employment from 2016-11-19: 200 points for NOC 2016 major group 00",
                MI_2015_URL,
            ),
        ),
        Dated(
            _NOC_2021_SWITCH,
            OccupationGroup(
                "Senior management (NOC 2021 TEER 0 major group 00)", NocVersion.NOC_2021, ("00",)
            ),
            Citation(
                "Ministerial Instructions",
                "CRS arranged employment: 200 points for NOC 2021 TEER 0 major group 00",
                CRS_CRITERIA_URL,
            ),
        ),
    ),
)
"""Major group 00, whose job offers earned 200 CRS points (rules.md §4.9). The points themselves,
and their removal on 2025-03-25, belong to the CRS tables."""


class OccupationCategory(IdentityEnum):
    """A category of category-based selection that is defined by a list of occupations."""

    HEALTHCARE = "healthcare"
    STEM = "stem"
    TRADES = "trades"
    TRANSPORT = "transport"
    AGRICULTURE = "agriculture"
    EDUCATION = "education"
    PHYSICIANS = "physicians"
    RESEARCHERS = "researchers"
    SENIOR_MANAGERS = "senior_managers"
    MILITARY = "military"


_LAUNCH_2023 = date(2023, 5, 31)
_ANNOUNCED_2025 = date(2025, 2, 27)
_ANNOUNCED_2026 = date(2026, 2, 18)

_CITE_2023 = Citation("IRCC", "Category-based selection, 2023 categories", _CATEGORY_PAGE_URL)
_CITE_2025 = Citation(
    "IRCC", "Report to Parliament on category-based selection 2024-2025, Annex B", _CBS_REPORT_URL
)
_CITE_2026 = Citation("IRCC", "Category-based selection, 2026 categories", _CATEGORY_PAGE_URL)


def _occupations(
    name: str, codes: tuple[str, ...] = (), *, complete: bool = False
) -> OccupationGroup:
    return OccupationGroup(name, NocVersion.NOC_2021, codes, complete=complete)


def _unknown(name: str) -> OccupationGroup:
    # The category ran, but no source at hand lists its occupations.
    return _occupations(name)


def _category(
    name: str, *rows: tuple[date, OccupationGroup | None, Citation]
) -> DatedTable[OccupationGroup | None]:
    return DatedTable(name, tuple(Dated(start, value, cite) for start, value, cite in rows))


CATEGORY_OCCUPATIONS: Mapping[OccupationCategory, DatedTable[OccupationGroup | None]] = (
    MappingProxyType(
        {
            OccupationCategory.HEALTHCARE: _category(
                "Healthcare occupations category",
                (_LAUNCH_2023, _unknown("Healthcare occupations"), _CITE_2023),
                (
                    _ANNOUNCED_2025,
                    _unknown("Healthcare and social services occupations"),
                    _CITE_2025,
                ),
                (
                    _ANNOUNCED_2026,
                    _unknown("Healthcare and social services occupations"),
                    _CITE_2026,
                ),
            ),
            OccupationCategory.STEM: _category(
                "STEM occupations category",
                (_LAUNCH_2023, _unknown("STEM occupations"), _CITE_2023),
                (_ANNOUNCED_2025, _unknown("STEM occupations"), _CITE_2025),
                (_ANNOUNCED_2026, _unknown("STEM occupations"), _CITE_2026),
            ),
            OccupationCategory.TRADES: _category(
                "Trade occupations category",
                (_LAUNCH_2023, _unknown("Trade occupations"), _CITE_2023),
                (_ANNOUNCED_2025, _unknown("Trade occupations"), _CITE_2025),
                (_ANNOUNCED_2026, _unknown("Trade occupations"), _CITE_2026),
            ),
            OccupationCategory.TRANSPORT: _category(
                "Transport occupations category",
                (_LAUNCH_2023, _unknown("Transport occupations"), _CITE_2023),
                (_ANNOUNCED_2025, None, _CITE_2025),  # removed for 2025
                (
                    _ANNOUNCED_2026,
                    # 22313 is probably listed too, but its code was cut off in the source.
                    _occupations("Transport occupations", ("72600", "72410", "72404")),
                    _CITE_2026,
                ),
            ),
            OccupationCategory.AGRICULTURE: _category(
                "Agriculture and agri-food occupations category",
                (_LAUNCH_2023, _unknown("Agriculture and agri-food occupations"), _CITE_2023),
                (
                    _ANNOUNCED_2025,
                    _occupations(
                        "Agriculture and agri-food occupations", ("63201",), complete=True
                    ),
                    _CITE_2025,
                ),
                # Not in the 2026 list seen (low confidence, rules.md §9.1).
                (_ANNOUNCED_2026, None, _CITE_2026),
            ),
            OccupationCategory.EDUCATION: _category(
                "Education occupations category",
                (
                    _ANNOUNCED_2025,
                    _occupations(
                        "Education occupations",
                        ("41220", "41221", "42202", "42203", "43100"),
                        complete=True,
                    ),
                    _CITE_2025,
                ),
                (_ANNOUNCED_2026, _unknown("Education occupations"), _CITE_2026),
            ),
            OccupationCategory.PHYSICIANS: _category(
                "Physicians with Canadian work experience category",
                (
                    _ANNOUNCED_2026,
                    _occupations(
                        "Physicians with Canadian work experience", ("31100", "31101", "31102")
                    ),
                    _CITE_2026,
                ),
            ),
            OccupationCategory.RESEARCHERS: _category(
                "Researchers with Canadian work experience category",
                (
                    _ANNOUNCED_2026,
                    _occupations("Researchers with Canadian work experience", ("41200", "41201")),
                    _CITE_2026,
                ),
            ),
            OccupationCategory.SENIOR_MANAGERS: _category(
                "Senior managers with Canadian work experience category",
                (
                    _ANNOUNCED_2026,
                    _occupations(
                        "Senior managers with Canadian work experience",
                        ("00012", "00013", "00014", "00015"),
                    ),
                    _CITE_2026,
                ),
            ),
            OccupationCategory.MILITARY: _category(
                "Skilled military recruits category",
                (
                    _ANNOUNCED_2026,
                    _occupations("Skilled military recruits", ("40042", "42102", "43204")),
                    _CITE_2026,
                ),
            ),
        }
    )
)
"""The occupation list of each category, by date (rules.md §9.1); ``None`` while the category is
not run. Lists marked incomplete are partial or unknown."""


def is_skilled(code: NocCode, on: date) -> bool:
    """Whether ``code`` is a skilled occupation on ``on``: NOC 2016 skill type 0 or level A or B
    up to 2022-11-15, NOC 2021 TEER 0 to 3 from 2022-11-16.

    >>> drivers = NocCode("7511")
    >>> is_skilled(drivers, date(2022, 11, 15)), is_skilled(drivers, date(2022, 11, 16))
    (False, True)
    """
    return _answer(SKILLED_OCCUPATIONS.at(on), code, _listed)


def is_skilled_trade(code: NocCode, on: date) -> bool:
    """Whether ``code`` is a skilled trade occupation (FST, IRPR s. 87.2(1)) on ``on``.

    >>> is_skilled_trade(NocCode("62200"), date(2026, 1, 1))
    True
    """
    return _answer(SKILLED_TRADES.at(on), code, _listed)


def is_senior_management(code: NocCode, on: date) -> bool:
    """Whether ``code`` is in senior-management major group 00 on ``on`` (from 2016-11-19).

    >>> is_senior_management(NocCode("00012"), date(2026, 1, 1))
    True
    """
    return _answer(SENIOR_MANAGEMENT.at(on), code, _listed)


def in_category(category: OccupationCategory, code: NocCode, on: date) -> bool | None:
    """Whether ``code`` is on ``category``'s occupation list on ``on``.

    ``None`` (undetermined) when the list is incomplete and does not name the occupation.
    :class:`NotInForce` when the category is not run on ``on``.

    >>> on = date(2025, 6, 1)
    >>> in_category(OccupationCategory.EDUCATION, NocCode("41220"), on)
    True
    >>> in_category(OccupationCategory.EDUCATION, NocCode("21231"), on)
    False
    >>> print(in_category(OccupationCategory.STEM, NocCode("21231"), on))
    None
    """
    occupations = CATEGORY_OCCUPATIONS[category].at(on)
    if occupations is None:
        raise NotInForce(f"the {category.value} category is not run on {on.isoformat()}")
    return _answer(occupations, code, OccupationGroup.membership)
