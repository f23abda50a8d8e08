from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.group_member_intake import GroupMemberIntake


T = TypeVar("T", bound="GroupApplicationCreate")


@_attrs_define
class GroupApplicationCreate:
    group_id: UUID
    product_id: UUID
    """ A loan product of kind `group`. """
    members: list[GroupMemberIntake]
    """ One loan request per member of the group. """

    def to_dict(self) -> dict[str, Any]:
        group_id = str(self.group_id)

        product_id = str(self.product_id)

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "group_id": group_id,
                "product_id": product_id,
                "members": members,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.group_member_intake import GroupMemberIntake

        d = dict(src_dict)
        group_id = UUID(d.pop("group_id"))

        product_id = UUID(d.pop("product_id"))

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = GroupMemberIntake.from_dict(members_item_data)

            members.append(members_item)

        group_application_create = cls(
            group_id=group_id,
            product_id=product_id,
            members=members,
        )

        return group_application_create
