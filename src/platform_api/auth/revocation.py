"""Suspended tenants and revoked clients, known to every worker at once.

Verified tokens are cached until they expire, so each worker keeps the set of tenants
and clients whose tokens must stop working. Changes are announced with NOTIFY in the
transaction that makes them; every worker LISTENs, and also reloads periodically in case
a notification was missed while its listening connection was down."""

from __future__ import annotations

import asyncio
import logging
import uuid
from contextlib import suppress

import asyncpg

log = logging.getLogger(__name__)

CHANNEL = "platform_auth"

suspended_tenants: set[uuid.UUID] = set()
revoked_clients: set[uuid.UUID] = set()


def apply(message: str) -> None:
    """Apply `tenant:<id>:suspended|active` or `client:<id>:revoked` to this worker."""
    kind, raw_id, state = message.split(":")
    ident = uuid.UUID(raw_id)
    if kind == "tenant":
        if state == "suspended":
            suspended_tenants.add(ident)
        else:
            suspended_tenants.discard(ident)
    elif kind == "client" and state == "revoked":
        revoked_clients.add(ident)


async def announce(conn: asyncpg.Connection, message: str) -> None:
    """Call inside the changing transaction: delivered to all workers on commit."""
    await conn.execute("SELECT pg_notify($1, $2)", CHANNEL, message)
    apply(message)


async def _reload(conn: asyncpg.Connection, token_lifetime_seconds: int) -> None:
    tenants = await conn.fetch("SELECT id FROM tenants WHERE status = 'suspended'")
    clients = await conn.fetch(
        "SELECT id FROM api_clients WHERE revoked_at > now() - make_interval(secs => $1)",
        token_lifetime_seconds,
    )
    suspended_tenants.clear()
    suspended_tenants.update(r["id"] for r in tenants)
    revoked_clients.update(r["id"] for r in clients)


class RevocationListener:
    """Background task holding one LISTEN connection per worker."""

    def __init__(self, url: str, token_lifetime_seconds: int, reload_seconds: float = 30) -> None:
        self.url = url
        self.token_lifetime_seconds = token_lifetime_seconds
        self.reload_seconds = reload_seconds
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        conn = await asyncpg.connect(self.url)
        await self._subscribe(conn)
        self._task = asyncio.create_task(self._run(conn))

    async def _subscribe(self, conn: asyncpg.Connection) -> None:
        await conn.add_listener(CHANNEL, lambda *args: apply(args[3]))
        await _reload(conn, self.token_lifetime_seconds)

    async def _run(self, conn: asyncpg.Connection | None) -> None:
        while True:
            try:
                if conn is None or conn.is_closed():
                    conn = await asyncpg.connect(self.url)
                    await self._subscribe(conn)
                await asyncio.sleep(self.reload_seconds)
                await _reload(conn, self.token_lifetime_seconds)
            except asyncio.CancelledError:
                if conn is not None:
                    with suppress(Exception):
                        await conn.close(timeout=2)
                raise
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.warning("revocation listener reconnecting: %s", exc)
                conn = None
                await asyncio.sleep(1)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
