"""HTTP for entrepreneurs."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, Security

from platform_api.auth.dependencies import TenantContext, tenant_context
from platform_api.core.errors import error_responses
from platform_api.core.idempotency import IdempotencyKey, fingerprint, run_write
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond
from platform_api.core.routing import DirectRoute
from platform_api.core.types import CountryCode
from platform_api.entrepreneurs import service
from platform_api.entrepreneurs.schemas import (
    Entrepreneur,
    EntrepreneurCreate,
    EntrepreneurExport,
    EntrepreneurUpdate,
    Sector,
    Stage,
)

router = APIRouter(prefix="/v1/entrepreneurs", tags=["entrepreneurs"], route_class=DirectRoute)

Reader = Annotated[TenantContext, Security(tenant_context, scopes=["entrepreneurs:read"])]
#: The export spans loans, matching and events, which `entrepreneurs:read` does not cover:
#: answering a person's request for their data is the tenant admin's task.
Admin = Annotated[TenantContext, Security(tenant_context, scopes=["tenant:admin"])]
Writer = Annotated[TenantContext, Security(tenant_context, scopes=["entrepreneurs:write"])]


async def _filters(
    sector: Sector | None = None,
    stage: Stage | None = None,
    country: Annotated[CountryCode | None, Query()] = None,
    created_from: Annotated[
        datetime | None, Query(description="Created at or after (RFC 3339).")
    ] = None,
    created_to: Annotated[datetime | None, Query(description="Created before (RFC 3339).")] = None,
    include_anonymised: bool = False,
) -> service.EntrepreneurFilters:
    return service.EntrepreneurFilters(
        sector=sector,
        stage=stage,
        country=country,
        created_from=created_from,
        created_to=created_to,
        include_anonymised=include_anonymised,
    )


@router.post(
    "",
    operation_id="entrepreneurs_create",
    status_code=201,
    response_model=Entrepreneur,
    responses=error_responses(409),
)
async def create_entrepreneur(
    payload: EntrepreneurCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Register an entrepreneur and their business."""
    return await run_write(
        caller.db,
        scope=caller.tenant_id,
        client_id=caller.client_id,
        key=idempotency_key,
        request_fingerprint=fingerprint("POST", request.url.path, payload),
        action=lambda conn: service.create_entrepreneur(
            conn, tenant_id=caller.tenant_id, actor=caller.client_id, data=payload
        ),
    )


@router.get(
    "",
    operation_id="entrepreneurs_list",
    response_model=Page[Entrepreneur],
)
async def list_entrepreneurs(
    caller: Reader,
    page: Annotated[PageParams, Depends(page_params)],
    filters: Annotated[service.EntrepreneurFilters, Depends(_filters)],
) -> Response:
    """Entrepreneurs, oldest first, filtered by sector, stage, country and creation time."""
    return respond(
        await service.list_entrepreneurs(
            caller.db, tenant_id=caller.tenant_id, page=page, filters=filters
        )
    )


@router.get(
    "/{entrepreneur_id}",
    operation_id="entrepreneurs_get",
    response_model=Entrepreneur,
)
async def get_entrepreneur(entrepreneur_id: uuid.UUID, caller: Reader) -> Response:
    """One entrepreneur of the caller's tenant (another tenant's is 404)."""
    return respond(
        await service.get_entrepreneur(
            caller.db, tenant_id=caller.tenant_id, entrepreneur_id=entrepreneur_id
        )
    )


@router.get(
    "/{entrepreneur_id}/export",
    operation_id="entrepreneurs_export",
    response_model=EntrepreneurExport,
)
async def export_entrepreneur(entrepreneur_id: uuid.UUID, caller: Admin) -> Response:
    """Everything your organisation holds about this person, in one document (their
    right of access): the record, outcome surveys, loan applications with transitions,
    endorsements and funding, loans with schedules and repayments, lending-circle and
    loan-group memberships, matches with sessions, and the events about them. After
    DELETE it says `anonymised` and holds no personal data."""
    return respond(
        await service.export_entrepreneur(
            caller.db, tenant_id=caller.tenant_id, entrepreneur_id=entrepreneur_id
        )
    )


@router.patch(
    "/{entrepreneur_id}",
    operation_id="entrepreneurs_update",
    response_model=Entrepreneur,
    responses=error_responses(409),
)
async def update_entrepreneur(
    entrepreneur_id: uuid.UUID, payload: EntrepreneurUpdate, caller: Writer
) -> Response:
    """Change some fields; those not sent stay as they are."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        entrepreneur = await service.update_entrepreneur(
            conn,
            tenant_id=caller.tenant_id,
            entrepreneur_id=entrepreneur_id,
            actor=caller.client_id,
            data=payload,
        )
    return respond(entrepreneur)


@router.delete(
    "/{entrepreneur_id}",
    operation_id="entrepreneurs_anonymise",
    status_code=204,
)
async def anonymise_entrepreneur(entrepreneur_id: uuid.UUID, caller: Writer) -> Response:
    """Anonymise: personal fields are erased, the record and its loans remain."""
    async with caller.db.transaction(caller.tenant_id) as conn:
        await service.anonymise_entrepreneur(
            conn,
            tenant_id=caller.tenant_id,
            entrepreneur_id=entrepreneur_id,
            actor=caller.client_id,
        )
    return Response(status_code=204)
