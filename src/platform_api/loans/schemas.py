"""Request and response models of loan products and quotes.

Amounts are integers in minor units of the product's `currency` (KES 1,500.00 is
150000; VND has no minor unit); rates are decimal fractions sent and returned as
strings (`"0.18"` is 18% a year). The term of a loan is its number of installments.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from platform_api.core.patch import PatchModel
from platform_api.core.types import PLAIN_DECIMAL, CurrencyCode, Name
from platform_api.loans.ledger import DEFAULT_ALLOCATION, AllocationTarget
from platform_api.loans.schedule import (
    DayCount,
    FrequencyUnit,
    InterestCalculation,
    InterestMethod,
    UpfrontFeeMode,
)

#: A product's amounts stay far below the engine's ceiling, so fees can be added safely.
MAX_AMOUNT = 10**13
MAX_TERM = 2000


class ProductKind(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"


def _is_permutation(order: list[AllocationTarget]) -> list[AllocationTarget]:
    if sorted(order) != sorted(AllocationTarget):
        raise ValueError("must list fees, interest and principal, each once")
    return order


Amount = Annotated[int, Field(ge=0, le=MAX_AMOUNT, description="Minor units of `currency`.")]
Principal = Annotated[int, Field(ge=1, le=MAX_AMOUNT, description="Minor units of `currency`.")]
Term = Annotated[int, Field(ge=1, le=MAX_TERM, description="Number of installments.")]
Grace = Annotated[int, Field(ge=0, le=MAX_TERM - 1, description="Number of installments.")]
AnnualRate = Annotated[
    Decimal,
    Field(
        ge=0,
        le=10,
        decimal_places=8,
        description='Nominal annual rate as a fraction: `"0.18"` is 18% (at most 1000%).',
        examples=["0.18"],
    ),
    *PLAIN_DECIMAL,
]
FeeRate = Annotated[
    Decimal,
    Field(
        ge=0,
        le=1,
        decimal_places=8,
        description='Fraction of the principal: `"0.02"` is 2%.',
        examples=["0.02"],
    ),
    *PLAIN_DECIMAL,
]
AllocationOrder = Annotated[
    list[AllocationTarget],
    Field(
        min_length=3,
        max_length=3,
        description="Order in which a repayment pays what is due.",
    ),
    AfterValidator(_is_permutation),
]


class _ProductTerms(BaseModel):
    """Everything about a product except its currency (fixed once created)."""

    model_config = ConfigDict(extra="forbid")

    name: Name = Field(description="Unique within your tenant.")
    description: Annotated[str, Field(max_length=2000)] | None = None
    kind: ProductKind = ProductKind.INDIVIDUAL
    interest_method: InterestMethod = InterestMethod.DECLINING_BALANCE_ANNUITY
    annual_rate: AnnualRate
    interest_calculation: InterestCalculation = Field(
        default=InterestCalculation.PER_PERIOD,
        description="`per_period`: annual rate / periods per year; `daily`: accrued on the "
        "actual days between due dates under `day_count`.",
    )
    day_count: DayCount = DayCount.ACTUAL_365
    repayment_every: Annotated[int, Field(ge=1, le=366)] = 1
    repayment_unit: FrequencyUnit = FrequencyUnit.MONTHS
    min_principal: Principal
    max_principal: Principal
    default_principal: Principal
    min_term: Term
    max_term: Term
    default_term: Term
    grace_on_principal: Grace = Field(
        default=0, description="First installments that pay interest only."
    )
    grace_on_interest_payment: Grace = Field(
        default=0, description="First installments that defer their interest to the next one."
    )
    grace_interest_free: Grace = Field(
        default=0, description="First periods in which no interest accrues."
    )
    upfront_fee_flat: Amount = 0
    upfront_fee_rate: FeeRate = Decimal(0)
    upfront_fee_mode: UpfrontFeeMode = Field(
        default=UpfrontFeeMode.DEDUCTED,
        description="`deducted` from the amount paid out, or `financed` into the principal.",
    )
    installment_fee: Amount = 0
    installment_multiple_of: Annotated[int, Field(ge=1, le=MAX_AMOUNT)] | None = Field(
        default=None, description="Round installments to multiples of this many minor units."
    )
    allocation_order: AllocationOrder = Field(default_factory=lambda: list(DEFAULT_ALLOCATION))
    arrears_tolerance_amount: Amount = Field(
        default=0, description="An overdue amount at or below this is not in arrears."
    )
    arrears_tolerance_days: Annotated[int, Field(ge=0, le=365)] = Field(
        default=0, description="Days after a due date before it counts as in arrears."
    )
    active: bool = Field(default=True, description="Inactive products cannot be quoted.")


class LoanProductCreate(_ProductTerms):
    currency: CurrencyCode


class LoanProductUpdate(PatchModel):
    """Any subset of the terms; the whole product must still be valid afterwards. The
    currency cannot change: create a new product instead."""

    NOT_NULL = frozenset(_ProductTerms.model_fields) - {"description", "installment_multiple_of"}

    name: Name | None = None
    description: Annotated[str, Field(max_length=2000)] | None = None
    kind: ProductKind | None = None
    interest_method: InterestMethod | None = None
    annual_rate: AnnualRate | None = None
    interest_calculation: InterestCalculation | None = None
    day_count: DayCount | None = None
    repayment_every: Annotated[int, Field(ge=1, le=366)] | None = None
    repayment_unit: FrequencyUnit | None = None
    min_principal: Principal | None = None
    max_principal: Principal | None = None
    default_principal: Principal | None = None
    min_term: Term | None = None
    max_term: Term | None = None
    default_term: Term | None = None
    grace_on_principal: Grace | None = None
    grace_on_interest_payment: Grace | None = None
    grace_interest_free: Grace | None = None
    upfront_fee_flat: Amount | None = None
    upfront_fee_rate: FeeRate | None = None
    upfront_fee_mode: UpfrontFeeMode | None = None
    installment_fee: Amount | None = None
    installment_multiple_of: Annotated[int, Field(ge=1, le=MAX_AMOUNT)] | None = None
    allocation_order: AllocationOrder | None = None
    arrears_tolerance_amount: Amount | None = None
    arrears_tolerance_days: Annotated[int, Field(ge=0, le=365)] | None = None
    active: bool | None = None


class LoanProduct(LoanProductCreate):
    model_config = ConfigDict(extra="ignore")

    id: uuid.UUID
    created_at: datetime
    updated_at: datetime


class QuoteRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: Principal | None = Field(
        default=None, description="Principal in minor units; the product's default if omitted."
    )
    term: Term | None = Field(
        default=None, description="Number of installments; the product's default if omitted."
    )
    disbursement_date: date
    first_repayment_date: date | None = Field(
        default=None, description="Defaults to one repayment period after disbursement."
    )


class QuoteInstallment(BaseModel):
    number: int
    due_date: date
    principal: int
    interest: int
    fees: int
    total: int
    balance_after: int = Field(description="Principal still owed after this installment.")


class Quote(BaseModel):
    """A schedule for one amount and term, and what it truly costs. Nothing is stored."""

    product_id: uuid.UUID
    currency: str
    amount: int
    term: int
    disbursement_date: date
    first_repayment_date: date
    interest_method: InterestMethod
    annual_rate: Decimal = Field(description="The product's nominal rate.")
    upfront_fee: int
    net_disbursed: int = Field(description="What the borrower receives.")
    total_principal: int
    total_interest: int
    total_fees: int = Field(description="Installment fees (the upfront fee is separate).")
    total_repayable: int = Field(description="Sum of all installments.")
    finance_charge: int = Field(description="Everything paid beyond what was received.")
    apr: Decimal = Field(
        description="Annual percentage rate from the borrower's actual cash flows, fees "
        "included: periods per year x periodic IRR. Compare products by this, not by the "
        "nominal rate."
    )
    eir: Decimal = Field(description="Effective annual rate: (1 + periodic IRR)^periods - 1.")
    installments: list[QuoteInstallment]
