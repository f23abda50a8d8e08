from enum import StrEnum


class FunderKind(StrEnum):
    LENDER = "lender"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
