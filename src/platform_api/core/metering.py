"""Usage metering: every request counted per tenant, client, operation, status class and
day, with a latency histogram, without a database write per request.

Each worker aggregates in memory (a dict increment on the hot path) and flushes
periodically and on shutdown with additive upserts, so any number of workers and
flushes add up: counts and histogram buckets are sums, never overwritten. Latency is a
histogram over FIXED bucket bounds, so histograms of different workers and flushes can
be merged by adding them and percentiles computed afterwards (a mean of per-worker
percentiles would be wrong).
"""

from __future__ import annotations

import bisect
import logging
import math
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import asyncpg
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from platform_api.core.schema import metadata

log = logging.getLogger(__name__)

#: Upper bounds (milliseconds) of the latency buckets; a last bucket holds the rest.
#: Changing them would make stored histograms incomparable: add a new column instead.
LATENCY_BOUNDS_MS: tuple[float, ...] = (
    1, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750,
    1000, 1500, 2000, 3000, 5000, 10000,
)  # fmt: skip
BUCKETS = len(LATENCY_BOUNDS_MS) + 1

#: Requests with no tenant (operator, funders, anonymous) are counted under this id, and
#: requests with no verified client (token requests, 401s, health checks) likewise.
NO_TENANT = uuid.UUID(int=0)
NO_CLIENT = uuid.UUID(int=0)

_EPOCH = date(1970, 1, 1)

api_usage = sa.Table(
    "api_usage",
    metadata,
    sa.Column("day", sa.Date, nullable=False, comment="UTC day the requests finished on"),
    sa.Column(
        "tenant_id",
        UUID(as_uuid=True),
        nullable=False,
        comment="The caller's tenant; the nil UUID for operator, funder and anonymous calls",
    ),
    sa.Column("client_id", UUID(as_uuid=True), nullable=False, comment="Nil UUID if none"),
    sa.Column("operation", sa.Text, nullable=False, comment="OpenAPI operation id or `unmatched`"),
    sa.Column("status_class", sa.SmallInteger, nullable=False, comment="2 for 2xx, ... 5 for 5xx"),
    sa.Column("requests", sa.BigInteger, nullable=False),
    sa.Column("latency_ms_sum", sa.Float, nullable=False),
    sa.Column(
        "latency_buckets",
        ARRAY(sa.BigInteger),
        nullable=False,
        comment="Request counts per latency bucket (core.metering.LATENCY_BOUNDS_MS)",
    ),
    sa.PrimaryKeyConstraint("day", "tenant_id", "client_id", "operation", "status_class"),
    sa.Index("ix_api_usage_tenant_day", "tenant_id", "day"),
)

#: Adds a batch to the stored rows (the histograms come flattened, $9 buckets a row);
#: rows are sorted by key, so two workers flushing at once lock rows in the same order.
_UPSERT_SQL = """
INSERT INTO api_usage AS u (day, tenant_id, client_id, operation, status_class, requests,
                            latency_ms_sum, latency_buckets)
SELECT d, t, c, o, s, n, l, ($8::bigint[])[(r - 1) * $9 + 1:r * $9]
FROM unnest($1::date[], $2::uuid[], $3::uuid[], $4::text[], $5::smallint[], $6::bigint[],
            $7::float8[]) WITH ORDINALITY AS k(d, t, c, o, s, n, l, r)
ORDER BY d, t, c, o, s
ON CONFLICT (day, tenant_id, client_id, operation, status_class) DO UPDATE
SET requests = u.requests + excluded.requests,
    latency_ms_sum = u.latency_ms_sum + excluded.latency_ms_sum,
    latency_buckets = ARRAY(
        SELECT a + b FROM unnest(u.latency_buckets, excluded.latency_buckets) AS x(a, b)
    )
"""

Key = tuple[int, uuid.UUID, uuid.UUID, str, int]  # (day ordinal, tenant, client, operation, class)


@dataclass(slots=True)
class Tally:
    """Requests of one key since the last flush."""

    requests: int = 0
    latency_ms_sum: float = 0.0
    buckets: list[int] = field(default_factory=lambda: [0] * BUCKETS)


class Meter:
    """One worker's in-memory tallies. `record` is the hot path; `flush` adds them to the
    database and starts afresh (on failure, the batch is kept for the next flush)."""

    def __init__(self) -> None:
        self._tallies: dict[Key, Tally] = {}

    def record(
        self,
        tenant_id: uuid.UUID | None,
        client_id: uuid.UUID | None,
        operation: str,
        status: int,
        elapsed_seconds: float,
        now: float | None = None,
    ) -> None:
        day = int((time.time() if now is None else now) // 86_400)
        key = (day, tenant_id or NO_TENANT, client_id or NO_CLIENT, operation, status // 100)
        tally = self._tallies.get(key)
        if tally is None:
            tally = self._tallies[key] = Tally()
        latency_ms = elapsed_seconds * 1000.0
        # Bounds are inclusive upper bounds: 5 ms falls in the "<= 5" bucket.
        tally.requests += 1
        tally.latency_ms_sum += latency_ms
        tally.buckets[bisect.bisect_left(LATENCY_BOUNDS_MS, latency_ms)] += 1

    @property
    def pending(self) -> int:
        """Requests recorded and not yet flushed."""
        return sum(t.requests for t in self._tallies.values())

    async def flush(self, pool: asyncpg.Pool) -> int:
        """Add what was recorded to `api_usage` in one statement; returns the requests
        flushed. The tallies are swapped out before the first await, so requests recorded
        meanwhile go to the next batch."""
        batch, self._tallies = self._tallies, {}
        if not batch:
            return 0
        keys = sorted(batch)
        try:
            await pool.execute(
                _UPSERT_SQL,
                [_EPOCH + timedelta(days=k[0]) for k in keys],
                [k[1] for k in keys],
                [k[2] for k in keys],
                [k[3] for k in keys],
                [k[4] for k in keys],
                [batch[k].requests for k in keys],
                [batch[k].latency_ms_sum for k in keys],
                [n for k in keys for n in batch[k].buckets],
                BUCKETS,
            )
        except BaseException:
            self._merge_back(batch)
            raise
        return sum(t.requests for t in batch.values())

    def _merge_back(self, batch: dict[Key, Tally]) -> None:
        for key, old in batch.items():
            tally = self._tallies.setdefault(key, Tally())
            tally.requests += old.requests
            tally.latency_ms_sum += old.latency_ms_sum
            tally.buckets = [a + b for a, b in zip(tally.buckets, old.buckets, strict=True)]


async def flush_logged(meter: Meter, pool: asyncpg.Pool) -> None:
    """Flush; a failure is logged (the batch stays in memory for the next flush)."""
    try:
        await meter.flush(pool)
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        log.warning("usage flush failed, %d requests kept: %s", meter.pending, exc)


def percentile_ms(buckets: Sequence[int], fraction: float) -> float | None:
    """The latency below which `fraction` of the requests finished, read from a merged
    histogram: the upper bound of the bucket holding that rank (so within one bucket's
    width above the true value); None with no requests, and the last finite bound for
    ranks in the overflow bucket."""
    total = sum(buckets)
    if total == 0:
        return None
    rank = max(1, math.ceil(fraction * total - 1e-9))
    seen = 0
    for index, count in enumerate(buckets):
        seen += count
        if seen >= rank:
            return float(LATENCY_BOUNDS_MS[min(index, len(LATENCY_BOUNDS_MS) - 1)])
    return float(LATENCY_BOUNDS_MS[-1])
