from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.circle_frequency import CircleFrequency

if TYPE_CHECKING:
    from ..models.report_month import ReportMonth


T = TypeVar("T", bound="ReportAccount")


@_attrs_define
class ReportAccount:
    """One member's account, as a credit bureau furnisher file reports it."""

    member_id: UUID
    entrepreneur_id: UUID
    opened_on: datetime.date
    """ Due date of the first contribution. """
    original_amount: int
    """ All contributions the member owes. """
    scheduled_payment: int
    frequency_every: int
    frequency_unit: CircleFrequency
    received_pot_on: datetime.date | None
    months: list[ReportMonth]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        entrepreneur_id = str(self.entrepreneur_id)

        opened_on = self.opened_on.isoformat()

        original_amount = self.original_amount

        scheduled_payment = self.scheduled_payment

        frequency_every = self.frequency_every

        frequency_unit = self.frequency_unit.value

        received_pot_on: None | str
        if isinstance(self.received_pot_on, datetime.date):
            received_pot_on = self.received_pot_on.isoformat()
        else:
            received_pot_on = self.received_pot_on

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "member_id": member_id,
                "entrepreneur_id": entrepreneur_id,
                "opened_on": opened_on,
                "original_amount": original_amount,
                "scheduled_payment": scheduled_payment,
                "frequency_every": frequency_every,
                "frequency_unit": frequency_unit,
                "received_pot_on": received_pot_on,
                "months": months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.report_month import ReportMonth

        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        original_amount = d.pop("original_amount")

        scheduled_payment = d.pop("scheduled_payment")

        frequency_every = d.pop("frequency_every")

        frequency_unit = CircleFrequency(d.pop("frequency_unit"))

        def _parse_received_pot_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_pot_on_type_0 = datetime.date.fromisoformat(data)

                return received_pot_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        received_pot_on = _parse_received_pot_on(d.pop("received_pot_on"))

        months = []
        _months = d.pop("months")
        for months_item_data in _months:
            months_item = ReportMonth.from_dict(months_item_data)

            months.append(months_item)

        report_account = cls(
            member_id=member_id,
            entrepreneur_id=entrepreneur_id,
            opened_on=opened_on,
            original_amount=original_amount,
            scheduled_payment=scheduled_payment,
            frequency_every=frequency_every,
            frequency_unit=frequency_unit,
            received_pot_on=received_pot_on,
            months=months,
        )

        report_account.additional_properties = d
        return report_account

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
