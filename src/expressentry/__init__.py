"""expressentry: Canada Express Entry eligibility and scores, explained.

A pure rules engine: facts about a candidate and a date in, explained verdicts and scores out.
"""

from expressentry.assess import Assessment, assess
from expressentry.codes import (
    application_number,
    personal_reference_code,
    profile_number,
    reference_code_expiry,
    uci,
)
from expressentry.crs import (
    CrsFactors,
    CrsLine,
    CrsResult,
    CrsSection,
    clb,
    crs_for,
    crs_from_levels,
    nclc,
)
from expressentry.dated import Citation, Dated, DatedTable
from expressentry.education import CanadianEducation, EducationLevel, education_level
from expressentry.exceptions import (
    ExpressEntryError,
    InvalidNocCode,
    NotInForce,
    ProfileError,
    ValidationError,
)
from expressentry.facts import Facts, derive
from expressentry.language import LanguageLevels, levels_of, official_languages
from expressentry.model import (
    Ability,
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
    TravelDocument,
    WorkAuthorization,
    WorkHistory,
    WorkPeriod,
)
from expressentry.policies import POLICIES, Policy
from expressentry.profile import Completeness, Lifecycle, completeness, time_warnings
from expressentry.programs import PROGRAMS, Program, assess_programs
from expressentry.programs.fsw import FswGrid, fsw_grid
from expressentry.programs.pool import PoolEntry, pool_entry
from expressentry.questionnaire import (
    QuestionnaireAnswers,
    QuestionnaireResult,
    WorkAnswer,
    answer,
)
from expressentry.serialization import SCHEMA_VERSION, from_dict, json_schema, to_dict
from expressentry.verdict import Finding, Outcome, Rule, Verdict, VerdictOutcome

__version__ = "0.1.0.dev0"

__all__ = [
    "POLICIES",
    "PROGRAMS",
    "SCHEMA_VERSION",
    "Ability",
    "AbilityScores",
    "Assessment",
    "CanadianEducation",
    "Candidate",
    "CertificateOfQualification",
    "Citation",
    "Completeness",
    "Credential",
    "CredentialLevel",
    "CrsFactors",
    "CrsLine",
    "CrsResult",
    "CrsSection",
    "Dated",
    "DatedTable",
    "EcaOrganization",
    "EducationLevel",
    "EducationalCredentialAssessment",
    "ExpressEntryError",
    "Facts",
    "Finding",
    "FswGrid",
    "InvalidNocCode",
    "IssuingAuthority",
    "JobOffer",
    "Language",
    "LanguageLevels",
    "LanguageTest",
    "Lifecycle",
    "LmiaStatus",
    "MaritalStatus",
    "NocCode",
    "NotInForce",
    "Outcome",
    "Policy",
    "PoolEntry",
    "ProfileError",
    "Program",
    "Province",
    "ProvincialNomination",
    "QuestionnaireAnswers",
    "QuestionnaireResult",
    "Rule",
    "Spouse",
    "TestKind",
    "TravelDocument",
    "ValidationError",
    "Verdict",
    "VerdictOutcome",
    "WorkAnswer",
    "WorkAuthorization",
    "WorkHistory",
    "WorkPeriod",
    "__version__",
    "answer",
    "application_number",
    "assess",
    "assess_programs",
    "clb",
    "completeness",
    "crs_for",
    "crs_from_levels",
    "derive",
    "education_level",
    "from_dict",
    "fsw_grid",
    "json_schema",
    "levels_of",
    "nclc",
    "official_languages",
    "personal_reference_code",
    "pool_entry",
    "profile_number",
    "reference_code_expiry",
    "time_warnings",
    "to_dict",
    "uci",
]
