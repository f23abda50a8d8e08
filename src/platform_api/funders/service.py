"""Funders (created by the operator, with their own API clients) and the grants through
which a tenant lets a funder read its aggregate reports."""

from __future__ import annotations

import uuid

import asyncpg

from platform_api.auth.principals import PrincipalKind
from platform_api.auth.scopes import FUNDER
from platform_api.core.db import Database
from platform_api.core.errors import FieldError, conflict, invalid, not_found
from platform_api.core.pagination import Page, PageParams, build_page, keyset_clause
from platform_api.funders.schemas import Funder, FunderWithClient, Grant
from platform_api.tenants import service as tenants
from platform_api.tenants.schemas import ClientWithSecret

_FUNDER_COLUMNS = "id, name, created_at, updated_at"
_GRANT_COLUMNS = "g.id, g.tenant_id, g.funder_id, f.name AS funder_name, g.created_at, g.revoked_at"


async def create_funder(
    conn: asyncpg.Connection, *, name: str, client_name: str, actor: uuid.UUID
) -> FunderWithClient:
    row = await conn.fetchrow(
        f"INSERT INTO funders (id, name, created_by, updated_by) VALUES ($1, $2, $3, $3) "
        f"RETURNING {_FUNDER_COLUMNS}",
        uuid.uuid4(),
        name,
        actor,
    )
    client = await create_funder_client(conn, funder_id=row["id"], name=client_name, actor=actor)
    return FunderWithClient(**dict(row), client=client)


async def create_funder_client(
    conn: asyncpg.Connection, *, funder_id: uuid.UUID, name: str, actor: uuid.UUID
) -> ClientWithSecret:
    """Another API client of the funder, holding only `funder:reports`."""
    if not await conn.fetchval("SELECT true FROM funders WHERE id = $1", funder_id):
        raise not_found("Funder")
    return await tenants.create_client(
        conn,
        kind=PrincipalKind.FUNDER,
        name=name,
        scopes=[FUNDER],
        actor=actor,
        funder_id=funder_id,
    )


async def list_funders(db: Database, *, page: PageParams) -> Page[Funder]:
    after, args = keyset_clause(page, 2)
    rows = await db.pool.fetch(
        f"SELECT {_FUNDER_COLUMNS} FROM funders WHERE true{after} ORDER BY created_at, id LIMIT $1",
        page.limit + 1,
        *args,
    )
    return build_page(rows, page, lambda r: Funder.model_validate(dict(r)))


async def grant(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, funder_id: uuid.UUID, actor: uuid.UUID
) -> Grant:
    if not await conn.fetchval("SELECT true FROM funders WHERE id = $1", funder_id):
        raise invalid(FieldError(path="body.funder_id", message="No such funder.", code="unknown"))
    try:
        row = await conn.fetchrow(
            "WITH g AS (INSERT INTO funder_grants (id, tenant_id, funder_id, created_by, "
            "updated_by) VALUES ($1, $2, $3, $4, $4) RETURNING *) "
            f"SELECT {_GRANT_COLUMNS} FROM g JOIN funders f ON f.id = g.funder_id",
            uuid.uuid4(),
            tenant_id,
            funder_id,
            actor,
        )
    except asyncpg.UniqueViolationError:
        raise conflict("This funder already has a live grant from this tenant.") from None
    return Grant.model_validate(dict(row))


async def list_grants(
    db: Database, *, tenant_id: uuid.UUID, page: PageParams, include_revoked: bool
) -> Page[Grant]:
    after, args = keyset_clause(page, 3, alias="g")
    live = "" if include_revoked else " AND g.revoked_at IS NULL"
    rows = await db.pool.fetch(
        f"SELECT {_GRANT_COLUMNS} FROM funder_grants g JOIN funders f ON f.id = g.funder_id "
        f"WHERE g.tenant_id = $1{live}{after} ORDER BY g.created_at, g.id LIMIT $2",
        tenant_id,
        page.limit + 1,
        *args,
    )
    return build_page(rows, page, lambda r: Grant.model_validate(dict(r)))


async def revoke(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, grant_id: uuid.UUID, actor: uuid.UUID
) -> None:
    """Effective at once: every report request reads the live grants."""
    revoked = await conn.fetchval(
        "UPDATE funder_grants SET revoked_at = coalesce(revoked_at, now()), updated_at = now(), "
        "updated_by = $3 WHERE id = $1 AND tenant_id = $2 RETURNING id",
        grant_id,
        tenant_id,
        actor,
    )
    if revoked is None:
        raise not_found("Grant")


async def granted_tenants(db: Database, *, funder_id: uuid.UUID) -> list[uuid.UUID]:
    """The active tenants whose reports the funder may read now."""
    rows = await db.pool.fetch(
        "SELECT g.tenant_id FROM funder_grants g JOIN tenants t ON t.id = g.tenant_id "
        "WHERE g.funder_id = $1 AND g.revoked_at IS NULL AND t.status = 'active' "
        "ORDER BY g.tenant_id",
        funder_id,
    )
    return [row["tenant_id"] for row in rows]
