from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_band import RiskBand

if TYPE_CHECKING:
    from ..models.risk_reason import RiskReason


T = TypeVar("T", bound="Underwriting")


@_attrs_define
class Underwriting:
    """Affordability computed when the application was submitted."""

    installment: int
    """ Largest installment of the quoted schedule. """
    monthly_installment: int
    """ That installment as a monthly amount. """
    net_monthly_cash_flow: int
    """ Revenue minus expenses. """
    monthly_debt_service: int
    """ Existing debt payments plus the installment. """
    free_monthly_cash_flow: int
    """ Net cash flow minus debt service. """
    dscr: None | str
    """ Debt service coverage ratio (net cash flow / debt service), rounded down. """
    minimum_dscr: str
    recommended_max_amount: int
    """ Largest amount within the product's limits that keeps the minimum DSCR; 0 if none does. """
    risk_band: RiskBand
    reasons: list[RiskReason]
    assessed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        installment = self.installment

        monthly_installment = self.monthly_installment

        net_monthly_cash_flow = self.net_monthly_cash_flow

        monthly_debt_service = self.monthly_debt_service

        free_monthly_cash_flow = self.free_monthly_cash_flow

        dscr: None | str
        dscr = self.dscr

        minimum_dscr = self.minimum_dscr

        recommended_max_amount = self.recommended_max_amount

        risk_band = self.risk_band.value

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        assessed_at = self.assessed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "installment": installment,
                "monthly_installment": monthly_installment,
                "net_monthly_cash_flow": net_monthly_cash_flow,
                "monthly_debt_service": monthly_debt_service,
                "free_monthly_cash_flow": free_monthly_cash_flow,
                "dscr": dscr,
                "minimum_dscr": minimum_dscr,
                "recommended_max_amount": recommended_max_amount,
                "risk_band": risk_band,
                "reasons": reasons,
                "assessed_at": assessed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.risk_reason import RiskReason

        d = dict(src_dict)
        installment = d.pop("installment")

        monthly_installment = d.pop("monthly_installment")

        net_monthly_cash_flow = d.pop("net_monthly_cash_flow")

        monthly_debt_service = d.pop("monthly_debt_service")

        free_monthly_cash_flow = d.pop("free_monthly_cash_flow")

        def _parse_dscr(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dscr = _parse_dscr(d.pop("dscr"))

        minimum_dscr = d.pop("minimum_dscr")

        recommended_max_amount = d.pop("recommended_max_amount")

        risk_band = RiskBand(d.pop("risk_band"))

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = RiskReason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        assessed_at = datetime.datetime.fromisoformat(d.pop("assessed_at"))

        underwriting = cls(
            installment=installment,
            monthly_installment=monthly_installment,
            net_monthly_cash_flow=net_monthly_cash_flow,
            monthly_debt_service=monthly_debt_service,
            free_monthly_cash_flow=free_monthly_cash_flow,
            dscr=dscr,
            minimum_dscr=minimum_dscr,
            recommended_max_amount=recommended_max_amount,
            risk_band=risk_band,
            reasons=reasons,
            assessed_at=assessed_at,
        )

        underwriting.additional_properties = d
        return underwriting

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
