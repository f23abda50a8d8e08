from enum import StrEnum


class AllocationTarget(StrEnum):
    FEES = "fees"
    INTEREST = "interest"
    PRINCIPAL = "principal"

    def __str__(self) -> str:
        return str(self.value)
