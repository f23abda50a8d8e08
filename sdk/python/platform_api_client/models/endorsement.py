from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Endorsement")


@_attrs_define
class Endorsement:
    id: UUID
    application_id: UUID
    trustee_id: UUID
    trustee_name: str
    relationship: str
    years_known: int
    statement: str
    created_at: datetime.datetime
    created_by: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        application_id = str(self.application_id)

        trustee_id = str(self.trustee_id)

        trustee_name = self.trustee_name

        relationship = self.relationship

        years_known = self.years_known

        statement = self.statement

        created_at = self.created_at.isoformat()

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "application_id": application_id,
                "trustee_id": trustee_id,
                "trustee_name": trustee_name,
                "relationship": relationship,
                "years_known": years_known,
                "statement": statement,
                "created_at": created_at,
                "created_by": created_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        application_id = UUID(d.pop("application_id"))

        trustee_id = UUID(d.pop("trustee_id"))

        trustee_name = d.pop("trustee_name")

        relationship = d.pop("relationship")

        years_known = d.pop("years_known")

        statement = d.pop("statement")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))

        endorsement = cls(
            id=id,
            application_id=application_id,
            trustee_id=trustee_id,
            trustee_name=trustee_name,
            relationship=relationship,
            years_known=years_known,
            statement=statement,
            created_at=created_at,
            created_by=created_by,
        )

        endorsement.additional_properties = d
        return endorsement

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
