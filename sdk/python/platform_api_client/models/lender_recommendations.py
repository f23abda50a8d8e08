from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.lender_recommendation import LenderRecommendation


T = TypeVar("T", bound="LenderRecommendations")


@_attrs_define
class LenderRecommendations:
    entrepreneur_id: UUID
    data: list[LenderRecommendation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entrepreneur_id = str(self.entrepreneur_id)

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entrepreneur_id": entrepreneur_id,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lender_recommendation import LenderRecommendation

        d = dict(src_dict)
        entrepreneur_id = UUID(d.pop("entrepreneur_id"))

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = LenderRecommendation.from_dict(data_item_data)

            data.append(data_item)

        lender_recommendations = cls(
            entrepreneur_id=entrepreneur_id,
            data=data,
        )

        lender_recommendations.additional_properties = d
        return lender_recommendations

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
