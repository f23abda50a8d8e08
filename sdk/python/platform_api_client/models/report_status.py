from enum import StrEnum


class ReportStatus(StrEnum):
    CURRENT = "current"
    DELINQUENT = "delinquent"
    LATE = "late"
    PAID_IN_FULL = "paid_in_full"

    def __str__(self) -> str:
        return str(self.value)
