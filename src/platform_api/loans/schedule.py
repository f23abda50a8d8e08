"""Pure repayment-schedule engine.

Everything here is a pure function of a :class:`LoanTerms` value: no I/O, no
clock, no global state.  Amounts are ``int`` minor units of ``terms.currency``
(so KES cents, whole VND); rates are :class:`~decimal.Decimal` fractions
(``Decimal("0.18")`` = 18 % a year).  No float ever enters a schedule amount.

Conventions (all deliberate, all covered by tests):

Periods
    The repayment period is ``repayment_every`` x ``repayment_unit``.  Periods
    per year (``ppy``): months ``12/N``, weeks ``52/N``, days ``365/N``, or
    ``360/N`` for days under the ``actual/360`` and ``30/360`` day counts.

Dates
    Due dates follow the first repayment date every period.  For months the
    day of month is anchored and clamped to the month end (31 Jan -> 29 Feb ->
    31 Mar).  The anchor is the first repayment date's day, except when the
    first repayment date is the default (disbursement + one period) - then the
    disbursement's day is the anchor, so a loan disbursed on 31 Jan is due on
    29 Feb, 31 Mar, 30 Apr, ...

Irregular first period
    ``first_period_fraction`` = whole periods counted back from the first due
    date (on the anchored grid) + the remaining *actual* days divided by the
    actual length of the enclosing grid period; for weeks and days simply
    actual days / period days.  It is exactly 1 for the default first date.

Interest
    ``per_period`` ("same as repayment period" in Fineract): the periodic rate
    is ``r = annual_rate / ppy``; the first period uses ``r * first_period_fraction``.
    ``daily``: each period accrues ``annual_rate * year_fraction(start, end)``
    under the day count: ``actual/365`` = actual days/365, ``actual/360`` =
    actual days/360, ``30/360`` = 30E/360 (Eurobond basis: day 31 counts as
    30, no February adjustment) days/360.
    Declining-balance interest of a period = half-even(balance x period rate),
    computed exactly with integers.

Methods
    ``declining_balance_annuity``: level principal+interest ``P`` such that the
    balance amortises exactly with the actual period rates (the textbook
    ``B r / (1 - (1+r)^-m)`` when all periods are regular), rounded half-even
    to the minor unit (or to ``installment_multiple_of``, see below).  Each
    non-final installment's principal is ``P - interest``.  Should a period's
    interest ever exceed ``P`` (extreme rate/irregular first period), that
    installment is interest-only and ``P`` is recomputed for the rest, so no
    principal part is ever negative.
    ``declining_balance_equal_principal``: principal half-even(B / m) per
    amortising installment, interest on the declining balance.
    ``flat``: interest on the original (financed) principal for every period:
    per period ``B x period rate`` - for per_period and a regular first period
    that is ``B x annual_rate / ppy`` and the total is exactly
    ``half-even(B x annual_rate x n / ppy)``.  Non-final installments carry
    half-even(B x period rate) and the last one the remainder (in the rare case
    where that remainder would be negative, cumulative rounding is used).
    Principal as for equal principal.
    ``m`` = number of amortising installments = ``n - grace_on_principal``.

Rounding
    Amounts are already minor units, so the rounding unit is one minor unit for
    every currency (VND exponent 0 and KES exponent 2 alike); rounding is
    half-even and the accumulated drift always lands in the LAST installment,
    whose principal is the whole remaining balance.  A principal part is never
    negative nor above the balance: with absurdly small principals (a few minor
    units over many installments) a rounded-up regular installment may repay
    the loan early, the remaining installments then carry no principal.

Graces
    ``grace_on_principal`` g: installments 1..g pay no principal (interest only).
    ``grace_on_interest_payment`` g: installments 1..g pay no interest; the
    interest still accrues (not compounded) and is collected in full in the
    first installment after the grace, as Fineract does.  The principal parts
    are unaffected (for the annuity, principal = P - accrued interest).
    ``grace_interest_free`` g: periods 1..g accrue no interest at all.

Fees
    Upfront fee = ``upfront_fee_flat`` + half-even(principal x ``upfront_fee_percent``).
    ``deducted``: the borrower receives principal - fee, owes the principal.
    ``financed``: the fee is added to the principal to be repaid (interest is
    charged on it too); the borrower receives the principal.
    ``installment_fee`` is added to every installment (grace ones included).

installment_multiple_of
    Each non-final amortising installment *total* (principal + interest +
    installment fee) is rounded half-even to a multiple of M by adjusting its
    principal part; the last installment takes the remainder.  Installments in
    a grace (interest-only) or carrying deferred interest are not rounded.

True cost
    See :mod:`platform_api.loans.true_cost`: APR = ppy x periodic IRR, EIR =
    (1 + IRR)^ppy - 1, times in unit periods with the irregular first period
    counted as ``first_period_fraction``, quantized to 6 dp.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from decimal import Context, Decimal, localcontext
from enum import StrEnum
from fractions import Fraction
from typing import Final, cast

from platform_api.core.money import (
    div_round_half_even,
    is_known_currency,
    round_half_even,
)
from platform_api.loans.true_cost import TrueCost, compute_true_cost

__all__ = [
    "MAX_ANNUAL_RATE",
    "MAX_INSTALLMENTS",
    "MAX_PRINCIPAL",
    "MAX_REPAYMENT_EVERY",
    "DayCount",
    "FrequencyUnit",
    "Installment",
    "InterestCalculation",
    "InterestMethod",
    "LoanTerms",
    "Schedule",
    "ScheduleError",
    "UpfrontFeeMode",
    "build_schedule",
    "day_count_days",
    "default_first_repayment_date",
    "first_period_fraction",
    "periods_per_year",
    "repayment_dates",
    "year_fraction",
]

MAX_INSTALLMENTS: Final = 2000
MAX_REPAYMENT_EVERY: Final = 366
MAX_PRINCIPAL: Final = 10**15
MAX_ANNUAL_RATE: Final = Decimal(100)  # 10 000 % a year: beyond this it is a typo
_MIN_YEAR: Final = 1900
_DECIMAL_CONTEXT: Final = Context(prec=50)
_ONE_DECIMAL: Final = Decimal(1)
_ONE: Final = Fraction(1)


class ScheduleError(ValueError):
    """Invalid loan terms (the message says which and why)."""


class InterestMethod(StrEnum):
    DECLINING_BALANCE_ANNUITY = "declining_balance_annuity"
    DECLINING_BALANCE_EQUAL_PRINCIPAL = "declining_balance_equal_principal"
    FLAT = "flat"


class FrequencyUnit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


class DayCount(StrEnum):
    THIRTY_360 = "30/360"
    ACTUAL_365 = "actual/365"
    ACTUAL_360 = "actual/360"


class InterestCalculation(StrEnum):
    PER_PERIOD = "per_period"
    DAILY = "daily"


class UpfrontFeeMode(StrEnum):
    DEDUCTED = "deducted"
    FINANCED = "financed"


@dataclass(frozen=True, slots=True, kw_only=True)
class LoanTerms:
    """Validated loan product parameters for one loan (construction raises ScheduleError)."""

    principal: int
    currency: str
    annual_rate: Decimal
    number_of_installments: int
    disbursement_date: date
    interest_method: InterestMethod = InterestMethod.DECLINING_BALANCE_ANNUITY
    repayment_every: int = 1
    repayment_unit: FrequencyUnit = FrequencyUnit.MONTHS
    first_repayment_date: date | None = None
    day_count: DayCount = DayCount.ACTUAL_365
    interest_calculation: InterestCalculation = InterestCalculation.PER_PERIOD
    grace_on_principal: int = 0
    grace_on_interest_payment: int = 0
    grace_interest_free: int = 0
    upfront_fee_flat: int = 0
    upfront_fee_percent: Decimal = Decimal(0)
    upfront_fee_mode: UpfrontFeeMode = UpfrontFeeMode.DEDUCTED
    installment_fee: int = 0
    installment_multiple_of: int | None = None

    def __post_init__(self) -> None:
        _validate(self)

    @property
    def upfront_fee(self) -> int:
        """Flat fee + half-even(principal x percent), in minor units."""
        num, den = self.upfront_fee_percent.as_integer_ratio()
        return self.upfront_fee_flat + div_round_half_even(self.principal * num, den)

    @property
    def financed_principal(self) -> int:
        """The principal the installments repay (principal + fee when financed)."""
        if self.upfront_fee_mode is UpfrontFeeMode.FINANCED:
            return self.principal + self.upfront_fee
        return self.principal

    @property
    def net_disbursed(self) -> int:
        """What the borrower actually receives (principal - fee when deducted)."""
        if self.upfront_fee_mode is UpfrontFeeMode.DEDUCTED:
            return self.principal - self.upfront_fee
        return self.principal


@dataclass(frozen=True, slots=True)
class Installment:
    number: int
    due_date: date
    principal: int
    interest: int
    fees: int
    total: int
    balance_after: int


@dataclass(frozen=True, slots=True)
class Schedule:
    terms: LoanTerms
    installments: tuple[Installment, ...]
    total_principal: int
    total_interest: int
    total_fees: int
    """Sum of the installment fees (the upfront fee is reported separately)."""
    total_repayable: int
    """Sum of all installment totals."""
    upfront_fee: int
    net_disbursed: int
    """Amount actually received by the borrower."""
    first_period_fraction: Fraction
    periods_per_year: Fraction
    true_cost: TrueCost

    @property
    def currency(self) -> str:
        return self.terms.currency

    @property
    def amount_received_by_borrower(self) -> int:
        return self.net_disbursed

    @property
    def finance_charge(self) -> int:
        """Everything paid beyond what was received: interest + all fees."""
        return self.total_repayable - self.net_disbursed


def _draft_class(frozen: type) -> type:
    """A mutable twin of a frozen slotted dataclass.  The engine fills a draft with plain
    slot stores and turns it into the frozen class by ``__class__`` assignment, which Python
    allows between classes with the same ``__slots__``: the same object as the generated
    __init__ builds (a test checks equality), for a fraction of the cost of its
    object.__setattr__ per field, which matters for 360-installment schedules."""
    slots = tuple(field.name for field in fields(frozen))
    return type(f"_{frozen.__name__}Draft", (), {"__slots__": slots})


_InstallmentDraft: Final = _draft_class(Installment)
_ScheduleDraft: Final = _draft_class(Schedule)


# --------------------------------------------------------------------------- validation


# Value -> member of every engine enum: a stored product carries its enums as text, and a
# dict hit is a fraction of the cost of the Enum constructor.
_ENUM_MEMBERS: Final[dict[type[StrEnum], dict[str, StrEnum]]] = {
    enum: {member.value: member for member in enum}
    for enum in (InterestMethod, FrequencyUnit, DayCount, InterestCalculation, UpfrontFeeMode)
}


def _coerce_enum(terms: LoanTerms, name: str, enum: type[StrEnum]) -> None:
    value = getattr(terms, name)
    if isinstance(value, enum):
        return
    member = _ENUM_MEMBERS[enum].get(value) if type(value) is str else None
    if member is None:
        try:
            member = enum(value)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in enum)
            raise ScheduleError(f"{name} must be one of {allowed}, got {value!r}") from None
    object.__setattr__(terms, name, member)


def _check_int(name: str, value: object, minimum: int, maximum: int | None = None) -> int:
    if type(value) is int and minimum <= value and (maximum is None or value <= maximum):
        return value  # the usual case, without the isinstance checks below
    if not isinstance(value, int) or isinstance(value, bool):
        raise ScheduleError(f"{name} must be an integer, got {type(value).__name__}")
    if value < minimum:
        raise ScheduleError(f"{name} must be >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ScheduleError(f"{name} must be <= {maximum}, got {value}")
    return value


def _check_decimal(name: str, value: object, maximum: Decimal) -> Decimal:
    if not isinstance(value, Decimal):
        raise ScheduleError(f"{name} must be a Decimal (never a float), got {type(value).__name__}")
    if not value.is_finite() or value < 0:
        raise ScheduleError(f"{name} must be a finite, non-negative Decimal, got {value}")
    if value > maximum:
        raise ScheduleError(f"{name} must be <= {maximum}, got {value}")
    return value


def _check_date(name: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ScheduleError(f"{name} must be a date, got {type(value).__name__}")
    if value.year < _MIN_YEAR:
        raise ScheduleError(f"{name} must not be before {_MIN_YEAR}, got {value}")
    return value


def _validate(terms: LoanTerms) -> None:
    _coerce_enum(terms, "interest_method", InterestMethod)
    _coerce_enum(terms, "repayment_unit", FrequencyUnit)
    _coerce_enum(terms, "day_count", DayCount)
    _coerce_enum(terms, "interest_calculation", InterestCalculation)
    _coerce_enum(terms, "upfront_fee_mode", UpfrontFeeMode)
    principal = _check_int("principal", terms.principal, 1, MAX_PRINCIPAL)
    if not is_known_currency(terms.currency):
        raise ScheduleError(
            f"currency must be an active ISO 4217 code (e.g. 'KES'), got {terms.currency!r}"
        )
    _check_decimal("annual_rate", terms.annual_rate, MAX_ANNUAL_RATE)
    n = _check_int("number_of_installments", terms.number_of_installments, 1, MAX_INSTALLMENTS)
    _check_int("repayment_every", terms.repayment_every, 1, MAX_REPAYMENT_EVERY)
    disbursed = _check_date("disbursement_date", terms.disbursement_date)
    if terms.first_repayment_date is not None:
        first = _check_date("first_repayment_date", terms.first_repayment_date)
        if first <= disbursed:
            raise ScheduleError(
                f"first_repayment_date ({first}) must be after the disbursement_date ({disbursed})"
            )
    for name in ("grace_on_principal", "grace_on_interest_payment", "grace_interest_free"):
        grace = _check_int(name, getattr(terms, name), 0)
        if grace >= n:
            raise ScheduleError(
                f"{name} ({grace}) must be smaller than number_of_installments ({n})"
            )
    _check_int("upfront_fee_flat", terms.upfront_fee_flat, 0, MAX_PRINCIPAL)
    _check_decimal("upfront_fee_percent", terms.upfront_fee_percent, _ONE_DECIMAL)
    _check_int("installment_fee", terms.installment_fee, 0, MAX_PRINCIPAL)
    if terms.installment_multiple_of is not None:
        _check_int("installment_multiple_of", terms.installment_multiple_of, 1, MAX_PRINCIPAL)
    fee = terms.upfront_fee
    if terms.upfront_fee_mode is UpfrontFeeMode.DEDUCTED:
        if fee >= principal:
            raise ScheduleError(
                f"a deducted upfront fee ({fee}) must be smaller than the principal ({principal})"
            )
    elif principal + fee > MAX_PRINCIPAL:  # the financed principal
        raise ScheduleError(f"principal plus financed fee must be <= {MAX_PRINCIPAL}")
    # Dates must stay representable for the whole term.
    _check_calendar_range(terms)


# --------------------------------------------------------------------------- calendar

_DAYS_IN_MONTH: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_END_MONTH_INDEX: Final = 10000 * 12  # January 10000, as year * 12 + month - 1
_MAX_ORDINAL: Final = date.max.toordinal()


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def _month_date(month_index: int, anchor_day: int) -> date:
    """Date in month number ``year*12 + month-1`` on ``anchor_day``, clamped to the month end."""
    year, month0 = divmod(month_index, 12)
    if not 1 <= year <= 9999:
        raise ScheduleError("repayment dates fall outside the supported calendar range")
    dim = _days_in_month(year, month0 + 1)
    return date(year, month0 + 1, anchor_day if anchor_day <= dim else dim)


def _period_days(unit: FrequencyUnit, every: int) -> int:
    return every * 7 if unit is FrequencyUnit.WEEKS else every


def default_first_repayment_date(
    *, disbursement_date: date, repayment_every: int, repayment_unit: FrequencyUnit
) -> date:
    """Disbursement + one repayment period (months clamp to the month end)."""
    if repayment_unit is FrequencyUnit.MONTHS:
        index = disbursement_date.year * 12 + disbursement_date.month - 1 + repayment_every
        return _month_date(index, disbursement_date.day)
    try:
        return disbursement_date + timedelta(days=_period_days(repayment_unit, repayment_every))
    except OverflowError:
        raise ScheduleError("repayment dates fall outside the supported calendar range") from None


def repayment_dates(
    *,
    first_repayment_date: date,
    number_of_installments: int,
    repayment_every: int,
    repayment_unit: FrequencyUnit,
    anchor_day: int | None = None,
) -> list[date]:
    """Due dates: the first one, then every period.

    For months the day of month is ``anchor_day`` (default: the first date's
    day) clamped to each month's end.
    """
    if repayment_unit is FrequencyUnit.MONTHS:
        day = first_repayment_date.day if anchor_day is None else anchor_day
        base = first_repayment_date.year * 12 + first_repayment_date.month - 1
        _month_date(base + repayment_every * (number_of_installments - 1), day)  # range check
        return _monthly_dates(base, day, repayment_every, number_of_installments)
    step = timedelta(days=_period_days(repayment_unit, repayment_every))
    try:
        date.fromordinal(
            first_repayment_date.toordinal() + step.days * (number_of_installments - 1)
        )
    except (OverflowError, ValueError):
        raise ScheduleError("repayment dates fall outside the supported calendar range") from None
    return [first_repayment_date + step * k for k in range(number_of_installments)]


def _monthly_dates(first_month: int, day: int, every: int, number: int) -> list[date]:
    """*number* dates every *every* months from month number ``year*12 + month-1``
    *first_month* on *day*, clamped to the month end; the caller checked the range."""
    year, month0 = divmod(first_month, 12)
    month = month0 + 1
    years_step, months_step = divmod(every, 12)
    dates: list[date] = []
    append = dates.append
    days_in_month = _DAYS_IN_MONTH
    for _ in range(number):
        if day <= 28:
            append(date(year, month, day))
        elif month != 2:
            dim = days_in_month[month - 1]
            append(date(year, month, day if day <= dim else dim))
        else:
            leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
            append(date(year, 2, 29 if leap else 28))
        year += years_step
        month += months_step
        if month > 12:
            month -= 12
            year += 1
    return dates


def _dates_and_fraction(terms: LoanTerms) -> tuple[list[date], Fraction]:
    """The due dates and the first period fraction, which is exactly 1 (nothing to count)
    when the first due date is the default one."""
    disbursed = terms.disbursement_date
    every = terms.repayment_every
    unit = terms.repayment_unit
    default = default_first_repayment_date(
        disbursement_date=disbursed, repayment_every=every, repayment_unit=unit
    )
    first = terms.first_repayment_date or default
    regular = first == default
    anchor: int | None = None
    if unit is FrequencyUnit.MONTHS:
        anchor = disbursed.day if regular else first.day
        # Validation has checked the calendar range (see _check_calendar_range).
        first_month = first.year * 12 + first.month - 1
        dates = _monthly_dates(first_month, anchor, every, terms.number_of_installments)
    else:
        dates = repayment_dates(
            first_repayment_date=first,
            number_of_installments=terms.number_of_installments,
            repayment_every=every,
            repayment_unit=unit,
        )
    if regular:
        return dates, _ONE
    fraction = first_period_fraction(
        disbursement_date=disbursed,
        first_repayment_date=first,
        repayment_every=every,
        repayment_unit=unit,
        anchor_day=anchor,
    )
    return dates, fraction


def _check_calendar_range(terms: LoanTerms) -> None:
    """Raise unless the last due date is representable: plain month / day arithmetic, no
    dates built.  Due dates only move forward from a disbursement in 1900 or later."""
    every = terms.repayment_every
    later = every * (terms.number_of_installments - 1)  # from the first due date to the last
    disbursed = terms.disbursement_date
    first = terms.first_repayment_date
    if terms.repayment_unit is FrequencyUnit.MONTHS:
        if first is None:
            start = disbursed.year * 12 + disbursed.month - 1 + every
        else:
            start = first.year * 12 + first.month - 1
        in_range = start + later < _END_MONTH_INDEX
    else:
        days = _period_days(terms.repayment_unit, 1)
        start = (disbursed.toordinal() + every * days) if first is None else first.toordinal()
        in_range = start + later * days <= _MAX_ORDINAL
    if not in_range:
        raise ScheduleError("repayment dates fall outside the supported calendar range")


def first_period_fraction(
    *,
    disbursement_date: date,
    first_repayment_date: date,
    repayment_every: int,
    repayment_unit: FrequencyUnit,
    anchor_day: int | None = None,
) -> Fraction:
    """Length of the first period in repayment periods (1 for a regular first period)."""
    if first_repayment_date <= disbursement_date:
        raise ScheduleError("first_repayment_date must be after the disbursement_date")
    if repayment_unit is not FrequencyUnit.MONTHS:
        days = (first_repayment_date - disbursement_date).days
        return Fraction(days, _period_days(repayment_unit, repayment_every))
    day = first_repayment_date.day if anchor_day is None else anchor_day
    base = first_repayment_date.year * 12 + first_repayment_date.month - 1
    whole = 0
    current = first_repayment_date
    while True:
        previous = _month_date(base - repayment_every * (whole + 1), day)
        if previous < disbursement_date:
            break
        whole += 1
        current = previous
    period = (current - previous).days
    return Fraction(whole * period + (current - disbursement_date).days, period)


def periods_per_year(
    *, repayment_every: int, repayment_unit: FrequencyUnit, day_count: DayCount
) -> Fraction:
    """12/N for months, 52/N for weeks, 365/N (360/N under actual/360 and 30/360) for days."""
    if repayment_unit is FrequencyUnit.MONTHS:
        per_year = 12
    elif repayment_unit is FrequencyUnit.WEEKS:
        per_year = 52
    else:
        per_year = 365 if day_count is DayCount.ACTUAL_365 else 360
    if repayment_every == 1:  # the usual case; Fraction(n) skips the gcd of Fraction(n, 1)
        return Fraction(per_year)
    return Fraction(per_year, repayment_every)


def day_count_days(start: date, end: date, day_count: DayCount) -> int:
    """Days between two dates under the day count (30E/360 for ``30/360``)."""
    if day_count is DayCount.THIRTY_360:
        return (
            360 * (end.year - start.year)
            + 30 * (end.month - start.month)
            + min(end.day, 30)
            - min(start.day, 30)
        )
    return (end - start).days


def _year_basis(day_count: DayCount) -> int:
    return 365 if day_count is DayCount.ACTUAL_365 else 360


def year_fraction(start: date, end: date, day_count: DayCount) -> Fraction:
    """Exact year fraction between two dates under the day count."""
    return Fraction(day_count_days(start, end, day_count), _year_basis(day_count))


# --------------------------------------------------------------------------- engine

_Rate = tuple[int, int]  # exact rational (numerator, denominator), denominator > 0


def _period_rates(
    terms: LoanTerms, dates: list[date], ppy: Fraction, fraction: Fraction
) -> list[_Rate]:
    """Exact interest rate of every period (before any interest-free grace)."""
    n = terms.number_of_installments
    a_num, a_den = terms.annual_rate.as_integer_ratio()
    if terms.interest_calculation is InterestCalculation.PER_PERIOD:
        rate = (a_num * ppy.denominator, a_den * ppy.numerator)
        rates = [rate] * n
        if fraction != 1:
            rates[0] = (rate[0] * fraction.numerator, rate[1] * fraction.denominator)
    else:
        day_count = terms.day_count
        den = a_den * _year_basis(day_count)
        rates = []
        start = terms.disbursement_date
        for end in dates:
            rates.append((a_num * day_count_days(start, end, day_count), den))
            start = end
    free = terms.grace_interest_free
    if free:
        rates[:free] = [(0, 1)] * free
    return rates


def _level_payment(balance: int, rates: list[_Rate]) -> Decimal:
    """Exact (50-digit) level payment amortising *balance* over periods with *rates*."""
    count = len(rates)
    first = rates[0]
    if rates.count(first) == count:
        # The usual case, through the context's methods: no context copy as in localcontext.
        context = _DECIMAL_CONTEXT
        num, den = first
        if num == 0:
            return context.divide(balance, count)
        rate = context.divide(num, den)
        growth = context.power(context.add(1, rate), count)
        return context.divide(
            context.multiply(context.multiply(balance, rate), growth),
            context.subtract(growth, 1),
        )
    with localcontext(_DECIMAL_CONTEXT):
        factors: dict[_Rate, Decimal] = {}
        discount = Decimal(1)
        annuity = Decimal(0)
        for pair in rates:
            factor = factors.get(pair)
            if factor is None:
                num, den = pair
                factor = factors[pair] = Decimal(den) / (den + num)
            discount *= factor
            annuity += discount
        return balance / annuity


def _level_amount(balance: int, rates: list[_Rate], fee: int, multiple: int | None) -> int:
    """Principal+interest of a regular annuity installment, rounded as configured."""
    payment = _level_payment(balance, rates)
    if multiple is None:
        return round_half_even(payment)
    with localcontext(_DECIMAL_CONTEXT):
        return round_half_even((payment + fee) / multiple) * multiple - fee


def _flat_interest(balance: int, rates: list[_Rate]) -> list[int]:
    """Per-installment flat interest; total = half-even of the exact sum, drift in the last."""
    totals: dict[_Rate, int] = {}
    for pair in rates:
        totals[pair] = totals.get(pair, 0) + 1
    exact = sum(
        (Fraction(balance * num * count, den) for (num, den), count in totals.items()), Fraction(0)
    )
    total = div_round_half_even(exact.numerator, exact.denominator)
    parts = [div_round_half_even(balance * num, den) for num, den in rates[:-1]]
    last = total - sum(parts)
    if last >= 0:
        parts.append(last)
        return parts
    # Per-period rounding drifted above the total: fall back to cumulative rounding.
    parts = []
    cumulative = Fraction(0)
    paid = 0
    for num, den in rates:
        cumulative += Fraction(balance * num, den)
        rounded = div_round_half_even(cumulative.numerator, cumulative.denominator)
        parts.append(rounded - paid)
        paid = rounded
    return parts


def build_schedule(terms: LoanTerms) -> Schedule:
    """Build the full repayment schedule, totals and true cost for *terms*."""
    n = terms.number_of_installments
    dates, fraction = _dates_and_fraction(terms)
    ppy = periods_per_year(
        repayment_every=terms.repayment_every,
        repayment_unit=terms.repayment_unit,
        day_count=terms.day_count,
    )
    rates = _period_rates(terms, dates, ppy, fraction)
    method = terms.interest_method
    # The financed_principal and net_disbursed properties, with the fee computed once.
    upfront_fee = terms.upfront_fee
    balance = net = terms.principal
    if terms.upfront_fee_mode is UpfrontFeeMode.FINANCED:
        balance += upfront_fee
    else:
        net -= upfront_fee
    fee = terms.installment_fee
    multiple = terms.installment_multiple_of
    grace_principal = terms.grace_on_principal
    grace_interest = terms.grace_on_interest_payment
    amortising = n - grace_principal
    last = n - 1

    annuity = method is InterestMethod.DECLINING_BALANCE_ANNUITY
    flat = method is InterestMethod.FLAT
    level = 0
    if annuity and amortising > 1:
        level = _level_amount(balance, rates[grace_principal:], fee, multiple)
    step = 0 if annuity else div_round_half_even(balance, amortising)
    flat_parts = _flat_interest(balance, rates) if flat else []

    installments: list[Installment] = []
    append = installments.append
    totals: list[int] = []
    totals_append = totals.append
    deferred = 0
    total_principal = balance  # the last installment repays whatever remains
    for index in range(n):
        if flat:
            accrued = flat_parts[index]
        else:
            num, den = rates[index]
            if num:  # inlined div_round_half_even(balance * num, den): hot loop
                accrued, remainder = divmod(balance * num, den)
                remainder *= 2
                if remainder > den or (remainder == den and accrued & 1):
                    accrued += 1
            else:
                accrued = 0
        if index < grace_principal:
            principal = 0
        elif index == last:
            principal = balance
        else:
            if annuity:
                principal = level - accrued
            elif multiple is None:
                principal = step
            else:
                principal = step + accrued + fee
                principal = div_round_half_even(principal, multiple) * multiple - accrued - fee
            if principal < 0:
                principal = 0
                if annuity and index + 1 < last:
                    level = _level_amount(balance, rates[index + 1 :], fee, multiple)
            elif principal > balance:
                principal = balance
        if index < grace_interest:
            deferred += accrued
            interest = 0
        else:
            interest = accrued + deferred
            deferred = 0
        balance -= principal
        total = principal + interest + fee
        totals_append(total)
        item = _InstallmentDraft()  # see _draft_class
        item.number = index + 1
        item.due_date = dates[index]
        item.principal = principal
        item.interest = interest
        item.fees = fee
        item.total = total
        item.balance_after = balance
        item.__class__ = Installment
        append(item)

    total_fees = fee * n
    total_repayable = sum(totals)
    true_cost = compute_true_cost(
        amount_received=net,
        payments=totals,
        periods_per_year=Decimal(ppy.numerator) / Decimal(ppy.denominator),
        first_period_fraction=Decimal(fraction.numerator) / Decimal(fraction.denominator),
    )
    schedule = _ScheduleDraft()  # see _draft_class
    schedule.terms = terms
    schedule.installments = tuple(installments)
    schedule.total_principal = total_principal
    schedule.total_interest = total_repayable - total_principal - total_fees
    schedule.total_fees = total_fees
    schedule.total_repayable = total_repayable
    schedule.upfront_fee = upfront_fee
    schedule.net_disbursed = net
    schedule.first_period_fraction = fraction
    schedule.periods_per_year = ppy
    schedule.true_cost = true_cost
    schedule.__class__ = Schedule
    return cast(Schedule, schedule)
