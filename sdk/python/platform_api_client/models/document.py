from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """One item of the documents checklist (e.g. national ID, M-Pesa statement)."""

    name: str
    received: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        received = self.received

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if received is not UNSET:
            field_dict["received"] = received

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        received = d.pop("received", UNSET)

        document = cls(
            name=name,
            received=received,
        )

        return document
