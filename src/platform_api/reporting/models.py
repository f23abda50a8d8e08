"""What the portfolio report reads instead of the ledger: facts derived from each loan
(see `reporting.portfolio`), kept per tenant under row-level security.

- `report_loan_stamps`: the loan row version (`xmin`) a loan's facts were derived from;
  a loan whose row differs is stale.
- `report_borrower_stamps`: the gender and birth year the facts of all of a borrower's
  loans were derived with; when the borrower's differ, all of those loans are stale.
- `report_loan_events`: each loan's day-by-day changes to every measure.
- `report_portfolio_months`: those changes summed per month and (currency, gender,
  birth year), so a balance on a month's last day is a sum over a few hundred rows.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from platform_api.core.schema import TENANT_TABLES, metadata

#: Every measure kept, in column order: stocks (as changes) first, then flows.
MEASURES: tuple[str, ...] = (
    "loans_outstanding",
    "principal_outstanding",
    "loans_par30",
    "principal_par30",
    "loans_disbursed",
    "amount_disbursed",
    "loans_written_off",
    "principal_written_off",
    "installments_due",
    "amount_due",
    "amount_paid_on_time",
    "loans_due",
    "loans_paid_on_time",
)
_COUNTS = {"loans_outstanding", "loans_par30", "loans_disbursed", "loans_written_off"}
_COUNTS |= {"installments_due", "loans_due", "loans_paid_on_time"}


def _measures() -> list[sa.Column[Any]]:
    return [
        sa.Column(name, sa.Integer if name in _COUNTS else sa.BigInteger, nullable=False)
        for name in MEASURES
    ]


def _cell() -> list[sa.Column[Any]]:
    return [
        sa.Column("currency", sa.CHAR(3), nullable=False),
        sa.Column("gender", sa.Text, nullable=True, comment="The borrower's, as stamped"),
        sa.Column("birth_year", sa.SmallInteger, nullable=True, comment="The borrower's"),
    ]


report_loan_stamps = sa.Table(
    "report_loan_stamps",
    metadata,
    sa.Column("tenant_id", UUID(as_uuid=True), nullable=False),
    sa.Column("loan_id", UUID(as_uuid=True), nullable=False),
    sa.Column("stamp", sa.BigInteger, nullable=False, comment="xmin of the loan row"),
    sa.PrimaryKeyConstraint("tenant_id", "loan_id"),
)

report_borrower_stamps = sa.Table(
    "report_borrower_stamps",
    metadata,
    sa.Column("tenant_id", UUID(as_uuid=True), nullable=False),
    sa.Column("entrepreneur_id", UUID(as_uuid=True), nullable=False),
    sa.Column("gender", sa.Text, nullable=True),
    sa.Column("birth_year", sa.SmallInteger, nullable=True),
    sa.PrimaryKeyConstraint("tenant_id", "entrepreneur_id"),
)

report_loan_events = sa.Table(
    "report_loan_events",
    metadata,
    sa.Column("tenant_id", UUID(as_uuid=True), nullable=False),
    sa.Column("loan_id", UUID(as_uuid=True), nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    *_cell(),
    *_measures(),
    sa.PrimaryKeyConstraint("tenant_id", "loan_id", "day"),
    sa.Index("ix_report_loan_events_day", "tenant_id", "day"),
)

report_portfolio_months = sa.Table(
    "report_portfolio_months",
    metadata,
    sa.Column("tenant_id", UUID(as_uuid=True), nullable=False),
    sa.Column("month", sa.Date, nullable=False, comment="First day"),
    *_cell(),
    *_measures(),
    sa.Index(
        "ix_report_portfolio_months_cell",
        "tenant_id",
        "month",
        "currency",
        "gender",
        "birth_year",
        unique=True,
        postgresql_nulls_not_distinct=True,
    ),
)

TENANT_TABLES.extend(
    (
        "report_loan_stamps",
        "report_borrower_stamps",
        "report_loan_events",
        "report_portfolio_months",
    )
)
