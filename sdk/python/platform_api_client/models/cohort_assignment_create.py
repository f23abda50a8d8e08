from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.mode import Mode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pair import Pair


T = TypeVar("T", bound="CohortAssignmentCreate")


@_attrs_define
class CohortAssignmentCreate:
    entrepreneur_ids: list[UUID]
    mentor_ids: list[UUID]
    mode: Mode | Unset = UNSET
    required_pairs: list[Pair] | Unset = UNSET
    """ Pairs that must be in the assignment. """
    banned_pairs: list[Pair] | Unset = UNSET
    """ Pairs that must not be. """
    min_score: float | Unset = 0.0
    """ Pairs scoring less are out. """
    run_async: bool | None | Unset = UNSET
    """ Run in the background (202, then poll GET). Default: only for large cohorts. """

    def to_dict(self) -> dict[str, Any]:
        entrepreneur_ids = []
        for entrepreneur_ids_item_data in self.entrepreneur_ids:
            entrepreneur_ids_item = str(entrepreneur_ids_item_data)
            entrepreneur_ids.append(entrepreneur_ids_item)

        mentor_ids = []
        for mentor_ids_item_data in self.mentor_ids:
            mentor_ids_item = str(mentor_ids_item_data)
            mentor_ids.append(mentor_ids_item)

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        required_pairs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.required_pairs, Unset):
            required_pairs = []
            for required_pairs_item_data in self.required_pairs:
                required_pairs_item = required_pairs_item_data.to_dict()
                required_pairs.append(required_pairs_item)

        banned_pairs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.banned_pairs, Unset):
            banned_pairs = []
            for banned_pairs_item_data in self.banned_pairs:
                banned_pairs_item = banned_pairs_item_data.to_dict()
                banned_pairs.append(banned_pairs_item)

        min_score = self.min_score

        run_async: bool | None | Unset
        if isinstance(self.run_async, Unset):
            run_async = UNSET
        else:
            run_async = self.run_async

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "entrepreneur_ids": entrepreneur_ids,
                "mentor_ids": mentor_ids,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode
        if required_pairs is not UNSET:
            field_dict["required_pairs"] = required_pairs
        if banned_pairs is not UNSET:
            field_dict["banned_pairs"] = banned_pairs
        if min_score is not UNSET:
            field_dict["min_score"] = min_score
        if run_async is not UNSET:
            field_dict["run_async"] = run_async

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pair import Pair

        d = dict(src_dict)
        entrepreneur_ids = []
        _entrepreneur_ids = d.pop("entrepreneur_ids")
        for entrepreneur_ids_item_data in _entrepreneur_ids:
            entrepreneur_ids_item = UUID(entrepreneur_ids_item_data)

            entrepreneur_ids.append(entrepreneur_ids_item)

        mentor_ids = []
        _mentor_ids = d.pop("mentor_ids")
        for mentor_ids_item_data in _mentor_ids:
            mentor_ids_item = UUID(mentor_ids_item_data)

            mentor_ids.append(mentor_ids_item)

        _mode = d.pop("mode", UNSET)
        mode: Mode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = Mode(_mode)

        _required_pairs = d.pop("required_pairs", UNSET)
        required_pairs: list[Pair] | Unset = UNSET
        if _required_pairs is not UNSET:
            required_pairs = []
            for required_pairs_item_data in _required_pairs:
                required_pairs_item = Pair.from_dict(required_pairs_item_data)

                required_pairs.append(required_pairs_item)

        _banned_pairs = d.pop("banned_pairs", UNSET)
        banned_pairs: list[Pair] | Unset = UNSET
        if _banned_pairs is not UNSET:
            banned_pairs = []
            for banned_pairs_item_data in _banned_pairs:
                banned_pairs_item = Pair.from_dict(banned_pairs_item_data)

                banned_pairs.append(banned_pairs_item)

        min_score = d.pop("min_score", UNSET)

        def _parse_run_async(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        run_async = _parse_run_async(d.pop("run_async", UNSET))

        cohort_assignment_create = cls(
            entrepreneur_ids=entrepreneur_ids,
            mentor_ids=mentor_ids,
            mode=mode,
            required_pairs=required_pairs,
            banned_pairs=banned_pairs,
            min_score=min_score,
            run_async=run_async,
        )

        return cohort_assignment_create
