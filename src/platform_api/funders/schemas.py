"""Request and response models of funders and their grants."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from platform_api.core.types import Name
from platform_api.tenants.schemas import ClientWithSecret


class FunderCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    client_name: Name = Field(
        default="reports", description="Name of the API client created with the funder."
    )


class Funder(BaseModel):
    id: uuid.UUID
    name: str
    created_at: datetime
    updated_at: datetime


class FunderWithClient(Funder):
    client: ClientWithSecret = Field(
        description="The funder's first API client (scope `funder:reports`); its secret is "
        "shown once."
    )


class FunderClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name


class GrantCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    funder_id: uuid.UUID = Field(
        description="The funder given read access to this tenant's reports."
    )


class Grant(BaseModel):
    """A funder's read access to one tenant's aggregate reports (never its records)."""

    id: uuid.UUID
    tenant_id: uuid.UUID
    funder_id: uuid.UUID
    funder_name: str
    created_at: datetime
    revoked_at: datetime | None = Field(
        description="Set by DELETE: from then on the funder's reports exclude this tenant."
    )
