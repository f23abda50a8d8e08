from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QuoteInstallment")


@_attrs_define
class QuoteInstallment:
    number: int
    due_date: datetime.date
    principal: int
    interest: int
    fees: int
    total: int
    balance_after: int
    """ Principal still owed after this installment. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        due_date = self.due_date.isoformat()

        principal = self.principal

        interest = self.interest

        fees = self.fees

        total = self.total

        balance_after = self.balance_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "due_date": due_date,
                "principal": principal,
                "interest": interest,
                "fees": fees,
                "total": total,
                "balance_after": balance_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        number = d.pop("number")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        principal = d.pop("principal")

        interest = d.pop("interest")

        fees = d.pop("fees")

        total = d.pop("total")

        balance_after = d.pop("balance_after")

        quote_installment = cls(
            number=number,
            due_date=due_date,
            principal=principal,
            interest=interest,
            fees=fees,
            total=total,
            balance_after=balance_after,
        )

        quote_installment.additional_properties = d
        return quote_installment

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
