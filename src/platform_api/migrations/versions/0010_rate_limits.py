"""rate limits: token buckets shared by every worker

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Refills the bucket for the time since its last refill (a minute's worth of tokens a
# minute, never more than a minute's worth held, so no more than a minute counts), takes
# back `p_return` unspent tokens, and grants up to `p_want`. The limit is the tenant's
# setting `p_setting` when it is a positive number, else `p_default`. A missing row is a
# full bucket, so rows idle for over a minute (full again) are deleted now and then
# without changing any answer. `moment` is read before the row lock is waited for, so a
# take that waited may be older than the refill it waited behind: the refill clock never
# moves back (it would count that time twice). SECURITY DEFINER: it reads the tenant's
# settings whatever tenant the caller is in.
TAKE_FUNCTION = """
CREATE FUNCTION rate_limit_take(
    p_key text, p_tenant uuid, p_setting text, p_default integer, p_want integer,
    p_return integer
) RETURNS TABLE (granted integer, per_minute integer, wait_ms integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    configured jsonb;
    capacity bigint;
    available bigint;
    moment timestamptz := clock_timestamp();
BEGIN
    per_minute := p_default;
    IF p_tenant IS NOT NULL AND p_setting IS NOT NULL THEN
        SELECT t.settings -> p_setting INTO configured FROM tenants t WHERE t.id = p_tenant;
        IF jsonb_typeof(configured) = 'number' AND (configured #>> '{}')::numeric >= 1
           AND (configured #>> '{}')::numeric <= 1000000000 THEN
            per_minute := floor((configured #>> '{}')::numeric)::integer;
        END IF;
    END IF;
    capacity := per_minute::bigint * 1000;
    INSERT INTO rate_limit_buckets AS b (key, milli_tokens, refilled_at)
    VALUES (p_key, capacity + p_return::bigint * 1000, moment)
    ON CONFLICT (key) DO UPDATE SET
        milli_tokens = b.milli_tokens + p_return::bigint * 1000
            + least(greatest(0, floor(extract(epoch FROM moment - b.refilled_at) * 1000000)),
                    60000000)::bigint * per_minute / 60000,
        refilled_at = greatest(b.refilled_at, moment)
    RETURNING least(b.milli_tokens, capacity) INTO available;
    granted := least(p_want::bigint, available / 1000)::integer;
    available := available - granted::bigint * 1000;
    UPDATE rate_limit_buckets SET milli_tokens = available WHERE key = p_key;
    wait_ms := CASE WHEN granted > 0 THEN 0
                    ELSE ceil((1000 - available) * 60.0 / per_minute)::integer END;
    IF random() < 0.001 THEN
        DELETE FROM rate_limit_buckets WHERE refilled_at < moment - interval '2 minutes';
    END IF;
    RETURN NEXT;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "rate_limit_buckets",
        sa.Column("key", sa.Text(), nullable=False, comment="client:<id>, tenant:<id>, token:<id>"),
        sa.Column(
            "milli_tokens", sa.BigInteger(), nullable=False, comment="Thousandths of a token"
        ),
        sa.Column("refilled_at", sa.TIMESTAMP(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limit_buckets")),
    )
    op.execute(TAKE_FUNCTION)


def downgrade() -> None:
    op.execute("DROP FUNCTION rate_limit_take(text, uuid, text, integer, integer, integer)")
    op.drop_table("rate_limit_buckets")
