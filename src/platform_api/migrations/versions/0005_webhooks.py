"""webhooks

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from platform_api.core.outbox import Xid8
from platform_api.core.schema import tenant_rls_sql
from platform_api.webhooks.models import PgSnapshot

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The outbox: insertion order and the inserting transaction fill themselves in (no
    # change to any writer); `published_at` gives way to the dispatcher's xid cursor.
    op.add_column(
        "outbox_events",
        sa.Column(
            "sequence",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Insertion order: the order of one resource's events",
        ),
    )
    op.add_column(
        "outbox_events",
        sa.Column(
            "xid",
            Xid8(),
            server_default=sa.text("pg_current_xact_id()"),
            nullable=False,
            comment="The inserting transaction (the dispatcher's cursor)",
        ),
    )
    op.drop_index(
        "ix_outbox_events_unpublished",
        table_name="outbox_events",
        postgresql_where=sa.text("published_at IS NULL"),
    )
    op.drop_column("outbox_events", "published_at")
    op.create_index(
        "ix_outbox_events_subject",
        "outbox_events",
        ["tenant_id", "subject_id", "created_at", "id"],
        unique=False,
    )
    op.create_index("ix_outbox_events_xid", "outbox_events", ["tenant_id", "xid"], unique=False)

    op.create_table(
        "webhook_endpoints",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("event_types", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("status", sa.Text(), server_default="enabled", nullable=False),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.Column("disabled_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column(
            "secret",
            sa.Text(),
            nullable=False,
            comment="HMAC key: the dispatcher signs with it, so it is kept, never shown again",
        ),
        sa.Column("previous_secret", sa.Text(), nullable=True, comment="Still signed with until"),
        sa.Column("previous_secret_expires_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column(
            "failing_since",
            sa.TIMESTAMP(timezone=True),
            nullable=True,
            comment="First failed attempt since the last success; disabled when too old",
        ),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.Column(
            "updated_by", sa.UUID(), nullable=True, comment="API client that last changed the row"
        ),
        sa.CheckConstraint(
            "status IN ('enabled', 'disabled')", name=op.f("ck_webhook_endpoints_status")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_webhook_endpoints_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_webhook_endpoints")),
    )
    op.create_index(
        "ix_webhook_endpoints_keyset",
        "webhook_endpoints",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "webhook_tenants",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column(
            "event_snapshot",
            PgSnapshot(),
            nullable=False,
            comment="The events of transactions committed in it have been fanned out",
        ),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_webhook_tenants_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", name=op.f("pk_webhook_tenants")),
    )
    op.create_table(
        "webhook_deliveries",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("endpoint_id", sa.UUID(), nullable=False),
        sa.Column("event_id", sa.UUID(), nullable=False),
        sa.Column("subject_id", sa.UUID(), nullable=False, comment="The event's"),
        sa.Column(
            "sequence",
            sa.BigInteger(),
            sa.Identity(always=False),
            nullable=False,
            comment="Queue order: one subject's deliveries to an endpoint go out in this order",
        ),
        sa.Column("status", sa.Text(), server_default="pending", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "next_attempt_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=True,
            comment="Null when not scheduled (delivered, failed, or its endpoint is disabled)",
        ),
        sa.Column("first_failed_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("last_attempt_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("response_status", sa.SmallInteger(), nullable=True),
        sa.Column("response_latency_ms", sa.Integer(), nullable=True),
        sa.Column("response_excerpt", sa.Text(), nullable=True, comment="The body's first bytes"),
        sa.Column("error", sa.Text(), nullable=True, comment="Why the last attempt failed"),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.Column(
            "updated_by", sa.UUID(), nullable=True, comment="API client that last changed the row"
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'delivered', 'failed')",
            name=op.f("ck_webhook_deliveries_status"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "endpoint_id"],
            ["webhook_endpoints.tenant_id", "webhook_endpoints.id"],
            name=op.f("fk_webhook_deliveries_tenant_id_endpoint_id_webhook_endpoints"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "event_id"],
            ["outbox_events.tenant_id", "outbox_events.id"],
            name=op.f("fk_webhook_deliveries_tenant_id_event_id_outbox_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_webhook_deliveries_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_webhook_deliveries")),
    )
    op.create_index(
        "ix_webhook_deliveries_due",
        "webhook_deliveries",
        ["tenant_id", "next_attempt_at"],
        unique=False,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index(
        "ix_webhook_deliveries_endpoint",
        "webhook_deliveries",
        ["tenant_id", "endpoint_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_webhook_deliveries_keyset",
        "webhook_deliveries",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_webhook_deliveries_queue",
        "webhook_deliveries",
        ["tenant_id", "endpoint_id", "subject_id", "sequence"],
        unique=False,
        postgresql_where=sa.text("status = 'pending'"),
    )
    for table in ("webhook_endpoints", "webhook_deliveries"):
        for statement in tenant_rls_sql(table):
            op.execute(statement)


def downgrade() -> None:
    op.drop_index(
        "ix_webhook_deliveries_queue",
        table_name="webhook_deliveries",
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.drop_index("ix_webhook_deliveries_keyset", table_name="webhook_deliveries")
    op.drop_index("ix_webhook_deliveries_endpoint", table_name="webhook_deliveries")
    op.drop_index(
        "ix_webhook_deliveries_due",
        table_name="webhook_deliveries",
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.drop_table("webhook_deliveries")
    op.drop_table("webhook_tenants")
    op.drop_index("ix_webhook_endpoints_keyset", table_name="webhook_endpoints")
    op.drop_table("webhook_endpoints")
    op.drop_index("ix_outbox_events_xid", table_name="outbox_events")
    op.drop_index("ix_outbox_events_subject", table_name="outbox_events")
    op.add_column(
        "outbox_events",
        sa.Column("published_at", sa.TIMESTAMP(timezone=True), nullable=True),
    )
    op.create_index(
        "ix_outbox_events_unpublished",
        "outbox_events",
        ["tenant_id", "created_at"],
        unique=False,
        postgresql_where=sa.text("published_at IS NULL"),
    )
    op.drop_column("outbox_events", "xid")
    op.drop_column("outbox_events", "sequence")
