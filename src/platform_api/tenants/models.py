"""Platform tables: the tenant registry and API clients. They are not tenant-owned data
(no row-level security); only the operator endpoints and the token endpoint read them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from platform_api.core.schema import audit_columns, metadata

tenants = sa.Table(
    "tenants",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.CHAR(2), nullable=False),
    sa.Column("default_currency", sa.CHAR(3), nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default="active"),
    sa.Column("settings", JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    *audit_columns(),
    sa.CheckConstraint("status IN ('active', 'suspended')", name="status"),
    sa.Index("ix_tenants_keyset", "created_at", "id"),
)

api_clients = sa.Table(
    "api_clients",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("tenant_id", UUID(as_uuid=True), sa.ForeignKey("tenants.id"), nullable=True),
    sa.Column("funder_id", UUID(as_uuid=True), nullable=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("scopes", ARRAY(sa.Text), nullable=False),
    sa.Column("secret_hash", sa.LargeBinary, nullable=False),
    sa.Column("revoked_at", sa.TIMESTAMP(timezone=True), nullable=True),
    *audit_columns(),
    sa.CheckConstraint("kind IN ('operator', 'tenant', 'funder')", name="kind"),
    sa.CheckConstraint("(kind = 'tenant') = (tenant_id IS NOT NULL)", name="tenant_kind"),
    sa.Index("ix_api_clients_tenant_keyset", "tenant_id", "created_at", "id"),
)
