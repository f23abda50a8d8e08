"""foundation: tenants, clients, idempotency, entrepreneurs

Revision ID: 0001
Revises:
Create Date: 2026-11-23 00:45:38.526196
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from platform_api.core.schema import tenant_rls_sql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "idempotency_keys",
        sa.Column(
            "tenant_id",
            sa.UUID(),
            nullable=False,
            comment="Tenant, or the nil UUID for platform (operator) requests",
        ),
        sa.Column("client_id", sa.UUID(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.LargeBinary(), nullable=False),
        sa.Column("status_code", sa.SmallInteger(), nullable=False),
        sa.Column("response_body", sa.LargeBinary(), nullable=False),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("tenant_id", "client_id", "key", name=op.f("pk_idempotency_keys")),
    )
    op.create_index(
        "ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"], unique=False
    )
    op.create_table(
        "tenants",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.CHAR(length=2), nullable=False),
        sa.Column("default_currency", sa.CHAR(length=3), nullable=False),
        sa.Column("status", sa.Text(), server_default="active", nullable=False),
        sa.Column(
            "settings",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
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
        sa.CheckConstraint("status IN ('active', 'suspended')", name=op.f("ck_tenants_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tenants")),
    )
    op.create_index("ix_tenants_keyset", "tenants", ["created_at", "id"], unique=False)
    op.create_table(
        "api_clients",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("tenant_id", sa.UUID(), nullable=True),
        sa.Column("funder_id", sa.UUID(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("scopes", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("secret_hash", sa.LargeBinary(), nullable=False),
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
        sa.CheckConstraint(
            "(kind = 'tenant') = (tenant_id IS NOT NULL)", name=op.f("ck_api_clients_tenant_kind")
        ),
        sa.CheckConstraint(
            "kind IN ('operator', 'tenant', 'funder')", name=op.f("ck_api_clients_kind")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_api_clients_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_clients")),
    )
    op.create_index(
        "ix_api_clients_tenant_keyset",
        "api_clients",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "entrepreneurs",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("external_ref", sa.Text(), nullable=True, comment="The partner's own id"),
        sa.Column("full_name", sa.Text(), nullable=True, comment="Personal; erased on anonymise"),
        sa.Column("phone", sa.Text(), nullable=True, comment="Personal; erased on anonymise"),
        sa.Column("email", sa.Text(), nullable=True, comment="Personal; erased on anonymise"),
        sa.Column("gender", sa.Text(), nullable=True),
        sa.Column("birth_year", sa.SmallInteger(), nullable=True),
        sa.Column("country", sa.CHAR(length=2), nullable=False),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("languages", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("business_name", sa.Text(), nullable=True),
        sa.Column("sector", sa.Text(), nullable=True),
        sa.Column("stage", sa.Text(), nullable=True),
        sa.Column("needs", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("consent_data_processing", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("consent_network_sharing", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("status", sa.Text(), server_default="active", nullable=False),
        sa.Column("anonymised_at", sa.TIMESTAMP(timezone=True), nullable=True),
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
            "status IN ('active', 'anonymised')", name=op.f("ck_entrepreneurs_status")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_entrepreneurs_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_entrepreneurs")),
        sa.UniqueConstraint(
            "tenant_id", "external_ref", name=op.f("uq_entrepreneurs_tenant_id_external_ref")
        ),
    )
    op.create_index(
        "ix_entrepreneurs_country",
        "entrepreneurs",
        ["tenant_id", "country", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_entrepreneurs_keyset", "entrepreneurs", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_entrepreneurs_sector",
        "entrepreneurs",
        ["tenant_id", "sector", "created_at", "id"],
        unique=False,
    )
    for table in ("idempotency_keys", "entrepreneurs"):
        for statement in tenant_rls_sql(table):
            op.execute(statement)


def downgrade() -> None:
    op.drop_index("ix_entrepreneurs_sector", table_name="entrepreneurs")
    op.drop_index("ix_entrepreneurs_keyset", table_name="entrepreneurs")
    op.drop_index("ix_entrepreneurs_country", table_name="entrepreneurs")
    op.drop_table("entrepreneurs")
    op.drop_index("ix_api_clients_tenant_keyset", table_name="api_clients")
    op.drop_table("api_clients")
    op.drop_index("ix_tenants_keyset", table_name="tenants")
    op.drop_table("tenants")
    op.drop_index("ix_idempotency_keys_created_at", table_name="idempotency_keys")
    op.drop_table("idempotency_keys")
