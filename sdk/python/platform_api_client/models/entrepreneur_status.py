from enum import StrEnum


class EntrepreneurStatus(StrEnum):
    ACTIVE = "active"
    ANONYMISED = "anonymised"

    def __str__(self) -> str:
        return str(self.value)
