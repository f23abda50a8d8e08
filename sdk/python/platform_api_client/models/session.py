from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_channel import SessionChannel
from ..models.side import Side

T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    id: UUID
    match_id: UUID
    held_on: datetime.date
    minutes: int
    channel: SessionChannel
    topics: list[str]
    entrepreneur_rating: int | None
    mentor_rating: int | None
    logged_by: Side
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        match_id = str(self.match_id)

        held_on = self.held_on.isoformat()

        minutes = self.minutes

        channel = self.channel.value

        topics = self.topics

        entrepreneur_rating: int | None
        entrepreneur_rating = self.entrepreneur_rating

        mentor_rating: int | None
        mentor_rating = self.mentor_rating

        logged_by = self.logged_by.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "match_id": match_id,
                "held_on": held_on,
                "minutes": minutes,
                "channel": channel,
                "topics": topics,
                "entrepreneur_rating": entrepreneur_rating,
                "mentor_rating": mentor_rating,
                "logged_by": logged_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        match_id = UUID(d.pop("match_id"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        minutes = d.pop("minutes")

        channel = SessionChannel(d.pop("channel"))

        topics = cast(list[str], d.pop("topics"))

        def _parse_entrepreneur_rating(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        entrepreneur_rating = _parse_entrepreneur_rating(d.pop("entrepreneur_rating"))

        def _parse_mentor_rating(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        mentor_rating = _parse_mentor_rating(d.pop("mentor_rating"))

        logged_by = Side(d.pop("logged_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        session = cls(
            id=id,
            match_id=match_id,
            held_on=held_on,
            minutes=minutes,
            channel=channel,
            topics=topics,
            entrepreneur_rating=entrepreneur_rating,
            mentor_rating=mentor_rating,
            logged_by=logged_by,
            created_at=created_at,
        )

        session.additional_properties = d
        return session

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
