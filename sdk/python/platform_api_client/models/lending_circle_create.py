from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.circle_frequency import CircleFrequency
from ..models.payout_order import PayoutOrder
from ..types import UNSET, Unset

T = TypeVar("T", bound="LendingCircleCreate")


@_attrs_define
class LendingCircleCreate:
    name: str
    currency: str
    """ ISO 4217 currency code, e.g. `KES`. """
    contribution_amount: int
    """ What each member pays each round. """
    size: int
    """ Number of members, and so of rounds (typically 6-12). """
    frequency_every: int | Unset = 1
    frequency_unit: CircleFrequency | Unset = UNSET
    payout_order: PayoutOrder | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        currency = self.currency

        contribution_amount = self.contribution_amount

        size = self.size

        frequency_every = self.frequency_every

        frequency_unit: str | Unset = UNSET
        if not isinstance(self.frequency_unit, Unset):
            frequency_unit = self.frequency_unit.value

        payout_order: str | Unset = UNSET
        if not isinstance(self.payout_order, Unset):
            payout_order = self.payout_order.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "currency": currency,
                "contribution_amount": contribution_amount,
                "size": size,
            }
        )
        if frequency_every is not UNSET:
            field_dict["frequency_every"] = frequency_every
        if frequency_unit is not UNSET:
            field_dict["frequency_unit"] = frequency_unit
        if payout_order is not UNSET:
            field_dict["payout_order"] = payout_order

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        currency = d.pop("currency")

        contribution_amount = d.pop("contribution_amount")

        size = d.pop("size")

        frequency_every = d.pop("frequency_every", UNSET)

        _frequency_unit = d.pop("frequency_unit", UNSET)
        frequency_unit: CircleFrequency | Unset
        if isinstance(_frequency_unit, Unset):
            frequency_unit = UNSET
        else:
            frequency_unit = CircleFrequency(_frequency_unit)

        _payout_order = d.pop("payout_order", UNSET)
        payout_order: PayoutOrder | Unset
        if isinstance(_payout_order, Unset):
            payout_order = UNSET
        else:
            payout_order = PayoutOrder(_payout_order)

        lending_circle_create = cls(
            name=name,
            currency=currency,
            contribution_amount=contribution_amount,
            size=size,
            frequency_every=frequency_every,
            frequency_unit=frequency_unit,
            payout_order=payout_order,
        )

        return lending_circle_create
