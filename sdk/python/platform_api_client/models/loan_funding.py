from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.loan_status import LoanStatus

if TYPE_CHECKING:
    from ..models.funder_position import FunderPosition
    from ..models.funder_repayment_split import FunderRepaymentSplit


T = TypeVar("T", bound="LoanFunding")


@_attrs_define
class LoanFunding:
    loan_id: UUID
    application_id: UUID
    currency: str
    status: LoanStatus
    funders: list[FunderPosition]
    """ In the order commitments were made. """
    repayments: list[FunderRepaymentSplit]
    as_of: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        loan_id = str(self.loan_id)

        application_id = str(self.application_id)

        currency = self.currency

        status = self.status.value

        funders = []
        for funders_item_data in self.funders:
            funders_item = funders_item_data.to_dict()
            funders.append(funders_item)

        repayments = []
        for repayments_item_data in self.repayments:
            repayments_item = repayments_item_data.to_dict()
            repayments.append(repayments_item)

        as_of = self.as_of.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loan_id": loan_id,
                "application_id": application_id,
                "currency": currency,
                "status": status,
                "funders": funders,
                "repayments": repayments,
                "as_of": as_of,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funder_position import FunderPosition
        from ..models.funder_repayment_split import FunderRepaymentSplit

        d = dict(src_dict)
        loan_id = UUID(d.pop("loan_id"))

        application_id = UUID(d.pop("application_id"))

        currency = d.pop("currency")

        status = LoanStatus(d.pop("status"))

        funders = []
        _funders = d.pop("funders")
        for funders_item_data in _funders:
            funders_item = FunderPosition.from_dict(funders_item_data)

            funders.append(funders_item)

        repayments = []
        _repayments = d.pop("repayments")
        for repayments_item_data in _repayments:
            repayments_item = FunderRepaymentSplit.from_dict(repayments_item_data)

            repayments.append(repayments_item)

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        loan_funding = cls(
            loan_id=loan_id,
            application_id=application_id,
            currency=currency,
            status=status,
            funders=funders,
            repayments=repayments,
            as_of=as_of,
        )

        loan_funding.additional_properties = d
        return loan_funding

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
