"""Every error is problem+json, and a refused request writes nothing."""

from __future__ import annotations

import uuid

import asyncpg
import httpx
import pytest
from fastapi import APIRouter
from pydantic import SecretStr

from platform_api.app import create_app
from platform_api.core.errors import conflict
from tests.conftest import Caller

PROBLEM = "application/problem+json"


async def _entrepreneur_count(database, tenant_id: str) -> int:
    conn = await asyncpg.connect(database.owner)
    try:
        async with conn.transaction():
            await conn.execute("SELECT set_config('app.tenant_id', $1, true)", tenant_id)
            return await conn.fetchval("SELECT count(*) FROM entrepreneurs")
    finally:
        await conn.close()


async def test_bad_bodies_answer_problem_json_and_write_nothing(client, database, tenant_a: Caller):
    headers = {**tenant_a.headers, "content-type": "application/json"}
    cases = {
        b'{"full_name": "A", "country": ': 400,  # malformed JSON
        b'{"full_name": 42, "country": "KE"}': 422,  # wrong type
        b'{"full_name": "A", "country": "KE", "is_admin": true}': 422,  # unknown field
        b'{"full_name": "A", "country": "KE", "birth_year": 1700}': 422,  # out of range
        b'{"full_name": "A", "country": "KE", "phone": "0712"}': 422,  # not E.164
        b"[]": 422,
    }
    for body, status in cases.items():
        response = await client.post("/v1/entrepreneurs", content=body, headers=headers)
        assert response.status_code == status, (body, response.text)
        assert response.headers["content-type"] == PROBLEM
        problem = response.json()
        assert problem["status"] == status and problem["title"] and problem["type"]
        if status == 422:
            assert problem["errors"][0]["path"].startswith("body")
    assert await _entrepreneur_count(database, tenant_a.tenant_id) == 0


async def test_oversize_body_is_413_with_or_without_content_length(
    client, database, tenant_a: Caller
):
    big = b'{"full_name": "' + b"a" * (1024 * 1024 + 10) + b'", "country": "KE"}'
    headers = {**tenant_a.headers, "content-type": "application/json"}
    declared = await client.post("/v1/entrepreneurs", content=big, headers=headers)
    assert declared.status_code == 413
    assert declared.headers["content-type"] == PROBLEM

    async def chunks():
        for start in range(0, len(big), 65536):
            yield big[start : start + 65536]

    streamed = await client.post("/v1/entrepreneurs", content=chunks(), headers=headers)
    assert streamed.status_code == 413
    assert await _entrepreneur_count(database, tenant_a.tenant_id) == 0


async def test_routing_errors_are_problem_json(client, tenant_a: Caller):
    missing = await client.get("/v1/nothing-here")
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    wrong_method = await client.put("/v1/entrepreneurs", headers=tenant_a.headers)
    assert wrong_method.status_code == 405 and wrong_method.headers["content-type"] == PROBLEM
    bad_id = await client.get("/v1/entrepreneurs/not-a-uuid", headers=tenant_a.headers)
    assert (
        bad_id.status_code == 422 and bad_id.json()["errors"][0]["path"] == "path.entrepreneur_id"
    )
    bad_limit = await client.get("/v1/entrepreneurs?limit=1000", headers=tenant_a.headers)
    assert bad_limit.status_code == 422
    bad_cursor = await client.get("/v1/entrepreneurs?cursor=garbage", headers=tenant_a.headers)
    assert bad_cursor.status_code == 422


async def test_unexpected_errors_are_500_without_internals():
    app = create_app()
    boom = APIRouter()

    @boom.get("/boom")
    async def explode() -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    app.include_router(boom)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        response = await http.get("/boom", headers={"X-Request-ID": "trace-me-1"})
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    assert "secret" not in response.text and "Traceback" not in response.text
    assert response.json()["request_id"] == "trace-me-1"


async def test_request_id_is_echoed_or_generated(client):
    given = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    generated = await client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
    assert len(generated.headers["x-request-id"]) == 32
    assert uuid.UUID(generated.headers["x-request-id"])


async def test_health_readiness_and_metrics(client):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ready"}
    metrics = await client.get("/metrics")
    assert metrics.status_code == 200
    assert "http_requests_total" in metrics.text


async def test_metrics_need_the_metrics_token_when_one_is_set(settings):
    app = create_app(settings.model_copy(update={"metrics_token": SecretStr("s3cret-scrape")}))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-scrape"}):
            refused = await client.get("/metrics", headers=headers)
            assert refused.status_code == 401
            assert refused.headers["content-type"] == "application/problem+json"
            assert "http_requests_total" not in refused.text
        allowed = await client.get("/metrics", headers={"Authorization": "Bearer s3cret-scrape"})
        assert allowed.status_code == 200 and "http_requests_total" in allowed.text


def test_a_problem_cannot_replace_an_rfc_9457_member():
    """`status` stays the HTTP status: a conflict names the object's state otherwise."""
    with pytest.raises(ValueError, match="status"):
        conflict("This circle is forming.", status="forming")
