"""Golden CRS totals, each worked out by hand from the tables of rules.md §4.

Every case writes its working in a comment, the way ``golden-crs.md`` does; the six cases of
that file come first. Points are written "single/with spouse" where a table has two columns.
Language levels come from the test scores through :func:`level_for` where a test is named
(IELTS General Training, CELPIP-General, PTE Core, TEF Canada, TCF Canada), so the cases also
pin the conversion the CRS relies on.

Pitfalls of rules.md §13 and where they are covered:

- a bachelor's or two-year credential earns 13/25, not 25/50: ``golden-1``, ``golden-5``,
  ``bachelors-clb9-canadian2``, ``two-year-coq-clb7``;
- the sub-caps (education 50, foreign 50, certificate 50) and C ≤ 100: ``transferability-caps``,
  ``golden-6``, ``maximum-1200``;
- spouse language CLB 4 earns 0: ``spouse-clb4``;
- second language capped at 22 with a spouse, 24 without: ``second-language-cap-22``,
  ``second-language-24-single``;
- additional points capped at 600 and the total at 1,200: ``golden-4``, ``pn-and-offer-2015``,
  ``maximum-1200``;
- a certificate of qualification counts whatever the program: ``coq-clb5-fsw``;
- French bonus NCLC 7+ in all four, 50 only with English CLB 5+ in all four:
  ``french-one-ability-6``, ``french-english-one-clb4``, ``tcf-bilingual``;
- job-offer points 0 from 2025-03-25: ``job-offer-removed``, ``job-offer-last-day``;
- the TEF Canada score is its "Équivalence ancien score" whatever the test date (P3, as IRCC
  reads it): ``tef-old-scale``, ``tef-ancien-score-from-2019-10-01``; TCF writing
  and speaking out of 20: ``tcf-bilingual``;
- TCF at CLB 4 earns 6 per ability: ``tcf-level-4``;
- the FSW grid's per-ability language points, foreign experience in one occupation, Canadian
  experience across occupations and the NOC titles are not CRS-from-levels rules: they belong
  to the FSW grid, the work ledger (``experience.py``) and ``noc/``, and are tested there; here
  the CRS takes the ledger's years as given (``canadian-years-fraction``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from expressentry.crs import (
    CanadianEducation,
    EducationLevel,
    JobOfferClass,
    clb,
    crs_from_levels,
    nclc,
)
from expressentry.language.levels import LanguageLevels, level_for
from expressentry.language.scales import Ability, Language, TestKind

E = EducationLevel
AFTER_2025 = date(2025, 4, 1)


def levels_of_scores(
    kind: TestKind, listening: float, reading: float, writing: float, speaking: float, on: date
) -> LanguageLevels:
    """The levels of a test taken on ``on``, through the language module's charts."""
    scores = {
        Ability.LISTENING: listening,
        Ability.READING: reading,
        Ability.WRITING: writing,
        Ability.SPEAKING: speaking,
    }
    levels = {
        ability.value: level_for(kind, ability, score, on) for ability, score in scores.items()
    }
    return LanguageLevels(language=kind.language, **levels)


IELTS = TestKind.IELTS_GENERAL_TRAINING
T2025 = date(2025, 1, 15)


def case(
    case_id: str,
    expected: int,
    sections: tuple[int, int, int, int],
    *,
    on: date = AFTER_2025,
    **factors: Any,
) -> Any:
    return pytest.param(on, factors, expected, sections, id=case_id)


GOLDEN = [
    # --- golden-crs.md ---------------------------------------------------------------------
    # 1. Single, 29, bachelor's, IELTS 7.0 ×4 → CLB L7 R9 W9 S9.
    # Core 110 + 120 + (17 + 31 + 31 + 31 = 110) = 340. C: E1 × L1 = 13. Total 353.
    case(
        "golden-1",
        353,
        (340, 0, 13, 0),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=levels_of_scores(IELTS, 7.0, 7.0, 7.0, 7.0, T2025),
    ),
    # 2. Married, 27; bachelor's; IELTS L8 R6.5 W6 S6.5 → CLB 9, 8, 7, 8; 1 yr Canada, 2 abroad;
    # spouse secondary, IELTS 5.0 ×4 → CLB 5 (R 5.0 → 6).
    # Core 100 + 112 + (29 + 22 + 16 + 22 = 89) + 35 = 336. Spouse 2 + 4 + 0 = 6.
    # C: E1×L1 13 + E1×C1 13 = 26; F1×L1 13 + F1×C1 13 = 26 → 52. Total 394.
    case(
        "golden-2",
        394,
        (336, 6, 52, 0),
        age=27,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=levels_of_scores(IELTS, 8.0, 6.5, 6.0, 6.5, T2025),
        canadian_years=1,
        foreign_years=2,
        partnered=True,
        spouse_education=E.SECONDARY,
        spouse_language=levels_of_scores(IELTS, 5.0, 5.0, 5.0, 5.0, T2025),
    ),
    # 3. Single, 32, master's, IELTS L8 R7.5 W6.5 S7 → CLB 9, 9, 8, 9; 3 yrs abroad.
    # Core 94 + 135 + (31 + 31 + 23 + 31 = 116) = 345. C: E2×L1 25; F2×L1 25 → 50. Total 395.
    case(
        "golden-3",
        395,
        (345, 0, 50, 0),
        age=32,
        education=E.MASTERS_OR_PROFESSIONAL,
        first_language=levels_of_scores(IELTS, 8.0, 7.5, 6.5, 7.0, T2025),
        foreign_years=3,
    ),
    # 4. Case 3 with a provincial nomination and a sibling: D = 600 + 15 = 615 → 600. Total 995.
    case(
        "golden-4",
        995,
        (345, 0, 50, 600),
        age=32,
        education=E.MASTERS_OR_PROFESSIONAL,
        first_language=levels_of_scores(IELTS, 8.0, 7.5, 6.5, 7.0, T2025),
        foreign_years=3,
        provincial_nomination=True,
        sibling_in_canada=True,
    ),
    # 5. Married, 36; bachelor's; CLB 10 ×4; 3 yrs abroad; spouse bachelor's, CLB 7 ×4.
    # Core 65 + 112 + 128 + 0 = 305. Spouse 8 + 12 + 0 = 20. C: E1×L2 25; F2×L2 50 → 75. 400.
    case(
        "golden-5",
        400,
        (305, 20, 75, 0),
        age=36,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(10),
        foreign_years=3,
        partnered=True,
        spouse_education=E.BACHELORS_OR_THREE_YEAR,
        spouse_language=clb(7),
    ),
    # 6. Single, 20, master's, IELTS 8.5 ×4 → CLB 10; 5 yrs Canada, 3 abroad; 3-year Canadian
    # credential; sibling. Core 110 + 135 + 136 + 80 = 461. C: min(50, 50 + 50) + min(50, 50 +
    # 50) = 100. D: 30 + 15 = 45. Total 606.
    case(
        "golden-6",
        606,
        (461, 0, 100, 45),
        age=20,
        education=E.MASTERS_OR_PROFESSIONAL,
        first_language=levels_of_scores(IELTS, 8.5, 8.5, 8.5, 8.5, T2025),
        canadian_years=5,
        foreign_years=3,
        canadian_education=CanadianEducation.THREE_YEAR_OR_MORE,
        sibling_in_canada=True,
    ),
    # --- test kinds --------------------------------------------------------------------------
    # CELPIP 9, 9, 9, 12 → CLB 9, 9, 9, 10. Single, 30, two-year, 2 yrs Canada.
    # Core 105 + 98 + (31 + 31 + 31 + 34 = 127) + 53 = 383. C: E1×L2 25 + E1×C2 25 = 50.
    # Total 433.
    case(
        "celpip",
        433,
        (383, 0, 50, 0),
        age=30,
        education=E.TWO_YEAR,
        first_language=levels_of_scores(TestKind.CELPIP_GENERAL, 9, 9, 9, 12, T2025),
        canadian_years=2,
    ),
    # PTE Core L71 R60 W79 S76 → CLB 8, 7, 8, 8. Single, 33, master's, 2 yrs abroad.
    # Core 88 + 135 + (23 + 17 + 23 + 23 = 86) = 309. C: E2×L1 25; F1×L1 13 → 38. Total 347.
    case(
        "pte-core",
        347,
        (309, 0, 38, 0),
        age=33,
        education=E.MASTERS_OR_PROFESSIONAL,
        first_language=levels_of_scores(TestKind.PTE_CORE, 71, 60, 79, 76, T2025),
        foreign_years=2,
    ),
    # TEF Canada (2024), its "Équivalence ancien score" (policy P3, as IRCC reads it for
    # Express Entry) L330 R250 W380 S320 → NCLC 10, 9, 9, 7, French first, no English. Single,
    # 28, bachelor's. Core 110 + 120 + (34 + 31 + 31 + 17 = 113) = 343. C: E1×L1 13. D: French
    # only 25. Total 381.
    case(
        "tef-french-only",
        381,
        (343, 0, 13, 25),
        age=28,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=levels_of_scores(TestKind.TEF_CANADA, 330, 250, 380, 320, date(2024, 6, 1)),
    ),
    # TCF Canada L549 R524 W12/20 S10/20 → NCLC 10, 9, 8, 7 (French first); IELTS 6.0 ×4 →
    # CLB 7 (second). Single, 31, one-year. Core 99 + 90 + (34 + 31 + 23 + 17 = 105) + (3 × 4 =
    # 12) = 306. C: E1×L1 13. D: bilingual 50. Total 369.
    case(
        "tcf-bilingual",
        369,
        (306, 0, 13, 50),
        age=31,
        education=E.ONE_YEAR,
        first_language=levels_of_scores(TestKind.TCF_CANADA, 549, 524, 12, 10, T2025),
        second_language=levels_of_scores(IELTS, 6.0, 6.0, 6.0, 6.0, T2025),
    ),
    # TCF at NCLC exactly 4 in all four (L331 R342 W4 S4): 6 per ability (the S12 script's 0
    # is wrong). Single, 25, secondary. Core 110 + 30 + 24 = 164. C: E0, L0 → 0. D: NCLC < 7.
    case(
        "tcf-level-4",
        164,
        (164, 0, 0, 0),
        age=25,
        education=E.SECONDARY,
        first_language=levels_of_scores(TestKind.TCF_CANADA, 331, 342, 4, 4, T2025),
    ),
    # TEF taken 2019-09-30 (old scale) L300 R250 W400 S400 → NCLC 9, 9, 10, 10. Single, 29,
    # bachelor's, scored 2020-01-01. Core 110 + 120 + (31 + 31 + 34 + 34 = 130) = 360.
    # C: E1×L2 25. D: French only (2017 era) 15. Total 400.
    case(
        "tef-old-scale",
        400,
        (360, 0, 25, 15),
        on=date(2020, 1, 1),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=levels_of_scores(
            TestKind.TEF_CANADA, 300, 250, 400, 400, date(2019, 9, 30)
        ),
    ),
    # The same scores taken 2019-10-01, when the certificate's scale became 0-699: they are its
    # "Équivalence ancien score", read with the same chart (P3, IRCC for Express Entry), so the
    # same 400. (rules.md §5.7 (b), the work permit's 0-699 chart, would give NCLC 4, below 4,
    # 6, 6 and 254.)
    case(
        "tef-ancien-score-from-2019-10-01",
        400,
        (360, 0, 25, 15),
        on=date(2020, 1, 1),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=levels_of_scores(
            TestKind.TEF_CANADA, 300, 250, 400, 400, date(2019, 10, 1)
        ),
    ),
    # --- second language and spouse ------------------------------------------------------
    # Married, spouse counts; 29, master's, CLB 9 ×4, NCLC 9 ×4 second.
    # Core 100 + 126 + 116 + min(22, 24) = 364. Spouse 0. C: E2×L2 50. D: bilingual 50. 464.
    case(
        "second-language-cap-22",
        464,
        (364, 0, 50, 50),
        age=29,
        education=E.MASTERS_OR_PROFESSIONAL,
        first_language=clb(9),
        second_language=nclc(9),
        partnered=True,
    ),
    # The same, single: core 110 + 135 + 124 + 24 = 393; C 50; D 50. Total 493.
    case(
        "second-language-24-single",
        493,
        (393, 0, 50, 50),
        age=29,
        education=E.MASTERS_OR_PROFESSIONAL,
        first_language=clb(9),
        second_language=nclc(9),
    ),
    # Married, spouse counts; 35, bachelor's, CLB 8 ×4, 3 yrs Canada; spouse secondary, CLB 4
    # ×4 (earns 0, not 1 per ability), 1 yr Canada. Core 70 + 112 + 88 + 56 = 326.
    # Spouse 2 + 0 + 5 = 7. C: E1×L1 13 + E1×C2 25 = 38. Total 371.
    case(
        "spouse-clb4",
        371,
        (326, 7, 38, 0),
        age=35,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(8),
        canadian_years=3,
        partnered=True,
        spouse_education=E.SECONDARY,
        spouse_language=clb(4),
        spouse_canadian_years=1,
    ),
    # The same with a Canadian-citizen spouse: single column. Core 77 + 120 + 92 + 64 = 353;
    # C 38. Total 391.
    case(
        "spouse-canadian",
        391,
        (353, 0, 38, 0),
        age=35,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(8),
        canadian_years=3,
        partnered=True,
        spouse_canadian_citizen_or_pr=True,
        spouse_education=E.SECONDARY,
        spouse_language=clb(4),
        spouse_canadian_years=1,
    ),
    # The same with a spouse who is not coming: single column, 391.
    case(
        "spouse-not-accompanying",
        391,
        (353, 0, 38, 0),
        age=35,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(8),
        canadian_years=3,
        partnered=True,
        spouse_accompanying=False,
        spouse_education=E.SECONDARY,
        spouse_language=clb(4),
        spouse_canadian_years=1,
    ),
    # Spouse at the B maximum: spouse doctoral 10 + CLB 9 ×4 (5 × 4 = 20) + 5 yrs (10) = 40.
    # Principal 44 (5), two or more (119), CLB 10 (128), 5 yrs Canada (70) → 322.
    # C: E2×L2 50 + E2×C2 50 → 50. Total 412.
    case(
        "spouse-maximum-40",
        412,
        (322, 40, 50, 0),
        age=44,
        education=E.TWO_OR_MORE,
        first_language=clb(10),
        canadian_years=5,
        partnered=True,
        spouse_education=E.DOCTORAL,
        spouse_language=clb(9),
        spouse_canadian_years=5,
    ),
    # Spouse two or more (9), CLB L7 R8 W9 S6 (3 + 3 + 5 + 1 = 12), 2 yrs (7) → 28.
    # Principal 32 (85), one-year (84), CLB 6 ×4 (8 × 4 = 32) → 201; 3 yrs abroad.
    # C: E1×L0 0, F2×L0 0 → 0. Total 229.
    case(
        "spouse-mixed-levels",
        229,
        (201, 28, 0, 0),
        age=32,
        education=E.ONE_YEAR,
        first_language=clb(6),
        foreign_years=3,
        partnered=True,
        spouse_education=E.TWO_OR_MORE,
        spouse_language=clb(listening=7, reading=8, writing=9, speaking=6),
        spouse_canadian_years=2,
    ),
    # With spouse, 41 (35), doctoral (140), CLB 9 ×4 (116), 1 yr abroad; spouse secondary (2),
    # CLB 5 ×4 (4) → 6. Core 291. C: E2×L2 50; F1×L2 25 → 75. Total 372.
    case(
        "doctoral-with-spouse",
        372,
        (291, 6, 75, 0),
        age=41,
        education=E.DOCTORAL,
        first_language=clb(9),
        foreign_years=1,
        partnered=True,
        spouse_education=E.SECONDARY,
        spouse_language=clb(5),
    ),
    # With spouse, 30 (95), bachelor's (112), CLB L6 R7 W8 S9 (8 + 16 + 22 + 29 = 75), 1 yr
    # Canada (35) → 317. Spouse with nothing: 0. C: E1×L0 0 + E1×C1 13 = 13. Total 330.
    case(
        "with-spouse-column-levels",
        330,
        (317, 0, 13, 0),
        age=30,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(listening=6, reading=7, writing=8, speaking=9),
        canadian_years=1,
        partnered=True,
    ),
    # With spouse, 38 (55), secondary (28), CLB 7 ×4 (64), 4 yrs Canada (63) → 210; PN 600.
    # C: E0 → 0. Total 810.
    case(
        "nomination-with-spouse",
        810,
        (210, 0, 0, 600),
        age=38,
        education=E.SECONDARY,
        first_language=clb(7),
        canadian_years=4,
        partnered=True,
        provincial_nomination=True,
    ),
    # --- certificate of qualification ----------------------------------------------------
    # A candidate of any program with a certificate and CLB 5 ×4 → 25. Single, 40 (50),
    # secondary (30), CLB 5 ×4 (24), 2 yrs abroad → 104. C: F1×L0 0; certificate 25. 129.
    case(
        "coq-clb5-fsw",
        129,
        (104, 0, 25, 0),
        age=40,
        education=E.SECONDARY,
        first_language=clb(5),
        foreign_years=2,
        certificate_of_qualification=True,
    ),
    # Certificate with CLB 7 ×4 → 50. Single, 26 (110), two-year (98), CLB 7 (68), 1 yr Canada
    # (40) → 316. C: E1×L1 13 + E1×C1 13 = 26; certificate 50 → 76. Total 392.
    case(
        "two-year-coq-clb7",
        392,
        (316, 0, 76, 0),
        age=26,
        education=E.TWO_YEAR,
        first_language=clb(7),
        canadian_years=1,
        certificate_of_qualification=True,
    ),
    # Certificate with an ability at CLB 4 → 0. 45 (0), less than secondary (0), CLB L4 R6 W6
    # S6 (6 + 9 + 9 + 9 = 33). Total 33.
    case(
        "coq-clb4",
        33,
        (33, 0, 0, 0),
        age=45,
        education=E.LESS_THAN_SECONDARY,
        first_language=clb(6, listening=4),
        certificate_of_qualification=True,
    ),
    # --- transferability caps ------------------------------------------------------------
    # Single, 29 (110), doctoral (150), CLB 10 (136), 2 yrs Canada (53) → 449; 3 yrs abroad;
    # certificate. C: education 50 + 50 → 50; foreign 50 + 50 → 50; certificate 50;
    # 150 → 100. Total 549.
    case(
        "transferability-caps",
        549,
        (449, 0, 100, 0),
        age=29,
        education=E.DOCTORAL,
        first_language=clb(10),
        canadian_years=2,
        foreign_years=3,
        certificate_of_qualification=True,
    ),
    # A bachelor's with CLB 9 and 2 yrs Canada: 25 + 25 = 50 (no cap bites). Single, 31 (99),
    # 120, 124, 53 → 396. Total 446.
    case(
        "bachelors-clb9-canadian2",
        446,
        (396, 0, 50, 0),
        age=31,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(9),
        canadian_years=2,
    ),
    # Two or more credentials with CLB 8: E2×L1 25 (not 13). Single, 29 (110), 128, 92 → 330.
    # Total 355.
    case(
        "two-or-more-clb8",
        355,
        (330, 0, 25, 0),
        age=29,
        education=E.TWO_OR_MORE,
        first_language=clb(8),
    ),
    # Foreign 1 yr with CLB 9: F1×L2 25, F1×C0 0. Single, 29 (110), secondary (30), 124 → 264.
    # Total 289.
    case(
        "foreign-1-clb9",
        289,
        (264, 0, 25, 0),
        age=29,
        education=E.SECONDARY,
        first_language=clb(9),
        foreign_years=1,
    ),
    # Only whole years count: 0.8 yrs in Canada → 0; 2.9 yrs abroad → F1. Single, 29 (110),
    # secondary (30), CLB 7 (68) → 208. C: F1×L1 13. Total 221.
    case(
        "canadian-years-fraction",
        221,
        (208, 0, 13, 0),
        age=29,
        education=E.SECONDARY,
        first_language=clb(7),
        canadian_years=0.8,
        foreign_years=2.9,
    ),
    # --- age ends ------------------------------------------------------------------------
    # 17: 0. Secondary 30, CLB 6 ×4 (36). Total 66.
    case("age-17", 66, (66, 0, 0, 0), age=17, education=E.SECONDARY, first_language=clb(6)),
    # 18 single: 99 + 120 + 68 = 287; C: E1×L1 13. Total 300.
    case(
        "age-18",
        300,
        (287, 0, 13, 0),
        age=18,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(7),
    ),
    # --- the maximum ---------------------------------------------------------------------
    # Single, 25 (110), doctoral (150), CLB 10 (136), NCLC 10 second (24), 5 yrs Canada (80) =
    # 500; 3 yrs abroad; certificate → C 100. D: 600 + 50 + 30 + 15 = 695 → 600. Total 1,200.
    case(
        "maximum-1200",
        1200,
        (500, 0, 100, 600),
        age=25,
        education=E.DOCTORAL,
        first_language=clb(10),
        second_language=nclc(10),
        canadian_years=5,
        foreign_years=3,
        certificate_of_qualification=True,
        provincial_nomination=True,
        sibling_in_canada=True,
        canadian_education=CanadianEducation.THREE_YEAR_OR_MORE,
    ),
    # --- French bonus --------------------------------------------------------------------
    # French first NCLC 7, 7, 7, 6; English CLB 9 second. Single, 29 (110), bachelor's (120),
    # French 17 + 17 + 17 + 9 = 60, English 24 → 314. C: L0 → 0. D: one ability below 7 → 0.
    case(
        "french-one-ability-6",
        314,
        (314, 0, 0, 0),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=nclc(7, speaking=6),
        second_language=clb(9),
    ),
    # French first NCLC 9 ×4; English CLB 5, 5, 5, 4 second: not CLB 5 in all four → 25.
    # Single 29 (110), bachelor's (120), 124, English 1 + 1 + 1 + 0 = 3 → 357. C: E1×L2 25.
    # Total 407.
    case(
        "french-english-one-clb4",
        407,
        (357, 0, 25, 25),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=nclc(9),
        second_language=clb(5, speaking=4),
    ),
    # 2017 era: French first NCLC 7 ×4, English CLB 5 ×4 second; sibling. Single, 27 (110),
    # bachelor's (120), 68, 4 → 302. C: E1×L1 13. D: bilingual 30 + sibling 15. Total 360.
    case(
        "french-bilingual-2017",
        360,
        (302, 0, 13, 45),
        on=date(2018, 1, 1),
        age=27,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=nclc(7),
        second_language=clb(5),
        sibling_in_canada=True,
    ),
    # The same the day before 25/50 (policy P2): 360.
    case(
        "french-bilingual-2020-10-26",
        360,
        (302, 0, 13, 45),
        on=date(2020, 10, 26),
        age=27,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=nclc(7),
        second_language=clb(5),
        sibling_in_canada=True,
    ),
    # The same from 2020-10-27: bilingual 50 + 15 = 65. Total 380.
    case(
        "french-bilingual-2020-10-27",
        380,
        (302, 0, 13, 65),
        on=date(2020, 10, 27),
        age=27,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=nclc(7),
        second_language=clb(5),
        sibling_in_canada=True,
    ),
    # 2019: French first NCLC 8 ×4, English CLB 4 ×4 second → French only 15. Single, 30
    # (105), master's (135), 92, 0 → 332. C: E2×L1 25. Total 372.
    case(
        "french-only-2019",
        372,
        (332, 0, 25, 15),
        on=date(2019, 6, 1),
        age=30,
        education=E.MASTERS_OR_PROFESSIONAL,
        first_language=nclc(8),
        second_language=clb(4),
    ),
    # The same in 2021: French only 25. Total 382.
    case(
        "french-only-2021",
        382,
        (332, 0, 25, 25),
        on=date(2021, 6, 1),
        age=30,
        education=E.MASTERS_OR_PROFESSIONAL,
        first_language=nclc(8),
        second_language=clb(4),
    ),
    # --- job offers and eras -------------------------------------------------------------
    # Candidate J: single, 29 (110), bachelor's (120), CLB 9 (124), 1 yr Canada (40) = 394;
    # C: E1×L2 25 + E1×C1 13 = 38.
    # 2015: a qualifying offer earns 600. Total 394 + 38 + 600 = 1,032.
    case(
        "job-offer-2015",
        1032,
        (394, 0, 38, 600),
        on=date(2015, 6, 1),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(9),
        canadian_years=1,
        job_offer=JobOfferClass.OTHER_SKILLED,
    ),
    # 2015 with a nomination too: 600 + 600 = 1,200 → 600. Total 1,032.
    case(
        "pn-and-offer-2015",
        1032,
        (394, 0, 38, 600),
        on=date(2015, 6, 1),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(9),
        canadian_years=1,
        job_offer=JobOfferClass.OTHER_SKILLED,
        provincial_nomination=True,
    ),
    # 2016-11-18, senior management: still 600. Total 1,032.
    case(
        "senior-offer-2016-11-18",
        1032,
        (394, 0, 38, 600),
        on=date(2016, 11, 18),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(9),
        canadian_years=1,
        job_offer=JobOfferClass.SENIOR_MANAGEMENT,
    ),
    # 2016-11-19, senior management (NOC 00): 200. Total 632.
    case(
        "senior-offer-2016-11-19",
        632,
        (394, 0, 38, 200),
        on=date(2016, 11, 19),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(9),
        canadian_years=1,
        job_offer=JobOfferClass.SENIOR_MANAGEMENT,
    ),
    # 2016-11-19, other skilled offer 50 and a 3-year Canadian credential 30; a sibling does
    # not count yet (2017-06-06). Total 394 + 38 + 80 = 512.
    case(
        "offer-and-study-2016",
        512,
        (394, 0, 38, 80),
        on=date(2016, 11, 19),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(9),
        canadian_years=1,
        job_offer=JobOfferClass.OTHER_SKILLED,
        canadian_education=CanadianEducation.THREE_YEAR_OR_MORE,
        sibling_in_canada=True,
    ),
    # 2023 (TEER wording), senior management (TEER 0 major group 00): 200. Total 632.
    case(
        "senior-offer-teer-2023",
        632,
        (394, 0, 38, 200),
        on=date(2023, 1, 1),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(9),
        canadian_years=1,
        job_offer=JobOfferClass.SENIOR_MANAGEMENT,
    ),
    # 2025-03-24, other skilled: 50. Total 482.
    case(
        "job-offer-last-day",
        482,
        (394, 0, 38, 50),
        on=date(2025, 3, 24),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(9),
        canadian_years=1,
        job_offer=JobOfferClass.OTHER_SKILLED,
    ),
    # 2025-03-25, senior management: removed, 0. Total 432.
    case(
        "job-offer-removed",
        432,
        (394, 0, 38, 0),
        on=date(2025, 3, 25),
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=clb(9),
        canadian_years=1,
        job_offer=JobOfferClass.SENIOR_MANAGEMENT,
    ),
    # --- Canadian education --------------------------------------------------------------
    # Single, 24 (110), two-year (98), CLB 8 (92), 1 yr Canada (40) → 340; C: 13 + 13 = 26;
    # a one- or two-year Canadian credential 15. Total 381.
    case(
        "canadian-study-15",
        381,
        (340, 0, 26, 15),
        age=24,
        education=E.TWO_YEAR,
        first_language=clb(8),
        canadian_years=1,
        canadian_education=CanadianEducation.ONE_OR_TWO_YEAR,
    ),
    # The same on 2016-11-18: no Canadian-education points yet. Total 366.
    case(
        "canadian-study-before-2016",
        366,
        (340, 0, 26, 0),
        on=date(2016, 11, 18),
        age=24,
        education=E.TWO_YEAR,
        first_language=clb(8),
        canadian_years=1,
        canadian_education=CanadianEducation.ONE_OR_TWO_YEAR,
    ),
]


@pytest.mark.parametrize(("on", "factors", "expected", "sections"), GOLDEN)
def test_golden_total(
    on: date, factors: dict[str, Any], expected: int, sections: tuple[int, int, int, int]
) -> None:
    result = crs_from_levels(on=on, **factors)
    assert result.total == expected
    assert tuple(result.points.values()) == sections
    assert tuple(section.points for section in result.sections) == sections
    for section in result.sections:
        assert sum(line.points for line in section.lines) == section.points


def test_at_least_forty_golden_cases() -> None:
    assert len(GOLDEN) >= 40


def test_case_1_lines() -> None:
    result = crs_from_levels(
        on=AFTER_2025,
        age=29,
        education=E.BACHELORS_OR_THREE_YEAR,
        first_language=levels_of_scores(IELTS, 7.0, 7.0, 7.0, 7.0, T2025),
    )
    line = result.line("crs.transferability.education_language")
    assert line.points == 13
    assert line.maximum == 50
    assert line.facts["education"] is E.BACHELORS_OR_THREE_YEAR
    assert "13 points" in line.sentence
    assert result.line("crs.core.first_language").facts["first_language"].language is (
        Language.ENGLISH
    )


def test_fraction_of_a_year_is_explained() -> None:
    result = crs_from_levels(on=AFTER_2025, age=29, first_language=clb(7), canadian_years=0.8)
    assert result.line("crs.core.canadian_experience").sentence == (
        "No points for Canadian work experience: 0.8 years in the last 10; 1 year needed."
    )
