"""HTTP for funders (operator) and funder grants (tenant admins)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, Security

from platform_api.auth.dependencies import Operator, TenantContext, tenant_context
from platform_api.core.db import PLATFORM_SCOPE, DbDep
from platform_api.core.errors import error_responses
from platform_api.core.idempotency import IdempotencyKey, fingerprint, run_write
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond
from platform_api.funders import service
from platform_api.funders.schemas import (
    Funder,
    FunderClientCreate,
    FunderCreate,
    FunderWithClient,
    Grant,
    GrantCreate,
)
from platform_api.tenants.schemas import ClientWithSecret

router = APIRouter(tags=["funders"])

Paging = Annotated[PageParams, Depends(page_params)]
TenantAdmin = Annotated[TenantContext, Security(tenant_context, scopes=["tenant:admin"])]


@router.post(
    "/v1/funders",
    operation_id="funders_create",
    status_code=201,
    response_model=FunderWithClient,
    responses=error_responses(401, 403, 422),
)
async def create_funder(
    payload: FunderCreate,
    request: Request,
    db: DbDep,
    operator: Operator,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Register a funder with its first API client (operator only). The client holds only
    `funder:reports`: it reads the reports of tenants that granted access, nothing else."""
    return await run_write(
        db,
        scope=PLATFORM_SCOPE,
        client_id=operator.client_id,
        key=idempotency_key,
        request_fingerprint=fingerprint("POST", request.url.path, payload),
        action=lambda conn: service.create_funder(
            conn, name=payload.name, client_name=payload.client_name, actor=operator.client_id
        ),
    )


@router.get(
    "/v1/funders",
    operation_id="funders_list",
    response_model=Page[Funder],
    responses=error_responses(401, 403, 422),
)
async def list_funders(db: DbDep, _: Operator, page: Paging) -> Response:
    """All funders, oldest first (operator only)."""
    return respond(await service.list_funders(db, page=page))


@router.post(
    "/v1/funders/{funder_id}/clients",
    operation_id="funders_create_client",
    status_code=201,
    response_model=ClientWithSecret,
    responses=error_responses(401, 403, 404, 422),
)
async def create_funder_client(
    funder_id: uuid.UUID,
    payload: FunderClientCreate,
    request: Request,
    db: DbDep,
    operator: Operator,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Another API client for a funder, e.g. to rotate secrets (operator only)."""
    return await run_write(
        db,
        scope=PLATFORM_SCOPE,
        client_id=operator.client_id,
        key=idempotency_key,
        request_fingerprint=fingerprint("POST", request.url.path, payload),
        action=lambda conn: service.create_funder_client(
            conn, funder_id=funder_id, name=payload.name, actor=operator.client_id
        ),
    )


@router.post(
    "/v1/funder-grants",
    operation_id="funder_grants_create",
    status_code=201,
    response_model=Grant,
    responses=error_responses(401, 403, 409, 422),
)
async def create_grant(
    payload: GrantCreate,
    request: Request,
    caller: TenantAdmin,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Let a funder read this tenant's aggregate reports (usage, impact, portfolio)."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.grant(
            conn, tenant_id=caller.tenant_id, funder_id=payload.funder_id, actor=caller.client_id
        ),
    )


@router.get(
    "/v1/funder-grants",
    operation_id="funder_grants_list",
    response_model=Page[Grant],
    responses=error_responses(401, 403, 422),
)
async def list_grants(
    caller: TenantAdmin,
    page: Paging,
    include_revoked: Annotated[bool, Query(description="Also list revoked grants.")] = False,
) -> Response:
    """This tenant's grants, oldest first."""
    return respond(
        await service.list_grants(
            caller.db, tenant_id=caller.tenant_id, page=page, include_revoked=include_revoked
        )
    )


@router.delete(
    "/v1/funder-grants/{grant_id}",
    operation_id="funder_grants_revoke",
    status_code=204,
    responses=error_responses(401, 403, 404, 422),
)
async def revoke_grant(grant_id: uuid.UUID, caller: TenantAdmin) -> Response:
    """Revoke a grant: the funder's next report request no longer includes this tenant."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        await service.revoke(
            conn, tenant_id=caller.tenant_id, grant_id=grant_id, actor=caller.client_id
        )
    return Response(status_code=204)
