from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.match_decline_reason import MatchDeclineReason
from ..models.match_status import MatchStatus
from ..models.side import Side

if TYPE_CHECKING:
    from ..models.criterion_score import CriterionScore
    from ..models.mentee_summary import MenteeSummary
    from ..models.mentor_card import MentorCard


T = TypeVar("T", bound="Match")


@_attrs_define
class Match:
    id: UUID
    side: Side
    cross_tenant: bool
    """ Entrepreneur and mentor are of two organisations. """
    entrepreneur_id: None | UUID
    """ Null for the mentor's side of a cross-tenant match. """
    mentor_id: UUID
    mentor: MentorCard | None
    """ Null if no longer shared with you. """
    mentee: MenteeSummary
    """ What the mentor's side sees of the entrepreneur: no name, contact or age. """
    status: MatchStatus
    score: float | None
    breakdown: list[CriterionScore] | None
    topics: list[str]
    proposed_at: datetime.datetime
    accepted_at: datetime.datetime | None
    declined_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    decline_reason: MatchDeclineReason | None
    decline_note: None | str
    declined_by: None | Side
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.mentor_card import MentorCard

        id = str(self.id)

        side = self.side.value

        cross_tenant = self.cross_tenant

        entrepreneur_id: None | str
        if isinstance(self.entrepreneur_id, UUID):
            entrepreneur_id = str(self.entrepreneur_id)
        else:
            entrepreneur_id = self.entrepreneur_id

        mentor_id = str(self.mentor_id)

        mentor: dict[str, Any] | None
        if isinstance(self.mentor, MentorCard):
            mentor = self.mentor.to_dict()
        else:
            mentor = self.mentor

        mentee = self.mentee.to_dict()

        status = self.status.value

        score: float | None
        score = self.score

        breakdown: list[dict[str, Any]] | None
        if isinstance(self.breakdown, list):
            breakdown = []
            for breakdown_type_0_item_data in self.breakdown:
                breakdown_type_0_item = breakdown_type_0_item_data.to_dict()
                breakdown.append(breakdown_type_0_item)

        else:
            breakdown = self.breakdown

        topics = self.topics

        proposed_at = self.proposed_at.isoformat()

        accepted_at: None | str
        if isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        declined_at: None | str
        if isinstance(self.declined_at, datetime.datetime):
            declined_at = self.declined_at.isoformat()
        else:
            declined_at = self.declined_at

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        decline_reason: None | str
        if isinstance(self.decline_reason, MatchDeclineReason):
            decline_reason = self.decline_reason.value
        else:
            decline_reason = self.decline_reason

        decline_note: None | str
        decline_note = self.decline_note

        declined_by: None | str
        if isinstance(self.declined_by, Side):
            declined_by = self.declined_by.value
        else:
            declined_by = self.declined_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "side": side,
                "cross_tenant": cross_tenant,
                "entrepreneur_id": entrepreneur_id,
                "mentor_id": mentor_id,
                "mentor": mentor,
                "mentee": mentee,
                "status": status,
                "score": score,
                "breakdown": breakdown,
                "topics": topics,
                "proposed_at": proposed_at,
                "accepted_at": accepted_at,
                "declined_at": declined_at,
                "completed_at": completed_at,
                "decline_reason": decline_reason,
                "decline_note": decline_note,
                "declined_by": declined_by,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.criterion_score import CriterionScore
        from ..models.mentee_summary import MenteeSummary
        from ..models.mentor_card import MentorCard

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        side = Side(d.pop("side"))

        cross_tenant = d.pop("cross_tenant")

        def _parse_entrepreneur_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                entrepreneur_id_type_0 = UUID(data)

                return entrepreneur_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        entrepreneur_id = _parse_entrepreneur_id(d.pop("entrepreneur_id"))

        mentor_id = UUID(d.pop("mentor_id"))

        def _parse_mentor(data: object) -> MentorCard | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mentor_type_0 = MentorCard.from_dict(data)

                return mentor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MentorCard | None, data)

        mentor = _parse_mentor(d.pop("mentor"))

        mentee = MenteeSummary.from_dict(d.pop("mentee"))

        status = MatchStatus(d.pop("status"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_breakdown(data: object) -> list[CriterionScore] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                breakdown_type_0 = []
                _breakdown_type_0 = data
                for breakdown_type_0_item_data in _breakdown_type_0:
                    breakdown_type_0_item = CriterionScore.from_dict(breakdown_type_0_item_data)

                    breakdown_type_0.append(breakdown_type_0_item)

                return breakdown_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CriterionScore] | None, data)

        breakdown = _parse_breakdown(d.pop("breakdown"))

        topics = cast(list[str], d.pop("topics"))

        proposed_at = datetime.datetime.fromisoformat(d.pop("proposed_at"))

        def _parse_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at"))

        def _parse_declined_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                declined_at_type_0 = datetime.datetime.fromisoformat(data)

                return declined_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        declined_at = _parse_declined_at(d.pop("declined_at"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_decline_reason(data: object) -> MatchDeclineReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decline_reason_type_0 = MatchDeclineReason(data)

                return decline_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchDeclineReason | None, data)

        decline_reason = _parse_decline_reason(d.pop("decline_reason"))

        def _parse_decline_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decline_note = _parse_decline_note(d.pop("decline_note"))

        def _parse_declined_by(data: object) -> None | Side:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                declined_by_type_0 = Side(data)

                return declined_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side, data)

        declined_by = _parse_declined_by(d.pop("declined_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        match = cls(
            id=id,
            side=side,
            cross_tenant=cross_tenant,
            entrepreneur_id=entrepreneur_id,
            mentor_id=mentor_id,
            mentor=mentor,
            mentee=mentee,
            status=status,
            score=score,
            breakdown=breakdown,
            topics=topics,
            proposed_at=proposed_at,
            accepted_at=accepted_at,
            declined_at=declined_at,
            completed_at=completed_at,
            decline_reason=decline_reason,
            decline_note=decline_note,
            declined_by=declined_by,
            created_at=created_at,
            updated_at=updated_at,
        )

        match.additional_properties = d
        return match

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
