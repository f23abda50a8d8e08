from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.impact_row_dimension import ImpactRowDimension
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImpactRow")


@_attrs_define
class ImpactRow:
    period_start: datetime.date
    period_end: datetime.date
    """ Inclusive; a month, clipped to the report's range. """
    tenant_id: None | UUID
    """ The tenant of this group; null when not grouped by tenant (all the report's tenants together). """
    dimension: ImpactRowDimension
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
    entrepreneurs_reached: int | None
    """ Unique entrepreneurs with any recorded interaction in the period: registered, surveyed, applied for a loan,
    had one disbursed, proposed a match, held a mentoring session or contributed to a lending circle. """
    entrepreneurs_engaged: int | None
    """ Unique entrepreneurs with at least one mentoring session, match proposal, loan application or lending-circle
    contribution in the period. """
    earning_cohort: int | None
    """ Entrepreneurs with a baseline survey and a follow-up survey in the period; each is compared at baseline and
    at their latest follow-up in the period. """
    earning_at_baseline: int | None
    """ Of the cohort, those earning from their own business or from gigs at baseline. """
    earning_at_follow_up: int | None
    """ Of the cohort, those earning from their own business or from gigs at their latest follow-up in the period.
    """
    earning_rate_at_baseline: None | str
    """ earning_at_baseline / earning_cohort ('before'). """
    earning_rate_at_follow_up: None | str
    """ earning_at_follow_up / earning_cohort ('now'). A cohort of 100 with 44 earning at baseline and 72 at follow-
    up reports 0.44 and 0.72. """
    matches_proposed: int | None
    """ Mentor matches proposed in the period (by the date proposed, UTC). """
    matches_accepted: int | None
    """ Mentor matches accepted in the period, whenever they were proposed. """
    matches_completed: int | None
    """ Mentor matches completed in the period, whenever they were proposed. """
    entrepreneurs_first_matched: int | None
    """ Entrepreneurs whose first accepted mentor match (ever) was accepted in the period: the people
    `median_days_to_match` is taken over. """
    median_days_to_match: float | None | str
    """ Median, over `entrepreneurs_first_matched`, of the days from the entrepreneur's registration to that first
    acceptance (UTC dates; the mean of the two middle values when their number is even). Shown only when that count
    is. """
    sessions: int | None
    """ Mentoring sessions held in the period. """
    session_hours: float | None | str
    """ Hours of those sessions (their minutes / 60, to two places). Shown only when `sessions` is. """
    share_women: None | str | Unset = UNSET
    """ Women among the entrepreneurs reached: reached with gender `female` / reached. Only on `all` rows. """
    share_aged_18_34: None | str | Unset = UNSET
    """ Reached aged 18-34 (age band `18_34`) / reached. Only on `all` rows. """
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

        entrepreneurs_reached: int | None
        entrepreneurs_reached = self.entrepreneurs_reached

        entrepreneurs_engaged: int | None
        entrepreneurs_engaged = self.entrepreneurs_engaged

        earning_cohort: int | None
        earning_cohort = self.earning_cohort

        earning_at_baseline: int | None
        earning_at_baseline = self.earning_at_baseline

        earning_at_follow_up: int | None
        earning_at_follow_up = self.earning_at_follow_up

        earning_rate_at_baseline: None | str
        earning_rate_at_baseline = self.earning_rate_at_baseline

        earning_rate_at_follow_up: None | str
        earning_rate_at_follow_up = self.earning_rate_at_follow_up

        matches_proposed: int | None
        matches_proposed = self.matches_proposed

        matches_accepted: int | None
        matches_accepted = self.matches_accepted

        matches_completed: int | None
        matches_completed = self.matches_completed

        entrepreneurs_first_matched: int | None
        entrepreneurs_first_matched = self.entrepreneurs_first_matched

        median_days_to_match: float | None | str
        median_days_to_match = self.median_days_to_match

        sessions: int | None
        sessions = self.sessions

        session_hours: float | None | str
        session_hours = self.session_hours

        share_women: None | str | Unset
        if isinstance(self.share_women, Unset):
            share_women = UNSET
        else:
            share_women = self.share_women

        share_aged_18_34: None | str | Unset
        if isinstance(self.share_aged_18_34, Unset):
            share_aged_18_34 = UNSET
        else:
            share_aged_18_34 = self.share_aged_18_34

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
                "entrepreneurs_reached": entrepreneurs_reached,
                "entrepreneurs_engaged": entrepreneurs_engaged,
                "earning_cohort": earning_cohort,
                "earning_at_baseline": earning_at_baseline,
                "earning_at_follow_up": earning_at_follow_up,
                "earning_rate_at_baseline": earning_rate_at_baseline,
                "earning_rate_at_follow_up": earning_rate_at_follow_up,
                "matches_proposed": matches_proposed,
                "matches_accepted": matches_accepted,
                "matches_completed": matches_completed,
                "entrepreneurs_first_matched": entrepreneurs_first_matched,
                "median_days_to_match": median_days_to_match,
                "sessions": sessions,
                "session_hours": session_hours,
            }
        )
        if share_women is not UNSET:
            field_dict["share_women"] = share_women
        if share_aged_18_34 is not UNSET:
            field_dict["share_aged_18_34"] = share_aged_18_34

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

        dimension = ImpactRowDimension(d.pop("dimension"))

        category = d.pop("category")

        suppressed = cast(list[str], d.pop("suppressed"))

        def _parse_entrepreneurs_reached(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        entrepreneurs_reached = _parse_entrepreneurs_reached(d.pop("entrepreneurs_reached"))

        def _parse_entrepreneurs_engaged(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        entrepreneurs_engaged = _parse_entrepreneurs_engaged(d.pop("entrepreneurs_engaged"))

        def _parse_earning_cohort(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        earning_cohort = _parse_earning_cohort(d.pop("earning_cohort"))

        def _parse_earning_at_baseline(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        earning_at_baseline = _parse_earning_at_baseline(d.pop("earning_at_baseline"))

        def _parse_earning_at_follow_up(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        earning_at_follow_up = _parse_earning_at_follow_up(d.pop("earning_at_follow_up"))

        def _parse_earning_rate_at_baseline(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        earning_rate_at_baseline = _parse_earning_rate_at_baseline(
            d.pop("earning_rate_at_baseline")
        )

        def _parse_earning_rate_at_follow_up(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        earning_rate_at_follow_up = _parse_earning_rate_at_follow_up(
            d.pop("earning_rate_at_follow_up")
        )

        def _parse_matches_proposed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        matches_proposed = _parse_matches_proposed(d.pop("matches_proposed"))

        def _parse_matches_accepted(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        matches_accepted = _parse_matches_accepted(d.pop("matches_accepted"))

        def _parse_matches_completed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        matches_completed = _parse_matches_completed(d.pop("matches_completed"))

        def _parse_entrepreneurs_first_matched(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        entrepreneurs_first_matched = _parse_entrepreneurs_first_matched(
            d.pop("entrepreneurs_first_matched")
        )

        def _parse_median_days_to_match(data: object) -> float | None | str:
            if data is None:
                return data
            return cast(float | None | str, data)

        median_days_to_match = _parse_median_days_to_match(d.pop("median_days_to_match"))

        def _parse_sessions(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        sessions = _parse_sessions(d.pop("sessions"))

        def _parse_session_hours(data: object) -> float | None | str:
            if data is None:
                return data
            return cast(float | None | str, data)

        session_hours = _parse_session_hours(d.pop("session_hours"))

        def _parse_share_women(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        share_women = _parse_share_women(d.pop("share_women", UNSET))

        def _parse_share_aged_18_34(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        share_aged_18_34 = _parse_share_aged_18_34(d.pop("share_aged_18_34", UNSET))

        impact_row = cls(
            period_start=period_start,
            period_end=period_end,
            tenant_id=tenant_id,
            dimension=dimension,
            category=category,
            suppressed=suppressed,
            entrepreneurs_reached=entrepreneurs_reached,
            entrepreneurs_engaged=entrepreneurs_engaged,
            earning_cohort=earning_cohort,
            earning_at_baseline=earning_at_baseline,
            earning_at_follow_up=earning_at_follow_up,
            earning_rate_at_baseline=earning_rate_at_baseline,
            earning_rate_at_follow_up=earning_rate_at_follow_up,
            matches_proposed=matches_proposed,
            matches_accepted=matches_accepted,
            matches_completed=matches_completed,
            entrepreneurs_first_matched=entrepreneurs_first_matched,
            median_days_to_match=median_days_to_match,
            sessions=sessions,
            session_hours=session_hours,
            share_women=share_women,
            share_aged_18_34=share_aged_18_34,
        )

        impact_row.additional_properties = d
        return impact_row

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
