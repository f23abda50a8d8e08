from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trustee_kind import TrusteeKind

if TYPE_CHECKING:
    from ..models.track_record import TrackRecord


T = TypeVar("T", bound="Trustee")


@_attrs_define
class Trustee:
    id: UUID
    name: str
    kind: TrusteeKind
    external_ref: None | str
    track_record: TrackRecord
    """ How the loans this trustee endorsed are being repaid. """
    as_of: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        kind = self.kind.value

        external_ref: None | str
        external_ref = self.external_ref

        track_record = self.track_record.to_dict()

        as_of = self.as_of.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "external_ref": external_ref,
                "track_record": track_record,
                "as_of": as_of,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.track_record import TrackRecord

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        kind = TrusteeKind(d.pop("kind"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        track_record = TrackRecord.from_dict(d.pop("track_record"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        trustee = cls(
            id=id,
            name=name,
            kind=kind,
            external_ref=external_ref,
            track_record=track_record,
            as_of=as_of,
            created_at=created_at,
        )

        trustee.additional_properties = d
        return trustee

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
