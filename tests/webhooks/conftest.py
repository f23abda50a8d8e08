"""Webhook test fixtures: an app that allows loopback endpoints (the receiver is local),
a receiver, dispatchers on their own pools, and a way to emit events directly."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from platform_api.app import create_app
from platform_api.core.db import Database, DatabaseUrls, create_pool
from platform_api.core.outbox import emit_many
from platform_api.settings import Settings
from platform_api.webhooks.dispatcher import DispatchConfig, Dispatcher
from platform_api.webhooks.retry import RetryPolicy
from tests.conftest import Caller, Platform
from tests.webhooks.receiver import Receiver

#: Fast retries for tests: a failed attempt is retried after 25-50 ms, doubling. The
#: timeout is generous: on a loaded machine a slow answer must not count as a failure.
FAST = DispatchConfig(
    retry=RetryPolicy(base_seconds=0.05, cap_seconds=0.5, window_seconds=60),
    timeout_seconds=10,
    poll_seconds=0.02,
    max_in_flight=32,
    allow_loopback=True,
)


@pytest.fixture(scope="session")
async def dev_client(
    settings: Settings, database: DatabaseUrls
) -> AsyncIterator[httpx.AsyncClient]:
    """The API as in development: loopback endpoints (the test receiver) allowed."""
    application = create_app(settings.model_copy(update={"webhook_allow_loopback": True}))
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


@pytest.fixture(scope="session")
async def app_db(settings: Settings, database: DatabaseUrls) -> AsyncIterator[Database]:
    """The app role's pool, as a domain service would write events with."""
    pool = await create_pool(database.app, settings)
    yield Database(pool)
    await pool.close()


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    server = Receiver()
    await server.start()
    yield server
    if server._server is not None:
        await server.stop()


@pytest.fixture
async def admin(platform: Platform, client: httpx.AsyncClient) -> AsyncIterator[Caller]:
    """A fresh tenant's admin client. Its endpoints are deleted afterwards, so later
    tests' dispatchers do not keep calling URLs (some public) this test subscribed."""
    caller = await platform.tenant_caller()
    yield caller
    listed = await client.get("/v1/webhook-endpoints?limit=200", headers=caller.headers)
    for endpoint in listed.json()["data"]:
        await client.delete(f"/v1/webhook-endpoints/{endpoint['id']}", headers=caller.headers)


@asynccontextmanager
async def dispatching(
    settings: Settings, database: DatabaseUrls, count: int = 1, config: DispatchConfig = FAST
) -> AsyncIterator[None]:
    """`count` dispatchers, each on its own pool, running until the block ends."""
    pools = [await create_pool(database.app, settings) for _ in range(count)]
    tasks = [asyncio.create_task(Dispatcher(Database(pool), config).run()) for pool in pools]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for pool in pools:
            await pool.close()


async def eventually(check: Callable[[], Any], within: float = 15, what: str = "") -> None:
    """Wait until `check()` is truthy (awaiting it if it is a coroutine)."""
    deadline = time.monotonic() + within
    while True:
        result = check()
        if isinstance(result, Awaitable):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        await asyncio.sleep(0.02)


async def subscribe(
    client: httpx.AsyncClient, caller: Caller, url: str, types: list[str] | None = None
) -> dict[str, Any]:
    response = await client.post(
        "/v1/webhook-endpoints",
        json={"url": url, "event_types": types or ["repayment.posted"]},
        headers=caller.headers,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def emit_events(
    db: Database,
    caller: Caller,
    events: list[tuple[uuid.UUID, dict[str, Any]]],
    type_: str = "repayment.posted",
) -> None:
    """Commit events as a domain would (one transaction, in this order)."""
    tenant_id = uuid.UUID(caller.tenant_id)
    async with db.transaction(tenant_id) as conn:
        await emit_many(conn, tenant_id=tenant_id, type=type_, events=events)
