"""mentor search keys for exact, bounded recommendations: topic pairs, stages, location

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_COPIED = ("stages", "country", "region", "utc_offset_minutes")

# The key rows are tenant rows (FORCE row-level security): the owner writes them tenant
# by tenant. It reads every mentor through the `mentor_load` policy.
_EACH_TENANT = """
DO $$
DECLARE
    t uuid;
BEGIN
    FOR t IN SELECT DISTINCT tenant_id FROM mentors LOOP
        PERFORM set_config('app.tenant_id', t::text, true);
        {body}
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END
$$
"""

# `scoring.mentor_search_keys`' pairs: code-point order, as Python sorts.
_BACKFILL = """
UPDATE mentor_search_keys k SET stages = m.stages, country = m.country, region = m.region,
    utc_offset_minutes = m.utc_offset_minutes
FROM mentors m WHERE k.tenant_id = t AND m.tenant_id = t AND m.id = k.mentor_id;
INSERT INTO mentor_search_keys (tenant_id, mentor_id, key, shared_to_network, stages,
    country, region, utc_offset_minutes)
SELECT m.tenant_id, m.id, 'tt:' || a || '|' || b, m.shared_to_network, m.stages, m.country,
    m.region, m.utc_offset_minutes
FROM mentors m, unnest(m.topics) a, unnest(m.topics) b
WHERE m.tenant_id = t AND a COLLATE "C" < b COLLATE "C"
ON CONFLICT DO NOTHING;
"""


def upgrade() -> None:
    op.add_column(
        "mentor_search_keys",
        sa.Column(
            "stages", postgresql.ARRAY(sa.Text()), nullable=True, comment="Copy of the mentor's"
        ),
    )
    op.add_column(
        "mentor_search_keys",
        sa.Column("country", sa.CHAR(length=2), nullable=True, comment="Copy of the mentor's"),
    )
    op.add_column(
        "mentor_search_keys",
        sa.Column("region", sa.Text(), nullable=True, comment="Copy of the mentor's"),
    )
    op.add_column(
        "mentor_search_keys",
        sa.Column(
            "utc_offset_minutes", sa.SmallInteger(), nullable=True, comment="Copy of the mentor's"
        ),
    )
    op.execute(_EACH_TENANT.format(body=_BACKFILL))
    op.alter_column("mentor_search_keys", "stages", nullable=False)
    op.alter_column("mentor_search_keys", "country", nullable=False)
    # Index-only: a candidate's bound needs nothing but the index.
    op.drop_index("ix_mentor_search_keys_key", table_name="mentor_search_keys")
    op.create_index(
        "ix_mentor_search_keys_key",
        "mentor_search_keys",
        ["key", "tenant_id", "mentor_id", "shared_to_network"],
        unique=False,
        postgresql_include=list(_COPIED),
    )


def downgrade() -> None:
    op.drop_index("ix_mentor_search_keys_key", table_name="mentor_search_keys")
    op.execute(
        _EACH_TENANT.format(
            body="DELETE FROM mentor_search_keys WHERE tenant_id = t AND key LIKE 'tt:%';"
        )
    )
    for column in _COPIED:
        op.drop_column("mentor_search_keys", column)
    op.create_index(
        "ix_mentor_search_keys_key",
        "mentor_search_keys",
        ["key", "tenant_id", "mentor_id", "shared_to_network"],
        unique=False,
    )
