"""Loan tables. Products hold the terms every quote and loan is built from; an
application becomes a loan whose schedule is frozen in `loan_installments`; postings
are the append-only ledger its balances reconcile with."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from platform_api.core.schema import tenant_fk, tenant_table

loan_products = tenant_table(
    "loan_products",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("description", sa.Text, nullable=True),
    sa.Column("kind", sa.Text, nullable=False, comment="individual | group"),
    sa.Column("currency", sa.CHAR(3), nullable=False, comment="ISO 4217; amounts are minor units"),
    sa.Column("interest_method", sa.Text, nullable=False),
    sa.Column("annual_rate", sa.Numeric(12, 8), nullable=False, comment="0.18 = 18% a year"),
    sa.Column("interest_calculation", sa.Text, nullable=False),
    sa.Column("day_count", sa.Text, nullable=False),
    sa.Column("repayment_every", sa.Integer, nullable=False),
    sa.Column("repayment_unit", sa.Text, nullable=False),
    sa.Column("min_principal", sa.BigInteger, nullable=False),
    sa.Column("max_principal", sa.BigInteger, nullable=False),
    sa.Column("default_principal", sa.BigInteger, nullable=False),
    sa.Column("min_term", sa.Integer, nullable=False, comment="Number of installments"),
    sa.Column("max_term", sa.Integer, nullable=False),
    sa.Column("default_term", sa.Integer, nullable=False),
    sa.Column("grace_on_principal", sa.Integer, nullable=False, server_default="0"),
    sa.Column("grace_on_interest_payment", sa.Integer, nullable=False, server_default="0"),
    sa.Column("grace_interest_free", sa.Integer, nullable=False, server_default="0"),
    sa.Column("upfront_fee_flat", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("upfront_fee_rate", sa.Numeric(12, 8), nullable=False, server_default="0"),
    sa.Column("upfront_fee_mode", sa.Text, nullable=False),
    sa.Column("installment_fee", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("installment_multiple_of", sa.BigInteger, nullable=True),
    sa.Column("allocation_order", ARRAY(sa.Text), nullable=False),
    sa.Column("arrears_tolerance_amount", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("arrears_tolerance_days", sa.Integer, nullable=False, server_default="0"),
    sa.Column("active", sa.Boolean, nullable=False, server_default="true"),
    # The API validates every rule with a clear message; these only guard the data.
    sa.CheckConstraint(
        "min_principal <= default_principal AND default_principal <= max_principal",
        name="principal_limits",
    ),
    sa.CheckConstraint("min_term <= default_term AND default_term <= max_term", name="term_limits"),
    sa.CheckConstraint("annual_rate >= 0", name="annual_rate"),
    sa.UniqueConstraint("tenant_id", "name"),
    sa.Index("ix_loan_products_active", "tenant_id", "active", "created_at", "id"),
)

_APPLICATION_STATES = "'draft', 'submitted', 'approved', 'declined', 'withdrawn', 'disbursed'"

loan_applications = tenant_table(
    "loan_applications",
    sa.Column("entrepreneur_id", UUID(as_uuid=True), nullable=False),
    sa.Column("product_id", UUID(as_uuid=True), nullable=False),
    sa.Column("currency", sa.CHAR(3), nullable=False, comment="The product's currency"),
    sa.Column("requested_amount", sa.BigInteger, nullable=False),
    sa.Column("requested_term", sa.Integer, nullable=False),
    sa.Column("purpose", sa.Text, nullable=True),
    sa.Column("monthly_revenue", sa.BigInteger, nullable=False),
    sa.Column("monthly_expenses", sa.BigInteger, nullable=False),
    sa.Column("existing_debt_payments", sa.BigInteger, nullable=False),
    sa.Column("documents", JSONB, nullable=False, comment="[{name, received}]"),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("underwriting", JSONB, nullable=True, comment="Computed on submit"),
    sa.Column("submitted_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("submitted_by", UUID(as_uuid=True), nullable=True),
    sa.Column("approved_amount", sa.BigInteger, nullable=True),
    sa.Column("approved_term", sa.Integer, nullable=True),
    sa.Column("approved_terms", JSONB, nullable=True, comment="Product terms frozen at approval"),
    sa.Column("decided_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("decided_by", UUID(as_uuid=True), nullable=True),
    sa.Column("decline_reason", sa.Text, nullable=True),
    sa.Column("decision_note", sa.Text, nullable=True),
    sa.Column("loan_id", UUID(as_uuid=True), nullable=True),
    tenant_fk("entrepreneur_id", "entrepreneurs"),
    tenant_fk("product_id", "loan_products"),
    sa.CheckConstraint(f"status IN ({_APPLICATION_STATES})", name="status"),
    sa.Index("ix_loan_applications_status", "tenant_id", "status", "created_at", "id"),
    sa.Index("ix_loan_applications_entrepreneur", "tenant_id", "entrepreneur_id", "created_at"),
)

loan_application_transitions = tenant_table(
    "loan_application_transitions",
    sa.Column("application_id", UUID(as_uuid=True), nullable=False),
    sa.Column("from_status", sa.Text, nullable=True, comment="NULL when created"),
    sa.Column("to_status", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=True),
    sa.Column("note", sa.Text, nullable=True),
    tenant_fk("application_id", "loan_applications"),
    sa.Index("ix_loan_application_transitions_application", "tenant_id", "application_id"),
    append_only=True,
)

loans = tenant_table(
    "loans",
    sa.Column("application_id", UUID(as_uuid=True), nullable=False),
    sa.Column("entrepreneur_id", UUID(as_uuid=True), nullable=False),
    sa.Column("product_id", UUID(as_uuid=True), nullable=False),
    sa.Column("currency", sa.CHAR(3), nullable=False),
    sa.Column("principal", sa.BigInteger, nullable=False),
    sa.Column("term", sa.Integer, nullable=False),
    sa.Column("interest_method", sa.Text, nullable=False),
    sa.Column("annual_rate", sa.Numeric(12, 8), nullable=False),
    sa.Column("apr", sa.Numeric(16, 6), nullable=False),
    sa.Column("eir", sa.Numeric(16, 6), nullable=False),
    sa.Column("disbursement_date", sa.Date, nullable=False),
    sa.Column("maturity_date", sa.Date, nullable=False),
    sa.Column("upfront_fee", sa.BigInteger, nullable=False),
    sa.Column("net_disbursed", sa.BigInteger, nullable=False),
    sa.Column("total_interest", sa.BigInteger, nullable=False, comment="Scheduled"),
    sa.Column("total_fees", sa.BigInteger, nullable=False, comment="Scheduled installment fees"),
    sa.Column("allocation_order", ARRAY(sa.Text), nullable=False),
    sa.Column("arrears_tolerance_amount", sa.BigInteger, nullable=False),
    sa.Column("arrears_tolerance_days", sa.Integer, nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default="active"),
    # Kept in step with loan_postings in the same transaction (they always reconcile).
    sa.Column("principal_paid", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("interest_paid", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("fees_paid", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("overpaid", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("principal_written_off", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("interest_written_off", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("fees_written_off", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column(
        "behind_since",
        sa.Date,
        nullable=True,
        comment="Due date of the oldest installment unpaid beyond the tolerance amount",
    ),
    sa.Column("repayments_posted", sa.Integer, nullable=False, server_default="0"),
    sa.Column(
        "overdue_announced_through",
        sa.Integer,
        nullable=False,
        server_default="0",
        comment="Last installment an installment.overdue event was emitted for",
    ),
    sa.Column("closed_on", sa.Date, nullable=True),
    sa.Column("written_off_on", sa.Date, nullable=True),
    sa.Column("write_off_reason", sa.Text, nullable=True),
    tenant_fk("application_id", "loan_applications"),
    tenant_fk("entrepreneur_id", "entrepreneurs"),
    tenant_fk("product_id", "loan_products"),
    sa.CheckConstraint("status IN ('active', 'closed', 'written_off')", name="status"),
    sa.CheckConstraint(
        "principal_paid >= 0 AND interest_paid >= 0 AND fees_paid >= 0 AND overpaid >= 0 "
        "AND principal_paid + principal_written_off <= principal",
        name="balances",
    ),
    sa.UniqueConstraint("tenant_id", "application_id"),
    sa.Index("ix_loans_status", "tenant_id", "status", "created_at", "id"),
    sa.Index("ix_loans_entrepreneur", "tenant_id", "entrepreneur_id", "created_at"),
    # Portfolio at risk finds the active loans by this index. The balances and arrears
    # date stay out of it: every posting changes them, and an indexed column would make
    # each of those row updates write to all six indexes (no HOT update).
    sa.Index(
        "ix_loans_portfolio",
        "tenant_id",
        "status",
        postgresql_include=["currency", "arrears_tolerance_days", "disbursement_date"],
    ),
)

loan_installments = tenant_table(
    "loan_installments",
    sa.Column("loan_id", UUID(as_uuid=True), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("due_date", sa.Date, nullable=False),
    sa.Column("principal", sa.BigInteger, nullable=False, comment="Scheduled"),
    sa.Column("interest", sa.BigInteger, nullable=False, comment="Scheduled"),
    sa.Column("fees", sa.BigInteger, nullable=False, comment="Scheduled"),
    sa.Column("principal_paid", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("interest_paid", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("fees_paid", sa.BigInteger, nullable=False, server_default="0"),
    tenant_fk("loan_id", "loans"),
    sa.UniqueConstraint("tenant_id", "loan_id", "number"),
    sa.CheckConstraint(
        "principal_paid BETWEEN 0 AND principal AND interest_paid BETWEEN 0 AND interest "
        "AND fees_paid BETWEEN 0 AND fees",
        name="paid_within_due",
    ),
)

loan_repayments = tenant_table(
    "loan_repayments",
    sa.Column("loan_id", UUID(as_uuid=True), nullable=False),
    sa.Column("sequence", sa.Integer, nullable=False, comment="Posting order within the loan"),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("paid_on", sa.Date, nullable=False),
    sa.Column("channel", sa.Text, nullable=False),
    sa.Column("external_reference", sa.Text, nullable=True, comment="e.g. an M-Pesa receipt"),
    sa.Column("status", sa.Text, nullable=False, server_default="posted"),
    # Where it currently stands allocated (changes when an earlier one is reversed).
    sa.Column("principal", sa.BigInteger, nullable=False),
    sa.Column("interest", sa.BigInteger, nullable=False),
    sa.Column("fees", sa.BigInteger, nullable=False),
    sa.Column("overpayment", sa.BigInteger, nullable=False),
    sa.Column("reversed_at", sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column("reversed_by", UUID(as_uuid=True), nullable=True),
    sa.Column("reversal_reason", sa.Text, nullable=True),
    tenant_fk("loan_id", "loans"),
    sa.CheckConstraint("amount > 0", name="amount"),
    sa.CheckConstraint("status IN ('posted', 'reversed')", name="status"),
    sa.UniqueConstraint("tenant_id", "loan_id", "sequence"),
    sa.Index(
        "ix_loan_repayments_reference",
        "tenant_id",
        "channel",
        "external_reference",
        unique=True,
        postgresql_where=sa.text("external_reference IS NOT NULL AND status = 'posted'"),
    ),
    references_tenants=False,  # its loan proves the tenant
)

loan_postings = tenant_table(
    "loan_postings",
    sa.Column("loan_id", UUID(as_uuid=True), nullable=False),
    sa.Column("repayment_id", UUID(as_uuid=True), nullable=True),
    sa.Column("installment", sa.Integer, nullable=True, comment="NULL for an overpayment"),
    sa.Column(
        "target", sa.Text, nullable=False, comment="fees | interest | principal | overpayment"
    ),
    sa.Column(
        "kind", sa.Text, nullable=False, comment="repayment | reversal | reallocation | write_off"
    ),
    sa.Column("amount", sa.BigInteger, nullable=False, comment="Signed: reversals are negative"),
    tenant_fk("loan_id", "loans"),
    tenant_fk("repayment_id", "loan_repayments"),
    sa.Index("ix_loan_postings_loan", "tenant_id", "loan_id"),
    append_only=True,
    references_tenants=False,  # its loan proves the tenant
    listed=False,  # read per loan (ix_loan_postings_loan), never listed on their own
)
