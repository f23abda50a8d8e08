from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="QuoteRequest")


@_attrs_define
class QuoteRequest:
    disbursement_date: datetime.date
    amount: int | None | Unset = UNSET
    """ Principal in minor units; the product's default if omitted. """
    term: int | None | Unset = UNSET
    """ Number of installments; the product's default if omitted. """
    first_repayment_date: datetime.date | None | Unset = UNSET
    """ Defaults to one repayment period after disbursement. """

    def to_dict(self) -> dict[str, Any]:
        disbursement_date = self.disbursement_date.isoformat()

        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        term: int | None | Unset
        if isinstance(self.term, Unset):
            term = UNSET
        else:
            term = self.term

        first_repayment_date: None | str | Unset
        if isinstance(self.first_repayment_date, Unset):
            first_repayment_date = UNSET
        elif isinstance(self.first_repayment_date, datetime.date):
            first_repayment_date = self.first_repayment_date.isoformat()
        else:
            first_repayment_date = self.first_repayment_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "disbursement_date": disbursement_date,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if term is not UNSET:
            field_dict["term"] = term
        if first_repayment_date is not UNSET:
            field_dict["first_repayment_date"] = first_repayment_date

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        disbursement_date = datetime.date.fromisoformat(d.pop("disbursement_date"))

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_term(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        term = _parse_term(d.pop("term", UNSET))

        def _parse_first_repayment_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_repayment_date_type_0 = datetime.date.fromisoformat(data)

                return first_repayment_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        first_repayment_date = _parse_first_repayment_date(d.pop("first_repayment_date", UNSET))

        quote_request = cls(
            disbursement_date=disbursement_date,
            amount=amount,
            term=term,
            first_repayment_date=first_repayment_date,
        )

        return quote_request
