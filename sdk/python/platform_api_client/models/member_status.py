from enum import StrEnum


class MemberStatus(StrEnum):
    CURRENT = "current"
    IN_ARREARS = "in_arrears"

    def __str__(self) -> str:
        return str(self.value)
