from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tenant_status import TenantStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_update_settings_type_0 import TenantUpdateSettingsType0


T = TypeVar("T", bound="TenantUpdate")


@_attrs_define
class TenantUpdate:
    """Only the fields sent are changed. `status: suspended` stops the tenant's tokens
    at once.

    """

    name: None | str | Unset = UNSET
    default_currency: None | str | Unset = UNSET
    status: None | TenantStatus | Unset = UNSET
    settings: None | TenantUpdateSettingsType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.tenant_update_settings_type_0 import TenantUpdateSettingsType0

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        default_currency: None | str | Unset
        if isinstance(self.default_currency, Unset):
            default_currency = UNSET
        else:
            default_currency = self.default_currency

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, TenantStatus):
            status = self.status.value
        else:
            status = self.status

        settings: dict[str, Any] | None | Unset
        if isinstance(self.settings, Unset):
            settings = UNSET
        elif isinstance(self.settings, TenantUpdateSettingsType0):
            settings = self.settings.to_dict()
        else:
            settings = self.settings

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if default_currency is not UNSET:
            field_dict["default_currency"] = default_currency
        if status is not UNSET:
            field_dict["status"] = status
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_update_settings_type_0 import TenantUpdateSettingsType0

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_default_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_currency = _parse_default_currency(d.pop("default_currency", UNSET))

        def _parse_status(data: object) -> None | TenantStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = TenantStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_settings(data: object) -> None | TenantUpdateSettingsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                settings_type_0 = TenantUpdateSettingsType0.from_dict(data)

                return settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TenantUpdateSettingsType0 | Unset, data)

        settings = _parse_settings(d.pop("settings", UNSET))

        tenant_update = cls(
            name=name,
            default_currency=default_currency,
            status=status,
            settings=settings,
        )

        return tenant_update
