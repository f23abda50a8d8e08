"""Request and response models of lending circles.

Amounts are integers in minor units of the circle's `currency`. A round is one turn of
the rotation: every member contributes, one member receives the pot.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from platform_api.core.types import CurrencyCode, Name, ShortText
from platform_api.loans.accounts.schemas import Channel
from platform_api.loans.circles.rotation import MAX_SIZE, MIN_SIZE, PayoutOrder
from platform_api.loans.circles.standing import ReportStatus
from platform_api.loans.origination.schemas import Note
from platform_api.loans.schemas import Amount, Principal


class CircleStatus(StrEnum):
    FORMING = "forming"
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class CircleFrequency(StrEnum):
    WEEKS = "weeks"
    MONTHS = "months"


class MemberStatus(StrEnum):
    CURRENT = "current"
    IN_ARREARS = "in_arrears"


class RoundStatus(StrEnum):
    UPCOMING = "upcoming"
    FUNDED = "funded"
    SHORT = "short"
    PAID_OUT = "paid_out"


Seed = Annotated[
    str,
    StringConstraints(min_length=1, max_length=128, pattern=r"^[\x21-\x7e]+$"),
    Field(description="Printable ASCII, e.g. a number drawn in the members' meeting."),
]
Round = Annotated[int, Field(ge=1, le=MAX_SIZE)]


class LendingCircleCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    currency: CurrencyCode
    contribution_amount: Principal = Field(description="What each member pays each round.")
    frequency_every: Annotated[int, Field(ge=1, le=12)] = 1
    frequency_unit: CircleFrequency = CircleFrequency.MONTHS
    size: Annotated[int, Field(ge=MIN_SIZE, le=MAX_SIZE)] = Field(
        description="Number of members, and so of rounds (typically 6-12)."
    )
    payout_order: PayoutOrder = Field(
        default=PayoutOrder.FIXED,
        description="`fixed`: as members joined; `random`: a lottery from a recorded seed "
        "(members sorted by SHA-256 of `<seed>:<member id>`); `bid`: highest bid first.",
    )


class CircleMoney(BaseModel):
    """Where the circle's money is. Always: contributions_received + guarantee_drawn =
    payouts_released + guarantee_recovered + held."""

    contributions_received: int
    payouts_released: int
    guarantee_drawn: int = Field(description="Gaps the tenant covered at payouts.")
    guarantee_recovered: int = Field(description="Contributions made up after their payout.")
    guarantee_outstanding: int
    held: int = Field(description="Contributions for rounds not yet paid out.")


class LendingCircle(BaseModel):
    id: uuid.UUID
    name: str
    currency: str
    contribution_amount: int
    pot_amount: int = Field(description="contribution_amount x size: what each round pays out.")
    frequency_every: int
    frequency_unit: CircleFrequency
    size: int
    payout_order: PayoutOrder
    status: CircleStatus
    members_joined: int
    first_due_date: date | None
    payout_order_seed: str | None = Field(
        description="The seed of a random payout order, recorded when the circle started."
    )
    rounds_paid_out: int
    started_at: datetime | None
    completed_on: date | None
    cancelled_at: datetime | None
    cancel_reason: str | None
    money: CircleMoney
    created_at: datetime
    updated_at: datetime


class MemberCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entrepreneur_id: uuid.UUID
    bid: Amount | None = Field(
        default=None, description="Required with the `bid` payout order, refused otherwise."
    )


class CircleMember(BaseModel):
    """A member and their standing: once they have received the pot, the contributions
    they still owe are a zero-interest obligation (`obligation_outstanding`)."""

    id: uuid.UUID
    circle_id: uuid.UUID
    entrepreneur_id: uuid.UUID
    position: int = Field(description="Order of joining, from 1.")
    bid: int | None
    payout_round: int | None = Field(description="The round they receive the pot (once started).")
    total_due: int
    paid: int
    owed: int
    received_on: date | None
    obligation_outstanding: int
    arrears_amount: int = Field(description="Missed and overdue contributions still unpaid.")
    days_late: int = Field(description="Of the oldest missed or overdue contribution.")
    missed_contributions: int = Field(description="Rounds paid out while this member was short.")
    late_contributions: int
    status: MemberStatus
    as_of: date
    created_at: datetime


class CircleStart(BaseModel):
    model_config = ConfigDict(extra="forbid")

    first_due_date: date | None = Field(
        default=None,
        description="Due date of round 1's contributions; defaults to today (UTC). A past "
        "date records a circle that started earlier.",
    )
    seed: Seed | None = Field(
        default=None,
        description="Only for a random payout order: the lottery seed. A random one is "
        "generated if omitted; either way it is recorded on the circle.",
    )


class CircleCancel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Note


class CircleRound(BaseModel):
    number: int
    due_date: date
    recipient_member_id: uuid.UUID
    recipient_entrepreneur_id: uuid.UUID
    pot_amount: int
    funded: int = Field(description="Contributions received for it before its payout.")
    status: RoundStatus
    paid_out_on: date | None
    guarantee_draw: int


class ContributionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    member_id: uuid.UUID
    amount: Principal
    round: Round | None = Field(
        default=None, description="Defaults to the member's oldest round not fully paid."
    )
    currency: CurrencyCode | None = Field(
        default=None, description="If sent, must be the circle's currency (a safety check)."
    )
    paid_on: date | None = Field(
        default=None, description="Defaults to today (UTC); never in the future."
    )
    channel: Channel = Channel.CASH
    external_reference: ShortText | None = None


class Contribution(BaseModel):
    id: uuid.UUID
    circle_id: uuid.UUID
    member_id: uuid.UUID
    round: int
    amount: int
    currency: str
    paid_on: date
    due_date: date
    days_late: int = Field(description="paid_on - due_date, at least 0.")
    channel: Channel
    external_reference: str | None
    after_payout: bool = Field(
        description="Made after its round was paid out: it repays the tenant's guarantee."
    )
    created_at: datetime
    created_by: uuid.UUID | None


class PayoutCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    round: Round | None = Field(
        default=None, description="Defaults to the next round; rounds pay out in order."
    )
    cover_shortfall: bool = Field(
        default=False,
        description="If the round is not fully funded, the tenant covers the gap (a "
        "guarantee draw, repaid by the late contributions). Without it, a short round is 409.",
    )
    paid_on: date | None = Field(
        default=None, description="Defaults to today (UTC); never in the future."
    )


class Payout(BaseModel):
    id: uuid.UUID
    circle_id: uuid.UUID
    round: int
    recipient_member_id: uuid.UUID
    amount: int
    currency: str
    from_contributions: int
    guarantee_draw: int
    paid_on: date
    created_at: datetime
    created_by: uuid.UUID | None


class ReportMonth(BaseModel):
    month: str = Field(description="Calendar month, `YYYY-MM`.")
    period_end: date = Field(description="Last day of the month, or the report date.")
    scheduled_amount: int
    paid_amount: int
    balance: int = Field(description="Contributions still owed for the whole circle.")
    past_due_amount: int
    days_late: int
    status: ReportStatus
    payment_rating: str | None = Field(description="1-30, 31-60, 61-90 or 90+ days past due.")


class ReportAccount(BaseModel):
    """One member's account, as a credit bureau furnisher file reports it."""

    member_id: uuid.UUID
    entrepreneur_id: uuid.UUID
    opened_on: date = Field(description="Due date of the first contribution.")
    original_amount: int = Field(description="All contributions the member owes.")
    scheduled_payment: int
    frequency_every: int
    frequency_unit: CircleFrequency
    received_pot_on: date | None
    months: list[ReportMonth]


class CreditReport(BaseModel):
    circle_id: uuid.UUID
    currency: str
    period_start: date
    period_end: date
    accounts: list[ReportAccount]
