from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CircleMoney")


@_attrs_define
class CircleMoney:
    """Where the circle's money is. Always: contributions_received + guarantee_drawn =
    payouts_released + guarantee_recovered + held.

    """

    contributions_received: int
    payouts_released: int
    guarantee_drawn: int
    """ Gaps the tenant covered at payouts. """
    guarantee_recovered: int
    """ Contributions made up after their payout. """
    guarantee_outstanding: int
    held: int
    """ Contributions for rounds not yet paid out. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contributions_received = self.contributions_received

        payouts_released = self.payouts_released

        guarantee_drawn = self.guarantee_drawn

        guarantee_recovered = self.guarantee_recovered

        guarantee_outstanding = self.guarantee_outstanding

        held = self.held

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contributions_received": contributions_received,
                "payouts_released": payouts_released,
                "guarantee_drawn": guarantee_drawn,
                "guarantee_recovered": guarantee_recovered,
                "guarantee_outstanding": guarantee_outstanding,
                "held": held,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        contributions_received = d.pop("contributions_received")

        payouts_released = d.pop("payouts_released")

        guarantee_drawn = d.pop("guarantee_drawn")

        guarantee_recovered = d.pop("guarantee_recovered")

        guarantee_outstanding = d.pop("guarantee_outstanding")

        held = d.pop("held")

        circle_money = cls(
            contributions_received=contributions_received,
            payouts_released=payouts_released,
            guarantee_drawn=guarantee_drawn,
            guarantee_recovered=guarantee_recovered,
            guarantee_outstanding=guarantee_outstanding,
            held=held,
        )

        circle_money.additional_properties = d
        return circle_money

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
