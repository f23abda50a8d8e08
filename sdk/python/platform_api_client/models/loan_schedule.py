from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.schedule_line import ScheduleLine


T = TypeVar("T", bound="LoanSchedule")


@_attrs_define
class LoanSchedule:
    """The schedule frozen at disbursement, with what was paid against each installment."""

    loan_id: UUID
    currency: str
    as_of: datetime.date
    installments: list[ScheduleLine]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        loan_id = str(self.loan_id)

        currency = self.currency

        as_of = self.as_of.isoformat()

        installments = []
        for installments_item_data in self.installments:
            installments_item = installments_item_data.to_dict()
            installments.append(installments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loan_id": loan_id,
                "currency": currency,
                "as_of": as_of,
                "installments": installments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.schedule_line import ScheduleLine

        d = dict(src_dict)
        loan_id = UUID(d.pop("loan_id"))

        currency = d.pop("currency")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        installments = []
        _installments = d.pop("installments")
        for installments_item_data in _installments:
            installments_item = ScheduleLine.from_dict(installments_item_data)

            installments.append(installments_item)

        loan_schedule = cls(
            loan_id=loan_id,
            currency=currency,
            as_of=as_of,
            installments=installments,
        )

        loan_schedule.additional_properties = d
        return loan_schedule

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
