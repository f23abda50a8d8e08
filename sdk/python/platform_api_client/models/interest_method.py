from enum import StrEnum


class InterestMethod(StrEnum):
    DECLINING_BALANCE_ANNUITY = "declining_balance_annuity"
    DECLINING_BALANCE_EQUAL_PRINCIPAL = "declining_balance_equal_principal"
    FLAT = "flat"

    def __str__(self) -> str:
        return str(self.value)
