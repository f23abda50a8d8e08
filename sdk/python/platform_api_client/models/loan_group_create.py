from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.repayment_split import RepaymentSplit
from ..types import UNSET, Unset

T = TypeVar("T", bound="LoanGroupCreate")


@_attrs_define
class LoanGroupCreate:
    name: str
    leader_entrepreneur_id: UUID
    """ Also a member of the group. """
    member_entrepreneur_ids: list[UUID]
    """ The other members (the leader is added anyway). """
    repayment_split: None | RepaymentSplit | Unset = UNSET
    """ `pro_rata_due`: in proportion to what each member owes up to the payment date (or, if nothing is due yet, to
    what each still owes); `equal`: equal shares. Defaults to the tenant's setting `group_repayment_split`, else
    `pro_rata_due`. """

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        leader_entrepreneur_id = str(self.leader_entrepreneur_id)

        member_entrepreneur_ids = []
        for member_entrepreneur_ids_item_data in self.member_entrepreneur_ids:
            member_entrepreneur_ids_item = str(member_entrepreneur_ids_item_data)
            member_entrepreneur_ids.append(member_entrepreneur_ids_item)

        repayment_split: None | str | Unset
        if isinstance(self.repayment_split, Unset):
            repayment_split = UNSET
        elif isinstance(self.repayment_split, RepaymentSplit):
            repayment_split = self.repayment_split.value
        else:
            repayment_split = self.repayment_split

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "leader_entrepreneur_id": leader_entrepreneur_id,
                "member_entrepreneur_ids": member_entrepreneur_ids,
            }
        )
        if repayment_split is not UNSET:
            field_dict["repayment_split"] = repayment_split

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        leader_entrepreneur_id = UUID(d.pop("leader_entrepreneur_id"))

        member_entrepreneur_ids = []
        _member_entrepreneur_ids = d.pop("member_entrepreneur_ids")
        for member_entrepreneur_ids_item_data in _member_entrepreneur_ids:
            member_entrepreneur_ids_item = UUID(member_entrepreneur_ids_item_data)

            member_entrepreneur_ids.append(member_entrepreneur_ids_item)

        def _parse_repayment_split(data: object) -> None | RepaymentSplit | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                repayment_split_type_0 = RepaymentSplit(data)

                return repayment_split_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RepaymentSplit | Unset, data)

        repayment_split = _parse_repayment_split(d.pop("repayment_split", UNSET))

        loan_group_create = cls(
            name=name,
            leader_entrepreneur_id=leader_entrepreneur_id,
            member_entrepreneur_ids=member_entrepreneur_ids,
            repayment_split=repayment_split,
        )

        return loan_group_create
