from enum import StrEnum


class RevenueBand(StrEnum):
    NONE = "none"
    UNDER_100 = "under_100"
    VALUE_2 = "100_499"
    VALUE_3 = "500_1999"
    VALUE_4 = "2000_9999"
    VALUE_5 = "10000_plus"

    def __str__(self) -> str:
        return str(self.value)
