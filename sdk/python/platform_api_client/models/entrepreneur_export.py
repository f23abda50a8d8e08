from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.entrepreneur import Entrepreneur
    from ..models.entrepreneur_export_events_item import EntrepreneurExportEventsItem
    from ..models.entrepreneur_export_lending_circle_memberships_item import (
        EntrepreneurExportLendingCircleMembershipsItem,
    )
    from ..models.entrepreneur_export_loan_applications_item import (
        EntrepreneurExportLoanApplicationsItem,
    )
    from ..models.entrepreneur_export_loan_groups_item import EntrepreneurExportLoanGroupsItem
    from ..models.entrepreneur_export_loans_item import EntrepreneurExportLoansItem
    from ..models.entrepreneur_export_matches_item import EntrepreneurExportMatchesItem
    from ..models.entrepreneur_export_outcome_surveys_item import (
        EntrepreneurExportOutcomeSurveysItem,
    )


T = TypeVar("T", bound="EntrepreneurExport")


@_attrs_define
class EntrepreneurExport:
    """Everything the caller's organisation holds about one entrepreneur (data-subject
    access), read at one instant.

    """

    exported_at: datetime.datetime
    anonymised: bool
    """ The person was anonymised: their personal fields are erased wherever they were held, and the records below
    are linked to no one identifiable. """
    entrepreneur: Entrepreneur
    outcome_surveys: list[EntrepreneurExportOutcomeSurveysItem]
    """ Outcome surveys: each record whole, as stored (column names as keys, money in minor units, times RFC 3339).
    """
    loan_applications: list[EntrepreneurExportLoanApplicationsItem]
    """ Loan applications, each with its `transitions`, `endorsements` and `funding_commitments`: each record whole,
    as stored (column names as keys, money in minor units, times RFC 3339). """
    loans: list[EntrepreneurExportLoansItem]
    """ Loans, each with its `schedule` and `repayments`: each record whole, as stored (column names as keys, money
    in minor units, times RFC 3339). """
    lending_circle_memberships: list[EntrepreneurExportLendingCircleMembershipsItem]
    """ Lending-circle memberships, each with its `circle`, `contributions` and `payouts`: each record whole, as
    stored (column names as keys, money in minor units, times RFC 3339). """
    loan_groups: list[EntrepreneurExportLoanGroupsItem]
    """ Loan groups the person leads or belongs to: each record whole, as stored (column names as keys, money in
    minor units, times RFC 3339). """
    matches: list[EntrepreneurExportMatchesItem]
    """ Mentor matches, each with its `sessions`: each record whole, as stored (column names as keys, money in minor
    units, times RFC 3339). """
    events: list[EntrepreneurExportEventsItem]
    """ Events (webhook payloads) about the person's applications, loans, repayments and matches: each record whole,
    as stored (column names as keys, money in minor units, times RFC 3339). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exported_at = self.exported_at.isoformat()

        anonymised = self.anonymised

        entrepreneur = self.entrepreneur.to_dict()

        outcome_surveys = []
        for outcome_surveys_item_data in self.outcome_surveys:
            outcome_surveys_item = outcome_surveys_item_data.to_dict()
            outcome_surveys.append(outcome_surveys_item)

        loan_applications = []
        for loan_applications_item_data in self.loan_applications:
            loan_applications_item = loan_applications_item_data.to_dict()
            loan_applications.append(loan_applications_item)

        loans = []
        for loans_item_data in self.loans:
            loans_item = loans_item_data.to_dict()
            loans.append(loans_item)

        lending_circle_memberships = []
        for lending_circle_memberships_item_data in self.lending_circle_memberships:
            lending_circle_memberships_item = lending_circle_memberships_item_data.to_dict()
            lending_circle_memberships.append(lending_circle_memberships_item)

        loan_groups = []
        for loan_groups_item_data in self.loan_groups:
            loan_groups_item = loan_groups_item_data.to_dict()
            loan_groups.append(loan_groups_item)

        matches = []
        for matches_item_data in self.matches:
            matches_item = matches_item_data.to_dict()
            matches.append(matches_item)

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exported_at": exported_at,
                "anonymised": anonymised,
                "entrepreneur": entrepreneur,
                "outcome_surveys": outcome_surveys,
                "loan_applications": loan_applications,
                "loans": loans,
                "lending_circle_memberships": lending_circle_memberships,
                "loan_groups": loan_groups,
                "matches": matches,
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.entrepreneur import Entrepreneur
        from ..models.entrepreneur_export_events_item import EntrepreneurExportEventsItem
        from ..models.entrepreneur_export_lending_circle_memberships_item import (
            EntrepreneurExportLendingCircleMembershipsItem,
        )
        from ..models.entrepreneur_export_loan_applications_item import (
            EntrepreneurExportLoanApplicationsItem,
        )
        from ..models.entrepreneur_export_loan_groups_item import EntrepreneurExportLoanGroupsItem
        from ..models.entrepreneur_export_loans_item import EntrepreneurExportLoansItem
        from ..models.entrepreneur_export_matches_item import EntrepreneurExportMatchesItem
        from ..models.entrepreneur_export_outcome_surveys_item import (
            EntrepreneurExportOutcomeSurveysItem,
        )

        d = dict(src_dict)
        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))

        anonymised = d.pop("anonymised")

        entrepreneur = Entrepreneur.from_dict(d.pop("entrepreneur"))

        outcome_surveys = []
        _outcome_surveys = d.pop("outcome_surveys")
        for outcome_surveys_item_data in _outcome_surveys:
            outcome_surveys_item = EntrepreneurExportOutcomeSurveysItem.from_dict(
                outcome_surveys_item_data
            )

            outcome_surveys.append(outcome_surveys_item)

        loan_applications = []
        _loan_applications = d.pop("loan_applications")
        for loan_applications_item_data in _loan_applications:
            loan_applications_item = EntrepreneurExportLoanApplicationsItem.from_dict(
                loan_applications_item_data
            )

            loan_applications.append(loan_applications_item)

        loans = []
        _loans = d.pop("loans")
        for loans_item_data in _loans:
            loans_item = EntrepreneurExportLoansItem.from_dict(loans_item_data)

            loans.append(loans_item)

        lending_circle_memberships = []
        _lending_circle_memberships = d.pop("lending_circle_memberships")
        for lending_circle_memberships_item_data in _lending_circle_memberships:
            lending_circle_memberships_item = (
                EntrepreneurExportLendingCircleMembershipsItem.from_dict(
                    lending_circle_memberships_item_data
                )
            )

            lending_circle_memberships.append(lending_circle_memberships_item)

        loan_groups = []
        _loan_groups = d.pop("loan_groups")
        for loan_groups_item_data in _loan_groups:
            loan_groups_item = EntrepreneurExportLoanGroupsItem.from_dict(loan_groups_item_data)

            loan_groups.append(loan_groups_item)

        matches = []
        _matches = d.pop("matches")
        for matches_item_data in _matches:
            matches_item = EntrepreneurExportMatchesItem.from_dict(matches_item_data)

            matches.append(matches_item)

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EntrepreneurExportEventsItem.from_dict(events_item_data)

            events.append(events_item)

        entrepreneur_export = cls(
            exported_at=exported_at,
            anonymised=anonymised,
            entrepreneur=entrepreneur,
            outcome_surveys=outcome_surveys,
            loan_applications=loan_applications,
            loans=loans,
            lending_circle_memberships=lending_circle_memberships,
            loan_groups=loan_groups,
            matches=matches,
            events=events,
        )

        entrepreneur_export.additional_properties = d
        return entrepreneur_export

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
