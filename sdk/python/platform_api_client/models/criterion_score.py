from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.criterion import Criterion

T = TypeVar("T", bound="CriterionScore")


@_attrs_define
class CriterionScore:
    criterion: Criterion
    weight: int
    """ The tenant's weight for it. """
    value: float
    """ How well it is met, 0-1. """
    points: float
    """ Its share of the 0-100 score. """
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        criterion = self.criterion.value

        weight = self.weight

        value = self.value

        points = self.points

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "criterion": criterion,
                "weight": weight,
                "value": value,
                "points": points,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        criterion = Criterion(d.pop("criterion"))

        weight = d.pop("weight")

        value = d.pop("value")

        points = d.pop("points")

        reason = d.pop("reason")

        criterion_score = cls(
            criterion=criterion,
            weight=weight,
            value=value,
            points=points,
            reason=reason,
        )

        criterion_score.additional_properties = d
        return criterion_score

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
