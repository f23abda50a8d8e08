from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_status import ApplicationStatus
from ..models.loan_status import LoanStatus

T = TypeVar("T", bound="PortfolioLoan")


@_attrs_define
class PortfolioLoan:
    application_id: UUID
    application_status: ApplicationStatus
    loan_id: None | UUID
    loan_status: LoanStatus | None
    currency: str
    committed: int
    total_funded: int
    """ All commitments to the application. """
    repaid: int
    outstanding: int
    lost: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        application_status = self.application_status.value

        loan_id: None | str
        if isinstance(self.loan_id, UUID):
            loan_id = str(self.loan_id)
        else:
            loan_id = self.loan_id

        loan_status: None | str
        if isinstance(self.loan_status, LoanStatus):
            loan_status = self.loan_status.value
        else:
            loan_status = self.loan_status

        currency = self.currency

        committed = self.committed

        total_funded = self.total_funded

        repaid = self.repaid

        outstanding = self.outstanding

        lost = self.lost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "application_status": application_status,
                "loan_id": loan_id,
                "loan_status": loan_status,
                "currency": currency,
                "committed": committed,
                "total_funded": total_funded,
                "repaid": repaid,
                "outstanding": outstanding,
                "lost": lost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))

        application_status = ApplicationStatus(d.pop("application_status"))

        def _parse_loan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                loan_id_type_0 = UUID(data)

                return loan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        loan_id = _parse_loan_id(d.pop("loan_id"))

        def _parse_loan_status(data: object) -> LoanStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                loan_status_type_0 = LoanStatus(data)

                return loan_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LoanStatus | None, data)

        loan_status = _parse_loan_status(d.pop("loan_status"))

        currency = d.pop("currency")

        committed = d.pop("committed")

        total_funded = d.pop("total_funded")

        repaid = d.pop("repaid")

        outstanding = d.pop("outstanding")

        lost = d.pop("lost")

        portfolio_loan = cls(
            application_id=application_id,
            application_status=application_status,
            loan_id=loan_id,
            loan_status=loan_status,
            currency=currency,
            committed=committed,
            total_funded=total_funded,
            repaid=repaid,
            outstanding=outstanding,
            lost=lost,
        )

        portfolio_loan.additional_properties = d
        return portfolio_loan

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
