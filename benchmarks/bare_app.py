"""The raw limit the API is measured against: bare Starlette + asyncpg, same SQL, no framework.

Two routes on a pool of the same size as the API's; no auth, no validation, no
middleware:

- ``GET /bare/{tenant_id}/{row_id}`` runs the benchmark's single-row read (``BARE_SQL``,
  parameters ``$1`` tenant id and ``$2`` row id) and answers the row as JSON (orjson),
  404 if there is none: HTTP parsing, one pool round trip and JSON;
- ``POST /bare/rows`` with ``{"amount": <int>}`` inserts one row into the scratch table
  ``bare.writes`` (created at startup) in a transaction (BEGIN, INSERT ... RETURNING,
  COMMIT: three round trips, as asyncpg's ``transaction()`` does them), storing the
  request's ``Idempotency-Key`` header if any, and answers the row as JSON with 201:
  the raw limit of a write.

Served by ``benchmarks/_harness.py`` with the same uvicorn options as the API::

    BARE_DATABASE_URL=postgresql://... BARE_SQL='SELECT ...' BARE_POOL_MAX=32 \\
        uvicorn --factory bare_app:create_app --app-dir benchmarks --workers 1
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

#: The write baseline's table: a row the size of a small ledger entry. In a schema of
#: its own: the API's start-up migration grants its role every table in `public`, which
#: it could not do on a table the superuser owns.
_CREATE_WRITES = """
CREATE SCHEMA IF NOT EXISTS bare;
CREATE TABLE IF NOT EXISTS bare.writes (
    id uuid PRIMARY KEY,
    idempotency_key text,
    amount bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
)
"""


async def _no_reset(_: asyncpg.Connection) -> None:
    """Release without `RESET ALL; UNLISTEN *; ...` (asyncpg still rolls back)."""


def create_app() -> Starlette:
    url = os.environ["BARE_DATABASE_URL"]
    sql = os.environ["BARE_SQL"]
    pool_min = int(os.environ.get("BARE_POOL_MIN", "2"))
    pool_max = int(os.environ.get("BARE_POOL_MAX", "32"))
    pool: asyncpg.Pool | None = None

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        nonlocal pool
        pool = await asyncpg.create_pool(
            url,
            min_size=min(pool_min, pool_max),
            max_size=pool_max,
            # The API's pool sets the same: no JIT for small queries, and no reset query
            # on release, so both answer a read in one database round trip and the
            # ratio measures only what the API's own stack adds.
            server_settings={"jit": "off", "application_name": "platform-bench-bare"},
            reset=_no_reset,
        )
        try:
            # Workers start together: one creates the table, the others wait for it.
            async with pool.acquire() as conn, conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock(hashtext('bare.writes'))")
                await conn.execute(_CREATE_WRITES)
            yield
        finally:
            await pool.close()

    async def read_row(request: Request) -> Response:
        assert pool is not None
        params = request.path_params
        row = await pool.fetchrow(sql, params["tenant_id"], params["row_id"])
        if row is None:
            return Response(b'{"detail":"not found"}', 404, media_type="application/json")
        # default=str: asyncpg's UUID subclass is not one orjson serialises natively.
        return Response(orjson.dumps(dict(row), default=str), media_type="application/json")

    async def insert_row(request: Request) -> Response:
        assert pool is not None
        body = orjson.loads(await request.body())
        async with pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                "INSERT INTO bare.writes (id, idempotency_key, amount) VALUES ($1, $2, $3) "
                "RETURNING id, amount, created_at",
                uuid.uuid4(),
                request.headers.get("idempotency-key"),
                body["amount"],
            )
        return Response(orjson.dumps(dict(row), default=str), 201, media_type="application/json")

    async def ready(_: Request) -> Response:
        assert pool is not None
        await pool.fetchval("SELECT 1")
        return Response(b'{"status":"ready"}', media_type="application/json")

    return Starlette(
        routes=[
            Route("/bare/{tenant_id:uuid}/{row_id:uuid}", read_row),
            Route("/bare/rows", insert_row, methods=["POST"]),
            Route("/readyz", ready),
        ],
        lifespan=lifespan,
    )
