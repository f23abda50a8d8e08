from enum import StrEnum


class CircleFrequency(StrEnum):
    MONTHS = "months"
    WEEKS = "weeks"

    def __str__(self) -> str:
        return str(self.value)
