from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.unassigned_reason import UnassignedReason

T = TypeVar("T", bound="Unassigned")


@_attrs_define
class Unassigned:
    entrepreneur_id: UUID
    reason: UnassignedReason
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entrepreneur_id = str(self.entrepreneur_id)

        reason = self.reason.value

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entrepreneur_id": entrepreneur_id,
                "reason": reason,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        reason = UnassignedReason(d.pop("reason"))

        detail = d.pop("detail")

        unassigned = cls(
            entrepreneur_id=entrepreneur_id,
            reason=reason,
            detail=detail,
        )

        unassigned.additional_properties = d
        return unassigned

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
