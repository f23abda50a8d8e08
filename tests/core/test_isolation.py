"""Tenant isolation, enforced by the queries and by PostgreSQL itself."""

from __future__ import annotations

import uuid

import asyncpg
import pytest

from platform_api.core.db import DatabaseUrls
from platform_api.core.schema import TENANT_TABLES
from platform_api.models import load_all_models
from tests.conftest import Caller

PERSON = {
    "full_name": "Achieng Otieno",
    "country": "KE",
    "sector": "food",
    "phone": "+254712000001",
}


async def _create(client, caller: Caller, **extra) -> dict:
    response = await client.post(
        "/v1/entrepreneurs", json={**PERSON, **extra}, headers=caller.headers
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_other_tenant_gets_404_on_every_entrepreneur_endpoint_and_changes_nothing(
    client, tenant_a: Caller, tenant_b: Caller
):
    mine = await _create(client, tenant_a)
    path = f"/v1/entrepreneurs/{mine['id']}"

    assert (await client.get(path, headers=tenant_b.headers)).status_code == 404
    patched = await client.patch(path, json={"full_name": "Hijacked"}, headers=tenant_b.headers)
    assert patched.status_code == 404
    assert patched.headers["content-type"] == "application/problem+json"
    assert (await client.delete(path, headers=tenant_b.headers)).status_code == 404

    unchanged = (await client.get(path, headers=tenant_a.headers)).json()
    assert unchanged == mine


async def test_lists_never_contain_other_tenants_rows(client, tenant_a: Caller, tenant_b: Caller):
    a_ids = {(await _create(client, tenant_a))["id"] for _ in range(3)}
    b_ids = {(await _create(client, tenant_b))["id"] for _ in range(2)}
    listed_by_b = await client.get("/v1/entrepreneurs?limit=200", headers=tenant_b.headers)
    seen = {row["id"] for row in listed_by_b.json()["data"]}
    assert seen == b_ids
    assert not seen & a_ids


async def test_repeated_reads_stay_correct_under_cached_generic_plans(
    client, tenant_a: Caller, tenant_b: Caller
):
    """asyncpg prepares statements once; PostgreSQL switches to a generic plan after five
    executions. The in-statement tenant setting must hold under both plans."""
    mine = await _create(client, tenant_a)
    theirs = await _create(client, tenant_b)
    for _ in range(12):
        ok = await client.get(f"/v1/entrepreneurs/{mine['id']}", headers=tenant_a.headers)
        assert ok.status_code == 200
        hidden = await client.get(f"/v1/entrepreneurs/{theirs['id']}", headers=tenant_a.headers)
        assert hidden.status_code == 404


async def test_app_role_without_tenant_sees_no_rows(client, database: DatabaseUrls, tenant_a):
    await _create(client, tenant_a)
    conn = await asyncpg.connect(database.app)
    try:
        assert await conn.fetchval("SELECT count(*) FROM entrepreneurs") == 0
        assert await conn.fetchval("SELECT count(*) FROM idempotency_keys") == 0
    finally:
        await conn.close()


async def test_database_refuses_a_row_for_another_tenant(
    database: DatabaseUrls, tenant_a: Caller, tenant_b: Caller
):
    conn = await asyncpg.connect(database.app)
    try:
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", tenant_a.tenant_id)
            with pytest.raises(asyncpg.InsufficientPrivilegeError, match="row-level security"):
                await conn.execute(
                    "INSERT INTO entrepreneurs (tenant_id, id, country) VALUES ($1, $2, 'KE')",
                    uuid.UUID(tenant_b.tenant_id),
                    uuid.uuid4(),
                )
    finally:
        await conn.close()


async def test_tenant_setting_does_not_outlive_its_transaction(
    client, database: DatabaseUrls, tenant_a: Caller
):
    await _create(client, tenant_a)
    conn = await asyncpg.connect(database.app)
    try:
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", tenant_a.tenant_id)
            assert await conn.fetchval("SELECT count(*) FROM entrepreneurs") >= 1
        assert await conn.fetchval("SELECT count(*) FROM entrepreneurs") == 0
    finally:
        await conn.close()


async def test_every_tenant_table_forces_rls_and_app_role_cannot_bypass(database: DatabaseUrls):
    load_all_models()
    conn = await asyncpg.connect(database.owner)
    try:
        rows = await conn.fetch(
            "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
            "WHERE relname = ANY($1::text[]) AND relkind = 'r'",
            TENANT_TABLES,
        )
        assert {r["relname"] for r in rows} == set(TENANT_TABLES)
        assert all(r["relrowsecurity"] and r["relforcerowsecurity"] for r in rows)
        app_user = await asyncpg.connect(database.app)
        try:
            role = await app_user.fetchrow(
                "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"
            )
            owned = await app_user.fetchval(
                "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
                "WHERE r.rolname = current_user"
            )
        finally:
            await app_user.close()
        assert not role["rolsuper"] and not role["rolbypassrls"]
        assert owned == 0
    finally:
        await conn.close()
