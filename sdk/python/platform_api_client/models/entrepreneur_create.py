from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.gender import Gender
from ..models.sector import Sector
from ..models.stage import Stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="EntrepreneurCreate")


@_attrs_define
class EntrepreneurCreate:
    full_name: str
    country: str
    """ ISO 3166-1 alpha-2 country code, e.g. `KE`. """
    external_ref: None | str | Unset = UNSET
    """ Your own id for this person; unique within your tenant. """
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    gender: Gender | None | Unset = UNSET
    birth_year: int | None | Unset = UNSET
    region: None | str | Unset = UNSET
    business_name: None | str | Unset = UNSET
    sector: None | Sector | Unset = UNSET
    stage: None | Stage | Unset = UNSET
    consent_data_processing: bool | Unset = False
    """ The person agreed to their data being processed. """
    consent_network_sharing: bool | Unset = False
    """ The person agreed to be matched with other organisations' mentors. """
    languages: list[str] | Unset = UNSET
    needs: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        full_name = self.full_name

        country = self.country

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, Gender):
            gender = self.gender.value
        else:
            gender = self.gender

        birth_year: int | None | Unset
        if isinstance(self.birth_year, Unset):
            birth_year = UNSET
        else:
            birth_year = self.birth_year

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        business_name: None | str | Unset
        if isinstance(self.business_name, Unset):
            business_name = UNSET
        else:
            business_name = self.business_name

        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        elif isinstance(self.sector, Sector):
            sector = self.sector.value
        else:
            sector = self.sector

        stage: None | str | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        elif isinstance(self.stage, Stage):
            stage = self.stage.value
        else:
            stage = self.stage

        consent_data_processing = self.consent_data_processing

        consent_network_sharing = self.consent_network_sharing

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        needs: list[str] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = self.needs

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "full_name": full_name,
                "country": country,
            }
        )
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if gender is not UNSET:
            field_dict["gender"] = gender
        if birth_year is not UNSET:
            field_dict["birth_year"] = birth_year
        if region is not UNSET:
            field_dict["region"] = region
        if business_name is not UNSET:
            field_dict["business_name"] = business_name
        if sector is not UNSET:
            field_dict["sector"] = sector
        if stage is not UNSET:
            field_dict["stage"] = stage
        if consent_data_processing is not UNSET:
            field_dict["consent_data_processing"] = consent_data_processing
        if consent_network_sharing is not UNSET:
            field_dict["consent_network_sharing"] = consent_network_sharing
        if languages is not UNSET:
            field_dict["languages"] = languages
        if needs is not UNSET:
            field_dict["needs"] = needs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        full_name = d.pop("full_name")

        country = d.pop("country")

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_gender(data: object) -> Gender | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = Gender(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        def _parse_birth_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        birth_year = _parse_birth_year(d.pop("birth_year", UNSET))

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_business_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_name = _parse_business_name(d.pop("business_name", UNSET))

        def _parse_sector(data: object) -> None | Sector | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sector_type_0 = Sector(data)

                return sector_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sector | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))

        def _parse_stage(data: object) -> None | Stage | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stage_type_0 = Stage(data)

                return stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Stage | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))

        consent_data_processing = d.pop("consent_data_processing", UNSET)

        consent_network_sharing = d.pop("consent_network_sharing", UNSET)

        languages = cast(list[str], d.pop("languages", UNSET))

        needs = cast(list[str], d.pop("needs", UNSET))

        entrepreneur_create = cls(
            full_name=full_name,
            country=country,
            external_ref=external_ref,
            phone=phone,
            email=email,
            gender=gender,
            birth_year=birth_year,
            region=region,
            business_name=business_name,
            sector=sector,
            stage=stage,
            consent_data_processing=consent_data_processing,
            consent_network_sharing=consent_network_sharing,
            languages=languages,
            needs=needs,
        )

        return entrepreneur_create
