from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.repayment_status import RepaymentStatus

T = TypeVar("T", bound="Repayment")


@_attrs_define
class Repayment:
    id: UUID
    loan_id: UUID
    sequence: int
    """ Posting order within the loan (1, 2, ...). """
    amount: int
    currency: str
    paid_on: datetime.date
    channel: Channel
    external_reference: None | str
    status: RepaymentStatus
    principal: int
    """ Allocated to principal (now). """
    interest: int
    fees: int
    overpayment: int
    """ Paid beyond everything due. """
    reversed_at: datetime.datetime | None
    reversed_by: None | UUID
    reversal_reason: None | str
    created_at: datetime.datetime
    created_by: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        loan_id = str(self.loan_id)

        sequence = self.sequence

        amount = self.amount

        currency = self.currency

        paid_on = self.paid_on.isoformat()

        channel = self.channel.value

        external_reference: None | str
        external_reference = self.external_reference

        status = self.status.value

        principal = self.principal

        interest = self.interest

        fees = self.fees

        overpayment = self.overpayment

        reversed_at: None | str
        if isinstance(self.reversed_at, datetime.datetime):
            reversed_at = self.reversed_at.isoformat()
        else:
            reversed_at = self.reversed_at

        reversed_by: None | str
        if isinstance(self.reversed_by, UUID):
            reversed_by = str(self.reversed_by)
        else:
            reversed_by = self.reversed_by

        reversal_reason: None | str
        reversal_reason = self.reversal_reason

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
                "loan_id": loan_id,
                "sequence": sequence,
                "amount": amount,
                "currency": currency,
                "paid_on": paid_on,
                "channel": channel,
                "external_reference": external_reference,
                "status": status,
                "principal": principal,
                "interest": interest,
                "fees": fees,
                "overpayment": overpayment,
                "reversed_at": reversed_at,
                "reversed_by": reversed_by,
                "reversal_reason": reversal_reason,
                "created_at": created_at,
                "created_by": created_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        loan_id = UUID(d.pop("loan_id"))

        sequence = d.pop("sequence")

        amount = d.pop("amount")

        currency = d.pop("currency")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        channel = Channel(d.pop("channel"))

        def _parse_external_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_reference = _parse_external_reference(d.pop("external_reference"))

        status = RepaymentStatus(d.pop("status"))

        principal = d.pop("principal")

        interest = d.pop("interest")

        fees = d.pop("fees")

        overpayment = d.pop("overpayment")

        def _parse_reversed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reversed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reversed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reversed_at = _parse_reversed_at(d.pop("reversed_at"))

        def _parse_reversed_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reversed_by_type_0 = UUID(data)

                return reversed_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reversed_by = _parse_reversed_by(d.pop("reversed_by"))

        def _parse_reversal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reversal_reason = _parse_reversal_reason(d.pop("reversal_reason"))

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

        repayment = cls(
            id=id,
            loan_id=loan_id,
            sequence=sequence,
            amount=amount,
            currency=currency,
            paid_on=paid_on,
            channel=channel,
            external_reference=external_reference,
            status=status,
            principal=principal,
            interest=interest,
            fees=fees,
            overpayment=overpayment,
            reversed_at=reversed_at,
            reversed_by=reversed_by,
            reversal_reason=reversal_reason,
            created_at=created_at,
            created_by=created_by,
        )

        repayment.additional_properties = d
        return repayment

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
