"""Database access for the API: one asyncpg pool per worker, tenant-scoped transactions.

Isolation is enforced by PostgreSQL itself: every tenant table has row-level security on
`app.tenant_id`, which is set per transaction with `set_config(..., true)` (never at
session level, which would leak through the pool). Reads use `TENANT_GATE` to set the
tenant *inside the query itself*, so a tenant read costs one round trip: the planner
evaluates the uncorrelated sub-select as a one-time filter before scanning, and if it
ever did not, the policy would see no tenant and return nothing (fail closed).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import asyncpg
import orjson
from fastapi import Depends, Request
from sqlalchemy.engine import make_url

from platform_api.core.embedded import embedded_admin_url
from platform_api.settings import Settings

#: The scope used for platform-level (operator) work in tables keyed by tenant.
PLATFORM_SCOPE = uuid.UUID(int=0)

#: Put in the WHERE clause of a single-statement tenant read whose first parameter is the
#: tenant id (as text); compare tenant columns with `$1::uuid`.
TENANT_GATE = "(SELECT set_config('app.tenant_id', $1::text, true)) IS NOT NULL"

EMBEDDED_DATABASE = "platform"
EMBEDDED_OWNER = "platform_owner"


@dataclass(frozen=True)
class DatabaseUrls:
    """`owner` runs migrations and owns the schema; `app` is what the API serves with."""

    owner: str
    app: str
    admin: str | None = None  # superuser URL when we manage the server ourselves


def _with_user(url: str, user: str, password: str | None, database: str | None = None) -> str:
    parsed = make_url(url).set(username=user, password=password)
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def resolve_urls(settings: Settings) -> DatabaseUrls:
    """Where the database is: the configured server, or the embedded one (started here)."""
    if settings.database_url:
        owner = settings.database_url.replace("postgresql+asyncpg://", "postgresql://")
        admin = None
    else:
        admin = embedded_admin_url(settings.var_dir / "pg")
        owner = _with_user(admin, EMBEDDED_OWNER, None, EMBEDDED_DATABASE)
    app = settings.database_app_url or _with_user(
        owner, settings.db_app_role, settings.db_app_password
    )
    return DatabaseUrls(owner=owner, app=app, admin=admin)


def serving_url(settings: Settings) -> str:
    """What the API and workers connect with: the app role's URL, resolved without the
    owner's (nor the embedded server) when it is configured on its own."""
    return settings.database_app_url or resolve_urls(settings).app


async def _init_connection(conn: asyncpg.Connection) -> None:
    await conn.set_type_codec(
        "jsonb",
        schema="pg_catalog",
        encoder=lambda value: orjson.dumps(value).decode(),
        decoder=orjson.loads,
    )


async def _keep_session(conn: asyncpg.Connection) -> None:
    """Release without asyncpg's default `RESET ALL; UNLISTEN *; ...` round trip: the API
    leaves no session state behind (the tenant setting and advisory locks are
    transaction-scoped; LISTEN has its own connection), and asyncpg still rolls back any
    transaction left open before this hook runs."""


async def create_pool(url: str, settings: Settings, *, name: str = "platform-api") -> asyncpg.Pool:
    """The API's pool: short statements, no JIT (it only slows small queries), no reset
    query on release (one round trip per read, not two). `name` is the application_name
    its sessions show in pg_stat_activity."""
    server_settings = {"jit": "off", "application_name": name}
    if settings.db_statement_timeout_ms:
        server_settings["statement_timeout"] = str(settings.db_statement_timeout_ms)
    pool: asyncpg.Pool = await asyncpg.create_pool(
        url,
        min_size=min(settings.db_pool_min, settings.db_pool_max),
        max_size=settings.db_pool_max,
        init=_init_connection,
        reset=_keep_session,
        server_settings=server_settings,
        command_timeout=max(settings.db_statement_timeout_ms / 1000 + 5, 10),
    )
    return pool


async def get_db(request: Request) -> Database:
    """Async on purpose: FastAPI runs a plain `def` dependency in a thread pool."""
    db: Database = request.app.state.db
    return db


async def get_report_db(request: Request) -> Database:
    """Where reports read: the replica's pool if `database_report_url` is set, else the
    primary's (the same object as `get_db`)."""
    db: Database = request.app.state.report_db
    return db


class Database:
    """The pool plus the two ways the API touches tenant data."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def fetchrow(self, tenant_id: uuid.UUID, sql: str, *args: Any) -> asyncpg.Record | None:
        """One-round-trip read: `sql` uses TENANT_GATE and `$1` is the tenant."""
        row: asyncpg.Record | None = await self.pool.fetchrow(sql, str(tenant_id), *args)
        return row

    async def fetch(self, tenant_id: uuid.UUID, sql: str, *args: Any) -> list[asyncpg.Record]:
        """One-round-trip list read: `sql` uses TENANT_GATE and `$1` is the tenant."""
        rows: list[asyncpg.Record] = await self.pool.fetch(sql, str(tenant_id), *args)
        return rows

    @asynccontextmanager
    async def transaction(
        self,
        tenant_id: uuid.UUID,
        *,
        begin_with: list[str] | None = None,
        commit_with: list[str] | None = None,
    ) -> AsyncIterator[asyncpg.Connection]:
        """A read-committed transaction with `app.tenant_id` set; BEGIN and the setting go
        in one round trip (a UUID's text form is safe to inline). `begin_with` statements
        ride along with BEGIN, and those the caller appends to `commit_with` with COMMIT,
        each saving a round trip; they return nothing and take no parameters, so they
        must be built from inline-safe values only (UUIDs, integers, hex)."""
        async with self.pool.acquire() as conn:
            tenant = str(uuid.UUID(str(tenant_id)))
            begin = [f"BEGIN; SELECT set_config('app.tenant_id', '{tenant}', true)"]
            try:
                await conn.execute("; ".join([*begin, *(begin_with or ())]))
                yield conn
                await conn.execute("; ".join([*(commit_with or ()), "COMMIT"]))
            except BaseException:
                if not conn.is_closed():
                    await conn.execute("ROLLBACK")
                raise

    @asynccontextmanager
    async def platform_transaction(self) -> AsyncIterator[asyncpg.Connection]:
        """A transaction for operator work on platform tables."""
        async with self.transaction(PLATFORM_SCOPE) as conn:
            yield conn


DbDep = Annotated[Database, Depends(get_db)]
ReportDbDep = Annotated[Database, Depends(get_report_db)]


async def insert_tenant_row(
    conn: asyncpg.Connection,
    table: str,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    values: dict[str, Any],
    returning: str,
    row_id: uuid.UUID | None = None,
) -> asyncpg.Record:
    """INSERT a tenant-owned row under `row_id` (default: a new id), stamped with who
    created it. `table` and the keys of `values` are names from code, never from input;
    values are parameters."""
    placeholders = ", ".join(f"${i}" for i in range(4, len(values) + 4))
    row: asyncpg.Record = await conn.fetchrow(
        f"INSERT INTO {table} (tenant_id, id, created_by, updated_by, {', '.join(values)}) "
        f"VALUES ($1, $2, $3, $3, {placeholders}) RETURNING {returning}",
        tenant_id,
        row_id or uuid.uuid4(),
        actor,
        *values.values(),
    )
    return row


async def update_tenant_row(
    conn: asyncpg.Connection,
    table: str,
    *,
    tenant_id: uuid.UUID,
    row_id: uuid.UUID,
    actor: uuid.UUID,
    values: dict[str, Any],
    returning: str,
) -> asyncpg.Record | None:
    """UPDATE some columns of one tenant-owned row, stamped with who changed it and when;
    None if there is no such row."""
    assignments = "".join(f", {column} = ${i}" for i, column in enumerate(values, start=4))
    row: asyncpg.Record | None = await conn.fetchrow(
        f"UPDATE {table} SET updated_at = now(), updated_by = $3{assignments} "
        f"WHERE tenant_id = $1 AND id = $2 RETURNING {returning}",
        tenant_id,
        row_id,
        actor,
        *values.values(),
    )
    return row
