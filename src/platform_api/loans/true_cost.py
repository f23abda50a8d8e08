"""True cost of credit: nominal APR and effective interest rate (EIR).

Definitions (borrower's point of view, amounts in integer minor units):

* cash flows: ``+amount_received`` at time 0 (principal minus any *deducted*
  upfront fee), then ``-payment_k`` (the installment total incl. fees) at time
  ``t_k``;
* time is measured in **unit periods** (the repayment period, e.g. one month
  for a monthly loan) the way US Reg Z Appendix J does: every regular period
  counts as exactly 1, and an irregular first period counts as the fraction
  ``first_period_fraction`` (computed by the schedule engine from actual days),
  so ``t_k = first_period_fraction + k`` for ``k = 0, 1, ...``;
* the periodic IRR ``i`` solves ``sum(payment_k * (1 + i) ** -t_k) == amount_received``;
* ``APR = periods_per_year * i`` (nominal, Reg Z / EU CCD "nominal" style) and
  ``EIR = (1 + i) ** periods_per_year - 1`` (the compounded annual rate).

Both are returned as :class:`~decimal.Decimal` *fractions* (``0.1797`` means
17.97 %), quantized half-even to :data:`TRUE_COST_QUANTUM` (6 decimal places,
i.e. 0.0001 percentage points).

The root is found with IEEE double arithmetic (the only place floats are
used; no float ever leaves this module): runs of equal consecutive payments are
summed in closed form with ``expm1``/``log1p`` so that a 360-installment annuity
costs a handful of transcendental calls per NPV evaluation, the root is
bracketed (the NPV is strictly monotone when all payments are >= 0, so the root
is unique) and refined with Brent's method to ~1e-15, far below the 6 dp
quantum.  Costs of several thousand percent do not diverge or raise.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import Final

__all__ = [
    "TRUE_COST_QUANTUM",
    "TrueCost",
    "TrueCostError",
    "compute_true_cost",
    "periodic_irr",
]

#: Precision of the returned APR / EIR fractions (6 dp = 0.0001 percentage points).
TRUE_COST_QUANTUM: Final = Decimal("0.000001")

_DECIMAL_CONTEXT: Final = Context(prec=60)
# The float logarithm behind a huge EIR carries ~16 significant digits; keep 20, no false
# precision.
_EIR_CONTEXT: Final = Context(prec=20)
_MAX_ITERATIONS: Final = 300


class TrueCostError(ValueError):
    """The cash flows have no meaningful internal rate of return."""


@dataclass(frozen=True, slots=True)
class TrueCost:
    """Annualised cost of a loan, as Decimal fractions quantized to 6 dp."""

    apr: Decimal
    """Nominal annual percentage rate: periods_per_year x periodic IRR."""
    eir: Decimal
    """Effective annual rate: (1 + periodic IRR) ** periods_per_year - 1."""


# A run is (amount, first time, length): amount paid at first_time, first_time+1, ...
_Run = tuple[float, float, int]


def _runs(payments: Sequence[int], first_time: float) -> list[_Run]:
    runs: list[_Run] = []
    start = 0
    count = len(payments)
    while start < count:
        amount = payments[start]
        end = start + 1
        while end < count and payments[end] == amount:
            end += 1
        if amount:
            runs.append((float(amount), first_time + start, end - start))
        start = end
    return runs


def _npv_function(runs: list[_Run], received: float) -> Callable[[float], float]:
    """NPV(i) = sum of amount * e^(-x t) over all payments - received, x = ln(1 + i).

    Strictly decreasing in i.  A closure over locally bound names: the root finder calls
    it about six times per quote and the call overhead used to outweigh the maths.
    """
    log1p, exp, expm1, inf = math.log1p, math.exp, math.expm1, math.inf

    def npv(rate: float) -> float:
        log_growth = log1p(rate)
        total = 0.0
        if log_growth == 0.0:
            for amount, _, length in runs:
                total += amount * length
            return total - received
        decay = -log_growth
        ratio_den = expm1(decay)  # e^(-x) - 1, never 0 here
        for amount, start, length in runs:
            exponent = decay * start
            if exponent > 700.0:  # negative rates far below -100 %/period: explode
                return inf
            head = amount * exp(exponent)
            if head == 0.0:
                continue
            if length == 1:
                total += head
            else:
                tail = decay * length
                geometric = (expm1(tail) / ratio_den) if tail <= 700.0 else inf
                total += head * geometric
        return total - received

    return npv


def _brent(
    func_lo: float,
    func_hi: float,
    lo: float,
    hi: float,
    func: Callable[[float], float],
    xtol: float,
) -> float:
    """Brent-Dekker root finding on a bracket [lo, hi] with func(lo) * func(hi) < 0."""
    a, b, fa, fb = lo, hi, func_lo, func_hi
    c, fc = a, fa
    d = e = b - a
    for _ in range(_MAX_ITERATIONS):
        if fb == 0.0:
            return b
        if (fb > 0.0) == (fc > 0.0):
            c, fc = a, fa
            d = e = b - a
        if abs(fc) < abs(fb):
            a, b, c = b, c, b
            fa, fb, fc = fb, fc, fb
        tol = 2.0 * 2.220446049250313e-16 * abs(b) + 0.5 * xtol
        m = 0.5 * (c - b)
        if abs(m) <= tol:
            return b
        if abs(e) >= tol and abs(fa) > abs(fb):
            s = fb / fa
            if a == c:  # secant
                p = 2.0 * m * s
                q = 1.0 - s
            else:  # inverse quadratic interpolation
                q_ = fa / fc
                r = fb / fc
                p = s * (2.0 * m * q_ * (q_ - r) - (b - a) * (r - 1.0))
                q = (q_ - 1.0) * (r - 1.0) * (s - 1.0)
            if p > 0.0:
                q = -q
            else:
                p = -p
            if 2.0 * p < min(3.0 * m * q - abs(tol * q), abs(e * q)):
                e, d = d, p / q
            else:
                d = e = m
        else:
            d = e = m
        a, fa = b, fb
        b += d if abs(d) > tol else (tol if m > 0 else -tol)
        fb = func(b)
    return b  # pragma: no cover - Brent converges long before the cap


def periodic_irr(
    *, amount_received: int, payments: Sequence[int], first_period_fraction: Decimal = Decimal(1)
) -> float:
    """Periodic internal rate of return (as a float, for internal use and tests).

    ``payments[k]`` is paid at ``first_period_fraction + k`` unit periods after
    the receipt of ``amount_received``.  All amounts are ints >= 0.
    """
    if amount_received <= 0:
        raise TrueCostError("the amount received by the borrower must be positive")
    if not payments or min(payments) < 0:
        raise TrueCostError("payments must be a non-empty sequence of non-negative amounts")
    if not first_period_fraction > 0:
        raise TrueCostError("the first payment must come after the disbursement")
    total = sum(payments)
    if total == amount_received:
        return 0.0
    if total == 0:
        raise TrueCostError("nothing is repaid: the rate of return is -100 %")
    runs = _runs(payments, float(first_period_fraction))
    func = _npv_function(runs, float(amount_received))
    weighted_time = sum(
        amount * (start + (length - 1) / 2.0) * length for amount, start, length in runs
    )
    if total > amount_received:
        # (1+i)^-t >= 1 - t*i gives the lower bound; grow the upper bound until NPV < 0.
        lo = (total - amount_received) / weighted_time
        f_lo = func(lo)
        if f_lo <= 0.0:  # only by rounding noise at the bound
            return lo
        hi = max(2.0 * lo, 1e-12)
        f_hi = func(hi)
        while f_hi > 0.0:
            lo, f_lo = hi, f_hi
            hi *= 4.0
            f_hi = func(hi)
    else:
        # Negative return (repays less than received): root in (-1, 0).
        hi, f_hi = 0.0, float(total - amount_received)
        lo = -0.5
        f_lo = func(lo)
        while f_lo < 0.0:
            hi, f_hi = lo, f_lo
            lo = -1.0 + (1.0 + lo) / 16.0
            if lo <= -1.0:  # pragma: no cover - needs absurd inputs
                raise TrueCostError("rate of return is not representable")
            f_lo = func(lo)
    return _brent(f_lo, f_hi, lo, hi, func, xtol=1e-15 * max(1.0, abs(hi)))


def _quantize(value: Decimal) -> Decimal:
    """Half-even to 6 dp.  The shared 60-digit context holds any result below 1e45 exactly;
    only absurd EIRs need a context sized to their integer part (plus the 6 dp)."""
    adjusted = value.adjusted()
    context = _DECIMAL_CONTEXT if adjusted <= 44 else Context(prec=adjusted + 16)
    return value.quantize(TRUE_COST_QUANTUM, rounding=ROUND_HALF_EVEN, context=context)


def _exact_eir(log_growth: float, periods_per_year: Decimal) -> Decimal:
    """(1+i)^ppy - 1 = e^(ppy * ln(1+i)) - 1 in Decimal, for values beyond float range."""
    exponent = _DECIMAL_CONTEXT.multiply(periods_per_year, Decimal(repr(log_growth)))
    return _EIR_CONTEXT.subtract(_EIR_CONTEXT.exp(exponent), Decimal(1))


def compute_true_cost(
    *,
    amount_received: int,
    payments: Sequence[int],
    periods_per_year: Decimal,
    first_period_fraction: Decimal = Decimal(1),
) -> TrueCost:
    """APR and EIR of a loan paying *payments* on a regular grid after an irregular first period.

    >>> tc = compute_true_cost(amount_received=100_000, payments=[9_167] * 12,
    ...                        periods_per_year=Decimal(12))
    >>> tc.apr
    Decimal('0.179790')
    """
    rate = periodic_irr(
        amount_received=amount_received,
        payments=payments,
        first_period_fraction=first_period_fraction,
    )
    ppy = float(periods_per_year)
    log_growth = math.log1p(rate)
    growth = ppy * log_growth
    eir = (
        Decimal(repr(math.expm1(growth)))
        if growth <= 700.0
        else _exact_eir(log_growth, periods_per_year)
    )
    return TrueCost(apr=_quantize(Decimal(repr(ppy * rate))), eir=_quantize(eir))
