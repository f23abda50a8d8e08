"""APR / EIR root finding, checked against numpy_financial and a plain bisection."""

from __future__ import annotations

from decimal import Decimal

import numpy_financial as npf  # type: ignore[import-untyped]
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from platform_api.loans.true_cost import (
    TRUE_COST_QUANTUM,
    TrueCostError,
    compute_true_cost,
    periodic_irr,
)


def bisect_irr(received: int, payments: list[int], first: float) -> float:
    """Textbook bisection on the NPV, deliberately naive (independent reference)."""

    def npv(rate: float) -> float:
        return float(sum(p * (1 + rate) ** -(first + k) for k, p in enumerate(payments))) - received

    lo, hi = -0.99, 1.0
    while npv(hi) > 0:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if npv(mid) > 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def test_zero_cost_is_exactly_zero() -> None:
    cost = compute_true_cost(
        amount_received=1200, payments=[100] * 12, periods_per_year=Decimal(12)
    )
    assert cost.apr == Decimal("0.000000") and cost.eir == Decimal("0.000000")
    assert cost.apr.as_tuple().exponent == -6


def test_flat_rate_example() -> None:
    cost = compute_true_cost(
        amount_received=100_000, payments=[9_167] * 12, periods_per_year=Decimal(12)
    )
    reference = npf.irr([-100_000] + [9_167] * 12)
    assert abs(float(cost.apr) - 12 * reference) <= float(TRUE_COST_QUANTUM) / 2 + 1e-12
    assert abs(float(cost.eir) - ((1 + reference) ** 12 - 1)) <= float(TRUE_COST_QUANTUM)


def test_very_high_cost_does_not_diverge() -> None:
    # Pay back ten times the amount after one week: 900 % per week.
    cost = compute_true_cost(amount_received=1_000, payments=[10_000], periods_per_year=Decimal(52))
    assert cost.apr == Decimal("468.000000")
    assert cost.eir > Decimal("1E+50")
    assert cost.eir.as_tuple().exponent == -6  # quantized, however large


def test_payday_style_daily_loan() -> None:
    # 30 daily payments of 4 on 100 received: ~20 % a month.
    cost = compute_true_cost(amount_received=100, payments=[4] * 30, periods_per_year=Decimal(365))
    reference = npf.irr([-100] + [4] * 30)
    assert abs(float(cost.apr) - 365 * reference) < 1e-6
    assert cost.apr > Decimal("1")


def test_negative_return() -> None:
    rate = periodic_irr(amount_received=1_000, payments=[500, 400])
    assert rate < 0
    assert abs(rate - npf.irr([-1_000, 500, 400])) < 1e-12


def test_irregular_first_period_shifts_the_rate() -> None:
    regular = periodic_irr(amount_received=10_000, payments=[3_500] * 3)
    short = periodic_irr(
        amount_received=10_000, payments=[3_500] * 3, first_period_fraction=Decimal("0.5")
    )
    long = periodic_irr(
        amount_received=10_000, payments=[3_500] * 3, first_period_fraction=Decimal("1.5")
    )
    assert short > regular > long
    assert abs(short - bisect_irr(10_000, [3_500] * 3, 0.5)) < 1e-12
    assert abs(long - bisect_irr(10_000, [3_500] * 3, 1.5)) < 1e-12


@pytest.mark.parametrize(
    ("received", "payments", "fraction"),
    [
        (0, [1], Decimal(1)),
        (-5, [1], Decimal(1)),
        (100, [], Decimal(1)),
        (100, [50, -1, 60], Decimal(1)),
        (100, [0, 0], Decimal(1)),
        (100, [101], Decimal(0)),
    ],
)
def test_invalid_cash_flows(received: int, payments: list[int], fraction: Decimal) -> None:
    with pytest.raises(TrueCostError):
        periodic_irr(amount_received=received, payments=payments, first_period_fraction=fraction)


@settings(max_examples=300, deadline=None)
@given(
    payments=st.lists(st.integers(0, 10**9), min_size=1, max_size=40),
    percent_received=st.integers(20, 130),
    ppy=st.sampled_from([Decimal(12), Decimal(52), Decimal(26), Decimal(365), Decimal(4)]),
)
def test_matches_numpy_financial_irr(
    payments: list[int], percent_received: int, ppy: Decimal
) -> None:
    total = sum(payments)
    assume(total > 0)
    received = max(1, total * percent_received // 100)
    reference = npf.irr([-received, *payments])
    # Keep to rates numpy's polynomial-roots IRR resolves well (-90 % .. +500 % per period).
    assume(reference == reference and -0.9 < reference < 5)
    rate = periodic_irr(amount_received=received, payments=payments)
    assert abs(rate - reference) <= 1e-9 * max(1.0, abs(reference))
    cost = compute_true_cost(amount_received=received, payments=payments, periods_per_year=ppy)
    assert abs(float(cost.apr) - float(ppy) * reference) <= float(TRUE_COST_QUANTUM) / 2 + 1e-9


@settings(max_examples=200, deadline=None)
@given(
    received=st.integers(1, 10**8),
    payments=st.lists(st.integers(1, 10**7), min_size=1, max_size=30),
    fraction=st.decimals(min_value=Decimal("0.05"), max_value=Decimal("3"), places=3),
)
def test_fractional_first_period_matches_bisection(
    received: int, payments: list[int], fraction: Decimal
) -> None:
    assume(sum(payments) >= received)
    reference = bisect_irr(received, payments, float(fraction))
    assume(reference < 50)
    rate = periodic_irr(amount_received=received, payments=payments, first_period_fraction=fraction)
    assert abs(rate - reference) <= 1e-9 * max(1.0, reference)
