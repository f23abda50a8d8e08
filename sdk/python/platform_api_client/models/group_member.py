from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_standing import GroupStanding

if TYPE_CHECKING:
    from ..models.member_loan import MemberLoan


T = TypeVar("T", bound="GroupMember")


@_attrs_define
class GroupMember:
    entrepreneur_id: UUID
    is_leader: bool
    loans: list[MemberLoan]
    """ This group's loans of the member, not closed. """
    arrears_amount: int
    status: GroupStanding
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entrepreneur_id = str(self.entrepreneur_id)

        is_leader = self.is_leader

        loans = []
        for loans_item_data in self.loans:
            loans_item = loans_item_data.to_dict()
            loans.append(loans_item)

        arrears_amount = self.arrears_amount

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entrepreneur_id": entrepreneur_id,
                "is_leader": is_leader,
                "loans": loans,
                "arrears_amount": arrears_amount,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.member_loan import MemberLoan

        d = dict(src_dict)
        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        is_leader = d.pop("is_leader")

        loans = []
        _loans = d.pop("loans")
        for loans_item_data in _loans:
            loans_item = MemberLoan.from_dict(loans_item_data)

            loans.append(loans_item)

        arrears_amount = d.pop("arrears_amount")

        status = GroupStanding(d.pop("status"))

        group_member = cls(
            entrepreneur_id=entrepreneur_id,
            is_leader=is_leader,
            loans=loans,
            arrears_amount=arrears_amount,
            status=status,
        )

        group_member.additional_properties = d
        return group_member

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
