from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.usage_row_status_class import UsageRowStatusClass

T = TypeVar("T", bound="UsageRow")


@_attrs_define
class UsageRow:
    period_start: datetime.date
    """ The day, or the first day of the month. """
    tenant_id: UUID
    """ The calling client's tenant; the nil UUID for operator, funder and unauthenticated requests (shown to the
    operator only). """
    client_id: UUID
    """ The API client; the nil UUID if none. """
    operation: str
    """ OpenAPI operation id, or `unmatched`. """
    status_class: UsageRowStatusClass
    requests: int
    """ Requests answered (counted by every worker). """
    latency_mean_ms: float
    latency_p50_ms: float
    """ Median latency, from a fixed-bucket histogram merged across workers: the upper bound of the bucket holding
    the percentile (within one bucket's width). """
    latency_p95_ms: float
    latency_p99_ms: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start.isoformat()

        tenant_id = str(self.tenant_id)

        client_id = str(self.client_id)

        operation = self.operation

        status_class = self.status_class.value

        requests = self.requests

        latency_mean_ms = self.latency_mean_ms

        latency_p50_ms = self.latency_p50_ms

        latency_p95_ms = self.latency_p95_ms

        latency_p99_ms = self.latency_p99_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period_start": period_start,
                "tenant_id": tenant_id,
                "client_id": client_id,
                "operation": operation,
                "status_class": status_class,
                "requests": requests,
                "latency_mean_ms": latency_mean_ms,
                "latency_p50_ms": latency_p50_ms,
                "latency_p95_ms": latency_p95_ms,
                "latency_p99_ms": latency_p99_ms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        tenant_id = UUID(d.pop("tenant_id"))

        client_id = UUID(d.pop("client_id"))

        operation = d.pop("operation")

        status_class = UsageRowStatusClass(d.pop("status_class"))

        requests = d.pop("requests")

        latency_mean_ms = d.pop("latency_mean_ms")

        latency_p50_ms = d.pop("latency_p50_ms")

        latency_p95_ms = d.pop("latency_p95_ms")

        latency_p99_ms = d.pop("latency_p99_ms")

        usage_row = cls(
            period_start=period_start,
            tenant_id=tenant_id,
            client_id=client_id,
            operation=operation,
            status_class=status_class,
            requests=requests,
            latency_mean_ms=latency_mean_ms,
            latency_p50_ms=latency_p50_ms,
            latency_p95_ms=latency_p95_ms,
            latency_p99_ms=latency_p99_ms,
        )

        usage_row.additional_properties = d
        return usage_row

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
