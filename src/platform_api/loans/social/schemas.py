"""Request and response models of social underwriting (trustees, endorsements, the
endorsement rule) and crowd-funding (commitments, funders' shares, lender portfolios).

Amounts are integers in minor units of the application's currency.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from platform_api.core.types import PLAIN_DECIMAL, Name, ShortText, no_nul
from platform_api.loans.accounts.schemas import LoanStatus
from platform_api.loans.origination.schemas import ApplicationStatus
from platform_api.loans.schemas import Principal


class TrusteeKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class FunderKind(StrEnum):
    LENDER = "lender"
    TENANT = "tenant"


Statement = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(no_nul)]


class TrusteeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: TrusteeKind
    external_ref: ShortText | None = Field(
        default=None, description="Your own id for this trustee; unique within your tenant."
    )


class TrackRecord(BaseModel):
    """How the loans this trustee endorsed are being repaid."""

    endorsements: int
    loans_disbursed: int
    loans_repaid: int
    loans_active: int
    loans_in_arrears: int
    loans_written_off: int
    principal_disbursed: int
    principal_repaid: int
    principal_in_arrears: int = Field(description="Outstanding on endorsed loans in arrears.")
    principal_written_off: int
    repayment_rate: Annotated[Decimal, *PLAIN_DECIMAL] | None = Field(
        description="1 - (written off + in arrears) / disbursed, to 4 decimals; null before "
        "any endorsed loan is disbursed. Amounts of several currencies are added as they are."
    )


class Trustee(BaseModel):
    id: uuid.UUID
    name: str
    kind: TrusteeKind
    external_ref: str | None
    track_record: TrackRecord
    as_of: date
    created_at: datetime


class EndorsementCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    trustee_id: uuid.UUID
    relationship: ShortText = Field(description="e.g. `employer`, `church elder`, `supplier`.")
    years_known: Annotated[int, Field(ge=0, le=100)]
    statement: Statement


class Endorsement(BaseModel):
    id: uuid.UUID
    application_id: uuid.UUID
    trustee_id: uuid.UUID
    trustee_name: str
    relationship: str
    years_known: int
    statement: str
    created_at: datetime
    created_by: uuid.UUID | None


class EndorsementRuleUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    required_endorsements: Annotated[int, Field(ge=0, le=20)] = Field(
        description="Endorsements an application needs before approval; 0 for none."
    )


class EndorsementRule(BaseModel):
    product_id: uuid.UUID
    rule: str = Field(default="requires_endorsements")
    required_endorsements: int
    updated_at: datetime | None


class CommitmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lender_id: uuid.UUID
    amount: Principal


class Commitment(BaseModel):
    id: uuid.UUID
    application_id: uuid.UUID
    funder: FunderKind
    lender_id: uuid.UUID | None = Field(description="Null for the tenant's own top-up.")
    amount: int
    currency: str
    created_at: datetime
    created_by: uuid.UUID | None


class FunderPosition(BaseModel):
    """A funder's share of a loan: each repayment, the outstanding balance and the loss are
    split pro rata to the commitments, to the minor unit."""

    funder: FunderKind
    lender_id: uuid.UUID | None
    committed: int
    repaid: int
    outstanding: int
    lost: int


class FunderRepaymentSplit(BaseModel):
    repayment_id: uuid.UUID
    amount: int
    paid_on: date
    parts: list[int] = Field(description="Per funder, in the order of `funders`; sum to amount.")


class LoanFunding(BaseModel):
    loan_id: uuid.UUID
    application_id: uuid.UUID
    currency: str
    status: LoanStatus
    funders: list[FunderPosition] = Field(description="In the order commitments were made.")
    repayments: list[FunderRepaymentSplit]
    as_of: date


class PortfolioLoan(BaseModel):
    application_id: uuid.UUID
    application_status: ApplicationStatus
    loan_id: uuid.UUID | None
    loan_status: LoanStatus | None
    currency: str
    committed: int
    total_funded: int = Field(description="All commitments to the application.")
    repaid: int
    outstanding: int
    lost: int


class PortfolioTotals(BaseModel):
    currency: str
    committed: int
    repaid: int
    outstanding: int
    lost: int


class LenderPortfolio(BaseModel):
    """A lender's share of the loans it funded (never summed across currencies)."""

    lender_id: uuid.UUID
    as_of: date
    totals: list[PortfolioTotals]
    loans: list[PortfolioLoan]
