from enum import StrEnum


class GroupStanding(StrEnum):
    CURRENT = "current"
    IN_ARREARS = "in_arrears"

    def __str__(self) -> str:
        return str(self.value)
