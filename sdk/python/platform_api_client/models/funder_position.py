from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funder_kind import FunderKind

T = TypeVar("T", bound="FunderPosition")


@_attrs_define
class FunderPosition:
    """A funder's share of a loan: each repayment, the outstanding balance and the loss are
    split pro rata to the commitments, to the minor unit.

    """

    funder: FunderKind
    lender_id: None | UUID
    committed: int
    repaid: int
    outstanding: int
    lost: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        funder = self.funder.value

        lender_id: None | str
        if isinstance(self.lender_id, UUID):
            lender_id = str(self.lender_id)
        else:
            lender_id = self.lender_id

        committed = self.committed

        repaid = self.repaid

        outstanding = self.outstanding

        lost = self.lost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "funder": funder,
                "lender_id": lender_id,
                "committed": committed,
                "repaid": repaid,
                "outstanding": outstanding,
                "lost": lost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        funder = FunderKind(d.pop("funder"))

        def _parse_lender_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lender_id_type_0 = UUID(data)

                return lender_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        lender_id = _parse_lender_id(d.pop("lender_id"))

        committed = d.pop("committed")

        repaid = d.pop("repaid")

        outstanding = d.pop("outstanding")

        lost = d.pop("lost")

        funder_position = cls(
            funder=funder,
            lender_id=lender_id,
            committed=committed,
            repaid=repaid,
            outstanding=outstanding,
            lost=lost,
        )

        funder_position.additional_properties = d
        return funder_position

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
