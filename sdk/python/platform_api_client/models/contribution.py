from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel

T = TypeVar("T", bound="Contribution")


@_attrs_define
class Contribution:
    id: UUID
    circle_id: UUID
    member_id: UUID
    round_: int
    amount: int
    currency: str
    paid_on: datetime.date
    due_date: datetime.date
    days_late: int
    """ paid_on - due_date, at least 0. """
    channel: Channel
    external_reference: None | str
    after_payout: bool
    """ Made after its round was paid out: it repays the tenant's guarantee. """
    created_at: datetime.datetime
    created_by: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        circle_id = str(self.circle_id)

        member_id = str(self.member_id)

        round_ = self.round_

        amount = self.amount

        currency = self.currency

        paid_on = self.paid_on.isoformat()

        due_date = self.due_date.isoformat()

        days_late = self.days_late

        channel = self.channel.value

        external_reference: None | str
        external_reference = self.external_reference

        after_payout = self.after_payout

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
                "circle_id": circle_id,
                "member_id": member_id,
                "round": round_,
                "amount": amount,
                "currency": currency,
                "paid_on": paid_on,
                "due_date": due_date,
                "days_late": days_late,
                "channel": channel,
                "external_reference": external_reference,
                "after_payout": after_payout,
                "created_at": created_at,
                "created_by": created_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        circle_id = UUID(d.pop("circle_id"))

        member_id = UUID(d.pop("member_id"))

        round_ = d.pop("round")

        amount = d.pop("amount")

        currency = d.pop("currency")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        days_late = d.pop("days_late")

        channel = Channel(d.pop("channel"))

        def _parse_external_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_reference = _parse_external_reference(d.pop("external_reference"))

        after_payout = d.pop("after_payout")

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

        contribution = cls(
            id=id,
            circle_id=circle_id,
            member_id=member_id,
            round_=round_,
            amount=amount,
            currency=currency,
            paid_on=paid_on,
            due_date=due_date,
            days_late=days_late,
            channel=channel,
            external_reference=external_reference,
            after_payout=after_payout,
            created_at=created_at,
            created_by=created_by,
        )

        contribution.additional_properties = d
        return contribution

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
