from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.gender import Gender
from ..models.mentor_status import MentorStatus
from ..models.sector import Sector
from ..models.stage import Stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="MentorUpdate")


@_attrs_define
class MentorUpdate:
    """Only the fields sent are changed; send `null` to clear an optional field."""

    gender: Gender | None | Unset = UNSET
    sectors: list[Sector] | None | Unset = UNSET
    stages: list[Stage] | None | Unset = UNSET
    region: None | str | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    status: MentorStatus | None | Unset = UNSET
    shared_to_network: bool | None | Unset = UNSET
    display_name: None | str | Unset = UNSET
    topics: list[str] | None | Unset = UNSET
    languages: list[str] | None | Unset = UNSET
    country: None | str | Unset = UNSET
    max_mentees: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, Gender):
            gender = self.gender.value
        else:
            gender = self.gender

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

        stages: list[str] | None | Unset
        if isinstance(self.stages, Unset):
            stages = UNSET
        elif isinstance(self.stages, list):
            stages = []
            for stages_type_0_item_data in self.stages:
                stages_type_0_item = stages_type_0_item_data.value
                stages.append(stages_type_0_item)

        else:
            stages = self.stages

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, MentorStatus):
            status = self.status.value
        else:
            status = self.status

        shared_to_network: bool | None | Unset
        if isinstance(self.shared_to_network, Unset):
            shared_to_network = UNSET
        else:
            shared_to_network = self.shared_to_network

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        topics: list[str] | None | Unset
        if isinstance(self.topics, Unset):
            topics = UNSET
        elif isinstance(self.topics, list):
            topics = self.topics

        else:
            topics = self.topics

        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages

        else:
            languages = self.languages

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        max_mentees: int | None | Unset
        if isinstance(self.max_mentees, Unset):
            max_mentees = UNSET
        else:
            max_mentees = self.max_mentees

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if gender is not UNSET:
            field_dict["gender"] = gender
        if sectors is not UNSET:
            field_dict["sectors"] = sectors
        if stages is not UNSET:
            field_dict["stages"] = stages
        if region is not UNSET:
            field_dict["region"] = region
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if status is not UNSET:
            field_dict["status"] = status
        if shared_to_network is not UNSET:
            field_dict["shared_to_network"] = shared_to_network
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if topics is not UNSET:
            field_dict["topics"] = topics
        if languages is not UNSET:
            field_dict["languages"] = languages
        if country is not UNSET:
            field_dict["country"] = country
        if max_mentees is not UNSET:
            field_dict["max_mentees"] = max_mentees

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_gender(data: object) -> Gender | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = Gender(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

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

        def _parse_stages(data: object) -> list[Stage] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                stages_type_0 = []
                _stages_type_0 = data
                for stages_type_0_item_data in _stages_type_0:
                    stages_type_0_item = Stage(stages_type_0_item_data)

                    stages_type_0.append(stages_type_0_item)

                return stages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Stage] | None | Unset, data)

        stages = _parse_stages(d.pop("stages", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        def _parse_status(data: object) -> MentorStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = MentorStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MentorStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_shared_to_network(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        shared_to_network = _parse_shared_to_network(d.pop("shared_to_network", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_topics(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                topics_type_0 = cast(list[str], data)

                return topics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        topics = _parse_topics(d.pop("topics", UNSET))

        def _parse_languages(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                languages_type_0 = cast(list[str], data)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_max_mentees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_mentees = _parse_max_mentees(d.pop("max_mentees", UNSET))

        mentor_update = cls(
            gender=gender,
            sectors=sectors,
            stages=stages,
            region=region,
            time_zone=time_zone,
            status=status,
            shared_to_network=shared_to_network,
            display_name=display_name,
            topics=topics,
            languages=languages,
            country=country,
            max_mentees=max_mentees,
        )

        return mentor_update
