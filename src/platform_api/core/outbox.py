"""Domain events, written to an outbox table in the same transaction as the change they
describe: an event exists exactly when its change committed. Delivery to webhooks
reads the table later (at-least-once; the event id is the de-duplication key)."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB, UUID

from platform_api.core.schema import tenant_table

outbox_events = tenant_table(
    "outbox_events",
    sa.Column("type", sa.Text, nullable=False, comment="e.g. loan.disbursed"),
    sa.Column("subject_id", UUID(as_uuid=True), nullable=False, comment="What it is about"),
    sa.Column("data", JSONB, nullable=False),
    sa.Column("published_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Index(
        "ix_outbox_events_unpublished",
        "tenant_id",
        "created_at",
        postgresql_where=sa.text("published_at IS NULL"),
    ),
    # Written only in a tenant's transaction, where row-level security pins tenant_id to
    # the caller's verified tenant: a key to `tenants` would re-check that on every event.
    references_tenants=False,
)


async def emit(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    type: str,
    subject_id: uuid.UUID,
    data: dict[str, Any],
) -> uuid.UUID:
    """Record an event inside the caller's transaction; `data` must be JSON-ready."""
    event_id = uuid.uuid4()
    await conn.execute(
        "INSERT INTO outbox_events (tenant_id, id, type, subject_id, data) "
        "VALUES ($1, $2, $3, $4, $5)",
        tenant_id,
        event_id,
        type,
        subject_id,
        data,
    )
    return event_id


async def emit_many(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    type: str,
    events: list[tuple[uuid.UUID, dict[str, Any]]],
) -> None:
    """Record several events of one type, (subject_id, data) each, in one statement."""
    if events:
        await conn.execute(
            "INSERT INTO outbox_events (tenant_id, id, type, subject_id, data) "
            "SELECT $1, gen_random_uuid(), $2, s, d "
            "FROM unnest($3::uuid[], $4::jsonb[]) AS e(s, d)",
            tenant_id,
            type,
            [subject for subject, _ in events],
            [data for _, data in events],
        )
