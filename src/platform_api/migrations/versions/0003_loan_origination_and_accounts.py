"""loan origination and accounts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 16:29:15.585518
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from platform_api.core.schema import tenant_rls_sql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox_events",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False, comment="e.g. loan.disbursed"),
        sa.Column("subject_id", sa.UUID(), nullable=False, comment="What it is about"),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("published_at", sa.TIMESTAMP(timezone=True), nullable=True),
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
            ["tenant_id"], ["tenants.id"], name=op.f("fk_outbox_events_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_outbox_events")),
    )
    op.create_index(
        "ix_outbox_events_keyset", "outbox_events", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_outbox_events_unpublished",
        "outbox_events",
        ["tenant_id", "created_at"],
        unique=False,
        postgresql_where=sa.text("published_at IS NULL"),
    )
    op.create_table(
        "loan_applications",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("entrepreneur_id", sa.UUID(), nullable=False),
        sa.Column("product_id", sa.UUID(), nullable=False),
        sa.Column("currency", sa.CHAR(length=3), nullable=False, comment="The product's currency"),
        sa.Column("requested_amount", sa.BigInteger(), nullable=False),
        sa.Column("requested_term", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("monthly_revenue", sa.BigInteger(), nullable=False),
        sa.Column("monthly_expenses", sa.BigInteger(), nullable=False),
        sa.Column("existing_debt_payments", sa.BigInteger(), nullable=False),
        sa.Column(
            "documents",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="[{name, received}]",
        ),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column(
            "underwriting",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=True,
            comment="Computed on submit",
        ),
        sa.Column("submitted_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("submitted_by", sa.UUID(), nullable=True),
        sa.Column("approved_amount", sa.BigInteger(), nullable=True),
        sa.Column("approved_term", sa.Integer(), nullable=True),
        sa.Column(
            "approved_terms",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=True,
            comment="Product terms frozen at approval",
        ),
        sa.Column("decided_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("decided_by", sa.UUID(), nullable=True),
        sa.Column("decline_reason", sa.Text(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("loan_id", sa.UUID(), nullable=True),
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
            "status IN ('draft', 'submitted', 'approved', 'declined', 'withdrawn', 'disbursed')",
            name=op.f("ck_loan_applications_status"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "entrepreneur_id"],
            ["entrepreneurs.tenant_id", "entrepreneurs.id"],
            name=op.f("fk_loan_applications_tenant_id_entrepreneur_id_entrepreneurs"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "product_id"],
            ["loan_products.tenant_id", "loan_products.id"],
            name=op.f("fk_loan_applications_tenant_id_product_id_loan_products"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_loan_applications_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_applications")),
    )
    op.create_index(
        "ix_loan_applications_entrepreneur",
        "loan_applications",
        ["tenant_id", "entrepreneur_id", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_loan_applications_keyset",
        "loan_applications",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_loan_applications_status",
        "loan_applications",
        ["tenant_id", "status", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "loan_application_transitions",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("application_id", sa.UUID(), nullable=False),
        sa.Column("from_status", sa.Text(), nullable=True, comment="NULL when created"),
        sa.Column("to_status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.TIMESTAMP(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_by", sa.UUID(), nullable=True, comment="API client that created the row"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["loan_applications.tenant_id", "loan_applications.id"],
            name=op.f("fk_loan_application_transitions_tenant_id_application_id_loan_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_loan_application_transitions_tenant_id_tenants"),
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_application_transitions")),
    )
    op.create_index(
        "ix_loan_application_transitions_application",
        "loan_application_transitions",
        ["tenant_id", "application_id"],
        unique=False,
    )
    op.create_index(
        "ix_loan_application_transitions_keyset",
        "loan_application_transitions",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "loans",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("application_id", sa.UUID(), nullable=False),
        sa.Column("entrepreneur_id", sa.UUID(), nullable=False),
        sa.Column("product_id", sa.UUID(), nullable=False),
        sa.Column("currency", sa.CHAR(length=3), nullable=False),
        sa.Column("principal", sa.BigInteger(), nullable=False),
        sa.Column("term", sa.Integer(), nullable=False),
        sa.Column("interest_method", sa.Text(), nullable=False),
        sa.Column("annual_rate", sa.Numeric(precision=12, scale=8), nullable=False),
        sa.Column("apr", sa.Numeric(precision=16, scale=6), nullable=False),
        sa.Column("eir", sa.Numeric(precision=16, scale=6), nullable=False),
        sa.Column("disbursement_date", sa.Date(), nullable=False),
        sa.Column("maturity_date", sa.Date(), nullable=False),
        sa.Column("upfront_fee", sa.BigInteger(), nullable=False),
        sa.Column("net_disbursed", sa.BigInteger(), nullable=False),
        sa.Column("total_interest", sa.BigInteger(), nullable=False, comment="Scheduled"),
        sa.Column(
            "total_fees", sa.BigInteger(), nullable=False, comment="Scheduled installment fees"
        ),
        sa.Column("allocation_order", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("arrears_tolerance_amount", sa.BigInteger(), nullable=False),
        sa.Column("arrears_tolerance_days", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), server_default="active", nullable=False),
        sa.Column("principal_paid", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("interest_paid", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("fees_paid", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("overpaid", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("principal_written_off", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("interest_written_off", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("fees_written_off", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column(
            "behind_since",
            sa.Date(),
            nullable=True,
            comment="Due date of the oldest installment unpaid beyond the tolerance amount",
        ),
        sa.Column("repayments_posted", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "overdue_announced_through",
            sa.Integer(),
            server_default="0",
            nullable=False,
            comment="Last installment an installment.overdue event was emitted for",
        ),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("written_off_on", sa.Date(), nullable=True),
        sa.Column("write_off_reason", sa.Text(), nullable=True),
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
            "status IN ('active', 'closed', 'written_off')", name=op.f("ck_loans_status")
        ),
        sa.CheckConstraint(
            "principal_paid >= 0 AND interest_paid >= 0 AND fees_paid >= 0 AND overpaid >= 0 "
            "AND principal_paid + principal_written_off <= principal",
            name=op.f("ck_loans_balances"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "application_id"],
            ["loan_applications.tenant_id", "loan_applications.id"],
            name=op.f("fk_loans_tenant_id_application_id_loan_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "entrepreneur_id"],
            ["entrepreneurs.tenant_id", "entrepreneurs.id"],
            name=op.f("fk_loans_tenant_id_entrepreneur_id_entrepreneurs"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "product_id"],
            ["loan_products.tenant_id", "loan_products.id"],
            name=op.f("fk_loans_tenant_id_product_id_loan_products"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_loans_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loans")),
        sa.UniqueConstraint(
            "tenant_id", "application_id", name=op.f("uq_loans_tenant_id_application_id")
        ),
    )
    op.create_index(
        "ix_loans_entrepreneur",
        "loans",
        ["tenant_id", "entrepreneur_id", "created_at"],
        unique=False,
    )
    op.create_index("ix_loans_keyset", "loans", ["tenant_id", "created_at", "id"], unique=False)
    op.create_index(
        "ix_loans_portfolio",
        "loans",
        ["tenant_id", "status"],
        unique=False,
        postgresql_include=["currency", "arrears_tolerance_days", "disbursement_date"],
    )
    op.create_index(
        "ix_loans_status", "loans", ["tenant_id", "status", "created_at", "id"], unique=False
    )
    op.create_table(
        "loan_installments",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("loan_id", sa.UUID(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("principal", sa.BigInteger(), nullable=False, comment="Scheduled"),
        sa.Column("interest", sa.BigInteger(), nullable=False, comment="Scheduled"),
        sa.Column("fees", sa.BigInteger(), nullable=False, comment="Scheduled"),
        sa.Column("principal_paid", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("interest_paid", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("fees_paid", sa.BigInteger(), server_default="0", nullable=False),
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
            "principal_paid BETWEEN 0 AND principal AND interest_paid BETWEEN 0 AND interest "
            "AND fees_paid BETWEEN 0 AND fees",
            name=op.f("ck_loan_installments_paid_within_due"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "loan_id"],
            ["loans.tenant_id", "loans.id"],
            name=op.f("fk_loan_installments_tenant_id_loan_id_loans"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_loan_installments_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_installments")),
        sa.UniqueConstraint(
            "tenant_id",
            "loan_id",
            "number",
            name=op.f("uq_loan_installments_tenant_id_loan_id_number"),
        ),
    )
    op.create_index(
        "ix_loan_installments_keyset",
        "loan_installments",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_table(
        "loan_repayments",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("loan_id", sa.UUID(), nullable=False),
        sa.Column(
            "sequence", sa.Integer(), nullable=False, comment="Posting order within the loan"
        ),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("external_reference", sa.Text(), nullable=True, comment="e.g. an M-Pesa receipt"),
        sa.Column("status", sa.Text(), server_default="posted", nullable=False),
        sa.Column("principal", sa.BigInteger(), nullable=False),
        sa.Column("interest", sa.BigInteger(), nullable=False),
        sa.Column("fees", sa.BigInteger(), nullable=False),
        sa.Column("overpayment", sa.BigInteger(), nullable=False),
        sa.Column("reversed_at", sa.TIMESTAMP(timezone=True), nullable=True),
        sa.Column("reversed_by", sa.UUID(), nullable=True),
        sa.Column("reversal_reason", sa.Text(), nullable=True),
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
            "status IN ('posted', 'reversed')", name=op.f("ck_loan_repayments_status")
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_loan_repayments_amount")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "loan_id"],
            ["loans.tenant_id", "loans.id"],
            name=op.f("fk_loan_repayments_tenant_id_loan_id_loans"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_loan_repayments_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_repayments")),
        sa.UniqueConstraint(
            "tenant_id",
            "loan_id",
            "sequence",
            name=op.f("uq_loan_repayments_tenant_id_loan_id_sequence"),
        ),
    )
    op.create_index(
        "ix_loan_repayments_keyset",
        "loan_repayments",
        ["tenant_id", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_loan_repayments_reference",
        "loan_repayments",
        ["tenant_id", "channel", "external_reference"],
        unique=True,
        postgresql_where=sa.text("external_reference IS NOT NULL AND status = 'posted'"),
    )
    op.create_table(
        "loan_postings",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("loan_id", sa.UUID(), nullable=False),
        sa.Column("repayment_id", sa.UUID(), nullable=True),
        sa.Column("installment", sa.Integer(), nullable=True, comment="NULL for an overpayment"),
        sa.Column(
            "target", sa.Text(), nullable=False, comment="fees | interest | principal | overpayment"
        ),
        sa.Column(
            "kind",
            sa.Text(),
            nullable=False,
            comment="repayment | reversal | reallocation | write_off",
        ),
        sa.Column(
            "amount", sa.BigInteger(), nullable=False, comment="Signed: reversals are negative"
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
        sa.ForeignKeyConstraint(
            ["tenant_id", "loan_id"],
            ["loans.tenant_id", "loans.id"],
            name=op.f("fk_loan_postings_tenant_id_loan_id_loans"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "repayment_id"],
            ["loan_repayments.tenant_id", "loan_repayments.id"],
            name=op.f("fk_loan_postings_tenant_id_repayment_id_loan_repayments"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_loan_postings_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_postings")),
    )
    op.create_index(
        "ix_loan_postings_keyset", "loan_postings", ["tenant_id", "created_at", "id"], unique=False
    )
    op.create_index(
        "ix_loan_postings_loan", "loan_postings", ["tenant_id", "loan_id"], unique=False
    )
    for table in (
        "outbox_events",
        "loan_applications",
        "loan_application_transitions",
        "loans",
        "loan_installments",
        "loan_repayments",
        "loan_postings",
    ):
        for statement in tenant_rls_sql(table):
            op.execute(statement)
    # Loans and installments are updated by every posting: room on each page keeps those
    # updates HOT (no index writes).
    for table in ("loans", "loan_installments"):
        op.execute(f"ALTER TABLE {table} SET (fillfactor = 80)")


def downgrade() -> None:
    op.drop_index("ix_loan_postings_loan", table_name="loan_postings")
    op.drop_index("ix_loan_postings_keyset", table_name="loan_postings")
    op.drop_table("loan_postings")
    op.drop_index(
        "ix_loan_repayments_reference",
        table_name="loan_repayments",
        postgresql_where=sa.text("external_reference IS NOT NULL AND status = 'posted'"),
    )
    op.drop_index("ix_loan_repayments_keyset", table_name="loan_repayments")
    op.drop_table("loan_repayments")
    op.drop_index("ix_loan_installments_keyset", table_name="loan_installments")
    op.drop_table("loan_installments")
    op.drop_index("ix_loans_status", table_name="loans")
    op.drop_index(
        "ix_loans_portfolio",
        table_name="loans",
        postgresql_include=["currency", "arrears_tolerance_days", "disbursement_date"],
    )
    op.drop_index("ix_loans_keyset", table_name="loans")
    op.drop_index("ix_loans_entrepreneur", table_name="loans")
    op.drop_table("loans")
    op.drop_index(
        "ix_loan_application_transitions_keyset", table_name="loan_application_transitions"
    )
    op.drop_index(
        "ix_loan_application_transitions_application", table_name="loan_application_transitions"
    )
    op.drop_table("loan_application_transitions")
    op.drop_index("ix_loan_applications_status", table_name="loan_applications")
    op.drop_index("ix_loan_applications_keyset", table_name="loan_applications")
    op.drop_index("ix_loan_applications_entrepreneur", table_name="loan_applications")
    op.drop_table("loan_applications")
    op.drop_index(
        "ix_outbox_events_unpublished",
        table_name="outbox_events",
        postgresql_where=sa.text("published_at IS NULL"),
    )
    op.drop_index("ix_outbox_events_keyset", table_name="outbox_events")
    op.drop_table("outbox_events")
