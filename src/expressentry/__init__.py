"""expressentry: Canada Express Entry eligibility and scores, explained.

A pure rules engine: facts about a candidate and a date in, explained verdicts and scores out.
"""

from expressentry.dated import Citation, Dated, DatedTable
from expressentry.exceptions import (
    ExpressEntryError,
    InvalidNocCode,
    NotInForce,
    ProfileError,
    ValidationError,
)
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
from expressentry.serialization import SCHEMA_VERSION, from_dict, json_schema, to_dict

__version__ = "0.1.0.dev0"

__all__ = [
    "SCHEMA_VERSION",
    "Ability",
    "AbilityScores",
    "Candidate",
    "CertificateOfQualification",
    "Citation",
    "Credential",
    "CredentialLevel",
    "Dated",
    "DatedTable",
    "EcaOrganization",
    "EducationalCredentialAssessment",
    "ExpressEntryError",
    "InvalidNocCode",
    "IssuingAuthority",
    "JobOffer",
    "Language",
    "LanguageTest",
    "LmiaStatus",
    "MaritalStatus",
    "NocCode",
    "NotInForce",
    "ProfileError",
    "Province",
    "ProvincialNomination",
    "Spouse",
    "TestKind",
    "TravelDocument",
    "ValidationError",
    "WorkAuthorization",
    "WorkHistory",
    "WorkPeriod",
    "__version__",
    "from_dict",
    "json_schema",
    "to_dict",
]
