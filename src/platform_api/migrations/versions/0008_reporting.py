"""reporting: usage metering, funders and their grants, outcome surveys

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from platform_api.core.schema import tenant_rls_sql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_usage",
        sa.Column("day", sa.Date(), nullable=False, comment="UTC day the requests finished on"),
        sa.Column(
            "tenant_id",
            sa.UUID(),
            nullable=False,
            comment="The caller's tenant; the nil UUID for operator, funder and anonymous calls",
        ),
        sa.Column("client_id", sa.UUID(), nullable=False, comment="Nil UUID if none"),
        sa.Column(
            "operation", sa.Text(), nullable=False, comment="OpenAPI operation id or `unmatched`"
        ),
        sa.Column(
            "status_class", sa.SmallInteger(), nullable=False, comment="2 for 2xx, ... 5 for 5xx"
        ),
        sa.Column("requests", sa.BigInteger(), nullable=False),
        sa.Column("latency_ms_sum", sa.Float(), nullable=False),
        sa.Column(
            "latency_buckets",
            postgresql.ARRAY(sa.BigInteger()),
            nullable=False,
            comment="Request counts per latency bucket (core.metering.LATENCY_BOUNDS_MS)",
        ),
        sa.PrimaryKeyConstraint(
            "day", "tenant_id", "client_id", "operation", "status_class", name=op.f("pk_api_usage")
        ),
    )
    op.create_index("ix_api_usage_tenant_day", "api_usage", ["tenant_id", "day"], unique=False)
    op.create_table(
        "funders",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funders")),
    )
    op.create_index("ix_funders_keyset", "funders", ["created_at", "id"], unique=False)
    op.create_table(
        "funder_grants",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("funder_id", sa.UUID(), nullable=False),
        sa.Column("revoked_at", sa.TIMESTAMP(timezone=True), nullable=True),
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
        sa.ForeignKeyConstraint(
            ["funder_id"], ["funders.id"], name=op.f("fk_funder_grants_funder_id_funders")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_funder_grants_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funder_grants")),
    )
    op.create_index(
        "ix_funder_grants_live",
        "funder_grants",
        ["funder_id", "tenant_id"],
        unique=True,
        postgresql_where=sa.text("revoked_at IS NULL"),
    )
    op.create_index(
        "ix_funder_grants_tenant_keyset",
        "funder_grants",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "outcome_surveys",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("entrepreneur_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False, comment="baseline | follow_up"),
        sa.Column("surveyed_on", sa.Date(), nullable=False),
        sa.Column("earns_from_own_business", sa.Boolean(), nullable=False),
        sa.Column("earns_from_gigs", sa.Boolean(), nullable=False),
        sa.Column("revenue_band", sa.Text(), nullable=True, comment="Monthly, USD equivalent"),
        sa.Column("employees", sa.Integer(), nullable=True),
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
            "kind IN ('baseline', 'follow_up')", name=op.f("ck_outcome_surveys_kind")
        ),
        sa.CheckConstraint("employees >= 0", name=op.f("ck_outcome_surveys_employees")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "entrepreneur_id"],
            ["entrepreneurs.tenant_id", "entrepreneurs.id"],
            name=op.f("fk_outcome_surveys_tenant_id_entrepreneur_id_entrepreneurs"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_outcome_surveys_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_outcome_surveys")),
    )
    op.create_index(
        "ix_outcome_surveys_entrepreneur",
        "outcome_surveys",
        ["tenant_id", "entrepreneur_id", "surveyed_on"],
        unique=False,
    )
    op.create_index(
        "ix_outcome_surveys_keyset",
        "outcome_surveys",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_outcome_surveys_one_baseline",
        "outcome_surveys",
        ["tenant_id", "entrepreneur_id"],
        unique=True,
        postgresql_where=sa.text("kind = 'baseline'"),
    )
    for statement in tenant_rls_sql("outcome_surveys"):
        op.execute(statement)


def downgrade() -> None:
    op.drop_index(
        "ix_outcome_surveys_one_baseline",
        table_name="outcome_surveys",
        postgresql_where=sa.text("kind = 'baseline'"),
    )
    op.drop_index("ix_outcome_surveys_keyset", table_name="outcome_surveys")
    op.drop_index("ix_outcome_surveys_entrepreneur", table_name="outcome_surveys")
    op.drop_table("outcome_surveys")
    op.drop_index("ix_funder_grants_tenant_keyset", table_name="funder_grants")
    op.drop_index(
        "ix_funder_grants_live",
        table_name="funder_grants",
        postgresql_where=sa.text("revoked_at IS NULL"),
    )
    op.drop_table("funder_grants")
    op.drop_index("ix_funders_keyset", table_name="funders")
    op.drop_table("funders")
    op.drop_index("ix_api_usage_tenant_day", table_name="api_usage")
    op.drop_table("api_usage")
