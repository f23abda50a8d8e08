"""Shared by the social-loan tests: events from the outbox, problem bodies, entrepreneurs."""

from __future__ import annotations

import json
import uuid
from typing import Any

import asyncpg
import httpx

from platform_api.core.db import DatabaseUrls
from tests.loans.lending import Desk


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    return body


async def events(database: DatabaseUrls, tenant_id: str, type_: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(database.owner)
    try:
        await conn.execute("SELECT set_config('app.tenant_id', $1, false)", tenant_id)
        rows = await conn.fetch(
            "SELECT data FROM outbox_events WHERE type = $1 ORDER BY created_at", type_
        )
    finally:
        await conn.close()
    return [json.loads(row["data"]) for row in rows]


async def entrepreneurs(desk: Desk, count: int) -> list[dict[str, Any]]:
    """`count` new entrepreneurs of the desk's tenant."""
    people = []
    for n in range(count):
        response = await desk.client.post(
            "/v1/entrepreneurs",
            json={"full_name": f"Member {n} {uuid.uuid4().hex[:4]}", "country": "KE"},
            headers=desk.maker.headers,
        )
        assert response.status_code == 201, response.text
        people.append(response.json())
    return people
