from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entrepreneur_status import EntrepreneurStatus
from ..models.gender import Gender
from ..models.sector import Sector
from ..models.stage import Stage

T = TypeVar("T", bound="Entrepreneur")


@_attrs_define
class Entrepreneur:
    id: UUID
    external_ref: None | str
    full_name: None | str
    phone: None | str
    email: None | str
    gender: Gender | None
    birth_year: int | None
    country: str
    region: None | str
    languages: list[str]
    business_name: None | str
    sector: None | Sector
    stage: None | Stage
    needs: list[str]
    consent_data_processing: bool
    consent_network_sharing: bool
    status: EntrepreneurStatus
    anonymised_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        external_ref: None | str
        external_ref = self.external_ref

        full_name: None | str
        full_name = self.full_name

        phone: None | str
        phone = self.phone

        email: None | str
        email = self.email

        gender: None | str
        if isinstance(self.gender, Gender):
            gender = self.gender.value
        else:
            gender = self.gender

        birth_year: int | None
        birth_year = self.birth_year

        country = self.country

        region: None | str
        region = self.region

        languages = self.languages

        business_name: None | str
        business_name = self.business_name

        sector: None | str
        if isinstance(self.sector, Sector):
            sector = self.sector.value
        else:
            sector = self.sector

        stage: None | str
        if isinstance(self.stage, Stage):
            stage = self.stage.value
        else:
            stage = self.stage

        needs = self.needs

        consent_data_processing = self.consent_data_processing

        consent_network_sharing = self.consent_network_sharing

        status = self.status.value

        anonymised_at: None | str
        if isinstance(self.anonymised_at, datetime.datetime):
            anonymised_at = self.anonymised_at.isoformat()
        else:
            anonymised_at = self.anonymised_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "external_ref": external_ref,
                "full_name": full_name,
                "phone": phone,
                "email": email,
                "gender": gender,
                "birth_year": birth_year,
                "country": country,
                "region": region,
                "languages": languages,
                "business_name": business_name,
                "sector": sector,
                "stage": stage,
                "needs": needs,
                "consent_data_processing": consent_data_processing,
                "consent_network_sharing": consent_network_sharing,
                "status": status,
                "anonymised_at": anonymised_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        def _parse_full_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        full_name = _parse_full_name(d.pop("full_name"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_gender(data: object) -> Gender | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = Gender(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None, data)

        gender = _parse_gender(d.pop("gender"))

        def _parse_birth_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        birth_year = _parse_birth_year(d.pop("birth_year"))

        country = d.pop("country")

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        languages = cast(list[str], d.pop("languages"))

        def _parse_business_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        business_name = _parse_business_name(d.pop("business_name"))

        def _parse_sector(data: object) -> None | Sector:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sector_type_0 = Sector(data)

                return sector_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sector, data)

        sector = _parse_sector(d.pop("sector"))

        def _parse_stage(data: object) -> None | Stage:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = Stage(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stage, data)

        stage = _parse_stage(d.pop("stage"))

        needs = cast(list[str], d.pop("needs"))

        consent_data_processing = d.pop("consent_data_processing")

        consent_network_sharing = d.pop("consent_network_sharing")

        status = EntrepreneurStatus(d.pop("status"))

        def _parse_anonymised_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                anonymised_at_type_0 = datetime.datetime.fromisoformat(data)

                return anonymised_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        anonymised_at = _parse_anonymised_at(d.pop("anonymised_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        entrepreneur = cls(
            id=id,
            external_ref=external_ref,
            full_name=full_name,
            phone=phone,
            email=email,
            gender=gender,
            birth_year=birth_year,
            country=country,
            region=region,
            languages=languages,
            business_name=business_name,
            sector=sector,
            stage=stage,
            needs=needs,
            consent_data_processing=consent_data_processing,
            consent_network_sharing=consent_network_sharing,
            status=status,
            anonymised_at=anonymised_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        entrepreneur.additional_properties = d
        return entrepreneur

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
