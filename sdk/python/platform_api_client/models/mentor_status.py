from enum import StrEnum


class MentorStatus(StrEnum):
    AVAILABLE = "available"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)
