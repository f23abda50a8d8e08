"""Database outages (issue 11, faults): the app reaches PostgreSQL through a TCP proxy
the test can cut, so an outage is what a worker sees when the server goes away (refused
connections, dropped sockets). During it: 503 problem+json with Retry-After, readiness
false; after it: serving again within seconds; no acknowledged write lost, and every
refused write retried with its Idempotency-Key lands exactly once."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from platform_api.app import create_app
from platform_api.core.db import DatabaseUrls
from platform_api.settings import Settings
from tests.conftest import Caller, Platform


class Proxy:
    """A byte pipe from a local TCP port to the database server, that can be cut (the
    listener closed and every connection reset) and restored on the same port."""

    def __init__(self, upstream: str) -> None:
        url = make_url(upstream)
        socket_dir = url.query.get("host")  # the embedded server listens on a socket
        port = url.query.get("port") or url.port or 5432
        self.unix = f"{socket_dir}/.s.PGSQL.{port}" if isinstance(socket_dir, str) else None
        self.host, self.port_upstream = url.host or "127.0.0.1", url.port or 5432
        self.port = 0
        self.server: asyncio.Server | None = None
        self.pipes: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._connect, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in list(self.pipes):
            writer.transport.abort()
        await self.server.wait_closed()
        self.pipes.clear()

    async def _connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # Known from the accept on, so a cut while the upstream side is still connecting
        # resets this one too (it used to survive the cut and serve the outage).
        self.pipes.add(writer)
        if self.unix:
            up_reader, up_writer = await asyncio.open_unix_connection(self.unix)
        else:
            up_reader, up_writer = await asyncio.open_connection(self.host, self.port_upstream)
        if writer not in self.pipes:  # cut meanwhile
            up_writer.transport.abort()
            return
        self.pipes.add(up_writer)
        await asyncio.gather(
            self._pump(reader, up_writer), self._pump(up_reader, writer), return_exceptions=True
        )

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65_536):
                writer.write(data)
                await writer.drain()
        finally:
            self.pipes.discard(writer)
            writer.transport.abort()


@pytest.fixture
async def outage(
    settings: Settings, database: DatabaseUrls
) -> AsyncIterator[tuple[httpx.AsyncClient, Proxy]]:
    proxy = Proxy(database.app)
    await proxy.start()
    app_url = (
        make_url(database.app)
        .set(host="127.0.0.1", port=proxy.port, query={})
        .render_as_string(hide_password=False)
    )
    app = create_app(settings.model_copy(update={"database_app_url": app_url}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http, proxy
    with contextlib.suppress(Exception):
        await proxy.cut()


async def _create(http: httpx.AsyncClient, caller: Caller, name: str, key: str) -> int:
    response = await http.post(
        "/v1/entrepreneurs",
        json={"full_name": name, "external_ref": name, "country": "KE"},
        headers={**caller.headers, "Idempotency-Key": key},
    )
    if response.status_code != 201:
        assert response.status_code == 503, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert int(response.headers["retry-after"]) >= 1
    return response.status_code


async def _names(database: DatabaseUrls, tenant_id: str) -> list[str]:
    conn = await asyncpg.connect(database.owner)
    try:
        await conn.execute("SELECT set_config('app.tenant_id', $1, false)", tenant_id)
        # external_ref: the name itself is stored encrypted.
        rows = await conn.fetch("SELECT external_ref FROM entrepreneurs")
        return [r["external_ref"] for r in rows]
    finally:
        await conn.close()


async def test_an_outage_under_load_is_503_then_recovers_losing_nothing(
    outage: tuple[httpx.AsyncClient, Proxy], platform: Platform, database: DatabaseUrls
):
    http, proxy = outage
    caller = await platform.tenant_caller()
    assert caller.tenant_id is not None
    writes = {f"Load {n}": str(uuid.uuid4()) for n in range(40)}
    names = list(writes)

    async def writer(chunk: list[str]) -> dict[str, int]:
        return {name: await _create(http, caller, name, writes[name]) for name in chunk}

    # Four writers; the database goes away while they are busy.
    load = [asyncio.create_task(writer(names[i::4])) for i in range(4)]
    await asyncio.sleep(0.05)
    await proxy.cut()
    outcomes: dict[str, int] = {}
    for result in await asyncio.gather(*load):
        outcomes.update(result)
    during = await http.get("/v1/entrepreneurs", headers=caller.headers)
    assert during.status_code == 503 and during.headers["retry-after"], during.text
    ready = await http.get("/readyz")
    assert ready.status_code == 503 and ready.json()["type"] == "/problems/not-ready"
    assert 503 in outcomes.values(), "the outage began after the load ended"

    await proxy.start()
    restored = time.monotonic()
    while (await http.get("/readyz")).status_code != 200:
        assert time.monotonic() - restored < 10, "not ready 10 s after the database returned"
        await asyncio.sleep(0.1)
    recovery = time.monotonic() - restored
    listed = await http.get("/v1/entrepreneurs", headers=caller.headers)
    assert listed.status_code == 200, listed.text
    refused = sum(status == 503 for status in outcomes.values())
    print(f"\n{len(outcomes) - refused} writes acknowledged, {refused} refused (503); ready again")
    print(f"{recovery:.2f} s after the database returned")

    acknowledged = {name for name, status in outcomes.items() if status == 201}
    assert acknowledged <= set(await _names(database, caller.tenant_id))
    # Retried with their keys, the refused writes land once; acknowledged ones replay.
    for name in names:
        assert await _create(http, caller, name, writes[name]) == 201
    stored = await _names(database, caller.tenant_id)
    assert sorted(stored) == sorted(names), "a write was lost or landed twice"


async def test_requests_cancelled_mid_flight_leave_nothing_half_done(
    client: httpx.AsyncClient, platform: Platform, database: DatabaseUrls
):
    """Clients that hang up at any moment of a write (the request's task cancelled, as
    the server does on a disconnect): each write is then whole or absent, its
    Idempotency-Key is not left locked, and the pool still serves."""
    caller = await platform.tenant_caller()
    assert caller.tenant_id is not None
    writes = {f"Cancelled {n}": str(uuid.uuid4()) for n in range(30)}
    tasks = [
        asyncio.create_task(_create(client, caller, name, key)) for name, key in writes.items()
    ]
    for n, task in enumerate(tasks):
        await asyncio.sleep(0.001 * (n % 7))
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    cancelled = sum(isinstance(result, asyncio.CancelledError) for result in results)
    print(f"\n{cancelled} of {len(tasks)} writes cancelled mid-flight")
    assert cancelled, "every write finished before it could be cancelled"
    for name, key in writes.items():
        assert await _create(client, caller, name, key) == 201, name
    assert sorted(await _names(database, caller.tenant_id)) == sorted(writes)
    assert (await client.get("/readyz")).status_code == 200
