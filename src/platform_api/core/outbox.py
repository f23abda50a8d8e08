"""Domain events, written to an outbox table in the same transaction as the change they
describe: an event exists exactly when its change committed. Delivery to webhooks
reads the table later (at-least-once; the event id is the de-duplication key).

Writers insert `(tenant_id, id, type, subject_id, data)` and nothing else: the columns
the dispatcher needs fill themselves in (no trigger, no second row), so emitting stays
one INSERT and its fan-out to endpoints happens later, in the dispatcher.
`sequence` orders events as they were inserted: a change that waited for another's
row lock inserts after that change committed, so the events of one resource are in
the order their changes happened. `xid` is the inserting transaction: the dispatcher
reads the events of the transactions that committed since its last read (snapshot to
snapshot), so an event whose transaction commits late is never skipped
(`webhooks/dispatcher.py`)."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.dialects.postgresql.base import ischema_names

from platform_api.core.schema import tenant_table


class Xid8(sa.types.UserDefinedType[int]):
    """PostgreSQL's 64-bit transaction id (no wraparound), as `pg_current_xact_id()`."""

    cache_ok = True

    def get_col_spec(self, **_: Any) -> str:
        return "XID8"


# So that reflection (Alembic's drift check) knows the type by name.
ischema_names["xid8"] = Xid8

outbox_events = tenant_table(
    "outbox_events",
    sa.Column("type", sa.Text, nullable=False, comment="e.g. loan.disbursed"),
    sa.Column("subject_id", UUID(as_uuid=True), nullable=False, comment="What it is about"),
    sa.Column("data", JSONB, nullable=False),
    sa.Column(
        "sequence",
        sa.BigInteger,
        sa.Identity(),
        nullable=False,
        comment="Insertion order: the order of one resource's events",
    ),
    sa.Column(
        "xid",
        Xid8(),
        nullable=False,
        server_default=sa.text("pg_current_xact_id()"),
        comment="The inserting transaction (the dispatcher's cursor)",
    ),
    sa.Index("ix_outbox_events_xid", "tenant_id", "xid"),
    sa.Index("ix_outbox_events_subject", "tenant_id", "subject_id", "created_at", "id"),
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
