from enum import StrEnum


class PrincipalKind(StrEnum):
    FUNDER = "funder"
    OPERATOR = "operator"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
