from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.loan_status import LoanStatus

T = TypeVar("T", bound="MemberLoan")


@_attrs_define
class MemberLoan:
    loan_id: UUID
    status: LoanStatus
    principal: int
    total_outstanding: int
    arrears_amount: int
    """ Unpaid parts of installments already due. """
    days_past_due: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        loan_id = str(self.loan_id)

        status = self.status.value

        principal = self.principal

        total_outstanding = self.total_outstanding

        arrears_amount = self.arrears_amount

        days_past_due = self.days_past_due

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loan_id": loan_id,
                "status": status,
                "principal": principal,
                "total_outstanding": total_outstanding,
                "arrears_amount": arrears_amount,
                "days_past_due": days_past_due,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        loan_id = UUID(d.pop("loan_id"))

        status = LoanStatus(d.pop("status"))

        principal = d.pop("principal")

        total_outstanding = d.pop("total_outstanding")

        arrears_amount = d.pop("arrears_amount")

        days_past_due = d.pop("days_past_due")

        member_loan = cls(
            loan_id=loan_id,
            status=status,
            principal=principal,
            total_outstanding=total_outstanding,
            arrears_amount=arrears_amount,
            days_past_due=days_past_due,
        )

        member_loan.additional_properties = d
        return member_loan

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
