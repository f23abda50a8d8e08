"""Bytes of PostgreSQL storage per loan (tables, indexes, TOAST), for deploy/SCALING.md.

Run: .venv/bin/python deploy/storage_per_loan.py [--tenants 10] [--loans-per-tenant 10000]

Seeds a throw-away database with benchmarks/bench_portfolio_report.py's set-based seed
(per loan: its application, 5 installments, 5 repayments, 10 postings; 2,500
entrepreneurs per tenant), VACUUM ANALYZEs it and prints the size of each table with
its indexes, per loan. Uses BENCH_DATABASE_URL (a superuser URL) like the benchmarks.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from _harness import DEFAULT_DATABASE_URL, scratch_database
from bench_portfolio_report import seed


async def sizes(admin_url: str) -> list[tuple[str, int]]:
    conn = await asyncpg.connect(admin_url)
    try:
        rows = await conn.fetch(
            "SELECT relname, pg_total_relation_size(oid) AS bytes FROM pg_class "
            "WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 2 DESC"
        )
    finally:
        await conn.close()
    return [(row["relname"], row["bytes"]) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tenants", type=int, default=10)
    parser.add_argument("--loans-per-tenant", type=int, default=10_000)
    args = parser.parse_args()
    loans = args.tenants * args.loans_per_tenant
    admin = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    with tempfile.TemporaryDirectory() as tmp, scratch_database(admin, Path(tmp)) as scratch:
        seconds = asyncio.run(seed(scratch, args.tenants, args.loans_per_tenant))
        print(f"seeded {loans:,} loans in {args.tenants} tenants in {seconds:.0f} s")
        table = asyncio.run(sizes(scratch.admin))
    total = sum(size for _, size in table)
    for name, size in table:
        if size * 100 >= total:  # tables with at least 1% of the bytes
            print(f"  {name:<24} {size / loans:8.0f} bytes/loan")
    print(f"  {'all tables':<24} {total / loans:8.0f} bytes/loan = {total / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
