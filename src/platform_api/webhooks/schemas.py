"""Request and response models of webhook endpoints, deliveries and events."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from platform_api.core.event_types import EVENT_TYPES
from platform_api.core.types import NOT_BLANK, ShortText, no_nul

#: The longest overlap a rotated secret keeps signing for.
MAX_OVERLAP_SECONDS = 7 * 86_400


def _known_type(value: str) -> str:
    if value not in EVENT_TYPES:
        raise ValueError(f"{value!r} is not an event type (see GET /v1/event-types)")
    return value


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


EventType = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100),
    AfterValidator(_known_type),
    Field(examples=["repayment.posted"]),
]
WebhookUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2048, pattern=NOT_BLANK),
    AfterValidator(no_nul),
    Field(
        description="Where events are POSTed: https://, on a publicly routable address "
        "(checked when subscribing and before every delivery).",
        examples=["https://crm.example.org/hooks/platform"],
    ),
]


class EndpointStatus(StrEnum):
    ENABLED = "enabled"
    DISABLED = "disabled"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class WebhookEndpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: WebhookUrl
    event_types: Annotated[
        list[EventType], Field(min_length=1, max_length=100), AfterValidator(_unique)
    ] = Field(description="The event types to receive (see GET /v1/event-types).")
    description: ShortText | None = None


class SecretRotation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    overlap_seconds: int = Field(
        default=86_400,
        ge=0,
        le=MAX_OVERLAP_SECONDS,
        description="How long the old secret keeps signing beside the new one (each request "
        "then carries both signatures), so receivers can switch without missing any.",
    )


class WebhookEndpoint(BaseModel):
    id: uuid.UUID
    url: str
    description: str | None
    event_types: list[str]
    status: EndpointStatus = Field(
        description="`disabled` by you, or by the platform after failing for the retry "
        "window (a `webhook_endpoint.disabled` event says so); its deliveries wait."
    )
    disabled_reason: str | None = Field(description="`failing` or `manual`.")
    disabled_at: datetime | None
    previous_secret_expires_at: datetime | None = Field(
        description="Until then the previous secret also signs each request."
    )
    failing_since: datetime | None = Field(
        description="First failed attempt since the last successful one."
    )
    created_at: datetime
    updated_at: datetime


class WebhookEndpointWithSecret(WebhookEndpoint):
    secret: str = Field(
        description="The signing secret. Shown only here: store it now (rotate it if lost)."
    )


class WebhookDelivery(BaseModel):
    id: uuid.UUID
    endpoint_id: uuid.UUID
    event_id: uuid.UUID
    event_type: str
    status: DeliveryStatus = Field(
        description="`pending` (queued or retrying), `delivered` (2xx), or `failed` (gave "
        "up after the retry window)."
    )
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    delivered_at: datetime | None
    response_status: int | None = Field(description="HTTP status of the last attempt.")
    response_latency_ms: int | None
    response_excerpt: str | None = Field(description="The start of the last response body.")
    error: str | None = Field(description="Why the last attempt failed, when it did.")
    created_at: datetime


class Replay(BaseModel):
    model_config = ConfigDict(extra="forbid")

    since: datetime = Field(description="Replay events that occurred at or after this time.")
    until: datetime | None = Field(default=None, description="... and before this time.")


class ReplayResult(BaseModel):
    deliveries_created: int = Field(
        description="Events queued again for this endpoint (the types it subscribes to), in "
        "their original order."
    )


class Event(BaseModel):
    """What a webhook request's body carries, and what GET /v1/events lists."""

    id: uuid.UUID = Field(description="Unique: the key to drop duplicate deliveries by.")
    type: str
    subject_id: uuid.UUID = Field(description="The resource the event is about.")
    occurred_at: datetime
    data: dict[str, Any] = Field(description="The resource as the API shows it.")


class EventTypeInfo(BaseModel):
    type: str
    description: str
