from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Payout")


@_attrs_define
class Payout:
    id: UUID
    circle_id: UUID
    round_: int
    recipient_member_id: UUID
    amount: int
    currency: str
    from_contributions: int
    guarantee_draw: int
    paid_on: datetime.date
    created_at: datetime.datetime
    created_by: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        circle_id = str(self.circle_id)

        round_ = self.round_

        recipient_member_id = str(self.recipient_member_id)

        amount = self.amount

        currency = self.currency

        from_contributions = self.from_contributions

        guarantee_draw = self.guarantee_draw

        paid_on = self.paid_on.isoformat()

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
                "round": round_,
                "recipient_member_id": recipient_member_id,
                "amount": amount,
                "currency": currency,
                "from_contributions": from_contributions,
                "guarantee_draw": guarantee_draw,
                "paid_on": paid_on,
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

        round_ = d.pop("round")

        recipient_member_id = UUID(d.pop("recipient_member_id"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        from_contributions = d.pop("from_contributions")

        guarantee_draw = d.pop("guarantee_draw")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

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

        payout = cls(
            id=id,
            circle_id=circle_id,
            round_=round_,
            recipient_member_id=recipient_member_id,
            amount=amount,
            currency=currency,
            from_contributions=from_contributions,
            guarantee_draw=guarantee_draw,
            paid_on=paid_on,
            created_at=created_at,
            created_by=created_by,
        )

        payout.additional_properties = d
        return payout

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
