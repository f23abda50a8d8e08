from enum import StrEnum


class CircleStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    FORMING = "forming"

    def __str__(self) -> str:
        return str(self.value)
