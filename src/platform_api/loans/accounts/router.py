"""HTTP for loan accounts: balances, schedule, repayments, reversals, write-off, arrears."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from platform_api.core.errors import FieldError, error_responses, invalid
from platform_api.core.idempotency import IdempotencyKey, RequiredIdempotencyKey
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond
from platform_api.core.routing import DirectRoute
from platform_api.loans.access import Approver, Reader, Writer
from platform_api.loans.accounts import service
from platform_api.loans.accounts.schemas import (
    ArrearsReport,
    Loan,
    LoanSchedule,
    LoanStatus,
    Repayment,
    RepaymentCreate,
    Reversal,
    WriteOff,
)

router = APIRouter(prefix="/v1/loans", tags=["loans"], route_class=DirectRoute)


async def _filters(
    status: LoanStatus | None = None,
    entrepreneur_id: uuid.UUID | None = None,
    product_id: uuid.UUID | None = None,
) -> service.LoanFilters:
    return service.LoanFilters(
        status=status, entrepreneur_id=entrepreneur_id, product_id=product_id
    )


@router.post(
    "/{loan_id}/repayments",
    operation_id="loans_create_repayment",
    status_code=201,
    response_model=Repayment,
    responses=error_responses(409),
)
async def create_repayment(
    loan_id: uuid.UUID,
    payload: RepaymentCreate,
    request: Request,
    caller: Writer,
    idempotency_key: RequiredIdempotencyKey,
) -> Response:
    """Post a repayment: allocated in the product's order (default fees, interest,
    principal) to the oldest unpaid installment first, overdue before due. More than
    everything owed closes the loan and records the excess as overpayment. Backdating
    is allowed (never the future). Idempotency-Key required: a retry over a flaky
    connection never posts twice."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.post_repayment(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, loan_id=loan_id, data=payload
        ),
    )


@router.get("", operation_id="loans_list", response_model=Page[Loan])
async def list_loans(
    caller: Reader,
    page: Annotated[PageParams, Depends(page_params)],
    filters: Annotated[service.LoanFilters, Depends(_filters)],
) -> Response:
    """Loan accounts, oldest first, with balances and arrears as of today."""
    return respond(
        await service.list_loans(caller.db, tenant_id=caller.tenant_id, page=page, filters=filters)
    )


@router.get("/arrears", operation_id="loans_arrears", response_model=ArrearsReport)
async def loans_arrears(
    caller: Reader,
    as_of: Annotated[
        date | None,
        Query(description="Aging date; today (UTC) if omitted, never in the past."),
    ] = None,
) -> Response:
    """Aging buckets (1-30, 31-60, 61-90, 90+ days past due) and PAR30 of the active
    loans, per currency. Balances are current, so `as_of` may be today or a later date
    (what will be late then if nothing is paid); past dates are refused."""
    day = as_of or service.today()
    if day < service.today():
        raise invalid(
            FieldError(
                path="query.as_of",
                message="must not be in the past: arrears use current balances",
                code="past_date",
            )
        )
    return respond(await service.arrears_report(caller.db, tenant_id=caller.tenant_id, as_of=day))


@router.get("/{loan_id}", operation_id="loans_get", response_model=Loan)
async def get_loan(loan_id: uuid.UUID, caller: Reader) -> Response:
    """One loan: balances outstanding, next due, days past due and arrears."""
    return respond(await service.get_loan(caller.db, tenant_id=caller.tenant_id, loan_id=loan_id))


@router.get("/{loan_id}/schedule", operation_id="loans_schedule", response_model=LoanSchedule)
async def get_loan_schedule(loan_id: uuid.UUID, caller: Reader) -> Response:
    """Each installment as frozen at disbursement, with what was paid against it."""
    return respond(
        await service.get_schedule(caller.db, tenant_id=caller.tenant_id, loan_id=loan_id)
    )


@router.get(
    "/{loan_id}/repayments", operation_id="loans_list_repayments", response_model=Page[Repayment]
)
async def list_repayments(
    loan_id: uuid.UUID, caller: Reader, page: Annotated[PageParams, Depends(page_params)]
) -> Response:
    """The loan's repayments in posting order, reversed ones included."""
    return respond(
        await service.list_repayments(
            caller.db, tenant_id=caller.tenant_id, loan_id=loan_id, page=page
        )
    )


@router.get(
    "/{loan_id}/repayments/{repayment_id}",
    operation_id="loans_get_repayment",
    response_model=Repayment,
)
async def get_repayment(loan_id: uuid.UUID, repayment_id: uuid.UUID, caller: Reader) -> Response:
    """One repayment and where it is allocated now."""
    return respond(
        await service.get_repayment(
            caller.db, tenant_id=caller.tenant_id, loan_id=loan_id, repayment_id=repayment_id
        )
    )


@router.post(
    "/{loan_id}/repayments/{repayment_id}/reverse",
    operation_id="loans_reverse_repayment",
    response_model=Repayment,
    responses=error_responses(409),
)
async def reverse_repayment(
    loan_id: uuid.UUID,
    repayment_id: uuid.UUID,
    payload: Reversal,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Reverse a repayment (e.g. a bounced transfer): its postings are negated and the
    later repayments re-applied to what it had paid. A closed loan reopens if something
    is unpaid again."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.reverse_repayment(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            loan_id=loan_id,
            repayment_id=repayment_id,
            reason=payload.reason,
        ),
        status_code=200,
    )


@router.post(
    "/{loan_id}/write-off",
    operation_id="loans_write_off",
    response_model=Loan,
    responses=error_responses(409),
)
async def write_off_loan(
    loan_id: uuid.UUID,
    payload: WriteOff,
    request: Request,
    caller: Approver,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Write off an active loan (scope `loans:approve`): the outstanding principal moves
    to written-off, interest and fees still due are no longer expected."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.write_off(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            loan_id=loan_id,
            reason=payload.reason,
        ),
        status_code=200,
    )
