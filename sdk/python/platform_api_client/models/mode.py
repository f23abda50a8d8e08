from enum import StrEnum


class Mode(StrEnum):
    MAXIMISE_PARTICIPATION = "maximise_participation"
    MAXIMISE_TOTAL_SCORE = "maximise_total_score"

    def __str__(self) -> str:
        return str(self.value)
