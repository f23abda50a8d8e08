"""One funder's month-by-tenant portfolio report over 1,000,000 loans and 10,000,000
postings spread over 100 tenants: p50 / p95 milliseconds of `GET /v1/reports/portfolio`.

Run: .venv/bin/python benchmarks/bench_portfolio_report.py [--tenants 100]
         [--loans-per-tenant 10000] [--granted 10] [--runs 20] [--warmup 3]
         [--write-rounds 5] [--changed 100] [--keep-database NAME]

On the machine's PostgreSQL (`BENCH_DATABASE_URL`, a superuser URL; default
`postgresql://postgres@127.0.0.1:5432/postgres`) it creates and migrates a throw-away
database (`_harness.scratch_database`: schema, row-level security, the app role) and
seeds it as the superuser with set-based SQL (`generate_series`, foreign-key triggers off
while seeding, `VACUUM ANALYZE` after): per tenant 2,500 entrepreneurs (mixed genders and
birth years), a product, and `--loans-per-tenant` disbursed loans with their applications,
5 monthly installments each, 5 repayments each and 2 postings (interest, principal) per
repayment, so 100 x 10,000 loans make 1,000,000 loans, 5,000,000 installments and
repayments and 10,000,000 postings. Rows are stored tenant by tenant (as a table sharded
or clustered by tenant would keep them). Loans were disbursed 6 to 30 months ago; 90%
repay every installment (one in seven of them 10 days late), 10% pay a quarter of each
installment and fall behind, one in a hundred is written off 200 days after disbursement.

It then grants `--granted` tenants to one funder and times, in-process through the whole
app (the funder's token, the live grant check, one transaction per tenant under
row-level security, suppression, JSON), the report for the last 12 months grouped by
month and tenant:

- cold: the first report after the kept report facts are dropped, which derives the
  facts of every loan of the granted tenants (what the first report after deploying the
  facts, or after restoring a database, pays);
- warm: p50 / p95 of `--runs` reports after `--warmup` (target p95 <= 300 ms);
- after writes: `--write-rounds` times, `--changed` loans of each granted tenant get a
  new row version (as a repayment, reversal or write-off makes) and one report is
  timed, which derives those loans again.

It checks one figure against SQL straight on the tables (loans disbursed per tenant and
month; the tests compare every figure with the ledger). The database is dropped at the
end, unless `--keep-database NAME` names one to seed once and reuse (it is migrated to
the current schema on each run and not seeded again). Exits 1 if the check fails, never
for the time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import asyncpg
import httpx

from _harness import (
    APP_ROLE,
    DEFAULT_DATABASE_URL,
    ScratchDatabase,
    _cpu_busy,
    _terminate,
    kept_database,
    scratch_database,
)
from platform_api.app import create_app
from platform_api.settings import Settings

TARGET_MS = 300.0
PEOPLE_PER_TENANT = 2_500

# Ids are built from integers so rows can point at each other without lookups:
# id(kind, n) = kind's prefix + n in hex.
# One batch: tenants {first} .. {first} + {tenants} - 1, each with its people and loans.
_SEED_SQL = """
SET session_replication_role = replica;  -- no foreign-key triggers while seeding
SET synchronous_commit = off;
CREATE OR REPLACE FUNCTION pg_temp.uid(kind int, n bigint) RETURNS uuid IMMUTABLE
LANGUAGE sql AS
$$ SELECT (lpad(to_hex(kind), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid $$;

INSERT INTO tenants (id, name, country, default_currency)
SELECT pg_temp.uid(1, t), 'Bench MFI ' || t, 'KE', 'KES'
FROM generate_series({first}, {first} + {tenants} - 1) t;

INSERT INTO entrepreneurs (tenant_id, id, country, gender, birth_year)
SELECT pg_temp.uid(1, e / {people}), pg_temp.uid(2, e), 'KE',
       (ARRAY['female', 'female', 'female', 'male', 'male', 'female', 'male', 'undisclosed',
              'female', NULL])[1 + e % 10],
       1950 + (e * 7) % 56
FROM generate_series({first} * {people}, ({first} + {tenants}) * {people} - 1) e;

INSERT INTO loan_products (tenant_id, id, name, kind, currency, interest_method, annual_rate,
    interest_calculation, day_count, repayment_every, repayment_unit, min_principal,
    max_principal, default_principal, min_term, max_term, default_term, upfront_fee_mode,
    allocation_order)
SELECT pg_temp.uid(1, t), pg_temp.uid(3, t), 'Biashara', 'individual', 'KES', 'flat', 0.24,
       'per_period', 'actual/365', 1, 'months', 1, 1000000000, 100000, 1, 12, 5, 'deducted',
       '{{fees,interest,principal}}'
FROM generate_series({first}, {first} + {tenants} - 1) t;

CREATE TEMP TABLE seed AS
SELECT g, (g - 1) / {loans} AS t, 100000 + (g % 50) * 10000 AS principal,
       '{today}'::date - 180 - (g::bigint * 7919 % 720)::int AS disbursed,
       g % 10 = 0 AS behind, g % 100 = 0 AS written_off,
       CASE WHEN g % 7 = 0 THEN 10 ELSE -2 END AS delay
FROM generate_series({first} * {loans} + 1, ({first} + {tenants}) * {loans}) g;

INSERT INTO loan_applications (tenant_id, id, entrepreneur_id, product_id, currency,
    requested_amount, requested_term, monthly_revenue, monthly_expenses,
    existing_debt_payments, documents, status, loan_id)
SELECT pg_temp.uid(1, t), pg_temp.uid(4, g), pg_temp.uid(2, t * {people} + g % {people}),
       pg_temp.uid(3, t), 'KES', principal, 5, principal, 0, 0, '[]', 'disbursed',
       pg_temp.uid(5, g)
FROM seed;

CREATE TEMP TABLE seed_repayments AS
SELECT s.g, s.t, k,
       s.disbursed + 30 * k AS due,
       CASE WHEN s.behind THEN s.disbursed + 30 * k + 5 ELSE s.disbursed + 30 * k + s.delay END
           AS paid_on,
       CASE WHEN s.behind THEN s.principal / 20 ELSE s.principal / 5 END AS principal,
       CASE WHEN s.behind THEN s.principal / 200 ELSE s.principal / 50 END AS interest
FROM seed s, generate_series(1, 5) k;

INSERT INTO loans (tenant_id, id, application_id, entrepreneur_id, product_id, currency,
    principal, term, interest_method, annual_rate, apr, eir, disbursement_date, maturity_date,
    upfront_fee, net_disbursed, total_interest, total_fees, allocation_order,
    arrears_tolerance_amount, arrears_tolerance_days, status, principal_paid, interest_paid,
    principal_written_off, behind_since, closed_on, written_off_on, repayments_posted)
SELECT pg_temp.uid(1, t), pg_temp.uid(5, g), pg_temp.uid(4, g),
       pg_temp.uid(2, t * {people} + g % {people}), pg_temp.uid(3, t), 'KES', principal, 5,
       'flat', 0.24, 0.3, 0.27, disbursed, disbursed + 150, 0, principal, principal / 10, 0,
       '{{fees,interest,principal}}', 0, 0,
       CASE WHEN written_off THEN 'written_off' WHEN behind THEN 'active' ELSE 'closed' END,
       CASE WHEN behind THEN principal / 4 ELSE principal END,
       CASE WHEN behind THEN principal / 40 ELSE principal / 10 END,
       CASE WHEN written_off THEN principal - principal / 4 ELSE 0 END,
       CASE WHEN behind AND NOT written_off THEN disbursed + 60 END,
       CASE WHEN NOT behind THEN disbursed + 150 + delay END,
       CASE WHEN written_off THEN disbursed + 200 END,
       5
FROM seed;

INSERT INTO loan_installments (tenant_id, id, loan_id, number, due_date, principal, interest,
    fees, principal_paid, interest_paid)
SELECT pg_temp.uid(1, s.t), pg_temp.uid(6, s.g * 8 + k), pg_temp.uid(5, s.g), k,
       s.disbursed + 30 * k, s.principal / 5, s.principal / 50, 0,
       CASE WHEN s.behind THEN (CASE WHEN k = 1 THEN s.principal / 5
                                     WHEN k = 2 THEN s.principal / 20 ELSE 0 END)
            ELSE s.principal / 5 END,
       CASE WHEN s.behind THEN (CASE WHEN k <= 2 THEN s.principal / 50 ELSE 0 END)
            ELSE s.principal / 50 END
FROM seed s, generate_series(1, 5) k;

INSERT INTO loan_repayments (tenant_id, id, loan_id, sequence, amount, paid_on, channel,
    principal, interest, fees, overpayment)
SELECT pg_temp.uid(1, t), pg_temp.uid(7, g * 8 + k), pg_temp.uid(5, g), k,
       principal + interest, paid_on, 'mpesa', principal, interest, 0, 0
FROM seed_repayments;

INSERT INTO loan_postings (tenant_id, id, loan_id, repayment_id, installment, target, kind,
    amount)
SELECT pg_temp.uid(1, r.t), pg_temp.uid(8, (r.g * 8 + r.k) * 2 + part),
       pg_temp.uid(5, r.g), pg_temp.uid(7, r.g * 8 + r.k), r.k,
       CASE WHEN part = 0 THEN 'interest' ELSE 'principal' END, 'repayment',
       CASE WHEN part = 0 THEN r.interest ELSE r.principal END
FROM seed_repayments r, generate_series(0, 1) part;

DROP TABLE seed, seed_repayments;
"""

#: Loans one seeding statement writes at most (a progress step).
_BATCH_LOANS = 20_000


async def seed(scratch: ScratchDatabase, tenants: int, loans: int) -> float:
    """Seed `tenants` x `loans` loans in one transaction, then VACUUM ANALYZE; seconds."""
    started = time.perf_counter()
    admin = await asyncpg.connect(scratch.admin)
    try:
        async with admin.transaction():
            await seed_loans(admin, tenants, loans)
        await admin.execute("VACUUM ANALYZE")
    finally:
        await admin.close()
    return time.perf_counter() - started


async def seed_loans(
    conn: asyncpg.Connection,
    tenants: int,
    loans: int,
    *,
    people: int = PEOPLE_PER_TENANT,
    progress: Callable[[int], None] | None = None,
) -> None:
    """The seed's rows on `conn` (a superuser's, in the caller's transaction), in batches
    of a few tenants; `progress(n)` after each batch, n loans written in it."""
    today = datetime.now(UTC).date()
    step = max(1, _BATCH_LOANS // max(1, loans))
    for first in range(0, tenants, step):
        count = min(step, tenants - first)
        await conn.execute(
            _SEED_SQL.format(first=first, tenants=count, loans=loans, people=people, today=today)
        )
        if progress is not None:
            progress(count * loans)
    await conn.execute("RESET session_replication_role")


async def expected_disbursed(
    scratch: ScratchDatabase, tenant_ids: list[str], start: date
) -> Counter:
    admin = await asyncpg.connect(scratch.admin)
    try:
        rows = await admin.fetch(
            "SELECT tenant_id::text AS t, date_trunc('month', disbursement_date)::date AS m, "
            "count(*) AS n FROM loans WHERE tenant_id = ANY($1::uuid[]) "
            "AND disbursement_date >= $2 GROUP BY 1, 2",
            tenant_ids,
            start,
        )
    finally:
        await admin.close()
    return Counter({(r["t"], r["m"].isoformat()): r["n"] for r in rows})


async def _unseeded(admin: str) -> bool:
    """No tenant yet: the seed (one transaction) has not run in this database."""
    conn = await asyncpg.connect(admin)
    try:
        return not await conn.fetchval("SELECT EXISTS (SELECT FROM tenants)")
    finally:
        await conn.close()


async def bench(
    args: argparse.Namespace, scratch: ScratchDatabase, tmp: Path, *, fresh: bool = True
) -> int:
    total = args.tenants * args.loans_per_tenant
    if fresh:
        seconds = await seed(scratch, args.tenants, args.loans_per_tenant)
        print(
            f"seed: {args.tenants} tenants, {total:,} loans, {5 * total:,} installments and "
            f"repayments, {10 * total:,} postings, VACUUM ANALYZE: {seconds:.0f} s",
            flush=True,
        )
    else:
        print(f"seed: reusing database {scratch.name} (seeded earlier)", flush=True)
    settings = Settings(
        database_url=scratch.owner,
        db_app_role=APP_ROLE,
        db_app_password=scratch.password,
        var_dir=tmp / "var",
        overdue_sweep_seconds=0,
        report_facts_seconds=0,  # what a report pays itself
        metering_enabled=False,
        log_level="WARNING",
    )
    app = create_app(settings)
    today = datetime.now(UTC).date()
    month = today.year * 12 + today.month - 1 - 11
    start = date(month // 12, month % 12 + 1, 1)
    async with app.router.lifespan_context(app):
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b")
        operator = await _operator_token(http, scratch)
        funder = (
            await http.post("/v1/funders", json={"name": "Foundation"}, headers=operator)
        ).json()
        granted = [str(uuid.UUID(f"00000001-0000-4000-8000-{t:012x}")) for t in range(args.granted)]
        admin = await asyncpg.connect(scratch.admin)
        await admin.execute(
            "INSERT INTO funder_grants (id, tenant_id, funder_id) "
            "SELECT gen_random_uuid(), t, $2 FROM unnest($1::uuid[]) t",
            granted,
            uuid.UUID(funder["id"]),
        )
        await admin.close()
        token = await _token(http, funder["client"]["id"], funder["client"]["client_secret"])
        headers = {"Authorization": f"Bearer {token}"}
        path = (
            f"/v1/reports/portfolio?from={start.isoformat()}&to={today.isoformat()}"
            "&group_by=month&group_by=tenant"
        )

        async def report() -> tuple[float, dict]:
            t0 = time.perf_counter()
            response = await http.get(path, headers=headers)
            elapsed = (time.perf_counter() - t0) * 1000
            assert response.status_code == 200, response.text
            return elapsed, response.json()

        await _forget_facts(scratch)
        busy = _cpu_busy(1.0)
        if busy is not None and busy > 0.15:
            print(f"WARNING: the machine was {busy:.0%} busy before the timing.", flush=True)
        cold, body = await report()
        print(
            f"cold: first report, every loan of the {args.granted} tenants derived "
            f"({args.granted * args.loans_per_tenant:,} loans): {cold:.0f} ms",
            flush=True,
        )
        times = []
        for n in range(args.warmup + args.runs):
            elapsed, body = await report()
            if n >= args.warmup:
                times.append(elapsed)
        after_writes = []
        for _ in range(args.write_rounds):
            await _touch_loans(scratch, granted, args.changed)
            elapsed, body = await report()
            after_writes.append(elapsed)
        await http.aclose()
    assert body is not None
    got = Counter()
    for row in body["data"]:
        if row["dimension"] == "all" and row["loans_disbursed"] is not None:
            got[(row["tenant_id"], row["period_start"])] = row["loans_disbursed"]
    want = await expected_disbursed(scratch, granted, start)
    shown = {key: n for key, n in want.items() if n >= body["k"]}
    ok = got == Counter(shown)
    times.sort()
    p50 = statistics.median(times)
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    rows = len(body["data"])
    print(
        f"summary: portfolio report, {args.granted} granted tenants x 12 months, "
        f"{rows} rows: p50 {p50:.0f} ms, p95 {p95:.0f} ms (target p95 <= {TARGET_MS:.0f} ms: "
        f"{'met' if p95 <= TARGET_MS else 'NOT met'}); min {times[0]:.0f}, max {times[-1]:.0f}, "
        f"n={len(times)}"
    )
    print(f"check: loans disbursed per tenant and month {'match' if ok else 'DIFFER from'} SQL")
    if after_writes:
        print(
            f"after writes: {args.changed} loans changed in each granted tenant since the "
            f"previous report: p50 {statistics.median(after_writes):.0f} ms, max "
            f"{max(after_writes):.0f} ms, n={len(after_writes)}"
        )
    return 0 if ok else 1


async def _forget_facts(scratch: ScratchDatabase) -> None:
    """Drop the report's kept facts (a kept database has them from an earlier run), so
    the first report derives them: the cold figure."""
    admin = await asyncpg.connect(scratch.admin)
    try:
        await admin.execute(
            "TRUNCATE report_loan_stamps, report_borrower_stamps, report_loan_events, "
            "report_portfolio_months"
        )
    finally:
        await admin.close()


async def _touch_loans(scratch: ScratchDatabase, tenants: list[str], per_tenant: int) -> None:
    """A write to `per_tenant` random loans of each tenant (a new loan row version, as a
    repayment, reversal or write-off makes): the next report derives them again."""
    admin = await asyncpg.connect(scratch.admin)
    try:
        await admin.execute(
            "UPDATE loans l SET updated_at = now() FROM ("
            "  SELECT id FROM unnest($1::uuid[]) t, LATERAL ("
            "    SELECT id FROM loans WHERE tenant_id = t ORDER BY random() LIMIT $2) x"
            ") c WHERE l.id = c.id",
            tenants,
            per_tenant,
        )
    finally:
        await admin.close()


async def _operator_token(http: httpx.AsyncClient, scratch: ScratchDatabase) -> dict[str, str]:
    from platform_api.auth.principals import PrincipalKind
    from platform_api.auth.scopes import OPERATOR
    from platform_api.tenants.service import create_client

    conn = await asyncpg.connect(scratch.owner)
    try:
        async with conn.transaction():  # one more operator client if the database is kept
            created = await create_client(
                conn, kind=PrincipalKind.OPERATOR, name="bench", scopes=[OPERATOR], actor=None
            )
    finally:
        await conn.close()
    token = await _token(http, str(created.id), created.client_secret)
    return {"Authorization": f"Bearer {token}"}


async def _token(http: httpx.AsyncClient, client_id: str, secret: str) -> str:
    response = await http.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tenants", type=int, default=100)
    parser.add_argument("--loans-per-tenant", type=int, default=10_000)
    parser.add_argument("--granted", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--write-rounds", type=int, default=5, help="reports timed after loans changed"
    )
    parser.add_argument(
        "--changed", type=int, default=100, help="loans changed per tenant before each"
    )
    parser.add_argument(
        "--keep-database",
        metavar="NAME",
        help="seed into database NAME and keep it; if it exists, reuse it (migrated to the "
        "current schema, not seeded again: same options as when it was seeded)",
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _terminate)  # so the scratch database is dropped
    admin_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    if args.keep_database:
        with (
            tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp,
            kept_database(admin_url, args.keep_database, Path(tmp)) as kept,
        ):
            return asyncio.run(
                bench(args, kept, Path(tmp), fresh=asyncio.run(_unseeded(kept.admin)))
            )
    with (
        tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp,
        scratch_database(admin_url, Path(tmp)) as scratch,
    ):
        return asyncio.run(bench(args, scratch, Path(tmp)))


if __name__ == "__main__":
    sys.exit(main())
