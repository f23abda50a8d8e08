"""idempotency claim function

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 17:45:00
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Claiming a key is sent with BEGIN in one round trip, where no result can come back:
# the two outcomes other than "claimed" are raised as errors with their own SQLSTATE.
CLAIM_FUNCTION = """
CREATE FUNCTION claim_idempotency_key(
    p_tenant uuid, p_client uuid, p_key text, p_fingerprint bytea, p_ttl_hours integer
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_try_advisory_xact_lock(
        hashtextextended(p_tenant::text || ':' || p_client::text || ':' || p_key, 0)
    ) THEN
        RAISE EXCEPTION 'idempotency key in use' USING ERRCODE = 'IK409';
    END IF;
    INSERT INTO idempotency_keys (tenant_id, client_id, key, fingerprint, status_code,
                                  response_body)
    VALUES (p_tenant, p_client, p_key, p_fingerprint, 0, '')
    ON CONFLICT (tenant_id, client_id, key) DO UPDATE
        SET fingerprint = excluded.fingerprint, status_code = 0, response_body = '',
            created_at = now()
        WHERE idempotency_keys.created_at <= now() - make_interval(hours => p_ttl_hours);
    IF NOT FOUND THEN
        RAISE EXCEPTION 'idempotency key already used' USING ERRCODE = 'IK200';
    END IF;
END
$$
"""


def upgrade() -> None:
    op.execute(CLAIM_FUNCTION)


def downgrade() -> None:
    op.execute("DROP FUNCTION claim_idempotency_key(uuid, uuid, text, bytea, integer)")
