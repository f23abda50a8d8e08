from enum import StrEnum


class PortfolioRowDimension(StrEnum):
    AGE_BAND = "age_band"
    ALL = "all"
    GENDER = "gender"

    def __str__(self) -> str:
        return str(self.value)
