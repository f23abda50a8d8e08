"""Loan tables. Products hold the terms every quote and loan is built from."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from platform_api.core.schema import tenant_table

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
