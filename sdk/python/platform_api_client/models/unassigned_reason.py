from enum import StrEnum


class UnassignedReason(StrEnum):
    BELOW_MIN_SCORE = "below_min_score"
    MENTORS_FULL = "mentors_full"
    NO_ELIGIBLE_MENTOR = "no_eligible_mentor"

    def __str__(self) -> str:
        return str(self.value)
