"""The catalogue of event types a webhook endpoint can subscribe to. Each domain adds the
types it emits through `core/outbox.py`; a subscription to an unknown type is refused."""

from __future__ import annotations

EVENT_TYPES: dict[str, str] = {
    "webhook_endpoint.disabled": "An endpoint was disabled: by hand, or failing too long.",
    "loan_application.submitted": "An application was submitted and underwritten.",
    "loan_application.approved": "An application was approved (maker-checker).",
    "loan_application.declined": "An application was declined, with a reason code.",
    "loan_application.withdrawn": "An application was withdrawn by the applicant.",
    "loan.disbursed": "A loan was disbursed and its account opened.",
    "repayment.posted": "A repayment was posted and allocated.",
    "repayment.reversed": "A repayment was reversed; later payments were re-applied.",
    "installment.overdue": "An installment passed its due date unpaid.",
    "loan.closed": "A loan was fully repaid.",
    "loan.reopened": "A reversal reopened a closed loan.",
    "loan.written_off": "A loan's outstanding principal was written off.",
    "lending_circle.started": "A lending circle started: payout order and calendar fixed.",
    "lending_circle.contribution_received": "A member's contribution to a round was recorded.",
    "lending_circle.contribution_missed": "A round paid out while a member was short on it.",
    "lending_circle.payout_released": "A round's pot was paid to its recipient.",
    "lending_circle.member_in_arrears": "A member who received the pot missed a contribution.",
    "lending_circle.completed": "A lending circle's last round was paid out.",
    "loan_application.fully_funded": "A crowd-funded application's commitments reached its "
    "amount (lenders', or with the tenant's top-up).",
    "match.proposed": "A mentor was proposed to an entrepreneur (both organisations).",
    "match.accepted": "The mentor's organisation accepted a match (both organisations).",
    "match.declined": "A proposed match was declined, with a reason (both organisations).",
    "match.completed": "An active match ended; the mentor's slot is free (both organisations).",
    "cohort_assignment.finished": "A cohort assignment succeeded or failed.",
}
