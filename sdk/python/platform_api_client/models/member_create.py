from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberCreate")


@_attrs_define
class MemberCreate:
    entrepreneur_id: UUID
    bid: int | None | Unset = UNSET
    """ Required with the `bid` payout order, refused otherwise. """

    def to_dict(self) -> dict[str, Any]:
        entrepreneur_id = str(self.entrepreneur_id)

        bid: int | None | Unset
        if isinstance(self.bid, Unset):
            bid = UNSET
        else:
            bid = self.bid

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entrepreneur_id": entrepreneur_id,
            }
        )
        if bid is not UNSET:
            field_dict["bid"] = bid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        def _parse_bid(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bid = _parse_bid(d.pop("bid", UNSET))

        member_create = cls(
            entrepreneur_id=entrepreneur_id,
            bid=bid,
        )

        return member_create
