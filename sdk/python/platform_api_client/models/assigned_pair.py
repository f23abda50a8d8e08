from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssignedPair")


@_attrs_define
class AssignedPair:
    entrepreneur_id: UUID
    mentor_id: UUID
    score: float
    required: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entrepreneur_id = str(self.entrepreneur_id)

        mentor_id = str(self.mentor_id)

        score = self.score

        required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entrepreneur_id": entrepreneur_id,
                "mentor_id": mentor_id,
                "score": score,
                "required": required,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        mentor_id = UUID(d.pop("mentor_id"))

        score = d.pop("score")

        required = d.pop("required")

        assigned_pair = cls(
            entrepreneur_id=entrepreneur_id,
            mentor_id=mentor_id,
            score=score,
            required=required,
        )

        assigned_pair.additional_properties = d
        return assigned_pair

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
