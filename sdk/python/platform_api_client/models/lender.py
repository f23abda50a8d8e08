from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gender import Gender
from ..models.lender_product import LenderProduct
from ..models.lender_status import LenderStatus
from ..models.sector import Sector

if TYPE_CHECKING:
    from ..models.lender_funds import LenderFunds


T = TypeVar("T", bound="Lender")


@_attrs_define
class Lender:
    id: UUID
    display_name: str
    external_ref: None | str
    funds: list[LenderFunds]
    sectors: list[Sector]
    countries: list[str]
    regions: list[str]
    products: list[LenderProduct]
    gender_focus: Gender | None
    youth_focus: bool
    status: LenderStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        display_name = self.display_name

        external_ref: None | str
        external_ref = self.external_ref

        funds = []
        for funds_item_data in self.funds:
            funds_item = funds_item_data.to_dict()
            funds.append(funds_item)

        sectors = []
        for sectors_item_data in self.sectors:
            sectors_item = sectors_item_data.value
            sectors.append(sectors_item)

        countries = self.countries

        regions = self.regions

        products = []
        for products_item_data in self.products:
            products_item = products_item_data.value
            products.append(products_item)

        gender_focus: None | str
        if isinstance(self.gender_focus, Gender):
            gender_focus = self.gender_focus.value
        else:
            gender_focus = self.gender_focus

        youth_focus = self.youth_focus

        status = self.status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "display_name": display_name,
                "external_ref": external_ref,
                "funds": funds,
                "sectors": sectors,
                "countries": countries,
                "regions": regions,
                "products": products,
                "gender_focus": gender_focus,
                "youth_focus": youth_focus,
                "status": status,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lender_funds import LenderFunds

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        display_name = d.pop("display_name")

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        funds = []
        _funds = d.pop("funds")
        for funds_item_data in _funds:
            funds_item = LenderFunds.from_dict(funds_item_data)

            funds.append(funds_item)

        sectors = []
        _sectors = d.pop("sectors")
        for sectors_item_data in _sectors:
            sectors_item = Sector(sectors_item_data)

            sectors.append(sectors_item)

        countries = cast(list[str], d.pop("countries"))

        regions = cast(list[str], d.pop("regions"))

        products = []
        _products = d.pop("products")
        for products_item_data in _products:
            products_item = LenderProduct(products_item_data)

            products.append(products_item)

        def _parse_gender_focus(data: object) -> Gender | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_focus_type_0 = Gender(data)

                return gender_focus_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None, data)

        gender_focus = _parse_gender_focus(d.pop("gender_focus"))

        youth_focus = d.pop("youth_focus")

        status = LenderStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        lender = cls(
            id=id,
            display_name=display_name,
            external_ref=external_ref,
            funds=funds,
            sectors=sectors,
            countries=countries,
            regions=regions,
            products=products,
            gender_focus=gender_focus,
            youth_focus=youth_focus,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
        )

        lender.additional_properties = d
        return lender

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
