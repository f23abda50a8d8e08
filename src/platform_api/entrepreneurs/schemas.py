"""Request and response models of entrepreneurs."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from platform_api.core.patch import PatchModel
from platform_api.core.types import CountryCode, Name, ShortText


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
