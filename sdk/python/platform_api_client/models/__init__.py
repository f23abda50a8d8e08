"""Contains all the data models used in inputs/outputs"""

from .aging_bucket import AgingBucket
from .allocation_target import AllocationTarget
from .application_status import ApplicationStatus
from .approval import Approval
from .arrears_report import ArrearsReport
from .assigned_pair import AssignedPair
from .audit_action import AuditAction
from .audit_actor_kind import AuditActorKind
from .audit_details import AuditDetails
from .audit_details_amounts import AuditDetailsAmounts
from .audit_details_related import AuditDetailsRelated
from .audit_event import AuditEvent
from .audit_event_page import AuditEventPage
from .audit_resource_type import AuditResourceType
from .channel import Channel
from .circle_cancel import CircleCancel
from .circle_frequency import CircleFrequency
from .circle_member import CircleMember
from .circle_money import CircleMoney
from .circle_round import CircleRound
from .circle_start import CircleStart
from .circle_status import CircleStatus
from .client import Client
from .client_create import ClientCreate
from .client_page import ClientPage
from .client_with_secret import ClientWithSecret
from .cohort_assignment import CohortAssignment
from .cohort_assignment_create import CohortAssignmentCreate
from .cohort_status import CohortStatus
from .commitment import Commitment
from .commitment_create import CommitmentCreate
from .commitment_page import CommitmentPage
from .contribution import Contribution
from .contribution_create import ContributionCreate
from .contribution_page import ContributionPage
from .credit_report import CreditReport
from .credit_report_page import CreditReportPage
from .criterion import Criterion
from .criterion_score import CriterionScore
from .currency_arrears import CurrencyArrears
from .day_count import DayCount
from .decline import Decline
from .decline_reason import DeclineReason
from .delivery_status import DeliveryStatus
from .disbursement import Disbursement
from .document import Document
from .endorsement import Endorsement
from .endorsement_create import EndorsementCreate
from .endorsement_page import EndorsementPage
from .endorsement_rule import EndorsementRule
from .endorsement_rule_update import EndorsementRuleUpdate
from .endpoint_status import EndpointStatus
from .entrepreneur import Entrepreneur
from .entrepreneur_create import EntrepreneurCreate
from .entrepreneur_export import EntrepreneurExport
from .entrepreneur_export_events_item import EntrepreneurExportEventsItem
from .entrepreneur_export_lending_circle_memberships_item import (
    EntrepreneurExportLendingCircleMembershipsItem,
)
from .entrepreneur_export_loan_applications_item import EntrepreneurExportLoanApplicationsItem
from .entrepreneur_export_loan_groups_item import EntrepreneurExportLoanGroupsItem
from .entrepreneur_export_loans_item import EntrepreneurExportLoansItem
from .entrepreneur_export_matches_item import EntrepreneurExportMatchesItem
from .entrepreneur_export_outcome_surveys_item import EntrepreneurExportOutcomeSurveysItem
from .entrepreneur_page import EntrepreneurPage
from .entrepreneur_status import EntrepreneurStatus
from .entrepreneur_update import EntrepreneurUpdate
from .event import Event
from .event_data import EventData
from .event_page import EventPage
from .event_type_info import EventTypeInfo
from .field_error import FieldError
from .frequency_unit import FrequencyUnit
from .funder import Funder
from .funder_client_create import FunderClientCreate
from .funder_create import FunderCreate
from .funder_kind import FunderKind
from .funder_page import FunderPage
from .funder_position import FunderPosition
from .funder_repayment_split import FunderRepaymentSplit
from .funder_with_client import FunderWithClient
from .gender import Gender
from .grant import Grant
from .grant_create import GrantCreate
from .grant_page import GrantPage
from .group_application import GroupApplication
from .group_application_create import GroupApplicationCreate
from .group_application_page import GroupApplicationPage
from .group_by import GroupBy
from .group_decision import GroupDecision
from .group_member import GroupMember
from .group_member_intake import GroupMemberIntake
from .group_repayment import GroupRepayment
from .group_repayment_create import GroupRepaymentCreate
from .group_repayment_page import GroupRepaymentPage
from .group_standing import GroupStanding
from .health import Health
from .impact_report import ImpactReport
from .impact_row import ImpactRow
from .impact_row_dimension import ImpactRowDimension
from .installment_status import InstallmentStatus
from .interest_calculation import InterestCalculation
from .interest_method import InterestMethod
from .json_web_key import JsonWebKey
from .json_web_key_set import JsonWebKeySet
from .lender import Lender
from .lender_create import LenderCreate
from .lender_funds import LenderFunds
from .lender_page import LenderPage
from .lender_portfolio import LenderPortfolio
from .lender_product import LenderProduct
from .lender_recommendation import LenderRecommendation
from .lender_recommendation_request import LenderRecommendationRequest
from .lender_recommendations import LenderRecommendations
from .lender_status import LenderStatus
from .lender_update import LenderUpdate
from .lender_weights import LenderWeights
from .lending_circle import LendingCircle
from .lending_circle_create import LendingCircleCreate
from .lending_circle_page import LendingCirclePage
from .loan import Loan
from .loan_application import LoanApplication
from .loan_application_create import LoanApplicationCreate
from .loan_application_page import LoanApplicationPage
from .loan_application_update import LoanApplicationUpdate
from .loan_funding import LoanFunding
from .loan_group import LoanGroup
from .loan_group_create import LoanGroupCreate
from .loan_group_page import LoanGroupPage
from .loan_page import LoanPage
from .loan_product import LoanProduct
from .loan_product_create import LoanProductCreate
from .loan_product_page import LoanProductPage
from .loan_product_update import LoanProductUpdate
from .loan_schedule import LoanSchedule
from .loan_status import LoanStatus
from .match import Match
from .match_create import MatchCreate
from .match_decline import MatchDecline
from .match_decline_reason import MatchDeclineReason
from .match_page import MatchPage
from .match_status import MatchStatus
from .matching_settings import MatchingSettings
from .me import Me
from .member_create import MemberCreate
from .member_loan import MemberLoan
from .member_status import MemberStatus
from .mentee_summary import MenteeSummary
from .mentor import Mentor
from .mentor_card import MentorCard
from .mentor_create import MentorCreate
from .mentor_page import MentorPage
from .mentor_recommendation import MentorRecommendation
from .mentor_recommendation_request import MentorRecommendationRequest
from .mentor_recommendations import MentorRecommendations
from .mentor_status import MentorStatus
from .mentor_update import MentorUpdate
from .mentor_weights import MentorWeights
from .mode import Mode
from .outcome_survey import OutcomeSurvey
from .outcome_survey_create import OutcomeSurveyCreate
from .outcome_survey_page import OutcomeSurveyPage
from .pair import Pair
from .payout import Payout
from .payout_create import PayoutCreate
from .payout_order import PayoutOrder
from .payout_page import PayoutPage
from .portfolio_loan import PortfolioLoan
from .portfolio_report import PortfolioReport
from .portfolio_row import PortfolioRow
from .portfolio_row_dimension import PortfolioRowDimension
from .portfolio_totals import PortfolioTotals
from .principal_kind import PrincipalKind
from .problem_detail import ProblemDetail
from .product_kind import ProductKind
from .quote import Quote
from .quote_installment import QuoteInstallment
from .quote_request import QuoteRequest
from .repayment import Repayment
from .repayment_create import RepaymentCreate
from .repayment_page import RepaymentPage
from .repayment_part import RepaymentPart
from .repayment_split import RepaymentSplit
from .repayment_status import RepaymentStatus
from .replay import Replay
from .replay_result import ReplayResult
from .report_account import ReportAccount
from .report_month import ReportMonth
from .report_status import ReportStatus
from .revenue_band import RevenueBand
from .reversal import Reversal
from .risk_band import RiskBand
from .risk_reason import RiskReason
from .round_status import RoundStatus
from .schedule_line import ScheduleLine
from .secret_rotation import SecretRotation
from .sector import Sector
from .session import Session
from .session_channel import SessionChannel
from .session_create import SessionCreate
from .session_page import SessionPage
from .side import Side
from .stage import Stage
from .survey_kind import SurveyKind
from .tenant import Tenant
from .tenant_create import TenantCreate
from .tenant_create_settings import TenantCreateSettings
from .tenant_page import TenantPage
from .tenant_scope import TenantScope
from .tenant_settings import TenantSettings
from .tenant_status import TenantStatus
from .tenant_update import TenantUpdate
from .tenant_update_settings_type_0 import TenantUpdateSettingsType0
from .token_request import TokenRequest
from .token_response import TokenResponse
from .topic_area import TopicArea
from .track_record import TrackRecord
from .transition import Transition
from .trustee import Trustee
from .trustee_create import TrusteeCreate
from .trustee_kind import TrusteeKind
from .trustee_page import TrusteePage
from .unassigned import Unassigned
from .unassigned_reason import UnassignedReason
from .underwriting import Underwriting
from .upfront_fee_mode import UpfrontFeeMode
from .usage_period import UsagePeriod
from .usage_report import UsageReport
from .usage_row import UsageRow
from .usage_row_status_class import UsageRowStatusClass
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_page import WebhookDeliveryPage
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_create import WebhookEndpointCreate
from .webhook_endpoint_page import WebhookEndpointPage
from .webhook_endpoint_with_secret import WebhookEndpointWithSecret
from .withdrawal import Withdrawal
from .write_off import WriteOff

__all__ = (
    "AgingBucket",
    "AllocationTarget",
    "ApplicationStatus",
    "Approval",
    "ArrearsReport",
    "AssignedPair",
    "AuditAction",
    "AuditActorKind",
    "AuditDetails",
    "AuditDetailsAmounts",
    "AuditDetailsRelated",
    "AuditEvent",
    "AuditEventPage",
    "AuditResourceType",
    "Channel",
    "CircleCancel",
    "CircleFrequency",
    "CircleMember",
    "CircleMoney",
    "CircleRound",
    "CircleStart",
    "CircleStatus",
    "Client",
    "ClientCreate",
    "ClientPage",
    "ClientWithSecret",
    "CohortAssignment",
    "CohortAssignmentCreate",
    "CohortStatus",
    "Commitment",
    "CommitmentCreate",
    "CommitmentPage",
    "Contribution",
    "ContributionCreate",
    "ContributionPage",
    "CreditReport",
    "CreditReportPage",
    "Criterion",
    "CriterionScore",
    "CurrencyArrears",
    "DayCount",
    "Decline",
    "DeclineReason",
    "DeliveryStatus",
    "Disbursement",
    "Document",
    "Endorsement",
    "EndorsementCreate",
    "EndorsementPage",
    "EndorsementRule",
    "EndorsementRuleUpdate",
    "EndpointStatus",
    "Entrepreneur",
    "EntrepreneurCreate",
    "EntrepreneurExport",
    "EntrepreneurExportEventsItem",
    "EntrepreneurExportLendingCircleMembershipsItem",
    "EntrepreneurExportLoanApplicationsItem",
    "EntrepreneurExportLoanGroupsItem",
    "EntrepreneurExportLoansItem",
    "EntrepreneurExportMatchesItem",
    "EntrepreneurExportOutcomeSurveysItem",
    "EntrepreneurPage",
    "EntrepreneurStatus",
    "EntrepreneurUpdate",
    "Event",
    "EventData",
    "EventPage",
    "EventTypeInfo",
    "FieldError",
    "FrequencyUnit",
    "Funder",
    "FunderClientCreate",
    "FunderCreate",
    "FunderKind",
    "FunderPage",
    "FunderPosition",
    "FunderRepaymentSplit",
    "FunderWithClient",
    "Gender",
    "Grant",
    "GrantCreate",
    "GrantPage",
    "GroupApplication",
    "GroupApplicationCreate",
    "GroupApplicationPage",
    "GroupBy",
    "GroupDecision",
    "GroupMember",
    "GroupMemberIntake",
    "GroupRepayment",
    "GroupRepaymentCreate",
    "GroupRepaymentPage",
    "GroupStanding",
    "Health",
    "ImpactReport",
    "ImpactRow",
    "ImpactRowDimension",
    "InstallmentStatus",
    "InterestCalculation",
    "InterestMethod",
    "JsonWebKey",
    "JsonWebKeySet",
    "Lender",
    "LenderCreate",
    "LenderFunds",
    "LenderPage",
    "LenderPortfolio",
    "LenderProduct",
    "LenderRecommendation",
    "LenderRecommendationRequest",
    "LenderRecommendations",
    "LenderStatus",
    "LenderUpdate",
    "LenderWeights",
    "LendingCircle",
    "LendingCircleCreate",
    "LendingCirclePage",
    "Loan",
    "LoanApplication",
    "LoanApplicationCreate",
    "LoanApplicationPage",
    "LoanApplicationUpdate",
    "LoanFunding",
    "LoanGroup",
    "LoanGroupCreate",
    "LoanGroupPage",
    "LoanPage",
    "LoanProduct",
    "LoanProductCreate",
    "LoanProductPage",
    "LoanProductUpdate",
    "LoanSchedule",
    "LoanStatus",
    "Match",
    "MatchCreate",
    "MatchDecline",
    "MatchDeclineReason",
    "MatchPage",
    "MatchStatus",
    "MatchingSettings",
    "Me",
    "MemberCreate",
    "MemberLoan",
    "MemberStatus",
    "MenteeSummary",
    "Mentor",
    "MentorCard",
    "MentorCreate",
    "MentorPage",
    "MentorRecommendation",
    "MentorRecommendationRequest",
    "MentorRecommendations",
    "MentorStatus",
    "MentorUpdate",
    "MentorWeights",
    "Mode",
    "OutcomeSurvey",
    "OutcomeSurveyCreate",
    "OutcomeSurveyPage",
    "Pair",
    "Payout",
    "PayoutCreate",
    "PayoutOrder",
    "PayoutPage",
    "PortfolioLoan",
    "PortfolioReport",
    "PortfolioRow",
    "PortfolioRowDimension",
    "PortfolioTotals",
    "PrincipalKind",
    "ProblemDetail",
    "ProductKind",
    "Quote",
    "QuoteInstallment",
    "QuoteRequest",
    "Repayment",
    "RepaymentCreate",
    "RepaymentPage",
    "RepaymentPart",
    "RepaymentSplit",
    "RepaymentStatus",
    "Replay",
    "ReplayResult",
    "ReportAccount",
    "ReportMonth",
    "ReportStatus",
    "RevenueBand",
    "Reversal",
    "RiskBand",
    "RiskReason",
    "RoundStatus",
    "ScheduleLine",
    "SecretRotation",
    "Sector",
    "Session",
    "SessionChannel",
    "SessionCreate",
    "SessionPage",
    "Side",
    "Stage",
    "SurveyKind",
    "Tenant",
    "TenantCreate",
    "TenantCreateSettings",
    "TenantPage",
    "TenantScope",
    "TenantSettings",
    "TenantStatus",
    "TenantUpdate",
    "TenantUpdateSettingsType0",
    "TokenRequest",
    "TokenResponse",
    "TopicArea",
    "TrackRecord",
    "Transition",
    "Trustee",
    "TrusteeCreate",
    "TrusteeKind",
    "TrusteePage",
    "Unassigned",
    "UnassignedReason",
    "Underwriting",
    "UpfrontFeeMode",
    "UsagePeriod",
    "UsageReport",
    "UsageRow",
    "UsageRowStatusClass",
    "WebhookDelivery",
    "WebhookDeliveryPage",
    "WebhookEndpoint",
    "WebhookEndpointCreate",
    "WebhookEndpointPage",
    "WebhookEndpointWithSecret",
    "Withdrawal",
    "WriteOff",
)
