"""The dispatcher's claim and record statements on their own: each outcome of a batch is
recorded on its own delivery, and a burst is claimed and recorded by key even while the
planner's statistics still say nothing is pending (as right after a burst)."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import asyncpg
import pytest

from platform_api.core.db import Database, DatabaseUrls
from platform_api.webhooks.dispatcher import (
    _CLAIM_SQL,
    _LOCK_SQL,
    _RECORD_SQL,
    Dispatcher,
    _Attempt,
    _fan_out_sql,
)
from platform_api.webhooks.transport import Outcome
from tests.conftest import Caller
from tests.webhooks.conftest import FAST, emit_events, subscribe

LEASE = 60.0
OK = Outcome(ok=True, status=200, latency_ms=3, excerpt="ok", error=None)
DOWN = Outcome(ok=False, status=503, latency_ms=4, excerpt=None, error="HTTP 503")


async def _claim(db: Database, tenant_id: uuid.UUID, limit: int) -> list[asyncpg.Record]:
    """Fan out, then claim up to `limit` deliveries, as a dispatcher's round does."""
    async with db.transaction(tenant_id, begin_with=[_fan_out_sql(tenant_id)]) as conn:
        return await conn.fetch(_CLAIM_SQL, tenant_id, limit, LEASE)


async def _statuses(db: Database, tenant_id: uuid.UUID) -> dict[uuid.UUID, asyncpg.Record]:
    async with db.transaction(tenant_id) as conn:
        rows = await conn.fetch(
            "SELECT id, status, attempts, response_status, error, next_attempt_at > now() "
            "AS scheduled FROM webhook_deliveries WHERE tenant_id = $1",
            tenant_id,
        )
    return {row["id"]: row for row in rows}


async def test_a_batch_of_outcomes_is_recorded_each_on_its_own_delivery(
    dev_client, admin: Caller, app_db: Database
):
    tenant_id = uuid.UUID(admin.tenant_id)
    await subscribe(dev_client, admin, "http://127.0.0.1:9/hooks")
    await emit_events(app_db, admin, [(uuid.uuid4(), {"n": n}) for n in range(4)])
    delivered, failed, stale, unreported = await _claim(app_db, tenant_id, 10)

    async with app_db.transaction(tenant_id) as conn:
        await Dispatcher(app_db, FAST)._record(
            conn,
            tenant_id,
            [
                _Attempt(tenant_id, delivered["id"], delivered["attempts"], OK),
                _Attempt(tenant_id, failed["id"], failed["attempts"], DOWN),
                # An outcome for an attempt that is no longer the delivery's (its lease ran
                # out and another dispatcher claimed it again) changes nothing.
                _Attempt(tenant_id, stale["id"], stale["attempts"] - 1, OK),
            ],
        )

    rows = await _statuses(app_db, tenant_id)
    assert rows[delivered["id"]]["status"] == "delivered"
    assert rows[delivered["id"]]["response_status"] == 200
    assert not rows[delivered["id"]]["scheduled"]
    assert rows[failed["id"]]["status"] == "pending"
    assert rows[failed["id"]]["error"] == "HTTP 503" and rows[failed["id"]]["scheduled"]
    for untouched in (stale, unreported):
        assert rows[untouched["id"]]["status"] == "pending"
        assert rows[untouched["id"]]["response_status"] is None
        assert rows[untouched["id"]]["attempts"] == 1

    # A delivery recorded once is not recorded again by a late duplicate outcome.
    async with app_db.transaction(tenant_id) as conn:
        await Dispatcher(app_db, FAST)._record(
            conn, tenant_id, [_Attempt(tenant_id, delivered["id"], delivered["attempts"], DOWN)]
        )
    assert (await _statuses(app_db, tenant_id))[delivered["id"]]["status"] == "delivered"


@pytest.mark.parametrize(
    ("change", "recorded"),
    [("next_attempt_at = NULL", "delivered"), ("attempts = attempts + 1", "pending")],
)
async def test_an_outcome_waits_for_a_concurrent_change_and_is_checked_on_its_result(
    dev_client, admin: Caller, app_db: Database, database: DatabaseUrls, change: str, recorded: str
):
    """A change committed while the record waits for the row (its endpoint disabled, say)
    leaves the claim the recorder's and the outcome is recorded; a new attempt does not."""
    tenant_id = uuid.UUID(admin.tenant_id)
    await subscribe(dev_client, admin, "http://127.0.0.1:9/hooks")
    await emit_events(app_db, admin, [(uuid.uuid4(), {"n": 1})])
    [claim] = await _claim(app_db, tenant_id, 1)

    other = await asyncpg.connect(database.owner)
    try:
        async with other.transaction():
            await other.execute("SELECT set_config('app.tenant_id', $1, true)", str(tenant_id))
            await other.execute(
                f"UPDATE webhook_deliveries SET {change} WHERE tenant_id = $1 AND id = $2",
                tenant_id,
                claim["id"],
            )
            changing = await other.fetchval("SELECT pg_current_xact_id()::text")
            outcome = _Attempt(tenant_id, claim["id"], claim["attempts"], OK)
            record = asyncio.create_task(_record(app_db, tenant_id, [outcome]))
            while not await other.fetchval(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'"
                " AND transactionid::text = $1",
                changing,
            ):
                assert not record.done(), record.exception()
                await asyncio.sleep(0.01)
        await record
    finally:
        await other.close()

    assert (await _statuses(app_db, tenant_id))[claim["id"]]["status"] == recorded


async def _record(db: Database, tenant_id: uuid.UUID, attempts: list[_Attempt]) -> None:
    async with db.transaction(tenant_id) as conn:
        await Dispatcher(db, FAST)._record(conn, tenant_id, attempts)


def _blocks(plan: str) -> int:
    """Shared buffers the heaviest part of a statement touched, from its EXPLAIN ANALYZE:
    the most any node counted (a node counts its inputs' too, and the data-modifying
    common table expressions, run to completion at the end, are not under the top)."""
    [top] = json.loads(plan)
    nodes: list[dict[str, Any]] = [top["Plan"]]
    most = 0
    while nodes:
        node = nodes.pop()
        most = max(most, int(node["Shared Hit Blocks"]) + int(node["Shared Read Blocks"]))
        nodes.extend(node.get("Plans", []))
    return most


async def test_a_burst_is_claimed_and_recorded_by_key_while_statistics_see_nothing_pending(
    dev_client, admin: Caller, app_db: Database, database: DatabaseUrls
):
    """The statements must not read the whole backlog for a batch. With statistics that
    know the tenant's deliveries but none pending, plans resting on them did: thousands
    of blocks per batch here (a walk of the backlog per claimed delivery, or for the
    batch); by key it is a few per claimed delivery."""
    backlog, batch = 3000, 16
    tenant_id = uuid.UUID(admin.tenant_id)
    await subscribe(dev_client, admin, "http://127.0.0.1:9/hooks")
    await emit_events(app_db, admin, [(uuid.uuid4(), {"n": n}) for n in range(batch)])
    earlier = await _claim(app_db, tenant_id, batch)
    async with app_db.transaction(tenant_id) as conn:
        await Dispatcher(app_db, FAST)._record(
            conn, tenant_id, [_Attempt(tenant_id, c["id"], c["attempts"], OK) for c in earlier]
        )
    owner = await asyncpg.connect(database.owner)
    try:
        await owner.execute("ANALYZE webhook_deliveries")  # before the burst: none pending
    finally:
        await owner.close()
    await emit_events(app_db, admin, [(uuid.uuid4(), {"n": n}) for n in range(backlog)])

    async with app_db.transaction(tenant_id, begin_with=[_fan_out_sql(tenant_id)]) as conn:
        claim_plan = await conn.fetchval(
            "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + _CLAIM_SQL, tenant_id, batch, LEASE
        )
        claimed = await conn.fetch(
            "SELECT id, attempts FROM webhook_deliveries "
            "WHERE tenant_id = $1 AND last_attempt_at = now()",
            tenant_id,
        )
        outcomes = (
            tenant_id,
            [row["id"] for row in claimed],
            [row["attempts"] for row in claimed],
            [True] * batch,
            [200] * batch,
            [3] * batch,
            ["ok"] * batch,
            [None] * batch,
            [0.0] * batch,
        )
        lock_plan = await conn.fetchval(
            "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + _LOCK_SQL, *outcomes
        )
        record_plan = await conn.fetchval(
            "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + _RECORD_SQL,
            *outcomes,
            FAST.retry.window_seconds,
        )

    assert len(claimed) == batch
    assert _blocks(claim_plan) < 50 * batch, claim_plan
    assert _blocks(lock_plan) < 50 * batch, lock_plan
    assert _blocks(record_plan) < 50 * batch, record_plan
    statuses = [row["status"] for row in (await _statuses(app_db, tenant_id)).values()]
    assert statuses.count("delivered") == 2 * batch
    assert statuses.count("pending") == backlog - batch
