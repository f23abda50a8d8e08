from enum import StrEnum


class PayoutOrder(StrEnum):
    BID = "bid"
    FIXED = "fixed"
    RANDOM = "random"

    def __str__(self) -> str:
        return str(self.value)
