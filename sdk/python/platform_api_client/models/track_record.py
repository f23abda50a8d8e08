from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrackRecord")


@_attrs_define
class TrackRecord:
    """How the loans this trustee endorsed are being repaid."""

    endorsements: int
    loans_disbursed: int
    loans_repaid: int
    loans_active: int
    loans_in_arrears: int
    loans_written_off: int
    principal_disbursed: int
    principal_repaid: int
    principal_in_arrears: int
    """ Outstanding on endorsed loans in arrears. """
    principal_written_off: int
    repayment_rate: None | str
    """ 1 - (written off + in arrears) / disbursed, to 4 decimals; null before any endorsed loan is disbursed.
    Amounts of several currencies are added as they are. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        endorsements = self.endorsements

        loans_disbursed = self.loans_disbursed

        loans_repaid = self.loans_repaid

        loans_active = self.loans_active

        loans_in_arrears = self.loans_in_arrears

        loans_written_off = self.loans_written_off

        principal_disbursed = self.principal_disbursed

        principal_repaid = self.principal_repaid

        principal_in_arrears = self.principal_in_arrears

        principal_written_off = self.principal_written_off

        repayment_rate: None | str
        repayment_rate = self.repayment_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "endorsements": endorsements,
                "loans_disbursed": loans_disbursed,
                "loans_repaid": loans_repaid,
                "loans_active": loans_active,
                "loans_in_arrears": loans_in_arrears,
                "loans_written_off": loans_written_off,
                "principal_disbursed": principal_disbursed,
                "principal_repaid": principal_repaid,
                "principal_in_arrears": principal_in_arrears,
                "principal_written_off": principal_written_off,
                "repayment_rate": repayment_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endorsements = d.pop("endorsements")

        loans_disbursed = d.pop("loans_disbursed")

        loans_repaid = d.pop("loans_repaid")

        loans_active = d.pop("loans_active")

        loans_in_arrears = d.pop("loans_in_arrears")

        loans_written_off = d.pop("loans_written_off")

        principal_disbursed = d.pop("principal_disbursed")

        principal_repaid = d.pop("principal_repaid")

        principal_in_arrears = d.pop("principal_in_arrears")

        principal_written_off = d.pop("principal_written_off")

        def _parse_repayment_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        repayment_rate = _parse_repayment_rate(d.pop("repayment_rate"))

        track_record = cls(
            endorsements=endorsements,
            loans_disbursed=loans_disbursed,
            loans_repaid=loans_repaid,
            loans_active=loans_active,
            loans_in_arrears=loans_in_arrears,
            loans_written_off=loans_written_off,
            principal_disbursed=principal_disbursed,
            principal_repaid=principal_repaid,
            principal_in_arrears=principal_in_arrears,
            principal_written_off=principal_written_off,
            repayment_rate=repayment_rate,
        )

        track_record.additional_properties = d
        return track_record

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
