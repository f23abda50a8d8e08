from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.principal_kind import PrincipalKind

T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    kind: PrincipalKind
    client_id: UUID
    tenant_id: None | UUID
    funder_id: None | UUID
    scopes: list[str]
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        client_id = str(self.client_id)

        tenant_id: None | str
        if isinstance(self.tenant_id, UUID):
            tenant_id = str(self.tenant_id)
        else:
            tenant_id = self.tenant_id

        funder_id: None | str
        if isinstance(self.funder_id, UUID):
            funder_id = str(self.funder_id)
        else:
            funder_id = self.funder_id

        scopes = self.scopes

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "client_id": client_id,
                "tenant_id": tenant_id,
                "funder_id": funder_id,
                "scopes": scopes,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = PrincipalKind(d.pop("kind"))

        client_id = UUID(d.pop("client_id"))

        def _parse_tenant_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tenant_id_type_0 = UUID(data)

                return tenant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id"))

        def _parse_funder_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                funder_id_type_0 = UUID(data)

                return funder_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        funder_id = _parse_funder_id(d.pop("funder_id"))

        scopes = cast(list[str], d.pop("scopes"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        me = cls(
            kind=kind,
            client_id=client_id,
            tenant_id=tenant_id,
            funder_id=funder_id,
            scopes=scopes,
            expires_at=expires_at,
        )

        me.additional_properties = d
        return me

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
