from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.criterion_score import CriterionScore
    from ..models.lender import Lender


T = TypeVar("T", bound="LenderRecommendation")


@_attrs_define
class LenderRecommendation:
    lender: Lender
    score: float
    breakdown: list[CriterionScore]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lender = self.lender.to_dict()

        score = self.score

        breakdown = []
        for breakdown_item_data in self.breakdown:
            breakdown_item = breakdown_item_data.to_dict()
            breakdown.append(breakdown_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lender": lender,
                "score": score,
                "breakdown": breakdown,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.criterion_score import CriterionScore
        from ..models.lender import Lender

        d = dict(src_dict)
        lender = Lender.from_dict(d.pop("lender"))

        score = d.pop("score")

        breakdown = []
        _breakdown = d.pop("breakdown")
        for breakdown_item_data in _breakdown:
            breakdown_item = CriterionScore.from_dict(breakdown_item_data)

            breakdown.append(breakdown_item)

        lender_recommendation = cls(
            lender=lender,
            score=score,
            breakdown=breakdown,
        )

        lender_recommendation.additional_properties = d
        return lender_recommendation

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
