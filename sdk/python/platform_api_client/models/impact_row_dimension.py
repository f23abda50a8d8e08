from enum import StrEnum


class ImpactRowDimension(StrEnum):
    AGE_BAND = "age_band"
    ALL = "all"
    GENDER = "gender"

    def __str__(self) -> str:
        return str(self.value)
