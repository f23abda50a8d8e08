"""Matching tables. Cross-tenant reads are granted by extra row-level security policies
written in migration 0006 (see `NETWORK_POLICIES` there), never by switching RLS off:

* `mentors` and `mentor_search_keys`: rows of a mentor shared to the network are
  readable (not writable) by every tenant. A mentor row therefore holds only what the
  mentor agreed to show the network: no contact details, no partner references.
* `matches` and `mentoring_sessions` belong to the entrepreneur's tenant; the mentor's
  tenant may read and update a match of its mentor and log its sessions. The mentor's
  side reads the entrepreneur through `mentee_summary` only (copied at proposal, with
  the entrepreneur's network consent), never the entrepreneur's row.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from platform_api.core.schema import TENANT_TABLES, metadata, tenant_fk, tenant_table

mentors = tenant_table(
    "mentors",
    sa.Column("display_name", sa.Text, nullable=False, comment="Shown to the network if shared"),
    sa.Column("gender", sa.Text, nullable=True),
    sa.Column("topics", ARRAY(sa.Text), nullable=False, comment="Expertise (vocabulary)"),
    sa.Column(
        "related_topics",
        ARRAY(sa.Text),
        nullable=False,
        comment="Neighbours of topics in the vocabulary (half credit); derived",
    ),
    sa.Column("sectors", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("stages", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("languages", ARRAY(sa.Text), nullable=False),
    sa.Column("country", sa.CHAR(2), nullable=False),
    sa.Column("region", sa.Text, nullable=True),
    sa.Column("time_zone", sa.Text, nullable=True, comment="IANA name"),
    sa.Column(
        "utc_offset_minutes",
        sa.SmallInteger,
        nullable=True,
        comment="Standard (non-DST) offset of time_zone; derived",
    ),
    sa.Column("max_mentees", sa.SmallInteger, nullable=False),
    sa.Column(
        "active_mentees",
        sa.SmallInteger,
        nullable=False,
        server_default="0",
        comment="Active matches; kept by trigger matches_mentor_load",
    ),
    sa.Column("status", sa.Text, nullable=False, server_default="available"),
    sa.Column("shared_to_network", sa.Boolean, nullable=False, server_default="false"),
    sa.CheckConstraint("status IN ('available', 'paused')", name="status"),
    sa.CheckConstraint("max_mentees BETWEEN 0 AND 100", name="max_mentees"),
    sa.CheckConstraint("active_mentees >= 0", name="active_mentees"),
    sa.Index(
        "ix_mentors_network",
        "created_at",
        "id",
        postgresql_where=sa.text("shared_to_network"),
    ),
)

#: One row per (mentor, key) of `scoring.mentor_search_keys`: the B-tree the
#: recommendation tiers start from, with the mentor's stages and location (kept with its
#: keys) so that a candidate's bound includes them.
mentor_search_keys = sa.Table(
    "mentor_search_keys",
    metadata,
    sa.Column("tenant_id", UUID(as_uuid=True), nullable=False),
    sa.Column("mentor_id", UUID(as_uuid=True), nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("shared_to_network", sa.Boolean, nullable=False, comment="Copy of the mentor's"),
    sa.Column("stages", ARRAY(sa.Text), nullable=False, comment="Copy of the mentor's"),
    sa.Column("country", sa.CHAR(2), nullable=False, comment="Copy of the mentor's"),
    sa.Column("region", sa.Text, comment="Copy of the mentor's"),
    sa.Column("utc_offset_minutes", sa.SmallInteger, comment="Copy of the mentor's"),
    sa.PrimaryKeyConstraint("tenant_id", "mentor_id", "key"),
    sa.ForeignKeyConstraint(
        ["tenant_id", "mentor_id"], ["mentors.tenant_id", "mentors.id"], ondelete="CASCADE"
    ),
    # Covering: a candidate's bound (stage and location included) is read from the index.
    sa.Index(
        "ix_mentor_search_keys_key",
        "key",
        "tenant_id",
        "mentor_id",
        "shared_to_network",
        postgresql_include=["stages", "country", "region", "utc_offset_minutes"],
    ),
)
TENANT_TABLES.append("mentor_search_keys")

lenders = tenant_table(
    "lenders",
    sa.Column("display_name", sa.Text, nullable=False),
    sa.Column("external_ref", sa.Text, nullable=True, comment="The partner's own id"),
    sa.Column("sectors", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("countries", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("regions", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("products", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column(
        "funds",
        JSONB,
        nullable=False,
        comment="[{currency, available, min_amount, max_amount}] in minor units",
    ),
    sa.Column("currencies", ARRAY(sa.Text), nullable=False, comment="Currencies of funds"),
    sa.Column("gender_focus", sa.Text, nullable=True),
    sa.Column("youth_focus", sa.Boolean, nullable=False, server_default="false"),
    sa.Column("status", sa.Text, nullable=False, server_default="active"),
    sa.CheckConstraint("status IN ('active', 'inactive')", name="status"),
    sa.UniqueConstraint("tenant_id", "external_ref"),
)

matching_settings = tenant_table(
    "matching_settings",
    sa.Column("mentor_weights", JSONB, nullable=False),
    sa.Column("lender_weights", JSONB, nullable=False),
    sa.Column("require_shared_language", sa.Boolean, nullable=False),
    sa.Column("require_same_country", sa.Boolean, nullable=False),
    sa.UniqueConstraint("tenant_id"),
)

matches = tenant_table(
    "matches",
    sa.Column("entrepreneur_id", UUID(as_uuid=True), nullable=False),
    sa.Column("mentor_tenant_id", UUID(as_uuid=True), nullable=False),
    sa.Column("mentor_id", UUID(as_uuid=True), nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default="proposed"),
    sa.Column("score", sa.Numeric(5, 2), nullable=True, comment="At proposal, 0-100"),
    sa.Column("breakdown", JSONB, nullable=True, comment="Per-criterion parts at proposal"),
    sa.Column("topics", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column(
        "mentee_summary",
        JSONB,
        nullable=False,
        comment="What the mentor's side may see of the entrepreneur",
    ),
    sa.Column(
        "proposed_at", sa.TIMESTAMP(timezone=True), nullable=False, server_default=sa.func.now()
    ),
    sa.Column("accepted_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("declined_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("completed_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("decline_reason", sa.Text, nullable=True),
    sa.Column("decline_note", sa.Text, nullable=True),
    sa.Column("declined_by", sa.Text, nullable=True, comment="entrepreneur_side | mentor_side"),
    sa.CheckConstraint("status IN ('proposed', 'active', 'declined', 'completed')", name="status"),
    tenant_fk("entrepreneur_id", "entrepreneurs"),
    sa.ForeignKeyConstraint(["mentor_tenant_id", "mentor_id"], ["mentors.tenant_id", "mentors.id"]),
    sa.UniqueConstraint("tenant_id", "id", "mentor_tenant_id"),
    sa.Index(
        "ix_matches_open_pair",
        "tenant_id",
        "entrepreneur_id",
        "mentor_tenant_id",
        "mentor_id",
        unique=True,
        postgresql_where=sa.text("status IN ('proposed', 'active')"),
    ),
    sa.Index("ix_matches_entrepreneur", "tenant_id", "entrepreneur_id", "status"),
    sa.Index("ix_matches_mentor", "mentor_tenant_id", "mentor_id", "status"),
    sa.Index("ix_matches_mentor_side_keyset", "mentor_tenant_id", "created_at", "id"),
)

mentoring_sessions = tenant_table(
    "mentoring_sessions",
    sa.Column("match_id", UUID(as_uuid=True), nullable=False),
    sa.Column("mentor_tenant_id", UUID(as_uuid=True), nullable=False, comment="The match's"),
    sa.Column("held_on", sa.Date, nullable=False),
    sa.Column("minutes", sa.SmallInteger, nullable=False),
    sa.Column("channel", sa.Text, nullable=False),
    sa.Column("topics", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("entrepreneur_rating", sa.SmallInteger, nullable=True),
    sa.Column("mentor_rating", sa.SmallInteger, nullable=True),
    sa.Column("logged_by", sa.Text, nullable=False, comment="entrepreneur_side | mentor_side"),
    sa.CheckConstraint("minutes BETWEEN 1 AND 1440", name="minutes"),
    sa.CheckConstraint(
        "channel IN ('whatsapp', 'phone', 'in_person', 'video', 'sms', 'email', 'other')",
        name="channel",
    ),
    sa.CheckConstraint("entrepreneur_rating BETWEEN 1 AND 5", name="entrepreneur_rating"),
    sa.CheckConstraint("mentor_rating BETWEEN 1 AND 5", name="mentor_rating"),
    sa.ForeignKeyConstraint(
        ["tenant_id", "match_id", "mentor_tenant_id"],
        ["matches.tenant_id", "matches.id", "matches.mentor_tenant_id"],
    ),
    sa.Index("ix_mentoring_sessions_match", "tenant_id", "match_id", "created_at", "id"),
    append_only=True,
)

cohort_assignments = tenant_table(
    "cohort_assignments",
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("mode", sa.Text, nullable=False),
    sa.Column("request", JSONB, nullable=False),
    sa.Column("entrepreneurs", sa.Integer, nullable=False),
    sa.Column("mentors", sa.Integer, nullable=False),
    sa.Column("result", JSONB, nullable=True, comment="Assignment and unassigned, when done"),
    sa.Column("total_score", sa.Numeric(12, 2), nullable=True),
    sa.Column("assigned", sa.Integer, nullable=True),
    sa.Column("error", sa.Text, nullable=True),
    sa.Column("started_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("finished_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'succeeded', 'failed')", name="status"),
)
