"""Request and response models of loan accounts, repayments and arrears.

Amounts are integers in minor units of the loan's `currency`. Balances are derived
from the append-only postings and always reconcile with them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from platform_api.core.types import PLAIN_DECIMAL, CurrencyCode, ShortText
from platform_api.loans.origination.schemas import Note
from platform_api.loans.schedule import InterestMethod
from platform_api.loans.schemas import Principal

Rate = Annotated[Decimal, *PLAIN_DECIMAL]


class LoanStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    WRITTEN_OFF = "written_off"


class Channel(StrEnum):
    CASH = "cash"
    MOBILE_MONEY = "mobile_money"
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"
    OTHER = "other"


class RepaymentStatus(StrEnum):
    POSTED = "posted"
    REVERSED = "reversed"


class InstallmentStatus(StrEnum):
    PAID = "paid"
    PARTIALLY_PAID = "partially_paid"
    OVERDUE = "overdue"
    DUE = "due"
    WRITTEN_OFF = "written_off"


class Loan(BaseModel):
    """A loan account: its terms, balances and arrears as of `as_of` (today, UTC)."""

    id: uuid.UUID
    application_id: uuid.UUID
    entrepreneur_id: uuid.UUID
    product_id: uuid.UUID
    currency: str
    status: LoanStatus
    principal: int
    term: int
    interest_method: InterestMethod
    annual_rate: Rate
    apr: Rate = Field(description="Annual percentage rate disclosed at disbursement.")
    eir: Rate = Field(description="Effective annual rate disclosed at disbursement.")
    disbursement_date: date
    maturity_date: date
    upfront_fee: int
    net_disbursed: int = Field(description="What the borrower received.")
    total_interest: int = Field(description="Scheduled interest.")
    total_fees: int = Field(description="Scheduled installment fees.")
    principal_paid: int
    interest_paid: int
    fees_paid: int
    overpaid: int = Field(description="Paid beyond everything due (owed back to the borrower).")
    principal_outstanding: int
    interest_outstanding: int
    fees_outstanding: int
    total_outstanding: int
    principal_written_off: int
    interest_written_off: int
    fees_written_off: int
    as_of: date
    next_due_date: date | None
    next_due_amount: int = Field(description="Unpaid part of the next installment not yet due.")
    arrears_amount: int = Field(description="Unpaid parts of installments already due.")
    days_past_due: int = Field(
        description="Days since the oldest installment unpaid beyond the product's tolerance "
        "amount fell due; 0 within the tolerance days."
    )
    aging_bucket: str | None = Field(description="1-30, 31-60, 61-90 or 90+ days past due.")
    closed_on: date | None
    written_off_on: date | None
    write_off_reason: str | None
    created_at: datetime
    updated_at: datetime
    created_by: uuid.UUID | None


class ScheduleLine(BaseModel):
    number: int
    due_date: date
    principal: int
    interest: int
    fees: int
    total: int
    principal_paid: int
    interest_paid: int
    fees_paid: int
    paid: int
    outstanding: int
    status: InstallmentStatus


class LoanSchedule(BaseModel):
    """The schedule frozen at disbursement, with what was paid against each installment."""

    loan_id: uuid.UUID
    currency: str
    as_of: date
    installments: list[ScheduleLine]


class RepaymentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: Principal
    currency: CurrencyCode | None = Field(
        default=None, description="If sent, must be the loan's currency (a safety check)."
    )
    paid_on: date | None = Field(
        default=None,
        description="When the borrower paid; backdating is allowed, the future is not. "
        "Defaults to today (UTC).",
    )
    channel: Channel = Channel.CASH
    external_reference: ShortText | None = Field(
        default=None,
        description="The payment's reference in its channel, e.g. an M-Pesa receipt; one "
        "posted repayment per reference and channel.",
    )


class Repayment(BaseModel):
    id: uuid.UUID
    loan_id: uuid.UUID
    sequence: int = Field(description="Posting order within the loan (1, 2, ...).")
    amount: int
    currency: str
    paid_on: date
    channel: Channel
    external_reference: str | None
    status: RepaymentStatus
    principal: int = Field(description="Allocated to principal (now).")
    interest: int
    fees: int
    overpayment: int = Field(description="Paid beyond everything due.")
    reversed_at: datetime | None
    reversed_by: uuid.UUID | None
    reversal_reason: str | None
    created_at: datetime
    created_by: uuid.UUID | None


class Reversal(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Note


class WriteOff(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Note


class AgingBucket(BaseModel):
    bucket: str
    loans: int
    principal_outstanding: int


class CurrencyArrears(BaseModel):
    currency: str
    active_loans: int
    principal_outstanding: int
    loans_in_arrears: int
    principal_in_arrears: int
    par30: Rate = Field(
        description="Portfolio at risk over 30 days: outstanding principal of loans more than "
        "30 days past due / all outstanding principal, to 4 decimals (half-even)."
    )
    buckets: list[AgingBucket]


class ArrearsReport(BaseModel):
    """Arrears of the tenant's active loans as of a date, per currency (never summed
    across currencies)."""

    as_of: date
    currencies: list[CurrencyArrears]
