from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PayoutCreate")


@_attrs_define
class PayoutCreate:
    round_: int | None | Unset = UNSET
    """ Defaults to the next round; rounds pay out in order. """
    cover_shortfall: bool | Unset = False
    """ If the round is not fully funded, the tenant covers the gap (a guarantee draw, repaid by the late
    contributions). Without it, a short round is 409. """
    paid_on: datetime.date | None | Unset = UNSET
    """ Defaults to today (UTC); never in the future. """

    def to_dict(self) -> dict[str, Any]:
        round_: int | None | Unset
        if isinstance(self.round_, Unset):
            round_ = UNSET
        else:
            round_ = self.round_

        cover_shortfall = self.cover_shortfall

        paid_on: None | str | Unset
        if isinstance(self.paid_on, Unset):
            paid_on = UNSET
        elif isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if round_ is not UNSET:
            field_dict["round"] = round_
        if cover_shortfall is not UNSET:
            field_dict["cover_shortfall"] = cover_shortfall
        if paid_on is not UNSET:
            field_dict["paid_on"] = paid_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_round_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        round_ = _parse_round_(d.pop("round", UNSET))

        cover_shortfall = d.pop("cover_shortfall", UNSET)

        def _parse_paid_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)

                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        paid_on = _parse_paid_on(d.pop("paid_on", UNSET))

        payout_create = cls(
            round_=round_,
            cover_shortfall=cover_shortfall,
            paid_on=paid_on,
        )

        return payout_create
