from enum import StrEnum


class MatchStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    DECLINED = "declined"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
