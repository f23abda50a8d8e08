from enum import StrEnum


class LenderProduct(StrEnum):
    CROWDFUNDED = "crowdfunded"
    GROUP = "group"
    INDIVIDUAL = "individual"

    def __str__(self) -> str:
        return str(self.value)
