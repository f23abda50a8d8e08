from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RepaymentPart")


@_attrs_define
class RepaymentPart:
    loan_id: UUID
    entrepreneur_id: UUID
    repayment_id: UUID
    amount: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        loan_id = str(self.loan_id)

        entrepreneur_id = str(self.entrepreneur_id)

        repayment_id = str(self.repayment_id)

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loan_id": loan_id,
                "entrepreneur_id": entrepreneur_id,
                "repayment_id": repayment_id,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        loan_id = UUID(d.pop("loan_id"))

        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        repayment_id = UUID(d.pop("repayment_id"))

        amount = d.pop("amount")

        repayment_part = cls(
            loan_id=loan_id,
            entrepreneur_id=entrepreneur_id,
            repayment_id=repayment_id,
            amount=amount,
        )

        repayment_part.additional_properties = d
        return repayment_part

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
