"""The audit log's table: one row per money write or decision, never changed or deleted.

`created_at` is when it happened (the database's clock, the writing transaction's start)
and `created_by` the API client that did it. The app role may only INSERT and SELECT it
(`append_only`), and a trigger refuses UPDATE, DELETE and TRUNCATE to every role,
the owner included (migration 0014)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB, UUID

from platform_api.core.schema import tenant_table

audit_events = tenant_table(
    "audit_events",
    sa.Column("actor_kind", sa.Text, nullable=False, comment="The principal kind of created_by"),
    sa.Column("action", sa.Text, nullable=False, comment="e.g. loan.repayment.posted"),
    sa.Column("resource_type", sa.Text, nullable=False, comment="e.g. loan"),
    sa.Column("resource_id", UUID(as_uuid=True), nullable=False),
    sa.Column("request_id", sa.Text, nullable=True, comment="The X-Request-ID it was made in"),
    sa.Column(
        "details",
        JSONB,
        nullable=False,
        comment="Amounts, states, reason codes and related ids: never personal data",
    ),
    sa.Index("ix_audit_events_resource", "tenant_id", "resource_id", "created_at", "id"),
    append_only=True,
    # Written only in a tenant's transaction, where row-level security pins tenant_id to
    # the caller's verified tenant (as the outbox): a repayment pays no key-share lock.
    references_tenants=False,
)
