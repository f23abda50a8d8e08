from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.gender import Gender
from ..types import UNSET, Unset

T = TypeVar("T", bound="MentorRecommendationRequest")


@_attrs_define
class MentorRecommendationRequest:
    entrepreneur_id: UUID
    limit: int | Unset = 10
    include_network: bool | Unset = False
    """ Also recommend mentors other organisations share (only if the entrepreneur consented to network sharing).
    """
    time_zone: None | str | Unset = UNSET
    """ The entrepreneur's, to compare with mentors abroad. """
    preferred_mentor_gender: Gender | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        entrepreneur_id = str(self.entrepreneur_id)

        limit = self.limit

        include_network = self.include_network

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        preferred_mentor_gender: None | str | Unset
        if isinstance(self.preferred_mentor_gender, Unset):
            preferred_mentor_gender = UNSET
        elif isinstance(self.preferred_mentor_gender, Gender):
            preferred_mentor_gender = self.preferred_mentor_gender.value
        else:
            preferred_mentor_gender = self.preferred_mentor_gender

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entrepreneur_id": entrepreneur_id,
            }
        )
        if limit is not UNSET:
            field_dict["limit"] = limit
        if include_network is not UNSET:
            field_dict["include_network"] = include_network
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if preferred_mentor_gender is not UNSET:
            field_dict["preferred_mentor_gender"] = preferred_mentor_gender

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        limit = d.pop("limit", UNSET)

        include_network = d.pop("include_network", UNSET)

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))

        def _parse_preferred_mentor_gender(data: object) -> Gender | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                preferred_mentor_gender_type_0 = Gender(data)

                return preferred_mentor_gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None | Unset, data)

        preferred_mentor_gender = _parse_preferred_mentor_gender(
            d.pop("preferred_mentor_gender", UNSET)
        )

        mentor_recommendation_request = cls(
            entrepreneur_id=entrepreneur_id,
            limit=limit,
            include_network=include_network,
            time_zone=time_zone,
            preferred_mentor_gender=preferred_mentor_gender,
        )

        return mentor_recommendation_request
