from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.aging_bucket import AgingBucket


T = TypeVar("T", bound="CurrencyArrears")


@_attrs_define
class CurrencyArrears:
    currency: str
    active_loans: int
    principal_outstanding: int
    loans_in_arrears: int
    principal_in_arrears: int
    par30: str
    """ Portfolio at risk over 30 days: outstanding principal of loans more than 30 days past due / all outstanding
    principal, to 4 decimals (half-even). """
    buckets: list[AgingBucket]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        active_loans = self.active_loans

        principal_outstanding = self.principal_outstanding

        loans_in_arrears = self.loans_in_arrears

        principal_in_arrears = self.principal_in_arrears

        par30 = self.par30

        buckets = []
        for buckets_item_data in self.buckets:
            buckets_item = buckets_item_data.to_dict()
            buckets.append(buckets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "active_loans": active_loans,
                "principal_outstanding": principal_outstanding,
                "loans_in_arrears": loans_in_arrears,
                "principal_in_arrears": principal_in_arrears,
                "par30": par30,
                "buckets": buckets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aging_bucket import AgingBucket

        d = dict(src_dict)
        currency = d.pop("currency")

        active_loans = d.pop("active_loans")

        principal_outstanding = d.pop("principal_outstanding")

        loans_in_arrears = d.pop("loans_in_arrears")

        principal_in_arrears = d.pop("principal_in_arrears")

        par30 = d.pop("par30")

        buckets = []
        _buckets = d.pop("buckets")
        for buckets_item_data in _buckets:
            buckets_item = AgingBucket.from_dict(buckets_item_data)

            buckets.append(buckets_item)

        currency_arrears = cls(
            currency=currency,
            active_loans=active_loans,
            principal_outstanding=principal_outstanding,
            loans_in_arrears=loans_in_arrears,
            principal_in_arrears=principal_in_arrears,
            par30=par30,
            buckets=buckets,
        )

        currency_arrears.additional_properties = d
        return currency_arrears

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
