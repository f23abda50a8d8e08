from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document import Document


T = TypeVar("T", bound="LoanApplicationUpdate")


@_attrs_define
class LoanApplicationUpdate:
    """Changes to a draft. The entrepreneur and product are fixed: start a new draft."""

    requested_amount: int | None | Unset = UNSET
    requested_term: int | None | Unset = UNSET
    purpose: None | str | Unset = UNSET
    monthly_revenue: int | None | Unset = UNSET
    monthly_expenses: int | None | Unset = UNSET
    existing_debt_payments: int | None | Unset = UNSET
    documents: list[Document] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        requested_amount: int | None | Unset
        if isinstance(self.requested_amount, Unset):
            requested_amount = UNSET
        else:
            requested_amount = self.requested_amount

        requested_term: int | None | Unset
        if isinstance(self.requested_term, Unset):
            requested_term = UNSET
        else:
            requested_term = self.requested_term

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        monthly_revenue: int | None | Unset
        if isinstance(self.monthly_revenue, Unset):
            monthly_revenue = UNSET
        else:
            monthly_revenue = self.monthly_revenue

        monthly_expenses: int | None | Unset
        if isinstance(self.monthly_expenses, Unset):
            monthly_expenses = UNSET
        else:
            monthly_expenses = self.monthly_expenses

        existing_debt_payments: int | None | Unset
        if isinstance(self.existing_debt_payments, Unset):
            existing_debt_payments = UNSET
        else:
            existing_debt_payments = self.existing_debt_payments

        documents: list[dict[str, Any]] | None | Unset
        if isinstance(self.documents, Unset):
            documents = UNSET
        elif isinstance(self.documents, list):
            documents = []
            for documents_type_0_item_data in self.documents:
                documents_type_0_item = documents_type_0_item_data.to_dict()
                documents.append(documents_type_0_item)

        else:
            documents = self.documents

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if requested_amount is not UNSET:
            field_dict["requested_amount"] = requested_amount
        if requested_term is not UNSET:
            field_dict["requested_term"] = requested_term
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if monthly_revenue is not UNSET:
            field_dict["monthly_revenue"] = monthly_revenue
        if monthly_expenses is not UNSET:
            field_dict["monthly_expenses"] = monthly_expenses
        if existing_debt_payments is not UNSET:
            field_dict["existing_debt_payments"] = existing_debt_payments
        if documents is not UNSET:
            field_dict["documents"] = documents

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document import Document

        d = dict(src_dict)

        def _parse_requested_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        requested_amount = _parse_requested_amount(d.pop("requested_amount", UNSET))

        def _parse_requested_term(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        requested_term = _parse_requested_term(d.pop("requested_term", UNSET))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        def _parse_monthly_revenue(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        monthly_revenue = _parse_monthly_revenue(d.pop("monthly_revenue", UNSET))

        def _parse_monthly_expenses(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        monthly_expenses = _parse_monthly_expenses(d.pop("monthly_expenses", UNSET))

        def _parse_existing_debt_payments(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        existing_debt_payments = _parse_existing_debt_payments(
            d.pop("existing_debt_payments", UNSET)
        )

        def _parse_documents(data: object) -> list[Document] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                documents_type_0 = []
                _documents_type_0 = data
                for documents_type_0_item_data in _documents_type_0:
                    documents_type_0_item = Document.from_dict(documents_type_0_item_data)

                    documents_type_0.append(documents_type_0_item)

                return documents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Document] | None | Unset, data)

        documents = _parse_documents(d.pop("documents", UNSET))

        loan_application_update = cls(
            requested_amount=requested_amount,
            requested_term=requested_term,
            purpose=purpose,
            monthly_revenue=monthly_revenue,
            monthly_expenses=monthly_expenses,
            existing_debt_payments=existing_debt_payments,
            documents=documents,
        )

        return loan_application_update
