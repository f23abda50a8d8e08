from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EndorsementRuleUpdate")


@_attrs_define
class EndorsementRuleUpdate:
    required_endorsements: int
    """ Endorsements an application needs before approval; 0 for none. """

    def to_dict(self) -> dict[str, Any]:
        required_endorsements = self.required_endorsements

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "required_endorsements": required_endorsements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        required_endorsements = d.pop("required_endorsements")

        endorsement_rule_update = cls(
            required_endorsements=required_endorsements,
        )

        return endorsement_rule_update
