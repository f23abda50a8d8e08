"""Request and response models of outcome surveys."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class SurveyKind(StrEnum):
    BASELINE = "baseline"
    FOLLOW_UP = "follow_up"


class RevenueBand(StrEnum):
    """Monthly business revenue, in US dollar equivalent."""

    NONE = "none"
    UNDER_100 = "under_100"
    FROM_100_TO_499 = "100_499"
    FROM_500_TO_1999 = "500_1999"
    FROM_2000_TO_9999 = "2000_9999"
    FROM_10000 = "10000_plus"


class OutcomeSurveyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: SurveyKind = Field(
        description="`baseline` once, at joining; `follow_up` any number of times after it."
    )
    surveyed_on: date = Field(description="When the answers were collected (not in the future).")
    earns_from_own_business: bool = Field(
        description="The person currently earns income from their own business."
    )
    earns_from_gigs: bool = Field(
        description="The person currently earns income from gig or casual work."
    )
    revenue_band: RevenueBand | None = None
    employees: int | None = Field(
        default=None, ge=0, le=100_000, description="People the business employs, owner excluded."
    )


class OutcomeSurvey(OutcomeSurveyCreate):
    id: uuid.UUID
    entrepreneur_id: uuid.UUID
    created_at: datetime
