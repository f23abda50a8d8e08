from enum import StrEnum


class Stage(StrEnum):
    ESTABLISHED = "established"
    GROWING = "growing"
    IDEA = "idea"
    STARTING = "starting"

    def __str__(self) -> str:
        return str(self.value)
