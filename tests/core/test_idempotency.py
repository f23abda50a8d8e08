"""Idempotency-Key: retries never double-post."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg

from platform_api.core.db import DatabaseUrls
from platform_api.core.idempotency import _claim_sql
from platform_api.core.keyring import keyring
from tests.conftest import Caller


async def _count(database: DatabaseUrls, tenant_id: str, name: str) -> int:
    conn = await asyncpg.connect(database.owner)
    try:
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", tenant_id)
            rows = await conn.fetch("SELECT id, full_name FROM entrepreneurs")
    finally:
        await conn.close()
    tenant = uuid.UUID(tenant_id)
    return sum(  # names are stored encrypted
        keyring().decrypt(r["full_name"], tenant_id=tenant, row_id=r["id"], column="full_name")
        == name
        for r in rows
    )


async def test_replay_returns_the_identical_response_and_writes_once(
    client, database, tenant_a: Caller
):
    name = f"Replay {uuid.uuid4().hex[:6]}"
    headers = {**tenant_a.headers, "Idempotency-Key": str(uuid.uuid4())}
    body = {"full_name": name, "country": "KE"}
    first = await client.post("/v1/entrepreneurs", json=body, headers=headers)
    second = await client.post("/v1/entrepreneurs", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.content == second.content
    assert second.headers["idempotent-replayed"] == "true"
    assert await _count(database, tenant_a.tenant_id, name) == 1


async def test_same_key_different_body_is_422(client, tenant_a: Caller):
    headers = {**tenant_a.headers, "Idempotency-Key": str(uuid.uuid4())}
    await client.post(
        "/v1/entrepreneurs", json={"full_name": "A", "country": "KE"}, headers=headers
    )
    other = await client.post(
        "/v1/entrepreneurs", json={"full_name": "B", "country": "KE"}, headers=headers
    )
    assert other.status_code == 422
    assert other.json()["type"] == "/problems/idempotency-key-reused"


async def test_keys_are_scoped_to_the_client(client, platform):
    tenant_id = await platform.tenant()
    one, two = await platform.caller(tenant_id), await platform.caller(tenant_id)
    key = str(uuid.uuid4())
    first = await client.post(
        "/v1/entrepreneurs",
        json={"full_name": "A", "country": "KE"},
        headers={**one.headers, "Idempotency-Key": key},
    )
    second = await client.post(
        "/v1/entrepreneurs",
        json={"full_name": "B", "country": "KE"},
        headers={**two.headers, "Idempotency-Key": key},
    )
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]


async def test_twenty_concurrent_requests_with_one_key_create_one_row(
    client, database, tenant_a: Caller
):
    name = f"Concurrent {uuid.uuid4().hex[:6]}"
    headers = {**tenant_a.headers, "Idempotency-Key": str(uuid.uuid4())}
    responses = await asyncio.gather(
        *(
            client.post(
                "/v1/entrepreneurs", json={"full_name": name, "country": "KE"}, headers=headers
            )
            for _ in range(20)
        )
    )
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {201, 409}, statuses
    created = {r.json()["id"] for r in responses if r.status_code == 201}
    assert len(created) == 1
    for conflict in (r for r in responses if r.status_code == 409):
        assert conflict.json()["type"] == "/problems/idempotency-key-in-use"
    assert await _count(database, tenant_a.tenant_id, name) == 1


async def test_invalid_keys_are_rejected(client, tenant_a: Caller):
    response = await client.post(
        "/v1/entrepreneurs",
        json={"full_name": "A", "country": "KE"},
        headers={**tenant_a.headers, "Idempotency-Key": "x" * 300},
    )
    assert response.status_code == 422


async def test_an_expired_key_starts_afresh(client, database, tenant_a: Caller):
    key = str(uuid.uuid4())
    headers = {**tenant_a.headers, "Idempotency-Key": key}
    name = f"Expired {uuid.uuid4().hex[:6]}"
    first = await client.post(
        "/v1/entrepreneurs", json={"full_name": name, "country": "KE"}, headers=headers
    )
    assert first.status_code == 201
    conn = await asyncpg.connect(database.owner)
    try:
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", tenant_a.tenant_id)
            await conn.execute(
                "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' "
                "WHERE key = $1",
                key,
            )
    finally:
        await conn.close()
    again = await client.post(
        "/v1/entrepreneurs", json={"full_name": name, "country": "KE"}, headers=headers
    )
    assert again.status_code == 201 and "idempotent-replayed" not in again.headers
    assert again.json()["id"] != first.json()["id"]
    assert await _count(database, tenant_a.tenant_id, name) == 2


async def test_keys_with_quotes_and_backslashes_replay_exactly(client, database, tenant_a: Caller):
    """The stored response is written with COMMIT as inline SQL: hostile keys stay data."""
    key = "k');DELETE/**/FROM/**/idempotency_keys;--\\x" + uuid.uuid4().hex
    headers = {**tenant_a.headers, "Idempotency-Key": key}
    name = f"Quoted {uuid.uuid4().hex[:6]}"
    body = {"full_name": name, "country": "KE"}
    first = await client.post("/v1/entrepreneurs", json=body, headers=headers)
    second = await client.post("/v1/entrepreneurs", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.content == second.content and second.headers["idempotent-replayed"] == "true"
    assert await _count(database, tenant_a.tenant_id, name) == 1


async def test_the_claim_finds_the_key_by_index(database):
    """The claim looks the key up inside a function whose parameter takes the caller's
    collation: the lookup must stay an index condition, or every write reads all the
    client's keys (and the cost grows with them)."""
    tenant, client_id = uuid.uuid4(), uuid.uuid4()
    conn = await asyncpg.connect(database.owner)
    try:
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", str(tenant))
            await conn.execute(
                "INSERT INTO idempotency_keys (tenant_id, client_id, key, fingerprint, "
                "status_code, response_body) "
                "SELECT $1, $2, 'earlier-' || n, '', 201, '' FROM generate_series(1, 50) n",
                tenant,
                client_id,
            )
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", str(tenant))
            await conn.execute(_claim_sql(tenant, client_id, "fresh-key", ttl_hours=24))
            read = await conn.fetchval(
                "SELECT idx_tup_fetch FROM pg_stat_xact_user_tables "
                "WHERE relname = 'idempotency_keys'"
            )
    finally:
        await conn.close()
    assert read == 0, f"the claim fetched {read} of the client's 50 other keys"
