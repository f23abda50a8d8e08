from enum import StrEnum


class Channel(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"
    CASH = "cash"
    MOBILE_MONEY = "mobile_money"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
