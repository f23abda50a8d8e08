from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_status import ApplicationStatus
from ..models.decline_reason import DeclineReason
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document import Document
    from ..models.underwriting import Underwriting


T = TypeVar("T", bound="LoanApplication")


@_attrs_define
class LoanApplication:
    requested_amount: int
    """ Minor units of `currency`. """
    requested_term: int
    """ Number of installments. """
    monthly_revenue: int
    """ The business's average monthly revenue. """
    monthly_expenses: int
    """ Its monthly operating and household costs. """
    entrepreneur_id: UUID
    product_id: UUID
    id: UUID
    currency: str
    status: ApplicationStatus
    underwriting: None | Underwriting
    submitted_at: datetime.datetime | None
    submitted_by: None | UUID
    """ API client that submitted it. """
    approved_amount: int | None
    approved_term: int | None
    decided_at: datetime.datetime | None
    decided_by: None | UUID
    """ API client that approved or declined. """
    decline_reason: DeclineReason | None
    decision_note: None | str
    loan_id: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    created_by: None | UUID
    updated_by: None | UUID
    purpose: None | str | Unset = UNSET
    existing_debt_payments: int | Unset = 0
    """ What it already pays on other debts each month. """
    documents: list[Document] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.underwriting import Underwriting

        requested_amount = self.requested_amount

        requested_term = self.requested_term

        monthly_revenue = self.monthly_revenue

        monthly_expenses = self.monthly_expenses

        entrepreneur_id = str(self.entrepreneur_id)

        product_id = str(self.product_id)

        id = str(self.id)

        currency = self.currency

        status = self.status.value

        underwriting: dict[str, Any] | None
        if isinstance(self.underwriting, Underwriting):
            underwriting = self.underwriting.to_dict()
        else:
            underwriting = self.underwriting

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        submitted_by: None | str
        if isinstance(self.submitted_by, UUID):
            submitted_by = str(self.submitted_by)
        else:
            submitted_by = self.submitted_by

        approved_amount: int | None
        approved_amount = self.approved_amount

        approved_term: int | None
        approved_term = self.approved_term

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        if isinstance(self.decided_by, UUID):
            decided_by = str(self.decided_by)
        else:
            decided_by = self.decided_by

        decline_reason: None | str
        if isinstance(self.decline_reason, DeclineReason):
            decline_reason = self.decline_reason.value
        else:
            decline_reason = self.decline_reason

        decision_note: None | str
        decision_note = self.decision_note

        loan_id: None | str
        if isinstance(self.loan_id, UUID):
            loan_id = str(self.loan_id)
        else:
            loan_id = self.loan_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        updated_by: None | str
        if isinstance(self.updated_by, UUID):
            updated_by = str(self.updated_by)
        else:
            updated_by = self.updated_by

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requested_amount": requested_amount,
                "requested_term": requested_term,
                "monthly_revenue": monthly_revenue,
                "monthly_expenses": monthly_expenses,
                "entrepreneur_id": entrepreneur_id,
                "product_id": product_id,
                "id": id,
                "currency": currency,
                "status": status,
                "underwriting": underwriting,
                "submitted_at": submitted_at,
                "submitted_by": submitted_by,
                "approved_amount": approved_amount,
                "approved_term": approved_term,
                "decided_at": decided_at,
                "decided_by": decided_by,
                "decline_reason": decline_reason,
                "decision_note": decision_note,
                "loan_id": loan_id,
                "created_at": created_at,
                "updated_at": updated_at,
                "created_by": created_by,
                "updated_by": updated_by,
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
        from ..models.underwriting import Underwriting

        d = dict(src_dict)
        requested_amount = d.pop("requested_amount")

        requested_term = d.pop("requested_term")

        monthly_revenue = d.pop("monthly_revenue")

        monthly_expenses = d.pop("monthly_expenses")

        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        product_id = UUID(d.pop("product_id"))

        id = UUID(d.pop("id"))

        currency = d.pop("currency")

        status = ApplicationStatus(d.pop("status"))

        def _parse_underwriting(data: object) -> None | Underwriting:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                underwriting_type_0 = Underwriting.from_dict(data)

                return underwriting_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Underwriting, data)

        underwriting = _parse_underwriting(d.pop("underwriting"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        def _parse_submitted_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_by_type_0 = UUID(data)

                return submitted_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by"))

        def _parse_approved_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        approved_amount = _parse_approved_amount(d.pop("approved_amount"))

        def _parse_approved_term(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        approved_term = _parse_approved_term(d.pop("approved_term"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_by_type_0 = UUID(data)

                return decided_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decline_reason(data: object) -> DeclineReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decline_reason_type_0 = DeclineReason(data)

                return decline_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeclineReason | None, data)

        decline_reason = _parse_decline_reason(d.pop("decline_reason"))

        def _parse_decision_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_note = _parse_decision_note(d.pop("decision_note"))

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

        def _parse_updated_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_by_type_0 = UUID(data)

                return updated_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))

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

        loan_application = cls(
            requested_amount=requested_amount,
            requested_term=requested_term,
            monthly_revenue=monthly_revenue,
            monthly_expenses=monthly_expenses,
            entrepreneur_id=entrepreneur_id,
            product_id=product_id,
            id=id,
            currency=currency,
            status=status,
            underwriting=underwriting,
            submitted_at=submitted_at,
            submitted_by=submitted_by,
            approved_amount=approved_amount,
            approved_term=approved_term,
            decided_at=decided_at,
            decided_by=decided_by,
            decline_reason=decline_reason,
            decision_note=decision_note,
            loan_id=loan_id,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
            updated_by=updated_by,
            purpose=purpose,
            existing_debt_payments=existing_debt_payments,
            documents=documents,
        )

        loan_application.additional_properties = d
        return loan_application

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
