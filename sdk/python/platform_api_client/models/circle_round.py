from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.round_status import RoundStatus

T = TypeVar("T", bound="CircleRound")


@_attrs_define
class CircleRound:
    number: int
    due_date: datetime.date
    recipient_member_id: UUID
    recipient_entrepreneur_id: UUID
    pot_amount: int
    funded: int
    """ Contributions received for it before its payout. """
    status: RoundStatus
    paid_out_on: datetime.date | None
    guarantee_draw: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        due_date = self.due_date.isoformat()

        recipient_member_id = str(self.recipient_member_id)

        recipient_entrepreneur_id = str(self.recipient_entrepreneur_id)

        pot_amount = self.pot_amount

        funded = self.funded

        status = self.status.value

        paid_out_on: None | str
        if isinstance(self.paid_out_on, datetime.date):
            paid_out_on = self.paid_out_on.isoformat()
        else:
            paid_out_on = self.paid_out_on

        guarantee_draw = self.guarantee_draw

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "due_date": due_date,
                "recipient_member_id": recipient_member_id,
                "recipient_entrepreneur_id": recipient_entrepreneur_id,
                "pot_amount": pot_amount,
                "funded": funded,
                "status": status,
                "paid_out_on": paid_out_on,
                "guarantee_draw": guarantee_draw,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        number = d.pop("number")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        recipient_member_id = UUID(d.pop("recipient_member_id"))

        recipient_entrepreneur_id = UUID(d.pop("recipient_entrepreneur_id"))

        pot_amount = d.pop("pot_amount")

        funded = d.pop("funded")

        status = RoundStatus(d.pop("status"))

        def _parse_paid_out_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_out_on_type_0 = datetime.date.fromisoformat(data)

                return paid_out_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paid_out_on = _parse_paid_out_on(d.pop("paid_out_on"))

        guarantee_draw = d.pop("guarantee_draw")

        circle_round = cls(
            number=number,
            due_date=due_date,
            recipient_member_id=recipient_member_id,
            recipient_entrepreneur_id=recipient_entrepreneur_id,
            pot_amount=pot_amount,
            funded=funded,
            status=status,
            paid_out_on=paid_out_on,
            guarantee_draw=guarantee_draw,
        )

        circle_round.additional_properties = d
        return circle_round

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
