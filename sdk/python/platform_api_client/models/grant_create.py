from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="GrantCreate")


@_attrs_define
class GrantCreate:
    funder_id: UUID
    """ The funder given read access to this tenant's reports. """

    def to_dict(self) -> dict[str, Any]:
        funder_id = str(self.funder_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "funder_id": funder_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        funder_id = UUID(d.pop("funder_id"))

        grant_create = cls(
            funder_id=funder_id,
        )

        return grant_create
