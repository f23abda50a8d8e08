"""ISO 4217 table and exact rounding helpers."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from platform_api.core.money import (
    CURRENCY_EXPONENTS,
    UnknownCurrencyError,
    div_round_half_even,
    from_minor_units,
    is_known_currency,
    minor_unit_exponent,
    minor_units_per_major,
    round_half_even,
    round_to_multiple,
    to_minor_units,
)

REQUIRED = {
    "KES": 2, "UGX": 0, "TZS": 2, "RWF": 0, "NGN": 2, "GHS": 2, "ZAR": 2, "ETB": 2,
    "XOF": 0, "XAF": 0, "IDR": 2, "VND": 0, "PHP": 2, "INR": 2, "USD": 2, "EUR": 2,
    "GBP": 2, "MXN": 2, "JPY": 0, "KRW": 0, "CLP": 0, "BHD": 3, "KWD": 3, "JOD": 3,
    "OMR": 3, "TND": 3, "ISK": 0, "IQD": 3, "LYD": 3, "CLF": 4, "UYW": 4, "PYG": 0,
    "BIF": 0, "DJF": 0, "GNF": 0, "KMF": 0, "VUV": 0, "XPF": 0, "UYI": 0, "MGA": 2,
    "MRU": 2, "SLE": 2, "VES": 2, "VED": 2, "ZWG": 2, "XCG": 2, "STN": 2, "SSP": 2,
    "CDF": 2, "MWK": 2, "ZMW": 2, "MZN": 2, "AOA": 2, "EGP": 2, "MAD": 2, "DZD": 2,
    "BRL": 2, "CNY": 2, "HUF": 2, "TWD": 2, "SEK": 2, "CHF": 2, "AUD": 2, "CAD": 2,
}  # fmt: skip


@pytest.mark.parametrize(("code", "exponent"), sorted(REQUIRED.items()))
def test_required_exponents(code: str, exponent: int) -> None:
    assert minor_unit_exponent(code) == exponent
    assert CURRENCY_EXPONENTS[code] == exponent
    assert is_known_currency(code)


def test_table_shape() -> None:
    # ISO 4217 list one has ~155 active codes with minor units (~180 minus metals/funds/etc.).
    assert 150 <= len(CURRENCY_EXPONENTS) <= 170
    for code, exponent in CURRENCY_EXPONENTS.items():
        assert len(code) == 3 and code.isascii() and code.isupper()
        assert exponent in (0, 2, 3, 4)
    # No metals, SDR, test/no-currency codes, nor withdrawn currencies.
    for code in ("XAU", "XAG", "XPT", "XPD", "XDR", "XTS", "XXX", "HRK", "SLL", "ZWL", "CUC"):
        assert not is_known_currency(code)


@pytest.mark.parametrize("code", ["", "kes", "Kes", "KESX", "XXX", None, 404])
def test_unknown_currency(code: object) -> None:
    assert not is_known_currency(code)
    with pytest.raises(UnknownCurrencyError) as excinfo:
        minor_unit_exponent(code)  # type: ignore[arg-type]
    assert isinstance(excinfo.value, ValueError)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.5", 0),
        ("1.5", 2),
        ("2.5", 2),
        ("-2.5", -2),
        ("-3.5", -4),
        ("2.5000001", 3),
        ("1234567890123456789.5", 1234567890123456790),
        ("7", 7),
    ],
)
def test_round_half_even(value: str, expected: int) -> None:
    assert round_half_even(Decimal(value)) == expected


def test_round_half_even_rejects_float_and_non_finite() -> None:
    with pytest.raises(TypeError):
        round_half_even(2.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        round_half_even(Decimal("Infinity"))


@given(st.integers(-(10**30), 10**30), st.integers(1, 10**12) | st.integers(-(10**12), -1))
def test_div_round_half_even_matches_fraction_rounding(numerator: int, denominator: int) -> None:
    # Python's round() on Fraction is exact and rounds ties to even.
    assert div_round_half_even(numerator, denominator) == round(Fraction(numerator, denominator))


def test_round_to_multiple() -> None:
    assert round_to_multiple(472_798, 5_000) == 475_000
    assert round_to_multiple(12_500, 5_000) == 10_000  # tie -> even multiple
    assert round_to_multiple(17_500, 5_000) == 20_000
    assert round_to_multiple(123, 1) == 123
    with pytest.raises(ValueError):
        round_to_multiple(1, 0)


def test_major_minor_conversions_are_exponent_aware() -> None:
    assert minor_units_per_major("KES") == 100
    assert minor_units_per_major("VND") == 1
    assert minor_units_per_major("BHD") == 1000
    assert to_minor_units(Decimal("1.005"), "KES") == 100  # half-even
    assert to_minor_units(Decimal("1.015"), "KES") == 102
    assert to_minor_units("1500.5", "VND") == 1500
    assert to_minor_units(3, "BHD") == 3000
    assert from_minor_units(12_345, "KES") == Decimal("123.45")
    assert from_minor_units(12_345, "VND") == Decimal("12345")
    assert from_minor_units(12_345, "BHD") == Decimal("12.345")
    with pytest.raises(TypeError):
        to_minor_units(1.5, "KES")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        from_minor_units(Decimal(1), "KES")  # type: ignore[arg-type]
    with pytest.raises(UnknownCurrencyError):
        to_minor_units(Decimal(1), "ABC")


@given(st.integers(-(10**15), 10**15), st.sampled_from(sorted(CURRENCY_EXPONENTS)))
def test_minor_major_round_trip(amount: int, currency: str) -> None:
    assert to_minor_units(from_minor_units(amount, currency), currency) == amount
