"""Funders' shares of a crowd-funded loan, computed when read, as a share of a bare read.

Run: .venv/bin/python benchmarks/bench_loan_funding.py [--duration 10] [--rounds 3]

`GET /v1/loans/{id}/funding` over 64 loans, each funded by three lenders and repaid 24
times: the loan (balances and arrears), its commitments and its posted repayments in
three one-round-trip reads, then every repayment, the outstanding balance and the
write-off split pro rata among the funders to the minor unit (`loans.prorata`). Nothing
about funders is written when a repayment is posted, so this read is where the work is;
the baseline is the bare single-row read of benchmarks/bare_app.py. Target: at least 30%.

The fixtures go through the API: lenders, applications drafted, submitted, approved (a
second client with loans:approve), fully funded by three commitments, disbursed, and
repaid.
"""

from __future__ import annotations

import sys
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from _harness import Bench, Target, run

PRODUCT = {
    "name": "Crowd bench",
    "currency": "KES",
    "annual_rate": "0.24",
    "min_principal": 100_000,
    "max_principal": 10_000_000_000,
    "default_principal": 30_000_000,
    "min_term": 3,
    "max_term": 36,
    "default_term": 12,
}
INTAKE = {
    "requested_amount": 30_000_000,
    "requested_term": 12,
    "monthly_revenue": 200_000_000,
    "monthly_expenses": 80_000_000,
}
COMMITMENTS = (10_000_001, 12_345_678, 30_000_000 - 10_000_001 - 12_345_678)
LOANS = 64
REPAYMENTS = 24
SETUP_THREADS = 8


def _funded_loan(
    bench: Bench, checker: str, entrepreneur: str, product: str, lenders: list[str]
) -> str:
    application = bench.post(
        "/v1/loan-applications",
        {"entrepreneur_id": entrepreneur, "product_id": product, **INTAKE},
    )
    path = f"/v1/loan-applications/{application['id']}"
    bench.post(f"{path}/submit", None)
    bench.post(f"{path}/approve", None, token=checker)
    for lender, amount in zip(lenders, COMMITMENTS, strict=True):
        bench.post(
            f"{path}/funding-commitments",
            {"lender_id": lender, "amount": amount},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
    loan: dict[str, Any] = bench.post(
        f"{path}/disburse", None, headers={"Idempotency-Key": str(uuid.uuid4())}
    )
    for n in range(REPAYMENTS):
        bench.post(
            f"/v1/loans/{loan['id']}/repayments",
            {"amount": 100_003 + n},
            headers={"Idempotency-Key": str(uuid.uuid4())},
        )
    return str(loan["id"])


def targets(bench: Bench) -> Sequence[Target]:
    started = time.perf_counter()
    checker = bench.client_token(["loans:approve"])
    product = bench.post("/v1/loan-products", PRODUCT)
    funds = [{"currency": "KES", "available": 10**12, "min_amount": 1, "max_amount": 10**10}]
    lenders = [
        bench.post("/v1/lenders", {"display_name": f"Bench lender {n}", "funds": funds})["id"]
        for n in range(len(COMMITMENTS))
    ]
    with ThreadPoolExecutor(SETUP_THREADS) as pool:
        loans = list(
            pool.map(
                lambda _: _funded_loan(
                    bench, checker, bench.entrepreneur_id, product["id"], lenders
                ),
                range(LOANS),
            )
        )
    print(
        f"fixtures: {LOANS} crowd-funded loans with {REPAYMENTS} repayments each in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )
    paths = [f"/v1/loans/{loan}/funding" for loan in loans]
    return [
        Target.get(
            f"GET /v1/loans/{{id}}/funding (3 funders, {REPAYMENTS} repayments)",
            paths[0],
            token=bench.token,
            paths=paths,
            target_ratio=0.30,
        )
    ]


if __name__ == "__main__":
    sys.exit(
        run(
            targets,
            scopes=["loans:read", "loans:write", "matching:write"],
            description=__doc__.splitlines()[0] if __doc__ else None,
        )
    )
