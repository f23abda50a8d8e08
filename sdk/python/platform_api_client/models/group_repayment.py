from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channel import Channel
from ..models.repayment_split import RepaymentSplit

if TYPE_CHECKING:
    from ..models.repayment_part import RepaymentPart


T = TypeVar("T", bound="GroupRepayment")


@_attrs_define
class GroupRepayment:
    id: UUID
    group_id: UUID
    amount: int
    currency: str
    paid_on: datetime.date
    channel: Channel
    external_reference: None | str
    split_rule: RepaymentSplit
    """ How a whole-group repayment is shared among the members' active loans. """
    parts: list[RepaymentPart]
    """ Posted to each member's loan; sums to amount. """
    created_at: datetime.datetime
    created_by: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        group_id = str(self.group_id)

        amount = self.amount

        currency = self.currency

        paid_on = self.paid_on.isoformat()

        channel = self.channel.value

        external_reference: None | str
        external_reference = self.external_reference

        split_rule = self.split_rule.value

        parts = []
        for parts_item_data in self.parts:
            parts_item = parts_item_data.to_dict()
            parts.append(parts_item)

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
                "group_id": group_id,
                "amount": amount,
                "currency": currency,
                "paid_on": paid_on,
                "channel": channel,
                "external_reference": external_reference,
                "split_rule": split_rule,
                "parts": parts,
                "created_at": created_at,
                "created_by": created_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.repayment_part import RepaymentPart

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        group_id = UUID(d.pop("group_id"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        channel = Channel(d.pop("channel"))

        def _parse_external_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_reference = _parse_external_reference(d.pop("external_reference"))

        split_rule = RepaymentSplit(d.pop("split_rule"))

        parts = []
        _parts = d.pop("parts")
        for parts_item_data in _parts:
            parts_item = RepaymentPart.from_dict(parts_item_data)

            parts.append(parts_item)

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

        group_repayment = cls(
            id=id,
            group_id=group_id,
            amount=amount,
            currency=currency,
            paid_on=paid_on,
            channel=channel,
            external_reference=external_reference,
            split_rule=split_rule,
            parts=parts,
            created_at=created_at,
            created_by=created_by,
        )

        group_repayment.additional_properties = d
        return group_repayment

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
