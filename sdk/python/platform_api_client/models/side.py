from enum import StrEnum


class Side(StrEnum):
    BOTH = "both"
    ENTREPRENEUR_SIDE = "entrepreneur_side"
    MENTOR_SIDE = "mentor_side"

    def __str__(self) -> str:
        return str(self.value)
