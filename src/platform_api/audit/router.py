"""HTTP for the audit log: read-only, for the tenant admin (it spans every domain, so no
one domain's read scope covers it)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, Security

from platform_api.audit import service
from platform_api.audit.schemas import AuditAction, AuditEvent, AuditResourceType
from platform_api.auth.dependencies import TenantContext, tenant_context
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond
from platform_api.core.routing import DirectRoute

router = APIRouter(tags=["audit"], route_class=DirectRoute)

Admin = Annotated[TenantContext, Security(tenant_context, scopes=["tenant:admin"])]


@router.get("/v1/audit-events", operation_id="audit_events_list", response_model=Page[AuditEvent])
async def list_audit_events(
    caller: Admin,
    page: Annotated[PageParams, Depends(page_params)],
    action: Annotated[AuditAction | None, Query(description="Only this action.")] = None,
    resource_type: Annotated[
        AuditResourceType | None, Query(description="Only actions on this kind of resource.")
    ] = None,
    resource_id: Annotated[
        uuid.UUID | None, Query(description="Only actions on this resource (its trail).")
    ] = None,
    occurred_from: Annotated[datetime | None, Query(description="At or after (RFC 3339).")] = None,
    occurred_to: Annotated[datetime | None, Query(description="Before (RFC 3339).")] = None,
) -> Response:
    """Every money write and decision of this tenant, oldest first: who (the API client),
    what, on which resource, when, in which request, with the amounts and states. The
    log is append-only: nobody, the platform included, can change or delete an entry."""
    filters = service.AuditFilters(
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )
    return respond(
        await service.list_events(caller.db, tenant_id=caller.tenant_id, page=page, filters=filters)
    )


@router.get(
    "/v1/audit-events/{audit_event_id}", operation_id="audit_events_get", response_model=AuditEvent
)
async def get_audit_event(audit_event_id: uuid.UUID, caller: Admin) -> Response:
    """One entry of this tenant's audit log."""
    return respond(
        await service.get_event(caller.db, tenant_id=caller.tenant_id, event_id=audit_event_id)
    )
