from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.member_status import MemberStatus

T = TypeVar("T", bound="CircleMember")


@_attrs_define
class CircleMember:
    """A member and their standing: once they have received the pot, the contributions
    they still owe are a zero-interest obligation (`obligation_outstanding`).

    """

    id: UUID
    circle_id: UUID
    entrepreneur_id: UUID
    position: int
    """ Order of joining, from 1. """
    bid: int | None
    payout_round: int | None
    """ The round they receive the pot (once started). """
    total_due: int
    paid: int
    owed: int
    received_on: datetime.date | None
    obligation_outstanding: int
    arrears_amount: int
    """ Missed and overdue contributions still unpaid. """
    days_late: int
    """ Of the oldest missed or overdue contribution. """
    missed_contributions: int
    """ Rounds paid out while this member was short. """
    late_contributions: int
    status: MemberStatus
    as_of: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        circle_id = str(self.circle_id)

        entrepreneur_id = str(self.entrepreneur_id)

        position = self.position

        bid: int | None
        bid = self.bid

        payout_round: int | None
        payout_round = self.payout_round

        total_due = self.total_due

        paid = self.paid

        owed = self.owed

        received_on: None | str
        if isinstance(self.received_on, datetime.date):
            received_on = self.received_on.isoformat()
        else:
            received_on = self.received_on

        obligation_outstanding = self.obligation_outstanding

        arrears_amount = self.arrears_amount

        days_late = self.days_late

        missed_contributions = self.missed_contributions

        late_contributions = self.late_contributions

        status = self.status.value

        as_of = self.as_of.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "circle_id": circle_id,
                "entrepreneur_id": entrepreneur_id,
                "position": position,
                "bid": bid,
                "payout_round": payout_round,
                "total_due": total_due,
                "paid": paid,
                "owed": owed,
                "received_on": received_on,
                "obligation_outstanding": obligation_outstanding,
                "arrears_amount": arrears_amount,
                "days_late": days_late,
                "missed_contributions": missed_contributions,
                "late_contributions": late_contributions,
                "status": status,
                "as_of": as_of,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        circle_id = UUID(d.pop("circle_id"))

        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        position = d.pop("position")

        def _parse_bid(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        bid = _parse_bid(d.pop("bid"))

        def _parse_payout_round(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        payout_round = _parse_payout_round(d.pop("payout_round"))

        total_due = d.pop("total_due")

        paid = d.pop("paid")

        owed = d.pop("owed")

        def _parse_received_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_on_type_0 = datetime.date.fromisoformat(data)

                return received_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        received_on = _parse_received_on(d.pop("received_on"))

        obligation_outstanding = d.pop("obligation_outstanding")

        arrears_amount = d.pop("arrears_amount")

        days_late = d.pop("days_late")

        missed_contributions = d.pop("missed_contributions")

        late_contributions = d.pop("late_contributions")

        status = MemberStatus(d.pop("status"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        circle_member = cls(
            id=id,
            circle_id=circle_id,
            entrepreneur_id=entrepreneur_id,
            position=position,
            bid=bid,
            payout_round=payout_round,
            total_due=total_due,
            paid=paid,
            owed=owed,
            received_on=received_on,
            obligation_outstanding=obligation_outstanding,
            arrears_amount=arrears_amount,
            days_late=days_late,
            missed_contributions=missed_contributions,
            late_contributions=late_contributions,
            status=status,
            as_of=as_of,
            created_at=created_at,
        )

        circle_member.additional_properties = d
        return circle_member

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
