from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_details_amounts import AuditDetailsAmounts
    from ..models.audit_details_related import AuditDetailsRelated


T = TypeVar("T", bound="AuditDetails")


@_attrs_define
class AuditDetails:
    """The facts of the action; absent keys did not apply."""

    currency: None | str | Unset = UNSET
    """ ISO 4217 code of every amount. """
    amounts: AuditDetailsAmounts | Unset = UNSET
    """ Amounts in the currency's minor unit, by role (e.g. `amount`, `principal`, `interest`, `fees`, `approved`,
    `requested`). """
    from_state: None | str | Unset = UNSET
    """ The resource's state before. """
    to_state: None | str | Unset = UNSET
    """ The resource's state after. """
    reason: None | str | Unset = UNSET
    """ A reason code (e.g. a decline reason). Free-text reasons and notes are kept on the resource, where they can
    be anonymised, never here. """
    related: AuditDetailsRelated | Unset = UNSET
    """ Ids of the parts involved (e.g. `repayment_id`, `contribution_id`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        amounts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.amounts, Unset):
            amounts = self.amounts.to_dict()

        from_state: None | str | Unset
        if isinstance(self.from_state, Unset):
            from_state = UNSET
        else:
            from_state = self.from_state

        to_state: None | str | Unset
        if isinstance(self.to_state, Unset):
            to_state = UNSET
        else:
            to_state = self.to_state

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        related: dict[str, Any] | Unset = UNSET
        if not isinstance(self.related, Unset):
            related = self.related.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if currency is not UNSET:
            field_dict["currency"] = currency
        if amounts is not UNSET:
            field_dict["amounts"] = amounts
        if from_state is not UNSET:
            field_dict["from_state"] = from_state
        if to_state is not UNSET:
            field_dict["to_state"] = to_state
        if reason is not UNSET:
            field_dict["reason"] = reason
        if related is not UNSET:
            field_dict["related"] = related

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_details_amounts import AuditDetailsAmounts
        from ..models.audit_details_related import AuditDetailsRelated

        d = dict(src_dict)

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        _amounts = d.pop("amounts", UNSET)
        amounts: AuditDetailsAmounts | Unset
        if isinstance(_amounts, Unset):
            amounts = UNSET
        else:
            amounts = AuditDetailsAmounts.from_dict(_amounts)

        def _parse_from_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_state = _parse_from_state(d.pop("from_state", UNSET))

        def _parse_to_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_state = _parse_to_state(d.pop("to_state", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        _related = d.pop("related", UNSET)
        related: AuditDetailsRelated | Unset
        if isinstance(_related, Unset):
            related = UNSET
        else:
            related = AuditDetailsRelated.from_dict(_related)

        audit_details = cls(
            currency=currency,
            amounts=amounts,
            from_state=from_state,
            to_state=to_state,
            reason=reason,
            related=related,
        )

        audit_details.additional_properties = d
        return audit_details

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
