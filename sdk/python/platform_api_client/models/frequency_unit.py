from enum import StrEnum


class FrequencyUnit(StrEnum):
    DAYS = "days"
    MONTHS = "months"
    WEEKS = "weeks"

    def __str__(self) -> str:
        return str(self.value)
