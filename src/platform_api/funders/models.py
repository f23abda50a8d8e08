"""Funders and their grants. Platform tables, like `api_clients` (no row-level
security): a grant is access control that the report endpoints read across tenants, so
every query names its tenant or funder explicitly."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from platform_api.core.schema import audit_columns, metadata

funders = sa.Table(
    "funders",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    *audit_columns(),
    sa.Index("ix_funders_keyset", "created_at", "id"),
)

funder_grants = sa.Table(
    "funder_grants",
    metadata,
    sa.Column("id", UUID(as_uuid=True), primary_key=True),
    sa.Column("tenant_id", UUID(as_uuid=True), sa.ForeignKey("tenants.id"), nullable=False),
    sa.Column("funder_id", UUID(as_uuid=True), sa.ForeignKey("funders.id"), nullable=False),
    sa.Column("revoked_at", sa.TIMESTAMP(timezone=True), nullable=True),
    *audit_columns(),
    sa.Index("ix_funder_grants_tenant_keyset", "tenant_id", "created_at", "id"),
    # At most one live grant per tenant and funder; the funder's reports find them here.
    sa.Index(
        "ix_funder_grants_live",
        "funder_id",
        "tenant_id",
        unique=True,
        postgresql_where=sa.text("revoked_at IS NULL"),
    ),
)
