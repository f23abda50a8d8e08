"""Affordability of a loan application: pure functions, integers in minor units.

The borrower's business must carry the new installment with room to spare. The debt
service coverage ratio (DSCR) is the business's net monthly cash flow (revenue minus
expenses) over its monthly debt service (existing debt payments plus the new loan's
installment, converted to a monthly amount). Bands, from the DSCR:

    A  >= 2.00      B  >= 1.50      C  >= 1.25 (the minimum)      D  below, or no cash flow

then one band lower for debt already above half the cash flow, and one band lower for
documents not yet received (never below D). The recommended maximum amount is the
largest principal within the product's limits whose installment keeps the DSCR at the
minimum. Every band comes with the reasons that produced it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum
from fractions import Fraction

from platform_api.core.money import div_round_half_even

MIN_DSCR = Decimal("1.25")
_BAND_FLOORS = ((Decimal("2.00"), "A"), (Decimal("1.50"), "B"), (MIN_DSCR, "C"))
_CENT = Decimal("0.01")


class RiskBand(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


_BANDS = list(RiskBand)


@dataclass(frozen=True, slots=True)
class Financials:
    """The business's monthly figures, in minor units of the loan's currency."""

    monthly_revenue: int
    monthly_expenses: int
    existing_debt_payments: int


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Assessment:
    installment: int
    monthly_installment: int
    net_monthly_cash_flow: int
    monthly_debt_service: int
    free_monthly_cash_flow: int
    dscr: Decimal | None
    recommended_max_amount: int
    risk_band: RiskBand
    reasons: tuple[Reason, ...]


def monthly_equivalent(installment: int, periods_per_year: Fraction) -> int:
    """An installment paid `periods_per_year` times a year, as a monthly amount."""
    return div_round_half_even(
        installment * periods_per_year.numerator, periods_per_year.denominator * 12
    )


def coverage(net_cash_flow: int, debt_service: int) -> Decimal | None:
    """DSCR to two decimals, rounded down (never flatter than the truth); None without
    any debt service."""
    if debt_service <= 0:
        return None
    return (Decimal(net_cash_flow) / Decimal(debt_service)).quantize(_CENT, rounding=ROUND_DOWN)


def max_affordable_amount(
    net_cash_flow: int,
    existing_debt: int,
    monthly_installment_of: Callable[[int], int],
    *,
    min_amount: int,
    max_amount: int,
) -> int:
    """The largest amount in [min_amount, max_amount] whose monthly installment keeps the
    DSCR at MIN_DSCR or above (0 when even the smallest does not). Installments grow
    with the amount, so a binary search finds it exactly."""

    def affordable(amount: int) -> bool:
        service = existing_debt + monthly_installment_of(amount)
        return Decimal(net_cash_flow) >= MIN_DSCR * service

    if net_cash_flow <= 0 or not affordable(min_amount):
        return 0
    low, high = min_amount, max_amount
    while low < high:
        middle = (low + high + 1) // 2
        if affordable(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _band_for(dscr: Decimal | None, net_cash_flow: int) -> RiskBand:
    if net_cash_flow <= 0 or dscr is None:
        return RiskBand.D
    for floor, band in _BAND_FLOORS:
        if dscr >= floor:
            return RiskBand(band)
    return RiskBand.D


def _lower(band: RiskBand) -> RiskBand:
    return _BANDS[min(_BANDS.index(band) + 1, len(_BANDS) - 1)]


def assess(
    financials: Financials,
    *,
    installment: int,
    periods_per_year: Fraction,
    requested_amount: int,
    recommended_max_amount: int,
    missing_documents: Sequence[str] = (),
) -> Assessment:
    """The affordability of `installment` (the largest of the quoted schedule) for this
    business, its risk band and the reasons for it."""
    net = financials.monthly_revenue - financials.monthly_expenses
    monthly = monthly_equivalent(installment, periods_per_year)
    service = financials.existing_debt_payments + monthly
    dscr = coverage(net, service)
    band = _band_for(dscr, net)
    reasons: list[Reason] = []
    if net <= 0:
        reasons.append(
            Reason("negative_cash_flow", "Monthly expenses are at or above monthly revenue.")
        )
    else:
        floor = next((f for f, b in _BAND_FLOORS if b == band), None)
        where = f"band {band} needs {floor} or more" if floor is not None else "band D"
        reasons.append(
            Reason(
                "dscr" if dscr is not None and dscr >= MIN_DSCR else "dscr_below_minimum",
                f"Debt service coverage {dscr}: {where}; the minimum is {MIN_DSCR}.",
            )
        )
    if net > 0 and 2 * financials.existing_debt_payments > net:
        band = _lower(band)
        reasons.append(
            Reason(
                "high_existing_debt",
                "Existing debt payments take more than half the net monthly cash flow.",
            )
        )
    if missing_documents:
        band = _lower(band)
        reasons.append(
            Reason("documents_missing", "Not yet received: " + ", ".join(missing_documents) + ".")
        )
    if requested_amount > recommended_max_amount:
        reasons.append(
            Reason(
                "above_affordable_amount",
                f"The requested amount exceeds the recommended maximum ({recommended_max_amount}).",
            )
        )
    return Assessment(
        installment=installment,
        monthly_installment=monthly,
        net_monthly_cash_flow=net,
        monthly_debt_service=service,
        free_monthly_cash_flow=net - service,
        dscr=dscr,
        recommended_max_amount=recommended_max_amount,
        risk_band=band,
        reasons=tuple(reasons),
    )
