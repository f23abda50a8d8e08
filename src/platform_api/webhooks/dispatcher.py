"""The webhook dispatcher: from the outbox to each subscribed endpoint, at least once,
in order per resource, with retries. Any number may run at once (`platform-api worker`,
or inside API workers); they share the work through the database alone.

Each round, for every tenant with webhooks, one transaction:

1. **Fan-out** (one dispatcher per tenant at a time: the tenant's cursor row is taken
   with `FOR UPDATE SKIP LOCKED`). The cursor is a snapshot (`pg_current_snapshot()`):
   which transactions had committed when the tenant's events were last read. The new
   events are those of transactions committed now but not then, found by their
   transaction id (`outbox_events.xid`). A transaction that began earlier but commits
   later is read when it commits, never skipped (as a cursor on `created_at` or on the
   sequence would), and an open transaction holds back only its own events. Each event
   becomes one delivery row per enabled endpoint subscribed to its type, numbered in
   the events' order (`sequence`); the cursor moves to this statement's snapshot.
   Writers are untouched: this is the only reader.
2. **Claim**: due deliveries, `FOR UPDATE SKIP LOCKED` (two dispatchers never claim the
   same one), skipping any whose endpoint has an earlier delivery about the same
   resource still pending (so one resource's events reach an endpoint in order). A
   claim is a lease: the next attempt is pushed past the time the attempt can take,
   and the attempt counted, before the transaction commits. A dispatcher that dies
   mid-attempt leaves the delivery to be tried again when the lease runs out.

The claimed requests then go out concurrently, and their outcomes are recorded in one
transaction per tenant: delivered; or retried after a backoff (`retry.py`) while the
delivery's first failure is younger than the retry window, then given up. An endpoint
with no success for the whole window is disabled, with a `webhook_endpoint.disabled`
event telling the tenant.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import asyncpg

from platform_api.core.db import Database
from platform_api.settings import Settings
from platform_api.webhooks import service, signing
from platform_api.webhooks.retry import RetryPolicy
from platform_api.webhooks.schemas import Event
from platform_api.webhooks.transport import Outcome, WebhookClient

logger = logging.getLogger(__name__)

#: The longest a failing delivery waits between two attempts.
MAX_RETRY_DELAY_SECONDS = 3600.0


@dataclass(frozen=True)
class DispatchConfig:
    retry: RetryPolicy
    timeout_seconds: float
    poll_seconds: float
    max_in_flight: int
    allow_loopback: bool

    @classmethod
    def from_settings(cls, settings: Settings) -> DispatchConfig:
        return cls(
            retry=RetryPolicy(
                base_seconds=settings.webhook_retry_base_seconds,
                cap_seconds=MAX_RETRY_DELAY_SECONDS,
                window_seconds=settings.webhook_retry_window_seconds,
            ),
            timeout_seconds=settings.webhook_timeout_seconds,
            poll_seconds=settings.webhook_poll_seconds,
            max_in_flight=settings.webhook_max_in_flight,
            allow_loopback=settings.webhook_allow_loopback,
        )

    @property
    def lease_seconds(self) -> float:
        """How long a claimed delivery is left alone: well past the attempt's timeout."""
        return self.timeout_seconds * 2 + 10


def _fan_out_sql(tenant_id: uuid.UUID) -> str:
    """Step 1 for one tenant. It returns nothing, so it rides along with BEGIN; the tenant
    id is inlined (a UUID's text form is safe).

    `seen` is the snapshot the tenant's events were last read in, `now` this statement's
    own (what it can see). New are the events of transactions visible now but not then:
    those still running then (`seen`'s in-progress list) or begun since (at or past its
    xmax), two index probes however old the oldest open transaction is. The cursor only
    moves forward: if another dispatcher moved it after this statement's snapshot was
    taken (the row lock then yields the newer row), nothing is done."""
    tenant = f"'{uuid.UUID(str(tenant_id))}'::uuid"
    return f"""
WITH cursor AS (
    SELECT event_snapshot AS seen, pg_current_snapshot() AS now
    FROM webhook_tenants WHERE tenant_id = {tenant} FOR UPDATE SKIP LOCKED
), forward AS (
    SELECT seen, now FROM cursor
    WHERE pg_snapshot_xmax(seen) <= pg_snapshot_xmax(now)
      AND NOT EXISTS (
          SELECT 1 FROM pg_snapshot_xip(now) AS running(xid)
          WHERE pg_visible_in_snapshot(running.xid, seen))
), new_events AS (
    SELECT e.id, e.type, e.subject_id, e.sequence FROM outbox_events e
    WHERE e.tenant_id = {tenant}
      AND e.xid >= (SELECT pg_snapshot_xmax(seen) FROM forward)
      AND pg_visible_in_snapshot(e.xid, (SELECT now FROM forward))
    UNION ALL
    SELECT e.id, e.type, e.subject_id, e.sequence FROM outbox_events e
    WHERE e.tenant_id = {tenant}
      AND e.xid = ANY(ARRAY(SELECT pg_snapshot_xip(seen) FROM forward))
      AND pg_visible_in_snapshot(e.xid, (SELECT now FROM forward))
), fanned AS (
    INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, subject_id)
    SELECT ep.tenant_id, gen_random_uuid(), ep.id, e.id, e.subject_id
    FROM new_events e
    JOIN webhook_endpoints ep ON ep.tenant_id = {tenant} AND ep.status = 'enabled'
        AND e.type = ANY(ep.event_types)
    ORDER BY e.sequence, ep.id
)
UPDATE webhook_tenants t SET event_snapshot = f.now
FROM forward f WHERE t.tenant_id = {tenant}"""


#: Step 2. A candidate must be the first pending delivery of its endpoint and resource,
#: and its endpoint enabled: scalar subqueries, so each candidate costs one index probe
#: (a join there may be planned as a hash over every pending delivery when statistics
#: are young, which made each claim scan the whole backlog). The first one is asked for
#: in `sequence` order: only the queue index gives that order, so it is the index
#: probed. (As `min()` it could be read from the due index's entries of the tenant, as
#: cheap as the queue index to a planner whose statistics say nothing is pending, which
#: they do right after a burst of new events: each probe then read the whole backlog.)
#: The claimed rows are then updated at the row versions just locked (`ctid`, checked
#: against the key): the same statistics can otherwise have the update walk all the
#: tenant's deliveries to join them to the claimed ones.
_CLAIM_SQL = """
WITH due AS (
    SELECT d.ctid, d.tenant_id, d.id FROM webhook_deliveries d
    WHERE d.tenant_id = $1 AND d.status = 'pending' AND d.next_attempt_at <= now()
      AND d.sequence = (
          SELECT p.sequence FROM webhook_deliveries p
          WHERE p.tenant_id = d.tenant_id AND p.endpoint_id = d.endpoint_id
            AND p.subject_id = d.subject_id AND p.status = 'pending'
          ORDER BY p.sequence LIMIT 1)
      AND (SELECT ep.status FROM webhook_endpoints ep
           WHERE ep.tenant_id = d.tenant_id AND ep.id = d.endpoint_id) = 'enabled'
    ORDER BY d.next_attempt_at
    LIMIT $2
    FOR UPDATE OF d SKIP LOCKED
)
UPDATE webhook_deliveries d
SET next_attempt_at = now() + make_interval(secs => $3), attempts = d.attempts + 1,
    last_attempt_at = now()
FROM due, outbox_events e, webhook_endpoints ep
WHERE d.ctid = due.ctid AND d.tenant_id = due.tenant_id AND d.id = due.id
  AND e.tenant_id = d.tenant_id AND e.id = d.event_id
  AND ep.tenant_id = d.tenant_id AND ep.id = d.endpoint_id
RETURNING d.id, d.attempts, e.id AS event_id, e.type, e.subject_id, e.created_at AS occurred_at,
    e.data, ep.url, ep.secret,
    CASE WHEN ep.previous_secret_expires_at > now() THEN ep.previous_secret END
        AS previous_secret"""

#: Outcomes of one tenant's attempts, and of those the deliveries whose claim is still
#: the recorder's (same attempt number, still pending), at their row versions.
#:
#: The plan must not rest on the statistics: after a burst they still say nothing is
#: pending, and may not know the tenant at all, so a walk of all the tenant's deliveries
#: (or of the table) to hash them against the outcomes looks cheaper than a lookup per
#: outcome, and was chosen. So each delivery is found in a LATERAL subquery, planned on
#: its own with the key bound (the primary key's one row: nothing is cheaper) and run
#: once per outcome (its lock, or LIMIT, keeps it from being folded into a join). "Still
#: pending" is compared through the outcome row, so the pending-only indexes are not
#: candidates there (the outcomes are MATERIALIZED, so it stays a comparison with a
#: column). The deliveries found are MATERIALIZED too: inlined, they were joined after
#: the same walk. `{}` ends the lookup.
_STILL_CLAIMED = """
WITH outcome AS MATERIALIZED (
    SELECT *, 'pending' AS claimed_status
    FROM unnest($2::uuid[], $3::int[], $4::bool[], $5::int[], $6::int[], $7::text[],
                $8::text[], $9::float8[])
        AS o(id, attempts, ok, status_code, latency_ms, excerpt, error, retry_after)
), claimed AS MATERIALIZED (
    SELECT o.*, d.ctid, d.tenant_id FROM outcome o CROSS JOIN LATERAL (
        SELECT d.ctid, d.tenant_id FROM webhook_deliveries d
        WHERE d.tenant_id = $1 AND d.id = o.id AND d.attempts = o.attempts
          AND d.status = o.claimed_status
        {}) d
)"""

#: Step 3, first statement: lock the deliveries still claimed. A concurrent change (an
#: endpoint disabled, a delivery retried by hand) is waited for and the claim checked on
#: the latest version. The record then sees those versions (its statement snapshot is
#: newer) and nothing can change them, so it updates them at their row versions (`ctid`,
#: checked against the key), as the claim does. (Locked in the recording statement
#: itself, a version newer than its snapshot could not be updated: the outcome was lost.)
_LOCK_SQL = _STILL_CLAIMED.format("FOR NO KEY UPDATE") + "\nSELECT count(*) FROM claimed"

#: Step 3: record the outcomes on the deliveries still claimed. A failed delivery's later
#: ones (same endpoint and resource) are held back to its next attempt, so the claim's
#: scan does not keep revisiting them. Returns the endpoints that have now failed,
#: without one success, for the whole window. The hold-back runs only when an attempt
#: failed (a one-time check), not as a walk over every pending delivery.
_RECORD_SQL = (
    _STILL_CLAIMED.format("LIMIT 1")
    + """, recorded AS (
    UPDATE webhook_deliveries d SET
        status = CASE WHEN o.ok THEN 'delivered'
                      WHEN d.first_failed_at <= now() - make_interval(secs => $10) THEN 'failed'
                      ELSE 'pending' END,
        next_attempt_at = CASE
            WHEN o.ok OR d.first_failed_at <= now() - make_interval(secs => $10)
                OR ep.status <> 'enabled' THEN NULL
            ELSE now() + make_interval(secs => o.retry_after) END,
        first_failed_at = CASE WHEN o.ok THEN NULL ELSE coalesce(d.first_failed_at, now()) END,
        delivered_at = CASE WHEN o.ok THEN now() ELSE d.delivered_at END,
        response_status = o.status_code, response_latency_ms = o.latency_ms,
        response_excerpt = o.excerpt, error = o.error, updated_at = now()
    FROM claimed o, webhook_endpoints ep
    WHERE d.ctid = o.ctid AND d.tenant_id = o.tenant_id AND d.id = o.id
      AND ep.tenant_id = d.tenant_id AND ep.id = d.endpoint_id
    RETURNING d.endpoint_id, d.subject_id, d.sequence, o.ok, d.next_attempt_at
), held_back AS (
    UPDATE webhook_deliveries s SET next_attempt_at = r.next_attempt_at
    FROM recorded r
    WHERE EXISTS (SELECT FROM outcome WHERE NOT ok) AND NOT r.ok
      AND s.tenant_id = $1 AND s.endpoint_id = r.endpoint_id AND s.subject_id = r.subject_id
      AND s.status = 'pending' AND s.sequence > r.sequence
      AND s.next_attempt_at < r.next_attempt_at AND s.id NOT IN (SELECT id FROM outcome)
), health AS (
    SELECT endpoint_id, bool_or(ok) AS any_ok FROM recorded GROUP BY endpoint_id
), marked AS (
    UPDATE webhook_endpoints ep
    SET failing_since = CASE WHEN h.any_ok THEN NULL ELSE now() END
    FROM health h
    WHERE ep.tenant_id = $1 AND ep.id = h.endpoint_id
      AND h.any_ok = (ep.failing_since IS NOT NULL)
)
SELECT ep.id FROM webhook_endpoints ep JOIN health h ON h.endpoint_id = ep.id
WHERE ep.tenant_id = $1 AND NOT h.any_ok AND ep.status = 'enabled'
  AND ep.failing_since <= now() - make_interval(secs => $10)"""
)


@dataclass(frozen=True, slots=True)
class _Attempt:
    tenant_id: uuid.UUID
    delivery_id: uuid.UUID
    attempt: int
    outcome: Outcome


def _request(claim: asyncpg.Record, timestamp: int) -> tuple[list[tuple[str, str]], bytes]:
    """The signed request of a claimed delivery: headers and body (`signing.py`)."""
    event = Event(
        id=claim["event_id"],
        type=claim["type"],
        subject_id=claim["subject_id"],
        occurred_at=claim["occurred_at"],
        data=claim["data"],
    )
    body = event.model_dump_json().encode()
    secrets = [claim["secret"]]
    if claim["previous_secret"]:
        secrets.append(claim["previous_secret"])
    headers = [
        (signing.EVENT_ID_HEADER, str(claim["event_id"])),
        (signing.EVENT_TYPE_HEADER, claim["type"]),
        (signing.DELIVERY_ID_HEADER, str(claim["id"])),
        (signing.TIMESTAMP_HEADER, str(timestamp)),
        (signing.SIGNATURE_HEADER, signing.signature_header(secrets, timestamp, body)),
    ]
    return headers, body


class Dispatcher:
    """Runs rounds of fan-out, claim, send and record until cancelled."""

    def __init__(
        self,
        db: Database,
        config: DispatchConfig,
        *,
        unit_random: Callable[[], float] = random.random,
    ) -> None:
        self._db = db
        self._config = config
        self._unit_random = unit_random
        self._client = WebhookClient(
            allow_loopback=config.allow_loopback,
            timeout_seconds=config.timeout_seconds,
            max_connections=config.max_in_flight,
        )
        self._in_flight: set[asyncio.Task[_Attempt]] = set()
        self._rounds = 0
        self._tenant_ids: list[uuid.UUID] = []
        self._tenants_read_at = -1e9

    async def run(self) -> None:
        """Dispatch until cancelled. Claimed attempts cut short by a stop are tried again
        when their lease runs out (delivery is at-least-once)."""
        try:
            while True:
                try:
                    await self._round()
                except Exception:
                    logger.exception("webhook dispatch round failed")
                    await asyncio.sleep(self._config.poll_seconds)
        finally:
            for task in self._in_flight:
                task.cancel()
            await asyncio.gather(*self._in_flight, return_exceptions=True)
            await self._client.aclose()

    async def _round(self) -> None:
        """One transaction per tenant: record the attempts that finished, fan out, claim
        (when a quarter of the capacity is free, or nothing is in flight). Then, if
        nothing was claimed, wait for attempts to finish. Records and claims go in
        batches: each costs a few round trips however many deliveries it carries."""
        batch = max(1, self._config.max_in_flight // 4)
        done = {task for task in self._in_flight if task.done()}
        self._in_flight -= done
        finished: dict[uuid.UUID, list[_Attempt]] = defaultdict(list)
        for task in done:
            attempt = task.result()
            finished[attempt.tenant_id].append(attempt)
        free = self._config.max_in_flight - len(self._in_flight)
        capacity = free if free >= batch or not self._in_flight else 0
        claimed = 0
        for tenant_id in await self._tenants(set(finished)):
            if claimed >= capacity and tenant_id not in finished:
                continue
            async with self._db.transaction(
                tenant_id, begin_with=[_fan_out_sql(tenant_id)]
            ) as conn:
                if tenant_id in finished:
                    await self._record(conn, tenant_id, finished[tenant_id])
                claims = (
                    await conn.fetch(
                        _CLAIM_SQL, tenant_id, capacity - claimed, self._config.lease_seconds
                    )
                    if claimed < capacity
                    else []
                )
            for claim in claims:
                self._in_flight.add(asyncio.create_task(self._attempt(tenant_id, claim)))
            claimed += len(claims)
        if not claimed:
            await self._settle(batch)

    async def _tenants(self, with_outcomes: set[uuid.UUID]) -> list[uuid.UUID]:
        """The tenants with webhooks (re-read every second), starting from a different one
        each round so none waits behind a busy one; and any with outcomes to record."""
        now = time.monotonic()
        if now - self._tenants_read_at > 1.0:
            rows = await self._db.pool.fetch("SELECT tenant_id FROM webhook_tenants ORDER BY 1")
            self._tenant_ids = [row["tenant_id"] for row in rows]
            self._tenants_read_at = now
        self._rounds += 1
        start = self._rounds % len(self._tenant_ids) if self._tenant_ids else 0
        rotated = self._tenant_ids[start:] + self._tenant_ids[:start]
        return rotated + sorted(with_outcomes - set(rotated))

    async def _settle(self, batch: int) -> None:
        """Wait until `batch` attempts (or all in flight) have finished, at most a poll
        interval: new events are looked for at least that often."""
        if not self._in_flight:
            await asyncio.sleep(self._config.poll_seconds)
            return
        deadline = time.monotonic() + self._config.poll_seconds
        wanted = min(batch, len(self._in_flight))
        pending = {task for task in self._in_flight if not task.done()}
        while len(self._in_flight) - len(pending) < wanted and pending:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            _, pending = await asyncio.wait(
                pending, timeout=remaining, return_when=asyncio.FIRST_COMPLETED
            )

    async def _attempt(self, tenant_id: uuid.UUID, claim: asyncpg.Record) -> _Attempt:
        headers, body = _request(claim, int(time.time()))
        outcome = await self._client.post(claim["url"], headers, body)
        return _Attempt(tenant_id, claim["id"], claim["attempts"], outcome)

    async def _record(
        self, conn: asyncpg.Connection, tenant_id: uuid.UUID, attempts: list[_Attempt]
    ) -> None:
        """Step 3 for one tenant, in its round's transaction: lock, then record."""
        retry = self._config.retry
        outcomes = (
            tenant_id,
            [a.delivery_id for a in attempts],
            [a.attempt for a in attempts],
            [a.outcome.ok for a in attempts],
            [a.outcome.status for a in attempts],
            [a.outcome.latency_ms for a in attempts],
            [a.outcome.excerpt for a in attempts],
            [a.outcome.error for a in attempts],
            [retry.delay(a.attempt, self._unit_random()) for a in attempts],
        )
        await conn.execute(_LOCK_SQL, *outcomes)
        exhausted = await conn.fetch(_RECORD_SQL, *outcomes, retry.window_seconds)
        for row in exhausted:
            await service.disable_endpoint(
                conn, tenant_id=tenant_id, endpoint_id=row["id"], actor=None, reason="failing"
            )
