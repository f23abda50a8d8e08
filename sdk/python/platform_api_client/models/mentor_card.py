from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gender import Gender
from ..models.sector import Sector
from ..models.stage import Stage

T = TypeVar("T", bound="MentorCard")


@_attrs_define
class MentorCard:
    """What any organisation that may match a mentor sees of it."""

    id: UUID
    network: bool
    """ The mentor belongs to another organisation. """
    display_name: str
    gender: Gender | None
    topics: list[str]
    sectors: list[Sector]
    stages: list[Stage]
    languages: list[str]
    country: str
    region: None | str
    time_zone: None | str
    open_slots: int
    """ Free places for new mentees now. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        network = self.network

        display_name = self.display_name

        gender: None | str
        if isinstance(self.gender, Gender):
            gender = self.gender.value
        else:
            gender = self.gender

        topics = self.topics

        sectors = []
        for sectors_item_data in self.sectors:
            sectors_item = sectors_item_data.value
            sectors.append(sectors_item)

        stages = []
        for stages_item_data in self.stages:
            stages_item = stages_item_data.value
            stages.append(stages_item)

        languages = self.languages

        country = self.country

        region: None | str
        region = self.region

        time_zone: None | str
        time_zone = self.time_zone

        open_slots = self.open_slots

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "network": network,
                "display_name": display_name,
                "gender": gender,
                "topics": topics,
                "sectors": sectors,
                "stages": stages,
                "languages": languages,
                "country": country,
                "region": region,
                "time_zone": time_zone,
                "open_slots": open_slots,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        network = d.pop("network")

        display_name = d.pop("display_name")

        def _parse_gender(data: object) -> Gender | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = Gender(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None, data)

        gender = _parse_gender(d.pop("gender"))

        topics = cast(list[str], d.pop("topics"))

        sectors = []
        _sectors = d.pop("sectors")
        for sectors_item_data in _sectors:
            sectors_item = Sector(sectors_item_data)

            sectors.append(sectors_item)

        stages = []
        _stages = d.pop("stages")
        for stages_item_data in _stages:
            stages_item = Stage(stages_item_data)

            stages.append(stages_item)

        languages = cast(list[str], d.pop("languages"))

        country = d.pop("country")

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        def _parse_time_zone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        time_zone = _parse_time_zone(d.pop("time_zone"))

        open_slots = d.pop("open_slots")

        mentor_card = cls(
            id=id,
            network=network,
            display_name=display_name,
            gender=gender,
            topics=topics,
            sectors=sectors,
            stages=stages,
            languages=languages,
            country=country,
            region=region,
            time_zone=time_zone,
            open_slots=open_slots,
        )

        mentor_card.additional_properties = d
        return mentor_card

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
