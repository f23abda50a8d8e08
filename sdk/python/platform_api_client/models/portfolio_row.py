from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.portfolio_row_dimension import PortfolioRowDimension

T = TypeVar("T", bound="PortfolioRow")


@_attrs_define
class PortfolioRow:
    period_start: datetime.date
    period_end: datetime.date
    """ Inclusive; a month, clipped to the report's range. """
    tenant_id: None | UUID
    """ The tenant of this group; null when not grouped by tenant (all the report's tenants together). """
    dimension: PortfolioRowDimension
    """ `all` for everyone in the group, else the breakdown this row belongs to. Gender as recorded (`unknown` if
    not); age band from the birth year: age = the year of the report's `to` date minus the birth year (`unknown`
    without one). """
    category: str
    """ `all`, a gender (`female`, `male`, `non_binary`, `undisclosed`, `unknown`) or an age band (`under_18`,
    `18_34`, `35_54`, `55_plus`, `unknown`). """
    suppressed: list[str]
    """ Names of this row's values hidden by small-cell suppression (they are null): counts below k, rates and
    amounts resting on such counts, and complementary cells hidden so that no hidden value can be derived from the
    shown ones, totals included. """
    currency: str
    """ ISO 4217; amounts are integer minor units of it. """
    loans_disbursed: int | None
    """ Loans disbursed in the period (disbursement date in it). """
    amount_disbursed: int | None
    """ Principal of the loans disbursed. """
    loans_outstanding: int | None
    """ Loans active at the period's end: disbursed by then, neither closed nor written off by then. """
    principal_outstanding: int | None
    """ Gross outstanding principal at the period's end: principal of the active loans minus the principal of their
    repayments paid on or before that day. """
    average_outstanding_principal: int | None
    """ principal_outstanding / loans_outstanding, rounded half-even to the minor unit. """
    loans_due: int | None
    """ Loans with an installment due in the period. """
    amount_due: int | None
    """ Scheduled amount (principal, interest and fees) of the installments due in the period. """
    loans_paid_on_time: int | None
    """ Loans with some of that amount paid on or before its due date. """
    amount_paid_on_time: int | None
    """ Of amount_due, what was paid on or before each installment's due date: money paid counts by its payment date
    (`paid_on`) and pays the oldest installment first, the ledger's allocation rule; reversed repayments do not
    count. """
    repayment_rate: None | str
    """ amount_paid_on_time / amount_due. 100 due and 96 paid on time reports 0.96. """
    loans_par30: int | None
    """ Active loans at the period's end with an installment more than 30 days past due (days past due as the loan
    accounts count them: from the oldest installment whose unpaid part, after payments made by that day, exceeds the
    product's arrears tolerance amount; 0 within its tolerance days). Restructured loans would count as well; the
    API has no restructuring, so there are none. """
    principal_par30: int | None
    """ Outstanding principal (as in principal_outstanding) of those loans. """
    par30: None | str
    """ Portfolio at risk over 30 days: principal_par30 / principal_outstanding at the period's end. """
    loans_written_off: int | None
    """ Loans written off in the period. """
    principal_written_off: int | None
    """ Principal written off in the period. """
    write_off_ratio: None | str
    """ principal_written_off / average gross outstanding principal, the mean of principal_outstanding on the day
    before the period and on its last day. """
    circle_members_ended: int | None
    """ Members of lending circles that ended in the period: completed (every member paid out) or cancelled. Circles
    are counted by member, so each has the member's gender and age band. """
    circle_members_completed: int | None
    """ Of those, members of circles that completed. """
    circle_completion_rate: None | str
    """ circle_members_completed / circle_members_ended: the share of people whose circle, ended in the period, ran
    to completion. """
    circle_contributions_due: int | None
    """ Contributions due in the period: each member of an active, completed or cancelled circle for each round
    whose due date falls in it (a cancelled circle's rounds only up to the day it was cancelled). """
    circle_contributions_on_time: int | None
    """ Of those, contributions paid in full by the round's due date. """
    circle_on_time_contribution_rate: None | str
    """ circle_contributions_on_time / circle_contributions_due. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        tenant_id: None | str
        if isinstance(self.tenant_id, UUID):
            tenant_id = str(self.tenant_id)
        else:
            tenant_id = self.tenant_id

        dimension = self.dimension.value

        category = self.category

        suppressed = self.suppressed

        currency = self.currency

        loans_disbursed: int | None
        loans_disbursed = self.loans_disbursed

        amount_disbursed: int | None
        amount_disbursed = self.amount_disbursed

        loans_outstanding: int | None
        loans_outstanding = self.loans_outstanding

        principal_outstanding: int | None
        principal_outstanding = self.principal_outstanding

        average_outstanding_principal: int | None
        average_outstanding_principal = self.average_outstanding_principal

        loans_due: int | None
        loans_due = self.loans_due

        amount_due: int | None
        amount_due = self.amount_due

        loans_paid_on_time: int | None
        loans_paid_on_time = self.loans_paid_on_time

        amount_paid_on_time: int | None
        amount_paid_on_time = self.amount_paid_on_time

        repayment_rate: None | str
        repayment_rate = self.repayment_rate

        loans_par30: int | None
        loans_par30 = self.loans_par30

        principal_par30: int | None
        principal_par30 = self.principal_par30

        par30: None | str
        par30 = self.par30

        loans_written_off: int | None
        loans_written_off = self.loans_written_off

        principal_written_off: int | None
        principal_written_off = self.principal_written_off

        write_off_ratio: None | str
        write_off_ratio = self.write_off_ratio

        circle_members_ended: int | None
        circle_members_ended = self.circle_members_ended

        circle_members_completed: int | None
        circle_members_completed = self.circle_members_completed

        circle_completion_rate: None | str
        circle_completion_rate = self.circle_completion_rate

        circle_contributions_due: int | None
        circle_contributions_due = self.circle_contributions_due

        circle_contributions_on_time: int | None
        circle_contributions_on_time = self.circle_contributions_on_time

        circle_on_time_contribution_rate: None | str
        circle_on_time_contribution_rate = self.circle_on_time_contribution_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period_start": period_start,
                "period_end": period_end,
                "tenant_id": tenant_id,
                "dimension": dimension,
                "category": category,
                "suppressed": suppressed,
                "currency": currency,
                "loans_disbursed": loans_disbursed,
                "amount_disbursed": amount_disbursed,
                "loans_outstanding": loans_outstanding,
                "principal_outstanding": principal_outstanding,
                "average_outstanding_principal": average_outstanding_principal,
                "loans_due": loans_due,
                "amount_due": amount_due,
                "loans_paid_on_time": loans_paid_on_time,
                "amount_paid_on_time": amount_paid_on_time,
                "repayment_rate": repayment_rate,
                "loans_par30": loans_par30,
                "principal_par30": principal_par30,
                "par30": par30,
                "loans_written_off": loans_written_off,
                "principal_written_off": principal_written_off,
                "write_off_ratio": write_off_ratio,
                "circle_members_ended": circle_members_ended,
                "circle_members_completed": circle_members_completed,
                "circle_completion_rate": circle_completion_rate,
                "circle_contributions_due": circle_contributions_due,
                "circle_contributions_on_time": circle_contributions_on_time,
                "circle_on_time_contribution_rate": circle_on_time_contribution_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        def _parse_tenant_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tenant_id_type_0 = UUID(data)

                return tenant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id"))

        dimension = PortfolioRowDimension(d.pop("dimension"))

        category = d.pop("category")

        suppressed = cast(list[str], d.pop("suppressed"))

        currency = d.pop("currency")

        def _parse_loans_disbursed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        loans_disbursed = _parse_loans_disbursed(d.pop("loans_disbursed"))

        def _parse_amount_disbursed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount_disbursed = _parse_amount_disbursed(d.pop("amount_disbursed"))

        def _parse_loans_outstanding(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        loans_outstanding = _parse_loans_outstanding(d.pop("loans_outstanding"))

        def _parse_principal_outstanding(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        principal_outstanding = _parse_principal_outstanding(d.pop("principal_outstanding"))

        def _parse_average_outstanding_principal(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        average_outstanding_principal = _parse_average_outstanding_principal(
            d.pop("average_outstanding_principal")
        )

        def _parse_loans_due(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        loans_due = _parse_loans_due(d.pop("loans_due"))

        def _parse_amount_due(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount_due = _parse_amount_due(d.pop("amount_due"))

        def _parse_loans_paid_on_time(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        loans_paid_on_time = _parse_loans_paid_on_time(d.pop("loans_paid_on_time"))

        def _parse_amount_paid_on_time(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount_paid_on_time = _parse_amount_paid_on_time(d.pop("amount_paid_on_time"))

        def _parse_repayment_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        repayment_rate = _parse_repayment_rate(d.pop("repayment_rate"))

        def _parse_loans_par30(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        loans_par30 = _parse_loans_par30(d.pop("loans_par30"))

        def _parse_principal_par30(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        principal_par30 = _parse_principal_par30(d.pop("principal_par30"))

        def _parse_par30(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        par30 = _parse_par30(d.pop("par30"))

        def _parse_loans_written_off(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        loans_written_off = _parse_loans_written_off(d.pop("loans_written_off"))

        def _parse_principal_written_off(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        principal_written_off = _parse_principal_written_off(d.pop("principal_written_off"))

        def _parse_write_off_ratio(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        write_off_ratio = _parse_write_off_ratio(d.pop("write_off_ratio"))

        def _parse_circle_members_ended(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        circle_members_ended = _parse_circle_members_ended(d.pop("circle_members_ended"))

        def _parse_circle_members_completed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        circle_members_completed = _parse_circle_members_completed(
            d.pop("circle_members_completed")
        )

        def _parse_circle_completion_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        circle_completion_rate = _parse_circle_completion_rate(d.pop("circle_completion_rate"))

        def _parse_circle_contributions_due(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        circle_contributions_due = _parse_circle_contributions_due(
            d.pop("circle_contributions_due")
        )

        def _parse_circle_contributions_on_time(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        circle_contributions_on_time = _parse_circle_contributions_on_time(
            d.pop("circle_contributions_on_time")
        )

        def _parse_circle_on_time_contribution_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        circle_on_time_contribution_rate = _parse_circle_on_time_contribution_rate(
            d.pop("circle_on_time_contribution_rate")
        )

        portfolio_row = cls(
            period_start=period_start,
            period_end=period_end,
            tenant_id=tenant_id,
            dimension=dimension,
            category=category,
            suppressed=suppressed,
            currency=currency,
            loans_disbursed=loans_disbursed,
            amount_disbursed=amount_disbursed,
            loans_outstanding=loans_outstanding,
            principal_outstanding=principal_outstanding,
            average_outstanding_principal=average_outstanding_principal,
            loans_due=loans_due,
            amount_due=amount_due,
            loans_paid_on_time=loans_paid_on_time,
            amount_paid_on_time=amount_paid_on_time,
            repayment_rate=repayment_rate,
            loans_par30=loans_par30,
            principal_par30=principal_par30,
            par30=par30,
            loans_written_off=loans_written_off,
            principal_written_off=principal_written_off,
            write_off_ratio=write_off_ratio,
            circle_members_ended=circle_members_ended,
            circle_members_completed=circle_members_completed,
            circle_completion_rate=circle_completion_rate,
            circle_contributions_due=circle_contributions_due,
            circle_contributions_on_time=circle_contributions_on_time,
            circle_on_time_contribution_rate=circle_on_time_contribution_rate,
        )

        portfolio_row.additional_properties = d
        return portfolio_row

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
