from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_action import AuditAction
from ..models.audit_actor_kind import AuditActorKind
from ..models.audit_resource_type import AuditResourceType

if TYPE_CHECKING:
    from ..models.audit_details import AuditDetails


T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """One entry of the tenant's append-only audit log."""

    id: UUID
    occurred_at: datetime.datetime
    """ When (the database's clock). """
    actor_id: UUID
    """ The API client that acted. """
    actor_kind: AuditActorKind
    """ The kind of principal that acted: today only a tenant's own clients move money or
    decide (the operator and funders cannot). """
    action: AuditAction
    """ Every action the log records (`<resource>[.<part>].<past-tense verb>`). """
    resource_type: AuditResourceType
    """ What an action is about: the aggregate whose trail it belongs to (a repayment is
    part of its loan's trail; its own id is in `details.related`). """
    resource_id: UUID
    request_id: None | str
    """ The `X-Request-ID` of the request it was made in. """
    details: AuditDetails
    """ The facts of the action; absent keys did not apply. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        actor_id = str(self.actor_id)

        actor_kind = self.actor_kind.value

        action = self.action.value

        resource_type = self.resource_type.value

        resource_id = str(self.resource_id)

        request_id: None | str
        request_id = self.request_id

        details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "occurred_at": occurred_at,
                "actor_id": actor_id,
                "actor_kind": actor_kind,
                "action": action,
                "resource_type": resource_type,
                "resource_id": resource_id,
                "request_id": request_id,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_details import AuditDetails

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        actor_id = UUID(d.pop("actor_id"))

        actor_kind = AuditActorKind(d.pop("actor_kind"))

        action = AuditAction(d.pop("action"))

        resource_type = AuditResourceType(d.pop("resource_type"))

        resource_id = UUID(d.pop("resource_id"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        details = AuditDetails.from_dict(d.pop("details"))

        audit_event = cls(
            id=id,
            occurred_at=occurred_at,
            actor_id=actor_id,
            actor_kind=actor_kind,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            request_id=request_id,
            details=details,
        )

        audit_event.additional_properties = d
        return audit_event

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
