"""matching

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from platform_api.core.schema import tenant_rls_sql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TABLES = (
    "mentors",
    "mentor_search_keys",
    "lenders",
    "matching_settings",
    "matches",
    "mentoring_sessions",
    "cohort_assignments",
)
_TENANT = "NULLIF(current_setting('app.tenant_id', true), '')::uuid"

#: The only ways rows cross tenants (see matching/models.py). Permissive policies add to
#: `tenant_isolation`: a shared mentor's profile and search keys are readable (never
#: writable) by all; the mentor's tenant reads and updates its mentor's matches and reads
#: and logs their sessions. The owner role (which owns the tables, so could switch RLS off
#: anyway) sees every mentor, for the load trigger below.
NETWORK_POLICIES = (
    "CREATE POLICY network_read ON mentors FOR SELECT USING (shared_to_network)",
    "CREATE POLICY network_read ON mentor_search_keys FOR SELECT USING (shared_to_network)",
    f"CREATE POLICY mentor_side_read ON matches FOR SELECT USING (mentor_tenant_id = {_TENANT})",
    f"CREATE POLICY mentor_side_update ON matches FOR UPDATE USING (mentor_tenant_id = {_TENANT}) "
    f"WITH CHECK (mentor_tenant_id = {_TENANT})",
    f"CREATE POLICY mentor_side_read ON mentoring_sessions FOR SELECT "
    f"USING (mentor_tenant_id = {_TENANT})",
    f"CREATE POLICY mentor_side_insert ON mentoring_sessions FOR INSERT "
    f"WITH CHECK (mentor_tenant_id = {_TENANT})",
    "CREATE POLICY mentor_load ON mentors TO CURRENT_USER USING (true) WITH CHECK (true)",
)

#: A mentor's count of active matches moves with every match that becomes or stops being
#: active, whichever tenant changes it: the entrepreneur's tenant may complete a match of
#: another tenant's mentor, whose row it cannot write, so the trigger runs as the owner.
#: Accepting locks the mentor row first (service), so the count it checks is exact.
LOAD_FUNCTION = """
CREATE FUNCTION matches_mentor_load() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    delta integer := (NEW.status = 'active')::integer;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        delta := delta - (OLD.status = 'active')::integer;
    END IF;
    IF delta <> 0 THEN
        UPDATE mentors SET active_mentees = active_mentees + delta
        WHERE tenant_id = NEW.mentor_tenant_id AND id = NEW.mentor_id;
    END IF;
    RETURN NULL;
END
$$
"""
LOAD_TRIGGER_ON_MATCHES = (
    "CREATE TRIGGER matches_mentor_load AFTER INSERT OR UPDATE OF status ON matches "
    "FOR EACH ROW EXECUTE FUNCTION matches_mentor_load()"
)


def upgrade() -> None:
    op.create_table(
        "cohort_assignments",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=False),
        sa.Column("request", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("entrepreneurs", sa.Integer(), nullable=False),
        sa.Column("mentors", sa.Integer(), nullable=False),
        sa.Column(
            "result",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=True,
            comment="Assignment and unassigned, when done",
        ),
        sa.Column("total_score", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("assigned", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("started_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("finished_at", sa.TIMESTAMP(timezone=True), nullable=True),
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
            "status IN ('queued', 'running', 'succeeded', 'failed')",
            name=op.f("ck_cohort_assignments_status"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_cohort_assignments_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_cohort_assignments")),
    )
    op.create_index(
        "ix_cohort_assignments_keyset",
        "cohort_assignments",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "lenders",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("external_ref", sa.Text(), nullable=True, comment="The partner's own id"),
        sa.Column("sectors", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("countries", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("regions", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("products", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column(
            "funds",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="[{currency, available, min_amount, max_amount}] in minor units",
        ),
        sa.Column(
            "currencies", postgresql.ARRAY(sa.Text()), nullable=False, comment="Currencies of funds"
        ),
        sa.Column("gender_focus", sa.Text(), nullable=True),
        sa.Column("youth_focus", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("status", sa.Text(), server_default="active", nullable=False),
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
        sa.CheckConstraint("status IN ('active', 'inactive')", name=op.f("ck_lenders_status")),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_lenders_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_lenders")),
        sa.UniqueConstraint(
            "tenant_id", "external_ref", name=op.f("uq_lenders_tenant_id_external_ref")
        ),
    )
    op.create_index("ix_lenders_keyset", "lenders", ["tenant_id", "created_at", "id"], unique=False)
    op.create_table(
        "matching_settings",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("mentor_weights", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("lender_weights", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("require_shared_language", sa.Boolean(), nullable=False),
        sa.Column("require_same_country", sa.Boolean(), nullable=False),
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
            ["tenant_id"], ["tenants.id"], name=op.f("fk_matching_settings_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_matching_settings")),
        sa.UniqueConstraint("tenant_id", name=op.f("uq_matching_settings_tenant_id")),
    )
    op.create_index(
        "ix_matching_settings_keyset",
        "matching_settings",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "mentors",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column(
            "display_name", sa.Text(), nullable=False, comment="Shown to the network if shared"
        ),
        sa.Column("gender", sa.Text(), nullable=True),
        sa.Column(
            "topics", postgresql.ARRAY(sa.Text()), nullable=False, comment="Expertise (vocabulary)"
        ),
        sa.Column(
            "related_topics",
            postgresql.ARRAY(sa.Text()),
            nullable=False,
            comment="Neighbours of topics in the vocabulary (half credit); derived",
        ),
        sa.Column("sectors", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("stages", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("languages", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("country", sa.CHAR(length=2), nullable=False),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("time_zone", sa.Text(), nullable=True, comment="IANA name"),
        sa.Column(
            "utc_offset_minutes",
            sa.SmallInteger(),
            nullable=True,
            comment="Standard (non-DST) offset of time_zone; derived",
        ),
        sa.Column("max_mentees", sa.SmallInteger(), nullable=False),
        sa.Column(
            "active_mentees",
            sa.SmallInteger(),
            server_default="0",
            nullable=False,
            comment="Active matches; kept by trigger matches_mentor_load",
        ),
        sa.Column("status", sa.Text(), server_default="available", nullable=False),
        sa.Column("shared_to_network", sa.Boolean(), server_default="false", nullable=False),
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
        sa.CheckConstraint("status IN ('available', 'paused')", name=op.f("ck_mentors_status")),
        sa.CheckConstraint("active_mentees >= 0", name=op.f("ck_mentors_active_mentees")),
        sa.CheckConstraint("max_mentees BETWEEN 0 AND 100", name=op.f("ck_mentors_max_mentees")),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_mentors_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_mentors")),
    )
    op.create_index("ix_mentors_keyset", "mentors", ["tenant_id", "created_at", "id"], unique=False)
    op.create_index(
        "ix_mentors_network",
        "mentors",
        ["created_at", "id"],
        unique=False,
        postgresql_where=sa.text("shared_to_network"),
    )
    op.create_table(
        "matches",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("entrepreneur_id", sa.UUID(), nullable=False),
        sa.Column("mentor_tenant_id", sa.UUID(), nullable=False),
        sa.Column("mentor_id", sa.UUID(), nullable=False),
        sa.Column("status", sa.Text(), server_default="proposed", nullable=False),
        sa.Column(
            "score", sa.Numeric(precision=5, scale=2), nullable=True, comment="At proposal, 0-100"
        ),
        sa.Column(
            "breakdown",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=True,
            comment="Per-criterion parts at proposal",
        ),
        sa.Column("topics", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column(
            "mentee_summary",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="What the mentor's side may see of the entrepreneur",
        ),
        sa.Column(
            "proposed_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("accepted_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("declined_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("completed_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("decline_reason", sa.Text(), nullable=True),
        sa.Column("decline_note", sa.Text(), nullable=True),
        sa.Column(
            "declined_by", sa.Text(), nullable=True, comment="entrepreneur_side | mentor_side"
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
        sa.CheckConstraint(
            "status IN ('proposed', 'active', 'declined', 'completed')",
            name=op.f("ck_matches_status"),
        ),
        sa.ForeignKeyConstraint(
            ["mentor_tenant_id", "mentor_id"],
            ["mentors.tenant_id", "mentors.id"],
            name=op.f("fk_matches_mentor_tenant_id_mentor_id_mentors"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "entrepreneur_id"],
            ["entrepreneurs.tenant_id", "entrepreneurs.id"],
            name=op.f("fk_matches_tenant_id_entrepreneur_id_entrepreneurs"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_matches_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_matches")),
        sa.UniqueConstraint(
            "tenant_id",
            "id",
            "mentor_tenant_id",
            name=op.f("uq_matches_tenant_id_id_mentor_tenant_id"),
        ),
    )
    op.create_index(
        "ix_matches_entrepreneur",
        "matches",
        ["tenant_id", "entrepreneur_id", "status"],
        unique=False,
    )
    op.create_index("ix_matches_keyset", "matches", ["tenant_id", "created_at", "id"], unique=False)
    op.create_index(
        "ix_matches_mentor", "matches", ["mentor_tenant_id", "mentor_id", "status"], unique=False
    )
    op.create_index(
        "ix_matches_mentor_side_keyset",
        "matches",
        ["mentor_tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_matches_open_pair",
        "matches",
        ["tenant_id", "entrepreneur_id", "mentor_tenant_id", "mentor_id"],
        unique=True,
        postgresql_where=sa.text("status IN ('proposed', 'active')"),
    )
    op.create_table(
        "mentor_search_keys",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("mentor_id", sa.UUID(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column(
            "shared_to_network", sa.Boolean(), nullable=False, comment="Copy of the mentor's"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "mentor_id"],
            ["mentors.tenant_id", "mentors.id"],
            name=op.f("fk_mentor_search_keys_tenant_id_mentor_id_mentors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "tenant_id", "mentor_id", "key", name=op.f("pk_mentor_search_keys")
        ),
    )
    op.create_index(
        "ix_mentor_search_keys_key",
        "mentor_search_keys",
        ["key", "tenant_id", "mentor_id", "shared_to_network"],
        unique=False,
    )
    op.create_table(
        "mentoring_sessions",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("match_id", sa.UUID(), nullable=False),
        sa.Column("mentor_tenant_id", sa.UUID(), nullable=False, comment="The match's"),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.SmallInteger(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("topics", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("entrepreneur_rating", sa.SmallInteger(), nullable=True),
        sa.Column("mentor_rating", sa.SmallInteger(), nullable=True),
        sa.Column(
            "logged_by", sa.Text(), nullable=False, comment="entrepreneur_side | mentor_side"
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
        sa.CheckConstraint(
            "channel IN ('whatsapp', 'phone', 'in_person', 'video', 'sms', 'email', 'other')",
            name=op.f("ck_mentoring_sessions_channel"),
        ),
        sa.CheckConstraint(
            "entrepreneur_rating BETWEEN 1 AND 5",
            name=op.f("ck_mentoring_sessions_entrepreneur_rating"),
        ),
        sa.CheckConstraint(
            "mentor_rating BETWEEN 1 AND 5", name=op.f("ck_mentoring_sessions_mentor_rating")
        ),
        sa.CheckConstraint(
            "minutes BETWEEN 1 AND 1440", name=op.f("ck_mentoring_sessions_minutes")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "match_id", "mentor_tenant_id"],
            ["matches.tenant_id", "matches.id", "matches.mentor_tenant_id"],
            name=op.f("fk_mentoring_sessions_tenant_id_match_id_mentor_tenant_id_matches"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_mentoring_sessions_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_mentoring_sessions")),
    )
    op.create_index(
        "ix_mentoring_sessions_keyset",
        "mentoring_sessions",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_mentoring_sessions_match",
        "mentoring_sessions",
        ["tenant_id", "match_id", "created_at", "id"],
        unique=False,
    )
    for table in _TABLES:
        for statement in tenant_rls_sql(table):
            op.execute(statement)
    for statement in NETWORK_POLICIES:
        op.execute(statement)
    op.execute(LOAD_FUNCTION)
    op.execute(LOAD_TRIGGER_ON_MATCHES)


def downgrade() -> None:
    op.execute("DROP TRIGGER matches_mentor_load ON matches")
    op.execute("DROP FUNCTION matches_mentor_load()")
    op.drop_index("ix_mentoring_sessions_match", table_name="mentoring_sessions")
    op.drop_index("ix_mentoring_sessions_keyset", table_name="mentoring_sessions")
    op.drop_table("mentoring_sessions")
    op.drop_index("ix_mentor_search_keys_key", table_name="mentor_search_keys")
    op.drop_table("mentor_search_keys")
    op.drop_index(
        "ix_matches_open_pair",
        table_name="matches",
        postgresql_where=sa.text("status IN ('proposed', 'active')"),
    )
    op.drop_index("ix_matches_mentor_side_keyset", table_name="matches")
    op.drop_index("ix_matches_mentor", table_name="matches")
    op.drop_index("ix_matches_keyset", table_name="matches")
    op.drop_index("ix_matches_entrepreneur", table_name="matches")
    op.drop_table("matches")
    op.drop_index(
        "ix_mentors_network", table_name="mentors", postgresql_where=sa.text("shared_to_network")
    )
    op.drop_index("ix_mentors_keyset", table_name="mentors")
    op.drop_table("mentors")
    op.drop_index("ix_matching_settings_keyset", table_name="matching_settings")
    op.drop_table("matching_settings")
    op.drop_index("ix_lenders_keyset", table_name="lenders")
    op.drop_table("lenders")
    op.drop_index("ix_cohort_assignments_keyset", table_name="cohort_assignments")
    op.drop_table("cohort_assignments")
