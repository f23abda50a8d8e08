"""Data generator for the load benchmark: 100 tenants, 100,000 entrepreneurs, 1,000,000
loans and 10,000 mentors (sizes are flags), with a progress bar on stderr.

Run: .venv/bin/python benchmarks/load/generate.py --keep-database NAME [--tenants 100]
         [--entrepreneurs 100000] [--loans 1000000] [--mentors 10000]

(`benchmarks/load/mix.py` calls :func:`generate` itself; this command seeds a kept
database once for several mix runs: `mix.py --keep-database NAME` then reuses it.)

Everything is written **directly, as the superuser, in one transaction**, then
`VACUUM ANALYZE`: through the API, 1,000,000 loans would be 4,000,000 requests (draft,
submit, approve, disburse) and a few million repayments, days on this machine. What is
written, and why it is valid for what the mix calls:

- tenants, entrepreneurs, one loan product per tenant, and the loans with their
  applications, 5 monthly installments, 5 repayments and 10 postings each:
  bench_portfolio_report.py's set-based seed (:func:`seed_loans`), the same rows the
  growth run and the storage figure use. Its balances agree with its installments and
  postings, so `GET /v1/loans/{id}` and the list compute them as for any loan; one loan in
  ten is behind (`active`, installments unpaid), the rest are closed or written off. The
  mix repays only the active ones (ids: :meth:`Sizes.active_loans`): a repayment of one
  minor unit allocates to their unpaid installments and never closes one.
- The product (flat 24%, principal 1 .. 10,000,000.00 KES, 1-12 months) is what
  `POST /v1/loan-products/{id}/quote` prices.
- Each entrepreneur then gets a profile the recommendations score (1-2 needs from the
  topic vocabulary, Swahili and English, a sector, a stage, Nairobi; half consent to
  network sharing), one set-based UPDATE.
- Mentors with their search keys (migration 0011), by COPY: bench_recommend.py's rows
  (:func:`insert_mentors`), spread round-robin over the tenants, 80% shared to the
  network.
- A row in `bench.generated` with the sizes, written last: a database that has it is
  complete (the transaction is all or nothing) and `mix.py` reads the sizes from it.

Ids are integers in uuid form (:func:`uid`), so the mix builds its requests without
asking the database: tenant t owns loans t x L + 1 .. (t + 1) x L and entrepreneurs
t x E .. (t + 1) x E - 1 (L, E per tenant).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _harness import DEFAULT_DATABASE_URL, _terminate, kept_database
from bench_portfolio_report import seed_loans
from bench_recommend import SECTORS, STAGES, insert_mentors
from platform_api.matching import vocabulary


def uid(kind: int, n: int) -> str:
    """The seed's ids (bench_portfolio_report._SEED_SQL's pg_temp.uid): 1 tenant,
    2 entrepreneur, 3 product, 5 loan."""
    return f"{kind:08x}-0000-4000-8000-{n:012x}"


@dataclass(frozen=True)
class Sizes:
    tenants: int = 100
    entrepreneurs: int = 100_000
    loans: int = 1_000_000
    mentors: int = 10_000

    @property
    def people_per_tenant(self) -> int:
        return max(1, self.entrepreneurs // self.tenants)

    @property
    def loans_per_tenant(self) -> int:
        return max(1, self.loans // self.tenants)

    def tenant(self, t: int) -> str:
        return uid(1, t)

    def product(self, t: int) -> str:
        return uid(3, t)

    def entrepreneur(self, t: int, n: int) -> str:
        return uid(2, t * self.people_per_tenant + n % self.people_per_tenant)

    def loans_of(self, t: int) -> range:
        """Loan numbers of tenant t (``uid(5, g)``)."""
        per = self.loans_per_tenant
        return range(t * per + 1, (t + 1) * per + 1)

    def active_loans(self, t: int) -> list[int]:
        """Tenant t's loans the seed left active (behind, not written off): repayable."""
        return [g for g in self.loans_of(t) if g % 10 == 0 and g % 100 != 0]


class Progress:
    """A one-line progress bar on stderr: `label [#####.....] 52% 520,000/1,000,000`."""

    def __init__(self, label: str, total: int, *, enabled: bool = True) -> None:
        self.label, self.total, self.done = label, max(1, total), 0
        self.enabled = enabled
        self.started = time.perf_counter()
        self.advance(0)

    def advance(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        share = min(1.0, self.done / self.total)
        bar = "#" * round(30 * share)
        elapsed = time.perf_counter() - self.started
        sys.stderr.write(
            f"\r{self.label} [{bar:.<30}] {share:4.0%} {self.done:,}/{self.total:,} "
            f"{elapsed:5.0f} s"
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")
            sys.stderr.flush()


_PROFILES = """
UPDATE entrepreneurs SET
    needs = CASE WHEN h % 3 = 0 THEN ARRAY[($2::text[])[1 + h % $3]]
                 ELSE ARRAY[($2::text[])[1 + h % $3], ($2::text[])[1 + (h / 7) % $3]] END,
    languages = '{sw,en}', region = 'Nairobi',
    sector = ($4::text[])[1 + h % cardinality($4::text[])],
    stage = ($5::text[])[1 + (h / 3) % cardinality($5::text[])],
    consent_data_processing = true, consent_network_sharing = h % 2 = 0
FROM (SELECT id AS e, abs(hashtext(id::text)) AS h FROM entrepreneurs
      WHERE tenant_id = ANY($1::uuid[])) x
WHERE entrepreneurs.id = x.e
"""

_MARKER = """
CREATE SCHEMA IF NOT EXISTS bench;
CREATE TABLE bench.generated (
    tenants int NOT NULL, entrepreneurs int NOT NULL, loans int NOT NULL,
    mentors int NOT NULL, seconds real NOT NULL, at timestamptz NOT NULL DEFAULT now()
);
"""


async def generated(admin_url: str) -> Sizes | None:
    """The sizes a completed :func:`generate` wrote into this database, else None."""
    conn = await asyncpg.connect(admin_url)
    try:
        if not await conn.fetchval("SELECT to_regclass('bench.generated') IS NOT NULL"):
            return None
        row = await conn.fetchrow(
            "SELECT tenants, entrepreneurs, loans, mentors FROM bench.generated"
        )
    finally:
        await conn.close()
    return Sizes(**dict(row)) if row else None


async def generate(admin_url: str, sizes: Sizes, *, progress: bool = True) -> float:
    """Write `sizes` into the migrated database of `admin_url` (a superuser URL); the
    seconds it took, VACUUM ANALYZE included."""
    started = time.perf_counter()
    tenants = [sizes.tenant(t) for t in range(sizes.tenants)]
    topics = [t for t in vocabulary.TOPICS if "." in t]
    conn = await asyncpg.connect(admin_url)
    try:
        async with conn.transaction():
            bar = Progress("loans", sizes.tenants * sizes.loans_per_tenant, enabled=progress)
            await seed_loans(
                conn,
                sizes.tenants,
                sizes.loans_per_tenant,
                people=sizes.people_per_tenant,
                progress=bar.advance,
            )
            bar.close()
            bar = Progress("profiles, mentors", 2, enabled=progress)
            await conn.execute(_PROFILES, tenants, topics, len(topics), SECTORS, STAGES)
            bar.advance(1)
            ids = [uuid.UUID(t) for t in tenants]
            await insert_mentors(conn, random.Random(7), ids, None, sizes.mentors)
            bar.advance(1)
            bar.close()
            await conn.execute(_MARKER)
            await conn.execute(
                "INSERT INTO bench.generated (tenants, entrepreneurs, loans, mentors, seconds) "
                "VALUES ($1, $2, $3, $4, $5)",
                sizes.tenants,
                sizes.tenants * sizes.people_per_tenant,
                sizes.tenants * sizes.loans_per_tenant,
                sizes.mentors,
                time.perf_counter() - started,
            )
        if progress:
            print("VACUUM ANALYZE ...", file=sys.stderr, flush=True)
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()
    return time.perf_counter() - started


def size_flags(parser: argparse.ArgumentParser) -> None:
    """The generator's size flags (also mix.py's)."""
    defaults = Sizes()
    for name, value in asdict(defaults).items():
        parser.add_argument(f"--{name}", type=int, default=value, help=f"({value:,})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size_flags(parser)
    parser.add_argument("--keep-database", metavar="NAME", required=True)
    args = parser.parse_args()
    sizes = Sizes(args.tenants, args.entrepreneurs, args.loans, args.mentors)
    signal.signal(signal.SIGTERM, _terminate)
    admin_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    with (
        tempfile.TemporaryDirectory(prefix="platform-bench-") as tmp,
        kept_database(admin_url, args.keep_database, Path(tmp)) as db,
    ):
        found = asyncio.run(generated(db.admin))
        if found is not None:
            print(f"{db.name} already holds {found}")
            return 0
        seconds = asyncio.run(generate(db.admin, sizes))
        print(f"{db.name}: generated {sizes} in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
