"""HTTP for outcome surveys, under their entrepreneur."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, Security

from platform_api.auth.dependencies import TenantContext, tenant_context
from platform_api.core.errors import error_responses
from platform_api.core.idempotency import IdempotencyKey
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond
from platform_api.entrepreneurs.surveys import service
from platform_api.entrepreneurs.surveys.schemas import OutcomeSurvey, OutcomeSurveyCreate

router = APIRouter(prefix="/v1/entrepreneurs", tags=["entrepreneurs"])

Reader = Annotated[TenantContext, Security(tenant_context, scopes=["entrepreneurs:read"])]
Writer = Annotated[TenantContext, Security(tenant_context, scopes=["entrepreneurs:write"])]


@router.post(
    "/{entrepreneur_id}/outcome-surveys",
    operation_id="entrepreneurs_create_outcome_survey",
    status_code=201,
    response_model=OutcomeSurvey,
    responses=error_responses(401, 403, 404, 409, 422),
)
async def create_outcome_survey(
    entrepreneur_id: uuid.UUID,
    payload: OutcomeSurveyCreate,
    request: Request,
    caller: Writer,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Record a survey: the baseline at joining (once), then follow-ups. Impact reports
    compare each person's baseline with their latest follow-up."""
    return await caller.write(
        request,
        idempotency_key,
        payload,
        lambda conn: service.record_survey(
            conn,
            tenant_id=caller.tenant_id,
            entrepreneur_id=entrepreneur_id,
            actor=caller.client_id,
            data=payload,
        ),
    )


@router.get(
    "/{entrepreneur_id}/outcome-surveys",
    operation_id="entrepreneurs_list_outcome_surveys",
    response_model=Page[OutcomeSurvey],
    responses=error_responses(401, 403, 404, 422),
)
async def list_outcome_surveys(
    entrepreneur_id: uuid.UUID,
    caller: Reader,
    page: Annotated[PageParams, Depends(page_params)],
) -> Response:
    """The entrepreneur's surveys, in the order they were recorded."""
    return respond(
        await service.list_surveys(
            caller.db, tenant_id=caller.tenant_id, entrepreneur_id=entrepreneur_id, page=page
        )
    )
