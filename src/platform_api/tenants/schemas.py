"""Request and response models of tenants, API clients and `/v1/me`."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from platform_api.auth.principals import PrincipalKind
from platform_api.auth.scopes import TENANT_SCOPES
from platform_api.core.types import CountryCode, CurrencyCode, Name, storable_json


class TenantScope(StrEnum):
    """A scope a tenant's client may hold (a named schema, so clients get one enum)."""

    TENANT_ADMIN = "tenant:admin"
    ENTREPRENEURS_READ = "entrepreneurs:read"
    ENTREPRENEURS_WRITE = "entrepreneurs:write"
    MATCHING_READ = "matching:read"
    MATCHING_WRITE = "matching:write"
    LOANS_READ = "loans:read"
    LOANS_WRITE = "loans:write"
    LOANS_APPROVE = "loans:approve"
    REPORTS_READ = "reports:read"


assert {scope.value for scope in TenantScope} == set(TENANT_SCOPES)


def _small_settings(value: dict[str, Any]) -> dict[str, Any]:
    if len(str(value)) > 16_384:
        raise ValueError("settings may hold at most 16 KiB")
    return value


Settings = Annotated[
    dict[str, Any],
    Field(max_length=50),  # before the validators, so the schema says `maxProperties`
    AfterValidator(storable_json),
    AfterValidator(_small_settings),
    Field(
        description="Tenant-wide settings (e.g. matching weights); at most 50 keys, 32 "
        "levels deep and 16 KiB."
    ),
]


class TenantStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"


class TenantCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    country: CountryCode
    default_currency: CurrencyCode
    settings: Settings = Field(default_factory=dict)


class TenantUpdate(BaseModel):
    """Only the fields sent are changed. `status: suspended` stops the tenant's tokens
    at once."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    default_currency: CurrencyCode | None = None
    status: TenantStatus | None = None
    settings: Settings | None = None


class Tenant(BaseModel):
    id: uuid.UUID
    name: str
    country: str
    default_currency: str
    status: TenantStatus
    settings: dict[str, Any]
    created_at: datetime
    updated_at: datetime


class ClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    scopes: list[TenantScope] = Field(min_length=1, max_length=len(TENANT_SCOPES))


class Client(BaseModel):
    id: uuid.UUID = Field(description="The `client_id` to send to POST /v1/oauth/token.")
    tenant_id: uuid.UUID | None
    name: str
    scopes: list[str]
    created_at: datetime
    revoked_at: datetime | None


class ClientWithSecret(Client):
    client_secret: str = Field(description="Shown once; store it securely. Only a hash is kept.")


class Me(BaseModel):
    kind: PrincipalKind
    client_id: uuid.UUID
    tenant_id: uuid.UUID | None
    funder_id: uuid.UUID | None
    scopes: list[str]
    expires_at: datetime
