from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_by import GroupBy

if TYPE_CHECKING:
    from ..models.portfolio_row import PortfolioRow


T = TypeVar("T", bound="PortfolioReport")


@_attrs_define
class PortfolioReport:
    """Loans, repayment and risk from the loan ledger; lending-circle completion and
    on-time contributions from the circles' calendars.

    """

    start: datetime.date
    """ First day covered (the `from` parameter). """
    end: datetime.date
    """ Last day covered (the `to` parameter), inclusive. """
    group_by: list[GroupBy]
    tenant_ids: list[UUID]
    """ Tenants included: those asked for, or all this caller may read (a tenant: itself; a funder: tenants with a
    live grant; the operator: all). """
    k: int
    """ Smallest count shown. Default 10; a tenant may raise it, never below 5 (`report_suppression_k` in its
    settings). Groups spanning tenants use the largest. """
    generated_at: datetime.datetime
    data: list[PortfolioRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start.isoformat()

        end = self.end.isoformat()

        group_by = []
        for group_by_item_data in self.group_by:
            group_by_item = group_by_item_data.value
            group_by.append(group_by_item)

        tenant_ids = []
        for tenant_ids_item_data in self.tenant_ids:
            tenant_ids_item = str(tenant_ids_item_data)
            tenant_ids.append(tenant_ids_item)

        k = self.k

        generated_at = self.generated_at.isoformat()

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
                "k": k,
                "generated_at": generated_at,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.portfolio_row import PortfolioRow

        d = dict(src_dict)
        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        group_by = []
        _group_by = d.pop("group_by")
        for group_by_item_data in _group_by:
            group_by_item = GroupBy(group_by_item_data)

            group_by.append(group_by_item)

        tenant_ids = []
        _tenant_ids = d.pop("tenant_ids")
        for tenant_ids_item_data in _tenant_ids:
            tenant_ids_item = UUID(tenant_ids_item_data)

            tenant_ids.append(tenant_ids_item)

        k = d.pop("k")

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = PortfolioRow.from_dict(data_item_data)

            data.append(data_item)

        portfolio_report = cls(
            start=start,
            end=end,
            group_by=group_by,
            tenant_ids=tenant_ids,
            k=k,
            generated_at=generated_at,
            data=data,
        )

        portfolio_report.additional_properties = d
        return portfolio_report

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
