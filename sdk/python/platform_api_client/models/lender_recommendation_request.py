from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.lender_product import LenderProduct
from ..types import UNSET, Unset

T = TypeVar("T", bound="LenderRecommendationRequest")


@_attrs_define
class LenderRecommendationRequest:
    entrepreneur_id: UUID
    amount: int
    currency: str
    """ ISO 4217 currency code, e.g. `KES`. """
    product: LenderProduct | None | Unset = UNSET
    limit: int | Unset = 10

    def to_dict(self) -> dict[str, Any]:
        entrepreneur_id = str(self.entrepreneur_id)

        amount = self.amount

        currency = self.currency

        product: None | str | Unset
        if isinstance(self.product, Unset):
            product = UNSET
        elif isinstance(self.product, LenderProduct):
            product = self.product.value
        else:
            product = self.product

        limit = self.limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entrepreneur_id": entrepreneur_id,
                "amount": amount,
                "currency": currency,
            }
        )
        if product is not UNSET:
            field_dict["product"] = product
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        def _parse_product(data: object) -> LenderProduct | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_type_0 = LenderProduct(data)

                return product_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LenderProduct | None | Unset, data)

        product = _parse_product(d.pop("product", UNSET))

        limit = d.pop("limit", UNSET)

        lender_recommendation_request = cls(
            entrepreneur_id=entrepreneur_id,
            amount=amount,
            currency=currency,
            product=product,
            limit=limit,
        )

        return lender_recommendation_request
