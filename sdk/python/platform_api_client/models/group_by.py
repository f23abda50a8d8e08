from enum import StrEnum


class GroupBy(StrEnum):
    MONTH = "month"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
