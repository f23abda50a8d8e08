"""Report responses. Every metric's definition is its field description.

Rows are long-format: each group (a period, a tenant or all of them, and for money a
currency) has one row for everyone (`dimension` `all`), one per gender and one per age
band. A value hidden by small-cell suppression is `null` and its name is listed in the
row's `suppressed`; a field that does not apply to a row, or whose source is not built
in this deployment yet, is absent (never a made-up zero)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from platform_api.core.types import PLAIN_DECIMAL

Rate = Annotated[Decimal, Field(ge=0), *PLAIN_DECIMAL]


class GroupBy(StrEnum):
    MONTH = "month"
    TENANT = "tenant"


class UsagePeriod(StrEnum):
    DAY = "day"
    MONTH = "month"


_SUPPRESSION = (
    "Names of this row's values hidden by small-cell suppression (they are null): counts "
    "below k, rates and amounts resting on such counts, and complementary cells hidden so "
    "that no hidden value can be derived from the shown ones, totals included."
)
_DIMENSION = (
    "`all` for everyone in the group, else the breakdown this row belongs to. Gender as "
    "recorded (`unknown` if not); age band from the birth year: age = the year of the "
    "report's `to` date minus the birth year (`unknown` without one)."
)


class ReportMeta(BaseModel):
    """What a report covers and how it was protected."""

    start: date = Field(description="First day covered (the `from` parameter).")
    end: date = Field(description="Last day covered (the `to` parameter), inclusive.")
    group_by: list[GroupBy]
    tenant_ids: list[uuid.UUID] = Field(
        description="Tenants included: those asked for, or all this caller may read (a "
        "tenant: itself; a funder: tenants with a live grant; the operator: all)."
    )
    k: int = Field(
        description="Smallest count shown. Default 10; a tenant may raise it, never below 5 "
        "(`report_suppression_k` in its settings). Groups spanning tenants use the largest."
    )
    generated_at: datetime


class _Row(BaseModel):
    period_start: date
    period_end: date = Field(description="Inclusive; a month, clipped to the report's range.")
    tenant_id: uuid.UUID | None = Field(
        description="The tenant of this group; null when not grouped by tenant (all the "
        "report's tenants together)."
    )
    dimension: Literal["all", "gender", "age_band"] = Field(description=_DIMENSION)
    category: str = Field(
        description="`all`, a gender (`female`, `male`, `non_binary`, `undisclosed`, "
        "`unknown`) or an age band (`under_18`, `18_34`, `35_54`, `55_plus`, `unknown`)."
    )
    suppressed: list[str] = Field(description=_SUPPRESSION)


class ImpactRow(_Row):
    entrepreneurs_reached: int | None = Field(
        description="Unique entrepreneurs with any recorded interaction in the period: "
        "registered, surveyed, applied for a loan, had one disbursed, proposed a match, held "
        "a mentoring session or contributed to a lending circle."
    )
    entrepreneurs_engaged: int | None = Field(
        description="Unique entrepreneurs with at least one mentoring session, match "
        "proposal, loan application or lending-circle contribution in the period."
    )
    share_women: Rate | None = Field(
        default=None,
        description="Women among the entrepreneurs reached: reached with gender `female` / "
        "reached. Only on `all` rows.",
    )
    share_aged_18_34: Rate | None = Field(
        default=None,
        description="Reached aged 18-34 (age band `18_34`) / reached. Only on `all` rows.",
    )
    earning_cohort: int | None = Field(
        description="Entrepreneurs with a baseline survey and a follow-up survey in the "
        "period; each is compared at baseline and at their latest follow-up in the period."
    )
    earning_at_baseline: int | None = Field(
        description="Of the cohort, those earning from their own business or from gigs at baseline."
    )
    earning_at_follow_up: int | None = Field(
        description="Of the cohort, those earning from their own business or from gigs at "
        "their latest follow-up in the period."
    )
    earning_rate_at_baseline: Rate | None = Field(
        description="earning_at_baseline / earning_cohort ('before')."
    )
    earning_rate_at_follow_up: Rate | None = Field(
        description="earning_at_follow_up / earning_cohort ('now'). A cohort of 100 with 44 "
        "earning at baseline and 72 at follow-up reports 0.44 and 0.72."
    )
    matches_proposed: int | None = Field(
        description="Mentor matches proposed in the period (by the date proposed, UTC)."
    )
    matches_accepted: int | None = Field(
        description="Mentor matches accepted in the period, whenever they were proposed."
    )
    matches_completed: int | None = Field(
        description="Mentor matches completed in the period, whenever they were proposed."
    )
    entrepreneurs_first_matched: int | None = Field(
        description="Entrepreneurs whose first accepted mentor match (ever) was accepted in "
        "the period: the people `median_days_to_match` is taken over."
    )
    median_days_to_match: Decimal | None = Field(
        description="Median, over `entrepreneurs_first_matched`, of the days from the "
        "entrepreneur's registration to that first acceptance (UTC dates; the mean of the two "
        "middle values when their number is even). Shown only when that count is."
    )
    sessions: int | None = Field(description="Mentoring sessions held in the period.")
    session_hours: Decimal | None = Field(
        description="Hours of those sessions (their minutes / 60, to two places). Shown only "
        "when `sessions` is."
    )


class ImpactReport(ReportMeta):
    """Reach, engagement, mentoring (matches, days to match, sessions and hours) and
    outcomes."""

    data: list[ImpactRow]


class PortfolioRow(_Row):
    currency: str = Field(description="ISO 4217; amounts are integer minor units of it.")
    loans_disbursed: int | None = Field(
        description="Loans disbursed in the period (disbursement date in it)."
    )
    amount_disbursed: int | None = Field(description="Principal of the loans disbursed.")
    loans_outstanding: int | None = Field(
        description="Loans active at the period's end: disbursed by then, neither closed nor "
        "written off by then."
    )
    principal_outstanding: int | None = Field(
        description="Gross outstanding principal at the period's end: principal of the "
        "active loans minus the principal of their repayments paid on or before that day."
    )
    average_outstanding_principal: int | None = Field(
        description="principal_outstanding / loans_outstanding, rounded half-even to the "
        "minor unit."
    )
    loans_due: int | None = Field(description="Loans with an installment due in the period.")
    amount_due: int | None = Field(
        description="Scheduled amount (principal, interest and fees) of the installments due "
        "in the period."
    )
    loans_paid_on_time: int | None = Field(
        description="Loans with some of that amount paid on or before its due date."
    )
    amount_paid_on_time: int | None = Field(
        description="Of amount_due, what was paid on or before each installment's due date: "
        "money paid counts by its payment date (`paid_on`) and pays the oldest installment "
        "first, the ledger's allocation rule; reversed repayments do not count."
    )
    repayment_rate: Rate | None = Field(
        description="amount_paid_on_time / amount_due. 100 due and 96 paid on time reports 0.96."
    )
    loans_par30: int | None = Field(
        description="Active loans at the period's end with an installment more than 30 days "
        "past due (days past due as the loan accounts count them: from the oldest "
        "installment whose unpaid part, after payments made by that day, exceeds the "
        "product's arrears tolerance amount; 0 within its tolerance days). Restructured "
        "loans would count as well; the API has no restructuring, so there are none."
    )
    principal_par30: int | None = Field(
        description="Outstanding principal (as in principal_outstanding) of those loans."
    )
    par30: Rate | None = Field(
        description="Portfolio at risk over 30 days: principal_par30 / principal_outstanding "
        "at the period's end."
    )
    loans_written_off: int | None = Field(description="Loans written off in the period.")
    principal_written_off: int | None = Field(description="Principal written off in the period.")
    write_off_ratio: Rate | None = Field(
        description="principal_written_off / average gross outstanding principal, the mean "
        "of principal_outstanding on the day before the period and on its last day."
    )
    circle_members_ended: int | None = Field(
        description="Members of lending circles that ended in the period: completed (every "
        "member paid out) or cancelled. Circles are counted by member, so each has the "
        "member's gender and age band."
    )
    circle_members_completed: int | None = Field(
        description="Of those, members of circles that completed."
    )
    circle_completion_rate: Rate | None = Field(
        description="circle_members_completed / circle_members_ended: the share of people "
        "whose circle, ended in the period, ran to completion."
    )
    circle_contributions_due: int | None = Field(
        description="Contributions due in the period: each member of an active, completed or "
        "cancelled circle for each round whose due date falls in it (a cancelled circle's "
        "rounds only up to the day it was cancelled)."
    )
    circle_contributions_on_time: int | None = Field(
        description="Of those, contributions paid in full by the round's due date."
    )
    circle_on_time_contribution_rate: Rate | None = Field(
        description="circle_contributions_on_time / circle_contributions_due."
    )


class PortfolioReport(ReportMeta):
    """Loans, repayment and risk from the loan ledger; lending-circle completion and
    on-time contributions from the circles' calendars."""

    data: list[PortfolioRow]


class UsageRow(BaseModel):
    period_start: date = Field(description="The day, or the first day of the month.")
    tenant_id: uuid.UUID = Field(
        description="The calling client's tenant; the nil UUID for operator, funder and "
        "unauthenticated requests (shown to the operator only)."
    )
    client_id: uuid.UUID = Field(description="The API client; the nil UUID if none.")
    operation: str = Field(description="OpenAPI operation id, or `unmatched`.")
    status_class: Literal["1xx", "2xx", "3xx", "4xx", "5xx"]
    requests: int = Field(description="Requests answered (counted by every worker).")
    latency_mean_ms: float
    latency_p50_ms: float = Field(
        description="Median latency, from a fixed-bucket histogram merged across workers: "
        "the upper bound of the bucket holding the percentile (within one bucket's width)."
    )
    latency_p95_ms: float
    latency_p99_ms: float


class UsageReport(BaseModel):
    """API usage per period, tenant, client, operation and status class. Requests carry no
    personal data, so no suppression applies. Counts reach the database within
    `METERING_FLUSH_SECONDS` of the request."""

    start: date
    end: date
    group_by: UsagePeriod
    tenant_ids: list[uuid.UUID] | None = Field(
        description="Tenants included; null for the operator's unfiltered view (all usage)."
    )
    data: list[UsageRow]
