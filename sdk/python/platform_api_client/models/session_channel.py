from enum import StrEnum


class SessionChannel(StrEnum):
    EMAIL = "email"
    IN_PERSON = "in_person"
    OTHER = "other"
    PHONE = "phone"
    SMS = "sms"
    VIDEO = "video"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)
