from enum import StrEnum


class ApplicationStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    DISBURSED = "disbursed"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
