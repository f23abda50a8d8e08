"""HTTP for webhook endpoints, their deliveries, and the event log.

Everything here needs `tenant:admin`, reading events included: the event log spans
every domain (loans, circles, matching...), so no one domain's read scope covers it,
and whoever manages the endpoints already receives these payloads."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, Security

from platform_api.auth.dependencies import TenantContext, tenant_context
from platform_api.core.errors import error_responses
from platform_api.core.event_types import EVENT_TYPES
from platform_api.core.idempotency import IdempotencyKey
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond, respond_json
from platform_api.core.routing import DirectRoute
from platform_api.webhooks import service
from platform_api.webhooks.schemas import (
    DeliveryStatus,
    Event,
    EventTypeInfo,
    Replay,
    ReplayResult,
    SecretRotation,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEndpointCreate,
    WebhookEndpointWithSecret,
)

router = APIRouter(tags=["webhooks"], route_class=DirectRoute)

Admin = Annotated[TenantContext, Security(tenant_context, scopes=["tenant:admin"])]

_ENDPOINTS = "/v1/webhook-endpoints"
_ENDPOINT = _ENDPOINTS + "/{endpoint_id}"


def _allow_loopback(request: Request) -> bool:
    allowed: bool = request.app.state.settings.webhook_allow_loopback
    return allowed


@router.post(
    _ENDPOINTS,
    operation_id="webhook_endpoints_create",
    status_code=201,
    response_model=WebhookEndpointWithSecret,
    responses=error_responses(409),
)
async def create_webhook_endpoint(
    payload: WebhookEndpointCreate,
    request: Request,
    caller: Admin,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Subscribe an https:// URL to event types. The URL's host must resolve only to
    publicly routable addresses (422 otherwise). The answer holds the signing secret,
    shown this once; every request to the URL is signed with it (see the
    `Platform-Signature` header's documentation in the guide)."""
    await service.check_url(payload.url, allow_loopback=_allow_loopback(request))
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.create_endpoint(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, data=payload
        ),
        status_code=201,
    )


@router.get(_ENDPOINTS, operation_id="webhook_endpoints_list", response_model=Page[WebhookEndpoint])
async def list_webhook_endpoints(
    caller: Admin, page: Annotated[PageParams, Depends(page_params)]
) -> Response:
    """Endpoints, oldest first."""
    return respond(await service.list_endpoints(caller.db, tenant_id=caller.tenant_id, page=page))


@router.get(_ENDPOINT, operation_id="webhook_endpoints_get", response_model=WebhookEndpoint)
async def get_webhook_endpoint(endpoint_id: uuid.UUID, caller: Admin) -> Response:
    """One subscription: its URL, event types, status and secret rotation (never the secret)."""
    return respond(
        await service.get_endpoint(caller.db, tenant_id=caller.tenant_id, endpoint_id=endpoint_id)
    )


@router.delete(_ENDPOINT, operation_id="webhook_endpoints_delete", status_code=204)
async def delete_webhook_endpoint(endpoint_id: uuid.UUID, caller: Admin) -> Response:
    """Unsubscribe: nothing more is sent; the endpoint's delivery log is deleted with it."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        await service.delete_endpoint(conn, tenant_id=caller.tenant_id, endpoint_id=endpoint_id)
    return Response(status_code=204)


@router.post(
    _ENDPOINT + "/rotate-secret",
    operation_id="webhook_endpoints_rotate_secret",
    response_model=WebhookEndpointWithSecret,
    responses=error_responses(409),
)
async def rotate_webhook_secret(
    endpoint_id: uuid.UUID,
    payload: SecretRotation,
    request: Request,
    caller: Admin,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """A new signing secret, shown this once. During the overlap each request carries
    two `v1=` signatures, one per secret, so receivers can switch at their own pace."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.rotate_secret(
            conn,
            tenant_id=caller.tenant_id,
            endpoint_id=endpoint_id,
            actor=caller.client_id,
            overlap_seconds=payload.overlap_seconds,
        ),
        status_code=200,
    )


@router.post(
    _ENDPOINT + "/disable", operation_id="webhook_endpoints_disable", response_model=WebhookEndpoint
)
async def disable_webhook_endpoint(endpoint_id: uuid.UUID, caller: Admin) -> Response:
    """Pause deliveries (e.g. during maintenance): events that occur meanwhile are not
    queued for it (replay them afterwards); those already queued wait."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        endpoint = await service.disable_endpoint(
            conn,
            tenant_id=caller.tenant_id,
            endpoint_id=endpoint_id,
            actor=caller.client_id,
            reason="manual",
        )
    return respond(endpoint)


@router.post(
    _ENDPOINT + "/enable", operation_id="webhook_endpoints_enable", response_model=WebhookEndpoint
)
async def enable_webhook_endpoint(endpoint_id: uuid.UUID, caller: Admin) -> Response:
    """Resume deliveries: those that waited go out now, in order, with a fresh retry
    window. For the events that occurred while disabled, use replay."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        endpoint = await service.enable_endpoint(
            conn, tenant_id=caller.tenant_id, endpoint_id=endpoint_id, actor=caller.client_id
        )
    return respond(endpoint)


@router.post(
    _ENDPOINT + "/replay",
    operation_id="webhook_endpoints_replay",
    status_code=202,
    response_model=ReplayResult,
    responses=error_responses(409),
)
async def replay_webhook_events(
    endpoint_id: uuid.UUID,
    payload: Replay,
    request: Request,
    caller: Admin,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Queue again every event since a time (of the types the endpoint subscribes to),
    in their original order: e.g. after an outage on your side, or to rebuild a copy."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.replay_events(
            conn,
            tenant_id=caller.tenant_id,
            endpoint_id=endpoint_id,
            actor=caller.client_id,
            since=payload.since,
            until=payload.until,
        ),
        status_code=202,
    )


@router.get(
    _ENDPOINT + "/deliveries",
    operation_id="webhook_deliveries_list",
    response_model=Page[WebhookDelivery],
)
async def list_webhook_deliveries(
    endpoint_id: uuid.UUID,
    caller: Admin,
    page: Annotated[PageParams, Depends(page_params)],
    status: DeliveryStatus | None = None,
    event_id: uuid.UUID | None = None,
) -> Response:
    """The endpoint's deliveries, oldest first: status, attempts, the last response's
    status, latency and first bytes, and when the next attempt is due."""
    return respond(
        await service.list_deliveries(
            caller.db,
            tenant_id=caller.tenant_id,
            endpoint_id=endpoint_id,
            page=page,
            status=status,
            event_id=event_id,
        )
    )


@router.post(
    _ENDPOINT + "/deliveries/{delivery_id}/retry",
    operation_id="webhook_deliveries_retry",
    response_model=WebhookDelivery,
    responses=error_responses(409),
)
async def retry_webhook_delivery(
    endpoint_id: uuid.UUID,
    delivery_id: uuid.UUID,
    request: Request,
    caller: Admin,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Send a delivered or failed delivery again now (409 while it is still pending)."""
    return await caller.write(
        request,
        idempotency_key,
        None,
        lambda conn: service.retry_delivery(
            conn,
            tenant_id=caller.tenant_id,
            endpoint_id=endpoint_id,
            delivery_id=delivery_id,
            actor=caller.client_id,
        ),
        status_code=200,
    )


@router.get("/v1/events", operation_id="events_list", response_model=Page[Event])
async def list_events(
    caller: Admin,
    page: Annotated[PageParams, Depends(page_params)],
    type: Annotated[str | None, Query(max_length=100, description="e.g. `loan.disbursed`")] = None,
    subject_id: Annotated[
        uuid.UUID | None, Query(description="Only events about this resource.")
    ] = None,
    occurred_from: Annotated[datetime | None, Query(description="At or after (RFC 3339).")] = None,
    occurred_to: Annotated[datetime | None, Query(description="Before (RFC 3339).")] = None,
) -> Response:
    """The tenant's events, oldest first, with the payload webhooks carry."""
    filters = service.EventFilters(
        type=type, subject_id=subject_id, occurred_from=occurred_from, occurred_to=occurred_to
    )
    return respond(
        await service.list_events(caller.db, tenant_id=caller.tenant_id, page=page, filters=filters)
    )


@router.get("/v1/events/{event_id}", operation_id="events_get", response_model=Event)
async def get_event(event_id: uuid.UUID, caller: Admin) -> Response:
    """One event of this tenant's log, with its payload."""
    return respond(
        await service.get_event(caller.db, tenant_id=caller.tenant_id, event_id=event_id)
    )


@router.get("/v1/event-types", operation_id="event_types_list", response_model=list[EventTypeInfo])
async def list_event_types(caller: Admin) -> Response:
    """Every event type an endpoint can subscribe to."""
    return respond_json([{"type": name, "description": text} for name, text in EVENT_TYPES.items()])
