from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lender_weights import LenderWeights
    from ..models.mentor_weights import MentorWeights


T = TypeVar("T", bound="MatchingSettings")


@_attrs_define
class MatchingSettings:
    """A tenant's scoring weights (relative, 0-100 each) and hard rules."""

    mentor_weights: MentorWeights | Unset = UNSET
    lender_weights: LenderWeights | Unset = UNSET
    require_shared_language: bool | Unset = True
    """ Recommend only mentors who speak a language of the mentee. """
    require_same_country: bool | Unset = False
    """ Recommend only mentors in the mentee's country. """

    def to_dict(self) -> dict[str, Any]:
        mentor_weights: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mentor_weights, Unset):
            mentor_weights = self.mentor_weights.to_dict()

        lender_weights: dict[str, Any] | Unset = UNSET
        if not isinstance(self.lender_weights, Unset):
            lender_weights = self.lender_weights.to_dict()

        require_shared_language = self.require_shared_language

        require_same_country = self.require_same_country

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mentor_weights is not UNSET:
            field_dict["mentor_weights"] = mentor_weights
        if lender_weights is not UNSET:
            field_dict["lender_weights"] = lender_weights
        if require_shared_language is not UNSET:
            field_dict["require_shared_language"] = require_shared_language
        if require_same_country is not UNSET:
            field_dict["require_same_country"] = require_same_country

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lender_weights import LenderWeights
        from ..models.mentor_weights import MentorWeights

        d = dict(src_dict)
        _mentor_weights = d.pop("mentor_weights", UNSET)
        mentor_weights: MentorWeights | Unset
        if isinstance(_mentor_weights, Unset):
            mentor_weights = UNSET
        else:
            mentor_weights = MentorWeights.from_dict(_mentor_weights)

        _lender_weights = d.pop("lender_weights", UNSET)
        lender_weights: LenderWeights | Unset
        if isinstance(_lender_weights, Unset):
            lender_weights = UNSET
        else:
            lender_weights = LenderWeights.from_dict(_lender_weights)

        require_shared_language = d.pop("require_shared_language", UNSET)

        require_same_country = d.pop("require_same_country", UNSET)

        matching_settings = cls(
            mentor_weights=mentor_weights,
            lender_weights=lender_weights,
            require_shared_language=require_shared_language,
            require_same_country=require_same_country,
        )

        return matching_settings
