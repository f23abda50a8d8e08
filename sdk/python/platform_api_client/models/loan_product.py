from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.allocation_target import AllocationTarget
from ..models.day_count import DayCount
from ..models.frequency_unit import FrequencyUnit
from ..models.interest_calculation import InterestCalculation
from ..models.interest_method import InterestMethod
from ..models.product_kind import ProductKind
from ..models.upfront_fee_mode import UpfrontFeeMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="LoanProduct")


@_attrs_define
class LoanProduct:
    name: str
    """ Unique within your tenant. """
    annual_rate: str
    """ Nominal annual rate as a fraction: `"0.18"` is 18% (at most 1000%). """
    min_principal: int
    """ Minor units of `currency`. """
    max_principal: int
    """ Minor units of `currency`. """
    default_principal: int
    """ Minor units of `currency`. """
    min_term: int
    """ Number of installments. """
    max_term: int
    """ Number of installments. """
    default_term: int
    """ Number of installments. """
    currency: str
    """ ISO 4217 currency code, e.g. `KES`. """
    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: None | str | Unset = UNSET
    kind: ProductKind | Unset = UNSET
    interest_method: InterestMethod | Unset = UNSET
    interest_calculation: InterestCalculation | Unset = UNSET
    day_count: DayCount | Unset = UNSET
    repayment_every: int | Unset = 1
    repayment_unit: FrequencyUnit | Unset = UNSET
    grace_on_principal: int | Unset = 0
    """ First installments that pay interest only. """
    grace_on_interest_payment: int | Unset = 0
    """ First installments that defer their interest to the next one. """
    grace_interest_free: int | Unset = 0
    """ First periods in which no interest accrues. """
    upfront_fee_flat: int | Unset = 0
    """ Minor units of `currency`. """
    upfront_fee_rate: str | Unset = "0"
    """ Fraction of the principal: `"0.02"` is 2%. """
    upfront_fee_mode: UpfrontFeeMode | Unset = UNSET
    installment_fee: int | Unset = 0
    """ Minor units of `currency`. """
    installment_multiple_of: int | None | Unset = UNSET
    """ Round installments to multiples of this many minor units. """
    allocation_order: list[AllocationTarget] | Unset = UNSET
    """ Order in which a repayment pays what is due. """
    arrears_tolerance_amount: int | Unset = 0
    """ An overdue amount at or below this is not in arrears. """
    arrears_tolerance_days: int | Unset = 0
    """ Days after a due date before it counts as in arrears. """
    active: bool | Unset = True
    """ Inactive products cannot be quoted. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        annual_rate = self.annual_rate

        min_principal = self.min_principal

        max_principal = self.max_principal

        default_principal = self.default_principal

        min_term = self.min_term

        max_term = self.max_term

        default_term = self.default_term

        currency = self.currency

        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        interest_method: str | Unset = UNSET
        if not isinstance(self.interest_method, Unset):
            interest_method = self.interest_method.value

        interest_calculation: str | Unset = UNSET
        if not isinstance(self.interest_calculation, Unset):
            interest_calculation = self.interest_calculation.value

        day_count: str | Unset = UNSET
        if not isinstance(self.day_count, Unset):
            day_count = self.day_count.value

        repayment_every = self.repayment_every

        repayment_unit: str | Unset = UNSET
        if not isinstance(self.repayment_unit, Unset):
            repayment_unit = self.repayment_unit.value

        grace_on_principal = self.grace_on_principal

        grace_on_interest_payment = self.grace_on_interest_payment

        grace_interest_free = self.grace_interest_free

        upfront_fee_flat = self.upfront_fee_flat

        upfront_fee_rate = self.upfront_fee_rate

        upfront_fee_mode: str | Unset = UNSET
        if not isinstance(self.upfront_fee_mode, Unset):
            upfront_fee_mode = self.upfront_fee_mode.value

        installment_fee = self.installment_fee

        installment_multiple_of: int | None | Unset
        if isinstance(self.installment_multiple_of, Unset):
            installment_multiple_of = UNSET
        else:
            installment_multiple_of = self.installment_multiple_of

        allocation_order: list[str] | Unset = UNSET
        if not isinstance(self.allocation_order, Unset):
            allocation_order = []
            for allocation_order_item_data in self.allocation_order:
                allocation_order_item = allocation_order_item_data.value
                allocation_order.append(allocation_order_item)

        arrears_tolerance_amount = self.arrears_tolerance_amount

        arrears_tolerance_days = self.arrears_tolerance_days

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "annual_rate": annual_rate,
                "min_principal": min_principal,
                "max_principal": max_principal,
                "default_principal": default_principal,
                "min_term": min_term,
                "max_term": max_term,
                "default_term": default_term,
                "currency": currency,
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if kind is not UNSET:
            field_dict["kind"] = kind
        if interest_method is not UNSET:
            field_dict["interest_method"] = interest_method
        if interest_calculation is not UNSET:
            field_dict["interest_calculation"] = interest_calculation
        if day_count is not UNSET:
            field_dict["day_count"] = day_count
        if repayment_every is not UNSET:
            field_dict["repayment_every"] = repayment_every
        if repayment_unit is not UNSET:
            field_dict["repayment_unit"] = repayment_unit
        if grace_on_principal is not UNSET:
            field_dict["grace_on_principal"] = grace_on_principal
        if grace_on_interest_payment is not UNSET:
            field_dict["grace_on_interest_payment"] = grace_on_interest_payment
        if grace_interest_free is not UNSET:
            field_dict["grace_interest_free"] = grace_interest_free
        if upfront_fee_flat is not UNSET:
            field_dict["upfront_fee_flat"] = upfront_fee_flat
        if upfront_fee_rate is not UNSET:
            field_dict["upfront_fee_rate"] = upfront_fee_rate
        if upfront_fee_mode is not UNSET:
            field_dict["upfront_fee_mode"] = upfront_fee_mode
        if installment_fee is not UNSET:
            field_dict["installment_fee"] = installment_fee
        if installment_multiple_of is not UNSET:
            field_dict["installment_multiple_of"] = installment_multiple_of
        if allocation_order is not UNSET:
            field_dict["allocation_order"] = allocation_order
        if arrears_tolerance_amount is not UNSET:
            field_dict["arrears_tolerance_amount"] = arrears_tolerance_amount
        if arrears_tolerance_days is not UNSET:
            field_dict["arrears_tolerance_days"] = arrears_tolerance_days
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        annual_rate = d.pop("annual_rate")

        min_principal = d.pop("min_principal")

        max_principal = d.pop("max_principal")

        default_principal = d.pop("default_principal")

        min_term = d.pop("min_term")

        max_term = d.pop("max_term")

        default_term = d.pop("default_term")

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: ProductKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ProductKind(_kind)

        _interest_method = d.pop("interest_method", UNSET)
        interest_method: InterestMethod | Unset
        if isinstance(_interest_method, Unset):
            interest_method = UNSET
        else:
            interest_method = InterestMethod(_interest_method)

        _interest_calculation = d.pop("interest_calculation", UNSET)
        interest_calculation: InterestCalculation | Unset
        if isinstance(_interest_calculation, Unset):
            interest_calculation = UNSET
        else:
            interest_calculation = InterestCalculation(_interest_calculation)

        _day_count = d.pop("day_count", UNSET)
        day_count: DayCount | Unset
        if isinstance(_day_count, Unset):
            day_count = UNSET
        else:
            day_count = DayCount(_day_count)

        repayment_every = d.pop("repayment_every", UNSET)

        _repayment_unit = d.pop("repayment_unit", UNSET)
        repayment_unit: FrequencyUnit | Unset
        if isinstance(_repayment_unit, Unset):
            repayment_unit = UNSET
        else:
            repayment_unit = FrequencyUnit(_repayment_unit)

        grace_on_principal = d.pop("grace_on_principal", UNSET)

        grace_on_interest_payment = d.pop("grace_on_interest_payment", UNSET)

        grace_interest_free = d.pop("grace_interest_free", UNSET)

        upfront_fee_flat = d.pop("upfront_fee_flat", UNSET)

        upfront_fee_rate = d.pop("upfront_fee_rate", UNSET)

        _upfront_fee_mode = d.pop("upfront_fee_mode", UNSET)
        upfront_fee_mode: UpfrontFeeMode | Unset
        if isinstance(_upfront_fee_mode, Unset):
            upfront_fee_mode = UNSET
        else:
            upfront_fee_mode = UpfrontFeeMode(_upfront_fee_mode)

        installment_fee = d.pop("installment_fee", UNSET)

        def _parse_installment_multiple_of(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        installment_multiple_of = _parse_installment_multiple_of(
            d.pop("installment_multiple_of", UNSET)
        )

        _allocation_order = d.pop("allocation_order", UNSET)
        allocation_order: list[AllocationTarget] | Unset = UNSET
        if _allocation_order is not UNSET:
            allocation_order = []
            for allocation_order_item_data in _allocation_order:
                allocation_order_item = AllocationTarget(allocation_order_item_data)

                allocation_order.append(allocation_order_item)

        arrears_tolerance_amount = d.pop("arrears_tolerance_amount", UNSET)

        arrears_tolerance_days = d.pop("arrears_tolerance_days", UNSET)

        active = d.pop("active", UNSET)

        loan_product = cls(
            name=name,
            annual_rate=annual_rate,
            min_principal=min_principal,
            max_principal=max_principal,
            default_principal=default_principal,
            min_term=min_term,
            max_term=max_term,
            default_term=default_term,
            currency=currency,
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
            kind=kind,
            interest_method=interest_method,
            interest_calculation=interest_calculation,
            day_count=day_count,
            repayment_every=repayment_every,
            repayment_unit=repayment_unit,
            grace_on_principal=grace_on_principal,
            grace_on_interest_payment=grace_on_interest_payment,
            grace_interest_free=grace_interest_free,
            upfront_fee_flat=upfront_fee_flat,
            upfront_fee_rate=upfront_fee_rate,
            upfront_fee_mode=upfront_fee_mode,
            installment_fee=installment_fee,
            installment_multiple_of=installment_multiple_of,
            allocation_order=allocation_order,
            arrears_tolerance_amount=arrears_tolerance_amount,
            arrears_tolerance_days=arrears_tolerance_days,
            active=active,
        )

        loan_product.additional_properties = d
        return loan_product

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
