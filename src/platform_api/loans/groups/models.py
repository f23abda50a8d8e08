"""Group (joint-liability) loan tables. A group application holds one ordinary loan
application per member, decided and disbursed together; group repayments are split into
ordinary repayments of the members' loans, the split kept with the group's record."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB, UUID

from platform_api.core.schema import tenant_fk, tenant_table

loan_groups = tenant_table(
    "loan_groups",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("leader_entrepreneur_id", UUID(as_uuid=True), nullable=False),
    sa.Column("repayment_split", sa.Text, nullable=False, comment="pro_rata_due | equal"),
    tenant_fk("leader_entrepreneur_id", "entrepreneurs"),
)

loan_group_members = tenant_table(
    "loan_group_members",
    sa.Column("group_id", UUID(as_uuid=True), nullable=False),
    sa.Column("entrepreneur_id", UUID(as_uuid=True), nullable=False),
    tenant_fk("group_id", "loan_groups"),
    tenant_fk("entrepreneur_id", "entrepreneurs"),
    sa.UniqueConstraint("tenant_id", "group_id", "entrepreneur_id"),
    append_only=True,
)

group_loan_applications = tenant_table(
    "group_loan_applications",
    sa.Column("group_id", UUID(as_uuid=True), nullable=False),
    sa.Column("product_id", UUID(as_uuid=True), nullable=False),
    sa.Column("status", sa.Text, nullable=False, comment="As its member applications"),
    tenant_fk("group_id", "loan_groups"),
    tenant_fk("product_id", "loan_products"),
    sa.Index("ix_group_loan_applications_group", "tenant_id", "group_id", "created_at", "id"),
)

group_loan_application_members = tenant_table(
    "group_loan_application_members",
    sa.Column("group_application_id", UUID(as_uuid=True), nullable=False),
    sa.Column("application_id", UUID(as_uuid=True), nullable=False),
    sa.Column("entrepreneur_id", UUID(as_uuid=True), nullable=False),
    tenant_fk("group_application_id", "group_loan_applications"),
    tenant_fk("application_id", "loan_applications"),
    sa.UniqueConstraint("tenant_id", "application_id"),
    sa.UniqueConstraint("tenant_id", "group_application_id", "entrepreneur_id"),
    append_only=True,
)

loan_group_repayments = tenant_table(
    "loan_group_repayments",
    sa.Column("group_id", UUID(as_uuid=True), nullable=False),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.CHAR(3), nullable=False),
    sa.Column("paid_on", sa.Date, nullable=False),
    sa.Column("channel", sa.Text, nullable=False),
    sa.Column("external_reference", sa.Text, nullable=True),
    sa.Column("split_rule", sa.Text, nullable=False),
    sa.Column("parts", JSONB, nullable=False, comment="[{loan_id, repayment_id, amount}]"),
    tenant_fk("group_id", "loan_groups"),
    sa.CheckConstraint("amount > 0", name="amount"),
    sa.Index("ix_loan_group_repayments_group", "tenant_id", "group_id", "created_at", "id"),
    append_only=True,
)
