from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MatchCreate")


@_attrs_define
class MatchCreate:
    entrepreneur_id: UUID
    mentor_id: UUID
    topics: list[str] | Unset = UNSET
    """ What to work on. """

    def to_dict(self) -> dict[str, Any]:
        entrepreneur_id = str(self.entrepreneur_id)

        mentor_id = str(self.mentor_id)

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = self.topics

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entrepreneur_id": entrepreneur_id,
                "mentor_id": mentor_id,
            }
        )
        if topics is not UNSET:
            field_dict["topics"] = topics

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        mentor_id = UUID(d.pop("mentor_id"))

        topics = cast(list[str], d.pop("topics", UNSET))

        match_create = cls(
            entrepreneur_id=entrepreneur_id,
            mentor_id=mentor_id,
            topics=topics,
        )

        return match_create
