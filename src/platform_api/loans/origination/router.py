"""HTTP for loan applications: intake, submission, decisions and disbursement."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from platform_api.core.errors import error_responses
from platform_api.core.idempotency import IdempotencyKey, RequiredIdempotencyKey
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond
from platform_api.core.routing import DirectRoute
from platform_api.loans.access import Approver, Reader, Writer
from platform_api.loans.accounts.schemas import Loan
from platform_api.loans.origination import service
from platform_api.loans.origination.schemas import (
    ApplicationStatus,
    Approval,
    Decline,
    Disbursement,
    LoanApplication,
    LoanApplicationCreate,
    LoanApplicationUpdate,
    Transition,
    Withdrawal,
)

router = APIRouter(
    prefix="/v1/loan-applications", tags=["loan applications"], route_class=DirectRoute
)


@router.post(
    "",
    operation_id="loan_applications_create",
    status_code=201,
    response_model=LoanApplication,
    responses=error_responses(409),
)
async def create_loan_application(
    payload: LoanApplicationCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Start a draft application for an entrepreneur and a product: the requested amount
    and term (within the product's limits), the purpose, the business's monthly figures
    and the documents checklist."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.create_application(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, data=payload
        ),
        status_code=201,
    )


@router.get("", operation_id="loan_applications_list", response_model=Page[LoanApplication])
async def list_loan_applications(
    caller: Reader,
    page: Annotated[PageParams, Depends(page_params)],
    status: ApplicationStatus | None = None,
    entrepreneur_id: uuid.UUID | None = None,
) -> Response:
    """Applications, oldest first, filtered by status and entrepreneur."""
    return respond(
        await service.list_applications(
            caller.db,
            tenant_id=caller.tenant_id,
            page=page,
            status=status,
            entrepreneur_id=entrepreneur_id,
        )
    )


@router.get(
    "/{application_id}", operation_id="loan_applications_get", response_model=LoanApplication
)
async def get_loan_application(application_id: uuid.UUID, caller: Reader) -> Response:
    """One application, with its underwriting once submitted."""
    return respond(
        await service.get_application(
            caller.db, tenant_id=caller.tenant_id, application_id=application_id
        )
    )


@router.patch(
    "/{application_id}",
    operation_id="loan_applications_update",
    response_model=LoanApplication,
    responses=error_responses(409),
)
async def update_loan_application(
    application_id: uuid.UUID, payload: LoanApplicationUpdate, caller: Writer
) -> Response:
    """Change a draft (409 once submitted)."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        application = await service.update_application(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            application_id=application_id,
            data=payload,
        )
    return respond(application)


@router.get(
    "/{application_id}/transitions",
    operation_id="loan_applications_transitions",
    response_model=list[Transition],
)
async def list_loan_application_transitions(application_id: uuid.UUID, caller: Reader) -> Response:
    """The audit trail: every change of state, oldest first, with who made it and why."""
    transitions = await service.list_transitions(
        caller.db, tenant_id=caller.tenant_id, application_id=application_id
    )
    return Response(
        b"[" + b",".join(t.model_dump_json().encode() for t in transitions) + b"]",
        media_type="application/json",
    )


@router.post(
    "/{application_id}/submit",
    operation_id="loan_applications_submit",
    response_model=LoanApplication,
    responses=error_responses(409),
)
async def submit_loan_application(
    application_id: uuid.UUID,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Submit a draft for a decision. Underwriting runs now: the installment from a quote,
    net monthly cash flow, debt service coverage, a recommended maximum amount and a risk
    band with its reasons, stored with the application."""
    return await caller.write(
        request,
        idempotency_key,
        None,
        lambda conn: service.submit(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, application_id=application_id
        ),
        status_code=200,
    )


@router.post(
    "/{application_id}/approve",
    operation_id="loan_applications_approve",
    response_model=LoanApplication,
    responses=error_responses(409),
)
async def approve_loan_application(
    application_id: uuid.UUID,
    request: Request,
    caller: Approver,
    payload: Approval | None = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Approve a submitted application, optionally for another amount or term within the
    product's limits. Maker-checker: the client that submitted it cannot approve (403).
    The product's terms are frozen now for disbursement."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.approve(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            application_id=application_id,
            data=payload or Approval(),
        ),
        status_code=200,
    )


@router.post(
    "/{application_id}/decline",
    operation_id="loan_applications_decline",
    response_model=LoanApplication,
    responses=error_responses(409),
)
async def decline_loan_application(
    application_id: uuid.UUID,
    payload: Decline,
    request: Request,
    caller: Approver,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Decline a submitted application with a reason code and note (maker-checker as for
    approval)."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.decline(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            application_id=application_id,
            data=payload,
        ),
        status_code=200,
    )


@router.post(
    "/{application_id}/withdraw",
    operation_id="loan_applications_withdraw",
    response_model=LoanApplication,
    responses=error_responses(409),
)
async def withdraw_loan_application(
    application_id: uuid.UUID,
    request: Request,
    caller: Writer,
    payload: Withdrawal | None = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """The entrepreneur withdraws (from draft, submitted or approved)."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.withdraw(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            application_id=application_id,
            note=payload.note if payload else None,
        ),
        status_code=200,
    )


@router.post(
    "/{application_id}/disburse",
    operation_id="loan_applications_disburse",
    status_code=201,
    response_model=Loan,
    responses=error_responses(409),
)
async def disburse_loan_application(
    application_id: uuid.UUID,
    request: Request,
    caller: Writer,
    idempotency_key: RequiredIdempotencyKey,
    payload: Disbursement | None = None,
) -> Response:
    """Pay out an approved application: creates the loan account with its schedule built
    from the terms frozen at approval, the upfront fee recorded. Idempotency-Key
    required: a retried disbursement never creates a second loan."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.disburse(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            application_id=application_id,
            data=payload or Disbursement(),
        ),
        status_code=201,
    )
