from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sector import Sector
from ..models.stage import Stage

T = TypeVar("T", bound="MenteeSummary")


@_attrs_define
class MenteeSummary:
    """What the mentor's side sees of the entrepreneur: no name, contact or age."""

    country: str
    sector: None | Sector
    stage: None | Stage
    languages: list[str]
    needs: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        sector: None | str
        if isinstance(self.sector, Sector):
            sector = self.sector.value
        else:
            sector = self.sector

        stage: None | str
        if isinstance(self.stage, Stage):
            stage = self.stage.value
        else:
            stage = self.stage

        languages = self.languages

        needs = self.needs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "sector": sector,
                "stage": stage,
                "languages": languages,
                "needs": needs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        country = d.pop("country")

        def _parse_sector(data: object) -> None | Sector:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sector_type_0 = Sector(data)

                return sector_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sector, data)

        sector = _parse_sector(d.pop("sector"))

        def _parse_stage(data: object) -> None | Stage:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = Stage(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stage, data)

        stage = _parse_stage(d.pop("stage"))

        languages = cast(list[str], d.pop("languages"))

        needs = cast(list[str], d.pop("needs"))

        mentee_summary = cls(
            country=country,
            sector=sector,
            stage=stage,
            languages=languages,
            needs=needs,
        )

        mentee_summary.additional_properties = d
        return mentee_summary

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
