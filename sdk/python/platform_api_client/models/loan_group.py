from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_standing import GroupStanding
from ..models.repayment_split import RepaymentSplit

if TYPE_CHECKING:
    from ..models.group_member import GroupMember


T = TypeVar("T", bound="LoanGroup")


@_attrs_define
class LoanGroup:
    """A group with each member's loans; one member's arrears are the group's."""

    id: UUID
    name: str
    leader_entrepreneur_id: UUID
    repayment_split: RepaymentSplit
    """ How a whole-group repayment is shared among the members' active loans. """
    members: list[GroupMember]
    total_outstanding: int
    arrears_amount: int
    members_in_arrears: int
    days_past_due: int
    """ Of the member furthest behind. """
    status: GroupStanding
    as_of: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        leader_entrepreneur_id = str(self.leader_entrepreneur_id)

        repayment_split = self.repayment_split.value

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        total_outstanding = self.total_outstanding

        arrears_amount = self.arrears_amount

        members_in_arrears = self.members_in_arrears

        days_past_due = self.days_past_due

        status = self.status.value

        as_of = self.as_of.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "leader_entrepreneur_id": leader_entrepreneur_id,
                "repayment_split": repayment_split,
                "members": members,
                "total_outstanding": total_outstanding,
                "arrears_amount": arrears_amount,
                "members_in_arrears": members_in_arrears,
                "days_past_due": days_past_due,
                "status": status,
                "as_of": as_of,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.group_member import GroupMember

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        leader_entrepreneur_id = UUID(d.pop("leader_entrepreneur_id"))

        repayment_split = RepaymentSplit(d.pop("repayment_split"))

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = GroupMember.from_dict(members_item_data)

            members.append(members_item)

        total_outstanding = d.pop("total_outstanding")

        arrears_amount = d.pop("arrears_amount")

        members_in_arrears = d.pop("members_in_arrears")

        days_past_due = d.pop("days_past_due")

        status = GroupStanding(d.pop("status"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        loan_group = cls(
            id=id,
            name=name,
            leader_entrepreneur_id=leader_entrepreneur_id,
            repayment_split=repayment_split,
            members=members,
            total_outstanding=total_outstanding,
            arrears_amount=arrears_amount,
            members_in_arrears=members_in_arrears,
            days_past_due=days_past_due,
            status=status,
            as_of=as_of,
            created_at=created_at,
        )

        loan_group.additional_properties = d
        return loan_group

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
