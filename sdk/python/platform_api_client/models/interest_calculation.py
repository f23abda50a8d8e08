from enum import StrEnum


class InterestCalculation(StrEnum):
    DAILY = "daily"
    PER_PERIOD = "per_period"

    def __str__(self) -> str:
        return str(self.value)
