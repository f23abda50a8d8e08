from enum import StrEnum


class RepaymentSplit(StrEnum):
    EQUAL = "equal"
    PRO_RATA_DUE = "pro_rata_due"

    def __str__(self) -> str:
        return str(self.value)
