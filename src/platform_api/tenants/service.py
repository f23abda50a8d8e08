"""Tenants and API clients: the registry behind authentication."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid

import asyncpg

from platform_api.auth import revocation
from platform_api.auth.principals import Principal, PrincipalKind
from platform_api.auth.scopes import OPERATOR
from platform_api.core.db import Database
from platform_api.core.errors import Problem, not_found
from platform_api.core.pagination import Page, PageParams, build_page, keyset_clause
from platform_api.tenants.schemas import (
    Client,
    ClientWithSecret,
    Tenant,
    TenantCreate,
    TenantUpdate,
)

_TENANT_COLUMNS = "id, name, country, default_currency, status, settings, created_at, updated_at"
_CLIENT_COLUMNS = "id, tenant_id, name, scopes, created_at, revoked_at"


def _hash_secret(secret: str) -> bytes:
    # Secrets are 256 random bits, so a fast hash is enough (no guessing to slow down).
    return hashlib.sha256(secret.encode()).digest()


async def create_tenant(
    conn: asyncpg.Connection, *, data: TenantCreate, actor: uuid.UUID
) -> Tenant:
    row = await conn.fetchrow(
        f"INSERT INTO tenants (id, name, country, default_currency, settings, created_by, "
        f"updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING {_TENANT_COLUMNS}",
        uuid.uuid4(),
        data.name,
        data.country,
        data.default_currency,
        data.settings,
        actor,
    )
    return Tenant.model_validate(dict(row))


async def get_tenant(db: Database, *, tenant_id: uuid.UUID) -> Tenant:
    row = await db.pool.fetchrow(f"SELECT {_TENANT_COLUMNS} FROM tenants WHERE id = $1", tenant_id)
    if row is None:
        raise not_found("Tenant")
    return Tenant.model_validate(dict(row))


async def active_tenant_ids(db: Database) -> list[uuid.UUID]:
    """Every active tenant, for jobs that run per tenant."""
    rows = await db.pool.fetch("SELECT id FROM tenants WHERE status = 'active' ORDER BY id")
    return [row["id"] for row in rows]


async def list_tenants(db: Database, *, page: PageParams) -> Page[Tenant]:
    after, args = keyset_clause(page, 2)
    rows = await db.pool.fetch(
        f"SELECT {_TENANT_COLUMNS} FROM tenants WHERE true{after} ORDER BY created_at, id LIMIT $1",
        page.limit + 1,
        *args,
    )
    return build_page(rows, page, lambda r: Tenant.model_validate(dict(r)))


async def update_tenant(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, data: TenantUpdate, actor: uuid.UUID
) -> Tenant:
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    assignments = ", ".join(f"{column} = ${i}" for i, column in enumerate(changes, start=3))
    row = await conn.fetchrow(
        f"UPDATE tenants SET {assignments + ', ' if assignments else ''}"
        f"updated_at = now(), updated_by = $2 WHERE id = $1 RETURNING {_TENANT_COLUMNS}",
        tenant_id,
        actor,
        *changes.values(),
    )
    if row is None:
        raise not_found("Tenant")
    if "status" in changes:
        await revocation.announce(conn, f"tenant:{tenant_id}:{changes['status']}")
    return Tenant.model_validate(dict(row))


async def create_client(
    conn: asyncpg.Connection,
    *,
    kind: PrincipalKind,
    name: str,
    scopes: list[str],
    actor: uuid.UUID | None,
    tenant_id: uuid.UUID | None = None,
    funder_id: uuid.UUID | None = None,
) -> ClientWithSecret:
    if tenant_id is not None:
        exists = await conn.fetchval("SELECT true FROM tenants WHERE id = $1", tenant_id)
        if not exists:
            raise not_found("Tenant")
    secret = secrets.token_urlsafe(32)
    row = await conn.fetchrow(
        f"INSERT INTO api_clients (id, kind, tenant_id, name, scopes, secret_hash, created_by, "
        f"updated_by, funder_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) "
        f"RETURNING {_CLIENT_COLUMNS}",
        uuid.uuid4(),
        kind.value,
        tenant_id,
        name,
        sorted(set(scopes)),
        _hash_secret(secret),
        actor,
        funder_id,
    )
    return ClientWithSecret(**dict(row), client_secret=secret)


async def list_clients(db: Database, *, tenant_id: uuid.UUID, page: PageParams) -> Page[Client]:
    after, args = keyset_clause(page, 3)
    rows = await db.pool.fetch(
        f"SELECT {_CLIENT_COLUMNS} FROM api_clients WHERE tenant_id = $1{after} "
        "ORDER BY created_at, id LIMIT $2",
        tenant_id,
        page.limit + 1,
        *args,
    )
    return build_page(rows, page, lambda r: Client.model_validate(dict(r)))


async def revoke_client(
    conn: asyncpg.Connection, *, tenant_id: uuid.UUID, client_id: uuid.UUID, actor: uuid.UUID
) -> None:
    revoked = await conn.fetchval(
        "UPDATE api_clients SET revoked_at = coalesce(revoked_at, now()), updated_at = now(), "
        "updated_by = $3 WHERE id = $1 AND tenant_id = $2 RETURNING id",
        client_id,
        tenant_id,
        actor,
    )
    if revoked is None:
        raise not_found("Client")
    await revocation.announce(conn, f"client:{client_id}:revoked")


async def authenticate_client(
    db: Database, *, client_id: str, client_secret: str, requested_scopes: list[str] | None
) -> Principal:
    """Check a client's credentials; the principal carries the granted scopes."""
    invalid = Problem(
        401,
        "Unknown client or wrong secret.",
        slug="invalid-client",
        extra={"error": "invalid_client"},
        headers={"WWW-Authenticate": 'Basic realm="platform-api"'},
    )
    try:
        client_uuid = uuid.UUID(client_id)
    except ValueError:
        raise invalid from None
    row = await db.pool.fetchrow(
        "SELECT c.kind, c.tenant_id, c.funder_id, c.scopes, c.secret_hash, c.revoked_at, "
        "t.status AS tenant_status FROM api_clients c LEFT JOIN tenants t ON t.id = c.tenant_id "
        "WHERE c.id = $1",
        client_uuid,
    )
    if row is None or not hmac.compare_digest(row["secret_hash"], _hash_secret(client_secret)):
        raise invalid
    if row["revoked_at"] is not None or row["tenant_status"] == "suspended":
        raise invalid
    granted = set(row["scopes"])
    if requested_scopes is not None:
        unknown = set(requested_scopes) - granted
        if unknown:
            raise Problem(
                400,
                f"Scope(s) not granted to this client: {' '.join(sorted(unknown))}.",
                slug="invalid-scope",
                extra={"error": "invalid_scope"},
            )
        granted = set(requested_scopes)
    return Principal(
        kind=PrincipalKind(row["kind"]),
        client_id=client_uuid,
        scopes=frozenset(granted),
        tenant_id=row["tenant_id"],
        funder_id=row["funder_id"],
    )


async def bootstrap_operator(conn: asyncpg.Connection) -> ClientWithSecret:
    """Create the first operator client; refuses if one exists (run once per install)."""
    await conn.execute("LOCK TABLE api_clients IN SHARE ROW EXCLUSIVE MODE")
    if await conn.fetchval("SELECT true FROM api_clients WHERE kind = 'operator' LIMIT 1"):
        raise Problem(409, "An operator client already exists.", slug="already-bootstrapped")
    return await create_client(
        conn, kind=PrincipalKind.OPERATOR, name="operator", scopes=[OPERATOR], actor=None
    )
