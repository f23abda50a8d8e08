"""PAR30 / aging report over 100,000 active loans: milliseconds per `arrears_report()`.

Run: .venv/bin/python benchmarks/bench_par.py [--loans 100000] [--runs 20] [--warmup 3]
                                              [--explain]

On the machine's PostgreSQL (`BENCH_DATABASE_URL`, a superuser URL; default
`postgresql://postgres@127.0.0.1:5432/postgres`) it creates and migrates a throw-away
database (benchmarks/_harness.py's `scratch_database`: schema, row-level security, the
app role), seeds one tenant with 100,000 active loans straight in SQL as the superuser
(`generate_series`; with their entrepreneurs, products and applications so every
constraint and foreign key holds; 60% current, the rest spread over 1-30, 31-60, 61-90
and 90+ days behind, some within a few days' arrears tolerance), runs `VACUUM ANALYZE`,
then times `platform_api.loans.accounts.service.arrears_report()` through the app's own
`Database` on a pool connected as the app role (row-level security applies), and, as the
raw baseline, the same SQL (`_ARREARS_SQL`) on a plain asyncpg connection of the same
role. The two alternate; each figure is the median of `--runs` after `--warmup`.
Target: <= 200 ms. The report is checked against the counts the seed was built with;
the database is dropped at the end. Exits 1 if the check fails, never for the time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from string import Template
from typing import Any

import asyncpg

from _harness import (
    APP_ROLE,
    DEFAULT_DATABASE_URL,
    ScratchDatabase,
    _cpu_busy,
    scratch_database,
)
from platform_api.core.db import Database, create_pool
from platform_api.loans import ledger
from platform_api.loans.accounts import service
from platform_api.loans.accounts.schemas import ArrearsReport
from platform_api.settings import Settings

TARGET_MS = 200.0
ENTREPRENEURS = 25_000
CURRENCIES = ("KES", "UGX")

# The seed, loan number g = 1..N. `_seed_values` below is the same in Python, for the
# check: keep the two in step.
#   currency          UGX if g % 3 = 0, else KES
#   principal         1,000,000 + (g % 97) * 50,000
#   principal_paid    (g % 7) * 100,000
#   days behind       by g % 20: 0-11 current (NULL behind_since); 12-13: 1-30,
#                     14-15: 31-60, 16-17: 61-90, 18-19: 91-360 days (from g / 20)
#   tolerance days    3 if g % 11 = 0, else 0
#   disbursed         30 + days behind + g % 200 days before as_of
_SEED_SQL = Template("""
CREATE TEMP TABLE seed ON COMMIT DROP AS
SELECT g,
       md5($tenant::text || '-application-' || g)::uuid AS application_id,
       md5($tenant::text || '-loan-' || g)::uuid AS loan_id,
       md5($tenant::text || '-entrepreneur-' || (g % $entrepreneurs))::uuid AS entrepreneur_id,
       CASE WHEN g % 3 = 0 THEN 'UGX' ELSE 'KES' END AS currency,
       md5($tenant::text || '-product-' || CASE WHEN g % 3 = 0 THEN 'UGX' ELSE 'KES' END)::uuid
           AS product_id,
       1000000 + (g % 97) * 50000 AS principal,
       (g % 7) * 100000 AS principal_paid,
       CASE WHEN g % 20 < 12 THEN NULL
            WHEN g % 20 < 14 THEN 1 + (g / 20) % 30
            WHEN g % 20 < 16 THEN 31 + (g / 20) % 30
            WHEN g % 20 < 18 THEN 61 + (g / 20) % 30
            ELSE 91 + (g / 20) % 270 END AS behind,
       CASE WHEN g % 11 = 0 THEN 3 ELSE 0 END AS tolerance,
       g % 200 AS age
FROM generate_series(1, $loans) AS g;

INSERT INTO tenants (id, name, country, default_currency)
VALUES ($tenant, 'PAR bench MFI', 'KE', 'KES');

INSERT INTO entrepreneurs (tenant_id, id, country)
SELECT $tenant, md5($tenant::text || '-entrepreneur-' || n)::uuid, 'KE'
FROM generate_series(0, $entrepreneurs - 1) AS n;

INSERT INTO loan_products (
    tenant_id, id, name, kind, currency, interest_method, annual_rate, interest_calculation,
    day_count, repayment_every, repayment_unit, min_principal, max_principal,
    default_principal, min_term, max_term, default_term, upfront_fee_rate,
    upfront_fee_mode, allocation_order
)
SELECT $tenant, md5($tenant::text || '-product-' || c)::uuid, 'Biashara ' || c, 'individual', c,
       'declining_balance_annuity', 0.24, 'per_period', 'actual/365', 1, 'months',
       100000, 1000000000, 5000000, 3, 36, 12, 0.02, 'deducted',
       '{fees,interest,principal}'
FROM unnest($currencies) AS c;

INSERT INTO loan_applications (
    tenant_id, id, entrepreneur_id, product_id, currency, requested_amount,
    requested_term, monthly_revenue, monthly_expenses, existing_debt_payments, documents,
    status, submitted_at, approved_amount, approved_term, decided_at, loan_id
)
SELECT $tenant, application_id, entrepreneur_id, product_id, currency, principal, 12,
       principal, principal / 2, 0, '[]', 'disbursed', now(),
       principal, 12, now(), loan_id
FROM seed;

INSERT INTO loans (
    tenant_id, id, application_id, entrepreneur_id, product_id, currency, principal, term,
    interest_method, annual_rate, apr, eir, disbursement_date, maturity_date, upfront_fee,
    net_disbursed, total_interest, total_fees, allocation_order, arrears_tolerance_amount,
    arrears_tolerance_days, status, principal_paid, behind_since
)
SELECT $tenant, loan_id, application_id, entrepreneur_id, product_id, currency, principal, 12,
       'declining_balance_annuity', 0.24, 0.301, 0.268,
       $as_of::date - (30 + coalesce(behind, 0) + age),
       $as_of::date - (30 + coalesce(behind, 0) + age) + 365,
       principal / 50, principal - principal / 50, principal / 8, 0,
       '{fees,interest,principal}', 0, tolerance, 'active', principal_paid,
       $as_of::date - behind
FROM seed;
""")


@dataclass
class Expected:
    active: int = 0
    outstanding: int = 0
    in_arrears: int = 0
    in_arrears_principal: int = 0
    par30_principal: int = 0


def _seed_values(g: int) -> tuple[str, int, int]:
    """(currency, outstanding principal, days past due as of the seed's date) of loan g,
    as _SEED_SQL builds it."""
    currency = "UGX" if g % 3 == 0 else "KES"
    principal = 1_000_000 + (g % 97) * 50_000
    paid = (g % 7) * 100_000
    r, k = g % 20, g // 20
    behind = (
        0
        if r < 12
        else 1 + k % 30
        if r < 14
        else 31 + k % 30
        if r < 16
        else 61 + k % 30
        if r < 18
        else 91 + k % 270
    )
    tolerance = 3 if g % 11 == 0 else 0
    dpd = behind if behind > tolerance else 0
    return currency, principal - paid, dpd


def expected_report(loans: int) -> tuple[dict[str, Expected], dict[tuple[str, str], list[int]]]:
    totals: dict[str, Expected] = defaultdict(Expected)
    buckets: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for g in range(1, loans + 1):
        currency, outstanding, dpd = _seed_values(g)
        e = totals[currency]
        e.active += 1
        e.outstanding += outstanding
        if dpd > 0:
            e.in_arrears += 1
            e.in_arrears_principal += outstanding
            bucket = ledger.aging_bucket(dpd)
            assert bucket is not None
            buckets[(currency, bucket)][0] += 1
            buckets[(currency, bucket)][1] += outstanding
        if dpd > 30:
            e.par30_principal += outstanding
    return totals, buckets


def check(report: ArrearsReport, loans: int) -> list[str]:
    """What is wrong with the report (empty if nothing)."""
    problems = []
    totals, buckets = expected_report(loans)
    got = {c.currency: c for c in report.currencies}
    if sorted(got) != sorted(totals):
        return [f"currencies {sorted(got)}, expected {sorted(totals)}"]
    if sum(c.active_loans for c in report.currencies) != loans:
        problems.append(f"active loans {sum(c.active_loans for c in report.currencies)}")
    for currency, e in totals.items():
        c = got[currency]
        pairs = [
            ("active_loans", c.active_loans, e.active),
            ("principal_outstanding", c.principal_outstanding, e.outstanding),
            ("loans_in_arrears", c.loans_in_arrears, e.in_arrears),
            ("principal_in_arrears", c.principal_in_arrears, e.in_arrears_principal),
            (
                "par30",
                c.par30,
                (Decimal(e.par30_principal) / Decimal(e.outstanding)).quantize(
                    Decimal("0.0001"), rounding=ROUND_HALF_EVEN
                ),
            ),
            ("sum of bucket loans", sum(b.loans for b in c.buckets), c.loans_in_arrears),
            (
                "sum of bucket principal",
                sum(b.principal_outstanding for b in c.buckets),
                c.principal_in_arrears,
            ),
        ]
        for b in c.buckets:
            want = buckets.get((currency, b.bucket), [0, 0])
            pairs.append((f"bucket {b.bucket} loans", b.loans, want[0]))
            pairs.append((f"bucket {b.bucket} principal", b.principal_outstanding, want[1]))
            if b.loans == 0:
                problems.append(f"{currency}: bucket {b.bucket} is empty; the seed should fill it")
        problems += [f"{currency}: {what} = {a}, expected {b}" for what, a, b in pairs if a != b]
    return problems


def _plan_summary(plan: Any) -> str:
    """One line from EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON): scans, CTEs materialised,
    parallel workers, temp blocks written, server execution time."""
    root = (json.loads(plan) if isinstance(plan, str) else plan)[0]
    scans: list[str] = []
    ctes: list[str] = []
    workers = temp = 0

    def walk(node: dict[str, Any]) -> None:
        nonlocal workers, temp
        if "Relation Name" in node or "Index Name" in node:
            on = node.get("Index Name") or node.get("Relation Name")
            scans.append(f"{node['Node Type']} on {on} ({node['Actual Total Time']:.0f} ms)")
        if node.get("Subplan Name", "").startswith("CTE "):
            ctes.append(node["Subplan Name"][4:])
        workers += node.get("Workers Launched", 0)
        temp = max(temp, node.get("Temp Written Blocks", 0))
        for child in node.get("Plans", []):
            walk(child)

    walk(root["Plan"])
    return (
        f"{', '.join(scans)}; CTE materialised: {', '.join(ctes) or 'none'}; parallel "
        f"workers: {workers}; temp blocks written: {temp}; server execution "
        f"{root['Execution Time']:.1f} ms"
    )


def _ms(seconds: list[float]) -> str:
    values = sorted(s * 1000 for s in seconds)
    return (
        f"median {statistics.median(values):.1f} ms (min {values[0]:.1f}, "
        f"max {values[-1]:.1f}, n={len(values)})"
    )


async def bench(scratch: ScratchDatabase, loans: int, runs: int, warmup: int, explain: bool) -> int:
    tenant_id = uuid.uuid4()
    as_of = service.today()
    admin = await asyncpg.connect(scratch.admin)
    try:
        started = time.perf_counter()
        async with admin.transaction():
            await admin.execute("SET LOCAL synchronous_commit = off")
            await admin.execute(
                _SEED_SQL.substitute(
                    tenant=f"'{tenant_id}'::uuid",
                    as_of=f"'{as_of.isoformat()}'",
                    loans=loans,
                    entrepreneurs=ENTREPRENEURS,
                    currencies="ARRAY[" + ", ".join(f"'{c}'" for c in CURRENCIES) + "]::text[]",
                )
            )
        await admin.execute("VACUUM ANALYZE")
        print(
            f"seed: 1 tenant, {loans:,} active loans (+ applications, {ENTREPRENEURS:,} "
            f"entrepreneurs), VACUUM ANALYZE: {time.perf_counter() - started:.1f} s",
            flush=True,
        )
    finally:
        await admin.close()

    busy = _cpu_busy(1.0)
    if busy is not None and busy > 0.15:
        print(
            f"WARNING: the machine was {busy:.0%} busy before the timing (other processes); "
            "the figures compete with them and are not reliable.",
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
    # The raw baseline: the same role (row-level security applies) and session settings
    # as the API's pool, the same SQL and parameters, asyncpg straight.
    raw = await asyncpg.connect(scratch.app, server_settings={"jit": "off"})
    # The API reads the report in a tenant transaction; the raw connection sets the same
    # tenant once for its session.
    await raw.execute("SELECT set_config('app.tenant_id', $1, false)", str(tenant_id))
    try:
        db = Database(pool)
        report = await service.arrears_report(db, tenant_id=tenant_id, as_of=as_of)
        problems = check(report, loans)
        plan = await raw.fetchval(
            "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + service._ARREARS_SQL,
            str(tenant_id),
            as_of,
        )
        if explain:
            text = await raw.fetch(
                "EXPLAIN (ANALYZE, BUFFERS) " + service._ARREARS_SQL, str(tenant_id), as_of
            )
            print("\n".join(row[0] for row in text), flush=True)
        api_times: list[float] = []
        raw_times: list[float] = []
        for n in range(warmup + runs):
            t0 = time.perf_counter()
            await service.arrears_report(db, tenant_id=tenant_id, as_of=as_of)
            t1 = time.perf_counter()
            await raw.fetch(service._ARREARS_SQL, str(tenant_id), as_of)
            t2 = time.perf_counter()
            if n >= warmup:
                api_times.append(t1 - t0)
                raw_times.append(t2 - t1)
    finally:
        await raw.close()
        await pool.close()

    print(f"plan: {_plan_summary(plan)}", flush=True)

    for c in report.currencies:
        buckets = ", ".join(f"{b.bucket}: {b.loans:,}" for b in c.buckets)
        print(
            f"  {c.currency}: {c.active_loans:,} active, {c.loans_in_arrears:,} in arrears "
            f"({buckets}), PAR30 {c.par30:.2%}"
        )
    api_ms = statistics.median(api_times) * 1000
    raw_ms = statistics.median(raw_times) * 1000
    met = "met" if api_ms <= TARGET_MS else "NOT met"
    print(f"\narrears_report() through Database: {_ms(api_times)}")
    print(f"raw asyncpg, same SQL:              {_ms(raw_times)}")
    print(
        f"\nsummary: PAR30/aging over {loans:,} active loans: {api_ms:.1f} ms "
        f"(target <= {TARGET_MS:.0f} ms: {met}); raw SQL {raw_ms:.1f} ms; "
        f"ratio raw / API {raw_ms / api_ms:.1%}",
        flush=True,
    )
    if problems:
        for problem in problems:
            print(f"CHECK FAILED: {problem}", file=sys.stderr)
        return 1
    print("check: report matches the seed (totals, buckets, PAR30; buckets sum to arrears)")
    return 0


def _terminate(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--loans", type=int, default=100_000, help="active loans (100000)")
    parser.add_argument("--runs", type=int, default=20, help="measured runs (20)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up runs (3)")
    parser.add_argument("--explain", action="store_true", help="print the query plan")
    args = parser.parse_args(argv)
    admin_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL).replace(
        "postgresql+asyncpg://", "postgresql://"
    )
    # SIGTERM (and Ctrl-C) unwind through the clean-up: the database is dropped.
    signal.signal(signal.SIGTERM, _terminate)
    print(f"platform-api PAR benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", flush=True)
    with (
        tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp,
        scratch_database(admin_url, Path(tmp)) as db,
    ):
        return asyncio.run(
            bench(db, max(1, args.loans), max(1, args.runs), max(0, args.warmup), args.explain)
        )


if __name__ == "__main__":
    sys.exit(main())
