"""leaner webhook deliveries: no key to tenants, no tenant-wide keyset index

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 00:50:00
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# A delivery proves its tenant through its endpoint's tenant-qualified key, and is only
# listed per endpoint (ix_webhook_deliveries_endpoint). The key to `tenants` cost a
# check and a FOR KEY SHARE lock of the tenant's row per fanned-out delivery; the keyset
# index an entry at the fan-out and at each claim and record (they change an indexed
# column, so every index gets a new entry).


def upgrade() -> None:
    op.drop_constraint(
        op.f("fk_webhook_deliveries_tenant_id_tenants"), "webhook_deliveries", type_="foreignkey"
    )
    op.drop_index("ix_webhook_deliveries_keyset", table_name="webhook_deliveries")


def downgrade() -> None:
    op.create_index(
        "ix_webhook_deliveries_keyset", "webhook_deliveries", ["tenant_id", "created_at", "id"]
    )
    op.create_foreign_key(
        op.f("fk_webhook_deliveries_tenant_id_tenants"),
        "webhook_deliveries",
        "tenants",
        ["tenant_id"],
        ["id"],
    )
