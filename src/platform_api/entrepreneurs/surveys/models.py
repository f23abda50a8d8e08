"""Outcome surveys: what an entrepreneur reported at joining (baseline) and later."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from platform_api.core.schema import tenant_fk, tenant_table

outcome_surveys = tenant_table(
    "outcome_surveys",
    sa.Column("entrepreneur_id", UUID(as_uuid=True), nullable=False),
    sa.Column("kind", sa.Text, nullable=False, comment="baseline | follow_up"),
    sa.Column("surveyed_on", sa.Date, nullable=False),
    sa.Column("earns_from_own_business", sa.Boolean, nullable=False),
    sa.Column("earns_from_gigs", sa.Boolean, nullable=False),
    sa.Column("revenue_band", sa.Text, nullable=True, comment="Monthly, USD equivalent"),
    sa.Column("employees", sa.Integer, nullable=True),
    tenant_fk("entrepreneur_id", "entrepreneurs"),
    sa.CheckConstraint("kind IN ('baseline', 'follow_up')", name="kind"),
    sa.CheckConstraint("employees >= 0", name="employees"),
    sa.Index("ix_outcome_surveys_entrepreneur", "tenant_id", "entrepreneur_id", "surveyed_on"),
    sa.Index(
        "ix_outcome_surveys_one_baseline",
        "tenant_id",
        "entrepreneur_id",
        unique=True,
        postgresql_where=sa.text("kind = 'baseline'"),
    ),
)
