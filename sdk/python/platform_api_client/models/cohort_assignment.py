from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cohort_status import CohortStatus
from ..models.mode import Mode

if TYPE_CHECKING:
    from ..models.assigned_pair import AssignedPair
    from ..models.unassigned import Unassigned


T = TypeVar("T", bound="CohortAssignment")


@_attrs_define
class CohortAssignment:
    id: UUID
    status: CohortStatus
    mode: Mode
    entrepreneurs: int
    mentors: int
    total_score: float | None
    """ Sum of the assigned pairs' scores. """
    assigned: int | None
    assignment: list[AssignedPair] | None
    unassigned: list[Unassigned] | None
    error: None | str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        mode = self.mode.value

        entrepreneurs = self.entrepreneurs

        mentors = self.mentors

        total_score: float | None
        total_score = self.total_score

        assigned: int | None
        assigned = self.assigned

        assignment: list[dict[str, Any]] | None
        if isinstance(self.assignment, list):
            assignment = []
            for assignment_type_0_item_data in self.assignment:
                assignment_type_0_item = assignment_type_0_item_data.to_dict()
                assignment.append(assignment_type_0_item)

        else:
            assignment = self.assignment

        unassigned: list[dict[str, Any]] | None
        if isinstance(self.unassigned, list):
            unassigned = []
            for unassigned_type_0_item_data in self.unassigned:
                unassigned_type_0_item = unassigned_type_0_item_data.to_dict()
                unassigned.append(unassigned_type_0_item)

        else:
            unassigned = self.unassigned

        error: None | str
        error = self.error

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "mode": mode,
                "entrepreneurs": entrepreneurs,
                "mentors": mentors,
                "total_score": total_score,
                "assigned": assigned,
                "assignment": assignment,
                "unassigned": unassigned,
                "error": error,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.assigned_pair import AssignedPair
        from ..models.unassigned import Unassigned

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = CohortStatus(d.pop("status"))

        mode = Mode(d.pop("mode"))

        entrepreneurs = d.pop("entrepreneurs")

        mentors = d.pop("mentors")

        def _parse_total_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        total_score = _parse_total_score(d.pop("total_score"))

        def _parse_assigned(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assigned = _parse_assigned(d.pop("assigned"))

        def _parse_assignment(data: object) -> list[AssignedPair] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                assignment_type_0 = []
                _assignment_type_0 = data
                for assignment_type_0_item_data in _assignment_type_0:
                    assignment_type_0_item = AssignedPair.from_dict(assignment_type_0_item_data)

                    assignment_type_0.append(assignment_type_0_item)

                return assignment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AssignedPair] | None, data)

        assignment = _parse_assignment(d.pop("assignment"))

        def _parse_unassigned(data: object) -> list[Unassigned] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                unassigned_type_0 = []
                _unassigned_type_0 = data
                for unassigned_type_0_item_data in _unassigned_type_0:
                    unassigned_type_0_item = Unassigned.from_dict(unassigned_type_0_item_data)

                    unassigned_type_0.append(unassigned_type_0_item)

                return unassigned_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Unassigned] | None, data)

        unassigned = _parse_unassigned(d.pop("unassigned"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        cohort_assignment = cls(
            id=id,
            status=status,
            mode=mode,
            entrepreneurs=entrepreneurs,
            mentors=mentors,
            total_score=total_score,
            assigned=assigned,
            assignment=assignment,
            unassigned=unassigned,
            error=error,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        cohort_assignment.additional_properties = d
        return cohort_assignment

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
