from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.usage_period import UsagePeriod

if TYPE_CHECKING:
    from ..models.usage_row import UsageRow


T = TypeVar("T", bound="UsageReport")


@_attrs_define
class UsageReport:
    """API usage per period, tenant, client, operation and status class. Requests carry no
    personal data, so no suppression applies. Counts reach the database within
    `METERING_FLUSH_SECONDS` of the request.

    """

    start: datetime.date
    end: datetime.date
    group_by: UsagePeriod
    tenant_ids: list[UUID] | None
    """ Tenants included; null for the operator's unfiltered view (all usage). """
    data: list[UsageRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end = self.end.isoformat()

        group_by = self.group_by.value

        tenant_ids: list[str] | None
        if isinstance(self.tenant_ids, list):
            tenant_ids = []
            for tenant_ids_type_0_item_data in self.tenant_ids:
                tenant_ids_type_0_item = str(tenant_ids_type_0_item_data)
                tenant_ids.append(tenant_ids_type_0_item)

        else:
            tenant_ids = self.tenant_ids

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "end": end,
                "group_by": group_by,
                "tenant_ids": tenant_ids,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.usage_row import UsageRow

        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        group_by = UsagePeriod(d.pop("group_by"))

        def _parse_tenant_ids(data: object) -> list[UUID] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tenant_ids_type_0 = []
                _tenant_ids_type_0 = data
                for tenant_ids_type_0_item_data in _tenant_ids_type_0:
                    tenant_ids_type_0_item = UUID(tenant_ids_type_0_item_data)

                    tenant_ids_type_0.append(tenant_ids_type_0_item)

                return tenant_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None, data)

        tenant_ids = _parse_tenant_ids(d.pop("tenant_ids"))

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = UsageRow.from_dict(data_item_data)

            data.append(data_item)

        usage_report = cls(
            start=start,
            end=end,
            group_by=group_by,
            tenant_ids=tenant_ids,
            data=data,
        )

        usage_report.additional_properties = d
        return usage_report

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
