from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.trustee_kind import TrusteeKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TrusteeCreate")


@_attrs_define
class TrusteeCreate:
    name: str
    kind: TrusteeKind
    external_ref: None | str | Unset = UNSET
    """ Your own id for this trustee; unique within your tenant. """

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
            }
        )
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        kind = TrusteeKind(d.pop("kind"))

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        trustee_create = cls(
            name=name,
            kind=kind,
            external_ref=external_ref,
        )

        return trustee_create
