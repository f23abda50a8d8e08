from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Disbursement")


@_attrs_define
class Disbursement:
    disbursement_date: datetime.date | None | Unset = UNSET
    """ Defaults to today (UTC); never in the future. A past date records a disbursement made earlier (e.g. loans
    moved from another system). """
    first_repayment_date: datetime.date | None | Unset = UNSET
    """ Defaults to one repayment period after disbursement. """
    tenant_top_up: bool | Unset = False
    """ For a crowd-funded application not fully funded: the tenant funds the rest now (else disbursement waits for
    full funding, 409). """

    def to_dict(self) -> dict[str, Any]:
        disbursement_date: None | str | Unset
        if isinstance(self.disbursement_date, Unset):
            disbursement_date = UNSET
        elif isinstance(self.disbursement_date, datetime.date):
            disbursement_date = self.disbursement_date.isoformat()
        else:
            disbursement_date = self.disbursement_date

        first_repayment_date: None | str | Unset
        if isinstance(self.first_repayment_date, Unset):
            first_repayment_date = UNSET
        elif isinstance(self.first_repayment_date, datetime.date):
            first_repayment_date = self.first_repayment_date.isoformat()
        else:
            first_repayment_date = self.first_repayment_date

        tenant_top_up = self.tenant_top_up

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if disbursement_date is not UNSET:
            field_dict["disbursement_date"] = disbursement_date
        if first_repayment_date is not UNSET:
            field_dict["first_repayment_date"] = first_repayment_date
        if tenant_top_up is not UNSET:
            field_dict["tenant_top_up"] = tenant_top_up

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_disbursement_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disbursement_date_type_0 = datetime.date.fromisoformat(data)

                return disbursement_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        disbursement_date = _parse_disbursement_date(d.pop("disbursement_date", UNSET))

        def _parse_first_repayment_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_repayment_date_type_0 = datetime.date.fromisoformat(data)

                return first_repayment_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        first_repayment_date = _parse_first_repayment_date(d.pop("first_repayment_date", UNSET))

        tenant_top_up = d.pop("tenant_top_up", UNSET)

        disbursement = cls(
            disbursement_date=disbursement_date,
            first_repayment_date=first_repayment_date,
            tenant_top_up=tenant_top_up,
        )

        return disbursement
