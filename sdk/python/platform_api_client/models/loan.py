from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interest_method import InterestMethod
from ..models.loan_status import LoanStatus

T = TypeVar("T", bound="Loan")


@_attrs_define
class Loan:
    """A loan account: its terms, balances and arrears as of `as_of` (today, UTC)."""

    id: UUID
    application_id: UUID
    entrepreneur_id: UUID
    product_id: UUID
    currency: str
    status: LoanStatus
    principal: int
    term: int
    interest_method: InterestMethod
    annual_rate: str
    apr: str
    """ Annual percentage rate disclosed at disbursement. """
    eir: str
    """ Effective annual rate disclosed at disbursement. """
    disbursement_date: datetime.date
    maturity_date: datetime.date
    upfront_fee: int
    net_disbursed: int
    """ What the borrower received. """
    total_interest: int
    """ Scheduled interest. """
    total_fees: int
    """ Scheduled installment fees. """
    principal_paid: int
    interest_paid: int
    fees_paid: int
    overpaid: int
    """ Paid beyond everything due (owed back to the borrower). """
    principal_outstanding: int
    interest_outstanding: int
    fees_outstanding: int
    total_outstanding: int
    principal_written_off: int
    interest_written_off: int
    fees_written_off: int
    as_of: datetime.date
    next_due_date: datetime.date | None
    next_due_amount: int
    """ Unpaid part of the next installment not yet due. """
    arrears_amount: int
    """ Unpaid parts of installments already due. """
    days_past_due: int
    """ Days since the oldest installment unpaid beyond the product's tolerance amount fell due; 0 within the
    tolerance days. """
    aging_bucket: None | str
    """ 1-30, 31-60, 61-90 or 90+ days past due. """
    closed_on: datetime.date | None
    written_off_on: datetime.date | None
    write_off_reason: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    created_by: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        application_id = str(self.application_id)

        entrepreneur_id = str(self.entrepreneur_id)

        product_id = str(self.product_id)

        currency = self.currency

        status = self.status.value

        principal = self.principal

        term = self.term

        interest_method = self.interest_method.value

        annual_rate = self.annual_rate

        apr = self.apr

        eir = self.eir

        disbursement_date = self.disbursement_date.isoformat()

        maturity_date = self.maturity_date.isoformat()

        upfront_fee = self.upfront_fee

        net_disbursed = self.net_disbursed

        total_interest = self.total_interest

        total_fees = self.total_fees

        principal_paid = self.principal_paid

        interest_paid = self.interest_paid

        fees_paid = self.fees_paid

        overpaid = self.overpaid

        principal_outstanding = self.principal_outstanding

        interest_outstanding = self.interest_outstanding

        fees_outstanding = self.fees_outstanding

        total_outstanding = self.total_outstanding

        principal_written_off = self.principal_written_off

        interest_written_off = self.interest_written_off

        fees_written_off = self.fees_written_off

        as_of = self.as_of.isoformat()

        next_due_date: None | str
        if isinstance(self.next_due_date, datetime.date):
            next_due_date = self.next_due_date.isoformat()
        else:
            next_due_date = self.next_due_date

        next_due_amount = self.next_due_amount

        arrears_amount = self.arrears_amount

        days_past_due = self.days_past_due

        aging_bucket: None | str
        aging_bucket = self.aging_bucket

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        written_off_on: None | str
        if isinstance(self.written_off_on, datetime.date):
            written_off_on = self.written_off_on.isoformat()
        else:
            written_off_on = self.written_off_on

        write_off_reason: None | str
        write_off_reason = self.write_off_reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

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
                "application_id": application_id,
                "entrepreneur_id": entrepreneur_id,
                "product_id": product_id,
                "currency": currency,
                "status": status,
                "principal": principal,
                "term": term,
                "interest_method": interest_method,
                "annual_rate": annual_rate,
                "apr": apr,
                "eir": eir,
                "disbursement_date": disbursement_date,
                "maturity_date": maturity_date,
                "upfront_fee": upfront_fee,
                "net_disbursed": net_disbursed,
                "total_interest": total_interest,
                "total_fees": total_fees,
                "principal_paid": principal_paid,
                "interest_paid": interest_paid,
                "fees_paid": fees_paid,
                "overpaid": overpaid,
                "principal_outstanding": principal_outstanding,
                "interest_outstanding": interest_outstanding,
                "fees_outstanding": fees_outstanding,
                "total_outstanding": total_outstanding,
                "principal_written_off": principal_written_off,
                "interest_written_off": interest_written_off,
                "fees_written_off": fees_written_off,
                "as_of": as_of,
                "next_due_date": next_due_date,
                "next_due_amount": next_due_amount,
                "arrears_amount": arrears_amount,
                "days_past_due": days_past_due,
                "aging_bucket": aging_bucket,
                "closed_on": closed_on,
                "written_off_on": written_off_on,
                "write_off_reason": write_off_reason,
                "created_at": created_at,
                "updated_at": updated_at,
                "created_by": created_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        application_id = UUID(d.pop("application_id"))

        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        product_id = UUID(d.pop("product_id"))

        currency = d.pop("currency")

        status = LoanStatus(d.pop("status"))

        principal = d.pop("principal")

        term = d.pop("term")

        interest_method = InterestMethod(d.pop("interest_method"))

        annual_rate = d.pop("annual_rate")

        apr = d.pop("apr")

        eir = d.pop("eir")

        disbursement_date = datetime.date.fromisoformat(d.pop("disbursement_date"))

        maturity_date = datetime.date.fromisoformat(d.pop("maturity_date"))

        upfront_fee = d.pop("upfront_fee")

        net_disbursed = d.pop("net_disbursed")

        total_interest = d.pop("total_interest")

        total_fees = d.pop("total_fees")

        principal_paid = d.pop("principal_paid")

        interest_paid = d.pop("interest_paid")

        fees_paid = d.pop("fees_paid")

        overpaid = d.pop("overpaid")

        principal_outstanding = d.pop("principal_outstanding")

        interest_outstanding = d.pop("interest_outstanding")

        fees_outstanding = d.pop("fees_outstanding")

        total_outstanding = d.pop("total_outstanding")

        principal_written_off = d.pop("principal_written_off")

        interest_written_off = d.pop("interest_written_off")

        fees_written_off = d.pop("fees_written_off")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        def _parse_next_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_due_date_type_0 = datetime.date.fromisoformat(data)

                return next_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_due_date = _parse_next_due_date(d.pop("next_due_date"))

        next_due_amount = d.pop("next_due_amount")

        arrears_amount = d.pop("arrears_amount")

        days_past_due = d.pop("days_past_due")

        def _parse_aging_bucket(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        aging_bucket = _parse_aging_bucket(d.pop("aging_bucket"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        def _parse_written_off_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                written_off_on_type_0 = datetime.date.fromisoformat(data)

                return written_off_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        written_off_on = _parse_written_off_on(d.pop("written_off_on"))

        def _parse_write_off_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        write_off_reason = _parse_write_off_reason(d.pop("write_off_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        loan = cls(
            id=id,
            application_id=application_id,
            entrepreneur_id=entrepreneur_id,
            product_id=product_id,
            currency=currency,
            status=status,
            principal=principal,
            term=term,
            interest_method=interest_method,
            annual_rate=annual_rate,
            apr=apr,
            eir=eir,
            disbursement_date=disbursement_date,
            maturity_date=maturity_date,
            upfront_fee=upfront_fee,
            net_disbursed=net_disbursed,
            total_interest=total_interest,
            total_fees=total_fees,
            principal_paid=principal_paid,
            interest_paid=interest_paid,
            fees_paid=fees_paid,
            overpaid=overpaid,
            principal_outstanding=principal_outstanding,
            interest_outstanding=interest_outstanding,
            fees_outstanding=fees_outstanding,
            total_outstanding=total_outstanding,
            principal_written_off=principal_written_off,
            interest_written_off=interest_written_off,
            fees_written_off=fees_written_off,
            as_of=as_of,
            next_due_date=next_due_date,
            next_due_amount=next_due_amount,
            arrears_amount=arrears_amount,
            days_past_due=days_past_due,
            aging_bucket=aging_bucket,
            closed_on=closed_on,
            written_off_on=written_off_on,
            write_off_reason=write_off_reason,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
        )

        loan.additional_properties = d
        return loan

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
