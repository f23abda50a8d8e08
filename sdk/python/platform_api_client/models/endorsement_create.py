from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="EndorsementCreate")


@_attrs_define
class EndorsementCreate:
    trustee_id: UUID
    relationship: str
    """ e.g. `employer`, `church elder`, `supplier`. """
    years_known: int
    statement: str

    def to_dict(self) -> dict[str, Any]:
        trustee_id = str(self.trustee_id)

        relationship = self.relationship

        years_known = self.years_known

        statement = self.statement

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "trustee_id": trustee_id,
                "relationship": relationship,
                "years_known": years_known,
                "statement": statement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        trustee_id = UUID(d.pop("trustee_id"))

        relationship = d.pop("relationship")

        years_known = d.pop("years_known")

        statement = d.pop("statement")

        endorsement_create = cls(
            trustee_id=trustee_id,
            relationship=relationship,
            years_known=years_known,
            statement=statement,
        )

        return endorsement_create
