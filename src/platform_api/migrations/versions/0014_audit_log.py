"""audit log: append-only audit_events, refused UPDATE, DELETE and TRUNCATE by trigger

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from platform_api.core.schema import tenant_rls_sql

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# The app role is granted INSERT and SELECT only (core/migrate.py revokes UPDATE and
# DELETE from append-only tables, and never grants TRUNCATE); the trigger holds the line
# for every other role too, the owner included, so an entry stands as written.
_REFUSE_FUNCTION = """
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$
"""
_REFUSE_TRIGGER = (
    "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
    "ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()"
)


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column(
            "actor_kind", sa.Text(), nullable=False, comment="The principal kind of created_by"
        ),
        sa.Column("action", sa.Text(), nullable=False, comment="e.g. loan.repayment.posted"),
        sa.Column("resource_type", sa.Text(), nullable=False, comment="e.g. loan"),
        sa.Column("resource_id", sa.UUID(), nullable=False),
        sa.Column(
            "request_id", sa.Text(), nullable=True, comment="The X-Request-ID it was made in"
        ),
        sa.Column(
            "details",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="Amounts, states, reason codes and related ids: never personal data",
        ),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_audit_events")),
    )
    op.create_index(
        "ix_audit_events_keyset", "audit_events", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_audit_events_resource",
        "audit_events",
        ["tenant_id", "resource_id", "created_at", "id"],
        unique=False,
    )
    for statement in tenant_rls_sql("audit_events"):
        op.execute(statement)
    op.execute(_REFUSE_FUNCTION)
    op.execute(_REFUSE_TRIGGER)


def downgrade() -> None:
    op.drop_table("audit_events")
    op.execute("DROP FUNCTION audit_events_refuse_change()")
