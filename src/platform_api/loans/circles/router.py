"""HTTP for lending circles: forming, starting, contributions, payouts, credit reporting."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from platform_api.core.errors import error_responses
from platform_api.core.idempotency import IdempotencyKey, RequiredIdempotencyKey
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond
from platform_api.core.routing import DirectRoute
from platform_api.loans.access import Reader, Writer
from platform_api.loans.circles import service
from platform_api.loans.circles.schemas import (
    CircleCancel,
    CircleMember,
    CircleRound,
    CircleStart,
    CircleStatus,
    Contribution,
    ContributionCreate,
    CreditReport,
    LendingCircle,
    LendingCircleCreate,
    MemberCreate,
    Payout,
    PayoutCreate,
    Round,
)

router = APIRouter(prefix="/v1/lending-circles", tags=["lending circles"], route_class=DirectRoute)

PeriodEnd = Annotated[
    date | None, Query(description="Last day reported; today (UTC) if omitted, never later.")
]


def _json_list(items: list[CircleMember] | list[CircleRound]) -> Response:
    return Response(
        b"[" + b",".join(item.model_dump_json().encode() for item in items) + b"]",
        media_type="application/json",
    )


@router.post(
    "",
    operation_id="lending_circles_create",
    status_code=201,
    response_model=LendingCircle,
)
async def create_lending_circle(
    payload: LendingCircleCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Form a circle: currency, contribution per member per round, frequency, size
    (2-50) and payout order policy. Members join next; starting it writes the calendar."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.create_circle(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, data=payload
        ),
    )


@router.get("", operation_id="lending_circles_list", response_model=Page[LendingCircle])
async def list_lending_circles(
    caller: Reader,
    page: Annotated[PageParams, Depends(page_params)],
    status: CircleStatus | None = None,
) -> Response:
    """Circles, oldest first, filtered by status."""
    return respond(
        await service.list_circles(caller.db, tenant_id=caller.tenant_id, page=page, status=status)
    )


@router.get(
    "/credit-report",
    operation_id="lending_circles_credit_report_export",
    response_model=Page[CreditReport],
)
async def export_credit_reports(
    caller: Reader,
    page: Annotated[PageParams, Depends(page_params)],
    period_start: Annotated[date, Query(description="First day of the period.")],
    period_end: Annotated[date, Query(description="Last day of the period; not in the future.")],
) -> Response:
    """Tenant-wide credit-reporting export for a period: the report of every circle that
    ran during it (members paid in full before the period are left out), a page of
    circles at a time."""
    return respond(
        await service.credit_report_export(
            caller.db,
            tenant_id=caller.tenant_id,
            period_start=period_start,
            period_end=period_end,
            page=page,
        )
    )


@router.get("/{circle_id}", operation_id="lending_circles_get", response_model=LendingCircle)
async def get_lending_circle(circle_id: uuid.UUID, caller: Reader) -> Response:
    """One circle, with where its money is (contributions, payouts, guarantee)."""
    return respond(
        await service.get_circle(caller.db, tenant_id=caller.tenant_id, circle_id=circle_id)
    )


@router.post(
    "/{circle_id}/members",
    operation_id="lending_circles_add_member",
    status_code=201,
    response_model=CircleMember,
    responses=error_responses(409),
)
async def add_lending_circle_member(
    circle_id: uuid.UUID,
    payload: MemberCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Add one of the tenant's entrepreneurs while the circle is forming (with a bid if
    the payout order is `bid`)."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.add_member(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            circle_id=circle_id,
            data=payload,
        ),
    )


@router.get(
    "/{circle_id}/members",
    operation_id="lending_circles_list_members",
    response_model=list[CircleMember],
)
async def list_lending_circle_members(circle_id: uuid.UUID, caller: Reader) -> Response:
    """Members in the order they joined, each with their payout round and standing:
    paid, owed, obligation outstanding once they received the pot, arrears."""
    return _json_list(
        await service.list_members(caller.db, tenant_id=caller.tenant_id, circle_id=circle_id)
    )


@router.get(
    "/{circle_id}/rounds",
    operation_id="lending_circles_list_rounds",
    response_model=list[CircleRound],
)
async def list_lending_circle_rounds(circle_id: uuid.UUID, caller: Reader) -> Response:
    """The calendar written when the circle started: per round, the contributions' due
    date, the recipient, how much is funded and the payout."""
    return _json_list(
        await service.list_rounds(caller.db, tenant_id=caller.tenant_id, circle_id=circle_id)
    )


@router.post(
    "/{circle_id}/start",
    operation_id="lending_circles_start",
    response_model=LendingCircle,
    responses=error_responses(409),
)
async def start_lending_circle(
    circle_id: uuid.UUID,
    request: Request,
    caller: Writer,
    payload: CircleStart | None = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Start a full circle: the payout order is fixed (a random order's seed is recorded
    so members can re-run the lottery) and every round's due date and recipient are
    written."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.start(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            circle_id=circle_id,
            data=payload or CircleStart(),
        ),
        status_code=200,
    )


@router.post(
    "/{circle_id}/cancel",
    operation_id="lending_circles_cancel",
    response_model=LendingCircle,
    responses=error_responses(409),
)
async def cancel_lending_circle(
    circle_id: uuid.UUID,
    payload: CircleCancel,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Cancel a forming circle, or an active one before any contribution."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.cancel(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            circle_id=circle_id,
            data=payload,
        ),
        status_code=200,
    )


@router.post(
    "/{circle_id}/contributions",
    operation_id="lending_circles_create_contribution",
    status_code=201,
    response_model=Contribution,
    responses=error_responses(409),
)
async def create_contribution(
    circle_id: uuid.UUID,
    payload: ContributionCreate,
    request: Request,
    caller: Writer,
    idempotency_key: RequiredIdempotencyKey,
) -> Response:
    """Record a member's contribution (at most what they still owe for the round).
    After its due date it is late; made after the round's payout, it repays the
    tenant's guarantee draw. Idempotency-Key required."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.contribute(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            circle_id=circle_id,
            data=payload,
        ),
    )


@router.get(
    "/{circle_id}/contributions",
    operation_id="lending_circles_list_contributions",
    response_model=Page[Contribution],
)
async def list_contributions(
    circle_id: uuid.UUID,
    caller: Reader,
    page: Annotated[PageParams, Depends(page_params)],
    member_id: uuid.UUID | None = None,
    round: Annotated[Round | None, Query()] = None,
) -> Response:
    """Contributions in the order they were recorded, filtered by member and round."""
    return respond(
        await service.list_contributions(
            caller.db,
            tenant_id=caller.tenant_id,
            circle_id=circle_id,
            page=page,
            member_id=member_id,
            round_number=round,
        )
    )


@router.post(
    "/{circle_id}/payouts",
    operation_id="lending_circles_create_payout",
    status_code=201,
    response_model=Payout,
    responses=error_responses(409),
)
async def create_payout(
    circle_id: uuid.UUID,
    request: Request,
    caller: Writer,
    idempotency_key: RequiredIdempotencyKey,
    payload: PayoutCreate | None = None,
) -> Response:
    """Release the next round's pot to its recipient: only when the round is fully
    funded, or with `cover_shortfall` when the tenant covers the gap (a guarantee draw,
    once the contributions are due). Members still short have missed their
    contribution. The last payout completes the circle. Idempotency-Key required."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.release_payout(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            circle_id=circle_id,
            data=payload or PayoutCreate(),
        ),
    )


@router.get(
    "/{circle_id}/payouts",
    operation_id="lending_circles_list_payouts",
    response_model=Page[Payout],
)
async def list_payouts(
    circle_id: uuid.UUID, caller: Reader, page: Annotated[PageParams, Depends(page_params)]
) -> Response:
    """Payouts released, round by round, with any guarantee draw."""
    return respond(
        await service.list_payouts(
            caller.db, tenant_id=caller.tenant_id, circle_id=circle_id, page=page
        )
    )


@router.get(
    "/{circle_id}/credit-report",
    operation_id="lending_circles_credit_report",
    response_model=CreditReport,
)
async def get_credit_report(
    circle_id: uuid.UUID,
    caller: Reader,
    period_end: PeriodEnd = None,
    period_start: Annotated[
        date | None, Query(description="First day reported; the first due date if omitted.")
    ] = None,
) -> Response:
    """The credit-reporting feed: per member and calendar month, the amount scheduled,
    paid, the balance, the amount past due, days late and a status — the fields a
    credit bureau furnisher file needs."""
    return respond(
        await service.credit_report(
            caller.db,
            tenant_id=caller.tenant_id,
            circle_id=circle_id,
            period_start=period_start,
            period_end=period_end,
        )
    )
