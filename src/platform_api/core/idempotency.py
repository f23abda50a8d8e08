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

from platform_api.core.db import TENANT_GATE, Database
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


#: SQLSTATEs raised by claim_idempotency_key() (migration 0004).
_IN_FLIGHT = "IK409"
_ALREADY_USED = "IK200"


def _hex_text(value: str) -> str:
    """A text value as an SQL expression that no input can break out of."""
    return f"convert_from(decode('{value.encode().hex()}', 'hex'), 'UTF8')"


def _claim_sql(scope: uuid.UUID, client_id: uuid.UUID, key: str, ttl_hours: int) -> str:
    """Take the key with BEGIN: its advisory lock, held until COMMIT (no other request
    with this key is in flight); raises _IN_FLIGHT, or _ALREADY_USED when a finished
    request holds the key (migration 0009)."""
    return (
        f"SELECT claim_idempotency_key('{uuid.UUID(str(scope))}', "
        f"'{uuid.UUID(str(client_id))}', {_hex_text(key)}, {int(ttl_hours)})"
    )


async def _replay(
    db: Database, scope: uuid.UUID, client_id: uuid.UUID, key: str, fp: bytes
) -> Response:
    """The stored response of the finished request that used this key."""
    stored = await db.fetchrow(
        scope,
        f"SELECT fingerprint, status_code, response_body FROM idempotency_keys "
        f"WHERE {TENANT_GATE} AND tenant_id = $1::uuid AND client_id = $2 AND key = $3",
        client_id,
        key,
    )
    if stored is None:  # pragma: no cover - expired and purged between the two reads
        raise _in_flight()
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


def _in_flight() -> Problem:
    return Problem(
        409,
        "A request with this Idempotency-Key is still being processed; retry later.",
        slug="idempotency-key-in-use",
        headers={"Retry-After": "1"},
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
    """Run `action` in one tenant transaction, guarded by `key` when one is given: the
    claim goes with BEGIN and the response with COMMIT, so a key costs no extra round
    trip."""
    start = [] if key is None else [_claim_sql(scope, client_id, key, ttl_hours)]
    finish: list[str] = []
    try:
        async with db.transaction(scope, begin_with=start, commit_with=finish) as conn:
            result = await action(conn)
            body = result.model_dump_json().encode()
            if key is not None:
                finish.append(
                    _store_response_sql(
                        scope, client_id, key, request_fingerprint, status_code, body
                    )
                )
    except asyncpg.PostgresError as exc:
        if key is not None and exc.sqlstate == _IN_FLIGHT:
            raise _in_flight() from None
        if key is not None and exc.sqlstate == _ALREADY_USED:
            return await _replay(db, scope, client_id, key, request_fingerprint)
        raise
    return Response(body, status_code=status_code, media_type="application/json")


def _store_response_sql(
    scope: uuid.UUID, client_id: uuid.UUID, key: str, fp: bytes, status_code: int, body: bytes
) -> str:
    """The claimed key's row with its response, as a statement sent with COMMIT (no
    parameters there): every value is inlined as a UUID, an integer or hex, which cannot
    break out. A conflict can only be an expired row (the claim checked), replaced."""
    return (
        "INSERT INTO idempotency_keys (tenant_id, client_id, key, fingerprint, "
        "status_code, response_body) "
        f"VALUES ('{uuid.UUID(str(scope))}', '{uuid.UUID(str(client_id))}', {_hex_text(key)}, "
        f"decode('{fp.hex()}', 'hex'), {int(status_code)}, decode('{body.hex()}', 'hex')) "
        "ON CONFLICT (tenant_id, client_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, "
        "status_code = excluded.status_code, response_body = excluded.response_body, "
        "created_at = excluded.created_at"
    )
