from enum import StrEnum


class UpfrontFeeMode(StrEnum):
    DEDUCTED = "deducted"
    FINANCED = "financed"

    def __str__(self) -> str:
        return str(self.value)
