from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MentorWeights")


@_attrs_define
class MentorWeights:
    expertise: int | Unset = 40
    sector: int | Unset = 20
    stage: int | Unset = 10
    location: int | Unset = 20
    gender: int | Unset = 10

    def to_dict(self) -> dict[str, Any]:
        expertise = self.expertise

        sector = self.sector

        stage = self.stage

        location = self.location

        gender = self.gender

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if expertise is not UNSET:
            field_dict["expertise"] = expertise
        if sector is not UNSET:
            field_dict["sector"] = sector
        if stage is not UNSET:
            field_dict["stage"] = stage
        if location is not UNSET:
            field_dict["location"] = location
        if gender is not UNSET:
            field_dict["gender"] = gender

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        expertise = d.pop("expertise", UNSET)

        sector = d.pop("sector", UNSET)

        stage = d.pop("stage", UNSET)

        location = d.pop("location", UNSET)

        gender = d.pop("gender", UNSET)

        mentor_weights = cls(
            expertise=expertise,
            sector=sector,
            stage=stage,
            location=location,
            gender=gender,
        )

        return mentor_weights
