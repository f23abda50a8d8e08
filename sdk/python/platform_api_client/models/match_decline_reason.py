from enum import StrEnum


class MatchDeclineReason(StrEnum):
    NOT_A_FIT = "not_a_fit"
    NO_CAPACITY = "no_capacity"
    NO_RESPONSE = "no_response"
    OTHER = "other"
    UNAVAILABLE = "unavailable"

    def __str__(self) -> str:
        return str(self.value)
