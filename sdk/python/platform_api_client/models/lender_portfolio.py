from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.portfolio_loan import PortfolioLoan
    from ..models.portfolio_totals import PortfolioTotals


T = TypeVar("T", bound="LenderPortfolio")


@_attrs_define
class LenderPortfolio:
    """A lender's share of the loans it funded (never summed across currencies)."""

    lender_id: UUID
    as_of: datetime.date
    totals: list[PortfolioTotals]
    loans: list[PortfolioLoan]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lender_id = str(self.lender_id)

        as_of = self.as_of.isoformat()

        totals = []
        for totals_item_data in self.totals:
            totals_item = totals_item_data.to_dict()
            totals.append(totals_item)

        loans = []
        for loans_item_data in self.loans:
            loans_item = loans_item_data.to_dict()
            loans.append(loans_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lender_id": lender_id,
                "as_of": as_of,
                "totals": totals,
                "loans": loans,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.portfolio_loan import PortfolioLoan
        from ..models.portfolio_totals import PortfolioTotals

        d = dict(src_dict)
        lender_id = UUID(d.pop("lender_id"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        totals = []
        _totals = d.pop("totals")
        for totals_item_data in _totals:
            totals_item = PortfolioTotals.from_dict(totals_item_data)

            totals.append(totals_item)

        loans = []
        _loans = d.pop("loans")
        for loans_item_data in _loans:
            loans_item = PortfolioLoan.from_dict(loans_item_data)

            loans.append(loans_item)

        lender_portfolio = cls(
            lender_id=lender_id,
            as_of=as_of,
            totals=totals,
            loans=loans,
        )

        lender_portfolio.additional_properties = d
        return lender_portfolio

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
