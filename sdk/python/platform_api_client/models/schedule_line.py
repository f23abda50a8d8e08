from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.installment_status import InstallmentStatus

T = TypeVar("T", bound="ScheduleLine")


@_attrs_define
class ScheduleLine:
    number: int
    due_date: datetime.date
    principal: int
    interest: int
    fees: int
    total: int
    principal_paid: int
    interest_paid: int
    fees_paid: int
    paid: int
    outstanding: int
    status: InstallmentStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        due_date = self.due_date.isoformat()

        principal = self.principal

        interest = self.interest

        fees = self.fees

        total = self.total

        principal_paid = self.principal_paid

        interest_paid = self.interest_paid

        fees_paid = self.fees_paid

        paid = self.paid

        outstanding = self.outstanding

        status = self.status.value

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
                "principal_paid": principal_paid,
                "interest_paid": interest_paid,
                "fees_paid": fees_paid,
                "paid": paid,
                "outstanding": outstanding,
                "status": status,
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

        principal_paid = d.pop("principal_paid")

        interest_paid = d.pop("interest_paid")

        fees_paid = d.pop("fees_paid")

        paid = d.pop("paid")

        outstanding = d.pop("outstanding")

        status = InstallmentStatus(d.pop("status"))

        schedule_line = cls(
            number=number,
            due_date=due_date,
            principal=principal,
            interest=interest,
            fees=fees,
            total=total,
            principal_paid=principal_paid,
            interest_paid=interest_paid,
            fees_paid=fees_paid,
            paid=paid,
            outstanding=outstanding,
            status=status,
        )

        schedule_line.additional_properties = d
        return schedule_line

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
