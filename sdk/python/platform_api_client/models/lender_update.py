from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.gender import Gender
from ..models.lender_product import LenderProduct
from ..models.lender_status import LenderStatus
from ..models.sector import Sector
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lender_funds import LenderFunds


T = TypeVar("T", bound="LenderUpdate")


@_attrs_define
class LenderUpdate:
    external_ref: None | str | Unset = UNSET
    """ Your own id for this lender; unique within your tenant. """
    sectors: list[Sector] | None | Unset = UNSET
    countries: list[str] | None | Unset = UNSET
    regions: list[str] | None | Unset = UNSET
    products: list[LenderProduct] | None | Unset = UNSET
    gender_focus: Gender | None | Unset = UNSET
    youth_focus: bool | None | Unset = UNSET
    status: LenderStatus | None | Unset = UNSET
    display_name: None | str | Unset = UNSET
    funds: list[LenderFunds] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        sectors: list[str] | None | Unset
        if isinstance(self.sectors, Unset):
            sectors = UNSET
        elif isinstance(self.sectors, list):
            sectors = []
            for sectors_type_0_item_data in self.sectors:
                sectors_type_0_item = sectors_type_0_item_data.value
                sectors.append(sectors_type_0_item)

        else:
            sectors = self.sectors

        countries: list[str] | None | Unset
        if isinstance(self.countries, Unset):
            countries = UNSET
        elif isinstance(self.countries, list):
            countries = self.countries

        else:
            countries = self.countries

        regions: list[str] | None | Unset
        if isinstance(self.regions, Unset):
            regions = UNSET
        elif isinstance(self.regions, list):
            regions = self.regions

        else:
            regions = self.regions

        products: list[str] | None | Unset
        if isinstance(self.products, Unset):
            products = UNSET
        elif isinstance(self.products, list):
            products = []
            for products_type_0_item_data in self.products:
                products_type_0_item = products_type_0_item_data.value
                products.append(products_type_0_item)

        else:
            products = self.products

        gender_focus: None | str | Unset
        if isinstance(self.gender_focus, Unset):
            gender_focus = UNSET
        elif isinstance(self.gender_focus, Gender):
            gender_focus = self.gender_focus.value
        else:
            gender_focus = self.gender_focus

        youth_focus: bool | None | Unset
        if isinstance(self.youth_focus, Unset):
            youth_focus = UNSET
        else:
            youth_focus = self.youth_focus

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, LenderStatus):
            status = self.status.value
        else:
            status = self.status

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        funds: list[dict[str, Any]] | None | Unset
        if isinstance(self.funds, Unset):
            funds = UNSET
        elif isinstance(self.funds, list):
            funds = []
            for funds_type_0_item_data in self.funds:
                funds_type_0_item = funds_type_0_item_data.to_dict()
                funds.append(funds_type_0_item)

        else:
            funds = self.funds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if sectors is not UNSET:
            field_dict["sectors"] = sectors
        if countries is not UNSET:
            field_dict["countries"] = countries
        if regions is not UNSET:
            field_dict["regions"] = regions
        if products is not UNSET:
            field_dict["products"] = products
        if gender_focus is not UNSET:
            field_dict["gender_focus"] = gender_focus
        if youth_focus is not UNSET:
            field_dict["youth_focus"] = youth_focus
        if status is not UNSET:
            field_dict["status"] = status
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if funds is not UNSET:
            field_dict["funds"] = funds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lender_funds import LenderFunds

        d = dict(src_dict)

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_sectors(data: object) -> list[Sector] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sectors_type_0 = []
                _sectors_type_0 = data
                for sectors_type_0_item_data in _sectors_type_0:
                    sectors_type_0_item = Sector(sectors_type_0_item_data)

                    sectors_type_0.append(sectors_type_0_item)

                return sectors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Sector] | None | Unset, data)

        sectors = _parse_sectors(d.pop("sectors", UNSET))

        def _parse_countries(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                countries_type_0 = cast(list[str], data)

                return countries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        countries = _parse_countries(d.pop("countries", UNSET))

        def _parse_regions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                regions_type_0 = cast(list[str], data)

                return regions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        regions = _parse_regions(d.pop("regions", UNSET))

        def _parse_products(data: object) -> list[LenderProduct] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                products_type_0 = []
                _products_type_0 = data
                for products_type_0_item_data in _products_type_0:
                    products_type_0_item = LenderProduct(products_type_0_item_data)

                    products_type_0.append(products_type_0_item)

                return products_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LenderProduct] | None | Unset, data)

        products = _parse_products(d.pop("products", UNSET))

        def _parse_gender_focus(data: object) -> Gender | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_focus_type_0 = Gender(data)

                return gender_focus_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None | Unset, data)

        gender_focus = _parse_gender_focus(d.pop("gender_focus", UNSET))

        def _parse_youth_focus(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        youth_focus = _parse_youth_focus(d.pop("youth_focus", UNSET))

        def _parse_status(data: object) -> LenderStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = LenderStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LenderStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_funds(data: object) -> list[LenderFunds] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                funds_type_0 = []
                _funds_type_0 = data
                for funds_type_0_item_data in _funds_type_0:
                    funds_type_0_item = LenderFunds.from_dict(funds_type_0_item_data)

                    funds_type_0.append(funds_type_0_item)

                return funds_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LenderFunds] | None | Unset, data)

        funds = _parse_funds(d.pop("funds", UNSET))

        lender_update = cls(
            external_ref=external_ref,
            sectors=sectors,
            countries=countries,
            regions=regions,
            products=products,
            gender_focus=gender_focus,
            youth_focus=youth_focus,
            status=status,
            display_name=display_name,
            funds=funds,
        )

        return lender_update
