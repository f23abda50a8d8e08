from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LenderFunds")


@_attrs_define
class LenderFunds:
    """What a lender lends in one currency."""

    currency: str
    """ ISO 4217 currency code, e.g. `KES`. """
    available: int
    """ Funds available to lend now. """
    min_amount: int
    """ Smallest loan (share) it funds. """
    max_amount: int
    """ Largest loan (share) it funds. """

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        available = self.available

        min_amount = self.min_amount

        max_amount = self.max_amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "available": available,
                "min_amount": min_amount,
                "max_amount": max_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        currency = d.pop("currency")

        available = d.pop("available")

        min_amount = d.pop("min_amount")

        max_amount = d.pop("max_amount")

        lender_funds = cls(
            currency=currency,
            available=available,
            min_amount=min_amount,
            max_amount=max_amount,
        )

        return lender_funds
