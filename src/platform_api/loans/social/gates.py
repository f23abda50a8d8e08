"""The checks loan origination makes for social underwriting and crowd-funding: an
approval needs the endorsements its product's rule requires; a crowd-funded loan is
disbursed once fully funded, or when the tenant funds the rest."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import asyncpg

from platform_api.audit import service as audit
from platform_api.audit.schemas import AuditAction, AuditResourceType
from platform_api.core.errors import Problem, conflict
from platform_api.core.outbox import emit


async def require_endorsements(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, application: Mapping[str, Any]
) -> None:
    row = await conn.fetchrow(
        "SELECT r.required_endorsements, (SELECT count(*) FROM loan_endorsements e "
        "WHERE e.tenant_id = r.tenant_id AND e.application_id = $3) AS endorsements "
        "FROM endorsement_rules r WHERE r.tenant_id = $1 AND r.product_id = $2",
        tenant_id,
        application["product_id"],
        application["id"],
    )
    if row is not None and row["endorsements"] < row["required_endorsements"]:
        required = row["required_endorsements"]
        raise Problem(
            409,
            f"The product's rule 'requires {required} endorsements before approval' is not "
            f"met: this application has {row['endorsements']}.",
            slug="endorsement-rule-not-met",
            extra={
                "rule": "requires_endorsements",
                "required_endorsements": required,
                "endorsements": row["endorsements"],
            },
        )


async def committed(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, application_id: uuid.UUID
) -> int:
    total: int = await conn.fetchval(
        "SELECT coalesce(sum(amount), 0)::bigint FROM loan_funding_commitments "
        "WHERE tenant_id = $1 AND application_id = $2",
        tenant_id,
        application_id,
    )
    return total


async def audit_commitment(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application: Mapping[str, Any],
    commitment_id: uuid.UUID,
    lender_id: uuid.UUID | None,
    amount: int,
) -> None:
    """A lender's (or, without `lender_id`, the tenant's own) commitment to fund part of
    an application, in the audit log."""
    related = {"commitment_id": commitment_id}
    if lender_id is not None:
        related["lender_id"] = lender_id
    await audit.record(
        conn,
        tenant_id,
        audit.Entry(
            actor=actor,
            action=AuditAction.FUNDING_COMMITTED,
            resource_type=AuditResourceType.LOAN_APPLICATION,
            resource_id=application["id"],
            currency=application["currency"],
            amounts={"amount": amount},
            related=related,
        ),
    )


async def announce_fully_funded(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, application: Mapping[str, Any], amount: int
) -> None:
    await emit(
        conn,
        tenant_id=tenant_id,
        type="loan_application.fully_funded",
        subject_id=application["id"],
        data={
            "application_id": str(application["id"]),
            "amount": amount,
            "currency": application["currency"],
        },
    )


async def require_funding(
    conn: asyncpg.Connection,
    *,
    tenant_id: uuid.UUID,
    actor: uuid.UUID,
    application: Mapping[str, Any],
    top_up: bool,
) -> None:
    """An application with commitments is crowd-funded: it waits for them to cover the
    approved amount, unless the tenant funds the rest now (`top_up`, recorded as the
    tenant's own commitment)."""
    total = await committed(conn, tenant_id, application["id"])
    amount = application["approved_amount"]
    if total == 0:
        return
    if total > amount:
        raise conflict(
            f"Commitments ({total}) exceed the approved amount ({amount}).",
            committed=total,
            approved_amount=amount,
        )
    if total == amount:
        return
    if not top_up:
        raise Problem(
            409,
            f"This crowd-funded loan is funded {total} of {amount}: disbursement waits for "
            "full funding, or send tenant_top_up: true for the tenant to fund the rest.",
            slug="awaiting-funding",
            extra={"committed": total, "remaining": amount - total},
        )
    commitment_id = await conn.fetchval(
        "INSERT INTO loan_funding_commitments (tenant_id, id, created_by, application_id, "
        "lender_id, amount, currency) VALUES ($1, gen_random_uuid(), $2, $3, NULL, $4, $5) "
        "RETURNING id",
        tenant_id,
        actor,
        application["id"],
        amount - total,
        application["currency"],
    )
    await audit_commitment(
        conn,
        tenant_id=tenant_id,
        actor=actor,
        application=application,
        commitment_id=commitment_id,
        lender_id=None,
        amount=amount - total,
    )
    await announce_fully_funded(conn, tenant_id, application, amount)
