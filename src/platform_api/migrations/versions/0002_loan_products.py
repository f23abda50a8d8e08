"""loan products

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 14:41:44.997016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from platform_api.core.schema import tenant_rls_sql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "loan_products",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False, comment="individual | group"),
        sa.Column(
            "currency",
            sa.CHAR(length=3),
            nullable=False,
            comment="ISO 4217; amounts are minor units",
        ),
        sa.Column("interest_method", sa.Text(), nullable=False),
        sa.Column(
            "annual_rate",
            sa.Numeric(precision=12, scale=8),
            nullable=False,
            comment="0.18 = 18% a year",
        ),
        sa.Column("interest_calculation", sa.Text(), nullable=False),
        sa.Column("day_count", sa.Text(), nullable=False),
        sa.Column("repayment_every", sa.Integer(), nullable=False),
        sa.Column("repayment_unit", sa.Text(), nullable=False),
        sa.Column("min_principal", sa.BigInteger(), nullable=False),
        sa.Column("max_principal", sa.BigInteger(), nullable=False),
        sa.Column("default_principal", sa.BigInteger(), nullable=False),
        sa.Column("min_term", sa.Integer(), nullable=False, comment="Number of installments"),
        sa.Column("max_term", sa.Integer(), nullable=False),
        sa.Column("default_term", sa.Integer(), nullable=False),
        sa.Column("grace_on_principal", sa.Integer(), server_default="0", nullable=False),
        sa.Column("grace_on_interest_payment", sa.Integer(), server_default="0", nullable=False),
        sa.Column("grace_interest_free", sa.Integer(), server_default="0", nullable=False),
        sa.Column("upfront_fee_flat", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column(
            "upfront_fee_rate",
            sa.Numeric(precision=12, scale=8),
            server_default="0",
            nullable=False,
        ),
        sa.Column("upfront_fee_mode", sa.Text(), nullable=False),
        sa.Column("installment_fee", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("installment_multiple_of", sa.BigInteger(), nullable=True),
        sa.Column("allocation_order", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("arrears_tolerance_amount", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("arrears_tolerance_days", sa.Integer(), server_default="0", nullable=False),
        sa.Column("active", sa.Boolean(), server_default="true", nullable=False),
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
        sa.CheckConstraint("annual_rate >= 0", name=op.f("ck_loan_products_annual_rate")),
        sa.CheckConstraint(
            "min_principal <= default_principal AND default_principal <= max_principal",
            name=op.f("ck_loan_products_principal_limits"),
        ),
        sa.CheckConstraint(
            "min_term <= default_term AND default_term <= max_term",
            name=op.f("ck_loan_products_term_limits"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_loan_products_tenant_id_tenants")
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_loan_products")),
        sa.UniqueConstraint("tenant_id", "name", name=op.f("uq_loan_products_tenant_id_name")),
    )
    op.create_index(
        "ix_loan_products_active",
        "loan_products",
        ["tenant_id", "active", "created_at", "id"],
        unique=False,
    )
    op.create_index(
        "ix_loan_products_keyset", "loan_products", ["tenant_id", "created_at", "id"], unique=False
    )
    for statement in tenant_rls_sql("loan_products"):
        op.execute(statement)


def downgrade() -> None:
    op.drop_index("ix_loan_products_keyset", table_name="loan_products")
    op.drop_index("ix_loan_products_active", table_name="loan_products")
    op.drop_table("loan_products")
