from enum import StrEnum


class AuditActorKind(StrEnum):
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
