from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_status import ApplicationStatus

if TYPE_CHECKING:
    from ..models.loan_application import LoanApplication


T = TypeVar("T", bound="GroupApplication")


@_attrs_define
class GroupApplication:
    id: UUID
    group_id: UUID
    product_id: UUID
    status: ApplicationStatus
    total_requested: int
    total_approved: int | None
    applications: list[LoanApplication]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        group_id = str(self.group_id)

        product_id = str(self.product_id)

        status = self.status.value

        total_requested = self.total_requested

        total_approved: int | None
        total_approved = self.total_approved

        applications = []
        for applications_item_data in self.applications:
            applications_item = applications_item_data.to_dict()
            applications.append(applications_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "group_id": group_id,
                "product_id": product_id,
                "status": status,
                "total_requested": total_requested,
                "total_approved": total_approved,
                "applications": applications,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.loan_application import LoanApplication

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        group_id = UUID(d.pop("group_id"))

        product_id = UUID(d.pop("product_id"))

        status = ApplicationStatus(d.pop("status"))

        total_requested = d.pop("total_requested")

        def _parse_total_approved(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total_approved = _parse_total_approved(d.pop("total_approved"))

        applications = []
        _applications = d.pop("applications")
        for applications_item_data in _applications:
            applications_item = LoanApplication.from_dict(applications_item_data)

            applications.append(applications_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        group_application = cls(
            id=id,
            group_id=group_id,
            product_id=product_id,
            status=status,
            total_requested=total_requested,
            total_approved=total_approved,
            applications=applications,
            created_at=created_at,
            updated_at=updated_at,
        )

        group_application.additional_properties = d
        return group_application

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
