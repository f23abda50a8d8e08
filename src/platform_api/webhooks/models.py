"""Webhook endpoints, their deliveries, and the dispatcher's per-tenant cursor."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.dialects.postgresql.base import ischema_names

from platform_api.core.schema import metadata, tenant_table

webhook_endpoints = tenant_table(
    "webhook_endpoints",
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("description", sa.Text, nullable=True),
    sa.Column("event_types", ARRAY(sa.Text), nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default="enabled"),
    sa.Column("disabled_reason", sa.Text, nullable=True),
    sa.Column("disabled_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column(
        "secret",
        sa.Text,
        nullable=False,
        comment="HMAC key: the dispatcher signs with it, so it is kept, never shown again",
    ),
    sa.Column("previous_secret", sa.Text, nullable=True, comment="Still signed with until"),
    sa.Column("previous_secret_expires_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column(
        "failing_since",
        sa.TIMESTAMP(timezone=True),
        nullable=True,
        comment="First failed attempt since the last success; disabled when too old",
    ),
    sa.CheckConstraint("status IN ('enabled', 'disabled')", name="status"),
)

#: Every event becomes a row per subscribed endpoint, claimed and recorded by updates that
#: rewrite every index: it proves its tenant through its endpoint (a tenant-qualified key)
#: and is listed per endpoint only, so it has no key to `tenants` nor a tenant-wide
#: keyset index (`tenant_table`).
webhook_deliveries = tenant_table(
    "webhook_deliveries",
    sa.Column("endpoint_id", UUID(as_uuid=True), nullable=False),
    sa.Column("event_id", UUID(as_uuid=True), nullable=False),
    sa.Column("subject_id", UUID(as_uuid=True), nullable=False, comment="The event's"),
    sa.Column(
        "sequence",
        sa.BigInteger,
        sa.Identity(),
        nullable=False,
        comment="Queue order: one subject's deliveries to an endpoint go out in this order",
    ),
    sa.Column("status", sa.Text, nullable=False, server_default="pending"),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column(
        "next_attempt_at",
        sa.TIMESTAMP(timezone=True),
        nullable=True,
        server_default=sa.func.now(),
        comment="Null when not scheduled (delivered, failed, or its endpoint is disabled)",
    ),
    sa.Column("first_failed_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("last_attempt_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("delivered_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("response_status", sa.SmallInteger, nullable=True),
    sa.Column("response_latency_ms", sa.Integer, nullable=True),
    sa.Column("response_excerpt", sa.Text, nullable=True, comment="The body's first bytes"),
    sa.Column("error", sa.Text, nullable=True, comment="Why the last attempt failed"),
    sa.CheckConstraint("status IN ('pending', 'delivered', 'failed')", name="status"),
    sa.ForeignKeyConstraint(
        ["tenant_id", "endpoint_id"],
        ["webhook_endpoints.tenant_id", "webhook_endpoints.id"],
        ondelete="CASCADE",
    ),
    sa.ForeignKeyConstraint(
        ["tenant_id", "event_id"],
        ["outbox_events.tenant_id", "outbox_events.id"],
        ondelete="CASCADE",
    ),
    sa.Index("ix_webhook_deliveries_endpoint", "tenant_id", "endpoint_id", "created_at", "id"),
    sa.Index(
        "ix_webhook_deliveries_due",
        "tenant_id",
        "next_attempt_at",
        postgresql_where=sa.text("status = 'pending'"),
    ),
    sa.Index(
        "ix_webhook_deliveries_queue",
        "tenant_id",
        "endpoint_id",
        "subject_id",
        "sequence",
        postgresql_where=sa.text("status = 'pending'"),
    ),
    references_tenants=False,
    listed=False,
)


class PgSnapshot(sa.types.UserDefinedType[str]):
    """PostgreSQL's `pg_snapshot`: which transactions had committed at some moment."""

    cache_ok = True

    def get_col_spec(self, **_: Any) -> str:
        return "PG_SNAPSHOT"


# So that reflection (Alembic's drift check) knows the type by name.
ischema_names["pg_snapshot"] = PgSnapshot

#: The tenants that have (had) a webhook endpoint, and how far the dispatcher has read
#: their events. A platform table without row-level security, by design: the dispatcher
#: serves every tenant and must know which to visit; it holds no tenant data.
webhook_tenants = sa.Table(
    "webhook_tenants",
    metadata,
    sa.Column("tenant_id", UUID(as_uuid=True), sa.ForeignKey("tenants.id"), primary_key=True),
    sa.Column(
        "event_snapshot",
        PgSnapshot(),
        nullable=False,
        comment="The events of transactions committed in it have been fanned out",
    ),
    sa.Column(
        "created_at", sa.TIMESTAMP(timezone=True), nullable=False, server_default=sa.func.now()
    ),
)
