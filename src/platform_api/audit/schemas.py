"""What the audit log records and shows: who did which money write or decision to what,
when, in which request, with the amounts and states involved. Details are typed so that
nothing personal can enter a log that can never be erased: amounts, state names, reason
codes and ids only; notes and free-text reasons stay on the resource itself."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class AuditAction(StrEnum):
    """Every action the log records (`<resource>[.<part>].<past-tense verb>`)."""

    APPLICATION_SUBMITTED = "loan_application.submitted"
    APPLICATION_APPROVED = "loan_application.approved"
    APPLICATION_DECLINED = "loan_application.declined"
    APPLICATION_WITHDRAWN = "loan_application.withdrawn"
    FUNDING_COMMITTED = "loan_application.funding.committed"
    LOAN_DISBURSED = "loan.disbursed"
    REPAYMENT_POSTED = "loan.repayment.posted"
    REPAYMENT_REVERSED = "loan.repayment.reversed"
    LOAN_CLOSED = "loan.closed"
    LOAN_REOPENED = "loan.reopened"
    LOAN_WRITTEN_OFF = "loan.written_off"
    GROUP_APPLICATION_SUBMITTED = "group_loan_application.submitted"
    GROUP_APPLICATION_APPROVED = "group_loan_application.approved"
    GROUP_APPLICATION_DECLINED = "group_loan_application.declined"
    GROUP_APPLICATION_DISBURSED = "group_loan_application.disbursed"
    GROUP_REPAYMENT_POSTED = "loan_group.repayment.posted"
    CIRCLE_STARTED = "lending_circle.started"
    CIRCLE_CANCELLED = "lending_circle.cancelled"
    CONTRIBUTION_RECEIVED = "lending_circle.contribution.received"
    PAYOUT_RELEASED = "lending_circle.payout.released"
    CIRCLE_COMPLETED = "lending_circle.completed"


class AuditResourceType(StrEnum):
    """What an action is about: the aggregate whose trail it belongs to (a repayment is
    part of its loan's trail; its own id is in `details.related`)."""

    LOAN_APPLICATION = "loan_application"
    LOAN = "loan"
    GROUP_LOAN_APPLICATION = "group_loan_application"
    LOAN_GROUP = "loan_group"
    LENDING_CIRCLE = "lending_circle"


class AuditActorKind(StrEnum):
    """The kind of principal that acted: today only a tenant's own clients move money or
    decide (the operator and funders cannot)."""

    TENANT = "tenant"


class AuditDetails(BaseModel):
    """The facts of the action; absent keys did not apply."""

    currency: str | None = Field(
        default=None, description="ISO 4217 code of every amount.", examples=["KES"]
    )
    amounts: dict[str, int] = Field(
        default_factory=dict,
        description="Amounts in the currency's minor unit, by role (e.g. `amount`, "
        "`principal`, `interest`, `fees`, `approved`, `requested`).",
    )
    from_state: str | None = Field(default=None, description="The resource's state before.")
    to_state: str | None = Field(default=None, description="The resource's state after.")
    reason: str | None = Field(
        default=None,
        description="A reason code (e.g. a decline reason). Free-text reasons and notes "
        "are kept on the resource, where they can be anonymised, never here.",
    )
    related: dict[str, uuid.UUID] = Field(
        default_factory=dict,
        description="Ids of the parts involved (e.g. `repayment_id`, `contribution_id`).",
    )


class AuditEvent(BaseModel):
    """One entry of the tenant's append-only audit log."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0b9f6a52-4d4e-4c1e-9a43-5c1f0f3b8e21",
                    "occurred_at": "2026-12-07T09:30:12.481Z",
                    "actor_id": "5d0c2f7e-8a11-4c55-b1d6-0f4f7d2a9c10",
                    "actor_kind": "tenant",
                    "action": "loan.repayment.posted",
                    "resource_type": "loan",
                    "resource_id": "a1c7e1f0-2b5d-4f0e-8d7a-3e9b6c4d2f18",
                    "request_id": "7f3e9c1a2b4d4e6f8a0b1c2d3e4f5a6b",
                    "details": {
                        "currency": "KES",
                        "amounts": {
                            "amount": 150000,
                            "principal": 120000,
                            "interest": 30000,
                            "fees": 0,
                            "overpayment": 0,
                        },
                        "from_state": None,
                        "to_state": None,
                        "reason": None,
                        "related": {"repayment_id": "c3d1f6b2-7e8a-4b9c-a0d1-e2f3a4b5c6d7"},
                    },
                }
            ]
        }
    )

    id: uuid.UUID
    occurred_at: datetime = Field(description="When (the database's clock).")
    actor_id: uuid.UUID = Field(description="The API client that acted.")
    actor_kind: AuditActorKind
    action: AuditAction
    resource_type: AuditResourceType
    resource_id: uuid.UUID
    request_id: str | None = Field(description="The `X-Request-ID` of the request it was made in.")
    details: AuditDetails
