from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PortfolioTotals")


@_attrs_define
class PortfolioTotals:
    currency: str
    committed: int
    repaid: int
    outstanding: int
    lost: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        committed = self.committed

        repaid = self.repaid

        outstanding = self.outstanding

        lost = self.lost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "committed": committed,
                "repaid": repaid,
                "outstanding": outstanding,
                "lost": lost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        currency = d.pop("currency")

        committed = d.pop("committed")

        repaid = d.pop("repaid")

        outstanding = d.pop("outstanding")

        lost = d.pop("lost")

        portfolio_totals = cls(
            currency=currency,
            committed=committed,
            repaid=repaid,
            outstanding=outstanding,
            lost=lost,
        )

        portfolio_totals.additional_properties = d
        return portfolio_totals

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
