"""HTTP for social underwriting (trustees, endorsements, the endorsement rule) and
crowd-funding (commitments, funders' shares per loan, a lender's portfolio)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from platform_api.core.errors import error_responses
from platform_api.core.idempotency import IdempotencyKey, RequiredIdempotencyKey
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond, respond_json
from platform_api.core.routing import DirectRoute
from platform_api.loans.access import Reader, Writer
from platform_api.loans.social import service
from platform_api.loans.social.schemas import (
    Commitment,
    CommitmentCreate,
    Endorsement,
    EndorsementCreate,
    EndorsementRule,
    EndorsementRuleUpdate,
    LenderPortfolio,
    LoanFunding,
    Trustee,
    TrusteeCreate,
)

router = APIRouter(tags=["social lending"], route_class=DirectRoute)
Paging = Annotated[PageParams, Depends(page_params)]


@router.post(
    "/v1/trustees", operation_id="trustees_create", status_code=201, response_model=Trustee
)
async def create_trustee(
    payload: TrusteeCreate, request: Request, caller: Writer, idempotency_key: IdempotencyKey = None
) -> Response:
    """Register a trustee: a named person or organisation who endorses applicants."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.create_trustee(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, data=payload
        ),
    )


@router.get("/v1/trustees", operation_id="trustees_list", response_model=Page[Trustee])
async def list_trustees(caller: Reader, page: Paging) -> Response:
    """Trustees, oldest first, each with their track record."""
    return respond(await service.list_trustees(caller.db, tenant_id=caller.tenant_id, page=page))


@router.get("/v1/trustees/{trustee_id}", operation_id="trustees_get", response_model=Trustee)
async def get_trustee(trustee_id: uuid.UUID, caller: Reader) -> Response:
    """A trustee and their track record: how the loans they endorsed are being repaid."""
    return respond(
        await service.get_trustee(caller.db, tenant_id=caller.tenant_id, trustee_id=trustee_id)
    )


@router.post(
    "/v1/loan-applications/{application_id}/endorsements",
    operation_id="loan_applications_create_endorsement",
    status_code=201,
    response_model=Endorsement,
    responses=error_responses(409),
)
async def create_endorsement(
    application_id: uuid.UUID,
    payload: EndorsementCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """A trustee endorses a draft or submitted application: relationship, years known and
    a statement. Once per trustee and application."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.endorse(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            application_id=application_id,
            data=payload,
        ),
    )


@router.get(
    "/v1/loan-applications/{application_id}/endorsements",
    operation_id="loan_applications_list_endorsements",
    response_model=Page[Endorsement],
)
async def list_endorsements(application_id: uuid.UUID, caller: Reader, page: Paging) -> Response:
    """The application's endorsements, oldest first."""
    return respond(
        await service.list_endorsements(
            caller.db, tenant_id=caller.tenant_id, application_id=application_id, page=page
        )
    )


@router.get(
    "/v1/loan-products/{product_id}/endorsement-rule",
    operation_id="loan_products_get_endorsement_rule",
    response_model=EndorsementRule,
)
async def get_endorsement_rule(product_id: uuid.UUID, caller: Reader) -> Response:
    """How many endorsements the product's applications need before approval (0: none)."""
    return respond(
        await service.get_rule(caller.db, tenant_id=caller.tenant_id, product_id=product_id)
    )


@router.put(
    "/v1/loan-products/{product_id}/endorsement-rule",
    operation_id="loan_products_set_endorsement_rule",
    response_model=EndorsementRule,
)
async def set_endorsement_rule(
    product_id: uuid.UUID, payload: EndorsementRuleUpdate, caller: Writer
) -> Response:
    """Set the rule "requires N endorsements before approval": an approval with fewer is
    refused with 409 naming the rule."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        rule = await service.set_rule(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            product_id=product_id,
            data=payload,
        )
    return respond(rule)


@router.post(
    "/v1/loan-applications/{application_id}/funding-commitments",
    operation_id="loan_applications_create_funding_commitment",
    status_code=201,
    response_model=Commitment,
    responses=error_responses(409),
)
async def create_funding_commitment(
    application_id: uuid.UUID,
    payload: CommitmentCreate,
    request: Request,
    caller: Writer,
    idempotency_key: RequiredIdempotencyKey,
) -> Response:
    """A lender commits an amount to crowd-fund the application, up to what remains. The
    loan is disbursed once fully funded (or when the tenant tops it up). Idempotency-Key
    required."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.commit(
            conn,
            tenant_id=caller.tenant_id,
            actor=caller.client_id,
            application_id=application_id,
            data=payload,
        ),
    )


@router.get(
    "/v1/loan-applications/{application_id}/funding-commitments",
    operation_id="loan_applications_list_funding_commitments",
    response_model=Page[Commitment],
)
async def list_funding_commitments(
    application_id: uuid.UUID, caller: Reader, page: Paging
) -> Response:
    """Commitments in the order they were made (the tenant's top-up last, if any)."""
    return respond(
        await service.list_commitments(
            caller.db, tenant_id=caller.tenant_id, application_id=application_id, page=page
        )
    )


@router.get("/v1/loans/{loan_id}/funding", operation_id="loans_funding", response_model=LoanFunding)
async def get_loan_funding(loan_id: uuid.UUID, caller: Reader) -> Response:
    """A crowd-funded loan's funders and their shares: every posted repayment, the
    outstanding balance and any write-off split pro rata to the commitments, to the
    minor unit (largest remainder; ties to the larger, then the earlier commitment), each
    split summing exactly."""
    return respond_json(
        await service.loan_funding(caller.db, tenant_id=caller.tenant_id, loan_id=loan_id)
    )


@router.get(
    "/v1/lenders/{lender_id}/portfolio",
    operation_id="lenders_portfolio",
    response_model=LenderPortfolio,
)
async def get_lender_portfolio(lender_id: uuid.UUID, caller: Reader) -> Response:
    """The lender's share of the loans it funded: repaid, outstanding and lost, per loan
    and per currency."""
    return respond(
        await service.lender_portfolio(caller.db, tenant_id=caller.tenant_id, lender_id=lender_id)
    )
