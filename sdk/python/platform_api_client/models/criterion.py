from enum import StrEnum


class Criterion(StrEnum):
    EXPERTISE = "expertise"
    FOCUS = "focus"
    FUNDS = "funds"
    GENDER = "gender"
    LOCATION = "location"
    PRODUCT = "product"
    REGION = "region"
    SECTOR = "sector"
    STAGE = "stage"

    def __str__(self) -> str:
        return str(self.value)
