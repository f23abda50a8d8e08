"""Rate limits: 429 with Retry-After past a client's or a tenant's limit, tenants' own
limits, the token endpoint per client id, and limits that hold across workers."""

from __future__ import annotations

import asyncio
import time
import uuid
from types import SimpleNamespace

import asyncpg
import httpx

from platform_api.auth.principals import Principal, PrincipalKind
from platform_api.core import ratelimit
from platform_api.core.errors import Problem
from platform_api.core.ratelimit import RateLimiter
from platform_api.settings import Settings
from tests.conftest import Caller, DatabaseUrls, Platform


async def _limit(client: httpx.AsyncClient, platform: Platform, tenant: str, **limits: int):
    response = await client.patch(
        f"/v1/tenants/{tenant}", json={"settings": limits}, headers=platform.operator.headers
    )
    assert response.status_code == 200, response.text


async def _statuses(client: httpx.AsyncClient, caller: Caller, n: int) -> list[int]:
    return [(await client.get("/v1/me", headers=caller.headers)).status_code for _ in range(n)]


async def _tokens(database: DatabaseUrls, principal: Principal) -> float:
    """What the shared bucket of `principal`'s client holds now."""
    conn = await asyncpg.connect(database.owner)
    try:
        milli = await conn.fetchval(
            "SELECT milli_tokens FROM rate_limit_buckets WHERE key = $1",
            f"client:{principal.client_id}",
        )
    finally:
        await conn.close()
    return int(milli) / 1000


async def test_a_client_past_its_tenants_client_limit_gets_429_with_retry_after(
    client, platform: Platform
):
    tenant = await platform.tenant()
    await _limit(client, platform, tenant, client_rate_limit_per_minute=5)
    caller = await platform.caller(tenant)
    assert await _statuses(client, caller, 5) == [200] * 5
    refused = await client.get("/v1/me", headers=caller.headers)
    assert refused.status_code == 429
    assert refused.headers["content-type"].startswith("application/problem+json")
    body = refused.json()
    assert body["status"] == 429 and body["type"].endswith("rate-limited")
    assert "5 a minute" in body["detail"]
    # A token a minute: the next one is due in 12 s at most.
    assert 1 <= int(refused.headers["Retry-After"]) <= 12
    # Another client of the same tenant has its own bucket.
    other = await platform.caller(tenant)
    assert await _statuses(client, other, 1) == [200]


async def test_a_tenants_limit_covers_all_its_clients_and_no_other_tenant(
    client, platform: Platform
):
    tenant = await platform.tenant()
    await _limit(client, platform, tenant, rate_limit_per_minute=6)
    first, second = await platform.caller(tenant), await platform.caller(tenant)
    statuses = await _statuses(client, first, 4) + await _statuses(client, second, 4)
    assert statuses == [200] * 6 + [429] * 2
    stranger = await platform.tenant_caller()
    assert await _statuses(client, stranger, 8) == [200] * 8


async def test_token_requests_per_client_id_are_limited_whoever_sends_them(
    client, settings: Settings
):
    guessed = str(uuid.uuid4())
    form = {"grant_type": "client_credentials", "client_id": guessed, "client_secret": "x"}
    statuses = [
        (await client.post("/v1/oauth/token", data=form)).status_code
        for _ in range(settings.rate_limit_token_per_minute + 1)
    ]
    assert statuses == [401] * settings.rate_limit_token_per_minute + [429]
    refused = await client.post("/v1/oauth/token", data=form)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1


async def test_limits_hold_across_workers_sharing_only_the_database(app, platform: Platform):
    """Two limiters are two workers' state: together they admit no more than the limit
    (plus what refills meanwhile), and strand at most a lease each."""
    tenant = await platform.tenant()
    per_minute = 1000
    workers = [
        RateLimiter(app.state.db, Settings(rate_limit_client_per_minute=per_minute))
        for _ in range(2)
    ]
    principal = Principal(
        kind=PrincipalKind.TENANT,
        client_id=uuid.uuid4(),
        tenant_id=uuid.UUID(tenant),
        scopes=frozenset(),
    )

    async def attempts(limiter: RateLimiter) -> int:
        admitted = 0
        for _ in range(600):
            try:
                await limiter.admit(principal)
                admitted += 1
            except Problem as problem:
                assert problem.status == 429
        return admitted

    started = time.monotonic()
    admitted = sum(await asyncio.gather(*(attempts(w) for w in workers)))
    refilled = (time.monotonic() - started) * per_minute / 60
    lease = per_minute // 100
    assert per_minute - 2 * lease <= admitted <= per_minute + refilled + 1


async def test_an_expired_lease_hands_its_tokens_back(app, database: DatabaseUrls):
    limiter = RateLimiter(app.state.db, Settings(rate_limit_client_per_minute=600))
    principal = Principal(
        kind=PrincipalKind.OPERATOR, client_id=uuid.uuid4(), tenant_id=None, scopes=frozenset()
    )

    await limiter.admit(principal)  # the first take is of one token: the limit is not known
    started = time.monotonic()
    await limiter.admit(principal)  # then a lease of a hundredth, 6: one spent, 5 held
    before = await _tokens(database, principal)
    for lease in limiter._clients.values():
        lease.expires = 0  # as if the lease had run out
    await limiter.admit(principal)  # hands the 5 back and takes 6 again
    after = await _tokens(database, principal)
    refilled = (time.monotonic() - started) * 600 / 60
    assert before - 1 <= after <= before - 1 + refilled  # without handing back: before - 6


async def test_concurrent_requests_of_a_worker_share_one_lease(app, database: DatabaseUrls):
    """Requests arriving while a lease is being taken wait for it: one take from the shared
    bucket serves them all, instead of each draining a lease into this worker."""
    limiter = RateLimiter(app.state.db, Settings(rate_limit_client_per_minute=6000))
    principal = Principal(
        kind=PrincipalKind.OPERATOR, client_id=uuid.uuid4(), tenant_id=None, scopes=frozenset()
    )
    await limiter.admit(principal)  # learns the limit: leases of 60 from now on
    await asyncio.gather(*(limiter.admit(principal) for _ in range(50)))
    tokens = await _tokens(database, principal)
    assert 6000 - 1 - 60 <= tokens < 6000 - 1 - 60 + 2  # one lease, plus refill


async def test_a_lease_outlives_the_gaps_between_a_clients_requests(
    app, database: DatabaseUrls, monkeypatch
):
    """A client sending a request every second spends one lease, not two takes (its
    client's and tenant's buckets) per request: with many tenants' clients spread over
    the workers, a lease that ran out after a second made most requests pay them."""
    limiter = RateLimiter(app.state.db, Settings(rate_limit_client_per_minute=6000))
    principal = Principal(
        kind=PrincipalKind.OPERATOR, client_id=uuid.uuid4(), tenant_id=None, scopes=frozenset()
    )
    await limiter.admit(principal)  # learns the limit
    await limiter.admit(principal)  # a lease of 60: one spent
    before = await _tokens(database, principal)
    clock = time.monotonic()
    for gap in range(1, 5):
        later = SimpleNamespace(monotonic=lambda gap=gap: clock + gap)
        monkeypatch.setattr(ratelimit, "time", later)  # the limiter's clock alone
        await limiter.admit(principal)
    assert await _tokens(database, principal) == before  # no take: the bucket is untouched


async def test_buckets_are_unlogged(database: DatabaseUrls):
    """A take commits without waiting for the WAL's flush (migration 0016)."""
    conn = await asyncpg.connect(database.owner)
    try:
        persistence = await conn.fetchval(
            "SELECT relpersistence FROM pg_class WHERE oid = 'rate_limit_buckets'::regclass"
        )
    finally:
        await conn.close()
    assert persistence == b"u"
