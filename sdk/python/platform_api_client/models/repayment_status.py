from enum import StrEnum


class RepaymentStatus(StrEnum):
    POSTED = "posted"
    REVERSED = "reversed"

    def __str__(self) -> str:
        return str(self.value)
