from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.circle_frequency import CircleFrequency
from ..models.circle_status import CircleStatus
from ..models.payout_order import PayoutOrder

if TYPE_CHECKING:
    from ..models.circle_money import CircleMoney


T = TypeVar("T", bound="LendingCircle")


@_attrs_define
class LendingCircle:
    id: UUID
    name: str
    currency: str
    contribution_amount: int
    pot_amount: int
    """ contribution_amount x size: what each round pays out. """
    frequency_every: int
    frequency_unit: CircleFrequency
    size: int
    payout_order: PayoutOrder
    status: CircleStatus
    members_joined: int
    first_due_date: datetime.date | None
    payout_order_seed: None | str
    """ The seed of a random payout order, recorded when the circle started. """
    rounds_paid_out: int
    started_at: datetime.datetime | None
    completed_on: datetime.date | None
    cancelled_at: datetime.datetime | None
    cancel_reason: None | str
    money: CircleMoney
    """ Where the circle's money is. Always: contributions_received + guarantee_drawn =
    payouts_released + guarantee_recovered + held. """
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        currency = self.currency

        contribution_amount = self.contribution_amount

        pot_amount = self.pot_amount

        frequency_every = self.frequency_every

        frequency_unit = self.frequency_unit.value

        size = self.size

        payout_order = self.payout_order.value

        status = self.status.value

        members_joined = self.members_joined

        first_due_date: None | str
        if isinstance(self.first_due_date, datetime.date):
            first_due_date = self.first_due_date.isoformat()
        else:
            first_due_date = self.first_due_date

        payout_order_seed: None | str
        payout_order_seed = self.payout_order_seed

        rounds_paid_out = self.rounds_paid_out

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        completed_on: None | str
        if isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        cancelled_at: None | str
        if isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        cancel_reason: None | str
        cancel_reason = self.cancel_reason

        money = self.money.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "currency": currency,
                "contribution_amount": contribution_amount,
                "pot_amount": pot_amount,
                "frequency_every": frequency_every,
                "frequency_unit": frequency_unit,
                "size": size,
                "payout_order": payout_order,
                "status": status,
                "members_joined": members_joined,
                "first_due_date": first_due_date,
                "payout_order_seed": payout_order_seed,
                "rounds_paid_out": rounds_paid_out,
                "started_at": started_at,
                "completed_on": completed_on,
                "cancelled_at": cancelled_at,
                "cancel_reason": cancel_reason,
                "money": money,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.circle_money import CircleMoney

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        currency = d.pop("currency")

        contribution_amount = d.pop("contribution_amount")

        pot_amount = d.pop("pot_amount")

        frequency_every = d.pop("frequency_every")

        frequency_unit = CircleFrequency(d.pop("frequency_unit"))

        size = d.pop("size")

        payout_order = PayoutOrder(d.pop("payout_order"))

        status = CircleStatus(d.pop("status"))

        members_joined = d.pop("members_joined")

        def _parse_first_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_due_date_type_0 = datetime.date.fromisoformat(data)

                return first_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        first_due_date = _parse_first_due_date(d.pop("first_due_date"))

        def _parse_payout_order_seed(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payout_order_seed = _parse_payout_order_seed(d.pop("payout_order_seed"))

        rounds_paid_out = d.pop("rounds_paid_out")

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_on = _parse_completed_on(d.pop("completed_on"))

        def _parse_cancelled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at"))

        def _parse_cancel_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason"))

        money = CircleMoney.from_dict(d.pop("money"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        lending_circle = cls(
            id=id,
            name=name,
            currency=currency,
            contribution_amount=contribution_amount,
            pot_amount=pot_amount,
            frequency_every=frequency_every,
            frequency_unit=frequency_unit,
            size=size,
            payout_order=payout_order,
            status=status,
            members_joined=members_joined,
            first_due_date=first_due_date,
            payout_order_seed=payout_order_seed,
            rounds_paid_out=rounds_paid_out,
            started_at=started_at,
            completed_on=completed_on,
            cancelled_at=cancelled_at,
            cancel_reason=cancel_reason,
            money=money,
            created_at=created_at,
            updated_at=updated_at,
        )

        lending_circle.additional_properties = d
        return lending_circle

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
