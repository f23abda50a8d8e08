"""Rate limits: a token bucket per client, per tenant and per client id at the token
endpoint, shared by every worker through PostgreSQL.

The buckets live in `rate_limit_buckets`; `rate_limit_take()` refills one and takes
tokens from it in one round trip. A worker does not go to the database per request: it
takes a *lease* of several tokens (a hundredth of the limit) and spends it locally for up
to ten seconds, then hands back what it did not spend with its next take. Tokens are only
spent after the shared bucket granted them, so no number of workers can exceed a limit;
at most a lease per worker (a hundredth of the limit) sits unspent for ten seconds. The
lease outlives the gaps between a client's requests: with 100 tenants' clients spread
over the workers, a one-second lease had expired before most requests, and each then
paid two takes (client and tenant) before its own work.

Limits are per minute, with a burst of one minute's worth. Tenants may lower or raise
theirs with the settings `rate_limit_per_minute` (all their clients together) and
`client_rate_limit_per_minute` (each client).
"""

from __future__ import annotations

import asyncio
import math
import random
import time
import uuid
from dataclasses import dataclass, field

import sqlalchemy as sa

from platform_api.auth.principals import Principal, PrincipalKind
from platform_api.core.db import Database
from platform_api.core.errors import Problem
from platform_api.core.schema import metadata
from platform_api.settings import Settings

rate_limit_buckets = sa.Table(
    "rate_limit_buckets",
    metadata,
    sa.Column("key", sa.Text, primary_key=True, comment="client:<id>, tenant:<id>, token:<id>"),
    sa.Column("milli_tokens", sa.BigInteger, nullable=False, comment="Thousandths of a token"),
    sa.Column("refilled_at", sa.TIMESTAMP(timezone=True), nullable=False),
    prefixes=["UNLOGGED"],  # migration 0016: a take does not wait for the WAL's flush
)

#: Tenant settings that override the defaults.
TENANT_SETTING = "rate_limit_per_minute"
CLIENT_SETTING = "client_rate_limit_per_minute"

#: How long a worker may spend a lease before it must ask the shared bucket again (and
#: how late a tenant's new limit may apply). Each lease runs out at a random moment in
#: the second half of it: the leases a worker takes together (at its start, for every
#: active client and tenant) are then not all renewed together (the load benchmark's
#: latency timeline had its slow seconds about ten seconds apart before).
LEASE_SECONDS = 10.0
#: A lease is this share of the per-minute limit (at least one token).
LEASE_SHARE = 100


@dataclass(slots=True)
class _Lease:
    #: One take from the shared bucket at a time: requests arriving meanwhile wait for
    #: its lease instead of each draining the bucket into this worker.
    taking: asyncio.Lock = field(default_factory=asyncio.Lock)
    tokens: int = 0
    expires: float = 0.0
    #: Tokens of an expired lease, handed back with the next take.
    unspent: int = 0
    #: The limit the bucket last reported (sizes the next lease).
    per_minute: int = 1


@dataclass(frozen=True, slots=True)
class _Bucket:
    key: str
    tenant_id: uuid.UUID | None
    setting: str | None
    default_per_minute: int
    what: str


class RateLimiter:
    """Admits a request or raises 429 with `Retry-After`."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self._db = db
        self._client_limit = settings.rate_limit_client_per_minute
        self._tenant_limit = settings.rate_limit_tenant_per_minute
        self._token_limit = settings.rate_limit_token_per_minute
        self._clients: dict[uuid.UUID, _Lease] = {}
        self._tenants: dict[uuid.UUID, _Lease] = {}

    async def admit(self, principal: Principal) -> None:
        """A verified caller's request: its client's bucket, and its tenant's. On every
        request: the common case is two dictionary lookups and two decrements."""
        tenant = principal.tenant_id if principal.kind is PrincipalKind.TENANT else None
        held = self._clients.get(principal.client_id)
        if held is None or not self._spend(held):
            held = self._clients.setdefault(principal.client_id, _Lease())
            bucket = _Bucket(
                f"client:{principal.client_id}",
                tenant,
                CLIENT_SETTING if tenant else None,
                self._client_limit,
                "this client",
            )
            await self._refill(bucket, held)
        if tenant is not None:
            held = self._tenants.get(tenant)
            if held is None or not self._spend(held):
                held = self._tenants.setdefault(tenant, _Lease())
                bucket = _Bucket(
                    f"tenant:{tenant}", tenant, TENANT_SETTING, self._tenant_limit, "this tenant"
                )
                await self._refill(bucket, held)

    async def admit_token_request(self, client_id: str) -> None:
        """An attempt to get a token for `client_id` (known or not): against guessing
        secrets, each id gets few attempts, whoever makes them. Not leased, and nothing
        kept per id in the worker (anyone can invent ids): every attempt is counted where
        all workers see it."""
        bucket = _Bucket(f"token:{client_id}", None, None, self._token_limit, "this client id")
        await self._lease(bucket, _Lease(), lease=False)

    async def _refill(self, bucket: _Bucket, held: _Lease) -> None:
        """Spend from a new lease: one take at a time per key (requests arriving
        meanwhile spend from the lease it brings)."""
        async with held.taking:
            if not self._spend(held):
                await self._lease(bucket, held, lease=True)

    @staticmethod
    def _spend(held: _Lease) -> bool:
        if held.tokens > 0 and time.monotonic() < held.expires:
            held.tokens -= 1
            return True
        return False

    async def _lease(self, bucket: _Bucket, held: _Lease, *, lease: bool) -> None:
        """Take a lease from the shared bucket and spend one of its tokens."""
        if time.monotonic() >= held.expires:
            held.unspent, held.tokens = held.unspent + held.tokens, 0
        want = max(1, held.per_minute // LEASE_SHARE) if lease else 1
        row = await self._db.pool.fetchrow(
            "SELECT granted, per_minute, wait_ms FROM rate_limit_take($1, $2, $3, $4, $5, $6)",
            bucket.key,
            bucket.tenant_id,
            bucket.setting,
            bucket.default_per_minute,
            want,
            held.unspent,
        )
        assert row is not None
        held.unspent = 0
        held.per_minute = row["per_minute"]
        if row["granted"] == 0:
            retry_after = max(1, math.ceil(row["wait_ms"] / 1000))
            raise Problem(
                429,
                f"Too many requests for {bucket.what}: at most {row['per_minute']} a minute. "
                f"Retry after {retry_after} s.",
                slug="rate-limited",
                headers={"Retry-After": str(retry_after)},
            )
        held.tokens = row["granted"] - 1
        held.expires = time.monotonic() + LEASE_SECONDS * random.uniform(0.5, 1.0)
