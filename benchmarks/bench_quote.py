"""Loan quote through the whole API, as a share of the bare single-row read.

Run: .venv/bin/python benchmarks/bench_quote.py [--duration 10] [--rounds 3]

`POST /v1/loan-products/{id}/quote` for a 12-month annuity (KES 50,000.00 at 18%, 2%
upfront fee): JWT and scope check, body validation, the tenant-gated product read, the
schedule engine, APR/EIR root finding and the JSON response, against the bare endpoint
of benchmarks/bare_app.py (see benchmarks/README.md). Target: at least 40%.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from _harness import Bench, Target, run

PRODUCT = {
    "name": "Biashara monthly",
    "currency": "KES",
    "interest_method": "declining_balance_annuity",
    "annual_rate": "0.18",
    "min_principal": 100_000,
    "max_principal": 100_000_000,
    "default_principal": 5_000_000,
    "min_term": 3,
    "max_term": 36,
    "default_term": 12,
    "upfront_fee_rate": "0.02",
}


def targets(bench: Bench) -> Sequence[Target]:
    product = bench.post("/v1/loan-products", PRODUCT)
    return [
        Target.post_json(
            "POST /v1/loan-products/{id}/quote (12 installments)",
            f"/v1/loan-products/{product['id']}/quote",
            {"amount": 5_000_000, "term": 12, "disbursement_date": "2026-12-01"},
            token=bench.token,
            target_ratio=0.4,
        )
    ]


if __name__ == "__main__":
    sys.exit(
        run(
            targets,
            scopes=["loans:read", "loans:write"],
            description=__doc__.splitlines()[0] if __doc__ else None,
        )
    )
