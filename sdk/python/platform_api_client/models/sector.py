from enum import StrEnum


class Sector(StrEnum):
    AGRICULTURE = "agriculture"
    BEAUTY = "beauty"
    CONSTRUCTION = "construction"
    CREATIVE = "creative"
    EDUCATION = "education"
    FASHION = "fashion"
    FOOD = "food"
    HEALTH = "health"
    MANUFACTURING = "manufacturing"
    OTHER = "other"
    RETAIL = "retail"
    SERVICES = "services"
    TECHNOLOGY = "technology"
    TRANSPORT = "transport"

    def __str__(self) -> str:
        return str(self.value)
