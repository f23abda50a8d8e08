from enum import StrEnum


class RoundStatus(StrEnum):
    FUNDED = "funded"
    PAID_OUT = "paid_out"
    SHORT = "short"
    UPCOMING = "upcoming"

    def __str__(self) -> str:
        return str(self.value)
