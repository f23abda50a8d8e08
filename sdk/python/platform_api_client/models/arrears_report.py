from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.currency_arrears import CurrencyArrears


T = TypeVar("T", bound="ArrearsReport")


@_attrs_define
class ArrearsReport:
    """Arrears of the tenant's active loans as of a date, per currency (never summed
    across currencies).

    """

    as_of: datetime.date
    currencies: list[CurrencyArrears]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        currencies = []
        for currencies_item_data in self.currencies:
            currencies_item = currencies_item_data.to_dict()
            currencies.append(currencies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "currencies": currencies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.currency_arrears import CurrencyArrears

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        currencies = []
        _currencies = d.pop("currencies")
        for currencies_item_data in _currencies:
            currencies_item = CurrencyArrears.from_dict(currencies_item_data)

            currencies.append(currencies_item)

        arrears_report = cls(
            as_of=as_of,
            currencies=currencies,
        )

        arrears_report.additional_properties = d
        return arrears_report

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
