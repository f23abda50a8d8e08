from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interest_method import InterestMethod

if TYPE_CHECKING:
    from ..models.quote_installment import QuoteInstallment


T = TypeVar("T", bound="Quote")


@_attrs_define
class Quote:
    """A schedule for one amount and term, and what it truly costs. Nothing is stored."""

    product_id: UUID
    currency: str
    amount: int
    term: int
    disbursement_date: datetime.date
    first_repayment_date: datetime.date
    interest_method: InterestMethod
    annual_rate: float | str
    """ The product's nominal rate. """
    upfront_fee: int
    net_disbursed: int
    """ What the borrower receives. """
    total_principal: int
    total_interest: int
    total_fees: int
    """ Installment fees (the upfront fee is separate). """
    total_repayable: int
    """ Sum of all installments. """
    finance_charge: int
    """ Everything paid beyond what was received. """
    apr: float | str
    """ Annual percentage rate from the borrower's actual cash flows, fees included: periods per year x periodic
    IRR. Compare products by this, not by the nominal rate. """
    eir: float | str
    """ Effective annual rate: (1 + periodic IRR)^periods - 1. """
    installments: list[QuoteInstallment]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        product_id = str(self.product_id)

        currency = self.currency

        amount = self.amount

        term = self.term

        disbursement_date = self.disbursement_date.isoformat()

        first_repayment_date = self.first_repayment_date.isoformat()

        interest_method = self.interest_method.value

        annual_rate: float | str
        annual_rate = self.annual_rate

        upfront_fee = self.upfront_fee

        net_disbursed = self.net_disbursed

        total_principal = self.total_principal

        total_interest = self.total_interest

        total_fees = self.total_fees

        total_repayable = self.total_repayable

        finance_charge = self.finance_charge

        apr: float | str
        apr = self.apr

        eir: float | str
        eir = self.eir

        installments = []
        for installments_item_data in self.installments:
            installments_item = installments_item_data.to_dict()
            installments.append(installments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "product_id": product_id,
                "currency": currency,
                "amount": amount,
                "term": term,
                "disbursement_date": disbursement_date,
                "first_repayment_date": first_repayment_date,
                "interest_method": interest_method,
                "annual_rate": annual_rate,
                "upfront_fee": upfront_fee,
                "net_disbursed": net_disbursed,
                "total_principal": total_principal,
                "total_interest": total_interest,
                "total_fees": total_fees,
                "total_repayable": total_repayable,
                "finance_charge": finance_charge,
                "apr": apr,
                "eir": eir,
                "installments": installments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.quote_installment import QuoteInstallment

        d = dict(src_dict)
        product_id = UUID(d.pop("product_id"))

        currency = d.pop("currency")

        amount = d.pop("amount")

        term = d.pop("term")

        disbursement_date = datetime.date.fromisoformat(d.pop("disbursement_date"))

        first_repayment_date = datetime.date.fromisoformat(d.pop("first_repayment_date"))

        interest_method = InterestMethod(d.pop("interest_method"))

        def _parse_annual_rate(data: object) -> float | str:
            return cast(float | str, data)

        annual_rate = _parse_annual_rate(d.pop("annual_rate"))

        upfront_fee = d.pop("upfront_fee")

        net_disbursed = d.pop("net_disbursed")

        total_principal = d.pop("total_principal")

        total_interest = d.pop("total_interest")

        total_fees = d.pop("total_fees")

        total_repayable = d.pop("total_repayable")

        finance_charge = d.pop("finance_charge")

        def _parse_apr(data: object) -> float | str:
            return cast(float | str, data)

        apr = _parse_apr(d.pop("apr"))

        def _parse_eir(data: object) -> float | str:
            return cast(float | str, data)

        eir = _parse_eir(d.pop("eir"))

        installments = []
        _installments = d.pop("installments")
        for installments_item_data in _installments:
            installments_item = QuoteInstallment.from_dict(installments_item_data)

            installments.append(installments_item)

        quote = cls(
            product_id=product_id,
            currency=currency,
            amount=amount,
            term=term,
            disbursement_date=disbursement_date,
            first_repayment_date=first_repayment_date,
            interest_method=interest_method,
            annual_rate=annual_rate,
            upfront_fee=upfront_fee,
            net_disbursed=net_disbursed,
            total_principal=total_principal,
            total_interest=total_interest,
            total_fees=total_fees,
            total_repayable=total_repayable,
            finance_charge=finance_charge,
            apr=apr,
            eir=eir,
            installments=installments,
        )

        quote.additional_properties = d
        return quote

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
