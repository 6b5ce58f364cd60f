"""How much training an occupation needs: TEER in NOC 2021, skill type and level in NOC 2016.

NOC 2021 (rules.md §8.2): the second digit of any code of two or more digits is the TEER
(Training, Education, Experience and Responsibilities), 0 to 5.

NOC 2016 (rules.md §8.1): a first digit 0 is skill type 0 (management), whose second digit is the
occupational area, not a level. Otherwise the second digit gives the skill level: A for 0 or 1,
B for 2 or 3, C for 4 or 5, D for 6 or 7 (ESDC's reading, which covers the 0 of major group 30 and
the 7 of major group 67).

>>> Teer.TEER_1.meaning
'Usually a university degree'
>>> SkillLevel.B.meaning
'College education or apprenticeship training'
"""

from __future__ import annotations

from expressentry._enum import IdentityEnum

__all__ = ["SkillLevel", "Teer"]


class Teer(IdentityEnum):
    """A NOC 2021 TEER category, from the second digit of the code."""

    TEER_0 = 0
    TEER_1 = 1
    TEER_2 = 2
    TEER_3 = 3
    TEER_4 = 4
    TEER_5 = 5

    @property
    def meaning(self) -> str:
        """What the category usually requires (StatCan's definition, rules.md §8.2)."""
        return _TEER_MEANINGS[self]

    @classmethod
    def of_code(cls, code: str) -> Teer:
        """The TEER of a NOC 2021 code of two or more digits (its second digit).

        >>> Teer.of_code("21231")
        <Teer.TEER_1: 1>
        """
        return cls(int(code[1]))


_TEER_MEANINGS = {
    Teer.TEER_0: "Management occupations",
    Teer.TEER_1: "Usually a university degree",
    Teer.TEER_2: (
        "College or CEGEP program of 2 to 3 years, apprenticeship of 2 to 5 years, "
        "supervisory or significant safety responsibilities, or several years in a related "
        "TEER 3 job"
    ),
    Teer.TEER_3: (
        "College program of less than 2 years, apprenticeship of less than 2 years, more than "
        "6 months of on-the-job training, or several years in a related TEER 4 job"
    ),
    Teer.TEER_4: (
        "Secondary school, several weeks of on-the-job training, or experience in a related "
        "TEER 5 job"
    ),
    Teer.TEER_5: "Short-term work demonstration and no formal education",
}


class SkillLevel(IdentityEnum):
    """A NOC 2016 skill level, or skill type 0 for management occupations."""

    SKILL_TYPE_0 = "0"
    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def meaning(self) -> str:
        """What the level usually requires (ESDC's definition, rules.md §8.1)."""
        return _SKILL_LEVEL_MEANINGS[self]

    @classmethod
    def of_code(cls, code: str) -> SkillLevel:
        """The skill type or level of a NOC 2016 code of two or more digits (or a range).

        >>> SkillLevel.of_code("0111"), SkillLevel.of_code("2173"), SkillLevel.of_code("7511")
        (<SkillLevel.SKILL_TYPE_0: '0'>, <SkillLevel.A: 'A'>, <SkillLevel.C: 'C'>)
        """
        if code[0] == "0":
            return cls.SKILL_TYPE_0
        return _SKILL_LEVEL_BY_SECOND_DIGIT[code[1]]


_SKILL_LEVEL_MEANINGS = {
    SkillLevel.SKILL_TYPE_0: (
        "Management occupations (skill type 0); the second digit is the occupational area"
    ),
    SkillLevel.A: "University education",
    SkillLevel.B: "College education or apprenticeship training",
    SkillLevel.C: "Secondary school and/or occupation-specific training",
    SkillLevel.D: "On-the-job training",
}

_SKILL_LEVEL_BY_SECOND_DIGIT = {
    "0": SkillLevel.A,
    "1": SkillLevel.A,
    "2": SkillLevel.B,
    "3": SkillLevel.B,
    "4": SkillLevel.C,
    "5": SkillLevel.C,
    "6": SkillLevel.D,
    "7": SkillLevel.D,
}
