from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document import Document


T = TypeVar("T", bound="GroupMemberIntake")


@_attrs_define
class GroupMemberIntake:
    requested_amount: int
    """ Minor units of `currency`. """
    requested_term: int
    """ Number of installments. """
    monthly_revenue: int
    """ The business's average monthly revenue. """
    monthly_expenses: int
    """ Its monthly operating and household costs. """
    entrepreneur_id: UUID
    purpose: None | str | Unset = UNSET
    existing_debt_payments: int | Unset = 0
    """ What it already pays on other debts each month. """
    documents: list[Document] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        requested_amount = self.requested_amount

        requested_term = self.requested_term

        monthly_revenue = self.monthly_revenue

        monthly_expenses = self.monthly_expenses

        entrepreneur_id = str(self.entrepreneur_id)

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        existing_debt_payments = self.existing_debt_payments

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "requested_amount": requested_amount,
                "requested_term": requested_term,
                "monthly_revenue": monthly_revenue,
                "monthly_expenses": monthly_expenses,
                "entrepreneur_id": entrepreneur_id,
            }
        )
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if existing_debt_payments is not UNSET:
            field_dict["existing_debt_payments"] = existing_debt_payments
        if documents is not UNSET:
            field_dict["documents"] = documents

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.document import Document

        d = dict(src_dict)
        requested_amount = d.pop("requested_amount")

        requested_term = d.pop("requested_term")

        monthly_revenue = d.pop("monthly_revenue")

        monthly_expenses = d.pop("monthly_expenses")

        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        existing_debt_payments = d.pop("existing_debt_payments", UNSET)

        _documents = d.pop("documents", UNSET)
        documents: list[Document] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = Document.from_dict(documents_item_data)

                documents.append(documents_item)

        group_member_intake = cls(
            requested_amount=requested_amount,
            requested_term=requested_term,
            monthly_revenue=monthly_revenue,
            monthly_expenses=monthly_expenses,
            entrepreneur_id=entrepreneur_id,
            purpose=purpose,
            existing_debt_payments=existing_debt_payments,
            documents=documents,
        )

        return group_member_intake
