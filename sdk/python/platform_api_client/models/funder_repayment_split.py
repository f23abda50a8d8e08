from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FunderRepaymentSplit")


@_attrs_define
class FunderRepaymentSplit:
    repayment_id: UUID
    amount: int
    paid_on: datetime.date
    parts: list[int]
    """ Per funder, in the order of `funders`; sum to amount. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        repayment_id = str(self.repayment_id)

        amount = self.amount

        paid_on = self.paid_on.isoformat()

        parts = self.parts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "repayment_id": repayment_id,
                "amount": amount,
                "paid_on": paid_on,
                "parts": parts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        repayment_id = UUID(d.pop("repayment_id"))

        amount = d.pop("amount")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        parts = cast(list[int], d.pop("parts"))

        funder_repayment_split = cls(
            repayment_id=repayment_id,
            amount=amount,
            paid_on=paid_on,
            parts=parts,
        )

        funder_repayment_split.additional_properties = d
        return funder_repayment_split

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
