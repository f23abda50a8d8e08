"""Request and response models of loan applications: intake, underwriting, decisions.

Amounts are integers in minor units of the product's currency; the term is a number
of installments; the business figures are monthly.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from platform_api.core.patch import PatchModel
from platform_api.core.types import PLAIN_DECIMAL, ShortText, no_nul
from platform_api.loans.schemas import Amount, Principal, Term
from platform_api.loans.underwriting import RiskBand


class ApplicationStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    DISBURSED = "disbursed"


class DeclineReason(StrEnum):
    INSUFFICIENT_CASH_FLOW = "insufficient_cash_flow"
    OVER_INDEBTED = "over_indebted"
    INCOMPLETE_DOCUMENTS = "incomplete_documents"
    CREDIT_HISTORY = "credit_history"
    OUTSIDE_POLICY = "outside_policy"
    OTHER = "other"


Note = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(no_nul)]


class Document(BaseModel):
    """One item of the documents checklist (e.g. national ID, M-Pesa statement)."""

    model_config = ConfigDict(extra="forbid")

    name: ShortText
    received: bool = False


def _unique_names(documents: list[Document]) -> list[Document]:
    names = [d.name for d in documents]
    if len(set(names)) != len(names):
        raise ValueError("document names must be unique")
    return documents


Documents = Annotated[list[Document], Field(max_length=50), AfterValidator(_unique_names)]


class _Intake(BaseModel):
    model_config = ConfigDict(extra="forbid")

    requested_amount: Principal
    requested_term: Term
    purpose: Note | None = None
    monthly_revenue: Amount = Field(description="The business's average monthly revenue.")
    monthly_expenses: Amount = Field(description="Its monthly operating and household costs.")
    existing_debt_payments: Amount = Field(
        default=0, description="What it already pays on other debts each month."
    )
    documents: Documents = Field(default_factory=list)


class LoanApplicationCreate(_Intake):
    entrepreneur_id: uuid.UUID
    product_id: uuid.UUID


class LoanApplicationUpdate(PatchModel):
    """Changes to a draft. The entrepreneur and product are fixed: start a new draft."""

    NOT_NULL = frozenset(_Intake.model_fields) - {"purpose"}

    requested_amount: Principal | None = None
    requested_term: Term | None = None
    purpose: Note | None = None
    monthly_revenue: Amount | None = None
    monthly_expenses: Amount | None = None
    existing_debt_payments: Amount | None = None
    documents: Documents | None = None


class RiskReason(BaseModel):
    code: str
    message: str


class Underwriting(BaseModel):
    """Affordability computed when the application was submitted."""

    installment: int = Field(description="Largest installment of the quoted schedule.")
    monthly_installment: int = Field(description="That installment as a monthly amount.")
    net_monthly_cash_flow: int = Field(description="Revenue minus expenses.")
    monthly_debt_service: int = Field(description="Existing debt payments plus the installment.")
    free_monthly_cash_flow: int = Field(description="Net cash flow minus debt service.")
    dscr: Annotated[Decimal, *PLAIN_DECIMAL] | None = Field(
        description="Debt service coverage ratio (net cash flow / debt service), rounded down."
    )
    minimum_dscr: Annotated[Decimal, *PLAIN_DECIMAL]
    recommended_max_amount: int = Field(
        description="Largest amount within the product's limits that keeps the minimum DSCR; "
        "0 if none does."
    )
    risk_band: RiskBand = Field(description="A (strongest) to D.")
    reasons: list[RiskReason]
    assessed_at: datetime


class LoanApplication(LoanApplicationCreate):
    model_config = ConfigDict(extra="ignore")

    id: uuid.UUID
    currency: str
    status: ApplicationStatus
    underwriting: Underwriting | None
    submitted_at: datetime | None
    submitted_by: uuid.UUID | None = Field(description="API client that submitted it.")
    approved_amount: int | None
    approved_term: int | None
    decided_at: datetime | None
    decided_by: uuid.UUID | None = Field(description="API client that approved or declined.")
    decline_reason: DeclineReason | None
    decision_note: str | None
    loan_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime
    created_by: uuid.UUID | None
    updated_by: uuid.UUID | None


class Approval(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: Principal | None = Field(
        default=None, description="Defaults to the requested amount; may differ within limits."
    )
    term: Term | None = Field(
        default=None, description="Defaults to the requested term; may differ within limits."
    )
    note: Note | None = None


class Decline(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: DeclineReason
    note: Note | None = None


class Withdrawal(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: Note | None = None


class Disbursement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    disbursement_date: date | None = Field(
        default=None,
        description="Defaults to today (UTC); never in the future. A past date records a "
        "disbursement made earlier (e.g. loans moved from another system).",
    )
    first_repayment_date: date | None = Field(
        default=None, description="Defaults to one repayment period after disbursement."
    )
    tenant_top_up: bool = Field(
        default=False,
        description="For a crowd-funded application not fully funded: the tenant funds the "
        "rest now (else disbursement waits for full funding, 409).",
    )


class Transition(BaseModel):
    """One entry of an application's audit trail."""

    id: uuid.UUID
    application_id: uuid.UUID
    from_status: ApplicationStatus | None
    to_status: ApplicationStatus
    reason: str | None
    note: str | None
    actor: uuid.UUID | None = Field(description="API client that made the change.")
    at: datetime
