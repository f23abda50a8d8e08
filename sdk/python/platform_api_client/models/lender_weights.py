from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LenderWeights")


@_attrs_define
class LenderWeights:
    sector: int | Unset = 25
    region: int | Unset = 25
    product: int | Unset = 15
    funds: int | Unset = 20
    focus: int | Unset = 15

    def to_dict(self) -> dict[str, Any]:
        sector = self.sector

        region = self.region

        product = self.product

        funds = self.funds

        focus = self.focus

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if sector is not UNSET:
            field_dict["sector"] = sector
        if region is not UNSET:
            field_dict["region"] = region
        if product is not UNSET:
            field_dict["product"] = product
        if funds is not UNSET:
            field_dict["funds"] = funds
        if focus is not UNSET:
            field_dict["focus"] = focus

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sector = d.pop("sector", UNSET)

        region = d.pop("region", UNSET)

        product = d.pop("product", UNSET)

        funds = d.pop("funds", UNSET)

        focus = d.pop("focus", UNSET)

        lender_weights = cls(
            sector=sector,
            region=region,
            product=product,
            funds=funds,
            focus=focus,
        )

        return lender_weights
