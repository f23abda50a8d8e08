"""Repayment posting through the whole API, as a share of a bare Starlette + asyncpg insert.

Run: .venv/bin/python benchmarks/bench_repayment.py [--duration 10] [--rounds 3]

`POST /v1/loans/{id}/repayments` with `{"amount": 1}` and a distinct Idempotency-Key on
every request, spread round-robin over 256 loans (postings on one loan are serialised by
its row lock: one loan would measure lock waits, not throughput). Each request is the
whole write path: JWT and scope check, body validation, the idempotency claim (advisory
lock, lookup, stored response), the loan's row lock and unpaid installments, the
allocation, the repayment, its postings and balances, the outbox event, one tenant
transaction under row-level security. The baseline is `POST /bare/rows` of
benchmarks/bare_app.py: one INSERT in a transaction, same pool size, same uvicorn options
(see benchmarks/README.md). Target: at least 25%.

The fixtures go through the API: a product, entrepreneurs, and the loans, each drafted,
submitted (the maker), approved (a second client with loans:approve: maker-checker) and
disbursed. A repayment of one minor unit never closes a loan. After the load, the
database is checked: at least one repayment per measured response (no stored response
was replayed in their place), on every loan, a row per bare response, every loan still
active.
"""

from __future__ import annotations

import asyncio
import sys
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import asyncpg

from _harness import Bench, Target, run

PRODUCT = {
    "name": "Biashara bench",
    "currency": "KES",
    "interest_method": "declining_balance_annuity",
    "annual_rate": "0.24",
    "min_principal": 100_000,
    "max_principal": 10_000_000_000,
    "default_principal": 50_000_000,
    "min_term": 3,
    "max_term": 36,
    "default_term": 12,
    "upfront_fee_rate": "0.02",
}
INTAKE = {
    "requested_amount": 50_000_000,
    "requested_term": 12,
    "purpose": "Stock for the dry season",
    "monthly_revenue": 200_000_000,
    "monthly_expenses": 80_000_000,
    "existing_debt_payments": 0,
}
LOANS = 256  # repayments go round-robin over them
ENTREPRENEURS = 32
SETUP_THREADS = 8  # concurrent set-up requests (the API has one worker)


def _open_loan(bench: Bench, checker: str, entrepreneur_id: str, product_id: str) -> str:
    """Draft -> submit (maker) -> approve (checker) -> disburse (maker): the loan's id."""
    application = bench.post(
        "/v1/loan-applications",
        {"entrepreneur_id": entrepreneur_id, "product_id": product_id, **INTAKE},
    )
    path = f"/v1/loan-applications/{application['id']}"
    bench.post(f"{path}/submit", None)
    bench.post(f"{path}/approve", None, token=checker)
    loan: dict[str, Any] = bench.post(
        f"{path}/disburse", None, headers={"Idempotency-Key": str(uuid.uuid4())}
    )
    return str(loan["id"])


def targets(bench: Bench) -> Sequence[Target]:
    started = time.perf_counter()
    checker = bench.client_token(["loans:approve"])
    product = bench.post("/v1/loan-products", PRODUCT)
    people = [
        bench.post("/v1/entrepreneurs", {"full_name": f"Bench borrower {n}", "country": "KE"})["id"]
        for n in range(ENTREPRENEURS)
    ]
    with ThreadPoolExecutor(SETUP_THREADS) as pool:
        loans = list(
            pool.map(
                lambda n: _open_loan(bench, checker, people[n % len(people)], product["id"]),
                range(LOANS),
            )
        )
    print(
        f"fixtures: {LOANS} loans disbursed through the API in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )
    paths = [f"/v1/loans/{loan}/repayments" for loan in loans]
    return [
        Target.post_json(
            f"POST /v1/loans/{{id}}/repayments ({LOANS} loans, fresh Idempotency-Key)",
            paths[0],
            {"amount": 1},
            token=bench.token,
            paths=paths,
            idempotency_key=True,
            target_ratio=0.25,
        )
    ]


def verify(bench: Bench, status: int) -> int:
    """At least one repayment per measured response (so none was a replayed stored
    response), one bare row per bare response, and no loan closed."""

    async def counts() -> asyncpg.Record:
        conn = await asyncpg.connect(bench.database_url)
        try:
            return await conn.fetchrow(
                "SELECT (SELECT count(*) FROM loan_repayments) AS repayments, "
                "(SELECT count(DISTINCT loan_id) FROM loan_repayments) AS loans_repaid, "
                "(SELECT count(*) FROM loans WHERE status <> 'active') AS not_active, "
                "(SELECT count(*) FROM bare.writes) AS bare_rows"
            )
        finally:
            await conn.close()

    row = asyncio.run(counts())
    answered = {name: sum(r.requests for r in runs) for name, runs in bench.results.items()}
    bare = answered.pop(bench.bare_insert().name, 0)
    api = sum(answered.values())
    problems = []
    if row["repayments"] < api:
        problems.append(
            f"{row['repayments']} repayments posted for {api} measured responses: "
            "some requests replayed a stored response"
        )
    if row["bare_rows"] < bare:
        problems.append(f"{row['bare_rows']} bare rows for {bare} measured responses")
    if row["loans_repaid"] != LOANS:
        problems.append(f"repayments reached {row['loans_repaid']} of the {LOANS} loans")
    if row["not_active"]:
        problems.append(f"{row['not_active']} loans are no longer active")
    print(
        f"check: {row['repayments']} repayments posted (measured responses: {api}) "
        f"on {row['loans_repaid']} loans, "
        f"{row['bare_rows']} bare rows (measured: {bare}), loans not active: "
        f"{row['not_active']}" + ("" if problems else " -- ok"),
        flush=True,
    )
    for problem in problems:
        print(f"CHECK FAILED: {problem}", file=sys.stderr)
    return 1 if problems else status


if __name__ == "__main__":
    sys.exit(
        run(
            targets,
            scopes=["loans:read", "loans:write"],
            description=__doc__.splitlines()[0] if __doc__ else None,
            baseline=Bench.bare_insert,
            after=verify,
        )
    )
