from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FunderCreate")


@_attrs_define
class FunderCreate:
    name: str
    client_name: str | Unset = "reports"
    """ Name of the API client created with the funder. """

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        client_name = self.client_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if client_name is not UNSET:
            field_dict["client_name"] = client_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        client_name = d.pop("client_name", UNSET)

        funder_create = cls(
            name=name,
            client_name=client_name,
        )

        return funder_create
