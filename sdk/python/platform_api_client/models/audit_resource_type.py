from enum import StrEnum


class AuditResourceType(StrEnum):
    GROUP_LOAN_APPLICATION = "group_loan_application"
    LENDING_CIRCLE = "lending_circle"
    LOAN = "loan"
    LOAN_APPLICATION = "loan_application"
    LOAN_GROUP = "loan_group"

    def __str__(self) -> str:
        return str(self.value)
