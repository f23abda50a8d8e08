from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="Pair")


@_attrs_define
class Pair:
    entrepreneur_id: UUID
    mentor_id: UUID

    def to_dict(self) -> dict[str, Any]:
        entrepreneur_id = str(self.entrepreneur_id)

        mentor_id = str(self.mentor_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entrepreneur_id": entrepreneur_id,
                "mentor_id": mentor_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        mentor_id = UUID(d.pop("mentor_id"))

        pair = cls(
            entrepreneur_id=entrepreneur_id,
            mentor_id=mentor_id,
        )

        return pair
