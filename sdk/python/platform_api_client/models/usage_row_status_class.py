from enum import StrEnum


class UsageRowStatusClass(StrEnum):
    VALUE_0 = "1xx"
    VALUE_1 = "2xx"
    VALUE_2 = "3xx"
    VALUE_3 = "4xx"
    VALUE_4 = "5xx"

    def __str__(self) -> str:
        return str(self.value)
