from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.allocation_target import AllocationTarget
from ..models.day_count import DayCount
from ..models.frequency_unit import FrequencyUnit
from ..models.interest_calculation import InterestCalculation
from ..models.interest_method import InterestMethod
from ..models.product_kind import ProductKind
from ..models.upfront_fee_mode import UpfrontFeeMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="LoanProductUpdate")


@_attrs_define
class LoanProductUpdate:
    """Any subset of the terms; the whole product must still be valid afterwards. The
    currency cannot change: create a new product instead.

    """

    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    kind: None | ProductKind | Unset = UNSET
    interest_method: InterestMethod | None | Unset = UNSET
    annual_rate: None | str | Unset = UNSET
    interest_calculation: InterestCalculation | None | Unset = UNSET
    day_count: DayCount | None | Unset = UNSET
    repayment_every: int | None | Unset = UNSET
    repayment_unit: FrequencyUnit | None | Unset = UNSET
    min_principal: int | None | Unset = UNSET
    max_principal: int | None | Unset = UNSET
    default_principal: int | None | Unset = UNSET
    min_term: int | None | Unset = UNSET
    max_term: int | None | Unset = UNSET
    default_term: int | None | Unset = UNSET
    grace_on_principal: int | None | Unset = UNSET
    grace_on_interest_payment: int | None | Unset = UNSET
    grace_interest_free: int | None | Unset = UNSET
    upfront_fee_flat: int | None | Unset = UNSET
    upfront_fee_rate: None | str | Unset = UNSET
    upfront_fee_mode: None | Unset | UpfrontFeeMode = UNSET
    installment_fee: int | None | Unset = UNSET
    installment_multiple_of: int | None | Unset = UNSET
    allocation_order: list[AllocationTarget] | None | Unset = UNSET
    arrears_tolerance_amount: int | None | Unset = UNSET
    arrears_tolerance_days: int | None | Unset = UNSET
    active: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, ProductKind):
            kind = self.kind.value
        else:
            kind = self.kind

        interest_method: None | str | Unset
        if isinstance(self.interest_method, Unset):
            interest_method = UNSET
        elif isinstance(self.interest_method, InterestMethod):
            interest_method = self.interest_method.value
        else:
            interest_method = self.interest_method

        annual_rate: None | str | Unset
        if isinstance(self.annual_rate, Unset):
            annual_rate = UNSET
        else:
            annual_rate = self.annual_rate

        interest_calculation: None | str | Unset
        if isinstance(self.interest_calculation, Unset):
            interest_calculation = UNSET
        elif isinstance(self.interest_calculation, InterestCalculation):
            interest_calculation = self.interest_calculation.value
        else:
            interest_calculation = self.interest_calculation

        day_count: None | str | Unset
        if isinstance(self.day_count, Unset):
            day_count = UNSET
        elif isinstance(self.day_count, DayCount):
            day_count = self.day_count.value
        else:
            day_count = self.day_count

        repayment_every: int | None | Unset
        if isinstance(self.repayment_every, Unset):
            repayment_every = UNSET
        else:
            repayment_every = self.repayment_every

        repayment_unit: None | str | Unset
        if isinstance(self.repayment_unit, Unset):
            repayment_unit = UNSET
        elif isinstance(self.repayment_unit, FrequencyUnit):
            repayment_unit = self.repayment_unit.value
        else:
            repayment_unit = self.repayment_unit

        min_principal: int | None | Unset
        if isinstance(self.min_principal, Unset):
            min_principal = UNSET
        else:
            min_principal = self.min_principal

        max_principal: int | None | Unset
        if isinstance(self.max_principal, Unset):
            max_principal = UNSET
        else:
            max_principal = self.max_principal

        default_principal: int | None | Unset
        if isinstance(self.default_principal, Unset):
            default_principal = UNSET
        else:
            default_principal = self.default_principal

        min_term: int | None | Unset
        if isinstance(self.min_term, Unset):
            min_term = UNSET
        else:
            min_term = self.min_term

        max_term: int | None | Unset
        if isinstance(self.max_term, Unset):
            max_term = UNSET
        else:
            max_term = self.max_term

        default_term: int | None | Unset
        if isinstance(self.default_term, Unset):
            default_term = UNSET
        else:
            default_term = self.default_term

        grace_on_principal: int | None | Unset
        if isinstance(self.grace_on_principal, Unset):
            grace_on_principal = UNSET
        else:
            grace_on_principal = self.grace_on_principal

        grace_on_interest_payment: int | None | Unset
        if isinstance(self.grace_on_interest_payment, Unset):
            grace_on_interest_payment = UNSET
        else:
            grace_on_interest_payment = self.grace_on_interest_payment

        grace_interest_free: int | None | Unset
        if isinstance(self.grace_interest_free, Unset):
            grace_interest_free = UNSET
        else:
            grace_interest_free = self.grace_interest_free

        upfront_fee_flat: int | None | Unset
        if isinstance(self.upfront_fee_flat, Unset):
            upfront_fee_flat = UNSET
        else:
            upfront_fee_flat = self.upfront_fee_flat

        upfront_fee_rate: None | str | Unset
        if isinstance(self.upfront_fee_rate, Unset):
            upfront_fee_rate = UNSET
        else:
            upfront_fee_rate = self.upfront_fee_rate

        upfront_fee_mode: None | str | Unset
        if isinstance(self.upfront_fee_mode, Unset):
            upfront_fee_mode = UNSET
        elif isinstance(self.upfront_fee_mode, UpfrontFeeMode):
            upfront_fee_mode = self.upfront_fee_mode.value
        else:
            upfront_fee_mode = self.upfront_fee_mode

        installment_fee: int | None | Unset
        if isinstance(self.installment_fee, Unset):
            installment_fee = UNSET
        else:
            installment_fee = self.installment_fee

        installment_multiple_of: int | None | Unset
        if isinstance(self.installment_multiple_of, Unset):
            installment_multiple_of = UNSET
        else:
            installment_multiple_of = self.installment_multiple_of

        allocation_order: list[str] | None | Unset
        if isinstance(self.allocation_order, Unset):
            allocation_order = UNSET
        elif isinstance(self.allocation_order, list):
            allocation_order = []
            for allocation_order_type_0_item_data in self.allocation_order:
                allocation_order_type_0_item = allocation_order_type_0_item_data.value
                allocation_order.append(allocation_order_type_0_item)

        else:
            allocation_order = self.allocation_order

        arrears_tolerance_amount: int | None | Unset
        if isinstance(self.arrears_tolerance_amount, Unset):
            arrears_tolerance_amount = UNSET
        else:
            arrears_tolerance_amount = self.arrears_tolerance_amount

        arrears_tolerance_days: int | None | Unset
        if isinstance(self.arrears_tolerance_days, Unset):
            arrears_tolerance_days = UNSET
        else:
            arrears_tolerance_days = self.arrears_tolerance_days

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if kind is not UNSET:
            field_dict["kind"] = kind
        if interest_method is not UNSET:
            field_dict["interest_method"] = interest_method
        if annual_rate is not UNSET:
            field_dict["annual_rate"] = annual_rate
        if interest_calculation is not UNSET:
            field_dict["interest_calculation"] = interest_calculation
        if day_count is not UNSET:
            field_dict["day_count"] = day_count
        if repayment_every is not UNSET:
            field_dict["repayment_every"] = repayment_every
        if repayment_unit is not UNSET:
            field_dict["repayment_unit"] = repayment_unit
        if min_principal is not UNSET:
            field_dict["min_principal"] = min_principal
        if max_principal is not UNSET:
            field_dict["max_principal"] = max_principal
        if default_principal is not UNSET:
            field_dict["default_principal"] = default_principal
        if min_term is not UNSET:
            field_dict["min_term"] = min_term
        if max_term is not UNSET:
            field_dict["max_term"] = max_term
        if default_term is not UNSET:
            field_dict["default_term"] = default_term
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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_kind(data: object) -> None | ProductKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = ProductKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_interest_method(data: object) -> InterestMethod | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interest_method_type_0 = InterestMethod(data)

                return interest_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InterestMethod | None | Unset, data)

        interest_method = _parse_interest_method(d.pop("interest_method", UNSET))

        def _parse_annual_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        annual_rate = _parse_annual_rate(d.pop("annual_rate", UNSET))

        def _parse_interest_calculation(data: object) -> InterestCalculation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interest_calculation_type_0 = InterestCalculation(data)

                return interest_calculation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InterestCalculation | None | Unset, data)

        interest_calculation = _parse_interest_calculation(d.pop("interest_calculation", UNSET))

        def _parse_day_count(data: object) -> DayCount | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                day_count_type_0 = DayCount(data)

                return day_count_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DayCount | None | Unset, data)

        day_count = _parse_day_count(d.pop("day_count", UNSET))

        def _parse_repayment_every(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        repayment_every = _parse_repayment_every(d.pop("repayment_every", UNSET))

        def _parse_repayment_unit(data: object) -> FrequencyUnit | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                repayment_unit_type_0 = FrequencyUnit(data)

                return repayment_unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FrequencyUnit | None | Unset, data)

        repayment_unit = _parse_repayment_unit(d.pop("repayment_unit", UNSET))

        def _parse_min_principal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_principal = _parse_min_principal(d.pop("min_principal", UNSET))

        def _parse_max_principal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_principal = _parse_max_principal(d.pop("max_principal", UNSET))

        def _parse_default_principal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        default_principal = _parse_default_principal(d.pop("default_principal", UNSET))

        def _parse_min_term(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_term = _parse_min_term(d.pop("min_term", UNSET))

        def _parse_max_term(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_term = _parse_max_term(d.pop("max_term", UNSET))

        def _parse_default_term(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        default_term = _parse_default_term(d.pop("default_term", UNSET))

        def _parse_grace_on_principal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_on_principal = _parse_grace_on_principal(d.pop("grace_on_principal", UNSET))

        def _parse_grace_on_interest_payment(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_on_interest_payment = _parse_grace_on_interest_payment(
            d.pop("grace_on_interest_payment", UNSET)
        )

        def _parse_grace_interest_free(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_interest_free = _parse_grace_interest_free(d.pop("grace_interest_free", UNSET))

        def _parse_upfront_fee_flat(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        upfront_fee_flat = _parse_upfront_fee_flat(d.pop("upfront_fee_flat", UNSET))

        def _parse_upfront_fee_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        upfront_fee_rate = _parse_upfront_fee_rate(d.pop("upfront_fee_rate", UNSET))

        def _parse_upfront_fee_mode(data: object) -> None | Unset | UpfrontFeeMode:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                upfront_fee_mode_type_0 = UpfrontFeeMode(data)

                return upfront_fee_mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpfrontFeeMode, data)

        upfront_fee_mode = _parse_upfront_fee_mode(d.pop("upfront_fee_mode", UNSET))

        def _parse_installment_fee(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        installment_fee = _parse_installment_fee(d.pop("installment_fee", UNSET))

        def _parse_installment_multiple_of(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        installment_multiple_of = _parse_installment_multiple_of(
            d.pop("installment_multiple_of", UNSET)
        )

        def _parse_allocation_order(data: object) -> list[AllocationTarget] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allocation_order_type_0 = []
                _allocation_order_type_0 = data
                for allocation_order_type_0_item_data in _allocation_order_type_0:
                    allocation_order_type_0_item = AllocationTarget(
                        allocation_order_type_0_item_data
                    )

                    allocation_order_type_0.append(allocation_order_type_0_item)

                return allocation_order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AllocationTarget] | None | Unset, data)

        allocation_order = _parse_allocation_order(d.pop("allocation_order", UNSET))

        def _parse_arrears_tolerance_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        arrears_tolerance_amount = _parse_arrears_tolerance_amount(
            d.pop("arrears_tolerance_amount", UNSET)
        )

        def _parse_arrears_tolerance_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        arrears_tolerance_days = _parse_arrears_tolerance_days(
            d.pop("arrears_tolerance_days", UNSET)
        )

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        loan_product_update = cls(
            name=name,
            description=description,
            kind=kind,
            interest_method=interest_method,
            annual_rate=annual_rate,
            interest_calculation=interest_calculation,
            day_count=day_count,
            repayment_every=repayment_every,
            repayment_unit=repayment_unit,
            min_principal=min_principal,
            max_principal=max_principal,
            default_principal=default_principal,
            min_term=min_term,
            max_term=max_term,
            default_term=default_term,
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

        return loan_product_update
