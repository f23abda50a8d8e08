"""Social underwriting and crowd-funding tables: trustees and their endorsements of
applications, a product's endorsement rule, and lenders' funding commitments. What each
funder gets back is never stored: it is derived from the loan's repayments when read."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from platform_api.core.schema import tenant_fk, tenant_table

trustees = tenant_table(
    "trustees",
    sa.Column("name", sa.Text, nullable=False, comment="A named person or organisation"),
    sa.Column("kind", sa.Text, nullable=False, comment="person | organisation"),
    sa.Column("external_ref", sa.Text, nullable=True, comment="The partner's own id"),
    sa.CheckConstraint("kind IN ('person', 'organisation')", name="kind"),
    sa.UniqueConstraint("tenant_id", "external_ref"),
)

loan_endorsements = tenant_table(
    "loan_endorsements",
    sa.Column("application_id", UUID(as_uuid=True), nullable=False),
    sa.Column("trustee_id", UUID(as_uuid=True), nullable=False),
    sa.Column("relationship", sa.Text, nullable=False),
    sa.Column("years_known", sa.SmallInteger, nullable=False),
    sa.Column("statement", sa.Text, nullable=False),
    tenant_fk("application_id", "loan_applications"),
    tenant_fk("trustee_id", "trustees"),
    sa.UniqueConstraint("tenant_id", "application_id", "trustee_id"),
    sa.Index("ix_loan_endorsements_trustee", "tenant_id", "trustee_id"),
    append_only=True,
)

endorsement_rules = tenant_table(
    "endorsement_rules",
    sa.Column("product_id", UUID(as_uuid=True), nullable=False),
    sa.Column("required_endorsements", sa.SmallInteger, nullable=False),
    tenant_fk("product_id", "loan_products"),
    sa.UniqueConstraint("tenant_id", "product_id"),
    sa.CheckConstraint("required_endorsements >= 0", name="required_endorsements"),
)

loan_funding_commitments = tenant_table(
    "loan_funding_commitments",
    sa.Column("application_id", UUID(as_uuid=True), nullable=False),
    sa.Column("lender_id", UUID(as_uuid=True), nullable=True, comment="NULL: the tenant's top-up"),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.CHAR(3), nullable=False),
    tenant_fk("application_id", "loan_applications"),
    tenant_fk("lender_id", "lenders"),
    sa.UniqueConstraint("tenant_id", "application_id", "lender_id"),
    sa.CheckConstraint("amount > 0", name="amount"),
    sa.Index("ix_loan_funding_commitments_lender", "tenant_id", "lender_id", "created_at", "id"),
    sa.Index("ix_loan_funding_commitments_application", "tenant_id", "application_id"),
    append_only=True,
)
