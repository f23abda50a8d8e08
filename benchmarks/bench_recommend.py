"""Mentor recommendations over 100,000 mentors: p50/p95 ms per `recommend_mentors()`.

Run: .venv/bin/python benchmarks/bench_recommend.py [--mentors 100000] [--runs 200]
                                                    [--warmup 20] [--explain]
                                                    [--load-database NAME]

On the machine's PostgreSQL (`BENCH_DATABASE_URL`, a superuser URL; default
`postgresql://postgres@127.0.0.1:5432/postgres`) it creates and migrates a throw-away
database (`_harness.scratch_database`), then seeds, as the superuser with COPY, 20
tenants and 100,000 mentors (the benchmark's tenant owns 5% of them; the others share
80% of theirs to the network): 1-4 topics each from the whole vocabulary, 1-2 sectors,
stages, 1-2 languages, six countries, time zones, capacity and load, 5% paused, with
their search keys. Then 20 entrepreneurs of the benchmark tenant with 1-3 needs
(network consent). Each run asks `service.recommend_mentors()` (through the app's
`Database` on a pool of the app role, row-level security applies) for the top 10 of one
entrepreneur, the network included, cycling through the 20. It prints p50/p95 (target
p95 <= 50 ms), how many queries the answers took, the three slowest entrepreneurs (each
is 5% of the runs, so the p95 is theirs), and, as the baseline, the same top 10 by the
unconditional query (every eligible mentor scored in SQL): every timed answer must
return its mentors, in order. Exits 1 if one differs, never for the time. `--explain`
prints the plans of the slowest entrepreneur's queries.

`--load-database NAME` seeds nothing: it times 200 entrepreneurs of a database that
benchmarks/load/generate.py wrote (`--keep-database NAME` there), each asking in its own
tenant, the network included when it consented, as the load benchmark's mix does. Their
sector and needs are drawn independently of each other, which the seed above does not do.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import asyncpg

from _harness import (
    APP_ROLE,
    DEFAULT_DATABASE_URL,
    ScratchDatabase,
    _cpu_busy,
    kept_database,
    scratch_database,
)
from platform_api.core.db import Database, create_pool
from platform_api.matching import scoring, service, vocabulary
from platform_api.matching.schemas import MentorRecommendationRequest
from platform_api.settings import Settings

TARGET_MS = 50.0
TENANTS = 20
LIMIT = 10
SECTORS = ["agriculture", "food", "retail", "services", "manufacturing", "fashion", "beauty"]
STAGES = ["idea", "starting", "growing", "established"]
PLACES = [
    ("KE", "Africa/Nairobi", ["Nairobi", "Kisumu", "Mombasa"]),
    ("UG", "Africa/Kampala", ["Kampala", "Gulu"]),
    ("TZ", "Africa/Dar_es_Salaam", ["Arusha", "Dodoma"]),
    ("NG", "Africa/Lagos", ["Lagos", "Kano"]),
    ("GH", "Africa/Accra", ["Accra"]),
    ("SN", "Africa/Dakar", ["Dakar"]),
]
LANGUAGES = {
    "KE": ["sw", "en"],
    "UG": ["en", "lg"],
    "TZ": ["sw", "en"],
    "NG": ["en", "yo"],
    "GH": ["en", "tw"],
    "SN": ["fr", "wo"],
}
MENTOR_COLUMNS = (
    "tenant_id",
    "id",
    "display_name",
    "gender",
    "topics",
    "related_topics",
    "sectors",
    "stages",
    "languages",
    "country",
    "region",
    "time_zone",
    "utc_offset_minutes",
    "max_mentees",
    "active_mentees",
    "status",
    "shared_to_network",
)


def _mentor_rows(rng: random.Random, tenants: list[uuid.UUID], own: uuid.UUID | None, count: int):
    own_count = count // 20 if own else 0
    for n in range(count):
        tenant = own if n < own_count else tenants[n % len(tenants)]
        country, zone, regions = rng.choice(PLACES)
        topics = rng.sample(vocabulary.TOPICS, rng.randint(1, 4))
        capacity = rng.randint(1, 5)
        yield (
            tenant,
            uuid.uuid4(),
            f"Mentor {n}",
            rng.choice(["female", "male"]),
            topics,
            vocabulary.related_topics(topics),
            rng.sample(SECTORS, rng.randint(1, 2)),
            rng.sample(STAGES, rng.randint(1, 2)),
            rng.sample(LANGUAGES[country], rng.randint(1, 2)),
            country,
            rng.choice(regions),
            zone,
            service.standard_offset_minutes(zone),
            capacity,
            rng.randint(0, capacity),
            "paused" if rng.random() < 0.05 else "available",
            tenant != own and rng.random() < 0.8,
        )


async def insert_mentors(
    conn: asyncpg.Connection,
    rng: random.Random,
    tenants: list[uuid.UUID],
    own: uuid.UUID | None,
    count: int,
) -> int:
    """`count` mentors with their search keys (migration 0011), by COPY as a superuser:
    5% of them `own`'s, the others round-robin over `tenants`, 80% of those shared to
    the network (`own=None`: all round-robin). The number of search keys."""
    rows = list(_mentor_rows(rng, tenants, own, count))
    await conn.copy_records_to_table("mentors", records=rows, columns=MENTOR_COLUMNS)
    keys = [
        (row[0], row[1], key, row[16], row[7], row[9], row[10], row[12])
        for row in rows
        for key in scoring.mentor_search_keys(row[4], row[6])
    ]
    await conn.copy_records_to_table(
        "mentor_search_keys",
        records=keys,
        columns=(
            "tenant_id",
            "mentor_id",
            "key",
            "shared_to_network",
            "stages",
            "country",
            "region",
            "utc_offset_minutes",
        ),
    )
    return len(keys)


async def seed(admin_url: str, mentors: int) -> tuple[uuid.UUID, list[uuid.UUID]]:
    rng = random.Random(7)
    tenants = [uuid.uuid4() for _ in range(TENANTS)]
    own = tenants[0]
    conn = await asyncpg.connect(admin_url)
    try:
        async with conn.transaction():
            await conn.execute("SET LOCAL synchronous_commit = off")
            await conn.executemany(
                "INSERT INTO tenants (id, name, country, default_currency) "
                "VALUES ($1, $2, 'KE', 'KES')",
                [(t, f"Tenant {i}") for i, t in enumerate(tenants)],
            )
            keys = await insert_mentors(conn, rng, tenants, own, mentors)
            people = []
            for n in range(20):
                person = uuid.uuid4()
                country, _, regions = PLACES[n % 3]
                people.append(person)
                await conn.execute(
                    "INSERT INTO entrepreneurs (tenant_id, id, country, region, "
                    "languages, sector, stage, needs, consent_network_sharing) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)",
                    own,
                    person,
                    country,
                    rng.choice(regions),
                    LANGUAGES[country][:1],
                    rng.choice(SECTORS),
                    rng.choice(STAGES),
                    rng.sample([t for t in vocabulary.TOPICS if "." in t], rng.randint(1, 3)),
                )
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()
    print(
        f"seed: {TENANTS} tenants, {mentors:,} mentors, {keys:,} search keys, 20 entrepreneurs",
        flush=True,
    )
    return own, people


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


#: Entrepreneurs timed from a load benchmark's database.
LOAD_PEOPLE = 200


async def generated_people(admin_url: str) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(tenant, entrepreneur) of LOAD_PEOPLE entrepreneurs with needs, in a fixed order."""
    conn = await asyncpg.connect(admin_url)
    try:
        rows = await conn.fetch(
            "SELECT tenant_id, id FROM entrepreneurs WHERE cardinality(needs) > 0 "
            "ORDER BY hashtext(id::text), id LIMIT $1",
            LOAD_PEOPLE,
        )
    finally:
        await conn.close()
    return [(row["tenant_id"], row["id"]) for row in rows]


async def bench(
    scratch: ScratchDatabase,
    mentors: int,
    runs: int,
    warmup: int,
    explain: bool,
    generated: bool = False,
) -> int:
    started = time.perf_counter()
    if generated:
        people = await generated_people(scratch.admin)
        what = f"{len(people)} entrepreneurs of the generated database {scratch.name}"
    else:
        own, seeded = await seed(scratch.admin, mentors)
        people = [(own, person) for person in seeded]
        what = f"top {LIMIT} of {mentors:,} mentors"
        print(f"seeded in {time.perf_counter() - started:.1f} s", flush=True)
    busy = _cpu_busy(1.0)
    if busy is not None and busy > 0.15:
        print(
            f"WARNING: the machine was {busy:.0%} busy before the timing (other "
            "processes); the figures compete with them.",
            flush=True,
        )
    settings = Settings(
        database_url=scratch.owner,
        db_app_role=APP_ROLE,
        db_app_password=scratch.password,
        db_pool_min=1,
        db_pool_max=2,
    )
    pool = await create_pool(scratch.app, settings)
    db = Database(pool)
    problems: list[str] = []
    try:
        requests = [
            (
                tenant,
                MentorRecommendationRequest(entrepreneur_id=p, limit=LIMIT, include_network=True),
            )
            for tenant, p in people
        ]
        queries: dict[uuid.UUID, int] = {}
        needs: dict[uuid.UUID, int] = {}
        expected: dict[uuid.UUID, list[uuid.UUID]] = {}
        full_times = []
        defaults = scoring.MentorWeights()
        for tenant, request in requests:
            person = await service.active_entrepreneur(
                db, tenant_id=tenant, entrepreneur_id=request.entrepreneur_id, path="x"
            )
            plan = scoring.mentor_plan(service.mentee(person), defaults)
            args = dict(
                tenant_id=tenant,
                entrepreneur_id=person.id,
                plan=plan,
                rules=scoring.Rules(),
                network=plan.mentee.network_consent,  # as include_network=True asks
                limit=LIMIT,
            )
            rows, queries[person.id] = await service.top_mentor_rows(db, **args)
            needs[person.id] = len(plan.needs)
            t0 = time.perf_counter()
            full, _ = await service.top_mentor_rows(db, **args, exhaustive=True)
            full_times.append(time.perf_counter() - t0)
            expected[person.id] = [r["id"] for r in full]
            if [r["id"] for r in rows] != expected[person.id]:
                problems.append(f"entrepreneur {person.id}: tiers and full scan differ")
        times = []
        by_person: dict[uuid.UUID, list[float]] = {p: [] for _, p in people}
        for n in range(warmup + runs):
            tenant, request = requests[n % len(requests)]
            t0 = time.perf_counter()
            answer = await service.recommend_mentors(db, tenant_id=tenant, request=request)
            elapsed = time.perf_counter() - t0
            if n >= warmup:
                times.append(elapsed)
                by_person[request.entrepreneur_id].append(elapsed)
            if [r.mentor.id for r in answer.data] != expected[request.entrepreneur_id]:
                problems.append(f"entrepreneur {request.entrepreneur_id}: not the full scan's")
        slowest = sorted(people, key=lambda tp: -statistics.median(by_person[tp[1]]))
        if explain:
            await _explain(db, *slowest[0])
    finally:
        await pool.close()
    p50 = statistics.median(times) * 1000
    p95 = _percentile(times, 0.95) * 1000
    full_ms = statistics.median(full_times) * 1000
    met = "met" if p95 <= TARGET_MS else "NOT met"
    counts = Counter(queries.values())
    print(f"queries per answer: {', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))}")
    for _, person in slowest[:3]:
        spent = by_person[person]
        print(
            f"slow: entrepreneur with {needs[person]} need(s), {queries[person]} quer(ies): "
            f"median {statistics.median(spent) * 1000:.1f} ms, max {max(spent) * 1000:.1f} ms"
        )
    print(
        f"\nsummary: {what} (network included where consented): "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 <= {TARGET_MS:.0f} ms: {met}); "
        f"baseline, every eligible mentor scored in SQL: median {full_ms:.1f} ms "
        f"(ratio baseline / p50 {full_ms / p50:.1f}x)",
        flush=True,
    )
    for problem in problems[:10]:
        print(f"CHECK FAILED: {problem}", file=sys.stderr)
    if problems:
        return 1
    print("check: every answer equals the unconditional top 10")
    return 0


class _Explaining:
    """A `Database` that prints the plan of each statement before running it."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def fetch(self, tenant_id: uuid.UUID, sql: str, *args: object) -> list[asyncpg.Record]:
        plan = await self.db.fetch(tenant_id, f"EXPLAIN (ANALYZE, BUFFERS) {sql}", *args)
        print("\n".join(r[0] for r in plan))
        return await self.db.fetch(tenant_id, sql, *args)


async def _explain(db: Database, tenant: uuid.UUID, person: uuid.UUID) -> None:
    """The plans of the slowest entrepreneur's queries (default settings)."""
    found = await service.active_entrepreneur(
        db, tenant_id=tenant, entrepreneur_id=person, path="x"
    )
    plan = scoring.mentor_plan(service.mentee(found), scoring.MentorWeights())
    print(f"\nplans for the slowest entrepreneur ({len(plan.needs)} need(s)):")
    await service.top_mentor_rows(
        _Explaining(db),  # type: ignore[arg-type]
        tenant_id=tenant,
        entrepreneur_id=person,
        plan=plan,
        rules=scoring.Rules(),
        network=plan.mentee.network_consent,
        limit=LIMIT,
    )


def _terminate(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mentors", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument(
        "--load-database",
        metavar="NAME",
        help="time entrepreneurs of a database benchmarks/load/generate.py wrote; no seed",
    )
    args = parser.parse_args(argv)
    admin_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL).replace(
        "postgresql+asyncpg://", "postgresql://"
    )
    signal.signal(signal.SIGTERM, _terminate)
    print(
        f"platform-api recommendation benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", flush=True
    )
    with tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp:
        database = (
            kept_database(admin_url, args.load_database, Path(tmp))
            if args.load_database
            else scratch_database(admin_url, Path(tmp))
        )
        with database as db:
            generated = args.load_database is not None
            return asyncio.run(
                bench(db, args.mentors, args.runs, args.warmup, args.explain, generated)
            )


if __name__ == "__main__":
    sys.exit(main())
