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


T = TypeVar("T", bound="LenderCreate")


@_attrs_define
class LenderCreate:
    """Lending criteria. Empty sectors, countries or products mean "any"."""

    display_name: str
    funds: list[LenderFunds]
    external_ref: None | str | Unset = UNSET
    """ Your own id for this lender; unique within your tenant. """
    sectors: list[Sector] | Unset = UNSET
    countries: list[str] | Unset = UNSET
    regions: list[str] | Unset = UNSET
    products: list[LenderProduct] | Unset = UNSET
    gender_focus: Gender | None | Unset = UNSET
    youth_focus: bool | Unset = False
    status: LenderStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        funds = []
        for funds_item_data in self.funds:
            funds_item = funds_item_data.to_dict()
            funds.append(funds_item)

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        sectors: list[str] | Unset = UNSET
        if not isinstance(self.sectors, Unset):
            sectors = []
            for sectors_item_data in self.sectors:
                sectors_item = sectors_item_data.value
                sectors.append(sectors_item)

        countries: list[str] | Unset = UNSET
        if not isinstance(self.countries, Unset):
            countries = self.countries

        regions: list[str] | Unset = UNSET
        if not isinstance(self.regions, Unset):
            regions = self.regions

        products: list[str] | Unset = UNSET
        if not isinstance(self.products, Unset):
            products = []
            for products_item_data in self.products:
                products_item = products_item_data.value
                products.append(products_item)

        gender_focus: None | str | Unset
        if isinstance(self.gender_focus, Unset):
            gender_focus = UNSET
        elif isinstance(self.gender_focus, Gender):
            gender_focus = self.gender_focus.value
        else:
            gender_focus = self.gender_focus

        youth_focus = self.youth_focus

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "display_name": display_name,
                "funds": funds,
            }
        )
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lender_funds import LenderFunds

        d = dict(src_dict)
        display_name = d.pop("display_name")

        funds = []
        _funds = d.pop("funds")
        for funds_item_data in _funds:
            funds_item = LenderFunds.from_dict(funds_item_data)

            funds.append(funds_item)

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        _sectors = d.pop("sectors", UNSET)
        sectors: list[Sector] | Unset = UNSET
        if _sectors is not UNSET:
            sectors = []
            for sectors_item_data in _sectors:
                sectors_item = Sector(sectors_item_data)

                sectors.append(sectors_item)

        countries = cast(list[str], d.pop("countries", UNSET))

        regions = cast(list[str], d.pop("regions", UNSET))

        _products = d.pop("products", UNSET)
        products: list[LenderProduct] | Unset = UNSET
        if _products is not UNSET:
            products = []
            for products_item_data in _products:
                products_item = LenderProduct(products_item_data)

                products.append(products_item)

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

        youth_focus = d.pop("youth_focus", UNSET)

        _status = d.pop("status", UNSET)
        status: LenderStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = LenderStatus(_status)

        lender_create = cls(
            display_name=display_name,
            funds=funds,
            external_ref=external_ref,
            sectors=sectors,
            countries=countries,
            regions=regions,
            products=products,
            gender_focus=gender_focus,
            youth_focus=youth_focus,
            status=status,
        )

        return lender_create
