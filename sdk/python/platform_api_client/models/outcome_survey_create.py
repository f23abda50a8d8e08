from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.revenue_band import RevenueBand
from ..models.survey_kind import SurveyKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OutcomeSurveyCreate")


@_attrs_define
class OutcomeSurveyCreate:
    kind: SurveyKind
    surveyed_on: datetime.date
    """ When the answers were collected (not in the future). """
    earns_from_own_business: bool
    """ The person currently earns income from their own business. """
    earns_from_gigs: bool
    """ The person currently earns income from gig or casual work. """
    revenue_band: None | RevenueBand | Unset = UNSET
    employees: int | None | Unset = UNSET
    """ People the business employs, owner excluded. """

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        surveyed_on = self.surveyed_on.isoformat()

        earns_from_own_business = self.earns_from_own_business

        earns_from_gigs = self.earns_from_gigs

        revenue_band: None | str | Unset
        if isinstance(self.revenue_band, Unset):
            revenue_band = UNSET
        elif isinstance(self.revenue_band, RevenueBand):
            revenue_band = self.revenue_band.value
        else:
            revenue_band = self.revenue_band

        employees: int | None | Unset
        if isinstance(self.employees, Unset):
            employees = UNSET
        else:
            employees = self.employees

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "surveyed_on": surveyed_on,
                "earns_from_own_business": earns_from_own_business,
                "earns_from_gigs": earns_from_gigs,
            }
        )
        if revenue_band is not UNSET:
            field_dict["revenue_band"] = revenue_band
        if employees is not UNSET:
            field_dict["employees"] = employees

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = SurveyKind(d.pop("kind"))

        surveyed_on = datetime.date.fromisoformat(d.pop("surveyed_on"))

        earns_from_own_business = d.pop("earns_from_own_business")

        earns_from_gigs = d.pop("earns_from_gigs")

        def _parse_revenue_band(data: object) -> None | RevenueBand | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revenue_band_type_0 = RevenueBand(data)

                return revenue_band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RevenueBand | Unset, data)

        revenue_band = _parse_revenue_band(d.pop("revenue_band", UNSET))

        def _parse_employees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        employees = _parse_employees(d.pop("employees", UNSET))

        outcome_survey_create = cls(
            kind=kind,
            surveyed_on=surveyed_on,
            earns_from_own_business=earns_from_own_business,
            earns_from_gigs=earns_from_gigs,
            revenue_band=revenue_band,
            employees=employees,
        )

        return outcome_survey_create
