from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_status import ReportStatus

T = TypeVar("T", bound="ReportMonth")


@_attrs_define
class ReportMonth:
    month: str
    """ Calendar month, `YYYY-MM`. """
    period_end: datetime.date
    """ Last day of the month, or the report date. """
    scheduled_amount: int
    paid_amount: int
    balance: int
    """ Contributions still owed for the whole circle. """
    past_due_amount: int
    days_late: int
    status: ReportStatus
    payment_rating: None | str
    """ 1-30, 31-60, 61-90 or 90+ days past due. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        period_end = self.period_end.isoformat()

        scheduled_amount = self.scheduled_amount

        paid_amount = self.paid_amount

        balance = self.balance

        past_due_amount = self.past_due_amount

        days_late = self.days_late

        status = self.status.value

        payment_rating: None | str
        payment_rating = self.payment_rating

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "period_end": period_end,
                "scheduled_amount": scheduled_amount,
                "paid_amount": paid_amount,
                "balance": balance,
                "past_due_amount": past_due_amount,
                "days_late": days_late,
                "status": status,
                "payment_rating": payment_rating,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        month = d.pop("month")

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        scheduled_amount = d.pop("scheduled_amount")

        paid_amount = d.pop("paid_amount")

        balance = d.pop("balance")

        past_due_amount = d.pop("past_due_amount")

        days_late = d.pop("days_late")

        status = ReportStatus(d.pop("status"))

        def _parse_payment_rating(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_rating = _parse_payment_rating(d.pop("payment_rating"))

        report_month = cls(
            month=month,
            period_end=period_end,
            scheduled_amount=scheduled_amount,
            paid_amount=paid_amount,
            balance=balance,
            past_due_amount=past_due_amount,
            days_late=days_late,
            status=status,
            payment_rating=payment_rating,
        )

        report_month.additional_properties = d
        return report_month

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
