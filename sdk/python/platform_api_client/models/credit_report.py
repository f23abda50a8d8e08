from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.report_account import ReportAccount


T = TypeVar("T", bound="CreditReport")


@_attrs_define
class CreditReport:
    circle_id: UUID
    currency: str
    period_start: datetime.date
    period_end: datetime.date
    accounts: list[ReportAccount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        circle_id = str(self.circle_id)

        currency = self.currency

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "circle_id": circle_id,
                "currency": currency,
                "period_start": period_start,
                "period_end": period_end,
                "accounts": accounts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.report_account import ReportAccount

        d = dict(src_dict)
        circle_id = UUID(d.pop("circle_id"))

        currency = d.pop("currency")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in _accounts:
            accounts_item = ReportAccount.from_dict(accounts_item_data)

            accounts.append(accounts_item)

        credit_report = cls(
            circle_id=circle_id,
            currency=currency,
            period_start=period_start,
            period_end=period_end,
            accounts=accounts,
        )

        credit_report.additional_properties = d
        return credit_report

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
