"""Entrepreneurs: the first tenant-owned table, and the shape the others copy."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from platform_api.core.schema import tenant_table

#: The personal fields are stored encrypted (`entrepreneurs.service.SEALED`).
SEALED_COMMENT = "Personal: AES-256-GCM ciphertext (core/crypto.py); erased on anonymise"

entrepreneurs = tenant_table(
    "entrepreneurs",
    sa.Column("external_ref", sa.Text, nullable=True, comment="The partner's own id"),
    sa.Column("full_name", sa.LargeBinary, nullable=True, comment=SEALED_COMMENT),
    sa.Column("phone", sa.LargeBinary, nullable=True, comment=SEALED_COMMENT),
    sa.Column("email", sa.LargeBinary, nullable=True, comment=SEALED_COMMENT),
    sa.Column("gender", sa.Text, nullable=True),
    sa.Column("birth_year", sa.SmallInteger, nullable=True),
    sa.Column("country", sa.CHAR(2), nullable=False),
    sa.Column("region", sa.Text, nullable=True),
    sa.Column("languages", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("business_name", sa.Text, nullable=True),
    sa.Column("sector", sa.Text, nullable=True),
    sa.Column("stage", sa.Text, nullable=True),
    sa.Column("needs", ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("consent_data_processing", sa.Boolean, nullable=False, server_default="false"),
    sa.Column("consent_network_sharing", sa.Boolean, nullable=False, server_default="false"),
    sa.Column("status", sa.Text, nullable=False, server_default="active"),
    sa.Column("anonymised_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('active', 'anonymised')", name="status"),
    sa.UniqueConstraint("tenant_id", "external_ref"),
    sa.Index("ix_entrepreneurs_sector", "tenant_id", "sector", "created_at", "id"),
    sa.Index("ix_entrepreneurs_country", "tenant_id", "country", "created_at", "id"),
)
