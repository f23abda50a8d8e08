"""Request and response models of loan groups, group applications and group repayments.

Amounts are integers in minor units of the loans' currency.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from platform_api.core.types import CurrencyCode, Name, ShortText
from platform_api.loans.accounts.schemas import Channel, LoanStatus
from platform_api.loans.origination.schemas import (
    ApplicationStatus,
    LoanApplication,
    Note,
    _Intake,
)
from platform_api.loans.schemas import Principal

MAX_MEMBERS = 50


class RepaymentSplit(StrEnum):
    """How a whole-group repayment is shared among the members' active loans."""

    PRO_RATA_DUE = "pro_rata_due"
    EQUAL = "equal"


class GroupStanding(StrEnum):
    CURRENT = "current"
    IN_ARREARS = "in_arrears"


def _distinct(ids: list[uuid.UUID]) -> list[uuid.UUID]:
    if len(set(ids)) != len(ids):
        raise ValueError("must not list an entrepreneur twice")
    return ids


class LoanGroupCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    leader_entrepreneur_id: uuid.UUID = Field(description="Also a member of the group.")
    member_entrepreneur_ids: Annotated[
        list[uuid.UUID], Field(min_length=1, max_length=MAX_MEMBERS - 1), AfterValidator(_distinct)
    ] = Field(description="The other members (the leader is added anyway).")
    repayment_split: RepaymentSplit | None = Field(
        default=None,
        description="`pro_rata_due`: in proportion to what each member owes up to the "
        "payment date (or, if nothing is due yet, to what each still owes); `equal`: "
        "equal shares. Defaults to the tenant's setting `group_repayment_split`, else "
        "`pro_rata_due`.",
    )


class MemberLoan(BaseModel):
    loan_id: uuid.UUID
    status: LoanStatus
    principal: int
    total_outstanding: int
    arrears_amount: int = Field(description="Unpaid parts of installments already due.")
    days_past_due: int


class GroupMember(BaseModel):
    entrepreneur_id: uuid.UUID
    is_leader: bool
    loans: list[MemberLoan] = Field(description="This group's loans of the member, not closed.")
    arrears_amount: int
    status: GroupStanding


class LoanGroup(BaseModel):
    """A group with each member's loans; one member's arrears are the group's."""

    id: uuid.UUID
    name: str
    leader_entrepreneur_id: uuid.UUID
    repayment_split: RepaymentSplit
    members: list[GroupMember]
    total_outstanding: int
    arrears_amount: int
    members_in_arrears: int
    days_past_due: int = Field(description="Of the member furthest behind.")
    status: GroupStanding
    as_of: date
    created_at: datetime


class GroupMemberIntake(_Intake):
    entrepreneur_id: uuid.UUID


def _distinct_members(members: list[GroupMemberIntake]) -> list[GroupMemberIntake]:
    _distinct([m.entrepreneur_id for m in members])
    return members


class GroupApplicationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    group_id: uuid.UUID
    product_id: uuid.UUID = Field(description="A loan product of kind `group`.")
    members: Annotated[
        list[GroupMemberIntake],
        Field(min_length=2, max_length=MAX_MEMBERS),
        AfterValidator(_distinct_members),
    ] = Field(description="One loan request per member of the group.")


class GroupApplication(BaseModel):
    id: uuid.UUID
    group_id: uuid.UUID
    product_id: uuid.UUID
    status: ApplicationStatus
    total_requested: int
    total_approved: int | None
    applications: list[LoanApplication]
    created_at: datetime
    updated_at: datetime


class GroupDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: Note | None = None


class GroupRepaymentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: Principal
    currency: CurrencyCode | None = Field(
        default=None, description="If sent, must be the loans' currency (a safety check)."
    )
    paid_on: date | None = Field(
        default=None, description="Defaults to today (UTC); backdating is allowed."
    )
    channel: Channel = Channel.CASH
    external_reference: ShortText | None = None


class RepaymentPart(BaseModel):
    loan_id: uuid.UUID
    entrepreneur_id: uuid.UUID
    repayment_id: uuid.UUID
    amount: int


class GroupRepayment(BaseModel):
    id: uuid.UUID
    group_id: uuid.UUID
    amount: int
    currency: str
    paid_on: date
    channel: Channel
    external_reference: str | None
    split_rule: RepaymentSplit
    parts: list[RepaymentPart] = Field(description="Posted to each member's loan; sums to amount.")
    created_at: datetime
    created_by: uuid.UUID | None
