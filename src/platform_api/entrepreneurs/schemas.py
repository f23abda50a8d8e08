"""Request and response models of entrepreneurs."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from platform_api.core.patch import PatchModel
from platform_api.core.types import CountryCode, Name, ShortText, no_nul


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"
    UNDISCLOSED = "undisclosed"


class Sector(StrEnum):
    AGRICULTURE = "agriculture"
    FOOD = "food"
    RETAIL = "retail"
    SERVICES = "services"
    MANUFACTURING = "manufacturing"
    CONSTRUCTION = "construction"
    TRANSPORT = "transport"
    FASHION = "fashion"
    BEAUTY = "beauty"
    HEALTH = "health"
    EDUCATION = "education"
    TECHNOLOGY = "technology"
    CREATIVE = "creative"
    OTHER = "other"


class Stage(StrEnum):
    IDEA = "idea"
    STARTING = "starting"
    GROWING = "growing"
    ESTABLISHED = "established"


class EntrepreneurStatus(StrEnum):
    ACTIVE = "active"
    ANONYMISED = "anonymised"


def _plausible_birth_year(value: int) -> int:
    if not 1900 <= value <= datetime.now(UTC).year - 10:
        raise ValueError("birth_year must be between 1900 and ten years ago")
    return value


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


Phone = Annotated[
    str,
    StringConstraints(max_length=16, pattern=r"^\+[1-9][0-9]{6,14}$"),
    Field(description="E.164, e.g. `+254712345678`.", examples=["+254712345678"]),
]
Email = Annotated[
    str,
    StringConstraints(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
    # Sealed, it is bytes to PostgreSQL, which no longer refuses a NUL in it.
    AfterValidator(no_nul),
]
Language = Annotated[
    str,
    StringConstraints(max_length=3, pattern=r"^[a-z]{2,3}$"),
    Field(description="ISO 639 code, e.g. `sw`."),
]
Topic = Annotated[
    str,
    StringConstraints(min_length=1, max_length=60, pattern=r"^[a-z0-9][a-z0-9_.-]*$"),
    Field(description="A need, e.g. `bookkeeping`, `marketing.digital`."),
]
BirthYear = Annotated[
    int,
    # The schema's bounds are static (the contract must not change with the calendar);
    # the validator narrows the upper one to ten years ago.
    Field(ge=1900, le=2100, description="Between 1900 and ten years ago."),
    AfterValidator(_plausible_birth_year),
]
Languages = Annotated[list[Language], Field(max_length=10), AfterValidator(_unique)]
Needs = Annotated[list[Topic], Field(max_length=20), AfterValidator(_unique)]


REQUIRED_FIELDS = frozenset(
    {
        "full_name",
        "country",
        "languages",
        "needs",
        "consent_data_processing",
        "consent_network_sharing",
    }
)


class _EntrepreneurFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    external_ref: ShortText | None = Field(
        default=None, description="Your own id for this person; unique within your tenant."
    )
    phone: Phone | None = None
    email: Email | None = None
    gender: Gender | None = None
    birth_year: BirthYear | None = None
    region: ShortText | None = None
    business_name: Name | None = None
    sector: Sector | None = None
    stage: Stage | None = None
    consent_data_processing: bool | None = None
    consent_network_sharing: bool | None = None


class EntrepreneurCreate(_EntrepreneurFields):
    full_name: Name
    country: CountryCode
    languages: Languages = Field(default_factory=list)
    needs: Needs = Field(default_factory=list)
    consent_data_processing: bool = Field(
        default=False, description="The person agreed to their data being processed."
    )
    consent_network_sharing: bool = Field(
        default=False,
        description="The person agreed to be matched with other organisations' mentors.",
    )


class EntrepreneurUpdate(PatchModel, _EntrepreneurFields):
    """Only the fields sent are changed; send `null` to clear an optional field."""

    NOT_NULL = REQUIRED_FIELDS

    full_name: Name | None = None
    country: CountryCode | None = None
    languages: Languages | None = None
    needs: Needs | None = None


class Entrepreneur(BaseModel):
    id: uuid.UUID
    external_ref: str | None
    full_name: str | None
    phone: str | None
    email: str | None
    gender: Gender | None
    birth_year: int | None
    country: str
    region: str | None
    languages: list[str]
    business_name: str | None
    sector: Sector | None
    stage: Stage | None
    needs: list[str]
    consent_data_processing: bool
    consent_network_sharing: bool
    status: EntrepreneurStatus = Field(
        description="`anonymised` after DELETE: personal fields are null."
    )
    anonymised_at: datetime | None
    created_at: datetime
    updated_at: datetime


def _records(what: str) -> Any:
    return Field(
        description=f"{what}: each record whole, as stored (column names as keys, "
        "money in minor units, times RFC 3339)."
    )


class EntrepreneurExport(BaseModel):
    """Everything the caller's organisation holds about one entrepreneur (data-subject
    access), read at one instant."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "exported_at": "2026-12-08T09:30:00Z",
                    "anonymised": False,
                    "entrepreneur": {
                        "id": "0b9e6c1e-2f57-4e39-9a4e-6f0d2b7c1a11",
                        "external_ref": "MESH-0001",
                        "full_name": "Wanjiru Kamau",
                        "phone": "+254712345678",
                        "email": "wanjiru@example.org",
                        "gender": "female",
                        "birth_year": 1999,
                        "country": "KE",
                        "region": "Nairobi",
                        "languages": ["sw", "en"],
                        "business_name": "Mama Wanjiru's Kitchen",
                        "sector": "food",
                        "stage": "growing",
                        "needs": ["bookkeeping"],
                        "consent_data_processing": True,
                        "consent_network_sharing": False,
                        "status": "active",
                        "anonymised_at": None,
                        "created_at": "2026-01-05T08:00:00Z",
                        "updated_at": "2026-01-05T08:00:00Z",
                    },
                    "outcome_surveys": [
                        {
                            "id": "5d1c2b9a-8f0e-4a7b-b1c2-3d4e5f6a7b8c",
                            "kind": "baseline",
                            "surveyed_on": "2026-01-05",
                            "earns_from_own_business": False,
                            "earns_from_gigs": True,
                            "revenue_band": "100_500",
                            "employees": 0,
                        }
                    ],
                    "loan_applications": [],
                    "loans": [],
                    "lending_circle_memberships": [],
                    "loan_groups": [],
                    "matches": [],
                    "events": [],
                }
            ]
        }
    )

    exported_at: datetime
    anonymised: bool = Field(
        description="The person was anonymised: their personal fields are erased wherever "
        "they were held, and the records below are linked to no one identifiable."
    )
    entrepreneur: Entrepreneur
    outcome_surveys: list[dict[str, Any]] = _records("Outcome surveys")
    loan_applications: list[dict[str, Any]] = _records(
        "Loan applications, each with its `transitions`, `endorsements` and `funding_commitments`"
    )
    loans: list[dict[str, Any]] = _records("Loans, each with its `schedule` and `repayments`")
    lending_circle_memberships: list[dict[str, Any]] = _records(
        "Lending-circle memberships, each with its `circle`, `contributions` and `payouts`"
    )
    loan_groups: list[dict[str, Any]] = _records("Loan groups the person leads or belongs to")
    matches: list[dict[str, Any]] = _records("Mentor matches, each with its `sessions`")
    events: list[dict[str, Any]] = _records(
        "Events (webhook payloads) about the person's applications, loans, repayments and matches"
    )
