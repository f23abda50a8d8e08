"""Single-row read through the whole API, as a share of bare Starlette + asyncpg.

Run: .venv/bin/python benchmarks/bench_read.py [--duration 10] [--warmup 2] [--connections 32]

`GET /v1/entrepreneurs/{id}` with a tenant client's bearer token (JWT check, scope check,
tenant-gated query under row-level security, pydantic model, middleware) against
`benchmarks/bare_app.py` reading the same row with the same columns. Both run one uvicorn
worker with the same options; see benchmarks/README.md. Exits 1 if any request was not
answered 2xx; a ratio under its target is reported, not failed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from _harness import Bench, Target, run


def targets(bench: Bench) -> Sequence[Target]:
    return [
        Target.get(
            "GET /v1/entrepreneurs/{id}",
            f"/v1/entrepreneurs/{bench.entrepreneur_id}",
            token=bench.token,
            target_ratio=0.5,
        )
    ]


if __name__ == "__main__":
    sys.exit(run(targets, description=__doc__.splitlines()[0] if __doc__ else None))
