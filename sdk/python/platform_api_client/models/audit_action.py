from enum import StrEnum


class AuditAction(StrEnum):
    GROUP_LOAN_APPLICATION_APPROVED = "group_loan_application.approved"
    GROUP_LOAN_APPLICATION_DECLINED = "group_loan_application.declined"
    GROUP_LOAN_APPLICATION_DISBURSED = "group_loan_application.disbursed"
    GROUP_LOAN_APPLICATION_SUBMITTED = "group_loan_application.submitted"
    LENDING_CIRCLE_CANCELLED = "lending_circle.cancelled"
    LENDING_CIRCLE_COMPLETED = "lending_circle.completed"
    LENDING_CIRCLE_CONTRIBUTION_RECEIVED = "lending_circle.contribution.received"
    LENDING_CIRCLE_PAYOUT_RELEASED = "lending_circle.payout.released"
    LENDING_CIRCLE_STARTED = "lending_circle.started"
    LOAN_APPLICATION_APPROVED = "loan_application.approved"
    LOAN_APPLICATION_DECLINED = "loan_application.declined"
    LOAN_APPLICATION_FUNDING_COMMITTED = "loan_application.funding.committed"
    LOAN_APPLICATION_SUBMITTED = "loan_application.submitted"
    LOAN_APPLICATION_WITHDRAWN = "loan_application.withdrawn"
    LOAN_CLOSED = "loan.closed"
    LOAN_DISBURSED = "loan.disbursed"
    LOAN_GROUP_REPAYMENT_POSTED = "loan_group.repayment.posted"
    LOAN_REOPENED = "loan.reopened"
    LOAN_REPAYMENT_POSTED = "loan.repayment.posted"
    LOAN_REPAYMENT_REVERSED = "loan.repayment.reversed"
    LOAN_WRITTEN_OFF = "loan.written_off"

    def __str__(self) -> str:
        return str(self.value)
