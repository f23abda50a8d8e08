from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant_create_settings import TenantCreateSettings


T = TypeVar("T", bound="TenantCreate")


@_attrs_define
class TenantCreate:
    name: str
    country: str
    """ ISO 3166-1 alpha-2 country code, e.g. `KE`. """
    default_currency: str
    """ ISO 4217 currency code, e.g. `KES`. """
    settings: TenantCreateSettings | Unset = UNSET
    """ Tenant-wide settings (e.g. matching weights); at most 50 keys, 32 levels deep and 16 KiB. """

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        country = self.country

        default_currency = self.default_currency

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "country": country,
                "default_currency": default_currency,
            }
        )
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tenant_create_settings import TenantCreateSettings

        d = dict(src_dict)
        name = d.pop("name")

        country = d.pop("country")

        default_currency = d.pop("default_currency")

        _settings = d.pop("settings", UNSET)
        settings: TenantCreateSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = TenantCreateSettings.from_dict(_settings)

        tenant_create = cls(
            name=name,
            country=country,
            default_currency=default_currency,
            settings=settings,
        )

        return tenant_create
