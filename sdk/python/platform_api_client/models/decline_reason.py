from enum import StrEnum


class DeclineReason(StrEnum):
    CREDIT_HISTORY = "credit_history"
    INCOMPLETE_DOCUMENTS = "incomplete_documents"
    INSUFFICIENT_CASH_FLOW = "insufficient_cash_flow"
    OTHER = "other"
    OUTSIDE_POLICY = "outside_policy"
    OVER_INDEBTED = "over_indebted"

    def __str__(self) -> str:
        return str(self.value)
