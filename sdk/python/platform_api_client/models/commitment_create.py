from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CommitmentCreate")


@_attrs_define
class CommitmentCreate:
    lender_id: UUID
    amount: int
    """ Minor units of `currency`. """

    def to_dict(self) -> dict[str, Any]:
        lender_id = str(self.lender_id)

        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lender_id": lender_id,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        lender_id = UUID(d.pop("lender_id"))

        amount = d.pop("amount")

        commitment_create = cls(
            lender_id=lender_id,
            amount=amount,
        )

        return commitment_create
