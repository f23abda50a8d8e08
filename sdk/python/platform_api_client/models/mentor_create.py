from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.gender import Gender
from ..models.mentor_status import MentorStatus
from ..models.sector import Sector
from ..models.stage import Stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="MentorCreate")


@_attrs_define
class MentorCreate:
    """Everything here is what the mentor shows: if shared, to other organisations too.
    Keep contact details in your own systems.

    """

    display_name: str
    topics: list[str]
    """ Expertise, from GET /v1/matching/topics. """
    languages: list[str]
    country: str
    """ ISO 3166-1 alpha-2 country code, e.g. `KE`. """
    gender: Gender | None | Unset = UNSET
    sectors: list[Sector] | Unset = UNSET
    stages: list[Stage] | Unset = UNSET
    region: None | str | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    status: MentorStatus | Unset = UNSET
    shared_to_network: bool | Unset = False
    """ Other organisations may recommend and match this mentor. """
    max_mentees: int | Unset = 3
    """ Concurrent active matches. """

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        topics = self.topics

        languages = self.languages

        country = self.country

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, Gender):
            gender = self.gender.value
        else:
            gender = self.gender

        sectors: list[str] | Unset = UNSET
        if not isinstance(self.sectors, Unset):
            sectors = []
            for sectors_item_data in self.sectors:
                sectors_item = sectors_item_data.value
                sectors.append(sectors_item)

        stages: list[str] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.value
                stages.append(stages_item)

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

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        shared_to_network = self.shared_to_network

        max_mentees = self.max_mentees

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "display_name": display_name,
                "topics": topics,
                "languages": languages,
                "country": country,
            }
        )
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
        if max_mentees is not UNSET:
            field_dict["max_mentees"] = max_mentees

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        topics = cast(list[str], d.pop("topics"))

        languages = cast(list[str], d.pop("languages"))

        country = d.pop("country")

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

        _sectors = d.pop("sectors", UNSET)
        sectors: list[Sector] | Unset = UNSET
        if _sectors is not UNSET:
            sectors = []
            for sectors_item_data in _sectors:
                sectors_item = Sector(sectors_item_data)

                sectors.append(sectors_item)

        _stages = d.pop("stages", UNSET)
        stages: list[Stage] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = Stage(stages_item_data)

                stages.append(stages_item)

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

        _status = d.pop("status", UNSET)
        status: MentorStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = MentorStatus(_status)

        shared_to_network = d.pop("shared_to_network", UNSET)

        max_mentees = d.pop("max_mentees", UNSET)

        mentor_create = cls(
            display_name=display_name,
            topics=topics,
            languages=languages,
            country=country,
            gender=gender,
            sectors=sectors,
            stages=stages,
            region=region,
            time_zone=time_zone,
            status=status,
            shared_to_network=shared_to_network,
            max_mentees=max_mentees,
        )

        return mentor_create
