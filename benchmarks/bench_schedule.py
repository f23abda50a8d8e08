"""Schedule engine benchmark: mean time per build_schedule() call, including APR/EIR.

Run: .venv/bin/python benchmarks/bench_schedule.py [--repeat 7] [--number 300]

Each case is timed with timeit: ``repeat`` runs of ``number`` builds; the reported
figure is the mean per build of the best run (the usual timeit practice: the best
run is the one least disturbed by other processes).  Exits 1 if a case is over its
target.
"""

from __future__ import annotations

import argparse
import sys
import timeit
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import partial

from platform_api.loans.schedule import (
    FrequencyUnit,
    InterestMethod,
    LoanTerms,
    build_schedule,
)

TARGET_MS = 1.0

CASES: dict[str, LoanTerms] = {
    "annuity 360 monthly": LoanTerms(
        principal=10_000_000,
        currency="KES",
        annual_rate=Decimal("0.18"),
        number_of_installments=360,
        disbursement_date=date(2024, 1, 31),  # month-end anchoring: the slow date path
        interest_method=InterestMethod.DECLINING_BALANCE_ANNUITY,
    ),
    "flat 104 weekly": LoanTerms(
        principal=5_000_000,
        currency="KES",
        annual_rate=Decimal("0.20"),
        number_of_installments=104,
        disbursement_date=date(2024, 1, 1),
        repayment_unit=FrequencyUnit.WEEKS,
        interest_method=InterestMethod.FLAT,
        upfront_fee_percent=Decimal("0.02"),
    ),
}


def measure(func: Callable[[], object], *, repeat: int, number: int) -> float:
    """Best-of-``repeat`` mean seconds per call."""
    return min(timeit.repeat(func, repeat=repeat, number=number)) / number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--number", type=int, default=300)
    args = parser.parse_args(argv)
    failed = False
    for name, terms in CASES.items():
        schedule = build_schedule(terms)  # warm up; also proves the case is valid
        seconds = measure(partial(build_schedule, terms), repeat=args.repeat, number=args.number)
        ms = seconds * 1000
        verdict = "ok" if ms <= TARGET_MS else "OVER TARGET"
        print(
            f"{name}: {ms:.3f} ms per build (target <= {TARGET_MS:g} ms) {verdict}"
            f"  [APR {schedule.true_cost.apr}, {len(schedule.installments)} installments]"
        )
        failed |= ms > TARGET_MS
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
