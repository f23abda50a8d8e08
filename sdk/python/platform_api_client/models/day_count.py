from enum import StrEnum


class DayCount(StrEnum):
    ACTUAL_360 = "actual/360"
    ACTUAL_365 = "actual/365"
    VALUE_30_360 = "30/360"

    def __str__(self) -> str:
        return str(self.value)
