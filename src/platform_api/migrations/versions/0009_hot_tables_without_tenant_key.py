"""leaner repayment writes: no tenant key on ledger tables, idempotency row written once

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 19:00:00
"""

from __future__ import annotations

import importlib

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Repayments, postings and outbox events prove their tenant otherwise (see
# core/schema.tenant_table): the direct key made every insert share-lock the tenant's row.
TABLES = ("loan_repayments", "loan_postings", "outbox_events")

# The claim no longer inserts a placeholder row that COMMIT then updates (a second row
# version and index entries per request): it takes the key's advisory lock and checks
# that no live row holds the key; the row is inserted once, with the response, at COMMIT.
CLAIM_FUNCTION = """
CREATE FUNCTION claim_idempotency_key(
    p_tenant uuid, p_client uuid, p_key text, p_ttl_hours integer
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_try_advisory_xact_lock(
        hashtextextended(p_tenant::text || ':' || p_client::text || ':' || p_key, 0)
    ) THEN
        RAISE EXCEPTION 'idempotency key in use' USING ERRCODE = 'IK409';
    END IF;
    PERFORM FROM idempotency_keys
    -- A parameter takes the collation of the caller's argument: name the column's, or
    -- the key is filtered over all the client's keys instead of found in the index.
    WHERE tenant_id = p_tenant AND client_id = p_client AND key = p_key COLLATE "default"
      AND created_at > now() - make_interval(hours => p_ttl_hours);
    IF FOUND THEN
        RAISE EXCEPTION 'idempotency key already used' USING ERRCODE = 'IK200';
    END IF;
END
$$
"""


def upgrade() -> None:
    for table in TABLES:
        op.drop_constraint(op.f(f"fk_{table}_tenant_id_tenants"), table, type_="foreignkey")
    # Postings are read per loan (ix_loan_postings_loan); the keyset index only cost inserts.
    op.drop_index("ix_loan_postings_keyset", table_name="loan_postings")
    op.execute("DROP FUNCTION claim_idempotency_key(uuid, uuid, text, bytea, integer)")
    op.execute(CLAIM_FUNCTION)


def downgrade() -> None:
    op.execute("DROP FUNCTION claim_idempotency_key(uuid, uuid, text, integer)")
    previous = importlib.import_module(f"{__package__}.0004_idempotency_claim")
    op.execute(previous.CLAIM_FUNCTION)
    op.create_index("ix_loan_postings_keyset", "loan_postings", ["tenant_id", "created_at", "id"])
    for table in TABLES:
        op.create_foreign_key(
            op.f(f"fk_{table}_tenant_id_tenants"), table, "tenants", ["tenant_id"], ["id"]
        )
