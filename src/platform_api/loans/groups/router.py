"""HTTP for group loans: groups, group applications (one decision for every member) and
group repayments."""

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
from platform_api.loans.groups import service
from platform_api.loans.groups.schemas import (
    GroupApplication,
    GroupApplicationCreate,
    GroupDecision,
    GroupRepayment,
    GroupRepaymentCreate,
    LoanGroup,
    LoanGroupCreate,
)
from platform_api.loans.origination.schemas import Decline, Disbursement

router = APIRouter(tags=["group loans"], route_class=DirectRoute)
GROUPS = "/v1/loan-groups"
APPLICATIONS = "/v1/group-loan-applications"


@router.post(
    GROUPS,
    operation_id="loan_groups_create",
    status_code=201,
    response_model=LoanGroup,
)
async def create_loan_group(
    payload: LoanGroupCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Form a joint-liability group of the tenant's entrepreneurs with a leader, and the
    rule its whole-group repayments are split by."""
    default_split = payload.repayment_split or await service.tenant_split_rule(
        caller.db, caller.tenant_id
    )
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.create_group(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            data=payload,
            default_split=default_split,
        ),
    )


@router.get(GROUPS, operation_id="loan_groups_list", response_model=Page[LoanGroup])
async def list_loan_groups(
    caller: Reader, page: Annotated[PageParams, Depends(page_params)]
) -> Response:
    """Groups, oldest first, each with its members' loans and arrears."""
    return respond(await service.list_groups(caller.db, tenant_id=caller.tenant_id, page=page))


@router.get(f"{GROUPS}/{{group_id}}", operation_id="loan_groups_get", response_model=LoanGroup)
async def get_loan_group(group_id: uuid.UUID, caller: Reader) -> Response:
    """A group, each member's active loans with their arrears, and the group's totals: one
    member in arrears puts the group in arrears."""
    return respond(
        await service.get_group(caller.db, tenant_id=caller.tenant_id, group_id=group_id)
    )


@router.post(
    f"{GROUPS}/{{group_id}}/repayments",
    operation_id="loan_groups_create_repayment",
    status_code=201,
    response_model=GroupRepayment,
    responses=error_responses(409),
)
async def create_group_repayment(
    group_id: uuid.UUID,
    payload: GroupRepaymentCreate,
    request: Request,
    caller: Writer,
    idempotency_key: RequiredIdempotencyKey,
) -> Response:
    """One payment for the whole group: split among the members' active loans by the
    group's rule (to the minor unit, largest remainder) and posted to each as an
    ordinary repayment. A single member pays through `POST /v1/loans/{id}/repayments`.
    Idempotency-Key required."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.post_group_repayment(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            group_id=group_id,
            data=payload,
        ),
    )


@router.get(
    f"{GROUPS}/{{group_id}}/repayments",
    operation_id="loan_groups_list_repayments",
    response_model=Page[GroupRepayment],
)
async def list_group_repayments(
    group_id: uuid.UUID, caller: Reader, page: Annotated[PageParams, Depends(page_params)]
) -> Response:
    """Whole-group repayments, oldest first, each with its split."""
    return respond(
        await service.list_group_repayments(
            caller.db, tenant_id=caller.tenant_id, group_id=group_id, page=page
        )
    )


@router.post(
    APPLICATIONS,
    operation_id="group_loan_applications_create",
    status_code=201,
    response_model=GroupApplication,
)
async def create_group_loan_application(
    payload: GroupApplicationCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """A draft group application for a `group` product: one ordinary loan application
    per member listed, decided and disbursed together."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.create_group_application(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, data=payload
        ),
    )


@router.get(
    APPLICATIONS,
    operation_id="group_loan_applications_list",
    response_model=Page[GroupApplication],
)
async def list_group_loan_applications(
    caller: Reader,
    page: Annotated[PageParams, Depends(page_params)],
    group_id: uuid.UUID | None = None,
) -> Response:
    """Group applications, oldest first, filtered by group."""
    return respond(
        await service.list_group_applications(
            caller.db, tenant_id=caller.tenant_id, page=page, group_id=group_id
        )
    )


@router.get(
    f"{APPLICATIONS}/{{group_application_id}}",
    operation_id="group_loan_applications_get",
    response_model=GroupApplication,
)
async def get_group_loan_application(group_application_id: uuid.UUID, caller: Reader) -> Response:
    """A group application with its member applications."""
    return respond(
        await service.get_group_application(
            caller.db, tenant_id=caller.tenant_id, group_application_id=group_application_id
        )
    )


@router.post(
    f"{APPLICATIONS}/{{group_application_id}}/submit",
    operation_id="group_loan_applications_submit",
    response_model=GroupApplication,
    responses=error_responses(409),
)
async def submit_group_loan_application(
    group_application_id: uuid.UUID,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Submit every member application (each is underwritten)."""
    return await caller.write(
        request,
        idempotency_key,
        None,
        lambda conn: service.submit(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            group_application_id=group_application_id,
        ),
        status_code=200,
    )


@router.post(
    f"{APPLICATIONS}/{{group_application_id}}/approve",
    operation_id="group_loan_applications_approve",
    response_model=GroupApplication,
    responses=error_responses(409),
)
async def approve_group_loan_application(
    group_application_id: uuid.UUID,
    request: Request,
    caller: Approver,
    payload: GroupDecision | None = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """One approval for every member loan, as requested (maker-checker and product rules
    apply to each; if one fails, none is approved)."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.approve(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            group_application_id=group_application_id,
            note=payload.note if payload else None,
        ),
        status_code=200,
    )


@router.post(
    f"{APPLICATIONS}/{{group_application_id}}/decline",
    operation_id="group_loan_applications_decline",
    response_model=GroupApplication,
    responses=error_responses(409),
)
async def decline_group_loan_application(
    group_application_id: uuid.UUID,
    payload: Decline,
    request: Request,
    caller: Approver,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Decline every member application with one reason."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.decline(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            group_application_id=group_application_id,
            data=payload,
        ),
        status_code=200,
    )


@router.post(
    f"{APPLICATIONS}/{{group_application_id}}/disburse",
    operation_id="group_loan_applications_disburse",
    response_model=GroupApplication,
    responses=error_responses(409),
)
async def disburse_group_loan_application(
    group_application_id: uuid.UUID,
    request: Request,
    caller: Writer,
    idempotency_key: RequiredIdempotencyKey,
    payload: Disbursement | None = None,
) -> Response:
    """Disburse every member loan at once. Idempotency-Key required."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.disburse(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            group_application_id=group_application_id,
            data=payload or Disbursement(),
        ),
        status_code=200,
    )
