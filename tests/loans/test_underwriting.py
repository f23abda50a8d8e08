"""Affordability: DSCR, recommended maximum and risk bands (pure)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from platform_api.loans.underwriting import (
    MIN_DSCR,
    Financials,
    RiskBand,
    assess,
    coverage,
    max_affordable_amount,
    monthly_equivalent,
)

MONTHLY = Fraction(12)


def _assess(revenue, expenses, debt, installment, *, missing=(), requested=100, recommended=100):
    return assess(
        Financials(revenue, expenses, debt),
        installment=installment,
        periods_per_year=MONTHLY,
        requested_amount=requested,
        recommended_max_amount=recommended,
        missing_documents=missing,
    )


def test_monthly_equivalent_of_weekly_and_fortnightly():
    assert monthly_equivalent(1200, Fraction(12)) == 1200
    assert monthly_equivalent(1200, Fraction(52)) == 5200  # 1200 x 52 / 12
    assert monthly_equivalent(1000, Fraction(26)) == 2167  # 2166.67 half-even
    assert monthly_equivalent(1000, Fraction(365, 14)) == 2173  # every 14 days


def test_coverage_rounds_down():
    assert coverage(200, 300) == Decimal("0.66")
    assert coverage(1000, 0) is None


def test_bands_follow_dscr_and_carry_reasons():
    # net 60,000; debt service 25,000 -> 2.40 -> A
    strong = _assess(100_000, 40_000, 5_000, 20_000)
    assert strong.dscr == Decimal("2.40") and strong.risk_band is RiskBand.A
    assert strong.free_monthly_cash_flow == 35_000
    assert [r.code for r in strong.reasons] == ["dscr"]
    assert _assess(100_000, 40_000, 0, 35_000).risk_band is RiskBand.B  # 1.71
    assert _assess(100_000, 40_000, 0, 48_000).risk_band is RiskBand.C  # exactly 1.25
    weak = _assess(100_000, 40_000, 0, 48_001)
    assert weak.risk_band is RiskBand.D
    assert weak.reasons[0].code == "dscr_below_minimum"
    losing = _assess(40_000, 40_000, 0, 1_000)
    assert losing.risk_band is RiskBand.D and losing.reasons[0].code == "negative_cash_flow"


def test_existing_debt_and_missing_documents_lower_the_band():
    # net 100,000, debt 60,000 (> half), installment 0 -> DSCR 1.66 -> B, lowered to C
    indebted = _assess(150_000, 50_000, 60_000, 1)
    assert indebted.risk_band is RiskBand.C
    assert "high_existing_debt" in [r.code for r in indebted.reasons]
    missing = _assess(100_000, 40_000, 5_000, 20_000, missing=["ID", "M-Pesa statement"])
    assert missing.risk_band is RiskBand.B
    assert missing.reasons[-1].message == "Not yet received: ID, M-Pesa statement."
    above = _assess(100_000, 40_000, 5_000, 20_000, requested=500, recommended=400)
    assert above.reasons[-1].code == "above_affordable_amount"


@given(
    net=st.integers(-1_000, 10**7),
    debt=st.integers(0, 10**6),
    rate=st.integers(1, 500),
    low=st.integers(1, 10**6),
    span=st.integers(0, 10**7),
)
def test_recommended_maximum_is_the_largest_affordable_amount(net, debt, rate, low, span):
    def installment_of(amount: int) -> int:  # grows with the amount, like a schedule
        return amount * rate // 1000 + 1

    best = max_affordable_amount(net, debt, installment_of, min_amount=low, max_amount=low + span)

    def affordable(amount: int) -> bool:
        return Decimal(net) >= MIN_DSCR * (debt + installment_of(amount))

    if best == 0:
        assert net <= 0 or not affordable(low)
    else:
        assert low <= best <= low + span and affordable(best)
        assert best == low + span or not affordable(best + 1)
