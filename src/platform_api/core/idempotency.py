"""Idempotency-Key (IETF draft semantics) for POSTs.

The key's record is written in the same transaction as the change it guards, so a
crash can never leave a change without its record (a retry would post twice) or a
record without its change. While a request holds a key (a transaction-scoped advisory
lock), another request with that key gets 409; afterwards the same body replays the
stored response and a different body gets 422. Keys are scoped to tenant and client.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated

import asyncpg
import sqlalchemy as sa
from fastapi import Header
from pydantic import BaseModel
from sqlalchemy.dialects.postgresql import UUID
from starlette.responses import Response

from platform_api.core.db import Database
from platform_api.core.errors import Problem
from platform_api.core.schema import TENANT_TABLES, metadata

idempotency_keys = sa.Table(
    "idempotency_keys",
    metadata,
    sa.Column(
        "tenant_id",
        UUID(as_uuid=True),
        nullable=False,
        comment="Tenant, or the nil UUID for platform (operator) requests",
    ),
    sa.Column("client_id", UUID(as_uuid=True), nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("fingerprint", sa.LargeBinary, nullable=False),
    sa.Column("status_code", sa.SmallInteger, nullable=False),
    sa.Column("response_body", sa.LargeBinary, nullable=False),
    sa.Column(
        "created_at", sa.TIMESTAMP(timezone=True), nullable=False, server_default=sa.func.now()
    ),
    sa.PrimaryKeyConstraint("tenant_id", "client_id", "key"),
    sa.Index("ix_idempotency_keys_created_at", "created_at"),
)
TENANT_TABLES.append("idempotency_keys")

_KEY_DESCRIPTION = (
    "Unique key (e.g. a UUID) making this POST safe to retry: the same key and body "
    "replay the first response; a different body with the key is 422; while the first "
    "request is in progress, 409."
)
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description=_KEY_DESCRIPTION,
    ),
]
RequiredIdempotencyKey = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description=_KEY_DESCRIPTION + " Required: this request moves money.",
    ),
]


def fingerprint(method: str, path: str, payload: BaseModel | None) -> bytes:
    body = payload.model_dump_json().encode() if payload is not None else b""
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).digest()


_CLAIM_SQL = """
WITH lock AS (
    SELECT pg_try_advisory_xact_lock(hashtextextended($4, 0)) AS held
), claim AS (
    INSERT INTO idempotency_keys (tenant_id, client_id, key, fingerprint, status_code,
                                  response_body)
    SELECT $1, $2, $3, $5, 0, '' FROM lock WHERE held
    ON CONFLICT (tenant_id, client_id, key) DO UPDATE
        SET fingerprint = excluded.fingerprint, status_code = 0, response_body = '',
            created_at = now()
        WHERE idempotency_keys.created_at <= now() - make_interval(hours => $6)
    RETURNING 1
)
SELECT (SELECT held FROM lock) AS held, EXISTS (SELECT FROM claim) AS claimed
"""


async def _replay_or_claim(
    conn: asyncpg.Connection,
    scope: uuid.UUID,
    client_id: uuid.UUID,
    key: str,
    fp: bytes,
    ttl_hours: int,
) -> Response | None:
    """Take the key (one round trip when it is new): None to go ahead, else the stored
    response to replay. Holding the advisory lock means no other request with this key
    is in flight, so a conflicting row is a committed, finished one."""
    claim = await conn.fetchrow(
        _CLAIM_SQL, scope, client_id, key, f"{scope}:{client_id}:{key}", fp, ttl_hours
    )
    if not claim["held"]:
        raise Problem(
            409,
            "A request with this Idempotency-Key is still being processed; retry later.",
            slug="idempotency-key-in-use",
            headers={"Retry-After": "1"},
        )
    if claim["claimed"]:
        return None
    stored = await conn.fetchrow(
        "SELECT fingerprint, status_code, response_body FROM idempotency_keys "
        "WHERE tenant_id = $1 AND client_id = $2 AND key = $3",
        scope,
        client_id,
        key,
    )
    if stored["fingerprint"] != fp:
        raise Problem(
            422,
            "This Idempotency-Key was already used with a different request body.",
            slug="idempotency-key-reused",
        )
    return Response(
        stored["response_body"],
        status_code=stored["status_code"],
        media_type="application/json",
        headers={"Idempotent-Replayed": "true"},
    )


async def run_write(
    db: Database,
    *,
    scope: uuid.UUID,
    client_id: uuid.UUID,
    key: str | None,
    request_fingerprint: bytes,
    action: Callable[[asyncpg.Connection], Awaitable[BaseModel]],
    status_code: int = 201,
    ttl_hours: int = 24,
) -> Response:
    """Run `action` in one tenant transaction, guarded by `key` when one is given."""
    finish: list[str] = []
    async with db.transaction(scope, commit_with=finish) as conn:
        if key is not None:
            replay = await _replay_or_claim(
                conn, scope, client_id, key, request_fingerprint, ttl_hours
            )
            if replay is not None:
                return replay
        result = await action(conn)
        body = result.model_dump_json().encode()
        if key is not None:
            finish.append(_store_response_sql(scope, client_id, key, status_code, body))
    return Response(body, status_code=status_code, media_type="application/json")


def _store_response_sql(
    scope: uuid.UUID, client_id: uuid.UUID, key: str, status_code: int, body: bytes
) -> str:
    """The claimed key's response, as a statement sent with COMMIT (no parameters there):
    every value is inlined as a UUID, an integer or hex, which cannot break out."""
    return (
        f"UPDATE idempotency_keys SET status_code = {int(status_code)}, "
        f"response_body = decode('{body.hex()}', 'hex') "
        f"WHERE tenant_id = '{uuid.UUID(str(scope))}' "
        f"AND client_id = '{uuid.UUID(str(client_id))}' "
        # The collation makes the comparison an index condition (else it filters every
        # key of the client, and the cost grows with them).
        f"AND key = convert_from(decode('{key.encode().hex()}', 'hex'), 'UTF8')::text "
        'COLLATE "default"'
    )
