"""HTTP for tenants and their API clients (operator; tenant admins for their clients)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from platform_api.auth.dependencies import AnyPrincipal, Operator, authorize_tenant_admin
from platform_api.auth.principals import PrincipalKind
from platform_api.core.db import PLATFORM_SCOPE, DbDep
from platform_api.core.idempotency import IdempotencyKey, fingerprint, run_write
from platform_api.core.pagination import Page, PageParams, page_params
from platform_api.core.responses import respond
from platform_api.tenants import service
from platform_api.tenants.schemas import (
    Client,
    ClientCreate,
    ClientWithSecret,
    Tenant,
    TenantCreate,
    TenantUpdate,
)

router = APIRouter(prefix="/v1/tenants", tags=["tenants"])

Paging = Annotated[PageParams, Depends(page_params)]


@router.post("", operation_id="tenants_create", status_code=201, response_model=Tenant)
async def create_tenant(
    payload: TenantCreate,
    request: Request,
    db: DbDep,
    operator: Operator,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Register a partner organisation (operator only)."""
    return await run_write(
        db,
        scope=PLATFORM_SCOPE,
        client_id=operator.client_id,
        key=idempotency_key,
        request_fingerprint=fingerprint("POST", request.url.path, payload),
        action=lambda conn: service.create_tenant(conn, data=payload, actor=operator.client_id),
    )


@router.get("", operation_id="tenants_list", response_model=Page[Tenant])
async def list_tenants(db: DbDep, _: Operator, page: Paging) -> Response:
    """All tenants, oldest first (operator only)."""
    return respond(await service.list_tenants(db, page=page))


@router.get("/{tenant_id}", operation_id="tenants_get", response_model=Tenant)
async def get_tenant(tenant_id: uuid.UUID, db: DbDep, principal: AnyPrincipal) -> Response:
    """A tenant (the operator, or the tenant's own admin client)."""
    authorize_tenant_admin(principal, tenant_id)
    return respond(await service.get_tenant(db, tenant_id=tenant_id))


@router.patch("/{tenant_id}", operation_id="tenants_update", response_model=Tenant)
async def update_tenant(
    tenant_id: uuid.UUID, payload: TenantUpdate, db: DbDep, operator: Operator
) -> Response:
    """Rename, change settings, or suspend / reactivate a tenant (operator only).
    Suspension stops the tenant's tokens immediately."""
    async with db.platform_transaction() as conn:
        tenant = await service.update_tenant(
            conn, tenant_id=tenant_id, data=payload, actor=operator.client_id
        )
    return respond(tenant)


@router.post(
    "/{tenant_id}/clients",
    operation_id="tenants_create_client",
    status_code=201,
    response_model=ClientWithSecret,
)
async def create_client(
    tenant_id: uuid.UUID,
    payload: ClientCreate,
    request: Request,
    db: DbDep,
    principal: AnyPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Create an API client with chosen scopes. The secret is in this response only."""
    authorize_tenant_admin(principal, tenant_id)
    return await run_write(
        db,
        scope=principal.tenant_id or PLATFORM_SCOPE,
        client_id=principal.client_id,
        key=idempotency_key,
        request_fingerprint=fingerprint("POST", request.url.path, payload),
        action=lambda conn: service.create_client(
            conn,
            kind=PrincipalKind.TENANT,
            tenant_id=tenant_id,
            name=payload.name,
            scopes=list(payload.scopes),
            actor=principal.client_id,
        ),
    )


@router.get(
    "/{tenant_id}/clients",
    operation_id="tenants_list_clients",
    response_model=Page[Client],
)
async def list_clients(
    tenant_id: uuid.UUID, db: DbDep, principal: AnyPrincipal, page: Paging
) -> Response:
    """The tenant's API clients, revoked ones included (never their secrets)."""
    authorize_tenant_admin(principal, tenant_id)
    return respond(await service.list_clients(db, tenant_id=tenant_id, page=page))


@router.delete(
    "/{tenant_id}/clients/{client_id}",
    operation_id="tenants_revoke_client",
    status_code=204,
)
async def revoke_client(
    tenant_id: uuid.UUID, client_id: uuid.UUID, db: DbDep, principal: AnyPrincipal
) -> Response:
    """Revoke a client: its secret and every token it holds stop working at once."""
    authorize_tenant_admin(principal, tenant_id)
    async with db.platform_transaction() as conn:
        await service.revoke_client(
            conn, tenant_id=tenant_id, client_id=client_id, actor=principal.client_id
        )
    return Response(status_code=204)
