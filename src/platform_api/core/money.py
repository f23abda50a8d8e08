"""Currencies and minor units (ISO 4217).

Money is *always* carried as an ``int`` number of minor units of its currency
(cents for KES, whole dong for VND, fils for BHD).  Floats are never used for
amounts.  This module only knows how many decimal places ("exponent") each
currency's minor unit has and provides exact rounding helpers.

The table lists every currency and fund code of ISO 4217 Table A.1 that has a
minor unit, as maintained by SIX (amendments up to and including the 2024
introduction of ZWG and the 2025 introduction of XCG).  Withdrawn codes (HRK,
SLL, ZWL, CUC, ANG, ...) and codes without a minor unit (precious metals XAU,
XAG, XPD, XPT; XDR, XSU, XUA; bond units XBA-XBD; test/no-currency XTS, XXX)
are deliberately absent: loans cannot be written in them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Final

__all__ = [
    "CURRENCY_EXPONENTS",
    "UnknownCurrencyError",
    "div_round_half_even",
    "from_minor_units",
    "is_known_currency",
    "minor_unit_exponent",
    "minor_units_per_major",
    "round_half_even",
    "round_to_multiple",
    "to_minor_units",
]

_EXPONENTS: dict[str, int] = {
    "AED": 2, "AFN": 2, "ALL": 2, "AMD": 2, "AOA": 2, "ARS": 2, "AUD": 2, "AWG": 2,
    "AZN": 2, "BAM": 2, "BBD": 2, "BDT": 2, "BGN": 2, "BHD": 3, "BIF": 0, "BMD": 2,
    "BND": 2, "BOB": 2, "BOV": 2, "BRL": 2, "BSD": 2, "BTN": 2, "BWP": 2, "BYN": 2,
    "BZD": 2, "CAD": 2, "CDF": 2, "CHE": 2, "CHF": 2, "CHW": 2, "CLF": 4, "CLP": 0,
    "CNY": 2, "COP": 2, "COU": 2, "CRC": 2, "CUP": 2, "CVE": 2, "CZK": 2, "DJF": 0,
    "DKK": 2, "DOP": 2, "DZD": 2, "EGP": 2, "ERN": 2, "ETB": 2, "EUR": 2, "FJD": 2,
    "FKP": 2, "GBP": 2, "GEL": 2, "GHS": 2, "GIP": 2, "GMD": 2, "GNF": 0, "GTQ": 2,
    "GYD": 2, "HKD": 2, "HNL": 2, "HTG": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2,
    "IQD": 3, "IRR": 2, "ISK": 0, "JMD": 2, "JOD": 3, "JPY": 0, "KES": 2, "KGS": 2,
    "KHR": 2, "KMF": 0, "KPW": 2, "KRW": 0, "KWD": 3, "KYD": 2, "KZT": 2, "LAK": 2,
    "LBP": 2, "LKR": 2, "LRD": 2, "LSL": 2, "LYD": 3, "MAD": 2, "MDL": 2, "MGA": 2,
    "MKD": 2, "MMK": 2, "MNT": 2, "MOP": 2, "MRU": 2, "MUR": 2, "MVR": 2, "MWK": 2,
    "MXN": 2, "MXV": 2, "MYR": 2, "MZN": 2, "NAD": 2, "NGN": 2, "NIO": 2, "NOK": 2,
    "NPR": 2, "NZD": 2, "OMR": 3, "PAB": 2, "PEN": 2, "PGK": 2, "PHP": 2, "PKR": 2,
    "PLN": 2, "PYG": 0, "QAR": 2, "RON": 2, "RSD": 2, "RUB": 2, "RWF": 0, "SAR": 2,
    "SBD": 2, "SCR": 2, "SDG": 2, "SEK": 2, "SGD": 2, "SHP": 2, "SLE": 2, "SOS": 2,
    "SRD": 2, "SSP": 2, "STN": 2, "SVC": 2, "SYP": 2, "SZL": 2, "THB": 2, "TJS": 2,
    "TMT": 2, "TND": 3, "TOP": 2, "TRY": 2, "TTD": 2, "TWD": 2, "TZS": 2, "UAH": 2,
    "UGX": 0, "USD": 2, "USN": 2, "UYI": 0, "UYU": 2, "UYW": 4, "UZS": 2, "VED": 2,
    "VES": 2, "VND": 0, "VUV": 0, "WST": 2, "XAF": 0, "XCD": 2, "XCG": 2, "XOF": 0,
    "XPF": 0, "YER": 2, "ZAR": 2, "ZMW": 2, "ZWG": 2,
}  # fmt: skip

#: ISO 4217 alphabetic code -> number of decimal places of the minor unit.  Treat as
#: read-only (it is the table every helper below consults).
CURRENCY_EXPONENTS: Final[dict[str, int]] = _EXPONENTS


class UnknownCurrencyError(ValueError):
    """Raised for a code that is not an active ISO 4217 currency with a minor unit."""

    def __init__(self, currency: object) -> None:
        super().__init__(f"unknown or unsupported ISO 4217 currency code: {currency!r}")
        self.currency = currency


def is_known_currency(code: object) -> bool:
    """True iff *code* is an upper-case active ISO 4217 code listed in the table."""
    return isinstance(code, str) and code in _EXPONENTS


def minor_unit_exponent(currency: str) -> int:
    """Number of decimal places of *currency*'s minor unit (KES 2, UGX 0, BHD 3).

    Codes are case-sensitive (ISO codes are upper case); anything else raises
    :class:`UnknownCurrencyError`.
    """
    try:
        return _EXPONENTS[currency]
    except (KeyError, TypeError):
        raise UnknownCurrencyError(currency) from None


def minor_units_per_major(currency: str) -> int:
    """``10 ** exponent``: 100 for KES, 1 for VND, 1000 for BHD.

    Use it to express a rounding step given in major units in minor units, e.g.
    "installments in multiples of KES 50" -> ``50 * minor_units_per_major("KES") == 5000``.
    """
    units: int = 10 ** minor_unit_exponent(currency)
    return units


def round_half_even(value: Decimal) -> int:
    """Round an amount already expressed in minor units to an ``int``, ties to even.

    ``round_half_even(Decimal("2.5")) == 2``, ``round_half_even(Decimal("3.5")) == 4``.
    """
    if not isinstance(value, Decimal):
        raise TypeError(f"expected Decimal, got {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"cannot round non-finite amount {value}")
    return int(value.to_integral_value(rounding=ROUND_HALF_EVEN))


def div_round_half_even(numerator: int, denominator: int) -> int:
    """Exact ``round_half_even(numerator / denominator)`` using integer arithmetic only."""
    if denominator == 0:
        raise ZeroDivisionError("division by zero")
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    quotient, remainder = divmod(numerator, denominator)
    twice = remainder * 2
    if twice > denominator or (twice == denominator and quotient & 1):
        quotient += 1
    return quotient


def round_to_multiple(amount: int, multiple: int) -> int:
    """Round an integer minor-unit *amount* to the nearest multiple of *multiple*, ties to even.

    With ``multiple == 1`` this is the identity: for every currency, whatever its
    exponent, the rounding unit of an amount held in minor units is one minor unit.
    """
    if multiple < 1:
        raise ValueError("multiple must be a positive number of minor units")
    return div_round_half_even(amount, multiple) * multiple


def to_minor_units(amount: Decimal | int | str, currency: str) -> int:
    """Convert a major-unit amount (``Decimal("12.345")`` KES) to minor units, half-even.

    ``to_minor_units(Decimal("1.005"), "KES") == 100``; ``to_minor_units("1500.4", "VND") == 1500``.
    Floats are refused.
    """
    if isinstance(amount, float | bool):
        raise TypeError("money amounts must not be floats")
    exponent = minor_unit_exponent(currency)
    value = Decimal(amount)
    return round_half_even(value.scaleb(exponent))


def from_minor_units(amount: int, currency: str) -> Decimal:
    """Exact major-unit Decimal for *amount* minor units: ``from_minor_units(12345, "KES")``
    is ``Decimal("123.45")``; for VND (exponent 0) ``Decimal("12345")``."""
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError("minor-unit amounts must be int")
    exponent = minor_unit_exponent(currency)
    return Decimal(amount).scaleb(-exponent)
