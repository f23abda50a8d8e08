from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.session_channel import SessionChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionCreate")


@_attrs_define
class SessionCreate:
    held_on: datetime.date
    minutes: int
    channel: SessionChannel
    topics: list[str] | Unset = UNSET
    entrepreneur_rating: int | None | Unset = UNSET
    """ 1-5, by the mentee. """
    mentor_rating: int | None | Unset = UNSET
    """ 1-5, by the mentor. """

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        minutes = self.minutes

        channel = self.channel.value

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = self.topics

        entrepreneur_rating: int | None | Unset
        if isinstance(self.entrepreneur_rating, Unset):
            entrepreneur_rating = UNSET
        else:
            entrepreneur_rating = self.entrepreneur_rating

        mentor_rating: int | None | Unset
        if isinstance(self.mentor_rating, Unset):
            mentor_rating = UNSET
        else:
            mentor_rating = self.mentor_rating

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "minutes": minutes,
                "channel": channel,
            }
        )
        if topics is not UNSET:
            field_dict["topics"] = topics
        if entrepreneur_rating is not UNSET:
            field_dict["entrepreneur_rating"] = entrepreneur_rating
        if mentor_rating is not UNSET:
            field_dict["mentor_rating"] = mentor_rating

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        minutes = d.pop("minutes")

        channel = SessionChannel(d.pop("channel"))

        topics = cast(list[str], d.pop("topics", UNSET))

        def _parse_entrepreneur_rating(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        entrepreneur_rating = _parse_entrepreneur_rating(d.pop("entrepreneur_rating", UNSET))

        def _parse_mentor_rating(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        mentor_rating = _parse_mentor_rating(d.pop("mentor_rating", UNSET))

        session_create = cls(
            held_on=held_on,
            minutes=minutes,
            channel=channel,
            topics=topics,
            entrepreneur_rating=entrepreneur_rating,
            mentor_rating=mentor_rating,
        )

        return session_create
