"""Contains all the data models used in inputs/outputs"""

from .aging_bucket import AgingBucket
from .allocation_target import AllocationTarget
from .application_status import ApplicationStatus
from .approval import Approval
from .arrears_report import ArrearsReport
from .channel import Channel
from .client import Client
from .client_create import ClientCreate
from .client_page import ClientPage
from .client_with_secret import ClientWithSecret
from .currency_arrears import CurrencyArrears
from .day_count import DayCount
from .decline import Decline
from .decline_reason import DeclineReason
from .disbursement import Disbursement
from .document import Document
from .entrepreneur import Entrepreneur
from .entrepreneur_create import EntrepreneurCreate
from .entrepreneur_page import EntrepreneurPage
from .entrepreneur_status import EntrepreneurStatus
from .entrepreneur_update import EntrepreneurUpdate
from .field_error import FieldError
from .frequency_unit import FrequencyUnit
from .gender import Gender
from .health import Health
from .installment_status import InstallmentStatus
from .interest_calculation import InterestCalculation
from .interest_method import InterestMethod
from .json_web_key import JsonWebKey
from .json_web_key_set import JsonWebKeySet
from .loan import Loan
from .loan_application import LoanApplication
from .loan_application_create import LoanApplicationCreate
from .loan_application_page import LoanApplicationPage
from .loan_application_update import LoanApplicationUpdate
from .loan_page import LoanPage
from .loan_product import LoanProduct
from .loan_product_create import LoanProductCreate
from .loan_product_page import LoanProductPage
from .loan_product_update import LoanProductUpdate
from .loan_schedule import LoanSchedule
from .loan_status import LoanStatus
from .me import Me
from .principal_kind import PrincipalKind
from .problem_detail import ProblemDetail
from .product_kind import ProductKind
from .quote import Quote
from .quote_installment import QuoteInstallment
from .quote_request import QuoteRequest
from .repayment import Repayment
from .repayment_create import RepaymentCreate
from .repayment_page import RepaymentPage
from .repayment_status import RepaymentStatus
from .reversal import Reversal
from .risk_band import RiskBand
from .risk_reason import RiskReason
from .schedule_line import ScheduleLine
from .sector import Sector
from .stage import Stage
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
from .transition import Transition
from .underwriting import Underwriting
from .upfront_fee_mode import UpfrontFeeMode
from .withdrawal import Withdrawal
from .write_off import WriteOff

__all__ = (
    "AgingBucket",
    "AllocationTarget",
    "ApplicationStatus",
    "Approval",
    "ArrearsReport",
    "Channel",
    "Client",
    "ClientCreate",
    "ClientPage",
    "ClientWithSecret",
    "CurrencyArrears",
    "DayCount",
    "Decline",
    "DeclineReason",
    "Disbursement",
    "Document",
    "Entrepreneur",
    "EntrepreneurCreate",
    "EntrepreneurPage",
    "EntrepreneurStatus",
    "EntrepreneurUpdate",
    "FieldError",
    "FrequencyUnit",
    "Gender",
    "Health",
    "InstallmentStatus",
    "InterestCalculation",
    "InterestMethod",
    "JsonWebKey",
    "JsonWebKeySet",
    "Loan",
    "LoanApplication",
    "LoanApplicationCreate",
    "LoanApplicationPage",
    "LoanApplicationUpdate",
    "LoanPage",
    "LoanProduct",
    "LoanProductCreate",
    "LoanProductPage",
    "LoanProductUpdate",
    "LoanSchedule",
    "LoanStatus",
    "Me",
    "PrincipalKind",
    "ProblemDetail",
    "ProductKind",
    "Quote",
    "QuoteInstallment",
    "QuoteRequest",
    "Repayment",
    "RepaymentCreate",
    "RepaymentPage",
    "RepaymentStatus",
    "Reversal",
    "RiskBand",
    "RiskReason",
    "ScheduleLine",
    "Sector",
    "Stage",
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
    "Transition",
    "Underwriting",
    "UpfrontFeeMode",
    "Withdrawal",
    "WriteOff",
)
