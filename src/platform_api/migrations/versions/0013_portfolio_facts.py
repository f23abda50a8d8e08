"""portfolio report facts: per-loan stamps and day-by-day events, monthly sums

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 00:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from platform_api.core.schema import tenant_rls_sql

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# A copy, not an import: a migration must not change when the code does.
MEASURES = (
    ("loans_outstanding", sa.Integer),
    ("principal_outstanding", sa.BigInteger),
    ("loans_par30", sa.Integer),
    ("principal_par30", sa.BigInteger),
    ("loans_disbursed", sa.Integer),
    ("amount_disbursed", sa.BigInteger),
    ("loans_written_off", sa.Integer),
    ("principal_written_off", sa.BigInteger),
    ("installments_due", sa.Integer),
    ("amount_due", sa.BigInteger),
    ("amount_paid_on_time", sa.BigInteger),
    ("loans_due", sa.Integer),
    ("loans_paid_on_time", sa.Integer),
)
TABLES = (
    "report_loan_stamps",
    "report_borrower_stamps",
    "report_loan_events",
    "report_portfolio_months",
)


def _cell_and_measures() -> list[sa.Column[Any]]:
    return [
        sa.Column("currency", sa.CHAR(length=3), nullable=False),
        sa.Column("gender", sa.Text(), nullable=True, comment="The borrower's, as stamped"),
        sa.Column("birth_year", sa.SmallInteger(), nullable=True, comment="The borrower's"),
        *(sa.Column(name, kind(), nullable=False) for name, kind in MEASURES),
    ]


def upgrade() -> None:
    op.create_table(
        "report_loan_stamps",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("loan_id", sa.UUID(), nullable=False),
        sa.Column("stamp", sa.BigInteger(), nullable=False, comment="xmin of the loan row"),
        sa.PrimaryKeyConstraint("tenant_id", "loan_id", name=op.f("pk_report_loan_stamps")),
    )
    op.create_table(
        "report_borrower_stamps",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("entrepreneur_id", sa.UUID(), nullable=False),
        sa.Column("gender", sa.Text(), nullable=True),
        sa.Column("birth_year", sa.SmallInteger(), nullable=True),
        sa.PrimaryKeyConstraint(
            "tenant_id", "entrepreneur_id", name=op.f("pk_report_borrower_stamps")
        ),
    )
    op.create_table(
        "report_loan_events",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("loan_id", sa.UUID(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        *_cell_and_measures(),
        sa.PrimaryKeyConstraint("tenant_id", "loan_id", "day", name=op.f("pk_report_loan_events")),
    )
    op.create_index(
        "ix_report_loan_events_day", "report_loan_events", ["tenant_id", "day"], unique=False
    )
    op.create_table(
        "report_portfolio_months",
        sa.Column("tenant_id", sa.UUID(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False, comment="First day"),
        *_cell_and_measures(),
    )
    op.create_index(
        "ix_report_portfolio_months_cell",
        "report_portfolio_months",
        ["tenant_id", "month", "currency", "gender", "birth_year"],
        unique=True,
        postgresql_nulls_not_distinct=True,
    )
    for table in TABLES:
        for statement in tenant_rls_sql(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
