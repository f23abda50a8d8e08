"""A tenant's webhook endpoints, their deliveries, and the event log. Every query names
the tenant explicitly; row-level security holds the same line underneath. Delivery
itself is `dispatcher.py`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from platform_api.core.db import TENANT_GATE, Database, insert_tenant_row
from platform_api.core.errors import FieldError, conflict, invalid, not_found
from platform_api.core.outbox import emit
from platform_api.core.pagination import Page, PageParams, Where, build_page, keyset_clause
from platform_api.webhooks.schemas import (
    DeliveryStatus,
    Event,
    ReplayResult,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEndpointCreate,
    WebhookEndpointWithSecret,
)
from platform_api.webhooks.signing import new_secret
from platform_api.webhooks.ssrf import UnsafeUrl, parse_url
from platform_api.webhooks.transport import checked_addresses

_ENDPOINT_COLUMNS = (
    "id, url, description, event_types, status, disabled_reason, disabled_at, "
    "previous_secret_expires_at, failing_since, created_at, updated_at"
)
_DELIVERY_COLUMNS = (
    "d.id, d.endpoint_id, d.event_id, e.type AS event_type, d.status, d.attempts, "
    "d.next_attempt_at, d.last_attempt_at, d.delivered_at, d.response_status, "
    "d.response_latency_ms, d.response_excerpt, d.error, d.created_at"
)
_EVENT_COLUMNS = "id, type, subject_id, created_at AS occurred_at, data, created_at"

_GET_ENDPOINT_SQL = (
    f"SELECT {_ENDPOINT_COLUMNS} FROM webhook_endpoints "
    f"WHERE {TENANT_GATE} AND tenant_id = $1::uuid AND id = $2"
)
_GET_EVENT_SQL = (
    f"SELECT {_EVENT_COLUMNS} FROM outbox_events "
    f"WHERE {TENANT_GATE} AND tenant_id = $1::uuid AND id = $2"
)
#: A tenant's first endpoint starts the dispatcher's cursor now: the events of every
#: transaction that commits from here on are delivered.
_ENROL_TENANT_SQL = (
    "INSERT INTO webhook_tenants (tenant_id, event_snapshot) "
    "VALUES ($1, pg_current_snapshot()) ON CONFLICT (tenant_id) DO NOTHING"
)


@dataclass(frozen=True)
class EventFilters:
    type: str | None = None
    subject_id: uuid.UUID | None = None
    occurred_from: datetime | None = None
    occurred_to: datetime | None = None


def _endpoint(row: asyncpg.Record) -> WebhookEndpoint:
    return WebhookEndpoint.model_validate(dict(row))


def _delivery(row: asyncpg.Record) -> WebhookDelivery:
    return WebhookDelivery.model_validate(dict(row))


def event_model(row: asyncpg.Record) -> Event:
    return Event.model_validate(dict(row))


async def check_url(url: str, *, allow_loopback: bool) -> None:
    """422 unless `url` is https:// (or loopback http:// in development) and every
    address its host resolves to may be called (no server-side request forgery)."""
    try:
        await checked_addresses(
            parse_url(url, allow_loopback=allow_loopback), allow_loopback=allow_loopback
        )
    except UnsafeUrl as exc:
        raise invalid(FieldError(path="body.url", message=str(exc), code="unsafe_url")) from None


async def create_endpoint(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    data: WebhookEndpointCreate,
) -> WebhookEndpointWithSecret:
    """Subscribe `data.url` (already checked with `check_url`); the secret is returned
    here only."""
    secret = new_secret()
    row = await insert_tenant_row(
        conn,
        "webhook_endpoints",
        tenant_id=tenant_id,
        actor=actor,
        values={**data.model_dump(), "secret": secret},
        returning=_ENDPOINT_COLUMNS,
    )
    await conn.execute(_ENROL_TENANT_SQL, tenant_id)
    return WebhookEndpointWithSecret(**dict(row), secret=secret)


async def get_endpoint(
    db: Database, *, tenant_id: uuid.UUID, endpoint_id: uuid.UUID
) -> WebhookEndpoint:
    row = await db.fetchrow(tenant_id, _GET_ENDPOINT_SQL, endpoint_id)
    if row is None:
        raise not_found("Webhook endpoint")
    return _endpoint(row)


async def list_endpoints(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams
) -> Page[WebhookEndpoint]:
    after, after_args = keyset_clause(page, 3)
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_ENDPOINT_COLUMNS} FROM webhook_endpoints "
        f"WHERE {TENANT_GATE} AND tenant_id = $1::uuid{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        *after_args,
    )
    return build_page(rows, page, _endpoint)


async def delete_endpoint(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, endpoint_id: uuid.UUID
) -> None:
    """Unsubscribe: the endpoint and its delivery log go; the events stay."""
    deleted = await conn.fetchval(
        "DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2 RETURNING id",
        tenant_id,
        endpoint_id,
    )
    if deleted is None:
        raise not_found("Webhook endpoint")


async def rotate_secret(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    endpoint_id: uuid.UUID,
    actor: uuid.UUID,
    overlap_seconds: int,
) -> WebhookEndpointWithSecret:
    """A new secret, returned here only; the current one keeps signing beside it for
    `overlap_seconds` (a secret rotated out earlier stops at once)."""
    secret = new_secret()
    row = await conn.fetchrow(
        f"UPDATE webhook_endpoints SET secret = $3, "
        "previous_secret = CASE WHEN $4 > 0 THEN secret END, "
        "previous_secret_expires_at = CASE WHEN $4 > 0 "
        "THEN now() + make_interval(secs => $4) END, "
        f"updated_at = now(), updated_by = $5 WHERE tenant_id = $1 AND id = $2 "
        f"RETURNING {_ENDPOINT_COLUMNS}",
        tenant_id,
        endpoint_id,
        secret,
        overlap_seconds,
        actor,
    )
    if row is None:
        raise not_found("Webhook endpoint")
    return WebhookEndpointWithSecret(**dict(row), secret=secret)


async def disable_endpoint(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    endpoint_id: uuid.UUID,
    actor: uuid.UUID | None,
    reason: str,
) -> WebhookEndpoint:
    """Stop delivering to the endpoint (its pending deliveries wait, unscheduled) and tell
    the tenant with a `webhook_endpoint.disabled` event. Already disabled: unchanged."""
    row = await conn.fetchrow(
        f"UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = $3, "
        "disabled_at = now(), updated_at = now(), updated_by = $4 "
        "WHERE tenant_id = $1 AND id = $2 AND status = 'enabled' "
        f"RETURNING {_ENDPOINT_COLUMNS}",
        tenant_id,
        endpoint_id,
        reason,
        actor,
    )
    if row is None:
        return await _current_endpoint(conn, tenant_id, endpoint_id)
    await conn.execute(
        "UPDATE webhook_deliveries SET next_attempt_at = NULL "
        "WHERE tenant_id = $1 AND endpoint_id = $2 AND status = 'pending'",
        tenant_id,
        endpoint_id,
    )
    endpoint = _endpoint(row)
    await emit(
        conn,
        tenant_id=tenant_id,
        type="webhook_endpoint.disabled",
        subject_id=endpoint_id,
        data=endpoint.model_dump(mode="json"),
    )
    return endpoint


async def enable_endpoint(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, endpoint_id: uuid.UUID, actor: uuid.UUID
) -> WebhookEndpoint:
    """Deliver again: the deliveries that waited go out now, in order, with a fresh retry
    window. Already enabled: unchanged."""
    row = await conn.fetchrow(
        f"UPDATE webhook_endpoints SET status = 'enabled', disabled_reason = NULL, "
        "disabled_at = NULL, failing_since = NULL, updated_at = now(), updated_by = $3 "
        "WHERE tenant_id = $1 AND id = $2 AND status = 'disabled' "
        f"RETURNING {_ENDPOINT_COLUMNS}",
        tenant_id,
        endpoint_id,
        actor,
    )
    if row is None:
        return await _current_endpoint(conn, tenant_id, endpoint_id)
    await conn.execute(
        "UPDATE webhook_deliveries SET next_attempt_at = now(), first_failed_at = NULL "
        "WHERE tenant_id = $1 AND endpoint_id = $2 AND status = 'pending'",
        tenant_id,
        endpoint_id,
    )
    return _endpoint(row)


async def _current_endpoint(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, endpoint_id: uuid.UUID
) -> WebhookEndpoint:
    row = await conn.fetchrow(
        f"SELECT {_ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2",
        tenant_id,
        endpoint_id,
    )
    if row is None:
        raise not_found("Webhook endpoint")
    return _endpoint(row)


async def list_deliveries(
    db: Database,
    *,
    tenant_id: uuid.UUID,
    endpoint_id: uuid.UUID,
    page: PageParams,
    status: DeliveryStatus | None,
    event_id: uuid.UUID | None,
) -> Page[WebhookDelivery]:
    """One endpoint's deliveries, oldest first (404 if the endpoint is not the tenant's):
    one read, the endpoint row joined to the page of its deliveries."""
    after, after_args = keyset_clause(page, 6, alias="d")
    rows = await db.fetch(
        tenant_id,
        f"SELECT ep.id AS found, page.* FROM webhook_endpoints ep LEFT JOIN LATERAL ("
        f"SELECT {_DELIVERY_COLUMNS} FROM webhook_deliveries d "
        "JOIN outbox_events e ON e.tenant_id = d.tenant_id AND e.id = d.event_id "
        "WHERE d.tenant_id = $1::uuid AND d.endpoint_id = ep.id "
        "AND ($4::text IS NULL OR d.status = $4) AND ($5::uuid IS NULL OR d.event_id = $5)"
        f"{after} ORDER BY d.created_at, d.id LIMIT $3) page ON true "
        f"WHERE {TENANT_GATE} AND ep.tenant_id = $1::uuid AND ep.id = $2 "
        "ORDER BY page.created_at, page.id",
        endpoint_id,
        page.limit + 1,
        status.value if status else None,
        event_id,
        *after_args,
    )
    if not rows:
        raise not_found("Webhook endpoint")
    return build_page([row for row in rows if row["id"] is not None], page, _delivery)


async def retry_delivery(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    endpoint_id: uuid.UUID,
    delivery_id: uuid.UUID,
    actor: uuid.UUID,
) -> WebhookDelivery:
    """Send a delivered or given-up delivery again now, with a fresh retry window (it
    goes out of order with respect to its resource's later events, by request)."""
    current = await conn.fetchrow(
        "SELECT d.status, ep.status AS endpoint_status FROM webhook_deliveries d "
        "JOIN webhook_endpoints ep ON ep.tenant_id = d.tenant_id AND ep.id = d.endpoint_id "
        "WHERE d.tenant_id = $1 AND d.endpoint_id = $2 AND d.id = $3 FOR UPDATE OF d",
        tenant_id,
        endpoint_id,
        delivery_id,
    )
    if current is None:
        raise not_found("Webhook delivery")
    if current["endpoint_status"] != "enabled":
        raise conflict("The endpoint is disabled: enable it first.", endpoint_status="disabled")
    if current["status"] == "pending":
        raise conflict("This delivery is already scheduled.", current_status="pending")
    row = await conn.fetchrow(
        f"WITH d AS (UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now(), "
        "first_failed_at = NULL, updated_at = now(), updated_by = $4 "
        "WHERE tenant_id = $1 AND endpoint_id = $2 AND id = $3 RETURNING *) "
        f"SELECT {_DELIVERY_COLUMNS} FROM d "
        "JOIN outbox_events e ON e.tenant_id = d.tenant_id AND e.id = d.event_id",
        tenant_id,
        endpoint_id,
        delivery_id,
        actor,
    )
    return _delivery(row)


async def replay_events(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    endpoint_id: uuid.UUID,
    actor: uuid.UUID,
    since: datetime,
    until: datetime | None,
) -> ReplayResult:
    """Queue again, in their original order, the events since `since` (and before
    `until`) of the types the endpoint subscribes to."""
    endpoint = await conn.fetchrow(
        "SELECT status, event_types FROM webhook_endpoints "
        "WHERE tenant_id = $1 AND id = $2 FOR SHARE",
        tenant_id,
        endpoint_id,
    )
    if endpoint is None:
        raise not_found("Webhook endpoint")
    if endpoint["status"] != "enabled":
        raise conflict("The endpoint is disabled: enable it first.", endpoint_status="disabled")
    created = await conn.fetchval(
        "WITH queued AS (INSERT INTO webhook_deliveries "
        "(tenant_id, id, endpoint_id, event_id, subject_id, created_by, updated_by) "
        "SELECT $1, gen_random_uuid(), $2, e.id, e.subject_id, $3, $3 FROM outbox_events e "
        "WHERE e.tenant_id = $1 AND e.created_at >= $4 "
        "AND ($5::timestamptz IS NULL OR e.created_at < $5) AND e.type = ANY($6::text[]) "
        "ORDER BY e.sequence RETURNING 1) SELECT count(*) FROM queued",
        tenant_id,
        endpoint_id,
        actor,
        since,
        until,
        endpoint["event_types"],
    )
    return ReplayResult(deliveries_created=created)


async def get_event(db: Database, *, tenant_id: uuid.UUID, event_id: uuid.UUID) -> Event:
    row = await db.fetchrow(tenant_id, _GET_EVENT_SQL, event_id)
    if row is None:
        raise not_found("Event")
    return event_model(row)


async def list_events(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, filters: EventFilters
) -> Page[Event]:
    """The tenant's events, oldest first (by when their change began)."""
    where = Where(fixed=2)
    where.add_set(
        ("type = {}", filters.type or None),
        ("subject_id = {}", filters.subject_id),
        ("created_at >= {}", filters.occurred_from),
        ("created_at < {}", filters.occurred_to),
    )
    after, after_args = keyset_clause(page, where.next)
    rows = await db.fetch(
        tenant_id,
        f"SELECT {_EVENT_COLUMNS} FROM outbox_events WHERE {TENANT_GATE} "
        f"AND tenant_id = $1::uuid{where.sql()}{after} ORDER BY created_at, id LIMIT $2",
        page.limit + 1,
        *where.args,
        *after_args,
    )
    return build_page(rows, page, event_model)
