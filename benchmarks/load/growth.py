"""Growth run: does reading one loan, and listing loans, slow down as the book grows?
p50 of `GET /v1/loans/{id}` and `GET /v1/loans?limit=20` with 10,000 loans in the
database, then with 1,000,000 (target: p50 at 1M <= 1.3 x the 10k figure).

Run: .venv/bin/python benchmarks/load/growth.py [--small 10000] [--large 1000000]
         [--tenants 100] [--duration 10] [--rounds 1]

A first step of issue 10's load benchmark (benchmarks/load/): two single-operation
loads, not yet the realistic mix. For each size it builds a fresh database
(`_harness.bench_environment`: migrated, the real `platform-api serve --workers 1`, the
bare baseline), seeds it with bench_portfolio_report.py's set-based seed (`--tenants`
tenants, the loans spread evenly, each with its application, 5 installments, 5
repayments and 10 postings; 2,500 entrepreneurs per tenant), gives one seeded tenant an
API client, and loads the two reads over that tenant's loans (up to 1,000 distinct
ids, round-robin) beside the bare single-row read. It prints each size's figures as the
other benchmarks do, then the p50 ratios large / small. Seeding 1,000,000 loans takes
several minutes.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from generate import uid

from _harness import Bench, LoadResult, Target, bench_environment, parse_args
from bench_portfolio_report import seed

TARGET_RATIO = 1.3
READ = "GET /v1/loans/{id}"
LIST = "GET /v1/loans?limit=20"


def measure(bench: Bench, tenants: int, loans: int) -> dict[str, list[LoadResult]]:
    per_tenant = loans // tenants
    seconds = asyncio.run(seed(SimpleNamespace(admin=bench.database_url), tenants, per_tenant))
    print(f"seeded {tenants * per_tenant:,} loans in {tenants} tenants in {seconds:.0f} s")
    tenant = uid(1, 0)  # loans 1..per_tenant belong to tenant 0
    token = bench.client_token(["loans:read"], tenant_id=tenant)
    step = max(1, per_tenant // 1000)
    paths = [f"/v1/loans/{uid(5, g)}" for g in range(1, per_tenant + 1, step)]
    targets = [
        Target.get(READ, paths[0], token=token, paths=paths, target_ratio=None),
        Target.get(LIST, "/v1/loans?limit=20", token=token, target_ratio=None),
    ]
    bench.measure(targets)
    return bench.results


def main() -> int:
    argv = sys.argv[1:]
    sizes = {"--small": 10_000, "--large": 1_000_000, "--tenants": 100}
    for name in sizes:
        if name in argv:
            at = argv.index(name)
            sizes[name] = int(argv[at + 1])
            del argv[at : at + 2]
    config = parse_args(__doc__.split("\n\n")[0], argv)
    p50: dict[int, dict[str, float]] = {}
    for loans in (sizes["--small"], sizes["--large"]):
        print(f"\n=== {loans:,} loans ===", flush=True)
        with bench_environment(config, scopes=["loans:read"]) as bench:
            results = measure(bench, sizes["--tenants"], loans)
        p50[loans] = {
            name: sorted(r.p50_ms for r in runs if r.p50_ms is not None)[len(runs) // 2]
            for name, runs in results.items()
        }
    small, large = p50[sizes["--small"]], p50[sizes["--large"]]
    print(f"\ngrowth, p50 at {sizes['--large']:,} / p50 at {sizes['--small']:,} loans:")
    bare = next(name for name in small if name not in (READ, LIST))
    for name in (READ, LIST, bare):
        ratio = large[name] / small[name]
        print(
            f"{name}: {small[name]:.2f} ms -> {large[name]:.2f} ms, ratio {ratio:.2f}"
            + (
                " (the machine's drift between the runs)"
                if name == bare
                else f" (target <= {TARGET_RATIO})"
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
